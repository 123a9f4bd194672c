"""``cncworkbench license ...``: licenses, seats and expiry from the command line
(administrators).

The commands call :mod:`cncworkbench.services.access.licenses`, as the settings dialog
does; errors a user can fix print as one line (``error: ...``, exit status 2). What they
print goes through ``translate("CliBilling", ...)``.
"""

from __future__ import annotations

import click

from cncworkbench.cli.context import AS_USER, acting_session, parse_date
from cncworkbench.core import timefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate


# ------------------------------------------------------------------------------ license
@click.group(
    "license",
    cls=click.Group,
    help=QT_TRANSLATE_NOOP("Cli", "Licenses, seats and expiry (administrators)."),
)
def license_group():
    pass


def _state(info) -> str:
    """A license's state now, as the list marks it."""
    from cncworkbench.core import licensing

    if info.in_force:
        return translate("CliBilling", "in force")
    if info.state == "not_started":
        return translate("CliBilling", "not_started")
    return licensing.status_word(info.state)


@license_group.command(
    "list",
    help=QT_TRANSLATE_NOOP("Cli", "Every license, newest end first; the one in force is marked."),
)
@AS_USER
def license_list(as_user):
    from cncworkbench.core import licensing
    from cncworkbench.services.access import licenses

    with acting_session(as_user) as (session, _actor):
        rows = licenses.list_licenses(session)
        if not rows:
            click.echo(
                translate(
                    "CliBilling",
                    "No licenses: logins are not counted and gated features are refused.",
                )
            )
        row = translate(
            "CliBilling",
            "#{id:<4} {type:<13} {status:<10} {seats:>4} seats  {starts} – {ends}  "
            "{renew}{holder}  {state}",
        )
        for info in rows:
            renew = translate("CliBilling", "auto-renew") + "  " if info.auto_renew else ""
            click.echo(
                row.format(
                    id=info.id,
                    type=info.type,
                    status=licensing.status_word(info.status),
                    seats=info.seats,
                    starts=timefmt.day(info.starts_at),
                    ends=timefmt.day(info.ends_at),
                    renew=renew,
                    holder=info.holder_email or "?",
                    state=_state(info),
                )
            )


@license_group.command(
    "add",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Add a license of TYPE (trial, basic, professional, enterprise)."
    ),
)
@click.argument("license_type", metavar="TYPE")
@click.option(
    "--seats",
    type=int,
    default=1,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Users at once."),
)
@click.option("--starts", help=QT_TRANSLATE_NOOP("Cli", "First day (default: now)."))
@click.option(
    "--ends",
    help=QT_TRANSLATE_NOOP("Cli", "Day it ends at 00:00 Istanbul time (default: the plan's term)."),
)
@click.option(
    "--holder",
    metavar="EMAIL",
    help=QT_TRANSLATE_NOOP("Cli", "Who holds it (default: the first admin)."),
)
@click.option("--auto-renew", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Renew automatically."))
@AS_USER
def license_add(license_type, seats, starts, ends, holder, auto_renew, as_user):
    from cncworkbench.core import licensing
    from cncworkbench.services.access import licenses, users

    starts_at = parse_date(starts, "start") if starts else None
    ends_at = parse_date(ends, "end") if ends else None
    with acting_session(as_user) as (session, actor):
        owner = users.find_by_email(session, holder) if holder else licenses.default_holder(session)
        row = licenses.add_license(
            session, actor, owner.id, license_type.strip().lower(), seats, starts_at, ends_at,
            auto_renew=auto_renew,
        )  # fmt: skip
        click.echo(
            translate(
                "CliBilling",
                "License #{id} added: {plan}, {seats} seats, {starts} – {ends}, held by {email}.",
            ).format(
                id=row.id,
                plan=licensing.plan(row.type).title,
                seats=row.seats,
                starts=timefmt.day(row.starts_at),
                ends=timefmt.day(row.ends_at),
                email=owner.email,
            )
        )


@license_group.command(
    "renew",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Move the end of license ID later (an expired one becomes active again)."
    ),
)
@click.argument("license_id", type=int)
@click.option(
    "--until",
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "The new end (00:00 Istanbul time that day)."),
)
@AS_USER
def license_renew(license_id, until, as_user):
    from cncworkbench.core import licensing
    from cncworkbench.services.access import licenses

    with acting_session(as_user) as (session, actor):
        row = licenses.renew(session, actor, license_id, parse_date(until, "end"))
        click.echo(
            translate("CliBilling", "License #{id} runs until {ends} ({status}).").format(
                id=row.id, ends=timefmt.day(row.ends_at), status=licensing.status_word(row.status)
            )
        )


def _set_status(license_id: int, status: str, as_user) -> None:
    from cncworkbench.core import licensing
    from cncworkbench.services.access import licenses

    with acting_session(as_user) as (session, actor):
        row = licenses.set_status(session, actor, license_id, status)
        click.echo(
            translate("CliBilling", "License #{id} is {status}.").format(
                id=row.id, status=licensing.status_word(row.status)
            )
        )


@license_group.command(
    "suspend",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Suspend license ID (gated features stop, logins are no longer counted)."
    ),
)
@click.argument("license_id", type=int)
@AS_USER
def license_suspend(license_id, as_user):
    _set_status(license_id, "suspended", as_user)


@license_group.command(
    "activate", help=QT_TRANSLATE_NOOP("Cli", "Make a suspended license ID active again.")
)
@click.argument("license_id", type=int)
@AS_USER
def license_activate(license_id, as_user):
    _set_status(license_id, "active", as_user)


@license_group.command(
    "seats",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Who holds the seats of the license in force, with their session ids."
    ),
)
@AS_USER
def license_seats(as_user):
    from cncworkbench.services.access import licenses

    with acting_session(as_user) as (session, actor):
        usage = licenses.seat_usage(session, actor)
    if usage.license is None:
        click.echo(
            translate(
                "CliBilling",
                "No license in force: logins are not counted ({count} users logged in).",
            ).format(count=len(usage.holders))
        )
    else:
        click.echo(
            translate(
                "CliBilling", "{count} of {seats} seats in use (license #{id}, {plan})."
            ).format(
                count=len(usage.holders),
                seats=usage.seats,
                id=usage.license.id,
                plan=usage.license.plan_title,
            )
        )
    one = translate("CliBilling", "  {email:<36} since {since}  session {sessions}")
    several = translate("CliBilling", "  {email:<36} since {since}  sessions {sessions}")
    for holder in usage.holders:
        line = one if len(holder.session_ids) == 1 else several
        click.echo(
            line.format(
                email=holder.email,
                since=timefmt.short(holder.since),
                sessions=", ".join(str(i) for i in holder.session_ids),
            )
        )


@license_group.command(
    "end-session",
    help=QT_TRANSLATE_NOOP(
        "Cli", "End session SESSION_ID (frees its seat if it was the user's last)."
    ),
)
@click.argument("session_id", type=int)
@AS_USER
def license_end_session(session_id, as_user):
    from cncworkbench.services.access import licenses

    with acting_session(as_user) as (session, actor):
        licenses.end_session(session, actor, session_id)
    click.echo(translate("CliBilling", "Session {id} ended.").format(id=session_id))


@license_group.command(
    "expiry",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Expire licenses past their end, send the 30/7/1-day warnings, mark overdue invoices "
        "(idempotent; for cron; needs the owner's or a worker's credentials).",
    ),
)
def license_expiry():
    from cncworkbench.services.commerce import billing

    with acting_session(None) as (session, _actor):
        click.echo(billing.housekeeping(session).line())
