"""Our Python dependencies inside FreeCAD: which are missing, and saying so in one panel.

FreeCAD 1.x embeds another Python (3.13, 3.14) than the one our venv was made from, and an
ImportError while the workbench registers is either a modal traceback (1.0) or a silently
absent workbench (1.1). So ``InitGui.py`` checks here first (standard library, FreeCAD
and Qt only): with a dependency missing, the workbench still registers, and its first
panel names the missing package and the command that installs it.
"""

from __future__ import annotations

import importlib.util
import sys

from cncworkbench.core.i18n import translate

# Import name -> the name pip knows (pyproject.toml's runtime pins)
REQUIRED = {
    "sqlalchemy": "SQLAlchemy",
    "psycopg": "psycopg",
    "alembic": "alembic",
    "keyring": "keyring",
    "bcrypt": "bcrypt",
    "boto3": "boto3",
    "requests": "requests",
    "numpy": "numpy",
    "numba": "numba",
    "llvmlite": "llvmlite",
    "PIL": "Pillow",
    "click": "click",
    "platformdirs": "platformdirs",
}
FIX_COMMAND = "cncworkbench freecad install"
COMMAND_NAME = "CNC_MissingDependencies"

# Set when the workbench could not load its real commands.
problem: str | None = None


def missing() -> list[str]:
    """pip names of the required packages FreeCAD's Python cannot import."""
    absent = []
    for module, package in REQUIRED.items():
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            absent.append(package)
    return absent


def message(packages: list[str]) -> str:
    python = "{}.{}".format(*sys.version_info[:2])
    return translate(
        "Workbench",
        "CNC Workbench cannot start: the Python package(s) {packages} are missing for "
        "FreeCAD's Python {python}. Install them with: {command} (from the CNC Workbench "
        "checkout; ./run.sh does it), then restart FreeCAD.",
    ).format(packages=", ".join(packages), python=python, command=FIX_COMMAND)


def message_for_error(error: BaseException) -> str:
    name = getattr(error, "name", None) or str(error)
    package = REQUIRED.get((name or "").split(".")[0], name)
    return message([package])


def initialize_without_dependencies(workbench, text: str) -> None:
    """Register one command that shows ``text``; print it on FreeCAD's report view."""
    global problem
    import FreeCAD
    import FreeCADGui

    problem = text
    FreeCAD.Console.PrintError(text + "\n")
    FreeCADGui.addCommand(COMMAND_NAME, _ShowProblem())
    workbench.appendToolbar("CNC Workbench", [COMMAND_NAME])
    workbench.appendMenu("&CNC", [COMMAND_NAME])


class _ShowProblem:
    def GetResources(self):
        return {
            "MenuText": translate("Workbench", "Missing dependencies"),
            "ToolTip": problem or "",
        }

    def IsActive(self):
        return True

    def Activated(self):
        show_panel()


def show_panel():
    """The first panel when dependencies are missing: what is missing and the fix."""
    import FreeCADGui

    from cncworkbench.ui.qt import Qt, QtWidgets

    main = FreeCADGui.getMainWindow()
    existing = main.findChild(QtWidgets.QDockWidget, COMMAND_NAME)
    if existing is not None:
        existing.show()
        return existing
    dock = QtWidgets.QDockWidget(translate("Workbench", "CNC Workbench"), main)
    dock.setObjectName(COMMAND_NAME)
    label = QtWidgets.QLabel(problem or "")
    label.setObjectName("missingDependencies")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMargin(12)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    dock.setWidget(label)
    main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.show()
    return dock
