"""spaCy components of the claimcheck pipeline, registered as factories.

Pipeline (``models/claimcheck_en``, built by ``python -m claimcheck.pipeline.build``):

``claimcheck_sentences`` -> ``claimcheck_subjects`` (catalogue linker) -> ``claimcheck_targets``
-> ``claimcheck_modifiers`` -> ``claimcheck_claims``.

The records each component hands on live in ``doc.user_data`` lists, one entry a record, so two
records whose spans cover the same tokens never overwrite each other (span extensions are keyed by
character offsets): ``"claimcheck.sentences"`` (start offset, text), ``"claimcheck.mentions"``
(:class:`~claimcheck.pipeline.rules.Mention`, offsets in the doc), ``"claimcheck.targets"`` and
``"claimcheck.cues"`` ((sentence start, record), offsets in the sentence) and
``"claimcheck.claims"`` (the normalised claims, :class:`~claimcheck.model.Claim`).

The same results are shown as span groups in ``doc.spans``: ``"subjects"`` (the subject id in
``span.kb_id_``, also ``span._.subject_id``), ``"targets"`` (amounts, percents, streaks, ranks),
``"modifiers"`` (hedge, direction, metric and week cues) and ``"claims"`` (``span._.claim`` gives
the claim, found through ``span.id_``, its index in ``"claimcheck.claims"``).
The article's report date is read from ``doc._.report_date`` (set before the pipeline runs).
"""
from __future__ import annotations

import bisect
import json
import re
from datetime import date

import numpy
from spacy.attrs import IDX, IS_SPACE, IS_TITLE, IS_UPPER, LENGTH, LIKE_NUM, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..catalogue import Catalogue
from ..parse import numbers
from ..parse.caseless import Caseless
from . import rules
from .lexicon import DEFAULT_PATTERNS

TEXT, SENTENCES, MENTIONS, TARGETS, CUES, CLAIMS = (f"claimcheck.{k}" for k in ("text", "sentences", "mentions", "targets", "cues", "claims"))

for _name, _default in (("report_date", None), ("period_source", "article")):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _claim_of(span: Span):
    listed = span.doc.user_data.get(CLAIMS)
    return listed[int(span.id_)] if listed is not None and span.id_.isdigit() and int(span.id_) < len(listed) else None


for _name, _getter in (("subject_id", lambda sp: sp.kb_id_ or None), ("claim", _claim_of)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)


def _span(doc: Doc, start: int, end: int, label: str, kb_id: str = "", span_id: str = "") -> Span | None:
    return doc.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id, alignment_mode="expand")


