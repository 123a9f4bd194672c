"""The head revision of the migration files, read without importing Alembic or SQLAlchemy
(a command that only checks the schema is current need not load either)."""

from __future__ import annotations

import ast
import contextlib
import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


# The revision and down_revision assignments of a migration file, as in script.py.mako.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.M)
_heads: dict[tuple, str] = {}


def head_revision() -> str:
    """The newest revision of the migration files, read from their ``revision`` and
    ``down_revision`` lines without importing Alembic or running the files (Alembic's script
    directory decides when they are not one plain chain). Kept per listing of the folder."""
    files = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
    listing = tuple((path.name, path.stat().st_mtime_ns) for path in files)
    if listing not in _heads:
        _heads.clear()
        _heads[listing] = _read_head(files) or _alembic_head()
    return _heads[listing]


def _read_head(files: list[Path]) -> str | None:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in files:
        found: dict[str, object] = {}
        for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            with contextlib.suppress(ValueError, SyntaxError):
                found.setdefault(name, ast.literal_eval(value))
        revision, parent = found.get("revision"), found.get("down_revision", ...)
        if not isinstance(revision, str) or not (parent is None or isinstance(parent, str)):
            return None  # merges, branch labels, computed values: Alembic's business
        revisions.add(revision)
        if parent is not None:
            parents.add(parent)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head
