"""The Simulation Review dock, driven like an operator would (PySide6 offscreen, real
database, store, FreeCAD CAM and simulation)."""

from __future__ import annotations

import numpy as np
import pytest

from cncworkbench.services.access import identity
from cncworkbench.ui.panels.sim_review import SimReviewPanel
from cncworkbench.ui.qt import Qt, QtGui
from cncworkbench.ui.tasks import wait_for_tasks
from cncworkbench.ui.workspace import Workspace
from tests.support.cam import JAW, runs_for_review
from tests.support.freecad import require_program
from tests.support.people import PASSWORD, app_url
from tests.support.screens import save_screenshot

WAIT_MS = 60000


# Runs again on every FreeCAD of the version matrix (./test.sh --freecad VERSION).
pytestmark = pytest.mark.freecad


@pytest.fixture
def runs(db, pg_cluster, app_context, tmp_path, shop_license):
    """Two simulated runs of the sample plate: a clean one and one that hits a clamp."""
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    clean, clamp = runs_for_review(db, pg_cluster, app_context, tmp_path, [(), [JAW]])
    return clean, clamp


@pytest.fixture
def panel(qtbot, db, monkeypatch, runs):
    yield from _signed_in_panel(qtbot, db, monkeypatch)


@pytest.fixture
def shown_runs():
    return []


@pytest.fixture
def panel_telling_3d(qtbot, db, monkeypatch, runs, shown_runs):
    """The dock as FreeCAD's 3-D view sees it from the start: every run it shows is
    appended to ``shown_runs``."""
    yield from _signed_in_panel(qtbot, db, monkeypatch, shown_runs)


def _signed_in_panel(qtbot, db, monkeypatch, shown_runs=None):
    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    workspace = Workspace()
    widget = SimReviewPanel(workspace)
    if shown_runs is not None:
        widget.attach_3d_view()
        widget.run_shown.connect(shown_runs.append)
    qtbot.addWidget(widget)
    widget.resize(1000, 860)
    widget.show()
    workspace.open()
    qtbot.waitUntil(lambda: workspace.is_ready, timeout=WAIT_MS)
    workspace.set_user(identity.sign_in(workspace.context, "usta@atolye.example", PASSWORD))
    qtbot.waitUntil(lambda: widget.runs.rowCount() == 2, timeout=WAIT_MS)
    yield widget
    wait_for_tasks()
    workspace.close()


def idle(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.busy.isVisible(), timeout=WAIT_MS)
    wait_for_tasks()
    qtbot.wait(50)


def open_run(qtbot, panel, run_id, with_mesh: bool = False):
    """Select the run and wait until it is shown (``with_mesh``: with its 3-D stock)."""
    panel.select_run(run_id)
    qtbot.waitUntil(lambda: panel.loaded and panel.loaded.detail.summary.id == run_id
                    and (not with_mesh or panel.loaded.mesh is not None),
                    timeout=WAIT_MS)  # fmt: skip
    idle(qtbot, panel)


def test_operator_reviews_a_run_that_hits_a_clamp(qtbot, panel, runs):
    _clean, clamp = runs
    open_run(qtbot, panel, clamp)
    assert "FAILED" in panel.verdict.text()
    errors = panel.findings.topLevelItem(0)
    assert errors.text(0).startswith("Errors (")
    labels = [errors.child(i).text(0) for i in range(errors.childCount())]
    assert any("Fixture collision" in label for label in labels)
    number = next(i for i, f in enumerate(panel.loaded.detail.findings)
                  if f["kind"] == "fixture_collision")  # fmt: skip
    finding = panel.loaded.detail.findings[number]
    panel.select_finding(number)
    # the G-code is scrolled to the finding's line, and the picture follows it
    assert panel.current_line() == finding["line"]
    assert panel.view.selected == number
    assert not panel.approve_button.isEnabled()
    assert panel.approve_button.toolTip() == "A program with errors cannot be approved."
    save_screenshot(panel, "sim_review_clamp")
    # a dock beside FreeCAD's 3D view: the panel must fit a laptop screen's side
    hint = panel.minimumSizeHint()
    assert hint.width() <= 480 and hint.height() <= 640, (hint.width(), hint.height())
    image = panel.view.grab().toImage()
    reds = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixelColor(x, y).red() > 150 and image.pixelColor(x, y).green() < 60
    )
    assert reds > 10  # the selected error's marker is drawn
    panel.comment.setText("Çene ile çarpışıyor: profil derinliği değişmeli.")
    panel.decide("rejected")
    qtbot.waitUntil(lambda: "Rejected by usta@atolye.example" in panel.review_state.text(),
                    timeout=WAIT_MS)  # fmt: skip
    assert not panel.reject_button.isEnabled()


