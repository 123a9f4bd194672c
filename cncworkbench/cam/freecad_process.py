"""Running a script inside headless FreeCAD and reading its JSON answer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from cncworkbench.core import localefmt
from cncworkbench.core.i18n import translate
from cncworkbench.errors import UserError

SCRIPTS = Path(__file__).resolve().parent / "scripts"


class FreeCADUnavailable(UserError):
    """FreeCAD (freecadcmd) is not installed here."""


class FreeCADFailed(UserError):
    """The FreeCAD script reported an error or FreeCAD crashed."""


def freecadcmd() -> str | None:
    for name in ("freecadcmd", "FreeCADCmd"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run_script(script: str, arguments: dict[str, Any], timeout: float = 120.0) -> dict[str, Any]:
    """Run ``cam/scripts/<script>`` in FreeCAD with ``arguments``; returns its answer.

    The script reads $CNC_FREECAD_ARGS (a JSON file) and writes $CNC_FREECAD_RESULT; a
    result with an ``error`` key raises :class:`FreeCADFailed` with FreeCAD's message.
    """
    program = freecadcmd()
    if program is None:
        raise FreeCADUnavailable(
            translate(
                "Cam",
                "FreeCAD is not installed (freecadcmd not found): install it (Debian: "
                "apt install freecad) to read FCStd and STEP geometry.",
            )
        )
    with tempfile.TemporaryDirectory(prefix="cnc-freecad-") as work:
        args_file, result_file = Path(work) / "args.json", Path(work) / "result.json"
        args_file.write_text(json.dumps({**arguments, "work_dir": work}))
        env = {
            **os.environ,
            "CNC_FREECAD_ARGS": str(args_file),
            "CNC_FREECAD_RESULT": str(result_file),
            # Its own HOME: FreeCAD writes its user config there (and 1.x a CamAssets folder).
            "HOME": work,
            # Its messages (the check's problems, FreeCAD's failures) in the reader's language.
            "CNC_LOCALE": localefmt.current(),
        }
        try:
            completed = subprocess.run(
                [program, str(SCRIPTS / script)],
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise FreeCADFailed(
                translate("Cam", "FreeCAD did not finish {script} within {seconds} s.").format(
                    script=script, seconds=f"{timeout:.0f}"
                )
            ) from None
        if not result_file.exists():
            tail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
            raise FreeCADFailed(
                translate(
                    "Cam", "FreeCAD stopped without an answer (exit {code}): {output}"
                ).format(code=completed.returncode, output=" | ".join(tail))
            )
        result = json.loads(result_file.read_text())
        if "error" in result:
            raise FreeCADFailed(result["error"])
        for key, value in list(result.items()):  # files the script made: read before cleanup
            if key.endswith("_file") and value and Path(value).is_file():
                result[key.removesuffix("_file") + "_bytes"] = Path(value).read_bytes()
        return result
