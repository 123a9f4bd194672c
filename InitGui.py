# CNC Workbench: FreeCAD exec()s this file at GUI start-up. Names defined here are not
# visible inside the class's methods, so each method imports what it needs; the real code
# lives in cncworkbench/freecad/. A missing Python dependency must not lose the workbench:
# it still registers, and its first panel names the package and the command that fixes it
# (cncworkbench/freecad/dependencies.py).


class CNCWorkbench(Workbench):  # Workbench and Gui are provided by FreeCAD
    MenuText = "CNC Workbench"
    ToolTip = "CNC shop production: projects and models, CAM, simulation review, jobs"

    def __init__(self):
        import os

        import cncworkbench

        root = os.path.dirname(os.path.dirname(os.path.realpath(cncworkbench.__file__)))
        self.__class__.Icon = os.path.join(root, "resources", "icons", "CNCWorkbench.svg")

    def Initialize(self):
        from cncworkbench.freecad import dependencies

        absent = dependencies.missing()
        if absent:
            dependencies.initialize_without_dependencies(self, dependencies.message(absent))
            return
        try:
            from cncworkbench.freecad import workbench

            workbench.initialize(self)
        except ImportError as error:  # a dependency that is there but does not import
            text = dependencies.message_for_error(error)
            dependencies.initialize_without_dependencies(self, text)

    def Activated(self):
        from cncworkbench.freecad import dependencies

        if dependencies.problem is not None:
            dependencies.show_panel()
            return
        from cncworkbench.freecad import workbench

        workbench.activated()

    def Deactivated(self):
        pass

    def GetClassName(self):
        return "Gui::PythonWorkbench"


Gui.addWorkbench(CNCWorkbench())
