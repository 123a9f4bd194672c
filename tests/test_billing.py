"""Invoices and payments against the real database: hand-checked amounts, gap-free GİB
numbers under concurrent issuers, the status flow the database enforces, buyers from
user profiles, payments and refunds, license purchases, the PDF in the store, and the
``invoice`` command.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import time
from decimal import Decimal

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from cncworkbench.cli import main
from cncworkbench.core.money import LineInput
from cncworkbench.db.models import AuditLog, Invoice, InvoiceIssue, License, Payment, User
from cncworkbench.errors import PermissionDenied, ValidationError
from cncworkbench.services.access import audit, identity, licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce import billing
from tests.support.people import PASSWORD, make_user

OWNER = Actor.system()
D = Decimal
VKN = "1234567890"  # check digits valid
TCKN = "10000000146"
ADDRESS = "Organize Sanayi Bölgesi, Mavi Cad. No: 7, Nilüfer / Bursa"
YEAR = billing.today().year
DAYS = dt.timedelta(days=1)
# 3 × 1.234,565 = 3.703,695 -> 3.703,70, KDV 740,74; 1 × 0,005 -> 0,01, KDV 0,00;
# subtotal 3.703,71, KDV 740,74, total 4.444,45 TL (see tests/test_money.py)
HAND_CHECKED = [LineInput("CAM lisansı", 3, "1.234,565"), LineInput("Kuruş farkı", 1, "0.005")]


def count(db, table) -> int:
    with db.session() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(table))


def counts(db) -> tuple[int, int, int]:
    return count(db, Invoice), count(db, Payment), count(db, AuditLog)


def actions(db) -> list[str]:
    with db.session() as session:
        return list(session.scalars(sa.select(AuditLog.action).order_by(AuditLog.id)))


@pytest.fixture
def buyer(db):
    user_id = make_user(
        db, "muhasebe@ozgurkalip.example", "viewer",
        company_name="Özgür Kalıp Makine San. ve Tic. Ltd. Şti.", tax_no=VKN, address=ADDRESS,
    )  # fmt: skip
    with db.session() as session:  # the tax office lives in the profile's metadata
        session.get(User, user_id).metadata_ = {"tax_office": "Nilüfer"}
    return user_id


def issued(db, buyer, lines=HAND_CHECKED, prefix="CNC", **kwargs) -> Invoice:
    with db.session() as session:
        invoice = billing.create_invoice(
            session, OWNER, buyer, lines, issue_prefix=prefix, **kwargs
        )
        session.expunge(invoice)
    return invoice


def pay(db, invoice_id, amount, ref, method="transfer", provider="garanti", fee="0"):
    with db.session() as session:
        payment = billing.record_payment(
            session, OWNER, invoice_id, provider, ref, method, amount, fee=fee
        )
        return payment.id


def invoice_row(db, invoice_id) -> Invoice:
    with db.session() as session:
        row = session.get(Invoice, invoice_id)
        session.expunge(row)
    return row


# ----------------------------------------------------------------------------- invoices
def test_a_hand_checked_invoice_is_stored_exactly_and_numbered(db, buyer):
    invoice = issued(db, buyer, notes="Sipariş no: ÖK-2026/118")
    assert invoice.invoice_number == f"CNC{YEAR}000000001" and len(invoice.invoice_number) == 16
    assert invoice.status == "sent" and invoice.currency == "TRY"
    assert (invoice.subtotal, invoice.tax_rate, invoice.tax_amount, invoice.total) == (
        D("3703.71"),
        D("20.00"),
        D("740.74"),
        D("4444.45"),
    )
    assert invoice.due_date == billing.today() + dt.timedelta(days=14)
    assert invoice.line_items[0] == {
        "description": "CAM lisansı",
        "quantity": "3",
        "unit": "adet",
        "unit_price": "1234.565",
        "amount": "3703.70",
        "tax_amount": "740.74",
    }
    with db.session() as session:
        issue = session.get(InvoiceIssue, invoice.id)
        assert (issue.prefix, issue.year, issue.sequence) == ("CNC", YEAR, 1)
        assert issue.buyer["tax_no"] == VKN and issue.buyer["tax_office"] == "Nilüfer"
        # a later profile edit does not change what the issued invoice says
        session.get(User, buyer).company_name = "Başka Şirket A.Ş."
    with db.session() as session:
        printed = billing.printable_invoice(session, invoice.id)
    assert printed["buyer"]["name"] == "Özgür Kalıp Makine San. ve Tic. Ltd. Şti."
    assert printed["number"] == invoice.invoice_number and printed["draft"] is False
    assert [line["amount"] for line in printed["lines"]] == ["3.703,70", "0,01"]
    assert printed["lines"][0]["unit_price"] == "1.234,565"
    assert (printed["subtotal"], printed["tax_amount"], printed["total"]) == (
        "3.703,71",
        "740,74",
        "4.444,45",
    )
    assert printed["total_in_words"] == (
        "Yalnız dört bin dört yüz kırk dört Türk lirası kırk beş kuruş"
    )
    assert printed["notes"] == "Sipariş no: ÖK-2026/118"
    assert actions(db)[-2:] == ["invoice.create", "invoice.issue"]


def test_usd_eur_and_one_percent_invoices(db, buyer):
    # 4 × 99,99 = 399,96 USD; KDV 20 %: 79,992 -> 79,99; total 479,95 USD
    usd = issued(db, buyer, [LineInput("Seat", 4, "99.99")], currency="usd")
    # 1 × 12,25 = 12,25 (KDV 1,225 -> 1,23); 1,5 × 1.000,10 = 1.500,15 (KDV 150,015 -> 150,02)
    eur = issued(
        db, buyer, [LineInput("Eğitim", 1, "12.25"), LineInput("Danışmanlık", "1,5", "1000.10")],
        currency="EUR", tax_rate=10,
    )  # fmt: skip
    # 2 × 0,25 = 0,50 (KDV 1 %: 0,005 -> 0,01); 7 × 12,345 = 86,415 -> 86,42 (KDV 0,86)
    low = issued(
        db, buyer, [LineInput("Kalıp", 2, "0,25"), LineInput("Parça", 7, D("12.345"))],
        tax_rate="1",
    )  # fmt: skip
    got = [
        (i.currency, i.subtotal, i.tax_rate, i.tax_amount, i.total)
        for i in (invoice_row(db, x.id) for x in (usd, eur, low))
    ]
    assert got == [
        ("USD", D("399.96"), D("20.00"), D("79.99"), D("479.95")),
        ("EUR", D("1512.40"), D("10.00"), D("151.25"), D("1663.65")),
        ("TRY", D("86.92"), D("1.00"), D("0.87"), D("87.79")),
    ]
    # one counter per prefix and year, whatever the currency
    assert [usd.invoice_number[-3:], eur.invoice_number[-3:], low.invoice_number[-3:]] == [
        "001",
        "002",
        "003",
    ]
    with db.session() as session:
        printed = billing.printable_invoice(session, eur.id)
    assert printed["currency_sign"] == "EUR" and printed["total"] == "1.663,65"
    assert printed["total_in_words"] == "Yalnız bin altı yüz altmış üç avro altmış beş sent"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"currency": "GBP"}, "Unknown currency 'GBP'"),
        ({"tax_rate": "18"}, "KDV rate 18 % is not one in force"),
        ({"lines": [LineInput("x", 1, "-100")]}, "unit price must not be negative"),
        ({"lines": [LineInput("x", 1, "999999999")]}, "above the limit"),
        ({"lines": [LineInput("x", -1, "10")]}, "quantity must be more than zero"),
        ({"lines": []}, "at least one line"),
        ({"lines": [LineInput("a\x00b", 1, 1)]}, "control characters"),
        ({"lines": [LineInput("x" * 10_000, 1, 1)]}, "longer than 500 characters"),
        ({"notes": "n" * 2001}, "notes is longer than 2000"),
        ({"notes": "zil\x1b[31m"}, "notes contains control characters"),
        ({"invoice_type": "gift"}, "Unknown invoice type 'gift'"),
        ({"due_date": dt.date(2020, 1, 1)}, "due date 01.01.2020 is in the past"),
        ({"due_date": dt.date.today() + dt.timedelta(days=400)}, "more than a year away"),
        (
            {"billing_period": (dt.date(2026, 5, 1), dt.date(2026, 4, 1))},
            "billing period ends .* before it starts",
        ),
        ({"issue_prefix": "cn"}, "prefix 'CN' must be 3 capital letters"),
        ({"issue_prefix": "C-1"}, "must be 3 capital letters or digits"),
        ({"user_id": 424242}, "no user with id 424242"),
    ],
)
def test_bad_invoices_are_refused_and_nothing_is_stored(db, buyer, kwargs, message):
    before = counts(db)
    arguments = {"user_id": buyer, "lines": [LineInput("Lisans", 1, 100)], **kwargs}
    with pytest.raises(ValidationError, match=message), db.session() as session:
        billing.create_invoice(session, OWNER, **arguments)
    assert counts(db) == before


def test_the_buyer_needs_company_tax_number_and_address(db, buyer):
    person = make_user(db, "usta@atolye.example", "operator", tax_no=TCKN)
    with pytest.raises(ValidationError) as missing, db.session() as session:
        billing.create_invoice(session, OWNER, person, [LineInput("x", 1, 1)])
    assert str(missing.value) == (
        "The buyer usta@atolye.example has no company name and no address; complete the "
        "user's profile before invoicing."
    )
    # a tax number written past the service (a raw client, an old import) is checked again
    with db.session() as session:
        session.execute(sa.update(User).where(User.id == buyer).values(tax_no="1234567891"))
    before = counts(db)
    with (
        pytest.raises(ValidationError, match="VKN '1234567891' fails its check digits"),
        db.session() as session,
    ):
        billing.create_invoice(session, OWNER, buyer, [LineInput("x", 1, 1)])
    assert counts(db) == before
    # a person (TCKN) with a full profile can be billed
    with db.session() as session:
        session.execute(
            sa.update(User)
            .where(User.id == person)
            .values(company_name="Ahmet Usta", address="Ostim, Ankara")
        )
    assert issued(db, person, [LineInput("x", 1, 1)]).invoice_number.endswith("1")


def test_hostile_text_is_stored_as_text(db, buyer):
    hostile = "'); DROP TABLE invoices; -- <script>alert('x')</script> ${jndi:ldap://x}"
    invoice = issued(db, buyer, [LineInput(hostile, 1, 10)], notes=hostile)
    with db.session() as session:
        printed = billing.printable_invoice(session, invoice.id)
    assert printed["lines"][0]["description"] == hostile and printed["notes"] == hostile
    assert count(db, Invoice) == 1


# ------------------------------------------------------------------------------ numbers
def test_invoice_numbers_are_gap_free_under_concurrent_issuers(db, buyer):
    threads_n, per_thread, rolled_back_each = 8, 5, 2
    with db.session() as session:
        drafts = [
            billing.create_invoice(session, OWNER, buyer, [LineInput(f"Satır {n}", 1, 10)]).id
            for n in range(threads_n * (per_thread + rolled_back_each))
        ]
    chunks = [drafts[n::threads_n] for n in range(threads_n)]
    start = threading.Barrier(threads_n)
    errors: list[BaseException] = []
    kept: list[int] = []

    class RolledBack(Exception):
        pass

    def issuer(mine):
        start.wait()
        try:
            for index, invoice_id in enumerate(mine):
                try:
                    with db.session() as session:
                        billing.issue_invoice(session, OWNER, invoice_id)
                        if index % 3 == 1 and index < 3 * rolled_back_each:
                            raise RolledBack  # e.g. the PDF failed: the number is given back
                    kept.append(invoice_id)
                except RolledBack:
                    pass
        except BaseException as exc:  # reported below
            errors.append(exc)

    workers = [threading.Thread(target=issuer, args=(chunk,)) for chunk in chunks]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    assert errors == []
    n = threads_n * per_thread
    print(
        f"{n} invoices issued by {threads_n} threads "
        f"(+{threads_n * rolled_back_each} rolled back) in {elapsed:.2f} s"
    )
    assert len(kept) == n
    with db.session() as session:
        numbers = session.scalars(
            sa.select(Invoice.invoice_number).where(Invoice.status == "sent")
        ).all()
        assert (
            session.scalar(
                sa.select(sa.func.count()).select_from(Invoice).where(Invoice.status == "draft")
            )
            == threads_n * rolled_back_each
        )
        sequences = sorted(session.scalars(sa.select(InvoiceIssue.sequence)).all())
    assert sorted(numbers) == [f"CNC{YEAR}{k:09d}" for k in range(1, n + 1)]
    assert sequences == list(range(1, n + 1))
    # the drafts that were rolled back are issued later and take the next numbers
    with db.session() as session:
        late = session.scalar(sa.select(Invoice.id).where(Invoice.status == "draft").limit(1))
        assert billing.issue_invoice(session, OWNER, late).invoice_number == (
            f"CNC{YEAR}{n + 1:09d}"
        )
    # another prefix counts on its own
    assert issued(db, buyer, prefix="IHR").invoice_number == f"IHR{YEAR}000000001"
    assert audit.verify(db).ok


def test_the_database_keeps_issued_invoices_as_issued(db, buyer):
    invoice = issued(db, buyer)
    with db.session() as session:
        draft = billing.create_invoice(session, OWNER, buyer, [LineInput("x", 1, 1)]).id
    for statement, message in (
        ("UPDATE invoices SET total = 1, subtotal = 1, tax_amount = 0 WHERE id = :id", "issued"),
        ("UPDATE invoices SET line_items = '[]' WHERE id = :id", "never change"),
        ("UPDATE invoices SET status = 'draft' WHERE id = :id", "cannot go from sent to draft"),
    ):
        with pytest.raises(sa.exc.DBAPIError, match=message), db.session() as session:
            session.execute(sa.text(statement), {"id": invoice.id})
    # a draft is sent by issuing it, not by writing its status
    with pytest.raises(sa.exc.DBAPIError, match="sent by issuing it"), db.session() as session:
        session.execute(
            sa.text(f"UPDATE invoices SET status = 'sent', invoice_number = 'CNC{YEAR}000000777' "
                    "WHERE id = :id"),
            {"id": draft},
        )  # fmt: skip
    with pytest.raises(ValidationError, match="is sent, not a draft"), db.session() as session:
        billing.issue_invoice(session, OWNER, invoice.id)
    assert invoice_row(db, invoice.id).total == D("4444.45")


# ----------------------------------------------------------------------------- statuses
def test_status_moves_draft_sent_overdue_paid_and_cancelled(db, buyer):
    with db.session() as session:
        draft = billing.create_invoice(
            session, OWNER, buyer, [LineInput("x", 1, 100)], due_date=billing.today()
        ).id
    with db.session() as session:
        assert billing.list_invoices(session, "draft")[0].number is None
        billing.issue_invoice(session, OWNER, draft)
    with db.session() as session:
        invoice = session.get(Invoice, draft)
        assert billing.effective_status(invoice) == "sent"
        tomorrow = billing.today() + dt.timedelta(days=1)
        assert billing.effective_status(invoice, tomorrow) == "overdue"  # due date passed
        assert billing.mark_overdue(session, OWNER, billing.today()) == []
        assert billing.mark_overdue(session, OWNER, tomorrow) == [draft]
        assert billing.mark_overdue(session, OWNER, tomorrow) == []  # idempotent
    assert invoice_row(db, draft).status == "overdue"
    pay(db, draft, "120", "EFT-1")  # 100 + 20 % KDV
    paid = invoice_row(db, draft)
    assert paid.status == "paid" and paid.paid_at is not None and paid.payment_method == "transfer"
    with pytest.raises(ValidationError, match="is paid; refund it before"), db.session() as s:
        billing.cancel_invoice(s, OWNER, draft, "vazgeçildi")
    # cancelling: a draft, and an issued invoice keeps its number (no gap)
    other = issued(db, buyer, [LineInput("y", 1, 50)])
    with db.session() as session:
        billing.cancel_invoice(session, OWNER, other.id, "Müşteri vazgeçti")
    cancelled = invoice_row(db, other.id)
    assert cancelled.status == "cancelled" and cancelled.invoice_number == other.invoice_number
    assert "İptal: Müşteri vazgeçti" in cancelled.notes
    with pytest.raises(ValidationError, match="payments are recorded for issued, unpaid"):
        pay(db, other.id, "60", "EFT-2")
    with db.session() as session:
        assert [i.id for i in billing.list_invoices(session, "cancelled")] == [other.id]
        assert [i.id for i in billing.list_invoices(session, "paid")] == [draft]


# ----------------------------------------------------------------------------- payments
def test_partial_payments_settle_the_invoice_and_refunds_reopen_it(db, buyer):
    invoice = issued(db, buyer)  # 4.444,45 TL
    first = pay(db, invoice.id, "1.000,00", "EFT-2026-0001", "bank_transfer", "garanti")
    assert invoice_row(db, invoice.id).status == "sent"
    with db.session() as session:
        assert billing.balance(session, invoice_row(db, invoice.id)).outstanding == D("3444.45")
    with pytest.raises(ValidationError, match=r"more than the 3,444\.45 TRY still owed"):
        pay(db, invoice.id, "3444.46", "iyz-over", "card", "iyzico")
    second = pay(db, invoice.id, "3444.45", "iyz-778899", "card", "iyzico", fee="99.89")
    settled = invoice_row(db, invoice.id)
    assert settled.status == "paid" and settled.payment_method == "card"
    with db.session() as session:
        card = session.get(Payment, second)
        assert (card.method, card.provider, card.fee, card.status) == (
            "card", "iyzico", D("99.89"), "completed"
        )  # fmt: skip
        assert session.get(Payment, first).method == "transfer"
    # partial refund, then one above what is left is refused, then the rest
    with db.session() as session:
        billing.refund_payment(session, OWNER, second, "444,45", "Eksik teslim")
    reopened = invoice_row(db, invoice.id)
    assert reopened.status == "sent" and reopened.paid_at is None
    before = counts(db)
    with pytest.raises(ValidationError) as above, db.session() as session:
        billing.refund_payment(session, OWNER, second, "3000.01", "fazla")
    assert str(above.value) == (
        f"A refund of 3,000.01 TRY is more than the 3,000.00 TRY left of payment #{second} "
        "(3,444.45 TRY, 444.45 TRY refunded already)."
    )
    assert counts(db) == before
    with db.session() as session:
        full = billing.refund_payment(session, OWNER, second, "3000", "İptal")
        assert (full.status, full.refund_amount) == ("refunded", D("3444.45"))
        assert "Eksik teslim" in full.refund_reason and "İptal" in full.refund_reason
        assert [r["amount"] for r in full.metadata_["refunds"]] == ["444.45", "3000"]
    with pytest.raises(ValidationError, match="nothing to refund"), db.session() as session:
        billing.refund_payment(session, OWNER, second, "1", "tekrar")
    assert [a for a in actions(db) if a.startswith(("payment.", "invoice.p", "invoice.r"))] == [
        "payment.record",
        "payment.record",
        "invoice.paid",
        "payment.refund",
        "invoice.reopen",
        "payment.refund",
    ]
    assert audit.verify(db).ok


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"amount": "-5"}, "payment amount must not be negative"),
        ({"amount": "0"}, "payment amount must be more than zero"),
        ({"amount": "1e12"}, "not a number"),
        ({"amount": D("100000000.01")}, "above the limit"),
        ({"amount": "10.001"}, "ambiguous"),
        ({"fee": "-1"}, "fee must not be negative"),
        ({"fee": "50"}, "fee 50 is not less than the payment amount 50"),
        ({"method": "cash"}, "Unknown payment method 'cash'; use bank_transfer or card"),
        ({"provider": "Bank of <script>"}, "provider 'bank of <script>' must be a short name"),
        ({"provider_ref": "  "}, "provider reference is required"),
        ({"provider_ref": "r" * 256}, "provider reference is longer than 255"),
        ({"provider_ref": "ref\nx\x00"}, "control characters"),
        ({"currency": "USD"}, "payment is in USD but invoice .* is in TRY"),
        ({"currency": "XAU"}, "Unknown currency 'XAU'"),
        ({"invoice_id": 999999}, "no invoice #999999"),
    ],
)
def test_bad_payments_are_refused_and_nothing_is_stored(db, buyer, kwargs, message):
    invoice = issued(db, buyer)
    before = counts(db)
    arguments = {
        "invoice_id": invoice.id, "provider": "garanti", "provider_ref": "EFT-9",
        "method": "transfer", "amount": "50", **kwargs,
    }  # fmt: skip
    with pytest.raises(ValidationError, match=message), db.session() as session:
        billing.record_payment(session, OWNER, **arguments)
    assert counts(db) == before


def test_a_provider_reference_is_recorded_once_even_concurrently(db, buyer):
    one, two = issued(db, buyer), issued(db, buyer)
    pay(db, one.id, "100", "EFT-DUP")
    before = counts(db)
    with pytest.raises(ValidationError, match="'EFT-DUP' is recorded already"):
        pay(db, two.id, "100", "EFT-DUP")
    assert counts(db) == before
    # two clerks type the same new reference for two invoices at the same moment
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def clerk(invoice_id):
        start.wait()
        try:
            pay(db, invoice_id, "10", "EFT-RACE")
            outcomes.append("recorded")
        except ValidationError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=clerk, args=(i,)) for i in (one.id, two.id)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [
        "A payment with the provider reference 'EFT-RACE' is recorded already.",
        "recorded",
    ]
    with db.session() as session:
        refs = session.scalars(sa.select(Payment.provider_ref).order_by(Payment.id)).all()
    assert refs == ["EFT-DUP", "EFT-RACE"]


def test_a_paid_license_invoice_turns_the_trial_into_the_plan_bought(db, buyer):
    holder = make_user(
        db, "patron@atolye.example", "admin", company_name="Atölye Ltd.", tax_no=VKN,
        address="Ostim, Ankara",
    )  # fmt: skip
    with db.session() as session:
        trial = licenses.add_license(session, OWNER, holder, "trial", seats=2).id
    until = billing.today() + dt.timedelta(days=365)
    with db.session() as session:
        invoice = billing.license_invoice(
            session, OWNER, trial, "1500", until, "professional", seats=5, issue_prefix="CNC"
        )
        invoice_id, total = invoice.id, invoice.total
        # 5 seats × 1.500,00 = 7.500,00; KDV 1.500,00; total 9.000,00
        assert (invoice.subtotal, invoice.total) == (D("7500.00"), D("9000.00"))
        assert invoice.billing_period_start == billing.today()
        assert invoice.user_id == holder
    with db.session() as session:
        assert session.get(License, trial).type == "trial"  # not before it is paid
    pay(db, invoice_id, total, "EFT-LIC-1")
    with db.session() as session:
        row = session.get(License, trial)
        assert (row.id, row.type, row.seats, row.status) == (trial, "professional", 5, "active")
        assert licenses.to_moment(until) == row.ends_at
        assert row.features["adaptive_clearing"] is True
        purchase = session.scalar(sa.select(AuditLog).where(AuditLog.action == "license.purchase"))
        assert purchase.changes["type"] == ["trial", "professional"]
    assert audit.verify(db).ok


# ------------------------------------------------------------------ who may do what
def test_only_billing_administrators_invoice_and_buyers_see_their_own(db, buyer, app_context):
    make_user(db, "muhasebeci@atolye.example", "admin")
    make_user(db, "muhendis@atolye.example", "engineer")
    other = make_user(
        db, "diger@musteri.example", "viewer", company_name="Diğer", tax_no=TCKN, address="İzmir"
    )
    admin = identity.sign_in(app_context, "muhasebeci@atolye.example", PASSWORD)
    engineer = identity.sign_in(app_context, "muhendis@atolye.example", PASSWORD)
    try:
        with admin.db.session() as session:  # through cnc_app and row-level security
            mine = billing.create_invoice(
                session, admin.actor, buyer, HAND_CHECKED, issue_prefix="CNC"
            ).id
        with admin.db.session() as session:
            billing.create_invoice(session, admin.actor, other, HAND_CHECKED, issue_prefix="CNC")
        with admin.db.session() as session:
            billing.record_payment(
                session, admin.actor, mine, "garanti", "EFT-ADM", "transfer", "4444.45"
            )
        with engineer.db.session() as session, pytest.raises(PermissionDenied):
            billing.create_invoice(session, engineer.actor, buyer, HAND_CHECKED)
        # a raw attempt to issue is refused by the database as well
        with (
            pytest.raises(sa.exc.DBAPIError, match="only billing administrators"),
            engineer.db.session() as session,
        ):
            session.execute(sa.text("SELECT cnc_issue_invoice(1, 'CNC', '{}'::jsonb, '{}'::jsonb)"))
    finally:
        admin.close()
        engineer.close()
    viewer = identity.sign_in(app_context, "muhasebe@ozgurkalip.example", PASSWORD)
    try:
        with viewer.db.session() as session:
            seen = billing.list_invoices(session)
            assert [(i.id, i.status) for i in seen] == [(mine, "paid")]
            assert seen[0].outstanding == D("0.00")
    finally:
        viewer.close()
    with db.session() as session:
        issuer = session.scalar(
            sa.select(InvoiceIssue.issued_by).where(InvoiceIssue.invoice_id == mine)
        )
        assert issuer == admin.user_id


def test_the_invoice_pdf_is_stored_before_the_row_points_at_it(db, buyer, store):
    invoice = issued(db, buyer)
    with db.session() as session:
        draft = billing.create_invoice(session, OWNER, buyer, HAND_CHECKED).id
    with pytest.raises(ValidationError, match="issue it first"), db.session() as session:
        billing.store_pdf(session, store, draft, b"%PDF-1.7 x", OWNER)
    with pytest.raises(ValidationError, match="not a PDF"), db.session() as session:
        billing.store_pdf(session, store, invoice.id, b"<html>", OWNER)
    assert list(store.iter_objects()) == []
    with db.session() as session:
        key = billing.store_pdf(session, store, invoice.id, b"%PDF-1.7 fatura", OWNER)
    digest = hashlib.sha256(b"%PDF-1.7 fatura").hexdigest()  # the key records it
    assert key.endswith(f"{invoice.invoice_number}.{digest}.pdf")
    assert invoice_row(db, invoice.id).pdf_s3_key == key
    assert store.get_bytes(key) == b"%PDF-1.7 fatura"
    assert actions(db)[-1] == "invoice.pdf"


# ---------------------------------------------------------------------------------- CLI
@pytest.fixture
def run_cli(db, monkeypatch):
    def run(*args, code=0):
        with monkeypatch.context() as patch:
            patch.setenv("CNC_DATABASE_URL", db.url)
            result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    return run


def test_invoice_commands(db, buyer, run_cli):
    created = run_cli(
        "invoice", "create", "--buyer", "muhasebe@ozgurkalip.example",
        "--line", "CAM lisansı;3;1.234,565", "--line", "Kuruş; farkı;1;0.005",
    )  # fmt: skip
    assert "Invoice draft #1 for muhasebe@ozgurkalip.example: subtotal 3,703.71 TRY" in created
    assert "KDV 740.74 TRY (20%), total 4,444.45 TRY" in created
    assert "#1    draft" in run_cli("invoice", "list", "--status", "draft")
    assert f"issued as CNC{YEAR}000000001" in run_cli("invoice", "issue", 1)
    shown = run_cli("invoice", "show", 1)
    assert "Kuruş; farkı" in shown and "Genel toplam 4.444,45 TL" in shown
    assert "Yalnız dört bin dört yüz kırk dört Türk lirası kırk beş kuruş" in shown
    part = run_cli(
        "invoice", "pay", 1, "--amount", "4000", "--method", "bank_transfer",
        "--provider", "garanti", "--ref", "EFT-CLI-1",
    )  # fmt: skip
    assert "Payment #1 of 4,000.00 TRY recorded; 444.45 TRY still owed on CNC" in part
    rest = run_cli(
        "invoice", "pay", 1, "--amount", "444,45", "--method", "card", "--provider", "iyzico",
        "--ref", "iyz-CLI-2", "--fee", "12,50",
    )  # fmt: skip
    assert f"invoice CNC{YEAR}000000001 is paid" in rest
    assert "paid" in run_cli("invoice", "list", "--status", "paid")
    refunded = run_cli("invoice", "refund", 2, "--amount", "44,45")
    assert "Payment #2: 44.45 TRY refunded in all, 400.00 TRY kept (completed)." in refunded
    usd = run_cli(
        "invoice", "create", "--buyer", "muhasebe@ozgurkalip.example", "--line", "Seat;4;99.99",
        "--currency", "USD", "--tax-rate", "20", "--due", f"{billing.today() + 30 * DAYS:%d.%m.%Y}",
    )  # fmt: skip
    assert "total 479.95 USD" in usd


def test_invoice_command_errors_are_one_line_and_store_nothing(db, buyer, run_cli):
    before = counts(db)
    for args, message in (
        (("--line", "Lisans;1"), "write DESCRIPTION;QUANTITY;UNIT_PRICE"),
        (("--line", "Lisans;1;-5"), "unit price must not be negative"),
        (("--line", "Lisans;1;5", "--currency", "GBP"), "Unknown currency 'GBP'"),
        (("--line", "Lisans;1;5", "--due", "yarın"), "The due date 'yarın' is not a date"),
        (("--line", "Lisans;1;5", "--tax-rate", "18"), "KDV rate 18 %"),
    ):
        output = run_cli(
            "invoice", "create", "--buyer", "muhasebe@ozgurkalip.example", *args, code=2
        )
        assert output.startswith("error: ") and message in output, output
        assert len(output.strip().splitlines()) == 1
    assert "no user yok@x.example" in run_cli(
        "invoice", "create", "--buyer", "yok@x.example", "--line", "a;1;1", code=2
    )
    assert "no invoice #77" in run_cli("invoice", "issue", 77, code=2)
    assert "There is no payment #5" in run_cli("invoice", "refund", 5, "--amount", "1", code=2)
    assert counts(db) == before
    assert re.search("No invoices", run_cli("invoice", "list"))
