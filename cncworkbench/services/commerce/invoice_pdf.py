"""The invoice as a PDF: drawn from :func:`billing.printable_invoice` by the Qt renderer
(``python -m cncworkbench.ui.reports invoice``) in a child process, stored with
:func:`billing.store_pdf`, and fetched for the "Open PDF" button.

The PDF shows the invoice as it is when it is drawn: call :func:`ensure_pdf` again after
a payment or a cancellation to replace the stored copy with one that has the stamp.

The invoice is a Turkish tax document: the stored PDF is the Turkish original. An English
copy for a foreign buyer (:func:`render_invoice_pdf` or :func:`download_pdf` with
``language="en"``) is drawn when asked for, says that it translates the Turkish invoice
and that the original prevails, and is not stored.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import i18n
from cncworkbench.core.i18n import translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.models import Invoice
from cncworkbench.errors import UserError, ValidationError
from cncworkbench.services import pdf_process
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce import billing
from cncworkbench.storage import (
    ObjectStore,
    recorded_sha256,
    replace_atomically,
    safe_name,
    temporary_sibling,
)

RENDER_TIMEOUT_S = 120.0
ORIGINAL_LANGUAGE = "tr"  # the language of the invoice itself; others are translations


class InvoicePdfFailed(UserError):
    """The invoice PDF could not be drawn; the message gives the renderer's reason."""


def render(data: dict, pdf_path: Path, timeout: float = RENDER_TIMEOUT_S) -> None:
    """Draw ``printable_invoice`` data into ``pdf_path`` (whole or not at all)."""
    pdf_process.render_pdf("invoice", data, Path(pdf_path), InvoicePdfFailed, "invoice", timeout)


def render_invoice_pdf(
    session: Session,
    actor: Actor,
    invoice_id: int,
    pdf_path: Path,
    language: str | None = ORIGINAL_LANGUAGE,
    timeout: float = RENDER_TIMEOUT_S,
) -> Path:
    """Draw the issued invoice as it is now into ``pdf_path`` in ``language`` (Turkish, or
    an English copy for a foreign buyer), without storing it; the path."""
    require(actor.role, Permission.BILLING_MANAGE)
    language = i18n.document_language(language, ORIGINAL_LANGUAGE)
    data = billing.printable_invoice(session, invoice_id, language=language)
    if data["draft"]:
        raise _draft(invoice_id)
    render(data, Path(pdf_path), timeout)
    return Path(pdf_path)


def pdf_name(number: str, language: str = ORIGINAL_LANGUAGE) -> str:
    """``CNC2026000000042.pdf``; a translation ``CNC2026000000042-en.pdf``."""
    suffix = "" if language == ORIGINAL_LANGUAGE else f"-{language}"
    return f"{safe_name(number)}{suffix}.pdf"


def ensure_pdf(
    session: Session,
    store: ObjectStore,
    actor: Actor,
    invoice_id: int,
    timeout: float = RENDER_TIMEOUT_S,
) -> str:
    """Draw the issued invoice as it is now, store it and point ``pdf_s3_key`` at it;
    the key. A copy stored earlier is replaced (billing.store_pdf)."""
    require(actor.role, Permission.BILLING_MANAGE)  # before the work of drawing it
    data = billing.printable_invoice(session, invoice_id)
    if data["draft"]:
        raise _draft(invoice_id)
    with tempfile.TemporaryDirectory(prefix="cnc-invoice-") as work:
        pdf = Path(work) / "invoice.pdf"
        render(data, pdf, timeout)
        return billing.store_pdf(
            session, store, actor=actor, invoice_id=invoice_id, pdf_bytes=pdf.read_bytes()
        )


def _draft(invoice_id: int) -> ValidationError:
    return ValidationError(
        translate(
            "InvoicePdf", "Invoice draft #{invoice} has no number yet; issue it first."
        ).format(invoice=invoice_id)
    )


def download_pdf(
    session: Session,
    store: ObjectStore,
    invoice_id: int,
    folder: Path,
    actor: Actor | None = None,
    language: str | None = ORIGINAL_LANGUAGE,
) -> Path:
    """The invoice's PDF in ``folder`` as ``<number>.pdf`` (replaced whole). One that
    has none yet is drawn and stored first, for ``actor`` (who must manage billing).

    ``language="en"``: its English copy, drawn now for ``actor`` (who must manage
    billing) as ``<number>-en.pdf``; nothing is stored."""
    language = i18n.document_language(language, ORIGINAL_LANGUAGE)
    if language != ORIGINAL_LANGUAGE:
        return _translated_copy(session, invoice_id, Path(folder), actor, language)
    row = session.execute(
        sa.select(Invoice.invoice_number, Invoice.status, Invoice.pdf_s3_key).where(
            Invoice.id == invoice_id
        )
    ).one_or_none()
    if row is None:
        raise ValidationError(
            translate("InvoicePdf", "There is no invoice #{invoice}.").format(invoice=invoice_id)
        )
    number, status, key = row
    if status == "draft":
        raise _draft(invoice_id)
    if key is None:
        if actor is None:
            raise ValidationError(
                translate(
                    "InvoicePdf",
                    "Invoice {number} has no PDF yet; an administrator can draw it (Open PDF).",
                ).format(number=number)
            )
        key = ensure_pdf(session, store, actor, invoice_id)
    data = store.get_bytes(key, recorded_sha256(key))  # refused when changed in the store
    if not data.startswith(b"%PDF-"):
        raise ValidationError(
            translate(
                "InvoicePdf",
                "The stored file of invoice {number} is not a PDF; draw it again (ensure_pdf).",
            ).format(number=number)
        )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / pdf_name(number)
    partial = temporary_sibling(target)
    try:
        partial.write_bytes(data)
        replace_atomically(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _translated_copy(
    session: Session, invoice_id: int, folder: Path, actor: Actor | None, language: str
) -> Path:
    if actor is None:
        raise ValidationError(
            translate(
                "InvoicePdf", "Only an administrator can draw the invoice in another language."
            )
        )
    require(actor.role, Permission.BILLING_MANAGE)
    number = session.scalar(sa.select(Invoice.invoice_number).where(Invoice.id == invoice_id))
    if number is None:
        raise ValidationError(
            translate("InvoicePdf", "There is no invoice #{invoice}.").format(invoice=invoice_id)
        )
    folder.mkdir(parents=True, exist_ok=True)
    # The renderer writes next to the target and renames: replaced whole or not at all.
    return render_invoice_pdf(
        session, actor, invoice_id, folder / pdf_name(number, language), language
    )
