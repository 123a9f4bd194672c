"""Projects, models and their versions; files in the object store.

A model is a line of versions: each row of ``models`` is one version, ``parent_model_id``
points at the version before it, and a unique index keeps the line from forking. The
newest live row of a line is "the model".

Uploading never loses a byte and never leaves half a thing: the file is checked by its
content, hashed, compared with the versions already stored (identical content is
reported, not stored again), written to the store and verified, and only then is the
row committed. If the row cannot be committed the object is removed again (and
``storage sweep`` removes any object whose row never came).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from cncworkbench.cam.freecad_process import FreeCADFailed, FreeCADUnavailable
from cncworkbench.core import model_files, text
from cncworkbench.core.i18n import translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db import queue
from cncworkbench.db.engine import Database
from cncworkbench.db.models import MODEL_TYPES, Model, user_directory
from cncworkbench.errors import ValidationError
from cncworkbench.services.access import audit
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.pdm import model_preview, upload_result, upload_transfer
from cncworkbench.services.pdm.projects import (
    clean_name,
    create_project,
    find_project,
    get_project,
    system_owner,
)
from cncworkbench.services.pdm.upload_result import UploadResult
from cncworkbench.storage import (
    ObjectStore,
    Progress,
    digest_key,
    file_sha256,
    recorded_sha256,
)


# ---------------------------------------------------------------------------------- models
@dataclass(frozen=True)
class ModelRow:
    """One version, as lists and the browser show it."""

    id: int
    project_id: int | None
    name: str
    type: str
    file_format: str
    version: int
    file_size: int
    sha256: str
    owner_email: str | None
    created_at: dt.datetime
    metadata: dict[str, Any] = field(default_factory=dict)
    thumbnail_key: str | None = None
    s3_key: str = ""
    parent_id: int | None = None


# The derived files of a version (exports, measurements, parameters) are made by a
# cad_generate job (services.cad); the upload queues it, in its own transaction.
CAD_TIMEOUT_S = 600
DERIVED_FORMATS = ("FCStd", "STEP")
DERIVE_PRIORITY = -1  # background work: interactive jobs go first


def queue_derive(session: Session, actor: Actor, model_id: int, file_format: str) -> int | None:
    """Queue the derived files of a freshly stored version (FCStd and STEP only); called in
    the upload's transaction, so the job exists exactly when the version does."""
    if file_format not in DERIVED_FORMATS:
        return None
    return queue.submit(
        session, "cad_generate", {"model_id": model_id}, priority=DERIVE_PRIORITY,
        idempotency_key=f"cad_generate:derive:{model_id}", timeout_seconds=CAD_TIMEOUT_S,
        max_retries=2, actor_user_id=actor.user_id,
    )  # fmt: skip


def _row(model: Model, email: str | None) -> ModelRow:
    return ModelRow(
        model.id, model.project_id, model.name, model.type, model.file_format, model.version,
        model.file_size, model.sha256_hash, email, model.created_at, model.metadata_ or {},
        model.thumbnail_s3_key, model.s3_key, model.parent_model_id,
    )  # fmt: skip


def _live_child():
    child = aliased(Model)
    return sa.exists().where(child.parent_model_id == Model.id, child.is_deleted.is_not(True))


def latest_versions_query():
    """Newest live version of every model line."""
    return (
        sa.select(Model, user_directory.c.email)
        .outerjoin(user_directory, user_directory.c.id == Model.user_id)
        .where(Model.is_deleted.is_not(True), ~_live_child())
    )


@dataclass(frozen=True)
class Page:
    rows: list[ModelRow]
    next_cursor: tuple[str, int] | None  # (created_at ISO, id) of the last row


