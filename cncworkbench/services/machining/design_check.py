"""A simulated run against its design: the CAM run's model version (core.verification).

The design's height field on the run's grid is built once per model version and grid and
kept as a ``design_field`` artefact of the sim job that built it (an .npz, so the
storage sweeper keeps it while the row exists); later runs of the same model version on
the same grid read it back instead of asking FreeCAD again. A run whose design cannot be
read (no FreeCAD on this worker, a model FreeCAD cannot open, an STL of no volume) is
not compared, and its details say why.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import verification
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, Message
from cncworkbench.db.models import Artefact, CamRun, Model
from cncworkbench.errors import UserError
from cncworkbench.services.machining.cam import StoredArtefact, store_outputs
from cncworkbench.storage import ObjectStore

FIELD_TYPE = "design_field"
_SUFFIX = {"FCStd": ".FCStd", "STEP": ".step", "STL": ".stl"}


@dataclass
class DesignCheck:
    """What the comparison adds to a run: its figures (``details["design"]``), its
    findings, and a newly built design field to keep."""

    details: dict[str, Any]
    findings: list = field(default_factory=list)
    stored: list[StoredArtefact] = field(default_factory=list)
    image: np.ndarray | None = None  # the deviation map (core.deviation), when compared


def model_facts(session: Session, cam_run_id: int | None) -> dict[str, Any] | None:
    """The stored model version a CAM run machined (None: none recorded)."""
    cam_run = session.get(CamRun, cam_run_id) if cam_run_id is not None else None
    model = session.get(Model, cam_run.model_id) if cam_run is not None else None
    if model is None or not model.s3_key:
        return None
    return {
        "id": model.id, "name": model.name, "version": model.version, "key": model.s3_key,
        "sha256": model.sha256_hash, "size": model.file_size, "format": model.file_format,
    }  # fmt: skip


def signature(model: dict[str, Any], grid) -> str:
    """What a design field depends on: the model's content and the grid."""
    text = "|".join(
        str(v)
        for v in (
            model["sha256"], model["format"], verification.TESSELLATION_MM,
            round(grid.origin[0], 6), round(grid.origin[1], 6), grid.cell_mm, *grid.shape,
        )
    )  # fmt: skip
    return hashlib.sha256(text.encode()).hexdigest()


def cached_field(session: Session, store: ObjectStore, key: str) -> verification.DesignField | None:
    row = session.scalar(
        sa.select(Artefact)
        .where(Artefact.type == FIELD_TYPE, Artefact.metadata_["signature"].astext == key)
        .order_by(Artefact.id.desc())
        .limit(1)
    )
    if row is None:
        return None
    try:
        data = store.get_bytes(row.s3_key, row.sha256)
    except UserError:
        return None  # gone or damaged: built again
    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        return verification.field_from_arrays(archive)


def review_design(
    session: Session, store: ObjectStore, details: dict
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """For the review of a run compared with its design (``details``: the run's details):
    the design's top surface (heights per cell of the run's grid, NaN off the part), to
    draw over the stock, and the heights below which a cell is gouged (its mid-program
    gouges: :func:`verification.gouge_floor`); (None, None) when the run was not compared
    or its design field is no longer stored."""
    compared = details.get("design") or {}
    signature_key = compared.get("field_signature")
    if not signature_key:
        return None, None
    design = cached_field(session, store, signature_key)
    if design is None or design.top.shape != tuple(details["grid"]["shape"]):
        return None, None
    top = np.where(design.inside, design.top, np.nan).astype(np.float32)
    stock = details["stock"]
    tolerance = compared.get("tolerance_mm")
    if tolerance is None:
        tolerance = verification.default_tolerance(details["grid"]["cell_mm"])
    floor = verification.gouge_floor(design, stock["min"][2], stock["max"][2], tolerance)
    return top, floor


def build_field(store: ObjectStore, model: dict[str, Any], grid) -> verification.DesignField:
    from cncworkbench.cam.design import design_triangles

    with tempfile.TemporaryDirectory(prefix="cnc-design-") as work:
        path = store.get_file(
            model["key"], Path(work) / f"model{_SUFFIX[model['format']]}", model["sha256"],
            model["size"],
        )  # fmt: skip
        triangles = design_triangles(path, model["format"])
    return verification.design_field(triangles, grid)


def not_compared(reason: Message) -> dict[str, Any]:
    return {"compared": False, "reason": reason.text("en"), "reason_text": reason.as_dict()}


def check_run(db, store: ObjectStore, inputs, outcome) -> DesignCheck:
    """Below-the-stock findings, and the comparison with the CAM run's design; the
    findings are added to ``outcome.result`` and its status set again."""
    result, program = outcome.result, outcome.program
    checks = verification.below_stock(program, inputs.tools, result.stock_min, result.stock_max)
    with db.session() as session:
        model = model_facts(session, inputs.cam_run_id)
        design = None
        if model is not None:
            key = signature(model, result.grid)
            design = cached_field(session, store, key)
    check = DesignCheck({})
    if model is None:
        check.details = not_compared(
            Message(
                "Simulation",
                QT_TRANSLATE_NOOP("Simulation", "The run has no design (model) to compare with."),
                {},
            )
        )
    elif design is None:
        try:
            design = build_field(store, model, result.grid)
        except UserError as exc:
            check.details = not_compared(
                Message(
                    "Simulation",
                    QT_TRANSLATE_NOOP(
                        "Simulation", "The design could not be read, so it was not compared: {why}"
                    ),
                    {"why": str(exc)},
                )
            )
        else:
            buffer = io.BytesIO()
            np.savez_compressed(buffer, **design.arrays())
            check.stored = store_outputs(
                store,
                [(FIELD_TYPE, f"design_{model['id']}.npz", buffer.getvalue(), "application/x-npz",
                  {"signature": key, "model_id": model["id"]})],
            )  # fmt: skip
    compared = None
    if design is not None and design.inside.any():
        # The setup's operations say how much stock they leave (0: the part is finished),
        # so leftover beyond that is an error: "passed" means the part will be right.
        # What no round cutter can reach in an inner corner stays a warning.
        compared = verification.compare(
            result, design, program, inputs.tools, leave_mm=inputs.leave_mm
        )
        # the signature finds the design field again, for the review's 3-D overlay
        check.details = {"model_id": model["id"], "field_signature": key, **compared.as_dict()}
        check.findings = compared.findings
        check.image = verification.deviation_picture(
            result, design, compared.tolerance_mm, inputs.leave_mm
        )
    elif design is not None:
        check.details = not_compared(
            Message(
                "Simulation",
                QT_TRANSLATE_NOOP(
                    "Simulation", "The design does not lie over the stock, so it was not compared."
                ),
                {},
            )
        )
    verification.add_findings(result, checks, check.findings)
    return check
