"""The GUI's connection to the platform and who is logged in, shared by every panel.

Opening the platform (starting the embedded database, migrating it, checking the store)
takes seconds, so it runs on a pool thread; panels listen for :attr:`Workspace.ready` or
:attr:`Workspace.unavailable` (one clear sentence, never a traceback).
"""

from __future__ import annotations

from collections.abc import Callable

from cncworkbench.errors import UserError
from cncworkbench.services.auth import AuthenticatedUser
from cncworkbench.services.context import AppContext
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
    user_changed = Signal(object)  # AuthenticatedUser or None

    def __init__(self, context_factory: Callable[[], AppContext] | None = None, parent=None):
        super().__init__(parent)
        self._factory = context_factory or (lambda: AppContext(progress=lambda _msg: None))
        self.context: AppContext | None = None
        self.user: AuthenticatedUser | None = None
        self.error: str | None = None

    @property
    def is_ready(self) -> bool:
        return self.context is not None

    def open(self) -> None:
        """Open the platform in the background (again, after a failure)."""
        self.error = None
        self.opening.emit()

        def work(_report):
            context = self._factory()
            context.ensure_schema()
            context.store.check()
            return context

        run_task(self, work, self._opened, self._failed)

    def _opened(self, context: AppContext) -> None:
        self.context = context
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        self.error = describe_error(exc)
        self.unavailable.emit(self.error)

    def set_user(self, user: AuthenticatedUser | None) -> None:
        self.user = user
        self.user_changed.emit(user)

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
