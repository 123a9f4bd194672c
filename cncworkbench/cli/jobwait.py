"""Following a queued job from the command line (``model generate``, ``cam post``).

Commands queue the job (on the same queue the workers and the GUI use) and, unless
``--no-wait``, follow it with a progress bar until it ends. When no worker is alive for
the job's type, the command runs one in this process for as long as it waits (it says so),
so a single-seat install needs no separate ``cncworkbench worker``.

The waiting, the in-process worker and the failure sentence are the jobs service's
(:mod:`cncworkbench.services.jobs.job_runner`, shared with the demo); this module gives
them the command line's progress bar and standard error.
"""

from __future__ import annotations

import contextlib
import sys

import click

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP


def _say(text: str) -> None:
    click.echo(text, err=True)


@contextlib.contextmanager
def worker_if_none(context, database, job_type: str):
    """A worker in this process when none is alive for ``job_type`` (stopped on exit)."""
    from cncworkbench.services.jobs import job_runner

    with job_runner.worker_if_none(context, database, [job_type], say=_say) as worker:
        yield worker


def follow(database, actor, job_id: int, label: str, timeout: float):
    """Wait for the job to end, with a progress bar; returns its JobDetail."""
    from cncworkbench.services.jobs import job_runner

    with click.progressbar(length=100, label=label, file=sys.stderr) as bar:
        shown = [0]

        def advance(percent: int, _message: str) -> None:
            if percent > shown[0]:
                bar.update(percent - shown[0])
                shown[0] = percent

        return job_runner.wait_for(database, actor, job_id, on_progress=advance, timeout=timeout)


def raise_unless_completed(detail) -> None:
    """The job's failure as one sentence (a UserError) when it did not complete."""
    from cncworkbench.services.jobs import job_runner

    job_runner.ended_well(detail)


NO_WAIT = QT_TRANSLATE_NOOP("Cli", "Queue the job and return.")
TIMEOUT = QT_TRANSLATE_NOOP("Cli", "Seconds to wait.")
