"""CAD work on stored models (the ``cad_generate`` job), FreeCAD headless in a child.

Two kinds of ``cad_generate`` job:

- *derive* (``{"model_id": N}``), queued by every FCStd or STEP upload in the transaction
  that stores the version: FreeCAD recomputes the document and measures its part
  (bounding box, volume, surface area, solids, units, FreeCAD version), lists the
  spreadsheet parameters (cells with an alias) and exports STEP (from an FCStd) and STL;
  the exports and a thumbnail become artefacts and the facts join ``models.metadata``
  (``derived`` names the artefacts), so the browser shows them, and the "Generate
  variant…" form is built from ``parameters`` without starting FreeCAD.
- *variant* (``{"model_id": N, "parameters": {"Length": "120"}}``): a member of a part
  family. FreeCAD sets the aliased cells (a bare number keeps the cell's unit), recomputes
  and checks that the parts are still valid solids (as many as before); the changed
  document is stored as a new model in the same project (or the next version of the
  variant of that name), with ``family`` in its metadata naming the source and the values
  set, and its exports as artefacts. A recompute error or an invalid solid fails the job
  with FreeCAD's message and nothing is stored.

Rows are written in the transaction that completes the job (:meth:`JobContext.on_commit`),
so a retried or taken-over attempt never stores twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.cam.freecad_process import FreeCADFailed, FreeCADUnavailable, run_script
from cncworkbench.core import i18n, model_files, thumbnail
from cncworkbench.core.i18n import translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.models import Artefact, Model
from cncworkbench.errors import UserError, ValidationError
from cncworkbench.services.access import audit
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.jobs import jobs
from cncworkbench.services.pdm import models as model_service
from cncworkbench.services.pdm.models import CAD_TIMEOUT_S, DERIVE_PRIORITY, DERIVED_FORMATS
from cncworkbench.services.pdm.projects import clean_name
from cncworkbench.storage import ObjectStore, digest_key, new_key

SUFFIXES = {"FCStd": ".FCStd", "STEP": ".step", "STL": ".stl"}
MIME = {
    "step": "model/step",
    "stl": "model/stl",
    "thumbnail": "image/png",
    "FCStd": "application/x-freecad",
}
# What a derive adds to models.metadata (the upload's own keys are kept where they clash).
GEOMETRY_KEYS = (
    "bounding_box", "size_mm", "volume_mm3", "surface_area_mm2", "solids", "valid",
    "freecad_version", "parts", "parameters", "unit_system",
)  # fmt: skip
MAX_PARAMETERS = 50


class CadFailed(UserError):
    """FreeCAD could not generate the model; the message is FreeCAD's (or the check's)."""


# ---------------------------------------------------------------------------------- queueing
def derive_again(session: Session, actor: Actor, model_id: int) -> int:
    """Queue the derived files of a version again (after FreeCAD was installed, say)."""
    require(actor.role, Permission.MODEL_WRITE)
    model = _live_model(session, model_id)
    if model.file_format not in DERIVED_FORMATS:
        raise ValidationError(
            translate(
                "Cad", "'{name}' is {format}: only FCStd and STEP models have derived files."
            ).format(name=model.name, format=model.file_format)
        )
    return jobs.submit_job(
        session, actor, "cad_generate", {"model_id": model_id}, priority=DERIVE_PRIORITY,
        timeout_seconds=CAD_TIMEOUT_S, max_retries=2,
    )  # fmt: skip


@dataclass(frozen=True)
class Parameter:
    """A spreadsheet cell with an alias, as the derive found it."""

    alias: str
    kind: str  # "quantity", "integer", "number" or "text"
    value: Any
    unit: str = ""
    label: str = ""
    sheet: str = ""
    cell: str = ""

    @property
    def shown(self) -> str:
        """The value as the reader writes it (``6,6 mm`` in Turkish)."""
        if self.is_number:
            return f"{i18n.number(self.value)} {self.unit}".strip()
        return str(self.value)

    @property
    def is_number(self) -> bool:
        return self.kind in ("quantity", "integer", "number") and isinstance(
            self.value, int | float
        )


def parameters_of(metadata: dict[str, Any] | None) -> list[Parameter]:
    """The parameters a derive stored in a model's metadata (empty: none, or not derived)."""
    found = []
    for entry in (metadata or {}).get("parameters") or []:
        if not isinstance(entry, dict) or not entry.get("alias"):
            continue
        found.append(
            Parameter(
                str(entry["alias"]),
                str(entry.get("kind", "text")),
                entry.get("value"),
                str(entry.get("unit") or ""),
                str(entry.get("label") or ""),
                str(entry.get("sheet") or ""),
                str(entry.get("cell") or ""),
            )
        )
    return found


