"""Property-based tests (hypothesis): the parsers and the whole extractor on arbitrary text.

Arbitrary Unicode never raises; every claim's offsets lie inside the text and slice to its
``text``; results are deterministic; cutting a long text into pieces changes nothing. Example
counts are kept modest so that the file runs in well under a minute.
"""
from __future__ import annotations

import contextlib
import json
import math
import os
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck import extract as ex
from claimcheck.parse import hedges, numbers, periods

# CLAIMCHECK_EXAMPLES_SCALE=20 python -m pytest tests/test_properties.py  runs a longer search
SCALE = float(os.environ.get("CLAIMCHECK_EXAMPLES_SCALE", "1"))
FAST = settings(max_examples=int(500 * SCALE), deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
PIPE = settings(FAST, max_examples=int(250 * SCALE))

# --- text strategies -------------------------------------------------------------------------------

# pieces of fund-flow prose: amounts, hedges, subjects, directions, dates, ranks, streaks, and
# the characters that break naive code (NUL, escape, odd spaces and line breaks, other digits)
PIECES = [
    "$1.7 billion", "$1.7bn", "US$630m", "USD 630 million", "-$11.1 million", "+$32.5 million",
    "$308 million to $630 million", "between $1bn and $2bn", "$500,000", "1,6 million", "€2bn",
    "Two Billion Dollars", "half a billion dollars", "4 billion USD", "63%", "97 per cent", "$",
    "1.7", "1,000,000", "billion", "bn", "m", "k", "about", "nearly", "over", "more than", "up to",
    "at least", "some", "roughly", "outflows", "inflows", "shed", "attracted", "withdrew", "Bitcoin",
    "Ethereum", "Solana", "XRP", "US", "Canada", "Germany", "BlackRock", "ETFs", "ETPs", "funds",
    "CoinShares", "investment products", "year-to-date", "so far this year", "AuM", "assets under management",
    "trading volumes", "the week ending January 23", "the previous week", "as of January 26",
    "from 19 to 23 January", "last week", "January 26, 2026", "2026-01-26", "26 Jan", "Monday",
    "the largest since mid-November 2025", "the largest since the crash", "a record", "on record",
    "the third consecutive week", "four weeks in a row", "first outflows in five weeks",
    "respectively", "while", "but", ";", " — ", ",", ".", "!", "?", "'", '"', "(", ")", "it", "their",
    "price", "traded at", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u202f", "\u2028", "\x00", "\x1b[31m",
    "\x0c", "\ufeff", "١٢٣", "𝟙", "½", "Ⅻ", "ﬁ", "é", "\u0301", "\u202e", "🙂", "$$$", "%%", "--",
    # the phrases of the later rules: lists, labels, headline bars, past periods, runs since a day
    "- Total:", "- Switzerland:", " | ", "and", "for a second week", "ended a run of three straight weeks of inflows",
    "the five-week outflow run", "ended in late February", "from February, when", "since May 11", "in 2025",
    "full-year 2024", "last year's record of", "the largest outflow of any asset", "the highest in six weeks",
    "from $264bn to $191bn", "down from", "a week earlier", "recorded inflows", "saw outflows", "did not",
]
claimish = st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join)
anytext = st.one_of(st.text(max_size=400), claimish,
                    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join))
dates_or_none = st.one_of(st.none(), st.dates(), st.sampled_from([date(2026, 1, 26), date(2025, 5, 5), date(1, 1, 1), date(1, 1, 8),
                                                                   date(9999, 12, 27)]))

_NLP = None


def nlp():
    global _NLP
    if _NLP is None:
        from claimcheck import pipeline

        _NLP = pipeline.load()
    return _NLP


def _assert_slices(text: str, items) -> None:
    for it in items:
        assert 0 <= it.start <= it.end <= len(text), (it.start, it.end, len(text))
        assert text[it.start:it.end] == it.text, (text[it.start:it.end], it.text)


@contextlib.contextmanager
def chunking(chunk: int, line: int):
    saved = ex.CHUNK_CHARS, ex.LINE_CHARS
    ex.CHUNK_CHARS, ex.LINE_CHARS = chunk, line
    try:
        yield
    finally:
        ex.CHUNK_CHARS, ex.LINE_CHARS = saved


# --- numbers ---------------------------------------------------------------------------------------

