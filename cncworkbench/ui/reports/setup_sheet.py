"""The setup sheet an operator takes to the machine (:func:`render_setup_sheet`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cncworkbench.core import timefmt
from cncworkbench.ui.i18n import translate
from cncworkbench.ui.qt import Qt, QtCore, QtGui
from cncworkbench.ui.reports.page import (
    _ALARM,
    _ALIGN_RIGHT_MIDDLE,
    _AXES,
    _CAUTION,
    _FEED,
    _FIXTURE,
    _INK,
    _LIGHT,
    _RAPID,
    _SHADE_LEVELS,
    _STOCK,
    _TOWARDS_VIEWER,
    _VIEW,
    PICTURE_SIZE_MM,
    LegendEntry,
    ReportError,
    SetupSheetError,
    _colour,
    _Column,
    _Flow,
    _key,
    _list,
    _member,
    _moment,
    _number,
    _object,
    _operation_kind_label,
    _point,
    _points,
    _polygon,
    _render,
    _ReportRenderer,
    _text,
    _tool_type_label,
    _toolpaths,
    _whole,
)


@dataclass
class _Tool:
    number: int
    name: str
    type: str
    diameter: float | None
    flute_length: float | None
    holder: str
    stickout: float | None
    rpm: float | None
    feed: float | None
    warning: str


@dataclass
class _Operation:
    name: str
    kind: str
    tool_number: int | None
    rpm: float | None
    feed: float | None
    plunge: float | None
    stepdown: float | None
    stepover: float | None
    time_s: float | None
    leave: float | None = None  # stock to leave, mm (0: the operation finishes)


@dataclass
class _Fixture:
    name: str
    low: np.ndarray
    high: np.ndarray


@dataclass
class _Sheet:
    locale: str
    timezone: str
    generated_at: dt.datetime | None
    generated_by: str
    part_name: str
    model_id: str
    version: str
    file_name: str
    part_size: np.ndarray | None
    machine: str
    controller: str
    post_processor: str
    material: str
    material_grade: str
    stock_min: np.ndarray
    stock_size: np.ndarray
    work_offset: str
    origin_note: str
    origin: np.ndarray
    fixtures: list[_Fixture]
    tools: list[_Tool]
    operations: list[_Operation]
    total_time_s: float | None
    removal_cm3: float | None
    warnings: list[str]
    gcode_name: str
    gcode_sha256: str
    gcode_lines: int | None
    vertices: np.ndarray
    triangles: np.ndarray
    feeds: list[np.ndarray] = field(default_factory=list)
    rapids: list[np.ndarray] = field(default_factory=list)
    # {"title", "lines": [[label, basis, amount]], "total": str | None, "missing": [str]}
    cost: dict[str, Any] | None = None


def _cost_block(value: Any) -> dict[str, Any] | None:
    """The setup sheet's optional cost estimate, checked."""
    if value is None:
        return None
    value = _object(value, "cost", required=True)
    lines = _list(value.get("lines"), "cost.lines")
    for i, line in enumerate(lines):
        if not (
            isinstance(line, list) and len(line) == 3 and all(isinstance(t, str) for t in line)
        ):
            raise ReportError(f"{_key('cost.lines', i)}: expected [label, basis, amount]")
    missing = [
        _text(m, _key("cost.missing", i))
        for i, m in enumerate(_list(value.get("missing"), "cost.missing"))
    ]
    return {"title": _text(value.get("title"), "cost.title"), "lines": lines,
            "total": _text(value.get("total"), "cost.total"), "missing": missing}  # fmt: skip


