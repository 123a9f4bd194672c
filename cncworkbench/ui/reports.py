"""Printable reports drawn with Qt's own PDF writer: the setup sheet an operator takes to
the machine, the report of a simulated G-code run, and the invoice.

All are A4 PDFs rendered from plain JSON-shaped data by :class:`_ReportRenderer`'s
machinery: blocks flow top to bottom, long tables continue on new pages with their header
repeated, and every page has a "page N / M" footer. The PDF is written next to its target
and renamed over it when complete. Workers run the renderers as a child process, so a
crash inside Qt cannot take a worker down::

    python -m cncworkbench.ui.reports setup-sheet IN.json OUT.pdf
    python -m cncworkbench.ui.reports sim-report IN.json OUT.pdf
    python -m cncworkbench.ui.reports invoice IN.json OUT.pdf
    python -m cncworkbench.ui.reports quote IN.json OUT.pdf

:func:`render_setup_sheet`: a header (part, machine, material, who generated it and when,
which G-code), an isometric picture of the part in its stock and fixtures with the
toolpath on top, the stock and work holding, the tool list and the operations with times
and warnings. The sheet (lengths in mm, times in seconds; lists may be empty)::

    part {name*, model_id, version, file_name, size}     machine {name*, controller,
    post_processor}   material {name, grade}   stock {min*, size*}   work_offset*
    origin_note   origin [x, y, z]   fixtures [{name, min, max}]   tools [{number*, name,
    type, diameter_mm, flute_length_mm, holder, stickout_mm, rpm, feed_mm_min,
    inventory_warning}]   operations [{name, kind, tool_number, rpm, feed_mm_min,
    plunge_mm_min, stepdown_mm, stepover_percent, time_s}]   totals {time_s,
    material_removal_cm3}   warnings [text]   gcode {name, sha256, lines}   locale
    timezone   generated_at (ISO 8601)   generated_by   part_mesh {vertices, triangles}
    toolpath {feeds, rapids}: lists of polylines [[x, y, z], ...]

The labels of the setup sheet and the simulation report are in the language of the key
``language`` (``tr`` or ``en``), else in the program's (``CNC_LOCALE``; Turkish); numbers,
dates and times are written as ``locale`` says.

Keys marked * are required. Mesh, stock, fixtures and toolpath share one coordinate frame;
``origin`` is where the work offset's zero lies in it (default 0, 0, 0).

:func:`render_sim_report`: the program, part and machine, a verdict banner, a top view of
the simulated stock with the toolpath and numbered markers where the findings are, the
summary figures and the findings table. The report (lengths in mm, program coordinates)::

    program {name*, sha256, lines}   part {name, model_id, version}   machine {name,
    controller, post_processor}   verdict* (passed | warnings | failed)   summary
    {removed_volume_mm3, stock_volume_mm3, machining_time_s, resolution_mm,
    accuracy_percent, moves, simulation_time_ms}   stock {min* [x, y, z], max* [x, y, z]}
    image {png_path*, origin* [x, y], cell_mm*}   findings [{kind*, severity* (error |
    warning), line, x, y, z, message}]   toolpath {feeds, rapids}   locale   timezone
    generated_at   generated_by

``image`` is an RGB top view, row 0 at the highest Y: the centre of pixel (column, row) is
at X = origin[0] + column × cell_mm, Y = origin[1] + (rows - 1 - row) × cell_mm.

:func:`render_invoice`: the invoice, a Turkish tax document, in Turkish whatever the
program's language unless the data's ``language`` is ``en`` (an English copy for a
foreign buyer, which says it translates the Turkish invoice and that the original
prevails): the seller, the "FATURA" / "INVOICE" title with the number, dates and
currency, the buyer (with a stamp when it is paid, cancelled or a draft), the lines, the
totals and the total in words, how to pay, the notes; "Sayfa N / M" under each page. The
data is what :func:`cncworkbench.services.billing.printable_invoice` gives, amounts and
dates written the Turkish way (``1.234,56``, ``24.11.2026``) whatever the language: the
renderer writes them the document's way (``1,234.56``, ``2026-11-24`` in English)::

    language (tr | en; default tr)   draft (true: no number yet)   number* (16
    characters, CNC2026000000042)   status (draft | sent | paid | overdue | cancelled)
    type   issue_date* (DD.MM.YYYY)   issue_time (HH:MM)   due_date*   billing_period
    {start*, end*}   currency* (TRY | USD | EUR)
    currency_sign   seller {name*, tax_no, tax_office, address, email, phone, iban}
    buyer {name*, tax_no*, ...}   lines* [{no, description*, quantity*, unit,
    unit_price*, amount*, tax_rate, tax_amount*}]   subtotal*   tax_rate*   tax_amount*
    total*   total_in_words*   notes   paid_at

Number, issue date and buyer tax number may be missing on a draft. No amount may be
negative; the lines must add up to the subtotal and KDV, and those to the total.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import math
import os
import re
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

from cncworkbench.core import localefmt, money, timefmt
from cncworkbench.core.simulation import finding_message
from cncworkbench.errors import UserError
from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP, speaking, translate
from cncworkbench.ui.qt import QT6, Qt, QtCore, QtGui, application

RESOLUTION_DPI = 300
PICTURE_SIZE_MM = (170.0, 100.0)
TOP_VIEW_MAX_MM = (170.0, 110.0)  # the simulation report's picture fits in this
# Exactly this colour fills the picture's frame and nothing else on the page, so a test
# can find the picture on a rendered page.
PICTURE_BACKGROUND = (244, 246, 249)
FONT_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Segoe UI", "Helvetica")
TURKISH_LETTERS = "çğıİöşüÇĞÖŞÜ"

_MARGIN_MM = 12.0
_FOOTER_MM = 14.0  # bottom margin, the footer sits inside it
_INK = (27, 27, 27)
_MUTED = (96, 96, 96)
_RULE = (170, 170, 170)
_ALARM = (190, 0, 0)  # tools short in the stores
_CAUTION = (184, 84, 0)  # warnings: dark orange
_FEED = (25, 90, 220)
_RAPID = (215, 30, 30)
_FIXTURE = (245, 135, 20)
_STOCK = (70, 70, 70)
_AXES = ((215, 0, 0), (0, 150, 0), (0, 0, 215))
_SIM_FEED = (25, 90, 220, 150)  # semi-transparent: the stock shows through
_SIM_RAPID = (105, 105, 105)
_ERROR = (200, 25, 25)  # markers and the failed banner
_WARNING = (214, 104, 0)
_PASSED = (30, 125, 55)
_VERDICTS = {"passed": _PASSED, "warnings": _WARNING, "failed": _ERROR}
_SEVERITIES = ("error", "warning")  # in the order the findings are listed
_SHADE_LEVELS = 64

# Standard isometric: turn -45° about Z, then tip 35.264° (atan 1/√2) about X. Rows of
# _VIEW are, in model axes: page right, depth (away from the viewer), page up.
_YAW, _PITCH = math.radians(-45.0), math.atan(1.0 / math.sqrt(2.0))
_VIEW = np.array(
    [[1, 0, 0], [0, math.cos(_PITCH), -math.sin(_PITCH)], [0, math.sin(_PITCH), math.cos(_PITCH)]]
) @ np.array([[math.cos(_YAW), -math.sin(_YAW), 0], [math.sin(_YAW), math.cos(_YAW), 0], [0, 0, 1]])
_TOWARDS_VIEWER = -_VIEW[1]  # (1, -1, 1)/√3: we look from the front-right-top corner
# Light from above, a little from the front: tops brightest, then the front (-Y) faces,
# then the right (+X) faces, so a box's three visible sides are told apart.
_LIGHT = np.array([0.25, -0.5, 1.0]) / np.linalg.norm([0.25, -0.5, 1.0])


class ReportError(UserError):
    """A report cannot be rendered; the message names the key at fault and the problem."""


class SetupSheetError(ReportError):
    """The setup sheet cannot be rendered."""


class SimReportError(ReportError):
    """The simulation report cannot be rendered."""


class InvoiceError(ReportError):
    """The invoice cannot be rendered."""


# --------------------------------------------------------------------------- input


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


def _key(where: str, key: str | int) -> str:
    return f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}" if where else key


def _kind_of(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _member(mapping: dict, key: str, where: str, required: bool = False) -> Any:
    value = mapping.get(key)
    if value is None and required:
        raise ReportError(f"missing key {_key(where, key)!r}")
    return value


def _object(value: Any, where: str, required: bool = False) -> dict:
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise ReportError(f"{where}: expected an object, got {_kind_of(value)}")
    return value


def _list(value: Any, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ReportError(f"{where}: expected a list, got {_kind_of(value)}")
    return value


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ReportError(f"{where}: expected text, got {_kind_of(value)}")
    return str(value)


def _number(value: Any, where: str, required: bool = False) -> float | None:
    if value is None and not required:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(float(value))
    ):
        raise ReportError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _whole(value: Any, where: str, required: bool = False) -> int | None:
    number = _number(value, where, required)
    if number is None:
        return None
    if not number.is_integer():
        raise ReportError(f"{where}: expected a whole number, got {value!r}")
    return int(number)


def _point(value: Any, where: str, axes: str = "xyz") -> np.ndarray:
    if not isinstance(value, list) or len(value) != len(axes):
        raise ReportError(f"{where}: expected [{', '.join(axes)}], got {value!r}")
    return np.array([_number(v, _key(where, i), required=True) for i, v in enumerate(value)])


def _points(value: Any, where: str, what: str = "[x, y, z] points") -> np.ndarray:
    if value is None:
        return np.zeros((0, 3))
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ReportError(f"{where}: expected a list of {what}") from None
    if array.size == 0:
        return np.zeros((0, 3))
    if array.ndim != 2 or array.shape[1] != 3:
        raise ReportError(f"{where}: expected a list of {what}")
    if not np.isfinite(array).all():
        raise ReportError(f"{where}: contains a value that is not a finite number")
    return array


def _moment(value: Any, where: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(_text(value, where))
    except ValueError:
        raise ReportError(f"{where}: expected an ISO 8601 time, got {value!r}") from None


def _toolpaths(value: Any, where: str) -> dict[str, list[np.ndarray]]:
    """``feeds`` and ``rapids``, each a list of polylines of at least two points."""
    toolpath = _object(value, where)
    toolpaths = {}
    for kind in ("feeds", "rapids"):
        lines = _list(toolpath.get(kind), _key(where, kind))
        toolpaths[kind] = [
            line
            for i, points in enumerate(lines)
            if len(line := _points(points, _key(_key(where, kind), i))) >= 2
        ]
    return toolpaths


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


@dataclass
class _Finding:
    number: int  # in the table and on the picture's marker
    severity: str
    kind: str
    line: int | None
    xyz: tuple[float | None, float | None, float | None]
    message: str


@dataclass
class _TopView:
    image: QtGui.QImage
    origin: np.ndarray  # program X, Y of the centre of the bottom-left pixel
    cell: float

    def extent(self) -> tuple[np.ndarray, np.ndarray]:
        """Program X, Y of the picture's low and high corners (pixel edges)."""
        half = self.cell / 2
        cells = np.array([self.image.width(), self.image.height()], dtype=np.float64)
        return self.origin - half, self.origin + cells * self.cell - half


@dataclass
class _SimReport:
    locale: str
    timezone: str
    generated_at: dt.datetime | None
    generated_by: str
    program_name: str
    program_sha256: str
    program_lines: int | None
    part_name: str
    model_id: str
    version: str
    machine: str
    controller: str
    post_processor: str
    verdict: str
    removed_mm3: float | None
    stock_mm3: float | None
    machining_time_s: float | None
    resolution_mm: float | None
    accuracy_percent: float | None
    moves: int | None
    simulation_time_ms: float | None
    stock_min: np.ndarray
    stock_max: np.ndarray
    top_view: _TopView | None
    findings: list[_Finding]
    feeds: list[np.ndarray]
    rapids: list[np.ndarray]

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)


