# Builds resources/samples/parametrik_plaka.FCStd with FreeCAD (run: freecadcmd
# scripts/make_family_sample.py): a part family the FreeCAD way. A spreadsheet
# "Parametreler" holds the dimensions under aliases (Length, Width, Thickness, Holes,
# HoleDiameter, Margin); a box, a hole and an orthogonal array of holes are bound to them by
# expressions; the plate is the box minus the holes. Setting a cell and recomputing gives
# another member of the family (cncworkbench model generate ID --set Length=120).
import os

import Draft
import FreeCAD

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "samples")
PARAMETERS = [
    ("Length", "80 mm", "Plate length (X)"),
    ("Width", "50 mm", "Plate width (Y)"),
    ("Thickness", "10 mm", "Plate thickness (Z)"),
    ("Holes", "4", "Number of holes in the row"),
    ("HoleDiameter", "6.6 mm", "Hole diameter"),
    ("Margin", "10 mm", "First and last hole centre from the ends"),
]

doc = FreeCAD.newDocument("ParametrikPlaka")
sheet = doc.addObject("Spreadsheet::Sheet", "Parameters")
sheet.Label = "Parametreler"
sheet.set("A1", "Parameter")
sheet.set("B1", "Value")
sheet.set("C1", "Meaning")
for row, (alias, value, meaning) in enumerate(PARAMETERS, start=2):
    sheet.set(f"A{row}", alias)
    sheet.set(f"B{row}", value)
    sheet.setAlias(f"B{row}", alias)
    sheet.set(f"C{row}", meaning)
doc.recompute()

blank = doc.addObject("Part::Box", "Blank")
for prop, alias in (("Length", "Length"), ("Width", "Width"), ("Height", "Thickness")):
    blank.setExpression(prop, f"Parameters.{alias}")

hole = doc.addObject("Part::Cylinder", "Hole")
hole.setExpression("Radius", "Parameters.HoleDiameter / 2")
hole.setExpression("Height", "Parameters.Thickness + 2 mm")
hole.setExpression(".Placement.Base.x", "Parameters.Margin")
hole.setExpression(".Placement.Base.y", "Parameters.Width / 2")
hole.setExpression(".Placement.Base.z", "-1 mm")

holes = Draft.make_ortho_array(
    hole, v_x=FreeCAD.Vector(20, 0, 0), n_x=4, n_y=1, n_z=1, use_link=False
)
holes.Label = "Holes"
holes.Fuse = True
holes.setExpression("NumberX", "Parameters.Holes")
holes.setExpression(
    ".IntervalX.x", "(Parameters.Length - 2 * Parameters.Margin) / max(Parameters.Holes - 1; 1)"
)
doc.recompute()

plate = doc.addObject("Part::Cut", "Plate")
plate.Label = "Parametrik plaka"
plate.Base = blank
plate.Tool = holes
for helper in (blank, hole, holes):
    helper.Visibility = False
doc.recompute()

shape = plate.Shape
assert shape.isValid() and len(shape.Solids) == 1, "the sample plate is not one valid solid"
os.makedirs(OUT, exist_ok=True)
doc.saveAs(os.path.join(OUT, "parametrik_plaka.FCStd"))
print("volume", shape.Volume, "bbox", shape.BoundBox, "faces", len(shape.Faces))
