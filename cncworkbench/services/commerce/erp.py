"""ERP/MES synchronisation: external systems, the outbound outbox and its delivery, and
inbound orders that become projects.

Every exchange is a row of ``erp_mes_sync``:

- **Outbound** (events: G-code approved, CAM and simulation finished, invoice issued and
  paid). :func:`record_event` queues the event *in the caller's transaction* (the
  database function ``cnc_erp_record_event``, migration 0008): one ``pending`` row per
  active outbound system subscribed to the entity type, each with a delivery row holding
  its idempotency key. A rolled-back change leaves nothing behind; an event recorded
  twice is queued once. :func:`deliver_pending` POSTs the rows: JSON body (the stored
  envelope, serialised canonically so a retry sends the same bytes), headers
  ``Idempotency-Key`` and ``X-CNC-Signature`` (HMAC-SHA256), connect and read timeouts.
  2xx → ``synced`` with ``synced_at``; otherwise ``retry_count`` grows and the next
  attempt waits ``backoff_base_s · 2^(retry_count-1)`` (at most ``backoff_max_s``); after
  ``max_retries`` retries (or an answer retrying cannot fix: 400, 410, 413, 415, 422) the
  row is ``failed`` with its reason in ``error_message``. Every attempt is logged in
  ``erp_deliveries.attempts``. Each row is delivered in its own transaction holding the
  row lock (``FOR UPDATE SKIP LOCKED``), so any number of workers share the queue and a
  row is never sent by two at once; rows of one entity go out in order. A worker that
  dies mid-request leaves the row pending: the next attempt carries the same key.
- **Inbound**: orders from a CSV/JSON file (:func:`import_file`) or a REST endpoint
  (:func:`pull_orders`) become projects (customer, order reference), mapped by
  ``(external_system, external_ref)``: importing an order again updates its project.
  A file with any bad line imports nothing, and says which lines.

Secrets never reach the database: the bearer token and the signing secret are read from
the environment (``CNC_ERP_TOKEN_<NAME>``, ``CNC_ERP_SECRET_<NAME>``) or else the OS
keyring; without a separate signing secret the token signs.

Delivery and scheduled pulls run in the workers (a periodic loop, see
:mod:`cncworkbench.services.commerce.erp_jobs`); ``cncworkbench erp sync`` runs one pass.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests
import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from cncworkbench import __version__
from cncworkbench.config import SecretStore
from cncworkbench.core import erp as core
from cncworkbench.core import i18n, localefmt
from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.core.licensing import Feature
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.base import utcnow
from cncworkbench.db.engine import Database
from cncworkbench.db.models import (
    CamRun,
    ErpDelivery,
    ErpMesSync,
    ExternalSystem,
    Model,
    Project,
)
from cncworkbench.errors import ConfigurationError, UserError, ValidationError
from cncworkbench.services.access import audit, licenses
from cncworkbench.services.access.audit import Actor

TOKEN_ENV = "CNC_ERP_TOKEN_{}"
SECRET_ENV = "CNC_ERP_SECRET_{}"
SECRET_KINDS = ("token", "signing_secret")
IMPORT_LOCK = 7245  # pg_advisory_xact_lock(IMPORT_LOCK, hashtext(system)): imports in turn
MAX_LOGGED_ATTEMPTS = 50
MAX_PAGES = 100
WORKER_ACTOR = Actor(None, None, "worker", via="worker")
_NAME = re.compile(r"^[A-Z][A-Z0-9_]{0,62}$")

# option -> (low, high, the message when out of range)
_RANGES = {
    "connect_timeout_ms": (
        100, 60000, QT_TRANSLATE_NOOP("Erp", "The connect timeout (ms) must be a whole number "
                                             "{low}-{high}."),
    ),
    "read_timeout_ms": (
        100, 300000, QT_TRANSLATE_NOOP("Erp", "The read timeout (ms) must be a whole number "
                                              "{low}-{high}."),
    ),
    "max_retries": (
        0, 50, QT_TRANSLATE_NOOP("Erp", "The number of retries must be a whole number "
                                        "{low}-{high}."),
    ),
    "backoff_base_s": (
        1, 86400, QT_TRANSLATE_NOOP("Erp", "The first retry's wait (s) must be a whole number "
                                           "{low}-{high}."),
    ),
    "backoff_max_s": (
        1, 604800, QT_TRANSLATE_NOOP("Erp", "The longest wait between retries (s) must be a "
                                            "whole number {low}-{high}."),
    ),
    "pull_interval_s": (
        1, 604800, QT_TRANSLATE_NOOP("Erp", "The pull interval (s) must be a whole number "
                                            "{low}-{high}."),
    ),
}  # fmt: skip
# An exchange's status (a code of the database) as people read it.
STATUS_TEXT = {
    "pending": QT_TRANSLATE_NOOP("Erp", "pending"),
    "synced": QT_TRANSLATE_NOOP("Erp", "synced"),
    "failed": QT_TRANSLATE_NOOP("Erp", "failed"),
}
_OPTIONS = ("description", "events_path", "orders_path", "active", *_RANGES)


class ErpUnavailable(UserError):
    """The external system did not answer, or answered with an error."""


# ----------------------------------------------------------------------------- secrets
@dataclass(frozen=True)
class Credentials:
    token: str | None
    token_source: str
    signing_secret: str | None
    signing_source: str

    @property
    def signing_key(self) -> str | None:
        return self.signing_secret or self.token


def secret_name(system: str, kind: str = "token") -> str:
    """The keyring entry of a system's token or signing secret."""
    if kind not in SECRET_KINDS:
        raise ValueError(kind)
    return f"erp:{system}:{kind}"


