"""CAM: setups, plans with catalog cutting data, and the ``cam_process`` pipeline.

A *setup* (table ``setups``) says how a model version is held and cut on one machine:
stock, work offset, fixtures, operations with their tools. :func:`plan_for` turns it into
a :class:`CamPlan` with feeds and speeds from the catalog (core.feeds); the CAM adapter
turns the plan into a FreeCAD CAM job and G-code, in the FreeCAD GUI on the open document
or here, in a worker, through a headless FreeCAD child. :func:`run_plan_on_file` is the
whole pipeline for one model file; the job handler and ``cncworkbench cam run`` share it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import decimal
import hashlib
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.cam import rs274
from cncworkbench.cam.freecad_process import FreeCADFailed, FreeCADUnavailable, run_script
from cncworkbench.core import cam_coverage, feeds, gcode, i18n, localefmt, post_fixes, runtime
from cncworkbench.core import simulation as sim
from cncworkbench.core.cam_plan import (
    DRILLING_TOOLS,
    OPERATION_KINDS,
    Box,
    CamPlan,
    Operation,
    Problem,
    ToolSpec,
    check_plan,
)
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.core.licensing import Feature, Limit, check_limit
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.base import utcnow
from cncworkbench.db.models import Artefact, CamRun, Machine, Material, Model, Setup, Tool
from cncworkbench.errors import UserError, ValidationError
from cncworkbench.services import pdf_process
from cncworkbench.services.access import audit, licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce import erp
from cncworkbench.services.machining import catalog
from cncworkbench.storage import ObjectStore, new_key

GCODE_MIME = "text/x-gcode"
FCSTD_MIME = "application/x-freecad"
PDF_MIME = "application/pdf"
CAM_TIMEOUT_S = 900
# Stepover (% of the tool) each operation starts from; a shop's usual first choice.
DEFAULT_STEPOVER = {
    "facing": 70.0, "profile": 50.0, "pocket": 45.0, "adaptive": 15.0, "helix": 40.0,
}  # fmt: skip
EXTENSIONS = {"linuxcnc": ".ngc", "grbl": ".nc", "fanuc": ".nc", "heidenhain": ".h"}
CONVERSATIONAL_POSTS = frozenset({"heidenhain"})  # posts whose output is not RS274 G-code

Progress = Callable[[float, str], None]
# Operation kinds as the problems of a plan name them ("2. pocket: ...").
OPERATION_WORDS = {
    "facing": QT_TRANSLATE_NOOP("Cam", "facing"),
    "profile": QT_TRANSLATE_NOOP("Cam", "profile"),
    "pocket": QT_TRANSLATE_NOOP("Cam", "pocket"),
    "adaptive": QT_TRANSLATE_NOOP("Cam", "adaptive"),
    "drilling": QT_TRANSLATE_NOOP("Cam", "drilling"),
    "helix": QT_TRANSLATE_NOOP("Cam", "helical milling"),
}
STL_REFUSED = QT_TRANSLATE_NOOP(
    "Cam", "An STL mesh has no exact faces to machine: upload the part as FCStd or STEP."
)


def operation_word(kind: str) -> str:
    """``kind`` in the reader's language (the code itself when unknown)."""
    word = OPERATION_WORDS.get(kind)
    return translate("Cam", word) if word is not None else kind


def _unknown_operation(kind: str) -> ValidationError:
    return ValidationError(
        translate("Cam", "Unknown operation '{kind}'; one of {kinds}.").format(
            kind=kind, kinds=", ".join(OPERATION_KINDS)
        )
    )


class CamFailed(UserError):
    """The CAM run could not make G-code; the message says why (FreeCAD's words)."""


# ------------------------------------------------------------------------- machine facts
def machine_facts(machine: Machine) -> dict[str, Any]:
    specs = machine.specifications or {}
    return {
        "id": machine.id,
        "name": machine.name,
        "controller": machine.controller,
        "post_processor": machine.post_processor,
        "envelope_mm": [
            float(machine.work_envelope_x_mm),
            float(machine.work_envelope_y_mm),
            float(machine.work_envelope_z_mm),
        ],
        "spindle_max_rpm": machine.spindle_max_rpm,
        "spindle_min_rpm": specs.get("spindle_min_rpm"),
        "spindle_power_kw": float(machine.spindle_power_kw or 0) or None,
        "rapid_mm_min": specs.get("rapid_mm_min"),
        "max_feed_mm_min": specs.get("max_feed_mm_min"),
        "acceleration_mm_s2": specs.get("acceleration_mm_s2"),
        "tool_capacity": machine.tool_capacity,
        "max_tool_length_mm": specs.get("max_tool_length_mm"),
        "max_tool_diameter_mm": specs.get("max_tool_diameter_mm"),
        "tool_change_s": specs.get("tool_change_s"),
        "manual_tool_change": machine.post_processor == "grbl",
    }


def post_arguments(machine: Machine) -> str:
    specs = machine.specifications or {}
    return specs.get("post_args") or "--no-show-editor"


