"""Simulated runs: the ``sim_run`` pipeline, and the operator's review.

A CAM run's G-code is simulated on the setup's stock with the setup's tools, fixtures and
machine (core.simulation: material removal on a height field, collision and limit
rules). The results are a ``sim_runs`` row (status passed / warnings / failed, the
findings in ``collision_details``), a report PDF, an animated picture of the stock being
cut, and the final height field for the review dock. An operator then approves or
rejects the run (``sim_reviews``); the database refuses to approve a run with errors.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import gcode, heightmap, localefmt, runtime
from cncworkbench.core import simulation as sim
from cncworkbench.core.i18n import translate
from cncworkbench.core.iso_view import IsoView
from cncworkbench.core.iso_view import render as iso_render
from cncworkbench.core.licensing import Feature
from cncworkbench.core.permissions import Permission, require
from cncworkbench.core.review_geometry import tool_record
from cncworkbench.core.sim_playback import Playback
from cncworkbench.core.stock_mesh import stock_mesh
from cncworkbench.db.base import utcnow
from cncworkbench.db.models import (
    Artefact,
    CamRun,
    Machine,
    Model,
    Setup,
    SimReview,
    SimRun,
    user_directory,
)
from cncworkbench.errors import UserError, ValidationError
from cncworkbench.services import pdf_process
from cncworkbench.services.access import audit, licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce import erp
from cncworkbench.services.machining.cam import StoredArtefact, store_outputs, tool_shape
from cncworkbench.storage import ObjectStore

SIM_TIMEOUT_S = 1800
ANIMATION_FRAMES = 24
DECISIONS = ("approved", "rejected")


class SimulationFailed(UserError):
    """The program could not be simulated (unreadable G-code, unknown tool...)."""


# ------------------------------------------------------------------------------ lists
@dataclass(frozen=True)
class SimRunSummary:
    id: int
    machine: str | None
    status: str
    collision_count: int
    created_at: dt.datetime
    program: str = ""
    model: str = ""
    errors: int = 0
    warnings: int = 0
    decision: str | None = None  # None: awaiting review


def list_sim_runs(
    session: Session, limit: int = 200, awaiting_only: bool = False, run_id: int | None = None
) -> list[SimRunSummary]:
    query = (
        sa.select(SimRun, Machine.name, SimReview.decision, Model.name)
        .outerjoin(Machine, Machine.id == SimRun.machine_id)
        .outerjoin(SimReview, SimReview.sim_run_id == SimRun.id)
        .outerjoin(CamRun, CamRun.id == SimRun.cam_run_id)
        .outerjoin(Model, Model.id == CamRun.model_id)
        .order_by(SimRun.created_at.desc(), SimRun.id.desc())
        .limit(limit)
    )
    if awaiting_only:
        query = query.where(SimReview.id.is_(None))
    if run_id is not None:
        query = query.where(SimRun.id == run_id)
    rows = []
    for run, machine, decision, model in session.execute(query):
        details = run.collision_details or {}
        findings = details.get("findings", [])
        rows.append(
            SimRunSummary(
                run.id, machine, run.status, run.collision_count or 0, run.created_at,
                details.get("program", ""), model or "",
                sum(f["severity"] == "error" for f in findings),
                sum(f["severity"] == "warning" for f in findings),
                decision,
            )
        )  # fmt: skip
    return rows


@dataclass(frozen=True)
class Review:
    decision: str
    comment: str | None
    by: str | None
    at: dt.datetime


@dataclass(frozen=True)
class SimRunDetail:
    summary: SimRunSummary
    details: dict[str, Any]
    gcode_key: str | None
    heightmap_key: str | None
    report_key: str | None
    animation_key: str | None
    review: Review | None
    # Recorded SHA-256 of the stored objects (None: not recorded), checked on every read.
    gcode_sha256: str | None = None
    heightmap_sha256: str | None = None
    # The stock after any line (core.sim_playback), for the review's scrubber.
    playback_key: str | None = None
    playback_sha256: str | None = None
    # The deviation map (design comparison, #21): None for runs not compared.
    deviation_key: str | None = None
    deviation_sha256: str | None = None

    @property
    def findings(self) -> list[dict[str, Any]]:
        order = {"error": 0, "warning": 1}
        found = self.details.get("findings", [])
        return sorted(found, key=lambda f: (order.get(f["severity"], 2), f["line"]))


def get_sim_run(session: Session, actor: Actor, sim_run_id: int) -> SimRunDetail:
    require(actor.role, Permission.SIM_READ)
    summary = next(iter(list_sim_runs(session, run_id=sim_run_id)), None)
    run = session.get(SimRun, sim_run_id)
    if run is None or summary is None:
        raise _no_run(sim_run_id)
    artefacts = {
        a.type: a for a in session.scalars(sa.select(Artefact).where(Artefact.job_id == run.job_id))
    }
    keys = {kind: artefact.s3_key for kind, artefact in artefacts.items()}
    gcode_key = None
    if run.cam_run_id is not None:
        cam_run = session.get(CamRun, run.cam_run_id)
        gcode_key = cam_run.output_s3_key if cam_run else None
    review = None
    found = session.execute(
        sa.select(SimReview, user_directory.c.email)
        .outerjoin(user_directory, user_directory.c.id == SimReview.user_id)
        .where(SimReview.sim_run_id == sim_run_id)
    ).first()
    if found is not None:
        row, email = found
        review = Review(row.decision, row.comment, email, row.created_at)
    heightmap, playback = artefacts.get("heightmap"), artefacts.get("playback")
    return SimRunDetail(
        summary, run.collision_details or {}, gcode_key, keys.get("heightmap"),
        run.report_s3_key, run.video_s3_key, review,
        gcode_sha256=recorded_sha256(session, gcode_key) if gcode_key else None,
        heightmap_sha256=heightmap.sha256 if heightmap else None,
        playback_key=playback.s3_key if playback else None,
        playback_sha256=playback.sha256 if playback else None,
        deviation_key=keys.get("deviation_map"),
        deviation_sha256=artefacts["deviation_map"].sha256 if "deviation_map" in artefacts
        else None,
    )  # fmt: skip


def recorded_sha256(session: Session, key: str) -> str | None:
    """The SHA-256 recorded for a stored artefact, to check whenever it is read."""
    return session.scalar(sa.select(Artefact.sha256).where(Artefact.s3_key == key))


def _no_run(sim_run_id: int) -> ValidationError:
    return ValidationError(
        translate("Simulation", "There is no simulated run {run}.").format(run=sim_run_id)
    )


# ----------------------------------------------------------------------------- review
def review(
    session: Session, actor: Actor, sim_run_id: int, decision: str, comment: str | None = None
) -> int:
    """Record the operator's decision; a run with errors cannot be approved."""
    require(actor.role, Permission.SIM_APPROVE)
    if decision not in DECISIONS:
        raise ValidationError(
            translate(
                "Simulation", "A review is 'approved' or 'rejected', not '{decision}'."
            ).format(decision=decision)
        )
    comment = (comment or "").strip() or None
    if comment is not None and len(comment) > 2000:
        raise ValidationError(
            translate("Simulation", "The comment is longer than 2000 characters.")
        )
    if decision == "rejected" and comment is None:
        raise ValidationError(
            translate("Simulation", "Say why the program is rejected (a comment is required).")
        )
    run = session.get(SimRun, sim_run_id)
    if run is None:
        raise _no_run(sim_run_id)
    if decision == "approved" and run.status not in ("passed", "warnings"):
        raise ValidationError(
            translate(
                "Simulation",
                "Simulated run {run} found errors: a program with errors cannot be approved.",
            ).format(run=sim_run_id)
        )
    existing = session.scalar(sa.select(SimReview).where(SimReview.sim_run_id == sim_run_id))
    if existing is not None:
        text = (
            translate(
                "Simulation",
                "Simulated run {run} was already approved; simulate the program "
                "again for a new decision.",
            )
            if existing.decision == "approved"
            else translate(
                "Simulation",
                "Simulated run {run} was already rejected; simulate the program "
                "again for a new decision.",
            )
        )
        raise ValidationError(text.format(run=sim_run_id))
    row = SimReview(
        sim_run_id=sim_run_id, user_id=actor.user_id, decision=decision, comment=comment
    )
    session.add(row)
    session.flush()
    audit.record(
        session, actor, f"sim.{decision}", "sim_run", sim_run_id,
        {"decision": decision, "comment": comment, "status": run.status},
    )  # fmt: skip
    if decision == "approved":  # the ERP/MES learns the program may go to the machine
        details = run.collision_details or {}
        erp.record_event(
            session, "gcode.approved", "sim_run", run.id,
            {"sim_run_id": run.id, "program": details.get("program") or f"sim_run_{run.id}",
             "approved_by": actor.email or "cli", "approved_at": utcnow(),
             "cam_run_id": run.cam_run_id, "machining_time_s": details.get("machining_time_s"),
             "comment": comment, **erp.project_order(session, cam_run_id=run.cam_run_id)},
        )  # fmt: skip
    return row.id


