"""3-axis stock removal on a height field, with collision and machine-limit rules.

The stock is a box; its top surface is a grid of square cells (a height field: one z per
cell, sampled at the cell's centre). Every move of an interpreted program
(:mod:`cncworkbench.core.gcode`; arcs as the interpreter's polylines) sweeps the tool's
bottom through the field: for each straight piece, the cells within the tool radius of its
XY projection get ``min(height, tip z + profile(distance))``, all in numpy over the piece's
window of cells (no per-cell Python). The tool is vertical, so the lower envelope of the
swept tool is all a height field can hold; the solid above the profile is taken as cut.

Decisions
    * Horizontal moves and vertical plunges are exact: the profile at each cell's distance
      from the piece. On a piece that climbs or descends, a flat bottom is lowest over a
      cell where the cell leaves the tool's disc going down (exact too); other shapes are
      sampled at four tool positions from the cell's closest point to there, on pieces
      that change z by at most half a cell (a ramp is left at most a few µm high at
      0.1 mm cells). Every value is a real tool position, so the field is never cut deeper
      than the tool went. Long diagonal moves are cut in pieces no wider than the tool, so
      a window is mostly tool footprint.
    * Pieces no rule looks at are swept compiled (``core/sim_kernel.py``), cell for cell
      as the numpy code here does; ``engine="numpy"`` sweeps all in numpy. ``playback``
      keeps checkpoints (``core/sim_playback.py``) for ``result.playback.stock_at(line)``.
    * ``Grid.origin`` is the centre of cell (0, 0): the stock's minimum corner plus half a
      cell. When the stock is not a whole number of cells wide, the last column (row) is
      a partial cell; volumes weigh each cell by its area inside the stock.
    * Material never goes below the stock's bottom: cutting through leaves the cell at
      ``stock_min[2]``, and moves below that meet nothing.
    * A move removes material when it lowers some cell by more than 0.001 mm.
    * ``accuracy_percent`` bounds the removed volume's error from the cell size: a wall
      sampled at cell centres sits at most half a cell from the true wall, so each pair of
      neighbouring cells of heights ``h1``, ``h2`` may be wrong by ``|h1 - h2| · cell² / 2``;
      the sum over all neighbouring pairs, as a percentage of the removed volume. It is an
      upper bound (curved and sloped walls count in both directions; capped at 100 %).
    * The default cell is 1/24 of the smallest tool's diameter rounded down to 1, 2, 2.5 or
      5 × 10ⁿ mm, made coarser when the field (4 bytes a cell, and one more copy per
      snapshot) would not fit ``memory_budget_mb`` less what the rest holds (200 bytes a
      motion in whole MB, an eighth for playback). An explicit ``resolution_mm`` that does
      not fit is an error.
    * Tools: a motion whose tool is not in ``tools`` is an error naming the tool and the
      line (another tool's shape would hide collisions). Motions before the first M6 use
      the tool the program loads first (the spindle most often holds it), or the only
      tool given.
    * The program starts with Z at home: until its first Z move, moves travel above the
      stock and fixtures, and the first Z move comes down from there (the interpreter's
      start at Z0 is a placeholder, as in ``rs274``).

Tool shapes (``ToolShape.shape``): the tip z is the lowest point; the profile is the
height above the tip at a distance ``r`` from the axis (``R`` the radius).
    flat     0
    ball     R − √(R² − r²)
    bull     0 up to R − corner radius, then a torus of the corner radius
    drill    r / tan(tip angle / 2)          (118°: a 59° half angle)
    chamfer  r / tan(included angle / 2)    (90°: 45° flanks, ``r`` of depth)

Rules (each a :class:`Finding` with its kind, severity, line and position; reported once
per contiguous run of moves that break it, at the run's first move)
    rapid_into_stock           error    a G0 that removes material
    non_center_cutting_plunge  error    a descending feed whose dead centre (a quarter of
                                        the radius, at least 3/4 of a cell) meets material,
                                        with a tool that is not centre-cutting; a ramp into
                                        material counts too
    shank_collision            error    material above tip + flute length within the shank
                                        radius (one pass deeper than the flutes)
    holder_collision           error    material or a fixture above tip + ``length_mm``
                                        within the holder radius (the shank's radius when
                                        the holder diameter is not known)
    fixture_collision          error    the cutter or shank inside a fixture box
    envelope                   error    the program's extent beyond the machine's travel,
                                        or a point outside the envelope box
    feed_limit                 warning  F above the machine's maximum (the control clamps
                                        it; rapids in between do not end the run)
    rpm_limit                  error    S above the machine's maximum with the spindle on
    spindle_off_cut            error    a feed that removes material with the spindle off
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from cncworkbench.core import i18n, localefmt
from cncworkbench.core.gcode import Motion, Program
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, Message, translate
from cncworkbench.core.runtime import estimate_time
from cncworkbench.core.sim_playback import TILE, Checkpoints, Playback
from cncworkbench.core.sim_tables import TOLERANCE_MM, CompiledSweep, playback_of
from cncworkbench.errors import ValidationError

SHAPES = ("flat", "ball", "bull", "drill", "chamfer")
CUT_TOLERANCE_MM = TOLERANCE_MM  # 1e-3 mm, shared with the compiled sweep
ERROR = "error"
WARNING = "warning"
KINDS = (
    "rapid_into_stock",
    "non_center_cutting_plunge",
    "shank_collision",
    "holder_collision",
    "fixture_collision",
    "envelope",
    "feed_limit",
    "rpm_limit",
    "spindle_off_cut",
)
_NICE_STEPS = (1.0, 2.0, 2.5, 5.0)
_CELLS_PER_DIAMETER = 24
_PROFILE_SAMPLES = (0.0, 1 / 3, 2 / 3, 1.0)
_TIP_SLICES = 4  # the tip of a ball, bull, drill or chamfer tool against fixtures
_GEOMETRY_EPS = 1e-9
_VOLUME_CHUNK_ROWS = 512
_CHECKPOINTS = 256  # playback checkpoints over a program (fewer when they outgrow the budget)
# but at least this many motions apart: the compiled sweep replays them in a few ms, and
# every checkpoint costs the compression of the tiles cut since the last one
_CHECKPOINT_MOTIONS = 1000
# what the simulation holds per motion besides the field (its segments, lowest z, tool,
# rule flags and class, and the list entries): measured ~170 bytes on 1M motions
_BYTES_PER_MOTION = 200
_CLASSES = ("air", "cut")  # a move class by whether the compiled sweep saw it cut
_PLAYBACK_SHARE = 0.125  # of memory_budget_mb the compressed checkpoints may hold


class SimulationError(ValidationError, ValueError):
    """Input the simulation cannot run on; the message says which line or value."""


@dataclass(frozen=True)
class ToolShape:
    number: int
    diameter_mm: float
    flute_length_mm: float
    shape: str = "flat"  # "flat" | "ball" | "bull" | "drill" | "chamfer"
    corner_radius_mm: float = 0.0  # bull
    tip_angle_deg: float = 118.0  # drill; chamfer: included angle (90 -> 45° flanks)
    shank_diameter_mm: float | None = None  # default: diameter
    length_mm: float | None = None  # stick-out below the holder; None: no holder check
    holder_diameter_mm: float | None = None
    holder_length_mm: float | None = None
    center_cutting: bool = True


@dataclass(frozen=True)
class Fixture:
    name: str
    min: tuple[float, float, float]
    max: tuple[float, float, float]


@dataclass(frozen=True)
class MachineLimits:
    travel_mm: tuple[float, float, float] | None = None  # the program's extent must fit
    envelope_min: tuple[float, float, float] | None = None  # a box in program coordinates
    envelope_max: tuple[float, float, float] | None = None
    max_feed_mm_min: float | None = None
    max_rpm: float | None = None
    rapid_mm_min: float = 5000.0
    acceleration_mm_s2: float | None = None
    tool_change_s: float = 8.0


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    severity: str  # "error" | "warning"
    line: int  # G-code source line
    x: float  # where (mm, program coordinates)
    y: float
    z: float
    text: Message  # one sentence with the numbers, shown in the reader's language
    motion: int  # index into program.motions

    @property
    def message(self) -> str:
        return self.text.text()

    def as_dict(self) -> dict:
        """Stored with the run: ``message`` in English (logs, search), ``text`` to show it
        in whoever reviews the run's language (:func:`finding_message`)."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "line": self.line,
            "x": round(self.x, 4),
            "y": round(self.y, 4),
            "z": round(self.z, 4),
            "message": self.text.text("en"),
            "text": self.text.as_dict(),
        }


