"""ERP/MES exchange formats, pure: event payloads, signatures, keys, back-off, order files.

Outbound, every event travels as one JSON object (the *envelope*, ``SCHEMA_VERSION`` 1)::

    {"schema_version": 1, "event": "cam.finished", "event_id": "<idempotency key>",
     "occurred_at": "2026-11-26T09:15:00Z", "source": "cncworkbench",
     "entity": {"type": "cam_run", "id": 12}, "data": {...the event's fields...}}

The fields of each event's ``data``, with their units, are declared in :data:`EVENTS`
(``docs/erp-payloads.md`` documents them for integrators; a test keeps the two in step).
The body is the envelope serialised canonically (sorted keys, no spaces, UTF-8), so a
retry sends the same bytes; it is signed with HMAC-SHA256 over ``"<timestamp>.<body>"``.

Inbound, orders arrive as CSV (comma or semicolon separated, UTF-8 or Windows-1254) or
JSON (a list of objects, or ``{"orders": [...]}``); :func:`parse_orders` reads either and
reports every problem with its line number, so nothing of a bad file is imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import hashlib
import hmac
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cncworkbench.core.i18n import translate
from cncworkbench.errors import ValidationError

SCHEMA_VERSION = 1
SOURCE = "cncworkbench"
ENTITY_TYPES = ("order", "cam_run", "sim_run", "invoice")
DIRECTIONS = ("inbound", "outbound", "both")
SYNC_STATUSES = ("pending", "synced", "failed")
SEPARATOR = "\x1f"  # joins the parts of an idempotency key (never inside a name)

# Headers of an outbound request.
IDEMPOTENCY_HEADER = "Idempotency-Key"
SIGNATURE_HEADER = "X-CNC-Signature"
TIMESTAMP_HEADER = "X-CNC-Timestamp"
EVENT_HEADER = "X-CNC-Event"
DELIVERY_HEADER = "X-CNC-Delivery"
ATTEMPT_HEADER = "X-CNC-Attempt"

# HTTP answers that retrying cannot fix: the ERP refused the payload itself.
PERMANENT_STATUSES = frozenset({400, 410, 413, 415, 422})


# ------------------------------------------------------------------------------ payloads
@dataclass(frozen=True)
class FieldSpec:
    kind: str  # int, number, str, money, datetime, date, list, object
    required: bool
    description: str
    unit: str = ""


@dataclass(frozen=True)
class EventSpec:
    name: str
    entity_type: str
    description: str
    fields: Mapping[str, FieldSpec]


def _f(kind: str, description: str, unit: str = "", required: bool = False) -> FieldSpec:
    return FieldSpec(kind, required, description, unit)


def _r(kind: str, description: str, unit: str = "") -> FieldSpec:
    return FieldSpec(kind, True, description, unit)


_ORDER_FIELDS = {
    "project_id": _f("int", "CNC Workbench project the work belongs to"),
    "order_system": _f("str", "external system the project's order came from"),
    "order_ref": _f("str", "that system's order id (the order_id of the imported order)"),
}

EVENTS: dict[str, EventSpec] = {
    spec.name: spec
    for spec in (
        EventSpec(
            "gcode.approved",
            "sim_run",
            "An operator approved a simulated program for production.",
            {
                "sim_run_id": _r("int", "simulated run that was approved"),
                "program": _r("str", "G-code file name"),
                "approved_by": _r("str", "e-mail address of the approving operator"),
                "approved_at": _r("datetime", "when the decision was recorded"),
                "cam_run_id": _f("int", "CAM run that produced the program"),
                **_ORDER_FIELDS,
                "machine": _f("str", "machine the program is for"),
                "gcode_sha256": _f("str", "SHA-256 of the G-code file (hex)"),
                "machining_time_s": _f("number", "simulated machining time", "s"),
                "comment": _f("str", "the operator's comment"),
            },
        ),
        EventSpec(
            "cam.finished",
            "cam_run",
            "A CAM run produced G-code.",
            {
                "cam_run_id": _r("int", "the CAM run"),
                "job_id": _r("int", "the job that ran it"),
                "program": _r("str", "G-code file name"),
                "estimated_time_s": _r("int", "estimated machining (cycle) time", "s"),
                "material_removal_cm3": _r("number", "volume of material removed", "cm³"),
                "finished_at": _r("datetime", "when the run completed"),
                **_ORDER_FIELDS,
                "model": _f("str", "model (part) name"),
                "model_version": _f("int", "model version"),
                "machine": _f("str", "machine name"),
                "post_processor": _f("str", "post-processor (controller dialect)"),
                "gcode_sha256": _f("str", "SHA-256 of the G-code file (hex)"),
                "lines": _f("int", "lines of G-code"),
                "tools": _f("list", "tools used: objects {number, description}"),
            },
        ),
        EventSpec(
            "simulation.finished",
            "sim_run",
            "A program was simulated (cut into the stock and checked).",
            {
                "sim_run_id": _r("int", "the simulated run"),
                "status": _r("str", "passed, warnings or failed"),
                "machining_time_s": _r("number", "machining time of the program", "s"),
                "removed_volume_cm3": _r("number", "volume of material removed", "cm³"),
                "finished_at": _r("datetime", "when the simulation completed"),
                "cam_run_id": _f("int", "CAM run simulated"),
                "job_id": _f("int", "the job that ran the simulation"),
                **_ORDER_FIELDS,
                "program": _f("str", "G-code file name"),
                "machine": _f("str", "machine name"),
                "errors": _f("int", "findings of severity error (collisions, limits)"),
                "warnings": _f("int", "findings of severity warning"),
                "accuracy_percent": _f("number", "material-removal accuracy", "%"),
                "simulation_time_ms": _f("int", "how long the simulation itself took", "ms"),
            },
        ),
        EventSpec(
            "invoice.issued",
            "invoice",
            "An invoice was numbered and sent.",
            {
                "invoice_id": _r("int", "the invoice"),
                "invoice_number": _r("str", "GİB invoice number (16 characters)"),
                "currency": _r("str", "TRY, USD or EUR"),
                "subtotal": _r("money", "amount before tax", "currency"),
                "tax_rate": _r("money", "tax (KDV) rate", "%"),
                "tax_amount": _r("money", "tax amount", "currency"),
                "total": _r("money", "amount due", "currency"),
                "issued_at": _r("datetime", "when the invoice was issued"),
                "due_date": _r("date", "payment due date"),
                "type": _f("str", "subscription, usage or one_time"),
                "buyer": _f("object", "buyer: {company_name, tax_no, email, address}"),
                "line_items": _f(
                    "list",
                    "the invoice's lines as stored: {description, quantity, unit, unit_price, "
                    "amount, tax_amount} (decimal strings)",
                ),
            },
        ),
        EventSpec(
            "invoice.paid",
            "invoice",
            "Payments cover an invoice's total (again, after a refund: a new occurrence).",
            {
                "invoice_id": _r("int", "the invoice"),
                "invoice_number": _r("str", "GİB invoice number"),
                "currency": _r("str", "TRY, USD or EUR"),
                "total": _r("money", "invoice total", "currency"),
                "paid_at": _r("datetime", "when the settling payment was processed"),
                "payment_method": _r("str", "transfer (bank transfer, EFT) or card"),
                "payment_id": _f("int", "the settling payment"),
                "amount": _f("money", "amount of the settling payment", "currency"),
                "provider": _f("str", "payment provider (bank, iyzico, ...)"),
                "provider_ref": _f("str", "the provider's transaction id"),
            },
        ),
    )
}

_MONEY = re.compile(r"^-?\d{1,12}(\.\d{1,2})?$")


def _datetime_text(value: Any, where: str) -> str:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(
                translate("Erp", "{where}: '{value}' is not an ISO 8601 time.").format(
                    where=where, value=value[:40]
                )
            ) from None
    if not isinstance(value, dt.datetime):
        raise ValidationError(
            translate("Erp", "{where}: expected a time, got {type}.").format(
                where=where, type=type(value).__name__
            )
        )
    if value.tzinfo is None:
        raise ValidationError(
            translate("Erp", "{where}: the time has no time zone.").format(where=where)
        )
    value = value.astimezone(dt.UTC).replace(microsecond=(value.microsecond // 1000) * 1000)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond // 1000:03d}"
    return text + "Z"


def _value(spec: FieldSpec, value: Any, where: str) -> Any:
    kind = spec.kind
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                translate("Erp", "{where}: expected a whole number, got {value}.").format(
                    where=where, value=f"{value!r:.40}"
                )
            )
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float | decimal.Decimal):
            raise ValidationError(
                translate("Erp", "{where}: expected a number, got {value}.").format(
                    where=where, value=f"{value!r:.40}"
                )
            )
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            raise ValidationError(
                translate("Erp", "{where}: {value} is not a finite number.").format(
                    where=where, value=value
                )
            )
        return round(number, 6)
    if kind == "str":
        if not isinstance(value, str):
            raise ValidationError(
                translate("Erp", "{where}: expected text, got {value}.").format(
                    where=where, value=f"{value!r:.40}"
                )
            )
        return value
    if kind == "money":
        if isinstance(value, bool) or not isinstance(value, int | str | decimal.Decimal):
            raise ValidationError(
                translate(
                    "Erp", "{where}: expected an amount (Decimal or text), not {value}."
                ).format(where=where, value=repr(value))
            )
        text = str(value).strip()
        if not _MONEY.match(text):
            raise ValidationError(
                translate("Erp", "{where}: '{text}' is not an amount.").format(
                    where=where, text=text[:30]
                )
            )
        return str(decimal.Decimal(text).quantize(decimal.Decimal("0.01")))
    if kind == "datetime":
        return _datetime_text(value, where)
    if kind == "date":
        if isinstance(value, dt.datetime):
            raise ValidationError(
                translate("Erp", "{where}: expected a date, not a time.").format(where=where)
            )
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise ValidationError(
                    translate("Erp", "{where}: '{value}' is not a date.").format(
                        where=where, value=value[:20]
                    )
                ) from None
        if not isinstance(value, dt.date):
            raise ValidationError(
                translate("Erp", "{where}: expected a date, got {value}.").format(
                    where=where, value=f"{value!r:.40}"
                )
            )
        return value.isoformat()
    if kind in ("list", "object"):
        wanted = list if kind == "list" else dict
        if not isinstance(value, wanted):
            raise ValidationError(
                translate("Erp", "{where}: expected a JSON {kind}.").format(where=where, kind=kind)
            )
        try:
            return json.loads(json.dumps(value, default=_plain, ensure_ascii=False))
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                translate("Erp", "{where}: not JSON ({error}).").format(where=where, error=exc)
            ) from None
    raise AssertionError(kind)


def _plain(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return _datetime_text(value, "value")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def event_spec(event: str, entity_type: str | None = None) -> EventSpec:
    spec = EVENTS.get(event)
    if spec is None:
        raise ValidationError(
            translate("Erp", "Unknown ERP event '{event}'; known: {known}.").format(
                event=event[:40], known=", ".join(EVENTS)
            )
        )
    if entity_type is not None and entity_type != spec.entity_type:
        raise ValidationError(
            translate("Erp", "The event {event} is about a {expected}, not a {given}.").format(
                event=event, expected=spec.entity_type, given=entity_type
            )
        )
    return spec


def clean_payload(event: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The event's ``data``: every field checked against :data:`EVENTS` and made JSON
    (times as UTC ISO 8601 with 'Z', amounts as strings with two decimals). ``None``
    values are left out; unknown fields are refused, so the documentation stays true."""
    spec = event_spec(event)
    unknown = sorted(set(payload) - set(spec.fields))
    if unknown:
        raise ValidationError(
            translate("Erp", "{event}: unknown field(s) {fields}; known: {known}.").format(
                event=event, fields=", ".join(unknown), known=", ".join(spec.fields)
            )
        )
    data = {}
    for name, field_spec in spec.fields.items():
        value = payload.get(name)
        if value is None:
            if field_spec.required:
                raise ValidationError(
                    translate("Erp", "{event}: the field {name} is required.").format(
                        event=event, name=name
                    )
                )
            continue
        data[name] = _value(field_spec, value, f"{event}.{name}")
    return data


