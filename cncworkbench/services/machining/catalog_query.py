"""The catalog as people look things up in it: lists with filters, and one item picked by
id or name without ambiguity (``cncworkbench machine|tool|material list/show``, setups
made from names)."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.core.text import fold, sort_key
from cncworkbench.db.models import Machine, Material, Tool
from cncworkbench.errors import ValidationError
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.machining import catalog

KINDS: dict[str, type[Machine | Tool | Material]] = {
    "machine": Machine,
    "tool": Tool,
    "material": Material,
}
DIAMETER_TOLERANCE_MM = 0.005
_NO_TYPE = {
    "machine": QT_TRANSLATE_NOOP("Catalog", "No machine is of type '{type}'; types: {types}."),
    "tool": QT_TRANSLATE_NOOP("Catalog", "No tool is of type '{type}'; types: {types}."),
    "material": QT_TRANSLATE_NOOP(
        "Catalog", "No material is of category '{type}'; categories: {types}."
    ),
}
_NO_ID = {
    "machine": QT_TRANSLATE_NOOP("Catalog", "There is no machine {id}."),
    "tool": QT_TRANSLATE_NOOP("Catalog", "There is no tool {id}."),
    "material": QT_TRANSLATE_NOOP("Catalog", "There is no material {id}."),
}


def _type_column(kind: str):
    model = KINDS[kind]
    return model.category if kind == "material" else model.type


def types_of(session: Session, kind: str) -> list[str]:
    column = _type_column(kind)
    return sorted(session.scalars(sa.select(column).distinct()))


def list_items(
    session: Session,
    actor: Actor,
    kind: str,
    type_: str | None = None,
    diameter_mm: float | None = None,
    search: str | None = None,
) -> list[Machine | Tool | Material]:
    """Active machines/tools or all materials, filtered; names sorted as a Turkish reader
    expects. ``type_`` is a type (material: category) exactly, else a word of it ("flat"
    finds flat_endmill); ``diameter_mm`` (tools) within 0.005 mm; ``search`` whole words
    of the name, as :func:`catalog.find` matches them."""
    require(actor.role, Permission.CATALOG_READ)
    model = KINDS[kind]
    query = sa.select(model)
    if kind != "material":
        query = query.where(model.is_active.is_not(False))
    if type_:
        known = types_of(session, kind)
        wanted = type_.strip().lower()
        chosen = [t for t in known if t == wanted] or [t for t in known if wanted in t.split("_")]
        if not chosen:
            raise ValidationError(
                translate("Catalog", _NO_TYPE[kind]).format(type=type_, types=", ".join(known))
            )
        query = query.where(_type_column(kind).in_(chosen))
    if diameter_mm is not None:
        if kind != "tool":
            raise ValidationError(translate("Catalog", "Only tools have a diameter."))
        query = query.where(
            Tool.diameter_mm.between(
                decimal.Decimal(str(diameter_mm - DIAMETER_TOLERANCE_MM)),
                decimal.Decimal(str(diameter_mm + DIAMETER_TOLERANCE_MM)),
            )
        )
    rows = list(session.scalars(query))
    if search:
        wanted = fold(search.strip())
        rows = [row for row in rows if catalog.name_matches(wanted, row.name)]
    return sorted(rows, key=lambda row: sort_key(row.name))


def select_one(session: Session, actor: Actor, kind: str, text: str):
    """The one item ``text`` names: an id (``12`` or ``#12``), its exact name, or words
    of its name that fit no other (else the error lists the candidates)."""
    require(actor.role, Permission.CATALOG_READ)
    model = KINDS[kind]
    value = str(text).strip()
    digits = value.removeprefix("#")
    if digits.isdigit():
        row = session.get(model, int(digits))
        if row is None:
            raise ValidationError(translate("Catalog", _NO_ID[kind]).format(id=digits))
        return row
    return catalog.find(session, model, value)


def as_json(row: Machine | Tool | Material) -> dict[str, Any]:
    """Every column, JSON-ready (numbers as numbers, times as ISO 8601)."""
    values = catalog.as_mapping(row)
    return {
        key: value.isoformat() if isinstance(value, dt.datetime | dt.date) else value
        for key, value in values.items()
    }
