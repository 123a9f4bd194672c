"""The changes that the ERP/MES hears about put their event in the outbox in their own
transaction: an invoice issued and paid (billing) and a program approved (simulation
review). Delivery itself is tests/test_erp.py's."""

from __future__ import annotations

import json
from decimal import Decimal as D

from cncworkbench.core.money import LineInput
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce import billing, erp
from tests.support.people import make_user

OWNER = Actor.system()


def outbox(db) -> list[tuple[str, str, int]]:
    with db.session() as session:
        found = erp.list_sync(session, direction="outbound", limit=100)
        return sorted((row.event, row.entity_type, row.entity_id) for row in found)


def test_an_issued_and_paid_invoice_is_queued_for_the_erp(db, shop_license):
    with db.session() as session:
        erp.add_system(session, OWNER, "LOGO", "http://127.0.0.1:9/", "outbound", ["invoice"])
    buyer = make_user(
        db, "muhasebe@musteri.example", "viewer", company_name="Müşteri Ltd.",
        tax_no="6183052747", address="OSB 3. Cad. No: 7, Nilüfer / Bursa",
    )  # fmt: skip
    with db.session() as session:
        invoice = billing.create_invoice(
            session, OWNER, buyer, [LineInput("İşleme", 2, "500")], issue_prefix="CNC"
        )
        invoice_id = invoice.id
    assert outbox(db) == [("invoice.issued", "invoice", invoice_id)]
    with db.session() as session:
        billing.record_payment(
            session, OWNER, invoice_id, "garanti", "EFT-1", "transfer", D("1200.00")
        )
    assert outbox(db) == [
        ("invoice.issued", "invoice", invoice_id),
        ("invoice.paid", "invoice", invoice_id),
    ]
    with db.session() as session:
        found = erp.list_sync(session, direction="outbound", limit=10)
        paid = next(row for row in found if row.event == "invoice.paid")
        document = erp.payload(session, paid.id).document
    # what the ERP receives: the invoice's number and the amount paid, not a placeholder
    assert json.dumps(document).count("1200") >= 2, document
    assert invoice_number(db, invoice_id) in json.dumps(document)


def test_without_a_subscribed_system_nothing_is_queued(db, shop_license):
    buyer = make_user(
        db, "muhasebe@musteri.example", "viewer", company_name="Müşteri Ltd.",
        tax_no="6183052747", address="OSB 3. Cad. No: 7, Nilüfer / Bursa",
    )  # fmt: skip
    with db.session() as session:
        billing.create_invoice(
            session, OWNER, buyer, [LineInput("İşleme", 1, "10")], issue_prefix="CNC"
        )
    assert outbox(db) == []


def invoice_number(db, invoice_id: int) -> str:
    from cncworkbench.db.models import Invoice

    with db.session() as session:
        return session.get(Invoice, invoice_id).invoice_number
