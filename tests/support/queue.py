"""Helpers for the queue tests: a database prepared for test jobs, workers, waiting."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa
from psycopg import sql

from cncworkbench.db import queue
from cncworkbench.db.engine import Database

REPOSITORY = Path(__file__).resolve().parents[2]


def prepare(db, pg_cluster) -> str:
    """Create test_effects, make retries back off quickly; returns the worker's URL."""
    with db.engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE test_effects (job_id int, task_id text, pid int)"))
        conn.execute(sa.text("GRANT SELECT, INSERT ON test_effects TO cnc_worker"))
    database = db.engine.url.database
    with pg_cluster.admin() as conn:
        conn.execute(
            sql.SQL("ALTER ROLE cnc_worker IN DATABASE {} SET cnc.job_backoff_s = '0.2'").format(
                sql.Identifier(database)
            )
        )
    return sa.engine.make_url(db.url).set(username="cnc_worker").render_as_string(False)


def submit_many(db, count: int, params: dict, user_id: int | None = None, **options) -> list[int]:
    with db.session() as session:
        return [
            queue.submit(session, "sim_run", {**params, "n": n}, actor_user_id=user_id, **options)
            for n in range(count)
        ]


def wait_for(condition, timeout: float = 60.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


def statuses(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT status, count(*) FROM jobs GROUP BY status")).all()
    return dict(rows)


def effects(db) -> list[tuple[int, str, int]]:
    with db.engine.connect() as conn:
        return [
            tuple(r) for r in conn.execute(sa.text("SELECT job_id, task_id, pid FROM test_effects"))
        ]


def worker_process(
    worker_url: str, data_dir: Path, concurrency: int = 1, extra: tuple[str, ...] = ()
) -> subprocess.Popen:
    """A real `cncworkbench worker` process running the test handlers."""
    env = {
        **os.environ,
        "CNC_DATABASE_URL": worker_url,
        "CNC_DATA_DIR": str(data_dir),
        "CNC_JOB_HANDLERS": "tests.support.job_plugins",
        "PYTHONPATH": str(REPOSITORY),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "cncworkbench.cli", "worker", "--types", "sim_run",
         "--concurrency", str(concurrency), "--poll", "1", *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def in_process_worker(worker_url: str, store, concurrency: int = 1, **options):
    from cncworkbench.services.jobs.worker import Worker
    from tests.support import job_plugins

    job_plugins.register()

    worker = Worker(Database(worker_url, setting="test"), store, ["sim_run"], concurrency,
                    heartbeat_interval=0.5, **options)  # fmt: skip
    worker.start()
    return worker
