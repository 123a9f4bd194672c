"""Logging in and out, remembered logins, sessions, and one's own password.

Passwords are checked inside PostgreSQL (``cnc_login``), which also counts failures,
locks accounts and binds the connection to the new session; this module turns the
outcome into what the user reads, keeps the refresh token in the OS keyring for
"remember me", and hands out a :class:`UserSession` whose database connections act for
the logged-in user (row-level security applies to everything they do).

Hashes are bcrypt ``$2a$`` at cost 12, made here: PostgreSQL's pgcrypto ``crypt()``
verifies ``$2a$`` but not Python bcrypt's default ``$2b$``. bcrypt reads only 72 bytes;
longer passwords are refused with a message, never truncated.
"""

from __future__ import annotations

import datetime as dt
import platform
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import bcrypt
import sqlalchemy as sa

from cncworkbench import __version__
from cncworkbench.core import licensing, timefmt, validators
from cncworkbench.core.i18n import translate
from cncworkbench.db import security
from cncworkbench.db.engine import Database, describe_target
from cncworkbench.db.models import Session as SessionRow
from cncworkbench.db.models import User
from cncworkbench.errors import ValidationError
from cncworkbench.services.access.audit import Actor

BCRYPT_COST = 12
MAX_PASSWORD_BYTES = 72
MIN_PASSWORD_CHARS = 10
SEAT_HOLDERS_NAMED = 5  # in the message; SeatsFull.holders has them all


class LoginFailed(ValidationError):
    """The login was refused; the message says why as far as it is safe to say."""


@dataclass(frozen=True)
class SeatHolder:
    user_id: int
    email: str
    since: dt.datetime  # their oldest live session
    session_ids: tuple[int, ...]
    user_agents: tuple[str, ...]


class SeatsFull(LoginFailed):
    """Every seat of the license in force is taken by other users (the password was
    right); ``holders`` says who, for the user to ask or an administrator to end one."""

    def __init__(self, message: str, seats: int, holders: tuple[SeatHolder, ...]):
        super().__init__(message)
        self.seats = seats
        self.holders = holders


def _seats_full(seat_use: dict) -> SeatsFull:
    holders = tuple(
        SeatHolder(
            user_id=h["user_id"],
            email=h["email"],
            since=dt.datetime.fromisoformat(h["since"]).replace(tzinfo=dt.UTC),
            session_ids=tuple(s["id"] for s in h["sessions"]),
            user_agents=tuple(s["user_agent"] for s in h["sessions"] if s["user_agent"]),
        )
        for h in seat_use["holders"]
    )
    holder = translate("Identity", "{email} (since {since})")
    shown = ", ".join(
        holder.format(email=h.email, since=timefmt.short(h.since))
        for h in holders[:SEAT_HOLDERS_NAMED]
    )
    if len(holders) > SEAT_HOLDERS_NAMED:
        shown += translate("Identity", " and {count} more").format(
            count=len(holders) - SEAT_HOLDERS_NAMED
        )
    title = licensing.PLANS[seat_use["type"]].title if seat_use["type"] in licensing.PLANS else ""
    return SeatsFull(
        translate(
            "Identity",
            "All {seats} seats of the {plan} license are in use by {holders}. Ask one of them "
            "to log out, or an administrator to end a session.",
        ).format(seats=seat_use["seats"], plan=title, holders=shown),
        seat_use["seats"],
        holders,
    )


# --------------------------------------------------------------------------- passwords
def _control_character_in(password: str) -> str | None:
    """A password's first control character (NUL, tab, line feed, ...) as ``U+0000``.

    They cannot be typed at a login prompt, PostgreSQL's text cannot hold NUL, and a
    password with one could be set but never used to log in.
    """
    for character in password:
        if unicodedata.category(character) == "Cc":
            return f"U+{ord(character):04X}"
    return None