def test_operator_approves_a_clean_run_and_it_leaves_the_queue(qtbot, panel, runs):
    clean, _clamp = runs
    open_run(qtbot, panel, clean)
    assert panel.approve_button.isEnabled()
    save_screenshot(panel, "sim_review_clean")
    # compared with its design: the headline says so, and the deviation map shows it
    assert "Compared with the design: 0 gouge region(s)" in panel.verdict.text()
    assert panel.deviation.isEnabled()
    before = panel.view.grab().toImage()
    panel.deviation.setChecked(True)
    image = panel.view.grab().toImage()
    greens = sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if image.pixelColor(x, y).name() == "#73be5a"  # core.deviation.WITHIN
    )
    assert greens > 100 and image != before
    leftover = next(i for i, f in enumerate(panel.loaded.detail.findings)
                    if f["kind"] == "leftover")  # fmt: skip
    panel.select_finding(leftover)
    assert panel.view.selected == leftover
    assert "Inner corner" in panel.explanation.text()  # a warning: no cutter reaches it
    save_screenshot(panel, "sim_review_deviation_map")
    panel.deviation.setChecked(False)
    panel.decide("approved")
    qtbot.waitUntil(lambda: panel.runs.rowCount() == 1, timeout=WAIT_MS)  # awaiting only
    panel.awaiting.setChecked(False)
    qtbot.waitUntil(lambda: panel.runs.rowCount() == 2, timeout=WAIT_MS)
    decisions = {panel.runs.item(r, 0).text(): panel.runs.item(r, 7).text() for r in range(2)}
    assert decisions[str(clean)] == "approved"


