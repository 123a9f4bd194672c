"""Design comparison: what comparing the cut stock with the design adds to a simulation.

The part: a 100 x 60 x 10 mm plate with a 40 x 20 x 5 mm pocket (3 mm corner radii) and
four Ø8 through holes, made and tessellated by FreeCAD (``freecadcmd``, as the sim_run job
does) once. The program clears the pocket and mills the holes (helix) with a 6 mm end
mill, which makes the part (no findings); a second one plunges into the pocket 1 mm too
deep (one gouge region over the whole floor, whose first line is searched). At 0.1 and
0.05 mm cells, medians of REPEATS, alternating: the simulation itself (the baseline,
measured in the same run), building the design's height field (once per model version
and grid, then cached), and the comparison (findings, regions, the first line of each
gouge, cuts below the stock).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from bench.timing import median_of
from cncworkbench.core import verification
from cncworkbench.core.gcode import interpret
from cncworkbench.core.model_files import read_stl
from cncworkbench.core.simulation import ToolShape, simulate

REPEATS = 5
TOOLS = {1: ToolShape(1, 6.0, 20.0)}
STOCK = ((0.0, 0.0, 0.0), (100.0, 60.0, 10.0))
PART = """
import FreeCAD, Part, MeshPart, Mesh
V = FreeCAD.Vector
plate = Part.makeBox(100, 60, 10)
pocket = Part.makeBox(40, 20, 5, V(30, 20, 5))
upright = [e for e in pocket.Edges if abs(e.Vertexes[0].Point.z - e.Vertexes[1].Point.z) > 1]
shape = plate.cut(pocket.makeFillet(3.0, upright))
for x, y in ((10, 10), (90, 10), (10, 50), (90, 50)):
    shape = shape.cut(Part.makeCylinder(4, 10, V(x, y, 0)))
mesh = MeshPart.meshFromShape(Shape=shape, LinearDeflection={deflection}, AngularDeflection=0.1)
Mesh.Mesh(mesh).write({path!r})
"""


def pocket_program(too_deep: float = 0.0) -> str:
    lines = ["G21 G90 G17", "T1 M6", "S10000 M3", "G0 Z15", "G0 X33 Y23"]
    lines.append(f"G1 Z{5 - too_deep:g} F300")
    for n, y in enumerate((23, 26.5, 30, 33.5, 37)):
        a, b = (33, 67) if n % 2 == 0 else (67, 33)
        lines += [f"G1 X{a} Y{y} F800", f"G1 X{b} Y{y}"]
    lines += ["G1 X67 Y23", "G1 X33 Y23", "G1 X33 Y37", "G1 X67 Y37", "G0 Z15"]
    for x, y in ((10, 10), (90, 10), (10, 50), (90, 50)):  # the holes: helix to Z0
        lines += [f"G0 X{x + 1} Y{y}", "G0 Z11", "G1 Z10 F300"]
        lines += [f"G2 X{x + 1} Y{y} I-1 J0 Z{z} F600" for z in range(9, -1, -1)]
        lines += [f"G2 X{x + 1} Y{y} I-1 J0", "G0 Z15"]
    lines.append("M30")
    return "\n".join(lines) + "\n"


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="cnc-bench-design-") as work:
        stl = Path(work) / "part.stl"
        script = Path(work) / "part.py"
        script.write_text(PART.format(deflection=verification.TESSELLATION_MM, path=str(stl)))
        started = time.perf_counter()
        subprocess.run(["freecadcmd", str(script)], check=True, capture_output=True,
                       env={**os.environ, "HOME": work}, timeout=300)  # fmt: skip
        tessellation_s = time.perf_counter() - started
        triangles = read_stl(stl)
    out = {"triangles": len(triangles), "freecad_part_and_mesh_s": round(tessellation_s, 2)}
    lines = [f"part: {len(triangles)} triangles; FreeCAD made and tessellated it in "
             f"{tessellation_s:.2f} s"]  # fmt: skip
    for cell in (0.1, 0.05):
        for name, text in (("clean", pocket_program()), ("gouge", pocket_program(1.0))):
            program = interpret(text)
            sims, builds, compares = [], [], []
            for _ in range(REPEATS):  # alternating, so load changes hit all three alike
                t, result = median_of(
                    lambda p=program, c=cell: simulate(p, *STOCK, TOOLS, resolution_mm=c), 1
                )
                sims.append(t)
                t, design = median_of(
                    lambda r=result: verification.design_field(triangles, r.grid), 1
                )
                builds.append(t)

                def compare(r=result, d=design, p=program):
                    found = verification.below_stock(p, TOOLS, *STOCK)
                    return found, verification.compare(r, d, p, TOOLS)

                t, (_found, check) = median_of(compare, 1)
                compares.append(t)
            sim_s, build_s, compare_s = (sorted(v)[len(v) // 2] for v in (sims, builds, compares))
            key = f"{cell}mm_{name}"
            out[key] = {
                "cells": int(result.heights.size), "simulate_s": round(sim_s, 4),
                "design_field_s": round(build_s, 4), "compare_s": round(compare_s, 4),
                "compare_over_simulate": round(compare_s / sim_s, 3),
                "findings": [f.kind for f in check.findings],
            }  # fmt: skip
            lines.append(
                f"{cell} mm, {name} ({result.heights.size:,} cells): compare {compare_s:.3f} s "
                f"(x{compare_s / sim_s:.2f} of the simulation's {sim_s:.3f} s); design field "
                f"built once in {build_s:.3f} s; findings {[f.kind for f in check.findings]}"
            )
    out["lines"] = lines
    return out
