"""What every printed document shares: the page frame (A4, margins, the "page N / M"
footer), fonts with Turkish letters, number formats, colours, input checking and the
block layout (:class:`_ReportRenderer`); :func:`_render` writes the PDF atomically."""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cncworkbench.core import localefmt, timefmt
from cncworkbench.errors import UserError
from cncworkbench.ui.i18n import speaking, translate
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
        "helix": translate("Reports", "Helical milling"),
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


class _DocumentReport(_ReportRenderer):
    """Documents for customers (invoices, quotes), in the document's language (the data's
    ``language``), whatever the program speaks: labels, numbers and dates."""

    def __init__(self, writer: QtGui.QPdfWriter, zone: str, title: str):
        self.language = localefmt.current()  # _render speaks the document's language
        super().__init__(writer, self.language, zone, title)


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
