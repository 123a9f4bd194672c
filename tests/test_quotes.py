"""Quotes from the catalog's rates and a CAM run's times, on the real database; the CLI;
turning a quote into an invoice draft. Figures worked by hand beside each assertion."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from cncworkbench.cli import main
from cncworkbench.core.cam_plan import stock_around
from cncworkbench.db.models import CamRun, Invoice, Machine, Material, Setup, Tool
from cncworkbench.services.access import identity
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.jobs import jobs
from cncworkbench.services.machining import cam, catalog, quotes
from cncworkbench.services.pdm import models
from cncworkbench.storage.local import LocalStore
from tests.support.cam import SAMPLES
from tests.support.people import PASSWORD, make_user

TOOL = "10 mm 3F carbide flat end mill ZrN (aluminium, high helix)"  # 360 min, 1850 TRY


@pytest.fixture
def cam_run(db, app_context, tmp_path, shop_license) -> int:
    """A finished CAM run of the sample plate on the Tormach (1000 TRY/h) in 6061
    (2,7 g/cm³, 320 TRY/kg): 600 s a part, of which the 10 mm end mill runs 480 s with
    three quarters of the program's motion time cutting."""
    with db.session() as session:
        catalog.seed(session)
    make_user(db, "cam@atolye.example", "engineer")
    engineer = identity.sign_in(app_context, "cam@atolye.example", PASSWORD)
    stl = SAMPLES / "flans_plakasi.stl"
    model_id = models.upload_model(
        engineer.db, LocalStore(tmp_path / "o"), engineer.actor, stl, "Teklifler"
    ).model_id
    with engineer.db.session() as session:
        machine = catalog.find(session, Machine, "Tormach 1100MX")
        material = catalog.find(session, Material, "Aluminium 6061-T6")
        tool = catalog.find(session, Tool, TOOL)
        setup = cam.save_setup(
            session, engineer.actor,
            cam.SetupInput(
                model_id, machine.id, material.id, "ilk bağlama",
                stock_around([0, 0, 0], [80, 50, 20]), [cam.OperationRequest("pocket", tool.id)],
            ),
        )  # fmt: skip
        job_id = jobs.submit_job(session, engineer.actor, "cam_process", {"setup_id": setup.id})
        setup_id, tool_id = setup.id, tool.id
    engineer.close()
    with db.session() as session:
        run = CamRun(
            job_id=job_id, model_id=model_id, setup_id=setup_id, strategy="pocket",
            status="completed", estimated_time_seconds=600,
            tool_paths={"cutting_s": 450.0, "rapid_s": 150.0,
                        "operations": [{"name": "Pocket", "kind": "pocket", "tool_number": 1,
                                        "time_s": 480.0}]},
            cutting_params={"machine": "Tormach 1100MX", "material": "Aluminium 6061-T6",
                            "tools": [{"number": 1, "name": TOOL, "tool_id": tool_id}]},
        )  # fmt: skip
        session.add(run)
        session.flush()
        return run.id


def quote(db, run_id, quantity=10, **kwargs):
    with db.session() as session:
        return quotes.quote_cam_run(session, Actor.system(), run_id, quantity, **kwargs)


def test_ten_plates_on_the_tormach_to_the_kurus(db, cam_run):
    result = quote(db, cam_run)
    assert {line.key: line.amount for line in result.quote.lines} == {
        "machine": D("1666.67"),  # 10 × 600 s = 1,6667 h × 1000
        "setup": D("500.00"),  # 30 min × 1000 / 60
        "material": D("823.01"),  # 84×54×21 = 95,256 cm³ × 2,7 = 0,2571912 kg × 10 × 320
        "tool:1": D("308.33"),  # 480 s × 0,75 = 6 min × 10 = 60 / 360 × 1850
    }
    assert result.quote.batch_total == D("3298.01")
    assert result.quote.per_part == D("329.80")


def test_changing_the_machine_in_the_setup_changes_the_quote(db, cam_run):
    with db.session() as session:
        haas = catalog.find(session, Machine, "Haas VF-2")  # 1800 TRY/h
        setup = session.get(Setup, session.get(CamRun, cam_run).setup_id)
        setup.machine_id = haas.id
    result = quote(db, cam_run)
    amounts = {line.key: line.amount for line in result.quote.lines}
    assert amounts["machine"] == D("3000.00") and amounts["setup"] == D("900.00")
    assert result.quote.batch_total == D("5031.34")  # 3000 + 900 + 823,01 + 308,33


def test_a_program_posted_for_another_machine_is_priced_on_that_machine(db, cam_run):
    # gcode_post records the machine a program was posted again for (#21: a re-posted
    # run was priced at the setup's machine's rate)
    with db.session() as session:
        haas = catalog.find(session, Machine, "Haas VF-2")  # 1800 TRY/h
        run = session.get(CamRun, cam_run)
        run.cutting_params = {**run.cutting_params, "machine_id": haas.id}
    amounts = {line.key: line.amount for line in quote(db, cam_run).quote.lines}
    assert amounts["machine"] == D("3000.00") and amounts["setup"] == D("900.00")


def test_a_material_without_a_price_is_named_not_counted_as_free(db, cam_run):
    with db.session() as session:
        session.execute(sa.update(Material).values(cost_per_kg=None))
    result = quote(db, cam_run)
    assert result.quote.missing == ("material 'Aluminium 6061-T6' has no cost per kg",)
    assert result.quote.batch_total is None


