"""``cncworkbench simulate``: cut a G-code program into a stock box and check it.

Prints the removed volume, the machining time and one line per finding (``--json``: one
object). Exit status 0 without error findings, 1 with, 2 for input that cannot be read (a
G-code error names its line).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cncworkbench.cli.base import report_user_error, severity_label
from cncworkbench.cli.context import AS_USER, acting, acting_db, app_context
from cncworkbench.cli.jobwait import TIMEOUT, follow, raise_unless_completed, worker_if_none
from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

TOOL_HELP = QT_TRANSLATE_NOOP(
    "Cli",
    "N:DIAMETER:FLUTE_LENGTH:SHAPE[:OPTION...], SHAPE one of flat, ball, bull, drill, "
    "chamfer; options: noncenter (cannot plunge), r=MM (bull corner radius, required), "
    "angle=DEG (drill 118, chamfer 90), shank=MM, length=MM (stick-out), "
    "holder=DIAMETERxLENGTH. Repeat for each tool.",
)
# What a number in a --tool spec is, as its error message names it.
TOOL_NUMBER = QT_TRANSLATE_NOOP("Cli", "the tool number")
DIAMETER = QT_TRANSLATE_NOOP("Cli", "the diameter")
FLUTE_LENGTH = QT_TRANSLATE_NOOP("Cli", "the flute length")
HOLDER_DIAMETER = QT_TRANSLATE_NOOP("Cli", "the holder diameter")
HOLDER_LENGTH = QT_TRANSLATE_NOOP("Cli", "the holder length")


def parse_tool(text: str):
    """A ToolShape from ``N:DIAMETER:FLUTE_LENGTH:SHAPE[:OPTION...]`` (see --tool)."""
    from cncworkbench.core.simulation import SHAPES, ToolShape

    fields = text.split(":")
    if len(fields) < 4:
        raise UserError(
            translate(
                "Cli", "--tool {spec}: give N:DIAMETER:FLUTE_LENGTH:SHAPE, e.g. 1:6:20:flat"
            ).format(spec=text)
        )
    number = _number(text, TOOL_NUMBER, fields[0], integer=True)
    diameter = _number(text, DIAMETER, fields[1])
    flutes = _number(text, FLUTE_LENGTH, fields[2])
    shape = fields[3].strip().lower()
    if shape not in SHAPES:
        raise UserError(
            translate("Cli", "--tool {spec}: the shape must be one of {shapes}").format(
                spec=text, shapes=", ".join(SHAPES)
            )
        )
    options: dict = {"tip_angle_deg": 90.0} if shape == "chamfer" else {}
    for option in fields[4:]:
        name, _, value = option.strip().lower().partition("=")
        if name == "noncenter" and not value:
            options["center_cutting"] = False
        elif name == "r":
            options["corner_radius_mm"] = _number(text, "r", value)
        elif name == "angle":
            options["tip_angle_deg"] = _number(text, "angle", value)
        elif name == "shank":
            options["shank_diameter_mm"] = _number(text, "shank", value)
        elif name == "length":
            options["length_mm"] = _number(text, "length", value)
        elif name == "holder":
            holder_diameter, _, holder_length = value.partition("x")
            options["holder_diameter_mm"] = _number(text, HOLDER_DIAMETER, holder_diameter)
            if holder_length:
                options["holder_length_mm"] = _number(text, HOLDER_LENGTH, holder_length)
        else:
            raise UserError(
                translate(
                    "Cli",
                    "--tool {spec}: unknown option {option} (noncenter, r=, angle=, shank=, "
                    "length=, holder=)",
                ).format(spec=text, option=repr(option))
            )
    if shape == "bull" and "corner_radius_mm" not in options:
        raise UserError(
            translate(
                "Cli", "--tool {spec}: a bull-nose tool needs its corner radius, e.g. :r=1"
            ).format(spec=text)
        )
    return ToolShape(number, diameter, flutes, shape, **options)


def _number(text: str, what: str, value: str, integer: bool = False):
    """``value`` of the --tool spec ``text`` as a number; ``what`` names it (marked with
    QT_TRANSLATE_NOOP, or an option's name such as ``r``)."""
    what = translate("Cli", what)
    try:
        number = int(value) if integer else float(value)
    except ValueError:
        raise UserError(
            translate("Cli", "--tool {spec}: {what} must be a number, not {value}").format(
                spec=text, what=what, value=repr(value)
            )
        ) from None
    if number <= 0:
        raise UserError(
            translate("Cli", "--tool {spec}: {what} must be more than 0").format(
                spec=text, what=what
            )
        )
    return number


def machine_limits(name: str):
    """MachineLimits of the catalog machine called ``name`` (the database is opened)."""
    from cncworkbench.core.simulation import MachineLimits
    from cncworkbench.db.models import Machine
    from cncworkbench.services.machining import catalog

    with acting(app_context(), None) as (session, _actor):
        row = catalog.as_mapping(catalog.find(session, Machine, name))
    specs = row.get("specifications") or {}
    optional = {
        key: float(specs[key])
        for key in ("rapid_mm_min", "tool_change_s")
        if specs.get(key) is not None
    }
    return row["name"], MachineLimits(
        travel_mm=(
            float(row["work_envelope_x_mm"]),
            float(row["work_envelope_y_mm"]),
            float(row["work_envelope_z_mm"]),
        ),
        max_feed_mm_min=_optional_float(specs.get("max_feed_mm_min")),
        max_rpm=_optional_float(row.get("spindle_max_rpm")),
        acceleration_mm_s2=_optional_float(specs.get("acceleration_mm_s2")),
        **optional,
    )


def _optional_float(value):
    return None if value is None else float(value)


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _point_option(name: str, help_text: str):
    """An option taking a point X Y Z in program coordinates (mm), the origin by default."""
    return click.option(
        name,
        nargs=3,
        type=float,
        default=(0.0, 0.0, 0.0),
        show_default=True,
        metavar="X Y Z",
        help=help_text,
    )


@click.command(
    "simulate",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Cut the G-code program FILE into a stock box and check it for collisions; or, with\n"
        "--run CAM_RUN, simulate a stored CAM run on its own setup (stock, tools, fixtures\n"
        "and machine from the run), stored for review.\n\n"
        "Reports the removed volume, the machining time and each finding (rapids into the\n"
        "stock, plunges with a non-centre-cutting tool, shank, holder and fixture collisions,\n"
        "machine limits, cutting with the spindle off). Exit status: 0 without errors, 1 with\n"
        "errors, 2 when the input cannot be read.",
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option(
    "--run",
    "cam_run_id",
    type=int,
    help=QT_TRANSLATE_NOOP("Cli", "A stored CAM run to simulate (instead of FILE)."),
)
@click.option(
    "--stock",
    nargs=3,
    type=float,
    metavar="SX SY SZ",
    help=QT_TRANSLATE_NOOP("Cli", "Stock size (mm)."),
)
@_point_option(
    "--origin",
    QT_TRANSLATE_NOOP("Cli", "The stock's minimum corner in program coordinates (mm)."),
)
@click.option("--tool", "tool_specs", multiple=True, metavar="SPEC", help=TOOL_HELP)
@click.option(
    "--machine",
    metavar="NAME",
    help=QT_TRANSLATE_NOOP("Cli", "Check against this catalog machine's limits."),
)
@click.option(
    "--resolution",
    type=click.FloatRange(min=0.001, max=100.0),
    metavar="MM",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Cell size (default: from the smallest tool and a 256 MB budget)."
    ),
)
@click.option(
    "--part",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="MODEL",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Compare the cut stock with this design (FCStd, STEP or STL, in program "
        "coordinates): gouges and leftover material are findings.",
    ),
)
@_point_option(
    "--part-origin",
    QT_TRANSLATE_NOOP("Cli", "Where the design's origin lies in program coordinates (mm)."),
)
@click.option(
    "--leave",
    type=click.FloatRange(min=0.0, max=100.0),
    default=0.0,
    show_default=True,
    metavar="MM",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Stock to leave on the design (mm); more than 0 is a roughing program, whose "
        "leftover is a warning.",
    ),
)
@click.option(
    "--tolerance",
    type=click.FloatRange(min=0.0, max=100.0),
    metavar="MM",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Allowed deviation from the design (default: 0.01 mm + a tenth of the cell)."
    ),
)
@click.option(
    "--json", "as_json", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Print one JSON object.")
)
@click.option(
    "--memory",
    "memory_mb",
    type=click.FloatRange(min=1.0),
    default=256.0,
    show_default=True,
    metavar="MB",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Memory the simulation may hold: the cells, the moves' records (MB)."
    ),
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help=QT_TRANSLATE_NOOP(
        "Cli", "Show how far the simulation is on stderr (default: when it is a terminal)."
    ),
)
@click.option("--timeout", type=float, default=900, show_default=True, help=TIMEOUT)
@AS_USER
def simulate(file, cam_run_id, stock, origin, tool_specs, machine, resolution, as_json, memory_mb,
             progress, timeout, as_user, **design):  # fmt: skip
    if cam_run_id is not None:
        _simulate_cam_run(cam_run_id, timeout, as_user, as_json)
        return
    if file is not None and (not stock or not tool_specs):
        # as click says it for a required option (in the reader's language)
        context = click.get_current_context()
        wanted = "stock" if not stock else "tool_specs"
        param = next(p for p in context.command.params if p.name == wanted)
        raise click.MissingParameter(ctx=context, param=param)
    if file is None:
        raise click.UsageError(
            translate(
                "Cli",
                "Give FILE with --stock SX SY SZ and --tool SPEC, or --run CAM_RUN for a "
                "stored CAM run (`cncworkbench cam submit SETUP` makes one).",
            )
        )
    try:
        _simulate(
            file, stock, origin, tool_specs, machine, resolution, as_json, progress, memory_mb,
            **design,
        )  # fmt: skip
    except UserError as exc:
        report_user_error(exc)
        sys.exit(2)


