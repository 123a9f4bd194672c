# Run by `freecadcmd` (see tests/test_model_metadata.py): FCStd documents whose solids are
# easy to count twice, in $CNC_TEST_PARTS. Each box is 30 x 20 x 20 mm (12,000 mm³).
#   group.FCStd    a box inside a group                      1 solid, 12,000 mm³
#   part.FCStd     a box inside an App::Part                 1 solid, 12,000 mm³
#   link.FCStd     a hidden box and a link to it             1 solid, 12,000 mm³
#   overlap.FCStd  two boxes overlapping by half             2 solids, 18,000 mm³ (union)
#   cam_job.FCStd  a box machined by a CAM job (clone, stock) 1 solid, 12,000 mm³
import json
import os

import FreeCAD

out = os.environ["CNC_TEST_PARTS"]
V = FreeCAD.Vector


def box(doc, name, x=0.0):
    made = doc.addObject("Part::Box", name)
    made.Length, made.Width, made.Height = 30, 20, 20
    made.Placement.Base = V(x, 0, 0)
    return made


def group(doc):
    doc.addObject("App::DocumentObjectGroup", "Folder").addObject(box(doc, "Box"))


def part(doc):
    doc.addObject("App::Part", "Assembly").addObject(box(doc, "Box"))


def link(doc):
    original = box(doc, "Box")
    original.Visibility = False
    doc.addObject("App::Link", "Link").LinkedObject = original


def overlap(doc):
    box(doc, "Left")
    box(doc, "Right", 15.0)


def cam_job(doc):
    from cncworkbench.cam.freecad_cam import CamApi  # PathScripts (0.20) or Path.Main (1.x)

    made = box(doc, "Box")
    doc.recompute()
    CamApi()["job"].Create("Job", [made], None)


made = {}
for name, build in (("group", group), ("part", part), ("link", link), ("overlap", overlap),
                    ("cam_job", cam_job)):  # fmt: skip
    doc = FreeCAD.newDocument(name)
    build(doc)
    doc.recompute()
    doc.saveAs(os.path.join(out, f"{name}.FCStd"))
    made[name] = sorted(obj.TypeId for obj in doc.Objects)
    FreeCAD.closeDocument(name)
with open(os.environ["CNC_TEST_RESULT"], "w") as handle:
    json.dump(made, handle)
