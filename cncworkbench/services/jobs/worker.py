"""Workers: claim jobs, run their handlers, report progress, finish them exactly once.

``cncworkbench worker`` runs :class:`Worker` in the foreground; the workbench runs one in
the background when it finds no worker alive on a single-seat install. A worker claims
only the job types it has handlers for (one registry: :func:`handler`), keeps the leases
of its attempts alive with heartbeats, listens for ``cnc_jobs`` (new work) and
``cnc_job_cancel`` (stop that job) notifications and polls as a fallback, reconnects when
the database goes away, and on SIGTERM finishes or gives back what it is running.

A handler gets a :class:`JobContext` and returns the job's output. Whatever it must
commit together with the job's completion (artefact rows, results) it registers with
:meth:`JobContext.on_commit`: those run in the transaction that completes the job, which
only the current attempt may complete, so the effects happen exactly once.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import signal
import socket
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import psycopg
import sqlalchemy as sa
from sqlalchemy.orm import Session

from cncworkbench import __version__
from cncworkbench.core import localefmt
from cncworkbench.core.i18n import translate
from cncworkbench.db import queue
from cncworkbench.db.engine import Database
from cncworkbench.db.models import User
from cncworkbench.errors import DatabaseUnavailable, UserError
from cncworkbench.services.access.audit import Actor
from cncworkbench.storage import ObjectStore

log = logging.getLogger("cncworkbench.worker")
RECONNECT_FOR_S = 300.0  # how long a worker keeps trying to reach a database that went away
DISCONNECTED = (
    sa.exc.OperationalError,
    sa.exc.InterfaceError,
    psycopg.OperationalError,
    DatabaseUnavailable,
)


class JobCancelled(Exception):
    """The user cancelled the job."""


class AttemptLost(Exception):
    """This attempt no longer owns the job (its lease was taken back, or it was released)."""


class JobTimeout(Exception):
    """The attempt ran past the job's timeout_seconds."""


class PermanentError(UserError):
    """A failure retrying cannot fix (bad input): the job fails at once."""


Handler = Callable[["JobContext"], dict[str, Any] | None]
_HANDLERS: dict[str, Handler] = {}


def handler(job_type: str) -> Callable[[Handler], Handler]:
    """Register the handler of ``job_type`` (the CAM and simulation code plugs in here)."""

    def register(function: Handler) -> Handler:
        _HANDLERS[job_type] = function
        return function

    return register


def registered_types() -> list[str]:
    return sorted(_HANDLERS)


# Periodic work that is not a job (ERP delivery): name -> (interval s, function(worker)).
_LOOPS: dict[str, tuple[float, Callable[[Worker], None]]] = {}


def loop(name: str, interval_s: float) -> Callable:
    """Register ``function(worker)`` to run every ``interval_s`` seconds in every worker."""

    def register(function: Callable[[Worker], None]) -> Callable[[Worker], None]:
        _LOOPS[name] = (interval_s, function)
        return function

    return register


def load_handlers() -> None:
    """The product's handlers, plus modules named in $CNC_JOB_HANDLERS (comma separated)."""
    for name in ["cncworkbench.services.job_handlers", "cncworkbench.services.commerce.erp_jobs",
                 *filter(None, os.environ.get("CNC_JOB_HANDLERS", "").split(","))]:  # fmt: skip
        module = importlib.import_module(name.strip())
        # register() again: an earlier load in this process may have been overridden
        if hasattr(module, "register"):
            module.register()


