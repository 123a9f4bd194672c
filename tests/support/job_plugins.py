"""Job handlers for the queue tests, loaded by workers through $CNC_JOB_HANDLERS.

Each job's effect is a row in ``test_effects`` written in the transaction that completes
the job (JobContext.on_commit), so a job done twice would show as two rows.
"""

from __future__ import annotations

import os
import time

import sqlalchemy as sa

from cncworkbench.services.jobs.worker import PermanentError, handler
from cncworkbench.storage import new_key


def _effect(ctx):
    ctx.on_commit(
        lambda session: session.execute(
            sa.text("INSERT INTO test_effects (job_id, task_id, pid) VALUES (:j, :t, :p)"),
            {"j": ctx.job.id, "t": ctx.job.task_id, "p": os.getpid()},
        )
    )


def _sleep(ctx, seconds: float) -> None:
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        time.sleep(min(0.05, left))
        ctx.progress(100 * (1 - left / seconds), "working")


def register() -> None:
    """(Re)register the test handler: the product's sim_run handler may have replaced it
    when another test in this process loaded the product's handlers."""
    handler("sim_run")(test_job)


def test_job(ctx):
    op = ctx.params.get("op", "echo")
    if op == "echo":
        _effect(ctx)
        return {"echo": ctx.params.get("n")}
    if op == "sleep":
        _sleep(ctx, float(ctx.params.get("seconds", 1.0)))
        _effect(ctx)
        return {"slept": ctx.params.get("seconds")}
    if op == "poison":
        raise RuntimeError("poisoned input: this handler always fails")
    if op == "invalid":
        raise PermanentError("the part is not a solid")
    if op == "stuck":  # never reports progress: only the job's timeout stops it
        time.sleep(float(ctx.params.get("seconds", 30)))
        return {}
    if op == "artefact":
        # The object goes to the store first; only the completing transaction makes it an
        # artefact. An attempt killed in between leaves an object no row points at.
        key = new_key("artefacts", f"job-{ctx.job.id}.ngc")
        stored = ctx.store.put_bytes(key, f"(job {ctx.job.id} by {os.getpid()})\nM2\n".encode())
        _sleep(ctx, float(ctx.params.get("seconds", 2.0)))
        ctx.on_commit(
            lambda session: session.execute(
                sa.text(
                    "INSERT INTO artefacts (job_id, type, name, s3_key, file_size, sha256) "
                    "VALUES (:j, 'gcode', 'program.ngc', :k, :s, :h)"
                ),
                {"j": ctx.job.id, "k": stored.key, "s": stored.size, "h": stored.sha256},
            )
        )
        _effect(ctx)
        return {"key": stored.key}
    raise PermanentError(f"unknown test operation {op!r}")


register()
