"""The panels inside FreeCAD: dock widgets beside the 3D view, dialogs for login/settings.

One :class:`~cncworkbench.ui.workspace.Workspace` serves the whole FreeCAD session, so
every panel shares the connection and the logged-in user.
"""

from __future__ import annotations

import FreeCAD
import FreeCADGui

from cncworkbench.freecad.cam_host import FreeCADCamHost
from cncworkbench.freecad.host import FreeCADHost
from cncworkbench.freecad.review_scene import ReviewScene
from cncworkbench.ui import i18n
from cncworkbench.ui.app import PANELS
from cncworkbench.ui.i18n import translate
from cncworkbench.ui.qt import Qt, QtCore, QtWidgets
from cncworkbench.ui.terms import term
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
            lambda _message: (
                FreeCADGui.getMainWindow()
                .statusBar()
                .showMessage(f"CNC Workbench: {_workspace.worker_text()}", 8000)
            )
        )
        languages = i18n.languages()
        languages.follow(_workspace)
        languages.changed.connect(_language_changed)
        _workspace.open()
    return _workspace


def _announce_user(user) -> None:
    bar = FreeCADGui.getMainWindow().statusBar()
    if user is None:
        bar.showMessage(translate("FreeCAD", "CNC Workbench: logged out"), 5000)
    else:
        bar.showMessage(
            translate("FreeCAD", "CNC Workbench: logged in as {email} ({role})").format(
                email=user.email, role=term("Roles", user.role)
            ),
            8000,
        )
        login = _windows.get("login")
        if login is not None:
            login.close()


def _jobs_badge(window, unread: int) -> None:
    """New notifications: a count on the dock's title and a status-bar message."""
    title = window.panel.title_text
    window.setWindowTitle(f"{title} ({unread})" if unread else title)
    if unread:
        FreeCADGui.getMainWindow().statusBar().showMessage(
            translate("FreeCAD", "CNC Workbench: {count} unread notification(s) in Jobs").format(
                count=unread
            ),
            8000,
        )


def show(key: str) -> QtWidgets.QWidget:
    """Show (creating once) the panel ``key`` of :data:`PANELS`; returns its window."""
    window = _windows.get(key)
    if window is None:
        panel = _new_panel(key)
        main = FreeCADGui.getMainWindow()
        if key in DIALOG_PANELS:
            window = QtWidgets.QDialog(main)
            window.setWindowTitle(panel.title_text)
            window.setWindowIcon(icon(panel.icon_name))
            layout = QtWidgets.QVBoxLayout(window)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(panel)
            if key == "login":
                # As tall as its content at this width: a fixed height left half the
                # dialog empty below the button.
                height = layout.heightForWidth(640) if layout.hasHeightForWidth() else -1
                window.resize(640, max(height, panel.sizeHint().height()))
            else:
                window.resize(640, 560)
        else:
            window = QtWidgets.QDockWidget(panel.title_text, main)
            window.setObjectName(f"CNCWorkbench_{key}")
            window.setWidget(panel)
            main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window)
            # Tables need room; FreeCAD would give a new dock its narrowest width.
            main.resizeDocks([window], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        window.panel = panel
        _windows[key] = window
        _connect_badge(key, window)
        _attach_scene(key, window)
    window.show()
    window.raise_()
    return window


def _new_panel(key: str):
    extras = {"browser": {"host": FreeCADHost()}, "cam": {"host": FreeCADCamHost()}}.get(key, {})
    return PANELS[key](workspace(), **extras)


def _attach_scene(key: str, window) -> None:
    """The Simulation Review draws its run in the 3-D view while the dock is open."""
    if key != "sim":
        return
    window.review_scene = ReviewScene(window.panel)

    def visibility(visible: bool, w=window) -> None:
        if not visible and w.isHidden():  # closed, not merely tabbed behind another dock
            w.review_scene.clear()
        elif visible and w.review_scene.root is None and w.panel.loaded is not None:
            w.review_scene.show_run(w.panel.loaded)

    window.visibilityChanged.connect(visibility)


def _connect_badge(key: str, window) -> None:
    if key == "jobs":
        window.panel.badge_changed.connect(lambda unread, w=window: _jobs_badge(w, unread))


_rebuild_pending = False


def _language_changed(_language: str) -> None:
    # Later, not now: the change may come from a slot of a panel about to be replaced.
    global _rebuild_pending
    if not _rebuild_pending:
        _rebuild_pending = True
        QtCore.QTimer.singleShot(0, rebuild_panels)


def rebuild_panels() -> None:
    """Every open dock and dialog gets its panel built again in the language shown; the
    panels reload their data from the database (the FreeCAD document is untouched)."""
    global _rebuild_pending
    _rebuild_pending = False
    for key, window in _windows.items():
        old = window.panel
        if key == "jobs":
            old.stop()
        panel = _new_panel(key)
        panel.restore(old.state())
        if isinstance(window, QtWidgets.QDockWidget):
            window.setWidget(panel)
        else:
            window.layout().replaceWidget(old, panel)
        old.hide()
        old.deleteLater()
        window.panel = panel
        window.setWindowTitle(panel.title_text)
        _connect_badge(key, window)
        if key == "sim":
            window.review_scene.clear()
            window.review_scene = ReviewScene(panel)
