"""Table-driven tests of the pure parsers: amounts, hedges, periods."""
from datetime import date

import pytest

from claimcheck.parse import hedges, numbers, periods


@pytest.mark.parametrize("text,value,precision", [
    ("$1.7B", 1700, 50),
    ("$1.73bn", 1730, 5),
    ("US$630m", 630, 5),
    ("1.09 billion dollars", 1090, 5),
    ("$500,000", 0.5, 0.05),
    ("$0.5 million", 0.5, 0.05),
    ("USD 630 million", 630, 5),
    ("+$32.5 million", 32.5, 0.05),
    ("-$11.1 million", -11.1, 0.05),
    ("Two Billion Dollars", 2000, 500),
    ("$ 64 million", 64, 0.5),
    ("US$ 1,6 million", 1.6, 0.05),
    ("US$ 300 thousand", 0.3, 0.05),
    ("4 billion USD", 4000, 500),
    ("28 million US dollars", 28, 0.5),
    ("$952M", 952, 0.5),
    ("$600 million", 600, 50),
    ("half a billion dollars", 500, 250),
    ("$2.17 billion", 2170, 5),
    ("1.2 billion USD", 1200, 50),
    ("$70,000", 0.07, 0.005),
    ("forty-seven billion dollars", 47000, 500),
    ("twenty one million dollars", 21, 0.5),
    ("thirteen million dollars", 13, 0.5),
])
def test_parse_amount(text, value, precision):
    a = numbers.parse_amount(text)
    assert a is not None
    assert a.value == pytest.approx(value)
    assert a.precision == pytest.approx(precision)
    assert a.text.strip() == text.strip()


