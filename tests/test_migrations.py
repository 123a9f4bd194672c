"""Alembic migrations and the SQLAlchemy models agree, and migrate down and up again."""

from __future__ import annotations

import datetime as dt
import importlib.util

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cncworkbench.db import migrate, models
from cncworkbench.db.base import Base
from cncworkbench.db.engine import make_engine


def drift(engine, metadata=Base.metadata):
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "include_object": migrate.include_object,
            },
        )
        return compare_metadata(context, metadata)


def test_models_and_migrations_do_not_drift(empty_db_url):
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine)
    assert drift(engine) == []
    engine.dispose()


def test_the_drift_check_sees_a_change(empty_db_url):
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine)
    changed = sa.MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["machines"].append_column(sa.Column("spindle_taper", sa.String(20)))
    sa.Index("idx_tools_coating", changed.tables["tools"].c.coating)
    differences = {d[0] for d in drift(engine, changed)}
    assert {"add_column", "add_index"} <= differences
    engine.dispose()


def test_downgrade_to_base_and_upgrade_again(empty_db_url):
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine)
    assert migrate.is_up_to_date(engine)
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    assert sa.inspect(engine).get_table_names() == ["alembic_version"]
    migrate.upgrade(engine)
    assert migrate.is_up_to_date(engine)
    assert len(sa.inspect(engine).get_table_names()) == 33
    engine.dispose()


def test_migration_keeps_updated_at_on_the_same_tables_as_the_models():
    touched = set()
    for file in ("0001_initial_schema.py", "0008_erp_integrations.py"):
        path = migrate.MIGRATIONS_DIR / "versions" / file
        spec = importlib.util.spec_from_file_location(path.stem, path)
        revision = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(revision)
        touched |= set(revision.TABLES_WITH_UPDATED_AT)
    assert touched == set(models.TABLES_WITH_UPDATED_AT)


def test_the_database_maintains_updated_at(db):
    with db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO materials (category, name, created_at, updated_at) "
                "VALUES ('steel', 'C45', '2020-01-01', '2020-01-01')"
            )
        )
    with db.engine.begin() as conn:
        # a writer that "forgets" updated_at, and one that tries to set an old value
        conn.execute(sa.text("UPDATE materials SET grade = '1.0503' WHERE name = 'C45'"))
        first = conn.execute(sa.text("SELECT updated_at FROM materials")).scalar_one()
        conn.execute(sa.text("UPDATE materials SET updated_at = '1999-01-01'"))
        second = conn.execute(sa.text("SELECT updated_at, created_at FROM materials")).one()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert abs(first - now) < dt.timedelta(minutes=1)  # UTC, not the server's local time
    assert second[0] == first and second[1] == dt.datetime(2020, 1, 1)


def test_timestamps_are_utc_whatever_the_session_time_zone(db):
    with db.engine.begin() as conn:
        conn.execute(sa.text("SET TIME ZONE 'Europe/Istanbul'"))
        conn.execute(sa.text("INSERT INTO materials (category, name) VALUES ('steel', 'S235')"))
        conn.execute(sa.text("UPDATE materials SET grade = 'JR'"))
        updated = conn.execute(sa.text("SELECT updated_at FROM materials")).scalar_one()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert abs(updated - now) < dt.timedelta(minutes=1)


def test_check_constraints_refuse_bad_rows(db):
    import pytest

    with (
        pytest.raises(sa.exc.IntegrityError, match="users_role_check"),
        db.engine.begin() as conn,
    ):
        conn.execute(sa.text("INSERT INTO users (email, role) VALUES ('a@b.co', 'superuser')"))
    with (
        pytest.raises(sa.exc.IntegrityError, match="machines_axes_check"),
        db.engine.begin() as conn,
    ):
        conn.execute(
            sa.text(
                "INSERT INTO machines (name, type, axes, work_envelope_x_mm, "
                "work_envelope_y_mm, work_envelope_z_mm, spindle_max_rpm, post_processor) "
                "VALUES ('x', 'mill', 2, 1, 1, 1, 1000, 'linuxcnc')"
            )
        )


def test_the_database_folds_text_exactly_like_python(db):
    from cncworkbench.core.text import fold

    samples = ["İSTANBUL", "Istanbul", "ılık ILIK", "Şaşı Çelik Ğüney Ömür", "Âlâ Îmar Ûmit",
               "ASCII only 123", "Mixed İı Iı", ""]  # fmt: skip
    with db.engine.connect() as conn:
        folded = [
            conn.execute(sa.text("SELECT cnc_fold(:t)"), {"t": t}).scalar_one() for t in samples
        ]
    assert folded == [fold(t) for t in samples]
    assert fold("İSTANBUL") == fold("istanbul") == fold("Istanbul") == "istanbul"
    assert fold("ILIK") == fold("ılık") == "ilik"
