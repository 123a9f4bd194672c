"""The simulated stock against the design: gouges, leftover material, cuts below the stock.

The design is a closed triangle mesh (an STL, or FreeCAD's tessellation of an FCStd or
STEP model) in program coordinates. :func:`design_field` rasterises it onto the
simulation's own grid, sampling each cell's vertical line through its centre, as the
simulation samples the stock: the design's top there, and how often the line crosses the
surface. :func:`compare` then sets the final height field against it, in numpy.

Decisions
    * Where the design has no material (outside its outline), the target is the design's
      bottom (or the stock's, when that is higher): stock left there is leftover; cutting
      deeper is not a gouge.
    * A cell is gouged when the stock is below the lowest design height of the cell and
      its eight neighbours by more than the tolerance, and carries leftover when it is
      above the highest of them by more than the stock to leave plus the tolerance. The
      neighbourhood absorbs the half cell by which a wall sampled at cell centres may sit
      from the true wall, so a program that cuts the design exactly passes at any
      resolution; depth and volume are measured against the cell's own design height.
    * The default tolerance is ``0.01 mm + cell / 10``: the tessellation's deflection
      (``TESSELLATION_MM``), the stock's float32 heights, and the few µm a shaped tool's
      ramp may be left high by the simulation (see ``core.simulation``).
    * Undercuts: a vertical line that crosses the design's surface more than twice meets
      material, then air, then material again; from above only the top is seen, so such
      cells are reported as the share of the design's outline not verifiable from above,
      and never as leftover below their top.
    * Findings: one per connected region (8-connected) of gouged or leftover cells, the
      largest by volume first, at most ``MAX_REGIONS`` of each kind (the summary counts
      all). A gouge names the first program line whose tool went below the design there.
    * ``below_stock`` (a warning): a motion whose tool tip goes below the stock's bottom
      within the stock's outline (widened by the tool radius) cuts into whatever is under
      the stock (a through-drill's breakthrough needs parallels or a spoilboard there; a
      fixture box under the stock is already a fixture collision); one finding per run of
      such motions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from cncworkbench.core.gcode import Program
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, Message
from cncworkbench.core.simulation import (
    ERROR,
    WARNING,
    Finding,
    Grid,
    SimulationResult,
    ToolShape,
)

KINDS = ("gouge", "leftover", "below_stock")
TESSELLATION_MM = 0.005  # linear deflection asked of FreeCAD's tessellation
MAX_REGIONS = 50
_BUCKETS = (1, 2, 4, 8, 16, 32)  # triangles up to this many cells wide: vectorised
_CANDIDATES_PER_CHUNK = 4_000_000
_SAMPLES_PER_REGION = 48
# A vertical line through a cell centre that passes exactly through a mesh edge would
# count both triangles (or neither): shift the sampling point by a sub-µm irrational step.
_JITTER = (0.31830988618e-6, 0.27182818284e-6)


def default_tolerance(cell_mm: float) -> float:
    """The tolerance (mm) a program that cuts the design exactly passes with."""
    return round(0.01 + cell_mm / 10.0, 6)


@dataclass
class DesignField:
    """The design sampled on a simulation grid (rows: y, columns: x)."""

    top: np.ndarray  # float32 (ny, nx): the design's highest surface; nan outside
    crossings: np.ndarray  # int16 (ny, nx): surface crossings of the cell's vertical line
    zmin: float  # the design's lowest and highest z
    zmax: float
    cell_mm: float
    origin: tuple[float, float]

    @property
    def inside(self) -> np.ndarray:
        return self.crossings > 0

    @property
    def undercut(self) -> np.ndarray:
        return self.crossings > 2

    def arrays(self) -> dict[str, np.ndarray]:
        """What :func:`field_from_arrays` rebuilds it from (an .npz cache)."""
        return {
            "top": self.top,
            "crossings": self.crossings,
            "meta": np.array([self.zmin, self.zmax, self.cell_mm, *self.origin]),
        }


def field_from_arrays(arrays: Mapping[str, np.ndarray]) -> DesignField:
    zmin, zmax, cell, ox, oy = (float(v) for v in arrays["meta"])
    return DesignField(
        np.asarray(arrays["top"], np.float32),
        np.asarray(arrays["crossings"], np.int16),
        zmin,
        zmax,
        cell,
        (ox, oy),
    )


def design_field(
    triangles: np.ndarray, grid: Grid, offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
) -> DesignField:
    """Rasterise the mesh ``triangles`` (n, 3, 3), moved by ``offset``, onto ``grid``."""
    tri = np.asarray(triangles, dtype=np.float64).reshape(-1, 3, 3) + np.asarray(offset)
    ny, nx = grid.shape
    cell = grid.cell_mm
    top = np.full(ny * nx, -np.inf)
    crossings = np.zeros(ny * nx, dtype=np.int32)
    if len(tri) == 0:
        raise ValueError("the design has no triangles")
    zmin = float(tri[:, :, 2].min())
    zmax = float(tri[:, :, 2].max())
    # in cell units, relative to cell (0, 0)'s centre (jittered)
    u = (tri[:, :, 0] - grid.origin[0] - _JITTER[0]) / cell
    v = (tri[:, :, 1] - grid.origin[1] - _JITTER[1]) / cell
    z = tri[:, :, 2]
    area = (u[:, 1] - u[:, 0]) * (v[:, 2] - v[:, 0]) - (u[:, 2] - u[:, 0]) * (v[:, 1] - v[:, 0])
    keep = np.abs(area) > 1e-12  # vertical faces do not cross a vertical line
    u, v, z, area = u[keep], v[keep], z[keep], area[keep]
    i0 = np.maximum(np.ceil(u.min(axis=1)), 0).astype(np.int64)
    i1 = np.minimum(np.floor(u.max(axis=1)), nx - 1).astype(np.int64)
    j0 = np.maximum(np.ceil(v.min(axis=1)), 0).astype(np.int64)
    j1 = np.minimum(np.floor(v.max(axis=1)), ny - 1).astype(np.int64)
    live = (i1 >= i0) & (j1 >= j0)
    span = np.maximum(i1 - i0, j1 - j0) + 1
    done = ~live
    for size in _BUCKETS:
        chosen = np.flatnonzero(~done & (span <= size))
        done[chosen] = True
        step = max(1, _CANDIDATES_PER_CHUNK // (size * size))
        offsets = np.arange(size)
        for start in range(0, len(chosen), step):
            pick = chosen[start : start + step]
            ii = i0[pick, None, None] + offsets[None, None, :]
            jj = j0[pick, None, None] + offsets[None, :, None]
            _accumulate(u[pick], v[pick], z[pick], area[pick], ii, jj, nx, ny, top, crossings)
    top2d = top.reshape(ny, nx)
    crossings2d = crossings.reshape(ny, nx)
    for t in np.flatnonzero(~done):  # large triangles: a window of the field each
        ii = np.arange(i0[t], i1[t] + 1)[None, :]
        jj = np.arange(j0[t], j1[t] + 1)[:, None]
        hit, zz = _inside(u[t], v[t], z[t], area[t], ii, jj)
        window = (slice(j0[t], j1[t] + 1), slice(i0[t], i1[t] + 1))
        np.maximum(top2d[window], np.where(hit, zz, -np.inf), out=top2d[window])
        crossings2d[window] += hit
    top = top.reshape(ny, nx)
    top[~np.isfinite(top)] = np.nan
    return DesignField(
        top.astype(np.float32),
        crossings.reshape(ny, nx).astype(np.int16),
        zmin,
        zmax,
        cell,
        tuple(grid.origin),
    )


def _inside(u, v, z, area, ii, jj):
    """Which cell centres (ii, jj) the triangle (u, v) covers, and its z over each."""
    w1 = ((ii - u[0]) * (v[2] - v[0]) - (u[2] - u[0]) * (jj - v[0])) / area
    w2 = ((u[1] - u[0]) * (jj - v[0]) - (ii - u[0]) * (v[1] - v[0])) / area
    w0 = 1.0 - w1 - w2
    hit = (w0 >= 0) & (w1 >= 0) & (w2 >= 0)
    return hit, w0 * z[0] + w1 * z[1] + w2 * z[2]


def _accumulate(u, v, z, area, ii, jj, nx, ny, top, crossings) -> None:
    """Cells (jj, ii) inside each triangle: their z on it into ``top`` (max), and a count."""
    # triangles along the first axis: (t, 1, 1) against windows of cells
    hit, zz = _inside(
        [u[:, k, None, None] for k in range(3)],
        [v[:, k, None, None] for k in range(3)],
        [z[:, k, None, None] for k in range(3)],
        area[:, None, None],
        ii,
        jj,
    )
    hit &= (ii < nx) & (jj < ny)
    if not hit.any():
        return
    flat = (np.broadcast_to(jj, hit.shape) * nx + np.broadcast_to(ii, hit.shape))[hit]
    np.maximum.at(top, flat, zz[hit])
    np.add.at(crossings, flat, 1)


# ------------------------------------------------------------------------- regions
def label_regions(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """8-connected regions of ``mask``: (labels 1..n, 0 outside; n), from runs of cells."""
    ny, nx = mask.shape
    labels = np.zeros(mask.shape, dtype=np.int32)
    if not mask.any():
        return labels, 0
    padded = np.zeros((ny, nx + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(edges == 1)
    rows_e, ends = np.nonzero(edges == -1)  # exclusive
    order_s = np.lexsort((starts, rows_s))
    order_e = np.lexsort((ends, rows_e))
    rows, starts, ends = rows_s[order_s], starts[order_s], ends[order_e]
    count = len(rows)
    parent = np.arange(count)

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    # runs of row r overlap (8-connected) runs of row r - 1 when their spans, widened by
    # one cell, intersect; both lists are sorted by row then start
    row_first = np.searchsorted(rows, np.arange(ny + 1))
    for r in range(1, ny):
        a0, a1 = row_first[r - 1], row_first[r]
        b0, b1 = row_first[r], row_first[r + 1]
        if a0 == a1 or b0 == b1:
            continue
        prev_s, prev_e = starts[a0:a1], ends[a0:a1]
        lo = np.searchsorted(prev_e, starts[b0:b1], side="left")
        hi = np.searchsorted(prev_s, ends[b0:b1] + 1, side="left")
        for k in np.flatnonzero(hi > lo):
            for m in range(lo[k], hi[k]):
                ra, rb = find(a0 + m), find(b0 + k)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([find(k) for k in range(count)])
    _, region = np.unique(roots, return_inverse=True)
    for k in range(count):
        labels[rows[k], starts[k] : ends[k]] = region[k] + 1
    return labels, int(region.max()) + 1


def _neighbourhood(values: np.ndarray, reduce) -> np.ndarray:
    """``reduce`` (np.minimum / np.maximum) of each cell and its eight neighbours."""
    padded = np.pad(values, 1, mode="edge")
    out = values.copy()
    ny, nx = values.shape
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            if dy != 1 or dx != 1:
                reduce(out, padded[dy : dy + ny, dx : dx + nx], out=out)
    return out


# ------------------------------------------------------------------------- findings
@dataclass(frozen=True)
class DesignFinding(Finding):
    """A gouge or leftover region: a finding with its measures."""

    measures: dict = field(default_factory=dict)  # depth_mm, volume_mm3, area_mm2

    def as_dict(self) -> dict:
        return {**super().as_dict(), **self.measures}


@dataclass
class Verification:
    """What the comparison found, and the figures the report shows."""

    findings: list[Finding]
    tolerance_mm: float
    leave_mm: float
    roughing: bool
    gouge_volume_mm3: float
    leftover_volume_mm3: float
    gouge_regions: int
    leftover_regions: int
    unverifiable_percent: float  # of the design's outline, not verifiable from above
    design_volume_mm3: float  # of the design within the stock, seen from above
    corner_regions: int = 0  # leftover regions that are only a cutter's inner-corner radius

    def as_dict(self) -> dict:
        return {
            "compared": True,
            "tolerance_mm": self.tolerance_mm,
            "leave_mm": self.leave_mm,
            "roughing": self.roughing,
            "gouge_volume_mm3": round(self.gouge_volume_mm3, 3),
            "leftover_volume_mm3": round(self.leftover_volume_mm3, 3),
            "gouge_regions": self.gouge_regions,
            "leftover_regions": self.leftover_regions,
            "unverifiable_percent": round(self.unverifiable_percent, 3),
            "design_volume_mm3": round(self.design_volume_mm3, 3),
            "corner_regions": self.corner_regions,
        }


def _says(source: str, **params) -> Message:
    return Message("Findings", source, params)


def target_heights(design: DesignField, result: SimulationResult) -> np.ndarray:
    """What the stock's top should be per cell (see the module documentation)."""
    return _target(design, result.stock_min[2], result.stock_max[2])