@pytest.mark.parametrize("text,expected", [
    # a scaled figure takes the currency written after the next one
    ("inflows of 6.2 million and 9.8 million dollars", [("6.2 million", 6.2), ("9.8 million dollars", 9.8)]),
    ("between 1.5 billion to 2 billion USD", [("1.5 billion", 1500), ("2 billion USD", 2000)]),
    ("-1.5bn – 2 billion USD", [("-1.5bn", -1500), ("2 billion USD", 2000)]),
    # across a comma, as a list written with its currency once at its end (see test_find_amounts_other_writings)
    ("of 6.2 million, and 9.8 million dollars", [("6.2 million", 6.2), ("9.8 million dollars", 9.8)]),
    # not without a scale, or before a currency written first
    ("from 264 to 191 billion USD", [("191 billion USD", 191000)]),
    ("$3m and 4 million dollars", [("$3m", 3), ("4 million dollars", 4)]),
    ("up 5 million and $9.8 million", [("$9.8 million", 9.8)]),
])
def test_find_amounts_shared_currency(text, expected):
    assert [(a.text, pytest.approx(a.value)) for a in numbers.find_amounts(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a range written with one scale: the first end borrows it, and the dash is no minus sign
    ("outflows of $200-230 million", [("$200", 200, 50), ("230 million", 230, 5)]),
    ("$1.6–1.8 billion", [("$1.6", 1600, 50), ("1.8 billion", 1800, 50)]),
    ("$1.2-$1.5 billion", [("$1.2", 1200, 50), ("$1.5 billion", 1500, 50)]),
    ("between $200 and $230 million", [("$200", 200, 50), ("$230 million", 230, 5)]),
    ("$2 to 3 billion", [("$2", 2000, 500), ("3 billion", 3000, 500)]),
    # not a range: a grouped figure before a larger unit, a descending pair, "and" without "between"
    ("$500,000 - $1m", [("$500,000", 0.5, 0.05), ("$1m", 1, 0.5)]),
    ("$5 - 3 billion", [("$5", 5e-6, 5e-7)]),
    ("$200 and $230 million", [("$200", 2e-4, 5e-5), ("$230 million", 230, 5)]),
])
def test_find_amounts_range_with_one_scale(text, expected):
    got = [(a.text, pytest.approx(a.value), pytest.approx(a.precision)) for a in numbers.find_amounts(text)]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # compound figures as Korean and Chinese translations write them; a space before "bn"/"mln"
    ("last week 1 billion 240 million USD flowed in", [("1 billion 240 million USD", 1240, 5)]),
    ("it was $1 billion 240 million", [("$1 billion 240 million", 1240, 5)]),
    ("151 hundred million dollars", [("151 hundred million dollars", 15100, 50)]),
    ("Bitcoin took USD 3.55 bn", [("USD 3.55 bn", 3550, 5)]),
    ("XRP added USD 219 mln", [("USD 219 mln", 219, 0.5)]),
    ("1.2 billion~1.3 billion USD", [("1.2 billion", 1200, 50), ("1.3 billion USD", 1300, 50)]),
    # "between 1.3 and 1.35 billion dollars": the first end borrows scale and currency (only below the second)
    ("lost between 1.3 and 1.35 billion dollars", [("1.3", 1300, 50), ("1.35 billion dollars", 1350, 5)]),
    ("between 5 and 3 billion dollars", [("3 billion dollars", 3000, 500)]),
    # another dollar or the Brazilian real is no US dollar amount
    ("US$ 1,9 billion (about R$ 10,4 billion)", [("US$ 1,9 billion", 1900, 50)]),
    ("A$5m, C$3m and HK$ 2bn", []),
    # not a compound: a billion figure with its own currency, a year before "billion", a single "m" after a space
    ("$2 billion and $240 million", [("$2 billion", 2000, 500), ("$240 million", 240, 5)]),
    ("in 2021 billion", []),
    ("$200 m", [("$200", 2e-4, 5e-5)]),
])
def test_find_amounts_compound_and_spaced(text, expected):
    got = [(a.text, pytest.approx(a.value), pytest.approx(a.precision)) for a in numbers.find_amounts(text)]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # Polish, Czech and Russian "mld"/"mlrd" are billions; a dash between a bare figure and an amount is a range
    ("net outflows in the height of 1,7 mld USD", [("1,7 mld USD", 1700, 50, False)]),
    ("fell to 178 mld USD.", [("178 mld USD", 178000, 500, False)]),
    ("in the range 600–650 mln USD", [("600", 600, 50, False), ("650 mln USD", 650, 5, False)]),
    ("a 2025-650 million dollars", [("-650 million dollars", -650, 5, True)]),
    # a scaled figure with no currency after a dollar amount of the sentence is in dollars ...
    ("Bitcoin drew $1.2 billion and Ether 300 million", [("$1.2 billion", 1200, 50, False), ("300 million", 300, 50, False)]),
    ("reach 5,6 billion dollars, close to the maximum of 7,3 billion that was touched in February",
     [("5,6 billion dollars", 5600, 50, False), ("7,3 billion", 7300, 50, False)]),
    # ... and before it when that amount writes its currency after the number: a list that names it once
    ("Solana with 17,1 million, Binance-Coin with 4,6 million and Chainlink with 3,8 million US-Dollar",
     [("17,1 million", 17.1, 0.05, False), ("4,6 million", 4.6, 0.05, False), ("3,8 million US-Dollar", 3.8, 0.05, False)]),
    # French writers put the dollar sign after the scale: "793 M$", "2,2 Md$" (not a cashtag: "5 M$BTC")
    ("Canada (19,4 M$), Switzerland (10,4 M$) and Hong Kong (23,1 Md$)",
     [("19,4 M$", 19.4, 0.05, False), ("10,4 M$", 10.4, 0.05, False), ("23,1 Md$", 23100, 50, False)]),
    ("AuM rose to 140 Md$, 500 k$ of it new; buy 5 M$BTC, \x9b31m$1.09 billion", [("140 Md$", 140000, 5000, False), ("500 k$", 0.5, 0.05, False), ("$1.09 billion", 1090, 5, False)]),
    # Italian translations: "respectively 62,9 and 48,5 millions of dollars" (the pair in either order); a plural scale
    ("which have collected respectively 62,9 and 48,5 millions of dollars", [("62,9", 62.9, 0.05, False), ("48,5 millions of dollars", 48.5, 0.05, False)]),
    ("outflows for 555 billions of dollars, while from Bitcoin have been withdrawn 460 millions.",
     [("555 billions of dollars", 555000, 500, False), ("460 millions", 460, 5, False)]),
    # (also when that amount lends its currency to the figure before it)
    ("Solana took 17.1 million, while XRP saw 6.2 million and 9.8 million dollars",
     [("17.1 million", 17.1, 0.05, False), ("6.2 million", 6.2, 0.05, False), ("9.8 million dollars", 9.8, 0.05, False)]),
    # ... but not before a dollar sign, nor of coins, users or another currency
    ("ether captured 496 million last week", []),
    ("ether captured 496 million, bitcoin $1.2 billion", [("$1.2 billion", 1200, 50, False)]),
    ("Funds drew $1bn; the 21 million bitcoin supply, 5 million users", [("$1bn", 1000, 500, False)]),
    ("inflows of $38 million (around IDR 600 billion)", [("$38 million", 38, 0.5, False)]),
    ("US$ 1,9 billion (about R$ 10,4 billion), or EUR 1.6 billion", [("US$ 1,9 billion", 1900, 50, False)]),
])
def test_find_amounts_other_writings(text, expected):
    got = [(a.text, pytest.approx(a.value), pytest.approx(a.precision), a.signed) for a in numbers.find_amounts(text)]
    assert got == expected


