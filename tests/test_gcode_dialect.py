"""LinuxCNC's dialect in the interpreter: parameters, expressions, O-words, subroutine
files, polar coordinates, modal state, notes and pauses; budgets for loops and
recursion; streaming; fuzzing of the new grammar; agreement with rs274 on LinuxCNC's own
example programs (tests/test_gcode.py judges the corpus motion by motion)."""

from __future__ import annotations

import math
import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cncworkbench.cli.gcode import gcode
from cncworkbench.core.gcode import GCodeError, dialect_of, interpret, stream

CORPUS = Path(__file__).resolve().parent / "data" / "gcode"


def ends(text: str, **kwargs) -> list[tuple[float, float, float]]:
    return [tuple(round(c, 6) for c in m.end) for m in interpret(text, **kwargs).motions]


def error_of(text: str, **kwargs) -> GCodeError:
    with pytest.raises(GCodeError) as info:
        interpret(text, **kwargs)
    assert str(info.value) == f"line {info.value.line}: {info.value.message}"
    return info.value


# ---------------------------------------------------------------- parameters
def test_assignments_take_effect_after_the_line_is_read():
    assert ends("#1=2 #2=[#1*3]\nG0 X#1 Y#2\n#2=[#1*3]\nG0 Y#2\nM2\n") == [
        (2, 0, 0),
        (2, 6, 0),
    ]


def test_expressions_follow_linuxcncs_precedence_and_functions():
    program = "\n".join(
        [
            "G0 X[1+2*3**2] Y[2**3**2] Z[8/2/2]",  # ** binds tightest; all left to right
            "G0 X[-7 MOD 3] Y[1 LT 2 EQ 1] Z[1 EQ 1.00001]",  # MOD is never negative
            "G0 X[ATAN[1]/[1]] Y[ROUND[-2.5]] Z[FIX[-2.5]+FUP[-2.5]]",
            "G0 X[SIN[30]] Y[2 GT 1 AND 0] Z[0 OR 3]",
            "M2",
        ]
    )
    assert ends(program) == [(19, 64, 2), (2, 1, 1), (45, -3, -5), (0.5, 0, 1)]


def test_named_parameters_are_local_to_a_call_and_globals_are_not():
    program = """#<a> = 1
#<_g> = 1
o<sub> sub
  #<a> = 5
  #<_g> = 7
  G0 X#<a>
o<sub> endsub
o<sub> call
G0 Y#<a> Z#<_g>
M2
"""
    assert ends(program) == [(5, 0, 0), (5, 1, 7)]


def test_system_parameters_read_the_machine_state():
    program = "G55 G0 X3 Y4\nT2 M6\nG0 X#5420 Y#5421 Z[#5220 * 10 + #5400]\nM2\n"
    assert ends(program)[-1] == (3, 4, 22)


def test_reading_an_undefined_named_parameter_names_it():
    error = error_of("G0 X1\nG0 X#<_nope>\n")
    assert error.line == 2 and "#<_nope>" in error.message
    assert ends("G0 X[EXISTS[#<_nope>] + 1]\nM2\n") == [(1, 0, 0)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("G0 X[1/0]\n", "division by zero"),
        ("G0 X[SQRT[-1]]\n", "SQRT of the negative number -1"),
        ("G0 X[LN[0]]\n", "LN of 0"),
        ("G0 X[ACOS[2]]\n", "ACOS of 2"),
        ("G0 X[1 + 2\n", "closing ']'"),
        ("G0 X[1 FOO 2]\n", "unknown operator"),
        ("#0 = 1\n", "parameter number 0 is out of range"),
        ("#1.5 = 1\n", "not a whole number"),
        ("G0 X##4\n", "parameter number 0 is out of range"),
        ("#<_x> = 3\n", "#<_x> is read-only"),
        ("#5420 = 3\n", "#5420 is read-only"),
        ("G0 X" + "[" * 200 + "1" + "]" * 200 + "\n", "nested too deeply"),
        ("o1 while [1]\nG0 X1\n", "O1 while is never closed"),
        ("o1 endif\n", "without a matching if"),
        ("o1 repeat [2]\no1 break\no1 endrepeat\n", "outside a while or do loop"),
        ("o<nowhere> call\n", "O<NOWHERE> is not defined"),
        ("o1 return\n", "outside a subroutine"),
        ("G0 @1 X1\n", "polar coordinates (@, ^) and X"),
        ("G92 @1\n", "only be used for motion"),
        ("M72\n", "M72 without a state saved by M70"),
        ("G38.2 Z-5 F10\n", "G38.2: cannot simulate probing"),
        ("G0 B90\n", "until the simulator has them"),
        ("G7\n", "not on a mill"),
    ],
)
def test_bad_programs_are_refused_with_the_line_and_reason(text, words):
    error = error_of(text)
    assert words in error.message, error.message
    assert error.line >= 1


