"""The main path step by step with the commands a new user reads in the README ("first
ten minutes"), on a fresh embedded database; and the same path without logging in, where
every refusal must say what to do."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from types import SimpleNamespace

from cncworkbench.cam import rs274
from tests.support.people import demo_password
from tests.test_cli import cli as run_cli
from tests.test_cli import data_dir  # noqa: F401 (the fixture)

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "flans_plakasi.FCStd"
ENGINEER, OPERATOR = "muhendis@atolye.example", "operator@atolye.example"
DEMO, BUYER = "demo@cncworkbench.example", "satinalma@musteri.example"
PASSWORD = "atolye-sifre-2026"
SETUP = [
    "--machine", "Tormach 1100MX", "--material", "Aluminium 6061-T6",
    "--tool", "10 mm 3F carbide flat", "--tool", "6 mm HSS-Co drill",
    "--op", "facing", "--op", "pocket", "--op", "drilling", "--op", "profile",
]  # fmt: skip


def cli(data_dir, *args, input=None):  # noqa: F811
    # No OS keyring here (as on most servers): the login goes to a 0600 file.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    try:
        return run_cli(data_dir, "--language", "en", *args, input=input)
    finally:
        os.environ.pop("PYTHON_KEYRING_BACKEND", None)


def ok(data_dir, *args, input=None) -> str:  # noqa: F811
    result = cli(data_dir, *args, input=input)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def refused(data_dir, *args, input=None) -> str:  # noqa: F811
    result = cli(data_dir, *args, input=input)
    assert result.returncode != 0, (args, result.stdout)
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr


def _people(data_dir) -> None:  # noqa: F811
    ok(data_dir, "seed")
    ok(data_dir, "user", "add", ENGINEER, "--role", "engineer", "--password-stdin",
       input=PASSWORD + "\n")  # fmt: skip
    ok(data_dir, "user", "add", OPERATOR, "--role", "operator", "--password-stdin",
       input=PASSWORD + "\n")  # fmt: skip
    ok(data_dir, "license", "add", "trial", "--seats", "2", "--holder", ENGINEER)


def test_the_main_path_step_by_step_with_the_commands(data_dir):  # noqa: F811
    """README's "first ten minutes", command by command."""
    demo = ok(data_dir, "demo")
    password = demo_password(data_dir, demo)
    ok(data_dir, "user", "add", OPERATOR, "--role", "operator", "--password-stdin",
       input=PASSWORD + "\n")  # fmt: skip
    said = ok(data_dir, "login", DEMO, "--password-stdin", input=password + "\n")
    assert f"Logged in as {DEMO} (engineer)" in said
    login_file = data_dir / "cli-login.json"
    assert str(login_file) in said and "no OS keyring" in said
    assert stat.S_IMODE(login_file.stat().st_mode) == 0o600
    assert password not in login_file.read_text()
    assert DEMO in ok(data_dir, "whoami")

    # the catalog: filters, and names that pick exactly one item
    assert "Tormach 1100MX" in ok(data_dir, "machine", "list")
    drills = ok(data_dir, "tool", "list", "--type", "drill", "--diameter", "6").splitlines()
    assert len(drills) == 1 and "6 mm HSS-Co drill" in drills[0], drills
    five = ok(data_dir, "tool", "list", "--type", "drill", "--diameter", "5").splitlines()
    assert len(five) == 1 and "5 mm carbide drill" in five[0], five  # not the 8.5 mm one
    shown = json.loads(ok(data_dir, "tool", "show", "5 mm carbide drill", "--json"))
    assert shown["diameter_mm"] == 5.0
    several = refused(data_dir, "tool", "show", "carbide drill")
    assert "matches 5 tools" in several and "8.5 mm carbide drill" in several
    material = json.loads(ok(data_dir, "material", "show", "Aluminium 6061-T6", "--json"))
    assert material["category"] == "aluminium"

    # the model and what FreeCAD measured
    uploaded = ok(data_dir, "model", "upload", str(SAMPLE), "--project", "Flanş işi", "--json")
    model_id = json.loads(uploaded)["model_id"]
    shown = ok(data_dir, "model", "show", str(model_id))
    assert "size 80 × 50 × 20 mm" in shown and "1 solid(s)" in shown
    thumbnail = Path(re.search(r"thumbnail file: (\S+)", shown).group(1))
    assert thumbnail.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # a setup from names; a job with no parameters is refused when submitted
    setup = json.loads(ok(data_dir, "setup", "create", str(model_id), *SETUP, "--json"))
    assert setup["stock"]["size"] == [84.0, 54.0, 21.0]
    assert [op["kind"] for op in setup["operations"]] == ["facing", "pocket", "drilling", "profile"]
    assert f"{setup['id']:>5}" in ok(data_dir, "setup", "list")
    queued = ok(data_dir, "job", "list")
    empty = refused(data_dir, "job", "submit", "cam_process", "--params", "{}")
    assert "setup_id" in empty and "cncworkbench cam submit SETUP" in empty
    assert ok(data_dir, "job", "list") == queued  # nothing was queued

    # CAM on a worker run here (none is running), G-code judged by LinuxCNC
    cam = cli(data_dir, "cam", "submit", str(setup["id"]), "--wait")
    assert cam.returncode == 0, cam.stderr
    assert "No worker is running cam_process jobs: running them in this process." in cam.stderr
    assert "G-code accepted by LinuxCNC's rs274" in cam.stdout
    job_id = int(re.search(r"job (\d+) queued", cam.stdout).group(1))
    run_id = int(re.search(r"CAM run (\d+):", cam.stdout).group(1))
    listed = ok(data_dir, "job", "show", str(job_id))
    # results by name (what `artefact download` takes), not storage keys
    assert f"results (cncworkbench artefact download {job_id} NAME -o PATH):" in listed
    assert re.search(r"\n  \S+_setup_sheet\.pdf  \(setup_sheet, [\d,]+ bytes\)", listed)
    out = f"{data_dir}/out/"  # a folder that does not exist yet: written with a trailing /
    fetched = ok(data_dir, "artefact", "download", str(job_id), "gcode", "-o", out)
    gcode = Path(fetched.split(" (")[0])
    assert gcode.parent == data_dir / "out" and gcode.suffix == ".ngc"
    tools = [SimpleNamespace(number=n, diameter_mm=d) for n, d in ((1, 10.0), (2, 6.0))]
    verdict = rs274.check(gcode.read_text(), tools)
    assert verdict is not None and verdict.ok, verdict

    # the simulation the CAM job queued, on the setup's stock, tools and machine
    simulated = ok(data_dir, "simulate", "--run", str(run_id))
    ran = re.search(r"simulated run (\d+): (?:passed|warnings); 0 errors", simulated)
    assert ran, simulated  # no error; the design comparison (#21) may warn of leftovers
    sim_id = int(ran.group(1))
    sim_job = int(re.search(r"artefact download (\d+) sim_report", simulated).group(1))
    not_mine = refused(data_dir, "review", "approve", str(sim_id))
    assert "may not approve" in not_mine and f"Commands act as {DEMO}" in not_mine
    assert "cncworkbench logout" in not_mine

    # the review is the operator's
    assert f"Logged out {DEMO}" in ok(data_dir, "logout")
    ok(data_dir, "login", OPERATOR, "--password-stdin", input=PASSWORD + "\n")
    assert "Not reviewed yet" in ok(data_dir, "review", "show", str(sim_id))
    assert f"simulated run {sim_id} approved" in ok(data_dir, "review", "approve", str(sim_id))
    assert f"approved by {OPERATOR}" in ok(data_dir, "review", "show", str(sim_id))
    ok(data_dir, "logout")
    assert "No one is logged in" in ok(data_dir, "whoami")

    # the documents and the invoice draft, as the owner
    for job, name in ((sim_job, "sim_report"), (job_id, "setup_sheet")):
        fetched = ok(data_dir, "artefact", "download", str(job), name, "-o", out)
        assert Path(fetched.split(" (")[0]).read_bytes()[:5] == b"%PDF-", name
    quote_pdf = data_dir / "out" / "quote.pdf"
    quoted = ok(data_dir, "quote", str(run_id), "--quantity", "10", "--pdf", str(quote_pdf))
    assert "Per part" in quoted and quote_pdf.read_bytes()[:5] == b"%PDF-"
    drafted = ok(data_dir, "quote", str(run_id), "--quantity", "10", "--draft-invoice", BUYER)
    invoice = re.search(r"Invoice draft #(\d+) for", drafted).group(1)
    assert "Demo Müşteri Makina" in ok(data_dir, "invoice", "show", invoice)


