"""Verification: a normalised :class:`Claim` against the reference data. Never reads text.

Each verdict carries its reason and evidence: the reference value, its report date, confidence and
sources, and the difference in USD and in percent. A missing week is unknown, never zero.

A conflicting claim of any kind gets a diagnosis: the report and subject where the claim would
hold (``Verdict.alternative``), named at the end of the reason. Money claims search every row for
the figure; streaks, ranks and shares search the claim's subject in other weeks (nearest first),
then other subjects in the claim's week (:meth:`Verifier._nearby`).
"""
from __future__ import annotations

import math
import re
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Iterator

from .model import MONEY_METRICS, Claim, Evidence, Verdict
from .parse.numbers import WORD_NUMBERS
from .reference import ReferenceData

WEEK = timedelta(days=7)
FLOW_METRICS = ("flow", "flow_ytd", "flow_mtd", "flow_run")


def _fmt_mag(v: float) -> str:
    a = abs(v)
    return f"${a / 1000:,.2f}bn" if a >= 1000 else f"${a:,.1f}m"


def _fmt_m(v: float | None) -> str:
    """A signed reference value: -$1.73bn, +$33.5m."""
    if v is None:
        return "n/a"
    return ("-" if v < 0 else "+") + _fmt_mag(v)


_METRIC_WORDS = {"flow_ytd": "year-to-date ", "flow_mtd": "month-to-date ", "flow_run": ""}


def _unit_slip(c: Claim, value: float) -> str:
    """"; written in millions, the figure matches" when the claim fits the reference a thousand
    times larger or smaller (millions and billions mixed up), else ""."""
    if c.low is None or c.high is None or not value or math.isinf(c.high) or c.low <= 0:
        return ""  # "more than $205m" fits any larger figure: no slip to name
    for factor, unit in ((1e-3, "millions"), (1e3, "billions")):
        if c.low * factor <= abs(value) <= c.high * factor:
            return f"; read in {unit} ({_fmt_mag(abs(c.value or 0) * factor)}), the figure matches: millions and billions mixed up?"
    return ""


def _fmt_claimed(c: Claim) -> str:
    """The claimed figure as a magnitude with its direction: "an outflow of more than $1.00bn",
    "an inflow of about $1.60bn ($1.52bn to $1.68bn)", "a flow of $1.60bn in either direction"."""
    lo, hi = c.low, c.high
    if lo is None or hi is None:
        amount = "?"
    elif math.isinf(hi):
        amount = ("at least " if c.hedge == "at_least" else "more than ") + _fmt_mag(lo)
    elif c.hedge == "under":
        amount = f"less than {_fmt_mag(hi)}"
    elif c.hedge == "range":
        amount = f"{_fmt_mag(lo)} to {_fmt_mag(hi)}"
    else:
        point = _fmt_mag(c.value if c.value is not None else (lo + hi) / 2)
        word = {"approx": "about ", "nearly": "nearly "}.get(c.hedge)
        # an exact figure stands for its written precision; a hedge widens it: show how far
        amount = f"{word}{point} ({_fmt_mag(lo)} to {_fmt_mag(hi)})" if word else point
    if c.metric == "aum":
        return f"AuM of {amount}"
    if c.metric == "volume":
        return f"a volume of {amount}"
    noun = _METRIC_WORDS.get(c.metric, "") + (c.direction if c.direction in ("inflow", "outflow") else "flow")
    phrase = f"{'an' if noun[0] in 'aeiou' else 'a'} {noun} of {amount}"
    if c.metric == "flow_run":
        phrase += f" over {c.run_weeks} weeks" if c.run_weeks else " over a run of weeks"
    if c.direction not in ("inflow", "outflow"):
        phrase += " in either direction"
    return phrase


def _d(x: date | None) -> str:
    return x.isoformat() if x else "?"


def _weeks_text(weeks: list[date]) -> str:
    if len(weeks) <= 6:
        return ", ".join(_d(w) for w in weeks)
    return f"{len(weeks)} weeks between {_d(weeks[0])} and {_d(weeks[-1])}"


def _weeks_back(end: date, n: int) -> list[date]:
    return [end - WEEK * k for k in range(n)]


def _direction(v: float) -> str:
    return "outflow" if v < 0 else "inflow"


def _a_flow(v: float) -> str:
    return "an outflow" if v < 0 else "an inflow"


# --- an index of the reference rows, built once per ReferenceData ------------------------------

