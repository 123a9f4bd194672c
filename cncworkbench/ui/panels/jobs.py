"""Jobs: my jobs with live progress, cancel and retry, their artefacts; notifications.

Progress arrives as PostgreSQL notifications (``cnc_job_events``) on a listener thread;
when none arrive the panel polls every few seconds. Everything touching the database or
the store runs off the Qt thread.
"""

from __future__ import annotations

from pathlib import Path

from cncworkbench.core import timefmt
from cncworkbench.services.jobs import jobs
from cncworkbench.services.jobs.job_events import JobEventListener
from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP
from cncworkbench.ui.qt import QtCore, QtGui, QtWidgets, Signal
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.terms import term
from cncworkbench.ui.widgets import Panel, fit_columns, human_size, table

POLL_MS = 3000
STATUS_COLOURS = {
    "completed": "#4e9a06",
    "failed": "#a40000",
    "cancelled": "#888a85",
    "running": "#3465a4",
}


class JobEvents(QtCore.QObject):
    """Job events from the listener thread, re-emitted on the GUI thread."""

    event = Signal(dict)

    def __init__(self, url: str, parent=None):
        super().__init__(parent)
        self._listener = JobEventListener(url, self.event.emit)

    @property
    def connected(self) -> bool:
        return self._listener.connected

    def stop(self) -> None:
        self._listener.stop()


