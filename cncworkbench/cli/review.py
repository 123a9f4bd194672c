"""``cncworkbench review show/approve/reject SIM_RUN``: the operator's decision on a
simulated program, as in the review dock; and ``cncworkbench artefact download``."""

from __future__ import annotations

import click

from cncworkbench.cli.context import AS_USER, acting, app_context
from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate


@click.group(help=QT_TRANSLATE_NOOP("Cli", "Review simulated programs (operators)."))
def review():
    pass


@review.command("show", help=QT_TRANSLATE_NOOP("Cli", "A simulated run: verdict and findings."))
@click.argument("sim_run_id", type=int)
@AS_USER
def review_show(sim_run_id, as_user):
    from cncworkbench.services.machining import simulation

    with acting(app_context(), as_user) as (session, actor):
        detail = simulation.get_sim_run(session, actor, sim_run_id)
    summary, facts = detail.summary, detail.details
    click.echo(
        translate(
            "Cli", "simulated run {id}: {program} ({model}) on {machine}: {status}, "
            "{errors} errors, {warnings} warnings",
        ).format(
            id=summary.id, program=summary.program, model=summary.model,
            machine=summary.machine or "-", status=summary.status, errors=summary.errors,
            warnings=summary.warnings,
        )
    )  # fmt: skip
    click.echo(
        translate("Cli", "  removed {removed} cm³, machining time {seconds} s").format(
            removed=i18n.number(facts.get("removed_volume_mm3", 0) / 1000, 1),
            seconds=localefmt.integer(round(facts.get("machining_time_s", 0))),
        )
    )
    for finding in detail.findings:
        click.echo(
            "  "
            + translate("Cli", "line {line}: {kind}: {message}").format(
                line=finding["line"], kind=finding["kind"], message=finding["message"]
            )
        )
    if detail.review is None:
        click.echo(
            translate(
                "Cli",
                "Not reviewed yet: `cncworkbench review approve {id}` or `cncworkbench review "
                "reject {id} --comment WHY` (operators).",
            ).format(id=summary.id)
        )
    else:
        text = (
            translate("Cli", "approved by {by}: {comment}")
            if detail.review.decision == "approved"
            else translate("Cli", "rejected by {by}: {comment}")
        )
        click.echo(text.format(by=detail.review.by or "-", comment=detail.review.comment or ""))


def _decide(sim_run_id: int, decision: str, comment: str | None, as_user: str | None) -> None:
    from cncworkbench.services.machining import simulation

    with acting(app_context(), as_user, person=True) as (session, actor):
        simulation.review(session, actor, sim_run_id, decision, comment)
    text = (
        translate("Cli", "simulated run {id} approved")
        if decision == "approved"
        else translate("Cli", "simulated run {id} rejected")
    )
    click.echo(text.format(id=sim_run_id))


COMMENT = QT_TRANSLATE_NOOP("Cli", "Why (required when rejecting).")


@review.command("approve", help=QT_TRANSLATE_NOOP("Cli", "Approve a simulated run."))
@click.argument("sim_run_id", type=int)
@click.option("--comment", help=COMMENT)
@AS_USER
def review_approve(sim_run_id, comment, as_user):
    _decide(sim_run_id, "approved", comment, as_user)


@review.command("reject", help=QT_TRANSLATE_NOOP("Cli", "Reject a simulated run."))
@click.argument("sim_run_id", type=int)
@click.option("--comment", required=True, help=COMMENT)
@AS_USER
def review_reject(sim_run_id, comment, as_user):
    _decide(sim_run_id, "rejected", comment, as_user)


@click.group(help=QT_TRANSLATE_NOOP("Cli", "Results of jobs (G-code, PDFs, images)."))
def artefact():
    pass


@artefact.command(
    "download",
    help=QT_TRANSLATE_NOOP(
        "Cli",
        "Download JOB_ID's result NAME (its file name as `job show` lists it, or its kind: "
        "gcode, setup_sheet, sim_report...), verified against its SHA-256.",
    ),
)
@click.argument("job_id", type=int)
@click.argument("name")
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=str),
    help=QT_TRANSLATE_NOOP(
        "Cli", "File to write, or a folder (existing, or ending in /) to write into."
    ),
)  # fmt: skip
@AS_USER
def artefact_download(job_id, name, output, as_user):
    from cncworkbench.services.jobs import artefacts

    context = app_context()
    with acting(context, as_user) as (session, actor):
        row = artefacts.by_name(session, actor, job_id, name)
        path = artefacts.download(context.store, row, output)
    click.echo(
        translate("Cli", "{file} ({size} bytes, sha256 {sha256}… verified)").format(
            file=path, size=localefmt.integer(row.file_size), sha256=(row.sha256 or "")[:12]
        )
    )
