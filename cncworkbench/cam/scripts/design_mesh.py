# Runs inside FreeCAD (freecadcmd): the design of a model file as a triangle mesh for the
# comparison of a simulated stock with it (cncworkbench/core/verification.py): the
# model's parts (as CAM finds them) united, so overlapping bodies count once, tessellated
# finely. Arguments and answer: see cncworkbench/cam/freecad_process.py.
import json
import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

with open(os.environ["CNC_FREECAD_ARGS"]) as _handle:
    args = json.load(_handle)
result = {"stage": "start"}

try:
    import Mesh
    import MeshPart

    from cncworkbench.cam import freecad_cam

    result["stage"] = "open"
    doc = freecad_cam.open_model(args["path"], args["format"], "Design")
    if doc is None:
        raise ValueError(f"{args['format']} files carry no exact geometry")
    result["stage"] = "design"
    parts = freecad_cam.part_objects(doc)
    solids = [solid for part in parts for solid in part.Shape.Solids]
    if not solids:
        raise ValueError("FreeCAD found no solid in the model")
    shape = solids[0].multiFuse(solids[1:]) if len(solids) > 1 else solids[0]
    mesh = MeshPart.meshFromShape(
        Shape=shape, LinearDeflection=float(args["deflection_mm"]), AngularDeflection=0.1
    )
    mesh_file = os.path.join(args["work_dir"], "design.stl")
    Mesh.Mesh(mesh).write(mesh_file)
    result = {
        "mesh_file": mesh_file,
        "volume_mm3": shape.Volume,
        "parts": [part.Label for part in parts],
        "triangles": int(mesh.CountFacets),
    }
except Exception as exc:  # the message goes to the user as FreeCAD said it
    from cncworkbench.cam.script_result import failure

    result = failure(exc, result.get("stage"), "the model", own=("ValueError",))
with open(os.environ["CNC_FREECAD_RESULT"], "w") as handle:
    json.dump(result, handle)
