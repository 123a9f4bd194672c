"""Jobs as users see them: submit, list, follow, cancel, retry; and their notifications.

The queue itself (claiming, leases, retries) is the database's (migration 0004) and the
workers' (:mod:`cncworkbench.services.jobs.worker`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core.i18n import translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db import queue
from cncworkbench.db.models import JOB_STATUSES, JOB_TYPES, Artefact, Job, JobState, Notification
from cncworkbench.errors import ValidationError
from cncworkbench.services.access.audit import Actor

TERMINAL = ("completed", "failed", "cancelled")
# What the database writes in English when it ends an attempt (migration 0004).
_AFTER_ATTEMPTS = re.compile(r"(.*) \(after (\d+) attempts\)", re.DOTALL)
_TIMED_OUT = re.compile(r"the job ran longer than its timeout of (\d+) s")
_STOPPED_ANSWERING = "the worker running the job stopped answering"


@dataclass(frozen=True)
class JobSummary:
    id: int
    type: str
    status: str
    progress: int
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    error_message: str | None
    retry_count: int
    max_retries: int
    next_attempt_at: dt.datetime | None  # a running job waiting for its next attempt
    cancel_requested: bool
    message: str | None

    @property
    def duration(self) -> dt.timedelta | None:
        if self.started_at is None:
            return None
        end = self.finished_at or dt.datetime.now(dt.UTC)
        return end - self.started_at

    @property
    def state_text(self) -> str:
        if self.status == "running" and self.cancel_requested:
            return "cancelling"
        if self.status == "running" and self.next_attempt_at is not None:
            return f"retrying ({self.retry_count}/{self.max_retries})"
        return self.status


def _summary(job: Job, state: JobState | None) -> JobSummary:
    waiting = (
        state is not None
        and job.status == "running"
        and state.lease_expires_at is None
        and state.available_at is not None
    )
    return JobSummary(
        job.id, job.type, job.status, job.progress or 0, job.created_at, job.started_at,
        job.finished_at, error_text(job.error_message), job.retry_count or 0,
        job.max_retries or 0,
        state.available_at if waiting else None,
        bool(state and state.cancel_requested), (job.metrics or {}).get("message"),
    )  # fmt: skip


def error_text(message: str | None) -> str | None:
    """A job's error message in the reader's language: the reasons the database writes
    itself (timeouts, a worker gone, retries spent) are translated; a handler's message
    was written in the requester's language already."""
    if not message:
        return message
    found = _AFTER_ATTEMPTS.fullmatch(message)
    if found:
        return translate("Jobs", "{reason} (after {count} attempts)").format(
            reason=error_text(found.group(1)), count=found.group(2)
        )
    found = _TIMED_OUT.fullmatch(message)
    if found:
        return translate("Jobs", "the job ran longer than its timeout of {seconds} s").format(
            seconds=found.group(1)
        )
    if message == _STOPPED_ANSWERING:
        return translate("Jobs", "the worker running the job stopped answering")
    return message


def submit_job(
    session: Session,
    actor: Actor,
    job_type: str,
    params: dict[str, Any],
    priority: int = 0,
    idempotency_key: str | None = None,
    timeout_seconds: int = 3600,
    max_retries: int = 3,
) -> int:
    """Queue a job; the same idempotency key again returns the first job."""
    require(actor.role, Permission.JOB_SUBMIT)
    if job_type not in JOB_TYPES:
        raise ValidationError(
            translate("Jobs", "Unknown job type '{job_type}'; one of {types}.").format(
                job_type=job_type, types=", ".join(JOB_TYPES)
            )
        )
    if not 1 <= timeout_seconds <= 7 * 24 * 3600:
        raise ValidationError(translate("Jobs", "The timeout must be between 1 second and a week."))
    if not 0 <= max_retries <= 20:
        raise ValidationError(translate("Jobs", "max_retries must be between 0 and 20."))
    if idempotency_key is not None and not 1 <= len(idempotency_key) <= 255:
        raise ValidationError(
            translate("Jobs", "The idempotency key must have 1 to 255 characters.")
        )
    return queue.submit(
        session, job_type, params, priority, idempotency_key, timeout_seconds, max_retries,
        actor_user_id=actor.user_id,
    )  # fmt: skip


def list_jobs(
    session: Session,
    actor: Actor,
    mine: bool = True,
    status: str | None = None,
    limit: int = 200,
) -> list[JobSummary]:
    """Newest first. Without the permission to see everyone's jobs, only one's own."""
    if status is not None and status not in JOB_STATUSES:
        raise ValidationError(
            translate("Jobs", "Unknown status '{status}'; one of {statuses}.").format(
                status=status, statuses=", ".join(JOB_STATUSES)
            )
        )
    query = (
        sa.select(Job, JobState)
        .outerjoin(JobState, JobState.job_id == Job.id)
        .order_by(Job.created_at.desc(), Job.id.desc())
        .limit(limit)
    )
    if mine and actor.user_id is not None:
        query = query.where(Job.user_id == actor.user_id)
    if status:
        query = query.where(Job.status == status)
    return [_summary(job, state) for job, state in session.execute(query)]


