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
    language = os.environ.get("CNC_TEST_FREECAD_LANGUAGE")
    if language:  # FreeCAD's own language, as Preferences > General sets it
        import FreeCAD

        FreeCAD.ParamGet("User parameter:BaseApp/Preferences/General").SetString(
            "Language", language
        )
        FreeCADGui.setLocale(language)
    FreeCADGui.activateWorkbench("CNCWorkbench")
    result["workbench"] = FreeCADGui.activeWorkbench().name()
    result["commands"] = sorted(c for c in FreeCADGui.listCommands() if c.startswith("CNC_"))
    from cncworkbench.freecad import panels
    from cncworkbench.ui import qt

    result["binding"], result["qt"] = qt.BINDING, qt.qt_version()
    # what FreeCAD itself runs on, through its own PySide shim
    from PySide import QtCore as freecad_qtcore

    result["freecad_binding"] = freecad_qtcore.QObject.__module__.split(".")[0]
    result["freecad_qt"] = freecad_qtcore.qVersion()
    workspace = panels.workspace()
    while not (workspace.is_ready or workspace.error):
        yield
    if workspace.error:
        fail(workspace.error)
    login = panels.show("login")
    result["login_visible"] = login.isVisible()
    login.panel.email.setText(os.environ["CNC_TEST_EMAIL"])
    login.panel.password.setText(os.environ["CNC_TEST_PASSWORD"])
    screenshot(login.panel, FreeCADGui.getMainWindow(), "freecad_login.png")
    result["login_screenshot"] = result["screenshot"]
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
    elif scenario == "sim_review_scene":  # the tool, travel and deviation in 3-D
        from tests.freecad_scripts.review_scene_steps import review_scene

        yield from review_scene(panels, result, fail, screenshot)
    elif scenario == "turkish":
        yield from turkish_then_english(panels)
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
    # The dock has shown the run when its findings are listed and the 3-D view has them.
    while panel.findings.topLevelItemCount() == 0 or dock.review_scene.root is None:
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
    yield from review_scene_in_3d(dock)
    screenshot(panel, FreeCADGui.getMainWindow(), "freecad_sim_review.png")
    yield from playback_in_3d(dock)