class _Index:
    """The rows of one :class:`ReferenceData`: per metric sorted by magnitude (for the search of a
    figure), per (subject, metric) as a series, and per (week, metric) the subjects reported."""

    def __init__(self, ref: ReferenceData):
        self.size = len(ref)
        by_metric: dict[str, list[tuple[float, int, Evidence]]] = {}
        self._series: dict[tuple[str, str], dict[date, Evidence]] = {}
        self._at: dict[tuple[date, str], list[str]] = {}
        for order, ev in enumerate(ref.rows()):  # ``order`` breaks ties as a scan of rows() would
            by_metric.setdefault(ev.metric, []).append((abs(ev.value), order, ev))
            self._series.setdefault((ev.subject, ev.metric), {})[ev.report_date] = ev
            self._at.setdefault((ev.report_date, ev.metric), []).append(ev.subject)
        for rows in by_metric.values():
            rows.sort(key=lambda r: (r[0], r[1]))
        self._mags = {m: [r[0] for r in rows] for m, rows in by_metric.items()}
        self._rows = {m: [(r[1], r[2]) for r in rows] for m, rows in by_metric.items()}

    def within(self, metric: str, lo: float, hi: float) -> list[tuple[int, Evidence]]:
        """(row order, row) of ``metric`` with a magnitude that may lie in [lo, hi] (a superset:
        callers still test each row)."""
        mags = self._mags.get(metric)
        if not mags:
            return []
        i = bisect_left(mags, lo) if lo == lo else 0  # a NaN bound selects everything
        j = bisect_right(mags, hi) if hi == hi else len(mags)
        return self._rows[metric][i:j]

    def series(self, subject: str, metric: str) -> dict[date, Evidence]:
        """Shared, read-only: do not modify."""
        return self._series.get((subject, metric), {})

    def subjects_at(self, week: date, metric: str) -> list[str]:
        return self._at.get((week, metric), [])


_INDEXES: dict[int, tuple[weakref.ref, _Index]] = {}


def _index_for(ref: ReferenceData) -> _Index:
    """The index of ``ref``, built on first use and kept while ``ref`` lives.

    Keyed by ``id(ref)`` with a weak reference to check identity (a ReferenceData is not hashable);
    the entry goes when ``ref`` is collected, so an id reused later cannot find a stale index.
    """
    key = id(ref)
    hit = _INDEXES.get(key)
    if hit is not None and hit[0]() is ref and hit[1].size == len(ref):
        return hit[1]
    idx = _Index(ref)

    def drop(wr: weakref.ref, key: int = key) -> None:
        ent = _INDEXES.get(key)
        if ent is not None and ent[0] is wr:
            _INDEXES.pop(key, None)

    try:
        _INDEXES[key] = (weakref.ref(ref, drop), idx)
    except TypeError:  # not weakly referenceable: use the index uncached
        pass
    return idx


# --- streaks and ranks, evaluated at any (subject, week) ---------------------------------------

def _streak_needs(R: date, n: int, d: str, kind: str) -> Iterator[tuple[date, str]]:
    """Each week a streak needs, in the order checked: (date, the direction it must have, or
    "not:<d>"). A generator: a check that stops at the first break builds no more of them."""
    nd = "not:" + d
    if kind in ("run", "each"):
        for k in range(n):
            yield R - WEEK * k, d
        if kind == "run":  # "each of the last n weeks" says nothing of the week before them
            yield R - WEEK * n, nd
    elif kind == "first":  # first d in n weeks: R is d, the n-1 weeks before are not
        yield R, d
        for k in range(1, n):
            yield R - WEEK * k, nd
    else:  # ended an n-week d run: R is not d, then n weeks of d, and the week before is not d
        yield R, nd
        for k in range(1, n + 1):
            yield R - WEEK * k, d
        yield R - WEEK * (n + 1), nd


def _streak_desc(n: int, d: str, kind: str, R: date) -> str:
    if kind == "run":
        return f"{n}-week {d} streak to {_d(R)}"
    if kind == "first":
        return f"first {d} in {n} weeks at {_d(R)}"
    if kind == "each":
        return f"{d} in each of the {n} weeks to {_d(R)}"
    return f"end of a {n}-week {d} run at {_d(R)}"


@dataclass
class _Streak:
    n: int
    direction: str
    kind: str
    R: date
    broken: tuple[date, Evidence, str] | None  # the first week that breaks it, what it needed
    missing: list[date]
    rows: list[tuple[date, Evidence]]  # the known weeks checked, in order

    @property
    def holds(self) -> bool:
        return self.broken is None and not self.missing

    # formatted only when a verdict is built: the search for where a claim holds tries many weeks
    @property
    def desc(self) -> str:
        return _streak_desc(self.n, self.direction, self.kind, self.R)

    @property
    def known(self) -> list[str]:
        return [f"{_d(w)} {_fmt_m(ev.value)}" for w, ev in self.rows]

    @property
    def known_weeks(self) -> list[str]:
        return [_d(w) for w, _ in self.rows]


def _streak_at(series: dict[date, Evidence], R: date, n: int, d: str, kind: str) -> _Streak:
    st = _Streak(n, d, kind, R, None, [], [])
    for w, want in _streak_needs(R, n, d, kind):
        ev = series.get(w)
        if ev is None:
            st.missing.append(w)
            continue
        got = _direction(ev.value)
        st.rows.append((w, ev))
        if (got == want[4:]) if want.startswith("not:") else (got != want):
            st.broken = (w, ev, want)
            break
    return st


