"""Invoices for license purchases and renewals, and the payments that settle them.

An invoice starts as a draft (its number a placeholder) and is *issued*: the database
(``cnc_issue_invoice``, migration 0007) gives it the next gap-free number of its prefix
and year, ``CNC2026000000001``, freezes the seller's and buyer's details and marks it
sent. From then on its lines and amounts never change. Status: draft → sent → paid /
overdue / cancelled; overdue is computed from ``due_date`` (:func:`effective_status`)
and stored by :func:`mark_overdue`. Amounts follow :mod:`cncworkbench.core.money`:
exact decimals, KDV per line, half-up to the kuruş.

Payments (bank transfers, cards) carry their provider's unique reference; when they
cover the total the invoice is paid, and a license line on it takes effect (a trial
becomes the plan bought, a renewal moves the end). Refunds, partial or full, never
exceed the payment; an invoice no longer covered is open again. Everything is audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import licensing, localefmt, money, text, timefmt, validators
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.core.money import LineInput
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.base import utcnow
from cncworkbench.db.models import Invoice, InvoiceIssue, License, Payment, User, user_directory
from cncworkbench.errors import ValidationError
from cncworkbench.services.access import audit, licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce import erp
from cncworkbench.storage import ObjectStore, digest_key

INVOICE_TYPES = ("subscription", "usage", "one_time")
PAYMENT_METHODS = ("transfer", "card")  # stored as the ERD names them
METHOD_ALIASES = {"bank_transfer": "transfer", "havale": "transfer", "eft": "transfer"}
DEFAULT_PREFIX = "CNC"
DEFAULT_DUE_DAYS = 14
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_NOTES = 2000
_PREFIX = re.compile(r"^[A-Z0-9]{3}$")
_PROVIDER = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,49}$")
# Payments that count towards an invoice (their amount less what was refunded).
SETTLING = ("completed", "refunded")
# Invoice and payment statuses as people read them.
STATUS_WORDS = {
    "draft": QT_TRANSLATE_NOOP("Billing", "draft"),
    "sent": QT_TRANSLATE_NOOP("Billing", "sent"),
    "overdue": QT_TRANSLATE_NOOP("Billing", "overdue"),
    "paid": QT_TRANSLATE_NOOP("Billing", "paid"),
    "cancelled": QT_TRANSLATE_NOOP("Billing", "cancelled"),
    "pending": QT_TRANSLATE_NOOP("Billing", "pending"),
    "completed": QT_TRANSLATE_NOOP("Billing", "completed"),
    "failed": QT_TRANSLATE_NOOP("Billing", "failed"),
    "refunded": QT_TRANSLATE_NOOP("Billing", "refunded"),
}
# The fields the checks below name (``what``).
FIELD_NAMES = (
    QT_TRANSLATE_NOOP("Billing", "company name"),
    QT_TRANSLATE_NOOP("Billing", "tax number (VKN/TCKN)"),
    QT_TRANSLATE_NOOP("Billing", "tax office"),
    QT_TRANSLATE_NOOP("Billing", "address"),
    QT_TRANSLATE_NOOP("Billing", "notes"),
    QT_TRANSLATE_NOOP("Billing", "provider reference"),
    QT_TRANSLATE_NOOP("Billing", "refund reason"),
    QT_TRANSLATE_NOOP("Billing", "reason for cancelling"),
)


def status_word(status: str) -> str:
    """An invoice's or a payment's status in the reader's language (unknown: the code)."""
    word = STATUS_WORDS.get(status)
    return status if word is None else translate("Billing", word)


def _sentence(message: str) -> str:
    """The message with a capital first letter: a translation may start with a noun."""
    return text.upper(message[:1], localefmt.current()) + message[1:]


@dataclass(frozen=True)
class Party:
    """A seller or buyer as printed on the invoice."""

    name: str
    tax_no: str | None = None  # VKN (10 digits) or TCKN (11)
    tax_office: str | None = None
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    iban: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return asdict(self)


def default_seller() -> Party:
    """The vendor's details, from CNC_SELLER_NAME, CNC_SELLER_TAX_NO,
    CNC_SELLER_TAX_OFFICE, CNC_SELLER_ADDRESS, CNC_SELLER_EMAIL and CNC_SELLER_IBAN."""
    tax_no = os.environ.get("CNC_SELLER_TAX_NO")
    return Party(
        name=os.environ.get("CNC_SELLER_NAME", "CNC Workbench"),
        tax_no=validators.check_tax_number(tax_no) if tax_no else None,
        tax_office=os.environ.get("CNC_SELLER_TAX_OFFICE"),
        address=os.environ.get("CNC_SELLER_ADDRESS"),
        email=os.environ.get("CNC_SELLER_EMAIL"),
        iban=os.environ.get("CNC_SELLER_IBAN"),
    )


