"""The queue's rules, with in-process workers against the real database: claims, status
that only moves forward, idempotency, retries with back-off, poison jobs, cancellation,
timeouts, notifications, LISTEN/NOTIFY wake-ups, graceful release."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from cncworkbench.db import queue
from cncworkbench.errors import PermissionDenied, ValidationError
from cncworkbench.services.access import identity
from cncworkbench.services.jobs import jobs
from cncworkbench.storage.local import LocalStore
from tests.support.people import PASSWORD, make_user
from tests.support.queue import effects, in_process_worker, prepare, statuses, submit_many, wait_for


@pytest.fixture
def worker_url(db, pg_cluster):
    return prepare(db, pg_cluster)


@pytest.fixture
def store(tmp_path):
    return LocalStore(tmp_path / "objects")


@pytest.fixture
def workers(worker_url, store):
    started = []

    def start(concurrency=1, **options):
        worker = in_process_worker(worker_url, store, concurrency, **options)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop(grace=1)


def job_row(db, job_id):
    with db.engine.connect() as conn:
        return conn.execute(sa.text("SELECT * FROM jobs WHERE id = :id"), {"id": job_id}).one()


def test_a_job_runs_once_and_reports(db, workers):
    user = make_user(db, "muhendis@atolye.example")
    [job_id] = submit_many(db, 1, {"op": "echo"}, user)
    assert job_row(db, job_id).status == "queued"
    workers()
    wait_for(lambda: job_row(db, job_id).status == "completed")
    row = job_row(db, job_id)
    assert row.progress == 100 and row.output_data == {"echo": 0}
    assert row.started_at and row.finished_at and row.task_id
    assert {"queue_wait_ms", "run_ms", "attempts", "worker", "handler_ms"} <= set(row.metrics)
    assert row.metrics["attempts"] == 1
    assert [e[0] for e in effects(db)] == [job_id]
    with db.engine.connect() as conn:
        note = conn.execute(sa.text("SELECT user_id, type, title FROM notifications")).one()
    assert note.user_id == user and note.type == "job.completed"
    assert note.title == f"sim run job {job_id} completed"


def test_status_never_goes_backwards(db, workers):
    [job_id] = submit_many(db, 1, {"op": "echo"})
    workers()
    wait_for(lambda: job_row(db, job_id).status == "completed")
    for target in ("running", "queued", "pending", "failed"):
        with (
            pytest.raises(sa.exc.IntegrityError, match="cannot go from completed back to"),
            db.engine.begin() as conn,
        ):
            conn.execute(
                sa.text("UPDATE jobs SET status = :s WHERE id = :id"), {"s": target, "id": job_id}
            )


def test_priority_then_age(db, workers):
    low = submit_many(db, 3, {"op": "echo"}, priority=0)
    high = submit_many(db, 2, {"op": "echo"}, priority=5)
    workers()
    wait_for(lambda: statuses(db) == {"completed": 5})
    with db.engine.connect() as conn:
        order = conn.execute(sa.text("SELECT id FROM jobs ORDER BY started_at, id")).scalars().all()
    assert order == high + low


def test_the_same_idempotency_key_returns_the_first_job(db, app_context):
    make_user(db, "a@atolye.example")
    make_user(db, "b@atolye.example")
    a = identity.sign_in(app_context, "a@atolye.example", PASSWORD)
    b = identity.sign_in(app_context, "b@atolye.example", PASSWORD)
    with a.db.session() as session:
        first = jobs.submit_job(
            session, a.actor, "cam_process", {"model": 1}, idempotency_key="op10-v3"
        )
    with a.db.session() as session:
        again = jobs.submit_job(
            session, a.actor, "cam_process", {"model": 1}, idempotency_key="op10-v3"
        )
    assert again == first
    with (
        pytest.raises(sa.exc.IntegrityError, match="belongs to another user"),
        b.db.session() as session,
    ):
        jobs.submit_job(session, b.actor, "cam_process", {}, idempotency_key="op10-v3")
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM jobs")).scalar_one() == 1
    a.close()
    b.close()


def test_viewers_cannot_submit_and_users_see_only_their_jobs(db, app_context):
    make_user(db, "izleyici@atolye.example", "viewer")
    make_user(db, "usta@atolye.example", "operator")
    submit_many(db, 2, {"op": "echo"}, user_id=None)
    viewer = identity.sign_in(app_context, "izleyici@atolye.example", PASSWORD)
    with pytest.raises(PermissionDenied), viewer.db.session() as session:
        jobs.submit_job(session, viewer.actor, "sim_run", {})
    operator = identity.sign_in(app_context, "usta@atolye.example", PASSWORD)
    with operator.db.session() as session:
        mine = jobs.submit_job(session, operator.actor, "sim_run", {"op": "echo"})
        assert [j.id for j in jobs.list_jobs(session, operator.actor, mine=False)] == [mine]
        with pytest.raises(ValidationError, match="There is no job"):
            jobs.get_job(session, operator.actor, mine - 1)
    viewer.close()
    operator.close()


def test_a_poison_job_fails_after_its_retries_without_blocking_the_queue(db, workers):
    [poison] = submit_many(db, 1, {"op": "poison"}, max_retries=2)
    good = submit_many(db, 5, {"op": "echo"})
    workers()
    wait_for(lambda: job_row(db, poison).status == "failed", timeout=30)
    row = job_row(db, poison)
    assert row.retry_count == 2 and row.error_code == "RuntimeError"
    assert "poisoned input" in row.error_message and "after 3 attempts" in row.error_message
    assert all(job_row(db, j).status == "completed" for j in good)


def test_a_permanent_error_is_not_retried(db, workers):
    [job_id] = submit_many(db, 1, {"op": "invalid"}, max_retries=3)
    workers()
    wait_for(lambda: job_row(db, job_id).status == "failed")
    row = job_row(db, job_id)
    assert row.retry_count == 0 and row.error_code == "invalid"
    assert row.error_message == "the part is not a solid"


def test_retries_back_off_while_the_job_stays_running(db, pg_cluster, worker_url, store):
    from cncworkbench.db.engine import Database

    [job_id] = submit_many(db, 1, {"op": "poison"}, max_retries=3)
    worker_db = Database(worker_url)
    with worker_db.session() as session:
        claimed = queue.claim(session, "w1", ["sim_run"], "t1")
        assert queue.fail_attempt(session, job_id, "t1", "X", "boom", True) == "retrying"
    with db.engine.connect() as conn:
        status, retry, wait = conn.execute(sa.text(
            "SELECT j.status, j.retry_count, s.available_at > timezone('UTC', now()) "
            "FROM jobs j JOIN job_state s ON s.job_id = j.id"
        )).one()  # fmt: skip
    assert claimed.id == job_id and (status, retry, wait) == ("running", 1, True)
    with worker_db.session() as session:  # not claimable before its back-off has passed
        assert queue.claim(session, "w1", ["sim_run"], "t2") is None
    worker_db.dispose()


def test_cancelling_queued_and_running_jobs(db, workers):
    [queued] = submit_many(db, 1, {"op": "echo"})
    with db.session() as session:
        assert queue.cancel(session, queued) == "cancelled"
    [running] = submit_many(db, 1, {"op": "sleep", "seconds": 30})
    workers()
    wait_for(lambda: job_row(db, running).status == "running" and job_row(db, running).progress > 0)
    started = time.monotonic()
    with db.session() as session:
        assert queue.cancel(session, running) == "cancelling"
    wait_for(lambda: job_row(db, running).status == "cancelled", timeout=10)
    assert time.monotonic() - started < 3  # reaches the running job within seconds
    assert effects(db) == []  # the cancelled attempt committed nothing
    assert job_row(db, queued).status == "cancelled"


def test_a_job_past_its_timeout_is_stopped_and_failed(db, workers):
    [job_id] = submit_many(db, 1, {"op": "sleep", "seconds": 30}, timeout_seconds=2)
    workers()
    wait_for(lambda: job_row(db, job_id).status == "failed", timeout=15)
    row = job_row(db, job_id)
    assert row.error_code == "timeout" and "timeout of 2 s" in row.error_message


def test_a_hung_attempt_is_failed_by_the_reaper(db, workers):
    # The handler never reports progress, so only the database can enforce the timeout.
    [job_id] = submit_many(db, 1, {"op": "stuck", "seconds": 8}, timeout_seconds=1)
    workers()
    wait_for(lambda: job_row(db, job_id).status == "running")
    time.sleep(1.5)
    with db.session() as session:
        queue.reap(session)
    row = job_row(db, job_id)
    assert row.status == "failed" and row.error_code == "timeout"


def test_notifications_wake_idle_workers(db, workers):
    workers(poll_interval=30.0)  # polling alone would take 30 s
    time.sleep(0.5)
    [job_id] = submit_many(db, 1, {"op": "echo"})
    started = time.monotonic()
    wait_for(lambda: job_row(db, job_id).status == "completed", timeout=10)
    assert time.monotonic() - started < 3


def test_a_worker_gives_back_what_it_cannot_finish_when_stopped(db, worker_url, store):
    [job_id] = submit_many(db, 1, {"op": "sleep", "seconds": 30})
    first = in_process_worker(worker_url, store)
    wait_for(lambda: job_row(db, job_id).status == "running")
    first.stop(grace=0.3)
    with db.engine.connect() as conn:
        lease = conn.execute(sa.text("SELECT lease_expires_at FROM job_state")).scalar_one()
    assert lease is None and job_row(db, job_id).retry_count == 0  # given back, not failed
    with db.engine.begin() as conn:  # a quick job from here on
        conn.execute(sa.text('UPDATE jobs SET input_params = \'{"op": "echo"}\''))
    second = in_process_worker(worker_url, store)
    wait_for(lambda: job_row(db, job_id).status == "completed")
    second.stop(grace=1)
    assert len(effects(db)) == 1


def test_the_user_side_list_retry_and_notifications(db, app_context, workers):
    make_user(db, "muhendis@atolye.example")
    user = identity.sign_in(app_context, "muhendis@atolye.example", PASSWORD)
    with user.db.session() as session:
        failing = jobs.submit_job(session, user.actor, "sim_run", {"op": "invalid"}, max_retries=0)
        fine = jobs.submit_job(session, user.actor, "sim_run", {"op": "echo"})
    workers()
    wait_for(lambda: statuses(db) == {"failed": 1, "completed": 1})
    with user.db.session() as session:
        listed = {j.id: j for j in jobs.list_jobs(session, user.actor)}
        assert listed[failing].status == "failed" and listed[fine].status == "completed"
        assert jobs.unread_count(session, user.actor) == 2
        titles = sorted(n.title for n in jobs.notifications(session, user.actor))
        assert titles == [f"sim run job {failing} failed", f"sim run job {fine} completed"]
        with pytest.raises(ValidationError, match="only failed or cancelled"):
            jobs.retry_job(session, user.actor, fine)
        again = jobs.retry_job(session, user.actor, failing)
        assert jobs.get_job(session, user.actor, again).input_params["retry_of"] == failing
        assert jobs.mark_read(session, user.actor) == 2
        assert jobs.unread_count(session, user.actor) == 0
    user.close()