def progress_printer(stream):
    """A progress callback writing "simulating: N %" to ``stream``: one line rewritten in
    place on a terminal (each percent), else a line at each tenth."""
    tty = stream.isatty()
    shown = [-1]

    def show(fraction: float) -> None:
        percent = int(fraction * 100)
        step = percent if tty else percent // 10 * 10
        if step == shown[0]:
            return
        shown[0] = step
        text = translate("Cli", "simulating: {percent} %").format(percent=step)
        if tty:
            stream.write("\r" + text + ("\n" if step >= 100 else ""))
        else:
            stream.write(text + "\n")
        stream.flush()

    return show


def _simulate(
    file, stock, origin, tool_specs, machine, resolution, as_json, progress=None, memory_mb=256.0,
    part=None, part_origin=(0.0, 0.0, 0.0), leave=0.0, tolerance=None,
):  # fmt: skip
    from cncworkbench.core import simulation
    from cncworkbench.core.gcode import interpret_file

    tools = {}
    for spec in tool_specs:
        tool = parse_tool(spec)
        if tool.number in tools:
            raise UserError(
                translate("Cli", "--tool {spec}: tool T{number} is given twice").format(
                    spec=spec, number=tool.number
                )
            )
        tools[tool.number] = tool
    if any(size <= 0 for size in stock):
        raise UserError(translate("Cli", "--stock: every size must be more than 0 mm"))
    limits = None
    machine_name = None
    if machine:
        machine_name, limits = machine_limits(machine)
    try:
        program = interpret_file(file)
    except OSError as exc:
        raise UserError(
            translate("Cli", "cannot read {file}: {reason}").format(
                file=file, reason=exc.strerror or exc
            )
        ) from None
    for warning in program.warnings:
        click.echo(translate("Cli", "warning: {warning}").format(warning=warning), err=True)
    stock_min = tuple(origin)
    stock_max = tuple(o + s for o, s in zip(origin, stock, strict=True))
    stream = sys.stderr
    show = progress if progress is not None else stream.isatty()
    result = simulation.simulate(
        program, stock_min, stock_max, tools, machine=limits, resolution_mm=resolution,
        memory_budget_mb=memory_mb, progress=progress_printer(stream) if show else None,
    )  # fmt: skip
    check = compare_with_design(result, program, tools, part, part_origin, leave, tolerance)
    if as_json:
        data = result.as_dict()
        data["file"] = str(file)
        data["machine"] = machine_name
        data["design"] = {"part": str(part), **check.as_dict()} if check else {"compared": False}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        lines = _summary(result, machine_name)
        lines[3:3] = design_lines(result, check)  # after the figures, before the findings
        for line in lines:
            click.echo(line)
    if result.errors:
        sys.exit(1)


