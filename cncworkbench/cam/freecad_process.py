"""Running a script inside headless FreeCAD and reading its JSON answer.

FreeCAD opens uploaded, untrusted documents, which can carry Python. So the child gets
only an allow-listed environment (no database URL, password or S3 key: it receives files
and returns results through its work folder), CPU-time and address-space limits, a
timeout, and, where the caller is root, a network namespace of its own (util-linux's
``unshare``: no TCP to the database or the object store) and an unprivileged OS user
(``setpriv``; its input copied into the work folder it owns: no reading the parent's files or
the database's Unix socket).
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import pwd
import shutil
import signal
import stat
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from cncworkbench.core import localefmt
from cncworkbench.core.i18n import translate
from cncworkbench.errors import UserError

SCRIPTS = Path(__file__).resolve().parent / "scripts"
# The checkout: the child's scripts import our package from it and read the catalogue.
CHECKOUT = Path(__file__).resolve().parents[2]
# What of the checkout a child reads (its scripts import the package; messages come from
# the catalogue), copied for it when the checkout is closed to the child's OS user.
CHILD_CODE = ("cncworkbench", "resources/translations")
# What a FreeCAD child may see of its parent's environment: locale and search path only.
INHERITED_VARIABLES = ("PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC", "TZ")
CHILD_ADDRESS_SPACE_BYTES = 8 * 1024**3  # FreeCAD CAM on a large part stays well under


class FreeCADUnavailable(UserError):
    """FreeCAD (freecadcmd) is not installed here."""


class FreeCADFailed(UserError):
    """The FreeCAD script reported an error or FreeCAD crashed."""


def freecadcmd() -> str | None:
    for name in ("freecadcmd", "FreeCADCmd"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run_script(script: str, arguments: dict[str, Any], timeout: float = 120.0) -> dict[str, Any]:
    """Run ``cam/scripts/<script>`` in FreeCAD with ``arguments``; returns its answer.

    The script reads $CNC_FREECAD_ARGS (a JSON file) and writes $CNC_FREECAD_RESULT; a
    result with an ``error`` key raises :class:`FreeCADFailed` with FreeCAD's message.
    """
    program = freecadcmd()
    if program is None:
        raise FreeCADUnavailable(
            translate(
                "Cam",
                "FreeCAD is not installed (freecadcmd not found): install it (Debian: "
                "apt install freecad) to read FCStd and STEP geometry.",
            )
        )
    return run_file(program, SCRIPTS / script, arguments, timeout)


def child_environment(work: str, args_file: Path, result_file: Path) -> dict[str, str]:
    """The allow-listed environment of a FreeCAD child (never a secret of the parent's)."""
    env = {name: os.environ[name] for name in INHERITED_VARIABLES if name in os.environ}
    env.update(
        CNC_FREECAD_ARGS=str(args_file),
        CNC_FREECAD_RESULT=str(result_file),
        # Its own HOME: FreeCAD writes its user config there (and 1.x a CamAssets folder).
        HOME=work,
        TMPDIR=work,
        # Its messages (the check's problems, FreeCAD's failures) in the reader's language.
        CNC_LOCALE=localefmt.current(),
    )
    return env


def _network_isolation() -> list[str]:
    """``unshare --net`` where it works (as root): the child has no network at all."""
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        return []
    return [unshare, "--net", "--"]


def _limits(cpu_seconds: int, memory_bytes: int = CHILD_ADDRESS_SPACE_BYTES) -> list[str]:
    """util-linux's ``prlimit`` in front of the child: CPU time and address space.

    Not ``preexec_fn``: workers are threaded, and code run between fork and exec in a
    threaded process can deadlock (Python's documentation warns of it).
    """
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        return []
    return [
        prlimit,
        f"--cpu={cpu_seconds}:{cpu_seconds + 5}",
        f"--as={memory_bytes}",
        "--",
    ]


def _unprivileged(work: str, arguments: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """As root: the child runs as ``CNC_FREECAD_OS_USER`` (default ``nobody``) through
    util-linux's ``setpriv``, with its input file copied into the work folder it owns, so a
    hostile document cannot read the parent's files or enter the database's socket folder."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        return [], arguments
    account = pwd.getpwnam(os.environ.get("CNC_FREECAD_OS_USER", "nobody"))
    arguments = dict(arguments)
    source = arguments.get("path")
    if isinstance(source, str) and Path(source).is_file():
        inputs = Path(work) / "input"
        inputs.mkdir()
        arguments["path"] = str(shutil.copyfile(source, inputs / Path(source).name))
    for item in (Path(work), *Path(work).rglob("*")):
        os.chown(item, account.pw_uid, account.pw_gid)
    wrapper = [setpriv, f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}"]
    return [*wrapper, "--clear-groups", "--"], arguments


def _readable_by(path: Path, account: pwd.struct_passwd) -> bool:
    """Whether ``account`` can read ``path``: every folder above it open to that user."""
    for item in (*reversed(path.parents), path):
        try:
            mode = item.stat()
        except OSError:
            return False
        need = stat.S_IXOTH if item != path else stat.S_IROTH
        if mode.st_uid == account.pw_uid:
            need <<= 6
        elif mode.st_gid == account.pw_gid:
            need <<= 3
        if not mode.st_mode & need:
            return False
    return True


_child_code_lock = threading.Lock()
_child_code_root: Path | None = None
_child_code_lock_file: int | None = None  # held open: the copy's owner is alive
CODE_COPY_PREFIX = "cnc-freecad-code-"
CODE_COPY_LOCK = ".in-use"
# A copy without its lock file is one whose maker died between making the folder and the
# lock (or one from before there were locks): removed once it is older than this.
UNLOCKED_COPY_GRACE_SECONDS = 600


def _child_code() -> Path:
    """A copy of what the child reads of the checkout, readable by everyone and writable
    by root only; made once per process, removed at exit. Copies that killed processes
    left behind (no atexit for SIGKILL) are removed when the next one is made."""
    global _child_code_root, _child_code_lock_file
    with _child_code_lock:
        if _child_code_root is None:
            remove_abandoned_code_copies(Path(tempfile.gettempdir()))
            root = Path(tempfile.mkdtemp(prefix=CODE_COPY_PREFIX))
            # Held for the life of this process: the kernel lets go of the lock however the
            # process ends, which is how a later sweep tells an abandoned copy.
            _child_code_lock_file = os.open(root / CODE_COPY_LOCK, os.O_CREAT | os.O_RDONLY)
            fcntl.flock(_child_code_lock_file, fcntl.LOCK_SH)
            atexit.register(shutil.rmtree, root, True)
            for part in CHILD_CODE:
                shutil.copytree(
                    CHECKOUT / part,
                    root / part,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
                )
            for item in (root, *root.rglob("*")):
                item.chmod(0o755 if item.is_dir() else 0o644)
            _child_code_root = root
        return _child_code_root


def remove_abandoned_code_copies(folder: Path) -> list[Path]:
    """Remove this user's code copies in ``folder`` whose process is gone; return them."""
    removed = []
    for copy in folder.glob(f"{CODE_COPY_PREFIX}*"):
        try:
            info = copy.lstat()
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
            continue  # not a folder we made (a link, another user's): never followed
        try:
            lock = os.open(copy / CODE_COPY_LOCK, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            if time.time() - info.st_mtime > UNLOCKED_COPY_GRACE_SECONDS:
                shutil.rmtree(copy, ignore_errors=True)
                removed.append(copy)
            continue
        except OSError:
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(lock)
            continue  # its process still runs
        shutil.rmtree(copy, ignore_errors=True)
        os.close(lock)
        removed.append(copy)
    return removed


def _script_for(script: Path, account: pwd.struct_passwd) -> Path:
    """The script the unprivileged child runs: ``script`` itself when its user can read the
    checkout, else the same file in a readable copy of the code. A checkout in a home
    folder closed to others (Debian: /root, and home folders since Debian 12 are 0700)
    otherwise fails every FreeCAD child started as root."""
    script = script.resolve()
    if _readable_by(script, account) and _readable_by(CHECKOUT / CHILD_CODE[0], account):
        return script
    try:
        relative = script.relative_to(CHECKOUT)
    except ValueError:
        return script  # not ours: run as given
    root = _child_code()
    copy = root / relative
    with _child_code_lock:
        if not copy.exists():  # a script outside the package (tests' probes): copied too
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(script, copy)
            for item in (copy, *copy.parents[: len(relative.parts) - 1]):
                item.chmod(0o755 if item.is_dir() else 0o644)
    return copy


def runs_in_a_root_filesystem(program: str) -> bool:
    """Whether ``program`` is a wrapper of scripts/freecad_rootfs.sh (FreeCAD 1.x from a
    Debian root filesystem): it needs root to chroot, so it drops privileges itself, inside
    the chroot (``CNC_FREECAD_RUN_AS``), instead of being started unprivileged."""
    try:
        with open(shutil.which(program) or program, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return head.startswith(b"#!") and b"freecad_rootfs" in head


def run_file(
    program: str,
    script: Path,
    arguments: dict[str, Any],
    timeout: float,
    cpu_seconds: int | None = None,
    memory_bytes: int = CHILD_ADDRESS_SPACE_BYTES,
) -> dict:
    """Run the FreeCAD script file ``script`` in the sandbox (see the module's text)."""
    with tempfile.TemporaryDirectory(prefix="cnc-freecad-") as work:
        args_file, result_file = Path(work) / "args.json", Path(work) / "result.json"
        as_user, arguments = _unprivileged(work, arguments)
        environment = child_environment(work, args_file, result_file)
        if as_user:
            account = pwd.getpwnam(os.environ.get("CNC_FREECAD_OS_USER", "nobody"))
            script = _script_for(script, account)
        if as_user and runs_in_a_root_filesystem(program):
            environment["CNC_FREECAD_RUN_AS"] = f"{account.pw_uid}:{account.pw_gid}"
            as_user_prefix: list[str] = []
        else:
            as_user_prefix = as_user
        args_file.write_text(json.dumps({**arguments, "work_dir": work}))
        if as_user:
            os.chown(args_file, *(os.stat(work).st_uid, os.stat(work).st_gid))
        cpu_seconds = cpu_seconds or max(10, int(timeout * 2))
        command = [*_network_isolation(), *_limits(cpu_seconds, memory_bytes), *as_user_prefix,
                   program, str(script)]  # fmt: skip
        returncode, stdout, stderr, peak_bytes = _run_child(command, environment, timeout, script)
        limits_hit = translate(
            "Cam",
            "FreeCAD was stopped by its limits while running {script} (at most {seconds} "
            "s of CPU time and {gigabytes} GB of memory): the document is too large or "
            "hostile.",
        ).format(
            script=script.name,
            seconds=cpu_seconds,
            gigabytes=f"{memory_bytes / 1024**3:.3g}",
        )
        # a signal, or a shell's 128 + signal when a wrapper (the 1.x root filesystems) ran it
        limits = (signal.SIGXCPU, signal.SIGKILL)
        stopped = {-s for s in limits} | {128 + s for s in limits}
        if not result_file.exists() and (
            returncode in stopped or _out_of_memory(stderr + stdout, peak_bytes, memory_bytes)
        ):
            raise FreeCADFailed(limits_hit)
        if not result_file.exists():
            tail = (stderr or stdout).strip().splitlines()[-3:]
            raise FreeCADFailed(
                translate(
                    "Cam", "FreeCAD stopped without an answer (exit {code}): {output}"
                ).format(code=returncode, output=" | ".join(tail))
            )
        result = json.loads(result_file.read_text())
        if "error" in result:
            said = f"{result['error']}\n{result.get('traceback', '')}"
            if _out_of_memory(said, peak_bytes, memory_bytes):  # the script caught it
                raise FreeCADFailed(limits_hit)
            raise FreeCADFailed(result["error"])
        for key, value in list(result.items()):  # files the script made: read before cleanup
            if key.endswith("_file") and value and Path(value).is_file():
                result[key.removesuffix("_file") + "_bytes"] = Path(value).read_bytes()
        return result


# What running out of memory looks like from inside: Python's MemoryError (its message is
# empty: FreeCAD says "<unknown exception data>"), C++'s std::bad_alloc, OpenCASCADE's
# Standard_OutOfMemory, the C library's ENOMEM.
_MEMORY_PATTERNS = ("MemoryError", "bad_alloc", "Standard_OutOfMemory",
                    "Cannot allocate memory", "out of memory")  # fmt: skip
# A child whose resident memory came this close to its address-space limit ran into it
# (FreeCAD turns an uncaught MemoryError into a generic "Exception while processing file").
_NEAR_THE_LIMIT = 0.75


def _out_of_memory(output: str, peak_bytes: int, memory_bytes: int) -> bool:
    return peak_bytes >= _NEAR_THE_LIMIT * memory_bytes or any(
        pattern in output for pattern in _MEMORY_PATTERNS
    )


def _run_child(
    command: list[str], environment: dict[str, str], timeout: float, script: Path
) -> tuple[int, str, str, int]:
    """(exit status, stdout, stderr, peak resident bytes) of the child, reaped with
    ``wait4`` for its own resource usage (that of the wrapper's children included)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, env=environment, stdout=out, stderr=err)
        reaped: list[tuple[int, int, Any]] = []
        reaper = threading.Thread(
            target=lambda: reaped.append(os.wait4(process.pid, 0)), daemon=True
        )
        reaper.start()
        reaper.join(timeout)
        if reaper.is_alive():
            process.kill()
            reaper.join()
            process.returncode = -signal.SIGKILL
            raise FreeCADFailed(
                translate("Cam", "FreeCAD did not finish {script} within {seconds} s.").format(
                    script=script.name, seconds=f"{timeout:.0f}"
                )
            )
        _pid, status, usage = reaped[0]
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait
        out.seek(0)
        err.seek(0)
        decode = lambda data: data.decode("utf-8", errors="replace")  # noqa: E731
        return process.returncode, decode(out.read()), decode(err.read()), usage.ru_maxrss * 1024
