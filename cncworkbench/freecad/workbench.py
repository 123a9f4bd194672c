"""Registers the workbench's commands, menu and toolbar."""

from __future__ import annotations

from cncworkbench.freecad import commands
from cncworkbench.freecad.commands import icon_path

__all__ = ["activated", "icon_path", "initialize"]


def initialize(workbench) -> None:
    import FreeCADGui

    from cncworkbench.ui import i18n

    # FreeCAD loads <name>_<language>.qm from every registered path for its own language
    # (cncworkbench_tr.qm when FreeCAD speaks Turkish), also for the commands' menu texts.
    FreeCADGui.addLanguagePath(str(i18n.TRANSLATIONS_DIR))
    FreeCADGui.updateLocale()
    i18n.host_language = freecad_language
    i18n.install()  # before login: CNC_LOCALE, the language used last here, or FreeCAD's
    names = commands.register_all()
    workbench.appendToolbar("CNC Workbench", names)
    workbench.appendMenu("&CNC", names)


# FreeCAD's names for its languages (Preferences > General > Language)
FREECAD_LANGUAGES = {"Turkish": "tr", "English": "en"}


def freecad_language() -> str | None:
    """FreeCAD's language: "tr", "en", "" for another one, None when not chosen (FreeCAD
    then follows the system)."""
    import FreeCAD

    name = FreeCAD.ParamGet("User parameter:BaseApp/Preferences/General").GetString("Language")
    return FREECAD_LANGUAGES.get(name, "") if name else None


def activated() -> None:
    from cncworkbench.freecad import panels

    panels.workspace()  # start connecting while the user looks around
    if panels.workspace().user is None:
        panels.show("login")
