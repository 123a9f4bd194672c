"""The reference catalog: machines, tools and materials.

``seed`` loads ``resources/catalog/*.toml`` idempotently: rows are matched by name,
inserted when missing, updated when the file changed, left alone otherwise; running it
twice (or from two processes at once) never duplicates a row.
"""

from __future__ import annotations

import decimal
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import feeds
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.core.text import fold
from cncworkbench.db.models import Machine, Material, Tool
from cncworkbench.errors import ValidationError

CATALOG_DIR = Path(__file__).resolve().parents[3] / "resources" / "catalog"

# file -> (array key, model, JSON column that receives keys without a column of their own)
CATALOG_FILES = {
    "machines.toml": ("machine", Machine, "specifications"),
    "materials.toml": ("material", Material, "properties"),
    "tools.toml": ("tool", Tool, "specifications"),
}
# Any two concurrent seeders serialise on this advisory lock id.
_SEED_LOCK = 0x434E_4353  # "CNCS"

# What a seed report calls each kind of row.
KIND_TEXT = {
    "machines": QT_TRANSLATE_NOOP("Catalog", "machines"),
    "materials": QT_TRANSLATE_NOOP("Catalog", "materials"),
    "tools": QT_TRANSLATE_NOOP("Catalog", "tools"),
}
# find(): several rows match, none matches, the catalog has none (by table).
_SEVERAL = {
    "machines": QT_TRANSLATE_NOOP("Catalog", '"{name}" matches {count} machines: {listed}'),
    "tools": QT_TRANSLATE_NOOP("Catalog", '"{name}" matches {count} tools: {listed}'),
    "materials": QT_TRANSLATE_NOOP("Catalog", '"{name}" matches {count} materials: {listed}'),
}
_NONE_YET = {
    "machines": QT_TRANSLATE_NOOP(
        "Catalog", "The catalog has no machines yet: run `cncworkbench seed`."
    ),
    "tools": QT_TRANSLATE_NOOP("Catalog", "The catalog has no tools yet: run `cncworkbench seed`."),
    "materials": QT_TRANSLATE_NOOP(
        "Catalog", "The catalog has no materials yet: run `cncworkbench seed`."
    ),
}
_NOT_FOUND = {
    "machines": QT_TRANSLATE_NOOP("Catalog", 'No machine is called "{name}". Known: {listed}'),
    "tools": QT_TRANSLATE_NOOP("Catalog", 'No tool is called "{name}". Known: {listed}'),
    "materials": QT_TRANSLATE_NOOP("Catalog", 'No material is called "{name}". Known: {listed}'),
}


@dataclass
class SeedReport:
    inserted: dict[str, int]
    updated: dict[str, int]
    unchanged: dict[str, int]

    def lines(self) -> list[str]:
        return [
            translate(
                "Catalog", "{kind}: {added} added, {updated} updated, {unchanged} unchanged"
            ).format(
                kind=translate("Catalog", KIND_TEXT.get(kind, kind)),
                added=self.inserted[kind],
                updated=self.updated[kind],
                unchanged=self.unchanged[kind],
            )
            for kind in self.inserted
        ]


def load_catalog_file(path: Path) -> list[dict[str, Any]]:
    key, model, json_column = CATALOG_FILES[path.name]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(
            translate("Catalog", "The catalog file {path} is not valid TOML: {error}").format(
                path=path, error=exc
            )
        ) from exc
    columns = set(model.__table__.columns.keys()) - {"id", "created_at", "updated_at"}
    rows = []
    for number, entry in enumerate(data.get(key, []), start=1):
        if "name" not in entry:
            raise ValidationError(
                translate("Catalog", "Entry {number} in {file} has no name.").format(
                    number=number, file=path.name
                )
            )
        row = {
            name: _as_stored(model.__table__.c[name], value)
            for name, value in entry.items()
            if name in columns
        }
        extra = {name: value for name, value in entry.items() if name not in columns}
        if extra:  # provenance (source, estimated, note) travels in the JSON column
            row[json_column] = {**(row.get(json_column) or {}), **extra}
        rows.append(row)
    names = [row["name"] for row in rows]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValidationError(
            translate("Catalog", "{file} names these entries twice: {names}").format(
                file=path.name, names=", ".join(duplicates)
            )
        )
    return rows


def _as_stored(column: sa.Column, value: Any) -> Any:
    """The value as the column will hold it: NUMERIC(p, s) rounds to s decimals
    (3.175 in a NUMERIC(10,2) column is 3.18), so a re-seed compares like with like."""
    scale = getattr(column.type, "scale", None)
    if isinstance(column.type, sa.Numeric) and scale is not None and value is not None:
        quantum = decimal.Decimal(1).scaleb(-scale)
        return decimal.Decimal(str(value)).quantize(quantum, rounding=decimal.ROUND_HALF_UP)
    return value


