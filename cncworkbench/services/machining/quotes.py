"""Quotes: what a CAM run's part costs to make (:mod:`cncworkbench.core.costing`) from the
catalog's rates and the run's times, and an invoice draft from a quote."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import costing, i18n, localefmt, money, timefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.models import CamRun, Machine, Material, Model, Setup, Tool
from cncworkbench.errors import UserError, ValidationError
from cncworkbench.services import pdf_process
from cncworkbench.services.access.audit import Actor


@dataclass(frozen=True)
class QuoteResult:
    cam_run_id: int
    part: str
    quote: costing.Quote
    inputs: costing.CostInputs

    def as_json(self) -> dict[str, Any]:
        quote = self.quote
        return {
            "cam_run_id": self.cam_run_id,
            "part": self.part,
            "machine": self.inputs.machine,
            "material": self.inputs.material,
            "quantity": quote.quantity,
            "currency": quote.currency,
            "exchange_rate": str(quote.exchange_rate),
            "cycle_time_s": str(self.inputs.cycle_seconds),
            "setup_minutes": str(self.inputs.setup_minutes),
            "lines": [
                {
                    "key": line.key,
                    "label": line.label,
                    "basis": line.basis,
                    "amount": str(line.amount),
                }
                for line in quote.lines
            ],
            "missing": list(quote.missing),
            "batch_total": None if quote.batch_total is None else str(quote.batch_total),
            "per_part": None if quote.per_part is None else str(quote.per_part),
        }


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class ProgramTimes:
    """What pricing needs of a program: its cycle time, how much of its motion time is
    cutting, and each tool's time in its operations."""

    cycle_s: float
    cutting_s: float
    rapid_s: float
    seconds_by_tool: dict[int, float]
    tools: list[dict[str, Any]]  # {"number", "name", "tool_id"}

    @classmethod
    def of_run(cls, run: CamRun) -> ProgramTimes:
        paths = run.tool_paths or {}
        return cls._of(
            run.estimated_time_seconds, paths.get("cutting_s"), paths.get("rapid_s"),
            [(op.get("tool_number"), op.get("time_s")) for op in paths.get("operations", [])],
            (run.cutting_params or {}).get("tools", []),
        )  # fmt: skip

    @classmethod
    def of_program(cls, plan, finished) -> ProgramTimes:
        """From a program generated in FreeCAD (not stored yet)."""
        times = zip(plan.operations, finished.per_operation_s, strict=False)
        ops = [(op.tool_number, seconds) for op, seconds in times]
        tools = [{"number": t.number, "name": t.name, "tool_id": t.tool_id} for t in plan.tools]
        run_time = finished.run_time
        return cls._of(run_time.total_s, run_time.cutting_s, run_time.rapid_s, ops, tools)

    @classmethod
    def _of(cls, cycle_s, cutting_s, rapid_s, op_times, tools) -> ProgramTimes:
        by_tool: dict[int, float] = {}
        for number, seconds in op_times:
            by_tool[number] = by_tool.get(number, 0.0) + float(seconds or 0)
        return cls(float(cycle_s or 0), float(cutting_s or 0), float(rapid_s or 0), by_tool, tools)


def cost_inputs(
    session: Session,
    times: ProgramTimes,
    machine_id: int,
    material_id: int,
    stock_size_mm: tuple[float, float, float],
    setup_minutes=costing.DEFAULT_SETUP_MINUTES,
) -> costing.CostInputs:
    """The catalog's rates as they are now for ``machine_id``, ``material_id`` and the
    program's tools, with the program's times."""
    machine = session.get(Machine, machine_id)
    material = session.get(Material, material_id)
    if machine is None or material is None:
        raise ValidationError(
            translate("Quotes", "The machine or the material is no longer in the catalog.")
        )
    moving = times.cutting_s + times.rapid_s
    # Operation times include their rapids; wear counts the cutting share of them.
    share = times.cutting_s / moving if moving > 0 else 1.0
    tools = []
    for spec in times.tools:
        row = session.get(Tool, spec.get("tool_id")) if spec.get("tool_id") else None
        seconds = times.seconds_by_tool.get(spec["number"], 0.0)
        tools.append(
            costing.ToolUse(
                spec["number"],
                spec.get("name", ""),
                Decimal(str(round(seconds * share / 60, 3))),
                None if row is None else _decimal(row.tool_life_minutes),
                None if row is None else _decimal(row.cost),
            )
        )
    x, y, z = (Decimal(str(v)) for v in stock_size_mm)
    return costing.CostInputs(
        machine=machine.name,
        hourly_rate=_decimal(machine.hourly_rate),
        cycle_seconds=Decimal(str(round(times.cycle_s))),
        setup_minutes=Decimal(str(setup_minutes)),
        material=material.name,
        stock_volume_mm3=x * y * z,
        density_g_cm3=_decimal(material.density_g_cm3),
        cost_per_kg=_decimal(material.cost_per_kg),
        tools=tuple(tools),
    )


