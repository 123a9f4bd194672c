"""Administrators' tabs of the settings dialog: users and roles, security events, audit.

Every action runs through the services on a pool thread, acting as the logged-in admin
(the database checks the role again); failures show in the tab's banner.
"""

from __future__ import annotations

import json

from cncworkbench.core import timefmt
from cncworkbench.core.permissions import ROLES
from cncworkbench.core.validators import LOCALES
from cncworkbench.services.access import audit, security_events, users
from cncworkbench.ui.i18n import LANGUAGES
from cncworkbench.ui.qt import Qt, QtGui, QtWidgets, exec_
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.terms import codes_and_terms, term
from cncworkbench.ui.widgets import Banner, fill_table, table
from cncworkbench.ui.workspace import describe_error

SEVERITY_COLOURS = {"critical": "#a40000", "high": "#ce5c00", "warning": "#c4a000"}


class AdminTab(QtWidgets.QWidget):
    """A tab with a banner, a button row and a table, working as the logged-in admin."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        layout = QtWidgets.QVBoxLayout(self)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.buttons = QtWidgets.QHBoxLayout()
        layout.addLayout(self.buttons)
        self.table = table(self.headers())
        layout.addWidget(self.table, 1)
        self.rows: list = []

    def headers(self) -> list[str]:  # pragma: no cover - overridden
        raise NotImplementedError

    def when(self, value) -> str:
        user = self.workspace.user
        return timefmt.short(value, user.timezone if user else None)

    def add_button(self, text: str, slot) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def selected(self):
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            self.banner.show_message(self.tr("Select a row first."), "warning")
            return None
        return self.rows[row]

    def run(self, work, done=None, success: str | None = None) -> None:
        """``work(session, actor)`` in one transaction as the admin; then ``done(result)``,
        or for an action (no ``done``) the ``success`` message and a reload."""
        user = self.workspace.user
        if done is None:
            self.banner.clear_message()  # this action's outcome replaces the last one

        def task(_report):
            with user.db.session() as session:
                return work(session, user.actor)

        def finished(result):
            if success:
                self.banner.show_message(success, "success")
            if done:
                done(result)
            else:
                self.reload()

        run_task(
            self, task, finished, lambda exc: self.banner.show_message(describe_error(exc), "error")
        )

    def reload(self) -> None:  # pragma: no cover - overridden
        pass


class UserDialog(QtWidgets.QDialog):
    """Create or edit a user; validation happens in the service and shows here."""

    def __init__(self, row=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New user") if row is None else self.tr("Edit user"))
        form = QtWidgets.QFormLayout(self)
        self.banner = Banner()
        form.addRow(self.banner)
        self.email = QtWidgets.QLineEdit(row.email if row else "")
        self.email.setMaxLength(255)
        form.addRow(self.tr("E-mail:"), self.email)
        self.phone = QtWidgets.QLineEdit((row.phone or "") if row else "")
        self.phone.setPlaceholderText("0532 123 45 67")
        form.addRow(self.tr("Mobile:"), self.phone)
        self.role = QtWidgets.QComboBox()
        for code, word in codes_and_terms("Roles", ROLES):
            self.role.addItem(word, code)
        self.role.setCurrentIndex(self.role.findData(row.role if row else "engineer"))
        form.addRow(self.tr("Role:"), self.role)
        self.company = QtWidgets.QLineEdit((row.company_name or "") if row else "")
        form.addRow(self.tr("Company:"), self.company)
        self.tax_no = QtWidgets.QLineEdit((row.tax_no or "") if row else "")
        self.tax_no.setPlaceholderText(self.tr("VKN (10 digits) or TCKN (11 digits)"))
        form.addRow(self.tr("Tax number:"), self.tax_no)
        self.address = QtWidgets.QPlainTextEdit((row.address or "") if row else "")
        self.address.setFixedHeight(60)
        form.addRow(self.tr("Address:"), self.address)
        self.locale = QtWidgets.QComboBox()
        for code in LOCALES:
            self.locale.addItem(LANGUAGES.get(code, code), code)
        self.locale.setCurrentIndex(max(self.locale.findData(row.locale if row else "tr"), 0))
        form.addRow(self.tr("Language:"), self.locale)
        self.timezone = QtWidgets.QLineEdit(
            (row.timezone or "Europe/Istanbul") if row else "Europe/Istanbul"
        )
        form.addRow(self.tr("Time zone:"), self.timezone)
        self.password = QtWidgets.QLineEdit()
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        if row is None:
            form.addRow(self.tr("Password:"), self.password)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def profile(self) -> dict:
        return {
            "email": self.email.text(),
            "phone": self.phone.text(),
            "role": self.role.currentData(),
            "company_name": self.company.text(),
            "tax_no": self.tax_no.text(),
            "address": self.address.toPlainText(),
            "locale": self.locale.currentData(),
            "timezone": self.timezone.text(),
        }


class UsersTab(AdminTab):
    def headers(self):
        return [self.tr("E-mail"), self.tr("Mobile"), self.tr("Role"), self.tr("Status"),
                self.tr("Company"), self.tr("Last login")]  # fmt: skip

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.add_button(self.tr("New user…"), self.on_new)
        self.add_button(self.tr("Edit…"), self.on_edit)
        self.toggle = self.add_button(self.tr("Deactivate"), self.on_toggle)
        self.add_button(self.tr("Reset password…"), self.on_reset)
        self.add_button(self.tr("Unlock"), self.on_unlock)
        self.buttons.addStretch(1)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def reload(self) -> None:
        self.run(users.list_users, self.show_users)

    def show_users(self, rows) -> None:
        self.rows = rows
        fill_table(
            self.table,
            [
                [
                    r.email,
                    r.phone,
                    term("Roles", r.role),
                    (self.tr("active") if r.is_active else self.tr("inactive"))
                    + (" — " + self.tr("locked") if r.locked else ""),
                    r.company_name,
                    self.when(r.last_login_at),
                ]
                for r in rows
            ],
        )
        for number, row in enumerate(rows):
            if row.locked:
                self.table.item(number, 3).setForeground(Qt.GlobalColor.darkRed)

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.toggle.setText(
                self.tr("Deactivate") if self.rows[row].is_active else self.tr("Activate")
            )

    def _dialog(self, row=None):
        dialog = UserDialog(row, self)
        if exec_(dialog) != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        return dialog

    def on_new(self) -> None:
        dialog = self._dialog()
        if dialog:
            profile, password = dialog.profile(), dialog.password.text()
            profile = {k: v for k, v in profile.items() if v}
            self.run(
                lambda s, a: users.create_user(s, a, password, **profile),
                success=self.tr("User {email} created.").format(email=profile.get("email", "")),
            )

    def on_edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = self._dialog(row)
        if dialog:
            profile = dialog.profile()
            self.run(
                lambda s, a: users.update_user(s, a, row.id, **profile),
                success=self.tr("User {email} saved.").format(email=row.email),
            )

    def on_toggle(self) -> None:
        row = self.selected()
        if row is not None:
            self.run(lambda s, a: users.set_active(s, a, row.id, not row.is_active))

    def on_reset(self) -> None:
        row = self.selected()
        if row is None:
            return
        password, ok = QtWidgets.QInputDialog.getText(
            self,
            self.tr("Reset password"),
            self.tr("New password for {email} (their sessions end):").format(email=row.email),
            QtWidgets.QLineEdit.EchoMode.Password,
        )
        if ok and password:
            self.run(
                lambda s, a: users.reset_password(s, a, row.id, password),
                success=self.tr("Password of {email} reset.").format(email=row.email),
            )

    def on_unlock(self) -> None:
        row = self.selected()
        if row is not None:
            self.run(
                lambda s, a: users.unlock(s, a, row.id),
                success=self.tr("{email} unlocked.").format(email=row.email),
            )


class SecurityEventsTab(AdminTab):
    def headers(self):
        return [self.tr("Time"), self.tr("Event"), self.tr("Severity"), self.tr("User"),
                self.tr("Address"), self.tr("Details"), self.tr("Resolution")]  # fmt: skip

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.add_button(self.tr("Resolve…"), self.on_resolve)
        self.show_resolved = QtWidgets.QCheckBox(self.tr("Show resolved"))
        self.show_resolved.setChecked(True)
        self.show_resolved.toggled.connect(lambda _on: self.reload())
        self.buttons.addWidget(self.show_resolved)
        self.buttons.addStretch(1)

    def reload(self) -> None:
        include = self.show_resolved.isChecked()
        self.run(lambda s, a: security_events.list_events(s, a, include), self.show_events)

    def show_events(self, rows) -> None:
        self.rows = rows
        fill_table(
            self.table,
            [
                [
                    self.when(e.created_at),
                    e.event_type,
                    e.severity,
                    e.user_email or e.details.get("identifier", ""),
                    e.ip_address or self.tr("local"),
                    ", ".join(
                        f"{k}: {v}" for k, v in sorted(e.details.items()) if v and k != "identifier"
                    ),
                    e.notes if e.resolved else self.tr("open"),
                ]
                for e in rows
            ],
        )
        # The service lists the open events first; resolved ones are greyed below them.
        for number, event in enumerate(rows):
            colour = SEVERITY_COLOURS.get(event.severity)
            if event.resolved:
                for column in range(self.table.columnCount()):
                    self.table.item(number, column).setForeground(QtGui.QColor("#888a85"))
            elif colour:
                self.table.item(number, 2).setForeground(QtGui.QColor(colour))

    def on_resolve(self) -> None:
        event = self.selected()
        if event is None:
            return
        if event.resolved:
            self.banner.show_message(self.tr("That event is resolved already."), "warning")
            return
        note, ok = QtWidgets.QInputDialog.getMultiLineText(
            self, self.tr("Resolve security event"), self.tr("What was done about it?")
        )
        if ok:
            self.run(
                lambda s, a: security_events.resolve(s, a, event.id, note),
                success=self.tr("Event resolved."),
            )


class AuditTab(AdminTab):
    def headers(self):
        return [self.tr("#"), self.tr("Time"), self.tr("User"), self.tr("Action"),
                self.tr("Entity"), self.tr("Changes")]  # fmt: skip

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Search action, user or content"))
        self.search.returnPressed.connect(self.reload)
        self.buttons.addWidget(self.search, 1)
        self.add_button(self.tr("Search"), self.reload)
        self.verify_button = self.add_button(self.tr("Verify chain"), self.on_verify)

    def reload(self) -> None:
        text = self.search.text()
        self.run(lambda s, a: audit.search(s, a, text=text), self.show_entries)

    def show_entries(self, rows) -> None:
        self.rows = rows
        fill_table(
            self.table,
            [
                [
                    r.id,
                    self.when(r.created_at),
                    r.user_email or self.tr("system"),
                    r.action,
                    f"{r.entity_type} {r.entity_id or ''}".strip(),
                    json.dumps(r.changes, ensure_ascii=False) if r.changes else "",
                ]
                for r in rows
            ],
        )

    def on_verify(self) -> None:
        user = self.workspace.user
        self.verify_button.setEnabled(False)
        self.banner.show_message(self.tr("Verifying the audit chain…"), "info")

        def done(result):
            self.verify_button.setEnabled(True)
            if result.ok:
                self.banner.show_message(
                    self.tr("The audit chain is intact: {count} entries verified.").format(
                        count=result.checked
                    ),
                    "success",
                )
            else:
                self.banner.show_message(
                    self.tr("The audit chain is BROKEN at entry {id}: {reason}.").format(
                        id=result.first_bad_id, reason=result.reason
                    ),
                    "error",
                )

        def failed(exc):
            self.verify_button.setEnabled(True)
            self.banner.show_message(describe_error(exc), "error")

        run_task(self, lambda _report: audit.verify(user.db, user.actor), done, failed)
