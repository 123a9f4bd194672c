"""Simulation kernel: whole-process time and peak memory, ours against FreeCAD's PathSim.

Same program, resolution and stock for both, runs alternating (ours, FreeCAD, ours, …),
median of REPEATS; each run is a whole process: ``cncworkbench simulate FILE --json``
(every collision rule on) against ``freecadcmd bench/freecad_pathsim.py`` (FreeCAD 0.20's
C++ height map: ``PathSim.ApplyCommand`` per move, arcs split by the resolution as its own
panel does, no collision rules). Peak memory is each child's maximum resident set, CPU
its user + system time (``os.wait4``; on a loaded machine CPU time is the steadier
figure). Our package is byte-compiled first, as an installed one is. Programs: the
FreeCAD-posted box pocket (bench/data/box_pocket.ngc: our CAM pipeline's pocket of
resources/samples/flans_plakasi.FCStd, 0.2 mm stepdown, 10 % stepover, 6 mm end mill,
linuxcnc post; stock 84 × 54 × 21 mm from X-2 Y-2 Z0), 200,000 feed moves (20 layers of
a 10,000-point curve) and 1,000,000 moves on a 300 × 300 mm stock at 0.05 mm (36 M
cells; FreeCAD only with BENCH_FREECAD_1M=1).
Cells per second: the cells our sweep computed (``cells_updated``) over the whole time.
"""

from __future__ import annotations

import compileall
import itertools
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BOX_POCKET = ROOT / "bench" / "data" / "box_pocket.ngc"
FREECAD_SCRIPT = ROOT / "bench" / "freecad_pathsim.py"
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
TOOL_DIAMETER = 6.0


@dataclass(frozen=True)
class Case:
    name: str
    stock_min: tuple[float, float, float]
    stock_max: tuple[float, float, float]
    resolution: float
    repeats: int
    freecad: bool


def curve_program(points: int, layers: int, centre: float, radius: float) -> str:
    """``layers`` passes 1 mm apart around a closed wavy curve of ``points`` G1 moves."""
    lines = ["G21 G90 G17", "T1 M6", "S10000 M3", "G0 Z5", f"G0 X{centre + radius:.3f} Y{centre}"]
    for layer in range(1, layers + 1):
        lines.append(f"G1 Z{-float(layer):g} F600")
        for k in range(1, points + 1):
            angle = 2 * math.pi * k / points
            r = radius * (1 + 0.15 * math.sin(7 * angle) + 0.05 * math.sin(53 * angle))
            x = centre + r * math.cos(angle)
            y = centre + r * math.sin(angle)
            lines.append(f"G1 X{x:.4f} Y{y:.4f} F1800")
    lines += ["G0 Z5", "M30"]
    return "\n".join(lines) + "\n"


