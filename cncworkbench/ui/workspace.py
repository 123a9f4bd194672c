"""The GUI's connection to the platform and who is logged in, shared by every panel.

Opening the platform (starting the embedded database, migrating it, checking the store,
resuming a remembered login) takes seconds, so it runs on a pool thread; panels listen for
:attr:`Workspace.ready` or :attr:`Workspace.unavailable` (one clear sentence, never a
traceback). Once logged in, :attr:`Workspace.user` is a
:class:`~cncworkbench.services.access.identity.UserSession` whose connections the database
restricts to the user's role.
"""

from __future__ import annotations

from collections.abc import Callable

from cncworkbench.errors import UserError
from cncworkbench.services.access import identity
from cncworkbench.services.access.identity import UserSession
from cncworkbench.services.context import AppContext
from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.ui.qt import QtCore, Signal
from cncworkbench.ui.tasks import run_task


def describe_error(exc: BaseException) -> str:
    """What to show a person: our own messages as they are, anything else briefly."""
    if isinstance(exc, UserError):
        return str(exc)
    return translate(
        "Workspace", "Unexpected error ({name}: {error}). Details are in the log."
    ).format(name=type(exc).__name__, error=exc)


class Workspace(QtCore.QObject):
    opening = Signal()
    ready = Signal()
    unavailable = Signal(str)
    user_changed = Signal(object)  # UserSession or None
    # What runs this computer's jobs, for the status bar: English, marked for translation;
    # show it with worker_text() (the message is kept in worker_message).
    worker_changed = Signal(str)

    def __init__(
        self,
        context_factory: Callable[[], AppContext] | None = None,
        where: str = "standalone",
        parent=None,
    ):
        super().__init__(parent)
        self._factory = context_factory or (lambda: AppContext(progress=lambda _msg: None))
        self.where = where  # for the session's user agent: "standalone" or "FreeCAD 0.20"
        self.context: AppContext | None = None
        self.user: UserSession | None = None
        self.error: str | None = None
        # Said once, where remembering a login would be offered.
        self.worker = None  # the in-process worker, when this computer runs jobs itself
        self.worker_message = ""

    @property
    def is_ready(self) -> bool:
        return self.context is not None

    def open(self) -> None:
        """Open the platform in the background (again, after a failure)."""
        self.error = None
        self.opening.emit()
        where = self.where

        def work(_report):
            context = self._factory()
            context.ensure_schema()
            context.store.check()
            resumed = None
            if context.secrets.available:
                resumed = identity.resume_remembered(context, where=where)
            return context, resumed

        run_task(self, work, self._opened, self._failed)

    def _opened(self, result) -> None:
        context, resumed = result
        self.context = context
        self.ready.emit()
        if resumed is not None:
            self.set_user(resumed)

    @property
    def keyring_notice(self) -> str | None:
        """Why "remember me" is off, in the language shown now; None when it is on."""
        secrets = self.context.secrets if self.context is not None else None
        if secrets is None or secrets.available:
            return None
        return translate(
            "Workspace",
            "“Remember me” is off: {reason}, so logins cannot be remembered on this computer.",
        ).format(reason=secrets.unavailable_reason)

    def _failed(self, exc: BaseException) -> None:
        self.error = describe_error(exc)
        self.unavailable.emit(self.error)

    def set_user(self, user: UserSession | None) -> None:
        self.user = user
        self.user_changed.emit(user)
        if user is not None and self.worker is None:
            self.ensure_worker()

    def ensure_worker(self) -> None:
        """A single-seat install has no separate worker: when none is alive, run one here."""
        context, user = self.context, self.user

        def work(_report):
            from cncworkbench.services.jobs import worker as workers

            workers.load_handlers()
            if workers.live_worker_count(user.db) > 0:
                return None, QT_TRANSLATE_NOOP("Workspace", "Jobs run on the shop's workers.")
            if not workers.registered_types():
                return None, QT_TRANSLATE_NOOP(
                    "Workspace", "No worker is running; jobs wait for one."
                )
            if context.worker_url is None:
                return None, QT_TRANSLATE_NOOP(
                    "Workspace", "No worker is running; jobs wait until one starts."
                )
            worker = workers.start_here(context.worker_db(), context.store)
            return worker, QT_TRANSLATE_NOOP(
                "Workspace", "Jobs run on this computer (no worker was running)."
            )

        def done(result):
            self.worker, message = result
            self._worker_said(message)

        run_task(self, work, done, lambda exc: self._worker_said(describe_error(exc)))

    def _worker_said(self, message: str) -> None:
        self.worker_message = message
        self.worker_changed.emit(message)

    def worker_text(self) -> str:
        """What runs this computer's jobs, in the language shown now."""
        return translate("Workspace", self.worker_message) if self.worker_message else ""

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop(grace=5)
        if self.user is not None:
            self.user.close()
        if self.context is not None:
            self.context.close()
