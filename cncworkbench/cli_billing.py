"""``cncworkbench license ...`` and ``cncworkbench invoice ...``: licenses, seats, expiry,
invoices and payments from the command line (administrators).

The commands call :mod:`cncworkbench.services.licenses` and
:mod:`cncworkbench.services.billing`, as the settings dialog does; errors a user can fix
print as one line (``error: ...``, exit status 2).
"""

from __future__ import annotations

import contextlib
import datetime as dt

import click

from cncworkbench.errors import UserError

AS_USER = click.option("--user", "as_user", metavar="EMAIL", help="Act as (or for) this user.")


@contextlib.contextmanager
def _session(as_user):
    from cncworkbench.cli import _context, acting

    context = _context()
    try:
        with acting(context, as_user) as (session, actor):
            yield session, actor
    finally:
        context.close()


def parse_date(text: str, what: str = "date") -> dt.date:
    """``2026-12-31`` or ``31.12.2026``."""
    value = text.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise UserError(f"The {what} '{value[:30]}' is not a date; write 2026-12-31 or 31.12.2026.")


def _day(value: dt.datetime) -> str:
    from cncworkbench.core import timefmt

    return f"{timefmt.in_zone(value):%d.%m.%Y}"


# ------------------------------------------------------------------------------ license
@click.group("license", cls=click.Group)
def license_group():
    """Licenses, seats and expiry (administrators)."""


@license_group.command("list")
@AS_USER
def license_list(as_user):
    """Every license, newest end first; the one in force is marked."""
    from cncworkbench.services import licenses

    with _session(as_user) as (session, _actor):
        rows = licenses.list_licenses(session)
        if not rows:
            click.echo("No licenses: logins are not counted and gated features are refused.")
        for info in rows:
            mark = "in force" if info.in_force else info.state
            click.echo(
                f"#{info.id:<4} {info.type:<13} {info.status:<10} {info.seats:>4} seats  "
                f"{_day(info.starts_at)} – {_day(info.ends_at)}  "
                f"{'auto-renew  ' if info.auto_renew else ''}{info.holder_email or '?'}  {mark}"
            )


@license_group.command("add")
@click.argument("license_type", metavar="TYPE")
@click.option("--seats", type=int, default=1, show_default=True, help="Users at once.")
@click.option("--starts", help="First day (default: now).")
@click.option("--ends", help="Day it ends at 00:00 Istanbul time (default: the plan's term).")
@click.option("--holder", metavar="EMAIL", help="Who holds it (default: the first admin).")
@click.option("--auto-renew", is_flag=True, help="Renew automatically.")
@AS_USER
def license_add(license_type, seats, starts, ends, holder, auto_renew, as_user):
    """Add a license of TYPE (trial, basic, professional, enterprise)."""
    from cncworkbench.core import licensing
    from cncworkbench.services import licenses, users

    starts_at = parse_date(starts, "start") if starts else None
    ends_at = parse_date(ends, "end") if ends else None
    with _session(as_user) as (session, actor):
        owner = users.find_by_email(session, holder) if holder else licenses.default_holder(session)
        row = licenses.add_license(
            session, actor, owner.id, license_type.strip().lower(), seats, starts_at, ends_at,
            auto_renew=auto_renew,
        )  # fmt: skip
        click.echo(
            f"License #{row.id} added: {licensing.plan(row.type).title}, {row.seats} seats, "
            f"{_day(row.starts_at)} – {_day(row.ends_at)}, held by {owner.email}."
        )


@license_group.command("renew")
@click.argument("license_id", type=int)
@click.option("--until", required=True, help="The new end (00:00 Istanbul time that day).")
@AS_USER
def license_renew(license_id, until, as_user):
    """Move the end of license ID later (an expired one becomes active again)."""
    from cncworkbench.services import licenses

    with _session(as_user) as (session, actor):
        row = licenses.renew(session, actor, license_id, parse_date(until, "end"))
        click.echo(f"License #{row.id} runs until {_day(row.ends_at)} ({row.status}).")


def _set_status(license_id: int, status: str, as_user) -> None:
    from cncworkbench.services import licenses

    with _session(as_user) as (session, actor):
        row = licenses.set_status(session, actor, license_id, status)
        click.echo(f"License #{row.id} is {row.status}.")


