"""What a FreeCAD child script reports when it fails (no FreeCAD import here: it must
work even when importing FreeCAD's modules was what failed)."""

from __future__ import annotations

import traceback

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate

# What a script could not open, by the words the scripts name it with.
NOT_OPENED = {
    "the model": QT_TRANSLATE_NOOP("Cam", "FreeCAD cannot open the model: {detail}"),
    "the CAM document": QT_TRANSLATE_NOOP("Cam", "FreeCAD cannot open the CAM document: {detail}"),
}


def failure(
    exc: BaseException, stage: str | None, opened: str, own: tuple[str, ...] = ("PlanError",)
) -> dict:
    """The result for ``exc`` raised at ``stage``: FreeCAD's or the check's own words
    for the user, the traceback for the log. ``opened`` names what the "open" stage
    opens ("the model", "the CAM document"); exceptions named in ``own`` are our checks,
    whose message is shown as it is."""
    kind = type(exc).__name__
    detail = exc.args[0] if exc.args else exc
    if isinstance(detail, dict):  # FreeCAD's C++ exceptions arrive as a dict
        detail = detail.get("sErrMsg") or detail.get("swhat") or detail
    if kind in own:
        message = str(exc)
    elif stage == "open" and opened in NOT_OPENED:
        message = translate("Cam", NOT_OPENED[opened]).format(detail=detail)
    elif stage == "open":
        message = translate("Cam", "FreeCAD cannot open {what}: {detail}").format(
            what=opened, detail=detail
        )
    else:
        message = translate("Cam", "FreeCAD failed ({stage}): {kind}: {detail}").format(
            stage=stage, kind=kind, detail=detail
        )
    return {"error": message, "stage": stage, "traceback": traceback.format_exc()}
