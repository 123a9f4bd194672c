"""``cncworkbench erp``: external ERP/MES systems, the exchange queue, imports.

Help texts are marked ``QT_TRANSLATE_NOOP("Cli", ...)`` (put in the reader's language by
:func:`cncworkbench.cli.base.localise`); what the commands print goes through
``translate("CliErp", ...)``. Codes (directions, entity types, statuses in options) and
the payloads stay as they are.

    cncworkbench erp system add SAP --url https://sap.example/cnc --direction both \\
        --entity-types order,cam_run,sim_run,invoice
    cncworkbench erp system set-token SAP            (asks; --stdin to pipe it)
    cncworkbench erp sync                            (one delivery pass)
    cncworkbench erp import orders.csv --system SAP
    cncworkbench erp status
"""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

import click

from cncworkbench.cli.base import UserErrorGroup
from cncworkbench.cli.context import AS_USER, acting, acting_db, app_context
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

ENTITY_TYPES = ("order", "cam_run", "sim_run", "invoice")


def _acting(as_user):

    return acting(app_context(), as_user)


def _acting_db(as_user):

    context = app_context()
    return context, acting_db(context, as_user)


def _types(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [t.strip() for t in text.split(",") if t.strip()]


def _options(**values) -> dict:
    renames = {"backoff_base": "backoff_base_s", "backoff_max": "backoff_max_s",
               "pull_interval": "pull_interval_s"}  # fmt: skip
    return {renames.get(k, k): v for k, v in values.items() if v is not None}


def system_options(function):
    for option in reversed(
        [
            click.option(
                "--url",
                "base_url",
                help=QT_TRANSLATE_NOOP("Cli", "Base address, e.g. https://erp.example/cnc."),
            ),
            click.option("--direction", type=click.Choice(["inbound", "outbound", "both"])),
            click.option(
                "--entity-types",
                help=QT_TRANSLATE_NOOP(
                    "Cli", "Comma separated, from: order, cam_run, sim_run, invoice."
                ),
            ),
            click.option("--description"),
            click.option(
                "--events-path", help=QT_TRANSLATE_NOOP("Cli", "Where events are POSTed [events].")
            ),
            click.option(
                "--orders-path", help=QT_TRANSLATE_NOOP("Cli", "Where orders are read [orders].")
            ),
            click.option("--connect-timeout-ms", type=int, help="[5000]"),
            click.option("--read-timeout-ms", type=int, help="[15000]"),
            click.option(
                "--max-retries",
                type=int,
                help=QT_TRANSLATE_NOOP("Cli", "Retries before failing [8]."),
            ),
            click.option(
                "--backoff-base",
                type=int,
                help=QT_TRANSLATE_NOOP("Cli", "First retry's wait, s [30]."),
            ),
            click.option(
                "--backoff-max", type=int, help=QT_TRANSLATE_NOOP("Cli", "Longest wait, s [3600].")
            ),
            click.option(
                "--pull-interval",
                type=int,
                help=QT_TRANSLATE_NOOP("Cli", "Pull orders every N s (workers)."),
            ),
        ]
    ):
        function = option(function)
    return function


@click.group(
    cls=UserErrorGroup,
    help=QT_TRANSLATE_NOOP(
        "Cli", "ERP/MES synchronisation: systems, the exchange queue, order imports."
    ),
)
def erp():
    pass


@erp.group(
    help=QT_TRANSLATE_NOOP(
        "Cli", "External systems (administrators; tokens live in the keyring or environment)."
    )
)
def system():
    pass


@system.command(
    "add",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Configure an external system NAME (letters, digits, _; stored upper case)."
    ),
)
@click.argument("name")
@system_options
@click.option(
    "--inactive", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Configure it without using it yet.")
)
@AS_USER
def system_add(name, base_url, direction, entity_types, inactive, as_user, **options):
    from cncworkbench.services.commerce import erp as service

    if not base_url or not direction or not entity_types:
        raise UserError(translate("CliErp", "Give --url, --direction and --entity-types."))
    with _acting(as_user) as (session, actor):
        row = service.add_system(
            session, actor, name, base_url, direction, _types(entity_types),
            active=not inactive, **_options(**options),
        )  # fmt: skip
        name = row.name
    click.echo(translate("CliErp", "external system {name} added").format(name=name))
    click.echo(
        translate(
            "CliErp",
            "set its token: cncworkbench erp system set-token {name}   "
            "(or the environment variable CNC_ERP_TOKEN_{name})",
        ).format(name=name)
    )


