"""Output files for sharing and for machines: JSON, JSON Lines, CSV, Markdown, HTML.

Every format is built from per-article *fragments* (:func:`fragment`), so one article (``claimcheck
check --out``) and thousands (``claimcheck batch --out``, streamed by :class:`OutputStream`) give the
same layout. Files are written atomically: to a temporary file in the target's folder, renamed over
the target when complete, so a reader never sees half a report and an interrupted run leaves the old
file in place.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Iterable

from .errors import ClaimcheckError
from .io import file_mode, write_atomic

EXTENSIONS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".md": "markdown",
              ".markdown": "markdown", ".html": "html", ".htm": "html"}
FORMATS = ("json", "jsonl", "csv", "markdown", "html")


def format_for(path: Path, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise ClaimcheckError(f"unknown format {fmt!r}; use json, jsonl, csv, markdown or html")
        return fmt
    f = EXTENSIONS.get(Path(path).suffix.lower())
    if f is None:
        raise ClaimcheckError(f"{path}: cannot tell the output format from the extension; use .json, .jsonl, .csv, .md or .html, or pass --format")
    return f


# --- the per-article summary (one small row per article) ------------------------------------------
SUMMARY_FIELDS = ("number", "path", "claims", "verified", "conflicting", "unverified", "worst", "report_date", "error")


def worst_finding(report) -> str:
    """A one-line description of the article's most serious finding (the first conflicting claim, else
    the first unverified one); empty when every claim is verified."""
    from .render import claimed_text, reference_text

    for label in ("conflicting", "unverified"):
        for i, v in enumerate(report.verdicts, 1):
            if v.label != label:
                continue
            c = v.claim
            head = f"#{i} {label}: \u201c{_short(c.text, 40)}\u201d {c.subject} {c.metric}"
            if label == "conflicting" and v.reference is not None:
                return f"{head}: claimed {claimed_text(v)}, reference {reference_text(v)}"
            return f"{head}: {_short(v.reason, 90)}"
    return ""


def _short(s: str, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def summary_row(report, number: int | None = None) -> dict:
    n = report.counts()
    return {"number": number, "path": report.path, "claims": len(report.verdicts), "verified": n["verified"],
            "conflicting": n["conflicting"], "unverified": n["unverified"], "worst": worst_finding(report),
            "report_date": report.report_date.isoformat() if report.report_date else None,
            "error": report.error if (report.error and not report.verdicts) else None}


def totals_of(rows: Iterable[dict]) -> dict:
    t = {"articles": 0, "checked": 0, "errors": 0, "claims": 0, "verified": 0, "conflicting": 0, "unverified": 0}
    for r in rows:
        t["articles"] += 1
        if r["error"]:
            t["errors"] += 1
        else:
            t["checked"] += 1
        for k in ("claims", "verified", "conflicting", "unverified"):
            t[k] += r[k]
    return t


# --- fragments ------------------------------------------------------------------------------------
def fragment(report, fmt: str, number: int = 1) -> str:
    """The part of an output file that belongs to one article (``number``: its place in the batch)."""
    from . import render

    if fmt == "jsonl":
        return render.jsonl_lines(report)
    if fmt == "csv":
        return render.csv_rows(report)
    if fmt == "json":
        return json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
    if fmt == "markdown":
        return render.md_section(report)
    if fmt == "html":
        from .html_report import article_section

        return article_section(report, number)
    if fmt in ("table", "none", ""):
        return ""
    raise ClaimcheckError(f"unknown format {fmt!r}; use json, jsonl, csv, markdown or html")


def _md_summary(rows: list[dict], totals: dict) -> str:
    from .render import md_cell

    lines = [f"{totals['articles']} articles ({totals['errors']} not checked), {totals['claims']} claims: {totals['verified']} verified, "
             f"{totals['conflicting']} conflicting, {totals['unverified']} unverified", "",
             "| # | article | claims | verified | conflicting | unverified | worst finding | error |",
             "|---:|---|---:|---:|---:|---:|---|---|"]
    for r in rows:
        lines.append("| " + " | ".join(md_cell(r[k]) for k in ("number", "path", "claims", "verified", "conflicting",
                                                                   "unverified", "worst", "error")) + " |")
    lines.append(f"| | **total** | {totals['claims']} | {totals['verified']} | {totals['conflicting']} | {totals['unverified']} | | "
                 f"{totals['errors'] or ''} |")
    return "\n".join(lines) + "\n\n"


class OutputStream:
    """Writes a batch's output one article at a time, so memory does not grow with the batch.

    ``path``: the file, written atomically (a temporary file beside it, renamed over it by
    :meth:`close`; :meth:`abort` removes it); or ``stream``: an open text stream (stdout).
    JSON Lines and CSV go straight out; JSON is ``{"articles": [...], "totals": {...}}``; Markdown
    and HTML put the summary table first, so their article sections wait in an anonymous spool file
    until the summary is known.
    """

    def __init__(self, fmt: str, path: str | Path | None = None, stream: IO[str] | None = None, title: str = "claimcheck report",
                 summary: bool = True):
        if (path is None) == (stream is None):
            raise ValueError("pass exactly one of path and stream")
        self.fmt = format_for(Path(path) if path else Path("x"), fmt)
        self.path = Path(path) if path is not None else None
        self.title = title
        self.summary = summary
        self.tmp: str | None = None
        self.count = 0
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=str(self.path.parent))
            self.out: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="")
        else:
            self.out = stream
        self.spool: IO[str] | None = None
        if self.fmt in ("markdown", "html"):
            self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        elif self.fmt == "csv":
            from .render import csv_header

            self.out.write(csv_header())
        elif self.fmt == "json":
            self.out.write('{\n"articles": [\n')

    def add(self, frag: str) -> None:
        """Append one article's fragment (from :func:`fragment` with this stream's format)."""
        if self.fmt == "json":
            self.out.write((",\n" if self.count else "") + frag)
        elif self.spool is not None:
            self.spool.write(frag)
        else:
            self.out.write(frag)
        self.count += 1

    def close(self, rows: list[dict] | None = None, totals: dict | None = None) -> None:
        """Finish the file (summary, closing brackets), flush it and move it into place."""
        try:
            if totals is None and rows is not None:
                totals = totals_of(rows)
            if self.fmt == "json":
                self.out.write("\n],\n" + f'"totals": {json.dumps(totals or {}, ensure_ascii=False)}\n' + "}\n")
            elif self.fmt == "markdown":
                self.out.write(f"# {self.title}\n\n")
                if self.summary and rows is not None:
                    self.out.write(_md_summary(rows, totals))
                self._copy_spool()
            elif self.fmt == "html":
                from . import html_report

                self.out.write(html_report.head(self.title, rows if self.summary else None, totals if self.summary else None))
                self._copy_spool()
                self.out.write(html_report.tail())
            self.out.flush()
            if self.path is not None:
                os.fsync(self.out.fileno())
                os.chmod(self.tmp, file_mode(self.path))
                self.out.close()
                os.replace(self.tmp, self.path)
                self.tmp = None
        except BaseException:
            self.abort()
            raise
        finally:
            if self.spool is not None:
                self.spool.close()
                self.spool = None

    def _copy_spool(self) -> None:
        self.spool.flush()
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, self.out, 1 << 20)

    def abort(self) -> None:
        """Drop the partial output: the temporary file is removed, an existing target is left as it was."""
        if self.spool is not None:
            self.spool.close()
            self.spool = None
        if self.path is not None:
            try:
                self.out.close()
            except Exception:
                pass
            if self.tmp:
                try:
                    os.unlink(self.tmp)
                except OSError:
                    pass
                self.tmp = None


def render_reports(reports: Iterable, fmt: str) -> str:
    """A whole output for a few reports (one JSON report stays a plain object, as ``check`` prints it)."""
    from . import render

    reports = list(reports)
    fmt = format_for(Path("x"), fmt)
    if fmt == "json" and len(reports) == 1:
        return render.to_json(reports[0]) + "\n"
    buf = io.StringIO()
    out = OutputStream(fmt, stream=buf, summary=len(reports) > 1)
    rows = []
    for k, r in enumerate(reports, 1):
        out.add(fragment(r, fmt, k))
        rows.append(summary_row(r, k))
    out.close(rows)
    return buf.getvalue()


def write_reports(reports: Iterable, path: Path, fmt: str) -> None:
    write_atomic(path, render_reports(reports, fmt))


def refuse_output_as_input(out: Path, paths: Iterable[str], globs: tuple[str, ...] = ()) -> None:
    """Refuse an ``--out`` that is one of the inputs (by any path: relative, through a symlink, a hard
    link; or, for an input folder, a file in it matching ``globs``): no input file is ever modified."""
    from .batch import _matches

    out = Path(out)
    if not out.exists():
        return
    out_abs = os.path.abspath(out)
    for p in paths:
        if p == "-":  # standard input
            continue
        a = os.path.abspath(p)
        if os.path.isdir(a):
            rel = os.path.relpath(out_abs, a)
            if not rel.startswith(".." + os.sep) and rel != ".." and not any(part.startswith(".") for part in Path(rel).parts):
                if _matches(Path(rel).name, rel.replace(os.sep, "/"), globs):
                    raise ClaimcheckError(f"--out {out} is also an input (it matches --glob under {p}); write the output elsewhere")
        elif a == out_abs or (os.path.exists(a) and os.path.samefile(a, out_abs)):
            raise ClaimcheckError(f"--out {out} is also an input; write the output elsewhere")

