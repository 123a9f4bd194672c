"""ERP/MES inbound orders, which become projects, and the workers' periodic pass.

Orders come from a CSV/JSON file (:func:`import_file`) or a REST endpoint
(:func:`pull_orders`) and become projects (customer, order reference), mapped by
``(external_system, external_ref)``: importing an order again updates its project. A file
with any bad line imports nothing, and says which lines. :func:`periodic_pass` is what a
worker runs every few seconds: due outbound deliveries (:mod:`.erp`) and due scheduled
pulls. Systems, secrets and the outbound outbox are in :mod:`cncworkbench.services.commerce.erp`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import requests
import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench import __version__
from cncworkbench.config import SecretStore
from cncworkbench.core import erp as core
from cncworkbench.core.i18n import translate
from cncworkbench.core.licensing import Feature
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db.base import UTCDateTime, utcnow
from cncworkbench.db.engine import Database
from cncworkbench.db.models import (
    ErpMesSync,
    ExternalSystem,
    Project,
)
from cncworkbench.errors import UserError, ValidationError
from cncworkbench.services.access import audit, licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.commerce.erp import (
    IMPORT_LOCK,
    MAX_PAGES,
    WORKER_ACTOR,
    DeliveryReport,
    ErpUnavailable,
    _manage,
    _short,
    clean_name,
    credentials,
    deliver_pending,
    get_system,
)
from cncworkbench.services.pdm import projects


# ----------------------------------------------------------------------------- inbound
@dataclass
class ImportReport:
    system: str
    source: str
    created: list[int] = field(default_factory=list)  # project ids
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why, per order

    def line(self) -> str:
        text = translate(
            "Erp",
            "{source} → {system}: {created} project(s) created, {updated} updated, "
            "{unchanged} unchanged",
        ).format(
            source=self.source,
            system=self.system,
            created=len(self.created),
            updated=len(self.updated),
            unchanged=len(self.unchanged),
        )
        if self.skipped:
            text += translate("Erp", ", {count} skipped ({why})").format(
                count=len(self.skipped), why="; ".join(self.skipped[:5])
            )
        return text


def _inbound_system(session: Session, name: str) -> ExternalSystem:
    system = get_system(session, name)
    if system.direction == "outbound" or "order" not in system.entity_types:
        raise ValidationError(
            translate(
                "Erp",
                "{system} is not configured to send orders (direction {direction}, entity "
                "types {types}); add 'order' and direction inbound or both.",
            ).format(
                system=system.name,
                direction=system.direction,
                types=", ".join(system.entity_types),
            )
        )
    if not system.active:
        raise ValidationError(
            translate("Erp", "{system} is inactive; activate it to import its orders.").format(
                system=system.name
            )
        )
    return system


def import_orders(
    session: Session,
    actor: Actor,
    system_name: str,
    orders: list[core.Order],
    source: str,
    now: dt.datetime | None = None,
) -> ImportReport:
    """Orders → projects, in the caller's transaction. An order seen before (same system
    and order id) updates its project; a problem with any order raises OrderFileError
    naming its line, and the caller's rollback imports nothing."""
    _manage(actor)
    if actor.role != "worker":
        require(actor.role, Permission.PROJECT_WRITE)
    licenses.require_feature(session, Feature.ERP_SYNC)
    system = _inbound_system(session, system_name)
    session.execute(
        sa.select(sa.func.pg_advisory_xact_lock(IMPORT_LOCK, sa.func.hashtext(system.name)))
    )
    now = now or utcnow()
    report = ImportReport(system.name, source)
    problems: list[tuple[int, str]] = []
    owner_id = actor.user_id or projects.system_owner(session)
    for order in orders:
        project = session.scalar(
            sa.select(Project).where(
                Project.external_system == system.name, Project.external_ref == order.order_id
            )
        )
        details = {**order.details(), "system": system.name, "order_id": order.order_id}
        if project is not None and project.is_deleted:
            report.skipped.append(
                translate("Erp", "order {order}: its project was deleted").format(
                    order=order.order_id
                )
            )
            continue
        if project is None:
            name = _free_name(session, order, system.name)
            if name is None:
                problems.append(
                    (order.line, translate(
                        "Erp",
                        "a project named '{name}' exists already (give the order another "
                        "project_name)",
                    ).format(name=order.project_name or order.order_id))
                )  # fmt: skip
                continue
            project = Project(
                owner_id=owner_id,
                name=name,
                description=order.description,
                customer_name=order.customer_name,
                external_system=system.name,
                external_ref=order.order_id,
                metadata_={"erp": details},
            )
            session.add(project)
            session.flush()
            audit.record(
                session, actor, "project.import", "projects", project.id,
                {**audit.snapshot(project), "source": source, "line": order.line},
            )  # fmt: skip
            report.created.append(project.id)
        else:
            before = audit.snapshot(project)
            project.customer_name = order.customer_name
            if order.description is not None:
                project.description = order.description
            if order.project_name and order.project_name != project.name:
                clash = projects.find_project(session, order.project_name)
                if clash is not None and clash.id != project.id:
                    problems.append(
                        (
                            order.line,
                            translate("Erp", "a project named '{name}' exists already").format(
                                name=order.project_name
                            ),
                        )
                    )
                    continue
                project.name = projects.clean_name(order.project_name, "project")
            project.metadata_ = {**(project.metadata_ or {}), "erp": details}
            session.flush()
            changed = audit.changes_between(before, audit.snapshot(project))
            if changed:
                audit.record(
                    session, actor, "project.import_update", "projects", project.id,
                    {"source": source, "line": order.line}, changed,
                )  # fmt: skip
                report.updated.append(project.id)
            else:
                report.unchanged.append(project.id)
        _mark_inbound(session, system.name, order, project.id, source, now)
    if problems:
        raise core.OrderFileError(source, problems)
    return report


