"""The setup sheet PDF as the operator sees it: the text on it (pdftotext), its pages
(pdfinfo) and its picture (pdftoppm), rendered from a realistic sheet in Turkish."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cncworkbench.ui import reports
from cncworkbench.ui.qt import QtGui
from cncworkbench.ui.reports import page as report_page
from tests.support.screens import SCREENSHOT_DIR, glyphs_render

REPO = Path(__file__).resolve().parents[1]
POPPLER = ("pdfinfo", "pdftotext", "pdftoppm")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in POPPLER),
    reason="needs poppler-utils (pdfinfo, pdftotext, pdftoppm)",
)


def _quads_mesh(quads: list[list[tuple[float, float, float]]]) -> dict:
    vertices, triangles = [], []
    for quad in quads:
        base = len(vertices)
        vertices += [list(map(float, corner)) for corner in quad]
        triangles += [[base, base + 1, base + 2], [base, base + 2, base + 3]]
    return {"vertices": vertices, "triangles": triangles}


def plate_with_pocket() -> dict:
    """An 80 x 50 x 20 plate with a 40 x 20 pocket 8 deep in its top, as triangles."""
    x0, x1, y0, y1, z0, z1 = 0, 80, 0, 50, 0, 20
    px0, px1, py0, py1, pz = 20, 60, 15, 35, 12
    return _quads_mesh(
        [
            [(x0, y0, z0), (x1, y0, z0), (x1, y1, z0), (x0, y1, z0)],  # bottom
            [(x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1)],  # front
            [(x0, y1, z0), (x1, y1, z0), (x1, y1, z1), (x0, y1, z1)],  # back
            [(x0, y0, z0), (x0, y1, z0), (x0, y1, z1), (x0, y0, z1)],  # left
            [(x1, y0, z0), (x1, y1, z0), (x1, y1, z1), (x1, y0, z1)],  # right
            [(x0, y0, z1), (x1, y0, z1), (x1, py0, z1), (x0, py0, z1)],  # top, around the pocket
            [(x0, py1, z1), (x1, py1, z1), (x1, y1, z1), (x0, y1, z1)],
            [(x0, py0, z1), (px0, py0, z1), (px0, py1, z1), (x0, py1, z1)],
            [(px1, py0, z1), (x1, py0, z1), (x1, py1, z1), (px1, py1, z1)],
            [(px0, py0, pz), (px0, py1, pz), (px0, py1, z1), (px0, py0, z1)],  # pocket walls
            [(px1, py0, pz), (px1, py1, pz), (px1, py1, z1), (px1, py0, z1)],
            [(px0, py0, pz), (px1, py0, pz), (px1, py0, z1), (px0, py0, z1)],
            [(px0, py1, pz), (px1, py1, pz), (px1, py1, z1), (px0, py1, z1)],
            [(px0, py0, pz), (px1, py0, pz), (px1, py1, pz), (px0, py1, pz)],  # pocket floor
        ]
    )


def rectangle(x0, y0, x1, y1, z) -> list[list[float]]:
    return [[x0, y0, z], [x1, y0, z], [x1, y1, z], [x0, y1, z], [x0, y0, z]]


def toolpath() -> dict:
    """Facing passes over the top, the pocket in steps, then the outside profile."""
    feeds = [[[x, -8.0, 20.0], [x, 58.0, 20.0]] for x in np.arange(-2.0, 84.0, 3.0).tolist()]
    for z in (17.0, 14.0, 12.0):
        for inset in (3.0, 6.0, 9.0):
            feeds.append(rectangle(20 + inset, 15 + inset, 60 - inset, 35 - inset, z))
    for z in (15.0, 10.0, 5.0, 0.0):
        feeds.append(rectangle(-3.0, -3.0, 83.0, 53.0, z))
    rapids = [
        [[0.0, 0.0, 50.0], [-2.0, -8.0, 25.0], [-2.0, -8.0, 21.0]],
        [[82.0, 58.0, 21.0], [82.0, 58.0, 25.0], [23.0, 18.0, 25.0], [23.0, 18.0, 18.0]],
        [[31.0, 26.0, 12.0], [31.0, 26.0, 25.0], [-3.0, -3.0, 25.0], [-3.0, -3.0, 16.0]],
    ]
    return {"feeds": feeds, "rapids": rapids}


OPERATION_NAMES = ("Alın frezeleme", "Cep boşaltma", "Dış kontur", "Delik delme", "Pah kırma")


def setup_sheet(operations: int = 60) -> dict:
    return {
        "locale": "tr",
        "timezone": "Europe/Istanbul",
        "generated_at": "2026-11-25T14:05:00+00:00",
        "generated_by": "mühendis@example.com",
        "part": {
            "name": "Flanş plakası",
            "model_id": 12,
            "version": 3,
            "file_name": "flans_plakasi.FCStd",
            "size": [80, 50, 20],
        },
        "machine": {
            "name": "Tormach 1100MX",
            "controller": "PathPilot (LinuxCNC)",
            "post_processor": "linuxcnc",
        },
        "material": {"name": "Aluminium 6061-T6", "grade": "EN AW-6061 T6"},
        "stock": {"min": [-2, -2, 0], "size": [84, 54, 21]},
        "work_offset": "G54",
        "origin_note": "ham parçanın üstü, ön sol köşe",
        "origin": [-2, -2, 21],
        "fixtures": [
            {"name": "Mengene çenesi", "min": [-10, -12, 0], "max": [94, -2, 15]},
            {"name": "Sabit çene", "min": [-10, 52, 0], "max": [94, 62, 15]},
        ],
        "tools": [
            {
                "number": 1,
                "name": "6 mm 3F karbür parmak freze",
                "type": "flat_endmill",
                "diameter_mm": 6,
                "flute_length_mm": 13,
                "holder": "BT30 ER16 pens tutucu",
                "stickout_mm": 22,
                "rpm": 10000,
                "feed_mm_min": 1340,
                "inventory_warning": "Depoda 2 adet, en az 4 olmalı",
            },
            {
                "number": 2,
                "name": "10 mm kaba işleme frezesi",
                "type": "bull_endmill",
                "diameter_mm": 10,
                "flute_length_mm": 22,
                "holder": "BT30 ER25",
                "stickout_mm": 35.5,
                "rpm": 8500,
                "feed_mm_min": 2125.5,
            },
            {
                "number": 3,
                "name": "6,8 mm HSS matkap",
                "type": "drill",
                "diameter_mm": 6.8,
                "flute_length_mm": 34,
                "holder": "BT30 matkap mandreni",
                "stickout_mm": 60,
                "rpm": 2800,
                "feed_mm_min": 280,
            },
        ],
        "operations": [
            {
                "name": f"{OPERATION_NAMES[i % 5]} {i + 1}",
                "kind": ("facing", "pocket", "profile", "drilling", "profile")[i % 5],
                "tool_number": (1, 2, 1, 3, 1)[i % 5],
                "rpm": 10000,
                "feed_mm_min": 1340,
                "plunge_mm_min": 670,
                "stepdown_mm": 1.0,
                "stepover_percent": 50,
                "time_s": 74.2 + i,
            }
            for i in range(operations)
        ],
        "totals": {"time_s": 3725.4, "material_removal_cm3": 18.4},
        "warnings": [
            "T1 için iş mili 10000 dev/dk ile sınırlandı (Vc 500 m/dk için 26526 dev/dk gerekir)",
            "Dış kontur: çene ile 1,5 mm boşluk",
        ],
        "gcode": {
            "name": "flans_plakasi_tormach.ngc",
            "sha256": "ab12cd34ef56" + "0" * 52,
            "lines": 1834,
        },
        "part_mesh": plate_with_pocket(),
        "toolpath": toolpath(),
    }


def empty_sheet() -> dict:
    return {
        "part": {"name": "Boş parça"},
        "machine": {"name": "Haas VF-2"},
        "stock": {"min": [0, 0, 0], "size": [100, 60, 25]},
        "work_offset": "G55",
        "tools": [],
        "operations": [],
    }


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def page_images(path: Path, name: str, dpi: int = 50) -> list[np.ndarray]:
    """Every page as an RGB array, via poppler; a copy of each PNG in SCREENSHOT_DIR."""
    prefix = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(prefix)], check=True)
    images = []
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for stale in SCREENSHOT_DIR.glob(f"{name}-page-*.png"):
        stale.unlink()
    for number, png in enumerate(sorted(path.parent.glob(f"{prefix.name}-*.png")), 1):
        shutil.copy(png, SCREENSHOT_DIR / f"{name}-page-{number}.png")
        image = QtGui.QImage(str(png)).convertToFormat(QtGui.QImage.Format.Format_RGB888)
        rows = np.frombuffer(image.constBits(), np.uint8).reshape(-1, image.bytesPerLine())
        pixels = rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3)
        images.append(pixels.copy())  # the QImage owns the memory and goes away
    return images


def picture_region(page: np.ndarray) -> np.ndarray:
    """The picture's frame, found by its background colour (nothing else uses it)."""
    background = np.all(page == report_page.PICTURE_BACKGROUND, axis=2)
    rows, cols = np.nonzero(background)
    assert len(rows) > 1000, "no picture on the page"
    return page[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1].astype(int)


