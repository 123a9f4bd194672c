"""``cncworkbench machine|tool|material list/show``: the catalog from the command line.

``list`` filters (``--type``, tools ``--diameter``, ``--search`` words of the name);
``show`` takes an id or a name that picks one item (else the candidates are listed).
``--json`` prints JSON on both."""

from __future__ import annotations

import json

import click

from cncworkbench.cli.context import AS_USER, acting_session
from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate

JSON_HELP = QT_TRANSLATE_NOOP("Cli", "Print JSON.")
GROUP_HELP = {
    "machine": QT_TRANSLATE_NOOP("Cli", "The catalog's machines."),
    "tool": QT_TRANSLATE_NOOP("Cli", "The catalog's tools."),
    "material": QT_TRANSLATE_NOOP("Cli", "The catalog's materials."),
}
LIST_HELP = {
    "machine": QT_TRANSLATE_NOOP("Cli", "List the active machines (filter with --type, --search)."),
    "tool": QT_TRANSLATE_NOOP(
        "Cli", "List the active tools (filter with --type, --diameter, --search)."
    ),
    "material": QT_TRANSLATE_NOOP(
        "Cli", "List the materials (filter with --type for the category, --search)."
    ),
}
SHOW_HELP = {
    "machine": QT_TRANSLATE_NOOP("Cli", "Everything about one machine: ID or its name."),
    "tool": QT_TRANSLATE_NOOP("Cli", "Everything about one tool: ID or its name."),
    "material": QT_TRANSLATE_NOOP("Cli", "Everything about one material: ID or its name."),
}


def _n(value, decimals: int = 1) -> str:
    return "-" if value is None else i18n.number(float(value), decimals)


def _line(kind: str, row) -> str:
    if kind == "machine":
        envelope = " × ".join(
            _n(v, 0) for v in (row.work_envelope_x_mm, row.work_envelope_y_mm,
                               row.work_envelope_z_mm)
        )  # fmt: skip
        return (
            f"{row.id:>4}  {row.name:<34} {row.type:<7} {row.axes}  {envelope:>17} mm  "
            f"{localefmt.integer(row.spindle_max_rpm):>7} rpm  {row.post_processor}"
        )
    if kind == "tool":
        return (
            f"{row.id:>4}  Ø{_n(row.diameter_mm, 3):>7}  {row.type:<13} "
            f"{row.flute_count or '-':>2}F  {row.name}"
        )
    return f"{row.id:>4}  {row.category:<15} {_n(row.cutting_speed_m_min, 0):>5} m/min  {row.name}"


def _group(kind: str) -> click.Group:
    @click.group(kind, help=GROUP_HELP[kind])
    def group():
        pass

    @group.command("list", help=LIST_HELP[kind])
    @click.option("--type", "type_", help=QT_TRANSLATE_NOOP("Cli", "Type (materials: category)."))
    @click.option(
        "--diameter", type=float, help=QT_TRANSLATE_NOOP("Cli", "Tools of this diameter, mm.")
    )
    @click.option("--search", help=QT_TRANSLATE_NOOP("Cli", "Words of the name."))
    @click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
    @AS_USER
    def list_command(type_, diameter, search, as_json, as_user):
        from cncworkbench.services.machining import catalog_query

        with acting_session(as_user) as (session, actor):
            rows = catalog_query.list_items(session, actor, kind, type_, diameter, search)
            if as_json:
                click.echo(json.dumps([catalog_query.as_json(r) for r in rows], ensure_ascii=False))
                return
            for row in rows:
                click.echo(_line(kind, row))
        if not rows:
            click.echo(translate("Cli", "nothing matches"))

    @group.command("show", help=SHOW_HELP[kind])
    @click.argument("name", metavar="ID|NAME")
    @click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
    @AS_USER
    def show_command(name, as_json, as_user):
        from cncworkbench.services.machining import catalog_query

        with acting_session(as_user) as (session, actor):
            values = catalog_query.as_json(catalog_query.select_one(session, actor, kind, name))
        if as_json:
            click.echo(json.dumps(values, ensure_ascii=False))
            return
        width = max(len(key) for key in values) + 2
        for key, value in values.items():
            if value is None or key in ("created_at", "updated_at"):
                continue
            if isinstance(value, dict | list):
                value = json.dumps(value, ensure_ascii=False)
            click.echo(f"{key + ':':<{width}} {value}")

    return group


machine = _group("machine")
tool = _group("tool")
material = _group("material")
