"""The job queue as users see it (the queue mechanics live with the workers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.db.models import Job


@dataclass(frozen=True)
class JobSummary:
    id: int
    type: str
    status: str
    progress: int
    created_at: dt.datetime
    error_message: str | None


def list_jobs(session: Session, user_id: int | None = None, limit: int = 200) -> list[JobSummary]:
    query = sa.select(Job).order_by(Job.created_at.desc(), Job.id.desc()).limit(limit)
    if user_id is not None:
        query = query.where(Job.user_id == user_id)
    return [
        JobSummary(
            job.id, job.type, job.status, job.progress or 0, job.created_at, job.error_message
        )
        for job in session.scalars(query)
    ]
