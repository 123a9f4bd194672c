"""The workbench in real FreeCAD under Xvfb (each FreeCAD of the version matrix)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cncworkbench.cam import rs274
from cncworkbench.core import gcode, runtime
from cncworkbench.freecad.command_table import COMMAND_NAMES
from cncworkbench.services.machining import catalog
from tests.support.freecad import (
    REPOSITORY,
    addon_without_dependencies,
    run_freecad_gui,
)
from tests.support.people import PASSWORD, app_url, make_user
from tests.support.screens import SCREENSHOT_DIR

pytestmark = pytest.mark.freecad
SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


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
    # our Qt seam runs on the binding and Qt that FreeCAD itself loaded (PySide2 or PySide6)
    assert (result["binding"], result["qt"]) == (result["freecad_binding"], result["freecad_qt"])
    assert result["login_visible"] and result["login_closed"]
    assert Path(result["login_screenshot"]).read_bytes().startswith(b"\x89PNG")
    assert result["user"] == "engineer@shop.example"
    assert result["machine_rows"] == 11 and result["tool_rows"] == 45
    assert result["glyphs_render"]
    assert result["screenshot"]


def test_an_administrator_opens_the_settings_dialog_in_freecad(
    db, app_context, tmp_path, monkeypatch
):
    from cncworkbench.services.access import identity, licenses
    from cncworkbench.services.access.audit import Actor
    from tests.support.http_endpoint import Endpoint
    from tests.test_ui_billing import ADMIN_TABS, COMPANY, seed_billing
    from tests.test_ui_integrations import seed_erp

    make_user(db, "sef@shop.example", "admin")
    make_user(db, "usta@shop.example", "operator")
    make_user(db, "alici@musteri.example", "viewer", **COMPANY)
    made = seed_billing(db, "sef@shop.example", "alici@musteri.example")
    with db.session() as session:  # the plan with ERP/MES sync
        licenses.change_plan(session, Actor.system(), made["license"], "enterprise")
    # the token from the environment, here and in FreeCAD (never shown there)
    monkeypatch.setenv("CNC_ERP_TOKEN_SAP", "tok-freecad-GIZLI")
    erp_peer = Endpoint().start()
    try:
        seed_erp(db, erp_peer, tmp_path)
    finally:
        erp_peer.stop()
    usta = identity.sign_in(app_context, "usta@shop.example", PASSWORD)  # holds a seat
    with db.engine.connect() as conn:  # a security event to resolve
        conn.exec_driver_sql("SELECT cnc_login('alici@musteri.example', 'yanlis-sifre-1')")
        conn.commit()
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
    usta.close()
    assert "error" not in result, result.get("error")
    assert result["tabs"] == ADMIN_TABS
    assert result["user_rows"] == 3 and result["current_tab"] == "Connection"
    shots = result["screenshots"]
    assert list(shots) == ["users", "licenses", "invoices", "integrations", "security", "audit",
                           "connection", "invoice_dialog", "system_dialog",
                           "payload_dialog"]  # fmt: skip
    for path in shots.values():
        assert path and Path(path).read_bytes().startswith(b"\x89PNG")
    ((_number, plan, status, seats, used, *_rest, holder),) = result["license_rows"]
    assert (plan, seats, used, holder) == ("Enterprise", "5", "2", "sef@shop.example")
    assert status.startswith("in force")
    assert result["seat_caption"] == "Enterprise license #1: 2 of 5 seats in use, 3 free"
    assert sorted(result["seat_holders"]) == ["sef@shop.example", "usta@shop.example"]
    statuses = [row[5] for row in result["invoice_rows"]]
    assert statuses == ["cancelled", "paid", "overdue", "sent", "draft"]
    assert [row[4] for row in result["invoice_rows"]][1] == "1,440.00 USD"
    assert result["clipped_columns"] == []
    assert result["dialogs"] == ["New license", "Renew license #1", "Convert trial #1 to a plan",
                                 "New invoice", "Record payment for CNC2026000000001",
                                 "Refund a payment of CNC2026000000001",
                                 "Cancel invoice CNC2026000000001"]  # fmt: skip
    assert result["invoice_dialog_total"] == "8,403.00 TRY"
    ((name, _url, direction, types, active, token, queue),) = result["erp_systems"]
    assert (name, direction, types, active) == ("SAP", "both", "order, cam_run, invoice", "yes")
    assert token == "yes (environment)" and queue == "pending 2, synced 2, failed 1"
    assert result["erp_counts"] == {"pending": 2, "synced": 2, "failed": 1}
    states = sorted(row[4] for row in result["erp_queue"])
    assert states == ["failed", "pending", "retry 1", "synced", "synced"]
    assert "Last error: HTTP 500" in result["erp_detail"]
    assert result["erp_dialogs"] == ["Add external system", "Edit SAP", "Import orders",
                                     "Exchange #2"]  # fmt: skip
    assert '"invoice_number": "CNC2026000000007"' in result["erp_payload"]
    assert "SAP refused the event: HTTP 422" in result["erp_payload"]
    assert "tok-freecad-GIZLI" not in str(result)
    assert result["glyphs_render"]


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


MILL_OPERATIONS = (
    "facing=10 mm 3F carbide flat end mill ZrN;pocket=6 mm 3F carbide flat end mill ZrN;"
    "drilling=6 mm HSS-Co drill;profile=10 mm 3F carbide flat end mill ZrN"
)
# A router spindle cannot turn slowly enough for a 6 mm HSS drill: router bits instead.
ROUTER_OPERATIONS = (
    "facing=1/4 in (6.35 mm) 2F;pocket=1/8 in (3.175 mm) 2F;drilling=1/4 in (6.35 mm) 2F;"
    "profile=1/4 in (6.35 mm) 2F"
)


@pytest.mark.parametrize(
    ("machine", "post", "operations", "tools"),
    [
        ("Tormach 1100MX", "linuxcnc", MILL_OPERATIONS, [1, 2, 3, 1]),
        ("Shapeoko", "grbl", ROUTER_OPERATIONS, []),  # no tool changer: M0 pauses instead
    ],
)
def test_the_cam_panel_generates_toolpaths_on_the_open_document(
    db, tmp_path, machine, post, operations, tools, shop_license
):
    with db.session() as session:
        catalog.seed(session)
    make_user(db, "engineer@shop.example")
    part = tmp_path / "flans_plakasi.FCStd"
    shutil.copy(SAMPLES / "flans_plakasi.FCStd", part)
    result = run_freecad_gui(
        "gui_workbench.py",
        tmp_path,
        {
            "CNC_DATABASE_URL": app_url(db),
            "CNC_TEST_EMAIL": "engineer@shop.example",
            "CNC_TEST_PASSWORD": PASSWORD,
            "CNC_TEST_SCENARIO": "cam_generate",
            "CNC_TEST_PART": str(part),
            "CNC_TEST_MACHINE": machine,
            "CNC_TEST_OPERATIONS": operations,
            "CNC_SCREENSHOT_DIR": str(SCREENSHOT_DIR / post),
        },
    )
    assert "error" not in result, result.get("error")
    assert result["stock"] == "Stock 84 × 54 × 21 mm"
    assert not [p for p in result["problems"] if "larger than" in p]
    # the job lives in the document, one toolpath per operation, each with moves
    assert result["jobs"] == 1
    assert [label for label, _count in result["operations"]] == [
        "Facing",
        "Pocket",
        "Drilling",
        "Profile",
    ]
    assert all(count > 5 for _label, count in result["operations"])
    # generating again replaces the job; each generation is one undo step
    assert result["jobs_after_regenerate"] == 1 and result["jobs_after_undo"] == 1, (
        result["undo_after_first"],
        result["undo_names"],
    )
    assert result["jobs_after_second_undo"] == 0, result["undo_names"]
    program = gcode.interpret(result["gcode"])
    assert [tool for _line, tool in runtime.tool_changes(program)] == tools
    assert f"lines of G-code for {post}" in result["summary"]
    if post == "linuxcnc":
        assert "LinuxCNC's interpreter accepts it" in result["summary"]
        verdict = rs274.check(result["gcode"], [])
        assert verdict is None or verdict.ok or "tool table" in verdict.message
    else:
        assert not any(" K" in line for line in result["gcode"].splitlines()
                       if line.startswith(("G2", "G3")))  # fmt: skip
        pauses = [line for line in result["gcode"].splitlines() if line.startswith("M0 (")]
        assert pauses == ["M0 (CHANGE TO T1 THEN RESUME)", "M0 (CHANGE TO T2 THEN RESUME)",
                          "M0 (CHANGE TO T1 THEN RESUME)"]  # fmt: skip
    assert result["glyphs_render"] and result["screenshot"]


def _operator_reviews_a_jaw_collision_run(
    db, pg_cluster, app_context, tmp_path, scenario, extra_env=None, timeout=240
) -> dict:
    """FreeCAD's GUI with the review dock on one simulated run whose tool hits a vise jaw,
    driven by ``scenario`` of tests/freecad_scripts/gui_workbench.py."""
    from tests.support.cam import JAW, runs_for_review

    (run_id,) = runs_for_review(db, pg_cluster, app_context, tmp_path, [[JAW]])
    env = {
        "CNC_DATABASE_URL": app_url(db),
        "CNC_TEST_EMAIL": "usta@atolye.example",
        "CNC_TEST_PASSWORD": PASSWORD,
        "CNC_TEST_SCENARIO": scenario,
        "CNC_TEST_RUNS": "1",
        "CNC_TEST_RUN": str(run_id),
        "CNC_SCREENSHOT_DIR": str(SCREENSHOT_DIR),
        **(extra_env or {}),
    }
    return run_freecad_gui("gui_workbench.py", tmp_path, env, timeout=timeout)


def test_the_operator_reviews_a_simulated_run_in_freecad(
    db, pg_cluster, app_context, tmp_path, shop_license
):
    result = _operator_reviews_a_jaw_collision_run(
        db, pg_cluster, app_context, tmp_path, "sim_review"
    )
    assert "error" not in result, result.get("error")
    assert "FAILED" in result["verdict"]
    assert result["current_line"] == result["finding_line"]
    assert result["approve_enabled"] is False
    # FreeCAD's 3-D view shows the run: the stock, the toolpath and a marker per finding;
    # the finding picked in the dock is the highlighted marker; clicking a marker in the
    # view picks its finding in the dock and scrolls the G-code to its line.
    assert result["scene_in_view"] and result["scene_triangles"] > 1000
    assert result["scene_markers"] == result["findings"] >= 1
    assert result["chosen_marker"] == 0
    assert result["clicked_finding"] == result["clicked_target"]
    assert result["clicked_line"] == result["target_line"]
    # the markers are numbered as the dock lists the findings
    assert result["marker_labels"] == result["dock_numbers"]
    assert result["marker_labels"][:2] == ["1", "2"]
    # the dock's "Next finding" moves the picked marker and the scrubber with it
    assert result["stepped_finding"] == result["stepped_marker"] is not None
    assert result["stepped_scrubber"] == result["stepped_line"]
    # playback in the 3-D view: the stock drawn is the stock after the scrubbed line,
    # the uncut block at the start, less and less of it on the way to the end
    frames = result["playback_frames"]
    for frame in frames.values():
        assert frame["points_in_view"] == frame["points"]
    assert frames["start"]["volume"] > frames["middle"]["volume"] > frames["end"]["volume"]
    assert result["glyphs_render"] and result["screenshot"]


def test_the_review_shows_the_tool_travel_and_deviation_in_freecads_3d_view(
    db, pg_cluster, app_context, tmp_path, shop_license
):
    """Scrubbing moves the tool (cutter, shank, holder) to where the line left its tip; the
    machine's travel is a box around the program; the dock's deviation toggle colours the
    finished stock as the verification judged it."""
    from cncworkbench.core import deviation
    from cncworkbench.core.review_geometry import tool_parts

    result = _operator_reviews_a_jaw_collision_run(
        db, pg_cluster, app_context, tmp_path, "sim_review_scene",
        # a fresh checkout's first replay in this FreeCAD's Python builds the compiled sweep
        {"CNC_TEST_WATCHDOG_S": "330"},
        timeout=400,
    )  # fmt: skip
    assert "error" not in result, result.get("error")
    assert result["tool_in_scene"]
    tools = {tool["number"]: tool for tool in result["tools"]}
    assert result["tool_solids"] == len(tools) >= 2
    # where the tool is after a line, read from the G-code independently of the review
    motions = gcode.interpret(result["gcode"]).motions
    for pose in result["poses"]:
        last = [m for m in motions if m.line <= pose["line"]][-1]
        assert pose["tool"] == last.tool, pose
        assert pose["translation"] == pytest.approx(list(last.end), abs=1e-4)
        (x0, y0, z0), (x1, y1, z1) = pose["box"]
        parts = tool_parts(tools[last.tool])
        widest = max(part.radius for part in parts)
        # the solids stand on the tip, around the spindle axis, as tall as the tool
        assert z0 == pytest.approx(last.end[2], abs=1e-3)
        assert z1 == pytest.approx(last.end[2] + parts[-1].z_to, abs=1e-3)
        assert ((x0 + x1) / 2, (y0 + y1) / 2) == pytest.approx(last.end[:2], abs=1e-3)
        assert (x1 - x0) / 2 == pytest.approx(widest, abs=1e-3)
    # the machine's travel around everything the program reaches
    travel = result["machine"]["travel_mm"]
    assert result["travel_in_scene"]
    low, high = result["travel_box"]
    assert [b - a for a, b in zip(low, high, strict=True)] == pytest.approx(travel, abs=1e-3)
    reached = [p for m in motions for p in (m.start, m.end)]
    for axis in range(3):
        assert low[axis] <= min(p[axis] for p in reached) + 1e-6
        assert high[axis] >= max(p[axis] for p in reached) - 1e-6
    # the deviation colours as the comparison found: no gouge, so no red; within green
    design = result["design"]
    assert design["compared"] and result["deviation_enabled"]
    assert result["material_colours"] == result["stock_vertices"]
    counts = result["deviation_colours"]
    red = counts.get(",".join(map(str, deviation.GOUGE)), 0)
    green = counts.get(",".join(map(str, deviation.WITHIN)), 0)
    known = {",".join(map(str, c)) for c in (deviation.GOUGE, deviation.WITHIN,
                                             deviation.OUTSIDE, (150, 150, 150))}  # fmt: skip
    blue = sum(n for colour, n in counts.items() if colour not in known)
    assert (red > 0) == (design["gouge_regions"] > 0)
    assert green > 0
    assert (blue > 0) == (design["leftover_regions"] > 0)
    assert result["depth_colours_back"]
    # mid-program the deviation is the gouges so far (none here) on the stock at that line;
    # at the end the whole map again
    middle, end = result["deviation_at_middle"], result["deviation_at_end"]
    assert middle["heights_are_the_lines"] and middle["colours_are_the_frames"]
    assert middle["red"] == middle["gouged_cells"] == 0 == design["gouge_regions"]
    assert end["colour_counts"] == counts
    # the design part over the stock: the flange's top face, within the stock's outline
    assert result["design_overlay"] == [True, True]
    assert result["design_shown"] and result["design_hidden"]
    assert result["design_triangles"] > 1000
    (dx0, dy0, dz0), (dx1, dy1, dz1) = result["design_box"]
    stock_low, stock_high = result["stock"]["min"], result["stock"]["max"]
    assert stock_low[0] - 1e-3 <= dx0 < dx1 <= stock_high[0] + 1e-3
    assert stock_low[1] - 1e-3 <= dy0 < dy1 <= stock_high[1] + 1e-3
    assert stock_low[2] <= dz0 <= dz1 <= stock_high[2] + 1e-3
    assert (dx1 - dx0) > 0.5 * (stock_high[0] - stock_low[0])
    # Reject reloads the run: the camera the operator turned and the scrubbed line stay
    assert result["reject_enabled"]
    assert "rejected" in result["reject_banner"] or "reddedildi" in result["reject_banner"]
    assert result["camera_after_reject"] == pytest.approx(result["camera_turned"], abs=1e-3)
    middle_line, scrubber = result["line_after_reject"]
    assert scrubber == middle_line
    assert result["tool_after_reject"] == pytest.approx(result["poses"][1]["translation"])
    assert result["glyphs_render"] and result["screenshot"]


def test_freecad_in_turkish_shows_the_workbench_in_turkish(db, tmp_path, shop_license):
    """FreeCAD's language is Turkish: FreeCAD loads cncworkbench_tr.qm (compiled by Qt 6's
    lrelease) from the workbench's language path into its Qt 5; a user whose language is
    English then sees our panels in English while FreeCAD stays Turkish."""
    with db.session() as session:
        catalog.seed(session)
    make_user(db, "muhendis@shop.example")  # locale tr, the default
    make_user(db, "engineer@shop.example", locale="en")
    part = tmp_path / "flans_plakasi.FCStd"
    shutil.copy(SAMPLES / "flans_plakasi.FCStd", part)
    result = run_freecad_gui(
        "gui_workbench.py",
        tmp_path,
        {
            "CNC_DATABASE_URL": app_url(db),
            "CNC_LOCALE": "",  # the language follows FreeCAD and the user, as in the shop
            "CNC_TEST_FREECAD_LANGUAGE": "Turkish",
            "CNC_TEST_EMAIL": "muhendis@shop.example",
            "CNC_TEST_EMAIL_EN": "engineer@shop.example",
            "CNC_TEST_PASSWORD": PASSWORD,
            "CNC_TEST_SCENARIO": "turkish",
            "CNC_TEST_PART": str(part),
            "CNC_SCREENSHOT_DIR": str(SCREENSHOT_DIR),
        },
    )
    assert "error" not in result, result.get("error")
    assert "&Dosya" in result["freecad_menus"]  # FreeCAD itself speaks Turkish
    assert "Giriş yap" in result["cnc_menu"] and "Projeler && Modeller" in result["cnc_menu"]
    assert result["cam_title"] == "CAM Bağlama"
    assert result["cam_tabs"][:4] == [
        "Tezgah && malzeme",
        "Takımlar",
        "Ham parça && bağlama",
        "İşlemler",
    ]
    assert result["cam_buttons"] == ["Kontrol et", "Bağlamayı kaydet", "G kodu üret",
                                     "İşleyicide çalıştır"]  # fmt: skip
    assert "Devir" in result["feeds"] and "dev/dk" in result["feeds"]
    assert result["cam_title_en"] == "CAM Setup"
    assert result["cam_tabs_en"][:2] == ["Machine && material", "Tools"]
    assert result["freecad_menus_after"] == result["freecad_menus"]
    assert result["glyphs_render"] and result["screenshot"]


def _link_into_every_user_folder(home: Path, addon: Path) -> None:
    # 1.1 reads add-ons from the versioned v1-1/Mod; 0.20 and 1.0 from Mod
    user_data = home / ".local" / "share" / "FreeCAD"
    for mod in (user_data / "Mod", user_data / "v1-1" / "Mod"):
        mod.mkdir(parents=True, exist_ok=True)
        (mod / "CNCWorkbench").symlink_to(addon)


def test_a_missing_dependency_still_lists_the_workbench_and_names_the_fix(tmp_path):
    """A real fault: the add-on with none of our packages installed for FreeCAD's Python."""
    addon = addon_without_dependencies(tmp_path / "addon")
    home = tmp_path / "bare-home"
    _link_into_every_user_folder(home, addon)
    result = run_freecad_gui(
        "gui_missing_dependency.py",
        tmp_path,
        {"CNC_SCREENSHOT_DIR": str(SCREENSHOT_DIR)},
        home=home,
    )
    assert "error" not in result, result.get("error")
    assert "CNCWorkbench" in result["workbenches"] and result["active"] == "CNCWorkbench"
    (text,) = result["panel_text"]
    # names a package FreeCAD's Python lacks and the command that installs them
    assert "SQLAlchemy" in text and "cncworkbench freecad install" in text, text
    assert result["commands"] == ["CNC_MissingDependencies"]
    assert result["screenshot"]