@dataclass(frozen=True)
class Balance:
    total: Decimal
    paid: Decimal  # payments less refunds
    outstanding: Decimal


@dataclass(frozen=True)
class InvoiceSummary:
    id: int
    number: str | None  # None while a draft
    buyer_email: str | None
    type: str
    status: str  # effective: a sent invoice past its due date reads "overdue"
    currency: str
    total: Decimal
    outstanding: Decimal
    due_date: dt.date
    issued_at: dt.datetime | None
    paid_at: dt.datetime | None
    has_pdf: bool


def today() -> dt.date:
    """Today in Istanbul: due dates are Turkish calendar days."""
    return timefmt.in_zone(utcnow()).date()


def _text(value: str | None, what: str, limit: int, required: bool = False) -> str | None:
    cleaned = " ".join(str(value or "").split())
    noun = translate("Billing", what)
    if not cleaned:
        if required:
            message = translate("Billing", "The {what} is required.")
            raise ValidationError(_sentence(message.format(what=noun)))
        return None
    if len(cleaned) > limit:
        message = translate("Billing", "The {what} is longer than {limit} characters.")
        raise ValidationError(_sentence(message.format(what=noun, limit=limit)))
    if any(not ch.isprintable() for ch in cleaned):
        message = translate("Billing", "The {what} contains control characters.")
        raise ValidationError(_sentence(message.format(what=noun)))
    return cleaned


# -------------------------------------------------------------------------------- buyer
def buyer_of(session: Session, user_id: int) -> Party:
    """The invoice's buyer from the user's profile: company, VKN/TCKN (check digits
    verified) and address are required; the tax office may be in ``metadata``."""
    user = session.get(User, user_id)
    if user is None:
        raise ValidationError(
            translate("Billing", "There is no user with id {id}.").format(id=user_id)
        )
    missing = [
        translate("Billing", what)
        for what, value in (
            ("company name", user.company_name),
            ("tax number (VKN/TCKN)", user.tax_no),
            ("address", user.address),
        )
        if not (value or "").strip()
    ]
    if missing:
        raise ValidationError(
            translate(
                "Billing",
                "The buyer {email} has no {missing}; complete the user's profile before invoicing.",
            ).format(email=user.email, missing=translate("Billing", " and no ").join(missing))
        )
    tax_no = validators.check_tax_number(user.tax_no)
    office = (user.metadata_ or {}).get("tax_office") if isinstance(user.metadata_, dict) else None
    return Party(
        name=_text(user.company_name, "company name", 255, required=True),
        tax_no=tax_no,
        tax_office=_text(office, "tax office", 100),
        address=_text(user.address, "address", 2000, required=True),
        email=user.email,
        phone=user.phone,
    )


# ----------------------------------------------------------------------------- invoices
def _placeholder() -> str:
    # Unique and never in the 16-character GİB form, so it can never clash with a number.
    return f"DRAFT-{uuid.uuid4().hex}"


def _create(
    session: Session,
    actor: Actor,
    user_id: int,
    lines: Sequence[LineInput],
    currency: str,
    tax_rate: Decimal | int | str,
    invoice_type: str,
    due_date: dt.date | None,
    billing_period: tuple[dt.date, dt.date] | None,
    notes: str | None,
    extra: Sequence[dict[str, Any] | None] = (),
    issue_prefix: str | None = None,
) -> Invoice:
    require(actor.role, Permission.BILLING_MANAGE)
    currency = money.check_currency(currency)
    totals = money.compute_totals(lines, tax_rate)
    if invoice_type not in INVOICE_TYPES:
        raise ValidationError(
            translate("Billing", "Unknown invoice type '{type}'; use {types}.").format(
                type=str(invoice_type)[:20], types=", ".join(INVOICE_TYPES)
            )
        )
    due = due_date or today() + dt.timedelta(days=DEFAULT_DUE_DAYS)
    if due < today():
        raise ValidationError(
            translate("Billing", "The due date {date} is in the past.").format(date=_day(due))
        )
    if due > today() + dt.timedelta(days=366):
        raise ValidationError(
            translate("Billing", "The due date {date} is more than a year away.").format(
                date=_day(due)
            )
        )
    start, end = billing_period or (None, None)
    if start is not None and end is not None and end < start:
        raise ValidationError(
            translate(
                "Billing", "The billing period ends ({end}) before it starts ({start})."
            ).format(end=_day(end), start=_day(start))
        )
    notes = _text(notes, "notes", MAX_NOTES)
    buyer_of(session, user_id)  # refuse early what could not be issued
    items = []
    for index, line in enumerate(totals.lines):
        item = line.as_json()
        if index < len(extra) and extra[index]:
            item.update(extra[index])
        items.append(item)
    invoice = Invoice(
        user_id=user_id,
        invoice_number=_placeholder(),
        type=invoice_type,
        status="draft",
        currency=currency,
        subtotal=totals.subtotal,
        tax_rate=totals.tax_rate,
        tax_amount=totals.tax_amount,
        total=totals.total,
        line_items=items,
        billing_period_start=start,
        billing_period_end=end,
        due_date=due,
        notes=notes,
    )
    session.add(invoice)
    session.flush()
    number = None
    if issue_prefix is not None:
        # Numbered before anything is audited in this transaction: the counter row is
        # always locked before the audit chain's head, never after (no deadlock).
        number = _number(session, actor, invoice, issue_prefix, None)
    audit.record(session, actor, "invoice.create", "invoices", invoice.id, audit.snapshot(invoice))
    if number is not None:
        _audit_issue(session, actor, invoice, number)
    return invoice


