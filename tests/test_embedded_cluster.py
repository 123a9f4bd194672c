"""The embedded PostgreSQL: created on first use, reused, restarted, recovered after a crash."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from cncworkbench.db import cluster as cluster_module
from cncworkbench.db.cluster import EmbeddedCluster
from cncworkbench.errors import ConfigurationError


@pytest.fixture
def reachable_dir():
    """A folder the server's OS user can enter (pytest's tmp folders are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="cnc-cluster-test-"))
    path.chmod(0o755)
    yield path
    EmbeddedCluster(path / "postgres").destroy()
    shutil.rmtree(path, ignore_errors=True)


def query(live, sql: str):
    with psycopg.connect(live.conninfo()) as conn:
        return conn.execute(sql).fetchall()


def postmaster_pid(cluster: EmbeddedCluster) -> int:
    return int((cluster.pgdata / "postmaster.pid").read_text().splitlines()[0])


def test_first_use_creates_a_cluster_with_our_database_and_owner(reachable_dir):
    cluster = EmbeddedCluster.for_data_dir(reachable_dir)
    assert cluster.root == reachable_dir / "postgres"
    live = cluster.ensure_running(progress=lambda *_: None)
    assert query(live, "SELECT current_user, current_database()") == [("cnc_owner", "cncworkbench")]
    assert query(live, "SHOW timezone") == [("UTC",)]
    # private: only the server's OS user may enter the data and socket folders
    assert cluster.pgdata.stat().st_mode & 0o077 == 0
    assert live.socket_dir.stat().st_mode & 0o077 == 0


def test_runs_as_an_unprivileged_user_when_started_by_root(reachable_dir):
    if os.geteuid() != 0:
        pytest.skip("only meaningful as root")
    cluster = EmbeddedCluster.for_data_dir(reachable_dir)
    cluster.ensure_running(progress=lambda *_: None)
    owner = Path(f"/proc/{postmaster_pid(cluster)}").stat().st_uid
    assert owner != 0


def test_a_second_start_reuses_the_running_server(reachable_dir):
    cluster = EmbeddedCluster.for_data_dir(reachable_dir)
    first = cluster.ensure_running(progress=lambda *_: None)
    pid = postmaster_pid(cluster)
    again = EmbeddedCluster.for_data_dir(reachable_dir).ensure_running(progress=lambda *_: None)
    assert again == first and postmaster_pid(cluster) == pid


def test_data_survives_a_restart(reachable_dir):
    cluster = EmbeddedCluster.for_data_dir(reachable_dir)
    live = cluster.ensure_running(progress=lambda *_: None)
    with psycopg.connect(live.conninfo()) as conn:
        conn.execute("CREATE TABLE kept (note text)")
        conn.execute("INSERT INTO kept VALUES ('tezgah')")
    assert cluster.stop()
    assert cluster.running() is None
    live = cluster.ensure_running(progress=lambda *_: None)
    assert query(live, "SELECT note FROM kept") == [("tezgah",)]


def test_recovers_after_the_server_was_killed(reachable_dir):
    cluster = EmbeddedCluster.for_data_dir(reachable_dir)
    live = cluster.ensure_running(progress=lambda *_: None)
    with psycopg.connect(live.conninfo()) as conn:
        conn.execute("CREATE TABLE kept (n int)")
        conn.execute("INSERT INTO kept VALUES (42)")
    os.kill(postmaster_pid(cluster), signal.SIGKILL)
    deadline = time.monotonic() + 10
    while cluster.running() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (cluster.pgdata / "postmaster.pid").exists()  # stale, left by the crash
    messages = []
    live = EmbeddedCluster.for_data_dir(reachable_dir).ensure_running(progress=messages.append)
    assert any("not shut down cleanly" in m for m in messages)
    assert query(live, "SELECT n FROM kept") == [(42,)]


def test_pid_files_of_servers_not_ready_are_not_taken_for_a_running_cluster(reachable_dir):
    # Seen on a cold machine: a second process started while the first ran initdb, read
    # the bootstrap backend's pid file (negative pid, port 5432) and used a dead port.
    cluster = EmbeddedCluster.for_data_dir(reachable_dir)
    cluster.pgdata.mkdir(parents=True)
    pid_file = cluster.pgdata / "postmaster.pid"
    pid_file.write_text(f"-{os.getpid()}\n{cluster.pgdata}\n0\n5432\n\n")
    assert cluster.running() is None
    pid_file.write_text(f"{os.getpid()}\n{cluster.pgdata}\n0\n5432\n/tmp\n*\n0 0\nstarting\n")
    assert cluster.running() is None
    shutil.rmtree(cluster.root)