class JobsPanel(Panel):
    title_text = QT_TRANSLATE_NOOP("Panels", "Jobs")
    icon_name = "Jobs"
    badge_changed = Signal(int)

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.rows: list[jobs.JobSummary] = []
        self.events: JobEvents | None = None
        self.unread = 0

        self.tabs = QtWidgets.QTabWidget()
        jobs_page = QtWidgets.QWidget()
        jobs_layout = QtWidgets.QVBoxLayout(jobs_page)
        buttons = QtWidgets.QHBoxLayout()
        self.everyone = QtWidgets.QCheckBox(self.tr("Everyone's jobs"))
        self.everyone.toggled.connect(lambda _on: self.reload())
        buttons.addWidget(self.everyone)
        buttons.addStretch(1)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.on_cancel)
        self.retry_button = QtWidgets.QPushButton(self.tr("Retry"))
        self.retry_button.clicked.connect(self.on_retry)
        self.artefacts_button = QtWidgets.QPushButton(self.tr("Artefacts…"))
        self.artefacts_button.clicked.connect(self.on_artefacts)
        for button in (self.cancel_button, self.retry_button, self.artefacts_button):
            buttons.addWidget(button)
        jobs_layout.addLayout(buttons)
        self.table = table(
            [self.tr("Job"), self.tr("Type"), self.tr("Status"), self.tr("Progress"),
             self.tr("Started"), self.tr("Duration"), self.tr("Error")]
        )  # fmt: skip
        self.table.itemSelectionChanged.connect(self._update_buttons)
        jobs_layout.addWidget(self.table, 1)
        self.tabs.addTab(jobs_page, self.tr("My jobs"))

        notes_page = QtWidgets.QWidget()
        notes_layout = QtWidgets.QVBoxLayout(notes_page)
        self.notes = QtWidgets.QListWidget()
        self.notes.setWordWrap(True)
        notes_layout.addWidget(self.notes, 1)
        notes_buttons = QtWidgets.QHBoxLayout()
        notes_buttons.addStretch(1)
        self.mark_read_button = QtWidgets.QPushButton(self.tr("Mark all read"))
        self.mark_read_button.clicked.connect(self.on_mark_read)
        notes_buttons.addWidget(self.mark_read_button)
        notes_layout.addLayout(notes_buttons)
        self.tabs.addTab(notes_page, self.tr("Notifications"))
        self.body.addWidget(self.tabs, 1)

        self.poll = QtCore.QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._poll)
        self._update_buttons()

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.can_load():
            self.poll.stop()
            return
        self._ensure_events()
        self.poll.start()
        self.load()

    def _ensure_events(self) -> None:
        if self.events is None and self.workspace.context is not None:
            self.events = JobEvents(self.workspace.context.client_url, self)
            self.events.event.connect(self._on_event)

    def _poll(self) -> None:
        # With notifications flowing, the list updates itself; polling is the fallback.
        if not (self.events and self.events.connected) or any(
            row.status in ("queued", "running", "pending") for row in self.rows
        ):
            self.load()

    def load(self) -> None:
        if not self.can_load():
            return
        user, everyone = self.workspace.user, self.everyone.isChecked()

        def work(_report):
            with user.db.session() as session:
                return (
                    jobs.list_jobs(session, user.actor, mine=not everyone),
                    jobs.notifications(session, user.actor),
                )

        run_task(self, work, self._show, self.show_error)

    def _on_event(self, payload: dict) -> None:
        user = self.workspace.user
        if user is None:
            return
        if payload.get("user_id") == user.user_id or self.everyone.isChecked():
            for number, row in enumerate(self.rows):
                if row.id == payload.get("id") and row.status == payload.get("status"):
                    self._set_progress(number, int(payload.get("progress") or 0), row.status)
                    return
            self.load()  # a new job, or a change of state: read it all again

    def _show(self, result) -> None:
        rows, notes = result
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        zone = self.workspace.user.timezone if self.workspace.user else None
        for number, row in enumerate(rows):
            duration = row.duration
            values = [
                str(row.id), term("JobTypes", row.type), self.state_text(row), "",
                timefmt.short(row.started_at, zone),
                f"{duration.total_seconds():.0f} s" if duration is not None else "",
                row.error_message if row.status != "completed" and row.error_message else "",
            ]  # fmt: skip
            for column, value in enumerate(values):
                item = QtWidgets.QTableWidgetItem(value)
                if column == 2 and row.status in STATUS_COLOURS:
                    item.setForeground(QtGui.QColor(STATUS_COLOURS[row.status]))
                if column == 6 and value:
                    item.setToolTip(value)
                self.table.setItem(number, column, item)
            self._set_progress(number, row.progress, row.status)
            if selected is not None and row.id == selected.id:
                self.table.selectRow(number)
        fit_columns(self.table)
        self._show_notes(notes)
        self._update_buttons()

    def state_text(self, row: jobs.JobSummary) -> str:
        if row.status == "running" and not row.cancel_requested and row.next_attempt_at:
            return self.tr("retrying ({count}/{most})").format(
                count=row.retry_count, most=row.max_retries
            )
        return term("JobStates", row.state_text)

    def _set_progress(self, number: int, percent: int, status: str) -> None:
        bar = self.table.cellWidget(number, 3)
        if not isinstance(bar, QtWidgets.QProgressBar):
            bar = QtWidgets.QProgressBar()
            bar.setRange(0, 100)
            bar.setFormat("%p %")
            bar.setMaximumHeight(18)
            self.table.setCellWidget(number, 3, bar)
        bar.setValue(100 if status == "completed" else percent)

    def note_text(self, note) -> tuple[str, str]:
        """(title, message) in the language shown: the database writes a job's end in
        English (``job.completed``…), from codes kept in ``data`` that we can word here."""
        data = note.data or {}
        status = data.get("status")
        if not note.type.startswith("job.") or status is None or "job_id" not in data:
            return note.title, note.message
        title = self.tr("{kind} job {number} {status}").format(
            kind=term("JobTypes", data.get("type", "")),
            number=data["job_id"],
            status=term("JobStates", status),
        )
        if status == "completed":
            message = self.tr("Finished successfully.")
        elif status == "cancelled":
            message = self.tr("Cancelled as requested.")
        elif note.message == "Failed.":
            message = self.tr("Failed.")
        else:
            message = note.message  # the failure's words, in the language of the job's owner
        return title, message

    def _show_notes(self, notes) -> None:
        self.notes.clear()
        zone = self.workspace.user.timezone if self.workspace.user else None
        for note in notes:
            title, message = self.note_text(note)
            item = QtWidgets.QListWidgetItem(
                f"{timefmt.short(note.created_at, zone)}  {title}\n{message}"
            )
            if not note.is_read:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if note.severity == "error":
                item.setForeground(QtGui.QColor("#a40000"))
            self.notes.addItem(item)
        unread = sum(1 for note in notes if not note.is_read)
        self.tabs.setTabText(1, self.tr("Notifications") + (f" ({unread})" if unread else ""))
        if unread != self.unread:
            self.unread = unread
            self.badge_changed.emit(unread)

    # -- actions --------------------------------------------------------------------------
    def selected(self) -> jobs.JobSummary | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.cancel_button.setEnabled(row is not None and row.status not in jobs.TERMINAL)
        self.retry_button.setEnabled(row is not None and row.status in ("failed", "cancelled"))
        self.artefacts_button.setEnabled(row is not None)

    def _act(self, work, message) -> None:
        """``work(session, actor)`` as the user; then ``message(result)`` in the banner."""
        user = self.workspace.user

        def task(_report):
            with user.db.session() as session:
                return work(session, user.actor)

        def done(result):
            self.banner.show_message(message(result), "success")
            self.load()

        run_task(self, task, done, self.show_error)

    def on_cancel(self) -> None:
        row = self.selected()
        if row is not None:
            self._act(
                lambda s, a: jobs.cancel_job(s, a, row.id),
                lambda state: self.tr("Job {id}: {state}.").format(id=row.id, state=state),
            )

    def on_retry(self) -> None:
        row = self.selected()
        if row is not None:
            self._act(
                lambda s, a: jobs.retry_job(s, a, row.id),
                lambda new: self.tr("Job {id} queued again as job {new}.").format(
                    id=row.id, new=new
                ),
            )

    def on_mark_read(self) -> None:
        self._act(
            lambda s, a: jobs.mark_read(s, a),
            lambda count: self.tr("{count} notifications marked read.").format(count=count),
        )

    def on_artefacts(self) -> None:
        row = self.selected()
        if row is None:
            return
        user = self.workspace.user

        def work(_report):
            with user.db.session() as session:
                return jobs.get_job(session, user.actor, row.id)

        run_task(self, work, self._show_artefacts, self.show_error)

    def _show_artefacts(self, detail: jobs.JobDetail) -> None:
        dialog = ArtefactsDialog(detail, self.workspace, self)
        dialog.show()
        self._artefacts_dialog = dialog  # keep it alive

    def stop(self) -> None:
        self.poll.stop()
        if self.events is not None:
            self.events.stop()


