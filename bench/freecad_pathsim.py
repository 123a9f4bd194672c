"""FreeCAD 0.20's C++ PathSimulator on a G-code file: the competitor of bench_sim_kernel.

Run as ``freecadcmd bench/freecad_pathsim.py`` with the environment variables
PATHSIM_FILE (G-code), PATHSIM_STOCK ("xmin ymin zmin xmax ymax zmax"), PATHSIM_RESOLUTION
(mm), PATHSIM_TOOL_DIAMETER (mm), PATHSIM_OUT (a JSON file for the figures). Each move is
applied with ``PathSim.ApplyCommand``; arcs are split as FreeCAD's own simulator panel
splits them (PathSimulatorGui.PerformCutVoxel: n = ceil(sqrt(r / resolution · da²))).
The whole process is what the benchmark times; the figures written here are only for
information (parse and apply time inside FreeCAD).
"""

import json
import math
import os
import resource
import time

import FreeCAD
import Part
import Path
import PathSimulator

started = time.perf_counter()
source = os.environ["PATHSIM_FILE"]
xmin, ymin, zmin, xmax, ymax, zmax = (float(v) for v in os.environ["PATHSIM_STOCK"].split())
resolution = float(os.environ["PATHSIM_RESOLUTION"])
diameter = float(os.environ["PATHSIM_TOOL_DIAMETER"])

with open(source) as handle:
    # Path.Path parses G-code; comments and lines it does not know are skipped by it
    text = handle.read()
commands = Path.Path(text).Commands
parsed = time.perf_counter()

sim = PathSimulator.PathSim()
stock = Part.makeBox(xmax - xmin, ymax - ymin, zmax - zmin, FreeCAD.Vector(xmin, ymin, zmin))
sim.BeginSimulation(stock, resolution)
sim.SetToolShape(Part.makeCylinder(diameter / 2.0, 50.0), resolution)
position = FreeCAD.Placement(FreeCAD.Vector(0, 0, zmax + 10.0), FreeCAD.Rotation())
applied = 0
for cmd in commands:
    name = cmd.Name
    if name in ("G2", "G3", "G02", "G03"):
        params = cmd.Parameters
        base = position.Base
        i, j = params.get("I", 0.0), params.get("J", 0.0)
        x, y = params.get("X", base.x), params.get("Y", base.y)
        z = params.get("Z", base.z)
        cx, cy = base.x + i, base.y + j
        a0 = math.atan2(base.y - cy, base.x - cx)
        a1 = math.atan2(y - cy, x - cx)
        da = a1 - a0
        ccw = name in ("G3", "G03")
        da = da % (2 * math.pi) if ccw else -((-da) % (2 * math.pi))
        if abs(da) < 1e-12:  # a full circle
            da = 2 * math.pi if ccw else -2 * math.pi
        r = math.hypot(i, j)
        n = max(1, math.ceil(math.sqrt(r / resolution * da * da)))
        da /= n
        dz = (z - base.z) / n
        z0 = base.z
        for k in range(n):
            a0 += da
            step = Path.Command(
                "G1",
                {"X": cx + r * math.cos(a0), "Y": cy + r * math.sin(a0), "Z": z0 + dz * (k + 1)},
            )
            position = sim.ApplyCommand(position, step)
            applied += 1
    elif name in ("G0", "G1", "G00", "G01"):
        position = sim.ApplyCommand(position, cmd)
        applied += 1
done = time.perf_counter()
with open(os.environ["PATHSIM_OUT"], "w") as handle:
    json.dump(
        {
            "commands": len(commands),
            "applied": applied,
            "parse_s": parsed - started,
            "apply_s": done - parsed,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        },
        handle,
    )
