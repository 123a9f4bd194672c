"""The ``cncworkbench`` command: administration, automation, workers and the plain-Qt GUI."""

from __future__ import annotations

import contextlib
import getpass
import sys
from pathlib import Path

import click

from cncworkbench.cli_base import UserErrorGroup
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


@click.group(cls=UserErrorGroup)
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
            "These database credentials are not the owner's: pass --user EMAIL to log in "
            "as that user."
        )
    password = getpass.getpass(f"Password for {user_email}: ")
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


def _read_password(password_stdin: bool, prompt: str = "Password") -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt(prompt, hide_input=True, confirmation_prompt=True)


AS_USER = click.option("--user", "as_user", metavar="EMAIL", help="Act as (or for) this user.")
PASSWORD_STDIN = click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input."
)


@main.group()
def user():
    """User accounts (administrators)."""


@user.command("add")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice(["admin", "engineer", "operator", "viewer"]),
    default="engineer",
    show_default=True,
)
@click.option("--phone", help="Turkish mobile number, e.g. 0532 123 45 67.")
@click.option("--company", help="Company name.")
@click.option("--tax-no", help="VKN (10 digits) or TCKN (11 digits).")
@click.option("--locale", type=click.Choice(["tr", "en"]), default="tr", show_default=True)
@PASSWORD_STDIN
@AS_USER
def user_add(email, role, phone, company, tax_no, locale, password_stdin, as_user):
    """Create a user."""
    from cncworkbench.services import users

    password = _read_password(password_stdin)
    profile = {"email": email, "role": role, "locale": locale, "phone": phone,
               "company_name": company, "tax_no": tax_no}  # fmt: skip
    context = _context()
    with acting(context, as_user) as (session, actor):
        created = users.create_user(
            session, actor, password, **{k: v for k, v in profile.items() if v is not None}
        )
        click.echo(f"user {created.id} {created.email} ({created.role}) created")


@user.command("list")
@AS_USER
def user_list(as_user):
    """List users with their role, status and last login."""
    from cncworkbench.services import users

    context = _context()
    with acting(context, as_user) as (session, actor):
        for row in users.list_users(session, actor):
            state = "active" if row.is_active else "inactive"
            if row.locked:
                state += ", LOCKED"
            last = row.last_login_at.strftime("%Y-%m-%d %H:%M") if row.last_login_at else "never"
            click.echo(f"{row.id:>5}  {row.email:<36} {row.role:<9} {state:<16} last login {last}")


def _user_change(as_user, email, change):
    from cncworkbench.services import users

    context = _context()
    with acting(context, as_user) as (session, actor):
        target = users.find_by_email(session, email)
        change(session, actor, target)


@user.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice(["admin", "engineer", "operator", "viewer"]))
@AS_USER
def user_set_role(email, role, as_user):
    """Change a user's role."""
    from cncworkbench.services import users

    _user_change(as_user, email, lambda s, a, t: users.update_user(s, a, t.id, role=role))
    click.echo(f"{email} is now {role}")


@user.command("deactivate")
@click.argument("email")
@AS_USER
def user_deactivate(email, as_user):
    """Deactivate a user (their sessions stop working at once)."""
    from cncworkbench.services import users

    _user_change(as_user, email, lambda s, a, t: users.set_active(s, a, t.id, False))
    click.echo(f"{email} deactivated")


@user.command("activate")
@click.argument("email")
@AS_USER
def user_activate(email, as_user):
    """Activate a deactivated user again."""
    from cncworkbench.services import users

    _user_change(as_user, email, lambda s, a, t: users.set_active(s, a, t.id, True))
    click.echo(f"{email} activated")


@user.command("unlock")
@click.argument("email")
@AS_USER
def user_unlock(email, as_user):
    """Unlock an account locked after failed logins."""
    from cncworkbench.services import users

    _user_change(as_user, email, lambda s, a, t: users.unlock(s, a, t.id))
    click.echo(f"{email} unlocked")


@user.command("reset-password")
@click.argument("email")
@PASSWORD_STDIN
@AS_USER
def user_reset_password(email, password_stdin, as_user):
    """Set a new password for a user; their sessions end everywhere."""
    from cncworkbench.services import users

    password = _read_password(password_stdin, "New password")
    _user_change(as_user, email, lambda s, a, t: users.reset_password(s, a, t.id, password))
    click.echo(f"password of {email} reset; their sessions were ended")


