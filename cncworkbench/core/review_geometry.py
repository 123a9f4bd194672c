"""What the operator's review draws besides the stock: the tool where it is, the deviation
colours on the stock mesh, and the machine's travel box (issue 25). Pure numpy.

* :class:`ToolTrack`: where the tool tip is and which tool is in the spindle after any
  program line (the end of the last motion that line or an earlier one made), so the
  review's scrubber can put the tool where the stock shown was left.
* :func:`tool_parts`: a tool recorded in a run's details (``details["tools"]``) as the
  solids a viewer draws: the cutter (a cylinder, with a ball or a cone at the tip), the
  shank up to the holder, and the holder, in millimetres above the tip.
* :func:`deviation_vertex_colours`: the deviation map's classes (core.deviation) carried
  onto a stock mesh's top vertices, the worst class of each display block winning (a gouge
  narrower than a display cell still shows, as the mesh keeps each block's lowest height).
* :func:`gouge_vertex_colours`: a mid-program stock's mesh colours with its gouges so far
  in the deviation map's red (leftover and "within" mean something only at the end).
* :func:`travel_box`: the machine's envelope in program coordinates when it is known, or
  the travel's size centred on what the program reaches.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from cncworkbench.core import deviation


@dataclass(frozen=True)
class ToolPose:
    x: float
    y: float
    z: float
    tool: int | None  # the tool in the spindle (None: none loaded yet)


class ToolTrack:
    """The tool tip's position and tool number after each program line."""

    def __init__(self, lines: np.ndarray, ends: np.ndarray, tools: np.ndarray):
        self.lines = np.asarray(lines, dtype=np.int64)
        self.ends = np.asarray(ends, dtype=np.float64).reshape(-1, 3)
        self.tools = np.asarray(tools, dtype=np.int64)  # -1: no tool loaded

    @classmethod
    def of(cls, program) -> ToolTrack:
        """From an interpreted program (core.gcode.Program)."""
        motions = program.motions
        return cls(
            np.array([m.line for m in motions], dtype=np.int64),
            np.array([m.end for m in motions], dtype=np.float64).reshape(-1, 3),
            np.array([-1 if m.tool is None else m.tool for m in motions], dtype=np.int64),
        )

    def pose_at(self, line: int) -> ToolPose | None:
        """Where the tool is after ``line`` (None: no motion yet). As the playback's
        stock (core.sim_playback): the motions up to the first one made by a later line
        (line numbers run back only in a repeated subroutine)."""
        running = np.maximum.accumulate(self.lines) if len(self.lines) else self.lines
        done = int(np.searchsorted(running, line, side="right"))
        if done == 0:
            return None
        x, y, z = self.ends[done - 1].tolist()
        tool = int(self.tools[done - 1])
        return ToolPose(x, y, z, None if tool < 0 else tool)


@dataclass(frozen=True)
class ToolPart:
    kind: str  # "cutter", "shank" or "holder"
    solid: str  # "cylinder", "sphere" (a ball end's centre at z_from + radius) or "cone"
    radius: float
    z_from: float  # mm above the tip
    z_to: float


def tool_record(tool) -> dict[str, Any]:
    """What a run keeps of a simulation tool (core.simulation.ToolShape) for its review."""
    return {
        "number": tool.number,
        "shape": tool.shape,
        "diameter_mm": tool.diameter_mm,
        "flute_length_mm": tool.flute_length_mm,
        "corner_radius_mm": tool.corner_radius_mm,
        "tip_angle_deg": tool.tip_angle_deg,
        "shank_diameter_mm": tool.shank_diameter_mm,
        "length_mm": tool.length_mm,
        "holder_diameter_mm": tool.holder_diameter_mm,
        "holder_length_mm": tool.holder_length_mm,
    }


