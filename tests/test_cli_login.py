"""The command line's login (services.cli_login) on a shared database, as cnc_app: kept
in the OS keyring when there is one (never in a file then), shared safely by commands run
at once, ended in the database by logout; and who a command acts as without it."""

from __future__ import annotations

import pytest

from cncworkbench.db import security
from cncworkbench.services.access import cli_login
from tests.support.people import PASSWORD, make_user

EMAIL = "cli@atolye.example"


def _never(_email: str) -> str:
    raise AssertionError("no password prompt expected")


def test_login_kept_in_the_keyring_acts_for_every_command_until_logout(
    db, app_context, shop_license, pinned_keyring
):
    make_user(db, EMAIL, "engineer")
    who, where = cli_login.log_in(app_context, EMAIL, PASSWORD)
    who.close()
    assert "OS keyring" in where
    place = cli_login.LoginPlace(app_context)
    token = pinned_keyring.get_password("cncworkbench", place.name)
    assert token and not place.file.exists()  # never written to a file beside a keyring

    # two commands at once use the same login (no token rotation to race on)
    with (
        cli_login.acting_as(app_context, None, _never) as (first, actor),
        cli_login.acting_as(app_context, None, _never) as (second, other),
    ):
        assert actor.email == other.email == EMAIL and actor.role == "engineer"
        for database in (first, second):
            with database.session() as session:
                assert security.current_user_id(session) == actor.user_id
    assert cli_login.who_am_i(app_context).email == EMAIL

    assert cli_login.log_out(app_context) == EMAIL
    assert pinned_keyring.get_password("cncworkbench", place.name) is None
    # the session ended in the database: the old token binds nothing any more
    assert cli_login._attached(app_context, token) is None
    with (
        pytest.raises(cli_login.NotLoggedIn) as refused,
        cli_login.acting_as(app_context, None, _never),
    ):
        pass
    assert "cncworkbench login EMAIL" in str(refused.value)
    assert "--user EMAIL" in str(refused.value)


def test_owner_without_a_login_administers_but_work_needs_a_person(db, owner_context):
    with cli_login.acting_as(owner_context, None, _never) as (_database, actor):
        assert actor.user_id is None and actor.role == "admin"
        with pytest.raises(cli_login.NotLoggedIn) as refused:
            cli_login.require_person(actor)
    assert "cncworkbench login EMAIL" in str(refused.value)
    make_user(db, EMAIL, "engineer")
    with cli_login.acting_as(owner_context, EMAIL, _never) as (_database, actor):
        cli_login.require_person(actor)  # --user: the owner acts for that person
        assert actor.email == EMAIL and actor.via == "owner"
