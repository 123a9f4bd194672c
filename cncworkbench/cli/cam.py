"""``cncworkbench cam ...``: CAM runs and posting G-code."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from cncworkbench.cli.base import severity_label
from cncworkbench.cli.context import (
    AS_USER,
    acting,
    acting_db,
    app_context,
)
from cncworkbench.cli.jobwait import (
    NO_WAIT,
    TIMEOUT,
    follow,
    raise_unless_completed,
    worker_if_none,
)
from cncworkbench.core import localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError


@click.group(
    help=QT_TRANSLATE_NOOP(
        "Cli", "CAM: toolpaths and G-code from FreeCAD CAM with the machine's post-processor."
    )
)
def cam():
    pass


@cam.command(
    "run",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Batch CAM: MODEL_FILE (STEP or FCStd) to G-code for a machine.\n\n"
        "The stock is the part's bounding box plus margins; operations find their geometry by\n"
        "themselves (facing: the top; profile: the outer contour; pocket/adaptive: pockets open\n"
        "from the top; drilling: vertical holes); feeds and speeds come from the catalog.",
    ),
)
@click.argument("model_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--machine",
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Catalog machine (name or unique part)."),
)
@click.option(
    "--tool",
    "tools",
    multiple=True,
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Catalog tool; repeatable."),
)
@click.option(
    "--material",
    required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Catalog material (name or unique part)."),
)
@click.option(
    "--op",
    "ops",
    multiple=True,
    required=True,
    type=click.Choice(["facing", "profile", "pocket", "drilling", "adaptive", "helix"]),
    help=QT_TRANSLATE_NOOP("Cli", "Operation, in machining order; repeatable."),
)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--margin",
    default=2.0,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Stock margin around the part, mm."),
)
@click.option(
    "--top-margin",
    default=1.0,
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "Stock above the part, mm."),
)
@click.option("--work-offset", default="G54", show_default=True)
@click.option(
    "--no-sheet", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Do not write the setup sheet PDF.")
)
@click.option(
    "--user", "as_user", help=QT_TRANSLATE_NOOP("Cli", "Act (and be audited) as this user.")
)
def cam_run(model_file, machine, tools, material, ops, output, margin, top_margin, work_offset,
            no_sheet, as_user):  # fmt: skip

    from cncworkbench.core import model_files
    from cncworkbench.core.cam_plan import stock_around
    from cncworkbench.db.models import Machine, Material, Tool
    from cncworkbench.services.access import audit
    from cncworkbench.services.machining import cam as cam_service
    from cncworkbench.services.machining import catalog

    checked = model_files.check(model_file)
    click.echo(
        translate("Cli", "Reading {file} with FreeCAD ...").format(file=model_file.name), err=True
    )
    features = cam_service.features_of_file(model_file, checked.format)
    box = features["bbox"]
    stock = stock_around(box["min"], box["max"], margin, top_margin)
    context = app_context()
    with acting(context, as_user) as (session, actor):
        machine_row = catalog.find(session, Machine, machine)
        material_row = catalog.find(session, Material, material)
        tool_rows = [catalog.find(session, Tool, name) for name in tools]
        chosen = cam_service.choose_tools(list(ops), tool_rows, features)
        requests = [
            cam_service.OperationRequest(kind, tool_id)
            for kind, tool_id in zip(ops, chosen, strict=True)
        ]
        cam_service.require_cam_license(session, list(ops), machine_row.id)
        plan, problems, _cuts = cam_service.build_plan(
            machine_row, material_row, {t.id: t for t in tool_rows}, requests, stock,
            work_offset, features=features,
        )  # fmt: skip
        inventory = cam_service.inventory_warnings(session, [t.id for t in tool_rows])
    for problem in problems:
        click.echo(f"{severity_label(problem.severity)}: {problem.message}", err=True)
    if any(problem.severity == "error" for problem in problems):
        raise UserError(translate("Cli", "Nothing was machined: fix the errors above."))
    for op in plan.operations:
        tool = plan.tool(op.tool_number)
        click.echo(
            f"  {op.label():<18} T{tool.number} {tool.name[:40]:<40} "
            f"S{tool.rpm:.0f} F{tool.feed_mm_min:.0f}",
            err=True,
        )
    started = time.monotonic()
    with click.progressbar(length=100, label="CAM", file=sys.stderr) as bar:
        last = [0]

        def progress(percent, _message):
            bar.update(max(0, int(percent) - last[0]))
            last[0] = max(last[0], int(percent))

        result = cam_service.run_plan_on_file(
            model_file, checked.format, plan, progress, program_name=model_file.stem
        )
        bar.update(100 - last[0])
    output.write_text(result.gcode, encoding="utf-8")
    minutes, seconds = divmod(round(result.run_time.total_s), 60)
    click.echo(
        translate("Cli", "G-code:         {file} ({lines} lines, {post})").format(
            file=output, lines=result.lines, post=plan.post_processor
        )
    )
    if not no_sheet:
        sheet_path = output.with_suffix(".pdf")
        part = {"name": model_file.stem, "file_name": model_file.name,
                "size": [b - a for a, b in zip(box["min"], box["max"], strict=True)]}  # fmt: skip
        sheet = cam_service.sheet_data(
            plan, result, part, output.name, as_user, inventory,
            extra_warnings=[p.message for p in problems],
        )  # fmt: skip
        cam_service.render_setup_sheet(sheet, sheet_path)
        click.echo(translate("Cli", "Setup sheet:    {file}").format(file=sheet_path))
    click.echo(
        translate(
            "Cli",
            "Estimated time: {minutes} min {seconds} s (cutting {cutting} s, rapids {rapids} s, "
            "tool changes {changes} s)",
        ).format(
            minutes=minutes,
            seconds=f"{seconds:02d}",
            cutting=f"{result.run_time.cutting_s:.0f}",
            rapids=f"{result.run_time.rapid_s:.0f}",
            changes=f"{result.run_time.tool_change_s:.0f}",
        )
    )
    cm3 = lambda mm3: localefmt.number((mm3 or 0) / 1000, 1, grouping=False)  # noqa: E731
    click.echo(
        translate(
            "Cli",
            "Design {design} cm³ · stock {stock} cm³ · removed {removed} cm³ (simulated, "
            "within ±{accuracy} %)",
        ).format(
            design=cm3(result.part_volume_mm3),
            stock=cm3(result.stock_volume_mm3),
            removed=cm3(result.removed_volume_mm3),
            accuracy=localefmt.number(result.removal_accuracy_percent or 0, 1, grouping=False),
        )
    )
    if result.rs274 is not None:
        click.echo(
            translate("Cli", "LinuxCNC rs274: accepted ({calls} canonical calls)").format(
                calls=result.rs274.calls
            )
        )
    else:  # said, not skipped silently
        click.echo(translate("Cli", "G-code not checked: LinuxCNC's rs274 is not installed"))
    for note in result.fixes + result.warnings:
        click.echo(translate("Cli", "note: {note}").format(note=note), err=True)
    elapsed = localefmt.number(time.monotonic() - started, 1, grouping=False)
    click.echo(translate("Cli", "({seconds} s)").format(seconds=elapsed), err=True)
    with context.db.session() as session:
        audit.record(
            session, actor, "cam.run_file", "machine", plan.machine.get("id"),
            {"file": model_file.name, "gcode_sha256": result.gcode_sha256,
             "operations": list(ops), "estimated_time_seconds": round(result.run_time.total_s)},
        )  # fmt: skip


@cam.command(
    "post",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Post CAM_RUN_ID's toolpaths again for another machine (or work offset).\n\n"
        "The machine's post-processor runs on the run's saved FreeCAD CAM document; nothing "
        "is recomputed. A machine whose travel, axes or spindle cannot run the program is "
        "refused with the reasons before anything is queued. Waits for the gcode_post job "
        "unless --no-wait, running it here when no worker is alive.",
    ),
)
@click.argument("cam_run_id", type=int)
@click.option(
    "--machine", required=True,
    help=QT_TRANSLATE_NOOP("Cli", "Catalog machine (name or unique part)."),
)  # fmt: skip
@click.option("--work-offset", help=QT_TRANSLATE_NOOP("Cli", "G54..G59 (default: the run's)."))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=QT_TRANSLATE_NOOP("Cli", "Also save the new program here."))  # fmt: skip
@click.option("--no-wait", is_flag=True, help=NO_WAIT)
@click.option("--timeout", type=float, default=900, show_default=True, help=TIMEOUT)
@AS_USER
def cam_post(cam_run_id, machine, work_offset, output, no_wait, timeout, as_user):
    from cncworkbench.db.models import Machine
    from cncworkbench.services.machining import cam_post as post_service
    from cncworkbench.services.machining import catalog

    context = app_context()
    with acting_db(context, as_user, person=True) as (database, actor):
        with database.session() as session:
            machine_row = catalog.find(session, Machine, machine)
            check = post_service.check_post(
                session, context.store, cam_run_id, machine_row.id, work_offset
            )
            for warning in check.warnings:
                click.echo(
                    translate("CliCad", "WARNING: {warning}").format(warning=warning), err=True
                )
            if check.errors:
                for error in check.errors:
                    click.echo(
                        translate("CliCad", "REFUSED: {error}").format(error=error), err=True
                    )
                raise UserError(
                    translate("CliCad", "{machine} cannot run CAM run {id}'s program.").format(
                        machine=check.machine, id=cam_run_id
                    )
                )
            job_id = post_service.submit_post(
                session, actor, context.store, cam_run_id, machine_row.id, check.work_offset
            )
        click.echo(
            translate("CliCad", "job {id} queued ({type})").format(
                id=job_id,
                type=f"gcode_post: {check.machine}, {check.post_processor}, {check.work_offset}",
            )
        )
        if no_wait:
            return
        with worker_if_none(context, database, "gcode_post"):
            detail = follow(database, actor, job_id, translate("CliCad", "Posting"), timeout)
        raise_unless_completed(detail)
    result = detail.output_data or {}
    minutes, seconds = divmod(int(result.get("estimated_time_seconds") or 0), 60)
    click.echo(
        translate(
            "CliCad",
            "CAM run {id}: {lines} lines for {machine} ({post_processor}, {work_offset}), "
            "estimated {minutes} min {seconds} s",
        ).format(
            id=result.get("cam_run_id"),
            lines=result.get("lines"),
            machine=result.get("machine"),
            post_processor=result.get("post_processor"),
            work_offset=result.get("work_offset"),
            minutes=minutes,
            seconds=f"{seconds:02d}",
        )
    )
    if result.get("rs274") is not None:
        verdict = (
            translate("CliCad", "accepted") if result["rs274"] else translate("CliCad", "rejected")
        )
        click.echo("LinuxCNC rs274: " + verdict)
    for note in result.get("warnings") or []:
        click.echo(translate("CliCad", "note: {note}").format(note=note), err=True)
    if output is not None:
        output.write_bytes(context.store.get_bytes(result["gcode_key"], result["gcode_sha256"]))
        click.echo(translate("CliCad", "G-code: {path}").format(path=output))
