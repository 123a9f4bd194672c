"""Messages below the panels: what translating them costs (core.i18n, no Qt).

Cold start: opening the Turkish catalogue (the ``.qm``, read message by message) and its
first lookup, against a baseline of parsing the ``.ts`` with ElementTree alone. Per
message: a Turkish lookup plus ``str.format`` against the English path (no lookup) of the
same message, and a stored simulation finding rendered in Turkish (``Message.text``,
numbers localised) against the same finding in English.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bench.timing import median_of
from cncworkbench.core import i18n

MESSAGES = 100_000
REPEATS = 7
SOURCE = "G0 rapid cuts {depth} mm of stock near {at}: make this move a G1 feed, or move above the stock first."  # noqa: E501


def _per_message(language: str) -> float:
    def work():
        for n in range(MESSAGES):
            i18n.translate("Findings", SOURCE, language=language).format(depth=n, at="X1 Y2 Z3")

    seconds, _ = median_of(work, REPEATS)
    return seconds / MESSAGES * 1e6


def _finding(language: str) -> float:
    kept = i18n.Message("Findings", SOURCE, {"depth": 2.5, "at": "X1.000 Y2.000 Z-2.500"})

    def work():
        for _ in range(MESSAGES):
            kept.text(language)

    seconds, _ = median_of(work, REPEATS)
    return seconds / MESSAGES * 1e6


def run() -> dict:
    path = i18n.catalog_path("tr")
    parse_s, _ = median_of(lambda: ET.parse(path), REPEATS)

    def cold():
        i18n._catalogs.clear()
        return i18n.translate("Panel", "Retry", language="tr")

    load_s, answer = median_of(cold, REPEATS)
    assert answer == "Yeniden dene", answer
    messages = len(i18n._catalogs["tr"])
    english_us, turkish_us = _per_message("en"), _per_message("tr")
    finding_en, finding_tr = _finding("en"), _finding("tr")
    lines = [
        f"catalogue of {messages:,} messages ({path.stat().st_size / 1e6:.2f} MB .ts): "
        f"baseline ElementTree parse {parse_s * 1000:.1f} ms, our load {load_s * 1000:.1f} ms "
        f"(x{load_s / parse_s:.2f}), once per process",
        f"a message, median of {REPEATS} x {MESSAGES:,}: English (no lookup) "
        f"{english_us:.2f} µs, Turkish {turkish_us:.2f} µs (x{turkish_us / english_us:.2f})",
        f"a stored finding rendered: English {finding_en:.2f} µs, Turkish {finding_tr:.2f} µs "
        f"(x{finding_tr / finding_en:.2f})",
    ]
    return {
        "catalogue_messages": messages,
        "parse_ms": parse_s * 1000,
        "load_ms": load_s * 1000,
        "english_us": english_us,
        "turkish_us": turkish_us,
        "finding_en_us": finding_en,
        "finding_tr_us": finding_tr,
        "lines": lines,
    }