@FAST
@given(anytext)
def test_find_amounts_never_raises_and_slices(text):
    found = numbers.find_amounts(text)
    _assert_slices(text, found)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start  # left to right, no overlaps
    for a in found:
        assert math.isfinite(a.value) and math.isfinite(a.precision) and a.precision >= 0
        assert a.value >= 0 or a.signed  # a negative value needs a written sign
    assert numbers.find_amounts(text) == found  # deterministic
    one = numbers.parse_amount(text)  # the first match, when it parses
    assert one is None or one == found[0]


@FAST
@given(st.text(alphabet="0123456789,. \u202f\u00a0", max_size=60), st.booleans())
def test_parse_number_never_raises(raw, has_scale):
    got = numbers.parse_number(raw, has_scale)
    if got is not None:
        value, precision = got
        assert math.isfinite(value) and value >= 0
        assert 0 < precision <= 0.5 * 10**30


SCALE_WORDS = {" million": 1.0, "m": 1.0, " billion": 1e3, "bn": 1e3, "B": 1e3, " trillion": 1e6}


@FAST
@given(st.integers(0, 999), st.one_of(st.none(), st.integers(0, 999)), st.sampled_from(sorted(SCALE_WORDS)),
       st.sampled_from(["", "-", "+"]))
def test_amount_round_trip(whole, decimals, scale, sign):
    written = f"{whole}.{decimals}" if decimals is not None else str(whole)
    text = f"Funds saw {sign}${written}{scale} of flows."
    a = numbers.parse_amount(text)
    assert a is not None and a.text == f"{sign}${written}{scale}"
    expected = float(written) * SCALE_WORDS[scale] * (-1 if sign == "-" else 1)
    assert a.value == pytest.approx(expected, rel=1e-9, abs=1e-9)
    assert a.scaled and a.signed == bool(sign)
    if decimals is not None:  # half a unit of the last written digit
        unit = 10.0 ** -len(str(decimals))
    else:  # an integer's trailing zeros count as rounding
        digits = str(whole)
        unit = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if whole else 1.0
    assert a.precision == pytest.approx(0.5 * unit * SCALE_WORDS[scale])


@FAST
@given(st.integers(1, 10**12))
def test_plain_dollars_with_thousands_separators(n):
    a = numbers.parse_amount(f"a payment of ${n:,} was made")
    assert a is not None and a.text == f"${n:,}"
    assert a.value == pytest.approx(n / 1e6) and not a.scaled


# --- hedges ----------------------------------------------------------------------------------------

@FAST
@given(anytext)
def test_hedge_before_never_raises(prefix):
    got = hedges.hedge_before(prefix)
    if got is not None:
        kind, words = got
        assert hedges.HEDGES[words.lower()] == kind
        assert words in prefix


finite = st.floats(min_value=0, max_value=1e9, allow_nan=False)


@FAST
@given(finite, st.floats(min_value=0, max_value=1e6, allow_nan=False),
       st.sampled_from(["exact", "approx", "nearly", "over", "at_least", "under", "range"]), st.booleans())
def test_intervals_are_ordered_and_hold_the_figure(value, precision, hedge, negative):
    lo, hi = hedges.interval(-value if negative else value, precision, hedge)
    assert 0 <= lo <= hi
    if hedge in ("exact", "approx", "nearly", "range", "at_least", "over"):
        assert lo <= value <= hi
    if hedge in ("over", "at_least"):  # more than the figure, or the figure itself (the reference is rounded too)
        assert lo == value and hi == math.inf
    slo, shi = hedges.share_interval(min(value, 1000.0), min(precision, 50.0), hedge)
    assert 0 <= slo <= shi
    if value <= 100:
        assert shi <= 100


# --- periods ---------------------------------------------------------------------------------------

DATE_PIECES = ["January", "Jan.", "Sept", "May", "26", "26th", "31", "29", "1st", "2026", "1999", "2099", ",",
               "2026-01-26", "2026-02-30", "week", "ending", "ended", "through", "from", "to", "between", "and",
               "as of", "on", "Friday", "the previous week", "last week", "a week earlier", "since", "mid",
               "late", "the crash", "in", "months", "99999999999999", "record", "ever", "of the year", "-", "–"]
datish = st.lists(st.sampled_from(DATE_PIECES), max_size=25).map(" ".join)
periodtext = st.one_of(st.text(max_size=200), datish)


