"""``cncworkbench freecad ...``: install the workbench into FreeCAD."""

from __future__ import annotations

import click

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate


@click.group(help=QT_TRANSLATE_NOOP("Cli", "Install the workbench into FreeCAD."))
def freecad():
    pass


@freecad.command(
    "install",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Install the pinned dependencies for FreeCAD's own Python and link this checkout "
        "into that FreeCAD's add-on folder as 'CNCWorkbench'.",
    ),
)
@click.option(
    "--freecad",
    "freecad_path",
    help=QT_TRANSLATE_NOOP(
        "Cli", "The FreeCAD to install into (program, bin folder or extracted AppImage)."
    ),
)
def freecad_install(freecad_path):
    from cncworkbench.addon import install_into_freecad

    done = install_into_freecad(freecad_path)
    click.echo(
        translate(
            "Cli",
            "FreeCAD {version} (Python {python}): dependencies in {folder}; workbench linked: "
            "{link}",
        ).format(
            version=done.freecad_version,
            python=done.python,
            folder=done.packages_dir,
            link=done.link,
        )
    )
