"""Cutter radius compensation G41/G42 (D: a tool of the tool table), G41.1/G42.1 (D: the
diameter), G40, as LinuxCNC 2.9 does it in the XY plane.

The machine computes the programmed path; here it becomes the path of the tool's centre.
The first move after G41/G42 is the entry: a straight move to the programmed end, offset
by the radius square to it (refused when no longer than the radius). Then at each
corner, judged from where the tool is against the new move's direction: convex, an arc
around the programmed corner is added; concave, the previous move is cut short where it
meets the new one (the last move is held until the next arrives); tangent, nothing. Arcs
are offset by the radius inside or out (refused when the tool does not fit inside).
G40: the next move goes straight from the tool's position to the programmed point.
"""

from __future__ import annotations

import math
from dataclasses import replace

from cncworkbench.core.gcode.arcpoints import ArcPoints
from cncworkbench.core.gcode.errors import GCodeError
from cncworkbench.core.i18n import translate

# LinuxCNC's corner tolerance (TOLERANCE_CONCAVE_CORNER, radians): smaller turns are tangent
_TANGENT = 0.05
_HALF_PI = math.pi / 2


def _angle(dx: float, dy: float) -> float:
    return math.atan2(dy, dx)


def _normalised(angle: float) -> float:
    while angle > math.pi:
        angle -= 2 * math.pi
    while angle <= -math.pi:
        angle += 2 * math.pi
    return angle


