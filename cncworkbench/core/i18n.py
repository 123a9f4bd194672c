"""Messages for people, in the reader's language, without Qt.

The panels translate through Qt (``cncworkbench.ui.i18n``); everything below them (errors
of the services, CLI output, the CAM check's problems, simulation findings, worker
failures) calls :func:`translate` here, spelt ``translate("Context", "English text")`` with
literal arguments so that ``pyside6-lupdate`` extracts it into the same catalogue
(``resources/translations/cncworkbench_<language>.ts``). The catalogue is read from the
``.ts`` itself (XML, a few milliseconds, once per process), so the CLI and the workers
need no Qt.

Placeholders are ``str.format`` names: ``translate("Billing", "Invoice {number} is
paid").format(number=...)``, never an f-string (it would be looked up with its values in).

What is stored and read later by someone else (a simulation finding an operator reviews)
is kept as a :class:`Message`, the English source and its values, and rendered in the
reader's language when shown.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cncworkbench.core import localefmt
from cncworkbench.errors import ValidationError

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
CATALOG = "cncworkbench"

_catalogs: dict[str, dict[tuple[str, str, str], str]] = {}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction; translate it where it is shown."""
    return text


def catalog_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOG}_{language}.ts"


def _load(language: str) -> dict[tuple[str, str, str], str]:
    """(context, source, disambiguation) → finished translation; {} without a catalogue."""
    catalog: dict[tuple[str, str, str], str] = {}
    try:
        root = ET.parse(catalog_path(language)).getroot()
    except (OSError, ET.ParseError):
        return catalog  # English, or a damaged install: the English source is shown
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            text = forms[0] if forms else (translation.text or "")
            if text:
                key = (name, message.findtext("source") or "", message.findtext("comment") or "")
                catalog[key] = text
    return catalog


def translate(
    context: str,
    text: str,
    disambiguation: str | None = None,
    n: int = -1,
    language: str | None = None,
) -> str:
    """``text`` in ``language`` (default: :func:`localefmt.current`); the English source
    when the catalogue has no finished translation. ``%n`` becomes ``n``."""
    language = localefmt.normalise(language) or localefmt.current()
    result = text
    if language != "en":
        if language not in _catalogs:
            _catalogs[language] = _load(language)
        result = _catalogs[language].get((context, text, disambiguation or ""), text)
    if n >= 0:
        result = result.replace("%n", localefmt.integer(n, language))
    return result


def number(value: float | int, decimals: int = 3, language: str | None = None) -> str:
    """A quantity inside a sentence: ``2,5`` in Turkish, ``2.5`` in English (at most
    ``decimals`` decimals, trailing zeros dropped, no thousands grouping: like ``{:g}``)."""
    return localefmt.number(value, decimals, language, trim=True, grouping=False)


def document_language(language: str | None, default: str) -> str:
    """The language a user chose for a document (``tr``/``en``, any spelling
    :func:`localefmt.normalise` reads), ``default`` when None; ValidationError naming the
    choices for anything else."""
    if language is None:
        return default
    known = localefmt.normalise(language)
    if known is None:
        raise ValidationError(
            translate("Documents", "A document prints in {languages}, not '{language}'.").format(
                languages=", ".join(localefmt.LANGUAGES), language=str(language)[:20]
            )
        )
    return known


def _shown(value: Any, language: str) -> str:
    """A value inside a message: numbers written the reader's way, the rest as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return str(value)  # counts, line and tool numbers: no grouping
    return number(value, 3, language)


@dataclass(frozen=True)
class Message:
    """A sentence kept to be shown later, in whoever reads it's language.

    ``source`` is the English text with ``{name}`` placeholders (marked for extraction
    with :func:`QT_TRANSLATE_NOOP` under ``context``); ``params`` are its values: floats are
    written with the reader's decimal mark (3 decimals at most, trailing zeros dropped),
    strings as they are (G-code words such as ``X12.500`` are not localised).
    """

    context: str
    source: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        language = localefmt.normalise(language) or localefmt.current()
        template = translate(self.context, self.source, language=language)
        values = {key: _shown(value, language) for key, value in self.params.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return self.source.format(**values)  # a translation that lost a placeholder

    def __str__(self) -> str:
        return self.text()

    def as_dict(self) -> dict:
        return {"context": self.context, "source": self.source, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: Any) -> Message | None:
        """The message stored by :meth:`as_dict`; None for anything else."""
        if not isinstance(data, Mapping):
            return None
        context, source, params = data.get("context"), data.get("source"), data.get("params")
        if not isinstance(context, str) or not isinstance(source, str):
            return None
        return cls(context, source, params if isinstance(params, Mapping) else {})
