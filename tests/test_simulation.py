"""The stock-removal simulation: volumes against hand-computed solids, each collision and
limit rule on a program that breaks it and a similar one that does not, and the
``cncworkbench simulate`` command."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from click.testing import CliRunner

from cncworkbench.cli import main
from cncworkbench.core import localefmt
from cncworkbench.core.gcode import interpret
from cncworkbench.core.simulation import (
    Fixture,
    MachineLimits,
    SimulationError,
    ToolShape,
    finding_message,
    simulate,
)

FLAT6 = ToolShape(1, 6.0, 20.0)
START = "G21 G90 G17\nT1 M6\nS8000 M3\nG0 Z50\n"


def run(body: str, stock_min=(0, 0, -20), stock_max=(60, 40, 0), tools=None, **kwargs):
    program = interpret(START + body + "\nM30\n")
    return simulate(program, stock_min, stock_max, tools or {1: FLAT6}, **kwargs)


def kinds(result) -> list[str]:
    return [f.kind for f in result.findings]


def line_of(body: str, text: str) -> int:
    """The source line of ``text`` in START + body."""
    lines = (START + body).splitlines()
    return lines.index(text) + 1


def within_one_percent(result, exact: float) -> None:
    error_percent = abs(result.removed_volume_mm3 - exact) / exact * 100
    assert error_percent < 1.0, (result.removed_volume_mm3, exact)
    # the reported accuracy is an honest bound on the error
    assert error_percent <= result.accuracy_percent


# ------------------------------------------------------------------------------ volumes
def pocket_program() -> str:
    """40 × 20 × 5 pocket at X10–50 Y10–30, 6 mm end mill: the centre fills X13–47
    Y13–27 (zig-zag at 2 mm stepover, then a contour), so the pocket is the rectangle with
    radius-3 corners, exactly."""
    lines = ["G0 Z5", "G0 X13 Y13", "G1 Z-5 F300"]
    y, forward = 13, True
    while y <= 27:
        lines.append(f"G1 X{47 if forward else 13} Y{y} F1000")
        if y + 2 <= 27:
            lines.append(f"G1 Y{y + 2}")
        y, forward = y + 2, not forward
    lines += ["G1 X13 Y13", "G1 X47", "G1 Y27", "G1 X13", "G1 Y13", "G0 Z5"]
    return "\n".join(lines)


def test_a_pocket_with_a_flat_end_mill_removes_the_rectangle_minus_its_corner_fillets():
    result = run(pocket_program(), resolution_mm=0.05)
    # (40·20 − (4 − π)·3²) · 5 = (800 − 7.7256) · 5 = 3961.37 mm³
    within_one_percent(result, (40 * 20 - (4 - math.pi) * 3**2) * 5)
    assert result.findings == []
    xs, ys = result.grid.centres()
    floor = result.heights[np.ix_((ys > 12) & (ys < 28), (xs > 12) & (xs < 48))]
    assert np.all(floor == -5.0)
    outside = result.heights[:, (xs < 9.9) | (xs > 50.1)]
    assert np.all(outside == 0.0)
    assert result.stock_volume_mm3 == 60 * 40 * 20


def test_a_slot_is_length_times_width_plus_two_half_discs_times_depth():
    body = "G0 Z5\nG0 X10 Y20\nG1 Z-4 F200\nG1 X40 F800\nG0 Z5"
    result = run(body, resolution_mm=0.05)
    # (30·6 + π·3²) · 4 = (180 + 28.274) · 4 = 833.10 mm³
    within_one_percent(result, (30 * 6 + math.pi * 3**2) * 4)
    # G0 Z50 (START), G0 Z5, G0 X10 Y20 in the air; the plunge and the pass cut
    assert result.move_classes == ["air", "air", "air", "cut", "cut", "air"]


def test_a_drilled_hole_is_a_cylinder_with_a_118_degree_cone_tip():
    body = "G0 X10 Y10 Z5\nG81 X10 Y10 Z-10 R2 F100\nG80"
    drill = ToolShape(1, 8.0, 40.0, "drill")
    result = run(body, (0, 0, -20), (20, 20, 0), {1: drill}, resolution_mm=0.02)
    # tip height 4 / tan 59° = 2.4034; π·4²·(10 − 2.4034) + π·4²·2.4034/3 = 422.11 mm³
    tip = 4 / math.tan(math.radians(59))
    within_one_percent(result, math.pi * 16 * (10 - tip) + math.pi * 16 * tip / 3)
    assert result.heights.min() == pytest.approx(-10.0, abs=0.02)


def test_a_ball_end_slot_at_its_radius_is_a_half_cylinder_with_a_half_sphere():
    body = "G0 Z5\nG0 X10 Y20\nG1 Z-3 F200\nG1 X40 F800\nG0 Z5"
    ball = ToolShape(1, 6.0, 20.0, "ball")
    result = run(body, tools={1: ball}, resolution_mm=0.05)
    # 30 · π·3²/2 + (2/3)·π·3³ = 424.12 + 56.55 = 480.66 mm³
    within_one_percent(result, 30 * math.pi * 9 / 2 + 2 / 3 * math.pi * 27)


def test_a_bull_nose_slot_loses_its_corner_fillets():
    body = "G0 Z5\nG0 X10 Y20\nG1 Z-4 F200\nG1 X30 F800\nG0 Z5"
    bull = ToolShape(1, 10.0, 20.0, "bull", corner_radius_mm=1.0)
    result = run(body, tools={1: bull}, resolution_mm=0.05)
    # each corner loses A = r²(1 − π/4) = 0.21460 mm² whose centroid is
    # 4 + 1/(6(1 − π/4)) = 4.77663 mm from the axis (Pappus for the end caps):
    # 20 · (10·4 − 2A) + π·5²·4 − 2π·4.77663·A = 791.42 + 314.16 − 6.44 = 1099.13 mm³
    corner = 1 - math.pi / 4
    centroid = 4 + 1 / (6 * corner)
    exact = 20 * (40 - 2 * corner) + math.pi * 25 * 4 - 2 * math.pi * centroid * corner
    within_one_percent(result, exact)


def test_a_chamfer_mill_cuts_a_v_groove_with_cone_ends():
    body = "G0 Z5\nG0 X10 Y20\nG1 Z-2 F200\nG1 X30 F800\nG0 Z5"
    chamfer = ToolShape(1, 10.0, 8.0, "chamfer", tip_angle_deg=90.0)
    result = run(body, tools={1: chamfer}, resolution_mm=0.05)
    # 90°: as deep as wide from the axis; 20 · 2² + π·2²·2/3 = 80 + 8.378 = 88.38 mm³
    within_one_percent(result, 20 * 4 + math.pi * 4 * 2 / 3)


def test_a_ramp_with_a_flat_end_mill_cuts_each_cell_where_the_tool_leaves_it():
    body = "G0 X10 Y20 Z5\nG1 Z0 F200\nG1 X40 Z-3 F800\nG0 Z5"
    result = run(body, resolution_mm=0.05)
    # 3 mm down over 30 mm; a strip at h from the path, w = √(9 − h²) wide, is cut to
    # (x + w)/10 up to the bottom: ∫ (30²/2 + 60w)/10 dh = 6·45 + 6·(9π/2) = 354.82 mm³
    within_one_percent(result, 270 + 6 * 9 * math.pi / 2)


def test_a_helical_ramp_and_a_cut_through_the_bottom_stay_inside_the_stock():
    # a helix of radius 5 down to Z-12 through a 10 mm stock: the 6 mm tool cuts a ring
    # from radius 2 to 8 all the way down: π·(8² − 2²)·10 = 1884.96 mm³
    body = "G0 X30 Y20 Z5\nG1 Z0 F300\n" + "\n".join(
        f"G2 X30 Y20 I-5 J0 Z{-2 * k} F600" for k in range(1, 7)
    )
    result = run(body, (0, 0, -10), (50, 40, 0), resolution_mm=0.05)
    within_one_percent(result, math.pi * (8**2 - 2**2) * 10)
    assert result.heights.min() == -10.0
    assert result.findings == []


# ------------------------------------------------------------------------------- rules
def test_a_rapid_through_the_stock_is_an_error_and_one_above_it_is_not():
    body = "G0 X-10 Y20 Z-2\nG0 X30\nG0 Z5"
    result = run(body)
    (finding,) = result.findings
    assert (finding.kind, finding.severity) == ("rapid_into_stock", "error")
    assert finding.line == line_of(body, "G0 X30")
    assert "G0 rapid cuts 2 mm of stock" in finding.message
    # the tool's edge meets the stock's side at X0: the tool is at X−3
    assert (finding.x, finding.y, finding.z) == pytest.approx((-3, 20, -2), abs=0.3)
    assert run("G0 X-10 Y20 Z2\nG0 X30\nG0 Z5").findings == []


def test_a_rapid_problem_is_reported_once_per_run_of_moves():
    body = "G0 X-10 Y20 Z-2\nG0 X30\nG0 Y25\nG0 Z5\nG0 X50 Y5\nG0 Z-1\nG0 Z5"
    found = run(body).findings
    # G0 X30 and G0 Y25 cut one after the other: one finding; G0 Z-1 after air moves: another
    assert [(f.kind, f.line) for f in found] == [
        ("rapid_into_stock", line_of(body, "G0 X30")),
        ("rapid_into_stock", line_of(body, "G0 Z-1")),
    ]


def test_a_rapid_plunge_is_placed_where_it_meets_the_stock():
    (plunge,) = run("G0 X30 Y20 Z5\nG0 Z-1\nG0 Z5").findings
    assert (plunge.kind, plunge.x, plunge.y, plunge.z) == ("rapid_into_stock", 30, 20, 0)
    assert "G0 rapid cuts 1 mm of stock" in plunge.message


def test_a_problem_along_an_arc_is_one_finding_not_one_per_segment():
    helix = "M5\nG0 X30 Y20 Z5\nG1 Z0 F300\nG2 X30 Y20 Z-1 I-5 J0 F600\nG0 Z5"
    assert [(f.kind, f.line) for f in run(helix).findings] == [
        ("spindle_off_cut", line_of(helix, "G2 X30 Y20 Z-1 I-5 J0 F600"))
    ]
    assert run(helix.replace("M5", "M3")).findings == []


def test_a_non_centre_cutting_tool_may_not_plunge_into_material():
    noncenter = ToolShape(1, 6.0, 20.0, center_cutting=False)
    plunge = "G0 X30 Y20 Z5\nG1 Z-3 F200\nG1 X40 F800\nG0 Z5"
    (finding,) = run(plunge, tools={1: noncenter}).findings
    assert (finding.kind, finding.severity) == ("non_center_cutting_plunge", "error")
    assert finding.line == line_of(plunge, "G1 Z-3 F200")
    assert "descends 3 mm into material under its centre" in finding.message
    # entering from the side at depth is what such a tool can do
    side = "G0 X-10 Y20 Z5\nG0 Z-3\nG1 X40 F800\nG0 Z5"
    assert run(side, tools={1: noncenter}).findings == []
    # and a centre-cutting end mill may plunge
    assert run(plunge).findings == []


def test_a_pass_deeper_than_the_flutes_rubs_the_shank():
    short = ToolShape(1, 6.0, 10.0)
    deep = "G0 X-10 Y20 Z5\nG0 Z-12\nG1 X30 F800\nG0 Z5"
    (finding,) = run(deep, tools={1: short}).findings
    assert (finding.kind, finding.severity) == ("shank_collision", "error")
    assert finding.line == line_of(deep, "G1 X30 F800")
    # the stock top Z0 stands 12 − 10 = 2 mm above the flutes
    assert "the material stands 2 mm above the 10 mm flutes" in finding.message
    # two 6 mm steps: each pass within the flutes, and the slot walls are outside the shank
    steps = "G0 X-10 Y20 Z5\nG0 Z-6\nG1 X30 F800\nG1 X-10\nG0 Z-12\nG1 X30\nG0 Z5"
    assert run(steps, tools={1: short}).findings == []


def test_a_wider_shank_rubs_the_walls_of_a_slot_cut_by_a_wider_tool():
    tools = {1: ToolShape(1, 6.0, 30.0), 2: ToolShape(2, 3.0, 5.0, shank_diameter_mm=6.0)}
    body = (
        "G0 X-10 Y20 Z5\nG0 Z-10\nG1 X30 F800\nG0 Z5\n"
        "T2 M6\nS10000 M3\nG0 X-10 Y20.5\nG0 Z-10\nG1 X30 F400\nG0 Z5"
    )
    found = run(body, tools=tools).findings
    assert [(f.kind, f.line) for f in found] == [("shank_collision", line_of(body, "G1 X30 F400"))]
    # 1.5 mm of shank beyond the cutter reaches into the wall, 10 − 5 = 5 mm above the flutes
    assert "5 mm above the 5 mm flutes" in found[0].message
    centred = body.replace("Y20.5", "Y20")
    assert run(centred, tools=tools).findings == []


def test_material_above_the_stick_out_hits_the_holder():
    held = ToolShape(1, 6.0, 30.0, length_mm=20.0, holder_diameter_mm=30.0)
    body = "G0 X30 Y20 Z5\nG1 Z-25 F200\nG0 Z5"
    (finding,) = run(body, tools={1: held}, stock_min=(0, 0, -40)).findings
    assert (finding.kind, finding.severity) == ("holder_collision", "error")
    assert finding.line == line_of(body, "G1 Z-25 F200")
    # tip at Z−25 + 20 mm stick-out: the holder's face is at Z−5, 5 mm below the top
    assert "the material stands 5 mm above the 20 mm stick-out" in finding.message
    assert "30 mm diameter" in finding.message
    longer = ToolShape(1, 6.0, 30.0, length_mm=40.0, holder_diameter_mm=30.0)
    assert run(body, tools={1: longer}, stock_min=(0, 0, -40)).findings == []


def test_the_tool_in_a_fixture_is_a_fixture_collision():
    jaw = Fixture("vise jaw", (-15, 0, -20), (-5, 40, 5))
    body = "G0 X10 Y20 Z2\nG1 X-6 F800\nG0 Z30"
    (finding,) = run(body, fixtures=[jaw]).findings
    assert (finding.kind, finding.severity) == ("fixture_collision", "error")
    assert finding.line == line_of(body, "G1 X-6 F800")
    assert "T1's cutter hits the fixture 'vise jaw'" in finding.message
    # the cutter's edge reaches the jaw's face X−5 when the tool is at X−2
    assert finding.x == pytest.approx(-2.0, abs=1e-6)
    # above the jaw (its top is Z5) the same move is clear; touching its face is too
    assert run(body.replace("Z2", "Z6"), fixtures=[jaw]).findings == []
    assert run(body.replace("X-6", "X-2"), fixtures=[jaw]).findings == []


def test_the_shank_and_the_holder_against_a_fixture():
    clamp = Fixture("strap clamp", (-30, 0, -20), (-20, 10, 15))  # beside the stock
    held = ToolShape(1, 6.0, 10.0, length_mm=25.0, holder_diameter_mm=40.0)
    # the tip down to Z−12 at Y14: the cutter and shank stop at Y11, clear of the clamp's
    # Y10 face, but the 40 mm holder comes down to Z13, below the clamp's top Z15
    body = "G0 X-25 Y14 Z20\nG0 Z-12\nG0 Z20"
    found = run(body, tools={1: held}, fixtures=[clamp]).findings
    assert [(f.kind, f.line) for f in found] == [("holder_collision", line_of(body, "G0 Z-12"))]
    assert "holder hits the fixture 'strap clamp'" in found[0].message
    assert run(body.replace("Z-12", "Z-9"), tools={1: held}, fixtures=[clamp]).findings == []
    # an 8 mm shank at Y13.5 reaches Y9.5, inside the clamp; the 6 mm cutter stops at Y10.5
    slim = ToolShape(1, 6.0, 10.0, shank_diameter_mm=8.0)
    found = run(body.replace("Y14", "Y13.5"), tools={1: slim}, fixtures=[clamp]).findings
    assert [f.kind for f in found] == ["fixture_collision"]
    assert "T1's shank hits the fixture 'strap clamp'" in found[0].message


def test_a_program_longer_than_the_travel_is_an_envelope_error():
    machine = MachineLimits(travel_mm=(100, 100, 100))
    body = "G0 X-10 Y20 Z5\nG0 X60\nG0 X95\nG0 X0"
    (finding,) = run(body, machine=machine).findings
    assert (finding.kind, finding.severity) == ("envelope", "error")
    assert finding.line == line_of(body, "G0 X95")
    # X−10 to X95: 105 mm of travel on a 100 mm axis
    assert "spans 105 mm in X" in finding.message
    assert "100 mm of X travel" in finding.message
    assert run(body.replace("X95", "X85"), machine=machine).findings == []


def test_a_point_outside_the_envelope_box_is_an_envelope_error():
    machine = MachineLimits(envelope_min=(-50, -50, -30), envelope_max=(80, 80, 50))
    body = "G0 X10 Y10 Z5\nG0 X85\nG0 X90\nG0 X10\nG0 Z60"
    found = run(body, machine=machine).findings
    assert [(f.kind, f.line) for f in found] == [
        ("envelope", line_of(body, "G0 X85")),
        ("envelope", line_of(body, "G0 Z60")),
    ]
    assert "X85.000 is 5 mm beyond the machine's envelope (X max 80)" in found[0].message
    assert run("G0 X10 Y10 Z5\nG0 X80", machine=machine).findings == []


def test_a_feed_above_the_machine_maximum_is_a_warning_once_per_run():
    machine = MachineLimits(max_feed_mm_min=2000)
    body = "G0 X-10 Y20 Z-1\nG1 X10 F3000\nG0 Z5\nG0 X-10\nG0 Z-1\nG1 X70\nG1 X-10 F1500"
    (finding,) = run(body, machine=machine).findings
    assert (finding.kind, finding.severity) == ("feed_limit", "warning")
    assert finding.line == line_of(body, "G1 X10 F3000")
    assert "F3000 mm/min is above the machine's 2000 mm/min maximum" in finding.message
    assert run(body, machine=machine).errors == []
    assert run(body.replace("F3000", "F2000"), machine=machine).findings == []


def test_a_spindle_speed_above_the_machine_maximum_is_an_error():
    machine = MachineLimits(max_rpm=10000)
    body = "S12000 M3\nG0 X-10 Y20 Z-1\nG1 X10 F800\nG0 Z5"
    (finding,) = run(body, machine=machine).findings
    assert (finding.kind, finding.severity) == ("rpm_limit", "error")
    assert finding.line == line_of(body, "G0 X-10 Y20 Z-1")
    assert "S12000 is above the machine's 10000 rpm maximum" in finding.message
    assert run(body.replace("S12000", "S9000"), machine=machine).findings == []


def test_cutting_with_the_spindle_off_is_an_error():
    body = "M5\nG0 X-10 Y20 Z-1\nG1 X10 F800\nG0 Z5"
    (finding,) = run(body).findings
    assert (finding.kind, finding.severity) == ("spindle_off_cut", "error")
    assert finding.line == line_of(body, "G1 X10 F800")
    assert "cuts 1 mm of stock with the spindle off" in finding.message
    # moving in the air with the spindle off is fine
    assert run(body.replace("Z-1", "Z1")).findings == []


def test_findings_carry_the_motion_index_and_json_ready_fields():
    result = run("G0 X-10 Y20 Z-2\nG0 X30\nG0 Z5")
    (finding,) = result.findings
    data = result.as_dict()
    keys = {"kind", "severity", "line", "x", "y", "z", "message", "text"}
    assert set(data["findings"][0]) == keys
    assert finding.motion == 2  # G0 Z50, G0 X-10 Y20 Z-2, G0 X30
    stored = json.loads(json.dumps(data))
    assert stored["errors"] == 1


def test_a_stored_finding_reads_in_the_reviewers_language():
    """The worker ran for an English speaker; a Turkish operator reviews the same run."""
    with localefmt.speaking("en"):
        stored = json.loads(json.dumps(run("G0 X-10 Y20 Z-2.5\nG0 X30\nG0 Z5").as_dict()))
    (finding,) = stored["findings"]
    assert finding["message"].startswith("G0 rapid cuts 2.5 mm of stock near X")
    at = finding["message"].split(" near ")[1].split(":")[0]  # "X-2.872 Y20.000 Z-2.500"
    turkish = finding_message(finding, "tr")
    assert "2,5 mm" in turkish and at in turkish  # G-code words stay as written
    assert "G0 hızlı hareket" in turkish and "ham parça" in turkish
    assert finding_message(finding, "en") == finding["message"]
    # a run stored before findings kept their text: its English sentence is shown
    old = {k: v for k, v in finding.items() if k != "text"}
    assert finding_message(old, "tr") == finding["message"]


# ------------------------------------------------------------------------ tools, grid
def test_a_tool_missing_from_the_list_is_an_error_naming_the_line():
    tools = {1: FLAT6, 2: ToolShape(2, 3.0, 10.0)}
    with pytest.raises(SimulationError, match=r"^line 7: tool T3 is not in the tool list$"):
        run("G0 X1\nT3 M6\nG0 X2", tools=tools)
    with pytest.raises(SimulationError, match=r"^line 1: no tool is loaded"):
        simulate(interpret("G0 X1\nM30"), (0, 0, 0), (10, 10, 10), tools)
    # one tool given, another called: refused (its shape would hide collisions)
    with pytest.raises(SimulationError, match=r"^line 3: tool T7 is not in the tool list$"):
        simulate(interpret("T7 M6\nM3 S1000\nG1 Z-1 F100\nM30"), (-5, -5, -5), (5, 5, 0),
                 {1: FLAT6}, resolution_mm=0.1)  # fmt: skip
    # one tool given and none called (no M6): it is the tool in the spindle
    result = simulate(interpret("M3 S1000\nG1 Z-1 F100\nM30"), (-5, -5, -5), (5, 5, 0),
                      {1: FLAT6}, resolution_mm=0.1)  # fmt: skip
    assert result.move_classes == ["cut"]


def test_the_default_cell_size_follows_the_smallest_tool_and_the_memory_budget():
    program = interpret("G0 X1\nM30")
    result = simulate(program, (0, 0, 0), (100, 50, 10), {1: FLAT6})
    # 6 mm / 24 = 0.25 mm
    assert result.grid.cell_mm == 0.25
    assert result.grid.shape == (200, 400)
    assert result.grid.origin == (0.125, 0.125)
    assert result.heights.dtype == np.float32
    coarse = simulate(program, (0, 0, 0), (1000, 1000, 10), {1: FLAT6}, memory_budget_mb=4)
    # 4 MB at 4 bytes a cell: 1e6 cells, 1 mm cells on 1000 × 1000 mm
    assert coarse.grid.cell_mm == 1.0
    with pytest.raises(SimulationError, match="need 16 MB, more than the 4 MB budget"):
        simulate(program, (0, 0, 0), (200, 200, 10), {1: FLAT6}, resolution_mm=0.1,
                 memory_budget_mb=4)  # fmt: skip


def test_a_stock_that_is_not_a_whole_number_of_cells_keeps_its_volume():
    body = "G0 X-10 Y5 Z-1\nG1 X20 F800\nG0 Z5"
    result = run(body, (0, 0, -5), (10.3, 10.3, 0), resolution_mm=0.25)
    # the slot crosses the 10.3 mm stock: 10.3 · 6 · 1 = 61.8 mm³
    assert result.grid.shape == (42, 42)
    within_one_percent(result, 10.3 * 6 * 1)
    assert result.stock_volume_mm3 == pytest.approx(10.3 * 10.3 * 5)


def test_snapshots_and_progress():
    seen = []
    result = run(pocket_program(), resolution_mm=0.5, snapshots=3, progress=seen.append)
    assert len(result.snapshots) == 3
    assert np.array_equal(result.snapshots[-1], result.heights)
    removed = [float((0 - s).sum()) for s in result.snapshots]
    assert removed == sorted(removed) and removed[0] > 0
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


# ----------------------------------------------------------------------------------- CLI
def write(tmp_path, body: str):
    path = tmp_path / "p.ngc"
    path.write_text(START + body + "\nM30\n")
    return str(path)


STOCK = ["--stock", "60", "40", "20", "--origin", "0", "0", "-20"]


def test_cli_json_reports_volume_time_and_findings(tmp_path):
    path = write(tmp_path, "G0 X10 Y20 Z5\nG1 Z-4 F200\nG1 X40 F800\nG0 Z5")
    args = ["simulate", path, *STOCK, "--tool", "1:6:20:flat", "--resolution", "0.1", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # (30·6 + π·3²) · 4 = 833.10 mm³
    assert data["removed_volume_mm3"] == pytest.approx(833.10, rel=0.01)
    # feeds: 9 mm at 200 mm/min + 30 mm at 800 mm/min = 2.7 + 2.25 s; rapids at 5000
    # mm/min: Z0→50, then √(10² + 20² + 45²) = 50.25, then 9: 109.25 mm = 1.311 s;
    # one tool change: 8 s
    assert data["machining_time_s"] == pytest.approx(2.7 + 2.25 + 1.311 + 8, abs=0.01)
    assert data["findings"] == []
    assert data["resolution_mm"] == 0.1


def test_cli_exits_1_on_errors_and_prints_one_line_per_finding(tmp_path):
    path = write(tmp_path, "G0 X-10 Y20 Z-2\nG0 X30\nG0 Z5")
    result = CliRunner().invoke(main, ["simulate", path, *STOCK, "--tool", "1:6:20:flat"])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("stock 60 × 40 × 20 mm from X0 Y0 Z-20; 0.25 mm cells (240 × 160)")
    assert lines[-1].startswith("ERROR   line 6: rapid_into_stock: G0 rapid cuts 2 mm")
    data = json.loads(
        CliRunner()
        .invoke(main, ["simulate", path, *STOCK, "--tool", "1:6:20:flat", "--json"])
        .stdout
    )
    assert [(f["kind"], f["severity"], f["line"]) for f in data["findings"]] == [
        ("rapid_into_stock", "error", 6)
    ]


def test_cli_tool_options(tmp_path):
    path = write(tmp_path, "G0 X30 Y20 Z5\nG1 Z-3 F200\nG0 Z5")
    args = ["simulate", path, *STOCK, "--json", "--tool"]
    result = CliRunner().invoke(main, [*args, "1:6:20:flat:noncenter"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"][0]["kind"] == "non_center_cutting_plunge"
    result = CliRunner().invoke(main, [*args, "1:6:20:bull:r=1:shank=6:length=30:holder=40x60"])
    assert result.exit_code == 0, result.output
    chamfer = CliRunner().invoke(main, [*args, "1:10:5:chamfer", "--resolution", "0.05"])
    # a 90° chamfer mill plunged 3 mm: a cone of radius 3 and height 3, π·9·3/3 = 28.27 mm³
    assert json.loads(chamfer.stdout)["removed_volume_mm3"] == pytest.approx(28.27, rel=0.01)


def test_cli_exits_2_for_unreadable_input(tmp_path):
    bad = tmp_path / "bad.ngc"
    bad.write_text("G21\nG0 X1\nG1 X1.2.3 F100\n")
    result = CliRunner().invoke(main, ["simulate", str(bad), *STOCK, "--tool", "1:6:20:flat"])
    assert result.exit_code == 2
    assert "error: line 3: bad number X1.2.3" in result.stderr
    good = write(tmp_path, "G0 X1")
    for tool, message in (
        ("1:6:20", "give N:DIAMETER:FLUTE_LENGTH:SHAPE"),
        ("1:6:20:square", "the shape must be one of flat, ball, bull, drill, chamfer"),
        ("1:6:20:bull", "needs its corner radius"),
        ("1:x:20:flat", "the diameter must be a number"),
    ):
        result = CliRunner().invoke(main, ["simulate", good, *STOCK, "--tool", tool])
        assert result.exit_code == 2 and message in result.stderr, (tool, result.output)
    other = write(tmp_path, "T3 M6\nG0 X1")
    two = CliRunner().invoke(
        main, ["simulate", other, *STOCK, "--tool", "1:6:20:flat", "--tool", "2:3:10:flat"]
    )
    assert two.exit_code == 2
    assert "error: line 6: tool T3 is not in the tool list" in two.stderr
    missing = CliRunner().invoke(main, ["simulate", str(tmp_path / "none.ngc"), *STOCK,
                                        "--tool", "1:6:20:flat"])  # fmt: skip
    assert missing.exit_code == 2 and "cannot read" in missing.stderr


def test_cli_checks_against_a_catalog_machine(owner_context, tmp_path, monkeypatch):
    from cncworkbench.services.machining import catalog

    with owner_context.db.session() as session:
        catalog.seed(session)
    # Haas VF-2: 762 × 406 × 508 mm travel, 8100 rpm, 16500 mm/min feed
    path = write(tmp_path, "S9000 M3\nG0 X10 Y20 Z5\nG1 Z-1 F20000\nG0 Z5\nG0 X800")
    args = ["simulate", path, *STOCK, "--tool", "1:6:20:flat", "--machine", "VF-2", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["machine"] == "Haas VF-2"
    assert [(f["kind"], f["line"]) for f in data["findings"]] == [
        ("rpm_limit", 6),
        ("feed_limit", 7),
        ("envelope", 9),
    ]


def test_moves_before_the_first_tool_change_use_the_tool_loaded_first():
    body = "G21 G90\nG0 Z10\nG0 X5 Y5\nG0 Z-1\nT2 M6\nS8000 M3\nG1 X20 F300\nT1 M6\nM30\n"
    tools = {1: FLAT6, 2: ToolShape(2, 10.0, 20.0)}
    program = interpret(body)
    result = simulate(program, (0, 0, -20), (60, 40, 0), tools)
    # The rapid to Z-1 before any M6 is judged with T2 (the first loaded) and is an error.
    assert [f.kind for f in result.findings if f.severity == "error"] == ["rapid_into_stock"]
    # ...and the 10 mm tool plunged there: a 10 mm disc at least, plus the slot.
    assert result.removed_volume_mm3 > (math.pi * 25 + 15 * 10) * 0.95


def test_moves_without_any_tool_change_and_several_tools_are_refused():
    program = interpret("G21 G90\nG0 X5 Y5\nG1 Z-1 F100\nM30\n")
    with pytest.raises(SimulationError, match="line 2: no tool is loaded"):
        simulate(program, (0, 0, -20), (60, 40, 0), {1: FLAT6, 2: ToolShape(2, 10.0, 20.0)})


def test_the_program_starts_with_z_at_home_not_at_the_placeholder_zero():
    # The stock is z 0..21: a first "G0 Z25" and an XY move before it do not cut.
    body = "G21 G90\nT1 M6\nS8000 M3\nG0 X5 Y5\nG0 Z25\nG1 Z20 F300\nG1 X30\nM30\n"
    result = simulate(interpret(body), (0, 0, 0), (60, 40, 21), {1: FLAT6})
    assert result.findings == []
    assert result.removed_volume_mm3 == pytest.approx(25 * 6 + math.pi * 9, rel=0.05)
    # ...but a first move that rapids down into the stock is still found.
    body = "G21 G90\nT1 M6\nS8000 M3\nG0 X5 Y5\nG0 Z10\nM30\n"
    result = simulate(interpret(body), (0, 0, 0), (60, 40, 21), {1: FLAT6})
    assert [(f.kind, f.line) for f in result.findings] == [("rapid_into_stock", 5)]


def test_runs_of_problems_report_once_as_motion_by_motion():
    """_Problems.findings looks only at the motions with problems: on random runs of
    problems, rapids and feeds it reports exactly what a walk over every motion does (a
    motion without problems ends a run; a rapid ends all but a feed limit's)."""
    import random
    from types import SimpleNamespace

    from cncworkbench.core.simulation import KINDS, _Problems

    def every_motion(problems, motions):  # the rule, motion by motion
        out, open_keys = [], set()
        for index, found in enumerate(problems.by_motion):
            kept = set()
            if motions[index].kind == "rapid":
                kept = {key for key in open_keys if key == "feed_limit"}
            if not found:
                open_keys = kept
                continue
            out += [(index, key) for key in found if key not in open_keys]
            open_keys = set(found) | kept
        return sorted(out, key=lambda f: (f[0], KINDS.index(f[1])))

    generator = random.Random(24)
    keys = ("feed_limit", "envelope", "shank_collision")
    for _round in range(300):
        count = generator.randint(1, 40)
        motions = [
            SimpleNamespace(kind=generator.choice(("rapid", "line", "line", "arc")), line=k)
            for k in range(count)
        ]
        problems = _Problems(count)
        for index in range(count):
            if generator.random() < 0.4:
                for key in generator.sample(keys, generator.randint(1, 2)):
                    problems.add(index, key, key, "warning", (0.0, 0.0, 0.0), None)
        found = [(f.motion, f.kind) for f in problems.findings(motions, [])]
        assert found == every_motion(problems, motions)
