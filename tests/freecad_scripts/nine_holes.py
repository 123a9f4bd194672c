# Run by `freecadcmd` (see tests/test_cam_coverage.py): a 120 x 30 x 10 mm plate with nine
# through holes, Ø1 to Ø9, 12 mm apart along X at Y15, as STEP in $CNC_TEST_PARTS; and
# cutouts.step: a 100 x 60 x 10 plate with a 30 x 20 x 4 pocket at (10, 10) and a
# triangular through-cut (60, 10), (90, 10), (75, 40).
import json
import os

import FreeCAD
import Part

V = FreeCAD.Vector
plate = Part.makeBox(120, 30, 10)
for n in range(1, 10):
    plate = plate.cut(Part.makeCylinder(n / 2, 10, V(12 * n, 15, 0)))
plate.exportStep(os.path.join(os.environ["CNC_TEST_PARTS"], "nine_holes.step"))
cutouts = Part.makeBox(100, 60, 10).cut(Part.makeBox(30, 20, 4, V(10, 10, 6)))
triangle = Part.Face(Part.makePolygon([V(60, 10, 0), V(90, 10, 0), V(75, 40, 0), V(60, 10, 0)]))
cutouts = cutouts.cut(triangle.extrude(V(0, 0, 10)))
cutouts.exportStep(os.path.join(os.environ["CNC_TEST_PARTS"], "cutouts.step"))
with open(os.environ["CNC_TEST_RESULT"], "w") as handle:
    json.dump({"volume": plate.Volume}, handle)
