"""The report of a simulated G-code run (:func:`render_sim_report`)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cncworkbench.core import timefmt
from cncworkbench.core.simulation import finding_message
from cncworkbench.core.verification import design_summary
from cncworkbench.ui.deviation_report import deviation_section
from cncworkbench.ui.i18n import translate
from cncworkbench.ui.iso_report import Isometric, isometric_section, parse_isometric
from cncworkbench.ui.qt import Qt, QtCore, QtGui
from cncworkbench.ui.reports.page import (
    _ALIGN_MIDDLE,
    _ALIGN_RIGHT_MIDDLE,
    _ERROR,
    _INK,
    _MUTED,
    _SEVERITIES,
    _SIM_FEED,
    _SIM_RAPID,
    _STOCK,
    _VERDICTS,
    _WARNING,
    _WRAP,
    TOP_VIEW_MAX_MM,
    LegendEntry,
    ReportError,
    SimReportError,
    _colour,
    _Column,
    _finding_kind_label,
    _Flow,
    _key,
    _list,
    _member,
    _moment,
    _number,
    _object,
    _point,
    _render,
    _ReportRenderer,
    _severity_label,
    _text,
    _toolpaths,
    _verdict_label,
    _whole,
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
    design: dict = field(default_factory=dict)  # details["design"] (#21)
    deviation: _TopView | None = None  # the deviation map (#21, ui/deviation_report.py)
    isometric: Isometric | None = None  # the cut stock in 3-D (#25, ui/iso_report.py)

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
        design=_object(report.get("design"), "design"),
        deviation=_parse_top_view(report.get("deviation")),
        isometric=parse_isometric(report.get("isometric"), ReportError),
    )


class _SimReportRenderer(_ReportRenderer):
    """The simulation report: header, verdict, top view, summary, findings."""

    def __init__(self, report: _SimReport, writer: QtGui.QPdfWriter):
        title = f"{translate('Reports', 'Simulation report')} · {report.program_name}"
        super().__init__(writer, report.locale, report.timezone, title)
        self.report = report

    def sections(self, flow: _Flow) -> None:
        self._header(flow)
        self._verdict(flow)
        self._paragraph(flow, design_summary(self.report.design))
        self._top_view(flow)
        if self.report.isometric is not None:
            isometric_section(self, flow)
        if self.report.deviation is not None:
            deviation_section(self, flow)
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


def render_sim_report(report: dict, pdf_path: str | Path) -> int:
    """Render the simulation ``report`` as an A4 PDF at ``pdf_path``; the number of pages.

    As :func:`render_setup_sheet`: written whole or not at all, :class:`SimReportError`
    for data it cannot render, needs (or creates) a QGuiApplication.
    """
    return _render(report, Path(pdf_path), _parse_sim_report, _SimReportRenderer, SimReportError)