def finding_message(finding: dict, language: str | None = None) -> str:
    """A stored finding's sentence in ``language`` (default: the one shown); runs stored
    before findings kept their text have only the English ``message``."""
    text = Message.from_dict(finding.get("text"))
    return text.text(language) if text is not None else str(finding.get("message", ""))


def _says(source: str, **params) -> Message:
    """A finding's sentence; ``source`` is marked with ``QT_TRANSLATE_NOOP("Findings", …)``."""
    return Message("Findings", source, params)


@dataclass
class Grid:
    """The height field's geometry: cell (j, i) is centred at origin + (i, j) · cell_mm."""

    origin: tuple[float, float]  # x, y of the centre of cell (0, 0)
    cell_mm: float
    shape: tuple[int, int]  # (ny, nx)

    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        """x of each column and y of each row (mm)."""
        ny, nx = self.shape
        return (
            self.origin[0] + np.arange(nx) * self.cell_mm,
            self.origin[1] + np.arange(ny) * self.cell_mm,
        )


@dataclass
class SimulationResult:
    removed_volume_mm3: float
    stock_volume_mm3: float
    machining_time_s: float  # runtime.estimate_time with the machine's rates
    findings: list[Finding]
    heights: np.ndarray  # final top surface z per cell, (ny, nx), float32
    initial_top_z: float
    stock_min: tuple[float, float, float]
    stock_max: tuple[float, float, float]
    grid: Grid
    move_classes: list[str]  # per motion: "cut" | "air"
    snapshots: list[np.ndarray]  # copies of heights, evenly spaced over the motions
    cells_updated: int  # cells the sweep computed (windows of pieces that met material)
    accuracy_percent: float  # removed volume within ± this (see the module documentation)
    playback: Playback | None = None  # the stock after any line (simulate(playback=True))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    def as_dict(self) -> dict:
        ny, nx = self.grid.shape
        return {
            "removed_volume_mm3": round(self.removed_volume_mm3, 3),
            "stock_volume_mm3": round(self.stock_volume_mm3, 3),
            "machining_time_s": round(self.machining_time_s, 2),
            "findings": [f.as_dict() for f in self.findings],
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "cells": nx * ny,
            "grid": {"nx": nx, "ny": ny, "origin": list(self.grid.origin)},
            "resolution_mm": self.grid.cell_mm,
            "accuracy_percent": round(self.accuracy_percent, 3),
            "stock_min": list(self.stock_min),
            "stock_max": list(self.stock_max),
            "initial_top_z": self.initial_top_z,
            "moves": len(self.move_classes),
            "cut_moves": self.move_classes.count("cut"),
            "air_moves": self.move_classes.count("air"),
            "cells_updated": self.cells_updated,
        }


# ------------------------------------------------------------------------------ the tool
class _Cutter:
    """A tool's geometry as the sweep uses it (radii squared, profile as a function)."""

    def __init__(self, tool: ToolShape, cell: float):
        self.tool = tool
        self.number = tool.number
        self.radius = radius = tool.diameter_mm / 2.0
        self.r2 = radius * radius
        self.flute_length = tool.flute_length_mm
        shank = tool.shank_diameter_mm if tool.shank_diameter_mm else tool.diameter_mm
        self.shank_radius = shank / 2.0
        self.shank_r2 = self.shank_radius**2
        self.reach = max(radius, self.shank_radius)
        self.length = tool.length_mm
        holder = tool.holder_diameter_mm or shank
        self.holder_radius = holder / 2.0
        self.holder_r2 = self.holder_radius**2
        core = max(radius / 4.0, 0.75 * cell)
        self.core_r2 = core * core
        self.center_cutting = tool.center_cutting
        self.profile, self.tip_height, self.radius_at = _profile_of(tool)

    def parts(self) -> list[tuple[str, float, float, float]]:
        """(name, radius, z from, z to above the tip) of the solids a fixture can meet."""
        parts = []
        height = self.tip_height
        if height > 0:
            for k in range(_TIP_SLICES):
                top = height * (k + 1) / _TIP_SLICES
                # the slice's widest radius: a fixture it misses, the tool misses
                parts.append(("cutter", self.radius_at(top), height * k / _TIP_SLICES, top))
        if self.flute_length > height:
            parts.append(("cutter", self.radius, height, self.flute_length))
        shank_top = self.length if self.length is not None else math.inf
        if shank_top > self.flute_length:
            parts.append(("shank", self.shank_radius, self.flute_length, shank_top))
        if self.length is not None:
            holder_length = self.tool.holder_length_mm
            top = self.length + holder_length if holder_length else math.inf
            parts.append(("holder", self.holder_radius, self.length, top))
        return parts


def _profile_of(tool: ToolShape):
    """(profile(d²) -> height above the tip or None for flat, tip height, radius at z)."""
    radius = tool.diameter_mm / 2.0
    r2 = radius * radius
    if tool.shape == "flat":
        return None, 0.0, lambda z: radius
    if tool.shape == "ball":

        def ball(d2):
            out = np.subtract(r2, d2)
            np.maximum(out, 0.0, out=out)
            np.sqrt(out, out=out)
            np.subtract(radius, out, out=out)
            return out

        return ball, radius, lambda z: math.sqrt(max(0.0, r2 - (radius - z) ** 2))
    if tool.shape == "bull":
        corner = tool.corner_radius_mm
        flat = radius - corner
        c2 = corner * corner

        def bull(d2):
            out = np.sqrt(d2)
            out -= flat
            np.maximum(out, 0.0, out=out)
            np.multiply(out, out, out=out)
            np.subtract(c2, out, out=out)
            np.maximum(out, 0.0, out=out)
            np.sqrt(out, out=out)
            np.subtract(corner, out, out=out)
            return out

        def bull_radius(z):
            return flat + math.sqrt(max(0.0, c2 - (corner - z) ** 2))

        return bull, corner, bull_radius
    # drill and chamfer: a cone
    slope = 1.0 / math.tan(math.radians(tool.tip_angle_deg) / 2.0)

    def cone(d2):
        out = np.sqrt(d2)
        out *= slope
        return out

    return cone, radius * slope, lambda z: min(radius, z / slope)


