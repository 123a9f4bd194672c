"""The live schema (after migrations) matches the user's ERD, read from the ERD file itself.

PostgreSQL normalises the expectations: each ERD table is built in a shadow schema from
the ERD's own type, default and CHECK text, each ERD index is created there from the
ERD's own definition, and the catalog's rendering of shadow and live objects is compared.
Everything happens in one transaction that is rolled back.
"""

from __future__ import annotations

import re

import psycopg
import pytest

from tests.support.erd import parse_erd, shadow_column_sql

SHADOW = "erd_shadow"
# Tables the ERD references without defining them (we define them), the security
# internals of migration 0002, and Alembic's own.
SECURITY_TABLES = {
    "role_permissions",
    "session_bindings",
    "session_token_history",
    "audit_chain_head",
}
QUEUE_TABLES = {"job_state", "workers", "model_heads", "sim_reviews"}  # migrations 0004-0006
BILLING_TABLES = {"invoice_counters", "invoice_issues", "license_warnings"}  # migration 0007
ERP_TABLES = {"external_systems", "erp_deliveries"}  # migration 0008
EXTRA_TABLES = (
    {"projects", "setups", "alembic_version"}
    | SECURITY_TABLES
    | QUEUE_TABLES
    | BILLING_TABLES
    | ERP_TABLES
)
# Indexes we add for columns the ERD marks INDEX without a named index that leads with them.
EXTRA_INDEXES = {
    "idx_sessions_access_token_jti",
    "idx_sessions_revoked_at",
    "idx_jobs_finished_at",
    "idx_notifications_is_read",
    "idx_erp_mes_sync_external_id",
    "idx_audit_logs_entity_id",
    "idx_security_events_resolved",
    # migration 0003: linear version chains and name search
    "idx_models_parent_model_id",
    "idx_models_name_search",
    "idx_projects_name_unique",
    # migration 0004: the queue's claim order
    "idx_jobs_queue",
}


@pytest.fixture(scope="module")
def erd():
    return parse_erd()


@pytest.fixture
def conn(db):
    """A raw connection to a migrated database inside a transaction that is rolled back."""
    url = db.engine.url
    with psycopg.connect(
        host=url.query["host"], port=url.query["port"], dbname=url.database, user=url.username
    ) as connection:
        yield connection
        connection.rollback()


def build_shadow(conn, erd) -> None:
    conn.execute(f"DROP SCHEMA IF EXISTS {SHADOW} CASCADE")
    conn.execute(f"CREATE SCHEMA {SHADOW}")
    for table in erd.values():
        columns = ", ".join(shadow_column_sql(column) for column in table.columns)
        conn.execute(f"CREATE TABLE {SHADOW}.{table.name} ({columns})")


def columns_of(conn, schema: str, table: str) -> list[tuple[str, str, bool, str | None]]:
    rows = conn.execute(
        """
        SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = %s AND c.relname = %s AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """,
        (schema, table),
    ).fetchall()
    # Sequence names of SERIAL columns differ only by schema.
    return [
        (name, type_, notnull, (d or "").replace(f"{SHADOW}.", "") or None)
        for name, type_, notnull, d in rows
    ]


def check_defs(conn, schema: str, table: str) -> set[str]:
    rows = conn.execute(
        """
        SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'c' AND n.nspname = %s AND c.relname = %s
        """,
        (schema, table),
    ).fetchall()
    return {row[0] for row in rows}


def index_defs(conn, schema: str) -> dict[str, tuple[str, str]]:
    """index name -> (table, definition with schema and index name removed)."""
    rows = conn.execute(
        "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = %s", (schema,)
    ).fetchall()
    result = {}
    for name, table, definition in rows:
        definition = definition.replace(f"{schema}.", "").replace(f"INDEX {name} ON", "INDEX ON")
        result[name] = (table, definition)
    return result


def test_the_erd_file_is_read_completely(erd):
    # Guards the parser: if it silently skipped tables or columns, every test below
    # would pass vacuously.
    assert len(erd) == 17
    assert [c.name for c in erd["users"].columns][:3] == ["id", "email", "phone"]
    assert len(erd["users"].columns) == 16
    assert len(erd["jobs"].indexes) == 7
    assert sum(len(t.indexes) for t in erd.values()) == 71
    assert erd["sessions"].column("user_id").on_delete == "c"
    assert erd["licenses"].column("seats").check == "(seats > 0)"
    assert erd["users"].column("role").enum_values == ["admin", "engineer", "operator", "viewer"]


def test_tables_are_exactly_the_erds_plus_projects_and_setups(conn, erd):
    live = {
        row[0]
        for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    }
    assert live == set(erd) | EXTRA_TABLES


def column_mismatches(conn, erd) -> list[str]:
    build_shadow(conn, erd)
    mismatches = []
    for table in erd:
        expected = columns_of(conn, SHADOW, table)
        actual = columns_of(conn, "public", table)
        if [c[0] for c in expected] != [c[0] for c in actual]:
            mismatches.append(
                f"{table}: columns {[c[0] for c in actual]} != ERD {[c[0] for c in expected]}"
            )
            continue
        for want, got in zip(expected, actual, strict=True):
            if want != got:
                mismatches.append(f"{table}.{want[0]}: live {got[1:]} != ERD {want[1:]}")
    return mismatches


def test_columns_types_nullability_defaults_and_order(conn, erd):
    mismatches = column_mismatches(conn, erd)
    assert not mismatches, "\n".join(mismatches)


