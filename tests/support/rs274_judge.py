"""LinuxCNC's ``rs274`` as the judge of our interpreter, motion by motion.

:func:`rs274_motions` runs rs274 (its own HOME, a tool table, an ini file with a
SUBROUTINE_PATH) and reads its canonical calls into (kind, end mm, feed mm/min, arc
centre, rotation, mm per printed unit); :func:`difference` compares our motions with
them and says where the first one differs (None when they agree).
"""

from __future__ import annotations

import math
import re
import subprocess
import tempfile
from pathlib import Path

from cncworkbench.cam.rs274 import private_home

# rs274's standalone canon reads tool table lengths in its machine units, inches.
TOOL_TABLE_INCH = {1: 1.5, 2: 2.25, 3: 0.75, 4: 3.0}
TOOL_LENGTHS_MM = {tool: inches * 25.4 for tool, inches in TOOL_TABLE_INCH.items()}
TOOL_DIAMETER_INCH = 0.25  # every tool's D in its table (it was 6 in: 0.25 in was meant)
TOOL_DIAMETERS_MM = dict.fromkeys(TOOL_TABLE_INCH, TOOL_DIAMETER_INCH * 25.4)
_CALL = re.compile(r"^\s*\d+\s+N\S*\s+([A-Z_0-9]+)\((.*)\)")
_PLANE_AXES = {"XY": (0, 1, 2), "XZ": (2, 0, 1), "YZ": (1, 2, 0)}


class Refused(Exception):
    """rs274 refuses the program (its message)."""


