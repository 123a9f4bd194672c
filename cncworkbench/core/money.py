"""Money on invoices: exact decimals, KDV, Turkish half-up rounding, amounts in words
(Turkish, and English for an invoice's English copy or a quote in English).

Amounts are :class:`decimal.Decimal`, never floats. Each line's amount (quantity × unit
price) and each line's KDV are rounded half up to the kuruş (cent), as Turkish
e-invoices compute them line by line; the invoice's subtotal, KDV and total are sums of
those rounded figures, so the printed lines always add up to the printed totals.

Limits guard against typing errors ("absurd" amounts): they are far above any license
sale and far below what the NUMERIC(12,2) columns hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.core.text import upper
from cncworkbench.errors import ValidationError

CURRENCIES = ("TRY", "USD", "EUR")
# (main unit, sub unit) as Turkish invoices write them.
CURRENCY_WORDS = {
    "TRY": ("Türk lirası", "kuruş"),
    "USD": ("ABD doları", "sent"),
    "EUR": ("avro", "sent"),
}
# ((singular, plural) of the main unit, (singular, plural) of the sub unit) as English
# commercial invoices write them.
CURRENCY_WORDS_EN = {
    "TRY": (("Turkish lira", "Turkish lira"), ("kuruş", "kuruş")),
    "USD": (("US dollar", "US dollars"), ("cent", "cents")),
    "EUR": (("euro", "euros"), ("cent", "cents")),
}
CURRENCY_SIGNS = {"TRY": "TL", "USD": "USD", "EUR": "EUR"}
# KDV rates in force in Turkey (since July 2023: 1 %, 10 %, 20 %; 0 % for exports).
KDV_RATES = (Decimal("0"), Decimal("1"), Decimal("10"), Decimal("20"))
DEFAULT_KDV_RATE = Decimal("20")

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("100000000.00")  # 100 million per line, per invoice and per payment
MAX_QUANTITY = Decimal("100000")
MAX_LINES = 100
QUANTITY_PLACES = 3
UNIT_PRICE_PLACES = 4
MAX_DESCRIPTION = 500
MAX_UNIT = 20

# What the checks below may be asked about (``what``): translated when named in a message.
# A caller's own noun, already in the reader's language, is shown as it is.
FIELD_NAMES = (
    QT_TRANSLATE_NOOP("Money", "amount"),
    QT_TRANSLATE_NOOP("Money", "payment amount"),
    QT_TRANSLATE_NOOP("Money", "fee"),
    QT_TRANSLATE_NOOP("Money", "refund amount"),
    QT_TRANSLATE_NOOP("Money", "unit price"),
    QT_TRANSLATE_NOOP("Money", "quantity"),
    QT_TRANSLATE_NOOP("Money", "KDV rate"),
    QT_TRANSLATE_NOOP("Money", "line description"),
    QT_TRANSLATE_NOOP("Money", "unit"),
)


def _noun(what: str) -> str:
    return translate("Money", what)


def _sentence(message: str) -> str:
    """The message with a capital first letter: a translation may start with the noun."""
    return upper(message[:1], localefmt.current()) + message[1:]


def _exact(value: Decimal) -> str:
    """A Decimal with all its places (``12.50``), written with the reader's decimal mark."""
    return str(value).replace(".", i18n.number(0.5, 1)[1])