def env_name(system: str, kind: str = "token") -> str:
    return (TOKEN_ENV if kind == "token" else SECRET_ENV).format(system)


def credentials(system: str, secrets: SecretStore | None = None) -> Credentials:
    """The token and signing secret of ``system``: the environment first, then the OS
    keyring. The sources say where each came from (never the values)."""
    secrets = secrets or SecretStore()
    found: dict[str, tuple[str | None, str]] = {}
    for kind in SECRET_KINDS:
        variable = env_name(system, kind)
        value = os.environ.get(variable)
        if value:
            found[kind] = (value, f"environment {variable}")
            continue
        value = secrets.get(secret_name(system, kind))
        found[kind] = (value, "OS keyring") if value else (None, "not set")
    return Credentials(*found["token"], *found["signing_secret"])


def set_secret(
    session: Session,
    actor: Actor,
    name: str,
    value: str,
    kind: str = "token",
    secrets: SecretStore | None = None,
) -> None:
    """Keep a system's token (or signing secret) in the OS keyring; an empty value
    forgets it. The database records that it changed, never the value."""
    _manage(actor)
    system = get_system(session, name)
    if kind not in SECRET_KINDS:
        raise ValidationError(
            translate("Erp", "A secret is a token or a signing_secret, not '{kind}'.").format(
                kind=kind
            )
        )
    secrets = secrets or SecretStore()
    if value:
        if len(value) > 4096 or any(ch in value for ch in "\r\n"):
            raise ValidationError(
                translate("Erp", "The secret must be one line of at most 4096 characters.")
            )
        try:
            secrets.set(secret_name(system.name, kind), value)
        except ConfigurationError as exc:
            raise ConfigurationError(
                translate(
                    "Erp",
                    "{error} For {system} that is {variable}, in the environment of the workers "
                    "(and of `cncworkbench erp sync`).",
                ).format(error=exc, system=system.name, variable=env_name(system.name, kind)),
                setting=env_name(system.name, kind),
            ) from None
    else:
        secrets.delete(secret_name(system.name, kind))
    audit.record(
        session, actor, f"erp.{kind}_{'set' if value else 'clear'}", "external_systems",
        system.id, {"name": system.name, "kind": kind},
    )  # fmt: skip


