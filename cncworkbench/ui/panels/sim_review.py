"""Simulation Review: the operator's dock for simulated runs.

Runs awaiting review (or all) on the left; for the selected run, its findings grouped by
severity, a top view of the simulated stock (shaded height field, toolpath, numbered
findings) that follows the selected finding, the G-code scrolled to the finding's line,
playback (a scrubber over the program, play/pause, speed, previous/next finding), and
Approve / Reject with a comment. Only roles with ``sim.approve`` (operators) decide;
a run whose simulation found errors cannot be approved (the database refuses it too).
"""

from __future__ import annotations

import html
import io
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from cncworkbench.core import gcode, heightmap, localefmt, runtime, timefmt
from cncworkbench.core.permissions import Permission, allowed
from cncworkbench.core.review_geometry import ToolTrack, gouge_vertex_colours
from cncworkbench.core.simulation import finding_message
from cncworkbench.core.stock_mesh import StockMesh, stock_mesh
from cncworkbench.core.text import upper
from cncworkbench.core.verification import design_summary
from cncworkbench.services.machining import design_check, simulation
from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.ui.panels.sim_review_iso import IsoStockView
from cncworkbench.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.widgets import Panel, empty_state, fill_table, table

ROLE = Qt.ItemDataRole.UserRole
SEVERITY = {"error": ("#a40000", "Errors"), "warning": ("#ce5c00", "Warnings")}
STATUS_COLOURS = {"passed": "#4e9a06", "warnings": "#ce5c00", "failed": "#a40000"}
PLAY_SPEEDS = (10, 50, 200, 1000)  # program lines per second
DEFAULT_SPEED = 50
PLAY_TICK_MS = 100


def kind_label(owner, kind: str) -> str:
    return {
        "rapid_into_stock": translate("SimReviewPanel", "Rapid into stock"),
        "non_center_cutting_plunge": translate(
            "SimReviewPanel", "Plunge with a non-centre-cutting tool"
        ),
        "shank_collision": translate("SimReviewPanel", "Shank below the cut surface"),
        "holder_collision": translate("SimReviewPanel", "Holder collision"),
        "fixture_collision": translate("SimReviewPanel", "Fixture collision"),
        "envelope": translate("SimReviewPanel", "Outside the work envelope"),
        "feed_limit": translate("SimReviewPanel", "Feed above the machine's maximum"),
        "rpm_limit": translate("SimReviewPanel", "Spindle speed above the maximum"),
        "spindle_off_cut": translate("SimReviewPanel", "Cutting with the spindle stopped"),
        "gouge": translate("SimReviewPanel", "Gouge into the design"),
        "leftover": translate("SimReviewPanel", "Material left on the design"),
        "below_stock": translate("SimReviewPanel", "Cut below the stock's bottom"),
    }.get(kind, kind)


@dataclass
class LoadedRun:
    detail: simulation.SimRunDetail
    text: str
    image: np.ndarray | None  # RGB rows, +Y up
    feeds: list[np.ndarray]
    # For a 3-D view (FreeCAD's, issue 25): the cut stock as a display mesh and the toolpath
    # in program coordinates (feeds and rapids as (n, 3) polylines). The mesh is built off
    # the Qt thread, and only when a 3-D view asks (the standalone window has none).
    mesh: StockMesh | None = None
    paths: dict[str, list[np.ndarray]] | None = None
    # core.sim_playback.Playback (the stock after any line): read from the store the first
    # time the scrubber moves, not when the run opens.
    playback: Any = None
    last_line: int = 0  # the program's last line (the scrubber's end)
    deviation: np.ndarray | None = None  # the deviation map (core.deviation), +Y up
    heights: np.ndarray | None = None  # the simulated stock (the mesh's source)
    track: ToolTrack | None = None  # where the tool is after any line (the 3-D view's tool)
    design_top: np.ndarray | None = None  # the design's top per cell, NaN off the part
    gouge_floor: np.ndarray | None = None  # below it a cell is gouged (core.verification)

    @property
    def playable(self) -> bool:
        return bool(self.detail.playback_key) and self.last_line > 0


