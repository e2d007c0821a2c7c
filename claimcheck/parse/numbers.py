"""Money amounts as reporters write them, as pure functions.

``find_amounts(text)`` returns every money amount in a string with its character range;
``parse_amount(text)`` parses one. Values are in millions of US dollars, with the precision the
writer used (half a unit of the last significant digit), so that "$1.7 billion" means
1,650 to 1,750 million.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .caseless import Caseless

SCALES: dict[str, float] = {
    "trillion": 1e6, "tn": 1e6, "t": 1e6,
    "billion": 1e3, "billions": 1e3, "bn": 1e3, "b": 1e3, "bln": 1e3, "bil": 1e3,
    "bilhão": 1e3, "bilhões": 1e3, "mil millones": 1e3,
    "mrd": 1e3, "mrd.": 1e3, "mio.": 1.0,
    "mld": 1e3, "mlrd": 1e3,  # Polish, Czech and Russian writers ("1,7 mld USD")
    "md": 1e3, "mds": 1e3,  # French writers ("2,2 Md$")
    "hundred million": 100.0, "hundred millions": 100.0,  # a translation of 億/亿: "151 hundred million dollars"
    "million": 1.0, "millions": 1.0, "mn": 1.0, "mln": 1.0, "mm": 1.0, "m": 1.0, "mio": 1.0,
    "milhão": 1.0, "milhões": 1.0, "millones": 1.0,
    "thousand": 1e-3, "k": 1e-3, "mil": 1e-3,
}
WORD_NUMBERS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a": 1, "an": 1, "half a": 0.5, "half": 0.5, "a half": 0.5, "quarter of a": 0.25, "a quarter of a": 0.25,
}

# A number never starts inside a run of digits, and a thousands-grouped number has at most seven
# groups: both keep the search linear on long runs of digits or groups ("1,000,000,000,...").
_NUM = r"(?<!\d)(?:\d{1,3}(?:[,.\u202f\u00a0 ]\d{3}){1,6}(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_SCALE_WORDS = r"trillion|billions?|hundred\s+millions?|bilh(?:ão|ões)|milh(?:ão|ões)|millones|millions?|thousand|mil millones"
_SCALE_ABBR = r"tn|bn|bln|mlrd|mld|mn|mln|mm|mio|[bmkt]"
_SCALE = (rf"(?:\s?(?:{_SCALE_WORDS})\b|(?:{_SCALE_ABBR})\b|\s(?:tn|bn|bln|mlrd|mld|mn|mln)\b|\s?(?:Mrd|Mio)\.?(?!\w)"  # German "Mio." / "Mrd."
          r"|\s?(?:Mds?|M|k)(?=\$))")  # French "793 M$", "2,2 Md$"
# the other dollars and the real (R$, A$, C$, S$, HK$, NZ$, MX$, NT$, AU$, CA$) and the other currency signs
_OTHER_DOLLARS = ("R", "A", "C", "S", "HK", "NZ", "MX", "NT", "AU", "CA")
_OTHER_SIGNS = "€£¥₹₦₩₽₺"
# (not another dollar or the real)
_NOT_AFTER_OTHER_DOLLAR = "".join(rf"(?<!\b{p})" for p in _OTHER_DOLLARS)
_CUR_PRE = rf"(?:US\s?\$|USD|U\.S\.\s?\$|{_NOT_AFTER_OTHER_DOLLAR}\$)"
_CUR_POST = r"(?:US[\s-]dollars?|U\.S\.\s+dollars?|dollars?|USD|dólares)"
_SIGN = r"[+\-\u2212\u2013]"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_DIGIT_WORDS = "zero|one|two|three|four|five|six|seven|eight|nine"
_WORDNUM = (rf"(?:(?:{_DIGIT_WORDS})[\s-]point(?:[\s-](?:{_DIGIT_WORDS}))+|(?:{_DIGIT_WORDS})[\s-]and[\s-]a[\s-]half"  # "one-point-four-seven", "two-and-a-half"
            r"|a\s+quarter\s+of\s+a|quarter\s+of\s+a|half\s+a|a\s+half"
            rf"|(?:{_TENS})[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b"
            rf"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_TENS}|a|an)")

# 1) currency before the number: $1.7B, US$630m, USD 630 million, +$32.5 million, $500,000
# a sign is written against the amount: "- $500,000" at the start of a line is a bullet, " – $1.7bn" a dash
_PRE = rf"(?P<sign1>{_SIGN})?(?P<cur1>{_CUR_PRE})\s?(?P<sign1b>{_SIGN})?(?P<num1>{_NUM})(?P<scale1>{_SCALE})?"
# 2) currency after the number: 1.09 billion dollars, 4 billion USD, 28 million US dollars
# (or the dollar sign right after the scale, as French writers do: "793 M$", "2,2 Md$")
_POST = rf"(?P<sign2>{_SIGN})?(?P<num2>{_NUM})(?P<scale2>{_SCALE})(?:\s(?:of\s)?(?P<cur2>{_CUR_POST})\b|(?P<cur4>\$)(?![a-z\d]))"
# 3) words: Two Billion Dollars, half a billion dollars
# (never the tail of a longer number: "one point four eight billion", "two hundred and fifteen million")
_NOT_A_TAIL = "".join(rf"(?<!{w}\s)" for w in ("point", "hundred", "hundred and", "thousand", "zero", "one", "two", "three",
                                                 "four", "five", "six", "seven", "eight", "nine"))
_WORDS = rf"(?<![\w-]){_NOT_A_TAIL}(?P<num3>{_WORDNUM})\s(?P<scale3>billion|million|trillion)\s(?P<cur3>{_CUR_POST})\b"
# every amount starts with a sign, a currency sign, a digit, or a number word or "US"/"USD" at the
# start of a word: the lookahead lets the search skip every other position quickly
_START = r"(?=[+\-\u2212\u2013$\d]|\b[uaqhotfsen])"
AMOUNT_RE = Caseless(rf"{_START}(?:{_PRE}|{_POST}|{_WORDS})")


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    text: str
    value: float  # millions of USD, signed when a sign is written
    precision: float  # half a unit of the last significant digit, in millions
    signed: bool  # an explicit + or - was written
    scaled: bool  # a scale word (million, bn, ...) was written


def parse_number(raw: str, has_scale: bool = True) -> tuple[float, float] | None:
    """Parse a written number; return (value, half-unit precision).

    Thousands separators are ',', '.', thin or plain spaces followed by exactly three digits;
    otherwise ',' is a decimal comma ("1,6 million", "24,1 million").
    """
    s = raw.strip().replace("\u202f", " ").replace("\u00a0", " ")
    m = re.fullmatch(r"(\d{1,3}(?:([,. ])\d{3})+)(?:([.,])(\d+))?", s)
    if m:
        sep = m.group(2)
        intpart = m.group(1).replace(sep, "")
        dec = m.group(4) or ""
        if m.group(3) and m.group(3) == sep:
            return None  # "1,234,5" style nonsense
        if sep == "." and not m.group(3) and has_scale and m.group(1).count(".") == 1:
            # "1.234 million", "12.500 billion": with a scale word, one dot is a decimal point
            intpart, dec = m.group(1).split(".")
    else:
        m2 = re.fullmatch(r"(\d+)(?:[.,](\d+))?", s)
        if not m2:
            return None
        intpart, dec = m2.group(1), m2.group(2) or ""
    if len(intpart) > 30 or len(dec) > 30:
        return None  # no amount is written with this many digits
    try:
        value = float(f"{int(intpart)}.{dec}" if dec else int(intpart))
    except (ValueError, OverflowError):
        return None
    if dec:
        precision = 0.5 * 10 ** (-len(dec))
    else:
        stripped = intpart.lstrip("0") or "0"
        zeros = len(stripped) - len(stripped.rstrip("0")) if stripped != "0" else 0
        precision = 0.5 * 10**zeros
    return value, precision


def _scale_factor(scale: str | None) -> float | None:
    if not scale:
        return None
    key = " ".join(scale.split()).lower()
    return SCALES.get(key)


def _spelled_decimal(words: str) -> tuple[float, float] | None:
    """(value, half-unit precision) of "one-point-four-seven" or "two-and-a-half", else None."""
    parts = re.split(r"[\s-]+", words)
    if len(parts) >= 3 and parts[1] == "point":
        digits = [_DIGITS.get(p) for p in parts[2:]]
        if parts[0] in _DIGITS and None not in digits:
            return float(f"{_DIGITS[parts[0]]}.{''.join(map(str, digits))}"), 0.5 * 10 ** -len(digits)
    if parts[1:] == ["and", "a", "half"] and parts[0] in _DIGITS:
        return _DIGITS[parts[0]] + 0.5, 0.25
    return None


_DIGITS = {w: k for k, w in enumerate(_DIGIT_WORDS.split("|"))}


def parse_match(m: re.Match) -> Amount | None:
    g = m.groupdict()
    signed = False
    negative = False
    for k in ("sign1", "sign1b", "sign2"):
        if g.get(k):
            signed = True
            negative = g[k] != "+"
    if g.get("num3"):
        words = re.sub(r"\s+", " ", g["num3"].lower())
        spelled = _spelled_decimal(words)
        if spelled is not None:
            base, unit_prec = spelled
        else:
            base = WORD_NUMBERS.get(words)
            if base is None and re.fullmatch(r"\w+[ -]\w+", words):  # "forty-seven", "twenty one"
                tens, unit = re.split(r"[ -]", words)
                base = WORD_NUMBERS[tens] + WORD_NUMBERS[unit] if tens in WORD_NUMBERS and unit in WORD_NUMBERS else None
            if base is None:
                return None
            unit_prec = 0.5 * (0.5 if base < 1 else 1)
        factor = _scale_factor(g["scale3"]) or 1.0
        value, prec = base * factor, unit_prec * factor
        scaled = True
    else:
        num = g.get("num1") or g.get("num2")
        scale = g.get("scale1") or g.get("scale2")
        factor = _scale_factor(scale)
        parsed = parse_number(num, has_scale=factor is not None)
        if parsed is None:
            return None
        n, p = parsed
        scaled = factor is not None
        if factor is None:
            factor = 1e-6  # plain dollars
        value, prec = n * factor, p * factor
    if negative:
        value = -value
    return Amount(m.start(), m.end(), m.group(0), round(value, 9), round(prec, 9), signed, scaled)


# a scaled figure that shares the currency written after the next one: "6.2 million and 9.8 million dollars"
_SHARED_CURRENCY_RE = Caseless(rf"(?<![\w$.,])(?P<figure>(?P<sign2>{_SIGN})?(?P<num2>{_NUM})(?P<scale2>{_SCALE}))\s*+(?:(?<=\s)(?:and|or|to)|-|–|~)\s*+$")


# "between 1.3 and 1.35 billion dollars": the first end has neither scale nor currency and borrows both;
# so does the first of a pair "respectively 62,9 and 48,5 millions of dollars" (in either order)
_BETWEEN_BARE_RE = Caseless(rf"\b(?:between|(?P<resp>respectively))\s+(?P<figure>{_NUM})\s+and\s+$")


# the first end of a range with neither scale nor currency, joined by a dash: "600–650 mln USD"
_DASH_BARE_RE = Caseless(rf"(?<![\w$.,\-\u2013])(?P<figure>{_NUM})$")
# the second end of a range whose first end has a currency but no scale: "$200-230 million",
# "$1.2-$1.5 billion", "between $200 and $230 million" (the first end borrows the scale)
_RANGE_TAIL_RE = Caseless(rf"\s?(?P<join>[-–—]|to|and)\s?(?P<second>(?P<cur>{_CUR_PRE})?\s?(?P<num>{_NUM})(?P<scale>{_SCALE}))")
_BETWEEN_RE = Caseless(r"\bbetween\s+$")


def _borrowed(start: int, end: int, text: str, number: tuple[float, float], factor: float) -> Amount:
    """The end of a range written without the scale (and currency) it borrows from the other end."""
    return Amount(start, end, text, round(number[0] * factor, 9), round(number[1] * factor, 9), False, True)


def _range_first(m: re.Match, a: Amount, text: str) -> tuple[Amount, Amount] | None:
    """The two ends of a range written with one scale ("$200-230 million"), or None."""
    if a.scaled or not m.group("num1"):
        return None
    t = _RANGE_TAIL_RE.match(text, a.end)
    if t is None or (t.group("join").lower() == "and" and not _BETWEEN_RE.search(text, max(0, a.start - 12), a.start)):
        return None
    factor = _scale_factor(t.group("scale"))
    first, second = parse_number(m.group("num1"), has_scale=True), parse_number(t.group("num"), has_scale=True)
    if factor is None or first is None or second is None or first[0] >= second[0] or not re.fullmatch(r"\d{1,3}(?:[.,]\d+)?", m.group("num1")):
        return None  # a range runs upwards from a short figure ("$500,000 - $1m" is two amounts)
    sign = -1.0 if a.value < 0 else 1.0
    return (replace(a, value=round(sign * first[0] * factor, 9), precision=round(first[1] * factor, 9), scaled=True),
            _borrowed(t.start("second"), t.end("second"), t.group("second"), second, factor))


# "1 billion 240 million USD", "$1 billion 240 million" (how Korean and Chinese translations write
# 12.4억): the billions before, or the millions after, belong to the same figure
_BILLIONS_BEFORE_RE = Caseless(r"(?<![\w.,])(?P<b>\d{1,3})\s?billion\s$")
_MILLIONS_AFTER_RE = Caseless(r"\s(?P<m>\d{1,3}(?:[.,]\d+)?)\s?million\b(?P<cur>\s(?:US[\s-]dollars?|dollars?|USD))?")


def _compound(a: Amount, m: re.Match, text: str) -> Amount:
    """``a`` with the billions written before it, or the millions after it, of a compound figure."""
    sign = -1.0 if a.value < 0 else 1.0
    if a.scaled and _scale_factor(m.group("scale2")) == 1.0 and m.group("cur2") and not m.group("sign2"):
        b = _BILLIONS_BEFORE_RE.search(text, max(0, a.start - 16), a.start)
        if b is not None and abs(a.value) < 1000:
            return replace(a, start=b.start(), text=text[b.start():a.end], value=round(sign * (int(b.group("b")) * 1000 + abs(a.value)), 9))
    if _scale_factor(m.group("scale1")) == 1e3 and m.group("num1") and m.group("num1").isdigit():
        after = _MILLIONS_AFTER_RE.match(text, a.end)
        if after is not None:
            parsed = parse_number(after.group("m"), has_scale=True)
            if parsed is not None and parsed[0] < 1000:
                return replace(a, end=after.end(), text=text[a.start:after.end()], value=round(sign * (abs(a.value) + parsed[0]), 9),
                               precision=parsed[1])
    return a


# a scaled figure with no currency at all after a dollar amount of the same sentence is in dollars too:
# "Bitcoin drew $1.2 billion and Ether 300 million", "reach 5,6 billion dollars, close to the maximum
# of 7,3 billion that was touched in February" (not "21 million bitcoin", "5 million users", "EUR 300 million")
_BARE_AFTER_RE = Caseless(rf"(?<![\w${_OTHER_SIGNS}.,+\-])"
                          rf"(?P<num2>{_NUM})(?P<scale2>\s?(?:millions?|billions?)\b|\s?(?:bn|mn|mln|bln)\b)"
                          r"(?!\s++of\s+(?:the\s+|their\s+|its\s+)?(?:coins?|tokens?|bitcoins?|btc|eth|ether|shares|units|addresses|users|wallets)\b)"
                          r"(?=\s*+(?:$|[,.;:)]|(?:in|of|into|from|out|worth|that|which|while|and|but|for|last|this|over|during|as|with|on|inflows?"
                          r"|outflows?|net|each|respectively|apiece|to|a\s+week|the\s+week|week)\b))")


# a currency other than the dollar, anywhere in a text: after it, a figure with no currency is not
# read as dollars from the text before ("European funds took in 50 million euros. Ether added 20 million.")
OTHER_CURRENCY_RE = Caseless(rf"[{_OTHER_SIGNS}]|\b(?:{'|'.join(_OTHER_DOLLARS)})\$|\b(?:euros?|EUR|GBP|CHF|JPY|CNY|yen|yuan|francs?|rupiah|IDR|KRW|rupees?|INR|naira|NGN|lira|TRY|reais|BRL|kronor|SEK|pounds\s+sterling)\b")

# "IDR 600 billion", "EUR 1.1 billion", "Rs 9,600 crore", "R$ 10,4 billion", "€ 1.1 billion"
# (and not the second end of a range already read or refused: "$5 - 3 billion")
_OTHER_CURRENCY_BEFORE_RE = re.compile(rf"(?:\b[A-Z]{{3}}|\bRs\.?|\bRp\.?|\b[A-Z]{{1,3}}\$|[${_OTHER_SIGNS}]|[-–—~])\s?$")


def _bare_after(text: str, out: list[Amount], start: int) -> list[Amount]:
    """``out`` (sorted) with the scaled figures with no currency from ``start`` on, in dollars."""
    found = []
    for m in _BARE_AFTER_RE.finditer(text, start):
        if any(a.start < m.end() and m.start() < a.end for a in out) or _OTHER_CURRENCY_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            continue
        a = parse_match(m)
        if a is not None:
            found.append(a)
    return sorted(out + found, key=lambda a: a.start) if found else out


def find_amounts(text: str, dollars: bool = False) -> list[Amount]:
    """Every money amount in ``text``, left to right.

    A scaled figure with no currency ("ether captured 496 million") is in dollars after the first
    dollar amount of ``text``; before it too when that amount writes its currency after the number (a
    list that names its currency once, at its end: "Solana with 17,1 million, BNB with 4,6 million and
    Chainlink with 3,8 million US-Dollar"); and anywhere in a text with no amount of its own when the
    caller knows the text before it counts in dollars (``dollars``: "XRP and Solana added 69.5 million
    and 45.5 million" after sentences in dollars).

    A scaled figure with no currency of its own takes that of the amount right after it when they
    are joined by "and", "or", "to", a dash or "~" and that amount writes its currency after the
    number ("6.2 million and 9.8 million dollars"). The first end of a range written with one scale
    takes the scale of the second ("$200-230 million", "between 1.3 and 1.35 billion dollars"); the
    dash between them is no minus sign. A compound figure is one amount ("1 billion 240 million USD").
    """
    out: list[Amount] = []
    skip_to = -1
    suffixed = False  # the first amount writes its currency after the number
    for m in AMOUNT_RE.finditer(text):
        if m.start() < skip_to:
            continue  # the second end of a range already read
        a = parse_match(m)
        if a is None:
            continue
        a = _compound(a, m, text)
        if out and a.start < out[-1].end:
            continue
        if not out:  # (before any figure that borrows this amount's currency or scale joins ``out``)
            suffixed = bool(m.group("cur2") or m.group("cur3") or m.group("cur4"))
        ends = _range_first(m, a, text)
        if ends is not None:
            out.extend(ends)
            skip_to = ends[1].end
            continue
        if m.group("sign2") and m.group("sign2") in "-\u2013" and (bare := _DASH_BARE_RE.search(text, max(0, a.start - 16), a.start)) is not None:
            # "in the range 600–650 mln USD": the dash joins the ends of a range and is no minus sign
            factor = _scale_factor(m.group("scale2"))
            first = parse_number(bare.group("figure"), has_scale=True)
            second = parse_number(m.group("num2"), has_scale=True)
            if factor is not None and first is not None and second is not None and first[0] < second[0]:
                out.append(_borrowed(bare.start("figure"), bare.end("figure"), bare.group("figure"), first, factor))
                a = replace(a, start=m.start("num2"), text=text[m.start("num2"):a.end], value=abs(a.value), signed=False)
        if m.group("cur2") or m.group("cur3") or m.group("cur4"):
            lo = max(0, a.start - 40, out[-1].end if out else 0)
            b = _SHARED_CURRENCY_RE.search(text, lo, a.start)
            if b is not None:
                first = parse_match(b)
                if first is not None:
                    out.append(replace(first, end=b.end("figure"), text=b.group("figure")))
            elif (bare := _BETWEEN_BARE_RE.search(text, lo, a.start)) is not None and m.group("scale2"):
                factor = _scale_factor(m.group("scale2"))
                parsed = parse_number(bare.group("figure"), has_scale=True)
                if factor is not None and parsed is not None and (bare.group("resp") or parsed[0] * factor < abs(a.value)):
                    out.append(_borrowed(bare.start("figure"), bare.end("figure"), bare.group("figure"), parsed, factor))
        out.append(a)
    if out:
        return _bare_after(text, out, 0 if suffixed else out[0].end)
    return _bare_after(text, out, 0) if dollars else out


def parse_amount(text: str) -> Amount | None:
    """Parse a single amount ("$1.7B", "USD 630 million", "-$11.1 million")."""
    m = AMOUNT_RE.search(text)
    return parse_match(m) if m else None
