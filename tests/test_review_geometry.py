"""What the review draws besides the stock (core.review_geometry) and the isometric picture
of the stock without OpenGL (core.iso_view)."""

from __future__ import annotations

import numpy as np
import pytest

from cncworkbench.core import deviation, gcode
from cncworkbench.core.iso_view import IsoView, render
from cncworkbench.core.review_geometry import (
    CLASSES,
    ToolTrack,
    design_surface,
    deviation_vertex_colours,
    tool_parts,
    travel_box,
)
from cncworkbench.core.stock_mesh import stock_mesh

PROGRAM = """G21 G90 G17
T1 M6
S8000 M3
G0 X10 Y5 Z5
G1 Z-2 F300
G1 X40 F800
G0 Z10
T2 M6
G0 X20 Y20
G1 Z-1
M30
"""


def test_the_tool_is_where_the_last_motion_up_to_the_line_left_it():
    track = ToolTrack.of(gcode.interpret(PROGRAM))
    assert track.pose_at(3) is None  # no motion yet
    at_plunge = track.pose_at(5)
    assert (at_plunge.x, at_plunge.y, at_plunge.z, at_plunge.tool) == (10, 5, -2, 1)
    after_cut = track.pose_at(6)
    assert (after_cut.x, after_cut.y, after_cut.z) == (40, 5, -2)
    assert track.pose_at(8) == track.pose_at(7)  # a tool change does not move
    last = track.pose_at(11)
    assert (last.x, last.y, last.z, last.tool) == (20, 20, -1, 2)


def test_tool_parts_stack_cutter_shank_and_holder_from_the_tip_up():
    tool = {
        "number": 1, "shape": "ball", "diameter_mm": 6.0, "flute_length_mm": 18.0,
        "shank_diameter_mm": 6.0, "length_mm": 40.0, "holder_diameter_mm": 32.0,
        "holder_length_mm": 50.0,
    }  # fmt: skip
    parts = tool_parts(tool)
    assert [(p.kind, p.solid) for p in parts] == [
        ("cutter", "sphere"), ("cutter", "cylinder"), ("shank", "cylinder"),
        ("holder", "cylinder"),
    ]  # fmt: skip
    ball, flutes, shank, holder = parts
    assert ball.radius == 3.0 and ball.z_from == 0.0
    assert (flutes.z_from, flutes.z_to) == (3.0, 18.0)
    assert (shank.z_from, shank.z_to, shank.radius) == (18.0, 40.0, 3.0)
    assert (holder.z_from, holder.z_to, holder.radius) == (40.0, 90.0, 16.0)
    # a drill's point is a cone as tall as its tip angle makes it; no stick-out: no holder
    drill = tool_parts({"number": 2, "shape": "drill", "diameter_mm": 8.0,
                        "flute_length_mm": 40.0, "tip_angle_deg": 90.0})  # fmt: skip
    assert drill[0].solid == "cone" and drill[0].z_to == pytest.approx(4.0)
    assert "holder" not in [p.kind for p in drill]


def test_deviation_colours_reach_the_mesh_per_cell_and_per_block():
    rows, columns = 40, 60
    heights = np.full((rows, columns), 10.0)
    picture = np.empty((rows, columns, 3), dtype=np.uint8)
    picture[...] = deviation.WITHIN
    picture[5:8, 10:20] = deviation.GOUGE  # rows of the picture: +Y up
    picture[30:35, 40:45] = (100, 120, 200)  # a leftover shade
    picture[0:2, :] = deviation.OUTSIDE
    full = stock_mesh(heights, (0.0, 0.0), 0.5, 0.0, 10.0)
    colours, classes = deviation_vertex_colours(full, picture)
    counts = {name: int((classes == n).sum()) for n, name in enumerate(CLASSES)}
    assert counts == {"gouge": 30, "leftover": 25, "outside": 120,
                      "within": rows * columns - 175}  # fmt: skip
    assert (colours[classes == CLASSES.index("gouge")] == deviation.GOUGE).all()
    # reduced 4 × 4: a gouge one block wide still shows in every block it touches
    coarse = stock_mesh(heights, (0.0, 0.0), 0.5, 0.0, 10.0, max_triangles=400)
    assert coarse.reduction > 1
    _colours, coarse_classes = deviation_vertex_colours(coarse, picture)
    assert (coarse_classes == CLASSES.index("gouge")).sum() >= 1


def test_the_travel_box_is_the_envelope_or_the_travel_around_the_program():
    envelope = {"envelope_min": [-10, -10, -50], "envelope_max": [200, 100, 20]}
    assert travel_box(envelope, (0, 0, 0), (1, 1, 1)) == ((-10, -10, -50), (200, 100, 20))
    low, high = travel_box({"travel_mm": [300, 200, 100]}, (0, 0, -5), (100, 60, 25))
    assert low == (-100.0, -70.0, -75.0) and high == (200.0, 130.0, 25.0)
    assert travel_box({}, (0, 0, 0), (1, 1, 1)) is None


def test_the_isometric_picture_shows_the_stock_and_its_pocket():
    heights = np.full((120, 200), 20.0)
    heights[40:80, 60:140] = 12.0  # a pocket 8 mm deep
    mesh = stock_mesh(heights, (0.0, 0.0), 0.5, 0.0, 20.0)
    view = IsoView.fit((0, 0, 0), (100, 60, 20), 600, 400)
    image = render(mesh.vertices, mesh.triangles, mesh.colours, view)
    drawn = np.any(image != 255, axis=2)
    # the stock's silhouette is a hexagon inside the picture; no holes inside it
    top_centre = view.project([(50, 30, 20)])[0].astype(int)
    assert drawn[top_centre[1], top_centre[0]]
    corners = view.project([(x, y, z) for x in (0, 100) for y in (0, 60) for z in (0, 20)])
    assert corners.min() >= 0 and corners[:, 0].max() < 600 and corners[:, 1].max() < 400
    hull_share = drawn.mean()
    assert 0.35 < hull_share < 0.75
    # the pocket's floor is lower, so darker in the palette than the top around it
    floor = view.project([(50, 30, 12)])[0].astype(int)
    top = view.project([(10, 50, 20)])[0].astype(int)
    assert image[floor[1], floor[0]].sum() != image[top[1], top[0]].sum()
    # a pixel's colour is the nearest surface: the front wall hides the back edge
    front_wall = view.project([(50, 0, 10)])[0].astype(int)
    assert drawn[front_wall[1], front_wall[0]]


def test_the_design_surface_covers_the_part_only():
    top = np.full((40, 60), np.nan, dtype=np.float32)
    top[10:30, 15:45] = 8.0  # a 10 x 15 mm part, 8 mm high, at 0.5 mm cells
    surface = design_surface(top, (0.0, 0.0), 0.5)
    used = surface.vertices[np.unique(surface.triangles)]
    assert len(surface.triangles) == 2 * 19 * 29
    assert (used[:, 2] == 8.0).all()
    assert used[:, 0].min() == pytest.approx(7.75) and used[:, 0].max() == pytest.approx(22.25)
    coarse = design_surface(top, (0.0, 0.0), 0.5, max_triangles=200)
    assert 0 < len(coarse.triangles) <= 200
