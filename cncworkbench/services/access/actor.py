"""Who a service call acts for, and row values as the audit chain records them; without
SQLAlchemy (:mod:`cncworkbench.services.pdm.upload_direct` talks to the database directly)."""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass
from typing import Any

from cncworkbench.core.i18n import translate
from cncworkbench.errors import ValidationError


@dataclass(frozen=True)
class Actor:
    """Who a service call acts for.

    ``via`` is "session" for a logged-in user (the database knows who it is) or "owner"
    for the CLI with the database owner's credentials acting for a named user.
    """

    user_id: int | None
    email: str | None
    role: str | None
    via: str = "session"

    @classmethod
    def system(cls) -> Actor:
        """The database owner itself (a DBA at the CLI), acting for no particular user."""
        return cls(None, None, "admin", via="owner")

    @property
    def user_agent(self) -> str | None:
        if self.via != "owner":
            return None  # the database takes it from the logged-in session
        if self.user_id is None:
            return "cncworkbench CLI with database-owner credentials"
        return f"cncworkbench CLI with database-owner credentials, acting for {self.email}"


def snapshot_value(value: Any) -> Any:
    """JSON-safe snapshot values (datetimes, decimals, enums)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def no_such_user(email: str) -> ValidationError:
    """The refusal to act for an e-mail no account has."""
    return ValidationError(translate("Users", "There is no user {email}.").format(email=email))
