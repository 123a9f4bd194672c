"""Login: the first thing the workbench shows when nobody is logged in.

E-mail or Turkish mobile number and password, "remember me" (a refresh token in the OS
keyring; without a keyring the panel says so once and the box stays off). Once logged
in: who, my sessions (other devices can be ended here) and log out. On a new
installation (no users yet) the panel creates the administrator account.
"""

from __future__ import annotations

from cncworkbench.core import timefmt
from cncworkbench.services.access import identity
from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP
from cncworkbench.ui.qt import Qt, QtWidgets
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.widgets import Panel, fill_table, table


class LoginPanel(Panel):
    title_text = QT_TRANSLATE_NOOP("Panels", "Log in")
    icon_name = "Login"
    requires_login = False

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.title.setText(self.tr("Log in"))
        self._first_run = False
        self._keyring_notice_shown = False

        form_box = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(form_box)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.intro = QtWidgets.QLabel()
        self.intro.setWordWrap(True)
        form.addRow(self.intro)
        self.email = QtWidgets.QLineEdit()
        self.email.setPlaceholderText(self.tr("name@company.com or 0532 123 45 67"))
        self.email.setMaxLength(255)
        self.email_label = QtWidgets.QLabel(self.tr("E-mail or mobile:"))
        form.addRow(self.email_label, self.email)
        self.password = QtWidgets.QLineEdit()
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        form.addRow(self.tr("Password:"), self.password)
        self.confirm = QtWidgets.QLineEdit()
        self.confirm.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.confirm_label = QtWidgets.QLabel(self.tr("Repeat password:"))
        form.addRow(self.confirm_label, self.confirm)
        self.remember = QtWidgets.QCheckBox(self.tr("Remember me on this computer"))
        form.addRow("", self.remember)
        self.submit = QtWidgets.QPushButton(self.tr("Log in"))
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.on_submit)
        self.password.returnPressed.connect(self.on_submit)
        self.confirm.returnPressed.connect(self.on_submit)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        form.addRow(buttons)
        form_box.setMaximumWidth(600)
        self.form_box = form_box

        self.signed_in = QtWidgets.QWidget()
        signed = QtWidgets.QVBoxLayout(self.signed_in)
        signed.setContentsMargins(0, 0, 0, 0)
        self.who = QtWidgets.QLabel()
        self.who.setWordWrap(True)
        signed.addWidget(self.who)
        sessions_title = QtWidgets.QLabel(self.tr("My sessions"))
        font = sessions_title.font()
        font.setBold(True)
        sessions_title.setFont(font)
        signed.addWidget(sessions_title)
        self.sessions = table(
            [self.tr("Device"), self.tr("Address"), self.tr("Since"), self.tr("Until")]
        )
        signed.addWidget(self.sessions, 1)
        row = QtWidgets.QHBoxLayout()
        self.revoke = QtWidgets.QPushButton(self.tr("End selected session"))
        self.revoke.setToolTip(self.tr("Log out another device"))
        self.revoke.clicked.connect(self.on_revoke)
        row.addWidget(self.revoke)
        row.addStretch(1)
        self.logout = QtWidgets.QPushButton(self.tr("Log out"))
        self.logout.clicked.connect(self.on_logout)
        row.addWidget(self.logout)
        signed.addLayout(row)
        self._session_ids: list[int] = []

        self.body.addWidget(self.form_box)
        self.body.addWidget(self.signed_in, 1)
        self.body.addStretch(0)
        self.setMinimumWidth(380)
        self._set_mode(first_run=False)
        self._show_user()

    # -- modes ----------------------------------------------------------------------------
    def _set_mode(self, first_run: bool) -> None:
        self._first_run = first_run
        self.confirm.setVisible(first_run)
        self.confirm_label.setVisible(first_run)
        self.remember.setVisible(not first_run)
        if first_run:
            self.title.setText(self.tr("Create the administrator"))
            self.intro.setText(
                self.tr(
                    "This installation has no users yet. Create the administrator account; "
                    "the administrator then adds engineers and operators."
                )
            )
            self.email_label.setText(self.tr("E-mail:"))
            self.submit.setText(self.tr("Create administrator"))
        else:
            self.title.setText(self.tr("Log in"))
            self.intro.setText(
                self.tr("Log in with your e-mail address or mobile number and your password.")
            )
            self.email_label.setText(self.tr("E-mail or mobile:"))
            self.submit.setText(self.tr("Log in"))

    def _show_user(self) -> None:
        user = self.workspace.user
        self.form_box.setVisible(user is None)
        self.signed_in.setVisible(user is not None)
        if user is not None:
            self.title.setText(self.tr("Logged in"))
            text = self.tr("Logged in as {email} ({role}).").format(
                email=user.email, role=user.role
            )
            if user.remembered:
                text += " " + self.tr("This computer remembers the login.")
            self.who.setText(text)

    def _offer_remember(self) -> None:
        notice = self.workspace.keyring_notice
        self.remember.setEnabled(notice is None)
        if notice is not None:
            self.remember.setChecked(False)
            self.remember.setToolTip(notice)
            if not self._keyring_notice_shown:
                self._keyring_notice_shown = True
                self.banner.show_message(notice, "info")

    def reload(self) -> None:
        self._show_user()
        if self.workspace.user is not None:
            self.load_sessions()
            return
        self._offer_remember()
        context = self.workspace.context
        run_task(
            self,
            lambda _report: identity.has_users(context),
            lambda has: self._set_mode(first_run=not has),
            self.show_error,
        )

    def load_sessions(self) -> None:
        user = self.workspace.user
        run_task(
            self, lambda _report: identity.my_sessions(user), self._show_sessions, self.show_error
        )

    def _show_sessions(self, sessions) -> None:
        self._session_ids = [s.id for s in sessions]
        zone = self.workspace.user.timezone if self.workspace.user else None
        rows = []
        for item in sessions:
            device = item.user_agent or self.tr("unknown")
            if item.current:
                device = self.tr("This computer") + " — " + device
            rows.append(
                [
                    device,
                    item.ip_address or self.tr("local"),
                    timefmt.short(item.created_at, zone),
                    timefmt.short(item.expires_at, zone),
                ]
            )
        fill_table(self.sessions, rows)

    # -- actions --------------------------------------------------------------------------
    def on_submit(self) -> None:
        if not self.workspace.is_ready:
            self.banner.show_message(self.tr("Not connected to the database yet."), "warning")
            return
        identifier, password = self.email.text().strip(), self.password.text()
        if not identifier or not password:
            self.banner.show_message(
                self.tr("Enter your e-mail address or mobile number and your password."),
                "warning",
            )
            return
        if self._first_run and password != self.confirm.text():
            self.banner.show_message(self.tr("The two passwords differ."), "warning")
            return
        context, first_run = self.workspace.context, self._first_run
        remember, where = self.remember.isChecked(), self.workspace.where

        def work(_report):
            if first_run:
                identity.create_first_admin(context, identifier, password)
            return identity.sign_in(context, identifier, password, remember, where=where)

        self.submit.setEnabled(False)
        self.set_busy(True)
        run_task(self, work, self._logged_in, self._login_failed)

    def _logged_in(self, user) -> None:
        self.submit.setEnabled(True)
        self.set_busy(False)
        self.password.clear()
        self.confirm.clear()
        self.banner.clear_message()
        self._set_mode(first_run=False)
        self.workspace.set_user(user)

    def _login_failed(self, exc) -> None:
        self.submit.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_error(exc)

    def on_revoke(self) -> None:
        row = self.sessions.currentRow()
        if row < 0:
            self.banner.show_message(self.tr("Select the session to end."), "warning")
            return
        user, session_id = self.workspace.user, self._session_ids[row]
        if session_id == user.session_id:
            self.banner.show_message(
                self.tr("That is this computer's session: use Log out."), "warning"
            )
            return
        run_task(
            self,
            lambda _report: identity.revoke_session(user, session_id),
            lambda _result: self.load_sessions(),
            self.show_error,
        )

    def on_logout(self) -> None:
        user, context = self.workspace.user, self.workspace.context
        self.workspace.set_user(None)
        run_task(self, lambda _report: identity.sign_out(context, user), None, self.show_error)
