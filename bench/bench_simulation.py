"""Simulation: moves/s and cells/s of stock removal, 100,000 moves on a 200 × 200 mm stock.

The program is generated: zig-zag pocketing of the whole stock with a 6 mm end mill,
passes cut into 2 mm moves (as adaptive and 3D toolpaths come out of CAM), semicircular
turnarounds and a helical entry per 1 mm stepdown, 100,000 motions in all. It is
simulated at 0.25 mm and 0.1 mm cells (median of REPEATS). Baseline, measured in the same
run: a straightforward per-cell Python loop doing the same sweep (same rule per cell) on
the first SMALL_MOVES motions at 0.25 mm, whose cells/s the figures are ratios to; it
must end with the same heights as the vectorised sweep on that case.
"""

from __future__ import annotations

import itertools
import math
import time

import numpy as np

from bench.timing import median_of
from cncworkbench.core.gcode import Program, interpret
from cncworkbench.core.runtime import points_of
from cncworkbench.core.simulation import ToolShape, simulate

MOVES = 100_000
SMALL_MOVES = 1_500
REPEATS = 3
STOCK_MIN = (0.0, 0.0, -30.0)
STOCK_MAX = (200.0, 200.0, 0.0)
TOOL = ToolShape(1, 6.0, 25.0)
LOW, HIGH = 8.0, 192.0  # the tool centre's range: a 3 mm wall left all round
STEPOVER = 3.0
SEGMENT = 2.0


def zigzag_program(moves: int = MOVES) -> str:
    """``moves`` motions of zig-zag pocketing in 1 mm steps (see the module docs)."""
    lines = ["G21 G90 G17", "T1 M6", "S10000 M3", "G0 Z5"]
    count = 1

    def add(line: str) -> bool:
        nonlocal count
        lines.append(line)
        count += 1
        return count >= moves

    depth = 0.0
    while True:
        depth -= 1.0
        # helical entry: one turn of radius 4 down to the new depth, then to the corner
        if add(f"G0 X{LOW + 8:g} Y{LOW + 4:g} Z{depth + 1:g}"):
            break
        if add(f"G2 X{LOW + 8:g} Y{LOW + 4:g} I-4 J0 Z{depth:g} F800"):
            break
        if add(f"G1 X{LOW:g} Y{LOW:g} F1500"):
            break
        y, forward, done = LOW, True, False
        steps = math.ceil((HIGH - LOW) / SEGMENT)
        while y <= HIGH + 1e-9 and not done:
            for k in range(1, steps + 1):
                x = LOW + (HIGH - LOW) * k / steps
                if add(f"G1 X{x if forward else HIGH + LOW - x:.3f}"):
                    done = True
                    break
            if done or y + STEPOVER > HIGH + 1e-9:
                break
            # semicircular turnaround to the next pass
            arc = "G3" if forward else "G2"
            if add(f"{arc} Y{y + STEPOVER:g} J{STEPOVER / 2:g}"):
                done = True
            y += STEPOVER
            forward = not forward
        if done:
            break
        if add("G0 Z5"):
            break
    lines.append("M30")
    return "\n".join(lines)


def naive_simulate(program: Program, tool: ToolShape, cell: float) -> tuple[np.ndarray, int]:
    """The per-cell loop: every cell of every segment's bounding box, one at a time.
    Flat tool; the tip's z at the segment's point closest to the cell, or at the lower
    end when the cell is under it (the rule of core.simulation)."""
    radius = tool.diameter_mm / 2
    nx = math.ceil((STOCK_MAX[0] - STOCK_MIN[0]) / cell)
    ny = math.ceil((STOCK_MAX[1] - STOCK_MIN[1]) / cell)
    x0 = STOCK_MIN[0] + cell / 2
    y0 = STOCK_MIN[1] + cell / 2
    heights = [[STOCK_MAX[2]] * nx for _ in range(ny)]
    cells = 0
    for motion in program.motions:
        points = points_of(motion)
        for (ax, ay, az), (bx, by, bz) in itertools.pairwise(points):
            i0 = max(0, math.ceil((min(ax, bx) - radius - x0) / cell - 1e-9))
            i1 = min(nx, math.floor((max(ax, bx) + radius - x0) / cell + 1e-9) + 1)
            j0 = max(0, math.ceil((min(ay, by) - radius - y0) / cell - 1e-9))
            j1 = min(ny, math.floor((max(ay, by) + radius - y0) / cell + 1e-9) + 1)
            vx, vy, vz = bx - ax, by - ay, bz - az
            length2 = vx * vx + vy * vy
            low = (bx, by, bz) if bz < az else (ax, ay, az)
            for j in range(j0, j1):
                y = y0 + j * cell
                row = heights[j]
                for i in range(i0, i1):
                    x = x0 + i * cell
                    cells += 1
                    t = ((x - ax) * vx + (y - ay) * vy) / length2 if length2 > 1e-18 else 0.0
                    t = min(1.0, max(0.0, t))
                    px, py = ax + t * vx, ay + t * vy
                    z = math.inf
                    if (x - px) ** 2 + (y - py) ** 2 <= radius * radius:
                        z = az + t * vz if length2 > 1e-18 else min(az, bz)
                    if vz and (x - low[0]) ** 2 + (y - low[1]) ** 2 <= radius * radius:
                        z = min(z, low[2])
                    z = max(z, STOCK_MIN[2])
                    if z < row[i] - 1e-3:
                        row[i] = z
    return np.asarray(heights, dtype=np.float32), cells


