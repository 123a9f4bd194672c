"""The Simulation Review's 3-D tab: the cut stock seen isometrically, with numbered findings.

For the standalone window (``cncworkbench gui``), which has no FreeCAD 3-D view: the stock
mesh the dock builds once a 3-D view asks (core.stock_mesh), drawn by core.iso_view's z-buffer,
off the Qt thread and only while the tab is shown (about 0.3 s for a 230,000-triangle
mesh), the newest request winning. It follows the dock as FreeCAD's scene does: the run
shown, the stock after the scrubbed line, the chosen finding. A picture rather than an
OpenGL widget: the review must run on workers' and offices' machines without a GPU, in
offscreen tests and under FreeCAD's PySide2 and PySide6 alike (no OpenGL binding to pin).
"""

from __future__ import annotations

import numpy as np

from cncworkbench.core.iso_view import IsoView, render
from cncworkbench.ui.qt import Qt, QtCore, QtGui, QtWidgets
from cncworkbench.ui.tasks import run_task

BACKGROUND = "#2e3436"
SEVERITY_COLOURS = {"error": "#a40000", "warning": "#ce5c00"}
CHOSEN_COLOUR = "#fce94f"


def iso_picture(mesh, stock: dict, width: int, height: int) -> tuple[np.ndarray, IsoView]:
    """The stock mesh as an RGBA picture of ``width`` × ``height`` and its projection."""
    view = IsoView.fit(stock["min"], stock["max"], max(width, 16), max(height, 16))
    picture = render(mesh.vertices, mesh.triangles, mesh.colours, view, background=None)
    return picture, view


class IsoStockView(QtWidgets.QWidget):
    """The cut stock in 3-D (isometric, from the front right) beside the top view."""

    def __init__(self, panel, parent=None):
        super().__init__(parent)
        self.setMinimumSize(260, 200)
        self.panel = panel
        self.image: QtGui.QImage | None = None
        self.view: IsoView | None = None
        self.stock: dict | None = None
        self.findings: list[dict] = []
        self.selected: int | None = None
        self.mesh = None  # what should be drawn (the run's stock, or the scrubbed one)
        self.drawn = None  # (mesh, size) of the picture shown
        self._busy = False
        self._resize = QtCore.QTimer(self)
        self._resize.setSingleShot(True)
        self._resize.setInterval(120)
        self._resize.timeout.connect(self.refresh)
        panel.run_shown.connect(self.set_run)
        panel.stock_shown.connect(self.set_frame)
        panel.finding_chosen.connect(self.select)

    def set_run(self, loaded) -> None:
        self.image = self.view = self.drawn = None
        self.selected = None
        self.mesh = loaded.mesh if loaded is not None else None
        self.stock = loaded.detail.details.get("stock") if loaded is not None else None
        self.findings = loaded.detail.findings if loaded is not None else []
        self.refresh()
        self.update()

    def set_frame(self, frame) -> None:
        if frame.mesh is not None:
            self.mesh = frame.mesh
            self.refresh()

    def select(self, number) -> None:
        self.selected = number
        self.update()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # the dock builds stock meshes only for a 3-D view: from the first look on, this is one
        attach = getattr(self.panel, "attach_3d_view", None)
        if attach is not None:
            attach()
        self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._resize.start()

    def refresh(self) -> None:
        """Draw the wanted stock at the widget's size, off the Qt thread, when shown."""
        if not self.isVisible() or self.mesh is None or not self.stock:
            return
        size = (self.width(), self.height())
        if self.drawn == (id(self.mesh), size) or self._busy:
            return  # drawn already, or a drawing is under way (it looks again when done)
        self._busy = True
        mesh, stock = self.mesh, self.stock

        def done(result) -> None:
            self._busy = False
            picture, view = result
            if mesh is self.mesh:
                rgba = np.ascontiguousarray(picture)
                height, width, _ = rgba.shape
                self.image = QtGui.QImage(
                    rgba.data, width, height, 4 * width, QtGui.QImage.Format.Format_RGBA8888
                ).copy()
                self.view, self.drawn = view, (id(mesh), size)
                self.update()
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.panel.show_error(exc)

        run_task(self, lambda _r: iso_picture(mesh, stock, *size), done, failed)

    def marker_position(self, number: int) -> QtCore.QPointF | None:
        """Where finding ``number``'s marker is drawn (widget pixels), None: not placed."""
        if self.view is None or not 0 <= number < len(self.findings):
            return None
        finding = self.findings[number]
        if finding.get("x") is None or finding.get("y") is None:
            return None
        z = finding.get("z")
        z = self.stock["max"][2] if z is None else z
        x, y = self.view.project([(finding["x"], finding["y"], z)])[0]
        return QtCore.QPointF(float(x), float(y))

    def paintEvent(self, _event) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QtGui.QColor(BACKGROUND))
        if self.image is None:
            painter.setPen(QtGui.QColor("#d3d7cf"))
            text = self.tr("Drawing the stock…") if self.mesh is not None else ""
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
            return
        painter.drawImage(QtCore.QPointF(0, 0), self.image)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        order = [n for n in range(len(self.findings)) if n != self.selected]
        if self.selected is not None:
            order.append(self.selected)  # drawn last, on top
        for number in order:
            centre = self.marker_position(number)
            if centre is None:
                continue
            chosen = number == self.selected
            colour = CHOSEN_COLOUR if chosen else SEVERITY_COLOURS.get(
                self.findings[number].get("severity"), "#555753"
            )  # fmt: skip
            radius = 11 if chosen else 8
            painter.setPen(QtGui.QPen(QtGui.QColor("#ffffff"), 2))
            painter.setBrush(QtGui.QColor(colour))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QtGui.QColor("#000000" if chosen else "#ffffff"))
            painter.drawText(
                QtCore.QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter, str(number + 1),
            )  # fmt: skip
