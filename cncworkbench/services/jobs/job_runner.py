"""Following a job to its end from a front end that may have no worker beside it.

:func:`worker_if_none` runs a worker in this process, for as long as the caller waits,
when no worker is alive for the job types (a single-seat install needs no separate
``cncworkbench worker``); it says which happened. :func:`wait_for` follows a job,
reporting its progress, until it ends.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator

from cncworkbench.core import localefmt
from cncworkbench.core.i18n import translate
from cncworkbench.errors import ConfigurationError, UserError
from cncworkbench.services.jobs import jobs

POLL_S = 0.3


@contextlib.contextmanager
def worker_if_none(
    context, database, job_types: list[str], say: Callable[[str], None]
) -> Iterator[object | None]:
    """A worker in this process when none is alive for every one of ``job_types``."""
    from cncworkbench.services.jobs import worker as workers

    alive = all(workers.live_worker_count(database, job_type) for job_type in job_types)
    names = ", ".join(job_types)
    if alive:
        say(translate("JobRunner", "The shop's workers run the {types} jobs.").format(types=names))
        yield None
        return
    try:
        worker_database = context.worker_db()
    except ConfigurationError as exc:
        raise UserError(
            translate(
                "JobRunner",
                "No worker runs {types} jobs and this program cannot run one ({error}); start "
                "`cncworkbench worker` where FreeCAD is installed.",
            ).format(types=names, error=exc)
        ) from None
    say(
        translate(
            "JobRunner", "No worker is running {types} jobs: running them in this process."
        ).format(types=names)
    )
    worker = workers.start_here(
        worker_database, context.store, job_types, poll_interval=0.3, heartbeat_interval=1.0
    )
    try:
        yield worker
    finally:
        worker.stop(grace=10)


def wait_for(
    database,
    actor,
    job_id: int,
    on_progress: Callable[[int, str], None] | None = None,
    timeout: float = 600,
) -> jobs.JobDetail:
    """The job's detail once it has ended; ``on_progress(percent, message)`` on each change."""
    deadline = time.monotonic() + timeout
    seen = (-1, "")
    while True:
        with database.session() as session:
            detail = jobs.get_job(session, actor, job_id)
        now = (detail.summary.progress, detail.summary.message or "")
        if on_progress is not None and now != seen:
            on_progress(*now)
            seen = now
        if detail.summary.status in jobs.TERMINAL:
            return detail
        if time.monotonic() > deadline:
            raise UserError(
                translate(
                    "JobRunner",
                    "Job {id} is still {state} after {seconds} s; follow it with "
                    "`cncworkbench job show {id}`.",
                ).format(
                    id=job_id, state=translate("JobStates", detail.summary.state_text),
                    seconds=localefmt.number(timeout, 0, grouping=False),
                )
            )  # fmt: skip
        time.sleep(POLL_S)


def ended_well(detail: jobs.JobDetail) -> None:
    """Raise the job's failure as one sentence when it did not complete."""
    status = detail.summary.status
    if status == "completed":
        return
    reason = detail.summary.error_message or translate("JobRunner", "no reason given")
    if status == "cancelled":
        text = translate("JobRunner", "Job {id} ({type}) was cancelled: {reason}")
    else:
        text = translate("JobRunner", "Job {id} ({type}) failed: {reason}")
    raise UserError(text.format(id=detail.summary.id, type=detail.summary.type, reason=reason))


def simulation_job_of(session, cam_run_id: int) -> int | None:
    """The newest sim_run job for ``cam_run_id`` that is queued, running or completed
    (the one the CAM job queued itself), else None."""
    import sqlalchemy as sa

    from cncworkbench.db.models import Job

    return session.scalar(
        sa.select(Job.id)
        .where(
            Job.type == "sim_run",
            Job.input_params["cam_run_id"].as_integer() == cam_run_id,
            Job.status.in_(("pending", "queued", "running", "completed")),
        )
        .order_by(Job.id.desc())
        .limit(1)
    )
