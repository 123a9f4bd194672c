"""Projects & Models: the shop's model vault.

A tree of projects → models → versions, loaded a page at a time (keyset pagination, so it
stays fast with 100,000 models); a search that matches names the way Turkish users type
them and ``key:value`` metadata; filters by type, format, owner and age; the selected
version's thumbnail, details and sync status; uploads and downloads with progress and
cancel. Everything touching the database or the store runs off the Qt thread.

FreeCAD-only actions (upload the open document, open a version) come through a
:class:`DocumentHost` that the FreeCAD glue provides; without one they are hidden.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from cncworkbench.core import localefmt, timefmt
from cncworkbench.services.pdm import cad, model_preview, models, projects
from cncworkbench.services.pdm.local_copies import LocalCopies, SyncState, working_copy_path
from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP
from cncworkbench.ui.panels import cad_variant
from cncworkbench.ui.qt import Qt, QtCore, QtGui, QtWidgets, exec_
from cncworkbench.ui.tasks import Cancelled, run_task
from cncworkbench.ui.terms import codes_and_terms, term
from cncworkbench.ui.widgets import Panel, human_size

PAGE = 50
MODEL_TYPES = ("part", "assembly", "drawing")
ROLE = Qt.ItemDataRole.UserRole
AGES = {"any": None, "7": 7, "30": 30, "365": 365}
SYNC_COLOURS = {
    SyncState.IN_SYNC: "#4e9a06",
    SyncState.MODIFIED: "#ce5c00",
    SyncState.OUTDATED: "#c4a000",
    SyncState.MODIFIED_AND_OUTDATED: "#a40000",
}


@dataclass
class ActiveDocument:
    """The open FreeCAD document, saved, with what FreeCAD knows about it."""

    path: Path
    label: str
    metadata: dict[str, Any] = field(default_factory=dict)
    thumbnail_png: bytes | None = None
    exports: list[Path] = field(default_factory=list)  # STEP/STL made on request


class DocumentHost(Protocol):
    def active_document(self, exports: tuple[str, ...] = ()) -> ActiveDocument:
        """Save the active document and describe it; raise UserError when there is none."""

    def open_document(self, path: Path) -> None:
        """Open ``path`` in FreeCAD."""

    def document_path(self) -> Path | None:
        """The file of the active document, if it has one."""


def _as_written(value) -> str:
    """A stored number as it is (``80.0``), with the decimal comma in Turkish."""
    return str(value).replace(".", ",") if localefmt.current() == "tr" else str(value)


class UploadDialog(QtWidgets.QDialog):
    """Where an upload goes: project, name, type; for the open document, exports too."""

    def __init__(self, project_names, project="", name="", for_document=False, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Upload model"))
        form = QtWidgets.QFormLayout(self)
        self.project = QtWidgets.QComboBox()
        self.project.setEditable(True)
        self.project.addItems(project_names)
        self.project.setCurrentText(project)
        self.project.setToolTip(self.tr("Type a new name to create a project"))
        form.addRow(self.tr("Project:"), self.project)
        self.name = QtWidgets.QLineEdit(name)
        self.name.setMaxLength(255)
        self.name.setToolTip(self.tr("An existing model of this name gets a new version"))
        form.addRow(self.tr("Model:"), self.name)
        self.kind = QtWidgets.QComboBox()
        for code, word in codes_and_terms("ModelTypes", MODEL_TYPES):
            self.kind.addItem(word, code)
        form.addRow(self.tr("Type:"), self.kind)
        self.export_step = QtWidgets.QCheckBox(self.tr("Also store a STEP export"))
        self.export_stl = QtWidgets.QCheckBox(self.tr("Also store an STL export"))
        if for_document:
            form.addRow("", self.export_step)
            form.addRow("", self.export_stl)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def exports(self) -> tuple[str, ...]:
        wanted = []
        if self.export_step.isChecked():
            wanted.append("STEP")
        if self.export_stl.isChecked():
            wanted.append("STL")
        return tuple(wanted)


class BrowserPanel(Panel):
    title_text = QT_TRANSLATE_NOOP("Panels", "Projects & Models")
    icon_name = "ProjectsModels"

    def __init__(self, workspace, host: DocumentHost | None = None, parent=None):
        super().__init__(workspace, parent)
        self.host = host
        self._task = None
        self._generation = 0  # results of an older search are dropped

        filters = QtWidgets.QGridLayout()
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, or key:value (material:C45)"))
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.search, 0, 0, 1, 4)
        self.type_filter = QtWidgets.QComboBox()
        self.type_filter.addItem(self.tr("All types"), None)
        for code, word in codes_and_terms("ModelTypes", MODEL_TYPES):
            self.type_filter.addItem(word, code)
        self.format_filter = QtWidgets.QComboBox()
        self.format_filter.addItem(self.tr("All formats"), None)
        for fmt in ("FCStd", "STEP", "STL"):
            self.format_filter.addItem(fmt, fmt)
        self.age_filter = QtWidgets.QComboBox()
        for label, key in (
            (self.tr("Any time"), "any"),
            (self.tr("Last 7 days"), "7"),
            (self.tr("Last 30 days"), "30"),
            (self.tr("Last year"), "365"),
        ):
            self.age_filter.addItem(label, key)
        self.mine = QtWidgets.QCheckBox(self.tr("Mine"))
        for column, widget in enumerate(
            (self.type_filter, self.format_filter, self.age_filter, self.mine)
        ):
            filters.addWidget(widget, 1, column)
        self.body.addLayout(filters)

        self.tree = QtWidgets.QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("Ver."), self.tr("Format"), self.tr("Size"),
             self.tr("Owner"), self.tr("Date")]
        )  # fmt: skip
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            self.tree.header().setSectionResizeMode(
                column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
            )
        self.body.addWidget(self.tree, 3)

        details = QtWidgets.QHBoxLayout()
        self.thumbnail = QtWidgets.QLabel()
        self.thumbnail.setFixedSize(128, 128)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("background: #f6f7f9; border: 1px solid #d3d7cf;")
        details.addWidget(self.thumbnail)
        self.details = QtWidgets.QLabel(self.tr("Select a model to see its details."))
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.addWidget(self.details, 1)
        self.body.addLayout(details)
        self.sync = QtWidgets.QLabel()
        self.sync.setWordWrap(True)
        self.body.addWidget(self.sync)

        actions = QtWidgets.QHBoxLayout()
        self.upload_document_button = QtWidgets.QPushButton(self.tr("Upload this document"))
        self.upload_document_button.clicked.connect(self.on_upload_document)
        self.upload_document_button.setVisible(host is not None)
        actions.addWidget(self.upload_document_button)
        self.upload_button = QtWidgets.QPushButton(self.tr("Upload file…"))
        self.upload_button.clicked.connect(self.on_upload_file)
        actions.addWidget(self.upload_button)
        self.download_button = QtWidgets.QPushButton(self.tr("Download…"))
        # The file as uploaded, or the STEP / STL a worker derived from it.
        self.download_menu = QtWidgets.QMenu(self.download_button)
        self.download_original = self.download_menu.addAction(self.tr("As uploaded…"))
        self.download_original.triggered.connect(self.on_download)
        self.download_step = self.download_menu.addAction(self.tr("STEP…"))
        self.download_step.triggered.connect(lambda: self.on_download_derived("step"))
        self.download_stl = self.download_menu.addAction(self.tr("STL…"))
        self.download_stl.triggered.connect(lambda: self.on_download_derived("stl"))
        self.download_menu.aboutToShow.connect(self._offer_downloads)
        self.download_button.setMenu(self.download_menu)
        actions.addWidget(self.download_button)
        self.variant_button = QtWidgets.QPushButton(self.tr("Generate variant…"))
        self.variant_button.setToolTip(self.tr("A family member with other spreadsheet values"))
        self.variant_button.clicked.connect(lambda: cad_variant.start(self))
        actions.addWidget(self.variant_button)
        self.open_button = QtWidgets.QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open this version in FreeCAD"))
        self.open_button.clicked.connect(self.on_open)
        self.open_button.setVisible(host is not None)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        self.body.addLayout(actions)

        transfer = QtWidgets.QHBoxLayout()
        self.transfer = QtWidgets.QProgressBar()
        self.transfer.setRange(0, 100)
        self.transfer.setFormat("%p %")
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.on_cancel)
        transfer.addWidget(self.transfer, 1)
        transfer.addWidget(self.cancel_button)
        self.transfer_row = QtWidgets.QWidget()
        self.transfer_row.setLayout(transfer)
        self.transfer_row.hide()
        self.body.addWidget(self.transfer_row)

        self._debounce = QtCore.QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        for combo in (self.type_filter, self.format_filter, self.age_filter):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.mine.toggled.connect(lambda _on: self.reload())
        self.tree.itemExpanded.connect(self._expanded)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda item, _old: self._selected(item))
        self._update_buttons()

    # -- helpers ---------------------------------------------------------------------------
    @property
    def user(self):
        return self.workspace.user

    def _filters(self) -> dict[str, Any]:
        days = AGES[self.age_filter.currentData()]
        return {
            "search": self.search.text().strip() or None,
            "model_type": self.type_filter.currentData(),
            "file_format": self.format_filter.currentData(),
            "owner": self.user.email if self.mine.isChecked() else None,
            "since": dt.datetime.now(dt.UTC) - dt.timedelta(days=days) if days else None,
        }

    def _filtering(self) -> bool:
        values = self._filters()
        return any(values[key] for key in values)

    def _run(self, work, done, generation: int | None = None):
        """Run ``work(session)`` as the user; drop the answer if a newer load started."""
        database = self.user.db
        expected = self._generation if generation is None else generation

        def task(_report):
            with database.session() as session:
                return work(session)

        def finished(result):
            if expected == self._generation:
                self.set_busy(False)
                done(result)

        self.set_busy(True)
        run_task(self, task, finished, self.show_error)

    def _model_item(self, row: models.ModelRow, kind: str = "model") -> QtWidgets.QTreeWidgetItem:
        zone = self.user.timezone if self.user else None
        item = QtWidgets.QTreeWidgetItem(
            [row.name, str(row.version), row.file_format, human_size(row.file_size),
             row.owner_email or "", timefmt.short(row.created_at, zone)]
        )  # fmt: skip
        item.setData(0, ROLE, (kind, row))
        if kind == "model" and row.version > 1:
            QtWidgets.QTreeWidgetItem(item, ["…"])  # versions load when expanded
        return item

    def _more_item(self, parent, project_id, cursor) -> QtWidgets.QTreeWidgetItem:
        item = QtWidgets.QTreeWidgetItem([self.tr("Load more…")])
        item.setData(0, ROLE, ("more", (project_id, cursor)))
        item.setForeground(0, QtGui.QColor("#3465a4"))
        (parent.addChild if parent is not None else self.tree.addTopLevelItem)(item)
        return item

    def selected_row(self) -> models.ModelRow | None:
        item = self.tree.currentItem()
        data = item.data(0, ROLE) if item is not None else None
        return data[1] if data and data[0] in ("model", "version") else None

    def _update_buttons(self) -> None:
        has_row = self.selected_row() is not None
        busy = self._task is not None
        can_write = self.user is not None and self.user.role in ("admin", "engineer")
        self.download_button.setEnabled(has_row and not busy)
        self.open_button.setEnabled(has_row and not busy)
        self.upload_button.setEnabled(can_write and not busy)
        self.upload_document_button.setEnabled(can_write and not busy)
        self.variant_button.setEnabled(
            can_write and not busy and cad_variant.can_generate(self.selected_row())
        )

    # -- across a change of language ------------------------------------------------------
    def state(self) -> dict:
        return {
            "search": self.search.text(),
            "filters": [c.currentIndex() for c in (self.type_filter, self.format_filter,
                                                   self.age_filter)],
            "mine": self.mine.isChecked(),
        }  # fmt: skip

    def restore(self, state: dict) -> None:
        for widget in (self.search, self.type_filter, self.format_filter, self.age_filter,
                       self.mine):  # fmt: skip
            widget.blockSignals(True)
        self.search.setText(state.get("search", ""))
        for combo, index in zip((self.type_filter, self.format_filter, self.age_filter),
                                state.get("filters", []), strict=False):  # fmt: skip
            combo.setCurrentIndex(index)
        self.mine.setChecked(state.get("mine", False))
        for widget in (self.search, self.type_filter, self.format_filter, self.age_filter,
                       self.mine):  # fmt: skip
            widget.blockSignals(False)

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.can_load():
            return
        self._generation += 1
        generation = self._generation
        self.tree.clear()
        self._selected(None)
        if self._filtering():
            filters, actor = self._filters(), self.user.actor
            self._run(
                lambda s: models.list_models(s, actor, limit=PAGE, **filters),
                lambda page: self._show_page(None, None, page),
                generation,
            )
        else:
            self._run(lambda s: projects.list_projects(s), self._show_projects, generation)
        self._update_buttons()

    def _show_projects(self, summaries) -> None:
        if not summaries:
            item = QtWidgets.QTreeWidgetItem(
                [self.tr("No projects yet. Upload a model to start one.")]
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(item)
            return
        for summary in summaries:
            item = QtWidgets.QTreeWidgetItem(
                [summary.name, "", "", self._count(summary.model_count),
                 summary.owner_email, timefmt.short(summary.updated_at, self.user.timezone)]
            )  # fmt: skip
            item.setData(0, ROLE, ("project", summary.id))
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            if summary.model_count:
                QtWidgets.QTreeWidgetItem(item, ["…"])
            self.tree.addTopLevelItem(item)

    def _count(self, n: int) -> str:
        return self.tr("1 model") if n == 1 else self.tr("{n} models").format(n=n)

    def _show_page(self, parent, project_id, page: models.Page) -> None:
        target = parent.addChild if parent is not None else self.tree.addTopLevelItem
        for row in page.rows:
            target(self._model_item(row))
        if page.next_cursor:
            self._more_item(parent, project_id, page.next_cursor)
        if parent is None and not page.rows:
            item = QtWidgets.QTreeWidgetItem([self.tr("Nothing matches.")])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(item)

    def _expanded(self, item) -> None:
        data = item.data(0, ROLE)
        if not data or item.childCount() != 1 or item.child(0).data(0, ROLE) is not None:
            return  # loaded already
        item.takeChildren()
        kind, value = data
        actor = self.user.actor
        if kind == "project":
            self._run(
                lambda s: models.list_models(s, actor, project_id=value, limit=PAGE),
                lambda page: self._show_page(item, value, page),
            )
        elif kind == "model":
            self._run(
                lambda s: models.versions(s, actor, value.id)[1:],  # the first is the model
                lambda rows: [item.addChild(self._model_item(row, "version")) for row in rows],
            )

    def _activated(self, item) -> None:
        data = item.data(0, ROLE)
        if not data or data[0] != "more":
            return
        project_id, cursor = data[1]
        parent = item.parent()
        if parent is not None:
            parent.removeChild(item)
        else:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        actor = self.user.actor
        filters = self._filters() if project_id is None else {"project_id": project_id}
        self._run(
            lambda s: models.list_models(s, actor, after=cursor, limit=PAGE, **filters),
            lambda page: self._show_page(parent, project_id, page),
        )

    def _selected(self, item) -> None:
        self._update_buttons()
        row = self.selected_row()
        self.thumbnail.clear()
        self.sync.clear()
        if row is None:
            self.details.setText(self.tr("Select a model to see its details."))
            return
        self.details.setText(self._describe(row))
        if model_preview.is_pending(row.metadata):  # a job draws big meshes after the upload
            self.thumbnail.setText(self.tr("picture\npending…"))
            self._show_sync()
            return
        if model_preview.failure(row.metadata) is not None:
            self.thumbnail.setText(self.tr("no picture:\nthe job failed"))
            self._show_sync()
            return
        store = self.workspace.context.store
        run_task(
            self, lambda _r: models.thumbnail_png(store, row), self._show_thumbnail, lambda _e: None
        )
        self._show_sync()

    def _describe(self, row: models.ModelRow) -> str:
        meta = row.metadata
        lines = [
            f"<b>{row.name}</b> — " + self.tr("version {v}").format(v=row.version),
            f"{term('ModelTypes', row.type)}, {row.file_format}, {human_size(row.file_size)}",
            self.tr("by {owner}, {when}").format(
                owner=row.owner_email or "?", when=timefmt.short(row.created_at, self.user.timezone)
            ),
        ]
        failure = model_preview.failure(meta)
        if model_preview.is_pending(meta):
            lines.append(self.tr("Size: pending (a job measures the mesh)"))
        elif failure is not None:
            lines.append(
                self.tr("Measuring the mesh failed: {reason}").format(reason=html.escape(failure))
            )
        if "size_mm" in meta:
            x, y, z = meta["size_mm"]
            x, y, z = (_as_written(value) for value in (x, y, z))
            lines.append(self.tr("Size: {x} × {y} × {z} mm").format(x=x, y=y, z=z))
        if "volume_mm3" in meta:
            volume = localefmt.number(meta["volume_mm3"], 0)
            lines.append(self.tr("Volume: {v} mm³").format(v=volume))
        if meta.get("freecad_version"):
            lines.append(f"FreeCAD {meta['freecad_version']}")
        lines.extend(cad_variant.describe(row))  # parameters, family, derived files
        lines.append(f"<span style='color:#888a85'>SHA-256 {row.sha256[:16]}…</span>")
        return "<br>".join(lines)

    def _show_thumbnail(self, png: bytes | None) -> None:
        if not png:
            self.thumbnail.setText(self.tr("no picture"))
            return
        pixmap = QtGui.QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.thumbnail.setPixmap(
            pixmap.scaled(
                124,
                124,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _show_sync(self) -> None:
        """The open document's state against the server, where FreeCAD has one open."""
        if self.host is None:
            return
        path = self.host.document_path()
        if path is None:
            return
        copies = LocalCopies(self.workspace.context.settings.data_dir)

        def done(status):
            colour = SYNC_COLOURS.get(status.state, "#555753")
            self.sync.setText(
                f"<span style='color:{colour}'>●</span> " + self.tr("Open document: ")
                + status.message
            )  # fmt: skip

        self._run(lambda s: copies.status(s, path), done)

    # -- transfers ------------------------------------------------------------------------
    def _start_transfer(self, work, done, label: str) -> None:
        self.transfer_row.show()
        self.transfer.setValue(0)
        self.transfer.setFormat(label + " %p %")

        def progress(percent, _text):
            self.transfer.setValue(percent)

        def finished(result):
            self._task = None
            self.transfer_row.hide()
            self._update_buttons()
            done(result)

        def failed(exc):
            self._task = None
            self.transfer_row.hide()
            self._update_buttons()
            if isinstance(exc, Cancelled):
                self.banner.show_message(self.tr("Cancelled; nothing was stored."), "warning")
            else:
                self.show_error(exc)

        self._task = run_task(self, work, finished, failed, progress)
        self._update_buttons()

    @staticmethod
    def _percent(report):
        return lambda done, total: report(int(100 * done / total) if total else 0, "")

    def on_cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _ask_upload(self, name: str, for_document: bool) -> UploadDialog | None:
        row = self.selected_row()
        project = ""
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is not None and item.data(0, ROLE) and item.data(0, ROLE)[0] == "project":
            project = item.text(0)
        names = [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())
                 if (self.tree.topLevelItem(i).data(0, ROLE) or ("",))[0] == "project"]  # fmt: skip
        dialog = UploadDialog(names, project, row.name if row else name, for_document, self)
        if exec_(dialog) != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        return dialog

    def choose_upload_file(self) -> str:
        path, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Upload model"), "", self.tr("Models (*.FCStd *.step *.stp *.stl)")
        )
        return path

    def on_upload_file(self) -> None:
        path = self.choose_upload_file()
        if not path:
            return
        dialog = self._ask_upload(Path(path).stem, for_document=False)
        if dialog is not None:
            self.upload(Path(path), dialog.project.currentText(), dialog.name.text(),
                        dialog.kind.currentData())  # fmt: skip

    def upload(self, path: Path, project: str, name: str, kind: str = "part",
               document=None) -> None:  # fmt: skip
        user, store = self.user, self.workspace.context.store
        copies = LocalCopies(self.workspace.context.settings.data_dir)
        percent = self._percent

        def work(report):
            results = [
                models.upload_model(
                    user.db, store, user.actor, path, project, name=name, model_type=kind,
                    extra_metadata=document.metadata if document else None,
                    thumbnail_png=document.thumbnail_png if document else None,
                    progress=percent(report),
                )
            ]  # fmt: skip
            copies.remember(path, results[0].model_id, results[0].sha256)
            for export in document.exports if document else []:
                suffix = "STEP" if export.suffix.lower() in (".step", ".stp") else "STL"
                results.append(
                    models.upload_model(user.db, store, user.actor, export, project,
                                        name=f"{name} ({suffix})", progress=percent(report))
                )  # fmt: skip
            return results

        def done(results):
            self.banner.show_message(" ".join(r.message for r in results), "success")
            self.reload()

        self._start_transfer(work, done, self.tr("Uploading"))

    def on_upload_document(self) -> None:
        document_path = self.host.document_path()
        dialog = self._ask_upload(document_path.stem if document_path else "", for_document=True)
        if dialog is None:
            return
        try:
            document = self.host.active_document(dialog.exports())  # on the GUI thread
        except Exception as exc:
            self.show_error(exc)
            return
        name = dialog.name.text() or document.label
        self.upload(
            document.path, dialog.project.currentText(), name, dialog.kind.currentData(), document
        )

    def choose_download_file(self, row) -> str:
        suggested = f"{row.name}_v{row.version}{Path(row.s3_key).suffix}"
        path, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Download model"), suggested
        )
        return path

    def on_download(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        target = self.choose_download_file(row)
        if target:
            self._download(row, Path(target), open_after=False)

    def _offer_downloads(self) -> None:
        """STEP and STL are offered once a worker has derived them from this version."""
        row = self.selected_row()
        derived = (row.metadata.get("derived") or {}) if row is not None else {}
        self.download_original.setText(
            self.tr("As uploaded ({format})…").format(format=row.file_format if row else "")
        )
        for kind, action in (("step", self.download_step), ("stl", self.download_stl)):
            action.setEnabled(kind in derived)
            if kind in derived:
                action.setToolTip("")
            elif row is not None and kind == "step" and row.file_format.lower() == "stl":
                action.setToolTip(self.tr("A mesh has no exact geometry to write as STEP."))
            else:
                action.setToolTip(self.tr("Not derived yet: a worker makes it after the upload."))
        self.download_menu.setToolTipsVisible(True)

    def choose_derived_file(self, row, kind: str) -> str:
        suggested = f"{row.name}_v{row.version}.{kind}"
        path, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Download model"), suggested
        )
        return path

    def on_download_derived(self, kind: str) -> None:
        row = self.selected_row()
        if row is None:
            return
        target = self.choose_derived_file(row, kind)
        if not target:
            return
        user, store = self.workspace.user, self.workspace.context.store
        percent = self._percent

        def work(report):
            with user.db.session() as session:
                found = cad.derived_file(session, user.actor, row.id, kind)
            return cad.download_derived(store, found, Path(target), percent(report))

        def done(path):
            self.banner.show_message(
                self.tr("Saved {path} (SHA-256 verified).").format(path=path), "success"
            )

        self._start_transfer(work, done, self.tr("Downloading"))

    def working_copy(self, row) -> Path:
        return working_copy_path(
            self.workspace.context.settings.data_dir, row.name, row.version, Path(row.s3_key).suffix
        )

    def on_open(self) -> None:
        row = self.selected_row()
        if row is not None and self.host is not None:
            self._download(row, self.working_copy(row), open_after=True)

    def _download(self, row, target: Path, open_after: bool) -> None:
        store = self.workspace.context.store
        copies = LocalCopies(self.workspace.context.settings.data_dir)
        percent = self._percent

        def work(report):
            models.download_model(store, row, target, percent(report))
            copies.remember(target, row.id, row.sha256)
            return target

        def done(path):
            self.banner.show_message(
                self.tr("Saved {path} (SHA-256 verified).").format(path=path), "success"
            )
            if open_after:
                self.host.open_document(path)
                self._show_sync()

        self._start_transfer(work, done, self.tr("Downloading"))
