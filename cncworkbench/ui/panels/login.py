"""Login: the first thing the workbench shows when nobody is logged in.

On a new installation (no users yet) the same panel creates the administrator account.
"""

from __future__ import annotations

from cncworkbench.services import auth
from cncworkbench.ui.qt import Qt, QtWidgets
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.widgets import Panel


class LoginPanel(Panel):
    title_text = "Log in"
    icon_name = "Login"
    requires_login = False

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.title.setText(self.tr("Log in"))
        self._first_run = False

        form_box = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(form_box)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.intro = QtWidgets.QLabel()
        self.intro.setWordWrap(True)
        form.addRow(self.intro)
        self.email = QtWidgets.QLineEdit()
        self.email.setPlaceholderText("name@company.com")
        self.email.setMaxLength(255)
        form.addRow(self.tr("E-mail:"), self.email)
        self.password = QtWidgets.QLineEdit()
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password:"), self.password)
        self.confirm = QtWidgets.QLineEdit()
        self.confirm.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.confirm_label = QtWidgets.QLabel(self.tr("Repeat password:"))
        form.addRow(self.confirm_label, self.confirm)
        self.submit = QtWidgets.QPushButton(self.tr("Log in"))
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.on_submit)
        self.password.returnPressed.connect(self.on_submit)
        self.confirm.returnPressed.connect(self.on_submit)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        form.addRow(buttons)
        form_box.setMaximumWidth(560)
        self.form_box = form_box

        self.signed_in = QtWidgets.QWidget()
        signed = QtWidgets.QVBoxLayout(self.signed_in)
        self.who = QtWidgets.QLabel()
        self.who.setWordWrap(True)
        signed.addWidget(self.who)
        self.logout = QtWidgets.QPushButton(self.tr("Log out"))
        self.logout.clicked.connect(self.on_logout)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.logout)
        signed.addLayout(row)

        self.body.addWidget(self.form_box)
        self.body.addWidget(self.signed_in)
        self.body.addStretch(1)
        self.setMinimumWidth(360)
        self._set_mode(first_run=False)
        self._show_user()

    # -- modes ----------------------------------------------------------------------------
    def _set_mode(self, first_run: bool) -> None:
        self._first_run = first_run
        self.confirm.setVisible(first_run)
        self.confirm_label.setVisible(first_run)
        if first_run:
            self.title.setText(self.tr("Create the administrator"))
            self.intro.setText(
                self.tr(
                    "This installation has no users yet. Create the administrator account; "
                    "the administrator then adds engineers and operators."
                )
            )
            self.submit.setText(self.tr("Create administrator"))
        else:
            self.title.setText(self.tr("Log in"))
            self.intro.setText(self.tr("Log in with your e-mail address and password."))
            self.submit.setText(self.tr("Log in"))

    def _show_user(self) -> None:
        user = self.workspace.user
        self.form_box.setVisible(user is None)
        self.signed_in.setVisible(user is not None)
        if user is not None:
            self.title.setText(self.tr("Logged in"))
            self.who.setText(
                self.tr("Logged in as {email} ({role}).").format(email=user.email, role=user.role)
            )

    def reload(self) -> None:
        self._show_user()
        if self.workspace.user is not None:
            return
        context = self.workspace.context

        def work(_report):
            with context.db.session() as session:
                return auth.has_users(session)

        run_task(self, work, lambda has: self._set_mode(first_run=not has), self.show_error)

    # -- actions --------------------------------------------------------------------------
    def on_submit(self) -> None:
        if not self.workspace.is_ready:
            self.banner.show_message(self.tr("Not connected to the database yet."), "warning")
            return
        email, password = self.email.text().strip(), self.password.text()
        if not email or not password:
            self.banner.show_message(self.tr("Enter your e-mail address and password."), "warning")
            return
        if self._first_run and password != self.confirm.text():
            self.banner.show_message(self.tr("The two passwords differ."), "warning")
            return
        context, first_run = self.workspace.context, self._first_run

        def work(_report):
            with context.db.session() as session:
                if first_run:
                    auth.create_first_admin(session, email, password)
                return auth.login(session, email, password)

        self.submit.setEnabled(False)
        self.set_busy(True)
        run_task(self, work, self._logged_in, self._login_failed)

    def _logged_in(self, user) -> None:
        self.submit.setEnabled(True)
        self.set_busy(False)
        self.password.clear()
        self.confirm.clear()
        self.banner.clear_message()
        self.workspace.set_user(user)

    def _login_failed(self, exc) -> None:
        self.submit.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_error(exc)

    def on_logout(self) -> None:
        self.workspace.set_user(None)
        self._set_mode(first_run=False)
