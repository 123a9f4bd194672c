"""Audit anchoring in the workers: a periodic loop, as ``cncworkbench audit anchor`` from cron.

Every worker writes an anchor of the entries appended since the last one every
``$CNC_AUDIT_ANCHOR_MINUTES`` minutes (default 15; 0 turns it off in that worker) when the
anchor key is configured (``CNC_AUDIT_KEY`` or the keyring entry). Workers read only ids and
chain hashes (:func:`audit_anchor.write_anchor`); one writes at a time, the others skip that
round.
"""

from __future__ import annotations

import logging
import os

from cncworkbench.errors import UserError
from cncworkbench.services.access import audit_anchor
from cncworkbench.services.jobs import worker as worker_module
from cncworkbench.services.jobs.worker import Worker, loop

log = logging.getLogger("cncworkbench.audit")
INTERVAL_VARIABLE = "CNC_AUDIT_ANCHOR_MINUTES"
DEFAULT_MINUTES = 15.0


def interval_s() -> float:
    try:
        minutes = float(os.environ.get(INTERVAL_VARIABLE, DEFAULT_MINUTES))
    except ValueError:
        minutes = DEFAULT_MINUTES
    return max(0.0, minutes) * 60.0


def register() -> None:
    every = interval_s()
    try:
        configured = audit_anchor.audit_key() is not None
    except UserError as exc:  # a key too short: said once, the worker runs on
        log.warning("audit anchoring off: %s", exc)
        configured = False
    if every > 0 and configured:
        loop("audit-anchor", every)(anchor_audit_chain)
    else:
        worker_module._LOOPS.pop("audit-anchor", None)


def anchor_audit_chain(worker: Worker) -> None:
    """One round: anchor what was appended since the last anchor."""
    key = audit_anchor.audit_key()
    if key is None:
        return
    try:
        written = audit_anchor.write_anchor(worker.db, worker.store, key, wait=False)
    except UserError as exc:  # e.g. the anchors in the store do not hold together
        log.error("audit anchor not written: %s", exc)
        return
    if written is not None and written.keys:
        log.info("audit anchored up to entry %s: %s", written.last_id, written.keys[-1])
