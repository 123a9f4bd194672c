"""The workbench in real FreeCAD (Debian's 0.20, PySide2) under Xvfb."""

from __future__ import annotations

import pytest

from cncworkbench.freecad.command_table import COMMAND_NAMES
from cncworkbench.services import catalog
from tests.support.freecad import run_freecad_gui
from tests.support.people import PASSWORD, app_url, make_user
from tests.support.screens import SCREENSHOT_DIR

pytestmark = pytest.mark.freecad


def test_workbench_loads_logs_in_and_shows_the_cam_setup_dock(db, tmp_path):
    with db.session() as session:
        catalog.seed(session)
    make_user(db, "engineer@shop.example")
    result = run_freecad_gui(
        "gui_workbench.py",
        tmp_path,
        {
            "CNC_DATABASE_URL": app_url(db),
            "CNC_TEST_EMAIL": "engineer@shop.example",
            "CNC_TEST_PASSWORD": PASSWORD,
            "CNC_SCREENSHOT_DIR": str(SCREENSHOT_DIR),
        },
    )
    assert "error" not in result, result.get("error")
    assert result["workbench"] == "CNCWorkbench"
    assert result["commands"] == sorted(COMMAND_NAMES)
    assert result["binding"] == "PySide2" and result["qt"].startswith("5.15")
    assert result["login_visible"] and result["login_closed"]
    assert result["user"] == "engineer@shop.example"
    assert result["machine_rows"] == 11 and result["tool_rows"] == 45
    assert result["glyphs_render"]
    assert result["screenshot"]


def test_an_administrator_opens_the_settings_dialog_in_freecad(db, tmp_path):
    make_user(db, "sef@shop.example", "admin")
    make_user(db, "usta@shop.example", "operator")
    result = run_freecad_gui(
        "gui_workbench.py",
        tmp_path,
        {
            "CNC_DATABASE_URL": app_url(db),
            "CNC_TEST_EMAIL": "sef@shop.example",
            "CNC_TEST_PASSWORD": PASSWORD,
            "CNC_TEST_SCENARIO": "admin",
            "CNC_SCREENSHOT_DIR": str(SCREENSHOT_DIR),
        },
    )
    assert "error" not in result, result.get("error")
    assert result["tabs"] == ["Connection", "Users && roles", "Security events", "Audit"]
    assert result["user_rows"] == 2 and result["current_tab"] == "Users && roles"
    assert result["glyphs_render"] and result["screenshot"]


def test_the_open_document_is_uploaded_tracked_and_reopened_in_freecad(db, tmp_path):
    make_user(db, "muhendis@shop.example", "engineer")
    work = tmp_path / "work"
    work.mkdir()
    result = run_freecad_gui(
        "gui_workbench.py",
        tmp_path,
        {
            "CNC_DATABASE_URL": app_url(db),
            "CNC_TEST_EMAIL": "muhendis@shop.example",
            "CNC_TEST_PASSWORD": PASSWORD,
            "CNC_TEST_SCENARIO": "browser",
            "CNC_TEST_WORK": str(work),
            "CNC_SCREENSHOT_DIR": str(SCREENSHOT_DIR),
        },
    )
    assert "error" not in result, result.get("error")
    assert "Stored 'Kapak' version 1" in result["upload_message"]
    assert "Stored 'Kapak (STEP)' version 1" in result["upload_message"]
    assert result["models"] == ["Kapak", "Kapak (STEP)"]
    assert "In sync with version 1" in result["sync"]
    assert "Modified here since version 1" in result["sync_after_edit"]
    assert result["opened"].endswith("Kapak_v1.FCStd")
    assert "60.0 × 40.0 × 10.0 mm" in result["details"]  # FreeCAD's own geometry
    with db.engine.connect() as conn:
        thumbnail, volume = conn.exec_driver_sql(
            "SELECT thumbnail_s3_key, (metadata->>'volume_mm3')::float FROM models "
            "WHERE file_format = 'FCStd'"
        ).one()
    assert thumbnail and volume == 24000.0