@system.command("update", help=QT_TRANSLATE_NOOP("Cli", "Change a system's settings."))
@click.argument("name")
@system_options
@click.option("--active/--inactive", default=None)
@AS_USER
def system_update(name, base_url, direction, entity_types, active, as_user, **options):
    from cncworkbench.services.commerce import erp as service

    changes = _options(**options, active=active)
    if base_url is not None:
        changes["base_url"] = base_url
    if direction is not None:
        changes["direction"] = direction
    if entity_types is not None:
        changes["entity_types"] = _types(entity_types)
    if not changes:
        raise UserError(translate("CliErp", "Nothing to change: give at least one option."))
    with _acting(as_user) as (session, actor):
        service.update_system(session, actor, name, **changes)
    click.echo(
        translate("CliErp", "external system {name} updated").format(name=service.clean_name(name))
    )


@system.command(
    "list",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Configured systems, their queues and where their secrets come from."
    ),
)
@AS_USER
def system_list(as_user):
    from cncworkbench.services.commerce import erp as service

    with _acting(as_user) as (session, actor):
        rows = service.list_systems(session, actor)
    for info in rows:
        queue = service.queue_text(info.queue)
        state = translate("CliErp", "active") if info.active else translate("CliErp", "inactive")
        token = translate("CliErp", "token: {source}").format(
            source=service.source_text(info.token)
        )
        click.echo(
            f"{info.name:<16} {state:<8} {info.direction:<8} {','.join(info.entity_types):<30} "
            f"{info.base_url}   {token}   [{queue}]"
        )
    if not rows:
        click.echo(
            translate("CliErp", "no external systems; add one with `cncworkbench erp system add`")
        )


@system.command(
    "show",
    help=QT_TRANSLATE_NOOP(
        "Cli", "A system's settings (secrets are never shown, only where they come from)."
    ),
)
@click.argument("name")
@AS_USER
def system_show(name, as_user):
    from cncworkbench.services.commerce import erp as service

    with _acting(as_user) as (session, actor):
        info = service.describe(session, actor, name)
    for label, value in info.lines():
        click.echo(f"{label:<15} {value}")


@system.command("remove", help=QT_TRANSLATE_NOOP("Cli", "Remove a system and its keyring secrets."))
@click.argument("name")
@click.option(
    "--force", is_flag=True,
    help=QT_TRANSLATE_NOOP("Cli", "Also give up its undelivered exchanges."),
)  # fmt: skip
@AS_USER
def system_remove(name, force, as_user):
    from cncworkbench.services.commerce import erp as service

    with _acting(as_user) as (session, actor):
        given_up = service.remove_system(session, actor, name, force=force)
    if given_up:
        text = translate(
            "CliErp",
            "external system {name} removed; {count} undelivered exchange(s) marked failed",
        )
    else:
        text = translate("CliErp", "external system {name} removed")
    click.echo(text.format(name=service.clean_name(name), count=given_up))


@system.command(
    "set-token",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Keep a system's bearer token (or signing secret) in the OS keyring."
    ),
)
@click.argument("name")
@click.option(
    "--signing", is_flag=True,
    help=QT_TRANSLATE_NOOP("Cli", "Set the HMAC signing secret instead."),
)  # fmt: skip
@click.option(
    "--stdin", "from_stdin", is_flag=True,
    help=QT_TRANSLATE_NOOP("Cli", "Read the secret from standard input."),
)  # fmt: skip
@click.option("--clear", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Forget the secret."))
@AS_USER
def system_set_token(name, signing, from_stdin, clear, as_user):
    from cncworkbench.services.commerce import erp as service

    kind = "signing_secret" if signing else "token"
    if clear:
        value = ""
    elif from_stdin:
        value = sys.stdin.readline().rstrip("\n")
    else:
        prompt = (
            translate("CliErp", "Signing secret for {name}: ")
            if signing
            else translate("CliErp", "Token for {name}: ")
        )
        value = getpass.getpass(prompt.format(name=name))
    if not clear and not value:
        raise UserError(translate("CliErp", "The secret is empty (use --clear to forget it)."))
    with _acting(as_user) as (session, actor):
        service.set_secret(session, actor, name, value, kind)
    if signing:
        text = (
            translate("CliErp", "signing secret of {name} forgotten")
            if clear
            else translate("CliErp", "signing secret of {name} stored in the OS keyring")
        )
    else:
        text = (
            translate("CliErp", "token of {name} forgotten")
            if clear
            else translate("CliErp", "token of {name} stored in the OS keyring")
        )
    click.echo(text.format(name=service.clean_name(name)))


@erp.command(
    "sync",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Deliver the due outbound events once (workers do this every few seconds)."
    ),
)
@click.option(
    "--limit", type=int, default=500, show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Attempts at most."),
)  # fmt: skip
@AS_USER
def erp_sync(limit, as_user):
    from cncworkbench.services.commerce import erp as service

    context, acting = _acting_db(as_user)
    with acting as (database, _actor):
        report = service.deliver_pending(database, limit=limit, secrets=context.secrets)
    click.echo(report.line())
    if report.failed:
        sys.exit(1)