def _parse_top_view(value: Any) -> _TopView | None:
    if value is None:
        return None
    image = _object(value, "image")
    path = _text(_member(image, "png_path", "image", required=True), "image.png_path")
    origin = _point(_member(image, "origin", "image", required=True), "image.origin", "xy")
    cell = _number(_member(image, "cell_mm", "image", required=True), "image.cell_mm", True)
    if cell <= 0:
        raise ReportError(f"image.cell_mm: expected a positive size, got {cell!r}")
    picture = QtGui.QImage(path)
    if picture.isNull():
        raise ReportError(f"image.png_path: cannot read a picture from {path}")
    return _TopView(picture, origin, cell)


def _parse_findings(value: Any) -> list[_Finding]:
    """Errors first, then warnings, each in program order; numbered in that order."""
    found = []
    for i, item in enumerate(_list(value, "findings")):
        where = _key("findings", i)
        item = _object(item, where, required=True)
        severity = _text(_member(item, "severity", where, True), _key(where, "severity"))
        if severity not in _SEVERITIES:
            raise ReportError(
                f"{_key(where, 'severity')}: expected error or warning, got {severity!r}"
            )
        line = _whole(item.get("line"), _key(where, "line"))
        xyz = tuple(_number(item.get(axis), _key(where, axis)) for axis in "xyz")
        found.append(
            _Finding(
                number=0,
                severity=severity,
                kind=_text(_member(item, "kind", where, True), _key(where, "kind")),
                line=line,
                xyz=xyz,
                # the stored sentence in the report's language (English for old runs)
                message=finding_message(item)
                if isinstance(item.get("text"), dict)
                else _text(item.get("message"), _key(where, "message")),
            )
        )
    found.sort(
        key=lambda f: (_SEVERITIES.index(f.severity), math.inf if f.line is None else f.line)
    )
    for number, finding in enumerate(found, 1):
        finding.number = number
    return found


def _parse_sim_report(report: Any) -> _SimReport:
    """The report checked and in the shapes the renderer uses; ReportError otherwise."""
    report = _object(report, "report", required=True)
    program = _object(_member(report, "program", "", required=True), "program")
    part = _object(report.get("part"), "part")
    machine = _object(report.get("machine"), "machine")
    summary = _object(report.get("summary"), "summary")
    stock = _object(_member(report, "stock", "", required=True), "stock")

    verdict = _text(_member(report, "verdict", "", required=True), "verdict")
    if verdict not in _VERDICTS:
        raise ReportError(f"verdict: expected passed, warnings or failed, got {verdict!r}")
    stock_min = _point(_member(stock, "min", "stock", required=True), "stock.min")
    stock_max = _point(_member(stock, "max", "stock", required=True), "stock.max")
    if (stock_max < stock_min).any():
        raise ReportError(
            f"stock.max: below stock.min, got {stock_max.tolist()} and {stock_min.tolist()}"
        )
    toolpaths = _toolpaths(report.get("toolpath"), "toolpath")

    def number(key: str) -> float | None:
        return _number(summary.get(key), _key("summary", key))

    return _SimReport(
        locale=_text(report.get("locale"), "locale") or "tr",
        timezone=_text(report.get("timezone"), "timezone") or timefmt.DEFAULT_ZONE,
        generated_at=_moment(report.get("generated_at"), "generated_at"),
        generated_by=_text(report.get("generated_by"), "generated_by"),
        program_name=_text(_member(program, "name", "program", True), "program.name"),
        program_sha256=_text(program.get("sha256"), "program.sha256"),
        program_lines=_whole(program.get("lines"), "program.lines"),
        part_name=_text(part.get("name"), "part.name"),
        model_id=_text(part.get("model_id"), "part.model_id"),
        version=_text(part.get("version"), "part.version"),
        machine=_text(machine.get("name"), "machine.name"),
        controller=_text(machine.get("controller"), "machine.controller"),
        post_processor=_text(machine.get("post_processor"), "machine.post_processor"),
        verdict=verdict,
        removed_mm3=number("removed_volume_mm3"),
        stock_mm3=number("stock_volume_mm3"),
        machining_time_s=number("machining_time_s"),
        resolution_mm=number("resolution_mm"),
        accuracy_percent=number("accuracy_percent"),
        moves=_whole(summary.get("moves"), "summary.moves"),
        simulation_time_ms=number("simulation_time_ms"),
        stock_min=stock_min,
        stock_max=stock_max,
        top_view=_parse_top_view(report.get("image")),
        findings=_parse_findings(report.get("findings")),
        feeds=toolpaths["feeds"],
        rapids=toolpaths["rapids"],
    )


# --------------------------------------------------------------------------- invoice input

# GİB's 16-character form: a 3-character prefix, the year, a 9-digit serial number.
_INVOICE_NUMBER = re.compile(r"^[A-Z0-9]{3}[0-9]{13}$")
_AMOUNT = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d{2}$")  # 1.234,56
_UNIT_PRICE = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d{2,4}$")  # 1.500,00 or 0,1234
_QUANTITY = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")  # 5, 1,5, 1000
_RATE = re.compile(r"^\d{1,3}(,\d{1,2})?$")  # 20, 0, 1,5
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_INVOICE_STATUSES = ("draft", "sent", "paid", "overdue", "cancelled")


@dataclass
class _Party:
    name: str
    tax_no: str
    tax_office: str
    address: str
    email: str
    phone: str
    iban: str


@dataclass
class _InvoiceLine:
    no: int
    description: str
    quantity: str
    unit: str
    unit_price: str
    tax_rate: str
    tax_amount: str
    amount: str


@dataclass
class _Invoice:
    draft: bool
    number: str  # empty on a draft
    status: str
    type: str
    issue_date: str
    issue_time: str
    due_date: str
    period: tuple[str, str] | None
    currency: str
    sign: str  # after every amount: TL, ₺, USD, EUR
    seller: _Party
    buyer: _Party
    lines: list[_InvoiceLine]
    subtotal: str
    tax_rate: str
    tax_amount: str
    total: str
    total_in_words: str
    notes: str
    paid_at: str


def _required_text(mapping: dict, key: str, where: str) -> str:
    text = _text(_member(mapping, key, where, required=True), _key(where, key)).strip()
    if not text:
        raise ReportError(f"missing key {_key(where, key)!r}")
    return text


def _formatted(
    mapping: dict, key: str, where: str, pattern: re.Pattern, example: str
) -> tuple[str, Decimal]:
    """A number as the invoice prints it (Turkish notation, not negative) and its value."""
    text = _required_text(mapping, key, where)
    if not pattern.match(text):
        raise ReportError(f"{_key(where, key)}: expected a number such as {example}, got {text!r}")
    if text.startswith("-"):
        raise ReportError(f"{_key(where, key)}: must not be negative, got {text!r}")
    return text, Decimal(text.replace(".", "").replace(",", "."))


def _day(mapping: dict, key: str, where: str, required: bool) -> str:
    text = _text(mapping.get(key), _key(where, key)).strip()
    if not text:
        if required:
            raise ReportError(f"missing key {_key(where, key)!r}")
        return ""
    try:
        dt.datetime.strptime(text, "%d.%m.%Y")
    except ValueError:
        raise ReportError(
            f"{_key(where, key)}: expected a date as DD.MM.YYYY, got {text!r}"
        ) from None
    return text


def _party(value: Any, where: str, tax_required: bool) -> _Party:
    party = _object(value, where, required=True)

    def text(key: str) -> str:
        return " ".join(_text(party.get(key), _key(where, key)).split())

    tax_no = text("tax_no").replace(" ", "")
    if tax_no and not (tax_no.isascii() and tax_no.isdigit() and len(tax_no) in (10, 11)):
        raise ReportError(
            f"{_key(where, 'tax_no')}: expected a VKN (10 digits) or a TCKN (11 digits), "
            f"got {tax_no!r}"
        )
    if tax_required and not tax_no:
        raise ReportError(f"missing key {_key(where, 'tax_no')!r}")
    address = _text(party.get("address"), _key(where, "address")).strip()
    return _Party(
        name=_required_text(party, "name", where),
        tax_no=tax_no,
        tax_office=text("tax_office"),
        address=address,
        email=text("email"),
        phone=text("phone"),
        iban=text("iban").replace(" ", "").upper(),
    )


def _parse_invoice(data: Any) -> _Invoice:
    """The invoice checked and in the shapes the renderer uses; ReportError otherwise.

    Amounts come formatted (``1.234,56``); they must not be negative, and the lines must
    add up to the subtotal and KDV, and those to the total, as :mod:`..core.money` makes
    them."""
    data = _object(data, "invoice", required=True)
    draft = data.get("draft", False)
    if not isinstance(draft, bool):
        raise ReportError(f"draft: expected true or false, got {draft!r}")
    number = _text(data.get("number"), "number").strip()
    if not number and not draft:
        raise ReportError("missing key 'number'")
    if number and not _INVOICE_NUMBER.match(number):
        raise ReportError(
            f"number: expected the 16-character GİB form such as CNC2026000000042, got {number!r}"
        )
    status = _text(data.get("status"), "status").strip() or ("draft" if draft else "sent")
    if status not in _INVOICE_STATUSES:
        raise ReportError(f"status: expected one of {', '.join(_INVOICE_STATUSES)}, got {status!r}")
    currency = _required_text(data, "currency", "")
    if currency not in money.CURRENCIES:
        raise ReportError(f"currency: expected {', '.join(money.CURRENCIES)}, got {currency!r}")
    sign = _text(data.get("currency_sign"), "currency_sign").strip()
    issue_time = _text(data.get("issue_time"), "issue_time").strip()
    if issue_time and not _CLOCK.match(issue_time):
        raise ReportError(f"issue_time: expected HH:MM, got {issue_time!r}")
    period = None
    if data.get("billing_period") is not None:
        span = _object(data["billing_period"], "billing_period")
        period = (
            _day(span, "start", "billing_period", required=True),
            _day(span, "end", "billing_period", required=True),
        )

    tax_rate = _required_text(data, "tax_rate", "")
    if not _RATE.match(tax_rate):
        raise ReportError(f"tax_rate: expected a percentage such as 20, got {tax_rate!r}")
    items = _list(_member(data, "lines", "", required=True), "lines")
    if not items:
        raise ReportError("lines: an invoice needs at least one line")
    lines, amounts, taxes = [], [], []
    for i, item in enumerate(items):
        where = _key("lines", i)
        item = _object(item, where, required=True)
        quantity, _ = _formatted(item, "quantity", where, _QUANTITY, "1,5")
        unit_price, _ = _formatted(item, "unit_price", where, _UNIT_PRICE, "1.500,00")
        amount, amount_value = _formatted(item, "amount", where, _AMOUNT, "1.234,56")
        tax, tax_value = _formatted(item, "tax_amount", where, _AMOUNT, "246,91")
        rate = _text(item.get("tax_rate"), _key(where, "tax_rate")).strip() or tax_rate
        if not _RATE.match(rate):
            raise ReportError(
                f"{_key(where, 'tax_rate')}: expected a percentage such as 20, got {rate!r}"
            )
        no = _whole(item.get("no"), _key(where, "no"))
        lines.append(
            _InvoiceLine(
                no=i + 1 if no is None else no,
                description=_required_text(item, "description", where),
                quantity=quantity,
                unit=" ".join(_text(item.get("unit"), _key(where, "unit")).split()),
                unit_price=unit_price,
                tax_rate=rate,
                tax_amount=tax,
                amount=amount,
            )
        )
        amounts.append(amount_value)
        taxes.append(tax_value)

    subtotal, subtotal_value = _formatted(data, "subtotal", "", _AMOUNT, "1.234,56")
    tax_amount, tax_value = _formatted(data, "tax_amount", "", _AMOUNT, "246,91")
    total, total_value = _formatted(data, "total", "", _AMOUNT, "1.481,47")
    if sum(amounts) != subtotal_value:
        raise ReportError(
            f"subtotal: {subtotal} is not the sum of the lines' amounts "
            f"({money.format_amount(sum(amounts))})"
        )
    if sum(taxes) != tax_value:
        raise ReportError(
            f"tax_amount: {tax_amount} is not the sum of the lines' KDV "
            f"({money.format_amount(sum(taxes))})"
        )
    if subtotal_value + tax_value != total_value:
        raise ReportError(
            f"total: {total} is not the subtotal plus KDV "
            f"({money.format_amount(subtotal_value + tax_value)})"
        )
    return _Invoice(
        draft=draft,
        number=number,
        status=status,
        type=_text(data.get("type"), "type").strip(),
        issue_date=_day(data, "issue_date", "", required=not draft),
        issue_time=issue_time,
        due_date=_day(data, "due_date", "", required=True),
        period=period,
        currency=currency,
        sign=sign or money.CURRENCY_SIGNS[currency],
        seller=_party(_member(data, "seller", "", required=True), "seller", tax_required=False),
        buyer=_party(_member(data, "buyer", "", required=True), "buyer", tax_required=not draft),
        lines=lines,
        subtotal=subtotal,
        tax_rate=tax_rate,
        tax_amount=tax_amount,
        total=total,
        total_in_words=_required_text(data, "total_in_words", ""),
        notes=_text(data.get("notes"), "notes").strip(),
        paid_at=_text(data.get("paid_at"), "paid_at").strip(),
    )