def create_invoice(
    session: Session,
    actor: Actor,
    user_id: int,
    lines: Sequence[LineInput],
    currency: str = "TRY",
    tax_rate: Decimal | int | str = money.DEFAULT_KDV_RATE,
    invoice_type: str = "one_time",
    due_date: dt.date | None = None,
    billing_period: tuple[dt.date, dt.date] | None = None,
    notes: str | None = None,
    issue_prefix: str | None = None,
) -> Invoice:
    """A draft invoice to ``user_id`` (the buyer), or an issued one with
    ``issue_prefix``. Due in :data:`DEFAULT_DUE_DAYS` days unless given."""
    return _create(
        session,
        actor,
        user_id,
        lines,
        currency,
        tax_rate,
        invoice_type,
        due_date,
        billing_period,
        notes,
        issue_prefix=issue_prefix,
    )


def license_invoice(
    session: Session,
    actor: Actor,
    license_id: int,
    unit_price: Decimal | int | str,
    until: dt.date,
    license_type: str | None = None,
    seats: int | None = None,
    currency: str = "TRY",
    tax_rate: Decimal | int | str = money.DEFAULT_KDV_RATE,
    due_date: dt.date | None = None,
    notes: str | None = None,
    issue_prefix: str | None = None,
) -> Invoice:
    """An invoice to the license's holder for ``seats`` × ``unit_price`` (the price of
    one seat for the period) that, once paid, makes the license ``license_type`` with
    ``seats`` until 00:00 Istanbul time on ``until``.

    The period starts today for a new plan (a trial converting, an upgrade) or a license
    that has ended, and at the current end for a renewal of the same plan.
    """
    require(actor.role, Permission.LICENSE_MANAGE)
    row = session.get(License, license_id)
    if row is None:
        raise ValidationError(
            translate("Billing", "There is no license #{id}.").format(id=license_id)
        )
    if row.status == "cancelled":
        raise ValidationError(licenses.cancelled_message(license_id))
    new_type = license_type or row.type
    plan = licensing.plan(new_type)
    if not plan.paid:
        raise ValidationError(
            translate("Billing", "A trial is not sold; choose basic, professional or enterprise.")
        )
    new_seats = licensing.check_seats(new_type, (row.seats or 1) if seats is None else seats)
    ends = licenses.to_moment(until)
    renewal = new_type == row.type and row.ends_at > utcnow()
    start = timefmt.in_zone(row.ends_at).date() if renewal else today()
    if until <= start:
        raise ValidationError(
            translate(
                "Billing", "The license would end ({end}) before its paid period starts ({start})."
            ).format(end=_day(until), start=_day(start))
        )
    licensing.check_period(licenses.to_moment(start), ends)
    end = until - dt.timedelta(days=1)  # the last day paid for
    line = LineInput(
        description=(
            f"CNC Workbench {plan.title} lisansı, {start:%d.%m.%Y} – {end:%d.%m.%Y} "
            f"(lisans #{row.id})"
        ),
        quantity=new_seats,
        unit_price=unit_price,
        unit="kullanıcı",
    )
    effect = {
        "license": {
            "license_id": row.id,
            "type": new_type,
            "seats": new_seats,
            "ends_at": ends.isoformat(),
        }
    }
    return _create(
        session,
        actor,
        row.user_id,
        [line],
        currency,
        tax_rate,
        "subscription",
        due_date,
        (start, end),
        notes,
        extra=[effect],
        issue_prefix=issue_prefix,
    )


def _invoice(session: Session, invoice_id: int, lock: bool = False) -> Invoice:
    query = sa.select(Invoice).where(Invoice.id == invoice_id)
    invoice = session.scalar(query.with_for_update() if lock else query)
    if invoice is None:
        raise ValidationError(
            translate("Billing", "There is no invoice #{id}.").format(id=invoice_id)
        )
    return invoice


