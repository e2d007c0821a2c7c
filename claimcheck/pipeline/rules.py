"""Rule functions the pipeline components call. Pure: strings and offsets in, records out.

A *target* is what a claim is about (an amount, a percent, a streak, a rank); a *modifier* is a
cue around it (hedge, direction, metric, week, a not-a-claim cue). :func:`assemble` turns the
targets of one sentence, with their modifiers and the subject mentions, into :class:`Claim`s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterator

from ..model import Claim
from ..parse import hedges, numbers, periods
from ..parse.caseless import Caseless
from .lexicon import DEFAULT_PATTERNS, MONTH_NAMES

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
}
CARDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}
CLAUSE_BREAK_RE = re.compile(
    r";|[，；：。]|\s[—–|]\s|\s-\s|:\s|,\s+(?:while|whereas|but|and|with|as|although|though|compared|against|versus|even\s+as|after|before|up\s+from|down\s+from|following|so)\b|(?<!such)(?<!\s)\s+as\s+(?=[A-Z])"
    r"|\s(?:while|whereas|but|although|whilst)\s|,\s+(?=\w+ing\s)|\s(?:after|following)\s|\sand\s(?=(?:the|its|a|an)\s)|,\s+(?=(?:[A-Z][a-z]+\s)?(?:[A-Z][\w.-]+)\s+(?:saw|recorded|posted|added|lost|shed|drew|attracted|had|took|booked|registered|logged|led|followed)\b)"
)
FUND_CONTEXT_RE = Caseless(r"\b(?:fund|funds|ETPs?|ETFs?|products?|CoinShares|investment|investors|flows?|inflows?|outflows?|redemptions?|withdraw\w*|AuM|AUM|assets|vehicles|exchange-traded)\b")


def to_int(word: str) -> int | None:
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th|\.)", w)  # "21st", and "21." as German writes it
    if m:
        return int(m.group(1))
    return ORDINALS.get(w) or CARDINALS.get(w)


@dataclass
class Cue:
    start: int  # offsets within the sentence
    end: int
    label: str
    text: str
    data: dict = field(default_factory=dict)


@dataclass
class Mention:
    start: int
    end: int
    subject: str
    text: str
    how: str  # alias | fuzzy


@dataclass
class Target:
    start: int
    end: int
    label: str  # AMOUNT | PERCENT | STREAK | RANK
    text: str
    data: dict = field(default_factory=dict)


# --- target finding ------------------------------------------------------------------------------

def _streak_direction(word: str | None) -> str | None:
    """The direction a streak's own word gives: "entries", "winning", "positive" are inflows."""
    if not word:
        return None
    if word.lower().startswith("in the"):  # "in the red", "in the green"
        return "outflow" if word.lower().endswith("red") else "inflow"
    return "inflow" if word.lower().startswith(("in", "win", "entr", "gain", "pos", "buy", "green")) else "outflow"


_WINDOW_BEFORE_RE = re.compile(r"\b(?:taking|bringing|over|in|across|past|last|previous|prior|after|of|the|those|these|to)\s+$", re.I)
_BARE_RECORD_RE = re.compile(r"(?:also\s+)?(?:a|another)\s+(?:new\s+)?record", re.I)
_YEAR_OWNS_RE = re.compile(r"\b(?:20\d\d|last\s+year)['’]s\s+$", re.I)
_CLOSES_RE = re.compile(r"\s*(?:[.;!]|$)")
_MONTH_ANCHOR_RE = re.compile(r"(?:of|in)\s", re.I)


# a sentence whose figures with no currency take the dollars of the sentences before it says what
# flowed ("XRP and Solana added 69.5 million and 45.5 million"; not "ETFs hold 1.3 million")
_FLOW_VERB_RE = Caseless(r"\b(?:in|out)flows?\b|\b(?:added|adding|drew|took\s+in|attracted|lost|shed|saw|recorded|registered|posted|pulled|captured"
                         r"|received|collected|withdrew|withdrawn|bled|poured|gained|raked|led\s+with|flowed|flowing|invested|redeemed|exited|left|gave)\b")


def find_targets(sentence: str, patterns: dict[str, re.Pattern], dollars: bool = False) -> list[Target]:
    """The targets of one sentence; ``dollars``: a sentence before it in its line had a dollar amount, so its
    scaled figures with no currency are dollars ("XRP and Solana added 69.5 million and 45.5 million")."""
    out: list[Target] = []
    for a in numbers.find_amounts(sentence, dollars and _FLOW_VERB_RE.search(sentence) is not None):
        out.append(Target(a.start, a.end, "AMOUNT", a.text, {"amount": a}))
    for m in patterns["percent"].finditer(sentence):
        raw = m.group("num")
        parsed = numbers.parse_number(raw.replace(",", "."), has_scale=True)
        if parsed:
            out.append(Target(m.start(), m.end(), "PERCENT", m.group(0), {"value": parsed[0], "precision": parsed[1]}))
    gate = patterns.get("streak_gate")
    streaks = patterns["streak"].finditer(sentence) if gate is None or gate.search(sentence) else ()
    for m in streaks:
        g = m.groupdict()
        n = None
        kind = "run"
        if g.get("card14") and _WINDOW_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start()):
            continue  # "taking two weeks of inflows to $336m", "over the past four weeks of outflows": a run's window
        for k in ("ord", "ord2", "card", "card2", "card5", "ord3", "ord4", "ord5", "card6", "card8", "card14"):
            if g.get(k):
                n = to_int(g[k])
        direction = _streak_direction(g.get("dir2") or g.get("dir3") or g.get("dir4") or g.get("dir8") or g.get("dir14"))
        if g.get("card11"):  # "in each of the last five weeks": a longer streak does not contradict it
            n, kind = to_int(g["card11"]), "each"
        if g.get("card3"):
            n, kind = to_int(g["card3"]), "first"
            direction = "inflow" if g["first_dir"].lower().startswith(("in", "green", "positive", "winning")) else "outflow"
        if g.get("days"):
            n, kind = to_int(g["days"]), "days"
            direction = "inflow" if re.search(r"inflow", m.group(0), re.I) else "outflow" if re.search(r"outflow", m.group(0), re.I) else None
        ended = g.get("card4") or g.get("card7") or g.get("card9") or g.get("card10") or g.get("card12") or g.get("card13")
        if ended:
            n, kind = to_int(ended), "ended"
            direction = _streak_direction(g.get("end_dir") or g.get("end_dir2") or g.get("end_dir3") or g.get("end_dir4") or g.get("end_dir5") or g.get("end_dir6")
                                          or g.get("end_adj") or g.get("end_adj2"))
        if n:
            out.append(Target(m.start(), m.end(), "STREAK", m.group(0), {"n": n, "kind": kind, "direction": direction}))
    for m in patterns["rank"].finditer(sentence):
        text = m.group(0).rstrip()
        if _YEAR_OWNS_RE.search(sentence, max(0, m.start() - 16), m.start()):
            continue  # "just shy of 2024's record $48.7 billion": another year's total, not a rank of this one
        if _BARE_RECORD_RE.fullmatch(text) and _CLOSES_RE.match(sentence, m.end()) and not sentence[:m.start()].rstrip().endswith(","):
            continue  # "a record" closing a sentence counts only as an aside: "$706.5M, also a record"
        g = m.groupdict()
        n = 1
        om = re.match(rf"(?:(?:the|its|their|a|an)\s+)?(\w+(?:-\w+)?)[\s-]+(?:largest|biggest|highest|lowest|smallest|strongest|weakest|heaviest|worst|best|steepest|deepest|longest)", text, re.I)
        if om and to_int(om.group(1)):
            n = to_int(om.group(1))
        anchor = g.get("anchor")
        if anchor and _MONTH_ANCHOR_RE.match(anchor) and re.search(r"\bsince\b", g.get("tail") or "", re.I):
            anchor = None  # "the largest since the sell-off in March": the month is the event's, not the window
        out.append(Target(m.start(), m.start() + len(text), "RANK", text, {"n": n, "sup": (g.get("sup") or "record").lower(), "anchor": anchor}))
    out.sort(key=lambda t: (t.start, -t.end))
    # drop targets nested in an earlier one of the same label (e.g. two streak readings); ``out`` is
    # sorted by start, so a target is nested when an earlier one of its label reaches as far
    kept: list[Target] = []
    reach: dict[str, int] = {}
    for t in out:
        if reach.get(t.label, -1) >= t.end:
            continue
        kept.append(t)
        reach[t.label] = max(reach.get(t.label, -1), t.end)
    return kept


#: the modifier cues, in the order :func:`find_cues` reads them (the modifier component's patterns)
CUE_LABELS = ("outflow", "inflow", "ytd", "mtd", "run", "aum", "volume", "daily", "share", "pct_change", "not_claim", "year", "source")


# a month-to-date cue that names its month: "October inflows" (mon), "since the start of October" (mon2)
_MTD_MONTH_RE = Caseless(rf"(?P<mon>{MONTH_NAMES})(?:['’]s)?\s+(?:net\s+)?(?:in|out)flows|(?P<mon3>{MONTH_NAMES})\s+(?:closed|ended|finished|wrapped)\b"
                         rf"|since\s+the\s+(?:start|beginning)\s+of\s+(?P<mon2>{MONTH_NAMES})\b")


