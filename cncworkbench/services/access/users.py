"""User administration: create, edit, deactivate, roles, password resets, unlocking.

Every change is checked against the permission matrix here and again by the database,
validated (Turkish phone numbers as E.164, VKN/TCKN check digits, e-mail, locale, time
zone) and audited with field-level changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.core import validators
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.core.permissions import ROLES, Permission, require
from cncworkbench.db import security
from cncworkbench.db.models import User
from cncworkbench.errors import ValidationError
from cncworkbench.services.access import audit
from cncworkbench.services.access.actor import no_such_user
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.access.identity import hash_password

EDITABLE = ("email", "phone", "role", "company_name", "tax_no", "address", "locale", "timezone")
# The fields as the messages name them.
FIELD_NAMES = {
    "email": QT_TRANSLATE_NOOP("Users", "email"),
    "phone": QT_TRANSLATE_NOOP("Users", "phone"),
    "role": QT_TRANSLATE_NOOP("Users", "role"),
    "locale": QT_TRANSLATE_NOOP("Users", "locale"),
}


def _field(key: str) -> str:
    name = FIELD_NAMES.get(key)
    return key.replace("_", " ") if name is None else translate("Users", name)


@dataclass(frozen=True)
class UserRow:
    id: int
    email: str
    phone: str | None
    role: str
    company_name: str | None
    tax_no: str | None
    address: str | None
    locale: str
    timezone: str | None
    is_active: bool
    last_login_at: dt.datetime | None
    locked: bool


def clean_profile(values: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise the editable fields present in ``values``."""
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise ValidationError(
                translate("Users", "'{field}' cannot be edited here.").format(field=key)
            )
        if isinstance(value, str):
            value = value.strip()
        if value in ("", None):
            if key in ("email", "role", "locale"):
                raise ValidationError(
                    translate("Users", "The {field} is required.").format(field=_field(key))
                )
            cleaned[key] = None
            continue
        if key == "email":
            value = validators.normalise_email(value)
        elif key == "phone":
            value = validators.normalise_tr_phone(value)
        elif key == "role" and value not in ROLES:
            raise ValidationError(
                translate("Users", "Unknown role '{role}'; choose one of {roles}.").format(
                    role=value, roles=", ".join(ROLES)
                )
            )
        elif key == "tax_no":
            value = validators.check_tax_number(value)
        elif key == "locale":
            value = validators.check_locale(value)
        elif key == "timezone":
            value = validators.check_timezone(value)
        elif key == "company_name" and len(value) > 255:
            raise ValidationError(
                translate("Users", "The company name is longer than 255 characters.")
            )
        elif key == "address" and len(value) > 2000:
            raise ValidationError(translate("Users", "The address is longer than 2000 characters."))
        cleaned[key] = value
    return cleaned


def _taken(session: Session, user_id: int | None, values: dict[str, Any]) -> None:
    for key in ("email", "phone"):
        if values.get(key):
            # The directory view lets an admin check uniqueness across every account.
            clash = session.execute(
                sa.select(User.id).where(
                    getattr(User, key) == values[key], User.id != (user_id or 0)
                )
            ).first()
            if clash:
                raise ValidationError(
                    translate("Users", "Another user already has the {field} {value}.").format(
                        field=_field(key), value=values[key]
                    )
                )


def list_users(session: Session, actor: Actor, include_inactive: bool = True) -> list[UserRow]:
    require(actor.role, Permission.USER_MANAGE)
    locked_until = sa.func.cnc_locked_until(User.id)
    query = sa.select(User, locked_until).order_by(User.email)
    if not include_inactive:
        query = query.where(User.is_active.is_not(False))
    return [
        UserRow(
            u.id,
            u.email,
            u.phone,
            u.role,
            u.company_name,
            u.tax_no,
            u.address,
            u.locale,
            u.timezone,
            u.is_active is not False,
            u.last_login_at,
            until is not None,
        )
        for u, until in session.execute(query)
    ]


def create_user(session: Session, actor: Actor, password: str, **profile: Any) -> User:
    require(actor.role, Permission.USER_MANAGE)
    values = clean_profile({"role": "engineer", "locale": "tr", **profile})
    if "email" not in values:
        raise ValidationError(translate("Users", "The e-mail is required."))
    password_hash = hash_password(password)
    _taken(session, None, values)
    user = User(**values)
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", "users", user.id, audit.snapshot(user))
    security.set_password_hash(session, user.id, password_hash)
    return user


def update_user(session: Session, actor: Actor, user_id: int, **profile: Any) -> User:
    require(actor.role, Permission.USER_MANAGE)
    values = clean_profile(profile)
    user = _get(session, user_id)
    _taken(session, user_id, values)
    before = audit.snapshot(user)
    for key, value in values.items():
        setattr(user, key, value)
    session.flush()
    changes = audit.changes_between(before, audit.snapshot(user))
    if changes:
        audit.record(session, actor, "user.update", "users", user.id, audit.snapshot(user), changes)
    return user


def set_active(session: Session, actor: Actor, user_id: int, active: bool) -> User:
    require(actor.role, Permission.USER_MANAGE)
    user = _get(session, user_id)
    if user.is_active is not False and not active and user.id == actor.user_id:
        raise ValidationError(translate("Users", "You cannot deactivate your own account."))
    before = user.is_active is not False
    user.is_active = active
    session.flush()
    if before != active:
        audit.record(
            session,
            actor,
            "user.activate" if active else "user.deactivate",
            "users",
            user.id,
            audit.snapshot(user),
            {"is_active": [before, active]},
        )
    return user


def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> None:
    """An administrator sets a new password; the user's sessions end everywhere."""
    require(actor.role, Permission.USER_MANAGE)
    _get(session, user_id)
    security.set_password_hash(session, user_id, hash_password(new_password))


def unlock(session: Session, actor: Actor, user_id: int) -> None:
    require(actor.role, Permission.USER_MANAGE)
    _get(session, user_id)
    security.unlock_user(session, user_id)


def find_by_email(session: Session, email: str) -> User:
    email = validators.normalise_email(email)
    user = session.scalar(sa.select(User).where(User.email == email))
    if user is None:
        raise no_such_user(email)
    return user


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise ValidationError(
            translate("Users", "There is no user with id {id}.").format(id=user_id)
        )
    return user
