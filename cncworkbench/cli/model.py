"""``cncworkbench model ...``: models and their versions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from cncworkbench.cli.context import (
    AS_USER,
    acting,
    acting_db,
    app_context,
    progress_bar,
)
from cncworkbench.cli.jobwait import (
    NO_WAIT,
    TIMEOUT,
    follow,
    raise_unless_completed,
    worker_if_none,
)
from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError


@click.group(help=QT_TRANSLATE_NOOP("Cli", "Models and their versions."))
def model():
    pass


@model.command(
    "upload",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Upload a model file (FCStd, STEP, STL) as a new model or a new version."
    ),
)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--project", required=True, help=QT_TRANSLATE_NOOP("Cli", "Project name (created if needed).")
)
@click.option("--name", help=QT_TRANSLATE_NOOP("Cli", "Model name (default: the file name). An "
              "existing model of this name in the project gets a new version."))  # fmt: skip
@click.option("--type", "model_type", type=click.Choice(["part", "assembly", "drawing"]),
              default="part", show_default=True)  # fmt: skip
@click.option(
    "--json", "as_json", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Print the result as JSON.")
)
@AS_USER
def model_upload(path, project, name, model_type, as_json, as_user):
    from cncworkbench.config import load_settings
    from cncworkbench.services.pdm import upload_direct
    from cncworkbench.services.pdm.upload_transfer import start_transfer
    from cncworkbench.storage import open_store

    settings = load_settings()
    # A big mesh for --user with the owner's credentials, or for the saved login, goes
    # without SQLAlchemy (see upload_direct). Otherwise the database layer is imported
    # first: imported while the bytes moved, it held the GIL the transfer threads need for
    # every block they send (the transfer was slower by more than the imports take). Then
    # the bytes start moving and the database is asked (who acts, may they, where does it
    # go, is the content new) meanwhile. Whatever is refused or fails leaves nothing stored
    # (see upload_transfer).
    direct = upload_direct.may_apply(settings, path, model_type)
    if not direct:
        _import_database_layer()
    update, close = progress_bar(translate("Cli", "uploading {file}").format(file=path.name))
    shown = {"bar": False}  # not over a password prompt: from when we know who acts

    def progress(done: int, total: int) -> None:
        if shown["bar"]:
            update(done, total)

    def show_bar() -> None:
        shown["bar"] = True

    try:
        with start_transfer(open_store(settings), path, None if as_json else progress) as moving:
            result = None
            if direct:
                result = upload_direct.upload(
                    settings, moving, as_user, project, name, model_type, show_bar
                )
            if result is None:
                from cncworkbench.services.pdm import models

                context = app_context(settings, moving.store)
                with acting_db(context, as_user, person=True) as (database, actor):
                    show_bar()
                    result = models.upload_model(
                        database, context.store, actor, path, project, name=name,
                        model_type=model_type, transfer=moving,
                    )  # fmt: skip
    finally:
        close()
    if as_json:
        click.echo(json.dumps({
            "model_id": result.model_id, "version": result.version, "key": result.key,
            "sha256": result.sha256, "size": result.size, "created": result.created,
            "message": result.message, "thumbnail_job": result.thumbnail_job_id,
        }))  # fmt: skip
    else:
        click.echo(result.message)
        click.echo(
            translate("Cli", "model {id}  version {version}  key {key}").format(
                id=result.model_id, version=result.version, key=result.key
            )
        )
        click.echo(f"sha256 {result.sha256}")


def _import_database_layer() -> None:
    from cncworkbench.services import context  # noqa: F401 (app_context's)
    from cncworkbench.services.access import cli_login  # noqa: F401 (acting_db's)
    from cncworkbench.services.pdm import models  # noqa: F401


def _download_target(output: str, row, suffix: str) -> Path:
    """``-o``: a file, or a folder (existing, or written with a trailing /) to put the
    version in under its own safe name (``dl/`` wrote a file named ``dl``)."""
    from cncworkbench.services.pdm.local_copies import version_file_name

    target = Path(output)
    if output.endswith(("/", os.sep)) or target.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return target / version_file_name(row.name, row.version, suffix)
    return target


@model.command(
    "download",
    help=QT_TRANSLATE_NOOP("Cli", "Download a model version, verified against its SHA-256."),
)
@click.argument("model_id", type=int)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=str),
    help=QT_TRANSLATE_NOOP(
        "Cli", "File to write, or a folder (existing, or ending in /) to write into."
    ),
)
@click.option(
    "--format",
    "kind",
    type=click.Choice(["original", "step", "stl"]),
    default="original",
    show_default=True,
    help=QT_TRANSLATE_NOOP("Cli", "The uploaded file, or the STEP / STL a worker derived from it."),
)
@AS_USER
def model_download(model_id, output, kind, as_user):
    from cncworkbench.services.pdm import cad, models

    context = app_context()
    with acting(context, as_user) as (session, actor):
        row = models.get_model(session, actor, model_id)
        derived = None if kind == "original" else cad.derived_file(session, actor, model_id, kind)
    output = _download_target(output, row, "." + kind if derived else Path(row.s3_key).suffix)
    update, close = progress_bar(
        translate("Cli", "downloading {name} v{version}").format(name=row.name, version=row.version)
    )
    try:
        if derived is None:
            models.download_model(context.store, row, output, update)
        else:
            cad.download_derived(context.store, derived, output, update)
    finally:
        close()
    size, sha256 = (
        (row.file_size, row.sha256) if derived is None else (derived.file_size, derived.sha256)
    )
    click.echo(
        translate("Cli", "{file} ({size} bytes, sha256 {sha256}… verified)").format(
            file=output, size=localefmt.integer(size), sha256=sha256[:12]
        )
    )


@model.command(
    "list", help=QT_TRANSLATE_NOOP("Cli", "List models (their newest versions), newest first.")
)
@click.option("--project", help=QT_TRANSLATE_NOOP("Cli", "Only this project."))
@click.option(
    "--search",
    help=QT_TRANSLATE_NOOP("Cli", "Name words, or key:value metadata terms, comma separated."),
)
@click.option("--limit", type=int, default=50, show_default=True)
@AS_USER
def model_list(project, search, limit, as_user):
    from cncworkbench.core import timefmt
    from cncworkbench.services.pdm import models, projects

    context = app_context()
    with acting(context, as_user) as (session, actor):
        project_id = None
        if project:
            found = projects.find_project(session, project)
            if found is None:
                raise UserError(
                    translate("Cli", "There is no project named '{name}'.").format(name=project)
                )
            project_id = found.id
        page = models.list_models(session, actor, project_id=project_id, search=search, limit=limit)
    for row in page.rows:
        click.echo(
            f"{row.id:>6}  v{row.version:<3} {row.file_format:<6} "
            f"{localefmt.integer(row.file_size):>12}  "
            f"{timefmt.short(row.created_at)}  {row.name}"
        )
    if page.next_cursor:
        click.echo(
            translate("Cli", "(more than {limit}; use --limit or --search)").format(limit=limit)
        )


@model.command(
    "generate",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Generate a variant of a part family: MODEL_ID with new spreadsheet values.\n\n"
        "Queues a cad_generate job: FreeCAD sets the cells, recomputes, checks that the part "
        "is still a valid solid and stores it as a new model in the same project (a recompute "
        "error or an invalid solid stores nothing and prints FreeCAD's message). Waits for it "
        "unless --no-wait, running it here when no worker is alive.",
    ),
)
@click.argument("model_id", type=int)
@click.option(
    "--set", "assignments", multiple=True, required=True, metavar="NAME=VALUE",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "A spreadsheet parameter (alias) and its new value; repeatable. A bare number "
        "keeps the cell's unit (Length=120 on an '80 mm' cell is 120 mm).",
    ),
)  # fmt: skip
@click.option(
    "--name",
    help=QT_TRANSLATE_NOOP(
        "Cli", "Name of the new model (default: the source's, with the values)."
    ),
)
@click.option("--no-wait", is_flag=True, help=NO_WAIT)
@click.option("--timeout", type=float, default=900, show_default=True, help=TIMEOUT)
@AS_USER
def model_generate(model_id, assignments, name, no_wait, timeout, as_user):
    from cncworkbench.services.pdm import cad
    from cncworkbench.services.pdm import models as model_service

    values = cad.parse_assignments(assignments)
    context = app_context()
    with acting_db(context, as_user, person=True) as (database, actor):
        with database.session() as session:
            job_id = cad.submit_variant(session, actor, model_id, values, name)
        click.echo(
            translate("CliCad", "job {id} queued ({type})").format(id=job_id, type="cad_generate")
        )
        if no_wait:
            return
        with worker_if_none(context, database, "cad_generate"):
            detail = follow(database, actor, job_id, "FreeCAD", timeout)
        raise_unless_completed(detail)
        output = detail.output_data or {}
        with database.session() as session:
            row = model_service.get_model(session, actor, output["model_id"])
    size = " × ".join(i18n.number(v) for v in row.metadata.get("size_mm", []))
    click.echo(
        translate(
            "CliCad", "Stored '{name}' as model {id} version {version} ({size} mm, {volume} mm³)"
        ).format(
            name=row.name,
            id=row.id,
            version=row.version,
            size=size,
            volume=localefmt.number(row.metadata.get("volume_mm3", 0), 0),
        )
    )
    for key, value in (output.get("parameters") or {}).items():
        click.echo(f"  {key} = {value}")


@model.command(
    "show",
    help=QT_TRANSLATE_NOOP(
        "Cli", "A model version: its versions, what FreeCAD measured, the thumbnail's path."
    ),
)
@click.argument("model_id", type=int)
@click.option("--json", "as_json", is_flag=True, help=QT_TRANSLATE_NOOP("Cli", "Print JSON."))
@AS_USER
def model_show(model_id, as_json, as_user):
    from cncworkbench.core import timefmt
    from cncworkbench.services.pdm import model_preview, models

    context = app_context()
    with acting(context, as_user) as (session, actor):
        row = models.get_model(session, actor, model_id)
        line = models.versions(session, actor, model_id)
    thumbnail = None
    if row.thumbnail_key:
        thumbnail = Path(context.settings.data_dir) / "thumbnails" / f"model_{row.id}.png"
        thumbnail.parent.mkdir(parents=True, exist_ok=True)
        thumbnail.write_bytes(models.thumbnail_png(context.store, row))
    metadata = {k: v for k, v in row.metadata.items() if k not in ("mesh_file",)}
    if as_json:
        click.echo(json.dumps({
            "id": row.id, "name": row.name, "version": row.version, "type": row.type,
            "format": row.file_format, "size": row.file_size, "sha256": row.sha256,
            "owner": row.owner_email, "created_at": row.created_at.isoformat(),
            "metadata": metadata, "thumbnail": str(thumbnail) if thumbnail else None,
            "versions": [{"id": v.id, "version": v.version} for v in line],
        }, ensure_ascii=False, default=str))  # fmt: skip
        return
    click.echo(
        translate("Cli", "model {id}: {name} version {version} ({format}, {size} bytes)").format(
            id=row.id, name=row.name, version=row.version, format=row.file_format,
            size=localefmt.integer(row.file_size),
        )
    )  # fmt: skip
    click.echo(
        translate("Cli", "  uploaded {when} by {owner}; sha256 {sha256}").format(
            when=timefmt.short(row.created_at), owner=row.owner_email or "-", sha256=row.sha256
        )
    )
    if model_preview.is_pending(metadata):
        click.echo(translate("Cli", "  size and thumbnail: pending (a job measures the mesh)"))
    elif model_preview.failure(metadata) is not None:
        click.echo(
            translate("Cli", "  size and thumbnail: failed: {reason}").format(
                reason=model_preview.failure(metadata)
            )
        )
    if "size_mm" in metadata:
        click.echo(
            translate("Cli", "  size {size} mm, volume {volume} mm³, {solids} solid(s)").format(
                size=" × ".join(i18n.number(v) for v in metadata["size_mm"]),
                volume=localefmt.number(metadata.get("volume_mm3", 0), 0),
                solids=metadata.get("solids", "-"),
            )
        )
    for key, value in metadata.items():
        if key not in ("size_mm", "volume_mm3", "solids", "thumbnail", "thumbnail_error"):
            click.echo(f"  {key}: {json.dumps(value, ensure_ascii=False, default=str)}")
    click.echo(
        translate("Cli", "  versions: {versions}").format(
            versions=", ".join(f"v{v.version} (#{v.id})" for v in line)
        )
    )
    click.echo(
        translate("Cli", "  thumbnail file: {path}").format(
            path=thumbnail or translate("Cli", "none stored")
        )
    )
