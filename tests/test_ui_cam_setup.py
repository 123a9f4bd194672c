"""The CAM Setup panel driven like an engineer would (PySide6 offscreen, real database,
store and FreeCAD for measuring the part)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.services.access import identity
from cncworkbench.services.machining import catalog
from cncworkbench.services.pdm import models as model_service
from cncworkbench.ui.panels.cam_setup import CamSetupPanel
from cncworkbench.ui.tasks import wait_for_tasks
from cncworkbench.ui.workspace import Workspace
from tests.support.freecad import require_program
from tests.support.people import PASSWORD, app_url, make_user
from tests.support.screens import save_screenshot

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
WAIT_MS = 60000


@pytest.fixture
def panel(qtbot, db, monkeypatch, tmp_path, shop_license):
    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    with db.session() as session:
        catalog.seed(session)
    make_user(db, "muhendis@atolye.example", "engineer")
    workspace = Workspace()
    widget = CamSetupPanel(workspace)
    qtbot.addWidget(widget)
    widget.resize(980, 820)
    widget.show()
    workspace.open()
    qtbot.waitUntil(lambda: workspace.is_ready, timeout=WAIT_MS)
    user = identity.sign_in(workspace.context, "muhendis@atolye.example", PASSWORD)
    part = tmp_path / "flans_plakasi.FCStd"
    shutil.copy(SAMPLES / "flans_plakasi.FCStd", part)
    model_service.upload_model(user.db, workspace.context.store, user.actor, part, "Flanş işi",
                               name="Flanş plakası")  # fmt: skip
    workspace.set_user(user)
    qtbot.waitUntil(lambda: widget.tools.rowCount() == 45, timeout=WAIT_MS)
    yield widget
    wait_for_tasks()
    workspace.close()


def settle(qtbot, panel):
    qtbot.wait(400)  # the preview is debounced
    wait_for_tasks()
    qtbot.wait(50)


def column(table, number):
    return [table.item(row, number).text() for row in range(table.rowCount())]


def test_pickers_filter_and_show_what_a_shop_needs(qtbot, panel):
    assert panel.machines.rowCount() == 11 and panel.materials.rowCount() == 23
    assert "5 tools are below their minimum stock" in panel.banner.text()
    # machines: filter by text and by type
    panel.machine_filter.setText("linuxcnc")
    assert sorted(column(panel.machines, 0)) == ["Sherline 5400 (LinuxCNC retrofit)",
                                                 "Tormach 1100MX"]  # fmt: skip
    panel.machine_filter.clear()
    # materials by category, with their cutting data
    panel.material_category.setCurrentIndex(panel.material_category.findData("aluminium"))
    assert all(value == "aluminium" for value in column(panel.materials, 1))
    row = column(panel.materials, 0).index("Aluminium 6061-T6")
    assert panel.materials.item(row, 3).text() == "500" and panel.materials.item(row, 5).text()
    # tools: type, diameter range, in stock
    panel.tool_type.setCurrentIndex(panel.tool_type.findData("drill"))
    panel.diameter_min.setValue(5.5)
    panel.diameter_max.setValue(7.0)
    assert sorted(column(panel.tools, 2)) == ["6.00", "6.80", "6.80"]
    panel.tool_type.setCurrentIndex(0)
    panel.diameter_min.setValue(0)
    panel.diameter_max.setValue(100)
    before = panel.tools.rowCount()
    panel.in_stock.setChecked(True)
    assert panel.tools.rowCount() <= before
    panel.in_stock.setChecked(False)
    low = [row for row in range(panel.tools.rowCount()) if panel.tools.item(row, 7).toolTip()]
    assert len(low) == 5
    # the selected tool is drawn, with its holder and stock warning in words
    panel.select_tool(panel.tools.item(low[0], 0).text())
    assert panel.drawing.tool["name"] == panel.tools.item(low[0], 0).text()
    assert (
        "holder" in panel.tool_details.text() and "in stock (minimum" in panel.tool_details.text()
    )
    panel.tabs.setCurrentIndex(1)
    save_screenshot(panel, "cam_setup_tools")
    image = panel.drawing.grab().toImage()
    painted = {image.pixelColor(x, y).name() for x in range(0, image.width(), 4)
               for y in range(0, image.height(), 4)}  # fmt: skip
    assert len(painted) > 4  # holder, shank, flutes and text, not an empty box


def build_setup(qtbot, panel):
    panel.select_machine("Tormach 1100MX")
    panel.select_material("Aluminium 6061-T6")
    panel.add_operation("facing", "10 mm 3F carbide flat end mill ZrN")
    panel.add_operation("pocket", "6 mm 3F carbide flat end mill ZrN")
    panel.add_operation("drilling", "6 mm HSS-Co drill")
    panel.add_operation("profile", "10 mm 3F carbide flat end mill ZrN")
    panel.model_combo.setCurrentIndex(
        panel.model_combo.findText("Flanş plakası", flags=_contains())
    )
    settle(qtbot, panel)


def _contains():
    from cncworkbench.ui.qt import Qt

    return Qt.MatchFlag.MatchContains


def test_operations_show_feeds_with_their_sources_and_limits(qtbot, panel):
    build_setup(qtbot, panel)
    assert panel.op_table.rowCount() == 4
    assert column(panel.op_table, 1) == ["Facing", "Pocket", "Drilling", "Profile (contour)"]
    # the Tormach's 10 000 rpm spindle clamps the aluminium's 500 m/min
    assert column(panel.op_table, 6) == ["10000", "10000", "7958", "10000"]
    panel.op_table.selectRow(1)
    html = panel.feeds_view.text()
    assert "1000·500/(π·6)" in html and "clamped to the spindle" in html
    assert "Kienzle" in html and "Aluminium 6061-T6" in html
    messages = [panel.problem_list.item(i).text() for i in range(panel.problem_list.count())]
    assert any("above the spindle's maximum of 10000 rpm" in m for m in messages)
    assert panel.errors() == []
    # the stock follows the part's bounding box (from the upload) plus margins
    assert panel.stock_summary.text() == "Stock 84 × 54 × 21 mm"
    panel.tabs.setCurrentIndex(3)
    save_screenshot(panel, "cam_setup_operations")


@pytest.mark.freecad
def test_check_measures_the_part_and_refuses_a_cutter_wider_than_the_pocket(qtbot, panel, db):
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    build_setup(qtbot, panel)
    panel.check()
    qtbot.waitUntil(lambda: not panel.progress.isVisible(), timeout=WAIT_MS)
    assert "1 pocket(s), 4 hole(s)" in panel.banner.text()
    panel.op_table.selectRow(1)
    panel._remove_op()
    panel.add_operation("pocket", "20 mm 4F carbide flat end mill")
    settle(qtbot, panel)
    (error,) = panel.errors()
    assert "(Ø20 mm) is larger than the pocket (40 × 20 mm, narrowest 20 mm)" in error
    panel.run_on_worker()
    assert panel.banner.text() == "Fix the problems listed first."
    with db.engine.connect() as conn:
        cam_jobs = "SELECT count(*) FROM jobs WHERE type = 'cam_process'"  # not cad_generate
        assert conn.execute(sa.text(cam_jobs)).scalar_one() == 0
    save_screenshot(panel, "cam_setup_problem")


def test_stock_to_leave_is_set_per_operation_and_saved_with_the_setup(qtbot, panel, db):
    build_setup(qtbot, panel)
    panel.op_table.selectRow(2)  # the drill leaves nothing to finish: no field
    assert not panel.leave.isEnabled() and column(panel.op_table, 5)[2] == ""
    panel.op_table.selectRow(1)
    assert panel.leave.isEnabled()
    panel.leave.setValue(0.3)  # the pocket leaves 0.3 mm for a finishing pass
    settle(qtbot, panel)
    assert column(panel.op_table, 5) == ["0", "0.3", "", "0"]
    assert panel.leave.maximum() == 10  # the service's limit, not a free number
    panel.tabs.setCurrentIndex(3)
    save_screenshot(panel, "cam_setup_leave")
    panel.save()
    qtbot.waitUntil(lambda: panel.setup_id is not None, timeout=WAIT_MS)
    with db.engine.connect() as conn:
        operations = conn.execute(sa.text("SELECT operations FROM setups")).scalar_one()
    assert [op.get("stock_to_leave_mm", 0) for op in operations] == [0, 0.3, 0, 0]


def test_save_and_queue_a_cam_job(qtbot, panel, db):
    build_setup(qtbot, panel)
    panel.fixtures.setRowCount(0)
    panel.add_fixture("Mengene çenesi", [-10, -14, 0], [90, -2, 15])
    panel.work_offset.setCurrentText("G55")
    settle(qtbot, panel)
    panel.save()
    qtbot.waitUntil(lambda: panel.setup_id is not None, timeout=WAIT_MS)
    with db.engine.connect() as conn:
        setup = conn.execute(sa.text("SELECT * FROM setups")).one()
    assert setup.work_offset == "G55" and float(setup.stock_x_mm) == 84
    assert setup.fixtures == [{"name": "Mengene çenesi", "min": [-10, -14, 0], "max": [90, -2, 15]}]
    assert [op["kind"] for op in setup.operations] == ["facing", "pocket", "drilling", "profile"]
    panel.workspace.ensure_worker = lambda: None  # the job is checked queued, not run
    panel.run_on_worker()
    qtbot.waitUntil(lambda: "queued" in panel.banner.text(), timeout=WAIT_MS)
    with db.engine.connect() as conn:
        job = conn.execute(
            sa.text("SELECT type, input_params FROM jobs WHERE type != 'cad_generate'")
        ).one()
    assert job.type == "cam_process" and job.input_params == {"setup_id": setup.id}
    panel.tabs.setCurrentIndex(2)
    save_screenshot(panel, "cam_setup_stock")
