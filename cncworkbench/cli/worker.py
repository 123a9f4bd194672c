"""``cncworkbench worker``: run queued jobs."""

from __future__ import annotations

import click

from cncworkbench.cli.context import (
    app_context,
)
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate


@click.command(
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Run jobs (CAM, simulation, CAD, post-processing) until stopped (SIGTERM, Ctrl-C).\n\n"
        "Connects as the worker role: cnc_worker in the embedded database, or\n"
        "CNC_WORKER_DATABASE_URL / CNC_DATABASE_URL with the worker's credentials.",
    )
)
@click.option(
    "--types",
    help=QT_TRANSLATE_NOOP("Cli", "Job types to run, comma separated (default: all it can)."),
)
@click.option(
    "--concurrency",
    type=int,
    default=1,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Jobs at once."),
)
@click.option(
    "--poll",
    type=float,
    default=2.0,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Seconds between polls when no notification arrives."),
)
@click.option(
    "--no-listen",
    is_flag=True,
    help=QT_TRANSLATE_NOOP("Cli", "Only poll (behind poolers that do not forward LISTEN/NOTIFY)."),
)
@click.option(
    "-v", "--verbose", is_flag=True,
    help=QT_TRANSLATE_NOOP("Cli", "Log each job: claimed, progress, end, duration."),
)  # fmt: skip
@click.option(
    "--once", is_flag=True,
    help=QT_TRANSLATE_NOOP("Cli", "Run what is queued (and what it queues), then exit."),
)  # fmt: skip
def worker(types, concurrency, poll, no_listen, verbose, once):
    import logging

    from cncworkbench.services.jobs.worker import Worker, load_handlers

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    context = app_context()
    context.ensure_schema()
    context.store.check()
    load_handlers()
    wanted = [t.strip() for t in types.split(",")] if types else None
    runner = Worker(
        context.worker_db(), context.store, wanted, concurrency, poll_interval=poll,
        listen=not no_listen,
    )  # fmt: skip
    click.echo(
        translate("Cli", "worker {id}: {types} ({count} at once)").format(
            id=runner.id, types=", ".join(runner.types), count=concurrency
        ),
        err=True,
    )
    if not once:
        runner.run_forever()
        return
    done = runner.run_until_idle()
    click.echo(translate("Cli", "{count} jobs completed; nothing left to run").format(count=done))
