"""`db upgrade` under faults: a migration that fails, an upgrade stopped (Ctrl-C) or killed
mid-way. One clear line, no traceback; finished steps kept; the next upgrade finishes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import sqlalchemy as sa

from cncworkbench.db import migrate
from cncworkbench.db.engine import make_engine

HEAD = migrate.head_revision()
BEFORE = "0014"  # main's head before this branch: the next step (0020) touches security_events


def upgrade_command(url: str) -> list[str]:
    return [sys.executable, "-m", "cncworkbench.cli", "--language", "en", "db", "upgrade"]


def environment(url: str) -> dict[str, str]:
    return {**os.environ, "CNC_DATABASE_URL": url}


def run_upgrade(url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        upgrade_command(url), env=environment(url), capture_output=True, text=True, timeout=180
    )


def test_a_failing_migration_is_one_line_and_the_next_upgrade_finishes(empty_db_url):
    engine = make_engine(empty_db_url)
    try:
        migrate.upgrade(engine, BEFORE)
        with engine.begin() as conn:  # an object the next migration wants to create
            conn.execute(
                sa.text(
                    "CREATE POLICY security_events_autonomous_insert ON security_events "
                    "FOR SELECT USING (false)"
                )
            )
        failed = run_upgrade(empty_db_url)
        assert failed.returncode == 2, failed.stderr
        lines = failed.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in failed.stdout + failed.stderr
        assert f"stopped at revision {BEFORE}" in lines[0]
        assert "the step to 0020 failed" in lines[0] and "already exists" in lines[0]
        assert migrate.current_revision(engine) == BEFORE
        with engine.begin() as conn:
            conn.execute(
                sa.text("DROP POLICY security_events_autonomous_insert ON security_events")
            )
        finished = run_upgrade(empty_db_url)
        assert finished.returncode == 0, finished.stderr
        assert migrate.current_revision(engine) == HEAD
    finally:
        engine.dispose()


def blocked_upgrade(engine, url: str):
    """A `db upgrade` process stuck inside the step after BEFORE: another connection holds
    a lock on the table that step changes. Returns (process, the lock-holding connection)."""
    holder = engine.connect()
    holder.execute(sa.text("LOCK TABLE security_events IN SHARE MODE"))
    process = subprocess.Popen(
        upgrade_command(url),
        env=environment(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    with engine.connect() as probe:
        while time.monotonic() < deadline:
            waiting = probe.execute(
                sa.text(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted "
                    "AND relation = 'security_events'::regclass"
                )
            ).scalar_one()
            if waiting:
                return process, holder
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the upgrade never reached the locked table")


def test_an_upgrade_stopped_with_ctrl_c_is_one_line_and_the_next_finishes(empty_db_url):
    engine = make_engine(empty_db_url)
    try:
        migrate.upgrade(engine, BEFORE)
        process, holder = blocked_upgrade(engine, empty_db_url)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
        holder.rollback()
        holder.close()
        assert process.returncode == 2, stderr
        assert "Traceback" not in stdout + stderr
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and f"stopped at revision {BEFORE}" in lines[0]
        assert migrate.current_revision(engine) == BEFORE
        assert run_upgrade(empty_db_url).returncode == 0
        assert migrate.current_revision(engine) == HEAD
    finally:
        engine.dispose()


def test_an_upgrade_killed_mid_way_keeps_finished_steps_and_the_next_finishes(empty_db_url):
    engine = make_engine(empty_db_url)
    try:
        migrate.upgrade(engine, BEFORE)
        process, holder = blocked_upgrade(engine, empty_db_url)
        process.kill()
        process.communicate(timeout=60)
        holder.rollback()  # the killed upgrade's server side runs on, then finds it is alone
        holder.close()
        finished = run_upgrade(empty_db_url)
        assert finished.returncode == 0, finished.stderr
        assert "Traceback" not in finished.stdout + finished.stderr
        assert migrate.current_revision(engine) == HEAD
    finally:
        engine.dispose()