# ------------------------------------------------------------------- O-words
def test_subroutines_get_their_arguments_and_restore_the_callers():
    program = """#3 = 9
o100 sub
  G0 X#1 Y#2 Z#3
  #1 = 7
o100 endsub
o100 call [1] [2]
G0 X#1 Y#3
o<half> call [10]
G0 Z#<_value>
M2
o<half> sub
  o<half> return [#1 / 2]
o<half> endsub
"""
    assert ends(program) == [(1, 2, 0), (0, 9, 0), (0, 9, 5)]


def test_control_flow_runs_like_linuxcnc():
    program = """#1 = 0
o1 while [#1 LT 6]
  #1 = [#1 + 1]
  o2 if [#1 EQ 2]
    o1 continue
  o2 elseif [#1 EQ 5]
    o1 break
  o2 else
    G0 X#1
  o2 endif
o1 endwhile
o3 repeat [2]
  G91 G0 Y1
o3 endrepeat
G90
o4 do
  G0 Z1
o4 while [0]
M2
"""
    assert ends(program) == [(1, 0, 0), (3, 0, 0), (4, 0, 0), (4, 1, 0), (4, 2, 0), (4, 2, 1)]


def test_subroutine_files_come_from_the_subroutine_path(tmp_path):
    (tmp_path / "peck.ngc").write_text("o<peck> sub\nG0 X#1\nG0 Y#2\no<peck> endsub\nM2\n")
    program = interpret("o<peck> call [3] [4]\nM2\n", subroutine_path=[tmp_path])
    assert [m.end for m in program.motions] == [(3, 0, 0), (3, 4, 0)]
    # motions of a subroutine file show the line of the call in the program
    assert [m.line for m in program.motions] == [1, 1]
    assert "subroutine path" in error_of("o<peck> call\nM2\n").message


def test_an_endless_loop_is_refused_at_its_budget_in_bounded_time():
    started = time.monotonic()
    error = error_of("o1 while [1]\n  #1 = [#1 + 1]\no1 endwhile\nM2\n", max_blocks=50_000)
    assert "more than 50000 blocks" in error.message and error.line in (1, 2, 3)
    error = error_of("o<r> sub\no<r> call\no<r> endsub\no<r> call\nM2\n")
    assert "nested more than 50 deep" in error.message and error.line == 2
    assert time.monotonic() - started < 10


def test_g20_in_a_subroutine_and_m73_restores_the_callers_units():
    program = """o<inch> sub
  M73
  G20 G0 X1
o<inch> endsub
G21
o<inch> call
G0 Y1
M2
"""
    result = interpret(program)
    assert [m.end for m in result.motions] == [(25.4, 0, 0), (25.4, 1, 0)]
    assert result.units == "mm"


def test_polar_coordinates_absolute_and_incremental():
    got = ends("G0 @10 ^90\nG91 G0 @1 ^0\nG0 ^90\nM2\n")
    assert got == [(0, 10, 0), (0, 11, 0), (-11, 0, 0)]