def tool_parts(tool: dict[str, Any]) -> list[ToolPart]:
    """The solids of a recorded tool (:func:`tool_record`), bottom up. A tool with no
    stick-out recorded has no holder; its shank is drawn two diameters above the flutes
    so the operator sees the tool's axis, not a length the run did not check."""
    radius = float(tool["diameter_mm"]) / 2.0
    flutes = max(float(tool["flute_length_mm"]), 1e-3)
    shape = tool.get("shape") or "flat"
    parts: list[ToolPart] = []
    tip = 0.0
    if shape == "ball":
        tip = min(radius, flutes)
        parts.append(ToolPart("cutter", "sphere", radius, 0.0, 2 * radius))
    elif shape in ("drill", "chamfer"):
        angle = float(tool.get("tip_angle_deg") or 118.0)
        tip = min(radius / math.tan(math.radians(angle) / 2.0), flutes)
        parts.append(ToolPart("cutter", "cone", radius, 0.0, tip))
    if flutes > tip:
        parts.append(ToolPart("cutter", "cylinder", radius, tip, flutes))
    shank = float(tool.get("shank_diameter_mm") or tool["diameter_mm"]) / 2.0
    length = tool.get("length_mm")
    shank_top = float(length) if length else flutes + max(4.0 * radius, 10.0)
    if shank_top > flutes:
        parts.append(ToolPart("shank", "cylinder", shank, flutes, shank_top))
    if length:
        holder = float(tool.get("holder_diameter_mm") or 2.0 * shank) / 2.0
        holder_length = float(tool.get("holder_length_mm") or 0.0) or 4.0 * holder
        parts.append(ToolPart("holder", "cylinder", holder, shank_top, shank_top + holder_length))
    return parts


# -- deviation colours ---------------------------------------------------------------------
CLASSES = ("outside", "within", "leftover", "gouge")  # in order of concern


def deviation_classes(picture: np.ndarray) -> np.ndarray:
    """The class index (CLASSES) of each pixel of a deviation map (core.deviation: RGB,
    row 0 = highest Y); returned with row 0 = lowest Y, as the height field."""
    rgb = np.asarray(picture)[::-1]
    classes = np.full(rgb.shape[:2], CLASSES.index("leftover"), dtype=np.int8)
    for name, colour in (
        ("outside", deviation.OUTSIDE), ("within", deviation.WITHIN), ("gouge", deviation.GOUGE)
    ):  # fmt: skip
        classes[np.all(rgb == np.array(colour, dtype=rgb.dtype), axis=2)] = CLASSES.index(name)
    return classes