# --------------------------------------------------------------------------- fonts


_application = None  # the application we made, kept alive for the process


def _gui_application():
    """Fonts and painting need a QGuiApplication: the running one, or a new QApplication
    (a QApplication is one too, and the same process may want widgets later, which a
    bare QGuiApplication would refuse)."""
    global _application
    app = QtCore.QCoreApplication.instance()
    if app is None:
        _application = app = application()
    elif not isinstance(app, QtGui.QGuiApplication):
        raise RuntimeError("reports need a QGuiApplication, not a QCoreApplication")
    return app


def _font_has_turkish(family: str) -> bool:
    metrics = QtGui.QFontMetricsF(QtGui.QFont(family))
    return all(metrics.inFontUcs4(ord(letter)) for letter in TURKISH_LETTERS)


@functools.cache
def sheet_font_family() -> str:
    """A font family that draws ç ğ ı İ ö ş ü itself: a preferred one, else any installed."""
    _gui_application()
    database = QtGui.QFontDatabase if QT6 else QtGui.QFontDatabase()
    installed = list(database.families())
    candidates = [f for f in FONT_FAMILIES if f in installed]
    candidates += [f for f in installed if f not in candidates]
    for family in candidates:
        if _font_has_turkish(family):
            return family
    return QtGui.QFont().family()  # nothing better: Qt's own fallback chain


# --------------------------------------------------------------------------- numbers