@dataclass(frozen=True)
class JobDetail:
    summary: JobSummary
    input_params: dict[str, Any]
    output_data: dict[str, Any] | None
    error_code: str | None
    metrics: dict[str, Any]
    artefacts: list[Artefact]


def get_job(session: Session, actor: Actor, job_id: int) -> JobDetail:
    found = session.execute(
        sa.select(Job, JobState)
        .outerjoin(JobState, JobState.job_id == Job.id)
        .where(Job.id == job_id)
    ).first()
    if found is None:
        raise ValidationError(
            translate("Jobs", "There is no job {job_id} (or it is not yours).").format(
                job_id=job_id
            )
        )
    job, state = found
    artefacts = list(
        session.scalars(sa.select(Artefact).where(Artefact.job_id == job_id).order_by(Artefact.id))
    )
    return JobDetail(
        _summary(job, state), job.input_params, job.output_data, job.error_code,
        job.metrics or {}, artefacts,
    )  # fmt: skip


def cancel_job(session: Session, actor: Actor, job_id: int) -> str:
    """'cancelled' at once for a job not running; 'cancelling' while its worker stops it."""
    try:
        return queue.cancel(session, job_id)
    except sa.exc.DBAPIError as exc:
        state = getattr(exc.orig, "sqlstate", None)
        if state == "42501":
            raise ValidationError(translate("Jobs", "You may only cancel your own jobs.")) from None
        if state == "02000":
            raise ValidationError(
                translate("Jobs", "There is no job {job_id}.").format(job_id=job_id)
            ) from None
        raise


def retry_job(session: Session, actor: Actor, job_id: int) -> int:
    """Run a failed or cancelled job again, as a new job with the same input (an ended
    job never changes state again)."""
    detail = get_job(session, actor, job_id)
    if detail.summary.status not in ("failed", "cancelled"):
        raise ValidationError(
            translate(
                "Jobs", "Job {job_id} is {status}; only failed or cancelled jobs are retried."
            ).format(job_id=job_id, status=translate("JobStates", detail.summary.status))
        )
    job = session.get(Job, job_id)
    params = {k: v for k, v in detail.input_params.items() if not k.startswith("_")}
    params["retry_of"] = job_id
    return submit_job(
        session, actor, job.type, params, job.priority or 0, None, job.timeout_seconds or 3600,
        job.max_retries or 3,
    )  # fmt: skip


# ---------------------------------------------------------------------------- notifications
@dataclass(frozen=True)
class NotificationRow:
    id: int
    type: str
    severity: str
    title: str
    message: str
    data: dict[str, Any]
    is_read: bool
    created_at: dt.datetime


def notifications(
    session: Session, actor: Actor, unread_only: bool = False
) -> list[NotificationRow]:
    """The user's notifications that have not expired, newest first."""
    now = dt.datetime.now(dt.UTC)
    query = (
        sa.select(Notification)
        .where(sa.or_(Notification.expires_at.is_(None), Notification.expires_at > now))
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(200)
    )
    if actor.user_id is not None:
        query = query.where(Notification.user_id == actor.user_id)
    if unread_only:
        query = query.where(Notification.is_read.is_not(True))
    return [
        NotificationRow(
            n.id,
            n.type,
            n.severity,
            n.title,
            # a failed job's reason as the database may have worded it (timeouts, retries)
            error_text(n.message) if n.type == "job.failed" else n.message,
            n.data or {},
            bool(n.is_read),
            n.created_at,
        )
        for n in session.scalars(query)
    ]


def unread_count(session: Session, actor: Actor) -> int:
    return len(notifications(session, actor, unread_only=True))


def mark_read(session: Session, actor: Actor, ids: list[int] | None = None) -> int:
    """Mark some (or all) of the user's notifications read; returns how many changed."""
    query = (
        sa.update(Notification)
        .where(Notification.is_read.is_not(True))
        .values(is_read=True, read_at=dt.datetime.now(dt.UTC))
    )
    if actor.user_id is not None:
        query = query.where(Notification.user_id == actor.user_id)
    if ids is not None:
        query = query.where(Notification.id.in_(ids))
    return session.execute(query).rowcount


def remove_expired(session: Session) -> int:
    now = dt.datetime.now(dt.UTC)
    return session.execute(
        sa.delete(Notification).where(
            Notification.expires_at.is_not(None), Notification.expires_at <= now
        )
    ).rowcount
