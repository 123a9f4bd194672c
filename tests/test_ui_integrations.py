"""The Integrations tab of the settings panel (ERP/MES sync), driven like an admin would:
PySide6 offscreen, the real database, a real HTTP peer on loopback, dialogs filled and
submitted."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.config import SecretStore
from cncworkbench.core import erp as core
from cncworkbench.db.models import ExternalSystem, Project
from cncworkbench.services.access import licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce import erp, erp_inbound
from cncworkbench.ui.panels.integrations import PayloadDialog
from cncworkbench.ui.qt import QtWidgets
from tests.support.http_endpoint import Endpoint, Reply, closed_port_url
from tests.support.people import make_user
from tests.support.screens import save_screenshot
from tests.support.settings_ui import tab_titles
from tests.test_ui_billing import column, settle, submitted

WAIT_MS = 30000
OWNER = Actor.system()
ADMIN = "sef@atolye.example"
TOKEN = "tok-9c41-GIZLI-erp"
SIGNING = "imza-7d2e-GIZLI"
FAST = {"connect_timeout_ms": 500, "read_timeout_ms": 1000, "max_retries": 3,
        "backoff_base_s": 10, "backoff_max_s": 60}  # fmt: skip
ORDERS_CSV = (
    "order_id;customer_name;project_name;due_date;quantity;part_number;material\n"
    "SO-1001;Anadolu Makina A.Ş.;;2026-12-15;20;FL-200;C45\n"
    "SO-1002;Ege Kalıp;Kalıp gövdesi;15.01.2027;2;KG-7;1.2738\n"
)


@pytest.fixture
def endpoint():
    server = Endpoint().start()
    yield server
    server.stop()


@pytest.fixture
def integrations(qtbot, db, shop_license, settings_as):
    """The Integrations tab of an admin, with the Enterprise license in force."""
    make_user(db, ADMIN, "admin")
    panel = settings_as(ADMIN)
    tab = panel.integrations
    panel.tabs.setCurrentWidget(tab)
    settle(qtbot, tab)
    return tab


def add_system(db, url, name="SAP", direction="both", types=("order", "cam_run", "invoice"),
               token=TOKEN, **options) -> str:  # fmt: skip
    with db.session() as session:
        name = erp.add_system(
            session, OWNER, name, url, direction, list(types), events_path="cnc/events",
            **{**FAST, **options},
        ).name  # fmt: skip
        if token:
            erp.set_secret(session, OWNER, name, token)
    return name


def cam_event(db, n: int) -> int:
    payload = {"cam_run_id": n, "job_id": 100 + n, "program": f"op{n}.ngc",
               "estimated_time_s": 600 + n, "material_removal_cm3": 12.5,
               "finished_at": dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC)}  # fmt: skip
    with db.session() as session:
        return erp.record_event(session, "cam.finished", "cam_run", n, payload)


def invoice_event(db, n: int) -> int:
    payload = {"invoice_id": n, "invoice_number": f"CNC2026{n:09d}", "currency": "TRY",
               "subtotal": "1000.00", "tax_rate": "20.00", "tax_amount": "200.00",
               "total": "1200.00", "issued_at": dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC),
               "due_date": dt.date(2026, 12, 26)}  # fmt: skip
    with db.session() as session:
        return erp.record_event(session, "invoice.issued", "invoice", n, payload)


def seed_erp(db, endpoint, folder) -> dict[str, int]:
    """SAP on ``endpoint`` (its token from the environment or keyring, as the caller set
    it) with a queue in every state: delivered, refused (failed), retrying after a 500,
    pending and an imported order. Needs a license that includes ERP sync."""
    add_system(db, endpoint.url, token=None, backoff_base_s=600, backoff_max_s=3600)
    endpoint.script(Reply(200), Reply(422, {"error": "Fatura numarası tanınmıyor"}),
                    Reply(500, "Veritabanı kilitli"))  # fmt: skip
    cam_event(db, 1)
    invoice_event(db, 7)
    cam_event(db, 2)
    report = erp.deliver_pending(db)
    assert (report.synced, report.failed, report.retrying) == (1, 1, 1), report.line()
    cam_event(db, 3)
    orders = Path(folder) / "siparisler.csv"
    orders.write_text("\n".join(ORDERS_CSV.splitlines()[:2]) + "\n")  # the header and SO-1001
    assert len(erp_inbound.import_file(db, OWNER, "SAP", orders).created) == 1
    return {"synced": 1, "failed": 1, "retrying": 1, "pending": 1, "imported": 1}


def statuses(db) -> list[tuple[str, int]]:
    with db.session() as session:
        rows = erp.list_sync(session, direction="outbound")
        return [(r.status, r.retry_count) for r in sorted(rows, key=lambda r: r.id)]


def every_text(root) -> str:
    """All text a person or a screen reader could get out of ``root`` and its children."""
    found = []
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        found += [widget.windowTitle(), widget.toolTip(), widget.statusTip()]
        for getter in ("text", "placeholderText", "toPlainText", "title"):
            method = getattr(widget, getter, None)
            if callable(method):
                with contextlib.suppress(TypeError):  # needs arguments
                    found.append(str(method()))
        if isinstance(widget, QtWidgets.QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QtWidgets.QTableWidget):
            for row in range(widget.rowCount()):
                for col in range(widget.columnCount()):
                    item = widget.item(row, col)
                    if item is not None:
                        found += [item.text(), item.toolTip()]
    return "\n".join(found)


def wait_for_rows(qtbot, tab, count: int) -> None:
    try:
        qtbot.waitUntil(lambda: tab.queue_table.rowCount() == count, timeout=WAIT_MS)
    except Exception:  # say what is there instead
        raise AssertionError(f"{tab.queue_table.rowCount()} rows; {tab.banner.text()}") from None
    settle(qtbot, tab)


def inspected(qtbot, tab) -> PayloadDialog:
    qtbot.waitUntil(
        lambda: tab.inspector is not None and tab.inspector.isVisible(), timeout=WAIT_MS
    )
    return tab.inspector


def select(tab, sync_id: int) -> None:
    tab.queue_table.selectRow(column(tab.queue_table, 0).index(str(sync_id)))


# -------------------------------------------------------------------------- who sees it
def test_only_administrators_see_the_integrations_tab(db, shop_license, settings_as):
    make_user(db, "usta@atolye.example", "operator")
    make_user(db, ADMIN, "admin")
    assert tab_titles(settings_as("usta@atolye.example")) == ["Connection"]
    titles = tab_titles(settings_as(ADMIN))
    assert titles.index("Integrations") == titles.index("Invoices && payments") + 1


def test_without_the_erp_license_the_tab_names_the_plan(qtbot, db, settings_as):
    make_user(db, ADMIN, "admin")
    panel = settings_as(ADMIN)
    tab = panel.integrations
    panel.tabs.setCurrentWidget(tab)
    settle(qtbot, tab)
    assert tab.banner.kind == "warning"
    assert "needs a license in force" in tab.banner.text()
    assert "Enterprise plan includes it" in tab.banner.text()
    with db.session() as session:
        licenses.add_license(session, OWNER, 1, "professional", 5)
    tab.reload()
    qtbot.waitUntil(lambda: "Professional" in tab.banner.text(), timeout=WAIT_MS)
    settle(qtbot, tab)
    assert tab.banner.text().startswith(
        "ERP/MES synchronisation is not part of your Professional license: the Enterprise plan"
    )
    assert not tab.new_button.isEnabled() and not tab.send_button.isEnabled()
    assert not tab.queue_table.isEnabled()
    save_screenshot(panel.window(), "admin_integrations_locked")


# ----------------------------------------------------------------------------- systems
def test_an_admin_adds_a_system_and_its_secrets_are_never_shown(qtbot, db, integrations, endpoint):
    tab = integrations
    assert tab.table.rowCount() == 0 and tab.banner.kind is None
    assert not tab.import_button.isEnabled()
    tab.on_add()
    dialog = tab.dialog
    dialog.name.setText("sap")
    dialog.url.setText("ftp://erp.atolye.example")
    dialog.token.setText(TOKEN)
    dialog.signing.setText(SIGNING)
    dialog.submit()
    submitted(qtbot, dialog)
    assert dialog.isVisible() and "is not an http(s) address" in dialog.banner.text()
    qtbot.wait(100)  # let the dialog lay out its new text
    save_screenshot(dialog, "admin_integrations_system_dialog_error")
    settle(qtbot, tab)
    with db.session() as session:  # nothing saved, not even the secrets
        assert session.scalar(sa.select(sa.func.count()).select_from(ExternalSystem)) == 0
    assert SecretStore().get(erp.secret_name("SAP")) is None

    dialog.url.setText(endpoint.url)
    for box in dialog.entity_types.values():
        box.setChecked(False)
    dialog.submit()
    submitted(qtbot, dialog)
    assert "Choose at least one entity type" in dialog.banner.text()
    dialog.entity_types["cam_run"].setChecked(True)
    dialog.entity_types["order"].setChecked(True)
    dialog.spins["backoff_base_s"].setValue(600)
    dialog.spins["backoff_max_s"].setValue(60)
    dialog.submit()
    submitted(qtbot, dialog)
    assert "shorter than the first retry's (600 s)" in dialog.banner.text()
    dialog.spins["backoff_max_s"].setValue(3600)
    dialog.events_path.setText("cnc/events")
    dialog.submit()
    submitted(qtbot, dialog)
    assert not dialog.isVisible(), dialog.banner.text()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=WAIT_MS)
    settle(qtbot, tab)
    assert tab.banner.text() == "External system SAP added."
    assert [tab.table.item(0, c).text() for c in range(6)] == [
        "SAP",
        endpoint.url,
        "both",
        "order, cam_run",
        "yes",
        "yes (keyring)",
    ]
    creds = erp.credentials("SAP")
    assert (creds.token, creds.signing_secret) == (TOKEN, SIGNING)  # in the keyring
    window = tab.window()
    shown = every_text(window)
    assert "SAP" in shown and TOKEN not in shown and SIGNING not in shown
    assert "tok-" not in shown and "GIZLI" not in shown

    # editing keeps the secrets unless new ones are typed; the name stays
    tab.table.selectRow(0)
    tab.on_edit()
    edit = tab.dialog
    assert not edit.name.isEnabled() and edit.token.text() == ""
    assert edit.token.placeholderText() == "kept in the OS keyring; empty keeps it"
    assert edit.events_path.text() == "cnc/events"
    edit.active.setChecked(False)
    edit.submit()
    submitted(qtbot, edit)
    assert not edit.isVisible(), edit.banner.text()
    qtbot.waitUntil(lambda: tab.table.item(0, 4).text() == "no", timeout=WAIT_MS)
    assert erp.credentials("SAP").token == TOKEN
    assert not tab.import_button.isEnabled()  # inactive: no imports

    tab.table.selectRow(0)
    tab.on_edit()
    edit = tab.dialog
    edit.active.setChecked(True)
    edit.forget.setChecked(True)
    edit.submit()
    submitted(qtbot, edit)
    assert not edit.isVisible(), edit.banner.text()
    qtbot.waitUntil(lambda: tab.table.item(0, 5).text() == "no", timeout=WAIT_MS)
    assert erp.credentials("SAP").token is None
    assert "deliveries fail until one is set" in tab.table.item(0, 0).toolTip()


def test_a_system_with_undelivered_events_is_removed_after_asking(
    qtbot, db, integrations, endpoint, monkeypatch
):
    tab = integrations
    add_system(db, endpoint.url)
    cam_event(db, 1)
    tab.reload()
    wait_for_rows(qtbot, tab, 1)
    asked = []

    def answer(_parent, _title, text):
        asked.append(text)
        return QtWidgets.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer)
    tab.table.selectRow(0)
    tab.on_remove()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 0, timeout=WAIT_MS)
    assert "1 undelivered exchange(s) will be marked failed" in asked[0]
    settle(qtbot, tab)
    assert tab.banner.text() == "External system SAP removed."
    assert column(tab.queue_table, 4) == ["failed"]
    assert column(tab.queue_table, 8) == ["the external system was removed"]
    assert erp.credentials("SAP").token is None


# ------------------------------------------------------------------------------- queue
def test_queued_events_are_sent_now_and_inspected(qtbot, db, integrations, endpoint):
    tab = integrations
    add_system(db, endpoint.url)
    assert cam_event(db, 1) == 1 and cam_event(db, 2) == 1 and invoice_event(db, 7) == 1
    tab.reload()
    wait_for_rows(qtbot, tab, 3)
    assert column(tab.queue_table, 1) == ["invoice.issued", "cam.finished", "cam.finished"]
    assert column(tab.queue_table, 2) == ["invoice 7", "cam_run 2", "cam_run 1"]
    assert column(tab.queue_table, 4) == ["pending"] * 3
    assert "pending <b style='color: #3465a4'>3</b>" in tab.counts_label.text()
    assert tab.queue_table.item(0, 4).foreground().color().name() == "#3465a4"

    tab.on_send_now()
    qtbot.waitUntil(lambda: column(tab.queue_table, 4) == ["synced"] * 3, timeout=WAIT_MS)
    settle(qtbot, tab)
    assert tab.banner.kind == "success"
    assert tab.banner.text() == "3 sent: 3 delivered, 0 to retry, 0 failed."
    assert sorted(endpoint.keys().values()) == [1, 1, 1]
    assert column(tab.queue_table, 7) == ["200"] * 3
    assert tab.queue_table.item(0, 4).foreground().color().name() == "#4e9a06"
    assert endpoint.posts()[0].headers["authorization"] == f"Bearer {TOKEN}"

    tab.on_send_now()  # nothing left
    qtbot.waitUntil(lambda: tab.banner.text() == "Nothing was due.", timeout=WAIT_MS)

    tab.status_filter.setCurrentIndex(tab.status_filter.findData("pending"))
    wait_for_rows(qtbot, tab, 0)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("synced"))
    wait_for_rows(qtbot, tab, 3)

    tab.queue_table.selectRow(2)  # cam_run 1
    tab.on_inspect()
    inspected(qtbot, tab)
    dialog = tab.inspector
    assert isinstance(dialog, PayloadDialog)
    text = dialog.document.toPlainText()
    assert '"event": "cam.finished"' in text and '"estimated_time_s": 601' in text
    assert dialog.document.isReadOnly()
    headers = dict(line.split(": ", 1) for line in dialog.headers.toPlainText().splitlines())
    assert headers["Authorization"] == "Bearer <token, when one is set>"
    assert headers["X-CNC-Signature"].startswith("sha256=<")
    assert headers["X-CNC-Event"] == "cam.finished"
    assert headers["Idempotency-Key"] == core.idempotency_key("SAP", "cam_run", 1, "cam.finished")
    assert column(dialog.attempts, 2) == ["200"] and column(dialog.attempts, 4) == ["delivered"]
    assert TOKEN not in dialog.text()
    qtbot.wait(100)
    save_screenshot(dialog, "admin_integrations_payload")
    assert TOKEN not in every_text(tab.window())


def test_a_closed_port_shows_why_and_retry_sends_again(qtbot, db, integrations, endpoint):
    tab = integrations
    add_system(db, closed_port_url())
    add_system(db, endpoint.url, name="MES", types=["invoice"])
    cam_event(db, 1)
    invoice_event(db, 7)  # to SAP and to MES
    endpoint.script(Reply(422, {"error": "Fatura numarası tanınmıyor"}))
    tab.reload()
    wait_for_rows(qtbot, tab, 3)

    tab.on_send_now()
    qtbot.waitUntil(lambda: tab.banner.kind == "warning", timeout=WAIT_MS)
    settle(qtbot, tab)
    assert tab.banner.text().startswith("2 sent: 0 delivered, 1 to retry, 1 failed.")
    assert "SAP: cannot reach" in tab.banner.text()
    by_system = {
        (tab.queue_table.item(r, 3).text(), tab.queue_table.item(r, 1).text()): r
        for r in range(tab.queue_table.rowCount())
    }
    refused = by_system[("MES", "invoice.issued")]
    refused_id = int(tab.queue_table.item(refused, 0).text())
    assert tab.queue_table.item(refused, 4).text() == "failed"
    assert tab.queue_table.item(refused, 7).text() == "422"
    assert "MES refused the event: HTTP 422" in tab.queue_table.item(refused, 8).text()
    assert tab.queue_table.item(refused, 4).foreground().color().name() == "#a40000"
    down = [tab.queue_table.item(r, 4).text() for (s, _e), r in by_system.items() if s == "SAP"]
    assert sorted(down) == ["pending", "retry 1"]  # the second row was not burnt
    waiting = next(r for (s, _e), r in by_system.items()
                   if s == "SAP" and tab.queue_table.item(r, 4).text() == "retry 1")  # fmt: skip
    assert "refused" in tab.queue_table.item(waiting, 8).text().lower()
    assert tab.queue_table.item(waiting, 6).text()  # its next attempt
    assert tab.queue_table.item(waiting, 4).foreground().color().name() == "#ce5c00"
    assert tab.retry_all_button.isEnabled()
    tab.queue_table.selectRow(waiting)
    assert "Last error: cannot reach" in tab.detail.text()
    save_screenshot(tab.window(), "admin_integrations")

    # the ERP is back at its real address: fix it in the dialog, retry, send
    tab.table.selectRow(column(tab.table, 0).index("SAP"))
    tab.on_edit()
    edit = tab.dialog
    edit.url.setText(endpoint.url)
    edit.submit()
    submitted(qtbot, edit)
    assert not edit.isVisible(), edit.banner.text()
    settle(qtbot, tab)
    waiting_id = int(tab.queue_table.item(waiting, 0).text())
    select(tab, waiting_id)
    assert tab.retry_button.isEnabled()
    tab.on_retry()
    qtbot.waitUntil(lambda: "queued again" in tab.banner.text(), timeout=WAIT_MS)
    settle(qtbot, tab)
    select(tab, waiting_id)
    assert tab.current_exchange().status == "pending" and tab.current_exchange().retry_count == 0
    tab.on_send_now()
    qtbot.waitUntil(lambda: "delivered" in tab.banner.text(), timeout=WAIT_MS)
    settle(qtbot, tab)
    assert tab.banner.text() == "2 sent: 2 delivered, 0 to retry, 0 failed."
    assert sorted(column(tab.queue_table, 4)) == ["failed", "synced", "synced"]

    tab.on_retry_failed()
    qtbot.waitUntil(
        lambda: tab.banner.text() == "1 failed exchange(s) queued again.", timeout=WAIT_MS
    )
    settle(qtbot, tab)
    assert not tab.retry_all_button.isEnabled()
    tab.on_send_now()
    qtbot.waitUntil(lambda: column(tab.queue_table, 4) == ["synced"] * 3, timeout=WAIT_MS)
    assert [s for s, _n in statuses(db)] == ["synced"] * 3

    select(tab, refused_id)
    tab.on_inspect()
    inspected(qtbot, tab)
    attempts = column(tab.inspector.attempts, 4)
    assert attempts[0].startswith("MES refused the event: HTTP 422")
    assert attempts[1].startswith("retry requested by sef@atolye.example")
    assert attempts[2] == "delivered"


# ----------------------------------------------------------------------------- imports
def test_an_order_file_becomes_projects_and_a_bad_one_names_its_line(
    qtbot, db, integrations, tmp_path, monkeypatch
):
    tab = integrations
    add_system(db, "https://erp.atolye.example/api", name="LOGO", direction="inbound",
               types=["order"], token=None)  # fmt: skip
    tab.reload()
    settle(qtbot, tab)
    assert tab.import_button.isEnabled()
    good = tmp_path / "siparisler.csv"
    good.write_text(ORDERS_CSV, encoding="utf-8")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    tab.on_import()
    dialog = tab.dialog
    assert dialog.system.currentText() == "LOGO"
    dialog.submit()
    submitted(qtbot, dialog)
    assert "Choose the order file" in dialog.banner.text()
    dialog.browse()
    assert dialog.path.text() == str(good)
    dialog.submit()
    submitted(qtbot, dialog)
    assert not dialog.isVisible(), dialog.banner.text()
    qtbot.waitUntil(lambda: tab.queue_table.rowCount() == 2, timeout=WAIT_MS)
    settle(qtbot, tab)
    assert tab.banner.text() == (
        "siparisler.csv → LOGO: 2 project(s) created, 0 updated, 0 unchanged."
    )
    with db.session() as session:
        names = session.scalars(sa.select(Project.name).order_by(Project.id)).all()
    assert names == ["SO-1001 Anadolu Makina A.Ş.", "Kalıp gövdesi"]
    assert column(tab.queue_table, 1) == ["order import"] * 2
    assert column(tab.queue_table, 4) == ["synced"] * 2
    assert column(tab.queue_table, 2)[0].startswith("order SO-100")
    assert not tab.retry_button.isEnabled()

    bad = tmp_path / "bozuk.csv"
    bad.write_text(ORDERS_CSV + "SO-1003;Marmara Döküm;;2026-12-20;iki;MD-1;GG25\n")
    tab.on_import()
    dialog = tab.dialog
    dialog.path.setText(str(bad))
    dialog.submit()
    submitted(qtbot, dialog)
    assert dialog.isVisible()
    assert "bozuk.csv line 4: quantity 'iki' is not a whole number" in dialog.banner.text()
    assert dialog.banner.text().startswith("Nothing was imported.")
    qtbot.waitUntil(lambda: tab.queue_table.rowCount() == 3, timeout=WAIT_MS)
    settle(qtbot, tab)
    assert tab.queue_table.item(0, 2).text() == "bozuk.csv"
    assert tab.queue_table.item(0, 4).text() == "failed"
    assert "line 4" in tab.queue_table.item(0, 8).text()
    qtbot.wait(100)
    save_screenshot(dialog, "admin_integrations_import_error")
    dialog.reject()
    with db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Project)) == 2
    select(tab, int(tab.queue_table.item(0, 0).text()))
    tab.on_inspect()
    inspected(qtbot, tab)
    assert '"source": "bozuk.csv"' in tab.inspector.document.toPlainText()
    assert "imported, not sent" in tab.inspector.headers.toPlainText()
