"""The fast path (core/gcode/fastpath.py) reads the lines CAM posts write most without the
general parser: on any program it must make exactly what the general path makes, the same
motions bit for bit (end points, centres, feeds, arc points), the same warnings and end
state, and the same error at the same line after the same motions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cncworkbench.core.gcode import GCodeError, stream
from cncworkbench.core.gcode.program import Runner

_VALUES = st.sampled_from(
    [
        "0",
        "1",
        "-1",
        "2.5",
        "-.5",
        "+3.",
        "10",
        "0.0001",
        "3",
        "-3",
        "6",
        "1000001",
        "999999.9",
        "12.75",
    ]
)
_AXES = st.lists(st.sampled_from("XYZ"), unique=True, max_size=3)


@st.composite
def _move(draw) -> str:
    """A line the fast path may take (or just miss): motion code, axes, centre, feed."""
    words = []
    if draw(st.booleans()):
        words.append(draw(st.sampled_from(["N10", "n20", "N5"])))
    code = draw(st.sampled_from(["", "G0", "G1", "G01", "G00", "G2", "G3", "G02", "g3"]))
    if code:
        words.append(code)
    for axis in draw(_AXES):
        words.append(axis + draw(_VALUES))
    centre = draw(st.sampled_from(["", "I", "J", "IJ", "R"]))
    for letter in centre:
        words.append(letter + draw(_VALUES))
    if draw(st.booleans()):
        words.append(
            "F" + draw(st.sampled_from(["0", "100", "500.5", "-5", "+7", ".5", "2000000000"]))
        )
    if draw(st.booleans()):
        words.append(draw(st.sampled_from(["(c)", "(MSG,hello)", "( a b )"])))
    joiner = draw(st.sampled_from([" ", "", "  "]))
    line = joiner.join(words)
    if draw(st.integers(0, 9)) == 0:
        line = draw(st.sampled_from(["  ", "\t"])) + line + draw(st.sampled_from(["\r", " "]))
    return line


_MODES = st.sampled_from(
    [
        "G90",
        "G91",
        "G20",
        "G21",
        "G93",
        "G94",
        "G17",
        "G18",
        "G90.1",
        "G91.1",
        "F300",
        "G80",
        "G81 R1 Z-1",
        "G41.1 D2",
        "G40",
        "T1 M6",
        "S900 M3",
        "M8",
        "G43 H1",
        "G92 X1",
        "G55",
        "(only a comment)",
        "",
        "N30",
        "X1 Y1 I1",
    ]
)
_PROGRAM = st.lists(st.one_of(_move(), _move(), _move(), _MODES), max_size=25)


def _outcome(text: str, fast: bool, **options):
    motions = stream(text, **options)
    motions._runner.fast_path = fast
    made = []
    try:
        for motion in motions:
            made.append(motion)
    except GCodeError as error:
        return made, str(error)
    program = motions.program()
    return made, (program.warnings, program.end_position, program.units, program.tools_used)


def assert_same(text: str, **options) -> None:
    fast = _outcome(text, True, **options)
    general = _outcome(text, False, **options)
    assert fast[1] == general[1], text
    assert len(fast[0]) == len(general[0]), text
    for ours, theirs in zip(fast[0], general[0], strict=True):
        assert ours == theirs, f"{text}\n{ours}\n{theirs}"
        assert tuple(ours.points) == tuple(theirs.points)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["G21 F500\n", "G20 F20\n", "F100 G91\n", ""]), _PROGRAM)
def test_the_fast_path_makes_what_the_general_path_makes(preamble, lines):
    assert_same(preamble + "\n".join(lines) + "\nM2\n", tool_lengths={1: 10.0})


def test_the_fast_path_keeps_budgets_and_errors_at_their_line():
    program = "G21 F500\n" + "G1 X1\nG1 X2\n" * 50 + "M2\n"
    assert_same(program, max_motions=37)
    assert_same(program, max_blocks=41)
    arcs = "G21 F500\n" + "G2 X6 I3\nG3 X0 R3\n" * 30 + "M2\n"
    assert_same(arcs, max_motions=1000)
    many_points = stream(arcs, max_motions=1000)
    many_points._runner.max_points = 500
    motions = []
    try:
        for motion in many_points:
            motions.append(motion)
    except GCodeError as error:
        assert "points" in str(error)
    assert 0 < len(motions) < 60


def test_cam_output_takes_the_fast_path_and_agrees(monkeypatch):
    lines = ["G21 G90 G17 G94", "G0 X0 Y0 Z5", "G1 Z-1 F500"]
    x = 0.0
    for step in range(300):
        x += 1.5
        y = (step % 7) * 0.3
        lines.append(f"N{step} G1 X{x:.4f} Y-1 Z-{step % 3}")
        lines.append(f"X{x:.4f} Y{y:.4f}")
        lines.append(f"G2 X{x + 6:.4f} Y{y:.4f} I3 J0 (half circle)")
        lines.append(f"G3 X{x:.4f} Y{y:.4f} R-3 F{400 + step}")
    lines.append("M2")
    text = "\n".join(lines)
    assert_same(text)
    general = []
    block = Runner._block

    def counted(self, line, words):
        general.append(line)
        return block(self, line, words)

    monkeypatch.setattr(Runner, "_block", counted)
    assert sum(1 for _ in stream(text)) == 1202
    assert general == [1, len(lines)]  # the modes and M2; every motion took the fast path


def test_modes_the_fast_path_reads_or_resets():
    # absolute centres (G90.1): I3 from X2 is a circle of radius 1, not 3
    assert_same("G21 F100\nG0 X2 Y0\nG90.1\nG2 X2 Y0 I3 J0\nG91.1\nG2 X2 Y0 I3 J0\nM2\n")
    # a move between two G98 drilling cycles sets a new initial level (LinuxCNC)
    assert_same("G21 G98 F100\nG0 Z5\nG81 X0 Y0 Z-1 R1\nG0 Z10\nG81 X1 Y0 Z-1 R1\nG80\nM2\n")
    # incremental and inch moves, a feed in G20, then back to mm
    assert_same("G20 F10\nG91\nG1 X1 Y1\nX.5\nG2 X1 I.5\nG90 G21\nG1 X10 F300\nM2\n")