def _target(design: DesignField, stock_bottom: float, stock_top: float) -> np.ndarray:
    floor = max(design.zmin, stock_bottom)
    target = np.where(design.inside, design.top, np.float32(floor)).astype(np.float32)
    np.clip(target, stock_bottom, stock_top, out=target)
    return target


def gouge_floor(
    design: DesignField, stock_bottom: float, stock_top: float, tolerance_mm: float
) -> np.ndarray:
    """The height each cell may be cut down to before :func:`compare` calls it a gouge
    (float32, the grid's shape). The stock only gets lower, so a cell below it at any line
    of the program is gouged from that line on: the review shows gouges mid-program."""
    low = _neighbourhood(_target(design, stock_bottom, stock_top), np.minimum)
    return low - np.float32(tolerance_mm)


def compare(
    result: SimulationResult,
    design: DesignField,
    program: Program,
    tools: Mapping[int, ToolShape],
    leave_mm: float = 0.0,
    tolerance_mm: float | None = None,
    roughing: bool = False,
) -> Verification:
    """Gouge and leftover findings of the simulated ``result`` against ``design``."""
    cell = result.grid.cell_mm
    if design.top.shape != result.heights.shape or not math.isclose(design.cell_mm, cell):
        raise ValueError("the design field was made for another grid")
    tol = default_tolerance(cell) if tolerance_mm is None else float(tolerance_mm)
    heights = result.heights
    target = target_heights(design, result)
    low = _neighbourhood(target, np.minimum)
    # Stock to leave is a skin over the design, on walls as on floors: the surface it
    # allows is the design widened by it sideways and raised by it.
    allowed = _disc(target, leave_mm / cell, np.maximum) if leave_mm > 0 else target
    high = _neighbourhood(allowed, np.maximum)
    area = cell * cell
    gouged = heights < low - np.float32(tol)
    left = heights > high + np.float32(leave_mm + tol)
    findings: list[Finding] = []
    gouge_volume = leftover_volume = 0.0
    labels, count_g = label_regions(gouged)
    regions = _regions(labels, count_g, np.maximum(target - heights, 0) * area)
    gouge_volume = sum(volume for volume, _ in regions)
    segments = _Segments(program, tools, result.stock_max[2])
    for volume, cells in regions[:MAX_REGIONS]:
        j, i = cells
        depth_all = low[j, i] - heights[j, i]
        k = int(np.argmax(depth_all))
        x, y = _centre(result.grid, i[k], j[k])
        z = float(heights[j[k], i[k]])
        depth = float(depth_all[k])
        motion = segments.first_below(result.grid, cells, low, tol)
        line = program.motions[motion].line if motion is not None else 0
        findings.append(
            DesignFinding(
                "gouge",
                ERROR,
                line,
                x,
                y,
                z,
                _says(
                    QT_TRANSLATE_NOOP(
                        "Findings",
                        "Gouge: the tool cut {depth} mm into the design near {at} "
                        "({volume} mm³ below the design surface).",
                    ),
                    depth=round(depth, 3),
                    at=_at((x, y, z)),
                    volume=round(volume, 1),
                ),
                motion if motion is not None else 0,
                {
                    "depth_mm": round(depth, 4),
                    "volume_mm3": round(volume, 3),
                    "area_mm2": round(len(j) * area, 3),
                },
            )
        )
    # leftover volume: the region widened by one cell (the neighbourhood rule leaves out
    # the ring next to a wall), measured against each cell's own design height
    excess = heights - allowed - np.float32(leave_mm)
    excess[excess <= tol] = 0.0
    labels, count_l = label_regions(left)
    if count_l:
        labels = _grow(labels, excess > 0)
    regions = _regions(labels, count_l, excess * area)
    leftover_volume = sum(volume for volume, _ in regions)
    severity = WARNING if roughing else ERROR
    radius = corner_radius_mm(program, tools)
    corners = 0
    for volume, cells in regions[:MAX_REGIONS]:
        j, i = cells
        thickness = excess[j, i]
        k = int(np.argmax(thickness))
        x, y = _centre(result.grid, i[k], j[k])
        z = float(heights[j[k], i[k]])
        corner = radius is not None and inner_corner(
            heights, allowed, cells, radius / cell, leave_mm + tol
        )
        if corner:
            corners += 1
            says = _says(
                QT_TRANSLATE_NOOP(
                    "Findings",
                    "Inner corner: {volume} mm³ stays near {at}, where the design's corner "
                    "is tighter than the smallest cutter's radius ({radius} mm); round the "
                    "corner in the design or finish it with a smaller tool.",
                ),
                volume=round(volume, 1),
                at=_at((x, y, z)),
                radius=round(radius, 3),
            )
        else:
            says = _says(
                QT_TRANSLATE_NOOP(
                    "Findings",
                    "Leftover: {volume} mm³ of material over {area} mm² stands up to "
                    "{depth} mm above the design near {at}.",
                ),
                volume=round(volume, 1),
                area=round(len(j) * area, 1),
                depth=round(float(thickness[k]), 3),
                at=_at((x, y, z)),
            )
        findings.append(
            DesignFinding(
                "leftover",
                WARNING if corner else severity,
                0,
                x,
                y,
                z,
                says,
                0,
                {
                    "depth_mm": round(float(thickness[k]), 4),
                    "volume_mm3": round(volume, 3),
                    "area_mm2": round(len(j) * area, 3),
                },
            )
        )
    inside = design.inside
    outline = int(inside.sum())
    unverifiable = 100.0 * int(design.undercut.sum()) / outline if outline else 0.0
    design_volume = float(
        (np.maximum(target - result.stock_min[2], 0) * inside).sum(dtype=np.float64) * area
    )
    return Verification(
        findings,
        tol,
        leave_mm,
        roughing,
        gouge_volume,
        leftover_volume,
        count_g,
        count_l,
        unverifiable,
        design_volume,
        corners,
    )


