"""The ``cncworkbench`` command: administration, automation, workers and the plain-Qt GUI."""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
from pathlib import Path

import click

from cncworkbench.cli_base import UserErrorGroup, severity_label
from cncworkbench.config import (
    SecretStore,
    config_file_path,
    database_secret_name,
    load_settings,
    write_config_value,
)
from cncworkbench.core import i18n, localefmt
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
# Units after a number the user gave to `feeds`.
UNITS = {
    "m/min": QT_TRANSLATE_NOOP("Cli", "m/min"),
    "rpm": QT_TRANSLATE_NOOP("Cli", "rpm"),
}


def _context():
    from cncworkbench.services.context import AppContext

    return AppContext(progress=lambda message: click.echo(message, err=True))


@click.group(
    cls=UserErrorGroup,
    help=QT_TRANSLATE_NOOP(
        "Cli", "CNC Workbench: the FreeCAD front end of a CNC shop's production platform."
    ),
)
@click.version_option(package_name="cncworkbench")
@click.option(
    "--language",
    type=click.Choice(localefmt.LANGUAGES),
    expose_value=False,
    help=QT_TRANSLATE_NOOP(
        "Cli", "Language of the messages (default: CNC_LOCALE, else LANG, else Turkish)."
    ),
)
def main():
    pass  # the language is chosen in UserErrorGroup.main, before the command runs


# ------------------------------------------------------------------------------- config
@main.group(
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


PASSWORD_STDIN_HELP = QT_TRANSLATE_NOOP("Cli", "Read the password from standard input.")


@config.command(
    "set-db-password",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Store the password of CNC_DATABASE_URL's user in the OS keyring."
    ),
)
@click.option("--password-stdin", is_flag=True, help=PASSWORD_STDIN_HELP)
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
    context = _context()
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


# ----------------------------------------------------------------------------- database
@main.group(help=QT_TRANSLATE_NOOP("Cli", "Schema migrations and the embedded database."))
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

    context = _context()
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
    context = _context()
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

    context = _context()
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


# -------------------------------------------------------------------------- catalog, users
@main.command(
    help=QT_TRANSLATE_NOOP("Cli", "Load the machine, tool and material catalog (safe to repeat).")
)
def seed():
    from cncworkbench.services import catalog

    context = _context()
    context.ensure_schema()
    with context.db.session() as session:
        report = catalog.seed(session)
    for line in report.lines():
        click.echo(line)


@contextlib.contextmanager
def acting_db(context, user_email: str | None):
    """The database and the actor for a CLI command.

    With the database owner's credentials the CLI may act for any user (``--user``) or, by
    default, as the owner itself; the audit trail says so. Other credentials (cnc_app)
    must log in as ``--user``, with its password.
    """
    from cncworkbench.services import identity, users
    from cncworkbench.services.audit import Actor

    context.ensure_schema()
    if context.is_privileged():
        actor = Actor.system()
        if user_email:
            with context.db.session() as session:
                found = users.find_by_email(session, user_email)
                actor = Actor(found.id, found.email, found.role, via="owner")
        yield context.db, actor
        return
    if not user_email:
        raise UserError(
            translate(
                "Cli",
                "These database credentials are not the owner's: give --user EMAIL to log in "
                "as that user.",
            )
        )
    password = getpass.getpass(translate("Cli", "Password for {email}: ").format(email=user_email))
    signed_in = identity.sign_in(context, user_email, password, where="cli")
    try:
        yield signed_in.db, signed_in.actor
    finally:
        identity.sign_out(context, signed_in)


@contextlib.contextmanager
def acting(context, user_email: str | None):
    """A database session (one transaction) and the actor for a CLI command."""
    with acting_db(context, user_email) as (database, actor), database.session() as session:
        yield session, actor


PASSWORD_PROMPT = QT_TRANSLATE_NOOP("Cli", "Password")


def _read_password(password_stdin: bool, prompt: str = PASSWORD_PROMPT) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt(translate("Cli", prompt), hide_input=True, confirmation_prompt=True)


AS_USER = click.option(
    "--user",
    "as_user",
    metavar="EMAIL",
    help=QT_TRANSLATE_NOOP("Cli", "Act as (or for) this user."),
)
PASSWORD_STDIN = click.option("--password-stdin", is_flag=True, help=PASSWORD_STDIN_HELP)