def find_cues(sentence: str, patterns: dict[str, re.Pattern], article_report: date | None) -> list[Cue]:
    cues: list[Cue] = []
    for label in CUE_LABELS:
        if label not in patterns:  # a pipeline saved before this cue existed
            continue
        for m in patterns[label].finditer(sentence):
            data = {}
            if label == "year":
                written = next((m.group(k) for k in ("y", "y2", "y3", "y4", "y5", "y6") if m.group(k)), None)
                if written is None and (article_report is None or article_report.year <= 1):
                    continue  # "last year" with no article date (or year) to count from
                data["year"] = int(written) if written else article_report.year - 1
            if label == "source":
                named = next(m.group(k) for k in ("src", "src2", "src3", "src4", "src5", "src6", "src7", "src8") if m.group(k))
                data["source"] = " ".join(named.split())
            if label == "run" and m.group("since_part") and _SUPERLATIVE_BEFORE_RE.search(sentence, max(0, m.start() - 70), m.start()):
                continue  # "the largest outflow since mid-November": a rank's window, not a run
            if label == "run":
                n = next((m.group(k) for k in ("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8") if m.group(k)), None)
                data["weeks"] = to_int(n) if n else 2 if m.group("pair") or m.group("pair2") else None
                if m.group("since"):
                    data["weeks"] = periods.reports_since(m.group("since"), article_report)
                # "over the previous six weeks": the weeks before this one ("the past six weeks" include it)
                data["before"] = _BEFORE_THIS_RE.match(m.group(0)) is not None or m.group("n6") is not None or m.group("n7") is not None  # "in the six preceding weeks"
            if label == "mtd" and article_report is not None and (named := _MTD_MONTH_RE.match(m.group(0))) \
                    and periods.MONTHS[(month := named.group("mon") or named.group("mon3") or named.group("mon2")).rstrip(".").lower()] != article_report.month:
                if named.group("mon") or named.group("mon3"):
                    # "October inflows" in a November article: that month's total, its month to date at its last report
                    report = periods.month_total_report(periods.MONTHS[month.rstrip(".").lower()], article_report)
                    if report is None:
                        continue
                    data["report_date"] = report
                else:  # "since the start of October" in a November article: the weeks since then, not the month
                    label, data = "run", {"weeks": periods.reports_since(f"{month} 1", article_report), "before": False}
            cues.append(Cue(m.start(), m.end(), label, m.group(0), data))
    # a word that is both a direction and a change or not-a-claim word ("rose 5%", "dropped",
    # "liquidated") reads as the latter
    changes = {(c.start, c.end) for c in cues if c.label in ("pct_change", "not_claim")}
    cues = [c for c in cues if not (c.label in ("outflow", "inflow") and (c.start, c.end) in changes)]
    runs = [c for c in cues if c.label == "run"]
    for w in periods.week_cues(sentence, article_report):
        if any(r.start <= w.start and w.end <= r.end for r in runs):
            continue  # "combined with the prior week": a run that takes it in, not the figure's week
        cues.append(Cue(w.start, w.end, "week", w.text, {"report_date": w.report_date, "source": w.source}))
    return cues


# the words for a whole year's total, and when they mean the year just ended
_WHOLE_YEAR_RE = Caseless(r"(?:for|over)\s+the\s+year|full[\s-]year|annual|year's\s+total|the\s+whole\s+year")
_SO_FAR_RE = Caseless(r"(?<!\s)\s++(?:so\s++far|to\s++date)\b")  # "for the year so far": the running year
YEAR_CLOSED_DAYS = 9  # a report up to this day of January (its week ends by the 6th) reviews the year before


def _year_closed(article_report: date | None) -> bool:
    return article_report is not None and article_report.year > 1 and article_report.month == 1 and article_report.day <= YEAR_CLOSED_DAYS


def reviewed_year(article_report: date | None) -> int | None:
    """The year a report can review: the year just ended in the first report of January, its own
    year in its last report (which holds the full-year rows); None for any other report."""
    if _year_closed(article_report):
        return article_report.year - 1
    if article_report is not None and periods.last_report_of_year(article_report.year) == article_report:
        return article_report.year
    return None


_THAT_WEEK_RE = Caseless(r"\b(?:that|the\s+same)\s+(?:same\s+)?week\b(?!['’]s)|\bat\s+that\s+(?:point|moment|time)\b"
                         r"|(?:\d|\b(?:million|billion|bn|mn|m))\s+of\s+(?:that|those)\b(?!\s+week)")  # "Bitcoin accounted for $982 million of that"
_OF_THAT_RE = Caseless(r"(?<!\s)\s*+of\s++(?:that|those|this|it)\b(?!\s+week)")  # the lookbehind keeps a search linear
_DATED_KINDS = ("amount", "percent", "streak", "rank")  # the claims a week named elsewhere in the text can date


def _redate(claims: list[Claim], report_date: date | None, source: str, text: str) -> None:
    """Give the claims whose own text names no week (period source "article") the week named elsewhere."""
    for c in claims:
        if c.period_source == "article" and c.kind in _DATED_KINDS:
            c.report_date, c.period_source, c.period_text = report_date, source, text


def _as_year_total(c: Claim, report_date: date, text: str) -> None:
    """Read a flow as the year-to-date total of the report ``report_date`` (a closed year's: its last report)."""
    c.metric, c.report_date, c.period_source, c.period_text = "flow_ytd", report_date, "text", text


def carry_of_that(claims: list[Claim], before: Claim | None, sent_start: int) -> None:
    """"Year to date, flows still stand at $35.2B. Ethereum accounts for $11.2B of that": a part "of
    that" is of the same metric and period as the figure it is part of (``before``: the last amount
    claim of the sentence before, in the paragraph)."""
    if before is None or before.metric not in ("flow_ytd", "flow_mtd", "flow_run"):
        return
    for c in claims:
        if c.kind == "amount" and c.metric == "flow" and c.period_source == before.period_source == "article" \
                and _OF_THAT_RE.match(c.sentence, c.end - sent_start):
            c.metric, c.run_weeks = before.metric, before.run_weeks


_OPENING_CUE_CHARS = 12  # a week cue this near the start of its sentence opens it ("In the first week of ...")


def opening_week(claims: list[Claim]) -> Claim | None:
    """The claim whose week the sentence opens on ("In the first week of September, investors pulled
    $352 million"), given the claims of the first sentence of a paragraph that has any; else None."""
    return next((c for c in claims if c.period_source == "text" and c.report_date is not None and c.period_text
                 and 0 <= c.sentence.lower().find(c.period_text.lower()) <= _OPENING_CUE_CHARS), None)


def carry_opening_week(claims: list[Claim], opening: Claim | None) -> None:
    """"In the first week of September, investors pulled $352 million ... Solana extended its streak
    with $16.1 million": the claims of a paragraph whose first claim sentence opens on a week are of
    that week, unless their own text names one (``opening``: that sentence's dated claim)."""
    if opening is not None:
        _redate([c for c in claims if c.period_text is None and c.report_date != opening.report_date], opening.report_date, "text", opening.period_text)


def carry_that_week(claims: list[Claim], named: Claim | None) -> None:
    """"Weekly ETP trading volume that week sank to about $17B": "that week" is the week the text
    named last (``named``: the last claim before, in the paragraph, whose week the text gave);
    "the week before that" is the week before it."""
    if named is not None and claims and _THAT_WEEK_RE.search(claims[0].sentence):
        _redate(claims, named.report_date, named.period_source, "that week")
    for c in claims:
        if c.period_source == "before-that":  # with no week named before, the week before the article's
            if named is not None and named.report_date is not None:
                c.report_date, c.period_source = periods.week_before(named.report_date), "text"
            else:
                c.period_source = "previous-week"


_LINE_RE = re.compile(r"[^\n]+")
_SENTENCE_END_RE = re.compile(r"[.!?]\s")
_FIGURE_HINT_RE = re.compile(r"[\d$]|\b(?:billion|million|dollars?)\b", re.I)
# every dated week cue of periods.week_cues holds a digit or one of these words
_WEEK_HINT_RE = re.compile(r"\d|week|report|christmas|xmas|holiday|mid|early|late|january|february|march|april|may|june|july"
                           r"|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec", re.I)
HEADING_MAX_CHARS = 150


@dataclass
class Section:
    """What a heading dates: a report week (``week``) or a whole closed year (``year``)."""

    text: str
    week: date | None = None
    year: int | None = None


# "2025 in review", "Full-year 2025", "A recap of 2025", "2025 annual figures"
# ("The year in five lines:", "The year in numbers": the year the article closes)
_YEAR_HEADING_RE = Caseless(r"\b(?P<y>20\d\d)\b(?:[^\n]{0,40}?)\b(?:in\s+review|review|recap|full[\s-]year|annual|scorecard|in\s+the\s+books|by\s+the\s+numbers|in\s+numbers)\b"
                            r"|\b(?:review|recap)\s+of\s+(?P<y2>20\d\d)\b|\b(?:full[\s-]year|annual)\s+(?P<y3>20\d\d)\b"
                            r"|^(?:the\s+)?(?P<this>year)\s+(?:in\s+(?:review|numbers|brief|\w+\s+lines|the\s+books)|by\s+the\s+numbers)\b")


