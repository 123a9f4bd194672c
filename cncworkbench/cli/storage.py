"""``cncworkbench storage ...``: the object store."""

from __future__ import annotations

import click

from cncworkbench.cli.context import (
    app_context,
)
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError


@click.group(help=QT_TRANSLATE_NOOP("Cli", "The object store."))
def storage():
    pass


@storage.command(
    "sweep",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Delete objects that no row references (left by interrupted uploads)."
    ),
)
@click.option(
    "--dry-run", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Only report what would be deleted.")
)
@click.option("--grace-minutes", type=int, default=60, show_default=True,
              help=QT_TRANSLATE_NOOP("Cli", "Leave objects younger than this (uploads in "
                                     "flight)."))  # fmt: skip
def storage_sweep(dry_run, grace_minutes):
    import datetime as dt

    from cncworkbench.services.pdm import files

    context = app_context()
    context.ensure_schema()
    if not context.is_privileged():
        raise UserError(
            translate("Cli", "The sweeper needs the database owner's (or a worker's) credentials.")
        )
    context.store.check()
    with context.db.session() as session:
        report = files.sweep(
            session, context.store, dt.timedelta(minutes=grace_minutes), dry_run=dry_run
        )
    click.echo(report.line())
    click.echo(report.uploads_line())
