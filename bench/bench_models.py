"""Models: upload throughput to S3, and the model browser's queries with 100,000 models.

Upload: ``S3Store.put_file`` (hashes SHA-256 while reading, sends S3 SHA-256 checksums,
checks that the key is new and the size after the upload) against the baseline of plain
boto3 ``upload_file`` of the same file, with a client configured as the product's (path
style, same timeouts and retries) and the same ``TransferConfig``, to a real S3 endpoint
over HTTP on loopback (moto's server, ``tests.support.s3``). The two methods alternate
(and swap order each round) over several rounds after one warm-up round each; the figure
is the ratio of median throughputs, target at least 0.9. Fresh keys every time; objects
are deleted after each upload so the server's memory does not grow.

Browser: 10 users, 200 projects and 100,000 model rows (30% of them older versions in
version chains, so 70,000 models) bulk-inserted as the database owner, then VACUUM
ANALYZE (a settled table, as autovacuum leaves it). The queries are the real service
calls through the real client path: logged in as an engineer with ``identity.sign_in``
on the ``cnc_app`` role, each call in its own ``user.db.session()`` transaction as the
panel makes them (connection checkout check and row-level security included); median of
20 runs after 2 warm-ups, target under 50 ms. Searches: a frequent word (one model in
ten), one model's exact name, a common material and a material no model has, since a
search that matches little must not cost more than one that matches much. Baseline in
the same run: the same newest-first list as naive OFFSET pagination at offset 50,000,
against the keyset page at the same depth.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import boto3
import sqlalchemy as sa
from botocore.config import Config

from cncworkbench.core import text
from cncworkbench.services.access import identity, users
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.context import AppContext
from cncworkbench.services.pdm import models, projects
from cncworkbench.storage import new_key
from cncworkbench.storage.s3 import CONNECT_TIMEOUT_S, TRANSFER, S3Store
from tests.support.people import app_url
from tests.support.pg import TestCluster
from tests.support.s3 import MotoS3Server

REGION = "eu-central-1"
UPLOAD_SIZES_MB = (32, 256)
UPLOAD_ROUNDS = 7
UPLOAD_TARGET = 0.9

MODELS = 100_000
PROJECTS = 200
PASSWORD = "tezgah-sifre-2026"
ENGINEER = "muhendis@atolye.example"
QUERY_RUNS = 20
QUERY_WARMUPS = 2
QUERY_TARGET_MS = 50.0
WALK_PAGES = 20
DEEP_OFFSET = 50_000
PAGE = 50

# ------------------------------------------------------------------------------- upload


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _random_file(path: Path, megabytes: int) -> str:
    digest = hashlib.sha256()
    with path.open("wb") as handle:
        for _ in range(megabytes):
            block = os.urandom(1024 * 1024)
            digest.update(block)
            handle.write(block)
    return digest.hexdigest()


def _plain_client(endpoint_url: str):
    """A boto3 client made as ``S3Store`` makes its own, without the product's code."""
    config = Config(
        connect_timeout=CONNECT_TIMEOUT_S,
        read_timeout=60,
        retries={"max_attempts": 3, "mode": "standard"},
        s3={"addressing_style": "path"},
    )
    return boto3.session.Session(region_name=REGION).client(
        "s3", endpoint_url=endpoint_url, config=config
    )


