"""CAM never drops a hole silently: every hole it does not drill is listed as NOT
MACHINED with the reason (core.cam_coverage), in the CAM result's warnings that the CLI,
the job result and the setup sheet show."""

from __future__ import annotations

import dataclasses

import pytest

from cncworkbench.core.cam_coverage import not_machined, pockets_not_machined
from cncworkbench.core.cam_plan import CamPlan, Operation, ToolSpec, stock_around
from tests.support.freecad import require_program, run_freecadcmd


def drill(number: int, diameter: float, flutes: float = 40.0) -> ToolSpec:
    return ToolSpec(
        number=number, name=f"{diameter} mm drill", type="drill", diameter_mm=diameter,
        flute_length_mm=flutes, length_mm=flutes + 10, shank_diameter_mm=diameter, rpm=3000,
        feed_mm_min=300, plunge_mm_min=300,
    )  # fmt: skip


def nine_holes(depth: float = 10.0) -> dict:
    return {
        "holes": [
            {"faces": [f"Face{n}"], "diameter": float(n), "center": [12.0 * n, 15.0],
             "depth": depth, "through": True}
            for n in range(1, 10)
        ]
    }  # fmt: skip


def plan(tools, operations) -> CamPlan:
    return CamPlan("linuxcnc", stock_around([0, 0, 0], [120, 30, 10]), tools, operations)


def test_each_hole_no_drill_fits_is_named_with_the_drills_there_are():
    said = not_machined(plan([drill(1, 6.0)], [Operation("drilling", 1)]), nine_holes())
    # a Ø6 drill drills the Ø6 and Ø7 holes (up to 1 mm over, the adapter's rule): the
    # Ø7 one is said to come out undersize
    listed = [line for line in said if line.startswith("NOT MACHINED")]
    assert len(listed) == 7
    assert [line for line in said if line not in listed] == [
        "UNDERSIZE: hole Ø7 mm at X84.000 Y15.000 is drilled Ø6 mm by T1, 1 mm under: its "
        "wall stays on the part (the simulation against the design will find it); mill it "
        "helically or use a drill of its size."
    ]
    # a Ø7 drill after the Ø6 takes it to size; a Ø6.98 one leaves less than the check sees
    for last, undersize in ((7.0, 0), (6.98, 0), (6.9, 1)):
        tools = [drill(1, 6.0), drill(2, last)]
        said = not_machined(plan(tools, [Operation("drilling", 1), Operation("drilling", 2)]),
                            nine_holes())  # fmt: skip
        assert sum(line.startswith("UNDERSIZE: hole Ø7 mm") for line in said) == undersize
    assert listed[0] == (
        "NOT MACHINED: hole Ø1 mm at X12.000 Y15.000: no drill of its size in the plan "
        "(drills: Ø6 mm)."
    )
    assert [line.split(" at ")[0] for line in listed] == [
        f"NOT MACHINED: hole Ø{n} mm" for n in (1, 2, 3, 4, 5, 8, 9)
    ]


def test_several_drills_and_the_reasons_each_hole_is_left():
    tools = [drill(1, 6.0), drill(2, 3.0, flutes=8.0), drill(3, 9.0)]
    ops = [Operation("drilling", 1), Operation("drilling", 2), Operation("drilling", 3)]
    listed = [line for line in not_machined(plan(tools, ops), nine_holes())
              if line.startswith("NOT MACHINED")]  # fmt: skip
    # Ø6 and Ø7 by T1, Ø9 by T3; T2 fits Ø3 and Ø4 but is too short for them
    assert [line.split(" at ")[0].removeprefix("NOT MACHINED: hole ") for line in listed] == [
        "Ø1 mm", "Ø2 mm", "Ø3 mm", "Ø4 mm", "Ø5 mm", "Ø8 mm",
    ]  # fmt: skip
    assert listed[2].endswith("T2's 8 mm flutes are shorter than the hole is deep (10 mm).")
    assert listed[4].endswith("no drill of its size in the plan (drills: Ø3, Ø6, Ø9 mm).")
    none = not_machined(plan(tools, [Operation("pocket", 1)]), nine_holes())
    assert len(none) == 9 and none[0].endswith("the plan has no drilling operation.")
    assert not_machined(plan(tools, ops), {"holes": []}) == []


