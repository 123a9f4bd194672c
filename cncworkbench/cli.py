"""The ``cncworkbench`` command: administration, automation, workers and the plain-Qt GUI."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click

from cncworkbench.config import (
    SecretStore,
    config_file_path,
    database_secret_name,
    load_settings,
    write_config_value,
)
from cncworkbench.errors import UserError


def _context():
    from cncworkbench.services.context import AppContext

    return AppContext(progress=lambda message: click.echo(message, err=True))


class Cli(click.Group):
    """Turns user errors into one line on stderr and exit status 2 (no traceback)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=Cli)
@click.version_option(package_name="cncworkbench")
def main():
    """CNC Workbench: the FreeCAD front end of a CNC shop's production platform."""


# ------------------------------------------------------------------------------- config
@main.group()
def config():
    """Show and change settings (environment variables override the config file)."""


@config.command("show")
def config_show():
    """Print the effective settings, secrets masked, and where each comes from."""
    settings = load_settings()
    click.echo(f"config file: {settings.config_file}")
    for name, value, source in settings.describe():
        click.echo(f"{name:<22} {value}   [{source}]")
    secrets = SecretStore()
    if secrets.available:
        click.echo(f"{'keyring':<22} {secrets.backend_name}")
        if settings.database_url:
            stored = secrets.get(database_secret_name(settings.database_url))
            click.echo(f"{'database password':<22} {'*** (in keyring)' if stored else '(none)'}")
    else:
        click.echo(
            f"{'keyring':<22} unavailable: {secrets.unavailable_reason}; secrets cannot be "
            "remembered on this machine"
        )


@config.command("set")
@click.argument("key")
@click.argument("value")
def config_set(key, value):
    """Set KEY (database_url, s3_bucket, s3_endpoint_url, s3_region, data_dir)."""
    path = write_config_value(key, value)
    click.echo(f"{key} saved in {path}")


@config.command("unset")
@click.argument("key")
def config_unset(key):
    """Remove KEY from the config file."""
    path = write_config_value(key, None)
    click.echo(f"{key} removed from {path}")


@config.command("set-db-password")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def config_set_db_password(password_stdin):
    """Store the password of CNC_DATABASE_URL's user in the OS keyring."""
    settings = load_settings()
    if not settings.database_url:
        raise UserError("CNC_DATABASE_URL is not set: the embedded database needs no password.")
    secret = (
        sys.stdin.readline().rstrip("\n")
        if password_stdin
        else getpass.getpass("Database password: ")
    )
    SecretStore().set(database_secret_name(settings.database_url), secret)
    click.echo("Database password stored in the OS keyring.")


@config.command("check")
def config_check():
    """Connect to the database and the file store and report on each."""
    context = _context()
    failed = False
    for row in context.status():
        mark = "ok " if row.ok else "!! "
        failed |= not row.ok and row.name != "keyring"
        click.echo(f"{mark}{row.name:<11} {row.detail}")
    context.close()
    sys.exit(1 if failed else 0)


@config.command("path")
def config_path():
    """Print the config file's path."""
    click.echo(config_file_path())


# ----------------------------------------------------------------------------- database
@main.group()
def db():
    """Schema migrations and the embedded database."""


@db.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision):
    """Migrate the schema up to REVISION (default: the newest)."""
    from cncworkbench.db import migrate

    context = _context()
    context.db.check()
    before = migrate.current_revision(context.db.engine)
    migrate.upgrade(context.db.engine, revision)
    after = migrate.current_revision(context.db.engine)
    click.echo(f"schema: {before or '(empty)'} -> {after}")


@db.command("downgrade")
@click.argument("revision")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def db_downgrade(revision, yes):
    """Migrate the schema down to REVISION ('base' removes every table)."""
    from cncworkbench.db import migrate

    if revision == "base" and not yes:
        click.confirm("This drops every table and all data in them. Continue?", abort=True)
    context = _context()
    context.db.check()
    before = migrate.current_revision(context.db.engine)
    migrate.downgrade(context.db.engine, revision)
    after = migrate.current_revision(context.db.engine)
    click.echo(f"schema: {before or '(empty)'} -> {after or '(empty)'}")


@db.command("current")
def db_current():
    """Print the schema revision of the database and of this version of the code."""
    from cncworkbench.db import migrate

    context = _context()
    context.db.check()
    current = migrate.current_revision(context.db.engine)
    head = migrate.head_revision()
    state = "up to date" if current == head else "needs `cncworkbench db upgrade`"
    click.echo(f"database: {current or '(empty)'}  code: {head}  ({state})")


@db.command("stop")
def db_stop():
    """Stop the embedded database server."""
    from cncworkbench.db.cluster import EmbeddedCluster

    settings = load_settings()
    if not settings.uses_embedded_database:
        raise UserError("CNC_DATABASE_URL is set: there is no embedded database to stop.")
    stopped = EmbeddedCluster.for_data_dir(settings.data_dir).stop()
    click.echo("embedded database stopped" if stopped else "embedded database was not running")


# -------------------------------------------------------------------------- catalog, users
@main.command()
def seed():
    """Load the machine, tool and material catalog (safe to repeat)."""
    from cncworkbench.services import catalog

    context = _context()
    context.ensure_schema()
    with context.db.session() as session:
        report = catalog.seed(session)
    for line in report.lines():
        click.echo(line)


@main.group()
def user():
    """User accounts."""


@user.command("add")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice(["admin", "engineer", "operator", "viewer"]),
    default="engineer",
    show_default=True,
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def user_add(email, role, password_stdin):
    """Create a user."""
    from cncworkbench.services import auth

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    context = _context()
    context.ensure_schema()
    with context.db.session() as session:
        created = auth.create_user(session, email, password, role)
        click.echo(f"user {created.id} {created.email} ({created.role}) created")


# ------------------------------------------------------------------------------ front ends
@main.command()
def demo():
    """Walk the product's main path headless on the seeded data."""
    from cncworkbench.services.demo import run_demo

    context = _context()
    try:
        run_demo(context, out=click.echo)
    finally:
        context.close()


@main.command()
@click.option("--panel", help="Open this panel first (login, browser, cam, sim, jobs, settings).")
@click.option("--screenshot", type=click.Path(dir_okay=False), help="Save a PNG and quit.")
def gui(panel, screenshot):
    """The workbench's panels in a plain Qt window (for machines without FreeCAD)."""
    from cncworkbench.ui.app import run_standalone

    sys.exit(run_standalone(panel=panel, screenshot=screenshot))


@main.group()
def freecad():
    """Install the workbench into FreeCAD."""


@freecad.command("install")
@click.option(
    "--mod-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path.home() / ".local/share/FreeCAD/Mod",
    show_default=True,
    help="FreeCAD's user add-on folder.",
)
def freecad_install(mod_dir):
    """Link this checkout into FreeCAD's add-on folder as 'CNCWorkbench'."""
    from cncworkbench.addon import install_workbench

    link = install_workbench(mod_dir)
    click.echo(f"workbench linked: {link} -> {link.resolve()}")


if __name__ == "__main__":
    main()
