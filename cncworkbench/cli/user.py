"""``cncworkbench user ...``: user accounts (administrators)."""

from __future__ import annotations

import click

from cncworkbench.cli.context import (
    AS_USER,
    PASSWORD_STDIN,
    acting,
    app_context,
    read_password,
)
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate


@click.group(help=QT_TRANSLATE_NOOP("Cli", "User accounts (administrators)."))
def user():
    pass


@user.command("add", help=QT_TRANSLATE_NOOP("Cli", "Create a user."))
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice(["admin", "engineer", "operator", "viewer"]),
    default="engineer",
    show_default=True,
)
@click.option(
    "--phone", help=QT_TRANSLATE_NOOP("Cli", "Turkish mobile number, e.g. 0532 123 45 67.")
)
@click.option("--company", help=QT_TRANSLATE_NOOP("Cli", "Company name."))
@click.option("--tax-no", help=QT_TRANSLATE_NOOP("Cli", "VKN (10 digits) or TCKN (11 digits)."))
@click.option("--locale", type=click.Choice(["tr", "en"]), default="tr", show_default=True)
@PASSWORD_STDIN
@AS_USER
def user_add(email, role, phone, company, tax_no, locale, password_stdin, as_user):
    from cncworkbench.services.access import users

    password = read_password(password_stdin)
    profile = {"email": email, "role": role, "locale": locale, "phone": phone,
               "company_name": company, "tax_no": tax_no}  # fmt: skip
    context = app_context()
    with acting(context, as_user) as (session, actor):
        created = users.create_user(
            session, actor, password, **{k: v for k, v in profile.items() if v is not None}
        )
        click.echo(
            translate("Cli", "user {id} {email} ({role}) created").format(
                id=created.id, email=created.email, role=created.role
            )
        )


@user.command(
    "list", help=QT_TRANSLATE_NOOP("Cli", "List users with their role, status and last login.")
)
@AS_USER
def user_list(as_user):
    from cncworkbench.core import timefmt
    from cncworkbench.services.access import users

    context = app_context()
    with acting(context, as_user) as (session, actor):
        for row in users.list_users(session, actor):
            state = translate("Cli", "active") if row.is_active else translate("Cli", "inactive")
            if row.locked:
                state = translate("Cli", "{state}, LOCKED").format(state=state)
            last = timefmt.short(row.last_login_at) or translate("Cli", "never")
            login = translate("Cli", "last login {when}").format(when=last)
            click.echo(f"{row.id:>5}  {row.email:<36} {row.role:<9} {state:<16} {login}")


def _user_change(as_user, email, change):
    from cncworkbench.services.access import users

    context = app_context()
    with acting(context, as_user) as (session, actor):
        target = users.find_by_email(session, email)
        change(session, actor, target)


@user.command("set-role", help=QT_TRANSLATE_NOOP("Cli", "Change a user's role."))
@click.argument("email")
@click.argument("role", type=click.Choice(["admin", "engineer", "operator", "viewer"]))
@AS_USER
def user_set_role(email, role, as_user):
    from cncworkbench.services.access import users

    _user_change(as_user, email, lambda s, a, t: users.update_user(s, a, t.id, role=role))
    click.echo(translate("Cli", "{email} is now {role}").format(email=email, role=role))


@user.command(
    "deactivate",
    help=QT_TRANSLATE_NOOP("Cli", "Deactivate a user (their sessions stop working at once)."),
)
@click.argument("email")
@AS_USER
def user_deactivate(email, as_user):
    from cncworkbench.services.access import users

    _user_change(as_user, email, lambda s, a, t: users.set_active(s, a, t.id, False))
    click.echo(translate("Cli", "{email} deactivated").format(email=email))


@user.command("activate", help=QT_TRANSLATE_NOOP("Cli", "Activate a deactivated user again."))
@click.argument("email")
@AS_USER
def user_activate(email, as_user):
    from cncworkbench.services.access import users

    _user_change(as_user, email, lambda s, a, t: users.set_active(s, a, t.id, True))
    click.echo(translate("Cli", "{email} activated").format(email=email))


@user.command(
    "unlock", help=QT_TRANSLATE_NOOP("Cli", "Unlock an account locked after failed logins.")
)
@click.argument("email")
@AS_USER
def user_unlock(email, as_user):
    from cncworkbench.services.access import users

    _user_change(as_user, email, lambda s, a, t: users.unlock(s, a, t.id))
    click.echo(translate("Cli", "{email} unlocked").format(email=email))


@user.command(
    "reset-password",
    help=QT_TRANSLATE_NOOP("Cli", "Set a new password for a user; their sessions end everywhere."),
)
@click.argument("email")
@PASSWORD_STDIN
@AS_USER
def user_reset_password(email, password_stdin, as_user):
    from cncworkbench.services.access import users

    password = read_password(password_stdin, QT_TRANSLATE_NOOP("Cli", "New password"))
    _user_change(as_user, email, lambda s, a, t: users.reset_password(s, a, t.id, password))
    click.echo(
        translate("Cli", "password of {email} reset; their sessions were ended").format(email=email)
    )
