# Run by `freecadcmd` (see tests/test_cam_coverage.py): a 120 x 30 x 10 mm plate with nine
# through holes, Ø1 to Ø9, 12 mm apart along X at Y15, as STEP in $CNC_TEST_PARTS.
import json
import os

import FreeCAD
import Part

V = FreeCAD.Vector
plate = Part.makeBox(120, 30, 10)
for n in range(1, 10):
    plate = plate.cut(Part.makeCylinder(n / 2, 10, V(12 * n, 15, 0)))
plate.exportStep(os.path.join(os.environ["CNC_TEST_PARTS"], "nine_holes.step"))
with open(os.environ["CNC_TEST_RESULT"], "w") as handle:
    json.dump({"volume": plate.Volume}, handle)
