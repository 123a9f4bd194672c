"""Names of projects and models as they are stored (no SQLAlchemy: the direct upload uses
them too)."""

from __future__ import annotations

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import ValidationError

MAX_NAME = 255

# clean_name's messages, by what is named ("project" or "model").
_EMPTY = {
    "project": QT_TRANSLATE_NOOP("Projects", "The project name is empty."),
    "model": QT_TRANSLATE_NOOP("Projects", "The model name is empty."),
}
_TOO_LONG = {
    "project": QT_TRANSLATE_NOOP("Projects", "The project name is longer than {limit} characters."),
    "model": QT_TRANSLATE_NOOP("Projects", "The model name is longer than {limit} characters."),
}
_CONTROL = {
    "project": QT_TRANSLATE_NOOP("Projects", "The project name contains control characters."),
    "model": QT_TRANSLATE_NOOP("Projects", "The model name contains control characters."),
}


def clean_name(name: str, what: str) -> str:
    """``name`` with its spaces tidied; ``what`` ("project" or "model") names it in the
    messages."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError(translate("Projects", _EMPTY[what]))
    if len(name) > MAX_NAME:
        raise ValidationError(translate("Projects", _TOO_LONG[what]).format(limit=MAX_NAME))
    if any(not ch.isprintable() for ch in name):
        raise ValidationError(translate("Projects", _CONTROL[what]))
    return name


def project_exists(name: str) -> ValidationError:
    """The refusal of a second project with the same name."""
    return ValidationError(
        translate("Projects", "A project named '{name}' exists already.").format(name=name)
    )
