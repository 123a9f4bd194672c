"""The embedded default: objects as files under the data folder, keyed like S3."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cncworkbench.errors import ConfigurationError


class LocalStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def describe(self) -> str:
        return f"local folder {self.root}"

    def check(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.root, prefix=".probe-"):
                pass
        except OSError as exc:
            raise ConfigurationError(
                f"The local file store {self.root} is not writable ({exc.strerror}). "
                "Set CNC_DATA_DIR to a folder you can write, or configure CNC_S3_BUCKET.",
                setting="CNC_DATA_DIR",
            ) from None
        if not os.access(self.root, os.R_OK | os.W_OK | os.X_OK):
            raise ConfigurationError(
                f"The local file store {self.root} is not readable and writable by you.",
                setting="CNC_DATA_DIR",
            )
