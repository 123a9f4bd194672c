"""Corrections to what FreeCAD's shipped post-processors emit, per controller.

Each fix exists because a controller rejects the line as posted; the notes returned say
what was changed, so the setup sheet and the job output can tell the engineer.
"""

from __future__ import annotations

import re

from cncworkbench.core import klartext
from cncworkbench.core.i18n import translate
from cncworkbench.core.text import fold

_ARC = re.compile(r"^\s*(?:N\d+\s+)?.*\bG0?[23]\b", re.IGNORECASE)
_PLANE = re.compile(r"\bG(17|18|19)\b(?!\.)", re.IGNORECASE)
# The word for the axis normal to each plane: an arc in G17 may not carry K (LinuxCNC:
# "K word given for arc in xy plane"; Grbl: error 36 "unused words").
_NORMAL_WORD = {"17": "K", "18": "J", "19": "I"}
# The post's "(Output Time:2026-12-04 08:18:41.867822)" header comment (";Output Time:"
# in centroid/nccad, "'Output Time:" in opensbp): the only thing in a posted program that
# is not a function of its inputs. Dropped, so the same setup always gives the same bytes
# (and the same SHA-256) from `cam run`, a worker or the GUI; when it was posted is kept
# with the run (cam_runs.created_at, the audit log).
_OUTPUT_TIME = re.compile(r"^\s*(?:N\d+\s*)?[(;']\s*Output Time\s*:.*$", re.IGNORECASE)
_FANUC_NAME_LINE = re.compile(
    r"^\S+\s+\(FREECAD-FILENAME-GOES-HERE,\s*JOB-NAME-GOES-HERE\)\s*$", re.IGNORECASE
)


def fix_program(text: str, post_processor: str, program_name: str = "") -> tuple[str, list[str]]:
    """The program with controller-rejected constructs corrected, and what was done."""
    notes: list[str] = []
    lines = [line for line in text.splitlines() if not _OUTPUT_TIME.match(line)]
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
        # Fanuc comments take plain upper-case ASCII: Turkish letters lose their marks.
        ascii_name = fold(program_name).upper()
        title = re.sub(r"[^A-Z0-9 ._-]", "", ascii_name)[:40] or "CNC WORKBENCH"
        if not any(_FANUC_NAME_LINE.match(line) for line in lines):
            # FreeCAD 1.x writes no program number at all: a Fanuc control needs one
            start = 1 if lines and lines[0].strip() == "%" else 0
            lines.insert(start, f"O0001 ({title})")
        for index, line in enumerate(lines):
            if _FANUC_NAME_LINE.match(line):
                lines[index] = f"O0001 ({title})"
                # The program number opens the program, right after the leading '%' (FreeCAD
                # 1.x writes its "POST PROCESSOR" comment first).
                start = 1 if lines and lines[0].strip() == "%" else 0
                lines.insert(start, lines.pop(index))
                index = start
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
        notes.extend(klartext.fix_heidenhain(lines, program_name))
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
    if post_processor == "uccnc":
        lines, uccnc_notes = _fix_uccnc(lines)
        notes += uccnc_notes
    if post_processor == "centroid":
        lines, centroid_notes = _fix_centroid(lines)
        notes += centroid_notes
    ending = "\n" if text.endswith("\n") or lines else ""
    return "\n".join(lines) + ending, notes


_UCCNC_PROGRAM_NAME = re.compile(r"^\s*%\s*(\S+)\s*$")


def _fix_uccnc(lines: list[str]) -> tuple[list[str], list[str]]:
    """The uccnc post opens with ``%prog1``: UCCNC needs no program-name line, and
    LinuxCNC's rs274 (like our reader) takes ``%`` only alone on its line."""
    notes = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        found = _UCCNC_PROGRAM_NAME.match(line)
        if found and found.group(1) != "":
            name = re.sub(r"[()]", "", found.group(1))
            lines[index] = f"({name})"
            notes.append(
                translate(
                    "PostFixes",
                    "Turned the uccnc post's first line '{line}' into a comment: UCCNC needs "
                    "no program-name line, and a '%' followed by text is refused by "
                    "LinuxCNC-dialect readers.",
                ).format(line=line.strip())
            )
        break
    return lines, notes


_CENTROID_Z_HOME = re.compile(r"^(\s*(?:N\d+\s+)?)M25\b(.*)$", re.IGNORECASE)
_CENTROID_END = re.compile(r"^(\s*(?:N\d+\s+)?)M99\b(.*)$", re.IGNORECASE)
_CENTROID_H0 = re.compile(r"^(\s*(?:N\d+\s+)?G49)\s+H0*\b(.*)$", re.IGNORECASE)


def _fix_centroid(lines: list[str]) -> tuple[list[str], list[str]]:
    """The centroid post ends with ``M25`` (Z to machine home), ``G49 H0`` and ``M99``.
    ``G53 G0 Z0`` is the same Z-home move in words every Centroid and LinuxCNC-dialect
    control reads, ``G49`` alone cancels the tool length, and ``M30`` ends the program
    (``M99`` in a main program restarts it on LinuxCNC and Fanuc-style controls)."""
    changed = 0
    for index, line in enumerate(lines):
        fixed = _CENTROID_Z_HOME.sub(r"\1G53 G0 Z0\2", line)
        fixed = _CENTROID_H0.sub(r"\1\2", fixed)
        fixed = _CENTROID_END.sub(r"\1M30\2", fixed)
        if fixed != line:
            lines[index] = fixed.rstrip()
            changed += 1
    notes = []
    if changed:
        notes.append(
            translate(
                "PostFixes",
                "Rewrote {count} line(s) of the centroid post's ending: M25 (Z home) as "
                "G53 G0 Z0, G49 H0 as G49, and M99 as M30 (end of program), which Centroid "
                "and LinuxCNC-dialect controls all read.",
            ).format(count=changed)
        )
    return lines, notes


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
