"""PDFs drawn by the UI layer's Qt renderer (:mod:`cncworkbench.ui.reports`) in a child
process: services and workers have no Qt application and must not load one in their own
process, and a renderer crash must not take a worker down."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from cncworkbench.core import localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

# What the reader is told when a report could not be drawn, by report kind.
NOT_DRAWN = {
    "setup-sheet": QT_TRANSLATE_NOOP("Pdf", "The setup sheet could not be drawn: {reason}"),
    "sim-report": QT_TRANSLATE_NOOP("Pdf", "The simulation report could not be drawn: {reason}"),
    "invoice": QT_TRANSLATE_NOOP("Pdf", "The invoice could not be drawn: {reason}"),
    "quote": QT_TRANSLATE_NOOP("Pdf", "The quote could not be drawn: {reason}"),
}


def render_pdf(
    kind: str,
    data: dict[str, Any],
    pdf_path: Path,
    failure: type[UserError],
    what: str,
    timeout: float = 180,
) -> None:
    """Draw ``data`` as a ``kind`` report (a ``cncworkbench.ui.reports`` command) into
    ``pdf_path``; raise ``failure`` naming ``what`` (for a kind :data:`NOT_DRAWN` does not
    know) with the renderer's last words."""
    with tempfile.TemporaryDirectory(prefix="cnc-pdf-") as work:
        source = Path(work) / "data.json"
        # The child draws in the language spoken here (a worker speaks its job's user's).
        data = {"language": localefmt.current(), **data}
        source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        env = {**os.environ}
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        completed = subprocess.run(
            [sys.executable, "-m", "cncworkbench.ui.reports", kind, str(source), str(pdf_path)],
            capture_output=True, text=True, timeout=timeout, env=env, check=False,
        )  # fmt: skip
        if completed.returncode != 0:
            lines = completed.stderr.strip().splitlines()
            reason = lines[-1] if lines else translate("Pdf", "no message")
            if kind in NOT_DRAWN:
                text = translate("Pdf", NOT_DRAWN[kind]).format(reason=reason)
            else:
                text = translate("Pdf", "The {what} could not be drawn: {reason}").format(
                    what=what, reason=reason
                )
            raise failure(text)
