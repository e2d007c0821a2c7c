"""Rendering verdicts: a rich table, highlighted text, JSON, CSV and Markdown."""
from __future__ import annotations

import csv
import io
import json
import math
import re

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from .api import Report
from .io import clean_text
from .model import Verdict

COLOURS = {"verified": "green", "conflicting": "bold red", "unverified": "yellow"}
BG = {"verified": "black on green3", "conflicting": "white on red3", "unverified": "black on yellow3"}


def fmt_value(metric: str, v: float | None) -> str:
    if v is None or (isinstance(v, float) and math.isinf(v)):
        return ""
    if metric == "streak":
        return f"{v:g} weeks"
    if metric == "share":
        return f"{v:g}%"
    if metric == "rank":
        return f"#{v:g}"
    a = abs(v)
    s = f"${a / 1000:,.2f}bn" if a >= 1000 else f"${a:,.1f}m"
    return ("-" if v < 0 else "+") + s


def claimed_text(v: Verdict) -> str:
    c = v.claim
    if c.metric in ("streak", "rank", "share"):
        s = fmt_value(c.metric, c.value)
        if c.direction:
            s += f" {c.direction}"
        return s
    if c.kind == "direction":
        return f"{c.direction} (no figure)"
    if c.value is None:
        return "?"
    hedge = {"exact": "", "approx": "~", "over": ">", "at_least": ">=", "under": "<", "nearly": "nearly ", "range": ""}[c.hedge]
    if c.hedge == "range":
        iv = c.signed_interval()
        return f"{fmt_value(c.metric, iv[0])} to {fmt_value(c.metric, iv[1])}"
    s = hedge + fmt_value(c.metric, c.value)
    if c.direction is None and c.metric not in ("aum", "volume"):
        s = s.lstrip("+") + " (either way)"  # the text gives no direction
    return s


def reference_text(v: Verdict) -> str:
    if v.reference is None:
        return ""
    return fmt_value(v.reference.metric if v.reference.metric in ("streak", "share") else "flow", v.reference.value)


def safe_text(s, style: str = "") -> Text:
    """``s`` as rich :class:`Text` that cannot act on a terminal: never read as markup, and control
    characters (ESC, BEL, C1...) replaced by :func:`claimcheck.io.clean_text`. Text handed to
    :func:`claimcheck.check` directly has not been through the CLI's reading path, which cleans it."""
    return Text(clean_text("" if s is None else str(s)), style=style)


WIDE = 130  # below this console width the table folds subject/metric/week and moves notes under it


def _wide_table(report: Report, title: str | None) -> Table:
    t = Table(title=title, show_lines=False, expand=True, header_style="bold")
    t.add_column("#", justify="right", no_wrap=True, min_width=2)
    t.add_column("claim", min_width=12, max_width=34, overflow="fold")
    t.add_column("subject", overflow="fold")
    t.add_column("metric", no_wrap=True)
    t.add_column("week", no_wrap=True, min_width=10)
    t.add_column("claimed", no_wrap=True)
    t.add_column("reference", no_wrap=True)
    t.add_column("verdict", no_wrap=True, min_width=11)
    t.add_column("note", ratio=2, min_width=20)
    for i, v in enumerate(report.verdicts, 1):
        c = v.claim
        t.add_row(
            str(i), safe_text(c.text), safe_text(c.subject), safe_text(c.metric), c.report_date.isoformat() if c.report_date else "?",
            claimed_text(v), reference_text(v), Text(v.label, style=COLOURS[v.label]), safe_text(v.reason),
        )
    return t


def _narrow_table(report: Report, title: str | None) -> Group:
    t = Table(title=title, show_lines=False, expand=True, header_style="bold", padding=(0, 1))
    t.add_column("#", justify="right", no_wrap=True, min_width=2)
    t.add_column("claim", min_width=10, ratio=1, overflow="fold")
    t.add_column("about", overflow="fold")
    t.add_column("claimed / ref.", min_width=9, max_width=14, overflow="fold")
    t.add_column("verdict", no_wrap=True, min_width=11)
    notes = Table.grid(padding=(0, 1))
    notes.add_column(justify="right", no_wrap=True)
    notes.add_column(ratio=1)
    for i, v in enumerate(report.verdicts, 1):
        c = v.claim
        week = c.report_date.isoformat() if c.report_date else "?"
        ref = reference_text(v)
        t.add_row(str(i), safe_text(c.text), safe_text(f"{c.subject}\n{c.metric} {week}"),
                  Text(claimed_text(v) + ("\n" + ref if ref else "")), Text(v.label, style=COLOURS[v.label]))
        notes.add_row(f"{i}.", Text.assemble((v.label, COLOURS[v.label]), safe_text(f": {v.reason}")))
    return Group(t, notes) if report.verdicts else Group(t)


