"""Projects and the models in them (listing; uploads and versions come with storage)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.db.models import Model, Project, user_directory


@dataclass(frozen=True)
class ProjectSummary:
    id: int
    name: str
    customer_name: str | None
    status: str
    owner_email: str
    model_count: int
    updated_at: dt.datetime


def list_projects(session: Session, include_archived: bool = False) -> list[ProjectSummary]:
    models = (
        sa.select(Model.project_id, sa.func.count().label("n"))
        .where(Model.is_deleted.is_not(True))
        .group_by(Model.project_id)
        .subquery()
    )
    query = (
        sa.select(Project, user_directory.c.email, sa.func.coalesce(models.c.n, 0))
        .join(user_directory, user_directory.c.id == Project.owner_id)
        .outerjoin(models, models.c.project_id == Project.id)
        .where(Project.is_deleted.is_(False))
        .order_by(Project.updated_at.desc(), Project.id.desc())
    )
    if not include_archived:
        query = query.where(Project.status != "archived")
    return [
        ProjectSummary(
            project.id,
            project.name,
            project.customer_name,
            project.status,
            email,
            count,
            project.updated_at,
        )
        for project, email, count in session.execute(query)
    ]