def test_messages_are_notes_with_their_line_and_pauses_are_listed():
    program = interpret("#1 = 4\n(MSG, load tool 2)\n(DEBUG, depth #1)\nM0\nM1\nM60\nM2\n")
    assert program.notes == [(2, "MSG", " load tool 2"), (3, "DEBUG", " depth 4.000000")]
    assert program.pauses == [(4, "M0"), (5, "M1"), (6, "M60")]


# ------------------------------------------------------------------ streaming
def _plain(lines: int) -> str:
    return "G21 F600\n" + "".join(f"G1 X{i % 100} Y{i % 7}\n" for i in range(lines)) + "M2\n"


def test_the_stream_keeps_memory_flat_in_the_programs_length():
    peaks = []
    for lines in (20_000, 80_000):
        text = _plain(lines)
        tracemalloc.start()
        count = sum(1 for _ in stream(text))
        peaks.append(tracemalloc.get_traced_memory()[1] - len(text))
        tracemalloc.stop()
        assert count == lines
    # four times the lines: the text and its lines grow, the motions do not pile up
    assert peaks[1] < 4 * peaks[0]
    assert peaks[1] < 20e6


def test_trace_takes_a_subroutine_path(tmp_path):
    subs = tmp_path / "lib"
    subs.mkdir()
    (subs / "hop.ngc").write_text("o<hop> sub\nG0 Z#1\no<hop> endsub\nM2\n")
    path = tmp_path / "p.ngc"
    path.write_text("o<hop> call [7]\nM2\n")
    result = CliRunner().invoke(gcode, ["trace", str(path), "--subroutine-path", str(subs)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["rapid line 1      X0.0000 Y0.0000 Z7.0000 F- T-"]
    missing = CliRunner().invoke(gcode, ["trace", str(path)])
    assert missing.exit_code == 2 and "hop.ngc" in missing.output


# -------------------------------------------------------------------- fuzzing
_TOKENS = st.sampled_from(
    [
        "#1",
        "#<a>",
        "#<_b>",
        "[",
        "]",
        "=",
        "+",
        "-",
        "*",
        "/",
        "**",
        "MOD",
        "EQ",
        "AND",
        "SIN",
        "ATAN",
        "EXISTS",
        "1",
        "0",
        "2.5",
        "G0",
        "G1",
        "X",
        "Y",
        "@",
        "^",
        "o1",
        "o<s>",
        "sub",
        "endsub",
        "call",
        "if",
        "endif",
        "while",
        "endwhile",
        "do",
        "repeat",
        "endrepeat",
        "break",
        "continue",
        "return",
        "(",
        ")",
        "F100",
        "M2",
        "%",
        "\n",
        " ",
    ]
)


def _never_crashes(text: str) -> None:
    started = time.monotonic()
    try:
        program = interpret(text, max_blocks=20_000)
    except GCodeError as error:
        assert error.line >= 1 and error.message
    else:
        assert all(math.isfinite(c) for m in program.motions for c in m.end)
    assert time.monotonic() - started < 5


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TOKENS, max_size=60))
def test_fuzz_the_new_grammar_never_crashes_or_hangs(tokens):
    _never_crashes("".join(tokens))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="#[]<>=@^oO0123456789.+-*/ XYGMabc\n", max_size=120))
def test_fuzz_characters_of_the_new_grammar(text):
    _never_crashes(text)


# ------------------------------------------------- LinuxCNC's own example programs
@pytest.mark.skipif(
    not Path("/usr/share/linuxcnc/ncfiles").is_dir() or shutil.which("rs274") is None,
    reason="LinuxCNC's example programs come with linuxcnc-uspace",
)
def test_linuxcncs_own_milling_examples_agree_or_are_refused_with_a_reason():
    from bench.bench_gcode_agreement import run

    result = run()
    milling = result["figures"]["milling"]
    # out of scope and refused with the line: rotary axes, probing
    in_scope = milling["accepted_by_rs274"] - milling["out_of_scope"]
    assert milling["agree"] >= 0.95 * in_scope, result["lines"]
    # the one difference: skeleton.ngc, where rs274's standalone canon drops the G43 of
    # an M6 line at the next move and a LinuxCNC machine (and we) keep it
    assert milling["differ"] <= 1, result["lines"]


