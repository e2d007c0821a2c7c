"""The two shapes that travel the whole data path: ``Claim`` and ``Verdict``.

text -> spaCy Doc -> claim spans -> :class:`Claim` -> :class:`Verdict` -> rendering.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import date
import typing
from typing import Any

VERDICTS = ("verified", "conflicting", "unverified")
METRICS = ("flow", "flow_ytd", "flow_mtd", "flow_run", "aum", "volume", "streak", "rank", "share")
#: metrics whose value is an amount of US dollars (millions)
MONEY_METRICS = ("flow", "flow_ytd", "flow_mtd", "flow_run", "aum", "volume")


@dataclass
class Claim:
    """One checkable claim, normalised.

    ``low``/``high`` bound the *magnitude* the text allows (millions of USD for money metrics,
    weeks for streaks, percent for shares, the rank for ranks); ``direction`` carries the sign.
    """

    start: int
    end: int
    text: str
    sentence: str = ""
    kind: str = "amount"  # amount | percent | streak | rank | direction (a flow named without a figure)
    metric: str = "flow"
    subject: str = "total"
    subject_text: str | None = None
    subject_source: str = "default"  # alias | fuzzy | default | respectively
    direction: str | None = None  # inflow | outflow | None (for ranks also: high | low)
    direction_source: str | None = None  # sign | word | None
    value: float | None = None  # signed value as written (millions USD / weeks / percent / rank)
    low: float | None = None
    high: float | None = None
    hedge: str = "exact"  # exact approx over under nearly range at_least
    hedge_text: str | None = None
    report_date: date | None = None
    period_text: str | None = None
    period_source: str = "article"  # article | text | previous-week | from-to (the X of "from X to Y") | daily | ...
    run_weeks: int | None = None  # flow_run: length of the run, if written
    window_text: str | None = None  # rank: the anchor as written ("since mid-November 2025")
    window_start: date | None = None  # rank: first report date of the anchor period
    window_end: date | None = None  # rank: last report date of the anchor period
    window_kind: str | None = None  # rank: since (largest since the anchor) | within (of a period) | all | among (subjects)
    rank_metric: str | None = None  # rank: the metric ranked (flow, aum, volume, flow_run)
    rank_among: str | None = None  # rank across subjects ("of any asset"): asset | altcoin | region | provider
    streak_kind: str | None = None  # streak: "run" (Nth consecutive) | "first" (first X in N) | "ended" | "each" (X in each of the last N weeks) | "days"
    share_of: str | None = None  # share: what the percent is of
    attribution: str | None = None  # a data source the text credits other than CoinShares ("Farside Investors")
    notes: list[str] = field(default_factory=list)

    def signed_interval(self) -> tuple[float, float] | None:
        """The claim's interval with its sign applied (outflows negative)."""
        if self.low is None or self.high is None:
            return None
        if self.direction == "outflow":
            return (-self.high, -self.low)
        return (self.low, self.high)

    def to_dict(self) -> dict[str, Any]:
        d = _plain(self)
        for k in ("report_date", "window_start", "window_end"):
            d[k] = _iso(d[k])
        for k in ("low", "high"):
            if d[k] is not None and math.isinf(d[k]):
                d[k] = None
        return d


@dataclass
class Evidence:
    """A reference fact (or a value computed from several) that a verdict rests on."""

    report_date: date | None
    subject: str
    metric: str
    value: float | None
    confidence: str | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    computed_from: list[str] = field(default_factory=list)  # e.g. ["2026-01-05", ...] for sums

    def to_dict(self) -> dict[str, Any]:
        d = _plain(self)
        d["report_date"] = _iso(self.report_date)
        return d


@dataclass
class Verdict:
    claim: Claim
    label: str  # verified | conflicting | unverified
    reason: str
    reference: Evidence | None = None
    diff_usd_m: float | None = None  # claimed (point value, signed) minus reference
    diff_pct: float | None = None
    alternative: Evidence | None = None  # where the claimed figure fits instead
    missing_weeks: list[date] = field(default_factory=list)

    def claimed(self) -> dict[str, Any]:
        """What the claim says, signed (outflows negative): the "claimed" part of :meth:`to_dict`."""
        c = self.claim
        iv = c.signed_interval()
        return {
            "value": c.value,
            "low": _finite(iv[0]) if iv else None,
            "high": _finite(iv[1]) if iv else None,
            "unit": unit_of(c.metric),
            "hedge": c.hedge,
            "direction": c.direction,
        }

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        cd = c.to_dict()  # the claim's fields, converted once: the top level repeats some of them
        return {
            "start": cd["start"],
            "end": cd["end"],
            "text": cd["text"],
            "sentence": cd["sentence"],
            "kind": cd["kind"],
            "subject": cd["subject"],
            "metric": cd["metric"],
            "report_date": cd["report_date"],
            "period_source": cd["period_source"],
            "claimed": self.claimed(),
            "verdict": self.label,
            "reason": self.reason,
            "reference": self.reference.to_dict() if self.reference else None,
            "diff_usd_m": self.diff_usd_m,
            "diff_pct": self.diff_pct,
            "alternative": self.alternative.to_dict() if self.alternative else None,
            "missing_weeks": [d.isoformat() for d in self.missing_weeks],
            "claim": cd,
        }


_FIELDS: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _plain(obj) -> dict[str, Any]:
    """The fields of a flat dataclass as a dict in field order, fields declared as lists copied
    (``dataclasses.asdict`` deep-copies every value and is slow enough to show in batch profiles)."""
    spec = _FIELDS.get(type(obj))
    if spec is None:
        fs = fields(obj)
        spec = _FIELDS[type(obj)] = (tuple(f.name for f in fs), tuple(f.name for f in fs if _is_list_type(f.type)))
    names, lists = spec
    own = getattr(obj, "__dict__", None)
    if own is not None and tuple(own) == names:  # as __init__ sets them: exactly the fields, in order
        d = own.copy()
    else:
        d = {k: getattr(obj, k) for k in names}
    for k in lists:
        if isinstance(d[k], list):
            d[k] = list(d[k])
    return d


def _is_list_type(t) -> bool:
    """A field annotation that declares a list: ``list[str]``, ``list`` (or the string of either)."""
    return t is list or typing.get_origin(t) is list or (isinstance(t, str) and (t == "list" or t.startswith("list[")))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else x


def unit_of(metric: str) -> str:
    if metric in MONEY_METRICS:
        return "USD millions"
    return {"streak": "weeks", "share": "percent", "rank": "rank"}.get(metric, "")
