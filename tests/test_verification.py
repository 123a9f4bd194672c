"""The cut stock against the design (core.verification, ``simulate --part``), on parts
made in FreeCAD by the test (tests/freecad_scripts/design_parts.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import deque

import numpy as np
import pytest

from cncworkbench.cam.design import design_triangles
from cncworkbench.core import verification
from cncworkbench.core.gcode import interpret
from cncworkbench.core.model_files import read_stl
from cncworkbench.core.simulation import ToolShape, simulate
from tests.support.freecad import run_freecadcmd

FLAT6 = {1: ToolShape(1, 6.0, 20.0)}
STOCK = ((0.0, 0.0, 0.0), (100.0, 60.0, 10.0))


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parts")
    volumes = run_freecadcmd(
        "design_parts.py", tmp_path_factory.mktemp("freecad"), {"CNC_TEST_PARTS": str(folder)}
    )
    return folder, volumes


def pocket_program(rows=(23, 26.5, 30, 33.5, 37), skip=None, too_deep=0.0) -> str:
    """The 40 x 20 x 5 pocket with a 6 mm end mill: plunge at (33, 23) (line 6), raster
    along X at ``rows`` (leaving out row number ``skip``), then the wall contour."""
    lines = ["G21 G90 G17", "T1 M6", "S10000 M3", "G0 Z15", "G0 X33 Y23"]
    lines.append(f"G1 Z{5 - too_deep:g} F300")
    lifted = False
    for n, y in enumerate(rows):
        if n == skip:  # lift over the row left out, so no move crosses it
            lines.append("G0 Z15")
            lifted = True
            continue
        a, b = (33, 67) if n % 2 == 0 else (67, 33)
        if lifted:
            lines += [f"G0 X{a} Y{y}", f"G1 Z{5 - too_deep:g} F300"]
            lifted = False
        lines += [f"G1 X{a} Y{y} F800", f"G1 X{b} Y{y}"]
    # the walls, from where the last row ends (67, 37)
    lines += ["G1 X67 Y23", "G1 X33 Y23", "G1 X33 Y37", "G1 X67 Y37"]
    lines += ["G0 Z15", "M5", "M30"]
    return "\n".join(lines) + "\n"


def run(text: str, triangles, cell: float, **options):
    program = interpret(text)
    result = simulate(program, *STOCK, FLAT6, resolution_mm=cell)
    design = verification.design_field(triangles, result.grid)
    return result, verification.compare(result, design, program, FLAT6, **options)


@pytest.mark.parametrize("cell", [0.25, 0.1, 0.05])
def test_a_program_that_cuts_the_design_exactly_passes_at_any_resolution(parts, cell):
    folder, _ = parts
    result, check = run(pocket_program(), read_stl(folder / "pocket_plate.stl"), cell)
    assert check.findings == []
    assert check.gouge_volume_mm3 == 0 and check.leftover_volume_mm3 == 0
    assert check.tolerance_mm == pytest.approx(0.01 + cell / 10)
    # 40·20·5 less the four corner fillets' (4 − π)·3² each... which the design also lacks
    assert result.removed_volume_mm3 == pytest.approx((800 - (4 - np.pi) * 9) * 5, rel=0.01)


def test_a_pass_left_out_is_leftover_with_the_volume_it_did_not_remove(parts):
    folder, _ = parts
    triangles = read_stl(folder / "pocket_plate.stl")
    full, _ = run(pocket_program(), triangles, 0.05)
    result, check = run(pocket_program(skip=2), triangles, 0.05)
    not_removed = full.removed_volume_mm3 - result.removed_volume_mm3
    assert not_removed > 100  # a 1 mm wide band, 28 mm long, 5 mm high (and its ends)
    assert [f.kind for f in check.findings] == ["leftover"]
    finding = check.findings[0]
    assert finding.severity == "error" and finding.line == 0
    assert finding.measures["volume_mm3"] == pytest.approx(not_removed, rel=0.02)
    assert finding.measures["depth_mm"] == pytest.approx(5.0, abs=0.02)
    assert 29 < finding.y < 31 and 30 < finding.x < 70
    assert finding.measures["area_mm2"] == pytest.approx(not_removed / 5, rel=0.05)
    # a roughing program (stock to leave) only warns; leave more than the band: passes
    _, rough = run(pocket_program(skip=2), triangles, 0.05, leave_mm=0.5, roughing=True)
    assert [f.severity for f in rough.findings] == ["warning"]
    _, thick = run(pocket_program(skip=2), triangles, 0.05, leave_mm=5.5, roughing=True)
    assert thick.findings == []


def test_stock_left_on_the_walls_is_measured_sideways_against_the_stock_to_leave(parts):
    """A roughing contour 0.5 mm inside the pocket's walls (its corners shifted by 0.5 mm
    in X and Y, so 0.5·√2 ≈ 0.71 mm stays on the fillets) leaves a skin 5 mm high:
    leftover (error) for a finishing program, nothing with 0.75 mm stock to leave, an
    error again when only 0.3 mm was meant to stay."""
    folder, _ = parts
    text = pocket_program()
    for old, new in (("X33", "X33.5"), ("X67", "X66.5"), ("Y23", "Y23.5"), ("Y37", "Y36.5")):
        text = text.replace(old, new)
    triangles = read_stl(folder / "pocket_plate.stl")
    _, finishing = run(text, triangles, 0.1)
    assert [(f.kind, f.severity) for f in finishing.findings] == [("leftover", "error")]
    skin = finishing.findings[0].measures
    assert skin["volume_mm3"] == pytest.approx(0.5 * 5 * (2 * (40 + 20) - 4 * 1), rel=0.15)
    _, allowed = run(text, triangles, 0.1, leave_mm=0.75)
    assert allowed.findings == [] and allowed.leftover_volume_mm3 == 0
    _, thinner = run(text, triangles, 0.1, leave_mm=0.3)
    assert [(f.kind, f.severity) for f in thinner.findings] == [("leftover", "error")]


@pytest.mark.parametrize("cell", [0.25, 0.1])
def test_inner_corners_no_cutter_reaches_warn_and_a_hole_narrower_than_it_is_an_error(parts, cell):
    """The same program on a design with sharp pocket corners and a Ø4 hole in the floor:
    the corners keep what a 3 mm radius cannot reach (a warning naming the radius); the
    hole, which no 6 mm cutter fits, is material left on the part (an error)."""
    folder, _ = parts
    _result, check = run(pocket_program(), read_stl(folder / "sharp_plate.stl"), cell)
    corners = [f for f in check.findings if f.severity == "warning"]
    errors = [f for f in check.findings if f.severity == "error"]
    assert len(corners) == 4 and check.corner_regions == 4
    assert all(f.kind == "leftover" and "corner" in f.text.text("en") for f in corners)
    assert all("radius (3 mm)" in f.text.text("en") for f in corners), corners[0].text.text("en")
    # what a 3 mm radius leaves in a square corner: (1 − π/4)·3² mm², 5 mm high
    for f in corners:
        assert f.measures["volume_mm3"] == pytest.approx((1 - np.pi / 4) * 9 * 5, rel=0.25)
    assert {(round(f.x / 10), round(f.y / 10)) for f in corners} == {(3, 2), (7, 2), (3, 4),
                                                                     (7, 4)}  # fmt: skip
    assert [f.kind for f in errors] == ["leftover"]
    hole = errors[0]
    assert hole.measures["depth_mm"] == pytest.approx(3.0, abs=0.05)
    assert hole.measures["volume_mm3"] == pytest.approx(np.pi * 4 * 3, rel=0.1)
    assert abs(hole.x - 50) < 2.5 and abs(hole.y - 30) < 2.5
    # a row left out across it (y 30): one error region, band and hole; corners still warn
    _, skipped = run(pocket_program(skip=2), read_stl(folder / "sharp_plate.stl"), cell)
    assert sorted(f.severity for f in skipped.findings) == ["error"] + ["warning"] * 4


@pytest.mark.parametrize("cell", [0.1, 0.05])
def test_a_plunge_one_millimetre_too_deep_is_a_gouge_on_its_line(parts, cell):
    folder, _ = parts
    result, check = run(pocket_program(too_deep=1.0), read_stl(folder / "pocket_plate.stl"), cell)
    assert [f.kind for f in check.findings] == ["gouge"]
    gouge = check.findings[0]
    assert (gouge.line, gouge.severity) == (6, "error")
    assert gouge.measures["depth_mm"] == pytest.approx(1.0, abs=0.01)
    assert gouge.z == pytest.approx(4.0, abs=0.01)
    # the whole pocket floor went 1 mm deeper: its area, 1 mm thick
    assert gouge.measures["volume_mm3"] == pytest.approx(800 - (4 - np.pi) * 9, rel=0.01)
    assert result.removed_volume_mm3 == pytest.approx((800 - (4 - np.pi) * 9) * 6, rel=0.01)


def test_a_later_line_that_cuts_too_deep_is_named_not_the_plunge(parts):
    folder, _ = parts
    text = pocket_program().replace("G1 X33 Y23\nG1 X33", "G1 X33 Y23\nG1 Z4.5\nG1 X33", 1)
    number = text.splitlines().index("G1 Z4.5") + 1
    _, check = run(text, read_stl(folder / "pocket_plate.stl"), 0.1)
    gouges = [f for f in check.findings if f.kind == "gouge"]
    assert [g.line for g in gouges] == [number]
    assert gouges[0].measures["depth_mm"] == pytest.approx(0.5, abs=0.01)


@pytest.mark.parametrize("max_triangles", [10**7, 20_000])  # full size, and reduced
def test_the_gouges_so_far_show_mid_program_from_the_line_that_cuts_them(parts, max_triangles):
    """The review's deviation mid-program: a cell cut below the design stays gouged, so the
    stock after any line shows the gouges made up to it (none before the line that cuts too
    deep, some after it, at the end exactly the deviation map's red), on the display mesh
    as red top vertices over the depth colours."""
    from cncworkbench.core import deviation
    from cncworkbench.core.review_geometry import gouge_vertex_colours
    from cncworkbench.core.stock_mesh import stock_mesh

    folder, _ = parts
    text = pocket_program().replace("G1 X33 Y23\nG1 X33", "G1 X33 Y23\nG1 Z4.5\nG1 X33", 1)
    number = text.splitlines().index("G1 Z4.5") + 1
    program = interpret(text)
    result = simulate(program, *STOCK, FLAT6, resolution_mm=0.1, playback=True)
    design = verification.design_field(read_stl(folder / "pocket_plate.stl"), result.grid)
    check = verification.compare(result, design, program, FLAT6)
    assert [f.line for f in check.findings if f.kind == "gouge"] == [number]
    floor = verification.gouge_floor(design, STOCK[0][2], STOCK[1][2], check.tolerance_mm)
    before, after = result.playback.stock_at(number - 1), result.playback.stock_at(number)
    assert not (before < floor).any()
    assert (after < floor).sum() > 10
    picture = verification.deviation_picture(result, design, check.tolerance_mm)
    red = np.all(picture[::-1] == np.array(deviation.GOUGE, np.uint8), axis=2)
    assert np.array_equal(result.heights < floor, red)
    cell = result.grid.cell_mm
    for heights, gouged in ((before, False), (after, True)):
        mesh = stock_mesh(heights, STOCK[0][:2], cell, STOCK[0][2], STOCK[1][2], max_triangles)
        colours, cells = gouge_vertex_colours(mesh, heights, floor)
        assert cells == int((heights < floor).sum())
        is_red = np.all(colours == np.array(deviation.GOUGE, np.uint8), axis=1)
        assert is_red.any() == gouged
        assert np.array_equal(colours[~is_red], mesh.colours[~is_red])  # depth elsewhere
        if gouged:  # where the plunge went in: the corner (33, 23) at 4.5 mm
            top = mesh.vertices[is_red]
            assert top[:, 2].min() == pytest.approx(4.5, abs=0.05)
            assert np.hypot(top[:, 0] - 33, top[:, 1] - 23).min() < 3.5


def test_the_design_from_step_and_from_fcstd_in_a_group_is_the_same_as_the_stl(parts):
    folder, volumes = parts
    program = interpret(pocket_program())
    result = simulate(program, *STOCK, FLAT6, resolution_mm=0.1)
    fields = {
        kind: verification.design_field(
            design_triangles(folder / f"pocket_plate.{kind}", fmt), result.grid
        )
        for kind, fmt in (("stl", "STL"), ("step", "STEP"), ("FCStd", "FCStd"))
    }
    for kind, design in fields.items():
        assert np.allclose(design.top, fields["stl"].top, atol=0.01, equal_nan=True), kind
        check = verification.compare(result, design, program, FLAT6)
        assert check.findings == [], kind
        assert check.design_volume_mm3 == pytest.approx(volumes["pocket_plate"], rel=0.005)


def test_an_enclosed_void_is_reported_as_not_verifiable_from_above(parts):
    folder, _ = parts
    text = "G21 G90\nT1 M6\nS10000 M3\nG0 Z15\nG0 X-10 Y-10\nM30\n"
    _, check = run(text, read_stl(folder / "cavity_plate.stl"), 0.1)
    assert check.findings == []
    assert check.unverifiable_percent == pytest.approx(100 * 100 / 6000, rel=0.03)


def test_cutting_below_the_stock_bottom_is_a_finding_with_its_line():
    text = "G21 G90\nT1 M6\nS10000 M3\nG0 Z15\nG0 X50 Y30\nG1 Z-1 F200\nG0 Z15\n"
    text += "G0 X-20 Y30\nG1 Z-5\nG0 Z15\nM30\n"  # beside the stock: the table is not cut
    program = interpret(text)
    found = verification.below_stock(program, FLAT6, *STOCK)
    assert [(f.kind, f.line, f.severity) for f in found] == [("below_stock", 6, "warning")]
    assert found[0].measures["depth_mm"] == pytest.approx(1.0)


def _bfs_labels(mask):
    labels = np.zeros(mask.shape, int)
    count = 0
    for start in zip(*np.nonzero(mask), strict=True):
        if labels[start]:
            continue
        count += 1
        labels[start] = count
        queue = deque([start])
        while queue:
            j, i = queue.popleft()
            for dj in (-1, 0, 1):
                for di in (-1, 0, 1):
                    q = (j + dj, i + di)
                    inside = 0 <= q[0] < mask.shape[0] and 0 <= q[1] < mask.shape[1]
                    if inside and mask[q] and not labels[q]:
                        labels[q] = count
                        queue.append(q)
    return labels, count


@pytest.mark.parametrize("seed", range(6))
def test_regions_are_the_eight_connected_components(seed):
    rng = np.random.default_rng(seed)
    mask = rng.random((40, 57)) < [0.2, 0.35, 0.45, 0.55, 0.05, 0.7][seed]
    labels, count = verification.label_regions(mask)
    expected, expected_count = _bfs_labels(mask)
    assert count == expected_count
    # the same partition: each of ours maps to exactly one of theirs and back
    pairs = set(zip(labels[mask].tolist(), expected[mask].tolist(), strict=True))
    assert len(pairs) == count
    assert (labels > 0).tolist() == mask.tolist()


def test_simulate_part_reports_the_gouge_and_exits_1(parts, tmp_path):
    folder, _ = parts
    program = tmp_path / "deep.ngc"
    program.write_text(pocket_program(too_deep=1.0))
    args = [sys.executable, "-m", "cncworkbench.cli", "simulate", str(program),
            "--stock", "100", "60", "10", "--tool", "1:6:20:flat", "--resolution", "0.1",
            "--json"]  # fmt: skip
    env = {**os.environ, "CNC_DATA_DIR": str(tmp_path / "data"), "CNC_LOCALE": "en"}
    done = subprocess.run(
        [*args, "--part", str(folder / "pocket_plate.step")],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert data["design"]["compared"] is True
    gouges = [f for f in data["findings"] if f["kind"] == "gouge"]
    assert [(g["line"], g["severity"]) for g in gouges] == [(6, "error")]
    assert gouges[0]["depth_mm"] == pytest.approx(1.0, abs=0.01)
    # the part placed elsewhere: said, exit 2
    moved = subprocess.run(
        [*args, "--part", str(folder / "pocket_plate.stl"), "--part-origin", "500", "0", "0"],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )  # fmt: skip
    assert moved.returncode == 2
    assert "--part-origin" in moved.stderr
    # without a part: no comparison, and the JSON says so
    plain = subprocess.run(args, capture_output=True, text=True, env=env, timeout=180,
                           check=False)  # fmt: skip
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["design"] == {"compared": False}