def run_inputs(
    session: Session,
    run: CamRun,
    setup_minutes=costing.DEFAULT_SETUP_MINUTES,
    machine_id: int | None = None,
    material_id: int | None = None,
) -> costing.CostInputs:
    """``cost_inputs`` for a stored CAM run: its setup's stock, machine and material
    (or the given ones: "what if this ran on the other machine")."""
    setup = session.get(Setup, run.setup_id) if run.setup_id is not None else None
    if setup is None:
        raise ValidationError(
            translate("Quotes", "CAM run {id} has no setup (stock, machine) to price.").format(
                id=run.id
            )
        )
    if run.estimated_time_seconds is None:
        raise ValidationError(
            translate("Quotes", "CAM run {id} has no estimated cycle time.").format(id=run.id)
        )
    if material_id is None:
        material_id = setup.stock_material_id or session.scalar(
            sa.select(Material.id).where(
                Material.name == (run.cutting_params or {}).get("material")
            )
        )
    if material_id is None:
        raise ValidationError(
            translate("Quotes", "CAM run {id}'s stock material is not in the catalog.").format(
                id=run.id
            )
        )
    size = (setup.stock_x_mm, setup.stock_y_mm, setup.stock_z_mm)
    # A program posted again for another machine (gcode_post) is priced on that machine.
    machine_id = machine_id or (run.cutting_params or {}).get("machine_id") or setup.machine_id
    return cost_inputs(
        session, ProgramTimes.of_run(run), machine_id, material_id, size, setup_minutes
    )


def latest_run(session: Session, setup_id: int) -> CamRun | None:
    """The setup's newest completed CAM run."""
    return session.scalar(
        sa.select(CamRun)
        .where(CamRun.setup_id == setup_id, CamRun.status == "completed")
        .order_by(CamRun.id.desc())
        .limit(1)
    )


def quote_cam_run(
    session: Session,
    actor: Actor,
    cam_run_id: int,
    quantity,
    currency: str = "TRY",
    exchange_rate=None,
    setup_minutes=costing.DEFAULT_SETUP_MINUTES,
) -> QuoteResult:
    require(actor.role, Permission.CAM_READ)
    run = session.get(CamRun, cam_run_id)
    if run is None:
        raise ValidationError(
            translate("Quotes", "There is no CAM run {id}.").format(id=cam_run_id)
        )
    inputs = run_inputs(session, run, setup_minutes)
    model = session.get(Model, run.model_id)
    quote = costing.compute(inputs, quantity, currency, exchange_rate)
    return QuoteResult(run.id, model.name if model else "", quote, inputs)


def invoice_lines(result: QuoteResult) -> list[money.LineInput]:
    """The quote as one invoice line: the part and quantity at the per-part price (to 4
    places, so quantity × price is the batch total within a kuruş); the buyer sees what
    was made, not our cost breakdown."""
    quote = result.quote
    if not quote.complete:
        raise ValidationError(costing.incomplete(quote))
    description = f"{result.part} işleme ({result.inputs.material}, {result.inputs.machine})"
    return [money.LineInput(description, quote.quantity, costing.unit_price(quote), "adet")]


def draft_invoice(
    session: Session, actor: Actor, result: QuoteResult, buyer_id: int, tax_rate=None
) -> int:
    """An invoice draft for ``buyer_id`` with the quote as its line (billing's rules and
    permissions apply); the draft's id."""
    from cncworkbench.services.commerce import billing

    rate = money.DEFAULT_KDV_RATE if tax_rate is None else tax_rate
    invoice = billing.create_invoice(
        session, actor, buyer_id, invoice_lines(result), result.quote.currency, rate,
        notes=f"Teklif: CAM çalışması #{result.cam_run_id}, {result.quote.quantity} adet.",
    )  # fmt: skip
    return invoice.id


class QuoteFailed(UserError):
    """The quote PDF could not be drawn."""


# The quote's own names of the cost lines (the tool lines name their tool).
LINE_LABELS = {
    "machine": QT_TRANSLATE_NOOP("QuotePdf", "Machine time"),
    "setup": QT_TRANSLATE_NOOP("QuotePdf", "Preparation (once per batch)"),
    "material": QT_TRANSLATE_NOOP("QuotePdf", "Raw material"),
}