def submit_simulation(session: Session, actor: Actor, cam_run_id: int, priority: int = 0) -> int:
    from cncworkbench.services.jobs import jobs

    require(actor.role, Permission.JOB_SUBMIT)
    licenses.require_feature(session, Feature.SIMULATION)
    if session.get(CamRun, cam_run_id) is None:
        raise ValidationError(
            translate("Simulation", "There is no CAM run {run}.").format(run=cam_run_id)
        )
    return jobs.submit_job(
        session, actor, "sim_run", {"cam_run_id": cam_run_id}, priority=priority,
        timeout_seconds=SIM_TIMEOUT_S, max_retries=1,
    )  # fmt: skip


# ----------------------------------------------------------------------------- pipeline
@dataclass
class SimInputs:
    cam_run_id: int | None
    machine_id: int | None
    gcode_key: str
    gcode_sha256: str | None  # recorded when it was stored; checked when read
    program_name: str
    stock_min: tuple[float, float, float]
    stock_max: tuple[float, float, float]
    tools: dict[int, sim.ToolShape]
    fixtures: list[sim.Fixture]
    machine: sim.MachineLimits
    report_header: dict[str, Any] = field(default_factory=dict)
    # The most stock the CAM run's operations leave on the design (0: it finishes the
    # part); leftover beyond it is an error.
    leave_mm: float = 0.0


