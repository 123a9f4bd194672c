"""Words for the values the database stores as codes: roles, job states, model and tool
types, material categories, license and invoice states.

The panels show ``term("Roles", row.role)`` instead of the code. The tables below exist
for ``pyside6-lupdate`` (it reads :func:`QT_TRANSLATE_NOOP` calls); the English text is the
code as people read it (underscores become spaces), so English screens look as before.
A code missing here is shown as it is.
"""

from __future__ import annotations

from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP, translate

TERMS: dict[str, dict[str, str]] = {
    "Roles": {
        "admin": QT_TRANSLATE_NOOP("Roles", "admin"),
        "engineer": QT_TRANSLATE_NOOP("Roles", "engineer"),
        "operator": QT_TRANSLATE_NOOP("Roles", "operator"),
        "viewer": QT_TRANSLATE_NOOP("Roles", "viewer"),
    },
    "JobTypes": {
        "cad_generate": QT_TRANSLATE_NOOP("JobTypes", "cad generate"),
        "cam_process": QT_TRANSLATE_NOOP("JobTypes", "cam process"),
        "sim_run": QT_TRANSLATE_NOOP("JobTypes", "sim run"),
        "gcode_post": QT_TRANSLATE_NOOP("JobTypes", "gcode post"),
        "erp_sync": QT_TRANSLATE_NOOP("JobTypes", "erp sync"),
        "echo": QT_TRANSLATE_NOOP("JobTypes", "echo"),
    },
    "Components": {  # what the connection test checks (services.context)
        "database": QT_TRANSLATE_NOOP("Components", "database"),
        "file store": QT_TRANSLATE_NOOP("Components", "file store"),
        "keyring": QT_TRANSLATE_NOOP("Components", "keyring"),
    },
    "JobStates": {
        "pending": QT_TRANSLATE_NOOP("JobStates", "pending"),
        "queued": QT_TRANSLATE_NOOP("JobStates", "queued"),
        "running": QT_TRANSLATE_NOOP("JobStates", "running"),
        "completed": QT_TRANSLATE_NOOP("JobStates", "completed"),
        "failed": QT_TRANSLATE_NOOP("JobStates", "failed"),
        "cancelled": QT_TRANSLATE_NOOP("JobStates", "cancelled"),
        "cancelling": QT_TRANSLATE_NOOP("JobStates", "cancelling"),
    },
    "ModelTypes": {
        "part": QT_TRANSLATE_NOOP("ModelTypes", "part"),
        "assembly": QT_TRANSLATE_NOOP("ModelTypes", "assembly"),
        "drawing": QT_TRANSLATE_NOOP("ModelTypes", "drawing"),
    },
    "MachineTypes": {
        "mill": QT_TRANSLATE_NOOP("MachineTypes", "mill"),
        "router": QT_TRANSLATE_NOOP("MachineTypes", "router"),
        "lathe": QT_TRANSLATE_NOOP("MachineTypes", "lathe"),
    },
    "ToolTypes": {
        "flat_endmill": QT_TRANSLATE_NOOP("ToolTypes", "flat endmill"),
        "ball_endmill": QT_TRANSLATE_NOOP("ToolTypes", "ball endmill"),
        "bull_endmill": QT_TRANSLATE_NOOP("ToolTypes", "bull endmill"),
        "face_mill": QT_TRANSLATE_NOOP("ToolTypes", "face mill"),
        "drill": QT_TRANSLATE_NOOP("ToolTypes", "drill"),
        "spot_drill": QT_TRANSLATE_NOOP("ToolTypes", "spot drill"),
        "chamfer_mill": QT_TRANSLATE_NOOP("ToolTypes", "chamfer mill"),
        "router_bit": QT_TRANSLATE_NOOP("ToolTypes", "router bit"),
    },
    "ToolMaterials": {
        "carbide": QT_TRANSLATE_NOOP("ToolMaterials", "carbide"),
        "hss": QT_TRANSLATE_NOOP("ToolMaterials", "hss"),
        "hss_co": QT_TRANSLATE_NOOP("ToolMaterials", "hss co"),
    },
    "Coatings": {
        "uncoated": QT_TRANSLATE_NOOP("Coatings", "uncoated"),
    },
    "MaterialCategories": {
        "aluminium": QT_TRANSLATE_NOOP("MaterialCategories", "aluminium"),
        "steel": QT_TRANSLATE_NOOP("MaterialCategories", "steel"),
        "stainless": QT_TRANSLATE_NOOP("MaterialCategories", "stainless"),
        "cast_iron": QT_TRANSLATE_NOOP("MaterialCategories", "cast iron"),
        "titanium": QT_TRANSLATE_NOOP("MaterialCategories", "titanium"),
        "copper_alloy": QT_TRANSLATE_NOOP("MaterialCategories", "copper alloy"),
        "plastic": QT_TRANSLATE_NOOP("MaterialCategories", "plastic"),
        "wood_composite": QT_TRANSLATE_NOOP("MaterialCategories", "wood composite"),
    },
    "SettingSources": {
        "environment": QT_TRANSLATE_NOOP("SettingSources", "environment"),
        "config file": QT_TRANSLATE_NOOP("SettingSources", "config file"),
        "default": QT_TRANSLATE_NOOP("SettingSources", "default"),
    },
}


def term(kind: str, code: str | None) -> str:
    """The word for ``code`` in the language shown (the code itself when unknown)."""
    if code is None:
        return ""
    text = TERMS.get(kind, {}).get(code)
    return translate(kind, text) if text is not None else str(code)


def codes_and_terms(kind: str, codes) -> list[tuple[str, str]]:
    """(code, word) pairs for a combo box, in the order given."""
    return [(code, term(kind, code)) for code in codes]
