"""What the license in force unlocks, checked where the work is asked for (services,
real database): CAM, adaptive clearing, the number of machines, simulation."""

from __future__ import annotations

import pytest

from cncworkbench.core.cam_plan import stock_around
from cncworkbench.core.licensing import FeatureLocked
from cncworkbench.db.models import Machine, Material, Tool
from cncworkbench.services.access import identity, licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.machining import cam, catalog, simulation
from cncworkbench.services.pdm import models
from cncworkbench.storage.local import LocalStore
from tests.support.cam import SAMPLES
from tests.support.people import PASSWORD, make_user

ENGINEER = Actor(None, None, "engineer", via="owner")


@pytest.fixture
def shop(db):
    with db.session() as session:
        catalog.seed(session)
    return make_user(db, "patron@atolye.example", "admin")


def setup_input(session, machine_name: str, kinds=("facing",)) -> cam.SetupInput:
    machine = catalog.find(session, Machine, machine_name)
    material = catalog.find(session, Material, "Aluminium 6061-T6")
    tool = catalog.find(session, Tool, "10 mm 3F carbide flat")
    return cam.SetupInput(
        0, machine.id, material.id, "bağlama", stock_around([0, 0, 0], [80, 50, 20]),
        [cam.OperationRequest(kind, tool.id) for kind in kinds],
    )  # fmt: skip


def license_of(db, holder, kind):
    with db.session() as session:
        licenses.add_license(session, Actor.system(), holder, kind, seats=2)


def test_without_a_license_cam_is_refused_naming_the_plans_that_have_it(db, shop):
    with db.session() as session, pytest.raises(FeatureLocked) as refused:
        cam.plan_for(session, setup_input(session, "Tormach 1100MX"))
    assert "needs a license in force" in str(refused.value)
    assert refused.value.plans[0] == "Basic"


def test_basic_has_cam_but_not_adaptive_clearing(db, shop):
    license_of(db, shop, "basic")
    with db.session() as session:
        plan, _problems, _cuts = cam.plan_for(session, setup_input(session, "Tormach 1100MX"))
        assert [op.kind for op in plan.operations] == ["facing"]
        with pytest.raises(FeatureLocked, match="Adaptive clearing") as refused:
            cam.plan_for(session, setup_input(session, "Tormach 1100MX", ("adaptive",)))
    assert "Professional" in refused.value.plans


def test_a_plan_counts_the_machines_that_have_setups(db, shop, app_context, tmp_path):
    license_of(db, shop, "basic")  # two machines
    make_user(db, "cam@atolye.example", "engineer")
    engineer = identity.sign_in(app_context, "cam@atolye.example", PASSWORD)
    store = LocalStore(tmp_path / "objects")
    stl = SAMPLES / "flans_plakasi.stl"
    part = models.upload_model(engineer.db, store, engineer.actor, stl, "Lisans").model_id
    with engineer.db.session() as session:
        names = [m.name for m in catalog.active_machines(session)][:3]
        for name in names[:2]:
            data = setup_input(session, name)
            data.model_id = part
            cam.save_setup(session, engineer.actor, data)
    with engineer.db.session() as session:
        # one of the two again is fine; a third is not
        cam.plan_for(session, setup_input(session, names[1]))
        with pytest.raises(FeatureLocked, match="allows 2 machines and this would make 3"):
            cam.plan_for(session, setup_input(session, names[2]))
    engineer.close()


def test_simulation_needs_a_plan_with_it(db, shop):
    with db.session() as session, pytest.raises(FeatureLocked, match="Program simulation"):
        simulation.submit_simulation(session, ENGINEER, cam_run_id=1)