def _free_name(session: Session, order: core.Order, system: str) -> str | None:
    wanted = order.project_name or f"{order.order_id} {order.customer_name}"
    candidates = [wanted[: projects.MAX_NAME]]
    if not order.project_name:
        candidates.append(f"{wanted} ({system})"[: projects.MAX_NAME])
    for candidate in candidates:
        name = projects.clean_name(candidate, "project")
        if projects.find_project(session, name) is None:
            return name
    return None


def _mark_inbound(
    session: Session,
    system: str,
    order: core.Order,
    project_id: int,
    source: str,
    now: dt.datetime,
) -> None:
    data = {"order": order.as_json(), "source": source, "line": order.line}
    row = session.scalar(
        sa.select(ErpMesSync).where(
            ErpMesSync.external_system == system,
            ErpMesSync.sync_direction == "inbound",
            ErpMesSync.entity_type == "order",
            ErpMesSync.external_id == order.order_id,
            ErpMesSync.sync_status == "synced",
        )
    )
    if row is None:
        session.add(
            ErpMesSync(
                external_system=system, entity_type="order", entity_id=project_id,
                external_id=order.order_id, sync_direction="inbound", sync_status="synced",
                sync_data=data, retry_count=0, synced_at=now,
            )
        )  # fmt: skip
    else:
        row.entity_id = project_id
        row.sync_data = data
        row.synced_at = now
    session.flush()


def record_import_failure(
    db: Database, system: str, source: str, message: str, now: dt.datetime | None = None
) -> int:
    """Make a failed import visible in the queue (its own transaction: the import itself
    was rolled back). Returns the row's id."""
    with db.session() as session:
        row = ErpMesSync(
            external_system=clean_name(system), entity_type="order", entity_id=0,
            external_id=source[:255], sync_direction="inbound", sync_status="failed",
            sync_data={"source": source}, error_message=message[:5000], retry_count=0,
        )  # fmt: skip
        session.add(row)
        session.flush()
        return row.id


