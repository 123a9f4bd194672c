"""``cncworkbench job ...``: jobs in the queue."""

from __future__ import annotations

import json

import click

from cncworkbench.cli.context import (
    AS_USER,
    acting,
    app_context,
)
from cncworkbench.core import localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError


@click.group(help=QT_TRANSLATE_NOOP("Cli", "Jobs in the queue."))
def job():
    pass


def _job_line(summary) -> str:
    from cncworkbench.core import timefmt

    duration = summary.duration
    took = (
        f"{localefmt.number(duration.total_seconds(), 1, grouping=False)} s"
        if duration is not None
        else ""
    )
    error = (
        f"  {summary.error_message}"
        if summary.error_message and summary.status != "completed"
        else ""
    )
    state = translate("JobStates", summary.state_text)
    return (
        f"{summary.id:>6}  {summary.type:<13} {state:<16} {summary.progress:>3} %  "
        f"{timefmt.short(summary.created_at)}  {took:>8}{error}"
    )


@job.command("submit", help=QT_TRANSLATE_NOOP("Cli", "Queue a job."))
@click.argument(
    "job_type", type=click.Choice(["cad_generate", "cam_process", "sim_run", "gcode_post"])
)
@click.option(
    "--params",
    default="{}",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Input parameters as JSON."),
)
@click.option("--priority", type=int, default=0, show_default=True)
@click.option(
    "--key",
    "idempotency_key",
    help=QT_TRANSLATE_NOOP("Cli", "Idempotency key: the same key returns the same job."),
)
@click.option(
    "--timeout",
    type=int,
    default=3600,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Seconds."),
)
@click.option("--max-retries", type=int, default=3, show_default=True)
@AS_USER
def job_submit(job_type, params, priority, idempotency_key, timeout, max_retries, as_user):

    from cncworkbench.services.jobs import job_params, jobs

    try:
        values = json.loads(params)
    except json.JSONDecodeError as exc:
        raise UserError(
            translate("Cli", "--params is not valid JSON: {error}").format(error=exc)
        ) from None
    if not isinstance(values, dict):
        raise UserError(translate("Cli", "--params must be a JSON object."))
    context = app_context()
    with acting(context, as_user, person=True) as (session, actor):
        # what the worker would refuse is refused now, and nothing is queued
        job_params.validate(session, job_type, values)
        job_id = jobs.submit_job(session, actor, job_type, values, priority, idempotency_key,
                                 timeout, max_retries)  # fmt: skip
    click.echo(translate("Cli", "job {id} queued").format(id=job_id))


@job.command("list", help=QT_TRANSLATE_NOOP("Cli", "List jobs, newest first."))
@click.option(
    "--status",
    type=click.Choice(["pending", "queued", "running", "completed", "failed", "cancelled"]),
)
@click.option(
    "--mine",
    is_flag=True,
    help=QT_TRANSLATE_NOOP("Cli", "Only the jobs of --user (or of the owner)."),
)
@click.option("--limit", type=int, default=50, show_default=True)
@AS_USER
def job_list(status, mine, limit, as_user):
    from cncworkbench.services.jobs import jobs

    context = app_context()
    with acting(context, as_user) as (session, actor):
        rows = jobs.list_jobs(session, actor, mine=mine, status=status, limit=limit)
    for row in rows:
        click.echo(_job_line(row))
    if not rows:
        click.echo(translate("Cli", "no jobs"))


@job.command(
    "show", help=QT_TRANSLATE_NOOP("Cli", "A job's state, input, output, timings and artefacts.")
)
@click.argument("job_id", type=int)
@AS_USER
def job_show(job_id, as_user):

    from cncworkbench.services.jobs import jobs

    context = app_context()
    with acting(context, as_user) as (session, actor):
        detail = jobs.get_job(session, actor, job_id)
    click.echo(_job_line(detail.summary))
    click.echo(
        translate("Cli", "input:   {json}").format(
            json=json.dumps(detail.input_params, ensure_ascii=False)
        )
    )
    if detail.output_data:
        click.echo(
            translate("Cli", "output:  {json}").format(
                json=json.dumps(detail.output_data, ensure_ascii=False)
            )
        )
    if detail.error_code:
        click.echo(
            translate("Cli", "error:   {code}: {message}").format(
                code=detail.error_code, message=detail.summary.error_message
            )
        )
    click.echo(
        translate("Cli", "metrics: {json}").format(
            json=json.dumps(detail.metrics, ensure_ascii=False)
        )
    )
    if detail.artefacts:
        click.echo(translate("Cli", "results (cncworkbench artefact download {id} NAME -o PATH):")
                   .format(id=job_id))  # fmt: skip
    for artefact in detail.artefacts:
        click.echo(
            translate("Cli", "  {name}  ({type}, {size} bytes)").format(
                name=artefact.name,
                type=artefact.type,
                size=localefmt.integer(artefact.file_size),
            )
        )


@job.command(
    "cancel", help=QT_TRANSLATE_NOOP("Cli", "Cancel a job (a running one stops within seconds).")
)
@click.argument("job_id", type=int)
@AS_USER
def job_cancel(job_id, as_user):
    from cncworkbench.services.jobs import jobs

    context = app_context()
    with acting(context, as_user) as (session, actor):
        state = jobs.cancel_job(session, actor, job_id)
    click.echo(
        translate("Cli", "job {id}: {state}").format(id=job_id, state=translate("JobStates", state))
    )


@job.command(
    "retry", help=QT_TRANSLATE_NOOP("Cli", "Run a failed or cancelled job again (as a new job).")
)
@click.argument("job_id", type=int)
@AS_USER
def job_retry(job_id, as_user):
    from cncworkbench.services.jobs import jobs

    context = app_context()
    with acting(context, as_user) as (session, actor):
        new_id = jobs.retry_job(session, actor, job_id)
    click.echo(
        translate("Cli", "job {id} queued again as job {new_id}").format(id=job_id, new_id=new_id)
    )
