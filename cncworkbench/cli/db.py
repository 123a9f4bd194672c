"""``cncworkbench db ...``: schema migrations and the embedded database."""

from __future__ import annotations

import click

from cncworkbench.cli.context import (
    app_context,
)
from cncworkbench.config import (
    load_settings,
)
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError


@click.group(help=QT_TRANSLATE_NOOP("Cli", "Schema migrations and the embedded database."))
def db():
    pass


EMPTY_SCHEMA = QT_TRANSLATE_NOOP("Cli", "(empty)")


def _schema_change(before: str | None, after: str | None) -> str:
    empty = translate("Cli", EMPTY_SCHEMA)
    return translate("Cli", "schema: {before} -> {after}").format(
        before=before or empty, after=after or empty
    )


@db.command(
    "upgrade",
    help=QT_TRANSLATE_NOOP("Cli", "Migrate the schema up to REVISION (default: the newest)."),
)
@click.argument("revision", default="head")
def db_upgrade(revision):
    from cncworkbench.db import migrate

    context = app_context()
    context.db.check()
    before = migrate.current_revision(context.db.engine)
    migrate.upgrade(context.db.engine, revision)
    after = migrate.current_revision(context.db.engine)
    click.echo(_schema_change(before, after))


@db.command(
    "downgrade",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Migrate the schema down to REVISION ('base' removes every table)."
    ),
)
@click.argument("revision")
@click.option("--yes", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Do not ask for confirmation."))
def db_downgrade(revision, yes):
    from cncworkbench.db import migrate

    if revision == "base" and not yes:
        click.confirm(
            translate("Cli", "This drops every table and all data in them. Continue?"), abort=True
        )
    context = app_context()
    context.db.check()
    before = migrate.current_revision(context.db.engine)
    migrate.downgrade(context.db.engine, revision)
    after = migrate.current_revision(context.db.engine)
    click.echo(_schema_change(before, after))


@db.command(
    "current",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Print the schema revision of the database and of this version of the code."
    ),
)
def db_current():
    from cncworkbench.db import migrate

    context = app_context()
    context.db.check()
    current = migrate.current_revision(context.db.engine)
    head = migrate.head_revision()
    state = (
        translate("Cli", "up to date")
        if current == head
        else translate("Cli", "needs `cncworkbench db upgrade`")
    )
    click.echo(
        translate("Cli", "database: {current}  code: {head}  ({state})").format(
            current=current or translate("Cli", EMPTY_SCHEMA), head=head, state=state
        )
    )


@db.command("stop", help=QT_TRANSLATE_NOOP("Cli", "Stop the embedded database server."))
def db_stop():
    from cncworkbench.db.cluster import EmbeddedCluster

    settings = load_settings()
    if not settings.uses_embedded_database:
        raise UserError(
            translate("Cli", "CNC_DATABASE_URL is set: there is no embedded database to stop.")
        )
    stopped = EmbeddedCluster.for_data_dir(settings.data_dir).stop()
    click.echo(
        translate("Cli", "embedded database stopped")
        if stopped
        else translate("Cli", "embedded database was not running")
    )
