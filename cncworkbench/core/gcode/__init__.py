"""A G-code (RS274/NGC) interpreter that turns a program into motions.

It reads the G-code that FreeCAD's posts and most CAM systems emit for 3-axis mills and
agrees with LinuxCNC's ``rs274`` (the interpreter of LinuxCNC 2.9) on every program both
accept: the same rapids, feeds and arcs, in the same order, with the same end points, arc
centres and feed rates (``tests/test_gcode.py`` compares them over ``tests/data/gcode``).

What it reads (LinuxCNC 2.9's milling dialect)
    G0 G1 G2 G3 (centre as I/J/K or R, full circles, helices, P turns, all planes), G4,
    G5 and G5.1 splines, G10 L1/L10/L11 (tool table) and L2/L20 (work offsets), G17 G18
    G19, G20 G21 (also inside subroutines), G28/G28.1 G30/G30.1, G40 G41 G42 G41.1 G42.1
    (cutter radius compensation, :mod:`.cutter_comp`), G43 (H) G49, G52, G53, G54–G59.3,
    G61 G61.1 G64 (P Q), canned cycles G73 G74 G81–G86 G89 with G98/G99 and L repeats
    (:mod:`.cycles`), G90 G91, G90.1 G91.1, G92 G92.1 G92.2 G92.3, G93 G94, G97; M0 M1
    M60 (pauses, :attr:`Program.pauses`), M2 M30, M3 M4 M5, M6, M61, M7 M8 M9, M62–M68
    (no motion), M70–M73 (modal state); F S T H D N; polar coordinates ``@`` ``^``;
    parameters ``#1``–``#5601``, named ``#<local>`` and ``#<_global>``, the system and
    predefined ones (:mod:`.parameters`); expressions and functions
    (:mod:`.expressions`); O-word subroutines, calls, returns and control flow, with
    subroutine files on a path (:mod:`.program`); (MSG,…)/(DEBUG,…)/(PRINT,…) as
    :attr:`Program.notes`; comments in parentheses and after ``;``; block delete ``/``;
    ``%`` program delimiters; upper and lower case; spaces anywhere outside comments
    (``X 1 0`` is ``X10``, as in LinuxCNC). Lines after M2/M30 (or a closing ``%``) are
    not read. ``dialect="fanuc"`` also reads Fanuc's ``#4120`` and ``#2001``–.

What it refuses (a :class:`GCodeError` naming the line and the reason)
    lathe codes on a mill (G7, G8, G33, G70–G72, G76, G96), feed per revolution G95,
    probing G38.x (it cannot be simulated), G87/G88 back and manual boring, rotary and
    UVW axes (until the simulator has them), coordinate system rotation (G10 R), M codes
    other than the ones above; what rs274 refuses (malformed numbers and expressions,
    undefined named parameters, unmatched O-words, cutter compensation that would gouge,
    …); values beyond ±1,000,000 (F and S: 1e9); and programs that would make more than
    ``max_motions`` motions or run more than ``max_blocks`` blocks (loops, recursion).

Documented skips (a warning in :attr:`Program.warnings`, not an error)
    a lone program number ``O1234`` (Fanuc style); G64 P/Q blending (positions do not
    depend on it); a program without M2/M30/``%`` at its end (rs274 refuses those); G43
    when no tool table was given (the tool length is taken as 0); text after the end.

Decisions
    * Coordinates are **program (work) coordinates**, exactly what rs274's canonical
      calls carry: the position in the active work system (G54–G59.3 offsets, set with
      G10 L2/L20, zero until set) and after any G92 shift. Work, G92 and tool length
      offsets are not added in; :attr:`Motion.tool_length` gives the tool length in
      effect. As in LinuxCNC, G43/G49 and a change of work system do not move the
      machine: the current position is re-expressed in the new frame, so an axis left out
      of the next move keeps its machine position (``G43 H1`` with a 50 mm tool, then
      ``G0 X5``, ends at Z = previous Z − 50). A motion's ``start`` is the position just
      before it in that motion's frame, so ``start`` → ``end`` is the physical move.
      (rs274's standalone canon re-reads the position after M6 from the last motion's
      end, dropping a G43/G49/G5x/G92 shift made since; a LinuxCNC machine, and this
      interpreter, keep it.)
    * G28/G30 go to machine zero through the intermediate point (rs274's parameters
      5161–5163 and 5181–5183 default to zero); G53 moves in machine coordinates (work,
      G92 and tool length offsets taken off).
    * Positions are millimetres. An inch program (G20) is interpreted in inches with
      LinuxCNC's arithmetic (so canned cycle pecks agree) and each position is converted,
      × 25.4, when a motion is recorded. Feeds are mm/min; G93 inverse time feeds become
      the equivalent mm/min (``max(0.1, length × F)`` units/min, LinuxCNC's formula). A
      feed rate keeps its physical speed over a G20/G21 switch (as on a LinuxCNC machine;
      rs274's standalone canon keeps the number instead). G94 resets the feed rate to 0
      and M6 stops the spindle, as in LinuxCNC.
    * ``tool_lengths`` is the tool table (tool → length offset, mm). When it is given, a
      T or H word naming a tool that is not in it is an error (as in LinuxCNC).
    * Block delete is on by default (lines starting with ``/`` are skipped; rs274 needs
      ``-b`` for that); ``block_delete=False`` executes them.
    * An empty program (or one with only comments) is valid: no motions, one warning.
    * System parameters (#5161…, #5211…, #5221…) are in the program's units, as on a
      LinuxCNC machine in mm; rs274's standalone canon keeps them in inches.
    * Motions are streamed (:func:`stream`): a program's memory does not grow with its
      length; :func:`interpret` lists them. Arc points are computed when first read.
    * Canned cycles are expanded exactly as LinuxCNC 2.9 does (the initial level is kept
      over a series of cycles, a traverse up to R when below it, G83/G73 peck clearance
      0.010 in = 0.254 mm); the motions of an expansion carry ``cycle="G83"`` etc.
    * Zero-length moves are kept (rs274 emits them too).
    * Arc points follow the arc (a spiral when start and end radius differ within
      LinuxCNC's tolerance) with at most ``chord_tolerance`` of sagitta, at least 4 and at
      most 2,000 segments per full turn; the last point is the programmed end point.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

from cncworkbench.core.gcode._machine import (
    ARC_POINTS_PER_CHAR,
    BASE_ARC_POINTS,
    BASE_MOTIONS,
    MAX_REPEATS,
    MAX_TURNS,
    MAX_VALUE,
    MOTIONS_PER_CHAR,
    Motion,
    Program,
    segments_per_turn,
)
from cncworkbench.core.gcode.errors import GCodeError, at_line
from cncworkbench.core.gcode.parameters import read_parameter_file
from cncworkbench.core.gcode.program import Runner, decode_program

__all__ = [
    "MAX_REPEATS",
    "MAX_TURNS",
    "MAX_VALUE",
    "GCodeError",
    "Motion",
    "MotionStream",
    "Program",
    "at_line",
    "decode_program",
    "interpret",
    "interpret_file",
    "read_parameter_file",
    "segments_per_turn",
    "stream",
    "work_budget",
]

# Blocks a program may execute (loops and calls repeat them): grows with its length.
BASE_BLOCKS = 200_000
BLOCKS_PER_CHAR = 10


FANUC_POSTS = frozenset({"fanuc"})  # FreeCAD post-processors that write Fanuc macro G-code


def dialect_of(text: str, post_processor: str | None = None) -> str:
    """The dialect a posted program is read in: Fanuc's for the Fanuc post's output, or for a
    program using ``#4120`` (Fanuc's current tool, which FreeCAD 1.x's post writes after
    every tool change); LinuxCNC's otherwise."""
    if (post_processor or "").lower() in FANUC_POSTS or "#4120" in text:
        return "fanuc"
    return "linuxcnc"