def _upload_rates(server: MotoS3Server, folder: Path, megabytes: int) -> dict:
    bucket = server.new_bucket()
    client = _plain_client(server.endpoint_url)
    store = S3Store(bucket, server.endpoint_url, REGION)
    path = folder / f"random-{megabytes}mb.step"
    sha256 = _random_file(path, megabytes)
    size = path.stat().st_size

    def baseline() -> float:
        key = new_key("models", "x.step")
        started = time.perf_counter()
        client.upload_file(str(path), bucket, key, Config=TRANSFER)
        elapsed = time.perf_counter() - started
        client.delete_object(Bucket=bucket, Key=key)
        return elapsed

    def ours() -> float:
        key = new_key("models", "x.step")
        started = time.perf_counter()
        stored = store.put_file(key, path)
        elapsed = time.perf_counter() - started
        assert stored.size == size and stored.sha256 == sha256, stored
        client.delete_object(Bucket=bucket, Key=key)
        return elapsed

    times: dict[str, list[float]] = {"baseline": [], "ours": []}
    methods = {"baseline": baseline, "ours": ours}
    for round_ in range(UPLOAD_ROUNDS + 1):  # round 0 warms up both
        order = ("baseline", "ours") if round_ % 2 == 0 else ("ours", "baseline")
        for name in order:
            elapsed = methods[name]()
            if round_:
                times[name].append(elapsed)
    path.unlink()
    baseline_s = statistics.median(times["baseline"])
    ours_s = statistics.median(times["ours"])
    return {
        "bytes": size,
        "baseline_s": times["baseline"],
        "ours_s": times["ours"],
        "baseline_mb_s": size / baseline_s / 1e6,
        "ours_mb_s": size / ours_s / 1e6,
        "ratio": baseline_s / ours_s,
        "target_met": baseline_s / ours_s >= UPLOAD_TARGET,
    }


def _uploads() -> dict:
    server = MotoS3Server()
    server.start()
    try:
        with (
            _environment(server.environment()),
            tempfile.TemporaryDirectory(prefix="cnc-bench-upload-") as folder,
        ):
            return {mb: _upload_rates(server, Path(folder), mb) for mb in UPLOAD_SIZES_MB}
    finally:
        server.stop()


# ------------------------------------------------------------------------------ browser

OTHER_USERS = sa.text(
    """
    INSERT INTO users (email, role, locale, company_name, created_at, updated_at)
    SELECT 'personel' || g || '@atolye.example',
        (ARRAY['engineer', 'engineer', 'engineer', 'operator', 'viewer'])[1 + g % 5],
        'tr', 'Atölye Makina A.Ş.',
        now() AT TIME ZONE 'UTC' - interval '800 days', now() AT TIME ZONE 'UTC'
    FROM generate_series(1, 7) AS g
    """
)

PROJECT_ROWS = sa.text(
    """
    INSERT INTO projects (owner_id, name, description, customer_name, status, created_at,
        updated_at)
    SELECT o.ids[1 + g % o.n],
        'Proje ' || lpad(g::text, 3, '0') || ' ' || (ARRAY['Hidrolik pres', 'Konveyör hattı',
            'Paketleme makinesi', 'Kaynak fikstürü', 'Enjeksiyon kalıbı', 'Robot tutucu',
            'Şanzıman muhafazası', 'Pompa gövdesi'])[1 + g % 8],
        'Müşteri siparişi ' || (24000 + g),
        (ARRAY['Arçelik A.Ş.', 'Ford Otosan', 'Tofaş', 'Vestel', 'Aselsan', 'Koç Makina',
            'Ermetal', 'Çelik Döküm Ltd.'])[1 + g % 8],
        CASE WHEN g % 25 = 0 THEN 'archived' WHEN g % 9 = 0 THEN 'completed'
             WHEN g % 11 = 0 THEN 'on_hold' ELSE 'active' END,
        now() AT TIME ZONE 'UTC' - make_interval(days => 760 - g * 3),
        now() AT TIME ZONE 'UTC' - make_interval(days => (g * 7) % 300, secs => g)
    FROM generate_series(1, CAST(:n AS integer)) AS g,
        (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM users
         WHERE role IN ('admin', 'engineer')) AS o
    """
)

