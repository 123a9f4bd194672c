"""``cad_generate`` end to end with real FreeCAD, PostgreSQL and object stores: derived
files after an upload, part-family variants from a spreadsheet, failures that store
nothing, the CLI, and the browser's "Generate variant…" (screenshot-checked)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.cam.freecad_process import run_script
from cncworkbench.errors import PermissionDenied, UserError, ValidationError
from cncworkbench.services.access import identity
from cncworkbench.services.jobs import jobs
from cncworkbench.services.pdm import cad
from cncworkbench.services.pdm import models as model_service
from tests.support.cam import running_worker, wait_until_finished
from tests.support.freecad import freecad_version, require_program
from tests.support.people import PASSWORD, make_user
from tests.support.queue import prepare

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
FAMILY = SAMPLES / "parametrik_plaka.FCStd"  # scripts/make_family_sample.py
PLATE_VOLUME = 80 * 50 * 10 - 4 * 3.141592653589793 * 3.3**2 * 10  # 38 631.5 mm³
ALIASES = ["Length", "Width", "Thickness", "Holes", "HoleDiameter", "Margin"]


# Runs again on every FreeCAD of the version matrix (./test.sh --freecad VERSION).
pytestmark = pytest.mark.freecad


@pytest.fixture(scope="module", autouse=True)
def _freecad():
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")


@pytest.fixture
def local_store(tmp_path):
    from cncworkbench.storage.local import LocalStore

    return LocalStore(tmp_path / "objects")


@pytest.fixture
def worker_url(db, pg_cluster) -> str:
    return prepare(db, pg_cluster)


@pytest.fixture
def engineer(db, app_context):
    make_user(db, "tasarim@atolye.example", "engineer")
    user = identity.sign_in(app_context, "tasarim@atolye.example", PASSWORD)
    yield user
    user.close()


def copy(tmp_path: Path, source: Path, name: str | None = None) -> Path:
    target = tmp_path / (name or source.name)
    shutil.copy(source, target)
    return target


def upload(user, store, path, project="Plaka ailesi", **kwargs):
    return model_service.upload_model(user.db, store, user.actor, path, project, **kwargs)


def model(user, model_id):
    with user.db.session() as session:
        return model_service.get_model(session, user.actor, model_id)


def rows(db, sql: str, **params):
    with db.engine.connect() as conn:
        return conn.execute(sa.text(sql), params).all()


def derived(engineer, store, tmp_path, worker_url) -> int:
    """The family sample uploaded and its derive job run: the model's id."""
    uploaded = upload(engineer, store, copy(tmp_path, FAMILY), name="Parametrik plaka")
    with running_worker(worker_url, store, ("cad_generate",)):
        detail = wait_until_finished(engineer, uploaded.derive_job_id, timeout=120)
    assert detail.summary.status == "completed", detail.summary.error_message
    return uploaded.model_id