# ----------------------------------------------------------------------------- cutting data
def engagement(kind: str, tool: Tool, features: dict[str, Any] | None) -> tuple[float, float]:
    """Radial and axial depth (ae, ap) an operation cuts with, for its feeds and speeds."""
    d = float(tool.diameter_mm)
    flutes = float(tool.flute_length_mm or d)
    recommended = float(tool.max_depth_of_cut_mm or 0) or min(d, flutes)
    features = features or {}
    if tool.type in DRILLING_TOOLS or kind == "drilling":
        depth = max((h["depth"] for h in features.get("holes", [])), default=3 * d)
        return d / 2, depth
    if kind == "facing":
        return d * DEFAULT_STEPOVER["facing"] / 100, min(1.0, recommended)
    if kind == "adaptive":
        depth = max((p["depth"] for p in features.get("pockets", [])), default=recommended)
        return d * DEFAULT_STEPOVER["adaptive"] / 100, min(depth, flutes)
    if kind == "pocket":
        return d, min(recommended, 0.5 * d)  # the first pass of a pocket is a full slot
    if kind == "helix":
        return d, round(0.15 * d, 3)  # a full-width helix, a gentle pitch per turn
    return d * 0.5, min(recommended, flutes)  # profile


# A holder's spindle taper, as catalog holders and machines name it ("BT40 ER32 collet
# chuck", "HSK-A63 hydraulic chuck", spindle_taper "BT30").
_TAPER = re.compile(r"^\s*(BT\d+|CAT\d+|SK\d+|HSK-[A-F]\d+|ISO\d+|R8)\b", re.IGNORECASE)


def holder_on(holder: str, spindle_taper: str | None) -> str:
    """The holder as the machine takes it: the catalog lists each tool in one typical
    holder (often BT40); on a machine of another taper it sits in that taper's version
    of the holder ("BT40 ER32 collet chuck" on a BT30 spindle: "BT30 ER32 collet
    chuck"). Holders without a taper (collets of router spindles) stay as they are."""
    machine = _TAPER.match(spindle_taper or "")
    own = _TAPER.match(holder or "")
    if machine is None or own is None or own.group(1).upper() == machine.group(1).upper():
        return holder
    return machine.group(1).upper() + holder[own.end() :]


def tool_spec(
    tool: Tool, number: int, cut: feeds.CutResult, spindle_taper: str | None = None
) -> ToolSpec:
    specs = tool.specifications or {}
    holder = specs.get("holder") or {}
    stickout = specs.get("stickout_mm")
    return ToolSpec(
        number=number,
        name=tool.name,
        type=tool.type,
        diameter_mm=float(tool.diameter_mm),
        flute_length_mm=float(tool.flute_length_mm or tool.diameter_mm),
        length_mm=float(stickout or tool.overall_length_mm or 3 * tool.diameter_mm),
        shank_diameter_mm=float(tool.shank_diameter_mm or tool.diameter_mm),
        rpm=round(cut.rpm),
        feed_mm_min=round(cut.feed_mm_min, 1),
        plunge_mm_min=round(cut.plunge_feed_mm_min, 1),
        corner_radius_mm=float(tool.corner_radius_mm or 0),
        tip_angle_deg=float(specs.get("tip_angle_deg") or 118.0),
        tool_id=tool.id,
        holder=holder_on(holder.get("type", ""), spindle_taper),
        holder_length_mm=float(holder.get("length_mm") or 0),
        holder_diameter_mm=float(holder.get("diameter_mm") or 0),
        flutes=int(tool.flute_count or 2),
        center_cutting=bool(specs.get("center_cutting", tool.type != "face_mill")),
    )


@dataclass
class OperationRequest:
    """One operation as the engineer asks for it (tool from the catalog)."""

    kind: str
    tool_id: int
    name: str = ""
    stepdown_mm: float | None = None
    stepover_percent: float | None = None
    faces: list[str] = field(default_factory=list)
    final_depth_mm: float | None = None
    stock_to_leave_mm: float = 0.0  # 0 finishes; more leaves material for a later op


MAX_STOCK_TO_LEAVE_MM = 10.0