class _Formats:
    """Numbers, times and durations as the sheet's reader writes them."""

    def __init__(self, locale: str, zone: str):
        self.locale = QtCore.QLocale(locale)
        self.zone = zone

    def number(self, value: float | None, decimals: int = 2) -> str:
        """``1.340`` / ``1,340``; trailing zeros dropped (6 mm, 6,35 mm); – when unknown."""
        if value is None:
            return "–"
        value = round(value, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
        text = self.locale.toString(value, "f", decimals)
        point = self.locale.decimalPoint()
        if decimals and point in text:
            text = text.rstrip("0").rstrip(point)
        return text

    def point(self, xyz: np.ndarray) -> str:
        # Letters rather than commas: in Turkish the comma is the decimal point.
        return "   ".join(f"{axis} {self.number(v)}" for axis, v in zip("XYZ", xyz, strict=True))

    def size(self, xyz: np.ndarray | None) -> str:
        if xyz is None:
            return "–"
        return " × ".join(self.number(v) for v in xyz) + " mm"

    def duration(self, seconds: float | None, always_hours: bool = False) -> str:
        """``01:14`` under an hour (``0:01:14`` with ``always_hours``), ``1:02:05`` from
        an hour on."""
        if seconds is None:
            return "–"
        minutes, secs = divmod(round(seconds), 60)
        hours, minutes = divmod(minutes, 60)
        if hours or always_hours:
            return f"{hours}:{minutes:02d}:{secs:02d}"
        return f"{minutes:02d}:{secs:02d}"

    def moment(self, value: dt.datetime | None) -> str:
        return f"{timefmt.short(value, self.zone)} ({self.zone})" if value else "–"


def _tool_type_label(tool_type: str) -> str:
    labels = {
        "flat_endmill": translate("Reports", "Flat end mill"),
        "ball_endmill": translate("Reports", "Ball end mill"),
        "bull_endmill": translate("Reports", "Bull nose end mill"),
        "face_mill": translate("Reports", "Face mill"),
        "drill": translate("Reports", "Drill"),
        "spot_drill": translate("Reports", "Spot drill"),
        "chamfer_mill": translate("Reports", "Chamfer mill"),
        "router_bit": translate("Reports", "Router bit"),
    }
    return labels.get(tool_type, tool_type.replace("_", " "))


def _operation_kind_label(kind: str) -> str:
    labels = {
        "facing": translate("Reports", "Facing"),
        "profile": translate("Reports", "Profile"),
        "pocket": translate("Reports", "Pocket"),
        "adaptive": translate("Reports", "Adaptive clearing"),
        "drilling": translate("Reports", "Drilling"),
    }
    return labels.get(kind, kind.replace("_", " "))


def _finding_kind_label(kind: str) -> str:
    labels = {
        "rapid_into_stock": translate("Reports", "Rapid into stock"),
        "non_center_cutting_plunge": translate("Reports", "Plunge with a non-centre-cutting tool"),
        "shank_collision": translate("Reports", "Shank below the cut surface"),
        "holder_collision": translate("Reports", "Holder collision"),
        "fixture_collision": translate("Reports", "Fixture collision"),
        "envelope": translate("Reports", "Outside the work envelope"),
        "feed_limit": translate("Reports", "Feed above the machine's maximum"),
        "rpm_limit": translate("Reports", "Spindle speed above the maximum"),
        "spindle_off_cut": translate("Reports", "Cutting with the spindle stopped"),
    }
    return labels.get(kind, kind.replace("_", " "))


def _severity_label(severity: str) -> str:
    return translate("Reports", "Error") if severity == "error" else translate("Reports", "Warning")


def _verdict_label(verdict: str) -> str:
    labels = {
        "passed": translate("Reports", "PASSED"),
        "warnings": translate("Reports", "PASSED WITH WARNINGS"),
        "failed": translate("Reports", "FAILED — do not run this program"),
    }
    return labels[verdict]


# --------------------------------------------------------------------------- layout

Paint = Callable[[QtGui.QPainter, float], None]


class _Flow:
    """Places blocks top to bottom, starting a new page when the next one does not fit."""

    def __init__(self, top: float, bottom: float):
        self.top, self.bottom = top, bottom
        self.pages: list[list[tuple[float, Paint]]] = [[]]
        self.y = top

    def fits(self, height: float) -> bool:
        return self.y + height <= self.bottom

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def add(self, height: float, paint: Paint, keep_with: float = 0.0) -> None:
        """``keep_with``: height of what must follow on the same page (a table's header)."""
        if self.pages[-1] and not self.fits(height + keep_with):
            self.new_page()
        self.pages[-1].append((self.y, paint))
        self.y += height

    def gap(self, height: float) -> None:
        if self.y > self.top:  # no blank space at the top of a page
            self.y += height


@dataclass
class _Column:
    title: str
    weight: float
    numeric: bool = False


def _colour(rgb: tuple[int, ...]) -> QtGui.QColor:
    return QtGui.QColor(*rgb)


def _polygon(xy: np.ndarray) -> QtGui.QPolygonF:
    point = QtCore.QPointF
    return QtGui.QPolygonF([point(x, y) for x, y in xy.tolist()])


_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
_ALIGN_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_RIGHT_MIDDLE = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_WRAP = int(Qt.TextFlag.TextWordWrap)


Pages = list[list[tuple[float, Paint]]]
# A legend entry: its label, and what paints its sample into the rectangle given.
LegendEntry = tuple[str, Callable[[QtGui.QPainter, QtCore.QRectF], None]]


class _ReportRenderer:
    """Lays a report out on pages (device pixels of the PDF writer), then paints it.

    Subclasses add their sections to the flow in :meth:`sections`; this class has the
    building blocks (title, headings, paragraphs, label/value pairs, paginated tables,
    legends) and paints every page with the footer "title · page N / M".
    """

    def __init__(self, writer: QtGui.QPdfWriter, locale: str, zone: str, title: str):
        self.writer = writer
        self.title = title  # in the footer of every page
        self.fmt = _Formats(locale, zone)
        self.dpmm = writer.resolution() / 25.4
        self.page_width, self.page_height = float(writer.width()), float(writer.height())
        self.left = self.mm(_MARGIN_MM)
        self.width = self.page_width - 2 * self.left
        self.family = sheet_font_family()
        self._metrics: dict[tuple[float, bool], QtGui.QFontMetricsF] = {}

    def mm(self, millimetres: float) -> float:
        return millimetres * self.dpmm

    # ---- text

    def font(self, points: float, bold: bool = False) -> QtGui.QFont:
        font = QtGui.QFont(self.family)
        font.setPointSizeF(points)
        font.setBold(bold)
        # No shaping, hence no ligatures: "fl" in a file name must stay two letters when
        # someone copies it out of the PDF or searches for it.
        font.setStyleStrategy(QtGui.QFont.StyleStrategy.PreferNoShaping)
        return font

    def metrics(self, font: QtGui.QFont) -> QtGui.QFontMetricsF:
        key = (font.pointSizeF(), font.bold())
        if key not in self._metrics:
            self._metrics[key] = QtGui.QFontMetricsF(font, self.writer)
        return self._metrics[key]

    def line_height(self, font: QtGui.QFont) -> float:
        return self.metrics(font).height()

    def text_height(self, font: QtGui.QFont, width: float, text: str) -> float:
        """Height of ``text`` wrapped at word boundaries into ``width``."""
        box = self.metrics(font).boundingRect(
            QtCore.QRectF(0, 0, width, 1e6), _ALIGN_LEFT | _WRAP, text or " "
        )
        return max(box.height(), self.line_height(font))

    def breakable(self, font: QtGui.QFont, width: float, text: str) -> str:
        """``text`` with line breaks inside words wider than ``width`` (a long file name),
        after a ``_ . - /`` where one is near; word wrapping would let them run over."""
        advance = self.metrics(font).horizontalAdvance
        if advance(text) <= width:
            return text
        lines = []
        for line in text.split("\n"):
            words = []
            for word in line.split(" "):
                pieces = []
                while advance(word) > width and len(word) > 1:
                    low, high = 1, len(word) - 1  # the longest head that fits: word[:low]
                    while low < high:
                        middle = (low + high + 1) // 2
                        low, high = (
                            (middle, high) if advance(word[:middle]) <= width else (low, middle - 1)
                        )
                    after = max((i + 1 for i in range(low) if word[i] in "_.-/\\"), default=0)
                    cut = after if after > low // 2 else low
                    pieces.append(word[:cut])
                    word = word[cut:]
                words.append("\n".join([*pieces, word]))
            lines.append(" ".join(words))
        return "\n".join(lines)

    @staticmethod
    def draw_text(painter, font, colour, rect: QtCore.QRectF, flags: int, text: str) -> None:
        painter.setFont(font)
        painter.setPen(_colour(colour))
        painter.drawText(rect, flags, text)

    # ---- pages

    def sections(self, flow: _Flow) -> None:
        raise NotImplementedError

    def layout(self) -> Pages:
        flow = _Flow(self.mm(_MARGIN_MM), self.page_height - self.mm(_FOOTER_MM))
        self.sections(flow)
        return flow.pages

    def paint(self, painter: QtGui.QPainter, pages: Pages) -> None:
        for number, blocks in enumerate(pages, 1):
            if number > 1:
                self.writer.newPage()
            for top, paint in blocks:
                painter.save()
                paint(painter, top)
                painter.restore()
            self._footer(painter, number, len(pages))

    def page_text(self, number: int, count: int) -> str:
        """The footer's page number."""
        return translate("Reports", "page {number} / {count}").format(number=number, count=count)

    def _footer(self, painter, number: int, count: int) -> None:
        font = self.font(7.5)
        line_y = self.page_height - self.mm(_FOOTER_MM) + self.mm(4)
        painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.2)))
        painter.drawLine(
            QtCore.QPointF(self.left, line_y), QtCore.QPointF(self.left + self.width, line_y)
        )
        rect = QtCore.QRectF(self.left, line_y + self.mm(1), self.width, self.line_height(font))
        pages = self.page_text(number, count)
        page_width = self.metrics(font).horizontalAdvance(pages) + self.mm(4)
        title_rect = rect.adjusted(0, 0, -page_width, 0)
        elided = self.metrics(font).elidedText(
            self.title, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        self.draw_text(painter, font, _MUTED, title_rect, _ALIGN_LEFT, elided)
        self.draw_text(painter, font, _MUTED, rect, _ALIGN_RIGHT, pages)

    # ---- texts both reports show

    def model_text(self, model_id: str, version: str) -> str:
        if not (model_id or version):
            return ""
        return translate("Reports", "#{id}, version {version}").format(
            id=model_id or "–", version=version or "–"
        )

    def generated_text(self, moment: dt.datetime | None, person: str) -> str:
        generated = self.fmt.moment(moment)
        if person:
            generated = translate("Reports", "{moment} by {person}").format(
                moment=generated, person=person
            )
        return generated

    def gcode_text(self, name: str, sha256: str, lines: int | None) -> str:
        """``name · SHA-256 ab12cd34ef56 · 1.834 lines``."""
        parts = [name or "–"]
        if sha256:
            parts.append(f"SHA-256 {sha256[:12]}")
        if lines is not None:
            parts.append(translate("Reports", "{count} lines").format(count=self.fmt.number(lines)))
        return " · ".join(parts)

    # ---- building blocks

    def _title_block(self, flow: _Flow, title: str, subject: str) -> None:
        """The report's name, what it is about in large letters, and a rule under them."""
        title_font, subject_font = self.font(16, True), self.font(13, True)
        subject = self.breakable(subject_font, self.width, subject)
        title_height = self.line_height(title_font)
        subject_height = self.text_height(subject_font, self.width, subject)

        def paint(painter, top):
            rect = QtCore.QRectF(self.left, top, self.width, title_height)
            self.draw_text(painter, title_font, _INK, rect, _ALIGN_LEFT, title)
            rect = QtCore.QRectF(self.left, top + title_height, self.width, subject_height)
            self.draw_text(painter, subject_font, _INK, rect, _ALIGN_LEFT | _WRAP, subject)
            y = top + title_height + subject_height + self.mm(1.2)
            painter.setPen(QtGui.QPen(_colour(_INK), self.mm(0.35)))
            painter.drawLine(
                QtCore.QPointF(self.left, y), QtCore.QPointF(self.left + self.width, y)
            )

        flow.add(title_height + subject_height + self.mm(3), paint)

    def _heading(self, flow: _Flow, text: str, keep_with: float, size: float = 11.0) -> None:
        font = self.font(size, bold=True)
        text = self.breakable(font, self.width, text)
        height = self.text_height(font, self.width, text)
        underline = size >= 11.0

        def paint(painter, top):
            rect = QtCore.QRectF(self.left, top, self.width, height)
            self.draw_text(painter, font, _INK, rect, _ALIGN_LEFT | _WRAP, text)
            if underline:
                painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.25)))
                y = top + height + self.mm(0.6)
                painter.drawLine(
                    QtCore.QPointF(self.left, y), QtCore.QPointF(self.left + self.width, y)
                )

        flow.add(height + self.mm(2.0 if underline else 1.0), paint, keep_with=keep_with)

    def _paragraph(self, flow, text: str, colour=_INK, size: float = 8.5, bold=False) -> None:
        font = self.font(size, bold)
        text = self.breakable(font, self.width, text)
        height = self.text_height(font, self.width, text)

        def paint(painter, top):
            rect = QtCore.QRectF(self.left, top, self.width, height)
            self.draw_text(painter, font, colour, rect, _ALIGN_LEFT | _WRAP, text)

        flow.add(height + self.mm(0.8), paint)

    def _key_values(
        self, flow: _Flow, rows: list[list[tuple[str, str, bool]]], label_mm: float = 32.0
    ) -> None:
        """Label/value pairs, one or two to a row; a lone pair takes the whole width."""
        label_font, value_font, strong_font = (
            self.font(8, True),
            self.font(8.5),
            self.font(8.5, True),
        )
        label_width, gap = self.mm(label_mm), self.mm(6)
        half = (self.width - gap) / 2
        for row in rows:
            cells = []
            for i, (label, value, strong) in enumerate(row):
                x = self.left + i * (half + gap)
                width = self.width if len(row) == 1 else half
                font = strong_font if strong else value_font
                value_width = width - label_width
                label = self.breakable(label_font, label_width - self.mm(2), label)
                value = self.breakable(font, value_width, value)
                height = max(
                    self.text_height(label_font, label_width - self.mm(2), label),
                    self.text_height(font, value_width, value),
                )
                cells.append((x, value_width, height, label, value or "–", font))
            row_height = max(cell[2] for cell in cells)

            def paint(painter, top, cells=cells, row_height=row_height):
                for x, value_width, _, label, value, font in cells:
                    label_rect = QtCore.QRectF(x, top, label_width - self.mm(2), row_height)
                    value_rect = QtCore.QRectF(x + label_width, top, value_width, row_height)
                    self.draw_text(
                        painter, label_font, _MUTED, label_rect, _ALIGN_LEFT | _WRAP, label
                    )
                    self.draw_text(painter, font, _INK, value_rect, _ALIGN_LEFT | _WRAP, value)

            flow.add(row_height + self.mm(1.0), paint)

    def _table(
        self,
        flow: _Flow,
        title: str,
        columns: list[_Column],
        rows: list[list[str]],
        styles: list[tuple[tuple[int, int, int], bool]] | None = None,
        empty: str = "",
        heading_size: float = 11.0,
        cell_styles: list[dict[int, tuple[tuple[int, int, int], bool]]] | None = None,
        continued: str | None = None,
    ) -> None:
        """A titled table; rows that do not fit go on to the next page under the title
        "(continued)" (or ``continued``, a format with ``{title}``) and the repeated
        column header.

        ``styles`` gives each row its colour and boldness; ``cell_styles`` overrides them
        for single cells, by column index.
        """
        pad_x, pad_y = self.mm(1.2), self.mm(0.55)
        header_font, cell_font, bold_font = self.font(7, True), self.font(7.5), self.font(7.5, True)
        total = sum(c.weight for c in columns)
        widths = [self.width * c.weight / total for c in columns]
        lefts = [self.left + sum(widths[:i]) for i in range(len(columns))]
        styles = styles or [(_INK, False)] * len(rows)
        cell_styles = cell_styles or [{}] * len(rows)
        looks = [  # (font, colour) of every cell
            [
                (bold_font if bold else cell_font, colour)
                for colour, bold in (overrides.get(i, style) for i in range(len(row)))
            ]
            for row, style, overrides in zip(rows, styles, cell_styles, strict=True)
        ]
        header_look = [(header_font, _INK)] * len(columns)
        rows = [
            [
                self.breakable(font, w - 2 * pad_x, text)
                for text, (font, _), w in zip(row, look, widths, strict=True)
            ]
            for row, look in zip(rows, looks, strict=True)
        ]

        def cells_height(texts, look) -> float:
            return 2 * pad_y + max(
                self.text_height(font, w - 2 * pad_x, text)
                for text, (font, _), w in zip(texts, look, widths, strict=True)
            )

        header_height = cells_height([c.title for c in columns], header_look)
        heights = [cells_height(row, look) for row, look in zip(rows, looks, strict=True)]

        def paint_cells(painter, top, height, texts, look, background):
            if background is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(_colour(background))
                painter.drawRect(QtCore.QRectF(self.left, top, self.width, height))
            for text, (font, colour), column, x, w in zip(
                texts, look, columns, lefts, widths, strict=True
            ):
                rect = QtCore.QRectF(x + pad_x, top + pad_y, w - 2 * pad_x, height - 2 * pad_y)
                align = _ALIGN_RIGHT if column.numeric else _ALIGN_LEFT
                self.draw_text(painter, font, colour, rect, align | _WRAP, text)
            painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.15)))
            y = top + height
            painter.drawLine(
                QtCore.QPointF(self.left, y), QtCore.QPointF(self.left + self.width, y)
            )

        def paint_header(painter, top):
            titles = [c.title for c in columns]
            paint_cells(painter, top, header_height, titles, header_look, (226, 229, 234))

        first = heights[0] if heights else self.mm(5)
        self._heading(flow, title, keep_with=header_height + first, size=heading_size)
        if not rows:
            self._paragraph(flow, empty, _MUTED)
            return
        flow.add(header_height, paint_header, keep_with=first)
        for i, (row, height, look) in enumerate(zip(rows, heights, looks, strict=True)):
            if not flow.fits(height):
                flow.new_page()
                again = (continued or translate("Reports", "{title} (continued)")).format(
                    title=title
                )
                self._heading(flow, again, keep_with=0, size=heading_size)
                flow.add(header_height, paint_header)
            background = (247, 248, 250) if i % 2 else None

            def paint_row(painter, top, row=row, h=height, look=look, b=background):
                paint_cells(painter, top, h, row, look, b)

            flow.add(height, paint_row)

    def _picture_frame(self, painter, frame: QtCore.QRectF) -> None:
        """The picture's background and border; what is painted next stays inside it."""
        painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.2)))
        painter.setBrush(_colour(PICTURE_BACKGROUND))
        painter.drawRect(frame)
        painter.setClipRect(frame)

    def _paint_toolpath(
        self,
        painter,
        project: Callable[[np.ndarray], np.ndarray],
        feeds: list[np.ndarray],
        feed_pen: tuple[tuple[int, ...], float],
        rapids: list[np.ndarray],
        rapid_pen: tuple[tuple[int, ...], float],
    ) -> None:
        """Rapids dashed, then feed moves on top; pens as (colour, width in mm)."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rapid = QtGui.QPen(_colour(rapid_pen[0]), self.mm(rapid_pen[1]))
        rapid.setDashPattern([6.0, 4.0])
        painter.setPen(rapid)
        for line in rapids:
            painter.drawPolyline(_polygon(project(line)))
        feed = QtGui.QPen(_colour(feed_pen[0]), self.mm(feed_pen[1]))
        feed.setCapStyle(Qt.PenCapStyle.RoundCap)
        feed.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(feed)
        for line in feeds:
            painter.drawPolyline(_polygon(project(line)))

    def _paint_legend(self, painter, font, x: float, top: float, entries: list[LegendEntry]):
        """Samples with their labels in a row from ``x``; where the row ends."""
        height = self.line_height(font)
        sample = self.mm(7)
        for label, paint_sample in entries:
            painter.save()
            paint_sample(painter, QtCore.QRectF(x, top, sample, height))
            painter.restore()
            text_width = self.metrics(font).horizontalAdvance(label)
            rect = QtCore.QRectF(x + sample + self.mm(1.5), top, text_width + self.mm(1), height)
            self.draw_text(painter, font, _MUTED, rect, _ALIGN_MIDDLE, label)
            x = rect.right() + self.mm(5)
        return x

    def _line_sample(self, colour: tuple[int, ...], width_mm: float, dashed: bool = False):
        """A legend sample: a short line across the middle of its rectangle."""

        def paint(painter, rect: QtCore.QRectF) -> None:
            pen = QtGui.QPen(_colour(colour), self.mm(width_mm))
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            middle = rect.center().y()
            painter.drawLine(
                QtCore.QPointF(rect.left(), middle), QtCore.QPointF(rect.right(), middle)
            )

        return paint

    def _box_sample(self, fill: QtGui.QColor, edge: tuple[int, ...], width_mm: float = 0.2):
        """A legend sample: a flat box across the middle of its rectangle."""

        def paint(painter, rect: QtCore.QRectF) -> None:
            painter.setBrush(fill)
            painter.setPen(QtGui.QPen(_colour(edge), self.mm(width_mm)))
            middle = rect.center().y()
            painter.drawRect(
                QtCore.QRectF(rect.left(), middle - self.mm(1.2), rect.width(), self.mm(2.4))
            )

        return paint


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

    def _header(self, flow: _Flow) -> None:
        s = self.sheet
        self._title_block(flow, translate("Reports", "Setup sheet"), s.part_name)
        material = f"{s.material} ({s.material_grade})" if s.material_grade else s.material
        self._key_values(
            flow,
            [
                [
                    (translate("Reports", "Model"), self.model_text(s.model_id, s.version), False),
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
            _Column(translate("Reports", "Name"), 40),
            _Column(translate("Reports", "Kind"), 20),
            _Column("T", 6),
            _Column(translate("Reports", "Spindle rpm"), 14, True),
            _Column(translate("Reports", "Feed mm/min"), 14, True),
            _Column(translate("Reports", "Plunge mm/min"), 14, True),
            _Column(translate("Reports", "Stepdown mm"), 14, True),
            _Column(translate("Reports", "Stepover %"), 13, True),
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


class _SimReportRenderer(_ReportRenderer):
    """The simulation report: header, verdict, top view, summary, findings."""

    def __init__(self, report: _SimReport, writer: QtGui.QPdfWriter):
        title = f"{translate('Reports', 'Simulation report')} · {report.program_name}"
        super().__init__(writer, report.locale, report.timezone, title)
        self.report = report

    def sections(self, flow: _Flow) -> None:
        self._header(flow)
        self._verdict(flow)
        self._top_view(flow)
        self._summary(flow)
        self._findings(flow)

    def _header(self, flow: _Flow) -> None:
        r = self.report
        self._title_block(flow, translate("Reports", "Simulation report"), r.program_name)
        model = self.model_text(r.model_id, r.version)
        part = " · ".join(text for text in (r.part_name, model) if text)
        program = self.gcode_text(r.program_name, r.program_sha256, r.program_lines)
        self._key_values(
            flow,
            [
                [
                    (translate("Reports", "Part"), part, True),
                    (translate("Reports", "Machine"), r.machine, True),
                ],
                [
                    (translate("Reports", "Program"), program, False),
                    (translate("Reports", "Controller"), r.controller, False),
                ],
                [
                    (
                        translate("Reports", "Generated"),
                        self.generated_text(r.generated_at, r.generated_by),
                        False,
                    ),
                    (translate("Reports", "Post-processor"), r.post_processor, False),
                ],
            ],
        )

    def _verdict(self, flow: _Flow) -> None:
        """A banner across the page in the verdict's colour, with the counts at its end."""
        r = self.report
        label_font, counts_font = self.font(13, True), self.font(9, True)
        label = _verdict_label(r.verdict)
        counts = translate("Reports", "Errors: {errors} · Warnings: {warnings}").format(
            errors=r.count("error"), warnings=r.count("warning")
        )
        pad_x, pad_y = self.mm(4), self.mm(2.8)
        counts_width = self.metrics(counts_font).horizontalAdvance(counts) + self.mm(1)
        label_width = self.width - 2 * pad_x - counts_width - self.mm(6)
        height = 2 * pad_y + max(
            self.text_height(label_font, label_width, label), self.line_height(counts_font)
        )
        white = (255, 255, 255)

        def paint(painter, top):
            banner = QtCore.QRectF(self.left, top, self.width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(_VERDICTS[r.verdict]))
            painter.drawRoundedRect(banner, self.mm(1.5), self.mm(1.5))
            inner = banner.adjusted(pad_x, pad_y, -pad_x, -pad_y)
            rect = QtCore.QRectF(inner.left(), inner.top(), label_width, inner.height())
            self.draw_text(painter, label_font, white, rect, _ALIGN_MIDDLE | _WRAP, label)
            self.draw_text(painter, counts_font, white, inner, _ALIGN_RIGHT_MIDDLE, counts)

        flow.gap(self.mm(2.5))
        flow.add(height + self.mm(3), paint)

    # ---- the top view

    def _view_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Program X, Y of the view's low and high corners: the stock, the picture, the
        feed moves and the findings, but not so far around the stock that it becomes a
        speck (rapids to a tool-change position, say); what lies beyond is clipped."""
        r = self.report
        stock_low, stock_high = r.stock_min[:2], r.stock_max[:2]
        margin = max(10.0, 0.5 * float((stock_high - stock_low).max()))
        clouds = [np.vstack([stock_low, stock_high])]
        if r.top_view is not None:
            clouds.append(np.vstack(r.top_view.extent()))
        clouds += [line[:, :2] for line in r.feeds]
        spots = [f.xyz[:2] for f in r.findings if None not in f.xyz[:2]]
        spots = np.array(spots, dtype=np.float64).reshape(-1, 2)
        # A finding far out (beyond the envelope, say) keeps its marker at the edge.
        near = np.all((spots >= stock_low - margin) & (spots <= stock_high + margin), axis=1)
        clouds.append(spots[near])
        points = np.concatenate(clouds)
        low = np.maximum(points.min(axis=0), stock_low - margin)
        high = np.minimum(points.max(axis=0), stock_high + margin)
        middle, half = (low + high) / 2, np.maximum((high - low) / 2, 0.5)
        return middle - half, middle + half

    def _top_view(self, flow: _Flow) -> None:
        r = self.report
        low, high = self._view_bounds()
        span = high - low
        pad = self.mm(5)  # room for markers on the edge of the stock
        most_x = min(self.mm(TOP_VIEW_MAX_MM[0]), self.width)
        most_y = self.mm(TOP_VIEW_MAX_MM[1])
        scale = min((most_x - 2 * pad) / span[0], (most_y - 2 * pad) / span[1])
        width, height = span[0] * scale + 2 * pad, span[1] * scale + 2 * pad
        x = self.left + (self.width - width) / 2

        def to_page(xy: np.ndarray) -> np.ndarray:
            """Program X, Y (n, 2) to page offsets from the frame's top left corner."""
            return np.column_stack(
                [pad + (xy[:, 0] - low[0]) * scale, pad + (high[1] - xy[:, 1]) * scale]
            )

        image = None
        if r.top_view is not None:
            image = r.top_view.image
            corners = to_page(np.vstack(r.top_view.extent()))
            # More pixels than the printer can place only make the PDF larger.
            most = np.abs(corners[1] - corners[0])
            if image.width() > most[0] or image.height() > most[1]:
                image = image.scaled(
                    max(1, round(min(image.width(), most[0]))),
                    max(1, round(min(image.height(), most[1]))),
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )

        legend_font = self.font(7)
        legend_height = self.line_height(legend_font) + self.mm(1.5)
        entries = self._top_view_legend()
        bar_mm = _scale_bar_length(self.mm(30) / scale)
        bar_label = f"{self.fmt.number(bar_mm)} mm"
        legend_width = self._legend_width(legend_font, entries) + self.mm(6)
        legend_width += bar_mm * scale + self.metrics(legend_font).horizontalAdvance(bar_label)
        legend_left, legend_right = x, x + width
        if legend_width > width:  # a tall, narrow view: the legend takes the page's width
            legend_left, legend_right = self.left, self.left + self.width

        def paint(painter, top):
            frame = QtCore.QRectF(x, top, width, height)
            self._paint_top_view(painter, frame, image, to_page)
            legend_top = top + height + self.mm(1.2)
            self._paint_legend(painter, legend_font, legend_left, legend_top, entries)
            self._paint_scale_bar(
                painter, legend_font, legend_right, legend_top, bar_mm * scale, bar_label
            )

        flow.gap(self.mm(3))
        self._heading(
            flow,
            translate("Reports", "Top view of the simulated stock"),
            height + legend_height,
            size=9,
        )
        flow.add(height + legend_height, paint)

    def _top_view_legend(self) -> list[LegendEntry]:
        entries = [
            (translate("Reports", "Feed move"), self._line_sample(_SIM_FEED[:3], 0.3)),
            (translate("Reports", "Rapid move"), self._line_sample(_SIM_RAPID, 0.25, dashed=True)),
            (
                translate("Reports", "Stock"),
                self._box_sample(QtGui.QColor(0, 0, 0, 0), _STOCK, 0.3),
            ),
        ]
        marked = {f.severity for f in self.report.findings if None not in f.xyz[:2]}
        entries += [
            (_severity_label(severity), self._marker_sample(_severity_colour(severity)))
            for severity in _SEVERITIES
            if severity in marked
        ]
        return entries

    def _legend_width(self, font, entries: list[LegendEntry]) -> float:
        each = self.mm(7 + 1.5 + 1 + 5)  # sample, gap, slack, space to the next entry
        return sum(self.metrics(font).horizontalAdvance(label) + each for label, _ in entries)

    def _marker_sample(self, colour: tuple[int, ...]):
        def paint(painter, rect: QtCore.QRectF) -> None:
            radius = min(rect.height() / 2, self.mm(1.4))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(colour))
            painter.drawEllipse(rect.center(), radius, radius)

        return paint

    def _paint_scale_bar(self, painter, font, right: float, top: float, length: float, label):
        height = self.line_height(font)
        middle = top + height / 2
        start = right - length
        painter.setPen(QtGui.QPen(_colour(_INK), self.mm(0.3)))
        painter.drawLine(QtCore.QPointF(start, middle), QtCore.QPointF(right, middle))
        tick = self.mm(1)
        for x in (start, right):
            painter.drawLine(QtCore.QPointF(x, middle - tick), QtCore.QPointF(x, middle + tick))
        text_width = self.metrics(font).horizontalAdvance(label) + self.mm(1)
        rect = QtCore.QRectF(start - self.mm(1.5) - text_width, top, text_width, height)
        self.draw_text(painter, font, _MUTED, rect, _ALIGN_RIGHT_MIDDLE, label)

    def _paint_top_view(self, painter, frame: QtCore.QRectF, image, to_page) -> None:
        r = self.report
        offset = np.array([frame.left(), frame.top()])

        def page(xy: np.ndarray) -> np.ndarray:
            return to_page(xy) + offset

        painter.save()
        self._picture_frame(painter, frame)
        if image is not None:
            (left, bottom), (right, top) = page(np.vstack(r.top_view.extent())).tolist()
            painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(QtCore.QRectF(left, top, right - left, bottom - top), image)

        (left, bottom), (right, top) = page(np.vstack([r.stock_min[:2], r.stock_max[:2]])).tolist()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QtGui.QPen(_colour(_STOCK), self.mm(0.3)))
        painter.drawRect(QtCore.QRectF(left, top, right - left, bottom - top))

        def project(line: np.ndarray) -> np.ndarray:  # seen from above
            return page(line[:, :2])

        self._paint_toolpath(
            painter, project, r.feeds, (_SIM_FEED, 0.2), r.rapids, (_SIM_RAPID, 0.15)
        )

        self._paint_markers(painter, frame, page)
        painter.restore()

    def _paint_markers(self, painter, frame: QtCore.QRectF, page) -> None:
        """A numbered circle at each finding; one that would cover another moves aside,
        with a leader line back to the spot."""
        placed = [f for f in self.report.findings if None not in f.xyz[:2]]
        if not placed:
            return
        font = self.font(7, True)
        spots = page(np.array([f.xyz[:2] for f in placed], dtype=np.float64))
        advance = self.metrics(font).horizontalAdvance
        radii = [max(self.mm(2.3), advance(str(f.number)) / 2 + self.mm(0.7)) for f in placed]
        centres = _place_markers(spots, radii, frame, self.mm(0.4))
        dot = self.mm(0.55)
        for finding, spot, centre in zip(placed, spots, centres, strict=True):
            if np.hypot(*(centre - spot)) > dot:
                painter.setPen(QtGui.QPen(_colour(_INK), self.mm(0.2)))
                painter.drawLine(QtCore.QPointF(*spot), QtCore.QPointF(*centre))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(_colour(_severity_colour(finding.severity)))
                painter.drawEllipse(QtCore.QPointF(*spot), dot, dot)
        centred = int(Qt.AlignmentFlag.AlignCenter)
        # Errors come first in the list: drawn last, they stay on top.
        for finding, centre, radius in reversed(list(zip(placed, centres, radii, strict=True))):
            painter.setPen(QtGui.QPen(QtGui.QColor(255, 255, 255), self.mm(0.35)))
            painter.setBrush(_colour(_severity_colour(finding.severity)))
            painter.drawEllipse(QtCore.QPointF(*centre), radius, radius)
            rect = QtCore.QRectF(centre[0] - radius, centre[1] - radius, 2 * radius, 2 * radius)
            self.draw_text(painter, font, (255, 255, 255), rect, centred, str(finding.number))

    # ---- summary and findings

    def _summary(self, flow: _Flow) -> None:
        r, number = self.report, self.fmt.number
        flow.gap(self.mm(3))
        self._heading(flow, translate("Reports", "Summary"), keep_with=self.mm(15))
        removed = "–"
        if r.removed_mm3 is not None:
            removed = f"{number(r.removed_mm3 / 1000, 1)} cm³"
            if r.stock_mm3:
                share = number(100 * r.removed_mm3 / r.stock_mm3, 1)
                removed += " " + translate("Reports", "({percent} % of the stock)").format(
                    percent=share
                )
        resolution = "–" if r.resolution_mm is None else f"{number(r.resolution_mm, 3)} mm"
        accuracy = "–" if r.accuracy_percent is None else f"±{number(r.accuracy_percent)} %"
        simulated = "–"
        if r.simulation_time_ms is not None:
            simulated = (
                f"{number(r.simulation_time_ms, 0)} ms"
                if r.simulation_time_ms < 1000
                else f"{number(r.simulation_time_ms / 1000, 1)} s"
            )
        self._key_values(
            flow,
            [
                [
                    (translate("Reports", "Removed volume"), removed, True),
                    (
                        translate("Reports", "Machining time"),
                        self.fmt.duration(r.machining_time_s, True),
                        True,
                    ),
                ],
                [
                    (
                        translate("Reports", "Stock size"),
                        self.fmt.size(r.stock_max - r.stock_min),
                        False,
                    ),
                    (translate("Reports", "Moves"), number(r.moves, 0), False),
                ],
                [
                    (translate("Reports", "Resolution"), resolution, False),
                    (translate("Reports", "Accuracy"), accuracy, False),
                ],
                [(translate("Reports", "Simulation time"), simulated, False)],
            ],
        )

    def _findings(self, flow: _Flow) -> None:
        findings, number = self.report.findings, self.fmt.number
        flow.gap(self.mm(3))
        columns = [
            _Column("#", 4, True),
            _Column(translate("Reports", "Severity"), 9),
            _Column(translate("Reports", "Kind"), 26),
            _Column(translate("Reports", "Line"), 7, True),
            _Column("X", 7, True),
            _Column("Y", 7, True),
            _Column("Z", 7, True),
            _Column(translate("Reports", "Message"), 41),
        ]
        rows = [
            [
                str(f.number),
                _severity_label(f.severity),
                _finding_kind_label(f.kind),
                "–" if f.line is None else str(f.line),  # as the editor counts: no grouping
                *(number(v) for v in f.xyz),
                f.message or "–",
            ]
            for f in findings
        ]
        cell_styles = [
            {0: (_severity_colour(f.severity), True), 1: (_severity_colour(f.severity), True)}
            for f in findings
        ]
        self._table(
            flow,
            translate("Reports", "Findings"),
            columns,
            rows,
            empty=translate("Reports", "No findings."),
            cell_styles=cell_styles,
        )


