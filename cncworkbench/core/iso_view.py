"""An isometric picture of a triangle mesh without OpenGL: a numpy z-buffer (issue 25).

The simulation report shows the cut stock (core.stock_mesh) in 3-D beside the top view; a
worker has no GPU and no display, so the mesh is drawn here: each triangle facing the
viewer is flat-shaded (its vertices' mean colour under a light from the upper left) and
sampled densely enough that neighbouring samples are under a pixel apart; the nearest
sample wins each pixel. :class:`IsoView` is the projection, so markers (findings) can be
placed on the picture by whoever draws it.

The viewer looks from the front right, above: from +X, -Y, +Z (FreeCAD's isometric).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

RIGHT = np.array([1.0, 1.0, 0.0]) / math.sqrt(2.0)  # screen x
UP = np.array([-1.0, 1.0, 2.0]) / math.sqrt(6.0)  # screen y (up)
TOWARD = np.array([1.0, -1.0, 1.0]) / math.sqrt(3.0)  # towards the viewer
LIGHT = np.array([0.3, -0.5, 1.0]) / np.linalg.norm([0.3, -0.5, 1.0])
AMBIENT = 0.35
MAX_SAMPLES = 4_000_000  # per batch of triangles, to bound memory


@dataclass(frozen=True)
class IsoView:
    """Program coordinates (mm) to picture pixels (x right, y down)."""

    width: int
    height: int
    scale: float  # pixels per mm
    offset_x: float  # the pixel of the program origin
    offset_y: float

    @classmethod
    def fit(cls, low, high, width: int, height: int, margin: float = 0.05) -> IsoView:
        """The view that shows the box ``low``..``high`` whole and centred."""
        corners = np.array(
            [[x, y, z] for x in (low[0], high[0]) for y in (low[1], high[1])
             for z in (low[2], high[2])], dtype=np.float64,
        )  # fmt: skip
        sx, sy = corners @ RIGHT, corners @ UP
        span_x, span_y = max(np.ptp(sx), 1e-9), max(np.ptp(sy), 1e-9)
        scale = (1.0 - 2 * margin) * min(width / span_x, height / span_y)
        offset_x = width / 2 - scale * (sx.min() + sx.max()) / 2
        offset_y = height / 2 + scale * (sy.min() + sy.max()) / 2
        return cls(int(width), int(height), float(scale), float(offset_x), float(offset_y))

    def project(self, points) -> np.ndarray:
        """(n, 2) pixel x, y of program points (n, 3)."""
        p = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        return np.column_stack(
            [self.offset_x + self.scale * (p @ RIGHT), self.offset_y - self.scale * (p @ UP)]
        )

    def as_dict(self) -> dict:
        return {
            "width": self.width, "height": self.height, "scale": self.scale,
            "offset_x": self.offset_x, "offset_y": self.offset_y,
        }  # fmt: skip


def render(
    vertices: np.ndarray,
    triangles: np.ndarray,
    colours: np.ndarray,
    view: IsoView,
    background: tuple[int, int, int] | None = (255, 255, 255),
) -> np.ndarray:
    """RGB (height, width, 3) uint8: the mesh (outward-facing triangles, colours per
    vertex) as seen by ``view``; with ``background`` None, RGBA with nothing drawn clear
    (so a page's own background shows around the part)."""
    v = np.asarray(vertices, dtype=np.float64)
    t = np.asarray(triangles, dtype=np.int64).reshape(-1, 3)
    channels = 4 if background is None else 3
    image = np.zeros((view.height, view.width, channels), dtype=np.uint8)
    if background is not None:
        image[...] = background
    if not len(t):
        return image
    a, b, c = v[t[:, 0]], v[t[:, 1]], v[t[:, 2]]
    normal = np.cross(b - a, c - a)
    length = np.linalg.norm(normal, axis=1)
    facing = (normal @ TOWARD > 0) & (length > 0)
    t, a, b, c = t[facing], a[facing], b[facing], c[facing]
    normal = normal[facing] / length[facing, None]
    light = AMBIENT + (1 - AMBIENT) * np.clip(normal @ LIGHT, 0.0, 1.0)
    # the vertices' colours under the face's light, blended across the face (Gouraud), so
    # a wall's two triangles per step do not show as a saw tooth
    lit = np.asarray(colours, dtype=np.float64)[t] * light[:, None, None]
    pa, pb, pc = view.project(a), view.project(b), view.project(c)
    # Each triangle tests the pixel centres of its bounding box (edge functions); boxes of
    # one size are done together, so a tall thin wall and a small top cell cost their area.
    da, db, dc = a @ TOWARD, b @ TOWARD, c @ TOWARD
    low = np.floor(np.minimum(np.minimum(pa, pb), pc) - 0.5).astype(np.int64)
    high = np.ceil(np.maximum(np.maximum(pa, pb), pc) - 0.5).astype(np.int64)
    size = np.maximum(high - low + 1, 1)
    area = (pb[:, 0] - pa[:, 0]) * (pc[:, 1] - pa[:, 1]) - (pb[:, 1] - pa[:, 1]) * (
        pc[:, 0] - pa[:, 0]
    )
    visible = np.abs(area) > 1e-12
    ids = np.flatnonzero(visible)
    # one integer per box size (a sort of pairs is several times slower)
    keys = size[visible, 0] * (int(size[:, 1].max()) + 1) + size[visible, 1]
    order = np.argsort(keys, kind="stable")
    keys, ids = keys[order], ids[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    pixel_index, depth, colour = [], [], []
    for first, end in zip(starts.tolist(), ends.tolist(), strict=True):
        members = ids[first:end]
        width, height = (int(v) for v in size[members[0]])
        gx, gy = np.meshgrid(np.arange(width), np.arange(height))
        gx, gy = gx.ravel(), gy.ravel()
        batch = max(1, MAX_SAMPLES // (width * height))
        for start in range(0, len(members), batch):
            part = members[start : start + batch]
            px = (low[part, 0][:, None] + gx[None, :]).astype(np.float64) + 0.5
            py = (low[part, 1][:, None] + gy[None, :]).astype(np.float64) + 0.5
            ax, ay = pa[part, 0][:, None], pa[part, 1][:, None]
            bx, by = pb[part, 0][:, None], pb[part, 1][:, None]
            cx, cy = pc[part, 0][:, None], pc[part, 1][:, None]
            whole = area[part][:, None]
            # barycentric weights of b and c; the sign of the area drops out
            wb = ((px - ax) * (cy - ay) - (py - ay) * (cx - ax)) / whole
            wc = ((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / whole
            inside = (wb >= -1e-9) & (wc >= -1e-9) & (wb + wc <= 1 + 1e-9)
            inside &= (px >= 0) & (px < view.width) & (py >= 0) & (py < view.height)
            z = da[part][:, None] + wb * (db - da)[part][:, None] + wc * (dc - da)[part][:, None]
            rows, _ = np.nonzero(inside)
            pixel_index.append(
                (py[inside].astype(np.int64)) * view.width + px[inside].astype(np.int64)
            )
            depth.append(z[inside])
            ca, cb, cc = lit[part, 0][rows], lit[part, 1][rows], lit[part, 2][rows]
            blend = ca + wb[inside][:, None] * (cb - ca) + wc[inside][:, None] * (cc - ca)
            colour.append(np.clip(np.rint(blend), 0, 255).astype(np.uint8))
    index = np.concatenate(pixel_index)
    if not len(index):
        return image
    depth_all, colour_all = np.concatenate(depth), np.concatenate(colour)
    order = np.lexsort((depth_all, index))  # by pixel, then nearest last
    index, colour_all = index[order], colour_all[order]
    last = np.ones(len(index), dtype=bool)
    last[:-1] = index[1:] != index[:-1]
    flat = image.reshape(-1, channels)
    flat[index[last], :3] = colour_all[last]
    if background is None:
        flat[index[last], 3] = 255
    return image