class _ClaimTable:
    """The claims table, one row per claim numbered 1..n in ``report.verdicts`` order (as in the
    highlighted text). Wide consoles get one column per field; narrow ones a folded table with the
    notes listed under it, so the number and the claim never collapse away."""

    def __init__(self, report: Report, title: str | None = None):
        self.report, self.title = report, title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= WIDE:
            yield _wide_table(self.report, self.title)
        else:
            yield _narrow_table(self.report, self.title)


def table(report: Report, title: str | None = None) -> _ClaimTable:
    return _ClaimTable(report, title)


def summary_line(report: Report) -> Text:
    n = report.counts()
    t = Text()
    t.append(f"{len(report.verdicts)} claims: ")
    t.append(f"{n['verified']} verified", style=COLOURS["verified"])
    t.append(", ")
    t.append(f"{n['conflicting']} conflicting", style=COLOURS["conflicting"])
    t.append(", ")
    t.append(f"{n['unverified']} unverified", style=COLOURS["unverified"])
    t.append(safe_text(f"; week: report of {report.report_date} ({report.date_source})" if report.report_date else ""))
    return t


def claim_groups(report: Report) -> list[tuple[int, int, list[tuple[int, Verdict]]]]:
    """Claims merged into highlight groups: ``(start, end, [(number, verdict), ...])`` in text order.

    ``number`` is the claim's row in the table (its 1-based place in ``report.verdicts``).
    Claims whose spans overlap (a range and one of its ends, one figure read for two subjects) share
    one highlight that carries every number, so no number of the table is missing from the text.
    """
    n = len(report.text)
    items = sorted(((v.claim.start, v.claim.end, i, v) for i, v in enumerate(report.verdicts, 1)), key=lambda x: (x[0], x[2]))
    groups: list[tuple[int, int, list[tuple[int, Verdict]]]] = []
    for start, end, i, v in items:
        start, end = max(0, min(start, n)), max(0, min(end, n))
        end = max(start, end)
        if groups and start < groups[-1][1]:
            g0, g1, members = groups[-1]
            groups[-1] = (g0, max(g1, end), members + [(i, v)])
        else:
            groups.append((start, end, [(i, v)]))
    return groups


SEVERITY = {"verified": 0, "unverified": 1, "conflicting": 2}


def worst_label(verdicts) -> str | None:
    labels = [v.label for v in verdicts]
    return max(labels, key=SEVERITY.__getitem__) if labels else None


def highlighted(report: Report) -> Text:
    """The article text with each claim highlighted in its verdict colour and numbered like the table.

    The marker ``[n]`` after a highlight is row ``n`` of :func:`table`; overlapping claims share a
    highlight (in the colour of the worst verdict) followed by all their numbers.
    """
    text = clean_text(report.text)  # one character for one: the claims' offsets still hold
    out = Text()
    pos = 0
    for start, end, members in claim_groups(report):
        out.append(text[pos:start])
        out.append(text[start:end], style=BG[worst_label(v for _, v in members)])
        for i, v in members:
            out.append(f"[{i}]", style=COLOURS[v.label])
        pos = end
    out.append(text[pos:])
    return out


def print_report(report: Report, console: Console, show: str = "table") -> None:
    if report.warnings:
        for w in report.warnings:
            console.print(safe_text(f"warning: {w}", style="yellow"))
    if show in ("text", "both"):
        console.print(highlighted(report))
        console.print()
    if show in ("table", "both", "text"):
        console.print(table(report))
    console.print(summary_line(report))


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False)


FLAT_FIELDS = ("path", "start", "end", "text", "subject", "metric", "report_date", "claimed_value", "claimed_low", "claimed_high",
               "hedge", "direction", "verdict", "reference_value", "reference_report_date", "reference_confidence",
               "reference_sources", "diff_usd_m", "diff_pct", "reason", "error")


def flat_rows(report: Report):
    """One flat dict per claim (the CSV rows); an article that could not be checked gives one row with ``error``."""
    if report.error and not report.verdicts:
        yield {**dict.fromkeys(FLAT_FIELDS), "path": report.path, "error": report.error}
        return
    for v in report.verdicts:  # the fields of ``v.to_dict()``, without building the rest of it
        c, ref, claimed = v.claim, v.reference, v.claimed()
        yield {
            "path": report.path, "start": c.start, "end": c.end, "text": c.text, "subject": c.subject,
            "metric": c.metric, "report_date": c.report_date.isoformat() if c.report_date else None, "claimed_value": claimed["value"],
            "claimed_low": claimed["low"], "claimed_high": claimed["high"], "hedge": claimed["hedge"],
            "direction": claimed["direction"], "verdict": v.label, "reference_value": ref.value if ref else None,
            "reference_report_date": ref.report_date.isoformat() if ref and ref.report_date else None,
            "reference_confidence": ref.confidence if ref else None,
            "reference_sources": " ".join(ref.sources or []) if ref else "", "diff_usd_m": v.diff_usd_m, "diff_pct": v.diff_pct,
            "reason": v.reason, "error": report.error,
        }