def _severity_colour(severity: str) -> tuple[int, int, int]:
    return _ERROR if severity == "error" else _WARNING


def _scale_bar_length(most_mm: float) -> float:
    """The longest round length (1, 2, 5 × 10ⁿ mm) of at most ``most_mm``."""
    exponent = math.floor(math.log10(max(most_mm, 1e-6)))
    for step in (5, 2, 1):
        if step * 10.0**exponent <= most_mm:
            return step * 10.0**exponent
    return 10.0**exponent


def _place_markers(
    spots: np.ndarray, radii: list[float], frame: QtCore.QRectF, gap: float
) -> list[np.ndarray]:
    """Marker centres: on their spot when free, else the nearest free place on rings
    around it; always inside ``frame``."""
    angles = np.radians(np.arange(-45, 315, 30))
    directions = np.column_stack([np.cos(angles), np.sin(angles)])
    centres = np.zeros((len(spots), 2))
    sizes = np.asarray(radii, dtype=np.float64)
    for n, (spot, radius) in enumerate(zip(spots, sizes, strict=True)):
        low = np.array([frame.left(), frame.top()]) + radius + gap
        high = np.maximum(low, np.array([frame.right(), frame.bottom()]) - radius - gap)
        home = np.clip(spot, low, high)
        rings = [home[None, :]] + [home + directions * step * 2.3 * radius for step in (1, 2, 3)]
        candidates = np.clip(np.concatenate(rings), low, high)
        # Distance from every candidate to every marker placed so far.
        apart = np.linalg.norm(candidates[:, None, :] - centres[None, :n, :], axis=2)
        free = np.all(apart >= radius + sizes[None, :n] + gap, axis=1)
        centres[n] = candidates[int(np.argmax(free))] if free.any() else home
    return list(centres)


