"""Printable reports drawn with Qt's own PDF writer: the setup sheet an operator takes to
the machine, the report of a simulated G-code run, the invoice and the cost quote.

One module per document (:mod:`.setup_sheet`, :mod:`.sim_report`, :mod:`.invoice`,
:mod:`.quote`) and one for what they share (:mod:`.page`). All are A4 PDFs rendered from
plain JSON-shaped data by :class:`.page._ReportRenderer`'s machinery: blocks flow top to
bottom, long tables continue on new pages with their header repeated, and every page has a
"page N / M" footer. The PDF is written next to its target and renamed over it when
complete. Workers run the renderers as a child process, so a crash inside Qt cannot take a
worker down::

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
data is what :func:`cncworkbench.services.commerce.billing.printable_invoice` gives, amounts and
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
import json
import os
import sys
from pathlib import Path

from cncworkbench.ui.qt import QtCore
from cncworkbench.ui.reports.invoice import render_invoice
from cncworkbench.ui.reports.page import (
    InvoiceError,
    ReportError,
    SetupSheetError,
    SimReportError,
    sheet_font_family,
)
from cncworkbench.ui.reports.quote import QuoteError, render_quote
from cncworkbench.ui.reports.setup_sheet import render_setup_sheet
from cncworkbench.ui.reports.sim_report import render_sim_report

__all__ = [
    "InvoiceError",
    "QuoteError",
    "ReportError",
    "SetupSheetError",
    "SimReportError",
    "main",
    "render_invoice",
    "render_quote",
    "render_setup_sheet",
    "render_sim_report",
    "sheet_font_family",
]


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