def _summary(result, machine_name) -> list[str]:
    ny, nx = result.grid.shape
    size = [hi - lo for lo, hi in zip(result.stock_min, result.stock_max, strict=True)]
    x, y, z = result.stock_min
    percent = 100.0 * result.removed_volume_mm3 / result.stock_volume_mm3

    def fixed(value: float, decimals: int) -> str:
        return localefmt.number(value, decimals, grouping=False)

    time = _duration(result.machining_time_s)
    lines = [
        translate(
            "Cli", "stock {sx} × {sy} × {sz} mm from {corner}; {cell} mm cells ({nx} × {ny})"
        ).format(
            sx=i18n.number(size[0], 6),
            sy=i18n.number(size[1], 6),
            sz=i18n.number(size[2], 6),
            corner=f"X{x:g} Y{y:g} Z{z:g}",
            cell=i18n.number(result.grid.cell_mm, 6),
            nx=nx,
            ny=ny,
        ),
        translate(
            "Cli",
            "removed {removed} mm³ of {stock} mm³ ({percent} %, within ±{accuracy} %); "
            "{cutting} cutting moves, {air} in the air",
        ).format(
            removed=fixed(result.removed_volume_mm3, 1),
            stock=fixed(result.stock_volume_mm3, 1),
            percent=fixed(percent, 1),
            accuracy=fixed(result.accuracy_percent, 2),
            cutting=result.move_classes.count("cut"),
            air=result.move_classes.count("air"),
        ),
        translate("Cli", "machining time {time} on {machine}").format(
            time=time, machine=machine_name
        )
        if machine_name
        else translate("Cli", "machining time {time}").format(time=time),
    ]
    for finding in result.findings:
        lines.append(
            f"{severity_label(finding.severity):<7} "
            + (
                translate("Cli", "line {line}: {kind}: {message}")
                if finding.line
                else translate("Cli", "{kind}: {message}")  # leftover: no line made it
            ).format(line=finding.line, kind=finding.kind, message=finding.message)
        )
    if not result.findings:
        lines.append(translate("Cli", "no problems found"))
    return lines


