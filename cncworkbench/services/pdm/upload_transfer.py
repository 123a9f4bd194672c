"""A model file's transfer to the store, started before the database is asked anything.

``model upload`` of a 100 MB STL spent most of its extra time (beyond the store's own)
before the first byte moved: importing the database layer, checking the login and the
schema, finding the project and hashing the file. Now the transfer starts as soon as the
file passed its content check, and all of that runs while the bytes move: the command takes
about as long as the transfer itself.

The file is read a second time beside the transfer for its SHA-256 (and a small mesh's facts,
:func:`model_files.stl_properties_and_sha256`): that pass is ~10x faster than the transfer, so
identical content is recognised (and the transfer cancelled) long before the bytes would have
arrived.

Nothing is kept unless the caller says so: leaving the ``with`` block without
:meth:`Transfer.keep` (a refusal, an error, Ctrl-C) cancels the transfer and removes
whatever reached the store, so a refused upload stores nothing, as when the checks ran
first. The object is unreachable until a row points at it (``storage sweep`` removes any
whose removal could not reach the store).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import threading
from pathlib import Path
from typing import Any

from cncworkbench.core import model_files
from cncworkbench.core.i18n import translate
from cncworkbench.errors import ValidationError
from cncworkbench.storage import ObjectStore, Progress, StoredObject, file_sha256, new_key

# Up to this size a mesh is measured during the upload (in a blink); a bigger one's facts
# (triangles, bounding box, volume, area) and thumbnail come from a job after the upload,
# so the upload reads it only for its SHA-256 (numpy is not even imported).
INLINE_FACTS_BYTES = 8 * 1024 * 1024
# Its version's metadata says "thumbnail": PENDING until the job has run
# (:mod:`.model_preview`); both upload paths queue the job so. The ERD's job types are fixed
# (CHECK constraint): the picture is a cad_generate job that says what it makes.
PENDING = "pending"
THUMBNAIL_JOB_TYPE = "cad_generate"
THUMBNAIL_MAKE = "thumbnail"
THUMBNAIL_PRIORITY = -1  # background work: interactive jobs go first
THUMBNAIL_TIMEOUT_S = 600
THUMBNAIL_RETRIES = 2


def thumbnail_job_key(model_id: int) -> str:
    return f"{THUMBNAIL_JOB_TYPE}:{THUMBNAIL_MAKE}:{model_id}"


class TransferCancelled(Exception):
    """Raised in the transfer's progress callback to make the store abort it."""


class Transfer:
    """The file checked, its key chosen and its transfer and hash under way."""

    def __init__(
        self,
        store: ObjectStore,
        path: Path,
        progress: Progress | None = None,
        max_bytes: int = model_files.DEFAULT_MAX_BYTES,
    ):
        self.checked = model_files.check(Path(path), max_bytes)
        # the file must stay as it is from here to the end of the transfer (see stored())
        self._before = self.checked.path.stat()
        self.store = store
        self.key = new_key("models", Path(path).name)
        self._progress = progress
        self._cancel = threading.Event()
        self._settled = False
        self._pool = concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="cnc-upload")
        self._digest: concurrent.futures.Future = concurrent.futures.Future()
        self._facts = self._pool.submit(self._read_facts)
        self._stored = self._pool.submit(self._put)

    # -- the two threads --------------------------------------------------------------
    def _read_facts(self) -> tuple[dict[str, Any], str, int]:
        """(mesh facts or {}, SHA-256, size); also resolves the digest the store waits on."""
        try:
            if self.checked.format == "STL" and self.checked.size <= INLINE_FACTS_BYTES:
                facts = model_files.stl_properties_and_sha256(self.checked.path)
            else:  # a big mesh is measured by a job after the upload (model_preview)
                facts = ({}, *file_sha256(self.checked.path))
        except BaseException as exc:
            self._cancel.set()  # a refused file is not worth sending on
            self._digest.set_exception(exc)
            raise
        self._digest.set_result(facts[1:])
        return facts

    def _put(self) -> StoredObject:
        return self.store.put_file(
            self.key, self.checked.path, self.checked.mime_type, self._report, sha256=self._digest
        )

    def _report(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise TransferCancelled()
        if self._progress is not None:
            self._progress(done, total)

    # -- what the caller waits for ----------------------------------------------------
    def facts(self) -> tuple[dict[str, Any], str, int]:
        """(mesh facts, SHA-256, size) of the file, refused with the reason when its mesh is
        not one (no triangles, coordinates that are not numbers)."""
        return self._facts.result()

    def stored(self) -> StoredObject:
        """The object, arrived whole: the same size and SHA-256 as the file read beside it,
        and the file unchanged (size and modification time) from its check to now."""
        _facts, sha256, size = self.facts()
        stored = self._stored.result()
        after = self.checked.path.stat()
        unchanged = (after.st_size, after.st_mtime_ns) == (
            self._before.st_size,
            self._before.st_mtime_ns,
        )
        if stored.sha256 != sha256 or stored.size != size or not unchanged:
            self._remove()
            raise ValidationError(
                translate(
                    "Models", "'{file}' changed while it was being uploaded; try again."
                ).format(file=self.checked.path.name)
            )
        return stored

    def keep(self) -> None:
        """A row points at the object now: leaving the block must not remove it."""
        self._settled = True
        self._pool.shutdown(wait=True)

    def discard(self) -> None:
        """Cancel the transfer and remove whatever of it reached the store."""
        if self._settled:
            return
        self._settled = True
        self._cancel.set()
        self._pool.shutdown(wait=True)
        if self._stored.exception() is None:  # it completed before the cancel reached it
            self._remove()
        # else: the store aborted it (a multipart upload never became an object)

    def _remove(self) -> None:
        with contextlib.suppress(Exception):  # the sweeper removes what this cannot
            self.store.delete(self.key)

    def __enter__(self) -> Transfer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.discard()


def start_transfer(
    store: ObjectStore,
    path: Path,
    progress: Progress | None = None,
    max_bytes: int = model_files.DEFAULT_MAX_BYTES,
) -> Transfer:
    """Check ``path`` by its content and start sending it (see the module's docstring); use
    as a context manager, and pass it to :func:`models.upload_model`."""
    return Transfer(store, path, progress, max_bytes)
