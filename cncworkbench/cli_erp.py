"""``cncworkbench erp``: external ERP/MES systems, the exchange queue, imports.

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

from cncworkbench.cli_base import UserErrorGroup
from cncworkbench.errors import UserError

AS_USER = click.option("--user", "as_user", metavar="EMAIL", help="Act as (or for) this user.")
ENTITY_TYPES = ("order", "cam_run", "sim_run", "invoice")


def _acting(as_user):
    from cncworkbench.cli import _context, acting

    return acting(_context(), as_user)


def _acting_db(as_user):
    from cncworkbench.cli import _context, acting_db

    context = _context()
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
            click.option("--url", "base_url", help="Base address, e.g. https://erp.example/cnc."),
            click.option("--direction", type=click.Choice(["inbound", "outbound", "both"])),
            click.option(
                "--entity-types",
                help=f"Comma separated, from: {', '.join(ENTITY_TYPES)}.",
            ),
            click.option("--description"),
            click.option("--events-path", help="Where events are POSTed [events]."),
            click.option("--orders-path", help="Where orders are read [orders]."),
            click.option("--connect-timeout-ms", type=int, help="[5000]"),
            click.option("--read-timeout-ms", type=int, help="[15000]"),
            click.option("--max-retries", type=int, help="Retries before failing [8]."),
            click.option("--backoff-base", type=int, help="First retry's wait, s [30]."),
            click.option("--backoff-max", type=int, help="Longest wait, s [3600]."),
            click.option("--pull-interval", type=int, help="Pull orders every N s (workers)."),
        ]
    ):
        function = option(function)
    return function


@click.group(cls=UserErrorGroup)
def erp():
    """ERP/MES synchronisation: systems, the exchange queue, order imports."""


@erp.group()
def system():
    """External systems (administrators; tokens live in the keyring or environment)."""


@system.command("add")
@click.argument("name")
@system_options
@click.option("--inactive", is_flag=True, help="Configure it without using it yet.")
@AS_USER
def system_add(name, base_url, direction, entity_types, inactive, as_user, **options):
    """Configure an external system NAME (letters, digits, _; stored upper case)."""
    from cncworkbench.services import erp as service

    if not base_url or not direction or not entity_types:
        raise UserError("Give --url, --direction and --entity-types.")
    with _acting(as_user) as (session, actor):
        row = service.add_system(
            session, actor, name, base_url, direction, _types(entity_types),
            active=not inactive, **_options(**options),
        )  # fmt: skip
        name = row.name
    click.echo(f"external system {name} added")
    click.echo(
        f"set its token: cncworkbench erp system set-token {name}   "
        f"(or the environment variable CNC_ERP_TOKEN_{name})"
    )


@system.command("update")
@click.argument("name")
@system_options
@click.option("--active/--inactive", default=None)
@AS_USER
def system_update(name, base_url, direction, entity_types, active, as_user, **options):
    """Change a system's settings."""
    from cncworkbench.services import erp as service

    changes = _options(**options, active=active)
    if base_url is not None:
        changes["base_url"] = base_url
    if direction is not None:
        changes["direction"] = direction
    if entity_types is not None:
        changes["entity_types"] = _types(entity_types)
    if not changes:
        raise UserError("Nothing to change: give at least one option.")
    with _acting(as_user) as (session, actor):
        service.update_system(session, actor, name, **changes)
    click.echo(f"external system {service.clean_name(name)} updated")


@system.command("list")
@AS_USER
def system_list(as_user):
    """Configured systems, their queues and where their secrets come from."""
    from cncworkbench.services import erp as service

    with _acting(as_user) as (session, actor):
        rows = service.list_systems(session, actor)
    for info in rows:
        queue = ", ".join(f"{k} {v}" for k, v in info.queue.items())
        state = "active" if info.active else "inactive"
        click.echo(
            f"{info.name:<16} {state:<8} {info.direction:<8} {','.join(info.entity_types):<30} "
            f"{info.base_url}   token: {info.token}   [{queue}]"
        )
    if not rows:
        click.echo("no external systems; add one with `cncworkbench erp system add`")


@system.command("show")
@click.argument("name")
@AS_USER
def system_show(name, as_user):
    """A system's settings (secrets are never shown, only where they come from)."""
    from cncworkbench.services import erp as service

    with _acting(as_user) as (session, actor):
        info = service.describe(session, actor, name)
    for label, value in info.lines():
        click.echo(f"{label:<15} {value}")


@system.command("remove")
@click.argument("name")
@click.option("--force", is_flag=True, help="Also give up its undelivered exchanges.")
@AS_USER
def system_remove(name, force, as_user):
    """Remove a system and its keyring secrets."""
    from cncworkbench.services import erp as service

    with _acting(as_user) as (session, actor):
        given_up = service.remove_system(session, actor, name, force=force)
    extra = f"; {given_up} undelivered exchange(s) marked failed" if given_up else ""
    click.echo(f"external system {service.clean_name(name)} removed{extra}")