@pytest.mark.freecad  # FreeCAD CAM's ops: run on every version of the matrix
def test_the_nine_hole_plate_gets_its_holes_or_the_list_of_those_it_does_not(tmp_path):
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    from cncworkbench.services.machining import cam

    run_freecadcmd("nine_holes.py", tmp_path, {"CNC_TEST_PARTS": str(tmp_path)})
    tools = [drill(1, 6.0), drill(2, 3.0)]
    p = dataclasses.replace(
        plan(tools, [Operation("drilling", 1), Operation("drilling", 2)]),
        machine={"name": "Mill", "envelope_mm": [500, 400, 300], "tool_capacity": 10},
    )
    result = cam.run_plan_on_file(tmp_path / "nine_holes.step", "STEP", p)
    found = sorted(hole["diameter"] for hole in result.features["holes"])
    assert found == pytest.approx([1, 2, 3, 4, 5, 6, 7, 8, 9])
    listed = [w for w in result.warnings if w.startswith("NOT MACHINED")]
    # drilled: Ø3 and Ø4 (T2), Ø6 and Ø7 (T1); the other five are named
    assert [w.split(" at ")[0].removeprefix("NOT MACHINED: hole ") for w in listed] == [
        "Ø1 mm", "Ø2 mm", "Ø5 mm", "Ø8 mm", "Ø9 mm",
    ]  # fmt: skip
    assert "G81" in result.gcode or "G83" in result.gcode


def mill(number: int, diameter: float) -> ToolSpec:
    return dataclasses.replace(drill(number, diameter), type="flat_endmill",
                               name=f"{diameter} mm end mill")  # fmt: skip


POCKETS = {
    "pockets": [
        {"floor_faces": ["Face7"], "size": [30.0, 20.0], "depth": 4.0, "min_width": 20.0},
        {"floor_faces": ["Face9"], "size": [8.0, 5.0], "depth": 2.0, "min_width": 5.0},
    ],
    "through_cuts": [{"faces": ["Face5"], "center": [75.0, 20.0], "size": [30.0, 30.0],
                      "depth": 10.0, "min_width": 8.0}],
}  # fmt: skip


def test_pockets_and_through_cuts_no_operation_machines_are_listed_with_the_reason():
    tools = [mill(1, 10.0), mill(2, 4.0)]
    # no clearing operation: both pockets are named, and the through-cut no Ø10 goes round
    listed = pockets_not_machined(plan(tools, [Operation("profile", 1)]), POCKETS)
    assert listed == [
        "NOT MACHINED: pocket 30 × 20 mm, 4 mm deep (Face7): the plan has no pocket or "
        "adaptive operation.",
        "NOT MACHINED: pocket 8 × 5 mm, 2 mm deep (Face9): the plan has no pocket or "
        "adaptive operation.",
        "NOT MACHINED: through-cut 30 × 30 mm at X75.000 Y20.000: the profile's end mills "
        "(T1 Ø10 mm) do not fit it (the widest that goes round its inside is Ø8 mm).",
    ]
    # a Ø4 profile goes round it (the first that fits: not the Ø10 before it) if its
    # flutes reach the bottom
    ops = [Operation("profile", 1), Operation("profile", 2)]
    assert len(pockets_not_machined(plan(tools, ops), POCKETS)) == 2
    short = [tools[0], dataclasses.replace(tools[1], flute_length_mm=8.0)]
    assert pockets_not_machined(plan(short, ops), POCKETS)[2].endswith(
        ": T2's 8 mm flutes are shorter than it is deep (10 mm)."
    )
    # a Ø10 pocket operation clears the wide pocket, not the 5 mm one
    listed = pockets_not_machined(plan(tools, [Operation("pocket", 1)]), POCKETS)
    assert listed[0] == (
        "NOT MACHINED: pocket 8 × 5 mm, 2 mm deep (Face9): T1 (Ø10 mm) is wider than the "
        "pocket (5 mm)."
    )
    assert len(listed) == 2 and listed[1].startswith("NOT MACHINED: through-cut")
    # ... and a Ø4 adaptive on that floor takes it; a pocket op on another floor does not
    ops = [Operation("pocket", 1), Operation("adaptive", 2, faces=["Face9"])]
    assert len(pockets_not_machined(plan(tools, ops), POCKETS)) == 1
    named = pockets_not_machined(plan(tools, [Operation("pocket", 2, faces=["Face9"])]), POCKETS)
    assert named[0].endswith("(Face7): no pocket operation names its floor.")


