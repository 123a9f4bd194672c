# Run inside the FreeCAD GUI (see tests/test_freecad_gui.py) with the workbench linked in
# but none of our Python dependencies installed for FreeCAD's Python: the workbench must
# still be listed, and activating it must show one panel naming what is missing and the
# command that fixes it. Findings go to $CNC_TEST_RESULT as JSON; FreeCAD then exits.
import json
import os

import FreeCAD
import FreeCADGui
from PySide import QtCore, QtGui

result = {}


def finish():
    with open(os.environ["CNC_TEST_RESULT"], "w") as handle:
        json.dump(result, handle)
    os._exit(0)


def run():
    try:
        result["user_data"] = FreeCAD.getUserAppDataDir()
        result["workbenches"] = sorted(FreeCADGui.listWorkbenches())
        if "CNCWorkbench" in result["workbenches"]:
            FreeCADGui.activateWorkbench("CNCWorkbench")
            result["active"] = FreeCADGui.activeWorkbench().name()
        main = FreeCADGui.getMainWindow()
        docks = [d for d in main.findChildren(QtGui.QDockWidget) if d.isVisible()]
        labels = [
            label.text()
            for dock in docks
            if dock.objectName() == "CNC_MissingDependencies"
            for label in dock.findChildren(QtGui.QLabel)
        ]
        result["panel_text"] = labels
        result["commands"] = sorted(c for c in FreeCADGui.listCommands() if c.startswith("CNC_"))
        path = os.path.join(os.environ["CNC_SCREENSHOT_DIR"], "freecad_missing_dependency.png")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        for _ in range(5):  # paint the activated workbench and its dock before grabbing
            QtCore.QCoreApplication.processEvents()
        picture = QtGui.QGuiApplication.primaryScreen().grabWindow(0)
        result["screenshot"] = path if picture.save(path) else None
    except Exception as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
    finish()


QtCore.QTimer.singleShot(500, run)
QtCore.QTimer.singleShot(90000, finish)  # watchdog
