"""The heidenhain post's Klartext made right for a TNC (core.klartext through
post_fixes): feeds in mm/min, a named program, the spindle started after TOOL CALL.
The input is shaped as FreeCAD 0.20's heidenhain_post.py writes it (block numbers, the
spindle start on the first rapid, which the fixture's clearance move makes before the
tool controller's TOOL CALL, feeds in FreeCAD's mm/s)."""

from __future__ import annotations

from cncworkbench.core.post_fixes import fix_program

POSTED = """0 BEGIN PGM MM
1 BLK FORM 0.1 Z X-2.000 Y-2.000 Z-1.000
2 BLK FORM 0.2 X82.000 Y52.000 Z21.000
3 L Z+26.000 R0 FMAX M3
4 TOOL CALL 1 Z S8000 ;T1: 10 mm flat
5 L X+5.000 Y+5.000 R0 FMAX
6 L Z+19.000 R0 F5
7 L X+75.000 R0 F26
8 CYCL DEF 200 DRILLING ~
  Q200=+2.000 ;SET-UP CLEARANCE ~
  Q201=-20.000 ;DEPTH ~
  Q206=+2.5 ;FEED RATE FOR PLUNGING ~
  Q202=+6.000 ;PLUNGING DEPTH
9 L Z+26.000 R0 FMAX M5
10 END PGM MM
"""


def test_feeds_name_and_spindle_start_are_what_a_tnc_needs():
    text, notes = fix_program(POSTED, "heidenhain", "Flanş plakası")
    lines = text.splitlines()
    assert lines[0] == "0 BEGIN PGM FLANS_PLAKASI MM"
    assert lines[-1] == "10 END PGM FLANS_PLAKASI MM"
    # mm/s × 60: F26 → F1560 (the LinuxCNC program's feed), F5 → F300; FMAX stays
    assert lines[6] == "6 L Z+19.000 R0 F300"
    assert lines[7] == "7 L X+75.000 R0 F1560"
    assert "  Q206=+150 ;FEED RATE FOR PLUNGING ~" in lines
    assert lines[3] == "3 L Z+26.000 R0 FMAX"  # no spindle start before the tool is called
    assert lines[4].startswith("4 TOOL CALL 1 Z S8000")
    assert lines[5] == "5 L X+5.000 Y+5.000 R0 FMAX M3"
    assert lines[-2] == "9 L Z+26.000 R0 FMAX M5"
    assert len(lines) == len(POSTED.splitlines())  # block numbers still in order
    assert len(notes) == 3 and any("60 times too slow" in note for note in notes)


def test_other_posts_are_left_alone():
    text, notes = fix_program("G1 X1 F26\nM3 S1000\n", "linuxcnc")
    assert text == "G1 X1 F26\nM3 S1000\n" and notes == []
