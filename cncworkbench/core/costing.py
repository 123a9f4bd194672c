"""What a part costs to make: machine time, setup, stock material and tool wear.

Pure arithmetic on :class:`~decimal.Decimal` (no database, no Qt). The catalog's rates
(``machines.hourly_rate``, ``materials.cost_per_kg``, ``tools.cost``) are in the shop's
currency, Turkish lira; a quote in USD or EUR divides by an exchange rate the user gives
(TRY per unit), never one we guess.

Each cost line is computed exactly for the whole batch and rounded half up to the kuruş
(cent) once; the batch total is the sum of the rounded lines, so a printed quote always
adds up; the per-part figure is the batch total divided by the quantity, rounded.

    machine   cycle time × quantity × hourly rate
    setup     setup time (once per batch, tool changes included in the cycle) × hourly rate
    material  stock volume × density × cost per kg, per part × quantity
    tools     for each tool: cutting minutes × quantity / tool life × tool cost

Missing inputs (a machine without an hourly rate, a material without a density, a tool
without a life or cost) are named in :attr:`Quote.missing`, and then there is no total:
a quote that silently counts something as free is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import ValidationError

CENT = Decimal("0.01")
SHOP_CURRENCY = "TRY"
CURRENCIES = ("TRY", "USD", "EUR")
MAX_QUANTITY = 1_000_000
MAX_SETUP_MINUTES = Decimal(24 * 60)
DEFAULT_SETUP_MINUTES = Decimal(30)

# What a positive number of the request is called in its messages.
_NOT_A_NUMBER = {
    "rate": QT_TRANSLATE_NOOP("Costing", "The exchange rate must be a number, not '{value}'."),
    "setup": QT_TRANSLATE_NOOP("Costing", "The setup time must be a number, not '{value}'."),
}
_NOT_POSITIVE = {
    "rate": QT_TRANSLATE_NOOP("Costing", "The exchange rate must be more than 0, not {value}."),
    "setup": QT_TRANSLATE_NOOP("Costing", "The setup time must be more than 0, not {value}."),
}


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ToolUse:
    """One tool of the program: how long it cuts per part and what it costs to wear."""

    number: int
    name: str
    cutting_minutes: Decimal  # per part
    life_minutes: Decimal | None
    cost: Decimal | None  # TRY per tool


@dataclass(frozen=True)
class CostInputs:
    machine: str
    hourly_rate: Decimal | None  # TRY per hour
    cycle_seconds: Decimal  # per part, tool changes included
    setup_minutes: Decimal  # per batch
    material: str
    stock_volume_mm3: Decimal  # per part
    density_g_cm3: Decimal | None
    cost_per_kg: Decimal | None  # TRY per kg
    tools: tuple[ToolUse, ...] = ()


@dataclass(frozen=True)
class CostLine:
    key: str  # machine, setup, material, tool:N
    label: str
    basis: str  # how it was computed, in numbers
    amount: Decimal  # for the batch, in the quote's currency, rounded to the cent


@dataclass(frozen=True)
class Quote:
    quantity: int
    currency: str
    exchange_rate: Decimal  # TRY per unit of ``currency`` (1 for TRY)
    lines: tuple[CostLine, ...]
    missing: tuple[str, ...] = field(default_factory=tuple)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def batch_total(self) -> Decimal | None:
        return sum((line.amount for line in self.lines), Decimal(0)) if self.complete else None

    @property
    def per_part(self) -> Decimal | None:
        total = self.batch_total
        return None if total is None else _cents(total / self.quantity)


def _positive_decimal(value, what: str, allow_zero: bool = False) -> Decimal:
    """``value`` as a Decimal; ``what`` is "rate" (the exchange rate) or "setup" (the setup
    time), naming it in the messages."""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise ValidationError(
            translate("Costing", _NOT_A_NUMBER[what]).format(value=str(value)[:20])
        ) from None
    if not number.is_finite() or number < 0 or (number == 0 and not allow_zero):
        raise ValidationError(translate("Costing", _NOT_POSITIVE[what]).format(value=value))
    return number


def check_request(
    quantity, currency: str, exchange_rate, setup_minutes
) -> tuple[int, str, Decimal, Decimal]:
    """The quote's parameters, checked: (quantity, currency, TRY per unit, setup min)."""
    text = str(quantity).strip()
    if isinstance(quantity, bool) or not text.isdigit() or not 1 <= int(text) <= MAX_QUANTITY:
        raise ValidationError(
            translate(
                "Costing", "The quantity must be a whole number from 1 to {max}, not '{text}'."
            ).format(max=localefmt.integer(MAX_QUANTITY), text=text[:20])
        )
    count = int(text)
    code = str(currency).strip().upper()
    if code == "TL":
        code = "TRY"
    if code not in CURRENCIES:
        raise ValidationError(
            translate("Costing", "Unknown currency '{currency}'; use TRY, USD or EUR.").format(
                currency=str(currency)[:10]
            )
        )
    if code == SHOP_CURRENCY:
        rate = Decimal(1)
    elif exchange_rate is None:
        raise ValidationError(
            translate(
                "Costing",
                "A quote in {currency} needs the exchange rate (TRY per {currency}); the "
                "catalog's rates are in Turkish lira.",
            ).format(currency=code)
        )
    else:
        rate = _positive_decimal(exchange_rate, "rate")
    minutes = _positive_decimal(setup_minutes, "setup", allow_zero=True)
    if minutes > MAX_SETUP_MINUTES:
        raise ValidationError(
            translate(
                "Costing", "The setup time must be at most 24 hours, not {minutes} min."
            ).format(minutes=i18n.number(minutes))
        )
    return count, code, rate, minutes


