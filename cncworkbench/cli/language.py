"""The language a ``cncworkbench`` run speaks, chosen from its arguments and environment
(without click: the quick ``gcode trace`` route needs it too)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from cncworkbench.core import localefmt

LOCALE_VARIABLES = ("CNC_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG")


def choose_language(args: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """``--language`` given before the command, else ``CNC_LOCALE``, else the first of
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that names Turkish or English, else Turkish."""
    environ = os.environ if environ is None else environ
    given = _language_option(args)
    if given:
        return given
    for name in LOCALE_VARIABLES:
        language = localefmt.normalise(environ.get(name))
        if language:
            return language
    return localefmt.DEFAULT_LANGUAGE


def _language_option(args: Sequence[str]) -> str | None:
    tokens = list(args)
    for index, token in enumerate(tokens):
        if token == "--language" and index + 1 < len(tokens):
            return localefmt.normalise(tokens[index + 1])
        if token.startswith("--language="):
            return localefmt.normalise(token.partition("=")[2])
        if not token.startswith("-"):
            return None  # the command: what follows are its own arguments
    return None


__all__ = ["LOCALE_VARIABLES", "choose_language"]
