# Runs inside FreeCAD (freecadcmd): builds the CAM job for a plan on a model file, posts
# it with the machine's post-processor, saves the CAM document, and answers with the
# G-code file, per-operation facts and a tessellation of the part for the setup sheet.
# Arguments and answer: see cncworkbench/cam/freecad_process.py and services/machining/cam.py.
import json
import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))


with open(os.environ["CNC_FREECAD_ARGS"]) as _handle:
    args = json.load(_handle)
result = {"stage": "start"}


def open_model(path, kind):
    from cncworkbench.cam import freecad_cam

    doc = freecad_cam.open_model(path, kind, "CamModel")
    if doc is None:
        raise ValueError(f"{kind} files carry no solid to machine: upload the FCStd or STEP")
    return doc


try:
    from cncworkbench.cam import freecad_cam
    from cncworkbench.core.cam_plan import CamPlan, check_plan

    if args.get("plan"):  # a post this FreeCAD cannot serve: refused before any work
        freecad_cam.require_post_supported(args["plan"]["post_processor"])
    result["stage"] = "open"
    doc = open_model(args["path"], args["format"])
    parts = freecad_cam.part_objects(doc)
    if not parts:
        raise freecad_cam.PlanError(
            "The model is not a solid: FreeCAD found no closed volume to machine in it."
        )
    warnings = []
    if len(parts) > 1:
        parts.sort(key=lambda obj: obj.Shape.Volume, reverse=True)
        warnings.append(
            f"The document has {len(parts)} solids; machining the largest, {parts[0].Label}."
        )
    part = parts[0]
    result["stage"] = "features"
    features = freecad_cam.detect_features(part.Shape)
    if args.get("features_only"):
        raise StopIteration
    plan = CamPlan.from_dict(args["plan"])
    problems = [p for p in check_plan(plan, features) if p.severity == "error"]
    if problems:
        raise freecad_cam.PlanError("; ".join(p.message for p in problems))
    result["stage"] = "toolpaths"
    built = freecad_cam.build_job(doc, [part], plan, features)
    result["stage"] = "post"
    gcode_file = os.path.join(args["work_dir"], "program.ngc")
    freecad_cam.post(built, plan, gcode_file)
    result["stage"] = "save"
    cam_file = os.path.join(args["work_dir"], "cam.FCStd")
    doc.saveAs(cam_file)
    result.update(
        stage="done",
        gcode_file=gcode_file,
        cam_document_file=cam_file,
        features=features,
        warnings=warnings + built.warnings,
        operations=freecad_cam.operation_summaries(built),
        removed_volume_mm3=freecad_cam.removed_volume_mm3(built, plan),
        part_volume_mm3=part.Shape.Volume,
        part_mesh=freecad_cam.mesh_of([part.Shape]),
        freecad_version=freecad_cam.CamApi().version,
    )
except StopIteration:  # only the features were asked for
    result = {"features": features, "warnings": warnings, "part_label": part.Label}
except Exception as exc:  # the message goes to the user as FreeCAD or the check said it
    from cncworkbench.cam.script_result import failure

    result = failure(exc, result.get("stage"), "the model")
with open(os.environ["CNC_FREECAD_RESULT"], "w") as handle:
    json.dump(result, handle)
