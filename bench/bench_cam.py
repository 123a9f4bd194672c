"""CAM: wall time of a CAM run per operation type, on the sample plate, Tormach/LinuxCNC.

Each figure is the whole pipeline a worker runs for one model file (FreeCAD child:
open, measure, build the job, post; our post fixes; our interpreter and run time;
LinuxCNC's rs274 check), median of 3. Baseline, measured in the same run: the FreeCAD
child that only opens the part and measures its features (what any CAM run pays before
the first toolpath). The setup sheet PDF is timed on its own.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.timing import median_of
from cncworkbench.core.cam_plan import CamPlan, Operation, ToolSpec, stock_around
from cncworkbench.services.machining import cam

PART = Path(__file__).resolve().parents[1] / "resources" / "samples" / "flans_plakasi.FCStd"
REPEATS = 3
MILL = ToolSpec(
    number=1, name="6 mm 3F carbide end mill", type="flat_endmill", diameter_mm=6,
    flute_length_mm=25, length_mm=30, shank_diameter_mm=6, rpm=10000, feed_mm_min=1560,
    plunge_mm_min=780, holder_length_mm=60,
)  # fmt: skip
DRILL = ToolSpec(
    number=2, name="6 mm HSS drill", type="drill", diameter_mm=6, flute_length_mm=57,
    length_mm=70, shank_diameter_mm=6, rpm=7958, feed_mm_min=414, plunge_mm_min=414,
)  # fmt: skip
MACHINE = {"name": "Tormach 1100MX", "envelope_mm": [457, 279, 413], "rapid_mm_min": 7620}


def _plan(*operations: Operation) -> CamPlan:
    return CamPlan(
        post_processor="linuxcnc",
        stock=stock_around([0, 0, 0], [80, 50, 20]),
        tools=[MILL, DRILL],
        operations=list(operations),
        machine=MACHINE,
    )


def _median(work) -> tuple[float, object]:
    return median_of(work, REPEATS)


def run() -> dict:
    baseline, _features = _median(lambda: cam.features_of_file(PART, "FCStd"))
    cases = {
        "facing": _plan(Operation("facing", 1, stepdown_mm=1.0, stepover_percent=70)),
        "profile": _plan(Operation("profile", 1, stepdown_mm=5.0)),
        "pocket": _plan(Operation("pocket", 1, stepdown_mm=3.0, stepover_percent=45)),
        "adaptive": _plan(Operation("adaptive", 1, stepdown_mm=8.0, stepover_percent=15)),
        "drilling": _plan(Operation("drilling", 2)),
    }
    cases["all five"] = _plan(*(op for plan in list(cases.values()) for op in plan.operations))
    lines = [f"baseline (FreeCAD opens and measures the part): {baseline:.2f} s"]
    figures: dict[str, dict] = {"baseline_s": baseline}
    last = None
    for name, plan in cases.items():
        seconds, result = _median(lambda plan=plan: cam.run_plan_on_file(PART, "FCStd", plan))
        last = (plan, result)
        figures[name] = {
            "seconds": round(seconds, 3),
            "ratio": round(seconds / baseline, 2),
            "gcode_lines": result.lines,
            "machine_time_s": round(result.run_time.total_s, 1),
        }
        lines.append(
            f"{name:<9} {seconds:5.2f} s = {seconds / baseline:4.2f}x baseline "
            f"({result.lines} lines, {result.run_time.total_s:.0f} s on the machine)"
        )
    plan, result = last
    sheet = cam.sheet_data(plan, result, {"name": "Flanş plakası", "size": [80, 50, 20]},
                           "flans.ngc", "bench")  # fmt: skip
    with tempfile.TemporaryDirectory() as work:
        sheet_s, _ = _median(lambda: cam.render_setup_sheet(sheet, Path(work) / "sheet.pdf"))
    figures["setup_sheet_s"] = round(sheet_s, 3)
    lines.append(f"setup sheet PDF (own process): {sheet_s:.2f} s = {sheet_s / baseline:.2f}x")
    return {"lines": lines, "figures": figures}
