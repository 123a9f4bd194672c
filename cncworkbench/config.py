"""Effective settings: environment variables over the user's config file over defaults.

Settings (environment variable / key in ``config.toml``):

- ``CNC_DATABASE_URL`` / ``database_url``: the shared PostgreSQL. Unset: embedded cluster.
- ``CNC_S3_BUCKET`` / ``s3_bucket``: S3 bucket for files. Unset or empty: local folder store.
- ``CNC_S3_ENDPOINT_URL`` / ``s3_endpoint_url``: MinIO, Ceph or another S3 endpoint.
- ``CNC_S3_REGION`` / ``s3_region``: region for AWS S3 (optional).
- ``CNC_DATA_DIR`` / ``data_dir``: where the embedded database, local store and caches live.

Secrets never live in the config file: the database password and refresh tokens go to the
OS keyring (:class:`SecretStore`). Where no keyring exists the product says so and works
without remembering secrets.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import platformdirs

from cncworkbench.core.i18n import translate
from cncworkbench.errors import ConfigurationError

APP_NAME = "cncworkbench"
KEYRING_SERVICE = "cncworkbench"

# key in config.toml -> environment variable
SETTINGS: dict[str, str] = {
    "database_url": "CNC_DATABASE_URL",
    "s3_bucket": "CNC_S3_BUCKET",
    "s3_endpoint_url": "CNC_S3_ENDPOINT_URL",
    "s3_region": "CNC_S3_REGION",
    "data_dir": "CNC_DATA_DIR",
}


def config_file_path() -> Path:
    """The user's config file; ``CNC_CONFIG_FILE`` overrides (tests, several profiles)."""
    override = os.environ.get("CNC_CONFIG_FILE")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


@dataclass(frozen=True)
class Settings:
    database_url: str | None
    s3_bucket: str | None
    s3_endpoint_url: str | None
    s3_region: str | None
    data_dir: Path
    config_file: Path
    # where each value came from: "environment", "config file" or "default"
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def uses_embedded_database(self) -> bool:
        return not self.database_url

    @property
    def uses_s3(self) -> bool:
        return bool(self.s3_bucket)

    def describe(self) -> list[tuple[str, str, str]]:
        """(setting, shown value with secrets masked, source) rows for ``config show``."""
        aws_default = translate("Config", "(AWS default)")
        shown = {
            "database_url": mask_url(self.database_url)
            if self.database_url
            else translate("Config", "(embedded PostgreSQL under data_dir)"),
            "s3_bucket": self.s3_bucket
            or translate("Config", "(local folder store under data_dir)"),
            "s3_endpoint_url": self.s3_endpoint_url or aws_default,
            "s3_region": self.s3_region or aws_default,
            "data_dir": str(self.data_dir),
        }
        return [(SETTINGS[key], shown[key], self.sources.get(key, "default")) for key in SETTINGS]


def _read_config_file(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(
            translate(
                "Config", "The config file {path} is not valid TOML ({error}). Fix or delete it."
            ).format(path=path, error=exc),
            setting="CNC_CONFIG_FILE",
        ) from exc
    unknown = sorted(set(data) - set(SETTINGS))
    if unknown:
        raise ConfigurationError(
            translate(
                "Config",
                "The config file {path} has unknown setting(s) {unknown}; "
                "known settings are {known}.",
            ).format(path=path, unknown=", ".join(unknown), known=", ".join(SETTINGS)),
            setting="CNC_CONFIG_FILE",
        )
    for key, value in data.items():
        if not isinstance(value, str):
            raise ConfigurationError(
                translate(
                    "Config", "The setting '{key}' in {path} must be a string in quotes."
                ).format(key=key, path=path),
                setting=key,
            )
    if "database_url" in data and _url_password(data["database_url"]):
        raise ConfigurationError(
            translate(
                "Config",
                "The config file {path} holds a database password in database_url; passwords "
                "belong in the OS keyring: remove it there and run "
                "`cncworkbench config set-db-password`.",
            ).format(path=path),
            setting="database_url",
        )
    return data


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    path = config_file_path()
    file_values = _read_config_file(path)
    values: dict[str, str | None] = {}
    sources: dict[str, str] = {}
    for key, variable in SETTINGS.items():
        if variable in env:
            values[key], sources[key] = env[variable].strip() or None, "environment"
        elif key in file_values:
            values[key], sources[key] = file_values[key].strip() or None, "config file"
        else:
            values[key], sources[key] = None, "default"
    data_dir = Path(values["data_dir"] or platformdirs.user_data_dir(APP_NAME)).expanduser()
    database_url = values["database_url"]
    if database_url:
        validate_database_url(database_url)
    endpoint = values["s3_endpoint_url"]
    if endpoint and urlsplit(endpoint).scheme not in ("http", "https"):
        raise ConfigurationError(
            translate(
                "Config", "CNC_S3_ENDPOINT_URL must start with http:// or https:// (got {url})."
            ).format(url=repr(endpoint)),
            setting="CNC_S3_ENDPOINT_URL",
        )
    return Settings(
        database_url=database_url,
        s3_bucket=values["s3_bucket"],
        s3_endpoint_url=endpoint,
        s3_region=values["s3_region"],
        data_dir=data_dir.resolve(),
        config_file=path,
        sources=sources,
    )


def validate_database_url(url: str) -> None:
    scheme = urlsplit(url).scheme
    if scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise ConfigurationError(
            translate(
                "Config",
                "CNC_DATABASE_URL must be a PostgreSQL URL such as "
                "postgresql://user@host:5432/cncworkbench (got scheme {scheme}).",
            ).format(scheme=repr(scheme)),
            setting="CNC_DATABASE_URL",
        )


def _url_password(url: str) -> str | None:
    return urlsplit(url).password


def mask_url(url: str) -> str:
    """The URL with any password replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[1]}"))


def write_config_value(key: str, value: str | None) -> Path:
    """Set (or with ``None`` remove) one key in the user's config file."""
    if key not in SETTINGS:
        raise ConfigurationError(
            translate("Config", "Unknown setting {key}; known settings are {known}.").format(
                key=repr(key), known=", ".join(SETTINGS)
            ),
            setting=key,
        )
    if key == "database_url" and value:
        validate_database_url(value)
        if _url_password(value):
            raise ConfigurationError(
                translate(
                    "Config",
                    "Do not put the password in database_url; store it with "
                    "`cncworkbench config set-db-password`.",
                ),
                setting=key,
            )
    path = config_file_path()
    data = _read_config_file(path)
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# CNC Workbench settings; environment variables (CNC_*) override these.\n"]
    for name, text in sorted(data.items()):
        escaped = text.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'{name} = "{escaped}"\n')
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(path)
    return path