@erp.command(
    "import",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Import orders (CSV or JSON) as projects; all or nothing. An order imported before "
        "updates its project.",
    ),
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--system", "system_name", required=True,
    help=QT_TRANSLATE_NOOP("Cli", "The system the orders come from."),
)  # fmt: skip
@click.option(
    "--format", "kind", type=click.Choice(["csv", "json"]),
    help=QT_TRANSLATE_NOOP("Cli", "Default: by extension."),
)  # fmt: skip
@AS_USER
def erp_import(file, system_name, kind, as_user):
    from cncworkbench.services.commerce import erp_inbound

    _context, acting = _acting_db(as_user)
    with acting as (database, actor):
        report = erp_inbound.import_file(database, actor, system_name, file, kind)
    click.echo(report.line())


@erp.command(
    "pull",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Read the open orders from a system's REST endpoint and import them."
    ),
)
@click.option("--system", "system_name", required=True)
@AS_USER
def erp_pull(system_name, as_user):
    from cncworkbench.services.commerce import erp_inbound

    context, acting = _acting_db(as_user)
    with acting as (database, actor):
        report = erp_inbound.pull_orders(database, actor, system_name, secrets=context.secrets)
    click.echo(report.line())


def _sync_line(row) -> str:
    from cncworkbench.core import timefmt

    what = row.event or translate("CliErp", "{type} import").format(type=row.entity_type)
    if row.next_attempt_at:
        when = translate("CliErp", "next {when}").format(when=timefmt.short(row.next_attempt_at))
    elif row.synced_at:
        when = translate("CliErp", "synced {when}").format(when=timefmt.short(row.synced_at))
    else:
        when = ""
    error = f"  {row.error_message}" if row.error_message and row.status != "synced" else ""
    return (
        f"{row.id:>6}  {row.external_system:<12} {row.direction:<8} {what:<20} "
        f"{row.entity_type} {row.entity_id:<6} {row.state_text:<9} {when}{error}"
    )


@erp.command(
    "status",
    help=QT_TRANSLATE_NOOP("Cli", "The exchange queue by status (and the latest failures)."),
)
@click.option("--system", "system_name")
@click.option(
    "--list", "status_list", type=click.Choice(["pending", "synced", "failed"]),
    help=QT_TRANSLATE_NOOP("Cli", "Also list the exchanges with this status."),
)  # fmt: skip
@click.option("--limit", type=int, default=20, show_default=True)
@AS_USER
def erp_status(system_name, status_list, limit, as_user):
    from cncworkbench.services.commerce import erp as service

    with _acting(as_user) as (session, _actor):
        for direction in ("outbound", "inbound"):
            counts = service.queue_status(session, system_name, direction)
            click.echo(f"{direction:<9} " + service.queue_text(counts))
        listed = status_list or "failed"
        rows = service.list_sync(session, status=listed, system=system_name, limit=limit)
    if rows:
        click.echo(f"{service.status_text(listed)}:")
        for row in rows:
            click.echo(_sync_line(row))


@erp.command(
    "show",
    help=QT_TRANSLATE_NOOP(
        "Cli", "An exchange: its payload, the headers it is sent with, every attempt."
    ),
)
@click.argument("sync_id", type=int)
@AS_USER
def erp_show(sync_id, as_user):
    from cncworkbench.services.commerce import erp as service

    with _acting(as_user) as (session, _actor):
        view = service.payload(session, sync_id)
    click.echo(_sync_line(view.sync))
    for name, value in view.headers.items():
        click.echo(f"{name}: {value}")
    click.echo(view.pretty())
    for attempt in view.attempts:
        click.echo(
            translate("CliErp", "attempt {attempt}").format(
                attempt=json.dumps(attempt, ensure_ascii=False)
            )
        )


@erp.command(
    "retry",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Send a failed exchange again (the next sync or worker round delivers it)."
    ),
)
@click.argument("sync_id", type=int, required=False)
@click.option(
    "--all-failed", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Retry every failed exchange.")
)
@click.option(
    "--system", "system_name",
    help=QT_TRANSLATE_NOOP("Cli", "With --all-failed: only this system's."),
)  # fmt: skip
@AS_USER
def erp_retry(sync_id, all_failed, system_name, as_user):
    from cncworkbench.services.commerce import erp as service

    if (sync_id is None) == (not all_failed):
        raise UserError(translate("CliErp", "Give an exchange id or --all-failed."))
    with _acting(as_user) as (session, actor):
        if all_failed:
            count = service.retry_failed(session, actor, system_name)
            click.echo(
                translate("CliErp", "{count} failed exchange(s) queued again").format(count=count)
            )
            return
        row = service.retry(session, actor, sync_id)
    click.echo(translate("CliErp", "exchange {id} queued again").format(id=row.id))
