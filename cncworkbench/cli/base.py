"""What every ``cncworkbench`` command group shares: the language, click's own texts in it,
the commands' help in it, and user errors as one line on stderr.

The language is chosen once at the start (:func:`.language.choose_language`): ``--language tr|en``
before the command, else ``CNC_LOCALE``, else the first of ``LC_ALL``, ``LC_MESSAGES``,
``LANG`` that names Turkish or English, else Turkish. Help texts are marked with
``QT_TRANSLATE_NOOP("Cli", ...)`` where the commands are declared and put in the chosen
language by :func:`localise` before click reads them; click's own texts ("Usage:",
"Missing option", ...) go through :func:`translate` under the context ``Click``.
"""

from __future__ import annotations

import sys
import weakref

import click

from cncworkbench.cli.language import choose_language
from cncworkbench.core import localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

# click's texts a user of the command line meets, exactly as click passes them to gettext
# (click/core.py, exceptions.py, formatting.py, parser.py, termui.py, types.py).
CLICK_TEXTS = (
    QT_TRANSLATE_NOOP("Click", "Usage:"),
    QT_TRANSLATE_NOOP("Click", "Options"),
    QT_TRANSLATE_NOOP("Click", "Positional arguments"),
    QT_TRANSLATE_NOOP("Click", "Commands"),
    QT_TRANSLATE_NOOP("Click", "Show this message and exit."),
    QT_TRANSLATE_NOOP("Click", "Show the version and exit."),
    QT_TRANSLATE_NOOP("Click", "default: {default}"),
    QT_TRANSLATE_NOOP("Click", "env var: {var}"),
    QT_TRANSLATE_NOOP("Click", "required"),
    QT_TRANSLATE_NOOP("Click", "(dynamic)"),
    QT_TRANSLATE_NOOP("Click", "Aborted!"),
    QT_TRANSLATE_NOOP("Click", "Missing command."),
    QT_TRANSLATE_NOOP("Click", "Got unexpected extra argument ({args})"),
    QT_TRANSLATE_NOOP("Click", "Got unexpected extra arguments ({args})"),
    QT_TRANSLATE_NOOP("Click", "Error: {message}"),
    QT_TRANSLATE_NOOP("Click", "Try '{command} {option}' for help."),
    QT_TRANSLATE_NOOP("Click", "Invalid value: {message}"),
    QT_TRANSLATE_NOOP("Click", "Invalid value for {param_hint}: {message}"),
    QT_TRANSLATE_NOOP("Click", "Missing argument"),
    QT_TRANSLATE_NOOP("Click", "Missing option"),
    QT_TRANSLATE_NOOP("Click", "Missing parameter"),
    QT_TRANSLATE_NOOP("Click", "Missing parameter: {param_name}"),
    QT_TRANSLATE_NOOP("Click", "No such option {name!r}."),
    QT_TRANSLATE_NOOP("Click", "No such command {name!r}."),
    QT_TRANSLATE_NOOP("Click", "Did you mean {possibility}?"),
    QT_TRANSLATE_NOOP("Click", "(Did you mean one of: {possibilities}?)"),
    QT_TRANSLATE_NOOP("Click", "Option {name!r} does not take a value."),
    QT_TRANSLATE_NOOP("Click", "Option {name!r} requires an argument."),
    QT_TRANSLATE_NOOP("Click", "Option {name!r} requires {nargs} arguments."),
    QT_TRANSLATE_NOOP("Click", "Argument {name!r} takes {nargs} values."),
    QT_TRANSLATE_NOOP("Click", "Takes {nargs} values but 1 was given."),
    QT_TRANSLATE_NOOP("Click", "Takes {nargs} values but {len} were given."),
    QT_TRANSLATE_NOOP("Click", "Choose from:\n\t{choices}"),
    QT_TRANSLATE_NOOP("Click", "{value!r} is not {choice}."),
    QT_TRANSLATE_NOOP("Click", "{value!r} is not one of {choices}."),
    QT_TRANSLATE_NOOP("Click", "{value!r} is not a valid {number_type}."),
    QT_TRANSLATE_NOOP("Click", "{value} is not in the range {range}."),
    QT_TRANSLATE_NOOP("Click", "file"),
    QT_TRANSLATE_NOOP("Click", "directory"),
    QT_TRANSLATE_NOOP("Click", "path"),
    QT_TRANSLATE_NOOP("Click", "{name} {filename!r} does not exist."),
    QT_TRANSLATE_NOOP("Click", "{name} {filename!r} is a file."),
    QT_TRANSLATE_NOOP("Click", "{name} {filename!r} is a directory."),
    QT_TRANSLATE_NOOP("Click", "{name} {filename!r} is not readable."),
    QT_TRANSLATE_NOOP("Click", "{name} {filename!r} is not writable."),
    QT_TRANSLATE_NOOP("Click", "Could not open file {filename!r}: {message}"),
    QT_TRANSLATE_NOOP("Click", "Repeat for confirmation"),
    QT_TRANSLATE_NOOP("Click", "Error: The two entered values do not match."),
    QT_TRANSLATE_NOOP("Click", "Error: invalid input"),
)
# What click writes in the usage line for the options and a group's command.
USAGE_TEXTS = (
    QT_TRANSLATE_NOOP("Cli", "[OPTIONS]"),
    QT_TRANSLATE_NOOP("Cli", "COMMAND [ARGS]..."),
)
# Severity of a warning, a CAM problem or a simulation finding, as its line starts with it.
SEVERITIES = {
    "error": QT_TRANSLATE_NOOP("Cli", "ERROR"),
    "warning": QT_TRANSLATE_NOOP("Cli", "WARNING"),
    "info": QT_TRANSLATE_NOOP("Cli", "INFO"),
}