class CompMixin:
    """Cutter radius compensation on top of the machine (:class:`._machine._Interpreter`)."""

    def comp_init(self) -> None:
        self.comp_side = None  # "left" or "right"
        self.comp_radius = 0.0  # mm
        self.comp_first = False
        self.comp_pending: list = []  # the last XY move (and Z moves after it), held back
        self.comp_tool_xy = None  # (x, y) mm: where the tool's centre is
        self.comp_held_direction = 0.0  # the held straight move's programmed direction

    def comp_on(self, ln: int, code: int, v) -> None:
        if self.plane != "XY":
            raise GCodeError(
                ln,
                translate("GCode", "cutter radius compensation only in the XY plane (G17)"),
            )
        if self.comp_side is not None:
            raise GCodeError(
                ln,
                translate(
                    "GCode", "cutter radius compensation is already on (G40 before a new G41/G42)"
                ),
            )
        if code in (411, 421):
            diameter = v.get("D", 0.0) * self.factor
            if diameter < 0:
                raise GCodeError(ln, translate("GCode", "negative D (the tool diameter)"))
        else:
            tool = round(v["D"]) if "D" in v else (self.tool or 0)
            diameters = self.tool_diameters or {}
            if tool == 0:
                diameter = 0.0
            elif tool not in diameters:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode", "tool {tool} has no diameter in the tool table (G41/G42 D)"
                    ).format(tool=tool),
                )
            else:
                diameter = float(diameters[tool])
        self.comp_radius = diameter / 2
        self.comp_side = "left" if code in (410, 411) else "right"
        self.comp_first = True
        self.comp_tool_xy = None

    def comp_off(self) -> None:
        """G40: the next move starts where the tool is."""
        self.comp_flush()
        if self.comp_side is not None and self.comp_tool_xy is not None:
            f = self.factor
            self.pos[0], self.pos[1] = self.comp_tool_xy[0] / f, self.comp_tool_xy[1] / f
        self.comp_side = None

    def comp_flush(self) -> None:
        if self.comp_pending:
            self.motions.extend(self.comp_pending)
            self.comp_pending = []

    # ------------------------------------------------------------------ moves
    def comp_move(self, ln: int, motion) -> None:
        """Replace the programmed ``motion`` by the tool centre's motions."""
        r = self.comp_radius
        left = self.comp_side == "left"
        p0 = motion.start[:2]
        p1 = motion.end[:2]
        if r == 0.0:
            self.motions.append(motion)
            return
        if p0 == p1 and motion.kind != "arc":  # Z only: at the tool's XY
            if self.comp_first:
                self.motions.append(motion)
                return
            x, y = self.comp_tool_xy
            moved = replace(motion, start=(x, y, motion.start[2]), end=(x, y, motion.end[2]))
            (self.comp_pending if self.comp_pending else self.motions).append(moved)
            return
        if self.comp_first:
            if motion.kind == "arc":
                raise GCodeError(
                    ln,
                    translate(
                        "GCode",
                        "an arc as the first move of cutter radius compensation is not "
                        "supported: enter with a straight move",
                    ),
                )
            distance = math.hypot(p1[0] - p0[0], p1[1] - p0[1])
            if distance <= r:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode",
                        "the cutter compensation entry move is not longer than the tool radius",
                    ),
                )
            gamma = _angle(p1[0] - p0[0], p1[1] - p0[1]) + (_HALF_PI if left else -_HALF_PI)
            end = (p1[0] + r * math.cos(gamma), p1[1] + r * math.sin(gamma), motion.end[2])
            self.comp_first = False
            self._comp_hold(replace(motion, end=end))
            self.comp_held_direction = gamma - (_HALF_PI if left else -_HALF_PI)
            return
        tool = self.comp_tool_xy
        if motion.kind == "arc":
            c = motion.center
            radius0 = math.hypot(p0[0] - c[0], p0[1] - c[1])
            ccw = not motion.clockwise
            theta = _angle(p0[0] - c[0], p0[1] - c[1]) + (_HALF_PI if ccw else -_HALF_PI)
            inside = left == ccw
            radius1 = math.hypot(p1[0] - c[0], p1[1] - c[1])
            if inside and (r >= radius0 or r >= radius1):
                raise GCodeError(
                    ln,
                    translate(
                        "GCode", "the tool radius is not less than the arc radius with compensation"
                    ),
                )
        else:
            theta = _angle(p1[0] - p0[0], p1[1] - p0[1])
        gamma = theta + (_HALF_PI if left else -_HALF_PI)
        corner_start = (p0[0] + r * math.cos(gamma), p0[1] + r * math.sin(gamma))
        # how the offset turns at the corner: against the side of compensation is convex
        # (a right turn with G41), with it concave; within LinuxCNC's 0.05 rad, tangent
        alpha = _angle(tool[0] - p0[0], tool[1] - p0[1])
        beta = _normalised(gamma - alpha)
        if not left:
            beta = -beta
        beta = -beta  # > 0: convex, < 0: concave
        start = None
        if abs(abs(beta) - math.pi) < 1e-9:  # turning back: meet if the paths meet, else
            try:  # go around the corner (what rs274 does)
                start = self._comp_meet(ln, motion, corner_start, theta, left)
            except GCodeError:
                beta = math.pi
        if start is not None:
            pass
        elif beta < -_TANGENT:  # concave: cut the previous move short where the paths meet
            start = self._comp_meet(ln, motion, corner_start, theta, left)
        else:
            self.comp_flush()
            if beta > _TANGENT and motion.kind != "rapid":  # convex: around the corner
                corner = self._comp_arc(
                    motion, tool, corner_start, (p0[0], p0[1]), left, tool_z=motion.start[2]
                )
                self.motions.append(corner)
                start = corner_start
            elif beta > _TANGENT:
                self.motions.append(
                    replace(
                        motion,
                        start=(tool[0], tool[1], motion.start[2]),
                        end=(corner_start[0], corner_start[1], motion.start[2]),
                    )
                )
                start = corner_start
            else:
                start = tool
        if motion.kind == "arc":
            c = motion.center
            radius1 = math.hypot(p1[0] - c[0], p1[1] - c[1])
            offset = -r if inside else r
            unit = ((p1[0] - c[0]) / radius1, (p1[1] - c[1]) / radius1)
            end = (c[0] + unit[0] * (radius1 + offset), c[1] + unit[1] * (radius1 + offset))
            turns = self._turns_of(motion)
            self._comp_hold(self._comp_arc(motion, start, end, (c[0], c[1]), not ccw, turns=turns))
        else:
            end = (p1[0] + r * math.cos(gamma), p1[1] + r * math.sin(gamma))
            self._comp_hold(
                replace(
                    motion,
                    start=(start[0], start[1], motion.start[2]),
                    end=(end[0], end[1], motion.end[2]),
                )
            )
            self.comp_held_direction = theta  # the programmed move's, through its end

    def _comp_hold(self, motion) -> None:
        self.comp_flush()
        self.comp_pending = [motion]
        self.comp_tool_xy = (motion.end[0], motion.end[1])

    @staticmethod
    def _turns_of(motion) -> int:
        spec = motion.points._spec if isinstance(motion.points, ArcPoints) else None
        if spec is None:
            return 1
        return max(1, math.ceil(abs(spec[1]) / (2 * math.pi) - 1e-9))

    def _comp_arc(self, motion, start, end, centre, clockwise, tool_z=None, turns=1):
        """An arc motion (mm) from ``start`` to ``end`` around ``centre`` in the XY plane."""
        from cncworkbench.core.gcode._machine import _find_turn, segments_per_turn

        s3 = motion.start[2] if tool_z is None else tool_z
        e3 = motion.end[2] if tool_z is None else tool_z
        theta = _find_turn(
            start[0], start[1], centre[0], centre[1], -turns if clockwise else turns, *end
        )
        r1 = math.hypot(start[0] - centre[0], start[1] - centre[1])
        r2 = math.hypot(end[0] - centre[0], end[1] - centre[1])
        per_turn = segments_per_turn(max(r1, r2), self.chord_tolerance)
        count = max(1, math.ceil(abs(theta) / (2 * math.pi) * per_turn - 1e-9))
        end_mm = (end[0], end[1], e3)
        alpha = math.atan2(start[1] - centre[1], start[0] - centre[0])
        points = ArcPoints(
            count,
            (alpha, theta, r1, r2, centre[0], centre[1], s3, e3, (0, 1, 2), 1.0, end_mm),
        )
        return replace(
            motion,
            kind="arc",
            start=(start[0], start[1], s3),
            end=end_mm,
            center=(centre[0], centre[1], s3),
            clockwise=clockwise,
            points=points,
            plane="XY",
            feed=motion.feed if motion.feed is not None else self.feed_mm,
        )

    def _comp_meet(self, ln, motion, corner_start, theta, left):
        """Concave corner: where the held move meets the new move's offset path; the held
        move (and Z moves after it) end there. Returns the new move's start."""
        held = self.comp_pending[0] if self.comp_pending else None
        if held is None:
            return self.comp_tool_xy
        r = self.comp_radius
        if motion.kind == "arc":
            c = motion.center
            radius = math.hypot(motion.start[0] - c[0], motion.start[1] - c[1])
            inside = left == (not motion.clockwise)
            circle = (c[0], c[1], radius - r if inside else radius + r)
            line = None
        else:
            circle = None
            line = (corner_start, (math.cos(theta), math.sin(theta)))
        point = self._comp_intersection(ln, held, line, circle, corner_start)
        x, y = point
        if held.kind == "arc":
            c = held.center
            new_held = self._comp_arc(
                held,
                held.start[:2],
                point,
                (c[0], c[1]),
                held.clockwise,
                turns=self._turns_of(held),
            )
            new_held = replace(new_held, end=(x, y, held.end[2]))
        else:
            new_held = replace(held, end=(x, y, held.end[2]))
        rest = [
            replace(m, start=(x, y, m.start[2]), end=(x, y, m.end[2]))
            for m in self.comp_pending[1:]
        ]
        self.comp_pending = [new_held, *rest]
        self.comp_flush()
        self.comp_tool_xy = point
        return point

    def _comp_intersection(self, ln, held, line, circle, near):
        gouge = translate("GCode", "cutter gouging with cutter radius compensation")
        if held.kind == "arc":
            c = held.center
            held_circle = (c[0], c[1], math.hypot(held.end[0] - c[0], held.end[1] - c[1]))
            if line is not None:
                points = _line_circle(line, held_circle)
            else:
                points = _circle_circle(held_circle, circle)
            if points:  # the meeting point the arc reaches first, back from its end
                end_angle = math.atan2(held.end[1] - c[1], held.end[0] - c[0])
                sign = 1.0 if held.clockwise else -1.0

                def back(p):
                    angle = math.atan2(p[1] - c[1], p[0] - c[0])
                    return (sign * (angle - end_angle)) % (2 * math.pi)

                point = min(points, key=back)
                spec = held.points._spec if isinstance(held.points, ArcPoints) else None
                if spec is not None and back(point) > abs(spec[1]) + 1e-9:
                    raise GCodeError(ln, gouge)  # it would have to run the arc backwards
                return point
        else:
            (sx, sy), (ex, ey) = held.start[:2], held.end[:2]
            direction = self.comp_held_direction
            held_line = ((ex, ey), (math.cos(direction), math.sin(direction)))
            if line is not None:
                point = _line_line(held_line, line)
                points = [] if point is None else [point]
            else:
                points = _line_circle(held_line, circle)
            # the meeting point must lie on the held move, not before its start
            points = [
                p
                for p in points
                if (p[0] - sx) * held_line[1][0] + (p[1] - sy) * held_line[1][1] > 0
            ]
        if not points:
            raise GCodeError(ln, gouge)
        return min(points, key=lambda p: math.hypot(p[0] - near[0], p[1] - near[1]))