LINUXCNC_COMP_EXAMPLES = [
    "comp-g1.ngc",
    "comp311.ngc",
    "comp311_2.ngc",  # entered with an arc
    "gmoccapy_2_tools_with_cutter_radius_compensation.ngc",  # entered with an arc
]


@pytest.mark.skipif(
    not Path("/usr/share/linuxcnc/ncfiles").is_dir() or shutil.which("rs274") is None,
    reason="LinuxCNC's examples and rs274 come with linuxcnc-uspace",
)
@pytest.mark.parametrize("name", LINUXCNC_COMP_EXAMPLES)
def test_linuxcncs_cutter_compensation_examples_agree_motion_by_motion(name):
    """With the tool table's real diameter (the judge's D0.25 in), as a shop runs them."""
    from bench.bench_gcode_agreement import SUBROUTINE_PATH
    from cncworkbench.core.gcode import interpret_file
    from tests.support import rs274_judge as judge

    path = Path("/usr/share/linuxcnc/ncfiles") / name
    theirs = judge.rs274_motions(shutil.which("rs274"), path, SUBROUTINE_PATH)
    ours = interpret_file(
        path,
        tool_lengths=judge.TOOL_LENGTHS_MM,
        tool_diameters=judge.TOOL_DIAMETERS_MM,
        subroutine_path=SUBROUTINE_PATH,
    ).motions
    assert judge.difference(ours, theirs) is None, name


# ---------------------------------------------------------------------- Fanuc
FANUC_TOOL_CHANGE = """%
O0001
G21 G90 G17
T1 M6
G91 G0 G43 G54 Z-[#[2000+#4120]] H#4120
G90 G0 X10 Y10 Z5
M30
%
"""


def test_fanucs_tool_length_line_from_freecads_post_takes_the_offset_without_moving():
    program = interpret(FANUC_TOOL_CHANGE, tool_lengths={1: 50.0}, dialect="fanuc")
    offset, move = program.motions
    # the physical move of the G43 line is nothing: the tool tip stays where it was
    assert offset.start == offset.end == (0, 0, -50) and offset.tool_length == 50
    assert move.end == (10, 10, 5) and move.tool_length == 50
    # read as LinuxCNC, #4120 and #2001 are plain parameters (0): no offset at all
    plain = interpret(FANUC_TOOL_CHANGE, tool_lengths={1: 50.0})
    assert [m.tool_length for m in plain.motions] == [0, 0]
    with pytest.raises(ValueError, match="dialect"):
        interpret("M2\n", dialect="haas")


def test_splines_become_feeds_within_the_chord_tolerance():
    program = interpret("F300\nG5 X10 Y0 I3 J4 P-3 Q4\nG5.1 X20 Y0 I5 J5\nM2\n")
    cubic = [m for m in program.motions if m.line == 2]
    quadratic = [m for m in program.motions if m.line == 3]
    assert {m.cycle for m in cubic} == {"G5"} and {m.cycle for m in quadratic} == {"G5.1"}
    assert cubic[-1].end == (10, 0, 0) and quadratic[-1].end == (20, 0, 0)
    # the Bézier's middle: (0 + 3*3 + 3*7 + 10) / 8, (0 + 3*4 + 3*4 + 0) / 8
    assert (5.0, 3.0, 0.0) in [tuple(round(c, 9) for c in m.end) for m in cubic]
    assert "XY plane" in error_of("F1\nG18 G5 X1 Z0 I1 J1 P1 Q1\n").message


