"""The Turkish catalogue is complete, current and consistent.

- every message of ``resources/translations/cncworkbench_tr.ts`` is translated (none
  unfinished, empty or obsolete), with the source's placeholders, ``&&`` and end marks;
- the shipped ``.qm`` is exactly what ``pyside6-lrelease`` makes of the ``.ts``;
- the ``.ts`` holds exactly the strings the code marks for translation (lupdate run again
  into a temporary file), and the code passes no f-strings to ``tr``/``translate``;
- the glossary (``resources/translations/glossary.md``) is followed.

When one fails: run ``scripts/update_translations.sh``, translate what is unfinished, run
it again.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from cncworkbench.core.text import lower

REPOSITORY = Path(__file__).resolve().parents[1]
TRANSLATIONS = REPOSITORY / "resources" / "translations"
TS = TRANSLATIONS / "cncworkbench_tr.ts"
QM = TRANSLATIONS / "cncworkbench_tr.qm"
GLOSSARY = TRANSLATIONS / "glossary.md"
SCRIPT = REPOSITORY / "scripts" / "update_translations.sh"
SOURCE_DIRS = ("cncworkbench",)
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d|&&|</?\w+[^>]*>")

# Messages where a glossary term means something else (context, source): reason.
GLOSSARY_EXCEPTIONS = {
    ("LicensesTab", "Holder"): "the license's holder: lisans sahibi",
    ("LicenseDialog", "Holder:"): "the license's holder: lisans sahibi",
    ("CamSetupPanel", "In stock only"): "tools in the stores: stok",
    ("CamSetupPanel", "Below minimum stock: reorder"): "tools in the stores: stok",
    ("CamSetupPanel", "Only {have} in stock (minimum {minimum})."): "tools in the stores",
    ("CamSetupPanel", "{count} tools are below their minimum stock."): "tools in the stores",
    ("CamSetupPanel", "Stock / minimum"): "tools in the stores: stok",
    ("BrowserPanel", "Search names, or key:value (material:C45)"): "a metadata key, typed as is",
    ("Cam", "{have} in stock, minimum {minimum}"): "tools in the stores: stok",
    ("Erp", "{name} skipped for this pass: {why}"): "a delivery round: bu turda",
    ("AppContext", "{reason}; passwords and logins cannot be remembered on this machine"): (
        "this computer: bilgisayar"
    ),
}


def messages(path: Path = TS) -> list[dict]:
    rows = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            rows.append(
                {
                    "context": name,
                    "source": message.findtext("source"),
                    "translation": translation.text or "",
                    "forms": forms,
                    "type": translation.get("type"),
                }
            )
    return rows


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to {sys.executable}")
    return str(path)


def test_every_message_has_a_finished_turkish_translation():
    problems = []
    for m in messages():
        texts = m["forms"] or [m["translation"]]
        if m["type"] in ("unfinished", "obsolete", "vanished") or not all(t.strip() for t in texts):
            problems.append(f"{m['context']}: {m['source']!r} ({m['type'] or 'empty'})")
    assert problems == [], (
        f"{len(problems)} message(s) not translated; translate them in {TS.name}:\n"
        + "\n".join(problems)
    )


def test_translations_keep_placeholders_markup_and_end_marks():
    problems = []
    for m in messages():
        source = m["source"]
        for translation in m["forms"] or [m["translation"]]:
            if not translation:
                continue  # unfinished: the test above names it
            if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(translation)):
                problems.append(f"placeholders: {source!r} -> {translation!r}")
            for mark in (":", "…", " "):
                if source.endswith(mark) != translation.endswith(mark):
                    problems.append(f"ends with {mark!r}: {source!r} -> {translation!r}")
            if source.startswith(" ") != translation.startswith(" "):
                problems.append(f"leading space: {source!r} -> {translation!r}")
    assert problems == []


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert QM.read_bytes() == compiled.read_bytes(), (
        f"{QM.name} is older than or differs from {TS.name}: run {SCRIPT.relative_to(REPOSITORY)}"
    )


def source_files() -> list[str]:
    return sorted(
        str(path.relative_to(REPOSITORY))
        for folder in SOURCE_DIRS
        for path in (REPOSITORY / folder).rglob("*.py")
    )


def test_the_ts_holds_exactly_the_strings_of_the_code(tmp_path):
    extracted = tmp_path / "extracted_tr.ts"
    listing = tmp_path / "sources.lst"
    listing.write_text("\n".join(source_files()) + "\n")
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
         "-source-language", "en", "-target-language", "tr_TR", f"@{listing}", "-ts",
         str(extracted)],
        cwd=REPOSITORY, check=True, capture_output=True,
    )  # fmt: skip
    in_code = {(m["context"], m["source"]) for m in messages(extracted)}
    shipped = {(m["context"], m["source"]) for m in messages()}
    script = SCRIPT.relative_to(REPOSITORY)
    assert sorted(in_code - shipped) == [], f"new strings in the code: run {script}"
    assert sorted(shipped - in_code) == [], f"strings gone from the code: run {script}"


def test_the_extraction_script_lists_the_same_sources():
    text = SCRIPT.read_text()
    assert "find cncworkbench -name '*.py'" in text and "-locations none" in text


def _translation_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name == "tr" and node.args:
                yield node, node.args[0]
            elif name == "translate" and len(node.args) >= 2:
                yield node, node.args[1]


def test_no_f_strings_are_passed_for_translation():
    """An f-string is looked up with its values filled in, and never found."""
    problems = []
    for relative in source_files():
        tree = ast.parse((REPOSITORY / relative).read_text(encoding="utf-8"))
        for node, text in _translation_calls(tree):
            if isinstance(text, ast.JoinedStr):
                problems.append(f"{relative}:{node.lineno}")
    assert problems == [], "use .format() after tr(), not an f-string: " + ", ".join(problems)


def test_every_literal_passed_for_translation_is_extracted():
    """lupdate misses a ``tr("...")`` written inside an f-string's braces, for one."""
    shipped = {m["source"] for m in messages()}
    missing = []
    for relative in source_files():
        tree = ast.parse((REPOSITORY / relative).read_text(encoding="utf-8"))
        for node, text in _translation_calls(tree):
            literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
            if literal and text.value not in shipped:
                missing.append(f"{relative}:{node.lineno}: {text.value!r}")
    assert missing == [], "not extracted (move it out of the f-string):\n" + "\n".join(missing)