@main.group(help=QT_TRANSLATE_NOOP("Cli", "User accounts (administrators)."))
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
    from cncworkbench.services import users

    password = _read_password(password_stdin)
    profile = {"email": email, "role": role, "locale": locale, "phone": phone,
               "company_name": company, "tax_no": tax_no}  # fmt: skip
    context = _context()
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
    from cncworkbench.services import users

    context = _context()
    with acting(context, as_user) as (session, actor):
        for row in users.list_users(session, actor):
            state = translate("Cli", "active") if row.is_active else translate("Cli", "inactive")
            if row.locked:
                state = translate("Cli", "{state}, LOCKED").format(state=state)
            last = timefmt.short(row.last_login_at) or translate("Cli", "never")
            login = translate("Cli", "last login {when}").format(when=last)
            click.echo(f"{row.id:>5}  {row.email:<36} {row.role:<9} {state:<16} {login}")


def _user_change(as_user, email, change):
    from cncworkbench.services import users

    context = _context()
    with acting(context, as_user) as (session, actor):
        target = users.find_by_email(session, email)
        change(session, actor, target)


@user.command("set-role", help=QT_TRANSLATE_NOOP("Cli", "Change a user's role."))
@click.argument("email")
@click.argument("role", type=click.Choice(["admin", "engineer", "operator", "viewer"]))
@AS_USER
def user_set_role(email, role, as_user):
    from cncworkbench.services import users

    _user_change(as_user, email, lambda s, a, t: users.update_user(s, a, t.id, role=role))
    click.echo(translate("Cli", "{email} is now {role}").format(email=email, role=role))


@user.command(
    "deactivate",
    help=QT_TRANSLATE_NOOP("Cli", "Deactivate a user (their sessions stop working at once)."),
)
@click.argument("email")
@AS_USER
def user_deactivate(email, as_user):
    from cncworkbench.services import users

    _user_change(as_user, email, lambda s, a, t: users.set_active(s, a, t.id, False))
    click.echo(translate("Cli", "{email} deactivated").format(email=email))


@user.command("activate", help=QT_TRANSLATE_NOOP("Cli", "Activate a deactivated user again."))
@click.argument("email")
@AS_USER
def user_activate(email, as_user):
    from cncworkbench.services import users

    _user_change(as_user, email, lambda s, a, t: users.set_active(s, a, t.id, True))
    click.echo(translate("Cli", "{email} activated").format(email=email))


@user.command(
    "unlock", help=QT_TRANSLATE_NOOP("Cli", "Unlock an account locked after failed logins.")
)
@click.argument("email")
@AS_USER
def user_unlock(email, as_user):
    from cncworkbench.services import users

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
    from cncworkbench.services import users

    password = _read_password(password_stdin, QT_TRANSLATE_NOOP("Cli", "New password"))
    _user_change(as_user, email, lambda s, a, t: users.reset_password(s, a, t.id, password))
    click.echo(
        translate("Cli", "password of {email} reset; their sessions were ended").format(email=email)
    )


@main.group(help=QT_TRANSLATE_NOOP("Cli", "The tamper-evident audit trail."))
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
    import time

    from cncworkbench.services import audit as audit_service

    context = _context()
    context.ensure_schema()
    started = time.perf_counter()
    if context.is_privileged():
        result = audit_service.verify(context.db)
    elif not as_user:
        raise UserError(
            translate(
                "Cli",
                "These database credentials are not the owner's: give --user EMAIL (an admin).",
            )
        )
    else:
        from cncworkbench.services import identity

        password = getpass.getpass(translate("Cli", "Password for {email}: ").format(email=as_user))
        signed_in = identity.sign_in(context, as_user, password, where="cli")
        try:
            result = audit_service.verify(signed_in.db, signed_in.actor)
        finally:
            identity.sign_out(context, signed_in)
    elapsed = time.perf_counter() - started
    if result.ok:
        click.echo(
            translate("Cli", "audit trail intact: {count} entries verified in {seconds} s").format(
                count=result.checked, seconds=localefmt.number(elapsed, 1, grouping=False)
            )
        )
        return
    click.echo(
        translate(
            "Cli",
            "audit trail BROKEN at entry {id}: {reason} ({count} entries before it verified)",
        ).format(id=result.first_bad_id, reason=result.reason, count=result.checked),
        err=True,
    )
    sys.exit(1)


