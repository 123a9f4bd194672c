"""Money, licensing, users and the billing CLI speak the reader's language: the same
mistake is explained in Turkish to a Turkish reader and in English to an English one,
naming the same values, with the decimal comma in Turkish.

The Turkish comes from ``resources/translations/cncworkbench_tr.ts``."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cncworkbench.cli import main
from cncworkbench.cli.context import parse_date
from cncworkbench.core import licensing, localefmt, money, permissions, validators
from cncworkbench.core.licensing import Feature, Grant, Limit
from cncworkbench.core.permissions import Permission
from cncworkbench.errors import UserError
from cncworkbench.services.access import identity
from cncworkbench.services.access.licenses import ExpiryReport


def said(language: str, action, *args, **kwargs) -> str:
    """The message ``action`` refuses with, in ``language``."""
    with localefmt.speaking(language), pytest.raises(UserError) as refused:
        action(*args, **kwargs)
    return str(refused.value)


def test_an_ambiguous_payment_amount_names_the_field_and_what_was_typed():
    tr = said("tr", money.check_amount, "1.234", "payment amount")
    en = said("en", money.check_amount, "1.234", "payment amount")
    assert tr.startswith("Ödeme tutarı '1.234' belirsiz") and "örneğin 1234 veya 1234,5" in tr
    assert en.startswith("The payment amount '1.234' is ambiguous")


def test_a_negative_refund_is_shown_with_the_readers_decimal_mark():
    tr = said("tr", money.check_amount, "-12.50", "refund amount")
    en = said("en", money.check_amount, "-12.50", "refund amount")
    assert tr == "İade tutarı negatif olamaz (-12,50 girildi)."
    assert en == "The refund amount must not be negative (got -12.50)."


def test_a_kdv_rate_not_in_force_lists_the_rates_in_force():
    tr = said("tr", money.check_kdv_rate, "18.5")
    en = said("en", money.check_kdv_rate, "18.5")
    assert "%18,5 KDV oranı yürürlükte değil" in tr and "%0, %1, %10, %20" in tr
    assert en == "The KDV rate 18.5 % is not one in force; use 0 %, 1 %, 10 %, 20 %."


def test_a_line_above_the_limit_names_its_description_and_amount():
    lines = [money.LineInput("Torna işçiliği", 2, "60000000")]
    tr = said("tr", money.compute_totals, lines, 20)
    en = said("en", money.compute_totals, lines, 20)
    assert "'Torna işçiliği' satırı 120.000.000,00 tutuyor" in tr
    assert "sınırının üzerinde" in tr
    assert "The line 'Torna işçiliği' comes to 120,000,000.00, above the limit" in en


def test_a_tax_number_failing_its_check_digits_is_named():
    tr = said("tr", validators.check_tax_number, "1234567891")
    en = said("en", validators.check_tax_number, "1234567891")
    assert tr == "VKN '1234567891' kontrol basamaklarını tutmuyor; lütfen yeniden kontrol edin."
    assert en == "The VKN '1234567891' fails its check digits; please re-check it."


def test_a_short_phone_number_says_how_many_digits_it_has():
    tr = said("tr", validators.normalise_tr_phone, "0312 12")
    en = said("en", validators.normalise_tr_phone, "0312 12")
    assert "'0312 12' bir Türkiye telefon numarası değil" in tr and "6 hane bulundu" in tr
    assert en.startswith("'0312 12' is not a Turkish phone number") and "found 6." in en


def test_a_locked_feature_names_the_plan_that_unlocks_it():
    basic = Grant(1, "basic", {})
    tr = said("tr", licensing.check_feature, basic, Feature.ERP_SYNC)
    en = said("en", licensing.check_feature, basic, Feature.ERP_SYNC)
    assert tr == "ERP/MES eşitlemesi, Basic lisansınıza dahil değil; Enterprise planı bunu açar."
    assert en == (
        "ERP/MES synchronisation is not part of your Basic license; the Enterprise plan unlocks it."
    )
    tr = said("tr", licensing.check_feature, None, Feature.CAM)
    assert tr.startswith("CAM takım yolları ve G kodu için geçerli bir lisans gerekir")
    assert "(hiç lisans yok)" in tr and "Basic veya Professional veya Enterprise" in tr


def test_too_many_machines_for_the_plan_counts_them_in_the_readers_words():
    basic = Grant(1, "basic", {})
    tr = said("tr", licensing.check_limit, basic, Limit.MACHINES, 5)
    en = said("en", licensing.check_limit, basic, Limit.MACHINES, 5)
    assert "Basic lisansınız 2 tezgah" in tr and "Enterprise (sınırsız)" in tr
    assert "Your Basic license allows 2 machines and this would make 5" in en
    assert "Enterprise (any number)" in en


def test_seats_beyond_the_plan():
    tr = said("tr", licensing.check_seats, "basic", 5000)
    en = said("en", licensing.check_seats, "basic", 5000)
    assert tr == "Bir Basic lisansında en fazla 1000 koltuk olabilir (5000 girildi)."
    assert en == "A Basic license has at most 1000 seats (got 5000)."


def test_a_refused_role_names_the_action_and_who_may():
    tr = said("tr", permissions.require, "operator", Permission.BILLING_MANAGE)
    en = said("en", permissions.require, "operator", Permission.BILLING_MANAGE)
    assert tr == (
        "Rolünüzün (operatör) faturaları ve ödemeleri yönetme yetkisi yok; bunun için "
        "yönetici rolü gerekir."
    )
    assert en == (
        "Your role (operator) may not manage invoices and payments; that needs the role admin."
    )


def test_a_short_password():
    assert said("tr", identity.check_password_policy, "kısa") == (
        "Parola en az 10 karakter olmalıdır."
    )
    assert said("en", identity.check_password_policy, "kısa") == (
        "The password must have at least 10 characters."
    )


def test_a_date_the_cli_cannot_read():
    tr = said("tr", parse_date, "32.13.2026", "end")
    en = said("en", parse_date, "32.13.2026", "end")
    assert tr.startswith("'32.13.2026' geçerli bir bitiş tarihi değil")
    assert en == "The end '32.13.2026' is not a date; write 2026-12-31 or 31.12.2026."


def test_the_expiry_report_line():
    report = ExpiryReport(expired=[1, 2], warned=[(3, 7, 2)], overdue=[])
    with localefmt.speaking("tr"):
        tr = report.line()
    with localefmt.speaking("en"):
        en = report.line()
    assert tr == (
        "2 lisansın süresi doldu (#1, #2); 1 süre sonu uyarısı gönderildi: "
        "#3 (7 gün, 2 kullanıcı); 0 faturanın vadesi geçti"
    )
    assert en == (
        "2 licenses expired (#1, #2); 1 expiry warnings sent: #3 (7 d, 2 users); 0 invoices overdue"
    )


def test_the_billing_commands_help_in_both_languages():
    runner = CliRunner()
    tr = runner.invoke(main, ["--language", "tr", "invoice", "create", "--help"])
    en = runner.invoke(main, ["--language", "en", "invoice", "create", "--help"])
    assert tr.exit_code == 0 and en.exit_code == 0, tr.output + en.output
    assert "Taslak bir fatura oluşturun" in tr.output and "Faturalanan kullanıcı." in tr.output
    assert "Create a draft invoice" in en.output and "The user billed." in en.output


def test_a_missing_payment_at_the_command_line(db, monkeypatch):
    monkeypatch.setenv("CNC_DATABASE_URL", db.url)
    runner = CliRunner()
    tr = runner.invoke(main, ["--language", "tr", "invoice", "refund", "5", "--amount", "1"])
    en = runner.invoke(main, ["--language", "en", "invoice", "refund", "5", "--amount", "1"])
    assert tr.exit_code == 2 and en.exit_code == 2
    assert "Ödeme #5 yok." in tr.output
    assert "There is no payment #5." in en.output
