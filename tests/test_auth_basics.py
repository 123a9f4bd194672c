"""Passwords and login (the foundation; sessions, lockout and roles come with identity)."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from cncworkbench.db.models import User
from cncworkbench.errors import ValidationError
from cncworkbench.services import auth


def test_hashes_are_bcrypt_2a_at_cost_12_and_pgcrypto_verifies_them(db):
    hashed = auth.hash_password("freze-tezgahi-7")
    assert hashed.startswith("$2a$12$")
    with db.engine.begin() as conn:
        conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pgcrypto"))
        ok = conn.execute(
            sa.text("SELECT crypt(:p, :h) = :h"), {"p": "freze-tezgahi-7", "h": hashed}
        )
        wrong = conn.execute(
            sa.text("SELECT crypt(:p, :h) = :h"), {"p": "freze-tezgahi-8", "h": hashed}
        )
        assert ok.scalar_one() is True and wrong.scalar_one() is False


def test_passwords_over_72_bytes_are_refused_not_truncated():
    long_password = "ş" * 37  # 74 bytes in UTF-8, 37 characters
    with pytest.raises(ValidationError, match="74 bytes long; at most 72"):
        auth.hash_password(long_password)
    # bcrypt would accept a 72-byte prefix; we must not
    hashed = auth.hash_password("a" * 72)
    assert not auth.verify_password("a" * 72 + "extra", hashed)


def test_password_policy():
    with pytest.raises(ValidationError, match="at least 10"):
        auth.hash_password("short")
    with pytest.raises(ValidationError, match="spaces"):
        auth.hash_password(" leading-space-pw")


def test_login_succeeds_records_the_time_and_fails_without_saying_why(db):
    with db.session() as session:
        auth.create_user(session, "Operator@Shop.example", "tezgah-sifre-1", "operator")
    with db.session() as session:
        who = auth.login(session, "operator@shop.example", "tezgah-sifre-1")
        assert who.role == "operator" and who.locale == "tr" and who.timezone == "Europe/Istanbul"
        assert session.scalar(sa.select(User.last_login_at)) is not None
    with db.session() as session:
        with pytest.raises(auth.LoginFailed, match="Wrong email or password"):
            auth.login(session, "operator@shop.example", "tezgah-sifre-2")
        with pytest.raises(auth.LoginFailed, match="Wrong email or password"):
            auth.login(session, "nobody@shop.example", "tezgah-sifre-1")
        with pytest.raises(auth.LoginFailed, match="at most 72 bytes"):
            auth.login(session, "operator@shop.example", "x" * 100)


def test_unknown_emails_take_as_long_as_known_ones(db):
    with db.session() as session:
        auth.create_user(session, "known@shop.example", "tezgah-sifre-1")

    def attempt(email):
        started = time.perf_counter()
        with db.session() as session, pytest.raises(auth.LoginFailed):
            auth.login(session, email, "not-the-password")
        return time.perf_counter() - started

    known = min(attempt("known@shop.example") for _ in range(3))
    unknown = min(attempt("unknown@shop.example") for _ in range(3))
    assert unknown > 0.5 * known  # both pay for a bcrypt comparison


def test_first_admin_only_on_an_empty_installation(db):
    with db.session() as session:
        admin = auth.create_first_admin(session, "admin@shop.example", "yonetici-sifre-1")
        assert admin.role == "admin"
    with db.session() as session, pytest.raises(ValidationError, match="already has users"):
        auth.create_first_admin(session, "second@shop.example", "yonetici-sifre-2")


def test_bad_input_is_named(db):
    with db.session() as session:
        with pytest.raises(ValidationError, match="not a valid email"):
            auth.create_user(session, "not-an-email", "tezgah-sifre-1")
        with pytest.raises(ValidationError, match="Unknown role 'root'"):
            auth.create_user(session, "a@shop.example", "tezgah-sifre-1", role="root")
        auth.create_user(session, "a@shop.example", "tezgah-sifre-1")
        with pytest.raises(ValidationError, match="already exists"):
            auth.create_user(session, "A@SHOP.example", "tezgah-sifre-1")