@main.group()
def audit():
    """The tamper-evident audit trail."""


@audit.command("verify")
@AS_USER
def audit_verify(as_user):
    """Walk the hash chain; exit 1 naming the first entry that does not verify."""
    import time

    from cncworkbench.services import audit as audit_service

    context = _context()
    context.ensure_schema()
    started = time.perf_counter()
    if context.is_privileged():
        result = audit_service.verify(context.db)
    elif not as_user:
        raise UserError(
            "These database credentials are not the owner's: pass --user EMAIL (an admin)."
        )
    else:
        from cncworkbench.services import identity

        password = getpass.getpass(f"Password for {as_user}: ")
        signed_in = identity.sign_in(context, as_user, password, where="cli")
        try:
            result = audit_service.verify(signed_in.db, signed_in.actor)
        finally:
            identity.sign_out(context, signed_in)
    elapsed = time.perf_counter() - started
    if result.ok:
        click.echo(f"audit trail intact: {result.checked} entries verified in {elapsed:.1f} s")
        return
    click.echo(
        f"audit trail BROKEN at entry {result.first_bad_id}: {result.reason} "
        f"({result.checked} entries before it verified)",
        err=True,
    )
    sys.exit(1)


@main.command()
@click.option("--material", help="Catalog material (name or a unique part of it).")
@click.option("--tool", help="Catalog tool (name or a unique part of it).")
@click.option("--machine", help="Catalog machine: clamps RPM/feed, checks power.")
@click.option("--vc", type=float, help="Cutting speed, m/min (instead of --material).")
@click.option("--fz", type=float, help="Feed per tooth, mm (instead of --material).")
@click.option("--kc", type=float, help="Specific cutting force, N/mm² (instead of --material).")
@click.option("--diameter", type=float, help="Tool diameter, mm (instead of --tool).")
@click.option("--flutes", type=int, help="Number of flutes (instead of --tool).")
@click.option(
    "--tool-type",
    type=click.Choice(["flat_endmill", "ball_endmill", "bull_endmill", "drill", "face_mill"]),
    help="Tool type (instead of --tool; default flat_endmill).",
)
@click.option("--corner-radius", type=float, help="Corner radius, mm.")
@click.option("--flute-length", type=float, help="Flute length, mm (checks ap against it).")
@click.option("--max-rpm", type=float, help="Spindle maximum, rpm (instead of --machine).")
@click.option("--power", "power_kw", type=float, help="Spindle power, kW.")
@click.option("--ae", type=float, help="Radial depth (stepover), mm. Default: full slot.")
@click.option("--ap", type=float, help="Axial depth (stepdown), mm.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def feeds(**options):
    """Spindle speed, feed, chip load, removal rate and power for one cut.

    Either from the catalog (--material, --tool, --machine) or from raw numbers
    (--vc --fz --kc --diameter --flutes [--max-rpm]); raw numbers override catalog ones.
    """
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
    rows = [
        ("Spindle speed", f"{result.rpm:.0f} rpm", "rpm"),
        ("Feed", f"{result.feed_mm_min:.0f} mm/min", "feed"),
        ("Plunge feed", f"{result.plunge_feed_mm_min:.0f} mm/min", "plunge_feed"),
        ("Programmed fz", f"{result.fz_programmed_mm:.4f} mm", "fz_programmed"),
        ("Cutting speed", f"{result.vc_actual_m_min:.0f} m/min", "vc_actual"),
        ("Removal rate", f"{result.mrr_cm3_min:.2f} cm³/min", "mrr"),
        ("Power", f"{result.power_kw:.2f} kW", "power"),
        ("Torque", f"{result.torque_nm:.2f} N·m", "torque"),
        ("Specific force", f"{result.kc_n_mm2:.0f} N/mm²", "kc"),
    ]
    for label, value, key in rows:
        click.echo(f"{label:<15} {value:>16}   {result.sources.get(key, '')}")
    for warning in result.warnings:
        click.echo(f"{warning.severity.upper()}: {warning.message}", err=True)
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
            raise UserError("Give --material, or the cutting data: missing " + ", ".join(missing))
        material = {
            "name": "given",
            "cutting_speed_m_min": options["vc"],
            "feed_rate_mm_tooth": options["fz"],
            "properties": {"kc1_n_mm2": options["kc"]},
        }
    for key, flag in (("diameter_mm", "--diameter"), ("flute_count", "--flutes")):
        if not tool.get(key):
            raise UserError(f"Give --tool, or {flag}.")
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
            sources[option] = f"given: {options[option]:g} {unit}"
    if options["kc"] is not None:
        overrides["kienzle_mc"] = None
        sources.pop("kc1", None)
    return dataclasses.replace(inputs, sources=sources, **overrides)


@main.group()
def cam():
    """CAM: toolpaths and G-code from FreeCAD CAM with the machine's post-processor."""


@cam.command("run")
@click.argument("model_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--machine", required=True, help="Catalog machine (name or unique part).")
@click.option("--tool", "tools", multiple=True, required=True, help="Catalog tool; repeatable.")
@click.option("--material", required=True, help="Catalog material (name or unique part).")
@click.option(
    "--op",
    "ops",
    multiple=True,
    required=True,
    type=click.Choice(["facing", "profile", "pocket", "drilling", "adaptive"]),
    help="Operation, in machining order; repeatable.",
)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--margin", default=2.0, show_default=True, help="Stock margin around the part, mm.")
@click.option("--top-margin", default=1.0, show_default=True, help="Stock above the part, mm.")
@click.option("--work-offset", default="G54", show_default=True)
@click.option("--no-sheet", is_flag=True, help="Do not write the setup sheet PDF.")
@click.option("--user", "as_user", help="Act (and be audited) as this user.")
def cam_run(model_file, machine, tools, material, ops, output, margin, top_margin, work_offset,
            no_sheet, as_user):  # fmt: skip
    """Batch CAM: MODEL_FILE (STEP or FCStd) to G-code for a machine.

    The stock is the part's bounding box plus margins; operations find their geometry by
    themselves (facing: the top; profile: the outer contour; pocket/adaptive: pockets open
    from the top; drilling: vertical holes); feeds and speeds come from the catalog.
    """
    import time

    from cncworkbench.core import model_files
    from cncworkbench.core.cam_plan import stock_around
    from cncworkbench.db.models import Machine, Material, Tool
    from cncworkbench.services import audit, catalog
    from cncworkbench.services import cam as cam_service

    checked = model_files.check(model_file)
    click.echo(f"Reading {model_file.name} with FreeCAD ...", err=True)
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
        click.echo(f"{problem.severity.upper()}: {problem.message}", err=True)
    if any(problem.severity == "error" for problem in problems):
        raise UserError("Nothing was machined: fix the errors above.")
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
    click.echo(f"G-code:         {output} ({result.lines} lines, {plan.post_processor})")
    if not no_sheet:
        sheet_path = output.with_suffix(".pdf")
        part = {"name": model_file.stem, "file_name": model_file.name,
                "size": [b - a for a, b in zip(box["min"], box["max"], strict=True)]}  # fmt: skip
        sheet = cam_service.sheet_data(
            plan, result, part, output.name, as_user, inventory,
            extra_warnings=[p.message for p in problems],
        )  # fmt: skip
        cam_service.render_setup_sheet(sheet, sheet_path)
        click.echo(f"Setup sheet:    {sheet_path}")
    click.echo(
        f"Estimated time: {minutes} min {seconds:02d} s (cutting {result.run_time.cutting_s:.0f} s,"
        f" rapids {result.run_time.rapid_s:.0f} s, tool changes "
        f"{result.run_time.tool_change_s:.0f} s)"
    )
    click.echo(f"Material removed: {result.removed_volume_mm3 / 1000:.1f} cm³")
    if result.rs274 is not None:
        click.echo(f"LinuxCNC rs274: accepted ({result.rs274.calls} canonical calls)")
    for note in result.fixes + result.warnings:
        click.echo(f"note: {note}", err=True)
    click.echo(f"({time.monotonic() - started:.1f} s)", err=True)
    with context.db.session() as session:
        audit.record(
            session, actor, "cam.run_file", "machine", plan.machine.get("id"),
            {"file": model_file.name, "gcode_sha256": result.gcode_sha256,
             "operations": list(ops), "estimated_time_seconds": round(result.run_time.total_s)},
        )  # fmt: skip


@main.group()
def model():
    """Models and their versions."""


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


@model.command("upload")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--project", required=True, help="Project name (created if needed).")
@click.option("--name", help="Model name (default: the file name). An existing model of "
              "this name in the project gets a new version.")  # fmt: skip
@click.option("--type", "model_type", type=click.Choice(["part", "assembly", "drawing"]),
              default="part", show_default=True)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@AS_USER
def model_upload(path, project, name, model_type, as_json, as_user):
    """Upload a model file (FCStd, STEP, STL) as a new model or a new version."""
    import json

    from cncworkbench.services import models

    context = _context()
    with acting_db(context, as_user) as (database, actor):
        update, close = _progress_bar(f"uploading {path.name}")
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
        click.echo(f"model {result.model_id}  version {result.version}  key {result.key}")
        click.echo(f"sha256 {result.sha256}")


@model.command("download")
@click.argument("model_id", type=int)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@AS_USER
def model_download(model_id, output, as_user):
    """Download a model version, verified against its SHA-256."""
    from cncworkbench.services import models

    context = _context()
    with acting(context, as_user) as (session, actor):
        row = models.get_model(session, actor, model_id)
    update, close = _progress_bar(f"downloading {row.name} v{row.version}")
    try:
        models.download_model(context.store, row, output, update)
    finally:
        close()
    click.echo(f"{output} ({row.file_size:,} bytes, sha256 {row.sha256[:12]}… verified)")


@model.command("list")
@click.option("--project", help="Only this project.")
@click.option("--search", help="Name words, or key:value metadata terms, comma separated.")
@click.option("--limit", type=int, default=50, show_default=True)
@AS_USER
def model_list(project, search, limit, as_user):
    """List models (their newest versions), newest first."""
    from cncworkbench.core import timefmt
    from cncworkbench.services import models, projects

    context = _context()
    with acting(context, as_user) as (session, actor):
        project_id = None
        if project:
            found = projects.find_project(session, project)
            if found is None:
                raise UserError(f"There is no project named '{project}'.")
            project_id = found.id
        page = models.list_models(session, actor, project_id=project_id, search=search, limit=limit)
    for row in page.rows:
        click.echo(
            f"{row.id:>6}  v{row.version:<3} {row.file_format:<6} {row.file_size:>12,}  "
            f"{timefmt.short(row.created_at)}  {row.name}"
        )
    if page.next_cursor:
        click.echo(f"(more than {limit}; use --limit or --search)")


@main.group()
def storage():
    """The object store."""


@storage.command("sweep")
@click.option("--dry-run", is_flag=True, help="Only report what would be deleted.")
@click.option("--grace-minutes", type=int, default=60, show_default=True,
              help="Leave objects younger than this (uploads in flight).")  # fmt: skip
def storage_sweep(dry_run, grace_minutes):
    """Delete objects that no row references (left by interrupted uploads)."""
    import datetime as dt

    from cncworkbench.services import files

    context = _context()
    context.ensure_schema()
    if not context.is_privileged():
        raise UserError("The sweeper needs the database owner's (or a worker's) credentials.")
    context.store.check()
    with context.db.session() as session:
        report = files.sweep(
            session, context.store, dt.timedelta(minutes=grace_minutes), dry_run=dry_run
        )
    click.echo(report.line())


@main.command()
@click.option("--types", help="Job types to run, comma separated (default: all it can).")
@click.option("--concurrency", type=int, default=1, show_default=True, help="Jobs at once.")
@click.option(
    "--poll",
    type=float,
    default=2.0,
    show_default=True,
    help="Seconds between polls when no notification arrives.",
)
@click.option(
    "--no-listen",
    is_flag=True,
    help="Only poll (behind poolers that do not pass LISTEN/NOTIFY through).",
)
@click.option("-v", "--verbose", is_flag=True, help="Log each job.")
def worker(types, concurrency, poll, no_listen, verbose):
    """Run jobs (CAM, simulation, CAD, post-processing) until stopped (SIGTERM, Ctrl-C).

    Connects as the worker role: cnc_worker in the embedded database, or
    CNC_WORKER_DATABASE_URL / CNC_DATABASE_URL with the worker's credentials.
    """
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
    click.echo(f"worker {runner.id}: {', '.join(runner.types)} ({concurrency} at once)", err=True)
    runner.run_forever()


@main.group()
def job():
    """Jobs in the queue."""


def _job_line(summary) -> str:
    from cncworkbench.core import timefmt

    duration = summary.duration
    took = f"{duration.total_seconds():.1f} s" if duration is not None else ""
    error = (
        f"  {summary.error_message}"
        if summary.error_message and summary.status != "completed"
        else ""
    )
    return (
        f"{summary.id:>6}  {summary.type:<13} {summary.state_text:<16} {summary.progress:>3} %  "
        f"{timefmt.short(summary.created_at)}  {took:>8}{error}"
    )


@job.command("submit")
@click.argument(
    "job_type", type=click.Choice(["cad_generate", "cam_process", "sim_run", "gcode_post"])
)
@click.option("--params", default="{}", show_default=True, help="Input parameters as JSON.")
@click.option("--priority", type=int, default=0, show_default=True)
@click.option(
    "--key", "idempotency_key", help="Idempotency key: the same key returns the same job."
)
@click.option("--timeout", type=int, default=3600, show_default=True, help="Seconds.")
@click.option("--max-retries", type=int, default=3, show_default=True)
@AS_USER
def job_submit(job_type, params, priority, idempotency_key, timeout, max_retries, as_user):
    """Queue a job."""
    import json

    from cncworkbench.services import jobs

    try:
        values = json.loads(params)
    except json.JSONDecodeError as exc:
        raise UserError(f"--params is not valid JSON: {exc}") from None
    if not isinstance(values, dict):
        raise UserError("--params must be a JSON object.")
    context = _context()
    with acting(context, as_user) as (session, actor):
        job_id = jobs.submit_job(session, actor, job_type, values, priority, idempotency_key,
                                 timeout, max_retries)  # fmt: skip
    click.echo(f"job {job_id} queued")


@job.command("list")
@click.option(
    "--status",
    type=click.Choice(["pending", "queued", "running", "completed", "failed", "cancelled"]),
)
@click.option("--mine", is_flag=True, help="Only the jobs of --user (or of the owner).")
@click.option("--limit", type=int, default=50, show_default=True)
@AS_USER
def job_list(status, mine, limit, as_user):
    """List jobs, newest first."""
    from cncworkbench.services import jobs

    context = _context()
    with acting(context, as_user) as (session, actor):
        rows = jobs.list_jobs(session, actor, mine=mine, status=status, limit=limit)
    for row in rows:
        click.echo(_job_line(row))
    if not rows:
        click.echo("no jobs")


@job.command("show")
@click.argument("job_id", type=int)
@AS_USER
def job_show(job_id, as_user):
    """A job's state, input, output, timings and artefacts."""
    import json

    from cncworkbench.services import jobs

    context = _context()
    with acting(context, as_user) as (session, actor):
        detail = jobs.get_job(session, actor, job_id)
    click.echo(_job_line(detail.summary))
    click.echo(f"input:   {json.dumps(detail.input_params, ensure_ascii=False)}")
    if detail.output_data:
        click.echo(f"output:  {json.dumps(detail.output_data, ensure_ascii=False)}")
    if detail.error_code:
        click.echo(f"error:   {detail.error_code}: {detail.summary.error_message}")
    click.echo(f"metrics: {json.dumps(detail.metrics, ensure_ascii=False)}")
    for artefact in detail.artefacts:
        click.echo(
            f"artefact {artefact.id}: {artefact.name} ({artefact.type}, "
            f"{artefact.file_size:,} bytes) {artefact.s3_key}"
        )


@job.command("cancel")
@click.argument("job_id", type=int)
@AS_USER
def job_cancel(job_id, as_user):
    """Cancel a job (a running one stops within seconds)."""
    from cncworkbench.services import jobs

    context = _context()
    with acting(context, as_user) as (session, actor):
        state = jobs.cancel_job(session, actor, job_id)
    click.echo(f"job {job_id}: {state}")


@job.command("retry")
@click.argument("job_id", type=int)
@AS_USER
def job_retry(job_id, as_user):
    """Run a failed or cancelled job again (as a new job)."""
    from cncworkbench.services import jobs

    context = _context()
    with acting(context, as_user) as (session, actor):
        new_id = jobs.retry_job(session, actor, job_id)
    click.echo(f"job {job_id} queued again as job {new_id}")


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
