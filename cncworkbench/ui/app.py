"""The panels in a plain Qt window: ``cncworkbench gui`` where FreeCAD is absent.

The FreeCAD glue shows the same panel classes as dock widgets; :data:`PANELS` is the one
list both use.
"""

from __future__ import annotations

from pathlib import Path

from cncworkbench.ui.panels.browser import BrowserPanel
from cncworkbench.ui.panels.cam_setup import CamSetupPanel
from cncworkbench.ui.panels.jobs import JobsPanel
from cncworkbench.ui.panels.login import LoginPanel
from cncworkbench.ui.panels.settings import SettingsPanel
from cncworkbench.ui.panels.sim_review import SimReviewPanel
from cncworkbench.ui.qt import Qt, QtCore, QtWidgets, application, exec_
from cncworkbench.ui.tasks import wait_for_tasks
from cncworkbench.ui.widgets import icon
from cncworkbench.ui.workspace import Workspace

# key -> panel class; the order is the order of the menu, toolbar and navigation.
PANELS = {
    "login": LoginPanel,
    "browser": BrowserPanel,
    "cam": CamSetupPanel,
    "sim": SimReviewPanel,
    "jobs": JobsPanel,
    "settings": SettingsPanel,
}


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("CNC Workbench"))
        self.setWindowIcon(icon("CNCWorkbench"))
        self.navigation = QtWidgets.QListWidget()
        self.navigation.setIconSize(QtCore.QSize(28, 28))
        self.navigation.setSpacing(2)
        self.navigation.setFixedWidth(200)
        self.stack = QtWidgets.QStackedWidget()
        self.panels = {}
        for key, panel_class in PANELS.items():
            panel = panel_class(workspace)
            self.panels[key] = panel
            self.stack.addWidget(panel)
            item = QtWidgets.QListWidgetItem(icon(panel.icon_name), panel.title_text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.panels["jobs"].badge_changed.connect(self._jobs_badge)
        central = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.connection_label = QtWidgets.QLabel()
        self.user_label = QtWidgets.QLabel()
        self.worker_label = QtWidgets.QLabel()
        self.statusBar().addWidget(self.connection_label, 1)
        self.statusBar().addPermanentWidget(self.worker_label)
        self.statusBar().addPermanentWidget(self.user_label)
        workspace.opening.connect(lambda: self.connection_label.setText(self.tr("Connecting…")))
        workspace.ready.connect(self._connected)
        workspace.unavailable.connect(
            lambda message: self.connection_label.setText(self.tr("Not connected"))
        )
        workspace.user_changed.connect(self._user_changed)
        workspace.worker_changed.connect(self.worker_label.setText)
        self._user_changed(None)
        self.show_panel("login")
        self.resize(1180, 720)

    def _jobs_badge(self, unread: int) -> None:
        item = self.navigation.item(list(PANELS).index("jobs"))
        title = self.panels["jobs"].title_text
        item.setText(f"{title} ({unread})" if unread else title)

    def show_panel(self, key: str) -> None:
        self.navigation.setCurrentRow(list(PANELS).index(key))

    def _connected(self) -> None:
        context = self.workspace.context
        where = (
            self.tr("embedded database")
            if context.settings.uses_embedded_database
            else self.tr("shared database")
        )
        self.connection_label.setText(
            self.tr("Connected: {where}; files in {store}").format(
                where=where, store=context.store.describe()
            )
        )

    def _user_changed(self, user) -> None:
        self.user_label.setText(
            self.tr("Not logged in") if user is None else f"{user.email} ({user.role})"
        )
        if user is not None and self.stack.currentWidget() is self.panels["login"]:
            self.show_panel("browser")

    def closeEvent(self, event) -> None:
        self.panels["jobs"].stop()
        wait_for_tasks(5000)
        self.workspace.close()
        super().closeEvent(event)


def settle(app, workspace: Workspace, timeout_ms: int = 60000) -> None:
    """Process events until the workspace has opened (or failed) and no task runs."""
    timer = QtCore.QElapsedTimer()
    timer.start()
    while timer.elapsed() < timeout_ms:
        app.processEvents()
        if (
            workspace.is_ready or workspace.error
        ) and QtCore.QThreadPool.globalInstance().activeThreadCount() == 0:
            app.processEvents()
            break
        QtCore.QThread.msleep(20)


def run_standalone(panel: str | None = None, screenshot: str | None = None) -> int:
    app = application()
    app.setApplicationName("CNC Workbench")
    workspace = Workspace()
    window = MainWindow(workspace)
    if panel:
        if panel not in PANELS:
            raise SystemExit(f"unknown panel {panel!r}; choose one of {', '.join(PANELS)}")
        window.show_panel(panel)
    window.show()
    workspace.open()
    if screenshot:
        settle(app, workspace)
        window.grab().save(str(Path(screenshot)))
        window.close()
        return 0 if workspace.is_ready else 1
    return exec_(app)
