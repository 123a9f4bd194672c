"""Reading G-code: the moves a program makes, line by line, with the machine state.

A small RS274/NGC interpreter for what CAM posts emit (LinuxCNC, Fanuc, Grbl, Mach,
Centroid dialects): rapid/feed/arc moves in XY/XZ/YZ planes with centre (IJK) or radius
(R) arcs, absolute/incremental distances, mm/inch units, canned drilling cycles (G81, G82,
G83, G73, G85, G89 with G98/G99), dwell, tool changes, spindle and coolant state. It
expands every move into :class:`Motion` records that remember the source line, so the
simulation and the review dock can point at the line that did something.

It is strict where a controller would be: an unknown word, a number that is not one, an
arc whose radius does not match its end point, a feed move without a feed rate, or a
program that runs on after M2/M30 raises :class:`GCodeError` naming the line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

RAPID, FEED, ARC_CW, ARC_CCW = "rapid", "feed", "arc_cw", "arc_ccw"
MOTION_CODES = {0.0: RAPID, 1.0: FEED, 2.0: ARC_CW, 3.0: ARC_CCW}
CANNED_CYCLES = {73.0, 81.0, 82.0, 83.0, 85.0, 89.0}
ARC_TOLERANCE_MM = 0.002  # LinuxCNC's default for "radius to end of arc differs"
ARC_TOLERANCE_RELATIVE = 0.001
INCH = 25.4

_WORD = re.compile(r"([A-Za-z])\s*([-+]?(?:\d+\.?\d*|\.\d+))")
_COMMENT = re.compile(r"\([^)]*\)")


class GCodeError(ValueError):
    def __init__(self, line: int, message: str, text: str = ""):
        super().__init__(f"line {line}: {message}" + (f" ({text.strip()[:60]})" if text else ""))
        self.line = line
        self.reason = message
        self.text = text


@dataclass(frozen=True)
class Motion:
    """One move. Positions are in mm, in the program's work coordinates."""

    line: int
    kind: str  # rapid | feed | arc_cw | arc_ccw
    start: tuple[float, float, float]
    end: tuple[float, float, float]
    feed_mm_min: float  # 0 for rapids
    spindle_rpm: float
    spindle_on: bool
    tool: int
    center: tuple[float, float, float] | None = None
    plane: str = "XY"
    coolant: bool = False
    turns: int = 1  # full turns of an arc (P word)

    @property
    def length(self) -> float:
        if self.center is None:
            return math.dist(self.start, self.end)
        return arc_length(self)

    def points(self, max_step_mm: float = 0.5) -> list[tuple[float, float, float]]:
        """The move as a polyline (arcs split into chords of at most ``max_step_mm``)."""
        if self.center is None:
            return [self.start, self.end]
        return arc_points(self, max_step_mm)


@dataclass(frozen=True)
class Dwell:
    line: int
    seconds: float


@dataclass(frozen=True)
class ToolChange:
    line: int
    tool: int


