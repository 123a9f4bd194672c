"""The operator's decision on a simulated run: approved or rejected, with a comment.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

- ``sim_reviews``: one decision per simulated run (the ERD's ``sim_runs.status`` says what
  the simulation found; whether a person let the program go to the machine is a separate
  fact, with who and when). Operators (``sim.approve``) insert their own decision; the
  row is never updated or deleted (a rejected program is fixed and simulated again).
- A trigger refuses to approve a run whose simulation found errors, whoever asks.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GUARD_SQL = r"""
CREATE FUNCTION cnc_sim_review_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_status text;
BEGIN
    SELECT status INTO v_status FROM sim_runs WHERE id = NEW.sim_run_id;
    IF v_status IS NULL THEN
        RAISE EXCEPTION 'simulated run % does not exist', NEW.sim_run_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF NEW.decision = 'approved' AND v_status NOT IN ('passed', 'warnings') THEN
        RAISE EXCEPTION 'simulated run % has status %: a program with errors cannot be approved',
            NEW.sim_run_id, v_status USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
"""


def upgrade() -> None:
    op.create_table(
        "sim_reviews",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column(
            "sim_run_id",
            sa.Integer,
            sa.ForeignKey("sim_runs.id", ondelete="CASCADE", name="sim_reviews_sim_run_id_fkey"),
            nullable=False,
        ),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="RESTRICT", name="sim_reviews_user_id_fkey"),
            nullable=False,
        ),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column(
            "created_at", sa.DateTime, nullable=False, server_default=sa.text("CURRENT_TIMESTAMP")
        ),
        sa.CheckConstraint(
            "decision IN ('approved', 'rejected')", name="sim_reviews_decision_check"
        ),
        sa.CheckConstraint(
            "comment IS NULL OR length(comment) <= 2000", name="sim_reviews_comment_length_check"
        ),
        sa.PrimaryKeyConstraint("id", name="sim_reviews_pkey"),
    )
    op.execute("CREATE UNIQUE INDEX idx_sim_reviews_sim_run_id ON sim_reviews (sim_run_id)")
    op.execute(GUARD_SQL)
    op.execute(
        "CREATE TRIGGER sim_reviews_guard BEFORE INSERT ON sim_reviews "
        "FOR EACH ROW EXECUTE FUNCTION cnc_sim_review_guard()"
    )
    op.execute("REVOKE ALL ON FUNCTION cnc_sim_review_guard() FROM PUBLIC")
    op.execute("ALTER TABLE sim_reviews ENABLE ROW LEVEL SECURITY")
    op.execute("GRANT SELECT, INSERT ON sim_reviews TO cnc_client")
    op.execute("GRANT USAGE ON SEQUENCE sim_reviews_id_seq TO cnc_client")
    op.execute(
        "CREATE POLICY sim_reviews_client_select ON sim_reviews FOR SELECT TO cnc_client "
        "USING ((SELECT cnc_has_permission('sim.read')))"
    )
    op.execute(
        "CREATE POLICY sim_reviews_client_insert ON sim_reviews FOR INSERT TO cnc_client "
        "WITH CHECK (user_id = (SELECT cnc_current_user_id()) "
        "AND (SELECT cnc_has_permission('sim.approve')))"
    )
    op.execute("GRANT SELECT ON sim_reviews TO cnc_worker")
    op.execute(
        "CREATE POLICY sim_reviews_worker_select ON sim_reviews FOR SELECT TO cnc_worker "
        "USING (true)"
    )


def downgrade() -> None:
    op.execute("DROP TABLE sim_reviews")
    op.execute("DROP FUNCTION cnc_sim_review_guard()")
