"""The fast path: runs of the lines CAM posts write most, executed without the parser.

Most lines of a posted program are ``[N..] [G0|G1|G2|G3] [X] [Y] [Z] [I] [J] | [R] [F]
[(comment)]``. :meth:`FastPathMixin.fast_run` executes a run of consecutive such lines
with the machine state held in local variables (a line costs one regular expression and
a few float operations) and stops at the first line that needs anything else: another
word or mode, a value out of range, or anything the general path would refuse. The
general path then reads that line, so every line is executed exactly as the general path
would (same arithmetic, same order; ``tests/test_gcode.py`` compares both on random
programs) and every error still comes from the general path with its line and reason.
"""

from __future__ import annotations

import math
import re

from cncworkbench.core.gcode._machine import (
    _RADIUS_TOLERANCE,
    _SPIRAL_ABS_TOLERANCE,
    _SPIRAL_REL_TOLERANCE,
    _TWO_PI,
    Motion,
    segments_per_turn,
)
from cncworkbench.core.gcode.arcpoints import ArcPoints
from cncworkbench.core.gcode.errors import GCodeError

# Numbers of at most six integer digits: every value is within the general path's
# limits (±1,000,000), so the fast path needs no range checks; F has no sign (F-1 is an
# error). A word is optional as ``(?:word|)``: Python's regular expressions match that
# faster than ``(?:word)?`` (and its possessive ``?+`` is wrong on Python 3.11.2: it lets
# ``(?:G0?([0-3])(?![0-9.]))?+`` match "G20").
_NUMBER = r"([+-]?(?:[0-9]{1,6}(?:\.[0-9]*)?|\.[0-9]+))"
_FEED = r"((?:[0-9]{1,6}(?:\.[0-9]*)?|\.[0-9]+))"
# groups: N, G digit, X, Y, Z, I, J, R, F. Words one space apart, or more, or none; a
# comment without commas (a comma could make it a (MSG,...) note) may end the line.
FAST_RE = re.compile(
    r"[ ]*(?:([Nn][0-9]+[ ]+)|)(?:[Gg]0?([0-3])(?![0-9.])[ ]*|)"
    rf"(?:[Xx]{_NUMBER}[ ]*|)(?:[Yy]{_NUMBER}[ ]*|)(?:[Zz]{_NUMBER}[ ]*|)"
    rf"(?:(?:[Ii]{_NUMBER}[ ]*|)(?:[Jj]{_NUMBER}[ ]*|)|[Rr]{_NUMBER}[ ]*)"
    rf"(?:[Ff]{_FEED}[ ]*|)(?:\([^(),]*\)[ ]*|)\r?"
)
_MODES = {None: None, "0": 0, "1": 10, "2": 20, "3": 30}
_ARC_POINT_AXES = (0, 1, 2)


