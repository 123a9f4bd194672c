"""The administrators' tabs of the settings panel, driven like a user (PySide6 offscreen)."""

from __future__ import annotations

import sqlalchemy as sa

from cncworkbench.ui.panels.admin import UserDialog
from cncworkbench.ui.qt import QtWidgets
from tests.support.people import PASSWORD, make_user
from tests.support.screens import save_screenshot
from tests.support.settings_ui import tab_titles

WAIT_MS = 30000


def test_non_admins_see_only_the_connection(db, settings_as):
    make_user(db, "usta@atolye.example", "operator")
    panel = settings_as("usta@atolye.example")
    assert tab_titles(panel) == ["Connection"]


def test_users_tab_creates_validates_and_edits(qtbot, db, settings_as, monkeypatch):
    make_user(db, "sef@atolye.example", "admin")
    make_user(db, "usta@atolye.example", "operator")
    panel = settings_as("sef@atolye.example")
    assert tab_titles(panel) == ["Users && roles", "Licenses", "Invoices && payments",
                                 "Integrations", "Security events", "Audit",
                                 "Connection"]  # fmt: skip
    tab = panel.users
    panel.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=WAIT_MS)

    def filled_dialog(row=None, **fields):
        dialog = UserDialog(row, tab)
        for name, value in fields.items():
            widget = getattr(dialog, name)
            if isinstance(widget, QtWidgets.QComboBox):
                widget.setCurrentText(value)
            else:
                widget.setText(value)
        return dialog

    bad = filled_dialog(email="muhendis@atolye.example", tax_no="1234567891", password=PASSWORD)
    monkeypatch.setattr(tab, "_dialog", lambda row=None: bad)
    tab.on_new()
    qtbot.waitUntil(lambda: tab.banner.kind == "error", timeout=WAIT_MS)
    assert "VKN '1234567891' fails its check digits" in tab.banner.text()
    good = filled_dialog(email="muhendis@atolye.example", tax_no="1234567890",
                         phone="0533 444 55 66", role="engineer", password=PASSWORD)  # fmt: skip
    monkeypatch.setattr(tab, "_dialog", lambda row=None: good)
    tab.on_new()
    qtbot.waitUntil(
        lambda: tab.table.rowCount() == 3 or tab.banner.kind == "error", timeout=WAIT_MS
    )
    assert tab.banner.kind == "success", tab.banner.text()
    assert tab.banner.kind == "success"
    emails = [tab.table.item(r, 0).text() for r in range(3)]
    assert "muhendis@atolye.example" in emails
    row = emails.index("muhendis@atolye.example")
    assert tab.table.item(row, 1).text() == "+905334445566"
    save_screenshot(panel.window(), "admin_users")
    tab.table.selectRow(row)
    edit = filled_dialog(tab.rows[row], role="viewer")
    monkeypatch.setattr(tab, "_dialog", lambda row=None: edit)
    tab.on_edit()
    qtbot.waitUntil(lambda: tab.table.item(row, 2).text() == "viewer", timeout=WAIT_MS)
    tab.table.selectRow(row)
    tab.on_toggle()
    qtbot.waitUntil(lambda: tab.table.item(row, 3).text() == "inactive", timeout=WAIT_MS)


def test_security_events_are_resolved_with_a_note(qtbot, db, settings_as, monkeypatch):
    make_user(db, "sef@atolye.example", "admin")
    make_user(db, "usta@atolye.example", "operator")
    with db.engine.connect() as conn:  # a failed login, through the real function
        conn.exec_driver_sql("SELECT cnc_login('usta@atolye.example', 'yanlis-sifre-1')")
        conn.commit()
    panel = settings_as("sef@atolye.example")
    tab = panel.security
    panel.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=WAIT_MS)
    assert tab.table.item(0, 1).text() == "login_failed"
    assert tab.table.item(0, 3).text() == "usta@atolye.example"
    assert tab.table.item(0, 6).text() == "open"
    save_screenshot(panel.window(), "admin_security_events")
    monkeypatch.setattr(
        QtWidgets.QInputDialog,
        "getMultiLineText",
        lambda *a, **k: ("Kullanıcı aradı, sorun yok", True),
    )
    tab.table.selectRow(0)
    tab.on_resolve()
    qtbot.waitUntil(
        lambda: tab.table.item(0, 6).text() == "Kullanıcı aradı, sorun yok", timeout=WAIT_MS
    )


def test_audit_tab_searches_and_verifies(qtbot, db, settings_as):
    make_user(db, "sef@atolye.example", "admin")
    make_user(db, "usta@atolye.example", "operator")
    panel = settings_as("sef@atolye.example")
    tab = panel.audit
    panel.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() >= 5, timeout=WAIT_MS)
    tab.search.setText("usta@")
    tab.reload()
    qtbot.waitUntil(lambda: tab.table.rowCount() < 5, timeout=WAIT_MS)
    tab.on_verify()
    qtbot.waitUntil(lambda: tab.banner.kind in ("success", "error"), timeout=WAIT_MS)
    assert tab.banner.kind == "success" and "intact" in tab.banner.text()
    save_screenshot(panel.window(), "admin_audit")
    with db.engine.begin() as conn:  # somebody with the owner's password edits history
        conn.execute(sa.text("UPDATE audit_logs SET action = 'user.nothing' WHERE id = 2"))
    tab.on_verify()
    qtbot.waitUntil(lambda: tab.banner.kind == "error", timeout=WAIT_MS)
    assert "BROKEN at entry 2" in tab.banner.text()