def envelope(
    event: str,
    entity_type: str,
    entity_id: int,
    payload: Mapping[str, Any],
    occurred_at: dt.datetime,
) -> dict[str, Any]:
    """The envelope of an event, without its ``event_id`` (the idempotency key, which
    differs per external system and is added when the event is queued)."""
    spec = event_spec(event, entity_type)
    if isinstance(entity_id, bool) or not isinstance(entity_id, int):
        raise ValidationError(
            translate("Erp", "{event}: the entity id must be a whole number.").format(event=event)
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "event": event,
        "occurred_at": _datetime_text(occurred_at, f"{event}.occurred_at"),
        "source": SOURCE,
        "entity": {"type": spec.entity_type, "id": entity_id},
        "data": clean_payload(event, payload),
    }


def canonical_body(document: Mapping[str, Any]) -> bytes:
    """The bytes sent: sorted keys, no insignificant spaces, UTF-8 (the same on retries)."""
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def idempotency_key(
    system: str, entity_type: str, entity_id: int, event: str, occurrence: str | None = None
) -> str:
    """sha256 (hex) of the parts joined by U+001F; the database computes the same
    (``cnc_erp_key``)."""
    parts = [system, entity_type, str(entity_id), event, occurrence or ""]
    return hashlib.sha256(SEPARATOR.join(parts).encode("utf-8")).hexdigest()