def _number(value: Decimal, places: int = 2) -> str:
    """``1.234,56`` in Turkish, ``1,234.56`` in English (``places`` decimals kept)."""
    return localefmt.number(value, places)


def compute(inputs: CostInputs, quantity, currency: str = "TRY", exchange_rate=None) -> Quote:
    """The quote for ``quantity`` parts (module docs); see :attr:`Quote.missing`."""
    count, code, rate, setup_minutes = check_request(
        quantity, currency, exchange_rate, inputs.setup_minutes
    )
    missing: list[str] = []
    lines: list[CostLine] = []

    def add(key: str, label: str, basis: str, try_amount: Decimal) -> None:
        lines.append(CostLine(key, label, basis, _cents(try_amount / rate)))

    hours = inputs.cycle_seconds * count / 3600
    if inputs.hourly_rate is None:
        missing.append(
            translate("Costing", "machine '{machine}' has no hourly rate").format(
                machine=inputs.machine
            )
        )
    else:
        add(
            "machine",
            translate("Costing", "Machine time on {machine}").format(machine=inputs.machine),
            translate("Costing", "{count} × {minutes} min × {rate} TRY/h").format(
                count=count,
                minutes=_number(inputs.cycle_seconds / 60),
                rate=_number(inputs.hourly_rate),
            ),
            hours * inputs.hourly_rate,
        )
        add(
            "setup",
            translate("Costing", "Setup (once per batch)"),
            translate("Costing", "{minutes} min × {rate} TRY/h").format(
                minutes=_number(setup_minutes, 0), rate=_number(inputs.hourly_rate)
            ),
            setup_minutes / 60 * inputs.hourly_rate,
        )
    if inputs.density_g_cm3 is None:
        missing.append(
            translate("Costing", "material '{material}' has no density").format(
                material=inputs.material
            )
        )
    if inputs.cost_per_kg is None:
        missing.append(
            translate("Costing", "material '{material}' has no cost per kg").format(
                material=inputs.material
            )
        )
    if inputs.density_g_cm3 is not None and inputs.cost_per_kg is not None:
        kilograms = inputs.stock_volume_mm3 / 1000 * inputs.density_g_cm3 / 1000
        add(
            "material",
            translate("Costing", "Stock material ({material})").format(material=inputs.material),
            translate("Costing", "{count} × {kilograms} kg × {price} TRY/kg").format(
                count=count, kilograms=_number(kilograms, 3), price=_number(inputs.cost_per_kg)
            ),
            kilograms * count * inputs.cost_per_kg,
        )
    for tool in inputs.tools:
        if tool.life_minutes is None or tool.life_minutes <= 0:
            missing.append(
                translate("Costing", "tool T{number} '{name}' has no tool life").format(
                    number=tool.number, name=tool.name
                )
            )
        if tool.cost is None:
            missing.append(
                translate("Costing", "tool T{number} '{name}' has no cost").format(
                    number=tool.number, name=tool.name
                )
            )
        if tool.life_minutes and tool.life_minutes > 0 and tool.cost is not None:
            add(
                f"tool:{tool.number}",
                translate("Costing", "Tool wear T{number} ({name})").format(
                    number=tool.number, name=tool.name
                ),
                translate("Costing", "{count} × {minutes} min / {life} min × {cost} TRY").format(
                    count=count,
                    minutes=_number(tool.cutting_minutes),
                    life=_number(tool.life_minutes, 0),
                    cost=_number(tool.cost),
                ),
                tool.cutting_minutes * count / tool.life_minutes * tool.cost,
            )
    return Quote(count, code, rate, tuple(lines), tuple(missing))


def incomplete(quote: Quote) -> str:
    """The message of a quote that cannot be priced: what is missing."""
    return translate("Costing", "The quote is incomplete: {missing}.").format(
        missing="; ".join(quote.missing)
    )


def unit_price(quote: Quote) -> Decimal:
    """The per-part price to 4 places (an invoice line's unit price)."""
    total = quote.batch_total
    if total is None:
        raise ValidationError(incomplete(quote))
    return (total / quote.quantity).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
