"""The command line: a thin layer over :func:`claimcheck.check`.

Exit codes (like linters): 0 nothing conflicts, 1 a claim conflicts (with ``--fail-on unverified``
unverified claims count too), 2 usage or input errors, 3 an internal error (a bug: please report
it with the output of ``--debug``).
"""
from __future__ import annotations

import sys
import traceback
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from typer.core import TyperGroup

from .errors import ClaimcheckError, one_line

err = Console(stderr=True, highlight=False, soft_wrap=True)
# Click's exceptions as typer raises them (typer carries its own copy of Click since 0.2x)
_cx = sys.modules[typer.BadParameter.__module__]


def usage_message(e) -> str:
    """A Click usage error as one line: what is wrong and, unless the message says it, where to look."""
    msg = e.format_message().replace("Value error, ", "")  # typer's enum check words it like pydantic
    msg = msg[:1].lower() + msg[1:]
    if e.ctx is not None and (not isinstance(e, _cx.BadParameter) or isinstance(e, _cx.MissingParameter)):
        msg = msg.rstrip(".") + f"; see '{e.ctx.command_path} --help'"
    return msg


@contextmanager
def _one_line_usage_errors():
    try:
        yield
    except _cx.NoArgsIsHelpError:  # bare ``claimcheck``: the help, as before
        raise
    except _cx.UsageError as e:
        fail(usage_message(e))


class OneLineErrorsGroup(TyperGroup):
    """Usage errors (a bad option value, a missing argument, an unknown option or command) end the
    run with one line ``claimcheck: error: ...`` and exit code 2, not Click's usage block; ``--help``
    works as usual."""

    def make_context(self, info_name, args, parent=None, **extra):
        with _one_line_usage_errors():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx):
        with _one_line_usage_errors():
            return super().invoke(ctx)


app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, cls=OneLineErrorsGroup,
                  help="Check the numeric fund-flow claims of crypto news against CoinShares weekly figures.")


class Fmt(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    html = "html"


class Show(str, Enum):
    table = "table"
    text = "text"
    both = "both"


class FailOn(str, Enum):
    conflicting = "conflicting"
    unverified = "unverified"
    never = "never"


def parse_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2026-01-26", param_hint="'--date'") from None


def fail(message: str, code: int = 2) -> None:
    err.print(f"claimcheck: error: {one_line(message)}", markup=False)
    raise typer.Exit(code)


def run_guarded(fn, debug: bool):
    try:
        return fn()
    except typer.Exit:
        raise
    except ClaimcheckError as e:
        if debug:
            traceback.print_exc()
        fail(str(e), e.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0)
    except Exception as e:  # a bug: one line, the traceback with --debug
        if debug:
            traceback.print_exc()
        fail(f"internal error: {type(e).__name__}: {e} (run again with --debug for the traceback and report it)", 3)


def exit_code(counts: dict[str, int], fail_on: FailOn) -> int:
    if fail_on == FailOn.never:
        return 0
    if counts.get("conflicting", 0):
        return 1
    if fail_on == FailOn.unverified and counts.get("unverified", 0):
        return 1
    return 0


@app.callback()
def _root() -> None:
    """Check the numeric fund-flow claims of crypto news against CoinShares weekly figures."""


REFERENCE_HELP = "reference CSV file(s) replacing the bundled data (repeatable)"


@app.command()
def check(
    file: str = typer.Argument(..., help="article file (.txt, .md, .html) or - for standard input"),
    date_: Optional[str] = typer.Option(None, "--date", help="the article's date, YYYY-MM-DD (default: a date in the text, else the latest report)"),
    reference: Optional[List[Path]] = typer.Option(None, "--reference", "-r", help=REFERENCE_HELP),
    fmt: Fmt = typer.Option(Fmt.table, "--format", "-f", help="output format"),
    show: Show = typer.Option(Show.table, "--show", help="table, the article text with highlighted claims, or both"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write the result to this file (format from its extension unless --format)"),
    fail_on: FailOn = typer.Option(FailOn.conflicting, "--fail-on", help="what makes the exit code 1"),
    directions: bool = typer.Option(False, "--directions", help="also report direction-only claims (a subject and the direction of its flow, no figure: 'Solana recorded inflows')"),
    debug: bool = typer.Option(False, "--debug", help="show tracebacks"),
):
    """Check one article and print every claim with its verdict and evidence."""
    d = parse_date(date_)

    def go() -> int:
        from . import api, io, render
        from .outputs import format_for, refuse_output_as_input, write_reports

        if out is not None:
            refuse_output_as_input(out, [file])
        article = io.read_article(file)
        report = api.check(article.text, date=d or article.published, reference=reference or None, path=file,
                           directions=directions)
        if d is None and article.published is not None:
            report.date_source = f"HTML metadata {article.published.isoformat()}"
        if out is not None:
            write_reports([report], out, format_for(out, fmt.value if fmt != Fmt.table else None))
        if fmt == Fmt.table:
            console = Console(highlight=False)
            render.print_report(report, console, show.value)
        elif out is None:
            from .outputs import render_reports

            sys.stdout.write(render_reports([report], fmt.value))
            sys.stdout.flush()
        return exit_code(report.counts(), fail_on)

    raise typer.Exit(run_guarded(go, debug))


def main() -> None:
    app()


# sub-commands kept in their own modules register themselves on ``app``
from . import cli_extra  # noqa: E402,F401

if __name__ == "__main__":  # ``python -m claimcheck.cli``: the sub-commands registered on claimcheck.cli.app
    from claimcheck.cli import main as _main

    _main()