def signature(secret: str, timestamp: int | str, body: bytes) -> str:
    """``X-CNC-Signature``: ``sha256=`` + hex HMAC-SHA256 of ``"<timestamp>." + body``."""
    message = str(timestamp).encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify_signature(
    secret: str,
    timestamp: str,
    body: bytes,
    header: str,
    now: float | None = None,
    tolerance_s: int = 300,
) -> bool:
    """What the receiving side does: constant-time comparison, and a timestamp within
    ``tolerance_s`` of ``now`` (replays of old requests are refused)."""
    if now is not None:
        try:
            if abs(now - int(timestamp)) > tolerance_s:
                return False
        except ValueError:
            return False
    return hmac.compare_digest(signature(secret, timestamp, body), header or "")


def backoff_delay(retry_count: int, base_s: int, max_s: int) -> dt.timedelta:
    """The wait before attempt ``retry_count + 1`` after ``retry_count`` failures:
    ``base_s · 2^(retry_count-1)``, at most ``max_s`` (no jitter: the schedule is exact,
    and the first retry waits ``base_s``)."""
    if retry_count < 1:
        return dt.timedelta(0)
    return dt.timedelta(seconds=min(max_s, base_s * 2 ** min(retry_count - 1, 40)))


def backoff_schedule(max_retries: int, base_s: int, max_s: int) -> list[dt.timedelta]:
    """The waits before each retry, in order."""
    return [backoff_delay(n, base_s, max_s) for n in range(1, max_retries + 1)]