def build_plan(
    machine: Machine,
    material: Material,
    tools: dict[int, Tool],
    requests: list[OperationRequest],
    stock: Box,
    work_offset: str = "G54",
    fixtures: list[Box] | None = None,
    features: dict[str, Any] | None = None,
) -> tuple[CamPlan, list[Problem], dict[int, feeds.CutResult]]:
    """The plan with cutting data, the problems found, and each op's feeds result."""
    problems: list[Problem] = []
    numbers: dict[int, int] = {}
    specs: dict[int, ToolSpec] = {}
    operations: list[Operation] = []
    cuts: dict[int, feeds.CutResult] = {}
    said: set[tuple[int, str]] = set()
    facts = machine_facts(machine)
    for index, request in enumerate(requests):
        if request.kind not in OPERATION_KINDS:
            raise _unknown_operation(request.kind)
        tool = tools.get(request.tool_id)
        if tool is None:
            raise ValidationError(
                translate(
                    "Cam", "Operation {number} names a tool that is not in the catalog."
                ).format(number=index + 1)
            )
        prefix = f"{index + 1}. {operation_word(request.kind)}: "
        ae, ap = engagement(request.kind, tool, features)
        stepover = request.stepover_percent or DEFAULT_STEPOVER.get(request.kind, 50.0)
        if request.kind in ("facing", "adaptive", "profile") and tool.type not in DRILLING_TOOLS:
            ae = float(tool.diameter_mm) * stepover / 100
        if request.stepdown_mm:
            ap = request.stepdown_mm
        try:
            cut = catalog.cutting_data(
                material, tool, machine, ae_mm=ae, ap_mm=ap, as_drill=request.kind == "drilling"
            )
        except ValidationError as exc:
            problems.append(Problem("error", f"{prefix}{exc}", index))
            continue
        power = [w for w in cut.warnings if w.code == "power_exceeded"]
        if power and request.kind != "drilling" and request.stepdown_mm is None:
            # Take shallower passes rather than stall the spindle.
            ap = round(ap * power[0].limit / power[0].value * 0.98, 2)
            cut = catalog.cutting_data(material, tool, machine, ae_mm=ae, ap_mm=ap)
            problems.append(
                Problem(
                    "warning",
                    prefix
                    + translate(
                        "Cam",
                        "stepdown reduced to {depth} mm to stay within the spindle's {power} kW.",
                    ).format(depth=i18n.number(ap), power=i18n.number(facts["spindle_power_kw"])),
                    index,
                )
            )
        for warning in cut.warnings:
            if warning.code == "rpm_clamped" and (request.tool_id, warning.code) in said:
                continue  # the same tool hits the same spindle limit in every op: say it once
            said.add((request.tool_id, warning.code))
            problems.append(Problem(warning.severity, f"{prefix}{warning.message}", index))
        if request.tool_id not in numbers:
            numbers[request.tool_id] = len(numbers) + 1
            taper = (machine.specifications or {}).get("spindle_taper")
            specs[request.tool_id] = tool_spec(tool, numbers[request.tool_id], cut, taper)
        cuts[index] = cut
        operations.append(
            Operation(
                kind=request.kind,
                tool_number=numbers[request.tool_id],
                name=request.name or _default_name(request.kind),
                stepdown_mm=None if tool.type in DRILLING_TOOLS else round(ap, 3),
                stepover_percent=stepover,
                faces=list(request.faces),
                final_depth_mm=request.final_depth_mm,
                stock_to_leave_mm=0.0
                if request.kind == "drilling"
                else float(request.stock_to_leave_mm or 0.0),
                feeds_note=f"{material.name}: Vc {cut.vc_actual_m_min:.0f} m/min, fz "
                f"{cut.fz_programmed_mm:.4f} mm, ae {ae:g} mm, ap {ap:g} mm",
                rpm=round(cut.rpm),
                feed_mm_min=round(cut.feed_mm_min, 1),
                plunge_mm_min=round(cut.plunge_feed_mm_min, 1),
            )
        )
    operations, repeats = cam_coverage.without_repeats(operations)
    problems.extend(Problem("warning", note) for note in repeats)
    plan = CamPlan(
        post_processor=machine.post_processor,
        stock=stock,
        tools=sorted(specs.values(), key=lambda spec: spec.number),
        operations=operations,
        work_offset=work_offset,
        fixtures=list(fixtures or []),
        machine=facts,
        material={
            "id": material.id,
            "name": material.name,
            "grade": material.grade,
            "density_g_cm3": float(material.density_g_cm3 or 0) or None,
        },
        post_args=post_arguments(machine),
    )
    problems.extend(check_plan(plan, features))
    return plan, problems, cuts


def _default_name(kind: str) -> str:
    return {
        "facing": "Facing",
        "profile": "Profile",
        "pocket": "Pocket",
        "adaptive": "Adaptive clearing",
        "drilling": "Drilling",
        "helix": "Helical milling",
    }[kind]


def choose_tools(kinds: list[str], tools: list[Tool], features: dict[str, Any]) -> list[int]:
    """A tool for each operation kind from the tools given (batch CAM's automatic choice):
    drilling takes the drill closest below the holes' size, facing the largest cutter,
    pockets the largest end mill that fits the narrowest pocket, profile the end mill with
    the longest flutes."""
    mills = [t for t in tools if t.type not in DRILLING_TOOLS]
    drills = [t for t in tools if t.type in DRILLING_TOOLS]
    chosen = []
    for kind in kinds:
        if kind == "drilling":
            holes = features.get("holes", [])
            fitting = [
                t
                for t in drills or mills
                if any(float(t.diameter_mm) <= h["diameter"] + 1e-6 for h in holes)
            ]
            pick = max(fitting, key=lambda t: float(t.diameter_mm), default=None)
        elif kind == "facing":
            pick = max(mills, key=lambda t: float(t.diameter_mm), default=None)
        elif kind == "helix":  # the largest end mill narrower than a hole no drill takes
            holes = [h["diameter"] for h in features.get("holes", [])]
            fitting = [t for t in mills if any(float(t.diameter_mm) < d for d in holes)]
            pick = max(fitting, key=lambda t: float(t.diameter_mm), default=None)
        elif kind in ("pocket", "adaptive"):
            narrowest = min((p["min_width"] for p in features.get("pockets", [])), default=1e9)
            fitting = [t for t in mills if float(t.diameter_mm) < narrowest]
            pick = max(fitting, key=lambda t: float(t.diameter_mm), default=None)
        else:
            pick = max(
                mills,
                key=lambda t: (float(t.flute_length_mm or 0), float(t.diameter_mm)),
                default=None,
            )
        if pick is None:
            pick = (drills if kind == "drilling" else mills or drills or tools)[0]
        chosen.append(pick.id)
    return chosen