@main.command(
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Spindle speed, feed, chip load, removal rate and power for one cut.\n\n"
        "Either from the catalog (--material, --tool, --machine) or from raw numbers\n"
        "(--vc --fz --kc --diameter --flutes [--max-rpm]); raw numbers override catalog ones.",
    )
)
@click.option(
    "--material", help=QT_TRANSLATE_NOOP("Cli", "Catalog material (name or a unique part of it).")
)
@click.option(
    "--tool", help=QT_TRANSLATE_NOOP("Cli", "Catalog tool (name or a unique part of it).")
)
@click.option(
    "--machine", help=QT_TRANSLATE_NOOP("Cli", "Catalog machine: clamps RPM/feed, checks power.")
)
@click.option(
    "--vc",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Cutting speed, m/min (instead of --material)."),
)
@click.option(
    "--fz", type=float, help=QT_TRANSLATE_NOOP("Cli", "Feed per tooth, mm (instead of --material).")
)
@click.option(
    "--kc",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Specific cutting force, N/mm² (instead of --material)."),
)
@click.option(
    "--diameter",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Tool diameter, mm (instead of --tool)."),
)
@click.option(
    "--flutes", type=int, help=QT_TRANSLATE_NOOP("Cli", "Number of flutes (instead of --tool).")
)
@click.option(
    "--tool-type",
    type=click.Choice(["flat_endmill", "ball_endmill", "bull_endmill", "drill", "face_mill"]),
    help=QT_TRANSLATE_NOOP("Cli", "Tool type (instead of --tool; default flat_endmill)."),
)
@click.option("--corner-radius", type=float, help=QT_TRANSLATE_NOOP("Cli", "Corner radius, mm."))
@click.option(
    "--flute-length",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Flute length, mm (checks ap against it)."),
)
@click.option(
    "--max-rpm",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Spindle maximum, rpm (instead of --machine)."),
)
@click.option(
    "--power", "power_kw", type=float, help=QT_TRANSLATE_NOOP("Cli", "Spindle power, kW.")
)
@click.option(
    "--ae",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Radial depth (stepover), mm. Default: full slot."),
)
@click.option("--ap", type=float, help=QT_TRANSLATE_NOOP("Cli", "Axial depth (stepdown), mm."))
@click.option(
    "--json", "as_json", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Print JSON for scripts.")
)
def feeds(**options):
    import json

    from cncworkbench.core import feeds as formulas

    try:
        inputs = _feeds_inputs(options)
        result = formulas.compute(inputs)
    except formulas.FeedsError as exc:
        raise UserError(str(exc)) from exc
    if options["as_json"]:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return

    def n(value, decimals):
        return localefmt.number(value, decimals, grouping=False)

    rpm, mm_min = translate("Cli", "{value} rpm"), translate("Cli", "{value} mm/min")
    m_min, cm3_min = translate("Cli", "{value} m/min"), translate("Cli", "{value} cm³/min")
    rows = [
        (translate("Cli", "Spindle speed"), rpm.format(value=n(result.rpm, 0)), "rpm"),
        (translate("Cli", "Feed"), mm_min.format(value=n(result.feed_mm_min, 0)), "feed"),
        (translate("Cli", "Plunge feed"), mm_min.format(value=n(result.plunge_feed_mm_min, 0)),
         "plunge_feed"),
        (translate("Cli", "Programmed fz"), f"{n(result.fz_programmed_mm, 4)} mm", "fz_programmed"),
        (translate("Cli", "Cutting speed"), m_min.format(value=n(result.vc_actual_m_min, 0)),
         "vc_actual"),
        (translate("Cli", "Removal rate"), cm3_min.format(value=n(result.mrr_cm3_min, 2)), "mrr"),
        (translate("Cli", "Power"), f"{n(result.power_kw, 2)} kW", "power"),
        (translate("Cli", "Torque"), f"{n(result.torque_nm, 2)} N·m", "torque"),
        (translate("Cli", "Specific force"), f"{n(result.kc_n_mm2, 0)} N/mm²", "kc"),
    ]  # fmt: skip
    width = max(15, *(len(label) for label, _value, _key in rows))
    for label, value, key in rows:
        click.echo(f"{label:<{width}} {value:>16}   {result.sources.get(key, '')}")
    for warning in result.warnings:
        click.echo(f"{severity_label(warning.severity)}: {warning.message}", err=True)
    if result.errors:
        sys.exit(1)


