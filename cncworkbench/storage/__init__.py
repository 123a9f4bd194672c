"""Object store for files (models, G-code, reports, thumbnails): S3 or a local folder.

Both stores use the same key layout, so a shop can move from the embedded local store to
S3 by copying the folder into a bucket.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from cncworkbench.config import Settings


class ObjectStore(Protocol):
    def describe(self) -> str:
        """Where the files go, for people (no secrets)."""

    def check(self) -> None:
        """Raise ConfigurationError with one clear sentence when the store is unusable."""


def open_store(settings: Settings) -> ObjectStore:
    if settings.uses_s3:
        from cncworkbench.storage.s3 import S3Store

        return S3Store(settings.s3_bucket, settings.s3_endpoint_url, settings.s3_region)
    from cncworkbench.storage.local import LocalStore

    return LocalStore(Path(settings.data_dir) / "objects")
