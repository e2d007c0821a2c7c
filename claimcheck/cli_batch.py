"""``claimcheck batch PATH...``: check many articles in parallel, with a progress bar and a summary.

Exit codes: 0 no claim conflicts; 1 a claim conflicts (``--fail-on unverified``: or is unverified;
``--fail-on never``: never); 2 usage errors, or **no** input could be read (files that could not be
read while others could are listed in the summary's error column and do not change the code by
themselves); 3 an internal error; 130 interrupted.
"""
from __future__ import annotations

import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .cli import REFERENCE_HELP, FailOn, Fmt, app, err, exit_code, parse_date, run_guarded
from .errors import ClaimcheckError


class Engine(str, Enum):
    local = "local"
    dask = "dask"


SUMMARY_PAGE = 500  # rows per printed table page (a 5,000-row table is never rendered at once)


def _progress(console: Console):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    return Progress(
        SpinnerColumn(), BarColumn(bar_width=24), MofNCompleteColumn(), TextColumn("articles {task.fields[rate]}"),
        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        TextColumn("[red]{task.fields[conflicts]}"), TextColumn("[yellow]{task.fields[errors]}"),
        console=console, transient=False, refresh_per_second=5,
    )


def print_summary(rows: list[dict], totals: dict, console: Console) -> None:
    """The per-article summary table and totals, printed in pages of fixed column widths (a long
    batch never builds one huge table in memory)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .render import safe_text

    if not rows:
        return
    wide = console.width >= 120
    counts = [("claims", "claims", 6), ("verified", "verified" if wide else "ver.", 8 if wide else 4),
              ("conflicting", "conflicting" if wide else "conf.", 11 if wide else 5),
              ("unverified", "unverified" if wide else "unv.", 10 if wide else 4)]
    n_cols = 4 + len(counts) if wide else 3 + len(counts)
    fixed = 5 + sum(w for *_, w in counts) + 3 * (n_cols - 1) + 1
    flexible = max(36, console.width - fixed)
    w_path = max(12, int(flexible * (0.3 if wide else 0.38)))
    w_err = max(10, int(flexible * 0.25)) if wide else 0
    w_worst = max(12, flexible - w_path - w_err)
    styles = {"verified": "green", "conflicting": "red", "unverified": "yellow", "claims": ""}
    err_footer = f"{totals['errors']} unreadable" if totals["errors"] else ""

    def page(show_header: bool, footer: bool) -> Table:
        t = Table(box=box.SIMPLE_HEAD, show_header=show_header, show_footer=footer, header_style="bold", pad_edge=False,
                  expand=False, show_edge=False)
        t.add_column("#", justify="right", width=5, no_wrap=True, footer="")
        t.add_column("article", width=w_path, overflow="fold", footer=Text("total", style="bold"))
        for key, head, w in counts:
            t.add_column(head, justify="right", width=w, no_wrap=True, style=styles[key], footer=str(totals[key]))
        if wide:
            t.add_column("worst finding", width=w_worst, overflow="fold", footer="")
            t.add_column("error", width=w_err, overflow="fold", style="bold red", footer=err_footer)
        else:
            t.add_column("worst finding / error", width=w_worst, overflow="fold", footer=Text(err_footer, style="bold red"))
        return t

    for start in range(0, len(rows), SUMMARY_PAGE):
        t = page(start == 0, start + SUMMARY_PAGE >= len(rows))
        for r in rows[start:start + SUMMARY_PAGE]:
            cells = [str(r["number"]), safe_text(r["path"])] + [str(r[k]) for k, *_ in counts]
            if wide:
                cells += [safe_text(r["worst"]), safe_text(r["error"])]
            elif r["error"]:
                cells.append(safe_text("error: " + r["error"], style="bold red"))
            else:
                cells.append(safe_text(r["worst"]))
            t.add_row(*cells)
        console.print(t)
    line = Text()
    line.append(f"{totals['articles']} articles: {totals['checked']} checked, ")
    line.append(f"{totals['errors']} could not be read", style="bold red" if totals["errors"] else "")
    line.append(f"; {totals['claims']} claims: ")
    line.append(f"{totals['verified']} verified", style="green")
    line.append(", ")
    line.append(f"{totals['conflicting']} conflicting", style="bold red")
    line.append(", ")
    line.append(f"{totals['unverified']} unverified", style="yellow")
    console.print(line)


@app.command()
def batch(
    paths: List[str] = typer.Argument(..., help="article files and folders (folders are searched recursively)"),
    glob: str = typer.Option("*.txt,*.md,*.html", "--glob", "-g", help="comma-separated file-name patterns searched for in folders"),
    date_: Optional[str] = typer.Option(None, "--date", help="the date of every article, YYYY-MM-DD (default: each article's own date, else the latest report)"),
    reference: Optional[List[Path]] = typer.Option(None, "--reference", "-r", help=REFERENCE_HELP),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="parallel worker processes (default: all cores)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write every claim to this file (.jsonl .csv .md .html .json, or --format)"),
    fmt: Fmt = typer.Option(Fmt.table, "--format", "-f", help="output format (without --out: printed to stdout, the summary goes to stderr)"),
    fail_on: FailOn = typer.Option(FailOn.conflicting, "--fail-on", help="what makes the exit code 1"),
    engine: Optional[Engine] = typer.Option(None, "--engine", help="local process pool, or a dask.distributed cluster (default: local; dask with --scheduler)"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster of --jobs workers)"),
    directions: bool = typer.Option(False, "--directions", help="also report direction-only claims (a subject and the direction of its flow, no figure: 'Solana recorded inflows')"),
    debug: bool = typer.Option(False, "--debug", help="show tracebacks (also of articles that failed inside the checker)"),
):
    """Check many articles (files and folders) in parallel; print a summary per article and totals."""
    d = parse_date(date_)

    def go() -> int:
        from . import batch as B
        from .outputs import OutputStream, format_for, refuse_output_as_input

        eng = (engine or (Engine.dask if scheduler else Engine.local)).value
        if scheduler and eng != "dask":
            raise ClaimcheckError("--scheduler needs --engine dask")
        if "-" in paths:
            raise ClaimcheckError("batch reads files and folders, not standard input; use 'claimcheck check -' for one article")
        globs = B.parse_globs(glob)
        n_jobs = jobs or B.default_jobs()
        out_fmt = None
        if out is not None:
            if out.is_dir():
                raise ClaimcheckError(f"--out {out} is a folder; name a file, e.g. {out / 'claims.jsonl'}")
            out_fmt = format_for(out, fmt.value if fmt != Fmt.table else None)
            refuse_output_as_input(out, paths, globs)
        elif fmt != Fmt.table:
            out_fmt = fmt.value
        # fail fast on what every worker would trip over
        from . import api, pipeline

        ref_paths = tuple(os.path.abspath(p) for p in (reference or ()))
        api.get_reference(ref_paths or None)
        if not (pipeline.MODEL_DIR / "config.cfg").exists():
            pipeline.load()  # raises the "build it with ..." message

        total = sum(1 for _ in B.iter_inputs(paths, globs))
        if total == 0:
            raise ClaimcheckError(f"no article files found in {' '.join(paths)} (--glob {glob}); name files or folders holding {glob}")

        n_jobs = min(n_jobs, total)  # no idle workers for a handful of files
        to_stdout = out is None and out_fmt is not None
        summary_console = Console(stderr=True, highlight=False) if to_stdout else Console(highlight=False)
        progress_console = Console(stderr=True, highlight=False)
        cfg = B.BatchConfig(reference=ref_paths, date=d, fmt=out_fmt or "table", debug=debug, directions=directions)
        stream = None
        if out_fmt is not None:
            stream = OutputStream(out_fmt, path=out) if out is not None else OutputStream(out_fmt, stream=sys.stdout)
        exclude = [stream.tmp] if stream is not None and stream.tmp else []
        progress = _progress(progress_console)
        task = None
        counters = {"done": 0, "conflicts": 0, "errors": 0}
        t0 = time.perf_counter()

        def start():
            nonlocal task, t0
            t0 = time.perf_counter()
            progress.start()
            task = progress.add_task("batch", total=total, rate="", conflicts="", errors="")

        def on_result(res):
            counters["done"] += 1
            row = res.row
            if row["conflicting"]:
                counters["conflicts"] += 1
            if row["error"]:
                counters["errors"] += 1
                if debug and res.traceback:
                    progress.console.print(f"{row['path']}:\n{res.traceback}", markup=False, highlight=False)
            if stream is not None:
                stream.add(res.fragment)
            el = time.perf_counter() - t0
            progress.update(task, advance=1, rate=f"{counters['done'] / el:,.1f}/s" if el > 0 else "",
                            conflicts=f"{counters['conflicts']} conflicting" if counters["conflicts"] else "",
                            errors=f"{counters['errors']} unreadable" if counters["errors"] else "")

        try:
            stats = B.run_batch(B.iter_inputs(paths, globs, exclude=exclude), cfg, jobs=n_jobs, engine=eng, scheduler=scheduler,
                                total=total, on_result=on_result, on_start=start)
            totals = stats.totals()
            if stream is not None:
                stream.close(stats.rows, totals)
                stream = None
        finally:
            progress.stop()
            if stream is not None:
                stream.abort()
        print_summary(stats.rows, totals, summary_console)
        if out is not None:
            summary_console.print(f"wrote {out} ({out_fmt})", highlight=False, markup=False)
        if totals["checked"] == 0:
            err.print("claimcheck: error: none of the files could be read (see the error column above)", markup=False)
            return 2
        return exit_code(totals, fail_on)

    raise typer.Exit(run_guarded(go, debug))
