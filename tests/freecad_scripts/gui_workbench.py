# Run inside the FreeCAD GUI (see tests/test_freecad_gui.py): activates the workbench,
# logs in through the login dialog, opens the CAM Setup dock, waits for its catalog and
# saves a screenshot. Findings go to $CNC_TEST_RESULT as JSON; FreeCAD then exits.
import json
import os
import sys
import traceback

import FreeCADGui
from PySide import QtCore

sys.path.insert(0, os.environ["CNC_TEST_REPO"])
result = {}


def finish():
    with open(os.environ["CNC_TEST_RESULT"], "w") as handle:
        json.dump(result, handle)
    os._exit(0)


def fail(message):
    result["error"] = message
    finish()


def steps():
    FreeCADGui.activateWorkbench("CNCWorkbench")
    result["workbench"] = FreeCADGui.activeWorkbench().name()
    result["commands"] = sorted(c for c in FreeCADGui.listCommands() if c.startswith("CNC_"))
    from cncworkbench.freecad import panels
    from cncworkbench.ui import qt

    result["binding"], result["qt"] = qt.BINDING, qt.qt_version()
    workspace = panels.workspace()
    while not (workspace.is_ready or workspace.error):
        yield
    if workspace.error:
        fail(workspace.error)
    login = panels.show("login")
    result["login_visible"] = login.isVisible()
    login.panel.email.setText(os.environ["CNC_TEST_EMAIL"])
    login.panel.password.setText(os.environ["CNC_TEST_PASSWORD"])
    login.panel.submit.click()
    while workspace.user is None:
        if login.panel.banner.kind == "error":
            fail(login.panel.banner.text())
        yield
    result["user"] = workspace.user.email
    result["login_closed"] = not login.isVisible()
    cam = panels.show("cam")
    while cam.panel.tools.rowCount() == 0:
        if cam.panel.banner.kind == "error":
            fail(cam.panel.banner.text())
        yield
    result["machine_rows"] = cam.panel.machines.rowCount()
    result["tool_rows"] = cam.panel.tools.rowCount()
    result["dock_area"] = str(FreeCADGui.getMainWindow().dockWidgetArea(cam))
    from tests.support.screens import glyphs_render

    result["glyphs_render"] = glyphs_render(font=cam.panel.font())
    screenshot = os.path.join(os.environ["CNC_SCREENSHOT_DIR"], "freecad_cam_setup.png")
    os.makedirs(os.path.dirname(screenshot), exist_ok=True)
    result["screenshot"] = (
        screenshot if FreeCADGui.getMainWindow().grab().save(screenshot) else None
    )


_steps = steps()


def tick():
    try:
        next(_steps)
    except StopIteration:
        finish()
    except Exception:
        fail(traceback.format_exc())


_timer = QtCore.QTimer()
_timer.timeout.connect(tick)
_timer.start(100)
QtCore.QTimer.singleShot(150000, lambda: fail("watchdog: the workbench did not finish in 150 s"))
FreeCADGui.getMainWindow()._cnc_test_timer = _timer  # keep the timer alive
