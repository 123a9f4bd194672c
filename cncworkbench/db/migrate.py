"""Alembic, driven from Python: the only way the schema changes."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
# Expression indexes Alembic cannot compare reliably: created and dropped by hand in the
# migration that introduced them (0003-0005), invisible to autogenerate.
HAND_MANAGED_INDEXES = {
    "idx_models_name_search",
    "idx_projects_name_unique",
    "idx_jobs_queue",
    "idx_model_heads_newest",
    "idx_model_heads_project",
}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """What autogenerate compares: not Alembic's own table, not hand-managed indexes."""
    if type_ == "table" and name == "alembic_version":
        return False
    return not (type_ == "index" and name in HAND_MANAGED_INDEXES)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # The engine travels in attributes: URLs with %-escapes would trip configparser.
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
