"""``cncworkbench setup create/list/show`` and ``cncworkbench cam submit SETUP``: CAM
setups saved from the command line, and the worker's ``cam_process`` job on them."""

from __future__ import annotations

import json

import click

from cncworkbench.cli.context import AS_USER, acting, acting_db, app_context
from cncworkbench.cli.jobwait import TIMEOUT, follow, raise_unless_completed, worker_if_none
from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate

OPERATIONS = ["facing", "profile", "pocket", "drilling", "adaptive", "helix"]
JSON_HELP = QT_TRANSLATE_NOOP("Cli", "Print JSON.")


@click.group(help=QT_TRANSLATE_NOOP("Cli", "CAM setups: how a model is held and cut."))
def setup():
    pass


@setup.command(
    "create",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Save a CAM setup for MODEL_ID: the machine, material, tools and operations by name "
        "or id (each must pick one catalog item). The stock is the model's bounding box plus "
        "the margins. As many tools as operations pair in order; otherwise each operation "
        "gets the fitting tool of those named.",
    ),
)
@click.argument("model_id", type=int)
@click.option("--machine", required=True, help=QT_TRANSLATE_NOOP("Cli", "Catalog machine."))
@click.option("--material", required=True, help=QT_TRANSLATE_NOOP("Cli", "Catalog material."))
@click.option(
    "--tool", "tools", multiple=True, required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Catalog tool; repeatable."),
)  # fmt: skip
@click.option(
    "--op", "ops", multiple=True, required=True, type=click.Choice(OPERATIONS),
    help=QT_TRANSLATE_NOOP("Cli", "Operation, in machining order; repeatable."),
)  # fmt: skip
@click.option("--name", help=QT_TRANSLATE_NOOP("Cli", "Setup name."))
@click.option(
    "--margin", default=2.0, show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Stock margin around the part, mm."),
)  # fmt: skip
@click.option(
    "--top-margin", default=1.0, show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Stock above the part, mm."),
)  # fmt: skip
@click.option("--work-offset", default="G54", show_default=True)
@click.option(
    "--leave", "leaves", multiple=True, metavar="OP=MM",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Stock to leave on the part for a later finishing pass, by operation number or kind "
        "(2=0.5, pocket=0.3); repeatable. Operations without it finish the part: material "
        "the simulation finds left beyond it is an error.",
    ),
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
@AS_USER
def setup_create(
    model_id, machine, material, tools, ops, name, margin, top_margin, work_offset, leaves,
    as_json, as_user,
):  # fmt: skip
    from cncworkbench.services.machining import setup_names

    request = setup_names.SetupRequest(
        model_id, machine, material, list(tools), list(ops), name, margin, top_margin,
        work_offset, leave=_leave_options(leaves),
    )  # fmt: skip
    with acting(app_context(), as_user, person=True) as (session, actor):
        row = setup_names.create_setup(session, actor, request)
        details = setup_names.setup_details(session, actor, row.id)
    if as_json:
        click.echo(json.dumps(details, ensure_ascii=False, default=str))
        return
    _print_setup(details)
    click.echo(
        translate("Cli", "Next: `cncworkbench cam submit {id} --wait`").format(id=details["id"])
    )


def _leave_options(leaves) -> dict[str, float]:
    out = {}
    for text in leaves:
        key, _, value = text.partition("=")
        try:
            out[key.strip().lower()] = float(value)
        except ValueError:
            raise click.BadParameter(
                translate("Cli", "'{text}' is not OP=MM (for example pocket=0.5).").format(
                    text=text
                ),
                param_hint="--leave",
            ) from None
    return out


def _print_setup(details: dict) -> None:
    from cncworkbench.services.machining import cam

    click.echo(
        translate("Cli", "setup {id} '{name}': model {model} v{version} ({model_name})").format(
            id=details["id"], name=details["name"], model=details["model"]["id"],
            version=details["model"]["version"], model_name=details["model"]["name"],
        )
    )  # fmt: skip
    stock = details["stock"]
    click.echo(
        translate("Cli", "  machine {machine}; material {material}; {offset}").format(
            machine=details["machine"]["name"], material=details["material"]["name"],
            offset=details["work_offset"],
        )
    )  # fmt: skip
    click.echo(
        translate("Cli", "  stock {size} mm from {corner}").format(
            size=" × ".join(i18n.number(v) for v in stock["size"]),
            corner=" ".join(
                f"{axis}{value:g}" for axis, value in zip("XYZ", stock["min"], strict=True)
            ),
        )
    )
    for number, op in enumerate(details["operations"], 1):
        line = f"  {number}. {cam.operation_word(op['kind'])}: {op['tool']} (#{op['tool_id']})"
        if op.get("stock_to_leave_mm"):
            line += translate("Cli", "; leaves {leave} mm").format(
                leave=i18n.number(op["stock_to_leave_mm"])
            )
        click.echo(line)
    for box in details["fixtures"]:
        click.echo(translate("Cli", "  fixture {name}").format(name=box["name"]))