# ----------------------------------------------------------------------------------- setups
@dataclass
class SetupInput:
    model_id: int
    machine_id: int
    material_id: int
    name: str
    stock: Box
    operations: list[OperationRequest]
    work_offset: str = "G54"
    fixtures: list[Box] = field(default_factory=list)
    notes: str | None = None


def save_setup(session: Session, actor: Actor, data: SetupInput, setup_id: int | None = None):
    """Create or update a setup; audited with the fields that changed."""
    require(actor.role, Permission.SETUP_WRITE)
    if data.work_offset not in ("G54", "G55", "G56", "G57", "G58", "G59"):
        raise ValidationError(
            translate("Cam", "Work offset must be G54..G59, not '{offset}'.").format(
                offset=data.work_offset
            )
        )
    size = data.stock.size
    if any(value <= 0 for value in size):
        raise ValidationError(
            translate("Cam", "The stock must have a positive size, not {size}.").format(size=size)
        )
    if not data.operations:
        raise ValidationError(translate("Cam", "A setup needs at least one operation."))
    for index, request in enumerate(data.operations):
        if request.kind not in OPERATION_KINDS:
            raise _unknown_operation(request.kind)
        leave = request.stock_to_leave_mm or 0.0
        if not (isinstance(leave, (int, float)) and 0.0 <= leave <= MAX_STOCK_TO_LEAVE_MM):
            raise ValidationError(
                translate(
                    "Cam",
                    "Operation {number}: stock to leave must be 0 to {most} mm, not {value}.",
                ).format(number=index + 1, most=i18n.number(MAX_STOCK_TO_LEAVE_MM), value=leave)
            )
    name = (data.name or "").strip()
    if not 1 <= len(name) <= 255:
        raise ValidationError(translate("Cam", "A setup needs a name of 1 to 255 characters."))
    values = {
        "model_id": data.model_id,
        "machine_id": data.machine_id,
        "stock_material_id": data.material_id,
        "name": name,
        "stock_x_mm": _dec(size[0]),
        "stock_y_mm": _dec(size[1]),
        "stock_z_mm": _dec(size[2]),
        "stock_origin_x_mm": _dec(data.stock.min[0]),
        "stock_origin_y_mm": _dec(data.stock.min[1]),
        "stock_origin_z_mm": _dec(data.stock.min[2]),
        "work_offset": data.work_offset,
        "fixtures": [dataclasses.asdict(box) for box in data.fixtures],
        "operations": [dataclasses.asdict(op) for op in data.operations],
        "notes": data.notes,
    }
    if setup_id is None:
        setup = Setup(user_id=actor.user_id or _owner_id(session), **values)
        session.add(setup)
        session.flush()
        audit.record(session, actor, "setup.create", "setup", setup.id, audit.snapshot(setup))
        return setup
    setup = session.get(Setup, setup_id)
    if setup is None:
        raise _no_setup(setup_id)
    before = audit.snapshot(setup)
    for key, value in values.items():
        setattr(setup, key, value)
    session.flush()
    changes = audit.changes_between(before, audit.snapshot(setup))
    audit.record(session, actor, "setup.update", "setup", setup.id, None, changes)
    return setup


def _no_setup(setup_id: int) -> ValidationError:
    return ValidationError(
        translate("Cam", "There is no setup {setup_id}.").format(setup_id=setup_id)
    )


def _owner_id(session: Session) -> int:
    from cncworkbench.services.pdm.projects import system_owner

    return system_owner(session)


def _dec(value: float) -> decimal.Decimal:
    return decimal.Decimal(str(round(float(value), 3)))


def setup_input(setup: Setup) -> SetupInput:
    return SetupInput(
        model_id=setup.model_id,
        machine_id=setup.machine_id,
        material_id=setup.stock_material_id,
        name=setup.name,
        stock=Box(
            [
                float(setup.stock_origin_x_mm),
                float(setup.stock_origin_y_mm),
                float(setup.stock_origin_z_mm),
            ],
            [
                float(setup.stock_origin_x_mm + setup.stock_x_mm),
                float(setup.stock_origin_y_mm + setup.stock_y_mm),
                float(setup.stock_origin_z_mm + setup.stock_z_mm),
            ],
            "stock",
        ),
        operations=[OperationRequest(**op) for op in setup.operations],
        work_offset=setup.work_offset,
        fixtures=[Box(**box) for box in setup.fixtures],
        notes=setup.notes,
    )


def setups_of(session: Session, model_id: int) -> list[Setup]:
    return list(
        session.scalars(
            sa.select(Setup).where(Setup.model_id == model_id).order_by(Setup.updated_at.desc())
        )
    )


def require_cam_license(session: Session, kinds: list[str], machine_id: int) -> None:
    """Refuse CAM the license in force does not cover (FeatureLocked names the plan that
    does): CAM itself, adaptive clearing, and one more machine than the plan allows
    (machines count once they have a setup)."""
    licenses.require_feature(session, Feature.CAM)
    if "adaptive" in kinds:
        licenses.require_feature(session, Feature.ADAPTIVE_CLEARING)
    used = set(session.scalars(sa.select(Setup.machine_id).distinct()))
    if machine_id not in used:
        check_limit(licenses.grant(session), Limit.MACHINES, len(used) + 1)