def _minutes_text(seconds: Decimal) -> str:
    """``10 dk 00 sn / parça``, ``10 min 00 s / part``."""
    whole = int(seconds)
    return translate("QuotePdf", "{minutes} min {seconds} s / part").format(
        minutes=whole // 60, seconds=f"{whole % 60:02d}"
    )


def printable_quote(
    result: QuoteResult,
    prepared_by: str = "",
    now: dt.datetime | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """The quote as the PDF renderer takes it, in ``language`` (default: the one the
    program speaks now): labels, the cost lines' wording, amounts and the date."""
    # a quote is a commercial offer, written in the language of whoever asked for it
    language = i18n.document_language(language, localefmt.current())
    with localefmt.speaking(language):
        return _printable_quote(result, prepared_by, now, language)


def _printable_quote(
    result: QuoteResult, prepared_by: str, now: dt.datetime | None, language: str
) -> dict[str, Any]:
    given, inputs = result.quote, result.inputs
    # Computed again in the document's language: the lines' wording ("10 × 10,00 dk ×
    # 1.000,00 TL/saat") and what is missing; the figures are the same.
    quote = costing.compute(inputs, given.quantity, given.currency, given.exchange_rate)
    moment = now or dt.datetime.now(dt.UTC)

    def label(line: costing.CostLine) -> str:
        if line.key.startswith("tool:"):
            number = line.key.removeprefix("tool:")
            name = next((t.name for t in inputs.tools if str(t.number) == number), "")
            return translate("QuotePdf", "Tool wear T{number} ({name})").format(
                number=number, name=name
            )
        known = LINE_LABELS.get(line.key)
        return translate("QuotePdf", known) if known else line.label

    def amount(value: Decimal | None) -> str | None:
        return None if value is None else money.format_amount(value, quote.currency, language)

    currency_text = quote.currency
    if quote.currency != costing.SHOP_CURRENCY:
        currency_text = translate("QuotePdf", "{currency} (1 {currency} = {rate} TRY)").format(
            currency=quote.currency,
            rate=money.format_unit_price(quote.exchange_rate, language),
        )
    return {
        "language": language,
        "title": translate("QuotePdf", "Cost quote"),
        "part": translate("QuotePdf", "{part} · CAM run #{run}").format(
            part=result.part, run=result.cam_run_id
        ),
        "machine": inputs.machine,
        "material": inputs.material,
        "quantity": quote.quantity,
        "currency": quote.currency,
        "currency_text": currency_text,
        "cycle_text": _minutes_text(inputs.cycle_seconds),
        "setup_text": translate("QuotePdf", "{minutes} min / batch").format(
            minutes=i18n.number(inputs.setup_minutes)
        ),
        "prepared_by": prepared_by,
        "date": timefmt.short(moment),
        "timezone": timefmt.DEFAULT_ZONE,
        "lines": [
            {"label": label(line), "basis": line.basis, "amount": amount(line.amount)}
            for line in quote.lines
        ],
        "missing": list(quote.missing),
        "batch_total": amount(quote.batch_total),
        "per_part": amount(quote.per_part),
        "notes": [
            translate("QuotePdf", "Amounts exclude VAT (KDV). The quote is valid for 15 days."),
            translate(
                "QuotePdf",
                "Machine, material and tool prices are from the shop's catalog; the cycle "
                "time is computed from the CAM program's moves.",
            ),
        ],
    }


def render_quote_pdf(
    result: QuoteResult, pdf_path: Path, prepared_by: str = "", language: str | None = None
) -> None:
    """Draw the quote into ``pdf_path`` in ``language`` (default: the one the program
    speaks now)."""
    data = printable_quote(result, prepared_by, language=language)
    pdf_process.render_pdf("quote", data, pdf_path, QuoteFailed, "quote")


def sheet_cost(
    session: Session,
    plan,
    finished,
    machine_id: int,
    material_id: int,
    stock_size_mm: tuple[float, float, float],
) -> dict[str, Any]:
    """The setup sheet's cost block: one part with its batch's setup, in lira."""
    inputs = cost_inputs(
        session, ProgramTimes.of_program(plan, finished), machine_id, material_id, stock_size_mm
    )
    quote = costing.compute(inputs, 1)
    return {
        "title": translate("Quotes", "Cost estimate: one part, {minutes} min setup").format(
            minutes=i18n.number(inputs.setup_minutes)
        ),
        "lines": [
            [line.label, line.basis, money.shown_amount(line.amount, quote.currency)]
            for line in quote.lines
        ],
        "total": None
        if quote.batch_total is None
        else money.shown_amount(quote.batch_total, "TRY"),
        "missing": [
            translate("Quotes", "No total: {missing}").format(missing=m) for m in quote.missing
        ],
    }