def test_the_scrubber_shows_the_stock_after_any_line(qtbot, panel, runs):
    """Playback: before the first line the stock is the uncut block; at the end it is the
    simulated result; in between, the part is partly cut. The top view follows."""
    from cncworkbench.core.stock_mesh import mesh_volume

    _clean, clamp = runs
    panel.attach_3d_view()  # as FreeCAD's 3-D view does: the stock meshes are built
    open_run(qtbot, panel, clamp, with_mesh=True)
    loaded = panel.loaded
    assert loaded.playable, "the run has no playback"
    assert panel.scrubber.isEnabled() and panel.scrubber.value() == loaded.last_line
    stock = loaded.detail.details["stock"]
    block = np.prod(np.subtract(stock["max"], stock["min"]))
    final = mesh_volume(loaded.mesh.vertices, loaded.mesh.triangles)
    assert final < block * 0.99, "the finished stock shows no cut"

    frames = []
    panel.stock_shown.connect(frames.append)
    volumes = {}
    for line in (0, loaded.last_line // 2, loaded.last_line):
        with qtbot.waitSignal(panel.stock_shown, timeout=WAIT_MS):
            panel.scrub_to(line)
        frame = frames[-1]
        assert frame.line == line
        volumes[line] = mesh_volume(frame.mesh.vertices, frame.mesh.triangles)
    middle = loaded.last_line // 2
    assert volumes[0] == pytest.approx(block, rel=1e-6), "before line 1 nothing is cut"
    assert volumes[loaded.last_line] == pytest.approx(final, rel=1e-6)
    assert final < volumes[middle] < block, "half-way the part is half-cut"
    assert "end of program" in panel.scrub_label.text()
    panel.scrub_to(0)
    qtbot.waitUntil(lambda: frames[-1].line == 0, timeout=WAIT_MS)
    assert panel.scrub_label.text() == "after line 0"
    save_screenshot(panel, "ui_sim_review_scrubbed_to_start")


def highlighted_line(panel) -> int:
    """The G-code line drawn highlighted (yellow) in the code view."""
    (selection,) = panel.code.extraSelections()
    return selection.cursor.blockNumber() + 1


def test_next_and_previous_finding_step_through_the_program(qtbot, panel, runs):
    """The dock's previous/next finding buttons go through the findings in program order:
    each picks the finding in the list, highlights its G-code line and puts the scrubber
    (the stock shown) on that line."""
    _clean, clamp = runs
    open_run(qtbot, panel, clamp)
    findings = panel.loaded.detail.findings
    in_order = [n for _line, n in sorted((f["line"], n) for n, f in enumerate(findings)
                                         if f["line"])]  # fmt: skip
    assert len(in_order) >= 3
    # opened at the end of the program: "next" starts from the beginning
    assert panel.scrubber.value() == panel.scrubber.maximum()
    assert panel.next_finding.isEnabled() and panel.previous_finding.isEnabled()
    seen = []
    for _ in in_order[:3]:
        qtbot.mouseClick(panel.next_finding, Qt.MouseButton.LeftButton)
        item = panel.findings.currentItem()
        number = item.data(0, Qt.ItemDataRole.UserRole)
        seen.append(number)
        line = findings[number]["line"]
        assert item.isSelected() and item.text(0).startswith(f"{number + 1}. ")
        assert panel.scrubber.value() == line
        assert panel.scrub_label.text() == f"after line {line}"
        assert highlighted_line(panel) == line == panel.current_line()
        assert panel.explanation.text().startswith(f"Line {line}: ")
    assert seen == in_order[:3]
    qtbot.mouseClick(panel.previous_finding, Qt.MouseButton.LeftButton)
    assert panel.findings.currentItem().data(0, Qt.ItemDataRole.UserRole) == in_order[1]
    assert panel.scrubber.value() == highlighted_line(panel) == findings[in_order[1]]["line"]
    qtbot.mouseClick(panel.previous_finding, Qt.MouseButton.LeftButton)
    assert panel.findings.currentItem().data(0, Qt.ItemDataRole.UserRole) == in_order[0]
    assert not panel.previous_finding.isEnabled()  # nothing before the first
    # the stock shown follows the scrubber: the top view gets the stock after that line
    qtbot.waitUntil(lambda: not panel._scrub_busy and not panel._scrub_timer.isActive(),
                    timeout=WAIT_MS)  # fmt: skip
    save_screenshot(panel, "sim_review_stepped_to_first_finding")


def test_play_runs_the_program_forward_and_pause_stops_it(qtbot, panel, runs):
    """Play moves the scrubber through the program at the chosen speed and stops at the
    end; Pause holds it where it is."""
    import time

    _clean, clamp = runs
    open_run(qtbot, panel, clamp)
    end = panel.scrubber.maximum()
    assert panel.play_button.text() == "Play" and panel.play_button.isEnabled()
    assert [panel.speed.itemText(i) for i in range(panel.speed.count())] == [
        "10 lines/s", "50 lines/s", "200 lines/s", "1000 lines/s"]  # fmt: skip
    # slowest speed: the scrubber moves, never faster than 10 lines a second
    panel.speed.setCurrentIndex(0)
    panel.scrub_to(0)
    started = time.monotonic()
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    assert panel.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: panel.scrubber.value() >= 3, timeout=WAIT_MS)
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    held = panel.scrubber.value()
    assert held <= 10 * (time.monotonic() - started) + 1
    assert panel.play_button.text() == "Play"
    qtbot.wait(400)  # paused: four ticks' time and the scrubber has not moved
    assert panel.scrubber.value() == held
    # fastest: on from there to the end of the program, where it stops by itself
    frames = []
    panel.stock_shown.connect(frames.append)
    panel.speed.setCurrentIndex(3)
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.play_button.text() == "Play", timeout=WAIT_MS)
    assert panel.scrubber.value() == end
    assert panel.scrub_label.text() == "end of program"
    qtbot.waitUntil(lambda: frames and frames[-1].line == end, timeout=WAIT_MS)
    # play at the end starts again from the beginning
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    assert panel.scrubber.value() < end and panel.play_button.text() == "Pause"
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)


