"""What every command needs: the application context, acting as a user, and the options
and prompts that go with them. Command modules import this (and :mod:`.base`,
:mod:`.jobwait`), never each other."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import sys
import threading

import click

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import UserError


def app_context(settings=None, store=None):
    """``settings`` and ``store``: already opened by the command (an upload starts sending
    before the database layer is even imported)."""
    from cncworkbench.services.context import AppContext

    return AppContext(settings, progress=lambda message: click.echo(message, err=True), store=store)


PASSWORD_STDIN_HELP = QT_TRANSLATE_NOOP("Cli", "Read the password from standard input.")


@contextlib.contextmanager
def acting_db(context, user_email: str | None, person: bool = False):
    """The database and the actor for a CLI command: ``--user EMAIL``, else the user of
    ``cncworkbench login``, else (owner's credentials only) the owner itself; see
    :func:`cncworkbench.services.access.cli_login.acting_as`. ``person``: the work must belong
    to someone (an upload, a setup, a job), not to the owner."""
    from cncworkbench.services.access import cli_login

    def ask(email: str) -> str:
        return getpass.getpass(translate("Cli", "Password for {email}: ").format(email=email))

    with cli_login.acting_as(context, user_email, ask) as (database, actor):
        if person:
            cli_login.require_person(actor)
        yield database, actor


@contextlib.contextmanager
def acting(context, user_email: str | None, person: bool = False):
    """A database session (one transaction) and the actor for a CLI command; ``person``:
    the work must belong to someone (an upload, a setup, a job), not to the owner."""
    with (
        acting_db(context, user_email, person) as (database, actor),
        database.session() as session,
    ):
        yield session, actor


PASSWORD_PROMPT = QT_TRANSLATE_NOOP("Cli", "Password")


def read_password(password_stdin: bool, prompt: str = PASSWORD_PROMPT) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt(translate("Cli", prompt), hide_input=True, confirmation_prompt=True)


AS_USER = click.option(
    "--user",
    "as_user",
    metavar="EMAIL",
    help=QT_TRANSLATE_NOOP("Cli", "Act as (or for) this user."),
)
PASSWORD_STDIN = click.option("--password-stdin", is_flag=True, help=PASSWORD_STDIN_HELP)


def progress_bar(label: str):
    """A click progress bar usable as a store progress callback (done, total); the stores
    call it from their transfer threads, several at once (a second thread once found the bar
    made but its count not yet: KeyError in a download), hence the lock."""
    state = {"bar": None, "last": 0}
    lock = threading.Lock()

    def update(done: int, total: int) -> None:
        with lock:
            if state["bar"] is None:
                bar = click.progressbar(length=max(total, 1), label=label, file=sys.stderr)
                bar.__enter__()
                state["bar"] = bar
            state["bar"].update(max(0, done - state["last"]))
            state["last"] = max(done, state["last"])

    def close() -> None:
        with lock:
            if state["bar"] is not None:
                state["bar"].__exit__(None, None, None)

    return update, close


# The dates parse_date is asked for (``what``).
DATE_NAMES = {
    "date": QT_TRANSLATE_NOOP("CliBilling", "date"),
    "start": QT_TRANSLATE_NOOP("CliBilling", "start"),
    "end": QT_TRANSLATE_NOOP("CliBilling", "end"),
    "due date": QT_TRANSLATE_NOOP("CliBilling", "due date"),
}


@contextlib.contextmanager
def acting_session(as_user):
    """``acting`` with a context of its own, closed afterwards."""
    context = app_context()
    try:
        with acting(context, as_user) as (session, actor):
            yield session, actor
    finally:
        context.close()


def parse_date(text: str, what: str = "date") -> dt.date:
    """``2026-12-31`` or ``31.12.2026``."""
    value = text.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise UserError(
        translate(
            "CliBilling", "The {what} '{value}' is not a date; write 2026-12-31 or 31.12.2026."
        ).format(what=translate("CliBilling", DATE_NAMES.get(what, what)), value=value[:30])
    )