# ----------------------------------------------------------------------------- derive
def test_an_upload_queues_derived_files_that_a_worker_makes(
    db, worker_url, engineer, store, tmp_path
):
    stl = upload(engineer, store, copy(tmp_path, SAMPLES / "flans_plakasi.stl"))
    assert stl.derive_job_id is None  # a mesh has no exact geometry to derive from
    fcstd = upload(engineer, store, copy(tmp_path, FAMILY), name="Parametrik plaka")
    with engineer.db.session() as session:
        with pytest.raises(UserError, match=r"is a mesh \(STL\): it has no exact geometry"):
            cad.derived_file(session, engineer.actor, stl.model_id, "step")
        with pytest.raises(UserError, match="There is no STL of Parametrik plaka v1 yet"):
            cad.derived_file(session, engineer.actor, fcstd.model_id, "stl")
    step = upload(engineer, store, copy(tmp_path, SAMPLES / "flans_plakasi.step"))
    queued = rows(db, "SELECT id, type, status, priority, input_params, idempotency_key "
                      "FROM jobs ORDER BY id")  # fmt: skip
    assert [(j.type, j.status, j.priority) for j in queued] == [("cad_generate", "queued", -1)] * 2
    assert [j.input_params for j in queued] == [{"model_id": fcstd.model_id},
                                                {"model_id": step.model_id}]  # fmt: skip
    assert queued[0].idempotency_key == f"cad_generate:derive:{fcstd.model_id}"

    with running_worker(worker_url, store, ("cad_generate",)):
        details = [wait_until_finished(engineer, j.id, timeout=120) for j in queued]
    assert [d.summary.status for d in details] == ["completed", "completed"], [
        d.summary.error_message for d in details
    ]
    assert details[0].summary.progress == 100
    assert details[0].output_data["parameters"] == ALIASES

    row = model(engineer, fcstd.model_id)
    meta = row.metadata
    assert meta["size_mm"] == [80.0, 50.0, 10.0] and meta["solids"] == 1 and meta["valid"]
    assert meta["volume_mm3"] == pytest.approx(PLATE_VOLUME, abs=0.5)
    assert meta["surface_area_mm2"] > 0 and meta["units"] == "mm"
    assert meta["freecad_version"] == freecad_version() and meta["parts"] == ["Parametrik plaka"]
    parameters = {p.alias: p for p in cad.parameters_of(meta)}
    assert list(parameters) == ALIASES
    assert (parameters["Length"].value, parameters["Length"].unit) == (80, "mm")
    assert (parameters["Holes"].kind, parameters["Holes"].value) == ("integer", 4)
    assert parameters["HoleDiameter"].shown == "6.6 mm"
    assert meta["object_types"]  # what the upload read from the file itself is kept

    with engineer.db.session() as session:
        files = {a.type: a for a in jobs.get_job(session, engineer.actor, queued[0].id).artefacts}
    assert set(files) == {"model_step", "model_stl"}  # the upload rendered the thumbnail
    step_bytes = store.get_bytes(files["model_step"].s3_key, files["model_step"].sha256)
    assert step_bytes.startswith(b"ISO-10303-21;") and b"END-ISO-10303-21;" in step_bytes
    assert files["model_step"].metadata_ == {"model_id": fcstd.model_id}
    assert meta["derived"]["step"]["key"] == files["model_step"].s3_key
    assert meta["derived"]["stl"]["size"] == files["model_stl"].file_size
    with engineer.db.session() as session:
        newest_stl = cad.derived_file(session, engineer.actor, fcstd.model_id, "stl")
    assert newest_stl.id == files["model_stl"].id
    saved = cad.download_derived(store, newest_stl, tmp_path / "plaka.stl")
    assert saved.stat().st_size == newest_stl.file_size
    # the exported STEP is the same solid: FreeCAD reads it back
    back = tmp_path / "back.step"
    back.write_bytes(step_bytes)
    answer = run_script("cad_derive.py", {"path": str(back), "format": "STEP", "exports": []})
    assert answer["metadata"]["volume_mm3"] == pytest.approx(PLATE_VOLUME, abs=0.5)

    step_meta = model(engineer, step.model_id).metadata
    assert step_meta["solids"] == 1 and step_meta["parameters"] == []
    assert set(step_meta["derived"]) >= {"stl"} and "step" not in step_meta["derived"]
    audited = rows(db, "SELECT action, entity_id FROM audit_logs WHERE action = 'model.derived'")
    assert sorted(r.entity_id for r in audited) == sorted([fcstd.model_id, step.model_id])
    notes = rows(db, "SELECT title FROM notifications WHERE data->>'type' = 'cad_generate'")
    assert len(notes) == 2 and all("completed" in n.title for n in notes)


