"""Where this machine keeps the command line's login (see :mod:`.cli_login`); without
SQLAlchemy, so that a command can read it before it loads the database layer."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cncworkbench.core.i18n import translate
from cncworkbench.db.urls import describe_target

LOGIN_FILE = "cli-login.json"


@dataclass
class LoginPlace:
    """Where this machine keeps the CLI's login for one database."""

    context: object

    @property
    def name(self) -> str:
        context = self.context
        if context.settings.uses_embedded_database:
            return f"cli-login:embedded:{context.settings.data_dir}"
        return f"cli-login:{describe_target(context.client_url)}"

    @property
    def file(self) -> Path:
        return Path(self.context.settings.data_dir) / LOGIN_FILE

    @property
    def in_keyring(self) -> bool:
        return self.context.secrets.available

    def describe(self) -> str:
        if self.in_keyring:
            return translate("CliLogin", "the OS keyring ({backend})").format(
                backend=self.context.secrets.backend_name
            )
        return translate(
            "CliLogin", "{file} (no OS keyring on this computer; the file is readable only by you)"
        ).format(file=self.file)

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.file.read_text())
        except (FileNotFoundError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_file(self, data: dict[str, str]) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_name(self.file.name + ".part")
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        # Created 0600 from the start: the token is never readable by others, not even briefly.
        handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w") as out:
            json.dump(data, out)
        os.replace(partial, self.file)

    def get(self) -> str | None:
        if self.in_keyring:
            return self.context.secrets.get(self.name)
        return self._read_file().get(self.name)

    def set(self, token: str) -> None:
        if self.in_keyring:
            self.context.secrets.set(self.name, token)
            return
        data = self._read_file()
        data[self.name] = token
        self._write_file(data)

    def delete(self) -> None:
        if self.in_keyring:
            self.context.secrets.delete(self.name)
        data = self._read_file()
        if data.pop(self.name, None) is not None:
            self._write_file(data)
