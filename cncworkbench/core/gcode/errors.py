"""The error of a G-code program that cannot be read, naming its line."""

from __future__ import annotations

from cncworkbench.core.i18n import translate
from cncworkbench.errors import ValidationError


class GCodeError(ValidationError):
    """A program that cannot be read; ``str(error)`` is ``"line 12: <what is wrong>"``."""

    def __init__(self, line: int, message: str):
        super().__init__(at_line(line, message))
        self.line = line
        self.message = message


def at_line(line: int, message: str) -> str:
    """``"line 12: <message>"`` in the reader's language (errors and warnings)."""
    return translate("GCode", "line {line}: {message}").format(line=line, message=message)