def _feeds_inputs(options: dict):
    """CutInputs from catalog rows and/or raw numbers; raw numbers win."""
    import dataclasses

    from cncworkbench.core import feeds as formulas

    material = tool = machine = None
    if options["material"] or options["tool"] or options["machine"]:
        from cncworkbench.db.models import Machine, Material, Tool
        from cncworkbench.services import catalog

        with acting(_context(), None) as (session, _actor):
            for key, model in (("material", Material), ("tool", Tool), ("machine", Machine)):
                if options[key]:
                    found = catalog.as_mapping(catalog.find(session, model, options[key]))
                    material, tool, machine = (
                        found if key == "material" else material,
                        found if key == "tool" else tool,
                        found if key == "machine" else machine,
                    )
    given_tool = {
        "type": options["tool_type"],
        "diameter_mm": options["diameter"],
        "flute_count": options["flutes"],
        "corner_radius_mm": options["corner_radius"],
        "flute_length_mm": options["flute_length"],
    }
    tool = {"name": "tool", "type": "flat_endmill", **(tool or {})}
    tool.update({key: value for key, value in given_tool.items() if value is not None})
    if material is None:
        missing = [f"--{name}" for name in ("vc", "fz", "kc") if options[name] is None]
        if missing:
            raise UserError(
                translate("Cli", "Give --material, or the cutting data: missing {options}").format(
                    options=", ".join(missing)
                )
            )
        material = {
            "name": "given",
            "cutting_speed_m_min": options["vc"],
            "feed_rate_mm_tooth": options["fz"],
            "properties": {"kc1_n_mm2": options["kc"]},
        }
    for key, flag in (("diameter_mm", "--diameter"), ("flute_count", "--flutes")):
        if not tool.get(key):
            raise UserError(translate("Cli", "Give --tool, or {option}.").format(option=flag))
    inputs = formulas.inputs_from_catalog(material, tool, machine, options["ae"], options["ap"])
    overrides: dict = {}
    sources = dict(inputs.sources)
    for field, option, unit in (
        ("vc_m_min", "vc", "m/min"),
        ("fz_mm", "fz", "mm"),
        ("kc_n_mm2", "kc", "N/mm²"),
        ("max_rpm", "max_rpm", "rpm"),
        ("spindle_power_kw", "power_kw", "kW"),
    ):
        if options[option] is not None:
            overrides[field] = options[option]
            sources[option] = translate("Cli", "given: {value} {unit}").format(
                value=i18n.number(options[option], 6), unit=translate("Cli", UNITS.get(unit, unit))
            )
    if options["kc"] is not None:
        overrides["kienzle_mc"] = None
        sources.pop("kc1", None)
    return dataclasses.replace(inputs, sources=sources, **overrides)


@main.group(
    help=QT_TRANSLATE_NOOP(
        "Cli", "CAM: toolpaths and G-code from FreeCAD CAM with the machine's post-processor."
    )
)
def cam():
    pass


