"""A big mesh's `model upload` goes without SQLAlchemy (issue #20: the command within 1.5x of
a plain boto3 upload) and records exactly what the ORM path records: the same version rows,
audit entries (one hash chain, `audit verify` intact) and thumbnail jobs, which a real
worker then runs for both."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from cncworkbench.db.cluster import free_port
from cncworkbench.services.access import identity
from cncworkbench.services.access.actor import Actor
from cncworkbench.services.pdm import models as model_service
from cncworkbench.storage.s3 import S3Store
from tests.support.people import PASSWORD, app_url, make_user
from tests.test_model_preview import big_stl
from tests.test_upload_transfer import (  # noqa: F401 (shop: a fixture)
    ENGINEER,
    cli,
    run_worker,
    shop,
    show,
)

# Runs the command, then says on stderr whether it loaded SQLAlchemy.
WATCHED_CLI = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('sqlalchemy loaded:', 'sqlalchemy' in sys.modules,"
    " file=sys.stderr))\n"
    "sys.argv = ['cncworkbench', *sys.argv[1:]]\n"
    "from cncworkbench.cli import run\n"
    "run()\n"
)
VARYING = {"id", "s3_key", "sha256_hash", "created_at", "updated_at", "project_id",
           "parent_model_id", "name"}  # fmt: skip


def watched_upload(env, path: Path, project: str, as_user=ENGINEER) -> tuple[dict, bool]:
    """(the command's JSON answer, whether it loaded SQLAlchemy); ``as_user`` None: the
    saved login acts."""
    user = ["--user", as_user] if as_user else []
    run = subprocess.run(
        [sys.executable, "-c", WATCHED_CLI, "model", "upload", str(path), "--project", project,
         *user, "--json"],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1]), "loaded: True" in run.stderr


def rows(db, sql: str, **params) -> list[dict]:
    with db.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.exec_driver_sql(sql, params or None)]


def without(row: dict, keys=VARYING) -> dict:
    return {key: value for key, value in row.items() if key not in keys}


def test_the_direct_path_records_what_the_orm_path_records(db, pg_cluster, shop, tmp_path):  # noqa: F811
    env, bucket, _client = shop
    first = big_stl(tmp_path / "govde.stl", 200_000)  # 10 MB: measured by a job
    second = tmp_path / "next" / "govde.stl"  # the same model's next version
    second.parent.mkdir()
    second.write_bytes(first.read_bytes().replace(b"binary STL", b"second STL", 1))

    # the command: a new project, its first version, the next version, identical content
    direct = [watched_upload(env, path, "Direkt") for path in (first, second, second)]
    assert [loaded for _answer, loaded in direct] == [False, False, False]
    direct_1, direct_2, again = (answer for answer, _loaded in direct)
    assert (direct_2["version"], again["created"], again["model_id"]) == (2, False, 2)
    assert "Identical to version 2" in again["message"]

    # the ORM path, in process, for the same person with the same credentials
    engineer = rows(db, "SELECT id, email, role FROM users WHERE email = %(e)s", e=ENGINEER)[0]
    actor = Actor(engineer["id"], engineer["email"], engineer["role"], via="owner")
    store = S3Store(bucket, env["CNC_S3_ENDPOINT_URL"], "eu-central-1")
    orm = [model_service.upload_model(db, store, actor, path, "ORM") for path in (first, second)]
    assert [r.version for r in orm] == [1, 2] and all(r.thumbnail_job_id for r in orm)

    models = {r["id"]: r for r in rows(db, "SELECT * FROM models")}
    for ours, theirs in ((direct_1, orm[0]), (direct_2, orm[1])):
        assert without(models[ours["model_id"]]) == without(models[theirs.model_id])
    assert models[direct_2["model_id"]]["parent_model_id"] == direct_1["model_id"]
    assert models[direct_1["model_id"]]["project_id"] != models[orm[0].model_id]["project_id"]

    entries = rows(
        db, "SELECT * FROM audit_logs WHERE action IN ('project.create', 'model.upload') "
        "ORDER BY id",
    )  # fmt: skip
    direct_entries, orm_entries = entries[:3], entries[3:]
    assert [e["action"] for e in direct_entries] == [e["action"] for e in orm_entries] == [
        "project.create", "model.upload", "model.upload"]  # fmt: skip
    assert [e["entity_data"]["name"] for e in entries[::3]] == ["Direkt", "ORM"]
    for ours, theirs in zip(direct_entries, orm_entries, strict=True):
        skip = {"id", "entity_id", "entity_data", "created_at", "prev_chain_hash", "chain_hash"}
        assert without(ours, skip) == without(theirs, skip)
        assert ours["entity_data"].keys() == theirs["entity_data"].keys()
        assert without(ours["entity_data"], VARYING) == without(theirs["entity_data"], VARYING)
        assert ours["entity_data"]["id"] == ours["entity_id"]
    assert direct_entries[1]["entity_data"] == json.loads(json.dumps(
        {**models[direct_1["model_id"]], "created_at": direct_entries[1]["entity_data"][
            "created_at"], "updated_at": direct_entries[1]["entity_data"]["updated_at"]},
        default=str))  # fmt: skip

    jobs = {j["id"]: j for j in rows(db, "SELECT * FROM jobs")}
    job_facts = {"id", "idempotency_key", "input_params", "created_at", "updated_at"}
    for ours, theirs in ((direct_1, orm[0]), (direct_2, orm[1])):
        mine, other = jobs[ours["thumbnail_job"]], jobs[theirs.thumbnail_job_id]
        assert without(mine, job_facts) == without(other, job_facts)
        assert mine["input_params"] == {**other["input_params"], "model_id": ours["model_id"]}
        assert mine["idempotency_key"] == other["idempotency_key"].replace(
            str(theirs.model_id), str(ours["model_id"]))  # fmt: skip

    verify = cli(env, "audit", "verify")
    assert "intact" in verify.stdout

    # a real worker measures and pictures both paths' versions alike
    run_worker(db, pg_cluster, env)
    measured = [show(env, model_id)[0]["metadata"]
                for model_id in (direct_2["model_id"], orm[1].model_id)]  # fmt: skip
    assert measured[0] == measured[1] and measured[0]["triangles"] == 200_000
    assert "size and thumbnail: pending" not in show(env, direct_2["model_id"])[1]


def log_in(env) -> None:
    """`cncworkbench login` as the engineer: the session later commands act as."""
    login = subprocess.run(
        [sys.executable, "-m", "cncworkbench.cli", "login", ENGINEER, "--password-stdin"],
        env=env, input=PASSWORD + "\n", capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert login.returncode == 0, login.stderr


def test_other_uploads_still_take_the_orm_path(db, shop, tmp_path):  # noqa: F811
    """A small mesh (measured and pictured on the spot) loads the ORM, and its version gets
    its thumbnail at once; a refusal on the direct path leaves nothing stored."""
    env, bucket, client = shop
    small = big_stl(tmp_path / "kucuk.stl", 2_000)
    answer, loaded = watched_upload(env, small, "Küçük")
    assert loaded and answer["thumbnail_job"] is None
    assert show(env, answer["model_id"])[0]["metadata"]["triangles"] == 2_000

    make_user(db, "izleyici@atolye.example", "viewer")
    path = big_stl(tmp_path / "govde.stl", 200_000)
    refused = cli(env, "model", "upload", str(path), "--project", "Küçük", "--user",
                  "izleyici@atolye.example", ok=False)  # fmt: skip
    assert refused.returncode != 0 and "upload models and versions" in refused.stderr
    assert "Traceback" not in refused.stderr
    nobody = cli(env, "model", "upload", str(path), "--project", "Küçük", "--user",
                 "kimse@atolye.example", ok=False)  # fmt: skip
    assert "There is no user kimse@atolye.example" in nobody.stderr
    keys = [o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
    assert [key for key in keys if key.startswith("models/")] == [answer["key"]]
    assert client.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


def test_the_saved_login_uploads_directly_as_its_session(db, app_context, shop, tmp_path):  # noqa: F811
    """`cncworkbench login` then `model upload` (no --user): the direct path acts as the
    login's session, as a client under row-level security, and the database records the
    session with the entry exactly as for the ORM path's signed-in upload; after `logout`
    the upload is refused and nothing is stored."""
    env, bucket, client = shop
    env = {**env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # a file
    log_in(env)
    path = big_stl(tmp_path / "govde.stl", 200_000)
    run = subprocess.run(
        [sys.executable, "-c", WATCHED_CLI, "model", "upload", str(path), "--project",
         "Oturum", "--json"],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "sqlalchemy loaded: False" in run.stderr
    answer = json.loads(run.stdout.strip().splitlines()[-1])

    who = identity.sign_in(app_context, ENGINEER, PASSWORD, where="cli")
    try:
        store = S3Store(bucket, env["CNC_S3_ENDPOINT_URL"], "eu-central-1")
        theirs = model_service.upload_model(who.db, store, who.actor, path, "ORM oturumu")
    finally:
        who.close()
    models = {r["id"]: r for r in rows(db, "SELECT * FROM models")}
    assert without(models[answer["model_id"]]) == without(models[theirs.model_id])
    entries = rows(
        db, "SELECT * FROM audit_logs WHERE action IN ('project.create', 'model.upload') "
        "ORDER BY id",
    )  # fmt: skip
    assert [e["action"] for e in entries] == ["project.create", "model.upload"] * 2
    ours, orm = entries[:2], entries[2:]
    sessions = rows(db, "SELECT id, user_agent FROM sessions ORDER BY id")
    assert {e["session_id"] for e in ours} == {sessions[0]["id"]}  # the CLI's login
    for mine, other in zip(ours, orm, strict=True):
        skip = {"id", "entity_id", "entity_data", "created_at", "prev_chain_hash", "chain_hash",
                "session_id"}  # fmt: skip
        assert without(mine, skip) == without(other, skip)
        assert "(cli;" in mine["user_agent"]  # the session's, as the database records it
        assert without(mine["entity_data"], VARYING) == without(other["entity_data"], VARYING)
    assert "intact" in cli(env, "audit", "verify").stdout

    cli(env, "logout")
    other = big_stl(tmp_path / "baska.stl", 200_000)
    with other.open("r+b") as handle:
        handle.write(b"another mesh")
    refused = cli(env, "model", "upload", str(other), "--project", "Oturum", ok=False)
    assert refused.returncode != 0 and "cncworkbench login EMAIL" in refused.stderr
    assert "Traceback" not in refused.stderr
    keys = {o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert keys == {answer["key"], theirs.key}
    assert client.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


def test_a_database_that_does_not_answer_is_said_in_one_line(db, shop, tmp_path):  # noqa: F811
    env, bucket, client = shop
    env = {**env, "CNC_DATABASE_URL": f"postgresql://cnc_owner@127.0.0.1:{free_port()}/cnc"}
    path = big_stl(tmp_path / "govde.stl", 200_000)
    refused = cli(env, "model", "upload", str(path), "--project", "Yok", "--user", ENGINEER,
                  ok=False)  # fmt: skip
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    lines = [line for line in refused.stderr.splitlines() if line.strip()]
    assert lines[-1].startswith("error: Nothing answers at") and "CNC_DATABASE_URL" in lines[-1]
    assert client.list_objects_v2(Bucket=bucket).get("Contents", []) == []
    assert client.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


def test_two_uploads_of_the_next_version_at_once_make_one(db, shop, tmp_path):  # noqa: F811
    """Both find version 1 as the newest, then wait on its row (held here until both do):
    one stores version 2, the other is told to upload again and leaves nothing stored."""
    env, bucket, client = shop
    first = watched_upload(env, big_stl(tmp_path / "govde.stl", 200_000), "Yarış")[0]
    paths = []
    for n in (1, 2):
        path = tmp_path / f"v{n}" / "govde.stl"
        path.parent.mkdir()
        path.write_bytes((tmp_path / "govde.stl").read_bytes().replace(
            b"binary STL", f"racer {n}".encode().ljust(10), 1))  # fmt: skip
        paths.append(path)
    command = [sys.executable, "-m", "cncworkbench.cli", "model", "upload"]
    with db.engine.connect() as holder:
        holder.exec_driver_sql(
            "SELECT id FROM models WHERE id = %(id)s FOR UPDATE", {"id": first["model_id"]}
        )
        racers = [
            subprocess.Popen([*command, str(path), "--project", "Yarış", "--user", ENGINEER,
                              "--json"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for path in paths
        ]  # fmt: skip
        waiting = (
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()"
        )
        deadline = time.monotonic() + 120
        while rows(db, waiting)[0]["count"] < 2:
            assert time.monotonic() < deadline and all(r.poll() is None for r in racers)
            time.sleep(0.1)
        holder.rollback()  # let them go
    outcomes = [(racer.wait(timeout=120), *racer.communicate()) for racer in racers]
    stored = [json.loads(out) for code, out, _err in outcomes if code == 0]
    refused = [err for code, _out, err in outcomes if code != 0]
    assert [answer["version"] for answer in stored] == [2] and len(refused) == 1
    assert "Someone stored version 2 of 'govde' while you uploaded" in refused[0]
    assert "Traceback" not in refused[0]
    keys = {o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert keys == {first["key"], stored[0]["key"]}
    assert client.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


def test_the_app_role_with_user_asks_the_password_and_uploads(db, shop, tmp_path):  # noqa: F811
    """A desktop's credentials (cnc_app) cannot act for others: ``--user`` signs in with the
    user's password (the ORM path, with the transfer already under way); its saved login
    uploads directly."""
    env, bucket, client = shop
    env = {**env, "CNC_DATABASE_URL": app_url(db),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # fmt: skip
    path = big_stl(tmp_path / "govde.stl", 200_000)
    run = subprocess.run(
        [sys.executable, "-m", "cncworkbench.cli", "model", "upload", str(path), "--project",
         "Uygulama", "--user", ENGINEER, "--json"],
        env=env, input=PASSWORD + "\n", capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    answer = json.loads(run.stdout.strip().splitlines()[-1])
    entry = rows(db, "SELECT * FROM audit_logs WHERE action = 'model.upload'")[0]
    assert entry["entity_id"] == answer["model_id"] and entry["session_id"] is not None

    log_in(env)
    other = tmp_path / "next" / "govde.stl"
    other.parent.mkdir()
    other.write_bytes(path.read_bytes().replace(b"binary STL", b"second STL", 1))
    again, loaded = watched_upload(env, other, "Uygulama", as_user=None)
    assert not loaded and again["version"] == 2
    entries = rows(db, "SELECT * FROM audit_logs WHERE action = 'model.upload' ORDER BY id")
    assert entries[1]["entity_id"] == again["model_id"] and entries[1]["session_id"]
    keys = {o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert keys == {answer["key"], again["key"]}