def test_the_path_without_logging_in_says_what_to_do_at_each_step(data_dir):  # noqa: F811
    _people(data_dir)
    fix = "cncworkbench login EMAIL"
    assert fix in ok(data_dir, "whoami")  # the owner's credentials: administration only
    for args in (
        ["model", "upload", str(SAMPLE), "--project", "Flanş işi"],
        ["setup", "create", "1", *SETUP],
        ["cam", "submit", "1", "--wait"],
        ["job", "submit", "cam_process", "--params", '{"setup_id": 1}'],
        ["simulate", "--run", "1"],
        ["review", "approve", "1"],
    ):
        said = refused(data_dir, *args)
        assert fix in said and "--user EMAIL" in said, (args, said)
    wrong = refused(data_dir, "login", ENGINEER, "--password-stdin", input="yanlis-sifre-1\n")
    assert "Wrong e-mail/phone or password" in wrong
    # --user still works for scripts run with the owner's credentials
    uploaded = cli(data_dir, "model", "upload", str(SAMPLE), "--project", "P", "--user", ENGINEER)
    assert uploaded.returncode == 0, uploaded.stderr
    ok(data_dir, "login", ENGINEER, "--password-stdin", input=PASSWORD + "\n")
    missing = refused(data_dir, "simulate")
    assert "--run CAM_RUN" in missing and "--stock" in missing
    assert "There is no setup 99" in refused(data_dir, "cam", "submit", "99")
    assert "There is no CAM run 99" in refused(data_dir, "quote", "99", "-n", "1")
    no_job = refused(data_dir, "artefact", "download", "99", "gcode", "-o", "x")
    assert "There is no job 99" in no_job
    assert "Job 1 has no results (yet)" in refused(
        data_dir, "artefact", "download", "1", "gcode", "-o", "x"
    )
    ok(data_dir, "logout")
    # the upload queued a cad_generate job (its STEP/STL): a worker runs it and exits,
    # logging the job from claim to end
    worked = cli(data_dir, "worker", "--once", "-v")
    assert worked.returncode == 0, worked.stderr
    assert "1 jobs completed; nothing left to run" in worked.stdout
    log = worked.stderr
    assert re.search(r"job 1 cad_generate claimed \(attempt 1 of \d+, user \d+\)", log), log
    assert re.search(r"job 1 cad_generate: \d+ % \w", log)  # progress steps
    assert re.search(r"job 1 cad_generate completed after \d+\.\d s", log)


def test_gui_without_a_display_draws_offscreen_or_says_how(data_dir):  # noqa: F811
    saved = {k: os.environ.pop(k, None) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    try:
        told = cli(data_dir, "gui")
        assert told.returncode != 0 and "xvfb-run" in told.stderr, told.stderr
        png = data_dir / "login.png"
        shot = cli(data_dir, "gui", "--panel", "login", "--screenshot", str(png))
        assert shot.returncode in (0, 1), shot.stderr  # never a Qt abort (-6)
        assert "drawing the screenshot offscreen" in shot.stderr
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        os.environ.update({k: v for k, v in saved.items() if v is not None})