def test_opening_a_run_without_a_3d_view_reads_no_playback(qtbot, panel, runs):
    """The standalone window has no 3-D view: opening a run builds no stock mesh and reads
    no playback artefact (proved by removing it from the store first: the run still opens
    whole); the scrubber reads it when it moves, and says clearly that it is missing."""
    from cncworkbench.services.machining import simulation

    _clean, clamp = runs
    user, store = panel.workspace.user, panel.workspace.context.store
    with user.db.session() as session:
        key = simulation.get_sim_run(session, user.actor, clamp).playback_key
    assert key
    store.delete(key)
    panel.runs.clearSelection()
    open_run(qtbot, panel, clamp)
    assert panel.banner.kind != "error", panel.banner.text()
    assert "FAILED" in panel.verdict.text()
    assert panel.loaded.mesh is None and panel.loaded.playback is None
    assert panel.scrubber.isEnabled() and panel.play_button.isEnabled()
    panel.scrub_to(0)
    qtbot.waitUntil(lambda: panel.banner.kind == "error", timeout=WAIT_MS)
    assert key in panel.banner.text() and "missing" in panel.banner.text()


def test_the_scrubber_keeps_the_deviation_map_while_it_is_shown(qtbot, panel, runs):
    """The deviation map compares the finished stock with the design: scrubbing while it
    is shown keeps it (the 3-D view follows the scrubber); turning it off shows the stock
    where the scrubber stands, not the finished one."""
    from cncworkbench.ui.panels.sim_review import StockView

    _clean, clamp = runs
    open_run(qtbot, panel, clamp)
    assert panel.deviation.isEnabled()
    finished = QtGui.QImage(panel.view.image)
    panel.deviation.setChecked(True)
    deviation = QtGui.QImage(panel.view.image)
    assert deviation != finished
    frames = []
    panel.stock_shown.connect(frames.append)
    with qtbot.waitSignal(panel.stock_shown, timeout=WAIT_MS):
        panel.scrub_to(0)
    assert frames[-1].line == 0
    assert panel.view.image == deviation, "scrubbing replaced the deviation map"
    panel.deviation.setChecked(False)
    uncut = StockView()
    uncut.set_image(frames[-1].image)
    assert panel.view.image == uncut.image and panel.view.image != finished


def test_the_first_run_shows_once_and_a_decision_keeps_the_scrubbed_line(
    qtbot, panel_telling_3d, runs, shown_runs
):
    """The run the dock opens with is shown once (a second, late load of it put the
    scrubber back to the end under an operator already scrubbing: FreeCAD 1.0's review
    test stalled on it); rejecting the run at the line of its collision keeps the scrubber,
    the stock shown and the finding there."""
    from cncworkbench.ui.panels.sim_review import StockView

    panel = panel_telling_3d
    idle(qtbot, panel)
    first = panel.runs.item(0, 0).data(Qt.ItemDataRole.UserRole)
    assert [loaded.detail.summary.id for loaded in shown_runs] == [first]
    _clean, clamp = runs
    open_run(qtbot, panel, clamp)
    qtbot.mouseClick(panel.next_finding, Qt.MouseButton.LeftButton)
    number = panel.findings.currentItem().data(0, Qt.ItemDataRole.UserRole)
    line = panel.loaded.detail.findings[number]["line"]
    frames = []
    panel.stock_shown.connect(frames.append)
    qtbot.waitUntil(lambda: bool(frames) and frames[-1].line == line, timeout=WAIT_MS)
    assert panel.scrubber.value() == line < panel.scrubber.maximum()
    shown = len(shown_runs)
    panel.comment.setText("Çene ile çarpışıyor.")
    panel.decide("rejected")
    qtbot.waitUntil(lambda: "Rejected by usta@atolye.example" in panel.review_state.text(),
                    timeout=WAIT_MS)  # fmt: skip
    idle(qtbot, panel)
    assert len(shown_runs) == shown + 1  # the run again, with its decision
    assert panel.scrubber.value() == line
    assert panel.scrub_label.text() == f"after line {line}"
    qtbot.waitUntil(lambda: not panel._scrub_busy and not panel._scrub_timer.isActive(),
                    timeout=WAIT_MS)  # fmt: skip
    assert frames[-1].line == line and frames[-1].mesh is not None
    expected = StockView()
    expected.set_image(frames[-1].image)
    assert panel.view.image == expected.image  # the top view: the stock after that line
    assert panel.findings.currentItem().data(0, Qt.ItemDataRole.UserRole) == number