def _parse_setup_sheet(sheet: Any) -> _Sheet:
    """The sheet checked and in the shapes the renderer uses; ReportError otherwise."""
    sheet = _object(sheet, "sheet", required=True)
    part = _object(_member(sheet, "part", "", required=True), "part")
    machine = _object(_member(sheet, "machine", "", required=True), "machine")
    material = _object(sheet.get("material"), "material")
    stock = _object(_member(sheet, "stock", "", required=True), "stock")
    totals = _object(sheet.get("totals"), "totals")
    gcode = _object(sheet.get("gcode"), "gcode")
    mesh = _object(sheet.get("part_mesh"), "part_mesh")

    fixtures = []
    for i, item in enumerate(_list(sheet.get("fixtures"), "fixtures")):
        where = _key("fixtures", i)
        item = _object(item, where, required=True)
        low = _point(_member(item, "min", where, required=True), _key(where, "min"))
        high = _point(_member(item, "max", where, required=True), _key(where, "max"))
        fixtures.append(_Fixture(_text(item.get("name"), _key(where, "name")), low, high))

    tools = []
    for i, item in enumerate(_list(sheet.get("tools"), "tools")):
        where = _key("tools", i)
        item = _object(item, where, required=True)

        def number(key: str, item=item, where=where) -> float | None:
            return _number(item.get(key), _key(where, key))

        tools.append(
            _Tool(
                number=int(_whole(_member(item, "number", where, True), _key(where, "number"))),
                name=_text(item.get("name"), _key(where, "name")),
                type=_text(item.get("type"), _key(where, "type")),
                diameter=number("diameter_mm"),
                flute_length=number("flute_length_mm"),
                holder=_text(item.get("holder"), _key(where, "holder")),
                stickout=number("stickout_mm"),
                rpm=number("rpm"),
                feed=number("feed_mm_min"),
                warning=_text(item.get("inventory_warning"), _key(where, "inventory_warning")),
            )
        )

    operations = []
    for i, item in enumerate(_list(sheet.get("operations"), "operations")):
        where = _key("operations", i)
        item = _object(item, where, required=True)

        def number(key: str, item=item, where=where) -> float | None:
            return _number(item.get(key), _key(where, key))

        operations.append(
            _Operation(
                name=_text(item.get("name"), _key(where, "name")),
                kind=_text(item.get("kind"), _key(where, "kind")),
                tool_number=_whole(item.get("tool_number"), _key(where, "tool_number")),
                rpm=number("rpm"),
                feed=number("feed_mm_min"),
                plunge=number("plunge_mm_min"),
                stepdown=number("stepdown_mm"),
                stepover=number("stepover_percent"),
                time_s=number("time_s"),
                leave=number("stock_to_leave_mm"),
            )
        )

    vertices = _points(mesh.get("vertices"), "part_mesh.vertices")
    triangles = _points(mesh.get("triangles"), "part_mesh.triangles", "[i, j, k] vertex indices")
    if len(triangles):
        if not (triangles == np.round(triangles)).all():
            raise ReportError("part_mesh.triangles: vertex indices must be whole numbers")
        outside = triangles[(triangles < 0) | (triangles >= len(vertices))]
        if len(outside):
            raise ReportError(
                f"part_mesh.triangles: index {int(outside[0])} out of range for "
                f"{len(vertices)} vertices"
            )
    toolpaths = _toolpaths(sheet.get("toolpath"), "toolpath")

    stock_size = _point(_member(stock, "size", "stock", required=True), "stock.size")
    if (stock_size < 0).any():
        raise ReportError(f"stock.size: sizes cannot be negative, got {stock_size.tolist()}")
    part_size = part.get("size")
    return _Sheet(
        locale=_text(sheet.get("locale"), "locale") or "tr",
        timezone=_text(sheet.get("timezone"), "timezone") or timefmt.DEFAULT_ZONE,
        generated_at=_moment(sheet.get("generated_at"), "generated_at"),
        generated_by=_text(sheet.get("generated_by"), "generated_by"),
        part_name=_text(_member(part, "name", "part", required=True), "part.name"),
        model_id=_text(part.get("model_id"), "part.model_id"),
        version=_text(part.get("version"), "part.version"),
        file_name=_text(part.get("file_name"), "part.file_name"),
        part_size=None if part_size is None else _point(part_size, "part.size"),
        machine=_text(_member(machine, "name", "machine", required=True), "machine.name"),
        controller=_text(machine.get("controller"), "machine.controller"),
        post_processor=_text(machine.get("post_processor"), "machine.post_processor"),
        material=_text(material.get("name"), "material.name"),
        material_grade=_text(material.get("grade"), "material.grade"),
        stock_min=_point(_member(stock, "min", "stock", required=True), "stock.min"),
        stock_size=stock_size,
        work_offset=_text(_member(sheet, "work_offset", "", required=True), "work_offset"),
        origin_note=_text(sheet.get("origin_note"), "origin_note"),
        origin=np.zeros(3) if sheet.get("origin") is None else _point(sheet["origin"], "origin"),
        fixtures=fixtures,
        tools=tools,
        operations=operations,
        total_time_s=_number(totals.get("time_s"), "totals.time_s"),
        removal_cm3=_number(totals.get("material_removal_cm3"), "totals.material_removal_cm3"),
        warnings=[
            _text(w, _key("warnings", i))
            for i, w in enumerate(_list(sheet.get("warnings"), "warnings"))
        ],
        gcode_name=_text(gcode.get("name"), "gcode.name"),
        gcode_sha256=_text(gcode.get("sha256"), "gcode.sha256"),
        gcode_lines=_whole(gcode.get("lines"), "gcode.lines"),
        vertices=vertices,
        triangles=triangles.astype(np.int64).reshape(-1, 3),
        feeds=toolpaths["feeds"],
        rapids=toolpaths["rapids"],
        cost=_cost_block(sheet.get("cost")),
    )


