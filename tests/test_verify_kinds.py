"""Verification of every claim kind: verified, conflicting (with the diagnosed week or subject) and
unverified outcomes, on the team's articles (corpus/articles, gold in corpus/gold) and on claims
built from values that are in the bundled reference data."""
from __future__ import annotations

import gc
import json
import math
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

import claimcheck
from claimcheck import verify
from claimcheck.api import get_reference
from claimcheck.model import Claim
from claimcheck.reference import bundled_files, load_reference
from claimcheck.verify import Verifier

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "corpus" / "articles"
DATES = {o["id"]: o["report_date"] for o in map(json.loads, (ROOT / "corpus" / "articles.jsonl").read_text().splitlines()) if o}
D = date.fromisoformat


@lru_cache(maxsize=None)
def report(article: str):
    return claimcheck.check((ARTICLES / f"{article}.txt").read_text(encoding="utf-8"), date=D(DATES[article]), reference=get_reference())


def find(article: str, text: str, metric: str, subject: str = "total"):
    """The verdict of one claim of an article; a claim that extraction no longer finds is a failure."""
    got = [v for v in report(article).verdicts if v.claim.text == text and v.claim.metric == metric and v.claim.subject == subject]
    assert got, f"extraction no longer finds {text!r} ({metric}, {subject}) in {article}"
    return got[0]


def gold(article: str, quote: str, metric: str) -> str:
    for line in (ROOT / "corpus" / "gold" / "gold-claims.jsonl").read_text().splitlines():
        g = json.loads(line) if line.strip() else None
        if g and g["article"] == article and g["quote"] == quote and g["metric"] == metric:
            return g["verdict"]
    raise AssertionError(f"no gold line for {article} {quote!r} {metric}")


@pytest.fixture(scope="module")
def check():
    return Verifier(get_reference())


def claim(metric: str, subject: str, report: str, **kw) -> Claim:
    v = kw.pop("value", None)
    kw.setdefault("low", v)
    kw.setdefault("high", v)
    return Claim(0, 1, "x", metric=metric, subject=subject, report_date=D(report), value=v, **kw)


# --- streaks -----------------------------------------------------------------------------------

def test_streak_verified_on_article():
    v = find("b09", "A fourth consecutive week", "streak")
    assert v.label == gold("b09", "A fourth consecutive week", "streak") == "verified"
    assert v.alternative is None and "4-week outflow streak to 2026-02-16 holds" in v.reason


def test_streak_conflicting_on_article_names_the_week_it_holds():
    # a09 (report of 2025-09-15): inflows "for a second consecutive week", but 2025-09-08 was an outflow
    v = find("a09", "a second consecutive week", "streak")
    assert v.label == "conflicting"
    assert "2025-09-08" in v.reason
    assert v.alternative is not None and v.alternative.report_date == D("2025-10-13") and v.alternative.subject == "total"
    assert v.reason.endswith("the claim holds for the report of 2025-10-13 (2-week inflow streak to 2025-10-13: "
                             "2025-10-13 +$3.17bn; 2025-10-06 +$5.95bn; 2025-09-29 -$812.0m)")


def test_streak_conflicting_four_weeks_points_at_the_week_it_holds():
    # b08 (report of 2026-02-09): "FOURTH STRAIGHT LOSING WEEK", but 2026-01-19 had an inflow; the
    # four-week outflow streak holds a week later, at the report of 2026-02-16
    v = find("b08", "FOURTH STRAIGHT LOSING WEEK", "streak")
    assert v.label == gold("b08", "FOURTH STRAIGHT LOSING WEEK", "streak") == "conflicting"
    assert v.alternative.report_date == D("2026-02-16") and v.alternative.metric == "streak" and v.alternative.value == 4
    assert "the report of 2026-01-19 has an inflow of +$2.17bn" in v.reason
    assert "the claim holds for the report of 2026-02-16 (4-week outflow streak" in v.reason


def test_streak_unverified_names_missing_weeks():
    v = find("a14", "a second straight week", "streak")
    assert v.label == gold("a14", "a second straight week", "streak") == "unverified"
    assert v.missing_weeks == [D("2025-10-27")] and v.alternative is None


