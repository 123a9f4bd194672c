"""Shared steps of the CAM and simulation tests: a stored part with a saved setup, waiting
for a job to end."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import sqlalchemy as sa

from cncworkbench.core.cam_plan import Box, stock_around
from cncworkbench.db.models import Machine, Material, Tool
from cncworkbench.services.jobs import jobs
from cncworkbench.services.machining import cam, catalog
from cncworkbench.services.pdm import models as model_service
from tests.support.queue import wait_for

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
PART = SAMPLES / "flans_plakasi.FCStd"
OPS = ["facing", "pocket", "drilling", "profile"]
# A vise jaw in front of the plate, where the profile's 10 mm cutter passes (y -10..0).
JAW = ("Mengene çenesi", (20.0, -12.0, 0.0), (60.0, -4.0, 15.0))
MILL_TOOLS = ["6 mm 3F carbide flat end mill ZrN", "10 mm 3F carbide flat", "6 mm HSS-Co drill"]


def saved_setup(
    engineer,
    store,
    tmp_path,
    tool_names,
    machine_name="Tormach 1100MX",
    fixtures=(),
    ops=OPS,
    leave=None,
) -> tuple[int, int]:
    """The sample plate uploaded and a setup for it: (model id, setup id); ``leave``:
    stock to leave (mm) by operation kind."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    part = tmp_path / "flans_plakasi.FCStd"
    if not part.exists():
        shutil.copy(PART, part)
    uploaded = model_service.upload_model(engineer.db, store, engineer.actor, part, "Flanş işi")
    with engineer.db.session() as session:
        machine = catalog.find(session, Machine, machine_name)
        material = catalog.find(session, Material, "Aluminium 6061-T6")
        tools = [catalog.find(session, Tool, name) for name in tool_names]
        requests = [
            cam.OperationRequest(kind, tool_id, stock_to_leave_mm=(leave or {}).get(kind, 0.0))
            for kind, tool_id in zip(ops, cam.choose_tools(list(ops), tools, {}), strict=True)
        ]
        setup = cam.save_setup(
            session, engineer.actor,
            cam.SetupInput(
                uploaded.model_id, machine.id, material.id, "Tezgah 1 - ilk bağlama",
                stock_around([0, 0, 0], [80, 50, 20]), requests,
                fixtures=[Box(list(low), list(high), name) for name, low, high in fixtures],
            ),
        )  # fmt: skip
        return uploaded.model_id, setup.id


def wait_until_finished(user, job_id: int, timeout: float = 240):
    def finished():
        with user.db.session() as session:
            detail = jobs.get_job(session, user.actor, job_id)
            return detail if detail.summary.status in ("completed", "failed") else None

    return wait_for(finished, timeout=timeout)


def simulated(db, engineer, store, tmp_path, fixtures=(), ops=OPS, leave=None) -> int:
    """CAM on a saved setup, then the simulation the CAM job queues: the sim run's id."""
    _model, setup_id = saved_setup(
        engineer, store, tmp_path, MILL_TOOLS, fixtures=fixtures, ops=ops, leave=leave
    )
    with engineer.db.session() as session:
        cam_job = cam.submit_cam(session, engineer.actor, setup_id)
    assert wait_until_finished(engineer, cam_job).summary.status == "completed"

    def sim_job():
        with db.engine.connect() as conn:
            return conn.execute(
                sa.text("SELECT id FROM jobs WHERE type = 'sim_run' AND input_params->>'cam_run_id'"
                        " = (SELECT id::text FROM cam_runs WHERE job_id = :j)"), {"j": cam_job},
            ).scalar()  # fmt: skip

    job_id = wait_for(sim_job, timeout=30)
    detail = wait_until_finished(engineer, job_id)
    assert detail.summary.status == "completed", detail.summary.error_message
    with db.engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT id FROM sim_runs WHERE job_id = :j"), {"j": job_id}
        ).scalar_one()


@contextlib.contextmanager
def running_worker(url: str, store, types=("cam_process", "sim_run"), concurrency: int = 1):
    """An in-process worker with the product's handlers, connected with ``url``, while
    the block runs."""
    worker = _worker(url, store, types, concurrency)
    try:
        yield worker
    finally:
        worker.stop(grace=5)


def start_worker(db, pg_cluster, store, types=("cam_process", "sim_run")):
    """An in-process worker with the product's handlers (stop it with .stop())."""
    from tests.support.queue import prepare

    return _worker(prepare(db, pg_cluster), store, types, concurrency=2)


def _worker(url: str, store, types, concurrency: int):
    from cncworkbench.db.engine import Database
    from cncworkbench.services.jobs.worker import Worker, load_handlers

    load_handlers()
    worker = Worker(
        Database(url, setting="test"), store, list(types), concurrency=concurrency,
        heartbeat_interval=0.5, poll_interval=0.2,
    )  # fmt: skip
    worker.start()
    return worker


def runs_for_review(db, pg_cluster, app_context, tmp_path, fixture_sets) -> list[int]:
    """An engineer (cam@atolye.example) and an operator (usta@atolye.example) in a seeded
    catalog, and one simulated run of the sample plate per set of fixtures."""
    from cncworkbench.services.access import identity
    from tests.support.people import PASSWORD, make_user

    with db.session() as session:
        catalog.seed(session)
    make_user(db, "cam@atolye.example", "engineer")
    make_user(db, "usta@atolye.example", "operator")
    engineer = identity.sign_in(app_context, "cam@atolye.example", PASSWORD)
    worker = start_worker(db, pg_cluster, app_context.store)
    try:
        return [
            simulated(db, engineer, app_context.store, tmp_path / f"part{n}", fixtures=fixtures)
            for n, fixtures in enumerate(fixture_sets)
        ]
    finally:
        worker.stop(grace=5)
        engineer.close()
