"""Simulated runs awaiting an operator's review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.db.models import Machine, SimRun


@dataclass(frozen=True)
class SimRunSummary:
    id: int
    machine: str | None
    status: str
    collision_count: int
    created_at: dt.datetime


def list_sim_runs(session: Session, limit: int = 200) -> list[SimRunSummary]:
    query = (
        sa.select(SimRun, Machine.name)
        .outerjoin(Machine, Machine.id == SimRun.machine_id)
        .order_by(SimRun.created_at.desc(), SimRun.id.desc())
        .limit(limit)
    )
    return [
        SimRunSummary(run.id, machine, run.status, run.collision_count or 0, run.created_at)
        for run, machine in session.execute(query)
    ]
