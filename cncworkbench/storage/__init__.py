"""Object store for files (models, G-code, reports, thumbnails): S3 or a local folder.

Both stores use the same key layout (``models/<uuid>/<name>``, ``thumbnails/<uuid>.png``,
``artefacts/...``), so a shop can move from the embedded local store to S3 by copying the
folder into a bucket. The interface and shared helpers are in :mod:`.objects`; the stores in
:mod:`.s3` and :mod:`.local` import them from there (not from this package), so the package
has no import circle.
"""

from __future__ import annotations

from pathlib import Path

from cncworkbench.config import Settings
from cncworkbench.storage.objects import (
    CHUNK,
    CorruptObject,
    HashingReader,
    ObjectStore,
    Progress,
    StoredObject,
    check_key,
    digest_key,
    file_sha256,
    new_key,
    recorded_sha256,
    replace_atomically,
    safe_name,
    temporary_sibling,
    verify_download,
)

__all__ = [
    "CHUNK",
    "CorruptObject",
    "HashingReader",
    "ObjectStore",
    "Progress",
    "StoredObject",
    "check_key",
    "digest_key",
    "file_sha256",
    "new_key",
    "open_store",
    "recorded_sha256",
    "replace_atomically",
    "safe_name",
    "temporary_sibling",
    "verify_download",
]


def open_store(settings: Settings) -> ObjectStore:
    if settings.uses_s3:
        from cncworkbench.storage.s3 import S3Store

        return S3Store(settings.s3_bucket, settings.s3_endpoint_url, settings.s3_region)
    from cncworkbench.storage.local import LocalStore

    return LocalStore(Path(settings.data_dir) / "objects")