def plan_for(
    session: Session, data: SetupInput, features: dict[str, Any] | None = None
) -> tuple[CamPlan, list[Problem], dict[int, feeds.CutResult]]:
    require_cam_license(session, [r.kind for r in data.operations], data.machine_id)
    machine = session.get(Machine, data.machine_id)
    material = session.get(Material, data.material_id)
    if machine is None or material is None:
        raise ValidationError(
            translate("Cam", "The setup's machine or material is no longer in the catalog.")
        )
    tool_ids = {request.tool_id for request in data.operations}
    tools = {t.id: t for t in session.scalars(sa.select(Tool).where(Tool.id.in_(tool_ids)))}
    return build_plan(
        machine, material, tools, data.operations, data.stock, data.work_offset,
        data.fixtures, features,
    )  # fmt: skip


def inventory_warnings(session: Session, tool_ids: list[int]) -> dict[int, str]:
    """Tools below their minimum stock: id -> "2 in stock, minimum 4"."""
    rows = session.scalars(sa.select(Tool).where(Tool.id.in_(tool_ids)))
    text = translate("Cam", "{have} in stock, minimum {minimum}")
    return {
        t.id: text.format(have=t.quantity_available or 0, minimum=t.minimum_stock)
        for t in rows
        if t.minimum_stock and (t.quantity_available or 0) < t.minimum_stock
    }


# ------------------------------------------------------------------------------ the pipeline
@dataclass
class CamResult:
    gcode: str
    lines: int
    program: gcode.Program
    run_time: runtime.RunTime
    per_operation_s: list[float]
    fixes: list[str]
    warnings: list[str]
    features: dict[str, Any]
    removed_volume_mm3: float
    part_volume_mm3: float
    cam_document: bytes | None
    part_mesh: dict[str, Any]
    freecad_version: str
    rs274: rs274.Verdict | None
    elapsed_s: float
    # What FreeCAD's stock minus part would remove (not what the toolpaths do), the
    # stock's volume, and the removed volume's bound (%); removed_volume_mm3 is simulated.
    cam_claimed_removal_mm3: float | None = None
    stock_volume_mm3: float | None = None
    removal_accuracy_percent: float | None = None

    @property
    def gcode_sha256(self) -> str:
        return hashlib.sha256(self.gcode.encode()).hexdigest()


def run_plan_on_file(
    path: Path,
    file_format: str,
    plan: CamPlan,
    progress: Progress | None = None,
    program_name: str = "",
    timeout: float = CAM_TIMEOUT_S,
) -> CamResult:
    """Model file + plan → verified G-code, through a headless FreeCAD child."""
    started = time.monotonic()
    report = progress or (lambda _percent, _message: None)
    errors = [p.message for p in check_plan(plan) if p.severity == "error"]
    if errors:
        raise CamFailed(" ".join(errors))
    if file_format == "STL":
        raise CamFailed(translate("Cam", STL_REFUSED))
    report(10, translate("Cam", "FreeCAD: building toolpaths"))
    try:
        answer = run_script(
            "cam_job.py",
            {"path": str(path), "format": file_format, "plan": dataclasses.asdict(plan)},
            timeout=timeout,
        )
    except FreeCADUnavailable:
        raise
    except FreeCADFailed as exc:
        raise CamFailed(str(exc)) from exc
    report(70, translate("Cam", "Checking the G-code"))
    finished = finish_program(
        answer["gcode_bytes"].decode("utf-8"),
        plan,
        program_name,
        [float(op.get("freecad_cycle_time_s") or 0) for op in answer["operations"]],
        report,
    )
    report(80, translate("Cam", "Simulating what the toolpaths remove"))
    removed, accuracy = simulated_removal(finished.program, plan)
    return CamResult(
        gcode=finished.text,
        lines=finished.lines,
        program=finished.program,
        run_time=finished.run_time,
        per_operation_s=finished.per_operation_s,
        fixes=finished.fixes,
        # every hole the plan leaves undrilled is named, with the reason (#21)
        warnings=list(answer.get("warnings", []))
        + cam_coverage.not_machined(plan, answer["features"])
        + cam_coverage.pockets_not_machined(plan, answer["features"]),
        features=answer["features"],
        removed_volume_mm3=removed,
        cam_claimed_removal_mm3=float(answer["removed_volume_mm3"]),
        stock_volume_mm3=math.prod(plan.stock.size),
        removal_accuracy_percent=accuracy,
        part_volume_mm3=float(answer["part_volume_mm3"]),
        cam_document=answer.get("cam_document_bytes"),
        part_mesh=answer.get("part_mesh") or {},
        freecad_version=answer.get("freecad_version", ""),
        rs274=finished.rs274,
        elapsed_s=time.monotonic() - started,
    )


# Tool types of the catalog -> shapes the simulation knows.
SHAPES = {  # used by the simulation service too
    "ball_endmill": "ball",
    "bull_endmill": "bull",
    "drill": "drill",
    "spot_drill": "chamfer",
    "chamfer_mill": "chamfer",
}


