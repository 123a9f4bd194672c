"""Installing the workbench where FreeCAD looks for add-ons (no FreeCAD import here).

FreeCAD 0.20 loads user add-ons from ``~/.local/share/FreeCAD/Mod/<Name>/`` (Init.py,
InitGui.py); a symlink to this checkout is enough, and ``Init.py`` then finds the
checkout's virtual environment for our dependencies.
"""

from __future__ import annotations

from pathlib import Path

from cncworkbench.core.i18n import translate
from cncworkbench.errors import ConfigurationError

ADDON_NAME = "CNCWorkbench"
REPOSITORY = Path(__file__).resolve().parents[1]


def install_workbench(mod_dir: Path, source: Path = REPOSITORY) -> Path:
    mod_dir = Path(mod_dir).expanduser()
    mod_dir.mkdir(parents=True, exist_ok=True)
    link = mod_dir / ADDON_NAME
    if link.is_symlink():
        if link.resolve() == source.resolve():
            return link
        link.unlink()
    elif link.exists():
        raise ConfigurationError(
            translate(
                "Config",
                "{link} already exists and is not a link to this checkout; move it away "
                "(an Addon Manager install?) to use this one.",
            ).format(link=link)
        )
    link.symlink_to(source, target_is_directory=True)
    return link
