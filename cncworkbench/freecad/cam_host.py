"""What the CAM Setup panel needs from FreeCAD: the open document's part, and a CAM job
built on it (so the toolpaths show in the 3D view) posted to G-code.

Runs on the GUI thread. Building the job is one undo step ("CNC Workbench: toolpaths"),
and generating again replaces the job it made before instead of piling up another.
"""

from __future__ import annotations

import importlib
import os
import tempfile

import FreeCAD
import FreeCADGui

from cncworkbench.cam import freecad_cam
from cncworkbench.core.cam_plan import CamPlan, PlanError
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

TRANSACTION = QT_TRANSLATE_NOOP("Cam", "CNC Workbench: toolpaths")  # the undo step's name


def _units_per_minute() -> None:
    # FreeCAD's CAM modules ask, in a modal box, for a unit schema with velocities per
    # minute; choosing it up front keeps the dialog away (and feeds read in mm/min).
    FreeCAD.ParamGet("User parameter:BaseApp/Preferences/Units").SetInt("UserSchema", 6)


class FreeCADCamHost:
    def _part(self):
        doc = FreeCAD.ActiveDocument
        if doc is None:
            raise UserError(translate("Cam", "Open the part's document first."))
        parts = freecad_cam.part_objects(doc)
        if not parts:
            raise UserError(
                translate(
                    "Cam",
                    "'{document}' has no solid to machine (a sketch or a surface is not a part).",
                ).format(document=doc.Label)
            )
        return doc, max(parts, key=lambda obj: obj.Shape.Volume)

    def part_features(self) -> dict:
        _doc, part = self._part()
        try:
            return freecad_cam.detect_features(part.Shape)
        except PlanError as exc:
            raise UserError(str(exc)) from exc

    def generate(self, plan: CamPlan) -> tuple[str, list[float]]:
        _units_per_minute()
        doc, part = self._part()
        doc.openTransaction(translate("Cam", TRANSACTION))
        try:
            freecad_cam.remove_jobs(doc)
            built = freecad_cam.build_job(doc, [part], plan)
            with tempfile.TemporaryDirectory(prefix="cnc-post-") as work:
                program = freecad_cam.post(built, plan, os.path.join(work, "program.ngc"))
        except PlanError as exc:
            doc.abortTransaction()  # the document is as it was
            raise UserError(str(exc)) from exc
        except Exception:
            doc.abortTransaction()
            raise
        doc.commitTransaction()
        doc.recompute()
        if FreeCAD.GuiUp:
            _show(built)
            FreeCADGui.SendMsgToActiveView("ViewFit")
        times = [freecad_cam.cycle_time_seconds(obj) or 0.0 for _op, obj in built.operations]
        return program, times


def _show(built) -> None:
    """Toolpaths in front: the job's copy of the part see-through, the stock as edges."""
    job = built.job
    for model in job.Model.Group:
        view = model.ViewObject
        if view is not None:
            view.Visibility = True
            view.Transparency = 70  # the toolpaths inside the pockets stay visible
    if job.Stock is not None and job.Stock.ViewObject is not None:
        job.Stock.ViewObject.Visibility = True
        job.Stock.ViewObject.DisplayMode = "Wireframe"
    for op, obj in built.operations:
        if obj.ViewObject is not None:
            _attach_view_provider(op.kind, obj.ViewObject)
            obj.ViewObject.Visibility = True


# The GUI modules whose view providers draw each operation's toolpath (0.20, then 1.x).
_OP_GUI = {
    "facing": ("PathScripts.PathMillFaceGui", "Path.Op.Gui.MillFace"),
    "profile": ("PathScripts.PathProfileGui", "Path.Op.Gui.Profile"),
    "pocket": ("PathScripts.PathPocketShapeGui", "Path.Op.Gui.PocketShape"),
    "adaptive": ("PathScripts.PathAdaptiveGui", "Path.Op.Gui.Adaptive"),
    "drilling": ("PathScripts.PathDrillingGui", "Path.Op.Gui.Drilling"),
    "helix": ("PathScripts.PathHelixGui", "Path.Op.Gui.Helix"),
}


def _attach_view_provider(kind: str, view) -> None:
    """An op made from a script has no view provider: without one FreeCAD draws nothing
    (its display modes come from the provider). FreeCAD's own is attached, as the CAM
    workbench's commands do."""
    if getattr(view, "Proxy", None) is not None:
        return
    for legacy, modern in (_OP_GUI[kind],):
        for module_name, base_name in ((legacy, "PathScripts.PathOpGui"),
                                       (modern, "Path.Op.Gui.Base")):  # fmt: skip
            try:
                module = importlib.import_module(module_name)
                base = importlib.import_module(base_name)
            except ImportError:
                continue
            view.Proxy = base.ViewProvider(view, module.Command.res)
            return
