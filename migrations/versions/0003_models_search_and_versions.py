"""Model versions form one line, names are searchable the way Turkish users type them,
project names are unique.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

- ``idx_models_parent_model_id`` (UNIQUE where set): a version has at most one next
  version, so two engineers uploading "version 4" at once cannot fork the history.
- ``cnc_fold(text)``: lower case with Turkish rules (İ/I → i) and the Turkish letters
  without their marks (ç ğ ı ö ş ü → c g i o s u, â î û → a i u); the same folding as
  ``cncworkbench.core.text.fold``. A trigram index on ``cnc_fold(name)`` makes
  "contains" searches fast at any table size.
- ``idx_projects_name_unique``: one live project per name, whatever the case.

The two expression indexes are managed here only (see HAND_MANAGED_INDEXES in
migrations/env.py); Alembic's autogenerate does not compare expression indexes reliably.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOLD_SQL = """
CREATE FUNCTION cnc_fold(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT translate(
        lower(translate(p_text, 'İIÇĞÖŞÜÂÎÛ', 'iiçğöşüâîû')),
        'çğıöşüâîû', 'cgiosuaiu')
$$
"""


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(FOLD_SQL)
    op.execute("GRANT EXECUTE ON FUNCTION cnc_fold(text) TO cnc_client, cnc_worker")
    op.create_index(
        "idx_models_parent_model_id",
        "models",
        ["parent_model_id"],
        unique=True,
        postgresql_where=sa.text("parent_model_id IS NOT NULL"),
    )
    op.execute(
        "CREATE INDEX idx_models_name_search ON models USING gin (cnc_fold(name) gin_trgm_ops)"
    )
    op.execute(
        "CREATE UNIQUE INDEX idx_projects_name_unique ON projects (cnc_fold(btrim(name))) "
        "WHERE is_deleted = false"
    )


def downgrade() -> None:
    op.execute("DROP INDEX idx_projects_name_unique")
    op.execute("DROP INDEX idx_models_name_search")
    op.drop_index("idx_models_parent_model_id", table_name="models")
    op.execute("DROP FUNCTION cnc_fold(text)")
