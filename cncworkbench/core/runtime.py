"""How long a program runs, and its toolpath as polylines, from interpreted motions.

Works on :mod:`cncworkbench.core.gcode`'s motions: every move at its feed (rapids at the
machine's rapid rate), each starting and stopping with the machine's acceleration when it
is known (a trapezoidal speed profile: real controls blend corners, so this errs long),
plus dwells and tool changes.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from cncworkbench.core.gcode import Motion, Program

DEFAULT_TOOL_CHANGE_S = 8.0  # an average carousel change; a machine's specifications may say


@dataclass(frozen=True)
class RunTime:
    total_s: float
    cutting_s: float
    rapid_s: float
    dwell_s: float
    tool_change_s: float
    cutting_length_mm: float
    rapid_length_mm: float
    by_line_s: dict[int, float]


def points_of(motion: Motion) -> list[tuple[float, float, float]]:
    """The move as a polyline from its start (arcs as the interpreter flattened them)."""
    if motion.kind == "arc":
        return [motion.start, *motion.points]
    return [motion.start, motion.end]


def length_of(motion: Motion) -> float:
    if motion.kind != "arc":
        return math.dist(motion.start, motion.end)
    points = points_of(motion)
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def tool_changes(program: Program) -> list[tuple[int, int]]:
    """(line, tool) of each tool that starts cutting: the first and every change after."""
    changes: list[tuple[int, int]] = []
    current = None
    for motion in program.motions:
        if motion.tool is not None and motion.tool != current:
            changes.append((motion.line, motion.tool))
            current = motion.tool
    return changes


def estimate_time(
    program: Program,
    rapid_mm_min: float,
    acceleration_mm_s2: float | None = None,
    tool_change_s: float = DEFAULT_TOOL_CHANGE_S,
    max_feed_mm_min: float | None = None,
) -> RunTime:
    cutting = rapid = cut_len = rapid_len = 0.0
    by_line: dict[int, float] = {}
    for motion in program.motions:
        length = length_of(motion)
        if motion.kind == "rapid":
            speed = rapid_mm_min
        else:
            speed = motion.feed or 0.0
            if max_feed_mm_min:
                speed = min(speed, max_feed_mm_min)
        seconds = _move_seconds(length, speed / 60.0, acceleration_mm_s2)
        if motion.kind == "rapid":
            rapid += seconds
            rapid_len += length
        else:
            cutting += seconds
            cut_len += length
        by_line[motion.line] = by_line.get(motion.line, 0.0) + seconds
    dwell = sum(seconds for _line, seconds in program.dwells)
    changes = len(tool_changes(program)) * tool_change_s
    return RunTime(
        total_s=cutting + rapid + dwell + changes,
        cutting_s=cutting,
        rapid_s=rapid,
        dwell_s=dwell,
        tool_change_s=changes,
        cutting_length_mm=cut_len,
        rapid_length_mm=rapid_len,
        by_line_s=by_line,
    )


def _move_seconds(length: float, speed_mm_s: float, acceleration: float | None) -> float:
    if length <= 0 or speed_mm_s <= 0:
        return 0.0
    if not acceleration:
        return length / speed_mm_s
    ramp = speed_mm_s * speed_mm_s / acceleration  # distance to reach speed and stop again
    if length >= ramp:
        return length / speed_mm_s + speed_mm_s / acceleration
    return 2.0 * math.sqrt(length / acceleration)


def polylines(program: Program) -> dict[str, list[list[tuple[float, float, float]]]]:
    """Consecutive moves joined into polylines, feeds and rapids apart (for pictures)."""
    out: dict[str, list[list[tuple]]] = {"feeds": [], "rapids": []}
    current: list[tuple] | None = None
    current_kind = None
    for motion in program.motions:
        kind = "rapids" if motion.kind == "rapid" else "feeds"
        points = points_of(motion)
        if current is not None and kind == current_kind and current[-1] == points[0]:
            current.extend(points[1:])
        else:
            current = list(points)
            current_kind = kind
            out[kind].append(current)
    return out


def bounds(program: Program, cutting_only: bool = False) -> tuple[list[float], list[float]]:
    points = [
        p
        for motion in program.motions
        if not cutting_only or motion.kind != "rapid"
        for p in points_of(motion)
    ]
    if not points:
        return [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
    return (
        [min(p[i] for p in points) for i in range(3)],
        [max(p[i] for p in points) for i in range(3)],
    )