def list_models(
    session: Session,
    actor: Actor,
    project_id: int | None = None,
    search: str | None = None,
    model_type: str | None = None,
    file_format: str | None = None,
    owner: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    after: tuple[str, int] | None = None,
    limit: int = 50,
) -> Page:
    """A page of models (their newest versions), newest first, with keyset pagination.

    ``search`` matches names the way Turkish users type them; ``key:value`` terms match
    the metadata (``material:Aluminium 6061-T6``, ``format:STEP``). The database picks the
    page's ids (``cnc_model_page``, which can use the search indexes) and the rows are
    then read as the user.
    """
    require(actor.role, Permission.MODEL_READ)
    terms, metadata = _parse_search(search or "")
    after_created, after_id = (None, None)
    if after is not None:
        after_created, after_id = dt.datetime.fromisoformat(after[0]), after[1]
    page = (
        session.execute(
            sa.text(
                "SELECT id FROM cnc_model_page(:project, :terms, CAST(:metadata AS jsonb), :type, "
                ":format, :owner, :since, :until, :after_created, :after_id, :limit)"
            ),
            {
                "project": project_id,
                "terms": [text.like_contains(term) for term in terms] or None,
                "metadata": json.dumps(metadata) if metadata else None,
                "type": model_type,
                "format": file_format,
                "owner": owner.strip().lower() if owner else None,
                "since": _naive_utc(since),
                "until": _naive_utc(until),
                "after_created": after_created,
                "after_id": after_id,
                "limit": limit + 1,
            },
        )
        .scalars()
        .all()
    )
    more = len(page) > limit
    ids = page[:limit]
    found = {
        model.id: _row(model, email)
        for model, email in session.execute(
            sa.select(Model, user_directory.c.email)
            .outerjoin(user_directory, user_directory.c.id == Model.user_id)
            .where(Model.id.in_(ids))
        )
    }
    rows = [found[model_id] for model_id in ids if model_id in found]
    cursor = (rows[-1].created_at.replace(tzinfo=None).isoformat(), rows[-1].id) if more else None
    return Page(rows, cursor)


def _naive_utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _parse_search(search: str) -> tuple[list[str], dict[str, str]]:
    terms, metadata = [], {}
    for part in search.split(","):
        part = part.strip()
        if ":" in part:
            key, value = (piece.strip() for piece in part.split(":", 1))
            if key and value:
                metadata[key] = value
                continue
        if part:
            terms.append(part)
    return terms, metadata


def line_of(session: Session, model_id: int) -> list[ModelRow]:
    """Every live version of the line ``model_id`` belongs to, newest first."""
    if session.get(Model, model_id) is None:
        raise ValidationError(translate("Models", "There is no model {id}.").format(id=model_id))
    line = sa.text(
        """
        WITH RECURSIVE back(id) AS (
            SELECT CAST(:id AS integer)
            UNION SELECT m.parent_model_id FROM models m JOIN back b ON m.id = b.id
            WHERE m.parent_model_id IS NOT NULL
        ), forward(id) AS (
            SELECT CAST(:id AS integer)
            UNION SELECT m.id FROM models m JOIN forward f ON m.parent_model_id = f.id
        )
        SELECT id FROM back UNION SELECT id FROM forward
        """
    )
    ids = list(session.execute(line, {"id": model_id}).scalars())
    query = (
        sa.select(Model, user_directory.c.email)
        .outerjoin(user_directory, user_directory.c.id == Model.user_id)
        .where(Model.id.in_(ids), Model.is_deleted.is_not(True))
        .order_by(Model.version.desc())
    )
    return [_row(model, email) for model, email in session.execute(query)]


def versions(session: Session, actor: Actor, model_id: int) -> list[ModelRow]:
    """Every live version of the model, newest first."""
    require(actor.role, Permission.MODEL_READ)
    return line_of(session, model_id)


def get_model(session: Session, actor: Actor, model_id: int) -> ModelRow:
    require(actor.role, Permission.MODEL_READ)
    found = session.execute(
        sa.select(Model, user_directory.c.email)
        .outerjoin(user_directory, user_directory.c.id == Model.user_id)
        .where(Model.id == model_id, Model.is_deleted.is_not(True))
    ).first()
    if found is None:
        raise ValidationError(translate("Models", "There is no model {id}.").format(id=model_id))
    return _row(*found)


def latest_of(session: Session, model_id: int) -> ModelRow:
    """The newest live version of the line ``model_id`` belongs to."""
    line = line_of(session, model_id)
    if not line:
        raise ValidationError(
            translate("Models", "Model {id} and all its versions are deleted.").format(id=model_id)
        )
    return line[0]


def soft_delete(session: Session, actor: Actor, model_id: int) -> None:
    require(actor.role, Permission.MODEL_DELETE)
    model = session.get(Model, model_id)
    if model is None or model.is_deleted:
        raise ValidationError(translate("Models", "There is no model {id}.").format(id=model_id))
    model.is_deleted = True
    session.flush()
    audit.record(
        session, actor, "model.delete", "models", model.id, None, {"is_deleted": [False, True]}
    )


