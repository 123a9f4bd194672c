"""``cncworkbench model generate`` and ``cncworkbench cam post``: the ``cad_generate`` and
``gcode_post`` jobs from the command line.

Both queue the job (on the same queue the workers and the GUI use) and, unless
``--no-wait``, follow it with a progress bar until it ends. When no worker is alive for
the job's type, the command runs one in this process for as long as it waits (it says so),
so a single-seat install needs no separate ``cncworkbench worker``.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

import click

from cncworkbench.errors import UserError

POLL_S = 0.5


@contextlib.contextmanager
def _worker_if_none(context, database, job_type: str):
    """A worker in this process when none is alive for ``job_type`` (stopped on exit)."""
    from cncworkbench.db import queue

    with database.session() as session:
        alive = queue.live_workers(session, job_type)
    if alive:
        click.echo(f"A worker runs the {job_type} job.", err=True)
        yield None
        return
    from cncworkbench.errors import ConfigurationError
    from cncworkbench.services.worker import Worker, load_handlers

    try:
        worker_database = context.worker_db()
    except ConfigurationError as exc:
        raise UserError(
            f"The job is queued, but no worker runs {job_type} jobs and this command cannot "
            f"run one ({exc}); start `cncworkbench worker` where FreeCAD is installed."
        ) from None
    load_handlers()
    worker = Worker(
        worker_database, context.store, [job_type], 1, poll_interval=0.5, heartbeat_interval=1.0
    )
    click.echo(f"No worker is running {job_type} jobs: running this one here.", err=True)
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
                    f"Job {job_id} is still {detail.summary.state_text} after {timeout:.0f} s; "
                    f"follow it with `cncworkbench job show {job_id}`."
                )
            time.sleep(POLL_S)


def _ended(detail) -> None:
    if detail.summary.status != "completed":
        raise UserError(
            f"job {detail.summary.id} {detail.summary.status}: "
            f"{detail.summary.error_message or 'no reason given'}"
        )


@click.command("generate")
@click.argument("model_id", type=int)
@click.option(
    "--set", "assignments", multiple=True, required=True, metavar="NAME=VALUE",
    help="A spreadsheet parameter (alias) and its new value; repeatable. A bare number "
    "keeps the cell's unit (Length=120 on an '80 mm' cell is 120 mm).",
)  # fmt: skip
@click.option("--name", help="Name of the new model (default: the source's, with the values).")
@click.option("--no-wait", is_flag=True, help="Queue the job and return.")
@click.option("--timeout", type=float, default=900, show_default=True, help="Seconds to wait.")
@click.option("--user", "as_user", metavar="EMAIL", help="Act as (or for) this user.")
def model_generate(model_id, assignments, name, no_wait, timeout, as_user):
    """Generate a variant of a part family: MODEL_ID with new spreadsheet values.

    Queues a cad_generate job: FreeCAD sets the cells, recomputes, checks that the part is
    still a valid solid and stores it as a new model in the same project (a recompute
    error or an invalid solid stores nothing and prints FreeCAD's message). Waits for it
    unless --no-wait, running it here when no worker is alive.
    """
    from cncworkbench.cli import _context, acting_db
    from cncworkbench.services import cad
    from cncworkbench.services import models as model_service

    values = cad.parse_assignments(assignments)
    context = _context()
    with acting_db(context, as_user) as (database, actor):
        with database.session() as session:
            job_id = cad.submit_variant(session, actor, model_id, values, name)
        click.echo(f"job {job_id} queued (cad_generate)")
        if no_wait:
            return
        with _worker_if_none(context, database, "cad_generate"):
            detail = follow(database, actor, job_id, "FreeCAD", timeout)
        _ended(detail)
        output = detail.output_data or {}
        with database.session() as session:
            row = model_service.get_model(session, actor, output["model_id"])
    size = " × ".join(f"{v:g}" for v in row.metadata.get("size_mm", []))
    click.echo(f"Stored '{row.name}' as model {row.id} version {row.version} ({size} mm, "
               f"{row.metadata.get('volume_mm3', 0):,.0f} mm³)")  # fmt: skip
    for key, value in (output.get("parameters") or {}).items():
        click.echo(f"  {key} = {value}")


@click.command("post")
@click.argument("cam_run_id", type=int)
@click.option("--machine", required=True, help="Catalog machine (name or unique part).")
@click.option("--work-offset", help="G54..G59 (default: the run's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also save the new program here.")  # fmt: skip
@click.option("--no-wait", is_flag=True, help="Queue the job and return.")
@click.option("--timeout", type=float, default=900, show_default=True, help="Seconds to wait.")
@click.option("--user", "as_user", metavar="EMAIL", help="Act as (or for) this user.")
def cam_post(cam_run_id, machine, work_offset, output, no_wait, timeout, as_user):
    """Post CAM_RUN_ID's toolpaths again for another machine (or work offset).

    The machine's post-processor runs on the run's saved FreeCAD CAM document; nothing is
    recomputed. A machine whose travel, axes or spindle cannot run the program is refused
    with the reasons before anything is queued. Waits for the gcode_post job unless
    --no-wait, running it here when no worker is alive.
    """
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
                click.echo(f"WARNING: {warning}", err=True)
            if check.errors:
                for error in check.errors:
                    click.echo(f"REFUSED: {error}", err=True)
                raise UserError(f"{check.machine} cannot run CAM run {cam_run_id}'s program.")
            job_id = post_service.submit_post(
                session, actor, context.store, cam_run_id, machine_row.id, check.work_offset
            )
        click.echo(
            f"job {job_id} queued (gcode_post: {check.machine}, {check.post_processor}, "
            f"{check.work_offset})"
        )
        if no_wait:
            return
        with _worker_if_none(context, database, "gcode_post"):
            detail = follow(database, actor, job_id, "Posting", timeout)
        _ended(detail)
    result = detail.output_data or {}
    minutes, seconds = divmod(int(result.get("estimated_time_seconds") or 0), 60)
    click.echo(
        f"CAM run {result.get('cam_run_id')}: {result.get('lines')} lines for "
        f"{result.get('machine')} ({result.get('post_processor')}, {result.get('work_offset')}),"
        f" estimated {minutes} min {seconds:02d} s"
    )
    if result.get("rs274") is not None:
        click.echo("LinuxCNC rs274: " + ("accepted" if result["rs274"] else "rejected"))
    for note in result.get("warnings") or []:
        click.echo(f"note: {note}", err=True)
    if output is not None:
        output.write_bytes(context.store.get_bytes(result["gcode_key"], result["gcode_sha256"]))
        click.echo(f"G-code: {output}")
