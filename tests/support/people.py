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
