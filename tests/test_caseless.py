"""A :class:`Caseless` pattern finds exactly what the same pattern with ``re.IGNORECASE`` finds.

Every case-insensitive pattern that reads article text (the lexicon the components compile, the
module patterns of claimcheck.parse and claimcheck.pipeline.rules, the subject linker's aliases) is
searched both ways on the same texts, and the matches must agree: offsets, and every group's text
in its original case.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.parse import caseless, hedges, numbers, periods
from claimcheck.parse.caseless import Caseless, lower_pattern
from claimcheck.pipeline import lexicon, rules

ROOT = Path(__file__).resolve().parents[1]
SCALE = int(os.environ.get("CLAIMCHECK_EXAMPLES_SCALE", "1"))


@pytest.mark.parametrize("src, expected", [
    (r"Bitcoin", "bitcoin"),
    (r"\bAuM\b", r"\baum\b"),
    (r"\S+\W\B\D", r"\S+\W\B\D"),  # escapes keep their case: \S is not \s
    (r"(?P<Num>\d+)(?P=Num)", r"(?P<Num>\d+)(?P=Num)"),  # group names as written
    (r"[A-Z][a-z]", r"[a-z][a-z]"),
    (r"US\$|USD", r"us\$|usd"),
    (r"\u2019S", r"\u2019s"),
    (r"(?:January|JAN\.)\s+\d{1,2}", r"(?:january|jan\.)\s+\d{1,2}"),
])
def test_lower_pattern(src, expected):
    assert lower_pattern(src) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bitcoin ETPs", "bitcoin etps"),
    ("İstanbul", None),  # lowercases to 10 characters: offsets would shift
    ("ıNFLOWS", None),  # dotless i folds to "i" under IGNORECASE, not under lower()
    ("Ether’s €5M", "ether’s €5m"),
])
def test_lowered(text, expected):
    assert caseless.lowered(text) == expected


@pytest.mark.parametrize("src, expected", [
    # re's parser factors out the common "a": every match holds "um" or "management"
    (r"\bAuM\b|\bassets\s+under\s+management\b", ("management", "um")),
    (r"out-?flows?", ("out-flow", "outflow")),
    (r"\b(?:US\$|\$)\d+", ("$",)),  # "us$" holds "$"
    (r"(?:week|days)\b", ("days", "week")),
    (r"\d+\s?%", ("%",)),
    (r"\w+", None),  # nothing literal is required
    (r"(?:up)?\s+down", ("down",)),
    (r"(?i)bitcoin", None),  # inline flags: no gate
])
def test_required_literals(src, expected):
    assert caseless.required_literals(src) == expected


@pytest.mark.parametrize("src, flags, texts", [
    # patterns the lowercasing cannot keep equivalent are searched with IGNORECASE as written
    ("foo bar # c", re.VERBOSE, ["FOObar", "foobar"]),
    (r"\x41bc", 0, ["abc", "ABC"]),
    (r"\u00C9t\u00E9", 0, ["été", "ÉTÉ"]),
    (r"[A-z]+", 0, ["a_b", "A^Z"]),
    (r"[À-Þ]", 0, ["×", "÷", "é"]),
    (r"(?-i:ABC)", 0, ["abc", "ABC"]),
    (r"(?a)é", 0, ["É", "é"]),
    (r"(?P<Name>a)(?(Name)b|c)", 0, ["AB", "ac"]),
    ("σ", 0, ["Σ", "ς", "σ"]),
    ("µ", 0, ["μ", "Μ"]),
])
def test_patterns_that_cannot_be_lowercased_keep_their_matches(src, flags, texts):
    p = Caseless(src, flags)
    assert p.folded is None and p.gate is None
    for text in texts:
        assert _matches(p.finditer(text)) == _matches(re.compile(src, flags | re.IGNORECASE).finditer(text))


@pytest.mark.parametrize("src", [r"\bAuM\b", r"[A-Z][a-z]{4,}", r"bilh(?:ão|ões)", r"[0-9]+%", r"(?P<num>\d+)\s?(?:bn|m)\b"])
def test_patterns_that_can_be_lowercased(src):
    assert caseless.foldable(src)


def _patterns() -> dict[str, Caseless]:
    found = {f"lexicon[{k}]": Caseless(v) for k, v in sorted(lexicon.DEFAULT_PATTERNS.items())}
    for mod in (numbers, hedges, periods, rules):
        for k, v in sorted(vars(mod).items()):
            if isinstance(v, Caseless):
                found[f"{mod.__name__.rsplit('.', 1)[-1]}.{k}"] = v
    from claimcheck import pipeline

    found["aliases"] = pipeline.load().get_pipe("claimcheck_subjects")._re
    return found


PATTERNS = _patterns()


def _matches(found) -> list:
    out = []
    for m in found:
        groups = m.groupdict()
        out.append((m.span(), m.group(0), sorted(groups.items(), key=lambda kv: kv[0])))
    return out


def _agree(p: Caseless, text: str) -> None:
    assert _matches(p.finditer(text)) == _matches(p.ignorecase.finditer(text))
    for how in ("search", "match"):
        a, b = getattr(p, how)(text), getattr(p.ignorecase, how)(text)
        assert (a is None) == (b is None)
        if a is not None:
            assert (a.span(), a.group(0), a.groupdict()) == (b.span(), b.group(0), b.groupdict())


def test_every_pattern_of_claimcheck_is_lowercased():
    """The speed-up reaches every pattern claimcheck uses (none falls back to IGNORECASE)."""
    assert [name for name, p in PATTERNS.items() if p.folded is None] == []


def test_patterns_were_found():
    for must in ("lexicon[outflow]", "lexicon[streak]", "numbers.AMOUNT_RE", "periods.WEEK_ENDING_RE",
                 "hedges.HEDGE_BEFORE_RE", "rules.FUND_CONTEXT_RE", "aliases"):
        assert must in PATTERNS


def _corpus_lines() -> list[str]:
    lines = []
    for p in sorted((ROOT / "corpus" / "articles").glob("*.txt")):
        lines.extend(x for x in p.read_text(encoding="utf-8").splitlines() if x.strip())
    return lines


LINES = _corpus_lines()


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_same_matches_on_the_corpus(name):
    """Every line of the team corpus, as written, in upper case and in swapped case."""
    p = PATTERNS[name]
    for line in LINES:
        for text in (line, line.upper(), line.swapcase()):
            _agree(p, text)


# words of the patterns themselves, mixed with numbers, signs and characters that fold oddly
_WORDS = sorted({w for src in lexicon.DEFAULT_PATTERNS.values() for w in re.findall(r"[A-Za-z]{2,}", src)})
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(["$1.7bn", "US$630m", "1,200", "12%", "4th", "2026", "week ending January 23", "-", ":",
                     ". ", ", ", "\n", "’s", "İ", "ı", "ſ", "K", "ß", "Σ", "ǅ", "ﬁ"]),
    st.text(min_size=1, max_size=3),
)
_TEXTS = st.lists(st.tuples(_PIECES, st.sampled_from(["lower", "upper", "title", "as is"])), max_size=25).map(
    lambda parts: " ".join(getattr(w, how)() if how != "as is" else w for w, how in parts))


@settings(max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, name=st.sampled_from(sorted(PATTERNS)))
def test_same_matches_on_generated_text(text, name):
    _agree(PATTERNS[name], text)