@cam.command(
    "run",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Batch CAM: MODEL_FILE (STEP or FCStd) to G-code for a machine.\n\n"
        "The stock is the part's bounding box plus margins; operations find their geometry by\n"
        "themselves (facing: the top; profile: the outer contour; pocket/adaptive: pockets open\n"
        "from the top; drilling: vertical holes); feeds and speeds come from the catalog.",
    ),
)
@click.argument("model_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--machine",
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Catalog machine (name or unique part)."),
)
@click.option(
    "--tool",
    "tools",
    multiple=True,
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Catalog tool; repeatable."),
)
@click.option(
    "--material",
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Catalog material (name or unique part)."),
)
@click.option(
    "--op",
    "ops",
    multiple=True,
    required=True,
    type=click.Choice(["facing", "profile", "pocket", "drilling", "adaptive"]),
    help=QT_TRANSLATE_NOOP("Cli", "Operation, in machining order; repeatable."),
)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--margin",
    default=2.0,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Stock margin around the part, mm."),
)
@click.option(
    "--top-margin",
    default=1.0,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Stock above the part, mm."),
)
@click.option("--work-offset", default="G54", show_default=True)
@click.option(
    "--no-sheet", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Do not write the setup sheet PDF.")
)
@click.option(
    "--user", "as_user", help=QT_TRANSLATE_NOOP("Cli", "Act (and be audited) as this user.")
)
def cam_run(model_file, machine, tools, material, ops, output, margin, top_margin, work_offset,
            no_sheet, as_user):  # fmt: skip
    import time

    from cncworkbench.core import model_files
    from cncworkbench.core.cam_plan import stock_around
    from cncworkbench.db.models import Machine, Material, Tool
    from cncworkbench.services import audit, catalog
    from cncworkbench.services import cam as cam_service

    checked = model_files.check(model_file)
    click.echo(
        translate("Cli", "Reading {file} with FreeCAD ...").format(file=model_file.name), err=True
    )
    features = cam_service.features_of_file(model_file, checked.format)
    box = features["bbox"]
    stock = stock_around(box["min"], box["max"], margin, top_margin)
    context = _context()
    with acting(context, as_user) as (session, actor):
        machine_row = catalog.find(session, Machine, machine)
        material_row = catalog.find(session, Material, material)
        tool_rows = [catalog.find(session, Tool, name) for name in tools]
        chosen = cam_service.choose_tools(list(ops), tool_rows, features)
        requests = [
            cam_service.OperationRequest(kind, tool_id)
            for kind, tool_id in zip(ops, chosen, strict=True)
        ]
        cam_service.require_cam_license(session, list(ops), machine_row.id)
        plan, problems, _cuts = cam_service.build_plan(
            machine_row, material_row, {t.id: t for t in tool_rows}, requests, stock,
            work_offset, features=features,
        )  # fmt: skip
        inventory = cam_service.inventory_warnings(session, [t.id for t in tool_rows])
    for problem in problems:
        click.echo(f"{severity_label(problem.severity)}: {problem.message}", err=True)
    if any(problem.severity == "error" for problem in problems):
        raise UserError(translate("Cli", "Nothing was machined: fix the errors above."))
    for op in plan.operations:
        tool = plan.tool(op.tool_number)
        click.echo(
            f"  {op.label():<18} T{tool.number} {tool.name[:40]:<40} "
            f"S{tool.rpm:.0f} F{tool.feed_mm_min:.0f}",
            err=True,
        )
    started = time.monotonic()
    with click.progressbar(length=100, label="CAM", file=sys.stderr) as bar:
        last = [0]

        def progress(percent, _message):
            bar.update(max(0, int(percent) - last[0]))
            last[0] = max(last[0], int(percent))

        result = cam_service.run_plan_on_file(
            model_file, checked.format, plan, progress, program_name=model_file.stem
        )
        bar.update(100 - last[0])
    output.write_text(result.gcode, encoding="utf-8")
    minutes, seconds = divmod(round(result.run_time.total_s), 60)
    click.echo(
        translate("Cli", "G-code:         {file} ({lines} lines, {post})").format(
            file=output, lines=result.lines, post=plan.post_processor
        )
    )
    if not no_sheet:
        sheet_path = output.with_suffix(".pdf")
        part = {"name": model_file.stem, "file_name": model_file.name,
                "size": [b - a for a, b in zip(box["min"], box["max"], strict=True)]}  # fmt: skip
        sheet = cam_service.sheet_data(
            plan, result, part, output.name, as_user, inventory,
            extra_warnings=[p.message for p in problems],
        )  # fmt: skip
        cam_service.render_setup_sheet(sheet, sheet_path)
        click.echo(translate("Cli", "Setup sheet:    {file}").format(file=sheet_path))
    click.echo(
        translate(
            "Cli",
            "Estimated time: {minutes} min {seconds} s (cutting {cutting} s, rapids {rapids} s, "
            "tool changes {changes} s)",
        ).format(
            minutes=minutes,
            seconds=f"{seconds:02d}",
            cutting=f"{result.run_time.cutting_s:.0f}",
            rapids=f"{result.run_time.rapid_s:.0f}",
            changes=f"{result.run_time.tool_change_s:.0f}",
        )
    )
    click.echo(
        translate("Cli", "Material removed: {volume} cm³").format(
            volume=localefmt.number(result.removed_volume_mm3 / 1000, 1, grouping=False)
        )
    )
    if result.rs274 is not None:
        click.echo(
            translate("Cli", "LinuxCNC rs274: accepted ({calls} canonical calls)").format(
                calls=result.rs274.calls
            )
        )
    for note in result.fixes + result.warnings:
        click.echo(translate("Cli", "note: {note}").format(note=note), err=True)
    elapsed = localefmt.number(time.monotonic() - started, 1, grouping=False)
    click.echo(translate("Cli", "({seconds} s)").format(seconds=elapsed), err=True)
    with context.db.session() as session:
        audit.record(
            session, actor, "cam.run_file", "machine", plan.machine.get("id"),
            {"file": model_file.name, "gcode_sha256": result.gcode_sha256,
             "operations": list(ops), "estimated_time_seconds": round(result.run_time.total_s)},
        )  # fmt: skip


@main.group(help=QT_TRANSLATE_NOOP("Cli", "Models and their versions."))
def model():
    pass


def _progress_bar(label: str):
    """A click progress bar usable as a store progress callback (done, total)."""
    state = {"bar": None}

    def update(done: int, total: int) -> None:
        if state["bar"] is None:
            state["bar"] = click.progressbar(length=max(total, 1), label=label, file=sys.stderr)
            state["bar"].__enter__()
            state["last"] = 0
        state["bar"].update(done - state["last"])
        state["last"] = done

    def close() -> None:
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)

    return update, close


@model.command(
    "upload",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Upload a model file (FCStd, STEP, STL) as a new model or a new version."
    ),
)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--project", required=True, help=QT_TRANSLATE_NOOP("Cli", "Project name (created if needed).")
)
@click.option("--name", help=QT_TRANSLATE_NOOP("Cli", "Model name (default: the file name). An "
              "existing model of this name in the project gets a new version."))  # fmt: skip
@click.option("--type", "model_type", type=click.Choice(["part", "assembly", "drawing"]),
              default="part", show_default=True)  # fmt: skip