def test_freecad_install_serves_the_freecad_on_path_and_its_user_folder(tmp_path):
    """`cncworkbench freecad install` into a HOME whose FreeCAD user folder is already
    versioned (v1-1/, as after a first start of 1.1): the workbench then loads with its
    real commands, wherever that FreeCAD reads add-ons and packages from."""
    home = tmp_path / "home"
    (home / ".local" / "share" / "FreeCAD" / "v1-1").mkdir(parents=True)
    env = {
        **os.environ,
        "HOME": str(home),
        # wheels already fetched once are not downloaded again (the HOME is new each run)
        "PIP_CACHE_DIR": "/tmp/cncworkbench-pip-cache",
    }
    env.pop("PYTHONPATH", None)
    installed = subprocess.run(
        [str(Path(sys.executable).parent / "cncworkbench"), "freecad", "install"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    result = run_freecad_gui(
        "gui_missing_dependency.py",
        tmp_path,
        {"CNC_SCREENSHOT_DIR": str(SCREENSHOT_DIR / "installed")},
        home=home,
    )
    assert "error" not in result, result.get("error")
    user_data = Path(result["user_data"])
    # the install used the folder this FreeCAD itself reports, and linked its Mod
    assert str(user_data / "AdditionalPythonPackages") in installed.stdout
    assert (user_data / "Mod" / "CNCWorkbench").resolve() == REPOSITORY
    assert result["active"] == "CNCWorkbench" and result["panel_text"] == []
    assert result["commands"] == sorted(COMMAND_NAMES)