class _SetupSheetRenderer(_ReportRenderer):
    """The setup sheet: header, isometric picture, stock, tools, operations, totals."""

    def __init__(self, sheet: _Sheet, writer: QtGui.QPdfWriter):
        title = f"{translate('Reports', 'Setup sheet')} · {sheet.part_name}"
        super().__init__(writer, sheet.locale, sheet.timezone, title)
        self.sheet = sheet

    def sections(self, flow: _Flow) -> None:
        self._header(flow)
        self._picture(flow)
        self._stock(flow)
        self._tools(flow)
        self._operations(flow)
        self._totals_and_warnings(flow)

    # ---- the sheet's sections

    def _model(self) -> str:
        """The model by name, with its number and version when it is a stored one."""
        s = self.sheet
        stored = self.model_text(s.model_id, s.version)
        return f"{s.part_name} ({stored})" if stored else s.part_name

    def _header(self, flow: _Flow) -> None:
        s = self.sheet
        self._title_block(flow, translate("Reports", "Setup sheet"), s.part_name)
        material = f"{s.material} ({s.material_grade})" if s.material_grade else s.material
        self._key_values(
            flow,
            [
                [
                    (translate("Reports", "Model"), self._model(), False),
                    (translate("Reports", "Machine"), s.machine, True),
                ],
                [
                    (translate("Reports", "File"), s.file_name, False),
                    (translate("Reports", "Controller"), s.controller, False),
                ],
                [
                    (translate("Reports", "Material"), material, False),
                    (translate("Reports", "Post-processor"), s.post_processor, False),
                ],
                [
                    (
                        translate("Reports", "Generated"),
                        self.generated_text(s.generated_at, s.generated_by),
                        False,
                    )
                ],
                [
                    (
                        translate("Reports", "G-code"),
                        self.gcode_text(s.gcode_name, s.gcode_sha256, s.gcode_lines),
                        False,
                    )
                ],
            ],
        )

    def _picture(self, flow: _Flow) -> None:
        width, height = self.mm(PICTURE_SIZE_MM[0]), self.mm(PICTURE_SIZE_MM[1])
        legend_font = self.font(7)
        legend_height = self.line_height(legend_font) + self.mm(1.5)
        x = self.left + (self.width - width) / 2

        def paint(painter, top):
            self._paint_scene(painter, QtCore.QRectF(x, top, width, height))
            legend_top = top + height + self.mm(1.2)
            self._paint_legend(painter, legend_font, x, legend_top, self._legend_entries())

        flow.gap(self.mm(2))
        flow.add(height + legend_height, paint)

    def _stock(self, flow: _Flow) -> None:
        s, fmt = self.sheet, self.fmt
        flow.gap(self.mm(3))
        self._heading(flow, translate("Reports", "Stock and work holding"), keep_with=self.mm(15))
        offset = s.work_offset
        if s.origin_note:
            offset = translate("Reports", "{offset} · origin: {note}").format(
                offset=offset, note=s.origin_note
            )
        self._key_values(
            flow,
            [
                [
                    (translate("Reports", "Stock size"), fmt.size(s.stock_size), True),
                    (translate("Reports", "Part size"), fmt.size(s.part_size), False),
                ],
                [(translate("Reports", "Stock min corner"), fmt.point(s.stock_min) + " mm", False)],
                [(translate("Reports", "Work offset"), offset, True)],
            ],
        )
        flow.gap(self.mm(1.5))
        self._table(
            flow,
            translate("Reports", "Fixtures"),
            [
                _Column(translate("Reports", "Name"), 3),
                _Column(translate("Reports", "Min corner (mm)"), 3),
                _Column(translate("Reports", "Max corner (mm)"), 3),
            ],
            [[f.name or "–", fmt.point(f.low), fmt.point(f.high)] for f in s.fixtures],
            empty=translate("Reports", "No fixtures listed."),
            heading_size=9,
        )

    def _tools(self, flow: _Flow) -> None:
        s, number = self.sheet, self.fmt.number
        flow.gap(self.mm(3))
        columns = [
            _Column("T", 6),
            _Column(translate("Reports", "Name"), 44),
            _Column(translate("Reports", "Type"), 22),
            _Column(translate("Reports", "Ø mm"), 9, True),
            _Column(translate("Reports", "Flute mm"), 10, True),
            _Column(translate("Reports", "Holder"), 29),
            _Column(translate("Reports", "Stick-out mm"), 13, True),
            _Column(translate("Reports", "Spindle rpm"), 13, True),
            _Column(translate("Reports", "Feed mm/min"), 14, True),
        ]
        rows = [
            [
                f"T{t.number}",
                t.name or "–",
                _tool_type_label(t.type) if t.type else "–",
                number(t.diameter),
                number(t.flute_length),
                t.holder or "–",
                number(t.stickout),
                number(t.rpm, 0),
                number(t.feed, 0),
            ]
            for t in s.tools
        ]
        styles = [(_ALARM, True) if t.warning else (_INK, False) for t in s.tools]
        self._table(
            flow,
            translate("Reports", "Tools"),
            columns,
            rows,
            styles,
            empty=translate("Reports", "No tools."),
        )
        flow.gap(self.mm(1))
        for tool in s.tools:
            if tool.warning:
                text = translate("Reports", "T{number} {name}: {warning}").format(
                    number=tool.number, name=tool.name, warning=tool.warning
                )
                self._paragraph(flow, text, _ALARM, size=8, bold=True)

    def _operations(self, flow: _Flow) -> None:
        s, number = self.sheet, self.fmt.number
        flow.gap(self.mm(3))
        columns = [
            _Column("#", 5, True),
            _Column(translate("Reports", "Name"), 31),
            _Column(translate("Reports", "Kind"), 20),
            _Column("T", 6),
            _Column(translate("Reports", "Spindle rpm"), 14, True),
            _Column(translate("Reports", "Feed mm/min"), 14, True),
            _Column(translate("Reports", "Plunge mm/min"), 14, True),
            _Column(translate("Reports", "Stepdown mm"), 14, True),
            _Column(translate("Reports", "Stepover %"), 13, True),
            _Column(translate("Reports", "Leave mm"), 9, True),
            _Column(translate("Reports", "Time"), 13, True),
        ]
        rows = [
            [
                str(i),
                op.name or _operation_kind_label(op.kind) or "–",
                _operation_kind_label(op.kind) if op.kind else "–",
                f"T{op.tool_number}" if op.tool_number is not None else "–",
                number(op.rpm, 0),
                number(op.feed, 0),
                number(op.plunge, 0),
                number(op.stepdown),
                number(op.stepover, 1),
                number(op.leave or 0.0),
                self.fmt.duration(op.time_s),
            ]
            for i, op in enumerate(s.operations, 1)
        ]
        self._table(
            flow,
            translate("Reports", "Operations"),
            columns,
            rows,
            empty=translate("Reports", "No operations."),
        )

    def _totals_and_warnings(self, flow: _Flow) -> None:
        s = self.sheet
        flow.gap(self.mm(1.5))
        removal = "–" if s.removal_cm3 is None else f"{self.fmt.number(s.removal_cm3, 1)} cm³"
        self._key_values(
            flow,
            [
                [
                    (
                        translate("Reports", "Total estimated time"),
                        self.fmt.duration(s.total_time_s),
                        True,
                    ),
                    (translate("Reports", "Total material removal"), removal, True),
                ]
            ],
            label_mm=42.0,
        )
        if s.cost is not None:
            self._cost(flow, s.cost)
        if s.warnings:
            flow.gap(self.mm(2))
            self._heading(flow, translate("Reports", "Warnings"), keep_with=self.mm(5), size=9)
            for warning in s.warnings:
                self._paragraph(flow, f"• {warning}", _CAUTION)

    def _cost(self, flow: _Flow, cost: dict[str, Any]) -> None:
        """What the part costs to make (services.quotes), or what is missing to say."""
        flow.gap(self.mm(2))
        columns = [
            _Column(translate("Reports", "Cost"), 3.0),
            _Column(translate("Reports", "How"), 4.6),
            _Column(translate("Reports", "Amount"), 1.6, True),
        ]
        rows = [list(line) for line in cost["lines"]]
        styles = [(_INK, False)] * len(rows)
        if cost["total"]:
            rows.append([translate("Reports", "Total"), "", cost["total"]])
            styles.append((_INK, True))
        self._table(flow, cost["title"], columns, rows, styles, heading_size=9)
        for missing in cost["missing"]:
            self._paragraph(flow, f"• {missing}", _CAUTION)

    # ---- the picture

    def _legend_entries(self) -> list[LegendEntry]:
        return [
            (translate("Reports", "Feed move"), self._line_sample(_FEED, 0.3)),
            (translate("Reports", "Rapid move"), self._line_sample(_RAPID, 0.25, dashed=True)),
            (
                translate("Reports", "Fixture"),
                self._box_sample(QtGui.QColor(*_FIXTURE, 110), _FIXTURE),
            ),
            (translate("Reports", "Stock"), self._box_sample(QtGui.QColor(0, 0, 0, 0), _STOCK)),
        ]

    def _paint_scene(self, painter: QtGui.QPainter, frame: QtCore.QRectF) -> None:
        painter.save()
        self._picture_frame(painter, frame)
        self._paint_geometry(painter, frame)
        painter.restore()

    def _paint_geometry(self, painter: QtGui.QPainter, frame: QtCore.QRectF) -> None:
        s = self.sheet

        stock = _box_corners(s.stock_min, s.stock_min + s.stock_size)
        # Fitted to what is machined and held; rapids up to a tool-change height would
        # shrink the part to a speck, so they may run out of the frame.
        clouds = [s.vertices, stock, s.origin[None, :]]
        clouds += [_box_corners(f.low, f.high) for f in s.fixtures] + s.feeds
        screen = np.concatenate(clouds) @ _VIEW.T
        low, high = screen.min(axis=0), screen.max(axis=0)
        span_x, span_y = high[0] - low[0], high[2] - low[2]
        # Room around the drawing for the origin triad and its label.
        inner = frame.adjusted(self.mm(12), self.mm(8), -self.mm(12), -self.mm(8))
        if max(span_x, span_y) < 1e-9:
            scale = self.dpmm
        else:
            scale = min(inner.width() / max(span_x, 1e-9), inner.height() / max(span_y, 1e-9))
        centre_x, centre_y = (low[0] + high[0]) / 2, (low[2] + high[2]) / 2
        page_x, page_y = inner.center().x(), inner.center().y()

        def to_page(points: np.ndarray) -> np.ndarray:
            view = points @ _VIEW.T
            return np.column_stack(
                [page_x + (view[:, 0] - centre_x) * scale, page_y - (view[:, 2] - centre_y) * scale]
            )

        def depth(points: np.ndarray) -> float:
            return float((points @ _VIEW[1]).mean())

        # Back to front: what the part hides first, then the part, then what hides it.
        part_depth = depth(s.vertices) if len(s.vertices) else depth(stock)
        self._paint_box_edges(painter, to_page(stock), stock, hidden=True)
        in_front = []
        for fixture in s.fixtures:
            corners = _box_corners(fixture.low, fixture.high)
            if depth(corners) > part_depth:
                self._paint_fixture(painter, to_page(corners))
            else:
                in_front.append(corners)
        self._paint_mesh(painter, to_page, s.vertices, s.triangles)
        for corners in in_front:
            self._paint_fixture(painter, to_page(corners))
        self._paint_box_edges(painter, to_page(stock), stock, hidden=False)

        self._paint_toolpath(painter, to_page, s.feeds, (_FEED, 0.18), s.rapids, (_RAPID, 0.15))

        self._paint_triad(painter, to_page(s.origin + np.vstack([np.zeros(3), np.eye(3)])))

    def _paint_mesh(self, painter, to_page, vertices: np.ndarray, triangles: np.ndarray) -> None:
        if not len(triangles):
            return
        corners = vertices[triangles]
        normals = np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0])
        lengths = np.linalg.norm(normals, axis=1)
        keep = lengths > 1e-12  # slivers have no direction to shade by
        normals, lengths, corners = normals[keep], lengths[keep], corners[keep]
        normals /= lengths[:, None]
        # Windings vary between exporters: shade whichever side faces us.
        normals[normals @ _TOWARDS_VIEWER < 0] *= -1
        shade = 0.3 + 0.7 * np.clip(normals @ _LIGHT, 0.0, 1.0)
        levels = np.round(shade * (_SHADE_LEVELS - 1)).astype(np.int64)
        size = float(np.linalg.norm(vertices.max(axis=0) - vertices.min(axis=0)))
        corners, levels = _split_large(corners, levels, size / 25)
        # Painter's algorithm: farthest triangle first.
        order = np.argsort(-(corners @ _VIEW[1]).mean(axis=1), kind="stable")
        xy = to_page(corners[order].reshape(-1, 3)).reshape(-1, 3, 2)
        brushes, pens = {}, {}
        for level in np.unique(levels).tolist():
            grey = round(55 + 165 * level / (_SHADE_LEVELS - 1))
            colour = QtGui.QColor(grey, grey, grey + 6)
            brushes[level] = QtGui.QBrush(colour)
            # An outline in the fill colour closes the hairline gaps PDF viewers leave
            # between neighbouring anti-aliased triangles.
            pens[level] = QtGui.QPen(colour, self.mm(0.05))
            pens[level].setJoinStyle(Qt.PenJoinStyle.BevelJoin)
        point = QtCore.QPointF
        current = None
        for triangle, level in zip(xy.tolist(), levels[order].tolist(), strict=True):
            if level != current:
                painter.setBrush(brushes[level])
                painter.setPen(pens[level])
                current = level
            (ax, ay), (bx, by), (cx, cy) = triangle
            painter.drawConvexPolygon(
                QtGui.QPolygonF([point(ax, ay), point(bx, by), point(cx, cy)])
            )

    def _paint_box_edges(self, painter, xy: np.ndarray, corners: np.ndarray, hidden: bool):
        """The stock as a wireframe; the three edges at its far corner are hidden by it."""
        far = int(np.argmax(corners @ _VIEW[1]))
        if hidden:
            pen = QtGui.QPen(QtGui.QColor(*_STOCK, 110), self.mm(0.13))
            pen.setDashPattern([4.0, 4.0])
        else:
            pen = QtGui.QPen(_colour(_STOCK), self.mm(0.18))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for a, b in _BOX_EDGES:
            if (far in (a, b)) == hidden:
                painter.drawLine(QtCore.QPointF(*xy[a]), QtCore.QPointF(*xy[b]))

    def _paint_fixture(self, painter, xy: np.ndarray) -> None:
        painter.setBrush(QtGui.QColor(*_FIXTURE, 95))
        pen = QtGui.QPen(QtGui.QColor(*_FIXTURE, 220), self.mm(0.15))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for face in _VISIBLE_FACES:
            painter.drawConvexPolygon(_polygon(xy[list(face)]))

    def _paint_triad(self, painter, xy: np.ndarray) -> None:
        """X, Y and Z arrows of a fixed size on paper at the work origin, with its name."""
        origin = xy[0]
        length = self.mm(9)
        letter_font, label_font = self.font(6.5, True), self.font(8, True)
        box = self.mm(3)
        for axis, (tip, colour) in enumerate(zip(xy[1:], _AXES, strict=True)):
            direction = tip - origin
            direction /= max(float(np.linalg.norm(direction)), 1e-12)
            end = origin + direction * length
            painter.setPen(QtGui.QPen(_colour(colour), self.mm(0.35)))
            painter.drawLine(QtCore.QPointF(*origin), QtCore.QPointF(*end))
            letter = end + direction * self.mm(2)
            rect = QtCore.QRectF(letter[0] - box / 2, letter[1] - box / 2, box, box)
            centred = int(Qt.AlignmentFlag.AlignCenter)
            self.draw_text(painter, letter_font, colour, rect, centred, "XYZ"[axis])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_colour(_INK))
        painter.drawEllipse(QtCore.QPointF(*origin), self.mm(0.6), self.mm(0.6))
        label = self.sheet.work_offset
        width = self.metrics(label_font).horizontalAdvance(label) + self.mm(1)
        height = self.line_height(label_font)
        rect = QtCore.QRectF(origin[0] - self.mm(2) - width, origin[1] - height / 2, width, height)
        self.draw_text(painter, label_font, _INK, rect, _ALIGN_RIGHT_MIDDLE, label)