# ---------------------------------------------------------------------------------- upload
def upload_model(
    db: Database,
    store: ObjectStore,
    actor: Actor,
    path: Path,
    project: str | int,
    name: str | None = None,
    model_type: str = "part",
    description: str | None = None,
    parent_id: int | None = None,
    extra_metadata: dict[str, Any] | None = None,
    thumbnail_png: bytes | None = None,
    progress: Progress | None = None,
    max_bytes: int = model_files.DEFAULT_MAX_BYTES,
    transfer: upload_transfer.Transfer | None = None,
) -> UploadResult:
    """Store ``path`` as a new model, or as the next version of ``parent_id``'s line (or of
    the model with the same name in the project).

    ``transfer``: the file's transfer, started by the caller before it opened the database
    (:func:`upload_transfer.start_transfer`, the CLI does); without one it starts here,
    after the permission check, and the database work below runs while the bytes move."""
    require(actor.role, Permission.MODEL_WRITE)
    if model_type not in MODEL_TYPES:
        raise ValidationError(
            translate("Models", "Unknown model type '{type}'; one of {types}.").format(
                type=model_type, types=", ".join(MODEL_TYPES)
            )
        )
    moving = transfer or upload_transfer.start_transfer(store, Path(path), progress, max_bytes)
    with moving:
        return _store_version(
            db, store, actor, moving, project, name, model_type, description, parent_id,
            extra_metadata, thumbnail_png,
        )  # fmt: skip


def _store_version(
    db, store, actor, moving, project, name, model_type, description, parent_id,
    extra_metadata, thumbnail_png,
) -> UploadResult:  # fmt: skip
    checked = moving.checked
    name = clean_name(name or checked.path.stem, "model")
    deferred_picture = model_preview.defer_thumbnail(checked, thumbnail_png)
    if checked.format == "STL":
        metadata = {"format": "STL", "units": model_files.STL_UNITS}
    else:
        metadata = model_files.metadata(checked)
    if extra_metadata is None and checked.format in ("FCStd", "STEP"):
        geometry, picture = _geometry(checked)
        metadata.update(geometry)
        thumbnail_png = thumbnail_png or picture

    # 1. Where does it go: a new line, or the next version of an existing one?
    with db.session() as session:
        project_id = _resolve_project(session, actor, project)
        previous = _previous_version(session, project_id, name, parent_id)
        # (the facts pass, ~10x faster than the transfer, has normally finished by now)
        properties, sha256, size = moving.facts()
        if previous is not None:
            same = _identical_version(session, previous, sha256)
            if same is not None:
                moving.discard()
                return upload_result.identical(
                    same.id, same.version, same.name, same.s3_key, sha256, size
                )
    if checked.format == "STL":
        if not deferred_picture and not properties:  # a big mesh with a picture given
            properties = model_files.stl_properties_and_sha256(checked.path)[0]
        metadata.update(properties)  # a big mesh's: by the job (empty here)
    metadata.update(extra_metadata or {})
    if deferred_picture:
        metadata["thumbnail"] = model_preview.PENDING

    # 2. The object (and thumbnail), stored and verified before any row points at them.
    key = moving.stored().key
    thumbnail_key = None
    try:
        picture = None if deferred_picture else thumbnail_png or _thumbnail(checked)
        if picture is not None:
            thumbnail_key = digest_key("thumbnails", f"{checked.path.stem}.png", picture)
            store.put_bytes(thumbnail_key, picture, "image/png")
        # 3. The row, committed last.
        with db.session() as session:
            model = _insert_version(
                session, actor, project_id, name, model_type, description, checked, key,
                sha256, size, metadata, thumbnail_key, previous,
            )  # fmt: skip
            # Derived files (STEP/STL exports, measurements, parameters): a cad_generate
            # job, queued in this transaction so it exists exactly when the version does.
            derive_job = queue_derive(session, actor, model.id, checked.format)
            picture_job = None
            if deferred_picture:
                picture_job = model_preview.queue_thumbnail(session, actor, model.id)
            result = upload_result.stored(
                model.id, name, model.version, key, sha256, size, derive_job, picture_job
            )
    except BaseException:
        if thumbnail_key:
            with contextlib.suppress(Exception):  # the sweeper removes what this cannot
                store.delete(thumbnail_key)
        raise  # leaving the transfer's block removes the model's object
    moving.keep()
    return result


