"""The user directory shows each account's language.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25

Workers write notifications for other users (license expiry warnings) and may read the
``user_directory`` view only, not ``users``: with ``locale`` in the view they can word
each notification in its reader's language. A language is not personal data the view
hides (it is what every panel of that user shows).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONDITION = "WHERE cnc_current_user_id() IS NOT NULL OR cnc_caller_is_privileged()"


def upgrade() -> None:
    # CREATE OR REPLACE keeps the grants; a new column may only be added at the end.
    op.execute(
        "CREATE OR REPLACE VIEW user_directory WITH (security_barrier) AS "
        f"SELECT id, email, role, is_active, locale FROM users {CONDITION}"
    )


def downgrade() -> None:
    # A view cannot drop a column in place: recreate it as 0002 made it, with its grants.
    op.execute("DROP VIEW user_directory")
    op.execute(
        "CREATE VIEW user_directory WITH (security_barrier) AS "
        f"SELECT id, email, role, is_active FROM users {CONDITION}"
    )
    op.execute("GRANT SELECT ON user_directory TO cnc_client, cnc_worker")