def playback_in_3d(dock):
    """The scrubber at the start, the middle and the end of the program: the 3-D view's
    stock is the stock after that line (screenshot of each)."""
    panel, scene = dock.panel, dock.review_scene
    frames = []
    panel.stock_shown.connect(frames.append)
    end = panel.scrubber.maximum()
    result["playback_frames"] = {}
    for name, line in (("start", 0), ("middle", end // 2), ("end", end)):
        panel.scrub_to(line)
        while not frames or frames[-1].line != line:
            if panel.banner.kind == "error":
                fail(panel.banner.text())
            yield
        for _ in range(3):
            yield
        from cncworkbench.core.stock_mesh import mesh_volume

        mesh = frames[-1].mesh
        coordinates = scene.stock_node.getChild(3)  # the stock's SoCoordinate3 in the view
        result["playback_frames"][name] = {
            "line": line,
            "points_in_view": coordinates.point.getNum(),
            "points": len(mesh.vertices),
            "volume": mesh_volume(mesh.vertices, mesh.triangles),
        }
        screenshot(panel, FreeCADGui.getMainWindow(), f"freecad_sim_review_{name}.png")


def review_scene_in_3d(dock):
    """The run in FreeCAD's 3-D view: stock, toolpath, markers; a click on a marker picks
    its finding in the dock."""
    panel, scene = dock.panel, dock.review_scene
    view = scene.view
    result["scene_in_view"] = bool(
        view is not None and view.getSceneGraph().findChild(scene.root) >= 0
    )
    result["scene_triangles"] = len(panel.loaded.mesh.triangles)
    result["scene_markers"] = len(scene.markers)
    result["findings"] = len(panel.loaded.detail.findings)
    result["chosen_marker"] = scene.chosen
    target = len(scene.markers) - 1  # the last finding; the dock shows the first now
    scene.choose(None)
    panel.findings.setCurrentItem(None)
    scene.fit()
    for _ in range(3):
        yield
    from PySide import QtGui

    x, y = scene.marker_screen_position(target)
    # The 3-D view's GL viewport: the largest one shown (1.1 shows a small one elsewhere).
    gl = max(
        (
            w
            for w in FreeCADGui.getMainWindow().findChildren(QtGui.QWidget)
            if (w.inherits("QOpenGLWidget") or w.inherits("QGLWidget")) and w.isVisible()
        ),
        key=lambda w: w.width() * w.height(),
    )
    # Coin counts device pixels from the bottom left; Qt logical pixels from the top left.
    ratio = gl.devicePixelRatioF()
    point = QtCore.QPointF(x / ratio, gl.height() - y / ratio)
    for kind in (QtCore.QEvent.MouseButtonPress, QtCore.QEvent.MouseButtonRelease):
        event = QtGui.QMouseEvent(
            kind, point, QtCore.Qt.LeftButton, QtCore.Qt.LeftButton, QtCore.Qt.NoModifier
        )
        QtGui.QGuiApplication.sendEvent(gl, event)
    for _ in range(3):
        yield
    item = panel.findings.currentItem()
    result["clicked_finding"] = item.data(0, QtCore.Qt.UserRole) if item is not None else None
    result["clicked_target"] = target
    result["clicked_line"] = panel.current_line()
    result["target_line"] = panel.loaded.detail.findings[target]["line"]
    # each marker's number is its finding's number in the dock's list
    from pivy import coin

    result["marker_labels"] = []
    for node, *_ in scene.markers:
        search = coin.SoSearchAction()
        search.setType(coin.SoText2.getClassTypeId())
        search.apply(node)
        text = search.getPath().getTail() if search.getPath() is not None else None
        value = text.string.getValues(0)[0] if text is not None else None
        # a str from 0.20's pivy, an SbString from others'
        result["marker_labels"].append(getattr(value, "getString", lambda v=value: v)())
    numbers = {}
    for index in range(panel.findings.topLevelItemCount()):
        group = panel.findings.topLevelItem(index)
        for child in range(group.childCount()):
            item = group.child(child)
            numbers[item.data(0, QtCore.Qt.UserRole)] = item.text(0).split(".")[0]
    result["dock_numbers"] = [numbers.get(n) for n in range(len(scene.markers))]
    # the dock's "Next finding" picks the finding after the one picked: its marker follows
    panel.next_finding.click()
    for _ in range(3):
        yield
    item = panel.findings.currentItem()
    result["stepped_finding"] = item.data(0, QtCore.Qt.UserRole) if item is not None else None
    result["stepped_marker"] = scene.chosen
    result["stepped_scrubber"] = panel.scrubber.value()
    result["stepped_line"] = panel.loaded.detail.findings[scene.chosen]["line"]
    # for the screenshot: the first collision picked in the dock, drawn large in yellow
    panel.select_finding(0)
    for _ in range(3):
        yield


def admin_settings(panels):
    """Every tab of the administrator's settings dialog, each with its data, screenshotted."""
    settings = panels.show("settings")
    panel = settings.panel
    settings.resize(1000, 640)
    tabs = [
        ("users", panel.users, lambda: panel.users.table.rowCount() > 0),
        ("licenses", panel.licenses,
         lambda: panel.licenses.table.rowCount() > 0 and panel.licenses.holders.rowCount() > 0),
        ("invoices", panel.invoices, lambda: panel.invoices.table.rowCount() > 0),
        ("integrations", panel.integrations,
         lambda: panel.integrations.queue_table.rowCount() > 0),
        ("security", panel.security, lambda: panel.security.table.rowCount() > 0),
        ("audit", panel.audit, lambda: panel.audit.table.rowCount() > 0),
        ("connection", panel.connection,
         lambda: panel.connection.status.topLevelItemCount() > 0),
    ]  # fmt: skip
    while panel.tabs.indexOf(panel.users) < 0:  # the admin tabs appear once it loads
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    result["tabs"] = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    result["screenshots"] = {}
    for name, tab, loaded in tabs:
        panel.tabs.setCurrentWidget(tab)
        while not loaded() or panel.busy.isVisible():
            if tab.banner.kind == "error":
                fail(f"{name}: {tab.banner.text()}")
            yield
        for _ in range(3):  # let it repaint
            yield
        result["current_tab"] = panel.tabs.tabText(panel.tabs.currentIndex())
        if name == "users":
            result["user_rows"] = panel.users.table.rowCount()
        if name == "integrations":  # the exchange that waits, with its whole story
            queue = panel.integrations.queue_table
            waiting = [r for r in range(queue.rowCount()) if queue.item(r, 4).text() != "synced"]
            queue.selectRow(next(r for r in waiting if queue.item(r, 8).text()))
            for _ in range(3):
                yield
        screenshot(panel, settings, f"freecad_settings_{name}.png")
        result["screenshots"][name] = result["screenshot"]
    licenses = panel.licenses
    result["license_rows"] = [
        [licenses.table.item(r, c).text() for c in range(licenses.table.columnCount())]
        for r in range(licenses.table.rowCount())
    ]
    result["seat_caption"] = licenses.chart.caption()
    result["seat_holders"] = [
        licenses.holders.item(r, 0).text() for r in range(licenses.holders.rowCount())
    ]
    invoices = panel.invoices.table
    result["invoice_rows"] = [
        [invoices.item(r, c).text() for c in range(invoices.columnCount())]
        for r in range(invoices.rowCount())
    ]
    integrations = panel.integrations
    result["erp_systems"] = [
        [integrations.table.item(r, c).text() for c in range(integrations.table.columnCount())]
        for r in range(integrations.table.rowCount())
    ]
    queue = integrations.queue_table
    result["erp_queue"] = [
        [queue.item(r, c).text() for c in range(queue.columnCount())]
        for r in range(queue.rowCount())
    ]
    result["erp_counts"] = integrations.counts
    result["erp_detail"] = integrations.detail.text()
    yield from billing_dialogs(panel, settings)
    yield from integration_dialogs(panel)
    # Every column wide enough for its longest text: nothing elided but the buyer, the
    # address and the error message (whole in the line under the queue).
    elided = {id(invoices): 1, id(integrations.table): 1, id(queue): 8}
    tables = [("licenses", licenses.table), ("invoices", invoices),
              ("systems", integrations.table), ("queue", queue)]  # fmt: skip
    result["clipped_columns"] = [
        f"{name}:{table.horizontalHeaderItem(c).text()}"
        for name, table in tables
        for c in range(table.columnCount())
        if c != elided.get(id(table), table.columnCount() - 1)
        and table.columnWidth(c) < table.sizeHintForColumn(c)
    ]


def billing_dialogs(panel, settings):
    """Each billing dialog built and drawn under PySide2 (opened, not submitted)."""
    import datetime as dt
    from decimal import Decimal

    from cncworkbench.ui.panels import billing as ui

    licenses, invoices = panel.licenses, panel.invoices
    sent = next(r for r in invoices.rows if r.status == "sent")
    now, paid = dt.datetime.now(dt.UTC), Decimal("100.00")
    payment = ui.PaymentView(1, "card", "iyzico", "iyz-4", "TRY", paid, Decimal(0), "done", now)
    dialogs = [
        ui.LicenseDialog(licenses, licenses.people),
        ui.RenewDialog(licenses, licenses.rows[0]),
        ui.ConvertDialog(licenses, licenses.rows[0]),
        ui.InvoiceDialog(invoices, invoices.people),
        ui.PaymentDialog(invoices, sent),
        ui.RefundDialog(invoices, sent, [payment]),
        ui.CancelDialog(invoices, sent, sent.number),
    ]
    result["dialogs"] = [d.windowTitle() for d in dialogs]
    new_invoice = dialogs[3]
    new_invoice.lines.set_line(0, "CNC Workbench Professional, 5 kullanıcı", "5", "1.250,50")
    new_invoice.lines.add_line("Kurulum ve eğitim", "1", "750")
    result["invoice_dialog_total"] = new_invoice.total.text()
    new_invoice.show()
    for _ in range(3):
        yield
    screenshot(panel, new_invoice, "freecad_settings_invoice_dialog.png")
    result["screenshots"]["invoice_dialog"] = result["screenshot"]
    for dialog in dialogs:
        dialog.reject()


def integration_dialogs(panel):
    """The Integrations dialogs built and drawn under PySide2: a system being edited, an
    import, and the payload of the refused event (read as the admin, like the tab)."""
    from cncworkbench.services.commerce import erp
    from cncworkbench.ui.panels import integrations as ui

    tab = panel.integrations
    user = tab.workspace.user
    refused = next(r for r in tab.queue if r.status == "failed")
    with user.db.session() as session:
        view = erp.payload(session, refused.id)
    dialogs = [
        ui.SystemDialog(tab),
        ui.SystemDialog(tab, tab.systems[0]),
        ui.ImportDialog(tab, tab.importers(), "/tmp/siparisler.csv"),
        ui.PayloadDialog(tab, view),
    ]
    result["erp_dialogs"] = [d.windowTitle() for d in dialogs]
    result["erp_payload"] = dialogs[3].text()
    for dialog, name in ((dialogs[1], "system_dialog"), (dialogs[3], "payload_dialog")):
        dialog.show()
        for _ in range(3):
            yield
        screenshot(panel, dialog, f"freecad_settings_{name}.png")
        result["screenshots"][name] = result["screenshot"]
    for dialog in dialogs:
        dialog.reject()


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


def turkish_then_english(panels):
    """FreeCAD in Turkish with a Turkish user: menu, dock and CAM Setup in Turkish; then a
    user whose language is English logs in: our dock turns English, FreeCAD stays Turkish."""
    main = FreeCADGui.getMainWindow()
    for _ in range(10):  # FreeCAD rebuilds its menus after a change of language
        yield
    menus = {a.text(): [b.text() for b in a.menu().actions()]
             for a in main.menuBar().actions() if a.menu() is not None}  # fmt: skip
    result["freecad_menus"] = list(menus)
    result["cnc_menu"] = next((items for title, items in menus.items() if "CNC" in title), [])
    import FreeCAD

    FreeCAD.openDocument(os.environ["CNC_TEST_PART"])
    FreeCADGui.SendMsgToActiveView("ViewFit")
    cam = panels.show("cam")
    panel = cam.panel
    while panel.tools.rowCount() == 0 or panel.model_combo.count() == 0:
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    panel.model_combo.setCurrentIndex(0)  # the open document
    panel.select_machine("Tormach")
    panel.select_material("Aluminium 6061-T6")
    panel.add_operation("pocket", "6 mm 3F carbide flat end mill ZrN")
    panel.check()  # measures the open document's part
    while not panel.cuts:
        if panel.banner.kind == "error":
            fail(panel.banner.text())
        yield
    panel.tabs.setCurrentIndex(3)
    panel.op_table.selectRow(0)
    for _ in range(5):
        yield
    result["cam_title"] = cam.windowTitle()
    result["cam_tabs"] = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    result["cam_buttons"] = [
        b.text()
        for b in (panel.check_button, panel.save_button, panel.generate_button, panel.worker_button)
    ]
    result["feeds"] = panel.feeds_view.text()
    screenshot(panel, main, "freecad_tr_cam_setup.png")
    from cncworkbench.services.access import identity

    workspace = panels.workspace()
    workspace.set_user(
        identity.sign_in(
            workspace.context, os.environ["CNC_TEST_EMAIL_EN"], os.environ["CNC_TEST_PASSWORD"]
        )
    )
    while cam.panel is panel or cam.panel.tools.rowCount() == 0:
        yield
    for _ in range(5):
        yield
    result["cam_title_en"] = cam.windowTitle()
    result["cam_tabs_en"] = [cam.panel.tabs.tabText(i) for i in range(cam.panel.tabs.count())]
    result["freecad_menus_after"] = [a.text() for a in main.menuBar().actions() if a.menu()]
    screenshot(cam.panel, main, "freecad_en_user_in_tr_freecad.png")


def screenshot(panel, window, name):
    from tests.support.screens import glyphs_render

    result["glyphs_render"] = glyphs_render(font=panel.font())
    path = os.path.join(os.environ["CNC_SCREENSHOT_DIR"], name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    for _ in range(3):  # paint what just changed (rows loaded this tick) before grabbing
        QtCore.QCoreApplication.processEvents()
    if window is FreeCADGui.getMainWindow():
        # A screen grab includes the OpenGL 3D view, which QWidget.grab() leaves blank.
        from PySide import QtGui

        picture = QtGui.QGuiApplication.primaryScreen().grabWindow(0)
    else:
        picture = window.grab()
    result["screenshot"] = path if picture.save(path) else None


_steps = steps()


_in_step = False


def tick():
    # FreeCAD may run a nested event loop inside a step (1.x animates its view): the timer
    # then fires again before the step returns; the step goes on when it does.
    global _in_step
    if _in_step:
        return
    _in_step = True
    try:
        next(_steps)
    except StopIteration:
        finish()
    except Exception:
        fail(traceback.format_exc())
    finally:
        _in_step = False


_timer = QtCore.QTimer()
_timer.timeout.connect(tick)
_timer.start(100)
# A scenario that replays the simulation compiles numba's kernel in FreeCAD first: longer.
_watchdog_s = int(os.environ.get("CNC_TEST_WATCHDOG_S", "150"))


def _watchdog():
    # every thread's stack in the answer: what the workbench was waiting for
    import faulthandler
    import tempfile

    with tempfile.TemporaryFile("w+") as stacks:
        faulthandler.dump_traceback(stacks, all_threads=True)
        stacks.seek(0)
        where = stacks.read()
    at = sorted(result)
    fail(f"watchdog: the workbench did not finish in {_watchdog_s} s (at {at})\n{where}")


QtCore.QTimer.singleShot(_watchdog_s * 1000, _watchdog)
FreeCADGui.getMainWindow()._cnc_test_timer = _timer  # keep the timer alive
