"""Installing the workbench where FreeCAD looks for add-ons (no FreeCAD import here).

FreeCAD loads user add-ons from ``<UserAppData>/Mod/<Name>/`` (Init.py, InitGui.py): on
0.20 and 1.0 ``~/.local/share/FreeCAD/Mod``, on 1.1 the versioned ``.../v1-1/Mod`` once
that folder exists; a symlink to this checkout is enough. Our dependencies go into
``<UserAppData>/AdditionalPythonPackages/py3XX``, built for FreeCAD's own Python (1.x
embeds 3.13/3.14, not the Python of our venv), which FreeCAD 1.x puts on ``sys.path``
itself (``Init.py`` does it on 0.20). Everything is asked of the FreeCAD in question by
running ``freecad/install_script.py`` in it, so a FreeCAD in a root filesystem or an
AppImage is served the same way as Debian's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
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


# --- Dependencies for the FreeCAD in use ----------------------------------------------------

INSTALL_SCRIPT = Path(__file__).resolve().parent / "freecad" / "install_script.py"
# Not installed into FreeCAD: it has its own Qt binding and its own numpy (FreeCAD's
# modules are built against that one).
NOT_FOR_FREECAD = ("pyside6-essentials", "pyside6", "numpy")


@dataclass
class FreeCADInstall:
    """What ``install_into_freecad`` found and did."""

    freecad_version: str
    python: str
    user_data: str
    packages_dir: str
    link: str | None
    downloaded: bool


def runtime_requirements() -> list[str]:
    """The pinned runtime dependencies FreeCAD needs (pyproject.toml's, minus Qt and numpy)."""
    import tomllib

    data = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = []
    for requirement in data["project"]["dependencies"]:
        name = re.split(r"[\[=<>!~; ]", requirement, maxsplit=1)[0].lower()
        if name not in NOT_FOR_FREECAD:
            wanted.append(requirement)
    return wanted


def find_freecadcmd(freecad: str | None = None) -> str:
    """The console FreeCAD to ask: ``freecad`` (a program, its folder, or an extracted
    AppImage) or the one on PATH. A GUI program is swapped for its console sibling."""
    names = ("freecadcmd", "FreeCADCmd")
    if freecad is None:
        for name in names:
            found = shutil.which(name)
            if found:
                return found
        raise ConfigurationError(
            translate(
                "Config",
                "FreeCAD is not installed (no freecadcmd on PATH): install it (Debian: apt "
                "install freecad) or name it with --freecad PATH.",
            )
        )
    given = Path(freecad).expanduser()
    if given.is_dir():
        folders = [given, given / "bin", given / "usr" / "bin"]
    elif given.name.lower() in ("freecadcmd",) and os.access(given, os.X_OK):
        return str(given)
    else:
        folders = [given.parent]
    for folder in folders:
        for name in names:
            candidate = folder / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    raise ConfigurationError(
        translate(
            "Config",
            "{path} is not a FreeCAD installation: no freecadcmd next to it (give FreeCAD's "
            "program, its bin folder or an extracted AppImage).",
        ).format(path=given)
    )


def ask_freecad(freecadcmd: str, arguments: dict, timeout: float = 900.0) -> dict:
    """Run the install script in that FreeCAD with ``arguments``; its JSON answer."""
    with tempfile.TemporaryDirectory(prefix="cnc-freecad-install-") as work:
        args_file, result_file = Path(work) / "args.json", Path(work) / "result.json"
        args_file.write_text(json.dumps(arguments))
        env = {**os.environ, "CNC_INSTALL_ARGS": str(args_file)}
        env["CNC_INSTALL_RESULT"] = str(result_file)
        env.pop("PYTHONPATH", None)  # our venv's packages are not FreeCAD's
        env.pop("PYTHONHOME", None)
        try:
            completed = subprocess.run(
                [freecadcmd, str(INSTALL_SCRIPT)],
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ConfigurationError(
                translate("Config", "{program} did not answer within {seconds} s.").format(
                    program=freecadcmd, seconds=f"{timeout:.0f}"
                )
            ) from None
        if not result_file.exists():
            tail = " | ".join((completed.stderr or completed.stdout).strip().splitlines()[-3:])
            raise ConfigurationError(
                translate(
                    "Config", "{program} stopped without an answer (exit {code}): {output}"
                ).format(program=freecadcmd, code=completed.returncode, output=tail)
            )
        return json.loads(result_file.read_text())


def install_into_freecad(freecad: str | None = None, source: Path = REPOSITORY) -> FreeCADInstall:
    """Our pinned dependencies, built for the FreeCAD's own Python, into its
    ``<UserAppData>/AdditionalPythonPackages/py3XX``, and this checkout linked into its
    ``<UserAppData>/Mod`` (versioned on 1.1: ``v1-1/Mod``)."""
    program = find_freecadcmd(freecad)
    requirements = runtime_requirements()
    answer = ask_freecad(
        program,
        {"requirements": requirements, "source": str(source), "addon": ADDON_NAME},
    )
    error = answer.get("error")
    if error == "exists":
        raise ConfigurationError(
            translate(
                "Config",
                "{link} already exists and is not a link to this checkout; move it away "
                "(an Addon Manager install?) to use this one.",
            ).format(link=answer.get("link"))
        )
    if error in ("no-python", "no-pip"):
        raise ConfigurationError(
            translate(
                "Config",
                "FreeCAD {version}'s Python {python} has no pip to install the dependencies "
                "with: install pip for that Python (Debian: apt install python3-pip) and run "
                "'cncworkbench freecad install' again.",
            ).format(version=answer["freecad"], python=answer["python"])
        )
    if error == "pip":
        last = [line for line in answer.get("pip_output", "").splitlines() if line.strip()]
        raise ConfigurationError(
            translate(
                "Config",
                "No wheels of the pinned dependencies for FreeCAD {version}'s Python {python} "
                "could be installed into {folder} (offline, or a Python newer than the pins): "
                "install them with that Python's pip by hand or use a FreeCAD with Python "
                "3.11-3.14. pip said: {detail}",
            ).format(
                version=answer["freecad"],
                python=answer["python"],
                folder=answer["packages_dir"],
                detail=last[-1] if last else "?",
            )
        )
    if error:
        raise ConfigurationError(
            translate("Config", "Installing into FreeCAD failed: {detail}").format(
                detail=answer.get("detail", error)
            )
        )
    return FreeCADInstall(
        freecad_version=answer["freecad"],
        python=answer["python"],
        user_data=answer["user_data"],
        packages_dir=answer["packages_dir"],
        link=answer.get("link"),
        downloaded=not answer.get("already", False),
    )
