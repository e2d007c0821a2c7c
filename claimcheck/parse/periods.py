"""Dates, weeks and periods as pure functions.

A CoinShares weekly report is published on a Monday (its ``report_date``) and covers the week that
ended the Friday before. Everything here maps what an article writes onto report dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .caseless import Caseless

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
DATE_RE = Caseless(rf"\b(?:(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?:\s*,\s*|\s+)?(?P<y1>{_YEAR})?"
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_MON})(?:\s*,?\s*(?P<y2>{_YEAR}))?"
    rf"|(?P<y3>{_YEAR})-(?P<mo3>[01]\d)-(?P<d3>[0-3]\d))(?!\d)")
MONTH_YEAR_RE = Caseless(rf"\b(?P<m>{_MON})(?:\s+(?P<y>{_YEAR}))?\b")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: date
    has_year: bool


def monday_on_or_before(d: date) -> date:
    return d - timedelta(days=d.weekday())


def monday_on_or_after(d: date) -> date:
    return d + timedelta(days=(7 - d.weekday()) % 7)


def report_for_week_ending(d: date) -> date:
    """The report that covers a week said to end on ``d``.

    Writers use both the Friday the week ended and the Monday the report came out: a Monday
    stands for itself, any other day for the next Monday.
    """
    return monday_on_or_after(d)


def report_for_publication(d: date) -> date:
    """The latest report an article published on ``d`` can retell (the Monday on or before)."""
    return monday_on_or_before(d)


def week_before(d: date) -> date | None:
    """The report a week before ``d`` (None at the start of the calendar)."""
    return d - timedelta(days=7) if d > date.min + timedelta(days=7) else None


def last_report_of_year(year: int) -> date:
    """The last weekly report of a calendar year's weeks, which carries the year's total: the report
    of the last week that ends (on a Friday) in that year, so the Monday after it, which is in
    January when the year ends on a Friday to Sunday (2028: the report of Monday 1 January 2029)."""
    try:
        return monday_on_or_before(date(year, 12, 31) + timedelta(days=3))
    except OverflowError:  # year 9999
        return monday_on_or_before(date(year, 12, 31))


def reports_since(text: str, article_report: date | None) -> int | None:
    """How many weekly reports follow the day named ("May 11", "11 May 2026") up to ``article_report``.

    "Outflows since May 11" (report of 2026-05-25): the reports of May 18 and May 25, so 2.
    None when the day cannot be read or does not lie before the report."""
    if article_report is None:
        return None
    found = find_dates(text, article_report.year)
    if not found:
        return None
    day = found[0].value
    if not found[0].has_year and day > article_report:  # "since December 15" in a January article
        day = _mk_date(day.year - 1, day.month, day.day)
    if day is None or day >= article_report:
        return None
    try:
        first = day + timedelta(days=7 - day.weekday())  # the first Monday after the day
    except OverflowError:  # the last days of year 9999
        return None
    n = (article_report - first).days // 7 + 1
    return n if n >= 1 else None


def _mk_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except (ValueError, OverflowError):
        return None


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """Calendar dates written in ``text`` ("January 26, 2026", "26 Jan", "2026-01-26")."""
    out: list[DateMention] = []
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        if g["y3"]:
            d = _mk_date(int(g["y3"]), int(g["mo3"]), int(g["d3"]))
            has_year = True
        else:
            mon = (g["m1"] or g["m2"]).rstrip(".").lower()
            day = int(re.match(r"\d+", g["d1"] or g["d2"]).group(0))
            y = g["y1"] or g["y2"]
            has_year = y is not None
            if not has_year and default_year is None:
                continue
            d = _mk_date(int(y) if y else default_year, MONTHS[mon], day)
        if d is not None:
            out.append(DateMention(m.start(), m.end(), m.group(0), d, has_year))
    return out


def nearest_year(month: int, day: int, around: date) -> date | None:
    """A month/day without a year, read as the date nearest to ``around``."""
    best = None
    for y in (around.year - 1, around.year, around.year + 1):
        d = _mk_date(y, month, day)
        if d and (best is None or abs((d - around).days) < abs((best - around).days)):
            best = d
    return best


# cues that move a claim to another week than the article's
PREVIOUS_WEEK_RE = Caseless(r"\b(?:(?:the\s+)?(?:previous|prior|preceding)\s+week(?!\s+to\s+that\b)|the\s+week\s+before(?!\s+(?:the\s+)?(?:Christmas|Xmas|holidays?|festive|year-end|that\b))|a\s+week\s+(?:earlier|before|ago)(?!\s+(?:than\s+)?that\b)"
    r"|(?:the\s+)?week\s+(?:prior|previous\b(?!\s+to\s+that\b))|last\s+week's\s+(?:record\s+)?(?:inflow|outflow)s?\s+of"
    r"|(?:the\s+)?(?:previous|prior|preceding)\s+(?:weekly\s+)?report"
    r"|(?:follows|followed|following|after)\s+a\s+week\s+(?:in\s+which|when|that\s+saw))\b")
# "following $360 million the week before that": the week before the one named last (resolved by the
# claim rules; on its own, the week before the article's)
BEFORE_THAT_RE = Caseless(r"\b(?:the|a)\s+week\s+(?:before|earlier|prior\s+to|previous\s+to|earlier\s+than)\s+that\b|\bthe\s+(?:previous|prior|preceding)\s+week\s+to\s+that\b")
# "Three weeks ago, funds had drawn $2 billion": that many reports back
# the same weeks of an earlier year: "the $6 billion seen over the same period of 2025", "... of last year"
SAME_PERIOD_RE = Caseless(r"\b(?:over|in|during|for)\s+the\s+same\s+(?:period|stretch|weeks|time)\s+(?:of|in)\s+(?:(?P<year>20\d\d)\b|(?P<last>last\s+year|the\s+previous\s+year)\b)"
                          r"|(?<!\bsince\s)\ba\s+year\s+(?:ago|earlier)\b(?!\s+than\b)")
WEEKS_AGO_RE = Caseless(r"\b(?P<n>two|three|four|five|six|seven|eight|[2-9])\s+weeks\s+(?:ago|earlier|before|prior)\b")
# "the (last full) week before Christmas": the last week that ended before 25 December
HOLIDAY_WEEK_RE = Caseless(r"\b(?:the\s+)?(?:last\s+)?(?:full\s+)?(?:trading\s+)?week\s+(?:before|ahead\s+of|leading\s+(?:up\s+)?to|prior\s+to)\s+"
                           r"(?:the\s+)?(?:Christmas|Xmas|(?:Christmas\s+|festive\s+|year-end\s+)?holidays?)\b")
THIS_WEEK_RE = Caseless(r"\b(?:last|this|the\s+past|the\s+latest)\s+week\b(?!'s)")
WEEK_ENDING_RE = Caseless(rf"\b(?:week|seven\s+days|period)\s+(?:ending|ended|to|through|thru|until|up\s+to)\s+(?:(?:on\s+)?(?:Friday|Saturday|Sunday|Monday),?\s+)?(?P<date>(?:{_MON})\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?)"
    rf"|\b(?:from|between)\s+(?:{_MON}\s+)?{_DAY}(?:\s+{_MON})?\s+(?:to|and|-|–)\s+(?P<date2>(?:{_MON})\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}(?:\s+{_MON})?(?:,?\s+{_YEAR})?)"
    rf"|\bas\s+of\s+(?P<date3>(?:{_MON})\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?)")
_MONTH_OF_RANGE_RE = Caseless(rf"(?:from|between)\s+(?P<mon>{_MON})")
# the report itself named by its date: "in its report of September 15", "the February 23 report"
REPORT_OF_RE = Caseless(rf"\breport\s+(?:of|dated|from|published\s+on|released\s+on)\s+(?:Monday,?\s+)?(?P<date>(?:{_MON})\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?)"
                        rf"|\b(?P<date2>(?:{_MON})\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?)\s+report\b")


@dataclass(frozen=True)
class WeekCue:
    start: int
    end: int
    text: str
    report_date: date
    source: str  # "text" (a written date) | "previous-week" | "article" (this week) | "earlier" (an earlier week, not named)
    # | "before-that" (the week before the one named last)


# a run or streak placed in an earlier month: "the five-week outflow run that ended in late February",
# "a shift from February, when five straight weeks of redemptions drained $4 billion" (its last report)
PAST_MONTH_RE = Caseless(rf"\b(?:ended|ending|finished)\s+in\s+(?:(?:early|mid|late)[\s-]+)?(?P<mon>{_MON})(?!\s*\d)"
    rf"|\b(?:from|in|during)\s+(?:(?:early|mid|late)[\s-]+)?(?P<mon2>{_MON}),?\s+when\b")


# a figure placed in part of a past month: "the 1.06 billion dollars of inflows registered in the
# middle of March", "the $2B booked at the start of the month", "outflows in late February"
PART_OF_MONTH_RE = Caseless(rf"\b(?:in|at|during)\s+(?:the\s+)?(?:(?P<part>mid|early|late)[\s-]+|(?P<part2>start|beginning|middle|end)\s+of\s+)(?:(?P<mon>{_MON})(?!\s*\d)|the\s+month\b)")
# "as of the first week of January", "in the first week of the new year", "the last week of March"
# ("the second week of the month": the report of the month's second Friday)
MONTH_WEEK_RE = Caseless(rf"(?:^[\s\-•*]*+|\b(?:in|at|during|as\s+of|for|over)\s+)(?:the\s+)?(?P<part>first|second|third|fourth|last|final)\s+(?:full\s+)?week\s+of\s+"
                         rf"(?:(?P<mon>{_MON})(?!\s*\d)|the\s+(?P<year>new\s+year|year)|the\s+month)\b")
_RUN_BOUND_RE = Caseless(r"\b(?:began|begun|begin|begins|started|starting|start|starts|since|from|until|till|through|ended|ending|ends)\s+$")
_PART_OF = {"mid": "mid", "middle": "mid", "early": "early", "start": "early", "beginning": "early", "late": "late", "end": "late",
            "first": "early", "last": "late", "final": "late"}
_PART_FRIDAY = {"mid": 15, "early": 1, "late": 31}  # the day a part of a month centres on


_NTH = {"second": 2, "third": 3, "fourth": 4}


def _month_year(month: int, article_report: date) -> int:
    """The year of ``month`` as an article of the week ``article_report`` means it: this month, or the latest one before."""
    return _year_before(month, article_report) if month != article_report.month else article_report.year


def nth_week_report(month: int, n: int, article_report: date) -> date | None:
    """The report of the week that ends on the ``n``-th Friday of ``month`` (the latest such month
    not after the article's week); None when there is no such week or it is after the article's."""
    y = _month_year(month, article_report)
    try:
        first = date(y, month, 1)
        friday = first + timedelta(days=(4 - first.weekday()) % 7 + 7 * (n - 1))
        report = report_for_week_ending(friday)
    except (ValueError, OverflowError):
        return None
    return report if friday.month == month and report <= article_report else None


def part_of_month_report(month: int, part: str, article_report: date) -> date | None:
    """The report of the week, ending on a Friday inside that part of the month (early: days 1-10,
    mid: 10-20, late: 20-end), nearest to the part's own day (the 1st, the 15th, the last day);
    the month is the latest one not after the article's week. None for a week after the article's."""
    y = _month_year(month, article_report)
    part = _PART_OF[part]
    try:
        a, b = _month_span(y, month, part)
    except (ValueError, OverflowError):
        return None
    fridays = [a + timedelta(days=k) for k in range((b - a).days + 1) if (a + timedelta(days=k)).weekday() == 4]
    if not fridays:
        return None
    day = min(_PART_FRIDAY[part], b.day)
    try:
        report = report_for_week_ending(min(fridays, key=lambda f: (abs(f.day - day), f)))
    except OverflowError:
        return None
    return report if report <= article_report else None


# "nine straight weeks of outflows earlier in the year": some earlier weeks, not named
EARLIER_RE = Caseless(r"\bearlier\s+(?:in\s+the\s+year|this\s+year|in\s+20\d\d|in\s+the\s+month|this\s+month)\b")


def _in_year(d: DateMention, article_report: date | None) -> date:
    """A written date; one written without its year is taken in the year that puts it nearest the article."""
    if not d.has_year and article_report:
        return nearest_year(d.value.month, d.value.day, article_report) or d.value
    return d.value


def week_cues(text: str, article_report: date | None) -> list[WeekCue]:
    """Phrases in ``text`` that name the week a figure belongs to."""
    out: list[WeekCue] = []
    year = article_report.year if article_report else None
    for m in WEEK_ENDING_RE.finditer(text):
        raw = m.group("date") or m.group("date2") or m.group("date3")
        ds = find_dates(raw, default_year=year)
        if not ds and m.group("date2") and re.fullmatch(rf"{_DAY}(?:,?\s+{_YEAR})?", raw.strip()):
            mon = _MONTH_OF_RANGE_RE.search(m.group(0))
            if mon:
                ds = find_dates(f"{mon.group('mon')} {raw}", default_year=year)
        if not ds:
            continue
        value = _in_year(ds[0], article_report)
        try:
            report = report_for_week_ending(value)
        except OverflowError:  # the last days of year 9999: no report
            continue
        out.append(WeekCue(m.start(), m.end(), m.group(0), report, "text"))
    for m in REPORT_OF_RE.finditer(text):
        ds = find_dates(m.group("date") or m.group("date2"), default_year=year)
        if not ds:
            continue
        value = _in_year(ds[0], article_report)
        try:  # a date from Friday on names the next Monday's report (the week it ends)
            out.append(WeekCue(m.start(), m.end(), m.group(0), monday_on_or_before(value + timedelta(days=3)), "text"))
        except OverflowError:
            continue
    if article_report:
        for m in PAST_MONTH_RE.finditer(text):
            mon = MONTHS[(m.group("mon") or m.group("mon2")).rstrip(".").lower()]
            y = _year_before(mon, article_report)
            try:
                report = monday_on_or_before(_month_span(y, mon, None)[1])
            except (ValueError, OverflowError):  # a month before year 1: no report
                continue
            if report < article_report:
                out.append(WeekCue(m.start(), m.end(), m.group(0), report, "text"))
        for m in PART_OF_MONTH_RE.finditer(text):
            if _RUN_BOUND_RE.search(text, max(0, m.start() - 16), m.start()):
                continue  # "since the run began in early January": where a run starts, not the figure's week
            mon = MONTHS[m.group("mon").rstrip(".").lower()] if m.group("mon") else article_report.month
            report = part_of_month_report(mon, (m.group("part") or m.group("part2")).lower(), article_report)
            if report is not None:
                out.append(WeekCue(m.start(), m.end(), m.group(0), report, "text"))
        for m in MONTH_WEEK_RE.finditer(text):
            if m.group("year") and m.group("part").lower() in ("last", "final"):
                # "the final full week of the year": the last report of the year, the one closing or just closed
                y = article_report.year if article_report.month == 12 else article_report.year - 1
                if 1 <= y and (report := last_report_of_year(y)) <= article_report:
                    out.append(WeekCue(m.start(), m.end(), m.group(0), report, "text"))
                continue
            mon = 1 if m.group("year") else MONTHS[m.group("mon").rstrip(".").lower()] if m.group("mon") else article_report.month
            part = m.group("part").lower()
            report = nth_week_report(mon, _NTH[part], article_report) if part in _NTH else part_of_month_report(mon, part, article_report)
            if report is not None:
                out.append(WeekCue(m.start(), m.end(), m.group(0), report, "text"))
        for m in HOLIDAY_WEEK_RE.finditer(text):
            y = article_report.year if article_report >= date(article_report.year, 12, 20) else article_report.year - 1
            if y < 1:
                continue
            christmas = date(y, 12, 25)
            friday = christmas - timedelta(days=(christmas.weekday() - 4) % 7 or 7)  # the Friday before
            out.append(WeekCue(m.start(), m.end(), m.group(0), report_for_week_ending(friday), "text"))
        for m in WEEKS_AGO_RE.finditer(text):
            k = m.group("n").lower()
            try:
                report = article_report - timedelta(days=7 * (int(k) if k.isdigit() else _WORDN[k]))
            except OverflowError:  # before year 1: no report
                continue
            out.append(WeekCue(m.start(), m.end(), m.group(0), report, "text"))
        for m in SAME_PERIOD_RE.finditer(text):
            y = int(m.group("year")) if m.group("year") else article_report.year - 1
            if 1 <= y < article_report.year:
                day = article_report.replace(year=y, day=28) if (article_report.month, article_report.day) == (2, 29) else article_report.replace(year=y)
                try:
                    report = monday_on_or_before(day + timedelta(days=3))  # the report nearest that day
                except OverflowError:
                    continue
                out.append(WeekCue(m.start(), m.end(), m.group(0), report, "text"))
        for m in THIS_WEEK_RE.finditer(text):
            out.append(WeekCue(m.start(), m.end(), m.group(0), article_report, "article"))
        for m in EARLIER_RE.finditer(text):  # an earlier week the text does not name
            out.append(WeekCue(m.start(), m.end(), m.group(0), article_report, "earlier"))
        before = week_before(article_report)
        for m in BEFORE_THAT_RE.finditer(text):
            if before is not None:
                out.append(WeekCue(m.start(), m.end(), m.group(0), before, "before-that"))
        for m in PREVIOUS_WEEK_RE.finditer(text):
            if before is not None:
                out.append(WeekCue(m.start(), m.end(), m.group(0), before, "previous-week"))
    return sorted(out, key=lambda c: c.start)


DATELINE_RE = re.compile(
    rf"^[^\S\n]*(?:[A-Z][A-Za-z .'-]{{1,30}},\s*)?(?P<date>(?:{_MON})\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MON},?\s+{_YEAR}|{_YEAR}-[01]\d-[0-3]\d)\b",
    re.MULTILINE,
)


def article_date_from_text(text: str) -> tuple[date, str] | None:
    """The article's date from a dateline, else the first full date in its opening (or anywhere).

    Returns (date, how) where ``how`` says what was used.
    """
    head = text[:3000]
    m = DATELINE_RE.search(head)
    if m:
        ds = find_dates(m.group("date"))
        if ds:
            return ds[0].value, f"dateline '{m.group('date')}'"
    for d in find_dates(head):
        if d.has_year:
            return d.value, f"date in text '{d.text}'"
    return None


# --- rank anchors ("since mid-November 2025", "of 2026", "on record") ----------------------------

@dataclass(frozen=True)
class Anchor:
    start: date | None  # first day of the anchor period (None: all time)
    end: date | None  # last day of the anchor period
    how: str
    kind: str  # "since" (largest since the anchor) | "within" (largest of a period) | "all"


_PART = r"(?P<part>mid|early|late|the\s+start\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)?[\s-]*"
SINCE_RE = Caseless(rf"\bsince\s+(?:the\s+)?(?:(?P<mon3>{_MON})(?:\s+(?P<year3>{_YEAR}))?\s+)?(?:market\s+)?crash(?:\s+of\s+(?P<mon4>{_MON})(?:\s+(?P<year4>{_YEAR}))?)?"
    rf"|\bsince\s+(?P<year2>{_YEAR})\b"
    rf"|\bsince\s+(?:the\s+)?{_PART}(?P<mon>{_MON})(?:\s+(?P<year>{_YEAR}))?\b"
    rf"|\bin\s+(?P<months>\d+|two|three|four|five|six|several|many)?\s*months\b"
    rf"|\bin\s+(?P<weeks>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)\s+weeks\b"
    rf"|\b(?P<weeks2>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-week\s+(?:high|low)\b"
    rf"|\b(?:of|in)\s+(?P<mon5>{_MON})(?:\s+(?P<year6>{_YEAR}))?\b"
    rf"|\b(?:of|in|for)\s+(?:(?:the\s+|this\s+)?year|(?P<year5>{_YEAR}))(?:\s+(?:so\s+far|to\s+date))?\b"
    rf"|\b(?P<ever>on\s+record|all[\s-]time|ever|in\s+history|record|since\s+(?:its\s+|their\s+)?(?:inception|launch))\b")
_WORDN = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "several": 3, "many": 3}
# known market events an anchor can name
EVENTS = {"crash": (date(2025, 10, 10), "the crash of 10 October 2025")}


def _month_span(y: int, m: int, part: str | None) -> tuple[date, date]:
    first = date(y, m, 1)
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
    p = (part or "").lower()
    if p == "mid" or "middle" in p:
        return date(y, m, 10), date(y, m, 20)
    if p == "early" or "start" in p or "beginning" in p:
        return first, date(y, m, 10)
    if p == "late" or "end" in p:
        return date(y, m, 20), last
    return first, last


def month_total_report(month: int, article_report: date) -> date | None:
    """The last report dated in the latest ``month`` before the article's week, whose month to date
    is that month's total ("September closed out with roughly $4B" in the report of 2025-10-06:
    2025-09-29); None when there is none before the article's report."""
    y = _year_before(month, article_report)
    try:
        report = monday_on_or_before(_month_span(y, month, None)[1])
    except (ValueError, OverflowError):
        return None
    return report if report < article_report else None


