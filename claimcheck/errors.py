"""Errors that end a run with a one-line message and exit code 2."""


class ClaimcheckError(Exception):
    """A problem the user can fix; its message is one line saying what and what to do."""

    exit_code = 2


class ReferenceDataError(ClaimcheckError):
    """The reference data could not be loaded: names the file, the line and the problem."""


class InputError(ClaimcheckError):
    """An article could not be read."""
