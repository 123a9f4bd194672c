"""S3 through boto3: AWS, MinIO, Ceph or any endpoint (path-style when an endpoint is set).

Credentials come from the standard AWS chain (environment, profile, instance role).
Uploads go through boto3's transfer manager (multipart above 8 MB, parts read and sent in
parallel); the file is hashed beside the transfer, each part carries botocore's integrity
checksum (CRC32) where the endpoint supports it, and afterwards the object's size is
checked and the file must not have changed meanwhile.
An upload that fails or is cancelled is aborted (by the transfer manager, and again by us
for failures): a multipart upload never becomes a visible object, and one whose abort could
not reach the endpoint is aborted by ``storage sweep``.
"""

from __future__ import annotations

import base64
import concurrent.futures
import contextlib
import datetime as dt
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import boto3
import botocore.exceptions
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

from cncworkbench.core.i18n import translate
from cncworkbench.errors import ConfigurationError, ValidationError
from cncworkbench.storage.objects import (
    Progress,
    StoredObject,
    check_key,
    file_sha256,
    replace_atomically,
    temporary_sibling,
    verify_download,
)

CONNECT_TIMEOUT_S = 5
TRANSFER = TransferConfig(
    multipart_threshold=8 * 1024 * 1024,
    multipart_chunksize=8 * 1024 * 1024,
    max_concurrency=8,
    use_threads=True,
)


class _Stopped(Exception):
    """The progress callback asked to stop (the transfer manager aborts on an Exception)."""


