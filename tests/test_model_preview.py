"""Big meshes upload at the speed of the store: their facts are streamed in one pass, their
thumbnail is drawn by a job afterwards (shown as pending until then)."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import numpy as np
import pytest

from cncworkbench.core import model_files
from cncworkbench.services.access import identity
from cncworkbench.services.pdm import model_preview
from cncworkbench.services.pdm import models as model_service
from cncworkbench.storage import file_sha256
from tests.support.cam import running_worker, wait_until_finished
from tests.support.people import PASSWORD, make_user
from tests.support.queue import prepare


def big_stl(path: Path, triangles: int) -> Path:
    """A binary STL of random triangles inside a 120 x 80 x 40 mm box (two corners pinned)."""
    data = np.zeros(triangles, dtype=model_files.stl_record())
    rng = np.random.default_rng(7)
    data["vertices"] = rng.random((triangles, 3, 3)) * np.array([120.0, 80.0, 40.0])
    data["vertices"][0, 0] = (0.0, 0.0, 0.0)
    data["vertices"][1, 0] = (120.0, 80.0, 40.0)
    with path.open("wb") as handle:
        handle.write(b"binary STL".ljust(80, b" ") + struct.pack("<I", triangles))
        handle.write(data.tobytes())
    return path


@pytest.fixture
def engineer(db, app_context):
    make_user(db, "buyuk@atolye.example", "engineer")
    user = identity.sign_in(app_context, "buyuk@atolye.example", PASSWORD)
    yield user
    user.close()


def test_streamed_mesh_facts_match_the_whole_mesh_ones(tmp_path):
    path = big_stl(tmp_path / "mesh.stl", 450_000)  # three streaming steps
    streamed, sha256, size = model_files.stl_properties_and_sha256(path)
    quick = model_files.stl_properties_and_sha256(path, measure=False)
    assert quick == ({k: streamed[k] for k in ("triangles", "bounding_box", "size_mm")},
                     sha256, size)  # fmt: skip
    whole = model_files.mesh_properties(model_files.read_stl(path))
    assert streamed["triangles"] == whole["triangles"] == 450_000
    assert streamed["bounding_box"] == whole["bounding_box"]
    assert streamed["size_mm"] == [120.0, 80.0, 40.0]
    assert streamed["volume_mm3"] == pytest.approx(whole["volume_mm3"], rel=1e-9)
    assert streamed["surface_area_mm2"] == pytest.approx(whole["surface_area_mm2"], rel=1e-9)
    assert (sha256, size) == file_sha256(path)
    sample = model_files.stl_sample(path, 1000)
    assert 900 <= len(sample) <= 1000 and sample.dtype == np.float64


def test_a_big_mesh_is_stored_first_and_pictured_by_a_job(
    db, pg_cluster, store, engineer, tmp_path
):
    path = big_stl(tmp_path / "govde.stl", 200_000)  # 10 MB: above the inline limit
    assert path.stat().st_size > model_preview.INLINE_BYTES
    uploaded = model_service.upload_model(engineer.db, store, engineer.actor, path, "Büyük")
    assert uploaded.thumbnail_job_id is not None
    assert f"pending: job {uploaded.thumbnail_job_id} measures" in uploaded.message
    with engineer.db.session() as session:
        row = model_service.get_model(session, engineer.actor, uploaded.model_id)
    assert row.thumbnail_key is None and model_preview.is_pending(row.metadata)
    assert not set(model_preview.FACTS) & set(row.metadata)  # measured by the job
    assert (row.sha256, row.file_size) == file_sha256(path)
    with running_worker(prepare(db, pg_cluster), store, (model_preview.JOB_TYPE,)):
        detail = wait_until_finished(engineer, uploaded.thumbnail_job_id, timeout=120)
    assert detail.summary.status == "completed", detail.summary.error_message
    with engineer.db.session() as session:
        row = model_service.get_model(session, engineer.actor, uploaded.model_id)
    assert not model_preview.is_pending(row.metadata)
    assert model_service.thumbnail_png(store, row).startswith(b"\x89PNG")
    assert row.metadata["triangles"] == 200_000 and row.metadata["size_mm"] == [120.0, 80.0, 40.0]
    assert row.metadata["volume_mm3"] > 0 and row.metadata["surface_area_mm2"] > 0


def test_a_small_mesh_is_still_pictured_during_the_upload(db, store, engineer, tmp_path):
    path = big_stl(tmp_path / "kucuk.stl", 1000)
    uploaded = model_service.upload_model(engineer.db, store, engineer.actor, path, "Küçük")
    assert uploaded.thumbnail_job_id is None
    with engineer.db.session() as session:
        row = model_service.get_model(session, engineer.actor, uploaded.model_id)
    assert row.thumbnail_key and not model_preview.is_pending(row.metadata)


def test_a_thumbnail_changed_in_the_store_is_refused(db, store, engineer, tmp_path):
    from cncworkbench.errors import ValidationError
    from cncworkbench.storage import recorded_sha256

    path = big_stl(tmp_path / "kucuk.stl", 1000)
    uploaded = model_service.upload_model(engineer.db, store, engineer.actor, path, "Küçük")
    with engineer.db.session() as session:
        row = model_service.get_model(session, engineer.actor, uploaded.model_id)
    good = model_service.thumbnail_png(store, row)
    assert recorded_sha256(row.thumbnail_key) == hashlib.sha256(good).hexdigest()
    store.delete(row.thumbnail_key)  # replaced in the store by someone else
    store.put_bytes(row.thumbnail_key, good[:-8] + b"tampered", "image/png")
    with pytest.raises(ValidationError, match="corrupted"):
        model_service.thumbnail_png(store, row)
