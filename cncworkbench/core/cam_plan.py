"""What a CAM run is asked to do, as plain data: stock, work offset, fixtures, tools with
their cutting data, operations; and the checks that must pass before anything runs.

A :class:`CamPlan` travels as JSON from the setup (database) to whoever builds the FreeCAD
CAM job: the FreeCAD GUI on the open document, or a worker's headless FreeCAD child.
Geometry facts the checks need (pocket widths, hole sizes) come as a :class:`PartFeatures`
mapping measured by the CAM adapter, so these checks stay pure Python.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

OPERATION_KINDS = ("facing", "profile", "pocket", "adaptive", "drilling")
DRILLING_TOOLS = frozenset({"drill", "spot_drill"})
# FreeCAD 0.20 tool-bit shape files by catalog tool type.
FREECAD_SHAPES = {
    "flat_endmill": "endmill.fcstd",
    "face_mill": "endmill.fcstd",
    "router_bit": "endmill.fcstd",
    "ball_endmill": "ballend.fcstd",
    "bull_endmill": "bullnose.fcstd",
    "drill": "drill.fcstd",
    "spot_drill": "drill.fcstd",
    "chamfer_mill": "chamfer.fcstd",
}


class PlanError(ValueError):
    """The plan cannot be machined as asked; the message says what is wrong."""


@dataclass
class Box:
    min: list[float]
    max: list[float]
    name: str = ""

    @property
    def size(self) -> list[float]:
        return [round(b - a, 6) for a, b in zip(self.min, self.max, strict=True)]


@dataclass
class ToolSpec:
    number: int
    name: str
    type: str
    diameter_mm: float
    flute_length_mm: float
    length_mm: float  # out of the holder (stick-out) or overall when unknown
    shank_diameter_mm: float
    rpm: float
    feed_mm_min: float
    plunge_mm_min: float
    corner_radius_mm: float = 0.0
    tip_angle_deg: float = 118.0
    tool_id: int | None = None
    holder: str = ""
    holder_length_mm: float = 0.0
    holder_diameter_mm: float = 0.0
    flutes: int = 2
    center_cutting: bool = True

    @property
    def shape(self) -> str:
        return FREECAD_SHAPES.get(self.type, "endmill.fcstd")

    @property
    def gauge_length_mm(self) -> float:
        """Spindle nose to tool tip: the holder and the stick-out."""
        return self.holder_length_mm + self.length_mm


@dataclass
class Operation:
    kind: str
    tool_number: int
    name: str = ""
    stepdown_mm: float | None = None
    stepover_percent: float = 50.0
    # Faces of the model to machine ("Face15"); empty means found automatically.
    faces: list[str] = field(default_factory=list)
    final_depth_mm: float | None = None  # None: the feature's bottom
    peck_mm: float | None = None  # drilling: peck depth (G83) when the hole is deep
    feeds_note: str = ""  # where the cutting data came from (shown on the setup sheet)
    warnings: list[str] = field(default_factory=list)
    # This operation's own cutting data; None: the tool's (ToolSpec rpm/feed/plunge).
    rpm: float | None = None
    feed_mm_min: float | None = None
    plunge_mm_min: float | None = None

    def label(self) -> str:
        return self.name or self.kind.capitalize()

    def cutting(self, tool: ToolSpec) -> tuple[float, float, float]:
        """(rpm, feed, plunge) this operation runs at."""
        return (
            self.rpm or tool.rpm,
            self.feed_mm_min or tool.feed_mm_min,
            self.plunge_mm_min or tool.plunge_mm_min,
        )


@dataclass
class CamPlan:
    post_processor: str
    stock: Box
    tools: list[ToolSpec]
    operations: list[Operation]
    work_offset: str = "G54"
    fixtures: list[Box] = field(default_factory=list)
    clearance_mm: float = 5.0  # above the stock top, for rapids between features
    safe_mm: float = 3.0  # above the stock top, where plunges start
    machine: dict[str, Any] = field(default_factory=dict)  # name, envelope, rapid rate ...
    material: dict[str, Any] = field(default_factory=dict)  # name, grade, density
    post_args: str = ""

    def tool(self, number: int) -> ToolSpec:
        for tool in self.tools:
            if tool.number == number:
                return tool
        raise PlanError(f"Operation uses tool T{number}, which is not in the tool list")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CamPlan:
        return cls(
            post_processor=data["post_processor"],
            stock=Box(**data["stock"]),
            tools=[ToolSpec(**tool) for tool in data["tools"]],
            operations=[Operation(**op) for op in data["operations"]],
            work_offset=data.get("work_offset", "G54"),
            fixtures=[Box(**box) for box in data.get("fixtures", [])],
            clearance_mm=data.get("clearance_mm", 5.0),
            safe_mm=data.get("safe_mm", 3.0),
            machine=data.get("machine", {}),
            material=data.get("material", {}),
            post_args=data.get("post_args", ""),
        )

    @classmethod
    def from_json(cls, text: str) -> CamPlan:
        return cls.from_dict(json.loads(text))


@dataclass(frozen=True)
class Problem:
    """Something wrong with a plan; "error" stops the run, "warning" is shown."""

    severity: str
    message: str
    operation: int | None = None  # index into plan.operations


def stock_around(bbox_min, bbox_max, margin_xy: float = 2.0, margin_top: float = 1.0) -> Box:
    """The stock box: the part's bounding box plus margins (none below: it sits on the
    parallels, so the part's bottom is the stock's bottom)."""
    return Box(
        [bbox_min[0] - margin_xy, bbox_min[1] - margin_xy, bbox_min[2]],
        [bbox_max[0] + margin_xy, bbox_max[1] + margin_xy, bbox_max[2] + margin_top],
        "stock",
    )


def check_plan(plan: CamPlan, features: dict[str, Any] | None = None) -> list[Problem]:
    """Everything that can be known wrong before FreeCAD runs."""
    problems: list[Problem] = []
    features = features or {}
    machine = plan.machine or {}
    stock = plan.stock
    if any(s <= 0 for s in stock.size):
        problems.append(Problem("error", f"The stock has no volume ({_dims(stock.size)} mm)."))
    envelope = machine.get("envelope_mm")
    if envelope:
        for axis, size, travel in zip("XYZ", stock.size, envelope, strict=True):
            if size > travel:
                problems.append(
                    Problem(
                        "error",
                        f"The stock is {size:g} mm in {axis}, more than the machine's "
                        f"{travel:g} mm travel.",
                    )
                )
    if not plan.operations:
        problems.append(Problem("error", "The setup has no operations."))
    numbers = [tool.number for tool in plan.tools]
    if len(set(numbers)) != len(numbers):
        problems.append(Problem("error", "Two tools share a tool number."))
    capacity = machine.get("tool_capacity")
    if capacity and len(plan.tools) > capacity:
        problems.append(
            Problem(
                "warning",
                f"The setup uses {len(plan.tools)} tools; the machine holds {capacity}: "
                "some need a manual change.",
            )
        )
    for tool in plan.tools:
        problems.extend(_tool_problems(tool, plan, stock))
    for index, op in enumerate(plan.operations):
        if op.kind not in OPERATION_KINDS:
            problems.append(
                Problem(
                    "error",
                    f"Unknown operation {op.kind!r}; known: " + ", ".join(OPERATION_KINDS),
                    index,
                )
            )
            continue
        try:
            tool = plan.tool(op.tool_number)
        except PlanError as exc:
            problems.append(Problem("error", str(exc), index))
            continue
        problems.extend(_operation_problems(index, op, tool, features))
    return problems


def _tool_problems(tool: ToolSpec, plan: CamPlan, stock: Box) -> list[Problem]:
    out: list[Problem] = []
    machine = plan.machine or {}
    name = f"T{tool.number} {tool.name}"
    if tool.diameter_mm <= 0:
        out.append(Problem("error", f"{name} has no diameter."))
    z_travel = (machine.get("envelope_mm") or [0, 0, 0])[2]
    if z_travel:
        # The tool must fit between the spindle nose at the top of Z and the stock top,
        # with the clearance height to spare.
        needed = tool.gauge_length_mm + stock.size[2] + plan.clearance_mm
        if tool.gauge_length_mm > z_travel:
            out.append(
                Problem(
                    "error",
                    f"{name} is {tool.gauge_length_mm:g} mm long with its holder, longer than "
                    f"the machine's Z travel of {z_travel:g} mm.",
                )
            )
        elif needed > z_travel:
            out.append(
                Problem(
                    "warning",
                    f"{name} ({tool.gauge_length_mm:g} mm with holder) over a "
                    f"{stock.size[2]:g} mm stock needs {needed:g} mm of Z travel; the machine "
                    f"has {z_travel:g} mm.",
                )
            )
    max_len = machine.get("max_tool_length_mm")
    if max_len and tool.gauge_length_mm > max_len:
        out.append(
            Problem(
                "error",
                f"{name} is {tool.gauge_length_mm:g} mm long with its holder; the machine "
                f"takes tools up to {max_len:g} mm.",
            )
        )
    max_dia = machine.get("max_tool_diameter_mm")
    if max_dia and tool.diameter_mm > max_dia:
        out.append(
            Problem(
                "error",
                f"{name} is Ø{tool.diameter_mm:g} mm; the machine takes tools up to "
                f"Ø{max_dia:g} mm.",
            )
        )
    if tool.rpm <= 0 or tool.feed_mm_min <= 0:
        out.append(Problem("error", f"{name} has no spindle speed or feed."))
    return out


def _operation_problems(
    index: int, op: Operation, tool: ToolSpec, features: dict[str, Any]
) -> list[Problem]:
    out: list[Problem] = []
    label = f"{index + 1}. {op.label()}"
    is_drill = tool.type in DRILLING_TOOLS
    if op.kind == "drilling":
        holes = features.get("holes", [])
        if features and not holes:
            out.append(
                Problem("error", f"{label}: the part has no vertical holes to drill.", index)
            )
        for hole in holes:
            if hole["depth"] > tool.flute_length_mm and is_drill:
                out.append(
                    Problem(
                        "error",
                        f"{label}: a Ø{hole['diameter']:g} mm hole is {hole['depth']:g} mm deep, "
                        f"deeper than T{tool.number}'s {tool.flute_length_mm:g} mm flutes.",
                        index,
                    )
                )
                break
        if not is_drill and not tool.center_cutting:
            out.append(
                Problem("error", f"{label}: T{tool.number} cannot plunge (not centre cutting).")
            )
        if holes and all(tool.diameter_mm > hole["diameter"] + 1e-6 for hole in holes):
            smallest = min(hole["diameter"] for hole in holes)
            out.append(
                Problem(
                    "error",
                    f"{label}: T{tool.number} (Ø{tool.diameter_mm:g} mm) is larger than every "
                    f"hole (smallest Ø{smallest:g} mm).",
                    index,
                )
            )
        return out
    if is_drill:
        out.append(
            Problem("error", f"{label}: T{tool.number} is a drill; it cannot mill a {op.kind}.")
        )
    if op.kind in ("pocket", "adaptive"):
        pockets = features.get("pockets", [])
        if features and not pockets:
            out.append(
                Problem("error", f"{label}: the part has no pocket open from the top.", index)
            )
        for pocket in pockets:
            if tool.diameter_mm >= pocket["min_width"]:
                out.append(
                    Problem(
                        "error",
                        f"{label}: T{tool.number} (Ø{tool.diameter_mm:g} mm) is larger than the "
                        f"pocket ({_dims(pocket['size'])} mm, narrowest {pocket['min_width']:g} "
                        "mm).",
                        index,
                    )
                )
            if pocket["depth"] > tool.flute_length_mm:
                out.append(
                    Problem(
                        "error",
                        f"{label}: the pocket is {pocket['depth']:g} mm deep; T{tool.number}'s "
                        f"flutes are {tool.flute_length_mm:g} mm.",
                        index,
                    )
                )
    if op.kind == "profile":
        height = features.get("height_mm")
        if height and height > tool.flute_length_mm:
            out.append(
                Problem(
                    "error",
                    f"{label}: the part is {height:g} mm tall; T{tool.number}'s flutes are "
                    f"{tool.flute_length_mm:g} mm, so the profile cannot reach the bottom.",
                    index,
                )
            )
    if op.stepdown_mm is not None and op.stepdown_mm > tool.flute_length_mm:
        out.append(
            Problem(
                "error",
                f"{label}: stepdown {op.stepdown_mm:g} mm is more than T{tool.number}'s "
                f"{tool.flute_length_mm:g} mm flutes.",
                index,
            )
        )
    if not 1 <= op.stepover_percent <= 100:
        out.append(
            Problem(
                "error",
                f"{label}: stepover must be 1-100% of the tool, not {op.stepover_percent:g}%.",
                index,
            )
        )
    return out


def _dims(values) -> str:
    return " × ".join(f"{value:g}" for value in values)