def load_run(user, store, run_id: int, with_mesh: bool = False) -> LoadedRun:
    """A run as the dock shows it; ``with_mesh``: also the stock's 3-D display mesh."""
    with user.db.session() as session:
        detail = simulation.get_sim_run(session, user.actor, run_id)
        # the design drawn over the stock and the gouges mid-program, for a 3-D view only
        design_top = gouge_floor = None
        if with_mesh:
            design_top, gouge_floor = design_check.review_design(session, store, detail.details)
    text = ""
    if detail.gcode_key:
        text = store.get_bytes(detail.gcode_key, detail.gcode_sha256).decode("utf-8", "replace")
    image = heights = None
    grid, stock = detail.details.get("grid"), detail.details.get("stock")
    if detail.heightmap_key and grid and stock:
        heights = simulation.load_heightmap(
            store.get_bytes(detail.heightmap_key, detail.heightmap_sha256)
        )
        image = heightmap.shade(heights, grid["cell_mm"], stock["min"][2], stock["max"][2])
    feeds: list[np.ndarray] = []
    paths: dict[str, list[np.ndarray]] = {"feeds": [], "rapids": []}
    track = None
    if text:
        try:
            program = gcode.interpret(text)
            track = ToolTrack.of(program)
            lines = runtime.polylines(program)
            paths = {
                kind: [np.asarray(line, dtype=float) for line in lines[kind]] for kind in paths
            }
            feeds = [line[:, :2] for line in paths["feeds"]]
        except gcode.GCodeError:
            feeds = []  # the findings still show; the overlay is a convenience
    last_line = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    deviation = None
    if detail.deviation_key:
        from PIL import Image

        data = store.get_bytes(detail.deviation_key, detail.deviation_sha256)
        deviation = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    loaded = LoadedRun(
        detail, text, image, feeds, None, paths, None, last_line, deviation, heights,
        track=track, design_top=design_top, gouge_floor=gouge_floor,
    )  # fmt: skip
    if with_mesh:
        build_mesh(loaded)
    return loaded


def build_mesh(loaded: LoadedRun) -> StockMesh | None:
    """The simulated stock's display mesh (off the Qt thread), kept on ``loaded``."""
    details = loaded.detail.details
    if loaded.mesh is None and loaded.heights is not None:
        grid, stock = details["grid"], details["stock"]
        loaded.mesh = stock_mesh(
            loaded.heights, tuple(stock["min"][:2]), grid["cell_mm"],
            stock["min"][2], stock["max"][2],
        )  # fmt: skip
    return loaded.mesh


def read_playback(loaded: LoadedRun, store) -> Any:
    """The run's playback artefact, read from the store once (off the Qt thread)."""
    if loaded.playback is None:
        detail = loaded.detail
        loaded.playback = simulation.load_playback(
            store.get_bytes(detail.playback_key, detail.playback_sha256)
        )
    return loaded.playback


@dataclass
class StockFrame:
    """The stock after one line, ready to show: the top view and (for a 3-D view) the mesh,
    with its colours when its gouges so far are shown (the deviation mid-program)."""

    line: int
    image: np.ndarray
    mesh: StockMesh | None
    gouge_colours: np.ndarray | None = None
    gouged_cells: int = 0


def stock_frame(loaded: LoadedRun, store, line: int, with_mesh: bool = True) -> StockFrame:
    """The stock after program line ``line`` (off the Qt thread: a replay from the nearest
    checkpoint, then the picture and, when asked, the mesh)."""
    details = loaded.detail.details
    grid, stock = details["grid"], details["stock"]
    heights = read_playback(loaded, store).stock_at(line)
    low, high = stock["min"][2], stock["max"][2]
    image = heightmap.shade(heights, grid["cell_mm"], low, high)
    frame = StockFrame(line, image, None)
    if with_mesh:
        frame.mesh = stock_mesh(heights, tuple(stock["min"][:2]), grid["cell_mm"], low, high)
        if loaded.gouge_floor is not None:
            frame.gouge_colours, frame.gouged_cells = gouge_vertex_colours(
                frame.mesh, heights, loaded.gouge_floor
            )
    return frame


