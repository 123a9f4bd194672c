"""Every CAM program is simulated on its setup's stock, and an operator decides: the
worker pipeline end to end, the review rules, and the Simulation Review dock."""

from __future__ import annotations

import io
import shutil
import subprocess

import numpy as np
import pytest
import sqlalchemy as sa

from cncworkbench.core import deviation
from cncworkbench.errors import PermissionDenied, ValidationError
from cncworkbench.services.access import identity
from cncworkbench.services.machining import simulation
from tests.support.cam import JAW, simulated, start_worker, wait_until_finished
from tests.support.freecad import require_program
from tests.support.people import PASSWORD, make_user
from tests.support.screens import SCREENSHOT_DIR

# Runs again on every FreeCAD of the version matrix (./test.sh --freecad VERSION).
pytestmark = pytest.mark.freecad


@pytest.fixture(scope="module", autouse=True)
def _freecad():
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")


@pytest.fixture
def people(db, app_context, shop_license):
    from cncworkbench.services.machining import catalog

    with db.session() as session:
        catalog.seed(session)
    make_user(db, "cam@atolye.example", "engineer")
    make_user(db, "usta@atolye.example", "operator")
    engineer = identity.sign_in(app_context, "cam@atolye.example", PASSWORD)
    operator = identity.sign_in(app_context, "usta@atolye.example", PASSWORD)
    yield engineer, operator
    engineer.close()
    operator.close()


@pytest.fixture
def worker(db, pg_cluster, store):
    running = start_worker(db, pg_cluster, store)
    yield running
    running.stop(grace=5)


