"""What an uploaded FCStd is recorded as: each visible solid once (groups, App::Part,
links), overlapping bodies by their union, and a document holding a CAM job by its
model's geometry, read the way CAM reads it (made in FreeCAD by the test)."""

from __future__ import annotations

import pytest

from cncworkbench.cam.inspect import inspect_model
from cncworkbench.core import model_files
from tests.support.freecad import run_freecadcmd

# Documents made by each FreeCAD version of the matrix (groups, App::Part, links, CAM jobs).
pytestmark = pytest.mark.freecad


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("documents")
    made = run_freecadcmd(
        "metadata_docs.py", tmp_path_factory.mktemp("freecad"), {"CNC_TEST_PARTS": str(folder)}
    )
    assert any(kind.startswith("Path::") for kind in made["cam_job"])  # a real CAM job
    return folder


@pytest.mark.parametrize(
    ("name", "solids", "volume", "size"),
    [
        ("group", 1, 12000.0, [30.0, 20.0, 20.0]),
        ("part", 1, 12000.0, [30.0, 20.0, 20.0]),
        ("link", 1, 12000.0, [30.0, 20.0, 20.0]),
        ("overlap", 2, 18000.0, [45.0, 20.0, 20.0]),
        ("cam_job", 1, 12000.0, [30.0, 20.0, 20.0]),
    ],
)
def test_each_visible_solid_counts_once(documents, name, solids, volume, size):
    metadata, thumbnail = inspect_model(model_files.check(documents / f"{name}.FCStd"))
    assert metadata["solids"] == solids
    assert metadata["volume_mm3"] == pytest.approx(volume, rel=1e-6)
    assert metadata["size_mm"] == size
    assert thumbnail[:8] == b"\x89PNG\r\n\x1a\n"
