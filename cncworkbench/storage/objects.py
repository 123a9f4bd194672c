"""What every object store is and does (:class:`ObjectStore`), and the helpers both stores use.

Both stores use the same key layout (``models/<uuid>/<name>``, ``thumbnails/<uuid>.png``,
``artefacts/...``), so a shop can move from the embedded local store to S3 by copying the
folder into a bucket. Writes are atomic (an interrupted upload leaves no visible object),
every write is verified (size and SHA-256) and every read is checked against the SHA-256
the database holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from cncworkbench.core.i18n import translate
from cncworkbench.errors import UserError, ValidationError

Progress = Callable[[int, int], None]  # (bytes done, bytes in all); may raise to cancel
CHUNK = 1024 * 1024
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class CorruptObject(UserError):
    """Stored content does not match the hash recorded for it."""


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    sha256: str


def file_sha256(path: Path, progress: Progress | None = None) -> tuple[str, int]:
    digest, size, total = hashlib.sha256(), 0, Path(path).stat().st_size
    with Path(path).open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
            size += len(block)
            if progress:
                progress(size, total)
    return digest.hexdigest(), size


class HashingReader:
    """A read-only, forward-only file wrapper that hashes what passes through it.

    Deliberately not seekable, so that the S3 transfer manager reads it in order."""

    def __init__(self, handle: BinaryIO, total: int, progress: Progress | None = None):
        self._handle = handle
        self._total = total
        self._progress = progress
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, amount: int = -1) -> bytes:
        block = self._handle.read(amount)
        self.digest.update(block)
        self.size += len(block)
        if self._progress and block:
            self._progress(self.size, self._total)
        return block

    @property
    def sha256(self) -> str:
        return self.digest.hexdigest()


def safe_name(name: str) -> str:
    """A file name usable in a key: ASCII letters, digits, dot, dash, underscore."""
    cleaned = _SAFE.sub("_", name).strip("._") or "file"
    return cleaned[-120:]


def new_key(kind: str, name: str) -> str:
    """A key no object has had: ``<kind>/<uuid4>/<name>`` (keys are never reused)."""
    return f"{kind}/{uuid.uuid4()}/{safe_name(name)}"


_DIGEST_IN_KEY = re.compile(r"\.([0-9a-f]{64})\.[A-Za-z0-9]+$")


def digest_key(kind: str, name: str, data: bytes) -> str:
    """A new key that carries the SHA-256 of ``data`` (``<kind>/<uuid>/<stem>.<sha256>.<ext>``):
    small objects whose row has no hash column of its own (thumbnails, invoice PDFs) are
    checked against it on every read, see :func:`recorded_sha256`."""
    stem, _dot, suffix = name.rpartition(".")
    sha256 = hashlib.sha256(data).hexdigest()
    return new_key(kind, f"{stem or 'file'}.{sha256}.{suffix or 'bin'}")


def recorded_sha256(key: str | None) -> str | None:
    """The SHA-256 a :func:`digest_key` key records; None for keys without one (older)."""
    match = _DIGEST_IN_KEY.search(key or "")
    return match.group(1) if match else None


def check_key(key: str) -> str:
    parts = key.split("/")
    if not key or key.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise ValidationError(
            translate("Storage", "'{key}' is not a valid object key.").format(key=key)
        )
    return key


def verify_download(path: Path, key: str, expected_sha256: str, expected_size: int | None) -> None:
    actual, size = file_sha256(path)
    if actual != expected_sha256 or (expected_size is not None and size != expected_size):
        values = {"key": key, "actual": actual[:12], "size": size,
                  "expected": expected_sha256[:12], "expected_size": expected_size}  # fmt: skip
        message = (
            translate(
                "Storage",
                "The stored file '{key}' is corrupted: its SHA-256 is {actual}… ({size} bytes) "
                "but {expected}… was recorded ({expected_size} bytes). Nothing was written; "
                "ask an administrator to restore it.",
            )
            if expected_size is not None
            else translate(
                "Storage",
                "The stored file '{key}' is corrupted: its SHA-256 is {actual}… ({size} bytes) "
                "but {expected}… was recorded. Nothing was written; ask an administrator to "
                "restore it.",
            )
        )
        raise CorruptObject(message.format(**values))


def temporary_sibling(destination: Path) -> Path:
    return destination.with_name(f".{destination.name}.{uuid.uuid4().hex[:8]}.part")


def replace_atomically(temporary: Path, destination: Path) -> None:
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, destination)


class ObjectStore(Protocol):
    def describe(self) -> str:
        """Where the files go, for people (no secrets)."""

    def check(self) -> None:
        """Raise ConfigurationError with one clear sentence when the store is unusable."""

    def put_file(
        self,
        key: str,
        path: Path,
        content_type: str | None = None,
        progress: Progress | None = None,
        sha256: str | Future | None = None,
    ) -> StoredObject:
        """Store ``path`` under the new ``key``; visible only once complete and verified.
        ``sha256``: the caller hashed the file already (or is hashing it beside the transfer:
        a future of (SHA-256, size)) and checks afterwards that it did not change meanwhile
        (size and modification time): a store may skip hashing it again."""

    def put_bytes(self, key: str, data: bytes, content_type: str | None = None) -> StoredObject:
        """Store a small object."""

    def get_file(
        self,
        key: str,
        destination: Path,
        expected_sha256: str,
        expected_size: int | None = None,
        progress: Progress | None = None,
    ) -> Path:
        """Download to ``destination``; nothing is left there unless the hash matches."""

    def get_bytes(self, key: str, expected_sha256: str | None = None) -> bytes:
        """A small object's content, checked when a hash is given."""

    def delete(self, key: str) -> None:
        """Remove the object (no error when it is gone already)."""

    def exists(self, key: str) -> bool:
        """Whether an object is stored under ``key``."""

    def iter_objects(self, prefix: str = "") -> Iterator[tuple[str, int, dt.datetime]]:
        """(key, size, last modified UTC) of every object under ``prefix``."""

    def abort_incomplete_uploads(
        self, started_before: dt.datetime, dry_run: bool = False
    ) -> tuple[int, int]:
        """Abort uploads begun before ``started_before`` and never finished: (count, bytes)."""