# --------------------------------------------------------------------------- invoice

_INVOICE_TYPE_LABELS = {
    "subscription": QT_TRANSLATE_NOOP("InvoicePdf", "Subscription"),
    "usage": QT_TRANSLATE_NOOP("InvoicePdf", "Usage fee"),
    "one_time": QT_TRANSLATE_NOOP("InvoicePdf", "One-time sale"),
}
_BOX_FILL = (243, 245, 248)
_HEADER_FILL = (226, 229, 234)  # as the tables' header row
_STAMP_DEGREES = -8.0


def _tax_text(tax_no: str) -> str:
    """``VKN: 4720918354`` (a company's tax number), ``TCKN: ...`` (a person's identity
    number); in English with what the abbreviation means."""
    if len(tax_no) == 11:
        return translate("InvoicePdf", "National ID no. (TCKN): {number}").format(number=tax_no)
    return translate("InvoicePdf", "Tax no. (VKN): {number}").format(number=tax_no)


def _phone_text(phone: str) -> str:
    """``+905321234567`` → ``+90 532 123 45 67``; anything else as it is."""
    match = re.fullmatch(r"\+90(\d{3})(\d{3})(\d{2})(\d{2})", phone)
    return "+90 " + " ".join(match.groups()) if match else phone


def _iban_text(iban: str) -> str:
    """In groups of four, as banks print it."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _date_text(text: str) -> str:
    """``25.11.2026 16:05`` or ``2026-11-25 16:05`` as the document's language writes
    dates: day first in Turkish, ``2026-11-25`` in English; anything else as it is."""
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(.*)", text)
    turkish = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})(.*)", text)
    if iso:
        year, month, day, rest = iso.groups()
    elif turkish:
        day, month, year, rest = turkish.groups()
    else:
        return text
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return text
    return date.strftime(timefmt.DATE_FORMATS.get(localefmt.current(), "%d.%m.%Y")) + rest


def _notation(text: str) -> str:
    """A number the data writes the Turkish way (``1.234,56``, ``1,5``) in the document's
    language (``1,234.56``, ``1.5`` in English)."""
    return text if localefmt.current() == "tr" else text.translate(str.maketrans(".,", ",."))


def _percent_text(rate: str) -> str:
    """``%20`` in Turkish, ``20%`` in English."""
    return f"%{rate}" if localefmt.current() == "tr" else f"{_notation(rate)}%"


def _joined(*parts: str) -> str:
    return "  ·  ".join(part for part in parts if part)


# Texts one under another: (offset from the top, height, text, font, colour).
Stack = list[tuple[float, float, str, QtGui.QFont, tuple[int, ...]]]


class _DocumentReport(_ReportRenderer):
    """Documents for customers (invoices, quotes), in the document's language (the data's
    ``language``), whatever the program speaks: labels, numbers and dates."""

    def __init__(self, writer: QtGui.QPdfWriter, zone: str, title: str):
        self.language = localefmt.current()  # _render speaks the document's language
        super().__init__(writer, self.language, zone, title)


class _InvoiceRenderer(_DocumentReport):
    """The invoice, in Turkish (it is a Turkish tax document) or as an English copy for a
    foreign buyer, which says it translates the Turkish original: the seller and the
    invoice's details, the buyer (with a stamp when it is paid, cancelled or a draft), the
    lines, the totals and the amount in words, how to pay, the notes."""

    SIDE_MM = 80.0  # the right-hand column: title and details, stamp, totals

    def __init__(self, invoice: _Invoice, writer: QtGui.QPdfWriter):
        if invoice.number:
            name = translate("InvoicePdf", "Invoice {number}").format(number=invoice.number)
        else:
            name = translate("InvoicePdf", "Invoice draft")
        super().__init__(writer, timefmt.DEFAULT_ZONE, f"{name} · {invoice.buyer.name}")
        self.invoice = invoice
        self.side = self.mm(self.SIDE_MM)
        self.side_left = self.left + self.width - self.side
        self.main = self.width - self.side - self.mm(8)  # the left-hand column

    def page_text(self, number: int, count: int) -> str:
        return translate("InvoicePdf", "Page {number} / {count}").format(number=number, count=count)

    def sections(self, flow: _Flow) -> None:
        self._header(flow)
        self._translation_notice(flow)
        self._lines(flow)
        self._totals(flow)
        self._payment(flow)
        self._notes(flow)

    def amount(self, text: str) -> str:
        """``1.234,56 TL`` in Turkish; ``1,234.56 TRY`` in English, a symbol before it
        (``₺1,234.56``)."""
        sign = self.invoice.sign
        if self.language == "tr" or len(sign) > 1:
            return f"{_notation(text)} {sign}"
        return f"{sign}{_notation(text)}"

    def unit(self, unit: str) -> str:
        """The line's unit as entered; the program's own default "adet" in the document's
        language."""
        return translate("InvoicePdf", "pcs") if unit == "adet" else unit

    # ---- building blocks

    def _stack(self, width: float, rows: list[tuple[str, QtGui.QFont, tuple]]):
        """Texts (text, font, colour) one under another, wrapped into ``width``, empty
        ones left out: their height and the :data:`Stack`."""
        placed: Stack = []
        y = 0.0
        for text, font, colour in rows:
            if not text:
                continue
            text = self.breakable(font, width, text)
            height = self.text_height(font, width, text)
            placed.append((y, height, text, font, colour))
            y += height + self.mm(0.6)
        return (y - self.mm(0.6) if placed else 0.0), placed

    def _paint_stack(self, painter, x: float, top: float, width: float, placed: Stack) -> None:
        for y, height, text, font, colour in placed:
            rect = QtCore.QRectF(x, top + y, width, height)
            self.draw_text(painter, font, colour, rect, _ALIGN_LEFT | _WRAP, text)

    def _fields(self, width: float, label_width: float, rows: list[tuple[str, str, bool]]):
        """Labels and their values side by side, one pair a row: height and places."""
        label_font = self.font(8, True)
        placed = []
        y, gap = 0.0, self.mm(0.9)
        for label, value, strong in rows:
            font = self.font(8, strong)
            label = self.breakable(label_font, label_width - self.mm(1), label)
            value = self.breakable(font, width - label_width, value or "–")
            height = max(
                self.text_height(label_font, label_width - self.mm(1), label),
                self.text_height(font, width - label_width, value),
            )
            placed.append((y, height, label, value, font))
            y += height + gap
        return (y - gap if placed else 0.0), placed

    def _paint_fields(self, painter, x, top, width, label_width, placed) -> None:
        label_font = self.font(8, True)
        for y, height, label, value, font in placed:
            rect = QtCore.QRectF(x, top + y, label_width - self.mm(1), height)
            self.draw_text(painter, label_font, _MUTED, rect, _ALIGN_LEFT | _WRAP, label)
            rect = QtCore.QRectF(x + label_width, top + y, width - label_width, height)
            self.draw_text(painter, font, _INK, rect, _ALIGN_LEFT | _WRAP, value)

    def _paint_box(self, painter, rect: QtCore.QRectF, fill=None) -> None:
        painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.25)))
        painter.setBrush(_colour(fill) if fill else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, self.mm(1.2), self.mm(1.2))

    def _party_rows(self, party: _Party, caption: str, name_points: float):
        office = translate("InvoicePdf", "Tax office: {office}")
        phone = translate("InvoicePdf", "Phone: {phone}")
        email = translate("InvoicePdf", "E-mail: {email}")
        tax = _joined(
            office.format(office=party.tax_office) if party.tax_office else "",
            _tax_text(party.tax_no) if party.tax_no else "",
        )
        contact = _joined(
            phone.format(phone=_phone_text(party.phone)) if party.phone else "",
            email.format(email=party.email) if party.email else "",
        )
        text = self.font(8.5)
        return [
            (caption, self.font(7, True), _MUTED),
            (party.name, self.font(name_points, True), _INK),
            (party.address, text, _INK),
            (tax, text, _INK),
            (contact, text, _INK),
        ]

    # ---- the sections

    def _header(self, flow: _Flow) -> None:
        """On the left the seller and, framed, the buyer; on the right the title, the
        invoice's details and the stamp."""
        inv = self.invoice
        seller_rows = self._party_rows(inv.seller, translate("InvoicePdf", "SELLER"), 12)
        seller_height, seller = self._stack(self.main, seller_rows)
        pad = self.mm(3)
        buyer_rows = self._party_rows(inv.buyer, translate("InvoicePdf", "BILL TO"), 10.5)
        buyer_height, buyer = self._stack(self.main - 2 * pad, buyer_rows)
        buyer_top = seller_height + self.mm(6)
        buyer_box = buyer_height + 2 * pad

        title_font = self.font(22, True)
        title = translate("InvoicePdf", "INVOICE")
        title_height = self.line_height(title_font)
        rows = [
            (
                translate("InvoicePdf", "Invoice no."),
                inv.number or translate("InvoicePdf", "DRAFT"),
                True,
            ),
            (translate("InvoicePdf", "Invoice date"), _date_text(inv.issue_date), False),
        ]
        if inv.issue_time:
            rows.append((translate("InvoicePdf", "Issue time"), inv.issue_time, False))
        rows.append((translate("InvoicePdf", "Due date"), _date_text(inv.due_date), True))
        rows.append((translate("InvoicePdf", "Currency"), inv.currency, False))
        if inv.type:
            kind = _INVOICE_TYPE_LABELS.get(inv.type)
            kind = translate("InvoicePdf", kind) if kind else inv.type
            rows.append((translate("InvoicePdf", "Invoice type"), kind, False))
        if inv.period:
            period = f"{_date_text(inv.period[0])} – {_date_text(inv.period[1])}"
            rows.append((translate("InvoicePdf", "Service period"), period, False))
        inset, label_width = self.mm(2.5), self.mm(31)
        fields_height, fields = self._fields(self.side - 2 * inset, label_width, rows)
        details_top = title_height + self.mm(1)
        details_box = fields_height + 2 * inset
        side_height = details_top + details_box

        stamp = self._stamp()
        stamp_size = (0.0, 0.0)
        if stamp:
            stamp_size = self._stamp_size(*stamp[:2])
            turn = math.radians(abs(_STAMP_DEGREES))
            upright = stamp_size[0] * math.sin(turn) + stamp_size[1] * math.cos(turn)
            stamp_middle = side_height + self.mm(5) + upright / 2
            side_height += self.mm(5) + upright
        height = max(buyer_top + buyer_box, side_height)

        def paint(painter, top):
            self._paint_stack(painter, self.left, top, self.main, seller)
            box = QtCore.QRectF(self.left, top + buyer_top, self.main, buyer_box)
            self._paint_box(painter, box)
            self._paint_stack(
                painter, box.left() + pad, box.top() + pad, box.width() - 2 * pad, buyer
            )

            rect = QtCore.QRectF(self.side_left, top, self.side, title_height)
            self.draw_text(painter, title_font, _INK, rect, _ALIGN_RIGHT, title)
            box = QtCore.QRectF(self.side_left, top + details_top, self.side, details_box)
            self._paint_box(painter, box, _BOX_FILL)
            inner = box.adjusted(inset, inset, -inset, -inset)
            self._paint_fields(
                painter, inner.left(), inner.top(), inner.width(), label_width, fields
            )
            if stamp:
                centre = QtCore.QPointF(self.side_left + self.side / 2, top + stamp_middle)
                self._paint_stamp(painter, centre, *stamp_size, *stamp)

        flow.add(height + self.mm(6), paint)

    def _translation_notice(self, flow: _Flow) -> None:
        """On a copy in another language than Turkish: which invoice it translates, and
        that the Turkish original prevails (the tax document is the Turkish one)."""
        if self.language == "tr":
            return
        if self.invoice.number:
            text = translate(
                "InvoicePdf",
                "This is an English translation of Turkish invoice {number}; the Turkish "
                "original prevails.",
            ).format(number=self.invoice.number)
        else:
            text = translate(
                "InvoicePdf",
                "This is an English translation of a Turkish invoice draft; the Turkish "
                "original prevails.",
            )
        font, pad = self.font(8.5, True), self.mm(2.5)
        text = self.breakable(font, self.width - 2 * pad, text)
        height = self.text_height(font, self.width - 2 * pad, text) + 2 * pad

        def paint(painter, top):
            box = QtCore.QRectF(self.left, top, self.width, height)
            self._paint_box(painter, box, _BOX_FILL)
            inner = box.adjusted(pad, pad, -pad, -pad)
            self.draw_text(painter, font, _CAUTION, inner, _ALIGN_LEFT | _WRAP, text)

        flow.add(height + self.mm(4), paint)

    def _stamp(self) -> tuple[str, str, tuple[int, int, int]] | None:
        inv = self.invoice
        if inv.draft or inv.status == "draft":
            return (
                translate("InvoicePdf", "DRAFT"),
                translate("InvoicePdf", "Not a valid invoice"),
                _MUTED,
            )
        if inv.status == "paid":
            return translate("InvoicePdf", "PAID"), _date_text(inv.paid_at), _PASSED
        if inv.status == "cancelled":
            return translate("InvoicePdf", "CANCELLED"), "", _ERROR
        return None

    def _stamp_size(self, label: str, detail: str) -> tuple[float, float]:
        label_font, detail_font = self.font(20, True), self.font(8.5, True)
        width = self.metrics(label_font).horizontalAdvance(label)
        height = self.line_height(label_font) + self.mm(5)
        if detail:
            width = max(width, self.metrics(detail_font).horizontalAdvance(detail))
            height += self.line_height(detail_font)
        return min(width + self.mm(12), self.side - self.mm(6)), height

    def _paint_stamp(self, painter, centre, width, height, label, detail, colour) -> None:
        """A rubber stamp: two rounded frames, the word, and the date under it."""
        label_font, detail_font = self.font(20, True), self.font(8.5, True)
        ink = (*colour, 230)
        painter.save()
        painter.translate(centre)
        painter.rotate(_STAMP_DEGREES)
        frame = QtCore.QRectF(-width / 2, -height / 2, width, height)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QtGui.QPen(_colour(ink), self.mm(0.8)))
        painter.drawRoundedRect(frame, self.mm(2), self.mm(2))
        inset = self.mm(1.4)
        painter.setPen(QtGui.QPen(_colour(ink), self.mm(0.25)))
        painter.drawRoundedRect(
            frame.adjusted(inset, inset, -inset, -inset), self.mm(1), self.mm(1)
        )
        centred = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        label_height = self.line_height(label_font)
        rect = QtCore.QRectF(frame.left(), frame.top() + self.mm(2.5), width, label_height)
        self.draw_text(painter, label_font, ink, rect, centred, label)
        if detail:
            rect = QtCore.QRectF(frame.left(), rect.bottom(), width, self.line_height(detail_font))
            self.draw_text(painter, detail_font, ink, rect, centred, detail)
        painter.restore()

    def _lines(self, flow: _Flow) -> None:
        columns = [
            _Column(translate("InvoicePdf", "No."), 8, True),
            _Column(translate("InvoicePdf", "Description"), 55),
            _Column(translate("InvoicePdf", "Quantity"), 17, True),
            _Column(translate("InvoicePdf", "Unit price"), 22, True),
            _Column(translate("InvoicePdf", "VAT %"), 11, True),
            _Column(translate("InvoicePdf", "VAT amount"), 21, True),
            _Column(translate("InvoicePdf", "Amount"), 23, True),
        ]
        rows = [
            [
                str(line.no),
                line.description,
                f"{_notation(line.quantity)} {self.unit(line.unit)}".strip(),
                self.amount(line.unit_price),
                _percent_text(line.tax_rate),
                self.amount(line.tax_amount),
                self.amount(line.amount),
            ]
            for line in self.invoice.lines
        ]
        self._table(
            flow,
            translate("InvoicePdf", "Goods and services"),
            columns,
            rows,
            heading_size=9,
            continued=translate("InvoicePdf", "{title} (continued)"),
        )

    def _totals(self, flow: _Flow) -> None:
        """Subtotal, KDV and total on the right; the total in words on the left."""
        inv = self.invoice
        vat = translate("InvoicePdf", "VAT (KDV) {rate}").format(rate=_percent_text(inv.tax_rate))
        rows = [
            (translate("InvoicePdf", "Subtotal"), self.amount(inv.subtotal), self.font(8.5)),
            (vat, self.amount(inv.tax_amount), self.font(8.5)),
            (translate("InvoicePdf", "Grand total"), self.amount(inv.total), self.font(10, True)),
        ]
        pad_x, pad_y = self.mm(2.5), self.mm(1.4)
        heights = [self.line_height(font) + 2 * pad_y for _, _, font in rows]
        words_height, words = self._stack(
            self.main,
            [
                (translate("InvoicePdf", "Amount in words"), self.font(7, True), _MUTED),
                (inv.total_in_words, self.font(8.5, True), _INK),
            ],
        )
        height = max(sum(heights), words_height)

        def paint(painter, top):
            self._paint_stack(painter, self.left, top + self.mm(1), self.main, words)
            y = top
            for (label, value, font), row_height in zip(rows, heights, strict=True):
                rect = QtCore.QRectF(self.side_left, y, self.side, row_height)
                if font.bold():
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(_colour(_HEADER_FILL))
                    painter.drawRect(rect)
                inner = rect.adjusted(pad_x, pad_y, -pad_x, -pad_y)
                self.draw_text(painter, font, _INK, inner, _ALIGN_LEFT, label)
                self.draw_text(painter, font, _INK, inner, _ALIGN_RIGHT, value)
                y += row_height
                if y < top + sum(heights) - 1:
                    painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.15)))
                    painter.drawLine(
                        QtCore.QPointF(self.side_left, y),
                        QtCore.QPointF(self.side_left + self.side, y),
                    )
            painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.25)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QtCore.QRectF(self.side_left, top, self.side, sum(heights)))

        flow.gap(self.mm(3))
        flow.add(height + self.mm(4), paint)

    def _payment(self, flow: _Flow) -> None:
        inv, seller = self.invoice, self.invoice.seller
        if inv.status == "cancelled":
            flow.gap(self.mm(2))
            cancelled = translate("InvoicePdf", "This invoice is cancelled; do not pay it.")
            self._paragraph(flow, cancelled, _ERROR, 9, True)
            return
        if inv.status == "paid":
            rows = [(translate("InvoicePdf", "Payment date"), _date_text(inv.paid_at), True)]
        else:
            rows = [(translate("InvoicePdf", "Due date"), _date_text(inv.due_date), True)]
        if seller.iban:
            rows.append(("IBAN", _iban_text(seller.iban), True))
            rows.append((translate("InvoicePdf", "Account name"), seller.name, False))
        if inv.number and inv.status != "paid":
            text = translate(
                "InvoicePdf", "Please write the invoice number ({number}) as the payment reference."
            ).format(number=inv.number)
            rows.append((translate("InvoicePdf", "Payment reference"), text, False))
        flow.gap(self.mm(2))
        self._heading(flow, translate("InvoicePdf", "Payment details"), self.mm(10), size=9)
        self._key_values(flow, [[row] for row in rows], label_mm=36.0)

    def _notes(self, flow: _Flow) -> None:
        notes = [line for line in self.invoice.notes.splitlines() if line.strip()]
        if not notes:
            return
        flow.gap(self.mm(2))
        self._heading(flow, translate("InvoicePdf", "Notes"), keep_with=self.mm(6), size=9)
        for line in notes:
            self._paragraph(flow, line)