def test_streak_conflicting_without_any_week_where_it_holds(check):
    v = find("a08", "its 21st consecutive week", "streak", "asset:solana")
    assert v.label == gold("a08", "its 21st consecutive week", "streak") == "conflicting"
    assert v.alternative is None and "holds" not in v.reason


def test_streak_wrong_subject(check):
    # Bitcoin had an inflow (+$867m) in the report of 2025-05-12; Solana's first outflow in two
    # weeks was that week (-$3.4m after +$6.0m)
    v = check(claim("streak", "asset:bitcoin", "2025-05-12", value=2.0, direction="outflow", streak_kind="first"))
    assert v.label == "conflicting"
    assert v.alternative.subject == "asset:solana" and v.alternative.report_date == D("2025-05-12")
    assert "the claim holds for Solana in the report of 2025-05-12" in v.reason


def test_streak_nearest_week_of_the_same_subject(check):
    # a four-week outflow streak of the total at 2026-02-02 (it was two weeks); it holds at 2026-02-16
    v = check(claim("streak", "total", "2026-02-02", value=4.0, direction="outflow", streak_kind="run"))
    assert v.label == "conflicting" and "2026-01-19 has an inflow of +$2.17bn" in v.reason
    assert v.alternative.report_date == D("2026-02-16") and v.alternative.subject == "total"
    assert "the claim holds for the report of 2026-02-16 (4-week outflow streak to 2026-02-16" in v.reason


def test_ended_run_without_direction_takes_the_direction_of_the_run(check):
    v = check(claim("streak", "total", "2026-01-26", value=1.0, streak_kind="ended"))
    assert v.label == "verified", v.reason
    assert "end of a 1-week inflow run at 2026-01-26 holds" in v.reason


# --- ranks -------------------------------------------------------------------------------------

def test_rank_verified_on_article():
    v = find("b05", "the largest weekly outflow of 2026 so far", "rank")
    assert v.label == gold("b05", "the largest weekly outflow of 2026 so far", "rank") == "verified"
    assert v.reference.value == -1730


def test_rank_conflicting_on_article_names_the_week_it_holds():
    # b22 (report of 2026-05-25): -$1.47bn is not the largest outflow of 2026; -$1.73bn of 2026-01-26 was
    v = find("b22", "the largest weekly outflow of 2026", "rank")
    assert v.label == gold("b22", "the largest weekly outflow of 2026", "rank") == "conflicting"
    assert v.alternative.report_date == D("2026-01-26") and v.alternative.value == -1730
    assert "the claim holds for the report of 2026-01-26 (-$1.73bn ranks 1 among the 4 known weeks of the window)" in v.reason


def test_rank_conflicting_with_gaps_says_how_far_the_data_go():
    v = find("a13", "the heaviest weekly outflow since the beginning of September", "rank")
    assert v.label == "conflicting"
    assert v.alternative.report_date == D("2025-11-10") and v.alternative.value == -1200
    assert "the claim holds, as far as the data go, for the report of 2025-11-10" in v.reason


def test_rank_unverified_on_article_names_missing_weeks():
    v = find("a09", "the largest weekly inflow since mid-July", "rank")
    assert v.label == gold("a09", "the largest weekly inflow since mid-July", "rank") == "unverified"
    assert v.missing_weeks[0] == D("2025-07-28") and "mid-July" in v.reason


def test_rank_anchor_before_the_data_is_unverified():
    v = find("a16", "the third-largest since 2018", "rank")
    assert v.label == gold("a16", "the third-largest since 2018", "rank") == "unverified"
    assert "before the reference data start on 2025-05-05" in v.reason and "2019-01-14" in v.reason


@pytest.mark.parametrize("kind,start,end,words", [
    ("since", "2099-01-01", "2099-12-31", "lies after the report week of 2026-05-25"),
    ("within", "2099-01-01", "2099-12-31", "begins after the report week of 2026-05-25"),
    ("since", "2026-05-01", "2026-05-31", "reaches the report week of 2026-05-25"),
])
def test_rank_anchor_after_the_report_is_unverified(check, kind, start, end, words):
    # the total outflow of 2026-05-25 (-$1.47bn) "the largest since 2099": an empty window proves nothing
    c = claim("rank", "total", "2026-05-25", value=1.0, direction="outflow", rank_metric="flow",
              window_kind=kind, window_start=D(start), window_end=D(end), window_text="'since X' read as ...")
    v = check(c)
    assert v.label == "unverified"
    assert words in v.reason