# ---------------------------------------------------------------------------- systems
@dataclass(frozen=True)
class SystemInfo:
    """A system as the settings dialog and ``erp system list`` show it (no secrets)."""

    id: int
    name: str
    description: str | None
    base_url: str
    events_url: str
    orders_url: str
    direction: str
    entity_types: tuple[str, ...]
    active: bool
    connect_timeout_ms: int
    read_timeout_ms: int
    max_retries: int
    backoff_base_s: int
    backoff_max_s: int
    pull_interval_s: int | None
    last_pulled_at: dt.datetime | None
    token: str  # where the token comes from: "OS keyring", "environment ...", "not set"
    signing_secret: str
    queue: dict[str, int] = field(default_factory=dict)

    @property
    def warnings(self) -> list[str]:
        notes = []
        if self.direction != "inbound" and self.token == self.signing_secret == "not set":
            notes.append(
                translate("Erp", "no token or signing secret: deliveries fail until one is set")
            )
        host = urlsplit(self.base_url).hostname or ""
        if self.base_url.startswith("http://") and host not in ("localhost", "127.0.0.1", "::1"):
            notes.append(translate("Erp", "plain http: the token travels unencrypted"))
        return notes

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) pairs for a detail view, in the reader's language (the direction,
        entity types and addresses as they are: they are codes)."""
        schedule = core.backoff_schedule(self.max_retries, self.backoff_base_s, self.backoff_max_s)
        waits = ", ".join(_duration(d.total_seconds()) for d in schedule) or translate(
            "Erp", "none"
        )
        if self.signing_secret != "not set":
            signing = source_text(self.signing_secret)
        elif self.token != "not set":
            signing = translate("Erp", "not set (the token signs)")
        else:
            signing = source_text(self.signing_secret)
        rows = [
            (translate("Erp", "name"), self.name),
            (translate("Erp", "description"), self.description or ""),
            (translate("Erp", "state"),
             translate("Erp", "active") if self.active else translate("Erp", "inactive")),
            (translate("Erp", "direction"), self.direction),
            (translate("Erp", "entity types"), ", ".join(self.entity_types)),
            (translate("Erp", "events to"),
             self.events_url if self.direction != "inbound" else "-"),
            (translate("Erp", "orders from"),
             self.orders_url if self.direction != "outbound" else "-"),
            (translate("Erp", "timeouts"),
             translate("Erp", "connect {connect} ms, read {read} ms").format(
                 connect=self.connect_timeout_ms, read=self.read_timeout_ms)),
            (translate("Erp", "retries"),
             translate("Erp", "{count}, waiting {waits}").format(
                 count=self.max_retries, waits=waits)),
            (translate("Erp", "scheduled pull"),
             _duration(self.pull_interval_s) if self.pull_interval_s
             else translate("Erp", "off")),
            (translate("Erp", "token"), source_text(self.token)),
            (translate("Erp", "signing secret"), signing),
            (translate("Erp", "queue"), queue_text(self.queue)),
        ]  # fmt: skip
        rows += [(translate("Erp", "warning"), note) for note in self.warnings]
        return rows


def source_text(source: str) -> str:
    """Where a secret comes from (``Credentials.token_source``: "environment NAME", "OS
    keyring" or "not set", compared as they are) in the reader's language."""
    if source.startswith("environment "):
        return translate("Erp", "environment {variable}").format(
            variable=source.removeprefix("environment ")
        )
    if source == "OS keyring":
        return translate("Erp", "OS keyring")
    if source == "not set":
        return translate("Erp", "not set")
    return source


def status_text(status: str) -> str:
    """An exchange's status (pending, synced, failed) in the reader's language."""
    return translate("Erp", STATUS_TEXT[status]) if status in STATUS_TEXT else status


def queue_text(counts: dict[str, int]) -> str:
    """``pending 1, synced 0, failed 0`` in the reader's language."""
    return ", ".join(f"{status_text(status)} {count}" for status, count in counts.items())


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 120:
        return translate("Erp", "{count} s").format(count=seconds)
    if seconds < 7200:
        return translate("Erp", "{count} min").format(count=i18n.number(seconds / 60, 1))
    return translate("Erp", "{count} h").format(count=i18n.number(seconds / 3600))


def _manage(actor: Actor) -> None:
    if actor.role != "worker":
        require(actor.role, Permission.ERP_MANAGE)


def clean_name(name: str) -> str:
    cleaned = (name or "").strip().upper().replace("-", "_").replace(" ", "_")
    if not _NAME.match(cleaned):
        raise ValidationError(
            translate(
                "Erp",
                "'{name}' cannot name an external system: use letters, digits and _ "
                "(starting with a letter, at most 63), e.g. SAP or LOGO_TIGER.",
            ).format(name=(name or "")[:40])
        )
    return cleaned


def _clean_url(url: str) -> str:
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"\s", url):
        raise ValidationError(
            translate(
                "Erp", "'{url}' is not an http(s) address, e.g. https://erp.example.com/api/cnc."
            ).format(url=url[:60])
        )
    if len(url) > 1024:
        raise ValidationError(translate("Erp", "The address is longer than 1024 characters."))
    return url


def _clean_types(entity_types: Iterable[str]) -> list[str]:
    chosen = []
    for item in entity_types:
        item = str(item).strip().lower()
        if item not in core.ENTITY_TYPES:
            raise ValidationError(
                translate("Erp", "Unknown entity type '{type}'; use {types}.").format(
                    type=item[:30], types=", ".join(core.ENTITY_TYPES)
                )
            )
        if item not in chosen:
            chosen.append(item)
    if not chosen:
        raise ValidationError(
            translate("Erp", "Choose at least one entity type ({types}).").format(
                types=", ".join(core.ENTITY_TYPES)
            )
        )
    return chosen