_RANK_KEYS: dict[str, Callable[[float], float]] = {
    "outflow": lambda v: -v, "inflow": lambda v: v, "high": lambda v: v, "low": lambda v: -v,
    "smallest-outflow": lambda v: v if v < 0 else -math.inf, "smallest-inflow": lambda v: -v if v > 0 else -math.inf,
}


@dataclass
class _Rank:
    cur: Evidence
    direction: str
    wrong_sign: bool  # the claim ranks an inflow (outflow) but the week has an outflow (inflow)
    start: date | None  # first report of the window (None: all the data)
    window: list[date]  # known weeks of the window before the ranked week
    missing: list[date]  # weeks of the window missing from the data
    pre_missing: bool  # the window starts before the data
    beaters: list[date]  # known weeks with a larger figure


def _rank_start(claim: Claim) -> date | None:
    """The first report of the window a rank is judged in, from the claim's anchor."""
    if claim.window_kind == "since" and claim.window_end:
        # the last anchor week is the last report whose week (Monday to Friday before it)
        # starts on or before the end of the anchor period; the window starts after it
        last_anchor = claim.window_end + timedelta(days=7)
        last_anchor -= timedelta(days=last_anchor.weekday())
        return last_anchor + WEEK
    if claim.window_kind == "within" and claim.window_start:
        return claim.window_start + timedelta(days=(7 - claim.window_start.weekday()) % 7)
    return None


def _rank_anchor_problem(claim: Claim, R: date) -> str | None:
    """Why the claim's window holds no week before ``R`` to rank against, or None."""
    how = f" ({claim.window_text})" if claim.window_text else ""
    if claim.window_kind == "within":
        if claim.window_start and claim.window_start > R:
            return f"the period of the ranking{how} begins after the report week of {_d(R)}"
        return None
    start = _rank_start(claim)
    if start is None or start < R:
        return None
    if claim.window_start and claim.window_start > R:
        return f"the anchor of the ranking{how} lies after the report week of {_d(R)}: there is no window to rank in"
    return f"the anchor of the ranking{how} reaches the report week of {_d(R)}: no week lies between them to rank against"


def _rank_at(claim: Claim, series: dict[date, Evidence], R: date, first: date) -> _Rank | None:
    """The rank of the week ``R`` of ``series`` in the claim's window; None without a row for R."""
    cur = series.get(R)
    if cur is None:
        return None
    m = claim.rank_metric or "flow"
    d = claim.direction or _direction(cur.value)
    wrong_sign = d in ("inflow", "outflow") and m in ("flow", "flow_run") and (cur.value < 0) != (d == "outflow")
    key = _RANK_KEYS.get(d, abs)
    start = _rank_start(claim)
    window: list[date] = []
    missing: list[date] = []
    if start is None:
        window = [w for w in sorted(series) if w < R]
        pre_missing = True
    else:
        pre_missing = start < first
        w = max(start, first)
        while w < R:
            (window if w in series else missing).append(w)
            w += WEEK
    bar = key(cur.value)
    beaters = [w for w in window if key(series[w].value) > bar]
    return _Rank(cur, d, wrong_sign, start, window, missing, pre_missing, beaters)


_RUN_LENGTH_RE = re.compile(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]weeks?\b", re.I)


@lru_cache(maxsize=256)
def _run_length(note: str | None) -> int | None:
    """The number of weeks a run row covers, as its note gives it first ("4 weeks; ...",
    "a six-week inflow run ..."); None when the note does not say."""
    m = _RUN_LENGTH_RE.search(note or "")
    if m is None:
        return None
    k = m.group(1).lower()
    return int(k) if k.isdigit() else int(WORD_NUMBERS[k])


@lru_cache(maxsize=64)
def _alternative_metrics(metric: str) -> tuple[str, ...]:
    """The metrics searched, in order, for where a figure of ``metric`` fits instead."""
    fam = {"flow": ("flow",), "flow_ytd": ("flow_ytd",), "flow_mtd": ("flow_mtd",), "flow_run": ("flow_run", "flow"),
           "aum": ("aum",), "volume": ("volume",)}.get(metric, (metric,))
    return fam + tuple(m for m in ("flow", "flow_run", "flow_ytd") if m not in fam and metric != "aum" and metric != "volume")


#: entries a Verifier keeps of the streaks it has tested (a dict cleared when full)
STREAK_MEMO_SIZE = 1 << 16
ENDED_LOOKBACK = 8  # weeks against an ended run looked back over, to find where the run ended