@dataclass
class JobContext:
    job: queue.ClaimedJob
    worker: Worker
    started: float = field(default_factory=time.monotonic)
    logged: tuple[int, str] = (-100, "")  # the last progress logged (percent, message)
    cancelled: threading.Event = field(default_factory=threading.Event)
    lost: threading.Event = field(default_factory=threading.Event)
    finalizers: list[Callable[[Session], None]] = field(default_factory=list)

    @property
    def params(self) -> dict[str, Any]:
        return self.job.input_params

    @property
    def db(self) -> Database:
        return self.worker.db

    @property
    def store(self) -> ObjectStore:
        return self.worker.store

    @property
    def actor(self) -> Actor:
        """The job's owner, as whom the work is audited."""
        return Actor(self.job.user_id, None, "worker", via="owner")

    def remaining(self) -> float:
        return self.job.timeout_seconds - (time.monotonic() - self.started)

    def check(self) -> None:
        """Stop here if the job was cancelled, taken back or ran out of time."""
        if self.cancelled.is_set():
            raise JobCancelled()
        if self.lost.is_set():
            raise AttemptLost()
        if self.remaining() <= 0:
            raise JobTimeout()

    def progress(self, percent: float, message: str = "") -> None:
        """Report progress (0..100); raises when the attempt must stop."""
        self.check()
        # The log (worker -v) gets each new step and every tenth percent, not every tick.
        if message != self.logged[1] or percent >= self.logged[0] + 10:
            self.logged = (int(percent), message)
            log.info("job %s %s: %d %% %s", self.job.id, self.job.type, int(percent), message)
        try:
            with self.db.session() as session:
                stop = queue.progress(session, self.job.id, self.job.task_id, int(percent), message)
        except DISCONNECTED:
            return  # progress is best effort; the heartbeat will tell if the job is lost
        if stop:
            self.worker.refresh(self)
            self.check()
            raise AttemptLost()

    def on_commit(self, finalizer: Callable[[Session], None]) -> None:
        """Run ``finalizer(session)`` in the transaction that completes the job."""
        self.finalizers.append(finalizer)


class _Fenced(Exception):
    pass


