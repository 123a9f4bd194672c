"""``cncworkbench freecad ...``: install the workbench into FreeCAD."""

from __future__ import annotations

from pathlib import Path

import click

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate


@click.group(help=QT_TRANSLATE_NOOP("Cli", "Install the workbench into FreeCAD."))
def freecad():
    pass


@freecad.command(
    "install",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Link this checkout into FreeCAD's add-on folder as 'CNCWorkbench'."
    ),
)
@click.option(
    "--mod-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path.home() / ".local/share/FreeCAD/Mod",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "FreeCAD's user add-on folder."),
)
def freecad_install(mod_dir):
    from cncworkbench.addon import install_workbench

    link = install_workbench(mod_dir)
    click.echo(
        translate("Cli", "workbench linked: {link} -> {target}").format(
            link=link, target=link.resolve()
        )
    )
