"""``cncworkbench audit ...``: the tamper-evident audit trail."""

from __future__ import annotations

import getpass
import sys
import time

import click

from cncworkbench.cli.context import (
    AS_USER,
    app_context,
)
from cncworkbench.core import localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError


@click.group(help=QT_TRANSLATE_NOOP("Cli", "The tamper-evident audit trail."))
def audit():
    pass


@audit.command(
    "verify",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Walk the hash chain; exit 1 naming the first entry that does not verify."
    ),
)
@AS_USER
def audit_verify(as_user):

    from cncworkbench.services.access import audit_anchor

    context = app_context()
    context.ensure_schema()
    started = time.perf_counter()
    if context.is_privileged():
        result, notes = audit_anchor.verify_and_anchor(context.db, context.store)
    elif not as_user:
        raise UserError(
            translate(
                "Cli",
                "These database credentials are not the owner's: give --user EMAIL (an admin).",
            )
        )
    else:
        from cncworkbench.services.access import identity

        password = getpass.getpass(translate("Cli", "Password for {email}: ").format(email=as_user))
        signed_in = identity.sign_in(context, as_user, password, where="cli")
        try:
            result, notes = audit_anchor.verify_and_anchor(
                signed_in.db, context.store, signed_in.actor
            )
        finally:
            identity.sign_out(context, signed_in)
    elapsed = time.perf_counter() - started
    if result.ok:
        click.echo(
            translate("Cli", "audit trail intact: {count} entries verified in {seconds} s").format(
                count=result.checked, seconds=localefmt.number(elapsed, 1, grouping=False)
            )
        )
        for note in notes:
            click.echo(note)
        return
    click.echo(
        translate(
            "Cli",
            "audit trail BROKEN at entry {id}: {reason} ({count} entries before it verified)",
        ).format(id=result.first_bad_id, reason=result.reason, count=result.checked),
        err=True,
    )
    sys.exit(1)


@audit.command(
    "anchor",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Sign the chain's newest entries with CNC_AUDIT_KEY and store them outside the "
        "database (run it from cron; audit verify checks against them).",
    ),
)
def audit_anchor_command():
    from cncworkbench.services.access import audit_anchor

    context = app_context()
    context.ensure_schema()
    key = audit_anchor.audit_key()
    if key is None:
        raise UserError(
            translate("Cli", "No audit anchor key: set {variable}.").format(
                variable=audit_anchor.KEY_ENVIRONMENT
            )
        )
    written = audit_anchor.write_anchor(context.db, context.store, key)
    if not written.keys:
        click.echo(translate("Cli", "no new audit entries since the last anchor"))
    for name in written.keys:
        click.echo(translate("Cli", "anchor written: {key}").format(key=name))