def headings(text: str, article_report: date | None) -> Iterator[tuple[int, int, Section | None]]:
    """(start, end, what it dates or None) of each heading of ``text``: a line of its own, short, with
    no figure and no sentence end ("Last week: report of Monday, May 19 (week ending Friday, May 16)",
    "2025 in review", "My take")."""
    for m in _LINE_RE.finditer(text):
        line = m.group(0).strip()
        intro = line.endswith(":")  # a line that opens a list ("The year in five lines:") heads it only when it dates it
        if not line or len(line) > HEADING_MAX_CHARS or line.endswith((".", "!", "?", ",", ";")) or (intro and _SENTENCE_END_RE.search(line)):
            continue
        if _FIGURE_HINT_RE.search(line) and numbers.find_amounts(line):
            continue  # a line with a figure ("- Bitcoin: +$867M") is no heading
        section = None
        if _WEEK_HINT_RE.search(line):  # (the week cues are only looked for where one could be)
            week = next((w for w in reversed(periods.week_cues(line, article_report)) if w.source == "text"), None)
            if week is not None:
                section = Section(week.text, week=week.report_date)
        if section is None and article_report is not None and (y := _YEAR_HEADING_RE.search(line)):
            if y.group("this"):  # the year a late-December report closes, or the one a January review looks back on
                year = reviewed_year(article_report)
            else:
                year = int(y.group("y") or y.group("y2") or y.group("y3"))
            if year is not None and (year < article_report.year or periods.last_report_of_year(year) == article_report):
                section = Section(line, year=year)  # a review of a closed year
        if section is not None or not intro:
            yield m.start(), m.end(), section


def carry_sections(text: str, claims: list[Claim], article_report: date | None) -> None:
    """A heading that names a week dates the claims of its section (up to the next heading) whose
    own text names none; under one that reviews a closed year, a flow with no period of its own is
    that year's total. Run on the whole text, after its pieces: a section may span several."""
    marks = list(headings(text, article_report))
    if not any(section for _, _, section in marks):
        return
    k, section = 0, None
    for c in sorted(claims, key=lambda c: c.start):
        while k < len(marks) and marks[k][1] <= c.start:
            section = marks[k][2]
            k += 1
        if section is None:
            continue
        if section.week is not None:
            _redate([c], section.week, "text", f"the heading '{section.text}'")
        elif c.period_source == "article" and c.kind == "amount" and c.metric in ("flow", "flow_ytd") \
                and not re.search(rf"\b{section.year + 1}\b", c.sentence):  # (not "the first days of 2026 brought ...")
            _as_year_total(c, periods.last_report_of_year(section.year), f"the heading '{section.text}'")


def closed_year_total(claims: list[Claim], article_report: date | None) -> Claim | None:
    """A claim of these that gives the total of the year just ended, in the first report of January
    ("US$47.2bn over the whole of 2025"), or of the year the report closes, in its last report ("by
    results of the 2025 year made net $47.2 billion" of 2025-12-29): the figures after it are the year's too."""
    year = reviewed_year(article_report)
    if year is None:
        return None
    if year < article_report.year:
        return next((c for c in claims if c.kind == "amount" and c.metric == "flow_ytd" and c.period_source == "text"
                     and c.report_date is not None and c.report_date.year < article_report.year), None)
    return next((c for c in claims if c.kind == "amount" and c.metric == "flow_ytd" and c.report_date == article_report
                 and c.period_text is not None and re.search(rf"\b{year}\b", c.period_text)), None)


def carry_closed_year(claims: list[Claim], cues: list[Cue], sent_start: int, article_report: date | None, total: Claim) -> bool:
    """In a review of the year just ended (``total``: its first figure, earlier in the block or the
    sentence), read a figure with no period of its own ("- Ethereum attracted approximately
    US$12.7bn", "..., with Germany at $2.5 billion") as that year's. Returns False when the text
    turns to the new year or to a week, which ends the review."""
    # the year the text turns to: the one after the year reviewed
    reviewed = reviewed_year(article_report)
    this_year = (reviewed if reviewed is not None else getattr(article_report, "year", 0)) + 1
    new_year = re.compile(rf"\b{this_year}\b|\b(?:this|the\s+new)\s+year\b", re.I)
    if claims and total.sentence != claims[0].sentence and new_year.search(claims[0].sentence):
        return False  # "- $582m: net inflows in the first report of 2026"
    for c in claims:
        if c.start <= total.start:
            continue
        if new_year.search(c.sentence, max(0, total.end - sent_start), c.start - sent_start) \
                or c.period_source not in ("article", "text") or (c.period_source == "text" and c.metric == "flow") \
                or (c.period_source == "article" and c.period_text is not None and c.metric == "flow"):  # "last week, funds drew ..."
            return False
        if c.kind == "amount" and c.metric in ("flow", "flow_ytd") and c.period_source == "article":
            _as_year_total(c, total.report_date, f"the year's review ('{total.period_text}' before it)")
    return not new_year.search(claims[-1].sentence if claims else "")


# week sources the text itself names (a date, "the previous week", "earlier in the year"): no rule moves them
_NAMED_WEEK = ("text", "previous-week", "earlier")
_POSSESSIVE_GAP_RE = re.compile(r"['’]s\s+(?:(?:net|total|record|combined)\s+)?")
_PHRASE_BREAK_RE = re.compile(r"[,;:(]|\s[—–-]\s")
_AGAINST_TREND_RE = Caseless(r"\b(?:buck(?:ed|ing|s)?|defi(?:ed|es)|defying|went\s+against|going\s+against|ran\s+against|swam\s+against)\s+the\s+(?:trend|tide|selling|exodus)\b")
_SUPERLATIVE_BEFORE_RE = Caseless(r"\b(?:largest|biggest|highest|lowest|smallest|strongest|weakest|heaviest|worst|best|steepest|deepest|most|least|first)\b[^.;!?]*$")
_BEFORE_THIS_RE = Caseless(r"(?:(?:over|in|across|during|for)\s+)?(?:the\s+)?(?:previous|prior|preceding)\b")