@pytest.mark.freecad  # FreeCAD CAM's ops: run on every version of the matrix
def test_a_plate_with_a_pocket_and_a_triangular_through_cut_lists_what_is_not_machined(
    tmp_path,
):
    """The part FreeCAD makes: the through-cut is found (not taken for a hole or a
    pocket), and a profile-only plan names the pocket and the through-cut."""
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    from cncworkbench.services.machining import cam

    run_freecadcmd("nine_holes.py", tmp_path, {"CNC_TEST_PARTS": str(tmp_path)})
    features = cam.features_of_file(tmp_path / "cutouts.step", "STEP")
    assert features["holes"] == []
    assert [p["size"] for p in features["pockets"]] == [[30.0, 20.0]]
    [cut] = features["through_cuts"]
    assert cut["size"] == [30.0, 30.0] and cut["depth"] == 10.0
    assert cut["area_mm2"] == pytest.approx(30 * 30 / 2)
    assert 60 < cut["center"][0] < 90 and 10 < cut["center"][1] < 40
    assert cut["min_width"] == pytest.approx(18.54, abs=0.02)  # the inscribed circle's
    # a Ø10 profile goes round it; a Ø20 one does not fit, and says how wide may
    listed = pockets_not_machined(plan([mill(1, 10.0)], [Operation("profile", 1)]), features)
    assert [line.split(" mm")[0] for line in listed] == ["NOT MACHINED: pocket 30 × 20"]
    listed = pockets_not_machined(plan([mill(1, 20.0)], [Operation("profile", 1)]), features)
    assert listed[1] == (
        "NOT MACHINED: through-cut 30 × 30 mm at X{x:.3f} Y{y:.3f}: the profile's end mills "
        "(T1 Ø20 mm) do not fit it (the widest that goes round its inside is Ø18.54 mm)."
    ).format(x=cut["center"][0], y=cut["center"][1])
    assert pockets_not_machined(plan([mill(1, 10.0)], [Operation("pocket", 1)]), features)[
        0
    ].endswith("no profile operation contours the whole part (one naming no faces).")


def against_the_design(step, p: CamPlan, result, resolution_mm: float) -> list:
    """The findings of ``result``'s program simulated on ``p``'s stock and compared with
    the STEP design."""
    from cncworkbench.cam.design import design_triangles
    from cncworkbench.core import simulation, verification
    from cncworkbench.services.machining import cam

    shapes = {t.number: cam.tool_shape(dataclasses.asdict(t)) for t in p.tools}
    done = simulation.simulate(result.program, tuple(p.stock.min), tuple(p.stock.max), shapes,
                               resolution_mm=resolution_mm)  # fmt: skip
    design = verification.design_field(design_triangles(step, "STEP"), done.grid)
    return verification.compare(done, design, result.program, shapes).findings


TRIANGLE = [(60.0, 10.0), (90.0, 10.0), (75.0, 40.0)]


def _in_triangle(x: float, y: float, margin: float = 0.0) -> bool:
    """Inside the cutouts plate's triangular through-cut, ``margin`` mm from its sides."""
    (ax, ay), (bx, by), (cx, cy) = TRIANGLE
    sides = [((ax, ay), (bx, by)), ((bx, by), (cx, cy)), ((cx, cy), (ax, ay))]
    for (px, py), (qx, qy) in sides:  # counter-clockwise: inside is on the left
        length = ((qx - px) ** 2 + (qy - py) ** 2) ** 0.5
        if ((qx - px) * (y - py) - (qy - py) * (x - px)) / length < margin:
            return False
    return True


@pytest.mark.freecad  # FreeCAD CAM's ops: run on every version of the matrix
def test_the_profile_contours_the_through_cut_from_inside_down_to_the_bottom(tmp_path):
    """The cutouts plate, profiled with a Ø10 end mill and its pocket cleared with a Ø6:
    the profile also goes round the triangular through-cut, to the bottom of the part;
    simulated against the design, nothing is gouged and the material left in the cut is
    only in its three corners, which no round cutter reaches."""
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    from cncworkbench.services.machining import cam

    run_freecadcmd("nine_holes.py", tmp_path, {"CNC_TEST_PARTS": str(tmp_path)})
    step = tmp_path / "cutouts.step"
    tools = [mill(1, 10.0), mill(2, 6.0)]
    ops = [Operation("profile", 1, stepdown_mm=5.0), Operation("pocket", 2, stepdown_mm=2.0)]
    p = CamPlan(
        "linuxcnc", stock_around([0, 0, 0], [100, 60, 10]), tools, ops,
        machine={"name": "Mill", "envelope_mm": [500, 400, 300], "tool_capacity": 10},
    )  # fmt: skip
    result = cam.run_plan_on_file(step, "STEP", p)
    assert not [w for w in result.warnings if w.startswith("NOT MACHINED")], result.warnings
    feeds = [m for m in result.program.motions if m.kind != "rapid" and m.tool == 1]
    inside = [m for m in feeds if _in_triangle(*m.end[:2], margin=4.0)]
    assert inside, "no feed of T1 inside the through-cut"
    assert min(m.end[2] for m in inside) <= 0.0 + 1e-6  # through: down to the bottom
    findings = against_the_design(step, p, result, resolution_mm=0.2)
    assert not [f for f in findings if f.kind == "gouge"], findings
    in_cut = [f for f in findings if f.kind == "leftover" and _in_triangle(f.x, f.y)]
    far_from_corners = [
        f for f in in_cut
        if min(((f.x - vx) ** 2 + (f.y - vy) ** 2) ** 0.5 for vx, vy in TRIANGLE) > 8.0
    ]  # fmt: skip
    assert far_from_corners == [], far_from_corners


