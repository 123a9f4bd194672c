"""CAM setups made from what people type: a model id and catalog names (``cncworkbench
setup create``), and the stored setups as lists and details (``setup list/show``).

The stock is the model's bounding box (measured by FreeCAD at upload) plus margins, as
``cam run`` makes it; each operation gets its tool from the tools named, by the batch
CAM's rule (:func:`cam.choose_tools`) unless as many tools as operations are named, which
then pair in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core.cam_plan import Box, stock_around
from cncworkbench.core.i18n import translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.models import Machine, Material, Model, Setup, Tool, User
from cncworkbench.errors import ValidationError
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.machining import cam, catalog_query
from cncworkbench.services.pdm import model_preview, models


@dataclass(frozen=True)
class SetupRequest:
    model_id: int
    machine: str
    material: str
    tools: list[str]
    operations: list[str]
    name: str | None = None
    margin_mm: float = 2.0
    top_margin_mm: float = 1.0
    work_offset: str = "G54"
    fixtures: list[Box] | None = None
    # Stock to leave (mm) by operation number ("2") or kind ("pocket"); the rest finish.
    leave: dict[str, float] | None = None


def _bounding_box(row: models.ModelRow) -> tuple[list[float], list[float]]:
    box = (row.metadata or {}).get("bounding_box")
    if not box and model_preview.is_pending(row.metadata):
        raise ValidationError(
            translate(
                "Setups",
                "Model {id} is still being measured by a job after its upload; try again when "
                "`cncworkbench model show {id}` gives its size.",
            ).format(id=row.id)
        )
    if not box and model_preview.failure(row.metadata) is not None:
        raise ValidationError(
            translate("Setups", "Model {id} could not be measured: {reason}").format(
                id=row.id, reason=model_preview.failure(row.metadata)
            )
        )
    if not box:
        raise ValidationError(
            translate(
                "Setups",
                "Model {id} has no measured size (FreeCAD was not installed where it was "
                "uploaded): upload it again where FreeCAD is installed.",
            ).format(id=row.id)
        )
    return list(box["min"]), list(box["max"])


def create_setup(session: Session, actor: Actor, request: SetupRequest) -> Setup:
    """A setup saved from names; every name must pick one catalog item (else the error
    lists the candidates), nothing is stored when one does not."""
    require(actor.role, Permission.SETUP_WRITE)
    row = models.get_model(session, actor, request.model_id)
    machine = catalog_query.select_one(session, actor, "machine", request.machine)
    material = catalog_query.select_one(session, actor, "material", request.material)
    if not request.tools:
        raise ValidationError(translate("Setups", "Name at least one tool (--tool)."))
    if not request.operations:
        raise ValidationError(translate("Setups", "Name at least one operation (--op)."))
    tools = [catalog_query.select_one(session, actor, "tool", name) for name in request.tools]
    kinds = [kind.strip().lower() for kind in request.operations]
    if len(tools) == len(kinds):
        chosen = [tool.id for tool in tools]
    else:
        chosen = cam.choose_tools(kinds, tools, {})
    low, high = _bounding_box(row)
    stock = stock_around(low, high, request.margin_mm, request.top_margin_mm)
    name = request.name or f"{row.name} v{row.version} - {machine.name}"
    data = cam.SetupInput(
        model_id=row.id,
        machine_id=machine.id,
        material_id=material.id,
        name=name[:255],
        stock=stock,
        operations=[
            cam.OperationRequest(kind, tool_id, stock_to_leave_mm=_leave(request, n, kind))
            for n, (kind, tool_id) in enumerate(zip(kinds, chosen, strict=True), 1)
        ],
        work_offset=request.work_offset,
        fixtures=list(request.fixtures or []),
    )
    return cam.save_setup(session, actor, data)


def _leave(request: SetupRequest, number: int, kind: str) -> float:
    leave = request.leave or {}
    for key in leave:
        if key not in cam.OPERATION_WORDS and not (
            key.isdigit() and 1 <= int(key) <= len(request.operations)
        ):
            raise ValidationError(
                translate(
                    "Setups",
                    "--leave {key}=…: name an operation by its number (1 to {count}) or kind.",
                ).format(key=key, count=len(request.operations))
            )
    return float(leave.get(str(number), leave.get(kind, 0.0)))


@dataclass(frozen=True)
class SetupLine:
    id: int
    name: str
    model_id: int
    model_name: str
    machine: str
    material: str
    operations: list[str]
    owner: str | None
    updated_at: Any


def list_setups(
    session: Session, actor: Actor, model_id: int | None = None, limit: int = 50
) -> list[SetupLine]:
    require(actor.role, Permission.SETUP_READ)
    query = (
        sa.select(Setup, Model.name, Machine.name, Material.name, User.email)
        .join(Model, Model.id == Setup.model_id)
        .join(Machine, Machine.id == Setup.machine_id)
        .outerjoin(Material, Material.id == Setup.stock_material_id)
        .outerjoin(User, User.id == Setup.user_id)
        .order_by(Setup.id.desc())
        .limit(limit)
    )
    if model_id is not None:
        query = query.where(Setup.model_id == model_id)
    lines = []
    for setup, model_name, machine, material, email in session.execute(query):
        kinds = [op.get("kind", "") for op in setup.operations or []]
        lines.append(
            SetupLine(setup.id, setup.name, setup.model_id, model_name, machine, material or "",
                      kinds, email, setup.updated_at)
        )  # fmt: skip
    return lines


def setup_details(session: Session, actor: Actor, setup_id: int) -> dict[str, Any]:
    """Everything a setup says, names resolved, JSON-ready."""
    require(actor.role, Permission.SETUP_READ)
    setup = session.get(Setup, setup_id)
    if setup is None:
        raise ValidationError(
            translate("Setups", "There is no setup {id}; `cncworkbench setup list` shows them.")
            .format(id=setup_id)
        )  # fmt: skip
    data = cam.setup_input(setup)
    tool_ids = {op.tool_id for op in data.operations}
    tools = {t.id: t.name for t in session.scalars(sa.select(Tool).where(Tool.id.in_(tool_ids)))}
    machine = session.get(Machine, setup.machine_id)
    material = session.get(Material, setup.stock_material_id) if setup.stock_material_id else None
    model = session.get(Model, setup.model_id)
    return {
        "id": setup.id,
        "name": setup.name,
        "model": {"id": setup.model_id, "name": model.name if model else "",
                  "version": model.version if model else None},
        "machine": {"id": setup.machine_id, "name": machine.name if machine else ""},
        "material": {"id": setup.stock_material_id, "name": material.name if material else ""},
        "stock": {"min": data.stock.min, "max": data.stock.max, "size": data.stock.size},
        "work_offset": data.work_offset,
        "fixtures": [{"name": b.name, "min": b.min, "max": b.max} for b in data.fixtures],
        "operations": [
            {"kind": op.kind, "tool_id": op.tool_id, "tool": tools.get(op.tool_id, ""),
             "stock_to_leave_mm": op.stock_to_leave_mm}
            for op in data.operations
        ],
    }  # fmt: skip
