"""Audit trail: append rate under concurrent writers, and verifying 1,000,000 entries.

Appends go through the real path (``security.audit_append`` in one ``Database.session()``
transaction per entry, one connection per writer thread) with 1, 2, 4 and 8 writers. The
baseline, in the same run, is the same transactions doing a plain INSERT into a scratch
table of the audit log's shape (same columns, defaults and indexes) with no chain, so the
ratio says what the chain's serialisation on the ``audit_chain_head`` row lock costs.

Verification times the real verifier (``services.audit.verify``) over a chain of one
million entries. The chain is built in bulk (generate_series rows with placeholder
hashes, the real hashes computed by ``core.audit_chain`` from the rows as the verifier
reads them, written back with COPY and one UPDATE, then CLUSTER so the table is in id
order as an append-only log is). Baselines in the same run: a plain scan of the table in
SQL, and a pure-Python SHA-256 chain over as many 300-byte strings.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time

import sqlalchemy as sa

from cncworkbench.core.audit_chain import GENESIS, canonical_json, chain_hash
from cncworkbench.db import security
from cncworkbench.db.engine import Database
from cncworkbench.services.access import audit
from tests.support.pg import TestCluster

WRITERS = (1, 2, 4, 8)
PLAIN_WRITERS = (1, 8)
WRITE_SECONDS = 3.0
VERIFY_ENTRIES = 1_000_000
COPY_BATCH = 20_000
AGENT = "cncworkbench CLI with database-owner credentials, acting for bench@example.com"

PLAIN_INSERT = sa.text(
    "INSERT INTO bench_plain (action, entity_type, entity_id, entity_data, changes, "
    "ip_address, user_agent, created_at, prev_chain_hash, chain_hash) "
    "VALUES (:action, :entity_type, :entity_id, CAST(:data AS jsonb), "
    "CAST(:changes AS jsonb), inet_client_addr(), :agent, "
    "clock_timestamp() AT TIME ZONE 'UTC', :prev, :hash)"
)

BULK_INSERT = sa.text(
    """
    INSERT INTO audit_logs (id, user_id, action, entity_type, entity_id, entity_data,
        changes, ip_address, user_agent, session_id, created_at, prev_chain_hash, chain_hash)
    SELECT nextval('audit_logs_id_seq'), NULL,
        (ARRAY['project.create', 'project.rename', 'model.upload', 'setup.update',
               'job.submit'])[1 + g % 5],
        (ARRAY['projects', 'projects', 'models', 'cam_setups', 'jobs'])[1 + g % 5],
        1 + g % 5000,
        jsonb_build_object('name', 'Bracket ' || g, 'material', 'Al 6061-T6',
            'machine', 'Haas VF-2', 'revision', g % 17,
            'note', 'İşlem sırası: kaba, ince'),
        CASE WHEN g % 3 = 0 THEN
            jsonb_build_object('name', jsonb_build_array('Bracket ' || g - 1, 'Bracket ' || g))
        END,
        ('10.0.' || (g % 7) || '.' || (1 + g % 250))::inet,
        'cncworkbench CLI with database-owner credentials, acting for user'
            || (g % 40) || '@example.com',
        NULL,
        timestamp '2025-01-06 08:00:00' + make_interval(secs => g * 2.718281),
        repeat('0', 64),
        lpad(to_hex(g), 64, '0')
    FROM generate_series(1, CAST(:n AS integer)) AS g
    """
)


def _entry(thread: int, n: int) -> tuple[dict, dict]:
    data = {
        "name": f"Bracket {thread}-{n}",
        "status": "active",
        "machine": "Haas VF-2",
        "material": "Al 6061-T6",
        "revision": n % 17,
    }
    return data, {"name": [f"Bracket {thread}-{n - 1}", data["name"]]}


def _chained(session, thread: int, n: int) -> None:
    data, changes = _entry(thread, n)
    security.audit_append(
        session, "project.rename", "projects", n % 5000 + 1, data, changes, user_agent=AGENT
    )


def _plain(session, thread: int, n: int) -> None:
    data, changes = _entry(thread, n)
    session.execute(
        PLAIN_INSERT,
        {
            "action": "project.rename",
            "entity_type": "projects",
            "entity_id": n % 5000 + 1,
            "data": security._json(data),
            "changes": security._json(changes),
            "agent": AGENT,
            "prev": GENESIS,
            "hash": secrets.token_hex(32),
        },
    )


def _write(url: str, writers: int, append) -> tuple[int, float]:
    """``writers`` threads, each on its own connection, one entry per transaction, for
    WRITE_SECONDS of wall time; returns (entries, seconds)."""
    databases = [Database(url, pool_size=1, max_overflow=0) for _ in range(writers)]
    for database in databases:
        database.check()  # connect before the clock starts
    start = threading.Barrier(writers + 1)
    counts = [0] * writers
    errors: list[BaseException] = []
    deadline = 0.0

    def writer(index: int) -> None:
        database = databases[index]
        start.wait()
        try:
            n = 0
            while time.perf_counter() < deadline:
                with database.session() as session:
                    append(session, index, n)
                n += 1
            counts[index] = n
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline = began + WRITE_SECONDS
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    for database in databases:
        database.dispose()
    if errors:
        raise errors[0]
    return sum(counts), elapsed


def _append_rates(database: Database) -> dict:
    with database.session() as session:
        session.execute(
            sa.text(
                "CREATE TABLE bench_plain (LIKE audit_logs INCLUDING DEFAULTS INCLUDING INDEXES)"
            )
        )
    chained: dict[int, float] = {}
    plain: dict[int, float] = {}
    total = 0
    for writers in PLAIN_WRITERS[:1]:
        count, seconds = _write(database.url, writers, _plain)
        plain[writers] = count / seconds
    for writers in WRITERS:
        count, seconds = _write(database.url, writers, _chained)
        chained[writers] = count / seconds
        total += count
    for writers in PLAIN_WRITERS[1:]:
        count, seconds = _write(database.url, writers, _plain)
        plain[writers] = count / seconds
    result = audit.verify(database)
    assert result.ok, result
    assert result.checked == total, (result.checked, total)
    return {"chained": chained, "plain": plain, "appended": total}


def _build_chain(database: Database, entries: int) -> dict:
    """One million entries with a valid chain, in bulk (see the module docstring)."""
    timings = {}
    started = time.perf_counter()
    with database.session() as session:
        session.execute(BULK_INSERT, {"n": entries})
    timings["insert_s"] = time.perf_counter() - started

    started = time.perf_counter()
    canonical_bytes = 0
    previous = GENESIS
    last_id = None
    raw = database.engine.raw_connection()
    try:
        with raw.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE bench_hashes (id integer PRIMARY KEY, "
                "prev_chain_hash char(64), chain_hash char(64))"
            )
            with (
                database.engine.connect() as reader,
                cursor.copy("COPY bench_hashes FROM STDIN") as copy,
            ):
                lines = []
                for record in audit._records(reader):
                    canonical = canonical_json(record)
                    canonical_bytes += len(canonical.encode("utf-8"))
                    digest = chain_hash(previous, canonical)
                    lines.append(f"{record.id}\t{previous}\t{digest}\n")
                    previous, last_id = digest, record.id
                    if len(lines) == COPY_BATCH:
                        copy.write("".join(lines))
                        lines.clear()
                copy.write("".join(lines))
            timings["hash_s"] = time.perf_counter() - started

            started = time.perf_counter()
            cursor.execute(
                "UPDATE audit_logs a SET prev_chain_hash = h.prev_chain_hash, "
                "chain_hash = h.chain_hash FROM bench_hashes h WHERE a.id = h.id"
            )
            cursor.execute(
                "UPDATE audit_chain_head SET last_id = %s, last_hash = %s WHERE id",
                (last_id, previous),
            )
            cursor.execute("DROP TABLE bench_hashes")
            raw.commit()
            timings["update_s"] = time.perf_counter() - started

            # Rewrite the table in id order, as an append-only log lies on disk.
            started = time.perf_counter()
            cursor.execute("CLUSTER audit_logs USING audit_logs_pkey")
            cursor.execute("ANALYZE audit_logs")
            raw.commit()
            timings["cluster_s"] = time.perf_counter() - started
    finally:
        raw.close()
    timings["canonical_bytes_mean"] = canonical_bytes / entries
    return timings


def _scan_seconds(database: Database) -> float:
    best = float("inf")
    for _ in range(2):  # the first warms the cache as the verifier's run will find it
        started = time.perf_counter()
        with database.engine.connect() as connection:
            connection.execute(
                sa.text("SELECT count(*), sum(length(chain_hash)) FROM audit_logs")
            ).one()
        best = min(best, time.perf_counter() - started)
    return best


def _sha256_seconds(count: int) -> float:
    payload = "x" * (300 - len(GENESIS))
    previous = GENESIS
    started = time.perf_counter()
    for _ in range(count):
        previous = hashlib.sha256((previous + payload).encode("utf-8")).hexdigest()
    return time.perf_counter() - started


def _verify_rate(database: Database, entries: int) -> dict:
    build = _build_chain(database, entries)
    scan = _scan_seconds(database)
    started = time.perf_counter()
    result = audit.verify(database)
    verify_s = time.perf_counter() - started
    assert result.ok, result
    assert result.checked == entries, (result.checked, entries)
    sha = _sha256_seconds(entries)
    return {"build": build, "verify_s": verify_s, "scan_s": scan, "sha256_s": sha}


def run() -> dict:
    started = time.perf_counter()
    cluster = TestCluster()
    try:
        appends = _append_rates(cluster.migrated_database())
        verifying = _verify_rate(cluster.migrated_database(), VERIFY_ENTRIES)
    finally:
        cluster.stop()
    total_s = time.perf_counter() - started

    chained, plain = appends["chained"], appends["plain"]
    build = verifying["build"]
    verify_s, scan_s, sha_s = verifying["verify_s"], verifying["scan_s"], verifying["sha256_s"]
    lines = [f"append, {WRITE_SECONDS:.0f} s per run, one entry per transaction (fsync on):"]
    for writers in WRITERS:
        lines.append(
            f"  chained, {writers} writer{'s' if writers > 1 else ' '}: "
            f"{chained[writers]:7.0f} entries/s  ({chained[writers] / chained[1]:.2f}x 1 writer)"
        )
    for writers in PLAIN_WRITERS:
        lines.append(
            f"  baseline plain INSERT, {writers} writer{'s' if writers > 1 else ' '}: "
            f"{plain[writers]:7.0f} rows/s; chained/plain = {chained[writers] / plain[writers]:.2f}"
        )
    lines += [
        f"  chain intact after {appends['appended']} concurrent appends (verify ok)",
        f"verify {VERIFY_ENTRIES:,} entries (mean canonical record "
        f"{build['canonical_bytes_mean']:.0f} bytes): {verify_s:.1f} s, "
        f"{VERIFY_ENTRIES / verify_s:,.0f} entries/s, ok",
        f"  baseline SQL scan count(*) + sum(length(chain_hash)): {scan_s:.2f} s; "
        f"verify/scan = {verify_s / scan_s:.1f}x",
        f"  baseline pure-Python sha256 chain over {VERIFY_ENTRIES:,} 300-byte strings: "
        f"{sha_s:.2f} s; verify/sha256 = {verify_s / sha_s:.1f}x",
        f"  building the chain: insert {build['insert_s']:.1f} s, hash + COPY "
        f"{build['hash_s']:.1f} s, UPDATE {build['update_s']:.1f} s, CLUSTER "
        f"{build['cluster_s']:.1f} s; whole benchmark {total_s:.0f} s",
    ]
    return {
        "write_seconds": WRITE_SECONDS,
        "chained_entries_per_s": chained,
        "plain_rows_per_s": plain,
        "chained_scaling_vs_1_writer": {n: chained[n] / chained[1] for n in WRITERS},
        "chained_over_plain": {n: chained[n] / plain[n] for n in PLAIN_WRITERS},
        "concurrent_appends_verified": appends["appended"],
        "verify_entries": VERIFY_ENTRIES,
        "verify_s": verify_s,
        "verify_entries_per_s": VERIFY_ENTRIES / verify_s,
        "scan_s": scan_s,
        "sha256_s": sha_s,
        "verify_over_scan": verify_s / scan_s,
        "verify_over_sha256": verify_s / sha_s,
        "build": build,
        "total_s": total_s,
        "lines": lines,
    }
