"""CAM Setup: machine, material and tool pickers, stock and work holding, operations with
their cutting data, and G-code.

The engineer picks a model version (or, in FreeCAD, works on the open document), a
machine, a material and tools; adds operations; sees the feeds and speeds of each with
where every number came from and which limit bound; and then either generates G-code here
(in FreeCAD: the toolpaths appear in the 3D view of the open document) or saves the setup
and sends it to a worker. Problems (a tool longer than the Z travel, a tool wider than the
pocket, a material without cutting data, an unreachable spindle speed, a part that is not
a solid) are listed before anything runs.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Protocol

from cncworkbench.core import localefmt
from cncworkbench.core.cam_plan import OPERATION_KINDS, Box, CamPlan, Problem, stock_around
from cncworkbench.core.text import matches, sort_key
from cncworkbench.errors import UserError, ValidationError
from cncworkbench.services.machining import cam, catalog
from cncworkbench.services.pdm import models
from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.ui.panels import post_again
from cncworkbench.ui.panels.quote_tab import QuoteTab
from cncworkbench.ui.qt import Qt, QtCore, QtGui, QtWidgets
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.terms import term
from cncworkbench.ui.widgets import Panel, fill_table, fit_columns, table

LOW_STOCK = QtGui.QColor("#fcaf3e")
ROLE = Qt.ItemDataRole.UserRole
WORK_OFFSETS = ("G54", "G55", "G56", "G57", "G58", "G59")
SEVERITY_COLOURS = {"error": "#a40000", "warning": "#ce5c00"}


class CamHost(Protocol):
    """What FreeCAD offers the panel (absent in the standalone app)."""

    def part_features(self) -> dict[str, Any]:
        """Features of the open document's part (bbox, pockets, holes); UserError if none."""

    def generate(self, plan: CamPlan) -> tuple[str, list[float]]:
        """Build the CAM job in the open document and post it: (program, seconds per op)."""


def _number(value, digits: int = 1) -> str:
    return localefmt.number(value, digits)


def _whole(value) -> str:
    """Speeds and feeds as a machine's display shows them: ``10000`` (no grouping)."""
    return localefmt.number(value or 0, 0, grouping=False)


def _mm(value) -> str:
    """A length as short as it is exact (``84``, ``6,35``): what ``{:g}`` gave, in the
    language shown."""
    return localefmt.number(value or 0, 3, trim=True, grouping=False)


def load_catalog(session, actor) -> dict[str, Any]:
    machines = [catalog.as_mapping(m) for m in catalog.active_machines(session)]
    tools = [catalog.as_mapping(t) for t in catalog.active_tools(session)]
    materials = [catalog.as_mapping(m) for m in catalog.materials(session)]
    recent = models.list_models(session, actor, limit=100).rows
    return {"machines": machines, "tools": tools, "materials": materials, "models": recent}


