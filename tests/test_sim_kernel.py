"""The compiled sweep (core/sim_kernel.py) against the numpy sweep it replaces: the same
heights bit for bit, the same findings and move classes, for every tool
shape, for ramps, helices, plunges, cuts through the stock's bottom and programs that
break each rule the kernel hands back to the numpy code."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from cncworkbench.core.gcode import interpret
from cncworkbench.core.simulation import Fixture, SimulationError, ToolShape, simulate

START = "G21 G90 G17\nT1 M6\nS8000 M3\nG0 Z5\n"
STOCK_MIN = (0.0, 0.0, -12.0)
STOCK_MAX = (60.0, 40.0, 0.0)
TOOLS = {
    "flat": ToolShape(1, 6.0, 20.0),
    "ball": ToolShape(1, 6.0, 20.0, "ball"),
    "bull": ToolShape(1, 8.0, 20.0, "bull", corner_radius_mm=1.5),
    "drill": ToolShape(1, 5.0, 30.0, "drill"),
    "chamfer": ToolShape(1, 8.0, 10.0, "chamfer", tip_angle_deg=90.0),
}


def random_program(seed: int, moves: int = 120) -> str:
    """Feeds, ramps, arcs with z, plunges and retracts over the stock (and past it)."""
    rng = random.Random(seed)
    lines = [START, "G0 X10 Y10", "G1 Z-1 F500"]
    for _ in range(moves):
        x, y = rng.uniform(-5, 65), rng.uniform(-5, 45)
        z = rng.choice([-1.0, -2.5, -4.0, rng.uniform(-14.0, 1.0)])
        kind = rng.random()
        if kind < 0.6:
            lines.append(f"G1 X{x:.3f} Y{y:.3f} Z{z:.3f}")
        elif kind < 0.8:
            lines.append(f"G2 X{x:.3f} Y{y:.3f} Z{z:.3f} R{rng.uniform(40, 80):.3f}")
        else:
            lines.append(f"G1 Z{z:.3f}")
    lines.append("G0 Z5\nM30")
    return "\n".join(lines)


def both(text: str, tools, **kwargs):
    program = interpret(text)
    compiled = simulate(program, STOCK_MIN, STOCK_MAX, tools, engine="compiled", **kwargs)
    reference = simulate(program, STOCK_MIN, STOCK_MAX, tools, engine="numpy", **kwargs)
    return compiled, reference


def assert_same(compiled, reference):
    assert compiled.heights.dtype == reference.heights.dtype == np.float32
    different = np.count_nonzero(compiled.heights != reference.heights)
    assert different == 0, f"{different} cells differ"
    assert [f.as_dict() for f in compiled.findings] == [f.as_dict() for f in reference.findings]
    assert compiled.move_classes == reference.move_classes
    # cells_updated counts what each sweep visited: the compiled one visits only cells
    # within the radius, less those it knows are cut, but also pieces in the air
    assert compiled.cells_updated > 0
    assert compiled.removed_volume_mm3 == reference.removed_volume_mm3
    for mine, theirs in zip(compiled.snapshots, reference.snapshots, strict=True):
        assert np.array_equal(mine, theirs)


@pytest.mark.parametrize("shape", sorted(TOOLS))
@pytest.mark.parametrize("seed", [1, 2])
def test_random_programs_give_the_same_stock(shape, seed):
    compiled, reference = both(random_program(seed), {1: TOOLS[shape]}, resolution_mm=0.25)
    assert compiled.removed_volume_mm3 > 100.0  # the program really cuts
    assert "cut" in compiled.move_classes and "air" in compiled.move_classes
    assert_same(compiled, reference)


def test_rules_the_kernel_hands_back_are_found_as_before():
    """Short flutes (shank), a low holder, a rapid into the stock, a cut with the spindle
    off, a non-centre-cutting plunge and a ramp, a fixture: the same findings."""
    tool = ToolShape(
        1, 6.0, 3.0, "flat", length_mm=8.0, holder_diameter_mm=20.0, center_cutting=False
    )
    body = [
        "G0 X5 Y5",
        "G1 Z-2 F300",  # plunge with a non-centre-cutting tool
        "G1 X30 Y5 Z-5",  # ramp
        "G1 X30 Y30 Z-9",  # below the flutes: shank; below the stick-out: holder
        "G0 X50 Y30 Z-3",  # rapid into the stock
        "M5",
        "G1 X50 Y10 Z-3",  # spindle off
        "M3 S8000",
        "G2 X50 Y10 I-5 J0 Z-6",
        "G0 Z5",
    ]
    fixture = Fixture("clamp", (40.0, 35.0, -2.0), (60.0, 40.0, 10.0))
    compiled, reference = both(
        START + "\n".join(body) + "\nM30", {1: tool}, resolution_mm=0.2, fixtures=[fixture]
    )
    kinds = {f.kind for f in compiled.findings}
    assert {
        "non_center_cutting_plunge",
        "shank_collision",
        "holder_collision",
        "rapid_into_stock",
        "spindle_off_cut",
    } <= kinds
    assert_same(compiled, reference)


def test_snapshots_and_progress_are_the_same():
    seen = {"compiled": [], "numpy": []}
    program = interpret(random_program(3, moves=300))
    results = {
        engine: simulate(
            program, STOCK_MIN, STOCK_MAX, {1: TOOLS["ball"]}, resolution_mm=0.25,
            snapshots=7, progress=seen[engine].append, engine=engine,
        )
        for engine in seen
    }  # fmt: skip
    assert len(results["compiled"].snapshots) == 7
    assert seen["compiled"] == seen["numpy"]
    assert seen["compiled"][-1] == 1.0 and len(seen["compiled"]) > 50
    assert_same(results["compiled"], results["numpy"])


def test_a_helix_through_the_bottom_of_the_stock():
    """A bull-nose helix to 2 mm below the stock: the field stops at its bottom."""
    turns = []
    for k in range(1, 9):
        turns.append(f"G2 X40 Y20 I-10 J0 Z{-2.0 * k:g}")
    text = START + "G0 X40 Y20\nG1 Z0 F400\n" + "\n".join(turns) + "\nG0 Z5\nM30"
    compiled, reference = both(text, {1: TOOLS["bull"]}, resolution_mm=0.2)
    assert float(compiled.heights.min()) == pytest.approx(STOCK_MIN[2])
    assert_same(compiled, reference)
    ring = math.pi * ((10 + 4) ** 2 - (10 - 4) ** 2) * 12.0
    assert compiled.removed_volume_mm3 == pytest.approx(ring, rel=0.05)


@pytest.mark.parametrize("engine", ["compiled", "numpy"])
def test_playback_gives_the_stock_after_any_line(engine, monkeypatch):
    """stock_at(line) equals the stock of a run of the program cut after that line, for
    lines before, between and after checkpoints, also after a stored round trip."""
    from cncworkbench.core import simulation
    from cncworkbench.core.sim_playback import Playback

    # checkpoints every 10 motions (at least 1,000 in use) so that 400 motions have many
    monkeypatch.setattr(simulation, "_CHECKPOINT_MOTIONS", 10)
    text = random_program(4, moves=400)
    program = interpret(text)
    tools = {1: TOOLS["ball"]}
    full = simulate(
        program, STOCK_MIN, STOCK_MAX, tools, resolution_mm=0.25, playback=True, engine=engine
    )
    playback = full.playback
    assert len(playback.marks) > 20
    stored = Playback.from_bytes(playback.to_bytes())
    assert np.array_equal(stored.stock_at(10**9), full.heights)
    lines = [m.line for m in program.motions]
    for line in (lines[0] - 1, lines[3], lines[57], lines[200], lines[-2]):
        prefix = [m for m in program.motions if m.line <= line]
        part = simulate(
            type(program)(prefix, [], "mm", program.tools_used, program.motions[0].end),
            STOCK_MIN, STOCK_MAX, tools, resolution_mm=0.25,
        )  # fmt: skip
        assert np.array_equal(playback.stock_at(line), part.heights), line
        assert np.array_equal(stored.stock_at(line), part.heights), line


def test_cli_progress_goes_to_stderr_and_stdout_stays_json(tmp_path):
    """``--progress``: a line per tenth on stderr (not a terminal), then 100 %; --json on
    stdout is still one object."""
    import json
    import subprocess
    import sys

    path = tmp_path / "program.ngc"
    path.write_text(random_program(5, moves=300))
    argv = [sys.executable, "-m", "cncworkbench.cli", "--language", "en", "simulate", str(path),
            "--stock", "60", "40", "12", "--origin", "0", "0", "-12", "--tool", "1:6:20:flat",
            "--resolution", "0.5", "--json", "--progress"]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["moves"] > 300
    lines = [line for line in done.stderr.splitlines() if line.startswith("simulating")]
    assert lines[0] == "simulating: 0 %" and lines[-1] == "simulating: 100 %"
    assert len(lines) == 11, lines
    quiet = subprocess.run([*argv[:-1], "--no-progress"], capture_output=True, text=True,
                           timeout=300)  # fmt: skip
    assert "simulating" not in quiet.stderr


def test_the_budget_holds_the_moves_and_the_checkpoints_too():
    """200 bytes a motion (in whole MB) and an eighth for playback come off the budget:
    the default cells get coarser, a budget the motions fill is an error naming them."""
    moves = "\n".join(f"G1 X{k % 50} Y{k % 30} Z-1 F900" for k in range(20_000))
    program = interpret(START + moves)
    stock = ((0.0, 0.0, -5.0), (600.0, 400.0, 0.0))
    # 2400 × 1600 cells of 0.25 mm (6 mm / 24): 15.4 MB
    assert simulate(program, *stock, {1: TOOLS["flat"]}, memory_budget_mb=20).grid.cell_mm == 0.25
    # 4 MB of motions and 2 MB of checkpoints leave 10 of the 16 MB: 0.5 mm cells
    tight = simulate(program, *stock, {1: TOOLS["flat"]}, memory_budget_mb=16, playback=True)
    assert tight.grid.cell_mm == 0.5 and tight.playback is not None
    with pytest.raises(SimulationError, match=r"20.00\d moves and checkpoints \(4 MB\)"):
        simulate(program, *stock, {1: TOOLS["flat"]}, memory_budget_mb=4)
    # 0.5 mm: 3.84 MB of cells and 4 MB of motions
    with pytest.raises(SimulationError, match="need 8 MB, more than the 6 MB budget"):
        simulate(program, *stock, {1: TOOLS["flat"]}, resolution_mm=0.5, memory_budget_mb=6)


NATIVE_RUN = """
import json, sys
import numpy as np
from cncworkbench.core import sim_native
from cncworkbench.core.gcode import interpret
from cncworkbench.core.simulation import ToolShape, simulate
from tests.test_sim_kernel import STOCK_MAX, STOCK_MIN, random_program

