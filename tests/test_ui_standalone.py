"""The panels in the plain Qt window (PySide6, offscreen) against a real database.

Each test drives the widgets the way a user would and asserts on what the user sees;
screenshots land in $CNC_SCREENSHOT_DIR (default /tmp/cncworkbench-screenshots).
"""

from __future__ import annotations

import threading
import time

import pytest

from cncworkbench.db.cluster import free_port
from cncworkbench.services.machining import catalog
from cncworkbench.ui.app import PANELS, MainWindow
from cncworkbench.ui.qt import QtCore
from cncworkbench.ui.tasks import run_task, wait_for_tasks
from cncworkbench.ui.workspace import Workspace
from tests.support.people import PASSWORD, app_url, make_user
from tests.support.screens import save_screenshot

WAIT_MS = 30000


@pytest.fixture
def window(qtbot, db, monkeypatch):
    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))  # as a desktop client connects
    workspace = Workspace()
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    yield main
    wait_for_tasks()
    workspace.close()


def open_workspace(qtbot, window):
    window.workspace.open()
    # a callback returning None counts as "passed" for waitUntil: return a real bool
    qtbot.waitUntil(
        lambda: window.workspace.is_ready or window.workspace.error is not None, timeout=WAIT_MS
    )
    assert window.workspace.error is None, window.workspace.error


def log_in(qtbot, window, email, password):
    login = window.panels["login"]
    qtbot.waitUntil(lambda: login.submit.isEnabled(), timeout=WAIT_MS)
    login.email.setText(email)
    login.password.setText(password)
    login.submit.click()
    qtbot.waitUntil(
        lambda: window.workspace.user is not None or login.banner.kind == "error", timeout=WAIT_MS
    )


def test_first_run_creates_the_administrator_and_logs_in(qtbot, window, db):
    open_workspace(qtbot, window)
    login = window.panels["login"]
    qtbot.waitUntil(lambda: login.confirm.isVisible(), timeout=WAIT_MS)
    assert login.submit.text() == "Create administrator"
    save_screenshot(window, "standalone_first_run")
    login.email.setText("admin@shop.example")
    login.password.setText("yonetici-sifre-1")
    login.confirm.setText("yonetici-sifre-2")
    login.submit.click()
    assert login.banner.kind == "warning" and "differ" in login.banner.text()
    login.confirm.setText("yonetici-sifre-1")
    login.submit.click()
    qtbot.waitUntil(lambda: window.workspace.user is not None, timeout=WAIT_MS)
    assert window.workspace.user.role == "admin"
    assert window.user_label.text() == "admin@shop.example (admin)"
    assert window.stack.currentWidget() is window.panels["browser"]
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM users").scalar_one() == 1


def test_wrong_password_is_said_plainly(qtbot, window, db):
    make_user(db, "eng@shop.example")
    open_workspace(qtbot, window)
    login = window.panels["login"]
    qtbot.waitUntil(
        lambda: not login.confirm.isVisible() and login.submit.text() == "Log in", timeout=WAIT_MS
    )
    log_in(qtbot, window, "eng@shop.example", "yanlis-sifre-1")
    assert login.banner.kind == "error"
    assert login.banner.text() == "Wrong e-mail/phone or password."
    assert window.workspace.user is None
    save_screenshot(window, "standalone_login_failed")


def test_cam_setup_shows_the_catalog_after_login(qtbot, window, db):
    with db.session() as session:
        catalog.seed(session)
    make_user(db, "eng@shop.example")
    open_workspace(qtbot, window)
    cam = window.panels["cam"]
    window.show_panel("cam")
    assert "Log in" in cam.banner.text() and cam.machines.rowCount() == 0
    log_in(qtbot, window, "eng@shop.example", PASSWORD)
    window.show_panel("cam")
    qtbot.waitUntil(lambda: cam.tools.rowCount() > 0, timeout=WAIT_MS)
    assert cam.machines.rowCount() == 11 and cam.materials.rowCount() == 23
    machines = {cam.machines.item(row, 0).text() for row in range(cam.machines.rowCount())}
    assert "Haas VF-2" in machines
    low = [row for row in range(cam.tools.rowCount()) if cam.tools.item(row, 7).toolTip()]
    assert len(low) == 5 and "5 tools are below their minimum stock" in cam.banner.text()
    save_screenshot(window, "standalone_cam_setup")
    cam.tabs.setCurrentIndex(1)
    save_screenshot(window, "standalone_cam_setup_tools")


