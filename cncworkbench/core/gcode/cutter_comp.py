"""Cutter radius compensation G41/G42 (D: a tool of the tool table), G41.1/G42.1 (D: the
diameter), G40, as LinuxCNC 2.9 does it in the XY plane.

The machine computes the programmed path; here it becomes the path of the tool's centre,
by LinuxCNC's own rules (interp_convert.cc, interp_queue.cc). The first move after
G41/G42 is the entry, straight or an arc, ending one radius off the programmed end
(refused when no longer than the radius). Then each move is held until the next says how
the corner turns: convex, an arc around the programmed corner is added; concave, the held
move is cut short where the offset paths meet; tangent, nothing. A concave corner the tool
cannot reach, or one that would make a held move run backwards (also checked at G40 and
at the program's end), is gouging and refused. After G40 the next move goes straight from
the tool to its end, computed from the programmed point; an arc there is refused.
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


class CompMixin:
    """Cutter radius compensation on top of the machine (:class:`._machine._Interpreter`)."""

    def comp_init(self) -> None:
        self.comp_side = None  # "left" or "right"
        self.comp_radius = 0.0  # mm
        self.comp_first = False
        self.comp_pending: list = []  # (motion, info): the last XY move and Z moves after it
        self.comp_tool_xy = None  # (x, y) mm: where the tool's centre is
        self.comp_endpoint = None  # where the held moves start, when LinuxCNC knows it
        self.comp_arc_not_allowed = False  # just after G40
        self.comp_exit_xy = None  # (x, y) mm: the tool's XY at G40, for the next move's start

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

    def comp_off(self, ln: int = 0) -> None:
        """G40: the held moves end where they are (refused if one now runs backwards); the
        next move starts where the tool is and must be straight."""
        if self.comp_side is not None and self.comp_radius > 0 and not self.comp_first:
            self.comp_finish(ln)
            # LinuxCNC goes on from the programmed point (for G91 and the next move's end);
            # the tool itself is still where compensation left it
            self.comp_exit_xy = self.comp_tool_xy
            self.comp_arc_not_allowed = True
        self.comp_side = None
        self.comp_first = True

    def comp_finish(self, ln: int) -> None:
        """G40 and the program's end: LinuxCNC moves the held moves' end to where they end,
        which refuses a held move that the last corner made run backwards."""
        if self.comp_pending and self.comp_tool_xy is not None:
            self._comp_move_endpoint(ln, *self.comp_tool_xy)
        self.comp_flush()

    def comp_flush(self) -> None:
        """Emit the held moves as they are (LinuxCNC's dequeue_canons)."""
        if self.comp_pending:
            self.motions.extend(m for m, _ in self.comp_pending)
            self.comp_pending = []
        self.comp_endpoint = None

    def comp_exit_start(self, made: int) -> None:
        """The first move after G40 starts where the tool is, not at the programmed point."""
        if len(self.motions) > made:
            first = self.motions[made]
            x, y = self.comp_exit_xy
            self.motions[made] = replace(first, start=(x, y, first.start[2]))
            self.comp_exit_xy = None

    def comp_arc_check(self, ln: int) -> None:
        if self.comp_arc_not_allowed:
            raise GCodeError(
                ln,
                translate(
                    "GCode",
                    "the move just after cutter radius compensation is turned off must be "
                    "straight, not an arc",
                ),
            )

    # ------------------------------------------------------------------ moves
    # Follows LinuxCNC 2.9's convert_straight_comp1/2 and convert_arc_comp1/2 (interp_convert
    # .cc) and its queue (interp_queue.cc): the last move is held (with the direction it was
    # programmed in, or an arc's sweep) until the next move says where it must end.
    def comp_move(self, ln: int, motion) -> None:
        """Replace the programmed ``motion`` by the tool centre's motions."""
        if self.comp_radius == 0.0:
            self.motions.append(motion)
            return
        if self.comp_first:
            if motion.kind == "arc":
                self._comp_arc_entry(ln, motion)
            else:
                self._comp_straight_entry(ln, motion)
            self.comp_first = False
        elif motion.kind == "arc":
            self._comp_arc_next(ln, motion)
        else:
            self._comp_straight_next(ln, motion)

    def _comp_straight_entry(self, ln, motion) -> None:
        r = self.comp_radius
        (px, py), (cx, cy) = motion.end[:2], motion.start[:2]
        if math.hypot(px - cx, py - cy) <= r:
            raise GCodeError(
                ln,
                translate(
                    "GCode",
                    "the cutter compensation entry move is not longer than the tool radius",
                ),
            )
        alpha = math.atan2(py - cy, px - cx) + (_HALF_PI if self.comp_side == "left" else -_HALF_PI)
        end = (px + r * math.cos(alpha), py + r * math.sin(alpha), motion.end[2])
        self.comp_endpoint = (cx, cy)
        # LinuxCNC records the entry's direction as the offset's, not the move's
        self._comp_enqueue(replace(motion, end=end), (math.cos(alpha), math.sin(alpha)))

    def _comp_straight_next(self, ln, motion) -> None:
        r = self.comp_radius
        left = self.comp_side == "left"
        (opx, opy), (px, py), pz = motion.start[:2], motion.end[:2], motion.end[2]
        cx, cy = self.comp_tool_xy
        cz = motion.start[2]
        if px == opx and py == opy:  # no XY motion: at the tool's XY
            moved = replace(motion, start=(cx, cy, cz), end=(cx, cy, pz))
            self._comp_enqueue(moved, (0.0, 0.0))
            return
        theta = math.atan2(cy - opy, cx - opx)
        alpha = math.atan2(py - opy, px - opx)
        if left:
            if theta < alpha:
                theta += 2 * math.pi
            beta = theta - alpha - _HALF_PI
            gamma = _HALF_PI
        else:
            if alpha < theta:
                alpha += 2 * math.pi
            beta = alpha - theta - _HALF_PI
            gamma = -_HALF_PI
        end = (px + r * math.cos(alpha + gamma), py + r * math.sin(alpha + gamma))
        mid = (opx + r * math.cos(alpha + gamma), opy + r * math.sin(alpha + gamma))
        front = self.comp_pending[0][0] if self.comp_pending else None
        front_arc = front is not None and front.kind == "arc"
        concave = beta < -_TANGENT or beta > math.pi + _TANGENT
        if not concave and beta > math.pi - _TANGENT and front_arc:
            # the "h" shape: over an arc's top and down beside it stays above, as rs274 does
            turn = self.comp_pending[0][1][1]
            concave = (not left and turn > 0) or (left and turn < 0)
        if not concave and beta > _TANGENT:  # convex: around the corner
            self._comp_move_endpoint(ln, cx, cy)
            if motion.kind == "rapid":
                self.motions.append(replace(motion, start=(cx, cy, cz), end=(mid[0], mid[1], cz)))
            else:
                corner = self._comp_arc(motion, (cx, cy), mid, (opx, opy), left, tool_z=cz)
                self.motions.append(corner)
            self.comp_endpoint = mid
            start = mid
        elif concave:
            if not front_arc:  # line to line: back along the held move
                halfcorner = (beta + math.pi) / 2
                if halfcorner == 0.0:
                    raise GCodeError(ln, _gouge())
                retreat = r / math.tan(halfcorner)
                start = (
                    cx + retreat * math.cos(theta + gamma),
                    cy + retreat * math.sin(theta + gamma),
                )
            else:  # arc to line: where the held arc meets the new offset line
                held, (_, turn) = self.comp_pending[0]
                c1, c2 = held.center[0], held.center[1]
                oldrad = math.hypot(c2 - held.end[1], c1 - held.end[0])
                inside = _tool_inside(left, turn)
                base = math.atan2(py - opy, px - opx)
                th = base + _HALF_PI if turn > 0 else base - _HALF_PI
                phi = math.atan2(c2 - opy, c1 - opx)
                d = (oldrad + r if inside else oldrad - r) * math.cos(th - phi)
                ratio = (d - r if inside else d + r) / oldrad
                if ratio > 1.0 or ratio < -1.0:
                    raise GCodeError(ln, _gouge())
                if inside == (turn > 0):
                    angle = -math.acos(ratio) + th + math.pi
                else:
                    angle = math.acos(ratio) + th + math.pi
                start = (c1 + oldrad * math.cos(angle), c2 + oldrad * math.sin(angle))
            self._comp_move_endpoint(ln, *start)
        else:  # straight on (or a tangent arc before)
            self.comp_flush()
            self.comp_endpoint = (cx, cy)
            start = (cx, cy)
        self._comp_enqueue(
            replace(motion, start=(start[0], start[1], cz), end=(end[0], end[1], pz)),
            (px - opx, py - opy),
        )

    def _comp_arc_entry(self, ln, motion) -> None:
        """An arc as the first move: the arc that starts at the tool and ends one radius
        off the programmed end, around a new centre (LinuxCNC's convert_arc_comp1)."""
        r = self.comp_radius
        left = self.comp_side == "left"
        (cx, cy), (ex, ey) = motion.start[:2], motion.end[:2]
        centre = motion.center[:2]
        turn = self._turns_of(motion) * (-1 if motion.clockwise else 1)
        inside = _tool_inside(left, turn)
        if inside and math.hypot(centre[0] - cx, centre[1] - cy) <= r:
            raise GCodeError(ln, _too_small())
        if math.hypot(ex - cx, ey - cy) <= r:
            raise GCodeError(
                ln,
                translate(
                    "GCode",
                    "the cutter compensation entry move is not longer than the tool radius",
                ),
            )
        if inside:
            gamma = math.atan2(centre[1] - ey, centre[0] - ex)
        else:
            gamma = math.atan2(ey - centre[1], ex - centre[0])
        end = (ex + r * math.cos(gamma), ey + r * math.sin(gamma))
        b_len = math.hypot(cy - end[1], cx - end[0]) / 2
        ab_ang = math.atan2(centre[1] - end[1], centre[0] - end[0])
        a_ang = math.atan2(cy - end[1], cx - end[0]) - ab_ang
        if abs(math.cos(a_ang)) < 1e-6:
            raise GCodeError(ln, _too_small())
        c_len = b_len / math.cos(a_ang)
        new_centre = (end[0] + c_len * math.cos(ab_ang), end[1] + c_len * math.sin(ab_ang))
        arc = self._comp_arc(motion, (cx, cy), end, new_centre, motion.clockwise, turns=abs(turn))
        sweep = _find_turn_xy((cx, cy), new_centre, turn, end)
        # LinuxCNC sets no start for the queue here: a later corner cannot refuse this arc
        self._comp_enqueue(arc, (sweep, turn))

    def _comp_arc_next(self, ln, motion) -> None:
        r = self.comp_radius
        left = self.comp_side == "left"
        (opx, opy), (ex, ey) = motion.start[:2], motion.end[:2]
        cx, cy = self.comp_tool_xy
        cz = motion.start[2]
        centre = motion.center[:2]
        turn = self._turns_of(motion) * (-1 if motion.clockwise else 1)
        arc_radius = math.hypot(centre[0] - ex, centre[1] - ey)
        theta = math.atan2(cy - opy, cx - opx)
        theta = theta - _HALF_PI if left else theta + _HALF_PI
        delta = math.atan2(centre[1] - opy, centre[0] - opx)
        alpha = delta + _HALF_PI if motion.clockwise else delta - _HALF_PI
        beta = theta - alpha if left else alpha - theta
        if beta > 1.5 * math.pi:
            beta -= 2 * math.pi
        elif beta < -_HALF_PI:
            beta += 2 * math.pi
        inside = _tool_inside(left, turn)
        if inside:
            gamma = math.atan2(centre[1] - ey, centre[0] - ex)
            if arc_radius <= r:
                raise GCodeError(ln, _too_small())
        else:
            gamma = math.atan2(ey - centre[1], ex - centre[0])
            delta += math.pi
        end = (ex + r * math.cos(gamma), ey + r * math.sin(gamma))
        front = self.comp_pending[0] if self.comp_pending else None
        if (
            beta < -_TANGENT
            or beta > math.pi + _TANGENT
            or (abs(beta - math.pi) < _TANGENT and not inside)
        ):  # concave
            if front is None or front[0].kind != "arc":  # line to arc
                toward = arc_radius * math.sin(beta - _HALF_PI)
                if inside:
                    dist = arc_radius - r
                    ratio = (toward + r) / dist
                    if ratio > 1.0 or ratio < -1.0:
                        raise GCodeError(ln, _gouge())
                    angle = theta + math.asin(ratio) if turn > 0 else theta - math.asin(ratio)
                else:
                    dist = arc_radius + r
                    ratio = (toward - r) / dist
                    if ratio > 1.0 or ratio < -1.0:
                        raise GCodeError(ln, _gouge())
                    if turn > 0:
                        angle = theta + math.pi - math.asin(ratio)
                    else:
                        angle = theta + math.pi + math.asin(ratio)
                mid = (centre[0] + dist * math.cos(angle), centre[1] + dist * math.sin(angle))
            else:  # arc to arc: where the two offset circles meet
                prev, (_, prev_turn) = front
                p1, p2 = prev.center[0], prev.center[1]
                oldrad = math.hypot(p2 - prev.end[1], p1 - prev.end[0])
                newrad = arc_radius - r if inside else arc_radius + r
                arc_cc = math.hypot(p2 - centre[1], p1 - centre[0])
                if oldrad == 0 or arc_cc == 0:
                    raise GCodeError(ln, _gouge())
                a = (oldrad**2 + arc_cc**2 - newrad**2) / (2 * oldrad * arc_cc)
                if a > 1.0 or a < -1.0:
                    raise GCodeError(ln, _gouge())
                pullback = math.acos(a)
                cc_dir = math.atan2(centre[1] - p2, centre[0] - p1)
                if _tool_inside(left, prev_turn) == (turn > 0):
                    direction = cc_dir + pullback
                else:
                    direction = cc_dir - pullback
                mid = (p1 + oldrad * math.cos(direction), p2 + oldrad * math.sin(direction))
            self._comp_move_endpoint(ln, *mid)
            start = mid
        elif beta > _TANGENT:  # convex: around the corner, then the arc
            mid = (opx + r * math.cos(delta), opy + r * math.sin(delta))
            self.comp_flush()
            self.motions.append(self._comp_arc(motion, (cx, cy), mid, (opx, opy), left, tool_z=cz))
            self.comp_endpoint = mid
            start = mid
        else:
            self.comp_flush()
            self.comp_endpoint = (cx, cy)
            start = (cx, cy)
        arc = self._comp_arc(motion, start, end, centre, motion.clockwise, turns=abs(turn))
        sweep = _find_turn_xy((opx, opy), centre, turn, (ex, ey))
        self._comp_enqueue(arc, (sweep, turn))

    def _comp_enqueue(self, motion, info) -> None:
        """Hold ``motion``; ``info`` is a straight move's programmed direction (dx, dy) or
        an arc's (programmed sweep, turn)."""
        self.comp_pending.append((motion, info))
        self.comp_tool_xy = (motion.end[0], motion.end[1])

    def _comp_move_endpoint(self, ln, x, y) -> None:
        """LinuxCNC's move_endpoint_and_flush: every held move now ends at (x, y); one that
        would run against its programmed direction, or an arc that would sweep further than
        programmed, gouges."""
        start = self.comp_endpoint
        moved = []
        for motion, info in self.comp_pending:
            if motion.kind == "arc":
                sweep, turn = info
                c = motion.center
                if start is not None and sweep != 0.0:
                    new_sweep = _find_turn_xy(start, c[:2], turn, (x, y))
                    if abs(new_sweep) > abs(sweep) + (0.001 if self.inch else 0.0254):
                        raise GCodeError(ln, _gouge())
                arc = self._comp_arc(
                    motion,
                    motion.start[:2],
                    (x, y),
                    c[:2],
                    motion.clockwise,
                    turns=abs(turn),
                )
                moved.append(replace(arc, end=(x, y, motion.end[2])))
            else:
                dx, dy = info
                if start is not None and dx * (x - start[0]) + dy * (y - start[1]) < 0:
                    raise GCodeError(ln, _gouge())
                moved.append(replace(motion, end=(x, y, motion.end[2])))
        self.comp_pending = [(m, None) for m in moved]
        self.comp_flush()
        self.comp_endpoint = (x, y)
        self.comp_tool_xy = (x, y)

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
        if math.hypot(end[0] - start[0], end[1] - start[1]) < 1e-9:  # a whole circle, not
            theta = 2 * math.pi * (-turns if clockwise else turns)  # rounding's sliver
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


def _tool_inside(left: bool, turn: int) -> bool:
    """LinuxCNC's TOOL_INSIDE_ARC: G41 on a CCW arc or G42 on a CW one."""
    return (left and turn > 0) or (not left and turn < 0)


def _find_turn_xy(start, centre, turn, end) -> float:
    from cncworkbench.core.gcode._machine import _find_turn

    return _find_turn(start[0], start[1], centre[0], centre[1], turn, end[0], end[1])


def _gouge() -> str:
    return translate("GCode", "cutter gouging with cutter radius compensation")


def _too_small() -> str:
    return translate("GCode", "the tool radius is not less than the arc radius with compensation")
