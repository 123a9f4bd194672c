"""S3 through boto3: AWS, MinIO, Ceph or any endpoint (path-style when an endpoint is set).

Credentials come from the standard AWS chain (environment, profile, instance role).
"""

from __future__ import annotations

import boto3
import botocore.exceptions
from botocore.config import Config

from cncworkbench.errors import ConfigurationError

CONNECT_TIMEOUT_S = 5


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
        return f"S3 bucket '{self.bucket}' at {where}"

    def check(self) -> None:
        where = self.endpoint_url or "AWS"
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except botocore.exceptions.NoCredentialsError:
            raise ConfigurationError(
                "No S3 credentials were found: set AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY (or an AWS profile) for the bucket in CNC_S3_BUCKET.",
                setting="CNC_S3_BUCKET",
            ) from None
        except botocore.exceptions.EndpointConnectionError:
            raise ConfigurationError(
                f"Nothing answers at the S3 endpoint {where} (CNC_S3_ENDPOINT_URL). Start the "
                "object store there or correct CNC_S3_ENDPOINT_URL.",
                setting="CNC_S3_ENDPOINT_URL",
            ) from None
        except botocore.exceptions.ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in ("404", "NoSuchBucket", "NotFound"):
                raise ConfigurationError(
                    f"The S3 bucket '{self.bucket}' (CNC_S3_BUCKET) does not exist at {where}. "
                    f"Create it (`aws s3 mb s3://{self.bucket}`) or correct CNC_S3_BUCKET.",
                    setting="CNC_S3_BUCKET",
                ) from None
            if code in ("403", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"):
                raise ConfigurationError(
                    f"S3 at {where} refused access to the bucket '{self.bucket}' ({code}): check "
                    "the AWS credentials and the bucket policy.",
                    setting="CNC_S3_BUCKET",
                ) from None
            raise ConfigurationError(
                f"S3 at {where} answered {code} for the bucket '{self.bucket}' (CNC_S3_BUCKET).",
                setting="CNC_S3_BUCKET",
            ) from None
