"""The audit trail's hash chain, computed independently of the database.

``chain_hash = SHA-256(prev_chain_hash || canonical_json(record))`` (hex digests, ``||``
is string concatenation, UTF-8), starting from :data:`GENESIS`.

canonical_json(record) is one JSON object with the keys ``action, changes, created_at,
entity_data, entity_id, entity_type, id, ip_address, session_id, user_agent, user_id``
in that (sorted) order, no whitespace between members, strings JSON-escaped with
non-ASCII characters kept as UTF-8, integers as digits, ``null`` for missing values,
``created_at`` as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (UTC), ``ip_address`` as the address
text without prefix length, and ``entity_data``/``changes`` in PostgreSQL's jsonb text
form (that is how the database stores them, so it is the form that cannot drift). The
database computes the same text in ``cnc_audit_canonical``; a test compares the two.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64
RECORD_KEYS = (
    "action",
    "changes",
    "created_at",
    "entity_data",
    "entity_id",
    "entity_type",
    "id",
    "ip_address",
    "session_id",
    "user_agent",
    "user_id",
)


@dataclass(frozen=True)
class AuditRecord:
    """One audit row as the chain sees it (jsonb columns as their database text)."""

    id: int
    user_id: int | None
    action: str
    entity_type: str
    entity_id: int | None
    entity_data_json: str | None
    changes_json: str | None
    ip_address: str | None
    user_agent: str | None
    session_id: int | None
    created_at: dt.datetime
    prev_chain_hash: str
    chain_hash: str


def _string(value: str | None) -> str:
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def _integer(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def format_timestamp(value: dt.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(record: AuditRecord) -> str:
    members = {
        "action": _string(record.action),
        "changes": record.changes_json if record.changes_json is not None else "null",
        "created_at": '"' + format_timestamp(record.created_at) + '"',
        "entity_data": record.entity_data_json if record.entity_data_json is not None else "null",
        "entity_id": _integer(record.entity_id),
        "entity_type": _string(record.entity_type),
        "id": _integer(record.id),
        "ip_address": _string(record.ip_address),
        "session_id": _integer(record.session_id),
        "user_agent": _string(record.user_agent),
        "user_id": _integer(record.user_id),
    }
    return "{" + ",".join(f'"{key}":{members[key]}' for key in RECORD_KEYS) + "}"


def chain_hash(prev_chain_hash: str, canonical: str) -> str:
    return hashlib.sha256((prev_chain_hash + canonical).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str | None = None


def verify_chain(records: Iterable[AuditRecord], head_hash: str | None = None) -> VerifyResult:
    """Walk records in id order; the first one that does not verify is reported.

    A changed row fails its own hash; a deleted row breaks the next row's link; a row
    inserted out of order breaks a link or its hash. ``head_hash`` (the chain head kept by
    the database) also catches the deletion of the newest rows.
    """
    previous = GENESIS
    checked = 0
    last_id = None
    for record in records:
        if record.prev_chain_hash != previous:
            return VerifyResult(
                False,
                checked,
                record.id,
                "its prev_chain_hash does not match the entry before it "
                "(an entry was removed or inserted here)",
            )
        expected = chain_hash(previous, canonical_json(record))
        if record.chain_hash != expected:
            return VerifyResult(
                False, checked, record.id, "its content does not match its chain_hash (altered)"
            )
        previous = record.chain_hash
        last_id = record.id
        checked += 1
    if head_hash is not None and head_hash != previous:
        return VerifyResult(
            False,
            checked,
            last_id,
            "the chain ends before the recorded head (the newest entries were removed)",
        )
    return VerifyResult(True, checked)