# ---------------------------------------------------------------------------- variants
def test_a_variant_is_a_new_model_with_its_parameters(
    db, worker_url, engineer, local_store, tmp_path
):
    source_id = derived(engineer, local_store, tmp_path, worker_url)
    with engineer.db.session() as session:
        job_id = cad.submit_variant(
            session, engineer.actor, source_id, {"Length": "120", "Holes": "6"}
        )
    with running_worker(worker_url, local_store, ("cad_generate",)):
        detail = wait_until_finished(engineer, job_id, timeout=120)
    assert detail.summary.status == "completed", detail.summary.error_message
    output = detail.output_data
    assert output["parameters"] == {"Length": "120 mm", "Holes": "6"}
    variant = model(engineer, output["model_id"])
    source = model(engineer, source_id)
    assert variant.name == "Parametrik plaka (Length=120, Holes=6)" and variant.version == 1
    assert variant.project_id == source.project_id and variant.file_format == "FCStd"
    meta = variant.metadata
    assert meta["family"] == {
        "source_model_id": source_id, "source_name": "Parametrik plaka", "source_version": 1,
        "set": {"Length": "120 mm", "Holes": "6"},
    }  # fmt: skip
    assert meta["size_mm"] == [120.0, 50.0, 10.0]
    six_holes = 120 * 50 * 10 - 6 * 3.141592653589793 * 3.3**2 * 10
    assert meta["volume_mm3"] == pytest.approx(six_holes, abs=0.5)
    values = {p.alias: p.value for p in cad.parameters_of(meta)}
    assert values["Length"] == 120 and values["Holes"] == 6 and values["Width"] == 50
    assert variant.thumbnail_key and local_store.get_bytes(variant.thumbnail_key)[:4] == b"\x89PNG"
    # the stored document is a FreeCAD document that recomputes to the same part
    document = tmp_path / "variant.FCStd"
    model_service.download_model(local_store, variant, document)
    assert zipfile.is_zipfile(document)
    again = run_script("cad_derive.py", {"path": str(document), "format": "FCStd", "exports": []})
    assert again["metadata"]["volume_mm3"] == pytest.approx(six_holes, abs=0.5)
    kinds = rows(db, "SELECT type, metadata->>'model_id' AS model FROM artefacts "
                     "WHERE job_id = :j ORDER BY type", j=job_id)  # fmt: skip
    assert [(k.type, k.model) for k in kinds] == [("model_step", str(variant.id)),
                                                  ("model_stl", str(variant.id))]  # fmt: skip
    actions = [r.action for r in rows(db, "SELECT action FROM audit_logs ORDER BY id")]
    assert "model.variant_requested" in actions and "model.variant" in actions
    # no derive job for the variant: its files came with it
    assert rows(db, "SELECT count(*) FROM jobs WHERE input_params->>'model_id' = :m",
                m=str(variant.id))[0][0] == 0  # fmt: skip


def test_recompute_errors_and_broken_solids_fail_and_store_nothing(
    db, worker_url, engineer, local_store, tmp_path
):
    source_id = derived(engineer, local_store, tmp_path, worker_url)
    before_models = rows(db, "SELECT count(*) FROM models")[0][0]
    before_objects = sorted(k for k, _s, _w in local_store.iter_objects())
    with engineer.db.session() as session:
        zero = cad.submit_variant(session, engineer.actor, source_id, {"Length": "0"})
        huge = cad.submit_variant(session, engineer.actor, source_id, {"HoleDiameter": "60"})
    with running_worker(worker_url, local_store, ("cad_generate",)):
        zero_detail = wait_until_finished(engineer, zero, timeout=120)
        huge_detail = wait_until_finished(engineer, huge, timeout=120)
    assert zero_detail.summary.status == "failed"
    assert zero_detail.summary.error_message == (
        "FreeCAD's recompute failed: Blank: Length of box too small"
    )
    assert zero_detail.summary.retry_count == 0  # FreeCAD's verdict does not change on retry
    assert huge_detail.summary.status == "failed"
    assert huge_detail.summary.error_message.startswith(
        "The result is not a valid solid: Parametrik plaka has no solid"
    )
    assert rows(db, "SELECT count(*) FROM models")[0][0] == before_models
    assert sorted(k for k, _s, _w in local_store.iter_objects()) == before_objects
    assert (
        rows(db, "SELECT count(*) FROM artefacts WHERE job_id IN (:a, :b)", a=zero, b=huge)[0][0]
        == 0
    )
    notes = rows(db, "SELECT severity, message FROM notifications WHERE data->>'job_id' = :j",
                 j=str(zero))  # fmt: skip
    assert notes == [("error", "FreeCAD's recompute failed: Blank: Length of box too small")]


