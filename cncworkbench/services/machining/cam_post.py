"""Posting a CAM run again for another machine (the ``gcode_post`` job).

A ``cam_process`` run keeps its FreeCAD CAM document as an artefact (``cam_document``).
Its toolpaths can be posted again with another machine's post-processor and work offset
without recomputing them: the job opens the document in a headless FreeCAD, runs the
other post, and the program goes through what every program goes through
(:func:`cam.finish_program`: our controller fixes, our interpreter, LinuxCNC's ``rs274``
for LinuxCNC machines). The new program gets its own ``cam_runs`` row (same model and
setup) and artefacts; ``cutting_params.posted_from`` links it to the run it came from and
``cutting_params.machine_id`` names the machine it is for (the simulation uses it).

A machine that cannot run the program is refused, with the reasons, before anything is
queued (and again by the job): the program's extents against the machine's travel, the
axes it uses, the spindle speeds of its tools against the spindle's range, the tools
against what the machine takes (:func:`check_plan`), and the license.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.cam.freecad_process import FreeCADFailed, FreeCADUnavailable, run_script
from cncworkbench.core import gcode, i18n, runtime
from cncworkbench.core.cam_plan import CamPlan, Operation, Problem, ToolSpec, check_plan
from cncworkbench.core.i18n import translate
from cncworkbench.core.licensing import Feature
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db import queue
from cncworkbench.db.models import Artefact, CamRun, Machine, Model, Setup
from cncworkbench.errors import PermissionDenied, UserError, ValidationError
from cncworkbench.services.access import audit, licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.jobs import jobs
from cncworkbench.services.machining import cam
from cncworkbench.storage import ObjectStore

POST_TIMEOUT_S = 300
WORK_OFFSETS = ("G54", "G55", "G56", "G57", "G58", "G59")
MAX_CHAIN = 50  # posted-from links followed to find the CAM document
EXTRA_AXES = "ABCUVW"
_AXIS_WORD = re.compile(r"([ABCUVW])\s*[-+]?\s*(?:\d|\.\d)")
_COMMENT = re.compile(r"\([^)]*\)|;.*$")


class PostFailed(UserError):
    """The program could not be posted for that machine; the message says why."""


# ---------------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class RunRow:
    """A CAM run as the "Post for another machine" list shows it."""

    id: int
    job_id: int
    model_id: int
    setup_id: int | None
    machine: str
    post_processor: str
    work_offset: str
    created_at: dt.datetime
    estimated_time_seconds: int | None
    lines: int | None
    posted_from: int | None
    has_document: bool

    def describe(self) -> str:
        if self.posted_from:
            text = translate("Cam", "#{id} {machine} ({post}, {offset}), posted from #{source}")
        else:
            text = "#{id} {machine} ({post}, {offset})"
        return text.format(
            id=self.id, machine=self.machine, post=self.post_processor, offset=self.work_offset,
            source=self.posted_from,
        )  # fmt: skip


def runs_of_model(session: Session, actor: Actor, model_id: int, limit: int = 50) -> list[RunRow]:
    """The completed CAM runs of a model version, newest first."""
    require(actor.role, Permission.CAM_READ)
    rows = session.scalars(
        sa.select(CamRun)
        .where(CamRun.model_id == model_id, CamRun.status == "completed")
        .order_by(CamRun.created_at.desc(), CamRun.id.desc())
        .limit(limit)
    ).all()
    return [_run_row(session, run) for run in rows]


def _run_row(session: Session, run: CamRun) -> RunRow:
    params = run.cutting_params or {}
    posted = params.get("posted_from") or {}
    return RunRow(
        run.id, run.job_id, run.model_id, run.setup_id, str(params.get("machine") or "?"),
        str(params.get("post_processor") or "?"), str(params.get("work_offset") or "G54"),
        run.created_at, run.estimated_time_seconds, (run.tool_paths or {}).get("lines"),
        posted.get("cam_run_id"), cam_document_of(session, run) is not None,
    )  # fmt: skip


def source_run(session: Session, cam_run_id: int) -> CamRun:
    run = session.get(CamRun, cam_run_id)
    if run is None:
        raise ValidationError(translate("Cam", "There is no CAM run {run}.").format(run=cam_run_id))
    if run.status != "completed" or not run.output_s3_key:
        raise ValidationError(
            translate("Cam", "CAM run {run} has no finished program to post again.").format(
                run=cam_run_id
            )
        )
    return run


def cam_document_of(session: Session, run: CamRun) -> Artefact | None:
    """The FreeCAD CAM document a run's toolpaths live in: its own, or (for a run posted
    again) the one of the run it was posted from."""
    seen: set[int] = set()
    current: CamRun | None = run
    while current is not None and current.id not in seen and len(seen) < MAX_CHAIN:
        seen.add(current.id)
        found = session.scalars(
            sa.select(Artefact)
            .where(
                Artefact.job_id == current.job_id,
                Artefact.type == "cam_document",
                Artefact.metadata_["cam_run_id"].astext == str(current.id),
            )
            .order_by(Artefact.id.desc())
        ).first()
        if found is not None:
            return found
        parent = ((current.cutting_params or {}).get("posted_from") or {}).get("cam_run_id")
        current = session.get(CamRun, parent) if isinstance(parent, int) else None
    return None


# ------------------------------------------------------------------------------ the checks
def plan_for_machine(
    session: Session, run: CamRun, machine: Machine, work_offset: str | None = None
) -> CamPlan:
    """The run's plan (tools, operations with their cutting data, stock, fixtures) for
    ``machine``: its post-processor and arguments, and ``work_offset`` (default: the
    run's)."""
    params = run.cutting_params or {}
    setup = session.get(Setup, run.setup_id) if run.setup_id else None
    if setup is None:
        raise ValidationError(
            translate(
                "Cam", "CAM run {run} has no setup (stock, fixtures): it cannot be posted again."
            ).format(run=run.id)
        )
    data = cam.setup_input(setup)
    offset = work_offset or params.get("work_offset") or data.work_offset
    if offset not in WORK_OFFSETS:
        raise ValidationError(
            translate("Cam", "Work offset must be G54..G59, not '{offset}'.").format(offset=offset)
        )
    try:
        tools = [ToolSpec(**tool) for tool in params.get("tools", [])]
        operations = [Operation(**op) for op in params.get("operations", [])]
    except TypeError as exc:
        raise ValidationError(
            translate("Cam", "CAM run {run} records its tools in an old form: {error}").format(
                run=run.id, error=exc
            )
        ) from None
    return CamPlan(
        post_processor=machine.post_processor,
        stock=data.stock,
        tools=tools,
        operations=operations,
        work_offset=offset,
        fixtures=list(data.fixtures),
        machine=cam.machine_facts(machine),
        material={"name": params.get("material") or ""},
        post_args=cam.post_arguments(machine),
    )


@dataclass
class ProgramFacts:
    """What a machine must be able to do to run a program."""

    low: list[float]
    high: list[float]
    rpm_by_tool: dict[int, set[float]]
    max_feed_mm_min: float
    extra_axes: list[str]
    from_program: bool  # False: taken from the plan (a program our interpreter cannot read)


def program_axes(text: str) -> list[str]:
    """Axis letters beyond X, Y and Z that the program moves (A, B, C, U, V, W)."""
    used: set[str] = set()
    for line in text.upper().splitlines():
        bare = _COMMENT.sub("", line)
        used.update(match.group(1) for match in _AXIS_WORD.finditer(bare))
    return sorted(used)


_READINGS: dict[str, tuple[list[str], ProgramFacts | None]] = {}  # by G-code object key
_READINGS_KEPT = 32
_READINGS_LOCK = threading.Lock()


def read_program(text: str) -> tuple[list[str], ProgramFacts | None]:
    """Extra axes, and the facts of the program as our interpreter reads it (None when it
    cannot: a conversational program)."""
    axes = program_axes(text)
    try:
        program = gcode.interpret(text, dialect=gcode.dialect_of(text))
    except gcode.GCodeError:
        return axes, None
    if not program.motions:
        return axes, None
    rpm: dict[int, set[float]] = {}
    feeds = [0.0]
    for motion in program.motions:
        if motion.spindle != "off" and motion.tool is not None and motion.spindle_rpm:
            rpm.setdefault(motion.tool, set()).add(float(motion.spindle_rpm))
        if motion.kind != "rapid" and motion.feed:
            feeds.append(float(motion.feed))
    low, high = runtime.bounds(program)
    return axes, ProgramFacts(low, high, rpm, max(feeds), axes, True)


def _reading(
    store: ObjectStore, key: str, sha256: str | None
) -> tuple[list[str], ProgramFacts | None]:
    """:func:`read_program` of a stored program (its recorded SHA-256 checked); objects
    never change, so it is kept."""
    with _READINGS_LOCK:
        found = _READINGS.get(key)
    if found is not None:
        return found
    found = read_program(store.get_bytes(key, sha256).decode("utf-8", errors="replace"))
    with _READINGS_LOCK:
        while len(_READINGS) >= _READINGS_KEPT:
            _READINGS.pop(next(iter(_READINGS)))
        _READINGS[key] = found
    return found


def program_facts(
    reading: tuple[list[str], ProgramFacts | None], plan: CamPlan, run: CamRun
) -> ProgramFacts:
    """Extents, spindle speeds per tool, fastest feed and extra axes of the run's program
    (from the program itself where our interpreter reads it, else from the plan)."""
    axes, facts = reading
    if facts is not None:
        return facts
    rpm: dict[int, set[float]] = {}
    for op in plan.operations:
        tool = plan.tool(op.tool_number)
        rpm.setdefault(tool.number, set()).add(float(op.cutting(tool)[0]))
    box = (run.tool_paths or {}).get("bounds_mm") or {}
    low, high = box.get("min"), box.get("max")
    if not low or not high or low == high:
        low = list(plan.stock.min)
        high = [*plan.stock.max[:2], plan.stock.max[2] + plan.clearance_mm]
    feeds = [float(op.cutting(plan.tool(op.tool_number))[1]) for op in plan.operations]
    return ProgramFacts(list(low), list(high), rpm, max(feeds, default=0.0), axes, False)


def machine_problems(plan: CamPlan, facts: ProgramFacts, machine: Machine) -> list[Problem]:
    """Why ``machine`` cannot run the program ("error"), or what to watch ("warning")."""
    problems: list[Problem] = []
    name = machine.name
    if machine.is_active is False:
        text = translate("Cam", "{machine} is retired from the catalog.")
        problems.append(Problem("error", text.format(machine=name)))
    if "lathe" in (machine.type or "").lower():
        text = translate("Cam", "{machine} is a lathe; these are milling toolpaths.")
        problems.append(Problem("error", text.format(machine=name)))
    travel = [
        float(machine.work_envelope_x_mm),
        float(machine.work_envelope_y_mm),
        float(machine.work_envelope_z_mm),
    ]
    for axis, low, high, limit in zip("XYZ", facts.low, facts.high, travel, strict=True):
        span = high - low
        if span > limit + 1e-6:
            problems.append(
                Problem(
                    "error",
                    translate(
                        "Cam",
                        "The program moves {span} mm in {axis} ({low} to {high}); "
                        "{machine} travels {limit} mm.",
                    ).format(
                        span=i18n.number(span),
                        axis=axis,
                        low=i18n.number(low),
                        high=i18n.number(high),
                        machine=name,
                        limit=i18n.number(limit),
                    ),
                )
            )
    if facts.extra_axes and machine.axes < 3 + len(facts.extra_axes):
        problems.append(
            Problem(
                "error",
                translate(
                    "Cam",
                    "The program moves {axes} as well as X, Y and Z; {machine} has {count} axes.",
                ).format(axes=", ".join(facts.extra_axes), machine=name, count=machine.axes),
            )
        )
    top = float(machine.spindle_max_rpm or 0)
    bottom = float((machine.specifications or {}).get("spindle_min_rpm") or 0)
    names = {tool.number: tool.name for tool in plan.tools}
    for number in sorted(facts.rpm_by_tool):
        speeds = facts.rpm_by_tool[number]
        label = f"T{number}" + (f" {names[number]}" if number in names else "")
        if top and max(speeds) > top + 1e-6:
            problems.append(
                Problem(
                    "error",
                    translate(
                        "Cam", "{tool} runs at {rpm} rpm; {machine}'s spindle reaches {top} rpm."
                    ).format(
                        tool=label,
                        rpm=i18n.number(max(speeds)),
                        machine=name,
                        top=i18n.number(top),
                    ),
                )
            )
        if bottom and min(speeds) < bottom - 1e-6:
            problems.append(
                Problem(
                    "error",
                    translate(
                        "Cam",
                        "{tool} runs at {rpm} rpm; {machine}'s spindle turns no slower "
                        "than {bottom} rpm.",
                    ).format(
                        tool=label,
                        rpm=i18n.number(min(speeds)),
                        machine=name,
                        bottom=i18n.number(bottom),
                    ),
                )
            )
    fastest = (machine.specifications or {}).get("max_feed_mm_min")
    if fastest and facts.max_feed_mm_min > float(fastest) + 1e-6:
        problems.append(
            Problem(
                "warning",
                translate(
                    "Cam",
                    "The program feeds at up to {feed} mm/min; {machine} feeds at most "
                    "{limit} mm/min (its control will slow down).",
                ).format(
                    feed=i18n.number(facts.max_feed_mm_min),
                    machine=name,
                    limit=i18n.number(float(fastest)),
                ),
            )
        )
    said = {p.message for p in problems}
    for problem in check_plan(plan):  # stock against travel, tools against the machine
        if problem.message not in said:
            problems.append(problem)
    return problems


@dataclass
class PostCheck:
    cam_run_id: int
    machine_id: int
    machine: str
    post_processor: str
    work_offset: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [p.message for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[str]:
        return [p.message for p in self.problems if p.severity != "error"]

    def refusal(self) -> str:
        return translate("Cam", "{machine} cannot run CAM run {run}'s program: {reasons}").format(
            machine=self.machine, run=self.cam_run_id, reasons=" ".join(self.errors)
        )


def check_post(
    session: Session,
    store: ObjectStore,
    cam_run_id: int,
    machine_id: int,
    work_offset: str | None = None,
) -> PostCheck:
    """Can ``machine_id`` run the program of ``cam_run_id`` (posted with its post)?"""
    run = source_run(session, cam_run_id)
    machine = session.get(Machine, machine_id)
    if machine is None:
        raise ValidationError(
            translate("Cam", "There is no machine {machine} in the catalog.").format(
                machine=machine_id
            )
        )
    plan = plan_for_machine(session, run, machine, work_offset)
    check = PostCheck(run.id, machine.id, machine.name, plan.post_processor, plan.work_offset)
    params = run.cutting_params or {}
    same_machine = _machine_id_of(session, run) == machine.id
    if same_machine and plan.work_offset == (params.get("work_offset") or "G54"):
        check.problems.append(
            Problem(
                "error",
                translate(
                    "Cam",
                    "The program is already posted for {machine} with {offset}: pick "
                    "another machine or another work offset.",
                ).format(machine=machine.name, offset=plan.work_offset),
            )
        )
    if cam_document_of(session, run) is None:
        check.problems.append(
            Problem(
                "error",
                translate(
                    "Cam",
                    "CAM run {run} kept no FreeCAD CAM document to post again from: run "
                    "CAM again for its setup.",
                ).format(run=run.id),
            )
        )
    recorded = session.scalar(
        sa.select(Artefact.sha256).where(Artefact.s3_key == run.output_s3_key)
    )
    facts = program_facts(_reading(store, run.output_s3_key, recorded), plan, run)
    check.problems.extend(machine_problems(plan, facts, machine))
    return check


def _machine_id_of(session: Session, run: CamRun) -> int | None:
    machine_id = (run.cutting_params or {}).get("machine_id")
    if isinstance(machine_id, int):
        return machine_id
    setup = session.get(Setup, run.setup_id) if run.setup_id else None
    return setup.machine_id if setup is not None else None


def submit_post(
    session: Session,
    actor: Actor,
    store: ObjectStore,
    cam_run_id: int,
    machine_id: int,
    work_offset: str | None = None,
    priority: int = 0,
) -> int:
    """Queue a ``gcode_post`` job, or refuse (ValidationError) with the reasons the machine
    cannot run the program."""
    require(actor.role, Permission.CAM_RUN)
    check = check_post(session, store, cam_run_id, machine_id, work_offset)
    if check.errors:
        raise ValidationError(check.refusal())
    run = source_run(session, cam_run_id)
    kinds = [op.get("kind", "") for op in (run.cutting_params or {}).get("operations", [])]
    cam.require_cam_license(session, kinds, machine_id)
    job_id = jobs.submit_job(
        session, actor, "gcode_post",
        {"cam_run_id": cam_run_id, "machine_id": machine_id, "work_offset": check.work_offset},
        priority=priority, timeout_seconds=POST_TIMEOUT_S + 120, max_retries=1,
    )  # fmt: skip
    audit.record(
        session, actor, "cam.post_submitted", "cam_run", cam_run_id,
        {"job_id": job_id, "machine": check.machine, "work_offset": check.work_offset},
    )  # fmt: skip
    return job_id


# ------------------------------------------------------------------------------- the job
def post_document(path: Path, plan: CamPlan, timeout: float = POST_TIMEOUT_S) -> dict[str, Any]:
    """FreeCAD posts the CAM document at ``path`` with ``plan``'s post-processor."""
    try:
        return run_script(
            "post_again.py", {"path": str(path), "plan": dataclasses.asdict(plan)}, timeout
        )
    except FreeCADUnavailable:
        raise
    except FreeCADFailed as exc:
        raise PostFailed(str(exc)) from exc


def gcode_post_job(ctx) -> dict[str, Any]:
    """The ``gcode_post`` handler (registered in services.job_handlers)."""
    from cncworkbench.services.jobs.worker import PermanentError

    started = time.monotonic()
    cam_run_id, machine_id = ctx.params.get("cam_run_id"), ctx.params.get("machine_id")
    if not isinstance(cam_run_id, int) or not isinstance(machine_id, int):
        raise PermanentError(
            translate("Cam", "gcode_post needs the cam_run_id of a CAM run and a machine_id")
        )
    try:
        with ctx.db.session() as session:
            run = source_run(session, cam_run_id)
            kinds = [op.get("kind", "") for op in (run.cutting_params or {}).get("operations", [])]
            cam.require_cam_license(session, kinds, machine_id)
            check = check_post(
                session, ctx.store, cam_run_id, machine_id, ctx.params.get("work_offset")
            )
            if check.errors:
                raise PermanentError(check.refusal())
            machine = session.get(Machine, machine_id)
            plan = plan_for_machine(session, run, machine, check.work_offset)
            document = cam_document_of(session, run)
            model = session.get(Model, run.model_id)
            source = {
                "id": run.id, "job_id": run.job_id, "model_id": run.model_id,
                "setup_id": run.setup_id, "machine": (run.cutting_params or {}).get("machine"),
                "post_processor": (run.cutting_params or {}).get("post_processor"),
                "work_offset": (run.cutting_params or {}).get("work_offset"),
                "removed_mm3": float(run.material_removal_cc or 0) * 1000,
                "document": (document.s3_key, document.sha256, document.file_size),
                "model_name": model.name if model else f"model {run.model_id}",
                "model_version": model.version if model else None,
                "size": (model.metadata_ or {}).get("size_mm") if model else None,
            }  # fmt: skip
    except PermanentError:
        raise
    except (ValidationError, PermissionDenied) as exc:  # bad input or license: no retry helps
        raise PermanentError(str(exc)) from exc
    ctx.progress(5, translate("Cam", "Downloading the CAM document"))
    with tempfile.TemporaryDirectory(prefix="cnc-post-") as work:
        key, sha256, size = source["document"]
        path = ctx.store.get_file(key, Path(work) / "cam.FCStd", sha256, size)
        ctx.check()
        ctx.progress(
            15,
            translate("Cam", "FreeCAD: posting for {machine} ({post})").format(
                machine=check.machine, post=plan.post_processor
            ),
        )
        try:
            answer = post_document(
                path, plan, timeout=max(min(POST_TIMEOUT_S, ctx.remaining() - 30), 30)
            )
            ctx.progress(60, translate("Cam", "Checking the G-code"))
            finished = cam.finish_program(
                answer["gcode_bytes"].decode("utf-8"), plan, source["model_name"],
                [float(op.get("freecad_cycle_time_s") or 0) for op in answer["operations"]],
                ctx.progress,
            )  # fmt: skip
        except FreeCADUnavailable:
            raise  # another worker (with FreeCAD) may take the retry
        except (PostFailed, cam.CamFailed) as exc:
            raise PermanentError(str(exc)) from exc
        result = cam.CamResult(
            gcode=finished.text, lines=finished.lines, program=finished.program,
            run_time=finished.run_time, per_operation_s=finished.per_operation_s,
            fixes=finished.fixes, warnings=list(check.warnings), features={},
            removed_volume_mm3=source["removed_mm3"],
            part_volume_mm3=float(answer.get("part_volume_mm3") or 0), cam_document=None,
            part_mesh=answer.get("part_mesh") or {},
            freecad_version=answer.get("freecad_version", ""), rs274=finished.rs274,
            elapsed_s=time.monotonic() - started,
        )  # fmt: skip
        ctx.progress(85, translate("Cam", "Drawing the setup sheet"))
        name = posted_name(source["model_name"], check.machine, plan)
        part = {
            "name": source["model_name"], "model_id": source["model_id"],
            "version": source["model_version"], "file_name": source["model_name"],
            "size": [round(v, 3) for v in (source["size"] or plan.stock.size)],
        }  # fmt: skip
        note = translate(
            "Cam", "Posted again from CAM run #{run} ({machine}, {post}, {offset}) without "
            "recomputing."
        ).format(
            run=source["id"], machine=source["machine"], post=source["post_processor"],
            offset=source["work_offset"],
        )  # fmt: skip
        sheet = cam.sheet_data(plan, result, part, name, None, {}, extra_warnings=[note])
        pdf = Path(work) / "setup_sheet.pdf"
        cam.render_setup_sheet(sheet, pdf)
        ctx.progress(92, translate("Cam", "Storing the results"))
        files = [
            ("gcode", name, result.gcode.encode(), cam.GCODE_MIME,
             {"post_processor": plan.post_processor, "lines": result.lines,
              "posted_from": source["id"]}),
            ("setup_sheet", Path(name).stem + "_setup_sheet.pdf", pdf.read_bytes(),
             cam.PDF_MIME, {"posted_from": source["id"]}),
        ]  # fmt: skip
        stored = cam.store_outputs(ctx.store, files)
    output: dict[str, Any] = {
        "posted_from": source["id"],
        "machine": check.machine,
        "post_processor": plan.post_processor,
        "work_offset": plan.work_offset,
        "gcode_key": stored[0].key,
        "gcode_sha256": result.gcode_sha256,
        "lines": result.lines,
        "estimated_time_seconds": round(result.run_time.total_s),
        "rs274": None if result.rs274 is None else result.rs274.ok,
        "warnings": check.warnings + result.fixes,
    }

    def commit(session: Session) -> None:
        new = cam.record_run(
            session, ctx.actor, ctx.job.id, source["model_id"], source["setup_id"], plan,
            result, stored,
        )  # fmt: skip
        link = {
            "cam_run_id": source["id"], "job_id": source["job_id"],
            "machine": source["machine"], "post_processor": source["post_processor"],
            "work_offset": source["work_offset"],
        }  # fmt: skip
        new.cutting_params = {**new.cutting_params, "machine_id": machine_id, "posted_from": link}
        new.tool_paths = {**(new.tool_paths or {}), "posted_from": source["id"]}
        session.flush()
        audit.record(
            session, ctx.actor, "cam.posted_again", "cam_run", new.id,
            {"from_cam_run_id": source["id"], "machine": check.machine,
             "post_processor": plan.post_processor, "work_offset": plan.work_offset,
             "gcode_sha256": result.gcode_sha256},
        )  # fmt: skip
        output["cam_run_id"] = new.id  # the job's output is written after this commit step
        if plan.post_processor in cam.CONVERSATIONAL_POSTS:
            return  # not G-code: our simulator cannot read it
        if licenses.has_feature(session, Feature.SIMULATION):
            from cncworkbench.services.machining import simulation

            queue.submit(
                session, "sim_run", {"cam_run_id": new.id}, priority=0,
                timeout_seconds=simulation.SIM_TIMEOUT_S, max_retries=1,
                actor_user_id=ctx.job.user_id,
            )  # fmt: skip

    ctx.on_commit(commit)
    return output


def posted_name(model_name: str, machine_name: str, plan: CamPlan) -> str:
    name = cam.gcode_name(model_name, machine_name, plan.post_processor)
    if plan.work_offset != "G54":
        stem, suffix = Path(name).stem, Path(name).suffix
        name = f"{stem}_{plan.work_offset}{suffix}"
    return name
