"""``cncworkbench quote``: what a CAM run's part costs to make, per part and per batch."""

from __future__ import annotations

import json
import sys

import click

from cncworkbench.core import costing


def print_quote(result) -> None:
    from cncworkbench.core.money import format_amount

    quote = result.quote
    click.echo(
        f"Quote for CAM run {result.cam_run_id} ({result.part}): {quote.quantity} parts on "
        f"{result.inputs.machine}, {result.inputs.material}"
    )
    if quote.currency != costing.SHOP_CURRENCY:
        click.echo(f"  in {quote.currency} at {quote.exchange_rate} TRY per {quote.currency}")
    for line in quote.lines:
        amount = format_amount(line.amount, quote.currency)
        click.echo(f"  {line.label:<52} {amount:>16}   ({line.basis})")
    if quote.missing:
        for missing in quote.missing:
            click.echo(f"MISSING {missing}", err=True)
        return
    click.echo(f"  {'Batch total':<52} {format_amount(quote.batch_total, quote.currency):>16}")
    click.echo(f"  {'Per part':<52} {format_amount(quote.per_part, quote.currency):>16}")


@click.command()
@click.argument("cam_run_id", type=int)
@click.option("--quantity", "-n", required=True, help="How many parts in the batch.")
@click.option("--currency", default="TRY", show_default=True, help="TRY, USD or EUR.")
@click.option("--rate", help="Exchange rate, TRY per unit of --currency (USD/EUR only).")
@click.option(
    "--setup-minutes", default=str(costing.DEFAULT_SETUP_MINUTES), show_default=True,
    help="Setup time for the batch (fixturing, zeroing, first-part check).",
)  # fmt: skip
@click.option("--draft-invoice", "buyer", metavar="EMAIL", help="Also draft an invoice to EMAIL.")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False), help="Write the quote PDF.")
@click.option("--user", "as_user", metavar="EMAIL", help="Act as (or for) this user.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def quote(cam_run_id, quantity, currency, rate, setup_minutes, buyer, pdf_path, as_user, as_json):
    """Price CAM_RUN_ID: machine time, setup, stock material and tool wear from the
    catalog's rates. Exit status 1 when a rate is missing (each is named)."""
    from cncworkbench.cli import _context, acting
    from cncworkbench.services import quotes, users

    with acting(_context(), as_user) as (session, actor):
        result = quotes.quote_cam_run(
            session, actor, cam_run_id, quantity, currency, rate, setup_minutes
        )
        draft = None
        if buyer:
            draft = quotes.draft_invoice(
                session, actor, result, users.find_by_email(session, buyer).id
            )
    if pdf_path:
        from pathlib import Path

        quotes.render_quote_pdf(result, Path(pdf_path), actor.email or "")
        click.echo(f"Quote PDF: {pdf_path}", err=True)
    if as_json:
        click.echo(json.dumps({**result.as_json(), "invoice_draft_id": draft}, ensure_ascii=False))
    else:
        print_quote(result)
        if draft is not None:
            click.echo(f"Invoice draft #{draft} for {buyer}.")
    if result.quote.missing:
        sys.exit(1)
