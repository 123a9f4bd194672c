"""Messages of the ERP exchange, quotes, the catalog, projects, models and CAD jobs in the
reader's language: the same failing action says the same thing in Turkish and in English,
with the numbers written the reader's way (``2,7 dk`` / ``2.7 min``)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from click.testing import CliRunner

from cncworkbench.core import costing, localefmt, model_files
from cncworkbench.core import erp as core
from cncworkbench.errors import ValidationError
from cncworkbench.services.commerce import erp
from cncworkbench.services.machining import catalog
from cncworkbench.services.pdm import cad, projects

PLATE = costing.CostInputs(
    machine="Tormach 1100MX",
    hourly_rate=D("1800"),
    cycle_seconds=D("754"),
    setup_minutes=D("30"),
    material="Aluminium 6061-T6",
    stock_volume_mm3=D("84") * D("54") * D("21"),
    density_g_cm3=D("2.70"),
    cost_per_kg=D("185.50"),
    tools=(costing.ToolUse(1, "10 mm 3F carbide flat", D("3.2"), D("120"), D("2450")),),
)
BAD_ORDERS = "order_id,customer_name,quantity\nSO-1,Acme,3\nSO-2,Beta,iki\nSO-3,,1\n"


def refusal(language: str, action, *args, error=ValidationError, **kwargs) -> str:
    with localefmt.speaking(language), pytest.raises(error) as refused:
        action(*args, **kwargs)
    return str(refused.value)


def test_a_bad_order_file_names_its_lines_in_both_languages():
    english = refusal("en", core.parse_orders_csv, BAD_ORDERS, "siparis.csv")
    assert english.startswith("Nothing was imported.")
    assert "siparis.csv line 3: quantity 'iki' is not a whole number" in english
    assert "siparis.csv line 4: customer_name is missing" in english
    turkish = refusal("tr", core.parse_orders_csv, BAD_ORDERS, "siparis.csv")
    assert turkish.startswith("Hiçbir şey aktarılmadı.")
    assert "siparis.csv satır 3: quantity 'iki' bir tam sayı değil" in turkish
    assert "siparis.csv satır 4: customer_name eksik" in turkish  # column names stay as they are


def test_a_quote_explains_its_lines_with_the_readers_decimals():
    with localefmt.speaking("en"):
        english = {line.key: line for line in costing.compute(PLATE, 25).lines}
    assert english["machine"].label == "Machine time on Tormach 1100MX"
    assert english["machine"].basis == "25 × 12.57 min × 1,800.00 TRY/h"
    assert english["material"].label == "Stock material (Aluminium 6061-T6)"
    with localefmt.speaking("tr"):
        turkish = {line.key: line for line in costing.compute(PLATE, 25).lines}
    assert turkish["machine"].label == "Tezgah süresi (Tormach 1100MX)"
    assert turkish["machine"].basis == "25 × 12,57 dk × 1.800,00 TL/saat"
    assert turkish["setup"].label == "Bağlama (parti başına bir kez)"
    assert turkish["tool:1"].label == "Takım aşınması T1 (10 mm 3F carbide flat)"
    assert english["machine"].amount == turkish["machine"].amount  # only the words change


def test_missing_rates_and_a_bad_exchange_rate_are_named_in_both_languages():
    from dataclasses import replace

    partial = replace(PLATE, hourly_rate=None)
    with localefmt.speaking("en"):
        assert costing.compute(partial, 5).missing == (
            "machine 'Tormach 1100MX' has no hourly rate",
        )
    with localefmt.speaking("tr"):
        assert costing.compute(partial, 5).missing == (
            "'Tormach 1100MX' tezgahının saatlik ücreti yok",
        )
    assert refusal("en", costing.compute, PLATE, 5, "EUR", "-1") == (
        "The exchange rate must be more than 0, not -1."
    )
    assert refusal("tr", costing.compute, PLATE, 5, "EUR", "-1") == (
        "Döviz kuru 0'dan büyük olmalı, -1 değil."
    )
    assert "1 to 1,000,000, not '0'" in refusal("en", costing.compute, PLATE, 0)
    assert "1 ile 1.000.000 arasında" in refusal("tr", costing.compute, PLATE, 0)


def _system(**changes) -> erp.SystemInfo:
    values = dict(
        id=1, name="SAP", description=None, base_url="https://erp.example/api",
        events_url="https://erp.example/api/events", orders_url="https://erp.example/api/orders",
        direction="both", entity_types=("order", "cam_run"), active=True,
        connect_timeout_ms=5000, read_timeout_ms=15000, max_retries=8, backoff_base_s=5,
        backoff_max_s=3600, pull_interval_s=None, last_pulled_at=None,
        token="environment CNC_ERP_TOKEN_SAP", signing_secret="not set",
        queue={"pending": 1, "synced": 0, "failed": 2},
    )  # fmt: skip
    values.update(changes)
    return erp.SystemInfo(**values)


def test_a_systems_details_read_in_the_readers_language():
    with localefmt.speaking("en"):
        english = dict(_system().lines())
    assert (
        english["retries"] == "8, waiting 5 s, 10 s, 20 s, 40 s, 80 s, 2.7 min, 5.3 min, 10.7 min"
    )
    assert english["token"] == "environment CNC_ERP_TOKEN_SAP"
    assert english["signing secret"] == "not set (the token signs)"
    assert english["queue"] == "pending 1, synced 0, failed 2"
    with localefmt.speaking("tr"):
        turkish = dict(_system().lines())
        warnings = _system(base_url="http://erp.example", token="not set").warnings
    assert turkish["yeniden denemeler"] == (
        "8, beklemeler 5 sn, 10 sn, 20 sn, 40 sn, 80 sn, 2,7 dk, 5,3 dk, 10,7 dk"
    )
    assert turkish["belirteç"] == "ortam değişkeni CNC_ERP_TOKEN_SAP"
    assert turkish["durum"] == "etkin"
    assert turkish["kuyruk"] == "beklemede 1, eşitlendi 0, başarısız 2"
    assert "düz http: belirteç şifrelenmeden gider" in warnings
    # the code the rest of the program compares stays as it is
    assert _system().token == "environment CNC_ERP_TOKEN_SAP"


def test_out_of_range_settings_and_a_delivery_pass_in_both_languages():
    assert refusal("en", erp._clean_options, {"max_retries": 99}) == (
        "The number of retries must be a whole number 0-50."
    )
    assert refusal("tr", erp._clean_options, {"max_retries": 99}) == (
        "Yeniden deneme sayısı 0-50 arasında bir tam sayı olmalı."
    )
    report = erp.DeliveryReport(attempted=3, synced=2, retrying=1, seconds=0.25)
    with localefmt.speaking("en"):
        assert report.line() == "3 attempted: 2 delivered, 1 to retry, 0 failed (0.25 s)"
    with localefmt.speaking("tr"):
        assert report.line() == (
            "3 deneme: 2 gönderildi, 1 yeniden denenecek, 0 başarısız (0,25 sn)"
        )


def test_catalog_projects_and_model_files_in_both_languages(tmp_path):
    report = catalog.SeedReport({"machines": 3}, {"machines": 1}, {"machines": 9})
    with localefmt.speaking("en"):
        assert report.lines() == ["machines: 3 added, 1 updated, 9 unchanged"]
    with localefmt.speaking("tr"):
        assert report.lines() == ["tezgahlar: 3 eklendi, 1 güncellendi, 9 değişmedi"]
    assert refusal("en", projects.clean_name, "  ", "model") == "The model name is empty."
    assert refusal("tr", projects.clean_name, "  ", "model") == "Model adı boş."
    truncated = tmp_path / "flans.step"
    truncated.write_text(
        "ISO-10303-21;\nHEADER;\nENDSEC;\nDATA;\n#1=CARTESIAN_POINT('',(0.,0.,0.));\n"
    )
    assert "'flans.step' is a truncated STEP file" in refusal("en", model_files.check, truncated)
    assert "'flans.step' yarım kalmış bir STEP dosyası" in refusal(
        "tr", model_files.check, truncated
    )


def test_part_family_values_are_checked_in_both_languages():
    holes = cad.Parameter("Holes", "integer", 4)
    diameter = cad.Parameter("HoleDiameter", "quantity", 6.6, "mm")
    assert refusal("en", cad.check_values, [holes], {"Holes": "2.5"}) == (
        "Holes takes a whole number, not '2.5'."
    )
    assert refusal("tr", cad.check_values, [holes], {"Holes": "2.5"}) == (
        "Holes bir tam sayı alır, '2.5' değil."
    )
    with localefmt.speaking("en"):
        assert diameter.shown == "6.6 mm"
    with localefmt.speaking("tr"):
        assert diameter.shown == "6,6 mm"


def test_the_command_line_speaks_the_chosen_language():
    from cncworkbench.cli import main

    runner = CliRunner()
    args = ["erp", "system", "add", "SAP"]
    english = runner.invoke(main, ["--language", "en", *args])
    assert (
        english.exit_code == 2 and "Give --url, --direction and --entity-types." in english.output
    )
    turkish = runner.invoke(main, ["--language", "tr", *args])
    assert (
        turkish.exit_code == 2 and "--url, --direction ve --entity-types verin." in turkish.output
    )
    shown = runner.invoke(main, ["--language", "tr", "quote", "--help"])
    assert shown.exit_code == 0 and "Partideki parça sayısı." in shown.output
    shown = runner.invoke(main, ["--language", "en", "quote", "--help"])
    assert shown.exit_code == 0 and "How many parts in the batch." in shown.output