def _clean_options(options: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key, value in options.items():
        if key not in _OPTIONS:
            raise ValueError(f"unknown option {key}")
        if key in _RANGES:
            if value is None and key == "pull_interval_s":
                cleaned[key] = None
                continue
            low, high, message = _RANGES[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValidationError(translate("Erp", message).format(low=low, high=high))
        elif key in ("events_path", "orders_path"):
            value = (value or "").strip()
            if re.search(r"\s", value) or len(value) > 255:
                message = (
                    translate("Erp", "The events path '{path}' is not a path.")
                    if key == "events_path"
                    else translate("Erp", "The orders path '{path}' is not a path.")
                )
                raise ValidationError(message.format(path=value[:40]))
        elif key == "description":
            value = (value or "").strip() or None
            if value is not None and len(value) > 2000:
                raise ValidationError(
                    translate("Erp", "The description is longer than 2000 characters.")
                )
        elif key == "active":
            value = bool(value)
        cleaned[key] = value
    return cleaned


def _check_direction(direction: str) -> str:
    direction = (direction or "").strip().lower()
    if direction not in core.DIRECTIONS:
        raise ValidationError(
            translate("Erp", "The direction is one of {directions}.").format(
                directions=", ".join(core.DIRECTIONS)
            )
        )
    return direction


def get_system(session: Session, name: str) -> ExternalSystem:
    system = session.scalar(
        sa.select(ExternalSystem).where(ExternalSystem.name == clean_name(name))
    )
    if system is None:
        raise ValidationError(
            translate("Erp", "There is no external system named {name}.").format(
                name=clean_name(name)
            )
        )
    return system


def add_system(
    session: Session,
    actor: Actor,
    name: str,
    base_url: str,
    direction: str,
    entity_types: Iterable[str],
    **options: Any,
) -> ExternalSystem:
    """Configure a new system. Options: description, events_path, orders_path, active,
    connect_timeout_ms, read_timeout_ms, max_retries, backoff_base_s, backoff_max_s,
    pull_interval_s."""
    _manage(actor)
    licenses.require_feature(session, Feature.ERP_SYNC)
    name = clean_name(name)
    values = {
        "name": name,
        "base_url": _clean_url(base_url),
        "direction": _check_direction(direction),
        "entity_types": _clean_types(entity_types),
        **_clean_options(options),
    }
    _check_backoff(values.get("backoff_base_s", 30), values.get("backoff_max_s", 3600))
    if session.scalar(sa.select(ExternalSystem.id).where(ExternalSystem.name == name)):
        raise ValidationError(
            translate("Erp", "An external system named {name} exists already.").format(name=name)
        )
    system = ExternalSystem(**values)
    session.add(system)
    session.flush()
    session.refresh(system)
    audit.record(
        session, actor, "erp.system_add", "external_systems", system.id, audit.snapshot(system)
    )
    return system


def _check_backoff(base: int, longest: int) -> None:
    if longest < base:
        raise ValidationError(
            translate(
                "Erp",
                "The longest wait ({longest} s) is shorter than the first retry's ({base} s).",
            ).format(longest=longest, base=base)
        )


def update_system(session: Session, actor: Actor, name: str, **changes: Any) -> ExternalSystem:
    """Change a system's settings (not its name: the queue refers to it by name)."""
    _manage(actor)
    licenses.require_feature(session, Feature.ERP_SYNC)
    system = get_system(session, name)
    before = audit.snapshot(system)
    values = {}
    if "base_url" in changes:
        values["base_url"] = _clean_url(changes.pop("base_url"))
    if "direction" in changes:
        values["direction"] = _check_direction(changes.pop("direction"))
    if "entity_types" in changes:
        values["entity_types"] = _clean_types(changes.pop("entity_types"))
    values.update(_clean_options(changes))
    _check_backoff(
        values.get("backoff_base_s", system.backoff_base_s),
        values.get("backoff_max_s", system.backoff_max_s),
    )
    for key, value in values.items():
        setattr(system, key, value)
    session.flush()
    session.refresh(system)
    changed = audit.changes_between(before, audit.snapshot(system))
    if changed:
        audit.record(
            session, actor, "erp.system_update", "external_systems", system.id, None, changed
        )
    return system


def remove_system(
    session: Session,
    actor: Actor,
    name: str,
    force: bool = False,
    secrets: SecretStore | None = None,
) -> int:
    """Remove a system (and its keyring secrets). With undelivered rows it refuses,
    unless ``force``: those rows are then marked failed, with the reason. Returns how
    many rows were given up."""
    _manage(actor)
    system = get_system(session, name)
    pending = session.scalar(
        sa.select(sa.func.count())
        .select_from(ErpMesSync)
        .where(ErpMesSync.external_system == system.name, ErpMesSync.sync_status == "pending")
    )
    if pending and not force:
        raise ValidationError(
            translate(
                "Erp",
                "{system} has {count} undelivered exchange(s): deactivate it instead, wait "
                "for them, or remove it with --force (they are then marked failed).",
            ).format(system=system.name, count=pending)
        )
    if pending:
        session.execute(
            sa.update(ErpMesSync)
            .where(ErpMesSync.external_system == system.name, ErpMesSync.sync_status == "pending")
            .values(
                sync_status="failed",
                error_message=translate("Erp", "the external system was removed"),
            )
        )
    audit.record(
        session, actor, "erp.system_remove", "external_systems", system.id, audit.snapshot(system)
    )
    session.delete(system)
    session.flush()
    secrets = secrets or SecretStore()
    for kind in SECRET_KINDS:
        secrets.delete(secret_name(system.name, kind))
    return pending or 0


def _info(
    system: ExternalSystem, secrets: SecretStore | None, counts: dict[str, int]
) -> SystemInfo:
    found = credentials(system.name, secrets)
    return SystemInfo(
        id=system.id,
        name=system.name,
        description=system.description,
        base_url=system.base_url,
        events_url=core.join_url(system.base_url, system.events_path),
        orders_url=core.join_url(system.base_url, system.orders_path),
        direction=system.direction,
        entity_types=tuple(system.entity_types),
        active=system.active,
        connect_timeout_ms=system.connect_timeout_ms,
        read_timeout_ms=system.read_timeout_ms,
        max_retries=system.max_retries,
        backoff_base_s=system.backoff_base_s,
        backoff_max_s=system.backoff_max_s,
        pull_interval_s=system.pull_interval_s,
        last_pulled_at=system.last_pulled_at,
        token=found.token_source,
        signing_secret=found.signing_source,
        queue=counts,
    )


def list_systems(
    session: Session, actor: Actor, secrets: SecretStore | None = None
) -> list[SystemInfo]:
    _manage(actor)
    systems = session.scalars(sa.select(ExternalSystem).order_by(ExternalSystem.name)).all()
    return [_info(s, secrets, queue_status(session, system=s.name)) for s in systems]


def describe(
    session: Session, actor: Actor, name: str, secrets: SecretStore | None = None
) -> SystemInfo:
    """A system's settings, queue and where its secrets come from, never their values."""
    _manage(actor)
    system = get_system(session, name)
    return _info(system, secrets, queue_status(session, system=system.name))


# ------------------------------------------------------------------------------ outbox
def record_event(
    session: Session,
    event: str,
    entity_type: str,
    entity_id: int,
    payload: dict[str, Any],
    occurrence: str | None = None,
    occurred_at: dt.datetime | None = None,
) -> int:
    """Queue ``event`` for every active outbound system subscribed to ``entity_type``, in
    the caller's transaction (it commits or rolls back with the change). Returns how many
    rows were queued now (0: no system wants it, or it was queued before).

    ``payload`` holds the event's fields (:data:`cncworkbench.core.erp.EVENTS`; unknown
    or missing required fields raise ValidationError). ``occurrence`` tells repeated
    events of one entity apart (``invoice.paid`` again after a refund: the payment id);
    the same (event, entity, occurrence) is queued once per system whoever records it.
    """
    document = core.envelope(event, entity_type, entity_id, payload, occurred_at or utcnow())
    if occurrence is not None:
        occurrence = str(occurrence)
        if not 0 < len(occurrence) <= 100:
            raise ValidationError(translate("Erp", "An event's occurrence is 1 to 100 characters."))
    return session.execute(
        sa.text(
            "SELECT cnc_erp_record_event(:event, :entity_type, :entity_id, :occurrence, "
            "CAST(:envelope AS jsonb))"
        ),
        {
            "event": event,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "occurrence": occurrence,
            "envelope": json.dumps(document, ensure_ascii=False),
        },
    ).scalar_one()


def project_order(
    session: Session, project_id: int | None = None, cam_run_id: int | None = None
) -> dict[str, Any]:
    """The payload fields naming the project and ERP order that work belongs to:
    ``project_id``, ``order_system``, ``order_ref`` (the latter two None when the project
    was not imported). Give the project, or the CAM run (whose model names it)."""
    if project_id is None and cam_run_id is not None:
        project_id = session.scalar(
            sa.select(Model.project_id)
            .join(CamRun, CamRun.model_id == Model.id)
            .where(CamRun.id == cam_run_id)
        )
    if project_id is None:
        return {}
    row = session.execute(
        sa.select(Project.external_system, Project.external_ref).where(Project.id == project_id)
    ).first()
    if row is None:
        return {"project_id": project_id}
    return {"project_id": project_id, "order_system": row[0], "order_ref": row[1]}


# ---------------------------------------------------------------------------- delivery
@dataclass
class DeliveryReport:
    """What one delivery pass did."""

    attempted: int = 0
    synced: int = 0
    retrying: int = 0
    failed: int = 0
    skipped_systems: dict[str, str] = field(default_factory=dict)  # name -> why
    seconds: float = 0.0

    def line(self) -> str:
        text = translate(
            "Erp",
            "{attempted} attempted: {synced} delivered, {retrying} to retry, "
            "{failed} failed ({seconds} s)",
        ).format(
            attempted=self.attempted,
            synced=self.synced,
            retrying=self.retrying,
            failed=self.failed,
            seconds=localefmt.number(self.seconds, 2, grouping=False),
        )
        for name, why in self.skipped_systems.items():
            text += "; " + translate("Erp", "{name} skipped for this pass: {why}").format(
                name=name, why=why
            )
        return text


@dataclass(frozen=True)
class _Outcome:
    status: int | None  # HTTP status, None when no answer came
    ok: bool
    retry: bool
    reason: str | None
    external_id: str | None = None
    unreachable: bool = False  # the system did not answer: leave its other rows for later
    elapsed_ms: int = 0


def _short(exc: BaseException) -> str:
    text = str(exc)
    found = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)
    if found:
        return found.group(1).strip()
    return text[-200:]


def _request_headers(
    delivery: ErpDelivery, sync: ErpMesSync, body: bytes, creds: Credentials | None
) -> dict[str, str]:
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "Accept": "application/json",
        "User-Agent": f"cncworkbench/{__version__}",
        core.IDEMPOTENCY_HEADER: delivery.idempotency_key,
        core.EVENT_HEADER: delivery.event,
        core.DELIVERY_HEADER: str(sync.id),
        core.ATTEMPT_HEADER: str((sync.retry_count or 0) + 1),
        core.TIMESTAMP_HEADER: timestamp,
    }
    if creds is not None:
        if creds.signing_key:
            headers[core.SIGNATURE_HEADER] = core.signature(creds.signing_key, timestamp, body)
        if creds.token:
            headers["Authorization"] = f"Bearer {creds.token}"
    return headers