def import_file(
    db: Database,
    actor: Actor,
    system_name: str,
    path: Path,
    kind: str | None = None,
) -> ImportReport:
    """Import a CSV or JSON file of orders, all or nothing. A file that cannot be
    imported raises OrderFileError (naming its lines) and is recorded as a failed
    exchange."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            translate("Erp", "Cannot read {path}: {error}.").format(
                path=path, error=exc.strerror or exc
            )
        ) from None
    try:
        orders = core.parse_orders(data, path.name, kind)
        with db.session() as session:
            return import_orders(session, actor, system_name, orders, path.name)
    except core.OrderFileError as exc:
        record_import_failure(db, system_name, path.name, str(exc))
        raise


def pull_orders(
    db: Database,
    actor: Actor,
    system_name: str,
    http: requests.Session | None = None,
    secrets: SecretStore | None = None,
) -> ImportReport:
    """GET the system's open orders (``orders_path``; JSON as in an order file, pages
    followed through a top-level ``"next"`` address) and import them, all or nothing."""
    with db.session() as session:
        _manage(actor)
        licenses.require_feature(session, Feature.ERP_SYNC)
        system = _inbound_system(session, system_name)
        name, timeouts = (
            system.name,
            (system.connect_timeout_ms / 1000, system.read_timeout_ms / 1000),
        )
        url = core.join_url(system.base_url, system.orders_path)
    creds = credentials(name, secrets)
    headers = {"Accept": "application/json", "User-Agent": f"cncworkbench/{__version__}"}
    if creds.token:
        headers["Authorization"] = f"Bearer {creds.token}"
    own_http = http is None
    http = http or requests.Session()
    orders: list[core.Order] = []
    seen: set[str] = set()
    try:
        for _page in range(MAX_PAGES):
            try:
                response = http.get(url, headers=headers, timeout=timeouts, allow_redirects=False)
            except requests.Timeout:
                message = translate("Erp", "no answer from {url} within the timeouts").format(
                    url=url
                )
                raise _pull_failed(db, name, url, message) from None
            except requests.RequestException as exc:
                message = translate("Erp", "cannot reach {url}: {error}").format(
                    url=url, error=_short(exc)
                )
                raise _pull_failed(db, name, url, message) from None
            if response.status_code != 200:
                text = " ".join(response.text.split())[:300]
                message = translate("Erp", "{url} answered HTTP {status}: {text}").format(
                    url=url, status=response.status_code, text=text
                )
                raise _pull_failed(db, name, url, message)
            text = response.content.decode("utf-8", errors="replace")
            try:
                page = core.parse_orders_json(text, url)
            except core.OrderFileError as exc:
                record_import_failure(db, name, url, str(exc))
                raise
            orders += [o for o in page if o.order_id not in seen]
            seen.update(o.order_id for o in page)
            try:
                following = json.loads(text).get("next")
            except AttributeError:
                following = None
            if not isinstance(following, str) or not following:
                break
            url = urljoin(url, following)
    finally:
        if own_http:
            http.close()
    try:
        with db.session() as session:
            return import_orders(session, actor, name, orders, url)
    except core.OrderFileError as exc:
        record_import_failure(db, name, url, str(exc))
        raise


def _pull_failed(db: Database, system: str, url: str, message: str) -> ErpUnavailable:
    record_import_failure(db, system, url, message)
    return ErpUnavailable(message)


# ----------------------------------------------------------------------- worker pass
@dataclass
class PassReport:
    delivery: DeliveryReport | None = None
    pulls: list[str] = field(default_factory=list)  # one line per pull
    locked: str | None = None  # the license does not include ERP sync


def _due_pulls(db: Database, now: dt.datetime) -> list[str]:
    """Claim the systems whose scheduled pull is due (one worker wins each)."""
    due = sa.text(
        "UPDATE external_systems SET last_pulled_at = :now "
        "WHERE active AND direction IN ('inbound', 'both') AND pull_interval_s IS NOT NULL "
        "AND 'order' = ANY (entity_types) AND (last_pulled_at IS NULL "
        "OR last_pulled_at + make_interval(secs => pull_interval_s) <= :now) "
        "RETURNING name"
    ).bindparams(sa.bindparam("now", type_=UTCDateTime))
    with db.session() as session:
        return list(session.scalars(due, {"now": now}))


def periodic_pass(
    db: Database,
    now: dt.datetime | None = None,
    http: requests.Session | None = None,
    secrets: SecretStore | None = None,
    log: Callable[[str], None] | None = None,
) -> PassReport:
    """What a worker does every few seconds: deliver due events, run due pulls. Quiet
    (one cheap query) when no system is configured."""
    now = now or utcnow()
    report = PassReport()
    with db.session() as session:
        if not session.scalar(sa.select(sa.exists().where(ExternalSystem.active.is_(True)))):
            return report
        if not licenses.has_feature(session, Feature.ERP_SYNC):
            report.locked = translate(
                "Erp", "the license in force does not include ERP/MES synchronisation"
            )
            return report
    report.delivery = deliver_pending(db, now, http, secrets)
    for name in _due_pulls(db, now):
        try:
            report.pulls.append(pull_orders(db, WORKER_ACTOR, name, http, secrets).line())
        except UserError as exc:
            report.pulls.append(f"{name}: {exc}")
            if log:
                log(f"ERP pull from {name} failed: {exc}")
    return report
