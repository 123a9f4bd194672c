"""One permission matrix: in the code, in the migration, in the database and in the README."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.core.permissions import MATRIX, ROLES, Permission, matrix_markdown, require
from cncworkbench.db import migrate
from cncworkbench.errors import PermissionDenied

README = Path(__file__).resolve().parents[1] / "README.md"


def migration_matrix():
    path = migrate.MIGRATIONS_DIR / "versions" / "0002_identity_and_audit.py"
    spec = importlib.util.spec_from_file_location("m0002", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {role: set(perms) for role, perms in module.ROLE_PERMISSIONS.items()}


def test_the_migration_holds_the_same_matrix_as_the_code():
    assert migration_matrix() == {role: {str(p) for p in perms} for role, perms in MATRIX.items()}


def test_the_database_holds_the_same_matrix(db):
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT role, permission FROM role_permissions")).all()
    live = {role: set() for role in ROLES}
    for role, permission in rows:
        live[role].add(permission)
    assert live == {role: {str(p) for p in perms} for role, perms in MATRIX.items()}


def test_the_readme_shows_the_matrix():
    assert matrix_markdown() in README.read_text()


def test_matrix_shape():
    assert MATRIX["viewer"] < MATRIX["engineer"]
    assert Permission.SIM_APPROVE in MATRIX["operator"]
    assert Permission.SIM_APPROVE not in MATRIX["engineer"] | MATRIX["admin"]
    assert Permission.USER_MANAGE in MATRIX["admin"]
    assert not any(Permission.USER_MANAGE in MATRIX[r] for r in ("engineer", "operator", "viewer"))


def test_refusals_say_who_may():
    require("engineer", Permission.MODEL_WRITE)
    with pytest.raises(
        PermissionDenied, match=r"Your role \(viewer\) may not upload models.*admin or engineer"
    ):
        require("viewer", Permission.MODEL_WRITE)
    with pytest.raises(PermissionDenied, match="Log in first"):
        require(None, Permission.PROJECT_READ)