@pytest.mark.freecad  # FreeCAD CAM's ops: run on every version of the matrix
def test_holes_without_a_drill_are_milled_helically_when_an_end_mill_fits(tmp_path):
    """The nine-hole plate with Ø6 and Ø3 drills and a Ø4 end mill: the drills take Ø3,
    Ø4, Ø6, Ø7; FreeCAD CAM's Helix op mills Ø5, Ø8 and Ø9 with the end mill (G2/G3 with
    Z), and Ø7 to size after the Ø6 drill; only Ø1 and Ø2 are listed, and Ø4 (drilled Ø3,
    no end mill fits it) is said to be undersize. Simulated against the design, the
    milled holes are neither gouged nor left with material."""
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    from cncworkbench.services.machining import cam

    run_freecadcmd("nine_holes.py", tmp_path, {"CNC_TEST_PARTS": str(tmp_path)})
    tools = [drill(1, 6.0), drill(2, 3.0), mill(3, 4.0)]
    ops = [Operation("drilling", 1), Operation("drilling", 2),
           Operation("helix", 3, stepdown_mm=0.6, stepover_percent=40)]  # fmt: skip
    p = dataclasses.replace(
        plan(tools, ops),
        machine={"name": "Mill", "envelope_mm": [500, 400, 300], "tool_capacity": 10},
    )
    step = tmp_path / "nine_holes.step"
    result = cam.run_plan_on_file(step, "STEP", p)
    listed = [w for w in result.warnings if w.startswith("NOT MACHINED")]
    assert [w.split(" at ")[0].removeprefix("NOT MACHINED: hole ") for w in listed] == [
        "Ø1 mm", "Ø2 mm",
    ]  # fmt: skip
    undersize = [w.split(" at ")[0] for w in result.warnings if w.startswith("UNDERSIZE")]
    assert undersize == ["UNDERSIZE: hole Ø4 mm"]
    assert listed[0].endswith(
        "no drill of its size, and the helical milling end mills (T3 Ø4 mm) do not fit it "
        "(narrower than the hole, flutes as long as it is deep)."
    )
    helical = [m for m in result.program.motions if m.kind == "arc" and m.tool == 3]
    centres = {round(m.start[0] / 12) for m in helical}
    assert centres == {5, 7, 8, 9}  # the holes at X60, X84, X96, X108
    assert any(m.start[2] != m.end[2] for m in helical)  # helices, not flat circles
    findings = against_the_design(step, p, result, resolution_mm=0.1)
    assert not [f for f in findings if f.kind == "gouge"], findings
    near = [f for f in findings if f.kind == "leftover"
            and min(abs(f.x - 12 * n) for n in (5, 7, 8, 9)) < 5]  # fmt: skip
    assert near == []


def test_a_repeated_operation_is_left_out_so_no_hole_is_drilled_twice():
    from cncworkbench.core.cam_coverage import without_repeats

    ops = [Operation("drilling", 1), Operation("drilling", 1, name="Drilling again"),
           Operation("drilling", 2), Operation("drilling", 1), Operation("pocket", 1)]  # fmt: skip
    kept, notes = without_repeats(ops)
    assert kept == [ops[0], ops[2], ops[4]]
    assert notes == [
        "Drilling again repeats operation 1 (same tool, features and cutting data): left "
        "out, so nothing is machined twice.",
        "Drilling repeats operation 1 (same tool, features and cutting data): left out, so "
        "nothing is machined twice.",
    ]
    # the same tool on other faces, or deeper, is other work
    other = [Operation("drilling", 1), Operation("drilling", 1, faces=["Face9"]),
             Operation("drilling", 1, final_depth_mm=-5.0)]  # fmt: skip
    assert without_repeats(other) == (other, [])
