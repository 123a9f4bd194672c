"""Soft delete (``is_deleted``) of models and projects needs the delete permission.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

Row-level security lets an engineer (``model.write``, ``project.write``) update models and
projects, so a raw ``UPDATE models SET is_deleted = true`` on a colleague's model
succeeded although deleting is for administrators only (``model.delete``,
``project.delete``), and left no audit entry. A trigger now refuses a change of
``is_deleted`` unless the connection's user has the delete permission (or the caller is
the database owner, acting from the CLI): the only path left is the service, which audits.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GUARDED = {"models": "model.delete", "projects": "project.delete"}


def upgrade() -> None:
    op.execute(
        """
CREATE FUNCTION cnc_soft_delete_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.is_deleted IS DISTINCT FROM OLD.is_deleted
       AND NOT (cnc_has_permission(TG_ARGV[0]) OR cnc_caller_is_owner()) THEN
        RAISE EXCEPTION 'deleting % needs the % permission', TG_TABLE_NAME, TG_ARGV[0]
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END;
$$;
"""
    )
    for table, permission in GUARDED.items():
        op.execute(
            f"CREATE TRIGGER {table}_soft_delete_guard BEFORE UPDATE OF is_deleted ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION cnc_soft_delete_guard('{permission}')"
        )


def downgrade() -> None:
    for table in GUARDED:
        op.execute(f"DROP TRIGGER {table}_soft_delete_guard ON {table}")
    op.execute("DROP FUNCTION cnc_soft_delete_guard()")
