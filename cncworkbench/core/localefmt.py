"""Numbers, money and dates as the reader's language writes them.

Turkish: ``1.234,56``, ``1.234,56 ₺``, ``25.11.2026 14:05``; English: ``1,234.56``,
``₺1,234.56``, ``2026-11-25 14:05``. Pure Python (no Qt), so services and the CLI format
the same way as the panels.

The language is, in this order: the ``language`` argument; the one spoken for a while
(:func:`speaking`: a worker running a user's job, a report printed for a reader of the
other language); the one the program is shown in (:func:`use`, which the GUI calls when it
installs a translation: the logged-in user's ``locale``); the ``CNC_LOCALE`` environment
variable; Turkish.
"""

from __future__ import annotations

import contextlib
import os
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

LANGUAGES = ("tr", "en")
DEFAULT_LANGUAGE = "tr"
CURRENCY_SYMBOLS = {"TRY": "₺", "USD": "$", "EUR": "€"}

_current: str | None = None
# Per thread (and asyncio task): a worker's job threads each speak their user's language.
_speaking: ContextVar[str | None] = ContextVar("cncworkbench_speaking", default=None)


def normalise(code: str | None) -> str | None:
    """``"tr_TR.UTF-8"`` → ``"tr"``, ``"en-GB"`` → ``"en"``; None for other languages."""
    if not code:
        return None
    language = code.replace("-", "_").split("_")[0].split(".")[0].lower()
    return language if language in LANGUAGES else None


def use(language: str | None) -> None:
    """The language the program is shown in from now on (None: back to the default)."""
    global _current
    _current = normalise(language)


def current() -> str:
    return _speaking.get() or _current or forced() or DEFAULT_LANGUAGE


def forced() -> str | None:
    """The language ``CNC_LOCALE`` imposes on everyone (demos, tests), if any."""
    return normalise(os.environ.get("CNC_LOCALE"))


@contextlib.contextmanager
def speaking(language: str | None):
    """Messages and numbers in ``language`` inside the block, in this thread only (None or
    an unknown language: no change)."""
    token = _speaking.set(normalise(language) or _speaking.get())
    try:
        yield
    finally:
        _speaking.reset(token)


def _separators(language: str) -> tuple[str, str]:
    """(thousands, decimal point)."""
    return (".", ",") if language == "tr" else (",", ".")


def number(
    value: float | int | Decimal | None,
    decimals: int = 2,
    language: str | None = None,
    trim: bool = False,
    grouping: bool = True,
) -> str:
    """``1.234,56`` / ``1,234.56``; ``trim`` drops trailing zeros (``6,35``, ``6``); "" for
    None."""
    if value is None:
        return ""
    from decimal import ROUND_HALF_UP, Decimal  # here: most commands print no number

    language = normalise(language) or current()
    quantum = Decimal(1).scaleb(-decimals)
    amount = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    if amount == 0:
        amount = abs(amount)  # no "-0,00"
    text = f"{amount:{',' if grouping else ''}.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    thousands, point = _separators(language)
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)


def integer(value: int | None, language: str | None = None) -> str:
    """``12.345`` / ``12,345``."""
    return number(value, 0, language)


def money(amount: Decimal | float | int | None, currency: str = "TRY", language=None) -> str:
    """``1.234,56 ₺`` in Turkish, ``₺1,234.56`` in English; "" for None."""
    if amount is None:
        return ""
    language = normalise(language) or current()
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    text = number(amount, 2, language)
    if language == "tr":
        return f"{text} {symbol}"
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    return f"{sign}{symbol}{digits}" if len(symbol) == 1 else f"{text} {symbol}"


def percent(value: float | None, decimals: int = 0, language: str | None = None) -> str:
    """``%12`` in Turkish (the sign first), ``12%`` in English."""
    if value is None:
        return ""
    language = normalise(language) or current()
    text = number(value, decimals, language, trim=True)
    return f"%{text}" if language == "tr" else f"{text}%"


def parse_number(text: str, language: str | None = None) -> float:
    """What a person typed, in their language (``1.234,5`` or ``1,234.5``; a lone comma
    is a decimal point in either): ValueError when it is not a number."""
    language = normalise(language) or current()
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    thousands, point = _separators(language)
    if point in cleaned:
        cleaned = cleaned.replace(thousands, "").replace(point, ".")
    elif cleaned.count(thousands) == 1 and language == "en" and "," in cleaned:
        # "2,5" typed by a Turkish hand in an English program: a decimal comma
        head, tail = cleaned.split(",")
        cleaned = f"{head}.{tail}" if len(tail) != 3 else head + tail
    return float(cleaned)
