"""The second half of ``cncworkbench demo``: from an uploaded model to the invoice draft.

setup → CAM job → G-code (with LinuxCNC's ``rs274`` verdict) → simulation → review →
simulation report PDF → setup sheet PDF → quote PDF → invoice draft, each through the same
services (and the same job queue) the CLI commands and the GUI use, with the figures a
person checks and where each result is. Jobs run on the shop's workers, or on a worker in
this process when none is running (it says which).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.db.models import CamRun, SimRun, User
from cncworkbench.errors import UserError
from cncworkbench.services.access import identity, users
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.jobs import artefacts, job_runner
from cncworkbench.services.machining import cam, quotes, setup_names, simulation

MACHINE = "Tormach 1100MX"
MATERIAL = "Aluminium 6061-T6"
TOOLS = ["10 mm 3F carbide flat", "6 mm HSS-Co drill"]
OPERATIONS = ["facing", "pocket", "drilling", "profile"]
QUANTITY = 10
OPERATOR_EMAIL = "operator.demo@cncworkbench.example"
BUYER_EMAIL = "satinalma@musteri.example"
BUYER_COMPANY = "Demo Müşteri Makina A.Ş."
BUYER_TAX_NO = "1234567890"  # a VKN with a valid check digit
BUYER_ADDRESS = "Organize Sanayi Bölgesi 1. Cadde No: 1, Nilüfer / Bursa"
JOB_TIMEOUT_S = 600
VERDICTS = {
    "passed": QT_TRANSLATE_NOOP("Demo", "passed"),
    "warnings": QT_TRANSLATE_NOOP("Demo", "passed with warnings"),
    "failed": QT_TRANSLATE_NOOP("Demo", "failed"),
}


@dataclass
class PathResult:
    setup_id: int = 0
    cam_job_id: int = 0
    cam_run_id: int = 0
    sim_job_id: int | None = None
    sim_run_id: int | None = None
    gcode: Path | None = None
    rs274: bool | None = None
    sim_report: Path | None = None
    setup_sheet: Path | None = None
    quote_pdf: Path | None = None
    invoice_id: int | None = None
    review: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    next_step: int = 0


def _number(value, decimals: int = 1) -> str:
    return localefmt.number(float(value), decimals)


def _minutes(seconds: float) -> str:
    minutes, rest = divmod(round(float(seconds)), 60)
    return translate("Demo", "{minutes} min {seconds} s").format(
        minutes=minutes, seconds=f"{rest:02d}"
    )


def _person(context, email: str, role: str, password: str, **profile) -> None:
    """A demo account with a fresh password (made the first time)."""
    with context.db.session() as session:
        user = session.scalar(sa.select(User).where(User.email == email))
        if user is None:
            users.create_user(session, Actor.system(), password, email=email, role=role, **profile)
        else:
            users.reset_password(session, Actor.system(), user.id, password)
            users.unlock(session, Actor.system(), user.id)


def walk(
    context,
    who: identity.UserSession,
    model_id: int,
    out: Callable[[str], None],
    folder: Path,
    first_step: int = 5,
) -> PathResult:
    """Steps ``first_step``.. of the demo as the engineer ``who`` (signed out at the end)."""
    result = PathResult()
    folder.mkdir(parents=True, exist_ok=True)
    step = iter(range(first_step, first_step + 20))
    clock = time.perf_counter

    # -- setup
    started = clock()
    with who.db.session() as session:
        setup = setup_names.create_setup(
            session, who.actor,
            setup_names.SetupRequest(model_id, MACHINE, MATERIAL, TOOLS, OPERATIONS,
                                     name=translate("Demo", "Demo: first clamping")),
        )  # fmt: skip
        result.setup_id = setup.id
        details = setup_names.setup_details(session, who.actor, setup.id)
    out(
        translate(
            "Demo",
            "{n}. Setup {id} '{name}': {machine}, {material}, stock {size} mm; {operations}",
        ).format(
            n=next(step), id=result.setup_id, name=details["name"],
            machine=details["machine"]["name"],
            material=details["material"]["name"],
            size=" × ".join(i18n.number(v) for v in details["stock"]["size"]),
            operations="; ".join(
                f"{cam.operation_word(op['kind'])} ({op['tool']})" for op in details["operations"]
            ),
        )
    )  # fmt: skip

    # -- CAM job (and the simulation it queues) on a worker
    with job_runner.worker_if_none(
        context, who.db, ["cam_process", "sim_run"], lambda text: out("   " + text)
    ):
        with who.db.session() as session:
            result.cam_job_id = cam.submit_cam(session, who.actor, result.setup_id)
        detail = job_runner.wait_for(who.db, who.actor, result.cam_job_id, timeout=JOB_TIMEOUT_S)
        job_runner.ended_well(detail)
        result.seconds["cam"] = clock() - started
        output = detail.output_data or {}
        with who.db.session() as session:
            run = session.scalar(sa.select(CamRun).where(CamRun.job_id == result.cam_job_id))
            result.cam_run_id = run.id
            sim_job = job_runner.simulation_job_of(session, run.id)
        out(
            translate(
                "Demo",
                "{n}. CAM job {job} → CAM run {run}: {lines} lines of G-code, cycle time "
                "{time}, {removed} cm³ removed ({seconds} s)",
            ).format(
                n=next(step), job=result.cam_job_id, run=result.cam_run_id,
                lines=localefmt.integer(output.get("lines", 0)),
                time=_minutes(output.get("estimated_time_seconds", 0)),
                removed=_number(output.get("material_removal_cm3", 0)),
                seconds=_number(result.seconds["cam"]),
            )
        )  # fmt: skip
        with who.db.session() as session:
            gcode = artefacts.by_name(session, who.actor, result.cam_job_id, "gcode")
            sheet = artefacts.by_name(session, who.actor, result.cam_job_id, "setup_sheet")
        result.gcode = artefacts.download(context.store, gcode, folder / gcode.name)
        result.setup_sheet = artefacts.download(context.store, sheet, folder / sheet.name)
        result.rs274 = output.get("rs274")
        if result.rs274 is None:
            verdict = translate("Demo", "not checked: LinuxCNC's rs274 is not installed")
        elif result.rs274:
            verdict = translate("Demo", "accepted by LinuxCNC's rs274")
        else:
            verdict = translate("Demo", "REFUSED by LinuxCNC's rs274")
        out(
            translate("Demo", "{n}. G-code: {path} ({verdict})").format(
                n=next(step), path=result.gcode, verdict=verdict
            )
        )

        # -- simulation
        started = clock()
        if sim_job is None:
            with who.db.session() as session:
                sim_job = simulation.submit_simulation(session, who.actor, result.cam_run_id)
        result.sim_job_id = sim_job
        detail = job_runner.wait_for(who.db, who.actor, sim_job, timeout=JOB_TIMEOUT_S)
        job_runner.ended_well(detail)
        result.seconds["simulation"] = clock() - started
    with who.db.session() as session:
        sim_run = session.scalar(sa.select(SimRun).where(SimRun.job_id == sim_job))
        result.sim_run_id = sim_run.id
        facts = sim_run.collision_details or {}
        status, errors = sim_run.status, sim_run.collision_count or 0
        report = artefacts.by_name(session, who.actor, sim_job, "sim_report")
    findings = facts.get("findings", [])
    out(
        translate(
            "Demo",
            "{n}. Simulation {run}: {verdict}; {findings} findings ({errors} errors), "
            "{removed} cm³ removed, machining time {time} ({seconds} s)",
        ).format(
            n=next(step), run=result.sim_run_id,
            verdict=translate("Demo", VERDICTS.get(status, status)),
            findings=len(findings), errors=errors,
            removed=_number(facts.get("removed_volume_mm3", 0) / 1000),
            time=_minutes(facts.get("machining_time_s", 0)),
            seconds=_number(result.seconds["simulation"]),
        )
    )  # fmt: skip
    design = _design_line(facts.get("design"))
    if design:
        out("   " + design)
    result.sim_report = artefacts.download(context.store, report, folder / report.name)

    # -- quote as the engineer, then the operator's review (one seat each at a time)
    with who.db.session() as session:
        quote = quotes.quote_cam_run(session, who.actor, result.cam_run_id, QUANTITY)
    result.quote_pdf = folder / f"quote_cam_run_{result.cam_run_id}.pdf"
    quotes.render_quote_pdf(quote, result.quote_pdf, who.email)
    identity.sign_out(context, who)

    password = _fresh_password()
    _person(context, OPERATOR_EMAIL, "operator", password)
    operator = identity.sign_in(context, OPERATOR_EMAIL, password, where="demo")
    try:
        with operator.db.session() as session:
            if status in ("passed", "warnings"):
                comment = translate("Demo", "Checked in the demo: no errors in the simulation.")
                simulation.review(session, operator.actor, result.sim_run_id, "approved", comment)
                result.review = "approved"
            else:
                comment = translate("Demo", "The simulation found errors.")
                simulation.review(session, operator.actor, result.sim_run_id, "rejected", comment)
                result.review = "rejected"
    finally:
        identity.sign_out(context, operator)
    approved = result.review == "approved"
    decision = translate("Demo", "approved") if approved else translate("Demo", "rejected")
    out(
        translate("Demo", "{n}. Review: {decision} by {operator}").format(
            n=next(step), decision=decision, operator=OPERATOR_EMAIL
        )
    )
    out(
        translate("Demo", "{n}. Simulation report: {path}").format(
            n=next(step), path=result.sim_report
        )
    )
    out(translate("Demo", "{n}. Setup sheet: {path}").format(n=next(step), path=result.setup_sheet))
    total = quote.quote.batch_total
    out(
        translate(
            "Demo", "{n}. Quote: {quantity} parts, {total} ({per_part} per part): {path}"
        ).format(
            n=next(step), quantity=QUANTITY,
            total=_money(total, quote.quote.currency),
            per_part=_money(quote.quote.per_part, quote.quote.currency),
            path=result.quote_pdf,
        )
    )  # fmt: skip

    # -- the invoice draft, as the shop's owner (billing is the administrator's)
    _person(
        context, BUYER_EMAIL, "viewer", _fresh_password(), company_name=BUYER_COMPANY,
        tax_no=BUYER_TAX_NO, address=BUYER_ADDRESS,
    )  # fmt: skip
    with context.db.session() as session:
        buyer = users.find_by_email(session, BUYER_EMAIL)
        result.invoice_id = quotes.draft_invoice(session, Actor.system(), quote, buyer.id)
    out(
        translate("Demo", "{n}. Invoice draft #{id} to {buyer} ({company}): `cncworkbench "
                  "invoice show {id}`").format(
            n=next(step), id=result.invoice_id, buyer=BUYER_EMAIL, company=BUYER_COMPANY,
        )
    )  # fmt: skip
    result.next_step = next(step)
    return result


def _design_line(design: dict | None) -> str | None:
    """The run's comparison with its design (``details["design"]``, issue 21), or why it
    was not compared; None where simulations do not compare (older runs)."""
    if not isinstance(design, dict):
        return None
    if design.get("compared"):
        return translate(
            "Demo",
            "Against the design: {gouge} mm³ gouged in {gouges} regions, {leftover} mm³ left "
            "in {leftovers} regions (tolerance {tolerance} mm)",
        ).format(
            gouge=_number(design.get("gouge_volume_mm3", 0)),
            gouges=design.get("gouge_regions", 0),
            leftover=_number(design.get("leftover_volume_mm3", 0)),
            leftovers=design.get("leftover_regions", 0),
            tolerance=i18n.number(design.get("tolerance_mm", 0)),
        )
    reason = i18n.Message.from_dict(design.get("reason_text"))
    why = reason.text() if reason is not None else design.get("reason", "")
    return translate("Demo", "Not compared with the design: {reason}").format(reason=why)


def _money(value: Decimal | None, currency: str) -> str:
    from cncworkbench.core.money import shown_amount

    if value is None:
        raise UserError(translate("Demo", "The quote is missing a rate; see `cncworkbench quote`."))
    return shown_amount(value, currency)


def _fresh_password() -> str:
    import secrets

    return secrets.token_urlsafe(12)
