"""ERP/MES synchronisation against a real HTTP peer on loopback and a real database.

Outbound: the outbox is written in the change's transaction; delivery survives the peer
being down, slow, failing then recovering, and answering twice for one key: nothing is
lost, nothing is sent as two events, every failure is visible with its reason, back-off
is exact, the last retry fails the row, and an administrator's retry sends it again.
Inbound: order files and a REST endpoint become projects, a second import updates them,
a bad file imports nothing and says which line.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from cncworkbench.config import SecretStore
from cncworkbench.core import erp as core
from cncworkbench.core.licensing import FeatureLocked
from cncworkbench.db.base import utcnow
from cncworkbench.db.engine import Database
from cncworkbench.db.models import ErpMesSync, Project
from cncworkbench.errors import PermissionDenied, ValidationError
from cncworkbench.services.access import identity
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce import erp, erp_inbound
from tests.support.http_endpoint import Close, Endpoint, Reply, closed_port_url
from tests.support.people import PASSWORD, make_user

OWNER = Actor.system()
TOKEN = "tok-7f3a9c-ERP"
SIGNING = "imza-anahtari-51c2"
ALL_TYPES = ("order", "cam_run", "sim_run", "invoice")
FAST = {"connect_timeout_ms": 500, "read_timeout_ms": 500, "max_retries": 3,
        "backoff_base_s": 10, "backoff_max_s": 60}  # fmt: skip
DOCS = Path(__file__).resolve().parents[1] / "docs" / "erp-payloads.md"


# ------------------------------------------------------------------------------ helpers
@pytest.fixture
def shop(db, shop_license):
    """A database with the Enterprise license in force (ERP sync included)."""
    return db


@pytest.fixture
def endpoint():
    server = Endpoint().start()
    yield server
    server.stop()


@pytest.fixture
def secrets_in_env(monkeypatch):
    monkeypatch.setenv("CNC_ERP_TOKEN_SAP", TOKEN)
    monkeypatch.setenv("CNC_ERP_SECRET_SAP", SIGNING)


def add_system(db, url, name="SAP", direction="both", types=ALL_TYPES, **options) -> str:
    with db.session() as session:
        return erp.add_system(
            session, OWNER, name, url, direction, types, events_path="cnc/events",
            **{**FAST, **options},
        ).name  # fmt: skip


def cam_payload(n: int) -> dict:
    return {"cam_run_id": n, "job_id": 100 + n, "program": f"op{n}.ngc",
            "estimated_time_s": 600 + n, "material_removal_cm3": 12.5,
            "finished_at": dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC)}  # fmt: skip


def record(db, n: int, event="cam.finished", entity="cam_run", payload=None, occurrence=None):
    with db.session() as session:
        return erp.record_event(
            session, event, entity, n, payload or cam_payload(n), occurrence=occurrence
        )


def rows(db, direction="outbound") -> list[erp.SyncRow]:
    with db.session() as session:
        return sorted(erp.list_sync(session, direction=direction, limit=1000), key=lambda r: r.id)


def sync_pass(db, now, **kwargs) -> erp.DeliveryReport:
    return erp.deliver_pending(db, now=now, **kwargs)


def start() -> dt.datetime:
    """A pass time just after the rows were queued (their first attempt is due)."""
    return utcnow() + dt.timedelta(seconds=1)


def invoice_issued(n: int) -> dict:
    return {"invoice_id": n, "invoice_number": f"CNC2026{n:09d}", "currency": "TRY",
            "subtotal": "1000.00", "tax_rate": "20.00", "tax_amount": "200.00",
            "total": "1200.00", "issued_at": dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC),
            "due_date": dt.date(2026, 12, 26)}  # fmt: skip


def invoice_paid(n: int) -> dict:
    return {"invoice_id": n, "invoice_number": f"CNC2026{n:09d}", "currency": "TRY",
            "total": "1200.00", "paid_at": dt.datetime(2026, 11, 27, 8, tzinfo=dt.UTC),
            "payment_method": "bank_transfer", "payment_id": 3}  # fmt: skip


# --------------------------------------------------------------------------- pure parts
def test_the_database_computes_the_same_idempotency_key_as_python(shop):
    with shop.engine.connect() as conn:
        for occurrence in (None, "payment-3", "ödeme-İ"):
            in_db = conn.execute(
                sa.text("SELECT cnc_erp_key('SAP', 'invoice', 42, 'invoice.paid', :o)"),
                {"o": occurrence},
            ).scalar_one()
            assert in_db == core.idempotency_key("SAP", "invoice", 42, "invoice.paid", occurrence)
    assert core.idempotency_key("SAP", "invoice", 42, "invoice.paid") != core.idempotency_key(
        "SAP", "invoice", 42, "invoice.paid", "payment-3"
    )


def test_signature_and_backoff_schedule():
    body = core.canonical_body({"b": 1, "a": "ş"})
    assert body == '{"a":"ş","b":1}'.encode()
    header = core.signature("secret", 1764150000, body)
    assert header.startswith("sha256=") and len(header) == 7 + 64
    assert core.verify_signature("secret", "1764150000", body, header, now=1764150100)
    assert not core.verify_signature("secret", "1764150000", body + b" ", header)
    assert not core.verify_signature("other", "1764150000", body, header)
    assert not core.verify_signature("secret", "1764150000", body, header, now=1764160000)
    waits = [d.total_seconds() for d in core.backoff_schedule(8, 30, 3600)]
    assert waits == [30, 60, 120, 240, 480, 960, 1920, 3600]


def test_payloads_are_checked_against_the_documented_fields():
    with pytest.raises(ValidationError, match="unknown field"):
        core.envelope("cam.finished", "cam_run", 1, {**cam_payload(1), "spindle": 1}, utcnow())
    with pytest.raises(ValidationError, match="estimated_time_s is required"):
        payload = {k: v for k, v in cam_payload(1).items() if k != "estimated_time_s"}
        core.envelope("cam.finished", "cam_run", 1, payload, utcnow())
    with pytest.raises(ValidationError, match="is about a sim_run"):
        core.envelope("gcode.approved", "cam_run", 1, {}, utcnow())
    with pytest.raises(ValidationError, match="no time zone"):
        core.envelope("cam.finished", "cam_run", 1, {**cam_payload(1),
                      "finished_at": dt.datetime(2026, 1, 1)}, utcnow())  # fmt: skip
    document = core.envelope("invoice.issued", "invoice", 7, invoice_issued(7), utcnow())
    assert document["data"]["total"] == "1200.00" and document["data"]["due_date"] == "2026-12-26"
    assert document["data"]["issued_at"] == "2026-11-26T10:00:00Z"


def test_the_documentation_names_every_event_field_and_header():
    text = DOCS.read_text()
    for event, spec in core.EVENTS.items():
        assert f"`{event}`" in text
        for name in spec.fields:
            assert f"`{name}`" in text, f"{event}.{name} is not documented"
    for name in (*core.ORDER_COLUMNS, core.IDEMPOTENCY_HEADER, core.SIGNATURE_HEADER,
                 core.TIMESTAMP_HEADER, core.EVENT_HEADER, core.DELIVERY_HEADER):  # fmt: skip
        assert name in text


# ------------------------------------------------------------------------------- outbox
def test_the_outbox_row_commits_or_rolls_back_with_the_change(shop, endpoint):
    add_system(shop, endpoint.url)
    add_system(shop, endpoint.url, "MES", "outbound", ["sim_run"])
    add_system(shop, endpoint.url, "ARCHIVE", "both", ALL_TYPES, active=False)
    add_system(shop, endpoint.url, "LOGO", "inbound", ["order", "cam_run"])
    admin = make_user(shop, "erp@atolye.example", "admin")
    with pytest.raises(RuntimeError), shop.session() as session:
        session.add(Project(owner_id=admin, name="Flanş"))
        session.flush()
        assert erp.record_event(session, "cam.finished", "cam_run", 1, cam_payload(1)) == 1
        assert session.scalar(sa.select(sa.func.count()).select_from(ErpMesSync)) == 1
        raise RuntimeError("the change fails after the event was recorded")
    with shop.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(ErpMesSync)) == 0
        assert session.scalar(sa.select(sa.func.count()).select_from(Project)) == 0

    # committed: one row per active outbound system subscribed to cam_run (SAP only)
    assert record(shop, 1) == 1
    assert record(shop, 1) == 0  # the same event again: queued once
    (row,) = rows(shop)
    assert (row.external_system, row.event, row.status, row.retry_count) == (
        "SAP", "cam.finished", "pending", 0)  # fmt: skip
    assert row.external_id == core.idempotency_key("SAP", "cam_run", 1, "cam.finished")
    # sim_run events go to both SAP and MES
    payload = {"sim_run_id": 5, "status": "passed", "machining_time_s": 312.4,
               "removed_volume_cm3": 8.25, "finished_at": utcnow()}  # fmt: skip
    assert record(shop, 5, "simulation.finished", "sim_run", payload) == 2


def test_twins_recorded_at_the_same_moment_are_queued_once(shop, endpoint):
    add_system(shop, endpoint.url)
    recorded, go, results = threading.Event(), threading.Event(), {}

    def first():
        with shop.session() as session:
            results["first"] = erp.record_event(
                session, "cam.finished", "cam_run", 9, cam_payload(9)
            )
            recorded.set()
            go.wait(10)

    def second():
        results["second"] = record(shop, 9)

    one = threading.Thread(target=first)
    one.start()
    assert recorded.wait(10)
    two = threading.Thread(target=second)
    two.start()
    time.sleep(0.3)
    assert two.is_alive()  # waits for the first transaction
    go.set()
    one.join(10)
    two.join(10)
    assert results == {"first": 1, "second": 0}
    assert len(rows(shop)) == 1


def test_clients_queue_only_events_their_role_can_cause(shop, endpoint, app_context):
    add_system(shop, endpoint.url)
    for role in ("operator", "engineer", "viewer"):
        make_user(shop, f"{role}@atolye.example", role)

    def attempt(email, *event) -> bool:
        user = identity.sign_in(app_context, email, PASSWORD)
        try:
            with user.db.session() as session:
                erp.record_event(session, *event)
            return True
        except sa.exc.DBAPIError as exc:
            assert "may not cause the event" in str(exc.orig)
            return False
        finally:
            user.close()

    approved = ("gcode.approved", "sim_run", 3, {"sim_run_id": 3, "program": "op3.ngc",
                "approved_by": "operator@atolye.example", "approved_at": utcnow()})  # fmt: skip
    paid = ("invoice.paid", "invoice", 3, invoice_paid(3))
    cam = ("cam.finished", "cam_run", 4, cam_payload(4))
    assert attempt("operator@atolye.example", *approved)
    assert not attempt("operator@atolye.example", *paid)
    assert attempt("engineer@atolye.example", *cam)
    assert not attempt("viewer@atolye.example", *approved)
    assert sorted(r.event for r in rows(shop)) == ["cam.finished", "gcode.approved"]


# ---------------------------------------------------------------------------- delivery
def test_a_delivered_event_carries_its_key_a_valid_signature_and_the_token(
    shop, endpoint, secrets_in_env
):
    add_system(shop, endpoint.url)
    record(shop, 1)
    now = start()
    report = sync_pass(shop, now)
    assert (report.attempted, report.synced) == (1, 1)
    (post,) = endpoint.posts()
    key = core.idempotency_key("SAP", "cam_run", 1, "cam.finished")
    assert post.path == "/cnc/events"
    assert post.headers["idempotency-key"] == key
    assert post.headers["x-cnc-event"] == "cam.finished"
    assert post.headers["authorization"] == f"Bearer {TOKEN}"
    assert post.headers["content-type"].startswith("application/json")
    assert core.verify_signature(
        SIGNING, post.headers["x-cnc-timestamp"], post.body, post.headers["x-cnc-signature"],
        now=time.time(),
    )  # fmt: skip
    document = post.json()
    assert document["event_id"] == key and document["schema_version"] == 1
    assert document["entity"] == {"type": "cam_run", "id": 1}
    assert document["data"]["estimated_time_s"] == 601
    assert document["data"]["material_removal_cm3"] == 12.5
    assert post.body == core.canonical_body(document)
    (row,) = rows(shop)
    assert row.status == "synced" and row.synced_at == now and row.error_message is None
    assert row.external_id == "ERP-1"  # the id the ERP answered with
    assert sync_pass(shop, now + dt.timedelta(hours=1)).attempted == 0  # nothing twice


def test_endpoint_down_nothing_is_lost_and_the_reason_is_visible(shop, endpoint, secrets_in_env):
    add_system(shop, closed_port_url())
    for n in (1, 2, 3):
        record(shop, n)
    now = start()
    report = sync_pass(shop, now)
    # the system does not answer: one attempt, its other rows wait (not burnt)
    assert (report.attempted, report.retrying) == (1, 1)
    assert "SAP" in report.skipped_systems
    first, *others = rows(shop)
    assert first.retry_count == 1 and first.status == "pending"
    assert "cannot reach" in first.error_message and "refused" in first.error_message.lower()
    assert first.next_attempt_at == now + dt.timedelta(seconds=10)
    assert [(r.status, r.retry_count) for r in others] == [("pending", 0), ("pending", 0)]

    with shop.session() as session:  # the ERP comes back at its real address
        erp.update_system(session, OWNER, "SAP", base_url=endpoint.url)
    report = sync_pass(shop, now + dt.timedelta(seconds=10))
    assert report.synced == 3
    assert [r.status for r in rows(shop)] == ["synced"] * 3
    assert sorted(endpoint.keys().values()) == [1, 1, 1]


def test_backoff_is_respected_and_the_last_retry_fails_the_row(shop, endpoint, secrets_in_env):
    add_system(shop, endpoint.url)  # 3 retries, waits 10, 20, 40 s
    record(shop, 1)
    endpoint.script(*[Reply(500, "Veritabanı kilitli") for _ in range(4)])
    now = start()
    due = now
    for attempt, wait in enumerate([10, 20, 40, None], start=1):
        if attempt > 1:
            early = sync_pass(shop, due - dt.timedelta(seconds=1))
            assert early.attempted == 0, f"attempt {attempt} came before its back-off"
        report = sync_pass(shop, due)
        assert report.attempted == 1
        (row,) = rows(shop)
        assert row.retry_count == attempt
        assert (
            row.error_message.startswith("HTTP 500") and "Veritabanı kilitli" in row.error_message
        )
        if wait is not None:
            assert row.status == "pending" and row.next_attempt_at == due + dt.timedelta(
                seconds=wait
            )
            due += dt.timedelta(seconds=wait)
    assert row.status == "failed" and "gave up after 4 attempts" in row.error_message
    assert sync_pass(shop, due + dt.timedelta(days=1)).attempted == 0  # failed stays failed
    with shop.session() as session:
        view = erp.payload(session, row.id)
    assert [a["http_status"] for a in view.attempts] == [500] * 4
    assert view.headers["Idempotency-Key"] == row.external_id
    assert "Bearer <token" in view.headers["Authorization"] and TOKEN not in json.dumps(
        view.headers
    )
    key = core.idempotency_key("SAP", "cam_run", 1, "cam.finished")
    assert endpoint.keys() == {key: 4} and endpoint.processed == {}
    assert len({p.body for p in endpoint.posts()}) == 1  # the same bytes every time

    # an administrator retries it: a fresh set of attempts, and it goes through
    with shop.session() as session:
        again = erp.retry(session, OWNER, row.id, now=due)
    assert (again.status, again.retry_count) == ("pending", 0)
    assert sync_pass(shop, due).synced == 1
    assert rows(shop)[0].status == "synced" and endpoint.keys() == {key: 5}
    with shop.session() as session, pytest.raises(ValidationError, match="delivered already"):
        erp.retry(session, OWNER, row.id)


def test_500_then_200_delivers_once_with_the_same_key(shop, endpoint, secrets_in_env):
    add_system(shop, endpoint.url)
    record(shop, 1)
    endpoint.script(Reply(503, {"error": "bakımda"}), Reply(200))
    now = start()
    assert sync_pass(shop, now).retrying == 1
    assert "HTTP 503" in rows(shop)[0].error_message
    assert sync_pass(shop, now + dt.timedelta(seconds=10)).synced == 1
    (row,) = rows(shop)
    assert (row.status, row.retry_count, row.error_message) == ("synced", 1, None)
    first, second = endpoint.posts()
    assert first.key == second.key and first.body == second.body
    assert (first.headers["x-cnc-attempt"], second.headers["x-cnc-attempt"]) == ("1", "2")
    assert len(endpoint.processed) == 1


def test_a_slow_answer_times_out_and_the_retry_is_recognised_by_its_key(
    shop, endpoint, secrets_in_env
):
    add_system(shop, endpoint.url, read_timeout_ms=300)
    record(shop, 1)
    # the ERP processes the event but answers after 1.2 s: our side has given up
    endpoint.script(Reply(200, delay=1.2))
    now = start()
    began = time.monotonic()
    report = sync_pass(shop, now)
    took = time.monotonic() - began
    assert report.retrying == 1 and took < 1.0
    (row,) = rows(shop)
    assert row.error_message == f"no answer from {endpoint.url}/cnc/events within 0.3 s"
    key = row.external_id
    assert list(endpoint.processed) == [key]  # it did arrive
    # the retry carries the same key; the ERP answers 200 again without a second event
    assert sync_pass(shop, now + dt.timedelta(seconds=10)).synced == 1
    assert endpoint.keys() == {key: 2} and endpoint.processed == {key: "ERP-1"}
    (row,) = rows(shop)
    assert (row.status, row.retry_count, row.external_id) == ("synced", 1, "ERP-1")


def test_a_dropped_connection_is_retried(shop, endpoint, secrets_in_env):
    add_system(shop, endpoint.url)
    record(shop, 1)
    endpoint.script(Close())
    now = start()
    assert sync_pass(shop, now).retrying == 1
    assert "cannot reach" in rows(shop)[0].error_message
    assert sync_pass(shop, now + dt.timedelta(seconds=10)).synced == 1


def test_a_refused_payload_fails_at_once_and_can_be_retried(shop, endpoint, secrets_in_env):
    add_system(shop, endpoint.url)
    record(shop, 1)
    endpoint.script(Reply(422, {"error": "unknown cam_run"}))
    now = start()
    assert sync_pass(shop, now).failed == 1
    (row,) = rows(shop)
    assert row.status == "failed" and row.retry_count == 1
    assert row.error_message.startswith("SAP refused the event: HTTP 422")
    assert "unknown cam_run" in row.error_message
    with shop.session() as session:
        assert erp.retry_failed(session, OWNER) == 1
    assert sync_pass(shop, start()).synced == 1


def test_events_of_one_entity_go_out_in_order(shop, endpoint, secrets_in_env):
    add_system(shop, endpoint.url)
    record(shop, 7, "invoice.issued", "invoice", invoice_issued(7))
    record(shop, 7, "invoice.paid", "invoice", invoice_paid(7), occurrence="payment-3")
    record(shop, 8, "invoice.issued", "invoice", invoice_issued(8))
    endpoint.script(Reply(500))
    now = start()
    report = sync_pass(shop, now)
    # invoice 7's issue failed: its payment waits; invoice 8 is not held up
    assert (report.attempted, report.synced, report.retrying) == (2, 1, 1)
    sync_pass(shop, now + dt.timedelta(seconds=10))
    order = [(p.json()["entity"]["id"], p.json()["event"]) for p in endpoint.posts()]
    assert order == [(7, "invoice.issued"), (8, "invoice.issued"), (7, "invoice.issued"),
                     (7, "invoice.paid")]  # fmt: skip
    assert [r.status for r in rows(shop)] == ["synced"] * 3


def test_several_workers_deliver_every_event_exactly_once(shop, endpoint, secrets_in_env):
    # Timeouts far above the answers' 20 ms: this is about sharing the work, and on a loaded
    # 2-core machine the test's own endpoint thread may answer after FAST's 500 ms (seen on
    # a fresh Debian 13 machine: 58 of 60 delivered, two to retry).
    add_system(shop, endpoint.url, connect_timeout_ms=10000, read_timeout_ms=30000)
    count = 60
    for n in range(1, count + 1):
        record(shop, n)
    endpoint.script(*[Reply(200, delay=0.02) for _ in range(count)])
    worker_db = Database(
        sa.engine.make_url(shop.url).set(username="cnc_worker").render_as_string(False)
    )
    now, reports = start(), []

    def work():
        reports.append(sync_pass(worker_db, now))

    threads = [threading.Thread(target=work) for _ in range(4)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    took = time.monotonic() - began
    worker_db.dispose()
    assert sum(r.attempted for r in reports) == count
    errors = {r.error_message for r in rows(shop) if r.status != "synced"}
    assert sum(r.synced for r in reports) == count, errors
    assert sum(1 for r in reports if r.attempted) >= 2  # the work was shared
    assert len(endpoint.keys()) == count and set(endpoint.keys().values()) == {1}
    assert {r.status for r in rows(shop)} == {"synced"}
    print(f"\n{count} events, 4 workers, 20 ms per answer: {took:.2f} s")


def test_delivery_needs_a_secret_and_uses_the_keyring(shop, endpoint, monkeypatch):
    add_system(shop, endpoint.url)
    record(shop, 1)
    now = start()
    assert sync_pass(shop, now).retrying == 1
    assert "no token or signing secret for SAP" in rows(shop)[0].error_message
    assert endpoint.posts() == []

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.conftest.PinnedKeyring")
    secrets = SecretStore()
    with shop.session() as session:
        erp.set_secret(session, OWNER, "sap", TOKEN, secrets=secrets)
        info = erp.describe(session, OWNER, "SAP", secrets=secrets)
    assert (info.token, info.signing_secret) == ("OS keyring", "not set")
    assert TOKEN not in repr(info) and TOKEN not in repr(info.lines())
    assert sync_pass(shop, now + dt.timedelta(seconds=10), secrets=secrets).synced == 1
    (post,) = endpoint.posts()
    assert post.headers["authorization"] == f"Bearer {TOKEN}"
    assert core.verify_signature(  # without a signing secret the token signs
        TOKEN, post.headers["x-cnc-timestamp"], post.body, post.headers["x-cnc-signature"]
    )
    monkeypatch.setenv("CNC_ERP_TOKEN_SAP", "from-the-environment")
    assert erp.credentials("SAP", secrets).token_source == "environment CNC_ERP_TOKEN_SAP"
    with shop.engine.connect() as conn:  # the secret never reached the database
        dump = (
            conn.execute(
                sa.text("SELECT coalesce(string_agg(t::text, ''), '') FROM external_systems t")
            ).scalar_one()
            + conn.execute(
                sa.text("SELECT coalesce(string_agg(t::text, ''), '') FROM audit_logs t")
            ).scalar_one()
        )
    assert "erp.token_set" in dump and TOKEN not in dump


# ----------------------------------------------------------------------------- inbound
ORDERS_CSV = (
    "order_id;customer_name;project_name;due_date;quantity;part_number;material\n"
    "SO-1001;Anadolu Makina A.Ş.;;2026-12-15;20;FL-200;C45\n"
    "SO-1002;Ege Kalıp;Kalıp gövdesi;15.01.2027;2;KG-7;1.2738\n"
)


def projects_of(db) -> dict[str, tuple[int, str, str]]:
    with db.session() as session:
        return {
            p.external_ref: (p.id, p.name, p.customer_name)
            for p in session.scalars(sa.select(Project).where(Project.external_ref.is_not(None)))
        }


def test_an_order_file_becomes_projects_and_a_second_import_updates_them(shop, tmp_path):
    add_system(shop, "https://erp.example/api", direction="inbound", types=["order"])
    path = tmp_path / "siparisler.csv"
    path.write_text(ORDERS_CSV, encoding="utf-8")
    report = erp_inbound.import_file(shop, OWNER, "sap", path)
    assert (len(report.created), len(report.updated)) == (2, 0)
    first = projects_of(shop)
    assert first["SO-1001"][1:] == ("SO-1001 Anadolu Makina A.Ş.", "Anadolu Makina A.Ş.")
    assert first["SO-1002"][1:] == ("Kalıp gövdesi", "Ege Kalıp")
    with shop.session() as session:
        project = session.get(Project, first["SO-1001"][0])
        assert project.external_system == "SAP"
        assert project.metadata_["erp"] == {"system": "SAP", "order_id": "SO-1001",
            "due_date": "2026-12-15", "quantity": 20, "part_number": "FL-200",
            "material": "C45"}  # fmt: skip

    # the ERP changed the customer's name of SO-1001 and sent a new order
    path.write_text(
        "order_id,customer_name,quantity\nSO-1001,Anadolu Makina San. A.Ş.,25\n"
        "SO-1003,Marmara Döküm,1\n",
        encoding="cp1254",  # a Turkish Windows export
    )
    report = erp_inbound.import_file(shop, OWNER, "SAP", path)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (1, 1, 0)
    second = projects_of(shop)
    assert len(second) == 3
    assert second["SO-1001"][0] == first["SO-1001"][0]  # the same project, updated
    assert second["SO-1001"][2] == "Anadolu Makina San. A.Ş."
    assert second["SO-1003"][2] == "Marmara Döküm"
    report = erp_inbound.import_file(shop, OWNER, "SAP", path)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 2)
    inbound = rows(shop, "inbound")
    assert sorted(r.external_id for r in inbound) == ["SO-1001", "SO-1002", "SO-1003"]
    assert {r.status for r in inbound} == {"synced"}


def test_outbound_events_name_the_erp_order_their_work_came_from(shop, tmp_path):
    add_system(shop, "https://erp.example/api")
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS_CSV)
    erp_inbound.import_file(shop, OWNER, "SAP", path)
    project_id = projects_of(shop)["SO-1001"][0]
    user = make_user(shop, "cam@atolye.example", "engineer")
    with shop.engine.begin() as conn:
        run = conn.exec_driver_sql
        run("INSERT INTO models (id, user_id, project_id, name, type, file_format, s3_key, "
            "file_size, sha256_hash) VALUES (70, %s, %s, 'flans', 'part', 'STEP', 'k/70', 1, "
            "repeat('a', 64))", (user, project_id))  # fmt: skip
        run("INSERT INTO jobs (id, user_id, type, status, input_params) "
            "VALUES (70, %s, 'cam_process', 'completed', '{}')", (user,))  # fmt: skip
        run("INSERT INTO cam_runs (id, job_id, model_id, strategy, cutting_params, status) "
            "VALUES (77, 70, 70, 'pocket', '{}', 'completed')")  # fmt: skip
    with shop.session() as session:
        fields = erp.project_order(session, cam_run_id=77)
        assert fields == {"project_id": project_id, "order_system": "SAP", "order_ref": "SO-1001"}
        assert erp.record_event(session, "cam.finished", "cam_run", 77,
                                {**cam_payload(77), **fields}) == 1  # fmt: skip
    (row,) = rows(shop)
    with shop.session() as session:
        data = erp.payload(session, row.id).document["data"]
    assert (data["order_ref"], data["project_id"]) == ("SO-1001", project_id)


def test_a_malformed_order_file_imports_nothing_and_names_its_lines(shop, tmp_path):
    add_system(shop, "https://erp.example/api", direction="inbound", types=["order"])
    bad = tmp_path / "bozuk.csv"
    bad.write_text(
        "order_id,customer_name,quantity\nSO-1,Acme,3\nSO-2,Beta,iki\nSO-3,,1\nSO-4,Gamma\n"
    )
    with pytest.raises(core.OrderFileError) as refused:
        erp_inbound.import_file(shop, OWNER, "SAP", bad)
    assert [line for line, _ in refused.value.problems] == [3, 4, 5]
    message = str(refused.value)
    assert message.startswith("Nothing was imported.")
    assert "bozuk.csv line 3: quantity 'iki' is not a whole number" in message
    assert "line 4: customer_name is missing" in message
    assert "line 5: 2 fields where the header has 3" in message

    broken = tmp_path / "bozuk.json"
    broken.write_text('[\n  {"order_id": "A", "customer_name": "B"},\n  {"order_id": "C" "x"}\n]')
    with pytest.raises(core.OrderFileError, match=r"bozuk.json line 3: not valid JSON"):
        erp_inbound.import_file(shop, OWNER, "SAP", broken)
    wrong = tmp_path / "eksik.json"
    wrong.write_text(json.dumps({"orders": [{"order_id": "A", "customer_name": "B"},
                                            {"order_id": "C"}]}, indent=2))  # fmt: skip
    with pytest.raises(core.OrderFileError, match=r"eksik.json line 7: customer_name is missing"):
        erp_inbound.import_file(shop, OWNER, "SAP", wrong)

    assert projects_of(shop) == {}
    failures = rows(shop, "inbound")
    assert [(r.status, r.external_id) for r in failures] == [
        ("failed", "bozuk.csv"), ("failed", "bozuk.json"), ("failed", "eksik.json")]  # fmt: skip
    assert "line 3" in failures[0].error_message


def test_a_clash_with_an_existing_project_name_imports_nothing(shop, tmp_path):
    add_system(shop, "https://erp.example/api", direction="inbound", types=["order"])
    make_user(shop, "erp@atolye.example", "admin")
    with shop.session() as session:
        from cncworkbench.services.pdm import projects

        projects.create_project(session, OWNER, "Kalıp gövdesi")
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS_CSV)
    with pytest.raises(core.OrderFileError, match="line 3: a project named 'Kalıp gövdesi'"):
        erp_inbound.import_file(shop, OWNER, "SAP", path)
    assert projects_of(shop) == {}


def test_orders_pulled_from_a_rest_endpoint_follow_pages(shop, endpoint, secrets_in_env):
    add_system(shop, endpoint.url, direction="inbound", types=["order"])
    endpoint.serve("/orders", {"orders": [{"order_id": "SO-1", "customer_name": "Acme"},
                                          {"order_id": "SO-2", "customer_name": "Beta"}],
                               "next": "/orders?page=2"})  # fmt: skip
    endpoint.serve("/orders?page=2", [{"order_id": "SO-3", "customer_name": "Gamma"}])
    report = erp_inbound.pull_orders(shop, OWNER, "SAP")
    assert len(report.created) == 3
    gets = [r for r in endpoint.received if r.method == "GET"]
    assert [g.path for g in gets] == ["/orders", "/orders?page=2"]
    assert gets[0].headers["authorization"] == f"Bearer {TOKEN}"
    endpoint.serve("/orders?page=2", [{"order_id": "SO-3", "customer_name": "Gamma Ltd."}])
    report = erp_inbound.pull_orders(shop, OWNER, "SAP")
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 1, 2)
    assert projects_of(shop)["SO-3"][2] == "Gamma Ltd."


def test_a_failed_pull_is_visible(shop):
    add_system(shop, closed_port_url(), direction="inbound", types=["order"])
    with pytest.raises(erp.ErpUnavailable, match="cannot reach"):
        erp_inbound.pull_orders(shop, OWNER, "SAP")
    (row,) = rows(shop, "inbound")
    assert row.status == "failed" and "cannot reach" in row.error_message


def test_workers_pull_orders_on_schedule(shop, endpoint, secrets_in_env):
    add_system(shop, endpoint.url, direction="inbound", types=["order"], pull_interval_s=60)
    endpoint.serve("/orders", [{"order_id": "SO-1", "customer_name": "Acme"}])
    worker_db = Database(
        sa.engine.make_url(shop.url).set(username="cnc_worker").render_as_string(False)
    )
    now = utcnow()
    try:
        first = erp_inbound.periodic_pass(worker_db, now)
        assert len(first.pulls) == 1 and "1 project(s) created" in first.pulls[0]
        assert erp_inbound.periodic_pass(worker_db, now + dt.timedelta(seconds=59)).pulls == []
        later = erp_inbound.periodic_pass(worker_db, now + dt.timedelta(seconds=60))
        assert "1 unchanged" in later.pulls[0]
    finally:
        worker_db.dispose()
    assert len([r for r in endpoint.received if r.method == "GET"]) == 2
    assert list(projects_of(shop)) == ["SO-1"]


# ------------------------------------------------------------------ rights and license
def test_erp_sync_needs_the_license(db, endpoint):
    with db.session() as session, pytest.raises(FeatureLocked, match="ERP/MES"):
        erp.add_system(session, OWNER, "SAP", endpoint.url, "both", ALL_TYPES)
    with pytest.raises(FeatureLocked):
        erp.deliver_pending(db)


def test_only_erp_managers_see_systems_and_the_queue(shop, endpoint, app_context, secrets_in_env):
    add_system(shop, endpoint.url)
    record(shop, 1)
    make_user(shop, "admin@atolye.example", "admin")
    make_user(shop, "engineer@atolye.example", "engineer")
    seen = {}
    for email in ("admin@atolye.example", "engineer@atolye.example"):
        user = identity.sign_in(app_context, email, PASSWORD)
        with user.db.session() as session:
            seen[user.role] = [
                session.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("external_systems", "erp_deliveries", "erp_mes_sync")
            ]
            if user.role == "engineer":
                with pytest.raises(PermissionDenied):
                    erp.list_systems(session, user.actor)
            else:
                assert [s.name for s in erp.list_systems(session, user.actor)] == ["SAP"]
        user.close()
    assert seen == {"admin": [1, 1, 1], "engineer": [0, 0, 0]}
    admin = identity.sign_in(app_context, "admin@atolye.example", PASSWORD)
    try:  # an administrator's "send now" from the settings dialog
        assert erp.deliver_pending(admin.db, start()).synced == 1
    finally:
        admin.close()
    worker = Database(
        sa.engine.make_url(shop.url).set(username="cnc_worker").render_as_string(False)
    )
    with worker.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM external_systems")).scalar_one() == 1
        with pytest.raises(sa.exc.ProgrammingError):
            conn.execute(sa.text("UPDATE external_systems SET base_url = 'http://evil.example'"))
    worker.dispose()


def test_system_settings_are_checked(shop, endpoint):
    with shop.session() as session:
        for args, message in (
            (("sap", "ftp://erp", "both", ALL_TYPES), "not an http"),
            (("sap", endpoint.url, "sideways", ALL_TYPES), "direction is one of"),
            (("sap", endpoint.url, "both", ["orders"]), "Unknown entity type"),
            (("9ap", endpoint.url, "both", ALL_TYPES), "cannot name an external system"),
        ):
            with pytest.raises(ValidationError, match=message):
                erp.add_system(session, OWNER, *args)
        with pytest.raises(ValidationError, match="number of retries"):
            erp.add_system(session, OWNER, "SAP", endpoint.url, "both", ALL_TYPES, max_retries=99)
    add_system(shop, endpoint.url)
    record(shop, 1)
    with shop.session() as session, pytest.raises(ValidationError, match="1 undelivered"):
        erp.remove_system(session, OWNER, "SAP")
    with shop.session() as session:
        assert erp.remove_system(session, OWNER, "SAP", force=True) == 1
    (row,) = rows(shop)
    assert (row.status, row.error_message) == ("failed", "the external system was removed")


# ------------------------------------------------------------------- CLI and the worker
def test_the_cli_configures_imports_syncs_and_reports(
    shop, owner_context, endpoint, secrets_in_env, tmp_path
):
    from cncworkbench.cli import main

    runner = CliRunner()

    def run(*args, code=0):
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    run("erp", "system", "add", "sap", "--url", endpoint.url, "--direction", "both",
        "--entity-types", "order,cam_run", "--events-path", "cnc/events",
        "--backoff-base", "5")  # fmt: skip
    shown = run("erp", "system", "show", "SAP")
    assert "environment CNC_ERP_TOKEN_SAP" in shown and TOKEN not in shown
    assert (
        "retries         8, waiting 5 s, 10 s, 20 s, 40 s, 80 s, 2.7 min, 5.3 min, 10.7 min"
        in shown
    )
    assert "SAP" in run("erp", "system", "list")
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS_CSV)
    assert "2 project(s) created" in run("erp", "import", str(path), "--system", "SAP")
    bad = tmp_path / "bad.csv"
    bad.write_text("order_id,customer_name\nSO-9,\n")
    assert "bad.csv line 2: customer_name is missing" in run(
        "erp", "import", str(bad), "--system", "SAP", code=2
    )
    record(shop, 1)
    status = run("erp", "status")
    assert "outbound  pending 1, synced 0, failed 0" in status
    assert "inbound   pending 0, synced 2, failed 1" in status
    assert "1 attempted: 1 delivered" in run("erp", "sync")
    (row,) = rows(shop)
    assert row.external_id == "ERP-1"  # the ERP's id replaces the key
    shown = run("erp", "show", str(row.id))
    key = core.idempotency_key("SAP", "cam_run", 1, "cam.finished")
    assert f"Idempotency-Key: {key}" in shown and TOKEN not in shown
    assert '"event": "cam.finished"' in shown and '"http_status": 200' in shown


def test_workers_deliver_in_their_periodic_loop(
    shop, endpoint, secrets_in_env, monkeypatch, tmp_path
):
    from cncworkbench.services.jobs.worker import Worker, load_handlers
    from cncworkbench.storage.local import LocalStore
    from tests.support.queue import wait_for

    add_system(shop, endpoint.url)
    monkeypatch.setenv("CNC_ERP_SYNC_INTERVAL", "0.2")
    load_handlers()
    worker = Worker(
        Database(sa.engine.make_url(shop.url).set(username="cnc_worker").render_as_string(False)),
        LocalStore(tmp_path / "objects"), poll_interval=0.2, heartbeat_interval=0.5,
    )  # fmt: skip
    worker.start()
    try:
        record(shop, 1)
        record(shop, 2)
        wait_for(lambda: [r.status for r in rows(shop)] == ["synced", "synced"], timeout=20)
    finally:
        worker.stop(grace=2)
        worker.db.dispose()
        monkeypatch.setenv("CNC_ERP_SYNC_INTERVAL", "5")
        load_handlers()
    assert len(endpoint.keys()) == 2