def test_list_panels_show_their_empty_states(qtbot, window, db):
    make_user(db, "eng@shop.example")
    open_workspace(qtbot, window)
    log_in(qtbot, window, "eng@shop.example", PASSWORD)
    browser = window.panels["browser"]
    window.show_panel("browser")
    qtbot.waitUntil(lambda: browser.tree.topLevelItemCount() == 1, timeout=WAIT_MS)
    assert browser.tree.topLevelItem(0).text(0) == "No projects yet. Upload a model to start one."
    save_screenshot(window, "standalone_browser")
    jobs_panel = window.panels["jobs"]
    window.show_panel("jobs")
    qtbot.waitUntil(lambda: jobs_panel.tabs.tabText(1) == "Notifications", timeout=WAIT_MS)
    assert jobs_panel.table.rowCount() == 0 and not jobs_panel.cancel_button.isEnabled()
    save_screenshot(window, "standalone_jobs")
    window.panels["jobs"].stop()
    review = window.panels["sim"]
    window.show_panel("sim")
    qtbot.waitUntil(lambda: not review.busy.isVisible(), timeout=WAIT_MS)
    assert review.list_stack.currentWidget() is review.empty
    assert review.empty.text() == "No simulated runs to review."
    assert not review.approve_button.isEnabled()
    save_screenshot(window, "standalone_sim")


def test_settings_tests_the_connection(qtbot, window, pg_cluster):
    open_workspace(qtbot, window)
    window.show_panel("settings")
    tab = window.panels["settings"].connection
    qtbot.waitUntil(lambda: tab.status.topLevelItemCount() >= 2, timeout=WAIT_MS)
    rows = {
        tab.status.topLevelItem(i).text(0): tab.status.topLevelItem(i).text(1)
        for i in range(tab.status.topLevelItemCount())
    }
    database = rows["database"]
    assert f"shared PostgreSQL {pg_cluster.major_version}." in database and "up to date" in database
    assert rows["file store"].startswith("local folder")
    assert tab.banner.kind == "success"
    save_screenshot(window, "standalone_settings")


def test_an_unreachable_database_is_explained_without_freezing(qtbot, monkeypatch):
    monkeypatch.setenv("CNC_DATABASE_URL", f"postgresql://cnc@127.0.0.1:{free_port()}/cnc")
    workspace = Workspace()
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    started = time.perf_counter()
    workspace.open()
    assert time.perf_counter() - started < 0.2  # the connection attempt is not on this thread
    qtbot.waitUntil(lambda: workspace.error is not None, timeout=WAIT_MS)
    login = main.panels["login"]
    assert login.banner.kind == "error"
    assert login.banner.text().startswith("Nothing answers at")
    assert "CNC_DATABASE_URL" in login.banner.text() and "Traceback" not in login.banner.text()
    assert main.connection_label.text() == "Not connected"
    assert login.reconnect_button.isVisible()
    save_screenshot(main, "standalone_database_down")
    login.reconnect_button.click()  # still down: the same clear message again, no crash
    qtbot.waitUntil(lambda: login.banner.kind == "error", timeout=WAIT_MS)
    assert login.banner.text().startswith("Nothing answers at")
    wait_for_tasks()


def test_background_callbacks_arrive_on_the_gui_thread(qtbot):
    owner = QtCore.QObject()
    seen = {}

    def work(report):
        seen["worker"] = threading.current_thread()
        report(50, "half")
        return 42

    run_task(
        owner,
        work,
        on_done=lambda value: seen.update(done=(value, threading.current_thread())),
        on_progress=lambda percent, text: seen.update(progress=(percent, text)),
    )
    qtbot.waitUntil(lambda: "done" in seen, timeout=WAIT_MS)
    assert seen["done"] == (42, threading.main_thread())
    assert seen["worker"] is not threading.main_thread()
    assert seen["progress"] == (50, "half")


def test_the_window_offers_every_panel(qtbot, window):
    assert window.navigation.count() == len(PANELS) == 6
    labels = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert labels == [
        "Log in",
        "Projects & Models",
        "CAM Setup",
        "Simulation Review",
        "Jobs",
        "Settings",
    ]