@click.option(
    "--json", "as_json", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Print the result as JSON.")
)
@AS_USER
def model_upload(path, project, name, model_type, as_json, as_user):
    import json

    from cncworkbench.services import models

    context = _context()
    with acting_db(context, as_user) as (database, actor):
        update, close = _progress_bar(translate("Cli", "uploading {file}").format(file=path.name))
        try:
            result = models.upload_model(
                database, context.store, actor, path, project, name=name,
                model_type=model_type, progress=None if as_json else update,
            )  # fmt: skip
        finally:
            close()
    if as_json:
        click.echo(json.dumps({
            "model_id": result.model_id, "version": result.version, "key": result.key,
            "sha256": result.sha256, "size": result.size, "created": result.created,
            "message": result.message,
        }))  # fmt: skip
    else:
        click.echo(result.message)
        click.echo(
            translate("Cli", "model {id}  version {version}  key {key}").format(
                id=result.model_id, version=result.version, key=result.key
            )
        )
        click.echo(f"sha256 {result.sha256}")


def _download_target(output: str, row, suffix: str) -> Path:
    """``-o``: a file, or a folder (existing, or written with a trailing /) to put the
    version in under its own safe name (``dl/`` wrote a file named ``dl``)."""
    from cncworkbench.services.local_copies import version_file_name

    target = Path(output)
    if output.endswith(("/", os.sep)) or target.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return target / version_file_name(row.name, row.version, suffix)
    return target


@model.command(
    "download",
    help=QT_TRANSLATE_NOOP("Cli", "Download a model version, verified against its SHA-256."),
)
@click.argument("model_id", type=int)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=str),
    help=QT_TRANSLATE_NOOP(
        "Cli", "File to write, or a folder (existing, or ending in /) to write into."
    ),
)
@click.option(
    "--format",
    "kind",
    type=click.Choice(["original", "step", "stl"]),
    default="original",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "The uploaded file, or the STEP / STL a worker derived from it."),
)
@AS_USER
def model_download(model_id, output, kind, as_user):
    from cncworkbench.services import cad, models

    context = _context()
    with acting(context, as_user) as (session, actor):
        row = models.get_model(session, actor, model_id)
        derived = None if kind == "original" else cad.derived_file(session, actor, model_id, kind)
    output = _download_target(output, row, "." + kind if derived else Path(row.s3_key).suffix)
    update, close = _progress_bar(
        translate("Cli", "downloading {name} v{version}").format(name=row.name, version=row.version)
    )
    try:
        if derived is None:
            models.download_model(context.store, row, output, update)
        else:
            cad.download_derived(context.store, derived, output, update)
    finally:
        close()
    size, sha256 = (
        (row.file_size, row.sha256) if derived is None else (derived.file_size, derived.sha256)
    )
    click.echo(
        translate("Cli", "{file} ({size} bytes, sha256 {sha256}… verified)").format(
            file=output, size=localefmt.integer(size), sha256=sha256[:12]
        )
    )


@model.command(
    "list", help=QT_TRANSLATE_NOOP("Cli", "List models (their newest versions), newest first.")
)
@click.option("--project", help=QT_TRANSLATE_NOOP("Cli", "Only this project."))
@click.option(
    "--search",
    help=QT_TRANSLATE_NOOP("Cli", "Name words, or key:value metadata terms, comma separated."),
)
@click.option("--limit", type=int, default=50, show_default=True)
@AS_USER
def model_list(project, search, limit, as_user):
    from cncworkbench.core import timefmt
    from cncworkbench.services import models, projects

    context = _context()
    with acting(context, as_user) as (session, actor):
        project_id = None
        if project:
            found = projects.find_project(session, project)
            if found is None:
                raise UserError(
                    translate("Cli", "There is no project named '{name}'.").format(name=project)
                )
            project_id = found.id
        page = models.list_models(session, actor, project_id=project_id, search=search, limit=limit)
    for row in page.rows:
        click.echo(
            f"{row.id:>6}  v{row.version:<3} {row.file_format:<6} "
            f"{localefmt.integer(row.file_size):>12}  "
            f"{timefmt.short(row.created_at)}  {row.name}"
        )
    if page.next_cursor:
        click.echo(
            translate("Cli", "(more than {limit}; use --limit or --search)").format(limit=limit)
        )


@main.group(help=QT_TRANSLATE_NOOP("Cli", "The object store."))
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

    from cncworkbench.services import files

    context = _context()
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


