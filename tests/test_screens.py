"""The font check that guards every screenshot can fail."""

from tests.support.screens import MISSING_GLYPH, glyphs_render


def test_turkish_letters_render_as_glyphs(qapp):
    assert glyphs_render("Çalışma İşçi ĞÜŞÖ ğüşö 0123")


def test_boxes_instead_of_letters_fail_the_check(qapp):
    # Private-use characters have no glyph in any font: Qt draws the same box for each.
    assert not glyphs_render("A" + MISSING_GLYPH + "\ue001")
    assert not glyphs_render("\ue010\ue011\ue012")
