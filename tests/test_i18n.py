"""Turkish and English: formatting per language, Turkish casing, sorting and search, and
how the program picks, installs and switches its language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from cncworkbench.core import localefmt, text, timefmt


@pytest.fixture(autouse=True)
def program_language():
    """Every test starts from the default (CNC_LOCALE=en in tests) and leaves it so."""
    localefmt.use(None)
    yield
    localefmt.use(None)


def test_numbers_and_money_per_language():
    assert localefmt.number(1234.5, 2, "tr") == "1.234,50"
    assert localefmt.number(1234.5, 2, "en") == "1,234.50"
    assert localefmt.number(Decimal("1234567.891"), 2, "tr") == "1.234.567,89"
    assert localefmt.number(6.350, 3, "tr", trim=True) == "6,35"
    assert localefmt.number(84.0, 3, "en", trim=True) == "84"
    assert localefmt.number(10000, 0, "tr", grouping=False) == "10000"
    assert localefmt.number(-0.001, 2, "tr") == "0,00"
    assert localefmt.number(None) == ""
    assert localefmt.money(Decimal("1234.56"), "TRY", "tr") == "1.234,56 ₺"
    assert localefmt.money(Decimal("1234.56"), "TRY", "en") == "₺1,234.56"
    assert localefmt.money(Decimal("-5"), "USD", "en") == "-$5.00"
    assert localefmt.money(Decimal("99.9"), "EUR", "tr") == "99,90 €"
    assert localefmt.percent(12.5, 1, "tr") == "%12,5" and localefmt.percent(12, 0, "en") == "12%"
    assert localefmt.parse_number("1.234,5", "tr") == 1234.5
    assert localefmt.parse_number("1,234.5", "en") == 1234.5
    assert localefmt.parse_number("2,5", "en") == 2.5  # a Turkish hand in English
    with pytest.raises(ValueError):
        localefmt.parse_number("on iki", "tr")


def test_the_language_shown_is_the_default(monkeypatch):
    assert localefmt.current() == "en"  # CNC_LOCALE=en in tests
    monkeypatch.delenv("CNC_LOCALE")
    assert localefmt.current() == "tr"  # Turkish first
    localefmt.use("en_GB.UTF-8")
    assert localefmt.current() == "en" and localefmt.number(1000) == "1,000.00"
    localefmt.use("tr-TR")
    assert localefmt.number(1000) == "1.000,00"
    assert localefmt.normalise("de_DE") is None and localefmt.normalise("C") is None


def test_times_are_stored_in_utc_and_shown_per_language_and_zone():
    stored = dt.datetime(2026, 11, 25, 11, 5)  # naive UTC, as TIMESTAMP columns hold it
    assert timefmt.short(stored, locale="tr") == "25.11.2026 14:05"  # Istanbul, UTC+3
    assert timefmt.short(stored, locale="en") == "2026-11-25 14:05"
    assert timefmt.short(stored, "Europe/Berlin", "tr") == "25.11.2026 12:05"
    assert timefmt.short(stored) == "2026-11-25 14:05"  # the language shown: English here
    localefmt.use("tr")
    assert timefmt.short(stored) == "25.11.2026 14:05"
    assert timefmt.day(stored) == "25.11.2026" and timefmt.day(dt.date(2026, 1, 2)) == "02.01.2026"
    assert timefmt.day(stored, locale="en") == "2026-11-25"


def test_turkish_casing():
    assert text.lower("ILIK") == "ılık" and "ILIK".lower() == "ilik"
    assert text.lower("İSTANBUL") == "istanbul"  # Python's own gives "i̇stanbul"
    assert text.upper("istanbul") == "İSTANBUL" and text.upper("ılık") == "ILIK"
    assert text.upper("geçti") == "GEÇTİ"
    assert text.lower("ILIK", "en") == "ilik" and text.upper("istanbul", "en") == "ISTANBUL"


def test_turkish_alphabetical_order():
    names = ["Zonguldak", "çelik", "Ceviz", "ılık", "İzmir", "Irmak", "ISPARTA", "şaft",
             "Sac", "öğe", "Ordu", "üst", "Uşak", "Ğ", "gaz", "10 mm", "Ahşap"]  # fmt: skip
    ordered = sorted(names, key=text.sort_key)
    assert ordered == ["10 mm", "Ahşap", "Ceviz", "çelik", "gaz", "Ğ", "ılık", "Irmak",
                       "ISPARTA", "İzmir", "Ordu", "öğe", "Sac", "şaft", "Uşak", "üst",
                       "Zonguldak"]  # fmt: skip
    # In English, ç sorts with c and ı with i.
    assert sorted(["çelik", "Ceviz", "dökme"], key=lambda s: text.sort_key(s, "en")) == [
        "çelik",
        "Ceviz",
        "dökme",
    ]
    assert sorted(["b", "B", "a"], key=text.sort_key) == ["a", "b", "B"]


def test_search_the_way_turkish_users_type():
    assert text.matches("istanbul", "İSTANBUL Şubesi")
    assert text.matches("ISTANBUL", "istanbul")
    assert text.matches("celik", "Çelik C45") and text.matches("sasi", "Şaşı")
    assert text.matches("ılık", "ILIK") and text.matches("ilik", "ILIK")
    assert text.matches("", "anything") and not text.matches("pirinç", "Çelik")


# ------------------------------------------------------------------- the Qt side


@pytest.fixture
def languages(qapp):
    from cncworkbench.ui import i18n

    manager = i18n.Languages()
    yield manager
    manager.apply("en")
    localefmt.use(None)


def test_installing_turkish_translates_and_english_restores(languages):
    from cncworkbench.ui.i18n import qlocale, translate
    from cncworkbench.ui.terms import term

    assert translate("Panel", "Retry") == "Retry"
    seen = []
    languages.changed.connect(seen.append)
    assert languages.apply("tr")
    assert translate("Panel", "Retry") == "Yeniden dene"
    assert term("Roles", "engineer") == "mühendis" and term("Roles", "robot") == "robot"
    assert localefmt.current() == "tr" and timefmt.short(dt.datetime(2026, 11, 25, 11, 5)) == (
        "25.11.2026 14:05"
    )
    assert qlocale().toString(1234.5, "f", 2) == "1.234,50"
    assert not languages.apply("tr")  # no change, no signal
    assert languages.apply("en")
    assert translate("Panel", "Retry") == "Retry" and seen == ["tr", "en"]


def test_reports_speak_their_reader_language(languages):
    from cncworkbench.ui.i18n import speaking, translate

    with speaking("tr"):
        assert translate("Reports", "Setup sheet") == "Bağlama föyü"
    assert translate("Reports", "Setup sheet") == "Setup sheet"
    languages.apply("tr")
    with speaking("en"):  # our Turkish hidden, as inside a FreeCAD that speaks Turkish
        assert translate("Reports", "Setup sheet") == "Setup sheet"
        assert translate("QDialogButtonBox", "OK") == translate("QDialogButtonBox", "OK")
    assert translate("Reports", "Setup sheet") == "Bağlama föyü"


def test_the_language_follows_env_then_the_user_then_this_computer(qapp, monkeypatch):
    from cncworkbench.ui import i18n

    user = SimpleNamespace(email="Usta@Atolye.example", locale="en")
    assert i18n.preferred(user) == "en" and i18n.preferred() == "en"  # CNC_LOCALE=en
    monkeypatch.delenv("CNC_LOCALE")
    monkeypatch.setattr(i18n, "host_language", lambda: "tr")
    assert i18n.preferred() == "tr"  # FreeCAD's (or the system's) language
    assert i18n.preferred(user) == "en"  # the user's profile
    i18n.save_choice("tr", "usta@atolye.example")  # chosen on this computer
    assert i18n.preferred(user) == "tr" and i18n.preferred() == "tr"
    i18n.save_choice("en", "usta@atolye.example", for_user=False)  # now in the profile
    assert i18n.preferred(user) == "en" and i18n.saved_choice() == "en"
    monkeypatch.setattr(i18n, "host_language", lambda: None)
    monkeypatch.setattr(i18n, "saved_choice", lambda email=None: None)
    monkeypatch.setattr(i18n.QtCore.QLocale, "system", lambda: i18n.QtCore.QLocale("de_DE"))
    assert i18n.preferred() == "en"  # another language: English
    monkeypatch.setattr(i18n.QtCore.QLocale, "system", lambda: i18n.QtCore.QLocale.c())
    assert i18n.preferred() == "tr"  # unknown ("C"): Turkish first


def test_a_setup_sheet_prints_in_its_reader_language(qapp, tmp_path):
    """The labels follow the sheet's ``language`` (the numbers its ``locale``), also in a
    worker's child process."""
    import json
    import shutil
    import subprocess
    import sys

    from tests.test_setup_sheet import pdf_text, setup_sheet

    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler-utils (pdftotext)")
    sheet = setup_sheet(operations=3)
    source = tmp_path / "sheet.json"
    source.write_text(json.dumps({**sheet, "language": "tr"}), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "cncworkbench.ui.reports", "setup-sheet", source,
         tmp_path / "tr.pdf"], check=True, capture_output=True,
    )  # fmt: skip
    turkish = " ".join(pdf_text(tmp_path / "tr.pdf").split())
    assert "Bağlama föyü" in turkish and "Takımlar" in turkish and "sayfa 2 / 2" in turkish
    assert "Setup sheet" not in turkish
    from cncworkbench.ui.reports import render_setup_sheet

    render_setup_sheet(sheet, tmp_path / "en.pdf")  # no language: the program's (English)
    english = " ".join(pdf_text(tmp_path / "en.pdf").split())
    assert "Setup sheet" in english and "Bağlama föyü" not in english
