"""The audit chain anchored outside the database: the database owner can rewrite an entry and
recompute every later hash and the head (the chain alone then says "intact"), or cut the
newest entries off; the signed anchors in the object store notice, naming the entry."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest
import sqlalchemy as sa

from cncworkbench.core.audit_chain import GENESIS, canonical_json, chain_hash
from cncworkbench.db import security
from cncworkbench.services.access import audit, audit_anchor
from cncworkbench.services.access.audit_anchor import AnchorProblem

KEY = b"k" * 40


def append(db, count: int) -> list[int]:
    ids = []
    with db.session() as session:
        for n in range(count):
            ids.append(security.audit_append(session, "project.rename", "projects", n, {"n": n}))
    return ids


def rewrite(db, entry_id: int, action: str) -> None:
    """What the database owner can do: change one entry, then re-hash it and every later one
    and move the head, so that the chain verifies on its own."""
    with db.engine.connect() as reader:
        records = list(audit._records(reader))
    with db.engine.begin() as conn:
        previous = GENESIS
        for record in records:
            if record.id == entry_id:
                record = dataclasses.replace(record, action=action)
            fixed = dataclasses.replace(record, prev_chain_hash=previous)
            digest = chain_hash(previous, canonical_json(fixed))
            fixed = dataclasses.replace(fixed, chain_hash=digest)
            conn.execute(
                sa.text(
                    "UPDATE audit_logs SET action = :action, prev_chain_hash = :prev, "
                    "chain_hash = :hash WHERE id = :id"
                ),
                {"action": fixed.action, "prev": previous, "hash": digest, "id": record.id},
            )
            previous = fixed.chain_hash
        conn.execute(sa.text("UPDATE audit_chain_head SET last_hash = :h"), {"h": previous})


def truncate(db, from_id: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM audit_logs WHERE id >= :id"), {"id": from_id})
        last = conn.execute(
            sa.text("SELECT id, chain_hash FROM audit_logs ORDER BY id DESC LIMIT 1")
        ).one()
        conn.execute(
            sa.text("UPDATE audit_chain_head SET last_id = :i, last_hash = :h"),
            {"i": last.id, "h": last.chain_hash},
        )


def test_a_rewritten_chain_is_caught_at_the_first_rewritten_entry(db, store):
    ids = append(db, 20)
    written = audit_anchor.write_anchor(db, store, KEY)
    assert len(written.keys) == 1 and written.last_id == ids[-1]
    later = append(db, 3)  # newer than the anchor: only the chain vouches for them
    assert audit_anchor.verify(db, store, KEY).result.ok
    rewrite(db, ids[9], "project.delete")
    assert audit.verify(db).ok  # the chain alone cannot tell
    checked = audit_anchor.verify(db, store, KEY)
    assert not checked.result.ok
    assert checked.result.first_bad_id == ids[9]
    assert "rewritten" in checked.result.reason
    assert checked.result.checked == 9
    # a rewrite after the last anchor is beyond it: said so by anchored_up_to
    assert later[0] > checked.anchored_up_to


def test_a_truncated_chain_is_caught_at_the_first_removed_entry(db, store):
    ids = append(db, 12)
    audit_anchor.write_anchor(db, store, KEY)
    more = append(db, 5)
    assert audit_anchor.write_anchor(db, store, KEY).last_id == more[-1]
    assert audit_anchor.write_anchor(db, store, KEY).keys == []  # nothing new: no anchor
    truncate(db, more[1])
    assert audit.verify(db).ok
    checked = audit_anchor.verify(db, store, KEY)
    assert checked.result.first_bad_id == more[1]
    assert "missing" in checked.result.reason
    assert checked.anchors == 2 and ids


def test_anchors_signed_with_another_key_or_removed_are_refused(db, store):
    append(db, 3)
    first = audit_anchor.write_anchor(db, store, KEY).keys[0]
    with pytest.raises(AnchorProblem, match="signature does not match"):
        audit_anchor.verify(db, store, b"x" * 40)
    append(db, 2)
    audit_anchor.write_anchor(db, store, KEY)
    if hasattr(store, "root"):
        (store.root / first).chmod(0o644)
    store.delete(first)
    with pytest.raises(AnchorProblem, match="does not follow the one before it"):
        audit_anchor.verify(db, store, KEY)


def test_anchors_in_s3_are_under_object_lock_where_the_bucket_has_it(db, s3_env):
    from cncworkbench.storage.s3 import S3Store

    client = s3_env.client()
    bucket = "cnc-locked-" + os.urandom(4).hex()
    client.create_bucket(
        Bucket=bucket,
        CreateBucketConfiguration={"LocationConstraint": "eu-central-1"},
        ObjectLockEnabledForBucket=True,
    )
    store = S3Store(bucket, s3_env.endpoint_url, "eu-central-1")
    append(db, 2)
    written = audit_anchor.write_anchor(db, store, KEY)
    assert written.locked
    head = client.head_object(Bucket=bucket, Key=written.keys[0])
    assert head["ObjectLockMode"] == "COMPLIANCE"
    version = head["VersionId"]
    with pytest.raises(client.exceptions.ClientError):
        client.delete_object(Bucket=bucket, Key=written.keys[0], VersionId=version)


def test_cli_verify_anchors_and_then_names_the_rewritten_entry(db, tmp_path):
    ids = append(db, 6)
    secret = "audit-secret-" + "s" * 30
    env = {**os.environ, "CNC_DATABASE_URL": db.url, "CNC_DATA_DIR": str(tmp_path)}

    def run(*args, key=True):
        return subprocess.run(
            [sys.executable, "-m", "cncworkbench.cli", "--language", "en", "audit", *args],
            env={**env, "CNC_AUDIT_KEY": secret} if key else env,
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    unkeyed = run("verify", key=False)
    assert unkeyed.returncode == 0 and "Not anchored outside the database" in unkeyed.stdout
    first = run("verify")
    assert first.returncode == 0, first.stderr
    assert f"new anchor up to entry {ids[-1]}" in first.stdout
    assert "not locked: the store has no Object Lock" in first.stdout
    rewrite(db, ids[2], "user.role_set")
    broken = run("verify")
    assert broken.returncode == 1
    assert f"audit trail BROKEN at entry {ids[2]}" in broken.stderr
    assert "rewritten" in broken.stderr
    for output in (first, broken):
        assert secret not in output.stdout + output.stderr


def test_a_worker_reads_only_ids_and_chain_hashes_of_the_audit_log(db):
    """Raw SQL as each role: the anchor's two functions give the workers (and the owner)
    the ids, the chain hashes and the count, and nobody else anything; the log itself stays
    closed to workers."""
    import psycopg

    from tests.support.people import make_user
    from tests.test_db_roles import connect, log_in

    ids = append(db, 4)
    with db.engine.connect() as owner:
        expected = [tuple(r) for r in owner.execute(sa.text(
            "SELECT id, chain_hash::text FROM audit_logs WHERE id > :a ORDER BY id"),
            {"a": ids[0]})]  # fmt: skip
        total = owner.execute(sa.text("SELECT count(*) FROM audit_logs")).scalar_one()
    with connect(db, "cnc_worker") as worker:
        cursor = worker.execute("SELECT * FROM cnc_audit_anchor_entries(%s)", (ids[0],))
        assert [column.name for column in cursor.description] == ["id", "chain_hash"]
        assert [tuple(r) for r in cursor.fetchall()] == expected
        assert worker.execute("SELECT cnc_audit_anchor_count()").fetchone()[0] == total
        worker.rollback()
        for query in ("SELECT action FROM audit_logs", "SELECT count(*) FROM audit_logs",
                      "SELECT entity_data FROM audit_logs WHERE id = 1"):  # fmt: skip
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                worker.execute(query)
            worker.rollback()
    make_user(db, "denetci@atolye.example", "admin")
    with connect(db) as client:  # before login, then as an administrator
        for logged_in in (False, True):
            if logged_in:
                log_in(client, "denetci@atolye.example")
            for query in ("SELECT * FROM cnc_audit_anchor_entries(0)",
                          "SELECT cnc_audit_anchor_count()"):  # fmt: skip
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    client.execute(query)
                client.rollback()


def test_a_worker_process_anchors_periodically_and_verify_then_names_a_rewrite(
    db, pg_cluster, tmp_path
):
    """A real `cncworkbench worker` with the key and a 1.2-second interval anchors what was
    appended, with the worker's credentials; the owner's rewrite is then caught."""
    import time

    from cncworkbench.storage.local import LocalStore
    from tests.support.queue import prepare, wait_for, worker_process

    worker_url = prepare(db, pg_cluster)
    data_dir = tmp_path / "worker-data"
    store = LocalStore(data_dir / "objects")
    ids = append(db, 8)
    os.environ[audit_anchor.KEY_ENVIRONMENT] = KEY.decode()
    os.environ["CNC_AUDIT_ANCHOR_MINUTES"] = "0.02"
    try:
        process = worker_process(worker_url, data_dir)
    finally:
        os.environ.pop(audit_anchor.KEY_ENVIRONMENT)
        os.environ.pop("CNC_AUDIT_ANCHOR_MINUTES")
    try:

        def anchors_of_this_database() -> int:
            name = db.engine.url.database
            if not (store.root / audit_anchor.PREFIX / name).exists():
                return 0
            prefix = f"{audit_anchor.PREFIX}/{name}/"
            return max((s.anchor.last_id or 0 for s in audit_anchor._read_anchors(store,
                        prefix, KEY)), default=0)  # fmt: skip

        wait_for(lambda: anchors_of_this_database() == ids[-1], timeout=90, interval=0.3)
        more = append(db, 3)  # the next rounds anchor these too, in a second anchor
        wait_for(lambda: anchors_of_this_database() == more[-1], timeout=90, interval=0.3)
        time.sleep(2.5)  # two more rounds with nothing new: no empty anchors
        keys = [k for k, _s, _w in store.iter_objects(audit_anchor.PREFIX)]
        assert len(keys) == 2, keys
        assert process.poll() is None
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert "Traceback" not in output, output
    rewrite(db, ids[3], "project.delete")
    checked = audit_anchor.verify(db, store, KEY)
    assert not checked.result.ok and checked.result.first_bad_id == ids[3]
