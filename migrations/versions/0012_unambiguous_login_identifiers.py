"""A login identifier names one account: e-mail addresses match e-mails, numbers phones.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

``cnc_login`` looked an identifier up as ``email = x OR phone = x ... LIMIT 1``, and a user
may edit their own phone: one who set their phone to a colleague's e-mail address took
the colleague's e-mail login (the older account won the LIMIT, or the other, by id). Now
an identifier with '@' is looked up among e-mails only, any other among phones only, and
a phone must be a number in E.164 form (what the services store: ``+905321234567``), so it
can never read as an e-mail address.
"""

from collections.abc import Sequence

from alembic import op

from cncworkbench.db.migrate import replace_in_function

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOGIN = "cnc_login(text, text, text, text, boolean)"
EITHER = "WHERE u.email = lower(p_identifier) OR u.phone = p_identifier ORDER BY u.id LIMIT 1"
ONE_KIND = (
    "WHERE CASE WHEN strpos(p_identifier, '@') > 0 THEN u.email = lower(p_identifier) "
    "ELSE u.phone = p_identifier END ORDER BY u.id LIMIT 1"
)
E164 = r"^\+[1-9][0-9]{7,14}$"


def _replace_in_login(old: str, new: str) -> None:
    replace_in_function(op.get_bind(), LOGIN, (old, new))


def upgrade() -> None:
    _replace_in_login(EITHER, ONE_KIND)
    op.execute(
        f"""
CREATE FUNCTION cnc_users_phone_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.phone IS NOT NULL AND NEW.phone !~ '{E164}' THEN
        RAISE EXCEPTION 'a phone number must be in E.164 form such as +905321234567'
            USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION cnc_users_phone_guard() FROM PUBLIC;
CREATE TRIGGER users_phone_guard BEFORE INSERT OR UPDATE OF phone ON users
    FOR EACH ROW EXECUTE FUNCTION cnc_users_phone_guard();
"""
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER users_phone_guard ON users")
    op.execute("DROP FUNCTION cnc_users_phone_guard()")
    _replace_in_login(ONE_KIND, EITHER)
