"""``cncworkbench feeds``: cutting speed, spindle speed and feed for one cut."""

from __future__ import annotations

import json
import sys

import click

from cncworkbench.cli.base import severity_label
from cncworkbench.cli.context import (
    acting,
    app_context,
)
from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError

# Units after a number the user gave to `feeds`.
UNITS = {
    "m/min": QT_TRANSLATE_NOOP("Cli", "m/min"),
    "rpm": QT_TRANSLATE_NOOP("Cli", "rpm"),
}


@click.command(
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Spindle speed, feed, chip load, removal rate and power for one cut.\n\n"
        "Either from the catalog (--material, --tool, --machine) or from raw numbers\n"
        "(--vc --fz --kc --diameter --flutes [--max-rpm]); raw numbers override catalog ones.",
    )
)
@click.option(
    "--material", help=QT_TRANSLATE_NOOP("Cli", "Catalog material (name or a unique part of it).")
)
@click.option(
    "--tool", help=QT_TRANSLATE_NOOP("Cli", "Catalog tool (name or a unique part of it).")
)
@click.option(
    "--machine", help=QT_TRANSLATE_NOOP("Cli", "Catalog machine: clamps RPM/feed, checks power.")
)
@click.option(
    "--vc",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Cutting speed, m/min (instead of --material)."),
)
@click.option(
    "--fz", type=float, help=QT_TRANSLATE_NOOP("Cli", "Feed per tooth, mm (instead of --material).")
)
@click.option(
    "--kc",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Specific cutting force, N/mm² (instead of --material)."),
)
@click.option(
    "--diameter",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Tool diameter, mm (instead of --tool)."),
)
@click.option(
    "--flutes", type=int, help=QT_TRANSLATE_NOOP("Cli", "Number of flutes (instead of --tool).")
)
@click.option(
    "--tool-type",
    type=click.Choice(["flat_endmill", "ball_endmill", "bull_endmill", "drill", "face_mill"]),
    help=QT_TRANSLATE_NOOP("Cli", "Tool type (instead of --tool; default flat_endmill)."),
)
@click.option("--corner-radius", type=float, help=QT_TRANSLATE_NOOP("Cli", "Corner radius, mm."))
@click.option(
    "--flute-length",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Flute length, mm (checks ap against it)."),
)
@click.option(
    "--max-rpm",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Spindle maximum, rpm (instead of --machine)."),
)
@click.option(
    "--power", "power_kw", type=float, help=QT_TRANSLATE_NOOP("Cli", "Spindle power, kW.")
)
@click.option(
    "--ae",
    type=float,
    help=QT_TRANSLATE_NOOP("Cli", "Radial depth (stepover), mm. Default: full slot."),
)
@click.option("--ap", type=float, help=QT_TRANSLATE_NOOP("Cli", "Axial depth (stepdown), mm."))
@click.option(
    "--json", "as_json", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Print JSON for scripts.")
)
def feeds(**options):

    from cncworkbench.core import feeds as formulas

    try:
        inputs = _feeds_inputs(options)
        result = formulas.compute(inputs)
    except formulas.FeedsError as exc:
        raise UserError(str(exc)) from exc
    if options["as_json"]:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return

    def n(value, decimals):
        return localefmt.number(value, decimals, grouping=False)

    rpm, mm_min = translate("Cli", "{value} rpm"), translate("Cli", "{value} mm/min")
    m_min, cm3_min = translate("Cli", "{value} m/min"), translate("Cli", "{value} cm³/min")
    rows = [
        (translate("Cli", "Spindle speed"), rpm.format(value=n(result.rpm, 0)), "rpm"),
        (translate("Cli", "Feed"), mm_min.format(value=n(result.feed_mm_min, 0)), "feed"),
        (translate("Cli", "Plunge feed"), mm_min.format(value=n(result.plunge_feed_mm_min, 0)),
         "plunge_feed"),
        (translate("Cli", "Programmed fz"), f"{n(result.fz_programmed_mm, 4)} mm", "fz_programmed"),
        (translate("Cli", "Cutting speed"), m_min.format(value=n(result.vc_actual_m_min, 0)),
         "vc_actual"),
        (translate("Cli", "Removal rate"), cm3_min.format(value=n(result.mrr_cm3_min, 2)), "mrr"),
        (translate("Cli", "Power"), f"{n(result.power_kw, 2)} kW", "power"),
        (translate("Cli", "Torque"), f"{n(result.torque_nm, 2)} N·m", "torque"),
        (translate("Cli", "Specific force"), f"{n(result.kc_n_mm2, 0)} N/mm²", "kc"),
    ]  # fmt: skip
    width = max(15, *(len(label) for label, _value, _key in rows))
    for label, value, key in rows:
        click.echo(f"{label:<{width}} {value:>16}   {result.sources.get(key, '')}")
    for warning in result.warnings:
        click.echo(f"{severity_label(warning.severity)}: {warning.message}", err=True)
    if result.errors:
        sys.exit(1)


def _feeds_inputs(options: dict):
    """CutInputs from catalog rows and/or raw numbers; raw numbers win."""
    import dataclasses

    from cncworkbench.core import feeds as formulas

    material = tool = machine = None
    if options["material"] or options["tool"] or options["machine"]:
        from cncworkbench.db.models import Machine, Material, Tool
        from cncworkbench.services.machining import catalog

        with acting(app_context(), None) as (session, _actor):
            for key, model in (("material", Material), ("tool", Tool), ("machine", Machine)):
                if options[key]:
                    found = catalog.as_mapping(catalog.find(session, model, options[key]))
                    material, tool, machine = (
                        found if key == "material" else material,
                        found if key == "tool" else tool,
                        found if key == "machine" else machine,
                    )
    given_tool = {
        "type": options["tool_type"],
        "diameter_mm": options["diameter"],
        "flute_count": options["flutes"],
        "corner_radius_mm": options["corner_radius"],
        "flute_length_mm": options["flute_length"],
    }
    tool = {"name": "tool", "type": "flat_endmill", **(tool or {})}
    tool.update({key: value for key, value in given_tool.items() if value is not None})
    if material is None:
        missing = [f"--{name}" for name in ("vc", "fz", "kc") if options[name] is None]
        if missing:
            raise UserError(
                translate("Cli", "Give --material, or the cutting data: missing {options}").format(
                    options=", ".join(missing)
                )
            )
        material = {
            "name": "given",
            "cutting_speed_m_min": options["vc"],
            "feed_rate_mm_tooth": options["fz"],
            "properties": {"kc1_n_mm2": options["kc"]},
        }
    for key, flag in (("diameter_mm", "--diameter"), ("flute_count", "--flutes")):
        if not tool.get(key):
            raise UserError(translate("Cli", "Give --tool, or {option}.").format(option=flag))
    inputs = formulas.inputs_from_catalog(material, tool, machine, options["ae"], options["ap"])
    overrides: dict = {}
    sources = dict(inputs.sources)
    for field, option, unit in (
        ("vc_m_min", "vc", "m/min"),
        ("fz_mm", "fz", "mm"),
        ("kc_n_mm2", "kc", "N/mm²"),
        ("max_rpm", "max_rpm", "rpm"),
        ("spindle_power_kw", "power_kw", "kW"),
    ):
        if options[option] is not None:
            overrides[field] = options[option]
            sources[option] = translate("Cli", "given: {value} {unit}").format(
                value=i18n.number(options[option], 6), unit=translate("Cli", UNITS.get(unit, unit))
            )
    if options["kc"] is not None:
        overrides["kienzle_mc"] = None
        sources.pop("kc1", None)
    return dataclasses.replace(inputs, sources=sources, **overrides)