def get_invoice(session: Session, invoice_id: int) -> Invoice:
    """One invoice (administrators see all, others their own), or ValidationError."""
    return _invoice(session, invoice_id)


def _label(invoice: Invoice) -> str:
    if invoice.status == "draft":
        return translate("Billing", "draft #{id}").format(id=invoice.id)
    return invoice.invoice_number


def issue_invoice(
    session: Session,
    actor: Actor,
    invoice_id: int,
    prefix: str = DEFAULT_PREFIX,
    seller: Party | None = None,
) -> Invoice:
    """Number a draft (next gap-free number of ``prefix`` this year) and mark it sent.

    Call it before anything else is audited in the transaction (a transaction of its
    own, or ``create_invoice(issue_prefix=...)``): the counter row must be locked before
    the audit chain's head, as every issuer does, or two issuers could deadlock.
    """
    require(actor.role, Permission.BILLING_MANAGE)
    invoice = _invoice(session, invoice_id)
    number = _number(session, actor, invoice, prefix, seller)
    _audit_issue(session, actor, invoice, number)
    return invoice


def _number(
    session: Session, actor: Actor, invoice: Invoice, prefix: str, seller: Party | None
) -> str:
    prefix = str(prefix).strip().upper()
    if not _PREFIX.match(prefix):
        raise ValidationError(
            translate(
                "Billing",
                "The invoice number prefix '{prefix}' must be 3 capital letters or digits.",
            ).format(prefix=prefix[:10])
        )
    if invoice.status != "draft":
        raise ValidationError(
            translate("Billing", "Invoice {label} is {status}, not a draft.").format(
                label=_label(invoice), status=status_word(invoice.status)
            )
        )
    buyer = buyer_of(session, invoice.user_id)
    try:
        number = session.execute(
            sa.text(
                "SELECT cnc_issue_invoice(:invoice, :prefix, CAST(:seller AS jsonb), "
                "CAST(:buyer AS jsonb), :actor)"
            ),
            {
                "invoice": invoice.id,
                "prefix": prefix,
                "seller": _json((seller or default_seller()).as_json()),
                "buyer": _json(buyer.as_json()),
                "actor": actor.user_id,
            },
        ).scalar_one()
    except sa.exc.DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "55000":  # issued meanwhile by another
            raise ValidationError(
                translate("Billing", "Invoice draft #{id} was issued already.").format(
                    id=invoice.id
                )
            ) from None
        raise
    session.refresh(invoice)
    return number


def _audit_issue(session: Session, actor: Actor, invoice: Invoice, number: str) -> None:
    audit.record(
        session,
        actor,
        "invoice.issue",
        "invoices",
        invoice.id,
        audit.snapshot(invoice),
        {"status": ["draft", "sent"], "invoice_number": [None, number]},
    )
    erp.record_event(
        session, "invoice.issued", "invoice", invoice.id,
        {"invoice_id": invoice.id, "invoice_number": invoice.invoice_number,
         "currency": invoice.currency, "subtotal": invoice.subtotal,
         "tax_rate": invoice.tax_rate, "tax_amount": invoice.tax_amount, "total": invoice.total,
         "issued_at": utcnow(), "due_date": invoice.due_date, "type": invoice.type,
         "line_items": invoice.line_items},
    )  # fmt: skip


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def cancel_invoice(session: Session, actor: Actor, invoice_id: int, reason: str) -> Invoice:
    """Cancel a draft or an unpaid invoice (its number stays used: no gap). Refund
    its payments first if any were recorded."""
    require(actor.role, Permission.BILLING_MANAGE)
    reason = _text(reason, "reason for cancelling", 500, required=True)
    invoice = _invoice(session, invoice_id, lock=True)
    if invoice.status == "cancelled":
        raise ValidationError(
            translate("Billing", "Invoice {label} is cancelled; it stays so.").format(
                label=_label(invoice)
            )
        )
    if invoice.status == "paid":
        raise ValidationError(
            translate("Billing", "Invoice {label} is paid; refund it before cancelling.").format(
                label=_label(invoice)
            )
        )
    if balance(session, invoice).paid > 0:
        raise ValidationError(
            translate(
                "Billing", "Invoice {label} has payments; refund them before cancelling it."
            ).format(label=_label(invoice))
        )
    before = invoice.status
    invoice.status = "cancelled"
    invoice.notes = _append(invoice.notes, f"İptal: {reason}")
    session.flush()
    audit.record(
        session,
        actor,
        "invoice.cancel",
        "invoices",
        invoice.id,
        audit.snapshot(invoice),
        {"status": [before, "cancelled"], "reason": reason},
    )
    return invoice