@FAST
@given(periodtext, st.one_of(st.none(), st.integers(-10**6, 10**6)))
def test_find_dates_never_raises(text, default_year):
    found = periods.find_dates(text, default_year)
    _assert_slices(text, found)
    for d in found:
        assert isinstance(d.value, date)
        assert d.has_year or d.value.year == default_year


@FAST
@given(periodtext, dates_or_none)
def test_week_cues_anchors_and_article_date_never_raise(text, report):
    cues = periods.week_cues(text, report)
    _assert_slices(text, cues)
    for c in cues:
        assert isinstance(c.report_date, date)
        if c.source in ("text", "previous-week"):
            assert c.report_date.weekday() == 0 or c.source == "previous-week"
    got = periods.parse_anchor(text, report)
    if got is not None:
        anchor, words = got
        assert words in text
        if anchor.start and anchor.end:
            assert anchor.start <= anchor.end
    found = periods.article_date_from_text(text)
    if found is not None:
        assert isinstance(found[0], date)


@FAST
@given(st.dates(max_value=date.max - timedelta(days=7)))
def test_report_dates_are_mondays(d):
    r = periods.report_for_week_ending(d)
    assert r.weekday() == 0 and d <= r < d + timedelta(days=7)
    p = periods.report_for_publication(d)
    assert p.weekday() == 0 and p <= d < p + timedelta(days=7)


@FAST
@given(st.integers(1, 12), st.integers(1, 31), st.dates())
def test_nearest_year(month, day, around):
    got = periods.nearest_year(month, day, around)
    if got is not None:
        assert (got.month, got.day) == (month, day)
        # the nearest of three years: within half a year, or two years for 29 February (at the
        # edges of the calendar, years 1 and 9999, one of the three years does not exist)
        if date.min.year < around.year < date.max.year:
            assert abs((got - around).days) <= (2 * 366 if (month, day) == (2, 29) else 184)


# --- splitting long texts --------------------------------------------------------------------------

@FAST
@given(st.text(alphabet=st.sampled_from(list("ab .\n\t \u00a0A1$")), max_size=300), st.integers(1, 40), st.integers(1, 80))
def test_split_text_pieces(text, limit, line_limit):
    pieces = ex.split_text(text, limit, line_limit)
    assert "".join(p for _, p in pieces) == text
    pos = 0
    for off, p in pieces:
        assert off == pos and (p or text == "")
        assert len(p) <= max(limit, line_limit)
        pos += len(p)


# --- the whole extractor ---------------------------------------------------------------------------

@PIPE
@given(anytext, dates_or_none)
def test_extract_never_raises_offsets_slice_and_deterministic(text, report):
    claims = ex.extract(nlp(), text, report)
    _assert_slices(text, claims)
    for c in claims:
        assert c.kind in ("amount", "percent", "streak", "rank", "direction")
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
    again = ex.extract(nlp(), text, report)
    assert [c.to_dict() for c in again] == [c.to_dict() for c in claims]


@PIPE
@given(st.lists(st.one_of(claimish, st.text(max_size=30)), min_size=1, max_size=8).map("\n".join), dates_or_none)
def test_cutting_at_line_breaks_changes_nothing(text, report):
    whole = [c.to_dict() for c in ex.extract(nlp(), text, report)]
    with chunking(1, 10**6):  # every line a piece of its own, however long
        each_line = [c.to_dict() for c in ex.extract(nlp(), text, report)]
        batched = [[c.to_dict() for c in cs] for cs in ex.extract_many(nlp(), [(text, report, "article"), ("", None, "article"), (text, report, "article")])]
    assert each_line == whole
    assert batched == [whole, [], whole]
    with chunking(20, 20):  # long lines cut inside, after sentence ends or at spaces: still sound
        _assert_slices(text, ex.extract(nlp(), text, report))


@PIPE
@given(anytext, dates_or_none)
def test_check_never_raises_and_reports_are_json(text, d):
    try:
        report = claimcheck.check(text, date=d, directions=True)
    except OverflowError:
        pytest.fail("a date at the edge of the calendar crashed the check")
    _assert_slices(text, [v.claim for v in report.verdicts])
    assert all(v.label in ("verified", "conflicting", "unverified") for v in report.verdicts)
    json.dumps(report.to_dict(), allow_nan=False, default=str)