@pytest.mark.parametrize("text", ["4 hours ago", "January 26, 2026", "three dimensions", "63%", "the 2025 high",
                                  # the tail of a number the words spell is no amount of its own
                                  "two hundred and fifteen million dollars", "six point four eight billion dollars"[4:]])
def test_no_amount(text):
    assert numbers.parse_amount(text) is None


@pytest.mark.parametrize("text,value,precision", [
    # decimals and halves spelled out (a TV script, a translation), German abbreviations
    ("one-point-four-seven billion dollars", 1470, 5), ("one point four eight billion dollars", 1480, 5),
    ("two-and-a-half billion dollars", 2500, 250), ("352 Mio. US-Dollar", 352, 0.5), ("1,16 Mrd. US-Dollar", 1160, 5),
    ("US$ 2 Mrd", 2000, 500), ("454 million dollar", 454, 0.5),
])
def test_spelled_decimals_and_german_scales(text, value, precision):
    a = numbers.parse_amount(text)
    assert (a.text, a.value, a.precision) == (text, pytest.approx(value), pytest.approx(precision))


@pytest.mark.parametrize("prefix,kind", [
    ("recorded approximately ", "approx"), ("about ", "approx"), ("around ", "approx"), ("roughly ", "approx"),
    ("some ", "approx"), ("nearly ", "nearly"), ("almost ", "nearly"), ("close to ", "nearly"), ("over ", "over"),
    ("more than ", "over"), ("above ", "over"), ("at least ", "at_least"), ("under ", "under"), ("less than ", "under"),
    ('outflows of "over ', "over"), ("inflows of ", None), ("Bitcoin ", None),
    ("outflows of ~", "approx"), ("US: ~", "approx"), ("outflows of ~ ", "approx"), ("aboutness ", None), ("north of ", "over"),
])
def test_hedge_before(prefix, kind):
    got = hedges.hedge_before(prefix)
    assert (got[0] if got else None) == kind


@pytest.mark.parametrize("value,precision,hedge,low,high", [
    (1700, 50, "exact", 1650, 1750),
    (1700, 50, "approx", 1615, 1785),
    (3800, 50, "approx", 3610, 3990),
    (1500, 50, "nearly", 1350, 1550),
    (1000, 500, "under", 0, 1000),
    (1000, 500, "at_least", 1000, float("inf")),
])
def test_interval(value, precision, hedge, low, high):
    lo, hi = hedges.interval(value, precision, hedge)
    assert lo == pytest.approx(low) and hi == pytest.approx(high)


def test_over_accepts_the_figure_itself():
    # the reference is rounded as well: "more than $205 million" of a week reported as $205m fits
    lo, hi = hedges.interval(205, 0.5, "over")
    assert lo == 205 and hi == float("inf")
    assert hedges.interval(1000, 500, "over") == hedges.interval(1000, 500, "at_least")


@pytest.mark.parametrize("text,article,expected", [
    ("As of January 26, 2026, in the East", date(2026, 1, 26), date(2026, 1, 26)),
    ("as of the week ending January 26, global", date(2026, 1, 26), date(2026, 1, 26)),
    ("From November 15 to 21, $1.94 billion", date(2025, 11, 24), date(2025, 11, 24)),
    ("in the seven days through May 15", date(2026, 5, 18), date(2026, 5, 18)),
    ("reversing the inflow of the previous week", date(2026, 1, 26), date(2026, 1, 19)),
    ("in the week to June 13", date(2025, 6, 16), date(2025, 6, 16)),
    ("for the week ended Friday, October 3", date(2025, 10, 6), date(2025, 10, 6)),
    ("The final full week of the year brought", date(2025, 12, 29), date(2025, 12, 29)),
    ("in the last week of the year", date(2026, 1, 5), date(2025, 12, 29)),
])
def test_week_cues(text, article, expected):
    cues = periods.week_cues(text, article)
    assert cues and cues[0].report_date == expected


@pytest.mark.parametrize("text,sources", [
    ("following $360 million the week before that", ["before-that"]),
    ("and a week earlier than that", ["before-that"]),
    ("the previous week to that", ["before-that"]),
    ("following $360 million the week before", ["previous-week"]),
    ("the prior week's $1.2 billion", ["previous-week"]),
])
def test_the_week_before_that_is_its_own_cue(text, sources):
    # "the week before that" is counted back from the week named last (by the claim rules), so it is
    # not read as the week before the article's
    assert [c.source for c in periods.week_cues(text, date(2025, 11, 17))] == sources