class ToolDrawing(QtWidgets.QWidget):
    """The selected tool to scale: holder, shank and fluted length, with its dimensions."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tool: dict[str, Any] | None = None
        self.setMinimumSize(170, 220)

    def set_tool(self, tool: dict[str, Any] | None) -> None:
        self.tool = tool
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QtGui.QColor("#ffffff"))
        if not self.tool:
            painter.setPen(QtGui.QColor("#888a85"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No tool selected"))
            return
        t = self.tool
        specs = t.get("specifications") or {}
        holder = specs.get("holder") or {}
        d = float(t.get("diameter_mm") or 1)
        shank = float(t.get("shank_diameter_mm") or d)
        flutes = float(t.get("flute_length_mm") or d)
        stickout = float(specs.get("stickout_mm") or t.get("overall_length_mm") or 3 * d)
        holder_len = float(holder.get("length_mm") or 0)
        holder_dia = float(holder.get("diameter_mm") or max(d, shank) * 1.6)
        total = stickout + holder_len
        width = max(holder_dia, d, shank)
        margin = 34.0
        scale = min((self.width() - 2 * margin) / width, (self.height() - 2 * margin) / total)
        cx = self.width() / 2
        top = margin + (self.height() - 2 * margin - total * scale) / 2

        def rect(x_half: float, y0: float, length: float) -> QtCore.QRectF:
            return QtCore.QRectF(cx - x_half * scale, top + y0 * scale, 2 * x_half * scale,
                                 length * scale)  # fmt: skip

        painter.setPen(QtGui.QPen(QtGui.QColor("#555753"), 1))
        if holder_len:
            painter.setBrush(QtGui.QColor("#babdb6"))
            painter.drawRect(rect(holder_dia / 2, 0, holder_len))
        painter.setBrush(QtGui.QColor("#d3d7cf"))
        painter.drawRect(rect(shank / 2, holder_len, max(stickout - flutes, 0)))
        painter.setBrush(QtGui.QBrush(QtGui.QColor("#3465a4"), Qt.BrushStyle.BDiagPattern))
        fluted = rect(d / 2, holder_len + max(stickout - flutes, 0), min(flutes, stickout))
        kind = t.get("type", "")
        if kind in ("drill", "spot_drill", "chamfer_mill", "ball_endmill"):
            # the tip: a point for drills and chamfer mills, a half circle for ball ends
            tip = fluted.width() / 2 if kind == "ball_endmill" else fluted.width() * 0.36
            body = QtCore.QRectF(fluted.left(), fluted.top(), fluted.width(),
                                 max(fluted.height() - tip, 1))  # fmt: skip
            path = QtGui.QPainterPath()
            path.moveTo(body.bottomLeft())
            path.lineTo(body.topLeft())
            path.lineTo(body.topRight())
            path.lineTo(body.bottomRight())
            if kind == "ball_endmill":
                path.arcTo(QtCore.QRectF(body.left(), body.bottom() - tip, body.width(), 2 * tip),
                           0, -180)  # fmt: skip
            else:
                path.lineTo(QtCore.QPointF(body.center().x(), body.bottom() + tip))
            path.closeSubpath()
            painter.drawPath(path)
        else:
            painter.drawRect(fluted)
        painter.setPen(QtGui.QColor("#2e3436"))
        font = painter.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
        painter.setFont(font)
        painter.drawText(
            QtCore.QRectF(0, fluted.bottom() + 4, self.width(), 18),
            Qt.AlignmentFlag.AlignHCenter,
            f"Ø{_mm(d)} mm",
        )
        painter.drawText(
            QtCore.QRectF(fluted.right() + 6, fluted.top(), self.width(), fluted.height()),
            Qt.AlignmentFlag.AlignVCenter,
            self.tr("flutes {length}").format(length=_mm(flutes)),
        )
        painter.drawText(
            QtCore.QRectF(0, 4, self.width(), 18),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("stick-out {length} mm").format(length=_mm(stickout)),
        )


class CamSetupPanel(Panel):
    title_text = QT_TRANSLATE_NOOP("Panels", "CAM Setup")
    icon_name = "CamSetup"

    def __init__(self, workspace, host: CamHost | None = None, parent=None):
        super().__init__(workspace, parent)
        self.title.setText(self.tr("CAM Setup"))
        self.host = host
        self.data: dict[str, Any] = {"machines": [], "tools": [], "materials": [], "models": []}
        self.operations: list[cam.OperationRequest] = []
        self.features: dict[str, Any] | None = None
        self.setup_id: int | None = None
        self.plan: CamPlan | None = None
        self.problems: list = []
        self.cuts: dict = {}
        self.generated: cam.FinishedProgram | None = None
        self._preview_pending = False
        self._restoring: dict | None = None  # the state of the panel this one replaces
        self._preview_timer = QtCore.QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(self.preview)

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self._machine_tab(), self.tr("Machine && material"))
        self.tabs.addTab(self._tools_tab(), self.tr("Tools"))
        self.tabs.addTab(self._stock_tab(), self.tr("Stock && holding"))
        self.tabs.addTab(self._operations_tab(), self.tr("Operations"))
        self.cost = QuoteTab(self)
        self.tabs.addTab(self.cost, self.tr("Cost"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.body.addWidget(self.tabs, 1)

        self.problem_list = QtWidgets.QListWidget()
        self.problem_list.setMaximumHeight(96)
        self.problem_list.setWordWrap(True)
        self.body.addWidget(self.problem_list)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.body.addWidget(self.progress)
        self.result = QtWidgets.QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.result)
        buttons = QtWidgets.QHBoxLayout()
        self.check_button = QtWidgets.QPushButton(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Measure the part and check the setup against it"))
        self.save_button = QtWidgets.QPushButton(self.tr("Save setup"))
        self.generate_button = QtWidgets.QPushButton(self.tr("Generate G-code"))
        self.generate_button.setToolTip(
            self.tr("Build the toolpaths in the open document and post them")
        )
        self.worker_button = QtWidgets.QPushButton(self.tr("Run on worker"))
        self.worker_button.setToolTip(self.tr("Save the setup and queue a CAM job"))
        self.save_gcode_button = QtWidgets.QPushButton(self.tr("Save G-code…"))
        self.save_gcode_button.setEnabled(False)
        self.post_again_button = QtWidgets.QPushButton(self.tr("Post for another machine…"))
        self.post_again_button.setToolTip(
            self.tr("Post a CAM run's toolpaths for another machine or work offset")
        )
        self.post_again_button.clicked.connect(lambda: post_again.start(self))
        for button in (self.check_button, self.save_button, self.generate_button,
                       self.worker_button, self.save_gcode_button,
                       self.post_again_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.generate_button.setVisible(host is not None)
        self.check_button.clicked.connect(self.check)
        self.save_button.clicked.connect(lambda: self.save())
        self.generate_button.clicked.connect(self.generate)
        self.worker_button.clicked.connect(self.run_on_worker)
        self.save_gcode_button.clicked.connect(self._ask_gcode_path)

    # -- building the tabs ---------------------------------------------------------------
    def _machine_tab(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        filters = QtWidgets.QHBoxLayout()
        self.machine_filter = QtWidgets.QLineEdit()
        self.machine_filter.setPlaceholderText(self.tr("Filter machines…"))
        self.machine_type = QtWidgets.QComboBox()
        filters.addWidget(self.machine_filter, 1)
        filters.addWidget(self.machine_type)
        layout.addLayout(filters)
        self.machines = table(
            [self.tr("Machine"), self.tr("Type"), self.tr("Axes"),
             self.tr("Travel X × Y × Z (mm)"), self.tr("Spindle (rpm)"), self.tr("Power (kW)"),
             self.tr("Controller"), self.tr("Post-processor")]
        )  # fmt: skip
        layout.addWidget(self.machines, 3)
        filters = QtWidgets.QHBoxLayout()
        self.material_category = QtWidgets.QComboBox()
        filters.addWidget(QtWidgets.QLabel(self.tr("Material category:")))
        filters.addWidget(self.material_category)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.materials = table(
            [self.tr("Material"), self.tr("Category"), self.tr("Grade"), self.tr("Vc (m/min)"),
             self.tr("fz (mm/tooth)"), self.tr("kc1 (N/mm²)"), self.tr("Machinability")]
        )  # fmt: skip
        layout.addWidget(self.materials, 3)
        self.machine_filter.textChanged.connect(self._filter_machines)
        self.machine_type.currentIndexChanged.connect(self._filter_machines)
        self.material_category.currentIndexChanged.connect(self._filter_materials)
        self.machines.itemSelectionChanged.connect(self._changed)
        self.materials.itemSelectionChanged.connect(self._changed)
        return page

    def _tools_tab(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        filters = QtWidgets.QHBoxLayout()
        self.tool_type = QtWidgets.QComboBox()
        self.tool_material = QtWidgets.QComboBox()
        self.tool_coating = QtWidgets.QComboBox()
        self.diameter_min = QtWidgets.QDoubleSpinBox()
        self.diameter_max = QtWidgets.QDoubleSpinBox()
        for spin, value in ((self.diameter_min, 0.0), (self.diameter_max, 100.0)):
            spin.setRange(0, 200)
            spin.setDecimals(2)
            spin.setSuffix(" mm")
            spin.setValue(value)
        self.in_stock = QtWidgets.QCheckBox(self.tr("In stock only"))
        for combo in (self.tool_type, self.tool_material, self.tool_coating):
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters.addWidget(self.tool_type)
        filters.addWidget(QtWidgets.QLabel(self.tr("Ø")))
        filters.addWidget(self.diameter_min)
        filters.addWidget(QtWidgets.QLabel("–"))
        filters.addWidget(self.diameter_max)
        filters.addWidget(self.tool_material)
        filters.addWidget(self.tool_coating)
        filters.addWidget(self.in_stock)
        filters.addStretch(1)
        layout.addLayout(filters)
        row = QtWidgets.QHBoxLayout()
        self.tools = table(
            [self.tr("Tool"), self.tr("Type"), self.tr("Ø (mm)"), self.tr("Flutes"),
             self.tr("Flute length (mm)"), self.tr("Material"), self.tr("Coating"),
             self.tr("Stock / minimum")]
        )  # fmt: skip
        row.addWidget(self.tools, 1)
        self.drawing = ToolDrawing()
        row.addWidget(self.drawing)
        layout.addLayout(row, 1)
        self.tool_details = QtWidgets.QLabel()
        self.tool_details.setWordWrap(True)
        layout.addWidget(self.tool_details)
        add = QtWidgets.QHBoxLayout()
        self.op_kind = QtWidgets.QComboBox()
        for kind in OPERATION_KINDS:
            self.op_kind.addItem(_kind_label(self, kind), kind)
        self.add_op_button = QtWidgets.QPushButton(self.tr("Add operation with this tool"))
        add.addWidget(self.op_kind)
        add.addWidget(self.add_op_button)
        add.addStretch(1)
        layout.addLayout(add)
        for widget in (self.tool_type, self.tool_material, self.tool_coating):
            widget.currentIndexChanged.connect(self._filter_tools)
        self.diameter_min.valueChanged.connect(self._filter_tools)
        self.diameter_max.valueChanged.connect(self._filter_tools)
        self.in_stock.toggled.connect(self._filter_tools)
        self.tools.itemSelectionChanged.connect(self._tool_selected)
        self.add_op_button.clicked.connect(lambda: self.add_operation(self.op_kind.currentData()))
        return page

    def _stock_tab(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(page)
        self.model_combo = QtWidgets.QComboBox()
        self.model_combo.setMinimumContentsLength(30)
        form.addRow(self.tr("Model version:"), self.model_combo)
        self.setup_name = QtWidgets.QLineEdit(self.tr("Setup 1"))
        form.addRow(self.tr("Setup name:"), self.setup_name)
        self.stock_from_model = QtWidgets.QRadioButton(self.tr("Part's bounding box + margins"))
        self.stock_explicit = QtWidgets.QRadioButton(self.tr("Explicit box"))
        self.stock_from_model.setChecked(True)
        form.addRow(self.tr("Stock:"), self.stock_from_model)
        margins = QtWidgets.QHBoxLayout()
        self.margin_xy = _spin(2.0, 0, 100, self.tr(" mm around"))
        self.margin_top = _spin(1.0, 0, 100, self.tr(" mm on top"))
        margins.addWidget(self.margin_xy)
        margins.addWidget(self.margin_top)
        form.addRow("", margins)
        form.addRow("", self.stock_explicit)
        explicit = QtWidgets.QGridLayout()
        self.stock_min = [_spin(0.0, -5000, 5000, " mm") for _ in range(3)]
        self.stock_size = [_spin(value, 0.001, 5000, " mm") for value in (100.0, 100.0, 25.0)]
        for column, axis in enumerate("XYZ"):
            explicit.addWidget(QtWidgets.QLabel(axis), 0, column + 1)
        explicit.addWidget(QtWidgets.QLabel(self.tr("min")), 1, 0)
        explicit.addWidget(QtWidgets.QLabel(self.tr("size")), 2, 0)
        for column in range(3):
            explicit.addWidget(self.stock_min[column], 1, column + 1)
            explicit.addWidget(self.stock_size[column], 2, column + 1)
        form.addRow("", explicit)
        self.stock_summary = QtWidgets.QLabel()
        form.addRow("", self.stock_summary)
        self.work_offset = QtWidgets.QComboBox()
        self.work_offset.addItems(WORK_OFFSETS)
        form.addRow(self.tr("Work offset:"), self.work_offset)
        self.fixtures = QtWidgets.QTableWidget(0, 7)
        self.fixtures.setHorizontalHeaderLabels(
            [self.tr("Fixture / clamp"), "X min", "Y min", "Z min", "X max", "Y max", "Z max"]
        )
        self.fixtures.verticalHeader().hide()
        self.fixtures.horizontalHeader().setSectionResizeMode(
            0, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.fixtures.setMinimumHeight(110)
        form.addRow(self.tr("Fixtures:"), self.fixtures)
        row = QtWidgets.QHBoxLayout()
        add = QtWidgets.QPushButton(self.tr("Add fixture"))
        remove = QtWidgets.QPushButton(self.tr("Remove fixture"))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        form.addRow("", row)
        add.clicked.connect(lambda: self.add_fixture(self.tr("Vise jaw"), [0, -15, 0], [0, 0, 0]))
        remove.clicked.connect(lambda: self.fixtures.removeRow(self.fixtures.currentRow()))
        for widget in [self.margin_xy, self.margin_top, *self.stock_min, *self.stock_size]:
            widget.valueChanged.connect(self._changed)
        self.stock_from_model.toggled.connect(self._changed)
        self.stock_explicit.toggled.connect(self._explicit_toggled)
        self._explicit_toggled(False)
        self.model_combo.currentIndexChanged.connect(self._model_changed)
        self.work_offset.currentIndexChanged.connect(self._changed)
        self.fixtures.itemChanged.connect(self._changed)
        return page

    def _explicit_toggled(self, explicit: bool) -> None:
        for spin in (*self.stock_min, *self.stock_size):
            spin.setEnabled(explicit)
        for spin in (self.margin_xy, self.margin_top):
            spin.setEnabled(not explicit)

    def _operations_tab(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        self.op_table = table(
            [self.tr("#"), self.tr("Operation"), self.tr("Tool"), self.tr("Stepdown (mm)"),
             self.tr("Stepover (%)"), self.tr("Leave (mm)"), self.tr("Spindle (rpm)"),
             self.tr("Feed (mm/min)")]
        )  # fmt: skip
        layout.addWidget(self.op_table, 2)
        editor = QtWidgets.QHBoxLayout()
        self.stepdown = _spin(0.0, 0, 100, " mm")
        self.stepdown.setSpecialValueText(self.tr("auto"))
        self.stepover = _spin(0.0, 0, 100, " %")
        self.stepover.setSpecialValueText(self.tr("auto"))
        editor.addWidget(QtWidgets.QLabel(self.tr("Stepdown:")))
        editor.addWidget(self.stepdown)
        editor.addWidget(QtWidgets.QLabel(self.tr("Stepover:")))
        editor.addWidget(self.stepover)
        # material left on walls and floor for a later finishing pass (#21); the
        # simulation's check against the design allows exactly this much
        self.leave = _spin(0.0, 0, cam.MAX_STOCK_TO_LEAVE_MM, " mm")
        self.leave.setToolTip(
            self.tr(
                "Material this operation leaves on walls and floor for a later finishing "
                "operation; 0 cuts to size."
            )
        )
        editor.addWidget(QtWidgets.QLabel(self.tr("Stock to leave:")))
        editor.addWidget(self.leave)
        self.up_button = QtWidgets.QPushButton(self.tr("Up"))
        self.down_button = QtWidgets.QPushButton(self.tr("Down"))
        self.remove_op_button = QtWidgets.QPushButton(self.tr("Remove"))
        for button in (self.up_button, self.down_button, self.remove_op_button):
            editor.addWidget(button)
        editor.addStretch(1)
        layout.addLayout(editor)
        self.feeds_view = QtWidgets.QLabel()
        self.feeds_view.setWordWrap(True)
        self.feeds_view.setTextFormat(Qt.TextFormat.RichText)
        self.feeds_view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.feeds_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.feeds_view)
        layout.addWidget(scroll, 3)
        self.op_table.itemSelectionChanged.connect(self._op_selected)
        self.stepdown.valueChanged.connect(self._op_edited)
        self.stepover.valueChanged.connect(self._op_edited)
        self.leave.valueChanged.connect(self._op_edited)
        self.up_button.clicked.connect(lambda: self._move_op(-1))
        self.down_button.clicked.connect(lambda: self._move_op(1))
        self.remove_op_button.clicked.connect(self._remove_op)
        return page

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.can_load():
            return
        user = self.workspace.user

        def work(_report):
            with user.db.session() as session:
                return load_catalog(session, user.actor)

        self.set_busy(True)
        run_task(self, work, self.show_catalog, self.show_error)

    def show_catalog(self, data: dict[str, Any]) -> None:
        self.set_busy(False)
        self.data = data
        _fill_combo(self.machine_type, self.tr("All types"), {m["type"] for m in data["machines"]},
                    "MachineTypes")  # fmt: skip
        _fill_combo(self.material_category, self.tr("All categories"),
                    {m["category"] for m in data["materials"]}, "MaterialCategories")  # fmt: skip
        _fill_combo(self.tool_type, self.tr("All types"), {t["type"] for t in data["tools"]},
                    "ToolTypes")  # fmt: skip
        _fill_combo(self.tool_material, self.tr("Any tool material"),
                    {t["material"] for t in data["tools"] if t["material"]},
                    "ToolMaterials")  # fmt: skip
        _fill_combo(self.tool_coating, self.tr("Any coating"),
                    {t["coating"] for t in data["tools"] if t["coating"]}, "Coatings")  # fmt: skip
        self._filter_machines()
        self._filter_materials()
        self._filter_tools()
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        if self.host is not None:
            self.model_combo.addItem(self.tr("The open document"), None)
        for row in data["models"]:
            self.model_combo.addItem(f"{row.name} · v{row.version} · {row.file_format}", row.id)
        self.model_combo.blockSignals(False)
        self._model_changed()
        if self._restoring is not None:
            self._apply_state(self._restoring)
        low = [
            t for t in data["tools"] if (t["quantity_available"] or 0) < (t["minimum_stock"] or 0)
        ]
        if low:
            self.banner.show_message(
                self.tr("{count} tools are below their minimum stock.").format(count=len(low)),
                "warning",
            )

    def _filter_machines(self) -> None:
        text = self.machine_filter.text()
        kind = self.machine_type.currentData()
        rows = [
            m for m in self.data["machines"]
            if (not kind or m["type"] == kind)
            and matches(text, f"{m['name']} {m['controller']} {m['post_processor']}")
        ]  # fmt: skip
        _fill_rows(self.machines, rows, lambda m: [
            m["name"], term("MachineTypes", m["type"]), m["axes"],
            f"{_mm(m['work_envelope_x_mm'])} × {_mm(m['work_envelope_y_mm'])} × "
            f"{_mm(m['work_envelope_z_mm'])}",
            f"{_whole((m['specifications'] or {}).get('spindle_min_rpm') or 0)}–"
            f"{_whole(m['spindle_max_rpm'])}",
            _number(m["spindle_power_kw"]), m["controller"], m["post_processor"],
        ])  # fmt: skip

    def _filter_materials(self) -> None:
        category = self.material_category.currentData()
        rows = [m for m in self.data["materials"] if not category or m["category"] == category]
        _fill_rows(self.materials, rows, lambda m: [
            m["name"], term("MaterialCategories", m["category"]), m["grade"],
            _number(m["cutting_speed_m_min"], 0),
            _number(m["feed_rate_mm_tooth"], 3),
            (m["properties"] or {}).get("kc1_n_mm2", ""), m["machinability_rating"],
        ])  # fmt: skip

    def _filter_tools(self) -> None:
        kind = self.tool_type.currentData()
        material = self.tool_material.currentData()
        coating = self.tool_coating.currentData()
        low, high = self.diameter_min.value(), self.diameter_max.value()
        rows = [
            t for t in self.data["tools"]
            if (not kind or t["type"] == kind)
            and (not material or t["material"] == material)
            and (not coating or t["coating"] == coating)
            and low <= float(t["diameter_mm"] or 0) <= high
            and (not self.in_stock.isChecked() or (t["quantity_available"] or 0) > 0)
        ]  # fmt: skip
        _fill_rows(self.tools, rows, lambda t: [
            t["name"], term("ToolTypes", t["type"]), _number(t["diameter_mm"], 2), t["flute_count"],
            _number(t["flute_length_mm"]), term("ToolMaterials", t["material"]),
            term("Coatings", t["coating"]),
            f"{t['quantity_available']} / {t['minimum_stock']}",
        ])  # fmt: skip
        for row_number, tool in enumerate(rows):
            if (tool["quantity_available"] or 0) < (tool["minimum_stock"] or 0):
                item = self.tools.item(row_number, 7)
                item.setBackground(LOW_STOCK)
                item.setToolTip(self.tr("Below minimum stock: reorder"))

    # -- the work in progress, across a change of language -------------------------------
    def state(self) -> dict:
        return {
            "tab": self.tabs.currentIndex(),
            "machine": (self.selected(self.machines) or {}).get("id"),
            "material": (self.selected(self.materials) or {}).get("id"),
            "tool": (self.selected(self.tools) or {}).get("id"),
            "operations": [dataclasses.replace(op) for op in self.operations],
            "operation": self.op_table.currentRow(),
            "model": self.model_combo.currentData(),
            "setup_id": self.setup_id,
            "setup_name": self.setup_name.text(),
            "features": self.features,
            "explicit": self.stock_explicit.isChecked(),
            "spins": [spin.value() for spin in self._stock_spins()],
            "work_offset": self.work_offset.currentText(),
            "fixtures": [
                [self.fixtures.item(r, c).text() if self.fixtures.item(r, c) else ""
                 for c in range(self.fixtures.columnCount())]
                for r in range(self.fixtures.rowCount())
            ],
        }  # fmt: skip

    def restore(self, state: dict) -> None:
        """Fields at once; selections once the catalogue has loaded (:meth:`show_catalog`)."""
        self.setup_id = state.get("setup_id")
        self.setup_name.setText(state.get("setup_name", self.setup_name.text()))
        self.stock_explicit.setChecked(state.get("explicit", False))
        for spin, value in zip(self._stock_spins(), state.get("spins", []), strict=False):
            spin.setValue(value)
        self.work_offset.setCurrentText(state.get("work_offset", "G54"))
        for name, *corners in state.get("fixtures", []):
            self.add_fixture(name, corners[:3], corners[3:])
        self.operations = list(state.get("operations", []))
        self.tabs.setCurrentIndex(state.get("tab", 0))
        self._restoring = state

    def _apply_state(self, state: dict) -> None:
        self._restoring = None
        index = self.model_combo.findData(state.get("model"))
        if index >= 0:
            self.model_combo.setCurrentIndex(index)
        self.features = state.get("features") or self.features
        for widget, key in ((self.machines, "machine"), (self.materials, "material"),
                            (self.tools, "tool")):  # fmt: skip
            _select_by_id(widget, state.get(key))
        self._show_operations(state.get("operation", -1))
        self._changed()

    def _stock_spins(self) -> list[QtWidgets.QDoubleSpinBox]:
        return [self.margin_xy, self.margin_top, *self.stock_min, *self.stock_size]

    # -- selections -----------------------------------------------------------------------
    def select_machine(self, name: str) -> None:
        _select_by_name(self.machines, name)

    def select_material(self, name: str) -> None:
        _select_by_name(self.materials, name)

    def select_tool(self, name: str) -> None:
        _select_by_name(self.tools, name)

    def selected(self, widget) -> dict[str, Any] | None:
        items = widget.selectedItems()
        return items[0].data(ROLE) if items else None

    def _tool_selected(self) -> None:
        tool = self.selected(self.tools)
        self.drawing.set_tool(tool)
        if tool is None:
            self.tool_details.clear()
            return
        specs = tool.get("specifications") or {}
        holder = (specs.get("holder") or {}).get("type", self.tr("no holder listed"))
        template = self.tr("{name}: {flutes} flutes, flute length {flute} mm, holder {holder}.")
        text = template.format(
            name=tool["name"], flutes=tool["flute_count"], flute=_mm(tool["flute_length_mm"]),
            holder=holder,
        )  # fmt: skip
        if (tool["quantity_available"] or 0) < (tool["minimum_stock"] or 0):
            text += " " + self.tr("Only {have} in stock (minimum {minimum}).").format(
                have=tool["quantity_available"] or 0, minimum=tool["minimum_stock"]
            )
        self.tool_details.setText(text)

    def _model_changed(self) -> None:
        self.features = None
        if self.host is not None and self.model_combo.currentData() is None:
            try:  # the open document: FreeCAD measures it at once (milliseconds)
                self.features = self.host.part_features()
            except UserError as exc:
                self.banner.show_message(str(exc), "warning")
        self._changed()

    def model_row(self):
        model_id = self.model_combo.currentData()
        return next((row for row in self.data["models"] if row.id == model_id), None)

    # -- operations -----------------------------------------------------------------------
    def add_operation(self, kind: str, tool_name: str | None = None) -> None:
        if tool_name:
            self.select_tool(tool_name)
        tool = self.selected(self.tools)
        if tool is None:
            self.banner.show_message(self.tr("Pick a tool first (Tools tab)."), "warning")
            return
        self.operations.append(cam.OperationRequest(kind, tool["id"]))
        self._show_operations(len(self.operations) - 1)
        self._changed()

    def _show_operations(self, select: int | None = None) -> None:
        tools = {t["id"]: t for t in self.data["tools"]}
        auto = self.tr("auto ({value})")
        rows = []
        for index, op in enumerate(self.operations):
            cut = self.cuts.get(index)
            stepdown = op.stepdown_mm
            stepover = op.stepover_percent
            rows.append([
                index + 1, _kind_label(self, op.kind), tools.get(op.tool_id, {}).get("name", "?"),
                _mm(stepdown) if stepdown else ("" if cut is None or op.kind == "drilling"
                                                else auto.format(value=_mm(round(cut.ap_mm, 2)))),
                _mm(stepover) if stepover else (
                    "" if op.kind == "drilling"
                    else auto.format(value=_mm(cam.DEFAULT_STEPOVER.get(op.kind, 50.0)))),
                "" if op.kind == "drilling" else _mm(op.stock_to_leave_mm or 0.0),
                "" if cut is None else _whole(cut.rpm),
                "" if cut is None else _whole(cut.feed_mm_min),
            ])  # fmt: skip
        current = self.op_table.currentRow() if select is None else select
        self.op_table.blockSignals(True)
        fill_table(self.op_table, rows)
        if 0 <= current < len(rows):
            self.op_table.selectRow(current)
        self.op_table.blockSignals(False)
        self._op_selected()

    def _op_selected(self) -> None:
        index = self.op_table.currentRow()
        valid = 0 <= index < len(self.operations)
        for widget in (self.stepdown, self.stepover, self.leave, self.up_button,
                       self.down_button, self.remove_op_button):  # fmt: skip
            widget.setEnabled(valid)
        if not valid:
            self.feeds_view.setText(self.tr("Add operations from the Tools tab."))
            return
        op = self.operations[index]
        self.leave.setEnabled(op.kind != "drilling")  # a drill leaves nothing to finish
        for spin, value in ((self.stepdown, op.stepdown_mm), (self.stepover, op.stepover_percent),
                            (self.leave, op.stock_to_leave_mm)):  # fmt: skip
            spin.blockSignals(True)
            spin.setValue(value or 0.0)
            spin.blockSignals(False)
        self.feeds_view.setText(self._feeds_html(index))

    def _op_edited(self) -> None:
        index = self.op_table.currentRow()
        if not 0 <= index < len(self.operations):
            return
        op = self.operations[index]
        op.stepdown_mm = self.stepdown.value() or None
        op.stepover_percent = self.stepover.value() or None
        if op.kind != "drilling":
            op.stock_to_leave_mm = self.leave.value()
        self._changed()

    def _move_op(self, step: int) -> None:
        index = self.op_table.currentRow()
        target = index + step
        if 0 <= index < len(self.operations) and 0 <= target < len(self.operations):
            ops = self.operations
            ops[index], ops[target] = ops[target], ops[index]
            self._show_operations(target)
            self._changed()

    def _remove_op(self) -> None:
        index = self.op_table.currentRow()
        if 0 <= index < len(self.operations):
            del self.operations[index]
            self._show_operations(min(index, len(self.operations) - 1))
            self._changed()

    def _feeds_html(self, index: int) -> str:
        cut = self.cuts.get(index)
        if cut is None:
            return self.tr("No cutting data yet: pick a machine and a material.")

        def n(value, decimals):
            return localefmt.number(value, decimals, grouping=False)

        rpm, mm_min = self.tr("{value} rpm"), self.tr("{value} mm/min")
        m_min, cm3_min = self.tr("{value} m/min"), self.tr("{value} cm³/min")
        rows = [
            (self.tr("Spindle speed"), rpm.format(value=n(cut.rpm, 0)),
             cut.sources.get("rpm", "")),
            (self.tr("Feed"), mm_min.format(value=n(cut.feed_mm_min, 0)),
             cut.sources.get("feed", "")),
            (self.tr("Plunge feed"), mm_min.format(value=n(cut.plunge_feed_mm_min, 0)),
             cut.sources.get("plunge_feed", "")),
            (self.tr("Feed per tooth (programmed)"), f"{n(cut.fz_programmed_mm, 4)} mm",
             cut.sources.get("fz_programmed", "")),
            (self.tr("Cutting speed"), m_min.format(value=n(cut.vc_actual_m_min, 0)),
             cut.sources.get("vc_actual", "")),
            (self.tr("Engagement ae × ap"), f"{_mm(cut.ae_mm)} × {_mm(cut.ap_mm)} mm",
             cut.sources.get("ap", "")),
            (self.tr("Removal rate"), cm3_min.format(value=n(cut.mrr_cm3_min, 2)),
             cut.sources.get("mrr", "")),
            (self.tr("Cutting power"), f"{n(cut.power_kw, 2)} kW", cut.sources.get("power", "")),
            (self.tr("Torque"), f"{n(cut.torque_nm, 2)} N·m", cut.sources.get("torque", "")),
            (self.tr("Specific cutting force"), f"{n(cut.kc_n_mm2, 0)} N/mm²",
             cut.sources.get("kc", "")),
        ]  # fmt: skip
        body = "".join(
            f"<tr><td><b>{_escape(label)}</b></td><td align='right'>{_escape(value)}</td>"
            f"<td style='color:#555753'>{_escape(source)}</td></tr>"
            for label, value, source in rows
        )
        inputs = "".join(
            f"<li>{_escape(cut.sources[key])}</li>"
            for key in ("vc", "fz", "kc1", "effective_diameter")
            if key in cut.sources
        )
        warnings = "".join(
            f"<li style='color:{SEVERITY_COLOURS.get(w.severity, '#000')}'>"
            f"{_escape(w.message)}</li>"
            for w in cut.warnings
        )
        origin = self.tr("From:")
        html = f"<table cellspacing='4'>{body}</table><p>{origin}</p><ul>{inputs}</ul>"
        if warnings:
            html += f"<ul>{warnings}</ul>"
        return html

    def add_fixture(self, name: str, low: list[float], high: list[float]) -> None:
        row = self.fixtures.rowCount()
        self.fixtures.blockSignals(True)
        self.fixtures.insertRow(row)
        for column, value in enumerate([name, *low, *high]):
            self.fixtures.setItem(row, column, QtWidgets.QTableWidgetItem(str(value)))
        self.fixtures.blockSignals(False)
        self._changed()

    # -- the setup ------------------------------------------------------------------------
    def fixture_boxes(self) -> list[Box]:
        boxes = []
        for row in range(self.fixtures.rowCount()):
            cells = [self.fixtures.item(row, c).text() if self.fixtures.item(row, c) else ""
                     for c in range(7)]  # fmt: skip
            try:
                numbers = [float(cell.replace(",", ".")) for cell in cells[1:]]
            except ValueError:
                raise ValidationError(
                    self.tr("Fixture {row}: the corners must be numbers.").format(row=row + 1)
                ) from None
            boxes.append(Box(numbers[:3], numbers[3:], cells[0] or f"fixture {row + 1}"))
        return boxes

    def part_box(self) -> tuple[list[float], list[float]] | None:
        if self.features and self.features.get("bbox"):
            return self.features["bbox"]["min"], self.features["bbox"]["max"]
        row = self.model_row()
        box = (row.metadata or {}).get("bounding_box") if row else None
        return (box["min"], box["max"]) if box else None

    def stock_box(self) -> Box:
        if self.stock_explicit.isChecked():
            low = [spin.value() for spin in self.stock_min]
            size = [spin.value() for spin in self.stock_size]
            return Box(low, [a + b for a, b in zip(low, size, strict=True)], "stock")
        box = self.part_box()
        if box is None:
            raise ValidationError(
                self.tr(
                    "The part's size is not known yet: press Check, or give the stock explicitly."
                )
            )
        return stock_around(box[0], box[1], self.margin_xy.value(), self.margin_top.value())

    def setup_input(self) -> cam.SetupInput:
        machine, material = self.selected(self.machines), self.selected(self.materials)
        if machine is None or material is None:
            raise ValidationError(self.tr("Pick a machine and a material."))
        if not self.operations:
            raise ValidationError(self.tr("Add at least one operation (Tools tab)."))
        return cam.SetupInput(
            model_id=self.model_combo.currentData() or 0,
            machine_id=machine["id"],
            material_id=material["id"],
            name=self.setup_name.text(),
            stock=self.stock_box(),
            operations=[dataclasses.replace(op) for op in self.operations],
            work_offset=self.work_offset.currentText(),
            fixtures=self.fixture_boxes(),
        )

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.cost:
            self.cost.later()

    def _changed(self, *_args) -> None:
        self.generated = None
        if self.tabs.currentWidget() is self.cost:
            self.cost.later()  # another machine or material: other rates
        self.save_gcode_button.setEnabled(False)
        try:
            self.stock_summary.setText(
                self.tr("Stock {x} × {y} × {z} mm").format(
                    **dict(zip("xyz", map(_mm, self.stock_box().size), strict=True))
                )
            )
        except ValidationError as exc:
            self.stock_summary.setText(str(exc))
        self._preview_timer.start()

    def preview(self) -> None:
        """Cutting data and problems for the setup as it stands (in the background)."""
        if not self.can_load():
            return
        try:
            data = self.setup_input()
        except UserError as exc:
            self.plan, self.cuts = None, {}
            self._show_problems([Problem("warning", str(exc))])
            self._show_operations()
            return
        user, features = self.workspace.user, self.features

        def work(_report):
            with user.db.session() as session:
                return cam.plan_for(session, data, features)

        run_task(self, work, self._show_preview, self.show_error)

    def _show_preview(self, answer) -> None:
        self.plan, problems, self.cuts = answer
        self._show_problems(problems)
        self._show_operations()

    def _show_problems(self, problems) -> None:
        self.problems = list(problems)
        self.problem_list.clear()
        for problem in self.problems:
            item = QtWidgets.QListWidgetItem(problem.message)
            item.setForeground(QtGui.QColor(SEVERITY_COLOURS.get(problem.severity, "#2e3436")))
            self.problem_list.addItem(item)
        errors = [p for p in self.problems if p.severity == "error"]
        ready = self.plan is not None and not errors
        self.generate_button.setEnabled(ready and self.host is not None)
        if not self.problems:
            self.problem_list.addItem(self.tr("No problems found."))

    def errors(self) -> list[str]:
        return [p.message for p in self.problems if p.severity == "error"]

    # -- actions --------------------------------------------------------------------------
    def check(self) -> None:
        """Measure the part (FreeCAD) and check the setup against it."""
        if self.host is not None and self.model_combo.currentData() is None:
            try:
                self.features = self.host.part_features()
            except UserError as exc:
                self.show_error(exc)
                return
            self._changed()
            return
        row = self.model_row()
        if row is None:
            self.banner.show_message(self.tr("Pick a model version first."), "warning")
            return
        store = self.workspace.context.store
        cache = self.workspace.context.settings.data_dir / "cache"

        def work(report):
            report(10, self.tr("Downloading the model"))
            path = models.fetch_to_cache(store, row, cache)
            report(50, self.tr("FreeCAD measures the part"))
            return cam.features_of_file(path, row.file_format)

        self._start_progress(self.tr("Measuring the part…"))
        run_task(self, work, self._features_measured, self._failed, self._on_progress)

    def _features_measured(self, features) -> None:
        self._end_progress()
        self.features = features
        holes, pockets = len(features.get("holes", [])), len(features.get("pockets", []))
        self.banner.show_message(
            self.tr("The part: {pockets} pocket(s), {holes} hole(s) from the top.").format(
                pockets=pockets, holes=holes
            ),
            "info",
        )
        self._changed()

    def save(self, then=None) -> None:
        try:
            data = self.setup_input()
        except UserError as exc:
            self.show_error(exc)
            return
        if not data.model_id:
            self.banner.show_message(
                self.tr("Upload the document first (Projects & Models) and pick its version: a "
                        "setup belongs to a stored model version."), "warning",
            )  # fmt: skip
            return
        user, setup_id = self.workspace.user, self.setup_id

        def work(_report):
            with user.db.session() as session:
                return cam.save_setup(session, user.actor, data, setup_id).id

        def saved(new_id):
            self.setup_id = new_id
            self.set_busy(False)
            self.banner.show_message(self.tr("Setup #{id} saved.").format(id=new_id), "info")
            if then:
                then(new_id)

        self.set_busy(True)
        run_task(self, work, saved, self.show_error)

    def run_on_worker(self) -> None:
        if self.errors():
            self.banner.show_message(self.tr("Fix the problems listed first."), "error")
            return
        user = self.workspace.user

        def submit(setup_id):
            def work(_report):
                with user.db.session() as session:
                    return cam.submit_cam(session, user.actor, setup_id)

            run_task(self, work, self._queued, self.show_error)

        self.save(then=submit)

    def _queued(self, job_id: int) -> None:
        self.workspace.ensure_worker()
        self.banner.show_message(
            self.tr("CAM job #{id} queued: follow it in the Jobs panel.").format(id=job_id), "info"
        )

    def generate(self) -> None:
        """Build the toolpaths in the open document, post them, check the program."""
        if self.host is None or self.plan is None:
            return
        if self.errors():
            self.banner.show_message(self.tr("Fix the problems listed first."), "error")
            return
        plan = self.plan
        self._start_progress(self.tr("FreeCAD builds the toolpaths…"))
        QtWidgets.QApplication.processEvents()
        try:
            posted, freecad_times = self.host.generate(plan)  # FreeCAD: on the GUI thread
        except UserError as exc:
            self._failed(exc)
            return
        except Exception as exc:  # FreeCAD's own errors: show them, keep the panel alive
            self._failed(cam.CamFailed(self.tr("FreeCAD failed: {error}").format(error=exc)))
            return
        row = self.model_row()
        name = row.name if row else self.setup_name.text()

        def work(report):
            return cam.finish_program(posted, plan, name, freecad_times, report)

        self.progress.setValue(60)
        run_task(self, work, self._generated, self._failed, self._on_progress)

    def _generated(self, finished: cam.FinishedProgram) -> None:
        self._end_progress()
        self.generated = finished
        self.save_gcode_button.setEnabled(True)
        self.cost.later()
        minutes, seconds = divmod(round(finished.run_time.total_s), 60)
        lines = [
            self.tr("{lines} lines of G-code for {post}; estimated {m} min {s:02d} s.").format(
                lines=finished.lines, post=self.plan.post_processor, m=minutes, s=seconds
            )
        ]
        if finished.rs274 is not None:
            lines.append(self.tr("LinuxCNC's interpreter accepts it ({calls} moves).").format(
                calls=finished.rs274.calls))  # fmt: skip
        lines.extend(finished.fixes)
        self.result.setText("\n".join(lines))
        self.banner.show_message(self.tr("G-code ready: save it, or run on a worker."), "info")

    def save_gcode(self, path: Path) -> Path:
        if self.generated is None:
            raise ValidationError(self.tr("Generate the G-code first."))
        Path(path).write_text(self.generated.text, encoding="utf-8")
        self.banner.show_message(self.tr("G-code saved to {path}.").format(path=path), "info")
        return Path(path)

    def _ask_gcode_path(self) -> None:
        suffix = cam.EXTENSIONS.get(self.plan.post_processor if self.plan else "", ".nc")
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Save G-code"), f"program{suffix}", self.tr("G-code (*.ngc *.nc *.tap)")
        )
        if path:
            try:
                self.save_gcode(Path(path))
            except OSError as exc:
                self.show_error(str(exc))

    # -- progress -------------------------------------------------------------------------
    def _start_progress(self, text: str) -> None:
        self.progress.setValue(0)
        self.progress.setFormat(text + " %p%")
        self.progress.show()
        for button in (self.check_button, self.generate_button, self.worker_button):
            button.setEnabled(False)

    def _on_progress(self, percent: int, message: str) -> None:
        self.progress.setValue(int(percent))
        if message:
            self.progress.setFormat(f"{message} %p%")

    def _end_progress(self) -> None:
        self.progress.hide()
        for button in (self.check_button, self.worker_button):
            button.setEnabled(True)
        self.generate_button.setEnabled(self.host is not None and not self.errors())

    def _failed(self, exc) -> None:
        self._end_progress()
        self.show_error(exc)


# ---------------------------------------------------------------------------------- helpers
def _spin(value: float, low: float, high: float, suffix: str) -> QtWidgets.QDoubleSpinBox:
    spin = QtWidgets.QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(2)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin


def _fill_combo(combo: QtWidgets.QComboBox, everything: str, values, kind: str) -> None:
    """The values' words (:func:`term` of ``kind``), in alphabetical order as the language
    shown sorts them."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    language = localefmt.current()
    words = sorted(
        ((term(kind, v), v) for v in values if v), key=lambda w: sort_key(w[0], language)
    )
    for word, value in words:
        combo.addItem(word, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def _fill_rows(widget, rows: list[dict], columns) -> None:
    selected = widget.selectedItems()
    keep = selected[0].data(ROLE)["id"] if selected else None
    widget.blockSignals(True)
    fill_table(widget, [columns(row) for row in rows])
    for number, row in enumerate(rows):
        widget.item(number, 0).setData(ROLE, row)
        if row["id"] == keep:
            widget.selectRow(number)
    widget.blockSignals(False)
    fit_columns(widget)


def _select_by_id(widget, wanted: int | None) -> None:
    for row in range(widget.rowCount()):
        if wanted is not None and (widget.item(row, 0).data(ROLE) or {}).get("id") == wanted:
            widget.selectRow(row)
            return


def _select_by_name(widget, name: str) -> None:
    for row in range(widget.rowCount()):
        if matches(name, widget.item(row, 0).text()):
            widget.selectRow(row)
            return
    raise ValidationError(
        translate("CamSetupPanel", "'{name}' is not in the list").format(name=name)
    )


def _kind_label(owner, kind: str) -> str:
    return {
        "facing": translate("CamSetupPanel", "Facing"),
        "profile": translate("CamSetupPanel", "Profile (contour)"),
        "pocket": translate("CamSetupPanel", "Pocket"),
        "adaptive": translate("CamSetupPanel", "Adaptive clearing"),
        "drilling": translate("CamSetupPanel", "Drilling"),
        "helix": translate("CamSetupPanel", "Helical milling (holes)"),
    }.get(kind, kind)


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
