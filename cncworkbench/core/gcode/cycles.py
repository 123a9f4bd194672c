"""Canned cycles G73 G74 G81-G86 G89, expanded as LinuxCNC 2.9 does (convert_cycle and
convert_cycle_xy/yz/zx): the initial level kept over a series of cycles, a traverse up to
R when below it, G73/G83 peck clearance 0.010 in, L repeats in G91."""

from __future__ import annotations

import math

from cncworkbench.core.gcode._machine import (
    _AXIS_LETTERS,
    _CYCLES,
    _DWELL_CYCLES,
    _PECK_CLEARANCE_INCH,
    _PLANE_AXES,
    MAX_REPEATS,
    MM_PER_INCH,
    _as_integer,
    _negative,
    _num,
    _zero_feed,
)
from cncworkbench.core.gcode.errors import GCodeError
from cncworkbench.core.i18n import translate


class CycleMixin:
    """The canned cycles of the machine (:class:`._machine._Interpreter`)."""

    def _cycle(self, ln, code, v):
        """LinuxCNC's convert_cycle and convert_cycle_xy/yz/zx for G73, G81, G82, G83."""
        name = _CYCLES[code]
        if self.inverse_time:
            raise GCodeError(
                ln,
                translate("GCode", "{code} cannot be used in inverse time mode (G93)").format(
                    code=name
                ),
            )
        if self.feed_mm == 0.0:
            raise GCodeError(ln, _zero_feed(name))
        same = self.motion_mode == code
        if "R" in v:
            r_number = v["R"]
        elif same:
            r_number = self.cycle_r
        else:
            raise GCodeError(
                ln, translate("GCode", "{code} needs R (the retract plane)").format(code=name)
            )
        repeats = 1
        if "L" in v:
            if v["L"] < 0:
                raise GCodeError(ln, _negative("L", v["L"]))
            repeats = _as_integer("L", v["L"], ln)
            if repeats == 0:
                raise GCodeError(
                    ln,
                    translate("GCode", "{code}: a cycle runs at least once").format(
                        code=f"{name} L0"
                    ),
                )
            if repeats > MAX_REPEATS:
                raise GCodeError(
                    ln,
                    translate("GCode", "{code}: at most {count} repeats").format(
                        code=f"{name} L{repeats}", count=MAX_REPEATS
                    ),
                )
        ia, ib, ic = _PLANE_AXES[self.plane]
        depth_letter = _AXIS_LETTERS[ic]
        if not same and depth_letter not in v:
            raise GCodeError(
                ln,
                translate("GCode", "{code} in the {plane} plane needs {letter}").format(
                    code=name, plane=self.plane, letter=depth_letter
                ),
            )
        cc_number = v.get(depth_letter, self.cycle_cc)
        pos = self.pos
        current_cc = pos[ic]
        if self.cycle_il_flag:
            old_cc = self.cycle_il
        else:
            old_cc = self.cycle_il = current_cc
            self.cycle_il_flag = True
        letter_a, letter_b = _AXIS_LETTERS[ia], _AXIS_LETTERS[ib]
        if self.absolute:
            inc_a = inc_b = 0.0
            r = r_number
            cc = cc_number
            aa = v.get(letter_a, pos[ia])
            bb = v.get(letter_b, pos[ib])
        else:
            inc_a = v.get(letter_a, 0.0)
            inc_b = v.get(letter_b, 0.0)
            r = r_number + old_cc
            cc = r + cc_number
            aa = pos[ia]
            bb = pos[ib]
        if r < cc:
            raise GCodeError(
                ln,
                translate("GCode", "{code}: R is below the bottom of the hole ({letter})").format(
                    code=name, letter=depth_letter
                ),
            )
        dwell = delta = None
        budget = self.max_motions - self.emitted - len(self.motions)
        if code in _DWELL_CYCLES:
            if not same and "P" not in v:
                raise GCodeError(
                    ln,
                    translate("GCode", "{code} needs P (the dwell at the bottom, seconds)").format(
                        code=name
                    ),
                )
            dwell = v.get("P", self.cycle_p)
        elif code in (740, 840) and self.spindle != ("ccw" if code == 740 else "cw"):
            raise GCodeError(
                ln,
                translate("GCode", "{code} needs the spindle turning {direction} ({m})").format(
                    code=name,
                    direction=translate(
                        "GCode", "counter-clockwise" if code == 740 else "clockwise"
                    ),
                    m="M4" if code == 740 else "M3",
                ),
            )
        elif code in (730, 830):
            if not same and "Q" not in v:
                raise GCodeError(
                    ln, translate("GCode", "{code} needs Q (the peck depth)").format(code=name)
                )
            delta = v.get("Q", self.cycle_q)
            if delta <= 0.0:
                raise GCodeError(
                    ln,
                    translate("GCode", "{code}: the peck depth Q must be more than 0").format(
                        code=name
                    ),
                )
            pecks = (r - cc) / delta
            if pecks * 3 * repeats > budget + 3:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode",
                        "{code} with {word} makes {pecks} pecks: more than "
                        "the {count} motions allowed",
                    ).format(
                        code=name,
                        word=f"Q{_num(delta)}",
                        pecks=int(pecks) * repeats,
                        count=self.max_motions,
                    ),
                )
        if repeats * 3 > budget + 3:
            raise GCodeError(
                ln,
                translate("GCode", "{code}: more than the {count} motions allowed").format(
                    code=f"{name} L{repeats}", count=self.max_motions
                ),
            )

        def at(a, b, c):
            point = [0.0, 0.0, 0.0]
            point[ia] = a
            point[ib] = b
            point[ic] = c
            return point

        line = self._line
        feed = self.feed_mm
        if old_cc < r:
            line("rapid", ln, at(pos[ia], pos[ib], r), None, name)
            old_cc = r
            current_cc = old_cc
        clear_cc = r if self.r_plane_retract else old_cc
        rapid_delta = _PECK_CLEARANCE_INCH if self.inch else _PECK_CLEARANCE_INCH * MM_PER_INCH
        for repeat in range(repeats):
            if self.polar_step is not None and self.plane == "XY":
                radius = math.hypot(aa, bb) + self.polar_step[0]
                theta = math.atan2(bb, aa) + self.polar_step[1]
                aa, bb = radius * math.cos(theta), radius * math.sin(theta)
            else:
                aa += inc_a
                bb += inc_b
            if repeat == 0 and current_cc > r:
                line("rapid", ln, at(aa, bb, current_cc), None, name)
                line("rapid", ln, at(aa, bb, r), None, name)
            else:
                line("rapid", ln, at(aa, bb, clear_cc), None, name)
                if clear_cc > r:
                    line("rapid", ln, at(aa, bb, r), None, name)
            if delta is not None:
                depth = r - delta
                while depth > cc:
                    line("feed", ln, at(aa, bb, depth), feed, name)
                    if code == 830:
                        line("rapid", ln, at(aa, bb, r), None, name)
                    line("rapid", ln, at(aa, bb, depth + rapid_delta), None, name)
                    depth = depth - delta
            line("feed", ln, at(aa, bb, cc), feed, name)
            if dwell is not None:
                self.dwells.append((ln, dwell))
            if code in (740, 840, 890):  # tapping, G89: feed back out
                line("feed", ln, at(aa, bb, clear_cc), feed, name)
            elif code == 850:  # feed out to R, then (even if there already) up to clear
                line("feed", ln, at(aa, bb, r), feed, name)
                line("rapid", ln, at(aa, bb, clear_cc), None, name)
            elif code == 860:  # G86: the spindle stops for the retract, then starts again
                spindle, self.spindle = self.spindle, "off"
                line("rapid", ln, at(aa, bb, clear_cc), None, name)
                self.spindle = spindle
            else:
                line("rapid", ln, at(aa, bb, clear_cc), None, name)
        self.cycle_cc = cc_number
        self.cycle_r = r_number
        if dwell is not None:
            self.cycle_p = dwell
        if delta is not None:
            self.cycle_q = delta
