"""``cncworkbench config ...``: where settings come from, and changing them."""

from __future__ import annotations

import getpass
import sys

import click

from cncworkbench.cli.context import (
    PASSWORD_STDIN,
    app_context,
)
from cncworkbench.config import (
    SecretStore,
    config_file_path,
    database_secret_name,
    load_settings,
    write_config_value,
)
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

# Where a setting comes from (config.Settings.sources), as `config show` writes it.
SETTING_SOURCES = {
    "environment": QT_TRANSLATE_NOOP("Cli", "environment"),
    "config file": QT_TRANSLATE_NOOP("Cli", "config file"),
    "default": QT_TRANSLATE_NOOP("Cli", "default"),
}

# The parts `config check` reports on (services.context.AppContext.status).
COMPONENTS = {
    "database": QT_TRANSLATE_NOOP("Cli", "database"),
    "file store": QT_TRANSLATE_NOOP("Cli", "file store"),
    "keyring": QT_TRANSLATE_NOOP("Cli", "keyring"),
}


@click.group(
    help=QT_TRANSLATE_NOOP(
        "Cli", "Show and change settings (environment variables override the config file)."
    )
)
def config():
    pass


@config.command(
    "show",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Print the effective settings, secrets masked, and where each comes from."
    ),
)
def config_show():
    settings = load_settings()
    click.echo(translate("Cli", "config file: {path}").format(path=settings.config_file))
    for name, value, source in settings.describe():
        source = translate("Cli", SETTING_SOURCES.get(source, source))
        click.echo(f"{name:<22} {value}   [{source}]")
    secrets = SecretStore()
    keyring = translate("Cli", "keyring")
    if secrets.available:
        click.echo(f"{keyring:<22} {secrets.backend_name}")
        if settings.database_url:
            stored = secrets.get(database_secret_name(settings.database_url))
            label = translate("Cli", "database password")
            shown = translate("Cli", "*** (in keyring)") if stored else translate("Cli", "(none)")
            click.echo(f"{label:<22} {shown}")
    else:
        reason = translate(
            "Cli", "unavailable: {reason}; secrets cannot be remembered on this computer"
        ).format(reason=secrets.unavailable_reason)
        click.echo(f"{keyring:<22} {reason}")


@config.command(
    "set",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Set KEY (database_url, s3_bucket, s3_endpoint_url, s3_region, data_dir)."
    ),
)
@click.argument("key")
@click.argument("value")
def config_set(key, value):
    path = write_config_value(key, value)
    click.echo(translate("Cli", "{key} saved in {path}").format(key=key, path=path))


@config.command("unset", help=QT_TRANSLATE_NOOP("Cli", "Remove KEY from the config file."))
@click.argument("key")
def config_unset(key):
    path = write_config_value(key, None)
    click.echo(translate("Cli", "{key} removed from {path}").format(key=key, path=path))


@config.command(
    "set-db-password",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Store the password of CNC_DATABASE_URL's user in the OS keyring."
    ),
)
@PASSWORD_STDIN
def config_set_db_password(password_stdin):
    settings = load_settings()
    if not settings.database_url:
        raise UserError(
            translate(
                "Cli", "CNC_DATABASE_URL is not set: the embedded database needs no password."
            )
        )
    secret = (
        sys.stdin.readline().rstrip("\n")
        if password_stdin
        else getpass.getpass(translate("Cli", "Database password: "))
    )
    SecretStore().set(database_secret_name(settings.database_url), secret)
    click.echo(translate("Cli", "Database password stored in the OS keyring."))


@config.command(
    "check",
    help=QT_TRANSLATE_NOOP("Cli", "Connect to the database and the file store and report on each."),
)
def config_check():
    context = app_context()
    failed = False
    for row in context.status():
        mark = "ok " if row.ok else "!! "
        failed |= not row.ok and row.name != "keyring"
        name = translate("Cli", COMPONENTS.get(row.name, row.name))
        click.echo(f"{mark}{name:<11} {row.detail}")
    context.close()
    sys.exit(1 if failed else 0)


@config.command("path", help=QT_TRANSLATE_NOOP("Cli", "Print the config file's path."))
def config_path():
    click.echo(config_file_path())