@dataclass
class Program:
    motions: list[Motion] = field(default_factory=list)
    dwells: list[Dwell] = field(default_factory=list)
    tool_changes: list[ToolChange] = field(default_factory=list)
    lines: int = 0
    units: str = "mm"
    ended: bool = False
    work_offsets: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    def bounds(self, kinds: Iterable[str] | None = None) -> tuple[list[float], list[float]]:
        wanted = set(kinds) if kinds else None
        points = [
            p for m in self.motions if wanted is None or m.kind in wanted for p in m.points(2.0)
        ]
        if not points:
            return [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
        return (
            [min(p[i] for p in points) for i in range(3)],
            [max(p[i] for p in points) for i in range(3)],
        )

    def polylines(self, max_step_mm: float = 0.5) -> dict[str, list[list[tuple]]]:
        """Consecutive moves joined into polylines, feeds and rapids apart (for pictures)."""
        out: dict[str, list[list[tuple]]] = {"feeds": [], "rapids": []}
        current: list[tuple] | None = None
        current_kind = None
        for m in self.motions:
            kind = "rapids" if m.kind == RAPID else "feeds"
            points = m.points(max_step_mm)
            if current is not None and kind == current_kind and current[-1] == points[0]:
                current.extend(points[1:])
            else:
                current = list(points)
                current_kind = kind
                out[kind].append(current)
        return out


@dataclass
class _State:
    position: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    motion: str | None = None
    cycle: float | None = None
    plane: str = "XY"
    absolute: bool = True
    arc_absolute: bool = False
    scale: float = 1.0  # mm per program unit
    feed: float = 0.0
    rpm: float = 0.0
    spindle_on: bool = False
    tool: int = 0
    next_tool: int = 0
    coolant: bool = False
    retract_to_r: bool = False  # G99; G98 returns to the initial Z
    cycle_r: float | None = None
    cycle_q: float | None = None


def parse_line(text: str, number: int) -> dict[str, list[float]]:
    """The words of one block: letter -> values in order (G and M may repeat)."""
    stripped = _COMMENT.sub(" ", text.split(";", 1)[0])
    if "(" in stripped or ")" in stripped:
        raise GCodeError(number, "unclosed comment", text)
    stripped = stripped.strip()
    if not stripped or stripped == "%":
        return {}
    if stripped.startswith("/"):  # block delete: a controller skips it when switched on
        stripped = stripped[1:]
    words: dict[str, list[float]] = {}
    position = 0
    for match in _WORD.finditer(stripped):
        between = stripped[position : match.start()]
        if between.strip():
            raise GCodeError(number, f"cannot read {between.strip()!r}", text)
        letter = match.group(1).upper()
        try:
            value = float(match.group(2))
        except ValueError:
            raise GCodeError(number, f"bad number after {letter}", text) from None
        words.setdefault(letter, []).append(value)
        position = match.end()
    rest = stripped[position:].strip()
    if rest:
        raise GCodeError(number, f"cannot read {rest!r}", text)
    if not words:
        raise GCodeError(number, "no G-code words", text)
    return words


def interpret(source: str | Iterable[str]) -> Program:
    """Interpret a program given as text or lines."""
    lines = source.splitlines() if isinstance(source, str) else source
    program = Program()
    state = _State()
    for number, text in enumerate(lines, start=1):
        program.lines = number
        words = parse_line(text, number)
        if not words:
            continue
        if program.ended:
            raise GCodeError(number, "code after the program end (M2/M30)", text)
        _execute(program, state, words, number, text)
    return program


def interpret_file(path: str | Path) -> Program:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GCodeError(0, "the file is not text (G-code is plain ASCII/UTF-8)") from None
    return interpret(text)


def _single(words: dict[str, list[float]], letter: str, number: int, text: str) -> float | None:
    values = words.get(letter)
    if not values:
        return None
    if len(values) > 1:
        raise GCodeError(number, f"{letter} appears twice in one block", text)
    return values[0]


_KNOWN_LETTERS = set("GMXYZIJKRFSTPQHDNOLABCUVW")
_IGNORED_G = {
    40.0,
    41.0,
    42.0,
    49.0,
    43.0,
    94.0,
    64.0,
    61.0,
    61.1,
    15.0,
    69.0,
    50.0,
    80.0,
    98.0,
    99.0,
    17.1,
    18.1,
    19.1,
    91.1,
    90.1,
    52.0,
    92.0,
    53.0,
    28.0,
    30.0,
    4.0,
    10.0,
    54.0,
    55.0,
    56.0,
    57.0,
    58.0,
    59.0,
    59.1,
    59.2,
    59.3,
    17.0,
    18.0,
    19.0,
    20.0,
    21.0,
    90.0,
    91.0,
    0.0,
    1.0,
    2.0,
    3.0,
    73.0,
    81.0,
    82.0,
    83.0,
    85.0,
    89.0,
    40.1,
    43.1,
    93.0,
    95.0,
    96.0,
    97.0,
    5.1,
    64.1,
    8.0,
    7.0,
    65.0,
    66.0,
    67.0,
    68.0,
    70.0,
    71.0,
    49.1,
}


def _execute(program: Program, s: _State, words, number: int, text: str) -> None:
    unknown = set(words) - _KNOWN_LETTERS
    if unknown:
        raise GCodeError(number, f"unknown word {sorted(unknown)[0]}", text)
    if "O" in words:  # subprogram / program number: Fanuc-style headers
        return
    g_codes = [round(g, 1) for g in words.get("G", [])]
    for g in g_codes:
        if g not in _IGNORED_G:
            raise GCodeError(number, f"unsupported G{g:g}", text)
    motion_codes = [g for g in g_codes if g in MOTION_CODES or g in CANNED_CYCLES or g == 80.0]
    if len(motion_codes) > 1:
        raise GCodeError(number, "two motion commands in one block", text)
    # modal settings first, in the order RS274/NGC applies them
    for g in g_codes:
        if g == 20.0:
            s.scale, program.units = INCH, "inch"
        elif g == 21.0:
            s.scale, program.units = 1.0, "mm"
        elif g in (17.0, 18.0, 19.0):
            s.plane = {17.0: "XY", 18.0: "XZ", 19.0: "YZ"}[g]
        elif g == 90.0:
            s.absolute = True
        elif g == 91.0:
            s.absolute = False
        elif g == 90.1:
            s.arc_absolute = True
        elif g == 91.1:
            s.arc_absolute = False
        elif g == 98.0:
            s.retract_to_r = False
        elif g == 99.0:
            s.retract_to_r = True
        elif g in (54.0, 55.0, 56.0, 57.0, 58.0, 59.0):
            program.work_offsets.add(f"G{g:g}")
    feed = _single(words, "F", number, text)
    if feed is not None:
        if feed < 0:
            raise GCodeError(number, "negative feed rate", text)
        s.feed = feed * s.scale
    rpm = _single(words, "S", number, text)
    if rpm is not None:
        if rpm < 0:
            raise GCodeError(number, "negative spindle speed", text)
        s.rpm = rpm
    tool = _single(words, "T", number, text)
    if tool is not None:
        if tool < 0 or tool != int(tool):
            raise GCodeError(number, f"T{tool:g} is not a tool number", text)
        s.next_tool = int(tool)
    for m in (round(m, 1) for m in words.get("M", [])):
        if m == 6.0:
            s.tool = s.next_tool
            program.tool_changes.append(ToolChange(number, s.tool))
        elif m in (3.0, 4.0):
            s.spindle_on = True
        elif m == 5.0:
            s.spindle_on = False
        elif m in (7.0, 8.0):
            s.coolant = True
        elif m == 9.0:
            s.coolant = False
        elif m in (2.0, 30.0):
            program.ended = True
            s.spindle_on = False
        elif m in (0.0, 1.0, 48.0, 49.0, 50.0, 51.0, 52.0, 53.0, 60.0, 61.0):
            pass
        else:
            raise GCodeError(number, f"unsupported M{m:g}", text)
    if 4.0 in g_codes:
        seconds = _single(words, "P", number, text)
        if seconds is None or seconds < 0:
            raise GCodeError(number, "G4 needs a dwell time P", text)
        program.dwells.append(Dwell(number, seconds))
        return
    if 80.0 in g_codes:
        s.cycle = None
        s.motion = None
        s.cycle_r = s.cycle_q = None
    for g in motion_codes:
        if g in MOTION_CODES:
            s.motion, s.cycle = MOTION_CODES[g], None
            # Leaving cycle mode forgets R and Q (LinuxCNC and Fanuc both require them again).
            s.cycle_r = s.cycle_q = None
        elif g in CANNED_CYCLES:
            s.cycle, s.motion = g, None
    axes = {axis: _single(words, axis, number, text) for axis in "XYZ"}
    has_axes = any(v is not None for v in axes.values())
    if 53.0 in g_codes or 28.0 in g_codes or 30.0 in g_codes:
        # Machine-coordinate moves: where they end depends on the machine, not the
        # program; the next absolute move re-establishes the position.
        if has_axes and (28.0 in g_codes or 30.0 in g_codes):
            return
        if 53.0 in g_codes and has_axes:
            target = _target(s, axes)
            program.motions.append(_motion(s, number, RAPID, target))
            s.position = list(target)
        return
    if 92.0 in g_codes or 10.0 in g_codes or 52.0 in g_codes:
        return  # coordinate system setting: no motion
    if not has_axes:
        if any(letter in words for letter in "IJKR") and s.motion in (ARC_CW, ARC_CCW):
            raise GCodeError(number, "arc without an end point", text)
        return
    if s.cycle is not None:
        _canned_cycle(program, s, words, axes, number, text)
        return
    if s.motion is None:
        raise GCodeError(number, "axis words with no motion mode (G0/G1/G2/G3) in effect", text)
    target = _target(s, axes)
    if s.motion == RAPID:
        program.motions.append(_motion(s, number, RAPID, target))
    elif s.motion == FEED:
        if s.feed <= 0:
            raise GCodeError(number, "feed move with no feed rate (F) set", text)
        program.motions.append(_motion(s, number, FEED, target))
    else:
        if s.feed <= 0:
            raise GCodeError(number, "arc move with no feed rate (F) set", text)
        program.motions.append(_arc(s, words, target, number, text))
    s.position = list(target)


def _target(s: _State, axes: dict[str, float | None]) -> tuple[float, float, float]:
    out = []
    for index, axis in enumerate("XYZ"):
        value = axes[axis]
        if value is None:
            out.append(s.position[index])
        elif s.absolute:
            out.append(value * s.scale)
        else:
            out.append(s.position[index] + value * s.scale)
    return (out[0], out[1], out[2])


def _motion(s: _State, number: int, kind: str, end, center=None, turns: int = 1) -> Motion:
    return Motion(
        line=number,
        kind=kind,
        start=(s.position[0], s.position[1], s.position[2]),
        end=(end[0], end[1], end[2]),
        feed_mm_min=0.0 if kind == RAPID else s.feed,
        spindle_rpm=s.rpm,
        spindle_on=s.spindle_on,
        tool=s.tool,
        center=center,
        plane=s.plane,
        coolant=s.coolant,
        turns=turns,
    )


_PLANE_AXES = {"XY": (0, 1, 2, "IJ", "K"), "XZ": (2, 0, 1, "KI", "J"), "YZ": (1, 2, 0, "JK", "I")}


def _arc(s: _State, words, target, number: int, text: str) -> Motion:
    a, b, normal, offset_letters, forbidden = _PLANE_AXES[s.plane]
    if forbidden in words:
        raise GCodeError(number, f"{forbidden} word given for arc in {s.plane.lower()} plane", text)
    start = s.position
    radius_word = _single(words, "R", number, text)
    turns_word = _single(words, "P", number, text)
    turns = int(turns_word) if turns_word else 1
    if turns_word is not None and (turns_word < 1 or turns_word != int(turns_word)):
        raise GCodeError(number, "P on an arc must be a positive whole number of turns", text)
    if radius_word is not None:
        if any(letter in words for letter in offset_letters):
            raise GCodeError(number, "arc with both R and centre offsets", text)
        r = radius_word * s.scale
        dx, dy = target[a] - start[a], target[b] - start[b]
        chord = math.hypot(dx, dy)
        if chord < 1e-9:
            raise GCodeError(number, "R-format arc with the same start and end point", text)
        if chord / 2 > abs(r) + ARC_TOLERANCE_MM:
            raise GCodeError(number, f"arc radius {abs(r):g} too small for its end point", text)
        h = math.sqrt(max(r * r - chord * chord / 4, 0.0))
        # R > 0: the shorter arc; R < 0: the longer one; the side flips with the direction.
        side = 1.0 if (s.motion == ARC_CCW) == (r > 0) else -1.0
        mx, my = start[a] + dx / 2, start[b] + dy / 2
        ca, cb = mx - side * h * dy / chord, my + side * h * dx / chord
    else:
        i = _single(words, offset_letters[0], number, text)
        j = _single(words, offset_letters[1], number, text)
        if i is None and j is None:
            raise GCodeError(number, "arc with neither R nor a centre offset", text)
        if s.arc_absolute:
            ca = (i * s.scale) if i is not None else start[a]
            cb = (j * s.scale) if j is not None else start[b]
        else:
            ca = start[a] + (i or 0.0) * s.scale
            cb = start[b] + (j or 0.0) * s.scale
        r_start = math.hypot(start[a] - ca, start[b] - cb)
        r_end = math.hypot(target[a] - ca, target[b] - cb)
        if abs(r_start - r_end) > max(ARC_TOLERANCE_MM, ARC_TOLERANCE_RELATIVE * r_start):
            raise GCodeError(
                number,
                f"radius to end of arc differs from radius to start "
                f"({r_start:.4f} vs {r_end:.4f} mm)",
                text,
            )
        if r_start < 1e-9:
            raise GCodeError(number, "arc of zero radius", text)
    center = [0.0, 0.0, 0.0]
    center[a], center[b], center[normal] = ca, cb, start[normal]
    return _motion(s, number, s.motion, target, (center[0], center[1], center[2]), turns)


def _canned_cycle(program: Program, s: _State, words, axes, number: int, text: str) -> None:
    """Expand one drilling cycle at one hole into its rapids and feeds (LinuxCNC rules)."""
    if s.plane != "XY":
        raise GCodeError(number, "canned cycles are supported in the XY plane only", text)
    r = _single(words, "R", number, text)
    if r is not None:
        s.cycle_r = r * s.scale if s.absolute else s.position[2] + r * s.scale
    q = _single(words, "Q", number, text)
    if q is not None:
        if q <= 0:
            raise GCodeError(number, "Q (peck) must be positive", text)
        s.cycle_q = q * s.scale
    if s.cycle_r is None:
        raise GCodeError(number, "canned cycle without an R plane", text)
    if s.feed <= 0:
        raise GCodeError(number, "canned cycle with no feed rate (F) set", text)
    initial_z = s.position[2]
    target = _target(s, axes)
    bottom = target[2] if axes["Z"] is not None else getattr(s, "cycle_z", None)
    if bottom is None:
        raise GCodeError(number, "canned cycle without a Z depth", text)
    s.cycle_z = bottom
    r_plane = s.cycle_r
    if r_plane < bottom:
        raise GCodeError(number, "R plane below the hole bottom", text)
    clear_z = max(initial_z, r_plane)
    # move over the hole at the clearance height, then down to R
    if s.position[2] < r_plane:
        program.motions.append(_motion(s, number, RAPID, (s.position[0], s.position[1], r_plane)))
        s.position[2] = r_plane
    program.motions.append(_motion(s, number, RAPID, (target[0], target[1], s.position[2])))
    s.position[0], s.position[1] = target[0], target[1]
    if s.position[2] != r_plane:
        program.motions.append(_motion(s, number, RAPID, (target[0], target[1], r_plane)))
        s.position[2] = r_plane
    x, y = target[0], target[1]
    if s.cycle in (83.0, 73.0):
        if s.cycle_q is None:
            raise GCodeError(number, f"G{s.cycle:g} needs a peck depth Q", text)
        depth = r_plane
        while depth > bottom + 1e-9:
            depth = max(depth - s.cycle_q, bottom)
            program.motions.append(_motion(s, number, FEED, (x, y, depth)))
            s.position[2] = depth
            if depth > bottom + 1e-9:
                back = r_plane if s.cycle == 83.0 else depth + min(s.cycle_q, 0.25)
                program.motions.append(_motion(s, number, RAPID, (x, y, back)))
                s.position[2] = back
                if s.cycle == 83.0:  # rapid back down to just above the last depth
                    program.motions.append(_motion(s, number, RAPID, (x, y, depth + 0.25)))
                    s.position[2] = depth + 0.25
    else:
        program.motions.append(_motion(s, number, FEED, (x, y, bottom)))
        s.position[2] = bottom
        if s.cycle in (82.0, 89.0):
            dwell = _single(words, "P", number, text) or 0.0
            program.dwells.append(Dwell(number, dwell))
    end_z = r_plane if s.retract_to_r else clear_z
    kind = FEED if s.cycle in (85.0, 89.0) else RAPID
    program.motions.append(_motion(s, number, kind, (x, y, end_z)))
    s.position[2] = end_z


def _arc_angles(m: Motion) -> tuple[int, int, float, float]:
    a, b, _normal, _letters, _forbidden = _PLANE_AXES[m.plane]
    c = m.center
    start_angle = math.atan2(m.start[b] - c[b], m.start[a] - c[a])
    end_angle = math.atan2(m.end[b] - c[b], m.end[a] - c[a])
    sweep = end_angle - start_angle
    if m.kind == ARC_CCW:
        if sweep <= 1e-12:
            sweep += 2 * math.pi
    elif sweep >= -1e-12:
        sweep -= 2 * math.pi
    extra = (m.turns - 1) * 2 * math.pi
    sweep += extra if sweep > 0 else -extra
    return a, b, start_angle, sweep


def arc_length(m: Motion) -> float:
    a, b, _start_angle, sweep = _arc_angles(m)
    radius = math.hypot(m.start[a] - m.center[a], m.start[b] - m.center[b])
    normal = 3 - a - b
    helix = m.end[normal] - m.start[normal]
    return math.hypot(abs(sweep) * radius, helix)


def arc_points(m: Motion, max_step_mm: float = 0.5) -> list[tuple[float, float, float]]:
    a, b, start_angle, sweep = _arc_angles(m)
    c = m.center
    radius = math.hypot(m.start[a] - c[a], m.start[b] - c[b])
    normal = 3 - a - b
    steps = max(2, math.ceil(abs(sweep) * radius / max(max_step_mm, 1e-3)))
    steps = min(steps, 3600)
    points = []
    for k in range(steps + 1):
        t = k / steps
        angle = start_angle + sweep * t
        p = [0.0, 0.0, 0.0]
        p[a] = c[a] + radius * math.cos(angle)
        p[b] = c[b] + radius * math.sin(angle)
        p[normal] = m.start[normal] + (m.end[normal] - m.start[normal]) * t
        points.append((p[0], p[1], p[2]))
    points[-1] = m.end
    return points


def iter_points(program: Program, max_step_mm: float = 0.5) -> Iterator[tuple[Motion, list]]:
    for motion in program.motions:
        yield motion, motion.points(max_step_mm)


# --- Run time -------------------------------------------------------------------------------

DEFAULT_TOOL_CHANGE_S = 8.0  # an average carousel change; specifications may give their own


@dataclass(frozen=True)
class RunTime:
    total_s: float
    cutting_s: float
    rapid_s: float
    dwell_s: float
    tool_change_s: float
    cutting_length_mm: float
    rapid_length_mm: float
    by_line_s: dict[int, float]


def estimate_time(
    program: Program,
    rapid_mm_min: float,
    acceleration_mm_s2: float | None = None,
    tool_change_s: float = DEFAULT_TOOL_CHANGE_S,
    max_feed_mm_min: float | None = None,
) -> RunTime:
    """How long the program runs: every move at its feed (rapids at the machine's rapid
    rate), each starting and stopping with the machine's acceleration when it is known
    (a trapezoidal speed profile), plus dwells and tool changes."""
    cutting = rapid = cut_len = rapid_len = 0.0
    by_line: dict[int, float] = {}
    for m in program.motions:
        length = m.length
        speed = rapid_mm_min if m.kind == RAPID else m.feed_mm_min
        if max_feed_mm_min and m.kind != RAPID:
            speed = min(speed, max_feed_mm_min)
        seconds = _move_seconds(length, speed / 60.0, acceleration_mm_s2)
        if m.kind == RAPID:
            rapid += seconds
            rapid_len += length
        else:
            cutting += seconds
            cut_len += length
        by_line[m.line] = by_line.get(m.line, 0.0) + seconds
    dwell = sum(d.seconds for d in program.dwells)
    changes = len(program.tool_changes) * tool_change_s
    return RunTime(
        total_s=cutting + rapid + dwell + changes,
        cutting_s=cutting,
        rapid_s=rapid,
        dwell_s=dwell,
        tool_change_s=changes,
        cutting_length_mm=cut_len,
        rapid_length_mm=rapid_len,
        by_line_s=by_line,
    )


def _move_seconds(length: float, speed_mm_s: float, acceleration: float | None) -> float:
    if length <= 0 or speed_mm_s <= 0:
        return 0.0
    if not acceleration:
        return length / speed_mm_s
    ramp = speed_mm_s * speed_mm_s / acceleration  # distance to reach speed and stop again
    if length >= ramp:
        return length / speed_mm_s + speed_mm_s / acceleration
    return 2.0 * math.sqrt(length / acceleration)
