"""The ``cncworkbench`` command: administration, automation, workers and the plain-Qt GUI.

This module holds the root group; each command group lives in a module of its own
(``cncworkbench.cli.model`` for ``cncworkbench model ...``) and is added below. Shared pieces
are in :mod:`.context` (acting as a user), :mod:`.base` (language, errors) and
:mod:`.jobwait` (following a queued job)."""

from __future__ import annotations

import importlib

import click

from cncworkbench.cli.base import UserErrorGroup, localise
from cncworkbench.core import localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP

# Each command: (its module under cncworkbench.cli, the attribute holding it), in the order
# `--help` lists them. A command's module is imported only when the command is asked for
# (start-up of `model upload` does not pay for `invoice`'s or `simulate`'s imports).
COMMANDS = {
    "config": ("config", "config"),
    "db": ("db", "db"),
    "seed": ("catalog", "seed"),
    "user": ("user", "user"),
    "audit": ("audit", "audit"),
    "feeds": ("feeds", "feeds"),
    "cam": ("cam", "cam"),
    "model": ("model", "model"),
    "storage": ("storage", "storage"),
    "worker": ("worker", "worker"),
    "job": ("job", "job"),
    "demo": ("demo", "demo"),
    "gui": ("gui", "gui"),
    "freecad": ("freecad", "freecad"),
    "gcode": ("gcode", "gcode"),
    "simulate": ("simulate", "simulate"),
    "quote": ("quote", "quote"),
    "erp": ("erp", "erp"),
    "license": ("license", "license_group"),
    "invoice": ("invoice", "invoice_group"),
    "login": ("login", "login"),
    "logout": ("login", "logout"),
    "whoami": ("login", "whoami"),
    "machine": ("catalog_items", "machine"),
    "tool": ("catalog_items", "tool"),
    "material": ("catalog_items", "material"),
    "setup": ("setup", "setup"),
    "review": ("review", "review"),
    "artefact": ("review", "artefact"),
}


def _load(name: str) -> click.Command:
    module_name, attribute = COMMANDS[name]
    command = getattr(importlib.import_module(f"cncworkbench.cli.{module_name}"), attribute)
    if name == "cam":  # `cam submit` is declared with the setups it submits
        from cncworkbench.cli import setup

        if "submit" not in command.commands:
            command.add_command(setup.cam_submit)
    return command


class LazyCommandGroup(UserErrorGroup):
    """The root group: loads a command's module the first time the command is needed and
    puts its help in the current language then."""

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, cmd_name):
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in COMMANDS:
            command = _load(cmd_name)
            localise(command)
            self.add_command(command, cmd_name)
        return command


@click.group(
    cls=LazyCommandGroup,
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
