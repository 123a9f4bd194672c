"""What an upload gives back, and the sentences that say it (both upload paths: the ORM's in
:mod:`.models` and :mod:`.upload_direct`)."""

from __future__ import annotations

from dataclasses import dataclass

from cncworkbench.core import localefmt
from cncworkbench.core.i18n import translate
from cncworkbench.errors import ValidationError


@dataclass(frozen=True)
class UploadResult:
    model_id: int
    version: int
    key: str
    sha256: str
    size: int
    created: bool  # False: identical content was already stored as this version
    message: str
    derive_job_id: int | None = None  # the cad_generate job making its derived files
    thumbnail_job_id: int | None = None  # the job drawing a big mesh's thumbnail


def stored(
    model_id: int, name: str, version: int, key: str, sha256: str, size: int,
    derive_job: int | None, picture_job: int | None,
) -> UploadResult:  # fmt: skip
    message = translate("Models", "Stored '{name}' version {version} ({size} bytes).")
    message = message.format(name=name, version=version, size=localefmt.integer(size))
    if picture_job is not None:
        message += " " + translate(
            "Models", "Its size and thumbnail are pending: job {job} measures the mesh."
        ).format(job=picture_job)
    return UploadResult(
        model_id, version, key, sha256, size, True, message, derive_job, picture_job
    )


def identical(
    model_id: int, version: int, name: str, key: str, sha256: str, size: int
) -> UploadResult:
    message = translate(
        "Models",
        "Identical to version {version} of '{name}' (same SHA-256): nothing new was stored.",
    ).format(version=version, name=name)
    return UploadResult(model_id, version, key, sha256, size, False, message)


def project_archived(name: str) -> ValidationError:
    """The refusal to upload into an archived project."""
    return ValidationError(
        translate("Models", "The project '{name}' is archived; reopen it first.").format(name=name)
    )


def version_taken(version: int, name: str) -> ValidationError:
    """The refusal when another upload stored the next version first."""
    return ValidationError(
        translate(
            "Models",
            "Someone stored version {version} of '{name}' while you uploaded; upload "
            "again to make the next version.",
        ).format(version=version, name=name)
    )
