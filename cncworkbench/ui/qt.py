"""The one place that imports Qt.

Inside FreeCAD the binding is whatever FreeCAD itself loaded (0.20: PySide2 behind its
``PySide`` shim; 1.x: PySide6 or PySide2 depending on the build); elsewhere PySide6,
falling back to PySide2. ``CNC_QT_API=pyside2|pyside6`` forces one. Every other UI module
imports Qt names from here, and uses the small compatibility helpers below for the few
places where Qt 5 and Qt 6 differ.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys


def _choose_binding() -> str:
    forced = os.environ.get("CNC_QT_API", "").lower()
    if forced in ("pyside2", "pyside6"):
        return "PySide6" if forced == "pyside6" else "PySide2"
    if "FreeCAD" in sys.modules:
        # FreeCAD's PySide shim loads the binding FreeCAD was built with.
        with contextlib.suppress(ImportError):
            importlib.import_module("PySide")
    for loaded in ("PySide6", "PySide2"):
        if loaded in sys.modules:
            return loaded
    for candidate in ("PySide6", "PySide2"):
        try:
            importlib.import_module(f"{candidate}.QtCore")
            return candidate
        except ImportError:
            continue
    raise ImportError("Neither PySide6 nor PySide2 is installed: the panels need one of them.")


BINDING = _choose_binding()
QtCore = importlib.import_module(f"{BINDING}.QtCore")
QtGui = importlib.import_module(f"{BINDING}.QtGui")
QtWidgets = importlib.import_module(f"{BINDING}.QtWidgets")
QtSvg = importlib.import_module(f"{BINDING}.QtSvg")

QT6 = BINDING == "PySide6"
Qt = QtCore.Qt
Signal = QtCore.Signal
Slot = QtCore.Slot
QAction = QtGui.QAction if QT6 else QtWidgets.QAction


def exec_(obj) -> int:
    """``exec()`` on Qt 6, ``exec_()`` on PySide2."""
    runner = getattr(obj, "exec", None) or obj.exec_
    return runner()


def qt_version() -> str:
    return QtCore.qVersion()


def application(argv: list[str] | None = None):
    """The running QApplication, created if needed."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication(argv if argv is not None else sys.argv[:1])
    return app
