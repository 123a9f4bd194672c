"""A worker running a job nobody submitted (the owner's or the system's) may queue its
follow-up jobs, as nobody's too.

0021 let a worker submit only for the user whose running job it holds, comparing with ``=``:
for a job with no user (``cncworkbench cam post`` run with the owner's credentials) NULL =
NULL is not true, so the post's simulation job was refused and the post failed.

Revision ID: 0022
Revises: 0021
"""

from collections.abc import Sequence

from alembic import op

from cncworkbench.db.migrate import replace_in_function

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUBMIT = "cnc_submit_job(text, jsonb, integer, text, integer, integer, timestamp, integer)"
OLD = "SELECT 1 FROM jobs j WHERE j.user_id = p_actor_user_id AND j.status = 'running'"
NEW = (
    "SELECT 1 FROM jobs j WHERE j.user_id IS NOT DISTINCT FROM p_actor_user_id"
    " AND j.status = 'running'"
)


def upgrade() -> None:
    replace_in_function(op.get_bind(), SUBMIT, (OLD, NEW))


def downgrade() -> None:
    replace_in_function(op.get_bind(), SUBMIT, (NEW, OLD))
