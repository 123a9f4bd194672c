"""Errors whose message is meant for the person at the keyboard.

Every layer raises these for conditions a user can fix (a wrong setting, bad input); the
CLI prints the message and exits non-zero, the GUI shows it in a dialog. Anything else is
a bug and keeps its traceback.
"""


class UserError(Exception):
    """A problem the user can fix; ``str(error)`` is one clear sentence (or two)."""


class ConfigurationError(UserError):
    """A setting is wrong or points at something that does not answer.

    ``setting`` names the environment variable / config key involved, so the UI can point
    at the field to correct.
    """

    def __init__(self, message: str, setting: str | None = None):
        super().__init__(message)
        self.setting = setting


class DatabaseUnavailable(ConfigurationError):
    """The database did not answer or refused the connection (it may come back)."""


class PermissionDenied(UserError):
    """The logged-in user's role does not allow this action."""


class ValidationError(UserError):
    """Input that cannot be accepted; nothing was stored."""
