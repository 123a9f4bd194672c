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
    result = cli(data_dir, "demo")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(
        r"1\. Database: embedded PostgreSQL 15\.\d+.*schema revision 0001, 19 tables", out
    )
    assert re.search(r"2\. Catalog: 11 machines, 45 tools, 23 materials", out)
    assert "3. Login: demo@cncworkbench.example as engineer (locale tr, Europe/Istanbul)" in out
    assert f"data folder:   {data_dir}" in out
    password = re.search(r"demo login:\s+\S+ / (\S+)", out).group(1)
    # the printed password really logs in (what the GUI user would type)
    script = (
        "from cncworkbench.services.context import AppContext; "
        "from cncworkbench.services import auth; "
        "c = AppContext(progress=lambda *_: None); s = c.db.sessionmaker(); "
        f"print(auth.login(s, 'demo@cncworkbench.example', {password!r}).role); s.commit()"
    )
    check = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CNC_DATA_DIR": str(data_dir)},
        check=False,
    )
    assert check.stdout.strip() == "engineer", check.stderr
    again = cli(data_dir, "demo")  # idempotent: same catalog, no duplicates
    assert "0 added" in again.stdout and "11 machines, 45 tools, 23 materials" in again.stdout


def test_db_commands(data_dir):
    assert "(empty) -> 0001" in cli(data_dir, "db", "upgrade").stdout
    assert "database: 0001  code: 0001  (up to date)" in cli(data_dir, "db", "current").stdout
    down = cli(data_dir, "db", "downgrade", "base", "--yes")
    assert down.returncode == 0 and "0001 -> (empty)" in down.stdout
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
        and "already exists" in again.stderr
        and "Traceback" not in again.stderr
    )


def test_config_set_and_show(data_dir):
    assert cli(data_dir, "config", "set", "s3_region", "eu-central-1").returncode == 0
    shown = cli(data_dir, "config", "show").stdout
    assert re.search(r"CNC_S3_REGION\s+eu-central-1\s+\[config file\]", shown)
    assert cli(data_dir, "config", "unset", "s3_region").returncode == 0
    assert "[config file]" not in cli(data_dir, "config", "show").stdout
