"""A real S3 protocol endpoint over HTTP on loopback: moto's server mode.

Our code talks to it through boto3 exactly as it would to AWS, MinIO or Ceph (path-style
addressing, an endpoint URL, credentials from the environment). It keeps nothing on disk.
"""

from __future__ import annotations

import logging
import uuid

import boto3
from botocore.config import Config
from moto.server import ThreadedMotoServer

from cncworkbench.db.cluster import free_port

CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "cnc-test-key",
    "AWS_SECRET_ACCESS_KEY": "cnc-test-secret",
    "AWS_DEFAULT_REGION": "eu-central-1",
}


# The server logs every request; tests need only its failures.
logging.getLogger("werkzeug").setLevel(logging.WARNING)


class MotoS3Server:
    def __init__(self):
        self.port = free_port()
        self.endpoint_url = f"http://127.0.0.1:{self.port}"
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)

    def start(self) -> None:
        self._server.start()

    def stop(self) -> None:
        self._server.stop()

    def restart(self) -> None:
        """Start again on the same port after stop(): moto keeps its data in the process."""
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()

    def environment(self) -> dict[str, str]:
        return {**CREDENTIALS, "CNC_S3_ENDPOINT_URL": self.endpoint_url}

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=CREDENTIALS["AWS_DEFAULT_REGION"],
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
            config=Config(s3={"addressing_style": "path"}),
        )

    def new_bucket(self) -> str:
        name = f"cnc-test-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(
            Bucket=name,
            CreateBucketConfiguration={"LocationConstraint": CREDENTIALS["AWS_DEFAULT_REGION"]},
        )
        return name