def test_a_stale_pid_file_naming_a_living_stranger_is_ignored(reachable_dir):
    cluster = EmbeddedCluster.for_data_dir(reachable_dir)
    cluster.ensure_running(progress=lambda *_: None)
    cluster.stop()
    # After a crash and a reboot the old pid may belong to any process: here, this one.
    pid_file = cluster.pgdata / "postmaster.pid"
    pid_file.write_text(f"{os.getpid()}\n{cluster.pgdata}\n0\n5432\n/tmp\n127.0.0.1\n0 0\nready\n")
    assert cluster.running() is None
    live = cluster.ensure_running(progress=lambda *_: None)
    assert query(live, "SELECT 1") == [(1,)]


def test_concurrent_first_starts_make_one_cluster(reachable_dir):
    script = (
        "import sys; from pathlib import Path; "
        "from cncworkbench.db.cluster import EmbeddedCluster; "
        "live = EmbeddedCluster.for_data_dir(Path(sys.argv[1])).ensure_running(lambda *_: None); "
        "print(live.port)"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(reachable_dir)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    ports = {process.communicate(timeout=120)[0].strip() for process in processes}
    assert all(process.returncode == 0 for process in processes)
    assert len(ports) == 1  # all three use the same server


def test_two_clusters_listen_on_different_free_ports(reachable_dir):
    one = EmbeddedCluster(reachable_dir / "a").ensure_running(progress=lambda *_: None)
    two = EmbeddedCluster(reachable_dir / "b").ensure_running(progress=lambda *_: None)
    try:
        assert one.port != two.port
    finally:
        EmbeddedCluster(reachable_dir / "a").destroy()
        EmbeddedCluster(reachable_dir / "b").destroy()


def test_a_restarted_cluster_keeps_its_port_for_the_clients_holding_it(reachable_dir):
    """Regression: CI saw a restart move the server to another port, stranding workers.

    The port is picked below the kernel's ephemeral range (where outgoing connections take
    theirs) and TCP connections of the last run left in TIME_WAIT do not count as busy.
    """
    cluster = EmbeddedCluster(reachable_dir / "restart")
    try:
        live = cluster.ensure_running(progress=lambda *_: None)
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
        assert live.port < low
        # Clients connected while the server stops: it closes first, so its port is left
        # with connections in TIME_WAIT.
        clients = [socket.create_connection(("127.0.0.1", live.port), timeout=5) for _ in range(3)]
        try:
            cluster.stop()
            cluster.wait_stopped()
        finally:
            for client in clients:
                client.close()
        assert cluster.ensure_running(progress=lambda *_: None).port == live.port
    finally:
        cluster.destroy()


def test_root_with_a_data_folder_the_server_user_cannot_reach(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only meaningful as root")
    private = tmp_path / "private"  # pytest's tmp folders are 0700 root
    private.mkdir(mode=0o700)
    cluster = EmbeddedCluster.for_data_dir(private / "data")
    assert str(cluster.root).startswith("/var/lib/cncworkbench/clusters/")
    assert cluster.root != EmbeddedCluster.for_data_dir(tmp_path / "other").root


def test_no_postgresql_programs_gives_an_install_hint(reachable_dir, monkeypatch):
    monkeypatch.setattr(cluster_module, "candidate_bindirs", lambda: [reachable_dir / "nothing"])
    with pytest.raises(ConfigurationError) as error:
        EmbeddedCluster.for_data_dir(reachable_dir).ensure_running(progress=lambda *_: None)
    message = str(error.value)
    assert "apt install postgresql" in message and "CNC_DATABASE_URL" in message


def test_a_restarted_cluster_keeps_its_port(reachable_dir):
    cluster = EmbeddedCluster.for_data_dir(reachable_dir)
    first = cluster.ensure_running(progress=lambda *_: None)
    cluster.stop()
    again = cluster.ensure_running(progress=lambda *_: None)
    assert again.port == first.port  # clients holding the URL reconnect