def _post(
    http: requests.Session,
    system: ExternalSystem,
    sync: ErpMesSync,
    delivery: ErpDelivery,
    creds: Credentials,
) -> _Outcome:
    if not creds.signing_key:
        reason = translate(
            "Erp",
            "no token or signing secret for {system}: set one with `cncworkbench erp "
            "system set-token {system}` or {variable}",
        ).format(system=system.name, variable=env_name(system.name))
        return _Outcome(None, False, True, reason, unreachable=True)
    url = core.join_url(system.base_url, system.events_path)
    body = core.canonical_body(sync.sync_data or {})
    headers = _request_headers(delivery, sync, body, creds)
    connect_s, read_s = system.connect_timeout_ms / 1000, system.read_timeout_ms / 1000
    started = time.monotonic()

    def took() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        response = http.post(
            url, data=body, headers=headers, timeout=(connect_s, read_s), allow_redirects=False
        )
    except requests.ConnectTimeout:
        reason = translate("Erp", "could not connect to {url} within {seconds} s").format(
            url=url, seconds=i18n.number(connect_s)
        )
        return _Outcome(None, False, True, reason, unreachable=True, elapsed_ms=took())
    except requests.ReadTimeout:
        reason = translate("Erp", "no answer from {url} within {seconds} s").format(
            url=url, seconds=i18n.number(read_s)
        )
        return _Outcome(None, False, True, reason, unreachable=True, elapsed_ms=took())
    except requests.ConnectionError as exc:
        reason = translate("Erp", "cannot reach {url}: {error}").format(url=url, error=_short(exc))
        return _Outcome(None, False, True, reason, unreachable=True, elapsed_ms=took())
    except requests.RequestException as exc:
        reason = translate("Erp", "request to {url} failed: {error}").format(
            url=url, error=_short(exc)
        )
        return _Outcome(None, False, True, reason, elapsed_ms=took())
    elapsed = took()
    status = response.status_code
    if 200 <= status < 300:
        external_id = None
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if isinstance(answer, dict):
            found = answer.get("external_id", answer.get("id"))
            if isinstance(found, str | int) and not isinstance(found, bool) and str(found):
                external_id = str(found)[:255]
        return _Outcome(status, True, False, None, external_id, elapsed_ms=elapsed)
    text = " ".join(response.text.split())[:300] if response.content else ""
    reason = f"HTTP {status} {response.reason or ''}".strip()
    if 300 <= status < 400:
        reason += " " + translate("Erp", "(redirected to {location}; fix the address)").format(
            location=response.headers.get("Location", "?")
        )
    elif text:
        reason += f": {text}"
    retry = core.retryable(status)
    if not retry:
        reason = translate("Erp", "{system} refused the event: {reason}").format(
            system=system.name, reason=reason
        )
    return _Outcome(status, False, retry, reason, elapsed_ms=elapsed)