def _append(notes: str | None, line: str) -> str:
    return f"{notes}\n{line}" if notes else line


def effective_status(invoice: Invoice, on: dt.date | None = None) -> str:
    """The status as of ``on`` (today): a sent invoice past its due date is overdue."""
    if invoice.status == "sent" and invoice.due_date < (on or today()):
        return "overdue"
    return invoice.status


def overdue_invoices(session: Session, on: dt.date | None = None, lock: bool = False):
    """Sent invoices whose due date is before ``on`` (today), oldest first."""
    query = (
        sa.select(Invoice)
        .where(Invoice.status == "sent", Invoice.due_date < (on or today()))
        .order_by(Invoice.id)
    )
    return session.scalars(query.with_for_update() if lock else query).all()


def mark_overdue(session: Session, actor: Actor, on: dt.date | None = None) -> list[int]:
    """Store "overdue" on sent invoices past their due date; idempotent."""
    require(actor.role, Permission.BILLING_MANAGE)
    rows = overdue_invoices(session, on, lock=True)
    for invoice in rows:
        invoice.status = "overdue"
        session.flush()
        audit.record(
            session,
            actor,
            "invoice.overdue",
            "invoices",
            invoice.id,
            audit.snapshot(invoice),
            {"status": ["sent", "overdue"]},
        )
    return [invoice.id for invoice in rows]


def balance(session: Session, invoice: Invoice) -> Balance:
    paid = session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(Payment.amount - Payment.refund_amount), 0)).where(
            Payment.invoice_id == invoice.id, Payment.status.in_(SETTLING)
        )
    )
    paid = Decimal(paid).quantize(money.CENT)
    return Balance(invoice.total, paid, max(Decimal("0.00"), invoice.total - paid))


def list_invoices(
    session: Session, status: str | None = None, user_id: int | None = None, limit: int = 500
) -> list[InvoiceSummary]:
    """Newest first; administrators see all, others their own. ``status`` filters on
    the effective status (so "overdue" finds sent invoices past due too)."""
    paid = (
        sa.select(
            Payment.invoice_id,
            sa.func.sum(Payment.amount - Payment.refund_amount).label("paid"),
        )
        .where(Payment.status.in_(SETTLING))
        .group_by(Payment.invoice_id)
        .subquery()
    )
    query = (
        sa.select(Invoice, InvoiceIssue.issued_at, user_directory.c.email, paid.c.paid)
        .outerjoin(InvoiceIssue, InvoiceIssue.invoice_id == Invoice.id)
        .outerjoin(user_directory, user_directory.c.id == Invoice.user_id)
        .outerjoin(paid, paid.c.invoice_id == Invoice.id)
        .order_by(Invoice.id.desc())
        .limit(limit)
    )
    if user_id is not None:
        query = query.where(Invoice.user_id == user_id)
    on = today()
    result = []
    for invoice, issued_at, email, paid_amount in session.execute(query):
        state = effective_status(invoice, on)
        if status is not None and state != status:
            continue
        settled = Decimal(paid_amount or 0)
        result.append(
            InvoiceSummary(
                id=invoice.id,
                number=None if invoice.status == "draft" else invoice.invoice_number,
                buyer_email=email,
                type=invoice.type,
                status=state,
                currency=invoice.currency,
                total=invoice.total,
                outstanding=max(Decimal("0.00"), invoice.total - settled),
                due_date=invoice.due_date,
                issued_at=issued_at,
                paid_at=invoice.paid_at,
                has_pdf=invoice.pdf_s3_key is not None,
            )
        )
    return result