def _check_tool(number, tool: ToolShape) -> None:
    where = f"T{number}"
    if not isinstance(tool, ToolShape):
        raise SimulationError(
            translate("Simulation", "tool {tool} must be a ToolShape, not {type}").format(
                tool=where, type=type(tool).__name__
            )
        )
    if tool.shape not in SHAPES:
        raise SimulationError(
            translate("Simulation", "tool {tool}: shape {shape} is not one of {shapes}").format(
                tool=where, shape=repr(tool.shape), shapes=", ".join(SHAPES)
            )
        )
    for name in ("diameter_mm", "flute_length_mm"):
        value = getattr(tool, name)
        if not (isinstance(value, int | float) and 0 < value < math.inf):
            raise SimulationError(_not_positive(where, name, value))
    for name in ("shank_diameter_mm", "length_mm", "holder_diameter_mm", "holder_length_mm"):
        value = getattr(tool, name)
        if value is not None and not 0 < value < math.inf:
            raise SimulationError(_not_positive(where, name, value))
    if tool.shape == "bull" and not 0 < tool.corner_radius_mm <= tool.diameter_mm / 2:
        raise SimulationError(
            translate(
                "Simulation",
                "tool {tool}: a bull-nose tool needs a corner radius between 0 and {most} mm, "
                "not {radius}",
            ).format(
                tool=where,
                most=i18n.number(tool.diameter_mm / 2),
                radius=i18n.number(tool.corner_radius_mm),
            )
        )
    if tool.shape in ("drill", "chamfer") and not 0 < tool.tip_angle_deg < 180:
        raise SimulationError(
            translate(
                "Simulation", "tool {tool}: the tip angle must be between 0 and 180°, not {angle}"
            ).format(tool=where, angle=i18n.number(tool.tip_angle_deg))
        )


def _not_positive(where: str, name: str, value) -> str:
    return translate("Simulation", "tool {tool}: {name} must be more than 0, not {value}").format(
        tool=where, name=name, value=repr(value)
    )


# ------------------------------------------------------------------------- the sweep
class _Contact:
    """What one piece met: where the tool first met material and how deep it went."""

    __slots__ = ("core", "cut", "depth", "holder", "shank", "where")

    def __init__(self):
        self.cut = False
        self.depth = 0.0  # thickest material removed (mm)
        self.where = None  # (x, y, z) where the piece first meets material
        self.core = None  # (depth, where): material under a non-centre-cutting tool's centre
        self.shank = None  # (thickness above the flutes, where)
        self.holder = None  # (thickness above the stick-out, where)


