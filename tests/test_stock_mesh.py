"""The stock's display mesh: closed, outward-facing, the right volume, within its budget."""

from __future__ import annotations

import numpy as np
import pytest

from cncworkbench.core.heightmap import depth_colours, shade
from cncworkbench.core.stock_mesh import mesh_volume, reduction_factor, stock_mesh

CELL = 0.5
TOP, BOTTOM = 20.0, 0.0


def pocketed_stock(rows=120, columns=200, pocket_depth=8.0):
    """A 100 × 60 mm block, 20 mm high, with a 40 × 20 mm pocket 8 mm deep."""
    heights = np.full((rows, columns), TOP)
    heights[40:80, 60:140] = TOP - pocket_depth
    return heights


def edges_each_shared_by_two_triangles_in_opposite_directions(triangles):
    directed = np.concatenate(
        [triangles[:, [0, 1]], triangles[:, [1, 2]], triangles[:, [2, 0]]]
    )  # fmt: skip
    forward = {tuple(edge) for edge in directed.tolist()}
    return len(forward) == len(directed) and all((b, a) in forward for a, b in forward)


def test_the_full_resolution_mesh_is_closed_and_has_the_fields_volume():
    heights = pocketed_stock()
    mesh = stock_mesh(heights, (10.0, -5.0), CELL, BOTTOM, TOP)
    assert mesh.reduction == 1
    assert edges_each_shared_by_two_triangles_in_opposite_directions(mesh.triangles)
    # Vertices at cell centres: the top surface interpolates between them, so the pocket's
    # walls are slanted over one cell; the volume is the field's within that half-cell band.
    stock = 100 * 60 * 20
    pocket = 40 * 20 * 8
    volume = mesh_volume(mesh.vertices, mesh.triangles)
    assert volume > 0, "the triangles face inwards"
    assert volume == pytest.approx(stock - pocket, abs=(40 + 20) * 2 * CELL * 8)
    lows = mesh.vertices[:, 0].min(), mesh.vertices[:, 1].min()
    highs = mesh.vertices[:, 0].max(), mesh.vertices[:, 1].max()
    assert lows == (10.0, -5.0) and highs == (110.0, 55.0), "the outline is the stock's"


def test_a_large_field_is_reduced_to_the_budget_keeping_its_deepest_cuts():
    heights = np.full((1200, 2000), TOP)  # 600 × 1000 mm at 0.5 mm: 2.4 M cells
    heights[600, 1000] = 3.0  # one drilled hole, a single cell wide
    mesh = stock_mesh(heights, (0.0, 0.0), CELL, BOTTOM, TOP, max_triangles=100_000)
    assert len(mesh.triangles) <= 100_000
    assert mesh.reduction == reduction_factor(1200, 2000, 100_000) > 1
    assert mesh.vertices[:, 2].min() == pytest.approx(0.0)  # the bottom
    assert np.sort(np.unique(mesh.vertices[:, 2]))[1] == pytest.approx(3.0), "the hole is gone"
    assert edges_each_shared_by_two_triangles_in_opposite_directions(mesh.triangles)
    assert mesh_volume(mesh.vertices, mesh.triangles) == pytest.approx(1000 * 600 * 20, rel=0.002)


def test_colours_are_the_top_view_pictures():
    heights = pocketed_stock()
    mesh = stock_mesh(heights, (0.0, 0.0), CELL, BOTTOM, TOP)
    uncut = mesh.colours[np.argmax(mesh.vertices[:, 2])]
    deepest_top = mesh.colours[
        np.argmin(np.where(mesh.vertices[:, 2] > 0, mesh.vertices[:, 2], 99))
    ]
    assert tuple(uncut) == tuple(depth_colours(np.array(TOP), BOTTOM, TOP))
    assert deepest_top[2] > deepest_top[0], "cut faces lean towards blue"
    flat = shade(np.full((4, 4), TOP), CELL, BOTTOM, TOP)[0, 0]
    assert np.abs(flat.astype(int) - uncut.astype(int)).max() <= 1


@pytest.mark.parametrize("bad", [np.zeros(5), np.zeros((1, 5))])
def test_a_field_that_is_not_a_surface_is_refused(bad):
    with pytest.raises(ValueError, match="2-D"):
        stock_mesh(bad, (0.0, 0.0), CELL, BOTTOM, TOP)
