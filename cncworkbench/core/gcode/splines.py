"""G5 cubic and G5.1 quadratic splines in the XY plane, as LinuxCNC reads them.

G5 X Y I J P Q: a cubic Bézier from the current point to X Y, its first control point
at the start + (I, J), its second at the end + (P, Q); I and J left out continue the
previous G5 smoothly (the reflection of its P, Q). G5.1 X Y I J: a quadratic one with
its control point at the start + (I, J). rs274 hands the curve to the motion planner
(NURBS_FEED); here it becomes feed moves (``cycle`` "G5" or "G5.1") no further than the
chord tolerance from the curve.
"""

from __future__ import annotations

import math

from cncworkbench.core.gcode.errors import GCodeError
from cncworkbench.core.i18n import translate

MAX_SEGMENTS = 500


def spline_points(machine, ln: int, code: int, end, v) -> None:
    name = "G5" if code == 50 else "G5.1"
    if machine.plane != "XY":
        raise GCodeError(ln, translate("GCode", "splines (G5, G5.1) must be in the XY plane"))
    if abs(end[2] - machine.pos[2]) > 0 or "R" in v:
        raise GCodeError(ln, translate("GCode", "{code} cannot move Z or take R").format(code=name))
    if machine.inverse_time:
        raise GCodeError(
            ln,
            translate("GCode", "{code} cannot be used in inverse time mode (G93)").format(
                code=name
            ),
        )
    if machine.feed_mm == 0.0:
        raise GCodeError(
            ln,
            translate("GCode", "{code} with a zero feed rate (no F given yet)").format(code=name),
        )
    x0, y0, z = machine.pos
    x3, y3 = end[0], end[1]
    if ("I" in v) != ("J" in v):
        raise GCodeError(
            ln, translate("GCode", "{code} needs both I and J, or neither").format(code=name)
        )
    if code == 51:
        if "I" not in v:
            raise GCodeError(ln, translate("GCode", "G5.1 needs I and J (the control point)"))
        controls = [(x0, y0), (x0 + v["I"], y0 + v["J"]), (x3, y3)]
    else:
        if "P" not in v or "Q" not in v:
            raise GCodeError(ln, translate("GCode", "G5 needs P and Q (the second control point)"))
        if "I" in v:
            first = (x0 + v["I"], y0 + v["J"])
        else:  # continue the previous G5 smoothly
            last_p, last_q = machine.spline_tangent
            first = (x0 - last_p, y0 - last_q)
        controls = [(x0, y0), first, (x3 + v["P"], y3 + v["Q"]), (x3, y3)]
        machine.spline_tangent = (v["P"], v["Q"])
    count = _segments(controls, machine.chord_tolerance / machine.factor)
    for k in range(1, count + 1):
        t = k / count
        if k == count:
            x, y = x3, y3
        elif code == 51:
            (ax, ay), (bx, by), (cx, cy) = controls
            u = 1 - t
            x = u * u * ax + 2 * u * t * bx + t * t * cx
            y = u * u * ay + 2 * u * t * by + t * t * cy
        else:
            (ax, ay), (bx, by), (cx, cy), (dx, dy) = controls
            u = 1 - t
            x = u**3 * ax + 3 * u * u * t * bx + 3 * u * t * t * cx + t**3 * dx
            y = u**3 * ay + 3 * u * u * t * by + 3 * u * t * t * cy + t**3 * dy
        machine._line("feed", ln, [x, y, z], machine.feed_mm, name)


def _segments(controls, tolerance: float) -> int:
    """Segments so no chord strays more than ``tolerance``: the second derivative of a
    Bézier of degree n is at most n(n-1) times its largest second difference, and a chord
    of a curve of curvature bound M over 1/N strays at most M / (8 N²)."""
    degree = len(controls) - 1
    second = 0.0
    for (ax, ay), (bx, by), (cx, cy) in zip(controls, controls[1:], controls[2:], strict=False):
        second = max(second, math.hypot(ax - 2 * bx + cx, ay - 2 * by + cy))
    bound = degree * (degree - 1) * second
    if bound <= 0.0:
        return 1
    return max(1, min(MAX_SEGMENTS, math.ceil(math.sqrt(bound / (8 * tolerance)))))
