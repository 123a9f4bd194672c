"""Reads the user's ERD (``resources/ERD.md``) into tables, columns and indexes.

The schema tests compare the live database against what this parser returns, so the ERD
file itself, not a hand-made copy of it, is the specification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ERD_PATH = Path(__file__).resolve().parents[2] / "resources" / "ERD.md"

ON_DELETE = {"CASCADE": "c", "RESTRICT": "r", "SET NULL": "n", "NO ACTION": "a"}


@dataclass
class ErdColumn:
    name: str
    type: str
    constraints: str
    description: str
    primary_key: bool = False
    not_null: bool = False
    unique: bool = False
    indexed: bool = False
    default: str | None = None
    check: str | None = None
    references: tuple[str, str] | None = None  # (table, column)
    on_delete: str | None = None  # pg_constraint.confdeltype letter

    @property
    def serial(self) -> bool:
        return self.type.upper() == "SERIAL"

    @property
    def enum_values(self) -> list[str] | None:
        match = re.search(r"\(enum:\s*([^)]*)\)", self.description)
        if not match:
            return None
        return [value.strip() for value in match.group(1).split(",")]


@dataclass
class ErdIndex:
    name: str
    table: str
    columns: str  # the text inside "on (...)", e.g. "user_id, created_at DESC"
    gin: bool
    where: str | None

    def create_sql(self, schema: str, name: str | None = None) -> str:
        using = " USING gin" if self.gin else ""
        where = f" WHERE {self.where}" if self.where else ""
        return (
            f"CREATE INDEX {name or self.name} ON {schema}.{self.table}{using} "
            f"({self.columns}){where}"
        )


@dataclass
class ErdTable:
    name: str
    columns: list[ErdColumn] = field(default_factory=list)
    indexes: list[ErdIndex] = field(default_factory=list)

    def column(self, name: str) -> ErdColumn:
        return next(column for column in self.columns if column.name == name)


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split on ``separator`` outside parentheses and quotes."""
    parts, depth, quoted, current = [], 0, False, []
    for char in text:
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
        if char == separator and depth == 0 and not quoted:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def parse_constraints(column: ErdColumn) -> None:
    for part in split_top_level(column.constraints):
        upper = part.upper()
        if upper == "PRIMARY KEY":
            column.primary_key = column.not_null = True
        elif upper == "NOT NULL":
            column.not_null = True
        elif upper == "UNIQUE":
            column.unique = True
        elif upper == "INDEX":
            column.indexed = True
        elif upper.startswith("DEFAULT "):
            column.default = part[len("DEFAULT ") :].strip()
        elif upper.startswith("CHECK"):
            column.check = part[len("CHECK") :].strip()
        elif upper.startswith("FOREIGN KEY"):
            match = re.fullmatch(
                r"FOREIGN KEY \((\w+)\.(\w+)\) ON DELETE (CASCADE|RESTRICT|SET NULL|NO ACTION)",
                part.strip(),
                flags=re.IGNORECASE,
            )
            if not match:
                raise ValueError(f"cannot read foreign key {part!r} of {column.name}")
            column.references = (match.group(1), match.group(2))
            column.on_delete = ON_DELETE[match.group(3).upper()]
        elif part:
            raise ValueError(f"unknown constraint {part!r} on column {column.name}")


_INDEX_LINE = re.compile(
    r"^- `(?P<name>\w+)`\s+(?P<gin>GIN index\s+)?on\s+\((?P<cols>[^)]*)\)"
    r"\s*(?:WHERE\s+(?P<where>.+))?$"
)


def parse_erd(text: str | None = None) -> dict[str, ErdTable]:
    text = ERD_PATH.read_text(encoding="utf-8") if text is None else text
    tables: dict[str, ErdTable] = {}
    table: ErdTable | None = None
    in_indexes = False
    for raw in text.splitlines():
        line = raw.strip()
        heading = re.fullmatch(r"### (\w+)", line)
        if heading:
            table = tables.setdefault(heading.group(1), ErdTable(heading.group(1)))
            in_indexes = False
            continue
        if line.startswith("## "):
            table, in_indexes = None, False
            continue
        if table is None:
            continue
        if line.startswith("**Indexes:**"):
            in_indexes = True
            continue
        if line.startswith("|") and not in_indexes:
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if len(cells) != 4 or cells[0] in ("Column",) or set(cells[0]) <= {"-"}:
                continue
            column = ErdColumn(cells[0], cells[1], cells[2], cells[3])
            parse_constraints(column)
            table.columns.append(column)
        elif in_indexes and line.startswith("- `"):
            match = _INDEX_LINE.match(line)
            if not match:
                raise ValueError(f"cannot read index line {line!r}")
            table.indexes.append(
                ErdIndex(
                    name=match.group("name"),
                    table=table.name,
                    columns=match.group("cols"),
                    gin=bool(match.group("gin")),
                    where=match.group("where"),
                )
            )
    return tables


def shadow_column_sql(column: ErdColumn) -> str:
    """The column as DDL, to let PostgreSQL normalise types, defaults and checks."""
    parts = [column.name, column.type]
    if column.not_null and not column.primary_key:
        parts.append("NOT NULL")
    if column.default is not None:
        parts.append(f"DEFAULT {column.default}")
    return " ".join(parts)
