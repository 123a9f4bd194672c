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

from cncworkbench.errors import UserError

TOOL_HELP = (
    "N:DIAMETER:FLUTE_LENGTH:SHAPE[:OPTION...], SHAPE one of flat, ball, bull, drill, "
    "chamfer; options: noncenter (cannot plunge), r=MM (bull corner radius, required), "
    "angle=DEG (drill 118, chamfer 90), shank=MM, length=MM (stick-out), "
    "holder=DIAMETERxLENGTH. Repeat for each tool."
)


def parse_tool(text: str):
    """A ToolShape from ``N:DIAMETER:FLUTE_LENGTH:SHAPE[:OPTION...]`` (see --tool)."""
    from cncworkbench.core.simulation import SHAPES, ToolShape

    fields = text.split(":")
    if len(fields) < 4:
        raise UserError(f"--tool {text}: give N:DIAMETER:FLUTE_LENGTH:SHAPE, e.g. 1:6:20:flat")
    number = _number(text, "the tool number", fields[0], integer=True)
    diameter = _number(text, "the diameter", fields[1])
    flutes = _number(text, "the flute length", fields[2])
    shape = fields[3].strip().lower()
    if shape not in SHAPES:
        raise UserError(f"--tool {text}: the shape must be one of {', '.join(SHAPES)}")
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
            options["holder_diameter_mm"] = _number(text, "the holder diameter", holder_diameter)
            if holder_length:
                options["holder_length_mm"] = _number(text, "the holder length", holder_length)
        else:
            raise UserError(
                f"--tool {text}: unknown option {option!r} (noncenter, r=, angle=, shank=, "
                "length=, holder=)"
            )
    if shape == "bull" and "corner_radius_mm" not in options:
        raise UserError(f"--tool {text}: a bull-nose tool needs its corner radius, e.g. :r=1")
    return ToolShape(number, diameter, flutes, shape, **options)


def _number(text: str, what: str, value: str, integer: bool = False):
    try:
        number = int(value) if integer else float(value)
    except ValueError:
        raise UserError(f"--tool {text}: {what} must be a number, not {value!r}") from None
    if number <= 0:
        raise UserError(f"--tool {text}: {what} must be more than 0")
    return number


def machine_limits(name: str):
    """MachineLimits of the catalog machine called ``name`` (the database is opened)."""
    from cncworkbench.cli import _context, acting
    from cncworkbench.core.simulation import MachineLimits
    from cncworkbench.db.models import Machine
    from cncworkbench.services import catalog

    with acting(_context(), None) as (session, _actor):
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


@click.command("simulate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--stock", nargs=3, type=float, required=True, metavar="SX SY SZ", help="Stock size (mm)."
)
@click.option(
    "--origin",
    nargs=3,
    type=float,
    default=(0.0, 0.0, 0.0),
    show_default=True,
    metavar="X Y Z",
    help="The stock's minimum corner in program coordinates (mm).",
)
@click.option("--tool", "tool_specs", multiple=True, required=True, metavar="SPEC", help=TOOL_HELP)
@click.option("--machine", metavar="NAME", help="Check against this catalog machine's limits.")
@click.option(
    "--resolution",
    type=click.FloatRange(min=0.001, max=100.0),
    metavar="MM",
    help="Cell size (default: from the smallest tool and a 256 MB budget).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def simulate(file, stock, origin, tool_specs, machine, resolution, as_json):
    """Cut the G-code program FILE into a stock box and check it for collisions.

    Reports the removed volume, the machining time and each finding (rapids into the
    stock, plunges with a non-centre-cutting tool, shank, holder and fixture collisions,
    machine limits, cutting with the spindle off). Exit status: 0 without errors, 1 with
    errors, 2 when the input cannot be read.
    """
    try:
        _simulate(file, stock, origin, tool_specs, machine, resolution, as_json)
    except UserError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


def _simulate(file, stock, origin, tool_specs, machine, resolution, as_json):
    from cncworkbench.core import simulation
    from cncworkbench.core.gcode import interpret_file

    tools = {}
    for spec in tool_specs:
        tool = parse_tool(spec)
        if tool.number in tools:
            raise UserError(f"--tool {spec}: tool T{tool.number} is given twice")
        tools[tool.number] = tool
    if any(size <= 0 for size in stock):
        raise UserError("--stock: every size must be more than 0 mm")
    limits = None
    machine_name = None
    if machine:
        machine_name, limits = machine_limits(machine)
    try:
        program = interpret_file(file)
    except OSError as exc:
        raise UserError(f"cannot read {file}: {exc.strerror or exc}") from None
    for warning in program.warnings:
        click.echo(f"warning: {warning}", err=True)
    stock_min = tuple(origin)
    stock_max = tuple(o + s for o, s in zip(origin, stock, strict=True))
    result = simulation.simulate(
        program, stock_min, stock_max, tools, machine=limits, resolution_mm=resolution
    )
    if as_json:
        data = result.as_dict()
        data["file"] = str(file)
        data["machine"] = machine_name
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for line in _summary(result, machine_name):
            click.echo(line)
    if result.errors:
        sys.exit(1)


def _summary(result, machine_name) -> list[str]:
    ny, nx = result.grid.shape
    size = [hi - lo for lo, hi in zip(result.stock_min, result.stock_max, strict=True)]
    x, y, z = result.stock_min
    percent = 100.0 * result.removed_volume_mm3 / result.stock_volume_mm3
    lines = [
        f"stock {size[0]:g} × {size[1]:g} × {size[2]:g} mm from X{x:g} Y{y:g} Z{z:g}; "
        f"{result.grid.cell_mm:g} mm cells ({nx} × {ny})",
        f"removed {result.removed_volume_mm3:.1f} mm³ of {result.stock_volume_mm3:.1f} mm³ "
        f"({percent:.1f} %, within ±{result.accuracy_percent:.2f} %); "
        f"{result.move_classes.count('cut')} cutting moves, "
        f"{result.move_classes.count('air')} in the air",
        f"machining time {_duration(result.machining_time_s)}"
        + (f" on {machine_name}" if machine_name else ""),
    ]
    for finding in result.findings:
        lines.append(
            f"{finding.severity.upper():<7} line {finding.line}: {finding.kind}: {finding.message}"
        )
    if not result.findings:
        lines.append("no problems found")
    return lines
