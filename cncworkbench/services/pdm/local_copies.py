"""Which files on this computer are copies of which stored versions, and are they in
sync (as the Ondsel Lens add-on shows it)?

The registry is a small JSON file in the data folder: local path → model id and the
SHA-256 the file had when it was downloaded or uploaded. The status compares the file
as it is now with that version and with the newest version of its model.
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from cncworkbench.core.i18n import translate
from cncworkbench.errors import ValidationError
from cncworkbench.services.pdm import models
from cncworkbench.storage import file_sha256

_LOCK = threading.Lock()


_UNSAFE_IN_FILE_NAME = re.compile(r"[^\w.-]+")  # \w keeps Turkish letters
_FILE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")


def version_file_name(name: str, version: int, suffix: str) -> str:
    """A model version's file name from its free-text name: ``<name>_vN.ext``, one safe
    file name (no folder separators, no leading dots, bounded length)."""
    stem = _UNSAFE_IN_FILE_NAME.sub("_", name).strip("._-")[:100] or "model"
    suffix = suffix if _FILE_SUFFIX.fullmatch(suffix or "") else ""
    return f"{stem}_v{int(version)}{suffix}"


def working_copy_path(data_dir, name: str, version: int, suffix: str) -> Path:
    """Where Open puts the working copy of a model version: ``<data>/working/<name>_vN.ext``.

    A model's name is free text typed by any engineer, so it is made a single safe file
    name (no folder separators, no leading dots, bounded length) and the result is checked
    to lie inside the working folder: a name such as ``../../x`` or ``/tmp/x`` must not
    make another user's Open write elsewhere.
    """
    folder = (Path(data_dir) / "working").resolve()
    target = folder / version_file_name(name, version, suffix)
    if target.resolve().parent != folder:
        raise ValidationError(
            translate(
                "LocalCopies", "The model name '{name}' cannot be used as a file name."
            ).format(name=name)
        )
    return target


class SyncState(StrEnum):
    IN_SYNC = "in_sync"
    MODIFIED = "modified"  # changed here since it was downloaded or uploaded
    OUTDATED = "outdated"  # unchanged here, but the server has a newer version
    MODIFIED_AND_OUTDATED = "modified_and_outdated"
    UNTRACKED = "untracked"  # not a copy of any stored version
    MISSING = "missing"  # the local file is gone


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    path: Path
    model_id: int | None = None
    local_version: int | None = None
    newest_version: int | None = None
    newest_id: int | None = None

    @property
    def message(self) -> str:
        """The state in a sentence, in the reader's language."""
        state = self.state
        if state == SyncState.IN_SYNC:
            text = translate("LocalCopies", "In sync with version {version} (the newest).")
        elif state == SyncState.MODIFIED:
            text = translate(
                "LocalCopies", "Modified here since version {version}; upload it as a new version."
            )
        elif state == SyncState.OUTDATED:
            text = translate(
                "LocalCopies", "Version {version}; version {newest} is newer on the server."
            )
        elif state == SyncState.MODIFIED_AND_OUTDATED:
            text = translate(
                "LocalCopies",
                "Modified here since version {version}, and version {newest} is newer on the "
                "server.",
            )
        elif state == SyncState.UNTRACKED:
            text = translate("LocalCopies", "Not stored on the server yet.")
        else:
            text = translate("LocalCopies", "The local file is gone.")
        return text.format(version=self.local_version, newest=self.newest_version)


class LocalCopies:
    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / "local-copies.json"

    def _load(self) -> dict[str, dict]:
        try:
            return json.loads(self.path.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def _save(self, entries: dict[str, dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(entries, indent=1, sort_keys=True))
        os.replace(temporary, self.path)

    def remember(self, local: Path, model_id: int, sha256: str) -> None:
        with _LOCK:
            entries = self._load()
            entries[str(Path(local).resolve())] = {"model_id": model_id, "sha256": sha256}
            self._save(entries)

    def entry(self, local: Path) -> dict | None:
        return self._load().get(str(Path(local).resolve()))

    def status(self, session: Session, local: Path) -> SyncStatus:
        local = Path(local)
        entry = self.entry(local)
        if not local.exists():
            return SyncStatus(SyncState.MISSING, local)
        if entry is None:
            return SyncStatus(SyncState.UNTRACKED, local)
        line = models.line_of(session, entry["model_id"])
        if not line:
            return SyncStatus(SyncState.UNTRACKED, local)
        newest = line[0]
        stored = next((row for row in line if row.id == entry["model_id"]), None)
        local_version = stored.version if stored else None
        changed = file_sha256(local)[0] != entry["sha256"]
        outdated = stored is None or newest.id != stored.id
        state = {
            (False, False): SyncState.IN_SYNC,
            (True, False): SyncState.MODIFIED,
            (False, True): SyncState.OUTDATED,
            (True, True): SyncState.MODIFIED_AND_OUTDATED,
        }[(changed, outdated)]
        return SyncStatus(state, local, entry["model_id"], local_version, newest.version, newest.id)
