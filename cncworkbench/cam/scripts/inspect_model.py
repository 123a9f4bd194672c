# Runs inside FreeCAD (freecadcmd): reads a model file and answers with its exact
# geometry and a tessellation for the thumbnail. Uses only FreeCAD and the standard
# library. Arguments and answer: see cncworkbench/cam/freecad_process.py.
import json
import os
import traceback

import FreeCAD

with open(os.environ["CNC_FREECAD_ARGS"]) as _handle:
    args = json.load(_handle)
result = {}


def shapes_of(path, kind):
    import Part

    if kind == "STEP":
        shape = Part.Shape()
        shape.read(path)
        return [shape]
    if kind == "FCStd":
        doc = FreeCAD.openDocument(path)
        doc.recompute()
        found = []
        for obj in doc.Objects:
            shape = getattr(obj, "Shape", None)
            # visible leaves only: a Cut and its tool would count twice otherwise
            if shape is not None and not shape.isNull() and not obj.InList:
                found.append(shape)
        return found
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
        result.update(
            volume_mm3=round(sum(s.Volume for s in solids), 3),
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