class Worker:
    def __init__(
        self,
        database: Database,
        store: ObjectStore,
        types: list[str] | None = None,
        concurrency: int = 1,
        worker_id: str | None = None,
        poll_interval: float = 2.0,
        heartbeat_interval: float = 2.0,
        shutdown_grace: float = 30.0,
        listen: bool = True,
    ):
        known = set(registered_types())
        self.types = sorted(known & set(types)) if types else sorted(known)
        if not self.types:
            asked = ", ".join(types) if types else translate("Jobs", "any job type")
            raise UserError(
                translate(
                    "Jobs", "This worker has no handlers for {asked}; known types: {known}"
                ).format(asked=asked, known=", ".join(sorted(known)) or translate("Jobs", "none"))
            )
        self.db = database
        self.store = store
        self.concurrency = max(1, int(concurrency))
        self.id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.poll_interval = poll_interval
        self.heartbeat_interval = heartbeat_interval
        self.shutdown_grace = shutdown_grace
        # Without LISTEN (connection poolers in transaction mode) the worker only polls.
        self.listen = listen
        self._running: dict[str, JobContext] = {}  # task id -> context
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self.completed = 0  # for tests and benchmarks

    # -- database access that survives a restart ---------------------------------------------
    def _with_db(self, work, deadline: float = RECONNECT_FOR_S):
        """``work(session)`` in one transaction, retried while the database is away."""
        give_up = time.monotonic() + deadline
        delay = 0.2
        while True:
            try:
                with self.db.session() as session:
                    return work(session)
            except DISCONNECTED as exc:
                if time.monotonic() > give_up:
                    raise
                log.warning("database unavailable (%s); retrying in %.1f s", exc, delay)
                time.sleep(delay)
                delay = min(delay * 2, 5.0)

    # -- life cycle ----------------------------------------------------------------------
    def start(self) -> None:
        self._with_db(
            lambda s: queue.register_worker(
                s,
                self.id,
                socket.gethostname(),
                os.getpid(),
                self.types,
                self.concurrency,
                __version__,
            )
        )
        loops = [(self._claim_loop, "claims"), (self._heartbeat_loop, "heartbeats")]
        if self.listen:
            loops.append((self._listen_loop, "listener"))
        for name, (interval, function) in _LOOPS.items():
            loops.append((lambda i=interval, f=function: self._periodic(i, f), name))
        for target, name in loops:
            thread = threading.Thread(target=target, name=f"cnc-worker-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        log.info(
            "worker %s handles %s with %d slot(s)", self.id, ", ".join(self.types), self.concurrency
        )

    def stop(self, grace: float | None = None) -> None:
        """Stop claiming; let running jobs finish within ``grace``, then give them back."""
        self._stopping.set()
        self._wake.set()
        deadline = time.monotonic() + (self.shutdown_grace if grace is None else grace)
        while self.busy() and time.monotonic() < deadline:
            time.sleep(0.05)
        with self._lock:
            left = list(self._running.values())
        for context in left:
            context.lost.set()  # its handler stops at the next progress report
            try:
                self._with_db(lambda s, c=context: queue.release(s, c.job.id, c.job.task_id), 5)
                log.info("released job %s", context.job.id)
            except Exception:  # the lease expires and another worker takes it back
                log.exception("could not release job %s", context.job.id)
        with contextlib.suppress(Exception):  # the heartbeat simply stops
            self._with_db(lambda s: queue.worker_stopped(s, self.id), 5)
        for thread in self._threads:
            thread.join(timeout=2)

    def run_forever(self) -> None:
        """The ``cncworkbench worker`` main loop: until SIGTERM or Ctrl-C."""
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        self.start()
        while not stop.wait(0.5):
            pass
        log.info("stopping: finishing or giving back %d job(s)", len(self._running))
        self.stop()

    def run_until_idle(self, settle_s: float = 1.0, retry_within_s: float = 30.0) -> int:
        """``cncworkbench worker --once``: run what is queued for this worker's types (and
        the jobs those queue, and retries due within ``retry_within_s``), then stop; the
        number of jobs completed."""
        self.start()
        try:
            idle_since = None
            while True:
                time.sleep(0.2)
                if self.busy() or self._waiting(retry_within_s):
                    idle_since = None
                    continue
                idle_since = idle_since or time.monotonic()
                if time.monotonic() - idle_since >= settle_s:
                    return self.completed
        finally:
            self.stop()

    def _waiting(self, retry_within_s: float) -> int:
        return self._with_db(
            lambda s: s.execute(
                sa.text(
                    "SELECT count(*) FROM jobs j JOIN job_state s ON s.job_id = j.id "
                    "WHERE j.type = ANY(:types) AND j.status IN ('queued', 'running') "
                    "AND s.lease_expires_at IS NULL AND NOT s.cancel_requested "
                    "AND s.available_at <= (now() AT TIME ZONE 'UTC') + "
                    "make_interval(secs => :within)"
                ),
                {"types": self.types, "within": retry_within_s},
            ).scalar_one()
        )

    def busy(self) -> int:
        with self._lock:
            return len(self._running)

    def refresh(self, context: JobContext) -> None:
        """Learn at once (not at the next heartbeat) why an attempt must stop."""
        self._heartbeat_once()

    # -- threads -------------------------------------------------------------------------
    def _claim_loop(self) -> None:
        while not self._stopping.is_set():
            if self.busy() >= self.concurrency:
                self._wake.wait(self.poll_interval)
                self._wake.clear()
                continue
            task_id = uuid.uuid4().hex
            try:
                job = self._with_db(
                    lambda s, t=task_id: queue.claim(
                        s, self.id, self.types, t, self.heartbeat_interval
                    )
                )
            except Exception:
                log.exception("claiming failed")
                job = None
            if job is None:
                self._wake.wait(self.poll_interval)
                self._wake.clear()
                continue
            context = JobContext(job, self)
            with self._lock:
                self._running[job.task_id] = context
            threading.Thread(
                target=self._execute, args=(context,), name=f"cnc-job-{job.id}", daemon=True
            ).start()

    def _heartbeat_once(self) -> None:
        with self._lock:
            tasks = list(self._running)
        if not tasks:
            self._with_db(
                lambda s: queue.register_worker(
                    s,
                    self.id,
                    socket.gethostname(),
                    os.getpid(),
                    self.types,
                    self.concurrency,
                    __version__,
                ),
                10,
            )
            return
        beats = self._with_db(
            lambda s: queue.heartbeat(s, self.id, tasks, self.heartbeat_interval), 10
        )
        with self._lock:
            for beat in beats:
                context = self._running.get(beat.task_id)
                if context is None:
                    continue
                if beat.cancel_requested:
                    context.cancelled.set()
                if beat.lost:
                    context.lost.set()

    def _heartbeat_loop(self) -> None:
        while not self._stopping.wait(self.heartbeat_interval):
            try:
                self._heartbeat_once()
            except Exception as exc:  # the lease may lapse; fencing keeps the job safe
                log.warning("heartbeat failed: %s", exc)

    def _listen_loop(self) -> None:
        url = sa.engine.make_url(self.db.url).set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        while not self._stopping.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute("LISTEN cnc_jobs")
                    conn.execute("LISTEN cnc_job_cancel")
                    self._wake.set()  # work may have arrived while we were not listening
                    while not self._stopping.is_set():
                        for note in conn.notifies(timeout=1.0):
                            if note.channel == "cnc_jobs":
                                self._wake.set()
                            elif note.channel == "cnc_job_cancel":
                                self._cancel_requested(int(note.payload))
            except psycopg.Error as exc:
                log.warning("notifications unavailable (%s); polling", exc)
                self._stopping.wait(self.poll_interval)

    def _periodic(self, interval: float, function: Callable[[Worker], None]) -> None:
        while not self._stopping.wait(interval):
            try:
                function(self)
            except Exception:  # the next round tries again
                log.exception("periodic %s failed", getattr(function, "__name__", function))

    def _cancel_requested(self, job_id: int) -> None:
        with self._lock:
            for context in self._running.values():
                if context.job.id == job_id:
                    context.cancelled.set()

    # -- running one attempt -------------------------------------------------------------
    def _execute(self, context: JobContext) -> None:
        # Messages made while running (progress, failures, findings' text) are read first
        # by whoever asked for the job: in their language.
        with localefmt.speaking(self._language_of(context.job)):
            self._attempt(context)

    def _language_of(self, job: queue.ClaimedJob) -> str | None:
        if job.user_id is None or localefmt.forced():
            return None  # CNC_LOCALE (a demo, the tests) decides for everyone
        try:
            with self.db.session() as session:
                return session.scalar(sa.select(User.locale).where(User.id == job.user_id))
        except DISCONNECTED:
            return None

    def _attempt(self, context: JobContext) -> None:
        job = context.job
        log.info(
            "job %s %s claimed (attempt %d of %d, user %s)",
            job.id, job.type, job.retry_count + 1, job.max_retries + 1, job.user_id,
        )  # fmt: skip
        ended = "failed"
        try:
            run = _HANDLERS[job.type]
            output = run(context) or {}
            context.check()
            metrics = {"handler_ms": int((time.monotonic() - context.started) * 1000)}

            def finish(session: Session) -> None:
                for finalizer in context.finalizers:
                    finalizer(session)
                if not queue.complete(session, job.id, job.task_id, output, metrics):
                    raise _Fenced()

            self._with_db(finish)
            self.completed += 1
            ended = "completed"
        except _Fenced:
            ended = "dropped (taken over)"
            log.info("job %s was taken over by another attempt; its results were dropped", job.id)
        except JobCancelled:
            ended = "cancelled"
            self._settle(lambda s: queue.acknowledge_cancel(s, job.id, job.task_id))
        except AttemptLost:
            ended = "given back"
            log.info("job %s: this attempt no longer owns it", job.id)
        except JobTimeout:
            message = translate(
                "Jobs", "the job ran longer than its timeout of {seconds} s"
            ).format(seconds=job.timeout_seconds)
            self._settle(
                lambda s: queue.fail_attempt(s, job.id, job.task_id, "timeout", message, False)
            )
        except PermanentError as exc:
            reason = str(exc)
            log.info("job %s %s refused: %s", job.id, job.type, reason)
            self._settle(
                lambda s: queue.fail_attempt(s, job.id, job.task_id, "invalid", reason, False)
            )
        except Exception as exc:
            code = type(exc).__name__
            message = str(exc) or code
            log.warning("job %s attempt failed: %s\n%s", job.id, message, traceback.format_exc())
            self._settle(lambda s: queue.fail_attempt(s, job.id, job.task_id, code, message, True))
        finally:
            log.info(
                "job %s %s %s after %.1f s", job.id, job.type, ended,
                time.monotonic() - context.started,
            )  # fmt: skip
            with self._lock:
                self._running.pop(job.task_id, None)
            self._wake.set()

    def _settle(self, work) -> None:
        try:
            self._with_db(work)
        except Exception:  # the lease lapses and the job is taken back: nothing is lost
            log.exception("could not record how the attempt ended")


def live_worker_count(database: Database, job_type: str | None = None) -> int:
    """Workers whose heartbeat is fresh (those that run ``job_type``, or any)."""
    with database.session() as session:
        return queue.live_workers(session, job_type)


def start_here(
    database: Database, store: ObjectStore, types: list[str] | None = None, **options
) -> Worker:
    """A worker in this process, started (a single-seat install has no separate one).
    ``database`` is the worker's connection (``AppContext.worker_db``)."""
    load_handlers()
    worker = Worker(database, store, types, 1, **options)
    worker.start()
    return worker
