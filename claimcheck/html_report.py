"""A self-contained HTML report: each article's text with its claims highlighted by verdict, and the
evidence of every claim beside the text (and in the highlight's tooltip).

Everything that comes from an article or the reference data (text, paths, reasons, sources) is
escaped with :func:`html.escape`, so an article holding ``<script>`` shows it as text. The page also
carries a Content-Security-Policy that forbids scripts and any external resource: it needs none
(inline CSS only, no JavaScript, no fonts or images).
"""
from __future__ import annotations

import html
from typing import Iterable

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1.5em auto;max-width:1400px;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2em;align-items:start}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.55;font-size:15px;background:#fcfcfc;border:1px solid #eee;padding:.8em}
mark{padding:0 1px;border-radius:2px;color:inherit}
mark.verified{background:#c8e6c9}mark.unverified{background:#fff59d}mark.conflicting{background:#ffcdd2;outline:1px solid #c62828}
sup a{text-decoration:none;font-weight:bold;font-size:11px}
.verified{color:#1b5e20}.unverified{color:#8d6e00}.conflicting{color:#b71c1c}
mark.verified,mark.unverified,mark.conflicting{color:inherit}
ol.evidence{list-style:none;margin:0;padding:0;font-size:13px}
ol.evidence li{border:1px solid #ddd;border-left:5px solid #999;border-radius:3px;padding:.4em .6em;margin:0 0 .5em 0}
ol.evidence li.verified{border-left-color:#2e7d32}ol.evidence li.unverified{border-left-color:#f9a825}
ol.evidence li.conflicting{border-left-color:#c62828;background:#fff8f8}
ol.evidence li:target{box-shadow:0 0 0 2px #1565c0}
.ev-head{font-weight:bold}.ev-head q{font-weight:normal}.badge{text-transform:uppercase;font-size:11px;letter-spacing:.03em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .8em;margin:.3em 0}dt{color:#666}dd{margin:0;overflow-wrap:anywhere}
.reason{margin:.3em 0 0 0}.meta{color:#444}.error{color:#b71c1c;font-weight:bold}
""".strip()


def esc(x) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def head(title: str = "claimcheck report", rows: list[dict] | None = None, totals: dict | None = None) -> str:
    """The start of the page: styles, the title and (for several articles) the summary table."""
    parts = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
             f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>", f"<h1>{esc(title)}</h1>"]
    if rows is not None and totals is not None:
        parts.append(summary_table(rows, totals))
    return "\n".join(parts) + "\n"


def tail() -> str:
    return "</body></html>\n"


def summary_table(rows: Iterable[dict], totals: dict) -> str:
    parts = [f"<p class='meta'>{totals['articles']} articles ({totals['errors']} not checked), {totals['claims']} claims: "
             f"<span class='verified'>{totals['verified']} verified</span>, <span class='conflicting'>{totals['conflicting']} "
             f"conflicting</span>, <span class='unverified'>{totals['unverified']} unverified</span></p>",
             "<table class='summary'><tr><th>#</th><th>article</th><th>claims</th><th>verified</th><th>conflicting</th>"
             "<th>unverified</th><th>worst finding</th><th>error</th></tr>"]
    for r in rows:
        num = r.get("number")
        name = f"<a href='#a{esc(num)}'>{esc(r['path'])}</a>" if num is not None else esc(r["path"])
        parts.append(f"<tr><td class='n'>{esc(num)}</td><td>{name}</td><td class='n'>{r['claims']}</td><td class='n'>{r['verified']}</td>"
                     f"<td class='n'>{r['conflicting']}</td><td class='n'>{r['unverified']}</td><td>{esc(r['worst'])}</td>"
                     f"<td class='error'>{esc(r['error'] or '')}</td></tr>")
    parts.append(f"<tr><th></th><th>total</th><th class='n'>{totals['claims']}</th><th class='n'>{totals['verified']}</th>"
                 f"<th class='n'>{totals['conflicting']}</th><th class='n'>{totals['unverified']}</th><th></th>"
                 f"<th>{totals['errors'] or ''}</th></tr></table>")
    return "\n".join(parts)


def _highlighted_html(report, aid: str) -> str:
    """The article text, escaped, with each claim group in a <mark> and its numbers linking to the evidence."""
    from .render import claim_groups, worst_label

    text = report.text
    out = []
    pos = 0
    for start, end, members in claim_groups(report):
        out.append(html.escape(text[pos:start], quote=False))
        worst = worst_label(v for _, v in members)
        tip = "\n".join(f"#{i} {v.label}: {v.reason}" for i, v in members)
        out.append(f"<mark class='{worst}' title='{esc(tip)}'>{html.escape(text[start:end], quote=False)}</mark>")
        for i, v in members:
            out.append(f"<sup id='{aid}-m{i}'><a class='{v.label}' href='#{aid}-c{i}'>[{i}]</a></sup>")
        pos = end
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def _fmt_evidence(ev, metric: str) -> str:
    from .render import fmt_value

    if ev is None:
        return ""
    m = ev.metric if ev.metric in ("streak", "share", "rank") else "flow"
    bits = [fmt_value(m, ev.value) or "n/a"]
    if ev.report_date:
        bits.append(f"report of {ev.report_date.isoformat()}")
    if ev.subject:
        bits.append(f"{ev.subject} {ev.metric}")
    if ev.confidence:
        bits.append(f"confidence {ev.confidence}")
    s = ", ".join(bits)
    if ev.note:
        s += f" ({ev.note})"
    return s


def _sources(ev) -> str:
    if ev is None:
        return ""
    return " ".join(f"<a href='{esc(u)}' rel='noopener noreferrer nofollow'>source {k}</a>"
                    for k, u in enumerate((u for u in ev.sources if u.startswith(("http://", "https://"))), 1))


def _evidence_item(v, i: int, aid: str) -> str:
    from .render import claimed_text

    c = v.claim
    rows = [("about", f"{c.subject} · {c.metric} · week of {c.report_date.isoformat() if c.report_date else '?'}"),
            ("claimed", claimed_text(v) + (f" ({c.hedge_text})" if c.hedge_text else ""))]
    if v.reference is not None:
        rows.append(("reference", _fmt_evidence(v.reference, c.metric)))
    if v.diff_usd_m is not None:
        rows.append(("difference", f"{v.diff_usd_m:+,.1f}m USD" + (f" ({v.diff_pct:+.1f}%)" if v.diff_pct is not None else "")))
    if v.alternative is not None:
        rows.append(("fits instead", _fmt_evidence(v.alternative, c.metric)))
    if v.missing_weeks:
        rows.append(("missing weeks", ", ".join(d.isoformat() for d in v.missing_weeks)))
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(val)}</dd>" for k, val in rows)
    src = _sources(v.reference) or _sources(v.alternative)
    return (f"<li id='{aid}-c{i}' class='{v.label}'><div class='ev-head'><a href='#{aid}-m{i}'>#{i}</a> "
            f"<span class='badge {v.label}'>{v.label}</span> <q>{esc(c.text)}</q></div><dl>{dl}</dl>"
            f"<p class='reason'>{esc(v.reason)}</p>" + (f"<p>{src}</p>" if src else "") + "</li>")


def article_section(report, number: int = 1) -> str:
    """One article: heading, counts, the highlighted text and, beside it, the evidence of each claim."""
    aid = f"a{int(number)}"
    parts = [f"<section class='article' id='{aid}'>", f"<h2>{int(number)}. {esc(report.path or 'article')}</h2>"]
    if report.error and not report.verdicts:
        parts.append(f"<p class='error'>not checked: {esc(report.error)}</p></section>")
        return "\n".join(parts) + "\n"
    n = report.counts()
    week = f"report of {report.report_date.isoformat()} ({report.date_source})" if report.report_date else report.date_source
    parts.append(f"<p class='meta'>{len(report.verdicts)} claims: <span class='verified'>{n['verified']} verified</span>, "
                 f"<span class='conflicting'>{n['conflicting']} conflicting</span>, <span class='unverified'>{n['unverified']} "
                 f"unverified</span>; week: {esc(week)}</p>")
    for w in report.warnings:
        parts.append(f"<p class='meta'>warning: {esc(w)}</p>")
    parts.append("<div class='cols'>")
    parts.append(f"<div class='text'>{_highlighted_html(report, aid)}</div>")
    parts.append("<ol class='evidence'>" + "\n".join(_evidence_item(v, i, aid) for i, v in enumerate(report.verdicts, 1)) + "</ol>")
    parts.append("</div></section>")
    return "\n".join(parts) + "\n"


def to_html(reports) -> str:
    """The whole page for a few reports (the batch command streams :func:`head`, sections and :func:`tail`)."""
    from .outputs import summary_row, totals_of

    reports = list(reports)
    rows = [summary_row(r, k) for k, r in enumerate(reports, 1)]
    show_summary = len(reports) > 1
    return (head("claimcheck report", rows if show_summary else None, totals_of(rows) if show_summary else None)
            + "".join(article_section(r, k) for k, r in enumerate(reports, 1)) + tail())
