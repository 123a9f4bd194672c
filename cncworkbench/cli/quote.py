"""``cncworkbench quote``: what a CAM run's part costs to make, per part and per batch."""

from __future__ import annotations

import json
import sys

import click

from cncworkbench.cli.context import acting, app_context
from cncworkbench.core import costing, i18n
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate


def print_quote(result) -> None:
    from cncworkbench.core.money import shown_amount

    quote = result.quote
    click.echo(
        translate(
            "CliQuote", "Quote for CAM run {id} ({part}): {quantity} parts on {machine}, {material}"
        ).format(
            id=result.cam_run_id,
            part=result.part,
            quantity=quote.quantity,
            machine=result.inputs.machine,
            material=result.inputs.material,
        )
    )
    if quote.currency != costing.SHOP_CURRENCY:
        click.echo(
            "  "
            + translate("CliQuote", "in {currency} at {rate} TRY per {currency}").format(
                currency=quote.currency, rate=i18n.number(quote.exchange_rate, 4)
            )
        )
    for line in quote.lines:
        amount = shown_amount(line.amount, quote.currency)
        click.echo(f"  {line.label:<52} {amount:>16}   ({line.basis})")
    if quote.missing:
        for missing in quote.missing:
            click.echo(translate("CliQuote", "MISSING {missing}").format(missing=missing), err=True)
        return
    batch, per_part = translate("CliQuote", "Batch total"), translate("CliQuote", "Per part")
    click.echo(f"  {batch:<52} {shown_amount(quote.batch_total, quote.currency):>16}")
    click.echo(f"  {per_part:<52} {shown_amount(quote.per_part, quote.currency):>16}")


@click.command(
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Price CAM_RUN_ID: machine time, setup, stock material and tool wear from the "
        "catalog's rates. Exit status 1 when a rate is missing (each is named).",
    )
)
@click.argument("cam_run_id", type=int)
@click.option(
    "--quantity", "-n", required=True,
    help=QT_TRANSLATE_NOOP("Cli", "How many parts in the batch."),
)  # fmt: skip
@click.option(
    "--currency",
    default="TRY",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "TRY, USD or EUR."),
)
@click.option(
    "--rate",
    help=QT_TRANSLATE_NOOP("Cli", "Exchange rate, TRY per unit of --currency (USD/EUR only)."),
)
@click.option(
    "--setup-minutes", default=str(costing.DEFAULT_SETUP_MINUTES), show_default=True,
    help=QT_TRANSLATE_NOOP(
        "Cli", "Setup time for the batch (fixturing, zeroing, first-part check)."
    ),
)  # fmt: skip
@click.option(
    "--draft-invoice", "buyer", metavar="EMAIL",
    help=QT_TRANSLATE_NOOP("Cli", "Also draft an invoice to EMAIL."),
)  # fmt: skip
@click.option(
    "--pdf", "pdf_path", type=click.Path(dir_okay=False),
    help=QT_TRANSLATE_NOOP("Cli", "Write the quote PDF."),
)  # fmt: skip
@click.option(
    "--document-language", type=click.Choice(["tr", "en"]),
    help=QT_TRANSLATE_NOOP(
        "Cli", "Language of the quote PDF (default: the language the program speaks)."
    ),
)  # fmt: skip
@click.option(
    "--user", "as_user", metavar="EMAIL",
    help=QT_TRANSLATE_NOOP("Cli", "Act as (or for) this user."),
)  # fmt: skip
@click.option(
    "--json", "as_json", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Print one JSON object.")
)
def quote(
    cam_run_id, quantity, currency, rate, setup_minutes, buyer, pdf_path, document_language,
    as_user, as_json,
):  # fmt: skip
    from cncworkbench.services.access import users
    from cncworkbench.services.machining import quotes

    code = str(currency).strip().upper()
    if rate is None and code in costing.CURRENCIES and code not in (costing.SHOP_CURRENCY, "TL"):
        raise click.UsageError(
            translate(
                "CliQuote",
                "A quote in {currency} needs the exchange rate: give --rate (TRY per "
                "{currency}, e.g. --rate 34.25).",
            ).format(currency=code)
        )
    with acting(app_context(), as_user) as (session, actor):
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

        quotes.render_quote_pdf(result, Path(pdf_path), actor.email or "", document_language)
        click.echo(translate("CliQuote", "Quote PDF: {path}").format(path=pdf_path), err=True)
    if as_json:
        click.echo(json.dumps({**result.as_json(), "invoice_draft_id": draft}, ensure_ascii=False))
    else:
        print_quote(result)
        if draft is not None:
            click.echo(
                translate("CliQuote", "Invoice draft #{id} for {buyer}.").format(
                    id=draft, buyer=buyer
                )
            )
    if result.quote.missing:
        sys.exit(1)
