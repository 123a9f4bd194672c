"""The CAM Setup panel's Cost tab: what the part costs to make on the machine and in the
material picked now (:mod:`cncworkbench.services.machining.quotes`), from the program generated in
FreeCAD or the setup's latest CAM run; a quote PDF; an invoice draft for administrators."""

from __future__ import annotations

from pathlib import Path

from cncworkbench.core import costing, money
from cncworkbench.core.permissions import Permission, allowed
from cncworkbench.services.access import users
from cncworkbench.services.machining import quotes
from cncworkbench.ui import i18n
from cncworkbench.ui.qt import QtCore, QtGui, QtWidgets
from cncworkbench.ui.tasks import run_task
from cncworkbench.ui.widgets import fill_table, table

ROLE = QtCore.Qt.ItemDataRole.UserRole


class QuoteTab(QtWidgets.QWidget):
    def __init__(self, panel, parent=None):
        super().__init__(parent)
        self.panel = panel
        self.result: quotes.QuoteResult | None = None
        self._buyers_for: str | None = None  # whose buyer list is loaded
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)

        form = QtWidgets.QHBoxLayout()
        self.quantity = QtWidgets.QSpinBox()
        self.quantity.setRange(1, costing.MAX_QUANTITY)
        self.quantity.setValue(10)
        self.setup_minutes = QtWidgets.QSpinBox()
        self.setup_minutes.setRange(0, 24 * 60)
        self.setup_minutes.setValue(int(costing.DEFAULT_SETUP_MINUTES))
        self.setup_minutes.setSuffix(self.tr(" min"))
        self.currency = QtWidgets.QComboBox()
        self.currency.addItems(list(costing.CURRENCIES))
        self.rate = QtWidgets.QLineEdit()
        self.rate.setPlaceholderText(self.tr("TRY per unit"))
        self.rate.setEnabled(False)
        for label, widget in (
            (self.tr("Quantity:"), self.quantity),
            (self.tr("Setup:"), self.setup_minutes),
            (self.tr("Currency:"), self.currency),
            (self.tr("Rate:"), self.rate),
        ):
            form.addWidget(QtWidgets.QLabel(label))
            form.addWidget(widget)
        form.addStretch(1)
        self.source = QtWidgets.QLabel()
        self.source.setWordWrap(True)
        self.lines = table([self.tr("Cost"), self.tr("How"), self.tr("Amount")])
        self.totals = QtWidgets.QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(QtCore.Qt.TextFormat.RichText)
        buttons = QtWidgets.QHBoxLayout()
        self.pdf_button = QtWidgets.QPushButton(self.tr("Quote PDF…"))
        # A commercial offer: in the language spoken here, or the customer's.
        self.pdf_language = QtWidgets.QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.pdf_language.addItem(name, code)
        self.pdf_language.setCurrentIndex(max(0, self.pdf_language.findData(i18n.current())))
        self.pdf_language.setToolTip(self.tr("Language of the quote PDF"))
        self.buyer = QtWidgets.QComboBox()
        self.invoice_button = QtWidgets.QPushButton(self.tr("Invoice draft"))
        self.invoice_button.setToolTip(self.tr("Turn the quote into an invoice draft's line"))
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.pdf_language)
        buttons.addStretch(1)
        buttons.addWidget(self.buyer)
        buttons.addWidget(self.invoice_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.source)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.totals)
        layout.addLayout(buttons)

        self.quantity.valueChanged.connect(self.later)
        self.setup_minutes.valueChanged.connect(self.later)
        self.currency.currentIndexChanged.connect(self._currency_changed)
        self.rate.textChanged.connect(self.later)
        self.pdf_button.clicked.connect(self._ask_pdf_path)
        self.invoice_button.clicked.connect(self.draft_invoice)
        self._show(None)

    def later(self, *_args) -> None:
        """Recompute shortly (the setup or the request changed)."""
        self._timer.start()

    def _currency_changed(self) -> None:
        self.rate.setEnabled(self.currency.currentText() != costing.SHOP_CURRENCY)
        self.later()

    # -- computing -------------------------------------------------------------------------
    def refresh(self) -> None:
        panel = self.panel
        user = panel.workspace.user
        if user is None:
            return
        machine, material = panel.selected(panel.machines), panel.selected(panel.materials)
        generated, plan, setup_id = panel.generated, panel.plan, panel.setup_id
        request = (
            self.quantity.value(), self.currency.currentText(),
            self.rate.text().strip().replace(",", ".") or None, self.setup_minutes.value(),
        )  # fmt: skip
        stock = panel.stock_box().size if generated is not None else None
        model = panel.model_row()
        part = model.name if model is not None else ""
        may_invoice = allowed(user.role, Permission.BILLING_MANAGE) and allowed(
            user.role, Permission.USER_MANAGE
        )

        if self._buyers_for != user.email:  # another login: its own rights, its own list
            self.buyer.clear()
            self._buyers_for = user.email
        need_buyers = may_invoice and self.buyer.count() == 0  # the list once, not per change

        def work(_report):
            with user.db.session() as session:
                buyers = users.list_users(session, user.actor) if need_buyers else None
                if machine is None or material is None:
                    return None, buyers, self.tr("Pick a machine and a material.")
                quantity, currency, rate, minutes = request
                if generated is not None and plan is not None:
                    times = quotes.ProgramTimes.of_program(plan, generated)
                    inputs = quotes.cost_inputs(
                        session, times, machine["id"], material["id"], stock, minutes
                    )
                    source, run_id = self.tr("From the program generated here."), None
                else:
                    run = quotes.latest_run(session, setup_id) if setup_id else None
                    if run is None:
                        return (
                            None,
                            buyers,
                            self.tr(
                                "No program yet: generate G-code or run the setup on a worker."
                            ),
                        )
                    inputs = quotes.run_inputs(session, run, minutes, machine["id"], material["id"])
                    source, run_id = self.tr("From CAM run #{run}.").format(run=run.id), run.id
                quote = costing.compute(inputs, quantity, currency, rate)
                return quotes.QuoteResult(run_id or 0, part, quote, inputs), buyers, source

        run_task(self, work, self._computed, self._failed)

    def _computed(self, answer) -> None:
        result, buyers, source = answer
        if buyers is not None:
            for person in buyers:
                if person.company_name or person.tax_no:
                    self.buyer.addItem(person.company_name or person.email, person.id)
        invoicing = self.buyer.count() > 0
        self.buyer.setVisible(invoicing)
        self.invoice_button.setVisible(invoicing)
        self.source.setText(source)
        self._show(result)

    def _failed(self, exc) -> None:
        self._show(None)
        self.source.setText(str(exc))

    def _show(self, result: quotes.QuoteResult | None) -> None:
        self.result = result
        if result is None:
            fill_table(self.lines, [])
            self.totals.setText("")
            self.pdf_button.setEnabled(False)
            self.pdf_language.setEnabled(False)
            self.invoice_button.setEnabled(False)
            return
        quote = result.quote
        fill_table(self.lines, [
            [line.label, line.basis, money.shown_amount(line.amount, quote.currency)]
            for line in quote.lines
        ])  # fmt: skip
        for row in range(self.lines.rowCount()):
            self.lines.item(row, 2).setTextAlignment(
                QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
            )
        if quote.missing:
            self.totals.setText(
                "<span style='color:#a40000'><b>"
                + self.tr("Missing, so no total:")
                + "</b> "
                + "; ".join(quote.missing)
                + "</span>"
            )
        else:
            self.totals.setText(
                self.tr("<b>Per part: {part}</b> · batch of {n}: {batch}").format(
                    part=money.shown_amount(quote.per_part, quote.currency),
                    n=quote.quantity,
                    batch=money.shown_amount(quote.batch_total, quote.currency),
                )
            )
        self.pdf_button.setEnabled(True)
        self.pdf_language.setEnabled(True)
        self.invoice_button.setEnabled(quote.complete and self.buyer.count() > 0)

    # -- outputs ---------------------------------------------------------------------------
    def _ask_pdf_path(self) -> None:
        name = "teklif.pdf" if self.pdf_language.currentData() == "tr" else "quote.pdf"
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Save the quote"), name, self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Draw the quote shown into ``path`` in the language picked beside the button."""
        result, who = self.result, self.panel.workspace.user.email
        language = self.pdf_language.currentData()

        def done(_none) -> None:
            self.panel.banner.show_message(self.tr("Quote saved: {path}").format(path=path), "info")
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))

        run_task(
            self,
            lambda _r: quotes.render_quote_pdf(result, path, who, language),
            done,
            self._failed,
        )

    def draft_invoice(self) -> None:
        user, result, buyer = self.panel.workspace.user, self.result, self.buyer.currentData()

        def work(_report):
            with user.db.session() as session:
                return quotes.draft_invoice(session, user.actor, result, buyer)

        def done(invoice_id) -> None:
            self.panel.banner.show_message(
                self.tr("Invoice draft #{id} created; issue it under Settings → Invoices.").format(
                    id=invoice_id
                ),
                "success",
            )

        run_task(self, work, done, lambda exc: self.panel.banner.show_message(str(exc), "error"))
