"""Administrators' Licenses and Invoices & payments tabs of the settings dialog.

Both tabs work like the other admin tabs (:class:`~cncworkbench.ui.panels.admin.AdminTab`):
every call goes through the services on a pool thread as the logged-in admin, and the
settings panel's busy bar runs meanwhile. Dialogs stay open until the service accepts
what was entered; its refusal shows in the dialog's banner and nothing is saved.
Work functions return plain values, never ORM rows: those expire with their session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cncworkbench.core import licensing, localefmt, money, timefmt
from cncworkbench.core.text import matches
from cncworkbench.errors import UserError, ValidationError
from cncworkbench.services.access import licenses, users
from cncworkbench.services.commerce import billing
from cncworkbench.ui.i18n import LANGUAGES, translate
from cncworkbench.ui.panels.admin import AdminTab
from cncworkbench.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.widgets import Banner, Panel, fill_table, table
from cncworkbench.ui.workspace import describe_error

STATE_COLOURS = {
    "active": "#4e9a06",
    "not_started": "#3465a4",
    "expired": "#888a85",
    "suspended": "#ce5c00",
    "cancelled": "#888a85",
}
INVOICE_COLOURS = {
    "draft": "#555753",
    "sent": "#3465a4",
    "overdue": "#a40000",
    "paid": "#4e9a06",
    "cancelled": "#888a85",
}
SEAT_USED, SEAT_FREE, SEAT_OVER = "#3465a4", "#e6ebf1", "#a40000"
# The provider a payment method usually comes through.
DEFAULT_PROVIDERS = {"transfer": "bank", "card": "iyzico"}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def qdate(value: dt.date) -> QtCore.QDate:
    return QtCore.QDate(value.year, value.month, value.day)


def pydate(edit: QtWidgets.QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def date_edit(value: dt.date) -> QtWidgets.QDateEdit:
    edit = QtWidgets.QDateEdit(qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy" if localefmt.current() == "tr" else "yyyy-MM-dd")
    return edit


def person(row) -> str:
    """A user as pickers show them: the company first when there is one."""
    return f"{row.company_name} — {row.email}" if row.company_name else row.email


def right_item(text: str) -> QtWidgets.QTableWidgetItem:
    item = QtWidgets.QTableWidgetItem(text)
    item.setTextAlignment(RIGHT)
    return item


class BusyTab(AdminTab):
    """An admin tab whose work shows the settings panel's busy bar and whose dialogs
    keep their own errors."""

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.dialog: ServiceDialog | None = None  # the dialog open now (tests fill it)
        self.people: list = []  # users, for the holder and buyer pickers

    def set_busy(self, busy: bool) -> None:
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, Panel):
            widget = widget.parentWidget()
        if widget is None:
            return
        # Several tabs share the panel's bar: it runs while any of them works.
        count = max(0, getattr(widget, "_admin_tasks", 0) + (1 if busy else -1))
        widget._admin_tasks = count
        widget.set_busy(count > 0)

    def run(self, work, done=None, success=None, failed=None) -> None:
        """``work(session, actor)`` in one transaction as the admin; then ``done(result)``,
        or for an action (no ``done``) the ``success`` message and a reload. Errors go
        to ``failed(message)``, else to the banner."""
        user = self.workspace.user
        if user is None:
            return
        if done is None:
            self.banner.clear_message()  # this action's outcome replaces the last one
        self.set_busy(True)

        def task(_report):
            with user.db.session() as session:
                return work(session, user.actor)

        def finished(result):
            self.set_busy(False)
            if success:
                self.banner.show_message(success, "success")
            if done:
                done(result)
            else:
                self.reload()

        def error(exc):
            self.set_busy(False)
            (failed or (lambda text: self.banner.show_message(text, "error")))(describe_error(exc))

        run_task(self, task, finished, error)

    def open_dialog(self, dialog: ServiceDialog) -> ServiceDialog:
        """Show ``dialog`` without blocking; it calls back :meth:`submit`."""
        if self.dialog is not None:
            self.dialog.deleteLater()  # closed: its modality allows one at a time
        self.dialog = dialog
        dialog.open()
        return dialog

    def submit(self, dialog: ServiceDialog, work, success, after=None) -> None:
        """Run the dialog's service call; close it on success (then ``after()``), else
        show why in it."""
        dialog.set_working(True)

        def done(result):
            dialog.set_working(False)
            dialog.accept()
            text = success(result) if callable(success) else success
            self.banner.show_message(text, "success")
            self.reload()
            if after:
                after()

        def failed(text):
            dialog.set_working(False)
            dialog.show_error(text)

        self.run(work, done, failed=failed)

    def user_zone(self) -> str | None:
        user = self.workspace.user
        return user.timezone if user else None


class ServiceDialog(QtWidgets.QDialog):
    """A form whose OK hands :meth:`action` to the tab; it closes once the service agreed."""

    def __init__(self, tab: BusyTab, title: str):
        super().__init__(tab)
        self.tab = tab
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QtWidgets.QFormLayout(self)
        self.form.setFieldGrowthPolicy(
            QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow
        )
        self.banner = Banner()
        self.form.addRow(self.banner)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(460)

    def finish_form(self) -> None:
        self.form.addRow(self.buttons)

    @property
    def ok_button(self) -> QtWidgets.QPushButton:
        return self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)

    def set_working(self, working: bool) -> None:
        self.ok_button.setEnabled(not working)

    def action(self):  # pragma: no cover - overridden
        """``(work(session, actor), success message or result -> message)``; raises
        :class:`UserError` for what can be told without the database."""
        raise NotImplementedError

    def after(self) -> None:
        """What follows a success, once the dialog closed."""

    def show_error(self, text: str) -> None:
        self.banner.show_message(text, "error")
        QtCore.QTimer.singleShot(0, self.fit_height)

    def fit_height(self) -> None:
        """An open dialog does not grow by itself when its banner wraps."""
        layout = self.layout()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    def submit(self) -> None:
        self.banner.clear_message()
        try:
            work, success = self.action()
        except UserError as exc:
            self.show_error(str(exc))
            return
        self.tab.submit(self, work, success, self.after)


# ----------------------------------------------------------------------------- licenses
class LicenseDialog(ServiceDialog):
    """A new license: plan, seats, holder and period (dates are 00:00 Istanbul time)."""

    def __init__(self, tab: BusyTab, people: list):
        super().__init__(tab, translate("LicenseDialog", "New license"))
        self.people = [p for p in people if p.is_active]
        self.plan = QtWidgets.QComboBox()
        for plan in licensing.PLANS.values():
            self.plan.addItem(plan.title, plan.type)
        self.plan.setCurrentIndex(self.plan.findData("professional"))
        self.form.addRow(self.tr("Plan:"), self.plan)
        self.seats = QtWidgets.QSpinBox()
        self.seats.setRange(1, licensing.MAX_SEATS)
        self.seats.setValue(5)
        self.form.addRow(self.tr("Seats:"), self.seats)
        self.holder = QtWidgets.QComboBox()
        for row in self.people:
            self.holder.addItem(person(row), row.id)
        me = tab.workspace.user
        if me is not None and self.holder.findData(me.user_id) >= 0:
            self.holder.setCurrentIndex(self.holder.findData(me.user_id))
        self.form.addRow(self.tr("Holder:"), self.holder)
        start = billing.today()
        self.starts = date_edit(start)
        self.form.addRow(self.tr("Valid from:"), self.starts)
        self.ends = date_edit(start)
        self.form.addRow(self.tr("Valid until:"), self.ends)
        self.auto_renew = QtWidgets.QCheckBox(self.tr("Renew automatically"))
        self.form.addRow("", self.auto_renew)
        hint = QtWidgets.QLabel(self.tr("Dates start at 00:00 Istanbul time."))
        hint.setStyleSheet("color: #555753;")
        self.form.addRow("", hint)
        self.finish_form()
        self._end_edited = False
        self._default_end()
        self.plan.currentIndexChanged.connect(lambda _i: self._default_end())
        self.starts.dateChanged.connect(lambda _d: self._default_end())
        self.ends.dateChanged.connect(self._end_changed)

    def _default_end(self) -> None:
        """The plan's usual term from the start, until the admin picks an end; seats up to
        the plan's maximum."""
        plan = licensing.plan(self.plan.currentData())
        self.seats.setMaximum(plan.max_seats)
        if self._end_edited:
            return
        term = plan.default_term
        self.ends.blockSignals(True)
        self.ends.setDate(qdate(pydate(self.starts) + term))
        self.ends.blockSignals(False)

    def _end_changed(self, _date) -> None:
        self._end_edited = True

    def action(self):
        if self.holder.currentIndex() < 0:
            raise ValidationError(self.tr("Choose who holds the license."))
        holder, kind = self.holder.currentData(), self.plan.currentData()
        seats, starts, ends = self.seats.value(), pydate(self.starts), pydate(self.ends)
        if ends <= starts:
            raise ValidationError(
                self.tr("The license would end on {end}, before it starts on {start}.").format(
                    end=ends, start=starts
                )
            )
        auto_renew = self.auto_renew.isChecked()

        def work(session, actor):
            row = licenses.add_license(
                session, actor, holder, kind, seats, starts, ends, auto_renew=auto_renew
            )
            return row.id

        return work, lambda license_id: self.tr(
            "License #{id} ({plan}, {seats} seats) added."
        ).format(id=license_id, plan=self.plan.currentText(), seats=seats)