# Rows 1..30,000 are 15,000 lines of 2 versions, rows 30,001..50,000 are 5,000 lines of 4,
# the rest single versions: 30,000 older versions (30%), 70,000 models. A line's rows are
# consecutive ids; each version's parent is the row before it (one child per row, as the
# unique index requires) and is created 1 to 9 days before it.
MODEL_ROWS = sa.text(
    """
    WITH positions AS (
        SELECT g, CASE WHEN g <= 30000 THEN (g - 1) % 2
                       WHEN g <= 50000 THEN (g - 30001) % 4
                       ELSE 0 END AS pos
        FROM generate_series(1, CAST(:n AS integer)) AS g
    ), lines AS (
        SELECT g, pos, g - pos AS line, abs(hashint4(g - pos)::bigint) AS h FROM positions
    ), described AS (
        SELECT l.*,
            (ARRAY['Flanş plakası', 'Şaft yatağı', 'Kapak', 'Gövde', 'Braket',
                   'Dişli kutusu', 'Mil', 'Bağlantı parçası', 'Rulman yuvası',
                   'Kalıp çekirdeği'])[1 + (h / 13) % 10] || ' ' || (h % 9000 + 100)
                AS name,
            (ARRAY['FCStd', 'STEP', 'STL'])[1 + (h / 3) % 3] AS format,
            (ARRAY['C45', 'Aluminium 6061-T6', 'POM-C', 'AISI 304', '42CrMo4',
                   'Aluminium 7075-T6', 'S235JR', 'PA6'])[1 + (h / 17) % 8] AS material,
            20 + (h / 19) % 480 AS x, 10 + (h / 23) % 290 AS y, 2 + (h / 29) % 120 AS z
        FROM lines l
    )
    INSERT INTO models (id, user_id, project_id, name, description, type, file_format, s3_key,
        file_size, sha256_hash, version, parent_model_id, metadata, thumbnail_s3_key,
        is_deleted, created_at, updated_at)
    SELECT g, u.ids[1 + (h / 5) % u.n], p.ids[1 + (h / 7) % p.n], name,
        CASE WHEN pos > 0 THEN 'Revizyon ' || (pos + 1) || ': tolerans güncellendi' END,
        CASE WHEN h % 10 < 7 THEN 'part' WHEN h % 10 < 9 THEN 'assembly' ELSE 'drawing' END,
        format,
        'models/' || CAST(md5('model ' || g) AS uuid) || '/'
            || translate(name, 'şŞçÇğĞıİöÖüÜ ', 'sScCgGiIoOuU_')
            || (CASE format WHEN 'FCStd' THEN '.FCStd' WHEN 'STEP' THEN '.step' ELSE '.stl' END),
        20000 + abs(hashint4(g)::bigint) % 40000000,
        encode(sha256(convert_to('model content ' || g, 'UTF8')), 'hex'),
        pos + 1,
        CASE WHEN pos > 0 THEN g - 1 END,
        jsonb_build_object(
            'format', format, 'units', 'mm',
            'size_mm', jsonb_build_array(x, y, z),
            'volume_mm3', round(x * y * z * (0.35 + (h % 50) / 100.0), 1),
            'material', material,
            'freecad_version', (ARRAY['0.21.2', '1.0.0', '1.0.1'])[1 + (h / 31 + pos) % 3]),
        CASE WHEN format <> 'STEP' THEN
            'thumbnails/' || CAST(md5('thumbnail ' || g) AS uuid) || '.png' END,
        false,
        now() AT TIME ZONE 'UTC' - interval '730 days'
            + make_interval(secs => (h % (700 * 86400)) + pos * (86400 + h % (8 * 86400))),
        now() AT TIME ZONE 'UTC' - interval '730 days'
            + make_interval(secs => (h % (700 * 86400)) + pos * (86400 + h % (8 * 86400)))
    FROM described,
        (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM users) AS u,
        (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM projects) AS p
    """
)

LATEST = (
    "m.is_deleted IS NOT TRUE AND NOT EXISTS (SELECT 1 FROM models c "
    "WHERE c.parent_model_id = m.id AND c.is_deleted IS NOT TRUE)"
)
OFFSET_PAGE = sa.text(
    "SELECT m.*, u.email FROM models m LEFT JOIN user_directory u ON u.id = m.user_id "
    f"WHERE {LATEST} ORDER BY m.created_at DESC, m.id DESC OFFSET :offset LIMIT :limit"
)
ROW_AT = sa.text(
    f"SELECT m.created_at, m.id FROM models m WHERE {LATEST} "
    "ORDER BY m.created_at DESC, m.id DESC OFFSET :offset LIMIT 1"
)


