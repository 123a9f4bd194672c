"""``cncworkbench model generate`` and ``cncworkbench cam post``: the ``cad_generate`` and
``gcode_post`` jobs from the command line.

Both queue the job (on the same queue the workers and the GUI use) and, unless
``--no-wait``, follow it with a progress bar until it ends. When no worker is alive for
the job's type, the command runs one in this process for as long as it waits (it says so),
so a single-seat install needs no separate ``cncworkbench worker``.

Help texts are marked ``QT_TRANSLATE_NOOP("Cli", ...)`` (put in the reader's language by
:func:`cncworkbench.cli_base.localise`); what the commands print goes through
``translate("CliCad", ...)``.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

import click

from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

POLL_S = 0.5


@contextlib.contextmanager
def _worker_if_none(context, database, job_type: str):
    """A worker in this process when none is alive for ``job_type`` (stopped on exit)."""
    from cncworkbench.db import queue

    with database.session() as session:
        alive = queue.live_workers(session, job_type)
    if alive:
        click.echo(
            translate("CliCad", "A worker runs the {job_type} job.").format(job_type=job_type),
            err=True,
        )
        yield None
        return
    from cncworkbench.errors import ConfigurationError
    from cncworkbench.services.worker import Worker, load_handlers

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
    load_handlers()
    worker = Worker(
        worker_database, context.store, [job_type], 1, poll_interval=0.5, heartbeat_interval=1.0
    )
    click.echo(
        translate("CliCad", "No worker is running {job_type} jobs: running this one here.").format(
            job_type=job_type
        ),
        err=True,
    )
    worker.start()
    try:
        yield worker
    finally:
        worker.stop(grace=10)


def follow(database, actor, job_id: int, label: str, timeout: float):
    """Wait for the job to end, with a progress bar; returns its JobDetail."""
    from cncworkbench.services import jobs

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


def _ended(detail) -> None:
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
AS_USER = QT_TRANSLATE_NOOP("Cli", "Act as (or for) this user.")


@click.command(
    "generate",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Generate a variant of a part family: MODEL_ID with new spreadsheet values.\n\n"
        "Queues a cad_generate job: FreeCAD sets the cells, recomputes, checks that the part "
        "is still a valid solid and stores it as a new model in the same project (a recompute "
        "error or an invalid solid stores nothing and prints FreeCAD's message). Waits for it "
        "unless --no-wait, running it here when no worker is alive.",
    ),
)
@click.argument("model_id", type=int)
@click.option(
    "--set", "assignments", multiple=True, required=True, metavar="NAME=VALUE",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "A spreadsheet parameter (alias) and its new value; repeatable. A bare number "
        "keeps the cell's unit (Length=120 on an '80 mm' cell is 120 mm).",
    ),
)  # fmt: skip
@click.option(
    "--name",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Name of the new model (default: the source's, with the values)."
    ),
)
@click.option("--no-wait", is_flag=True, help=NO_WAIT)
@click.option("--timeout", type=float, default=900, show_default=True, help=TIMEOUT)
@click.option("--user", "as_user", metavar="EMAIL", help=AS_USER)
def model_generate(model_id, assignments, name, no_wait, timeout, as_user):
    from cncworkbench.cli import _context, acting_db
    from cncworkbench.services import cad
    from cncworkbench.services import models as model_service

    values = cad.parse_assignments(assignments)
    context = _context()
    with acting_db(context, as_user) as (database, actor):
        with database.session() as session:
            job_id = cad.submit_variant(session, actor, model_id, values, name)
        click.echo(
            translate("CliCad", "job {id} queued ({type})").format(id=job_id, type="cad_generate")
        )
        if no_wait:
            return
        with _worker_if_none(context, database, "cad_generate"):
            detail = follow(database, actor, job_id, "FreeCAD", timeout)
        _ended(detail)
        output = detail.output_data or {}
        with database.session() as session:
            row = model_service.get_model(session, actor, output["model_id"])
    size = " × ".join(i18n.number(v) for v in row.metadata.get("size_mm", []))
    click.echo(
        translate(
            "CliCad", "Stored '{name}' as model {id} version {version} ({size} mm, {volume} mm³)"
        ).format(
            name=row.name,
            id=row.id,
            version=row.version,
            size=size,
            volume=localefmt.number(row.metadata.get("volume_mm3", 0), 0),
        )
    )
    for key, value in (output.get("parameters") or {}).items():
        click.echo(f"  {key} = {value}")


@click.command(
    "post",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Post CAM_RUN_ID's toolpaths again for another machine (or work offset).\n\n"
        "The machine's post-processor runs on the run's saved FreeCAD CAM document; nothing "
        "is recomputed. A machine whose travel, axes or spindle cannot run the program is "
        "refused with the reasons before anything is queued. Waits for the gcode_post job "
        "unless --no-wait, running it here when no worker is alive.",
    ),
)
@click.argument("cam_run_id", type=int)
@click.option(
    "--machine", required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Catalog machine (name or unique part)."),
)  # fmt: skip
@click.option("--work-offset", help=QT_TRANSLATE_NOOP("Cli", "G54..G59 (default: the run's)."))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=QT_TRANSLATE_NOOP("Cli", "Also save the new program here."))  # fmt: skip
@click.option("--no-wait", is_flag=True, help=NO_WAIT)
@click.option("--timeout", type=float, default=900, show_default=True, help=TIMEOUT)
@click.option("--user", "as_user", metavar="EMAIL", help=AS_USER)
def cam_post(cam_run_id, machine, work_offset, output, no_wait, timeout, as_user):
    from cncworkbench.cli import _context, acting_db
    from cncworkbench.db.models import Machine
    from cncworkbench.services import cam_post as post_service
    from cncworkbench.services import catalog

    context = _context()
    with acting_db(context, as_user) as (database, actor):
        with database.session() as session:
            machine_row = catalog.find(session, Machine, machine)
            check = post_service.check_post(
                session, context.store, cam_run_id, machine_row.id, work_offset
            )
            for warning in check.warnings:
                click.echo(
                    translate("CliCad", "WARNING: {warning}").format(warning=warning), err=True
                )
            if check.errors:
                for error in check.errors:
                    click.echo(
                        translate("CliCad", "REFUSED: {error}").format(error=error), err=True
                    )
                raise UserError(
                    translate("CliCad", "{machine} cannot run CAM run {id}'s program.").format(
                        machine=check.machine, id=cam_run_id
                    )
                )
            job_id = post_service.submit_post(
                session, actor, context.store, cam_run_id, machine_row.id, check.work_offset
            )
        click.echo(
            translate("CliCad", "job {id} queued ({type})").format(
                id=job_id,
                type=f"gcode_post: {check.machine}, {check.post_processor}, {check.work_offset}",
            )
        )
        if no_wait:
            return
        with _worker_if_none(context, database, "gcode_post"):
            detail = follow(database, actor, job_id, translate("CliCad", "Posting"), timeout)
        _ended(detail)
    result = detail.output_data or {}
    minutes, seconds = divmod(int(result.get("estimated_time_seconds") or 0), 60)
    click.echo(
        translate(
            "CliCad",
            "CAM run {id}: {lines} lines for {machine} ({post_processor}, {work_offset}), "
            "estimated {minutes} min {seconds} s",
        ).format(
            id=result.get("cam_run_id"),
            lines=result.get("lines"),
            machine=result.get("machine"),
            post_processor=result.get("post_processor"),
            work_offset=result.get("work_offset"),
            minutes=minutes,
            seconds=f"{seconds:02d}",
        )
    )
    if result.get("rs274") is not None:
        verdict = (
            translate("CliCad", "accepted") if result["rs274"] else translate("CliCad", "rejected")
        )
        click.echo("LinuxCNC rs274: " + verdict)
    for note in result.get("warnings") or []:
        click.echo(translate("CliCad", "note: {note}").format(note=note), err=True)
    if output is not None:
        output.write_bytes(context.store.get_bytes(result["gcode_key"], result["gcode_sha256"]))
        click.echo(translate("CliCad", "G-code: {path}").format(path=output))