def tool_shape(tool: dict[str, Any]) -> sim.ToolShape:
    """A simulation tool from a CAM plan's tool (ToolSpec as a dict)."""
    return sim.ToolShape(
        number=int(tool["number"]),
        diameter_mm=float(tool["diameter_mm"]),
        flute_length_mm=float(tool["flute_length_mm"]),
        shape=SHAPES.get(tool.get("type", ""), "flat"),
        corner_radius_mm=float(tool.get("corner_radius_mm") or 0.0),
        tip_angle_deg=float(tool.get("tip_angle_deg") or 118.0),
        shank_diameter_mm=float(tool.get("shank_diameter_mm") or tool["diameter_mm"]),
        length_mm=float(tool["length_mm"]) if tool.get("length_mm") else None,
        holder_diameter_mm=float(tool.get("holder_diameter_mm") or 0) or None,
        holder_length_mm=float(tool.get("holder_length_mm") or 0) or None,
        center_cutting=bool(tool.get("center_cutting", True)),
    )


def simulated_removal(program: gcode.Program, plan: CamPlan) -> tuple[float, float]:
    """(mm³ the program removes from the plan's stock, its bound in %): the stock
    simulation at its default cells, not stock minus part (#21: toolpaths that leave
    material must not be counted as having removed it)."""
    tools = {tool.number: tool_shape(dataclasses.asdict(tool)) for tool in plan.tools}
    try:
        result = sim.simulate(program, tuple(plan.stock.min), tuple(plan.stock.max), tools)
    except sim.SimulationError as exc:
        raise CamFailed(str(exc)) from exc
    return result.removed_volume_mm3, result.accuracy_percent


@dataclass
class FinishedProgram:
    text: str
    lines: int
    program: gcode.Program
    run_time: runtime.RunTime
    per_operation_s: list[float]
    fixes: list[str]
    rs274: rs274.Verdict | None


def finish_program(
    posted: str,
    plan: CamPlan,
    program_name: str = "",
    freecad_times_s: list[float] | None = None,
    progress: Progress | None = None,
) -> FinishedProgram:
    """What every posted program goes through, in a worker or in the FreeCAD GUI: our
    controller fixes, our interpreter (run time per operation), and for LinuxCNC machines
    LinuxCNC's own interpreter. A program a controller would reject raises CamFailed."""
    report = progress or (lambda _percent, _message: None)
    text, fixes = post_fixes.fix_program(posted, plan.post_processor, program_name)
    machine = plan.machine or {}
    if plan.post_processor in CONVERSATIONAL_POSTS:
        # Not G-code (Heidenhain Klartext): FreeCAD's own per-operation estimate stands in.
        program = gcode.Program([], [], "mm", [], (0.0, 0.0, 0.0))
        per_operation = list(freecad_times_s or [])
        run_time = runtime.RunTime(sum(per_operation), sum(per_operation), 0, 0, 0, 0, 0, {})
    else:
        try:
            program = gcode.interpret(text, dialect=gcode.dialect_of(text, plan.post_processor))
        except gcode.GCodeError as exc:
            message = translate("Cam", "The {post} post wrote G-code we cannot read: {error}")
            raise CamFailed(message.format(post=plan.post_processor, error=exc)) from exc
        run_time = runtime.estimate_time(
            program,
            rapid_mm_min=float(machine.get("rapid_mm_min") or 5000),
            acceleration_mm_s2=machine.get("acceleration_mm_s2"),
            tool_change_s=float(machine.get("tool_change_s") or runtime.DEFAULT_TOOL_CHANGE_S),
            max_feed_mm_min=machine.get("max_feed_mm_min"),
        )
        per_operation = _time_per_operation(text, program, run_time, plan)
    verdict = None
    if plan.post_processor == "linuxcnc":
        report(80, translate("Cam", "LinuxCNC's interpreter checks the program"))
        verdict = rs274.check(text, plan.tools)
        if verdict is not None and not verdict.ok:
            raise CamFailed(
                translate("Cam", "LinuxCNC's interpreter rejects the program: {reason}").format(
                    reason=verdict.message
                )
            )
    lines = len(text.splitlines())
    return FinishedProgram(text, lines, program, run_time, per_operation, fixes, verdict)


def features_of_file(path: Path, file_format: str, timeout: float = 300) -> dict[str, Any]:
    """What the part offers to machine (bounding box, top faces, pockets, holes)."""
    if file_format == "STL":
        raise CamFailed(translate("Cam", STL_REFUSED))
    try:
        answer = run_script(
            "cam_job.py",
            {"path": str(path), "format": file_format, "features_only": True},
            timeout=timeout,
        )
    except FreeCADFailed as exc:
        raise CamFailed(str(exc)) from exc
    return answer["features"]


def _time_per_operation(
    text: str, program: gcode.Program, run_time: runtime.RunTime, plan: CamPlan
) -> list[float]:
    """Seconds per planned operation, from the posts' "(begin operation: LABEL)" markers."""
    labels = [op.label() for op in plan.operations]
    starts: list[tuple[int, int]] = []  # (line, op index)
    search_from = 0
    lines = text.splitlines()
    for index, label in enumerate(labels):
        marker = f"operation: {label}".lower()
        for number in range(search_from, len(lines)):
            if marker in lines[number].lower() and "begin" in lines[number].lower():
                starts.append((number + 1, index))
                search_from = number + 1
                break
    totals = [0.0] * len(labels)
    if not starts:
        return totals
    for line, seconds in run_time.by_line_s.items():
        owner = None
        for start, index in starts:
            if line >= start:
                owner = index
        if owner is not None:
            totals[owner] += seconds
    return [round(value, 1) for value in totals]


