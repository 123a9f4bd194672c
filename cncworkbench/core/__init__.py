"""Pure Python and numpy: the product's hard, testable logic (no Qt, SQL, S3 or FreeCAD)."""