def machine_limits(machine: Machine | None) -> sim.MachineLimits:
    if machine is None:
        return sim.MachineLimits()
    specs = machine.specifications or {}
    return sim.MachineLimits(
        travel_mm=(
            float(machine.work_envelope_x_mm),
            float(machine.work_envelope_y_mm),
            float(machine.work_envelope_z_mm),
        ),
        max_feed_mm_min=specs.get("max_feed_mm_min"),
        max_rpm=float(machine.spindle_max_rpm),
        rapid_mm_min=float(specs.get("rapid_mm_min") or 5000.0),
        acceleration_mm_s2=specs.get("acceleration_mm_s2"),
        tool_change_s=float(specs.get("tool_change_s") or runtime.DEFAULT_TOOL_CHANGE_S),
    )


def inputs_for_cam_run(session: Session, cam_run_id: int) -> SimInputs:
    cam_run = session.get(CamRun, cam_run_id)
    if cam_run is None or not cam_run.output_s3_key:
        raise SimulationFailed(
            translate("Simulation", "CAM run {run} has no G-code to simulate.").format(
                run=cam_run_id
            )
        )
    setup = session.get(Setup, cam_run.setup_id) if cam_run.setup_id else None
    if setup is None:
        raise SimulationFailed(
            translate("Simulation", "CAM run {run} has no setup (stock, fixtures) to use.").format(
                run=cam_run_id
            )
        )
    # A program posted again for another machine (gcode_post) names that machine.
    machine_id = (cam_run.cutting_params or {}).get("machine_id") or setup.machine_id
    machine = session.get(Machine, machine_id)
    model = session.get(Model, cam_run.model_id)
    low = (
        float(setup.stock_origin_x_mm), float(setup.stock_origin_y_mm),
        float(setup.stock_origin_z_mm),
    )  # fmt: skip
    size = (float(setup.stock_x_mm), float(setup.stock_y_mm), float(setup.stock_z_mm))
    tools = {
        int(tool["number"]): tool_shape(tool)
        for tool in (cam_run.cutting_params or {}).get("tools", [])
    }
    fixtures = [
        sim.Fixture(
            box.get("name") or translate("Simulation", "fixture {number}").format(number=n + 1),
            tuple(box["min"]),
            tuple(box["max"]),
        )
        for n, box in enumerate(setup.fixtures or [])
    ]
    leave = max(
        (float(op.get("stock_to_leave_mm") or 0.0)
         for op in (cam_run.cutting_params or {}).get("operations", [])),
        default=0.0,
    )  # fmt: skip
    gcode_artefact = session.scalar(
        sa.select(Artefact).where(Artefact.s3_key == cam_run.output_s3_key)
    )
    name = gcode_artefact.name if gcode_artefact else Path(cam_run.output_s3_key).name
    return SimInputs(
        cam_run_id=cam_run.id,
        machine_id=machine_id,
        gcode_key=cam_run.output_s3_key,
        gcode_sha256=gcode_artefact.sha256 if gcode_artefact else None,
        program_name=name,
        stock_min=low,
        stock_max=tuple(a + b for a, b in zip(low, size, strict=True)),
        tools=tools,
        fixtures=fixtures,
        machine=machine_limits(machine),
        leave_mm=leave,
        report_header={
            "part": {
                "name": model.name if model else "",
                "model_id": cam_run.model_id,
                "version": model.version if model else None,
            },
            "machine": {
                "name": machine.name if machine else "",
                "controller": machine.controller if machine else "",
                "post_processor": machine.post_processor if machine else "",
            },
        },
    )