def summary(plan: CamPlan, result: CamResult) -> dict[str, Any]:
    """What ``cam_runs.tool_paths`` keeps: per operation and per tool, lengths and times."""
    lower, upper = runtime.bounds(result.program)
    return {
        "operations": [
            {
                "name": op.label(),
                "kind": op.kind,
                "tool_number": op.tool_number,
                "time_s": seconds,
            }
            for op, seconds in zip(plan.operations, result.per_operation_s, strict=False)
        ],
        "moves": len(result.program.motions),
        "lines": result.lines,
        "tool_changes": len(runtime.tool_changes(result.program)),
        "cutting_length_mm": round(result.run_time.cutting_length_mm, 1),
        "rapid_length_mm": round(result.run_time.rapid_length_mm, 1),
        "cutting_s": round(result.run_time.cutting_s, 1),
        "rapid_s": round(result.run_time.rapid_s, 1),
        "bounds_mm": {"min": [round(v, 3) for v in lower], "max": [round(v, 3) for v in upper]},
        "post_fixes": result.fixes,
        "rs274": None
        if result.rs274 is None
        else {"ok": result.rs274.ok, "canonical_calls": result.rs274.calls},
        "freecad_version": result.freecad_version,
    }


ORIGIN_NOTE = QT_TRANSLATE_NOOP("Cam", "part coordinates: X/Y/Z zero as modelled")


