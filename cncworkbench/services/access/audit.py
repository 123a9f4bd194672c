"""The audit trail: every state change done through the services is recorded here.

Appending happens in the database (``cnc_audit_append``), which takes the actor from the
connection's logged-in session; the owner's CLI and the workers name the user they act
for, and say in the user agent that they did. Verification recomputes the chain in
Python (:mod:`cncworkbench.core.audit_chain`) from the stored rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core.audit_chain import AuditRecord, VerifyResult, verify_chain
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db import security
from cncworkbench.db.engine import Database
from cncworkbench.db.models import AuditLog, user_directory
from cncworkbench.services.access.actor import Actor, snapshot_value


def snapshot(row, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The loaded column values of an ORM row (deferred secrets never included)."""
    state = sa.inspect(row)
    values = {}
    for attribute in state.mapper.column_attrs:
        if attribute.key in exclude or attribute.key in state.unloaded:
            continue
        values[attribute.columns[0].name] = snapshot_value(getattr(row, attribute.key))
    return values


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list]:
    """Field-level changes as {field: [old, new]}."""
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key) and key not in ("updated_at",)
    }


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: int | None,
    entity_data: dict[str, Any] | None = None,
    changes: dict[str, Any] | None = None,
) -> int:
    session.flush()
    return security.audit_append(
        session,
        action,
        entity_type,
        entity_id,
        entity_data,
        changes,
        actor_user_id=actor.user_id,
        user_agent=actor.user_agent,
    )


_VERIFY_QUERY = sa.text(
    "SELECT id, user_id, action, entity_type, entity_id, entity_data::text AS entity_data, "
    "changes::text AS changes, host(ip_address) AS ip_address, user_agent, session_id, "
    "created_at, prev_chain_hash, chain_hash FROM audit_logs ORDER BY id"
)


def _records(connection, batch: int = 20000) -> Iterator[AuditRecord]:
    result = connection.execution_options(stream_results=True, yield_per=batch).execute(
        _VERIFY_QUERY
    )
    for row in result:
        yield AuditRecord(
            id=row.id,
            user_id=row.user_id,
            action=row.action,
            entity_type=row.entity_type,
            entity_id=row.entity_id,
            entity_data_json=row.entity_data,
            changes_json=row.changes,
            ip_address=row.ip_address,
            user_agent=row.user_agent,
            session_id=row.session_id,
            created_at=row.created_at,
            prev_chain_hash=row.prev_chain_hash,
            chain_hash=row.chain_hash,
        )


def verify(
    database: Database, actor: Actor | None = None, progress: Callable[[int], None] | None = None
) -> VerifyResult:
    """Walk the whole chain in one repeatable-read snapshot."""
    if actor is not None:
        require(actor.role, Permission.AUDIT_READ)
    with database.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            head = connection.execute(sa.text("SELECT last_hash FROM audit_chain_head")).scalar()
            records = _records(connection)
            if progress is not None:
                records = _counting(records, progress)
            return verify_chain(records, head_hash=head)


def _counting(records: Iterator[AuditRecord], progress: Callable[[int], None], every: int = 50000):
    for count, item in enumerate(records, start=1):
        if count % every == 0:
            progress(count)
        yield item


def contains_pattern(text: str) -> str:
    """An ILIKE pattern matching ``text`` literally anywhere (% and _ escaped)."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class AuditRow:
    id: int
    created_at: dt.datetime
    user_email: str | None
    action: str
    entity_type: str
    entity_id: int | None
    changes: dict[str, Any] | None
    user_agent: str | None


def search(
    session: Session,
    actor: Actor,
    text: str | None = None,
    entity_type: str | None = None,
    limit: int = 200,
) -> list[AuditRow]:
    """Newest entries first; ``text`` matches the action, the user or the snapshot."""
    require(actor.role, Permission.AUDIT_READ)
    query = (
        sa.select(AuditLog, user_directory.c.email)
        .outerjoin(user_directory, user_directory.c.id == AuditLog.user_id)
        .order_by(AuditLog.id.desc())
        .limit(limit)
    )
    if entity_type:
        query = query.where(AuditLog.entity_type == entity_type)
    if text and text.strip():
        pattern = contains_pattern(text)
        query = query.where(
            sa.or_(
                AuditLog.action.ilike(pattern),
                user_directory.c.email.ilike(pattern),
                sa.cast(AuditLog.entity_data, sa.Text).ilike(pattern),
            )
        )
    return [
        AuditRow(
            row.id,
            row.created_at,
            email,
            row.action,
            row.entity_type,
            row.entity_id,
            row.changes,
            row.user_agent,
        )
        for row, email in session.execute(query)
    ]
