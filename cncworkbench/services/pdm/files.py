"""Housekeeping of the object store: removing objects that no row points at.

An upload stores its object before the row that points at it is committed; if the
process dies in between, the object is left without a row. The sweeper deletes such
objects once they are older than a grace period (so an upload in flight is never
touched).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import localefmt
from cncworkbench.core.i18n import translate
from cncworkbench.storage import ObjectStore

# Every column that holds an object key.
KEY_COLUMNS = (
    ("models", "s3_key"),
    ("models", "thumbnail_s3_key"),
    ("artefacts", "s3_key"),
    ("cam_runs", "output_s3_key"),
    ("sim_runs", "video_s3_key"),
    ("sim_runs", "report_s3_key"),
    ("invoices", "pdf_s3_key"),
)
DEFAULT_GRACE = dt.timedelta(hours=1)


@dataclass
class SweepReport:
    examined: int = 0
    referenced: int = 0
    too_young: int = 0
    deleted: int = 0
    deleted_bytes: int = 0
    dry_run: bool = False
    incomplete_uploads: int = 0  # begun before the grace period, never completed
    incomplete_bytes: int = 0

    def line(self) -> str:
        if self.dry_run:
            text = translate(
                "Files",
                "{examined} objects examined: {referenced} referenced, {young} younger "
                "than the grace period, would delete {deleted} unreferenced ({size} bytes)",
            )
        else:
            text = translate(
                "Files",
                "{examined} objects examined: {referenced} referenced, {young} younger "
                "than the grace period, deleted {deleted} unreferenced ({size} bytes)",
            )
        return text.format(
            examined=self.examined, referenced=self.referenced, young=self.too_young,
            deleted=self.deleted, size=localefmt.integer(self.deleted_bytes),
        )  # fmt: skip

    def uploads_line(self) -> str:
        if self.dry_run:
            text = translate(
                "Files", "{count} incomplete uploads older than the grace period would be "
                "aborted ({size} bytes of parts)",
            )  # fmt: skip
        else:
            text = translate(
                "Files", "{count} incomplete uploads older than the grace period aborted "
                "({size} bytes of parts)",
            )  # fmt: skip
        return text.format(
            count=self.incomplete_uploads, size=localefmt.integer(self.incomplete_bytes)
        )


KEPT_WITHOUT_ROW = ("audit-anchors/",)


def referenced_keys(session: Session) -> set[str]:
    """Every key a row points at (the owner or a worker reads them all)."""
    union = sa.union_all(
        *(
            sa.select(sa.column(column).label("key"))
            .select_from(sa.table(table, sa.column(column)))
            .where(sa.column(column).is_not(None))
            for table, column in KEY_COLUMNS
        )
    )
    return set(session.execute(union).scalars())


def sweep(
    session: Session,
    store: ObjectStore,
    grace: dt.timedelta = DEFAULT_GRACE,
    dry_run: bool = False,
    now: dt.datetime | None = None,
) -> SweepReport:
    keys = referenced_keys(session)
    cutoff = (now or dt.datetime.now(dt.UTC)) - grace
    report = SweepReport(dry_run=dry_run)
    for key, size, modified in store.iter_objects():
        report.examined += 1
        # audit anchors have no row on purpose: the database must not be able to vouch
        # for (or lose) them
        if key in keys or key.startswith(KEPT_WITHOUT_ROW):
            report.referenced += 1
        elif modified > cutoff:
            report.too_young += 1
        else:
            report.deleted += 1
            report.deleted_bytes += size
            if not dry_run:
                store.delete(key)
    report.incomplete_uploads, report.incomplete_bytes = store.abort_incomplete_uploads(
        cutoff, dry_run=dry_run
    )
    return report
