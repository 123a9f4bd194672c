"""``cncworkbench invoice ...``: invoices and payments from the command line (administrators).

The commands call :mod:`cncworkbench.services.access.licenses` and
:mod:`cncworkbench.services.commerce.billing`, as the settings dialog does; errors a user can fix
print as one line (``error: ...``, exit status 2).

Help texts are marked ``QT_TRANSLATE_NOOP("Cli", ...)`` (put in the reader's language by
:func:`cncworkbench.cli.base.localise`); what the commands print goes through
``translate("CliBilling", ...)``. License types, amounts in the Turkish invoice notation
and ``invoice show`` (the invoice as it is printed, in Turkish) stay as they are;
``invoice pdf --document-language en`` saves an English copy for a foreign buyer.
"""

from __future__ import annotations

import click

from cncworkbench.cli.context import AS_USER, acting, acting_session, app_context, parse_date
from cncworkbench.core import localefmt, money, timefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError


# ------------------------------------------------------------------------------ invoice
@click.group(
    "invoice",
    cls=click.Group,
    help=QT_TRANSLATE_NOOP("Cli", "Invoices and payments (administrators)."),
)
def invoice_group():
    pass


_LINE_HELP = QT_TRANSLATE_NOOP(
    "Cli",
    'One invoice line as "DESCRIPTION;QUANTITY;UNIT_PRICE" (e.g. "CAM lisansı;3;1234,56"); '
    "repeat for more lines.",
)


def parse_line(text: str):
    """A LineInput from ``DESCRIPTION;QUANTITY;UNIT_PRICE`` (the description may hold ;)."""
    from cncworkbench.core.money import LineInput

    parts = text.rsplit(";", 2)
    if len(parts) != 3:
        raise UserError(
            translate(
                "CliBilling",
                "--line '{text}': write DESCRIPTION;QUANTITY;UNIT_PRICE, e.g. "
                '"CAM lisansı;3;1234,56".',
            ).format(text=text[:40])
        )
    description, quantity, price = parts
    return LineInput(description, quantity.strip(), price.strip())


@invoice_group.command(
    "list",
    help=QT_TRANSLATE_NOOP("Cli", "Invoices, newest first (overdue: sent and past the due date)."),
)
@click.option(
    "--status", type=click.Choice(["draft", "sent", "paid", "overdue", "cancelled"]), default=None
)
@AS_USER
def invoice_list(status, as_user):
    from cncworkbench.services.commerce import billing

    with acting_session(as_user) as (session, _actor):
        rows = billing.list_invoices(session, status)
    if not rows and status:
        click.echo(
            translate("CliBilling", "No invoices {status}.").format(
                status=billing.status_word(status)
            )
        )
    elif not rows:
        click.echo(translate("CliBilling", "No invoices."))
    line = translate(
        "CliBilling", "#{id:<4} {number:<16} {status:<9} {total:>18}  due {due}  {buyer}{owed}"
    )
    for row in rows:
        owed = (
            translate("CliBilling", "  owed {amount}").format(
                amount=money.shown_amount(row.outstanding, row.currency)
            )
            if row.outstanding and row.status not in ("draft", "cancelled")
            else ""
        )
        click.echo(
            line.format(
                id=row.id,
                number=row.number or billing.status_word("draft"),
                status=billing.status_word(row.status),
                total=money.shown_amount(row.total, row.currency),
                due=timefmt.day(row.due_date),
                buyer=row.buyer_email or "?",
                owed=owed,
            )
        )