@setup.command("list", help=QT_TRANSLATE_NOOP("Cli", "List setups, newest first."))
@click.option("--model", "model_id", type=int, help=QT_TRANSLATE_NOOP("Cli", "Only this model."))
@click.option("--limit", type=int, default=50, show_default=True)
@AS_USER
def setup_list(model_id, limit, as_user):
    from cncworkbench.core import timefmt
    from cncworkbench.services.machining import setup_names

    with acting(app_context(), as_user) as (session, actor):
        rows = setup_names.list_setups(session, actor, model_id, limit)
    for row in rows:
        click.echo(
            f"{row.id:>5}  {timefmt.short(row.updated_at)}  {row.name}  "
            f"[{row.model_name} #{row.model_id}, {row.machine}, {row.material}: "
            f"{'+'.join(row.operations)}]"
        )
    if not rows:
        click.echo(translate("Cli", "no setups"))


@setup.command("show", help=QT_TRANSLATE_NOOP("Cli", "Everything a setup says."))
@click.argument("setup_id", type=int)
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
@AS_USER
def setup_show(setup_id, as_json, as_user):
    from cncworkbench.services.machining import setup_names

    with acting(app_context(), as_user) as (session, actor):
        details = setup_names.setup_details(session, actor, setup_id)
    if as_json:
        click.echo(json.dumps(details, ensure_ascii=False, default=str))
    else:
        _print_setup(details)


@click.command(
    "submit",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Queue the CAM job (cam_process) of SETUP_ID: G-code, the CAM document and the setup "
        "sheet, checked by LinuxCNC's rs274 where installed; the simulation follows. With "
        "--wait, follows it with a progress bar (running it here when no worker is alive).",
    ),
)
@click.argument("setup_id", type=int)
@click.option("--wait", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Wait for the job to end."))
@click.option("--timeout", type=float, default=900, show_default=True, help=TIMEOUT)
@AS_USER
def cam_submit(setup_id, wait, timeout, as_user):
    import sqlalchemy as sa

    from cncworkbench.db.models import CamRun
    from cncworkbench.services.jobs import job_runner
    from cncworkbench.services.machining import cam

    context = app_context()
    with acting_db(context, as_user, person=True) as (database, actor):
        with database.session() as session:
            job_id = cam.submit_cam(session, actor, setup_id)
        click.echo(translate("Cli", "job {id} queued (cam_process)").format(id=job_id))
        if not wait:
            click.echo(
                translate("Cli", "Follow it: `cncworkbench job show {id}`").format(id=job_id)
            )
            return
        with worker_if_none(context, database, "cam_process"):
            detail = follow(database, actor, job_id, "CAM", timeout)
        raise_unless_completed(detail)
        with database.session() as session:
            run_id = session.scalar(sa.select(CamRun.id).where(CamRun.job_id == job_id))
            sim_job = job_runner.simulation_job_of(session, run_id)
    output = detail.output_data or {}
    click.echo(
        translate(
            "Cli", "CAM run {run}: {lines} lines, cycle time {seconds} s, {removed} cm³ removed"
        ).format(
            run=run_id, lines=localefmt.integer(output.get("lines", 0)),
            seconds=localefmt.integer(output.get("estimated_time_seconds", 0)),
            removed=localefmt.number(output.get("material_removal_cm3", 0), 1),
        )
    )  # fmt: skip
    verdict = output.get("rs274")
    if verdict is None:
        click.echo(translate("Cli", "G-code not checked: LinuxCNC's rs274 is not installed"))
    elif verdict:
        click.echo(translate("Cli", "G-code accepted by LinuxCNC's rs274"))
    else:
        click.echo(translate("Cli", "G-code REFUSED by LinuxCNC's rs274"))
    for artefact in detail.artefacts:
        click.echo(f"  {artefact.name}  ({artefact.type})")
    click.echo(
        translate("Cli", "Download: `cncworkbench artefact download {job} gcode -o .`").format(
            job=job_id
        )
    )
    if sim_job is not None:
        click.echo(
            translate("Cli", "Simulation job {sim} queued: `cncworkbench simulate --run {run}`")
            .format(sim=sim_job, run=run_id)
        )  # fmt: skip