def _median(work) -> tuple[float, object]:
    return median_of(work, REPEATS)


def run() -> dict:
    started = time.perf_counter()
    program = interpret(zigzag_program())
    interpret_s = time.perf_counter() - started
    moves = len(program.motions)
    arcs = sum(m.kind == "arc" for m in program.motions)
    tools = {1: TOOL}

    small = Program(program.motions[:SMALL_MOVES], [], "mm", [1], program.motions[0].end)
    naive_s, (naive_heights, naive_cells) = _median(lambda: naive_simulate(small, TOOL, 0.25))
    fast_s, fast = _median(lambda: simulate(small, STOCK_MIN, STOCK_MAX, tools, resolution_mm=0.25))
    naive_rate = naive_cells / naive_s
    same = float(np.abs(naive_heights - fast.heights).max())
    lines = [
        f"program: {moves} moves ({arcs} arcs), interpreted in {interpret_s:.2f} s",
        f"baseline, per-cell Python loop, first {SMALL_MOVES} moves at 0.25 mm: "
        f"{naive_s:.2f} s, {naive_cells / 1e6:.2f} M cells, {naive_rate / 1e6:.3f} M cells/s",
        f"vectorised, same case: {fast_s:.3f} s = {naive_s / fast_s:.0f}x faster, "
        f"{fast.cells_updated / fast_s / 1e6:.1f} M cells/s "
        f"({fast.cells_updated / 1e6:.2f} M cells: windows that met material); "
        f"heights differ by at most {same:.4f} mm",
    ]
    figures: dict = {
        "moves": moves,
        "baseline": {
            "moves": SMALL_MOVES,
            "seconds": round(naive_s, 3),
            "cells": naive_cells,
            "cells_per_s": round(naive_rate),
        },
        "small_vectorised": {
            "seconds": round(fast_s, 4),
            "speedup": round(naive_s / fast_s, 1),
            "cells_per_s_ratio": round(fast.cells_updated / fast_s / naive_rate, 1),
            "max_height_difference_mm": same,
        },
    }
    for cell in (0.25, 0.1):
        seconds, result = _median(
            lambda cell=cell: simulate(program, STOCK_MIN, STOCK_MAX, tools, resolution_mm=cell)
        )
        rate = result.cells_updated / seconds
        figures[f"{cell:g}_mm"] = {
            "seconds": round(seconds, 3),
            "moves_per_s": round(moves / seconds),
            "cells_per_s": round(rate),
            "cells_per_s_ratio": round(rate / naive_rate, 1),
            "cells": result.cells_updated,
            "removed_volume_mm3": round(result.removed_volume_mm3),
            "accuracy_percent": round(result.accuracy_percent, 3),
            "findings": len(result.findings),
        }
        lines.append(
            f"{cell:g} mm cells ({result.grid.shape[1]} × {result.grid.shape[0]}): "
            f"{seconds:.2f} s, {moves / seconds:,.0f} moves/s, {rate / 1e6:.1f} M cells/s = "
            f"{rate / naive_rate:.0f}x baseline; removed {result.removed_volume_mm3 / 1e3:.1f}"
            f" cm³ (±{result.accuracy_percent:.2f} %), {len(result.findings)} findings"
        )
    return {"lines": lines, "figures": figures}
