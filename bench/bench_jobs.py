"""Job queue: throughput with 1, 2 and 4 workers, and latency from submit to start.

Workers are real `cncworkbench worker` processes running a light job (the test handler
that records one row as it completes). Baselines measured in the same run: a bare
`FOR UPDATE SKIP LOCKED` claim-and-complete loop in SQL on one connection (what the queue
costs over the least a PostgreSQL queue can do), and a worker that only polls every 2 s
(what LISTEN/NOTIFY buys).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from tests.support.pg import TestCluster
from tests.support.queue import prepare, statuses, submit_many, wait_for, worker_process

JOBS = 300


def _reset(db) -> None:
    with db.engine.begin() as conn:
        conn.execute(sa.text("TRUNCATE jobs, test_effects, workers CASCADE"))


def _start(worker_url, data_dir, count, extra=()) -> list:
    processes = [worker_process(worker_url, data_dir, 1, extra) for _ in range(count)]
    return processes


def _wait_registered(db, count) -> None:
    def ready():
        with db.engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM workers")).scalar_one() >= count

    wait_for(ready, timeout=60)


def _stop(processes) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)


def _throughput(db, worker_url, data_dir, workers: int) -> float:
    _reset(db)
    processes = _start(worker_url, data_dir, workers)
    try:
        _wait_registered(db, workers)
        started = time.perf_counter()
        submit_many(db, JOBS, {"op": "echo"})
        wait_for(lambda: statuses(db).get("completed") == JOBS, timeout=300, interval=0.05)
        return JOBS / (time.perf_counter() - started)
    finally:
        _stop(processes)


def _bare_sql_loop(db) -> float:
    """The least a PostgreSQL queue can do: claim with SKIP LOCKED, mark done, commit."""
    with db.engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE bare_jobs (id serial PRIMARY KEY, status text)"))
        conn.execute(
            sa.text(
                f"INSERT INTO bare_jobs (status) SELECT 'queued' FROM generate_series(1, {JOBS})"
            )
        )
    started = time.perf_counter()
    with db.engine.connect() as conn:
        while True:
            claimed = conn.execute(
                sa.text(
                    "UPDATE bare_jobs SET status = 'running' WHERE id = (SELECT id FROM bare_jobs "
                    "WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) "
                    "RETURNING id"
                )
            ).scalar()
            conn.commit()
            if claimed is None:
                break
            conn.execute(
                sa.text("UPDATE bare_jobs SET status = 'completed' WHERE id = :id"), {"id": claimed}
            )
            conn.commit()
    return JOBS / (time.perf_counter() - started)


def _latency(db, worker_url, data_dir, extra=()) -> list[float]:
    """Milliseconds from submit to start for jobs submitted one at a time to an idle worker."""
    _reset(db)
    processes = _start(worker_url, data_dir, 1, extra)
    try:
        _wait_registered(db, 1)
        time.sleep(1.0)
        for _ in range(15):
            submit_many(db, 1, {"op": "echo"})
            time.sleep(0.4)
        wait_for(lambda: statuses(db).get("completed") == 15, timeout=120)
        with db.engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT extract(epoch FROM started_at - created_at) * 1000 FROM jobs")
            ).scalars()
            return sorted(float(value) for value in rows)
    finally:
        _stop(processes)


def run() -> dict:
    cluster = TestCluster()
    try:
        db = cluster.migrated_database()
        worker_url = prepare(db, cluster)
        data_dir = Path(tempfile.mkdtemp(prefix="cnc-bench-jobs-"))
        bare = _bare_sql_loop(db)
        throughput = {n: _throughput(db, worker_url, data_dir, n) for n in (1, 2, 4)}
        notified = _latency(db, worker_url, data_dir)
        polled = _latency(db, worker_url, data_dir, ("--no-listen", "--poll", "2"))
    finally:
        cluster.stop()

    def median(values):
        return statistics.median(values)

    def p95(values):
        return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]

    lines = [f"light jobs ({JOBS} per run), real worker processes, claim + run + complete:"]
    for n, rate in throughput.items():
        lines.append(
            f"  {n} worker(s): {rate:7.1f} jobs/s  ({rate / throughput[1]:.2f}x one worker; "
            f"{rate / bare:.2f}x the bare SQL loop)"
        )
    lines.append(f"  baseline bare SKIP LOCKED loop in SQL, one connection: {bare:.1f} jobs/s")
    lines.append(
        f"submit → start, idle worker: LISTEN/NOTIFY median {median(notified):.0f} ms, "
        f"p95 {p95(notified):.0f} ms; polling every 2 s median {median(polled):.0f} ms, "
        f"p95 {p95(polled):.0f} ms ({median(polled) / max(median(notified), 0.1):.0f}x slower)"
    )
    return {
        "throughput_jobs_s": throughput,
        "bare_sql_jobs_s": bare,
        "latency_notify_ms": notified,
        "latency_poll_ms": polled,
        "lines": lines,
    }
