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

Importing numba and loading its cache costs a process some 0.4 s, more than the sweep of
a 5,000-line program, so a simulation does not: :func:`native_object` compiles
:func:`run_motions` once behind a C entry (:func:`entry`, arrays as pointers) into this
machine's object code, which core/sim_native.py keeps and loads with llvmlite alone.
``error_model="numpy"``: no code path raises (a division by zero would give inf, not an
exception), so the entry needs none of numba's run-time helpers; the ones its wrapper
still names are defined as ``abort`` (:func:`native_object`). The tables are described in
core/sim_layout.py.
"""

from __future__ import annotations

import math

import numba
import numpy as np

from cncworkbench.core.sim_layout import (
    BALL,
    BULL,
    COL_A,
    COL_B,
    COL_C2,
    COL_FLUTES,
    COL_R2,
    COL_RADIUS,
    COL_REACH,
    COL_SHAPE,
    CUTTER_COLUMNS,
    DONE,
    ENTRY_ARGUMENTS,
    FLAT,
    FROM_PIECE,
    TILE,
    WHOLE_MOTION,
)

_EPS = 1e-9  # the window's rounding slack and the shortest XY length (as simulation.py)
_SAMPLES = (0.0, 1 / 3, 2 / 3, 1.0)
# mm: spans are this much wider (cells visited) or narrower (cells skipped) than the
# capsules, so rounding never decides which cells are visited
_MARGIN = 1e-6
# cells a row visits before its core span is worth finding (a narrow crescent beside the
# last pass is cheaper to check cell by cell than to compute another span for)
_CORE_CELLS = 16


@numba.njit(cache=True, nogil=True, error_model="numpy", inline="always")
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


@numba.njit(cache=True, nogil=True, error_model="numpy", inline="always")
def _span(dy, ax, bx, dyb, radius, ux, uy, inv_ux, inv_uy, length):
    """The x from .. to of the cells of a row within ``radius`` of the piece a → b: the
    discs at both ends and the band between them. ``dy``, ``dyb``: the row's y less a's
    and b's; ``inv_*`` 1 / u* (or 0); ``length`` 0 (and ux, uy 0) for a vertical piece:
    a's disc only. Rounding here only widens or narrows a span by far less than the
    margin its callers add."""
    lo = np.inf
    hi = -np.inf
    r2 = radius * radius
    if dy * dy <= r2:
        w = math.sqrt(r2 - dy * dy)
        lo = ax - w
        hi = ax + w
    if length == 0.0:
        return lo, hi
    if dyb * dyb <= r2:
        w = math.sqrt(r2 - dyb * dyb)
        lo = min(lo, bx - w)
        hi = max(hi, bx + w)
    # along = dy·uy + x·ux within [0, length]; across = dy·ux − x·uy within [−r, r]
    band_lo = -np.inf
    band_hi = np.inf
    if ux != 0.0:
        p = -dy * uy * inv_ux
        q = (length - dy * uy) * inv_ux
        band_lo = min(p, q)
        band_hi = max(p, q)
    elif not 0.0 <= dy * uy <= length:
        return lo, hi
    if uy != 0.0:
        p = (dy * ux - radius) * inv_uy
        q = (dy * ux + radius) * inv_uy
        band_lo = max(band_lo, min(p, q))
        band_hi = min(band_hi, max(p, q))
    elif abs(dy * ux) > radius:
        return lo, hi
    if band_lo <= band_hi:
        lo = min(lo, ax + band_lo)
        hi = max(hi, ax + band_hi)
    return lo, hi


@numba.njit(cache=True, nogil=True, error_model="numpy")
def cut_piece(
    heights, dirty, xs, ys, x0, y0, cell, zmin, top, tol, cutter, ax, ay, az, bx, by, bz,
    stop, skip, sax, say, sbx, sby, sradius,
):  # fmt: skip
    """One straight piece a → b: (status, cells) with status 0 (met no material),
    1 (cut) or 2 (material above the flutes and ``stop``: left untouched for the numpy
    code). The tiles of ``dirty`` (TILE × TILE cells each) the piece cut are set to 1.

    Each row visits only the cells within the tool's radius of the piece (the window of
    ``_Field.piece`` less its corners: a cell beyond the radius is never cut). With
    ``skip`` (a flat tool at constant z), the cells well inside the capsule of an earlier
    flat piece s (radius ``sradius``) at this z or below are left out: that piece left
    them at most the tolerance above its z, so this one cannot cut them. The result is
    the numpy sweep's, cell for cell."""
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
    if stop and top > zlow + cutter[COL_FLUTES] + tol:
        # material may stand above the flutes: the numpy code checks the shank
        highest = -np.inf
        for j in range(j0, j1):
            for i in range(i0, i1):
                h = heights[j, i]
                if h > highest:
                    highest = h
        floor = zlow if zlow > zmin else zmin
        if float(highest) > floor + tol and float(highest) > zlow + cutter[COL_FLUTES] + tol:
            return 2, 0
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
    # the spans' directions (a vertical piece: its start's disc only)
    span_length = length if line else 0.0
    skip_length = math.hypot(sbx - sax, sby - say)
    if not skip_length > _EPS:
        skip_length = 0.0
    sux = (sbx - sax) / skip_length if skip_length else 0.0
    suy = (sby - say) / skip_length if skip_length else 0.0
    reach_out = radius + _MARGIN
    inv_ux = 1.0 / ux if ux != 0.0 else 0.0
    inv_uy = 1.0 / uy if uy != 0.0 else 0.0
    inv_sux = 1.0 / sux if sux != 0.0 else 0.0
    inv_suy = 1.0 / suy if suy != 0.0 else 0.0
    reach_in = sradius - _MARGIN
    # a flat bottom at one height: cells well inside the radius need no distance
    level_only = not sloped and shape == FLAT
    reach_core = radius - _MARGIN
    never = i1 + 1  # a core span that holds no cell
    cut = False
    cells = 0
    for j in range(j0, j1):
        y = ys[j]
        lo, hi = _span(y - ay, ax, bx, y - by, reach_out, ux, uy, inv_ux, inv_uy, span_length)
        if lo > hi:
            continue
        first = max(i0, math.ceil((lo - _MARGIN - x0) / cell))
        last = min(i1 - 1, math.floor((hi + _MARGIN - x0) / cell))
        # the cells to visit: first .. last less skip_from .. skip_to
        first2, last2 = 1, 0
        if skip:
            slo, shi = _span(
                y - say, sax, sbx, y - sby, reach_in, sux, suy, inv_sux, inv_suy, skip_length
            )
            if slo <= shi:
                skip_from = math.ceil((slo + _MARGIN - x0) / cell)
                skip_to = math.floor((shi - _MARGIN - x0) / cell)
                if skip_from <= skip_to:
                    first2, last2 = max(first, skip_to + 1), last
                    last = min(last, skip_from - 1)
        # core_from .. core_to: cells within the radius less the margin (level_only)
        core_from, core_to = never, never - 1
        if level_only and (last - first) + (last2 - first2) >= _CORE_CELLS:
            clo, chi = _span(
                y - ay, ax, bx, y - by, reach_core, ux, uy, inv_ux, inv_uy, span_length
            )
            if clo <= chi:
                core_from = math.ceil((clo + _MARGIN - x0) / cell)
                core_to = math.floor((chi - _MARGIN - x0) / cell)
                if core_from > core_to:
                    core_from, core_to = never, never - 1
        yr = y - ay
        yu = yr * uy
        yx = yr * ux
        yy = yr * yr
        for part in range(2):
            low_i = first if part == 0 else first2
            high_i = last if part == 0 else last2
            # the core span within this range is cut without distances; the cells before
            # and after it (or the whole range) are checked one by one
            core_low = max(low_i, core_from)
            core_high = min(high_i, core_to)
            sides = 1
            if core_low <= core_high:
                sides = 2
                cells += core_high - core_low + 1
                for i in range(core_low, core_high + 1):
                    if heights[j, i] - level32 > tol32:
                        heights[j, i] = level32
                        cut = True
            for side in range(sides):
                side_low = low_i if side == 0 else core_high + 1
                side_high = high_i if sides == 1 else (core_low - 1 if side == 0 else high_i)
                for i in range(side_low, side_high + 1):
                    xr = xs[i] - ax
                    cells += 1
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
    if not cut:
        return 0, cells
    dirty[j0 // TILE : (j1 - 1) // TILE + 1, i0 // TILE : (i1 - 1) // TILE + 1] = 1
    return 1, cells


@numba.njit(cache=True, nogil=True, error_model="numpy")
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


@numba.njit(cache=True, nogil=True, error_model="numpy")
def run_motions(
    heights, dirty, xs, ys, x0, y0, cell, zmin, top, tol, cutters, starts, ends, first_segment,
    motion_cutter, by_numpy, lowest, cut_out, begin, end, stop,
):  # fmt: skip
    """Motions ``begin`` .. ``end`` − 1 (their segments ``starts``/``ends`` from
    ``first_segment[m]`` on). ``cut_out[m]`` becomes 1 for a motion that cut. Returns
    (reason, motion, segment, piece, cells): DONE, WHOLE_MOTION (``by_numpy[motion]``:
    the numpy code does all of it) or FROM_PIECE (material above the flutes: the numpy
    code goes on from that piece of that segment). Without ``stop`` (playback: heights
    only) it sweeps every motion itself."""
    cells = 0
    max_piece_dz = cell / 2.0
    # the last flat piece at constant z: its capsule is cut down to its z (cut_piece)
    has_last = False
    lax = lay = lbx = lby = lradius = 0.0
    llevel = np.float32(0.0)
    for m in range(begin, end):
        if stop and by_numpy[m]:
            return WHOLE_MOTION, m, 0, 0, cells
        if not lowest[m] < top - tol:
            continue
        cutter = cutters[motion_cutter[m]]
        flat = int(cutter[COL_SHAPE]) == FLAT
        shaped = not flat
        reach = cutter[COL_REACH]
        radius = cutter[COL_RADIUS]
        for s in range(first_segment[m], first_segment[m + 1]):
            ax, ay, az = starts[s, 0], starts[s, 1], starts[s, 2]
            bx, by, bz = ends[s, 0], ends[s, 1], ends[s, 2]
            dz = bz - az
            pieces = _pieces(dz, ax, ay, bx, by, shaped, max_piece_dz, cell, reach)
            for k in range(pieces):
                if pieces == 1:
                    px, py, pz, qx, qy, qz = ax, ay, az, bx, by, bz
                else:
                    if k == 0:
                        px, py, pz = ax, ay, az
                    else:
                        t = k / pieces
                        px, py, pz = ax + (bx - ax) * t, ay + (by - ay) * t, az + dz * t
                    t = (k + 1) / pieces
                    qx, qy, qz = ax + (bx - ax) * t, ay + (by - ay) * t, az + dz * t
                zlow = pz if pz < qz else qz
                level = np.float32(zlow if zlow > zmin else zmin)
                level_cut = flat and (qz == pz or not math.hypot(qx - px, qy - py) > _EPS)
                skip = has_last and level_cut and llevel <= level
                status, count = cut_piece(
                    heights, dirty, xs, ys, x0, y0, cell, zmin, top, tol, cutter,
                    px, py, pz, qx, qy, qz, stop, skip, lax, lay, lbx, lby, lradius,
                )  # fmt: skip
                cells += count
                if status == 2:
                    return FROM_PIECE, m, s - first_segment[m], k, cells
                if status == 1:
                    cut_out[m] = 1
                if level_cut:
                    has_last = True
                    lax, lay, lbx, lby, lradius, llevel = px, py, qx, qy, radius, level
    return DONE, end, 0, 0, cells


def warm_up() -> None:
    """Compile (or load from the cache) every loop with the types simulate() passes."""
    heights = np.zeros((2, 2), dtype=np.float32)
    axis = np.zeros(2)
    cutters = np.zeros((1, CUTTER_COLUMNS))
    points = np.zeros((1, 3))
    run_motions(
        heights, np.zeros((1, 1), dtype=np.uint8), axis, axis, 0.0, 0.0, 1.0, -1.0, 0.0, 1e-3,
        cutters, points, points, np.zeros(2, dtype=np.int64), np.zeros(1, dtype=np.int64),
        np.ones(1, dtype=np.bool_), np.zeros(1), np.zeros(1, dtype=np.int8), 0, 0, True,
    )  # fmt: skip


# The C entry: every array as a pointer and its sizes (core/sim_native.py calls it).
_P = {"f32": numba.types.CPointer(numba.types.float32),
      "u8": numba.types.CPointer(numba.types.uint8),
      "i8": numba.types.CPointer(numba.types.int8),
      "f64": numba.types.CPointer(numba.types.float64),
      "i64": numba.types.CPointer(numba.types.int64),
      "int": numba.types.int64, "float": numba.types.float64}  # fmt: skip
ENTRY_SIGNATURE = numba.types.void(*(_P[kind] for kind in ENTRY_ARGUMENTS))


def entry(
    heights_p, dirty_p, xs_p, ys_p, ny, nx, dirty_ny, dirty_nx, x0, y0, cell, zmin, top, tol,
    cutters_p, cutter_count, starts_p, ends_p, segments, first_segment_p, motions,
    motion_cutter_p, by_numpy_p, lowest_p, cut_out_p, begin, end, stop, out_p,
):  # fmt: skip
    """:func:`run_motions` on arrays given as pointers; its answer in ``out_p[0:5]``."""
    out = numba.carray(out_p, (5,))
    answer = run_motions(
        numba.carray(heights_p, (ny, nx)), numba.carray(dirty_p, (dirty_ny, dirty_nx)),
        numba.carray(xs_p, (nx,)), numba.carray(ys_p, (ny,)), x0, y0, cell, zmin, top, tol,
        numba.carray(cutters_p, (cutter_count, CUTTER_COLUMNS)),
        numba.carray(starts_p, (segments, 3)), numba.carray(ends_p, (segments, 3)),
        numba.carray(first_segment_p, (motions + 1,)),
        numba.carray(motion_cutter_p, (motions,)), numba.carray(by_numpy_p, (motions,)),
        numba.carray(lowest_p, (motions,)), numba.carray(cut_out_p, (motions,)),
        begin, end, stop != 0,
    )  # fmt: skip
    for k in range(5):
        out[k] = answer[k]


def native_object() -> tuple[bytes, str, list[str]]:
    """(object code for this machine, the entry's symbol, the symbols it needs from the
    process). Uses numba's code library internals (numba is pinned in pyproject.toml)."""
    import llvmlite.binding as llvm

    compiled = numba.cfunc(ENTRY_SIGNATURE, error_model="numpy")(entry)
    library = compiled._library
    library._ensure_finalized()
    module = llvm.parse_bitcode(library._final_module.as_bitcode())
    # numba's run-time helpers serve only the raising paths, which this code has none of
    stubs = []
    for function in module.functions:
        if function.is_declaration and function.name.startswith(("numba_", "NRT_")):
            declared = str(function).strip().splitlines()[-1]
            head = declared.split("#")[0].strip().removeprefix("declare ")
            stubs.append(f"define {head} {{\n  call void @abort()\n  unreachable\n}}")
    if stubs:
        module.link_in(llvm.parse_assembly("declare void @abort()\n" + "\n".join(stubs)))
    module.verify()
    needed = sorted(
        f.name for f in module.functions if f.is_declaration and not f.name.startswith("llvm.")
    ) + sorted(g.name for g in module.global_variables if g.is_declaration)
    return library._codegen._tm.emit_object(module), compiled.native_name, needed