def test_check_constraints(conn, erd):
    build_shadow(conn, erd)
    mismatches = []
    for table in erd.values():
        for number, column in enumerate(table.columns):
            checks = []
            if column.check:
                checks.append(column.check)
            if column.enum_values:
                quoted = ", ".join(f"'{value}'" for value in column.enum_values)
                checks.append(f"({column.name} IN ({quoted}))")
            for position, check in enumerate(checks):
                conn.execute(
                    f"ALTER TABLE {SHADOW}.{table.name} "
                    f"ADD CONSTRAINT erd_{number}_{position} CHECK {check}"
                )
        wanted = check_defs(conn, SHADOW, table.name)
        missing = wanted - check_defs(conn, "public", table.name)
        mismatches += [f"{table.name}: missing CHECK {definition}" for definition in missing]
    assert not mismatches, "\n".join(mismatches)


def test_unique_columns(conn, erd):
    unique = {
        (table, column)
        for table, column in conn.execute(
            """
            SELECT c.relname, a.attname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
            WHERE n.nspname = 'public' AND i.indisunique AND i.indnatts = 1
              AND i.indpred IS NULL
            """
        ).fetchall()
    }
    expected = {
        (t.name, c.name) for t in erd.values() for c in t.columns if c.unique or c.primary_key
    }
    assert expected <= unique, f"not unique: {sorted(expected - unique)}"
    extra_tables = EXTRA_TABLES - set(erd)
    assert {table for table, _ in unique - expected} <= extra_tables


def test_foreign_keys_and_on_delete_rules(conn, erd):
    live = {
        (table, column): (ref_table, ref_column, rule)
        for table, column, ref_table, ref_column, rule in conn.execute(
            """
            SELECT c.relname, a.attname, rc.relname, ra.attname, k.confdeltype
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            JOIN pg_class rc ON rc.oid = k.confrelid
            JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
            WHERE k.contype = 'f' AND n.nspname = 'public'
            """
        ).fetchall()
    }
    expected = {
        (t.name, c.name): (*c.references, c.on_delete)
        for t in erd.values()
        for c in t.columns
        if c.references
    }
    assert len(expected) == 21
    wrong = {key: (live.get(key), want) for key, want in expected.items() if live.get(key) != want}
    assert not wrong, f"foreign keys differing from the ERD (live, ERD): {wrong}"


def test_relationships_summary_agrees_with_the_live_foreign_keys(conn):
    from tests.support.erd import ERD_PATH

    summary = re.findall(
        r"^- (\w+) → (\w+) \((CASCADE|RESTRICT|SET NULL) on delete", ERD_PATH.read_text(), re.M
    )
    assert len(summary) == 20
    rules = {"CASCADE": "c", "RESTRICT": "r", "SET NULL": "n"}
    live = set(
        conn.execute(
            """
            SELECT c.relname, rc.relname, k.confdeltype FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class rc ON rc.oid = k.confrelid
            WHERE k.contype = 'f'
            """
        ).fetchall()
    )
    missing = [s for s in summary if (s[0], s[1], rules[s[2]]) not in live]
    assert not missing


def index_mismatches(conn, erd) -> list[str]:
    build_shadow(conn, erd)
    for table in erd.values():
        for index in table.indexes:
            conn.execute(index.create_sql(SHADOW))
    expected = index_defs(conn, SHADOW)
    actual = index_defs(conn, "public")
    assert len(expected) == 71
    return [
        f"{name}: live {actual.get(name)} != ERD {want}"
        for name, want in expected.items()
        if actual.get(name) != want
    ]


def test_every_named_index_matches_its_erd_definition(conn, erd):
    mismatches = index_mismatches(conn, erd)
    assert not mismatches, "\n".join(mismatches)


def test_the_comparison_catches_drift(conn, erd):
    # The checks above must fail when the schema departs from the ERD.
    conn.execute("ALTER TABLE users ALTER COLUMN locale SET DEFAULT 'en'")
    conn.execute("ALTER TABLE jobs ALTER COLUMN type TYPE varchar(60)")
    conn.execute("DROP INDEX idx_jobs_status")
    conn.execute("CREATE INDEX idx_jobs_status ON jobs (status) WHERE status = 'pending'")
    conn.execute("DROP INDEX idx_models_created_at")
    conn.execute("CREATE INDEX idx_models_created_at ON models (created_at)")
    columns = column_mismatches(conn, erd)
    assert any(m.startswith("users.locale") for m in columns)
    assert any(m.startswith("jobs.type") for m in columns)
    indexes = index_mismatches(conn, erd)
    assert {m.split(":")[0] for m in indexes} == {"idx_jobs_status", "idx_models_created_at"}


def test_columns_marked_index_lead_some_index(conn, erd):
    leading = {
        (table, column)
        for table, column in conn.execute(
            """
            SELECT c.relname, a.attname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
            WHERE n.nspname = 'public'
            """
        ).fetchall()
    }
    marked = {(t.name, c.name) for t in erd.values() for c in t.columns if c.indexed}
    assert marked - leading == set()


def test_no_index_beyond_the_erd_and_the_documented_extras(conn, erd):
    live = index_defs(conn, "public")
    named = {index.name for table in erd.values() for index in table.indexes}
    erd_tables = set(erd)
    unexplained = {
        name
        for name, (table, _) in live.items()
        if table in erd_tables
        and name not in named | EXTRA_INDEXES
        and not name.endswith(("_pkey", "_key"))
    }
    assert unexplained == set()
