"""Users for tests, created the way an administrator would (services, owner credentials)."""

from __future__ import annotations

import sqlalchemy as sa

from cncworkbench.db.cluster import SUPERUSER
from cncworkbench.services.access import users
from cncworkbench.services.access.audit import Actor

PASSWORD = "tezgah-sifre-2026"


def make_user(db, email: str, role: str = "engineer", password: str = PASSWORD, **profile) -> int:
    with db.session() as session:
        return users.create_user(
            session, Actor.system(), password, email=email, role=role, **profile
        ).id


def app_url(db) -> str:
    """The same database as the desktop app's login role (cnc_app) reaches it."""
    return sa.engine.make_url(db.url).set(username="cnc_app").render_as_string(False)


def superuser_url(db) -> str:
    return sa.engine.make_url(db.url).set(username=SUPERUSER).render_as_string(False)


def demo_password(data_dir, demo_output: str) -> str:
    """The demo login's password, read from the file the demo's output names: that file
    only its owner can read, and the password nowhere in the output."""
    import re
    import stat
    from pathlib import Path

    named = re.search(r"demo login:\s+\S+,.*? (/\S+demo-login\.txt)", demo_output)
    assert named, demo_output[-1500:]
    path = Path(named.group(1))
    assert path == Path(data_dir) / "demo" / "demo-login.txt"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    password = path.read_text(encoding="utf-8").strip()
    assert len(password) >= 12 and password not in demo_output
    return password
