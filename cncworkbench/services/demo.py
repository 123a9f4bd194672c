"""``cncworkbench demo``: the product's main path, headless, on the seeded data.

It grows with each capability. Today: database and schema, catalog, login as a user whose
connection the database restricts to its role, a model upload (FreeCAD reads its geometry
where installed), the audit chain. Next: CAM → G-code → simulation → report.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from cncworkbench.db.models import License, Machine, User
from cncworkbench.services import audit, catalog, identity, licenses, models, users
from cncworkbench.services.audit import Actor
from cncworkbench.services.context import AppContext

DEMO_EMAIL = "demo@cncworkbench.example"
DEMO_PROJECT = "Demo: Flanş işi"
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "flans_plakasi.FCStd"


def run_demo(context: AppContext, out: Callable[[str], None] = print) -> dict:
    out("CNC Workbench demo (headless)")
    out("")
    revision = context.ensure_schema()
    version = context.db.check()
    where = (
        "embedded PostgreSQL"
        if context.settings.uses_embedded_database
        else "shared PostgreSQL (CNC_DATABASE_URL)"
    )
    counts = context.table_counts()
    out(f"1. Database: {where} {version}, schema revision {revision}, {len(counts)} tables")

    with context.db.session() as session:
        report = catalog.seed(session)
        totals = catalog.catalog_counts(session)
    out(
        f"2. Catalog: {totals['machines']} machines, {totals['tools']} tools, "
        f"{totals['materials']} materials ({'; '.join(report.lines())})"
    )

    # A demo engineer with a fresh password each run, printed so it can be used in the GUI.
    password = secrets.token_urlsafe(12)
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
            trial = f"a {row.seats}-seat trial until {row.ends_at:%Y-%m-%d}"
    if trial is not None:
        out(f"   License: {trial} started")
    started = time.perf_counter()
    who = identity.sign_in(context, DEMO_EMAIL, password, where="demo")
    elapsed_ms = (time.perf_counter() - started) * 1000
    with who.db.session() as session:
        machines = session.scalar(sa.select(sa.func.count()).select_from(Machine))
        visible_users = session.scalar(sa.select(sa.func.count()).select_from(User))
    out(
        f"3. Login: {who.email} as {who.role} (locale {who.locale}, {who.timezone}) in "
        f"{elapsed_ms:.0f} ms (bcrypt cost {identity.BCRYPT_COST}, checked inside PostgreSQL); "
        f"its connection sees {machines} machines and {visible_users} user account (its own)"
    )
    uploaded = models.upload_model(
        who.db, context.store, who.actor, SAMPLE, DEMO_PROJECT, name="Flanş plakası"
    )
    with who.db.session() as session:
        row = models.get_model(session, who.actor, uploaded.model_id)
    geometry = (
        f"{row.metadata['volume_mm3']:,.0f} mm³, "
        + " × ".join(f"{v:g}" for v in row.metadata["size_mm"])
        + " mm"
        if "volume_mm3" in row.metadata
        else row.metadata.get("geometry", "")
    )
    out(
        f"4. Upload: {SAMPLE.name} → project '{DEMO_PROJECT}', model {row.id} version "
        f"{row.version} ({geometry}); {uploaded.message}"
    )
    identity.sign_out(context, who)
    result = audit.verify(context.db)
    out(f"5. Audit trail: {result.checked} entries, chain {'intact' if result.ok else 'BROKEN'}")
    context.store.check()
    out("")
    out("Where things are:")
    out(f"  data folder:   {context.settings.data_dir}")
    out(f"  database:      {context.db.url.split('?')[0]} ({context.db.setting})")
    out(f"  file store:    {context.store.describe()}")
    out(f"  demo login:    {DEMO_EMAIL} / {password} (new each demo run)")
    out("")
    out("Coming next on this path: CAM → G-code → simulation → report.")
    return {
        "revision": revision,
        "catalog": totals,
        "user": who.email,
        "login_ms": elapsed_ms,
        "audit_entries": result.checked,
        "model_id": uploaded.model_id,
    }
