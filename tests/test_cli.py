"""The command line end to end, on the embedded database it starts itself."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cncworkbench.db.cluster import EmbeddedCluster
from cncworkbench.db.migrate import head_revision
from tests.support.people import demo_password

HEAD = head_revision()


@pytest.fixture
def data_dir():
    # Reachable by the database server's OS user (pytest's tmp folders are private).
    path = Path(tempfile.mkdtemp(prefix="cnc-cli-test-"))
    path.chmod(0o755)
    yield path
    EmbeddedCluster.for_data_dir(path).destroy()
    shutil.rmtree(path, ignore_errors=True)


def cli(data_dir, *args, input=None):
    env = {**os.environ, "CNC_DATA_DIR": str(data_dir)}
    env.pop("CNC_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "cncworkbench.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        input=input,
        timeout=180,
        check=False,
    )


def test_demo_walks_the_main_path_on_a_new_machine(data_dir):
    from types import SimpleNamespace

    from cncworkbench.cam import rs274

    result = cli(data_dir, "demo")  # bounded by cli()'s timeout; its speed is not asserted
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(
        rf"1\. Database: embedded PostgreSQL \d+\.\d+.*schema revision {HEAD}, \d+ tables", out
    )
    assert re.search(r"2\. Catalog: 11 machines, 45 tools, 23 materials", out)
    assert "3. Login: demo@cncworkbench.example as engineer (locale tr, Europe/Istanbul)" in out
    assert "its connection sees 11 machines and 1 user account (its own)" in out
    # a new installation runs on a 30-day trial (CAM and simulation need a license)
    assert re.search(r"License: a 2-seat trial until \d{4}-\d{2}-\d{2} started", out)
    assert f"data folder:   {data_dir}" in out
    password = demo_password(data_dir, out)
    # the printed password really logs in (what the GUI user would type)
    script = (
        "from cncworkbench.services.context import AppContext; "
        "from cncworkbench.services.access import identity; "
        "c = AppContext(progress=lambda *_: None); "
        f"print(identity.sign_in(c, 'demo@cncworkbench.example', {password!r}).role)"
    )
    check = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
        env={**os.environ, "CNC_DATA_DIR": str(data_dir)}, check=False,
    )  # fmt: skip
    assert check.stdout.strip() == "engineer", check.stderr
    assert "chain intact" in out
    uploaded = (
        r"4\. Upload: flans_plakasi\.FCStd → project 'Demo: Flanş işi', model \d+ version 1 "
        r"\(70,863 mm³, 80 × 50 × 20 mm\)"
    )
    assert re.search(uploaded, out)
    # the rest of the path: setup, CAM, G-code judged by rs274, simulation, review, PDFs
    assert re.search(r"5\. Setup \d+ .*Tormach 1100MX, Aluminium 6061-T6, stock 84 × 54 × 21", out)
    assert "running them in this process" in out  # no worker was running: it says so
    assert re.search(r"6\. CAM job \d+ → CAM run \d+: \d+ lines of G-code", out)
    gcode = Path(re.search(r"7\. G-code: (\S+) \(accepted by LinuxCNC's rs274\)", out).group(1))
    assert gcode.parent == data_dir / "demo" and gcode.suffix == ".ngc"
    tools = [
        SimpleNamespace(number=1, diameter_mm=10.0),
        SimpleNamespace(number=2, diameter_mm=6.0),
    ]
    verdict = rs274.check(gcode.read_text(), tools)
    assert verdict is not None and verdict.ok, verdict
    # no error; the pocket's corners leave material the design comparison (#21) warns of
    assert re.search(
        r"8\. Simulation \d+: passed(?: with warnings; \d+ findings \(0 errors\)|; 0 findings)", out
    ), out
    assert "Against the design: 0.0 mm³ gouged in 0 regions" in out
    assert "9. Review: approved by operator.demo@cncworkbench.example" in out
    for label in ("10. Simulation report", "11. Setup sheet"):
        pdf = Path(re.search(rf"{label}: (\S+)", out).group(1))
        assert pdf.read_bytes()[:5] == b"%PDF-", label
    quote_pdf = Path(re.search(r"12\. Quote: 10 parts, [\d,.]+ TRY .*: (\S+)", out).group(1))
    assert quote_pdf.read_bytes()[:5] == b"%PDF-"
    invoice = re.search(r"13\. Invoice draft #(\d+) to satinalma@musteri\.example", out).group(1)
    shown = cli(data_dir, "invoice", "show", invoice)
    assert shown.returncode == 0 and "Demo Müşteri Makina" in shown.stdout, shown.stderr
    assert "cncworkbench gui --panel browser" in out  # the GUI commands to see the same data

    again = cli(data_dir, "demo")  # idempotent: same catalog, no duplicates
    assert again.returncode == 0, again.stderr
    assert "0 added" in again.stdout and "11 machines, 45 tools, 23 materials" in again.stdout
    assert "Identical to version 1" in again.stdout  # the sample is not stored twice
    assert "trial" not in again.stdout  # one trial per installation


def test_db_commands(data_dir):
    assert f"(empty) -> {HEAD}" in cli(data_dir, "db", "upgrade").stdout
    assert f"database: {HEAD}  code: {HEAD}  (up to date)" in cli(data_dir, "db", "current").stdout
    down = cli(data_dir, "db", "downgrade", "base", "--yes")
    assert down.returncode == 0 and f"{HEAD} -> (empty)" in down.stdout
    assert "needs `cncworkbench db upgrade`" in cli(data_dir, "db", "current").stdout
    assert cli(data_dir, "db", "upgrade").returncode == 0
    assert "embedded database stopped" in cli(data_dir, "db", "stop").stdout
    # next command starts it again, data intact
    assert "up to date" in cli(data_dir, "db", "current").stdout


def test_seed_and_user_add(data_dir):
    first = cli(data_dir, "seed")
    assert "machines: 11 added" in first.stdout
    assert "machines: 0 added, 0 updated, 11 unchanged" in cli(data_dir, "seed").stdout
    added = cli(
        data_dir,
        "user",
        "add",
        "ops@shop.example",
        "--role",
        "operator",
        "--password-stdin",
        input="operator-pass-1\n",
    )
    assert added.returncode == 0 and "(operator) created" in added.stdout
    again = cli(
        data_dir, "user", "add", "ops@shop.example", "--password-stdin", input="operator-pass-1\n"
    )
    assert (
        again.returncode == 2
        and "already has the email ops@shop.example" in again.stderr
        and "Traceback" not in again.stderr
    )


def test_user_add_refuses_a_password_with_a_nul_byte(data_dir):
    refused = cli(
        data_dir, "user", "add", "ops@shop.example", "--password-stdin", input="gizli\x00parola-1\n"
    )
    assert refused.returncode == 2 and "control character (U+0000" in refused.stderr
    output = refused.stdout + refused.stderr
    assert "Traceback" not in output and "gizli" not in output and "parola" not in output
    listed = cli(data_dir, "user", "list")
    assert "ops@shop.example" not in listed.stdout


def test_first_starts_at_once_all_succeed(data_dir):
    # Two `db upgrade`/`seed`/`demo` at once on a new folder: one won, the others died
    # with a traceback (UniqueViolation on alembic_version).
    env = {**os.environ, "CNC_DATA_DIR": str(data_dir)}
    env.pop("CNC_DATABASE_URL", None)
    commands = [["db", "upgrade"], ["db", "upgrade"], ["db", "upgrade"], ["seed"]]
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "cncworkbench.cli", *command],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for command in commands
    ]
    outputs = [process.communicate(timeout=240)[0] for process in started]
    assert [process.returncode for process in started] == [0, 0, 0, 0], outputs
    assert not any("Traceback" in output for output in outputs)
    assert all(f"-> {HEAD}" in output for output in outputs[:3])
    assert "machines: 11 added" in outputs[3]


def test_config_set_and_show(data_dir):
    assert cli(data_dir, "config", "set", "s3_region", "eu-central-1").returncode == 0
    shown = cli(data_dir, "config", "show").stdout
    assert re.search(r"CNC_S3_REGION\s+eu-central-1\s+\[config file\]", shown)
    assert cli(data_dir, "config", "unset", "s3_region").returncode == 0
    assert "[config file]" not in cli(data_dir, "config", "show").stdout


def test_user_administration_from_the_command_line(data_dir):
    def add(email, role, password="kullanici-sifre-1", *extra):
        return cli(data_dir, "user", "add", email, "--role", role, *extra, "--password-stdin",
                   input=password + "\n")  # fmt: skip

    assert (
        add(
            "usta@atolye.example", "operator", "kullanici-sifre-1", "--phone", "0532 123 45 67"
        ).returncode
        == 0
    )
    assert add("sef@atolye.example", "admin").returncode == 0
    bad_tax = add("muh@atolye.example", "engineer", "kullanici-sifre-1", "--tax-no", "1234567891")
    assert bad_tax.returncode == 2 and "fails its check digits" in bad_tax.stderr
    listed = cli(data_dir, "user", "list").stdout
    assert re.search(r"usta@atolye\.example\s+operator\s+active", listed)
    assert "engineer" in cli(data_dir, "user", "set-role", "usta@atolye.example", "engineer").stdout
    assert cli(data_dir, "user", "deactivate", "usta@atolye.example").returncode == 0
    assert re.search(
        r"usta@atolye\.example\s+engineer\s+inactive", cli(data_dir, "user", "list").stdout
    )
    # the owner acting for a non-admin user is refused by the permission matrix
    refused = cli(
        data_dir, "user", "activate", "usta@atolye.example", "--user", "usta@atolye.example"
    )
    assert refused.returncode == 2 and "may not manage users" in refused.stderr
    assert (
        cli(
            data_dir, "user", "activate", "usta@atolye.example", "--user", "sef@atolye.example"
        ).returncode
        == 0
    )
    reset = cli(data_dir, "user", "reset-password", "usta@atolye.example", "--password-stdin",
                input="yeni-sifre-2027\n")  # fmt: skip
    assert reset.returncode == 0 and "sessions were ended" in reset.stdout
    assert cli(data_dir, "user", "unlock", "usta@atolye.example").returncode == 0
    verified = cli(data_dir, "audit", "verify")
    assert verified.returncode == 0 and "audit trail intact" in verified.stdout