def interpret(text: str, **options) -> Program:
    """Interpret a G-code program (see the module documentation for what it reads): the
    :class:`Program` with all its motions in a list. ``options`` are :func:`stream`'s.

    Raises :class:`GCodeError` for a program it cannot read.
    """
    motions = stream(text, **options)
    return motions.program(list(motions))


class MotionStream:
    """The motions of a program, made as they are iterated (memory flat in the program's
    length); after the iteration, :meth:`program` gives the rest of what it found."""

    def __init__(self, runner: Runner, text: str):
        self._runner = runner
        self._text = text

    def __iter__(self) -> Iterator[Motion]:
        return self._runner.stream(self._text)

    def batches(self) -> Iterator[list[Motion]]:
        """The same motions in lists, as they are made (a list is the reader's to keep)."""
        return self._runner.batches(self._text)

    def program(self, motions: list[Motion] | None = None) -> Program:
        """The :class:`Program` (with ``motions``, or none) once the stream is exhausted."""
        return self._runner.result([] if motions is None else motions)


def stream(
    text: str,
    *,
    chord_tolerance: float = 0.01,
    tool_lengths: dict[int, float] | None = None,
    start: tuple[float, float, float] = (0.0, 0.0, 0.0),
    max_motions: int | None = None,
    block_delete: bool = True,
    subroutine_path=(),
    max_blocks: int | None = None,
    dialect: str = "linuxcnc",
    tool_diameters: dict[int, float] | None = None,
    parameters: dict[int, float] | None = None,
) -> MotionStream:
    """The motions of a G-code program as a :class:`MotionStream`, made as they are
    iterated (:func:`interpret` lists them).

    ``chord_tolerance`` (mm) is the largest distance between an arc and its polyline;
    ``tool_lengths`` maps tool numbers to tool length offsets in mm (the tool table);
    ``start`` is the position (mm) before the first motion; more than ``max_motions``
    motions is an error. Unset, the budgets grow with the program's length
    (:func:`work_budget`), so a short hostile program (an arc of 10,000 turns, a canned
    cycle repeated 100,000 times) is refused before the work, in bounded time and memory.
    ``subroutine_path`` lists the folders where ``O<name> call`` finds ``name.ngc``;
    more than ``max_blocks`` blocks executed (loops, recursion) is an error.
    ``tool_diameters`` (tool -> diameter, mm) is what G41/G42 D read. ``parameters``
    (number -> value, mm) are set before the program, as from LinuxCNC's parameter file
    (:func:`read_parameter_file`); :attr:`Program.parameters` has them at the end.
    ``dialect="fanuc"`` reads Fanuc's ``#4120`` (the tool number) and ``#2001``-``#2999``
    (the tool length table, from ``tool_lengths``), and applies G43/G49 with the Z move
    of their line (``G91 G0 G43 Z-[#[2000+#4120]] H#4120`` does not move the machine).
    Iterating raises :class:`GCodeError` at the first line it cannot read (the motions
    before it have been yielded); bad arguments raise :class:`ValueError` at once.
    """
    if isinstance(chord_tolerance, bool) or not isinstance(chord_tolerance, int | float):
        raise ValueError(f"chord_tolerance must be a number of mm, not {chord_tolerance!r}")
    if not 0 < chord_tolerance < math.inf:
        raise ValueError(f"chord_tolerance must be more than 0 mm, not {chord_tolerance!r}")
    if max_motions is None:
        max_motions, max_points = work_budget(len(text))
    elif max_motions < 0:
        raise ValueError("max_motions must not be negative")
    else:
        max_points = max(4 * max_motions, 10_000)
    if max_blocks is None:
        max_blocks = BASE_BLOCKS + BLOCKS_PER_CHAR * len(text)
    runner = Runner(
        dialect=dialect,
        tool_diameters=tool_diameters,
        parameters=parameters,
        subroutine_path=subroutine_path,
        max_blocks=max_blocks,
        chord_tolerance=float(chord_tolerance),
        tool_lengths=tool_lengths,
        start=start,
        max_motions=max_motions,
        max_points=max_points,
        block_delete=block_delete,
    )
    return MotionStream(runner, text)


def work_budget(program_chars: int) -> tuple[int, int]:
    """(motions, arc points) a program of ``program_chars`` characters may make.

    A plain line (``G1 X12.5 Y3``, some 15 characters) makes one motion, so the budget
    leaves every real program room by a wide margin while keeping memory linear in the
    program's length: about 300 bytes a motion and 100 an arc point.
    """
    return (
        BASE_MOTIONS + MOTIONS_PER_CHAR * program_chars,
        BASE_ARC_POINTS + ARC_POINTS_PER_CHAR * program_chars,
    )


def interpret_file(path, **kwargs) -> Program:
    """:func:`interpret` the file at ``path`` (UTF-8, or latin-1 when it is not UTF-8)."""
    return interpret(decode_program(Path(path).read_bytes()), **kwargs)