def _simulate_cam_run(cam_run_id: int, timeout: float, as_user, as_json: bool) -> None:
    """Follow the sim_run job of a stored CAM run (the one its CAM job queued, else a new
    one) to its end; print the verdict and where the report is."""
    import sqlalchemy as sa

    from cncworkbench.db.models import SimRun
    from cncworkbench.services.jobs import job_runner
    from cncworkbench.services.machining import simulation

    context = app_context()
    with acting_db(context, as_user, person=True) as (database, actor):
        with database.session() as session:
            job_id = job_runner.simulation_job_of(session, cam_run_id)
            if job_id is None:
                job_id = simulation.submit_simulation(session, actor, cam_run_id)
        click.echo(translate("Cli", "simulation job {id}").format(id=job_id), err=True)
        with worker_if_none(context, database, "sim_run"):
            detail = follow(database, actor, job_id, translate("Cli", "simulation"), timeout)
        raise_unless_completed(detail)
        with database.session() as session:
            run_id = session.scalar(sa.select(SimRun.id).where(SimRun.job_id == job_id))
            run = simulation.get_sim_run(session, actor, run_id)
    if as_json:
        click.echo(json.dumps({"sim_run_id": run_id, "job_id": job_id,
                               "status": run.summary.status, **run.details},
                              ensure_ascii=False, default=str))  # fmt: skip
        return
    facts = run.details
    click.echo(
        translate(
            "Cli", "simulated run {id}: {status}; {errors} errors, {warnings} warnings; "
            "removed {removed} cm³, machining time {time}",
        ).format(
            id=run_id, status=run.summary.status, errors=run.summary.errors,
            warnings=run.summary.warnings,
            removed=i18n.number(facts.get("removed_volume_mm3", 0) / 1000, 1),
            time=_duration(facts.get("machining_time_s", 0)),
        )
    )  # fmt: skip
    for finding in run.findings:
        click.echo(
            f"{severity_label(finding['severity']):<7} "
            + translate("Cli", "line {line}: {kind}: {message}").format(
                line=finding["line"], kind=finding["kind"], message=finding["message"]
            )
        )
    click.echo(
        translate(
            "Cli", "Report: `cncworkbench artefact download {job} sim_report -o .`; review: "
            "`cncworkbench review show {run}`",
        ).format(job=job_id, run=run_id)
    )  # fmt: skip


