"""The CAM core speaks the reader's language: G-code errors and warnings, the setup's
problems, the cutting data's warnings and sources, and the post fixes' notes come in
Turkish with decimal commas for a Turkish reader and unchanged in English; G-code words
(X1.2.3, G43 H3, M5 M0), line and tool numbers stay as they are in both."""

from __future__ import annotations

import dataclasses

import pytest

from cncworkbench.core import localefmt
from cncworkbench.core.cam_plan import Box, CamPlan, Operation, ToolSpec, check_plan
from cncworkbench.core.feeds import CutInputs, FeedsError, compute
from cncworkbench.core.gcode import GCodeError, interpret
from cncworkbench.core.post_fixes import fix_program

DRILL = ToolSpec(
    number=2, name="6 mm drill", type="drill", diameter_mm=6, flute_length_mm=57,
    length_mm=70, shank_diameter_mm=6, rpm=4000, feed_mm_min=400, plunge_mm_min=400,
)  # fmt: skip
CUT = CutInputs(
    vc_m_min=200, fz_mm=0.05, diameter_mm=6.35, flutes=4, kc_n_mm2=2000, ae_mm=2, ap_mm=10,
    max_rpm=8000,
)  # fmt: skip


def error_of(text: str, language: str) -> GCodeError:
    with localefmt.speaking(language), pytest.raises(GCodeError) as info:
        interpret(text)
    return info.value


def test_an_arc_whose_end_is_off_the_circle_names_the_line_and_both_radii():
    text = "F100\nG0 X0 Y0\nG2 X10 Y0 I2.5 J0\n"
    english, turkish = error_of(text, "en"), error_of(text, "tr")
    assert str(english) == (
        "line 3: G2 end point is not on the arc: radius 2.5 at the start, 7.5 at the end "
        "(check the centre)"
    )
    assert str(turkish) == (
        "satır 3: G2 bitiş noktası yayın üzerinde değil: yarıçap başta 2,5, sonda 7,5 "
        "(merkezi kontrol edin)"
    )
    assert turkish.line == english.line == 3


def test_a_malformed_number_keeps_its_g_code_word_in_both_languages():
    assert str(error_of("G0 X1.2.3\n", "en")) == "line 1: bad number X1.2.3"
    assert str(error_of("G0 X1.2.3\n", "tr")) == "satır 1: hatalı sayı X1.2.3"
    assert str(error_of("G0 X1\nG95\n", "tr")) == (
        "satır 2: G95 (devir başına ilerleme) desteklenmiyor"
    )
    assert str(error_of("G0 X1\nG95\n", "en")) == (
        "line 2: G95 (feed per revolution) is not supported"
    )


def test_interpreter_warnings_are_in_the_readers_language():
    with localefmt.speaking("tr"):
        turkish = interpret("G43 H3\nG0 X1\n").warnings
    with localefmt.speaking("en"):
        english = interpret("G43 H3\nG0 X1\n").warnings
    assert english == [
        "line 1: G43 H3: no tool table given, tool length taken as 0",
        "line 2: the program does not end with M2, M30 or %",
    ]
    assert turkish == [
        "satır 1: G43 H3: takım tablosu verilmedi, takım boyu 0 alındı",
        "satır 2: program M2, M30 veya % ile bitmiyor",
    ]


def problems_of(plan: CamPlan, language: str) -> list[str]:
    with localefmt.speaking(language):
        return [problem.message for problem in check_plan(plan)]


def test_setup_problems_name_sizes_with_the_readers_decimal_mark():
    plan = CamPlan(
        post_processor="linuxcnc",
        stock=Box([0, 0, 0], [700.5, 50, 20.25]),
        tools=[DRILL],
        operations=[Operation("pocket", 2)],
        machine={"envelope_mm": [600, 400, 300]},
    )
    assert problems_of(plan, "en") == [
        "The stock is 700.5 mm in X, more than the machine's 600 mm travel.",
        "1. Pocket: T2 is a drill; it cannot mill a pocket.",
    ]
    assert problems_of(plan, "tr") == [
        "Ham parça X ekseninde 700,5 mm; tezgahın 600 mm kursundan fazla.",
        "1. Cep: T2 bir matkap; cep işlemi yapamaz.",
    ]


def test_an_unknown_tool_in_an_operation_is_named_in_both_languages():
    plan = CamPlan("linuxcnc", Box([0, 0, 0], [10, 10, 10]), [], [Operation("profile", 7)])
    assert problems_of(plan, "en") == ["Operation uses tool T7, which is not in the tool list"]
    assert problems_of(plan, "tr") == [
        "İşlem T7 takımını kullanıyor, ama bu takım takım listesinde yok"
    ]


def test_cutting_data_warnings_and_sources_in_turkish_and_english():
    with localefmt.speaking("en"):
        english = compute(CUT)
    with localefmt.speaking("tr"):
        turkish = compute(CUT)
    assert english.sources["rpm"] == (
        "1000·Vc/(π·D) = 1000·200/(π·6.35) = 10026 rpm, clamped to the spindle's maximum 8000 rpm"
    )
    assert turkish.sources["rpm"] == (
        "1000·Vc/(π·D) = 1000·200/(π·6,35) = 10026 dev/dk, iş milinin azami devri 8000 dev/dk "
        "ile sınırlandı"
    )
    assert english.warnings[0].message.startswith(
        "Vc 200 m/min on Ø6.35 mm needs 10026 rpm, 25% above the spindle's maximum of 8000 rpm"
    )
    assert turkish.warnings[0].message.startswith(
        "Ø6,35 mm'de Vc 200 m/dk için 10026 dev/dk gerekir; bu, iş milinin azami devri "
        "8000 dev/dk'nın %25 üstünde."
    )
    assert [w.code for w in turkish.warnings] == [w.code for w in english.warnings]


def test_impossible_cutting_inputs_are_refused_in_the_readers_language():
    wide = dataclasses.replace(CUT, ae_mm=12.5)
    with localefmt.speaking("en"), pytest.raises(FeedsError) as english:
        compute(wide)
    with localefmt.speaking("tr"), pytest.raises(FeedsError) as turkish:
        compute(wide)
    assert str(english.value) == "ae 12.5 mm is wider than the tool (Ø6.35 mm)"
    assert str(turkish.value) == "ae 12,5 mm, takımdan (Ø6,35 mm) geniş"


def test_post_fix_notes_tell_the_engineer_in_their_language():
    posted = "(Begin toolchange)\n( M6 T2 )\nM3 S18000\nG0 X0 Y0\n( M6 T3 )\n"
    with localefmt.speaking("tr"):
        fixed_tr, (turkish,) = fix_program(posted, "grbl")
    with localefmt.speaking("en"):
        fixed_en, (english,) = fix_program(posted, "grbl")
    assert fixed_tr == fixed_en  # the program itself is G-code: never translated
    assert "M0 (CHANGE TO T2 THEN RESUME)" in fixed_tr
    assert "Each of the 2 tool change(s) now stops the spindle and pauses (M5 M0)" in english
    assert "2 takım değişiminin her biri artık iş milini durdurup" in turkish
    assert "(M5 M0)" in turkish