def _resolve_project(session: Session, actor: Actor, project: str | int) -> int:
    if isinstance(project, int):
        return get_project(session, project).id
    found = find_project(session, project)
    if found is not None:
        if found.status == "archived":
            raise upload_result.project_archived(found.name)
        return found.id
    return create_project(session, actor, project).id


def _previous_version(
    session: Session, project_id: int, name: str, parent_id: int | None
) -> ModelRow | None:
    if parent_id is not None:
        return latest_of(session, parent_id)
    same_name = session.execute(
        latest_versions_query().where(
            Model.project_id == project_id,
            sa.func.cnc_fold(Model.name) == text.fold(name),
        )
    ).first()
    return _row(*same_name) if same_name else None


def _identical_version(session: Session, latest: ModelRow, sha256: str) -> ModelRow | None:
    for version in line_of(session, latest.id):
        if version.sha256 == sha256:
            return version
    return None


def _insert_version(
    session, actor, project_id, name, model_type, description, checked, key, sha256, size,
    metadata, thumbnail_key, previous,
) -> Model:  # fmt: skip
    parent_id, version = None, 1
    if previous is not None:
        # Lock the line's newest row: a concurrent upload of the same next version waits,
        # then finds that the line moved on (and the unique index stops a fork anyway).
        parent = session.execute(
            sa.select(Model).where(Model.id == previous.id).with_for_update()
        ).scalar_one()
        taken = session.scalar(sa.select(Model.version).where(Model.parent_model_id == parent.id))
        if taken is not None:
            raise upload_result.version_taken(taken, parent.name)
        parent_id, version = parent.id, parent.version + 1
    model = Model(
        user_id=actor.user_id or system_owner(session),
        project_id=project_id,
        name=name,
        description=description,
        type=model_type,
        file_format=checked.format,
        s3_key=key,
        file_size=size,
        sha256_hash=sha256,
        version=version,
        parent_model_id=parent_id,
        metadata_=metadata,
        thumbnail_s3_key=thumbnail_key,
    )
    session.add(model)
    session.flush()
    audit.record(session, actor, "model.upload", "models", model.id, audit.snapshot(model))
    return model


def _geometry(checked: model_files.ModelFile) -> tuple[dict[str, Any], bytes | None]:
    """Exact geometry and a thumbnail from FreeCAD, where it is installed.

    A file FreeCAD cannot read is refused (its header looked right, its body is not);
    without FreeCAD the upload keeps what the file itself says."""
    from cncworkbench.cam import inspect  # numpy and FreeCAD's runner: not for every upload

    try:
        return inspect.inspect_model(checked)
    except FreeCADUnavailable:
        return {"geometry": "not read: FreeCAD is not installed where this was uploaded"}, None
    except FreeCADFailed as exc:
        raise ValidationError(str(exc)) from None


def _thumbnail(checked: model_files.ModelFile) -> bytes | None:
    embedded = model_files.embedded_thumbnail(checked)
    if embedded is not None:
        return embedded
    if checked.format == "STL":
        from cncworkbench.core import thumbnail  # numpy: small meshes only

        return thumbnail.mesh_thumbnail(model_files.read_stl(checked.path))
    return None  # STEP and FCStd without a saved picture: FreeCAD renders one where it runs


# -------------------------------------------------------------------------------- download
def cache_path(cache_dir: Path, row: ModelRow) -> Path:
    """Where a version lives locally: keyed by content hash, so it is fetched once."""
    extension = {"FCStd": ".FCStd", "STEP": ".step", "STL": ".stl"}.get(row.file_format, "")
    return Path(cache_dir) / "models" / f"{row.sha256}{extension}"


def download_model(
    store: ObjectStore,
    row: ModelRow,
    destination: Path,
    progress: Progress | None = None,
) -> Path:
    """Fetch a version to ``destination``; a corrupted object is refused and nothing is
    left at ``destination``."""
    return store.get_file(row.s3_key, Path(destination), row.sha256, row.file_size, progress)


def fetch_to_cache(
    store: ObjectStore, row: ModelRow, cache_dir: Path, progress: Progress | None = None
) -> Path:
    target = cache_path(cache_dir, row)
    if target.exists() and file_sha256(target)[0] == row.sha256:
        return target
    return download_model(store, row, target, progress)


def thumbnail_png(store: ObjectStore, row: ModelRow) -> bytes | None:
    if not row.thumbnail_key:
        return None
    return store.get_bytes(row.thumbnail_key, recorded_sha256(row.thumbnail_key))
