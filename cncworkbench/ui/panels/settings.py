"""Settings: the connection (everyone, also before logging in) and, for administrators,
users and roles, security events and the audit trail. Non-admins do not see those tabs."""

from __future__ import annotations

from cncworkbench.config import load_settings
from cncworkbench.ui.panels.admin import AuditTab, SecurityEventsTab, UsersTab
from cncworkbench.ui.qt import Qt, QtWidgets
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.widgets import Banner, Panel


class ConnectionTab(QtWidgets.QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        layout = QtWidgets.QVBoxLayout(self)
        self.settings_form = QtWidgets.QFormLayout()
        layout.addLayout(self.settings_form)
        self.status = QtWidgets.QTreeWidget()
        self.status.setHeaderLabels([self.tr("Component"), self.tr("State")])
        self.status.setRootIsDecorated(False)
        self.status.setWordWrap(True)
        self.status.setMaximumHeight(140)
        layout.addWidget(self.status)
        self.banner = Banner()
        layout.addWidget(self.banner)
        layout.addStretch(1)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        self.test_button = QtWidgets.QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        row.addWidget(self.test_button)
        layout.addLayout(row)
        self.show_settings()

    def show_settings(self) -> None:
        while self.settings_form.rowCount():
            self.settings_form.removeRow(0)
        try:
            settings = load_settings()
        except Exception as exc:  # a broken config file is shown, not raised
            self.banner.show_message(str(exc), "error")
            return
        for name, value, source in settings.describe():
            label = QtWidgets.QLabel(f"{value}  <i>({source})</i>")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.settings_form.addRow(f"{name}:", label)

    def test_connection(self) -> None:
        context = self.workspace.context
        if context is None:
            self.workspace.open()
            self.banner.show_message(self.tr("Connecting…"), "info")
            return
        self.test_button.setEnabled(False)
        run_task(self, lambda _report: context.status(), self.show_status, self.show_failure)

    def show_status(self, rows) -> None:
        self.test_button.setEnabled(True)
        self.status.clear()
        for row in rows:
            item = QtWidgets.QTreeWidgetItem([row.name, row.detail])
            item.setForeground(1, Qt.GlobalColor.darkGreen if row.ok else Qt.GlobalColor.darkRed)
            item.setToolTip(1, row.detail)
            self.status.addTopLevelItem(item)
        self.status.resizeColumnToContents(0)
        failed = [row for row in rows if not row.ok and row.name != "keyring"]
        if failed:
            self.banner.show_message(failed[0].detail, "error")
        else:
            self.banner.show_message(self.tr("Database and file store answer."), "success")

    def show_failure(self, exc) -> None:
        self.test_button.setEnabled(True)
        self.banner.show_message(str(exc), "error")


class SettingsPanel(Panel):
    title_text = "Settings"
    icon_name = "Settings"
    requires_login = False

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.tabs = QtWidgets.QTabWidget()
        self.connection = ConnectionTab(workspace)
        self.tabs.addTab(self.connection, self.tr("Connection"))
        self.users = UsersTab(workspace)
        self.security = SecurityEventsTab(workspace)
        self.audit = AuditTab(workspace)
        self.admin_tabs = [
            (self.users, self.tr("Users && roles")),  # && is a literal & in a tab title
            (self.security, self.tr("Security events")),
            (self.audit, self.tr("Audit")),
        ]
        self.body.addWidget(self.tabs, 1)

    @property
    def is_admin(self) -> bool:
        user = self.workspace.user
        return user is not None and user.role == "admin"

    def reload(self) -> None:
        self.connection.show_settings()
        self.connection.test_connection()
        for tab, title in self.admin_tabs:
            index = self.tabs.indexOf(tab)
            if self.is_admin and index < 0:
                self.tabs.addTab(tab, title)
            elif not self.is_admin and index >= 0:
                self.tabs.removeTab(index)
        if self.is_admin:
            for tab, _title in self.admin_tabs:
                tab.reload()
