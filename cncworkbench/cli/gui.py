"""``cncworkbench gui``: the panels in a plain Qt window.

Without a display, Qt aborts the process (SIGABRT, "Reinstalling the application may fix
this problem"); so the display is looked at first: ``--screenshot`` then draws offscreen,
and a window says how to get one."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import click

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError


def display_reachable() -> bool:
    """Whether an X11 or Wayland display answers (what Qt's xcb/wayland plugins need)."""
    wayland = os.environ.get("WAYLAND_DISPLAY")
    if wayland:
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        return Path(wayland).exists() or (Path(runtime) / wayland).exists()
    display = os.environ.get("DISPLAY", "")
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    if host in ("", "unix"):
        return Path(f"/tmp/.X11-unix/X{number}").exists()
    try:  # ssh -X and remote displays: TCP 6000 + N
        with socket.create_connection((host, 6000 + int(number)), timeout=2):
            return True
    except OSError:
        return False


@click.command(
    help=QT_TRANSLATE_NOOP(
        "Cli", "The workbench's panels in a plain Qt window (for computers without FreeCAD)."
    )
)
@click.option(
    "--panel",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Open this panel first (login, browser, cam, sim, jobs, settings)."
    ),
)
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False),
    help=QT_TRANSLATE_NOOP("Cli", "Save a PNG and quit."),
)
def gui(panel, screenshot):
    if not os.environ.get("QT_QPA_PLATFORM") and not display_reachable():
        if not screenshot:
            raise UserError(
                translate(
                    "Cli",
                    "There is no display to show the window on: run it in a desktop session, "
                    "over `ssh -X`, or under `xvfb-run -a -s '-screen 0 1600x1000x24' "
                    "cncworkbench gui`; `--screenshot FILE.png` draws offscreen.",
                )
            )
        click.echo(translate("Cli", "No display: drawing the screenshot offscreen."), err=True)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from cncworkbench.ui.app import run_standalone

    sys.exit(run_standalone(panel=panel, screenshot=screenshot))