# ------------------------------------------------------------------ inner corners
_CORNER_SHARE = 1.0 - math.pi / 4.0  # of r²: what a round cutter leaves in a square corner
_CORNER_SLACK = 2.5  # two corners of one narrow end may join; cells at the region's edge


def corner_radius_mm(program: Program, tools: Mapping[int, ToolShape]) -> float | None:
    """The smallest radius among the milling cutters the program uses (None: none)."""
    radii = [
        tools[number].diameter_mm / 2.0
        for number in program.tools_used
        if number in tools and tools[number].shape in ("flat", "ball", "bull")
    ]
    return min(radii) if radii else None


def _disc(values: np.ndarray, radius_cells: float, reduce) -> np.ndarray:
    """``reduce`` (np.maximum / np.minimum) over a disc of ``radius_cells`` around each
    cell: one running reduction along rows, widened a cell at a time, taken into the
    result by every row offset whose chord has that half-width (two arrays in memory)."""
    r = math.floor(radius_cells)
    padded = np.pad(values, r, mode="edge")
    ny, nx = values.shape
    by_width: dict[int, list[int]] = {}
    for dy in range(-r, r + 1):
        w = math.floor(math.sqrt(max(radius_cells * radius_cells - dy * dy, 0.0)))
        by_width.setdefault(w, []).append(dy)
    out = values.copy()
    run = padded.copy()
    for w in range(0, r + 1):
        if w:
            reduce(run[:, w:], padded[:, :-w], out=run[:, w:])
            reduce(run[:, :-w], padded[:, w:], out=run[:, :-w])
        for dy in by_width.get(w, []):
            reduce(out, run[r + dy : r + dy + ny, r : r + nx], out=out)
    return out


