"""Passwords and login.

Hashes are bcrypt with the ``$2a$`` prefix at cost 12: PostgreSQL's pgcrypto ``crypt()``
verifies ``$2a$`` but not Python bcrypt's default ``$2b$``, and password checks will also
run inside the database. bcrypt only reads 72 bytes; longer passwords are refused with
a message rather than silently truncated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import bcrypt
import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench.db.models import USER_ROLES, User
from cncworkbench.errors import ValidationError

BCRYPT_COST = 12
MAX_PASSWORD_BYTES = 72
MIN_PASSWORD_CHARS = 10
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Compared against when the account does not exist, so unknown emails cost the same time.
_ABSENT_USER_HASH = bcrypt.hashpw(b"no such user", bcrypt.gensalt(BCRYPT_COST, prefix=b"2a"))


class LoginFailed(ValidationError):
    """Wrong email or password (deliberately not saying which)."""


def check_password_policy(password: str) -> bytes:
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES:
        raise ValidationError(
            f"The password is {len(encoded)} bytes long; at most {MAX_PASSWORD_BYTES} bytes "
            "(UTF-8) are allowed. Choose a shorter password."
        )
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValidationError(f"The password must have at least {MIN_PASSWORD_CHARS} characters.")
    if password.strip() != password or not password.strip():
        raise ValidationError("The password must not start or end with spaces.")
    return encoded


def hash_password(password: str) -> str:
    encoded = check_password_policy(password)
    return bcrypt.hashpw(encoded, bcrypt.gensalt(BCRYPT_COST, prefix=b"2a")).decode("ascii")


def verify_password(password: str, password_hash: str | None) -> bool:
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES:
        return False
    reference = password_hash.encode("ascii") if password_hash else _ABSENT_USER_HASH
    try:
        matches = bcrypt.checkpw(encoded, reference)
    except ValueError:  # a malformed stored hash
        return False
    return matches and password_hash is not None


def normalise_email(email: str) -> str:
    email = email.strip().lower()
    if len(email) > 255 or not _EMAIL.match(email):
        raise ValidationError(f"'{email[:80]}' is not a valid email address.")
    return email


@dataclass(frozen=True)
class AuthenticatedUser:
    id: int
    email: str
    role: str
    locale: str
    timezone: str | None


def create_user(session: Session, email: str, password: str, role: str = "engineer") -> User:
    if role not in USER_ROLES:
        raise ValidationError(f"Unknown role '{role}'; choose one of {', '.join(USER_ROLES)}.")
    email = normalise_email(email)
    if session.scalar(sa.select(User.id).where(User.email == email)):
        raise ValidationError(f"A user with the email {email} already exists.")
    user = User(email=email, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    session.flush()


def login(session: Session, email: str, password: str) -> AuthenticatedUser:
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise LoginFailed(
            f"Passwords are at most {MAX_PASSWORD_BYTES} bytes long; this one is longer."
        )
    try:
        email = normalise_email(email)
    except ValidationError:
        email = ""
    user = session.scalar(sa.select(User).where(User.email == email)) if email else None
    ok = verify_password(password, user.password_hash if user else None)
    if not ok or user is None or not user.is_active:
        raise LoginFailed("Wrong email or password.")
    user.last_login_at = dt.datetime.now(dt.UTC)
    session.flush()
    return AuthenticatedUser(user.id, user.email, user.role, user.locale, user.timezone)


def has_users(session: Session) -> bool:
    return session.scalar(sa.select(sa.exists().where(User.id.is_not(None))))


_FIRST_ADMIN_LOCK = 0x434E_4341  # "CNCA": two first-run dialogs cannot both create an admin


def create_first_admin(session: Session, email: str, password: str) -> User:
    """The administrator of a new installation; refused once any user exists."""
    session.execute(sa.select(sa.func.pg_advisory_xact_lock(_FIRST_ADMIN_LOCK)))
    if has_users(session):
        raise ValidationError("This installation already has users; ask an admin for an account.")
    return create_user(session, email, password, role="admin")