# The English help of each command and parameter, kept when it is replaced by a translation.
_sources: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _click_text(text: str) -> str:
    return translate("Click", text)


def _click_plural(singular: str, plural: str, count: int) -> str:
    return translate("Click", singular if count == 1 else plural)


def install_click_translations() -> None:
    """click's modules call ``gettext``/``ngettext`` for their texts: make them ours."""
    from click import core, decorators, exceptions, formatting, parser, termui, types

    for module in (core, decorators, exceptions, formatting, parser, termui, types):
        module._ = _click_text  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_plural  # type: ignore[attr-defined]


def _help_text(text: str) -> str:
    translated = translate("Cli", text)
    return translated if translated != text else translate("Click", text)


def _localise_attribute(item, name: str) -> None:
    sources = _sources.setdefault(item, {})
    if name not in sources:
        sources[name] = getattr(item, name, None)
    source = sources[name]
    if isinstance(source, str) and source:
        setattr(item, name, _help_text(source))


def localise(command: click.Command) -> None:
    """Put the help of ``command``, its parameters and its subcommands in the current
    language (from the English kept the first time, so it can be done again in another)."""
    pending = [command]
    while pending:
        item = pending.pop()
        for name in ("help", "short_help", "epilog", "options_metavar"):
            _localise_attribute(item, name)
        # click keeps the --help option it made, with its text in the language of then
        if getattr(item, "_help_option", None) is not None:
            item._help_option = None
        for param in item.params:
            _localise_attribute(param, "help")
            if isinstance(param.type, click.Path):  # "file", "directory" or "path"
                _localise_attribute(param.type, "name")
        if isinstance(item, click.Group):
            _localise_attribute(item, "subcommand_metavar")
            pending.extend(item.commands.values())


def severity_label(severity: str) -> str:
    """``ERROR``, ``WARNING``, ``INFO`` in the reader's language."""
    return translate("Cli", SEVERITIES.get(severity, severity.upper()))


def report_user_error(exc: UserError) -> None:
    """One line on stderr for a problem the user can fix."""
    click.echo(translate("Cli", "error: {message}").format(message=exc), err=True)


class UserErrorGroup(click.Group):
    """Speaks the chosen language; turns user errors into one line on stderr and exit
    status 2 (no traceback)."""

    def main(self, args=None, *rest, **options):
        language = choose_language(sys.argv[1:] if args is None else args)
        install_click_translations()
        localefmt.use(language)
        try:
            localise(self)
            return super().main(args, *rest, **options)
        finally:
            localefmt.use(None)  # in-process callers (tests) get back the default

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            report_user_error(exc)
            sys.exit(2)
