"""The tables the compiled sweep (core/sim_kernel.py) reads, without numba: the cutter
rows, the motions as arrays of segments, and the constants both sides agree on.

Cutter rows (float64): shape code, radius, radius², a, b, reach, flute length, c²
    flat 0; ball 1; bull 2 (a = radius − corner, b = corner, c² = corner²);
    cone 3 (a = 1 / tan(half angle)).
"""

from __future__ import annotations

import math

import numpy as np

TILE = 64  # cells a side of a playback tile (core/sim_playback.py)
FLAT, BALL, BULL, CONE = 0, 1, 2, 3
(COL_SHAPE, COL_RADIUS, COL_R2, COL_A, COL_B, COL_REACH, COL_FLUTES, COL_C2) = range(8)
CUTTER_COLUMNS = 8
# run_motions' stop reasons
DONE, WHOLE_MOTION, FROM_PIECE = 0, 1, 2


def cutter_row(tool, reach: float) -> list[float]:
    """A ToolShape as a row of the cutter table (see the module documentation)."""
    radius = tool.diameter_mm / 2.0
    row = [0.0] * CUTTER_COLUMNS
    row[COL_RADIUS] = radius
    row[COL_R2] = radius * radius
    row[COL_REACH] = reach
    row[COL_FLUTES] = tool.flute_length_mm
    if tool.shape == "ball":
        row[COL_SHAPE] = BALL
    elif tool.shape == "bull":
        corner = tool.corner_radius_mm
        row[COL_SHAPE] = BULL
        row[COL_A] = radius - corner
        row[COL_B] = corner
        row[COL_C2] = corner * corner
    elif tool.shape in ("drill", "chamfer"):
        row[COL_SHAPE] = CONE
        row[COL_A] = 1.0 / math.tan(math.radians(tool.tip_angle_deg) / 2.0)
    return row


def motion_tables(motions, top: float, tol: float):
    """(segment starts, segment ends, each motion's first segment (one more at the end),
    each motion's lowest z, each motion's kind for the rules: 1 a rapid or a move with the
    spindle off, 2 a feed with a descending segment, 0 another feed)."""
    coords: list[float] = []
    first = [0]
    lowest: list[float] = []
    special: list[int] = []
    extend = coords.extend
    segments = 0
    for motion in motions:
        start = motion.start
        if motion.kind == "arc":
            points = motion.points
            low = start[2]
            previous = start
            descends = False
            for point in points:
                extend(previous)
                extend(point)
                z = point[2]
                if z < low:
                    low = z
                if z < previous[2]:
                    descends = True
                previous = point
            segments += len(points)
        else:
            end = motion.end
            extend(start)
            extend(end)
            segments += 1
            low = start[2] if start[2] < end[2] else end[2]
            descends = end[2] < start[2]
        first.append(segments)
        lowest.append(low)
        if motion.kind == "rapid" or motion.spindle == "off":
            special.append(1)
        else:
            special.append(2 if descends else 0)
    table = np.asarray(coords, dtype=np.float64).reshape(-1, 6)
    return (
        np.ascontiguousarray(table[:, :3]),
        np.ascontiguousarray(table[:, 3:]),
        np.asarray(first, dtype=np.int64),
        np.asarray(lowest, dtype=np.float64),
        np.asarray(special, dtype=np.int8),
    )


# The kinds of sim_kernel.entry's arguments, in order (pointers: f32 u8 i8 f64 i64).
ENTRY_ARGUMENTS = (
    "f32", "u8", "f64", "f64", "int", "int", "int", "int",  # heights dirty xs ys, sizes
    "float", "float", "float", "float", "float", "float",  # x0 y0 cell zmin top tol
    "f64", "int", "f64", "f64", "int", "i64", "int",  # cutters, segments, first segment
    "i64", "u8", "f64", "i8", "int", "int", "int", "i64",  # per motion, begin end stop, out
)  # fmt: skip
