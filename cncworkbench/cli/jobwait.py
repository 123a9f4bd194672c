"""Following a queued job from the command line (``model generate``, ``cam post``).

Commands queue the job (on the same queue the workers and the GUI use) and, unless
``--no-wait``, follow it with a progress bar until it ends. When no worker is alive for
the job's type, the command runs one in this process for as long as it waits (it says so),
so a single-seat install needs no separate ``cncworkbench worker``.

Help texts are marked ``QT_TRANSLATE_NOOP("Cli", ...)`` (put in the reader's language by
:func:`cncworkbench.cli.base.localise`); what the commands print goes through
``translate("CliCad", ...)``.
"""

from __future__ import annotations

import contextlib
import sys
import time

import click

from cncworkbench.core import localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

POLL_S = 0.5


@contextlib.contextmanager
def worker_if_none(context, database, job_type: str):
    """A worker in this process when none is alive for ``job_type`` (stopped on exit)."""
    from cncworkbench.services.jobs import worker as workers

    if workers.live_worker_count(database, job_type):
        click.echo(
            translate("CliCad", "A worker runs the {job_type} job.").format(job_type=job_type),
            err=True,
        )
        yield None
        return
    from cncworkbench.errors import ConfigurationError

    try:
        worker_database = context.worker_db()
    except ConfigurationError as exc:
        raise UserError(
            translate(
                "CliCad",
                "The job is queued, but no worker runs {job_type} jobs and this command cannot "
                "run one ({error}); start `cncworkbench worker` where FreeCAD is installed.",
            ).format(job_type=job_type, error=exc)
        ) from None
    click.echo(
        translate("CliCad", "No worker is running {job_type} jobs: running this one here.").format(
            job_type=job_type
        ),
        err=True,
    )
    worker = workers.start_here(
        worker_database, context.store, [job_type], poll_interval=0.5, heartbeat_interval=1.0
    )
    try:
        yield worker
    finally:
        worker.stop(grace=10)


def follow(database, actor, job_id: int, label: str, timeout: float):
    """Wait for the job to end, with a progress bar; returns its JobDetail."""
    from cncworkbench.services.jobs import jobs

    deadline = time.monotonic() + timeout
    with click.progressbar(length=100, label=label, file=sys.stderr) as bar:
        shown = 0
        while True:
            with database.session() as session:
                detail = jobs.get_job(session, actor, job_id)
            progress = detail.summary.progress
            if progress > shown:
                bar.update(progress - shown)
                shown = progress
            if detail.summary.status in jobs.TERMINAL:
                return detail
            if time.monotonic() > deadline:
                raise UserError(
                    translate(
                        "CliCad",
                        "Job {id} is still {state} after {seconds} s; follow it with "
                        "`cncworkbench job show {id}`.",
                    ).format(
                        id=job_id,
                        state=detail.summary.state_text,
                        seconds=localefmt.number(timeout, 0, grouping=False),
                    )
                )
            time.sleep(POLL_S)


def raise_unless_completed(detail) -> None:
    status = detail.summary.status
    if status != "completed":
        if status == "failed":
            text = translate("CliCad", "job {id} failed: {reason}")
        elif status == "cancelled":
            text = translate("CliCad", "job {id} cancelled: {reason}")
        else:
            text = translate("CliCad", "job {id} {status}: {reason}")
        raise UserError(
            text.format(
                id=detail.summary.id,
                status=status,
                reason=detail.summary.error_message or translate("CliCad", "no reason given"),
            )
        )


NO_WAIT = QT_TRANSLATE_NOOP("Cli", "Queue the job and return.")
TIMEOUT = QT_TRANSLATE_NOOP("Cli", "Seconds to wait.")