class ArtefactsDialog(QtWidgets.QDialog):
    """A job's files, each downloadable (checked against its SHA-256)."""

    def __init__(self, detail: jobs.JobDetail, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.detail = detail
        self.setWindowTitle(self.tr("Job {id}: artefacts").format(id=detail.summary.id))
        layout = QtWidgets.QVBoxLayout(self)
        self.list = QtWidgets.QListWidget()
        for artefact in detail.artefacts:
            self.list.addItem(
                f"{artefact.name}  ({artefact.type}, {human_size(artefact.file_size)})"
            )
        if not detail.artefacts:
            self.list.addItem(self.tr("This job made no files."))
        layout.addWidget(self.list)
        self.status = QtWidgets.QLabel()
        layout.addWidget(self.status)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        self.download_button = QtWidgets.QPushButton(self.tr("Download…"))
        self.download_button.setEnabled(bool(detail.artefacts))
        self.download_button.clicked.connect(self.on_download)
        buttons.addWidget(self.download_button)
        close = QtWidgets.QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(520, 300)

    def choose_target(self, artefact) -> str:
        path, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Save artefact"), artefact.name
        )
        return path

    def on_download(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.detail.artefacts):
            return
        artefact = self.detail.artefacts[row]
        target = self.choose_target(artefact)
        if not target:
            return
        store = self.workspace.context.store

        def work(_report):
            return store.get_file(
                artefact.s3_key, Path(target), artefact.sha256, artefact.file_size
            )

        run_task(
            self,
            work,
            lambda path: self.status.setText(self.tr("Saved {path}.").format(path=path)),
            lambda exc: self.status.setText(str(exc)),
        )
