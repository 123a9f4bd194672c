"""The machine state of the interpreter and the execution of one block (see the package
documentation for what it reads and its decisions)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cncworkbench.core import i18n
from cncworkbench.core.gcode.arcpoints import ArcPoints
from cncworkbench.core.gcode.errors import GCodeError, at_line
from cncworkbench.core.gcode.splines import spline_points
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate

MM_PER_INCH = 25.4
INCH_PER_MM = 1.0 / 25.4
MAX_VALUE = 1_000_000.0
MAX_RATE = 1e9  # F and S: feeds in inverse time mode can be large
MAX_TURNS = 10_000
MAX_REPEATS = 100_000
# Work budget of a program (see work_budget): what it may make before any is made.
BASE_MOTIONS = 200_000
MOTIONS_PER_CHAR = 1
BASE_ARC_POINTS = 1_000_000
ARC_POINTS_PER_CHAR = 20
MIN_SEGMENTS_PER_TURN = 4
MAX_SEGMENTS_PER_TURN = 2000

# LinuxCNC's tolerances (interp_internal.hh), in program units, keyed by "inch?".
_RADIUS_TOLERANCE = {False: 0.00005 * MM_PER_INCH, True: 0.00005}
_SPIRAL_ABS_TOLERANCE = {False: 2 * 0.01 * math.sqrt(2), True: 2 * 0.001 * math.sqrt(2)}
_SPIRAL_REL_TOLERANCE = 0.001
_PECK_CLEARANCE_INCH = 0.010
_TINY = 1e-12
_TWO_PI = 2 * math.pi

# (first, second, normal) axis indices of each plane, in LinuxCNC's order.
_PLANE_AXES = {"XY": (0, 1, 2), "XZ": (2, 0, 1), "YZ": (1, 2, 0)}
_CENTRE_LETTERS = {"XY": "IJ", "XZ": "KI", "YZ": "JK"}
_WRONG_CENTRE_LETTER = {"XY": "K", "XZ": "J", "YZ": "I"}
_AXIS_LETTERS = ("X", "Y", "Z")

_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_WORD_RE = re.compile(r"([A-Z])(" + _NUMBER + ")")
_LINE_RE = re.compile(r"(?:[A-Z]" + _NUMBER + ")*")
_NUMBER_RE = re.compile(_NUMBER)
_NUMBERISH_RE = re.compile(r"[0-9.+\-]*")
_PROGRAM_NUMBER_RE = re.compile(r"O[0-9]+")
# G codes (value × 10) -> modal group.
_G_GROUPS: dict[int, str] = {
    **dict.fromkeys(
        (0, 10, 20, 30, 50, 51, 730, 740, 800, 810, 820, 830, 840, 850, 860, 890), "motion"
    ),
    **dict.fromkeys((40, 100, 280, 281, 300, 301, 520, 530, 920, 921, 922, 923), "nonmodal"),
    **dict.fromkeys((170, 180, 190), "plane"),
    **dict.fromkeys((200, 210), "units"),
    **dict.fromkeys((400, 410, 411, 420, 421), "comp"),
    **dict.fromkeys((430, 490), "length"),
    **dict.fromkeys((540, 550, 560, 570, 580, 590, 591, 592, 593), "coord"),
    **dict.fromkeys((610, 611, 640), "path"),
    **dict.fromkeys((900, 910), "distance"),
    **dict.fromkeys((901, 911), "ijk"),
    **dict.fromkeys((930, 940), "feedmode"),
    970: "spindlemode",
    **dict.fromkeys((980, 990), "retract"),
}
_G_UNSUPPORTED = {
    52: QT_TRANSLATE_NOOP("GCode", "NURBS"),
    53: QT_TRANSLATE_NOOP("GCode", "NURBS"),
    70: QT_TRANSLATE_NOOP("GCode", "lathe diameter mode, not on a mill"),
    80: QT_TRANSLATE_NOOP("GCode", "lathe radius mode, not on a mill"),
    150: QT_TRANSLATE_NOOP("GCode", "polar coordinates"),
    160: QT_TRANSLATE_NOOP("GCode", "polar coordinates"),
    171: QT_TRANSLATE_NOOP("GCode", "UV/UW/VW planes"),
    181: QT_TRANSLATE_NOOP("GCode", "UV/UW/VW planes"),
    191: QT_TRANSLATE_NOOP("GCode", "UV/UW/VW planes"),
    330: QT_TRANSLATE_NOOP("GCode", "spindle-synchronised motion"),
    331: QT_TRANSLATE_NOOP("GCode", "rigid tapping"),
    431: QT_TRANSLATE_NOOP("GCode", "dynamic tool length offsets"),
    432: QT_TRANSLATE_NOOP("GCode", "adding tool length offsets"),
    700: QT_TRANSLATE_NOOP("GCode", "lathe finishing cycles"),
    710: QT_TRANSLATE_NOOP("GCode", "lathe roughing cycles"),
    711: QT_TRANSLATE_NOOP("GCode", "lathe roughing cycles"),
    712: QT_TRANSLATE_NOOP("GCode", "lathe roughing cycles"),
    720: QT_TRANSLATE_NOOP("GCode", "lathe roughing cycles"),
    721: QT_TRANSLATE_NOOP("GCode", "lathe roughing cycles"),
    722: QT_TRANSLATE_NOOP("GCode", "lathe roughing cycles"),
    760: QT_TRANSLATE_NOOP("GCode", "threading cycles"),
    870: QT_TRANSLATE_NOOP("GCode", "back boring cycles"),
    880: QT_TRANSLATE_NOOP("GCode", "boring cycles"),
    950: QT_TRANSLATE_NOOP("GCode", "feed per revolution"),
    960: QT_TRANSLATE_NOOP("GCode", "constant surface speed, a lathe's"),
}
_M_GROUPS = {
    **dict.fromkeys((0, 1, 2, 30, 60), "stop"),
    **dict.fromkeys((6, 61), "toolchange"),
    **dict.fromkeys((62, 63, 64, 65, 66, 67, 68), "io"),
    **dict.fromkeys((70, 71, 72, 73), "modal"),
    **dict.fromkeys((3, 4, 5), "spindle"),
    **dict.fromkeys((7, 8, 9), "coolant"),
}
_M_UNSUPPORTED = {
    19: QT_TRANSLATE_NOOP("GCode", "spindle orientation"),
    **dict.fromkeys((48, 49, 50, 51, 52, 53), QT_TRANSLATE_NOOP("GCode", "override switches")),
}
_LETTERS = frozenset("DEFHIJKLPQRSTXYZ@^")
_LETTER_UNSUPPORTED = {
    "A": QT_TRANSLATE_NOOP(
        "GCode", "rotary axes (A) are not supported until the simulator has them"
    ),
    "B": QT_TRANSLATE_NOOP(
        "GCode", "rotary axes (B) are not supported until the simulator has them"
    ),
    "C": QT_TRANSLATE_NOOP(
        "GCode", "rotary axes (C) are not supported until the simulator has them"
    ),
    "U": QT_TRANSLATE_NOOP("GCode", "extra linear axes (U) are not supported"),
    "V": QT_TRANSLATE_NOOP("GCode", "extra linear axes (V) are not supported"),
    "W": QT_TRANSLATE_NOOP("GCode", "extra linear axes (W) are not supported"),
    "O": QT_TRANSLATE_NOOP("GCode", "O words (subroutines and control flow) are not supported"),
}
_SIMPLE_WORDS = frozenset("XYZFST")
_CYCLES = {
    730: "G73",
    740: "G74",
    810: "G81",
    820: "G82",
    830: "G83",
    840: "G84",
    850: "G85",
    860: "G86",
    890: "G89",
}
_DWELL_CYCLES = (820, 860, 890)
_CW = QT_TRANSLATE_NOOP("GCode", "clockwise")
_CCW = QT_TRANSLATE_NOOP("GCode", "counter-clockwise")
_PLANES = {170: "XY", 180: "XZ", 190: "YZ"}
_SPINDLE = {3: "cw", 4: "ccw", 5: "off"}


# Not frozen: a frozen dataclass's __init__ costs five times as much, and a program
# makes hundreds of thousands of motions. Readers treat motions as values.
@dataclass(slots=True)
class Motion:
    """One rapid, feed or arc move; positions in mm, program (work) coordinates."""

    kind: str  # "rapid", "feed" or "arc"
    line: int  # 1-based source line that produced it
    start: tuple[float, float, float]
    end: tuple[float, float, float]
    feed: float | None  # mm/min for feed and arc moves, None for rapids
    tool: int | None  # the tool in the spindle (after M6), None before any
    spindle_rpm: float  # S in effect (0 if none)
    spindle: str  # "cw", "ccw" or "off"
    coolant: str  # "off", "mist", "flood" or "mist+flood"
    plane: str  # "XY", "XZ" or "YZ"
    center: tuple[float, float, float] | None  # arcs: centre; normal axis as at the start
    clockwise: bool | None  # arcs
    points: Sequence[tuple[float, float, float]]  # arcs: polyline (ArcPoints), start excluded
    cycle: str | None  # "G73", "G81", "G82" or "G83" for canned cycle motions
    tool_length: float  # tool length offset in effect, mm (0 after G49)


@dataclass
class Program:
    motions: list[Motion]
    warnings: list[str]  # "line 3: G64 P0.01 blending ignored"
    units: str  # "mm" or "inch", as last selected
    tools_used: list[int]  # tools loaded by M6, in order of first use
    end_position: tuple[float, float, float]  # mm
    dwells: list[tuple[int, float]] = field(default_factory=list)  # (line, seconds): G4, G82
    # (line, "MSG" | "DEBUG" | "PRINT", text): the program's messages, parameters filled in
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    pauses: list[tuple[int, str]] = field(default_factory=list)  # (line, "M0" | "M1" | "M60")
    # the parameters LinuxCNC keeps in its parameter file (.var), at the end, in mm
    parameters: dict[int, float] = field(default_factory=dict)


def segments_per_turn(radius: float, chord_tolerance: float) -> int:
    """Segments per full turn so no chord strays more than ``chord_tolerance`` (4–2000)."""
    if radius <= chord_tolerance:
        return MIN_SEGMENTS_PER_TURN
    step = 2.0 * math.acos(1.0 - chord_tolerance / radius)
    per_turn = math.ceil(_TWO_PI / step) if step > 0 else MAX_SEGMENTS_PER_TURN
    return max(MIN_SEGMENTS_PER_TURN, min(MAX_SEGMENTS_PER_TURN, per_turn))


# ----------------------------------------------------------------------------- helpers
def _g_name(code: int) -> str:
    return f"G{code // 10}" if code % 10 == 0 else f"G{code // 10}.{code % 10}"


def _shown_char(ch: str) -> str:
    if ch.isprintable() and ch != " ":
        return translate("GCode", "character '{char}'").format(char=ch)
    if ord(ch) < 256:
        return translate("GCode", "byte 0x{code}").format(code=f"{ord(ch):02X}")
    return translate("GCode", "character U+{code}").format(code=f"{ord(ch):04X}")


def _shown(text: str, limit: int = 24) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in text[:limit])
    return printable + ("…" if len(text) > limit else "")


def _num(value: float) -> str:
    """The number of a G-code word (``R2.5``): never localised."""
    return f"{value:.6g}"


def _amount(value: float) -> str:
    """A length in a sentence: :func:`_num`'s digits with the reader's decimal mark."""
    text = _num(value)
    return text if "e" in text or "n" in text else i18n.number(float(text), 10)


def _unexpected(ch: str) -> str:
    return translate("GCode", "unexpected {what}").format(what=_shown_char(ch))


_COMMENT_MARK_RE = re.compile(r"[();]")


def _strip_comments(raw: str, line: int, stray_close_ok: bool = False) -> str:
    """The line without ``( )`` and ``;`` comments (LinuxCNC's rules: no nesting).

    One pass over the line's ``(``, ``)`` and ``;``: linear in the line's length, so a
    hostile line of millions of comments costs no more than reading it.
    """
    out = []
    kept_from = 0  # start of the code not yet copied to out
    opened = -1  # position of the '(' of the comment we are in, -1 outside comments
    for mark in _COMMENT_MARK_RE.finditer(raw):
        ch, at = mark.group(), mark.start()
        if opened >= 0:
            if ch == ")":
                opened = -1
                kept_from = at + 1
            elif ch == "(":
                if raw.find(")", at) >= 0:  # looked up once: an error follows either way
                    raise GCodeError(line, translate("GCode", "nested comments are not allowed"))
                break
            continue
        if ch == ";":
            out.append(raw[kept_from:at])
            return "".join(out)
        if ch == ")":
            if stray_close_ok:
                out.append(raw[kept_from:at])
                kept_from = at + 1
                continue
            raise GCodeError(line, translate("GCode", "')' without a '(' opening a comment"))
        out.append(raw[kept_from:at])
        opened = at
    if opened >= 0:
        raise GCodeError(line, translate("GCode", "comment is not closed (missing ')')"))
    out.append(raw[kept_from:])
    return "".join(out)


def _diagnose(code: str, line: int) -> None:
    """Raise the precise error for a line that is not a sequence of words."""
    i = 0
    n = len(code)
    while i < n:
        ch = code[i]
        if not ("A" <= ch <= "Z"):
            if ch == "#":
                raise GCodeError(line, translate("GCode", "parameters (#) are not supported"))
            if ch == "[":
                raise GCodeError(line, translate("GCode", "expressions ([...]) are not supported"))
            if ch == "/":
                raise GCodeError(
                    line,
                    translate("GCode", "'/' (block delete) is only allowed at the start of a line"),
                )
            if ch in "@^":
                raise GCodeError(
                    line, translate("GCode", "polar coordinates (@, ^) are not supported")
                )
            if ch in "0123456789.+-":
                run = _NUMBERISH_RE.match(code, i).group()
                raise GCodeError(
                    line,
                    translate("GCode", "number {text} without a letter").format(text=_shown(run)),
                )
            raise GCodeError(line, _unexpected(ch))
        match = _NUMBER_RE.match(code, i + 1)
        run = _NUMBERISH_RE.match(code, i + 1).group()
        if match is None:
            if i + 1 < n and code[i + 1] in "#[":
                _diagnose(code[i + 1 :], line)
            if not run:
                raise GCodeError(
                    line, translate("GCode", "word {letter} has no value").format(letter=ch)
                )
            raise GCodeError(
                line, translate("GCode", "bad number {text}").format(text=_shown(ch + run))
            )
        if match.end() < n and code[match.end()] in "0123456789.+-":
            raise GCodeError(
                line, translate("GCode", "bad number {text}").format(text=_shown(ch + run))
            )
        i = match.end()
    raise GCodeError(
        line, translate("GCode", "cannot read the line")
    )  # pragma: no cover - the regex said no


def _as_integer(letter: str, value: float, line: int) -> int:
    rounded = round(value)
    if abs(value - rounded) > 0.0001:
        raise GCodeError(
            line,
            translate("GCode", "{word}: {letter} must be a whole number").format(
                word=f"{letter}{_num(value)}", letter=letter
            ),
        )
    return int(rounded)


def _not_supported(code: str, what: str) -> str:
    """``what`` is a QT_TRANSLATE_NOOP text of the unsupported tables."""
    return translate("GCode", "{code} ({what}) is not supported").format(
        code=code, what=translate("GCode", what)
    )


def _unknown_g(code: str) -> str:
    return translate("GCode", "unknown G code {code}").format(code=code)


def _unknown_m(code: str) -> str:
    return translate("GCode", "unknown M code {code}").format(code=code)


def _same_line(first: str, second: str) -> str:
    return translate("GCode", "{first} and {second} cannot be on the same line").format(
        first=first, second=second
    )


def _without_arc(letter: str) -> str:
    return translate("GCode", "{letter} word without G2 or G3 to use it").format(letter=letter)


def _negative(letter: str, value: float) -> str:
    return translate("GCode", "negative {letter} word {word}").format(
        letter=letter, word=f"{letter}{_num(value)}"
    )


def _zero_feed(code: str) -> str:
    return translate("GCode", "{code} with a zero feed rate (no F given yet)").format(code=code)


def _inverse_time_needs_f(code: str) -> str:
    return translate("GCode", "{code} in inverse time mode (G93) needs F on the line").format(
        code=code
    )


def _too_many_motions(count: int) -> str:
    return translate("GCode", "the program makes more than {count} motions").format(count=count)


def _rotate(x: float, y: float, degrees: float) -> tuple[float, float]:
    """LinuxCNC's rotate: (x, y) turned CCW by ``degrees``."""
    t = math.radians(degrees)
    return x * math.cos(t) - y * math.sin(t), x * math.sin(t) + y * math.cos(t)


def _find_turn(x1, y1, cx, cy, turn, x2, y2) -> float:
    """LinuxCNC's find_turn: the signed angle (CCW positive) an arc sweeps."""
    alpha = math.atan2(y1 - cy, x1 - cx)
    beta = math.atan2(y2 - cy, x2 - cx)
    if turn > 0:
        if beta <= alpha:
            beta += _TWO_PI
        return (beta - alpha) + (turn - 1) * _TWO_PI
    if alpha <= beta:
        alpha += _TWO_PI
    return (beta - alpha) + (turn + 1) * _TWO_PI


# ------------------------------------------------------------------------- interpreter
class _Interpreter:
    def __init__(
        self, *, chord_tolerance, tool_lengths, start, max_motions, max_points, block_delete
    ):
        self.chord_tolerance = chord_tolerance
        self.tool_lengths = None if tool_lengths is None else dict(tool_lengths)
        self.max_motions = max_motions
        self.max_points = max_points
        self.block_delete = block_delete
        try:
            self.pos = [float(value) for value in start]
        except (TypeError, ValueError) as exc:
            raise ValueError("start must be three numbers (mm)") from exc
        if len(self.pos) != 3 or not all(math.isfinite(value) for value in self.pos):
            raise ValueError("start must be three finite numbers (mm)")
        self.inch = False
        self.factor = 1.0  # mm per program unit
        self.plane = "XY"
        self.absolute = True
        self.ijk_absolute = False
        self.inverse_time = False
        self.feed_mm = 0.0  # mm/min (G94)
        self.motion_mode = 800
        self.r_plane_retract = True  # G99, LinuxCNC's default
        self.cycle_r = 0.0
        self.cycle_cc = 0.0
        self.cycle_p = 0.0
        self.cycle_q = 0.0
        self.cycle_il = 0.0
        self.cycle_il_flag = False
        self.spindle = "off"
        self.rpm = 0.0
        self.mist = False
        self.flood = False
        self.coolant = "off"
        self.selected_tool = 0
        self.tool: int | None = None
        self.tools_used: list[int] = []
        self.tool_length_mm = 0.0
        self.tool_offset = 0.0  # Z, program units
        self.coord_index = 1
        self.coord_systems_mm = {index: [0.0, 0.0, 0.0] for index in range(1, 10)}
        # G10 L2 R: each system's XY rotation (degrees, CCW) about its origin (#5230, ...)
        self.coord_rotations = dict.fromkeys(range(1, 10), 0.0)
        self.rotation = 0.0  # the current system's
        self.origin = [0.0, 0.0, 0.0]  # active work offset, program units
        self.axis_offset = [0.0, 0.0, 0.0]  # G92, program units
        self.motions: list[Motion] = []  # made since the driver last took them
        self.emitted = 0  # motions the driver took
        self.polar_step = None  # (radius, angle) added by an incremental polar word
        self.spline_tangent = (0.0, 0.0)  # the last G5's P, Q
        self.tool_table_edits: dict[int, float] = {}
        self.comp_side = None  # cutter radius compensation (cutter_comp.py)
        self.tool_diameters: dict[int, float] | None = None  # G10 L1/L10/L11: tool -> length mm
        self.fanuc = False  # Fanuc's #4120, #2001-: see stream(dialect=)
        self.home_mm = {28: [0.0, 0.0, 0.0], 30: [0.0, 0.0, 0.0]}  # #5161-3, #5181-3
        self.g92_saved_mm = [0.0, 0.0, 0.0]  # #5211-#5213
        self.points_made = 0
        self.warnings: list[str] = []
        self.dwells: list[tuple[int, float]] = []
        self._warned_tools: set[int] = set()

    def _block(self, ln: int, words) -> bool:
        """Check and execute one block; True when it ends the program."""
        g: dict[str, int] = {}
        m: dict[str, int] = {}
        v: dict[str, float] = {}
        for index, (letter, text) in enumerate(words):  # text: the number, str or float
            if letter == "N":
                if index:
                    raise GCodeError(
                        ln, translate("GCode", "the line number (N word) must be the first word")
                    )
                continue
            value = float(text)
            if letter == "G":
                self._add_g(ln, g, value, text)
            elif letter == "M":
                self._add_m(ln, m, value, text)
            elif letter in _LETTERS:
                if letter in v:
                    raise GCodeError(
                        ln,
                        translate("GCode", "two {letter} words on one line").format(letter=letter),
                    )
                if not -MAX_VALUE <= value <= MAX_VALUE and not (
                    letter in "FS" and value <= MAX_RATE
                ):
                    raise GCodeError(
                        ln,
                        translate("GCode", "{word} is too large (limit ±1,000,000)").format(
                            word=letter + _shown(str(text))
                        ),
                    )
                v[letter] = value
            else:
                what = _LETTER_UNSUPPORTED.get(letter)
                if what is not None:
                    raise GCodeError(ln, translate("GCode", what))
                raise GCodeError(
                    ln, translate("GCode", "unknown word {letter}").format(letter=letter)
                )
        return self._execute(ln, g, m, v)

    @staticmethod
    def _add_g(ln, g, value, text):
        if value >= 1000:
            raise GCodeError(ln, _unknown_g("G" + _shown(str(text))))
        code = round(value * 10)
        if value < 0 or abs(value * 10 - code) > 0.001:
            raise GCodeError(ln, _unknown_g("G" + _shown(str(text))))
        group = _G_GROUPS.get(code)
        if group is None:
            if 382 <= code <= 385:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode",
                        "{code}: cannot simulate probing (where the probe stops is only known "
                        "on the machine)",
                    ).format(code=_g_name(code)),
                )
            what = _G_UNSUPPORTED.get(code)
            if what is not None:
                raise GCodeError(ln, _not_supported(_g_name(code), what))
            raise GCodeError(ln, _unknown_g(_g_name(code)))
        if group == "motion" and (code == 800 or g.get(group) == 800):
            # LinuxCNC: G80 yields to another motion code on the same line
            if code != 800 or group not in g:
                g[group] = code
            return
        if group in g:
            raise GCodeError(ln, _same_line(_g_name(g[group]), _g_name(code)))
        g[group] = code

    @staticmethod
    def _add_m(ln, m, value, text):
        if value < 0 or value > 1000 or abs(value - round(value)) > 0.0001:
            raise GCodeError(ln, _unknown_m("M" + _shown(str(text))))
        code = round(value)
        group = _M_GROUPS.get(code)
        if group is None:
            what = _M_UNSUPPORTED.get(code)
            if what is None and 100 <= code <= 199:
                what = QT_TRANSLATE_NOOP("GCode", "user-defined M codes")
            if what is not None:
                raise GCodeError(ln, _not_supported(f"M{code}", what))
            raise GCodeError(ln, _unknown_m(f"M{code}"))
        if group in m:
            raise GCodeError(ln, _same_line(f"M{m[group]}", f"M{code}"))
        m[group] = code

    # ---------------------------------------------------------------------- executing
    def _execute(self, ln, g, m, v) -> bool:
        """One block, in LinuxCNC's order of execution."""
        motion = g.get("motion")
        nonmodal = g.get("nonmodal")
        polar = "@" in v or "^" in v
        if polar and nonmodal is not None and nonmodal not in (40, 530):
            raise GCodeError(
                ln, translate("GCode", "polar coordinates (@, ^) can only be used for motion")
            )
        has_axes = "X" in v or "Y" in v or "Z" in v or polar
        axis_user = nonmodal in (100, 280, 300, 520, 920)
        if motion is not None:
            if axis_user and motion != 800:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode",
                        "{first} and {second} cannot be on the same line "
                        "(both use the coordinates)",
                    ).format(first=_g_name(motion), second=_g_name(nonmodal)),
                )
            if motion == 800 and has_axes and not axis_user:
                raise GCodeError(ln, translate("GCode", "G80 cannot take coordinates"))
            motion_to_be = motion
        elif has_axes and not axis_user:
            motion_to_be = self.motion_mode
            if motion_to_be == 800:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode",
                        "coordinates without a motion mode in effect (G0, G1, G2, G3 or a cycle)",
                    ),
                )
        else:
            motion_to_be = None
        if nonmodal == 530 and motion_to_be not in (0, 10):
            raise GCodeError(ln, translate("GCode", "G53 needs G0 or G1 and coordinates"))
        if not _SIMPLE_WORDS.issuperset(v):
            self._check_words(ln, g, v, motion_to_be, nonmodal, m)

        if "feedmode" in g:
            self.inverse_time = g["feedmode"] == 930
            if not self.inverse_time:
                self.feed_mm = 0.0
        if "F" in v:
            if v["F"] < 0:
                raise GCodeError(
                    ln,
                    translate("GCode", "negative feed rate {word}").format(word=f"F{_num(v['F'])}"),
                )
            self.feed_mm = v["F"] * self.factor
        if "S" in v:
            if v["S"] < 0:
                raise GCodeError(
                    ln,
                    translate("GCode", "negative spindle speed {word}").format(
                        word=f"S{_num(v['S'])}"
                    ),
                )
            self.rpm = v["S"]
        if "T" in v:
            self._select_tool(ln, v["T"])
        if m.get("toolchange") == 6:
            self._change_tool()
        elif "toolchange" in m:  # M61 Q: the tool in the spindle, without a change
            if "Q" not in v or v["Q"] < 0:
                raise GCodeError(ln, translate("GCode", "M61 needs Q (the tool number, 0 or more)"))
            tool = _as_integer("Q", v["Q"], ln)
            self.tool = tool or None
            self.selected_tool = tool
            if tool and tool not in self.tools_used:
                self.tools_used.append(tool)
        if "spindle" in m:
            self.spindle = _SPINDLE[m["spindle"]]
        if "modal" in m and m["modal"] != 73:
            self.modal_m(m["modal"], ln)
        elif m.get("modal") == 73 and len(self.frames) > 1:
            self.modal_m(73, ln)
        if "coolant" in m:
            self._coolant(m["coolant"])
        if nonmodal == 40:
            if "P" not in v:
                raise GCodeError(ln, translate("GCode", "G4 needs a P word (the dwell in seconds)"))
            self.dwells.append((ln, v["P"]))
        if "plane" in g:
            self.plane = _PLANES[g["plane"]]
        if "units" in g:
            self._set_units(g["units"] == 200)
        if "comp" in g:
            if g["comp"] == 400:
                self.comp_off(ln)
            else:
                self.comp_on(ln, g["comp"], v)
        length_shift = self._tool_length(ln, g["length"], v) if "length" in g else 0.0
        if "coord" in g:
            code = g["coord"]
            self._select_coord(code // 10 - 53 if code % 10 == 0 else 6 + code % 10)
        if g.get("path") == 640 and ("P" in v or "Q" in v):
            words = " ".join(f"{letter}{_num(v[letter])}" for letter in "PQ" if letter in v)
            self.warnings.append(
                at_line(ln, translate("GCode", "G64 {words} blending ignored").format(words=words))
            )
        if "distance" in g:
            self.absolute = g["distance"] == 900
        if "ijk" in g:
            self.ijk_absolute = g["ijk"] == 901
        if "retract" in g:
            self.r_plane_retract = g["retract"] == 990
        if nonmodal is not None and nonmodal not in (40, 530):
            self._nonmodal(ln, nonmodal, v)
        self.polar_step = None
        if polar:
            self._polar(ln, v, nonmodal)
        if length_shift and self.fanuc and not self.absolute and "Z" in v:
            # Fanuc applies G43/G49 with the Z move of its line: G91 G43 Z-[length] H1
            # (FreeCAD's fanuc post) takes the offset on without moving the machine
            v["Z"] += length_shift
        if motion_to_be is not None:
            self._motion(ln, motion_to_be, nonmodal == 530, v)
        stop = m.get("stop")
        if stop in (0, 1, 60):
            self.pauses.append((ln, f"M{stop}"))
        return stop in (2, 30)

    def _polar(self, ln, v, nonmodal):
        """LinuxCNC's polar coordinates: @ radius, ^ angle (degrees), in the XY plane."""
        for letter in "XY":
            if letter in v:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode", "polar coordinates (@, ^) and {letter} on the same line"
                    ).format(letter=letter),
                )
        x, y = self.pos[0], self.pos[1]
        radius = math.hypot(x, y)
        theta = math.atan2(y, x)
        if self.absolute:
            radius = v.pop("@", radius)
            theta = math.radians(v["^"]) if "^" in v else theta
        else:
            radius += v.pop("@", 0.0)
            theta += math.radians(v.get("^", 0.0))
        if not self.absolute:
            self.polar_step = (radius - math.hypot(x, y), theta - math.atan2(y, x))
        v.pop("^", None)
        px, py = radius * math.cos(theta), radius * math.sin(theta)
        if self.absolute:
            v["X"], v["Y"] = px, py
        else:
            v["X"], v["Y"] = px - x, py - y

    @staticmethod
    def _check_words(ln, g, v, motion, nonmodal, m):
        """LinuxCNC's check_other_codes: every word needs a code that uses it."""
        spline = motion in (50, 51)
        arc = motion in (20, 30) or spline  # splines take I and J (and G5 P and Q)
        cycle = motion in _CYCLES
        g10 = nonmodal == 100
        g64 = g.get("path") == 640
        io = "io" in m  # M62-M68: P (output), E (analog), L and Q (M66 waiting)
        if "E" in v and not io:
            raise GCodeError(ln, translate("GCode", "E word without M66, M67 or M68 to use it"))
        if "D" in v and g.get("comp") not in (410, 411, 420, 421):
            raise GCodeError(ln, translate("GCode", "D word without G41 or G42 to use it"))
        if "H" in v and g.get("length") != 430:
            raise GCodeError(ln, translate("GCode", "H word without G43 to use it"))
        for letter in "IJ":
            if letter in v and not (arc or g10):
                raise GCodeError(ln, _without_arc(letter))
        if "K" in v and not (arc and not spline):
            raise GCodeError(ln, _without_arc("K"))
        if "L" in v and not (cycle or g10 or io):
            raise GCodeError(
                ln, translate("GCode", "L word without G10 or a canned cycle to use it")
            )
        if "P" in v:
            if not (g10 or nonmodal == 40 or g64 or motion in _DWELL_CYCLES or arc or io):
                raise GCodeError(
                    ln, translate("GCode", "P word without G2, G3, G4, G10, G64 or G82 to use it")
                )
            if v["P"] < 0 and not spline:
                raise GCodeError(ln, _negative("P", v["P"]))
            if arc and not spline:
                turns = round(v["P"])
                if abs(turns - v["P"]) > 0.001:
                    raise GCodeError(
                        ln, translate("GCode", "P (the number of turns) must be a whole number")
                    )
                if turns < 1:
                    raise GCodeError(
                        ln, translate("GCode", "P (the number of turns) must be 1 or more")
                    )
                if turns > MAX_TURNS:
                    raise GCodeError(
                        ln,
                        translate("GCode", "{word}: an arc makes at most {count} turns").format(
                            word=f"P{turns}", count=MAX_TURNS
                        ),
                    )
        if "Q" in v and not (motion in (50, 730, 830) or g10 or g64 or io or "toolchange" in m):
            raise GCodeError(ln, translate("GCode", "Q word without G73, G83 or G64 to use it"))
        if "R" in v and not (arc or cycle or g10):
            raise GCodeError(
                ln, translate("GCode", "R word without G2, G3, G10 or a canned cycle to use it")
            )
        if nonmodal == 40 and arc:
            raise GCodeError(
                ln, translate("GCode", "G4 cannot be on a line with G2 or G3 (both use P)")
            )

    # ---------------------------------------------------------------- modal settings
    def _coolant(self, code):
        if code == 7:
            self.mist = True
        elif code == 8:
            self.flood = True
        else:
            self.mist = self.flood = False
        if self.mist and self.flood:
            self.coolant = "mist+flood"
        else:
            self.coolant = "mist" if self.mist else "flood" if self.flood else "off"

    def _set_units(self, inch: bool) -> None:
        if inch == self.inch:
            return
        scale = INCH_PER_MM if inch else MM_PER_INCH
        self.inch = inch
        self.factor = MM_PER_INCH if inch else 1.0
        self.pos = [value * scale for value in self.pos]
        self.axis_offset = [value * scale for value in self.axis_offset]
        self.origin = [value / self.factor for value in self.coord_systems_mm[self.coord_index]]
        self.tool_offset = self.tool_length_mm / self.factor

    def _select_tool(self, ln, value):
        if value < 0:
            raise GCodeError(
                ln, translate("GCode", "negative tool number {word}").format(word=f"T{_num(value)}")
            )
        tool = _as_integer("T", value, ln)
        if tool and self.tool_lengths is not None and tool not in self.tool_lengths:
            raise GCodeError(
                ln, translate("GCode", "tool {tool} is not in the tool table").format(tool=tool)
            )
        self.selected_tool = tool

    def _change_tool(self):
        tool = self.selected_tool
        self.tool = tool or None
        if tool and tool not in self.tools_used:
            self.tools_used.append(tool)
        self.spindle = "off"  # LinuxCNC stops the spindle for a tool change

    def _tool_length(self, ln, code, v):
        if code == 490:
            length_mm = 0.0
        else:
            if "H" in v:
                if v["H"] < 0:
                    raise GCodeError(ln, _negative("H", v["H"]))
                number = _as_integer("H", v["H"], ln)
            else:
                number = self.tool or 0
            if number == 0:
                length_mm = 0.0
            elif number in self.tool_table_edits:  # G10 L1/L10/L11
                length_mm = self.tool_table_edits[number]
            elif self.tool_lengths is None:
                length_mm = 0.0
                if number not in self._warned_tools:
                    self._warned_tools.add(number)
                    self.warnings.append(
                        at_line(
                            ln,
                            translate(
                                "GCode", "{words}: no tool table given, tool length taken as 0"
                            ).format(words=f"G43 H{number}"),
                        )
                    )
            elif number in self.tool_lengths:
                length_mm = float(self.tool_lengths[number])
                if not math.isfinite(length_mm):
                    raise ValueError(f"the tool length of tool {number} is not a finite number")
            else:
                raise GCodeError(
                    ln,
                    translate("GCode", "tool {tool} is not in the tool table ({words})").format(
                        tool=number, words=f"G43 H{number}"
                    ),
                )
        offset = length_mm / self.factor
        shift = offset - self.tool_offset
        self.pos[2] -= shift
        self.tool_offset = offset
        self.tool_length_mm = length_mm
        return shift

    def _select_coord(self, index):
        if index == self.coord_index:
            return
        new = [value / self.factor for value in self.coord_systems_mm[index]]
        self._set_frame(new, self.coord_rotations[index])
        self.coord_index = index

    def _set_frame(self, origin, rotation, g92_rotates: bool = True) -> None:
        """The current system's origin and rotation change; the tool stays where it is
        (LinuxCNC: machine XY = rotate(position + G92 offset) + origin). LinuxCNC's G10 L2
        on the current system turns the position without the G92 offset (``g92_rotates``
        False), and so do we."""
        if rotation == 0.0 and self.rotation == 0.0:
            shifted = zip(self.pos, self.origin, origin, strict=True)
            self.pos = [p + old - n for p, old, n in shifted]
        elif g92_rotates:
            mx, my = self._unrotated_xy()
            x, y = _rotate(mx - origin[0], my - origin[1], -rotation)
            self.pos = [
                x - self.axis_offset[0],
                y - self.axis_offset[1],
                self.pos[2] + self.origin[2] - origin[2],
            ]
        else:
            x, y = _rotate(self.pos[0], self.pos[1], self.rotation)
            x, y = _rotate(
                x + self.origin[0] - origin[0], y + self.origin[1] - origin[1], -rotation
            )
            self.pos = [x, y, self.pos[2] + self.origin[2] - origin[2]]
        self.origin = origin
        self.rotation = rotation

    def _unrotated_xy(self) -> tuple[float, float]:
        """The tool's XY with the current system's rotation and origin undone (program
        units; what LinuxCNC adds a system's offset to)."""
        x, y = _rotate(
            self.pos[0] + self.axis_offset[0], self.pos[1] + self.axis_offset[1], self.rotation
        )
        return x + self.origin[0], y + self.origin[1]

    def _nonmodal(self, ln, code, v):
        if code == 100:
            self._g10(ln, v)
        elif code in (280, 300):
            made = len(self.motions)
            self._home(ln, code, v)
            if self.comp_exit_xy is not None:  # just after G40: from where the tool is
                self.comp_exit_start(made)
        elif code in (281, 301):  # the machine position, stored in #5161-3 / #5181-3
            f = self.factor
            machine = [
                (p + o + a) * f
                for p, o, a in zip(self.pos, self.origin, self.axis_offset, strict=True)
            ]
            machine[2] += self.tool_length_mm
            if self.rotation:
                machine[0], machine[1] = (value * f for value in self._unrotated_xy())
            self.home_mm[28 if code == 281 else 30] = machine
        elif code in (520, 920):
            name = "G52" if code == 520 else "G92"
            if not any(letter in v for letter in _AXIS_LETTERS):
                raise GCodeError(
                    ln,
                    translate("GCode", "{code} needs at least one of X, Y and Z").format(code=name),
                )
            offset = list(self.axis_offset)
            for axis, letter in enumerate(_AXIS_LETTERS):
                if letter in v:
                    if code == 920:
                        offset[axis] = self.pos[axis] + self.axis_offset[axis] - v[letter]
                    else:  # G52: the offset itself (LinuxCNC keeps it with G92's)
                        offset[axis] = v[letter]
            self._set_axis_offset(offset)
            self.g92_saved_mm = [value * self.factor for value in offset]
        elif code == 923:  # G92.3: back to the offsets saved in #5211-#5213
            self._set_axis_offset([value / self.factor for value in self.g92_saved_mm])
        else:  # G92.1 forgets the saved offsets too; G92.2 keeps them
            self._set_axis_offset([0.0, 0.0, 0.0])
            if code == 921:
                self.g92_saved_mm = [0.0, 0.0, 0.0]

    def _set_axis_offset(self, offset):
        for axis in range(3):
            self.pos[axis] += self.axis_offset[axis] - offset[axis]
        self.axis_offset = list(offset)

    def _g10_tool(self, ln, level, v):
        """G10 L1 (a tool's length Z), L10 and L11 (the length that makes the current
        point Z in the current system, or in G59.3 without G92): the tool table entry
        for G43 to read; the offset in effect changes only at the next G43."""
        if "P" not in v or v["P"] < 1:
            raise GCodeError(
                ln,
                translate("GCode", "{code} needs P (the tool number, 1 or more)").format(
                    code=f"G10 L{level}"
                ),
            )
        tool = _as_integer("P", v["P"], ln)
        if "Z" not in v:
            return  # only Z (the length) matters to the motions
        f = self.factor
        if level == 1:
            length = v["Z"]
        else:
            machine_z = self.pos[2] + self.origin[2] + self.axis_offset[2] + self.tool_offset
            frame_z = self.origin[2] + self.axis_offset[2]
            if level == 11:
                frame_z = self.coord_systems_mm[9][2] / f
            length = machine_z - frame_z - v["Z"]
        self.tool_table_edits[tool] = length * f

    def _g10(self, ln, v):
        if "L" not in v:
            raise GCodeError(ln, translate("GCode", "G10 needs an L word (L2 or L20)"))
        level = _as_integer("L", v["L"], ln)
        code = f"G10 L{level}"
        if level in (1, 10, 11):
            self._g10_tool(ln, level, v)
            return
        if level not in (2, 20):
            raise GCodeError(
                ln, translate("GCode", "{code} is not supported (use L2 or L20)").format(code=code)
            )
        if "I" in v or "J" in v or "Q" in v:
            raise GCodeError(
                ln,
                translate("GCode", "I, J and Q words are not allowed with {code}").format(
                    code=code
                ),
            )
        if "R" in v and level == 20:
            raise GCodeError(ln, translate("GCode", "R (a rotation) is not allowed with G10 L20"))
        if "P" not in v:
            raise GCodeError(
                ln,
                translate("GCode", "{code} needs P (1-9, or 0 for the active system)").format(
                    code=code
                ),
            )
        index = int(v["P"] + 0.5)
        if abs(v["P"] - index) > 0.0002:
            raise GCodeError(
                ln, translate("GCode", "{code}: P must be a whole number").format(code=code)
            )
        if not 0 <= index <= 9:
            raise GCodeError(
                ln,
                translate("GCode", "{code}: P must be 0 to 9").format(code=f"{code} P{index}"),
            )
        if index == 0:
            index = self.coord_index
        f = self.factor
        new = [value / f for value in self.coord_systems_mm[index]]
        if "R" in v:
            self.coord_rotations[index] = v["R"]
        rotation = self.coord_rotations[index]
        for axis, letter in enumerate(_AXIS_LETTERS):
            if letter in v:
                if level == 2:
                    new[axis] = v[letter]
                else:  # L20: the current point gets the given coordinate in system P
                    new[axis] = self.pos[axis] + self.origin[axis] - v[letter]
        if level == 20 and (rotation or self.rotation) and ("X" in v or "Y" in v):
            new[0], new[1] = self._l20_xy(index, rotation, v)
        self.coord_systems_mm[index] = [value * f for value in new]
        if index == self.coord_index:
            self._set_frame(new, rotation, g92_rotates=False)

    def _l20_xy(self, index, rotation, v) -> tuple[float, float]:
        """G10 L20 with rotations: system ``index``'s XY offset that gives the tool the
        given X and Y in that system (LinuxCNC's convert_setup)."""
        px, py = (value / self.factor for value in self.coord_systems_mm[index][:2])
        mx, my = self._unrotated_xy()
        cx, cy = _rotate(mx - px, my - py, -rotation)  # where the tool is in system P
        if any(self.axis_offset):
            cx, cy = cx - self.axis_offset[0], cy - self.axis_offset[1]
        old = _rotate(cx, cy, rotation)
        wanted = _rotate(v.get("X", cx), v.get("Y", cy), rotation)
        return old[0] + px - wanted[0], old[1] + py - wanted[1]

    def _home(self, ln, code, v):
        """G28/G30: a rapid to the intermediate point, then to the stored home."""
        end = self._find_ends(v, machine=False)
        self._line("rapid", ln, end, None)
        given = [letter in v for letter in _AXIS_LETTERS]
        if not any(given):
            given = [True, True, True]
        final = list(end)
        homes = [value / self.factor for value in self.home_mm[28 if code == 280 else 30]]
        for axis in range(3):
            if given[axis]:
                final[axis] = homes[axis] - self.origin[axis] - self.axis_offset[axis]
        if self.rotation:  # the home's XY in the rotated system
            x, y = _rotate(homes[0] - self.origin[0], homes[1] - self.origin[1], -self.rotation)
            for axis, value in ((0, x), (1, y)):
                if given[axis]:
                    final[axis] = value - self.axis_offset[axis]
        if given[2]:
            final[2] -= self.tool_offset
        self._line("rapid", ln, final, None)

    # ------------------------------------------------------------------------ motion
    def _find_ends(self, v, machine: bool) -> list[float]:
        pos = self.pos
        if machine and self.rotation:  # G53 in a rotated system
            cx, cy = _rotate(
                pos[0] + self.axis_offset[0], pos[1] + self.axis_offset[1], self.rotation
            )
            px = v["X"] - self.origin[0] if "X" in v else cx
            py = v["Y"] - self.origin[1] if "Y" in v else cy
            px, py = _rotate(px, py, -self.rotation)
            end = [px - self.axis_offset[0], py - self.axis_offset[1], pos[2]]
            if "Z" in v:
                end[2] = v["Z"] - self.origin[2] - self.axis_offset[2] - self.tool_offset
            return end
        if machine:  # G53
            end = list(pos)
            for axis, letter in enumerate(_AXIS_LETTERS):
                if letter in v:
                    end[axis] = v[letter] - self.origin[axis] - self.axis_offset[axis]
            if "Z" in v:
                end[2] -= self.tool_offset
            return end
        x = v.get("X")
        y = v.get("Y")
        z = v.get("Z")
        if self.absolute:
            return [
                pos[0] if x is None else x,
                pos[1] if y is None else y,
                pos[2] if z is None else z,
            ]
        return [
            pos[0] if x is None else pos[0] + x,
            pos[1] if y is None else pos[1] + y,
            pos[2] if z is None else pos[2] + z,
        ]

    def _motion(self, ln, code, g53, v):
        if g53 and not self.absolute:
            raise GCodeError(ln, translate("GCode", "G53 cannot be used in incremental mode (G91)"))
        if code in _CYCLES:
            if self.comp_side is not None:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode", "canned cycles cannot be used with cutter radius compensation"
                    ),
                )
            made = len(self.motions)
            self._cycle(ln, code, v)
            if self.comp_exit_xy is not None:
                self.comp_exit_start(made)
            self.motion_mode = code
            return
        self.cycle_il_flag = False
        self.motion_mode = code
        if code == 800:
            return
        end = self._find_ends(v, machine=g53)
        if self.comp_side is not None and code in (0, 10, 20, 30):
            made = len(self.motions)
            self._programmed(ln, code, end, v)
            for motion in self.motions[made:]:
                del self.motions[made]
                self.comp_move(ln, motion)
            return
        if self.comp_exit_xy is None:
            self._programmed(ln, code, end, v)
            return
        made = len(self.motions)
        self._programmed(ln, code, end, v)
        self.comp_exit_start(made)

    def _programmed(self, ln, code, end, v):
        if code in (0, 10):
            self.comp_arc_not_allowed = False
        elif code in (20, 30):
            self.comp_arc_check(ln)
        if code == 0:
            self._line("rapid", ln, end, None)
        elif code == 10:
            if self.inverse_time:
                if "F" not in v:
                    raise GCodeError(ln, _inverse_time_needs_f("G1"))
                feed = max(0.1, self._straight_length(end) * v["F"]) * self.factor
            else:
                if self.feed_mm == 0.0:
                    raise GCodeError(ln, _zero_feed("G1"))
                feed = self.feed_mm
            self._line("feed", ln, end, feed)
        elif code in (50, 51):
            spline_points(self, ln, code, end, v)
        else:
            self._arc(ln, code == 20, end, v)

    def _straight_length(self, end) -> float:
        """LinuxCNC's find_straight_length (XYZ only)."""
        pos = self.pos
        if any(abs(a - b) > 1e-7 for a, b in zip(pos, end, strict=True)):
            return math.sqrt(
                (end[0] - pos[0]) ** 2 + (end[1] - pos[1]) ** 2 + (end[2] - pos[2]) ** 2
            )
        return 0.0

    def _line(self, kind, ln, end, feed, cycle=None):
        motions = self.motions
        if self.emitted + len(motions) >= self.max_motions:
            raise GCodeError(ln, _too_many_motions(self.max_motions))
        f = self.factor
        pos = self.pos
        if f == 1.0:
            start_mm = (pos[0], pos[1], pos[2])
            end_mm = (end[0], end[1], end[2])
        else:
            start_mm = (pos[0] * f, pos[1] * f, pos[2] * f)
            end_mm = (end[0] * f, end[1] * f, end[2] * f)
        motions.append(
            Motion(
                kind,
                ln,
                start_mm,
                end_mm,
                feed,
                self.tool,
                self.rpm,
                self.spindle,
                self.coolant,
                self.plane,
                None,
                None,
                (),
                cycle,
                self.tool_length_mm,
            )
        )
        self.pos = [end[0], end[1], end[2]]

    def _arc(self, ln, clockwise, end, v):
        name = "G2" if clockwise else "G3"
        plane = self.plane
        has_ijk = "I" in v or "J" in v or "K" in v
        if "R" not in v and not has_ijk:
            centre = {"XY": "I/J", "XZ": "I/K", "YZ": "J/K"}[plane]
            raise GCodeError(
                ln,
                translate("GCode", "{code} arc without a centre: give {centre} or R").format(
                    code=name, centre=centre
                ),
            )
        if "R" in v and has_ijk:
            raise GCodeError(
                ln,
                translate(
                    "GCode", "{code} arc with both R and I/J/K: give one or the other"
                ).format(code=name),
            )
        if self.inverse_time:
            if "F" not in v:
                raise GCodeError(ln, _inverse_time_needs_f(name))
        elif self.feed_mm == 0.0:
            raise GCodeError(ln, _zero_feed(name))
        i1, i2, i3 = _PLANE_AXES[plane]
        pos = self.pos
        s1, s2, s3 = pos[i1], pos[i2], pos[i3]
        e1, e2, e3 = end[i1], end[i2], end[i3]
        radius_tolerance = _RADIUS_TOLERANCE[self.inch]
        if has_ijk:
            wrong = _WRONG_CENTRE_LETTER[plane]
            if wrong in v:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode", "{letter} word given for an arc in the {plane} plane"
                    ).format(letter=wrong, plane=plane),
                )
            offsets = []
            for letter in _CENTRE_LETTERS[plane]:
                if letter in v:
                    offsets.append(v[letter])
                elif self.ijk_absolute:
                    raise GCodeError(
                        ln,
                        translate(
                            "GCode", "{letter} word missing for an absolute centre (G90.1)"
                        ).format(letter=letter),
                    )
                else:
                    offsets.append(0.0)
            if self.ijk_absolute:
                c1, c2 = offsets
            else:
                c1, c2 = s1 + offsets[0], s2 + offsets[1]
            r1 = math.hypot(c1 - s1, c2 - s2)
            r2 = math.hypot(c1 - e1, c2 - e2)
            if r1 < radius_tolerance or r2 < radius_tolerance:
                raise GCodeError(
                    ln,
                    translate("GCode", "{code} arc with a zero radius (check the centre)").format(
                        code=name
                    ),
                )
            abs_err = abs(r1 - r2)
            spiral = _SPIRAL_ABS_TOLERANCE[self.inch]
            if abs_err > spiral * 100.0 or (
                abs_err / max(r1, r2) > _SPIRAL_REL_TOLERANCE and abs_err > spiral
            ):
                raise GCodeError(
                    ln,
                    translate(
                        "GCode",
                        "{code} end point is not on the arc: radius {start} at the start, "
                        "{end} at the end (check the centre)",
                    ).format(code=name, start=_amount(r1), end=_amount(r2)),
                )
        else:
            letters = _AXIS_LETTERS[i1] + _AXIS_LETTERS[i2]
            if letters[0] not in v and letters[1] not in v:
                raise GCodeError(
                    ln,
                    translate(
                        "GCode", "{code} with R needs {first} or {second} (no full circle with R)"
                    ).format(code=name, first=letters[0], second=letters[1]),
                )
            c1, c2 = self._r_centre(ln, name, clockwise, s1, s2, e1, e2, v["R"], radius_tolerance)
        turns = round(v.get("P", 1.0))
        theta = _find_turn(s1, s2, c1, c2, -turns if clockwise else turns, e1, e2)
        r1 = math.hypot(s1 - c1, s2 - c2)
        r2 = math.hypot(e1 - c1, e2 - c2)
        f = self.factor
        if self.inverse_time:  # LinuxCNC's find_arc_length
            length = r1 * abs(theta) if e3 == s3 else math.hypot(r1 * theta, e3 - s3)
            feed = max(0.1, length * v["F"]) * f
        else:
            feed = self.feed_mm
        motions = self.motions
        if self.emitted + len(motions) >= self.max_motions:
            raise GCodeError(ln, _too_many_motions(self.max_motions))
        per_turn = segments_per_turn(max(r1, r2) * f, self.chord_tolerance)
        count = max(1, math.ceil(abs(theta) / _TWO_PI * per_turn - 1e-9))
        self.points_made += count
        if self.points_made > self.max_points:
            raise GCodeError(
                ln,
                translate("GCode", "the arcs of the program make more than {count} points").format(
                    count=self.max_points
                ),
            )
        alpha = math.atan2(s2 - c2, s1 - c1)
        end_mm = (end[0] * f, end[1] * f, end[2] * f)
        points = ArcPoints(count, (alpha, theta, r1, r2, c1, c2, s3, e3, (i1, i2, i3), f, end_mm))
        centre = [0.0, 0.0, 0.0]
        centre[i1] = c1 * f
        centre[i2] = c2 * f
        centre[i3] = s3 * f
        motions.append(
            Motion(
                "arc",
                ln,
                (pos[0] * f, pos[1] * f, pos[2] * f),
                end_mm,
                feed,
                self.tool,
                self.rpm,
                self.spindle,
                self.coolant,
                plane,
                (centre[0], centre[1], centre[2]),
                clockwise,
                points,
                None,
                self.tool_length_mm,
            )
        )
        self.pos = [end[0], end[1], end[2]]

    @staticmethod
    def _r_centre(ln, name, clockwise, s1, s2, e1, e2, radius, tolerance):
        """LinuxCNC's arc_data_r: the centre of an R-format arc."""
        if e1 == s1 and e2 == s2:
            raise GCodeError(
                ln,
                translate(
                    "GCode",
                    "{code} with R starts and ends at the same point (use I/J for a circle)",
                ).format(code=name),
            )
        abs_radius = abs(radius)
        if abs_radius < tolerance:
            raise GCodeError(
                ln,
                translate("GCode", "{code} radius {word} is too small").format(
                    code=name, word=f"R{_num(radius)}"
                ),
            )
        mid1 = (e1 + s1) / 2.0
        mid2 = (e2 + s2) / 2.0
        half_length = math.hypot(mid1 - e1, mid2 - e2)
        if half_length - abs_radius > tolerance:
            raise GCodeError(
                ln,
                translate(
                    "GCode",
                    "{code} radius {word} is too small to reach the end point {distance} away",
                ).format(code=name, word=f"R{_num(radius)}", distance=_amount(2 * half_length)),
            )
        if half_length / abs_radius > 1 - _TINY:
            half_length = abs_radius
        if clockwise == (radius > 0):
            theta = math.atan2(e2 - s2, e1 - s1) - math.pi / 2
        else:
            theta = math.atan2(e2 - s2, e1 - s1) + math.pi / 2
        offset = abs_radius * math.cos(math.asin(half_length / abs_radius))
        return mid1 + offset * math.cos(theta), mid2 + offset * math.sin(theta)
