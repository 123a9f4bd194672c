"""Jobs, CAM, posting, simulation review and FreeCAD failures speak the reader's language:
the same failing action says the same thing in Turkish and in English, with the values in
it (numbers with the reader's decimal mark, G-code words and names as they are)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from cncworkbench.cam import freecad_process, script_result
from cncworkbench.core import localefmt
from cncworkbench.core.cam_plan import Box, CamPlan, Operation, ToolSpec
from cncworkbench.errors import ValidationError
from cncworkbench.services import pdf_process
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.jobs import jobs
from cncworkbench.services.machining import cam, cam_post, simulation
from cncworkbench.services.pdm import files
from cncworkbench.services.pdm.local_copies import SyncState, SyncStatus
from tests.support.freecad import require_program

ENGINEER = Actor(1, "muhendis@example.com", "engineer")
OPERATOR = Actor(2, "operator@example.com", "operator")


def both(action):
    """What ``action()`` says (returns or raises) in Turkish, then in English."""
    said = []
    for language in ("tr", "en"):
        with localefmt.speaking(language):
            try:
                said.append(action())
            except ValidationError as exc:
                said.append(str(exc))
    return said


def test_a_program_too_big_for_the_machine_is_refused_with_its_numbers_in_both_languages():
    tool = ToolSpec(1, "6 mm", "flat_endmill", 6, 20, 30, 6, 9000, 1500, 300)
    plan = CamPlan("linuxcnc", Box([0, 0, 0], [50, 40, 20]), [tool], [Operation("profile", 1)])
    facts = cam_post.ProgramFacts([-2.5, 0, 0], [90, 40, 25], {1: {9000.0}}, 1500.0, [], True)
    machine = SimpleNamespace(
        name="Router", type="router", axes=3, is_active=True, work_envelope_x_mm=60,
        work_envelope_y_mm=400, work_envelope_z_mm=100, spindle_max_rpm=8000,
        specifications={"max_feed_mm_min": 1000.5},
    )  # fmt: skip
    tr, en = both(lambda: [p.message for p in cam_post.machine_problems(plan, facts, machine)])
    assert "The program moves 92.5 mm in X (-2.5 to 90); Router travels 60 mm." in en
    assert "Program X ekseninde 92,5 mm hareket ediyor (-2,5 ile 90 arası); Router " in " ".join(tr)
    assert "6 mm runs at 9000 rpm; Router's spindle reaches 8000 rpm." in " ".join(en)
    assert "9000 dev/dk ile dönüyor; Router tezgahının iş mili en fazla 8000 dev/dk" in " ".join(tr)
    assert any("at most 1000.5 mm/min" in m for m in en)
    assert any("en fazla 1000,5 mm/dk" in m for m in tr)


def test_refused_job_input_is_explained_in_the_readers_language():
    tr, en = both(lambda: jobs.submit_job(None, ENGINEER, "bogus", {}))
    assert en.startswith("Unknown job type 'bogus'; one of ") and "cam_process" in en
    assert tr.startswith("Bilinmeyen iş türü 'bogus'") and "cam_process" in tr
    tr, en = both(lambda: simulation.review(None, OPERATOR, 5, "rejected", "  "))
    assert en == "Say why the program is rejected (a comment is required)."
    assert tr == "Programın neden reddedildiğini yazın (yorum zorunludur)."


def test_what_the_database_writes_when_a_job_fails_is_shown_in_the_readers_language():
    stored = "the job ran longer than its timeout of 120 s (after 3 attempts)"
    tr, en = both(lambda: jobs.error_text(stored))
    assert en == stored
    assert tr == "iş, 120 sn olan zaman aşımından uzun sürdü (3 denemeden sonra)"
    tr, en = both(lambda: jobs.error_text("the worker running the job stopped answering"))
    assert (tr, en) == (
        "işi çalıştıran işleyici yanıt vermeyi bıraktı",
        "the worker running the job stopped answering",
    )
    tr, en = both(lambda: jobs.error_text("the part is not a solid"))  # a handler's own words
    assert tr == en == "the part is not a solid"


def test_the_sync_state_of_a_local_copy_and_the_sweep_report():
    status = SyncStatus(SyncState.OUTDATED, Path("plaka.FCStd"), 4, 2, 3, 9)
    tr, en = both(lambda: status.message)
    assert (tr, en) == (
        "Sürüm 2; sunucuda daha yeni sürüm 3 var.",
        "Version 2; version 3 is newer on the server.",
    )
    report = files.SweepReport(1200, 1190, 3, 7, 1234567)
    tr, en = both(report.line)
    assert en.endswith("deleted 7 unreferenced (1,234,567 bytes)")
    assert tr.endswith("kullanılmayan 7 nesne silindi (1.234.567 bayt)")


def test_a_part_cam_cannot_use_and_freecad_failures(monkeypatch):
    tr, en = both(lambda: _raised(lambda: cam.features_of_file(Path("p.stl"), "STL")))
    assert en.startswith("An STL mesh has no exact faces to machine: upload the part as FCStd")
    assert tr.startswith("STL ağında tezgahta işlenecek kesin yüzeyler yok")
    failed = ValueError("Error in reading STEP")
    tr, en = both(lambda: script_result.failure(failed, "open", "the model")["error"])
    assert en == "FreeCAD cannot open the model: Error in reading STEP"
    assert tr == "FreeCAD modeli açamıyor: Error in reading STEP"
    monkeypatch.setattr(freecad_process, "freecadcmd", lambda: None)
    tr, en = both(lambda: _raised(lambda: freecad_process.run_script("cam_job.py", {})))
    assert en.startswith("FreeCAD is not installed (freecadcmd not found)")
    assert tr.startswith("FreeCAD kurulu değil (freecadcmd bulunamadı)")


def test_the_freecad_child_speaks_the_language_of_whoever_asked():
    """The check's problems and FreeCAD's failures are written in the child process: a real
    FreeCAD child asked to open no model answers in the language of whoever asked."""
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    said = []
    for language in ("tr", "en"):
        with localefmt.speaking(language), pytest.raises(freecad_process.FreeCADFailed) as exc:
            freecad_process.run_script("cam_job.py", {})
        said.append(str(exc.value))
    assert said[0].startswith("FreeCAD modeli açamıyor:"), said
    assert said[1].startswith("FreeCAD cannot open the model:"), said


def test_a_report_that_could_not_be_drawn_is_named(monkeypatch, tmp_path):
    def crashed(command, **_kwargs):
        return subprocess.CompletedProcess(command, 1, "", "Traceback\nRuntimeError: boom")

    monkeypatch.setattr(pdf_process.subprocess, "run", crashed)
    tr, en = both(
        lambda: _raised(
            lambda: pdf_process.render_pdf(
                "setup-sheet", {}, tmp_path / "x.pdf", cam.CamFailed, "setup sheet"
            )
        )
    )
    assert en == "The setup sheet could not be drawn: RuntimeError: boom"
    assert tr == "Bağlama föyü çizilemedi: RuntimeError: boom"


def _raised(action) -> str:
    with pytest.raises(Exception) as caught:
        action()
    return str(caught.value)