LABEL_MAX_WORDS = 5


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause bounds of a sentence. A colon after a short label ("- Switzerland: +$126.8 million",
    "- Trading volume: $53bn", "- 92%: bitcoin's share") joins the label to what follows, and so
    do the bars of a table row ("| Bitcoin | -$719m | ... |")."""
    bounds = [0]
    row = sentence.startswith("|")  # a table row: one clause, its figures nearest the cells that name them
    for m in CLAUSE_BREAK_RE.finditer(sentence):
        if row and m.group(0).strip() == "|":
            continue
        if m.group(0).startswith(":") and len(sentence[bounds[-1]:m.start()].split()) <= LABEL_MAX_WORDS:
            continue
        bounds.append(m.start())
    bounds.append(len(sentence))
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def clause_of(pos: int, cls: list[tuple[int, int]]) -> tuple[int, int]:
    for a, b in cls:
        if a <= pos < b:
            return (a, b)
    return cls[-1] if cls else (0, pos + 1)


def _dist(c_start: int, c_end: int, t: Target) -> int:
    if c_end <= t.start:
        return t.start - c_end
    if c_start >= t.end:
        return c_start - t.end
    return 0


def nearest(cues: list[Cue], labels: tuple[str, ...], t: Target, lo: int, hi: int, after_weight: float = 1.5, max_dist: int = 10_000) -> Cue | None:
    best, best_d = None, None
    for c in cues:
        if c.label not in labels or c.start < lo or c.end > hi:
            continue
        if c.start >= t.start and c.end <= t.end:
            continue  # cues inside the target itself (e.g. "up" in "up to") are not modifiers
        d = _dist(c.start, c.end, t)
        if d > max_dist:
            continue
        w = d * (after_weight if c.start >= t.end else 1.0)
        if best_d is None or w < best_d:
            best, best_d = c, w
    return best


# --- subjects ------------------------------------------------------------------------------------

ANAPHOR_RE = Caseless(r"\b(?:it|its|they|their|them|these|those)\b|\bthe\s+(?:figure|amount|number|sum)\b")


_LEADS_WHOLE_RE = Caseless(r"(?<!\s)(?:\s++(?:funds?|products?|ETPs?|ETFs?|vehicles|investors|clients))?\s++(?:lead|leads|led|drive|drives|drove|dominate|dominates|dominated)\s++(?:a|an|the)\s++(?:(?:total|combined|broad|market-wide|sector-wide|overall)\s++)?(?:US)?\$?")
_POSSESSIVE_AMOUNT_RE = re.compile(r"['’]s\s++(?:(?:US|USD|C|A)?\$|€|£)?\s*+(?!(?:19|20)\d\d\b)\d")
_OWN_AMOUNT_RE = re.compile(r"(?<!\s)\s++(?:at|with)\s++(?:(?:about|around|roughly|nearly|some|over)\s++)?(?:(?:US|USD|C|A)?\$|€|£)\s*+\d")
_FLOWS_IN_RE = re.compile(r"(?<!\s)\s++(?:of|in)\s++(?:net\s++)?(?:(?:in|out)-?flows?|redemptions|withdrawals)\s++(?:in|from|into|out\s++of)\s++(?:the\s++)?", re.I)


def pick_subject(mentions: list[Mention], t: Target, clause: tuple[int, int], sentence_len: int,
                 previous: list[Mention] | None = None, sentence_text: str | None = None) -> tuple[Mention | None, str]:
    lo, hi = clause
    if sentence_text:  # "$1.8 million of outflows in Sweden": the subject the flows are said to be in
        attached = [m for m in mentions if t.end < m.start <= t.end + 40 and _FLOWS_IN_RE.fullmatch(sentence_text, t.end, m.start)]
        if attached:
            return attached[0], "attached-after"
    before = [m for m in mentions if lo <= m.start and m.end <= t.start]
    if sum(m.subject.startswith("provider:") for m in mentions) >= 3:
        # "managers such as BlackRock, Bitwise, Fidelity and 21Shares": a list is not the subject
        mentions = [m for m in mentions if not m.subject.startswith("provider:")]
        before = [m for m in mentions if lo <= m.start and m.end <= t.start]
    if before and sentence_text and _LEADS_WHOLE_RE.fullmatch(sentence_text, before[-1].end, t.start):
        return None, "led-whole"  # "Ether and bitcoin funds lead a $1.73 billion retreat": the whole they lead
    if before:
        last = before[-1]
        # a compound noun phrase ("US spot Bitcoin ETFs", "US-listed digital asset products"):
        # the specific subject wins over the total, an asset over a region or provider
        close = [m for m in before if 0 <= last.start - m.end <= 12 and m is not last] + [last]
        specific = [m for m in close if m.subject != "total"]
        assets = [m for m in specific if m.subject.startswith("asset:")]
        return (assets[-1] if assets else specific[-1] if specific else last), "clause-before"
    after = [m for m in mentions if m.start >= t.end and m.end <= hi and m.start - t.end <= 80]
    if sentence_text:  # "to US$84m, ahead of Solana's US$76m", "overtaking Solana at $76m": that subject owns the amount after it
        after = [m for m in after if not _POSSESSIVE_AMOUNT_RE.match(sentence_text, m.end) and not _OWN_AMOUNT_RE.match(sentence_text, m.end)]
    if after:
        return after[0], "clause-after"
    # "At $521M, Bitcoin took the bulk": the subject right after a comma (not ", with Ether accounting for")
    head = [m for m in mentions if m.start >= t.end and m.start - t.end <= 25 and _COMMA_GAP_RE.fullmatch(sentence_text[t.end:m.start] if sentence_text else ",")]
    earlier = [m for m in mentions if m.end <= lo]
    if head and not earlier:  # "At $521M, Bitcoin took the bulk" (not "Hong Kong ..., with $56.8 million, and Brazil ...")
        return head[0], "next-clause"
    if earlier:
        return earlier[-1], "sentence-before"
    if previous and not mentions and ANAPHOR_RE.search(sentence_text or ""):
        return previous[-1], "previous-sentence"
    return None, "default"


# --- assembling claims ---------------------------------------------------------------------------

def _range_pairs(sentence: str, amounts: list[Target]) -> dict[int, int]:
    """Index pairs (i, j) of amounts that form a range: "X to Y", "between X and Y"."""
    pairs = {}
    for i in range(len(amounts) - 1):
        a, b = amounts[i], amounts[i + 1]
        mid = sentence[a.end:b.start]
        pre = sentence[max(0, a.start - 25):a.start].lower()
        if re.fullmatch(r"\s*(?:to|-|–|~|and)\s*", mid):
            if re.search(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|approximately\s+)?$", pre) and "between" not in pre:
                continue
            if mid.strip() == "and" and "between" not in pre:
                continue
            pairs[i] = i + 1
    return pairs


_LIST_GAP_RE = Caseless(r"(?:,\s*+and|,|and|&)(?:\s++the)?")  # matched against the stripped gap
# between listed amounts: a comma or "and", after an optional aside ("(approximately IDR 2.1 trillion)")
# and before an optional hedge ("$133 million and under $90 million")
_AMOUNT_GAP_RE = Caseless(r"(?:\([^()]{0,60}\)\s*+)?(?:,\s*+and|,|and)(?:\s++(?:about|around|roughly|nearly|almost|over|under|just|some|approximately|more\s+than|less\s+than))?")
_PRICE_AFTER_RE = Caseless(r"\s{0,3}(?:above|of|at|near|around|beyond|past|over)\s{1,3}(?:US)?\$\s?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\s*(?:million|billion|bn|m)\b)")
_WHOLE_OF_RE = Caseless(r"\d\s?(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?(?:\w+(?:'s|’s)\s+)?$")
_COMMA_GAP_RE = re.compile(r"(?<![^\w,;])[^\w,;]*+,\s*+(?:the\s+)?")  # the lookbehind keeps a search linear
# matched against the stripped gap: "from $264bn to $191bn", "at $178bn, down from $193bn",
# "$27 billion, compared with the previous week's $63 billion"
_LEVEL_CHAIN_RE = Caseless(r"(?:,\s*+the\s++(?:lowest|highest|smallest|largest|biggest|weakest|strongest)\b[^,]{0,40})?"  # ", the lowest since July 2025, down from"
                           r"(?:,\s*+)?(?:(?:down|up)\s++)?(?:to|from|after|compared\s++(?:with|to)|versus|vs\.?|against)(?:\s++(?:a|the)\s++record)?"
                           r"(?:\s++(?:the\s++)?(?:previous|prior|last|a)\s++week(?:['’]s(?:\s++record)?|\s++earlier|\s++before)?)?"
                           r"(?:\s++(?:about|around|roughly|some|nearly|almost|approximately|over|more\s++than|just\s++(?:over|under)))?")  # "down from roughly $264bn"
_FROM_BEFORE_RE = Caseless(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|approximately\s+|over\s+|more\s+than\s+)?$")
_JOIN_RE = Caseless(r"[,;]|\band\b")
_COMPARED_RE = Caseless(r"\b(?:behind(?:\s+only)?|than|versus|vs\.?|compared\s+(?:with|to))\s+$")
_OF_BEFORE_RE = Caseless(r"\bof\s+$")
# "..., bringing the total in 9 weeks to $2.2bn": a running total of the subject before, not the market
_POSSESSIVE_BEFORE_RE = Caseless(r"\b(?:its|their)\b|\w['’]s?\s+$")  # "Its latest update shows total assets ...", "Grayscale's total assets"
_RUNNING_TOTAL_BEFORE_RE = Caseless(r"\b(?:bring(?:s|ing)?|brought|lift(?:s|ed|ing)?|tak(?:es|ing)|took|push(?:es|ed|ing)?|rais(?:es|ed|ing))\s+$")
_OF_WHAT_RE = re.compile(r"(?<!\s)\s++(?:of|in)\s++(?:\w++\s++)?")  # the lookbehind keeps a search linear
_RESPECTIVELY_RE = Caseless(r"\brespectively\b")


_GAP_AND_RE = re.compile(r"(?<!\s)\s*+,?\s*+and\s++(?:the\s++)?")  # the lookbehinds keep a search linear
_GAP_AT_RE = re.compile(r"\s*+(?:at|with)?\s*+")


# what a figure measures that is never a fund flow, whatever direction words stand near it
_COINS_FOR_RE = re.compile(r"(?<![\d,.])\d[\d,.]*+\s+(?:btc|eth|bitcoins?|ether|sol|xrp)\s+for\s+(?:about\s+|roughly\s+|around\s+|some\s+|nearly\s+|approximately\s+|over\s+)?$", re.I)
_RANKED_BY_RE = re.compile(r"\bby\s$", re.I)
_NEVER_FLOWS_RE = Caseless(r"open\s+interest|liquidat|market\s+(?:cap|value)|active\s+addresses|on-chain|funding\s+round|revenue|profits?\b|valuation"
                           r"|in\s+(?:shorts|longs)\b|of\s+(?:long\s+|short\s+|leveraged\s+)?positions\b|in\s+(?:leveraged\s+)?long\s+positions\b")
_THOUSANDS_K_RE = re.compile(r"\d\s?[kK]$")  # "$59K": how prices are written, read like plain dollars
_PEAK_RE = Caseless(r"(?:high|low|peak)\b")
TRILLION = 1e6  # in millions of USD
_PAREN_OPEN_RE = re.compile(r"(?<!\s)\s*+\(\s*+(?:or\s+|about\s+|around\s+|approximately\s+|roughly\s+|i\.e\.\s+)?")


def _restated(sentence: str, prev: Target, t: Target) -> bool:
    """``t`` repeats the amount before it in brackets, in another notation ("$1.24bn (1 billion 240
    million USD)")."""
    if not _PAREN_OPEN_RE.fullmatch(sentence, prev.end, t.start) or not re.match(r"\s*\)", sentence[t.end:]):
        return False
    x, y = prev.data["amount"], t.data["amount"]
    return abs(abs(x.value) - abs(y.value)) <= max(x.precision, y.precision)


_LEVEL_METRICS = ("flow_ytd", "flow_mtd", "flow_run", "aum", "volume")


def _peak_of_level(sentence: str, nc: Cue, a: numbers.Amount, claims: list[Claim]) -> bool:
    """"the peak of $7.3 billion" after a year-to-date (or assets, volume) figure of the same sentence:
    a level of that metric, not a coin price's high."""
    return bool(a.scaled and abs(a.value) >= 1 and _PEAK_RE.match(nc.text) and claims and claims[-1].sentence == sentence
                and claims[-1].kind == "amount" and claims[-1].metric in _LEVEL_METRICS)


def _gapped_pair(sentence: str, t: Target, amounts: list[Target], mentions: list[Mention], cue: Cue) -> bool:
    """"Germany added US$2.5bn and Canada US$1.1bn over the year": the second conjunct repeats the
    verb by gapping (only a subject before its amount), so the cue after it holds for both."""
    o = next((x for x in amounts if x.start >= t.end), None)
    if o is None or not (o.end <= cue.start and not _JOIN_RE.search(sentence, o.end, cue.start)):
        return False
    m = next((x for x in mentions if t.end <= x.start and x.end <= o.start), None)
    return m is not None and _GAP_AND_RE.fullmatch(sentence, t.end, m.start) is not None \
        and _GAP_AT_RE.fullmatch(sentence, m.end, o.start) is not None


