# Builds the sample parts in resources/samples/ with FreeCAD (run: freecadcmd
# scripts/make_samples.py). A prismatic plate a shop would mill: faced top, outer contour,
# an open pocket and four through holes; saved as FCStd, STEP and STL.
import os

import FreeCAD
import Mesh
import Part

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "samples")


def plate():
    body = Part.makeBox(80, 50, 20)
    pocket = Part.makeBox(40, 20, 8, FreeCAD.Vector(20, 15, 12))
    shape = body.cut(pocket)
    for x, y in ((8, 8), (72, 8), (8, 42), (72, 42)):
        shape = shape.cut(Part.makeCylinder(3.3, 20, FreeCAD.Vector(x, y, 0)))
    return shape.removeSplitter()


doc = FreeCAD.newDocument("FlansPlakasi")
feature = doc.addObject("Part::Feature", "Plate")
feature.Label = "Flanş plakası"
feature.Shape = plate()
doc.recompute()
os.makedirs(OUT, exist_ok=True)
doc.saveAs(os.path.join(OUT, "flans_plakasi.FCStd"))
Part.export([feature], os.path.join(OUT, "flans_plakasi.step"))
mesh = Mesh.Mesh(feature.Shape.tessellate(0.05))
mesh.write(os.path.join(OUT, "flans_plakasi.stl"))
print("volume", feature.Shape.Volume, "area", feature.Shape.Area, "bbox", feature.Shape.BoundBox)