def _line_line(a, b):
    (ax, ay), (adx, ady) = a
    (bx, by), (bdx, bdy) = b
    det = adx * bdy - ady * bdx
    if abs(det) < 1e-12:
        return None
    t = ((bx - ax) * bdy - (by - ay) * bdx) / det
    return (ax + t * adx, ay + t * ady)


def _line_circle(line, circle):
    (px, py), (dx, dy) = line
    cx, cy, radius = circle
    fx, fy = px - cx, py - cy
    b = fx * dx + fy * dy
    c = fx * fx + fy * fy - radius * radius
    disc = b * b - c
    if disc < 0:
        return []
    root = math.sqrt(disc)
    return [(px + t * dx, py + t * dy) for t in (-b - root, -b + root)]


def _circle_circle(a, b):
    ax, ay, ar = a
    bx, by, br = b
    d = math.hypot(bx - ax, by - ay)
    if d == 0 or d > ar + br or d < abs(ar - br):
        return []
    along = (ar * ar - br * br + d * d) / (2 * d)
    h = math.sqrt(max(0.0, ar * ar - along * along))
    mx, my = ax + along * (bx - ax) / d, ay + along * (by - ay) / d
    return [
        (mx + h * (by - ay) / d, my - h * (bx - ax) / d),
        (mx - h * (by - ay) / d, my + h * (bx - ax) / d),
    ]
