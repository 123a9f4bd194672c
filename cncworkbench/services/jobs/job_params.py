"""What each job type needs in its parameters, checked when ``cncworkbench job submit``
queues a job by hand: a job the worker could only fail (``job submit cam_process '{}'``)
is refused at once with the reason, and nothing is queued. (The product's own submitters,
``cam.submit_cam`` and the like, check their inputs themselves; the queue itself accepts
any parameters, for handlers added through CNC_JOB_HANDLERS.)"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.db.models import CamRun, Machine, Model, Setup
from cncworkbench.errors import ValidationError

# job type -> [(parameter, the row it names, what the row is called in messages)]
REQUIRED: dict[str, list[tuple[str, type, str]]] = {
    "cam_process": [("setup_id", Setup, QT_TRANSLATE_NOOP("JobParams", "a saved setup"))],
    "sim_run": [("cam_run_id", CamRun, QT_TRANSLATE_NOOP("JobParams", "a CAM run"))],
    "gcode_post": [
        ("cam_run_id", CamRun, QT_TRANSLATE_NOOP("JobParams", "a CAM run")),
        ("machine_id", Machine, QT_TRANSLATE_NOOP("JobParams", "a catalog machine")),
    ],
    "cad_generate": [("model_id", Model, QT_TRANSLATE_NOOP("JobParams", "a model version"))],
}
# What to run instead of ``job submit`` for each type (the commands fill the parameters).
COMMANDS = {
    "cam_process": "cncworkbench cam submit SETUP",
    "sim_run": "cncworkbench simulate --run CAM_RUN",
    "gcode_post": "cncworkbench cam post CAM_RUN --machine MACHINE",
    "cad_generate": "cncworkbench model generate MODEL --set NAME=VALUE",
}


def validate(session: Session, job_type: str, params: dict[str, Any]) -> None:
    """Refuse parameters the job's handler would refuse, naming what is missing."""
    for key, model, what in REQUIRED.get(job_type, []):
        value = params.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError(
                translate(
                    "JobParams",
                    "A {job_type} job needs {key}, the id of {what} (e.g. {{\"{key}\": 12}}); "
                    "or use `{command}`.",
                ).format(
                    job_type=job_type, key=key, what=translate("JobParams", what),
                    command=COMMANDS[job_type],
                )
            )  # fmt: skip
        row = session.get(model, value)
        if row is None or getattr(row, "is_deleted", False):
            raise ValidationError(
                translate("JobParams", "{key} {value} is not {what} you can see.").format(
                    key=key, value=value, what=translate("JobParams", what)
                )
            )
    if job_type == "cad_generate" and not isinstance(params.get("parameters", {}), dict):
        raise ValidationError(
            translate(
                "JobParams", "A cad_generate job's parameters must be an object of NAME: VALUE."
            )
        )
