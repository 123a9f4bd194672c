"""The audit chain anchored outside the database (see :mod:`cncworkbench.core.audit_anchor`).

Anchors go to the object store under ``audit-anchors/<database>/``: in S3 with Object Lock
(compliance mode) where the bucket has it enabled, else as plain objects (the local folder
store makes them read-only files). The HMAC key comes from ``CNC_AUDIT_KEY`` or the OS
keyring entry ``audit-anchor-key``; the database never sees it, and it is never printed.
``cncworkbench audit anchor`` (run it from cron or a systemd timer) and every successful
``audit verify`` write a new anchor when entries were appended since the last one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from cncworkbench.config import SecretStore
from cncworkbench.core import audit_anchor
from cncworkbench.core.audit_anchor import Anchor, AnchorInvalid
from cncworkbench.core.audit_chain import GENESIS, VerifyResult
from cncworkbench.core.i18n import translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.engine import Database
from cncworkbench.errors import ConfigurationError, UserError
from cncworkbench.services.access import audit
from cncworkbench.storage import ObjectStore, safe_name

KEY_ENVIRONMENT = "CNC_AUDIT_KEY"
KEYRING_NAME = "audit-anchor-key"
MIN_KEY_LENGTH = 32
PREFIX = "audit-anchors"
ENTRIES_PER_ANCHOR = 100_000  # bounds the memory of writing and of reading one anchor
RETENTION_DAYS = int(os.environ.get("CNC_AUDIT_ANCHOR_RETENTION_DAYS", "3650"))


class AnchorProblem(UserError):
    """The anchors themselves do not hold together (forged, removed, unreadable)."""


def audit_key(environ: dict[str, str] | None = None, secrets: SecretStore | None = None):
    """The anchor key as bytes, or None when none is configured."""
    environ = os.environ if environ is None else environ
    value = environ.get(KEY_ENVIRONMENT) or (secrets or SecretStore()).get(KEYRING_NAME)
    if not value:
        return None
    if len(value) < MIN_KEY_LENGTH:
        raise ConfigurationError(
            translate(
                "Audit",
                "The audit anchor key ({variable} or the keyring entry {entry}) is too short: "
                "use at least {length} random characters (e.g. `openssl rand -hex 32`).",
            ).format(variable=KEY_ENVIRONMENT, entry=KEYRING_NAME, length=MIN_KEY_LENGTH),
            setting=KEY_ENVIRONMENT,
        )
    return value.encode("utf-8")


def _prefix(connection) -> str:
    name = connection.execute(sa.text("SELECT current_database()")).scalar_one()
    return f"{PREFIX}/{safe_name(name)}/"


@dataclass(frozen=True)
class StoredAnchor:
    key: str
    anchor: Anchor
    sha256: str


def _anchor_keys(store: ObjectStore, prefix: str) -> list[str]:
    return sorted(key for key, _size, _modified in store.iter_objects(prefix))


def _read_anchors(store: ObjectStore, prefix: str, key: bytes) -> Iterator[StoredAnchor]:
    """Every anchor, oldest first, each checked for its signature and its link."""
    previous: str | None = None
    for name in _anchor_keys(store, prefix):
        data = store.get_bytes(name)
        try:
            anchor = audit_anchor.open_signed(data, key)
        except AnchorInvalid as exc:
            raise AnchorProblem(
                translate("Audit", "The audit anchor {key} is not valid: {reason}.").format(
                    key=name, reason=exc
                )
            ) from None
        if anchor.previous_sha256 != previous:
            raise AnchorProblem(
                translate(
                    "Audit",
                    "The audit anchor {key} does not follow the one before it: an anchor was "
                    "removed or replaced.",
                ).format(key=name)
            )
        previous = hashlib.sha256(data).hexdigest()
        yield StoredAnchor(name, anchor, previous)


def _put_retained(store: ObjectStore, name: str, data: bytes) -> bool:
    """Store an anchor; True when the store keeps it immutable (S3 Object Lock)."""
    retain_until = dt.datetime.now(dt.UTC) + dt.timedelta(days=RETENTION_DAYS)
    put = getattr(store, "put_retained_bytes", None)
    if put is not None:
        return put(name, data, retain_until)
    store.put_bytes(name, data, "application/json")
    return False


@dataclass(frozen=True)
class AnchorWritten:
    keys: list[str]
    last_id: int | None
    locked: bool


# One advisory lock key for "an anchor is being written" (the same everywhere): two writers
# at once would both link to the same previous anchor and break the anchors' own chain.
ANCHOR_LOCK_KEY = 7_203_442_002


def write_anchor(
    database: Database, store: ObjectStore, key: bytes, wait: bool = True
) -> AnchorWritten | None:
    """Anchor every entry appended since the last anchor (nothing when there are none).

    Reads only ids and chain hashes, through functions the database owner and the workers
    may call (workers cannot read ``audit_logs``). One writer at a time: without ``wait``,
    None when another is writing (a worker's periodic round leaves it to that one)."""
    with database.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            if wait:
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": ANCHOR_LOCK_KEY}
                )
            elif not connection.execute(
                sa.text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": ANCHOR_LOCK_KEY}
            ).scalar_one():
                return None
            prefix = _prefix(connection)
            last: StoredAnchor | None = None
            for last in _read_anchors(store, prefix, key):  # noqa: B007 - the newest one
                pass
            after = (last.anchor.last_id if last else None) or 0
            count = connection.execute(sa.text("SELECT cnc_audit_anchor_count()")).scalar_one()
            rows = connection.execution_options(stream_results=True, yield_per=10000).execute(
                sa.text("SELECT id, chain_hash FROM cnc_audit_anchor_entries(:after)"),
                {"after": after},
            )
            written: list[str] = []
            locked = False
            previous = last.sha256 if last else None
            head = last.anchor.last_id if last else None
            batch: list[tuple[int, str]] = []
            head_hash = last.anchor.head_hash if last else GENESIS

            def flush() -> None:
                nonlocal previous, locked, head
                now = dt.datetime.now(dt.UTC)
                anchor = Anchor(
                    database=prefix.split("/")[1],
                    created_at=now.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    first_id=batch[0][0] if batch else None,
                    last_id=batch[-1][0] if batch else head,
                    head_hash=head_hash,
                    count=count,
                    previous_sha256=previous,
                    entries=tuple(batch),
                )
                data = audit_anchor.sign(anchor, key)
                name = f"{prefix}{anchor.last_id or 0:012d}-{now:%Y%m%dT%H%M%S%fZ}.json"
                locked = _put_retained(store, name, data)
                written.append(name)
                previous = hashlib.sha256(data).hexdigest()
                head = anchor.last_id

            for row in rows:
                batch.append((row.id, audit_anchor.entry_hash(row.chain_hash)))
                head_hash = row.chain_hash
                if len(batch) >= ENTRIES_PER_ANCHOR:
                    flush()
                    batch = []
            if batch or last is None:
                flush()
    return AnchorWritten(written, head, locked)