def _load(db) -> dict:
    started = time.perf_counter()
    with db.session() as session:
        system = Actor.system()
        users.create_user(session, system, PASSWORD, email="yonetici@atolye.example", role="admin")
        users.create_user(session, system, PASSWORD, email=ENGINEER, role="engineer")
        users.create_user(
            session, system, PASSWORD, email="operator@atolye.example", role="operator"
        )
        session.execute(OTHER_USERS)
        session.execute(PROJECT_ROWS, {"n": PROJECTS})
        session.execute(MODEL_ROWS, {"n": MODELS})
        session.execute(
            sa.text("SELECT setval('models_id_seq', CAST(:n AS integer))"), {"n": MODELS}
        )
        counts = session.execute(
            sa.text(
                "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM projects), "
                f"count(*), count(*) FILTER (WHERE {LATEST}) FROM models m"
            )
        ).one()
    insert_s = time.perf_counter() - started
    started = time.perf_counter()
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.execute(sa.text("VACUUM (ANALYZE) users, projects, models"))
    return {
        "users": counts[0],
        "projects": counts[1],
        "rows": counts[2],
        "models": counts[3],
        "insert_s": insert_s,
        "vacuum_analyze_s": time.perf_counter() - started,
    }


def _median_ms(call: Callable[[], object]) -> float:
    for _ in range(QUERY_WARMUPS):
        call()
    times = []
    for _ in range(QUERY_RUNS):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _count_matches(user, search: str) -> int:
    """How many models a search matches (the page shows the newest 50)."""
    terms, metadata = models._parse_search(search)
    clauses = [LATEST] + [f"cnc_fold(m.name) LIKE :t{i}" for i in range(len(terms))]
    params = {f"t{i}": text.like_contains(term) for i, term in enumerate(terms)}
    if metadata:
        clauses.append("m.metadata @> CAST(:metadata AS jsonb)")
        params["metadata"] = json.dumps(metadata)
    query = sa.text(f"SELECT count(*) FROM models m WHERE {' AND '.join(clauses)}")
    with user.db.session() as session:
        return session.execute(query, params).scalar_one()


def _queries(user) -> dict:
    actor = user.actor

    def in_session(fn):
        def call():
            with user.db.session() as session:
                return fn(session)

        return call

    def page(**filters):
        return in_session(lambda session: models.list_models(session, actor, limit=PAGE, **filters))

    first = page()()
    assert len(first.rows) == PAGE and first.next_cursor is not None
    project_id = first.rows[0].project_id
    cursor, walk_started = first.next_cursor, time.perf_counter()
    for _ in range(WALK_PAGES - 1):
        cursor = page(after=cursor)().next_cursor
    walk_ms = (time.perf_counter() - walk_started) * 1000 / (WALK_PAGES - 1)

    with user.db.session() as session:
        created, last_id = session.execute(ROW_AT, {"offset": DEEP_OFFSET - 1}).one()
    deep_cursor = (created.isoformat(), last_id)
    keyset_deep = page(after=deep_cursor)()
    offset_ids = in_session(
        lambda session: [
            row.id for row in session.execute(OFFSET_PAGE, {"offset": DEEP_OFFSET, "limit": PAGE})
        ]
    )()
    assert [row.id for row in keyset_deep.rows] == offset_ids  # the same page, both ways

    # A frequent word (one model in ten), one model's exact name as typed without Turkish
    # letters, a common material, and a material no model has.
    exact = text.fold(first.rows[7].name)
    searches = {
        "search_word": "flans",
        "search_exact": exact,
        "search_metadata": "material:C45",
        "search_metadata_none": "material:Inconel 718",
    }
    matches = {}
    for key, search in searches.items():
        matches[key] = _count_matches(user, search)
        assert len(page(search=search)().rows) == min(PAGE, matches[key]), search
    assert first.rows[7].id in {row.id for row in page(search=exact)().rows}

    listed = in_session(projects.list_projects)()
    measured = [
        ("first_page", "list_models, first page", page()),
        ("project_page", f"list_models, project {project_id}'s first page",
         page(project_id=project_id)),
        *((key, f"list_models, search {search!r} ({matches[key]:,} match)",
           page(search=search)) for key, search in searches.items()),
        ("keyset_page_21", f"list_models, page {WALK_PAGES + 1} by keyset cursor",
         page(after=cursor)),
        ("list_projects", f"list_projects ({len(listed)} projects with model counts)",
         in_session(projects.list_projects)),
    ]  # fmt: skip
    timings = {key: (label, _median_ms(call)) for key, label, call in measured}
    offset_ms = _median_ms(
        in_session(
            lambda session: session.execute(
                OFFSET_PAGE, {"offset": DEEP_OFFSET, "limit": PAGE}
            ).all()
        )
    )
    keyset_deep_ms = _median_ms(page(after=deep_cursor))
    return {
        "timings": timings,
        "walk_ms_per_page": walk_ms,
        "offset_ms": offset_ms,
        "keyset_deep_ms": keyset_deep_ms,
    }


