"""The invoice, a Turkish tax document (:func:`render_invoice`)."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from cncworkbench.core import localefmt, money, timefmt
from cncworkbench.ui.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.ui.qt import Qt, QtCore, QtGui
from cncworkbench.ui.reports.page import (
    _ALIGN_LEFT,
    _ALIGN_RIGHT,
    _CAUTION,
    _ERROR,
    _INK,
    _MUTED,
    _PASSED,
    _RULE,
    _WRAP,
    InvoiceError,
    ReportError,
    _colour,
    _Column,
    _DocumentReport,
    _Flow,
    _key,
    _list,
    _member,
    _object,
    _render,
    _text,
    _whole,
)

# --------------------------------------------------------------------------- invoice input

# GİB's 16-character form: a 3-character prefix, the year, a 9-digit serial number.
_INVOICE_NUMBER = re.compile(r"^[A-Z0-9]{3}[0-9]{13}$")
_AMOUNT = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d{2}$")  # 1.234,56
_UNIT_PRICE = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d{2,4}$")  # 1.500,00 or 0,1234
_QUANTITY = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")  # 5, 1,5, 1000
_RATE = re.compile(r"^\d{1,3}(,\d{1,2})?$")  # 20, 0, 1,5
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_INVOICE_STATUSES = ("draft", "sent", "paid", "overdue", "cancelled")


@dataclass
class _Party:
    name: str
    tax_no: str
    tax_office: str
    address: str
    email: str
    phone: str
    iban: str


@dataclass
class _InvoiceLine:
    no: int
    description: str
    quantity: str
    unit: str
    unit_price: str
    tax_rate: str
    tax_amount: str
    amount: str


@dataclass
class _Invoice:
    draft: bool
    number: str  # empty on a draft
    status: str
    type: str
    issue_date: str
    issue_time: str
    due_date: str
    period: tuple[str, str] | None
    currency: str
    sign: str  # after every amount: TL, ₺, USD, EUR
    seller: _Party
    buyer: _Party
    lines: list[_InvoiceLine]
    subtotal: str
    tax_rate: str
    tax_amount: str
    total: str
    total_in_words: str
    notes: str
    paid_at: str


def _required_text(mapping: dict, key: str, where: str) -> str:
    text = _text(_member(mapping, key, where, required=True), _key(where, key)).strip()
    if not text:
        raise ReportError(f"missing key {_key(where, key)!r}")
    return text


def _formatted(
    mapping: dict, key: str, where: str, pattern: re.Pattern, example: str
) -> tuple[str, Decimal]:
    """A number as the invoice prints it (Turkish notation, not negative) and its value."""
    text = _required_text(mapping, key, where)
    if not pattern.match(text):
        raise ReportError(f"{_key(where, key)}: expected a number such as {example}, got {text!r}")
    if text.startswith("-"):
        raise ReportError(f"{_key(where, key)}: must not be negative, got {text!r}")
    return text, Decimal(text.replace(".", "").replace(",", "."))


def _day(mapping: dict, key: str, where: str, required: bool) -> str:
    text = _text(mapping.get(key), _key(where, key)).strip()
    if not text:
        if required:
            raise ReportError(f"missing key {_key(where, key)!r}")
        return ""
    try:
        dt.datetime.strptime(text, "%d.%m.%Y")
    except ValueError:
        raise ReportError(
            f"{_key(where, key)}: expected a date as DD.MM.YYYY, got {text!r}"
        ) from None
    return text


def _party(value: Any, where: str, tax_required: bool) -> _Party:
    party = _object(value, where, required=True)

    def text(key: str) -> str:
        return " ".join(_text(party.get(key), _key(where, key)).split())

    tax_no = text("tax_no").replace(" ", "")
    if tax_no and not (tax_no.isascii() and tax_no.isdigit() and len(tax_no) in (10, 11)):
        raise ReportError(
            f"{_key(where, 'tax_no')}: expected a VKN (10 digits) or a TCKN (11 digits), "
            f"got {tax_no!r}"
        )
    if tax_required and not tax_no:
        raise ReportError(f"missing key {_key(where, 'tax_no')!r}")
    address = _text(party.get("address"), _key(where, "address")).strip()
    return _Party(
        name=_required_text(party, "name", where),
        tax_no=tax_no,
        tax_office=text("tax_office"),
        address=address,
        email=text("email"),
        phone=text("phone"),
        iban=text("iban").replace(" ", "").upper(),
    )


def _parse_invoice(data: Any) -> _Invoice:
    """The invoice checked and in the shapes the renderer uses; ReportError otherwise.

    Amounts come formatted (``1.234,56``); they must not be negative, and the lines must
    add up to the subtotal and KDV, and those to the total, as :mod:`..core.money` makes
    them."""
    data = _object(data, "invoice", required=True)
    draft = data.get("draft", False)
    if not isinstance(draft, bool):
        raise ReportError(f"draft: expected true or false, got {draft!r}")
    number = _text(data.get("number"), "number").strip()
    if not number and not draft:
        raise ReportError("missing key 'number'")
    if number and not _INVOICE_NUMBER.match(number):
        raise ReportError(
            f"number: expected the 16-character GİB form such as CNC2026000000042, got {number!r}"
        )
    status = _text(data.get("status"), "status").strip() or ("draft" if draft else "sent")
    if status not in _INVOICE_STATUSES:
        raise ReportError(f"status: expected one of {', '.join(_INVOICE_STATUSES)}, got {status!r}")
    currency = _required_text(data, "currency", "")
    if currency not in money.CURRENCIES:
        raise ReportError(f"currency: expected {', '.join(money.CURRENCIES)}, got {currency!r}")
    sign = _text(data.get("currency_sign"), "currency_sign").strip()
    issue_time = _text(data.get("issue_time"), "issue_time").strip()
    if issue_time and not _CLOCK.match(issue_time):
        raise ReportError(f"issue_time: expected HH:MM, got {issue_time!r}")
    period = None
    if data.get("billing_period") is not None:
        span = _object(data["billing_period"], "billing_period")
        period = (
            _day(span, "start", "billing_period", required=True),
            _day(span, "end", "billing_period", required=True),
        )

    tax_rate = _required_text(data, "tax_rate", "")
    if not _RATE.match(tax_rate):
        raise ReportError(f"tax_rate: expected a percentage such as 20, got {tax_rate!r}")
    items = _list(_member(data, "lines", "", required=True), "lines")
    if not items:
        raise ReportError("lines: an invoice needs at least one line")
    lines, amounts, taxes = [], [], []
    for i, item in enumerate(items):
        where = _key("lines", i)
        item = _object(item, where, required=True)
        quantity, _ = _formatted(item, "quantity", where, _QUANTITY, "1,5")
        unit_price, _ = _formatted(item, "unit_price", where, _UNIT_PRICE, "1.500,00")
        amount, amount_value = _formatted(item, "amount", where, _AMOUNT, "1.234,56")
        tax, tax_value = _formatted(item, "tax_amount", where, _AMOUNT, "246,91")
        rate = _text(item.get("tax_rate"), _key(where, "tax_rate")).strip() or tax_rate
        if not _RATE.match(rate):
            raise ReportError(
                f"{_key(where, 'tax_rate')}: expected a percentage such as 20, got {rate!r}"
            )
        no = _whole(item.get("no"), _key(where, "no"))
        lines.append(
            _InvoiceLine(
                no=i + 1 if no is None else no,
                description=_required_text(item, "description", where),
                quantity=quantity,
                unit=" ".join(_text(item.get("unit"), _key(where, "unit")).split()),
                unit_price=unit_price,
                tax_rate=rate,
                tax_amount=tax,
                amount=amount,
            )
        )
        amounts.append(amount_value)
        taxes.append(tax_value)

    subtotal, subtotal_value = _formatted(data, "subtotal", "", _AMOUNT, "1.234,56")
    tax_amount, tax_value = _formatted(data, "tax_amount", "", _AMOUNT, "246,91")
    total, total_value = _formatted(data, "total", "", _AMOUNT, "1.481,47")
    if sum(amounts) != subtotal_value:
        raise ReportError(
            f"subtotal: {subtotal} is not the sum of the lines' amounts "
            f"({money.format_amount(sum(amounts))})"
        )
    if sum(taxes) != tax_value:
        raise ReportError(
            f"tax_amount: {tax_amount} is not the sum of the lines' KDV "
            f"({money.format_amount(sum(taxes))})"
        )
    if subtotal_value + tax_value != total_value:
        raise ReportError(
            f"total: {total} is not the subtotal plus KDV "
            f"({money.format_amount(subtotal_value + tax_value)})"
        )
    return _Invoice(
        draft=draft,
        number=number,
        status=status,
        type=_text(data.get("type"), "type").strip(),
        issue_date=_day(data, "issue_date", "", required=not draft),
        issue_time=issue_time,
        due_date=_day(data, "due_date", "", required=True),
        period=period,
        currency=currency,
        sign=sign or money.CURRENCY_SIGNS[currency],
        seller=_party(_member(data, "seller", "", required=True), "seller", tax_required=False),
        buyer=_party(_member(data, "buyer", "", required=True), "buyer", tax_required=not draft),
        lines=lines,
        subtotal=subtotal,
        tax_rate=tax_rate,
        tax_amount=tax_amount,
        total=total,
        total_in_words=_required_text(data, "total_in_words", ""),
        notes=_text(data.get("notes"), "notes").strip(),
        paid_at=_text(data.get("paid_at"), "paid_at").strip(),
    )


# --------------------------------------------------------------------------- invoice

_INVOICE_TYPE_LABELS = {
    "subscription": QT_TRANSLATE_NOOP("InvoicePdf", "Subscription"),
    "usage": QT_TRANSLATE_NOOP("InvoicePdf", "Usage fee"),
    "one_time": QT_TRANSLATE_NOOP("InvoicePdf", "One-time sale"),
}
_BOX_FILL = (243, 245, 248)
_HEADER_FILL = (226, 229, 234)  # as the tables' header row
_STAMP_DEGREES = -8.0


def _tax_text(tax_no: str) -> str:
    """``VKN: 4720918354`` (a company's tax number), ``TCKN: ...`` (a person's identity
    number); in English with what the abbreviation means."""
    if len(tax_no) == 11:
        return translate("InvoicePdf", "National ID no. (TCKN): {number}").format(number=tax_no)
    return translate("InvoicePdf", "Tax no. (VKN): {number}").format(number=tax_no)


def _phone_text(phone: str) -> str:
    """``+905321234567`` → ``+90 532 123 45 67``; anything else as it is."""
    match = re.fullmatch(r"\+90(\d{3})(\d{3})(\d{2})(\d{2})", phone)
    return "+90 " + " ".join(match.groups()) if match else phone


def _iban_text(iban: str) -> str:
    """In groups of four, as banks print it."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _date_text(text: str) -> str:
    """``25.11.2026 16:05`` or ``2026-11-25 16:05`` as the document's language writes
    dates: day first in Turkish, ``2026-11-25`` in English; anything else as it is."""
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(.*)", text)
    turkish = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})(.*)", text)
    if iso:
        year, month, day, rest = iso.groups()
    elif turkish:
        day, month, year, rest = turkish.groups()
    else:
        return text
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return text
    return date.strftime(timefmt.DATE_FORMATS.get(localefmt.current(), "%d.%m.%Y")) + rest


