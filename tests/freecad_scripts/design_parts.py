# Run by `freecadcmd` (see tests/test_verification.py): makes the known parts the design
# comparison is tested on, in $CNC_TEST_PARTS, and answers with their exact volumes.
#   pocket_plate: a 100 x 60 x 10 plate with a 40 x 20 x 5 pocket at (30, 20) whose
#                 vertical corners have a 3 mm radius (a 6 mm end mill makes it exactly);
#                 as STL, STEP, and an FCStd holding it inside a group.
#   sharp_plate:  the same pocket with sharp vertical corners (no end mill reaches them)
#                 and a Ø4 x 3 mm hole in its floor at (50, 30) (narrower than 6 mm), as STL.
#   cavity_plate: a 100 x 60 x 10 plate with a closed 10 x 10 x 2 void inside (an
#                 undercut no tool from above can verify), as STL.
import json
import os

import FreeCAD
import Mesh
import MeshPart
import Part

out = os.environ["CNC_TEST_PARTS"]
V = FreeCAD.Vector
plate = Part.makeBox(100, 60, 10)
pocket = Part.makeBox(40, 20, 5, V(30, 20, 5))
upright = [e for e in pocket.Edges if abs(e.Vertexes[0].Point.z - e.Vertexes[1].Point.z) > 1]
pocket_plate = plate.cut(pocket.makeFillet(3.0, upright))
sharp_plate = plate.cut(pocket).cut(Part.makeCylinder(2.0, 3.0, V(50, 30, 2)))
cavity_plate = plate.cut(Part.makeBox(10, 10, 2, V(45, 25, 4)))


def stl(shape, name):
    mesh = MeshPart.meshFromShape(Shape=shape, LinearDeflection=0.005, AngularDeflection=0.1)
    Mesh.Mesh(mesh).write(os.path.join(out, name))


stl(pocket_plate, "pocket_plate.stl")
pocket_plate.exportStep(os.path.join(out, "pocket_plate.step"))
doc = FreeCAD.newDocument("PocketPlate")
group = doc.addObject("App::DocumentObjectGroup", "Parts")
body = doc.addObject("Part::Feature", "Plate")
body.Shape = pocket_plate
group.addObject(body)
doc.recompute()
doc.saveAs(os.path.join(out, "pocket_plate.FCStd"))
stl(cavity_plate, "cavity_plate.stl")
stl(sharp_plate, "sharp_plate.stl")
with open(os.environ["CNC_TEST_RESULT"], "w") as handle:
    json.dump({"pocket_plate": pocket_plate.Volume, "cavity_plate": cavity_plate.Volume}, handle)
