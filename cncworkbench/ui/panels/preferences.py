"""The language picker of the settings dialog (on the Connection tab, which everyone sees).

Picking a language shows every panel in it at once (they are built again; their data comes
back from the database, the open work stays). Where it is kept: an administrator's choice
goes to their profile (``users.locale``, so it follows them to every computer); anyone
else's, who may not edit their profile, to this computer (``language.json`` beside the
config file); before login it is the language this computer starts in.
"""

from __future__ import annotations

import logging

from cncworkbench.core.permissions import Permission, allowed
from cncworkbench.services.access import users
from cncworkbench.ui import i18n
from cncworkbench.ui.qt import QtWidgets
from cncworkbench.ui.tasks import run_task

log = logging.getLogger(__name__)


def may_edit_profile(user) -> bool:
    return user is not None and allowed(user.role, Permission.USER_MANAGE)


class LanguageBox(QtWidgets.QGroupBox):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)  # (PySide2: no self.tr before this)
        self.setTitle(self.tr("Preferences"))
        self.workspace = workspace
        form = QtWidgets.QFormLayout(self)
        self.combo = QtWidgets.QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(self.combo.findData(i18n.current()), 0))
        form.addRow(self.tr("Language:"), self.combo)
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555753;")
        form.addRow(self.note)
        self.show_note()
        workspace.user_changed.connect(self._user_changed)
        self.combo.currentIndexChanged.connect(lambda _index: self.choose(self.combo.currentData()))

    def _user_changed(self, _user) -> None:
        self.show_note()

    def show_note(self) -> None:
        user = self.workspace.user
        if user is None:
            text = self.tr("This computer starts in this language; after login, each user's own.")
        elif may_edit_profile(user):
            text = self.tr("Saved in your profile: it follows you to every computer.")
        else:
            text = self.tr(
                "Saved on this computer (the language in your profile is set by an administrator)."
            )
        self.note.setText(text)

    def choose(self, language: str) -> None:
        """Show the panels in ``language`` and keep the choice (see the module's docstring)."""
        user = self.workspace.user
        if may_edit_profile(user):
            i18n.save_choice(language, user.email)  # until the profile has it
            user.locale = language
            email = user.email

            def work(_report):
                with user.db.session() as session:
                    users.update_user(session, user.actor, user.user_id, locale=language)

            def saved(_result):  # the profile decides from now on, on every computer
                i18n.save_choice(language, email, for_user=False)

            # The workspace outlives this box, which is rebuilt in the new language.
            run_task(self.workspace, work, saved, _not_saved)
        else:
            i18n.save_choice(language, user.email if user is not None else None)
        i18n.languages().apply(language)


def _not_saved(exc) -> None:
    # Shown in the new language already; this computer keeps the choice meanwhile.
    log.warning("The language could not be saved in the profile: %s", exc)
