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
    if os.environ.get("CNC_TEST_SCENARIO") == "admin":
        yield from admin_settings(panels)
    else:
        yield from cam_setup_dock(panels)


def cam_setup_dock(panels):
    cam = panels.show("cam")
    while cam.panel.tools.rowCount() == 0:
        if cam.panel.banner.kind == "error":
            fail(cam.panel.banner.text())
        yield
    result["machine_rows"] = cam.panel.machines.rowCount()
    result["tool_rows"] = cam.panel.tools.rowCount()
    result["dock_area"] = str(FreeCADGui.getMainWindow().dockWidgetArea(cam))
    screenshot(cam.panel, FreeCADGui.getMainWindow(), "freecad_cam_setup.png")


def admin_settings(panels):
    settings = panels.show("settings")
    users_tab = settings.panel.users
    while users_tab.table.rowCount() == 0:  # the admin tabs appear once the panel loads
        if users_tab.banner.kind == "error":
            fail(users_tab.banner.text())
        yield
    settings.panel.tabs.setCurrentWidget(users_tab)
    settings.resize(900, 560)
    yield  # let it repaint
    result["current_tab"] = settings.panel.tabs.tabText(settings.panel.tabs.currentIndex())
    result["tabs"] = [settings.panel.tabs.tabText(i) for i in range(settings.panel.tabs.count())]
    result["user_rows"] = users_tab.table.rowCount()
    screenshot(settings.panel, settings, "freecad_settings_users.png")


def screenshot(panel, window, name):
    from tests.support.screens import glyphs_render

    result["glyphs_render"] = glyphs_render(font=panel.font())
    path = os.path.join(os.environ["CNC_SCREENSHOT_DIR"], name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    result["screenshot"] = path if window.grab().save(path) else None


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
