"""A private PostgreSQL cluster under the user's data folder (the embedded default).

Used when ``CNC_DATABASE_URL`` is unset, and by the tests for their throwaway cluster.
The cluster listens on a Unix socket in a directory only its OS user can enter (local
connections are trusted: the directory permission is the access control, so no password
has to be stored anywhere) and on 127.0.0.1 at a free port with SCRAM passwords for
tools such as psql or pgAdmin. PostgreSQL refuses to run as root, so as root the server
runs as an unprivileged OS user (``postgres`` unless ``CNC_PG_OS_USER`` says otherwise).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import pwd
import random
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import ConfigurationError

SUPERUSER = "postgres"
OWNER_ROLE = "cnc_owner"
DATABASE = "cncworkbench"
# Longest Unix socket path Linux accepts is 107 bytes; PostgreSQL adds ".s.PGSQL.NNNNN.lock".
_MAX_SOCKET_DIR = 80
_INSTALL_HINT = QT_TRANSLATE_NOOP(
    "Config",
    "Install PostgreSQL's server programs (Debian/Ubuntu: `sudo apt install postgresql`; "
    "Fedora: `sudo dnf install postgresql-server`) or set CNC_DATABASE_URL to an existing "
    "PostgreSQL server.",
)


def create_superuser_extensions(conninfo: str) -> None:
    """Extensions the migrations want but only a superuser may create (dblink: security
    events written by an autonomous connection survive the caller's ROLLBACK, migration
    0020). Skipped where the server lacks them: the migrations then fall back."""
    import psycopg

    with psycopg.connect(conninfo, autocommit=True) as conn:
        available = conn.execute(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'dblink'"
        ).fetchone()
        if available:
            conn.execute("CREATE EXTENSION IF NOT EXISTS dblink")


def candidate_bindirs() -> list[Path]:
    """Where PostgreSQL's server programs may be, most specific first."""
    candidates: list[Path] = []
    if os.environ.get("CNC_PG_BINDIR"):
        candidates.append(Path(os.environ["CNC_PG_BINDIR"]))
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),  # Debian/Ubuntu, newest first
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += [Path("/usr/local/pgsql/bin"), Path("/usr/pgsql/bin")]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    return candidates


