"""The Simulation Review's 3-D tab in the standalone window (no FreeCAD): the cut stock
drawn isometrically, the findings numbered where they are, the scrubbed stock followed."""

from __future__ import annotations

import numpy as np

from tests.support.screens import save_screenshot
from tests.test_ui_sim_review import WAIT_MS, idle, panel, pytestmark, runs  # noqa: F401


def grab(widget) -> np.ndarray:
    from cncworkbench.ui.qt import QtGui

    image = widget.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(-1, image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def test_the_3d_tab_draws_the_cut_stock_with_numbered_findings(qtbot, panel, runs):  # noqa: F811
    _clean, clamp = runs
    panel.select_run(clamp)
    qtbot.waitUntil(lambda: panel.loaded and panel.loaded.detail.summary.id == clamp,
                    timeout=WAIT_MS)  # fmt: skip
    idle(qtbot, panel)
    iso = panel.iso_view
    assert iso.image is None, "drawn before the tab was shown"
    panel.stock_tabs.setCurrentWidget(iso)
    qtbot.waitUntil(lambda: iso.image is not None, timeout=WAIT_MS)
    pixels = grab(iso).astype(int)
    background = np.array([0x2E, 0x34, 0x36])
    drawn = np.any(np.abs(pixels - background) > 8, axis=2)
    assert 0.15 < drawn.mean() < 0.9, "no stock in the 3-D tab"
    # the chosen finding's marker, yellow, where its x, y, z project
    panel.select_finding(0)
    qtbot.wait(50)
    centre = iso.marker_position(0)
    assert centre is not None
    pixels = grab(iso).astype(int)
    x, y = int(centre.x()), int(centre.y())
    patch = pixels[y - 4 : y + 5, x - 4 : x + 5]
    yellow = np.all(np.abs(patch - np.array([0xFC, 0xE9, 0x4F])) < 40, axis=2)
    assert yellow.sum() > 10, "the chosen finding is not marked where it is"
    save_screenshot(panel, "ui_sim_review_3d_tab")
    # scrubbed to the start: the uncut block is drawn (more of the top colour, no pocket)
    before = iso.drawn
    with qtbot.waitSignal(panel.stock_shown, timeout=WAIT_MS):
        panel.scrub_to(0)
    qtbot.waitUntil(lambda: iso.drawn != before and not iso._busy, timeout=WAIT_MS)
    uncut = grab(iso).astype(int)
    changed = np.any(np.abs(uncut - pixels) > 8, axis=2)
    assert changed.sum() > 500, "the 3-D tab did not follow the scrubber"
