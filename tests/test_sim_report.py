"""The simulation report PDF as the operator sees it: the text on it (pdftotext), its
pages (pdfinfo) and its top view (pdftoppm), rendered from a realistic run in Turkish."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from cncworkbench.ui import reports
from cncworkbench.ui.qt import QtGui
from cncworkbench.ui.reports import page as report_page
from cncworkbench.ui.reports import sim_report as sim_report_module
from tests.test_setup_sheet import (  # the same poppler helpers, and the same skip
    blue_pixels,
    page_images,
    pdf_info,
    pdf_text,
    picture_region,  # the top view's padding is the only place with its background
    pytestmark,  # noqa: F401 - needs poppler-utils
    rectangle,
    run_cli,
)

CELL_MM = 0.25
ORIGIN = (-1.875, -1.875)  # the centre of the bottom-left cell: the stock starts at -2
SHA256 = "64a1b2c3d4e5" + "f" * 52


POCKET_GREY, SLOT_GREY = 120, 160


def top_view_png(path: Path) -> Path:
    """A 336 x 216 top view of an 84 x 54 stock: a grey gradient, the 40 x 20 pocket
    (X 20..60, Y 15..35) darker, a slot near the back (X 10..30, Y 42..48) less dark;
    row 0 at the highest Y."""
    rows, cols = 216, 336
    x = ORIGIN[0] + np.arange(cols) * CELL_MM
    y = ORIGIN[1] + (rows - 1 - np.arange(rows)) * CELL_MM
    grey = np.broadcast_to(np.linspace(200, 225, cols), (rows, cols)).copy()
    pocket = ((x >= 20) & (x <= 60))[None, :] & ((y >= 15) & (y <= 35))[:, None]
    grey[pocket] = POCKET_GREY
    slot = ((x >= 10) & (x <= 30))[None, :] & ((y >= 42) & (y <= 48))[:, None]
    grey[slot] = SLOT_GREY
    pixels = np.ascontiguousarray(np.repeat(grey[..., None], 3, axis=2).astype(np.uint8))
    image = QtGui.QImage(pixels.data, cols, rows, cols * 3, QtGui.QImage.Format.Format_RGB888)
    assert image.copy().save(str(path)), path
    return path


def toolpath() -> dict:
    """The pocket in three steps down, then the outside profile; rapids between."""
    feeds = []
    for z in (17.0, 14.0, 12.0):
        for inset in (3.0, 6.0, 9.0):
            feeds.append(rectangle(20 + inset, 15 + inset, 60 - inset, 35 - inset, z))
    for z in (15.0, 10.0, 5.0, 0.0):
        feeds.append(rectangle(-5.0, -5.0, 85.0, 55.0, z))
    rapids = [
        [[0.0, 0.0, 50.0], [23.0, 18.0, 25.0], [23.0, 18.0, 18.0]],
        [[31.0, 26.0, 12.0], [31.0, 26.0, 25.0], [-5.0, -5.0, 25.0], [-5.0, -5.0, 16.0]],
    ]
    return {"feeds": feeds, "rapids": rapids}


FINDINGS = [  # out of order on purpose: the report lists errors first, by line
    {
        "kind": "feed_limit",
        "severity": "warning",
        "line": 77,
        "x": 60.0,
        "y": 40.0,
        "z": 15.0,
        "message": "İlerleme 6000 mm/dk, makinenin en fazlası 5000 mm/dk; düşürüldü",
    },
    {
        "kind": "holder_collision",
        "severity": "error",
        "line": 118,
        "x": 40.0,
        "y": 25.0,
        "z": 8.0,
        "message": "Tutucu ham parçaya 1,2 mm çarpıyor (ER16 somunu, cep duvarı)",
    },
    {
        "kind": "rapid_into_stock",
        "severity": "error",
        "line": 42,
        "x": 10.0,
        "y": 5.0,
        "z": 18.0,
        "message": "G0 satır 42'de ham parçanın 3,0 mm içine giriyor",
    },
]


def sim_report(image: Path | None, findings: list[dict] | None = None) -> dict:
    report = {
        "locale": "tr",
        "timezone": "Europe/Istanbul",
        "generated_at": "2026-11-25T14:05:00+00:00",
        "generated_by": "usta@atolye.example",
        "program": {"name": "flans_plakasi_tormach.ngc", "sha256": SHA256, "lines": 256},
        "part": {"name": "Flanş plakası", "model_id": 7, "version": 2},
        "machine": {
            "name": "Tormach 1100MX",
            "controller": "PathPilot (LinuxCNC)",
            "post_processor": "linuxcnc",
        },
        "verdict": "failed",
        "summary": {
            "removed_volume_mm3": 24392.9,
            "stock_volume_mm3": 95256.0,
            "machining_time_s": 135.2,
            "resolution_mm": 0.25,
            "accuracy_percent": 0.6,
            "moves": 1234,
            "simulation_time_ms": 840,
        },
        "stock": {"min": [-2, -2, 0], "max": [82, 52, 21]},
        "findings": FINDINGS if findings is None else findings,
        "toolpath": toolpath(),
    }
    if image is not None:
        report["image"] = {"png_path": str(image), "origin": list(ORIGIN), "cell_mm": CELL_MM}
    return report


def many_findings(count: int = 40) -> list[dict]:
    """Spread over the stock, every third one a warning."""
    found = []
    for i in range(count):
        severity = "warning" if i % 3 == 2 else "error"
        found.append(
            {
                "kind": ("shank_collision", "envelope", "spindle_off_cut")[i % 3],
                "severity": severity,
                "line": 1000 + 7 * i,
                "x": 2.0 + (i % 8) * 10.5,
                "y": 2.0 + (i // 8) * 11.0,
                "z": 5.0,
                "message": f"Bulgu {i + 1}: şaft kesilen yüzeyin altında, çene kenarında",
            }
        )
    return found


def words_of(text: str) -> str:
    return " ".join(text.split())


def letters_of(text: str) -> str:
    """Without any white space: a message wrapped in its cell reads as one again."""
    return "".join(text.split())


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return words_of(out.stdout)


def near(region: np.ndarray, rgb: tuple[int, int, int], tolerance: int = 12) -> np.ndarray:
    return np.all(np.abs(region - np.array(rgb)) <= tolerance, axis=2)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sim")
    pdf = folder / "flans_sim.pdf"
    pages = reports.render_sim_report(sim_report(top_view_png(folder / "top.png")), pdf)
    return pdf, pages


def test_the_report_is_one_a4_page(rendered):
    pdf, pages = rendered
    info = pdf_info(pdf)
    assert pages == 1
    assert int(info["Pages"]) == 1
    width, height = (float(v) for v in info["Page size"].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    assert info["Title"].strip() == "Simulation report · flans_plakasi_tormach.ngc"


def test_the_text_is_what_the_operator_needs(rendered):
    pdf, _ = rendered
    words = words_of(pdf_text(pdf))
    for expected in (
        "Simulation report",
        "FAILED — do not run this program",
        "Errors: 2 · Warnings: 1",
        "flans_plakasi_tormach.ngc · SHA-256 64a1b2c3d4e5 · 256 lines",
        "Flanş plakası · #7, version 2",
        "Tormach 1100MX",
        "PathPilot (LinuxCNC)",
        "linuxcnc",
        "2026-11-25 17:05 (Europe/Istanbul) by usta@atolye.example",
        # Turkish number formats: decimals with a comma, thousands with a dot.
        "24,4 cm³ (25,6 % of the stock)",
        "0:02:15",
        "84 × 54 × 21 mm",
        "1.234",
        "0,25 mm",
        "±0,6 %",
        "840 ms",
        "Rapid into stock",
        "Holder collision",
        "Feed above the machine's maximum",
        "page 1 / 1",
    ):
        assert expected in words, expected
    assert "SHA-256 64a1b2c3d4e5f" not in words  # only the first 12 hex digits
    letters = letters_of(words)
    for finding in FINDINGS:
        assert letters_of(finding["message"]) in letters, finding["message"]
        assert f" {finding['line']} " in words, finding["line"]
    # Errors first, in program order, then the warning; numbered as on the picture.
    order = [letters.index(letters_of(FINDINGS[i]["message"])) for i in (2, 1, 0)]
    assert order == sorted(order)
    assert "1 Error Rapid into stock 42" in words
    assert "2 Error Holder collision 118" in words
    assert "3 Warning Feed above the machine's maximum 77" in words


def test_the_top_view_shows_stock_toolpath_and_numbered_markers(rendered):
    pdf, _ = rendered
    (page,) = page_images(pdf, "sim-report", dpi=100)
    region = picture_region(page)
    height, width = region.shape[:2]
    assert 1.4 < width / height < 1.75  # an 84 x 54 stock (plus the profile) keeps its shape
    assert blue_pixels(region) > 500, "no feed moves in the picture"
    red = near(region, report_page._ERROR, 40)
    orange = near(region, report_page._WARNING, 40)
    assert red.sum() > 150, "no error markers"
    assert orange.sum() > 60, "no warning marker"
    # The warning at X 60 Y 40 is right of and above the errors at X 10..40, Y 5..25.
    red_rows, red_cols = np.nonzero(red)
    orange_rows, orange_cols = np.nonzero(orange)
    assert orange_cols.mean() > red_cols.max() - 10
    assert orange_rows.mean() < red_rows.min()
    # The stock picture is in it, +Y up: the pocket in the middle, the slot at the back
    # left, the lighter uncut top around them.
    # (Medians: grey line edges have these shades too.)
    pocket_rows, pocket_cols = np.nonzero(near(region, (POCKET_GREY,) * 3, 3))
    slot_rows, slot_cols = np.nonzero(near(region, (SLOT_GREY,) * 3, 3))
    assert len(pocket_rows) > 2000 and len(slot_rows) > 300
    assert abs(np.median(pocket_rows) - height / 2) < height / 10
    assert abs(np.median(pocket_cols) - width / 2) < width / 10
    assert np.median(slot_rows) < height / 4 and np.median(slot_cols) < width / 3
    assert near(region, (212, 212, 212), 14).sum() > 5000
    # The error at X 10 Y 5 is in the front left quarter.
    first_rows, _ = np.nonzero(red[:, : width // 3])
    assert first_rows.mean() > height * 0.7
    # The red banner sits above the picture, across the page.
    banner_rows = np.nonzero(near(page.astype(int), report_page._ERROR, 10).sum(axis=1) > 400)[0]
    assert len(banner_rows) > 10


def test_forty_findings_continue_on_a_second_page(tmp_path):
    pdf = tmp_path / "many.pdf"
    findings = many_findings()
    pages = reports.render_sim_report(sim_report(top_view_png(tmp_path / "top.png"), findings), pdf)
    assert pages == 2
    assert int(pdf_info(pdf)["Pages"]) == 2
    first, second = page_text(pdf, 1), page_text(pdf, 2)
    assert "page 1 / 2" in first and "page 2 / 2" in second
    assert "Errors: 27 · Warnings: 13" in first
    assert "Findings (continued)" in second
    assert "Message" in second and "Severity" in second  # the header is repeated
    assert "Simulation report · flans_plakasi_tormach.ngc" in second  # the footer
    both, letters = first + " " + second, letters_of(first + second)
    for finding in findings:
        assert f" {finding['line']} " in both, finding["line"]
        assert letters_of(finding["message"]) in letters, finding["message"]

    def at(finding: dict) -> int:
        return letters.index(letters_of(finding["message"]))

    # All 27 errors come before the first warning.
    last_error = max(at(f) for f in findings if f["severity"] == "error")
    first_warning = min(at(f) for f in findings if f["severity"] == "warning")
    assert last_error < first_warning
    images = page_images(pdf, "sim-report-many", dpi=100)
    region = picture_region(images[0])
    assert near(region, report_page._ERROR, 40).sum() > 27 * 40  # every error has its marker


def test_a_passed_run_without_findings_or_picture(tmp_path):
    pdf = tmp_path / "passed.pdf"
    report = sim_report(None, findings=[])
    report["verdict"] = "passed"
    del report["summary"]["stock_volume_mm3"], report["part"]
    assert reports.render_sim_report(report, pdf) == 1
    words = words_of(pdf_text(pdf))
    for expected in ("PASSED", "Errors: 0 · Warnings: 0", "No findings.", "24,4 cm³"):
        assert expected in words, expected
    assert "FAILED" not in words and "WITH WARNINGS" not in words
    assert "% of the stock" not in words
    (page,) = page_images(pdf, "sim-report-passed", dpi=100)
    assert near(page.astype(int), report_page._PASSED, 10).sum() > 20_000, "no green banner"
    assert near(page.astype(int), report_page._ERROR, 40).sum() == 0
    region = picture_region(page)  # no image: the stock outline and the toolpath
    assert blue_pixels(region) > 500
    assert near(region, report_page._STOCK, 30).sum() > 300


def test_warnings_only_give_the_orange_banner(tmp_path):
    pdf = tmp_path / "warnings.pdf"
    report = sim_report(None, findings=FINDINGS[:1])
    report["verdict"] = "warnings"
    reports.render_sim_report(report, pdf)
    words = words_of(pdf_text(pdf))
    assert "PASSED WITH WARNINGS" in words
    assert "Errors: 0 · Warnings: 1" in words
    (page,) = page_images(pdf, "sim-report-warnings", dpi=100)
    assert near(page.astype(int), report_page._WARNING, 10).sum() > 20_000, "no orange banner"


def test_markers_on_one_spot_move_apart_inside_the_frame():
    frame = report_page.QtCore.QRectF(0, 0, 400, 300)
    spots = np.array([[200.0, 150.0]] * 12 + [[-900.0, 150.0], [5.0, 5.0]])
    radii = [10.0] * len(spots)
    centres = np.array(sim_report_module._place_markers(spots, radii, frame, gap=2.0))
    assert centres[0].tolist() == [200.0, 150.0]  # the first stays on its spot
    apart = np.hypot(*(centres[:, None, :] - centres[None, :, :]).transpose(2, 0, 1))
    assert (apart[np.triu_indices(len(spots), 1)] >= 22.0 - 1e-9).all()
    assert (centres >= 12.0 - 1e-9).all()
    assert (centres[:, 0] <= 388.0 + 1e-9).all() and (centres[:, 1] <= 288.0 + 1e-9).all()
    assert centres[12].tolist() == [12.0, 150.0]  # far off: at the edge it lies beyond


def test_a_long_program_name_breaks_within_the_page(tmp_path):
    pdf = tmp_path / "long.pdf"
    report = sim_report(None, FINDINGS)
    name = "çok_uzun_bir_program_adı_" * 6 + "freze.ngc"
    report["program"]["name"] = name
    report["stock"] = {"min": [0, 0, 0], "max": [20, 150, 10]}  # tall and narrow
    assert reports.render_sim_report(report, pdf) == 1
    assert letters_of(name) in letters_of(pdf_text(pdf))
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    right_edges = [float(v) for v in re.findall(r'xMax="([0-9.]+)"', out)]
    assert right_edges and max(right_edges) <= 595 - 12 * 72 / 25.4 + 1  # inside the margin
    page_images(pdf, "sim-report-long-name", dpi=100)


def test_bad_data_names_the_problem(tmp_path):
    image = top_view_png(tmp_path / "top.png")
    cases = [
        (lambda r: r["program"].pop("name"), r"missing key 'program\.name'"),
        (lambda r: r.pop("verdict"), r"missing key 'verdict'"),
        (lambda r: r.update(verdict="ok"), r"verdict: expected passed, warnings or failed"),
        (lambda r: r.pop("stock"), r"missing key 'stock'"),
        (lambda r: r["stock"].update(max=[1, 2]), r"stock\.max: expected \[x, y, z\]"),
        (lambda r: r["findings"][1].update(severity="fatal"), r"findings\[1\]\.severity"),
        (lambda r: r["findings"][0].update(line="kırk"), r"findings\[0\]\.line"),
        (lambda r: r["image"].update(png_path=str(tmp_path / "yok.png")), r"image\.png_path"),
        (lambda r: r["image"].update(cell_mm=0), r"image\.cell_mm"),
        (lambda r: r["summary"].update(moves="çok"), r"summary\.moves"),
    ]
    for spoil, problem in cases:
        report = json.loads(json.dumps(sim_report(image)))
        spoil(report)
        with pytest.raises(reports.SimReportError, match=problem):
            reports.render_sim_report(report, tmp_path / "x.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["top.png"]


def test_the_command_line_renders_a_report(tmp_path):
    source, pdf = tmp_path / "report.json", tmp_path / "report.pdf"
    report = sim_report(top_view_png(tmp_path / "top.png"))
    source.write_text(json.dumps(report, ensure_ascii=False), "utf-8")
    result = run_cli("sim-report", source, pdf)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    words = words_of(pdf_text(pdf))
    assert "Flanş plakası" in words and "FAILED — do not run this program" in words
    assert "page 1 / 1" in words
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "report.pdf", "top.png"]


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (lambda r: r["program"].pop("name"), "missing key 'program.name'"),
        (lambda r: r.pop("verdict"), "missing key 'verdict'"),
        (lambda r: r.pop("stock"), "missing key 'stock'"),
    ],
    ids=["program.name", "verdict", "stock"],
)
def test_the_command_line_names_a_missing_key_and_keeps_the_old_pdf(tmp_path, spoil, problem):
    source, pdf = tmp_path / "report.json", tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 the previous report")
    report = sim_report(None)
    spoil(report)
    source.write_text(json.dumps(report), "utf-8")
    result = run_cli("sim-report", source, pdf)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert problem in result.stderr
    assert pdf.read_bytes() == b"%PDF-1.4 the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "report.pdf"]


def test_the_command_line_refuses_malformed_json(tmp_path):
    source, pdf = tmp_path / "report.json", tmp_path / "report.pdf"
    source.write_text('{"program": {"name": "flanş.ngc"},\n "verdict": }', "utf-8")
    result = run_cli("sim-report", source, pdf)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "malformed JSON at line 2 column 13" in result.stderr
    assert not pdf.exists()


def test_the_isometric_picture_shows_the_cut_stock_with_the_gouge_marked(tmp_path):
    """The cut stock in 3-D (core.iso_view, as the worker draws it) on the report, and the
    gouge's numbered marker where the gouge is in that picture."""
    from PIL import Image

    from cncworkbench.core import iso_view
    from cncworkbench.core.heightmap import depth_colours
    from cncworkbench.core.stock_mesh import stock_mesh

    rows, cols = 216, 336
    x = ORIGIN[0] + np.arange(cols) * CELL_MM
    y = ORIGIN[1] + np.arange(rows) * CELL_MM
    heights = np.full((rows, cols), 21.0)
    pocket = ((x >= 20) & (x <= 60))[None, :] & ((y >= 15) & (y <= 35))[:, None]
    heights[pocket] = 12.0
    gouge = (abs(x - 40) <= 1.5)[None, :] & (abs(y - 25) <= 1.5)[:, None]
    heights[gouge] = 9.0
    mesh = stock_mesh(heights, (-2.0, -2.0), CELL_MM, 0.0, 21.0)
    view = iso_view.IsoView.fit((-2, -2, 0), (82, 52, 21), 1400, 900)
    picture = iso_view.render(mesh.vertices, mesh.triangles, mesh.colours, view, background=None)
    png = tmp_path / "iso.png"
    Image.fromarray(picture).save(png)
    findings = [
        {"kind": "gouge", "severity": "error", "line": 118, "x": 40.0, "y": 25.0, "z": 9.0,
         "message": "Tasarımın 3,0 mm altına kesilmiş"},
    ]  # fmt: skip
    report = sim_report(None, findings)
    report["isometric"] = {"png_path": str(png), "view": view.as_dict()}
    pdf = tmp_path / "iso.pdf"
    reports.render_sim_report(report, pdf)
    assert "3-D" in pdf_text(pdf) or "3B" in pdf_text(pdf)
    # the uncut top as the picture shades it: the palette's top colour under the light
    light = iso_view.AMBIENT + (1 - iso_view.AMBIENT) * iso_view.LIGHT[2]
    top_colour = tuple(np.rint(depth_colours(np.array([21.0]), 0.0, 21.0)[0] * light).astype(int))
    pages = page_images(pdf, "sim-report-isometric", dpi=100)
    page = max(pages, key=lambda p: near(p.astype(int), top_colour, 6).sum()).astype(int)
    # only inside the picture's frame (grey text edges elsewhere have such shades too)
    backdrop = near(page, report_page.PICTURE_BACKGROUND, 2)
    frame_rows = np.nonzero(backdrop.sum(axis=1) > 100)[0]
    frame_cols = np.nonzero(backdrop.sum(axis=0) > 100)[0]
    top = near(page, top_colour, 6)
    inside = np.zeros_like(top)
    inside[frame_rows.min() : frame_rows.max(), frame_cols.min() : frame_cols.max()] = True
    top &= inside
    top &= (top.sum(axis=1) >= 3)[:, None] & (top.sum(axis=0) >= 3)[None, :]  # no strays
    assert top.sum() > 20_000, "no stock top in the picture"
    # where the stock's top face is on the page: its corners' picture pixels mapped by the
    # blob's extent (a linear map, as the page draws the picture scaled)
    corners = view.project([(-2, -2, 21), (82, -2, 21), (82, 52, 21), (-2, 52, 21)])
    rows_on, cols_on = np.nonzero(top)
    scale = (cols_on.max() - cols_on.min()) / np.ptp(corners[:, 0])
    assert (rows_on.max() - rows_on.min()) / np.ptp(corners[:, 1]) == pytest.approx(scale, rel=0.05)
    offset = np.array([cols_on.min(), rows_on.min()]) - corners.min(axis=0) * scale
    column, row = view.project([(40.0, 25.0, 9.0)])[0] * scale + offset
    # the red numbered marker on the gouge, in the pocket, not anywhere else
    red = near(page, report_page._ERROR, 40)
    around = red[int(row) - 25 : int(row) + 25, int(column) - 25 : int(column) + 25]
    assert around.sum() > 60, "no gouge marker where the gouge is"
    # a point of the floor seen past the front rim
    pocket_floor = view.project([(25.0, 33.0, 12.0)])[0] * scale + offset
    assert not top[int(pocket_floor[1]), int(pocket_floor[0])], "the pocket is not cut"