def test_rank_wrong_subject(check):
    # 2026-01-26: Solana had an inflow (+$17.1m); the largest outflow of 2026 that week was the total's
    # -$1.73bn (not Bitcoin's -$1.09bn: two of the three weeks before it are missing, and another
    # subject's rank counts only where its window is complete)
    c = claim("rank", "asset:solana", "2026-01-26", value=1.0, direction="outflow", rank_metric="flow",
              window_kind="within", window_start=D("2026-01-01"), window_end=D("2026-12-31"), window_text="'of 2026'")
    v = check(c)
    assert v.label == "conflicting" and "has an inflow of +$17.1m" in v.reason
    assert v.alternative.subject == "total" and v.alternative.report_date == D("2026-01-26") and v.alternative.value == -1730
    assert "the claim holds for the total in the report of 2026-01-26 (-$1.73bn ranks 1 among the 4 known weeks" in v.reason


def test_rank_search_ignores_other_subjects_with_gaps(check):
    # the U.S. -$1.43bn of 2026-05-25 is not its largest outflow of 2026 (-$1.80bn on 2026-01-26 is, but
    # none of the weeks of 2026 before it is known); other subjects with gaps in 2026 do not count either
    # (Hong Kong's -$12.2m that week beats its 2 known weeks of 21): no diagnosis rather than a guess
    c = claim("rank", "region:united-states", "2026-05-25", value=1.0, direction="outflow", rank_metric="flow",
              window_kind="within", window_start=D("2026-01-01"), window_end=D("2026-12-31"), window_text="'of 2026'")
    v = check(c)
    assert v.label == "conflicting" and "2026-01-26 has a larger figure (-$1.80bn)" in v.reason
    assert v.alternative is None


def test_rank_rank_too_high_is_conflicting_and_diagnosed(check):
    # -$1.73bn (2026-01-26) is the largest outflow of 2026 to date, not the second-largest;
    # -$1.70bn of 2026-02-02 is the second-largest at its report
    c = claim("rank", "total", "2026-01-26", value=2.0, direction="outflow", rank_metric="flow",
              window_kind="within", window_start=D("2026-01-01"), window_end=D("2026-12-31"), window_text="'of 2026'")
    v = check(c)
    assert v.label == "conflicting" and "ranks 1, not 2" in v.reason
    assert v.alternative.report_date == D("2026-02-02") and v.alternative.value == -1700
    assert "the claim holds for the report of 2026-02-02" in v.reason


# --- shares ------------------------------------------------------------------------------------

def test_share_verified_on_article():
    v = find("b21", "97%", "share", "region:united-states")
    assert v.label == gold("b21", "97%", "share") == "verified"
    assert v.reference.value == 96.9


def test_share_conflicting_on_article_names_the_week_it_holds():
    # a21 (report of 2025-11-24): the U.S. 98% of outflows was the week before (-$1.97bn of -$2.00bn)
    v = find("a21", "98%", "share", "region:united-states")
    assert v.label == gold("a21", "98%", "share") == "conflicting"
    assert v.alternative.report_date == D("2025-11-17") and v.alternative.value == 98.5 and v.alternative.metric == "share"
    assert "the claim holds for the report of 2025-11-17 (United States -$1.97bn of -$2.00bn is 98.5%)" in v.reason


def test_share_unverified_on_article():
    # "- 96%: the portion that came through US-listed products." (no United States row for 2025-05-12)
    v = find("a17", "96%", "share", "region:united-states")
    assert v.label == "unverified" and "no weekly flow for United States in the report of 2025-05-12" in v.reason


def test_share_wrong_subject(check):
    # 2026-05-18: Ethereum -$249m of the total -$1.07bn is 23.3%; Bitcoin -$982m is 91.8%
    v = check(claim("share", "asset:ethereum", "2026-05-18", value=91.8, share_of="outflows"))
    assert v.label == "conflicting"
    assert v.alternative.subject == "asset:bitcoin" and v.alternative.report_date == D("2026-05-18")
    assert "the claim holds for Bitcoin in the report of 2026-05-18 (Bitcoin -$982.0m of -$1.07bn is 91.8%)" in v.reason


