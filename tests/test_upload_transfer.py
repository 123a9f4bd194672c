"""`model upload` starts sending at once and asks the database while the bytes move (issue
#20: the whole command within 1.5x of a plain boto3 upload): what a user notices. The
version exists with its hash when the command returns; a big mesh's size and picture are
pending until a real `cncworkbench worker` has measured it; a job that cannot is visible and
the upload is not lost; anything refused leaves nothing in the bucket."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cncworkbench.storage import file_sha256
from tests.support.people import make_user
from tests.support.queue import prepare
from tests.test_model_preview import big_stl

REPOSITORY = Path(__file__).resolve().parents[1]
ENGINEER = "yukleyen@atolye.example"
OPERATOR = "operator@atolye.example"


@pytest.fixture
def shop(db, s3_env, tmp_path):
    """(environment of a CLI run with the owner's credentials on S3, the bucket, S3 client)."""
    make_user(db, ENGINEER, "engineer")
    make_user(db, OPERATOR, "operator")
    bucket = s3_env.new_bucket()
    env = {**os.environ, "CNC_DATABASE_URL": db.url, "CNC_DATA_DIR": str(tmp_path / "data"),
           "CNC_S3_BUCKET": bucket, "CNC_LOCALE": "en", "PYTHONPATH": str(REPOSITORY)}  # fmt: skip
    return env, bucket, s3_env.client()


def cli(env, *args, ok=True) -> subprocess.CompletedProcess:
    run = subprocess.run([sys.executable, "-m", "cncworkbench.cli", *args], env=env,
                         capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    if ok:
        assert run.returncode == 0, run.stderr[-2000:]
    return run


def upload(env, path: Path, *extra, ok=True) -> subprocess.CompletedProcess:
    return cli(env, "model", "upload", str(path), "--project", "Gövde", *extra, ok=ok)


def show(env, model_id: int) -> tuple[dict, str]:
    as_json = json.loads(cli(env, "model", "show", str(model_id), "--user", ENGINEER,
                             "--json").stdout)  # fmt: skip
    return as_json, cli(env, "model", "show", str(model_id), "--user", ENGINEER).stdout


def stored_objects(client, bucket) -> tuple[list[str], list[str]]:
    """(keys of the objects, keys of multipart uploads begun and never completed)."""
    objects = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    unfinished = client.list_multipart_uploads(Bucket=bucket).get("Uploads", [])
    return [o["Key"] for o in objects], [u["Key"] for u in unfinished]


def run_worker(db, pg_cluster, env) -> subprocess.CompletedProcess:
    """A real `cncworkbench worker` process that runs what is queued, then exits."""
    worker_env = {**env, "CNC_DATABASE_URL": prepare(db, pg_cluster)}
    return cli(worker_env, "worker", "--types", "cad_generate", "--once", "--poll", "0.5")


def test_a_big_mesh_is_stored_at_once_and_measured_by_a_real_worker_afterwards(
    db, pg_cluster, shop, tmp_path
):
    env, bucket, client = shop
    path = big_stl(tmp_path / "govde.stl", 400_000)  # 20 MB: measured by a job
    answer = json.loads(upload(env, path, "--user", ENGINEER, "--json").stdout)
    assert (answer["sha256"], answer["size"]) == file_sha256(path)
    assert answer["thumbnail_job"] and f"job {answer['thumbnail_job']}" in answer["message"]
    assert stored_objects(client, bucket) == ([answer["key"]], [])
    body = client.get_object(Bucket=bucket, Key=answer["key"])["Body"].read()
    assert body == path.read_bytes()
    before, text = show(env, answer["model_id"])
    assert before["sha256"] == answer["sha256"] and before["thumbnail"] is None
    assert before["metadata"]["thumbnail"] == "pending" and "size_mm" not in before["metadata"]
    assert "size and thumbnail: pending" in text

    run_worker(db, pg_cluster, env)
    after, text = show(env, answer["model_id"])
    assert after["metadata"]["triangles"] == 400_000
    assert after["metadata"]["size_mm"] == [120.0, 80.0, 40.0]
    assert after["metadata"]["volume_mm3"] > 0 and "thumbnail" not in after["metadata"]
    assert Path(after["thumbnail"]).read_bytes().startswith(b"\x89PNG")
    assert "pending" not in text and "size 120 × 80 × 40 mm" in text


def test_a_mesh_the_job_cannot_measure_says_so_and_the_upload_is_kept(
    db, pg_cluster, shop, tmp_path
):
    env, _bucket, _client = shop
    path = big_stl(tmp_path / "bozuk.stl", 200_000)
    with path.open("r+b") as handle:  # one coordinate of the last triangle: NaN
        handle.seek(path.stat().st_size - 2 - 4)
        handle.write(np.float32("nan").tobytes())
    answer = json.loads(upload(env, path, "--user", ENGINEER, "--json").stdout)
    run_worker(db, pg_cluster, env)
    after, text = show(env, answer["model_id"])
    reason = "The mesh has coordinates that are not finite numbers."
    assert after["metadata"]["thumbnail"] == "failed"
    assert f"size and thumbnail: failed: {reason}" in text
    job = cli(env, "job", "show", str(answer["thumbnail_job"]), "--user", ENGINEER).stdout
    assert "failed" in job and reason in job
    # the version itself is whole: it downloads, checked against its SHA-256
    cli(env, "model", "download", str(answer["model_id"]), "-o", str(tmp_path / "geri.stl"),
        "--user", ENGINEER)  # fmt: skip
    assert (tmp_path / "geri.stl").read_bytes() == path.read_bytes()


def test_a_refused_upload_leaves_nothing_in_the_bucket(db, shop, tmp_path):
    """The transfer starts before the database says who acts and whether they may: a refusal
    cancels it and removes what arrived (an operator may not upload; nobody logged in)."""
    env, bucket, client = shop
    path = big_stl(tmp_path / "govde.stl", 400_000)
    refused = upload(env, path, "--user", OPERATOR, ok=False)
    assert refused.returncode != 0 and "upload models and versions" in refused.stderr
    nobody = upload(env, path, ok=False)
    assert nobody.returncode != 0 and "cncworkbench login EMAIL" in nobody.stderr
    assert "Traceback" not in refused.stderr + nobody.stderr
    assert stored_objects(client, bucket) == ([], [])


def test_identical_content_is_recognised_and_its_transfer_removed(db, shop, tmp_path):
    env, bucket, client = shop
    path = big_stl(tmp_path / "govde.stl", 1_000_000)  # 50 MB
    first = json.loads(upload(env, path, "--user", ENGINEER, "--json").stdout)
    again = json.loads(upload(env, path, "--user", ENGINEER, "--json").stdout)
    assert again["created"] is False and again["model_id"] == first["model_id"]
    assert "Identical to version 1" in again["message"]
    assert stored_objects(client, bucket) == ([first["key"]], [])  # no second copy, no parts


def test_the_file_check_still_refuses_before_anything_is_sent(db, shop, tmp_path):
    env, bucket, client = shop
    path = tmp_path / "kesik.stl"
    path.write_bytes(b"solid kesik\n facet normal 0 0 1\n")  # truncated ASCII STL
    refused = upload(env, path, "--user", ENGINEER, ok=False)
    assert "truncated ASCII STL" in refused.stderr and "Traceback" not in refused.stderr
    assert stored_objects(client, bucket) == ([], [])
