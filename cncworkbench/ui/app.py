"""The panels in a plain Qt window: ``cncworkbench gui`` where FreeCAD is absent.

The FreeCAD glue shows the same panel classes as dock widgets; :data:`PANELS` is the one
list both use.
"""

from __future__ import annotations

from pathlib import Path

from cncworkbench.ui import i18n
from cncworkbench.ui.panels.browser import BrowserPanel
from cncworkbench.ui.panels.cam_setup import CamSetupPanel
from cncworkbench.ui.panels.jobs import JobsPanel
from cncworkbench.ui.panels.login import LoginPanel
from cncworkbench.ui.panels.settings import SettingsPanel
from cncworkbench.ui.panels.sim_review import SimReviewPanel
from cncworkbench.ui.qt import Qt, QtCore, QtWidgets, application, exec_
from cncworkbench.ui.tasks import wait_for_tasks
from cncworkbench.ui.terms import term
from cncworkbench.ui.widgets import icon, later
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
        self.setWindowIcon(icon("CNCWorkbench"))
        self.navigation = QtWidgets.QListWidget()
        self.navigation.setIconSize(QtCore.QSize(28, 28))
        self.navigation.setSpacing(2)
        self.navigation.setFixedWidth(200)
        self.stack = QtWidgets.QStackedWidget()
        self.panels = {}
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
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
        workspace.opening.connect(self._opening)
        workspace.ready.connect(self._connected)
        workspace.unavailable.connect(self._unavailable)
        workspace.user_changed.connect(self._user_changed)
        workspace.worker_changed.connect(self._worker_changed)
        self._rebuild_pending = self._closed = False
        i18n.languages().changed.connect(self._language_changed)
        self._build_panels()
        self._user_changed(None)
        self.show_panel("login")
        self.resize(1180, 720)

    def _build_panels(self) -> None:
        """The panels, in the language shown now (built again when it changes)."""
        self.setWindowTitle(self.tr("CNC Workbench"))
        for key, panel_class in PANELS.items():
            panel = panel_class(self.workspace)
            self.panels[key] = panel
            self.stack.addWidget(panel)
            item = QtWidgets.QListWidgetItem(icon(panel.icon_name), panel.title_text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        self.panels["jobs"].badge_changed.connect(self._jobs_badge)

    def _language_changed(self, _language: str) -> None:
        # Later, not now: the change may come from a slot of a panel about to be replaced.
        if not self._rebuild_pending and not self._closed:
            self._rebuild_pending = True
            later(self, self.rebuild_panels)

    def rebuild_panels(self) -> None:
        """Build every panel again in the language shown, on the panel that was open; the
        panels reload their data from the database."""
        self._rebuild_pending = False
        current = self.current_panel_key()
        old = self.panels
        self.panels = {}
        self.navigation.blockSignals(True)
        self.navigation.clear()
        self.navigation.blockSignals(False)
        old["jobs"].stop()
        states = {key: panel.state() for key, panel in old.items()}
        for panel in old.values():
            self.stack.removeWidget(panel)
            panel.hide()
            panel.deleteLater()
        self._build_panels()
        for key, panel in self.panels.items():
            panel.restore(states[key])
        self._user_changed(self.workspace.user, switch=False)
        self._worker_changed()
        if self.workspace.is_ready:
            self._connected()
        elif self.workspace.error:
            self._unavailable(self.workspace.error)
        self.show_panel(current)

    def _worker_changed(self, _message: str = "") -> None:
        self.worker_label.setText(self.workspace.worker_text())

    def current_panel_key(self) -> str:
        row = self.navigation.currentRow()
        return list(PANELS)[row] if row >= 0 else "login"

    def _opening(self) -> None:
        self.connection_label.setText(self.tr("Connecting…"))

    def _unavailable(self, _message: str) -> None:
        self.connection_label.setText(self.tr("Not connected"))

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

    def _user_changed(self, user, switch: bool = True) -> None:
        self.user_label.setText(
            self.tr("Not logged in")
            if user is None
            else f"{user.email} ({term('Roles', user.role)})"
        )
        if switch and user is not None and self.stack.currentWidget() is self.panels["login"]:
            self.show_panel("browser")

    def closeEvent(self, event) -> None:
        if not self._closed:  # once: no more rebuilds in another language either
            self._closed = True
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
    i18n.install()  # before login: the language used last here, else the system's
    workspace = Workspace()
    i18n.languages().follow(workspace)
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