def _control_character_error(code: str) -> str:
    return translate(
        "Identity",
        "The password contains a control character ({code}, such as NUL or a line break); "
        "passwords may hold only characters that can be typed.",
    ).format(code=code)


def check_password_policy(password: str) -> bytes:
    code = _control_character_in(password)
    if code:
        raise ValidationError(_control_character_error(code))
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES:
        raise ValidationError(
            translate(
                "Identity",
                "The password is {size} bytes long; at most {limit} bytes (UTF-8) are allowed. "
                "Choose a shorter password.",
            ).format(size=len(encoded), limit=MAX_PASSWORD_BYTES)
        )
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValidationError(
            translate("Identity", "The password must have at least {count} characters.").format(
                count=MIN_PASSWORD_CHARS
            )
        )
    if password != password.strip():
        raise ValidationError(
            translate("Identity", "The password must not start or end with spaces.")
        )
    return encoded


def hash_password(password: str) -> str:
    encoded = check_password_policy(password)
    return bcrypt.hashpw(encoded, bcrypt.gensalt(BCRYPT_COST, prefix=b"2a")).decode("ascii")


def normalise_identifier(identifier: str) -> str:
    """An e-mail address (lower case) or a Turkish phone number (E.164)."""
    identifier = identifier.strip()
    if not identifier:
        raise LoginFailed(translate("Identity", "Enter your e-mail address or mobile number."))
    if validators.looks_like_email(identifier):
        return validators.normalise_email(identifier)
    return validators.normalise_tr_phone(identifier)


# ------------------------------------------------------------------------ this client
def device_id(data_dir: Path) -> str:
    """A stable random id of this installation, shown in "my sessions"."""
    path = Path(data_dir) / "device-id"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        value = str(uuid.uuid4())
        path.write_text(value)
        return value


def user_agent(where: str = "standalone") -> str:
    return f"CNC Workbench {__version__} ({where}; {platform.system()} {platform.release()})"


def refresh_secret_name(client_url: str) -> str:
    return f"refresh:{describe_target(client_url)}"


# --------------------------------------------------------------------------- sessions
@dataclass
class UserSession:
    """A logged-in user and database connections that act for them."""

    user_id: int
    email: str
    role: str
    locale: str
    timezone: str | None
    session_id: int
    expires_at: dt.datetime | None
    db: Database = field(repr=False)
    remembered: bool = False
    access_token: str = field(default="", repr=False)  # the CLI keeps it (services.cli_login)

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.email, self.role, via="session")

    def close(self) -> None:
        self.db.dispose()


def _refuse(outcome: security.LoginOutcome) -> None:
    if outcome.status == "seats_full":
        raise _seats_full(outcome.seat_use)
    if outcome.status == "locked":
        raise LoginFailed(
            translate(
                "Identity",
                "Too many failed attempts: this account is locked until {time} (Istanbul time). "
                "Try again then, or ask an administrator to unlock it.",
            ).format(time=timefmt.in_zone(outcome.retry_at).strftime("%H:%M"))
        )
    if outcome.status == "inactive":
        raise LoginFailed(
            translate("Identity", "This account is deactivated. Ask an administrator.")
        )
    if outcome.status == "too_long":
        raise LoginFailed(_too_long())
    raise LoginFailed(translate("Identity", "Wrong e-mail/phone or password."))


def _too_long() -> str:
    return translate("Identity", "Passwords are at most {limit} bytes long.").format(
        limit=MAX_PASSWORD_BYTES
    )


def _open_session(context, outcome: security.LoginOutcome, remembered: bool) -> UserSession:
    bound = security.bound_database(context.client_url, context.db.setting, outcome.access_token)
    with bound.session() as session:
        user = session.get(User, outcome.user_id)
        email, locale, zone = user.email, user.locale, user.timezone
    return UserSession(
        user_id=outcome.user_id,
        email=email,
        role=outcome.role,
        locale=locale,
        timezone=zone,
        session_id=outcome.session_id,
        expires_at=outcome.expires_at,
        db=bound,
        remembered=remembered,
        access_token=outcome.access_token,
    )


