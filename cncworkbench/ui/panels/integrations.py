"""Administrators' Integrations tab of the settings dialog: ERP/MES systems, the exchange
queue and order imports (:mod:`cncworkbench.services.commerce.erp`).

It works like the billing tabs (:class:`~cncworkbench.ui.panels.billing.BusyTab`): every
call runs on a pool thread as the logged-in admin, dialogs stay open until the service
accepts what was entered, and nothing is saved when it refuses. Tokens and signing
secrets are typed into password fields, go straight to the OS keyring
(:func:`~cncworkbench.services.commerce.erp.set_secret`) and are wiped from the dialog when it
closes: the tab only ever shows *whether* a system has one and where it comes from.
Without a license that includes ERP/MES synchronisation the tab is read-only and says
which plan unlocks it.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from cncworkbench.core import erp as core
from cncworkbench.core.licensing import Feature, plans_with
from cncworkbench.errors import ValidationError
from cncworkbench.services.access import licenses
from cncworkbench.services.commerce import erp, erp_inbound
from cncworkbench.ui.i18n import translate
from cncworkbench.ui.panels.billing import RIGHT, BusyTab, ServiceDialog
from cncworkbench.ui.qt import Qt, QtGui, QtWidgets
from cncworkbench.ui.widgets import Banner, fill_table, table

QUEUE_LIMIT = 200  # newest exchanges shown
STATUS_COLOURS = {
    "pending": "#3465a4",
    "retrying": "#ce5c00",
    "synced": "#4e9a06",
    "failed": "#a40000",
}
GREY = "#888a85"
MAX_SECRET = 4096
# The service's ranges for the delivery settings (the spin boxes cannot leave them).
RANGES = {
    "connect_timeout_ms": (100, 60000, 5000),
    "read_timeout_ms": (100, 300000, 15000),
    "max_retries": (0, 50, 8),
    "backoff_base_s": (1, 86400, 30),
    "backoff_max_s": (1, 604800, 3600),
}


@dataclass(frozen=True)
class IntegrationsView:
    """Everything the tab shows, read in one transaction (plain values only)."""

    locked: str | None  # why ERP sync is not available, naming the plan; None: licensed
    systems: list  # erp.SystemInfo
    counts: dict[str, int]  # every exchange by status
    failed_outbound: int  # what "Retry all failed" would retry
    rows: list  # erp.SyncRow, newest first


def monospace() -> QtGui.QFont:
    font = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QtGui.QFont.StyleHint.Monospace)
    return font


def coloured(item: QtWidgets.QTableWidgetItem, colour: str, bold: bool = False) -> None:
    item.setForeground(QtGui.QColor(colour))
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)


def secret_field(placeholder: str) -> QtWidgets.QLineEdit:
    field = QtWidgets.QLineEdit()
    field.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


# ------------------------------------------------------------------------------ systems
class SystemDialog(ServiceDialog):
    """Add or edit an external system. The token and signing secret are optional when
    editing (empty keeps what is stored); they are never read back from anywhere."""

    def __init__(self, tab: IntegrationsTab, info=None):
        title = (
            translate("SystemDialog", "Add external system")
            if info is None
            else translate("SystemDialog", "Edit {name}")
        )
        super().__init__(tab, title.format(name=info.name if info else ""))
        self.info = info
        self.setMinimumWidth(620)
        self.name = QtWidgets.QLineEdit(info.name if info else "")
        self.name.setMaxLength(63)
        self.name.setPlaceholderText("SAP, LOGO_TIGER, MES")
        if info is not None:
            self.name.setEnabled(False)
            self.name.setToolTip(self.tr("The queue refers to a system by its name."))
        self.form.addRow(self.tr("Name:"), self.name)
        self.description = QtWidgets.QLineEdit((info.description or "") if info else "")
        self.form.addRow(self.tr("Description:"), self.description)
        self.url = QtWidgets.QLineEdit(info.base_url if info else "")
        self.url.setPlaceholderText("https://erp.example.com/api/cnc")
        self.form.addRow(self.tr("Address:"), self.url)
        self.direction = QtWidgets.QComboBox()
        for value, text in (
            ("outbound", self.tr("outbound: events go to the system")),
            ("inbound", self.tr("inbound: orders come from the system")),
            ("both", self.tr("both ways")),
        ):
            self.direction.addItem(text, value)
        self.direction.setCurrentIndex(self.direction.findData(info.direction if info else "both"))
        self.form.addRow(self.tr("Direction:"), self.direction)
        types = QtWidgets.QHBoxLayout()
        self.entity_types: dict[str, QtWidgets.QCheckBox] = {}
        chosen = info.entity_types if info else core.ENTITY_TYPES
        for value, text in (
            ("order", self.tr("orders")),
            ("cam_run", self.tr("CAM runs")),
            ("sim_run", self.tr("simulations")),
            ("invoice", self.tr("invoices")),
        ):
            box = QtWidgets.QCheckBox(text)
            box.setChecked(value in chosen)
            self.entity_types[value] = box
            types.addWidget(box)
        types.addStretch(1)
        self.form.addRow(self.tr("Entity types:"), types)
        self.active = QtWidgets.QCheckBox(self.tr("Active (deliver and import now)"))
        self.active.setChecked(info.active if info else True)
        self.form.addRow("", self.active)
        self.token = secret_field(self.secret_hint(info.token if info else None))
        self.form.addRow(self.tr("Bearer token:"), self.token)
        self.signing = secret_field(
            self.secret_hint(info.signing_secret if info else None, self.tr("optional"))
        )
        self.form.addRow(self.tr("Signing secret:"), self.signing)
        self.forget = QtWidgets.QCheckBox(
            self.tr("Forget the token and signing secret kept in this computer's keyring")
        )
        if info is not None:
            self.form.addRow("", self.forget)
        hint = QtWidgets.QLabel(
            self.tr(
                "Secrets go to this computer's OS keyring, never to the database. Workers on "
                "other computers read theirs from CNC_ERP_TOKEN_<NAME> and "
                "CNC_ERP_SECRET_<NAME>. Without a signing secret the token signs."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555753;")
        self.form.addRow("", hint)
        self.form.addRow(self.delivery_box(info))
        self.finish_form()

    def secret_hint(self, source: str | None, empty: str = "") -> str:
        if source is None or source == "not set":
            return empty or self.tr("required to deliver events")
        if source.startswith("environment"):
            return self.tr("set in the {where} (wins); empty keeps it").format(where=source)
        return self.tr("kept in the OS keyring; empty keeps it")

    def delivery_box(self, info) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(self.tr("Delivery"))
        grid = QtWidgets.QGridLayout(box)
        self.events_path = QtWidgets.QLineEdit(_path(info, "events"))
        self.orders_path = QtWidgets.QLineEdit(_path(info, "orders"))
        self.spins: dict[str, QtWidgets.QSpinBox] = {}
        for key, (low, high, default) in RANGES.items():
            spin = QtWidgets.QSpinBox()
            spin.setRange(low, high)
            spin.setValue(getattr(info, key) if info else default)
            spin.setAlignment(RIGHT)
            self.spins[key] = spin
        self.pull = QtWidgets.QSpinBox()
        self.pull.setRange(0, 604800)
        self.pull.setSpecialValueText(self.tr("off"))
        self.pull.setValue((info.pull_interval_s or 0) if info else 0)
        self.pull.setAlignment(RIGHT)
        cells = [
            (self.tr("Events path:"), self.events_path),
            (self.tr("Orders path:"), self.orders_path),
            (self.tr("Connect timeout (ms):"), self.spins["connect_timeout_ms"]),
            (self.tr("Read timeout (ms):"), self.spins["read_timeout_ms"]),
            (self.tr("Retries:"), self.spins["max_retries"]),
            (self.tr("Pull orders every (s):"), self.pull),
            (self.tr("First retry after (s):"), self.spins["backoff_base_s"]),
            (self.tr("Longest wait (s):"), self.spins["backoff_max_s"]),
        ]
        for index, (label, widget) in enumerate(cells):
            row, column = divmod(index, 2)
            grid.addWidget(QtWidgets.QLabel(label), row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def secrets(self) -> list[tuple[str, str]]:
        """(kind, value) typed in, checked before anything is saved."""
        typed = [("token", self.token.text()), ("signing_secret", self.signing.text())]
        for _kind, value in typed:
            if value and (len(value) > MAX_SECRET or any(ch in value for ch in "\r\n")):
                raise ValidationError(
                    self.tr("A token or signing secret is one line of at most 4096 characters.")
                )
        return [(kind, value.strip()) for kind, value in typed if value.strip()]

    def settings(self) -> dict:
        options = {key: spin.value() for key, spin in self.spins.items()}
        return {
            "base_url": self.url.text(),
            "direction": self.direction.currentData(),
            "entity_types": [k for k, box in self.entity_types.items() if box.isChecked()],
            "description": self.description.text(),
            "events_path": self.events_path.text(),
            "orders_path": self.orders_path.text(),
            "active": self.active.isChecked(),
            "pull_interval_s": self.pull.value() or None,
            **options,
        }

    def action(self):
        settings, secrets = self.settings(), self.secrets()
        forget = self.info is not None and self.forget.isChecked()
        if self.info is None:
            name = self.name.text()

            def work(session, actor):
                base_url = settings.pop("base_url")
                direction = settings.pop("direction")
                types = settings.pop("entity_types")
                row = erp.add_system(session, actor, name, base_url, direction, types, **settings)
                # in the same transaction: a refused secret saves nothing
                for kind, value in secrets:
                    erp.set_secret(session, actor, row.name, value, kind)
                return row.name

            return work, lambda added: self.tr("External system {name} added.").format(name=added)

        name = self.info.name

        def work(session, actor):
            erp.update_system(session, actor, name, **settings)
            if forget:
                for kind in erp.SECRET_KINDS:
                    erp.set_secret(session, actor, name, "", kind)
            for kind, value in secrets:
                erp.set_secret(session, actor, name, value, kind)
            return name

        return work, self.tr("External system {name} saved.").format(name=name)

    def done(self, result) -> None:
        """However it closes, the secrets typed in leave the widgets."""
        self.token.clear()
        self.signing.clear()
        super().done(result)


def _path(info, kind: str) -> str:
    if info is None:
        return kind
    url = info.events_url if kind == "events" else info.orders_url
    base = info.base_url.rstrip("/")
    return url[len(base) :].lstrip("/") if url.startswith(base) else kind


# ------------------------------------------------------------------------------ imports
class ImportDialog(ServiceDialog):
    """Import a CSV or JSON file of orders for one system: all of it or nothing."""

    def __init__(self, tab: IntegrationsTab, systems: list, path: str = ""):
        super().__init__(tab, translate("ImportDialog", "Import orders"))
        self.setMinimumWidth(560)
        self.system = QtWidgets.QComboBox()
        for info in systems:
            self.system.addItem(info.name, info.name)
        self.form.addRow(self.tr("From system:"), self.system)
        row = QtWidgets.QHBoxLayout()
        self.path = QtWidgets.QLineEdit(path)
        self.path.setPlaceholderText(self.tr("orders.csv or orders.json"))
        row.addWidget(self.path, 1)
        browse = QtWidgets.QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row.addWidget(browse)
        self.form.addRow(self.tr("File:"), row)
        hint = QtWidgets.QLabel(
            self.tr(
                "Each order becomes a project (an order imported before updates its project). "
                "A file with any bad line imports nothing."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555753;")
        self.form.addRow("", hint)
        self.finish_form()
        self.ok_button.setText(self.tr("Import"))

    def browse(self) -> None:
        path, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self,
            self.tr("Order file"),
            self.path.text(),
            self.tr("Order files (*.csv *.json);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def action(self):
        system, text = self.system.currentData(), self.path.text().strip()
        if not system:
            raise ValidationError(self.tr("Choose the system the orders come from."))
        if not text:
            raise ValidationError(self.tr("Choose the order file."))
        path = Path(text)
        if not path.is_file():
            raise ValidationError(self.tr("There is no file {path}.").format(path=path))
        user = self.tab.workspace.user

        def work(_session, actor):
            # import_file runs its own transactions (a failure is recorded in the queue)
            return erp_inbound.import_file(user.db, actor, system, path)

        return work, self.tab.import_message

    def show_error(self, text: str) -> None:
        super().show_error(text)
        self.tab.reload()  # the failed import is in the queue now


# ------------------------------------------------------------------------------ payload
class PayloadDialog(QtWidgets.QDialog):
    """What an exchange sends (or imported): the JSON, the request headers with the
    secrets as placeholders, and every attempt. Read-only."""

    def __init__(self, tab: IntegrationsTab, view):
        super().__init__(tab)
        row = view.sync
        self.setWindowTitle(translate("PayloadDialog", "Exchange #{id}").format(id=row.id))
        self.resize(940, 600)
        layout = QtWidgets.QVBoxLayout(self)
        key = view.headers.get(core.IDEMPOTENCY_HEADER)
        if row.direction == "inbound":
            reference = self.tr("from {source}").format(source=view.document.get("source", ""))
        elif row.external_id == key:
            reference = self.tr("not acknowledged yet")
        else:
            reference = self.tr("{system} calls it {id}").format(
                system=row.external_system, id=row.external_id
            )
        parts = [tab.entity_text(row), row.external_system, tab.status_text(row), reference]
        summary = QtWidgets.QLabel(
            f"<b>{html.escape(tab.event_text(row))}</b> · "
            + " · ".join(html.escape(part) for part in parts)
        )
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(summary)
        if row.error_message:
            error = Banner()
            error.show_message(row.error_message, "error" if row.status == "failed" else "warning")
            layout.addWidget(error)
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.document = self.text_box(view.pretty())
        split.addWidget(self.titled(self.tr("Payload (JSON):"), self.document))
        right = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        lines = [f"{name}: {value}" for name, value in view.headers.items()]
        self.headers = self.text_box(
            "\n".join(lines) if lines else self.tr("None: the orders were imported, not sent.")
        )
        right.addWidget(self.titled(self.tr("Request headers (secrets never shown):"),
                                    self.headers))  # fmt: skip
        self.attempts = table(
            [self.tr("#"), self.tr("Time"), self.tr("HTTP"), self.tr("ms"), self.tr("Outcome")]
        )
        self.attempts.setWordWrap(False)
        fill_table(self.attempts, [self.attempt_cells(tab, a) for a in view.attempts])
        for number in range(self.attempts.rowCount()):
            outcome = self.attempts.item(number, 4)
            outcome.setToolTip(outcome.text())
        right.addWidget(self.titled(self.tr("Attempts:"), self.attempts))
        line = self.headers.fontMetrics().lineSpacing()
        right.setSizes([line * (len(lines) + 3), 200])
        split.addWidget(right)
        split.setSizes([400, 540])
        layout.addWidget(split, 1)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def text_box(text: str) -> QtWidgets.QPlainTextEdit:
        box = QtWidgets.QPlainTextEdit(text)
        box.setReadOnly(True)
        box.setFont(monospace())
        box.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        return box

    @staticmethod
    def titled(title: str, widget: QtWidgets.QWidget) -> QtWidgets.QWidget:
        holder = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QtWidgets.QLabel(title))
        box.addWidget(widget, 1)
        return holder

    def attempt_cells(self, tab, attempt: dict) -> list:
        if "retry_requested_by" in attempt:  # an administrator's retry, not a request
            outcome = self.tr("retry requested by {who}").format(who=attempt["retry_requested_by"])
            return ["", _time(tab, attempt.get("at")), "", "", outcome]
        status = attempt.get("http_status")
        return [
            attempt.get("attempt", ""),
            _time(tab, attempt.get("at")),
            "" if status is None else status,
            attempt.get("ms", ""),
            attempt.get("error") or (self.tr("delivered") if status else ""),
        ]

    def text(self) -> str:
        """Everything shown, for tests and copying."""
        cells = [
            self.attempts.item(r, c).text()
            for r in range(self.attempts.rowCount())
            for c in range(self.attempts.columnCount())
        ]
        return "\n".join([self.document.toPlainText(), self.headers.toPlainText(), *cells])


def _time(tab, stamp) -> str:
    if not stamp:
        return ""
    try:
        return tab.when(dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00")))
    except ValueError:
        return str(stamp)


# ---------------------------------------------------------------------------------- tab
class IntegrationsTab(BusyTab):
    """External systems above, the exchange queue below."""

    STATUSES = core.SYNC_STATUSES

    def headers(self):
        return [self.tr("Name"), self.tr("Address"), self.tr("Direction"),
                self.tr("Entity types"), self.tr("Active"), self.tr("Token"),
                self.tr("Queue")]  # fmt: skip

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.systems: list = []
        self.queue: list = []
        self.counts: dict[str, int] = {}
        self.failed_outbound = 0
        self.locked: str | None = None
        self._shown_lock: str | None = None
        self._loads = 0
        self.inspector: PayloadDialog | None = None
        layout = self.layout()
        # The admin tab's button row and table become the systems box.
        layout.removeItem(self.buttons)
        self.buttons.setParent(None)
        layout.removeWidget(self.table)
        systems_box = QtWidgets.QGroupBox(self.tr("External systems"))
        systems_layout = QtWidgets.QVBoxLayout(systems_box)
        systems_layout.addLayout(self.buttons)
        systems_layout.addWidget(self.table)
        self.table.setWordWrap(False)
        self.new_button = self.add_button(self.tr("Add system…"), self.on_add)
        self.edit_button = self.add_button(self.tr("Edit…"), self.on_edit)
        self.remove_button = self.add_button(self.tr("Remove…"), self.on_remove)
        self.import_button = self.add_button(self.tr("Import orders…"), self.on_import)
        self.buttons.addStretch(1)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.on_edit())

        queue_box = QtWidgets.QGroupBox(self.tr("Exchange queue"))
        queue_layout = QtWidgets.QVBoxLayout(queue_box)
        top = QtWidgets.QHBoxLayout()
        self.counts_label = QtWidgets.QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.counts_label)
        top.addStretch(1)
        self.status_filter = QtWidgets.QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in self.STATUSES:
            self.status_filter.addItem(self.plain_status(status), status)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.status_filter)
        queue_layout.addLayout(top)
        actions = QtWidgets.QHBoxLayout()
        self.send_button = QtWidgets.QPushButton(self.tr("Send now"))
        self.send_button.setToolTip(
            self.tr("Deliver every due event once, from this computer (the workers also do).")
        )
        self.retry_button = QtWidgets.QPushButton(self.tr("Retry"))
        self.retry_all_button = QtWidgets.QPushButton(self.tr("Retry all failed"))
        self.inspect_button = QtWidgets.QPushButton(self.tr("Inspect payload…"))
        self.refresh_button = QtWidgets.QPushButton(self.tr("Refresh"))
        for button, slot in (
            (self.send_button, self.on_send_now),
            (self.retry_button, self.on_retry),
            (self.retry_all_button, self.on_retry_failed),
            (self.inspect_button, self.on_inspect),
        ):
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        self.refresh_button.clicked.connect(self.reload)
        actions.addWidget(self.refresh_button)
        queue_layout.addLayout(actions)
        self.queue_table = table(
            [
                self.tr("#"),
                self.tr("Event"),
                self.tr("Entity"),
                self.tr("System"),
                self.tr("Status"),
                self.tr("Retries"),
                self.tr("Next attempt"),
                self.tr("HTTP"),
                self.tr("Error"),
            ]
        )
        self.queue_table.setWordWrap(False)
        self.queue_table.itemSelectionChanged.connect(self._selection_changed)
        self.queue_table.itemDoubleClicked.connect(lambda _item: self.on_inspect())
        queue_layout.addWidget(self.queue_table, 1)
        self.detail = QtWidgets.QLabel()  # the selected exchange's whole story
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("color: #2e3436;")
        queue_layout.addWidget(self.detail)

        split = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(systems_box)
        split.addWidget(queue_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([170, 400])
        layout.addWidget(split, 1)
        self._selection_changed()

    # -------------------------------------------------------------------------- texts
    def plain_status(self, status: str) -> str:
        return {"pending": self.tr("pending"), "synced": self.tr("synced"),
                "failed": self.tr("failed")}.get(status, status)  # fmt: skip

    def status_text(self, row) -> str:
        if row.status == "pending" and row.retry_count:
            return self.tr("retry {count}").format(count=row.retry_count)
        return self.plain_status(row.status)

    def event_text(self, row) -> str:
        return row.event or self.tr("order import")

    def entity_text(self, row) -> str:
        if row.direction == "inbound":
            if row.entity_id:
                return self.tr("order {ref} → project {id}").format(
                    ref=row.external_id, id=row.entity_id
                )
            return row.external_id  # a failed import: the file or address
        return f"{row.entity_type} {row.entity_id}"

    def next_attempt_text(self, row) -> str:
        if row.next_attempt_at is None:
            return ""
        if row.next_attempt_at <= dt.datetime.now(dt.UTC):
            return self.tr("due now")
        return self.when(row.next_attempt_at)

    def detail_text(self, row) -> str:
        """One exchange in a sentence or two, with its whole error message."""
        if row is None:
            return ""
        text = self.tr("#{id} {what}, {entity}, {system}: {status}").format(
            id=row.id,
            what=self.event_text(row),
            entity=self.entity_text(row),
            system=row.external_system,
            status=self.status_text(row),
        )
        if row.synced_at is not None:
            text += self.tr(" on {when}").format(when=self.when(row.synced_at))
        elif row.next_attempt_at is not None:
            text += self.tr(", next attempt {when}").format(when=self.next_attempt_text(row))
        if row.error_message:
            text += ". " + self.tr("Last error: {error}").format(error=row.error_message)
        return text

    def token_text(self, info) -> str:
        if info.token != "not set":
            where = self.tr("environment") if info.token.startswith("environment") else (
                self.tr("keyring")
            )  # fmt: skip
            return self.tr("yes ({where})").format(where=where)
        if info.signing_secret != "not set":
            return self.tr("no (signing secret only)")
        return self.tr("no")

    def direction_text(self, direction: str) -> str:
        return {"outbound": self.tr("outbound"), "inbound": self.tr("inbound"),
                "both": self.tr("both")}.get(direction, direction)  # fmt: skip

    def import_message(self, report) -> str:
        text = self.tr(
            "{file} → {system}: {created} project(s) created, {updated} updated, "
            "{unchanged} unchanged."
        ).format(
            file=report.source,
            system=report.system,
            created=len(report.created),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
        )
        if report.skipped:
            text += " " + self.tr("Skipped: {why}.").format(why="; ".join(report.skipped[:5]))
        return text

    # --------------------------------------------------------------------------- data
    def reload(self) -> None:
        status = self.status_filter.currentData()
        self._loads += 1
        load = self._loads

        def work(session, actor):
            locked = None
            if not licenses.has_feature(session, Feature.ERP_SYNC):
                locked = self.locked_message(licenses.current_license(session))
            return IntegrationsView(
                locked,
                erp.list_systems(session, actor),
                erp.queue_status(session),
                erp.queue_status(session, direction="outbound")["failed"],
                erp.list_sync(session, status=status, limit=QUEUE_LIMIT),
            )

        def show(view):
            if load == self._loads:  # an older load finishing late shows nothing
                self.show_view(view)

        self.run(work, show)

    def locked_message(self, current) -> str:
        plans = " / ".join(p.title for p in plans_with(Feature.ERP_SYNC))
        if current is None:
            return self.tr(
                "ERP/MES synchronisation needs a license in force: the {plans} plan includes "
                "it. What is configured is shown read-only."
            ).format(plans=plans)
        return self.tr(
            "ERP/MES synchronisation is not part of your {current} license: the {plans} plan "
            "includes it. What is configured is shown read-only."
        ).format(current=current.plan_title, plans=plans)

    def show_view(self, view: IntegrationsView) -> None:
        self.locked = view.locked
        if view.locked:
            self.banner.show_message(view.locked, "warning")
        elif self._shown_lock and self.banner.text() == self._shown_lock:
            self.banner.clear_message()  # licensed since
        self._shown_lock = view.locked
        self.show_systems(view.systems)
        self.show_counts(view.counts)
        self.failed_outbound = view.failed_outbound
        self.show_queue(view.rows)
        for widget in (self.table, self.queue_table):
            widget.setEnabled(view.locked is None)
        self._selection_changed()

    def show_systems(self, systems: list) -> None:
        chosen = self.current_system()
        self.systems = self.rows = systems
        fill_table(
            self.table,
            [
                [
                    info.name,
                    info.base_url,
                    self.direction_text(info.direction),
                    ", ".join(info.entity_types),
                    self.tr("yes") if info.active else self.tr("no"),
                    self.token_text(info),
                    ", ".join(f"{self.plain_status(k)} {v}" for k, v in info.queue.items() if v)
                    or "–",
                ]
                for info in systems
            ],
        )
        for number, info in enumerate(systems):
            name = self.table.item(number, 0)
            name.setToolTip(
                "\n".join(f"{label}: {value}" for label, value in info.lines() if value)
            )
            token = self.table.item(number, 5)
            token.setToolTip(
                self.tr("Token: {token}\nSigning secret: {signing}").format(
                    token=info.token, signing=info.signing_secret
                )
            )
            if info.token == info.signing_secret == "not set" and info.direction != "inbound":
                coloured(token, STATUS_COLOURS["failed"], bold=True)
            if info.warnings:
                self.table.item(number, 1).setToolTip("\n".join(info.warnings))
                coloured(self.table.item(number, 1), STATUS_COLOURS["retrying"])
            if not info.active:
                for column in range(self.table.columnCount()):
                    coloured(self.table.item(number, column), GREY)
        self.table.resizeColumnToContents(6)
        if chosen is not None:
            for number, info in enumerate(systems):
                if info.name == chosen.name:
                    self.table.selectRow(number)

    def show_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        parts = []
        for status in self.STATUSES:
            colour = STATUS_COLOURS[status] if counts.get(status) else GREY
            parts.append(
                f"{self.plain_status(status)} "
                f"<b style='color: {colour}'>{counts.get(status, 0)}</b>"
            )
        self.counts_label.setText(" &nbsp;·&nbsp; ".join(parts))

    def show_queue(self, rows: list) -> None:
        chosen = self.current_exchange()
        self.queue = rows
        fill_table(
            self.queue_table,
            [
                [
                    row.id,
                    self.event_text(row),
                    self.entity_text(row),
                    row.external_system,
                    self.status_text(row),
                    row.retry_count,
                    self.next_attempt_text(row),
                    "" if row.last_http_status is None else str(row.last_http_status),
                    row.error_message or "",
                ]
                for row in rows
            ],
        )
        for number, row in enumerate(rows):
            status = self.queue_table.item(number, 4)
            kind = "retrying" if row.status == "pending" and row.retry_count else row.status
            coloured(status, STATUS_COLOURS.get(kind, GREY), bold=row.status == "failed")
            self.queue_table.item(number, 7).setTextAlignment(RIGHT)
            error = self.queue_table.item(number, 8)
            if row.error_message:
                error.setToolTip(row.error_message)
            if row.synced_at is not None:
                status.setToolTip(self.tr("synced {when}").format(when=self.when(row.synced_at)))
        if chosen is not None:
            for number, row in enumerate(rows):
                if row.id == chosen.id:
                    self.queue_table.selectRow(number)

    def current_system(self):
        number = self.table.currentRow()
        return self.systems[number] if 0 <= number < len(self.systems) else None

    def current_exchange(self):
        number = self.queue_table.currentRow()
        return self.queue[number] if 0 <= number < len(self.queue) else None

    def _selection_changed(self) -> None:
        allowed = self.locked is None
        system, row = self.current_system(), self.current_exchange()
        self.new_button.setEnabled(allowed)
        self.edit_button.setEnabled(allowed and system is not None)
        self.remove_button.setEnabled(allowed and system is not None)
        self.import_button.setEnabled(allowed and bool(self.importers()))
        self.send_button.setEnabled(allowed and bool(self.systems))
        self.retry_button.setEnabled(
            allowed and row is not None and row.direction == "outbound" and row.status != "synced"
        )
        self.retry_all_button.setEnabled(allowed and self.failed_outbound > 0)
        self.inspect_button.setEnabled(row is not None)
        self.detail.setText(self.detail_text(row))
        self.detail.setVisible(row is not None)

    def importers(self) -> list:
        """The systems orders can be imported for."""
        return [
            s for s in self.systems
            if s.active and s.direction != "outbound" and "order" in s.entity_types
        ]  # fmt: skip

    # ------------------------------------------------------------------------ actions
    def on_add(self) -> None:
        self.open_dialog(SystemDialog(self))

    def on_edit(self) -> None:
        info = self.current_system()
        if info is None:
            self.banner.show_message(self.tr("Select a system first."), "warning")
            return
        if self.locked is None:
            self.open_dialog(SystemDialog(self, info))

    def on_remove(self) -> None:
        info = self.current_system()
        if info is None:
            self.banner.show_message(self.tr("Select a system first."), "warning")
            return
        pending = info.queue.get("pending", 0)
        question = self.tr("Remove {name} and forget its token and signing secret?").format(
            name=info.name
        )
        if pending:
            question += " " + self.tr(
                "Its {count} undelivered exchange(s) will be marked failed; deactivating it "
                "instead keeps them."
            ).format(count=pending)
        answer = QtWidgets.QMessageBox.question(self, self.tr("Remove system"), question)
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        name = info.name
        self.run(
            lambda s, a: erp.remove_system(s, a, name, force=True),
            success=self.tr("External system {name} removed.").format(name=name),
        )

    def on_import(self) -> None:
        systems = self.importers()
        if not systems:
            self.banner.show_message(
                self.tr(
                    "No active system sends orders: give one the direction inbound or both "
                    "and the entity type orders."
                ),
                "warning",
            )
            return
        dialog = ImportDialog(self, systems)
        chosen = self.current_system()
        if chosen is not None and dialog.system.findData(chosen.name) >= 0:
            dialog.system.setCurrentIndex(dialog.system.findData(chosen.name))
        self.open_dialog(dialog)

    def on_send_now(self) -> None:
        user = self.workspace.user
        if user is None:
            return
        self.send_button.setEnabled(False)
        self.banner.show_message(self.tr("Sending what is due…"), "info")

        def work(_session, _actor):
            # one delivery pass in its own transactions, as the workers run it
            return erp.deliver_pending(user.db)

        def failed(text):
            self._selection_changed()
            self.banner.show_message(text, "error")

        self.run(work, self.show_delivery, failed=failed)

    def show_delivery(self, report) -> None:
        if report.attempted == 0:
            waiting = self.counts.get("pending", 0)
            text = self.tr("Nothing was due.")
            if waiting:
                text += " " + self.tr(
                    "{count} pending exchange(s) wait for their next attempt; Retry sends one "
                    "at once."
                ).format(count=waiting)
            kind = "info"
        else:
            text = self.tr(
                "{attempted} sent: {synced} delivered, {retrying} to retry, {failed} failed."
            ).format(
                attempted=report.attempted,
                synced=report.synced,
                retrying=report.retrying,
                failed=report.failed,
            )
            kind = "success" if report.synced == report.attempted else "warning"
        for name, why in report.skipped_systems.items():
            text += " " + self.tr("{name}: {why}.").format(name=name, why=why)
            kind = "warning"
        self.banner.show_message(text, kind)
        self.reload()

    def on_retry(self) -> None:
        row = self.current_exchange()
        if row is None:
            self.banner.show_message(self.tr("Select an exchange first."), "warning")
            return
        sync_id = row.id
        self.run(
            lambda s, a: erp.retry(s, a, sync_id).id,
            success=self.tr(
                "Exchange #{id} is queued again with fresh retries: the workers send it "
                "within seconds, or press Send now."
            ).format(id=sync_id),
        )

    def on_retry_failed(self) -> None:
        def done(count):
            self.banner.show_message(
                self.tr("{count} failed exchange(s) queued again.").format(count=count),
                "success",
            )
            self.reload()

        self.run(lambda s, a: erp.retry_failed(s, a), done)

    def on_inspect(self) -> None:
        row = self.current_exchange()
        if row is None:
            self.banner.show_message(self.tr("Select an exchange first."), "warning")
            return
        sync_id = row.id

        def show(view):
            if self.inspector is not None:
                self.inspector.deleteLater()
            self.inspector = PayloadDialog(self, view)
            self.inspector.show()

        self.run(lambda s, _a: erp.payload(s, sync_id), show)
