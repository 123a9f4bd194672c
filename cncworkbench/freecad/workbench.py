"""Registers the workbench's commands, menu and toolbar."""

from __future__ import annotations

from cncworkbench.freecad import commands
from cncworkbench.freecad.commands import icon_path

__all__ = ["activated", "icon_path", "initialize"]


def initialize(workbench) -> None:
    names = commands.register_all()
    workbench.appendToolbar("CNC Workbench", names)
    workbench.appendMenu("&CNC", names)


def activated() -> None:
    from cncworkbench.freecad import panels

    panels.workspace()  # start connecting while the user looks around
    if panels.workspace().user is None:
        panels.show("login")