def test_variant_requests_are_checked_before_anything_is_queued(
    db, worker_url, app_context, engineer, local_store, tmp_path
):
    source_id = derived(engineer, local_store, tmp_path, worker_url)
    step = upload(engineer, local_store, copy(tmp_path, SAMPLES / "flans_plakasi.step"))
    queued = rows(db, "SELECT count(*) FROM jobs")[0][0]
    with engineer.db.session() as session:
        with pytest.raises(ValidationError, match="no parameter 'Lenght'; its parameters are "
                                                  "Length, Width, Thickness"):  # fmt: skip
            cad.submit_variant(session, engineer.actor, source_id, {"Lenght": "120"})
        with pytest.raises(ValidationError, match=r"Holes takes a whole number, not '2\.5'"):
            cad.submit_variant(session, engineer.actor, source_id, {"Holes": "2.5"})
        with pytest.raises(ValidationError, match="Length takes a number, not 'long'"):
            cad.submit_variant(session, engineer.actor, source_id, {"Length": "long"})
        with pytest.raises(ValidationError, match="only FreeCAD documents"):
            cad.submit_variant(session, engineer.actor, step.model_id, {"Length": "1"})
        with pytest.raises(ValidationError, match="at least one parameter"):
            cad.submit_variant(session, engineer.actor, source_id, {})
    with pytest.raises(ValidationError, match="'Holes' is not NAME=VALUE"):
        cad.parse_assignments(["Length=120", "Holes"])
    make_user(db, "izleyici@atolye.example", "viewer")
    viewer = identity.sign_in(app_context, "izleyici@atolye.example", PASSWORD)
    try:
        with viewer.db.session() as session, pytest.raises(PermissionDenied):
            cad.submit_variant(session, viewer.actor, source_id, {"Length": "100"})
    finally:
        viewer.close()
    assert rows(db, "SELECT count(*) FROM jobs")[0][0] == queued


# ---------------------------------------------------------------------------------- CLI
def test_model_generate_on_the_command_line_runs_the_job_and_waits(db, owner_context, tmp_path):
    from cncworkbench.services.access.audit import Actor

    make_user(db, "yonetici@atolye.example", "admin")
    context = owner_context
    context.ensure_schema()
    result = model_service.upload_model(
        context.db, context.store, Actor.system(), copy(tmp_path, FAMILY), "Plaka ailesi",
        name="Parametrik plaka",
    )  # fmt: skip
    env = dict(os.environ)
    command = [sys.executable, "-m", "cncworkbench.cli", "model", "generate",
               "--user", "yonetici@atolye.example",  # a variant is made by a person (#22)
               str(result.model_id), "--set", "Length=100", "--set", "Holes=3"]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    assert completed.returncode == 0, completed.stderr
    no_worker = "No worker is running cad_generate jobs: running them in this process."
    assert no_worker in completed.stderr
    assert "Stored 'Parametrik plaka (Length=100, Holes=3)' as model" in completed.stdout
    assert "(100 × 50 × 10 mm," in completed.stdout and "Length = 100 mm" in completed.stdout
    # the variant's derived STEP, downloaded and verified
    with context.db.session() as session:
        variant_id = session.scalar(sa.text("SELECT max(id) FROM models"))
    step = tmp_path / "varyant.step"
    download = [sys.executable, "-m", "cncworkbench.cli", "model", "download",
                str(variant_id), "--format", "step", "-o", str(step)]  # fmt: skip
    fetched = subprocess.run(download, capture_output=True, text=True, timeout=120, env=env)
    assert fetched.returncode == 0, fetched.stderr
    assert "verified" in fetched.stdout and step.read_bytes().startswith(b"ISO-10303-21;")
    # a recompute error: exit status 2 with FreeCAD's words, nothing stored
    command[-3:] = ["Length=0", "--set", "Holes=3"]
    failed = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    assert failed.returncode == 2
    assert "failed: FreeCAD's recompute failed: Blank: Length of box too small" in failed.stderr
    with context.db.session() as session:
        names = session.scalars(sa.text("SELECT name FROM models ORDER BY id")).all()
    assert names == ["Parametrik plaka", "Parametrik plaka (Length=100, Holes=3)"]


