"""Licenses with seats enforced at login; invoices numbered gap-free; payments.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

Who a license serves: the installation is one shop. No user is tied to a license (no
column on ``users``, no link table): the license *in force* (``cnc_license_in_force_id()``:
active, started, not ended; the latest ending if ever several) serves every account,
and ``licenses.user_id`` is its holder, the buyer its invoices go to. Its ``seats`` cap
how many *different* users hold a live session (not revoked, not expired, account
active) at once; a second device of a user already logged in takes no extra seat.
Without a license in force logins are not counted and every gated feature is refused
(``cncworkbench.core.licensing``).

Seats are enforced in ``cnc_login`` (replaced here; it gains a ``seat_use`` column):
after the password is verified it locks the license row ``FOR UPDATE`` and only then
counts live sessions, so simultaneous logins are counted one after another and the
limit holds (each statement of the VOLATILE function sees what the logins before it
committed; callers use READ COMMITTED, the default). A refused login returns status
``seats_full`` and, in ``seat_use``, who holds the seats (e-mail, since when, their
session ids, for an administrator to end one with ``cnc_revoke_session``).

A trial becomes a paid plan on the *same* row (type, seats, features and end change;
the audit trail keeps each earlier value), so nothing that refers to it is lost.

Invoices:
- ``invoice_counters``: one row per (prefix, year) holding the last number issued.
  ``cnc_issue_invoice`` increments it in the issuing transaction; the row stays locked
  until that transaction ends, so concurrent issuers take consecutive numbers and a
  rollback gives its number back: gap-free, which a SEQUENCE is not. Numbers are the
  16-character GİB form: prefix (3 capitals/digits) + year (Istanbul) + 9 digits.
- ``invoice_issues``: what the ERD's ``invoices`` has no column for and a printed
  invoice needs frozen at issue: when, by whom, the number's parts, and the seller's
  and the buyer's details (a later profile edit does not change an issued invoice).
- A trigger keeps issued invoices as issued (number, buyer, lines and amounts never
  change), lets the status move only draft → sent → paid / overdue / cancelled (paid
  back to sent/overdue after a refund), and lets a draft become ``sent`` only through
  ``cnc_issue_invoice``. Clients insert drafts only.
- CHECKs on the ERD's billing columns documented as enums, and on amounts (refunds
  never above the payment).

Expiry warnings: ``license_warnings`` remembers which warning (30, 7, 1 days before a
given end) was sent, so each is sent once even if users delete the notification.
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOGIN = "cnc_login(text, text, text, text, boolean)"
ISSUE = "cnc_issue_invoice(integer, text, jsonb, jsonb, integer)"
IN_FORCE = "cnc_license_in_force_id()"
GUARD = "cnc_invoices_guard()"

# name -> (table, expression)
CHECKS = {
    "invoices_status_check": (
        "invoices",
        "status IN ('draft', 'sent', 'paid', 'overdue', 'cancelled')",
    ),
    "invoices_type_check": ("invoices", "type IN ('subscription', 'usage', 'one_time')"),
    "invoices_amounts_check": (
        "invoices",
        "subtotal >= 0 AND tax_amount >= 0 AND total = subtotal + tax_amount",
    ),
    "invoices_tax_rate_check": ("invoices", "tax_rate >= 0 AND tax_rate <= 100"),
    "invoices_line_items_check": ("invoices", "jsonb_typeof(line_items) = 'array'"),
    "invoices_billing_period_check": (
        "invoices",
        "billing_period_end IS NULL OR billing_period_start IS NULL "
        "OR billing_period_end >= billing_period_start",
    ),
    "invoices_paid_at_check": ("invoices", "status <> 'paid' OR paid_at IS NOT NULL"),
    "invoices_number_check": (
        "invoices",
        "status IN ('draft', 'cancelled') OR invoice_number ~ '^[A-Z0-9]{3}[0-9]{13}$'",
    ),
    "payments_status_check": (
        "payments",
        "status IN ('pending', 'completed', 'failed', 'refunded')",
    ),
    "payments_amounts_check": (
        "payments",
        "amount > 0 AND fee >= 0 AND refund_amount >= 0 AND refund_amount <= amount",
    ),
    "licenses_period_check": ("licenses", "ends_at > starts_at"),
}

FUNCTIONS_SQL = r"""
-- The license that serves the installation now (NULL: none). Invoker's rights: clients
-- see licenses through row-level security (every role may read them).
CREATE FUNCTION cnc_license_in_force_id() RETURNS integer
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT l.id FROM licenses l
    WHERE l.status = 'active'
      AND l.starts_at <= (now() AT TIME ZONE 'UTC') AND l.ends_at > (now() AT TIME ZONE 'UTC')
    ORDER BY l.ends_at DESC, l.id DESC
    LIMIT 1
