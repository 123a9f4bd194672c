"""A big mesh's upload without SQLAlchemy: the same checks and rows as the ORM path.

For a 100 MB STL, ``model upload`` spent more CPU importing SQLAlchemy, its ORM and our
mapped models (~0.5 s, taken from the transfer and the store on a 2-core machine) than on
all its database work. This path talks to the database through :mod:`cncworkbench.db.direct`
(psycopg only) and does what :func:`.models.upload_model` does for such a file: the actor
(``--user`` with the database owner's credentials, or the session of the saved
``cncworkbench login``, bound to the connection as a client under row-level security), the
permission, the project (created if needed, with its audit entry), the model line and the
identical-content check while the bytes move; then, in one transaction, the version row,
its ``model.upload`` audit entry and the job that measures and pictures the mesh. The rows,
the audit entries (through the same ``cnc_audit_append``) and the job (through
``cnc_submit_job``) are the ORM path's, which a test checks column by column.

It takes only what it was written for: an STL measured by a job after the upload
(:data:`.upload_transfer.INLINE_FACTS_BYTES`), a configured database (not the embedded
cluster, which may need starting) at the code's schema revision, and someone to act as
above. Anything else (a password to ask for, a saved login that no longer works or may not
upload, an FCStd for FreeCAD to inspect, a small mesh measured on the spot) gets None
before anything is written, and the caller takes the ORM path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cncworkbench.config import SecretStore, Settings
from cncworkbench.core import model_files, text, validators
from cncworkbench.core.permissions import Permission, allowed, require
from cncworkbench.services.access.actor import Actor, no_such_user, snapshot_value
from cncworkbench.services.access.login_place import LoginPlace
from cncworkbench.services.pdm import upload_result
from cncworkbench.services.pdm import upload_transfer as transfer
from cncworkbench.services.pdm.names import clean_name, project_exists
from cncworkbench.services.pdm.upload_transfer import INLINE_FACTS_BYTES, Transfer


@dataclass
class _LoginContext:
    """What :class:`LoginPlace` reads of an application context."""

    settings: Settings
    secrets: SecretStore
    client_url: str  # a shared database: the configured URL (AppContext.client_url)


def saved_token(settings: Settings) -> str | None:
    """The access token ``cncworkbench login`` kept for this (shared) database, if any."""
    if not settings.database_url:
        return None
    return LoginPlace(_LoginContext(settings, SecretStore(), settings.database_url)).get()


def may_apply(settings: Settings, path: Path, model_type: str) -> bool:
    """Whether this upload can take the direct path, from what is known before the file is
    checked or the database asked (the final word is :func:`upload`'s, which also needs
    someone to act: ``--user``, or the saved login)."""
    try:
        big = Path(path).stat().st_size > INLINE_FACTS_BYTES
    except OSError:
        return False
    return (
        bool(settings.database_url)
        and Path(path).suffix.lower() == ".stl"
        and big
        and model_type in model_files.MODEL_TYPES
    )


def upload(
    settings: Settings,
    moving: Transfer,
    as_user: str | None,
    project: str,
    name: str | None,
    model_type: str,
    actor_known: Callable[[], None] = lambda: None,
) -> upload_result.UploadResult | None:
    """Store the file being sent by ``moving`` as :func:`.models.upload_model` would, for
    ``as_user`` (the owner's credentials acting for them) or else for the session of the
    saved login (read here, while the bytes move: a desktop's keyring takes a while to
    load); None when this path does not apply (see the module's docstring):
    the caller then takes the ORM path with the same transfer. ``actor_known``: called
    once the actor is known."""
    checked = moving.checked
    if not (
        may_apply(settings, checked.path, model_type)
        and checked.format == "STL"
        and checked.size > INLINE_FACTS_BYTES
    ):
        return None
    token = None if as_user else saved_token(settings)
    if not (as_user or token):
        return None  # nobody to act: the ORM path says how to log in
    # psycopg is imported once the bytes move: measured alternately with the import before
    # the transfer started, 1.53 s against 1.75 s (medians of 6). Hence ``direct`` is passed.
    from cncworkbench.db import direct
    from cncworkbench.db.revisions import head_revision

    with direct.session(settings.database_url, "CNC_DATABASE_URL") as connection:
        if direct.schema_revision(connection) != head_revision():
            return None  # the ORM path says what to do about the schema
        if as_user:
            if not direct.caller_is_privileged(connection):
                return None  # --user asks for the user's password: the ORM path signs in
            actor = _actor(direct, connection, as_user)
        else:
            actor = _session_actor(direct, connection, token)
            if actor is None:
                return None  # the ORM path forgets the token, or words the refusal
        connection.commit()
        actor_known()
        return _store(direct, connection, actor, moving, project, name, model_type)


def _session_actor(direct, connection, token: str) -> Actor | None:
    """The saved login's user, the connection bound to its session as a client (row-level
    security applies, the database records the session with every entry), as
    :func:`cncworkbench.services.access.cli_login.saved_session` does."""
    direct.act_as_client(connection)
    found = direct.attach(connection, token)
    if found is None or not allowed(found["user_role"], Permission.MODEL_WRITE):
        return None
    email = direct.user_email(connection, found["user_id"])
    return Actor(found["user_id"], email, found["user_role"], via="session")


def _actor(direct, connection, as_user: str) -> Actor:
    email = validators.normalise_email(as_user)
    found = direct.user_by_email(connection, email)
    if found is None:
        raise no_such_user(email)
    return Actor(found["id"], found["email"], found["role"], via="owner")


def _store(direct, connection, actor, moving, project, name, model_type):
    checked = moving.checked
    require(actor.role, Permission.MODEL_WRITE)
    name = clean_name(name or checked.path.stem, "model")
    # 1. Where does it go (while the bytes move)
    project_id = _project_id(direct, connection, actor, project)
    previous = direct.newest_version_named(connection, project_id, text.fold(name))
    _facts, sha256, size = moving.facts()
    if previous is not None:
        same = direct.live_version_with_content(connection, previous["id"], sha256)
        if same is not None:
            connection.commit()
            moving.discard()
            return upload_result.identical(
                same["id"], same["version"], same["name"], same["s3_key"], sha256, size
            )
    connection.commit()
    # 2. The object, stored and verified before any row points at it
    key = moving.stored().key
    # 3. The row, its audit entry and the thumbnail job, in one transaction
    with connection.transaction():
        if actor.via == "session" and direct.current_user_id(connection) != actor.user_id:
            raise direct.session_ended()  # logged out or revoked while the bytes moved
        parent_id, version = None, 1
        if previous is not None:
            parent = direct.lock_version(connection, previous["id"])
            taken = direct.next_version_taken(connection, parent["id"])
            if taken is not None:
                raise upload_result.version_taken(taken, parent["name"])
            parent_id, version = parent["id"], parent["version"] + 1
        metadata = {"format": "STL", "units": model_files.STL_UNITS, "thumbnail": transfer.PENDING}
        given = {
            "user_id": actor.user_id, "project_id": project_id, "name": name,
            "description": None, "type": model_type, "file_format": checked.format,
            "s3_key": key, "file_size": size, "sha256_hash": sha256, "version": version,
            "parent_model_id": parent_id, "metadata": metadata, "thumbnail_s3_key": None,
        }  # fmt: skip
        row = direct.insert(connection, "models", given)
        _audit(direct, connection, actor, "model.upload", "models", row, given)
        picture_job = direct.submit_job(
            connection, transfer.THUMBNAIL_JOB_TYPE,
            {"model_id": row["id"], "make": transfer.THUMBNAIL_MAKE}, transfer.THUMBNAIL_PRIORITY,
            transfer.thumbnail_job_key(row["id"]), transfer.THUMBNAIL_TIMEOUT_S,
            transfer.THUMBNAIL_RETRIES, actor.user_id,
        )  # fmt: skip
    connection.commit()
    moving.keep()
    return upload_result.stored(row["id"], name, version, key, sha256, size, None, picture_job)


def _project_id(direct, connection, actor: Actor, project: str) -> int:
    """projects.find_project, or create_project with its audit entry."""
    found = direct.project_by_folded_name(connection, text.fold(project.strip()))
    if found is not None:
        if found["status"] == "archived":
            raise upload_result.project_archived(found["name"])
        return found["id"]
    require(actor.role, Permission.PROJECT_WRITE)
    name = clean_name(project, "project")
    if direct.project_by_folded_name(connection, text.fold(name.strip())) is not None:
        raise project_exists(name)
    given = {"owner_id": actor.user_id, "name": name, "description": None, "customer_name": None}
    row = direct.insert(connection, "projects", given)
    _audit(direct, connection, actor, "project.create", "projects", row, given)
    return row["id"]


def _audit(direct, connection, actor: Actor, action: str, entity_type: str, row, given) -> None:
    """The entry the ORM path writes for a row it has just inserted: the columns it gave and
    those the database filled in (a column neither given nor defaulted is NULL, and the ORM
    never loaded it, so its snapshot leaves it out)."""
    snapshot = {
        column: snapshot_value(value)
        for column, value in row.items()
        if column in given or value is not None
    }
    direct.audit_append(
        connection, action, entity_type, row["id"], snapshot, actor.user_id, actor.user_agent
    )