def glossary() -> tuple[list[tuple[list[str], list[str]]], list[str]]:
    """(English regexes, Turkish forms) rows and the words never to use."""
    rows, never = [], []
    text = GLOSSARY.read_text(encoding="utf-8")
    table = text.split("| English (regex) |", 1)[1].split("\n\n", 1)[0]
    for line in table.splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        english, turkish, avoid = cells[0], cells[1], cells[2]
        rows.append(([e.strip() for e in english.split(" / ")],
                     [t.strip() for t in turkish.split(" / ")]))  # fmt: skip
        never += [word.strip() for word in avoid.split(" / ") if word.strip()]
    return rows, never


def test_the_glossary_table_is_read():
    rows, never = glossary()
    assert (["machines?"], ["tezgah"]) in rows and "makine" in never
    assert len(rows) >= 25


def test_translations_use_the_glossary():
    rows, never = glossary()
    problems = []
    for m in messages():
        source = PLACEHOLDER.sub(" ", m["source"])
        translation = lower(m["translation"], "tr")
        for word in never:
            if re.search(rf"(?<!\w){re.escape(lower(word))}", translation):
                problems.append(f"{word!r} in {m['translation']!r}")
        if (m["context"], m["source"]) in GLOSSARY_EXCEPTIONS or not translation:
            continue  # an exception, or unfinished (the first test names it)
        for english, turkish in rows:
            wanted = any(re.search(rf"\b(?:{e})\b", source, re.IGNORECASE) for e in english)
            found = any(re.search(rf"(?<!\w){re.escape(lower(t))}", translation) for t in turkish)
            if wanted and not found:
                problems.append(f"{m['source']!r} -> {m['translation']!r}: wants {turkish}")
    assert problems == [], "\n".join(problems)