def retryable(status: int) -> bool:
    """Whether a non-2xx answer is worth another attempt (server errors, throttling,
    authentication being fixed, conflicts of a request in progress)."""
    return status not in PERMANENT_STATUSES


def join_url(base_url: str, path: str) -> str:
    if not path:
        return base_url
    if re.match(r"^https?://", path):
        return path
    return base_url.rstrip("/") + "/" + path.lstrip("/")


# --------------------------------------------------------------------------- order files
ORDER_COLUMNS = (
    "order_id",
    "customer_name",
    "project_name",
    "description",
    "customer_po",
    "due_date",
    "quantity",
    "part_number",
    "material",
    "notes",
)
REQUIRED_ORDER_COLUMNS = ("order_id", "customer_name")
_LIMITS = {
    "order_id": 255, "customer_name": 255, "project_name": 255, "description": 5000,
    "customer_po": 100, "part_number": 255, "material": 255, "notes": 5000,
}  # fmt: skip
MAX_ORDERS = 10000
MAX_ERRORS_SHOWN = 10


@dataclass(frozen=True)
class Order:
    """One order as imported: becomes (or updates) a project."""

    order_id: str
    customer_name: str
    line: int
    project_name: str | None = None
    description: str | None = None
    customer_po: str | None = None
    due_date: dt.date | None = None
    quantity: int | None = None
    part_number: str | None = None
    material: str | None = None
    notes: str | None = None

    def details(self) -> dict[str, Any]:
        """What the project keeps in its metadata (``metadata.erp``)."""
        values = {
            "customer_po": self.customer_po,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "quantity": self.quantity,
            "part_number": self.part_number,
            "material": self.material,
            "notes": self.notes,
        }
        return {k: v for k, v in values.items() if v is not None}

    def as_json(self) -> dict[str, Any]:
        values = {"order_id": self.order_id, "customer_name": self.customer_name,
                  "project_name": self.project_name, "description": self.description,
                  **self.details()}  # fmt: skip
        return {k: v for k, v in values.items() if v is not None}