# ---------------------------------------------------------- cutter compensation
def test_cutter_compensation_offsets_the_path_and_rounds_convex_corners():
    program = interpret("F100\nG0 X-10 Y-10\nG41.1 D4 G1 X0 Y0\nG1 X20\nY20\nG40 G1 X30 Y30\nM2\n")
    got = [(m.kind, tuple(round(c, 4) for c in m.end)) for m in program.motions]
    assert got == [
        ("rapid", (-10, -10, 0)),
        ("feed", (-1.4142, 1.4142, 0)),  # the entry: square to its own direction
        ("arc", (0, 2, 0)),  # around the convex corner at the start point
        ("feed", (18, 2, 0)),  # cut short at the concave corner
        ("feed", (18, 20, 0)),
        ("feed", (30, 30, 0)),  # G40: straight from the tool to the programmed point
    ]


def test_the_move_after_g40_starts_where_the_tool_is_and_ends_from_the_programmed_point():
    text = "F100\nG0 X-10 Y-10\nG41.1 D4 G1 X0 Y0\nG1 X20\nG40\n{move}\nM2\n"
    for move, end in [("G91 G1 Y-5", (20, -5, 0)), ("G28", (20, 0, 0)), ("G1 Z3", (20, 0, 3))]:
        after = interpret(text.format(move=move)).motions[-1 if move != "G28" else -2]  # G28: via
        assert after.start[:2] == (20, 2), move  # the tool, one radius left of X20 Y0
        assert tuple(round(c, 9) for c in after.end) == end, move


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("F100\nG41.1 D4 G1 X1\n", "entry move is not longer than the tool radius"),
        ("F100\nG0 X-20\nG41.1 D4 G1 X-10\nG3 X-10 Y0 I1 J0\n", "not less than the arc radius"),
        ("F100\nG0 X-20\nG41 D1 G1 X-10\n", "tool 1 has no diameter"),
        ("F100\nG0 X-20\nG41.1 D4 G1 X-10\nG81 X1 Z-1 R1\n", "canned cycles cannot be used"),
        ("F100\nG18 G41.1 D4\n", "only in the XY plane"),
        ("F100\nG0 X1 D2\n", "D word without G41 or G42"),
    ],
)
def test_cutter_compensation_refusals_name_the_line(text, words):
    error = error_of(text)
    assert words in error.message, error.message


def _compensated_program(rng) -> str:
    side = rng.choice(["G41.1", "G42.1"])
    lines = ["G21 G90 G17 G94 F300", "G0 X-30 Y-30 Z1", f"{side} D{rng.choice([2, 4, 6])} G1 X0 Y0"]
    x = y = 0.0
    for _ in range(rng.randint(2, 7)):
        x2, y2 = x + rng.uniform(-30, 30), y + rng.uniform(-30, 30)
        if rng.random() < 0.6:
            lines.append(f"G1 X{x2:.3f} Y{y2:.3f}")
        else:
            radius = math.hypot(x2 - x, y2 - y) / 2 * rng.uniform(1.05, 3) * rng.choice([1, -1])
            lines.append(f"{rng.choice(['G2', 'G3'])} X{x2:.3f} Y{y2:.3f} R{radius:.3f}")
        x, y = x2, y2
    return "\n".join([*lines, "G40 G1 X-40 Y-40", "M2"]) + "\n"


