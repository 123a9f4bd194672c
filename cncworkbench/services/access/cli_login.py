"""The command line's login, as people know it from ``gh auth login`` or a psql password
file: ``cncworkbench login`` once, then every command acts as that user.

The session's access token (a 12-hour session, like the GUI's login without "remember
me") is kept in the OS keyring, or, on a machine without one, in a file under the data
folder that only its owner can read (``login`` says which). Access tokens are not
rotated on use, so commands run at once (a ``--wait`` beside a ``job list``) share the
login safely; ``logout`` ends the session in the database and forgets the token.

:func:`acting_as` is the one place that decides who a command acts as: ``--user EMAIL``
(the owner's credentials act for that user; others are asked for its password), else the
saved login, else, with the database owner's credentials, the owner itself (administration
only: :func:`require_person` refuses work that must belong to a person).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from cncworkbench.core import timefmt
from cncworkbench.core.i18n import translate
from cncworkbench.db import security
from cncworkbench.db.engine import Database
from cncworkbench.db.models import User
from cncworkbench.errors import PermissionDenied, UserError
from cncworkbench.services.access import identity, users
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.access.login_place import LoginPlace


class NotLoggedIn(UserError):
    """A command needs to know who is asking; the message says how to tell it."""


def login_hint() -> str:
    return translate(
        "CliLogin",
        "Log in first: `cncworkbench login EMAIL` (or give --user EMAIL to a command run "
        "with the database owner's credentials).",
    )


@dataclass(frozen=True)
class SavedLogin:
    email: str
    role: str
    expires_at: dt.datetime | None
    where: str  # where the token is kept, for people


def _attached(context, token: str) -> tuple[int, str, int] | None:
    """(user id, role, session id) of the live session holding ``token``, else None."""
    with context.login_db.engine.connect() as connection:
        row = connection.execute(
            sa.text("SELECT * FROM cnc_attach(:token)"), {"token": token}
        ).one()
        connection.rollback()
    if row.status != "ok":
        return None
    return row.user_id, row.user_role, row.session_id


def _session_for(context, token: str) -> identity.UserSession | None:
    found = _attached(context, token)
    if found is None:
        return None
    user_id, role, session_id = found
    bound = security.bound_database(context.client_url, context.db.setting, token)
    with bound.session() as session:
        user = session.get(User, user_id)
        expires = session.execute(
            sa.text("SELECT expires_at FROM sessions WHERE id = :id"), {"id": session_id}
        ).scalar()
        facts = (user.email, user.locale, user.timezone)
    return identity.UserSession(
        user_id=user_id,
        email=facts[0],
        role=role,
        locale=facts[1],
        timezone=facts[2],
        session_id=session_id,
        expires_at=expires.replace(tzinfo=dt.UTC) if expires else None,
        db=bound,
        access_token=token,
    )


def log_in(context, identifier: str, password: str) -> tuple[identity.UserSession, str]:
    """Log in and keep the session for the next commands: (the session, where it is kept).

    A login already kept for this database is ended first (one login per database)."""
    context.ensure_schema()
    log_out(context)
    who = identity.sign_in(context, identifier, password, remember=False, where="cli")
    place = LoginPlace(context)
    try:
        place.set(who.access_token)
    except BaseException:
        identity.sign_out(context, who)
        raise
    return who, place.describe()


def saved_session(context) -> identity.UserSession | None:
    """The session of ``cncworkbench login``, or None (never logged in, logged out,
    expired or revoked: a token that no longer works is forgotten)."""
    place = LoginPlace(context)
    token = place.get()
    if not token:
        return None
    who = _session_for(context, token)
    if who is None:
        place.delete()
    return who


def log_out(context) -> str | None:
    """End the kept login's session in the database and forget it: the e-mail that was
    logged in, or None when none was."""
    place = LoginPlace(context)
    token = place.get()
    if not token:
        return None
    who = _session_for(context, token)
    place.delete()
    if who is None:
        return None
    email = who.email
    identity.sign_out(context, who)
    return email


def who_am_i(context) -> SavedLogin | None:
    context.ensure_schema()
    who = saved_session(context)
    if who is None:
        return None
    try:
        return SavedLogin(who.email, who.role, who.expires_at, LoginPlace(context).describe())
    finally:
        who.close()


def until_text(moment: dt.datetime | None) -> str:
    return timefmt.short(moment) if moment is not None else "-"


@contextlib.contextmanager
def acting_as(
    context, user_email: str | None, ask_password: Callable[[str], str]
) -> Iterator[tuple[Database, Actor]]:
    """The database and the actor a command runs with (see the module's docstring)."""
    context.ensure_schema()
    if user_email:
        if context.is_privileged():
            with context.db.session() as session:
                found = users.find_by_email(session, user_email)
                actor = Actor(found.id, found.email, found.role, via="owner")
            yield context.db, actor
            return
        signed_in = identity.sign_in(context, user_email, ask_password(user_email), where="cli")
        try:
            yield signed_in.db, signed_in.actor
        finally:
            identity.sign_out(context, signed_in)
        return
    saved = saved_session(context)
    if saved is not None:
        try:
            yield saved.db, saved.actor
        except PermissionDenied as exc:
            if not context.is_privileged():
                raise
            # the refusal is the logged-in user's: say who that is and how to be the owner
            raise PermissionDenied(
                translate(
                    "CliLogin",
                    "{refusal} (Commands act as {email}, logged in with `cncworkbench login`; "
                    "`cncworkbench logout` to act as the database owner.)",
                ).format(refusal=exc, email=saved.email)
            ) from None
        finally:
            saved.close()
        return
    if context.is_privileged():
        yield context.db, Actor.system()
        return
    raise NotLoggedIn(
        translate(
            "CliLogin",
            "These database credentials are not the owner's, and no one is logged in. {hint}",
        ).format(hint=login_hint())
    )


def require_person(actor: Actor) -> None:
    """Refuse work that must belong to a person (an upload, a setup, a job, a review)
    when the command runs as the database owner with no one logged in."""
    if actor.user_id is None:
        raise NotLoggedIn(
            translate("CliLogin", "This is done as a person, and no one is logged in. {hint}")
            .format(hint=login_hint())
        )  # fmt: skip
