"""Security events (failed logins, lockouts, token reuse) for administrators to resolve."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core.i18n import translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.models import SecurityEvent, user_directory
from cncworkbench.errors import ValidationError
from cncworkbench.services.access import audit
from cncworkbench.services.access.audit import Actor

MAX_NOTE = 2000


@dataclass(frozen=True)
class EventRow:
    id: int
    created_at: dt.datetime
    event_type: str
    severity: str
    user_email: str | None
    ip_address: str | None
    details: dict[str, Any]
    resolved: bool
    notes: str | None


def list_events(
    session: Session, actor: Actor, include_resolved: bool = True, limit: int = 500
) -> list[EventRow]:
    """Unresolved first, newest first within each group."""
    require(actor.role, Permission.SECURITY_MANAGE)
    query = (
        sa.select(SecurityEvent, user_directory.c.email)
        .outerjoin(user_directory, user_directory.c.id == SecurityEvent.user_id)
        .order_by(SecurityEvent.resolved.is_(True), SecurityEvent.created_at.desc())
        .limit(limit)
    )
    if not include_resolved:
        query = query.where(SecurityEvent.resolved.is_not(True))
    return [
        EventRow(
            e.id,
            e.created_at,
            e.event_type,
            e.severity,
            email,
            str(e.ip_address) if e.ip_address else None,
            e.details or {},
            bool(e.resolved),
            e.notes,
        )
        for e, email in session.execute(query)
    ]


def resolve(session: Session, actor: Actor, event_id: int, note: str) -> SecurityEvent:
    require(actor.role, Permission.SECURITY_MANAGE)
    note = note.strip()
    if not note:
        raise ValidationError(
            translate("SecurityEvents", "Write a note saying how the event was resolved.")
        )
    if len(note) > MAX_NOTE:
        raise ValidationError(
            translate("SecurityEvents", "The note is longer than {limit} characters.").format(
                limit=MAX_NOTE
            )
        )
    event = session.get(SecurityEvent, event_id)
    if event is None:
        raise ValidationError(
            translate("SecurityEvents", "There is no security event {id}.").format(id=event_id)
        )
    if event.resolved:
        raise ValidationError(
            translate("SecurityEvents", "Security event {id} is already resolved.").format(
                id=event_id
            )
        )
    event.resolved = True
    event.resolved_at = dt.datetime.now(dt.UTC)
    event.resolved_by = actor.user_id
    event.notes = note
    session.flush()
    audit.record(
        session, actor, "security_event.resolve", "security_events", event.id,
        {"event_type": event.event_type}, {"resolved": [False, True], "notes": [None, note]},
    )  # fmt: skip
    return event
