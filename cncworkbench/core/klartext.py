"""Corrections to FreeCAD's heidenhain post (Klartext) that a TNC needs (issue #21).

* Feeds: FreeCAD's paths hold feeds in mm/s, and the 0.20 heidenhain post writes them as
  they are; a TNC reads ``F`` (and a cycle's ``Q206`` plunge feed) in mm/min, so the
  program would run 60 times too slow. Every ``F`` value (not ``FMAX``) and ``Q206`` is
  multiplied by 60.
* ``BEGIN PGM MM`` / ``END PGM MM`` carry no name; a TNC needs one (letters, digits and
  underscores: the program's name folded to ASCII).
* The post starts the spindle (``M3``/``M4``) on the first rapid, which comes before the
  first ``TOOL CALL``: the start moves to the first move after the ``TOOL CALL``.
"""

from __future__ import annotations

import re

from cncworkbench.core.i18n import translate
from cncworkbench.core.text import fold

_NUMBER = r"^(\s*\d+\s+)?"  # the post's optional block number
_FEED = re.compile(r"(?<![A-Z])F([-+]?\d*\.?\d+)(?![A-Z\d])")
_Q206 = re.compile(r"\bQ206\s*=\s*([-+]?\d*\.?\d+)")
_PGM = re.compile(_NUMBER + r"(BEGIN|END)\s+PGM\s+(MM|INCH)\s*$", re.IGNORECASE)
_TOOL_CALL = re.compile(_NUMBER + r"TOOL\s+CALL\b", re.IGNORECASE)
_SPINDLE_ON = re.compile(r"\s+M0?([34])\b")
_MOVE = re.compile(_NUMBER + r"L\b")


def _minute(match: re.Match, prefix: str) -> str:
    value = float(match.group(1)) * 60.0
    return f"{prefix}{value:.0f}" if value >= 10 else f"{prefix}{value:.3f}"


def fix_heidenhain(lines: list[str], program_name: str) -> list[str]:
    """Correct ``lines`` in place (see the module documentation); what was done."""
    notes: list[str] = []
    feeds = 0
    for index, line in enumerate(lines):
        code, semicolon, comment = line.partition(";")
        fixed = _FEED.sub(lambda m: _minute(m, "F"), code)
        fixed = _Q206.sub(lambda m: _minute(m, "Q206=+"), fixed)
        if fixed != code:
            feeds += 1
            lines[index] = fixed + semicolon + comment
    if feeds:
        notes.append(
            translate(
                "PostFixes",
                "Wrote the feeds of {count} line(s) in mm/min: the heidenhain post writes "
                "FreeCAD's mm/s, which a TNC would run 60 times too slow.",
            ).format(count=feeds)
        )
    name = re.sub(r"[^A-Z0-9_]", "_", fold(program_name).upper()).strip("_")[:20] or "CNC_PROGRAM"
    named = 0
    for index, line in enumerate(lines):
        match = _PGM.match(line)
        if match:
            lines[index] = f"{match.group(1) or ''}{match.group(2).upper()} PGM {name} " + (
                match.group(3).upper()
            )
            named += 1
    if named:
        notes.append(
            translate(
                "PostFixes",
                "Named the program {name} in BEGIN PGM and END PGM (the heidenhain post leaves "
                "the name out, which a TNC refuses).",
            ).format(name=name)
        )
    first_call = next((i for i, line in enumerate(lines) if _TOOL_CALL.match(line)), None)
    if first_call is not None:
        started = None
        for index in range(first_call):
            code, semicolon, comment = lines[index].partition(";")
            found = _SPINDLE_ON.search(code)
            if found:
                started = found.group(1)
                lines[index] = _SPINDLE_ON.sub("", code, count=1) + semicolon + comment
        if started is not None:
            after = next(
                (i for i in range(first_call + 1, len(lines)) if _MOVE.match(lines[i])), None
            )
            if after is None:
                lines.insert(first_call + 1, f"L M{started}")
            else:
                code, semicolon, comment = lines[after].partition(";")
                if not re.search(r"\bM\d+", code):
                    code = code.rstrip() + f" M{started}"
                    lines[after] = code + (" " if semicolon else "") + semicolon + comment
                else:
                    lines.insert(first_call + 1, f"L M{started}")
            notes.append(
                translate(
                    "PostFixes",
                    "Moved the spindle start (M{m}) after the first TOOL CALL: the heidenhain "
                    "post starts the spindle before the tool is called.",
                ).format(m=started)
            )
    return notes