CANDIDATES = 50  # due rows read (unlocked) at a time; each is then locked on its own


def _candidates(session: Session, now: dt.datetime, skip: set[str], tried: set[int]) -> list[int]:
    """Ids of due outbound rows in the order they should go, not yet tried in this pass
    (no locks: another worker may be sending some of them)."""
    query = (
        sa.select(ErpMesSync.id)
        .join(ErpDelivery, ErpDelivery.sync_id == ErpMesSync.id)
        .join(ExternalSystem, ExternalSystem.name == ErpMesSync.external_system)
        .where(
            ErpMesSync.sync_status == "pending",
            ErpMesSync.sync_direction == "outbound",
            ExternalSystem.active.is_(True),
            ExternalSystem.direction.in_(("outbound", "both")),
            ErpDelivery.next_attempt_at <= now,
        )
        .order_by(ErpDelivery.next_attempt_at, ErpMesSync.id)
        .limit(CANDIDATES)
    )
    if skip:
        query = query.where(ErpMesSync.external_system.not_in(skip))
    if tried:
        query = query.where(ErpMesSync.id.not_in(tried))
    return list(session.scalars(query))


def _lock(session: Session, sync_id: int, now: dt.datetime):
    """(row, delivery, system, waits) locked for this transaction, ``waits`` telling
    whether an older event of the same entity for the same system is undelivered
    (events of one entity go out in order); None when another worker holds the row or
    it is no longer due."""
    older = aliased(ErpMesSync)
    waits = (
        sa.exists()
        .where(
            older.entity_type == ErpMesSync.entity_type,
            older.entity_id == ErpMesSync.entity_id,
            older.external_system == ErpMesSync.external_system,
            older.sync_direction == "outbound",
            older.sync_status == "pending",
            older.id < ErpMesSync.id,
        )
        .label("waits")
    )
    return session.execute(
        sa.select(ErpMesSync, ErpDelivery, ExternalSystem, waits)
        .join(ErpDelivery, ErpDelivery.sync_id == ErpMesSync.id)
        .join(ExternalSystem, ExternalSystem.name == ErpMesSync.external_system)
        .where(
            ErpMesSync.id == sync_id,
            ErpMesSync.sync_status == "pending",
            ExternalSystem.active.is_(True),
            ErpDelivery.next_attempt_at <= now,
        )
        .with_for_update(of=(ErpMesSync, ErpDelivery), skip_locked=True)
    ).first()


