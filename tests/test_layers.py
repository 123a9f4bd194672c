"""Imports point down only: core ← db, storage, cam ← services ← ui ← FreeCAD glue.

Qt is imported in cncworkbench/ui/qt.py only; FreeCAD only in the glue and the CAM
adapter; the UI never touches SQL or boto3 itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "cncworkbench"
QT = ("PySide", "PySide2", "PySide6", "shiboken2", "shiboken6", "PyQt5", "PyQt6")
FREECAD = ("FreeCAD", "FreeCADGui", "Part", "Path", "PathScripts", "Mesh", "Import")
ADAPTERS = ("sqlalchemy", "psycopg", "alembic", "boto3", "botocore")

# layer -> top-level modules it must not import
RULES = {
    "core": QT
    + FREECAD
    + ADAPTERS
    + (
        "cncworkbench.db",
        "cncworkbench.storage",
        "cncworkbench.cam",
        "cncworkbench.services",
        "cncworkbench.ui",
        "cncworkbench.freecad",
    ),
    "db": QT + FREECAD + ("cncworkbench.services", "cncworkbench.ui", "cncworkbench.freecad"),
    "storage": QT + FREECAD + ("cncworkbench.services", "cncworkbench.ui", "cncworkbench.freecad"),
    "cam": (*QT, "cncworkbench.services", "cncworkbench.ui", "cncworkbench.freecad"),
    "services": QT + FREECAD + ("cncworkbench.ui", "cncworkbench.freecad"),
    "ui": FREECAD + ADAPTERS + ("cncworkbench.freecad",),
    "base": QT
    + FREECAD
    + ADAPTERS
    + ("cncworkbench.services", "cncworkbench.ui", "cncworkbench.freecad"),
}
BASE_MODULES = {"config.py", "errors.py", "addon.py", "__init__.py"}


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer_of(path: Path) -> str | None:
    relative = path.relative_to(PACKAGE)
    if len(relative.parts) == 1:
        return "base" if relative.name in BASE_MODULES else None
    return relative.parts[0] if relative.parts[0] in RULES else None


def violations(path: Path, source: str) -> list[str]:
    layer = layer_of(path)
    found = []
    for module in imported_modules(source):
        if layer is not None:
            for forbidden in RULES[layer]:
                if module == forbidden or module.startswith(forbidden + "."):
                    found.append(f"{path.relative_to(PACKAGE)} ({layer}) imports {module}")
        is_qt = module.split(".")[0] in QT
        if is_qt and path != PACKAGE / "ui" / "qt.py":
            found.append(f"{path.relative_to(PACKAGE)} imports Qt ({module}) outside ui/qt.py")
        is_freecad = module.split(".")[0] in FREECAD
        if (
            is_freecad
            and layer not in ("cam",)
            and "freecad" not in path.relative_to(PACKAGE).parts
        ):
            found.append(f"{path.relative_to(PACKAGE)} imports FreeCAD ({module})")
    return found


def test_imports_point_down_only():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        problems += violations(path, path.read_text(encoding="utf-8"))
    assert problems == []


def test_the_layer_check_catches_a_violation():
    assert violations(PACKAGE / "core" / "x.py", "import sqlalchemy as sa")
    assert violations(PACKAGE / "services" / "x.py", "def f():\n    from PySide6 import QtCore")
    assert violations(PACKAGE / "ui" / "panels" / "x.py", "from PySide2 import QtWidgets")
    assert violations(PACKAGE / "ui" / "x.py", "import boto3")
    assert violations(PACKAGE / "db" / "x.py", "import FreeCAD")
    assert not violations(PACKAGE / "cam" / "x.py", "import FreeCAD")
    assert not violations(PACKAGE / "ui" / "qt.py", "import PySide6")