# --- CSV: formula injection ---------------------------------------------------------------------
#: a text cell whose first non-blank character is one of these is read as a formula by Excel,
#: LibreOffice or Google Sheets (full-width forms included: some spreadsheets fold them)
CSV_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\Z")


def csv_safe(value):
    """A CSV cell that no spreadsheet runs as a formula, with numbers kept numeric.

    - numbers (int/float) are written as plain numerals (``-1730.0``, never ``+12``): a spreadsheet
      reads them as numbers, and a plain numeral cannot be a formula; infinities and NaN become empty;
    - a text cell that is itself a plain numeral (``-11.1``) is left alone for the same reason;
    - any other text whose first non-blank character is = + - @, a tab, CR or LF (or a full-width
      = + - @) gets a leading apostrophe (``'=HYPERLINK(...)``, ``'-$11.1 million``): spreadsheets show
      it as text. The apostrophe is visible to a program reading the CSV; strip one leading ``'``
      from text cells to get the original back.
    """
    if type(value) is str:  # most cells
        s = value
    elif value is None:
        return ""
    elif isinstance(value, bool):
        return str(value).lower()
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        return repr(value) if isinstance(value, float) else str(value)
    else:
        s = str(value)
    if not s.lstrip(" ").startswith(CSV_DANGEROUS) or _PLAIN_NUMBER.match(s):
        return s
    return "'" + s


def csv_header() -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(FLAT_FIELDS)
    return buf.getvalue()


def csv_rows(report: Report) -> str:
    """The CSV rows (no header) of one article."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FLAT_FIELDS, lineterminator="\n")
    for row in flat_rows(report):
        w.writerow({k: csv_safe(v) for k, v in row.items()})
    return buf.getvalue()


def to_csv(reports) -> str:
    return csv_header() + "".join(csv_rows(r) for r in reports)


# --- JSON Lines ---------------------------------------------------------------------------------
#: ``json.dumps(obj, ensure_ascii=False)`` without building an encoder per line; the dicts of
#: ``Verdict.to_dict`` are built fresh, so the check for circular references has nothing to find
_JSONL_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def jsonl_lines(report: Report) -> str:
    """One JSON object per claim with the article's path; an unreadable article gives ``{"path", "error"}``."""
    encode = _JSONL_ENCODER.encode
    lines = []
    if report.error and not report.verdicts:
        lines.append(encode({"path": report.path, "error": report.error}))
    for v in report.verdicts:
        d = v.to_dict()
        d["path"] = report.path
        lines.append(encode(d))
    return "".join(line + "\n" for line in lines)


# --- Markdown -----------------------------------------------------------------------------------
def md_cell(s) -> str:
    """A Markdown table cell: pipes and newlines escaped, HTML escaped so a renderer shows it as text,
    and control characters replaced (a Markdown report is often read in a terminal)."""
    s = clean_text(str("" if s is None else s))
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


MD_MARK = {"verified": "✅ verified", "conflicting": "❌ conflicting", "unverified": "❔ unverified"}


def md_section(report: Report) -> str:
    """The Markdown section of one article: a heading, its counts and a table of its claims."""
    lines = [f"### {md_cell(report.path or 'article')}", ""]
    if report.error and not report.verdicts:
        lines += [f"**not checked**: {md_cell(report.error)}", "", ""]
        return "\n".join(lines)
    n = report.counts()
    lines.append(f"{len(report.verdicts)} claims: {n['verified']} verified, {n['conflicting']} conflicting, "
                 f"{n['unverified']} unverified (week: {md_cell(report.report_date)}, {md_cell(report.date_source)})")
    lines.append("")
    if report.verdicts:
        lines.append("| # | claim | subject | metric | week | claimed | reference | verdict | note |")
        lines.append("|---|---|---|---|---|---|---|---|---|")
        for i, v in enumerate(report.verdicts, 1):
            c = v.claim
            lines.append("| " + " | ".join(md_cell(x) for x in (i, c.text, c.subject, c.metric, c.report_date, claimed_text(v),
                                                                  reference_text(v), MD_MARK[v.label], v.reason)) + " |")
        lines.append("")
    lines.append("")
    return "\n".join(lines)


def to_markdown(reports) -> str:
    return "".join(md_section(r) for r in reports).rstrip("\n") + "\n"