@dataclass
class SimOutcome:
    result: sim.SimulationResult
    program: gcode.Program
    text: str
    status: str
    elapsed_ms: int


def run_simulation(
    text: str, inputs: SimInputs, progress: Callable[[float], None] | None = None
) -> SimOutcome:
    started = dt.datetime.now(dt.UTC)
    try:
        program = gcode.interpret(text, dialect=gcode.dialect_of(text))
        result = sim.simulate(
            program, inputs.stock_min, inputs.stock_max, inputs.tools, inputs.fixtures,
            inputs.machine, snapshots=ANIMATION_FRAMES, progress=progress, playback=True,
        )  # fmt: skip
    except (gcode.GCodeError, sim.SimulationError) as exc:
        raise SimulationFailed(f"{inputs.program_name}: {exc}") from exc
    elapsed = int((dt.datetime.now(dt.UTC) - started).total_seconds() * 1000)
    return SimOutcome(result, program, text, verdict(result), elapsed)


def verdict(result: sim.SimulationResult) -> str:
    severities = {finding.severity for finding in result.findings}
    if "error" in severities:
        return "failed"
    return "warnings" if severities else "passed"


def top_view_png(result: sim.SimulationResult, heights: np.ndarray | None = None) -> bytes:
    from PIL import Image

    image = heightmap.shade(
        result.heights if heights is None else heights, result.grid.cell_mm,
        result.stock_min[2], result.stock_max[2],
    )  # fmt: skip
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def rgb_png(image: np.ndarray) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def animation_gif(result: sim.SimulationResult, max_side: int = 480) -> bytes:
    """The stock being cut: the snapshots, then the final surface held a little longer."""
    from PIL import Image

    frames = []
    for heights in [*result.snapshots, result.heights]:
        rgb = heightmap.shade(heights, result.grid.cell_mm, result.stock_min[2],
                              result.stock_max[2])  # fmt: skip
        picture = Image.fromarray(rgb)
        scale = max_side / max(picture.size)
        if scale < 1:
            size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
            picture = picture.resize(size, Image.Resampling.LANCZOS)
        frames.append(picture.convert("P", palette=Image.Palette.ADAPTIVE, colors=128))
    durations = [250] * (len(frames) - 1) + [2000]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, "GIF", save_all=True, append_images=frames[1:], duration=durations, loop=0,
        optimize=True,
    )  # fmt: skip
    return buffer.getvalue()


ISOMETRIC_PIXELS = (1400, 900)  # the report's picture: ~200 dpi at 170 mm wide
ISOMETRIC_TRIANGLES = 250_000  # about one display cell per two pixels of the picture


def isometric_png(result: sim.SimulationResult, path: Path) -> IsoView:
    """The cut stock seen from the front right, above (core.iso_view), written as a PNG
    with a clear background at ``path``; the view, so findings can be placed on it."""
    from PIL import Image

    low, high = result.stock_min, result.stock_max
    mesh = stock_mesh(
        result.heights, (low[0], low[1]), result.grid.cell_mm, low[2], high[2],
        max_triangles=ISOMETRIC_TRIANGLES,
    )  # fmt: skip
    view = IsoView.fit(low, high, *ISOMETRIC_PIXELS)
    picture = iso_render(mesh.vertices, mesh.triangles, mesh.colours, view, background=None)
    Image.fromarray(picture).save(path, "PNG", optimize=True)
    return view


