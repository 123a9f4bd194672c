"""The root group of the ``cncworkbench`` command (see :mod:`cncworkbench.cli`): its
command groups, imported when first asked for."""

from __future__ import annotations

import importlib

import click

from cncworkbench.cli.base import UserErrorGroup, install_click_translations, localise
from cncworkbench.core import localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP

# command name -> (module in cncworkbench.cli, the command's attribute there)
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


class _RootGroup(UserErrorGroup):
    """The root group: its commands are imported when first asked for."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, cmd_name):
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            # click names some things when they are declared (click.Path's "path"): in
            # English, the source localise() keeps, as before any language was chosen
            with localefmt.speaking("en"):
                command = getattr(importlib.import_module(f"cncworkbench.cli.{module}"), attribute)
                if cmd_name == "cam" and "submit" not in command.commands:
                    # cam submit is declared with the setup commands
                    setup = importlib.import_module("cncworkbench.cli.setup")
                    command.add_command(setup.cam_submit)
            localise(command)  # its help in the language chosen at the start
            self.add_command(command, cmd_name)
        return command


# click translates some texts where they are declared (--version's help): through our
# catalogue, and in English, the source localise() keeps (click's own gettext would look
# for .mo files and import the locale module at every start)
install_click_translations()
with localefmt.speaking("en"):

    @click.group(
        cls=_RootGroup,
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
