"""The Licenses and Invoices & payments tabs of the settings panel, driven like an admin
would (PySide6 offscreen, real database, dialogs filled and submitted)."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.core import money
from cncworkbench.db.models import Invoice
from cncworkbench.services.access import identity, licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce import billing
from cncworkbench.ui.panels.billing import pydate, qdate
from cncworkbench.ui.qt import QtWidgets
from tests.support.people import PASSWORD, make_user
from tests.support.screens import save_screenshot
from tests.support.settings_ui import tab_titles

WAIT_MS = 30000
ADMIN_TABS = ["Users && roles", "Licenses", "Invoices && payments", "Integrations",
              "Security events", "Audit", "Connection"]  # fmt: skip
COMPANY = {
    "company_name": "Öztürk Kalıp Sanayi Ltd. Şti.",
    "tax_no": "1234567890",
    "address": "Organize Sanayi Bölgesi 3. Cadde No: 12, Nilüfer / Bursa",
}


def column(table, number) -> list[str]:
    return [table.item(row, number).text() for row in range(table.rowCount())]


def settle(qtbot, tab) -> None:
    """Wait until the tab's work is done (the panel's busy bar stops)."""
    qtbot.waitUntil(lambda: not tab.window().panels["settings"].busy.isVisible(), timeout=WAIT_MS)


def submitted(qtbot, dialog) -> None:
    qtbot.waitUntil(
        lambda: not dialog.isVisible() or dialog.banner.kind == "error", timeout=WAIT_MS
    )


def seed_billing(db, holder_email: str, buyer_email: str) -> dict[str, int]:
    """A professional license of 5 seats held by ``holder_email``, and invoices to
    ``buyer_email`` in every state: draft, sent, overdue, paid (a USD one) and cancelled."""
    owner = Actor.system()
    with db.session() as session:
        ids = dict(session.execute(sa.text("SELECT email, id FROM users")).all())
        license_id = licenses.add_license(
            session, owner, ids[holder_email], "professional", 5,
            billing.today() - dt.timedelta(days=40), billing.today() + dt.timedelta(days=325),
        ).id  # fmt: skip
    made: dict[str, int] = {"license": license_id}
    plans = {
        "draft": ("Kurulum ve eğitim (2 gün)", "2", "7500"),
        "sent": ("CAM eklentisi, yıllık bakım", "1", "12500,50"),
        "overdue": ("Ek kullanıcı lisansı", "3", "4250"),
        "paid": ("Post-processor uyarlaması", "1", "1200"),
        "cancelled": ("Yerinde destek", "1", "3000"),
    }
    for state, (description, quantity, price) in plans.items():
        currency = "USD" if state == "paid" else "TRY"
        with db.session() as session:
            invoice = billing.create_invoice(
                session, owner, ids[buyer_email],
                [money.LineInput(description, quantity, price)], currency,
            )  # fmt: skip
            made[state] = invoice.id
        if state == "draft":
            continue
        with db.session() as session:  # issued in a transaction of its own
            billing.issue_invoice(session, owner, made[state])
        with db.session() as session:
            if state == "overdue":
                session.execute(
                    sa.text("UPDATE invoices SET due_date = current_date - 9 WHERE id = :id"),
                    {"id": made[state]},
                )
            elif state == "paid":
                total = session.get(Invoice, made[state]).total
                billing.record_payment(
                    session, owner, made[state], "iyzico", f"iyz-{made[state]}", "card", total
                )
            elif state == "cancelled":
                billing.cancel_invoice(session, owner, made[state], "Müşteri vazgeçti")
    return made


# -------------------------------------------------------------------------------- tabs
def test_only_administrators_see_the_billing_tabs(db, settings_as):
    make_user(db, "usta@atolye.example", "operator")
    make_user(db, "sef@atolye.example", "admin")
    assert tab_titles(settings_as("usta@atolye.example")) == ["Connection"]
    panel = settings_as("sef@atolye.example")
    assert tab_titles(panel) == ADMIN_TABS
    assert panel.tabs.currentWidget() is panel.users


def test_open_security_events_come_first_and_are_resolved_with_a_note(
    qtbot, db, settings_as, monkeypatch
):
    make_user(db, "sef@atolye.example", "admin")
    make_user(db, "usta@atolye.example", "operator")
    with db.engine.connect() as conn:  # two failed logins, through the real function
        for _ in range(2):
            conn.exec_driver_sql("SELECT cnc_login('usta@atolye.example', 'yanlis-sifre-1')")
        conn.commit()
        conn.exec_driver_sql(
            "UPDATE security_events SET resolved = true, notes = 'eski' "
            "WHERE id = (SELECT min(id) FROM security_events)"
        )
        conn.commit()
    panel = settings_as("sef@atolye.example")
    tab = panel.security
    panel.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=WAIT_MS)
    assert column(tab.table, 6) == ["open", "eski"]
    tab.table.selectRow(1)
    tab.on_resolve()  # resolved already: nothing asked
    assert tab.banner.kind == "warning"
    monkeypatch.setattr(QtWidgets.QInputDialog, "getMultiLineText", lambda *a, **k: ("  ", True))
    tab.table.selectRow(0)
    tab.on_resolve()
    qtbot.waitUntil(lambda: tab.banner.kind == "error", timeout=WAIT_MS)
    assert "Write a note" in tab.banner.text()
    monkeypatch.setattr(
        QtWidgets.QInputDialog, "getMultiLineText", lambda *a, **k: ("Usta aradı, sorun yok", True)
    )
    tab.table.selectRow(0)
    tab.on_resolve()
    qtbot.waitUntil(lambda: "open" not in column(tab.table, 6), timeout=WAIT_MS)
    assert sorted(column(tab.table, 6)) == ["Usta aradı, sorun yok", "eski"]


# ---------------------------------------------------------------------------- licenses
def test_an_admin_adds_renews_suspends_and_converts_licenses(qtbot, db, settings_as):
    make_user(db, "sef@atolye.example", "admin")
    panel = settings_as("sef@atolye.example")
    tab = panel.licenses
    panel.tabs.setCurrentWidget(tab)
    settle(qtbot, tab)
    assert tab.table.rowCount() == 0
    assert "No license in force" in tab.chart.caption()

    tab.on_new()
    dialog = tab.dialog
    assert dialog.isVisible() and dialog.holder.currentText() == "sef@atolye.example"
    dialog.plan.setCurrentIndex(dialog.plan.findData("trial"))
    assert pydate(dialog.ends) == billing.today() + dt.timedelta(days=30)  # the plan's term
    dialog.ends.setDate(qdate(billing.today() - dt.timedelta(days=1)))
    dialog.submit()
    submitted(qtbot, dialog)
    assert dialog.isVisible() and "would end" in dialog.banner.text()
    qtbot.wait(100)  # let the dialog lay out its new text
    save_screenshot(dialog, "admin_license_dialog_error")
    settle(qtbot, tab)
    assert tab.table.rowCount() == 0  # nothing saved
    assert dialog.seats.value() == 2  # a trial has at most 2
    dialog.ends.setDate(qdate(billing.today() + dt.timedelta(days=30)))
    dialog.submit()
    submitted(qtbot, dialog)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=WAIT_MS)
    assert tab.banner.kind == "success" and "License #1 (Trial, 2 seats) added" in tab.banner.text()
    assert tab.table.item(0, 1).text() == "Trial"
    assert tab.table.item(0, 2).text().startswith("in force")
    assert tab.table.item(0, 4).text() == "1"  # the admin's own login
    assert tab.table.item(0, 5).text() == f"{billing.today():%Y-%m-%d} 00:00"  # Istanbul

    tab.on_new()  # another license for the same days
    overlapping = tab.dialog
    overlapping.submit()
    submitted(qtbot, overlapping)
    assert "License #1 (Trial) is active" in overlapping.banner.text()
    assert "overlaps" in overlapping.banner.text()
    overlapping.reject()
    settle(qtbot, tab)
    assert tab.table.rowCount() == 1

    tab.table.selectRow(0)
    assert tab.convert_button.isEnabled() and tab.status_button.text() == "Suspend"
    tab.on_convert()
    convert = tab.dialog
    convert.plan.setCurrentIndex(convert.plan.findData("professional"))
    convert.seats.setValue(8)
    convert.submit()
    submitted(qtbot, convert)
    assert not convert.isVisible(), convert.banner.text()
    qtbot.waitUntil(lambda: tab.table.item(0, 1).text() == "Professional", timeout=WAIT_MS)
    assert tab.table.item(0, 3).text() == "8" and tab.table.rowCount() == 1

    tab.table.selectRow(0)
    ends = tab.rows[0].ends_at
    tab.on_renew()
    renew = tab.dialog
    renew.until.setDate(qdate(billing.today()))  # earlier than now: refused
    renew.submit()
    submitted(qtbot, renew)
    assert "a renewal ends later" in renew.banner.text()
    renew.until.setDate(qdate(billing.today() + dt.timedelta(days=730)))
    renew.submit()
    submitted(qtbot, renew)
    assert not renew.isVisible()
    qtbot.waitUntil(lambda: tab.rows and tab.rows[0].ends_at > ends, timeout=WAIT_MS)

    tab.table.selectRow(0)
    tab.on_toggle_status()
    qtbot.waitUntil(lambda: tab.table.item(0, 2).text() == "suspended", timeout=WAIT_MS)
    tab.table.selectRow(0)
    assert tab.status_button.text() == "Reactivate"
    tab.on_toggle_status()
    qtbot.waitUntil(lambda: tab.table.item(0, 2).text().startswith("in force"), timeout=WAIT_MS)


def test_the_seat_chart_names_who_is_logged_in_and_ends_a_session(
    qtbot, db, settings_as, monkeypatch
):
    make_user(db, "sef@atolye.example", "admin")
    for email in ("usta@atolye.example", "muhendis@atolye.example"):
        make_user(db, email, "engineer")
    with db.session() as session:
        licenses.add_license(session, Actor.system(), 1, "professional", 5)
    panel = settings_as("sef@atolye.example")
    context = panel.workspace.context
    others = [identity.sign_in(context, e, PASSWORD)
              for e in ("usta@atolye.example", "muhendis@atolye.example")]  # fmt: skip
    tab = panel.licenses
    panel.tabs.setCurrentWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: tab.holders.rowCount() == 3, timeout=WAIT_MS)
    assert column(tab.holders, 0) == [
        "sef@atolye.example",
        "usta@atolye.example",
        "muhendis@atolye.example",
    ]
    assert tab.chart.caption() == "Professional license #1: 3 of 5 seats in use, 2 free"
    assert tab.table.item(0, 4).text() == "3"
    since = column(tab.holders, 1)[1]
    assert dt.datetime.strptime(since, "%Y-%m-%d %H:%M")  # in the admin's zone
    path = save_screenshot(panel.window(), "admin_licenses")
    assert path.exists()

    tab.holders.selectRow(0)  # the admin's own, only session
    tab.on_end_session()
    assert tab.banner.kind == "warning" and "your own session" in tab.banner.text()
    monkeypatch.setattr(
        QtWidgets.QMessageBox, "question", lambda *a, **k: QtWidgets.QMessageBox.StandardButton.Yes
    )
    tab.holders.selectRow(1)
    tab.on_end_session()
    qtbot.waitUntil(lambda: tab.holders.rowCount() == 2, timeout=WAIT_MS)
    assert tab.banner.text() == "usta@atolye.example was logged out."
    assert tab.chart.caption().endswith("2 of 5 seats in use, 3 free")
    for user in others:
        user.close()


# ---------------------------------------------------------------------------- invoices
def test_an_invoice_is_created_issued_paid_and_never_over_refunded(
    qtbot, db, settings_as, monkeypatch
):
    make_user(db, "sef@atolye.example", "admin")
    make_user(db, "alici@musteri.example", "viewer", **COMPANY)
    make_user(db, "eksik@musteri.example", "viewer")
    panel = settings_as("sef@atolye.example")
    tab = panel.invoices
    panel.tabs.setCurrentWidget(tab)
    settle(qtbot, tab)
    assert tab.table.rowCount() == 0

    tab.on_new()
    dialog = tab.dialog
    assert dialog.kdv.currentData() == "20" and dialog.total.text() == "—"
    dialog.buyer.setCurrentIndex(dialog.buyer.findData(3))  # no company, tax no, address
    dialog.lines.set_line(0, "CNC Workbench Professional, 5 kullanıcı", "5", "1.250,50")
    dialog.lines.add_line("Kurulum", "1", "750")
    assert dialog.lines.item(0, 3).text() == "6,252.50"
    assert dialog.subtotal.text() == "7,002.50 TRY"
    assert dialog.tax.text() == "1,400.50 TRY"
    assert dialog.total.text() == "8,403.00 TRY"
    dialog.lines.item(1, 2).setText("yedi yüz")
    assert dialog.total.text() == "—" and "not a number" in dialog.problem.text()
    dialog.lines.item(1, 2).setText("750")
    qtbot.wait(100)  # let the dialog lay out its new text
    save_screenshot(dialog, "admin_invoice_dialog")
    dialog.submit()
    submitted(qtbot, dialog)
    assert "has no company name" in dialog.banner.text()
    dialog.buyer.setCurrentIndex(dialog.buyer.findData(2))
    dialog.submit()
    submitted(qtbot, dialog)
    assert not dialog.isVisible(), dialog.banner.text()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=WAIT_MS)
    assert tab.table.item(0, 0).text() == "draft #1"
    assert tab.table.item(0, 1).text() == COMPANY["company_name"]
    assert "alici@musteri.example" in tab.table.item(0, 1).toolTip()
    assert tab.table.item(0, 4).text() == "8,403.00 TRY"
    assert tab.table.item(0, 5).text() == "draft"

    tab.table.selectRow(0)
    assert tab.issue_button.isEnabled() and not tab.pay_button.isEnabled()
    tab.on_issue()
    year = billing.today().year
    qtbot.waitUntil(lambda: tab.table.item(0, 0).text() == f"CNC{year}000000001", timeout=WAIT_MS)
    assert tab.table.item(0, 5).text() == "sent"
    assert tab.table.item(0, 2).text() == f"{billing.today():%Y-%m-%d}"

    tab.table.selectRow(0)
    tab.on_record_payment()
    pay = tab.dialog
    assert pay.amount.text() == "8,403.00" and pay.provider.currentText() == "bank"
    pay.reference.setText("TR-EFT-2026-0001")
    pay.amount.setText("9000")
    pay.submit()
    submitted(qtbot, pay)
    assert "more than the 8,403.00 TRY still owed" in pay.banner.text()
    pay.amount.setText("8.403,00")
    pay.submit()
    submitted(qtbot, pay)
    assert not pay.isVisible(), pay.banner.text()
    qtbot.waitUntil(lambda: tab.table.item(0, 5).text() == "paid", timeout=WAIT_MS)
    assert tab.table.item(0, 6).text() == "8,403.00 TRY"
    assert tab.table.item(0, 7).text() == "0.00 TRY"
    save_screenshot(panel.window(), "admin_invoices_paid")

    tab.table.selectRow(0)
    tab.on_refund()
    qtbot.waitUntil(lambda: tab.dialog is not pay, timeout=WAIT_MS)
    refund = tab.dialog
    assert refund.amount.text() == "8,403.00"
    refund.amount.setText("9.000,00")
    refund.reason.setText("Fazla iade denemesi")
    refund.submit()
    submitted(qtbot, refund)
    assert refund.isVisible()
    assert "more than the 8,403.00 TRY left of payment #1" in refund.banner.text()
    qtbot.wait(100)  # let the dialog lay out its new text
    save_screenshot(refund, "admin_refund_error")
    with db.engine.connect() as conn:  # nothing changed
        assert conn.exec_driver_sql(
            "SELECT p.refund_amount, p.status, i.status FROM payments p "
            "JOIN invoices i ON i.id = p.invoice_id"
        ).one() == (Decimal("0.00"), "completed", "paid")
    refund.reject()
    settle(qtbot, tab)
    assert tab.table.item(0, 5).text() == "paid"

    tab.table.selectRow(0)
    tab.on_refund()
    qtbot.waitUntil(lambda: tab.dialog is not refund, timeout=WAIT_MS)
    partial = tab.dialog
    partial.amount.setText("403")
    partial.reason.setText("Kurulum indirimi")
    partial.submit()
    submitted(qtbot, partial)
    assert not partial.isVisible(), partial.banner.text()
    qtbot.waitUntil(lambda: tab.table.item(0, 5).text() == "sent", timeout=WAIT_MS)
    assert tab.table.item(0, 7).text() == "403.00 TRY"


def test_invoices_filter_open_as_pdf_and_cancel(qtbot, db, settings_as, tmp_path, monkeypatch):
    make_user(db, "sef@atolye.example", "admin")
    make_user(db, "alici@musteri.example", "viewer", **COMPANY)
    made = seed_billing(db, "sef@atolye.example", "alici@musteri.example")
    panel = settings_as("sef@atolye.example")
    tab = panel.invoices
    panel.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 5, timeout=WAIT_MS)
    assert column(tab.table, 5) == ["cancelled", "paid", "overdue", "sent", "draft"]
    assert tab.table.item(1, 4).text() == "1,440.00 USD"
    assert tab.table.item(0, 7).text() == "–"
    save_screenshot(panel.window(), "admin_invoices")
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("overdue"))
    assert tab.table.rowCount() == 1 and tab.table.item(0, 5).text() == "overdue"
    tab.status_filter.setCurrentIndex(0)
    tab.currency_filter.setCurrentIndex(tab.currency_filter.findData("USD"))
    assert column(tab.table, 5) == ["paid"]
    tab.currency_filter.setCurrentIndex(0)
    tab.search.setText("draft #")
    assert column(tab.table, 0) == [f"draft #{made['draft']}"]
    tab.search.setText("öztürk")
    assert tab.table.rowCount() == 5
    tab.search.setText("ALICI@")
    assert tab.table.rowCount() == 5
    tab.search.setText("000000002")  # the overdue one was issued second
    assert column(tab.table, 5) == ["overdue"]
    tab.search.clear()

    tab.table.selectRow(4)  # the draft: no PDF
    assert not tab.pdf_button.isEnabled()
    opened = []
    tab.open_file = lambda path: opened.append(path) or True
    tab.table.selectRow(3)  # sent
    tab.on_open_pdf()
    qtbot.waitUntil(lambda: tab.banner.kind in ("success", "error", "warning"), timeout=WAIT_MS)
    if "not available" in tab.banner.text():
        pytest.skip("cncworkbench.services.commerce.invoice_pdf is not there yet")
    settle(qtbot, tab)
    assert tab.banner.kind == "success", tab.banner.text()
    (path,) = opened
    assert Path(path).is_file() and Path(path).read_bytes().startswith(b"%PDF-")
    assert tab.rows[3].has_pdf

    def pdf_key():
        with db.engine.connect() as conn:
            return conn.exec_driver_sql(
                f"SELECT pdf_s3_key FROM invoices WHERE id = {made['sent']}"
            ).scalar()

    drawn = pdf_key()
    # an English copy for a foreign buyer: drawn now, named apart, never stored
    assert tab.pdf_language.currentData() == "tr"  # the invoice is a Turkish document
    tab.pdf_language.setCurrentIndex(tab.pdf_language.findData("en"))
    tab.table.selectRow(3)
    save_screenshot(tab, "admin_invoices_pdf_language")
    tab.on_open_pdf()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=WAIT_MS)
    settle(qtbot, tab)
    assert tab.banner.kind == "success", tab.banner.text()
    copy = Path(opened[1])
    assert copy.name.endswith("-en.pdf") and copy.parent == Path(path).parent
    text = subprocess.run(["pdftotext", str(copy), "-"], capture_output=True, text=True).stdout
    assert "INVOICE" in text and "English translation of Turkish invoice" in text
    assert pdf_key() == drawn
    tab.pdf_language.setCurrentIndex(tab.pdf_language.findData("tr"))
    tab.table.selectRow(3)
    tab.on_cancel()
    cancel = tab.dialog
    cancel.submit()  # no reason
    submitted(qtbot, cancel)
    assert "reason for cancelling is required" in cancel.banner.text()
    cancel.reason.setText("Yanlış tutar")
    cancel.submit()
    submitted(qtbot, cancel)
    assert not cancel.isVisible(), cancel.banner.text()
    qtbot.waitUntil(lambda: column(tab.table, 5).count("cancelled") == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: pdf_key() != drawn, timeout=WAIT_MS)  # redrawn with its stamp
    settle(qtbot, tab)
    assert tab.banner.kind == "success", tab.banner.text()