class StockView(QtWidgets.QWidget):
    """Top view of the simulated stock; zooms to the selected finding."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(260, 150)  # the playback controls fit under it in a dock
        self.image: QtGui.QImage | None = None
        self.grid: dict[str, Any] | None = None
        self.stock: dict[str, Any] | None = None
        self.findings: list[dict] = []
        self.fixtures: list[dict] = []
        self.feeds: list[np.ndarray] = []
        self.selected: int | None = None
        self.show_deviation = False  # the deviation map instead of the shaded stock

    def set_run(self, loaded: LoadedRun | None) -> None:
        self.image = None
        self.findings, self.fixtures, self.feeds, self.selected = [], [], [], None
        if loaded is not None:
            details = loaded.detail.details
            self.grid, self.stock = details.get("grid"), details.get("stock")
            self.findings = loaded.detail.findings
            self.fixtures = details.get("fixtures", [])
            self.feeds = loaded.feeds
            picture = loaded.image
            if self.show_deviation and loaded.deviation is not None:
                picture = loaded.deviation
            if picture is not None:
                self.set_image(picture)
        self.update()

    def set_image(self, image: np.ndarray) -> None:
        rgb = np.ascontiguousarray(image)
        height, width, _ = rgb.shape
        self.image = QtGui.QImage(
            rgb.data, width, height, 3 * width, QtGui.QImage.Format.Format_RGB888
        ).copy()  # own the pixels: the numpy buffer goes away
        self.update()

    def select(self, index: int | None) -> None:
        self.selected = index
        self.update()

    def _view_box(self) -> tuple[float, float, float, float] | None:
        """Program-coordinate rectangle (x0, y0, x1, y1) shown: the stock, or around the
        selected finding."""
        if not self.stock:
            return None
        x0, y0 = self.stock["min"][0], self.stock["min"][1]
        x1, y1 = self.stock["max"][0], self.stock["max"][1]
        if self.selected is not None and 0 <= self.selected < len(self.findings):
            f = self.findings[self.selected]
            half = max((x1 - x0), (y1 - y0)) / 6 + 5
            return f["x"] - half, f["y"] - half, f["x"] + half, f["y"] + half
        margin = 0.04 * max(x1 - x0, y1 - y0)
        return x0 - margin, y0 - margin, x1 + margin, y1 + margin

    def paintEvent(self, _event) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QtGui.QColor("#2e3436"))
        box = self._view_box()
        if box is None:
            painter.setPen(QtGui.QColor("#d3d7cf"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No run selected"))
            return
        x0, y0, x1, y1 = box
        scale = min(self.width() / (x1 - x0), self.height() / (y1 - y0))
        ox = (self.width() - (x1 - x0) * scale) / 2
        oy = (self.height() - (y1 - y0) * scale) / 2

        def to_screen(x: float, y: float) -> QtCore.QPointF:
            return QtCore.QPointF(ox + (x - x0) * scale, oy + (y1 - y) * scale)

        stock = self.stock
        top_left = to_screen(stock["min"][0], stock["max"][1])
        bottom_right = to_screen(stock["max"][0], stock["min"][1])
        target = QtCore.QRectF(top_left, bottom_right)
        if self.image is not None and self.grid:
            cell = self.grid["cell_mm"]
            ox_img, oy_img = self.grid["origin"]
            rows = self.image.height()
            # the image's own extent (cell centres ± half a cell)
            img_left = to_screen(ox_img - cell / 2, oy_img + (rows - 0.5) * cell)
            img_right = to_screen(ox_img + (self.image.width() - 0.5) * cell, oy_img - cell / 2)
            painter.drawImage(QtCore.QRectF(img_left, img_right), self.image)
        else:
            painter.fillRect(target, QtGui.QColor("#d6d9de"))
        painter.setPen(QtGui.QPen(QtGui.QColor("#eeeeec"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
        pen = QtGui.QPen(QtGui.QColor(32, 74, 135, 150), 1)
        painter.setPen(pen)
        for line in self.feeds:
            points = [to_screen(x, y) for x, y in line]
            painter.drawPolyline(QtGui.QPolygonF(points))
        # clamps and fixtures: hatched orange boxes with their names
        for fixture in self.fixtures:
            (fx0, fy0, _), (fx1, fy1, _) = fixture["min"], fixture["max"]
            rect = QtCore.QRectF(to_screen(fx0, fy1), to_screen(fx1, fy0))
            painter.setPen(QtGui.QPen(QtGui.QColor("#ce5c00"), 2))
            painter.setBrush(
                QtGui.QBrush(QtGui.QColor(245, 121, 0, 150), Qt.BrushStyle.BDiagPattern)
            )
            painter.drawRect(rect)
            painter.setPen(QtGui.QColor("#fcaf3e"))
            painter.drawText(
                rect.adjusted(-40, -18, 40, 0),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, fixture["name"],
            )  # fmt: skip
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        # the selected finding last, so it is on top of others at the same place
        order = [n for n in range(len(self.findings)) if n != self.selected]
        if self.selected is not None and 0 <= self.selected < len(self.findings):
            order.append(self.selected)
        for number in order:
            finding = self.findings[number]
            colour = QtGui.QColor(SEVERITY.get(finding["severity"], ("#555753",))[0])
            centre = to_screen(finding["x"], finding["y"])
            radius = 11 if number == self.selected else 8
            painter.setPen(QtGui.QPen(QtGui.QColor("#ffffff"), 2))
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
            painter.drawText(
                QtCore.QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter, str(number + 1),
            )  # fmt: skip
            if number == self.selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QtGui.QPen(colour, 2, Qt.PenStyle.DashLine))
                painter.drawEllipse(centre, radius + 8, radius + 8)


class SimReviewPanel(Panel):
    title_text = QT_TRANSLATE_NOOP("Panels", "Simulation Review")
    icon_name = "SimulationReview"
    # For a 3-D view beside the dock: the run shown (LoadedRun or None), the finding picked
    # (its number or None).
    run_shown = Signal(object)
    finding_chosen = Signal(object)
    stock_shown = Signal(object)  # a StockFrame: the scrubber moved

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.title.setText(self.tr("Simulation Review"))
        self.loaded: LoadedRun | None = None
        self._wanted_run: int | None = None  # the run picked last (loads finish in any order)
        self._loading_run: int | None = None  # the run whose load is under way
        self.awaiting = QtWidgets.QCheckBox(self.tr("Awaiting review only"))
        self.awaiting.setChecked(True)
        self.awaiting.toggled.connect(self.reload)
        self.refresh_button = QtWidgets.QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.header.addWidget(self.awaiting)
        self.header.addWidget(self.refresh_button)

        self.runs = table(
            [self.tr("Run"), self.tr("Program"), self.tr("Part"), self.tr("Machine"),
             self.tr("Result"), self.tr("Errors"), self.tr("Warnings"), self.tr("Review"),
             self.tr("Simulated")]
        )  # fmt: skip
        self.runs.itemSelectionChanged.connect(self._run_selected)
        self.empty = empty_state(self.tr("No simulated runs to review."))
        self.list_stack = QtWidgets.QStackedWidget()
        self.list_stack.addWidget(self.empty)
        self.list_stack.addWidget(self.runs)

        self.verdict = QtWidgets.QLabel()
        self.verdict.setWordWrap(True)
        self.findings = QtWidgets.QTreeWidget()
        self.findings.setHeaderLabels([self.tr("Finding"), self.tr("Line"), self.tr("Where")])
        self.findings.header().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        self.findings.itemSelectionChanged.connect(self._finding_selected)
        # The selected finding's sentence: what is wrong, where, and how to fix it.
        self.explanation = QtWidgets.QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setMinimumHeight(self.explanation.fontMetrics().lineSpacing() * 4)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.explanation.setMargin(4)
        self.view = StockView()
        # Playback: the stock after any line of the program (the run's playback artefact).
        self.scrubber = QtWidgets.QSlider(Qt.Orientation.Horizontal)
        self.scrubber.setToolTip(self.tr("The stock after this line of the program"))
        self.scrubber.valueChanged.connect(self._scrubbed)
        self.scrub_label = QtWidgets.QLabel()
        self._scrub_timer = QtCore.QTimer(self)
        self._scrub_timer.setSingleShot(True)
        self._scrub_timer.setInterval(40)  # one replay per pause of the hand, not per pixel
        self._scrub_timer.timeout.connect(self._show_scrubbed_stock)
        self._scrub_busy = False
        self.meshes_wanted = False  # a 3-D view shows the runs (attach_3d_view)
        # Play/pause, speed, and stepping through the findings in program order.
        style = self.style()
        self.previous_finding = QtWidgets.QToolButton()
        self.previous_finding.setIcon(
            style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaSkipBackward)
        )
        self.previous_finding.setText(self.tr("Previous finding"))
        self.previous_finding.setToolTip(
            self.tr("The finding before this point of the program: its line and its marker")
        )
        self.previous_finding.clicked.connect(lambda: self.step_finding(-1))
        self.next_finding = QtWidgets.QToolButton()
        self.next_finding.setIcon(
            style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaSkipForward)
        )
        self.next_finding.setText(self.tr("Next finding"))
        self.next_finding.setToolTip(
            self.tr("The finding after this point of the program: its line and its marker")
        )
        self.next_finding.clicked.connect(lambda: self.step_finding(1))
        self.play_button = QtWidgets.QToolButton()
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.play_button.clicked.connect(self.toggle_play)
        self.speed = QtWidgets.QComboBox()
        self.speed.setToolTip(self.tr("Playback speed"))
        for lines in PLAY_SPEEDS:
            self.speed.addItem(self.tr("{lines} lines/s").format(lines=lines), lines)
        self.speed.setCurrentIndex(PLAY_SPEEDS.index(DEFAULT_SPEED))
        self.speed.currentIndexChanged.connect(self._speed_changed)
        self._play_timer = QtCore.QTimer(self)
        self._play_timer.setInterval(PLAY_TICK_MS)
        self._play_timer.timeout.connect(self._play_tick)
        # where playing started and how long ago: the line shown follows the clock, so a
        # late tick on a busy machine skips ahead instead of slowing the playback down
        self._play_clock = QtCore.QElapsedTimer()
        self._play_from = 0
        self.scrubber.sliderPressed.connect(self.pause)  # the hand takes over
        self._show_play_state()
        self._scrubbed_image: np.ndarray | None = None  # the stock at the scrubber, if moved
        self.deviation = QtWidgets.QCheckBox(self.tr("Deviation from the design"))
        self.deviation.setToolTip(
            self.tr("Red: cut below the design. Blue: material left on it (darker: thicker). "
                    "Green: within the tolerance. In the 3-D view before the end of the "
                    "program: only what is cut below the design so far (red).")
        )  # fmt: skip
        self.deviation.setEnabled(False)
        self.deviation.toggled.connect(self._deviation_toggled)
        # FreeCAD's 3-D view draws the design over the stock (freecad/review_scene.py shows
        # this box; the standalone window has no 3-D view)
        self.design_overlay = QtWidgets.QCheckBox(self.tr("Design part in 3-D"))
        self.design_overlay.setToolTip(self.tr("The designed part, translucent, over the stock"))
        self.design_overlay.setVisible(False)
        self.code = QtWidgets.QPlainTextEdit()
        self.code.setReadOnly(True)
        self.code.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
        self.code.setFont(mono)
        self.comment = QtWidgets.QLineEdit()
        self.comment.setPlaceholderText(self.tr("Comment (required to reject)"))
        self.comment.setMaxLength(2000)
        self.approve_button = QtWidgets.QPushButton(self.tr("Approve"))
        self.reject_button = QtWidgets.QPushButton(self.tr("Reject"))
        self.approve_button.clicked.connect(lambda: self.decide("approved"))
        self.reject_button.clicked.connect(lambda: self.decide("rejected"))
        self.review_state = QtWidgets.QLabel()
        self.review_state.setWordWrap(True)

        detail = QtWidgets.QWidget()
        detail_layout = QtWidgets.QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.verdict)
        findings_column = QtWidgets.QWidget()
        findings_layout = QtWidgets.QVBoxLayout(findings_column)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        findings_layout.addWidget(self.findings, 1)
        findings_layout.addWidget(self.explanation)
        stock_column = QtWidgets.QWidget()
        stock_layout = QtWidgets.QVBoxLayout(stock_column)
        stock_layout.setContentsMargins(0, 0, 0, 0)
        stock_layout.addWidget(self.deviation)
        stock_layout.addWidget(self.design_overlay)
        # the top view and, for the window without FreeCAD's 3-D view, the stock in 3-D
        self.iso_view = IsoStockView(self)
        self.stock_tabs = QtWidgets.QTabWidget()
        self.stock_tabs.addTab(self.view, self.tr("Top view"))
        self.stock_tabs.addTab(self.iso_view, self.tr("3-D view"))
        stock_layout.addWidget(self.stock_tabs, 1)
        stock_layout.addWidget(self.scrubber)
        play_row = QtWidgets.QHBoxLayout()
        for widget in (self.previous_finding, self.play_button, self.next_finding, self.speed):
            play_row.addWidget(widget)
        play_row.addStretch(1)
        play_row.addWidget(self.scrub_label)
        stock_layout.addLayout(play_row)
        middle = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(findings_column)
        middle.addWidget(stock_column)
        middle.setSizes([320, 380])
        lower = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        lower.addWidget(middle)
        lower.addWidget(self.code)
        lower.setSizes([300, 200])
        detail_layout.addWidget(lower, 1)
        decision = QtWidgets.QHBoxLayout()
        decision.addWidget(self.comment, 1)
        decision.addWidget(self.approve_button)
        decision.addWidget(self.reject_button)
        detail_layout.addLayout(decision)
        detail_layout.addWidget(self.review_state)

        split = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list_stack)
        split.addWidget(detail)
        split.setSizes([180, 560])
        self.body.addWidget(split, 1)
        self._show_detail(None)

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.can_load():
            return
        user, awaiting = self.workspace.user, self.awaiting.isChecked()
        self.zone = user.timezone

        def work(_report):
            with user.db.session() as session:
                return simulation.list_sim_runs(session, awaiting_only=awaiting)

        self.set_busy(True)
        run_task(self, work, self._show_runs, self.show_error)

    def _show_runs(self, rows: list[simulation.SimRunSummary]) -> None:
        self.set_busy(False)
        keep = self.loaded.detail.summary.id if self.loaded else None
        self.runs.blockSignals(True)
        fill_table(self.runs, [
            [r.id, r.program, r.model, r.machine or "", self._status_text(r.status), r.errors,
             r.warnings, self._decision_text(r.decision), timefmt.short(r.created_at, self.zone)]
            for r in rows
        ])  # fmt: skip
        for number, row in enumerate(rows):
            self.runs.item(number, 0).setData(ROLE, row.id)
            self.runs.item(number, 4).setForeground(QtGui.QColor(STATUS_COLOURS[row.status]))
            if row.id == keep:
                self.runs.selectRow(number)
        self.runs.blockSignals(False)
        self.list_stack.setCurrentWidget(self.runs if rows else self.empty)
        if rows and not self.runs.selectedItems():
            self.runs.selectRow(0)  # itemSelectionChanged loads it

    def _status_text(self, status: str) -> str:
        return {"passed": self.tr("passed"), "warnings": self.tr("warnings"),
                "failed": self.tr("failed")}.get(status, status)  # fmt: skip

    def _decision_text(self, decision: str | None) -> str:
        if decision is None:
            return self.tr("awaiting")
        return self.tr("approved") if decision == "approved" else self.tr("rejected")

    def select_run(self, run_id: int) -> None:
        for row in range(self.runs.rowCount()):
            if self.runs.item(row, 0).data(ROLE) == run_id:
                self.runs.selectRow(row)
                return

    def _run_selected(self) -> None:
        items = self.runs.selectedItems()
        if not items:
            return
        run_id = self.runs.item(items[0].row(), 0).data(ROLE)
        if run_id == self._loading_run:
            # Already on its way: a second load of it would land later and put the
            # scrubber back to the end, under an operator (or a test) already scrubbing.
            return
        user, store = self.workspace.user, self.workspace.context.store
        with_mesh = self.meshes_wanted
        self.set_busy(True)
        self._wanted_run = self._loading_run = run_id

        def failed(exc: BaseException) -> None:
            if self._loading_run == run_id:
                self._loading_run = None
            self.show_error(exc)

        run_task(self, lambda _r: load_run(user, store, run_id, with_mesh),
                 lambda loaded: self._loaded(run_id, loaded), failed)  # fmt: skip

    def _loaded(self, run_id: int, loaded: LoadedRun | None) -> None:
        if self._loading_run == run_id:
            self._loading_run = None
        # Loads finish in any order: a run picked earlier must not replace the one picked last.
        if run_id == self._wanted_run:
            self._show_detail(loaded)

    def _show_detail(self, loaded: LoadedRun | None) -> None:
        self.set_busy(False)
        # The same run loaded again (a refresh) keeps the finding the operator is reading.
        current = self.findings.currentItem()
        same_run = (
            loaded is not None
            and self.loaded is not None
            and loaded.detail.summary.id == self.loaded.detail.summary.id
        )
        keep = current.data(0, ROLE) if same_run and current is not None else None
        # ... and the line it is scrubbed to, with the playback already read
        keep_line = self.scrubber.value() if same_run and self.scrubber.isEnabled() else None
        if same_run and loaded.detail.playback_key == self.loaded.detail.playback_key:
            loaded.playback = self.loaded.playback
        self.pause()
        self.loaded = loaded
        self.deviation.setEnabled(loaded is not None and loaded.deviation is not None)
        self.view.show_deviation = self.deviation.isEnabled() and self.deviation.isChecked()
        self.view.set_run(loaded)
        self._reset_scrubber(loaded)
        self.findings.clear()
        self.explanation.setText(self._explanation_hint() if loaded is not None else "")
        if loaded is None:
            self.verdict.setText(self.tr("Pick a simulated run."))
            self.code.clear()
            for widget in (self.approve_button, self.reject_button, self.comment):
                widget.setEnabled(False)
            self.review_state.clear()
            self._update_step_buttons()
            self.run_shown.emit(None)
            return
        detail = loaded.detail
        summary = detail.summary
        details = detail.details
        colour = STATUS_COLOURS.get(summary.status, "#2e3436")
        volume = details.get("removed_volume_mm3", 0) / 1000
        minutes, seconds = divmod(round(details.get("machining_time_s", 0)), 60)
        self.verdict.setText(
            f"<b style='color:{colour}'>"
            f"{upper(self._status_text(summary.status), localefmt.current())}</b> · "
            + self.tr("{program}: {errors} error(s), {warnings} warning(s); {volume} cm³ "
                      "removed; {m} min {s:02d} s on the machine.").format(
                program=summary.program, errors=summary.errors, warnings=summary.warnings,
                volume=localefmt.number(volume, 1), m=minutes, s=seconds,
            )
            + "<br>" + html.escape(design_summary(details.get("design")))
        )  # fmt: skip
        groups: dict[str, QtWidgets.QTreeWidgetItem] = {}
        for number, finding in enumerate(detail.findings):
            severity = finding["severity"]
            if severity not in groups:
                colour_name, title = SEVERITY.get(severity, ("#2e3436", severity))
                count = sum(f["severity"] == severity for f in detail.findings)
                group = QtWidgets.QTreeWidgetItem([f"{self.tr(title)} ({count})"])
                group.setForeground(0, QtGui.QColor(colour_name))
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.findings.addTopLevelItem(group)
                group.setExpanded(True)
                groups[severity] = group
            item = QtWidgets.QTreeWidgetItem([
                f"{number + 1}. {kind_label(self, finding['kind'])}",
                str(finding["line"] or ""),  # leftover: no line made it
                f"X{finding['x']:.1f} Y{finding['y']:.1f} Z{finding['z']:.1f}",
            ])  # fmt: skip
            item.setToolTip(0, finding_message(finding))
            item.setData(0, ROLE, number)
            groups[severity].addChild(item)
        if not detail.findings:
            self.findings.addTopLevelItem(QtWidgets.QTreeWidgetItem([self.tr("No findings.")]))
        self.findings.resizeColumnToContents(0)
        self.code.setPlainText(loaded.text)
        self._show_review_state()
        self._update_step_buttons()
        # The 3-D view last, when the dock shows the whole run: a view may run an event loop
        # of its own, and whatever runs in it must find the dock complete.
        self._show_in_3d(loaded)
        if keep is not None and keep < len(detail.findings):
            self.select_finding(keep)
        if keep_line is not None and loaded.playable and keep_line < loaded.last_line:
            self.scrub_to(keep_line)  # its stock follows, as for a hand on the scrubber

    def _show_review_state(self) -> None:
        detail = self.loaded.detail
        may_decide = allowed(self.workspace.user.role, Permission.SIM_APPROVE)
        open_for_review = detail.review is None
        self.comment.setEnabled(may_decide and open_for_review)
        self.reject_button.setEnabled(may_decide and open_for_review)
        can_approve = may_decide and open_for_review and detail.summary.status != "failed"
        self.approve_button.setEnabled(can_approve)
        if detail.summary.status == "failed":
            self.approve_button.setToolTip(self.tr("A program with errors cannot be approved."))
        elif not may_decide:
            self.approve_button.setToolTip(self.tr("Only operators approve programs."))
        else:
            self.approve_button.setToolTip("")
        if detail.review is not None:
            review = detail.review
            self.review_state.setText(
                self.tr("{decision} by {who} on {when}{comment}").format(
                    decision=self._decision_text(review.decision).capitalize(),
                    who=review.by or "?", when=timefmt.short(review.at, self.zone),
                    comment=f": “{review.comment}”" if review.comment else "",
                )
            )  # fmt: skip
        elif not may_decide:
            self.review_state.setText(self.tr("Only operators approve or reject programs."))
        else:
            self.review_state.clear()

    # -- the 3-D view ---------------------------------------------------------------------
    def attach_3d_view(self) -> None:
        """A 3-D view shows this dock's runs: from now on their stock meshes are built (the
        run's and the scrubber's); the run shown gets its mesh now."""
        if self.meshes_wanted:
            return
        self.meshes_wanted = True
        if self.loaded is not None:
            self._show_in_3d(self.loaded)

    def _show_in_3d(self, loaded: LoadedRun | None) -> None:
        if loaded is None or not self.meshes_wanted or loaded.mesh is not None:
            self.run_shown.emit(loaded)
            return

        def done(_mesh) -> None:
            if self.loaded is loaded:  # still the run shown
                self.run_shown.emit(loaded)

        run_task(self, lambda _r: build_mesh(loaded), done, self.show_error)

    # -- playback -------------------------------------------------------------------------
    def _reset_scrubber(self, loaded: LoadedRun | None) -> None:
        playable = loaded is not None and loaded.playable
        self._scrubbed_image = None
        self.scrubber.blockSignals(True)
        self.scrubber.setRange(0, loaded.last_line if playable else 0)
        self.scrubber.setValue(loaded.last_line if playable else 0)
        self.scrubber.blockSignals(False)
        self.scrubber.setEnabled(playable)
        self.play_button.setEnabled(playable)
        self.speed.setEnabled(playable)
        self.scrub_label.setText(self._scrub_text(self.scrubber.value()) if playable else "")

    def _scrub_text(self, line: int) -> str:
        if self.loaded is not None and line >= self.loaded.last_line:
            return self.tr("end of program")
        return self.tr("after line {line}").format(line=line)

    def scrub_to(self, line: int) -> None:
        """Show the stock after program line ``line`` (0: before the first)."""
        self.scrubber.setValue(line)

    def _scrubbed(self, line: int) -> None:
        self.scrub_label.setText(self._scrub_text(line))
        self._update_step_buttons()
        self._scrub_timer.start()

    def _show_scrubbed_stock(self) -> None:
        loaded = self.loaded
        if loaded is None or not loaded.playable:
            return
        if self._scrub_busy:  # one replay at a time; the newest position follows
            self._scrub_timer.start()
            return
        self._scrub_busy = True
        line = self.scrubber.value()
        store, with_mesh = self.workspace.context.store, self.meshes_wanted

        def done(frame: StockFrame) -> None:
            self._scrub_busy = False
            if self.loaded is not loaded:
                return  # another run was picked meanwhile
            self._scrubbed_image = frame.image
            # The deviation map compares the finished stock with the design: while it is
            # shown it stays (the 3-D view still follows the scrubber).
            if not self.view.show_deviation:
                self.view.set_image(frame.image)
            self.stock_shown.emit(frame)
            if frame.line != self.scrubber.value():
                self._scrub_timer.start()

        def failed(exc: BaseException) -> None:
            self._scrub_busy = False
            self.show_error(exc)

        run_task(self, lambda _r: stock_frame(loaded, store, line, with_mesh), done, failed)

    def is_playing(self) -> bool:
        return self._play_timer.isActive()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Run the program forward at the chosen speed (from the start when at its end)."""
        if not self.scrubber.isEnabled():
            return
        if self.scrubber.value() >= self.scrubber.maximum():
            self.scrubber.setValue(0)
        self._play_from = self.scrubber.value()
        self._play_clock.start()
        self._play_timer.start()
        self._show_play_state()

    def pause(self) -> None:
        self._play_timer.stop()
        self._show_play_state()

    def _speed_changed(self, _index: int) -> None:
        if self.is_playing():  # on from here at the new speed
            self._play_from = self.scrubber.value()
            self._play_clock.start()

    def _play_tick(self) -> None:
        lines_per_s = self.speed.currentData()
        line = self._play_from + int(lines_per_s * self._play_clock.elapsed() / 1000)
        end = self.scrubber.maximum()
        self.scrubber.setValue(min(line, end))
        if line >= end:
            self.pause()

    def _show_play_state(self) -> None:
        playing = self.is_playing()
        pixmap = QtWidgets.QStyle.StandardPixmap
        self.play_button.setIcon(
            self.style().standardIcon(pixmap.SP_MediaPause if playing else pixmap.SP_MediaPlay)
        )
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play_button.setToolTip(
            self.tr("Stop the playback here")
            if playing
            else self.tr("Play the program: the stock as each line leaves it")
        )

    # -- stepping through the findings ------------------------------------------------------
    def neighbour_finding(self, direction: int) -> int | None:
        """The finding after (``direction`` 1) or before (-1) this point of the program:
        the finding picked when the scrubber is on its line, else the scrubber's line (from
        the start when it is at the end). Findings without a line (leftover) are not on the
        way; the list still has them."""
        if self.loaded is None:
            return None
        findings = self.loaded.detail.findings
        order = sorted((f["line"], n) for n, f in enumerate(findings) if f["line"])
        chosen = self.view.selected
        line = self.scrubber.value()
        scrubbing = self.scrubber.isEnabled()
        here: tuple[float, float]
        if (
            chosen is not None
            and findings[chosen]["line"]
            and (not scrubbing or findings[chosen]["line"] == line)
        ):
            here = (findings[chosen]["line"], chosen)
        elif not scrubbing or (direction > 0 and line >= self.scrubber.maximum()):
            here = (0, -1) if direction > 0 else (math.inf, 0)
        else:
            here = (line, -1) if direction > 0 else (line, math.inf)
        if direction > 0:
            after = [key for key in order if key > here]
            return after[0][1] if after else None
        before = [key for key in order if key < here]
        return before[-1][1] if before else None

    def step_finding(self, direction: int) -> None:
        """Jump to the next (1) or previous (-1) finding: picked in the list (its marker in
        a 3-D view), its G-code line shown, the scrubber on that line."""
        number = self.neighbour_finding(direction)
        if number is None:
            return
        self.pause()
        self.select_finding(number)
        if self.scrubber.isEnabled():
            self.scrub_to(self.loaded.detail.findings[number]["line"])
        self._update_step_buttons()

    def _update_step_buttons(self) -> None:
        self.previous_finding.setEnabled(self.neighbour_finding(-1) is not None)
        self.next_finding.setEnabled(self.neighbour_finding(1) is not None)

    def _deviation_toggled(self, checked: bool) -> None:
        self.view.show_deviation = checked
        selected = self.view.selected
        self.view.set_run(self.loaded)
        if not checked and self._scrubbed_image is not None:
            self.view.set_image(self._scrubbed_image)  # back to where the scrubber is
        self.view.select(selected)

    # -- findings -------------------------------------------------------------------------
    def select_finding(self, number: int) -> None:
        for index in range(self.findings.topLevelItemCount()):
            group = self.findings.topLevelItem(index)
            for child in range(group.childCount()):
                item = group.child(child)
                if item.data(0, ROLE) == number:
                    self.findings.setCurrentItem(item)
                    return

    def _finding_selected(self) -> None:
        item = self.findings.currentItem()
        number = item.data(0, ROLE) if item is not None else None
        self.view.select(number)
        self._update_step_buttons()
        self.finding_chosen.emit(number)
        if number is None or self.loaded is None:
            self.explanation.setText(self._explanation_hint())
            return
        finding = self.loaded.detail.findings[number]
        if not finding["line"]:  # leftover: no line made it, the code stays where it is
            self.explanation.setText(finding_message(finding))
            return
        self.explanation.setText(
            self.tr("Line {line}: {message}").format(
                line=finding["line"], message=finding_message(finding)
            )
        )
        self.show_line(finding["line"])

    def _explanation_hint(self) -> str:
        if self.loaded is not None and not self.loaded.detail.findings:
            return ""
        return self.tr("Select a finding to see what is wrong and how to fix it.")

    def show_line(self, line: int) -> None:
        block = self.code.document().findBlockByNumber(max(line - 1, 0))
        cursor = QtGui.QTextCursor(block)
        self.code.setTextCursor(cursor)
        self.code.centerCursor()
        selection = QtWidgets.QTextEdit.ExtraSelection()
        selection.format.setBackground(QtGui.QColor("#fce94f"))
        selection.format.setProperty(QtGui.QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = cursor
        self.code.setExtraSelections([selection])

    def current_line(self) -> int:
        return self.code.textCursor().blockNumber() + 1

    # -- decisions ------------------------------------------------------------------------
    def decide(self, decision: str) -> None:
        if self.loaded is None:
            return
        user = self.workspace.user
        run_id = self.loaded.detail.summary.id
        comment = self.comment.text()

        def work(_report):
            with user.db.session() as session:
                return simulation.review(session, user.actor, run_id, decision, comment)

        def done(_review_id):
            self.comment.clear()
            self.banner.show_message(
                self.tr("Run #{id} {decision}.").format(
                    id=run_id, decision=self._decision_text(decision)
                ),
                "info",
            )
            self.reload()
            self._run_selected()

        run_task(self, work, done, self.show_error)
