"""A self-contained HTML report: each article's text with claims highlighted, evidence beside each.

Built with rich's HTML export of the highlighted text (rich escapes the article text), plus an
escaped evidence table.
"""
from __future__ import annotations

import html

from rich.console import Console

COL = {"verified": "#2e7d32", "conflicting": "#c62828", "unverified": "#f9a825"}


def to_html(reports) -> str:
    from .render import claimed_text, highlighted, reference_text

    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>claimcheck report</title>",
             "<style>body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;width:100%}"
             "td,th{border:1px solid #ccc;padding:4px;vertical-align:top;font-size:13px}pre{white-space:pre-wrap}"
             ".v{font-weight:bold}</style></head><body><h1>claimcheck report</h1>"]
    for r in reports:
        n = r.counts()
        parts.append(f"<h2>{html.escape(str(r.path or 'article'))}</h2>")
        parts.append(f"<p>{len(r.verdicts)} claims: {n['verified']} verified, {n['conflicting']} conflicting, "
                     f"{n['unverified']} unverified; week: {html.escape(str(r.report_date))} ({html.escape(r.date_source)})</p>")
        console = Console(record=True, width=110, file=open("/dev/null", "w"), force_terminal=True, color_system="truecolor")
        console.print(highlighted(r))
        body = console.export_html(inline_styles=True, code_format="<pre style='white-space:pre-wrap'>{code}</pre>")
        parts.append(body)
        parts.append("<table><tr><th>#</th><th>claim</th><th>subject</th><th>metric</th><th>week</th><th>claimed</th>"
                     "<th>reference</th><th>verdict</th><th>evidence</th></tr>")
        for i, v in enumerate(r.verdicts, 1):
            c = v.claim
            srcs = " ".join(f"<a href='{html.escape(u, quote=True)}'>source</a>" for u in (v.reference.sources if v.reference else [])
                            if u.startswith(("http://", "https://")))
            cells = [str(i), c.text, c.subject, c.metric, str(c.report_date), claimed_text(v), reference_text(v)]
            parts.append("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in cells)
                         + f"<td class='v' style='color:{COL[v.label]}'>{v.label}</td><td>{html.escape(v.reason)} {srcs}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