def _box_corners(low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """The 8 corners; bit 0/1/2 of the index picks high X/Y/Z."""
    return np.array(
        [[(high if bits >> axis & 1 else low)[axis] for axis in range(3)] for bits in range(8)],
        dtype=np.float64,
    )


_MAX_TRIANGLES = 150_000


def _split_large(
    corners: np.ndarray, levels: np.ndarray, limit: float
) -> tuple[np.ndarray, np.ndarray]:
    """Halve triangles across their longest edge until none is longer than ``limit``.

    Sorting by centroid depth only orders triangles of similar size correctly: a big top
    face would otherwise be drawn under the small walls it hides.
    """
    done_corners, done_levels = [], []
    count = len(corners)
    while limit > 0 and len(corners):
        edges = np.linalg.norm(corners - np.roll(corners, -1, axis=1), axis=2)
        longest = edges.argmax(axis=1)  # edge i runs from corner i to corner i + 1
        large = edges[np.arange(len(corners)), longest] > limit
        if not large.any() or count + int(large.sum()) > _MAX_TRIANGLES:
            break
        count += int(large.sum())
        done_corners.append(corners[~large])
        done_levels.append(levels[~large])
        turn = (longest[large][:, None] + np.arange(3)) % 3  # longest edge first
        big = np.take_along_axis(corners[large], turn[:, :, None], axis=1)
        a, b, c = big[:, 0], big[:, 1], big[:, 2]
        middle = (a + b) / 2
        corners = np.concatenate([np.stack([a, middle, c], 1), np.stack([middle, b, c], 1)])
        levels = np.concatenate([levels[large], levels[large]])
    return np.concatenate([*done_corners, corners]), np.concatenate([*done_levels, levels])


_BOX_EDGES = [(a, b) for a in range(8) for b in range(a + 1, 8) if bin(a ^ b).count("1") == 1]


def _faces_towards_viewer() -> list[tuple[int, int, int, int]]:
    faces = []
    for axis in range(3):
        u, v = [other for other in range(3) if other != axis]
        for side in (0, 1):
            normal = np.eye(3)[axis] * (1 if side else -1)
            if normal @ _TOWARDS_VIEWER > 0:
                base = side << axis
                faces.append(
                    (base, base | 1 << u, base | 1 << u | 1 << v, base | 1 << v)  # in turn
                )
    return faces


_VISIBLE_FACES = _faces_towards_viewer()


# --------------------------------------------------------------------------- entry points


def render_setup_sheet(sheet: dict, pdf_path: str | Path) -> int:
    """Render ``sheet`` as an A4 PDF at ``pdf_path``; the number of pages.

    The PDF is written next to ``pdf_path`` and renamed over it when complete, so a
    failure never leaves a half-written file there. Raises :class:`SetupSheetError` for
    data it cannot render. Needs a QGuiApplication and creates a QApplication if there is
    none (set ``QT_QPA_PLATFORM=offscreen`` first when there is no display).
    """
    return _render(sheet, Path(pdf_path), _parse_setup_sheet, _SetupSheetRenderer, SetupSheetError)
