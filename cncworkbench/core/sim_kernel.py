"""The compiled sweep: the common moves of :mod:`cncworkbench.core.simulation` without
Python per move or per cell.

Numba compiles these loops to machine code on first use and caches the result next to
this file (or in the user's cache folder), so later processes load it in milliseconds.
The loops do, cell by cell, exactly what ``_Field.piece`` does with numpy arrays, in the
same floating-point operations and order, so both give the same heights bit for bit
(tests/test_sim_kernel.py compares them). Everything that produces a finding — rapids and
feeds with the spindle off that meet material, descents of tools that do not cut at the
centre, holders low enough to reach the stock, material above the flutes — is left to the
numpy code: :func:`run_motions` stops before such a piece and says where it stopped.

Cutter rows (float64): shape code, radius, radius², a, b, reach, flute length, c²
    flat 0; ball 1; bull 2 (a = radius − corner, b = corner, c² = corner²);
    cone 3 (a = 1 / tan(half angle)).
"""

from __future__ import annotations

import math

import numba
import numpy as np

FLAT, BALL, BULL, CONE = 0, 1, 2, 3
(COL_SHAPE, COL_RADIUS, COL_R2, COL_A, COL_B, COL_REACH, COL_FLUTES, COL_C2) = range(8)
CUTTER_COLUMNS = 8
# run_motions' stop reasons
DONE, WHOLE_MOTION, FROM_PIECE = 0, 1, 2

_EPS = 1e-9  # the window's rounding slack and the shortest XY length (as simulation.py)
_SAMPLES = (0.0, 1 / 3, 2 / 3, 1.0)


@numba.njit(cache=True, nogil=True, inline="always")
def _profile(shape, radius, r2, a, b, c2, d2):
    if shape == BALL:
        out = r2 - d2
        if out < 0.0:
            out = 0.0
        return radius - math.sqrt(out)
    if shape == BULL:
        out = math.sqrt(d2) - a
        if out < 0.0:
            out = 0.0
        out = c2 - out * out
        if out < 0.0:
            out = 0.0
        return b - math.sqrt(out)
    return math.sqrt(d2) * a  # cone


@numba.njit(cache=True, nogil=True)
def cut_piece(heights, xs, ys, x0, y0, cell, zmin, tol, cutter, ax, ay, az, bx, by, bz):
    """One straight piece a → b: (status, cells) with status 0 (met no material),
    1 (cut) or 2 (material above the flutes: left untouched for the numpy code)."""
    ny, nx = heights.shape
    reach = cutter[COL_REACH]
    i0 = max(0, math.ceil((min(ax, bx) - reach - x0) / cell - _EPS))
    i1 = min(nx, math.floor((max(ax, bx) + reach - x0) / cell + _EPS) + 1)
    if i0 >= i1:
        return 0, 0
    j0 = max(0, math.ceil((min(ay, by) - reach - y0) / cell - _EPS))
    j1 = min(ny, math.floor((max(ay, by) + reach - y0) / cell + _EPS) + 1)
    if j0 >= j1:
        return 0, 0
    zlow = az if az < bz else bz
    floor = zlow if zlow > zmin else zmin
    highest = -np.inf
    for j in range(j0, j1):
        for i in range(i0, i1):
            h = heights[j, i]
            if h > highest:
                highest = h
    highest = float(highest)
    if highest <= floor + tol:
        return 0, 0
    if highest > zlow + cutter[COL_FLUTES] + tol:
        return 2, 0
    cells = (i1 - i0) * (j1 - j0)
    shape = int(cutter[COL_SHAPE])
    radius = cutter[COL_RADIUS]
    r2 = cutter[COL_R2]
    pa = cutter[COL_A]
    pb = cutter[COL_B]
    c2 = cutter[COL_C2]
    dz = bz - az
    vx = bx - ax
    vy = by - ay
    length = math.hypot(vx, vy)
    line = length > _EPS
    sloped = dz != 0.0 and (ax != bx or ay != by) and line
    ux = vx / length if line else 0.0
    uy = vy / length if line else 0.0
    nuy = -uy
    rise = dz / length if sloped else 0.0
    level = zlow if zlow > zmin else zmin
    level32 = np.float32(level)
    tol32 = np.float32(tol)
    clamp = zlow < zmin
    cut = False
    for j in range(j0, j1):
        yr = ys[j] - ay
        yu = yr * uy
        yx = yr * ux
        yy = yr * yr
        for i in range(i0, i1):
            xr = xs[i] - ax
            if line:
                along = yu + xr * ux
                perp = yx + xr * nuy
                perp2 = perp * perp
                clipped = along if along > 0.0 else 0.0
                if clipped > length:
                    clipped = length
                beyond = along - clipped
                d2 = perp2 + beyond * beyond
            else:
                along = 0.0
                perp2 = 0.0
                clipped = 0.0
                d2 = yy + xr * xr
            if not d2 <= r2:
                continue
            h = heights[j, i]
            if not sloped:
                if shape == FLAT:
                    if h - level32 > tol32:
                        heights[j, i] = level32
                        cut = True
                    continue
                z = _profile(shape, radius, r2, pa, pb, c2, d2) + zlow
            else:
                half = r2 - perp2
                if half < 0.0:
                    half = 0.0
                half = math.sqrt(half)
                if dz < 0:
                    far = half + along
                    if far > length:
                        far = length
                else:
                    far = along - half
                    if far < 0.0:
                        far = 0.0
                if shape == FLAT:
                    z = far * rise + az
                else:
                    z = np.inf
                    for fraction in _SAMPLES:
                        at = clipped + fraction * (far - clipped)
                        off = at - along
                        off = off * off + perp2
                        value = _profile(shape, radius, r2, pa, pb, c2, off) + at * rise
                        if value < z:
                            z = value
                    z = z + az
            if clamp and z < zmin:
                z = zmin
            if float(h) - z > tol:
                heights[j, i] = np.float32(z)
                cut = True
    return (1 if cut else 0), cells