def _text(doc: Doc) -> str:
    """``doc.text``, built once (spaCy joins the tokens anew on every access)."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def _sentences(doc: Doc) -> list[tuple[int, str]]:
    """(start offset, text) of each sentence, as the sentence splitter left them."""
    found = doc.user_data.get(SENTENCES)
    if found is None:
        found = [(s.start_char, s.text) for s in doc.sents] if len(doc) else []
        doc.user_data[SENTENCES] = found
    return found


def _line_starts(doc: Doc) -> set[int]:
    """The starts of the sentences that open a line or paragraph (a line break lies between the end
    of the sentence before and them): what the components carry from sentence to sentence ends there."""
    full, out, prev_end = _text(doc), set(), 0
    for s0, text in _sentences(doc):
        if "\n" in full[prev_end:s0]:
            out.add(s0)
        prev_end = s0 + len(text.rstrip())
    return out


def _sentence_of(starts: list[int], pos: int) -> int | None:
    """The start of the sentence holding offset ``pos`` (``starts``: the sentence starts, sorted)."""
    k = bisect.bisect_right(starts, pos) - 1
    return starts[k] if k >= 0 else None


_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]{4,}\b")  # candidates for a fuzzy match ("Etherium")
_BREAKERS = numpy.array([get_string_id(x) for x in (".", "!", "?", "…")], dtype="uint64")
# a unit the tokenizer keeps with its full stop ("$630m." is "$", "630", "m."): after a number, it ends a sentence too
_UNIT_STOPS = numpy.array([get_string_id(x) for x in ("m.", "M.", "mn.", "bn.", "b.", "B.", "k.", "K.")], dtype="uint64")
_OPENERS = "\"'“‘$(●•-–—"
_FIGURE_STOP_RE = re.compile(r"(?<=\d)(?:[mMbBkK]|bn|mn)\.\s+(?=[A-Z0-9\"'“‘$(●•])")
# German scale abbreviations: "352 Mio. US-Dollar" goes on past the full stop
_ABBREV_SCALES = numpy.array([get_string_id(x) for x in ("Mio", "Mrd")], dtype="uint64")


@Language.factory("claimcheck_sentences")
class SentenceSplitter:
    """Sentence starts after . ! ? (before a capital, digit, quote or bullet) and at every line break.

    A unit with its full stop after a number ("$630m. Bitcoin...") ends a sentence as well.

    Works on the doc's token arrays, so its time is linear in the length of the doc; the sentences
    are also kept as (start offset, text) in ``doc.user_data["claimcheck.sentences"]``.
    """

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            doc.user_data[SENTENCES] = []
            return doc
        a = doc.to_array([ORTH, IS_TITLE, IS_UPPER, LIKE_NUM, IS_SPACE, IDX, LENGTH])
        orth = a[:, 0]
        title, upper, num, space, idx, length = (a[:, k].astype("int64") for k in range(1, 7))
        start = numpy.zeros(n, dtype=bool)
        start[0] = True
        text = _text(doc)
        # after a line break: the token after a space token holding "\n"
        for i in numpy.flatnonzero(space[:-1]):
            if "\n" in text[idx[i]: idx[i] + length[i]]:
                start[i + 1] = True
        # after . ! ? ...: before a capital, an all-caps word, a number, an opening mark or a space
        stops = numpy.isin(orth[:-1], _BREAKERS)
        stops[1:] &= ~numpy.isin(orth[:-2], _ABBREV_SCALES)
        stops[1:] |= numpy.isin(orth[1:-1], _UNIT_STOPS) & (num[:-2] == 1)
        for i in numpy.flatnonzero(stops):
            j = i + 1
            if title[j] or upper[j] or num[j] or space[j] or text[idx[j]: idx[j] + 1] in _OPENERS:
                start[j] = True
        # a figure the tokenizer keeps whole with its unit and full stop ("+$1.48B. Solana: ...")
        for m in _FIGURE_STOP_RE.finditer(text):
            j = int(numpy.searchsorted(idx, m.end()))
            if j < n and idx[j] == m.end():
                start[j] = True
        doc.from_array([SENT_START], numpy.where(start, 1, -1).astype("uint64").reshape(-1, 1))
        firsts = numpy.flatnonzero(start)
        ends = numpy.append(firsts[1:], n) - 1
        doc.user_data[SENTENCES] = [(int(idx[s]), text[idx[s]: idx[e] + length[e]]) for s, e in zip(firsts, ends)]
        return doc


@Language.factory("claimcheck_subjects")
class SubjectLinker:
    """Links mentions to the subject catalogue: exact aliases first, rapidfuzz for near misses."""

    def __init__(self, nlp: Language, name: str, fuzzy: bool = True):
        self.name = name
        self.fuzzy = fuzzy
        self.catalogue = Catalogue()
        self._re: Caseless | None = None
        self._re_cs: re.Pattern | None = None

    def set_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._compile()

    def _compile(self) -> None:
        # longest first (so the longest alias wins), then alphabetically: the same catalogue gives the same pattern
        ci = sorted({a for a, _, cs in self.catalogue.aliases if not cs}, key=lambda a: (-len(a), a))
        cs = sorted({a for a, _, c in self.catalogue.aliases if c}, key=lambda a: (-len(a), a))
        alt = lambda xs: "|".join(re.escape(x) for x in xs) or r"(?!x)x"
        # "US$867m", "28 million US dollars", "1,73 billion US-Dollar": an alias that is part of a currency
        # is not the subject (the case-sensitive pattern spells the capital out); nor is one that says who
        # reports ("the European asset manager", CoinShares; "the U.S. fund issuer")
        reporter = r"(?!\s+(?:(?:asset|fund|investment|wealth)\s+)?(?:manager|issuer|firm|house|company)\b)"
        self._re = Caseless(rf"(?<![\w-])(?:{alt(ci)})(?![\w$])(?![\s-]+dollars?\b){reporter}")
        self._re_cs = re.compile(rf"(?<![\w-])(?:{alt(cs)})(?![\w$])(?![\s-]+[Dd]ollars?\b){reporter}")
        self._ci = {a.lower(): sid for a, sid, c in self.catalogue.aliases if not c}
        self._cs = {a: sid for a, sid, c in self.catalogue.aliases if c}

    def _alias_subject(self, found: str) -> str | None:
        """The subject of a case-insensitive alias as matched ("Bıtcoin" folds to "bitcoin" in re, not in ``lower()``)."""
        sid = self._ci.get(found.lower())
        if sid is None:
            sid = next((v for k, v in self._ci.items() if re.fullmatch(re.escape(k), found, re.IGNORECASE)), None)
        return sid

    def mentions(self, text: str) -> list[rules.Mention]:
        if self._re is None:
            self._compile()
        found: list[rules.Mention] = []
        for m in self._re.finditer(text):
            sid = self._alias_subject(m.group(0))
            if sid is not None:
                found.append(rules.Mention(m.start(), m.end(), sid, m.group(0), "alias"))
        for m in self._re_cs.finditer(text):
            found.append(rules.Mention(m.start(), m.end(), self._cs[m.group(0)], m.group(0), "alias"))
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        kept: list[rules.Mention] = []
        for x in found:
            if kept and x.start < kept[-1].end:
                continue
            kept.append(x)
        if self.fuzzy:
            starts = [k.start for k in kept]  # sorted, not overlapping
            for m in _CAPITALISED_RE.finditer(text):
                k = bisect.bisect_right(starts, m.start()) - 1
                if k >= 0 and m.start() < kept[k].end:
                    continue  # inside an alias already found
                hit = self.catalogue.fuzzy(m.group(0))
                if hit and hit[1] < 100:
                    kept.append(rules.Mention(m.start(), m.end(), hit[0], m.group(0), f"fuzzy:{hit[1]:.0f}"))
            kept.sort(key=lambda x: x.start)
        return kept

    def __call__(self, doc: Doc) -> Doc:
        found = self.mentions(_text(doc))
        doc.user_data[MENTIONS] = found
        spans = (_span(doc, m.start, m.end, "SUBJECT", kb_id=m.subject) for m in found)
        doc.spans["subjects"] = [sp for sp in spans if sp is not None]
        return doc

    def to_disk(self, path, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "catalogue.json").write_text(self.catalogue.to_json(), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()):
        self.set_catalogue(Catalogue.from_json((ensure_path(path) / "catalogue.json").read_text(encoding="utf-8")))
        return self


class _PatternComponent:
    """Shared save/load of regex patterns for the target and modifier components."""

    keys: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.patterns_src = {k: DEFAULT_PATTERNS[k] for k in self.keys}
        self._compiled: dict[str, Caseless] | None = None

    @property
    def patterns(self) -> dict[str, Caseless]:
        """The compiled patterns, compiled on first use (``from_disk`` replaces the sources first)."""
        if self._compiled is None:
            self._compiled = {k: Caseless(v) for k, v in self.patterns_src.items()}
        return self._compiled

    def to_disk(self, path, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns.json").write_text(json.dumps(self.patterns_src, indent=1, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()):
        self.patterns_src = json.loads((ensure_path(path) / "patterns.json").read_text(encoding="utf-8"))
        self._compiled = None
        return self


def _per_sentence(doc: Doc, key: str, group: str, find, only: set[int] | None = None) -> Doc:
    """Run ``find(sentence start, sentence text)`` on each sentence (those starting at ``only``, when
    given); keep (sentence start, record) in ``doc.user_data[key]``."""
    records, spans = [], []
    for s0, text in _sentences(doc):
        if only is not None and s0 not in only:
            continue
        for r in find(s0, text):
            records.append((s0, r))
            sp = _span(doc, s0 + r.start, s0 + r.end, r.label.upper())
            if sp is not None:
                spans.append(sp)
    doc.user_data[key] = records
    doc.spans[group] = spans
    return doc


@Language.factory("claimcheck_targets")
class TargetMatcher(_PatternComponent):
    """Finds what claims are about: money amounts, percents, streaks and ranks."""

    keys = ("percent", "streak_gate", "streak", "rank")

    def __call__(self, doc: Doc) -> Doc:
        line_starts = _line_starts(doc)
        dollars = False  # an earlier sentence of the line had a dollar amount (and none since named another currency)

        def find(s0: int, text: str) -> list[rules.Target]:
            nonlocal dollars
            if s0 in line_starts:
                dollars = False  # (what a line holds never depends on the lines before it)
            found = rules.find_targets(text, self.patterns, dollars)
            dollars = (dollars or any(t.label == "AMOUNT" for t in found)) and numbers.OTHER_CURRENCY_RE.search(text) is None
            return found

        return _per_sentence(doc, TARGETS, "targets", find)


@Language.factory("claimcheck_modifiers")
class ModifierMatcher(_PatternComponent):
    """Finds the cues around targets: direction, metric, week, share, not-a-claim (ConText-style).

    Like ConText, it looks only where there is something to modify: in the sentences that hold a
    target or a subject (a subject with a direction is a claim of its own); all sentences when the
    target matcher has not run.
    """

    keys = rules.CUE_LABELS

    def __call__(self, doc: Doc) -> Doc:
        report: date | None = doc._.report_date
        targets = doc.user_data.get(TARGETS)
        only = None
        if targets is not None:
            starts = [s0 for s0, _ in _sentences(doc)]
            only = {s0 for s0, _ in targets}
            only |= {_sentence_of(starts, m.start) for m in doc.user_data.get(MENTIONS, ())} - {None}
        return _per_sentence(doc, CUES, "modifiers", lambda s0, text: rules.find_cues(text, self.patterns, report), only)


@Language.factory("claimcheck_claims")
class ClaimBuilder:
    """Joins targets, modifiers and subjects of each sentence into normalised claims."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        sentences = _sentences(doc)
        starts = [s0 for s0, _ in sentences]
        by_sent: dict[int, tuple[str, list, list, list]] = {s0: (text, [], [], []) for s0, text in sentences}
        for s0, t in doc.user_data.get(TARGETS, ()):
            by_sent[s0][1].append(t)
        for s0, c in doc.user_data.get(CUES, ()):
            by_sent[s0][2].append(c)
        for m in doc.user_data.get(MENTIONS, ()):
            s0 = _sentence_of(starts, m.start)
            if s0 is not None and m.end <= s0 + len(by_sent[s0][0]):
                by_sent[s0][3].append(rules.Mention(m.start - s0, m.end - s0, m.subject, m.text, m.how))
        claims = []
        previous: list[rules.Mention] = []
        previous_context = False
        year_total = None  # the total of the year just ended, earlier in this block (a January review)
        named_week = None  # the last claim of the paragraph whose week the text named
        opening, first_claims = None, True  # the dated claim the paragraph's first claim sentence opens on; no claim yet
        last_amount = None  # the last amount claim of the paragraph
        line_starts = _line_starts(doc)
        report = doc._.report_date
        for s0, (text, targets, cues, mentions) in by_sent.items():
            if s0 in line_starts:  # a new paragraph or line
                previous, previous_context, named_week, last_amount, opening = [], False, None, None, None
                first_claims = True
            if targets or cues:
                found = rules.assemble(text, s0, targets, cues, mentions, report, doc._.period_source, previous, previous_context)
                year_total = year_total or rules.closed_year_total(found, report)
                if year_total is not None and not rules.carry_closed_year(found, cues, s0, report, year_total):
                    year_total = None
                rules.carry_of_that(found, last_amount, s0)
                rules.carry_that_week(found, named_week)
                if first_claims and found:
                    opening, first_claims = rules.opening_week(found), False
                else:
                    rules.carry_opening_week(found, opening)
                last_amount = next((c for c in reversed(found) if c.kind == "amount"), last_amount)
                named_week = next((c for c in reversed(found) if c.period_source in ("text", "previous-week")), named_week)
                claims.extend(found)
            if mentions:
                previous = mentions
            previous_context = previous_context or bool(rules.FUND_CONTEXT_RE.search(text))
        doc.user_data[CLAIMS] = claims
        spans = (_span(doc, c.start, c.end, c.kind.upper(), span_id=str(k)) for k, c in enumerate(claims))
        doc.spans["claims"] = [sp for sp in spans if sp is not None]
        return doc