def test_share_of_outflows_in_an_inflow_week(check):
    # 2025-05-12 was an inflow week (+$882m); Bitcoin's share of outflows fits 2025-09-29 (-$719m of -$812m)
    v = check(claim("share", "asset:bitcoin", "2025-05-12", value=89.0, low=88.5, high=89.5, share_of="outflows"))
    assert v.label == "conflicting" and "was an inflow of +$882.0m" in v.reason
    assert v.alternative.report_date == D("2025-09-29") and v.alternative.value == 88.5


# --- money -------------------------------------------------------------------------------------

def test_money_verified_on_article_reads_as_a_magnitude():
    v = find("a01", "$1.9 billion", "flow", "region:united-states")
    assert v.label == "verified"
    assert "fits the claim of an inflow of more than $1.90bn" in v.reason


def test_money_conflicting_on_article_names_the_week():
    v = find("a21", "$1.97 billion", "flow", "region:united-states")
    assert v.label == gold("a21", "$1.97 billion", "flow") == "conflicting"
    assert "lies outside the claim of an outflow of $1.97bn" in v.reason
    assert v.alternative.report_date == D("2025-11-17") and "in the report of 2025-11-17" in v.reason


def test_money_conflicting_wrong_subject(check):
    # b21: Hong Kong -$12.2m; the -$12.5m was Canada's, that week
    v = check(claim("flow", "region:hong-kong", "2026-05-25", value=-12.5, low=12.45, high=12.55, direction="outflow"))
    assert v.label == "conflicting"
    assert v.alternative.subject == "region:canada" and "the figure matches Canada weekly flow (-$12.5m) in the report of 2026-05-25" in v.reason


def test_money_unverified_on_article_names_missing_weeks_and_the_match():
    v = find("a14", "$45 billion", "flow_ytd")
    assert v.label == "unverified"
    assert "missing weeks" in v.reason and v.alternative.report_date == D("2025-10-13")


@pytest.mark.parametrize("kw,words", [
    (dict(value=-1730.0, low=1725.0, high=1735.0, direction="outflow"), "an outflow of $1.73bn"),
    (dict(value=-1000.0, low=1000.0, high=math.inf, hedge="over", direction="outflow"), "an outflow of more than $1.00bn"),
    (dict(value=-630.0, low=308.0, high=630.0, hedge="range", direction="outflow"), "an outflow of $308.0m to $630.0m"),
    (dict(value=1600.0, low=1520.0, high=1680.0, hedge="approx", direction="inflow"), "an inflow of about $1.60bn ($1.52bn to $1.68bn)"),
    (dict(value=1600.0, low=1520.0, high=1680.0, hedge="approx"), "a flow of about $1.60bn ($1.52bn to $1.68bn) in either direction"),
    (dict(value=1730.0, low=0.0, high=1730.0, hedge="under", direction="outflow"), "an outflow of less than $1.73bn"),
])
def test_claimed_interval_words(kw, words):
    assert verify._fmt_claimed(Claim(0, 1, "x", metric="flow", **kw)) == words
    assert "-$" not in verify._fmt_claimed(Claim(0, 1, "x", metric="flow", **kw))


def test_claimed_words_for_levels_and_year_to_date():
    assert verify._fmt_claimed(Claim(0, 1, "x", metric="aum", value=133000.0, low=132500.0, high=133500.0)) == "AuM of $133.00bn"
    assert verify._fmt_claimed(Claim(0, 1, "x", metric="flow_ytd", value=-1000.0, low=950.0, high=1050.0, hedge="approx",
                                     direction="outflow")) == "a year-to-date outflow of about $1.00bn ($950.0m to $1.05bn)"


# --- the index of reference rows ---------------------------------------------------------------

