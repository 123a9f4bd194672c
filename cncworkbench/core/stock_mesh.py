"""The simulated stock as a closed triangle mesh for a 3-D view (issue 25's review scene).

A height field of millions of cells is more than a viewer should draw, so the field is first
reduced to at most ``max_triangles``: blocks of k × k cells become one display cell holding
the block's *lowest* height, so a slot or a gouge narrower than a display cell still shows
(an operator looks for where the tool went; the exact figures come from the full field).
The mesh is the top surface (two triangles per display cell), four walls and a bottom: a
closed, outward-facing solid whose volume is the reduced field's. Vertex colours follow
:mod:`cncworkbench.core.heightmap`'s palette, so the 3-D view and the top-view picture agree.
Pure numpy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cncworkbench.core.heightmap import depth_colours

DEFAULT_MAX_TRIANGLES = 400_000


@dataclass(frozen=True)
class StockMesh:
    vertices: np.ndarray  # (n, 3) float32, program coordinates (mm)
    triangles: np.ndarray  # (m, 3) int32 indices into vertices, counter-clockwise outside
    colours: np.ndarray  # (n, 3) uint8 per vertex
    cell_mm: float  # the display cell's size (k × the simulation's cell)
    reduction: int  # k: simulation cells per display cell along each axis


def reduction_factor(rows: int, columns: int, max_triangles: int) -> int:
    """The smallest k whose reduced field's mesh fits ``max_triangles``."""
    if max_triangles < 16:
        raise ValueError("max_triangles must be at least 16")
    k = 1
    while True:
        ny, nx = -(-rows // k), -(-columns // k)
        if _triangle_count(ny, nx) <= max_triangles:
            return k
        k += 1


def _triangle_count(ny: int, nx: int) -> int:
    # top: a quad between each 2 × 2 of cell centres; walls: a quad per step of the boundary
    # ring (2 (nx + ny) - 4 vertices); bottom: a fan over the ring
    ring = 2 * (nx + ny) - 4
    return 2 * (ny - 1) * (nx - 1) + 2 * ring + (ring - 2)


def reduce_lowest(heights: np.ndarray, k: int) -> np.ndarray:
    """Each k × k block's lowest height (blocks at the far edges may be smaller)."""
    z = np.asarray(heights, dtype=np.float64)
    if k == 1:
        return z
    rows, columns = z.shape
    ny, nx = -(-rows // k), -(-columns // k)
    padded = np.full((ny * k, nx * k), np.inf)
    padded[:rows, :columns] = z
    return padded.reshape(ny, k, nx, k).min(axis=(1, 3))


def stock_mesh(
    heights: np.ndarray,
    origin: tuple[float, float],
    cell_mm: float,
    z_bottom: float,
    z_top: float,
    max_triangles: int = DEFAULT_MAX_TRIANGLES,
) -> StockMesh:
    """The closed display mesh of a height field ``heights`` (rows = Y, row 0 lowest; cell
    (row, column) centred at origin + (column + ½, row + ½) × cell_mm, as the simulator's)."""
    field = np.asarray(heights, dtype=np.float64)
    if field.ndim != 2 or min(field.shape) < 2:
        raise ValueError("the height field must be 2-D with at least 2 × 2 cells")
    k = reduction_factor(*field.shape, max_triangles)
    z = np.maximum(reduce_lowest(field, k), z_bottom)
    ny, nx = z.shape
    size = cell_mm * k
    # Display cell centres; the outer ring sits on the stock's edges so the solid keeps its
    # outline whatever k is.
    width, depth = field.shape[1] * cell_mm, field.shape[0] * cell_mm
    xs = origin[0] + np.clip((np.arange(nx) + 0.5) * size, 0.0, width)
    ys = origin[1] + np.clip((np.arange(ny) + 0.5) * size, 0.0, depth)
    xs[0], xs[-1] = origin[0], origin[0] + width
    ys[0], ys[-1] = origin[1], origin[1] + depth
    gx, gy = np.meshgrid(xs, ys)
    top = np.column_stack([gx.ravel(), gy.ravel(), z.ravel()])
    index = np.arange(ny * nx).reshape(ny, nx)

    a, b = index[:-1, :-1].ravel(), index[:-1, 1:].ravel()
    c, d = index[1:, 1:].ravel(), index[1:, :-1].ravel()
    top_triangles = np.concatenate([np.column_stack([a, b, c]), np.column_stack([a, c, d])])

    # The boundary ring, counter-clockwise seen from above, and its copy at the bottom.
    ring = np.concatenate(
        [index[0, :], index[1:, -1], index[-1, -2::-1], index[-2:0:-1, 0]]
    )  # fmt: skip
    base = len(top)
    bottom = top[ring].copy()
    bottom[:, 2] = z_bottom
    upper, lower = ring, base + np.arange(len(ring))
    upper_next, lower_next = np.roll(upper, -1), np.roll(lower, -1)
    walls = np.concatenate(
        [
            np.column_stack([upper, lower, lower_next]),
            np.column_stack([upper, lower_next, upper_next]),
        ]
    )
    # The bottom: a fan around the bottom ring's first vertex, facing down.
    fan = np.column_stack(
        [np.full(len(ring) - 2, lower[0]), lower[2:], lower[1:-1]]
    )  # fmt: skip
    vertices = np.concatenate([top, bottom]).astype(np.float32)
    triangles = np.concatenate([top_triangles, walls, fan]).astype(np.int32)
    colours = depth_colours(vertices[:, 2], z_bottom, z_top)
    return StockMesh(vertices, triangles, colours, float(size), k)


def mesh_volume(vertices: np.ndarray, triangles: np.ndarray) -> float:
    """The enclosed volume of a closed, outward-facing mesh (divergence theorem)."""
    v = np.asarray(vertices, dtype=np.float64)[np.asarray(triangles)]
    return float(np.einsum("ij,ij->i", v[:, 0], np.cross(v[:, 1], v[:, 2])).sum() / 6.0)
