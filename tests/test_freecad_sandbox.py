"""FreeCAD children run sandboxed: no secret in their environment, no network, limits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cncworkbench.cam import freecad_process
from cncworkbench.cam.freecad_process import FreeCADFailed, run_file
from tests.support.freecad import require_program

PROBE = Path(__file__).resolve().parent / "freecad_scripts" / "sandbox_probe.py"
SECRETS = {
    "CNC_WORKER_DATABASE_URL": "postgresql://cnc_worker:s3cret-worker-pw@db/cnc",
    "CNC_DATABASE_URL": "postgresql://cnc_app:s3cret-app-pw@db/cnc",
    "AWS_ACCESS_KEY_ID": "AKIASECRETKEY",
    "AWS_SECRET_ACCESS_KEY": "s3cret-aws-secret",
    "PGPASSWORD": "s3cret-pg",
}


# Runs again on every FreeCAD of the version matrix (./test.sh --freecad VERSION).
pytestmark = pytest.mark.freecad


@pytest.fixture
def freecadcmd():
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    return freecad_process.freecadcmd()


def test_a_freecad_child_sees_no_secret_and_reaches_no_database(
    freecadcmd, monkeypatch, pg_cluster
):
    # An environment dump from inside FreeCAD showed the worker's database password and
    # the AWS keys, and the child could connect to PostgreSQL.
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    port = pg_cluster.live.port  # the test database listens on 127.0.0.1 here
    answer = run_file(freecadcmd, PROBE, {"port": port}, timeout=60)
    dumped = repr(answer["environment"])
    for name, value in SECRETS.items():
        assert name not in answer["environment"] and value not in dumped
    assert answer["environment"]["HOME"] == answer["environment"]["TMPDIR"]
    assert answer["cpu_limit"] == 120  # twice the timeout
    assert answer["memory_limit"] == freecad_process.CHILD_ADDRESS_SPACE_BYTES
    if os.geteuid() == 0:  # the network namespace needs root here
        assert answer["reached"] is not True, "the child reached the database port"


def test_a_child_that_never_ends_is_stopped_and_said_so(freecadcmd):
    with pytest.raises(FreeCADFailed, match=r"did not finish sandbox_probe\.py within 5 s"):
        run_file(freecadcmd, PROBE, {"port": 9, "spin": True}, timeout=5)


def test_a_cpu_hog_is_stopped_by_its_limit_and_said_so(freecadcmd):
    with pytest.raises(FreeCADFailed, match="stopped by its limits while running sandbox_probe"):
        run_file(freecadcmd, PROBE, {"port": 9, "spin": True}, timeout=60, cpu_seconds=2)


@pytest.mark.parametrize("hog", ["uncaught", "caught"])
def test_a_memory_hog_is_stopped_by_its_limit_and_said_so(freecadcmd, hog):
    # FreeCAD reports an uncaught MemoryError as a generic "Exception while processing file
    # ... [<unknown exception data>]", and the product's scripts turn it into an empty error:
    # the user saw "stopped without an answer" or "cannot read x: ". 1.5 GB keeps the test
    # light: FreeCAD starts in well under that.
    with pytest.raises(FreeCADFailed) as refused:
        run_file(freecadcmd, PROBE, {"port": 9, "hog": hog}, timeout=120,
                 memory_bytes=3 * 1024**3 // 2)  # fmt: skip
    assert str(refused.value) == (
        "FreeCAD was stopped by its limits while running sandbox_probe.py (at most 240 s of "
        "CPU time and 1.5 GB of memory): the document is too large or hostile."
    )


def test_a_script_that_fails_for_another_reason_keeps_its_own_message(freecadcmd):
    with pytest.raises(FreeCADFailed, match=r"^FreeCAD cannot read x: no solid$"):
        run_file(freecadcmd, PROBE, {"port": 9, "fail": "FreeCAD cannot read x: no solid"}, 60)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can run the child as another user")
def test_as_root_the_child_runs_as_nobody_and_reads_only_its_input(freecadcmd, tmp_path):
    secret = tmp_path / "worker.env"
    secret.write_text("CNC_WORKER_DATABASE_URL=postgresql://cnc_worker:pw@db/cnc")
    secret.chmod(0o600)
    model = tmp_path / "part.step"
    model.write_text("ISO-10303-21; ... END-ISO-10303-21;")
    model.chmod(0o600)  # the caller's file: the child gets a copy in its own folder
    answer = run_file(
        freecadcmd, PROBE, {"port": 9, "secret_file": str(secret), "path": str(model)}, 60
    )
    assert answer["uid"] != 0
    assert answer["secret_readable"] is False
    assert answer["input_readable"] is True


CHILD_IN_A_CLOSED_CHECKOUT = """
import json, sys
from cncworkbench.cam import freecad_process
arguments = {"path": sys.argv[1], "format": "STEP"}
answer = freecad_process.run_script("inspect_model.py", arguments, 180)
print(json.dumps({"volume": answer["volume_mm3"], "solids": answer["solids"],
                  "package": freecad_process.__file__,
                  "copy": str(freecad_process._child_code_root)}))
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can run the child as another user")
def test_as_root_a_checkout_in_a_closed_home_folder_still_reads_models(freecadcmd, tmp_path):
    # Seen on a fresh Debian 13 machine: `./run.sh` from a clone in /root (0700, as are
    # home folders since Debian 12) failed every FreeCAD child, which runs as nobody:
    # "Unknown file: /root/cncworkbench/cncworkbench/cam/scripts/inspect_model.py".
    repository = Path(__file__).resolve().parents[1]
    home = tmp_path / "root"
    home.mkdir(mode=0o700)
    checkout = home / "cncworkbench"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(repository / "cncworkbench", checkout / "cncworkbench", ignore=ignore)
    shutil.copytree(
        repository / "resources" / "translations", checkout / "resources" / "translations"
    )
    model = shutil.copy(repository / "resources" / "samples" / "flans_plakasi.step", home)
    ran = subprocess.run(
        [sys.executable, "-c", CHILD_IN_A_CLOSED_CHECKOUT, str(model)],
        cwd=checkout,
        env={**os.environ, "PYTHONPATH": str(checkout)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    answer = json.loads(ran.stdout.strip().splitlines()[-1])
    assert answer["package"].startswith(str(checkout))  # the closed checkout's code ran
    assert answer["solids"] == 1 and answer["volume"] > 0
    assert not Path(answer["copy"]).exists()  # the child's copy of the code is gone


MAKE_A_CODE_COPY = """
import time
from cncworkbench.cam import freecad_process
print(freecad_process._child_code(), flush=True)
time.sleep(float(__import__("sys").argv[1]))
"""


def test_a_killed_process_leaves_no_code_copy_behind(tmp_path):
    # A process killed with SIGKILL runs no atexit: its 2.4 MB copy of the child's code
    # stayed in /tmp. The next process to make a copy removes it, and only it.
    environment = {**os.environ, "TMPDIR": str(tmp_path)}

    def start(seconds: float) -> tuple[subprocess.Popen, Path]:
        process = subprocess.Popen(
            [sys.executable, "-c", MAKE_A_CODE_COPY, str(seconds)],
            env=environment,
            stdout=subprocess.PIPE,
            text=True,
        )
        return process, Path(process.stdout.readline().strip())

    killed, killed_copy = start(600)
    running, running_copy = start(600)
    try:
        killed.kill()
        killed.wait(30)
        assert (killed_copy / "cncworkbench" / "cam" / "scripts").is_dir()
        finished, finished_copy = start(0)
        assert finished.wait(60) == 0
        assert not killed_copy.exists()  # the killed process's copy is gone
        assert (running_copy / "cncworkbench").is_dir()  # a running process's is kept
        assert not finished_copy.exists()  # and a process that ends removes its own
        assert sorted(tmp_path.iterdir()) == [running_copy]
    finally:
        running.kill()
        running.wait(30)