@invoice_group.command(
    "create",
    help=QT_TRANSLATE_NOOP("Cli", "Create a draft invoice (issue it to give it its number)."),
)
@click.option(
    "--buyer", required=True, metavar="EMAIL", help=QT_TRANSLATE_NOOP("Cli", "The user billed.")
)
@click.option("--line", "lines", multiple=True, required=True, help=_LINE_HELP)
@click.option(
    "--currency",
    default="TRY",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "TRY, USD or EUR."),
)
@click.option(
    "--tax-rate",
    default="20",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "KDV rate in percent."),
)
@click.option("--due", help=QT_TRANSLATE_NOOP("Cli", "Due date (default: in 14 days)."))
@click.option(
    "--type",
    "invoice_type",
    type=click.Choice(["one_time", "subscription", "usage"]),
    default="one_time",
    show_default=True,
)
@click.option("--notes", help=QT_TRANSLATE_NOOP("Cli", "Printed on the invoice."))
@AS_USER
def invoice_create(buyer, lines, currency, tax_rate, due, invoice_type, notes, as_user):
    from cncworkbench.services.access import users
    from cncworkbench.services.commerce import billing

    items = [parse_line(text) for text in lines]
    due_date = parse_date(due, "due date") if due else None
    with acting_session(as_user) as (session, actor):
        buyer_row = users.find_by_email(session, buyer)
        invoice = billing.create_invoice(
            session, actor, buyer_row.id, items, currency, tax_rate, invoice_type, due_date,
            notes=notes,
        )  # fmt: skip
        c = invoice.currency
        click.echo(
            translate(
                "CliBilling",
                "Invoice draft #{id} for {email}: subtotal {subtotal}, KDV {tax} ({rate}), "
                "total {total}, due {due}.",
            ).format(
                id=invoice.id,
                email=buyer_row.email,
                subtotal=money.shown_amount(invoice.subtotal, c),
                tax=money.shown_amount(invoice.tax_amount, c),
                rate=localefmt.percent(float(invoice.tax_rate)),
                total=money.shown_amount(invoice.total, c),
                due=timefmt.day(invoice.due_date),
            )
        )


@invoice_group.command(
    "issue",
    help=QT_TRANSLATE_NOOP("Cli", "Give draft INVOICE_ID its gap-free number and mark it sent."),
)
@click.argument("invoice_id", type=int)
@click.option(
    "--prefix",
    default="CNC",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "3 capitals or digits."),
)
@AS_USER
def invoice_issue(invoice_id, prefix, as_user):
    from cncworkbench.services.commerce import billing

    with acting_session(as_user) as (session, actor):
        invoice = billing.issue_invoice(session, actor, invoice_id, prefix)
        click.echo(
            translate("CliBilling", "Invoice #{id} issued as {number}.").format(
                id=invoice.id, number=invoice.invoice_number
            )
        )


@invoice_group.command(
    "show", help=QT_TRANSLATE_NOOP("Cli", "Print INVOICE_ID as it is printed (Turkish formats).")
)
@click.argument("invoice_id", type=int)
@AS_USER
def invoice_show(invoice_id, as_user):
    from cncworkbench.services.commerce import billing

    with acting_session(as_user) as (session, _actor):
        printed = billing.printable_invoice(session, invoice_id)
    sign = printed["currency_sign"]
    click.echo(
        f"{printed['number'] or 'TASLAK (draft)'}  {printed['status']}  "
        f"düzenleme {printed['issue_date'] or '-'}  vade {printed['due_date']}"
    )
    buyer = printed["buyer"]
    click.echo(
        f"Alıcı: {buyer['name']}  VKN/TCKN {buyer['tax_no'] or '-'}  {buyer['address'] or ''}"
    )
    for line in printed["lines"]:
        click.echo(
            f"{line['no']:>3}. {line['description']}  {line['quantity']} {line['unit']} × "
            f"{line['unit_price']} = {line['amount']} {sign}  (KDV %{line['tax_rate']} "
            f"{line['tax_amount']})"
        )
    click.echo(
        f"Ara toplam {printed['subtotal']} {sign}; KDV (%{printed['tax_rate']}) "
        f"{printed['tax_amount']} {sign}; Genel toplam {printed['total']} {sign}"
    )
    click.echo(printed["total_in_words"])