# ----------------------------------------------------------------------------- payments
def record_payment(
    session: Session,
    actor: Actor,
    invoice_id: int,
    provider: str,
    provider_ref: str,
    method: str,
    amount: Decimal | int | str,
    currency: str | None = None,
    fee: Decimal | int | str = 0,
    processed_at: dt.datetime | None = None,
    metadata: dict[str, Any] | None = None,
) -> Payment:
    """A bank transfer or card payment received for an issued invoice.

    ``provider_ref`` (the bank's or the card provider's transaction id) may be recorded
    once. When the payments cover the total, the invoice is paid and its license lines
    take effect.
    """
    require(actor.role, Permission.BILLING_MANAGE)
    provider = str(provider).strip().lower()
    if not _PROVIDER.match(provider):
        raise ValidationError(
            translate(
                "Billing",
                "The payment provider '{provider}' must be a short name such as iyzico, stripe "
                "or bank.",
            ).format(provider=provider[:20])
        )
    provider_ref = _text(provider_ref, "provider reference", 255, required=True)
    method = METHOD_ALIASES.get(str(method).strip().lower(), str(method).strip().lower())
    if method not in PAYMENT_METHODS:
        raise ValidationError(
            translate(
                "Billing", "Unknown payment method '{method}'; use bank_transfer or card."
            ).format(method=str(method)[:20])
        )
    amount = money.check_amount(amount, "payment amount")
    fee = money.check_amount(fee, "fee", allow_zero=True)
    if fee >= amount:
        raise ValidationError(
            translate(
                "Billing", "The fee {fee} is not less than the payment amount {amount}."
            ).format(fee=_exact(fee), amount=_exact(amount))
        )
    if processed_at is not None and processed_at.tzinfo is None:
        raise ValueError("processed_at is an aware datetime")
    if processed_at is not None and processed_at > utcnow() + dt.timedelta(minutes=5):
        raise ValidationError(
            translate("Billing", "The payment's processing time is in the future.")
        )
    invoice = _invoice(session, invoice_id, lock=True)  # payments of one invoice in turn
    if invoice.status in ("draft", "cancelled", "paid"):
        raise ValidationError(
            translate(
                "Billing",
                "Invoice {label} is {status}; payments are recorded for issued, unpaid invoices.",
            ).format(label=_label(invoice), status=status_word(invoice.status))
        )
    currency = money.check_currency(currency or invoice.currency)
    if currency != invoice.currency:
        raise ValidationError(
            translate(
                "Billing", "The payment is in {currency} but invoice {number} is in {invoiced}."
            ).format(currency=currency, number=invoice.invoice_number, invoiced=invoice.currency)
        )
    effects = _license_effects(invoice)
    for effect in effects:
        # Locked before anything is audited: logins lock the license row and then the
        # audit chain's head, so settling must not take them the other way round.
        licenses.lock_for_change(session, effect["license_id"])
    owed = balance(session, invoice).outstanding
    if amount > owed:
        raise ValidationError(
            translate(
                "Billing",
                "The payment of {amount} is more than the {owed} still owed on {number}.",
            ).format(
                amount=money.shown_amount(amount, currency),
                owed=money.shown_amount(owed, currency),
                number=invoice.invoice_number,
            )
        )
    if session.scalar(sa.select(Payment.id).where(Payment.provider_ref == provider_ref)):
        raise ValidationError(_recorded_already(provider_ref))
    payment = Payment(
        invoice_id=invoice.id,
        user_id=invoice.user_id,
        provider=provider,
        provider_ref=provider_ref,
        method=method,
        currency=currency,
        amount=amount,
        fee=fee,
        status="completed",
        metadata_=metadata,
        refund_amount=Decimal("0.00"),
        processed_at=processed_at or utcnow(),
    )
    try:
        with session.begin_nested():  # a concurrent twin: refuse, keep the transaction
            session.add(payment)
            session.flush()
    except sa.exc.IntegrityError as exc:
        if "payments_provider_ref_key" in str(exc.orig):
            raise ValidationError(_recorded_already(provider_ref)) from None
        raise
    audit.record(session, actor, "payment.record", "payments", payment.id, audit.snapshot(payment))
    if amount == owed:
        _settle(session, actor, invoice, payment)
    return payment


def _exact(value: Decimal) -> str:
    """An amount as given (``12.50``), with the reader's decimal mark."""
    return str(value).replace(".", localefmt.number(0.5, 1, trim=True)[1])


def _recorded_already(provider_ref: str) -> str:
    return translate(
        "Billing", "A payment with the provider reference '{reference}' is recorded already."
    ).format(reference=provider_ref[:60])


def _settle(session: Session, actor: Actor, invoice: Invoice, payment: Payment) -> None:
    before = invoice.status
    invoice.status = "paid"
    invoice.paid_at = payment.processed_at
    invoice.payment_method = payment.method
    session.flush()
    audit.record(
        session,
        actor,
        "invoice.paid",
        "invoices",
        invoice.id,
        audit.snapshot(invoice),
        {"status": [before, "paid"], "payment_id": payment.id},
    )
    erp.record_event(
        session, "invoice.paid", "invoice", invoice.id,
        {"invoice_id": invoice.id, "invoice_number": invoice.invoice_number,
         "currency": invoice.currency, "total": invoice.total, "paid_at": invoice.paid_at,
         "payment_method": invoice.payment_method, "payment_id": payment.id,
         "amount": payment.amount, "provider": payment.provider,
         "provider_ref": payment.provider_ref},
        occurrence=f"payment-{payment.id}",
    )  # fmt: skip
    for effect in _license_effects(invoice):
        licenses.apply_effect(session, actor, effect)