@numba.njit(cache=True, nogil=True)
def _pieces(dz, ax, ay, bx, by, shaped, max_piece_dz, cell, reach):
    pieces = 1
    if dz != 0.0 and shaped:
        length = math.hypot(bx - ax, by - ay)
        if length > _EPS:
            pieces = max(
                1,
                min(
                    math.ceil(abs(dz) / max_piece_dz - 1e-9),
                    math.ceil(length / (cell / 2.0) - 1e-9),
                ),
            )
    wide = min(abs(bx - ax), abs(by - ay))
    if wide > 2.0 * reach:
        pieces = max(pieces, math.ceil(wide / (2.0 * reach)))
    return pieces


@numba.njit(cache=True, nogil=True)
def run_motions(
    heights, xs, ys, x0, y0, cell, zmin, top, tol, cutters, starts, ends, first_segment,
    motion_cutter, by_numpy, lowest, cut_out, begin, end, resume_segment, resume_piece,
):  # fmt: skip
    """Motions ``begin`` .. ``end`` − 1 (their segments ``starts``/``ends`` from
    ``first_segment[m]`` on), resuming ``begin`` at (segment, piece) ``resume_*``.
    ``cut_out[m]`` becomes 1 for a motion that cut. Returns (reason, motion, segment,
    piece, cells): DONE, WHOLE_MOTION (``by_numpy[motion]``: the numpy code does all of
    it) or FROM_PIECE (the numpy code goes on from that piece of that segment)."""
    cells = 0
    max_piece_dz = cell / 2.0
    for m in range(begin, end):
        skip_segments = resume_segment if m == begin else 0
        skip_pieces = resume_piece if m == begin else 0
        if by_numpy[m] and skip_segments == 0 and skip_pieces == 0:
            return WHOLE_MOTION, m, 0, 0, cells
        if not lowest[m] < top - tol:
            continue
        cutter = cutters[motion_cutter[m]]
        shaped = int(cutter[COL_SHAPE]) != FLAT
        reach = cutter[COL_REACH]
        for s in range(first_segment[m] + skip_segments, first_segment[m + 1]):
            ax, ay, az = starts[s, 0], starts[s, 1], starts[s, 2]
            bx, by, bz = ends[s, 0], ends[s, 1], ends[s, 2]
            dz = bz - az
            pieces = _pieces(dz, ax, ay, bx, by, shaped, max_piece_dz, cell, reach)
            first = skip_pieces if s == first_segment[m] + skip_segments else 0
            if pieces == 1:
                if first == 0:
                    status, count = cut_piece(
                        heights, xs, ys, x0, y0, cell, zmin, tol, cutter, ax, ay, az, bx, by, bz
                    )
                    cells += count
                    if status == 2:
                        return FROM_PIECE, m, s - first_segment[m], 0, cells
                    if status == 1:
                        cut_out[m] = 1
                continue
            for k in range(first, pieces):
                if k == 0:
                    px, py, pz = ax, ay, az
                else:
                    t = k / pieces
                    px, py, pz = ax + (bx - ax) * t, ay + (by - ay) * t, az + dz * t
                t = (k + 1) / pieces
                qx, qy, qz = ax + (bx - ax) * t, ay + (by - ay) * t, az + dz * t
                status, count = cut_piece(
                    heights, xs, ys, x0, y0, cell, zmin, tol, cutter, px, py, pz, qx, qy, qz
                )
                cells += count
                if status == 2:
                    return FROM_PIECE, m, s - first_segment[m], k, cells
                if status == 1:
                    cut_out[m] = 1
    return DONE, end, 0, 0, cells


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


def warm_up() -> None:
    """Compile (or load from the cache) every loop with the types simulate() passes."""
    heights = np.zeros((2, 2), dtype=np.float32)
    axis = np.zeros(2)
    cutters = np.zeros((1, CUTTER_COLUMNS))
    points = np.zeros((1, 3))
    run_motions(
        heights, axis, axis, 0.0, 0.0, 1.0, -1.0, 0.0, 1e-3, cutters, points, points,
        np.zeros(2, dtype=np.int64), np.zeros(1, dtype=np.int64), np.ones(1, dtype=np.bool_),
        np.zeros(1), np.zeros(1, dtype=np.int8), 0, 0, 0, 0,
    )  # fmt: skip
