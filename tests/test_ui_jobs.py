"""The Jobs panel with the workbench's own in-process worker: live progress, cancel,
retry, artefacts, notifications and the badge (PySide6 offscreen, real database)."""

from __future__ import annotations

import pytest

from cncworkbench.services.access import identity
from cncworkbench.services.jobs import jobs
from cncworkbench.ui.app import MainWindow
from cncworkbench.ui.i18n import speaking
from cncworkbench.ui.tasks import wait_for_tasks
from cncworkbench.ui.workspace import Workspace
from tests.support.people import PASSWORD, app_url, make_user
from tests.support.queue import prepare
from tests.support.screens import save_screenshot

WAIT_MS = 30000


@pytest.fixture
def window(qtbot, db, pg_cluster, monkeypatch):
    worker_url = prepare(db, pg_cluster)
    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    monkeypatch.setenv("CNC_WORKER_DATABASE_URL", worker_url)
    monkeypatch.setenv("CNC_JOB_HANDLERS", "tests.support.job_plugins")
    make_user(db, "muhendis@atolye.example", "engineer")
    workspace = Workspace()
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    workspace.open()
    qtbot.waitUntil(lambda: workspace.is_ready, timeout=WAIT_MS)
    workspace.set_user(identity.sign_in(workspace.context, "muhendis@atolye.example", PASSWORD))
    main.show_panel("jobs")
    yield main
    main.panels["jobs"].stop()
    wait_for_tasks()
    workspace.close()


def submit(window, params, **options) -> int:
    user = window.workspace.user
    with user.db.session() as session:
        return jobs.submit_job(session, user.actor, "sim_run", params, **options)


def status_of(panel, job_id) -> str | None:
    return next((row.status for row in panel.rows if row.id == job_id), None)


def progress_of(panel, job_id) -> int:
    return next((row.progress for row in panel.rows if row.id == job_id), 0)


def row_of(panel, job_id):
    for number, row in enumerate(panel.rows):
        if row.id == job_id:
            return number, row
    return None, None


def test_jobs_run_here_with_live_progress_and_a_badge(qtbot, window):
    panel = window.panels["jobs"]
    qtbot.waitUntil(lambda: window.workspace.worker is not None, timeout=WAIT_MS)
    assert window.worker_label.text() == "Jobs run on this computer (no worker was running)."
    job_id = submit(window, {"op": "sleep", "seconds": 3})
    seen = set()

    def progressing():
        number, row = row_of(panel, job_id)
        if number is not None:
            seen.add(panel.table.cellWidget(number, 3).value())
        return row is not None and row.status == "completed"

    qtbot.waitUntil(progressing, timeout=WAIT_MS)
    assert len([value for value in seen if 0 < value < 100]) >= 2  # moved while it ran
    number, _row = row_of(panel, job_id)
    assert panel.table.cellWidget(number, 3).value() == 100
    qtbot.waitUntil(lambda: window.navigation.item(4).text() == "Jobs (1)", timeout=WAIT_MS)
    panel.tabs.setCurrentIndex(1)
    assert panel.notes.count() == 1 and "completed" in panel.notes.item(0).text()
    save_screenshot(window, "jobs_notifications")
    # the database words a job's end in English; a Turkish reader gets it in Turkish
    with window.workspace.user.db.session() as session:
        (note,) = jobs.notifications(session, window.workspace.user.actor)
    assert note.title == f"sim run job {job_id} completed"
    with speaking("tr"):
        title, message = panel.note_text(note)
    assert (title, message) == (f"simülasyon işi {job_id} tamamlandı", "Başarıyla tamamlandı.")
    panel.on_mark_read()
    qtbot.waitUntil(lambda: window.navigation.item(4).text() == "Jobs", timeout=WAIT_MS)


def test_cancel_a_running_job_and_retry_a_failed_one(qtbot, window):
    panel = window.panels["jobs"]
    qtbot.waitUntil(lambda: window.workspace.worker is not None, timeout=WAIT_MS)
    running = submit(window, {"op": "sleep", "seconds": 60})
    qtbot.waitUntil(lambda: progress_of(panel, running) > 0, timeout=WAIT_MS)
    panel.table.selectRow(row_of(panel, running)[0])
    assert panel.cancel_button.isEnabled() and not panel.retry_button.isEnabled()
    panel.on_cancel()
    qtbot.waitUntil(lambda: status_of(panel, running) == "cancelled", timeout=WAIT_MS)
    failing = submit(window, {"op": "invalid"}, max_retries=0)
    qtbot.waitUntil(lambda: status_of(panel, failing) == "failed", timeout=WAIT_MS)
    number, _row = row_of(panel, failing)
    assert panel.table.item(number, 6).text() == "the part is not a solid"
    panel.table.selectRow(number)
    assert panel.retry_button.isEnabled()
    panel.on_retry()
    qtbot.waitUntil(lambda: "queued again as job" in panel.banner.text(), timeout=WAIT_MS)
    save_screenshot(window, "jobs_list")


def test_a_jobs_artefacts_can_be_downloaded(qtbot, window, tmp_path, monkeypatch):
    panel = window.panels["jobs"]
    qtbot.waitUntil(lambda: window.workspace.worker is not None, timeout=WAIT_MS)
    job_id = submit(window, {"op": "artefact", "seconds": 0.2})
    qtbot.waitUntil(lambda: status_of(panel, job_id) == "completed", timeout=WAIT_MS)
    panel.table.selectRow(row_of(panel, job_id)[0])
    panel.on_artefacts()
    qtbot.waitUntil(lambda: hasattr(panel, "_artefacts_dialog"), timeout=WAIT_MS)
    dialog = panel._artefacts_dialog
    assert dialog.list.item(0).text().startswith("program.ngc  (gcode,")
    target = tmp_path / "program.ngc"
    monkeypatch.setattr(dialog, "choose_target", lambda artefact: str(target))
    dialog.list.setCurrentRow(0)
    dialog.on_download()
    qtbot.waitUntil(lambda: target.exists(), timeout=WAIT_MS)
    assert target.read_text().endswith("M2\n")
