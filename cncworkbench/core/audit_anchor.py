"""Anchors of the audit chain, kept outside the database and signed with a key it never holds.

The chain in ``audit_logs`` proves that rows were not changed one by one, but whoever owns
the database can rewrite an entry and recompute every later hash and the head. An anchor
is a JSON document, written to the object store, listing ``(id, chain_hash prefix)`` of every
entry appended since the previous anchor, the head, the number of entries, and the SHA-256
of the previous anchor (so a removed anchor is noticed), signed with HMAC-SHA-256 under a
key from the environment or the OS keyring. Verification walks the database's entries and
the anchors' entries side by side: the first anchored entry whose hash differs was rewritten,
the first one missing was removed (a truncated chain), an unknown one between anchored ids
was inserted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

ANCHOR_VERSION = 1
# 64 bits of each chain hash: enough to notice a rewrite (a forger would need a SHA-256
# second preimage on them), a quarter of the size.
HASH_PREFIX = 16


class AnchorInvalid(ValueError):
    """An anchor document that is malformed or not signed with the audit key."""


@dataclass(frozen=True)
class Anchor:
    database: str
    created_at: str
    first_id: int | None
    last_id: int | None
    head_hash: str
    count: int
    previous_sha256: str | None
    entries: tuple[tuple[int, str], ...]


def _body(anchor: Anchor) -> bytes:
    document = {
        "version": ANCHOR_VERSION,
        "database": anchor.database,
        "created_at": anchor.created_at,
        "first_id": anchor.first_id,
        "last_id": anchor.last_id,
        "head_hash": anchor.head_hash,
        "count": anchor.count,
        "previous_sha256": anchor.previous_sha256,
        "entries": [list(entry) for entry in anchor.entries],
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode()


def sign(anchor: Anchor, key: bytes) -> bytes:
    """The anchor as stored: its canonical JSON body and the HMAC of that body."""
    body = _body(anchor)
    mac = hmac.new(key, body, hashlib.sha256).hexdigest()
    return json.dumps({"anchor": json.loads(body), "hmac_sha256": mac}, sort_keys=True).encode()


def open_signed(data: bytes, key: bytes) -> Anchor:
    """The anchor in ``data`` if it is well formed and signed with ``key``."""
    try:
        outer = json.loads(data)
        inner = outer["anchor"]
        anchor = Anchor(
            database=str(inner["database"]),
            created_at=str(inner["created_at"]),
            first_id=inner["first_id"],
            last_id=inner["last_id"],
            head_hash=str(inner["head_hash"]),
            count=int(inner["count"]),
            previous_sha256=inner["previous_sha256"],
            entries=tuple((int(i), str(h)) for i, h in inner["entries"]),
        )
        claimed = str(outer["hmac_sha256"])
    except (ValueError, KeyError, TypeError) as exc:
        raise AnchorInvalid(f"not an audit anchor ({exc})") from None
    expected = hmac.new(key, _body(anchor), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(claimed, expected):
        raise AnchorInvalid("its signature does not match the audit key")
    return anchor


def entry_hash(chain_hash: str) -> str:
    return chain_hash[:HASH_PREFIX]


@dataclass(frozen=True)
class AnchorMismatch:
    entry_id: int
    kind: str  # "rewritten" | "removed" | "inserted"
    anchor_created_at: str


def compare(
    stored: Iterable[tuple[int, str]], anchored: Iterable[tuple[int, str, str]]
) -> AnchorMismatch | None:
    """First difference between the database's ``(id, chain_hash)`` in id order and the
    anchors' ``(id, hash prefix, anchor time)`` in id order; entries newer than the last
    anchored one are not compared (no anchor knows them yet)."""
    rows: Iterator[tuple[int, str]] = iter(stored)
    current = next(rows, None)
    for anchored_id, anchored_hash, when in anchored:
        if current is not None and current[0] < anchored_id:
            return AnchorMismatch(current[0], "inserted", when)
        if current is None or current[0] > anchored_id:
            return AnchorMismatch(anchored_id, "removed", when)
        if entry_hash(current[1]) != anchored_hash:
            return AnchorMismatch(anchored_id, "rewritten", when)
        current = next(rows, None)
    return None
