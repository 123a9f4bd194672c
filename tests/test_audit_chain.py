"""The hash-chained audit trail: the same canonical JSON in Python and in PostgreSQL,
tampering found at the first bad entry, a linear chain under concurrent writers."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import threading

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cncworkbench.core.audit_chain import GENESIS, canonical_json
from cncworkbench.db import security
from cncworkbench.services.access import audit, users
from cncworkbench.services.access.audit import Actor
from tests.support.people import make_user

# PostgreSQL text cannot hold NUL; everything else is fair game.
TEXT = st.text(
    alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=40
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=12,
)  # fmt: skip


def append(db, action="project.rename", entity_id=1, data=None, changes=None, agent=None) -> int:
    with db.session() as session:
        return security.audit_append(
            session, action, "projects", entity_id, data, changes, user_agent=agent
        )


def records(db):
    with db.engine.connect() as conn:
        return list(audit._records(conn))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    action=TEXT.filter(lambda t: 0 < len(t) <= 100),
    agent=st.none() | TEXT,
    data=JSON,
    changes=st.none() | JSON,
)
def test_python_and_postgresql_agree_on_the_canonical_json(db, action, agent, data, changes):
    entry = append(
        db, action, 7, {"value": data}, changes if changes is None else {"c": changes}, agent
    )
    with db.engine.connect() as conn:
        in_sql = conn.execute(
            sa.text("SELECT cnc_audit_canonical(a) FROM audit_logs a WHERE id = :id"), {"id": entry}
        ).scalar_one()
    record = next(r for r in records(db) if r.id == entry)
    assert canonical_json(record) == in_sql
    assert json.loads(in_sql)["action"] == action  # and it is JSON


def test_a_fresh_chain_verifies_and_starts_at_genesis(db):
    for n in range(5):
        append(db, entity_id=n)
    rows = records(db)
    assert rows[0].prev_chain_hash == GENESIS
    assert all(b.prev_chain_hash == a.chain_hash for a, b in itertools.pairwise(rows))
    result = audit.verify(db)
    assert result.ok and result.checked == 5


def test_an_altered_entry_is_named(db):
    ids = [append(db, entity_id=n) for n in range(6)]
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_logs SET entity_id = 99 WHERE id = :id"), {"id": ids[3]})
    result = audit.verify(db)
    assert not result.ok and result.first_bad_id == ids[3] and result.checked == 3
    assert "altered" in result.reason


def test_a_deleted_entry_breaks_the_next_link(db):
    ids = [append(db, entity_id=n) for n in range(6)]
    with db.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM audit_logs WHERE id = :id"), {"id": ids[2]})
    result = audit.verify(db)
    assert not result.ok and result.first_bad_id == ids[3]
    assert "removed or inserted" in result.reason


def test_deleting_the_newest_entries_is_caught_by_the_head(db):
    ids = [append(db, entity_id=n) for n in range(4)]
    with db.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM audit_logs WHERE id >= :id"), {"id": ids[2]})
    result = audit.verify(db)
    assert not result.ok and result.first_bad_id == ids[1]
    assert "newest entries were removed" in result.reason


def test_entries_moved_out_of_order_are_caught(db):
    ids = [append(db, entity_id=n) for n in range(5)]
    with db.engine.begin() as conn:  # swap two entries' positions
        conn.execute(sa.text("UPDATE audit_logs SET id = -1 WHERE id = :a"), {"a": ids[1]})
        conn.execute(
            sa.text("UPDATE audit_logs SET id = :a WHERE id = :b"), {"a": ids[1], "b": ids[2]}
        )
        conn.execute(sa.text("UPDATE audit_logs SET id = :b WHERE id = -1"), {"b": ids[2]})
    result = audit.verify(db)
    assert not result.ok and result.first_bad_id == ids[1]


def test_concurrent_writers_keep_one_linear_chain(db):
    errors = []

    def writer(n):
        try:
            for k in range(40):
                append(db, entity_id=n * 1000 + k)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = records(db)
    assert len(rows) == 320
    assert len({r.prev_chain_hash for r in rows}) == 320  # no fork: no hash is followed twice
    assert audit.verify(db).ok


def test_services_audit_with_snapshots_and_field_changes_but_never_secrets(db):
    admin = make_user(db, "admin@atolye.example", "admin")
    with db.session() as session:
        actor = Actor(admin, "admin@atolye.example", "admin", via="owner")
        created = users.create_user(
            session, actor, "tezgah-sifre-2026", email="usta@atolye.example", role="operator"
        )
        users.update_user(session, actor, created.id, role="engineer", phone="0533 111 22 33")
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT action, user_id, entity_data, changes, user_agent FROM audit_logs "
                "WHERE entity_id = :id AND action LIKE 'user.%' ORDER BY id"
            ),
            {"id": created.id},
        ).all()
    actions = [row.action for row in rows]
    assert actions == ["user.create", "user.password_set", "user.update"]
    update = rows[-1]
    assert update.changes == {"role": ["operator", "engineer"], "phone": [None, "+905331112233"]}
    assert update.user_id == admin
    assert "acting for admin@atolye.example" in update.user_agent
    assert all("password" not in json.dumps(row.entity_data or {}) for row in rows)
    assert audit.verify(db).ok


def test_cli_verify_exit_codes(db, pg_cluster):
    for n in range(3):
        append(db, entity_id=n)
    env = {**os.environ, "CNC_DATABASE_URL": db.url}

    def verify():
        return subprocess.run(
            [sys.executable, "-m", "cncworkbench.cli", "audit", "verify"],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip

    good = verify()
    assert good.returncode == 0 and "audit trail intact: 3 entries verified" in good.stdout
    with db.engine.begin() as conn:
        bad_id = conn.execute(sa.text("SELECT min(id) + 1 FROM audit_logs")).scalar_one()
        conn.execute(
            sa.text("UPDATE audit_logs SET action = 'hidden' WHERE id = :id"), {"id": bad_id}
        )
    bad = verify()
    assert bad.returncode == 1
    assert f"audit trail BROKEN at entry {bad_id}" in bad.stderr


def test_verify_needs_the_audit_permission(db):
    from cncworkbench.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        audit.verify(db, Actor(1, "e@x.co", "engineer"))
