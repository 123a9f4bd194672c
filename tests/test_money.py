"""Money on invoices: exact decimals, KDV per line, Turkish half-up rounding to the kuruş,
numbers as people type them, amounts in Turkish words.

Every invoice below is computed by hand in the comments first; the code must agree.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cncworkbench.core import money
from cncworkbench.core.money import LineInput
from cncworkbench.errors import ValidationError

D = Decimal


def figures(totals):
    return (
        [(line.amount, line.tax_amount) for line in totals.lines],
        totals.subtotal,
        totals.tax_amount,
        totals.total,
    )


def test_three_times_1234_565_tl_at_20_percent_kdv_and_a_half_kurus_line():
    # 3 × 1.234,565 = 3.703,695  -> half up to 3.703,70 (the 5 rounds up)
    #   KDV 20 %: 3.703,70 × 0,20 = 740,740 -> 740,74
    # 1 × 0,005 = 0,005           -> 0,01 (banker's rounding would give 0,00)
    #   KDV 20 %: 0,01 × 0,20 = 0,002 -> 0,00
    # subtotal 3.703,70 + 0,01 = 3.703,71; KDV 740,74; total 4.444,45
    totals = money.compute_totals(
        [LineInput("CAM lisansı", 3, "1.234,565"), LineInput("Kuruş farkı", 1, "0.005")], 20
    )
    assert figures(totals) == (
        [(D("3703.70"), D("740.74")), (D("0.01"), D("0.00"))],
        D("3703.71"),
        D("740.74"),
        D("4444.45"),
    )
    assert totals.tax_rate == D("20.00")
    assert money.format_amount(totals.total, "TRY") == "4.444,45 TL"
    assert (
        money.amount_in_words(totals.total, "TRY")
        == "dört bin dört yüz kırk dört Türk lirası kırk beş kuruş"
    )
    # the JSON kept in line_items is exact decimal text, never a binary fraction
    assert totals.lines[0].as_json()["unit_price"] == "1234.565"
    assert totals.lines[0].as_json()["amount"] == "3703.70"


def test_one_percent_kdv_rounds_half_a_kurus_up():
    # 2 × 0,25 = 0,50;  KDV 1 %: 0,005 -> 0,01 (half up; half even would give 0,00)
    # 7 × 12,345 = 86,415 -> 86,42;  KDV 1 %: 0,8642 -> 0,86
    # subtotal 86,92; KDV 0,87; total 87,79
    totals = money.compute_totals(
        [LineInput("Kalıp", 2, "0,25"), LineInput("Parça", 7, D("12.345"))], "1"
    )
    assert figures(totals) == (
        [(D("0.50"), D("0.01")), (D("86.42"), D("0.86"))],
        D("86.92"),
        D("0.87"),
        D("87.79"),
    )
    assert D("0.005").quantize(D("0.01"), ROUND_HALF_EVEN) == D("0.00")  # what we avoid


def test_kdv_is_rounded_per_line_so_printed_lines_add_up_to_the_totals():
    # three lines of 0,50 at 1 %: each line's KDV 0,005 -> 0,01; the invoice's KDV is the
    # sum of the printed line figures, 0,03 (not 1,50 × 1 % = 0,015 -> 0,02)
    totals = money.compute_totals([LineInput("Pul", 1, "0,50")] * 3, 1)
    assert [line.tax_amount for line in totals.lines] == [D("0.01")] * 3
    assert (totals.subtotal, totals.tax_amount, totals.total) == (D("1.50"), D("0.03"), D("1.53"))


def test_usd_invoice():
    # 4 × 99,99 USD = 399,96; KDV 20 %: 79,992 -> 79,99; total 479,95 USD
    totals = money.compute_totals([LineInput("Professional seat", 4, "99.99")], 20)
    assert figures(totals) == ([(D("399.96"), D("79.99"))], D("399.96"), D("79.99"), D("479.95"))
    assert money.format_amount(totals.total, "USD") == "479,95 USD"
    assert (
        money.amount_in_words(totals.total, "USD")
        == "dört yüz yetmiş dokuz ABD doları doksan beş sent"
    )


def test_eur_invoice_at_10_percent():
    # 1 × 12,25 = 12,25; KDV 10 %: 1,225 -> 1,23 (half even would give 1,22)
    # 1,5 × 1.000,10 = 1.500,15; KDV 10 %: 150,015 -> 150,02
    # subtotal 1.512,40; KDV 151,25; total 1.663,65 EUR
    totals = money.compute_totals(
        [LineInput("Eğitim", 1, "12.25"), LineInput("Danışmanlık", "1,5", "1000.10", "saat")],
        10,
    )
    assert figures(totals) == (
        [(D("12.25"), D("1.23")), (D("1500.15"), D("150.02"))],
        D("1512.40"),
        D("151.25"),
        D("1663.65"),
    )
    assert money.format_amount(totals.total, "EUR") == "1.663,65 EUR"
    assert money.format_quantity(totals.lines[1].quantity) == "1,5"


def test_zero_percent_export_invoice_has_no_kdv():
    totals = money.compute_totals([LineInput("Export", 2, D("2.675"))], 0)
    # 2 × 2,675 = 5,35 exactly; (a float would make 2.675 into 2.67499…)
    assert figures(totals) == ([(D("5.35"), D("0.00"))], D("5.35"), D("0.00"), D("5.35"))


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.234,565", D("1234.565")),  # Turkish
        ("1,234.56", D("1234.56")),  # English
        ("1234,5", D("1234.5")),
        ("1234.5", D("1234.5")),
        ("1.234.567,8", D("1234567.8")),
        ("0.005", D("0.005")),  # a leading 0 is never a thousands group
        ("0,005", D("0.005")),
        (" 12 500,00 ", D("12500.00")),
    ],
)
def test_numbers_as_people_type_them(typed, value):
    assert money.parse_decimal(typed, "unit price") == value


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1.234", "ambiguous"),  # 1234 or 1,234?
        ("1,234", "ambiguous"),
        ("12abc", "not a number"),
        ("", "not a number"),
        ("1e5", "not a number"),
        ("1.23.4,5,6", "not a number"),
        ("9" * 41, "not a number"),
    ],
)
def test_unreadable_numbers_are_refused_by_name(typed, message):
    with pytest.raises(ValidationError, match=message) as refused:
        money.parse_decimal(typed, "unit price")
    assert "unit price" in str(refused.value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5", "must not be negative"),
        ("0", "more than zero"),
        ("100000000.01", "above the limit of 100,000,000.00"),
        (D("1E+30"), "above the limit"),
        (D("NaN"), "finite"),
        (D("Infinity"), "finite"),
        ("10,001", "ambiguous"),
        (D("10.001"), "more than 2 decimal places"),
    ],
)
def test_bad_amounts_are_refused_naming_the_problem(value, message):
    with pytest.raises(ValidationError, match=message):
        money.check_amount(value, "payment amount")


def test_floats_are_a_programming_error():
    with pytest.raises(TypeError, match="not <class 'float'>"):
        money.check_amount(0.1, "payment amount")


def test_unknown_currency_and_kdv_rate():
    assert money.check_currency(" tl ") == "TRY"
    assert money.check_currency("eur") == "EUR"
    with pytest.raises(ValidationError, match="Unknown currency 'GBP'; use TRY, USD or EUR"):
        money.check_currency("GBP")
    with pytest.raises(ValidationError, match="KDV rate 18 % is not one in force"):
        money.compute_totals([LineInput("x", 1, 1)], 18)  # 18 % ended in July 2023


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "at least one line"),
        ([LineInput("x", 1, 1)] * 101, "at most 100 lines"),
        ([LineInput("x", 0, 1)], "quantity must be more than zero"),
        ([LineInput("x", -2, 1)], "quantity must be more than zero"),
        ([LineInput("x", "1,0001", 1)], "more than 3 decimal places"),
        ([LineInput("x", 100001, 1)], "quantity 100001 is above the limit"),
        ([LineInput("x", 1, "-10")], "unit price must not be negative"),
        ([LineInput("x", 1, "0,00001")], "more than 4 decimal places"),
        ([LineInput("x", 1, 0)], "comes to zero"),
        ([LineInput("x", 100000, 1001)], "comes to 100,100,000.00, above the limit"),
        ([LineInput("x", 1, "90000000"), LineInput("y", 1, "9000000")], "invoice total"),
        ([LineInput("  ", 1, 1)], "line description is empty"),
        ([LineInput("x" * 501, 1, 1)], "longer than 500 characters"),
        ([LineInput("zil\x07sesi", 1, 1)], "control characters"),
        ([LineInput("x", 1, 1, "u" * 21)], "unit is longer than 20"),
    ],
)
def test_bad_lines_are_refused_naming_the_problem(lines, message):
    with pytest.raises(ValidationError, match=message):
        money.compute_totals(lines, 20)


def test_hostile_text_is_kept_as_text():
    hostile = "'); DROP TABLE invoices; -- <script>alert(1)</script>"
    totals = money.compute_totals([LineInput(hostile, 1, 1)], 20)
    assert totals.lines[0].description == hostile
    # runs of white space (tabs, newlines) fold into one space
    folded = money.compute_totals([LineInput("Satır\n\tiki", 1, 1)], 20)
    assert folded.lines[0].description == "Satır iki"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "sıfır"),
        (1, "bir"),
        (10, "on"),
        (100, "yüz"),
        (101, "yüz bir"),
        (1000, "bin"),
        (1001, "bin bir"),
        (2000, "iki bin"),
        (1_000_000, "bir milyon"),
        (1_001_000, "bir milyon bin"),
        (2_500_000_000, "iki milyar beş yüz milyon"),
        (999_999, "dokuz yüz doksan dokuz bin dokuz yüz doksan dokuz"),
    ],
)
def test_numbers_in_turkish_words(number, words):
    assert money.number_in_words(number) == words


def test_amounts_print_in_turkish_notation():
    assert money.format_amount(D("1234567.891")) == "1.234.567,89"
    assert money.format_amount(D("0.005"), "TRY") == "0,01 TL"
    assert money.format_unit_price(D("1234.565")) == "1.234,565"
    assert money.format_unit_price(D("1500")) == "1.500,00"
    assert money.amount_in_words(D("100.00"), "EUR") == "yüz avro"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "zero"),
        (1, "one"),
        (11, "eleven"),
        (19, "nineteen"),
        (20, "twenty"),
        (21, "twenty-one"),
        (99, "ninety-nine"),
        (100, "one hundred"),
        (101, "one hundred one"),
        (110, "one hundred ten"),
        (1000, "one thousand"),
        (1001, "one thousand one"),
        (12_345, "twelve thousand three hundred forty-five"),
        (1_000_000, "one million"),
        (1_001_000, "one million one thousand"),
        (2_500_000_000, "two billion five hundred million"),
        (999_999, "nine hundred ninety-nine thousand nine hundred ninety-nine"),
    ],
)
def test_numbers_in_english_words(number, words):
    assert money.number_in_english_words(number) == words


@pytest.mark.parametrize(
    ("amount", "currency", "words"),
    [
        ("0", "TRY", "zero Turkish lira"),
        ("1", "TRY", "one Turkish lira"),
        ("1", "USD", "one US dollar"),
        ("2", "USD", "two US dollars"),
        ("11", "EUR", "eleven euros"),
        ("1", "EUR", "one euro"),
        ("101.01", "USD", "one hundred one US dollars and one cent"),
        ("0.01", "TRY", "zero Turkish lira and one kuruş"),
        ("0.5", "EUR", "zero euros and fifty cents"),
        ("1000000", "TRY", "one million Turkish lira"),
        ("1234.56", "TRY", "one thousand two hundred thirty-four Turkish lira and fifty-six kuruş"),
        (
            "1234.565",
            "TRY",
            "one thousand two hundred thirty-four Turkish lira and fifty-seven kuruş",
        ),
    ],
)
def test_amounts_in_english_words(amount, currency, words):
    assert money.amount_in_english_words(D(amount), currency) == words
    assert money.amount_in_words(D(amount), currency, "en") == words


def test_the_invoice_total_in_words_in_either_language():
    # 29.728,26: what the invoice PDF prints under its total
    total = D("29728.26")
    assert money.total_in_words(total, "TRY") == (
        "Yalnız yirmi dokuz bin yedi yüz yirmi sekiz Türk lirası yirmi altı kuruş"
    )
    assert money.total_in_words(total, "TRY", "en") == (
        "Twenty-nine thousand seven hundred twenty-eight Turkish lira and twenty-six kuruş only"
    )
    assert money.total_in_words(D("1"), "USD", "en") == "One US dollar only"
    assert money.total_in_words(D("100"), "EUR", "en") == "One hundred euros only"
    with pytest.raises(ValidationError, match="negative"):
        money.total_in_words(D("-1"), "TRY", "en")


def test_amounts_in_english_notation():
    assert money.format_amount(D("1234567.891"), language="en") == "1,234,567.89"
    assert money.format_amount(D("1234.56"), "TRY", "en") == "1,234.56 TRY"
    assert money.format_amount(D("1234.56"), "TRY") == "1.234,56 TL"  # Turkish: unchanged
    assert money.format_amount(D("0.5"), "USD", "en") == "0.50 USD"
    assert money.format_unit_price(D("0.1234"), "en") == "0.1234"
    assert money.format_unit_price(D("1500"), "en") == "1,500.00"
    assert money.format_quantity(D("1.500"), "en") == "1.5"
    assert money.currency_sign("TRY", "en") == "TRY" and money.currency_sign("TRY") == "TL"


amounts = st.decimals(min_value=D("0.0001"), max_value=D("9999"), places=4)
quantities = st.decimals(min_value=D("0.001"), max_value=D("99"), places=3)


@given(
    st.lists(st.tuples(quantities, amounts), min_size=1, max_size=8),
    st.sampled_from(money.KDV_RATES),
)
def test_any_invoice_adds_up_and_each_figure_is_within_half_a_kurus(items, rate):
    lines = [LineInput("x", q, p) for q, p in items]
    if sum(money.round_kurus(q * p) for q, p in items) == 0:
        with pytest.raises(ValidationError, match="comes to zero"):
            money.compute_totals(lines, rate)
        return
    totals = money.compute_totals(lines, rate)
    half = D("0.005")
    for line, (quantity, price) in zip(totals.lines, items, strict=True):
        assert abs(line.amount - quantity * price) <= half
        assert abs(line.tax_amount - line.amount * rate / 100) <= half
        assert line.amount.as_tuple().exponent == -2
    assert totals.subtotal == sum(line.amount for line in totals.lines)
    assert totals.tax_amount == sum(line.tax_amount for line in totals.lines)
    assert totals.total == totals.subtotal + totals.tax_amount
