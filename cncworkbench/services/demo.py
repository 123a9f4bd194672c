"""``cncworkbench demo``: the product's main path, headless, on the seeded data.

Database and schema, catalog, login as a user whose connection the database restricts to
its role, a model upload (FreeCAD reads its geometry where installed), then
(:mod:`cncworkbench.services.demo_path`) setup → CAM job → G-code with LinuxCNC's verdict →
simulation → review → simulation report, setup sheet and quote PDFs → invoice draft, and
the audit chain. Each result is written under ``<data folder>/demo/`` and its path printed.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import translate
from cncworkbench.db.models import License, Machine, User
from cncworkbench.services import demo_path
from cncworkbench.services.access import audit, identity, licenses, users
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.context import AppContext
from cncworkbench.services.machining import catalog
from cncworkbench.services.pdm import models

DEMO_EMAIL = "demo@cncworkbench.example"
DEMO_LOGIN_FILE = "demo-login.txt"  # in the results folder: the demo login's password
DEMO_PROJECT = "Demo: Flanş işi"
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "flans_plakasi.FCStd"


def run_demo(context: AppContext, out: Callable[[str], None] = print) -> dict:
    out(translate("Demo", "CNC Workbench demo (headless)"))
    out("")
    revision = context.ensure_schema()
    version = context.db.check()
    where = (
        translate("Demo", "embedded PostgreSQL")
        if context.settings.uses_embedded_database
        else translate("Demo", "shared PostgreSQL (CNC_DATABASE_URL)")
    )
    counts = context.table_counts()
    out(
        translate(
            "Demo", "1. Database: {where} {version}, schema revision {revision}, {tables} tables"
        ).format(where=where, version=version, revision=revision, tables=len(counts))
    )

    with context.db.session() as session:
        report = catalog.seed(session)
        totals = catalog.catalog_counts(session)
    out(
        translate(
            "Demo",
            "2. Catalog: {machines} machines, {tools} tools, {materials} materials ({report})",
        ).format(
            machines=totals["machines"],
            tools=totals["tools"],
            materials=totals["materials"],
            report="; ".join(report.lines()),
        )
    )

    # A demo engineer with a fresh password each run, for the GUI: kept in a file only this
    # OS user can read, never printed (terminals are logged and shared).
    password = secrets.token_urlsafe(12)
    login_file = save_demo_password(Path(context.settings.data_dir) / "demo", password)
    with context.db.session() as session:
        user = session.scalar(sa.select(User).where(User.email == DEMO_EMAIL))
        if user is None:
            users.create_user(session, Actor.system(), password, email=DEMO_EMAIL, role="engineer")
        else:
            users.reset_password(session, Actor.system(), user.id, password)
            users.unlock(session, Actor.system(), user.id)
        # A new installation runs on a trial until an administrator adds a paid license.
        trial = None
        if session.scalar(sa.select(License.id).limit(1)) is None:
            holder = session.scalar(sa.select(User.id).where(User.email == DEMO_EMAIL))
            row = licenses.add_license(session, Actor.system(), holder, "trial", seats=2)
            trial = translate("Demo", "License: a {seats}-seat trial until {date} started").format(
                seats=row.seats, date=f"{row.ends_at:%Y-%m-%d}"
            )
    if trial is not None:
        out("   " + trial)
    started = time.perf_counter()
    who = identity.sign_in(context, DEMO_EMAIL, password, where="demo")
    elapsed_ms = (time.perf_counter() - started) * 1000
    with who.db.session() as session:
        machines = session.scalar(sa.select(sa.func.count()).select_from(Machine))
        visible_users = session.scalar(sa.select(sa.func.count()).select_from(User))
    out(
        translate(
            "Demo",
            "3. Login: {email} as {role} (locale {locale}, {timezone}) in {ms} ms (bcrypt "
            "cost {cost}, checked inside PostgreSQL); its connection sees {machines} machines "
            "and {users} user account (its own)",
        ).format(
            email=who.email,
            role=translate("Roles", who.role),
            locale=who.locale,
            timezone=who.timezone,
            ms=f"{elapsed_ms:.0f}",
            cost=identity.BCRYPT_COST,
            machines=machines,
            users=visible_users,
        )
    )
    uploaded = models.upload_model(
        who.db, context.store, who.actor, SAMPLE, DEMO_PROJECT, name="Flanş plakası"
    )
    with who.db.session() as session:
        row = models.get_model(session, who.actor, uploaded.model_id)
    geometry = (
        localefmt.number(row.metadata["volume_mm3"], 0)
        + " mm³, "
        + " × ".join(i18n.number(v) for v in row.metadata["size_mm"])
        + " mm"
        if "volume_mm3" in row.metadata
        else row.metadata.get("geometry", "")
    )
    out(
        translate(
            "Demo",
            "4. Upload: {file} → project '{project}', model {model} version {version} "
            "({geometry}); {message}",
        ).format(
            file=SAMPLE.name,
            project=DEMO_PROJECT,
            model=row.id,
            version=row.version,
            geometry=geometry,
            message=uploaded.message,
        )
    )
    walked = demo_path.walk(context, who, row.id, out, Path(context.settings.data_dir) / "demo")
    result = audit.verify(context.db)
    if result.ok:
        trail = translate("Demo", "{n}. Audit trail: {count} entries, chain intact")
    else:
        trail = translate("Demo", "{n}. Audit trail: {count} entries, chain BROKEN")
    out(trail.format(n=walked.next_step, count=result.checked))
    context.store.check()
    out("")
    out(translate("Demo", "Where things are:"))
    places = [
        (translate("Demo", "data folder:"), str(context.settings.data_dir)),
        (
            translate("Demo", "database:"),
            # the setting's name has words in it for the embedded database: in the reader's language
            f"{context.db.url.split('?')[0]}, {translate('Config', context.db.setting)}",
        ),
        (translate("Demo", "file store:"), context.store.describe()),
        (translate("Demo", "results:"), str(Path(context.settings.data_dir) / "demo")),
        (
            translate("Demo", "demo login:"),
            translate(
                "Demo",
                "{email}, its password in {file} (readable only by you, new each demo run; "
                "`cncworkbench login {email} --password-stdin < {file}`)",
            ).format(email=DEMO_EMAIL, file=login_file),
        ),
    ]
    width = max(len(label) for label, _value in places) + 3
    for label, value in places:
        out(f"  {label:<{width}}{value}")
    out("")
    out(translate("Demo", "The same data in the GUI (log in as the demo user above):"))
    out("  cncworkbench gui --panel browser")
    out("  " + translate("Demo", "FreeCAD: `./run.sh` on a desktop, then the CNC Workbench"))
    out("  " + translate("Demo", "without a display: {command}").format(
        command="xvfb-run -a -s '-screen 0 1600x1000x24' cncworkbench gui --panel sim "
        "--screenshot sim.png"))  # fmt: skip
    return {
        "path": walked,
        "revision": revision,
        "catalog": totals,
        "user": who.email,
        "login_ms": elapsed_ms,
        "audit_entries": result.checked,
        "model_id": uploaded.model_id,
    }


def save_demo_password(folder: Path, password: str) -> Path:
    """Write the demo login's password to ``folder``/demo-login.txt, readable by its owner
    only (made so before the password is in it); return the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_LOGIN_FILE
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o600)  # a file left from an older run may be wider
        handle.write(password + "\n")
    return path
