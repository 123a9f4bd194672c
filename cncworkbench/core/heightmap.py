"""Pictures of a simulated stock: a height field shaded as a machinist reads it.

Uncut stock top is a light aluminium grey; the deeper a cell was cut, the more it leans
towards blue; a hill-shade from the north-west makes walls and floors readable. Rows are
flipped so +Y is up, as in a top view. Pure numpy: the report, the animation and the
review dock all draw from the same pixels.
"""

from __future__ import annotations

import numpy as np

_TOP = np.array([214.0, 217.0, 222.0])  # uncut stock
_DEEP = np.array([52.0, 101.0, 164.0])  # cut to the bottom of the stock
_LIGHT = np.array([-1.0, 1.0, 1.6])  # from the north-west, above


def _depth_colour(z: np.ndarray, z_bottom: float, z_top: float) -> np.ndarray:
    depth = np.clip((z_top - z) / max(z_top - z_bottom, 1e-9), 0.0, 1.0)
    return _TOP + (_DEEP - _TOP) * depth[..., None]


def depth_colours(z: np.ndarray, z_bottom: float, z_top: float) -> np.ndarray:
    """The palette alone, unshaded: RGB uint8 for each height in ``z`` (any shape)."""
    colour = _depth_colour(np.asarray(z, dtype=np.float64), z_bottom, z_top)
    return np.clip(np.rint(colour), 0, 255).astype(np.uint8)


def shade(heights: np.ndarray, cell_mm: float, z_bottom: float, z_top: float) -> np.ndarray:
    """RGB image (ny, nx, 3) uint8 of ``heights`` (ny, nx), row 0 = lowest Y."""
    # float32 and one channel at a time: the review's scrubber shades a frame per position,
    # and this is ~20x faster than stacking normals in float64 (same pixels within 1 level).
    z = np.asarray(heights, dtype=np.float32)
    depth = (np.float32(z_top) - z) * np.float32(1.0 / max(z_top - z_bottom, 1e-9))
    np.clip(depth, 0.0, 1.0, out=depth)
    gy, gx = np.gradient(z, np.float32(cell_mm))
    light = _LIGHT / np.linalg.norm(_LIGHT)
    # Lambert term of the surface normal (-gx, -gy, 1)/|…| against the light
    lambert = np.float32(light[2]) - gx * np.float32(light[0]) - gy * np.float32(light[1])
    lambert /= np.sqrt(gx * gx + gy * gy + np.float32(1.0))
    np.clip(lambert, 0.0, 1.0, out=lambert)
    flat = light[2]  # a horizontal face keeps its colour
    factor = np.float32(0.55) + np.float32(0.45 / flat) * lambert
    np.clip(factor, 0.35, 1.15, out=factor)
    image = np.empty((*z.shape, 3), dtype=np.uint8)
    for channel in range(3):
        value = np.float32(_TOP[channel]) + np.float32(_DEEP[channel] - _TOP[channel]) * depth
        value *= factor
        np.clip(value, 0, 255, out=value)
        image[..., channel] = value  # truncates, as astype(uint8) did
    return np.ascontiguousarray(image[::-1])


def to_pixel(
    x: float, y: float, origin: tuple[float, float], cell_mm: float, rows: int
) -> tuple[float, float]:
    """Where a program point falls in an image from :func:`shade` (column, row)."""
    column = (x - origin[0]) / cell_mm
    row = rows - 1 - (y - origin[1]) / cell_mm
    return column, row
