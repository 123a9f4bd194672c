"""The product's job handlers, registered with :func:`cncworkbench.services.jobs.worker.handler`.

A worker claims only the types it has a handler for, so jobs of other types wait for a
worker that can run them. CAD (``cad_generate``) and post-processing (``gcode_post``)
handlers join here as those capabilities land.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from cncworkbench.cam.freecad_process import FreeCADUnavailable
from cncworkbench.core.i18n import translate
from cncworkbench.core.licensing import Feature
from cncworkbench.db import queue
from cncworkbench.db.models import Setup
from cncworkbench.services.access import licenses
from cncworkbench.services.commerce import billing
from cncworkbench.services.jobs import audit_anchoring
from cncworkbench.services.jobs.worker import JobContext, PermanentError, handler, loop
from cncworkbench.services.machining import cam, cam_post, design_check, quotes, simulation
from cncworkbench.services.pdm import cad


def register() -> None:
    handler("cam_process")(cam_process)
    handler("sim_run")(sim_run)
    handler("cad_generate")(cad.cad_generate_job)
    handler("gcode_post")(cam_post.gcode_post_job)
    loop("license-housekeeping", LICENSE_HOUSEKEEPING_S)(license_housekeeping)
    audit_anchoring.register()


LICENSE_HOUSEKEEPING_S = 3600.0


def license_housekeeping(worker) -> None:
    """Expire licenses, send the 30/7/1-day warnings, mark invoices overdue (idempotent:
    every worker may run it)."""
    with worker.db.session() as session:
        billing.housekeeping(session)


def cam_process(ctx: JobContext) -> dict:
    """A saved setup → G-code, CAM document and setup sheet as artefacts; a cam_runs row."""
    setup_id = ctx.params.get("setup_id")
    if not isinstance(setup_id, int):
        raise PermanentError(translate("Jobs", "cam_process needs the setup_id of a saved setup"))
    with ctx.db.session() as session:
        setup = session.get(Setup, setup_id)
        if setup is None:
            raise PermanentError(
                translate("Jobs", "There is no setup {setup_id}.").format(setup_id=setup_id)
            )
        data = cam.setup_input(setup)
        model = cam.model_of(session, data.model_id)
        model_facts = {
            "key": model.s3_key, "sha256": model.sha256_hash, "size": model.file_size,
            "format": model.file_format, "name": model.name, "version": model.version,
            "id": model.id,
        }  # fmt: skip
    ctx.progress(3, translate("Jobs", "Downloading the model"))
    with tempfile.TemporaryDirectory(prefix="cnc-cam-") as work:
        suffix = {"FCStd": ".FCStd", "STEP": ".step", "STL": ".stl"}[model_facts["format"]]
        path = ctx.store.get_file(
            model_facts["key"], Path(work) / f"model{suffix}", model_facts["sha256"],
            model_facts["size"],
        )  # fmt: skip
        ctx.check()
        # Planned with the part's features (hole depths, pocket sizes), as `cam run`
        # plans: the same inputs give the same program (#21).
        try:
            features = cam.features_of_file(path, model_facts["format"])
        except FreeCADUnavailable:
            raise
        except cam.CamFailed as exc:
            raise PermanentError(str(exc)) from exc
        with ctx.db.session() as session:
            plan, problems, _cuts = cam.plan_for(session, data, features)
            inventory = cam.inventory_warnings(
                session, [t.tool_id for t in plan.tools if t.tool_id]
            )
        errors = [p.message for p in problems if p.severity == "error"]
        if errors:
            raise PermanentError("; ".join(errors))
        ctx.check()
        try:
            result = cam.run_plan_on_file(
                path, model_facts["format"], plan, progress=ctx.progress,
                program_name=model_facts["name"],
            )  # fmt: skip
        except FreeCADUnavailable:
            raise  # another worker (with FreeCAD) may take the retry
        except cam.CamFailed as exc:
            raise PermanentError(str(exc)) from exc
        ctx.progress(85, translate("Jobs", "Drawing the setup sheet"))
        name = cam.gcode_name(model_facts["name"], plan.machine.get("name", ""),
                              plan.post_processor)  # fmt: skip
        part = {
            "name": model_facts["name"], "model_id": model_facts["id"],
            "version": model_facts["version"], "file_name": Path(model_facts["key"]).name,
            "size": [round(v, 3) for v in _size(result.features)],
        }  # fmt: skip
        with ctx.db.session() as session:
            cost = quotes.sheet_cost(
                session, plan, result, data.machine_id, data.material_id, data.stock.size
            )
        sheet = cam.sheet_data(
            plan, result, part, name, None, inventory,
            extra_warnings=[p.message for p in problems], cost=cost,
        )  # fmt: skip
        pdf = Path(work) / "setup_sheet.pdf"
        cam.render_setup_sheet(sheet, pdf)
        ctx.progress(92, translate("Jobs", "Storing the results"))
        files = [
            ("gcode", name, result.gcode.encode(), cam.GCODE_MIME,
             {"post_processor": plan.post_processor, "lines": result.lines}),
            ("setup_sheet", Path(name).stem + "_setup_sheet.pdf", pdf.read_bytes(),
             cam.PDF_MIME, {}),
        ]  # fmt: skip
        if result.cam_document:
            files.append(
                ("cam_document", Path(name).stem + "_cam.FCStd", result.cam_document,
                 cam.FCSTD_MIME, {"freecad_version": result.freecad_version})
            )  # fmt: skip
        stored = cam.store_outputs(ctx.store, files)

    def commit(session) -> None:
        run = cam.record_run(
            session, ctx.actor, ctx.job.id, model_facts["id"], setup_id, plan, result, stored
        )
        # Every program is simulated before an operator sees it (when the license has
        # simulation; without it the run waits for no review).
        if not licenses.has_feature(session, Feature.SIMULATION):
            return
        queue.submit(
            session, "sim_run", {"cam_run_id": run.id}, priority=0,
            timeout_seconds=simulation.SIM_TIMEOUT_S, max_retries=1,
            actor_user_id=ctx.job.user_id,
        )  # fmt: skip

    ctx.on_commit(commit)
    return {
        "gcode_key": stored[0].key,
        "gcode_sha256": result.gcode_sha256,
        "estimated_time_seconds": round(result.run_time.total_s),
        "material_removal_cm3": round(result.removed_volume_mm3 / 1000, 2),
        "lines": result.lines,
        "warnings": [p.message for p in problems] + result.warnings + result.fixes,
        "rs274": None if result.rs274 is None else result.rs274.ok,
    }


def _size(features: dict) -> list[float]:
    box = features.get("bbox") or {"min": [0, 0, 0], "max": [0, 0, 0]}
    return [b - a for a, b in zip(box["min"], box["max"], strict=True)]


def sim_run(ctx: JobContext) -> dict:
    """A CAM run's G-code on its setup's stock: findings, report, animation, height field."""
    cam_run_id = ctx.params.get("cam_run_id")
    if not isinstance(cam_run_id, int):
        raise PermanentError(translate("Jobs", "sim_run needs the cam_run_id of a CAM run"))
    with ctx.db.session() as session:
        try:
            inputs = simulation.inputs_for_cam_run(session, cam_run_id)
        except simulation.SimulationFailed as exc:
            raise PermanentError(str(exc)) from exc
    ctx.progress(2, translate("Jobs", "Reading the G-code"))
    text = ctx.store.get_bytes(inputs.gcode_key, inputs.gcode_sha256).decode(
        "utf-8", errors="replace"
    )
    ctx.check()

    cutting = translate("Jobs", "Cutting the stock")

    def progress(fraction: float) -> None:
        ctx.progress(5 + 75 * fraction, cutting)

    try:
        outcome = simulation.run_simulation(text, inputs, progress)
    except simulation.SimulationFailed as exc:
        raise PermanentError(str(exc)) from exc
    ctx.progress(80, translate("Jobs", "Comparing the stock with the design"))
    design = design_check.check_run(ctx.db, ctx.store, inputs, outcome)
    outcome.status = simulation.verdict(outcome.result)
    ctx.progress(82, translate("Jobs", "Drawing the report and the animation"))
    details = simulation.details_of(outcome, inputs)
    details["design"] = design.details
    stored = (
        simulation.make_outputs(ctx.store, outcome, inputs, details, None, deviation=design.image)
        + design.stored
    )
    ctx.progress(95, translate("Jobs", "Storing the results"))
    ctx.on_commit(
        lambda session: simulation.record_sim_run(
            session, ctx.actor, ctx.job.id, inputs, outcome, details, stored
        )
    )
    return {
        "status": outcome.status,
        "findings": len(outcome.result.findings),
        "errors": sum(f.severity == "error" for f in outcome.result.findings),
        "removed_volume_mm3": details["removed_volume_mm3"],
        "machining_time_s": details["machining_time_s"],
        "simulation_time_ms": outcome.elapsed_ms,
        "design_compared": bool(design.details.get("compared")),
    }


register()
