"""The FreeCAD CAM adapter: a :class:`CamPlan` becomes a FreeCAD CAM job and G-code.

Runs inside FreeCAD: in the GUI on the open document (the toolpaths show in the 3D view)
and in a worker's headless ``freecadcmd`` child (``scripts/cam_job.py``). One adapter
serves FreeCAD 0.20, where CAM is the Path workbench (``PathScripts.*``), and 0.21+/1.x
(``Path.Main``, ``Path.Op``, ``Path.Tool``, ``Path.Post``); :class:`CamApi` hides which
one is loaded. 0.20 is what Debian ships and what the tests run; the 1.x branches follow
FreeCAD's public sources.

FreeCAD pitfalls handled here (see docs/freecad-notes in the repository):
- creating an op while the job has more than one tool controller asks for a dialog, so
  every op is created while exactly one exists, and the others are added afterwards;
- properties bound by expressions (StepDown = tool diameter, depths) silently override a
  value set directly, so the expression is cleared first;
- ``PathDrilling.Create`` fails headless (hole detection wants the GUI selection), so the
  drilling op is built from its proxy, with our own hole detection.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import math
from dataclasses import dataclass, field
from typing import Any

import FreeCAD

from cncworkbench.core import cam_coverage, i18n
from cncworkbench.core.cam_plan import CamPlan, Operation, PlanError, ToolSpec
from cncworkbench.core.i18n import translate

TOLERANCE = 1e-4


class CamApi:
    """The CAM modules of the running FreeCAD, by role."""

    def __init__(self) -> None:
        self.legacy = not _has_module("Path.Main")
        if self.legacy:  # 0.20: PathScripts
            names = {
                "job": "PathScripts.PathJob",
                "stock": "PathScripts.PathStock",
                "bit": "PathScripts.PathToolBit",
                "controller": "PathScripts.PathToolController",
                "facing": "PathScripts.PathMillFace",
                "profile": "PathScripts.PathProfile",
                "pocket": "PathScripts.PathPocketShape",
                "adaptive": "PathScripts.PathAdaptive",
                "drilling": "PathScripts.PathDrilling",
                "helix": "PathScripts.PathHelix",
                "post": "PathScripts.PathPostProcessor",
            }
        else:  # 0.21+/1.x: Path.*
            names = {
                "job": "Path.Main.Job",
                "stock": "Path.Main.Stock",
                "bit": "Path.Tool.Bit",
                "controller": "Path.Tool.Controller",
                "facing": "Path.Op.MillFace",
                "profile": "Path.Op.Profile",
                "pocket": "Path.Op.PocketShape",
                "adaptive": "Path.Op.Adaptive",
                "drilling": "Path.Op.Drilling",
                "helix": "Path.Op.Helix",
                "post": "Path.Post.Processor",
            }
        self.modules = {role: importlib.import_module(name) for role, name in names.items()}
        if self.legacy:
            # Some 0.20 posts (heidenhain) look these up as attributes of PathScripts.
            for extra in ("PathProfileEdges", "PathHelix", "PathMillFace", "PathUtil"):
                importlib.import_module(f"PathScripts.{extra}")
        self.new_toolbits = _has_module("Path.Tool.toolbit")

    def __getitem__(self, role: str):
        return self.modules[role]

    @property
    def version(self) -> str:
        return ".".join(FreeCAD.Version()[:3])


def comment_safe(text: str) -> str:
    """Posts copy labels into G-code comments "( ... )": a parenthesis inside would nest
    (LinuxCNC: "Nested comment found"), a semicolon would start a comment on some controls."""
    return text.replace("(", "[").replace(")", "]").replace(";", ",")


def _has_module(name: str) -> bool:
    # On 0.20 ``Path`` is a compiled module, not a package: find_spec("Path.Main") raises.
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


@dataclass
class BuiltJob:
    job: Any
    controllers: dict[tuple, Any]  # (tool number, rpm, feed, plunge) -> tool controller
    operations: list[tuple[Operation, Any]]  # plan operation, FreeCAD op object
    warnings: list[str] = field(default_factory=list)


# --- Geometry: what can be machined --------------------------------------------------------


def open_model(path: str, kind: str, name: str = "Model"):
    """A FreeCAD document of a stored model: an FCStd as it is, a STEP as one Part
    feature; None for formats without exact geometry (STL)."""
    if kind == "FCStd":
        return FreeCAD.openDocument(path)
    if kind != "STEP":
        return None
    import Part

    shape = Part.Shape()
    try:
        shape.read(path)
    except Exception as exc:  # 0.20 raises "Error in reading STEP"
        raise ModelUnreadable(_unreadable(kind, exc)) from None
    if shape.isNull():  # 1.x returns a null shape instead of raising
        raise ModelUnreadable(_unreadable(kind, translate("Cam", "no shape in it")))
    doc = FreeCAD.newDocument(name)
    feature = doc.addObject("Part::Feature", "Part")
    feature.Shape = shape
    doc.recompute()
    return doc


class ModelUnreadable(ValueError):
    """The model file is not one FreeCAD can read (the same words on every version)."""


def _unreadable(kind: str, detail) -> str:
    if isinstance(detail, BaseException):
        detail = detail.args[0] if detail.args else type(detail).__name__
        if isinstance(detail, dict):  # FreeCAD's C++ exceptions arrive as a dict
            detail = detail.get("sErrMsg") or detail.get("swhat") or detail
    return translate("Cam", "the {kind} file cannot be read ({detail})").format(
        kind=kind, detail=detail
    )


def mesh_of(shapes, limit=20000) -> dict:
    """A triangle mesh of the shapes for pictures (setup sheet), at most ``limit``
    triangles: the deflection doubles until it fits."""
    import Part

    compound = Part.makeCompound(shapes)
    deflection = max(compound.BoundBox.DiagonalLength / 300.0, 0.01)
    points, triangles = compound.tessellate(deflection)
    while len(triangles) > limit:
        deflection *= 2
        points, triangles = compound.tessellate(deflection)
    return {
        "vertices": [[round(p.x, 3), round(p.y, 3), round(p.z, 3)] for p in points],
        "triangles": [list(t) for t in triangles],
    }


def part_objects(doc) -> list:
    """The document's parts: solid-bearing objects nothing else uses (the visible leaves),
    not counting CAM jobs, which use the parts they machine through their model clones."""
    owned = _cam_job_objects(doc)
    found = []
    for obj in doc.Objects:
        shape = getattr(obj, "Shape", None)
        if shape is None or shape.isNull() or not shape.Solids:
            continue
        if obj.Name in owned or obj.TypeId.startswith("Path::"):
            continue
        if obj.TypeId == "App::DocumentObjectGroup":
            continue  # a folder: its members count, its compound of them would again
        users = [
            parent
            for parent in obj.InList
            if parent.TypeId != "App::DocumentObjectGroup" and parent.Name not in owned
        ]
        if not users:
            found.append(obj)
    return found


def _cam_job_objects(doc) -> set[str]:
    """Names of everything that belongs to a CAM job (clones, stock, ops, tools...)."""
    owned: set[str] = set()
    for job in (o for o in doc.Objects if hasattr(o, "Operations") and hasattr(o, "Model")):
        members = [job, job.Operations, job.Tools, job.Model, job.Stock, job.SetupSheet]
        for group in (job.Operations, job.Tools, job.Model):
            members.extend(group.Group)
        bits = [getattr(tc, "Tool", None) for tc in job.Tools.Group]
        members.extend(bits)
        for bit in bits:
            # 1.x tool bits carry their shape as a PartDesign body of their own in the
            # document (body, sketch, revolution...): part of the job, not of the model.
            members.extend(getattr(bit, "OutListRecursive", None) or [])
        owned.update(member.Name for member in members if member is not None)
    return owned


def detect_features(shape) -> dict[str, Any]:
    """What a prismatic part offers to mill from the top: its top faces, pockets open from
    the top (floor faces, size, depth), vertical holes (diameter, depth, through) and
    through-cuts (openings of the bottom face that are not round holes)."""
    if not shape.Solids:
        raise PlanError(
            translate("Cam", "The model is not a solid (it has no closed volume to machine).")
        )
    box = shape.BoundBox
    top = box.ZMax
    solid = shape.Solids[0] if len(shape.Solids) == 1 else shape
    features: dict[str, Any] = {
        "bbox": {
            "min": [box.XMin, box.YMin, box.ZMin],
            "max": [box.XMax, box.YMax, box.ZMax],
        },
        "height_mm": round(box.ZLength, 4),
        "top_faces": [],
        "pockets": [],
        "holes": [],
        "through_cuts": [],
        "solids": len(shape.Solids),
    }
    holes: dict[tuple, dict[str, Any]] = {}
    for index, face in enumerate(shape.Faces, start=1):
        name = f"Face{index}"
        surface = face.Surface
        kind = type(surface).__name__
        if kind == "Plane":
            normal = face.normalAt(*_inside_uv(face))
            if normal.z < -1 + TOLERANCE and abs(face.BoundBox.ZMin - box.ZMin) < TOLERANCE:
                features["through_cuts"] += _through_cuts(solid, face, name, box)
                continue
            if normal.z < 1 - TOLERANCE:
                continue
            z = face.BoundBox.ZMax
            if abs(z - top) < TOLERANCE:
                features["top_faces"].append(name)
            elif _open_above(solid, face, top):
                fb = face.BoundBox
                size = [round(fb.XLength, 4), round(fb.YLength, 4)]
                features["pockets"].append(
                    {
                        "floor_faces": [name],
                        "floor_z": round(z, 4),
                        "depth": round(top - z, 4),
                        "size": size,
                        "min_width": min(size),
                    }
                )
        elif kind == "Cylinder":
            axis = surface.Axis
            if abs(abs(axis.z) - 1) > TOLERANCE or not _is_hole(solid, face):
                continue
            center = surface.Center
            key = (round(center.x, 3), round(center.y, 3), round(surface.Radius, 3))
            fb = face.BoundBox
            hole = holes.setdefault(
                key,
                {
                    "faces": [],
                    "diameter": round(2 * surface.Radius, 4),
                    "center": [round(center.x, 4), round(center.y, 4)],
                    "top_z": fb.ZMax,
                    "bottom_z": fb.ZMin,
                },
            )
            hole["faces"].append(name)
            hole["top_z"] = max(hole["top_z"], fb.ZMax)
            hole["bottom_z"] = min(hole["bottom_z"], fb.ZMin)
    for hole in holes.values():
        hole["depth"] = round(hole["top_z"] - hole["bottom_z"], 4)
        hole["through"] = abs(hole["bottom_z"] - box.ZMin) < TOLERANCE
        # only holes reachable from above: open at the part's top
        if abs(hole["top_z"] - top) < TOLERANCE or _open_above_point(
            solid, hole["center"], hole["top_z"], top
        ):
            features["holes"].append(hole)
    return features


def _through_cuts(solid, face, name: str, box) -> list[dict[str, Any]]:
    """The openings of a bottom face that go up through the part and are not a round
    hole (those are holes): a triangle, a slot, a window."""
    import Part

    out = []
    for wire in face.Wires[1:]:
        if len(wire.Edges) == 1 and type(wire.Edges[0].Curve).__name__ == "Circle":
            continue
        try:
            opening = Part.Face(wire)
        except Part.OCCError:
            continue
        point = opening.valueAt(*_inside_uv(opening))
        if not _open_above_point(solid, [point.x, point.y], box.ZMin, box.ZMax):
            continue
        wb = wire.BoundBox
        out.append(
            {
                "faces": [name],
                "center": [round(point.x, 4), round(point.y, 4)],
                "size": [round(wb.XLength, 4), round(wb.YLength, 4)],
                "depth": round(box.ZLength, 4),
                "area_mm2": round(opening.Area, 3),
                "min_width": _widest_cutter(opening, min(wb.XLength, wb.YLength)),
            }
        )
    return out


def _widest_cutter(opening, width: float) -> float:
    """The diameter of the largest circle inside the flat ``opening`` (the widest cutter
    that can go round its inside), to 0.01 mm: the opening shrunk by a radius vanishes
    once the radius is larger (bisection on FreeCAD's 2-D offset)."""
    inside, outside = 0.0, width / 2
    while outside - inside > 0.005:
        radius = (inside + outside) / 2
        try:
            shrunk = opening.makeOffset2D(-radius)
            fits = not shrunk.isNull() and shrunk.Area > 1e-9
        except Exception:  # FreeCAD's kernel error: "offset result has no wires"
            fits = False
        inside, outside = (radius, outside) if fits else (inside, radius)
    return round(2 * inside, 2)


def _inside_uv(face) -> tuple[float, float]:
    """Parameters of a point inside the face (its centre of mass may lie outside it)."""
    points, triangles = face.tessellate(1.0)
    if triangles:
        a, b, c = (points[i] for i in triangles[0])
        point = (a + b + c) * (1.0 / 3.0)
        return face.Surface.parameter(point)
    u0, u1, v0, v1 = face.ParameterRange
    return (u0 + u1) / 2, (v0 + v1) / 2


def _open_above(solid, face, top: float) -> bool:
    u, v = _inside_uv(face)
    point = face.valueAt(u, v)
    return _open_above_point(solid, [point.x, point.y], point.z, top)


def _open_above_point(solid, xy, z: float, top: float) -> bool:
    steps = 8
    for k in range(1, steps + 1):
        height = z + (top - z) * k / (steps + 1)
        if solid.isInside(FreeCAD.Vector(xy[0], xy[1], height), TOLERANCE, False):
            return False
    return True


def _is_hole(solid, face) -> bool:
    """A cylinder whose axis side is empty (a hole), not a boss."""
    surface = face.Surface
    fb = face.BoundBox
    z = (fb.ZMin + fb.ZMax) / 2
    center = FreeCAD.Vector(surface.Center.x, surface.Center.y, z)
    return not solid.isInside(center, TOLERANCE, True)


# --- Building the job -------------------------------------------------------------------


def remove_jobs(doc, label: str = "CNC Workbench") -> int:
    """Delete the jobs an earlier run made (regenerating replaces, never piles up)."""
    removed = 0
    for job in [o for o in doc.Objects if o.Label == label and hasattr(o, "Operations")]:
        doomed = list(job.Operations.Group)
        for controller in job.Tools.Group:
            doomed.append(controller)
            if getattr(controller, "Tool", None) is not None:
                doomed.append(controller.Tool)
        doomed += [*list(job.Model.Group), job.Stock, job.SetupSheet]
        doomed += [job.Operations, job.Tools, job.Model, job]
        for name in [obj.Name for obj in doomed if obj is not None]:
            if doc.getObject(name) is not None:
                doc.removeObject(name)
        removed += 1
    return removed


@contextlib.contextmanager
def _plain_toolbit_factory(api: CamApi):
    """In the GUI, PathScripts swaps in a tool-bit factory that opens and commits an undo
    transaction per bit (``PathToolBitGui``), splitting "generate" into many undo steps;
    the plain factory is used while the job is built."""
    if FreeCAD.GuiUp:
        # The GUI module installs its factory when first imported: import it before the swap
        # (else the job's tool controllers import it midway and undo the swap).
        for gui_module in ("PathScripts.PathToolBitGui", "Path.Tool.Gui.Bit"):
            if _has_module(gui_module):
                importlib.import_module(gui_module)
    module = api["bit"]
    plain = getattr(module, "ToolBitFactory", None)
    if plain is None or type(module.Factory) is plain:
        yield
        return
    original = module.Factory
    module.Factory = plain()
    try:
        yield
    finally:
        module.Factory = original


def require_post_supported(post_processor: str) -> None:
    """Refuse, before any work, a post-processor that this FreeCAD ships broken: 1.x's
    heidenhain post needs ``Path.Op.ProfileEdges`` (gone since 1.0): it crashes, and
    patched it writes an empty program."""
    broken = _has_module("Path.Main") and not _has_module("Path.Op.ProfileEdges")
    if post_processor == "heidenhain" and broken:
        raise PlanError(
            translate(
                "Cam",
                "FreeCAD {version}'s heidenhain post-processor cannot write programs (it "
                "needs a CAM module that FreeCAD 1.0 removed): post for this Heidenhain "
                "control with FreeCAD 0.20, or choose a machine with another control.",
            ).format(version=".".join(FreeCAD.Version()[:3]))
        )


def build_job(doc, models: list, plan: CamPlan, features: dict[str, Any] | None = None):
    """The FreeCAD CAM job for ``plan`` on ``models`` in ``doc``; recomputed."""
    require_post_supported(plan.post_processor)
    api = CamApi()
    with _plain_toolbit_factory(api):
        return _build_job(api, doc, models, plan, features)


def _build_job(api: CamApi, doc, models: list, plan: CamPlan, features: dict[str, Any] | None):
    if not plan.tools or not plan.operations:
        raise PlanError(translate("Cam", "The plan needs at least one tool and one operation."))
    first = plan.operations[0]
    first_tool = plan.tool(first.tool_number)
    job, first_controller = _create_job(api, models, first_tool, first.cutting(first_tool))
    job.Label = "CNC Workbench"
    _set_stock(api, doc, job, plan)
    sheet = job.SetupSheet
    sheet.ClearanceHeightOffset = f"{plan.clearance_mm} mm"
    sheet.SafeHeightOffset = f"{plan.safe_mm} mm"
    job.Fixtures = [plan.work_offset]
    job.PostProcessor = plan.post_processor
    job.PostProcessorArgs = plan.post_args

    default_controllers = [tc for tc in job.Tools.Group if tc is not first_controller]
    # One tool controller per tool and cutting data: ops sharing a tool at different
    # speeds and feeds get controllers with the same tool number (no tool change).
    controllers: dict[tuple, Any] = {}
    if first_controller is not None:
        _configure_controller(first_controller, first_tool, plan, first.cutting(first_tool))
        controllers[(first_tool.number, *first.cutting(first_tool))] = first_controller

    def controller_for(op: Operation):
        tool = plan.tool(op.tool_number)
        key = (tool.number, *op.cutting(tool))
        if key not in controllers:
            controllers[key] = _controller(api, doc, job, tool, plan, op.cutting(tool))
        return controllers[key]

    controller_for(plan.operations[0])
    for old in default_controllers:  # the job's "Default Tool"
        tool = getattr(old, "Tool", None)
        doc.removeObject(old.Name)
        if tool is not None:
            doc.removeObject(tool.Name)

    clone = job.Model.Group[0]
    features = features or detect_features(clone.Shape)
    created: list[tuple[Operation, Any]] = []
    cutouts: list[tuple[Any, list[str]]] = []
    for op in plan.operations:
        created.append((op, _create_op(api, doc, job, clone, op, features)))
        inside = cam_coverage.profiled_through_cuts(plan, op, features)
        if inside:  # the same op contours the through-cuts its end mill goes round (#21)
            created.append((op, _create_op(api, doc, job, clone, op, features)))
            cutouts.append((created[-1][1], sorted({cut["faces"][0] for cut in inside})))
    for op, obj in created:
        obj.ToolController = controller_for(op)
        _configure_op(obj, op, plan.tool(op.tool_number), features, clone, plan)
    for obj, faces in cutouts:
        _contour_through_cuts(obj, clone, faces)
    doc.recompute()
    built = BuiltJob(job, controllers, created)
    for op, obj in created:
        moves = [c for c in obj.Path.Commands if c.Name in ("G1", "G2", "G3", "G81", "G83")]
        if not moves:
            raise PlanError(
                translate(
                    "Cam",
                    "FreeCAD made no toolpath for {operation} with T{tool}: check the "
                    "tool against the feature sizes and the depths.",
                ).format(operation=op.label(), tool=op.tool_number)
            )
    return built


def _set_stock(api: CamApi, doc, job, plan: CamPlan) -> None:
    old = job.Stock
    size = plan.stock.size
    placement = FreeCAD.Placement(FreeCAD.Vector(*plan.stock.min), FreeCAD.Rotation())
    job.Stock = api["stock"].CreateBox(job, FreeCAD.Vector(*size), placement)
    if old is not None:
        doc.removeObject(old.Name)


def _bit_attributes(tool: ToolSpec) -> dict[str, Any]:
    parameters = {
        "Diameter": f"{tool.diameter_mm} mm",
        "Length": f"{max(tool.length_mm, tool.flute_length_mm)} mm",
    }
    shape = tool.shape
    if shape in ("endmill.fcstd", "ballend.fcstd", "bullnose.fcstd", "chamfer.fcstd"):
        parameters["CuttingEdgeHeight"] = f"{tool.flute_length_mm} mm"
        parameters["ShankDiameter"] = f"{tool.shank_diameter_mm or tool.diameter_mm} mm"
    if shape == "bullnose.fcstd":
        flat = max(tool.diameter_mm / 2 - tool.corner_radius_mm, 0.0)
        parameters["FlatRadius"] = f"{flat} mm"
        parameters["CornerRadius"] = f"{tool.corner_radius_mm} mm"  # the name on FreeCAD main
    if shape == "drill.fcstd":
        parameters["TipAngle"] = f"{tool.tip_angle_deg} °"
    if shape == "chamfer.fcstd":
        parameters["CuttingEdgeAngle"] = "45 °"
        parameters["TipDiameter"] = "0 mm"
    return {
        "version": 2,
        "name": comment_safe(f"T{tool.number} {tool.name}"),
        "shape": shape,
        "parameter": parameters,
        "attribute": {},
    }


def _bit_attributes_for(api: CamApi, tool: ToolSpec) -> dict[str, Any]:
    attrs = _bit_attributes(tool)
    if not api.legacy and not api.new_toolbits:  # 1.0 resolves shapes by absolute path
        attrs["shape"] = api["bit"].findToolShape(attrs["shape"]) or attrs["shape"]
    return attrs


def _tool_bit(api: CamApi, doc, tool: ToolSpec):
    attrs = _bit_attributes_for(api, tool)
    if api.new_toolbits:  # FreeCAD 1.1+: the toolbit package
        toolbit = importlib.import_module("Path.Tool.toolbit")
        bit = toolbit.ToolBit.from_dict(attrs)
        return bit.attach_to_doc(doc)
    bit = api["bit"].Factory.CreateFromAttrs(attrs, f"T{tool.number}")
    if "ToolType" not in bit.PropertiesList:
        # 0.20's fanuc post still reads the pre-ToolBit "ToolType" (to spot taps)
        bit.addProperty("App::PropertyString", "ToolType", "Legacy")
        bit.ToolType = "Drill" if tool.type in ("drill", "spot_drill") else "EndMill"
    return bit


def _create_job(api: CamApi, models: list, tool: ToolSpec, cutting: tuple):
    """The job, and on 1.x its first tool controller (else None).

    1.x: deleting the job's default tool controller in the GUI opens an undo transaction
    of its own (its tool bit's PartDesign body), splitting one generation into several
    undo steps. So the job is made from a template that holds our first tool controller
    instead: there is no default one to delete. 0.20 deletes it within our transaction."""
    if api.legacy:
        return api["job"].Create("CNC_Job", models, None), None
    import json
    import os
    import tempfile

    rpm, feed, plunge = cutting
    controller = {
        "version": 2,
        "name": f"TC{tool.number}",
        "label": f"TC{tool.number}",
        "nr": tool.number,
        "speed": float(round(rpm)),
        "dir": "Forward",
        "hfeed": f"{feed:.1f} mm/min",
        "vfeed": f"{plunge:.1f} mm/min",
        "tool": _bit_attributes_for(api, tool),
    }
    handle, template = tempfile.mkstemp(prefix="cnc-job-", suffix=".json")
    try:
        with os.fdopen(handle, "w") as stream:
            json.dump({"Version": 1, "ToolController": [controller]}, stream)
        job = api["job"].Create("CNC_Job", models, template)
    finally:
        os.unlink(template)
    made = [tc for tc in job.Tools.Group if tc.ToolNumber == tool.number and tc.Tool]
    if not made:
        return job, None
    # the rapids bound to the setup sheet, as the job's addToolController does
    names = importlib.import_module("Path.Base.SetupSheet").Template
    sheet = job.Proxy.setupSheet.expressionReference()
    made[0].setExpression("VertRapid", f"{sheet}.{names.VertRapid}")
    made[0].setExpression("HorizRapid", f"{sheet}.{names.HorizRapid}")
    return job, made[0]


def _controller(api: CamApi, doc, job, tool: ToolSpec, plan: CamPlan, cutting: tuple):
    bit = _tool_bit(api, doc, tool)
    controller = api["controller"].Create(f"TC{tool.number}", tool=bit, toolNumber=tool.number)
    _configure_controller(controller, tool, plan, cutting)
    job.Proxy.addToolController(controller)
    return controller


def _configure_controller(controller, tool: ToolSpec, plan: CamPlan, cutting: tuple) -> None:
    rpm, feed, plunge = cutting
    controller.Label = comment_safe(f"T{tool.number}: {tool.name}")[:60]
    controller.SpindleSpeed = float(round(rpm))
    controller.SpindleDir = "Forward"
    controller.HorizFeed = f"{feed:.1f} mm/min"
    controller.VertFeed = f"{plunge:.1f} mm/min"
    rapid = (plan.machine or {}).get("rapid_mm_min")
    if rapid:
        for name in ("HorizRapid", "VertRapid"):
            controller.setExpression(name, None)
            setattr(controller, name, f"{rapid} mm/min")


def _create_op(api: CamApi, doc, job, clone, op: Operation, features: dict[str, Any]):
    name = f"Op_{op.kind}"
    if op.kind in ("drilling", "helix"):  # Create() wants a GUI model in console mode
        module = api[op.kind]
        obj = doc.addObject("Path::FeaturePython", name)
        proxy = module.ObjectDrilling if op.kind == "drilling" else module.ObjectHelix
        obj.Proxy = proxy(obj, name, job)  # joins the job itself
    else:
        obj = api[op.kind].Create(name, parentJob=job)
    obj.Label = comment_safe(op.label())
    return obj


def _clear_and_set(obj, prop: str, value) -> None:
    if prop not in obj.PropertiesList:
        return
    obj.setExpression(prop, None)
    setattr(obj, prop, value)


def _configure_op(
    obj, op: Operation, tool: ToolSpec, features: dict[str, Any], clone, plan: CamPlan
) -> None:
    stepdown = op.stepdown_mm or min(tool.flute_length_mm, tool.diameter_mm)
    if op.kind != "drilling":
        _clear_and_set(obj, "StepDown", f"{stepdown} mm")
        if "StepOver" in obj.PropertiesList:
            _clear_and_set(obj, "StepOver", round(op.stepover_percent))
    if op.kind in ("facing", "pocket"):
        _finish_walls(obj)
    _leave_stock(obj, op)
    if op.kind == "facing":
        faces = op.faces or features.get("top_faces", [])
        obj.Base = [(clone, faces)] if faces else []
        # Face the whole stock top, edges included: the part's own outline shrunk by the
        # tool radius leaves nothing for a face mill wider than half the part.
        obj.BoundaryShape = "Stock"
        if "ClearEdges" in obj.PropertiesList:
            obj.ClearEdges = True
    elif op.kind == "profile":
        obj.Base = [(clone, op.faces)] if op.faces else []
        obj.Side = "Outside"
        if "UseComp" in obj.PropertiesList:
            obj.UseComp = True
    elif op.kind in ("pocket", "adaptive"):
        faces = op.faces or [
            face for pocket in features.get("pockets", []) for face in pocket["floor_faces"]
        ]
        if not faces:
            raise PlanError(
                translate("Cam", "{operation}: the part has no pocket open from the top.").format(
                    operation=op.label()
                )
            )
        obj.Base = [(clone, faces)]
        if op.kind == "adaptive":
            obj.Side = "Inside"
            obj.OperationType = "Clearing"
    elif op.kind == "helix":
        holes = cam_coverage.helix_holes(plan, op, features)
        if not holes:
            raise PlanError(
                translate(
                    "Cam",
                    "{operation}: no hole is left for T{tool} (Ø{diameter} mm) to mill: every "
                    "hole is drilled, narrower than it, or deeper than its flutes.",
                ).format(
                    operation=op.label(), tool=tool.number, diameter=i18n.number(tool.diameter_mm)
                )
            )
        obj.Base = [(clone, [hole["faces"][0] for hole in holes])]
        _clear_and_set(obj, "StepOver", round(op.stepover_percent))
        if "StartSide" in obj.PropertiesList:
            obj.StartSide = "Inside"  # from the centre out: the hole is solid material
        if "StartRadius" in obj.PropertiesList:
            obj.StartRadius = 0
        if "Direction" in obj.PropertiesList:
            obj.Direction = "CCW"  # climb milling on the hole's wall
    elif op.kind == "drilling":
        holes = _holes_for(tool, features, op)
        if not holes:
            raise PlanError(
                translate("Cam", "{operation}: no hole fits T{tool} (Ø{diameter} mm).").format(
                    operation=op.label(), tool=tool.number, diameter=i18n.number(tool.diameter_mm)
                )
            )
        faces = [hole["faces"][0] for hole in holes]
        obj.Base = [(clone, faces)]
        deepest = max(hole["depth"] for hole in holes)
        if op.peck_mm or deepest > 3 * tool.diameter_mm:
            obj.PeckEnabled = True
            _clear_and_set(obj, "PeckDepth", f"{op.peck_mm or tool.diameter_mm} mm")
        if all(hole["through"] for hole in holes) and "ExtraOffset" in obj.PropertiesList:
            obj.ExtraOffset = "Drill Tip"  # the full diameter must come out of the bottom
    if op.final_depth_mm is not None:
        _clear_and_set(obj, "FinalDepth", f"{op.final_depth_mm} mm")


THROUGH_CUTS = " [through-cuts]"  # the label of a profile's companion for through-cuts


def _contour_through_cuts(obj, clone, faces: list[str]) -> None:
    """A profile op that goes round the inside of the through-cuts in the bottom
    ``faces`` (their inner wires that are not round holes: drilling and helical milling
    take those) from the top of the stock to the bottom of the part."""
    obj.Base = [(clone, faces)]
    obj.Label = obj.Label + THROUGH_CUTS  # program comments are English, as the ops'
    for prop, value in (("processPerimeter", False), ("processHoles", True),
                        ("processCircles", False)):  # fmt: skip
        if prop in obj.PropertiesList:
            setattr(obj, prop, value)


def _finish_walls(obj) -> None:
    """Offset passes, the last one along the boundary: FreeCAD's default zigzag leaves
    scallops at the walls where its passes turn (and triangles at the facing's edges),
    which the design comparison rightly reports as material left on the part (#21); its
    ZigZagOffset clears them too but orders its passes differently from one process to
    the next (seen on 0.20: two programs from the same inputs), and the same inputs must
    give the same program."""
    for prop in ("OffsetPattern", "ClearingPattern"):  # the name on 1.1/main
        if prop in obj.PropertiesList and "Offset" in obj.getEnumerationsOfProperty(prop):
            setattr(obj, prop, "Offset")
            return


def _leave_stock(obj, op: Operation) -> None:
    """The operation's stock to leave on the design's walls, as FreeCAD's op takes it."""
    leave = op.stock_to_leave_mm or 0.0
    if not leave or op.kind in ("drilling", "facing"):
        return
    if op.kind == "profile" and "OffsetExtra" in obj.PropertiesList:
        obj.OffsetExtra = f"{leave} mm"
    elif op.kind == "pocket" and "ExtraOffset" in obj.PropertiesList:
        obj.ExtraOffset = f"{leave} mm"  # inward (negative widened it: a gouge, seen)
    elif op.kind == "adaptive" and "StockToLeave" in obj.PropertiesList:
        obj.StockToLeave = leave


def _holes_for(tool: ToolSpec, features: dict[str, Any], op: Operation) -> list[dict]:
    """The holes this tool drills: those at least its size and at most 1 mm larger
    (clearance holes drilled to size); with faces named in the op, exactly those."""
    holes = features.get("holes", [])
    if op.faces:
        return [hole for hole in holes if set(hole["faces"]) & set(op.faces)]
    return [
        hole
        for hole in holes
        if tool.diameter_mm - TOLERANCE <= hole["diameter"] <= tool.diameter_mm + 1.0
    ]


# --- Posting --------------------------------------------------------------------------------


class _FixtureObject:
    """What FreeCAD's post expects for a work offset: a named object with a Path."""

    def __init__(self, offset: str, clearance_z: float):
        import Path

        self.Name = self.Label = offset
        self.Proxy = None  # some posts (heidenhain) dispatch on the proxy's class
        self.Path = Path.Path([Path.Command(offset), Path.Command("G0", {"Z": clearance_z})])


def post_objects(built: BuiltJob, plan: CamPlan) -> list:
    """Fixture, then each op preceded by its tool controller when the tool changes."""
    clearance = built.job.Stock.Shape.BoundBox.ZMax + plan.clearance_mm
    objects: list = [_FixtureObject(plan.work_offset, clearance)]
    current = None
    for _op, obj in built.operations:
        controller = obj.ToolController
        if current is None or controller.ToolNumber != current.ToolNumber:
            objects.append(controller)  # the tool change
        elif controller is not current:
            objects.append(_SpeedChange(controller))  # same tool, another spindle speed
        current = controller
        objects.append(obj)
    return objects


class _SpeedChange:
    """A new spindle speed for the same tool: no tool change (feeds ride on each move)."""

    def __init__(self, controller):
        import Path

        self.Name = self.Label = f"{controller.Name}_speed"
        self.Proxy = None
        self.Path = Path.Path([Path.Command("M3", {"S": float(controller.SpindleSpeed)})])


def post(built: BuiltJob, plan: CamPlan, output_path: str) -> str:
    """Run the machine's FreeCAD post-processor on our post list; returns the G-code text.

    Always the post script's own ``export(objects, path, args)`` with the list from
    :func:`post_objects`: 1.x's ``PostProcessorFactory`` rebuilds the list from the job and
    drops our objects (1.0 loses a same-tool speed change, 1.1 makes it a tool change)."""
    require_post_supported(plan.post_processor)
    api = CamApi()
    objects = post_objects(built, plan)
    for helper in objects:
        if isinstance(helper, (_FixtureObject, _SpeedChange)):
            helper.InList = [built.job]  # 1.x posts (fanuc) look the job up through it
    args = plan.post_args or "--no-show-editor"
    if plan.post_processor == "heidenhain":
        # FMAX for rapids (not F8000, which core.klartext would take for a mm/s feed) and
        # feeds to 3 decimals of mm/s, so the mm/min a TNC reads stay exact (#21)
        for flag in ("--use-fmax", "--feed-decimals 3"):
            if flag.split()[0] not in args:
                args += f" {flag}"
    built.job.PostProcessorArgs = args
    if api.legacy:
        script = api["post"].PostProcessor.load(plan.post_processor)
    else:
        script = _post_script(plan.post_processor)
    try:
        returned = script.export(objects, output_path, args)
    except SystemExit as exc:  # argparse in the post rejects an argument
        raise PlanError(
            translate("Cam", "The {post} post-processor rejected its arguments {arguments}").format(
                post=plan.post_processor, arguments=repr(args)
            )
        ) from exc
    try:
        with open(output_path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return returned or ""


def _post_script(name: str):
    """1.x: the post script ``<name>_post.py`` as a fresh module (posts keep state at module
    level), found where 1.x's factory looks: the user's post folders, then sys.path."""
    import os
    import sys

    import Path.Preferences

    module_name = f"{name}_post"
    folders = [*Path.Preferences.searchPathsPost(), *sys.path]
    for folder in folders:
        candidate = os.path.join(folder, f"{module_name}.py")
        if not os.path.isfile(candidate):
            continue
        spec = importlib.util.spec_from_file_location(module_name, candidate)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if hasattr(module, "export"):
            return module
    raise PlanError(
        translate("Cam", "FreeCAD {version} has no {post} post-processor.").format(
            version=".".join(FreeCAD.Version()[:3]), post=name
        )
    )


def cycle_time_seconds(obj) -> float | None:
    """FreeCAD's own estimate ("HH:MM:SS") for an op or job, in seconds."""
    text = getattr(obj, "CycleTime", "") or ""
    try:
        hours, minutes, seconds = (float(part) for part in text.split(":"))
    except ValueError:
        return None
    return hours * 3600 + minutes * 60 + seconds


def operation_summaries(built: BuiltJob) -> list[dict[str, Any]]:
    """Per planned operation: label, kind when known, tool, FreeCAD's cycle time and its
    command count; a profile's through-cut companion counts with its profile."""
    out: list[dict[str, Any]] = []
    for op, obj in built.operations:
        seconds = cycle_time_seconds(obj)
        commands = len(obj.Path.Commands)
        if obj.Label.endswith(THROUGH_CUTS) and out:
            before = out[-1]
            if seconds is not None:
                before["freecad_cycle_time_s"] = (before["freecad_cycle_time_s"] or 0) + seconds
            before["commands"] += commands
            continue
        entry = {
            "label": op.label() if op is not None else obj.Label,
            "tool_number": obj.ToolController.ToolNumber,
            "freecad_cycle_time_s": seconds,
            "commands": commands,
        }
        if op is not None:
            entry["kind"] = op.kind
        out.append(entry)
    return out


def removed_volume_mm3(built: BuiltJob, plan: CamPlan) -> float:
    """Stock volume minus the part's: what the whole setup takes away."""
    stock = math.prod(plan.stock.size)
    part = sum(model.Shape.Volume for model in built.job.Model.Group)
    return max(stock - part, 0.0)


# --- Posting a saved CAM document again ------------------------------------------------------


def find_job(doc, label: str = "CNC Workbench"):
    """The CAM job of a saved CAM document: ours by its label, else the only one."""
    jobs = [o for o in doc.Objects if hasattr(o, "Operations") and hasattr(o, "Model")]
    ours = [job for job in jobs if job.Label == label]
    if ours:
        return ours[0]
    if len(jobs) == 1:
        return jobs[0]
    raise PlanError(
        translate("Cam", "The CAM document holds no CAM job to post.")
        if not jobs
        else translate(
            "Cam", "The CAM document holds {count} CAM jobs and none is labelled {label}."
        ).format(count=len(jobs), label=repr(label))
    )


def built_from_document(doc) -> BuiltJob:
    """The job as it was saved, its toolpaths as they were computed (no recompute)."""
    job = find_job(doc)
    operations = [(None, obj) for obj in job.Operations.Group if getattr(obj, "Active", True)]
    if not operations:
        raise PlanError(
            translate("Cam", "The CAM document's job has no active operations to post.")
        )
    for _op, obj in operations:
        path = getattr(obj, "Path", None)
        if path is None or not path.Commands:
            raise PlanError(
                translate(
                    "Cam",
                    "The CAM document has no toolpath for {operation}: run CAM again for "
                    "this setup.",
                ).format(operation=obj.Label)
            )
        if getattr(obj, "ToolController", None) is None:
            raise PlanError(
                translate("Cam", "{operation} in the CAM document has no tool controller.").format(
                    operation=obj.Label
                )
            )
    return BuiltJob(job, {}, operations)


def post_document(doc, plan: CamPlan, output_path: str) -> tuple[BuiltJob, str]:
    """Post a saved CAM document's toolpaths with ``plan``'s post-processor, arguments and
    work offset: another machine, no toolpath recomputed. Returns the job and the text."""
    require_post_supported(plan.post_processor)
    CamApi()  # the posts of some versions look the CAM modules up by attribute
    built = built_from_document(doc)
    job = built.job
    job.Fixtures = [plan.work_offset]
    job.PostProcessor = plan.post_processor
    job.PostProcessorArgs = plan.post_args or "--no-show-editor"
    return built, post(built, plan, output_path)