def _amount_groups(sentence: str, amounts: list[Target]) -> list[list[int]]:
    """Runs of two or more amounts written as a list ("$9 million, $2.9 million and $4.7 million")."""
    groups: list[list[int]] = []
    for i in range(len(amounts)):
        if groups and groups[-1][-1] == i - 1 and _AMOUNT_GAP_RE.fullmatch(sentence[amounts[i - 1].end:amounts[i].start].strip()):
            groups[-1].append(i)
        else:
            groups.append([i])
    return [g for g in groups if len(g) >= 2]


def _subject_list(sentence: str, mentions: list[Mention], before: int, strict: bool) -> list[Mention]:
    """The subjects listed last before ``before``: "Canada, Germany and Switzerland" (strict: joined
    by commas and "and" only; else any run of distinct subjects, as "respectively" allows)."""
    subs: list[Mention] = []
    for x in mentions:
        if x.end > before:
            break
        if subs and subs[-1].subject == x.subject:
            continue
        if strict and subs and not _LIST_GAP_RE.fullmatch(sentence[subs[-1].end:x.start].strip()):
            subs = []
        subs.append(x)
    return subs


def _respectively(sentence: str, mentions: list[Mention], amounts: list[Target]) -> dict[int, Mention]:
    """Pair listed subjects with listed amounts, in order: amount index -> subject mention.

    "A, B and C saw $x, $y and $z respectively" pairs any run of subjects before the amounts;
    without "respectively" ("Canada and Switzerland added US$19.4 million and US$10.4 million")
    the subjects must themselves be written as a list, of the same length as the amounts.
    """
    resp = _RESPECTIVELY_RE.search(sentence)
    out: dict[int, Mention] = {}
    for group in _amount_groups(sentence, amounts):
        first = amounts[group[0]].start
        if resp is not None and amounts[group[-1]].end <= resp.start():
            subs = _subject_list(sentence, mentions, first, strict=False)[-len(group):]
        else:
            subs = _subject_list(sentence, mentions, first, strict=True)
            if any(x.start > first for x in mentions if x.end <= amounts[group[-1]].start):
                continue  # a subject inside the list of amounts: "Bitcoin $x and Ethereum $y"
        if len(subs) == len(group):
            out.update(zip(group, subs))
    return out


# what makes an amount after a streak the run's total: "reach $4.9bn", "drained about $4 billion", "$3.8bn in total"
_RUN_TOTAL_RE = Caseless(r"\b(?:reach(?:ed|es|ing)?|drain(?:ed|ing)?|cost|total(?:l?ed|l?ing)?|amount(?:ed|ing)\s+to|bringing|brought|sum(?:med|ming)?|cumulative|combined|worth)\b")
# "their fifth weekly outflow, totalling $288 million": the streak names this week's flow, not a run
_ENDED_RUN_TOTAL_RE = Caseless(r"\b(?:that|which)\s+(?:had\s+)?(?:brought|drew|drawn|pulled|attracted|added|totall?ed|amounted|gathered|collected|absorbed|saw|raised|took|reached|hit|came\s+to)\b"
                               r"|\bin\s+which\s+(?:period|time)\b|\bduring\s+which\b|\bover\s+which\b|\bworth\b|\btotall?ing\b")
_ONE_WEEK_STREAK_RE = re.compile(r"\bweekly\s+(?:net\s+)?(?:inflow|outflow)\b(?!s)", re.I)
_IN_TOTAL_RE = Caseless(r"(?<!\s)\s*+(?:in\s+total|in\s+all|combined|altogether)\b")
_WITH_RE = Caseless(r"(?<![\s,;])[,;]?\s*+with\b")  # the lookbehind keeps a search linear


def _inherited_metric(sentence: str, sent_start: int, t: Target, clause: tuple[int, int], targets: list[Target],
                      mentions: list[Mention], claims: list[Claim], metric: str, run_weeks: int | None) -> tuple[str, int | None, str | None, bool]:
    """The metric of an amount with no cue of its own, taken from what it completes:
    a run's total after a streak ("outflows stretch to a fourth week, reach $4.9bn", "for a third
    straight week, exceeding $1 billion in total"), the total of a run that ended ("snapped a
    seven-week run of inflows that had brought in about $3.8 billion": the weeks before this one,
    returned as True), or the amount before it in a "with" clause ("Year-to-date inflows stand at
    $35.2 billion, with Ether accounting for $11.2 billion")."""
    for s in targets:
        if s.label == "STREAK" and s.data["kind"] == "ended" and s.end <= t.start and t.start - s.end <= 80 \
                and not any(s.end <= m.start < t.start for m in mentions) \
                and not any(o.label == "AMOUNT" and s.end <= o.start < t.start for o in targets) \
                and _ENDED_RUN_TOTAL_RE.search(sentence, s.end, t.start):
            return "flow_run", s.data["n"], s.data["direction"], True
        if s.label == "STREAK" and s.data["kind"] == "run" and s.end <= t.start and t.start - s.end <= 60 \
                and not any(s.end <= m.start < t.start for m in mentions) \
                and not any(o.label == "AMOUNT" and s.end <= o.start < t.start for o in targets) \
                and (_RUN_TOTAL_RE.search(sentence, s.end, t.start) or _IN_TOTAL_RE.match(sentence, t.end)):
            if _ONE_WEEK_STREAK_RE.search(s.text):  # this week's flow, in the streak's direction
                return metric, run_weeks, s.data["direction"], False
            return "flow_run", s.data["n"], s.data["direction"], False
    if claims and _WITH_RE.match(sentence, clause[0]) and claims[-1].metric in ("flow_ytd", "flow_mtd", "flow_run") \
            and claims[-1].end <= sent_start + clause[0]:
        return claims[-1].metric, claims[-1].run_weeks, None, False
    return metric, run_weeks, None, False


def direction_for(t: Target, cues: list[Cue], clause: tuple[int, int], sentence: str) -> tuple[str | None, str | None]:
    c = nearest(cues, ("outflow", "inflow"), t, clause[0], clause[1], after_weight=1.2, max_dist=90)
    if c is None:
        c = nearest(cues, ("outflow", "inflow"), t, 0, clause[0], max_dist=140)
        if c is not None and _AGAINST_TREND_RE.search(sentence, clause[0], clause[1]):
            # "Ether lost $249 million, while XRP ($31.8 million) ... bucked the trend": the other way
            return ("inflow" if c.label == "outflow" else "outflow"), "word"
    if c is None:
        return None, None
    return c.label, "word"