def blue_pixels(region: np.ndarray) -> int:
    r, g, b = region[..., 0], region[..., 1], region[..., 2]
    return int(((b > 150) & (b - r > 70) & (b - g > 30)).sum())


def shaded_grey_pixels(region: np.ndarray) -> int:
    """Grey pixels inside solid patches (3 x 3): the shaded part, not thin lines or text."""
    spread = region.max(axis=2) - region.min(axis=2)
    grey = (spread < 16) & (region.mean(axis=2) > 50) & (region.mean(axis=2) < 235)
    solid = grey[1:-1, 1:-1].copy()
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            solid &= grey[1 + dy : grey.shape[0] - 1 + dy, 1 + dx : grey.shape[1] - 1 + dx]
    return int(solid.sum())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sheet")
    pdf = folder / "flans.pdf"
    pages = reports.render_setup_sheet(setup_sheet(), pdf)
    return pdf, pages


def test_the_sheet_is_an_a4_pdf_with_as_many_pages_as_returned(rendered):
    pdf, pages = rendered
    info = pdf_info(pdf)
    assert pages >= 2  # 60 operations do not fit on one page
    assert int(info["Pages"]) == pages
    width, height = (float(v) for v in info["Page size"].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    assert info["Title"].strip() == "Setup sheet · Flanş plakası"


def test_the_text_is_what_the_operator_needs(rendered):
    pdf, pages = rendered
    text = pdf_text(pdf)
    words = " ".join(text.split())
    for expected in (
        "Setup sheet",
        "Flanş plakası",
        "Mengene çenesi",
        "Tormach 1100MX",
        "PathPilot (LinuxCNC)",
        "linuxcnc",
        "Aluminium 6061-T6 (EN AW-6061 T6)",
        "flans_plakasi.FCStd",
        "#12, version 3",
        "2026-11-25 17:05 (Europe/Istanbul)",  # 14:05 UTC in Istanbul
        "mühendis@example.com",
        "flans_plakasi_tormach.ngc · SHA-256 ab12cd34ef56 · 1.834 lines",
        "G54 · origin: ham parçanın üstü, ön sol köşe",
        "84 × 54 × 21 mm",
        "X -2 Y -2 Z 0 mm",
        "Cep boşaltma 2",
        "Alın frezeleme 56",
        "Pah kırma 60",
        "Depoda 2 adet, en az 4 olmalı",
        "Dış kontur: çene ile 1,5 mm boşluk",
    ):
        assert expected in words, expected
    for tool in setup_sheet()["tools"]:
        assert tool["name"] in words, tool["name"]
    # Turkish number formats: thousands with a dot, decimals with a comma.
    assert "1.340" in words and "10.000" in words and "2.126" in words
    assert "35,5" in words and "6,8" in words
    assert "18,4 cm³" in words
    assert "1:02:05" in words  # the total time
    assert "01:14" in words  # the first operation, 74.2 s
    for number in range(1, pages + 1):
        assert f"page {number} / {pages}" in words


def test_the_operations_table_continues_with_its_header(rendered):
    pdf, _ = rendered
    second = " ".join(
        subprocess.run(
            ["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    )
    assert "Operations (continued)" in second
    assert "Plunge mm/min" in second
    assert "Total estimated time" in second


def test_the_picture_shows_the_part_and_the_toolpath(rendered):
    pdf, pages = rendered
    images = page_images(pdf, "setup-sheet")
    assert len(images) == pages
    region = picture_region(images[0])
    assert blue_pixels(region) > 300, "no toolpath in the picture"
    assert shaded_grey_pixels(region) > 400, "no shaded part in the picture"
    # The three visible sides of the plate are shaded differently.
    greys = region[..., 0][(region.max(axis=2) - region.min(axis=2)) < 16]
    assert len(np.unique(greys // 24)) >= 3


def test_the_sheet_font_draws_turkish_letters():
    family = reports.sheet_font_family()
    assert glyphs_render(font=QtGui.QFont(family)), family


def test_an_empty_sheet_renders_on_one_page(tmp_path):
    pdf = tmp_path / "empty.pdf"
    assert reports.render_setup_sheet(empty_sheet(), pdf) == 1
    assert pdf_info(pdf)["Pages"].strip() == "1"
    words = " ".join(pdf_text(pdf).split())
    for expected in ("Boş parça", "Haas VF-2", "G55", "No tools.", "No operations.", "page 1 / 1"):
        assert expected in words, expected
    (image,) = page_images(pdf, "setup-sheet-empty")
    region = picture_region(image)
    assert blue_pixels(region) < 100  # only the Z arrow of the origin triad
    assert shaded_grey_pixels(region) < 50  # the stock alone is a wireframe


def test_bad_data_names_the_problem(tmp_path):
    sheet = setup_sheet(operations=2)
    del sheet["part"]["name"]
    with pytest.raises(reports.SetupSheetError, match=r"missing key 'part\.name'"):
        reports.render_setup_sheet(sheet, tmp_path / "x.pdf")
    sheet = setup_sheet(operations=2)
    sheet["tools"][1]["diameter_mm"] = "on"
    with pytest.raises(reports.SetupSheetError, match=r"tools\[1\]\.diameter_mm"):
        reports.render_setup_sheet(sheet, tmp_path / "x.pdf")
    sheet = setup_sheet(operations=2)
    sheet["part_mesh"]["triangles"].append([0, 1, 999])
    with pytest.raises(reports.SetupSheetError, match="index 999 out of range"):
        reports.render_setup_sheet(sheet, tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def run_cli(*args: str | Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "cncworkbench.ui.reports", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        timeout=120,
    )


def test_the_command_line_renders_a_sheet(tmp_path):
    source, pdf = tmp_path / "sheet.json", tmp_path / "sheet.pdf"
    source.write_text(json.dumps(setup_sheet(operations=3), ensure_ascii=False), "utf-8")
    result = run_cli("setup-sheet", source, pdf)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    pages = int(pdf_info(pdf)["Pages"])
    words = " ".join(pdf_text(pdf).split())
    assert "Flanş plakası" in words
    assert f"page {pages} / {pages}" in words
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.json", "sheet.pdf"]


def test_the_command_line_refuses_bad_input_and_keeps_the_old_pdf(tmp_path):
    source, pdf = tmp_path / "sheet.json", tmp_path / "sheet.pdf"
    pdf.write_bytes(b"%PDF-1.4 the previous sheet")

    source.write_text('{"part": {"name": "Flanş"},\n "machine": }', "utf-8")
    result = run_cli("setup-sheet", source, pdf)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "malformed JSON at line 2 column 13" in result.stderr

    broken = setup_sheet(operations=2)
    del broken["stock"]
    source.write_text(json.dumps(broken), "utf-8")
    result = run_cli("setup-sheet", source, pdf)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "missing key 'stock'" in result.stderr

    assert pdf.read_bytes() == b"%PDF-1.4 the previous sheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.json", "sheet.pdf"]


def test_a_large_mesh_and_toolpath_render(tmp_path):
    """About 20k triangles and 100k toolpath points: a real part, not a box (its speed is
    `./bench.sh bench_cam`'s, not a timed test's)."""
    angles = np.linspace(0, 2 * np.pi, 101)[:-1]
    heights = np.linspace(0, 20, 101)
    ring = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    vertices = np.concatenate([np.column_stack([25 + 20 * ring, np.full(100, z)]) for z in heights])
    triangles = []
    for level in range(100):
        for i in range(100):
            a, b = level * 100 + i, level * 100 + (i + 1) % 100
            triangles += [[a, b, b + 100], [a, b + 100, a + 100]]
    t = np.linspace(0, 200 * np.pi, 100_000)
    spiral = np.column_stack([25 + 22 * np.cos(t), 25 + 22 * np.sin(t), 20 - t / t[-1] * 20])
    sheet = setup_sheet(operations=3)
    sheet["part_mesh"] = {"vertices": vertices.tolist(), "triangles": triangles}
    sheet["toolpath"] = {"feeds": [spiral.tolist()], "rapids": []}
    sheet["stock"] = {"min": [0, 0, 0], "size": [50, 50, 21]}
    pages = reports.render_setup_sheet(sheet, tmp_path / "large.pdf")
    assert int(pdf_info(tmp_path / "large.pdf")["Pages"]) == pages
    page_images(tmp_path / "large.pdf", "setup-sheet-large")
