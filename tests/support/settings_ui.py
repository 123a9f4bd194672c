"""The settings dialog as an administrator opens it in the standalone window."""

from __future__ import annotations

import pytest

from cncworkbench.services.access import identity
from cncworkbench.ui.app import MainWindow
from cncworkbench.ui.tasks import wait_for_tasks
from cncworkbench.ui.workspace import Workspace
from tests.support.people import PASSWORD, app_url

WAIT_MS = 30000


@pytest.fixture
def settings_as(qtbot, db, monkeypatch):
    """``open_as(email)``: open the window, log in as ``email``, show the settings panel."""
    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    windows = []

    def open_as(email):
        workspace = Workspace()
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.resize(1180, 760)
        window.show()
        windows.append(window)
        workspace.open()
        qtbot.waitUntil(lambda: workspace.is_ready, timeout=WAIT_MS)
        workspace.set_user(identity.sign_in(workspace.context, email, PASSWORD))
        window.show_panel("settings")
        return window.panels["settings"]

    yield open_as
    wait_for_tasks()
    for window in windows:
        window.workspace.close()


def tab_titles(panel) -> list[str]:
    return [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
