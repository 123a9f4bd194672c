"""The design of a model file as a triangle mesh, for the comparison of a simulated stock
with it (:mod:`cncworkbench.core.verification`).

STL is read directly; FCStd and STEP are tessellated by FreeCAD in the sandboxed child
(``scripts/design_mesh.py``): the parts CAM would find, united, at
``verification.TESSELLATION_MM``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from cncworkbench.cam.freecad_process import run_script
from cncworkbench.core import model_files, verification


def design_triangles(path: Path, kind: str, timeout: float = 300.0) -> np.ndarray:
    """(n, 3, 3) triangles of the model file ``path`` of format ``kind`` (FCStd, STEP, STL)."""
    if kind == "STL":
        return model_files.read_stl(Path(path))
    answer = run_script(
        "design_mesh.py",
        {"path": str(path), "format": kind, "deflection_mm": verification.TESSELLATION_MM},
        timeout,
    )
    with tempfile.NamedTemporaryFile(suffix=".stl") as mesh:
        mesh.write(answer["mesh_bytes"])
        mesh.flush()
        return model_files.read_stl(Path(mesh.name))
