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

from cncworkbench.errors import UserError


def render_pdf(
    kind: str,
    data: dict[str, Any],
    pdf_path: Path,
    failure: type[UserError],
    what: str,
    timeout: float = 180,
) -> None:
    """Draw ``data`` as a ``kind`` report (a ``cncworkbench.ui.reports`` command) into
    ``pdf_path``; raise ``failure`` naming ``what`` with the renderer's last words."""
    with tempfile.TemporaryDirectory(prefix="cnc-pdf-") as work:
        source = Path(work) / "data.json"
        source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        env = {**os.environ}
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        completed = subprocess.run(
            [sys.executable, "-m", "cncworkbench.ui.reports", kind, str(source), str(pdf_path)],
            capture_output=True, text=True, timeout=timeout, env=env, check=False,
        )  # fmt: skip
        if completed.returncode != 0:
            raise failure(
                f"The {what} could not be drawn: "
                + (completed.stderr.strip().splitlines() or ["no message"])[-1]
            )
