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
    scenario = os.environ.get("CNC_TEST_SCENARIO")
    if scenario == "admin":
        yield from admin_settings(panels)
    elif scenario == "browser":
        yield from browser_dock(panels)
    elif scenario == "cam_generate":
        yield from cam_generate(panels)
    elif scenario == "sim_review":
        yield from sim_review_dock(panels)
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


def cam_generate(panels):
    """Open the sample part, set up four operations, generate: toolpaths in the 3D view."""
    import FreeCAD

    doc = FreeCAD.openDocument(os.environ["CNC_TEST_PART"])
    FreeCADGui.SendMsgToActiveView("ViewFit")
    cam = panels.show("cam")
    panel = cam.panel
    while panel.tools.rowCount() == 0 or panel.model_combo.count() == 0:
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    panel.model_combo.setCurrentIndex(0)  # the open document
    panel.select_machine(os.environ["CNC_TEST_MACHINE"])
    panel.select_material("Aluminium 6061-T6")
    for pair in os.environ["CNC_TEST_OPERATIONS"].split(";"):
        kind, tool = pair.split("=", 1)
        panel.add_operation(kind, tool)
    panel.check()  # measures the open document's part
    result["stock"] = panel.stock_summary.text()
    while panel.plan is None or len(panel.plan.operations) != 4:
        yield
    for _ in range(10):  # let the debounced preview settle
        yield
    result["problems"] = [p.message for p in panel.problems]
    panel.generate()
    while panel.generated is None:
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    result["summary"] = panel.result.text()
    result["gcode"] = panel.generated.text
    result["undo_after_first"] = list(doc.UndoNames)
    FreeCADGui.activeDocument().activeView().viewIsometric()
    FreeCADGui.SendMsgToActiveView("ViewFit")
    panel.tabs.setCurrentIndex(3)
    for _ in range(5):
        yield
    screenshot(panel, FreeCADGui.getMainWindow(), "freecad_cam_generated.png")
    jobs = [o for o in doc.Objects if o.Label == "CNC Workbench"]
    result["jobs"] = len(jobs)
    result["operations"] = (
        [(op.Label, len(op.Path.Commands)) for op in jobs[0].Operations.Group] if jobs else []
    )
    panel.generated = None
    panel.generate()  # again: the job is replaced, not duplicated
    while panel.generated is None:
        if panel.banner.kind == "error":
            fail("second generate: " + panel.banner.text())
        yield
    result["jobs_after_regenerate"] = len([o for o in doc.Objects if o.Label == "CNC Workbench"])
    result["undo_names"] = list(doc.UndoNames)
    doc.undo()  # back to the first generation's job
    result["jobs_after_undo"] = len([o for o in doc.Objects if o.Label == "CNC Workbench"])
    doc.undo()  # back to the plain part
    result["jobs_after_second_undo"] = len([o for o in doc.Objects if o.Label == "CNC Workbench"])
    doc.redo()
    doc.redo()
    result["jobs_after_redo"] = len([o for o in doc.Objects if o.Label == "CNC Workbench"])


def sim_review_dock(panels):
    """The operator's dock: pick the failed run, pick its first error, look."""
    dock = panels.show("sim")
    panel = dock.panel
    while panel.runs.rowCount() < int(os.environ["CNC_TEST_RUNS"]):
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    panel.select_run(int(os.environ["CNC_TEST_RUN"]))
    while panel.loaded is None or panel.loaded.detail.summary.id != int(os.environ["CNC_TEST_RUN"]):
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    panel.select_finding(0)
    result["verdict"] = panel.verdict.text()
    result["finding_line"] = panel.loaded.detail.findings[0]["line"]
    result["current_line"] = panel.current_line()
    result["approve_enabled"] = panel.approve_button.isEnabled()
    # as an operator would: widen the dock to see the stock and the G-code side by side
    FreeCADGui.getMainWindow().resizeDocks([dock], [760], QtCore.Qt.Horizontal)
    for _ in range(5):
        yield
    screenshot(panel, FreeCADGui.getMainWindow(), "freecad_sim_review.png")


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


def browser_dock(panels):
    import FreeCAD

    doc = FreeCAD.newDocument("Kapak")
    box = doc.addObject("Part::Box", "Kapak")
    box.Length, box.Width, box.Height = 60, 40, 10
    doc.recompute()
    FreeCADGui.SendMsgToActiveView("ViewFit")
    path = os.path.join(os.environ["CNC_TEST_WORK"], "kapak.FCStd")
    doc.saveAs(path)
    browser = panels.show("browser")
    panel = browser.panel
    while panel.busy.isVisible():
        yield
    from cncworkbench.ui.panels.browser import UploadDialog

    dialog = UploadDialog(["Kapaklar"], "Kapaklar", "Kapak", for_document=True)
    dialog.export_step.setChecked(True)
    panel._ask_upload = lambda name, for_document: dialog
    panel.on_upload_document()
    while panel.banner.kind not in ("success", "error"):
        yield
    result["upload_message"] = panel.banner.text()
    while panel.busy.isVisible() or panel._task is not None:
        yield
    project = panel.tree.topLevelItem(0)
    project.setExpanded(True)
    while project.childCount() < 2 or project.child(0).data(0, 256) is None:
        yield
    models = sorted(project.child(i).text(0) for i in range(project.childCount()))
    result["models"] = models
    fcstd = next(project.child(i) for i in range(project.childCount())
                 if project.child(i).text(2) == "FCStd")  # fmt: skip
    panel.tree.setCurrentItem(fcstd)
    while "sync" not in result:
        if panel.sync.text():
            result["sync"] = panel.sync.text()
        yield
    box.Length = 70  # a change here, saved: now "modified"
    doc.recompute()
    doc.save()
    panel._show_sync()
    while "Modified" not in panel.sync.text():
        yield
    result["sync_after_edit"] = panel.sync.text()
    documents_before = len(FreeCAD.listDocuments())
    panel.on_open()  # download the stored version and open it
    while len(FreeCAD.listDocuments()) == documents_before:
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    result["opened"] = FreeCAD.ActiveDocument.FileName
    result["details"] = panel.details.text()
    screenshot(panel, FreeCADGui.getMainWindow(), "freecad_browser.png")


def screenshot(panel, window, name):
    from tests.support.screens import glyphs_render

    result["glyphs_render"] = glyphs_render(font=panel.font())
    path = os.path.join(os.environ["CNC_SCREENSHOT_DIR"], name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if window is FreeCADGui.getMainWindow():
        # A screen grab includes the OpenGL 3D view, which QWidget.grab() leaves blank.
        from PySide import QtGui

        picture = QtGui.QGuiApplication.primaryScreen().grabWindow(0)
    else:
        picture = window.grab()
    result["screenshot"] = path if picture.save(path) else None


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
