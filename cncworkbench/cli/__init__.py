"""The ``cncworkbench`` command: administration, automation, workers and the plain-Qt GUI.

This module holds the root group; each command group lives in a module of its own
(``cncworkbench.cli.model`` for ``cncworkbench model ...``) and is added below. Shared pieces
are in :mod:`.context` (acting as a user), :mod:`.base` (language, errors) and
:mod:`.jobwait` (following a queued job)."""

from __future__ import annotations

import click

from cncworkbench.cli import (
    audit,
    cam,
    catalog,
    catalog_items,
    config,
    db,
    demo,
    erp,
    feeds,
    freecad,
    gcode,
    gui,
    invoice,
    job,
    license,
    login,
    model,
    quote,
    review,
    setup,
    simulate,
    storage,
    user,
    worker,
)
from cncworkbench.cli.base import UserErrorGroup
from cncworkbench.core import localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP


@click.group(
    cls=UserErrorGroup,
    help=QT_TRANSLATE_NOOP(
        "Cli", "CNC Workbench: the FreeCAD front end of a CNC shop's production platform."
    ),
)
@click.version_option(package_name="cncworkbench")
@click.option(
    "--language",
    type=click.Choice(localefmt.LANGUAGES),
    expose_value=False,
    help=QT_TRANSLATE_NOOP(
        "Cli", "Language of the messages (default: CNC_LOCALE, else LANG, else Turkish)."
    ),
)
def main():
    pass  # the language is chosen in UserErrorGroup.main, before the command runs


for command in (
    config.config,
    db.db,
    catalog.seed,
    user.user,
    audit.audit,
    feeds.feeds,
    cam.cam,
    model.model,
    storage.storage,
    worker.worker,
    job.job,
    demo.demo,
    gui.gui,
    freecad.freecad,
    gcode.gcode,
    simulate.simulate,
    quote.quote,
    erp.erp,
    license.license_group,
    invoice.invoice_group,
    login.login,
    login.logout,
    login.whoami,
    catalog_items.machine,
    catalog_items.tool,
    catalog_items.material,
    setup.setup,
    review.review,
    review.artefact,
):
    main.add_command(command)
cam.cam.add_command(setup.cam_submit)
