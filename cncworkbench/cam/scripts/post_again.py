# Runs inside FreeCAD (freecadcmd): posts the toolpaths of a saved CAM document (the
# ``cam_document`` artefact of a CAM run) again with another machine's post-processor and
# work offset, without recomputing them. Answers with the G-code file, FreeCAD's cycle time
# per operation and a tessellation of the part for the setup sheet.
# Arguments and answer: see cncworkbench/cam/freecad_process.py and services/machining/cam_post.py.
import json
import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import FreeCAD

with open(os.environ["CNC_FREECAD_ARGS"]) as _handle:
    args = json.load(_handle)
result = {"stage": "start"}


try:
    from cncworkbench.cam import freecad_cam
    from cncworkbench.core.cam_plan import CamPlan

    freecad_cam.require_post_supported(args["plan"]["post_processor"])  # before any work
    result["stage"] = "open"
    doc = FreeCAD.openDocument(args["path"])
    plan = CamPlan.from_dict(args["plan"])
    result["stage"] = "post"
    gcode_file = os.path.join(args["work_dir"], "program.ngc")
    built, _text = freecad_cam.post_document(doc, plan, gcode_file)
    models = [model.Shape for model in built.job.Model.Group if not model.Shape.isNull()]
    result.update(
        stage="done",
        gcode_file=gcode_file,
        operations=freecad_cam.operation_summaries(built),
        part_mesh=freecad_cam.mesh_of(models) if models else {},
        part_volume_mm3=sum(shape.Volume for shape in models),
        freecad_version=freecad_cam.CamApi().version,
    )
except Exception as exc:  # the message goes to the user as FreeCAD or the check said it
    from cncworkbench.cam.script_result import failure

    result = failure(exc, result.get("stage"), "the CAM document")
with open(os.environ["CNC_FREECAD_RESULT"], "w") as handle:
    json.dump(result, handle)
