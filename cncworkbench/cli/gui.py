"""``cncworkbench gui``: the panels in a plain Qt window."""

from __future__ import annotations

import sys

import click

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP


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
    from cncworkbench.ui.app import run_standalone

    sys.exit(run_standalone(panel=panel, screenshot=screenshot))
