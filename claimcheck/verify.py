"""Verification: a normalised :class:`Claim` against the reference data. Never reads text.

Each verdict carries its reason and evidence: the reference value, its report date, confidence and
sources, and the difference in USD and in percent. A missing week is unknown, never zero.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

from .model import MONEY_METRICS, Claim, Evidence, Verdict
from .reference import ReferenceData

WEEK = timedelta(days=7)


def _fmt_m(v: float | None) -> str:
    if v is None:
        return "n/a"
    a = abs(v)
    s = f"${a / 1000:,.2f}bn" if a >= 1000 else f"${a:,.1f}m"
    return ("-" if v < 0 else "+") + s


def _fmt_interval(c: Claim) -> str:
    iv = c.signed_interval()
    if iv is None:
        return "?"
    lo, hi = iv
    if math.isinf(hi):
        return f"more than {_fmt_m(lo)}"
    if math.isinf(lo):
        return f"less than {_fmt_m(hi)}"
    return f"{_fmt_m(lo)} to {_fmt_m(hi)}"


def _d(x: date | None) -> str:
    return x.isoformat() if x else "?"


def _weeks_text(weeks: list[date]) -> str:
    if len(weeks) <= 6:
        return ", ".join(_d(w) for w in weeks)
    return f"{len(weeks)} weeks between {_d(weeks[0])} and {_d(weeks[-1])}"


def _weeks_back(end: date, n: int) -> list[date]:
    return [end - WEEK * k for k in range(n)]


class Verifier:
    def __init__(self, reference: ReferenceData):
        self.ref = reference

    # ------------------------------------------------------------------------------------------
    def __call__(self, claim: Claim) -> Verdict:
        if claim.report_date is None:
            return Verdict(claim, "unverified", "could not tell which report week the claim is about")
        if claim.metric in MONEY_METRICS:
            return self.money(claim)
        if claim.metric == "streak":
            return self.streak(claim)
        if claim.metric == "rank":
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

    # --- money --------------------------------------------------------------------------------
    def _fits(self, claim: Claim, value: float) -> bool:
        lo, hi = claim.low, claim.high
        if lo is None or hi is None:
            return False
        if claim.metric in ("flow", "flow_ytd", "flow_mtd", "flow_run") and claim.direction in ("inflow", "outflow"):
            if (value < 0) != (claim.direction == "outflow") and value != 0:
                return False
        return lo <= abs(value) <= hi

    def _alternative(self, claim: Claim, exclude: tuple | None = None) -> Evidence | None:
        """Where in the data the claimed figure fits: same subject other week first, then others."""
        fam = {"flow": ("flow",), "flow_ytd": ("flow_ytd",), "flow_mtd": ("flow_mtd",), "flow_run": ("flow_run", "flow"),
               "aum": ("aum",), "volume": ("volume",)}.get(claim.metric, (claim.metric,))
        fam = fam + tuple(m for m in ("flow", "flow_run", "flow_ytd") if m not in fam and claim.metric != "aum" and claim.metric != "volume")
        hits = []
        for ev in self.ref.rows():
            if ev.metric not in fam or (exclude and (ev.report_date, ev.subject, ev.metric) == exclude):
                continue
            if not self._fits(claim, ev.value):
                continue
            same_subject = ev.subject == claim.subject
            same_week = ev.report_date == claim.report_date
            same_metric = ev.metric == claim.metric
            if same_subject and same_week and same_metric:
                continue
            rank = (0 if same_metric else 1, 0 if same_subject else 1 if same_week else 2,
                    abs((ev.report_date - claim.report_date).days))
            hits.append((rank, ev))
        if not hits:
            return None
        hits.sort(key=lambda x: x[0])
        return hits[0][1]

    def _alt_text(self, alt: Evidence) -> str:
        what = {"flow": "weekly flow", "flow_run": "run of weeks", "flow_ytd": "year-to-date flow", "flow_mtd": "month-to-date flow",
                "aum": "AuM", "volume": "volume"}.get(alt.metric, alt.metric)
        return f"the figure matches {self.ref.entity_name(alt.subject) if alt.subject != 'total' else 'the total'} {what} ({_fmt_m(alt.value)}) in the report of {_d(alt.report_date)}"

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
        series = self.ref.series(claim.subject, "flow")
        missing = [w for w in weeks if w not in series]
        if missing or not weeks:
            return None, missing
        total = sum(series[w].value for w in weeks)
        ev = Evidence(R, claim.subject, claim.metric, round(total, 3), "computed", [], f"sum of the weekly flows of {len(weeks)} reports",
                      [w.isoformat() for w in weeks])
        return ev, []

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
        missing: list[date] = []
        if row is None:
            row, missing = self._computed(claim)
        if row is None:
            alt = self._alternative(claim)
            what = f"no {claim.metric} row for {self._name(claim.subject)} in the report of {_d(R)}"
            if missing:
                what += f"; a sum would need the missing weeks {_weeks_text(missing)}"
            reason = what + (f"; {self._alt_text(alt)}" if alt else "")
            return Verdict(claim, "unverified", reason, alternative=alt, missing_weeks=missing)
        claimed = claim.value
        diff = round(claimed - row.value, 3) if claimed is not None else None
        pct = round(100.0 * diff / abs(row.value), 1) if diff is not None and row.value else None
        ok = self._fits(claim, row.value)
        src = "computed from weekly rows" if row.confidence == "computed" else f"{row.confidence} row"
        if ok:
            return Verdict(claim, "verified", f"reference {_fmt_m(row.value)} ({src}) lies in the claimed {_fmt_interval(claim)}",
                           reference=row, diff_usd_m=diff, diff_pct=pct)
        if claim.direction in ("inflow", "outflow") and (row.value < 0) != (claim.direction == "outflow") and row.value != 0 \
                and claim.metric not in ("aum", "volume"):
            why = f"direction: the claim says {claim.direction}, the reference has {'an outflow' if row.value < 0 else 'an inflow'} of {_fmt_m(row.value)}"
        else:
            why = f"reference {_fmt_m(row.value)} lies outside the claimed {_fmt_interval(claim)}"
        alt = self._alternative(claim, exclude=(row.report_date, row.subject, row.metric))
        if alt:
            why += f"; {self._alt_text(alt)}"
        if row.confidence == "disputed" and row.note:
            why += f" (the reference row is disputed: {row.note})"
        return Verdict(claim, "conflicting", why, reference=row, diff_usd_m=diff, diff_pct=pct, alternative=alt)

    # --- streaks ------------------------------------------------------------------------------
    def streak(self, claim: Claim) -> Verdict:
        out = self._outside(claim)
        if out:
            return out
        R, n = claim.report_date, int(claim.value or 0)
        if claim.streak_kind == "days":
            return Verdict(claim, "unverified", "a streak of days; the reference holds weekly reports only")
        series = self.ref.series(claim.subject, "flow")
        d = claim.direction
        if d not in ("inflow", "outflow"):
            if R in series:
                d = "outflow" if series[R].value < 0 else "inflow"
            else:
                return Verdict(claim, "unverified", f"no weekly flow for {self._name(claim.subject)} in the report of {_d(R)}, and the claim names no direction", missing_weeks=[R])
        opp = "inflow" if d == "outflow" else "outflow"
        kind = claim.streak_kind or "run"
        # each needed week: (date, the direction it must have, or None for "anything but d")
        need: list[tuple[date, str]] = []
        if kind == "run":
            need = [(w, d) for w in _weeks_back(R, n)] + [(R - WEEK * n, "not:" + d)]
        elif kind == "first":  # first d in n weeks: R is d, the n-1 weeks before are not
            need = [(R, d)] + [(R - WEEK * k, "not:" + d) for k in range(1, n)]
        else:  # ended an n-week d run: R is not d, then n weeks of d, and the week before is not d
            need = [(R, "not:" + d)] + [(R - WEEK * k, d) for k in range(1, n + 1)] + [(R - WEEK * (n + 1), "not:" + d)]
        missing, known = [], []
        for w, want in need:
            ev = series.get(w)
            if ev is None:
                missing.append(w)
                continue
            got = "outflow" if ev.value < 0 else "inflow"
            good = (got != want[4:]) if want.startswith("not:") else (got == want)
            known.append(f"{_d(w)} {_fmt_m(ev.value)}")
            if not good:
                reason = (f"streak broken: the report of {_d(w)} has {'an outflow' if ev.value < 0 else 'an inflow'} of {_fmt_m(ev.value)}"
                          if not want.startswith("not:") else f"the streak is longer: the report of {_d(w)} also has {'an outflow' if ev.value < 0 else 'an inflow'} ({_fmt_m(ev.value)})")
                return Verdict(claim, "conflicting", reason, reference=ev)
        desc = f"{n}-week {d} streak to {_d(R)}" if kind == "run" else f"first {d} in {n} weeks at {_d(R)}" if kind == "first" else f"end of a {n}-week {d} run at {_d(R)}"
        if missing:
            return Verdict(claim, "unverified", f"{desc}: weeks missing from the data: {', '.join(_d(m) for m in missing)} (known: {'; '.join(known) or 'none'})", missing_weeks=missing)
        ev = Evidence(R, claim.subject, "streak", float(n), "computed", [], f"weekly flows {'; '.join(known)}", [k.split()[0] for k in known])
        return Verdict(claim, "verified", f"{desc} holds: {'; '.join(known)}", reference=ev)

    # --- ranks --------------------------------------------------------------------------------
    def rank(self, claim: Claim) -> Verdict:
        out = self._outside(claim)
        if out:
            return out
        R = claim.report_date
        m = claim.rank_metric or "flow"
        series = self.ref.series(claim.subject, m)
        cur = series.get(R)
        if cur is None:
            return Verdict(claim, "unverified", f"no {m} row for {self._name(claim.subject)} in the report of {_d(R)} to rank", missing_weeks=[R])
        d = claim.direction or ("outflow" if cur.value < 0 else "inflow")
        if d in ("inflow", "outflow") and m in ("flow", "flow_run") and (cur.value < 0) != (d == "outflow"):
            return Verdict(claim, "conflicting", f"the claim ranks an {d}, but the report of {_d(R)} has {'an outflow' if cur.value < 0 else 'an inflow'} of {_fmt_m(cur.value)}", reference=cur)
        key = {"outflow": lambda v: -v, "inflow": lambda v: v, "high": lambda v: v, "low": lambda v: -v,
               "smallest-outflow": lambda v: v if v < 0 else -math.inf, "smallest-inflow": lambda v: -v if v > 0 else -math.inf}.get(d, lambda v: abs(v))
        kind = claim.window_kind or "all"
        first = self.ref.first_report
        if kind == "since" and claim.window_end:
            # the last anchor week is the last report whose week (Monday to Friday before it)
            # starts on or before the end of the anchor period; the window starts after it
            last_anchor = claim.window_end + timedelta(days=7)
            last_anchor -= timedelta(days=last_anchor.weekday())
            start = last_anchor + WEEK
        elif kind == "within" and claim.window_start:
            start = claim.window_start + timedelta(days=(7 - claim.window_start.weekday()) % 7)
        else:
            start = None
        window = []
        if start is None:
            window = [w for w in sorted(series) if w < R]
            pre_missing = True
            missing = []
        else:
            pre_missing = start < first
            w = max(start, first)
            missing = []
            while w < R:
                if w in series:
                    window.append(w)
                else:
                    missing.append(w)
                w += WEEK
        n = int(claim.value or 1)
        beaters = [w for w in window if key(series[w].value) > key(cur.value)]
        how = f" ({claim.window_text})" if claim.window_text else ""
        if len(beaters) >= n:
            b = max(beaters, key=lambda w: key(series[w].value))
            return Verdict(claim, "conflicting",
                           f"the report of {_d(b)} has a larger figure ({_fmt_m(series[b].value)}) than {_d(R)} ({_fmt_m(cur.value)}) within the window{how}",
                           reference=series[b])
        if start is None or pre_missing:
            why = f"no known week beats {_fmt_m(cur.value)}, but the reference data start on {_d(first)}{how}"
            return Verdict(claim, "unverified", why, reference=cur, missing_weeks=missing)
        if missing:
            return Verdict(claim, "unverified", f"no known week in the window beats {_fmt_m(cur.value)}, but weeks are missing: {', '.join(_d(x) for x in missing)}{how}",
                           reference=cur, missing_weeks=missing)
        if len(beaters) < n - 1:
            return Verdict(claim, "conflicting", f"only {len(beaters)} week(s) in the window beat {_fmt_m(cur.value)}, so it ranks {len(beaters) + 1}, not {n}{how}", reference=cur)
        return Verdict(claim, "verified", f"{_fmt_m(cur.value)} in {_d(R)} ranks {n} among the {len(window) + 1} weeks of the window{how}", reference=cur)

    # --- shares -------------------------------------------------------------------------------
    def share(self, claim: Claim) -> Verdict:
        out = self._outside(claim)
        if out:
            return out
        if claim.share_of == "other":
            return Verdict(claim, "unverified", "a share of AuM or volume; the reference cannot compute it")
        R = claim.report_date
        part = self.ref.get(R, claim.subject, "flow")
        whole = self.ref.get(R, "total", "flow")
        if part is None or whole is None or claim.subject == "total":
            miss = [x for x, ev in ((claim.subject, part), ("total", whole)) if ev is None]
            return Verdict(claim, "unverified", f"cannot compute the share: no weekly flow for {', '.join(self._name(x) for x in miss) or 'a subject'} in the report of {_d(R)}")
        if claim.share_of in ("outflows", "inflows") and ((whole.value < 0) != (claim.share_of == "outflows")):
            return Verdict(claim, "conflicting", f"a share of {claim.share_of}, but the total in {_d(R)} was {'an outflow' if whole.value < 0 else 'an inflow'} of {_fmt_m(whole.value)}", reference=whole)
        pct = round(100.0 * part.value / whole.value, 1) if whole.value else None
        ev = Evidence(R, claim.subject, "share", pct, "computed", part.sources, f"{_fmt_m(part.value)} of {_fmt_m(whole.value)}", [R.isoformat()])
        if pct is not None and claim.low is not None and claim.low <= pct <= claim.high:
            return Verdict(claim, "verified", f"{self._name(claim.subject)} {_fmt_m(part.value)} of the total {_fmt_m(whole.value)} is {pct}%", reference=ev,
                           diff_usd_m=None, diff_pct=round((claim.value or 0) - pct, 1))
        return Verdict(claim, "conflicting", f"{self._name(claim.subject)} {_fmt_m(part.value)} of the total {_fmt_m(whole.value)} is {pct}%, outside {claim.low:g}% to {claim.high:g}%",
                       reference=ev, diff_pct=round((claim.value or 0) - (pct or 0), 1))