@license_group.command("suspend")
@click.argument("license_id", type=int)
@AS_USER
def license_suspend(license_id, as_user):
    """Suspend license ID (gated features stop, logins are no longer counted)."""
    _set_status(license_id, "suspended", as_user)


@license_group.command("activate")
@click.argument("license_id", type=int)
@AS_USER
def license_activate(license_id, as_user):
    """Make a suspended license ID active again."""
    _set_status(license_id, "active", as_user)


@license_group.command("seats")
@AS_USER
def license_seats(as_user):
    """Who holds the seats of the license in force, with their session ids."""
    from cncworkbench.core import timefmt
    from cncworkbench.services import licenses

    with _session(as_user) as (session, actor):
        usage = licenses.seat_usage(session, actor)
    if usage.license is None:
        click.echo(
            f"No license in force: logins are not counted ({len(usage.holders)} users logged in)."
        )
    else:
        click.echo(
            f"{len(usage.holders)} of {usage.seats} seats in use (license #{usage.license.id}, "
            f"{usage.license.plan_title})."
        )
    for holder in usage.holders:
        sessions = ", ".join(str(i) for i in holder.session_ids)
        noun = "session" if len(holder.session_ids) == 1 else "sessions"
        click.echo(f"  {holder.email:<36} since {timefmt.short(holder.since)}  {noun} {sessions}")


@license_group.command("end-session")
@click.argument("session_id", type=int)
@AS_USER
def license_end_session(session_id, as_user):
    """End session SESSION_ID (frees its seat if it was the user's last)."""
    from cncworkbench.services import licenses

    with _session(as_user) as (session, actor):
        licenses.end_session(session, actor, session_id)
    click.echo(f"Session {session_id} ended.")


@license_group.command("expiry")
def license_expiry():
    """Expire licenses past their end, send the 30/7/1-day warnings, mark overdue
    invoices (idempotent; for cron; needs the owner's or a worker's credentials)."""
    from cncworkbench.services import licenses

    with _session(None) as (session, _actor):
        click.echo(licenses.housekeeping(session).line())


# ------------------------------------------------------------------------------ invoice
@click.group("invoice", cls=click.Group)
def invoice_group():
    """Invoices and payments (administrators)."""


_LINE_HELP = (
    'One invoice line as "DESCRIPTION;QUANTITY;UNIT_PRICE" (e.g. "CAM lisansı;3;1234,56"); '
    "repeat for more lines."
)


def parse_line(text: str):
    """A LineInput from ``DESCRIPTION;QUANTITY;UNIT_PRICE`` (the description may hold ;)."""
    from cncworkbench.core.money import LineInput

    parts = text.rsplit(";", 2)
    if len(parts) != 3:
        raise UserError(
            f"--line '{text[:40]}': write DESCRIPTION;QUANTITY;UNIT_PRICE, e.g. "
            '"CAM lisansı;3;1234,56".'
        )
    description, quantity, price = parts
    return LineInput(description, quantity.strip(), price.strip())


@invoice_group.command("list")
@click.option(
    "--status", type=click.Choice(["draft", "sent", "paid", "overdue", "cancelled"]), default=None
)
@AS_USER
def invoice_list(status, as_user):
    """Invoices, newest first (overdue: sent and past the due date)."""
    from cncworkbench.core import money
    from cncworkbench.services import billing

    with _session(as_user) as (session, _actor):
        rows = billing.list_invoices(session, status)
    if not rows:
        click.echo("No invoices" + (f" {status}." if status else "."))
    for row in rows:
        owed = (
            f"  owed {money.format_amount(row.outstanding, row.currency)}"
            if row.outstanding and row.status not in ("draft", "cancelled")
            else ""
        )
        click.echo(
            f"#{row.id:<4} {row.number or 'draft':<16} {row.status:<9} "
            f"{money.format_amount(row.total, row.currency):>18}  due {row.due_date:%d.%m.%Y}  "
            f"{row.buyer_email or '?'}{owed}"
        )