@pytest.mark.parametrize("text,start,end,kind", [
    ("the largest single-week outflow since mid-November 2025", date(2025, 11, 10), date(2025, 11, 20), "since"),
    ("the largest since the October crash", date(2025, 10, 10), date(2025, 10, 10), "since"),
    ("the third-largest outflow of 2026", date(2026, 1, 1), date(2026, 12, 31), "within"),
    ("a record", None, None, "all"),
    ("the lowest volume since July 2025", date(2025, 7, 1), date(2025, 7, 31), "since"),
    ("the lowest since April", date(2025, 4, 1), date(2025, 4, 30), "since"),
    # a month: the reports of the weeks that end in it (a Friday on the 1st is reported on the 4th)
    ("the second-largest weekly outflow of November", date(2025, 11, 4), date(2025, 12, 3), "within"),
    ("the biggest haul in January 2026", date(2026, 1, 4), date(2026, 2, 3), "within"),
    # a fund's whole life: all the data there is
    ("their largest weekly inflow since inception", None, None, "all"),
    ("the biggest week since launch", None, None, "all"),
    ("its largest outflow since its launch", None, None, "all"),
])
def test_anchor(text, start, end, kind):
    anchor, _ = periods.parse_anchor(text, date(2026, 1, 26))
    assert (anchor.start, anchor.end, anchor.kind) == (start, end, kind)


@pytest.mark.parametrize("d,report", [
    (date(2026, 1, 26), date(2026, 1, 26)),  # Monday: the report itself
    (date(2026, 1, 27), date(2026, 1, 26)),  # published Tuesday
    (date(2026, 2, 1), date(2026, 1, 26)),   # Sunday
])
def test_report_for_publication(d, report):
    assert periods.report_for_publication(d) == report


@pytest.mark.parametrize("d,report", [
    (date(2026, 1, 23), date(2026, 1, 26)),  # the Friday the week ended
    (date(2026, 1, 26), date(2026, 1, 26)),  # the report's own Monday
    (date(2026, 1, 24), date(2026, 1, 26)),
])
def test_report_for_week_ending(d, report):
    assert periods.report_for_week_ending(d) == report


def test_article_date_from_dateline():
    d, how = periods.article_date_from_text("LONDON, June 16, 2025 - CoinShares said")
    assert d == date(2025, 6, 16) and "dateline" in how


# --- runs and streaks placed in an earlier month -----------------------------------------------------
PAST_MONTHS = [
    # text, article report, the report the cue names (None: no cue)
    ("the five-week outflow run that ended in late February", date(2026, 3, 16), date(2026, 2, 23)),
    ("a clear shift from February, when five straight weeks", date(2026, 3, 16), date(2026, 2, 23)),
    ("the streak that ended in December", date(2026, 1, 12), date(2025, 12, 29)),
    ("the run ended in March", date(2026, 3, 16), None),            # this month: not an earlier one
    ("the run ended in May 2025", date(2026, 3, 16), None),          # a dated phrase is left to the date rules
    ("$1bn ended in May", date(1, 1, 8), None),                     # before year 1: no report, no error
    ("$1bn from May, when", date(1, 1, 1), None),
]


@pytest.mark.parametrize("text,report,expected", PAST_MONTHS)
def test_past_month_cues(text, report, expected):
    found = [c.report_date for c in periods.week_cues(text, report) if c.source == "text"]
    assert found == ([expected] if expected else [])


# --- a figure placed in part of a month, or some weeks back --------------------------------------------------------------
PART_MONTHS = [
    # text, article report, the report the cue names (None: no cue)
    ("inflows registered in the middle of March", date(2026, 3, 30), date(2026, 3, 16)),  # Fridays 13 and 20: the 13th
    ("the $2B booked at the start of the month", date(2025, 5, 26), date(2025, 5, 5)),    # Friday 2 May
    ("outflows in late February", date(2026, 3, 9), date(2026, 3, 2)),                  # Friday 27 Feb
    ("in mid-December", date(2026, 1, 12), date(2025, 12, 15)),                         # last year's December
    ("at the end of the month", date(2026, 1, 26), None),                               # Friday 30 Jan: after the article
    ("since the run began in early January", date(2026, 3, 30), None),                  # where a run starts
    ("the streak that ended in late February", date(2026, 3, 16), date(2026, 2, 23)),  # the past-month rule's, once
    ("in early 2025", date(2026, 3, 30), None),                                         # a year, not a month
    ("Three weeks ago, funds had drawn $2 billion", date(2025, 5, 26), date(2025, 5, 5)),  # that many reports back
    ("two weeks earlier", date(2026, 3, 30), date(2026, 3, 16)),
    ("two weeks after the inflows", date(2026, 3, 30), None),                          # after: not a week back
]


@pytest.mark.parametrize("text,report,expected", PART_MONTHS)
def test_part_of_month_cues(text, report, expected):
    found = [c.report_date for c in periods.week_cues(text, report) if c.source == "text"]
    assert found == ([expected] if expected else [])
