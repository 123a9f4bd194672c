"""Work off the Qt thread: database, S3 and CAM calls run in QThreadPool.

``run_task(owner, fn, on_done, on_error)`` runs ``fn(report)`` on a pool thread; the
callbacks run on the GUI thread. ``report(percent, text)`` updates progress and raises
:class:`Cancelled` once the user has cancelled, so long work stops at its next report.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from cncworkbench.ui.qt import QtCore, Signal


class Cancelled(Exception):
    """The user cancelled the task."""


class _Relay(QtCore.QObject):
    # Lives on the GUI thread, so signals emitted from the pool are queued to it.
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, str)


class Task(QtCore.QRunnable):
    def __init__(self, fn: Callable[..., Any]):
        super().__init__()
        self.fn = fn
        self.relay = _Relay()
        self._cancelled = False
        self.setAutoDelete(False)  # Python keeps the task alive (see _running below)

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def _report(self, percent: int, text: str = "") -> None:
        if self._cancelled:
            raise Cancelled()
        self._emit("progress", int(percent), text)

    def run(self) -> None:
        try:
            result = self.fn(self._report)
        except Exception as exc:
            self._emit("failed", exc, traceback.format_exc())
        else:
            self._emit("done", result)

    def _emit(self, name: str, *args) -> None:
        try:
            getattr(self.relay, name).emit(*args)
        except RuntimeError:  # the owner is gone (a panel rebuilt in another language)
            _running.discard(self)


_running: set[Task] = set()


def run_task(
    owner: QtCore.QObject,
    fn: Callable[[Callable[[int, str], None]], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, str], None] | None = None,
) -> Task:
    """Run ``fn(report)`` in the global thread pool; callbacks arrive on the GUI thread."""
    task = Task(fn)
    task.relay.setParent(owner)  # owner gone => no callbacks into a deleted widget
    _running.add(task)

    def finished(*_args) -> None:
        _running.discard(task)

    if on_done:
        task.relay.done.connect(on_done)
    if on_error:
        task.relay.failed.connect(lambda exc, _tb: on_error(exc))
    if on_progress:
        task.relay.progress.connect(on_progress)
    task.relay.done.connect(finished)
    task.relay.failed.connect(finished)
    QtCore.QThreadPool.globalInstance().start(task)
    return task


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    """Block until the pool is idle (tests and shutdown)."""
    return QtCore.QThreadPool.globalInstance().waitForDone(timeout_ms)
