"""Settings: the connection (everyone, also before logging in) and, for administrators,
users and roles, licenses, invoices and payments, ERP/MES integrations, security events
and the audit trail. Non-admins do not see those tabs."""

from __future__ import annotations

from cncworkbench.config import load_settings
from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.ui.panels.admin import AuditTab, SecurityEventsTab, UsersTab
from cncworkbench.ui.panels.billing import InvoicesTab, LicensesTab
from cncworkbench.ui.panels.integrations import IntegrationsTab
from cncworkbench.ui.panels.preferences import LanguageBox
from cncworkbench.ui.qt import Qt, QtWidgets
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.terms import term
from cncworkbench.ui.widgets import Banner, Panel

# What config.Settings.describe() says for unset values, marked for translation.
DEFAULT_VALUES = {
    text: text
    for text in (
        QT_TRANSLATE_NOOP("ConnectionTab", "(embedded PostgreSQL under data_dir)"),
        QT_TRANSLATE_NOOP("ConnectionTab", "(local folder store under data_dir)"),
        QT_TRANSLATE_NOOP("ConnectionTab", "(AWS default)"),
    )
}


class ConnectionTab(QtWidgets.QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        layout = QtWidgets.QVBoxLayout(self)
        self.language = LanguageBox(workspace)
        layout.addWidget(self.language)
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
            value = translate("ConnectionTab", DEFAULT_VALUES.get(value, value))
            label = QtWidgets.QLabel(f"{value}  <i>({term('SettingSources', source)})</i>")
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
            item = QtWidgets.QTreeWidgetItem([term("Components", row.name), row.detail])
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
    title_text = QT_TRANSLATE_NOOP("Panels", "Settings")
    icon_name = "Settings"
    requires_login = False

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.tabs = QtWidgets.QTabWidget()
        self.connection = ConnectionTab(workspace)
        self.connection_title = self.tr("Connection")
        self.tabs.addTab(self.connection, self.connection_title)
        self.users = UsersTab(workspace)
        self.licenses = LicensesTab(workspace)
        self.invoices = InvoicesTab(workspace)
        self.integrations = IntegrationsTab(workspace)
        self.security = SecurityEventsTab(workspace)
        self.audit = AuditTab(workspace)
        # && is a literal & in a tab title
        self.admin_tabs = [
            (self.users, self.tr("Users && roles")),
            (self.licenses, self.tr("Licenses")),
            (self.invoices, self.tr("Invoices && payments")),
            (self.integrations, self.tr("Integrations")),
            (self.security, self.tr("Security events")),
            (self.audit, self.tr("Audit")),
        ]
        self.body.addWidget(self.tabs, 1)
        self._wanted_tab: str | None = None  # the tab open before a change of language

    def state(self) -> dict:
        return {"tab": type(self.tabs.currentWidget()).__name__}

    def restore(self, state: dict) -> None:
        self._wanted_tab = state.get("tab")

    def _show_wanted_tab(self) -> None:
        for index in range(self.tabs.count()):
            if type(self.tabs.widget(index)).__name__ == self._wanted_tab:
                self.tabs.setCurrentIndex(index)

    @property
    def is_admin(self) -> bool:
        user = self.workspace.user
        return user is not None and user.role == "admin"

    def reload(self) -> None:
        self.connection.show_settings()
        self.connection.test_connection()
        self.show_tabs()
        if self.is_admin:
            for tab, _title in self.admin_tabs:
                tab.reload()

    def show_tabs(self) -> None:
        """Administrators: their tabs first, the connection last; others: the connection."""
        wanted = [*self.admin_tabs] if self.is_admin else []
        wanted.append((self.connection, self.connection_title))
        shown = [self.tabs.widget(i) for i in range(self.tabs.count())]
        if shown == [tab for tab, _title in wanted]:
            return
        while self.tabs.count():
            self.tabs.removeTab(0)
        for tab, title in wanted:
            self.tabs.addTab(tab, title)
        self.tabs.setCurrentIndex(0)
        self._show_wanted_tab()