# ------------------------------------------------------------- --part: the design (#21)
def compare_with_design(result, program, tools, part, part_origin, leave, tolerance):
    """Add the below-the-stock findings, and with ``part`` the gouge and leftover findings,
    to ``result``; the comparison's figures (None without a part)."""
    from cncworkbench.core import model_files, verification

    checks = verification.below_stock(program, tools, result.stock_min, result.stock_max)
    if part is None:
        verification.add_findings(result, checks, [])
        return None
    from cncworkbench.cam.design import design_triangles

    model = model_files.check(Path(part))
    triangles = design_triangles(model.path, model.format)
    design = verification.design_field(triangles, result.grid, tuple(part_origin))
    if not design.inside.any():
        raise UserError(
            translate(
                "Cli",
                "--part {file}: the design does not lie over the stock; give the design's "
                "origin in program coordinates with --part-origin X Y Z.",
            ).format(file=Path(part).name)
        )
    check = verification.compare(
        result, design, program, tools, leave, tolerance, roughing=leave > 0
    )
    verification.add_findings(result, checks, check.findings)
    return check


def design_lines(result, check) -> list[str]:
    """The comparison's figures for the text output (one line, two with undercuts)."""

    def fixed(value: float, decimals: int) -> str:
        return localefmt.number(value, decimals, grouping=False)

    if check is None:
        return [translate("Cli", "not compared with a design (give --part MODEL)")]
    lines = [
        translate(
            "Cli",
            "design: {gouges} gouges ({gouge} mm³), {leftovers} leftover regions ({leftover} "
            "mm³); tolerance {tolerance} mm, stock to leave {leave} mm",
        ).format(
            gouges=check.gouge_regions,
            gouge=fixed(check.gouge_volume_mm3, 1),
            leftovers=check.leftover_regions,
            leftover=fixed(check.leftover_volume_mm3, 1),
            tolerance=fixed(check.tolerance_mm, 3),
            leave=fixed(check.leave_mm, 3),
        )
    ]
    if check.unverifiable_percent > 0:
        lines.append(
            translate(
                "Cli",
                "{percent} % of the design's outline is not verifiable from above (undercuts)",
            ).format(percent=fixed(check.unverifiable_percent, 1))
        )
    return lines
