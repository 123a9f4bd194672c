"""``cncworkbench demo``: the main path, headless."""

from __future__ import annotations

import click

from cncworkbench.cli.context import (
    app_context,
)
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP


@click.command(
    help=QT_TRANSLATE_NOOP("Cli", "Walk the product's main path headless on the seeded data.")
)
def demo():
    from cncworkbench.services.demo import run_demo

    context = app_context()
    try:
        run_demo(context, out=click.echo)
    finally:
        context.close()
