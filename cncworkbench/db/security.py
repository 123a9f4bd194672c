"""The database side of identity: calls into the SECURITY DEFINER functions of migration
0002, and connections that act for one logged-in session.

A client connection runs as ``cnc_client`` (directly as ``cnc_app`` on a shared database,
or ``SET ROLE`` when the configured role is the database owner, as in the embedded
database) so row-level security applies; ``cnc_attach`` binds each new pooled connection
to the session whose access token the app holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from cncworkbench.db.direct import (  # noqa: F401 (SessionEnded: its API)
    SessionEnded,
    act_as_client,
    json_text,
    session_ended,
)
from cncworkbench.db.engine import Database

APP_ROLE = "cnc_app"
WORKER_ROLE = "cnc_worker"
# Mirrors migration 0002 (for messages; the database decides).
LOCK_AFTER_FAILURES = 5
LOCK_MINUTES = 15

Executor = Connection | Session


@dataclass(frozen=True)
class LoginOutcome:
    status: str  # ok, invalid, locked, inactive, too_long, seats_full, expired, reused
    user_id: int | None = None
    role: str | None = None
    session_id: int | None = None
    refresh_token: str | None = None
    access_token: str | None = None
    expires_at: dt.datetime | None = None
    retry_at: dt.datetime | None = None
    # seats_full: the license and who holds its seats (migration 0007)
    seat_use: dict[str, Any] | None = None


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    return value.replace(tzinfo=dt.UTC) if value is not None else None


def _outcome(row) -> LoginOutcome:
    return LoginOutcome(
        status=row.status,
        user_id=row.user_id,
        role=row.user_role,
        session_id=row.session_id,
        refresh_token=row.refresh_token,
        access_token=row.access_token,
        expires_at=_utc(row.expires_at),
        retry_at=_utc(row.retry_at),
        seat_use=row._mapping.get("seat_use"),  # cnc_resume has no such column
    )


def login(
    db: Executor,
    identifier: str,
    password: str,
    user_agent: str | None = None,
    device_id: str | None = None,
    remember: bool = False,
) -> LoginOutcome:
    row = db.execute(
        sa.text("SELECT * FROM cnc_login(:identifier, :password, :agent, :device, :remember)"),
        {
            "identifier": identifier,
            "password": password,
            "agent": user_agent,
            "device": device_id,
            "remember": remember,
        },
    ).one()
    return _outcome(row)


def resume(
    db: Executor, refresh_token: str, user_agent: str | None = None, device_id: str | None = None
) -> LoginOutcome:
    row = db.execute(
        sa.text("SELECT * FROM cnc_resume(:token, :agent, :device)"),
        {"token": refresh_token, "agent": user_agent, "device": device_id},
    ).one()
    return _outcome(row)


def logout(db: Executor) -> bool:
    return bool(db.execute(sa.text("SELECT cnc_logout()")).scalar_one())


def revoke_session(db: Executor, session_id: int) -> bool:
    return bool(
        db.execute(sa.text("SELECT cnc_revoke_session(:id)"), {"id": session_id}).scalar_one()
    )


def set_password_hash(
    db: Executor, user_id: int, new_hash: str, current_password: str | None = None
) -> None:
    db.execute(
        sa.text("SELECT cnc_set_password_hash(:user, :hash, :current)"),
        {"user": user_id, "hash": new_hash, "current": current_password},
    )


def unlock_user(db: Executor, user_id: int) -> None:
    db.execute(sa.text("SELECT cnc_unlock_user(:user)"), {"user": user_id})


def has_users(db: Executor) -> bool:
    return bool(db.execute(sa.text("SELECT cnc_has_users()")).scalar_one())


def create_first_admin(db: Executor, email: str, password_hash: str) -> int:
    return db.execute(
        sa.text("SELECT cnc_create_first_admin(:email, :hash)"),
        {"email": email, "hash": password_hash},
    ).scalar_one()


def current_user_id(db: Executor) -> int | None:
    return db.execute(sa.text("SELECT cnc_current_user_id()")).scalar_one()


def audit_append(
    db: Executor,
    action: str,
    entity_type: str,
    entity_id: int | None,
    entity_data: dict[str, Any] | None = None,
    changes: dict[str, Any] | None = None,
    actor_user_id: int | None = None,
    user_agent: str | None = None,
) -> int:
    """Append to the audit chain. A logged-in client is recorded as itself whatever it
    passes; the owner and the workers name the user they act for."""
    return db.execute(
        sa.text(
            "SELECT cnc_audit_append(:action, :entity_type, :entity_id, "
            "CAST(:data AS jsonb), CAST(:changes AS jsonb), :actor, :agent)"
        ),
        {
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "data": json_text(entity_data),
            "changes": json_text(changes),
            "actor": actor_user_id,
            "agent": user_agent,
        },
    ).scalar_one()


def client_database(url: str, setting: str) -> Database:
    """Connections as cnc_client with no identity: they may log in and nothing else."""
    database = Database(url, setting=setting)
    sa.event.listen(database.engine, "connect", lambda conn, _record: act_as_client(conn))
    return database


def bound_database(url: str, setting: str, access_token: str) -> Database:
    """Connections that act for the session holding ``access_token``.

    Every checkout confirms the connection still acts for a live session (a revoked or
    expired session would otherwise just see empty tables) and re-attaches after the
    binding was lost; a session that has ended raises :class:`SessionEnded`.
    """
    database = Database(url, setting=setting)

    def attach(dbapi_connection) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT status FROM cnc_attach(%s)", (access_token,))
            status = cursor.fetchone()[0]
        dbapi_connection.commit()
        if status != "ok":
            raise session_ended()

    def on_connect(dbapi_connection, _record) -> None:
        act_as_client(dbapi_connection)
        attach(dbapi_connection)

    def on_checkout(dbapi_connection, _record, _proxy) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT cnc_current_user_id()")
            bound = cursor.fetchone()[0] is not None
        dbapi_connection.rollback()
        if not bound:
            attach(dbapi_connection)

    sa.event.listen(database.engine, "connect", on_connect)
    sa.event.listen(database.engine, "checkout", on_checkout)
    return database