class RenewDialog(ServiceDialog):
    def __init__(self, tab: BusyTab, row):
        super().__init__(tab, translate("RenewDialog", "Renew license #{id}").format(id=row.id))
        self.row = row
        current = timefmt.in_zone(row.ends_at).date()
        self.form.addRow(
            self.tr("Runs until:"), QtWidgets.QLabel(timefmt.short(row.ends_at, tab.user_zone()))
        )
        self.until = date_edit(_years_later(current, 1))
        self.form.addRow(self.tr("Renew until:"), self.until)
        self.finish_form()

    def action(self):
        license_id, until = self.row.id, pydate(self.until)
        return (
            lambda s, a: licenses.renew(s, a, license_id, until).id,
            self.tr("License #{id} renewed until {date}.").format(id=license_id, date=until),
        )


class ConvertDialog(ServiceDialog):
    """A trial becomes a paid plan on the same license row."""

    def __init__(self, tab: BusyTab, row):
        super().__init__(
            tab, translate("ConvertDialog", "Convert trial #{id} to a plan").format(id=row.id)
        )
        self.row = row
        self.plan = QtWidgets.QComboBox()
        for plan in licensing.PLANS.values():
            if plan.paid:
                self.plan.addItem(plan.title, plan.type)
        self.form.addRow(self.tr("Plan:"), self.plan)
        self.seats = QtWidgets.QSpinBox()
        self.seats.setRange(1, licensing.MAX_SEATS)
        self.seats.setValue(row.seats)
        self.form.addRow(self.tr("Seats:"), self.seats)
        self.until = date_edit(_years_later(billing.today(), 1))
        self.form.addRow(self.tr("Valid until:"), self.until)
        self.auto_renew = QtWidgets.QCheckBox(self.tr("Renew automatically"))
        self.auto_renew.setChecked(row.auto_renew)
        self.form.addRow("", self.auto_renew)
        self.finish_form()

    def action(self):
        license_id, kind = self.row.id, self.plan.currentData()
        seats, until, auto_renew = (
            self.seats.value(),
            pydate(self.until),
            self.auto_renew.isChecked(),
        )

        def work(session, actor):
            licenses.change_plan(
                session, actor, license_id, kind, seats, ends_at=until, auto_renew=auto_renew
            )
            return license_id

        return work, self.tr("License #{id} is now {plan}.").format(
            id=license_id, plan=self.plan.currentText()
        )


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class SeatChart(QtWidgets.QWidget):
    """One cell per seat: taken ones named after their holder, free ones pale, and any
    beyond the license's seats (after it was reduced) red."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.usage: licenses.SeatUsage | None = None
        self.zone: str | None = None
        self.setMinimumHeight(78)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed
        )

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(480, 78)

    def show_usage(self, usage, zone: str | None) -> None:
        self.usage, self.zone = usage, zone
        holders = usage.holders if usage else ()
        self.setToolTip(
            "\n".join(
                self.tr("{email}, since {since}").format(
                    email=h.email, since=timefmt.short(h.since, zone)
                )
                for h in holders
            )
        )
        self.update()

    def caption(self) -> str:
        usage = self.usage
        if usage is None:
            return self.tr("Loading seat usage…")
        used = len(usage.holders)
        if usage.seats is None:
            return self.tr(
                "No license in force: logins are not counted ({used} logged in)."
            ).format(used=used)
        return self.tr("{plan} license #{id}: {used} of {seats} seats in use, {free} free").format(
            plan=usage.license.plan_title,
            id=usage.license.id,
            used=used,
            seats=usage.seats,
            free=usage.free,
        )

    def paintEvent(self, _event) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        width = self.width()
        line = metrics.height()
        painter.setPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText))
        painter.drawText(
            QtCore.QRectF(0, 0, width, line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(self.caption(), Qt.TextElideMode.ElideRight, width),
        )
        usage = self.usage
        if usage is None:
            painter.end()
            return
        holders = list(usage.holders)
        seats = usage.seats if usage.seats is not None else len(holders)
        cells = max(seats, len(holders))
        top, height = line + 6, max(28, self.height() - line - 10)
        if cells == 0:
            painter.end()
            return
        if cells > 40:  # too many seats for a cell each: two proportional parts
            self._paint_proportional(painter, top, height, seats, len(holders))
        else:
            gap = 3
            cell = (width - gap * (cells - 1)) / cells
            for index in range(cells):
                rect = QtCore.QRectF(index * (cell + gap), top, cell, height)
                holder = holders[index] if index < len(holders) else None
                self._paint_seat(painter, rect, holder, over=index >= seats)
        painter.end()

    def _paint_seat(self, painter, rect: QtCore.QRectF, holder, over: bool) -> None:
        """A seat: its holder's name and since when (time today, else the date)."""
        colour = SEAT_OVER if over else SEAT_USED if holder else SEAT_FREE
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(QtGui.QColor(colour))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QtGui.QColor("#555753" if colour == SEAT_FREE else "#ffffff"))
        metrics = painter.fontMetrics()
        inner = rect.adjusted(4, 2, -4, -2)
        lines = [self.tr("free")]
        if holder is not None:
            since = timefmt.in_zone(holder.since, self.zone)
            today = timefmt.in_zone(dt.datetime.now(dt.UTC), self.zone).date()
            when = f"{since:%H:%M}" if since.date() == today else timefmt.day(since.date())
            lines = [holder.email.split("@")[0], self.tr("since {when}").format(when=when)]
        if inner.height() < metrics.height() * len(lines):
            lines = lines[:1]
        text = "\n".join(
            metrics.elidedText(t, Qt.TextElideMode.ElideRight, int(inner.width())) for t in lines
        )
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignCenter), text)

    def _paint_proportional(self, painter, top, height, seats, used) -> None:
        width = self.width()
        total = max(seats, used)
        used_width = width * min(used, total) / total
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(QtGui.QColor(SEAT_FREE))
        painter.drawRoundedRect(QtCore.QRectF(0, top, width, height), 4, 4)
        painter.setBrush(QtGui.QColor(SEAT_USED if used <= seats else SEAT_OVER))
        painter.drawRoundedRect(QtCore.QRectF(0, top, used_width, height), 4, 4)
        painter.setPen(QtGui.QColor("#1b1b1b"))
        painter.drawText(
            QtCore.QRectF(6, top, width - 12, height),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            self.tr("{used} used / {free} free").format(used=used, free=max(0, seats - used)),
        )