def test_the_command_line_prints_json_and_drafts_an_invoice(db, cam_run, owner_context):
    buyer = make_user(
        db, "satinalma@musteri.example", "viewer", company_name="Müşteri A.Ş.",
        tax_no="6183052747", address="OSB 3. Cad. No: 7, Nilüfer / Bursa",
    )  # fmt: skip
    runner = CliRunner()
    out = runner.invoke(main, ["quote", str(cam_run), "--quantity", "10", "--json",
                               "--draft-invoice", "satinalma@musteri.example"])  # fmt: skip
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["batch_total"] == "3298.01" and data["per_part"] == "329.80"
    with db.session() as session:
        invoice = session.get(Invoice, data["invoice_draft_id"])
        assert invoice.user_id == buyer and invoice.status == "draft"
        # one line: 10 × 329,801 = 3298,01; KDV 20 % = 659,60
        assert invoice.subtotal == D("3298.01") and invoice.tax_amount == D("659.60")
        assert invoice.line_items[0]["quantity"] in ("10", "10.000")

    text = runner.invoke(main, ["quote", str(cam_run), "-n", "4", "--currency", "EUR",
                                "--rate", "37.5"])  # fmt: skip
    assert text.exit_code == 0, text.output
    assert "Machine time on Tormach 1100MX" in text.output and "EUR" in text.output
    bad = runner.invoke(main, ["quote", str(cam_run), "-n", "4", "--currency", "EUR"])
    assert bad.exit_code != 0 and "needs the exchange rate" in bad.output


def pdf_text(path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


def test_the_quote_pdf_in_turkish(db, cam_run, owner_context, tmp_path):
    pdf = tmp_path / "teklif.pdf"
    turkish = ["--document-language", "tr"]  # the tests' program speaks English
    out = CliRunner().invoke(main, ["quote", str(cam_run), "-n", "10", "--pdf", str(pdf), *turkish])
    assert out.exit_code == 0, out.output
    text = pdf_text(pdf)
    for expected in (
        "Maliyet teklifi",
        "Tormach 1100MX",
        "Aluminium 6061-T6",
        "10 dk 00 sn",
        "Tezgah süresi",
        "1.666,67 TL",
        "Takım aşınması T1",
        "308,33 TL",
        "Parti toplamı",
        "3.298,01 TL",
        "Parça başı",
        "329,80 TL",
        "KDV dahil",
    ):
        assert expected in text, expected  # fmt: skip
    # an incomplete quote says what is missing instead of a total
    with db.session() as session:
        session.execute(sa.update(Machine).values(hourly_rate=None))
    out = CliRunner().invoke(main, ["quote", str(cam_run), "-n", "10", "--pdf", str(pdf), *turkish])
    assert (
        out.exit_code == 1 and "MISSING machine 'Tormach 1100MX' has no hourly rate" in out.output
    )
    text = pdf_text(pdf)
    assert "Eksik bilgiler" in text and "saatlik ücreti yok" in text  # the PDF's language
    assert "Parti toplamı" not in text


def test_the_quote_pdf_speaks_the_program_s_language_or_the_one_asked_for(
    db, cam_run, owner_context, tmp_path
):
    pdf = tmp_path / "quote.pdf"
    out = CliRunner().invoke(main, ["quote", str(cam_run), "-n", "10", "--pdf", str(pdf)])
    assert out.exit_code == 0, out.output
    english = pdf_text(pdf)
    for expected in (
        "Cost quote",
        f"CAM run #{cam_run}",
        "10 min 00 s / part",
        "30 min / batch",
        "Machine time",
        "10 × 10.00 min × 1,000.00 TRY/h",
        "1,666.67 TRY",
        "Tool wear T1",
        "308.33 TRY",
        "Batch total",
        "3,298.01 TRY",
        "Per part",
        "329.80 TRY",
        "Amounts exclude VAT (KDV)",
        "Page 1 / 1",
    ):
        assert expected in english, expected
    for turkish in ("Maliyet teklifi", "Parti toplamı", "3.298,01", " TL", "Sayfa"):
        assert turkish not in english, turkish
    # the same figures in Turkish on request, in euros too
    out = CliRunner().invoke(
        main, ["quote", str(cam_run), "-n", "10", "--currency", "EUR", "--rate", "37.5",
               "--pdf", str(pdf), "--document-language", "tr"],
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    turkish = pdf_text(pdf)
    assert "Maliyet teklifi" in turkish and "EUR (1 EUR = 37,50 TL)" in turkish
    assert "Parti toplamı" in turkish and "87,94 EUR" in turkish  # 3.298,01 / 37,5
    assert "Cost quote" not in turkish
    from tests.test_setup_sheet import page_images

    (page,) = page_images(pdf, "quote-tr-eur", dpi=60)  # one page, nothing over the margins
    ink = page.min(axis=2) < 200
    margin = round(60 * 11 / 25.4)
    assert not ink[:, :margin].any() and not ink[:, -margin:].any()


def test_printable_quote_in_either_language(db, cam_run):
    from cncworkbench.core import localefmt
    from cncworkbench.errors import ValidationError

    result = quote(db, cam_run)
    english = quotes.printable_quote(result, language="en")
    turkish = quotes.printable_quote(result, language="tr")
    assert english["language"] == "en" and turkish["language"] == "tr"
    assert english["batch_total"] == "3,298.01 TRY" and turkish["batch_total"] == "3.298,01 TL"
    assert english["lines"][0]["label"] == "Machine time"
    assert turkish["lines"][0]["label"] == "Tezgah süresi"
    assert turkish["cycle_text"] == "10 dk 00 sn / parça"
    assert quotes.printable_quote(result)["language"] == localefmt.current() == "en"
    with localefmt.speaking("tr"):
        assert quotes.printable_quote(result)["title"] == "Maliyet teklifi"
    with pytest.raises(ValidationError, match=r"prints in tr, en, not 'de'"):
        quotes.printable_quote(result, language="de")
