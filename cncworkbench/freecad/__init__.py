"""FreeCAD glue: commands, workbench registration, panels as dock widgets and dialogs.

The only package (with the CAM adapter) that imports FreeCAD; everything it shows comes
from :mod:`cncworkbench.ui`.
"""
