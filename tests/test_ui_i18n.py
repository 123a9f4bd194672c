"""Every panel in Turkish and in English (PySide6 offscreen, real database and store).

With the Turkish translator installed, no text of the main widgets (labels, buttons, check
boxes, group boxes, tabs, column titles, placeholders, combo items) is left in English,
and none is clipped: each is at least as wide as its text. Switching the language in the
settings dialog builds the panels again on the same panel, keeps the CAM work in progress
and saves the choice in the administrator's profile. Screenshots of every panel in both
languages land in $CNC_SCREENSHOT_DIR as ``tr_*.png`` and ``en_*.png``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from pprint import pformat

import pytest
import sqlalchemy as sa

from cncworkbench.core import localefmt
from cncworkbench.services.access import identity
from cncworkbench.services.machining import cam, catalog
from cncworkbench.services.pdm import models as model_service
from cncworkbench.ui import i18n
from cncworkbench.ui.app import MainWindow
from cncworkbench.ui.panels.sim_review import SimReviewPanel
from cncworkbench.ui.qt import Qt, QtCore, QtWidgets
from cncworkbench.ui.tasks import wait_for_tasks
from cncworkbench.ui.widgets import Banner
from cncworkbench.ui.workspace import Workspace
from tests.support.cam import JAW, MILL_TOOLS, SAMPLES, runs_for_review, saved_setup
from tests.support.freecad import require_program
from tests.support.people import PASSWORD, app_url, make_user
from tests.support.screens import save_screenshot
from tests.test_ui_billing import COMPANY, seed_billing

WAIT_MS = 60000
TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "cncworkbench_tr.ts"
ADMIN = "sef@atolye.example"
# Words that give away an English label (data such as names and e-mails never has them).
ENGLISH_WORDS = re.compile(
    r"\b(the|and|with|your|first|select|pick|choose|none|new|save|open|load|add|remove|"
    r"edit|search|cancel|close|yes|error|warning|loading|connecting|settings|tools?|"
    r"machines?|material|stock|operations?|jobs?|users?|invoices?|licen[cs]es?)\b",
    re.IGNORECASE,
)

# Turkish texts that carry an English word on purpose.
NOT_ENGLISH = {"Ad ara ya da anahtar:değer (material:C45)"}  # a metadata key, typed as is


def english_sources() -> set[str]:
    """Source texts whose Turkish differs: seeing one on screen means it was not translated."""
    found = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if translation and translation != source:
            found.update({source, source.replace("&&", "&")})
    return found


ENGLISH = english_sources()


def texts_of(root) -> list[tuple[str, str]]:
    """(where, text) for what the user reads on the visible main widgets of ``root``."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        if not widget.isVisible() or isinstance(widget, Banner):
            continue  # banners show the services' messages (English this release)
        name = type(widget).__name__
        if isinstance(widget, QtWidgets.QLabel | QtWidgets.QAbstractButton) and widget.text():
            if not (isinstance(widget, QtWidgets.QLabel) and widget.pixmap()):
                found.append((name, widget.text()))
        elif isinstance(widget, QtWidgets.QGroupBox):
            found.append((name, widget.title()))
        elif isinstance(widget, QtWidgets.QTabBar):
            found += [(name, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QtWidgets.QLineEdit) and widget.placeholderText():
            found.append((name + ".placeholder", widget.placeholderText()))
        elif isinstance(widget, QtWidgets.QComboBox):
            found += [(name + ".item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QtWidgets.QHeaderView) and widget.orientation() == (
            Qt.Orientation.Horizontal
        ):
            model = widget.model()
            found += [
                (name, str(model.headerData(i, Qt.Orientation.Horizontal)))
                for i in range(widget.count())
                if not widget.isSectionHidden(i)
            ]
    return found


def untranslated(root) -> list[str]:
    problems = []
    for where, text in texts_of(root):
        plain = re.sub(r"<[^>]+>", " ", text).strip()
        if plain in ENGLISH or text in ENGLISH:
            problems.append(f"{where}: {text!r} (in the catalogue, not translated)")
        elif where != "QLabel" and ENGLISH_WORDS.search(plain) and plain not in NOT_ENGLISH:
            problems.append(f"{where}: {text!r} (English, not marked for translation?)")
    return problems


def clipped(root) -> list[str]:
    """Labels, buttons, group boxes, tabs and column titles narrower than their text (the
    status bar's messages may be cut: they are whole in their tooltip and the log)."""
    problems = []
    status_bar = root.findChild(QtWidgets.QStatusBar)
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        if not widget.isVisible() or (status_bar and status_bar.isAncestorOf(widget)):
            continue
        if isinstance(widget, QtWidgets.QLabel):
            one_line = widget.text() and not widget.wordWrap() and not widget.pixmap()
            if one_line and widget.width() + 1 < widget.sizeHint().width():
                problems.append(f"label {widget.text()!r}: {widget.width()} px")
        elif isinstance(widget, QtWidgets.QAbstractButton) and widget.text():
            if widget.width() + 1 < widget.sizeHint().width():
                problems.append(f"button {widget.text()!r}: {widget.width()} px")
        elif isinstance(widget, QtWidgets.QGroupBox):
            need = widget.fontMetrics().horizontalAdvance(widget.title()) + 16
            if widget.width() < need:
                problems.append(f"group {widget.title()!r}: {widget.width()} px")
        elif isinstance(widget, QtWidgets.QTabBar):
            for i in range(widget.count()):
                rect, hint = widget.tabRect(i), widget.tabSizeHint(i)
                if rect.width() + 1 < hint.width() or rect.right() > widget.width():
                    problems.append(f"tab {widget.tabText(i)!r}: {rect.width()} px")
        elif isinstance(widget, QtWidgets.QHeaderView):
            if widget.orientation() != Qt.Orientation.Horizontal:
                continue
            margin = 2 * widget.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_HeaderMargin)
            for i in range(widget.count()):
                text = str(widget.model().headerData(i, Qt.Orientation.Horizontal))
                need = widget.fontMetrics().horizontalAdvance(text) + margin
                if not widget.isSectionHidden(i) and widget.sectionSize(i) < need:
                    problems.append(f"column {text!r}: {widget.sectionSize(i)} px")
    return problems


# ------------------------------------------------------------------------------ fixtures


@pytest.fixture
def shop(db, app_context, tmp_path):
    """The catalogue, an administrator (Turkish profile) who is also the engineer here, a
    buyer with invoices in every state, a stored part with a saved setup and a queued CAM
    job, and an STL model."""
    with db.session() as session:
        catalog.seed(session)
    make_user(db, ADMIN, "admin")
    make_user(db, "alici@musteri.example", "viewer", **COMPANY)
    seed_billing(db, ADMIN, "alici@musteri.example")
    admin = identity.sign_in(app_context, ADMIN, PASSWORD)
    try:
        _model, setup_id = saved_setup(admin, app_context.store, tmp_path / "cam", MILL_TOOLS)
        with admin.db.session() as session:
            cam.submit_cam(session, admin.actor, setup_id)
        model_service.upload_model(
            admin.db, app_context.store, admin.actor, SAMPLES / "flans_plakasi.stl",
            "Kalıp", name="Flanş plakası (STL)",
        )  # fmt: skip
    finally:
        admin.close()


@pytest.fixture
def window(qtbot, db, shop, monkeypatch):
    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    languages = i18n.languages()
    languages.apply("tr")
    workspace = Workspace()
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.resize(1180, 720)
    main.show()
    workspace.open()
    qtbot.waitUntil(lambda: workspace.is_ready or workspace.error is not None, timeout=WAIT_MS)
    assert workspace.error is None, workspace.error
    yield main
    main.close()  # stops the jobs panel and the tasks, closes the workspace; no rebuilds
    languages.apply("en")
    localefmt.use(None)


def settle(qtbot, window) -> None:
    """Until no background task runs and no panel is busy, then let it repaint."""

    def quiet():
        busy = any(panel.busy.isVisible() for panel in window.panels.values())
        return QtCore.QThreadPool.globalInstance().activeThreadCount() == 0 and not busy

    qtbot.waitUntil(quiet, timeout=WAIT_MS)
    qtbot.wait(50)


def log_in(qtbot, window) -> None:
    login = window.panels["login"]
    login.email.setText(ADMIN)
    login.password.setText(PASSWORD)
    login.submit.click()
    qtbot.waitUntil(lambda: window.workspace.user is not None, timeout=WAIT_MS)
    settle(qtbot, window)


def open_browser(qtbot, window):
    """The STL model of the project "Kalıp" selected, its details shown (selecting again
    while the panel still reloads after the login)."""
    browser = window.panels["browser"]
    window.show_panel("browser")

    def selected() -> bool:
        if "STL" in browser.details.text():
            return True
        tree = browser.tree
        projects = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        project = next((p for p in projects if p.text(0) == "Kalıp"), None)
        if project is None or browser.busy.isVisible():
            return False
        project.setExpanded(True)
        if project.childCount() and project.child(0).text(0) != "…":
            tree.setCurrentItem(project.child(0))
        return False

    qtbot.waitUntil(selected, timeout=WAIT_MS)
    settle(qtbot, window)
    return browser


def set_up_cam(qtbot, window):
    panel = window.panels["cam"]
    window.show_panel("cam")
    qtbot.waitUntil(lambda: panel.tools.rowCount() > 0, timeout=WAIT_MS)
    if not panel.operations:  # (a panel built again in another language keeps them)
        panel.select_machine("Tormach")
        panel.select_material("Aluminium 6061-T6")
        panel.add_operation("facing", "10 mm 3F carbide flat end mill ZrN")
        panel.add_operation("pocket", "6 mm 3F carbide flat end mill ZrN")
    panel.op_table.selectRow(1)
    qtbot.waitUntil(lambda: len(panel.cuts) == 2, timeout=WAIT_MS)
    settle(qtbot, window)
    return panel


def visit_everything(qtbot, window, language: str) -> dict[str, list[str]]:
    """Each panel (each tab of CAM Setup and Settings), checked and photographed."""
    problems: dict[str, list[str]] = {}

    def look(name: str, widget) -> None:
        settle(qtbot, window)
        found = clipped(window) + (untranslated(window) if language == "tr" else [])
        if found:
            problems[name] = found
        save_screenshot(widget, f"{language}_{name}")

    browser = open_browser(qtbot, window)
    look("browser", window)
    assert ("sürüm 1" if language == "tr" else "version 1") in browser.details.text()
    panel = set_up_cam(qtbot, window)
    for index, name in enumerate(("machine", "tools", "stock", "operations", "cost")):
        if index < panel.tabs.count():
            panel.tabs.setCurrentIndex(index)
            look(f"cam_{name}", window)
    window.show_panel("sim")
    look("simulation_review", window)
    window.show_panel("jobs")
    jobs = window.panels["jobs"]
    qtbot.waitUntil(lambda: jobs.table.rowCount() >= 1, timeout=WAIT_MS)
    look("jobs", window)
    window.show_panel("settings")
    settings = window.panels["settings"]
    qtbot.waitUntil(lambda: settings.tabs.count() > 1, timeout=WAIT_MS)
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        tab = settings.tabs.widget(index)
        look(f"settings_{type(tab).__name__.removesuffix('Tab').lower()}", window)
    return problems


# --------------------------------------------------------------------------------- tests


def test_every_panel_speaks_turkish_and_nothing_is_clipped(qtbot, window):
    login = window.panels["login"]
    qtbot.waitUntil(lambda: login.submit.isEnabled(), timeout=WAIT_MS)
    settle(qtbot, window)
    assert login.submit.text() == "Giriş yap" and window.navigation.item(1).text() == (
        "Projeler ve Modeller"
    )
    problems = {"login": clipped(window) + untranslated(window)}
    save_screenshot(window, "tr_login")
    log_in(qtbot, window)
    problems.update(visit_everything(qtbot, window, "tr"))
    found = {name: problems for name, problems in problems.items() if problems}
    assert found == {}, pformat(found, width=100)
    jobs = window.panels["jobs"]
    assert [jobs.table.item(0, c).text() for c in (1, 2)] == ["CAM işleme", "sırada"]


def test_switching_to_english_keeps_the_panel_and_the_work(qtbot, window, db):
    log_in(qtbot, window)
    cam_panel = set_up_cam(qtbot, window)
    cam_panel.setup_name.setText("Tezgah 2 - ikinci bağlama")
    window.show_panel("settings")
    settings = window.panels["settings"]
    qtbot.waitUntil(lambda: settings.tabs.count() > 1, timeout=WAIT_MS)
    settings.tabs.setCurrentWidget(settings.connection)
    box = settings.connection.language
    assert box.combo.currentText() == "Türkçe"
    assert box.note.text().startswith("Profilinize kaydedilir")
    box.combo.setCurrentIndex(box.combo.findData("en"))
    qtbot.waitUntil(lambda: window.panels["settings"] is not settings, timeout=WAIT_MS)
    settings = window.panels["settings"]
    assert window.current_panel_key() == "settings"
    qtbot.waitUntil(lambda: settings.tabs.count() > 1, timeout=WAIT_MS)
    assert settings.tabs.currentWidget() is settings.connection  # the tab open before
    assert settings.connection.language.combo.currentText() == "English"
    assert window.navigation.item(1).text() == "Projects & Models"
    assert window.windowTitle() == "CNC Workbench" and settings.title.text() == "Settings"

    def saved() -> str:
        with db.engine.connect() as conn:
            return conn.execute(
                sa.text("SELECT locale FROM users WHERE email = :e"), {"e": ADMIN}
            ).scalar()

    qtbot.waitUntil(lambda: saved() == "en", timeout=WAIT_MS)
    assert i18n.saved_choice(ADMIN) is None  # the profile holds it
    # The CAM work in progress survived: the same machine, material and operations.
    cam_panel = window.panels["cam"]
    window.show_panel("cam")
    qtbot.waitUntil(lambda: len(cam_panel.cuts) == 2, timeout=WAIT_MS)
    assert [op.kind for op in cam_panel.operations] == ["facing", "pocket"]
    assert cam_panel.selected(cam_panel.machines)["name"].startswith("Tormach")
    assert cam_panel.selected(cam_panel.materials)["name"] == "Aluminium 6061-T6"
    assert cam_panel.setup_name.text() == "Tezgah 2 - ikinci bağlama"
    assert cam_panel.tabs.tabText(0) == "Machine && material"
    problems = visit_everything(qtbot, window, "en")
    assert problems == {}, pformat(problems, width=100)
    window.panels["login"].on_logout()
    window.show_panel("login")
    qtbot.waitUntil(lambda: window.panels["login"].form_box.isVisible(), timeout=WAIT_MS)
    settle(qtbot, window)
    save_screenshot(window, "en_login")


@pytest.fixture
def clamp_run(db, pg_cluster, app_context, tmp_path, shop_license) -> int:
    """A simulated run of the sample plate that hits a vise jaw (FreeCAD CAM, simulation)."""
    require_program("freecadcmd", "CNC_REQUIRE_FREECAD")
    (clamp,) = runs_for_review(db, pg_cluster, app_context, tmp_path, [[JAW]])
    return clamp


@pytest.mark.freecad
def test_a_simulated_run_with_findings_reads_right_in_both_languages(
    qtbot, db, monkeypatch, clamp_run
):
    """The operator's dock with a run that hits a clamp: the verdict, the findings and the
    buttons in Turkish (nothing clipped), then in English."""
    clamp = clamp_run
    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    languages = i18n.languages()
    try:
        for language in ("tr", "en"):
            languages.apply(language)
            workspace = Workspace()
            panel = SimReviewPanel(workspace)
            qtbot.addWidget(panel)
            panel.resize(1000, 860)
            panel.show()
            workspace.open()
            qtbot.waitUntil(lambda w=workspace: w.is_ready, timeout=WAIT_MS)
            user = identity.sign_in(workspace.context, "usta@atolye.example", PASSWORD)
            workspace.set_user(user)
            qtbot.waitUntil(lambda p=panel: p.runs.rowCount() == 1, timeout=WAIT_MS)
            panel.select_run(clamp)
            qtbot.waitUntil(
                lambda p=panel: p.loaded and p.loaded.detail.summary.id == clamp,
                timeout=WAIT_MS,
            )
            qtbot.waitUntil(lambda p=panel: not p.busy.isVisible(), timeout=WAIT_MS)
            wait_for_tasks()
            panel.select_finding(0)
            qtbot.wait(50)
            if language == "tr":
                assert "BAŞARISIZ" in panel.verdict.text()
                assert panel.findings.topLevelItem(0).text(0).startswith("Hatalar (")
                assert panel.approve_button.toolTip() == "Hatalı bir program onaylanamaz."
                # the finding the worker stored is read in the operator's language
                said = panel.explanation.text()
                assert "satır:" in said and "'Mengene çenesi' bağlama elemanına çarpıyor" in said
                problems = clipped(panel) + untranslated(panel)
                assert problems == [], pformat(problems, width=100)
            else:
                assert "FAILED" in panel.verdict.text()
                assert "hits the fixture 'Mengene çenesi'" in panel.explanation.text()
            save_screenshot(panel, f"{language}_simulation_review_findings")
            wait_for_tasks()
            workspace.close()
    finally:
        languages.apply("en")
        localefmt.use(None)


def test_the_remember_me_notice_follows_a_language_switch(qtbot, db, monkeypatch):
    """Without an OS keyring the login panel says why "remember me" is off, in the language
    shown now, also after switching."""
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("CNC_DATABASE_URL", app_url(db))
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    languages = i18n.languages()
    workspace = Workspace()
    try:
        workspace.open()
        qtbot.waitUntil(lambda: workspace.is_ready, timeout=WAIT_MS)
        languages.apply("tr")
        assert workspace.keyring_notice == (
            "“Beni hatırla” kapalı: işletim sisteminin bir anahtarlığı (Secret Service, "
            "KWallet, macOS Keychain) yok; bu yüzden girişler bu bilgisayarda hatırlanamaz."
        )
        languages.apply("en")
        assert workspace.keyring_notice.startswith("“Remember me” is off: no OS keyring")
    finally:
        keyring.set_keyring(previous)
        languages.apply("en")
        localefmt.use(None)
        wait_for_tasks()
        workspace.close()