def _only_file_keyring_reason() -> str:
    return translate(
        "Config",
        "no OS keyring (Secret Service, KWallet, macOS Keychain) is available, only "
        "the insecure file keyring of keyrings.alt",
    )


def no_session_bus_keyring(environ=None) -> bool:
    """Whether keyring's probe can only end without an OS keyring, known in microseconds.

    On Linux every OS keyring keyring offers (Secret Service, libsecret, KWallet) is a
    service on the D-Bus session bus: with no bus address in the environment and no bus
    socket in XDG_RUNTIME_DIR, none can answer. The probe still runs when a backend was
    chosen on purpose (PYTHON_KEYRING_BACKEND, keyring's keyringrc.cfg, or
    ``keyring.set_keyring`` in this process, as the tests do)."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or environ.get("PYTHON_KEYRING_BACKEND"):
        return False
    keyring_module = sys.modules.get("keyring.core")
    if keyring_module is not None and getattr(keyring_module, "_keyring_backend", None):
        return False
    if environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime, "bus").exists():
        return False
    config_home = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return not Path(config_home, "python_keyring", "keyringrc.cfg").exists()


class SecretStore:
    """Secrets in the OS keyring, with a clear answer when there is none.

    ``keyring`` silently falls back to a backend that fails on every call when the desktop
    has no keyring (servers, containers, CI); callers ask :attr:`available` first and tell
    the user once instead of failing later.
    """

    def __init__(self, backend=None):
        self._backend = backend

    def _keyring(self):
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    @property
    def unavailable_reason(self) -> str | None:
        none = translate(
            "Config", "no OS keyring (Secret Service, KWallet, macOS Keychain) is available"
        )
        if self._backend is None and no_session_bus_keyring():
            # What keyring's own probe would conclude, without its 0.1-0.9 s of loading
            # every backend plugin and asking each for its priority.
            try:
                alt = importlib.util.find_spec("keyrings.alt")
            except ModuleNotFoundError:  # no "keyrings" namespace at all
                alt = None
            if alt is None:
                return none
            return _only_file_keyring_reason()
        try:
            backend = self._keyring()
        except Exception as exc:  # a broken keyring install must not stop the product
            return translate("Config", "the keyring library failed to load ({error})").format(
                error=exc
            )
        from keyring.backends import chainer, fail

        if isinstance(backend, fail.Keyring):
            return none
        if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
            return none
        # keyrings.alt's file backends keep secrets readable on disk; they are only used
        # when chosen on purpose (PYTHON_KEYRING_BACKEND), never picked up by accident.
        if type(backend).__module__.startswith("keyrings.alt") and not os.environ.get(
            "PYTHON_KEYRING_BACKEND"
        ):
            return _only_file_keyring_reason()
        return None

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None

    @property
    def backend_name(self) -> str:
        if self._backend is None and no_session_bus_keyring():
            return "none"
        try:
            backend = self._keyring()
        except Exception:
            return "none"
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def get(self, name: str) -> str | None:
        if not self.available:
            return None
        try:
            return self._keyring().get_password(KEYRING_SERVICE, name)
        except Exception:
            return None

    def set(self, name: str, secret: str) -> None:
        reason = self.unavailable_reason
        if reason:
            raise ConfigurationError(
                translate(
                    "Config",
                    "Cannot store the secret: {reason}. Install and unlock a keyring, or give "
                    "the secret through the environment instead.",
                ).format(reason=reason),
                setting="keyring",
            )
        self._keyring().set_password(KEYRING_SERVICE, name, secret)

    def delete(self, name: str) -> None:
        if not self.available:
            return
        import keyring.errors

        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._keyring().delete_password(KEYRING_SERVICE, name)


def database_secret_name(url: str) -> str:
    """Keyring entry name of the password for the user/host/database of ``url``."""
    parts = urlsplit(url)
    database = parts.path.lstrip("/")
    return f"database:{parts.username or ''}@{parts.hostname or ''}:{parts.port or 5432}/{database}"
