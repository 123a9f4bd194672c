"""The polyline of an arc, computed when it is first read.

Reading a program makes every arc's points available, but many readers (``gcode trace``,
run time, the checks that need only end points) never look at them: the points of an
arc are computed on first use and kept, so a program of many arcs costs little until its
arcs are drawn or simulated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


class ArcPoints(Sequence):
    """The points of an arc after its start, the last one exactly the end point (mm)."""

    __slots__ = ("_count", "_made", "_spec")

    def __init__(self, count: int, spec: tuple):
        # spec: (alpha, theta, r1, r2, c1, c2, s3, e3, (i1, i2, i3), mm per unit, end mm)
        self._count = count
        self._spec = spec
        self._made: tuple | None = None

    def _points(self) -> tuple:
        made = self._made
        if made is None:
            made = self._made = _make(self._count, *self._spec)
        return made

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self._points()[index]

    def __iter__(self):
        return iter(self._points())

    def __eq__(self, other) -> bool:
        if isinstance(other, ArcPoints):
            other = other._points()
        return self._points() == other

    def __hash__(self) -> int:
        return hash(self._points())

    def __repr__(self) -> str:
        return repr(self._points())

    def __array__(self, dtype=None, copy=None):
        import numpy as np

        return np.array(self._points(), dtype=dtype)


def _make(count, alpha, theta, r1, r2, c1, c2, s3, e3, axes, f, end_mm) -> tuple:
    i1, i2, i3 = axes
    if count <= 12:
        points = []
        p = [0.0, 0.0, 0.0]
        for k in range(1, count):
            t = k / count
            angle = alpha + theta * t
            radius = r1 + (r2 - r1) * t
            p[i1] = (c1 + radius * math.cos(angle)) * f
            p[i2] = (c2 + radius * math.sin(angle)) * f
            p[i3] = (s3 + (e3 - s3) * t) * f
            points.append((p[0], p[1], p[2]))
        points.append(end_mm)
        return tuple(points)
    import numpy as np  # here: reading a program (gcode trace) should not load numpy

    t = np.arange(1, count + 1, dtype=float) / count
    angle = alpha + theta * t
    radius = r1 + (r2 - r1) * t
    grid = np.empty((count, 3))
    grid[:, i1] = (c1 + radius * np.cos(angle)) * f
    grid[:, i2] = (c2 + radius * np.sin(angle)) * f
    grid[:, i3] = (s3 + (e3 - s3) * t) * f
    points = list(map(tuple, grid.tolist()))
    points[-1] = end_mm
    return tuple(points)
