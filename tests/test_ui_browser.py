"""The Projects & Models panel, driven like a user (PySide6 offscreen, real database and
store)."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from cncworkbench.services.access import identity
from cncworkbench.services.pdm import models as model_service
from cncworkbench.ui.panels.browser import BrowserPanel, UploadDialog
from cncworkbench.ui.tasks import wait_for_tasks
from cncworkbench.ui.workspace import Workspace
from tests.support.people import PASSWORD, app_url, make_user
from tests.support.screens import save_screenshot

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
WAIT_MS = 30000


@pytest.fixture
def browser(qtbot, db, monkeypatch):
    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    make_user(db, "muhendis@atolye.example", "engineer")
    workspace = Workspace()
    panel = BrowserPanel(workspace)
    qtbot.addWidget(panel)
    panel.resize(760, 720)
    panel.show()
    workspace.open()
    qtbot.waitUntil(lambda: workspace.is_ready, timeout=WAIT_MS)
    workspace.set_user(identity.sign_in(workspace.context, "muhendis@atolye.example", PASSWORD))
    yield panel
    wait_for_tasks()
    workspace.close()


def seed(panel, *uploads):
    user, store = panel.workspace.user, panel.workspace.context.store
    for path, project, name in uploads:
        model_service.upload_model(user.db, store, user.actor, path, project, name=name)


def idle(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.busy.isVisible() and panel._task is None, timeout=WAIT_MS)


def top_texts(panel) -> list[str]:
    return [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]


def test_projects_models_versions_and_details(qtbot, browser, tmp_path):
    changed = tmp_path / "flans_plakasi.stl"
    shutil.copy(SAMPLES / "flans_plakasi.stl", changed)
    seed(browser, (SAMPLES / "flans_plakasi.stl", "Flanş işi", "Flanş plakası"),
         (SAMPLES / "flans_plakasi.step", "Kalıp", "Kalıp gövdesi"))  # fmt: skip
    with changed.open("r+b") as handle:  # version 2: the same part, another header
        handle.write(b"revision 2 of the plate")
    seed(browser, (changed, "Flanş işi", "Flanş plakası"))
    browser.reload()
    idle(qtbot, browser)
    assert sorted(top_texts(browser)) == ["Flanş işi", "Kalıp"]
    counts = {
        browser.tree.topLevelItem(i).text(0): browser.tree.topLevelItem(i).text(3) for i in range(2)
    }
    assert counts == {"Flanş işi": "1 model", "Kalıp": "1 model"}  # models, not versions
    project = next(browser.tree.topLevelItem(i) for i in range(2)
                   if browser.tree.topLevelItem(i).text(0) == "Flanş işi")  # fmt: skip
    project.setExpanded(True)
    idle(qtbot, browser)
    assert project.childCount() == 1
    model = project.child(0)
    assert (model.text(0), model.text(1), model.text(2)) == ("Flanş plakası", "2", "STL")
    model.setExpanded(True)
    idle(qtbot, browser)
    assert [model.child(i).text(1) for i in range(model.childCount())] == ["1"]
    browser.tree.setCurrentItem(model)
    qtbot.waitUntil(
        lambda: browser.thumbnail.pixmap() is not None and not browser.thumbnail.pixmap().isNull(),
        timeout=WAIT_MS,
    )
    assert "80.0 × 50.0 × 20.0 mm" in browser.details.text()
    assert "version 2" in browser.details.text()
    save_screenshot(browser, "browser_tree")


def test_search_and_filters(qtbot, browser):
    seed(browser, (SAMPLES / "flans_plakasi.stl", "Flanş işi", "Flanş plakası"),
         (SAMPLES / "flans_plakasi.step", "Kalıp", "ŞAFT YATAĞI"))  # fmt: skip
    browser.search.setText("saft")  # typed without Turkish letters
    qtbot.waitUntil(lambda: top_texts(browser) == ["ŞAFT YATAĞI"], timeout=WAIT_MS)
    browser.search.setText("")
    browser.format_filter.setCurrentIndex(browser.format_filter.findData("STL"))
    qtbot.waitUntil(lambda: top_texts(browser) == ["Flanş plakası"], timeout=WAIT_MS)
    browser.search.setText("yok böyle bir şey")
    qtbot.waitUntil(lambda: top_texts(browser) == ["Nothing matches."], timeout=WAIT_MS)
    save_screenshot(browser, "browser_search")


def test_load_more_walks_a_big_project(qtbot, browser, db):
    seed(browser, (SAMPLES / "flans_plakasi.stl", "Seri", "ilk parça"))
    with db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO models (user_id, project_id, name, type, file_format, s3_key, "
                "file_size, sha256_hash) SELECT 1, (SELECT id FROM projects), 'parça ' || n, "
                "'part', 'STEP', 'k/' || n, 1, lpad(n::text, 64, '0') "
                "FROM generate_series(1, 119) n"
            )
        )
    browser.reload()
    idle(qtbot, browser)
    project = browser.tree.topLevelItem(0)
    project.setExpanded(True)
    idle(qtbot, browser)
    assert project.childCount() == 51 and project.child(50).text(0) == "Load more…"
    browser._activated(project.child(50))
    idle(qtbot, browser)
    browser._activated(project.child(project.childCount() - 1))
    idle(qtbot, browser)
    names = [project.child(i).text(0) for i in range(project.childCount())]
    assert len(names) == 120 and len(set(names)) == 120 and "Load more…" not in names


def test_upload_and_download_with_progress(qtbot, browser, tmp_path, monkeypatch):
    source = tmp_path / "kapak.step"
    shutil.copy(SAMPLES / "flans_plakasi.step", source)
    monkeypatch.setattr(browser, "choose_upload_file", lambda: str(source))
    dialog = UploadDialog(["Flanş işi"], "Flanş işi", "Kapak")
    monkeypatch.setattr(browser, "_ask_upload", lambda name, for_document: dialog)
    browser.on_upload_file()
    assert browser.transfer_row.isVisible()
    qtbot.waitUntil(lambda: browser.banner.kind in ("success", "error"), timeout=WAIT_MS)
    assert browser.banner.kind == "success", browser.banner.text()
    assert "Stored 'Kapak' version 1" in browser.banner.text()
    idle(qtbot, browser)
    project = browser.tree.topLevelItem(0)
    project.setExpanded(True)
    idle(qtbot, browser)
    browser.tree.setCurrentItem(project.child(0))
    target = tmp_path / "indirilen.step"
    monkeypatch.setattr(browser, "choose_download_file", lambda row: str(target))
    browser.on_download()
    qtbot.waitUntil(lambda: "SHA-256 verified" in browser.banner.text(), timeout=WAIT_MS)
    assert target.read_bytes() == source.read_bytes()


def big_stl(path: Path, triangles: int) -> Path:
    data = np.zeros(triangles, dtype=[("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")])
    data["v"] = np.random.default_rng(1).random((triangles, 3, 3)) * 100
    with path.open("wb") as handle:
        handle.write(b"binary STL".ljust(80, b" ") + struct.pack("<I", triangles))
        data.tofile(handle)
    return path


def test_cancelling_an_upload_stores_nothing(qtbot, browser, tmp_path, db):
    source = big_stl(tmp_path / "buyuk.stl", 700_000)  # 35 MB
    browser.upload(source, "Büyük", "büyük parça")
    browser.on_cancel()
    qtbot.waitUntil(lambda: browser.banner.kind is not None, timeout=WAIT_MS)
    assert browser.banner.text() == "Cancelled; nothing was stored."
    assert not browser.transfer_row.isVisible()
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM models")).scalar_one() == 0
    assert list(browser.workspace.context.store.iter_objects()) == []


def test_viewers_cannot_upload(qtbot, browser, db):
    make_user(db, "izleyici@atolye.example", "viewer")
    workspace = browser.workspace
    workspace.set_user(identity.sign_in(workspace.context, "izleyici@atolye.example", PASSWORD))
    idle(qtbot, browser)
    assert not browser.upload_button.isEnabled()


class RecordingHost:
    """A FreeCAD stand-in for the browser: records what Open asks it to open."""

    def __init__(self):
        self.opened: list[Path] = []

    def open_document(self, path: Path) -> None:
        self.opened.append(Path(path))

    def document_path(self):
        return None

    def active_document(self, exports=()):
        raise AssertionError("not used")


def select_first_model(qtbot, browser):
    """Reload the tree and select the first model of the first project, as a user would."""
    browser.reload()
    idle(qtbot, browser)
    project = browser.tree.topLevelItem(0)
    project.setExpanded(True)
    idle(qtbot, browser)
    browser.tree.setCurrentItem(project.child(0))


@pytest.mark.parametrize("hostile_name", ["../../up/x", "/tmp/cnc-up-test/newdir/x"])
def test_opening_a_model_with_a_hostile_name_stays_in_the_working_folder(
    qtbot, browser, hostile_name
):
    # Another engineer's free-text model name made Open write outside working/.
    seed(browser, (SAMPLES / "flans_plakasi.stl", "Flanş işi", hostile_name))
    data_dir = Path(browser.workspace.context.settings.data_dir)
    outside = [data_dir.parent / "up", Path("/tmp/cnc-up-test")]
    browser.host = RecordingHost()
    select_first_model(qtbot, browser)
    browser.on_open()
    qtbot.waitUntil(lambda: browser.banner.kind in ("success", "error"), timeout=WAIT_MS)
    assert browser.banner.kind == "success", browser.banner.text()
    qtbot.waitUntil(lambda: bool(browser.host.opened), timeout=WAIT_MS)
    opened = browser.host.opened[0]
    assert opened.parent == (data_dir / "working").resolve()
    expected = "up_x_v1.stl" if hostile_name.startswith("..") else "tmp_cnc-up-test_newdir_x_v1.stl"
    assert opened.name == expected
    assert opened.read_bytes() == (SAMPLES / "flans_plakasi.stl").read_bytes()
    assert not any(path.exists() for path in outside)


def test_a_big_meshs_size_shows_pending_then_the_jobs_failure(qtbot, browser, db, pg_cluster):
    """A big STL is measured by a job after the upload: the panel says its size and picture
    are pending, and, when the job cannot measure it, why (the version stays listed)."""
    from tests.support.cam import running_worker, wait_until_finished
    from tests.support.queue import prepare
    from tests.test_model_preview import big_stl

    path = big_stl(Path(browser.workspace.context.settings.data_dir) / "bozuk.stl", 200_000)
    with path.open("r+b") as handle:  # one coordinate of the last triangle: NaN
        handle.seek(path.stat().st_size - 2 - 4)
        handle.write(np.float32("nan").tobytes())
    user, store = browser.workspace.user, browser.workspace.context.store
    uploaded = model_service.upload_model(user.db, store, user.actor, path, "Büyük")

    select_first_model(qtbot, browser)
    assert "Size: pending (a job measures the mesh)" in browser.details.text()
    assert browser.thumbnail.text() == "picture\npending…"
    with running_worker(prepare(db, pg_cluster), store, ("cad_generate",)):
        detail = wait_until_finished(user, uploaded.thumbnail_job_id, timeout=120)
    assert detail.summary.status == "failed"
    select_first_model(qtbot, browser)
    reason = "The mesh has coordinates that are not finite numbers."
    assert f"Measuring the mesh failed: {reason}" in browser.details.text()
    assert browser.thumbnail.text() == "no picture:\nthe job failed"
    save_screenshot(browser, "browser_mesh_failed")