class _Field:
    """The height field and the sweep of straight pieces through it."""

    def __init__(self, stock_min, stock_max, cell: float):
        self.cell = cell
        self.zmin = float(stock_min[2])
        self.top = float(stock_max[2])
        size_x = stock_max[0] - stock_min[0]
        size_y = stock_max[1] - stock_min[1]
        self.nx = max(1, math.ceil(size_x / cell - 1e-9))
        self.ny = max(1, math.ceil(size_y / cell - 1e-9))
        self.x0 = stock_min[0] + cell / 2.0
        self.y0 = stock_min[1] + cell / 2.0
        self.xs = self.x0 + np.arange(self.nx) * cell
        self.ys = self.y0 + np.arange(self.ny) * cell
        # the area of each column/row inside the stock (the last one may be partial)
        self.wx = np.minimum(cell, size_x - np.arange(self.nx) * cell)
        self.wy = np.minimum(cell, size_y - np.arange(self.ny) * cell)
        self.heights = np.full((self.ny, self.nx), self.top, dtype=np.float32)
        # tiles cut since the last playback checkpoint
        self.dirty = np.zeros((-(-self.ny // TILE), -(-self.nx // TILE)), dtype=np.uint8)
        self.cells = 0
        # the most z a sloped piece of a shaped (not flat) tool may change
        self.max_piece_dz = cell / 2.0

    def window(self, ax, ay, bx, by, reach):
        cell = self.cell
        i0 = max(0, math.ceil((min(ax, bx) - reach - self.x0) / cell - 1e-9))
        i1 = min(self.nx, math.floor((max(ax, bx) + reach - self.x0) / cell + 1e-9) + 1)
        if i0 >= i1:
            return None
        j0 = max(0, math.ceil((min(ay, by) - reach - self.y0) / cell - 1e-9))
        j1 = min(self.ny, math.floor((max(ay, by) + reach - self.y0) / cell + 1e-9) + 1)
        if j0 >= j1:
            return None
        return i0, i1, j0, j1

    def distances(self, ax, ay, bx, by, box, keep_line: bool = False):
        """d² from each window cell to the piece's XY projection, the distance along the
        piece of each cell's closest point (None for a vertical piece), the XY length, and
        with ``keep_line`` the squared distance to the piece's line and the unclipped
        distance along it."""
        i0, i1, j0, j1 = box
        xr = self.xs[i0:i1] - ax
        yr = self.ys[j0:j1] - ay
        vx = bx - ax
        vy = by - ay
        length = math.hypot(vx, vy)
        if length <= _GEOMETRY_EPS:
            return np.add.outer(yr * yr, xr * xr), None, 0.0, None, None
        ux = vx / length
        uy = vy / length
        along = np.add.outer(yr * uy, xr * ux)
        perp2 = np.add.outer(yr * ux, xr * -uy)
        perp2 *= perp2
        clipped = np.maximum(along, 0.0)
        np.minimum(clipped, length, out=clipped)
        raw = along.copy() if keep_line else None
        along -= clipped  # beyond the ends
        along *= along
        if keep_line:
            return perp2 + along, clipped, length, perp2, raw
        perp2 += along
        return perp2, clipped, length, None, None

    @staticmethod
    def lowest_along(perp2, raw, r2, length, dz):
        """How far along the piece the tip is lowest while a cell is within √r2 of the axis
        (for cells within √r2 of the piece): where the cell leaves that disc going down."""
        half = np.maximum(r2 - perp2, 0.0)
        np.sqrt(half, out=half)
        if dz < 0:
            half += raw
            return np.minimum(half, length, out=half)
        np.subtract(raw, half, out=half)
        return np.maximum(half, 0.0, out=half)

    def sweep(
        self, c: _Cutter, a, b, detail: bool, want_core: bool, first_piece: int = 0
    ) -> _Contact | None:
        """Cut the straight move a → b (from piece ``first_piece`` on, when the compiled
        sweep did the ones before); None when it met no material and hit nothing."""
        ax, ay, az = a
        bx, by, bz = b
        dz = bz - az
        pieces = 1
        if dz != 0.0 and c.profile is not None:  # a flat bottom is exact in one piece
            length = math.hypot(bx - ax, by - ay)
            if length > _GEOMETRY_EPS:
                pieces = max(
                    1,
                    min(
                        math.ceil(abs(dz) / self.max_piece_dz - 1e-9),
                        math.ceil(length / (self.cell / 2.0) - 1e-9),
                    ),
                )
        wide = min(abs(bx - ax), abs(by - ay))
        if wide > 2.0 * c.reach:
            pieces = max(pieces, math.ceil(wide / (2.0 * c.reach)))
        if pieces == 1:
            return self.piece(c, ax, ay, az, bx, by, bz, detail, want_core)
        contact = None
        px, py, pz = ax, ay, az
        if first_piece:
            t = first_piece / pieces
            px, py, pz = ax + (bx - ax) * t, ay + (by - ay) * t, az + dz * t
        for k in range(first_piece + 1, pieces + 1):
            t = k / pieces
            qx, qy, qz = ax + (bx - ax) * t, ay + (by - ay) * t, az + dz * t
            found = self.piece(c, px, py, pz, qx, qy, qz, detail, want_core)
            if found is not None:
                contact = _merge(contact, found)
            px, py, pz = qx, qy, qz
        return contact

    def piece(self, c: _Cutter, ax, ay, az, bx, by, bz, detail, want_core):
        tol = CUT_TOLERANCE_MM
        zlow = az if az < bz else bz
        contact = None
        # the holder reaches wider than the cutter: its own window, only when it is low
        # enough to meet the stock at all
        if c.length is not None and zlow + c.length < self.top - tol:
            contact = self._holder(c, ax, ay, az, bx, by, bz, zlow)
        box = self.window(ax, ay, bx, by, c.reach)
        if box is None:
            return contact
        i0, i1, j0, j1 = box
        win = self.heights[j0:j1, i0:i1]
        floor = zlow if zlow > self.zmin else self.zmin
        highest = float(win.max())
        if highest <= floor + tol:
            return contact
        self.cells += win.size
        dz = bz - az
        sloped = dz != 0.0 and (ax != bx or ay != by)
        d2, along, length, perp2, raw = self.distances(ax, ay, bx, by, box, sloped)
        sloped = sloped and along is not None
        a_b = (ax, ay, az, bx, by, bz)
        inside = d2 <= c.r2
        profile = c.profile
        if not sloped:
            tip = zlow  # horizontal, or vertical: the lowest point
            cut_z = tip if profile is None else profile(d2) + tip
        else:
            # the tip is lowest where the cell leaves the tool going down: exact for a
            # flat bottom; a profile is sampled from the closest point to there
            rise = dz / length
            far = self.lowest_along(perp2, raw, c.r2, length, dz)
            if profile is None:
                cut_z = far * rise
                cut_z += az
            else:
                cut_z = None
                for fraction in _PROFILE_SAMPLES:
                    at = along + fraction * (far - along)
                    off = at - raw
                    off *= off
                    off += perp2
                    value = profile(off)
                    at *= rise
                    value += at
                    cut_z = value if cut_z is None else np.minimum(cut_z, value, out=cut_z)
                cut_z += az
        # the shank meets what the flutes leave above them
        if highest > zlow + c.flute_length + tol:
            if sloped:
                tip = self.lowest_along(perp2, raw, c.shank_r2, length, dz)
                tip *= rise
                tip += az
            above = win - (tip + c.flute_length)
            hit = (d2 <= c.shank_r2) & (above > tol)
            if hit.any():
                contact = contact or _Contact()
                where = self._first(hit, d2, c.shank_r2, along, length, a_b, win, c.flute_length)
                contact.shank = (float(above[hit].max()), where)
        # the cut
        if not isinstance(cut_z, np.ndarray):
            level = float(cut_z) if cut_z > self.zmin else self.zmin
            removed = win - level
        else:
            if zlow < self.zmin:
                np.maximum(cut_z, self.zmin, out=cut_z)
            removed = win - cut_z
        cut = removed > tol
        cut &= inside
        if not cut.any():
            return contact
        contact = contact or _Contact()
        contact.cut = True
        # where it happened, from the material as it was before this piece
        if detail:
            contact.depth = float(removed[cut].max())
            contact.where = self._first(cut, d2, c.r2, along, length, a_b, win)
        if want_core:
            core = cut & (d2 <= c.core_r2)
            if core.any():
                where = self._first(core, d2, c.core_r2, along, length, a_b, win)
                contact.core = (float(removed[core].max()), where)
        if isinstance(cut_z, np.ndarray):
            np.copyto(win, cut_z, where=cut, casting="same_kind")
        else:
            win[cut] = level
        self.dirty[j0 // TILE : (j1 - 1) // TILE + 1, i0 // TILE : (i1 - 1) // TILE + 1] = 1
        return contact

    def _holder(self, c: _Cutter, ax, ay, az, bx, by, bz, zlow):
        tol = CUT_TOLERANCE_MM
        box = self.window(ax, ay, bx, by, c.holder_radius)
        if box is None:
            return None
        i0, i1, j0, j1 = box
        win = self.heights[j0:j1, i0:i1]
        if float(win.max()) <= zlow + c.length + tol:
            return None
        dz = bz - az
        sloped = dz != 0.0 and (ax != bx or ay != by)
        d2, along, length, perp2, raw = self.distances(ax, ay, bx, by, box, sloped)
        if sloped and along is not None:
            tip = self.lowest_along(perp2, raw, c.holder_r2, length, dz)
            tip *= dz / length
            tip += az
        else:
            tip = zlow
        above = win - (tip + c.length)
        hit = (d2 <= c.holder_r2) & (above > tol)
        if not hit.any():
            return None
        contact = _Contact()
        a_b = (ax, ay, az, bx, by, bz)
        where = self._first(hit, d2, c.holder_r2, along, length, a_b, win, c.length)
        contact.holder = (float(above[hit].max()), where)
        return contact

    @staticmethod
    def _first(mask, d2, r2, along, length, a_b, win, above_tip=0.0):
        """Where the tip is when a disc of radius² ``r2`` around the axis, ``above_tip``
        mm up, first reaches a cell of ``mask``."""
        ax, ay, az, bx, by, bz = a_b
        if along is None:  # vertical: the disc meets the top of that material
            tip = float(win[mask].max()) - above_tip
            return (ax, ay, min(max(tip, min(az, bz)), max(az, bz)))
        # a cell beside the piece enters the disc √(r² − d²) before its closest point
        enters = along[mask] - np.sqrt(np.maximum(r2 - d2[mask], 0.0))
        t = max(0.0, float(enters.min())) / length
        return (ax + (bx - ax) * t, ay + (by - ay) * t, az + (bz - az) * t)


def _merge(first: _Contact | None, then: _Contact) -> _Contact:
    """The contacts of consecutive pieces of one move: first positions, largest amounts."""
    if first is None:
        return then
    if then.cut:
        if not first.cut or first.where is None:
            first.where = then.where
        first.cut = True
        first.depth = max(first.depth, then.depth)
    for name in ("core", "shank", "holder"):
        mine, theirs = getattr(first, name), getattr(then, name)
        if theirs is not None:
            setattr(first, name, theirs if mine is None else (max(mine[0], theirs[0]), mine[1]))
    return first


# ----------------------------------------------------------------------------- fixtures
def _segments(motions: Sequence[Motion]):
    """Every straight segment: start points, end points (n, 3) and each one's motion."""
    starts, ends, owners = [], [], []
    for index, motion in enumerate(motions):
        if motion.kind == "arc":
            points = (motion.start, *motion.points)
            starts.extend(points[:-1])
            ends.extend(points[1:])
            owners.extend([index] * (len(points) - 1))
        else:
            starts.append(motion.start)
            ends.append(motion.end)
            owners.append(index)
    return (
        np.asarray(starts, dtype=float).reshape(-1, 3),
        np.asarray(ends, dtype=float).reshape(-1, 3),
        np.asarray(owners, dtype=np.int64),
    )


def _clip(px, py, qx, qy, x0, x1, y0, y1):
    """Liang–Barsky: (meets, u from, u to) of segments p → q against a rectangle."""
    dx = qx - px
    dy = qy - py
    u0 = np.zeros_like(px)
    u1 = np.ones_like(px)
    ok = np.ones(px.shape, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
            ratio = q / p
            ok &= ~((p == 0) & (q < 0))
            u0 = np.where(p < 0, np.maximum(u0, ratio), u0)
            u1 = np.where(p > 0, np.minimum(u1, ratio), u1)
    return ok & (u0 <= u1), u0, u1


def _point_segment_distance(cx, cy, px, py, qx, qy):
    dx = qx - px
    dy = qy - py
    length2 = dx * dx + dy * dy
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(length2 > 0, ((cx - px) * dx + (cy - py) * dy) / length2, 0.0)
    t = np.clip(t, 0.0, 1.0)
    return np.hypot(px + t * dx - cx, py + t * dy - cy)


def _point_rectangle_distance(px, py, x0, x1, y0, y1):
    ox = np.maximum(np.maximum(x0 - px, px - x1), 0.0)
    oy = np.maximum(np.maximum(y0 - py, py - y1), 0.0)
    return np.hypot(ox, oy)


def _box_contacts(starts, ends, radius, z_from, z_to, fixture: Fixture):
    """(hit, t of first contact) of a vertical cylinder (radius, z_from..z_to above the
    tip) moved along each segment, against the fixture box. Touching is not a hit."""
    x0, y0, bz0 = fixture.min
    x1, y1, bz1 = fixture.max
    az = starts[:, 2]
    dz = ends[:, 2] - az
    # the cylinder overlaps the box in z while the tip is strictly between these
    low = bz0 - z_to
    high = bz1 - z_from
    flat = np.abs(dz) <= _GEOMETRY_EPS
    with np.errstate(divide="ignore", invalid="ignore"):
        ta = (low - az) / dz
        tb = (high - az) / dz
    t0 = np.where(flat, 0.0, np.clip(np.minimum(ta, tb), 0.0, 1.0))
    t1 = np.where(flat, 1.0, np.clip(np.maximum(ta, tb), 0.0, 1.0))
    valid = np.where(flat, (az > low) & (az < high), t1 - t0 > _GEOMETRY_EPS)
    sx, sy = starts[:, 0], starts[:, 1]
    vx, vy = ends[:, 0] - sx, ends[:, 1] - sy
    px, py = sx + t0 * vx, sy + t0 * vy
    qx, qy = sx + t1 * vx, sy + t1 * vy
    distance = np.minimum(
        _point_rectangle_distance(px, py, x0, x1, y0, y1),
        _point_rectangle_distance(qx, qy, x0, x1, y0, y1),
    )
    for cx, cy in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        distance = np.minimum(distance, _point_segment_distance(cx, cy, px, py, qx, qy))
    crosses, _u0, _u1 = _clip(px, py, qx, qy, x0, x1, y0, y1)
    distance = np.where(crosses, 0.0, distance)
    hit = valid & (distance < radius - 1e-6)
    # first contact: entering the box grown by the radius (exact but at its corners)
    _meets, u_in, _out = _clip(px, py, qx, qy, x0 - radius, x1 + radius, y0 - radius, y1 + radius)
    t_first = t0 + np.clip(u_in, 0.0, 1.0) * (t1 - t0)
    return hit, t_first


# ------------------------------------------------------------------------------- checks
class _Problems:
    """Problems per motion, keyed so that a run of motions with one key reports once."""

    def __init__(self, count: int):
        self.by_motion: list[dict | None] = [None] * count

    def add(self, motion: int, key, kind, severity, where, message):
        found = self.by_motion[motion]
        if found is None:
            found = self.by_motion[motion] = {}
        if key not in found:
            found[key] = (kind, severity, where, message)

    def findings(self, motions: Sequence[Motion], extra: list[Finding]) -> list[Finding]:
        out = list(extra)
        open_keys: set = set()
        by_motion = self.by_motion
        previous = -1
        # only the motions with problems, and what the motions between them did to the
        # open runs: a motion without problems ends them, a rapid all but a feed limit's
        for index in [k for k, found in enumerate(by_motion) if found]:
            if index > previous + 1 and open_keys:
                between = range(previous + 1, index)
                if any(motions[k].kind != "rapid" for k in between):
                    open_keys = set()
                else:
                    open_keys = {key for key in open_keys if key == "feed_limit"}
            previous = index
            found = by_motion[index]
            kept = set()
            if motions[index].kind == "rapid":  # a rapid does not end a run of feeds
                kept = {key for key in open_keys if key == "feed_limit"}
            for key, (kind, severity, where, message) in found.items():
                if key not in open_keys:
                    x, y, z = where
                    out.append(
                        Finding(kind, severity, motions[index].line, x, y, z, message, index)
                    )
            open_keys = set(found) | kept
        out.sort(key=lambda f: (f.motion, KINDS.index(f.kind)))
        return out


def _from_home(motions: Sequence[Motion], top_z: float) -> list[Motion]:
    """The motions with Z above everything until the program first moves Z.

    A program starts wherever the machine is, and controllers start with Z at home (its
    top); the interpreter's Z0 there is a placeholder, so moves before the first Z move
    travel above the stock and the first Z move comes down from there."""
    safe = top_z + 1.0
    out = list(motions)
    for index, motion in enumerate(out):  # (a generator of motions is read once)
        if motion.kind == "arc":
            break
        if motion.start[2] == motion.end[2]:
            out[index] = replace(
                motion, start=(*motion.start[:2], safe), end=(*motion.end[:2], safe)
            )
            continue
        out[index] = replace(motion, start=(*motion.start[:2], safe))
        break
    return out


def _at(where) -> str:
    x, y, z = where
    return f"X{x:.3f} Y{y:.3f} Z{z:.3f}"


def _machine_checks(motions: Sequence[Motion], machine: MachineLimits, problems: _Problems):
    """Feed and spindle speed limits, and the envelope box (per motion)."""
    max_feed = machine.max_feed_mm_min
    max_rpm = machine.max_rpm
    for index, motion in enumerate(motions):
        if max_feed and motion.feed is not None and motion.feed > max_feed + 1e-9:
            problems.add(
                index,
                "feed_limit",
                "feed_limit",
                WARNING,
                motion.start,
                _says(
                    QT_TRANSLATE_NOOP(
                        "Findings",
                        "F{feed} mm/min is above the machine's {maximum} mm/min maximum: the "
                        "control clamps it, so this cut runs slower than programmed.",
                    ),
                    feed=f"{motion.feed:g}",
                    maximum=float(max_feed),
                ),
            )
        if max_rpm and motion.spindle != "off" and motion.spindle_rpm > max_rpm + 1e-9:
            problems.add(
                index,
                "rpm_limit",
                "rpm_limit",
                ERROR,
                motion.start,
                _says(
                    QT_TRANSLATE_NOOP(
                        "Findings",
                        "S{rpm} is above the machine's {maximum} rpm maximum: lower S to "
                        "{maximum} or less (and the feed with it).",
                    ),
                    rpm=f"{motion.spindle_rpm:g}",
                    maximum=float(max_rpm),
                ),
            )
    if machine.envelope_min is None and machine.envelope_max is None:
        return
    low = machine.envelope_min or (-math.inf,) * 3
    high = machine.envelope_max or (math.inf,) * 3
    for index, motion in enumerate(motions):
        points = motion.points if motion.kind == "arc" else (motion.end,)
        for point in points:
            for axis, letter in enumerate("XYZ"):
                value = point[axis]
                if value < low[axis] - 1e-6:
                    beyond, side, limit = low[axis] - value, "min", low[axis]
                elif value > high[axis] + 1e-6:
                    beyond, side, limit = value - high[axis], "max", high[axis]
                else:
                    continue
                problems.add(
                    index,
                    "envelope",
                    "envelope",
                    ERROR,
                    point,
                    _says(
                        QT_TRANSLATE_NOOP(
                            "Findings",
                            "{word} is {beyond} mm beyond the machine's envelope ({axis} "
                            "{side} {limit}): the machine cannot reach it; move the work "
                            "offset or the toolpath.",
                        ),
                        word=f"{letter}{value:.3f}",
                        beyond=beyond,
                        axis=letter,
                        side=side,
                        limit=limit,
                    ),
                )
                break
            else:
                continue
            break


def _travel_findings(motions: Sequence[Motion], travel) -> list[Finding]:
    """One finding per axis whose extent over the program exceeds the machine's travel."""
    if travel is None or not motions:
        return []
    points, owners = [], []
    for index, motion in enumerate(motions):
        own = motion.points if motion.kind == "arc" else (motion.end,)
        points.extend(own)
        owners.extend([index] * len(own))
    coords = np.asarray(points, dtype=float)
    out = []
    for axis, letter in enumerate("XYZ"):
        limit = travel[axis]
        if limit is None:
            continue
        values = coords[:, axis]
        low = np.minimum.accumulate(values)
        high = np.maximum.accumulate(values)
        over = np.flatnonzero(high - low > limit + 1e-6)
        if over.size == 0:
            continue
        first = int(over[0])
        index = owners[first]
        span = float(values.max() - values.min())
        out.append(
            Finding(
                "envelope",
                ERROR,
                motions[index].line,
                *map(float, coords[first]),
                _says(
                    QT_TRANSLATE_NOOP(
                        "Findings",
                        "The program spans {span} mm in {axis} ({low} to {high}), more than "
                        "the machine's {limit} mm of {axis} travel: split the job or fixture "
                        "the part differently.",
                    ),
                    span=span,
                    axis=letter,
                    low=f"{letter}{values.min():.3f}",
                    high=f"{letter}{values.max():.3f}",
                    limit=float(limit),
                ),
                index,
            )
        )
    return out


_FIXTURE_HITS = {
    "cutter": QT_TRANSLATE_NOOP(
        "Findings",
        "{tool}'s cutter hits the fixture '{fixture}' near {at}: move the toolpath or the "
        "fixture, or raise the clearance height.",
    ),
    "shank": QT_TRANSLATE_NOOP(
        "Findings",
        "{tool}'s shank hits the fixture '{fixture}' near {at}: move the toolpath or the "
        "fixture, or raise the clearance height.",
    ),
    "holder": QT_TRANSLATE_NOOP(
        "Findings",
        "{tool}'s holder hits the fixture '{fixture}' near {at}: move the toolpath or the "
        "fixture, or raise the clearance height.",
    ),
}


def _fixture_checks(motions, cutter_of, fixtures, problems: _Problems):
    if not fixtures or not motions:
        return
    starts, ends, owners = _segments(motions)
    distinct = list({id(c): c for c in cutter_of}.values())
    position = {id(c): k for k, c in enumerate(distinct)}
    which = np.asarray([position[id(c)] for c in cutter_of], dtype=np.int64)[owners]
    for k, cutter in enumerate(distinct):
        number = cutter.number
        mine = np.flatnonzero(which == k)
        s, e, own = starts[mine], ends[mine], owners[mine]
        for fixture in fixtures:
            for part, radius, z_from, z_to in cutter.parts():
                hit, t_first = _box_contacts(s, e, radius, z_from, z_to, fixture)
                for k in np.flatnonzero(hit):
                    index = int(own[k])
                    t = float(t_first[k])
                    where = tuple(float(v) for v in s[k] + t * (e[k] - s[k]))
                    kind = "holder_collision" if part == "holder" else "fixture_collision"
                    problems.add(
                        index,
                        (kind, fixture.name),
                        kind,
                        ERROR,
                        where,
                        _says(
                            _FIXTURE_HITS[part],
                            tool=f"T{number}",
                            fixture=fixture.name,
                            at=_at(where),
                        ),
                    )


# ------------------------------------------------------------------------- resolution
def _nice_at_most(value: float) -> float:
    exponent = math.floor(math.log10(value))
    best = None
    for power in (exponent - 1, exponent):
        for step in _NICE_STEPS:
            candidate = step * 10.0**power
            if candidate <= value * (1 + 1e-9):
                best = candidate
    return best


def _nice_at_least(value: float) -> float:
    exponent = math.floor(math.log10(value))
    for power in (exponent, exponent + 1):
        for step in _NICE_STEPS:
            candidate = step * 10.0**power
            if candidate >= value * (1 - 1e-9):
                return candidate
    return 10.0 ** (exponent + 1)


def _bytes_per_cell(snapshots: int) -> int:
    return 4 * (1 + snapshots)


def _cell_count(size_x, size_y, cell) -> int:
    return max(1, math.ceil(size_x / cell - 1e-9)) * max(1, math.ceil(size_y / cell - 1e-9))


def choose_resolution(
    stock_min, stock_max, tools: Mapping[int, ToolShape], memory_budget_mb: float = 256,
    snapshots: int = 0,
) -> float:  # fmt: skip
    """The default cell size (mm): see the module documentation."""
    size_x = stock_max[0] - stock_min[0]
    size_y = stock_max[1] - stock_min[1]
    smallest = min((t.diameter_mm for t in tools.values()), default=6.0)
    wanted = _nice_at_most(smallest / _CELLS_PER_DIAMETER)
    budget_cells = memory_budget_mb * 1e6 / _bytes_per_cell(snapshots)
    floor = math.sqrt(size_x * size_y / budget_cells)
    cell = wanted if wanted >= floor else _nice_at_least(floor)
    while _cell_count(size_x, size_y, cell) > budget_cells:
        cell = _nice_at_least(cell * 1.01)
    return cell


# --------------------------------------------------------------------------- simulate
def simulate(
    program: Program,
    stock_min: tuple[float, float, float],
    stock_max: tuple[float, float, float],
    tools: Mapping[int, ToolShape],
    fixtures: Sequence[Fixture] = (),
    machine: MachineLimits | None = None,
    resolution_mm: float | None = None,
    memory_budget_mb: float = 256,
    snapshots: int = 0,
    progress: Callable[[float], None] | None = None,
    engine: str = "compiled",
    playback: bool = False,
) -> SimulationResult:
    """Cut the program's moves into the stock box and check the rules (module docs).

    ``tools`` maps tool numbers to shapes; ``progress`` is called with the fraction done
    (0–1) about a hundred times. ``engine``: "compiled" (core/sim_kernel.py for the
    moves no rule looks at) or "numpy" (every move in numpy; the reference the compiled
    sweep is tested against). ``playback``: keep checkpoints of the stock for
    ``result.playback.stock_at(line)`` (core/sim_playback.py). Raises
    :class:`SimulationError` for input it cannot use.
    """
    machine = machine or MachineLimits()
    stock_min = tuple(float(v) for v in stock_min)
    stock_max = tuple(float(v) for v in stock_max)
    if len(stock_min) != 3 or len(stock_max) != 3:
        raise SimulationError(
            translate("Simulation", "the stock corners need three coordinates each (x, y, z)")
        )
    for axis, letter in enumerate("XYZ"):
        if not stock_max[axis] > stock_min[axis]:
            raise SimulationError(
                translate(
                    "Simulation", "the stock has no size in {axis}: {axis} from {low} to {high}"
                ).format(
                    axis=letter,
                    low=i18n.number(stock_min[axis]),
                    high=i18n.number(stock_max[axis]),
                )
            )
    if not tools:
        raise SimulationError(
            translate("Simulation", "the tool list is empty: give at least one tool")
        )
    for number, tool in tools.items():
        _check_tool(number, tool)
    for fixture in fixtures:
        if any(not hi > lo for lo, hi in zip(fixture.min, fixture.max, strict=True)):
            raise SimulationError(
                translate("Simulation", "fixture '{name}' has no size (min must be < max)").format(
                    name=fixture.name
                )
            )
    if snapshots < 0:
        raise SimulationError(
            translate("Simulation", "snapshots must not be negative, not {count}").format(
                count=snapshots
            )
        )
    size_x = stock_max[0] - stock_min[0]
    size_y = stock_max[1] - stock_min[1]
    motions = _from_home(program.motions, max([stock_max[2], *(f.max[2] for f in fixtures)]))
    # the budget holds the motions' arrays and records and the checkpoints besides the field
    held_mb = len(motions) * _BYTES_PER_MOTION // 1_000_000
    if playback:
        held_mb += memory_budget_mb * _PLAYBACK_SHARE
    if resolution_mm is None:
        if held_mb >= memory_budget_mb:
            raise SimulationError(
                translate(
                    "Simulation",
                    "the {budget} MB budget does not even hold the program's {moves} moves and "
                    "checkpoints ({held} MB): give a larger budget",
                ).format(
                    budget=i18n.number(memory_budget_mb),
                    moves=localefmt.integer(len(motions)),
                    held=localefmt.integer(round(held_mb)),
                )
            )
        cell = choose_resolution(stock_min, stock_max, tools, memory_budget_mb - held_mb, snapshots)
    else:
        cell = float(resolution_mm)
        if not 0 < cell < math.inf:
            raise SimulationError(
                translate(
                    "Simulation", "the resolution must be more than 0 mm, not {resolution}"
                ).format(resolution=resolution_mm)
            )
        needed_mb = _cell_count(size_x, size_y, cell) * _bytes_per_cell(snapshots) / 1e6
        needed_mb += held_mb
        if needed_mb > memory_budget_mb:
            raise SimulationError(
                translate(
                    "Simulation",
                    "{cell} mm cells on a {x} × {y} mm stock need {needed} MB, more than the "
                    "{budget} MB budget: use coarser cells or a larger budget",
                ).format(
                    cell=i18n.number(cell),
                    x=i18n.number(size_x),
                    y=i18n.number(size_y),
                    needed=localefmt.integer(round(needed_mb)),
                    budget=i18n.number(memory_budget_mb),
                )
            )

    only = next(iter(tools.values())) if len(tools) == 1 else None
    if only is None and program.tools_used and program.tools_used[0] in tools:
        # Posts move to a safe height before their first M6; the spindle then holds
        # whatever the last program left, most often the tool this one loads first.
        first = tools[program.tools_used[0]]
    else:
        first = only
    cutters: dict[int, _Cutter] = {}
    cutter_of: list[_Cutter] = []
    last_number, cutter = object(), None
    for motion in motions:
        number = motion.tool
        if number == last_number:  # consecutive motions mostly share a tool
            cutter_of.append(cutter)
            continue
        last_number = number
        tool = tools.get(number) if number is not None else None
        if tool is None:
            if number is None and first is not None:
                tool = first
            elif number is None:
                raise SimulationError(
                    translate(
                        "Simulation",
                        "line {line}: no tool is loaded (M6) and the tool list has {count} tools",
                    ).format(line=motion.line, count=len(tools))
                )
            else:
                raise SimulationError(
                    translate(
                        "Simulation", "line {line}: tool {tool} is not in the tool list"
                    ).format(line=motion.line, tool=f"T{number}")
                )
        key = id(tool)
        cutter = cutters.get(key)
        if cutter is None:
            cutter = cutters[key] = _Cutter(tool, cell)
        cutter_of.append(cutter)

    field = _Field(stock_min, stock_max, cell)
    problems = _Problems(len(motions))
    _machine_checks(motions, machine, problems)
    _fixture_checks(motions, cutter_of, fixtures, problems)
    extra = _travel_findings(motions, machine.travel_mm)

    count = len(motions)
    snapshot_after = (
        {math.ceil((k + 1) * count / snapshots) - 1 for k in range(snapshots)} if count else set()
    )
    snapshot_list: list[np.ndarray] = []
    report_every = max(1, count // 100)
    classes: list[str] = []
    top = field.top
    compiled = CompiledSweep(field, motions, cutter_of) if engine == "compiled" else None
    checkpoints = None
    if playback:
        checkpoints = Checkpoints(
            (field.ny, field.nx),
            max(_CHECKPOINT_MOTIONS, count // _CHECKPOINTS),
            int(memory_budget_mb * 1e6 * _PLAYBACK_SHARE),
        )
    snapshot_marks = sorted(i + 1 for i in snapshot_after)
    index = 0
    while index < count:
        # the compiled sweep runs up to the next point where Python looks at the field
        stop = min(count, -(-index // report_every) * report_every + 1)
        following = bisect_right(snapshot_marks, index)
        if following < len(snapshot_marks):
            stop = min(stop, snapshot_marks[following])
        if checkpoints is not None:
            stop = min(stop, (index // checkpoints.interval + 1) * checkpoints.interval)
        while index < stop:
            contact = None
            first_segment = first_piece = 0
            if compiled is not None:
                done, first_segment, first_piece, cut_so_far = compiled.run(index, stop)
                classes.extend(map(_CLASSES.__getitem__, compiled.cut[index:done].tolist()))
                index = done
                if index >= stop:
                    break
                if cut_so_far:  # the compiled sweep cut the pieces before the stop
                    contact = _Contact()
                    contact.cut = True
            motion = motions[index]
            c = cutter_of[index]
            contact = _sweep_motion(field, motion, c, first_segment, first_piece, contact)
            if contact is not None and contact.cut:
                classes.append("cut")
                _cut_problems(index, motion, c, contact, problems)
            else:
                classes.append("air")
            if contact is not None:
                _collision_problems(index, c, contact, problems)
            index += 1
        last = stop - 1
        if last in snapshot_after:
            snapshot_list.append(field.heights.copy())
        if progress is not None and last % report_every == 0:
            progress(last / count)
        if checkpoints is not None and checkpoints.due(stop):
            checkpoints.take(stop, field.heights, field.dirty)
    if not count:
        snapshot_list = [field.heights.copy() for _ in range(snapshots)]
    if compiled is not None:
        field.cells += compiled.cells
    replay = None
    if checkpoints is not None:
        replay = playback_of(field, motions, cutter_of, compiled, checkpoints)

    removed, accuracy = _volume_and_accuracy(field)
    run_time = estimate_time(
        program,
        machine.rapid_mm_min,
        machine.acceleration_mm_s2,
        machine.tool_change_s,
        machine.max_feed_mm_min,
    )
    if progress is not None:
        progress(1.0)
    return SimulationResult(
        removed_volume_mm3=removed,
        stock_volume_mm3=size_x * size_y * (stock_max[2] - stock_min[2]),
        machining_time_s=run_time.total_s,
        findings=problems.findings(motions, extra),
        heights=field.heights,
        initial_top_z=top,
        stock_min=stock_min,
        stock_max=stock_max,
        grid=Grid((field.x0, field.y0), cell, (field.ny, field.nx)),
        move_classes=classes,
        snapshots=snapshot_list,
        cells_updated=field.cells,
        playback=replay,
        accuracy_percent=min(100.0, 100.0 * accuracy / removed) if removed > 0 else 0.0,
    )


def _sweep_motion(field: _Field, motion: Motion, c: _Cutter, first_segment=0, first_piece=0,
                  contact: _Contact | None = None) -> _Contact | None:  # fmt: skip
    """Sweep one motion's pieces (from a segment and piece on) with the numpy code."""
    if motion.kind == "arc":
        points = (motion.start, *motion.points)
        lowest = min(p[2] for p in points)
    else:
        points = (motion.start, motion.end)
        lowest = min(motion.start[2], motion.end[2])
    if lowest < field.top - CUT_TOLERANCE_MM:
        rapid = motion.kind == "rapid"
        spindle_off = motion.spindle == "off"
        detail = rapid or spindle_off
        for k in range(first_segment, len(points) - 1):
            a, b = points[k], points[k + 1]
            want_core = not c.center_cutting and not rapid and b[2] < a[2]
            skip = first_piece if k == first_segment else 0
            found = field.sweep(c, a, b, detail, want_core, skip)
            if found is not None:
                contact = _merge(contact, found)
    return contact


def _cut_problems(index, motion: Motion, c: _Cutter, contact: _Contact, problems: _Problems):
    if motion.kind == "rapid":
        if motion.spindle == "off":
            source = QT_TRANSLATE_NOOP(
                "Findings",
                "G0 rapid cuts {depth} mm of stock with the spindle off near {at}: make this "
                "move a G1 feed, or move above the stock first.",
            )
        else:
            source = QT_TRANSLATE_NOOP(
                "Findings",
                "G0 rapid cuts {depth} mm of stock near {at}: make this move a G1 feed, or "
                "move above the stock first.",
            )
        problems.add(
            index,
            "rapid_into_stock",
            "rapid_into_stock",
            ERROR,
            contact.where,
            _says(source, depth=contact.depth, at=_at(contact.where)),
        )
    elif motion.spindle == "off":
        problems.add(
            index,
            "spindle_off_cut",
            "spindle_off_cut",
            ERROR,
            contact.where,
            _says(
                QT_TRANSLATE_NOOP(
                    "Findings",
                    "{tool} cuts {depth} mm of stock with the spindle off near {at}: start the "
                    "spindle (M3/M4 with S) before this move.",
                ),
                tool=f"T{c.number}",
                depth=contact.depth,
                at=_at(contact.where),
            ),
        )
    if contact.core is not None:
        depth, where = contact.core
        problems.add(
            index,
            "non_center_cutting_plunge",
            "non_center_cutting_plunge",
            ERROR,
            where,
            _says(
                QT_TRANSLATE_NOOP(
                    "Findings",
                    "{tool} is not centre-cutting but descends {depth} mm into material under "
                    "its centre near {at}: enter from outside the stock, ramp or helix in with "
                    "a centre-cutting tool, or pre-drill.",
                ),
                tool=f"T{c.number}",
                depth=depth,
                at=_at(where),
            ),
        )


def _collision_problems(index, c: _Cutter, contact: _Contact, problems: _Problems):
    if contact.shank is not None:
        above, where = contact.shank
        problems.add(
            index,
            "shank_collision",
            "shank_collision",
            ERROR,
            where,
            _says(
                QT_TRANSLATE_NOOP(
                    "Findings",
                    "{tool}'s shank rubs the stock: the material stands {above} mm above the "
                    "{flutes} mm flutes near {at}; cut in shallower steps or use a tool with "
                    "longer flutes.",
                ),
                tool=f"T{c.number}",
                above=above,
                flutes=float(c.flute_length),
                at=_at(where),
            ),
        )
    if contact.holder is not None:
        above, where = contact.holder
        problems.add(
            index,
            "holder_collision",
            "holder_collision",
            ERROR,
            where,
            _says(
                QT_TRANSLATE_NOOP(
                    "Findings",
                    "{tool}'s holder hits the stock: the material stands {above} mm above the "
                    "{stick_out} mm stick-out within the holder's {diameter} mm diameter near "
                    "{at}; extend the tool or use a slimmer holder.",
                ),
                tool=f"T{c.number}",
                above=above,
                stick_out=float(c.length),
                diameter=float(2 * c.holder_radius),
                at=_at(where),
            ),
        )


def _volume_and_accuracy(field: _Field) -> tuple[float, float]:
    """Removed volume (mm³) and its error bound (mm³), a block of rows at a time."""
    heights = field.heights
    area = field.cell * field.cell
    removed = bound = 0.0
    previous_last_row = None
    for start in range(0, field.ny, _VOLUME_CHUNK_ROWS):
        rows = np.maximum(heights[start : start + _VOLUME_CHUNK_ROWS], field.zmin)
        depth = (field.top - rows).astype(np.float64)
        removed += float(field.wy[start : start + rows.shape[0]] @ depth @ field.wx)
        steps = float(np.abs(np.diff(rows, axis=1)).sum(dtype=np.float64))
        steps += float(np.abs(np.diff(rows, axis=0)).sum(dtype=np.float64))
        if previous_last_row is not None:
            steps += float(np.abs(rows[0] - previous_last_row).sum(dtype=np.float64))
        previous_last_row = rows[-1].copy()
        bound += steps * area / 2.0
    return removed, bound