def _notation(text: str) -> str:
    """A number the data writes the Turkish way (``1.234,56``, ``1,5``) in the document's
    language (``1,234.56``, ``1.5`` in English)."""
    return text if localefmt.current() == "tr" else text.translate(str.maketrans(".,", ",."))


def _percent_text(rate: str) -> str:
    """``%20`` in Turkish, ``20%`` in English."""
    return f"%{rate}" if localefmt.current() == "tr" else f"{_notation(rate)}%"


def _joined(*parts: str) -> str:
    return "  ·  ".join(part for part in parts if part)


# Texts one under another: (offset from the top, height, text, font, colour).
Stack = list[tuple[float, float, str, QtGui.QFont, tuple[int, ...]]]


class _InvoiceRenderer(_DocumentReport):
    """The invoice, in Turkish (it is a Turkish tax document) or as an English copy for a
    foreign buyer, which says it translates the Turkish original: the seller and the
    invoice's details, the buyer (with a stamp when it is paid, cancelled or a draft), the
    lines, the totals and the amount in words, how to pay, the notes."""

    SIDE_MM = 80.0  # the right-hand column: title and details, stamp, totals

    def __init__(self, invoice: _Invoice, writer: QtGui.QPdfWriter):
        if invoice.number:
            name = translate("InvoicePdf", "Invoice {number}").format(number=invoice.number)
        else:
            name = translate("InvoicePdf", "Invoice draft")
        super().__init__(writer, timefmt.DEFAULT_ZONE, f"{name} · {invoice.buyer.name}")
        self.invoice = invoice
        self.side = self.mm(self.SIDE_MM)
        self.side_left = self.left + self.width - self.side
        self.main = self.width - self.side - self.mm(8)  # the left-hand column

    def page_text(self, number: int, count: int) -> str:
        return translate("InvoicePdf", "Page {number} / {count}").format(number=number, count=count)

    def sections(self, flow: _Flow) -> None:
        self._header(flow)
        self._translation_notice(flow)
        self._lines(flow)
        self._totals(flow)
        self._payment(flow)
        self._notes(flow)

    def amount(self, text: str) -> str:
        """``1.234,56 TL`` in Turkish; ``1,234.56 TRY`` in English, a symbol before it
        (``₺1,234.56``)."""
        sign = self.invoice.sign
        if self.language == "tr" or len(sign) > 1:
            return f"{_notation(text)} {sign}"
        return f"{sign}{_notation(text)}"

    def unit(self, unit: str) -> str:
        """The line's unit as entered; the program's own default "adet" in the document's
        language."""
        return translate("InvoicePdf", "pcs") if unit == "adet" else unit

    # ---- building blocks

    def _stack(self, width: float, rows: list[tuple[str, QtGui.QFont, tuple]]):
        """Texts (text, font, colour) one under another, wrapped into ``width``, empty
        ones left out: their height and the :data:`Stack`."""
        placed: Stack = []
        y = 0.0
        for text, font, colour in rows:
            if not text:
                continue
            text = self.breakable(font, width, text)
            height = self.text_height(font, width, text)
            placed.append((y, height, text, font, colour))
            y += height + self.mm(0.6)
        return (y - self.mm(0.6) if placed else 0.0), placed

    def _paint_stack(self, painter, x: float, top: float, width: float, placed: Stack) -> None:
        for y, height, text, font, colour in placed:
            rect = QtCore.QRectF(x, top + y, width, height)
            self.draw_text(painter, font, colour, rect, _ALIGN_LEFT | _WRAP, text)

    def _fields(self, width: float, label_width: float, rows: list[tuple[str, str, bool]]):
        """Labels and their values side by side, one pair a row: height and places."""
        label_font = self.font(8, True)
        placed = []
        y, gap = 0.0, self.mm(0.9)
        for label, value, strong in rows:
            font = self.font(8, strong)
            label = self.breakable(label_font, label_width - self.mm(1), label)
            value = self.breakable(font, width - label_width, value or "–")
            height = max(
                self.text_height(label_font, label_width - self.mm(1), label),
                self.text_height(font, width - label_width, value),
            )
            placed.append((y, height, label, value, font))
            y += height + gap
        return (y - gap if placed else 0.0), placed

    def _paint_fields(self, painter, x, top, width, label_width, placed) -> None:
        label_font = self.font(8, True)
        for y, height, label, value, font in placed:
            rect = QtCore.QRectF(x, top + y, label_width - self.mm(1), height)
            self.draw_text(painter, label_font, _MUTED, rect, _ALIGN_LEFT | _WRAP, label)
            rect = QtCore.QRectF(x + label_width, top + y, width - label_width, height)
            self.draw_text(painter, font, _INK, rect, _ALIGN_LEFT | _WRAP, value)

    def _paint_box(self, painter, rect: QtCore.QRectF, fill=None) -> None:
        painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.25)))
        painter.setBrush(_colour(fill) if fill else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, self.mm(1.2), self.mm(1.2))

    def _party_rows(self, party: _Party, caption: str, name_points: float):
        office = translate("InvoicePdf", "Tax office: {office}")
        phone = translate("InvoicePdf", "Phone: {phone}")
        email = translate("InvoicePdf", "E-mail: {email}")
        tax = _joined(
            office.format(office=party.tax_office) if party.tax_office else "",
            _tax_text(party.tax_no) if party.tax_no else "",
        )
        contact = _joined(
            phone.format(phone=_phone_text(party.phone)) if party.phone else "",
            email.format(email=party.email) if party.email else "",
        )
        text = self.font(8.5)
        return [
            (caption, self.font(7, True), _MUTED),
            (party.name, self.font(name_points, True), _INK),
            (party.address, text, _INK),
            (tax, text, _INK),
            (contact, text, _INK),
        ]

    # ---- the sections

    def _header(self, flow: _Flow) -> None:
        """On the left the seller and, framed, the buyer; on the right the title, the
        invoice's details and the stamp."""
        inv = self.invoice
        seller_rows = self._party_rows(inv.seller, translate("InvoicePdf", "SELLER"), 12)
        seller_height, seller = self._stack(self.main, seller_rows)
        pad = self.mm(3)
        buyer_rows = self._party_rows(inv.buyer, translate("InvoicePdf", "BILL TO"), 10.5)
        buyer_height, buyer = self._stack(self.main - 2 * pad, buyer_rows)
        buyer_top = seller_height + self.mm(6)
        buyer_box = buyer_height + 2 * pad

        title_font = self.font(22, True)
        title = translate("InvoicePdf", "INVOICE")
        title_height = self.line_height(title_font)
        rows = [
            (
                translate("InvoicePdf", "Invoice no."),
                inv.number or translate("InvoicePdf", "DRAFT"),
                True,
            ),
            (translate("InvoicePdf", "Invoice date"), _date_text(inv.issue_date), False),
        ]
        if inv.issue_time:
            rows.append((translate("InvoicePdf", "Issue time"), inv.issue_time, False))
        rows.append((translate("InvoicePdf", "Due date"), _date_text(inv.due_date), True))
        rows.append((translate("InvoicePdf", "Currency"), inv.currency, False))
        if inv.type:
            kind = _INVOICE_TYPE_LABELS.get(inv.type)
            kind = translate("InvoicePdf", kind) if kind else inv.type
            rows.append((translate("InvoicePdf", "Invoice type"), kind, False))
        if inv.period:
            period = f"{_date_text(inv.period[0])} – {_date_text(inv.period[1])}"
            rows.append((translate("InvoicePdf", "Service period"), period, False))
        inset, label_width = self.mm(2.5), self.mm(31)
        fields_height, fields = self._fields(self.side - 2 * inset, label_width, rows)
        details_top = title_height + self.mm(1)
        details_box = fields_height + 2 * inset
        side_height = details_top + details_box

        stamp = self._stamp()
        stamp_size = (0.0, 0.0)
        if stamp:
            stamp_size = self._stamp_size(*stamp[:2])
            turn = math.radians(abs(_STAMP_DEGREES))
            upright = stamp_size[0] * math.sin(turn) + stamp_size[1] * math.cos(turn)
            stamp_middle = side_height + self.mm(5) + upright / 2
            side_height += self.mm(5) + upright
        height = max(buyer_top + buyer_box, side_height)

        def paint(painter, top):
            self._paint_stack(painter, self.left, top, self.main, seller)
            box = QtCore.QRectF(self.left, top + buyer_top, self.main, buyer_box)
            self._paint_box(painter, box)
            self._paint_stack(
                painter, box.left() + pad, box.top() + pad, box.width() - 2 * pad, buyer
            )

            rect = QtCore.QRectF(self.side_left, top, self.side, title_height)
            self.draw_text(painter, title_font, _INK, rect, _ALIGN_RIGHT, title)
            box = QtCore.QRectF(self.side_left, top + details_top, self.side, details_box)
            self._paint_box(painter, box, _BOX_FILL)
            inner = box.adjusted(inset, inset, -inset, -inset)
            self._paint_fields(
                painter, inner.left(), inner.top(), inner.width(), label_width, fields
            )
            if stamp:
                centre = QtCore.QPointF(self.side_left + self.side / 2, top + stamp_middle)
                self._paint_stamp(painter, centre, *stamp_size, *stamp)

        flow.add(height + self.mm(6), paint)

    def _translation_notice(self, flow: _Flow) -> None:
        """On a copy in another language than Turkish: which invoice it translates, and
        that the Turkish original prevails (the tax document is the Turkish one)."""
        if self.language == "tr":
            return
        if self.invoice.number:
            text = translate(
                "InvoicePdf",
                "This is an English translation of Turkish invoice {number}; the Turkish "
                "original prevails.",
            ).format(number=self.invoice.number)
        else:
            text = translate(
                "InvoicePdf",
                "This is an English translation of a Turkish invoice draft; the Turkish "
                "original prevails.",
            )
        font, pad = self.font(8.5, True), self.mm(2.5)
        text = self.breakable(font, self.width - 2 * pad, text)
        height = self.text_height(font, self.width - 2 * pad, text) + 2 * pad

        def paint(painter, top):
            box = QtCore.QRectF(self.left, top, self.width, height)
            self._paint_box(painter, box, _BOX_FILL)
            inner = box.adjusted(pad, pad, -pad, -pad)
            self.draw_text(painter, font, _CAUTION, inner, _ALIGN_LEFT | _WRAP, text)

        flow.add(height + self.mm(4), paint)

    def _stamp(self) -> tuple[str, str, tuple[int, int, int]] | None:
        inv = self.invoice
        if inv.draft or inv.status == "draft":
            return (
                translate("InvoicePdf", "DRAFT"),
                translate("InvoicePdf", "Not a valid invoice"),
                _MUTED,
            )
        if inv.status == "paid":
            return translate("InvoicePdf", "PAID"), _date_text(inv.paid_at), _PASSED
        if inv.status == "cancelled":
            return translate("InvoicePdf", "CANCELLED"), "", _ERROR
        return None

    def _stamp_size(self, label: str, detail: str) -> tuple[float, float]:
        label_font, detail_font = self.font(20, True), self.font(8.5, True)
        width = self.metrics(label_font).horizontalAdvance(label)
        height = self.line_height(label_font) + self.mm(5)
        if detail:
            width = max(width, self.metrics(detail_font).horizontalAdvance(detail))
            height += self.line_height(detail_font)
        return min(width + self.mm(12), self.side - self.mm(6)), height

    def _paint_stamp(self, painter, centre, width, height, label, detail, colour) -> None:
        """A rubber stamp: two rounded frames, the word, and the date under it."""
        label_font, detail_font = self.font(20, True), self.font(8.5, True)
        ink = (*colour, 230)
        painter.save()
        painter.translate(centre)
        painter.rotate(_STAMP_DEGREES)
        frame = QtCore.QRectF(-width / 2, -height / 2, width, height)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QtGui.QPen(_colour(ink), self.mm(0.8)))
        painter.drawRoundedRect(frame, self.mm(2), self.mm(2))
        inset = self.mm(1.4)
        painter.setPen(QtGui.QPen(_colour(ink), self.mm(0.25)))
        painter.drawRoundedRect(
            frame.adjusted(inset, inset, -inset, -inset), self.mm(1), self.mm(1)
        )
        centred = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        label_height = self.line_height(label_font)
        rect = QtCore.QRectF(frame.left(), frame.top() + self.mm(2.5), width, label_height)
        self.draw_text(painter, label_font, ink, rect, centred, label)
        if detail:
            rect = QtCore.QRectF(frame.left(), rect.bottom(), width, self.line_height(detail_font))
            self.draw_text(painter, detail_font, ink, rect, centred, detail)
        painter.restore()

    def _lines(self, flow: _Flow) -> None:
        columns = [
            _Column(translate("InvoicePdf", "No."), 8, True),
            _Column(translate("InvoicePdf", "Description"), 55),
            _Column(translate("InvoicePdf", "Quantity"), 17, True),
            _Column(translate("InvoicePdf", "Unit price"), 22, True),
            _Column(translate("InvoicePdf", "VAT %"), 11, True),
            _Column(translate("InvoicePdf", "VAT amount"), 21, True),
            _Column(translate("InvoicePdf", "Amount"), 23, True),
        ]
        rows = [
            [
                str(line.no),
                line.description,
                f"{_notation(line.quantity)} {self.unit(line.unit)}".strip(),
                self.amount(line.unit_price),
                _percent_text(line.tax_rate),
                self.amount(line.tax_amount),
                self.amount(line.amount),
            ]
            for line in self.invoice.lines
        ]
        self._table(
            flow,
            translate("InvoicePdf", "Goods and services"),
            columns,
            rows,
            heading_size=9,
            continued=translate("InvoicePdf", "{title} (continued)"),
        )

    def _totals(self, flow: _Flow) -> None:
        """Subtotal, KDV and total on the right; the total in words on the left."""
        inv = self.invoice
        vat = translate("InvoicePdf", "VAT (KDV) {rate}").format(rate=_percent_text(inv.tax_rate))
        rows = [
            (translate("InvoicePdf", "Subtotal"), self.amount(inv.subtotal), self.font(8.5)),
            (vat, self.amount(inv.tax_amount), self.font(8.5)),
            (translate("InvoicePdf", "Grand total"), self.amount(inv.total), self.font(10, True)),
        ]
        pad_x, pad_y = self.mm(2.5), self.mm(1.4)
        heights = [self.line_height(font) + 2 * pad_y for _, _, font in rows]
        words_height, words = self._stack(
            self.main,
            [
                (translate("InvoicePdf", "Amount in words"), self.font(7, True), _MUTED),
                (inv.total_in_words, self.font(8.5, True), _INK),
            ],
        )
        height = max(sum(heights), words_height)

        def paint(painter, top):
            self._paint_stack(painter, self.left, top + self.mm(1), self.main, words)
            y = top
            for (label, value, font), row_height in zip(rows, heights, strict=True):
                rect = QtCore.QRectF(self.side_left, y, self.side, row_height)
                if font.bold():
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(_colour(_HEADER_FILL))
                    painter.drawRect(rect)
                inner = rect.adjusted(pad_x, pad_y, -pad_x, -pad_y)
                self.draw_text(painter, font, _INK, inner, _ALIGN_LEFT, label)
                self.draw_text(painter, font, _INK, inner, _ALIGN_RIGHT, value)
                y += row_height
                if y < top + sum(heights) - 1:
                    painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.15)))
                    painter.drawLine(
                        QtCore.QPointF(self.side_left, y),
                        QtCore.QPointF(self.side_left + self.side, y),
                    )
            painter.setPen(QtGui.QPen(_colour(_RULE), self.mm(0.25)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QtCore.QRectF(self.side_left, top, self.side, sum(heights)))

        flow.gap(self.mm(3))
        flow.add(height + self.mm(4), paint)

    def _payment(self, flow: _Flow) -> None:
        inv, seller = self.invoice, self.invoice.seller
        if inv.status == "cancelled":
            flow.gap(self.mm(2))
            cancelled = translate("InvoicePdf", "This invoice is cancelled; do not pay it.")
            self._paragraph(flow, cancelled, _ERROR, 9, True)
            return
        if inv.status == "paid":
            rows = [(translate("InvoicePdf", "Payment date"), _date_text(inv.paid_at), True)]
        else:
            rows = [(translate("InvoicePdf", "Due date"), _date_text(inv.due_date), True)]
        if seller.iban:
            rows.append(("IBAN", _iban_text(seller.iban), True))
            rows.append((translate("InvoicePdf", "Account name"), seller.name, False))
        if inv.number and inv.status != "paid":
            text = translate(
                "InvoicePdf", "Please write the invoice number ({number}) as the payment reference."
            ).format(number=inv.number)
            rows.append((translate("InvoicePdf", "Payment reference"), text, False))
        flow.gap(self.mm(2))
        self._heading(flow, translate("InvoicePdf", "Payment details"), self.mm(10), size=9)
        self._key_values(flow, [[row] for row in rows], label_mm=36.0)

    def _notes(self, flow: _Flow) -> None:
        notes = [line for line in self.invoice.notes.splitlines() if line.strip()]
        if not notes:
            return
        flow.gap(self.mm(2))
        self._heading(flow, translate("InvoicePdf", "Notes"), keep_with=self.mm(6), size=9)
        for line in notes:
            self._paragraph(flow, line)


def render_invoice(data: dict, pdf_path: str | Path) -> int:
    """Render the invoice ``data`` (as
    :func:`cncworkbench.services.commerce.billing.printable_invoice` gives it) as an A4 PDF at
    ``pdf_path``; the number of pages.

    As :func:`render_setup_sheet`: written whole or not at all, :class:`InvoiceError`
    for data it cannot render, needs (or creates) a QGuiApplication.
    """
    if isinstance(data, dict):  # a Turkish tax document: Turkish unless told otherwise
        data = {**data, "language": data.get("language") or "tr"}
    return _render(data, Path(pdf_path), _parse_invoice, _InvoiceRenderer, InvoiceError)