def _apply(
    sync: ErpMesSync,
    delivery: ErpDelivery,
    system: ExternalSystem,
    outcome: _Outcome,
    now: dt.datetime,
) -> str:
    """Record an attempt's outcome on the row; returns synced, retrying or failed."""
    attempt = (sync.retry_count or 0) + 1
    entry = {
        "attempt": attempt,
        "at": now.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "http_status": outcome.status,
        "ms": outcome.elapsed_ms,
        "error": outcome.reason,
    }
    delivery.attempts = [*(delivery.attempts or []), entry][-MAX_LOGGED_ATTEMPTS:]
    delivery.last_attempt_at = now
    delivery.last_http_status = outcome.status
    if outcome.ok:
        sync.sync_status = "synced"
        sync.synced_at = now
        sync.error_message = None
        if outcome.external_id:
            sync.external_id = outcome.external_id
        return "synced"
    sync.retry_count = attempt
    if not outcome.retry:
        sync.sync_status = "failed"
        sync.error_message = outcome.reason
        return "failed"
    if attempt > system.max_retries:
        sync.sync_status = "failed"
        sync.error_message = translate("Erp", "{reason} (gave up after {count} attempts)").format(
            reason=outcome.reason, count=attempt
        )
        return "failed"
    sync.error_message = outcome.reason
    delivery.next_attempt_at = now + core.backoff_delay(
        attempt, system.backoff_base_s, system.backoff_max_s
    )
    return "retrying"


def deliver_pending(
    db: Database,
    now: dt.datetime | None = None,
    http: requests.Session | None = None,
    secrets: SecretStore | None = None,
    limit: int = 500,
) -> DeliveryReport:
    """One delivery pass: every due outbound row (at most ``limit`` attempts). Due rows
    are read in order, 50 at a time, without locks; each is then locked on its own
    (``FOR UPDATE SKIP LOCKED``: a row another worker is sending is passed over) in a
    transaction that holds the lock during the request and records the outcome. A row
    waits while an older event of its entity is undelivered. A system that does not
    answer (or has no secret) is left alone for the rest of the pass: its other rows are
    not attempted (they stay pending and due). Safe in any number of workers at once.
    Raises FeatureLocked when the license does not include ERP sync."""
    started = time.monotonic()
    now = now or utcnow()
    report = DeliveryReport()
    with db.session() as session:
        licenses.require_feature(session, Feature.ERP_SYNC)
    own_http = http is None
    http = http or requests.Session()
    found_credentials: dict[str, Credentials] = {}
    skip: set[str] = set()
    tried: set[int] = set()
    waiting: set[int] = set()  # held back by an older event of their entity
    try:
        while report.attempted < limit:
            with db.session() as session:
                candidates = _candidates(session, now, skip, tried)
            if not candidates:
                break
            for sync_id in candidates:
                if report.attempted >= limit:
                    break
                tried.add(sync_id)
                with db.session() as session:
                    picked = _lock(session, sync_id, now)
                    if picked is None:
                        continue  # another worker has it, or it went
                    sync, delivery, system, waits = picked
                    if system.name in skip:
                        continue
                    if waits:
                        waiting.add(sync_id)
                        continue
                    if system.name not in found_credentials:
                        found_credentials[system.name] = credentials(system.name, secrets)
                    outcome = _post(http, system, sync, delivery, found_credentials[system.name])
                    result = _apply(sync, delivery, system, outcome, now)
                report.attempted += 1
                setattr(report, result, getattr(report, result) + 1)
                if outcome.unreachable:
                    skip.add(system.name)
                    report.skipped_systems[system.name] = outcome.reason or translate(
                        "Erp", "unreachable"
                    )
                if result == "synced" and waiting:
                    tried -= waiting  # what waited for this row may go now
                    waiting.clear()
    finally:
        if own_http:
            http.close()
    report.seconds = time.monotonic() - started
    return report


# --------------------------------------------------------------------- queue for the UI
@dataclass(frozen=True)
class SyncRow:
    id: int
    external_system: str
    direction: str
    entity_type: str
    entity_id: int
    external_id: str
    event: str | None
    status: str
    retry_count: int
    error_message: str | None
    next_attempt_at: dt.datetime | None
    last_http_status: int | None
    synced_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def state_text(self) -> str:
        """The status as people read it: ``retry 2`` for a pending row that failed twice."""
        if self.status == "pending" and self.retry_count:
            return translate("Erp", "retry {count}").format(count=self.retry_count)
        return status_text(self.status)


def queue_status(
    session: Session, system: str | None = None, direction: str | None = None
) -> dict[str, int]:
    """Exchanges by status: {"pending": n, "synced": n, "failed": n}."""
    query = sa.select(ErpMesSync.sync_status, sa.func.count()).group_by(ErpMesSync.sync_status)
    if system:
        query = query.where(ErpMesSync.external_system == clean_name(system))
    if direction:
        query = query.where(ErpMesSync.sync_direction == direction)
    counts = dict.fromkeys(core.SYNC_STATUSES, 0)
    counts.update({status: n for status, n in session.execute(query)})
    return counts


