"""The cost quote of a CAM run (:func:`render_quote`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cncworkbench.core import timefmt
from cncworkbench.ui.i18n import translate
from cncworkbench.ui.qt import QtGui
from cncworkbench.ui.reports.page import (
    _ERROR,
    _INK,
    _MUTED,
    ReportError,
    _Column,
    _DocumentReport,
    _Flow,
    _object,
    _render,
)


# ------------------------------------------------------------------------------ quote
class QuoteError(ReportError):
    """Quote data the renderer cannot draw."""


def _parse_quote(data: Any) -> dict:
    """The quote as :func:`cncworkbench.services.machining.quotes.printable_quote` gives it, its
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
    language (:func:`cncworkbench.services.machining.quotes.printable_quote`)."""

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


def render_quote(data: dict, pdf_path: str | Path) -> int:
    """Render the cost quote ``data``
    (:func:`cncworkbench.services.machining.quotes.printable_quote`) as an A4 PDF at
    ``pdf_path``; the number of pages (as :func:`render_setup_sheet`)."""
    return _render(data, Path(pdf_path), _parse_quote, _QuoteRenderer, QuoteError)
