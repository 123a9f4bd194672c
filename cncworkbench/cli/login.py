"""``cncworkbench login``, ``logout`` and ``whoami``: the command line's own login
(:mod:`cncworkbench.services.access.cli_login`), used by every command that acts as someone."""

from __future__ import annotations

import sys

import click

from cncworkbench.cli.context import PASSWORD_STDIN, app_context
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate


@click.command(
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Log in as EMAIL (or mobile number) for the next commands: the session (12 hours) is "
        "kept in the OS keyring, or in a file only you can read under the data folder when "
        "there is none.",
    )
)
@click.argument("identifier", metavar="EMAIL", required=False)
@PASSWORD_STDIN
def login(identifier, password_stdin):
    from cncworkbench.services.access import cli_login

    if not identifier:
        identifier = click.prompt(translate("Cli", "E-mail or mobile number"))
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt(translate("Cli", "Password"), hide_input=True)
    context = app_context()
    try:
        who, where = cli_login.log_in(context, identifier, password)
        try:
            click.echo(
                translate(
                    "Cli",
                    "Logged in as {email} ({role}) until {until}; the login is kept in {where}.",
                ).format(
                    email=who.email, role=translate("Roles", who.role),
                    until=cli_login.until_text(who.expires_at), where=where,
                )
            )  # fmt: skip
        finally:
            who.close()
        if not context.secrets.available:
            click.echo(
                translate("Cli", "No OS keyring: {reason}.").format(
                    reason=context.secrets.unavailable_reason
                ),
                err=True,
            )
    finally:
        context.close()


@click.command(help=QT_TRANSLATE_NOOP("Cli", "End the session of `cncworkbench login`."))
def logout():
    from cncworkbench.services.access import cli_login

    context = app_context()
    try:
        context.ensure_schema()
        email = cli_login.log_out(context)
    finally:
        context.close()
    if email is None:
        click.echo(translate("Cli", "No one was logged in."))
    else:
        click.echo(translate("Cli", "Logged out {email}.").format(email=email))


@click.command(help=QT_TRANSLATE_NOOP("Cli", "Who the commands act as."))
def whoami():
    from cncworkbench.services.access import cli_login

    context = app_context()
    try:
        saved = cli_login.who_am_i(context)
        owner = saved is None and context.is_privileged()
    finally:
        context.close()
    if saved is not None:
        click.echo(
            translate("Cli", "{email} ({role}), logged in until {until}; kept in {where}").format(
                email=saved.email, role=translate("Roles", saved.role),
                until=cli_login.until_text(saved.expires_at), where=saved.where,
            )
        )  # fmt: skip
        return
    if owner:
        click.echo(
            translate(
                "Cli",
                "No one is logged in: commands act as the database owner (administration "
                "only). {hint}",
            ).format(hint=cli_login.login_hint())
        )
        return
    click.echo(translate("Cli", "No one is logged in. {hint}").format(hint=cli_login.login_hint()))
    sys.exit(1)
