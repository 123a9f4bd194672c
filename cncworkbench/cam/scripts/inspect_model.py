# Runs inside FreeCAD (freecadcmd): reads a model file and answers with its exact
# geometry and a tessellation for the thumbnail, reading FCStd and STEP through the CAM
# adapter's part_objects, as CAM does. Arguments and answer: see
# cncworkbench/cam/freecad_process.py.
import json
import os
import sys
import traceback

import FreeCAD

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

with open(os.environ["CNC_FREECAD_ARGS"]) as _handle:
    args = json.load(_handle)
result = {}


def shapes_of(path, kind):
    """The model's parts as CAM finds them (cam/freecad_cam.py: each visible solid once,
    through groups, App::Part and links; a CAM job's clones and stock left out)."""
    if kind in ("STEP", "FCStd"):
        from cncworkbench.cam import freecad_cam

        doc = freecad_cam.open_model(path, kind, "Inspected")
        doc.recompute()
        parts = [part.Shape for part in freecad_cam.part_objects(doc)]
        if parts:
            return parts
        # no solid at all (a surface model): the visible leaves, for its size and picture
        return [
            obj.Shape
            for obj in doc.Objects
            if getattr(obj, "Shape", None) is not None
            and not obj.Shape.isNull()
            and not obj.InList
            and obj.TypeId != "App::DocumentObjectGroup"
        ]
    import Mesh

    mesh = Mesh.Mesh(path)
    return [mesh]


try:
    path, kind = args["path"], args["format"]
    shapes = shapes_of(path, kind)
    if not shapes:
        raise ValueError("FreeCAD found no geometry in the file")
    if kind == "STL":
        mesh = shapes[0]
        box = mesh.BoundBox
        result.update(volume_mm3=abs(mesh.Volume), surface_area_mm2=mesh.Area, solids=0)
    else:
        import Part

        compound = Part.makeCompound(shapes) if len(shapes) > 1 else shapes[0]
        box = compound.BoundBox
        if not box.isValid():
            raise ValueError("the geometry has no extent")
        solids = compound.Solids
        # overlapping bodies: the volume of their union, not the sum
        union = solids[0].multiFuse(solids[1:]) if len(solids) > 1 else compound
        result.update(
            volume_mm3=round(union.Volume, 3),
            surface_area_mm2=round(compound.Area, 3),
            solids=len(solids),
            valid=bool(compound.isValid()),
        )
        import Mesh

        mesh = Mesh.Mesh(compound.tessellate(max(box.DiagonalLength / 400.0, 0.01)))
    result["bounding_box"] = {
        "min": [round(box.XMin, 4), round(box.YMin, 4), round(box.ZMin, 4)],
        "max": [round(box.XMax, 4), round(box.YMax, 4), round(box.ZMax, 4)],
    }
    result["size_mm"] = [round(box.XLength, 4), round(box.YLength, 4), round(box.ZLength, 4)]
    result["freecad_version"] = ".".join(FreeCAD.Version()[:3])
    mesh_file = os.path.join(args["work_dir"], "tessellation.stl")
    mesh.write(mesh_file)
    result["mesh_file"] = mesh_file
except Exception as exc:  # the message goes to the user as FreeCAD said it
    result = {
        "error": f"FreeCAD cannot read {os.path.basename(args.get('path', '?'))}: {exc}",
        "traceback": traceback.format_exc(),
    }
with open(os.environ["CNC_FREECAD_RESULT"], "w") as handle:
    json.dump(result, handle)
