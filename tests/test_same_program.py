"""Same inputs, same program (#21): `cncworkbench cam run` on the model file and the
worker's `cam_process` job on a setup of the same model, machine, material, tools and
operations write the same G-code, byte for byte, and so does a second job on that setup.
The posts' "(Output Time: …)" stamp is the one line that is not a function of the inputs;
core.post_fixes drops it (when a program was posted is kept with its run)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from tests.support.freecad import require_program
from tests.test_cli import data_dir  # noqa: F401 (the fixture)
from tests.test_cli_path import ENGINEER, SAMPLE, SETUP, _people, ok

pytestmark = pytest.mark.freecad


def _worker_program(data_dir, setup_id: int, name: str) -> bytes:  # noqa: F811
    done = ok(data_dir, "cam", "submit", str(setup_id), "--wait", "--user", ENGINEER)
    job_id = re.search(r"job (\d+) queued", done).group(1)
    fetched = ok(data_dir, "artefact", "download", job_id, "gcode", "-o",
                 str(data_dir / name), "--user", ENGINEER)  # fmt: skip
    return Path(fetched.split(" (")[0]).read_bytes()


def test_cam_run_and_the_worker_write_the_same_program_for_the_same_inputs(data_dir):  # noqa: F811
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    _people(data_dir)
    uploaded = ok(data_dir, "model", "upload", str(SAMPLE), "--project", "Flanş işi", "--json",
                  "--user", ENGINEER)  # fmt: skip
    model_id = json.loads(uploaded)["model_id"]
    setup = json.loads(
        ok(data_dir, "setup", "create", str(model_id), *SETUP, "--json", "--user", ENGINEER)
    )
    first = _worker_program(data_dir, setup["id"], "first.ngc")
    second = _worker_program(data_dir, setup["id"], "second.ngc")
    by_cli = data_dir / "cli.ngc"
    ok(data_dir, "cam", "run", str(SAMPLE), *SETUP, "-o", str(by_cli), "--no-sheet",
       "--user", ENGINEER)  # fmt: skip
    text = first.decode()
    # a real program of every operation, not two empty files that agree
    assert len(text.splitlines()) > 200
    for operation in ("Facing", "Pocket", "Drilling", "Profile"):
        assert f"(begin operation: {operation})" in text
    assert "Output Time" not in text
    assert second == first, "two jobs on the same setup posted different programs"
    cli_bytes = by_cli.read_bytes()
    if cli_bytes != first:
        kept = Path(os.environ.get("CNC_SAME_PROGRAM_KEEP", "/tmp/cnc-same-program"))
        kept.mkdir(parents=True, exist_ok=True)
        (kept / "worker.ngc").write_bytes(first)
        (kept / "cli.ngc").write_bytes(cli_bytes)
        changed = [
            (n, a, b)
            for n, (a, b) in enumerate(
                zip(text.splitlines(), cli_bytes.decode().splitlines(), strict=False), 1
            )
            if a != b
        ]
        pytest.fail(f"cam run and the worker differ ({len(changed)} lines): {changed[:5]}")
    assert hashlib.sha256(cli_bytes).hexdigest() == hashlib.sha256(first).hexdigest()