def assemble(sentence: str, sent_start: int, targets: list[Target], cues: list[Cue], mentions: list[Mention],
             article_report: date | None, period_source: str, previous: list[Mention] | None = None,
             previous_context: bool = False) -> list[Claim]:
    """Claims of one sentence; offsets in the result are document offsets.

    ``previous``: subject mentions of the sentence before, in the same paragraph, for sentences
    that name no subject of their own ("they are consistent in the magnitude of over $1.6 billion").
    """
    cls = clauses(sentence)
    claims: list[Claim] = []
    # "63% of the total": the whole a share is taken of is not the subject of the sentence
    # "its total assets under management", "Its update shows total AuM of": the subject's own assets, not the market's
    mentions = [m for m in mentions if not (m.subject == "total" and (_OF_BEFORE_RE.search(sentence, max(0, m.start - 8), m.start)
                                                                    or (m.text.lower() == "the total" and _RUNNING_TOTAL_BEFORE_RE.search(sentence, max(0, m.start - 10), m.start))
                                                                    or (m.text.lower().startswith("total ") and _POSSESSIVE_BEFORE_RE.search(sentence, 0, m.start))))]
    amounts = [t for t in targets if t.label == "AMOUNT"]
    pairs = _range_pairs(sentence, amounts)
    paired_second = set(pairs.values())
    resp = _respectively(sentence, mentions, amounts)
    # cues inside a streak or rank phrase ("first outflows in four weeks") modify that phrase only
    # (but "in each of the last three weeks, totalling $2.1bn" also gives the amount its run)
    inner = [(t.start, t.end, t.data.get("kind") == "each") for t in targets if t.label in ("STREAK", "RANK")]
    ranks = [(t.start, t.end) for t in targets if t.label == "RANK"]
    # a period inside a rank ("the highest since January") is the rank's window, not talk of fund flows
    flow_cues = [c for c in cues if c.label in ("outflow", "inflow", "aum", "volume")
                 or (c.label in ("ytd", "mtd", "run") and not any(a <= c.start and c.end <= b for a, b in ranks))]
    fund_context = bool(FUND_CONTEXT_RE.search(sentence)) or bool(mentions) or previous_context or bool(flow_cues)
    cues = [c for c in cues if not any(a <= c.start and c.end <= b and not (each and c.label == "run") for a, b, each in inner)]
    week_cues = [c for c in cues if c.label == "week"]

    def week_for(t: Target, clause: tuple[int, int]) -> tuple[date | None, str, str | None]:
        # a week named after another amount is that amount's: "$176.3bn from $179bn a week earlier"
        own = [w for w in week_cues if w.start < t.end or not any(t.end <= o.start and o.end <= w.start for o in amounts)]
        # "less than half of the prior week's $63 billion": a week in the possessive is the next amount's
        # (and of a rank between them: "the prior week's record $5.95 billion haul")
        own = [w for w in own if not any(o is not t and _POSSESSIVE_GAP_RE.fullmatch(sentence, w.end, o.start)
                                         and not (w.end <= t.start and t.end <= o.start) for o in amounts)]
        # "behind only the week before", "more than the week before": a week compared with, not the claim's
        own = [w for w in own if not _COMPARED_RE.search(sentence, max(0, w.start - 20), w.start)]
        # "nine straight weeks of outflows earlier in the year": only right after the figure, in its phrase
        own = [w for w in own if w.data["source"] != "earlier" or (t.end <= w.start <= t.end + 30 and not _PHRASE_BREAK_RE.search(sentence, t.end, w.start))]
        c = nearest(own, ("week",), t, clause[0], clause[1])
        if c is None:
            c = next((w for w in own if w.data["source"] == "text"), None)
        if c is None:  # "The week before, the outflows were of 187 million USD, with a volume of 63 billion USD"
            c = next((w for w in own if w.start <= 4 and w.end < t.start), None)
        if c is not None:
            if c.data["source"] == "before-that":  # the week before the one an earlier figure of the sentence has
                named = next((x for x in reversed(claims) if x.end <= sent_start + t.start and x.report_date is not None), None)
                if named is not None:
                    return periods.week_before(named.report_date), "text", c.text
            return c.data["report_date"], c.data["source"], c.text
        return article_report, period_source, None

    for i, t in enumerate(amounts):
        if i in paired_second:
            continue
        a: numbers.Amount = t.data["amount"]
        if i > 0 and _restated(sentence, amounts[i - 1], t):
            continue  # "151 hundred million dollars (15.1 billion USD)": the same figure written again
        clause = clause_of(t.start, cls)
        before = sentence[max(clause[0], t.start - 60):t.start]
        # --- not a claim? -----------------------------------------------------------------------
        nc = nearest(cues, ("not_claim",), t, clause[0], t.start, max_dist=45) or nearest(cues, ("not_claim",), t, t.end, clause[1], max_dist=12)
        if nc is not None and _RANKED_BY_RE.search(sentence, max(0, nc.start - 4), nc.start) and sentence.startswith(",", nc.end):
            nc = None  # "Ethereum, the second biggest crypto asset by market capitalisation, recorded outflows of $25m"
        peak = nc is not None and _peak_of_level(sentence, nc, a, claims)  # "the peak of $7.3 billion" of a level
        direction_cue = nearest(cues, ("outflow", "inflow"), t, clause[0], clause[1], max_dist=60)
        metric_cue = nearest(cues, ("ytd", "mtd", "run", "aum", "volume"), t, clause[0], t.start, max_dist=80)
        cue_after = nearest(cues, ("ytd", "mtd", "run", "aum", "volume"), t, t.end, clause[1], max_dist=30)
        if cue_after is not None and (_JOIN_RE.search(sentence, t.end, cue_after.start)
                                      or any(t.end <= o.start and o.end <= cue_after.start for o in amounts if o is not t)) \
                and not _gapped_pair(sentence, t, amounts, mentions, cue_after):
            # another conjunct's ("took in over $2 billion and trading volume rose 55%"), or the amount
            # between's ("to $151 million with $2.6 billion under management")
            cue_after = None
        if cue_after is not None and any(o.start >= cue_after.end and o.start - cue_after.end <= 30
                                         and not _JOIN_RE.search(sentence, cue_after.end, o.start) for o in amounts if o is not t):
            cue_after = None  # "$36.5 million, for year-to-date outflows of almost $500 million": the next amount's
        if metric_cue is None:
            metric_cue = cue_after
        elif cue_after is not None and any((metric_cue.end <= o.start and o.end <= t.start) or
                                           (o.end <= metric_cue.start and metric_cue.start - o.end <= 30) for o in amounts if o is not t):
            # this amount has its own cue after it, and the one before belongs to another amount
            # ("hold $2.6bn in assets and have attracted $151m so far this year")
            metric_cue = cue_after
        prev_amount_end = max((o.end for o in amounts if o.end <= t.start), default=0)
        if metric_cue is None:
            # a cue earlier in the sentence still holds when no other amount stands between
            metric_cue = nearest(cues, ("ytd", "mtd", "run"), t, prev_amount_end, t.start, max_dist=160)
        if _COINS_FOR_RE.search(sentence, max(0, t.start - 40), t.start):
            continue  # "it bought another 2,500 BTC for about $185 million": a purchase of coins, no fund flow
        if abs(a.value) >= TRILLION:
            continue  # "its market capitalisation has slipped to $1.3 trillion": no fund flow, AuM or volume is this large
        if nc is not None and _NEVER_FLOWS_RE.match(nc.text) and not metric_cue:
            continue  # "liquidations of leveraged positions added US$143 million", "open interest ... is back near $8B"
        if abs(a.value) < 1 and (not a.scaled or _THOUSANDS_K_RE.search(a.text) or patterns_price_verb(before)):
            # plain dollars: fund flows are never below $10,000; prices and levels are excluded
            if abs(a.value) < 0.01 or nc or patterns_price_verb(before):
                continue
            if not (direction_cue or metric_cue or any(c.label in ("outflow", "inflow") for c in cues)):
                continue
            if abs(a.value) <= 0.2 and not nearest(cues, ("outflow", "inflow"), t, clause[0], clause[1], max_dist=30):
                continue  # "$70,000": a coin price, not a flow
        elif nc and not direction_cue and not metric_cue and not peak:
            continue
        after = nearest(cues, ("not_claim",), t, t.end, clause[1], max_dist=12)
        if after is not None and (_OF_WHAT_RE.fullmatch(sentence, t.end, after.start) or
                                  (sentence[t.end:after.start].isspace() and after.text.lower().startswith(("of ", "in ")))):
            continue  # "$300 billion of value", "$2 billion in open interest": what the amount measures is no flow
        if not fund_context and not (a.signed and a.scaled):  # "- Total: -$812 million" in a list of figures
            continue
        # --- range -----------------------------------------------------------------------------
        end, text, hedge, hedge_text = t.end, t.text, "exact", None
        value, prec = a.value, a.precision
        hb = hedges.hedge_before(sentence[max(0, t.start - 40):t.start])
        if hb:
            hedge, hedge_text = hb
        if i in pairs:
            b = amounts[pairs[i]]
            bb: numbers.Amount = b.data["amount"]
            low = min(abs(a.value), abs(bb.value)) - a.precision
            high = max(abs(a.value), abs(bb.value)) + bb.precision
            end, text, hedge = b.end, sentence[t.start:b.end], "range"
            hedge_text = "range"
        # --- metric ------------------------------------------------------------------------------
        metric, run_weeks = "flow", None
        if metric_cue is not None:
            metric = {"ytd": "flow_ytd", "mtd": "flow_mtd", "run": "flow_run", "aum": "aum", "volume": "volume"}[metric_cue.label]
            run_weeks = metric_cue.data.get("weeks")
        if metric == "flow" and peak:
            metric = claims[-1].metric  # "rose to $6.7 billion, edging back towards the peak of $7.3 billion"
        if metric == "flow" and i > 0 and _LEVEL_CHAIN_RE.fullmatch(sentence[amounts[i - 1].end:t.start].strip()) and claims \
                and claims[-1].end == sent_start + amounts[i - 1].end:
            metric = claims[-1].metric  # "from $264bn to $191bn" of assets under management, "at $178bn, down from $193bn"
        direction_hint, ended_run = None, False
        if metric == "flow" and metric_cue is None:
            metric, run_weeks, direction_hint, ended_run = _inherited_metric(sentence, sent_start, t, clause, targets, mentions, claims, metric, run_weeks)
        daily = nearest(cues, ("daily",), t, clause[0], clause[1], max_dist=60)
        if daily is None:  # "Flows on Friday, October 10, were muted, with just $159 million of outflows": across the commas
            daily = nearest(cues, ("daily",), t, prev_amount_end, t.start, max_dist=60)
        # --- direction ---------------------------------------------------------------------------
        if a.signed:
            direction, dsrc = ("outflow" if a.value < 0 else "inflow"), "sign"
        elif metric in ("aum", "volume"):
            direction, dsrc = None, None
        else:
            direction, dsrc = direction_for(t, cues, clause, sentence)
            if direction_hint and (direction is None or ended_run):
                # "the five-week outflow run ... cost $4.0 billion"; the total of a run that ended keeps the
                # run's direction ("After six straight weeks of inflows worth roughly $3.8 billion, ... bled")
                direction, dsrc = direction_hint, "streak"
        # --- subject -----------------------------------------------------------------------------
        if i in resp:
            mention, how = resp[i], "respectively"
        elif _WHOLE_OF_RE.search(sentence, max(0, t.start - 40), t.start):
            mention, how = None, "whole"  # "12% of the fund's $38 million inflow", "90% of the $296 million total"
        else:
            mention, how = pick_subject(mentions, t, clause, len(sentence), previous, sentence)
            if mention is not None and how == "sentence-before" and " | " in sentence[mention.end:t.start]:
                mention, how = None, "default"  # "Bitcoin Takes Over 90% Of Flows | Volume Hits $53B": each part stands alone
        week, wsrc, wtext = week_for(t, clause)
        if metric == "flow_mtd" and metric_cue is not None and "report_date" in metric_cue.data and wsrc not in _NAMED_WEEK:
            week, wsrc, wtext = metric_cue.data["report_date"], "text", metric_cue.text  # another month's total
        earlier = (wsrc not in ("text", "previous-week") and week is not None and i + 1 < len(amounts)
                   and _FROM_BEFORE_RE.search(sentence, max(0, t.start - 30), t.start)
                   and re.fullmatch(r"\s*to\s*", sentence[t.end:amounts[i + 1].start]) and periods.week_before(week))
        if earlier:  # "slid from about 264 billion USD to 191 billion USD": the level before, read as the week before
            week, wsrc = earlier, "from-to"
        elif metric == "flow_run" and ended_run and week is not None and wsrc not in _NAMED_WEEK and (week_earlier := periods.week_before(week)):
            week, wsrc = week_earlier, "weeks-before"  # "snapped a seven-week run of inflows that had brought in $3.8 billion"
        elif metric == "flow_run" and metric_cue is not None and metric_cue.data.get("before") and week is not None \
                and wsrc not in _NAMED_WEEK and (week_earlier := periods.week_before(week)):
            week, wsrc = week_earlier, "weeks-before"  # "follows $3.8 billion of inflows over the previous six weeks"
        if metric == "flow_ytd" and metric_cue is not None and wsrc not in _NAMED_WEEK \
                and _year_closed(article_report) and _WHOLE_YEAR_RE.fullmatch(metric_cue.text) \
                and not _SO_FAR_RE.match(sentence, metric_cue.end):
            # "US$26.98bn for the year" in the first report of January: the year just ended
            week, wsrc, wtext = periods.last_report_of_year(article_report.year - 1), "text", metric_cue.text
        year = nearest(cues, ("year",), t, clause[0], clause[1], max_dist=90)
        if year is not None and metric_cue is not None and _dist(metric_cue.start, metric_cue.end, t) < _dist(year.start, year.end, t) \
                and not 0 <= metric_cue.start - year.end <= 2:  # (not "last year's full-year record": one phrase)
            year = None  # "US$1.1bn over the year, both reversing net outflows in 2024": the nearer cue holds
        if year is not None and any(t.end <= year.start and year.end <= o.start and o.start - year.end < year.start - t.end for o in amounts):
            year = None  # "reached $48.7 billion, on the brink of 2024's full-year record of $48.6 billion": the next amount's
        if year is not None and year.start > t.start and re.search(r"\d['’]s\b", year.text):
            year = None  # "reached $48.7 billion, on the brink of 2024's full-year record": a possessive year owns what follows it
        if year is not None and metric in ("flow", "flow_ytd") and article_report is not None and wsrc != "text":
            y = year.data["year"]
            if y < article_report.year and y >= 1:  # "US$47.2bn over the whole of 2025" in a 2026 article: that year's total
                metric, week, wsrc, wtext = "flow_ytd", periods.last_report_of_year(y), "text", year.text
            elif y == article_report.year and re.match(r"(?:for|in|over|during|throughout)\s|20\d\d\s+(?:net\s+)?(?:(?:in|out)?flows|losses)|.*\d\s+year$|20\d\d\s+in\s", year.text, re.I):
                metric = "flow_ytd"  # "inflows for 2025 stand at $46.7 billion" (not "the first days of 2026")
                wtext = wtext or year.text
        mag = abs(value)
        if hedge == "range":
            lo_, hi_ = max(low, 0.0), high
        else:
            lo_, hi_ = hedges.interval(mag, prec, hedge)
        c = Claim(
            start=sent_start + t.start, end=sent_start + end, text=text, sentence=sentence,
            kind="amount", metric=metric,
            subject=mention.subject if mention else "total", subject_text=mention.text if mention else None,
            subject_source=(mention.how + "/" + how) if mention else "default",
            direction=direction, direction_source=dsrc,
            value=(-mag if direction == "outflow" else mag), low=lo_, high=hi_, hedge=hedge, hedge_text=hedge_text,
            report_date=week, period_text=wtext, period_source=wsrc, run_weeks=run_weeks,
        )
        if daily is not None:
            c.notes.append(f"daily or intra-week figure ('{daily.text}'); the reference is weekly")
            c.period_source = "daily"
        claims.append(c)

    for t in targets:
        clause = clause_of(t.start, cls)
        if t.label == "PERCENT":
            c = _percent_claim(sentence, sent_start, t, cues, mentions, clause, week_for, previous)
            if c:
                claims.append(c)
        elif t.label == "STREAK":
            mention, how = pick_subject(mentions, t, clause, len(sentence), previous, sentence)
            direction = t.data["direction"]
            if direction is None:
                direction, _ = direction_for(t, cues, clause, sentence)
            week, wsrc, wtext = week_for(t, clause)
            n = t.data["n"]
            if t.data["kind"] == "ended" and week is not None and wsrc not in ("text", "earlier"):
                week, wsrc = _ended_before_current(targets, t, direction, mention, week, wsrc,
                                                   lambda o: (pick_subject(mentions, o, clause_of(o.start, cls), len(sentence), previous, sentence)[0],
                                                              o.data["direction"] or direction_for(o, cues, clause_of(o.start, cls), sentence)[0]))
            claims.append(Claim(
                start=sent_start + t.start, end=sent_start + t.end, text=t.text, sentence=sentence, kind="streak",
                metric="streak", subject=mention.subject if mention else "total", subject_text=mention.text if mention else None,
                subject_source=(mention.how + "/" + how) if mention else "default", direction=direction,
                direction_source="word" if direction else None, value=float(n), low=float(n), high=float(n),
                report_date=week, period_text=wtext, period_source=wsrc, streak_kind=t.data["kind"],
            ))
        elif t.label == "RANK":
            # "among the largest" is no rank claim; a rank needs flow vocabulary, not just a name
            if re.search(r"\bamong\s+$", sentence[max(0, t.start - 8):t.start], re.I):
                continue
            if not (FUND_CONTEXT_RE.search(sentence) or flow_cues or previous_context
                    or any(c.kind == "amount" and c.metric.startswith("flow") and c.end <= sent_start + t.start for c in claims)):
                continue  # (a flow claim before it in the sentence is flow vocabulary enough)
            if _PRICE_AFTER_RE.match(sentence, t.end):
                continue  # "a new all-time high above $111,000": a price record
            c = _rank_claim(sentence, sent_start, t, cues, mentions, clause, article_report, week_for, previous)
            if c:
                claims.append(c)
    claims.extend(_direction_claims(sentence, sent_start, cls, targets, cues, mentions, week_for))
    _attribute(claims, cues, cls, sent_start)
    claims.sort(key=lambda c: c.start)
    _record_of_the_amount(claims, sent_start)
    return claims