def parse_assignments(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["Length=120", "Holes=4"]`` → ``{"Length": "120", "Holes": "4"}``."""
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = str(item).partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name or not value:
            raise ValidationError(
                translate("Cad", "'{item}' is not NAME=VALUE (e.g. Length=120).").format(item=item)
            )
        if name in values:
            raise ValidationError(translate("Cad", "{name} is given twice.").format(name=name))
        values[name] = value
    return values


def check_values(parameters: list[Parameter], values: dict[str, Any]) -> dict[str, str]:
    """The values as cell contents to send, checked against the known parameters (when the
    derive listed them; otherwise FreeCAD checks the names)."""
    if not values:
        raise ValidationError(
            translate("Cad", "Give at least one parameter to change (e.g. Length=120).")
        )
    if len(values) > MAX_PARAMETERS:
        raise ValidationError(
            translate("Cad", "At most {count} parameters at once.").format(count=MAX_PARAMETERS)
        )
    known = {p.alias: p for p in parameters}
    clean: dict[str, str] = {}
    for name, raw in values.items():
        text = str(raw).strip()
        if not text or len(text) > 100:
            raise ValidationError(
                translate("Cad", "{name}: give a value of 1 to 100 characters.").format(name=name)
            )
        parameter = known.get(name)
        if known and parameter is None:
            raise ValidationError(
                translate(
                    "Cad", "The model has no parameter '{name}'; its parameters are {names}."
                ).format(name=name, names=", ".join(known))
            )
        if parameter is not None and parameter.kind in ("quantity", "integer", "number"):
            number = text.replace(",", ".").split()[0].lstrip("=")
            try:
                value = float(number)
            except ValueError:
                raise ValidationError(
                    translate("Cad", "{name} takes a number, not '{text}'.").format(
                        name=name, text=text
                    )
                ) from None
            if parameter.kind == "integer" and not value.is_integer():
                raise ValidationError(
                    translate("Cad", "{name} takes a whole number, not '{text}'.").format(
                        name=name, text=text
                    )
                )
        clean[name] = text
    return clean


def variant_name(source_name: str, values: dict[str, str]) -> str:
    shown = ", ".join(f"{name}={value}" for name, value in values.items())
    return clean_name(f"{source_name} ({shown})"[:255], "model")


def submit_variant(
    session: Session,
    actor: Actor,
    model_id: int,
    values: dict[str, Any],
    name: str | None = None,
    priority: int = 0,
) -> int:
    """Queue a variant of a part family: the model with new spreadsheet values."""
    require(actor.role, Permission.MODEL_WRITE)
    model = _live_model(session, model_id)
    if model.file_format != "FCStd":
        raise ValidationError(
            translate(
                "Cad",
                "'{name}' is {format}: only FreeCAD documents (FCStd) with a spreadsheet of "
                "parameters make variants.",
            ).format(name=model.name, format=model.file_format)
        )
    parameters = parameters_of(model.metadata_)
    derived = "derived" in (model.metadata_ or {})
    if derived and not parameters:
        raise ValidationError(
            translate(
                "Cad", "'{name}' has no spreadsheet parameters (cells with an alias) to set."
            ).format(name=model.name)
        )
    clean = check_values(parameters, values)
    target = clean_name(name, "model") if name else variant_name(model.name, clean)
    job_id = jobs.submit_job(
        session, actor, "cad_generate",
        {"model_id": model_id, "parameters": clean, "name": target},
        priority=priority, timeout_seconds=CAD_TIMEOUT_S, max_retries=1,
    )  # fmt: skip
    audit.record(
        session, actor, "model.variant_requested", "models", model_id,
        {"job_id": job_id, "parameters": clean, "name": target},
    )  # fmt: skip
    return job_id


def _live_model(session: Session, model_id: int) -> Model:
    model = session.get(Model, model_id)
    if model is None or model.is_deleted:
        raise ValidationError(translate("Cad", "There is no model {id}.").format(id=model_id))
    return model


# ------------------------------------------------------------------------------- FreeCAD work
@dataclass
class Generated:
    """What FreeCAD made of one model file."""

    metadata: dict[str, Any]
    step: bytes | None
    stl: bytes
    thumbnail_png: bytes
    document: bytes | None  # the changed FCStd of a variant
    changed: dict[str, str]  # alias -> cell content set (variants)


def generate_file(
    path: Path,
    file_format: str,
    parameters: dict[str, str] | None = None,
    timeout: float = CAD_TIMEOUT_S,
) -> Generated:
    """Derive (no parameters) or make a variant of the model file at ``path``."""
    exports = ["STEP", "STL"] if file_format == "FCStd" else ["STL"]
    try:
        answer = run_script(
            "cad_derive.py",
            {"path": str(path), "format": file_format, "exports": exports,
             "parameters": parameters or {}},
            timeout=timeout,
        )  # fmt: skip
    except FreeCADUnavailable:
        raise
    except FreeCADFailed as exc:
        raise CadFailed(str(exc)) from exc
    stl = answer["stl_bytes"]
    with tempfile.NamedTemporaryFile(suffix=".stl") as mesh:
        mesh.write(stl)
        mesh.flush()
        picture = thumbnail.mesh_thumbnail(model_files.read_stl(Path(mesh.name)))
    return Generated(
        metadata=answer["metadata"],
        step=answer.get("step_bytes"),
        stl=stl,
        thumbnail_png=picture,
        document=answer.get("document_bytes"),
        changed=answer.get("changed") or {},
    )


@dataclass
class StoredFile:
    role: str  # "step", "stl", "thumbnail", "document"
    name: str
    key: str
    size: int
    sha256: str
    mime: str


def store_files(store: ObjectStore, files: list[tuple[str, str, str, bytes]]) -> list[StoredFile]:
    """Put each (role, key prefix, name, data) in the store; all or none."""
    stored: list[StoredFile] = []
    try:
        for role, prefix, name, data in files:
            mime = MIME.get(role, MIME["FCStd"])
            # thumbnails have no hash column: their key records it (storage.digest_key)
            key = (
                digest_key(prefix, name, data) if prefix == "thumbnails" else new_key(prefix, name)
            )
            result = store.put_bytes(key, data, mime)
            stored.append(StoredFile(role, name, result.key, result.size, result.sha256, mime))
    except BaseException:
        for item in stored:
            with contextlib.suppress(Exception):  # the sweeper removes what this cannot
                store.delete(item.key)
        raise
    return stored


# ------------------------------------------------------------------------------- the job
def cad_generate_job(ctx) -> dict[str, Any]:
    """The ``cad_generate`` handler (registered in services.job_handlers)."""
    from cncworkbench.services.jobs.worker import PermanentError

    if ctx.params.get("make") == "thumbnail":  # a big mesh's picture, after its upload
        from cncworkbench.services.pdm import model_preview

        return model_preview.model_thumbnail_job(ctx)
    model_id = ctx.params.get("model_id")
    if not isinstance(model_id, int):
        raise PermanentError(
            translate("Cad", "cad_generate needs the model_id of a stored model version")
        )
    values = ctx.params.get("parameters") or {}
    if not isinstance(values, dict):
        raise PermanentError(
            translate("Cad", "cad_generate: parameters must be an object of NAME: VALUE")
        )
    with ctx.db.session() as session:
        model = session.get(Model, model_id)
        if model is None or model.is_deleted:
            raise PermanentError(
                translate("Cad", "Model {id} is gone (deleted).").format(id=model_id)
            )
        source = {
            "id": model.id, "name": model.name, "version": model.version,
            "format": model.file_format, "key": model.s3_key, "sha256": model.sha256_hash,
            "size": model.file_size, "project_id": model.project_id, "type": model.type,
            "description": model.description,
        }  # fmt: skip
    if source["format"] not in DERIVED_FORMATS:
        raise PermanentError(
            translate("Cad", "{format} models have no derived files.").format(
                format=source["format"]
            )
        )
    variant = bool(values)
    if variant and source["format"] != "FCStd":
        raise PermanentError(
            translate("Cad", "Only FreeCAD documents (FCStd) have spreadsheet parameters.")
        )
    ctx.progress(3, translate("Cad", "Downloading the model"))
    with tempfile.TemporaryDirectory(prefix="cnc-cad-") as work:
        path = ctx.store.get_file(
            source["key"], Path(work) / f"model{SUFFIXES[source['format']]}", source["sha256"],
            source["size"],
        )  # fmt: skip
        ctx.progress(
            10,
            translate("Cad", "FreeCAD: setting the parameters and recomputing")
            if variant
            else translate("Cad", "FreeCAD: recomputing, measuring and exporting"),
        )
        try:
            made = generate_file(
                path, source["format"], {k: str(v) for k, v in values.items()},
                timeout=max(min(CAD_TIMEOUT_S, ctx.remaining() - 10), 30),
            )  # fmt: skip
        except FreeCADUnavailable:
            raise  # another worker (with FreeCAD) may take the retry
        except CadFailed as exc:
            raise PermanentError(str(exc)) from exc
    ctx.progress(80, translate("Cad", "Storing the files"))
    if variant:
        return _finish_variant(ctx, source, values, made)
    return _finish_derive(ctx, source, made)


def _finish_derive(ctx, source: dict[str, Any], made: Generated) -> dict[str, Any]:
    stem = f"{source['name']}_v{source['version']}".replace(" ", "_")
    files = [("stl", "artefacts", f"{stem}.stl", made.stl)]
    if made.step is not None:
        files.insert(0, ("step", "artefacts", f"{stem}.step", made.step))
    with ctx.db.session() as session:
        has_picture = bool(session.scalar(
            sa.select(Model.thumbnail_s3_key).where(Model.id == source["id"])
        ))  # fmt: skip
    if not has_picture:
        files.append(("thumbnail", "thumbnails", f"{stem}.png", made.thumbnail_png))
    stored = store_files(ctx.store, files)
    ctx.progress(95, translate("Cad", "Recording the results"))
    output = {
        "model_id": source["id"],
        "files": [item.role for item in stored],
        "volume_mm3": made.metadata.get("volume_mm3"),
        "solids": made.metadata.get("solids"),
        "parameters": [p["alias"] for p in made.metadata.get("parameters") or []],
    }

    def commit(session: Session) -> None:
        model = session.execute(
            sa.select(Model).where(Model.id == source["id"]).with_for_update()
        ).scalar_one()
        _add_artefacts(session, ctx.job.id, source["id"], stored)
        before = dict(model.metadata_ or {})
        metadata = dict(before)
        metadata.update({k: v for k, v in made.metadata.items() if k in GEOMETRY_KEYS})
        metadata.setdefault("units", made.metadata.get("units", "mm"))
        metadata["derived"] = _derived_entry(ctx.job.id, stored, model.thumbnail_s3_key)
        model.metadata_ = metadata
        picture = next((item for item in stored if item.role == "thumbnail"), None)
        if picture is not None and not model.thumbnail_s3_key:
            model.thumbnail_s3_key = picture.key
        session.flush()
        audit.record(
            session, ctx.actor, "model.derived", "models", model.id,
            {"job_id": ctx.job.id, "files": [item.name for item in stored]},
            {key: [before.get(key), metadata.get(key)] for key in sorted(metadata)
             if before.get(key) != metadata.get(key) and key != "derived"},
        )  # fmt: skip

    ctx.on_commit(commit)
    return output


def _finish_variant(ctx, source, values, made: Generated) -> dict[str, Any]:
    name = ctx.params.get("name") or variant_name(source["name"], made.changed or values)
    stem = name.replace(" ", "_")
    if made.document is None:
        from cncworkbench.services.jobs.worker import PermanentError

        raise PermanentError(translate("Cad", "FreeCAD did not save the variant's document."))
    files = [
        ("document", "models", f"{stem}.FCStd", made.document),
        ("thumbnail", "thumbnails", f"{stem}.png", made.thumbnail_png),
        ("stl", "artefacts", f"{stem}.stl", made.stl),
    ]
    if made.step is not None:
        files.insert(2, ("step", "artefacts", f"{stem}.step", made.step))
    stored = store_files(ctx.store, files)
    document = next(item for item in stored if item.role == "document")
    picture = next(item for item in stored if item.role == "thumbnail")
    ctx.progress(95, translate("Cad", "Recording the new model"))
    metadata = {
        "format": "FCStd",
        "units": made.metadata.get("units", "mm"),
        **{k: v for k, v in made.metadata.items() if k in GEOMETRY_KEYS},
        "family": {
            "source_model_id": source["id"],
            "source_name": source["name"],
            "source_version": source["version"],
            "set": made.changed or {k: str(v) for k, v in values.items()},
        },
        "derived": _derived_entry(ctx.job.id, stored, picture.key),
    }
    # The output is stored with the job after the commit below has filled in the new id.
    output: dict[str, Any] = {
        "source_model_id": source["id"],
        "name": name,
        "parameters": metadata["family"]["set"],
        "volume_mm3": made.metadata.get("volume_mm3"),
        "size_mm": made.metadata.get("size_mm"),
    }

    def commit(session: Session) -> None:
        project_id = source["project_id"]
        previous = model_service._previous_version(session, project_id, name, None)
        checked = model_files.ModelFile(Path(document.name), "FCStd", document.size)
        model = model_service._insert_version(
            session, ctx.actor, project_id, name, source["type"],
            source["description"], checked, document.key, document.sha256, document.size,
            metadata, picture.key, previous,
        )  # fmt: skip
        _add_artefacts(
            session, ctx.job.id, model.id, [s for s in stored if s.role in ("step", "stl")]
        )
        audit.record(
            session, ctx.actor, "model.variant", "models", model.id,
            {"job_id": ctx.job.id, "source_model_id": source["id"],
             "parameters": metadata["family"]["set"]},
        )  # fmt: skip
        output.update(model_id=model.id, version=model.version)

    ctx.on_commit(commit)
    return output


def _derived_entry(job_id: int, stored: list[StoredFile], thumbnail_key: str | None) -> dict:
    entry: dict[str, Any] = {
        "job_id": job_id,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    for item in stored:
        if item.role in ("step", "stl"):
            entry[item.role] = {"key": item.key, "name": item.name, "size": item.size}
    if thumbnail_key:
        entry["thumbnail"] = {"key": thumbnail_key}
    return entry


def _add_artefacts(session: Session, job_id: int, model_id: int, stored: list[StoredFile]):
    for item in stored:
        if item.role == "document":
            continue  # the model row points at it
        session.add(
            Artefact(
                job_id=job_id, type=f"model_{item.role}", name=item.name, s3_key=item.key,
                file_size=item.size, mime_type=item.mime, sha256=item.sha256,
                metadata_={"model_id": model_id},
            )
        )  # fmt: skip
    session.flush()


# ------------------------------------------------------------------------------- reading
DERIVED_FILES = {"step": "STEP", "stl": "STL"}  # what a worker derives: kind -> its name


def derived_file(session: Session, actor: Actor, model_id: int, kind: str) -> Artefact:
    """The newest STEP or STL (``kind``) derived from a model version; UserError naming why
    there is none (a mesh has no exact geometry for STEP; the derive job has not finished)."""
    if kind not in DERIVED_FILES:
        raise ValidationError(
            translate("Cad", "A derived file is {formats}, not '{kind}'.").format(
                formats=" / ".join(DERIVED_FILES), kind=str(kind)[:20]
            )
        )
    row = model_service.get_model(session, actor, model_id)
    found = next(
        (a for a in derived_files(session, actor, model_id) if a.type == f"model_{kind}"), None
    )
    if found is not None:
        return found
    if kind == "step" and row.file_format.lower() == "stl":
        raise UserError(
            translate(
                "Cad",
                "{name} v{version} is a mesh (STL): it has no exact geometry to write as STEP.",
            ).format(name=row.name, version=row.version)
        )
    raise UserError(
        translate(
            "Cad",
            "There is no {format} of {name} v{version} yet: a worker makes it after the "
            "upload (the Jobs panel shows how that went).",
        ).format(format=DERIVED_FILES[kind], name=row.name, version=row.version)
    )


def download_derived(
    store: ObjectStore, artefact: Artefact, destination: Path, progress=None
) -> Path:
    """Fetch a derived file to ``destination``, verified against its SHA-256 and size (a
    corrupted object is refused and nothing is left there)."""
    return store.get_file(
        artefact.s3_key, Path(destination), artefact.sha256, artefact.file_size, progress
    )


def derived_files(session: Session, actor: Actor, model_id: int) -> list[Artefact]:
    """The artefacts (STEP, STL, thumbnail) derived from a model version, newest first."""
    require(actor.role, Permission.ARTEFACT_READ)
    return list(
        session.scalars(
            sa.select(Artefact)
            .where(Artefact.metadata_["model_id"].astext == str(model_id))
            .where(Artefact.type.like("model\\_%"))
            .order_by(Artefact.id.desc())
        )
    )
