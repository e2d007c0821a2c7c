"""The Python API: ``claimcheck.check(text, ...)``; the CLI is a thin layer over it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

from . import pipeline
from .extract import extract
from .model import Verdict
from .parse import periods
from .reference import ReferenceData, bundled_reference, load_reference
from .verify import Verifier


@dataclass
class Report:
    """The result of checking one article."""

    verdicts: list[Verdict]
    report_date: date | None
    date_source: str  # what fixed the article's week: --date, a dateline, the latest report...
    path: str | None = None
    reference_files: tuple[str, ...] = ()
    text: str = ""
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        c = {"verified": 0, "conflicting": 0, "unverified": 0}
        for v in self.verdicts:
            c[v.label] += 1
        return c

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "date_source": self.date_source,
            "summary": self.counts(),
            "claims": [v.to_dict() for v in self.verdicts],
            "reference_files": list(self.reference_files),
            "warnings": self.warnings,
            "error": self.error,
        }


def resolve_article_date(text: str, given: date | None, reference: ReferenceData) -> tuple[date, str]:
    """The report week of an article: --date, else a dateline or date in the text, else the latest report."""
    if given is not None:
        r = periods.report_for_publication(given)
        return r, f"--date {given.isoformat()}" + (f" (report of {r.isoformat()})" if r != given else "")
    found = periods.article_date_from_text(text)
    if found:
        d, how = found
        r = periods.report_for_publication(d)
        return r, how + (f" (report of {r.isoformat()})" if r != d else "")
    return reference.latest_report, f"no date given or found; the latest report in the data ({reference.latest_report.isoformat()})"


def get_reference(paths: Iterable[str | Path] | None = None) -> ReferenceData:
    paths = list(paths or [])
    return load_reference(paths) if paths else bundled_reference()


def keep_claims(claims: list, directions: bool = False) -> list:
    """The claims to report: numeric claims always, direction-only claims ("Solana recorded inflows") on request."""
    return claims if directions else [c for c in claims if c.kind != "direction"]


def check(text: str, date: date | None = None, reference: ReferenceData | Iterable[str | Path] | None = None,
          model: str | None = None, path: str | None = None, directions: bool = False) -> Report:
    """Extract every fund-flow claim of ``text`` and judge it against the reference data.

    ``date``: the article's date (its report week is the Monday on or before it);
    ``reference``: a loaded :class:`ReferenceData` or CSV paths (default: the bundled corpus);
    ``directions``: also report direction-only claims, a subject named with the direction of its
    flow and no figure ("Solana recorded inflows"), judged by the sign of the reference flow.
    """
    ref = reference if isinstance(reference, ReferenceData) else get_reference(reference)
    nlp = pipeline.load(model)
    report_date, how = resolve_article_date(text, date, ref)
    claims = keep_claims(extract(nlp, text, report_date, "article"), directions)
    verifier = Verifier(ref)
    return Report([verifier(c) for c in claims], report_date, how, path, ref.files, text)