class FastPathMixin:
    """:meth:`fast_run` on top of the machine (:class:`._machine._Interpreter`)."""

    fast_path = True  # tests turn it off to compare with the general path

    def fast_init(self) -> None:
        self._per_turn: dict[float, int] = {}  # arc radius (mm) -> segments per turn

    def fast_run(self, lines: list[str], pc: int, stop: int, budget: int):
        """Execute ``lines[pc:stop]`` (pc < stop) while they take the fast path, at most ``budget``
        blocks. Returns (motions, index of the first line not read, blocks executed,
        number of the last line executed, 0 when none)."""
        made: list[Motion] = []
        match_line = FAST_RE.fullmatch
        if (
            match_line(lines[pc]) is None  # most often why: said before loading the state
            or self.comp_side is not None
            or self.comp_arc_not_allowed  # an arc just after G40 is refused
            or self.inverse_time
            or not self.fast_path
        ):
            return made, pc, 0, 0
        modes = _MODES
        append = made.append
        x, y, z = self.pos
        feed_mm = self.feed_mm
        mode = self.motion_mode
        absolute = self.absolute
        f = self.factor
        # blocks this run may execute: the budget, and the motions left (one a block)
        limit = min(budget, self.max_motions - self.emitted - len(self.motions))
        tool = self.tool
        rpm = self.rpm
        spindle = self.spindle
        coolant = self.coolant
        plane = self.plane
        tool_length = self.tool_length_mm
        here = (x, y, z) if f == 1.0 else (x * f, y * f, z * f)  # the next start, mm
        arcs_ok = plane == "XY"
        blocks = 0
        last = 0
        next_index = stop
        for number, raw in enumerate(lines[pc:stop], pc + 1):
            match = match_line(raw)
            if match is None:
                next_index = number - 1
                break
            n, g, xs, ys, zs, i_s, js, rs, fs = match.groups()
            if g is None:
                if n is None and match.lastindex is None:  # blank or only a comment
                    continue
                if xs is None and ys is None and zs is None:
                    next_index = number - 1  # F or a centre alone, an N alone
                    break
                code = mode
            else:
                code = modes[g]
            if blocks >= limit:  # the general path refuses the line with its reason
                next_index = number - 1
                break
            new_feed = feed_mm if fs is None else float(fs) * f
            if code == 10 or code == 0:
                if not (i_s is js is rs is None) or (code == 10 and new_feed == 0.0):
                    next_index = number - 1
                    break
                if absolute:
                    ex = x if xs is None else float(xs)
                    ey = y if ys is None else float(ys)
                    ez = z if zs is None else float(zs)
                else:
                    ex = x if xs is None else x + float(xs)
                    ey = y if ys is None else y + float(ys)
                    ez = z if zs is None else z + float(zs)
                end = (ex, ey, ez) if f == 1.0 else (ex * f, ey * f, ez * f)
                append(
                    Motion(
                        "feed" if code else "rapid",
                        number,
                        here,
                        end,
                        new_feed if code else None,
                        tool,
                        rpm,
                        spindle,
                        coolant,
                        plane,
                        None,
                        None,
                        (),
                        None,
                        tool_length,
                    )
                )
            elif (code == 20 or code == 30) and arcs_ok and new_feed != 0.0:
                arc = self._fast_arc(code == 20, x, y, z, xs, ys, zs, i_s, js, rs)
                if arc is None:
                    next_index = number - 1
                    break
                ex, ey, ez, end, centre, points = arc
                append(
                    Motion(
                        "arc",
                        number,
                        here,
                        end,
                        new_feed,
                        tool,
                        rpm,
                        spindle,
                        coolant,
                        plane,
                        centre,
                        code == 20,
                        points,
                        None,
                        tool_length,
                    )
                )
            else:
                next_index = number - 1  # a canned cycle, G80 mode, another plane
                break
            here = end
            x, y, z = ex, ey, ez
            feed_mm = new_feed
            mode = code
            blocks += 1
            last = number
        if blocks:
            self.pos = [x, y, z]
            self.feed_mm = feed_mm
            self.motion_mode = mode
            self.cycle_il_flag = False
            self.emitted += blocks
        return made, next_index, blocks, last

    def _fast_arc(self, clockwise, x, y, z, xs, ys, zs, i_s, js, rs):
        """An XY arc from ``x, y, z`` made as :meth:`_arc` makes it: (end in program
        units, end in mm, centre in mm, points), or None when the general path must read it (an
        error included). ``xs`` … ``rs``: the texts of the words, None when not given."""
        vx = None if xs is None else float(xs)
        vy = None if ys is None else float(ys)
        vz = None if zs is None else float(zs)
        if self.absolute:
            ex = x if vx is None else vx
            ey = y if vy is None else vy
            ez = z if vz is None else vz
        else:
            ex = x if vx is None else x + vx
            ey = y if vy is None else y + vy
            ez = z if vz is None else z + vz
        inch = self.inch
        radius_tolerance = _RADIUS_TOLERANCE[inch]
        if rs is None:
            if i_s is None and js is None:
                return None
            vi = 0.0 if i_s is None else float(i_s)
            vj = 0.0 if js is None else float(js)
            if self.ijk_absolute:
                if i_s is None or js is None:
                    return None
                c1, c2 = vi, vj
            else:
                c1 = x + vi
                c2 = y + vj
            r1 = math.hypot(c1 - x, c2 - y)
            r2 = math.hypot(c1 - ex, c2 - ey)
            if r1 < radius_tolerance or r2 < radius_tolerance:
                return None
            abs_err = abs(r1 - r2)
            spiral = _SPIRAL_ABS_TOLERANCE[inch]
            if abs_err > spiral * 100.0 or (
                abs_err / (r1 if r1 >= r2 else r2) > _SPIRAL_REL_TOLERANCE and abs_err > spiral
            ):
                return None
        else:
            if vx is None and vy is None:
                return None
            try:
                c1, c2 = self._r_centre(0, "", clockwise, x, y, ex, ey, float(rs), radius_tolerance)
            except GCodeError:
                return None
            r1 = math.hypot(x - c1, y - c2)
            r2 = math.hypot(ex - c1, ey - c2)
        # _find_turn of one turn, its first angle kept for the points
        alpha = math.atan2(y - c2, x - c1)
        beta = math.atan2(ey - c2, ex - c1)
        if clockwise:
            theta = beta - (alpha + _TWO_PI) if alpha <= beta else beta - alpha
        else:
            theta = (beta + _TWO_PI) - alpha if beta <= alpha else beta - alpha
        f = self.factor
        radius_mm = (r1 if r1 >= r2 else r2) * f
        per_turn = self._per_turn.get(radius_mm)
        if per_turn is None:
            if len(self._per_turn) > 4096:
                self._per_turn.clear()
            per_turn = self._per_turn[radius_mm] = segments_per_turn(
                radius_mm, self.chord_tolerance
            )
        count = max(1, math.ceil(abs(theta) / _TWO_PI * per_turn - 1e-9))
        if self.points_made + count > self.max_points:
            return None
        self.points_made += count
        end_mm = (ex * f, ey * f, ez * f)
        points = ArcPoints(count, (alpha, theta, r1, r2, c1, c2, z, ez, _ARC_POINT_AXES, f, end_mm))
        return ex, ey, ez, end_mm, (c1 * f, c2 * f, z * f), points