def find_bindir(version: str | None = None) -> Path:
    """Directory holding ``initdb``, ``pg_ctl`` and ``postgres``; newest version first.

    ``version`` (the PG_VERSION of an existing cluster) restricts the search to binaries
    that can open that cluster.
    """
    for bindir in candidate_bindirs():
        if not all((bindir / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            continue
        if version is None or _binary_version(bindir) == version:
            return bindir
    if version is not None:
        raise ConfigurationError(
            translate(
                "Config",
                "The embedded database was created by PostgreSQL {version}, whose server "
                "programs are not installed. Install PostgreSQL {version} (Debian: "
                "`sudo apt install postgresql-{version}`) or set CNC_DATABASE_URL.",
            ).format(version=version),
            setting="CNC_DATABASE_URL",
        )
    raise ConfigurationError(
        translate(
            "Config",
            "No PostgreSQL server programs (initdb, pg_ctl) were found for the embedded "
            "database. {hint}",
        ).format(hint=translate("Config", _INSTALL_HINT)),
        setting="CNC_DATABASE_URL",
    )


def _binary_version(bindir: Path) -> str:
    out = subprocess.run(
        [str(bindir / "postgres"), "--version"], capture_output=True, text=True, check=False
    ).stdout
    # "postgres (PostgreSQL) 15.18 (Debian ...)" -> "15"
    for token in out.split():
        if token[:1].isdigit():
            return token.split(".")[0]
    return ""


def _ephemeral_range() -> tuple[int, int]:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999


def free_port() -> int:
    """A free port below the kernel's ephemeral range.

    Outgoing connections take their local port from the ephemeral range, so a server port
    chosen there can be taken by any client while the server restarts; below it the port
    stays ours and clients holding the URL reconnect.
    """
    low, _high = _ephemeral_range()
    if low > 20000:
        rng = random.SystemRandom()
        for _ in range(64):
            port = rng.randrange(20000, low)
            if port_is_free(port):
                return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_free(port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not port_is_free(port):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def port_is_free(port: int) -> bool:
    # SO_REUSEADDR as PostgreSQL sets it: connections of the last run still in TIME_WAIT
    # do not make the port busy.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@dataclass(frozen=True)
class RunningCluster:
    port: int
    socket_dir: Path

    def url(self, database: str = DATABASE, role: str = OWNER_ROLE) -> str:
        host = quote(str(self.socket_dir), safe="")
        return f"postgresql+psycopg://{role}@/{database}?host={host}&port={self.port}"

    def conninfo(self, database: str = DATABASE, role: str = OWNER_ROLE) -> str:
        return f"host={self.socket_dir} port={self.port} dbname={database} user={role}"


class EmbeddedCluster:
    """One private cluster; ``ensure_running()`` initialises, starts or reuses it."""

    def __init__(self, root: Path, os_user: str | None = None):
        self.root = Path(root)
        self.pgdata = self.root / "pgdata"
        self.log_file = self.root / "server.log"
        if os_user is None and os.geteuid() == 0:
            os_user = os.environ.get("CNC_PG_OS_USER", "postgres")
        self.os_user = os_user

    # -- where the cluster lives ---------------------------------------------------------
    @classmethod
    def for_data_dir(cls, data_dir: Path) -> EmbeddedCluster:
        """The cluster of a data folder.

        As root, the server's OS user must be able to reach the folder; a data folder under
        /root is not reachable, so the cluster then lives under /var/lib/cncworkbench in a
        folder named after the data folder (still one cluster per data folder).
        """
        cluster = cls(Path(data_dir) / "postgres")
        if cluster.os_user and not cluster._reachable(Path(data_dir)):
            digest = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:12]
            cluster = cls(Path("/var/lib/cncworkbench/clusters") / digest)
        return cluster

    def _user_ids(self) -> tuple[int, int]:
        try:
            entry = pwd.getpwnam(self.os_user)
        except KeyError:
            raise ConfigurationError(
                translate(
                    "Config",
                    "The embedded database must run as an unprivileged OS user when started by "
                    "root, and the user '{user}' does not exist. Create it "
                    "(`useradd --system {user}`) or set CNC_PG_OS_USER to another user.",
                ).format(user=self.os_user),
                setting="CNC_PG_OS_USER",
            ) from None
        return entry.pw_uid, entry.pw_gid

    def _reachable(self, directory: Path) -> bool:
        directory.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(["test", "-x", str(directory)], **self._as_server_user())
        return result.returncode == 0

    def _as_server_user(self) -> dict:
        if not self.os_user:
            return {"capture_output": True, "text": True, "check": False}
        uid, gid = self._user_ids()
        return {
            "user": uid,
            "group": gid,
            "extra_groups": [],
            "capture_output": True,
            "text": True,
            "check": False,
            "cwd": "/",
            "env": {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"},
        }

    def _make_private_dir(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if self.os_user:
            uid, gid = self._user_ids()
            os.chown(path, uid, gid)
        path.chmod(0o700)

    @property
    def socket_dir(self) -> Path:
        preferred = self.root / "run"
        if len(str(preferred)) <= _MAX_SOCKET_DIR:
            return preferred
        digest = hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:12]
        return Path("/tmp") / f"cnc-pg-{digest}"

    # -- running programs ----------------------------------------------------------------
    def _run(self, bindir: Path, program: str, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(bindir / program), *args], **self._as_server_user())

    def _bindir(self) -> Path:
        version_file = self.pgdata / "PG_VERSION"
        version = version_file.read_text().strip() if version_file.exists() else None
        return find_bindir(version)

    # -- state ---------------------------------------------------------------------------
    @property
    def initialised(self) -> bool:
        return (self.pgdata / "PG_VERSION").exists()

    def running(self) -> RunningCluster | None:
        """The live server of this cluster, read from postmaster.pid, or None."""
        pid_file = self.pgdata / "postmaster.pid"
        try:
            lines = pid_file.read_text().splitlines()
        except (FileNotFoundError, PermissionError):
            return None
        # Only a postmaster that says "ready" counts: while initdb runs (in another process)
        # its bootstrap backend writes a pid file with a negative pid and no socket, and a
        # starting server writes its port before it accepts connections.
        if len(lines) < 8 or not lines[0].strip().isdigit() or lines[7].strip() != "ready":
            return None
        if not self._is_our_postmaster(int(lines[0])):
            return None
        return RunningCluster(port=int(lines[3]), socket_dir=Path(lines[4].strip()))

    def _is_our_postmaster(self, pid: int) -> bool:
        # A pid from a crashed server may since belong to another process: the postmaster's
        # working directory is its data directory, which identifies it.
        try:
            return Path(f"/proc/{pid}/cwd").resolve() == self.pgdata.resolve()
        except (FileNotFoundError, PermissionError, ProcessLookupError):
            return False

    def _clear_stale_server(self) -> None:
        """Remove what a crashed server left: its pid file and orphaned backends.

        Backends orphaned by a killed postmaster keep the old shared memory attached, and a
        new postmaster refuses to start while they live; like the postmaster, they run
        with the data directory as their working directory.
        """
        target = self.pgdata.resolve()
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                if (proc / "cwd").resolve() == target:
                    os.kill(int(proc.name), 9)
        (self.pgdata / "postmaster.pid").unlink(missing_ok=True)
        # The socket folder is this cluster's alone; a killed postmaster (whose pid may
        # linger as an unreaped zombie in a container) leaves its socket lock behind.
        for leftover in self.socket_dir.glob(".s.PGSQL.*"):
            leftover.unlink(missing_ok=True)

    # -- life cycle ----------------------------------------------------------------------
    @contextlib.contextmanager
    def _lock(self):
        """Only one process at a time initialises or starts this cluster."""
        self.root.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.root.parent / f".{self.root.name}.lock"
        with lock_path.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def ensure_running(self, progress=print) -> RunningCluster:
        """Initialise (first time), start (when stopped) or reuse the cluster."""
        live = self.running()
        if live:
            return live
        with self._lock():
            live = self.running()
            if live:
                return live
            if not self.initialised:
                progress(
                    translate(
                        "Config", "Creating the embedded PostgreSQL cluster in {folder} ..."
                    ).format(folder=self.root)
                )
                self._initdb()
            elif (self.pgdata / "postmaster.pid").exists():
                progress(
                    translate(
                        "Config", "The embedded database was not shut down cleanly; recovering ..."
                    )
                )
                self._clear_stale_server()
            live = self._start()
            self._ensure_owner_database(live)
            return live

    def _initdb(self) -> None:
        bindir = find_bindir()
        if self.os_user and not self._reachable(self.root.parent):
            raise ConfigurationError(
                translate(
                    "Config",
                    "The database server runs as the OS user '{user}', which cannot "
                    "enter {folder}. Choose a CNC_DATA_DIR that user can reach.",
                ).format(user=self.os_user, folder=self.root.parent),
                setting="CNC_DATA_DIR",
            )
        self._make_private_dir(self.root)
        if self.pgdata.exists() and any(self.pgdata.iterdir()):
            raise ConfigurationError(
                translate(
                    "Config",
                    "{folder} exists but holds no PostgreSQL cluster; move it away so the "
                    "embedded database can be created there.",
                ).format(folder=self.pgdata),
                setting="CNC_DATA_DIR",
            )
        result = self._run(
            bindir,
            "initdb",
            "-D",
            str(self.pgdata),
            "-U",
            SUPERUSER,
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--no-instructions",
        )
        if result.returncode != 0:
            raise ConfigurationError(
                translate(
                    "Config", "Creating the embedded database in {folder} failed: {error}"
                ).format(
                    folder=self.pgdata,
                    error=(result.stderr or result.stdout).strip().splitlines()[-1:],
                ),
                setting="CNC_DATA_DIR",
            )
        with (self.pgdata / "postgresql.conf").open("a") as conf:
            conf.write("\ninclude_if_exists = 'cncworkbench.conf'\n")

    def _previous_port(self) -> int | None:
        try:
            text = (self.pgdata / "cncworkbench.conf").read_text()
        except (FileNotFoundError, PermissionError):
            return None
        for line in text.splitlines():
            if line.startswith("port = "):
                return int(line.split("=", 1)[1])
        return None

    def _write_runtime_conf(self, port: int) -> None:
        socket_dir = self.socket_dir
        self._make_private_dir(socket_dir)
        text = (
            "# Written by CNC Workbench at every start; edit postgresql.conf instead.\n"
            f"port = {port}\n"
            "listen_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{socket_dir}'\n"
            "unix_socket_permissions = 0700\n"
            "max_connections = 200\n"
            "timezone = 'UTC'\n"
            "log_timezone = 'UTC'\n"
        )
        conf = self.pgdata / "cncworkbench.conf"
        conf.write_text(text)
        if self.os_user:
            uid, gid = self._user_ids()
            os.chown(conf, uid, gid)

    def _start(self) -> RunningCluster:
        bindir = self._bindir()
        last_error = ""
        previous = self._previous_port()
        for attempt in range(3):  # a free port can be taken between probe and bind
            # The same port as last time when it is free: clients holding the URL (workers,
            # an open workbench) reconnect after a restart.
            reuse = attempt == 0 and previous and _wait_until_free(previous, timeout=5.0)
            port = previous if reuse else free_port()
            self._write_runtime_conf(port)
            result = self._run(
                bindir,
                "pg_ctl",
                "-D",
                str(self.pgdata),
                "-l",
                str(self.log_file),
                "-w",
                "-t",
                "60",
                "start",
            )
            live = self.running()
            if result.returncode == 0 and live:
                return live
            last_error = self._log_tail() or (result.stderr or result.stdout).strip()
            if "Address already in use" not in last_error:
                break
        raise ConfigurationError(
            translate(
                "Config",
                "The embedded database in {folder} did not start: {error} (full log: {log}).",
            ).format(folder=self.pgdata, error=last_error, log=self.log_file),
            setting="CNC_DATABASE_URL",
        )

    def _log_tail(self) -> str:
        try:
            lines = self.log_file.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        errors = [line for line in lines[-20:] if "FATAL" in line or "ERROR" in line]
        return (errors or lines[-1:] or [""])[-1]

    def _ensure_owner_database(self, live: RunningCluster) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(
            live.conninfo(database="postgres", role=SUPERUSER), autocommit=True
        ) as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (OWNER_ROLE,))
            if not exists.fetchone():
                conn.execute(
                    sql.SQL("CREATE ROLE {} LOGIN CREATEROLE").format(sql.Identifier(OWNER_ROLE))
                )
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,))
            if not exists.fetchone():
                conn.execute(
                    sql.SQL("CREATE DATABASE {} OWNER {}").format(
                        sql.Identifier(DATABASE), sql.Identifier(OWNER_ROLE)
                    )
                )
        create_superuser_extensions(live.conninfo(database=DATABASE, role=SUPERUSER))

    def stop(self) -> bool:
        """Stop the server; True when one was running."""
        if not self.running():
            return False
        result = self._run(
            self._bindir(), "pg_ctl", "-D", str(self.pgdata), "-m", "fast", "-w", "stop"
        )
        if result.returncode != 0:
            raise ConfigurationError(
                translate("Config", "Stopping the embedded database failed: {error}").format(
                    error=result.stderr.strip()
                ),
                setting="CNC_DATABASE_URL",
            )
        return True

    def wait_stopped(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.1)

    def destroy(self) -> None:
        """Stop and delete the cluster (tests)."""
        with contextlib.suppress(ConfigurationError):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
        socket_dir = self.socket_dir
        if socket_dir.parent == Path("/tmp"):
            shutil.rmtree(socket_dir, ignore_errors=True)
