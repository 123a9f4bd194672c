"""Projects: create, rename, archive, list with their model counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import text
from cncworkbench.core.i18n import translate
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.models import ModelHead, Project, user_directory
from cncworkbench.errors import ValidationError
from cncworkbench.services.access import audit
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.pdm.names import (  # noqa: F401 (MAX_NAME, clean_name: its API)
    MAX_NAME,
    clean_name,
    project_exists,
)


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
    models = (  # models, not versions: one head per line
        sa.select(ModelHead.project_id, sa.func.count().label("n"))
        .group_by(ModelHead.project_id)
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


def find_project(session: Session, name: str) -> Project | None:
    return session.scalar(
        sa.select(Project).where(
            sa.func.cnc_fold(sa.func.btrim(Project.name)) == text.fold(name.strip()),
            Project.is_deleted.is_(False),
        )
    )


def create_project(
    session: Session,
    actor: Actor,
    name: str,
    description: str | None = None,
    customer_name: str | None = None,
) -> Project:
    require(actor.role, Permission.PROJECT_WRITE)
    name = clean_name(name, "project")
    if find_project(session, name):
        raise project_exists(name)
    project = Project(
        owner_id=actor.user_id or system_owner(session),
        name=name,
        description=description,
        customer_name=customer_name,
    )
    session.add(project)
    session.flush()
    audit.record(session, actor, "project.create", "projects", project.id, audit.snapshot(project))
    return project


def system_owner(session: Session) -> int:
    """The database owner acting for nobody gives projects to the first administrator."""
    owner = session.scalar(
        sa.select(user_directory.c.id)
        .where(user_directory.c.role == "admin", user_directory.c.is_active.is_not(False))
        .order_by(user_directory.c.id)
        .limit(1)
    )
    if owner is None:
        raise ValidationError(
            translate("Projects", "Create an administrator first (cncworkbench user add).")
        )
    return owner


def rename_project(session: Session, actor: Actor, project_id: int, name: str) -> Project:
    require(actor.role, Permission.PROJECT_WRITE)
    project = get_project(session, project_id)
    name = clean_name(name, "project")
    clash = find_project(session, name)
    if clash is not None and clash.id != project.id:
        raise project_exists(name)
    before = project.name
    project.name = name
    session.flush()
    audit.record(
        session, actor, "project.rename", "projects", project.id, None, {"name": [before, name]}
    )
    return project


def archive_project(
    session: Session, actor: Actor, project_id: int, archived: bool = True
) -> Project:
    require(actor.role, Permission.PROJECT_WRITE)
    project = get_project(session, project_id)
    before = project.status
    project.status = "archived" if archived else "active"
    session.flush()
    audit.record(
        session, actor, "project.archive" if archived else "project.unarchive", "projects",
        project.id, None, {"status": [before, project.status]},
    )  # fmt: skip
    return project


def get_project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None or project.is_deleted:
        raise ValidationError(
            translate("Projects", "There is no project {id}.").format(id=project_id)
        )
    return project
