"""Messages for people, in the reader's language, without Qt.

The panels translate through Qt (``cncworkbench.ui.i18n``); everything below them (errors
of the services, CLI output, the CAM check's problems, simulation findings, worker
failures) calls :func:`translate` here, spelt ``translate("Context", "English text")`` with
literal arguments so that ``pyside6-lupdate`` extracts it into the same catalogue
(``resources/translations/cncworkbench_<language>.ts``). The catalogue is read from its
compiled ``.qm`` (what ``pyside6-lrelease`` makes of the ``.ts``; the tests check they
agree), looked up the way Qt's ``QTranslator`` does, one message at a time: a command
that translates a few messages does not pay for reading thousands (the ``.ts`` is parsed
only when the ``.qm`` is missing or damaged). The CLI and the workers need no Qt.

Placeholders are ``str.format`` names: ``translate("Billing", "Invoice {number} is
paid").format(number=...)``, never an f-string (it would be looked up with its values in).

What is stored and read later by someone else (a simulation finding an operator reviews)
is kept as a :class:`Message`, the English source and its values, and rendered in the
reader's language when shown.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cncworkbench.core import localefmt
from cncworkbench.errors import ValidationError

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
CATALOG = "cncworkbench"

_catalogs: dict[str, Catalog] = {}
_UNREAD = object()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction; translate it where it is shown."""
    return text


def catalog_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOG}_{language}.ts"


def compiled_catalog_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOG}_{language}.qm"


_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
# .qm sections and message record tags (Qt's qtranslator.cpp)
_QM_HASHES, _QM_MESSAGES = 0x42, 0x69
_TAG_END, _TAG_TRANSLATION, _TAG_OBSOLETE1 = 1, 3, 5
_TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 6, 7, 8
_NULL_LENGTH = 0xFFFFFFFF


def _elf_hash(data: bytes, h: int = 0) -> int:
    """Qt's elfHash_continue: the hash a .qm files its messages under."""
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g
    return h


class Catalog:
    """One language's translations: (context, source, disambiguation) → translation, each
    answer kept once found (:func:`translate` reads :attr:`answers` first)."""

    _MAX_ANSWERS = 100_000  # keys are the program's messages; this only bounds a misuse

    def __init__(self, find: Callable[[str, str, str], str | None], size: int):
        self._find = find
        self.size = size
        self.answers: dict[tuple[str, str, str], str | None] = {}

    def __len__(self) -> int:
        return self.size

    def get(self, key: tuple[str, str, str], default: str | None = None) -> str | None:
        found = self.answers.get(key, _UNREAD)
        if found is _UNREAD:
            found = self.look_up(key)
        return default if found is None else found

    def look_up(self, key: tuple[str, str, str]) -> str | None:
        if len(self.answers) >= self._MAX_ANSWERS:
            self.answers.clear()
        found = self.answers[key] = self._find(*key)
        return found


class CompiledCatalog:
    """A ``.qm`` file read message by message as Qt's ``QTranslator`` reads it: binary
    search of the hash of source and comment in its hash table, then the records filed
    under it compared. Only the first form of a plural is given (``%n`` is filled by
    :func:`translate`)."""

    def __init__(self, data: bytes):
        if data[:16] != _QM_MAGIC:
            raise ValueError("not a .qm file")
        sections: dict[int, memoryview] = {}
        view = memoryview(data)
        position = 16
        while position + 5 <= len(data):
            tag = data[position]
            length = int.from_bytes(data[position + 1 : position + 5], "big")
            sections[tag] = view[position + 5 : position + 5 + length]
            position += 5 + length
        if position != len(data) or _QM_MESSAGES not in sections:
            raise ValueError("damaged .qm file")
        table = array("I")
        table.frombytes(sections.get(_QM_HASHES, b""))
        if sys.byteorder == "little":
            table.byteswap()  # the file is big-endian
        self._hashes = table[0::2]
        self._offsets = table[1::2]
        self._messages = sections[_QM_MESSAGES].tobytes()

    def __len__(self) -> int:
        return len(self._hashes)

    def find(self, context: str, source: str, comment: str) -> str | None:
        wanted = (context.encode(), source.encode(), comment.encode())
        h = _elf_hash(wanted[2], _elf_hash(wanted[1])) or 1
        hashes = self._hashes
        index = bisect_left(hashes, h)
        while index < len(hashes) and hashes[index] == h:
            try:
                text = self._message(self._offsets[index], wanted)
            except ValueError:  # a damaged record (its text not UTF-16): not this one
                text = None
            if text is not None:
                return text
            index += 1
        return None

    def _message(self, at: int, wanted: tuple[bytes, bytes, bytes]) -> str | None:
        """The translation of the record at ``at`` when it is ``wanted`` (context, source,
        comment), else None."""
        data = self._messages
        found = {_TAG_COMMENT: b""}
        translation = None
        while at < len(data):
            tag = data[at]
            at += 1
            if tag == _TAG_END:
                break
            if tag == _TAG_OBSOLETE1:
                at += 4
                continue
            length = int.from_bytes(data[at : at + 4], "big")
            at += 4
            if tag == _TAG_TRANSLATION:
                if length == _NULL_LENGTH or length & 1:
                    return None
                if translation is None:  # the first plural form
                    translation = data[at : at + length].decode("utf-16-be")
            elif tag in (_TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT):
                found[tag] = data[at : at + length]
            else:
                return None  # a record this reader does not know: not a match
            at += length
        if (found.get(_TAG_CONTEXT), found.get(_TAG_SOURCE), found[_TAG_COMMENT]) != wanted:
            return None
        return translation or None


def _load(language: str) -> Catalog:
    """The catalogue of ``language``: its ``.qm``; the ``.ts`` when there is no ``.qm`` or
    it is damaged; empty without either (the English source is shown)."""
    try:
        compiled = CompiledCatalog(compiled_catalog_path(language).read_bytes())
    except (OSError, ValueError):
        source = _load_source(language)
        return Catalog(lambda *key: source.get(key), len(source))
    return Catalog(compiled.find, len(compiled))


def _load_source(language: str) -> dict[tuple[str, str, str], str]:
    """The catalogue read from the ``.ts`` (XML)."""
    import xml.etree.ElementTree as ET

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
        catalog = _catalogs.get(language)
        if catalog is None:
            catalog = _catalogs[language] = _load(language)
        key = (context, text, disambiguation or "")
        found = catalog.answers.get(key, _UNREAD)
        if found is _UNREAD:
            found = catalog.look_up(key)
        if found is not None:
            result = found
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