@system.command("set-token")
@click.argument("name")
@click.option("--signing", is_flag=True, help="Set the HMAC signing secret instead.")
@click.option("--stdin", "from_stdin", is_flag=True, help="Read the secret from standard input.")
@click.option("--clear", is_flag=True, help="Forget the secret.")
@AS_USER
def system_set_token(name, signing, from_stdin, clear, as_user):
    """Keep a system's bearer token (or signing secret) in the OS keyring."""
    from cncworkbench.services import erp as service

    kind = "signing_secret" if signing else "token"
    if clear:
        value = ""
    elif from_stdin:
        value = sys.stdin.readline().rstrip("\n")
    else:
        value = getpass.getpass(f"{'Signing secret' if signing else 'Token'} for {name}: ")
    if not clear and not value:
        raise UserError("The secret is empty (use --clear to forget it).")
    with _acting(as_user) as (session, actor):
        service.set_secret(session, actor, name, value, kind)
    what = "signing secret" if signing else "token"
    done = "forgotten" if clear else "stored in the OS keyring"
    click.echo(f"{what} of {service.clean_name(name)} {done}")


@erp.command("sync")
@click.option("--limit", type=int, default=500, show_default=True, help="Attempts at most.")
@AS_USER
def erp_sync(limit, as_user):
    """Deliver the due outbound events once (workers do this every few seconds)."""
    from cncworkbench.services import erp as service

    context, acting = _acting_db(as_user)
    with acting as (database, _actor):
        report = service.deliver_pending(database, limit=limit, secrets=context.secrets)
    click.echo(report.line())
    if report.failed:
        sys.exit(1)


@erp.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--system", "system_name", required=True, help="The system the orders come from.")
@click.option("--format", "kind", type=click.Choice(["csv", "json"]), help="Default: by extension.")
@AS_USER
def erp_import(file, system_name, kind, as_user):
    """Import orders (CSV or JSON) as projects; all or nothing. An order imported before
    updates its project."""
    from cncworkbench.services import erp as service

    _context, acting = _acting_db(as_user)
    with acting as (database, actor):
        report = service.import_file(database, actor, system_name, file, kind)
    click.echo(report.line())


@erp.command("pull")
@click.option("--system", "system_name", required=True)
@AS_USER
def erp_pull(system_name, as_user):
    """Read the open orders from a system's REST endpoint and import them."""
    from cncworkbench.services import erp as service

    context, acting = _acting_db(as_user)
    with acting as (database, actor):
        report = service.pull_orders(database, actor, system_name, secrets=context.secrets)
    click.echo(report.line())


def _sync_line(row) -> str:
    from cncworkbench.core import timefmt

    what = row.event or f"{row.entity_type} import"
    when = (
        f"next {timefmt.short(row.next_attempt_at)}"
        if row.next_attempt_at
        else (f"synced {timefmt.short(row.synced_at)}" if row.synced_at else "")
    )
    error = f"  {row.error_message}" if row.error_message and row.status != "synced" else ""
    return (
        f"{row.id:>6}  {row.external_system:<12} {row.direction:<8} {what:<20} "
        f"{row.entity_type} {row.entity_id:<6} {row.state_text:<9} {when}{error}"
    )


@erp.command("status")
@click.option("--system", "system_name")
@click.option("--list", "status_list", type=click.Choice(["pending", "synced", "failed"]),
              help="Also list the exchanges with this status.")  # fmt: skip
@click.option("--limit", type=int, default=20, show_default=True)
@AS_USER
def erp_status(system_name, status_list, limit, as_user):
    """The exchange queue by status (and the latest failures)."""
    from cncworkbench.services import erp as service

    with _acting(as_user) as (session, _actor):
        for direction in ("outbound", "inbound"):
            counts = service.queue_status(session, system_name, direction)
            click.echo(f"{direction:<9} " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        listed = status_list or "failed"
        rows = service.list_sync(session, status=listed, system=system_name, limit=limit)
    if rows:
        click.echo(f"{listed}:")
        for row in rows:
            click.echo(_sync_line(row))


@erp.command("show")
@click.argument("sync_id", type=int)
@AS_USER
def erp_show(sync_id, as_user):
    """An exchange: its payload, the headers it is sent with, every attempt."""
    from cncworkbench.services import erp as service

    with _acting(as_user) as (session, _actor):
        view = service.payload(session, sync_id)
    click.echo(_sync_line(view.sync))
    for name, value in view.headers.items():
        click.echo(f"{name}: {value}")
    click.echo(view.pretty())
    for attempt in view.attempts:
        click.echo("attempt " + json.dumps(attempt, ensure_ascii=False))


@erp.command("retry")
@click.argument("sync_id", type=int, required=False)
@click.option("--all-failed", is_flag=True, help="Retry every failed exchange.")
@click.option("--system", "system_name", help="With --all-failed: only this system's.")
@AS_USER
def erp_retry(sync_id, all_failed, system_name, as_user):
    """Send a failed exchange again (the next sync or worker round delivers it)."""
    from cncworkbench.services import erp as service

    if (sync_id is None) == (not all_failed):
        raise UserError("Give an exchange id or --all-failed.")
    with _acting(as_user) as (session, actor):
        if all_failed:
            count = service.retry_failed(session, actor, system_name)
            click.echo(f"{count} failed exchange(s) queued again")
            return
        row = service.retry(session, actor, sync_id)
    click.echo(f"exchange {row.id} queued again")