program = interpret(random_program(7))
result = simulate(program, STOCK_MIN, STOCK_MAX, {1: ToolShape(1, 6.0, 20.0, "ball")},
                  resolution_mm=0.25)
np.save(sys.argv[1], result.heights)
print(json.dumps({"numba": "numba" in sys.modules, "native": sim_native.uses_native_code()}))
"""


def _native_run(tmp_path, cache, name):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = tmp_path / f"{name}.npy"
    env = {**os.environ, "CNC_KERNEL_CACHE": str(cache), "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", NATIVE_RUN, str(out)], env=env, cwd=root,
                          capture_output=True, text=True, timeout=600, check=True)  # fmt: skip
    return json.loads(done.stdout.splitlines()[-1]), np.load(out)


def test_a_process_sweeps_with_the_kept_native_code_without_numba(tmp_path):
    """The first process builds the object code (with numba); the next ones load it
    without importing numba, and every process cuts the same stock as the numpy sweep;
    a damaged cache file is built again, not loaded."""
    cache = tmp_path / "cache"
    first, built = _native_run(tmp_path, cache, "first")
    assert first == {"numba": True, "native": True}
    kept = list(cache.glob("sim_kernel.*.o"))
    assert len(kept) == 1
    second, loaded = _native_run(tmp_path, cache, "second")
    assert second == {"numba": False, "native": True}
    reference = simulate(interpret(random_program(7)), STOCK_MIN, STOCK_MAX,
                         {1: TOOLS["ball"]}, resolution_mm=0.25, engine="numpy")  # fmt: skip
    assert reference.removed_volume_mm3 > 100.0
    assert np.array_equal(built, reference.heights)
    assert np.array_equal(loaded, reference.heights)
    whole = kept[0].read_bytes()
    kept[0].write_bytes(whole[:-100])  # cut short, as by a full disk
    third, rebuilt = _native_run(tmp_path, cache, "third")
    assert third == {"numba": True, "native": True}
    assert np.array_equal(rebuilt, reference.heights)
    assert kept[0].stat().st_size > 1000


def test_the_native_kernel_refuses_tables_that_do_not_fit():
    from cncworkbench.core import sim_native

    heights = np.zeros((4, 4), dtype=np.float32)
    axis = np.zeros(4)
    one = np.zeros((1, 3))
    with pytest.raises(ValueError, match="do not fit"):
        sim_native.run_motions(
            heights, np.zeros((1, 1), dtype=np.uint8), axis, axis, 0.0, 0.0, 1.0, -1.0, 0.0,
            1e-3, np.zeros((1, 8)), one, one, np.zeros(5, dtype=np.int64),
            np.zeros(1, dtype=np.int64), np.zeros(1, dtype=bool), np.zeros(1),
            np.zeros(1, dtype=np.int8), 0, 1, True,
        )  # fmt: skip


def test_a_cache_file_needing_a_symbol_this_process_lacks_is_not_loaded():
    """The linker would end the process on a symbol it cannot find: such a file is
    refused before any code is loaded (and the kernel is built again)."""
    import hashlib
    import json

    import llvmlite.binding as llvm

    from cncworkbench.core import sim_native

    code = b"\x7fELF"
    header = json.dumps(
        {"entry": "x", "needs": ["no_such_symbol_in_any_library"],
         "sha256": hashlib.sha256(code).hexdigest()}
    )  # fmt: skip
    data = sim_native._FORMAT + header.encode() + b"\n" + code
    with pytest.raises(ValueError, match="no_such_symbol_in_any_library"):
        sim_native._link(llvm, data)
    with pytest.raises(ValueError, match="not a kernel cache file"):
        sim_native._link(llvm, b"garbage")


def test_a_stored_playback_whose_tables_do_not_fit_is_refused():
    """The native sweep reads a stored run's tables without bounds checks: an artefact
    whose motions point past its segments or tools is refused when it is read."""
    import io
    import zlib

    from cncworkbench.core.sim_playback import Playback

    program = interpret(random_program(3, moves=30))
    result = simulate(
        program, STOCK_MIN, STOCK_MAX, {1: TOOLS["flat"]}, resolution_mm=0.5, playback=True
    )
    data = result.playback.to_bytes()
    assert Playback.from_bytes(data).motions == result.playback.motions > 0
    with np.load(io.BytesIO(zlib.decompress(data))) as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["motion_cutter"] = arrays["motion_cutter"] + 5  # a tool that is not there
    out = io.BytesIO()
    np.savez(out, **arrays)
    with pytest.raises(ValueError, match="do not fit together"):
        Playback.from_bytes(zlib.compress(out.getvalue(), 1))
