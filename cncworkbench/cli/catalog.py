"""``cncworkbench seed``: the machine, tool and material catalog."""

from __future__ import annotations

import click

from cncworkbench.cli.context import (
    app_context,
)
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP


@click.command(
    help=QT_TRANSLATE_NOOP("Cli", "Load the machine, tool and material catalog (safe to repeat).")
)
def seed():
    from cncworkbench.services.machining import catalog

    context = app_context()
    context.ensure_schema()
    with context.db.session() as session:
        report = catalog.seed(session)
    for line in report.lines():
        click.echo(line)