# ------------------------------------------------------------------------------ browser
def test_browser_generates_a_variant_from_the_spreadsheet_form(
    qtbot, db, worker_url, monkeypatch, tmp_path
):
    from cncworkbench.ui.panels import cad_variant
    from cncworkbench.ui.panels.browser import BrowserPanel
    from cncworkbench.ui.qt import QtCore
    from cncworkbench.ui.tasks import wait_for_tasks
    from cncworkbench.ui.workspace import Workspace
    from tests.support.people import app_url
    from tests.support.screens import save_screenshot

    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    make_user(db, "tasarim@atolye.example", "engineer")
    workspace = Workspace()
    panel = BrowserPanel(workspace)
    qtbot.addWidget(panel)
    panel.resize(820, 760)
    panel.show()
    workspace.open()
    qtbot.waitUntil(lambda: workspace.is_ready, timeout=30000)
    user = identity.sign_in(workspace.context, "tasarim@atolye.example", PASSWORD)
    workspace.set_user(user)
    try:
        store = workspace.context.store
        source_id = derived(user, store, tmp_path, worker_url)
        panel.reload()
        qtbot.waitUntil(lambda: not panel.busy.isVisible(), timeout=30000)
        project = panel.tree.topLevelItem(0)
        project.setExpanded(True)
        qtbot.waitUntil(lambda: project.childCount() == 1 and project.child(0).text(1) == "1",
                        timeout=30000)  # fmt: skip
        panel.tree.setCurrentItem(project.child(0))
        assert panel.variant_button.isEnabled()
        details = panel.details.text()
        assert "Parameters: Length 80 mm, Width 50 mm, Thickness 10 mm, Holes 4" in details
        assert "Derived files: STEP, STL" in details
        qtbot.waitUntil(lambda: panel.thumbnail.pixmap() is not None
                        and not panel.thumbnail.pixmap().isNull(), timeout=30000)  # fmt: skip
        save_screenshot(panel, "browser_family_model")

        # Download… → STEP: the file the worker derived, verified against its SHA-256
        panel.download_menu.popup(panel.download_button.mapToGlobal(QtCore.QPoint(0, 0)))
        qtbot.waitExposed(panel.download_menu)
        assert panel.download_step.isEnabled() and panel.download_stl.isEnabled()
        save_screenshot(panel.download_menu, "browser_download_menu")
        panel.download_menu.hide()
        assert panel.download_original.text() == "As uploaded (FCStd)…"
        target = tmp_path / "plaka.step"
        monkeypatch.setattr(panel, "choose_derived_file", lambda row, kind: str(target))
        panel.download_step.trigger()
        qtbot.waitUntil(lambda: "SHA-256 verified" in panel.banner.text(), timeout=30000)
        with user.db.session() as session:
            step = cad.derived_file(session, user.actor, source_id, "step")
        assert target.read_bytes().startswith(b"ISO-10303-21;")
        assert hashlib.sha256(target.read_bytes()).hexdigest() == step.sha256
        qtbot.waitUntil(lambda: not panel.transfer_row.isVisible(), timeout=30000)

        dialog = cad_variant.VariantDialog(panel.selected_row(), panel)
        qtbot.addWidget(dialog)
        assert not dialog.ok_button.isEnabled()  # nothing changed yet
        dialog.set_value("Length", 120.0)
        dialog.set_value("Holes", 6)
        assert dialog.values() == {"Length": "120 mm", "Holes": "6"}
        assert dialog.name.placeholderText() == "Parametrik plaka (Length=120 mm, Holes=6)"
        assert dialog.ok_button.isEnabled()
        dialog.show()
        qtbot.waitExposed(dialog)
        shot = save_screenshot(dialog, "browser_generate_variant")
        assert shot.stat().st_size > 5000

        monkeypatch.setattr(workspace, "ensure_worker", lambda: None)
        cad_variant.submit(panel, panel.selected_row(), dialog.values(), None)
        qtbot.waitUntil(lambda: "Variant job #" in panel.banner.text(), timeout=30000)
        job_id = int(panel.banner.text().split("#")[1].split()[0])
        with running_worker(worker_url, store, ("cad_generate",)):
            detail = wait_until_finished(user, job_id, timeout=120)
        assert detail.summary.status == "completed", detail.summary.error_message
        panel.reload()
        qtbot.waitUntil(lambda: not panel.busy.isVisible(), timeout=30000)
        project = panel.tree.topLevelItem(0)
        project.setExpanded(True)
        qtbot.waitUntil(lambda: project.childCount() == 2, timeout=30000)
        names = sorted(project.child(i).text(0) for i in range(2))
        assert names == ["Parametrik plaka", "Parametrik plaka (Length=120 mm, Holes=6)"]
        variant = next(
            project.child(i) for i in range(2) if "Length=120" in project.child(i).text(0)
        )
        panel.tree.setCurrentItem(variant)
        assert "Variant of Parametrik plaka v1 (Length=120 mm, Holes=6)" in panel.details.text()
        assert source_id != detail.output_data["model_id"]
    finally:
        wait_for_tasks()
        workspace.close()
