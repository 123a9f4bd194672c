"""Our package and its dependencies import inside FreeCAD's own Python (headless), on each
FreeCAD of the version matrix."""

from __future__ import annotations

import pytest

from cncworkbench.services.machining import catalog
from tests.support.freecad import run_freecadcmd

pytestmark = pytest.mark.freecad


def test_package_and_dependencies_import_in_freecadcmd(db, tmp_path):
    with db.session() as session:
        catalog.seed(session)
    result = run_freecadcmd("console_imports.py", tmp_path, {"CNC_DATABASE_URL": db.url})
    failed = {name: state for name, state in result["imported"].items() if "FAILED" in str(state)}
    assert failed == {}
    assert "error" not in result, result.get("error")
    assert result["catalog"] == {"machines": 11, "tools": 45, "materials": 23}
