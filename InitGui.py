# CNC Workbench: FreeCAD exec()s this file at GUI start-up. Names defined here are not
# visible inside the class's methods, so each method imports what it needs; the real code
# lives in cncworkbench/freecad/.


class CNCWorkbench(Workbench):  # Workbench and Gui are provided by FreeCAD
    MenuText = "CNC Workbench"
    ToolTip = "CNC shop production: projects and models, CAM, simulation review, jobs"

    def __init__(self):
        from cncworkbench.freecad import workbench

        self.__class__.Icon = workbench.icon_path("CNCWorkbench")

    def Initialize(self):
        from cncworkbench.freecad import workbench

        workbench.initialize(self)

    def Activated(self):
        from cncworkbench.freecad import workbench

        workbench.activated()

    def Deactivated(self):
        pass

    def GetClassName(self):
        return "Gui::PythonWorkbench"


Gui.addWorkbench(CNCWorkbench())