@dataclass(frozen=True)
class LicenseView:
    licenses: list
    usage: licenses.SeatUsage
    people: list


class LicensesTab(BusyTab):
    def headers(self):
        return [self.tr("#"), self.tr("Plan"), self.tr("Status"), self.tr("Seats"),
                self.tr("Used"), self.tr("Valid from"), self.tr("Valid until"),
                self.tr("Auto-renew"), self.tr("Holder")]  # fmt: skip

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.usage: licenses.SeatUsage | None = None
        self.add_button(self.tr("New license…"), self.on_new)
        self.renew_button = self.add_button(self.tr("Renew…"), self.on_renew)
        self.status_button = self.add_button(self.tr("Suspend"), self.on_toggle_status)
        self.convert_button = self.add_button(self.tr("Convert trial to plan…"), self.on_convert)
        self.buttons.addStretch(1)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        seats = QtWidgets.QGroupBox(self.tr("Seats in use"))
        box = QtWidgets.QVBoxLayout(seats)
        self.chart = SeatChart()
        box.addWidget(self.chart)
        self.holders = table([self.tr("User"), self.tr("Logged in since"), self.tr("Sessions"),
                              self.tr("Where")])  # fmt: skip
        self.holders.setMaximumHeight(130)
        box.addWidget(self.holders)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        self.end_session_button = QtWidgets.QPushButton(self.tr("End session"))
        self.end_session_button.setToolTip(
            self.tr("Log the selected user out everywhere; their seat becomes free.")
        )
        self.end_session_button.clicked.connect(self.on_end_session)
        row.addWidget(self.end_session_button)
        box.addLayout(row)
        self.layout().addWidget(seats)
        self._selection_changed()

    def reload(self) -> None:
        def work(session, actor):
            return LicenseView(
                licenses.list_licenses(session),
                licenses.seat_usage(session, actor),
                users.list_users(session, actor, include_inactive=False),
            )

        self.run(work, self.show_licenses)

    def show_licenses(self, view: LicenseView) -> None:
        self.rows, self.usage, self.people = view.licenses, view.usage, view.people
        used = len(view.usage.holders)
        fill_table(
            self.table,
            [
                [
                    r.id,
                    r.plan_title,
                    self.describe_state(r),
                    r.seats,
                    used if r.in_force else "–",
                    self.when(r.starts_at),
                    self.when(r.ends_at),
                    self.tr("yes") if r.auto_renew else self.tr("no"),
                    r.holder_email,
                ]
                for r in view.licenses
            ],
        )
        for number, row in enumerate(view.licenses):
            self.table.item(number, 2).setForeground(QtGui.QColor(STATE_COLOURS[row.state]))
            self.table.item(number, 4).setTextAlignment(RIGHT)
            if row.in_force:
                font = self.table.item(number, 2).font()
                font.setBold(True)
                self.table.item(number, 2).setFont(font)
        self.table.resizeColumnToContents(2)
        self.chart.show_usage(view.usage, self.user_zone())
        fill_table(
            self.holders,
            [
                [
                    h.email,
                    self.when(h.since),
                    len(h.session_ids),
                    ", ".join(dict.fromkeys(h.user_agents)),
                ]
                for h in view.usage.holders
            ],
        )
        self._selection_changed()

    def describe_state(self, row) -> str:
        if row.in_force:
            return self.tr("in force, {days} days left").format(days=row.days_left)
        return {
            "active": self.tr("active"),
            "not_started": self.tr("not started"),
            "expired": self.tr("expired"),
            "suspended": self.tr("suspended"),
            "cancelled": self.tr("cancelled"),
        }.get(row.state, row.state)

    def current(self):
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selection_changed(self) -> None:
        row = self.current()
        self.renew_button.setEnabled(row is not None and row.state != "cancelled")
        self.status_button.setText(
            self.tr("Reactivate")
            if row is not None and row.state == "suspended"
            else self.tr("Suspend")
        )
        self.status_button.setEnabled(
            row is not None and row.state in ("active", "not_started", "suspended")
        )
        self.convert_button.setEnabled(
            row is not None and row.type == "trial" and row.state != "cancelled"
        )

    def on_new(self) -> None:
        self.open_dialog(LicenseDialog(self, self.people))

    def on_renew(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_dialog(RenewDialog(self, row))

    def on_convert(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.type != "trial":
            self.banner.show_message(
                self.tr("License #{id} is {plan} already.").format(id=row.id, plan=row.plan_title),
                "warning",
            )
            return
        self.open_dialog(ConvertDialog(self, row))

    def on_toggle_status(self) -> None:
        row = self.selected()
        if row is None:
            return
        status = "active" if row.status == "suspended" else "suspended"
        message = (
            self.tr("License #{id} reactivated.") if status == "active"
            else self.tr("License #{id} suspended.")
        ).format(id=row.id)  # fmt: skip
        self.run(lambda s, a: licenses.set_status(s, a, row.id, status).id, success=message)

    def on_end_session(self) -> None:
        number = self.holders.currentRow()
        holders = self.usage.holders if self.usage else ()
        if not 0 <= number < len(holders):
            self.banner.show_message(self.tr("Select who to log out first."), "warning")
            return
        holder = holders[number]
        me = self.workspace.user
        # Never this very session: that would log the admin out under their own feet.
        ids = [i for i in holder.session_ids if me is None or i != me.session_id]
        if not ids:
            self.banner.show_message(
                self.tr("That is your own session; log out instead."), "warning"
            )
            return
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("End session"),
            self.tr(
                "Log {email} out ({count} sessions)? Unsaved work on their side is lost."
            ).format(email=holder.email, count=len(ids)),
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return

        def work(session, actor):
            for session_id in ids:
                licenses.end_session(session, actor, session_id)

        self.run(work, success=self.tr("{email} was logged out.").format(email=holder.email))


# ----------------------------------------------------------------------------- invoices
class LinesEditor(QtWidgets.QTableWidget):
    """Invoice lines: description, quantity and unit price typed; the amount computed."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Description"), self.tr("Quantity"), self.tr("Unit price"), self.tr("Amount")]
        )
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 80), (2, 110), (3, 110)):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        self.itemChanged.connect(self._item_changed)
        self.add_line()

    def add_line(self, description: str = "", quantity: str = "1", price: str = "") -> None:
        self.blockSignals(True)
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QtWidgets.QTableWidgetItem(description))
        self.setItem(row, 1, right_item(quantity))
        self.setItem(row, 2, right_item(price))
        amount = right_item("")
        amount.setFlags(amount.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.setItem(row, 3, amount)
        self.blockSignals(False)
        self._item_changed(None)

    def remove_line(self) -> None:
        row = self.currentRow()
        if self.rowCount() > 1 and row >= 0:
            self.removeRow(row)
            self.changed.emit()

    def set_line(self, row: int, description: str, quantity: str, price: str) -> None:
        for column, text in enumerate((description, quantity, price)):
            self.item(row, column).setText(text)

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item else ""

    def lines(self) -> list[money.LineInput]:
        """The typed lines (wholly empty ones skipped); raises ValidationError."""
        result = []
        for row in range(self.rowCount()):
            description, quantity, price = (self._text(row, c) for c in range(3))
            if not (description or price):
                continue
            result.append(money.LineInput(description, quantity or "0", price or "0"))
        return result

    def _item_changed(self, item) -> None:
        if item is not None and item.column() == 3:
            return
        self.blockSignals(True)
        for row in range(self.rowCount()):
            amount = ""
            try:
                quantity = money.check_quantity(self._text(row, 1))
                price = money.check_amount(
                    self._text(row, 2), "unit price", allow_zero=True, places=4
                )
                amount = money.shown_amount(money.round_kurus(quantity * price))
            except (UserError, TypeError):
                pass
            self.item(row, 3).setText(amount)
        self.blockSignals(False)
        self.changed.emit()


class InvoiceDialog(ServiceDialog):
    """A draft invoice: buyer, lines, currency, KDV rate and due date; totals live."""

    def __init__(self, tab: BusyTab, people: list):
        super().__init__(tab, translate("InvoiceDialog", "New invoice"))
        self.setMinimumWidth(620)
        self.buyer = QtWidgets.QComboBox()
        for row in people:
            if row.is_active:
                self.buyer.addItem(person(row), row.id)
        self.form.addRow(self.tr("Buyer:"), self.buyer)
        self.lines = LinesEditor()
        self.lines.setMinimumHeight(140)
        self.form.addRow(self.lines)
        row = QtWidgets.QHBoxLayout()
        add = QtWidgets.QPushButton(self.tr("Add line"))
        add.clicked.connect(lambda: self.lines.add_line())
        remove = QtWidgets.QPushButton(self.tr("Remove line"))
        remove.clicked.connect(self.lines.remove_line)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.form.addRow(row)
        self.currency = QtWidgets.QComboBox()
        self.currency.addItems(list(money.CURRENCIES))
        self.kdv = QtWidgets.QComboBox()
        for rate in money.KDV_RATES:
            self.kdv.addItem(localefmt.percent(float(rate)), str(rate))
        self.kdv.setCurrentIndex(self.kdv.findData(str(money.DEFAULT_KDV_RATE)))
        self.due = date_edit(billing.today() + dt.timedelta(days=billing.DEFAULT_DUE_DAYS))
        terms = QtWidgets.QHBoxLayout()  # short fields side by side
        terms.addWidget(self.currency)
        for text, field in ((self.tr("KDV rate:"), self.kdv), (self.tr("Due date:"), self.due)):
            terms.addSpacing(16)
            terms.addWidget(QtWidgets.QLabel(text))
            terms.addWidget(field)
        terms.addStretch(1)
        self.form.addRow(self.tr("Currency:"), terms)
        self.notes = QtWidgets.QLineEdit()
        self.form.addRow(self.tr("Notes:"), self.notes)
        self.subtotal, self.tax, self.total = (QtWidgets.QLabel() for _ in range(3))
        for label in (self.subtotal, self.tax, self.total):
            label.setAlignment(RIGHT)
        bold = self.total.font()
        bold.setBold(True)
        self.total.setFont(bold)
        self.form.addRow(self.tr("Subtotal:"), self.subtotal)
        self.tax_label = QtWidgets.QLabel()
        self.form.addRow(self.tax_label, self.tax)
        self.form.addRow(self.tr("Total:"), self.total)
        self.problem = QtWidgets.QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.form.addRow(self.problem)
        self.finish_form()
        self.lines.changed.connect(self.update_totals)
        self.currency.currentIndexChanged.connect(lambda _i: self.update_totals())
        self.kdv.currentIndexChanged.connect(lambda _i: self.update_totals())
        self.update_totals()

    def totals(self) -> money.Totals:
        return money.compute_totals(self.lines.lines(), self.kdv.currentData())

    def update_totals(self) -> None:
        currency = self.currency.currentText()
        rate = localefmt.percent(float(self.kdv.currentData()))
        self.tax_label.setText(self.tr("KDV ({rate}):").format(rate=rate))
        try:
            totals = self.totals()
        except UserError as exc:
            for label in (self.subtotal, self.tax, self.total):
                label.setText("—")
            # An untouched form is not an error yet.
            self.problem.setText("" if not self.lines.lines() else str(exc))
            return
        self.problem.setText("")
        self.subtotal.setText(money.shown_amount(totals.subtotal, currency))
        self.tax.setText(money.shown_amount(totals.tax_amount, currency))
        self.total.setText(money.shown_amount(totals.total, currency))

    def action(self):
        if self.buyer.currentIndex() < 0:
            raise ValidationError(self.tr("Choose the buyer."))
        self.totals()  # refuse here what cannot add up
        buyer, lines = self.buyer.currentData(), self.lines.lines()
        currency, rate, due = self.currency.currentText(), self.kdv.currentData(), pydate(self.due)
        notes = self.notes.text()

        def work(session, actor):
            invoice = billing.create_invoice(
                session, actor, buyer, lines, currency, rate, due_date=due, notes=notes or None
            )
            return invoice.id

        return work, lambda invoice_id: self.tr("Draft invoice #{id} created.").format(
            id=invoice_id
        )


class PaymentDialog(ServiceDialog):
    def __init__(self, tab: BusyTab, invoice):
        super().__init__(
            tab,
            translate("PaymentDialog", "Record payment for {number}").format(number=invoice.number),
        )
        self.invoice = invoice
        self.form.addRow(
            self.tr("Still owed:"),
            QtWidgets.QLabel(money.shown_amount(invoice.outstanding, invoice.currency)),
        )
        self.method = QtWidgets.QComboBox()
        self.method.addItem(self.tr("Bank transfer"), "transfer")
        self.method.addItem(self.tr("Card"), "card")
        self.form.addRow(self.tr("Method:"), self.method)
        self.provider = QtWidgets.QComboBox()
        self.provider.setEditable(True)
        self.provider.addItems(["bank", "iyzico", "paytr", "stripe"])
        self.form.addRow(self.tr("Provider:"), self.provider)
        self.reference = QtWidgets.QLineEdit()
        self.reference.setPlaceholderText(self.tr("The bank's or card provider's transaction id"))
        self.form.addRow(self.tr("Reference:"), self.reference)
        self.amount = QtWidgets.QLineEdit(money.shown_amount(invoice.outstanding))
        self.amount.setAlignment(RIGHT)
        self.form.addRow(
            self.tr("Amount ({currency}):").format(currency=invoice.currency), self.amount
        )
        self.fee = QtWidgets.QLineEdit("0,00")
        self.fee.setAlignment(RIGHT)
        self.form.addRow(self.tr("Fee ({currency}):").format(currency=invoice.currency), self.fee)
        self.finish_form()
        self.method.currentIndexChanged.connect(self._method_changed)

    def _method_changed(self, _index) -> None:
        if self.provider.currentText() in DEFAULT_PROVIDERS.values():
            self.provider.setCurrentText(DEFAULT_PROVIDERS[self.method.currentData()])

    def after(self) -> None:
        self.tab.refresh_pdf(self.invoice)

    def action(self):
        invoice = self.invoice
        method, provider = self.method.currentData(), self.provider.currentText()
        reference, amount, fee = self.reference.text(), self.amount.text(), self.fee.text() or "0"

        def work(session, actor):
            billing.record_payment(
                session, actor, invoice.id, provider, reference, method, amount, fee=fee
            )
            return money.shown_amount(money.to_decimal(amount, "amount"), invoice.currency)

        return work, lambda shown: self.tr("Payment of {amount} recorded for {number}.").format(
            amount=shown, number=invoice.number
        )


@dataclass(frozen=True)
class PaymentView:
    id: int
    method: str
    provider: str
    provider_ref: str
    currency: str
    amount: Decimal
    refunded: Decimal
    status: str
    processed_at: dt.datetime | None

    @property
    def left(self) -> Decimal:
        return self.amount - self.refunded


class RefundDialog(ServiceDialog):
    def __init__(self, tab: BusyTab, invoice, payments: list[PaymentView]):
        super().__init__(
            tab,
            translate("RefundDialog", "Refund a payment of {number}").format(number=invoice.number),
        )
        self.invoice = invoice
        self.payments = payments
        self.payment = QtWidgets.QComboBox()
        self.payment.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        for p in payments:
            text = self.tr("#{id} {ref}, {when}: {amount}").format(
                id=p.id,
                ref=p.provider_ref,
                when=timefmt.day(p.processed_at, tab.user_zone()) if p.processed_at else "",
                amount=money.shown_amount(p.amount, p.currency),
            )
            if p.refunded:
                text += self.tr(" ({refunded} refunded)").format(
                    refunded=money.shown_amount(p.refunded, p.currency)
                )
            self.payment.addItem(text, p.id)
        self.form.addRow(self.tr("Payment:"), self.payment)
        self.amount = QtWidgets.QLineEdit()
        self.amount.setAlignment(RIGHT)
        self.form.addRow(
            self.tr("Amount ({currency}):").format(currency=invoice.currency), self.amount
        )
        self.reason = QtWidgets.QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the money goes back"))
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.finish_form()
        self.payment.currentIndexChanged.connect(self._payment_changed)
        self._payment_changed(0)

    def _payment_changed(self, index) -> None:
        if 0 <= index < len(self.payments):
            self.amount.setText(money.shown_amount(self.payments[index].left))

    def after(self) -> None:
        self.tab.refresh_pdf(self.invoice)

    def action(self):
        payment_id, amount, reason = (
            self.payment.currentData(),
            self.amount.text(),
            self.reason.text(),
        )
        currency = self.invoice.currency

        def work(session, actor):
            billing.refund_payment(session, actor, payment_id, amount, reason)
            return money.shown_amount(money.to_decimal(amount, "amount"), currency)

        return work, lambda shown: self.tr("{amount} of payment #{id} refunded.").format(
            amount=shown, id=payment_id
        )


class CancelDialog(ServiceDialog):
    def __init__(self, tab: BusyTab, invoice, label: str):
        super().__init__(
            tab, translate("CancelDialog", "Cancel invoice {label}").format(label=label)
        )
        self.invoice, self.label = invoice, label
        note = QtWidgets.QLabel(
            self.tr("An issued invoice keeps its number; payments must be refunded first.")
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.reason = QtWidgets.QLineEdit()
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.finish_form()

    def after(self) -> None:
        self.tab.refresh_pdf(self.invoice)

    def action(self):
        invoice_id, reason = self.invoice.id, self.reason.text()
        return (
            lambda s, a: billing.cancel_invoice(s, a, invoice_id, reason).id,
            self.tr("Invoice {label} cancelled.").format(label=self.label),
        )


@dataclass(frozen=True)
class InvoiceView:
    invoices: list
    people: list


def open_with_desktop(path: Path) -> bool:
    return QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))


class InvoicesTab(BusyTab):
    STATUSES = ("draft", "sent", "overdue", "paid", "cancelled")

    def headers(self):
        return [self.tr("Number"), self.tr("Buyer"), self.tr("Date"), self.tr("Due"),
                self.tr("Total"), self.tr("Status"), self.tr("Paid"),
                self.tr("Balance")]  # fmt: skip

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.all_rows: list = []
        self.companies: dict[str, str] = {}  # buyer's e-mail -> company name
        self.open_file = open_with_desktop  # tests look at the file instead
        filters = QtWidgets.QHBoxLayout()
        self.status_filter = QtWidgets.QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in self.STATUSES:
            self.status_filter.addItem(self.status_text(status), status)
        self.currency_filter = QtWidgets.QComboBox()
        self.currency_filter.addItem(self.tr("All currencies"), None)
        for currency in money.CURRENCIES:
            self.currency_filter.addItem(currency, currency)
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number or buyer"))
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.currency_filter)
        filters.addWidget(self.search, 1)
        self.layout().insertLayout(1, filters)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.currency_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.search.textChanged.connect(lambda _t: self.apply_filters())
        self.add_button(self.tr("New invoice…"), self.on_new)
        self.issue_button = self.add_button(self.tr("Issue"), self.on_issue)
        self.pay_button = self.add_button(self.tr("Record payment…"), self.on_record_payment)
        self.refund_button = self.add_button(self.tr("Refund…"), self.on_refund)
        self.cancel_button = self.add_button(self.tr("Cancel…"), self.on_cancel)
        self.pdf_button = self.add_button(self.tr("Open PDF"), self.on_open_pdf)
        # The invoice is a Turkish tax document; English is a copy for a foreign buyer.
        self.pdf_language = QtWidgets.QComboBox()
        for code in ("tr", "en"):
            self.pdf_language.addItem(LANGUAGES[code], code)
        self.pdf_language.setToolTip(
            self.tr(
                "Language of the PDF: the Turkish invoice, or an English copy for a foreign "
                "buyer that names the Turkish original"
            )
        )
        self.buttons.addWidget(self.pdf_language)
        self.buttons.addStretch(1)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.setWordWrap(False)  # a long company name is elided, the row stays one line
        self._selection_changed()

    def status_text(self, status: str) -> str:
        return {
            "draft": self.tr("draft"),
            "sent": self.tr("sent"),
            "overdue": self.tr("overdue"),
            "paid": self.tr("paid"),
            "cancelled": self.tr("cancelled"),
        }.get(status, status)

    def label(self, invoice) -> str:
        return invoice.number or self.tr("draft #{id}").format(id=invoice.id)

    def reload(self) -> None:
        def work(session, actor):
            return InvoiceView(billing.list_invoices(session), users.list_users(session, actor))

        self.run(work, self.show_invoices)

    def show_invoices(self, view: InvoiceView) -> None:
        self.all_rows, self.people = view.invoices, view.people
        self.companies = {p.email: p.company_name for p in view.people if p.company_name}
        self.apply_filters()

    def buyer(self, invoice) -> str:
        """The company, else the e-mail (the tooltip and the search have both)."""
        email = invoice.buyer_email or ""
        return self.companies.get(email, email)

    def apply_filters(self) -> None:
        status, currency = self.status_filter.currentData(), self.currency_filter.currentData()
        text = self.search.text()
        self.rows = [
            r
            for r in self.all_rows
            if (status is None or r.status == status)
            and (currency is None or r.currency == currency)
            and matches(text, f"{self.label(r)} {self.buyer(r)} {r.buyer_email}")
        ]
        zone = self.user_zone()
        fill_table(
            self.table,
            [
                [
                    self.label(r),
                    self.buyer(r),
                    timefmt.day(r.issued_at, zone),
                    timefmt.day(r.due_date),
                    money.shown_amount(r.total, r.currency),
                    self.status_text(r.status),
                    money.shown_amount(r.total - r.outstanding, r.currency),
                    "–"
                    if r.status == "cancelled"
                    else money.shown_amount(r.outstanding, r.currency),
                ]
                for r in self.rows
            ],
        )
        for number, row in enumerate(self.rows):
            self.table.item(number, 1).setToolTip(f"{self.buyer(row)}\n{row.buyer_email or ''}")
            for column in (4, 6, 7):
                self.table.item(number, column).setTextAlignment(RIGHT)
            status = self.table.item(number, 5)
            status.setForeground(QtGui.QColor(INVOICE_COLOURS.get(row.status, "#1b1b1b")))
            if row.status in ("overdue", "paid"):
                font = status.font()
                font.setBold(True)
                status.setFont(font)
        # The buyer takes the spare width; the money columns keep theirs.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.table.columnCount()):
            # A stretched section ignores resizeColumnToContents: interactive first.
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Interactive)
            self.table.resizeColumnToContents(column)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self._selection_changed()

    def current(self):
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selection_changed(self) -> None:
        row = self.current()
        status = row.status if row else None
        self.issue_button.setEnabled(status == "draft")
        self.pay_button.setEnabled(status in ("sent", "overdue"))
        self.refund_button.setEnabled(row is not None and row.total > row.outstanding)
        self.cancel_button.setEnabled(status in ("draft", "sent", "overdue"))
        self.pdf_button.setEnabled(status is not None and status != "draft")
        self.pdf_language.setEnabled(self.pdf_button.isEnabled())

    def on_new(self) -> None:
        self.open_dialog(InvoiceDialog(self, self.people))

    def on_issue(self) -> None:
        row = self.selected()
        if row is None:
            return

        def issued(number):
            self.banner.show_message(
                self.tr("Draft #{id} issued as {number}.").format(id=row.id, number=number),
                "success",
            )
            self.reload()

        self.run(lambda s, a: billing.issue_invoice(s, a, row.id).invoice_number, issued)

    def on_record_payment(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.status not in ("sent", "overdue"):
            self.banner.show_message(
                self.tr("Invoice {label} is {status}; payments are recorded for issued, "
                        "unpaid invoices.").format(label=self.label(row),
                                                   status=self.status_text(row.status)),
                "warning",
            )  # fmt: skip
            return
        self.open_dialog(PaymentDialog(self, row))

    def on_refund(self) -> None:
        row = self.selected()
        if row is None:
            return

        def work(session, _actor):
            return [
                PaymentView(p.id, p.method, p.provider, p.provider_ref, p.currency, p.amount,
                            p.refund_amount or Decimal("0.00"), p.status, p.processed_at)
                for p in billing.list_payments(session, row.id)
                if p.status in billing.SETTLING
            ]  # fmt: skip

        def show(payments):
            refundable = [p for p in payments if p.left > 0]
            if not refundable:
                self.banner.show_message(
                    self.tr("Invoice {label} has no payment left to refund.").format(
                        label=self.label(row)
                    ),
                    "warning",
                )
                return
            self.open_dialog(RefundDialog(self, row, refundable))

        self.run(work, show)

    def on_cancel(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_dialog(CancelDialog(self, row, self.label(row)))

    def refresh_pdf(self, invoice) -> None:
        """A stored PDF shows the invoice as it was drawn: after a payment, refund or
        cancellation, draw it again (in the background; a failure only warns)."""
        if not invoice.has_pdf:
            return  # drawn when first opened
        try:
            from cncworkbench.services.commerce import invoice_pdf
        except ImportError:
            return
        store = self.workspace.context.store
        self.run(
            lambda s, a: invoice_pdf.ensure_pdf(s, store, a, invoice.id),
            lambda _key: None,
            failed=lambda text: self.banner.show_message(
                self.tr("The PDF of {label} was not updated: {error}").format(
                    label=self.label(invoice), error=text
                ),
                "warning",
            ),
        )

    def on_open_pdf(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.status == "draft":
            self.banner.show_message(self.tr("A draft has no PDF yet; issue it first."), "warning")
            return
        try:
            from cncworkbench.services.commerce import invoice_pdf
        except ImportError:
            self.banner.show_message(
                self.tr("Invoice PDFs are not available in this version."), "error"
            )
            return
        context = self.workspace.context
        store, folder = context.store, Path(context.settings.data_dir) / "invoices"
        language = self.pdf_language.currentData()
        self.banner.show_message(
            self.tr("Preparing the PDF of {label}…").format(label=self.label(row)), "info"
        )

        def work(session, actor):
            # Turkish: the stored original, drawn and stored first when there is none yet;
            # another language: a copy drawn now, not stored
            return invoice_pdf.download_pdf(session, store, row.id, folder, actor, language)

        def done(path):
            self.reload()  # it has a PDF now
            self.banner.show_message(self.tr("Opened {path}.").format(path=path), "success")
            if not self.open_file(Path(path)):
                self.banner.show_message(
                    self.tr("Saved {path}; no program here opens PDFs.").format(path=path),
                    "warning",
                )

        self.run(work, done)