@main.command(
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Run jobs (CAM, simulation, CAD, post-processing) until stopped (SIGTERM, Ctrl-C).\n\n"
        "Connects as the worker role: cnc_worker in the embedded database, or\n"
        "CNC_WORKER_DATABASE_URL / CNC_DATABASE_URL with the worker's credentials.",
    )
)
@click.option(
    "--types",
    help=QT_TRANSLATE_NOOP("Cli", "Job types to run, comma separated (default: all it can)."),
)
@click.option(
    "--concurrency",
    type=int,
    default=1,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Jobs at once."),
)
@click.option(
    "--poll",
    type=float,
    default=2.0,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Seconds between polls when no notification arrives."),
)
@click.option(
    "--no-listen",
    is_flag=True,
    help=QT_TRANSLATE_NOOP("Cli", "Only poll (behind poolers that do not forward LISTEN/NOTIFY)."),
)
@click.option("-v", "--verbose", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Log each job."))
def worker(types, concurrency, poll, no_listen, verbose):
    import logging

    from cncworkbench.services.worker import Worker, load_handlers

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    context = _context()
    context.ensure_schema()
    context.store.check()
    load_handlers()
    wanted = [t.strip() for t in types.split(",")] if types else None
    runner = Worker(
        context.worker_db(), context.store, wanted, concurrency, poll_interval=poll,
        listen=not no_listen,
    )  # fmt: skip
    click.echo(
        translate("Cli", "worker {id}: {types} ({count} at once)").format(
            id=runner.id, types=", ".join(runner.types), count=concurrency
        ),
        err=True,
    )
    runner.run_forever()


@main.group(help=QT_TRANSLATE_NOOP("Cli", "Jobs in the queue."))
def job():
    pass


def _job_line(summary) -> str:
    from cncworkbench.core import timefmt

    duration = summary.duration
    took = (
        f"{localefmt.number(duration.total_seconds(), 1, grouping=False)} s"
        if duration is not None
        else ""
    )
    error = (
        f"  {summary.error_message}"
        if summary.error_message and summary.status != "completed"
        else ""
    )
    state = translate("JobStates", summary.state_text)
    return (
        f"{summary.id:>6}  {summary.type:<13} {state:<16} {summary.progress:>3} %  "
        f"{timefmt.short(summary.created_at)}  {took:>8}{error}"
    )


@job.command("submit", help=QT_TRANSLATE_NOOP("Cli", "Queue a job."))
@click.argument(
    "job_type", type=click.Choice(["cad_generate", "cam_process", "sim_run", "gcode_post"])
)
@click.option(
    "--params",
    default="{}",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Input parameters as JSON."),
)
@click.option("--priority", type=int, default=0, show_default=True)
@click.option(
    "--key",
    "idempotency_key",
    help=QT_TRANSLATE_NOOP("Cli", "Idempotency key: the same key returns the same job."),
)
@click.option(
    "--timeout",
    type=int,
    default=3600,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Seconds."),
)
@click.option("--max-retries", type=int, default=3, show_default=True)
@AS_USER
def job_submit(job_type, params, priority, idempotency_key, timeout, max_retries, as_user):
    import json

    from cncworkbench.services import jobs

    try:
        values = json.loads(params)
    except json.JSONDecodeError as exc:
        raise UserError(
            translate("Cli", "--params is not valid JSON: {error}").format(error=exc)
        ) from None
    if not isinstance(values, dict):
        raise UserError(translate("Cli", "--params must be a JSON object."))
    context = _context()
    with acting(context, as_user) as (session, actor):
        job_id = jobs.submit_job(session, actor, job_type, values, priority, idempotency_key,
                                 timeout, max_retries)  # fmt: skip
    click.echo(translate("Cli", "job {id} queued").format(id=job_id))


@job.command("list", help=QT_TRANSLATE_NOOP("Cli", "List jobs, newest first."))
@click.option(
    "--status",
    type=click.Choice(["pending", "queued", "running", "completed", "failed", "cancelled"]),
)
@click.option(
    "--mine",
    is_flag=True,
    help=QT_TRANSLATE_NOOP("Cli", "Only the jobs of --user (or of the owner)."),
)
@click.option("--limit", type=int, default=50, show_default=True)
@AS_USER
def job_list(status, mine, limit, as_user):
    from cncworkbench.services import jobs

    context = _context()
    with acting(context, as_user) as (session, actor):
        rows = jobs.list_jobs(session, actor, mine=mine, status=status, limit=limit)
    for row in rows:
        click.echo(_job_line(row))
    if not rows:
        click.echo(translate("Cli", "no jobs"))


@job.command(
    "show", help=QT_TRANSLATE_NOOP("Cli", "A job's state, input, output, timings and artefacts.")
)
@click.argument("job_id", type=int)
@AS_USER
def job_show(job_id, as_user):
    import json

    from cncworkbench.services import jobs

    context = _context()
    with acting(context, as_user) as (session, actor):
        detail = jobs.get_job(session, actor, job_id)
    click.echo(_job_line(detail.summary))
    click.echo(
        translate("Cli", "input:   {json}").format(
            json=json.dumps(detail.input_params, ensure_ascii=False)
        )
    )
    if detail.output_data:
        click.echo(
            translate("Cli", "output:  {json}").format(
                json=json.dumps(detail.output_data, ensure_ascii=False)
            )
        )
    if detail.error_code:
        click.echo(
            translate("Cli", "error:   {code}: {message}").format(
                code=detail.error_code, message=detail.summary.error_message
            )
        )
    click.echo(
        translate("Cli", "metrics: {json}").format(
            json=json.dumps(detail.metrics, ensure_ascii=False)
        )
    )
    for artefact in detail.artefacts:
        click.echo(
            translate("Cli", "artefact {id}: {name} ({type}, {size} bytes) {key}").format(
                id=artefact.id,
                name=artefact.name,
                type=artefact.type,
                size=localefmt.integer(artefact.file_size),
                key=artefact.s3_key,
            )
        )


@job.command(
    "cancel", help=QT_TRANSLATE_NOOP("Cli", "Cancel a job (a running one stops within seconds).")
)
@click.argument("job_id", type=int)
@AS_USER
def job_cancel(job_id, as_user):
    from cncworkbench.services import jobs

    context = _context()
    with acting(context, as_user) as (session, actor):
        state = jobs.cancel_job(session, actor, job_id)
    click.echo(
        translate("Cli", "job {id}: {state}").format(id=job_id, state=translate("JobStates", state))
    )


@job.command(
    "retry", help=QT_TRANSLATE_NOOP("Cli", "Run a failed or cancelled job again (as a new job).")
)
@click.argument("job_id", type=int)
@AS_USER
def job_retry(job_id, as_user):
    from cncworkbench.services import jobs

    context = _context()
    with acting(context, as_user) as (session, actor):
        new_id = jobs.retry_job(session, actor, job_id)
    click.echo(
        translate("Cli", "job {id} queued again as job {new_id}").format(id=job_id, new_id=new_id)
    )


# ------------------------------------------------------------------------------ front ends
@main.command(
    help=QT_TRANSLATE_NOOP("Cli", "Walk the product's main path headless on the seeded data.")
)
def demo():
    from cncworkbench.services.demo import run_demo

    context = _context()
    try:
        run_demo(context, out=click.echo)
    finally:
        context.close()


@main.command(
    help=QT_TRANSLATE_NOOP(
        "Cli", "The workbench's panels in a plain Qt window (for computers without FreeCAD)."
    )
)
@click.option(
    "--panel",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Open this panel first (login, browser, cam, sim, jobs, settings)."
    ),
)
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False),
    help=QT_TRANSLATE_NOOP("Cli", "Save a PNG and quit."),
)
def gui(panel, screenshot):
    from cncworkbench.ui.app import run_standalone

    sys.exit(run_standalone(panel=panel, screenshot=screenshot))


