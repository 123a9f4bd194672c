"""The deviation map: the simulated stock against the design, as a picture.

Red where the stock was cut below the design (gouge), blue where material stands above it
(leftover; the thicker, the darker, full at ``FULL_BLUE_MM``), green where the part's
surface is within the tolerance, and a light grey where the design has no material and
none is left. Rows are flipped so +Y is up, as :func:`cncworkbench.core.heightmap.shade`
does, so the review dock and the report place markers on it the same way.
"""

from __future__ import annotations

import numpy as np

GOUGE = (204, 0, 0)
WITHIN = (115, 190, 90)
OUTSIDE = (236, 236, 236)
LEFTOVER_THIN = (170, 200, 240)
LEFTOVER_THICK = (20, 50, 150)
FULL_BLUE_MM = 2.0


def deviation_rgb(
    heights: np.ndarray,
    target: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    inside: np.ndarray,
    tolerance_mm: float,
    leave_mm: float = 0.0,
) -> np.ndarray:
    """RGB (ny, nx, 3) uint8, row 0 = highest Y. ``target`` is the design's height per
    cell, ``low`` and ``high`` its least and most over the cell's neighbours (what a cell
    is judged against: core.verification)."""
    z = heights.astype(np.float64)
    image = np.empty((*heights.shape, 3), dtype=np.uint8)
    image[...] = OUTSIDE
    image[inside] = WITHIN
    left = z > high + leave_mm + tolerance_mm
    thickness = (z - target - leave_mm)[left]
    share = np.clip(thickness / FULL_BLUE_MM, 0.0, 1.0)[:, None]
    thin, thick = np.array(LEFTOVER_THIN, float), np.array(LEFTOVER_THICK, float)
    image[left] = np.round(thin + (thick - thin) * share).astype(np.uint8)
    image[z < low - tolerance_mm] = GOUGE
    return np.ascontiguousarray(image[::-1])
