"""``cncworkbench gcode trace FILE [--json]`` runs without click (issue #23: trace no
slower than rs274, start-up included) and must be indistinguishable from the click
command: the same stdout, stderr and exit status, in both languages, for programs that
run, warn, fail, and for paths click itself refuses."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROGRAMS = {
    "plain.ngc": "G21 G90\nG0 X1 Y2 Z5\nG1 Z-1 F300\nG2 X5 Y2 I2 J0\nG3 X1 Y2 R2\nM2\n",
    "warns.ngc": "G64 P0.01\nG0 X1 (a comment)\nG43 H1\nG1 X3 F10\n",
    "fails.ngc": "G0 X1\nG1 X2 F100\nG7\nM2\n",
    "latin.ngc": "G0 X1 (\xe7ay)\nM2\n",
    "escape.ngc": "G0 X1\nO1234\nG1 X2 F5 (\x1b[31mred)\nM2\n",
}


def _cli(args: list[str], language: str, cwd) -> tuple[int, str, str, set[str]]:
    """(status, stdout, stderr without import lines, modules imported) of one run."""
    env = {**os.environ, "CNC_LOCALE": language}
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cncworkbench.cli", *args],
        capture_output=True, env=env, cwd=cwd, timeout=120, check=False,
    )  # fmt: skip
    stderr = run.stderr.decode("utf-8", errors="replace").splitlines(keepends=True)
    imports = [line for line in stderr if line.startswith("import time:")]
    modules = {line.rsplit("|", 1)[1].strip() for line in imports if "|" in line}
    rest = "".join(line for line in stderr if not line.startswith("import time:"))
    return run.returncode, run.stdout.decode("utf-8", errors="replace"), rest, modules


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_quick_route_answers_as_the_click_command(tmp_path, language):
    for name, text in PROGRAMS.items():
        (tmp_path / name).write_bytes(text.encode("latin-1"))
    (tmp_path / "folder.ngc").mkdir()
    for name in [*PROGRAMS, "missing.ngc", "folder.ngc"]:
        for extra in ([], ["--json"]):
            quick = _cli(["gcode", "trace", name, *extra], language, tmp_path)
            # an option given (with its default) sends the same call through click
            slow = _cli(["gcode", "trace", name, *extra, "--chord-tolerance", "0.01"],
                        language, tmp_path)  # fmt: skip
            assert quick[:3] == slow[:3], (name, extra)
            assert "click" in slow[3]
            took_quick_route = name in PROGRAMS
            assert ("click" not in quick[3]) is took_quick_route, name
    status, out, err, _ = _cli(["gcode", "trace", "fails.ngc"], language, tmp_path)
    assert status == 2 and out == ""
    expected = {
        "tr": "hata: satır 3: G7 (torna çap modu, frezede yok) desteklenmiyor\n",
        "en": "error: line 3: G7 (lathe diameter mode, not on a mill) is not supported\n",
    }
    assert err == expected[language]
    status, out, err, _ = _cli(["gcode", "trace", "warns.ngc"], language, tmp_path)
    assert status == 0 and out.splitlines()[-1].startswith("feed  line 4      X3.0000")
    assert len(err.splitlines()) == 3  # G64, G43 without a tool table, no M2
    status, _, err, _ = _cli(["gcode", "trace", "escape.ngc"], language, tmp_path)
    assert status == 0 and "\x1b" not in err  # as click.echo: no escapes off a terminal


def test_a_reader_that_goes_away_ends_the_trace_quietly(tmp_path):
    program = tmp_path / "long.ngc"
    program.write_text("G0 X0\n" + "G1 X1 F100\nG1 X0\n" * 50_000 + "M2\n")
    for extra in ([], ["--chord-tolerance", "0.01"]):  # quick route, click's
        trace = subprocess.Popen(
            [sys.executable, "-m", "cncworkbench.cli", "gcode", "trace", str(program), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert trace.stdout.read(100)
        trace.stdout.close()  # the reader (``| head``) is gone
        _, err = trace.communicate(timeout=120)
        assert trace.returncode == 1, err
        assert err == b""


@pytest.mark.parametrize(
    "name", ["cutter_comp_pocket.ngc", "drilling.ngc", "arcs_all_planes.ngc", "facing_pass.ngc"]
)
def test_batches_are_the_stream_in_lists_the_reader_keeps(name):
    from pathlib import Path

    from cncworkbench.core.gcode import decode_program, stream

    text = decode_program((Path(__file__).parent / "data" / "gcode" / name).read_bytes())
    one_by_one = list(stream(text))
    kept = list(stream(text).batches())
    assert len(kept) > 1 and all(isinstance(batch, list) and batch for batch in kept)
    assert [motion for batch in kept for motion in batch] == one_by_one
