"""Fresh database per test: cloning a migrated template vs. migrating an empty database.

The baseline is what a test suite without the template would pay for each test: create
an empty database and run every migration. Both are measured here, in the same run, on
the same throwaway cluster.
"""

from __future__ import annotations

import statistics
import time

from cncworkbench.db import migrate
from cncworkbench.db.engine import make_engine
from tests.support.pg import TestCluster

ROUNDS = 10


def _time(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run() -> dict:
    cold_start = time.perf_counter()
    cluster = TestCluster()
    cold_start = time.perf_counter() - cold_start
    try:
        cluster.ensure_template()
        names = []

        def migrate_fresh():
            name = cluster.create_database()
            names.append(name)
            engine = make_engine(cluster.url(name))
            migrate.upgrade(engine)
            engine.dispose()

        def clone_template():
            names.append(cluster.create_database(template=cluster.ensure_template()))

        baseline = statistics.median(_time(migrate_fresh) for _ in range(ROUNDS))
        clone = statistics.median(_time(clone_template) for _ in range(ROUNDS))
        for name in names:
            cluster.drop_database(name)
    finally:
        cluster.stop()
    return {
        "cluster_cold_start_s": cold_start,
        "migrate_fresh_s": baseline,
        "clone_template_s": clone,
        "speedup": baseline / clone,
        "lines": [
            f"embedded cluster initdb + start: {cold_start:.2f} s",
            f"baseline, empty database + all migrations: {baseline * 1000:.0f} ms "
            f"(median of {ROUNDS})",
            f"clone of the migrated template:            {clone * 1000:.0f} ms "
            f"(median of {ROUNDS})",
            f"ratio: template clone is {baseline / clone:.1f}x faster than migrating",
        ],
    }