# --------------------------------------------------------------------------- entry points


def render_setup_sheet(sheet: dict, pdf_path: str | Path) -> int:
    """Render ``sheet`` as an A4 PDF at ``pdf_path``; the number of pages.

    The PDF is written next to ``pdf_path`` and renamed over it when complete, so a
    failure never leaves a half-written file there. Raises :class:`SetupSheetError` for
    data it cannot render. Needs a QGuiApplication and creates a QApplication if there is
    none (set ``QT_QPA_PLATFORM=offscreen`` first when there is no display).
    """
    return _render(sheet, Path(pdf_path), _parse_setup_sheet, _SetupSheetRenderer, SetupSheetError)


# ------------------------------------------------------------------------------ quote
class QuoteError(ReportError):
    """Quote data the renderer cannot draw."""


def _parse_quote(data: Any) -> dict:
    """The quote as :func:`cncworkbench.services.quotes.printable_quote` gives it, its
    required fields checked; ReportError naming the field otherwise."""
    data = _object(data, "quote", required=True)
    for key in ("title", "part", "machine", "material", "quantity", "currency", "lines"):
        if key not in data:
            raise ReportError(f"{key}: required")
    if not isinstance(data["lines"], list) or not all(
        isinstance(line, dict) and {"label", "basis", "amount"} <= set(line)
        for line in data["lines"]
    ):
        raise ReportError("lines: expected a list of {label, basis, amount}")
    if not data.get("missing") and not data.get("per_part"):
        raise ReportError("per_part: required when nothing is missing")
    return data