def _license_effects(invoice: Invoice) -> list[dict[str, Any]]:
    """What the invoice's license lines grant once it is paid (see license_invoice)."""
    return [
        item["license"]
        for item in invoice.line_items
        if isinstance(item, dict) and isinstance(item.get("license"), dict)
    ]


def refund_payment(
    session: Session, actor: Actor, payment_id: int, amount: Decimal | int | str, reason: str
) -> Payment:
    """Give back part or all of a payment; the refunds never add up to more than it.

    An invoice that was paid and is no longer covered becomes sent (or overdue) again.
    A license it bought is not taken back here: suspend or cancel it if that is meant.
    """
    require(actor.role, Permission.BILLING_MANAGE)
    amount = money.check_amount(amount, "refund amount")
    reason = _text(reason, "refund reason", 500, required=True)
    invoice_id = session.scalar(sa.select(Payment.invoice_id).where(Payment.id == payment_id))
    if invoice_id is None:
        raise ValidationError(
            translate("Billing", "There is no payment #{id}.").format(id=payment_id)
        )
    invoice = _invoice(session, invoice_id, lock=True)  # the same order as record_payment
    payment = session.scalar(sa.select(Payment).where(Payment.id == payment_id).with_for_update())
    if payment.status != "completed":
        raise ValidationError(
            translate("Billing", "Payment #{id} is {status}; nothing to refund.").format(
                id=payment.id, status=status_word(payment.status)
            )
        )
    refunded = payment.refund_amount or Decimal("0.00")
    if refunded + amount > payment.amount:
        left = payment.amount - refunded
        raise ValidationError(
            translate(
                "Billing",
                "A refund of {amount} is more than the {left} left of payment #{id} ({paid}, "
                "{refunded} refunded already).",
            ).format(
                amount=money.shown_amount(amount, payment.currency),
                left=money.shown_amount(left, payment.currency),
                id=payment.id,
                paid=money.shown_amount(payment.amount, payment.currency),
                refunded=money.shown_amount(refunded, payment.currency),
            )
        )
    before = audit.snapshot(payment)
    payment.refund_amount = refunded + amount
    payment.status = "refunded" if payment.refund_amount == payment.amount else "completed"
    stamp = f"{today():%d.%m.%Y}: {money.format_amount(amount, payment.currency)} — {reason}"
    payment.refund_reason = _append(payment.refund_reason, stamp)
    meta = dict(payment.metadata_ or {})
    meta["refunds"] = [
        *meta.get("refunds", []),
        {"amount": str(amount), "reason": reason, "at": utcnow().isoformat()},
    ]
    payment.metadata_ = meta
    session.flush()
    audit.record(
        session,
        actor,
        "payment.refund",
        "payments",
        payment.id,
        audit.snapshot(payment),
        audit.changes_between(before, audit.snapshot(payment)),
    )
    if invoice.status == "paid" and balance(session, invoice).outstanding > 0:
        invoice.status = "overdue" if invoice.due_date < today() else "sent"
        invoice.paid_at = None
        session.flush()
        audit.record(
            session,
            actor,
            "invoice.reopen",
            "invoices",
            invoice.id,
            audit.snapshot(invoice),
            {"status": ["paid", invoice.status], "payment_id": payment.id},
        )
    return payment


def list_payments(session: Session, invoice_id: int | None = None) -> list[Payment]:
    query = sa.select(Payment).order_by(Payment.id)
    if invoice_id is not None:
        query = query.where(Payment.invoice_id == invoice_id)
    return list(session.scalars(query))


# -------------------------------------------------------------------------- print & PDF
def _day(value: dt.date | None) -> str | None:
    return None if value is None else f"{value:%d.%m.%Y}"


def printable_invoice(
    session: Session, invoice_id: int, seller: Party | None = None, language: str = "tr"
) -> dict:
    """Everything a printed invoice shows, as plain text (Turkish number and date
    formats); the PDF renderer lays it out. Drafts print with the buyer's current
    details and ``"draft": True``; issued invoices with the details frozen at issue.

    ``language``: the invoice is a Turkish tax document and prints in Turkish; ``"en"``
    gives the data of its English copy for a foreign buyer (``"language": "en"``, the
    total in English words, the currency's ISO code). Amounts and dates stay in the
    Turkish notation either way: the renderer writes them the document language's way."""
    language = localefmt.normalise(language) or "tr"
    with localefmt.speaking(language):
        return _printable_invoice(session, invoice_id, seller, language)


