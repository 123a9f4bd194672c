"""Facts and thumbnails of big meshes, made by a job after the upload.

Rendering a 100 MB STL took 12 s and 1.5 GB while the user waited for ``model upload``, and
even measuring it (numpy) cost more than a third of a plain transfer's time; the upload
now only reads the file for its SHA-256 beside the transfer and stores it, at the speed of
the store. Meshes above :data:`INLINE_BYTES` get their facts (triangle count, bounding box,
size, volume, surface area) and their thumbnail from a ``cad_generate`` job (``"make":
"thumbnail"``) queued in the upload's transaction; until it has run the version's metadata
says ``"thumbnail": "pending"`` and the panels and the CLI show size and picture as pending.
A job that cannot measure or draw the mesh (coordinates that are not numbers, no
triangles, retries spent) says so in the metadata (``"thumbnail": "failed"`` and the
reason); the version itself stays stored. The job renders an even sample of the triangles
(every k-th, at most :data:`SAMPLE_TRIANGLES`), so its memory is bounded too.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import model_files
from cncworkbench.core.i18n import translate
from cncworkbench.db import queue
from cncworkbench.db.models import Model
from cncworkbench.errors import UserError
from cncworkbench.services.access import audit
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.pdm.upload_transfer import (
    INLINE_FACTS_BYTES,
    PENDING,
    THUMBNAIL_JOB_TYPE,
    THUMBNAIL_MAKE,
    THUMBNAIL_PRIORITY,
    THUMBNAIL_RETRIES,
    THUMBNAIL_TIMEOUT_S,
    thumbnail_job_key,
)
from cncworkbench.storage import digest_key

JOB_TYPE, MAKE = THUMBNAIL_JOB_TYPE, THUMBNAIL_MAKE
INLINE_BYTES = INLINE_FACTS_BYTES  # smaller meshes are measured and pictured in the upload
SAMPLE_TRIANGLES = 300_000
FAILED = "failed"
FACTS = ("triangles", "bounding_box", "size_mm", "volume_mm3", "surface_area_mm2")


def is_pending(metadata: dict[str, Any] | None) -> bool:
    return (metadata or {}).get("thumbnail") == PENDING


def failure(metadata: dict[str, Any] | None) -> str | None:
    """Why the job could not measure and picture the mesh, or None."""
    metadata = metadata or {}
    if metadata.get("thumbnail") != FAILED:
        return None
    return str(metadata.get("thumbnail_error") or "?")


def defer_thumbnail(checked: model_files.ModelFile, given: bytes | None) -> bool:
    return given is None and checked.format == "STL" and checked.size > INLINE_BYTES


def queue_thumbnail(session: Session, actor: Actor, model_id: int) -> int:
    """Called in the upload's transaction: the job exists exactly when the version does."""
    return queue.submit(
        session, JOB_TYPE, {"model_id": model_id, "make": MAKE}, priority=THUMBNAIL_PRIORITY,
        idempotency_key=thumbnail_job_key(model_id), timeout_seconds=THUMBNAIL_TIMEOUT_S,
        max_retries=THUMBNAIL_RETRIES, actor_user_id=actor.user_id,
    )  # fmt: skip


def model_thumbnail_job(ctx) -> dict[str, Any]:
    from cncworkbench.services.jobs.worker import PermanentError

    model_id = ctx.params.get("model_id")
    if not isinstance(model_id, int):
        raise PermanentError(translate("Jobs", "a thumbnail job needs the model_id of a version"))
    with ctx.db.session() as session:
        model = session.get(Model, model_id)
        if model is None or model.is_deleted:
            raise PermanentError(
                translate("Jobs", "There is no model version {id}.").format(id=model_id)
            )
        facts = (model.s3_key, model.sha256_hash, model.file_size, model.name)
    try:
        measured, picture = _measure_and_draw(ctx, *facts[:3])
    except UserError as exc:  # the mesh is not one (or the stored file is damaged)
        _record_failure(ctx, model_id, str(exc))
        raise PermanentError(str(exc)) from None
    except Exception as exc:
        if ctx.job.retry_count >= ctx.job.max_retries:  # the last attempt: say so
            _record_failure(ctx, model_id, str(exc) or type(exc).__name__)
        raise
    picture_key = digest_key("thumbnails", f"{facts[3]}.png", picture)
    ctx.store.put_bytes(picture_key, picture, "image/png")

    def commit(session: Session) -> None:
        row = _locked(session, model_id)
        metadata = dict(row.metadata_ or {})
        metadata.pop("thumbnail", None)
        metadata.pop("thumbnail_error", None)
        metadata.update({k: measured[k] for k in FACTS})
        row.metadata_ = metadata
        row.thumbnail_s3_key = picture_key
        session.flush()
        audit.record(
            session, ctx.actor, "model.thumbnail", "models", model_id,
            {"job_id": ctx.job.id, "thumbnail": picture_key},
        )  # fmt: skip

    ctx.on_commit(commit)
    return {"thumbnail_key": picture_key}


def _measure_and_draw(ctx, key: str, sha256: str, size: int) -> tuple[dict[str, Any], bytes]:
    from cncworkbench.core import thumbnail  # numpy

    ctx.progress(10, translate("Jobs", "fetching the mesh"))
    with tempfile.TemporaryDirectory(prefix="cnc-thumbnail-") as folder:
        path = ctx.store.get_file(key, Path(folder) / "mesh.stl", sha256, size)
        ctx.check()
        ctx.progress(30, translate("Jobs", "measuring the mesh"))
        measured = model_files.stl_properties_and_sha256(path)[0]
        ctx.check()
        ctx.progress(60, translate("Jobs", "drawing the thumbnail"))
        picture = thumbnail.mesh_thumbnail(model_files.stl_sample(path, SAMPLE_TRIANGLES))
    ctx.check()
    return measured, picture


def _locked(session: Session, model_id: int) -> Model:
    return session.execute(
        sa.select(Model).where(Model.id == model_id).with_for_update()
    ).scalar_one()


def _record_failure(ctx, model_id: int, reason: str) -> None:
    """The version says its facts and picture failed, and why (in its own transaction: the
    job's failure is recorded by the worker, this is what the model's readers see)."""
    with ctx.db.session() as session:
        row = _locked(session, model_id)
        row.metadata_ = {**(row.metadata_ or {}), "thumbnail": FAILED, "thumbnail_error": reason}
        session.flush()
        audit.record(
            session, ctx.actor, "model.thumbnail_failed", "models", model_id,
            {"job_id": ctx.job.id, "error": reason},
        )  # fmt: skip
