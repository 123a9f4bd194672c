"""G-code agreement with LinuxCNC's rs274, motion by motion, on real programs.

The programs: LinuxCNC's own examples (``/usr/share/linuxcnc/ncfiles``, installed with
linuxcnc-uspace; no test here was written for them) and our corpus (tests/data/gcode).
For each program rs274 accepts, we either agree with it motion by motion (end points,
arc centres and turns, feeds) or refuse it with a line and a reason; the figure is the
share that agrees. Lathe programs (G7, G8, G33, G76 lathe cycles, G96) are counted
apart: our simulator is a mill's. ``python -m bench.bench_gcode_agreement -v`` lists
every program's outcome.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from cncworkbench.core.gcode import GCodeError, interpret_file
from tests.support.rs274_judge import (
    TOOL_DIAMETERS_MM,
    TOOL_LENGTHS_MM,
    Refused,
    difference,
    rs274_motions,
)

ROOT = Path(__file__).resolve().parent.parent
NCFILES = Path("/usr/share/linuxcnc/ncfiles")
FOLDERS = [NCFILES, ROOT / "tests" / "data" / "gcode"]
SUBROUTINE_PATH = [
    ROOT / "tests" / "data" / "gcode" / "subs",  # first: ngcgui_lib has a slot.ngc too
    NCFILES,
    NCFILES / "ngcgui_lib",
    NCFILES / "remap_lib",
]
# Out of scope, refused with the line and the reason: rotary axes, probing.
OUT_OF_SCOPE = ("rotary axes", "probing", "döner eksen", "prob ile")
_LATHE_CODES = ("G7 ", "G7\n", "G8 ", "G8\n", "G33", "G96", "G70", "G71", "G72", "G76")


def _is_lathe(path: Path) -> bool:
    text = path.read_text(errors="replace").upper()
    return "LATHE" in path.name.upper() or any(code in text for code in _LATHE_CODES)


def judge(path: Path, rs274: str) -> tuple[str, str]:
    """("agree" | "refused" | "differ" | "rs274 refuses", detail)."""
    try:
        theirs = rs274_motions(rs274, path, SUBROUTINE_PATH)
    except Refused as exc:
        return "rs274 refuses", str(exc)
    try:
        ours = interpret_file(
            path,
            tool_lengths=TOOL_LENGTHS_MM,
            tool_diameters=TOOL_DIAMETERS_MM,
            subroutine_path=SUBROUTINE_PATH,
        ).motions
    except GCodeError as error:
        return "refused", str(error)
    problem = difference(ours, theirs)
    return ("differ", problem) if problem else ("agree", f"{len(ours)} motions")


def run(verbose: bool = False) -> dict:
    rs274 = shutil.which("rs274")
    if rs274 is None:
        return {"lines": ["rs274 is not installed: no figure"], "figures": {}}
    outcomes = {}
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.ngc")):
            outcomes[f"{folder.name}/{path.name}"] = (_is_lathe(path), *judge(path, rs274))
    lines = []
    figures = {}
    for label, lathe in (("milling", False), ("lathe", True)):
        judged = {k: v for k, v in outcomes.items() if v[0] == lathe and v[1] != "rs274 refuses"}
        agreed = sum(1 for v in judged.values() if v[1] == "agree")
        refused = sum(1 for v in judged.values() if v[1] == "refused")
        differ = sum(1 for v in judged.values() if v[1] == "differ")
        share = agreed / len(judged) if judged else 0.0
        out_of_scope = sum(
            1
            for v in judged.values()
            if v[1] == "refused" and any(words in v[2] for words in OUT_OF_SCOPE)
        )
        in_scope = len(judged) - out_of_scope
        figures[label] = {"accepted_by_rs274": len(judged), "agree": agreed, "refused": refused}
        figures[label].update(differ=differ, out_of_scope=out_of_scope)
        lines.append(
            f"{label}: rs274 accepts {len(judged)}; we agree on {agreed} ({share:.0%}), "
            f"refuse {refused} with a line and reason ({out_of_scope} out of scope: rotary "
            f"axes, probing), differ on {differ}; in scope {agreed}/{in_scope} "
            f"({agreed / in_scope if in_scope else 0:.0%})"
        )
    for name, (lathe, outcome, detail) in outcomes.items():
        if verbose or outcome in ("differ", "refused"):
            lines.append(f"  {outcome:<13} {name}{' (lathe)' if lathe else ''}: {detail[:160]}")
    return {"lines": lines, "figures": figures}


if __name__ == "__main__":
    for line in run(verbose="-v" in sys.argv)["lines"]:
        print(line)
