"""The job queue's database calls (the functions of migration 0004)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from cncworkbench.db.direct import json_text
from cncworkbench.db.security import Executor


@dataclass(frozen=True)
class ClaimedJob:
    id: int
    type: str
    user_id: int | None
    input_params: dict[str, Any]
    task_id: str
    timeout_seconds: int
    retry_count: int
    max_retries: int
    started_at: dt.datetime | None


def submit(
    db: Executor,
    job_type: str,
    params: dict[str, Any],
    priority: int = 0,
    idempotency_key: str | None = None,
    timeout_seconds: int = 3600,
    max_retries: int = 3,
    not_before: dt.datetime | None = None,
    actor_user_id: int | None = None,
) -> int:
    if not_before is not None and not_before.tzinfo is not None:
        not_before = not_before.astimezone(dt.UTC).replace(tzinfo=None)
    return db.execute(
        sa.text(
            "SELECT cnc_submit_job(:type, CAST(:params AS jsonb), :priority, :key, :timeout, "
            ":retries, CAST(:not_before AS timestamp), :actor)"
        ),
        {
            "type": job_type,
            "params": json_text(params),
            "priority": priority,
            "key": idempotency_key,
            "timeout": timeout_seconds,
            "retries": max_retries,
            "not_before": not_before,
            "actor": actor_user_id,
        },
    ).scalar_one()


def declare_heartbeat(db: Executor, heartbeat_s: float) -> None:
    """Tell the database how often this worker beats: a lease lapses after three missed
    beats (migration 0010), for this transaction's claim or heartbeat."""
    db.execute(
        sa.text("SELECT set_config('cnc.heartbeat_s', :seconds, true)"),
        {"seconds": f"{float(heartbeat_s):g}"},
    )


def claim(
    db: Executor,
    worker_id: str,
    types: list[str] | None,
    task_id: str,
    heartbeat_s: float = 2.0,
) -> ClaimedJob | None:
    declare_heartbeat(db, heartbeat_s)
    row = db.execute(
        sa.text(
            "SELECT id, type, user_id, input_params, task_id, timeout_seconds, retry_count, "
            "max_retries, started_at FROM cnc_claim_job(:worker, :types, :task)"
        ),
        {"worker": worker_id, "types": types, "task": task_id},
    ).first()
    if row is None:
        return None
    return ClaimedJob(
        row.id,
        row.type,
        row.user_id,
        row.input_params or {},
        row.task_id,
        row.timeout_seconds or 3600,
        row.retry_count or 0,
        row.max_retries or 0,
        row.started_at,
    )


@dataclass(frozen=True)
class Beat:
    job_id: int | None
    task_id: str
    cancel_requested: bool
    lost: bool


def heartbeat(
    db: Executor, worker_id: str, task_ids: list[str], heartbeat_s: float = 2.0
) -> list[Beat]:
    declare_heartbeat(db, heartbeat_s)
    rows = db.execute(
        sa.text("SELECT * FROM cnc_heartbeat(:worker, :tasks)"),
        {"worker": worker_id, "tasks": task_ids},
    ).all()
    return [Beat(r.job_id, r.task_id, r.cancel_requested, r.lost) for r in rows]


def progress(db: Executor, job_id: int, task_id: str, percent: int, message: str = "") -> bool:
    """Records progress; True when the attempt must stop (cancelled, or no longer ours)."""
    return bool(
        db.execute(
            sa.text("SELECT cnc_job_progress(:job, :task, :progress, :message)"),
            {"job": job_id, "task": task_id, "progress": int(percent), "message": message},
        ).scalar_one()
    )


def complete(db: Executor, job_id: int, task_id: str, output: dict, metrics: dict) -> bool:
    return bool(
        db.execute(
            sa.text(
                "SELECT cnc_complete_job(:job, :task, CAST(:output AS jsonb), "
                "CAST(:metrics AS jsonb))"
            ),
            {
                "job": job_id,
                "task": task_id,
                "output": json_text(output),
                "metrics": json_text(metrics),
            },
        ).scalar_one()
    )


def fail_attempt(
    db: Executor, job_id: int, task_id: str, code: str, message: str, retryable: bool
) -> str:
    return db.execute(
        sa.text("SELECT cnc_fail_attempt(:job, :task, :code, :message, :retryable)"),
        {
            "job": job_id,
            "task": task_id,
            "code": code,
            "message": message[:4000],
            "retryable": retryable,
        },
    ).scalar_one()


def release(db: Executor, job_id: int, task_id: str) -> bool:
    return bool(
        db.execute(
            sa.text("SELECT cnc_release_job(:job, :task)"), {"job": job_id, "task": task_id}
        ).scalar_one()
    )


def acknowledge_cancel(db: Executor, job_id: int, task_id: str) -> bool:
    return bool(
        db.execute(
            sa.text("SELECT cnc_acknowledge_cancel(:job, :task)"), {"job": job_id, "task": task_id}
        ).scalar_one()
    )


def cancel(db: Executor, job_id: int) -> str:
    return db.execute(sa.text("SELECT cnc_cancel_job(:job)"), {"job": job_id}).scalar_one()


def reap(db: Executor) -> int:
    return db.execute(sa.text("SELECT cnc_reap_jobs()")).scalar_one()


def register_worker(
    db: Executor,
    worker_id: str,
    hostname: str,
    pid: int,
    types: list[str],
    concurrency: int,
    version: str,
) -> None:
    db.execute(
        sa.text("SELECT cnc_register_worker(:id, :host, :pid, :types, :concurrency, :version)"),
        {
            "id": worker_id,
            "host": hostname,
            "pid": pid,
            "types": types,
            "concurrency": concurrency,
            "version": version,
        },
    )


def worker_stopped(db: Executor, worker_id: str) -> None:
    db.execute(sa.text("SELECT cnc_worker_stopped(:id)"), {"id": worker_id})


def live_workers(db: Executor, job_type: str | None = None) -> int:
    return db.execute(sa.text("SELECT cnc_live_workers(:type)"), {"type": job_type}).scalar_one()