def run_rs274(rs274: str, program: Path, subroutine_path=(), timeout: float = 60) -> str:
    """rs274's canonical calls for ``program``; :class:`Refused` when it refuses it."""
    with tempfile.TemporaryDirectory(prefix="cnc-judge-") as work:
        work = Path(work)
        table = work / "tools.tbl"
        d = TOOL_DIAMETER_INCH
        table.write_text("".join(f"T{t} P{t} D{d} Z{z:+.4f}\n" for t, z in TOOL_TABLE_INCH.items()))
        ini = work / "judge.ini"
        path = ":".join(str(folder) for folder in subroutine_path)
        ini.write_text(f"[RS274NGC]\nSUBROUTINE_PATH = {path}\n" if path else "[RS274NGC]\n")
        out = work / "out.txt"
        try:
            result = subprocess.run(
                [rs274, "-b", "-g", "-i", str(ini), "-t", str(table), str(program), str(out)],
                input="",
                capture_output=True,
                text=True,
                timeout=timeout,
                env=private_home(work),  # its tool table is mapped under $HOME
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise Refused(f"rs274 ran more than {timeout} s") from exc
        if result.returncode != 0:
            output = (result.stdout + result.stderr).splitlines()
            lines = [line for line in output if line.strip() not in ("executing", "")]
            raise Refused(" | ".join(lines[-2:]))
        return out.read_text(errors="replace")


def parse_canon(canon: str) -> list[tuple]:
    factor, plane, feed, motions = 1.0, "XY", None, []
    for text in canon.splitlines():
        match = _CALL.match(text)
        if not match:
            continue
        name, args = match.groups()
        if name == "USE_LENGTH_UNITS":
            factor = 25.4 if "INCHES" in args else 1.0
        elif name == "SELECT_PLANE":
            plane = args.rsplit("_", 1)[-1]
        elif name == "SET_FEED_RATE":
            feed = float(args) * factor
        elif name in ("STRAIGHT_TRAVERSE", "STRAIGHT_FEED", "STRAIGHT_PROBE"):
            x, y, z = (float(a) * factor for a in args.split(",")[:3])
            rapid = name == "STRAIGHT_TRAVERSE"
            motions.append(
                (
                    "rapid" if rapid else "feed",
                    (x, y, z),
                    None if rapid else feed,
                    None,
                    None,
                    factor,
                )
            )
        elif name == "ARC_FEED":
            e1, e2, c1, c2, rotation, e3 = (float(a) for a in args.split(",")[:6])
            first, second, normal = _PLANE_AXES[plane]
            end = [0.0, 0.0, 0.0]
            end[first], end[second], end[normal] = e1 * factor, e2 * factor, e3 * factor
            centre = (plane, c1 * factor, c2 * factor)
            motions.append(("arc", tuple(end), feed, centre, int(rotation), factor))
        elif name == "NURBS_FEED" or name == "SPLINE_FEED":
            motions.append(("spline", None, feed, None, None, factor))
    return motions


def rs274_motions(rs274: str, program: Path, subroutine_path=()) -> list[tuple]:
    return parse_canon(run_rs274(rs274, program, subroutine_path))


def plane_sweep(motion) -> float:
    """Signed angle swept by an arc in its plane (CCW positive), from its points."""
    first, second, _ = _PLANE_AXES[motion.plane]
    centre = motion.center
    total = 0.0
    previous = math.atan2(
        motion.start[second] - centre[second], motion.start[first] - centre[first]
    )
    for point in motion.points:
        angle = math.atan2(point[second] - centre[second], point[first] - centre[first])
        total += (angle - previous + math.pi) % (2 * math.pi) - math.pi
        previous = angle
    return total


def _close(a, b, tol) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


class _Spline:
    """Our feed moves of one G5/G5.1 line, as the one NURBS_FEED rs274 prints (without
    its control points: only that there is a spline there can be compared)."""

    kind = "spline"

    def __init__(self, first):
        self.line = first.line
        self.feed = first.feed


def _splines_joined(ours):
    joined = []
    for motion in ours:
        if motion.cycle in ("G5", "G5.1"):
            if joined and isinstance(joined[-1], _Spline) and joined[-1].line == motion.line:
                continue
            joined.append(_Spline(motion))
        else:
            joined.append(motion)
    return joined


def difference(ours, theirs) -> str | None:
    """Where our motions first differ from rs274's, or None when they agree."""
    ours = _splines_joined(ours)
    if len(ours) != len(theirs):
        for index, (motion, their) in enumerate(zip(ours, theirs, strict=False)):
            problem = _motion_difference(index, motion, their)
            if problem:
                return f"{len(ours)} motions, rs274 {len(theirs)}; first difference: {problem}"
        return f"{len(ours)} motions, rs274 {len(theirs)}"
    for index, (motion, their) in enumerate(zip(ours, theirs, strict=True)):
        problem = _motion_difference(index, motion, their)
        if problem:
            return problem
    return None


# LinuxCNC 2.9.0~pre (Debian 12) raised an inverse-time (G93) rate below 0.1 program units
# per minute to 0.1; the 2.9 releases (Debian 13: 2.9.4) keep it. Feeds both sides put at
# or below it agree, whichever LinuxCNC judges.
_MIN_INVERSE_TIME_RATE = 0.1


def _motion_difference(index, motion, their) -> str | None:
    kind, end, feed, centre, rotation, factor = their
    at = f"motion {index} (line {motion.line})"
    # rs274 prints 4 decimals in the program's units: within 1e-4 mm for mm, half a
    # printed digit for inches
    tol = 1e-4 if factor == 1.0 else 0.5001e-4 * factor
    if motion.kind != kind:
        return f"{at}: {motion.kind}, rs274 {kind}"
    if kind == "spline":
        return None
    if not _close(motion.end, end, tol):
        return f"{at}: ends at {motion.end}, rs274 {end}"
    if feed is None:
        if motion.feed is not None:
            return f"{at}: feed {motion.feed}, rs274 none"
    elif abs(motion.feed - feed) > 1e-4 * factor + 1e-9 * feed and not (
        max(motion.feed, feed) <= _MIN_INVERSE_TIME_RATE * factor + tol
    ):
        return f"{at}: feed {motion.feed}, rs274 {feed}"
    if kind == "arc":
        plane, c1, c2 = centre
        first, second, _ = _PLANE_AXES[plane]
        if motion.plane != plane:
            return f"{at}: plane {motion.plane}, rs274 {plane}"
        if abs(motion.center[first] - c1) > tol or abs(motion.center[second] - c2) > tol:
            return f"{at}: centre {motion.center}, rs274 {c1}, {c2}"
        if motion.clockwise != (rotation < 0):
            return f"{at}: direction differs"
        turns = math.ceil(abs(plane_sweep(motion)) / (2 * math.pi) - 1e-6)
        if turns != abs(rotation):
            return f"{at}: {turns} turns, rs274 {rotation}"
        if motion.points[-1] != motion.end:
            return f"{at}: the last point is not the end"
    return None