class Verifier:
    def __init__(self, reference: ReferenceData):
        self.ref = reference
        self._idx: _Index | None = None
        # (subject, week, n, direction, kind) -> whether that streak holds: the search for where a
        # conflicting streak would hold tries the same weeks for every claim of the same streak
        self._streak_memo: dict[tuple[str, date, int, str, str], bool] = {}

    @property
    def idx(self) -> _Index:
        if self._idx is None:
            self._idx = _index_for(self.ref)
        return self._idx

    # ------------------------------------------------------------------------------------------
    def __call__(self, claim: Claim) -> Verdict:
        if claim.report_date is None:
            return Verdict(claim, "unverified", "could not tell which report week the claim is about")
        if claim.kind == "direction":
            return self.direction(claim)
        if claim.attribution:
            return Verdict(claim, "unverified", f"the text credits {claim.attribution} for it, whose count is not the reference's "
                                                f"(CoinShares' weekly fund flows); not checked")
        if claim.period_source == "earlier":
            return Verdict(claim, "unverified", f"the text places it in earlier weeks it does not name ('{claim.period_text}'); "
                                                f"not checked against the report of {_d(claim.report_date)}")
        if claim.metric in MONEY_METRICS:
            return self.money(claim)
        if claim.metric == "streak":
            return self.streak(claim)
        if claim.metric == "rank":
            if claim.period_source == "daily":
                return Verdict(claim, "unverified", "a record of a single day; the reference holds weekly reports only")
            return self.rank(claim)
        if claim.metric == "share":
            return self.share(claim)
        return Verdict(claim, "unverified", f"no check for metric {claim.metric}")

    def _outside(self, claim: Claim) -> Verdict | None:
        d = claim.report_date
        if d is not None and not self.ref.covers(d):
            return Verdict(claim, "unverified", f"the report of {_d(d)} lies outside the reference data ({_d(self.ref.first_report)} to {_d(self.ref.latest_report)})")
        return None

    def _name(self, sid: str) -> str:
        return self.ref.entity_name(sid) if sid != "total" else "the total"

    # --- diagnosis: where a conflicting claim would hold --------------------------------------
    def _nearby(self, claim: Claim, metric: str,
                holds: Callable[[str, date], tuple[Evidence, bool] | None]) -> tuple[Evidence, bool] | None:
        """The nearest (subject, week) where ``holds`` finds the claim true: the claim's subject in
        other weeks of its ``metric`` series, nearest first (earlier on a tie), then the other
        subjects in the claim's week (same dimension first). ``holds`` returns (evidence, whether
        every week it needs is known) or None."""
        R, s0 = claim.report_date, claim.subject
        weeks = sorted((w for w in self.idx.series(s0, metric) if w != R), key=lambda w: (abs((w - R).days), w))
        dim = s0.split(":")[0]
        others = sorted((s for s in self.idx.subjects_at(R, metric) if s != s0), key=lambda s: (s.split(":")[0] != dim, s))
        for s, w in [(s0, w) for w in weeks] + [(s, R) for s in others]:
            hit = holds(s, w)
            if hit is not None:
                return hit
        return None

    def _holds_clause(self, claim: Claim, alt: Evidence, sure: bool) -> str:
        who = "" if alt.subject == claim.subject else f"{self._name(alt.subject)} in "
        verb = "holds" if sure else "holds, as far as the data go,"
        return f"the claim {verb} for {who}the report of {_d(alt.report_date)} ({alt.note})"

    def _diagnosed(self, verdict: Verdict, metric: str, holds: Callable[[str, date], tuple[Evidence, bool] | None]) -> Verdict:
        """``verdict`` (conflicting) with where the claim would hold: alternative and reason."""
        hit = self._nearby(verdict.claim, metric, holds)
        if hit is not None:
            verdict.alternative = hit[0]
            verdict.reason += "; " + self._holds_clause(verdict.claim, *hit)
        return verdict

    # --- money --------------------------------------------------------------------------------
    def _fits(self, claim: Claim, value: float) -> bool:
        lo, hi = claim.low, claim.high
        if lo is None or hi is None:
            return False
        if claim.metric in FLOW_METRICS and claim.direction in ("inflow", "outflow"):
            if (value < 0) != (claim.direction == "outflow") and value != 0:
                return False
        return lo <= abs(value) <= hi

    def _alternative(self, claim: Claim, exclude: tuple | None = None) -> Evidence | None:
        """Where in the data the claimed figure fits: same subject other week first, then others."""
        if claim.low is None or claim.high is None:
            return None
        fam = _alternative_metrics(claim.metric)
        best: tuple | None = None
        for metric in fam:
            for order, ev in self.idx.within(metric, claim.low, claim.high):
                if (exclude and (ev.report_date, ev.subject, ev.metric) == exclude) or not self._fits(claim, ev.value):
                    continue
                same_subject = ev.subject == claim.subject
                same_week = ev.report_date == claim.report_date
                same_metric = ev.metric == claim.metric
                if same_subject and same_week and same_metric:
                    continue
                rank = (0 if same_metric else 1, 0 if same_subject else 1 if same_week else 2,
                        abs((ev.report_date - claim.report_date).days), order)
                if best is None or rank < best[0]:
                    best = (rank, ev)
        return best[1] if best else None

    def _alt_text(self, alt: Evidence) -> str:
        what = {"flow": "weekly flow", "flow_run": "run of weeks", "flow_ytd": "year-to-date flow", "flow_mtd": "month-to-date flow",
                "aum": "AuM", "volume": "volume"}.get(alt.metric, alt.metric)
        return f"the figure matches {self._name(alt.subject)} {what} ({_fmt_m(alt.value)}) in the report of {_d(alt.report_date)}"

    def _computed(self, claim: Claim) -> tuple[Evidence | None, list[date]]:
        """Year-to-date or run sums computed from weekly rows. Returns (evidence, missing weeks)."""
        R = claim.report_date
        if claim.metric == "flow_ytd":
            first = R - timedelta(days=R.toordinal() - date(R.year, 1, 1).toordinal())
            first = first + timedelta(days=(7 - first.weekday()) % 7)
            weeks = []
            d = first
            while d <= R:
                weeks.append(d)
                d += WEEK
        elif claim.metric == "flow_run" and claim.run_weeks:
            weeks = sorted(_weeks_back(R, claim.run_weeks))
        else:
            return None, []
        series = self.idx.series(claim.subject, "flow")
        missing = [w for w in weeks if w not in series]
        if missing and claim.metric == "flow_ytd":
            anchored = self._ytd_from_earlier(claim, weeks, series)
            if anchored is not None:
                return anchored, []
        if missing or not weeks:
            return None, missing
        total = sum(series[w].value for w in weeks)
        ev = Evidence(R, claim.subject, claim.metric, round(total, 3), "computed", [], f"sum of the weekly flows of {len(weeks)} reports",
                      [w.isoformat() for w in weeks])
        return ev, []

    def _ytd_from_earlier(self, claim: Claim, weeks: list[date], series: dict[date, Evidence]) -> Evidence | None:
        """The year to date as an earlier report's year-to-date row plus the weekly flows of every
        report after it (all of them known), from the latest such report of the same year."""
        ytd = self.idx.series(claim.subject, "flow_ytd")
        for k in range(len(weeks) - 2, -1, -1):
            w = weeks[k]
            after = weeks[k + 1:]
            if w in ytd and all(x in series for x in after):
                total = ytd[w].value + sum(series[x].value for x in after)
                return Evidence(claim.report_date, claim.subject, claim.metric, round(total, 3), "computed", [],
                                f"the year to date of the report of {_d(w)} ({_fmt_m(ytd[w].value)}) plus the weekly flows of "
                                f"{len(after)} report{'s' if len(after) > 1 else ''} after it", [w.isoformat()] + [x.isoformat() for x in after])
            if any(x not in series for x in after):
                return None  # a gap after this report: no earlier one can bridge it
        return None

    def direction(self, claim: Claim) -> Verdict:
        """A direction-only claim ("Solana recorded inflows"): the sign of the subject's weekly flow."""
        out = self._outside(claim)
        if out:
            return out
        R = claim.report_date
        row = self.ref.get(R, claim.subject, "flow")
        if row is None:
            return Verdict(claim, "unverified", f"no weekly flow for {self._name(claim.subject)} in the report of {_d(R)}", missing_weeks=[R])
        if row.value != 0 and _direction(row.value) == claim.direction:
            return Verdict(claim, "verified", f"{self._name(claim.subject)} had {_a_flow(row.value)} of {_fmt_m(row.value)} in the report of {_d(R)}", reference=row)
        return Verdict(claim, "conflicting", f"direction: the claim says {claim.direction}, {self._name(claim.subject)} had "
                       f"{_a_flow(row.value) if row.value else 'no net flow'} ({_fmt_m(row.value)}) in the report of {_d(R)}", reference=row)

    def money(self, claim: Claim) -> Verdict:
        if claim.period_source == "daily":
            return Verdict(claim, "unverified", "a daily or intra-week figure; the reference holds weekly reports only")
        if claim.value is None:
            return Verdict(claim, "unverified", "; ".join(claim.notes) or "no figure to check")
        out = self._outside(claim)
        if out:
            return out
        R = claim.report_date
        row = self.ref.get(R, claim.subject, claim.metric)
        other_run = None
        if row is not None and claim.metric == "flow_run" and claim.run_weeks and (n := _run_length(row.note)) and n != claim.run_weeks:
            other_run, row = n, None  # "since the start of October" (7 weeks) is not the report's 2-week run
        missing: list[date] = []
        if row is None:
            row, missing = self._computed(claim)
        if row is None:
            alt = self._alternative(claim)
            what = f"no {claim.metric} row for {self._name(claim.subject)} in the report of {_d(R)}"
            if other_run:
                what = f"the {claim.metric} row for {self._name(claim.subject)} in the report of {_d(R)} covers {other_run} weeks, not {claim.run_weeks}"
            if missing:
                what += f"; a sum would need the missing weeks {_weeks_text(missing)}"
            reason = what + (f"; {self._alt_text(alt)}" if alt else "")
            return Verdict(claim, "unverified", reason, alternative=alt, missing_weeks=missing)
        claimed = claim.value
        diff = round(claimed - row.value, 3) if claimed is not None else None
        pct = round(100.0 * diff / abs(row.value), 1) if diff is not None and row.value else None
        ok = self._fits(claim, row.value)
        if row.confidence != "computed":
            src = f"{row.confidence} row"
        else:  # a plain sum of weekly rows, or an earlier year-to-date row carried forward
            src = "computed from weekly rows" if (row.note or "").startswith("sum") else f"computed: {row.note}"
        if ok:
            return Verdict(claim, "verified", f"reference {_fmt_m(row.value)} ({src}) fits the claim of {_fmt_claimed(claim)}",
                           reference=row, diff_usd_m=diff, diff_pct=pct)
        if claim.direction in ("inflow", "outflow") and (row.value < 0) != (claim.direction == "outflow") and row.value != 0 \
                and claim.metric not in ("aum", "volume"):
            why = f"direction: the claim says {claim.direction}, the reference has {_a_flow(row.value)} of {_fmt_m(row.value)} ({src})"
        else:
            why = f"reference {_fmt_m(row.value)} ({src}) lies outside the claim of {_fmt_claimed(claim)}"
            why += _unit_slip(claim, row.value)
        alt = self._alternative(claim, exclude=(row.report_date, row.subject, row.metric))
        if alt:
            why += f"; {self._alt_text(alt)}"
        if claim.period_source == "from-to":  # the text does not say which week the earlier level is of
            return Verdict(claim, "unverified", f"the earlier level of a change 'from ... to ...', read as the week before ({_d(R)}): {why}",
                           reference=row, diff_usd_m=diff, diff_pct=pct, alternative=alt)
        if row.confidence == "disputed" and row.note:
            why += f" (the reference row is disputed: {row.note})"
        return Verdict(claim, "conflicting", why, reference=row, diff_usd_m=diff, diff_pct=pct, alternative=alt)

    # --- streaks ------------------------------------------------------------------------------
    @staticmethod
    def _streak_direction(claim: Claim, series: dict[date, Evidence], R: date) -> str | None:
        """The direction of the streak: the claim's, else read from the data (None if unknown).
        An ended run has the direction of the week before the one that ends it."""
        if claim.direction in ("inflow", "outflow"):
            return claim.direction
        ev = series.get(R - WEEK if claim.streak_kind == "ended" else R)
        return _direction(ev.value) if ev is not None else None

    def _streak_holds(self, claim: Claim, subject: str, R: date) -> tuple[Evidence, bool] | None:
        series = self.idx.series(subject, "flow")
        d = self._streak_direction(claim, series, R)
        if d is None:
            return None
        n, kind = int(claim.value or 0), claim.streak_kind or "run"
        key = (subject, R, n, d, kind)
        if self._streak_memo.get(key) is False:
            return None
        st = _streak_at(series, R, n, d, kind)
        if len(self._streak_memo) >= STREAK_MEMO_SIZE:
            self._streak_memo.clear()
        self._streak_memo[key] = st.holds
        if not st.holds:
            return None
        return Evidence(R, subject, "streak", float(int(claim.value or 0)), "computed", [], f"{st.desc}: {'; '.join(st.known)}", st.known_weeks), True

    def streak(self, claim: Claim) -> Verdict:
        out = self._outside(claim)
        if out:
            return out
        R, n = claim.report_date, int(claim.value or 0)
        if claim.streak_kind == "days":
            return Verdict(claim, "unverified", "a streak of days; the reference holds weekly reports only")
        series = self.idx.series(claim.subject, "flow")
        d = self._streak_direction(claim, series, R)
        if d is None:
            w = R - WEEK if claim.streak_kind == "ended" else R
            return Verdict(claim, "unverified", f"no weekly flow for {self._name(claim.subject)} in the report of {_d(w)}, and the claim names no direction", missing_weeks=[w])
        began = ""
        if claim.streak_kind == "ended" and claim.period_source == "article":
            # "the outflows came after six weeks of inflows", two weeks into the outflows: the run
            # ended where the weeks against it began
            k = 0
            while k < ENDED_LOOKBACK and (ev := series.get(R - WEEK)) is not None and _direction(ev.value) not in (d, None):
                R, k = R - WEEK, k + 1
            if k:
                began = f" (the weeks against it began with the report of {_d(R)})"
        st = _streak_at(series, R, n, d, claim.streak_kind or "run")
        if st.broken is not None:
            w, ev, want = st.broken
            reason = (f"streak broken: the report of {_d(w)} has {_a_flow(ev.value)} of {_fmt_m(ev.value)}"
                      if not want.startswith("not:") else f"the streak is longer: the report of {_d(w)} also has {_a_flow(ev.value)} ({_fmt_m(ev.value)})")
            return self._diagnosed(Verdict(claim, "conflicting", reason, reference=ev), "flow",
                                   lambda s, w: self._streak_holds(claim, s, w))
        if st.missing:
            return Verdict(claim, "unverified", f"{st.desc}{began}: weeks missing from the data: {', '.join(_d(m) for m in st.missing)} (known: {'; '.join(st.known) or 'none'})",
                           missing_weeks=st.missing)
        ev = Evidence(R, claim.subject, "streak", float(n), "computed", [], f"weekly flows {'; '.join(st.known)}", st.known_weeks)
        return Verdict(claim, "verified", f"{st.desc} holds{began}: {'; '.join(st.known)}", reference=ev)

    # --- ranks --------------------------------------------------------------------------------
    def _rank_holds(self, claim: Claim, subject: str, R: date) -> tuple[Evidence, bool] | None:
        """The claimed rank holds at (subject, R) among the known weeks of the same kind of window."""
        if _rank_anchor_problem(claim, R) or (claim.window_kind == "within" and claim.window_end and R > claim.window_end):
            return None
        r = _rank_at(claim, self.idx.series(subject, claim.rank_metric or "flow"), R, self.ref.first_report)
        n = int(claim.value or 1)
        if r is None or r.wrong_sign or not r.window or len(r.beaters) != n - 1 or _RANK_KEYS.get(r.direction, abs)(r.cur.value) == -math.inf:
            return None
        sure = not r.pre_missing and not r.missing
        if not sure and subject != claim.subject:  # another subject's rank among a gappy window is a guess
            return None
        note = f"{_fmt_m(r.cur.value)} ranks {n} among the {len(r.window) + 1} known weeks of the window"
        if not sure:
            note += f"; the data start on {_d(self.ref.first_report)}" if r.pre_missing else f"; {len(r.missing)} week(s) of it are missing"
        ev = Evidence(R, subject, r.cur.metric, r.cur.value, "computed", r.cur.sources, note, [w.isoformat() for w in r.window + [R]])
        return ev, sure

    def rank(self, claim: Claim) -> Verdict:
        out = self._outside(claim)
        if out:
            return out
        R = claim.report_date
        m = claim.rank_metric or "flow"
        if m == "streak":  # "the longest losing streak since 2024"
            how = f" ({claim.window_text})" if claim.window_text else ""
            return Verdict(claim, "unverified", f"a run of weeks ranked by its length{how} is not checked: it needs every run of the window, "
                                                f"and the reference data start on {_d(self.ref.first_report)}")
        if claim.window_kind == "among":
            return self._rank_among(claim)
        problem = _rank_anchor_problem(claim, R)
        if problem:
            return Verdict(claim, "unverified", problem)
        first = self.ref.first_report
        series = self.idx.series(claim.subject, m)
        r = _rank_at(claim, series, R, first)
        if r is None:
            return Verdict(claim, "unverified", f"no {m} row for {self._name(claim.subject)} in the report of {_d(R)} to rank", missing_weeks=[R])
        cur = r.cur

        def conflicting(reason: str, ref: Evidence) -> Verdict:
            return self._diagnosed(Verdict(claim, "conflicting", reason, reference=ref), m, lambda s, w: self._rank_holds(claim, s, w))

        if r.wrong_sign:
            return conflicting(f"the claim ranks an {r.direction}, but the report of {_d(R)} has {_a_flow(cur.value)} of {_fmt_m(cur.value)}", cur)
        key = _RANK_KEYS.get(r.direction, abs)
        n = int(claim.value or 1)
        how = f" ({claim.window_text})" if claim.window_text else ""
        if len(r.beaters) >= n:
            b = max(r.beaters, key=lambda w: key(series[w].value))
            return conflicting(f"the report of {_d(b)} has a larger figure ({_fmt_m(series[b].value)}) than {_d(R)} ({_fmt_m(cur.value)}) within the window{how}",
                               series[b])
        if r.start is None:
            return Verdict(claim, "unverified", f"no known week beats {_fmt_m(cur.value)}, but the reference data start on {_d(first)}{how}",
                           reference=cur, missing_weeks=r.missing)
        if r.pre_missing:
            why = f"no known week beats {_fmt_m(cur.value)}, but the window starts with the report of {_d(r.start)}, before the reference data start on {_d(first)}{how}"
            if r.missing:
                why += f"; weeks missing within the data: {_weeks_text(r.missing)}"
            return Verdict(claim, "unverified", why, reference=cur, missing_weeks=r.missing)
        if r.missing:
            return Verdict(claim, "unverified", f"no known week in the window beats {_fmt_m(cur.value)}, but weeks are missing: {', '.join(_d(x) for x in r.missing)}{how}",
                           reference=cur, missing_weeks=r.missing)
        if len(r.beaters) < n - 1:
            return conflicting(f"only {len(r.beaters)} week(s) in the window beat {_fmt_m(cur.value)}, so it ranks {len(r.beaters) + 1}, not {n}{how}", cur)
        return Verdict(claim, "verified", f"{_fmt_m(cur.value)} in {_d(R)} ranks {n} among the {len(r.window) + 1} weeks of the window{how}", reference=cur)

    def _rank_among(self, claim: Claim) -> Verdict:
        """"The largest outflow of any asset": the subject against the others of its kind in the same report.

        The reports list only some subjects each week, so a rank that no listed subject beats is
        still unverified; a listed subject that beats it makes the claim conflicting."""
        R, m = claim.report_date, claim.rank_metric or "flow"
        cur = self.ref.get(R, claim.subject, m)
        if cur is None:
            return Verdict(claim, "unverified", f"no {m} row for {self._name(claim.subject)} in the report of {_d(R)} to rank", missing_weeks=[R])
        d = claim.direction if claim.direction in _RANK_KEYS else _direction(cur.value)
        if d in ("inflow", "outflow") and m in ("flow", "flow_run") and cur.value != 0 and _direction(cur.value) != d:
            return Verdict(claim, "conflicting", f"the claim ranks an {d}, but {self._name(claim.subject)} had {_a_flow(cur.value)} of {_fmt_m(cur.value)} in the report of {_d(R)}", reference=cur)
        kind = claim.rank_among or "asset"
        prefix = "asset:" if kind in ("asset", "altcoin") else kind + ":"
        skip = {claim.subject, "asset:bitcoin", "asset:short-bitcoin", "asset:multi-asset"} if kind == "altcoin" else {claim.subject}
        others = [self.ref.get(R, s, m) for s in self.idx.subjects_at(R, m) if s.startswith(prefix) and s not in skip]
        key = _RANK_KEYS.get(d, abs)
        beaters = sorted((ev for ev in others if key(ev.value) > key(cur.value)), key=lambda ev: -key(ev.value))
        n = int(claim.value or 1)
        how = f" ({claim.window_text})" if claim.window_text else ""
        if len(beaters) >= n:
            b = beaters[0]
            return Verdict(claim, "conflicting", f"{self._name(b.subject)} had a larger figure ({_fmt_m(b.value)}) than {self._name(claim.subject)} "
                           f"({_fmt_m(cur.value)}) in the report of {_d(R)}{how}", reference=b)
        listed = ", ".join(f"{self._name(ev.subject)} {_fmt_m(ev.value)}" for ev in others[:6]) or "none"
        return Verdict(claim, "unverified", f"no listed {kind} beats {self._name(claim.subject)} ({_fmt_m(cur.value)}) in the report of {_d(R)}, "
                       f"but the reference lists only some of them (listed: {listed}){how}", reference=cur)

    # --- shares -------------------------------------------------------------------------------
    def _share_at(self, subject: str, R: date) -> tuple[Evidence | None, Evidence | None, float | None]:
        """(part, whole, percent) of ``subject``'s weekly flow in the total of the report ``R``."""
        part = self.ref.get(R, subject, "flow")
        whole = self.ref.get(R, "total", "flow")
        if part is None or whole is None:
            return part, whole, None
        pct = round(100.0 * part.value / whole.value, 1) if whole.value else None
        return part, whole, pct

    def _share_wrong_total(self, claim: Claim, whole: Evidence) -> bool:
        return claim.share_of in ("outflows", "inflows") and ((whole.value < 0) != (claim.share_of == "outflows"))

    def _share_evidence(self, subject: str, R: date, part: Evidence, whole: Evidence, pct: float | None) -> Evidence:
        return Evidence(R, subject, "share", pct, "computed", part.sources, f"{_fmt_m(part.value)} of {_fmt_m(whole.value)}", [R.isoformat()])

    def _share_fits(self, claim: Claim, pct: float | None) -> bool:
        return pct is not None and claim.low is not None and claim.high is not None and claim.low <= pct <= claim.high

    def _share_holds(self, claim: Claim, subject: str, R: date) -> tuple[Evidence, bool] | None:
        if subject == "total":
            return None
        part, whole, pct = self._share_at(subject, R)
        if part is None or whole is None or self._share_wrong_total(claim, whole) or not self._share_fits(claim, pct):
            return None
        ev = self._share_evidence(subject, R, part, whole, pct)
        ev.note = f"{self._name(subject)} {ev.note} is {pct}%"
        return ev, True

    def share(self, claim: Claim) -> Verdict:
        out = self._outside(claim)
        if out:
            return out
        if claim.share_of == "other":
            return Verdict(claim, "unverified", "a share of AuM or volume; the reference cannot compute it")
        R = claim.report_date
        part, whole, pct = self._share_at(claim.subject, R)
        if part is None or whole is None or claim.subject == "total":
            miss = [x for x, ev in ((claim.subject, part), ("total", whole)) if ev is None]
            return Verdict(claim, "unverified", f"cannot compute the share: no weekly flow for {', '.join(self._name(x) for x in miss) or 'a subject'} in the report of {_d(R)}")

        def conflicting(reason: str, ref: Evidence, **kw) -> Verdict:
            return self._diagnosed(Verdict(claim, "conflicting", reason, reference=ref, **kw), "flow", lambda s, w: self._share_holds(claim, s, w))

        if self._share_wrong_total(claim, whole):
            return conflicting(f"a share of {claim.share_of}, but the total in {_d(R)} was {_a_flow(whole.value)} of {_fmt_m(whole.value)}", whole)
        ev = self._share_evidence(claim.subject, R, part, whole, pct)
        what = f"{self._name(claim.subject)} {_fmt_m(part.value)} of the total {_fmt_m(whole.value)} is {pct}%"
        if self._share_fits(claim, pct):
            return Verdict(claim, "verified", what, reference=ev, diff_usd_m=None, diff_pct=round((claim.value or 0) - pct, 1))
        return conflicting(f"{what}, outside {claim.low:g}% to {claim.high:g}%", ev, diff_pct=round((claim.value or 0) - (pct or 0), 1))