def seed(session: Session, catalog_dir: Path = CATALOG_DIR) -> SeedReport:
    session.execute(sa.select(sa.func.pg_advisory_xact_lock(_SEED_LOCK)))
    report = SeedReport({}, {}, {})
    for file_name, (key, model, _json_column) in CATALOG_FILES.items():
        rows = load_catalog_file(catalog_dir / file_name)
        existing = {item.name: item for item in session.scalars(sa.select(model))}
        inserted = updated = unchanged = 0
        for row in rows:
            current = existing.get(row["name"])
            if current is None:
                session.add(model(**row))
                inserted += 1
                continue
            changed = False
            for column, value in row.items():
                if getattr(current, column) != value:
                    setattr(current, column, value)
                    changed = True
            updated += changed
            unchanged += not changed
        kind = f"{key}s"
        report.inserted[kind], report.updated[kind], report.unchanged[kind] = (
            inserted,
            updated,
            unchanged,
        )
    session.flush()
    return report


def catalog_counts(session: Session) -> dict[str, int]:
    return {
        "machines": session.scalar(sa.select(sa.func.count()).select_from(Machine)),
        "tools": session.scalar(sa.select(sa.func.count()).select_from(Tool)),
        "materials": session.scalar(sa.select(sa.func.count()).select_from(Material)),
    }


def active_machines(session: Session) -> list[Machine]:
    return list(
        session.scalars(
            sa.select(Machine).where(Machine.is_active.is_(True)).order_by(Machine.name)
        )
    )


def active_tools(session: Session) -> list[Tool]:
    return list(
        session.scalars(
            sa.select(Tool).where(Tool.is_active.is_(True)).order_by(Tool.type, Tool.diameter_mm)
        )
    )


def materials(session: Session) -> list[Material]:
    return list(session.scalars(sa.select(Material).order_by(Material.category, Material.name)))


def name_matches(wanted: str, name: str) -> bool:
    """Whether ``wanted`` (folded) is in ``name`` as whole words and numbers: "5 mm carbide
    drill" is not in "8.5 mm carbide drill", nor "6 mm" in "16 mm"."""
    if not wanted:
        return False
    pattern = rf"(?<!\w)(?<!\d[.,/]){re.escape(wanted)}(?!\w)(?![.,/]\d)"
    return re.search(pattern, fold(name)) is not None


def find(session: Session, model: type[Machine | Tool | Material], name: str):
    """The catalog row called ``name``: exact first, else the one row whose name contains
    it as whole words (Turkish-folded); several or none is an error that lists what
    there is."""
    table = model.__tablename__
    exact = session.scalars(sa.select(model).where(model.name == name)).first()
    if exact is not None:
        return exact
    rows = list(session.scalars(sa.select(model).order_by(model.name)))
    wanted = fold(name.strip())
    matches = [row for row in rows if wanted and fold(row.name) == wanted]
    if not matches:
        matches = [row for row in rows if name_matches(wanted, row.name)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "; ".join(row.name for row in matches[:8])
        raise ValidationError(
            translate("Catalog", _SEVERAL[table]).format(
                name=name, count=len(matches), listed=listed
            )
        )
    if not rows:
        raise ValidationError(translate("Catalog", _NONE_YET[table]))
    listed = "; ".join(row.name for row in rows[:12])
    raise ValidationError(translate("Catalog", _NOT_FOUND[table]).format(name=name, listed=listed))


def as_mapping(row: Machine | Tool | Material) -> dict[str, Any]:
    """Column name -> plain value (floats for NUMERIC), as core.feeds expects."""
    return {
        column: float(value) if isinstance(value, decimal.Decimal) else value
        for column in row.__table__.columns.keys()  # noqa: SIM118 (names, not Columns)
        for value in [getattr(row, column)]
    }


def cutting_data(
    material: Material,
    tool: Tool,
    machine: Machine | None,
    ae_mm: float | None = None,
    ap_mm: float | None = None,
    as_drill: bool = False,
) -> feeds.CutResult:
    """Feeds and speeds for catalog rows; missing cutting data is a ValidationError.
    ``as_drill``: the tool plunges straight down (an end mill used to drill a hole)."""
    tool_data = as_mapping(tool)
    if as_drill and tool_data.get("type") not in feeds.DRILL_TYPES:
        tool_data["type"] = "drill"
    try:
        inputs = feeds.inputs_from_catalog(
            as_mapping(material),
            tool_data,
            as_mapping(machine) if machine is not None else None,
            ae_mm=ae_mm,
            ap_mm=ap_mm,
        )
        return feeds.compute(inputs)
    except feeds.FeedsError as exc:
        raise ValidationError(str(exc)) from exc