def inner_corner(heights, target, cells, radius_cells: float, allowance: float) -> bool:
    """Whether a leftover region is only what a round cutter of ``radius_cells`` cannot
    reach in an inner corner of the design: every cell of it lies within the design's
    closing by that disc (where the cutter cannot go), and what the cutter cannot reach
    there is no bigger than a corner's share of r² (a hole or slot narrower than the
    cutter is a feature left unmachined, not a corner)."""
    j, i = cells
    margin = math.ceil(2 * radius_cells) + 2
    ny, nx = target.shape
    j0, j1 = max(int(j.min()) - margin, 0), min(int(j.max()) + margin + 1, ny)
    i0, i1 = max(int(i.min()) - margin, 0), min(int(i.max()) + margin + 1, nx)
    window = target[j0:j1, i0:i1]
    reach = _disc(_disc(window, radius_cells, np.maximum), radius_cells, np.minimum)
    reach_high = _neighbourhood(reach, np.maximum)
    jj, ii = j - j0, i - i0
    if (heights[j, i] > reach_high[jj, ii] + np.float32(allowance)).any():
        return False
    unreachable = reach > window + np.float32(allowance)
    labels, _count = label_regions(unreachable)
    touched = np.unique(_neighbourhood(labels, np.maximum)[jj, ii])
    touched = touched[touched > 0]
    if not len(touched):
        return True  # within tolerance of the reachable surface
    cells_unreachable = int(np.isin(labels, touched).sum())
    limit = _CORNER_SLACK * _CORNER_SHARE * radius_cells * radius_cells
    return cells_unreachable <= limit