def sheet_data(
    plan: CamPlan,
    result: CamResult,
    part: dict[str, Any],
    gcode_name: str,
    generated_by: str | None,
    inventory: dict[int, str] | None = None,
    locale: str | None = None,
    timezone: str = "Europe/Istanbul",
    extra_warnings: list[str] | None = None,
    cost: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The setup sheet's content (rendered by ui.reports); ``cost`` from
    :func:`cncworkbench.services.machining.quotes.sheet_cost`. In ``locale`` (default: the language
    spoken now, a worker's the job owner's), like the warnings made before it."""
    import datetime as dt

    locale = localefmt.normalise(locale) or localefmt.current()

    inventory = inventory or {}
    tools_by_number = {tool.number: tool for tool in plan.tools}
    polylines = runtime.polylines(result.program)
    return {
        "locale": locale,
        "timezone": timezone,
        "generated_at": dt.datetime.now(dt.UTC).isoformat(),
        "generated_by": generated_by or "",
        "part": part,
        "machine": {
            "name": plan.machine.get("name", ""),
            "controller": plan.machine.get("controller") or "",
            "post_processor": plan.post_processor,
        },
        "material": {
            "name": plan.material.get("name", ""),
            "grade": plan.material.get("grade") or "",
        },
        "stock": {"min": plan.stock.min, "size": plan.stock.size},
        "work_offset": plan.work_offset,
        "origin_note": translate("Cam", ORIGIN_NOTE, language=locale),
        "origin": [0.0, 0.0, 0.0],
        "fixtures": [{"name": f.name, "min": f.min, "max": f.max} for f in plan.fixtures],
        "tools": [
            {
                "number": tool.number,
                "name": tool.name,
                "type": tool.type,
                "diameter_mm": tool.diameter_mm,
                "flute_length_mm": tool.flute_length_mm,
                "holder": tool.holder,
                "stickout_mm": tool.length_mm,
                "rpm": tool.rpm,
                "feed_mm_min": tool.feed_mm_min,
                "inventory_warning": inventory.get(tool.tool_id or -1, ""),
            }
            for tool in plan.tools
        ],
        "operations": [
            {
                "name": op.label(),
                "kind": op.kind,
                "tool_number": op.tool_number,
                "rpm": op.cutting(tools_by_number[op.tool_number])[0],
                "feed_mm_min": op.cutting(tools_by_number[op.tool_number])[1],
                "plunge_mm_min": op.cutting(tools_by_number[op.tool_number])[2],
                "stepdown_mm": op.stepdown_mm,
                "stepover_percent": op.stepover_percent,
                "stock_to_leave_mm": op.stock_to_leave_mm,
                "time_s": seconds,
            }
            for op, seconds in zip(plan.operations, result.per_operation_s, strict=False)
        ],
        "totals": {
            "time_s": round(result.run_time.total_s, 1),
            "material_removal_cm3": round(result.removed_volume_mm3 / 1000, 2),
        },
        "warnings": list(extra_warnings or []) + result.warnings + result.fixes,
        "cost": cost,
        "gcode": {
            "name": gcode_name,
            "sha256": result.gcode_sha256,
            "lines": result.lines,
        },
        "part_mesh": result.part_mesh,
        "toolpath": {
            "feeds": [[list(p) for p in line] for line in polylines["feeds"]],
            "rapids": [[list(p) for p in line] for line in polylines["rapids"]],
        },
    }


def render_setup_sheet(sheet: dict[str, Any], pdf_path: Path, timeout: float = 120) -> None:
    """The setup sheet PDF (see :mod:`cncworkbench.services.pdf_process`)."""
    pdf_process.render_pdf("setup-sheet", sheet, pdf_path, CamFailed, "setup sheet", timeout)


# ------------------------------------------------------------------------------ job handler
@dataclass
class StoredArtefact:
    type: str
    name: str
    key: str
    size: int
    sha256: str
    mime: str
    metadata: dict[str, Any] = field(default_factory=dict)


def store_outputs(
    store: ObjectStore, files: list[tuple[str, str, bytes, str, dict]]
) -> list[StoredArtefact]:
    """Put each (type, name, data, mime, metadata) in the store; all or none."""
    stored: list[StoredArtefact] = []
    try:
        for kind, name, data, mime, metadata in files:
            key = new_key("artefacts", name)
            result = store.put_bytes(key, data, mime)
            stored.append(
                StoredArtefact(kind, name, result.key, result.size, result.sha256, mime, metadata)
            )
    except BaseException:
        for item in stored:
            with contextlib.suppress(Exception):  # the sweeper removes what this cannot
                store.delete(item.key)
        raise
    return stored


def record_run(
    session: Session,
    actor: Actor,
    job_id: int,
    model_id: int,
    setup_id: int | None,
    plan: CamPlan,
    result: CamResult,
    artefacts: list[StoredArtefact],
) -> CamRun:
    """The cam_runs row, the artefact rows and the audit entry, in one transaction."""
    gcode_key = next(a.key for a in artefacts if a.type == "gcode")
    run = CamRun(
        job_id=job_id,
        model_id=model_id,
        setup_id=setup_id,
        strategy="+".join(op.kind for op in plan.operations),
        tool_paths=summary(plan, result),
        cutting_params={
            "machine": plan.machine.get("name"),
            "post_processor": plan.post_processor,
            "material": plan.material.get("name"),
            "work_offset": plan.work_offset,
            "tools": [dataclasses.asdict(tool) for tool in plan.tools],
            "operations": [dataclasses.asdict(op) for op in plan.operations],
        },
        estimated_time_seconds=round(result.run_time.total_s),
        material_removal_cc=decimal.Decimal(str(round(result.removed_volume_mm3 / 1000, 2))),
        output_s3_key=gcode_key,
        status="completed",
        completed_at=sa.func.now(),
    )
    session.add(run)
    session.flush()
    for item in artefacts:
        session.add(
            Artefact(
                job_id=job_id,
                type=item.type,
                name=item.name,
                s3_key=item.key,
                file_size=item.size,
                mime_type=item.mime,
                sha256=item.sha256,
                metadata_={**item.metadata, "cam_run_id": run.id},
            )
        )
    session.flush()
    audit.record(
        session,
        actor,
        "cam.completed",
        "cam_run",
        run.id,
        {
            "job_id": job_id,
            "model_id": model_id,
            "setup_id": setup_id,
            "machine": plan.machine.get("name"),
            "gcode_sha256": result.gcode_sha256,
            "estimated_time_seconds": run.estimated_time_seconds,
        },
    )
    model = session.get(Model, model_id)
    erp.record_event(
        session, "cam.finished", "cam_run", run.id,
        {"cam_run_id": run.id, "job_id": job_id,
         "program": next(a.name for a in artefacts if a.type == "gcode"),
         "estimated_time_s": run.estimated_time_seconds,
         "material_removal_cm3": round(result.removed_volume_mm3 / 1000, 2),
         "finished_at": utcnow(), "model": model.name, "model_version": model.version,
         "machine": plan.machine.get("name"), "post_processor": plan.post_processor,
         "gcode_sha256": result.gcode_sha256, "lines": result.lines,
         **erp.project_order(session, cam_run_id=run.id)},
    )  # fmt: skip
    return run


def submit_cam(session: Session, actor: Actor, setup_id: int, priority: int = 0) -> int:
    """Queue a ``cam_process`` job for a saved setup."""
    from cncworkbench.services.jobs import jobs

    require(actor.role, Permission.CAM_RUN)
    setup = session.get(Setup, setup_id)
    if setup is None:
        raise _no_setup(setup_id)
    require_cam_license(
        session, [op.get("kind", "") for op in setup.operations or []], setup.machine_id
    )
    job_id = jobs.submit_job(
        session, actor, "cam_process", {"setup_id": setup_id}, priority=priority,
        timeout_seconds=CAM_TIMEOUT_S + 300, max_retries=1,
    )  # fmt: skip
    audit.record(session, actor, "cam.submitted", "setup", setup_id, {"job_id": job_id})
    return job_id


def gcode_name(model_name: str, machine_name: str, post_processor: str) -> str:
    from cncworkbench.storage import safe_name

    stem = safe_name(f"{model_name}_{machine_name}").replace(" ", "_")
    return stem + EXTENSIONS.get(post_processor, ".nc")


def model_of(session: Session, model_id: int) -> Model:
    model = session.get(Model, model_id)
    if model is None or model.is_deleted:
        raise ValidationError(
            translate("Cam", "Model version {model_id} is gone (deleted).").format(
                model_id=model_id
            )
        )
    return model
