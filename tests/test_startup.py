"""What a command pays before its work: the modules it imports, the keyring probe, the schema
check (issue #20: `model upload` within 1.5x of a plain boto3 upload)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from cncworkbench.config import SecretStore, no_session_bus_keyring
from cncworkbench.db import migrate
from tests.support.people import make_user

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLES = REPOSITORY / "resources" / "samples"


def _imported(args: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess, set]:
    """Run the command with ``-X importtime``: (the run, the names of the modules imported)."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cncworkbench.cli", *args],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )  # fmt: skip
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return run, modules


# Modules `model upload` has no use for: migrating (Alembic, and Mako and Pygments below
# it), other command groups, PDF and pricing.
NOT_FOR_AN_UPLOAD = (
    "alembic",
    "mako",
    "pygments",
    "cncworkbench.cli.invoice",
    "cncworkbench.cli.simulate",
    "cncworkbench.cli.erp",
    "cncworkbench.core.money",
    "keyring.backends.SecretService",
)


def test_model_upload_imports_only_what_an_upload_needs(db, s3_env, tmp_path):
    make_user(db, "yukleme@atolye.example", "engineer")
    env = {**os.environ, "CNC_DATABASE_URL": db.url, "CNC_DATA_DIR": str(tmp_path / "data"),
           "CNC_S3_BUCKET": s3_env.new_bucket()}  # fmt: skip
    for name in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"):
        env.pop(name, None)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")  # no keyringrc.cfg
    run, modules = _imported(
        ["model", "upload", str(SAMPLES / "flans_plakasi.stl"), "--project", "Hız",
         "--user", "yukleme@atolye.example", "--json"], env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert '"version": 1' in run.stdout
    assert "sqlalchemy" in modules and "boto3" in modules  # what it does need
    assert [name for name in NOT_FOR_AN_UPLOAD if name in modules] == []


def test_every_command_is_still_listed_and_runs_in_both_languages():
    from click.testing import CliRunner

    from cncworkbench.cli import COMMANDS, main

    english = CliRunner().invoke(main, ["--language", "en", "--help"])
    assert english.exit_code == 0
    for name in COMMANDS:
        assert f"\n  {name} " in english.output, name
    assert "Models and their versions." in english.output
    turkish = CliRunner().invoke(main, ["--language", "tr", "--help"])
    assert "Modeller ve sürümleri." in turkish.output
    # a group loaded on demand speaks the language of the run that loads it, and the next
    # run's language after that; `cam submit` (declared with the setups) is under `cam`
    cam_tr = CliRunner().invoke(main, ["--language", "tr", "cam", "--help"])
    assert "Komutlar:" in cam_tr.output and "submit" in cam_tr.output
    cam_en = CliRunner().invoke(main, ["--language", "en", "cam", "--help"])
    assert "Commands:" in cam_en.output and "submit" in cam_en.output
    unknown = CliRunner().invoke(main, ["--language", "en", "modle"])
    assert unknown.exit_code == 2 and "No such command 'modle'" in unknown.output


def _probe_in_a_fresh_process(env: dict[str, str], *, keyring_first: bool) -> str:
    """unavailable_reason of a new SecretStore in a process of its own (no pinned backend):
    ours, or (keyring_first) keyring's own full probe judged the same way."""
    code = (
        "import keyring; from cncworkbench.config import SecretStore; "
        "print(SecretStore(keyring.get_keyring()).unavailable_reason)"
        if keyring_first
        else "from cncworkbench.config import SecretStore; import sys; "
        "print(SecretStore().unavailable_reason); print('keyring' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, timeout=120, check=True)  # fmt: skip
    return run.stdout


def test_without_a_session_bus_the_keyring_answer_is_keyrings_own_without_its_probe(tmp_path):
    env = {**os.environ, "CNC_LOCALE": "en", "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    for name in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"):
        env.pop(name, None)
    ours = _probe_in_a_fresh_process(env, keyring_first=False).splitlines()
    theirs = _probe_in_a_fresh_process(env, keyring_first=True).strip()
    assert ours[0] == theirs
    assert "no OS keyring" in ours[0]
    assert ours[1] == "False"  # keyring (and its plugins) never loaded


def test_without_keyrings_alt_installed_the_answer_is_no_keyring(tmp_path):
    """Regression: FreeCAD 1.0's Python had keyring but no ``keyrings`` namespace at all;
    find_spec("keyrings.alt") raised and the workbench did not start."""
    env = {**os.environ, "CNC_LOCALE": "en", "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    for name in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"):
        env.pop(name, None)
    code = (
        "import sys; sys.modules['keyrings'] = None  # as if never installed\n"
        "from cncworkbench.config import SecretStore\n"
        "print(SecretStore().unavailable_reason)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "no OS keyring" in run.stdout and "keyrings.alt" not in run.stdout


def test_a_session_bus_or_a_chosen_backend_goes_through_keyrings_probe(tmp_path, pinned_keyring):
    bare = {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    # the tests pin a backend in this process: it is used, not second-guessed
    assert not no_session_bus_keyring(bare)
    assert SecretStore().available
    pinned = sys.modules["keyring.core"]._keyring_backend
    try:
        sys.modules["keyring.core"]._keyring_backend = None
        assert no_session_bus_keyring(bare)
        assert not no_session_bus_keyring({**bare, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"})
        assert not no_session_bus_keyring({**bare, "PYTHON_KEYRING_BACKEND": "a.B"})
        (tmp_path / "run").mkdir()
        (tmp_path / "run" / "bus").touch()
        assert not no_session_bus_keyring({**bare, "XDG_RUNTIME_DIR": str(tmp_path / "run")})
        (tmp_path / "xdg" / "python_keyring").mkdir(parents=True)
        (tmp_path / "xdg" / "python_keyring" / "keyringrc.cfg").write_text("[backend]\n")
        assert not no_session_bus_keyring(bare)
    finally:
        sys.modules["keyring.core"]._keyring_backend = pinned


def test_the_head_read_from_the_files_is_alembics():
    from alembic.script import ScriptDirectory

    alembic_head = ScriptDirectory(str(migrate.MIGRATIONS_DIR)).get_current_head()
    assert migrate.head_revision() == alembic_head


def test_the_schema_check_is_one_query_and_once_per_process(owner_context, empty_db_url):
    statements: list[str] = []
    migrate.forget_current_revisions()
    engine = owner_context.db.engine
    sa.event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    assert owner_context.ensure_schema() == migrate.head_revision()
    assert statements == ["SELECT version_num FROM alembic_version"]
    statements.clear()
    owner_context.ensure_schema()
    assert statements == []  # known to be at the head for this URL
    # a database with no schema yet: no revision (and the check does not break the session)
    empty = sa.create_engine(empty_db_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        assert migrate.current_revision(empty) is None
    finally:
        empty.dispose()


def test_a_downgrade_in_this_process_is_noticed_by_the_next_check(owner_context):
    from cncworkbench.errors import ConfigurationError

    head = owner_context.ensure_schema()
    migrate.downgrade(owner_context.db.engine, "-1")
    try:
        # a shared database is never migrated behind its administrator's back: it says so
        with pytest.raises(ConfigurationError, match=f"needs {head}"):
            owner_context.ensure_schema()
    finally:
        migrate.upgrade(owner_context.db.engine)


@pytest.mark.parametrize("when", ["before the transfer", "during the transfer"])
def test_a_file_changed_during_the_upload_is_refused_though_hashed_only_once(
    db, store, app_context, tmp_path, monkeypatch, when
):
    """The S3 store no longer hashes what the upload hashed already: the file's size and
    modification time, unchanged from before that hash to after the transfer, stand for it."""
    from cncworkbench.errors import ValidationError
    from cncworkbench.services.access import identity
    from cncworkbench.services.pdm import models as model_service
    from tests.support.people import PASSWORD

    make_user(db, "degisen@atolye.example", "engineer")
    user = identity.sign_in(app_context, "degisen@atolye.example", PASSWORD)
    path = tmp_path / "govde.stl"
    path.write_bytes((SAMPLES / "flans_plakasi.stl").read_bytes())
    rewritten = []

    def rewrite(*_):  # another program saves the file meanwhile (same size, new content)
        if not rewritten:
            data = bytearray(path.read_bytes())
            data[:5] = b"edit!"
            path.write_bytes(bytes(data))
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
            rewritten.append(True)

    if when == "before the transfer":  # after the file's check, before its first byte is read
        from cncworkbench.services.pdm import upload_transfer

        new_key = upload_transfer.new_key
        monkeypatch.setattr(upload_transfer, "new_key", lambda *a: (rewrite(), new_key(*a))[1])
    try:
        with pytest.raises(ValidationError, match="changed while it was being uploaded"):
            model_service.upload_model(
                user.db, store, user.actor, path, "P",
                progress=rewrite if when == "during the transfer" else None,
            )  # fmt: skip
        assert rewritten
        with db.engine.connect() as connection:
            assert connection.execute(sa.text("SELECT count(*) FROM models")).scalar() == 0
        assert [key for key, _size, _when in store.iter_objects()] == []
    finally:
        user.close()