def deviation_vertex_colours(mesh, picture: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(colours (n, 3) uint8, class per vertex (n,) int8, -1 off the top) of a stock mesh
    (core.stock_mesh) built from the same grid as the deviation map ``picture``: each top
    vertex takes its display block's most concerning class and that class's colour (a
    leftover the darkest blue of its block); walls and bottom are neutral grey."""
    classes = deviation_classes(picture)
    rgb = np.asarray(picture)[::-1]
    k = mesh.reduction
    rows, columns = classes.shape
    ny, nx = -(-rows // k), -(-columns // k)
    padded = np.full((ny * k, nx * k), -1, dtype=np.int8)
    padded[:rows, :columns] = classes
    blocks = padded.reshape(ny, k, nx, k).transpose(0, 2, 1, 3).reshape(ny, nx, k * k)
    worst = blocks.argmax(axis=2)  # the first pixel of the block's highest class
    by, bx = np.divmod(worst, k)
    pick_row = np.minimum(np.arange(ny)[:, None] * k + by, rows - 1)
    pick_column = np.minimum(np.arange(nx)[None, :] * k + bx, columns - 1)
    top_colours = rgb[pick_row, pick_column].reshape(-1, 3)
    top_classes = classes[pick_row, pick_column].reshape(-1)
    count = len(mesh.vertices)
    colours = np.full((count, 3), 150, dtype=np.uint8)
    vertex_classes = np.full(count, -1, dtype=np.int8)
    top = ny * nx  # stock_mesh puts the top's vertices first, row by row
    colours[:top] = top_colours
    vertex_classes[:top] = top_classes
    return colours, vertex_classes


def gouge_vertex_colours(mesh, heights: np.ndarray, floor: np.ndarray) -> tuple[np.ndarray, int]:
    """(colours, gouged cells): the stock mesh's own colours (by depth), its top vertices
    red (core.deviation.GOUGE) where a cell of their display block is below ``floor``
    (core.verification.gouge_floor); the mesh is built from ``heights`` (row 0 = lowest Y)."""
    gouged = heights < floor
    colours = mesh.colours.copy()
    count = int(np.count_nonzero(gouged))
    if count == 0:
        return colours, 0
    k = mesh.reduction
    rows, columns = gouged.shape
    ny, nx = -(-rows // k), -(-columns // k)
    padded = np.zeros((ny * k, nx * k), dtype=bool)
    padded[:rows, :columns] = gouged
    blocks = padded.reshape(ny, k, nx, k).any(axis=(1, 3)).reshape(-1)
    top = colours[: ny * nx]  # stock_mesh puts the top's vertices first, row by row
    top[blocks] = deviation.GOUGE
    return colours, count


# -- the design's surface -----------------------------------------------------------------
@dataclass(frozen=True)
class SurfaceMesh:
    vertices: np.ndarray  # (n, 3) float32, program coordinates
    triangles: np.ndarray  # (m, 3) int32, counter-clockwise seen from above


def design_surface(
    top: np.ndarray, origin: tuple[float, float], cell_mm: float, max_triangles: int = 200_000
) -> SurfaceMesh:
    """The design's top surface (``top``: heights per cell, rows = Y from the stock's low
    corner ``origin``, NaN off the part) as an open mesh over the cells on the part, every
    k-th cell so it stays within ``max_triangles``; drawn translucent over the stock."""
    field = np.asarray(top, dtype=np.float64)
    rows, columns = field.shape
    k = max(1, math.ceil(math.sqrt(2.0 * rows * columns / max(max_triangles, 2))))
    z = field[::k, ::k]
    ny, nx = z.shape
    xs = origin[0] + (np.arange(nx) * k + 0.5) * cell_mm
    ys = origin[1] + (np.arange(ny) * k + 0.5) * cell_mm
    gx, gy = np.meshgrid(xs, ys)
    index = np.arange(ny * nx).reshape(ny, nx)
    a, b = index[:-1, :-1].ravel(), index[:-1, 1:].ravel()
    c, d = index[1:, 1:].ravel(), index[1:, :-1].ravel()
    on_part = np.isfinite(z).ravel()
    whole = on_part[a] & on_part[b] & on_part[c] & on_part[d]
    quads = np.column_stack([a, b, c, d])[whole]
    triangles = np.concatenate([quads[:, [0, 1, 2]], quads[:, [0, 2, 3]]]).astype(np.int32)
    vertices = np.column_stack([gx.ravel(), gy.ravel(), np.nan_to_num(z.ravel())])
    return SurfaceMesh(vertices.astype(np.float32), triangles)


# -- the machine's travel ----------------------------------------------------------------
def travel_box(
    machine: dict[str, Any] | None, reached_min, reached_max
) -> tuple[tuple[float, ...], tuple[float, ...]] | None:
    """(low, high) corners of the machine's working space in program coordinates: its
    envelope when the machine gives one there, else a box of its travel centred on what
    the program reaches (X, Y) with its top at the program's highest point. None: the
    machine defines neither."""
    if not machine:
        return None
    low, high = machine.get("envelope_min"), machine.get("envelope_max")
    if low is not None and high is not None:
        return tuple(map(float, low)), tuple(map(float, high))
    travel = machine.get("travel_mm")
    if not travel or any(t is None for t in travel):
        return None
    reached_min, reached_max = np.asarray(reached_min, float), np.asarray(reached_max, float)
    centre = (reached_min + reached_max) / 2
    size = np.asarray(travel, dtype=float)
    box_low = np.array([centre[0] - size[0] / 2, centre[1] - size[1] / 2, reached_max[2] - size[2]])
    return tuple(box_low.tolist()), tuple((box_low + size).tolist())