def _browser() -> dict:
    cluster = TestCluster()
    try:
        db = cluster.migrated_database()
        loaded = _load(db)
        with (
            tempfile.TemporaryDirectory(prefix="cnc-bench-client-") as folder,
            _environment(
                {
                    "CNC_DATABASE_URL": app_url(db),
                    "CNC_CONFIG_FILE": str(Path(folder) / "config.toml"),
                    "CNC_DATA_DIR": str(Path(folder) / "data"),
                }
            ),
        ):
            context = AppContext(progress=lambda *_: None)
            try:
                user = identity.sign_in(context, ENGINEER, PASSWORD)
                try:
                    measured = _queries(user)
                finally:
                    user.close()
            finally:
                context.close()
        db.dispose()
    finally:
        cluster.stop()
    return {**loaded, **measured}


# ---------------------------------------------------------------------------------- run


def run() -> dict:
    started = time.perf_counter()
    uploads = _uploads()
    upload_s = time.perf_counter() - started
    started = time.perf_counter()
    browser = _browser()
    browser_s = time.perf_counter() - started

    lines = [
        f"upload to S3 over HTTP on loopback (moto), median of {UPLOAD_ROUNDS} alternating "
        "rounds after a warm-up:"
    ]
    for mb, result in uploads.items():
        lines += [
            f"  {mb} MB: baseline boto3 upload_file {result['baseline_mb_s']:.0f} MB/s, "
            f"S3Store.put_file {result['ours_mb_s']:.0f} MB/s; ours/baseline = "
            f"{result['ratio']:.2f} (target >= {UPLOAD_TARGET}: "
            f"{'met' if result['target_met'] else 'MISSED'})",
        ]
    lines.append(
        f"browser with {browser['rows']:,} model rows ({browser['models']:,} models, "
        f"{browser['rows'] - browser['models']:,} older versions), {browser['projects']} "
        f"projects, {browser['users']} users; as an engineer through cnc_app and RLS, "
        f"median of {QUERY_RUNS}, one transaction each:"
    )
    timings = browser["timings"]
    width = max(len(label) for label, _ in timings.values())
    for label, ms in timings.values():
        verdict = "met" if ms < QUERY_TARGET_MS else "MISSED"
        lines.append(
            f"  {label:<{width}} {ms:6.1f} ms (target < {QUERY_TARGET_MS:.0f} ms: {verdict})"
        )
    lines += [
        f"  baseline OFFSET {DEEP_OFFSET:,} LIMIT {PAGE} (plain SQL, same filter and order): "
        f"{browser['offset_ms']:.1f} ms; keyset page at the same depth: "
        f"{browser['keyset_deep_ms']:.1f} ms; OFFSET/keyset = "
        f"{browser['offset_ms'] / browser['keyset_deep_ms']:.1f}x; walking pages 2 to "
        f"{WALK_PAGES}: {browser['walk_ms_per_page']:.1f} ms per page",
        f"  loading: insert {browser['insert_s']:.1f} s, VACUUM ANALYZE "
        f"{browser['vacuum_analyze_s']:.1f} s; uploads {upload_s:.0f} s, browser "
        f"{browser_s:.0f} s in all",
    ]
    return {
        "uploads": uploads,
        "upload_target": UPLOAD_TARGET,
        "browser": {
            **{key: value for key, value in browser.items() if key != "timings"},
            "timings_ms": {key: ms for key, (_, ms) in timings.items()},
            "offset_over_keyset": browser["offset_ms"] / browser["keyset_deep_ms"],
        },
        "query_target_ms": QUERY_TARGET_MS,
        "upload_s": upload_s,
        "browser_s": browser_s,
        "lines": lines,
    }