def _scan_alternative(v: Verifier, c: Claim, exclude=None):
    """The search for a money figure as a plain scan of every row (the index must agree)."""
    fam = {"flow": ("flow",), "flow_ytd": ("flow_ytd",), "flow_mtd": ("flow_mtd",), "flow_run": ("flow_run", "flow"),
           "aum": ("aum",), "volume": ("volume",)}[c.metric]
    fam = fam + tuple(m for m in ("flow", "flow_run", "flow_ytd") if m not in fam and c.metric not in ("aum", "volume"))
    hits = []
    for ev in v.ref.rows():
        if ev.metric not in fam or (exclude and (ev.report_date, ev.subject, ev.metric) == exclude) or not v._fits(c, ev.value):
            continue
        if ev.subject == c.subject and ev.report_date == c.report_date and ev.metric == c.metric:
            continue
        hits.append(((0 if ev.metric == c.metric else 1, 0 if ev.subject == c.subject else 1 if ev.report_date == c.report_date else 2,
                      abs((ev.report_date - c.report_date).days)), ev))
    hits.sort(key=lambda h: h[0])
    return hits[0][1] if hits else None


def test_indexed_search_agrees_with_a_scan(check):
    ref = check.ref
    rows = list(ref.rows())
    n = 0
    for i, row in enumerate(rows):
        other = rows[(i * 7) % len(rows)]
        for hedge, lo, hi in (("exact", abs(row.value), abs(row.value)), ("approx", abs(row.value) * 0.95, abs(row.value) * 1.05),
                              ("over", abs(row.value), math.inf), ("under", 0.0, abs(row.value))):
            for direction in ("inflow", "outflow", None):
                c = Claim(0, 1, "x", metric=row.metric, subject=other.subject, report_date=other.report_date, value=row.value,
                          low=lo, high=hi, hedge=hedge, direction=direction)
                for exclude in (None, (row.report_date, row.subject, row.metric)):
                    assert check._alternative(c, exclude) is _scan_alternative(check, c, exclude)
                    n += 1
    assert n > 1000


def test_index_is_built_once_per_reference():
    ref = load_reference(bundled_files())
    calls = []
    rows = ref.rows
    ref.rows = lambda: calls.append(1) or rows()
    c = claim("flow", "total", "2026-01-26", value=-1700.0, low=1695.0, high=1705.0, direction="outflow")
    for _ in range(3):
        v = Verifier(ref)(c)  # a Verifier per check(), as the API builds them
        assert v.label == "conflicting" and v.alternative.report_date == D("2026-02-02")
    assert len(calls) == 1
    assert verify._index_for(ref) is verify._index_for(ref)
    assert verify._index_for(ref) is not verify._index_for(get_reference())
    key = id(ref)
    del ref, rows, v
    gc.collect()
    assert key not in verify._INDEXES


def test_streak_memo_gives_the_verdicts_of_a_fresh_verifier():
    # a Verifier remembers which streaks hold where; a long-lived one must give what a new one gives
    claims = [claim("streak", s, r, value=n, direction=d, streak_kind=k)
              for s in ("total", "asset:bitcoin", "asset:solana") for r in ("2025-05-12", "2026-02-02", "2026-02-16")
              for n in (1.0, 2.0, 4.0) for d in ("inflow", "outflow", None) for k in ("run", "first", "ended")]
    shared = Verifier(get_reference())
    for c in claims + claims:
        assert shared(c).to_dict() == Verifier(get_reference())(c).to_dict()


@pytest.mark.parametrize("report,value,label,reference", [
    # no year-to-date row at 2025-05-19 and the year's weekly rows incomplete: the 2025-05-12 row
    # (+6,700) plus the week of 2025-05-19 (+785)
    ("2025-05-19", 7485.0, "verified", 7485.0),
    ("2025-05-19", 6700.0, "conflicting", 7485.0),
    # 2025-09-08's row (+35,200) plus 2025-09-15 (+3,300)
    ("2025-09-15", 38500.0, "verified", 38500.0),
    # a gap after the last row (2025-10-20 and 2025-10-27 are missing): no year to date
    ("2025-11-03", 48000.0, "unverified", None),
])
def test_year_to_date_carried_forward_from_an_earlier_row(check, report, value, label, reference):
    v = check(claim("flow_ytd", "total", report, value=value, hedge="exact"))
    assert v.label == label
    assert (v.reference.value if v.reference else None) == reference
    if reference is not None:
        assert "plus the weekly flows of 1 report after it" in v.reason