def _compensated_program_wide(rng) -> str:
    """Wider random profiles: arc entries, R and I J arcs, rapids and Z moves inside
    compensation, inch programs, and exits by G40 followed by a Z move or an arc."""
    side = rng.choice(["G41.1", "G42.1"])
    inch = rng.random() < 0.2
    s = 1 / 25.4 if inch else 1.0

    def f(value):
        return f"{value * s:.4f}"

    lines = [f"{'G20' if inch else 'G21'} G90 G17 G94 F300", f"G0 X{f(-30)} Y{f(-30)} Z{f(1)}"]
    d = rng.choice([2, 4, 6])
    x, y = -30.0, -30.0
    x2, y2 = 0.0, 0.0
    if rng.random() < 0.35:  # an arc as the first compensated move
        r = math.hypot(x2 - x, y2 - y) / 2 * rng.uniform(1.05, 3) * rng.choice([1, -1])
        lines.append(f"{side} D{f(d)} {rng.choice(['G2', 'G3'])} X0 Y0 R{f(r)}")
    else:
        lines.append(f"{side} D{f(d)} G1 X0 Y0")
    x, y = x2, y2
    for _ in range(rng.randint(2, 8)):
        roll = rng.random()
        if roll < 0.08:
            lines.append(f"G1 Z{f(rng.uniform(-3, 1))}")
            continue
        x2, y2 = x + rng.uniform(-30, 30), y + rng.uniform(-30, 30)
        if roll < 0.5:
            lines.append(f"G1 X{f(x2)} Y{f(y2)}")
        elif roll < 0.58:
            lines.append(f"G0 X{f(x2)} Y{f(y2)}")
        elif roll < 0.8:
            r = math.hypot(x2 - x, y2 - y) / 2 * rng.uniform(1.05, 3) * rng.choice([1, -1])
            lines.append(f"{rng.choice(['G2', 'G3'])} X{f(x2)} Y{f(y2)} R{f(r)}")
        else:  # centre format: a centre off the chord's bisector's middle
            mx, my = (x + x2) / 2, (y + y2) / 2
            t = rng.uniform(-1.5, 1.5)
            cx, cy = mx - (y2 - y) * t, my + (x2 - x) * t
            rr = math.hypot(x - cx, y - cy)
            a = math.atan2(y2 - cy, x2 - cx)
            x2, y2 = cx + rr * math.cos(a), cy + rr * math.sin(a)
            lines.append(f"{rng.choice(['G2', 'G3'])} X{f(x2)} Y{f(y2)} I{f(cx - x)} J{f(cy - y)}")
        x, y = x2, y2
    exit_ = rng.random()
    if exit_ < 0.15:
        lines += ["G40", f"G2 X{f(-40)} Y{f(-40)} R{f(60)}"]
    elif exit_ < 0.3:
        lines += ["G40", f"G0 Z{f(5)}", f"G1 X{f(-40)} Y{f(-40)}"]
    else:
        lines.append(f"G40 G1 X{f(-40)} Y{f(-40)}")
    return "\n".join([*lines, "M2"]) + "\n"


def _compensated_program_edges(rng) -> str:
    """Edge cases: repeated and nearly equal points, zero and huge radii, whole circles
    (with P turns), Z moves, G91 moves, and G40 exits followed by a move or an arc."""
    points = [(0, 0), (10, 0), (10, 10), (0, 10), (5, 5), (10, 0.01), (0, 0)]
    side = rng.choice(["G41.1", "G42.1"])
    lines = ["G21 G90 G17 F300", "G0 X-20 Y-20 Z1", f"{side} D{rng.choice([0, 0.5, 2, 6, 20])}"]
    for _ in range(rng.randint(1, 8)):
        roll = rng.random()
        if rng.random() < 0.5:
            x, y = rng.choice(points)
        else:
            x, y = round(rng.uniform(-15, 15), 1), round(rng.uniform(-15, 15), 1)
        arc = rng.choice(["G2", "G3"])
        if roll < 0.4:
            lines.append(f"G1 X{x} Y{y}")
        elif roll < 0.5:
            lines.append(f"G1 Z{rng.choice([0, -1, 1])}")
        elif roll < 0.6:
            lines.append(f"G0 X{x} Y{y}")
        elif roll < 0.8:
            radius = rng.choice([-1, 1]) * rng.choice([8, 12, 30])
            lines.append(f"{arc} X{x} Y{y} R{radius}")
        elif roll < 0.9:
            turns = " P2" if rng.random() < 0.3 else ""
            lines.append(f"{arc} I{rng.choice([-5, 5, 0])} J{rng.choice([5, 0, -3])}{turns}")
        else:
            lines.append(f"G91 G1 X{x / 3:.1f} Y{y / 3:.1f} G90")
    lines.append(rng.choice(["G40 G1 X-20 Y-20", "G40", "G40 G0 Z5"]))
    lines.append(rng.choice(["G1 X-30", "G3 X-30 Y-30 R40", ""]))
    return "\n".join([*lines, "M2"]) + "\n"