def _year_before(month: int, ref: date) -> int:
    """The year of the most recent ``month`` before the week of ``ref``."""
    return ref.year if month < ref.month or (month == ref.month and ref.day > 7) else ref.year - 1


def parse_anchor(text: str, article_report: date | None) -> tuple[Anchor, str] | None:
    """Read the window of a superlative. Returns (anchor, the words read) or None.

    None also when the window falls outside the calendar ("in 99999999 months", a report date in
    year 9999): there is nothing to compare it with.
    """
    try:
        return _parse_anchor(text, article_report)
    except (ValueError, OverflowError):
        return None


def _parse_anchor(text: str, article_report: date | None) -> tuple[Anchor, str] | None:
    m = SINCE_RE.search(text)
    if not m:
        return None
    g = m.groupdict()
    ref = article_report or date.today()
    if g["ever"]:
        return Anchor(None, None, "all time (the reference data start in May 2025)", "all"), m.group(0)
    if g["mon"]:
        mon = MONTHS[g["mon"].rstrip(".").lower()]
        y = int(g["year"]) if g["year"] else _year_before(mon, ref)
        a, b = _month_span(y, mon, g["part"])
        part = (g["part"] or "").strip()
        return Anchor(a, b, f"'{m.group(0)}' read as {a.isoformat()} to {b.isoformat()}" + (f" ({part} of the month)" if part else ""), "since"), m.group(0)
    if g["mon5"]:  # "the biggest weekly haul of May": the reports of the weeks that end in that month
        mon = MONTHS[g["mon5"].rstrip(".").lower()]
        y = int(g["year6"]) if g["year6"] else _year_before(mon, ref + timedelta(days=8))
        first, last = _month_span(y, mon, None)
        a, b = first + timedelta(days=3), last + timedelta(days=3)
        return Anchor(a, b, f"'{m.group(0)}' read as the reports from {a.isoformat()} to {b.isoformat()} (weeks ending in that month)", "within"), m.group(0)
    if g["year2"]:
        y = int(g["year2"])
        return Anchor(date(y, 1, 1), date(y, 12, 31), f"'{m.group(0)}' read as the year {y}", "since"), m.group(0)
    if "crash" in m.group(0).lower():
        d, name = EVENTS["crash"]
        mon_g = g["mon3"] or g["mon4"]
        if mon_g:
            mon = MONTHS[mon_g.rstrip(".").lower()]
            y = int(g["year3"] or g["year4"] or _year_before(mon, ref))
            if (y, mon) != (d.year, d.month):
                a, b = _month_span(y, mon, None)
                return Anchor(a, b, f"'{m.group(0)}' read as {a.isoformat()} to {b.isoformat()}", "since"), m.group(0)
        return Anchor(d, d, f"'{m.group(0)}' read as {name}", "since"), m.group(0)
    if g["weeks"] or g["weeks2"]:
        n = g["weeks"] or g["weeks2"]
        k = min(int(n), 1200) if n.isdigit() else _WORDN.get(n.lower(), 3)
        # "the highest in six weeks": the largest of the six reports ending with this one
        a = ref - timedelta(days=7 * max(k - 1, 0))
        return Anchor(a, ref, f"'{m.group(0)}' read as the {k} reports from {a.isoformat()} to {ref.isoformat()}", "within"), m.group(0)
    if "month" in m.group(0).lower():
        n = g["months"]
        k = min(int(n), 1200) if n and n.isdigit() else _WORDN.get((n or "several").lower(), 3)
        a = ref - timedelta(days=30 * k)
        return Anchor(a, a, f"'{m.group(0)}' read as since about {a.isoformat()} ({k} months)", "since"), m.group(0)
    y = int(g["year5"]) if g["year5"] else ref.year
    return Anchor(date(y, 1, 1), date(y, 12, 31), f"'{m.group(0)}' read as the year {y}", "within"), m.group(0)