def list_sync(
    session: Session,
    status: str | None = None,
    system: str | None = None,
    direction: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[SyncRow]:
    """Exchanges, newest first."""
    if status is not None and status not in core.SYNC_STATUSES:
        raise ValidationError(
            translate("Erp", "The status is one of {statuses}.").format(
                statuses=", ".join(core.SYNC_STATUSES)
            )
        )
    query = (
        sa.select(ErpMesSync, ErpDelivery)
        .outerjoin(ErpDelivery, ErpDelivery.sync_id == ErpMesSync.id)
        .order_by(ErpMesSync.id.desc())
        .limit(limit)
        .offset(offset)
    )
    if status:
        query = query.where(ErpMesSync.sync_status == status)
    if system:
        query = query.where(ErpMesSync.external_system == clean_name(system))
    if direction:
        query = query.where(ErpMesSync.sync_direction == direction)
    return [_row(sync, delivery) for sync, delivery in session.execute(query)]


def _row(sync: ErpMesSync, delivery: ErpDelivery | None) -> SyncRow:
    return SyncRow(
        id=sync.id,
        external_system=sync.external_system,
        direction=sync.sync_direction,
        entity_type=sync.entity_type,
        entity_id=sync.entity_id,
        external_id=sync.external_id,
        event=delivery.event if delivery else None,
        status=sync.sync_status,
        retry_count=sync.retry_count or 0,
        error_message=sync.error_message,
        next_attempt_at=(
            delivery.next_attempt_at if delivery and sync.sync_status == "pending" else None
        ),
        last_http_status=delivery.last_http_status if delivery else None,
        synced_at=sync.synced_at,
        created_at=sync.created_at,
        updated_at=sync.updated_at,
    )


def get_sync(session: Session, sync_id: int) -> SyncRow:
    found = session.execute(
        sa.select(ErpMesSync, ErpDelivery)
        .outerjoin(ErpDelivery, ErpDelivery.sync_id == ErpMesSync.id)
        .where(ErpMesSync.id == sync_id)
    ).first()
    if found is None:
        raise ValidationError(translate("Erp", "There is no ERP exchange {id}.").format(id=sync_id))
    return _row(*found)


@dataclass(frozen=True)
class PayloadView:
    """What an exchange sends or received, for inspection (secrets never included)."""

    sync: SyncRow
    document: dict[str, Any]
    body: str  # the exact body sent (outbound) or the imported order (inbound)
    headers: dict[str, str]
    attempts: list[dict[str, Any]]

    def pretty(self) -> str:
        return json.dumps(self.document, indent=2, ensure_ascii=False, sort_keys=True)


def payload(session: Session, sync_id: int) -> PayloadView:
    """The stored payload of an exchange, the headers its requests carry (the signature
    and token shown as placeholders) and its attempt log."""
    row = get_sync(session, sync_id)
    sync = session.get(ErpMesSync, sync_id)
    delivery = session.get(ErpDelivery, sync_id)
    document = sync.sync_data or {}
    body = core.canonical_body(document)
    headers: dict[str, str] = {}
    if delivery is not None:
        headers = _request_headers(delivery, sync, body, None)
        headers.pop(core.TIMESTAMP_HEADER)
        headers[core.TIMESTAMP_HEADER] = "<Unix time of the attempt>"
        headers[core.SIGNATURE_HEADER] = "sha256=<HMAC-SHA256 of '<timestamp>.<body>'>"
        headers["Authorization"] = "Bearer <token, when one is set>"
    return PayloadView(
        row,
        document,
        body.decode("utf-8"),
        headers,
        list(delivery.attempts or []) if delivery else [],
    )


def retry(session: Session, actor: Actor, sync_id: int, now: dt.datetime | None = None) -> SyncRow:
    """Send a failed (or waiting) outbound exchange again now, with a fresh set of
    retries; the attempt log keeps the earlier failures."""
    _manage(actor)
    sync = session.scalar(sa.select(ErpMesSync).where(ErpMesSync.id == sync_id).with_for_update())
    if sync is None:
        raise ValidationError(translate("Erp", "There is no ERP exchange {id}.").format(id=sync_id))
    delivery = session.get(ErpDelivery, sync_id)
    if sync.sync_direction != "outbound" or delivery is None:
        raise ValidationError(
            translate(
                "Erp",
                "Exchange {id} is an inbound import: import the file or pull the orders again.",
            ).format(id=sync_id)
        )
    if sync.sync_status == "synced":
        raise ValidationError(
            translate("Erp", "Exchange {id} was delivered already.").format(id=sync_id)
        )
    now = now or utcnow()
    before = {"status": sync.sync_status, "retry_count": sync.retry_count,
              "error_message": sync.error_message}  # fmt: skip
    sync.sync_status = "pending"
    sync.retry_count = 0
    delivery.next_attempt_at = now
    delivery.attempts = [
        *(delivery.attempts or []),
        {"at": now.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
         "retry_requested_by": actor.email or actor.role, "previous_error": sync.error_message},
    ][-MAX_LOGGED_ATTEMPTS:]  # fmt: skip
    session.flush()
    audit.record(session, actor, "erp.retry", "erp_mes_sync", sync.id, before)
    return get_sync(session, sync_id)


def retry_failed(session: Session, actor: Actor, system: str | None = None) -> int:
    """Retry every failed outbound exchange (of one system); returns how many."""
    _manage(actor)
    query = (
        sa.select(ErpMesSync.id)
        .join(ErpDelivery, ErpDelivery.sync_id == ErpMesSync.id)
        .where(ErpMesSync.sync_status == "failed")
        .order_by(ErpMesSync.id)
    )
    if system:
        query = query.where(ErpMesSync.external_system == clean_name(system))
    ids = session.scalars(query).all()
    for sync_id in ids:
        retry(session, actor, sync_id)
    return len(ids)