@pytest.mark.parametrize(
    ("generator", "count"),
    [
        (_compensated_program, 130),
        (_compensated_program_wide, 100),
        (_compensated_program_edges, 100),
    ],
)
def test_random_compensated_profiles_agree_with_rs274(tmp_path, generator, count):
    """Differential: rs274 and we both refuse a random G41/G42 profile (on the same line)
    or both accept it with the same motions (LinuxCNC's corner, queue and gouge rules)."""
    import random

    from tests.support import rs274_judge as judge
    from tests.support.freecad import require_program

    rs274 = require_program("rs274", "CNC_REQUIRE_RS274")
    path = tmp_path / "profile.ngc"
    accepted = refused = 0
    for seed in range(count):
        text = generator(random.Random(seed))
        path.write_text(text)
        try:
            theirs = judge.rs274_motions(rs274, path)
        except judge.Refused as refusal:
            error = error_of(text)
            named = str(refusal).rsplit(" | ", 1)[-1]
            assert text.splitlines()[error.line - 1] == named, f"seed {seed}: {error}\n{text}"
            refused += 1
            continue
        problem = judge.difference(interpret(text).motions, theirs)
        assert problem is None, f"seed {seed}: {problem}\n{text}"
        accepted += 1
    assert accepted >= count / 5 and refused >= count / 10  # both kinds are exercised


REFUSED = sorted((Path(__file__).resolve().parent / "data" / "gcode" / "refused").glob("*.ngc"))


@pytest.mark.parametrize("path", REFUSED, ids=[p.stem for p in REFUSED])
def test_what_rs274_refuses_in_compensation_is_refused_on_its_line(path):
    from tests.support import rs274_judge as judge
    from tests.support.freecad import require_program

    rs274 = require_program("rs274", "CNC_REQUIRE_RS274")
    with pytest.raises(judge.Refused) as theirs:
        judge.rs274_motions(rs274, path)
    text = path.read_text()
    error = error_of(text)
    assert text.splitlines()[error.line - 1] == str(theirs.value).rsplit(" | ", 1)[-1]
    assert re.search("gouging|not an arc|not longer than|not less than", error.message), error


def test_a_parameter_file_sets_offsets_homes_and_parameters_before_the_program(tmp_path):
    from cncworkbench.core.gcode import read_parameter_file

    values = read_parameter_file("5221 10.000000\n5222 -5.000000\n5161 3\n\n31 7\n")
    program = interpret("G0 X#31\nG28\nG10 L2 P2 X1\nM2\n", parameters=values)
    assert [m.end for m in program.motions] == [(7, 0, 0), (7, 0, 0), (-7, 5, 0)]
    assert program.parameters[5221] == 10 and program.parameters[5241] == 1
    assert program.parameters[5161] == 3 and program.parameters[5220] == 1
    with pytest.raises(GCodeError, match="number value"):
        read_parameter_file("5221 ten\n")
    var = tmp_path / "p.var"
    var.write_text("5221 10\n")
    path = tmp_path / "p.ngc"
    path.write_text("G0 X0\nM2\n")
    result = CliRunner().invoke(gcode, ["trace", str(path), "--parameters", str(var)])
    assert result.output.splitlines() == ["rapid line 1      X0.0000 Y0.0000 Z0.0000 F- T-"]
    var.write_text("oops\n")
    bad = CliRunner().invoke(gcode, ["trace", str(path), "--parameters", str(var)])
    assert bad.exit_code == 2 and "p.var" in bad.output and "line 1" in bad.output


