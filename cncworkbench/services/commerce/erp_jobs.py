"""ERP/MES delivery in the workers: a periodic loop, not a job type.

Every worker runs :func:`cncworkbench.services.commerce.erp_inbound.periodic_pass` every
``$CNC_ERP_SYNC_INTERVAL`` seconds (default 5; 0 turns it off in that worker): due
outbound events are delivered and due scheduled pulls of orders run. Workers share the
queue safely (row locks with SKIP LOCKED; a pull is claimed by one worker), so running
the loop in all of them only spreads the work.

Why not a job type: ``jobs.type`` is an enumeration fixed by the ERD (cad_generate,
cam_process, sim_run, gcode_post), and the outbox rows are already a durable queue with
their own retries and back-off; a job per delivery would track each exchange twice.
"""

from __future__ import annotations

import logging
import os

from cncworkbench.errors import UserError
from cncworkbench.services.commerce import erp_inbound
from cncworkbench.services.jobs import worker as worker_module
from cncworkbench.services.jobs.worker import Worker, loop

log = logging.getLogger("cncworkbench.erp")
DEFAULT_INTERVAL_S = 5.0


def interval_s() -> float:
    try:
        return max(0.0, float(os.environ.get("CNC_ERP_SYNC_INTERVAL", DEFAULT_INTERVAL_S)))
    except ValueError:
        return DEFAULT_INTERVAL_S


def register() -> None:
    every = interval_s()
    if every > 0:
        loop("erp-sync", every)(erp_sync)
    else:
        worker_module._LOOPS.pop("erp-sync", None)


def erp_sync(worker: Worker) -> None:
    """One round: deliver what is due, pull what is due; failures stay in the queue."""
    try:
        report = erp_inbound.periodic_pass(worker.db, log=log.warning)
    except UserError as exc:  # e.g. the license lapsed between the check and the pass
        log.info("ERP sync skipped: %s", exc)
        return
    if report.delivery is not None and report.delivery.attempted:
        log.info("ERP delivery: %s", report.delivery.line())
    for line in report.pulls:
        log.info("ERP pull: %s", line)
