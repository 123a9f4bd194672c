"""Job events pushed by PostgreSQL (LISTEN cnc_job_events), for whoever shows progress.

A listener thread calls ``on_event(payload)`` for every event; when the database is
unreachable it keeps retrying and reports ``connected = False`` so the caller can poll.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

import psycopg
import sqlalchemy as sa

RETRY_S = 3.0


class JobEventListener:
    def __init__(self, url: str, on_event: Callable[[dict], None]):
        self._conninfo = (
            sa.engine.make_url(url).set(drivername="postgresql").render_as_string(False)
        )
        self._on_event = on_event
        self._stop = threading.Event()
        self.connected = False
        self._thread = threading.Thread(target=self._listen, name="cnc-job-events", daemon=True)
        self._thread.start()

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute("LISTEN cnc_job_events")
                    self.connected = True
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            self._on_event(json.loads(note.payload))
            except (psycopg.Error, ValueError):
                self.connected = False
                self._stop.wait(RETRY_S)
        self.connected = False

    def stop(self) -> None:
        self._stop.set()
