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

from cncworkbench.core import i18n
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate

OPERATION_KINDS = ("facing", "profile", "pocket", "adaptive", "drilling", "helix")
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
# An operation without a name, as the problems name it ("2. Pocket"), and its kind in a
# sentence ("cannot mill a pocket").
_KIND_LABELS = {
    "facing": QT_TRANSLATE_NOOP("CamPlan", "Facing"),
    "profile": QT_TRANSLATE_NOOP("CamPlan", "Profile"),
    "pocket": QT_TRANSLATE_NOOP("CamPlan", "Pocket"),
    "adaptive": QT_TRANSLATE_NOOP("CamPlan", "Adaptive"),
    "drilling": QT_TRANSLATE_NOOP("CamPlan", "Drilling"),
    "helix": QT_TRANSLATE_NOOP("CamPlan", "Helical milling"),
}
_KIND_NAMES = {
    "facing": QT_TRANSLATE_NOOP("CamPlan", "facing"),
    "profile": QT_TRANSLATE_NOOP("CamPlan", "profile"),
    "pocket": QT_TRANSLATE_NOOP("CamPlan", "pocket"),
    "adaptive": QT_TRANSLATE_NOOP("CamPlan", "adaptive"),
    "drilling": QT_TRANSLATE_NOOP("CamPlan", "drilling"),
    "helix": QT_TRANSLATE_NOOP("CamPlan", "helical milling"),
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
    # Material this operation leaves on the design's walls (and for a later finishing
    # operation); 0 finishes. The simulation accepts up to the plan's largest as leftover.
    stock_to_leave_mm: float = 0.0
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

    def stock_to_leave_mm(self) -> float:
        """The most any operation leaves on the design (0: the plan finishes the part)."""
        return max((op.stock_to_leave_mm for op in self.operations), default=0.0)

    def tool(self, number: int) -> ToolSpec:
        for tool in self.tools:
            if tool.number == number:
                return tool
        raise PlanError(
            translate(
                "CamPlan", "Operation uses tool {tool}, which is not in the tool list"
            ).format(tool=f"T{number}")
        )

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
        problems.append(
            Problem(
                "error",
                translate("CamPlan", "The stock has no volume ({size} mm).").format(
                    size=_dims(stock.size)
                ),
            )
        )
    envelope = machine.get("envelope_mm")
    if envelope:
        for axis, size, travel in zip("XYZ", stock.size, envelope, strict=True):
            if size > travel:
                problems.append(
                    Problem(
                        "error",
                        translate(
                            "CamPlan",
                            "The stock is {size} mm in {axis}, more than the machine's "
                            "{travel} mm travel.",
                        ).format(size=_g(size), axis=axis, travel=_g(travel)),
                    )
                )
    if not plan.operations:
        problems.append(Problem("error", translate("CamPlan", "The setup has no operations.")))
    numbers = [tool.number for tool in plan.tools]
    if len(set(numbers)) != len(numbers):
        problems.append(Problem("error", translate("CamPlan", "Two tools share a tool number.")))
    capacity = machine.get("tool_capacity")
    if capacity and len(plan.tools) > capacity:
        problems.append(
            Problem(
                "warning",
                translate(
                    "CamPlan",
                    "The setup uses {count} tools; the machine holds {capacity}: "
                    "some need a manual change.",
                ).format(count=len(plan.tools), capacity=capacity),
            )
        )
    for tool in plan.tools:
        problems.extend(_tool_problems(tool, plan, stock))
    for index, op in enumerate(plan.operations):
        if op.kind not in OPERATION_KINDS:
            problems.append(
                Problem(
                    "error",
                    translate("CamPlan", "Unknown operation {kind}; known: {known}").format(
                        kind=repr(op.kind), known=", ".join(OPERATION_KINDS)
                    ),
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
        out.append(
            Problem("error", translate("CamPlan", "{name} has no diameter.").format(name=name))
        )
    z_travel = (machine.get("envelope_mm") or [0, 0, 0])[2]
    if z_travel:
        # The tool must fit between the spindle nose at the top of Z and the stock top,
        # with the clearance height to spare.
        needed = tool.gauge_length_mm + stock.size[2] + plan.clearance_mm
        if tool.gauge_length_mm > z_travel:
            out.append(
                Problem(
                    "error",
                    translate(
                        "CamPlan",
                        "{name} is {length} mm long with its holder, longer than "
                        "the machine's Z travel of {travel} mm.",
                    ).format(name=name, length=_g(tool.gauge_length_mm), travel=_g(z_travel)),
                )
            )
        elif needed > z_travel:
            out.append(
                Problem(
                    "warning",
                    translate(
                        "CamPlan",
                        "{name} ({length} mm with holder) over a "
                        "{height} mm stock needs {needed} mm of Z travel; the machine "
                        "has {travel} mm.",
                    ).format(
                        name=name,
                        length=_g(tool.gauge_length_mm),
                        height=_g(stock.size[2]),
                        needed=_g(needed),
                        travel=_g(z_travel),
                    ),
                )
            )
    max_len = machine.get("max_tool_length_mm")
    if max_len and tool.gauge_length_mm > max_len:
        out.append(
            Problem(
                "error",
                translate(
                    "CamPlan",
                    "{name} is {length} mm long with its holder; the machine "
                    "takes tools up to {limit} mm.",
                ).format(name=name, length=_g(tool.gauge_length_mm), limit=_g(max_len)),
            )
        )
    max_dia = machine.get("max_tool_diameter_mm")
    if max_dia and tool.diameter_mm > max_dia:
        out.append(
            Problem(
                "error",
                translate(
                    "CamPlan",
                    "{name} is Ø{diameter} mm; the machine takes tools up to Ø{limit} mm.",
                ).format(name=name, diameter=_g(tool.diameter_mm), limit=_g(max_dia)),
            )
        )
    if tool.rpm <= 0 or tool.feed_mm_min <= 0:
        out.append(
            Problem(
                "error",
                translate("CamPlan", "{name} has no spindle speed or feed.").format(name=name),
            )
        )
    return out


def _operation_problems(
    index: int, op: Operation, tool: ToolSpec, features: dict[str, Any]
) -> list[Problem]:
    out: list[Problem] = []
    label = f"{index + 1}. {op.name or _kind_label(op.kind)}"
    number = f"T{tool.number}"
    is_drill = tool.type in DRILLING_TOOLS
    if op.kind == "helix" and is_drill:
        out.append(
            Problem(
                "error",
                translate(
                    "CamPlan", "{label}: helical milling needs an end mill, not the drill {tool}."
                ).format(label=label, tool=number),
                index,
            )
        )
    if op.kind == "drilling":
        holes = features.get("holes", [])
        if features and not holes:
            out.append(
                Problem(
                    "error",
                    translate(
                        "CamPlan", "{label}: the part has no vertical holes to drill."
                    ).format(label=label),
                    index,
                )
            )
        for hole in holes:
            if hole["depth"] > tool.flute_length_mm and is_drill:
                out.append(
                    Problem(
                        "error",
                        translate(
                            "CamPlan",
                            "{label}: a Ø{diameter} mm hole is {depth} mm deep, "
                            "deeper than {tool}'s {flutes} mm flutes.",
                        ).format(
                            label=label,
                            diameter=_g(hole["diameter"]),
                            depth=_g(hole["depth"]),
                            tool=number,
                            flutes=_g(tool.flute_length_mm),
                        ),
                        index,
                    )
                )
                break
        if not is_drill and not tool.center_cutting:
            out.append(
                Problem(
                    "error",
                    translate(
                        "CamPlan", "{label}: {tool} cannot plunge (not centre cutting)."
                    ).format(label=label, tool=number),
                )
            )
        if holes and all(tool.diameter_mm > hole["diameter"] + 1e-6 for hole in holes):
            smallest = min(hole["diameter"] for hole in holes)
            out.append(
                Problem(
                    "error",
                    translate(
                        "CamPlan",
                        "{label}: {tool} (Ø{diameter} mm) is larger than every "
                        "hole (smallest Ø{smallest} mm).",
                    ).format(
                        label=label,
                        tool=number,
                        diameter=_g(tool.diameter_mm),
                        smallest=_g(smallest),
                    ),
                    index,
                )
            )
        return out
    if is_drill:
        out.append(
            Problem(
                "error",
                translate("CamPlan", "{label}: {tool} is a drill; it cannot mill a {kind}.").format(
                    label=label, tool=number, kind=_kind_name(op.kind)
                ),
            )
        )
    if op.kind in ("pocket", "adaptive"):
        pockets = features.get("pockets", [])
        if features and not pockets:
            out.append(
                Problem(
                    "error",
                    translate(
                        "CamPlan", "{label}: the part has no pocket open from the top."
                    ).format(label=label),
                    index,
                )
            )
        for pocket in pockets:
            if tool.diameter_mm >= pocket["min_width"]:
                out.append(
                    Problem(
                        "error",
                        translate(
                            "CamPlan",
                            "{label}: {tool} (Ø{diameter} mm) is larger than the "
                            "pocket ({size} mm, narrowest {width} mm).",
                        ).format(
                            label=label,
                            tool=number,
                            diameter=_g(tool.diameter_mm),
                            size=_dims(pocket["size"]),
                            width=_g(pocket["min_width"]),
                        ),
                        index,
                    )
                )
            if pocket["depth"] > tool.flute_length_mm:
                out.append(
                    Problem(
                        "error",
                        translate(
                            "CamPlan",
                            "{label}: the pocket is {depth} mm deep; {tool}'s flutes are "
                            "{flutes} mm.",
                        ).format(
                            label=label,
                            depth=_g(pocket["depth"]),
                            tool=number,
                            flutes=_g(tool.flute_length_mm),
                        ),
                        index,
                    )
                )
    if op.kind == "profile":
        height = features.get("height_mm")
        if height and height > tool.flute_length_mm:
            out.append(
                Problem(
                    "error",
                    translate(
                        "CamPlan",
                        "{label}: the part is {height} mm tall; {tool}'s flutes are "
                        "{flutes} mm, so the profile cannot reach the bottom.",
                    ).format(
                        label=label, height=_g(height), tool=number, flutes=_g(tool.flute_length_mm)
                    ),
                    index,
                )
            )
    if op.stepdown_mm is not None and op.stepdown_mm > tool.flute_length_mm:
        out.append(
            Problem(
                "error",
                translate(
                    "CamPlan",
                    "{label}: stepdown {stepdown} mm is more than {tool}'s {flutes} mm flutes.",
                ).format(
                    label=label,
                    stepdown=_g(op.stepdown_mm),
                    tool=number,
                    flutes=_g(tool.flute_length_mm),
                ),
                index,
            )
        )
    if not 1 <= op.stepover_percent <= 100:
        out.append(
            Problem(
                "error",
                translate(
                    "CamPlan", "{label}: stepover must be 1-100% of the tool, not {stepover}%."
                ).format(label=label, stepover=_g(op.stepover_percent)),
                index,
            )
        )
    return out


def _dims(values) -> str:
    return " × ".join(_g(value) for value in values)


def _g(value: float) -> str:
    """A quantity in a sentence: ``{:g}``'s digits with the reader's decimal mark."""
    text = f"{value:g}"
    return text if "e" in text or "n" in text else i18n.number(float(text), 10)


def _kind_label(kind: str) -> str:
    label = _KIND_LABELS.get(kind)
    return translate("CamPlan", label) if label else kind.capitalize()


def _kind_name(kind: str) -> str:
    name = _KIND_NAMES.get(kind)
    return translate("CamPlan", name) if name else kind
