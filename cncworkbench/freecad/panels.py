"""The panels inside FreeCAD: dock widgets beside the 3D view, dialogs for login/settings.

One :class:`~cncworkbench.ui.workspace.Workspace` serves the whole FreeCAD session, so
every panel shares the connection and the logged-in user.
"""

from __future__ import annotations

import FreeCAD
import FreeCADGui

from cncworkbench.freecad.cam_host import FreeCADCamHost
from cncworkbench.freecad.host import FreeCADHost
from cncworkbench.ui.app import PANELS
from cncworkbench.ui.qt import Qt, QtWidgets
from cncworkbench.ui.widgets import icon
from cncworkbench.ui.workspace import Workspace

# Shown as dialogs (an admin's settings, the login); the rest dock beside the 3D view.
DIALOG_PANELS = {"login", "settings"}
DOCK_WIDTH = 560

_workspace: Workspace | None = None
_windows: dict[str, QtWidgets.QWidget] = {}


def workspace() -> Workspace:
    global _workspace
    if _workspace is None:
        version = ".".join(FreeCAD.Version()[:2])
        _workspace = Workspace(where=f"FreeCAD {version}", parent=FreeCADGui.getMainWindow())
        _workspace.unavailable.connect(
            lambda message: FreeCAD.Console.PrintError(f"CNC Workbench: {message}\n")
        )
        _workspace.user_changed.connect(_announce_user)
        _workspace.worker_changed.connect(
            lambda message: (
                FreeCADGui.getMainWindow()
                .statusBar()
                .showMessage(f"CNC Workbench: {message}", 8000)
            )
        )
        _workspace.open()
    return _workspace


def _announce_user(user) -> None:
    bar = FreeCADGui.getMainWindow().statusBar()
    if user is None:
        bar.showMessage("CNC Workbench: logged out", 5000)
    else:
        bar.showMessage(f"CNC Workbench: logged in as {user.email} ({user.role})", 8000)
        login = _windows.get("login")
        if login is not None:
            login.close()


def _jobs_badge(window, unread: int) -> None:
    """New notifications: a count on the dock's title and a status-bar message."""
    window.setWindowTitle(f"Jobs ({unread})" if unread else "Jobs")
    if unread:
        FreeCADGui.getMainWindow().statusBar().showMessage(
            f"CNC Workbench: {unread} unread notification(s) in Jobs", 8000
        )


def show(key: str) -> QtWidgets.QWidget:
    """Show (creating once) the panel ``key`` of :data:`PANELS`; returns its window."""
    window = _windows.get(key)
    if window is None:
        extras = {"browser": {"host": FreeCADHost()}, "cam": {"host": FreeCADCamHost()}}.get(
            key, {}
        )
        panel = PANELS[key](workspace(), **extras)
        main = FreeCADGui.getMainWindow()
        if key in DIALOG_PANELS:
            window = QtWidgets.QDialog(main)
            window.setWindowTitle(panel.title_text)
            window.setWindowIcon(icon(panel.icon_name))
            layout = QtWidgets.QVBoxLayout(window)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(panel)
            window.resize(640, 420 if key == "login" else 560)
        else:
            window = QtWidgets.QDockWidget(panel.title_text, main)
            window.setObjectName(f"CNCWorkbench_{key}")
            window.setWidget(panel)
            main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window)
            # Tables need room; FreeCAD would give a new dock its narrowest width.
            main.resizeDocks([window], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        window.panel = panel
        _windows[key] = window
        if key == "jobs":
            panel.badge_changed.connect(lambda unread, w=window: _jobs_badge(w, unread))
    window.show()
    window.raise_()
    return window