def sign_in(
    context, identifier: str, password: str, remember: bool = False, where: str = "standalone"
) -> UserSession:
    """Log in with an e-mail address or Turkish mobile number and a password."""
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise LoginFailed(_too_long())
    code = _control_character_in(password)
    if code:
        raise LoginFailed(_control_character_error(code))
    try:
        identifier = normalise_identifier(identifier)
    except ValidationError as exc:
        raise LoginFailed(str(exc)) from None
    remember = remember and context.secrets.available
    with context.login_db.session() as session:
        outcome = security.login(
            session,
            identifier,
            password,
            user_agent(where),
            device_id(context.settings.data_dir),
            remember,
        )
    if outcome.status != "ok":
        _refuse(outcome)
    if remember:
        context.secrets.set(refresh_secret_name(context.client_url), outcome.refresh_token)
    return _open_session(context, outcome, remembered=remember)


def resume_remembered(context, where: str = "standalone") -> UserSession | None:
    """Log in with the refresh token kept in the keyring, rotating it; None if there is
    none or it no longer works (it is then forgotten)."""
    name = refresh_secret_name(context.client_url)
    token = context.secrets.get(name)
    if not token:
        return None
    with context.login_db.session() as session:
        outcome = security.resume(
            session, token, user_agent(where), device_id(context.settings.data_dir)
        )
    if outcome.status != "ok":
        context.secrets.delete(name)
        return None
    context.secrets.set(name, outcome.refresh_token)
    return _open_session(context, outcome, remembered=True)


def sign_out(context, user: UserSession) -> None:
    with user.db.session() as session:
        security.logout(session)
    if user.remembered:
        context.secrets.delete(refresh_secret_name(context.client_url))
    user.close()


@dataclass(frozen=True)
class SessionInfo:
    id: int
    user_agent: str | None
    ip_address: str | None
    device_id: str | None
    created_at: dt.datetime
    expires_at: dt.datetime
    current: bool


def my_sessions(user: UserSession) -> list[SessionInfo]:
    """The user's live sessions (devices), newest first."""
    with user.db.session() as session:
        rows = session.scalars(
            sa.select(SessionRow)
            .where(
                SessionRow.user_id == user.user_id,
                SessionRow.revoked_at.is_(None),
                SessionRow.expires_at > sa.func.timezone("UTC", sa.func.now()),
            )
            .order_by(SessionRow.created_at.desc())
        )
        return [
            SessionInfo(
                row.id,
                row.user_agent,
                str(row.ip_address) if row.ip_address else None,
                row.device_id,
                row.created_at,
                row.expires_at,
                row.id == user.session_id,
            )
            for row in rows
        ]


def revoke_session(user: UserSession, session_id: int) -> None:
    with user.db.session() as session:
        security.revoke_session(session, session_id)


def change_own_password(user: UserSession, current_password: str, new_password: str) -> None:
    if _control_character_in(current_password):
        raise ValidationError(translate("Identity", "The current password is wrong."))
    new_hash = hash_password(new_password)
    try:
        with user.db.session() as session:
            security.set_password_hash(session, user.user_id, new_hash, current_password)
    except sa.exc.DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "28P01":
            raise ValidationError(translate("Identity", "The current password is wrong.")) from None
        raise


def has_users(context) -> bool:
    with context.login_db.session() as session:
        return security.has_users(session)


def create_first_admin(context, email: str, password: str) -> int:
    """The administrator of a new installation; refused once any user exists."""
    email = validators.normalise_email(email)
    password_hash = hash_password(password)
    try:
        with context.login_db.session() as session:
            return security.create_first_admin(session, email, password_hash)
    except sa.exc.DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42501":
            raise ValidationError(
                translate(
                    "Identity",
                    "This installation already has users; ask an administrator for an account.",
                )
            ) from None
        raise
