"""Exact geometry of a model file, read by FreeCAD in a child process."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from cncworkbench.cam.freecad_process import run_script
from cncworkbench.core import model_files, thumbnail


def inspect_model(
    model: model_files.ModelFile, timeout: float = 120.0
) -> tuple[dict[str, Any], bytes]:
    """(metadata, thumbnail PNG) of an FCStd or STEP file as FreeCAD reads it."""
    answer = run_script(
        "inspect_model.py", {"path": str(model.path), "format": model.format}, timeout
    )
    with tempfile.NamedTemporaryFile(suffix=".stl") as mesh:
        mesh.write(answer.pop("mesh_bytes"))
        mesh.flush()
        picture = thumbnail.mesh_thumbnail(model_files.read_stl(Path(mesh.name)))
    answer.pop("mesh_file", None)
    answer.pop("traceback", None)
    return answer, picture
