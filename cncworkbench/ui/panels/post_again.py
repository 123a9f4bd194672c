""" "Post for another machine…": a CAM run's toolpaths posted again from the CAM Setup panel.

The engineer picks one of the model's CAM runs, another machine and a work offset; the
dialog checks in the background whether the machine can run the program (travel, axes,
spindle range, tools, license) and shows why not before anything is queued. "Post" queues
a ``gcode_post`` job that runs the other machine's post-processor on the saved CAM
document, without recomputing the toolpaths.
"""

from __future__ import annotations

from cncworkbench.services.machining import cam_post
from cncworkbench.ui.i18n import translate
from cncworkbench.ui.qt import QtWidgets, exec_
from cncworkbench.ui.tasks import run_task

ERROR, WARNING, OK = "#a40000", "#ce5c00", "#4e9a06"


class PostDialog(QtWidgets.QDialog):
    """Run, machine and work offset; the verdict on the machine; Post."""

    def __init__(self, panel, runs: list[cam_post.RunRow], machines: list[dict], parent=None):
        super().__init__(parent or panel)
        self.panel = panel
        self.check_result: cam_post.PostCheck | None = None
        self._asked = 0
        self.setWindowTitle(self.tr("Post for another machine"))
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(
            self.tr(
                "The toolpaths of a CAM run are posted again with another machine's "
                "post-processor and work offset, without recomputing them. The new program "
                "is checked like any other and gets its own CAM run."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QtWidgets.QFormLayout()
        self.run = QtWidgets.QComboBox()
        for row in runs:
            self.run.addItem(row.describe(), row.id)
        form.addRow(self.tr("CAM run:"), self.run)
        self.machine = QtWidgets.QComboBox()
        for machine in machines:
            text = f"{machine['name']} — {machine.get('controller') or ''} " + (
                f"({machine['post_processor']})"
            )
            self.machine.addItem(text, machine["id"])
        form.addRow(self.tr("Machine:"), self.machine)
        self.work_offset = QtWidgets.QComboBox()
        self.work_offset.addItems(list(cam_post.WORK_OFFSETS))
        form.addRow(self.tr("Work offset:"), self.work_offset)
        layout.addLayout(form)
        self.verdict = QtWidgets.QLabel(self.tr("Checking…"))
        self.verdict.setWordWrap(True)
        self.verdict.setMinimumHeight(60)
        layout.addWidget(self.verdict)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.post_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.post_button.setText(self.tr("Post"))
        self.post_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        for combo in (self.run, self.machine, self.work_offset):
            combo.currentIndexChanged.connect(lambda _i: self.recheck())
        self.recheck()

    def select(self, run_id: int | None = None, machine: str | None = None, offset=None) -> None:
        """Pick a run (by id), a machine (by part of its name) and a work offset."""
        if run_id is not None:
            self.run.setCurrentIndex(self.run.findData(run_id))
        if machine is not None:
            for index in range(self.machine.count()):
                if machine.lower() in self.machine.itemText(index).lower():
                    self.machine.setCurrentIndex(index)
                    break
            else:
                raise ValueError(f"no machine like {machine!r}")
        if offset is not None:
            self.work_offset.setCurrentText(offset)

    def choice(self) -> tuple[int, int, str]:
        return self.run.currentData(), self.machine.currentData(), self.work_offset.currentText()

    def recheck(self) -> None:
        """Ask, off the Qt thread, whether the machine can run the program."""
        run_id, machine_id, offset = self.choice()
        self.post_button.setEnabled(False)
        if run_id is None or machine_id is None:
            self.verdict.setText(self.tr("Pick a CAM run and a machine."))
            return
        self._asked += 1
        asked = self._asked
        user, store = self.panel.workspace.user, self.panel.workspace.context.store
        self.verdict.setText(self.tr("Checking the machine against the program…"))

        def work(_report):
            with user.db.session() as session:
                return cam_post.check_post(session, store, run_id, machine_id, offset)

        def done(check: cam_post.PostCheck) -> None:
            if asked == self._asked:  # an older answer is dropped
                self.show_check(check)

        def failed(exc) -> None:
            if asked == self._asked:
                self.check_result = None
                self.verdict.setText(f"<span style='color:{ERROR}'>{_escape(str(exc))}</span>")

        run_task(self, work, done, failed)

    def show_check(self, check: cam_post.PostCheck) -> None:
        self.check_result = check
        items = [f"<li style='color:{ERROR}'>{_escape(m)}</li>" for m in check.errors]
        items += [f"<li style='color:{WARNING}'>{_escape(m)}</li>" for m in check.warnings]
        if check.errors:
            head = self.tr("{machine} cannot run this program:").format(
                machine=_escape(check.machine)
            )
        else:
            head = self.tr("✓ {machine} can run this program ({post} post, {offset}).").format(
                machine=_escape(check.machine), post=check.post_processor, offset=check.work_offset
            )
        colour = ERROR if check.errors else OK
        html = f"<b style='color:{colour}'>{head}</b>"
        if items:
            html += "<ul style='margin:2px'>" + "".join(items) + "</ul>"
        self.verdict.setText(html)
        self.post_button.setEnabled(not check.errors)
        self.adjustSize()  # the reasons may need more lines than the last verdict


def start(panel) -> None:
    """The CAM panel's "Post for another machine…" button: the model's runs, then ask."""
    model_id = panel.model_combo.currentData()
    if not model_id:
        panel.banner.show_message(
            translate(
                "PostDialog", "Pick the model version whose CAM run to post (Stock && holding tab)."
            ),
            "warning",
        )
        return
    user = panel.workspace.user

    def work(_report):
        with user.db.session() as session:
            return cam_post.runs_of_model(session, user.actor, model_id)

    def loaded(runs) -> None:
        panel.set_busy(False)
        runs = [row for row in runs if row.has_document]
        if not runs:
            panel.banner.show_message(
                translate(
                    "PostDialog", "This model version has no CAM run to post again: run CAM first."
                ),
                "warning",
            )
            return
        dialog = PostDialog(panel, runs, panel.data.get("machines", []))
        if exec_(dialog) == QtWidgets.QDialog.DialogCode.Accepted:
            submit(panel, *dialog.choice())

    panel.set_busy(True)
    run_task(panel, work, loaded, panel.show_error)


def submit(panel, run_id: int, machine_id: int, work_offset: str) -> None:
    """Queue the gcode_post job (refused with the reasons when the machine cannot)."""
    user, store = panel.workspace.user, panel.workspace.context.store

    def work(_report):
        with user.db.session() as session:
            return cam_post.submit_post(session, user.actor, store, run_id, machine_id, work_offset)

    def queued(job_id: int) -> None:
        panel.set_busy(False)
        panel.workspace.ensure_worker()
        panel.banner.show_message(
            translate("PostDialog", "Post job #{id} queued: follow it in the Jobs panel.").format(
                id=job_id
            ),
            "info",
        )

    panel.set_busy(True)
    run_task(panel, work, queued, panel.show_error)


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