def heightmap_npz(result: sim.SimulationResult) -> bytes:
    buffer = io.BytesIO()
    np.savez_compressed(buffer, heights=result.heights.astype(np.float32))
    return buffer.getvalue()


def load_heightmap(data: bytes) -> np.ndarray:
    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        return archive["heights"]


def load_playback(data: bytes) -> Playback:
    """A run's ``playback`` artefact: ``load_playback(data).stock_at(line)`` is the stock
    (heights per cell, as the heightmap) after that G-code line."""
    return Playback.from_bytes(data)


def details_of(outcome: SimOutcome, inputs: SimInputs) -> dict[str, Any]:
    """What sim_runs.collision_details keeps (and the review dock reads)."""
    result = outcome.result
    return {
        "program": inputs.program_name,
        "findings": [{**f.as_dict(), "motion": f.motion} for f in result.findings],
        "removed_volume_mm3": round(result.removed_volume_mm3, 1),
        "stock_volume_mm3": round(result.stock_volume_mm3, 1),
        "machining_time_s": round(result.machining_time_s, 1),
        "moves": len(outcome.program.motions),
        "move_classes": {kind: result.move_classes.count(kind) for kind in ("cut", "air")},
        "grid": {
            "origin": list(result.grid.origin),
            "cell_mm": result.grid.cell_mm,
            "shape": list(result.grid.shape),
        },
        "stock": {"min": list(result.stock_min), "max": list(result.stock_max)},
        "fixtures": [
            {"name": f.name, "min": list(f.min), "max": list(f.max)} for f in inputs.fixtures
        ],
        "accuracy_percent": round(result.accuracy_percent, 2),
        # what the review draws: the tools as solids, the machine's travel as a box
        "tools": [tool_record(tool) for _number, tool in sorted(inputs.tools.items())],
        "machine": {
            name: list(value) if value else None
            for name, value in (
                ("travel_mm", inputs.machine.travel_mm),
                ("envelope_min", inputs.machine.envelope_min),
                ("envelope_max", inputs.machine.envelope_max),
            )
        },
    }


def report_data(
    outcome: SimOutcome, inputs: SimInputs, details: dict, png_path: Path, by: str | None
) -> dict[str, Any]:
    import hashlib

    polylines = runtime.polylines(outcome.program)
    return {
        "locale": localefmt.current(),  # a worker speaks its job owner's language
        "timezone": "Europe/Istanbul",
        "generated_at": dt.datetime.now(dt.UTC).isoformat(),
        "generated_by": by or "",
        "program": {
            "name": inputs.program_name,
            "sha256": hashlib.sha256(outcome.text.encode()).hexdigest(),
            "lines": len(outcome.text.splitlines()),
        },
        **inputs.report_header,
        "verdict": outcome.status,
        "summary": {
            "removed_volume_mm3": details["removed_volume_mm3"],
            "stock_volume_mm3": details["stock_volume_mm3"],
            "machining_time_s": details["machining_time_s"],
            "resolution_mm": details["grid"]["cell_mm"],
            "accuracy_percent": details["accuracy_percent"],
            "moves": details["moves"],
            "simulation_time_ms": outcome.elapsed_ms,
        },
        "stock": details["stock"],
        "image": {
            "png_path": str(png_path),
            "origin": details["grid"]["origin"],
            "cell_mm": details["grid"]["cell_mm"],
        },
        "findings": details["findings"],
        "design": details.get("design") or {"compared": False},
        "toolpath": {
            "feeds": [[list(p) for p in line] for line in polylines["feeds"]],
            "rapids": [[list(p) for p in line] for line in polylines["rapids"]],
        },
    }


def render_report(data: dict[str, Any], pdf_path: Path, timeout: float = 180) -> None:
    """The simulation report PDF (see :mod:`cncworkbench.services.pdf_process`)."""
    pdf_process.render_pdf(
        "sim-report", data, pdf_path, SimulationFailed, "simulation report", timeout
    )


