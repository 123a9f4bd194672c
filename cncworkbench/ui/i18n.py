"""The language the panels speak: Turkish first, English second.

Source strings in the code are English (``self.tr("...")`` in widgets,
``translate("Context", "...")`` elsewhere). ``resources/translations/cncworkbench_tr.ts``
holds their Turkish, compiled to ``cncworkbench_tr.qm`` (``scripts/update_translations.sh``
extracts and compiles both). :class:`Languages` installs the translator:

- standalone (``cncworkbench gui``): our catalogue and Qt's own ``qtbase_tr`` (standard
  buttons, context menus) through QTranslator;
- inside FreeCAD: the workbench registers ``resources/translations`` with
  ``FreeCADGui.addLanguagePath``, so FreeCAD loads ``cncworkbench_tr.qm`` itself when
  FreeCAD is in Turkish; when the logged-in user's language differs from FreeCAD's, our
  own translator (or, for English, one that answers with the English source) takes
  precedence for our strings only; FreeCAD's own texts stay in FreeCAD's language.

Which language (:func:`preferred`): ``CNC_LOCALE`` when set (tests, demos); else the
logged-in user's choice on this computer (a user who may not edit their profile saves it
here), else their ``locale`` in the database; before login, the language used last on
this computer, then FreeCAD's or the system's (Turkish, English; any other: English;
unknown, such as the "C" locale: Turkish).

Switching (settings dialog, or a login whose user speaks the other language) emits
:attr:`Languages.changed`; the main window and the FreeCAD glue then build their panels
again: the data lives in the database and the FreeCAD document, so no work is lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from cncworkbench.config import config_file_path
from cncworkbench.core import localefmt
from cncworkbench.ui.qt import QT6, QtCore, Signal

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
CATALOG = "cncworkbench"
DEFAULT_LANGUAGE = "tr"
# code -> the language's own name, as the language picker shows it
LANGUAGES = {"tr": "Türkçe", "en": "English"}
# A message every catalogue has: tells whether some translator shows our strings in Turkish.
_PROBE = ("Panel", "Retry")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction; translate it where it is shown."""
    return text


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``; lupdate extracts calls spelt ``translate("C", "t")``."""
    return QtCore.QCoreApplication.translate(context, text, disambiguation, n)


def normalise(code: str | None) -> str | None:
    return localefmt.normalise(code)


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOG}_{language}.qm"


def inside_freecad() -> bool:
    return "FreeCADGui" in sys.modules


# Set by the FreeCAD glue: FreeCAD's language ("tr", "en", "" for another one, None when
# FreeCAD follows the system).
host_language: Callable[[], str | None] | None = None


def system_language() -> str:
    """FreeCAD's language inside FreeCAD, else the system's; Turkish when unknown."""
    chosen = host_language() if host_language is not None else None
    if chosen is not None:
        return chosen or "en"
    name = QtCore.QLocale.system().name()  # "tr_TR", "en_GB", "C"
    if name in ("C", "POSIX", "") or name.startswith("C."):
        return DEFAULT_LANGUAGE
    return normalise(name) or "en"


# ------------------------------------------------------------------ saved choices


def _choices_path() -> Path:
    """Beside the config file, so every profile (and every test) has its own."""
    return config_file_path().with_name("language.json")


def _read_choices() -> dict:
    try:
        data = json.loads(_choices_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def saved_choice(email: str | None = None) -> str | None:
    """The language chosen on this computer: for ``email``, or the last one used."""
    data = _read_choices()
    if email is None:
        return normalise(data.get("last"))
    users = data.get("users")
    return normalise(users.get(email.lower())) if isinstance(users, dict) else None


def save_choice(language: str, email: str | None = None, for_user: bool = True) -> None:
    """Remember ``language`` as the last used and, with ``for_user``, as ``email``'s choice
    (``for_user=False`` forgets it, once it is saved to the user's profile instead)."""
    data = _read_choices()
    data["last"] = language
    if email is not None:
        users = data.get("users") if isinstance(data.get("users"), dict) else {}
        if for_user:
            users[email.lower()] = language
        else:
            users.pop(email.lower(), None)
        data["users"] = users
    path = _choices_path()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")


def preferred(user=None) -> str:
    """The language to show: see the module's docstring for the order."""
    forced = normalise(os.environ.get("CNC_LOCALE"))
    if forced:
        return forced
    if user is not None:
        return saved_choice(user.email) or normalise(user.locale) or DEFAULT_LANGUAGE
    return saved_choice() or system_language()


def qlocale(language: str | None = None) -> QtCore.QLocale:
    """Qt's locale for ``language`` (default: the one shown): numbers in spin boxes."""
    language = language or localefmt.current()
    if language == "tr":
        return QtCore.QLocale(QtCore.QLocale.Language.Turkish, QtCore.QLocale.Country.Turkey)
    return QtCore.QLocale(QtCore.QLocale.Language.English, QtCore.QLocale.Country.UnitedStates)


def _qt_translations_dir() -> str:
    info = QtCore.QLibraryInfo
    if QT6:
        return info.path(info.LibraryPath.TranslationsPath)
    return info.location(info.TranslationsPath)


class _SourceText(QtCore.QTranslator):
    """Answers with the English source for every message our Turkish catalogue knows, so
    our panels speak English inside a FreeCAD that speaks Turkish."""

    def __init__(self, known: QtCore.QTranslator, parent=None):
        super().__init__(parent)
        self._known = known

    def translate(self, context, source, disambiguation=None, n=-1):
        if source and self._known.translate(context, source, disambiguation, n):
            return source
        return None

    def isEmpty(self) -> bool:
        return False


class Languages(QtCore.QObject):
    """Installs the translators for one language at a time; :attr:`changed` says when."""

    changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.language: str | None = None
        self._installed: list[QtCore.QTranslator] = []

    def apply(self, language: str | None) -> bool:
        """Show ``language`` from now on; True when it changed (and :attr:`changed` fired)."""
        language = normalise(language) or DEFAULT_LANGUAGE
        if language == self.language:
            return False
        app = QtCore.QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        catalogue = QtCore.QTranslator(self)
        loaded = catalogue.load(str(qm_path("tr")))
        if language == "tr" and loaded:
            self._install(app, catalogue)
            if not inside_freecad():  # inside FreeCAD, Qt's own texts follow FreeCAD
                qtbase = QtCore.QTranslator(self)
                if qtbase.load("qtbase_tr", _qt_translations_dir()):
                    self._install(app, qtbase)
        elif language == "en" and loaded and translate(*_PROBE) != _PROBE[1]:
            self._install(app, _SourceText(catalogue, self))  # FreeCAD shows ours in Turkish
        self.language = language
        localefmt.use(language)
        self.changed.emit(language)
        return True

    def _install(self, app, translator: QtCore.QTranslator) -> None:
        app.installTranslator(translator)
        self._installed.append(translator)

    def follow(self, workspace) -> None:
        """Switch to each logged-in user's language as they log in."""
        workspace.user_changed.connect(self._user_changed)

    def _user_changed(self, user) -> None:
        if user is not None:
            self.apply(preferred(user))


@contextlib.contextmanager
def speaking(language: str):
    """Our strings in ``language`` for a while, whatever the panels show (a report printed
    for someone who reads the other language)."""
    app = QtCore.QCoreApplication.instance()
    turkish_now = translate(*_PROBE) != _PROBE[1]
    installed: list[QtCore.QTranslator] = []
    catalogue = QtCore.QTranslator()
    if language != ("tr" if turkish_now else "en") and catalogue.load(str(qm_path("tr"))):
        translator = catalogue if language == "tr" else _SourceText(catalogue)
        app.installTranslator(translator)
        installed.append(translator)
    try:
        with localefmt.speaking(language):  # and the messages made below the panels
            yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)


_languages: Languages | None = None


def languages() -> Languages:
    """The one :class:`Languages` of this process (created with the application)."""
    global _languages
    if _languages is None:
        _languages = Languages(QtCore.QCoreApplication.instance())
    return _languages


def current() -> str:
    """The language shown now."""
    return languages().language or localefmt.current()


def install(language: str | None = None) -> str:
    """Install ``language`` (default: :func:`preferred` before login); returns it."""
    chosen = normalise(language) or preferred()
    languages().apply(chosen)
    return chosen
