"""Rendering verdicts: a rich table, highlighted text, JSON, CSV and Markdown."""
from __future__ import annotations

import csv
import io
import json
import math

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .api import Report
from .model import Verdict

COLOURS = {"verified": "green", "conflicting": "bold red", "unverified": "yellow"}
BG = {"verified": "black on green3", "conflicting": "white on red3", "unverified": "black on yellow3"}
CSV_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


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
    if c.value is None:
        return "?"
    hedge = {"exact": "", "approx": "~", "over": ">", "at_least": ">=", "under": "<", "nearly": "nearly ", "range": ""}[c.hedge]
    if c.hedge == "range":
        iv = c.signed_interval()
        return f"{fmt_value(c.metric, iv[0])} to {fmt_value(c.metric, iv[1])}"
    s = hedge + fmt_value(c.metric, c.value)
    if c.direction is None and c.metric not in ("aum", "volume"):
        s = s.lstrip("+") + " (dir. ?)"
    return s


def reference_text(v: Verdict) -> str:
    if v.reference is None:
        return ""
    return fmt_value(v.reference.metric if v.reference.metric in ("streak", "share") else "flow", v.reference.value)


def table(report: Report, title: str | None = None) -> Table:
    t = Table(title=title, show_lines=False, expand=True, header_style="bold")
    t.add_column("#", justify="right", no_wrap=True)
    t.add_column("claim", max_width=34)
    t.add_column("subject", no_wrap=True)
    t.add_column("metric", no_wrap=True)
    t.add_column("week", no_wrap=True)
    t.add_column("claimed", no_wrap=True)
    t.add_column("reference", no_wrap=True)
    t.add_column("verdict", no_wrap=True)
    t.add_column("note", ratio=2)
    for i, v in enumerate(report.verdicts, 1):
        c = v.claim
        t.add_row(
            str(i), Text(c.text), c.subject, c.metric, c.report_date.isoformat() if c.report_date else "?",
            claimed_text(v), reference_text(v), Text(v.label, style=COLOURS[v.label]), Text(v.reason),
        )
    return t


def summary_line(report: Report) -> Text:
    n = report.counts()
    t = Text()
    t.append(f"{len(report.verdicts)} claims: ")
    t.append(f"{n['verified']} verified", style=COLOURS["verified"])
    t.append(", ")
    t.append(f"{n['conflicting']} conflicting", style=COLOURS["conflicting"])
    t.append(", ")
    t.append(f"{n['unverified']} unverified", style=COLOURS["unverified"])
    t.append(f"; week: report of {report.report_date} ({report.date_source})" if report.report_date else "")
    return t


def highlighted(report: Report) -> Text:
    """The article text with each claim highlighted in its verdict colour and numbered like the table."""
    text = report.text
    out = Text()
    pos = 0
    for i, v in enumerate(sorted(report.verdicts, key=lambda v: v.claim.start), 1):
        pass
    order = {id(v): i for i, v in enumerate(report.verdicts, 1)}
    for v in sorted(report.verdicts, key=lambda v: v.claim.start):
        c = v.claim
        if c.start < pos:
            continue
        out.append(text[pos:c.start])
        out.append(text[c.start:c.end], style=BG[v.label])
        out.append(f"[{order[id(v)]}]", style=COLOURS[v.label])
        pos = c.end
    out.append(text[pos:])
    return out


def print_report(report: Report, console: Console, show: str = "table") -> None:
    if report.warnings:
        for w in report.warnings:
            console.print(Text(f"warning: {w}", style="yellow"))
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
               "reference_sources", "diff_usd_m", "diff_pct", "reason")


def flat_rows(report: Report):
    for v in report.verdicts:
        d = v.to_dict()
        ref = d["reference"] or {}
        yield {
            "path": report.path, "start": d["start"], "end": d["end"], "text": d["text"], "subject": d["subject"],
            "metric": d["metric"], "report_date": d["report_date"], "claimed_value": d["claimed"]["value"],
            "claimed_low": d["claimed"]["low"], "claimed_high": d["claimed"]["high"], "hedge": d["claimed"]["hedge"],
            "direction": d["claimed"]["direction"], "verdict": d["verdict"], "reference_value": ref.get("value"),
            "reference_report_date": ref.get("report_date"), "reference_confidence": ref.get("confidence"),
            "reference_sources": " ".join(ref.get("sources") or []), "diff_usd_m": d["diff_usd_m"], "diff_pct": d["diff_pct"],
            "reason": d["reason"],
        }


def csv_safe(value):
    """Neutralise spreadsheet formulas: text cells starting with = + - @ get a leading apostrophe.

    Numbers stay numbers (written as plain numerals, so a signed value like -1730.0 is a number to
    a spreadsheet, not a formula).
    """
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    s = str(value)
    if s.startswith(CSV_DANGEROUS):
        return "'" + s
    return s


def to_csv(reports) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FLAT_FIELDS, lineterminator="\n")
    w.writeheader()
    for r in reports:
        for row in flat_rows(r):
            w.writerow({k: csv_safe(v) for k, v in row.items()})
    return buf.getvalue()


def _md_cell(s) -> str:
    return str("" if s is None else s).replace("|", "\\|").replace("\n", " ")


def to_markdown(reports) -> str:
    lines = []
    for r in reports:
        n = r.counts()
        lines.append(f"### {_md_cell(r.path or 'article')}")
        lines.append("")
        lines.append(f"{len(r.verdicts)} claims: {n['verified']} verified, {n['conflicting']} conflicting, {n['unverified']} unverified (week: {r.report_date}, {r.date_source})")
        lines.append("")
        lines.append("| # | claim | subject | metric | week | claimed | reference | verdict | note |")
        lines.append("|---|---|---|---|---|---|---|---|---|")
        for i, v in enumerate(r.verdicts, 1):
            c = v.claim
            mark = {"verified": "✅ verified", "conflicting": "❌ conflicting", "unverified": "❔ unverified"}[v.label]
            lines.append("| " + " | ".join(_md_cell(x) for x in (i, c.text, c.subject, c.metric, c.report_date, claimed_text(v), reference_text(v), mark, v.reason)) + " |")
        lines.append("")
    return "\n".join(lines)