def make_outputs(
    store: ObjectStore,
    outcome: SimOutcome,
    inputs: SimInputs,
    details: dict,
    by: str | None,
    deviation: np.ndarray | None = None,
) -> list[StoredArtefact]:
    """The report, animation, height field and top view stored; with ``deviation`` (the
    deviation map's RGB, core.deviation) that picture too, in the report and beside it."""
    stem = Path(inputs.program_name).stem or "program"
    with tempfile.TemporaryDirectory(prefix="cnc-sim-") as work:
        png = Path(work) / "top_view.png"
        png.write_bytes(top_view_png(outcome.result))
        pdf = Path(work) / "report.pdf"
        data = report_data(outcome, inputs, details, png, by)
        iso_png = Path(work) / "isometric.png"
        view = isometric_png(outcome.result, iso_png)
        data["isometric"] = {"png_path": str(iso_png), "view": view.as_dict()}
        extra = []
        if deviation is not None:
            deviation_png = Path(work) / "deviation.png"
            deviation_png.write_bytes(rgb_png(deviation))
            data["deviation"] = {**data["image"], "png_path": str(deviation_png)}
            extra.append(("deviation_map", f"{stem}_deviation.png", deviation_png.read_bytes(),
                          "image/png", {"grid": details["grid"]}))  # fmt: skip
        render_report(data, pdf)
        files = [
            ("sim_report", f"{stem}_simulation.pdf", pdf.read_bytes(), "application/pdf", {}),
            ("animation", f"{stem}_simulation.gif", animation_gif(outcome.result), "image/gif",
             {"frames": len(outcome.result.snapshots) + 1}),
            ("heightmap", f"{stem}_heightmap.npz", heightmap_npz(outcome.result),
             "application/x-npz", {"grid": details["grid"]}),
            ("top_view", f"{stem}_top_view.png", png.read_bytes(), "image/png", {}),
            *extra,
        ]  # fmt: skip
        playback = outcome.result.playback
        if playback is not None:  # the stock after any line, for the review (load_playback)
            files.append(
                ("playback", f"{stem}_playback.bin", playback.to_bytes(),
                 "application/octet-stream",
                 {"checkpoints": len(playback.marks), "motions": playback.motions}),
            )  # fmt: skip
        return store_outputs(store, files)


def record_sim_run(
    session: Session,
    actor: Actor,
    job_id: int,
    inputs: SimInputs,
    outcome: SimOutcome,
    details: dict,
    stored: list[StoredArtefact],
) -> SimRun:
    keys = {item.type: item.key for item in stored}
    errors = sum(f.severity == "error" for f in outcome.result.findings)
    run = SimRun(
        job_id=job_id,
        cam_run_id=inputs.cam_run_id,
        type="material_removal",
        machine_id=inputs.machine_id,
        collision_count=errors,
        collision_details=details,
        material_removal_accuracy=round(outcome.result.accuracy_percent, 2),
        simulation_time_ms=outcome.elapsed_ms,
        video_s3_key=keys.get("animation"),
        report_s3_key=keys.get("sim_report"),
        status=outcome.status,
        completed_at=sa.func.now(),
    )
    session.add(run)
    session.flush()
    for item in stored:
        session.add(
            Artefact(
                job_id=job_id, type=item.type, name=item.name, s3_key=item.key,
                file_size=item.size, mime_type=item.mime, sha256=item.sha256,
                metadata_={**item.metadata, "sim_run_id": run.id},
            )
        )  # fmt: skip
    session.flush()
    audit.record(
        session, actor, "sim.completed", "sim_run", run.id,
        {"job_id": job_id, "cam_run_id": inputs.cam_run_id, "status": outcome.status,
         "errors": errors, "findings": len(outcome.result.findings)},
    )  # fmt: skip
    erp.record_event(
        session, "simulation.finished", "sim_run", run.id,
        {"sim_run_id": run.id, "status": outcome.status,
         "machining_time_s": details["machining_time_s"],
         "removed_volume_cm3": round(details["removed_volume_mm3"] / 1000, 3),
         "finished_at": utcnow(), "cam_run_id": inputs.cam_run_id, "job_id": job_id,
         "program": inputs.program_name, "errors": errors,
         "warnings": len(outcome.result.findings) - errors,
         "accuracy_percent": details["accuracy_percent"],
         "simulation_time_ms": outcome.elapsed_ms,
         **erp.project_order(session, cam_run_id=inputs.cam_run_id)},
    )  # fmt: skip
    return run
