"""CNC Workbench: the FreeCAD front end of a CNC shop's production platform."""

__version__ = "0.1.0"
