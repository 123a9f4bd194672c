"""A job's results by the names people see (``cncworkbench job show``, ``artefact
download JOB NAME -o PATH``): the program's file name, or its kind (``gcode``,
``setup_sheet``, ``report``...) when the job has one of that kind."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core.i18n import translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.core.text import fold
from cncworkbench.db.models import Artefact, Job
from cncworkbench.errors import ValidationError
from cncworkbench.services.access.audit import Actor
from cncworkbench.storage import ObjectStore, Progress, safe_name


def of_job(session: Session, actor: Actor, job_id: int) -> list[Artefact]:
    require(actor.role, Permission.ARTEFACT_READ)
    if session.get(Job, job_id) is None:
        raise ValidationError(
            translate("Artefacts", "There is no job {id} (or it is not yours).").format(id=job_id)
        )
    return list(
        session.scalars(sa.select(Artefact).where(Artefact.job_id == job_id).order_by(Artefact.id))
    )


def by_name(session: Session, actor: Actor, job_id: int, name: str) -> Artefact:
    """The job's artefact called ``name`` (case and Turkish marks ignored), or of kind
    ``name`` when it is the job's only one of that kind; else an error listing them."""
    rows = of_job(session, actor, job_id)
    wanted = fold(name.strip())
    found = [row for row in rows if fold(row.name) == wanted]
    if not found:
        found = [row for row in rows if fold(row.type) == wanted]
    if len(found) == 1:
        return found[0]
    listed = ", ".join(f"{row.name} ({row.type})" for row in rows)
    if not rows:
        raise ValidationError(
            translate("Artefacts", "Job {id} has no results (yet).").format(id=job_id)
        )
    if found:
        raise ValidationError(
            translate("Artefacts", "Job {id} has several '{name}'; give the file name: {listed}")
            .format(id=job_id, name=name, listed=listed)
        )  # fmt: skip
    raise ValidationError(
        translate("Artefacts", "Job {id} has no result called '{name}'; it has: {listed}").format(
            id=job_id, name=name, listed=listed
        )
    )


def target_path(output: str | Path, name: str) -> Path:
    """``-o``: a file, or a folder (existing, or written with a trailing /) to write the
    artefact into under its own (safe) name."""
    text = str(output)
    target = Path(text)
    if text.endswith(("/", os.sep)) or target.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return target / safe_name(name)
    return target


def download(
    store: ObjectStore, artefact: Artefact, output: str | Path, progress: Progress | None = None
) -> Path:
    """Fetch ``artefact`` to ``output`` (see :func:`target_path`), verified against its
    SHA-256; nothing is left there when it does not match."""
    target = target_path(output, artefact.name)
    if artefact.sha256 is None:
        raise ValidationError(
            translate("Artefacts", "{name} has no recorded SHA-256 to check it by.").format(
                name=artefact.name
            )
        )
    return store.get_file(artefact.s3_key, target, artefact.sha256, artefact.file_size, progress)