_RECORD_GAP_RE = re.compile(r"\s++(?:(?:weekly|single-week|net)\s++)?")


def _record_of_the_amount(claims: list[Claim], sent_start: int) -> None:
    """"a record $15.1 billion" of year-to-date inflows, "a record $15.3 billion traded on Friday
    alone": a record written right before an amount is of what that amount measures, in its week."""
    for r, a in zip(claims, claims[1:]):
        if r.kind != "rank" or a.kind != "amount" or a.start < r.end or r.sentence != a.sentence \
                or not r.text.lower().endswith("record") \
                or not _RECORD_GAP_RE.fullmatch(r.sentence, r.end - sent_start, a.start - sent_start):
            continue
        if a.metric in _LEVEL_METRICS:
            r.rank_metric = a.metric
        r.report_date, r.period_source, r.period_text = a.report_date, a.period_source, a.period_text


_LABEL_GAP_RE = re.compile(r"(?<!\s)\s*+:\s*+")  # the lookbehind keeps a search linear


def _attribute(claims: list[Claim], cues: list[Cue], cls: list[tuple[int, int]], sent_start: int) -> None:
    """A data source credited in a claim's clause, at the head of the next clause ("$315.9 million on
    Friday, according to Farside Investors", "... $290M OUTFLOW FRIDAY — FARSIDE"), or at the head of
    its sentence ("According to Farside Investors, US spot bitcoin ETFs ...") or in the label right
    before it ("- US spot BTC ETFs (Farside): +$568M") is the claim's attribution."""
    sources = [c for c in cues if c.label == "source"]
    for claim in claims if sources else ():
        lo, hi = clause_of(claim.start - sent_start, cls)
        at = claim.start - sent_start
        cue = next((c for c in sources if lo <= c.start <= hi + 3 or c.start <= 3
                    or (c.end <= at and _LABEL_GAP_RE.fullmatch(claim.sentence, c.end, at))), None)
        if cue is not None:
            claim.attribution = cue.data["source"]


def _ended_before_current(targets: list[Target], t: Target, direction: str | None, mention: Mention | None,
                          week: date, wsrc: str, read) -> tuple[date, str]:
    """A run that ended when the current streak of the same subject in the other direction began: "the
    outflows now span a second straight week, ending a six-week inflow run" ended with the report one
    week before this one. ``read(target)``: the subject mention and direction of another streak."""
    for o in targets:
        if o is t or o.label != "STREAK" or o.data["kind"] != "run":
            continue
        other, d = read(o)
        if d is None or d == direction or (other.subject if other else "total") != (mention.subject if mention else "total"):
            continue
        k = o.data["n"]
        if 2 <= k <= 52:
            try:
                return week - timedelta(days=7 * (k - 1)), "streak-start"
            except OverflowError:
                break
    return week, wsrc


