"""The ``cncworkbench`` command: administration, automation, workers and the plain-Qt GUI.

The root group (:data:`main`, in :mod:`.root`) lists the command groups in
:data:`COMMANDS`; each lives in a module of its own (``cncworkbench.cli.model`` for
``cncworkbench model ...``) imported only when its command runs or the help lists it (a
command starts without importing the others: ``gcode trace`` need not load the database,
ERP and PDF code). Shared pieces are in :mod:`.context` (acting as a user), :mod:`.base`
(language, errors), :mod:`.language` and :mod:`.jobwait` (following a queued job).

:func:`run` is the installed command: the plainest ``gcode trace FILE`` runs without even
importing click (:func:`.tracing.quick_trace`), everything else goes to the root group.
This module imports neither, so that route starts light; ``main`` and ``COMMANDS`` are
loaded from :mod:`.root` when asked for."""

from __future__ import annotations

import sys


def run() -> None:
    """The ``cncworkbench`` command (the console script and ``python -m cncworkbench.cli``)."""
    from cncworkbench.cli.tracing import quick_trace

    if not quick_trace(sys.argv[1:]):
        from cncworkbench.cli.root import main

        main()


def __getattr__(name: str):
    if name in ("main", "COMMANDS"):
        from cncworkbench.cli import root

        return getattr(root, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
