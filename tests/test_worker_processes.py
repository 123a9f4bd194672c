"""Reliability with real `cncworkbench worker` processes against the real database."""

from __future__ import annotations

import os
import signal
import tempfile
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.services.pdm import files
from cncworkbench.storage.local import LocalStore
from tests.support.queue import effects, prepare, statuses, submit_many, wait_for, worker_process

pytestmark = pytest.mark.slow


@pytest.fixture
def worker_url(db, pg_cluster):
    return prepare(db, pg_cluster)


@pytest.fixture
def data_dir():
    path = Path(tempfile.mkdtemp(prefix="cnc-workers-"))
    yield path


@pytest.fixture
def processes(worker_url, data_dir):
    started = []

    def start(count=1, concurrency=1):
        new = [worker_process(worker_url, data_dir, concurrency) for _ in range(count)]
        started.extend(new)
        return new

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def test_four_workers_and_500_jobs_each_complete_exactly_once(db, processes):
    jobs = submit_many(db, 500, {"op": "echo"})
    processes(4)
    wait_for(lambda: statuses(db).get("completed") == 500, timeout=240, interval=0.5)
    done = effects(db)
    assert sorted(job for job, _task, _pid in done) == sorted(jobs)  # none lost, none twice
    assert len({pid for _job, _task, pid in done}) == 4  # all four took part
    with db.engine.connect() as conn:
        attempts = conn.execute(
            sa.text("SELECT max((metrics->>'attempts')::int) FROM jobs")
        ).scalar_one()
    assert attempts == 1


def test_a_worker_killed_mid_job_leaves_no_partial_artefact(db, processes, data_dir):
    submit_many(db, 1, {"op": "artefact", "seconds": 6}, timeout_seconds=60)
    [first] = processes(1)

    def running_on():
        with db.engine.connect() as conn:
            row = conn.execute(
                sa.text(
                    "SELECT s.worker_id, j.progress FROM jobs j "
                    "JOIN job_state s ON s.job_id = j.id WHERE j.status = 'running'"
                )
            ).first()
        return row if row and row.progress > 0 else None

    worker_id, _progress = wait_for(running_on, timeout=60)
    assert worker_id.split(":")[1] == str(first.pid)
    os.kill(first.pid, signal.SIGKILL)  # mid-job: its object is stored, its row is not
    first.wait(timeout=10)
    [second] = processes(1)
    wait_for(lambda: statuses(db) == {"completed": 1}, timeout=90, interval=0.5)
    with db.engine.connect() as conn:
        artefacts = conn.execute(sa.text("SELECT s3_key FROM artefacts")).scalars().all()
        retries = conn.execute(sa.text("SELECT retry_count FROM jobs")).scalar_one()
    assert len(artefacts) == 1 and retries == 1  # taken back after the lease, done once
    assert [pid for _j, _t, pid in effects(db)] == [second.pid]
    store = LocalStore(data_dir / "objects")
    keys = [key for key, _size, _when in store.iter_objects()]
    assert len(keys) == 2 and artefacts[0] in keys  # the killed attempt's object: no row
    import datetime as dt

    with db.session() as session:
        report = files.sweep(session, store, grace=dt.timedelta(0))
    assert report.deleted == 1
    assert [key for key, _s, _w in store.iter_objects()] == artefacts


def test_a_dead_workers_job_is_taken_back_within_seconds_whatever_its_timeout(db, processes):
    # The lease was a tenth of the timeout: with the default hour, a SIGKILLed worker's
    # job stayed 'running' for 305 s although its heartbeats (every 2 s) had stopped.
    submit_many(db, 1, {"op": "artefact", "seconds": 4})
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT timeout_seconds FROM jobs")).scalar_one() >= 3600
    workers = {process.pid: process for process in processes(2)}

    def holder():
        with db.engine.connect() as conn:
            return conn.execute(
                sa.text(
                    "SELECT s.worker_id FROM jobs j JOIN job_state s ON s.job_id = j.id "
                    "WHERE j.status = 'running' AND j.progress > 0"
                )
            ).scalar()

    first = wait_for(holder, timeout=60)
    victim = workers[int(first.split(":")[1])]
    os.kill(victim.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    victim.wait(timeout=10)
    wait_for(lambda: (holder() or first) != first, timeout=30, interval=0.2)
    taken_back_after = time.monotonic() - killed_at
    assert taken_back_after < 15, f"re-queued {taken_back_after:.1f} s after the death"
    wait_for(lambda: statuses(db) == {"completed": 1}, timeout=60, interval=0.5)
    survivor = next(pid for pid in workers if pid != victim.pid)
    assert [pid for _job, _task, pid in effects(db)] == [survivor]  # done once, by the other


def test_workers_carry_on_after_the_database_restarts(db, processes, pg_cluster):
    jobs = submit_many(db, 60, {"op": "sleep", "seconds": 0.2})
    processes(2)
    wait_for(lambda: statuses(db).get("completed", 0) >= 5, timeout=60)
    db.dispose()
    pg_cluster.cluster.stop()
    pg_cluster.cluster.wait_stopped()
    live = pg_cluster.cluster.ensure_running(progress=lambda *_: None)
    assert live.port == pg_cluster.live.port  # same address: clients reconnect
    wait_for(lambda: statuses(db).get("completed") == 60, timeout=180, interval=0.5)
    assert sorted(job for job, _t, _p in effects(db)) == sorted(jobs)


def test_sigterm_finishes_the_current_job(db, processes):
    submit_many(db, 1, {"op": "sleep", "seconds": 2})
    [process] = processes(1)
    wait_for(lambda: statuses(db).get("running") == 1, timeout=60)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    assert statuses(db) == {"completed": 1}
    with db.engine.connect() as conn:
        stopped = conn.execute(sa.text("SELECT stopped_at FROM workers")).scalar_one()
    assert stopped is not None