def round_kurus(value: Decimal) -> Decimal:
    """Half up to two decimals: 0.005 → 0.01, 2.345 → 2.35 (not banker's rounding)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def check_currency(code: str) -> str:
    """TRY, USD or EUR (any case; "TL" means TRY)."""
    cleaned = str(code).strip().upper()
    if cleaned == "TL":
        cleaned = "TRY"
    if cleaned not in CURRENCIES:
        raise ValidationError(
            translate("Money", "Unknown currency '{code}'; use TRY, USD or EUR.").format(
                code=str(code)[:10]
            )
        )
    return cleaned


_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")
_TURKISH = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$")
_ENGLISH = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$")
# 1.234 / 1,234: a thousands separator or a decimal mark? (0.005 and 0,005 are not.)
_AMBIGUOUS_DOT = re.compile(r"-?[1-9]\d{0,2}\.\d{3}")
_AMBIGUOUS_COMMA = re.compile(r"-?[1-9]\d{0,2},\d{3}")


def _ambiguous(typed: str, what: str) -> ValidationError:
    message = translate(
        "Money",
        "The {what} '{text}' is ambiguous (thousands separator or decimal mark?); write it "
        "without thousands separators, e.g. 1234 or 1234,5.",
    )
    return ValidationError(_sentence(message.format(what=_noun(what), text=typed)))


def _not_a_number(typed: str, what: str) -> ValidationError:
    message = translate("Money", "The {what} '{text}' is not a number.")
    return ValidationError(_sentence(message.format(what=_noun(what), text=typed)))


def parse_decimal(text: str, what: str) -> Decimal:
    """A number as people type it: ``1234.56``, ``1.234,56`` (Turkish), ``1,234.56``.

    A lone dot followed by exactly three digits (``1.234``) could be either a thousands
    separator or a decimal point, so it is refused rather than guessed.
    """
    raw = text.strip().replace(" ", "").replace("\u00a0", "")
    if not raw or len(raw) > 40:
        raise _not_a_number(text[:40], what)
    if "," in raw and "." in raw:
        if raw.rfind(",") > raw.rfind("."):  # 1.234,56
            if not _TURKISH.match(raw):
                raise _not_a_number(text, what)
            raw = raw.replace(".", "").replace(",", ".")
        else:  # 1,234.56
            if not _ENGLISH.match(raw):
                raise _not_a_number(text, what)
            raw = raw.replace(",", "")
    elif "," in raw:
        if _AMBIGUOUS_COMMA.fullmatch(raw):
            raise _ambiguous(text, what)
        if not _TURKISH.match(raw):
            raise _not_a_number(text, what)
        raw = raw.replace(",", ".")
    elif _AMBIGUOUS_DOT.fullmatch(raw):
        raise _ambiguous(text, what)
    elif raw.count(".") > 1:
        if not _TURKISH.match(raw):
            raise _not_a_number(text, what)
        raw = raw.replace(".", "")
    if not _PLAIN.match(raw):
        raise _not_a_number(text, what)
    return Decimal(raw)


def to_decimal(value: Decimal | int | str, what: str) -> Decimal:
    """A finite Decimal from a Decimal, an int or typed text; floats are a programming
    error (binary fractions cannot hold kuruş exactly)."""
    if isinstance(value, bool | float):
        raise TypeError(f"The {what} must be a Decimal, an int or text, not {type(value)}.")
    if isinstance(value, str):
        number = parse_decimal(value, what)
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, Decimal):
        number = value
    else:
        raise TypeError(f"The {what} must be a Decimal, an int or text, not {type(value)}.")
    if not number.is_finite():
        message = translate("Money", "The {what} must be a finite number.")
        raise ValidationError(_sentence(message.format(what=_noun(what))))
    return number


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def check_amount(
    value: Decimal | int | str, what: str, *, allow_zero: bool = False, places: int = 2
) -> Decimal:
    """A money amount: not negative (zero only if allowed), at most ``places`` decimals and
    not above :data:`MAX_AMOUNT`."""
    amount = to_decimal(value, what)
    if amount < 0:
        message = translate("Money", "The {what} must not be negative (got {amount}).")
        raise ValidationError(_sentence(message.format(what=_noun(what), amount=_exact(amount))))
    if amount == 0 and not allow_zero:
        message = translate("Money", "The {what} must be more than zero.")
        raise ValidationError(_sentence(message.format(what=_noun(what))))
    if amount > MAX_AMOUNT:
        shown = shown_amount(amount) if amount.adjusted() < 15 else f"{amount:.2E}"
        message = translate(
            "Money",
            "The {what} {amount} is above the limit of {limit}; check for a typing error.",
        )
        raise ValidationError(
            _sentence(
                message.format(what=_noun(what), amount=shown, limit=shown_amount(MAX_AMOUNT))
            )
        )
    if _places(amount) > places:
        message = translate("Money", "The {what} {amount} has more than {places} decimal places.")
        raise ValidationError(
            _sentence(message.format(what=_noun(what), amount=_exact(amount), places=places))
        )
    return amount


def check_quantity(value: Decimal | int | str) -> Decimal:
    quantity = to_decimal(value, "quantity")
    if quantity <= 0:
        raise ValidationError(
            translate("Money", "The quantity must be more than zero (got {quantity}).").format(
                quantity=_exact(quantity)
            )
        )
    if quantity > MAX_QUANTITY:
        raise ValidationError(
            translate("Money", "The quantity {quantity} is above the limit of {limit}.").format(
                quantity=_exact(quantity), limit=_exact(MAX_QUANTITY)
            )
        )
    if _places(quantity) > QUANTITY_PLACES:
        raise ValidationError(
            translate(
                "Money", "The quantity {quantity} has more than {places} decimal places."
            ).format(quantity=_exact(quantity), places=QUANTITY_PLACES)
        )
    return quantity


def check_kdv_rate(value: Decimal | int | str) -> Decimal:
    rate = to_decimal(value, "KDV rate")
    if rate not in KDV_RATES:
        percent = translate("Money", "{rate} %")
        allowed = ", ".join(percent.format(rate=_exact(r)) for r in KDV_RATES)
        raise ValidationError(
            translate("Money", "The KDV rate {rate} % is not one in force; use {allowed}.").format(
                rate=_exact(rate), allowed=allowed
            )
        )
    return rate.quantize(CENT)


@dataclass(frozen=True)
class LineInput:
    description: str
    quantity: Decimal | int | str
    unit_price: Decimal | int | str
    unit: str = "adet"


@dataclass(frozen=True)
class Line:
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal  # quantity × unit price, rounded to the kuruş
    tax_amount: Decimal  # amount × KDV rate / 100, rounded to the kuruş

    def as_json(self) -> dict[str, str]:
        """Exact decimal text, so the JSONB column never holds a binary fraction."""
        return {
            "description": self.description,
            "quantity": str(self.quantity),
            "unit": self.unit,
            "unit_price": str(self.unit_price),
            "amount": str(self.amount),
            "tax_amount": str(self.tax_amount),
        }


@dataclass(frozen=True)
class Totals:
    lines: tuple[Line, ...]
    tax_rate: Decimal
    subtotal: Decimal
    tax_amount: Decimal
    total: Decimal


def _clean_text(value: str, what: str, limit: int) -> str:
    cleaned = " ".join(str(value).split())
    if not cleaned:
        message = translate("Money", "The {what} is empty.")
        raise ValidationError(_sentence(message.format(what=_noun(what))))
    if len(cleaned) > limit:
        message = translate("Money", "The {what} is longer than {limit} characters.")
        raise ValidationError(_sentence(message.format(what=_noun(what), limit=limit)))
    if any(not ch.isprintable() for ch in cleaned):
        message = translate("Money", "The {what} contains control characters.")
        raise ValidationError(_sentence(message.format(what=_noun(what))))
    return cleaned


def compute_line(item: LineInput, tax_rate: Decimal) -> Line:
    description = _clean_text(item.description, "line description", MAX_DESCRIPTION)
    quantity = check_quantity(item.quantity)
    unit_price = check_amount(
        item.unit_price, "unit price", allow_zero=True, places=UNIT_PRICE_PLACES
    )
    amount = round_kurus(quantity * unit_price)
    if amount > MAX_AMOUNT:
        raise ValidationError(
            translate(
                "Money", "The line '{description}' comes to {amount}, above the limit of {limit}."
            ).format(
                description=description[:40],
                amount=shown_amount(amount),
                limit=shown_amount(MAX_AMOUNT),
            )
        )
    return Line(
        description=description,
        quantity=quantity,
        unit=_clean_text(item.unit, "unit", MAX_UNIT),
        unit_price=unit_price,
        amount=amount,
        tax_amount=round_kurus(amount * tax_rate / 100),
    )


def compute_totals(items: Iterable[LineInput], tax_rate: Decimal | int | str) -> Totals:
    """Lines, subtotal, KDV and total of an invoice (see the module text for rounding)."""
    rate = check_kdv_rate(tax_rate)
    items = list(items)
    if not items:
        raise ValidationError(translate("Money", "An invoice needs at least one line."))
    if len(items) > MAX_LINES:
        raise ValidationError(
            translate("Money", "An invoice has at most {count} lines.").format(count=MAX_LINES)
        )
    lines = tuple(compute_line(item, rate) for item in items)
    subtotal = sum((line.amount for line in lines), Decimal("0.00"))
    tax_amount = sum((line.tax_amount for line in lines), Decimal("0.00"))
    if subtotal == 0:
        raise ValidationError(
            translate("Money", "The invoice comes to zero; there is nothing to invoice.")
        )
    if subtotal + tax_amount > MAX_AMOUNT:
        raise ValidationError(
            translate(
                "Money",
                "The invoice total {total} is above the limit of {limit}; split it or check "
                "for a typing error.",
            ).format(total=shown_amount(subtotal + tax_amount), limit=shown_amount(MAX_AMOUNT))
        )
    return Totals(lines, rate, subtotal, tax_amount, subtotal + tax_amount)


def currency_sign(currency: str, language: str = "tr") -> str:
    """What follows an amount: ``TL``, ``USD``, ``EUR`` in Turkish; the ISO code (``TRY``)
    in English, where "TL" means nothing to the reader."""
    return CURRENCY_SIGNS[currency] if language == "tr" else currency


def format_amount(amount: Decimal, currency: str | None = None, language: str = "tr") -> str:
    """Turkish notation: ``1.234.567,89`` (and `` TL``/`` USD``/`` EUR`` if given);
    ``language="en"``: ``1,234,567.89`` (and `` TRY``/`` USD``/`` EUR``)."""
    text = _notation(round_kurus(amount), 2, language)
    return f"{text} {currency_sign(currency, language)}" if currency else text


def shown_amount(amount: Decimal, currency: str | None = None) -> str:
    """:func:`format_amount` in the language the program speaks now (panels, messages);
    documents choose their language themselves."""
    return format_amount(amount, currency, localefmt.current())


def format_unit_price(price: Decimal, language: str = "tr") -> str:
    """``1.500,00``; unit prices with more places keep them (``0,1234``); ``1,500.00`` in
    English."""
    return _notation(price, max(2, _places(price)), language)


def _turkish(value: Decimal, places: int) -> str:
    return f"{value:,.{places}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _notation(value: Decimal, places: int, language: str) -> str:
    return _turkish(value, places) if language == "tr" else f"{value:,.{places}f}"


def format_quantity(quantity: Decimal, language: str = "tr") -> str:
    """``5``, ``1,5``: no trailing zeros, decimal comma (``1.5`` in English)."""
    text = f"{quantity.normalize():f}"
    return text.replace(".", ",") if language == "tr" else text


_ONES = ("", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz")
_TENS = ("", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan")
_SCALES = ((10**9, "milyar"), (10**6, "milyon"), (10**3, "bin"))


def _below_thousand(number: int) -> list[str]:
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    words = []
    if hundreds:
        # "yüz", not "bir yüz"
        words += ["yüz"] if hundreds == 1 else [_ONES[hundreds], "yüz"]
    if tens:
        words.append(_TENS[tens])
    if ones:
        words.append(_ONES[ones])
    return words


def number_in_words(number: int) -> str:
    """A whole number in Turkish words: 1234 → "bin iki yüz otuz dört"."""
    # "bin", not "bir bin"; but "bir milyon", "bir milyar"
    return _in_words(number, "sıfır", _SCALES, _below_thousand, bare_thousand=True)


def _in_words(number: int, zero: str, scales, below_thousand, bare_thousand=False) -> str:
    """``number`` (0 … 10¹² − 1) in words, scale by scale (billions, millions, thousands)."""
    if number < 0 or number >= 10**12:
        raise ValueError(f"{number} is outside 0 … 999 999 999 999")
    if number == 0:
        return zero
    words: list[str] = []
    for scale, name in scales:
        group, number = divmod(number, scale)
        if group:
            bare = bare_thousand and group == 1 and scale == 1000
            words += ([] if bare else below_thousand(group)) + [name]
    return " ".join(words + below_thousand(number))


def _whole_and_cents(amount: Decimal, currency: str) -> tuple[str, int, int]:
    currency = check_currency(currency)
    rounded = round_kurus(amount)
    if rounded < 0:
        raise ValidationError(
            translate("Money", "A negative amount cannot be written in words on an invoice.")
        )
    whole = int(rounded)
    return currency, whole, int((rounded - whole) * 100)


def amount_in_words(amount: Decimal, currency: str, language: str = "tr") -> str:
    """1234.56 TRY → "bin iki yüz otuz dört Türk lirası elli altı kuruş"; in English
    (``language="en"``) :func:`amount_in_english_words`."""
    if language != "tr":
        return amount_in_english_words(amount, currency)
    currency, whole, cents = _whole_and_cents(amount, currency)
    main, sub = CURRENCY_WORDS[currency]
    text = f"{number_in_words(whole)} {main}"
    if cents:
        text += f" {number_in_words(cents)} {sub}"
    return text


_ONES_EN = (
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS_EN = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES_EN = ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def _below_thousand_en(number: int) -> list[str]:
    hundreds, rest = divmod(number, 100)
    words = [_ONES_EN[hundreds], "hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS_EN[tens] + (f"-{_ONES_EN[ones]}" if ones else ""))
    elif rest:
        words.append(_ONES_EN[rest])
    return words


def number_in_english_words(number: int) -> str:
    """A whole number in English words as cheques and invoices write them (no "and"
    inside the number, hyphens from twenty-one to ninety-nine): 1234 → "one thousand two
    hundred thirty-four"."""
    return _in_words(number, "zero", _SCALES_EN, _below_thousand_en)


def amount_in_english_words(amount: Decimal, currency: str) -> str:
    """1234.56 TRY → "one thousand two hundred thirty-four Turkish lira and fifty-six
    kuruş"; 1 USD → "one US dollar"; 0.01 EUR → "zero euros and one cent"."""
    currency, whole, cents = _whole_and_cents(amount, currency)
    (main, mains), (sub, subs) = CURRENCY_WORDS_EN[currency]
    text = f"{number_in_english_words(whole)} {main if whole == 1 else mains}"
    if cents:
        text += f" and {number_in_english_words(cents)} {sub if cents == 1 else subs}"
    return text


def total_in_words(amount: Decimal, currency: str, language: str = "tr") -> str:
    """An invoice's total in words as it is printed under the total: "Yalnız bin iki yüz
    otuz dört Türk lirası elli altı kuruş" in Turkish; in English the commercial
    invoice's "One thousand two hundred thirty-four Turkish lira and fifty-six kuruş
    only"."""
    if language == "tr":
        return "Yalnız " + amount_in_words(amount, currency)
    words = amount_in_english_words(amount, currency)
    return f"{words[:1].upper()}{words[1:]} only"