def test_a_clean_program_is_simulated_and_approved_by_an_operator(
    db, people, store, worker, tmp_path
):
    engineer, operator = people
    run_id = simulated(db, engineer, store, tmp_path)
    with operator.db.session() as session:
        detail = simulation.get_sim_run(session, operator.actor, run_id)
    assert detail.summary.status in ("passed", "warnings"), [f["message"] for f in detail.findings]
    assert detail.summary.errors == 0 and detail.review is None
    details = detail.details
    # compared with the model version: no gouge, and the setup finishes the part (no
    # stock to leave), so leftover would be an error; the only material left is the
    # pocket's four sharp corners, 8 mm high, which no round cutter reaches: warnings
    # naming T1's radius
    design = details["design"]
    assert design["compared"] is True and design["gouge_regions"] == 0
    assert design["leave_mm"] == 0.0 and design["corner_regions"] == 4
    assert design["design_volume_mm3"] == pytest.approx(70863.04, rel=0.01)
    left = [f for f in detail.findings if f["kind"] == "leftover"]
    assert len(left) == 4 and all(f["severity"] == "warning" for f in left)
    assert all(f["depth_mm"] > 7 and "radius (5 mm)" in f["message"] for f in left)
    # the design field was built once for this model version and grid: a second
    # simulation of the same program reads it back (no second design_field artefact)
    with db.engine.connect() as conn:
        cam_run_id = conn.execute(
            sa.text("SELECT cam_run_id FROM sim_runs WHERE id = :r"), {"r": run_id}
        ).scalar_one()
    with engineer.db.session() as session:
        again = simulation.submit_simulation(session, engineer.actor, cam_run_id)
    assert wait_until_finished(engineer, again).summary.status == "completed"
    with db.engine.connect() as conn:
        fields = conn.execute(
            sa.text("SELECT count(*) FROM artefacts WHERE type = 'design_field'")
        ).scalar_one()
        second = conn.execute(
            sa.text("SELECT collision_details FROM sim_runs WHERE job_id = :j"), {"j": again}
        ).scalar_one()
    assert fields == 1
    assert second["design"] == design
    # the deviation map: stored beside the report (the grid's cells, +Y up), and a section
    # of the report's PDF with the findings' numbers on it
    with db.engine.connect() as conn:
        key = conn.execute(
            sa.text("SELECT s3_key FROM artefacts WHERE type = 'deviation_map' AND job_id = "
                    "(SELECT job_id FROM sim_runs WHERE id = :r)"), {"r": run_id},
        ).scalar_one()  # fmt: skip
    from PIL import Image

    picture = Image.open(io.BytesIO(store.get_bytes(key)))
    ny, nx = details["grid"]["shape"]
    assert picture.size == (nx, ny)
    colours = {tuple(c) for c in np.asarray(picture.convert("RGB")).reshape(-1, 3).tolist()}
    assert deviation.WITHIN in colours and deviation.GOUGE not in colours
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(store.get_bytes(detail.report_key))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "Deviation from the design" in text or "Tasarımdan sapma" in text
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for page in sorted(tmp_path.glob("page*.png")):
        shutil.copy(page, SCREENSHOT_DIR / f"sim-report-deviation-{page.name}")
    # the simulated removal agrees with the CAM's stock-minus-part (84·54·21 − 70 863 mm³)
    expected = 84 * 54 * 21 - 70863.04
    assert details["removed_volume_mm3"] == pytest.approx(expected, rel=0.05)
    assert details["machining_time_s"] > 30 and details["moves"] > 100
    assert details["move_classes"]["cut"] > 0 and details["move_classes"]["air"] > 0
    # the report, the animation and the height field are stored with the job
    with db.engine.connect() as conn:
        run = conn.execute(sa.text("SELECT * FROM sim_runs WHERE id = :r"), {"r": run_id}).one()
    assert run.type == "material_removal" and run.simulation_time_ms > 0
    assert store.get_bytes(run.report_s3_key)[:5] == b"%PDF-"
    from PIL import Image

    gif = Image.open(io.BytesIO(store.get_bytes(run.video_s3_key)))
    # Pillow merges identical frames (air moves), so up to one frame per snapshot
    assert gif.format == "GIF" and 10 < gif.n_frames <= simulation.ANIMATION_FRAMES + 1
    heights = simulation.load_heightmap(store.get_bytes(detail.heightmap_key))
    assert list(heights.shape) == details["grid"]["shape"]
    # the pocket floor (z 12) is in the final surface; facing took the top off all but
    # the stock's corners, which its round passes leave
    assert (abs(heights - 12.0) < 0.05).any()
    assert (heights > 20.01).mean() < 0.01
    # the playback artefact: the stock after any line; after the last one, the heightmap
    with db.engine.connect() as conn:
        key = conn.execute(
            sa.text("SELECT s3_key FROM artefacts WHERE job_id = :j AND type = 'playback'"),
            {"j": run.job_id},
        ).scalar_one()
    playback = simulation.load_playback(store.get_bytes(key))
    assert np.array_equal(playback.stock_at(10**9), heights)
    assert (playback.stock_at(0) == details["stock"]["max"][2]).all()
    halfway = playback.stock_at(playback.tables["lines"][playback.motions // 2])
    assert (halfway >= heights).all() and (halfway > heights).any()

    # an engineer may not approve; the operator does, once
    with engineer.db.session() as session, pytest.raises(PermissionDenied):
        simulation.review(session, engineer.actor, run_id, "approved")
    with operator.db.session() as session:
        simulation.review(session, operator.actor, run_id, "approved", "Tezgaha hazır.")
    with operator.db.session() as session, pytest.raises(ValidationError, match="already"):
        simulation.review(session, operator.actor, run_id, "rejected", "fikir değişti")
    with db.engine.connect() as conn:
        review = conn.execute(sa.text("SELECT * FROM sim_reviews")).one()
        audited = conn.execute(
            sa.text("SELECT action FROM audit_logs WHERE entity_type = 'sim_run'")
        ).scalars().all()  # fmt: skip
    assert review.decision == "approved" and review.comment == "Tezgaha hazır."
    assert "sim.completed" in audited and "sim.approved" in audited


def test_a_program_that_hits_a_clamp_is_flagged_and_cannot_be_approved(
    db, people, store, worker, tmp_path
):
    engineer, operator = people
    run_id = simulated(db, engineer, store, tmp_path, fixtures=[JAW])
    with operator.db.session() as session:
        detail = simulation.get_sim_run(session, operator.actor, run_id)
    assert detail.summary.status == "failed"
    clamps = [f for f in detail.findings if f["kind"] == "fixture_collision"]
    assert clamps and clamps[0]["severity"] == "error"
    assert "Mengene çenesi" in clamps[0]["message"]
    assert -12 <= clamps[0]["y"] <= 0 and 15 <= clamps[0]["x"] <= 65, clamps
    with operator.db.session() as session, pytest.raises(ValidationError, match="cannot be"):
        simulation.review(session, operator.actor, run_id, "approved")
    # the database refuses it too, whoever asks
    with operator.db.session() as session, pytest.raises(sa.exc.DBAPIError, match="cannot be"):
        session.execute(
            sa.text("INSERT INTO sim_reviews (sim_run_id, user_id, decision) VALUES "
                    "(:r, cnc_current_user_id(), 'approved')"), {"r": run_id},
        )  # fmt: skip
    with operator.db.session() as session, pytest.raises(ValidationError, match="Say why"):
        simulation.review(session, operator.actor, run_id, "rejected", "  ")
    with operator.db.session() as session:
        simulation.review(session, operator.actor, run_id, "rejected", "Çene ile çarpışma.")
    with operator.db.session() as session:
        assert simulation.get_sim_run(session, operator.actor, run_id).review.decision == (
            "rejected"
        )


def test_stock_to_leave_is_recorded_and_leftover_beyond_it_fails_the_run(
    db, people, store, worker, tmp_path
):
    """CAM run → simulation job → severity: a pocket that leaves 0.5 mm on its walls for
    a later finishing pass is within the setup's allowance (the run is not failed); the
    same plate with its pocket left out keeps 8 mm of material where the design has
    none: an error, so the run fails and cannot be approved."""
    engineer, operator = people
    rough = simulated(db, engineer, store, tmp_path / "rough", leave={"pocket": 0.5})
    with operator.db.session() as session:
        detail = simulation.get_sim_run(session, operator.actor, rough)
    design = detail.details["design"]
    assert design["leave_mm"] == 0.5 and design["compared"] is True
    assert detail.summary.errors == 0, [f["message"] for f in detail.findings]
    assert detail.summary.status in ("passed", "warnings")
    # the pocket's walls really kept their 0.5 mm (the pocket is x 20..60 at y 25): a
    # cell 0.125 mm inside the wall stands at the top, one 0.875 mm inside is the floor
    heights = simulation.load_heightmap(store.get_bytes(detail.heightmap_key))
    grid = detail.details["grid"]

    def height_at(x, y):
        i = round((x - grid["origin"][0]) / grid["cell_mm"])
        j = round((y - grid["origin"][1]) / grid["cell_mm"])
        return float(heights[j, i])

    assert height_at(20.125, 25.125) == pytest.approx(20.0, abs=0.01)
    assert height_at(59.875, 25.125) == pytest.approx(20.0, abs=0.01)
    assert height_at(20.875, 25.125) == pytest.approx(12.0, abs=0.01)
    # ... and the CAM run recorded what each operation leaves
    with db.engine.connect() as conn:
        operations = conn.execute(
            sa.text("SELECT cutting_params->'operations' FROM cam_runs WHERE id = "
                    "(SELECT cam_run_id FROM sim_runs WHERE id = :r)"), {"r": rough},
        ).scalar_one()  # fmt: skip
    assert {op["kind"]: op["stock_to_leave_mm"] for op in operations} == {
        "facing": 0.0,
        "pocket": 0.5,
        "drilling": 0.0,
        "profile": 0.0,
    }
    unfinished = simulated(
        db, engineer, store, tmp_path / "unfinished", ops=["facing", "drilling", "profile"]
    )
    with operator.db.session() as session:
        detail = simulation.get_sim_run(session, operator.actor, unfinished)
    assert detail.summary.status == "failed"
    errors = [f for f in detail.findings if f["severity"] == "error"]
    assert [f["kind"] for f in errors] == ["leftover"]
    pocket = errors[0]
    assert pocket["depth_mm"] == pytest.approx(8.0, abs=0.05)
    assert pocket["volume_mm3"] == pytest.approx(40 * 20 * 8, rel=0.03)
    assert 20 <= pocket["x"] <= 60 and 15 <= pocket["y"] <= 35
    with operator.db.session() as session, pytest.raises(ValidationError, match="cannot be"):
        simulation.review(session, operator.actor, unfinished, "approved")


def test_a_program_corrupted_in_the_store_is_refused_by_every_reader(
    db, people, store, worker, tmp_path
):
    # Hashes were checked on download only: the sim_run job, the post check and the
    # review read the stored G-code and height field without checking their SHA-256.
    from cncworkbench.services.machining import cam_post
    from cncworkbench.ui.panels.sim_review import load_run
    from tests.support.cam import wait_until_finished
    from tests.test_storage import corrupt

    engineer, operator = people
    run_id = simulated(db, engineer, store, tmp_path)
    with operator.db.session() as session:
        detail = simulation.get_sim_run(session, operator.actor, run_id)
    assert detail.gcode_sha256 and detail.heightmap_sha256
    load_run(operator, store, run_id)  # intact: reads fine
    original = store.get_bytes(detail.gcode_key)
    corrupt(store, detail.gcode_key, original[:-1] + bytes([original[-1] ^ 0xFF]))
    with pytest.raises(ValidationError, match="corrupted"):
        load_run(operator, store, run_id)
    with db.engine.connect() as conn:
        machine = conn.execute(sa.text("SELECT id FROM machines WHERE name = 'Haas VF-2'")).scalar()
        cam_run_id = conn.execute(
            sa.text("SELECT cam_run_id FROM sim_runs WHERE id = :r"), {"r": run_id}
        ).scalar_one()
    with engineer.db.session() as session:
        job_id = simulation.submit_simulation(session, engineer.actor, cam_run_id)
    failed = wait_until_finished(engineer, job_id)
    assert failed.summary.status == "failed"
    assert "corrupted" in failed.summary.error_message
    cam_post._READINGS.clear()
    with engineer.db.session() as session, pytest.raises(ValidationError, match="corrupted"):
        cam_post.check_post(session, store, cam_run_id, machine)
    corrupt(store, detail.gcode_key, original)
    heightmap = store.get_bytes(detail.heightmap_key)
    corrupt(store, detail.heightmap_key, heightmap[:-1] + bytes([heightmap[-1] ^ 0xFF]))
    with pytest.raises(ValidationError, match="corrupted"):
        load_run(operator, store, run_id)
