"""Who may do what: the permission matrix, checked by the services and by the database.

The database holds the same matrix in ``role_permissions`` (migration 0002) and its
row-level security policies ask ``cnc_has_permission(...)``; a test proves the two agree,
and another opens raw connections as each role to prove the database refuses what the
matrix refuses.
"""

from __future__ import annotations

from enum import StrEnum

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import PermissionDenied

ROLES = ("admin", "engineer", "operator", "viewer")


class Permission(StrEnum):
    PROJECT_READ = "project.read"
    PROJECT_WRITE = "project.write"
    PROJECT_DELETE = "project.delete"
    MODEL_READ = "model.read"
    MODEL_WRITE = "model.write"
    MODEL_DELETE = "model.delete"
    SETUP_READ = "setup.read"
    SETUP_WRITE = "setup.write"
    CAM_READ = "cam.read"
    CAM_RUN = "cam.run"
    SIM_READ = "sim.read"
    SIM_APPROVE = "sim.approve"
    JOB_SUBMIT = "job.submit"
    JOB_READ_ALL = "job.read_all"
    ARTEFACT_READ = "artefact.read"
    CATALOG_READ = "catalog.read"
    CATALOG_WRITE = "catalog.write"
    LICENSE_READ = "license.read"
    LICENSE_MANAGE = "license.manage"
    BILLING_MANAGE = "billing.manage"
    USER_MANAGE = "user.manage"
    AUDIT_READ = "audit.read"
    SECURITY_MANAGE = "security.manage"
    ERP_MANAGE = "erp.manage"


_READ_ALL = {
    Permission.PROJECT_READ,
    Permission.MODEL_READ,
    Permission.SETUP_READ,
    Permission.CAM_READ,
    Permission.SIM_READ,
    Permission.ARTEFACT_READ,
    Permission.CATALOG_READ,
    Permission.LICENSE_READ,
}

MATRIX: dict[str, frozenset[Permission]] = {
    "viewer": frozenset(_READ_ALL),
    "operator": frozenset(_READ_ALL | {Permission.SIM_APPROVE, Permission.JOB_SUBMIT}),
    "engineer": frozenset(
        _READ_ALL
        | {
            Permission.PROJECT_WRITE,
            Permission.MODEL_WRITE,
            Permission.SETUP_WRITE,
            Permission.CAM_RUN,
            Permission.JOB_SUBMIT,
        }
    ),
    # Admins run the shop's platform; approving a program for the machine stays with the
    # operators who run it.
    "admin": frozenset(set(Permission) - {Permission.SIM_APPROVE}),
}

# English (the README's table); in a message: translate("Permissions", DESCRIPTIONS[p]).
DESCRIPTIONS = {
    Permission.PROJECT_READ: QT_TRANSLATE_NOOP("Permissions", "see projects"),
    Permission.PROJECT_WRITE: QT_TRANSLATE_NOOP(
        "Permissions", "create, rename and archive projects"
    ),
    Permission.PROJECT_DELETE: QT_TRANSLATE_NOOP("Permissions", "delete projects"),
    Permission.MODEL_READ: QT_TRANSLATE_NOOP("Permissions", "see models and their versions"),
    Permission.MODEL_WRITE: QT_TRANSLATE_NOOP("Permissions", "upload models and versions"),
    Permission.MODEL_DELETE: QT_TRANSLATE_NOOP("Permissions", "delete models"),
    Permission.SETUP_READ: QT_TRANSLATE_NOOP("Permissions", "see CAM setups"),
    Permission.SETUP_WRITE: QT_TRANSLATE_NOOP("Permissions", "create and change CAM setups"),
    Permission.CAM_READ: QT_TRANSLATE_NOOP("Permissions", "see CAM runs and G-code"),
    Permission.CAM_RUN: QT_TRANSLATE_NOOP("Permissions", "run CAM and post G-code"),
    Permission.SIM_READ: QT_TRANSLATE_NOOP("Permissions", "see simulated runs"),
    Permission.SIM_APPROVE: QT_TRANSLATE_NOOP("Permissions", "approve or reject simulated runs"),
    Permission.JOB_SUBMIT: QT_TRANSLATE_NOOP("Permissions", "submit jobs and cancel their own"),
    Permission.JOB_READ_ALL: QT_TRANSLATE_NOOP("Permissions", "see everyone's jobs"),
    Permission.ARTEFACT_READ: QT_TRANSLATE_NOOP(
        "Permissions", "download job results (G-code, reports)"
    ),
    Permission.CATALOG_READ: QT_TRANSLATE_NOOP("Permissions", "see machines, tools and materials"),
    Permission.CATALOG_WRITE: QT_TRANSLATE_NOOP(
        "Permissions", "manage machines, tools and materials"
    ),
    Permission.LICENSE_READ: QT_TRANSLATE_NOOP("Permissions", "see the license"),
    Permission.LICENSE_MANAGE: QT_TRANSLATE_NOOP("Permissions", "manage licenses and seats"),
    Permission.BILLING_MANAGE: QT_TRANSLATE_NOOP("Permissions", "manage invoices and payments"),
    Permission.USER_MANAGE: QT_TRANSLATE_NOOP("Permissions", "manage users and roles"),
    Permission.AUDIT_READ: QT_TRANSLATE_NOOP("Permissions", "read and verify the audit trail"),
    Permission.SECURITY_MANAGE: QT_TRANSLATE_NOOP("Permissions", "see and resolve security events"),
    Permission.ERP_MANAGE: QT_TRANSLATE_NOOP("Permissions", "manage ERP/MES integrations"),
}


def allowed(role: str | None, permission: Permission) -> bool:
    return role is not None and permission in MATRIX.get(role, frozenset())


def require(role: str | None, permission: Permission) -> None:
    """Raise PermissionDenied, naming who may, when ``role`` may not."""
    if allowed(role, permission):
        return
    if role is None:
        raise PermissionDenied(translate("Permissions", "Log in first."))
    # Role names as the panels show them (their words are marked in cncworkbench.ui.terms).
    holders = [translate("Roles", r) for r in ROLES if permission in MATRIX[r]]
    raise PermissionDenied(
        translate(
            "Permissions", "Your role ({role}) may not {action}; that needs the role {roles}."
        ).format(
            role=translate("Roles", role),
            action=translate("Permissions", DESCRIPTIONS[permission]),
            roles=translate("Permissions", " or ").join(holders),
        )
    )


def matrix_markdown() -> str:
    """The matrix as a Markdown table (README's permission section is this text)."""
    lines = ["| permission | " + " | ".join(ROLES) + " |", "|---|" + "---|" * len(ROLES)]
    for permission in Permission:
        marks = " | ".join("yes" if permission in MATRIX[role] else "" for role in ROLES)
        lines.append(f"| {DESCRIPTIONS[permission]} (`{permission}`) | {marks} |")
    return "\n".join(lines)
