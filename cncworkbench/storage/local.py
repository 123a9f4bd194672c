"""The embedded default: objects as files under the data folder, keyed like S3.

A write goes to a hidden ``.part`` file next to its final place and is renamed into place
only when complete and synced; readers never see half a file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cncworkbench.core.i18n import translate
from cncworkbench.errors import ConfigurationError, ValidationError
from cncworkbench.storage.objects import (
    CHUNK,
    HashingReader,
    Progress,
    StoredObject,
    check_key,
    replace_atomically,
    temporary_sibling,
    verify_download,
)


class LocalStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def describe(self) -> str:
        return translate("Storage", "local folder {folder}").format(folder=self.root)

    def check(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.root, prefix=".probe-"):
                pass
        except OSError as exc:
            raise ConfigurationError(
                translate(
                    "Storage",
                    "The local file store {folder} is not writable ({reason}). "
                    "Set CNC_DATA_DIR to a folder you can write, or configure CNC_S3_BUCKET.",
                ).format(folder=self.root, reason=exc.strerror),
                setting="CNC_DATA_DIR",
            ) from None

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put_file(
        self,
        key: str,
        path: Path,
        content_type: str | None = None,
        progress: Progress | None = None,
        sha256: object = None,  # the copy is hashed as it is written, known or not
    ) -> StoredObject:
        target = self._path(key)
        if target.exists():
            raise ValidationError(
                translate(
                    "Storage", "An object already exists under '{key}'; keys are never reused."
                ).format(key=key)
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = temporary_sibling(target)
        total = Path(path).stat().st_size
        try:
            with Path(path).open("rb") as source, temporary.open("wb") as sink:
                reader = HashingReader(source, total, progress)
                while block := reader.read(CHUNK):
                    sink.write(block)
            replace_atomically(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
        return StoredObject(key, reader.size, reader.sha256)

    def put_bytes(self, key: str, data: bytes, content_type: str | None = None) -> StoredObject:
        with tempfile.NamedTemporaryFile(delete=False) as handle:
            handle.write(data)
        try:
            return self.put_file(key, Path(handle.name), content_type)
        finally:
            os.unlink(handle.name)

    def put_retained_bytes(self, key: str, data: bytes, retain_until: dt.datetime) -> bool:
        """A small object kept read-only (a folder cannot lock it as S3 Object Lock does:
        False)."""
        self.put_bytes(key, data, "application/json")
        self._path(key).chmod(0o444)
        return False

    def get_file(
        self,
        key: str,
        destination: Path,
        expected_sha256: str,
        expected_size: int | None = None,
        progress: Progress | None = None,
    ) -> Path:
        source = self._path(key)
        if not source.is_file():
            raise self._missing(key)
        destination = Path(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary = temporary_sibling(destination)
        total = source.stat().st_size
        try:
            with source.open("rb") as reader, temporary.open("wb") as writer:
                done = 0
                while block := reader.read(CHUNK):
                    writer.write(block)
                    done += len(block)
                    if progress:
                        progress(done, total)
            verify_download(temporary, key, expected_sha256, expected_size)
            replace_atomically(temporary, destination)
        finally:
            temporary.unlink(missing_ok=True)
        return destination

    def get_bytes(self, key: str, expected_sha256: str | None = None) -> bytes:
        source = self._path(key)
        if not source.is_file():
            raise self._missing(key)
        data = source.read_bytes()
        if expected_sha256 is not None and hashlib.sha256(data).hexdigest() != expected_sha256:
            raise ValidationError(
                translate(
                    "Storage", "The stored file '{key}' is corrupted (SHA-256 differs)."
                ).format(key=key)
            )
        return data

    def _missing(self, key: str) -> ValidationError:
        return ValidationError(
            translate("Storage", "The stored file '{key}' is missing from {store}.").format(
                key=key, store=self.root
            )
        )

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)
        parent = self._path(key).parent
        while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def iter_objects(self, prefix: str = "") -> Iterator[tuple[str, int, dt.datetime]]:
        if not self.root.is_dir():
            return
        for directory, _subdirs, files in os.walk(self.root):
            for name in files:
                if name.startswith("."):  # .part files in flight, .probe files
                    continue
                path = Path(directory) / name
                key = path.relative_to(self.root).as_posix()
                if key.startswith(prefix):
                    stat = path.stat()
                    yield key, stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC)

    def abort_incomplete_uploads(
        self, started_before: dt.datetime, dry_run: bool = False
    ) -> tuple[int, int]:
        """Remove the hidden ``.part`` files of writes a crashed process never finished."""
        count = size = 0
        if not self.root.is_dir():
            return count, size
        for directory, _subdirs, files in os.walk(self.root):
            for name in files:
                if not (name.startswith(".") and name.endswith(".part")):
                    continue
                path = Path(directory) / name
                stat = path.stat()
                if dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC) >= started_before:
                    continue
                count, size = count + 1, size + stat.st_size
                if not dry_run:
                    path.unlink(missing_ok=True)
        return count, size

    def remove_tree(self) -> None:  # tests
        shutil.rmtree(self.root, ignore_errors=True)
