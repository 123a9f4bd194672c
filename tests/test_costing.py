"""Quotes computed by hand (the working is beside each figure) and the refusals."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from cncworkbench.core import costing
from cncworkbench.errors import ValidationError

PLATE = costing.CostInputs(
    machine="Tormach 1100MX",
    hourly_rate=D("1800"),
    cycle_seconds=D("754"),
    setup_minutes=D("30"),
    material="Aluminium 6061-T6",
    stock_volume_mm3=D("84") * D("54") * D("21"),  # 95 256 mm³
    density_g_cm3=D("2.70"),
    cost_per_kg=D("185.50"),
    tools=(
        costing.ToolUse(1, "10 mm 3F carbide flat", D("3.2"), D("120"), D("2450")),
        costing.ToolUse(2, "6 mm HSS-Co drill", D("0.85"), D("45"), D("380")),
    ),
)


def amounts(quote) -> dict[str, D]:
    return {line.key: line.amount for line in quote.lines}


def test_a_batch_of_25_plates_in_lira_to_the_kurus():
    quote = costing.compute(PLATE, 25)
    assert amounts(quote) == {
        "machine": D("9425.00"),  # 25 × 754 s = 18 850 s = 5,2361 h × 1800
        "setup": D("900.00"),  # 30 min × 1800 / 60
        "material": D("1192.72"),  # 95,256 cm³ × 2,70 = 0,2571912 kg × 25 × 185,50 = 1192,724
        "tool:1": D("1633.33"),  # 25 × 3,2 min = 80 / 120 × 2450 = 1633,333
        "tool:2": D("179.44"),  # 25 × 0,85 = 21,25 / 45 × 380 = 179,444
    }
    assert quote.batch_total == D("13330.49")  # the sum of the rounded lines
    assert quote.per_part == D("533.22")  # 13 330,49 / 25 = 533,2196
    assert costing.unit_price(quote) == D("533.2196")
    assert quote.missing == ()


def test_setup_time_is_spread_over_the_batch():
    one = costing.compute(PLATE, 1)
    hundred = costing.compute(PLATE, 100)
    # one plate carries the whole 900 TRY setup; a hundred carry 9 TRY each
    assert amounts(one)["setup"] == amounts(hundred)["setup"] == D("900.00")
    assert one.per_part - hundred.per_part > D("880")


def test_a_quote_in_dollars_converts_each_exact_line_then_rounds():
    quote = costing.compute(PLATE, 25, "USD", "34.20")
    assert amounts(quote) == {
        "machine": D("275.58"),  # 9425 / 34,20 = 275,5848
        "setup": D("26.32"),  # 900 / 34,20 = 26,3158
        "material": D("34.87"),  # 1192,72419 / 34,20 = 34,8750 (exact TRY, not 1192,72)
        "tool:1": D("47.76"),  # 1633,3333 / 34,20 = 47,7583
        "tool:2": D("5.25"),  # 179,4444 / 34,20 = 5,2469
    }
    assert quote.batch_total == D("389.78")


def test_missing_rates_are_named_and_there_is_no_total():
    from dataclasses import replace

    partial = replace(
        PLATE,
        hourly_rate=None,
        density_g_cm3=None,
        tools=(costing.ToolUse(3, "6 mm 3F", D("1"), None, D("900")),),
    )
    quote = costing.compute(partial, 10)
    assert quote.missing == (
        "machine 'Tormach 1100MX' has no hourly rate",
        "material 'Aluminium 6061-T6' has no density",
        "tool T3 '6 mm 3F' has no tool life",
    )
    assert quote.batch_total is None and quote.per_part is None
    with pytest.raises(ValidationError, match="incomplete: machine 'Tormach 1100MX'"):
        costing.unit_price(quote)


@pytest.mark.parametrize(
    ("quantity", "currency", "rate", "message"),
    [
        (0, "TRY", None, "quantity must be a whole number from 1"),
        ("2.5", "TRY", None, "quantity must be a whole number"),
        (-3, "TRY", None, "not '-3'"),
        (10, "GBP", None, "Unknown currency 'GBP'"),
        (10, "EUR", None, "needs the exchange rate"),
        (10, "EUR", "-1", "exchange rate must be more than 0"),
        (10, "EUR", "abc", "exchange rate must be a number"),
        (10, "EUR", "NaN", "exchange rate must be more than 0"),
    ],
)
def test_bad_requests_are_refused_naming_the_problem(quantity, currency, rate, message):
    with pytest.raises(ValidationError, match=message):
        costing.compute(PLATE, quantity, currency, rate)


def test_a_setup_time_beyond_a_day_is_refused():
    from dataclasses import replace

    with pytest.raises(ValidationError, match="at most 24 hours"):
        costing.compute(replace(PLATE, setup_minutes=D("2000")), 5)
