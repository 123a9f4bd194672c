"""Corrections to what FreeCAD's shipped post-processors emit, per controller.

Each fix exists because a controller rejects the line as posted; the notes returned say
what was changed, so the setup sheet and the job output can tell the engineer.
"""

from __future__ import annotations

import re

from cncworkbench.core.i18n import translate
from cncworkbench.core.text import fold

_ARC = re.compile(r"^\s*(?:N\d+\s+)?.*\bG0?[23]\b", re.IGNORECASE)
_PLANE = re.compile(r"\bG(17|18|19)\b(?!\.)", re.IGNORECASE)
# The word for the axis normal to each plane: an arc in G17 may not carry K (LinuxCNC:
# "K word given for arc in xy plane"; Grbl: error 36 "unused words").
_NORMAL_WORD = {"17": "K", "18": "J", "19": "I"}
_FANUC_NAME_LINE = re.compile(
    r"^\S+\s+\(FREECAD-FILENAME-GOES-HERE,\s*JOB-NAME-GOES-HERE\)\s*$", re.IGNORECASE
)


def fix_program(text: str, post_processor: str, program_name: str = "") -> tuple[str, list[str]]:
    """The program with controller-rejected constructs corrected, and what was done."""
    notes: list[str] = []
    lines = text.splitlines()
    plane = "17"
    removed_normal = 0
    for index, line in enumerate(lines):
        code = line.split(";", 1)[0]
        for match in _PLANE.finditer(_strip_comments(code)):
            plane = match.group(1)
        if _ARC.match(_strip_comments(code)):
            word = _NORMAL_WORD[plane]
            fixed = re.sub(rf"\s*\b{word}[-+]?\d*\.?\d+", "", line, flags=re.IGNORECASE)
            if fixed != line:
                lines[index] = fixed
                removed_normal += 1
    if removed_normal:
        notes.append(
            translate(
                "PostFixes",
                "Removed the word for the axis normal to the arc plane (K on G17 arcs) from "
                "{count} arc line(s): the {post} post writes it, LinuxCNC and Grbl reject it.",
            ).format(count=removed_normal, post=post_processor)
        )
    if post_processor == "fanuc":
        for index, line in enumerate(lines):
            if _FANUC_NAME_LINE.match(line):
                # Fanuc comments take plain upper-case ASCII: Turkish letters lose their marks.
                ascii_name = fold(program_name).upper()
                title = re.sub(r"[^A-Z0-9 ._-]", "", ascii_name)[:40] or "CNC WORKBENCH"
                lines[index] = f"O0001 ({title})"
                notes.append(
                    translate(
                        "PostFixes",
                        "Replaced the fanuc post's placeholder program-name line with "
                        "'{line}' (a Fanuc control rejects the file name as a block).",
                    ).format(line=lines[index])
                )
    repeated = _repeat_cycle_words(lines)
    if repeated:
        notes.append(
            translate(
                "PostFixes",
                "Repeated the R plane (and peck Q) on {count} drilling-cycle line(s) that follow "
                "a G0: the {post} post leaves them out, but a G0 ends the cycle and a "
                "control (Fanuc, LinuxCNC) then needs R and Q again.",
            ).format(count=repeated, post=post_processor)
        )
    if post_processor == "grbl":
        pauses = 0
        for index, line in enumerate(lines):
            change = _GRBL_TOOL_CHANGE.match(line)
            if change:
                tool = change.group(1)
                lines[index] = f"M5\nM0 (CHANGE TO T{tool} THEN RESUME)"
                pauses += 1
        if pauses:
            notes.append(
                translate(
                    "PostFixes",
                    "Grbl has no tool changer: the post comments M6 out, so the program would cut "
                    "on with the wrong tool. Each of the {count} tool change(s) now stops the "
                    "spindle and pauses (M5 M0) for the operator.",
                ).format(count=pauses)
            )
    if post_processor == "heidenhain":
        bare = 0
        for index, line in enumerate(lines):
            fixed = re.sub(r"\s+M\s*$", "", line)
            if fixed != line:
                lines[index] = fixed
                bare += 1
        if bare:
            notes.append(
                translate(
                    "PostFixes",
                    "Removed {count} bare 'M' word(s) without a number that the heidenhain post "
                    "writes at line ends (a TNC rejects them).",
                ).format(count=bare)
            )
    ending = "\n" if text.endswith("\n") or lines else ""
    return "\n".join(lines) + ending, notes


_GRBL_TOOL_CHANGE = re.compile(r"^\s*\(\s*M0?6\s+T(\d+)\s*\)\s*$", re.IGNORECASE)
_CYCLE = re.compile(r"\bG(73|8[1-9])\b", re.IGNORECASE)
_MOTION = re.compile(r"\bG0?[0-3]\b(?!\.)", re.IGNORECASE)
_WORD_VALUE = r"\b{}([-+]?\d*\.?\d+)"


def _repeat_cycle_words(lines: list[str]) -> int:
    """Add the last R (and Q for pecking cycles) to cycle blocks that lost them."""
    last: dict[str, str] = {}
    cycle_active = False
    repeated = 0
    for index, line in enumerate(lines):
        code = _strip_comments(line.split(";", 1)[0])
        cycle = _CYCLE.search(code)
        if cycle:
            missing = []
            for letter in ("R", "Q"):
                found = re.search(_WORD_VALUE.format(letter), code, re.IGNORECASE)
                if found:
                    last[letter] = found.group(1)
                elif letter in last and (letter == "R" or cycle.group(1) in ("73", "83")):
                    missing.append(f"{letter}{last[letter]}")
            if missing and not cycle_active:
                lines[index] = line.rstrip() + " " + " ".join(missing)
                repeated += 1
            cycle_active = True
        elif _MOTION.search(code) or re.search(r"\bG80\b", code, re.IGNORECASE):
            cycle_active = False
    return repeated


def _strip_comments(code: str) -> str:
    return re.sub(r"\([^)]*\)", "", code)
