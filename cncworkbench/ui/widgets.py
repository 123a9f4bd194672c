"""Small widgets every panel uses: icons, message banners, a panel frame with states."""

from __future__ import annotations

from pathlib import Path

from cncworkbench.core import localefmt
from cncworkbench.ui import i18n
from cncworkbench.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"

_BANNER_COLOURS = {
    "info": ("#e8f0fb", "#3465a4"),
    "success": ("#eaf5e1", "#4e9a06"),
    "warning": ("#fdf1e0", "#ce5c00"),
    "error": ("#fbe9e9", "#a40000"),
}


def human_size(size: int) -> str:
    """``1.234 bytes`` / ``1,2 MB`` as the language shown writes numbers."""
    if size < 1024:
        return i18n.translate("Panel", "{count} bytes").format(count=localefmt.integer(size))
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            break
    return f"{localefmt.number(size, 1)} {unit}"


def icon(name: str) -> QtGui.QIcon:
    return QtGui.QIcon(str(ICON_DIR / f"{name}.svg"))


def later(owner: QtCore.QObject, call) -> None:
    """``call()`` once control is back in the event loop, unless ``owner`` is gone by then
    (a panel replaced when the language changes): a timer that dies with its owner."""
    timer = QtCore.QTimer(owner)
    timer.setSingleShot(True)
    timer.timeout.connect(call)
    timer.timeout.connect(timer.deleteLater)
    timer.start(0)


class Banner(QtWidgets.QLabel):
    """A one-or-two sentence message with a coloured edge; hidden when empty."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setContentsMargins(8, 6, 8, 6)
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        background, edge = _BANNER_COLOURS[kind]
        self.setStyleSheet(
            f"QLabel {{ background: {background}; border-left: 4px solid {edge}; "
            f"color: #1b1b1b; padding: 6px; }}"
        )
        self.setText(text)
        self.setProperty("kind", kind)
        self.show()

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    @property
    def kind(self) -> str | None:
        return self.property("kind") if self.isVisible() else None


class Panel(QtWidgets.QWidget):
    """Base of every panel: a title row, a banner, a busy bar and the panel's body.

    Subclasses fill ``self.body`` and implement :meth:`reload`, which is called when the
    workspace becomes ready and when the user changes.
    """

    busy_changed = Signal(bool)
    # English, marked with i18n.QT_TRANSLATE_NOOP("Panels", ...); instances hold it translated.
    title_text = ""
    icon_name = ""
    requires_login = True

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.title_text = i18n.translate("Panels", type(self).title_text)
        self.setLocale(i18n.qlocale())  # numbers in spin boxes, also inside FreeCAD
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        header = QtWidgets.QHBoxLayout()
        if self.icon_name:
            picture = QtWidgets.QLabel()
            picture.setPixmap(icon(self.icon_name).pixmap(28, 28))
            header.addWidget(picture)
        self.title = QtWidgets.QLabel(self.title_text)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        header.addWidget(self.title)
        header.addStretch(1)
        self.reconnect_button = QtWidgets.QPushButton(self.tr("Retry"))
        self.reconnect_button.setToolTip(self.tr("Connect to the database and file store again"))
        self.reconnect_button.clicked.connect(workspace.open)
        self.reconnect_button.hide()
        header.addWidget(self.reconnect_button)
        self.header = header
        layout.addLayout(header)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.busy = QtWidgets.QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        layout.addWidget(self.busy)
        self.body = QtWidgets.QVBoxLayout()
        layout.addLayout(self.body, 1)
        workspace.ready.connect(self._on_ready)
        workspace.unavailable.connect(self._on_unavailable)
        workspace.opening.connect(self._on_opening)
        workspace.user_changed.connect(self._on_user_changed)
        if workspace.is_ready:
            later(self, self._on_ready)
        elif workspace.error:
            later(self, lambda: self._on_unavailable(workspace.error))

    def _on_user_changed(self, _user) -> None:
        # A bound method, not a lambda: Qt drops the connection when the panel is deleted
        # (panels are built again when the language changes).
        self._on_ready()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_changed.emit(busy)

    def _on_opening(self) -> None:
        self.reconnect_button.hide()
        self.banner.show_message(self.tr("Connecting to the database and file store…"), "info")
        self.set_busy(True)

    def _on_unavailable(self, message: str) -> None:
        self.set_busy(False)
        self.reconnect_button.show()
        self.banner.show_message(message, "error")

    def _on_ready(self) -> None:
        if not self.workspace.is_ready:
            return
        self.set_busy(False)
        self.reconnect_button.hide()
        self.banner.clear_message()
        if not self.can_load():
            self.banner.show_message(self.tr("Log in to see this panel."), "info")
            return
        self.reload()

    def can_load(self) -> bool:
        """Connected, and logged in where the panel needs a user."""
        return self.workspace.is_ready and not (self.requires_login and self.workspace.user is None)

    def reload(self) -> None:  # pragma: no cover - overridden
        pass

    def state(self) -> dict:
        """What the user has open or typed here, for a panel built again in another
        language (:meth:`restore`); the rest comes back from the database."""
        return {}

    def restore(self, state: dict) -> None:
        """Take over ``state`` from the panel this one replaces."""

    def show_error(self, exc_or_text) -> None:
        from cncworkbench.ui.workspace import describe_error

        text = exc_or_text if isinstance(exc_or_text, str) else describe_error(exc_or_text)
        self.set_busy(False)
        self.banner.show_message(text, "error")


def table(headers: list[str]) -> QtWidgets.QTableWidget:
    widget = QtWidgets.QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    widget.verticalHeader().hide()
    widget.setAlternatingRowColors(True)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill_table(widget: QtWidgets.QTableWidget, rows: list[list[object]]) -> None:
    widget.setRowCount(len(rows))
    for row_number, row in enumerate(rows):
        for column, value in enumerate(row):
            item = QtWidgets.QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int | float) or type(value).__name__ == "Decimal":
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(row_number, column, item)
    fit_columns(widget)


def fit_columns(widget: QtWidgets.QTableWidget) -> None:
    """Columns sized to their contents, the last one taking the rest of the width but
    never narrower than its title: without room for it, it keeps its own width and the
    table scrolls. Decided again whenever the table is shown or resized (also when it was
    filled while its tab was hidden)."""
    last = widget.columnCount() - 1
    for column in range(last):
        widget.resizeColumnToContents(column)
    if not widget.property("cnc_fit_last"):
        widget.installEventFilter(_FitLastColumn(widget))
        widget.setProperty("cnc_fit_last", True)
    _fit_last_column(widget)


def _fit_last_column(widget: QtWidgets.QTableWidget) -> None:
    header = widget.horizontalHeader()
    last = widget.columnCount() - 1
    if last < 0:
        return
    others = sum(header.sectionSize(c) for c in range(last) if not header.isSectionHidden(c))
    margin = 2 * header.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_HeaderMargin)
    title = str(widget.model().headerData(last, Qt.Orientation.Horizontal) or "")
    needed = header.fontMetrics().horizontalAdvance(title) + margin
    if others + needed > widget.viewport().width():
        header.setSectionResizeMode(last, QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.resizeSection(last, max(needed, header.sectionSizeHint(last)))
    else:
        header.setSectionResizeMode(last, QtWidgets.QHeaderView.ResizeMode.Stretch)


class _FitLastColumn(QtCore.QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QtCore.QEvent.Type.Show, QtCore.QEvent.Type.Resize):
            _fit_last_column(watched)
        return False


def empty_state(text: str) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555753; padding: 24px;")
    return label