@invoice_group.command("create")
@click.option("--buyer", required=True, metavar="EMAIL", help="The user billed.")
@click.option("--line", "lines", multiple=True, required=True, help=_LINE_HELP)
@click.option("--currency", default="TRY", show_default=True, help="TRY, USD or EUR.")
@click.option("--tax-rate", default="20", show_default=True, help="KDV rate in percent.")
@click.option("--due", help="Due date (default: in 14 days).")
@click.option(
    "--type",
    "invoice_type",
    type=click.Choice(["one_time", "subscription", "usage"]),
    default="one_time",
    show_default=True,
)
@click.option("--notes", help="Printed on the invoice.")
@AS_USER
def invoice_create(buyer, lines, currency, tax_rate, due, invoice_type, notes, as_user):
    """Create a draft invoice (issue it to give it its number)."""
    from cncworkbench.core import money
    from cncworkbench.services import billing, users

    items = [parse_line(text) for text in lines]
    due_date = parse_date(due, "due date") if due else None
    with _session(as_user) as (session, actor):
        buyer_row = users.find_by_email(session, buyer)
        invoice = billing.create_invoice(
            session, actor, buyer_row.id, items, currency, tax_rate, invoice_type, due_date,
            notes=notes,
        )  # fmt: skip
        c = invoice.currency
        click.echo(
            f"Invoice draft #{invoice.id} for {buyer_row.email}: subtotal "
            f"{money.format_amount(invoice.subtotal, c)}, KDV "
            f"{money.format_amount(invoice.tax_amount, c)} "
            f"(%{money.format_quantity(invoice.tax_rate)}), total "
            f"{money.format_amount(invoice.total, c)}, due {invoice.due_date:%d.%m.%Y}."
        )


@invoice_group.command("issue")
@click.argument("invoice_id", type=int)
@click.option("--prefix", default="CNC", show_default=True, help="3 capitals or digits.")
@AS_USER
def invoice_issue(invoice_id, prefix, as_user):
    """Give draft INVOICE_ID its gap-free number and mark it sent."""
    from cncworkbench.services import billing

    with _session(as_user) as (session, actor):
        invoice = billing.issue_invoice(session, actor, invoice_id, prefix)
        click.echo(f"Invoice #{invoice.id} issued as {invoice.invoice_number}.")


@invoice_group.command("show")
@click.argument("invoice_id", type=int)
@AS_USER
def invoice_show(invoice_id, as_user):
    """Print INVOICE_ID as it is printed (Turkish formats)."""
    from cncworkbench.services import billing

    with _session(as_user) as (session, _actor):
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


@invoice_group.command("pay")
@click.argument("invoice_id", type=int)
@click.option("--amount", required=True, help="Amount received, e.g. 4444,45.")
@click.option(
    "--method", type=click.Choice(["bank_transfer", "card"]), required=True, help="How it came."
)
@click.option("--provider", required=True, help="Bank or card provider, e.g. garanti, iyzico.")
@click.option("--ref", "provider_ref", required=True, help="The provider's transaction id.")
@click.option("--fee", default="0", show_default=True, help="Fee the provider kept.")
@AS_USER
def invoice_pay(invoice_id, amount, method, provider, provider_ref, fee, as_user):
    """Record a payment for issued INVOICE_ID (paid in full: the invoice is paid)."""
    from cncworkbench.core import money
    from cncworkbench.services import billing

    with _session(as_user) as (session, actor):
        payment = billing.record_payment(
            session, actor, invoice_id, provider, provider_ref, method, amount, fee=fee
        )
        invoice = billing.get_invoice(session, payment.invoice_id)
        left = billing.balance(session, invoice).outstanding
        state = (
            f"invoice {invoice.invoice_number} is paid"
            if invoice.status == "paid"
            else f"{money.format_amount(left, invoice.currency)} still owed on "
            f"{invoice.invoice_number}"
        )
        click.echo(
            f"Payment #{payment.id} of {money.format_amount(payment.amount, payment.currency)} "
            f"recorded; {state}."
        )


@invoice_group.command("refund")
@click.argument("payment_id", type=int)
@click.option("--amount", required=True, help="Amount given back.")
@click.option("--reason", default="İade talebi", show_default=True, help="Why.")
@AS_USER
def invoice_refund(payment_id, amount, reason, as_user):
    """Refund part or all of PAYMENT_ID (never more than it)."""
    from cncworkbench.core import money
    from cncworkbench.services import billing

    with _session(as_user) as (session, actor):
        payment = billing.refund_payment(session, actor, payment_id, amount, reason)
        left = payment.amount - payment.refund_amount
        click.echo(
            f"Payment #{payment.id}: {money.format_amount(payment.refund_amount, payment.currency)}"
            f" refunded in all, {money.format_amount(left, payment.currency)} kept "
            f"({payment.status})."
        )
