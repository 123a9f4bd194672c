"""LinuxCNC's interpreter is installed and can judge G-code (CAM tests rely on it)."""

from __future__ import annotations

import subprocess

from cncworkbench.cam.rs274 import private_home
from tests.support.freecad import require_program


def run_rs274(tmp_path, program: str) -> subprocess.CompletedProcess:
    rs274 = require_program("rs274", "CNC_REQUIRE_RS274")
    source = tmp_path / "in.ngc"
    source.write_text(program)
    tool_table = tmp_path / "tool.tbl"
    tool_table.write_text("T1 P1 D6.0 Z+50.0 ;6 mm end mill\n")
    return subprocess.run(
        [rs274, "-g", "-t", str(tool_table), str(source), str(tmp_path / "out.txt")],
        capture_output=True,
        text=True,
        timeout=30,
        input="",
        env=private_home(tmp_path),  # its tool table is mapped under $HOME
        check=False,
    )


def test_rs274_accepts_a_valid_program(tmp_path):
    result = run_rs274(
        tmp_path,
        "G21 G90 G17\nT1 M6\nS8000 M3\nG0 X0 Y0 Z5\nG1 Z-1 F300\nG2 X10 Y0 I5 J0\nG0 Z5\nM5\nM2\n",
    )
    canon = (tmp_path / "out.txt").read_text()
    assert "ARC_FEED" in canon and "STRAIGHT_FEED" in canon
    assert result.returncode == 0


def test_rs274_rejects_grbl_style_k_word_on_xy_arcs(tmp_path):
    # FreeCAD 0.20's grbl post writes K0.000 on G2/G3 in the XY plane; rs274 refuses it.
    result = run_rs274(
        tmp_path, "G21 G90 G17\nG0 X0 Y0 Z5\nG1 Z-1 F300\nG2 X10 Y0 I5 J0 K0.000\nM2\n"
    )
    assert result.returncode != 0
    assert "K word given for arc in xy plane" in result.stdout + result.stderr
    assert "ARC_FEED" not in (tmp_path / "out.txt").read_text()


def test_checks_running_at_once_each_use_their_own_tool_table():
    """rs274 maps its tool table under $HOME: runs at once (several workers on one
    machine) must not read each other's tools."""
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import dataclass

    from cncworkbench.cam import rs274

    require_program("rs274", "CNC_REQUIRE_RS274")

    @dataclass
    class Tool:
        number: int
        diameter_mm: float

    def judge(number: int):
        program = f"G21 G90\nT{number} M6\nG43 H{number}\nS5000 M3\nG0 X0 Y0 Z5\n"
        program += "".join(f"G1 X{i % 7} Y{i % 5} Z-1 F500\n" for i in range(300)) + "M2\n"
        return rs274.check(program, tools=[Tool(number, 2.0 + number)])

    with ThreadPoolExecutor(8) as pool:
        verdicts = list(pool.map(judge, range(1, 17)))
    assert [v.message for v in verdicts if not v.ok] == []
