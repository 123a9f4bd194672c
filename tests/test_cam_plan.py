"""What must be wrong before FreeCAD runs, said in words an engineer acts on; and the
corrections our post step makes to what shipped FreeCAD posts write."""

from __future__ import annotations

import dataclasses

from cncworkbench.core.cam_plan import Box, CamPlan, Operation, ToolSpec, check_plan, stock_around
from cncworkbench.core.post_fixes import fix_program

END_MILL = ToolSpec(
    number=1, name="6 mm end mill", type="flat_endmill", diameter_mm=6, flute_length_mm=13,
    length_mm=22, shank_diameter_mm=6, rpm=10000, feed_mm_min=1300, plunge_mm_min=650,
    holder_length_mm=60,
)  # fmt: skip
DRILL = ToolSpec(
    number=2, name="6 mm drill", type="drill", diameter_mm=6, flute_length_mm=57,
    length_mm=70, shank_diameter_mm=6, rpm=4000, feed_mm_min=400, plunge_mm_min=400,
)  # fmt: skip
FEATURES = {
    "height_mm": 20,
    "pockets": [{"floor_faces": ["Face15"], "size": [40, 20], "min_width": 20, "depth": 8}],
    "holes": [{"faces": ["Face7"], "diameter": 6.6, "depth": 20, "through": True}],
}
MACHINE = {"name": "Mill", "envelope_mm": [500, 400, 300], "tool_capacity": 10}


def plan(*operations, tools=(END_MILL, DRILL), **changes):
    base = CamPlan(
        post_processor="linuxcnc",
        stock=stock_around([0, 0, 0], [80, 50, 20]),
        tools=list(tools),
        operations=list(operations),
        machine=dict(MACHINE),
    )
    return dataclasses.replace(base, **changes)


def errors(p, features=FEATURES):
    return [problem.message for problem in check_plan(p, features) if problem.severity == "error"]


def test_stock_is_the_bounding_box_with_margins_resting_on_its_bottom():
    stock = stock_around([0, 0, 0], [80, 50, 20], margin_xy=2, margin_top=1)
    assert stock.min == [-2, -2, 0] and stock.max == [82, 52, 21]
    assert stock.size == [84, 54, 21]


def test_a_sound_plan_has_no_errors():
    assert errors(plan(Operation("pocket", 1), Operation("drilling", 2))) == []


def test_tool_longer_than_the_z_travel():
    long_tool = dataclasses.replace(END_MILL, length_mm=250, holder_length_mm=80)
    (message,) = errors(plan(Operation("facing", 1), tools=[long_tool]))
    assert message == (
        "T1 6 mm end mill is 330 mm long with its holder, longer than the machine's Z travel "
        "of 300 mm."
    )


def test_tool_larger_than_the_pocket():
    wide = dataclasses.replace(END_MILL, diameter_mm=25, flute_length_mm=30)
    (message,) = errors(plan(Operation("pocket", 1), tools=[wide]))
    assert "T1 (Ø25 mm) is larger than the pocket (40 × 20 mm, narrowest 20 mm)" in message


def test_pocket_deeper_than_the_flutes_and_profile_taller_than_them():
    short = dataclasses.replace(END_MILL, flute_length_mm=5)
    messages = errors(plan(Operation("pocket", 1), Operation("profile", 1), tools=[short]))
    assert "the pocket is 8 mm deep; T1's flutes are 5 mm" in messages[0]
    assert "the part is 20 mm tall; T1's flutes are 5 mm" in messages[1]


def test_drilling_without_holes_and_a_drill_asked_to_mill():
    no_holes = {**FEATURES, "holes": []}
    assert "has no vertical holes to drill" in errors(plan(Operation("drilling", 2)), no_holes)[0]
    assert "T2 is a drill; it cannot mill a pocket" in errors(plan(Operation("pocket", 2)))[0]


def test_drill_larger_than_every_hole():
    big = dataclasses.replace(DRILL, diameter_mm=8.5)
    assert (
        "larger than every hole (smallest Ø6.6 mm)"
        in errors(plan(Operation("drilling", 2), tools=[END_MILL, big]))[0]
    )


def test_stock_larger_than_the_machine_and_unknown_tool_number():
    small = plan(Operation("facing", 1), machine={"envelope_mm": [60, 400, 300]})
    assert errors(small) == ["The stock is 84 mm in X, more than the machine's 60 mm travel."]
    assert errors(plan(Operation("facing", 7))) == [
        "Operation uses tool T7, which is not in the tool list"
    ]


def test_plan_survives_json():
    original = plan(Operation("pocket", 1, faces=["Face15"]), fixtures=[Box([0, 0, 0], [1, 1, 1])])
    assert CamPlan.from_json(original.to_json()) == original


def test_grbl_k_word_on_xy_arcs_is_removed_and_said():
    posted = "G17 G90\nG0 X0 Y0\nG2 X10 Y0 Z-1 I5 J0 K0.000 F300\nG18\nG3 X0 Z0 I-5 K0 F300\n"
    fixed, notes = fix_program(posted, "grbl")
    assert fixed.splitlines()[2] == "G2 X10 Y0 Z-1 I5 J0 F300"
    assert fixed.splitlines()[4] == "G3 X0 Z0 I-5 K0 F300"  # K belongs to an XZ arc
    assert "1 arc line(s)" in notes[0]


def test_fanuc_placeholder_name_line_becomes_a_program_number():
    posted = "%\n;\nprogram.ngc (FREECAD-FILENAME-GOES-HERE, JOB-NAME-GOES-HERE)\nG21\n%\n"
    fixed, notes = fix_program(posted, "fanuc", "Flanş plakası")
    assert fixed.splitlines()[:2] == ["%", "O0001 (FLANS PLAKASI)"]  # opens the program
    assert notes and "O0001" in notes[0]


def test_a_fanuc_program_without_a_number_gets_one():
    """FreeCAD 1.x's fanuc post writes a comment and no O-number: one opens the program."""
    posted = "%\n(POST PROCESSOR: FANUC USING FREECAD 1.1)\n(FLANS_PLAKASI, CNC_JOB)\nG21\n%\n"
    fixed, _notes = fix_program(posted, "fanuc", "Flanş plakası")
    assert fixed.splitlines()[:3] == [
        "%", "O0001 (FLANS PLAKASI)", "(POST PROCESSOR: FANUC USING FREECAD 1.1)"
    ]  # fmt: skip


def test_clean_programs_are_left_alone():
    program = "G21 G90\nG0 X0 Y0\nG2 X10 Y0 I5 J0 F300\nM2\n"
    assert fix_program(program, "linuxcnc") == (program, [])


def test_grbl_tool_changes_become_operator_pauses():
    posted = "(Begin toolchange)\n( M6 T2 )\nM3 S18000\nG0 X0 Y0\n"
    fixed, notes = fix_program(posted, "grbl")
    assert fixed.splitlines()[1:3] == ["M5", "M0 (CHANGE TO T2 THEN RESUME)"]
    assert "pauses (M5 M0)" in notes[0]