def _regions(labels: np.ndarray, count: int, weights: np.ndarray):
    """[(volume, (rows, columns))] per region, the largest volume first."""
    if not count:
        return []
    j, i = np.nonzero(labels)
    lab = labels[j, i]
    order = np.argsort(lab, kind="stable")
    j, i, lab = j[order], i[order], lab[order]
    bounds = np.searchsorted(lab, np.arange(1, count + 2))
    volumes = np.bincount(lab, weights=weights[j, i].astype(np.float64), minlength=count + 1)
    out = [
        (float(volumes[n]), (j[bounds[n - 1] : bounds[n]], i[bounds[n - 1] : bounds[n]]))
        for n in range(1, count + 1)
    ]
    out.sort(key=lambda item: -item[0])
    return out


def _grow(labels: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Each region widened by one cell into ``allowed`` cells that have no region."""
    grown = _neighbourhood(labels, np.maximum)
    out = labels.copy()
    take = (labels == 0) & allowed & (grown > 0)
    out[take] = grown[take]
    return out


def _centre(grid: Grid, i, j) -> tuple[float, float]:
    return (
        float(grid.origin[0] + int(i) * grid.cell_mm),
        float(grid.origin[1] + int(j) * grid.cell_mm),
    )


def _at(where) -> str:
    x, y, z = where
    return f"X{x:.3f} Y{y:.3f} Z{z:.3f}"


# ---------------------------------------------------------------- who cut it first
def _profile(tool: ToolShape, d: np.ndarray) -> np.ndarray:
    """Height of the tool's bottom above its tip at distance ``d`` from the axis."""
    radius = tool.diameter_mm / 2.0
    if tool.shape == "ball":
        return radius - np.sqrt(np.maximum(radius * radius - d * d, 0.0))
    if tool.shape == "bull":
        corner = tool.corner_radius_mm
        out = np.maximum(d - (radius - corner), 0.0)
        return corner - np.sqrt(np.maximum(corner * corner - out * out, 0.0))
    if tool.shape in ("drill", "chamfer"):
        return d / math.tan(math.radians(tool.tip_angle_deg) / 2.0)
    return np.zeros_like(d)


class _Segments:
    """Every straight piece of the program's moves with its tool, in program order."""

    def __init__(self, program: Program, tools: Mapping[int, ToolShape], top_z: float):
        starts, ends, owners = [], [], []
        first_z_move = True
        for index, motion in enumerate(program.motions):
            if motion.kind == "arc":
                points = (motion.start, *motion.points)
            else:
                points = (motion.start, motion.end)
            if first_z_move:
                # until the first Z move the tool is at home, above everything
                if motion.kind != "arc" and motion.start[2] == motion.end[2]:
                    continue
                first_z_move = False
                points = ((points[0][0], points[0][1], top_z + 1.0), *points[1:])
            for a, b in pairwise(points):  # flat lists: numpy reads floats faster than tuples
                starts.extend(a)
                ends.extend(b)
                owners.append(index)
        self.a = np.array(starts, dtype=np.float64).reshape(-1, 3)
        self.b = np.array(ends, dtype=np.float64).reshape(-1, 3)
        self.motion = np.array(owners, dtype=np.int64)
        only = next(iter(tools.values())) if len(tools) == 1 else None
        first = tools.get(program.tools_used[0]) if program.tools_used else None
        # each motion's tool once, then each piece's (pieces outnumber motions)
        of_motion = [
            tools.get(m.tool) if m.tool is not None else (first or only) for m in program.motions
        ]
        radius_of = np.array([t.diameter_mm / 2.0 if t else 0.0 for t in of_motion])
        self.tools = [of_motion[index] for index in self.motion.tolist()]
        self.radius = radius_of[self.motion] if len(self.motion) else np.zeros(0)

    def first_below(self, grid: Grid, cells, low: np.ndarray, tol: float) -> int | None:
        """The first motion whose tool went below ``low`` - ``tol`` at one of ``cells``."""
        j, i = cells
        if len(j) > _SAMPLES_PER_REGION:
            pick = np.linspace(0, len(j) - 1, _SAMPLES_PER_REGION).round().astype(int)
            depth = low[j, i]
            pick = np.unique(np.append(pick, int(np.argmin(depth))))
            j, i = j[pick], i[pick]
        px = grid.origin[0] + i * grid.cell_mm
        py = grid.origin[1] + j * grid.cell_mm
        limit = low[j, i] - tol
        if not len(self.motion):
            return None
        a, b, radius = self.a, self.b, self.radius
        near = (
            (np.minimum(a[:, 0], b[:, 0]) - radius <= px.max())
            & (np.maximum(a[:, 0], b[:, 0]) + radius >= px.min())
            & (np.minimum(a[:, 1], b[:, 1]) - radius <= py.max())
            & (np.maximum(a[:, 1], b[:, 1]) + radius >= py.min())
            & (np.minimum(a[:, 2], b[:, 2]) < limit.max())
        )
        best = None
        for s in np.flatnonzero(near):
            tool = self.tools[s]
            if tool is None:
                continue
            lowest = _lowest_tool_z(a[s], b[s], tool, px, py)
            if np.any(lowest < limit):
                motion = int(self.motion[s])
                best = motion if best is None else min(best, motion)
                break  # pieces are in program order
        return best


def _lowest_tool_z(a, b, tool: ToolShape, px, py) -> np.ndarray:
    """The lowest z the tool's bottom reaches over points (px, py) along a → b (inf: never
    over them)."""
    radius = tool.diameter_mm / 2.0
    vx, vy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(vx, vy)
    rx, ry = px - a[0], py - a[1]
    if length < 1e-12:
        d = np.hypot(rx, ry)
        z = min(a[2], b[2]) + _profile(tool, d)
        return np.where(d <= radius, z, np.inf)
    ux, uy = vx / length, vy / length
    along = rx * ux + ry * uy
    perp = np.abs(rx * -uy + ry * ux)
    half = np.sqrt(np.maximum(radius * radius - perp * perp, 0.0))
    # the tip is lowest at one end of the stretch where the point is under the tool
    s0 = np.clip(along - half, 0.0, length)
    s1 = np.clip(along + half, 0.0, length)
    rise = (b[2] - a[2]) / length
    s = np.where(rise >= 0, s0, s1)
    d = np.hypot(along - s, perp)
    z = a[2] + rise * s + _profile(tool, d)
    return np.where((perp <= radius) & (d <= radius + 1e-9), z, np.inf)


def below_stock(
    program: Program,
    tools: Mapping[int, ToolShape],
    stock_min: tuple[float, float, float],
    stock_max: tuple[float, float, float],
    tolerance_mm: float = 1e-3,
) -> list[Finding]:
    """Motions whose tip goes below the stock's bottom within its outline (one finding per
    run of such motions, at its first)."""
    out: list[Finding] = []
    bottom = stock_min[2] - tolerance_mm
    if not _goes_below(program.motions, bottom):  # most programs: no pieces to gather
        return out
    segments = _Segments(program, tools, stock_max[2])
    if not len(segments.motion):
        return out
    a, b, r = segments.a, segments.b, segments.radius
    low = np.minimum(a[:, 2], b[:, 2])
    inside = (
        (low < bottom)
        & (np.maximum(a[:, 0], b[:, 0]) + r > stock_min[0])
        & (np.minimum(a[:, 0], b[:, 0]) - r < stock_max[0])
        & (np.maximum(a[:, 1], b[:, 1]) + r > stock_min[1])
        & (np.minimum(a[:, 1], b[:, 1]) - r < stock_max[1])
    )
    motions = sorted({int(m) for m in segments.motion[inside]})
    previous = None
    for index in motions:
        if previous is not None and index == previous + 1:
            previous = index
            continue
        previous = index
        motion = program.motions[index]
        pieces = np.flatnonzero((segments.motion == index) & inside)
        s = pieces[int(np.argmin(low[pieces]))]
        where = a[s] if a[s][2] <= b[s][2] else b[s]
        x, y, z = (float(v) for v in where)
        out.append(
            DesignFinding(
                "below_stock",
                WARNING,
                motion.line,
                x,
                y,
                z,
                _says(
                    QT_TRANSLATE_NOOP(
                        "Findings",
                        "The tool goes {depth} mm below the stock's bottom near {at}: whatever "
                        "is under the stock there (table, parallels, spoilboard) is cut.",
                    ),
                    depth=round(stock_min[2] - z, 3),
                    at=_at((x, y, z)),
                ),
                index,
                {"depth_mm": round(stock_min[2] - z, 4)},
            )
        )
    return out


def _goes_below(motions, z: float) -> bool:
    """Whether a point of any motion (arcs: every point) lies below ``z``."""
    for motion in motions:
        if motion.start[2] < z or motion.end[2] < z:
            return True
        if motion.kind == "arc" and min(p[2] for p in motion.points) < z:
            return True
    return False


def add_findings(result: SimulationResult, checks: list[Finding], design: list[Finding]) -> None:
    """Put the program ``checks`` (below_stock) among the simulation's findings in program
    order, and the ``design`` findings (gouge, leftover) after them."""
    ordered = sorted([*result.findings, *checks], key=lambda f: f.motion)
    result.findings[:] = [*ordered, *design]


def design_summary(design: Mapping | None) -> str:
    """One or two sentences on a run's comparison with its design (``details["design"]``),
    for the report's headline and the review; a run not compared says so and why."""
    from cncworkbench.core import localefmt
    from cncworkbench.core.i18n import translate

    if not design or not design.get("compared"):
        text = translate(
            "Verification",
            "Not compared with the design: the simulation cannot tell whether this is the "
            "part that was designed.",
        )
        reason = Message.from_dict(design.get("reason_text")) if design else None
        return f"{text} {reason.text()}" if reason is not None else text
    text = translate(
        "Verification",
        "Compared with the design: {gouges} gouge region(s), {gouge} mm³; {leftovers} "
        "leftover region(s), {leftover} mm³; tolerance {tolerance} mm.",
    ).format(
        gouges=design.get("gouge_regions", 0),
        gouge=localefmt.number(float(design.get("gouge_volume_mm3", 0)), 1),
        leftovers=design.get("leftover_regions", 0),
        leftover=localefmt.number(float(design.get("leftover_volume_mm3", 0)), 1),
        tolerance=localefmt.number(float(design.get("tolerance_mm", 0)), 3),
    )
    share = float(design.get("unverifiable_percent", 0))
    if share > 0:
        text += " " + translate(
            "Verification",
            "{percent} % of the design's outline lies under an overhang and is not "
            "verifiable from above.",
        ).format(percent=localefmt.number(share, 1))
    return text


def deviation_picture(
    result: SimulationResult, design: DesignField, tolerance_mm: float, leave_mm: float = 0.0
) -> np.ndarray:
    """The deviation map (core.deviation) of ``result`` against ``design``, judged as
    :func:`compare` judges it."""
    from cncworkbench.core.deviation import deviation_rgb

    target = target_heights(design, result)
    low = _neighbourhood(target, np.minimum)
    cell = result.grid.cell_mm
    allowed = _disc(target, leave_mm / cell, np.maximum) if leave_mm > 0 else target
    high = _neighbourhood(allowed, np.maximum)
    return deviation_rgb(result.heights, allowed, low, high, design.inside, tolerance_mm, leave_mm)
