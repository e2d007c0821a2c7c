"""Output files for sharing and for machines: JSON, JSON Lines, CSV, Markdown, HTML."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from .errors import ClaimcheckError
from .io import write_atomic

EXTENSIONS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".md": "markdown",
              ".markdown": "markdown", ".html": "html", ".htm": "html"}


def format_for(path: Path, fmt: str | None) -> str:
    if fmt:
        return fmt
    f = EXTENSIONS.get(Path(path).suffix.lower())
    if f is None:
        raise ClaimcheckError(f"{path}: cannot tell the output format from the extension; use .json, .jsonl, .csv, .md or .html, or pass --format")
    return f


def render_reports(reports: Iterable, fmt: str) -> str:
    from . import render

    reports = list(reports)
    if fmt == "json":
        if len(reports) == 1:
            return render.to_json(reports[0]) + "\n"
        return json.dumps({"articles": [r.to_dict() for r in reports]}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        lines = []
        for r in reports:
            for v in r.verdicts:
                d = v.to_dict()
                d["path"] = r.path
                lines.append(json.dumps(d, ensure_ascii=False))
        return "\n".join(lines) + ("\n" if lines else "")
    if fmt == "csv":
        return render.to_csv(reports)
    if fmt == "markdown":
        return render.to_markdown(reports)
    if fmt == "html":
        from .html_report import to_html

        return to_html(reports)
    raise ClaimcheckError(f"unknown format {fmt!r}; use json, jsonl, csv, markdown or html")


def write_reports(reports: Iterable, path: Path, fmt: str) -> None:
    write_atomic(path, render_reports(reports, fmt))