@dataclass(frozen=True)
class AnchoredVerify:
    result: VerifyResult
    anchored_up_to: int | None  # newest entry an anchor vouches for; None: no anchor yet
    anchors: int


def verify(database: Database, store: ObjectStore, key: bytes) -> AnchoredVerify:
    """The chain on its own (:func:`audit.verify`), then against every anchor."""
    chain = audit.verify(database)
    if not chain.ok:
        return AnchoredVerify(chain, None, 0)
    with database.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            prefix = _prefix(connection)
            seen = {"anchors": 0, "last": None}

            def anchored() -> Iterator[tuple[int, str, str]]:
                for stored in _read_anchors(store, prefix, key):
                    seen["anchors"] += 1
                    seen["last"] = stored.anchor.last_id
                    for entry_id, entry_hash in stored.anchor.entries:
                        yield entry_id, entry_hash, stored.anchor.created_at

            rows = connection.execution_options(stream_results=True, yield_per=10000).execute(
                sa.text("SELECT id, chain_hash FROM audit_logs ORDER BY id")
            )
            mismatch = audit_anchor.compare(((r.id, r.chain_hash) for r in rows), anchored())
            if mismatch is not None:
                checked = connection.execute(
                    sa.text("SELECT count(*) FROM audit_logs WHERE id < :id"),
                    {"id": mismatch.entry_id},
                ).scalar_one()
    if mismatch is None:
        return AnchoredVerify(chain, seen["last"], seen["anchors"])
    reasons = {
        "rewritten": translate(
            "Audit",
            "its chain_hash differs from the one anchored outside the database on {when} "
            "(the chain was rewritten from here on)",
        ),
        "removed": translate(
            "Audit",
            "it was anchored outside the database on {when} but is missing now (the chain was "
            "truncated or the entry removed)",
        ),
        "inserted": translate(
            "Audit",
            "it lies among entries anchored outside the database on {when} but was not one of "
            "them (inserted afterwards)",
        ),
    }
    reason = reasons[mismatch.kind].format(when=mismatch.anchor_created_at)
    return AnchoredVerify(
        VerifyResult(False, checked, mismatch.entry_id, reason), seen["last"], seen["anchors"]
    )


def verify_and_anchor(
    database: Database, store: ObjectStore, actor: audit.Actor | None = None
) -> tuple[VerifyResult, list[str]]:
    """What ``audit verify`` does: the chain, then the anchors, then a new anchor; with the
    lines to show about the anchoring."""
    key = audit_key()
    if key is None:
        result = audit.verify(database, actor)
        return result, [
            translate(
                "Audit",
                "Not anchored outside the database: set {variable} (or the keyring entry {entry}) "
                "to a secret the database does not hold, so that a rewritten chain is noticed.",
            ).format(variable=KEY_ENVIRONMENT, entry=KEYRING_NAME)
        ]
    if actor is not None:
        require(actor.role, Permission.AUDIT_READ)
    checked = verify(database, store, key)
    if not checked.result.ok:
        return checked.result, []
    written = write_anchor(database, store, key)
    lines = []
    if checked.anchored_up_to is not None:
        lines.append(
            translate(
                "Audit", "matches the {count} anchors kept outside the database (up to entry {id})"
            ).format(count=checked.anchors, id=checked.anchored_up_to)
        )
    if written.keys:
        lock = (
            translate("Audit", "locked by S3 Object Lock")
            if written.locked
            else translate("Audit", "not locked: the store has no Object Lock")
        )
        lines.append(
            translate("Audit", "new anchor up to entry {id}: {key} ({lock})").format(
                id=written.last_id, key=written.keys[-1], lock=lock
            )
        )
    return checked.result, lines
