"""The object store, local folder and S3 over HTTP alike: verified writes, atomic
uploads, checked downloads, keys never reused."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading

import pytest

from cncworkbench.errors import ConfigurationError, ValidationError
from cncworkbench.storage import CorruptObject, new_key
from cncworkbench.storage.s3 import S3Store
from tests.support.s3 import CREDENTIALS, MotoS3Server


class Stop(Exception):
    pass


def corrupt(store, key: str, data: bytes) -> None:
    """Damage a stored object behind the store's back (disk rot, a careless admin)."""
    if isinstance(store, S3Store):
        store.client.put_object(Bucket=store.bucket, Key=key, Body=data)
    else:
        (store.root / key).write_bytes(data)


@pytest.fixture
def payload(tmp_path):
    path = tmp_path / "part.step"
    path.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    return path


@pytest.fixture
def big_payload(tmp_path):
    path = tmp_path / "assembly.step"  # above the multipart threshold
    path.write_bytes(os.urandom(19 * 1024 * 1024))
    return path


def test_round_trip_reports_size_and_hash(store, payload, tmp_path):
    key = new_key("models", payload.name)
    seen = []
    stored = store.put_file(
        key, payload, "model/step", progress=lambda done, total: seen.append(done)
    )
    expected = hashlib.sha256(payload.read_bytes()).hexdigest()
    assert stored.sha256 == expected and stored.size == payload.stat().st_size
    assert seen[-1] == payload.stat().st_size  # progress reached the end
    assert store.exists(key)
    listed = {k: size for k, size, _when in store.iter_objects("models/")}
    assert listed == {key: payload.stat().st_size}
    out = store.get_file(key, tmp_path / "copy" / "part.step", expected, stored.size)
    assert out.read_bytes() == payload.read_bytes()


def test_multipart_uploads_are_hashed_and_verified(store, big_payload):
    stored = store.put_file(new_key("models", big_payload.name), big_payload)
    assert stored.sha256 == hashlib.sha256(big_payload.read_bytes()).hexdigest()


def test_keys_are_never_reused(store, payload):
    key = new_key("models", payload.name)
    store.put_file(key, payload)
    with pytest.raises(ValidationError, match="keys are never reused"):
        store.put_file(key, payload)


def test_an_interrupted_upload_leaves_no_visible_object(store, big_payload):
    key = new_key("models", big_payload.name)

    def stop_half_way(done, total):
        if done > total // 2:
            raise Stop()

    with pytest.raises(Stop):
        store.put_file(key, big_payload, progress=stop_half_way)
    assert not store.exists(key)
    assert list(store.iter_objects()) == []
    if isinstance(store, S3Store):  # the multipart upload was aborted, not left dangling
        uploads = store.client.list_multipart_uploads(Bucket=store.bucket)
        assert uploads.get("Uploads", []) == []


def test_corrupted_content_is_refused_and_nothing_is_written(store, payload, tmp_path):
    key = new_key("models", payload.name)
    stored = store.put_file(key, payload)
    corrupt(store, key, b"x" * stored.size)
    target = tmp_path / "out" / "part.step"
    with pytest.raises(CorruptObject, match=r"is corrupted: its SHA-256 is .* but .* was recorded"):
        store.get_file(key, target, stored.sha256, stored.size)
    assert not target.exists()
    assert not any(target.parent.iterdir())  # no .part file left behind either


def test_a_missing_object_is_named(store, tmp_path):
    with pytest.raises(ValidationError, match=r"'models/x/gone.step' is missing"):
        store.get_file("models/x/gone.step", tmp_path / "gone.step", "0" * 64)


def test_small_objects_and_deletion(store):
    stored = store.put_bytes("thumbnails/t/a.png", b"\x89PNG...", "image/png")
    assert store.get_bytes(stored.key, stored.sha256) == b"\x89PNG..."
    store.delete(stored.key)
    store.delete(stored.key)  # gone already: no error
    assert not store.exists(stored.key)


def test_hostile_keys_are_refused(store, payload):
    for key in ("../etc/passwd", "/abs/key", "models//x", "models/./x"):
        with pytest.raises(ValidationError, match="not a valid object key"):
            store.put_file(key, payload)


@pytest.fixture
def own_s3_server(monkeypatch):
    """An S3 endpoint of this test's own, to cut and bring back."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    server = MotoS3Server()
    server.start()
    yield server
    server.stop()


def test_an_endpoint_cut_mid_upload_is_one_message_and_its_parts_are_swept(own_s3_server, tmp_path):
    # Cut after some parts: no row, but 8 parts / 64 MiB stayed on the endpoint, which
    # `storage sweep` could not see; with the endpoint down, exists() raised a traceback.
    big = tmp_path / "assembly.step"
    big.write_bytes(os.urandom(40 * 1024 * 1024))
    store = S3Store(own_s3_server.new_bucket(), own_s3_server.endpoint_url, "eu-central-1")
    key = new_key("models", big.name)
    cut = threading.Event()

    def cut_after_a_part(done, total):
        if done > 12 * 1024 * 1024 and not cut.is_set():
            cut.set()
            threading.Thread(target=own_s3_server.stop).start()

    with pytest.raises(ConfigurationError, match=own_s3_server.endpoint_url) as refused:
        store.put_file(key, big, progress=cut_after_a_part)
    assert "CNC_S3_ENDPOINT_URL" in str(refused.value)
    with pytest.raises(ConfigurationError, match="CNC_S3_ENDPOINT_URL"):
        store.exists(key)  # endpoint still down: the same one message, no traceback

    own_s3_server.restart()
    client = own_s3_server.client()
    left = client.list_multipart_uploads(Bucket=store.bucket).get("Uploads", [])
    assert [upload["Key"] for upload in left] == [key]  # the abort could not reach it
    assert not store.exists(key)
    # The sweep's grace keeps uploads in flight: nothing begun after the cutoff is touched.
    assert store.abort_incomplete_uploads(dt.datetime(2000, 1, 1, tzinfo=dt.UTC)) == (0, 0)
    count, stored = store.abort_incomplete_uploads(dt.datetime.now(dt.UTC), dry_run=True)
    assert count == 1 and stored >= 8 * 1024 * 1024
    assert store.abort_incomplete_uploads(dt.datetime.now(dt.UTC)) == (1, stored)
    assert client.list_multipart_uploads(Bucket=store.bucket).get("Uploads", []) == []


def test_a_failed_upload_aborts_its_parts_when_the_endpoint_still_answers(store, big_payload):
    key = new_key("models", big_payload.name)
    if isinstance(store, S3Store):  # a part refused by the endpoint: the upload is aborted
        failing = store.client.meta.events
        calls = {"parts": 0}

        def refuse_second_part(params, **kwargs):
            calls["parts"] += 1
            if calls["parts"] == 2:
                raise OSError("disk read error")

        failing.register("before-call.s3.UploadPart", refuse_second_part)
        with pytest.raises((ConfigurationError, OSError)):
            store.put_file(key, big_payload)
        failing.unregister("before-call.s3.UploadPart", refuse_second_part)
        assert store.client.list_multipart_uploads(Bucket=store.bucket).get("Uploads", []) == []
    assert not store.exists(key)
    assert store.abort_incomplete_uploads(dt.datetime.now(dt.UTC)) == (0, 0)