def test_a_rotated_system_from_the_parameter_file_and_g10_l2_r():
    from cncworkbench.core.gcode import read_parameter_file

    # G54 at (10, 5) turned 90 degrees: machine (10, 6) is one unit along the system's X
    values = read_parameter_file("5221 10\n5222 5\n5230 90\n")
    program = interpret("G53 G0 X10 Y6\nG1 F100 X[#5230]\nG10 L2 P1 R45\nM2\n", parameters=values)
    assert [tuple(round(c, 9) for c in m.end) for m in program.motions] == [
        (1, 0, 0),
        (90, 0, 0),
    ]
    assert program.parameters[5230] == 45 and program.parameters[5250] == 0
    assert "R (a rotation) is not allowed with G10 L20" in error_of("G10 L20 P1 X1 R5\n").message


def _rotated_systems_program(rng) -> str:
    """Random use of rotated systems: G10 L2 R / L20 on the current and other systems,
    switching systems, G53, G28/G30 and their .1, G92 and its variants, G91, units."""

    def n():
        return f"{rng.uniform(-20, 20):.3f}"

    def system():
        return rng.randint(0, 3)

    rotation = rng.choice([0, 30, -45, 90, 12.5])
    lines = [rng.choice(["G21", "G20"]) + " G90 G17 F30", "G0 X1 Y1 Z1"]
    for _ in range(rng.randint(3, 14)):
        lines.append(
            rng.choice(
                [
                    f"G10 L2 P{system()} X{n()} Y{n()} R{rotation}",
                    f"G10 L2 P{system()} R{rotation}",
                    f"G10 L20 P{system()} X{n()}" + (f" Y{n()}" if rng.random() < 0.5 else ""),
                    rng.choice(["G54", "G55", "G56"]),
                    f"G53 G0 X{n()}" + (f" Y{n()}" if rng.random() < 0.5 else ""),
                    rng.choice(["G28", "G28 X0", "G30 Y0", "G28.1", "G30.1"]),
                    rng.choice([f"G92 X{n()} Y{n()}", "G92.1", "G92.2", "G92.3"]),
                    rng.choice(["G91", "G90", "G20", "G21"]),
                    "G1 X[#5230] Y[#5420]",
                    f"G1 X{n()} Y{n()}",
                    f"G1 X{n()} Y{n()}",
                ]
            )
        )
        rotation = rng.choice([0, 30, -45, 90, 12.5])
    lines += [f"G90 G10 L2 P{p} X0 Y0 Z0 R0" for p in (1, 2, 3)]
    return "\n".join([*lines, "G92.1", "M2"]) + "\n"


def test_random_programs_in_rotated_systems_agree_with_rs274(tmp_path):
    import random

    from tests.support import rs274_judge as judge
    from tests.support.freecad import require_program

    rs274 = require_program("rs274", "CNC_REQUIRE_RS274")
    path = tmp_path / "rotated.ngc"
    agreed = 0
    for seed in range(100):
        text = _rotated_systems_program(random.Random(seed))
        path.write_text(text)
        try:
            theirs = judge.rs274_motions(rs274, path)
        except judge.Refused as refusal:  # a G53 in G91, say: we refuse it too
            assert error_of(text).line, refusal
            continue
        problem = judge.difference(interpret(text).motions, theirs)
        assert problem is None, f"seed {seed}: {problem}\n{text}"
        agreed += 1
    assert agreed >= 80


def test_a_fanuc_posted_program_is_read_in_the_fanuc_dialect():
    """FreeCAD 1.x's fanuc post writes its tool-length line after each tool change; the
    services read such a program as Fanuc (the post, or #4120 in the text, says so)."""
    text = "G21 G90\nT1 M6\nG91 G0 G43 G54 Z-[#[2000+#4120]] H#4120\nG90\nG0 X10 Y10 Z5\nM30\n"
    assert dialect_of(text) == "fanuc"
    assert dialect_of("G0 X1\n", "Fanuc") == "fanuc"
    assert dialect_of("G0 X1\n", "linuxcnc") == "linuxcnc"
    program = interpret(text, tool_lengths={1: 50.0}, dialect=dialect_of(text))
    assert program.motions[-1].end == pytest.approx((10.0, 10.0, 5.0))
