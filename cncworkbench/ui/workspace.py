"""The GUI's connection to the platform and who is logged in, shared by every panel.

Opening the platform (starting the embedded database, migrating it, checking the store,
resuming a remembered login) takes seconds, so it runs on a pool thread; panels listen for
:attr:`Workspace.ready` or :attr:`Workspace.unavailable` (one clear sentence, never a
traceback). Once logged in, :attr:`Workspace.user` is a
:class:`~cncworkbench.services.identity.UserSession` whose connections the database
restricts to the user's role.
"""

from __future__ import annotations

from collections.abc import Callable

from cncworkbench.errors import UserError
from cncworkbench.services import identity
from cncworkbench.services.context import AppContext
from cncworkbench.services.identity import UserSession
from cncworkbench.ui.qt import QtCore, Signal
from cncworkbench.ui.tasks import run_task


def describe_error(exc: BaseException) -> str:
    """What to show a person: our own messages as they are, anything else briefly."""
    if isinstance(exc, UserError):
        return str(exc)
    return f"Unexpected error ({type(exc).__name__}: {exc}). Details are in the log."


class Workspace(QtCore.QObject):
    opening = Signal()
    ready = Signal()
    unavailable = Signal(str)
    user_changed = Signal(object)  # UserSession or None

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
        self.keyring_notice: str | None = None

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
        if not context.secrets.available:
            self.keyring_notice = (
                f"“Remember me” is off: {context.secrets.unavailable_reason}, so logins "
                "cannot be remembered on this machine."
            )
        self.ready.emit()
        if resumed is not None:
            self.set_user(resumed)

    def _failed(self, exc: BaseException) -> None:
        self.error = describe_error(exc)
        self.unavailable.emit(self.error)

    def set_user(self, user: UserSession | None) -> None:
        self.user = user
        self.user_changed.emit(user)

    def close(self) -> None:
        if self.user is not None:
            self.user.close()
        if self.context is not None:
            self.context.close()