$$;

CREATE FUNCTION cnc_issue_invoice(
    p_invoice integer, p_prefix text, p_seller jsonb, p_buyer jsonb,
    p_actor_user_id integer DEFAULT NULL
) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_status text;
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_year integer := extract(year FROM now() AT TIME ZONE 'Europe/Istanbul');
    v_sequence integer;
    v_number text;
    v_privileged boolean := cnc_caller_is_privileged();
BEGIN
    IF NOT (cnc_has_permission('billing.manage') OR v_privileged) THEN
        RAISE EXCEPTION 'only billing administrators issue invoices' USING ERRCODE = '42501';
    END IF;
    IF p_prefix IS NULL OR p_prefix !~ '^[A-Z0-9]{3}$' THEN
        RAISE EXCEPTION 'an invoice number prefix is 3 capital letters or digits'
            USING ERRCODE = '22023';
    END IF;
    SELECT status INTO v_status FROM invoices WHERE id = p_invoice FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'invoice % does not exist', p_invoice USING ERRCODE = 'P0002';
    END IF;
    IF v_status <> 'draft' THEN
        RAISE EXCEPTION 'invoice % is % already, not a draft', p_invoice, v_status
            USING ERRCODE = '55000';
    END IF;
    -- The counter row stays locked until this transaction ends: a concurrent issuer
    -- waits and takes the next number, and a rollback gives this one back.
    INSERT INTO invoice_counters AS c (prefix, year, last_number) VALUES (p_prefix, v_year, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last_number = c.last_number + 1
    RETURNING c.last_number INTO v_sequence;
    IF v_sequence > 999999999 THEN
        RAISE EXCEPTION 'the invoice numbers of prefix % for % are used up', p_prefix, v_year
            USING ERRCODE = '22003';
    END IF;
    v_number := p_prefix || v_year::text || lpad(v_sequence::text, 9, '0');
    INSERT INTO invoice_issues (invoice_id, prefix, year, sequence, issued_at, issued_by,
                                seller, buyer)
    VALUES (p_invoice, p_prefix, v_year, v_sequence, v_now,
            coalesce(cnc_current_user_id(), CASE WHEN v_privileged THEN p_actor_user_id END),
            p_seller, p_buyer);
    UPDATE invoices SET invoice_number = v_number, status = 'sent' WHERE id = p_invoice;
    RETURN v_number;
END;
$$;

CREATE FUNCTION cnc_invoices_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'draft' AND NOT cnc_caller_is_privileged() THEN
            RAISE EXCEPTION 'a new invoice is a draft: issuing it numbers and sends it'
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.status <> 'draft'
       AND (NEW.user_id, NEW.invoice_number, NEW.type, NEW.currency, NEW.subtotal,
            NEW.tax_rate, NEW.tax_amount, NEW.total, NEW.line_items,
            NEW.billing_period_start, NEW.billing_period_end)
           IS DISTINCT FROM
           (OLD.user_id, OLD.invoice_number, OLD.type, OLD.currency, OLD.subtotal,
            OLD.tax_rate, OLD.tax_amount, OLD.total, OLD.line_items,
            OLD.billing_period_start, OLD.billing_period_end) THEN
        RAISE EXCEPTION 'invoice % is issued: its number, buyer, lines and amounts never change',
            OLD.invoice_number USING ERRCODE = '55000';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
           (OLD.status = 'draft' AND NEW.status IN ('sent', 'cancelled'))
        OR (OLD.status = 'sent' AND NEW.status IN ('paid', 'overdue', 'cancelled'))
        OR (OLD.status = 'overdue' AND NEW.status IN ('paid', 'sent', 'cancelled'))
        OR (OLD.status = 'paid' AND NEW.status IN ('sent', 'overdue'))) THEN
        RAISE EXCEPTION 'an invoice cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = '55000';
    END IF;
    IF OLD.status = 'draft' AND NEW.status = 'sent' AND NOT EXISTS (
           SELECT 1 FROM invoice_issues i
           WHERE i.invoice_id = NEW.id
             AND i.prefix || i.year::text || lpad(i.sequence::text, 9, '0') = NEW.invoice_number)
    THEN
        RAISE EXCEPTION 'an invoice is sent by issuing it, which gives it its number'
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END;
$$;
"""

# cnc_login of migration 0002 with the seat check (between the lockout reset and the
# new session) and the seat_use column.
LOGIN_SQL = r"""
CREATE FUNCTION cnc_login(
    p_identifier text, p_password text, p_user_agent text DEFAULT NULL,
    p_device_id text DEFAULT NULL, p_remember boolean DEFAULT false
) RETURNS TABLE (
    status text, user_id integer, user_role text, session_id integer,
    refresh_token text, access_token text, expires_at timestamp, retry_at timestamp,
    seat_use jsonb
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
#variable_conflict use_column
DECLARE
    v_user users%ROWTYPE;
    v_license licenses%ROWTYPE;
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_ip inet := inet_client_addr();
    v_last timestamp;
    v_failures integer;
    v_used integer;
    v_seat_use jsonb;
    v_refresh text;
    v_access text;
    v_session integer;
    v_expires timestamp;
    v_details jsonb := jsonb_build_object(
        'identifier', left(p_identifier, 255), 'user_agent', left(p_user_agent, 500),
        'device_id', left(p_device_id, 255));
BEGIN
    IF p_identifier IS NULL OR p_password IS NULL THEN
        RETURN QUERY SELECT 'invalid'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp, NULL::jsonb;
        RETURN;
    END IF;
    IF octet_length(p_password) > 72 THEN
        RETURN QUERY SELECT 'too_long'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp, NULL::jsonb;
        RETURN;
    END IF;
    SELECT * INTO v_user FROM users u
    WHERE u.email = lower(p_identifier) OR u.phone = p_identifier ORDER BY u.id LIMIT 1;
    IF NOT FOUND THEN
        PERFORM crypt(p_password, '$2a$12$t5OLY2ECiDPDofauC2SMm.CgLb5G9x5bSTMyf0RRrvaQS0Zmq7zna');
        INSERT INTO security_events (event_type, severity, ip_address, details)
        VALUES ('login_failed', 'warning', v_ip, v_details || '{"reason": "unknown user"}');
        RETURN QUERY SELECT 'invalid'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp, NULL::jsonb;
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(7243, v_user.id);  -- one attempt per user at a time
    SELECT g.last_failure, g.failures INTO v_last, v_failures FROM cnc_guard_read(v_user.id) g;
    IF v_failures >= 5 AND v_now < v_last + interval '15 minutes' THEN
        INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
        VALUES ('login_blocked', 'warning', v_user.id, v_ip, v_details);
        RETURN QUERY SELECT 'locked'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, v_last + interval '15 minutes', NULL::jsonb;
        RETURN;
    END IF;
    IF v_user.password_hash IS NULL
       OR crypt(p_password, v_user.password_hash) <> v_user.password_hash THEN
        v_failures := CASE WHEN v_last IS NULL OR v_now > v_last + interval '15 minutes'
                           THEN 1 ELSE v_failures + 1 END;
        PERFORM cnc_guard_write(v_user.id, v_now, v_failures);
        INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
        VALUES ('login_failed', 'warning', v_user.id, v_ip,
                v_details || jsonb_build_object('failures', v_failures));
        IF v_failures >= 5 THEN
            INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
            VALUES ('account_locked', 'high', v_user.id, v_ip,
                    v_details || jsonb_build_object('failures', v_failures,
                        'locked_until', v_now + interval '15 minutes'));
            RETURN QUERY SELECT 'locked'::text, NULL::int, NULL::text, NULL::int, NULL::text,
                NULL::text, NULL::timestamp, v_now + interval '15 minutes', NULL::jsonb;
            RETURN;
        END IF;
        RETURN QUERY SELECT 'invalid'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp, NULL::jsonb;
        RETURN;
    END IF;
    IF v_user.is_active IS FALSE THEN
        RETURN QUERY SELECT 'inactive'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp, NULL::jsonb;
        RETURN;
    END IF;
    PERFORM cnc_guard_write(v_user.id, NULL, 0);
    -- Seats. The license row lock makes simultaneous logins count one after another;
    -- it is held until this login's transaction ends, with its new session in it.
    SELECT * INTO v_license FROM licenses l
    WHERE l.id = cnc_license_in_force_id()
      AND l.status = 'active' AND l.starts_at <= v_now AND l.ends_at > v_now
    FOR UPDATE;
    IF FOUND AND NOT EXISTS (
        SELECT 1 FROM sessions s
        WHERE s.user_id = v_user.id AND s.revoked_at IS NULL AND s.expires_at > v_now
    ) THEN
        SELECT count(DISTINCT s.user_id) INTO v_used
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.revoked_at IS NULL AND s.expires_at > v_now AND u.is_active IS NOT FALSE;
        IF v_used >= coalesce(v_license.seats, 1) THEN
            SELECT jsonb_build_object(
                'license_id', v_license.id, 'type', v_license.type,
                'seats', coalesce(v_license.seats, 1), 'in_use', v_used,
                'holders', coalesce(jsonb_agg(h ORDER BY h.since, h.user_id), '[]'::jsonb))
            INTO v_seat_use
            FROM (
                SELECT u.id AS user_id, u.email, min(s.created_at) AS since,
                       jsonb_agg(jsonb_build_object('id', s.id, 'user_agent', s.user_agent,
                                                    'device_id', s.device_id,
                                                    'created_at', s.created_at)
                                 ORDER BY s.id) AS sessions
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.revoked_at IS NULL AND s.expires_at > v_now AND u.is_active IS NOT FALSE
                GROUP BY u.id, u.email
            ) h;
            INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
            VALUES ('login_refused_seats', 'warning', v_user.id, v_ip,
                    v_details || jsonb_build_object('license_id', v_license.id,
                        'seats', coalesce(v_license.seats, 1), 'in_use', v_used));
            RETURN QUERY SELECT 'seats_full'::text, NULL::int, NULL::text, NULL::int,
                NULL::text, NULL::text, NULL::timestamp, NULL::timestamp, v_seat_use;
            RETURN;
        END IF;
    END IF;
    v_refresh := cnc_token();
    v_access := cnc_token();
    v_expires := v_now + CASE WHEN p_remember THEN interval '30 days' ELSE interval '12 hours' END;
    INSERT INTO sessions (user_id, refresh_token_hash, access_token_jti, ip_address,
                          user_agent, device_id, expires_at)
    VALUES (v_user.id, cnc_digest(v_refresh), cnc_digest(v_access), v_ip,
            left(p_user_agent, 1000), left(p_device_id, 255), v_expires)
    RETURNING id INTO v_session;
    UPDATE users SET last_login_at = v_now WHERE id = v_user.id;
    PERFORM cnc_bind(v_session, v_user.id);
    PERFORM cnc_audit_append_as(v_user.id, v_session, 'user.login', 'users', v_user.id,
        NULL, jsonb_build_object('remember', p_remember), v_ip, left(p_user_agent, 1000));
    RETURN QUERY SELECT 'ok'::text, v_user.id, v_user.role::text, v_session, v_refresh,
        v_access, v_expires, NULL::timestamp, NULL::jsonb;
END;
$$;
"""


def _login_sql_of_0002() -> str:
    """cnc_login as migration 0002 created it (restored by the downgrade)."""
    path = Path(__file__).with_name("0002_identity_and_audit.py")
    spec = importlib.util.spec_from_file_location("cnc_migration_0002", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    start = module.FUNCTIONS_SQL.index("CREATE FUNCTION cnc_login(")
    end = module.FUNCTIONS_SQL.index("\n$$;\n", start) + len("\n$$;\n")
    return module.FUNCTIONS_SQL[start:end]


def _replace_login(sql: str) -> None:
    op.execute(f"DROP FUNCTION {LOGIN}")
    op.execute(sql)
    op.execute(f"REVOKE ALL ON FUNCTION {LOGIN} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {LOGIN} TO cnc_client, cnc_worker")


def upgrade() -> None:
    for name, (table, expression) in CHECKS.items():
        op.create_check_constraint(name, table, sa.text(expression))

    op.create_table(
        "invoice_counters",
        sa.Column("prefix", sa.String(length=3), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.CheckConstraint("prefix ~ '^[A-Z0-9]{3}$'", name="invoice_counters_prefix_check"),
        sa.CheckConstraint("year >= 2000 AND year <= 9999", name="invoice_counters_year_check"),
        sa.CheckConstraint(
            "last_number >= 0 AND last_number <= 999999999",
            name="invoice_counters_last_number_check",
        ),
        sa.PrimaryKeyConstraint("prefix", "year", name="invoice_counters_pkey"),
    )
    op.create_table(
        "invoice_issues",
        sa.Column("invoice_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("prefix", sa.String(length=3), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("seller", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("buyer", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.CheckConstraint("jsonb_typeof(seller) = 'object'", name="invoice_issues_seller_check"),
        sa.CheckConstraint("jsonb_typeof(buyer) = 'object'", name="invoice_issues_buyer_check"),
        sa.CheckConstraint(
            "sequence >= 1 AND sequence <= 999999999", name="invoice_issues_sequence_check"
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name="invoice_issues_invoice_id_fkey",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["users.id"], name="invoice_issues_issued_by_fkey", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("invoice_id", name="invoice_issues_pkey"),
        sa.UniqueConstraint(
            "prefix", "year", "sequence", name="invoice_issues_prefix_year_sequence_key"
        ),
    )  # fmt: skip
    op.create_table(
        "license_warnings",
        sa.Column("license_id", sa.Integer(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("days_before IN (30, 7, 1)", name="license_warnings_days_before_check"),
        sa.ForeignKeyConstraint(
            ["license_id"], ["licenses.id"], name="license_warnings_license_id_fkey",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "license_id", "ends_at", "days_before", name="license_warnings_pkey"
        ),
    )  # fmt: skip

    op.execute(FUNCTIONS_SQL)
    _replace_login(LOGIN_SQL)
    op.execute(
        "CREATE TRIGGER invoices_guard BEFORE INSERT OR UPDATE ON invoices "
        f"FOR EACH ROW EXECUTE FUNCTION {GUARD}"
    )
    for function in (IN_FORCE, ISSUE, GUARD):
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    for function in (IN_FORCE, ISSUE):  # the trigger function needs no grant to fire
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO cnc_client, cnc_worker")

    # Counters are written by cnc_issue_invoice only; nobody else reads or writes them.
    for table in ("invoice_counters", "invoice_issues", "license_warnings"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute("GRANT SELECT ON invoice_issues TO cnc_client, cnc_worker")
    op.execute(
        "CREATE POLICY invoice_issues_client_select ON invoice_issues FOR SELECT TO cnc_client "
        "USING (EXISTS (SELECT 1 FROM invoices i WHERE i.id = invoice_issues.invoice_id))"
    )
    op.execute(
        "CREATE POLICY invoice_issues_worker_select ON invoice_issues FOR SELECT "
        "TO cnc_worker USING (true)"
    )
    op.execute("GRANT SELECT ON license_warnings TO cnc_client")
    op.execute("GRANT SELECT, INSERT ON license_warnings TO cnc_worker")
    op.execute(
        "CREATE POLICY license_warnings_client_select ON license_warnings FOR SELECT "
        "TO cnc_client USING ((SELECT cnc_has_permission('license.read')))"
    )
    op.execute(
        "CREATE POLICY license_warnings_worker_select ON license_warnings FOR SELECT "
        "TO cnc_worker USING (true)"
    )
    op.execute(
        "CREATE POLICY license_warnings_worker_insert ON license_warnings FOR INSERT "
        "TO cnc_worker WITH CHECK (true)"
    )


def downgrade() -> None:
    _replace_login(_login_sql_of_0002())
    op.execute("DROP TRIGGER invoices_guard ON invoices")
    op.drop_table("license_warnings")
    op.drop_table("invoice_issues")
    op.drop_table("invoice_counters")
    for function in (GUARD, ISSUE, IN_FORCE):
        op.execute(f"DROP FUNCTION {function}")
    for name, (table, _expression) in CHECKS.items():
        op.drop_constraint(name, table, type_="check")