def _printable_invoice(
    session: Session, invoice_id: int, seller: Party | None, language: str
) -> dict:
    invoice = _invoice(session, invoice_id)
    issue = session.get(InvoiceIssue, invoice.id)
    currency = invoice.currency
    if issue is not None:
        seller_data, buyer_data = issue.seller, issue.buyer
        issued = timefmt.in_zone(issue.issued_at)
    else:
        seller_data = (seller or default_seller()).as_json()
        user = session.get(User, invoice.user_id)
        buyer_data = Party(
            name=user.company_name or user.email,
            tax_no=user.tax_no,
            address=user.address,
            email=user.email,
            phone=user.phone,
        ).as_json()
        issued = None
    rate = money.format_quantity(invoice.tax_rate)
    lines = [
        {
            "no": number,
            "description": item["description"],
            "quantity": money.format_quantity(Decimal(item["quantity"])),
            "unit": item.get("unit", "adet"),
            "unit_price": money.format_unit_price(Decimal(item["unit_price"])),
            "amount": money.format_amount(Decimal(item["amount"])),
            "tax_rate": rate,
            "tax_amount": money.format_amount(Decimal(item["tax_amount"])),
        }
        for number, item in enumerate(invoice.line_items, start=1)
    ]
    period = None
    if invoice.billing_period_start and invoice.billing_period_end:
        period = {
            "start": _day(invoice.billing_period_start),
            "end": _day(invoice.billing_period_end),
        }
    return {
        "language": language,
        "draft": invoice.status == "draft",
        "number": None if invoice.status == "draft" else invoice.invoice_number,
        "status": effective_status(invoice),
        "type": invoice.type,
        "issue_date": None if issued is None else f"{issued:%d.%m.%Y}",
        "issue_time": None if issued is None else f"{issued:%H:%M}",
        "due_date": _day(invoice.due_date),
        "billing_period": period,
        "currency": currency,
        "currency_sign": money.currency_sign(currency, language),
        "seller": seller_data,
        "buyer": buyer_data,
        "lines": lines,
        "subtotal": money.format_amount(invoice.subtotal),
        "tax_rate": rate,
        "tax_amount": money.format_amount(invoice.tax_amount),
        "total": money.format_amount(invoice.total),
        "total_in_words": money.total_in_words(invoice.total, currency, language),
        "notes": invoice.notes,
        "paid_at": None if invoice.paid_at is None else timefmt.short(invoice.paid_at),
    }


def store_pdf(
    session: Session, store: ObjectStore, invoice_id: int, pdf_bytes: bytes, actor: Actor
) -> str:
    """Upload the rendered PDF of an issued invoice and point ``pdf_s3_key`` at it;
    returns the key. A PDF stored earlier is replaced (the sweeper removes it)."""
    require(actor.role, Permission.BILLING_MANAGE)
    invoice = _invoice(session, invoice_id, lock=True)
    if invoice.status == "draft":
        raise ValidationError(
            translate("Billing", "Invoice draft #{id} has no number yet; issue it first.").format(
                id=invoice.id
            )
        )
    if not isinstance(pdf_bytes, bytes | bytearray) or not bytes(pdf_bytes).startswith(b"%PDF-"):
        raise ValidationError(translate("Billing", "The invoice file is not a PDF."))
    if len(pdf_bytes) > MAX_PDF_BYTES:
        raise ValidationError(
            translate(
                "Billing", "The invoice PDF is {size} bytes; at most {limit} are kept."
            ).format(size=localefmt.integer(len(pdf_bytes)), limit=localefmt.integer(MAX_PDF_BYTES))
        )
    data = bytes(pdf_bytes)
    # Stored before the row points at it: if the transaction fails, the sweeper removes
    # the orphan (storage sweep).
    stored = store.put_bytes(
        digest_key("invoices", f"{invoice.invoice_number}.pdf", data), data, "application/pdf"
    )
    before = invoice.pdf_s3_key
    invoice.pdf_s3_key = stored.key
    session.flush()
    audit.record(
        session,
        actor,
        "invoice.pdf",
        "invoices",
        invoice.id,
        {"pdf_s3_key": stored.key, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()},
        {"pdf_s3_key": [before, stored.key]},
    )
    return stored.key


def housekeeping(
    session: Session, actor: Actor | None = None, now: dt.datetime | None = None
) -> licenses.ExpiryReport:
    """The periodic chores of licensing and billing, for a worker's timer or cron
    (``cncworkbench license expiry``): expire licenses past their end, send the
    30/7/1-day warnings once each, and mark sent invoices past their due date overdue.
    Idempotent; needs the owner's or a worker's credentials."""
    actor = actor or Actor.system()
    now = now or utcnow()
    on = timefmt.in_zone(now).date()
    # Every row is locked before anything is audited, in the order payments take them
    # (invoice, license changes, license), so no concurrent payment or login deadlocks.
    overdue_invoices(session, on, lock=True)
    report = licenses.run_expiry(session, actor, now)
    report.overdue = mark_overdue(session, actor, on)
    return report
