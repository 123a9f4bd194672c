"""Panels that list rows of one kind: simulated runs.

Each is a :class:`ListPanel` with a loader (runs on a pool thread, returns rows) and
column headers; the panel shows an empty state, a busy bar while loading, and errors in
its banner.
"""

from __future__ import annotations

from collections.abc import Callable

from cncworkbench.core import timefmt
from cncworkbench.services import simulation
from cncworkbench.ui.qt import QtWidgets
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.widgets import Panel, empty_state, fill_table, table


class ListPanel(Panel):
    empty_text = ""

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.refresh_button = QtWidgets.QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.header.addWidget(self.refresh_button)
        self.stack = QtWidgets.QStackedWidget()
        self.table = table(self.headers())
        self.empty = empty_state(self.empty_message())
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.body.addWidget(self.stack, 1)

    def headers(self) -> list[str]:
        raise NotImplementedError

    def empty_message(self) -> str:
        raise NotImplementedError

    def loader(self) -> Callable:
        """A function of a database session returning table rows (lists of values)."""
        raise NotImplementedError

    def reload(self) -> None:
        if not self.can_load():
            return
        database, load = self.workspace.user.db, self.loader()
        self.zone = self.workspace.user.timezone

        def work(_report):
            with database.session() as session:
                return load(session)

        self.set_busy(True)
        run_task(self, work, self.show_rows, self.show_error)

    def show_rows(self, rows: list[list[object]]) -> None:
        self.set_busy(False)
        fill_table(self.table, rows)
        self.stack.setCurrentWidget(self.table if rows else self.empty)


class SimReviewPanel(ListPanel):
    title_text = "Simulation Review"
    icon_name = "SimulationReview"

    def headers(self):
        return [
            self.tr("Run"),
            self.tr("Machine"),
            self.tr("Result"),
            self.tr("Collisions"),
            self.tr("Simulated"),
        ]

    def empty_message(self):
        return self.tr("No simulated runs to review.")

    def loader(self):
        def load(session):
            return [
                [
                    r.id,
                    r.machine,
                    r.status,
                    r.collision_count,
                    timefmt.short(r.created_at, self.zone),
                ]
                for r in simulation.list_sim_runs(session)
            ]

        return load