def _child(argv: list[str], env: dict | None = None) -> tuple[float, float, str, float]:
    """(wall seconds, peak resident MB, stdout, CPU seconds) of one whole process."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: the program has errors
        raise RuntimeError(f"{argv[0]} failed ({status}): {text[-500:]}")
    return seconds, usage.ru_maxrss / 1024.0, text, usage.ru_utime + usage.ru_stime


def ours(case: Case, path: Path) -> tuple[float, float, dict, float]:
    size = [hi - lo for lo, hi in zip(case.stock_min, case.stock_max, strict=True)]
    argv = [
        sys.executable, "-m", "cncworkbench.cli", "simulate", str(path),
        "--stock", *map(str, size), "--origin", *map(str, case.stock_min),
        "--tool", f"1:{TOOL_DIAMETER:g}:40:flat", "--resolution", str(case.resolution),
        "--memory", "1400", "--json",
    ]  # fmt: skip
    seconds, peak, text, cpu = _child(argv)
    return seconds, peak, json.loads(text), cpu


def freecad(case: Case, path: Path, work: Path) -> tuple[float, float, dict, float]:
    out = work / "pathsim.json"
    env = dict(os.environ)
    env.update(
        PATHSIM_FILE=str(path),
        PATHSIM_STOCK=" ".join(map(str, (*case.stock_min, *case.stock_max))),
        PATHSIM_RESOLUTION=str(case.resolution),
        PATHSIM_TOOL_DIAMETER=str(TOOL_DIAMETER),
        PATHSIM_OUT=str(out),
    )
    seconds, peak, _text, cpu = _child([shutil.which("freecadcmd"), str(FREECAD_SCRIPT)], env)
    return seconds, peak, json.loads(out.read_text()), cpu


def playback_timings(case: Case, path: Path) -> dict:
    """In this process: simulate with playback, then the stock at 25 lines spread over
    the program and at the line before each of the 5 checkpoints with the longest
    replays (the slowest case); milliseconds, median and maximum."""
    from cncworkbench.core import sim_native
    from cncworkbench.core.gcode import interpret_file
    from cncworkbench.core.simulation import ToolShape, simulate

    program = interpret_file(path)
    tools = {1: ToolShape(1, TOOL_DIAMETER, 40.0)}
    sim_native.warm_up()  # the native sweep's load in this process: not part of either figure
    plain_s = time.perf_counter()
    simulate(
        program, case.stock_min, case.stock_max, tools, resolution_mm=case.resolution,
        memory_budget_mb=1024,
    )  # fmt: skip
    plain_s = time.perf_counter() - plain_s
    started = time.perf_counter()
    result = simulate(
        program, case.stock_min, case.stock_max, tools, resolution_mm=case.resolution,
        playback=True, memory_budget_mb=1024,
    )  # fmt: skip
    simulate_s = time.perf_counter() - started
    playback = result.playback
    lines = playback.tables["lines"]
    wanted = [int(lines[k]) for k in np.linspace(0, len(lines) - 1, 25).astype(int)]
    marks = [0, *playback.marks, len(lines)]
    longest = sorted(range(len(marks) - 1), key=lambda k: marks[k] - marks[k + 1])[:5]
    wanted += [int(lines[max(0, marks[k + 1] - 1)]) for k in longest]
    times = []
    for line in wanted:
        started = time.perf_counter()
        playback.stock_at(line)
        times.append((time.perf_counter() - started) * 1000)
    stored = playback.to_bytes()
    return {
        "checkpoints": len(playback.marks),
        "interval_motions": max(b - a for a, b in itertools.pairwise(marks)),
        "compressed_mb": round(playback.size_bytes / 1e6, 2),
        "artefact_mb": round(len(stored) / 1e6, 2),
        "stock_at_ms_median": round(statistics.median(times), 1),
        "stock_at_ms_max": round(max(times), 1),
        "simulate_with_playback_s": round(simulate_s, 3),
        "simulate_without_s": round(plain_s, 3),
    }


def run() -> dict:
    # as installed (pip compiles the package), not compiling every module in every
    # process, which PYTHONDONTWRITEBYTECODE would otherwise make each of ours do
    compileall.compile_dir(ROOT / "cncworkbench", quiet=1)
    has_freecad = shutil.which("freecadcmd") is not None
    big_freecad = os.environ.get("BENCH_FREECAD_1M") == "1"
    cases = [
        (Case("box pocket", (-2.0, -2.0, 0.0), (82.0, 52.0, 21.0), 0.1, REPEATS, True), None),
        (
            Case("200k moves", (0.0, 0.0, -30.0), (100.0, 100.0, 0.0), 0.1, REPEATS, True),
            (10_000, 20, 50.0, 35.0),
        ),
        (
            Case("1M moves", (0.0, 0.0, -60.0), (300.0, 300.0, 0.0), 0.05, 1, big_freecad),
            (20_000, 50, 150.0, 120.0),
        ),
    ]
    only = os.environ.get("BENCH_CASES")
    lines, figures = [], {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for case, curve in cases:
            if only and case.name not in only.split(","):
                continue
            path = BOX_POCKET
            if curve is not None:
                path = work / "curve.ngc"
                path.write_text(curve_program(*curve))
            mine, theirs = [], []
            for _ in range(case.repeats):
                mine.append(ours(case, path))
                if has_freecad and case.freecad:
                    theirs.append(freecad(case, path, work))
            seconds = statistics.median(m[0] for m in mine)
            cpu = statistics.median(m[3] for m in mine)
            peak = max(m[1] for m in mine)
            result = mine[-1][2]
            entry = {
                "moves": result["moves"],
                "cells": result["cells"],
                "seconds": round(seconds, 3),
                "cpu_s": round(cpu, 3),
                "peak_mb": round(peak),
                "cells_updated": result["cells_updated"],
                "cells_per_s": round(result["cells_updated"] / seconds),
                "removed_volume_mm3": result["removed_volume_mm3"],
                "findings": len(result["findings"]),
                "runs": [round(m[0], 3) for m in mine],
            }
            line = (
                f"{case.name}: {result['moves']:,} moves, {result['cells'] / 1e6:.1f} M cells at "
                f"{case.resolution:g} mm: ours {seconds:.2f} s ({cpu:.2f} s CPU), {peak:.0f} MB, "
                f"{entry['cells_per_s'] / 1e6:.0f} M cells/s"
            )
            if theirs:
                their_s = statistics.median(t[0] for t in theirs)
                their_cpu = statistics.median(t[3] for t in theirs)
                their_peak = max(t[1] for t in theirs)
                entry["freecad"] = {
                    "seconds": round(their_s, 3),
                    "cpu_s": round(their_cpu, 3),
                    "peak_mb": round(their_peak),
                    "applied": theirs[-1][2]["applied"],
                    "runs": [round(t[0], 3) for t in theirs],
                }
                entry["ratio"] = round(seconds / their_s, 3)
                entry["cpu_ratio"] = round(cpu / their_cpu, 3)
                line += (
                    f"; FreeCAD PathSim {their_s:.2f} s ({their_cpu:.2f} s CPU), "
                    f"{their_peak:.0f} MB ({theirs[-1][2]['applied']:,} moves applied): ours = "
                    f"{seconds / their_s:.2f}x its time ({cpu / their_cpu:.2f}x its CPU), "
                    f"{peak / their_peak:.2f}x its memory"
                )
            if case.name != "1M moves" or os.environ.get("BENCH_PLAYBACK_1M") == "1":
                entry["playback"] = shown = playback_timings(case, path)
                lines.append(
                    f"   playback: {shown['checkpoints']} checkpoints (at most "
                    f"{shown['interval_motions']} motions apart), {shown['compressed_mb']} MB "
                    f"held, {shown['artefact_mb']} MB stored; stock_at(line) median "
                    f"{shown['stock_at_ms_median']} ms, max {shown['stock_at_ms_max']} ms; "
                    f"simulate with checkpoints {shown['simulate_with_playback_s']} s, without "
                    f"{shown['simulate_without_s']} s"
                )
            print(line, file=sys.stderr, flush=True)  # as it comes: the 1M case is long
            figures[case.name] = entry
            lines.insert(len(lines) - (1 if "playback" in entry else 0), line)
    return {"lines": lines, "figures": figures}
