"""Projects, models and versions, as a logged-in engineer (through cnc_app and RLS)."""

from __future__ import annotations

import shutil
import threading
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.errors import PermissionDenied, ValidationError
from cncworkbench.services.access import identity
from cncworkbench.services.pdm import models as model_service
from cncworkbench.services.pdm import projects
from cncworkbench.storage import CorruptObject
from tests.support.people import PASSWORD, make_user

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


@pytest.fixture
def engineer(db, app_context):
    make_user(db, "muhendis@atolye.example", "engineer")
    user = identity.sign_in(app_context, "muhendis@atolye.example", PASSWORD)
    yield user
    user.close()


@pytest.fixture
def sample(tmp_path):
    def copy(name: str, as_name: str | None = None) -> Path:
        target = tmp_path / (as_name or name)
        shutil.copy(SAMPLES / name, target)
        return target

    return copy


def upload(user, store, path, project="Flanş işi", **kwargs):
    return model_service.upload_model(user.db, store, user.actor, path, project, **kwargs)


def objects(store) -> list[str]:
    return sorted(key for key, _size, _when in store.iter_objects())


def count_models(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM models")).scalar_one()


def test_upload_creates_project_model_metadata_and_thumbnail(db, store, engineer, sample):
    result = upload(engineer, store, sample("flans_plakasi.stl"), name="Flanş plakası")
    assert result.created and result.version == 1
    with engineer.db.session() as session:
        row = model_service.get_model(session, engineer.actor, result.model_id)
        summaries = projects.list_projects(session)
    assert row.file_format == "STL" and row.owner_email == "muhendis@atolye.example"
    assert row.metadata["size_mm"] == [80.0, 50.0, 20.0]
    assert abs(row.metadata["volume_mm3"] - 70863.0) < 5
    assert row.thumbnail_key and store.get_bytes(row.thumbnail_key).startswith(b"\x89PNG")
    assert [(p.name, p.model_count) for p in summaries] == [("Flanş işi", 1)]
    assert sorted(objects(store)) == sorted([row.s3_key, row.thumbnail_key])


def test_identical_content_is_recognised_not_stored_twice(db, store, engineer, sample):
    first = upload(engineer, store, sample("flans_plakasi.step"))
    stored = objects(store)  # the file and its thumbnail
    again = upload(
        engineer, store, sample("flans_plakasi.step", "kopya.step"), name="flans_plakasi"
    )
    assert not again.created and again.model_id == first.model_id
    assert "Identical to version 1" in again.message
    assert count_models(db) == 1 and objects(store) == stored


def test_new_versions_chain_and_list_newest_first(db, store, engineer, sample, tmp_path):
    v1 = upload(engineer, store, sample("flans_plakasi.FCStd"))
    changed = sample("flans_plakasi.FCStd", "changed.FCStd")
    with zipfile.ZipFile(changed, "a") as archive:  # a real change: another member
        archive.writestr("GuiDocument.xml", "<Document/>")
    v2 = upload(engineer, store, changed, name="flans_plakasi")
    assert (v1.version, v2.version) == (1, 2)
    with engineer.db.session() as session:
        line = model_service.versions(session, engineer.actor, v1.model_id)
        page = model_service.list_models(session, engineer.actor)
    assert [r.version for r in line] == [2, 1] and line[0].parent_id == v1.model_id
    assert [r.id for r in page.rows] == [v2.model_id]  # the model is its newest version
    # the first version again: recognised as identical to version 1, not a version 3
    assert (
        "Identical to version 1"
        in upload(engineer, store, sample("flans_plakasi.FCStd"), name="flans_plakasi").message
    )


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.stl", b"", "is empty"),
        (
            "cut.step",
            b"ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('AP214'));\nENDSEC;\nDATA;\n#1=X();",
            "truncated STEP",
        ),
        ("notzip.FCStd", b"PK\x03\x04 this is not really a zip", "not a readable FCStd"),
        ("mesh.step", None, "contains a STL file, not STEP"),
        ("photo.stl", b"\xff\xd8\xff\xe0 JFIF" + b"\x00" * 200, "is not a STL file"),
        ("notes.txt", b"hello", "not a model file"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    db, store, engineer, tmp_path, name, content, message
):
    path = tmp_path / name
    if content is None:
        shutil.copy(SAMPLES / "flans_plakasi.stl", path)
    else:
        path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        upload(engineer, store, path)
    assert count_models(db) == 0 and objects(store) == []


def test_files_over_the_limit_are_refused(db, store, engineer, sample):
    with pytest.raises(ValidationError, match=r"is 0 MB; the limit is 0 MB|the limit is"):
        upload(engineer, store, sample("flans_plakasi.stl"), max_bytes=10_000)
    assert count_models(db) == 0 and objects(store) == []


def test_an_interrupted_upload_leaves_no_row_and_no_object(db, store, engineer, sample):
    def cancel(done, total):
        raise KeyboardInterrupt  # the user pressed cancel

    with pytest.raises(KeyboardInterrupt):
        upload(engineer, store, sample("flans_plakasi.stl"), progress=cancel)
    assert count_models(db) == 0 and objects(store) == []


def test_a_row_that_cannot_be_committed_takes_its_objects_with_it(
    db, store, engineer, sample, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(model_service, "_insert_version", fail)
    with pytest.raises(RuntimeError):
        upload(engineer, store, sample("flans_plakasi.stl"))
    assert count_models(db) == 0 and objects(store) == []


def test_concurrent_next_versions_do_not_fork(db, store, engineer, sample, tmp_path):
    upload(engineer, store, sample("flans_plakasi.step"), name="plaka")
    outcomes = []

    def new_version(n):
        path = tmp_path / f"v{n}.step"
        data = (
            (SAMPLES / "flans_plakasi.step")
            .read_bytes()
            .replace(b"FreeCAD Model", f"Rev {n:04d}".encode())
        )
        path.write_bytes(data)
        try:
            outcomes.append(upload(engineer, store, path, name="plaka").version)
        except ValidationError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=new_version, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with db.engine.connect() as conn:
        chain = conn.execute(sa.text("SELECT version FROM models ORDER BY version")).scalars().all()
    assert chain == list(range(1, len(chain) + 1))  # a line, no two rows with one parent
    assert 2 in outcomes
    refused = [o for o in outcomes if isinstance(o, str)]
    assert all("while you uploaded" in o or "could not" in o for o in refused)


def test_download_verifies_and_refuses_corruption(db, store, engineer, sample, tmp_path):
    result = upload(engineer, store, sample("flans_plakasi.stl"))
    with engineer.db.session() as session:
        row = model_service.get_model(session, engineer.actor, result.model_id)
    cached = model_service.fetch_to_cache(store, row, tmp_path / "cache")
    assert cached.read_bytes() == (SAMPLES / "flans_plakasi.stl").read_bytes()
    assert cached.name == f"{row.sha256}.stl"
    from tests.test_storage import corrupt

    corrupt(store, row.s3_key, b"\0" * row.file_size)
    target = tmp_path / "out.stl"
    with pytest.raises(CorruptObject):
        model_service.download_model(store, row, target)
    assert not target.exists()


def test_search_folds_turkish_and_reads_metadata(db, store, engineer, sample):
    upload(engineer, store, sample("flans_plakasi.stl"), name="Flanş plakası")
    upload(engineer, store, sample("flans_plakasi.step"), name="ŞAFT YATAĞI")
    with engineer.db.session() as session:

        def names(search):
            return [
                r.name
                for r in model_service.list_models(session, engineer.actor, search=search).rows
            ]

        assert names("flans") == ["Flanş plakası"]
        assert names("PLAKASI") == ["Flanş plakası"]
        assert names("saft yatagi") == ["ŞAFT YATAĞI"]
        assert names("format:STEP") == ["ŞAFT YATAĞI"]
        assert names("format:STL, flanş") == ["Flanş plakası"]
        assert names("100%_") == []  # wildcards are literal


def test_keyset_pagination_walks_every_model_once(db, store, engineer, sample):
    with db.engine.begin() as conn:  # 130 models, inserted as an admin import would
        project = conn.execute(
            sa.text("INSERT INTO projects (owner_id, name) VALUES (1, 'Seri') RETURNING id")
        ).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO models (user_id, project_id, name, type, file_format, s3_key, "
                "file_size, sha256_hash, created_at) "
                "SELECT 1, :p, 'part ' || n, 'part', 'STEP', 'k/' || n, 1, "
                "lpad(n::text, 64, '0'), timestamp '2026-01-01' + (n % 7) * interval '1 hour' "
                "FROM generate_series(1, 130) n"
            ),
            {"p": project},
        )
    seen, cursor = [], None
    with engineer.db.session() as session:
        while True:
            page = model_service.list_models(
                session, engineer.actor, project_id=project, after=cursor, limit=40
            )
            seen += [r.id for r in page.rows]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
    assert len(seen) == 130 and len(set(seen)) == 130


def test_viewers_cannot_upload_and_deleted_models_disappear(
    db, store, engineer, sample, app_context
):
    result = upload(engineer, store, sample("flans_plakasi.stl"))
    make_user(db, "izleyici@atolye.example", "viewer")
    viewer = identity.sign_in(app_context, "izleyici@atolye.example", PASSWORD)
    with pytest.raises(PermissionDenied, match="may not upload models"):
        upload(viewer, store, sample("flans_plakasi.step"))
    with viewer.db.session() as session:
        assert len(model_service.list_models(session, viewer.actor).rows) == 1
        with pytest.raises(PermissionDenied):
            model_service.soft_delete(session, viewer.actor, result.model_id)
    viewer.close()
    make_user(db, "sef@atolye.example", "admin")
    admin = identity.sign_in(app_context, "sef@atolye.example", PASSWORD)
    with admin.db.session() as session:
        model_service.soft_delete(session, admin.actor, result.model_id)
    with admin.db.session() as session:
        assert model_service.list_models(session, admin.actor).rows == []
    admin.close()


def test_projects_rename_archive_and_unique_names(db, engineer):
    with engineer.db.session() as session:
        project = projects.create_project(session, engineer.actor, "  Kalıp   işi ")
        assert project.name == "Kalıp işi"
        with pytest.raises(ValidationError, match="exists already"):
            projects.create_project(session, engineer.actor, "KALIP İŞİ")
        projects.rename_project(session, engineer.actor, project.id, "Kalıp işi 2")
        projects.archive_project(session, engineer.actor, project.id)
    with engineer.db.session() as session:
        assert projects.list_projects(session) == []
        assert [p.status for p in projects.list_projects(session, include_archived=True)] == [
            "archived"
        ]


@pytest.mark.freecad
def test_step_and_fcstd_get_exact_geometry_from_freecad(db, store, engineer, sample):
    from tests.support.freecad import freecad_version, require_program

    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    result = upload(engineer, store, sample("flans_plakasi.step"), name="plaka STEP")
    with engineer.db.session() as session:
        row = model_service.get_model(session, engineer.actor, result.model_id)
    # 80·50·20 − 40·20·8 − 4·π·3.3²·20 = 70 863.04 mm³
    assert abs(row.metadata["volume_mm3"] - 70863.04) < 0.1
    assert row.metadata["solids"] == 1 and row.metadata["size_mm"] == [80.0, 50.0, 20.0]
    assert row.metadata["freecad_version"] == freecad_version()
    assert row.metadata["units"] == "mm" and row.metadata["schema"] == "AUTOMOTIVE_DESIGN"
    assert store.get_bytes(row.thumbnail_key).startswith(b"\x89PNG")


@pytest.mark.freecad
def test_a_step_file_freecad_cannot_read_is_refused(db, store, engineer, tmp_path):
    from tests.support.freecad import require_program

    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    garbled = tmp_path / "garbled.step"  # a valid header and ending, nonsense in between
    garbled.write_text(
        "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nFILE_NAME('x','',(''),(''),'','','');\n"
        "FILE_SCHEMA(('AUTOMOTIVE_DESIGN'));\nENDSEC;\nDATA;\n#1 = NONSENSE(#2);\nENDSEC;\n"
        "END-ISO-10303-21;\n"
    )
    with pytest.raises(ValidationError, match=r"FreeCAD cannot read garbled\.step"):
        upload(engineer, store, garbled)
    assert count_models(db) == 0 and objects(store) == []


def test_download_into_a_folder_writes_the_version_under_its_own_name(db, owner_context, tmp_path):
    # `model download ID -o dl/` wrote a file named `dl`.
    import os
    import subprocess
    import sys

    from cncworkbench.services.access.audit import Actor
    from cncworkbench.services.pdm import models as model_service
    from tests.support.people import make_user

    owner_context.ensure_schema()
    make_user(db, "admin@atolye.example", "admin")
    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "flans_plakasi.stl"
    uploaded = model_service.upload_model(
        owner_context.db, owner_context.store, Actor.system(), sample, "Flanş işi",
        name="Flanş/plakası",
    )  # fmt: skip
    existing = tmp_path / "existing"
    existing.mkdir()
    for output, folder in ((f"{tmp_path / 'dl'}/", tmp_path / "dl"), (str(existing), existing)):
        completed = subprocess.run(
            [sys.executable, "-m", "cncworkbench.cli", "model", "download",
             str(uploaded.model_id), "-o", output],
            capture_output=True, text=True, timeout=120, env=dict(os.environ),
        )  # fmt: skip
        assert completed.returncode == 0, completed.stderr
        written = folder / "Flanş_plakası_v1.stl"
        assert written.read_bytes() == sample.read_bytes()
        assert str(written) in completed.stdout
