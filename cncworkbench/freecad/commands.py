"""FreeCAD commands, one per panel of :data:`cncworkbench.ui.app.PANELS`."""

from __future__ import annotations

import FreeCADGui

from cncworkbench.freecad.command_table import COMMANDS
from cncworkbench.ui.widgets import ICON_DIR


def icon_path(name: str) -> str:
    return str(ICON_DIR / f"{name}.svg")


class ShowPanelCommand:
    def __init__(self, panel: str, menu_text: str, tooltip: str, icon: str):
        self.panel, self.menu_text, self.tooltip, self.icon = panel, menu_text, tooltip, icon

    def GetResources(self):
        return {"Pixmap": icon_path(self.icon), "MenuText": self.menu_text, "ToolTip": self.tooltip}

    def IsActive(self):
        return True

    def Activated(self):
        from cncworkbench.freecad import panels

        panels.show(self.panel)


def register_all() -> list[str]:
    for name, (panel, text, tooltip, icon) in COMMANDS.items():
        FreeCADGui.addCommand(name, ShowPanelCommand(panel, text, tooltip, icon))
    return list(COMMANDS)
