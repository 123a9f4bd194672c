"""The command line, the settings and the file store speak the user's language.

The CLI chooses its language at the start (``--language``, else ``CNC_LOCALE``, else
``LC_ALL``/``LC_MESSAGES``/``LANG``, else Turkish); its help, its messages and click's own
texts ("Usage:", "Missing option") follow it. Errors of the settings and the file store are
written in the language spoken when they are raised.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cncworkbench.cli import main
from cncworkbench.cli.base import choose_language
from cncworkbench.cli.simulate import parse_tool
from cncworkbench.config import write_config_value
from cncworkbench.core import localefmt
from cncworkbench.errors import ConfigurationError, UserError, ValidationError
from cncworkbench.storage import check_key, verify_download
from cncworkbench.storage.local import LocalStore


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    environ.pop("CNC_LOCALE", None)
    environ.update(env, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "cncworkbench.cli", *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )


# ------------------------------------------------------------------------ the language
@pytest.mark.parametrize(
    ("args", "environ", "language"),
    [
        (["--language", "en", "db"], {"CNC_LOCALE": "tr"}, "en"),
        (["--language=tr", "db"], {"CNC_LOCALE": "en"}, "tr"),
        (["db", "--language", "en"], {"CNC_LOCALE": "tr"}, "tr"),  # a command's own options
        (["db"], {"CNC_LOCALE": "en_GB.UTF-8", "LANG": "tr_TR.UTF-8"}, "en"),
        (["db"], {"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "en"),
        (["db"], {"LC_MESSAGES": "tr_TR.UTF-8", "LANG": "en_US.UTF-8"}, "tr"),
        (["db"], {"LANG": "de_DE.UTF-8"}, "tr"),
        ([], {}, "tr"),
    ],
)
def test_the_language_is_chosen_from_the_option_then_the_environment(args, environ, language):
    assert choose_language(args, environ) == language


def test_help_is_turkish_by_default_and_english_on_request():
    turkish = run_cli("feeds", "--help", LANG="tr_TR.UTF-8")
    assert turkish.returncode == 0, turkish.stderr
    assert "Kullanım:" in turkish.stdout and "Seçenekler:" in turkish.stdout
    assert "Bu yardım iletisini gösterin ve çıkın." in turkish.stdout
    assert "Takım çapı, mm (--tool takımı yerine)." in turkish.stdout
    english = run_cli("--language", "en", "feeds", "--help", LANG="tr_TR.UTF-8")
    assert "Usage:" in english.stdout and "Options:" in english.stdout
    assert "Show this message and exit." in english.stdout
    assert "Tool diameter, mm (instead of --tool)." in english.stdout


def test_a_wrong_option_is_reported_in_the_users_language():
    turkish = run_cli("simulate", "part.ngc", "--tool", "1:6:20:flat", CNC_LOCALE="tr")
    assert turkish.returncode == 2
    assert "Hata: Eksik seçenek '--stock'." in turkish.stderr
    assert "Yardım için" in turkish.stderr
    english = run_cli("simulate", "part.ngc", "--tool", "1:6:20:flat", CNC_LOCALE="en")
    assert "Error: Missing option '--stock'." in english.stderr
    assert "Try 'python -m cncworkbench.cli simulate --help' for help." in english.stderr


def test_in_process_calls_leave_the_default_language_alone():
    runner = CliRunner()
    turkish = runner.invoke(main, ["--language", "tr", "job", "submit", "cam_process",
                                   "--params", "[1, 2]"])  # fmt: skip
    assert turkish.exit_code == 2
    assert "hata: --params bir JSON nesnesi olmalı." in turkish.stderr
    english = runner.invoke(main, ["job", "submit", "cam_process", "--params", "[1, 2]"])
    assert "error: --params must be a JSON object." in english.stderr  # CNC_LOCALE=en
    assert localefmt.current() == "en"


# ---------------------------------------------------------------------- CLI messages
def test_a_bad_tool_spec_names_the_spec_in_both_languages():
    with localefmt.speaking("tr"), pytest.raises(UserError) as turkish:
        parse_tool("1:x:20:flat")
    assert str(turkish.value) == "--tool 1:x:20:flat: takımın çap değeri bir sayı olmalı, 'x' değil"
    with localefmt.speaking("en"), pytest.raises(UserError) as english:
        parse_tool("1:x:20:flat")
    assert str(english.value) == "--tool 1:x:20:flat: the diameter must be a number, not 'x'"


def test_feeds_writes_its_table_the_readers_way():
    args = ["feeds", "--vc", "200", "--fz", "0.05", "--kc", "1800.5", "--diameter", "6",
            "--flutes", "3"]  # fmt: skip
    turkish = CliRunner().invoke(main, ["--language", "tr", *args])
    assert turkish.exit_code == 0, turkish.output
    assert "Devir" in turkish.stdout and "10610 dev/dk" in turkish.stdout
    assert "Talaş kaldırma hızı" in turkish.stdout and "57,30 cm³/dk" in turkish.stdout
    assert "verilen: 1800,5 N/mm²" in turkish.stdout
    english = CliRunner().invoke(main, ["--language", "en", *args])
    assert "Spindle speed" in english.stdout and "10610 rpm" in english.stdout
    assert "57.30 cm³/min" in english.stdout and "given: 1800.5 N/mm²" in english.stdout


def test_a_missing_gcode_file_is_reported_in_the_users_language(tmp_path):
    missing = str(tmp_path / "none.ngc")
    turkish = CliRunner().invoke(main, ["--language", "tr", "gcode", "trace", missing])
    assert turkish.exit_code == 2
    assert f"hata: {missing} okunamıyor:" in turkish.stderr
    english = CliRunner().invoke(main, ["--language", "en", "gcode", "trace", missing])
    assert f"error: cannot read {missing}:" in english.stderr


# ------------------------------------------------------------------ settings and store
def test_an_unknown_setting_is_named_in_both_languages(tmp_path, monkeypatch):
    monkeypatch.setenv("CNC_CONFIG_FILE", str(tmp_path / "config.toml"))
    with localefmt.speaking("tr"), pytest.raises(ConfigurationError) as turkish:
        write_config_value("colour", "blue")
    assert str(turkish.value).startswith("Bilinmeyen ayar 'colour'; bilinen ayarlar: ")
    with localefmt.speaking("en"), pytest.raises(ConfigurationError) as english:
        write_config_value("colour", "blue")
    assert str(english.value).startswith("Unknown setting 'colour'; known settings are ")
    assert turkish.value.setting == english.value.setting == "colour"


def test_store_errors_name_the_key_in_both_languages(tmp_path):
    store = LocalStore(tmp_path / "objects")
    with localefmt.speaking("tr"):
        assert store.describe() == f"yerel klasör {tmp_path / 'objects'}"
        with pytest.raises(ValidationError, match=r"'models/x' dosyası .* içinde yok"):
            store.get_bytes("models/x")
        with pytest.raises(ValidationError, match=r"'a/\.\./b' geçerli bir nesne anahtarı değil\."):
            check_key("a/../b")
    with localefmt.speaking("en"):
        with pytest.raises(ValidationError, match="The stored file 'models/x' is missing"):
            store.get_bytes("models/x")
        with pytest.raises(ValidationError, match=r"'a/\.\./b' is not a valid object key\."):
            check_key("a/../b")


def test_a_corrupted_download_is_explained_in_both_languages(tmp_path):
    path = tmp_path / "part.step"
    path.write_bytes(b"solid part")
    with localefmt.speaking("tr"), pytest.raises(UserError) as turkish:
        verify_download(path, "models/1/part.step", "0" * 64, 10)
    assert "Saklanan 'models/1/part.step' dosyası bozuk" in str(turkish.value)
    assert "(10 bayt)" in str(turkish.value)
    with localefmt.speaking("en"), pytest.raises(UserError) as english:
        verify_download(path, "models/1/part.step", "0" * 64, 10)
    assert "The stored file 'models/1/part.step' is corrupted" in str(english.value)
    assert "(10 bytes)" in str(english.value)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "give --rate (TRY per USD"), ("tr", "--rate verin (1 USD için TRY")],
)
def test_a_foreign_currency_quote_without_a_rate_names_the_option(language, expected):
    # `quote --currency USD` without a rate did not say which option gives it.
    completed = run_cli("--language", language, "quote", "1", "-n", "10", "--currency", "usd")
    assert completed.returncode == 2 and expected in completed.stderr
    assert "Traceback" not in completed.stderr