# a flow named without a figure: "Solana recorded inflows", "Germany saw minor outflows"
_FLOW_NOUN_RE = Caseless(r"(?:in|out)-?flows?|redemptions|withdrawals")
_NO_DIRECTION_CLAIM_RE = Caseless(r"\?|\b(?:no|not|never|without|if|whether|could|would|may|might|expect\w*)\b")


def _direction_claims(sentence, sent_start, cls, targets, cues, mentions, week_for) -> list[Claim]:
    """Direction-only claims: a subject named with the direction of its flow, and no figure in the clause."""
    out: list[Claim] = []
    for lo, hi in cls:
        if any(lo <= t.start < hi for t in targets):
            continue
        said = [c for c in cues if c.label in ("inflow", "outflow") and lo <= c.start and c.end <= hi and _FLOW_NOUN_RE.fullmatch(c.text)]
        subs = [m for m in mentions if lo <= m.start and m.end <= hi and m.subject != "total"]
        if not said or not subs or _NO_DIRECTION_CLAIM_RE.search(sentence, lo, hi):
            continue
        cue = said[0]
        before = [m for m in subs if m.end <= cue.start and cue.start - m.end <= 60]
        if not before:
            continue
        # "Switzerland and Canada registered inflows": each listed subject
        named = [m for m in mentions if m.subject != "total"]
        listed = _subject_list(sentence, named, before[-1].end, strict=True) or before[-1:]
        for m in listed:
            t = Target(m.start, cue.end, "DIRECTION", sentence[m.start:cue.end])
            week, wsrc, wtext = week_for(t, (lo, hi))
            out.append(Claim(
                start=sent_start + m.start, end=sent_start + cue.end, text=t.text, sentence=sentence, kind="direction",
                metric="flow", subject=m.subject, subject_text=m.text, subject_source=m.how + ("/list" if len(listed) > 1 else "/clause-before"),
                direction=cue.label, direction_source="word", report_date=week, period_text=wtext, period_source=wsrc,
            ))
    return out


PRICE_VERB_RE = Caseless(DEFAULT_PATTERNS["price_verb"])


def patterns_price_verb(before: str) -> bool:
    return bool(PRICE_VERB_RE.search(before))


def _percent_claim(sentence, sent_start, t, cues, mentions, clause, week_for, previous=None) -> Claim | None:
    share = nearest(cues, ("share",), t, clause[0], clause[1], max_dist=45)
    week, wsrc, wtext = week_for(t, clause)
    hb = hedges.hedge_before(sentence[max(0, t.start - 40):t.start])
    hedge, hedge_text = hb if hb else ("exact", None)
    v, prec = t.data["value"], t.data["precision"]
    if share is not None:
        mention, how = pick_subject(mentions, t, clause, len(sentence), previous, sentence)
        lo, hi = hedges.share_interval(v, prec, hedge)
        tail = sentence[t.end:t.end + 60].split(" | ")[0].lower()
        of = "outflows" if re.search(r"outflow|withdraw|redemption|left|exodus", tail) else "inflows" if re.search(r"inflow|coming\s+in", tail) else "total"
        if re.search(r"\b(?:aum|assets under management|assets|turnover|volume)\b", tail):
            of = "other"
        return Claim(
            start=sent_start + t.start, end=sent_start + t.end, text=t.text, sentence=sentence, kind="percent",
            metric="share", subject=mention.subject if mention else "total", subject_text=mention.text if mention else None,
            subject_source=(mention.how + "/" + how) if mention else "default", value=v, low=lo, high=hi, hedge=hedge,
            hedge_text=hedge_text, report_date=week, period_text=wtext, period_source=wsrc, share_of=of,
        )
    change = nearest(cues, ("pct_change",), t, clause[0], clause[1], max_dist=40)
    metric_cue = nearest(cues, ("aum", "volume", "outflow", "inflow", "ytd", "run"), t, clause[0], clause[1], max_dist=80)
    nc = nearest(cues, ("not_claim",), t, clause[0], t.start, max_dist=60)
    if change is None or metric_cue is None or nc is not None:
        return None
    if _PRICE_LEVEL_AFTER_RE.search(sentence, t.end, min(clause[1], t.end + 80)):
        return None  # "bitcoin rose 7% over the week to $71,200": a price move
    if metric_cue.label in ("aum", "volume"):
        metric = metric_cue.label
    else:
        metric = "flow"
    mention, how = pick_subject(mentions, t, clause, len(sentence), previous, sentence)
    c = Claim(
        start=sent_start + t.start, end=sent_start + t.end, text=t.text, sentence=sentence, kind="percent",
        metric=metric, subject=mention.subject if mention else "total", subject_text=mention.text if mention else None,
        subject_source=(mention.how + "/" + how) if mention else "default", value=None, hedge=hedge,
        report_date=week, period_text=wtext, period_source=wsrc,
    )
    c.notes.append(f"percentage change ({t.text}, '{change.text}'): the reference holds levels, not changes")
    return c


def _rank_claim(sentence, sent_start, t, cues, mentions, clause, article_report, week_for, previous=None) -> Claim | None:
    sup = t.data["sup"]
    ctx = sentence[max(clause[0], t.start - 80):min(len(sentence), t.end + 40)].lower()
    inner = t.text.lower()
    if t.data.get("anchor"):  # the words of the rank, not of its anchor ("the largest since the sell-off in March")
        inner = inner[:len(inner) - len(t.data["anchor"])] or inner
    elif " since " in inner:
        inner = inner[:inner.index(" since ")]
    metric = "flow"
    if re.search(r"assets under management|\baum\b|\blevel\b|holdings", ctx) and sup in ("lowest", "highest", "record"):
        metric = "aum"
    elif re.search(r"volume|turnover", inner) or (re.search(r"volume|turnover", ctx) and sup in ("lowest", "highest", "record")):
        metric = "volume"
    elif re.search(r"\brun\b|\bwave\b|sustained|streak|weeks\b", inner) or (re.search(r"run of outflows|run of inflows|this run", ctx)
                                                                          and not re.search(r"\bweekly\b|single[\s-]week", inner)):
        # (but "the largest weekly outflow of 2026, and snapped a seven-week run of inflows" ranks a week)
        metric = "flow_run"
    if sup == "longest":
        metric = "streak"  # "the longest losing streak since 2024": a run's length, not a figure
    smallest = sup in ("lowest", "smallest", "weakest")
    if re.search(r"outflow|redemption|exit|withdraw|\bsell|drop|loss|losing", inner):
        direction = "smallest-outflow" if smallest else "outflow"
    elif re.search(r"inflow|buying|haul|winning", inner):
        direction = "smallest-inflow" if smallest else "inflow"
    elif metric in ("aum", "volume"):
        direction = "low" if sup in ("lowest", "smallest", "weakest", "worst") else "high"
    elif sup in ("worst", "best"):  # of flows, the worst week is the largest outflow, the best the largest inflow
        direction = "outflow" if sup == "worst" else "inflow"
    else:
        d = nearest(cues, ("outflow", "inflow"), t, clause[0], clause[1], max_dist=120)
        if d is None:
            d = nearest(cues, ("outflow", "inflow"), t, 0, len(sentence), max_dist=200)
        direction = d.label if d else None
        if smallest and direction:
            direction = "smallest-" + direction
    anchor_text = t.data.get("anchor") or ("record" if "record" in inner else None)
    among = _AMONG_RE.search(anchor_text or "")
    anchor = periods.parse_anchor(anchor_text, article_report) if anchor_text and not among else None
    mention, how = pick_subject(mentions, t, clause, len(sentence), previous, sentence)
    # "It was the biggest week for Bitcoin funds since launch": the subject inside the rank's words
    inside = [m for m in mentions if t.start <= m.start and m.end <= t.start + len(inner) and m.subject != "total"]
    if inside and not (mention is not None and mention.subject != "total" and how == "clause-before"):
        mention, how = inside[0], "inside"
    week, wsrc, wtext = week_for(t, clause)
    c = Claim(
        start=sent_start + t.start, end=sent_start + t.end, text=t.text, sentence=sentence, kind="rank", metric="rank",
        subject=mention.subject if mention else "total", subject_text=mention.text if mention else None,
        subject_source=(mention.how + "/" + how) if mention else "default", direction=direction,
        value=float(t.data["n"]), low=float(t.data["n"]), high=float(t.data["n"]),
        report_date=week, period_text=wtext, period_source=wsrc, rank_metric=metric,
    )
    if anchor:
        an, words = anchor
        c.window_text = an.how
        c.window_start, c.window_end = an.start, an.end
        c.window_kind = an.kind
    elif among:
        word = among.group("among").lower()
        c.rank_among = next((v for k, v in _AMONG.items() if word.startswith(k)), "asset")
        c.window_kind, c.window_text = "among", f"'{among.group(0)}' read as among the {c.rank_among}s of the same report"
    return c


# a coin price after a percent change: "rose 7% over the week to $71,200", "left it at $91,400"
_PRICE_LEVEL_AFTER_RE = Caseless(r"\b(?:to|at|near|around)\s+(?:US)?\$\s?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|\s*(?:million|billion|trillion|bn|mn|m|b|k)\b)")
_AMONG_RE = Caseless(r"\bof\s+any\s+(?:other\s+)?(?:major\s+)?(?:single\s+)?(?P<among>assets?|altcoins?|coins?|tokens?|product\s+types?|products?|countr(?:y|ies)|regions?|providers?|issuers?)\b")
_AMONG = {"altcoin": "altcoin", "countr": "region", "region": "region", "provider": "provider", "issuer": "provider"}
