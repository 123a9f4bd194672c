"""Logging in, remembered logins, token rotation, lockout, sessions and passwords.

Everything runs against the real database as a desktop client would: connected as
cnc_app, with passwords and tokens checked inside PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time

import keyring
import psycopg
import pytest
import sqlalchemy as sa
from keyring.backends import fail

from cncworkbench.db.models import SecurityEvent, User
from cncworkbench.db.models import Session as SessionRow
from cncworkbench.errors import ValidationError
from cncworkbench.services.access import identity
from cncworkbench.services.access.identity import LoginFailed, refresh_secret_name
from tests.support.people import PASSWORD, app_url, make_user


def events(db, kind=None):
    with db.session() as session:
        query = sa.select(SecurityEvent).order_by(SecurityEvent.id)
        if kind:
            query = query.where(SecurityEvent.event_type == kind)
        return list(session.scalars(query))


def test_login_with_email_or_mobile_number(db, app_context):
    make_user(db, "ayse@atolye.example", phone="0532 123 45 67")
    by_email = identity.sign_in(app_context, "Ayse@Atolye.example", PASSWORD)
    by_phone = identity.sign_in(app_context, "+90 (532) 123-45-67", PASSWORD)
    assert by_email.user_id == by_phone.user_id
    assert by_email.role == "engineer" and by_email.locale == "tr"
    assert by_email.timezone == "Europe/Istanbul"
    with db.session() as session:
        user = session.scalar(sa.select(User))
        assert user.last_login_at is not None
        assert abs(user.last_login_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
        assert session.scalar(sa.select(sa.func.count()).select_from(SessionRow)) == 2
    by_email.close()
    by_phone.close()


def test_wrong_password_and_unknown_user_read_the_same(db, app_context):
    make_user(db, "ayse@atolye.example")
    with pytest.raises(LoginFailed) as wrong:
        identity.sign_in(app_context, "ayse@atolye.example", "yanlis-sifre-1")
    with pytest.raises(LoginFailed) as unknown:
        identity.sign_in(app_context, "kimse@atolye.example", "yanlis-sifre-1")
    assert str(wrong.value) == str(unknown.value) == "Wrong e-mail/phone or password."
    failures = events(db, "login_failed")
    assert len(failures) == 2
    assert failures[0].user_id is not None and failures[1].user_id is None
    assert failures[0].details["identifier"] == "ayse@atolye.example"
    assert "CNC Workbench" in failures[0].details["user_agent"]


def test_unknown_users_cost_as_much_time_as_known_ones(db, app_context):
    make_user(db, "ayse@atolye.example")

    def attempt(email):
        started = time.perf_counter()
        with pytest.raises(LoginFailed):
            identity.sign_in(app_context, email, "yanlis-sifre-1")
        return time.perf_counter() - started

    known = min(attempt("ayse@atolye.example") for _ in range(2))
    unknown = min(attempt("kimse@atolye.example") for _ in range(3))
    assert unknown > 0.6 * known  # both pay for one bcrypt comparison in PostgreSQL


def test_passwords_over_72_bytes_are_refused_with_a_message(db, app_context):
    make_user(db, "ayse@atolye.example")
    with pytest.raises(LoginFailed, match="at most 72 bytes"):
        identity.sign_in(app_context, "ayse@atolye.example", "ğ" * 40)  # 80 bytes
    with pytest.raises(ValidationError, match="80 bytes long; at most 72"):
        identity.hash_password("ğ" * 40)
    hashed = identity.hash_password("a" * 72)
    assert hashed.startswith("$2a$12$")


@pytest.mark.parametrize("secret", ["guclu\x00sifre-1", "guclu-sifre\n1", "\tguclu-sifre-1"])
def test_passwords_with_control_characters_are_refused_without_echoing_them(
    db, app_context, secret
):
    # A NUL password was accepted by `user add` (and could never log in), and logging in
    # with one printed a traceback holding the password.
    make_user(db, "ayse@atolye.example")
    with pytest.raises(ValidationError, match="control character") as refused:
        identity.hash_password(secret)
    with pytest.raises(LoginFailed, match="control character") as login:
        identity.sign_in(app_context, "ayse@atolye.example", secret)
    for error in (refused.value, login.value):
        assert secret not in str(error) and "guclu" not in str(error)
    assert events(db, "login_failed") == []  # refused before it reached the database


def test_a_lock_out_does_not_tell_whether_the_account_exists(db, app_context):
    # Unknown identifiers never locked and a locked account answered in ~1 ms (no
    # bcrypt): both told an attacker which addresses have accounts.
    make_user(db, "ayse@atolye.example")

    def attempt(identifier):
        started = time.perf_counter()
        with pytest.raises(LoginFailed) as failed:
            identity.sign_in(app_context, identifier, "yanlis-sifre-1")
        answer = re.sub(r"\d\d:\d\d", "HH:MM", str(failed.value))
        return answer, time.perf_counter() - started

    known = [attempt("ayse@atolye.example") for _ in range(7)]
    unknown = [attempt("kimse@atolye.example") for _ in range(7)]
    assert [a for a, _ in known] == [a for a, _ in unknown]
    assert "Wrong" in known[0][0] and "locked until HH:MM" in known[-1][0]
    normal = min(seconds for _, seconds in known[:4])
    for _, seconds in known[5:] + unknown[5:]:  # locked answers pay for bcrypt too
        assert seconds > 0.5 * normal


def test_five_failures_lock_the_account_and_say_until_when(db, app_context):
    make_user(db, "ayse@atolye.example")
    for _ in range(4):
        with pytest.raises(LoginFailed, match="Wrong"):
            identity.sign_in(app_context, "ayse@atolye.example", "yanlis-sifre-1")
    with pytest.raises(LoginFailed, match=r"locked until \d\d:\d\d \(Istanbul time\)"):
        identity.sign_in(app_context, "ayse@atolye.example", "yanlis-sifre-1")
    # now even the right password is refused, and the attempt is recorded
    with pytest.raises(LoginFailed, match="locked until"):
        identity.sign_in(app_context, "ayse@atolye.example", PASSWORD)
    locked = events(db, "account_locked")
    assert len(locked) == 1 and locked[0].severity == "high"
    assert len(events(db, "login_blocked")) == 1


def test_rolling_back_failed_attempts_does_not_escape_the_lockout(db):
    # A client with a raw connection tries passwords inside transactions it rolls back;
    # the failure counter lives in a sequence, which rollback does not undo.
    make_user(db, "ayse@atolye.example")
    with psycopg.connect(app_url(db).replace("+psycopg", "")) as conn:
        for _ in range(6):
            with conn.transaction(force_rollback=True):
                conn.execute("SELECT status FROM cnc_login('ayse@atolye.example', 'guess-1234567')")
        with conn.transaction(force_rollback=True):
            status = conn.execute(
                "SELECT status FROM cnc_login('ayse@atolye.example', %s)", (PASSWORD,)
            ).fetchone()[0]
    assert status == "locked"


def test_an_administrator_unlocks(db, owner_context, app_context):
    user_id = make_user(db, "ayse@atolye.example")
    for _ in range(5):
        with pytest.raises(LoginFailed):
            identity.sign_in(app_context, "ayse@atolye.example", "yanlis-sifre-1")
    from cncworkbench.services.access import users
    from cncworkbench.services.access.audit import Actor

    with db.session() as session:
        assert [u.locked for u in users.list_users(session, Actor.system())] == [True]
        users.unlock(session, Actor.system(), user_id)
    identity.sign_in(app_context, "ayse@atolye.example", PASSWORD).close()
    assert events(db, "account_locked")[0].resolved is True


def test_failures_far_apart_do_not_lock(db, app_context):
    make_user(db, "ayse@atolye.example")
    for _ in range(4):
        with pytest.raises(LoginFailed):
            identity.sign_in(app_context, "ayse@atolye.example", "yanlis-sifre-1")
    identity.sign_in(app_context, "ayse@atolye.example", PASSWORD).close()  # resets
    for _ in range(4):
        with pytest.raises(LoginFailed, match="Wrong"):
            identity.sign_in(app_context, "ayse@atolye.example", "yanlis-sifre-1")


def test_deactivated_users_cannot_log_in_and_their_sessions_stop(db, app_context):
    user_id = make_user(db, "ayse@atolye.example")
    signed_in = identity.sign_in(app_context, "ayse@atolye.example", PASSWORD)
    with db.session() as session:
        session.get(User, user_id).is_active = False
    with pytest.raises(LoginFailed, match="deactivated"):
        identity.sign_in(app_context, "ayse@atolye.example", PASSWORD)
    from cncworkbench.db.security import SessionEnded

    with pytest.raises(SessionEnded), signed_in.db.session() as session:
        session.execute(sa.select(User.id))
    signed_in.close()


def test_remember_me_keeps_only_a_refresh_token_and_rotates_it(db, app_context):
    make_user(db, "ayse@atolye.example")
    first = identity.sign_in(app_context, "ayse@atolye.example", PASSWORD, remember=True)
    name = refresh_secret_name(app_context.client_url)
    token_1 = app_context.secrets.get(name)
    assert token_1 and len(token_1) == 64
    with db.session() as session:
        stored = session.execute(sa.text("SELECT refresh_token_hash FROM sessions")).scalar_one()
    import hashlib

    assert stored == hashlib.sha256(token_1.encode()).hexdigest()  # only the digest is kept
    first.close()
    resumed = identity.resume_remembered(app_context)
    assert resumed is not None and resumed.user_id == first.user_id
    assert resumed.session_id == first.session_id
    token_2 = app_context.secrets.get(name)
    assert token_2 != token_1  # rotated on use
    resumed.close()


def test_reusing_a_rotated_refresh_token_ends_the_session(db, app_context):
    make_user(db, "ayse@atolye.example")
    identity.sign_in(app_context, "ayse@atolye.example", PASSWORD, remember=True).close()
    name = refresh_secret_name(app_context.client_url)
    stolen = app_context.secrets.get(name)
    legit = identity.resume_remembered(app_context)  # rotates: the stolen copy is now old
    from cncworkbench.db import security

    with app_context.login_db.session() as session:
        outcome = security.resume(session, stolen, "attacker")
    assert outcome.status == "reused" and outcome.access_token is None
    reuse = events(db, "refresh_token_reuse")
    assert len(reuse) == 1 and reuse[0].severity == "critical"
    # the whole session is revoked: the legitimate holder is logged out too
    from cncworkbench.db.security import SessionEnded

    with pytest.raises(SessionEnded), legit.db.session() as session:
        session.execute(sa.select(User.id))
    assert identity.resume_remembered(app_context) is None
    assert app_context.secrets.get(name) is None  # forgotten
    legit.close()


def test_expired_sessions_are_not_honoured(db, app_context):
    make_user(db, "ayse@atolye.example")
    signed_in = identity.sign_in(app_context, "ayse@atolye.example", PASSWORD, remember=True)
    with db.session() as session:
        session.execute(
            sa.text("UPDATE sessions SET expires_at = timezone('UTC', now()) - interval '1 minute'")
        )
    from cncworkbench.db.security import SessionEnded

    with pytest.raises(SessionEnded), signed_in.db.session() as session:
        session.execute(sa.select(User.id))
    assert identity.resume_remembered(app_context) is None
    signed_in.close()


def test_without_a_keyring_login_works_and_nothing_is_remembered(db, app_context):
    make_user(db, "ayse@atolye.example")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        from cncworkbench.config import SecretStore

        app_context.secrets = SecretStore()
        signed_in = identity.sign_in(app_context, "ayse@atolye.example", PASSWORD, remember=True)
        assert not signed_in.remembered
        with db.session() as session:
            expires = session.execute(sa.text("SELECT expires_at FROM sessions")).scalar_one()
        assert expires - dt.datetime.now(dt.UTC).replace(tzinfo=None) < dt.timedelta(hours=13)
        signed_in.close()
    finally:
        keyring.set_keyring(previous)


def test_my_sessions_and_ending_another_device(db, app_context):
    make_user(db, "ayse@atolye.example")
    laptop = identity.sign_in(app_context, "ayse@atolye.example", PASSWORD, where="laptop")
    workshop = identity.sign_in(app_context, "ayse@atolye.example", PASSWORD, where="FreeCAD 0.20")
    listed = identity.my_sessions(laptop)
    assert len(listed) == 2
    assert [s.current for s in listed].count(True) == 1
    assert any("FreeCAD 0.20" in (s.user_agent or "") for s in listed)
    identity.revoke_session(laptop, workshop.session_id)
    assert [s.id for s in identity.my_sessions(laptop)] == [laptop.session_id]
    from cncworkbench.db.security import SessionEnded

    with pytest.raises(SessionEnded), workshop.db.session() as session:
        session.execute(sa.select(User.id))
    laptop.close()
    workshop.close()


def test_users_cannot_end_other_users_sessions(db, app_context):
    make_user(db, "ayse@atolye.example")
    make_user(db, "mehmet@atolye.example")
    ayse = identity.sign_in(app_context, "ayse@atolye.example", PASSWORD)
    mehmet = identity.sign_in(app_context, "mehmet@atolye.example", PASSWORD)
    with pytest.raises(sa.exc.ProgrammingError, match="only end your own sessions"):
        identity.revoke_session(ayse, mehmet.session_id)
    ayse.close()
    mehmet.close()


def test_logout_ends_the_session(db, app_context):
    make_user(db, "ayse@atolye.example")
    signed_in = identity.sign_in(app_context, "ayse@atolye.example", PASSWORD, remember=True)
    identity.sign_out(app_context, signed_in)
    with db.session() as session:
        assert session.execute(sa.text("SELECT revoked_at FROM sessions")).scalar_one() is not None
    assert app_context.secrets.get(refresh_secret_name(app_context.client_url)) is None


def test_changing_ones_own_password_needs_the_current_one(db, app_context):
    make_user(db, "ayse@atolye.example")
    signed_in = identity.sign_in(app_context, "ayse@atolye.example", PASSWORD)
    with pytest.raises(ValidationError, match="current password is wrong"):
        identity.change_own_password(signed_in, "not-it-at-all", "yeni-sifre-2027")
    identity.change_own_password(signed_in, PASSWORD, "yeni-sifre-2027")
    signed_in.close()
    identity.sign_in(app_context, "ayse@atolye.example", "yeni-sifre-2027").close()
    with pytest.raises(LoginFailed):
        identity.sign_in(app_context, "ayse@atolye.example", PASSWORD)


def test_first_administrator_on_an_empty_installation(db, app_context):
    assert not identity.has_users(app_context)
    identity.create_first_admin(app_context, "Yonetici@Atolye.example", "yonetici-sifre-1")
    assert identity.has_users(app_context)
    admin = identity.sign_in(app_context, "yonetici@atolye.example", "yonetici-sifre-1")
    assert admin.role == "admin"
    admin.close()
    with pytest.raises(ValidationError, match="already has users"):
        identity.create_first_admin(app_context, "ikinci@atolye.example", "yonetici-sifre-2")


def test_concurrent_first_administrators_make_one(db, app_context):
    results = []

    def create(n):
        try:
            identity.create_first_admin(app_context, f"admin{n}@atolye.example", "yonetici-sifre-1")
            results.append("created")
        except ValidationError:
            results.append("refused")

    threads = [threading.Thread(target=create, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["created", "refused", "refused", "refused"]
