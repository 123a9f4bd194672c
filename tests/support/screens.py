"""Screenshots that prove what they show: text must render as letters, not boxes.

A machine without usable fonts draws every character as the same empty box ("tofu"),
and a screenshot of such a panel still "works". :func:`glyphs_render` draws each
character of a probe string on its own and requires every one to differ from the
missing-glyph box and from each other; :func:`save_screenshot` runs it with the widget's
own font before saving.
"""

from __future__ import annotations

import os
from pathlib import Path

from cncworkbench.ui.qt import Qt, QtCore, QtGui

PROBE = "AaBbÇçĞğİıÖöŞşÜü0123"
MISSING_GLYPH = "\ue000"  # private use area: no font has it, Qt draws the box
# One folder per FreeCAD of the version matrix (./test.sh --freecad VERSION).
SCREENSHOT_DIR = Path(
    os.environ.get("CNC_SCREENSHOT_DIR", "/tmp/cncworkbench-screenshots")
) / os.environ.get("CNC_FREECAD_VERSION", "")


def _glyph_image(char: str, font: QtGui.QFont) -> QtGui.QImage:
    image = QtGui.QImage(48, 48, QtGui.QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QtGui.QPainter(image)
    painter.setFont(font)
    painter.setPen(QtGui.QColor(0, 0, 0))
    painter.drawText(QtCore.QRect(0, 0, 48, 48), int(Qt.AlignmentFlag.AlignCenter), char)
    painter.end()
    return image


def glyphs_render(text: str = PROBE, font: QtGui.QFont | None = None) -> bool:
    """True when every character of ``text`` draws as its own glyph, not as a box."""
    font = font or QtGui.QFont()
    font.setPointSize(20)
    tofu = _glyph_image(MISSING_GLYPH, font)
    blank = _glyph_image(" ", font)
    seen: list[QtGui.QImage] = []
    for char in dict.fromkeys(text.replace(" ", "")):  # each distinct letter once
        picture = _glyph_image(char, font)
        if picture in (tofu, blank) or any(picture == other for other in seen):
            return False
        seen.append(picture)
    return True


def save_screenshot(widget, name: str) -> Path:
    """Grab ``widget`` into SCREENSHOT_DIR/name.png after checking its font renders."""
    assert glyphs_render(font=widget.font()), "text renders as boxes: no usable font"
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path