class S3Store:
    def __init__(self, bucket: str, endpoint_url: str | None = None, region: str | None = None):
        self.bucket = bucket
        self.endpoint_url = endpoint_url
        config = Config(
            connect_timeout=CONNECT_TIMEOUT_S,
            read_timeout=60,
            retries={"max_attempts": 3, "mode": "standard"},
            s3={"addressing_style": "path" if endpoint_url else "auto"},
        )
        # A session of its own: the default session caches credentials process-wide and
        # is not safe to share between threads.
        session = boto3.session.Session(region_name=region)
        self.client = session.client("s3", endpoint_url=endpoint_url, config=config)

    def describe(self) -> str:
        where = self.endpoint_url or "AWS"
        return translate("Storage", "S3 bucket '{bucket}' at {where}").format(
            bucket=self.bucket, where=where
        )

    def check(self) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except Exception as exc:
            raise self._explain(exc) from None

    def _explain(self, exc: Exception, key: str | None = None) -> Exception:
        where = self.endpoint_url or "AWS"
        if isinstance(exc, botocore.exceptions.NoCredentialsError):
            return ConfigurationError(
                translate(
                    "Storage",
                    "No S3 credentials were found: set AWS_ACCESS_KEY_ID and "
                    "AWS_SECRET_ACCESS_KEY (or an AWS profile) for the bucket in CNC_S3_BUCKET.",
                ),
                setting="CNC_S3_BUCKET",
            )
        if isinstance(exc, botocore.exceptions.EndpointConnectionError):
            return ConfigurationError(
                translate(
                    "Storage",
                    "Nothing answers at the S3 endpoint {where} (CNC_S3_ENDPOINT_URL). Start the "
                    "object store there or correct CNC_S3_ENDPOINT_URL.",
                ).format(where=where),
                setting="CNC_S3_ENDPOINT_URL",
            )
        if isinstance(
            exc, botocore.exceptions.ConnectionError | botocore.exceptions.HTTPClientError
        ):  # refused, reset, timed out or cut part-way
            return ConfigurationError(
                translate(
                    "Storage",
                    "The S3 endpoint {where} stopped answering ({reason}). Check that the object "
                    "store is running and reachable, then try again; nothing was stored.",
                ).format(where=where, reason=type(exc).__name__),
                setting="CNC_S3_ENDPOINT_URL",
            )
        if isinstance(exc, botocore.exceptions.ClientError):
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in ("NoSuchBucket",) or (code in ("404", "NotFound") and key is None):
                return ConfigurationError(
                    translate(
                        "Storage",
                        "The S3 bucket '{bucket}' (CNC_S3_BUCKET) does not exist at {where}. "
                        "Create it (`aws s3 mb s3://{bucket}`) or correct CNC_S3_BUCKET.",
                    ).format(bucket=self.bucket, where=where),
                    setting="CNC_S3_BUCKET",
                )
            if code in ("404", "NoSuchKey", "NotFound"):
                return ValidationError(
                    translate("Storage", "The stored file '{key}' is missing from {store}.").format(
                        key=key, store=self.describe()
                    )
                )
            if code in ("403", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"):
                return ConfigurationError(
                    translate(
                        "Storage",
                        "S3 at {where} refused access to the bucket '{bucket}' ({code}): check "
                        "the AWS credentials and the bucket policy.",
                    ).format(where=where, bucket=self.bucket, code=code),
                    setting="CNC_S3_BUCKET",
                )
            return ConfigurationError(
                translate(
                    "Storage",
                    "S3 at {where} answered {code} for the bucket '{bucket}' (CNC_S3_BUCKET).",
                ).format(where=where, code=code, bucket=self.bucket),
                setting="CNC_S3_BUCKET",
            )
        return exc

    # -- writing --------------------------------------------------------------------------
    def put_file(
        self,
        key: str,
        path: Path,
        content_type: str | None = None,
        progress: Progress | None = None,
        sha256: str | concurrent.futures.Future | None = None,
    ) -> StoredObject:
        check_key(key)
        if self.exists(key):
            raise ValidationError(
                translate(
                    "Storage", "An object already exists under '{key}'; keys are never reused."
                ).format(key=key)
            )
        path = Path(path)
        before = path.stat()
        # The hash runs beside the upload (hashlib releases the GIL): the transfer manager
        # reads the parts from disk in its own threads, as fast as a plain upload_file.
        # A hash the caller already made (or is making beside this, a future of (SHA-256,
        # size)) is not made again: on a loaded machine its CPU time is taken from the
        # transfer (and from the endpoint, when it runs here too).
        hashing = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        if isinstance(sha256, concurrent.futures.Future):
            digest = sha256
        else:
            digest = hashing.submit(
                file_sha256 if sha256 is None else lambda known: (sha256, known.stat().st_size),
                path,
            )
        done = 0
        stopped: list[BaseException] = []

        def callback(amount: int) -> None:
            nonlocal done
            done += amount
            if progress and not stopped:
                try:
                    progress(done, before.st_size)
                except BaseException as reason:  # cancel: abort the transfer, then re-raise
                    stopped.append(reason)
                    raise _Stopped() from reason

        try:
            self.client.upload_file(
                str(path), self.bucket, key,
                ExtraArgs={"ContentType": content_type or "application/octet-stream"},
                Callback=callback, Config=TRANSFER,
            )  # fmt: skip
        except (_Stopped, botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError,
                OSError) as exc:  # fmt: skip
            if not stopped:
                self._abort_uploads_of(key)
                raise self._explain(exc, key) from None
        finally:
            hashing.shutdown(wait=True)
        if stopped:
            # A small object may be complete before the cancel reaches the transfer.
            with contextlib.suppress(Exception):
                self.delete(key)
            raise stopped[0]
        sha256, size = digest.result()
        after = path.stat()
        if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
            self.delete(key)
            raise ValidationError(
                translate(
                    "Storage", "'{name}' changed while it was being uploaded; try again."
                ).format(name=path.name)
            )
        self._verify_upload(key, size, before.st_size)
        return StoredObject(key, size, sha256)

    def _verify_upload(self, key: str, size: int, expected: int) -> None:
        head = self.client.head_object(Bucket=self.bucket, Key=key)
        if size != expected or head["ContentLength"] != expected:
            self.delete(key)
            raise ValidationError(
                translate(
                    "Storage",
                    "The upload of '{key}' is incomplete ({arrived} of {expected} "
                    "bytes arrived); it was removed. Try again.",
                ).format(key=key, arrived=head["ContentLength"], expected=expected)
            )

    def put_bytes(self, key: str, data: bytes, content_type: str | None = None) -> StoredObject:
        check_key(key)
        args = {"ContentType": content_type or "application/octet-stream"}
        try:
            self.client.put_object(Bucket=self.bucket, Key=key, Body=io.BytesIO(data), **args)
        except Exception as exc:
            raise self._explain(exc, key) from None
        self._verify_upload(key, len(data), len(data))
        return StoredObject(key, len(data), hashlib.sha256(data).hexdigest())

    def object_lock_enabled(self) -> bool:
        try:
            answer = self.client.get_object_lock_configuration(Bucket=self.bucket)
        except botocore.exceptions.ClientError:
            return False  # not configured, or the endpoint does not know Object Lock
        except botocore.exceptions.BotoCoreError as exc:
            raise self._explain(exc) from None
        return answer.get("ObjectLockConfiguration", {}).get("ObjectLockEnabled") == "Enabled"

    def put_retained_bytes(self, key: str, data: bytes, retain_until: dt.datetime) -> bool:
        """Store a small object that must outlive anyone's wish to change it (audit anchors):
        compliance-mode Object Lock until ``retain_until`` where the bucket has Object Lock
        (True), a plain object elsewhere (False)."""
        if not self.object_lock_enabled():
            self.put_bytes(key, data, "application/json")
            return False
        check_key(key)
        try:
            self.client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=data,
                ContentType="application/json",
                # Object Lock wants Content-MD5 (integrity, not security)
                ContentMD5=base64.b64encode(hashlib.md5(data).digest()).decode(),
                ObjectLockMode="COMPLIANCE",
                ObjectLockRetainUntilDate=retain_until,
            )
        except Exception as exc:
            raise self._explain(exc, key) from None
        self._verify_upload(key, len(data), len(data))
        return True

    # -- reading --------------------------------------------------------------------------
    def get_file(
        self,
        key: str,
        destination: Path,
        expected_sha256: str,
        expected_size: int | None = None,
        progress: Progress | None = None,
    ) -> Path:
        destination = Path(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary = temporary_sibling(destination)
        done = 0

        def callback(amount: int) -> None:
            nonlocal done
            done += amount
            if progress:
                progress(done, expected_size or 0)

        try:
            self.client.download_file(
                self.bucket, check_key(key), str(temporary), Callback=callback, Config=TRANSFER
            )
            verify_download(temporary, key, expected_sha256, expected_size)
            replace_atomically(temporary, destination)
        except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as exc:
            raise self._explain(exc, key) from None
        finally:
            temporary.unlink(missing_ok=True)
        return destination

    def get_bytes(self, key: str, expected_sha256: str | None = None) -> bytes:
        try:
            data = self.client.get_object(Bucket=self.bucket, Key=check_key(key))["Body"].read()
        except Exception as exc:
            raise self._explain(exc, key) from None
        if expected_sha256 is not None and hashlib.sha256(data).hexdigest() != expected_sha256:
            raise ValidationError(
                translate(
                    "Storage", "The stored file '{key}' is corrupted (SHA-256 differs)."
                ).format(key=key)
            )
        return data

    def delete(self, key: str) -> None:
        try:
            self.client.delete_object(Bucket=self.bucket, Key=check_key(key))
        except Exception as exc:
            raise self._explain(exc, key) from None

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=check_key(key))
            return True
        except botocore.exceptions.ClientError as exc:
            if str(exc.response.get("Error", {}).get("Code")) in ("404", "NoSuchKey", "NotFound"):
                return False
            raise self._explain(exc, key) from None
        except botocore.exceptions.BotoCoreError as exc:
            raise self._explain(exc, key) from None

    def _abort_uploads_of(self, key: str) -> None:
        """Abort what a failed upload left of ``key`` (its parts are stored and billed).

        Best effort: when the endpoint is gone this fails too, and ``storage sweep`` aborts
        the upload later (:meth:`abort_incomplete_uploads`).
        """
        with contextlib.suppress(Exception):
            found = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=key)
            for upload in found.get("Uploads", []):
                if upload["Key"] == key:
                    self.client.abort_multipart_upload(
                        Bucket=self.bucket, Key=key, UploadId=upload["UploadId"]
                    )

    def abort_incomplete_uploads(
        self, started_before: dt.datetime, dry_run: bool = False
    ) -> tuple[int, int]:
        """Abort multipart uploads begun before ``started_before`` and never completed.

        Returns (uploads, bytes of their stored parts). Such uploads are invisible to a
        listing of objects, yet their parts stay on the endpoint until aborted.
        """
        count = stored = 0
        try:
            paginator = self.client.get_paginator("list_multipart_uploads")
            for page in paginator.paginate(Bucket=self.bucket):
                for upload in page.get("Uploads", []):
                    if upload["Initiated"].astimezone(dt.UTC) >= started_before:
                        continue
                    key, upload_id = upload["Key"], upload["UploadId"]
                    parts = self.client.get_paginator("list_parts").paginate(
                        Bucket=self.bucket, Key=key, UploadId=upload_id
                    )
                    stored += sum(part["Size"] for page in parts for part in page.get("Parts", []))
                    count += 1
                    if not dry_run:
                        self.client.abort_multipart_upload(
                            Bucket=self.bucket, Key=key, UploadId=upload_id
                        )
        except Exception as exc:
            raise self._explain(exc) from None
        return count, stored

    def iter_objects(self, prefix: str = "") -> Iterator[tuple[str, int, dt.datetime]]:
        paginator = self.client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
                for item in page.get("Contents", []):
                    yield item["Key"], item["Size"], item["LastModified"].astimezone(dt.UTC)
        except Exception as exc:
            raise self._explain(exc) from None