class OrderFileError(ValidationError):
    """A file (or answer) of orders that cannot be imported; nothing of it was imported.
    ``problems`` are (line, message), line 0 for the file as a whole."""

    def __init__(self, source: str, problems: list[tuple[int, str]]):
        self.source = source
        self.problems = list(problems)
        super().__init__(self._text())

    def _text(self) -> str:
        shown = [
            translate("Erp", "{source} line {line}: {message}").format(
                source=self.source, line=line, message=message
            )
            if line
            else f"{self.source}: {message}"
            for line, message in self.problems[:MAX_ERRORS_SHOWN]
        ]
        more = len(self.problems) - MAX_ERRORS_SHOWN
        if more > 0:
            shown.append(translate("Erp", "... and {count} more problem(s)").format(count=more))
        return translate("Erp", "Nothing was imported. {problems}").format(
            problems="; ".join(shown)
        )

    @property
    def first_line(self) -> int:
        return self.problems[0][0] if self.problems else 0


def _date(text: str) -> dt.date:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        translate("Erp", "due_date '{text}' is not a date (use YYYY-MM-DD or DD.MM.YYYY)").format(
            text=text[:20]
        )
    )


def _order(values: Mapping[str, Any], line: int) -> Order:
    """One order from a row/object; raises ValueError with a message (no line)."""
    cleaned: dict[str, Any] = {}
    for name in ORDER_COLUMNS:
        value = values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if name in REQUIRED_ORDER_COLUMNS:
                raise ValueError(translate("Erp", "{name} is missing").format(name=name))
            continue
        if name == "quantity":
            if isinstance(value, bool):
                raise ValueError(translate("Erp", "quantity must be a whole number"))
            if isinstance(value, str):
                if not re.fullmatch(r"\s*\d{1,7}\s*", value):
                    raise ValueError(
                        translate("Erp", "quantity '{value}' is not a whole number").format(
                            value=value[:20]
                        )
                    )
                value = int(value)
            if not isinstance(value, int) or not 1 <= value <= 10_000_000:
                raise ValueError(
                    translate("Erp", "quantity {value} must be a whole number from 1").format(
                        value=f"{value!r:.20}"
                    )
                )
            cleaned[name] = value
            continue
        if name == "due_date":
            if not isinstance(value, str):
                raise ValueError(translate("Erp", "due_date must be text (YYYY-MM-DD)"))
            cleaned[name] = _date(value)
            continue
        if isinstance(value, int | float) and not isinstance(value, bool) and name == "order_id":
            value = str(value)  # JSON order numbers
        if not isinstance(value, str):
            raise ValueError(translate("Erp", "{name} must be text").format(name=name))
        text = " ".join(value.split()) if name not in ("description", "notes") else value.strip()
        if any(not ch.isprintable() for ch in text if ch not in "\n\t"):
            raise ValueError(
                translate("Erp", "{name} contains control characters").format(name=name)
            )
        if len(text) > _LIMITS[name]:
            raise ValueError(
                translate("Erp", "{name} is longer than {limit} characters").format(
                    name=name, limit=_LIMITS[name]
                )
            )
        cleaned[name] = text
    return Order(line=line, **cleaned)


def _collect(source: str, items: Iterable[tuple[int, Mapping[str, Any] | str]]) -> list[Order]:
    orders: list[Order] = []
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for line, values in items:
        if isinstance(values, str):  # a problem found while reading
            problems.append((line, values))
            continue
        try:
            order = _order(values, line)
        except ValueError as exc:
            problems.append((line, str(exc)))
            continue
        if order.order_id in seen:
            problems.append(
                (
                    line,
                    translate("Erp", "order {order} appears again (first on line {first})").format(
                        order=order.order_id, first=seen[order.order_id]
                    ),
                )
            )
            continue
        seen[order.order_id] = line
        orders.append(order)
        if len(orders) > MAX_ORDERS:
            problems.append(
                (
                    line,
                    translate("Erp", "more than {count} orders in one file").format(
                        count=MAX_ORDERS
                    ),
                )
            )
            break
    if problems:
        raise OrderFileError(source, problems)
    if not orders:
        raise OrderFileError(source, [(0, translate("Erp", "there are no orders in it"))])
    return orders


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1254 (Turkish Excel and ERP exports)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1254", errors="replace")


