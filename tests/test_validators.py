"""Turkish validation by the official check-digit algorithms, with hand-worked examples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cncworkbench.core import validators
from cncworkbench.errors import ValidationError


def make_tckn(first_nine: str) -> str:
    d = [int(c) for c in first_nine]
    tenth = (sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10
    eleventh = (sum(d) + tenth) % 10
    return first_nine + str(tenth) + str(eleventh)


def test_tckn_hand_checked():
    # 10000000146: odd positions 1+0+0+0+1 = 2, even 0+0+0+0 = 0;
    # d10 = (2·7 − 0) mod 10 = 4; d11 = (1+0+0+0+0+0+0+0+1+4) mod 10 = 6.
    assert validators.tckn_is_valid("10000000146")
    assert not validators.tckn_is_valid("10000000147")  # wrong d11
    assert not validators.tckn_is_valid("10000000156")  # wrong d10
    assert not validators.tckn_is_valid("01000000146")  # may not start with 0
    assert not validators.tckn_is_valid("1000000014")  # 10 digits
    assert not validators.tckn_is_valid("1000000014a")
    assert not validators.tckn_is_valid("１0000000146")  # full-width digit


def test_vkn_hand_checked():
    # 1234567890: for i = 1..9, t = (dᵢ + 10 − i) mod 10 = 0,0,0,0,0,0,0,0,0 (d + 10 − i
    # = 10 every time), so every v is 0, Σ = 0, check = (10 − 0) mod 10 = 0 → valid.
    assert validators.vkn_is_valid("1234567890")
    # 0000000017: t = 9,8,7,6,5,4,3,2,2 → v = 9·2⁹ mod 9 = 0 → 9 (t ≠ 0), 8·2⁸ mod 9 = 5,
    # 7·2⁷ mod 9 = 5, 6·2⁶ mod 9 = 6, 5·2⁵ mod 9 = 7, 4·2⁴ mod 9 = 1, 3·2³ mod 9 = 6,
    # 2·2² mod 9 = 8, 2·2¹ mod 9 = 4; Σ = 51, check = (10 − 1) mod 10 = 9.
    assert validators.vkn_is_valid("0000000019")
    assert not validators.vkn_is_valid("0000000017")
    assert not validators.vkn_is_valid("1234567891")
    assert not validators.vkn_is_valid("123456789")


@given(
    st.text(alphabet="123456789", min_size=1, max_size=1),
    st.text(alphabet="0123456789", min_size=8, max_size=8),
)
def test_every_generated_tckn_is_valid_and_any_single_digit_change_is_caught(first, rest):
    tckn = make_tckn(first + rest)
    assert validators.tckn_is_valid(tckn)
    for position in (9, 10):  # the check digits
        for digit in "0123456789":
            if digit != tckn[position]:
                changed = tckn[:position] + digit + tckn[position + 1 :]
                assert not validators.tckn_is_valid(changed)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_exactly_one_vkn_check_digit_fits(first_nine):
    fitting = [d for d in "0123456789" if validators.vkn_is_valid(first_nine + d)]
    assert len(fitting) == 1


def test_check_tax_number_names_the_problem():
    assert validators.check_tax_number(" 1234567890 ") == "1234567890"
    assert validators.check_tax_number("10000000146") == "10000000146"
    with pytest.raises(ValidationError, match="fails its check digits"):
        validators.check_tax_number("1234567891")
    with pytest.raises(ValidationError, match="TCKN '10000000147' fails"):
        validators.check_tax_number("10000000147")
    with pytest.raises(ValidationError, match="has 9 digits"):
        validators.check_tax_number("123456789")
    with pytest.raises(ValidationError, match="digits only"):
        validators.check_tax_number("12345abcde")


@pytest.mark.parametrize(
    "written",
    [
        "0532 123 45 67",
        "+90 532 123 45 67",
        "+90 (532) 123-45-67",
        "905321234567",
        "5321234567",
        "0 (532) 123 45 67",
        "532.123.45.67",
    ],
)
def test_turkish_mobile_numbers_normalise_to_e164(written):
    assert validators.normalise_tr_phone(written, mobile_only=True) == "+905321234567"


def test_phone_errors():
    assert validators.normalise_tr_phone("0312 555 12 34") == "+903125551234"  # Ankara line
    with pytest.raises(ValidationError, match="not a Turkish mobile"):
        validators.normalise_tr_phone("0312 555 12 34", mobile_only=True)
    with pytest.raises(ValidationError, match="expected 10 digits"):
        validators.normalise_tr_phone("0532 123 45")
    with pytest.raises(ValidationError, match=r"not a Turkish number \(\+90\)"):
        validators.normalise_tr_phone("+49 151 2345 6789")
    with pytest.raises(ValidationError, match="unexpected characters"):
        validators.normalise_tr_phone("0532; DROP TABLE users")
    with pytest.raises(ValidationError, match="too long"):
        validators.normalise_tr_phone("5" * 500)


@given(st.text(max_size=300))
def test_hostile_phone_input_never_crashes(text):
    try:
        result = validators.normalise_tr_phone(text)
    except ValidationError as error:
        assert len(str(error)) < 300  # the message quotes the input shortened
    else:
        assert result.startswith("+90") and len(result) == 13


def test_emails_locales_and_time_zones():
    assert validators.normalise_email("  Ayse.Yilmaz@Firma.COM.tr ") == "ayse.yilmaz@firma.com.tr"
    for bad in ("ayse", "ayse@", "@firma.com", "a b@firma.com", "ayse@firma", "x" * 300 + "@a.com"):
        with pytest.raises(ValidationError):
            validators.normalise_email(bad)
    assert validators.check_locale("tr") == "tr"
    with pytest.raises(ValidationError, match="Unknown language"):
        validators.check_locale("de")
    assert validators.check_timezone("Europe/Istanbul") == "Europe/Istanbul"
    for bad in ("Mars/Olympus", "../../etc/passwd", ""):
        with pytest.raises(ValidationError, match="Unknown time zone"):
            validators.check_timezone(bad)
