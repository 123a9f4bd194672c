""" "Generate variant…": a member of a part family from the Projects & Models panel.

The form is built from the spreadsheet parameters (cells with an alias) that the
``cad_generate`` derive job stored in the model's metadata, so it opens at once, without
FreeCAD. Only the values the engineer changes are sent; the job (in a worker) sets them,
recomputes, checks the solid and stores the variant as a new model in the same project.
"""

from __future__ import annotations

from cncworkbench.services.pdm import cad
from cncworkbench.ui.i18n import translate
from cncworkbench.ui.qt import QtWidgets, exec_
from cncworkbench.ui.tasks import run_task

LIMIT = 1_000_000.0


def can_generate(row) -> bool:
    """A version that can make variants: an FCStd whose derive found parameters."""
    return row is not None and row.file_format == "FCStd" and bool(cad.parameters_of(row.metadata))


class VariantDialog(QtWidgets.QDialog):
    """One field per parameter, filled with the model's values; a name for the variant."""

    def __init__(self, row, parent=None):
        super().__init__(parent)
        self.row = row
        self.parameters = cad.parameters_of(row.metadata)
        self.setWindowTitle(self.tr("Generate variant"))
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(
            self.tr(
                "<b>{name}</b> (version {version}) is driven by a spreadsheet. FreeCAD sets "
                "the values you change, recomputes the part, checks that it is still a valid "
                "solid and stores it as a new model in the same project."
            ).format(name=_escape(row.name), version=row.version)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QtWidgets.QFormLayout()
        self.fields: dict[str, QtWidgets.QWidget] = {}
        for parameter in self.parameters:
            widget = self._field(parameter)
            where = f"{parameter.sheet} {parameter.cell}".strip()
            widget.setToolTip(
                self.tr("Spreadsheet cell {where}, now {value}").format(
                    where=where, value=parameter.shown
                )
            )
            label = parameter.alias
            if parameter.label and parameter.label != parameter.alias:
                label = f"{parameter.alias} ({parameter.label})"
            form.addRow(label + ":", widget)
            self.fields[parameter.alias] = widget
        self.name = QtWidgets.QLineEdit()
        self.name.setMaxLength(255)
        form.addRow(self.tr("New model:"), self.name)
        layout.addLayout(form)
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #555753")
        layout.addWidget(self.summary)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Generate"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._update()

    def _field(self, parameter: cad.Parameter) -> QtWidgets.QWidget:
        if parameter.kind == "integer" and isinstance(parameter.value, int):
            spin = QtWidgets.QSpinBox()
            spin.setRange(-1_000_000, 1_000_000)
            spin.setValue(parameter.value)
            spin.valueChanged.connect(lambda _v: self._update())
            return spin
        if parameter.is_number:
            spin = QtWidgets.QDoubleSpinBox()
            digits = len(f"{float(parameter.value):.6g}".partition(".")[2])
            spin.setDecimals(min(max(digits, 2), 6))
            spin.setRange(-LIMIT, LIMIT)
            spin.setValue(float(parameter.value))
            if parameter.unit:
                spin.setSuffix(f" {parameter.unit}")
            spin.valueChanged.connect(lambda _v: self._update())
            return spin
        line = QtWidgets.QLineEdit(str(parameter.value))
        line.textChanged.connect(lambda _t: self._update())
        return line

    def set_value(self, alias: str, value) -> None:
        widget = self.fields[alias]
        if isinstance(widget, QtWidgets.QLineEdit):
            widget.setText(str(value))
        else:
            widget.setValue(value)

    def values(self) -> dict[str, str]:
        """The changed parameters as cell contents ("120 mm", "6")."""
        changed: dict[str, str] = {}
        for parameter in self.parameters:
            widget = self.fields[parameter.alias]
            if isinstance(widget, QtWidgets.QLineEdit):
                text = widget.text().strip()
                if text != str(parameter.value):
                    changed[parameter.alias] = text
                continue
            value = widget.value()
            if abs(float(value) - float(parameter.value)) < 1e-9:
                continue
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            changed[parameter.alias] = f"{shown} {parameter.unit}".strip()
        return changed

    def variant_name(self) -> str:
        changed = self.values()
        return self.name.text().strip() or (
            cad.variant_name(self.row.name, changed) if changed else ""
        )

    def _update(self) -> None:
        changed = self.values()
        self.name.setPlaceholderText(cad.variant_name(self.row.name, changed) if changed else "")
        self.ok_button.setEnabled(bool(changed))
        self.summary.setText(
            self.tr("Change at least one value.")
            if not changed
            else self.tr("Will set {values}.").format(
                values=", ".join(f"{k} = {v}" for k, v in changed.items())
            )
        )


def start(panel) -> None:
    """The browser's "Generate variant…" button: ask, then queue the job."""
    row = panel.selected_row()
    if not can_generate(row):
        panel.banner.show_message(
            translate(
                "VariantDialog",
                "Pick an FCStd model whose spreadsheet has parameters (cells with an alias); "
                "an upload lists them within a minute.",
            ),
            "warning",
        )
        return
    dialog = VariantDialog(row, panel)
    if exec_(dialog) != QtWidgets.QDialog.DialogCode.Accepted:
        return
    submit(panel, row, dialog.values(), dialog.name.text().strip() or None)


def submit(panel, row, values: dict[str, str], name: str | None = None) -> None:
    """Queue the variant job off the Qt thread; the banner says where to follow it."""
    user = panel.workspace.user

    def work(_report):
        with user.db.session() as session:
            return cad.submit_variant(session, user.actor, row.id, values, name)

    def queued(job_id: int) -> None:
        panel.set_busy(False)
        panel.workspace.ensure_worker()
        panel.banner.show_message(
            translate(
                "VariantDialog",
                "Variant job #{id} queued: the new model appears in this project when it is "
                "done (follow it in the Jobs panel).",
            ).format(id=job_id),
            "info",
        )

    panel.set_busy(True)
    run_task(panel, work, queued, panel.show_error)


def describe(row) -> list[str]:
    """Lines for the browser's details: parameters, family, derived files."""
    meta = row.metadata or {}
    lines = []
    parameters = cad.parameters_of(meta)
    if parameters:
        shown = ", ".join(f"{p.alias} {p.shown}" for p in parameters[:8])
        more = "…" if len(parameters) > 8 else ""
        lines.append(
            translate("VariantDialog", "Parameters: {values}").format(values=_escape(shown) + more)
        )
    family = meta.get("family") or {}
    if family.get("source_model_id"):
        chosen = family.get("set") or {}
        order = [p.alias for p in parameters if p.alias in chosen]  # the sheet's order
        order += [alias for alias in chosen if alias not in order]
        values = ", ".join(f"{alias}={chosen[alias]}" for alias in order)
        lines.append(
            translate("VariantDialog", "Variant of {name} v{version} ({values})").format(
                name=_escape(str(family.get("source_name", ""))),
                version=family.get("source_version", "?"),
                values=_escape(values),
            )
        )
    derived = meta.get("derived") or {}
    files = [label for key, label in (("step", "STEP"), ("stl", "STL")) if key in derived]
    if files:
        lines.append(
            translate("VariantDialog", "Derived files: {files}").format(files=", ".join(files))
        )
    return lines


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
