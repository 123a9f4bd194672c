"""The statements of a big mesh's upload on a plain psycopg connection: no SQLAlchemy.

``model upload`` of a 100 MB STL should take about as long as the store takes to receive
it. Importing SQLAlchemy, the ORM and our mapped models cost the command ~0.5 s of CPU (on
a 2-core machine, taken from the transfer and from the store), more than everything else it
does besides the transfer. These are the same statements the ORM path runs
(:mod:`cncworkbench.services.pdm.models`), written out: the audit entry and the jobs go
through the same database functions (``cnc_audit_append``, ``cnc_submit_job``), so the hash
chain and the queue see exactly what the ORM path gives them.

Rows come back as dicts of column name to value, TIMESTAMP columns as aware UTC datetimes
(as :class:`cncworkbench.db.base.UTCDateTime` gives them to the ORM).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row, tuple_row
from psycopg.types.json import Jsonb

from cncworkbench.config import SecretStore
from cncworkbench.core.i18n import translate
from cncworkbench.db.urls import CONNECT_TIMEOUT_S, explain_connection_error, with_keyring_password
from cncworkbench.errors import UserError

CLIENT_ROLE = "cnc_client"  # the role desktop users' connections run as (row-level security)


def connect(url: str, setting: str, secrets: SecretStore | None = None) -> psycopg.Connection:
    """A connection as :func:`cncworkbench.db.engine.make_engine` makes them (UTC, the same
    timeout and application name, the keyring's password), failures said as one sentence."""
    url = with_keyring_password(url, secrets or SecretStore())
    scheme, rest = url.split("://", 1)
    libpq_url = f"{scheme.split('+', 1)[0]}://{rest}"  # postgresql+psycopg:// is SQLAlchemy's
    try:
        return psycopg.connect(
            libpq_url,
            connect_timeout=CONNECT_TIMEOUT_S,
            options="-c timezone=UTC",
            application_name="cncworkbench",
            row_factory=dict_row,
        )
    except psycopg.OperationalError as exc:
        raise explain_connection_error(exc, url, setting) from None


@contextlib.contextmanager
def session(url: str, setting: str) -> Iterator[psycopg.Connection]:
    """A connection for one piece of work: committed when it succeeds, rolled back (and
    closed) when it fails; a lost connection said as :func:`connect` says it."""
    connection = connect(url, setting)
    try:
        with connection:
            yield connection
    except psycopg.OperationalError as exc:
        if connection.broken or "connection" in str(exc).lower():
            raise explain_connection_error(exc, url, setting) from None
        raise


def _utc(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        key: value.replace(tzinfo=dt.UTC)
        if isinstance(value, dt.datetime) and value.tzinfo is None
        else value
        for key, value in row.items()
    }


def _one(connection: psycopg.Connection, query, params=None) -> dict[str, Any] | None:
    return _utc(connection.execute(query, params).fetchone())


def act_as_client(dbapi_connection) -> None:
    """Make a raw DBAPI connection run as ``cnc_client`` so row-level security applies.

    ``cnc_app`` (the desktop app's role on a shared database) already is a client; the
    database owner (the embedded database, an admin's machine) switches with SET ROLE.
    """
    with dbapi_connection.cursor(row_factory=tuple_row) as cursor:
        cursor.execute(
            "SELECT pg_has_role(current_user, d.datdba, 'MEMBER') FROM pg_database d "
            "WHERE d.datname = current_database()"
        )
        if cursor.fetchone()[0]:
            cursor.execute(f"SET SESSION ROLE {CLIENT_ROLE}")
    dbapi_connection.commit()


class SessionEnded(UserError):
    """The session behind a connection was revoked or expired: log in again."""


def session_ended() -> SessionEnded:
    return SessionEnded(
        translate(
            "Sessions",
            "Your session has ended (logged out, revoked by an administrator or expired). "
            "Log in again.",
        )
    )


def attach(connection: psycopg.Connection, access_token: str) -> dict[str, Any] | None:
    """Bind the connection to the live session holding ``access_token`` (as
    :func:`cncworkbench.db.security.bound_database` does): its user id, role and session id,
    or None when no live session holds it."""
    found = _one(connection, "SELECT * FROM cnc_attach(%s)", (access_token,))
    connection.commit()
    return found if found["status"] == "ok" else None


def current_user_id(connection: psycopg.Connection) -> int | None:
    """Whom the connection acts for now (None: its session has ended)."""
    return _one(connection, "SELECT cnc_current_user_id() AS id")["id"]


def schema_revision(connection: psycopg.Connection) -> str | None:
    """The revision the database is at; None when it has none or more than one (the ORM
    path says what is wrong then)."""
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except psycopg.errors.UndefinedTable:
        connection.rollback()
        return None
    return rows[0]["version_num"] if len(rows) == 1 else None


def caller_is_privileged(connection: psycopg.Connection) -> bool:
    return bool(_one(connection, "SELECT cnc_caller_is_privileged() AS yes")["yes"])


def user_by_email(connection: psycopg.Connection, email: str) -> dict[str, Any] | None:
    return _one(connection, "SELECT id, email, role FROM users WHERE email = %s", (email,))


def user_email(connection: psycopg.Connection, user_id: int) -> str | None:
    found = _one(connection, "SELECT email FROM users WHERE id = %s", (user_id,))
    return None if found is None else found["email"]


def project_by_folded_name(connection: psycopg.Connection, folded: str) -> dict[str, Any] | None:
    """The live project whose trimmed name folds to ``folded`` (projects.find_project)."""
    return _one(
        connection,
        "SELECT * FROM projects WHERE cnc_fold(btrim(name)) = %s AND is_deleted = false LIMIT 1",
        (folded,),
    )


def newest_version_named(
    connection: psycopg.Connection, project_id: int, folded: str
) -> dict[str, Any] | None:
    """The newest live version of the project's model line whose name folds to ``folded``
    (models.latest_versions_query)."""
    return _one(
        connection,
        "SELECT m.id, m.name, m.version FROM models m WHERE m.is_deleted IS NOT true "
        "AND NOT EXISTS (SELECT 1 FROM models c WHERE c.parent_model_id = m.id "
        "AND c.is_deleted IS NOT true) AND m.project_id = %s AND cnc_fold(m.name) = %s LIMIT 1",
        (project_id, folded),
    )


def live_version_with_content(
    connection: psycopg.Connection, model_id: int, sha256: str
) -> dict[str, Any] | None:
    """The newest live version of ``model_id``'s line whose content has ``sha256``."""
    return _one(
        connection,
        """
        WITH RECURSIVE back(id) AS (
            SELECT CAST(%(id)s AS integer)
            UNION SELECT m.parent_model_id FROM models m JOIN back b ON m.id = b.id
            WHERE m.parent_model_id IS NOT NULL
        ), forward(id) AS (
            SELECT CAST(%(id)s AS integer)
            UNION SELECT m.id FROM models m JOIN forward f ON m.parent_model_id = f.id
        )
        SELECT id, name, version, s3_key FROM models
        WHERE id IN (SELECT id FROM back UNION SELECT id FROM forward)
          AND is_deleted IS NOT true AND sha256_hash = %(sha256)s
        ORDER BY version DESC LIMIT 1
        """,
        {"id": model_id, "sha256": sha256},
    )


def lock_version(connection: psycopg.Connection, model_id: int) -> dict[str, Any]:
    """Lock the line's newest row for the next version (a concurrent upload waits)."""
    return _one(
        connection, "SELECT id, name, version FROM models WHERE id = %s FOR UPDATE", (model_id,)
    )


def next_version_taken(connection: psycopg.Connection, model_id: int) -> int | None:
    found = _one(
        connection, "SELECT version FROM models WHERE parent_model_id = %s LIMIT 1", (model_id,)
    )
    return None if found is None else found["version"]


def insert(connection: psycopg.Connection, table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Insert one row; the whole row as stored (defaults included)."""
    query = sql.SQL("INSERT INTO {} ({}) VALUES ({}) RETURNING *").format(
        sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, values)),
        sql.SQL(", ").join(sql.Placeholder() * len(values)),
    )
    params = [Jsonb(value) if isinstance(value, dict) else value for value in values.values()]
    return _one(connection, query, params)


def json_text(value) -> str | None:
    """A jsonb parameter as every path sends it (the audit chain hashes what arrives: the
    ORM path, :mod:`.security` and :mod:`.queue`, and this one must encode alike)."""
    return None if value is None else json.dumps(value, default=str, ensure_ascii=False)


def audit_append(
    connection: psycopg.Connection,
    action: str,
    entity_type: str,
    entity_id: int | None,
    entity_data: dict[str, Any] | None,
    actor_user_id: int | None,
    user_agent: str | None,
) -> int:
    """:func:`cncworkbench.db.security.audit_append`, the same call."""
    return _one(
        connection,
        "SELECT cnc_audit_append(%s, %s, %s, CAST(%s AS jsonb), CAST(%s AS jsonb), %s, %s) AS id",
        (action, entity_type, entity_id, json_text(entity_data), None, actor_user_id, user_agent),
    )["id"]


def submit_job(
    connection: psycopg.Connection,
    job_type: str,
    params: dict[str, Any],
    priority: int,
    idempotency_key: str,
    timeout_seconds: int,
    max_retries: int,
    actor_user_id: int | None,
) -> int:
    """:func:`cncworkbench.db.queue.submit`, the same call."""
    return _one(
        connection,
        "SELECT cnc_submit_job(%s, CAST(%s AS jsonb), %s, %s, %s, %s, CAST(%s AS timestamp), %s) "
        "AS id",
        (job_type, json_text(params), priority, idempotency_key, timeout_seconds, max_retries, None,
         actor_user_id),
    )["id"]  # fmt: skip
