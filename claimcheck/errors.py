"""Errors that end a run with a one-line message and exit code 2."""

MAX_MESSAGE = 2000  # characters; a message quoting user data never floods the terminal


def one_line(message: str, limit: int = MAX_MESSAGE) -> str:
    """``message`` made safe to print as one line of a terminal.

    Line breaks, escape sequences and other unprintable characters (they can come from a file name
    or a quoted field) are shown as Python escapes (``\\n``, ``\\x1b``), so they neither break the
    line nor act on the terminal; an over-long message is cut.
    """
    s = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in str(message))
    return s if len(s) <= limit else s[: limit - 3] + "..."


def show(value: object, limit: int = 80) -> str:
    """A value quoted for a message (``repr``), cut to ``limit`` characters."""
    r = repr(value)
    return r if len(r) <= limit else r[: limit - 4] + "...'"


class ClaimcheckError(Exception):
    """A problem the user can fix; its message is one line saying what and what to do."""

    exit_code = 2

    def __init__(self, message: object = "") -> None:
        super().__init__(one_line(message))


class ReferenceDataError(ClaimcheckError):
    """The reference data could not be loaded: names the file, the line and the problem."""


class InputError(ClaimcheckError):
    """An article could not be read."""
