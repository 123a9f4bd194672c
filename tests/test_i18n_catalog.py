"""The catalogue below the panels (``core.i18n``) is read from the compiled ``.qm`` one
message at a time, the way Qt's QTranslator reads it: it must answer exactly what the
``.ts`` says, and fall back to the ``.ts`` when the ``.qm`` is missing or damaged."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cncworkbench.core import i18n

REPOSITORY = Path(__file__).resolve().parents[1]
TRANSLATIONS = REPOSITORY / "resources" / "translations"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"

# A catalogue with what the shipped one may hold one day: the same source in two contexts
# and under two disambiguations, a plural, non-ASCII and XML escapes, line breaks.
SMALL_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context><name>Cli</name>
  <message><source>Open</source><translation>Aç</translation></message>
  <message><source>Open</source><comment>state</comment><translation>Açık</translation></message>
  <message numerus="yes"><source>%n file(s)</source>
    <translation><numerusform>%n dosya</numerusform></translation></message>
  <message><source>Tool &lt;{name}&gt; &amp; "ş"
second line</source><translation>Takım &lt;{name}&gt; &amp; "ş"
ikinci satır</translation></message>
</context>
<context><name>Panel</name>
  <message><source>Open</source><translation>Aç (panel)</translation></message>
  <message><source>Not yet</source><translation type="unfinished"></translation></message>
</context>
</TS>
"""


@pytest.fixture
def catalog_dir(tmp_path, monkeypatch):
    """core.i18n reads its catalogues from ``tmp_path`` (and forgets what it read)."""
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_catalogs", {})
    return tmp_path


def _compile(ts: Path, qm: Path) -> None:
    if not LRELEASE.exists():
        pytest.skip(f"pyside6-lrelease is not installed next to {sys.executable}")
    subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(qm)], check=True)


def test_the_shipped_qm_answers_every_message_as_the_ts():
    source = i18n._load_source("tr")
    compiled = i18n.CompiledCatalog(i18n.compiled_catalog_path("tr").read_bytes())
    assert len(source) > 2000 and len(compiled) == len(source)
    assert {key: compiled.find(*key) for key in source} == source
    # what is not in it, even where only the context, the disambiguation or a letter differs
    context, text, comment = next(iter(source))
    assert compiled.find(context + "X", text, comment) is None
    assert compiled.find(context, text, comment + "x") is None
    assert compiled.find(context, text[:-1], comment) is None
    assert compiled.find("Cli", "No such message here.", "") is None


def test_a_compiled_catalogue_answers_as_qt_files_it(catalog_dir):
    (catalog_dir / "cncworkbench_tr.ts").write_text(SMALL_TS, encoding="utf-8")
    _compile(catalog_dir / "cncworkbench_tr.ts", catalog_dir / "cncworkbench_tr.qm")
    compiled = i18n.CompiledCatalog((catalog_dir / "cncworkbench_tr.qm").read_bytes())
    assert compiled.find("Cli", "Open", "") == "Aç"
    assert compiled.find("Cli", "Open", "state") == "Açık"
    assert compiled.find("Panel", "Open", "") == "Aç (panel)"
    assert compiled.find("Panel", "Open", "state") is None
    assert compiled.find("Panel", "Not yet", "") is None  # no translation
    assert compiled.find("Cli", 'Tool <{name}> & "ş"\nsecond line', "") == (
        'Takım <{name}> & "ş"\nikinci satır'
    )
    assert i18n.translate("Cli", "%n file(s)", n=1200, language="tr") == "1.200 dosya"
    assert i18n.translate("Cli", "Open", "state", language="tr") == "Açık"
    assert i18n.translate("Cli", "Open", language="en") == "Open"
    assert type(i18n._catalogs["tr"]._find.__self__) is i18n.CompiledCatalog  # read the .qm


def test_a_damaged_record_is_no_answer_and_no_failure():
    shipped = bytearray((TRANSLATIONS / "cncworkbench_tr.qm").read_bytes())
    compiled = i18n.CompiledCatalog(bytes(shipped))
    key = ("Panel", "Retry", "")
    wanted = tuple(part.encode() for part in key)
    offset = next(
        offset
        for h, offset in zip(compiled._hashes, compiled._offsets, strict=True)
        if h == compiled_hash(key) and compiled._message(offset, wanted) is not None
    )
    at = bytes(shipped).index(compiled._messages[offset : offset + 64])
    assert shipped[at] == i18n._TAG_TRANSLATION
    shipped[at + 1 : at + 5] = (7).to_bytes(4, "big")  # the translation's length: odd
    assert i18n.CompiledCatalog(bytes(shipped)).find(*key) is None
    assert compiled.find(*key) == "Yeniden dene"


def compiled_hash(key: tuple[str, str, str]) -> int:
    return i18n._elf_hash(key[2].encode(), i18n._elf_hash(key[1].encode())) or 1


@pytest.mark.parametrize("qm", ["missing", "empty", "truncated", "not a catalogue"])
def test_without_a_sound_qm_the_ts_is_read(catalog_dir, qm):
    shutil.copy(TRANSLATIONS / "cncworkbench_tr.ts", catalog_dir)
    shipped = (TRANSLATIONS / "cncworkbench_tr.qm").read_bytes()
    damaged = {
        "empty": b"",
        "truncated": shipped[: len(shipped) // 2],
        "not a catalogue": b"<TS>" + shipped[4:],
    }
    if qm in damaged:
        (catalog_dir / "cncworkbench_tr.qm").write_bytes(damaged[qm])
    assert i18n.translate("Panel", "Retry", language="tr") == "Yeniden dene"
    assert len(i18n._catalogs["tr"]) > 2000
    assert not isinstance(
        getattr(i18n._catalogs["tr"]._find, "__self__", None), i18n.CompiledCatalog
    )


def test_without_any_catalogue_the_english_is_shown(catalog_dir):
    assert i18n.translate("Panel", "Retry", language="tr") == "Retry"
    assert i18n.translate("Cli", "%n file(s)", n=3, language="tr") == "3 file(s)"