@main.group(help=QT_TRANSLATE_NOOP("Cli", "Install the workbench into FreeCAD."))
def freecad():
    pass


@freecad.command(
    "install",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Link this checkout into FreeCAD's add-on folder as 'CNCWorkbench'."
    ),
)
@click.option(
    "--mod-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path.home() / ".local/share/FreeCAD/Mod",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "FreeCAD's user add-on folder."),
)
def freecad_install(mod_dir):
    from cncworkbench.addon import install_workbench

    link = install_workbench(mod_dir)
    click.echo(
        translate("Cli", "workbench linked: {link} -> {target}").format(
            link=link, target=link.resolve()
        )
    )


from cncworkbench.cli_erp import erp as _erp_group  # noqa: E402
from cncworkbench.cli_gcode import gcode as _gcode_group  # noqa: E402
from cncworkbench.cli_quote import quote as _quote_command  # noqa: E402
from cncworkbench.cli_simulate import simulate as _simulate_command  # noqa: E402

main.add_command(_gcode_group)
main.add_command(_simulate_command)
main.add_command(_quote_command)

from cncworkbench.cli_cad import cam_post as _cam_post  # noqa: E402
from cncworkbench.cli_cad import model_generate as _model_generate  # noqa: E402

model.add_command(_model_generate)
cam.add_command(_cam_post)
main.add_command(_erp_group)
from cncworkbench.cli_billing import invoice_group, license_group  # noqa: E402

main.add_command(license_group)
main.add_command(invoice_group)

if __name__ == "__main__":
    main()