def parse_orders_csv(text: str, source: str = "CSV") -> list[Order]:
    """Orders from CSV with a header line (``ORDER_COLUMNS``; order_id and customer_name
    required), comma or semicolon separated. Line numbers are the file's."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)

    def rows():
        try:
            header = next(reader)
        except StopIteration:
            yield 0, translate("Erp", "the file is empty")
            return
        except csv.Error as exc:
            yield 1, translate("Erp", "unreadable header ({error})").format(error=exc)
            return
        names = [h.strip().lower() for h in header]
        unknown = [n for n in names if n not in ORDER_COLUMNS]
        missing = [n for n in REQUIRED_ORDER_COLUMNS if n not in names]
        duplicate = sorted({n for n in names if names.count(n) > 1})
        if unknown or missing or duplicate:
            message = "; ".join(
                part
                for part in (
                    unknown
                    and translate("Erp", "unknown column(s) {names}").format(
                        names=", ".join(unknown)
                    ),
                    missing
                    and translate("Erp", "missing column(s) {names}").format(
                        names=", ".join(missing)
                    ),
                    duplicate
                    and translate("Erp", "repeated column(s) {names}").format(
                        names=", ".join(duplicate)
                    ),
                )
                if part
            )
            yield (
                1,
                translate("Erp", "{problem}; the columns are {columns}").format(
                    problem=message, columns=", ".join(ORDER_COLUMNS)
                ),
            )
            return
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, translate("Erp", "unreadable row ({error})").format(error=exc)
                return
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue  # blank lines
            if len(row) != len(names):
                yield (
                    line,
                    translate("Erp", "{count} fields where the header has {header}").format(
                        count=len(row), header=len(names)
                    ),
                )
                continue
            yield line, dict(zip(names, row, strict=True))

    return _collect(source, rows())


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _expected_orders() -> str:
    return translate("Erp", 'expected a list of orders or {"orders": [...]}')


def parse_orders_json(text: str, source: str = "JSON") -> list[Order]:
    """Orders from JSON: a list of order objects, or an object whose ``orders`` is that
    list. Line numbers are where each order object starts."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = translate("Erp", "not valid JSON: {error}").format(error=exc.msg)
        raise OrderFileError(source, [(exc.lineno, problem)]) from None
    decoder = json.JSONDecoder()
    at = _skip_space(text, 0)
    if isinstance(document, dict):
        if not isinstance(document.get("orders"), list):
            raise OrderFileError(source, [(1, _expected_orders())])
        # find where the "orders" list starts: walk the top-level object's members
        at = _skip_space(text, at + 1)
        while True:
            key, at = decoder.raw_decode(text, at)
            at = _skip_space(text, _skip_space(text, at) + 1)  # past the colon
            if key == "orders":
                break
            _, at = decoder.raw_decode(text, at)
            at = _skip_space(text, _skip_space(text, at) + 1)  # past the comma
        items = document["orders"]
    elif isinstance(document, list):
        items = document
    else:
        raise OrderFileError(source, [(1, _expected_orders())])
    at = _skip_space(text, at + 1)  # past the list's "["

    def elements():
        nonlocal at
        for item in items:
            line = _line_of(text, at)
            _, at = decoder.raw_decode(text, at)
            at = _skip_space(text, _skip_space(text, at) + 1)  # past the comma
            if not isinstance(item, dict):
                yield line, translate("Erp", "an order must be a JSON object")
                continue
            unknown = sorted(set(item) - set(ORDER_COLUMNS))
            if unknown:
                yield (
                    line,
                    translate("Erp", "unknown field(s) {names}; the fields are {fields}").format(
                        names=", ".join(unknown), fields=", ".join(ORDER_COLUMNS)
                    ),
                )
                continue
            yield line, item

    return _collect(source, elements())


def parse_orders(data: bytes | str, source: str, kind: str | None = None) -> list[Order]:
    """Orders from a file's bytes; ``kind`` "csv" or "json", else guessed from ``source``'s
    extension or, failing that, from the first character."""
    text = decode(data) if isinstance(data, bytes) else data
    if kind is None:
        lowered = source.lower()
        if lowered.endswith(".json"):
            kind = "json"
        elif lowered.endswith((".csv", ".txt")):
            kind = "csv"
        else:
            kind = "json" if text.lstrip()[:1] in ("[", "{") else "csv"
    if kind == "json":
        return parse_orders_json(text, source)
    if kind == "csv":
        return parse_orders_csv(text, source)
    raise ValidationError(
        translate("Erp", "Orders come as csv or json, not '{kind}'.").format(kind=kind)
    )
