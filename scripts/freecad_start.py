# Passed to `freecad` by ./run.sh: runs once the main window is up and opens our workbench.
import FreeCADGui

FreeCADGui.activateWorkbench("CNCWorkbench")