class _QuoteRenderer(_DocumentReport):
    """A one-page cost quote in the data's language (Turkish or English): what is made,
    the cost lines with how each was computed, the batch and per-part prices (KDV
    excluded), and what is missing. The data's texts and amounts come written in that
    language (:func:`cncworkbench.services.quotes.printable_quote`)."""

    def __init__(self, data: dict, writer: QtGui.QPdfWriter):
        zone = data.get("timezone") or timefmt.DEFAULT_ZONE
        super().__init__(writer, zone, translate("QuotePdf", "Quote"))
        self.data = data

    def page_text(self, number: int, count: int) -> str:
        return translate("QuotePdf", "Page {number} / {count}").format(number=number, count=count)

    def sections(self, flow: _Flow) -> None:
        d = self.data
        self._title_block(flow, d["title"], d["part"])
        self._key_values(
            flow,
            [
                [
                    (translate("QuotePdf", "Machine"), d["machine"], True),
                    (translate("QuotePdf", "Material"), d["material"], True),
                ],
                [
                    (translate("QuotePdf", "Quantity"), str(d["quantity"]), True),
                    (translate("QuotePdf", "Currency"), d["currency_text"], False),
                ],
                [
                    (translate("QuotePdf", "Cycle time"), d["cycle_text"], False),
                    (translate("QuotePdf", "Preparation"), d["setup_text"], False),
                ],
                [
                    (translate("QuotePdf", "Prepared by"), d.get("prepared_by") or "–", False),
                    (translate("QuotePdf", "Date"), d.get("date") or "–", False),
                ],
            ],
        )
        flow.gap(self.mm(3))
        columns = [
            _Column(translate("QuotePdf", "Item"), 3.2),
            _Column(translate("QuotePdf", "Calculation"), 4.4),
            _Column(translate("QuotePdf", "Amount"), 1.6, True),
        ]
        rows = [[line["label"], line["basis"], line["amount"]] for line in d["lines"]]
        styles = [(_INK, False)] * len(rows)
        if not d.get("missing"):
            rows += [
                [translate("QuotePdf", "Batch total"), "", d["batch_total"]],
                [translate("QuotePdf", "Per part"), "", d["per_part"]],
            ]
            styles += [(_INK, True), (_INK, True)]
        self._table(flow, translate("QuotePdf", "Cost items"), columns, rows, styles)
        flow.gap(self.mm(2))
        if d.get("missing"):
            self._heading(
                flow,
                translate("QuotePdf", "Missing information: the quote could not be completed"),
                self.mm(8),
            )
            for missing in d["missing"]:
                self._paragraph(flow, "• " + missing, colour=_ERROR, bold=True)
        for note in d.get("notes", []):
            self._paragraph(flow, note, colour=_MUTED)


def render_sim_report(report: dict, pdf_path: str | Path) -> int:
    """Render the simulation ``report`` as an A4 PDF at ``pdf_path``; the number of pages.

    As :func:`render_setup_sheet`: written whole or not at all, :class:`SimReportError`
    for data it cannot render, needs (or creates) a QGuiApplication.
    """
    return _render(report, Path(pdf_path), _parse_sim_report, _SimReportRenderer, SimReportError)


def render_invoice(data: dict, pdf_path: str | Path) -> int:
    """Render the invoice ``data`` (as :func:`cncworkbench.services.billing.printable_invoice`
    gives it) as an A4 PDF at ``pdf_path``; the number of pages.

    As :func:`render_setup_sheet`: written whole or not at all, :class:`InvoiceError`
    for data it cannot render, needs (or creates) a QGuiApplication.
    """
    if isinstance(data, dict):  # a Turkish tax document: Turkish unless told otherwise
        data = {**data, "language": data.get("language") or "tr"}
    return _render(data, Path(pdf_path), _parse_invoice, _InvoiceRenderer, InvoiceError)


def render_quote(data: dict, pdf_path: str | Path) -> int:
    """Render the cost quote ``data`` (:func:`cncworkbench.services.quotes.printable_quote`)
    as an A4 PDF at ``pdf_path``; the number of pages (as :func:`render_setup_sheet`)."""
    return _render(data, Path(pdf_path), _parse_quote, _QuoteRenderer, QuoteError)


def _render(
    raw: Any,
    target: Path,
    parse: Callable[[Any], Any],
    renderer_class: Callable[[Any, QtGui.QPdfWriter], _ReportRenderer],
    error: type[ReportError],
) -> int:
    _gui_application()
    language = raw.get("language") if isinstance(raw, dict) else None
    with speaking(localefmt.normalise(language) or localefmt.current()):
        try:
            data = parse(raw)  # stored messages (findings) are rendered while parsing
        except ReportError as problem:
            raise error(str(problem)) from None
        if not target.parent.is_dir():
            raise error(f"{target.parent}: no such folder for the PDF")
        return _write_pdf(data, target, renderer_class, error)


def _write_pdf(data, target: Path, renderer_class, error: type[ReportError]) -> int:
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        writer = QtGui.QPdfWriter(str(partial))
        writer.setResolution(RESOLUTION_DPI)
        # setPageLayout: PySide2's QPdfWriter.setPageSize takes only the old enum.
        layout = QtGui.QPageLayout(
            QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4),
            QtGui.QPageLayout.Orientation.Portrait,
            QtCore.QMarginsF(0, 0, 0, 0),  # the renderer keeps its own margins
            QtGui.QPageLayout.Unit.Millimeter,
        )
        writer.setPageLayout(layout)
        renderer = renderer_class(data, writer)
        writer.setTitle(renderer.title)
        writer.setCreator("CNC Workbench")
        pages = renderer.layout()
        painter = QtGui.QPainter()
        if not painter.begin(writer):
            raise error(f"{target}: cannot write the PDF there")
        try:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            renderer.paint(painter, pages)
        finally:
            painter.end()
        del painter, writer, renderer
        if not partial.is_file() or partial.stat().st_size == 0:
            raise error(f"{target}: the PDF could not be written")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return len(pages)


_REPORTS = {  # command -> (help, what the input is, renderer)
    "setup-sheet": ("a setup sheet from JSON to PDF", "the sheet as JSON", render_setup_sheet),
    "sim-report": (
        "a simulation report from JSON to PDF",
        "the simulation report as JSON",
        render_sim_report,
    ),
    "invoice": ("an invoice from JSON to PDF", "the invoice as JSON", render_invoice),
    "quote": ("a cost quote from JSON to PDF", "the quote as JSON", render_quote),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cncworkbench.ui.reports", description="Render printable reports."
    )
    reports = parser.add_subparsers(dest="report", required=True)
    for command, (summary, source, _) in _REPORTS.items():
        sub = reports.add_parser(command, help=summary)
        sub.add_argument("input", type=Path, help=source)
        sub.add_argument("output", type=Path, help="the PDF to write (replaced when done)")
    args = parser.parse_args(argv)
    render = _REPORTS[args.report][2]

    def fail(message: str) -> int:
        print(f"{parser.prog}: error: {message}", file=sys.stderr)
        return 2

    try:
        data = json.loads(args.input.read_text(encoding="utf-8"))
    except OSError as error:
        return fail(f"{args.input}: cannot read it: {error.strerror or error}")
    except UnicodeDecodeError:
        return fail(f"{args.input}: not UTF-8 text")
    except json.JSONDecodeError as error:
        return fail(
            f"{args.input}: malformed JSON at line {error.lineno} column {error.colno}: {error.msg}"
        )
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt's chatter (e.g. "XDG_RUNTIME_DIR not set" headless) is kept back: callers read
    # stderr as the error. It is shown only with a crash, where it may explain something.
    qt_messages: list[str] = []
    QtCore.qInstallMessageHandler(lambda _kind, _context, text: qt_messages.append(text))
    try:
        render(data, args.output)
    except ReportError as error:
        return fail(f"{args.input}: {error}")
    except BaseException:
        print("\n".join(qt_messages), file=sys.stderr)
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
