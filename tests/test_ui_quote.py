"""The CAM Setup panel's Cost tab on a saved setup with a CAM run (real database): the
price follows the machine and material picked; the PDF; the invoice draft."""

from __future__ import annotations

import subprocess
from decimal import Decimal as D

import sqlalchemy as sa

from cncworkbench.db.models import CamRun, Invoice
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.jobs import jobs
from cncworkbench.ui.tasks import wait_for_tasks
from tests import test_ui_cam_setup
from tests.support.screens import save_screenshot
from tests.test_ui_cam_setup import WAIT_MS, build_setup

panel = test_ui_cam_setup.panel  # the same fixture: a signed-in engineer, the sample uploaded

TOOL = "10 mm 3F carbide flat end mill ZrN (aluminium, high helix)"


def with_a_cam_run(qtbot, panel, db) -> int:
    """The setup saved and a finished CAM run of it: 600 s a part, the 10 mm end mill
    480 s of it, three quarters of the motion cutting (as tests/test_quotes.py)."""
    build_setup(qtbot, panel)
    panel.save()
    qtbot.waitUntil(lambda: panel.setup_id is not None, timeout=WAIT_MS)
    with db.session() as session:
        tool_id = session.execute(sa.text("SELECT id FROM tools WHERE name = :n"),
                                  {"n": TOOL}).scalar_one()  # fmt: skip
        model_id = session.execute(sa.text("SELECT model_id FROM setups")).scalar_one()
        job = jobs.submit_job(session, Actor.system(), "cam_process", {"setup_id": 1})
        run = CamRun(
            job_id=job, model_id=model_id, setup_id=panel.setup_id, strategy="pocket",
            status="completed", estimated_time_seconds=600,
            tool_paths={"cutting_s": 450.0, "rapid_s": 150.0,
                        "operations": [{"tool_number": 1, "time_s": 480.0}]},
            cutting_params={"tools": [{"number": 1, "name": TOOL, "tool_id": tool_id}]},
        )  # fmt: skip
        session.add(run)
        session.flush()
        return run.id


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def shown(qtbot, panel) -> str:
    qtbot.wait(400)  # debounced
    wait_for_tasks()
    qtbot.wait(50)
    return panel.cost.totals.text()


def test_the_cost_tab_prices_the_setup_and_follows_the_machine(qtbot, panel, db, tmp_path):
    run_id = with_a_cam_run(qtbot, panel, db)
    panel.tabs.setCurrentWidget(panel.cost)
    # 10 plates on the Tormach: 3.298,01 TL, 329,80 a part (worked in tests/test_quotes.py)
    qtbot.waitUntil(lambda: "329.80" in shown(qtbot, panel), timeout=WAIT_MS)
    assert f"CAM run #{run_id}" in panel.cost.source.text()
    assert "3,298.01 TRY" in panel.cost.totals.text()
    save_screenshot(panel, "cam_setup_cost")
    # the Haas VF-2 costs 1800 TRY/h: 5.031,34 for the batch
    panel.select_machine("Haas VF-2")
    qtbot.waitUntil(lambda: "5,031.34" in shown(qtbot, panel), timeout=WAIT_MS)
    panel.cost.quantity.setValue(1)  # one part carries the whole setup
    qtbot.waitUntil(lambda: "batch of 1" in shown(qtbot, panel), timeout=WAIT_MS)
    panel.cost.currency.setCurrentText("EUR")
    qtbot.waitUntil(lambda: "exchange rate" in panel.cost.source.text(), timeout=WAIT_MS)
    panel.cost.rate.setText("37,50")
    qtbot.waitUntil(lambda: "EUR" in shown(qtbot, panel), timeout=WAIT_MS)
    # the PDF in the language spoken here (English in the tests), or the one picked
    assert panel.cost.pdf_language.currentData() == "en"
    pdf = tmp_path / "quote.pdf"
    panel.cost.save_pdf(pdf)
    qtbot.waitUntil(lambda: pdf.exists(), timeout=WAIT_MS)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert "Cost quote" in pdf_text(pdf) and "EUR (1 EUR = 37.50 TRY)" in pdf_text(pdf)
    panel.cost.pdf_language.setCurrentIndex(panel.cost.pdf_language.findData("tr"))
    pdf = tmp_path / "teklif.pdf"
    panel.cost.save_pdf(pdf)
    qtbot.waitUntil(lambda: pdf.exists(), timeout=WAIT_MS)
    assert "Maliyet teklifi" in pdf_text(pdf) and "EUR (1 EUR = 37,50 TL)" in pdf_text(pdf)
    # an engineer may not invoice: no buyer picker, no button
    assert not panel.cost.invoice_button.isVisible()
    with db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Invoice)) == 0


def test_an_administrator_turns_the_quote_into_an_invoice_draft(qtbot, panel, db):
    from cncworkbench.services.access import identity
    from tests.support.people import PASSWORD, make_user

    with_a_cam_run(qtbot, panel, db)
    make_user(db, "patron@atolye.example", "admin")
    make_user(
        db, "satinalma@musteri.example", "viewer", company_name="Müşteri A.Ş.",
        tax_no="6183052747", address="OSB 3. Cad. No: 7, Nilüfer / Bursa",
    )  # fmt: skip
    workspace = panel.workspace
    workspace.set_user(identity.sign_in(workspace.context, "patron@atolye.example", PASSWORD))
    qtbot.waitUntil(lambda: panel.machines.rowCount() > 0, timeout=WAIT_MS)
    panel.select_machine("Tormach 1100MX")
    panel.select_material("Aluminium 6061-T6")
    panel.tabs.setCurrentWidget(panel.cost)
    qtbot.waitUntil(lambda: "329.80" in shown(qtbot, panel), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.cost.invoice_button.isEnabled(), timeout=WAIT_MS)
    assert panel.cost.buyer.currentText() == "Müşteri A.Ş."
    panel.cost.draft_invoice()
    qtbot.waitUntil(lambda: "Invoice draft #" in panel.banner.text(), timeout=WAIT_MS)
    with db.session() as session:
        invoice = session.scalar(sa.select(Invoice))
        assert invoice.status == "draft" and invoice.subtotal == D("3298.01")