@invoice_group.command(
    "pdf",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Save issued INVOICE_ID as a PDF: the stored Turkish original (drawn and stored first "
        "if it has none), or an English copy for a foreign buyer.",
    ),
)
@click.argument("invoice_id", type=int)
@click.option(
    "--folder",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Where to save NUMBER.pdf (NUMBER-en.pdf in English)."),
)
@click.option(
    "--document-language",
    type=click.Choice(["tr", "en"]),
    default="tr",
    show_default=True,
    help=QT_TRANSLATE_NOOP(
        "Cli", "tr: the invoice itself; en: an English copy that names the Turkish original."
    ),
)
@AS_USER
def invoice_pdf(invoice_id, folder, document_language, as_user):
    from pathlib import Path

    from cncworkbench.services.commerce import invoice_pdf as pdfs

    context = app_context()
    try:
        with acting(context, as_user) as (session, actor):
            path = pdfs.download_pdf(
                session, context.store, invoice_id, Path(folder), actor, document_language
            )
    finally:
        context.close()
    click.echo(translate("CliBilling", "Invoice PDF: {path}").format(path=path))


@invoice_group.command(
    "pay",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Record a payment for issued INVOICE_ID (paid in full: the invoice is paid)."
    ),
)
@click.argument("invoice_id", type=int)
@click.option(
    "--amount", required=True, help=QT_TRANSLATE_NOOP("Cli", "Amount received, e.g. 4444,45.")
)
@click.option(
    "--method",
    type=click.Choice(["bank_transfer", "card"]),
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "How it came."),
)
@click.option(
    "--provider",
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Bank or card provider, e.g. garanti, iyzico."),
)
@click.option(
    "--ref",
    "provider_ref",
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "The provider's transaction id."),
)
@click.option(
    "--fee", default="0", show_default=True, help=QT_TRANSLATE_NOOP("Cli", "Fee the provider kept.")
)
@AS_USER
def invoice_pay(invoice_id, amount, method, provider, provider_ref, fee, as_user):
    from cncworkbench.services.commerce import billing

    with acting_session(as_user) as (session, actor):
        payment = billing.record_payment(
            session, actor, invoice_id, provider, provider_ref, method, amount, fee=fee
        )
        invoice = billing.get_invoice(session, payment.invoice_id)
        left = billing.balance(session, invoice).outstanding
        if invoice.status == "paid":
            message = translate(
                "CliBilling", "Payment #{id} of {amount} recorded; invoice {number} is paid."
            )
        else:
            message = translate(
                "CliBilling", "Payment #{id} of {amount} recorded; {left} still owed on {number}."
            )
        click.echo(
            message.format(
                id=payment.id,
                amount=money.shown_amount(payment.amount, payment.currency),
                left=money.shown_amount(left, invoice.currency),
                number=invoice.invoice_number,
            )
        )


@invoice_group.command(
    "refund",
    help=QT_TRANSLATE_NOOP("Cli", "Refund part or all of PAYMENT_ID (never more than it)."),
)
@click.argument("payment_id", type=int)
@click.option("--amount", required=True, help=QT_TRANSLATE_NOOP("Cli", "Amount given back."))
@click.option(
    "--reason", default="İade talebi", show_default=True, help=QT_TRANSLATE_NOOP("Cli", "Why.")
)
@AS_USER
def invoice_refund(payment_id, amount, reason, as_user):
    from cncworkbench.services.commerce import billing

    with acting_session(as_user) as (session, actor):
        payment = billing.refund_payment(session, actor, payment_id, amount, reason)
        left = payment.amount - payment.refund_amount
        click.echo(
            translate(
                "CliBilling", "Payment #{id}: {refunded} refunded in all, {left} kept ({status})."
            ).format(
                id=payment.id,
                refunded=money.shown_amount(payment.refund_amount, payment.currency),
                left=money.shown_amount(left, payment.currency),
                status=billing.status_word(payment.status),
            )
        )
