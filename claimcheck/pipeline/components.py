"""spaCy components of the claimcheck pipeline, registered as factories.

Pipeline (``models/claimcheck_en``, built by ``python -m claimcheck.pipeline.build``):

``claimcheck_sentences`` -> ``claimcheck_subjects`` (catalogue linker) -> ``claimcheck_targets``
-> ``claimcheck_modifiers`` -> ``claimcheck_claims``.

Results live in ``doc.spans``: ``"subjects"`` (linked mentions, ``span._.subject_id``),
``"targets"`` (amounts, percents, streaks, ranks), ``"modifiers"`` (hedge, direction, metric and
week cues) and ``"claims"`` (``span._.claim`` holds the normalised :class:`~claimcheck.model.Claim`).
The article's report date is read from ``doc._.report_date`` (set before the pipeline runs).
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..catalogue import Catalogue
from . import rules
from .lexicon import DEFAULT_PATTERNS

for _name, _default in (("report_date", None), ("period_source", "article")):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in ("subject_id", "link", "claim", "cc"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    sp = doc.char_span(start, end, label=label, alignment_mode="expand")
    return sp


def _sentences(doc: Doc):
    for s in doc.sents:
        yield s.start_char, s.text


@Language.factory("claimcheck_sentences")
class SentenceSplitter:
    """Sentence starts after . ! ? (before a capital, digit, quote or bullet) and at every line break."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        for i, tok in enumerate(doc):
            if i == 0:
                tok.is_sent_start = True
                continue
            prev = doc[i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
            elif prev.text in (".", "!", "?", "…") and (tok.is_title or tok.is_upper or tok.like_num or tok.text[:1] in "\"'“‘$(●•-–—" or tok.is_space):
                tok.is_sent_start = True
            elif tok.is_space:
                tok.is_sent_start = False
            else:
                tok.is_sent_start = False
        return doc


@Language.factory("claimcheck_subjects")
class SubjectLinker:
    """Links mentions to the subject catalogue: exact aliases first, rapidfuzz for near misses."""

    def __init__(self, nlp: Language, name: str, fuzzy: bool = True):
        self.name = name
        self.fuzzy = fuzzy
        self.catalogue = Catalogue()
        self._re: re.Pattern | None = None
        self._re_cs: re.Pattern | None = None

    def set_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._compile()

    def _compile(self) -> None:
        ci = sorted({a for a, _, cs in self.catalogue.aliases if not cs}, key=len, reverse=True)
        cs = sorted({a for a, _, c in self.catalogue.aliases if c}, key=len, reverse=True)
        alt = lambda xs: "|".join(re.escape(x) for x in xs) or r"(?!x)x"
        self._re = re.compile(rf"(?<![\w-])(?:{alt(ci)})(?![\w])", re.IGNORECASE)
        self._re_cs = re.compile(rf"(?<![\w-])(?:{alt(cs)})(?![\w])")
        self._ci = {a.lower(): sid for a, sid, c in self.catalogue.aliases if not c}
        self._cs = {a: sid for a, sid, c in self.catalogue.aliases if c}

    def mentions(self, text: str) -> list[rules.Mention]:
        if self._re is None:
            self._compile()
        found: list[rules.Mention] = []
        for m in self._re.finditer(text):
            found.append(rules.Mention(m.start(), m.end(), self._ci[m.group(0).lower()], m.group(0), "alias"))
        for m in self._re_cs.finditer(text):
            found.append(rules.Mention(m.start(), m.end(), self._cs[m.group(0)], m.group(0), "alias"))
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        kept: list[rules.Mention] = []
        for x in found:
            if kept and x.start < kept[-1].end:
                continue
            kept.append(x)
        if self.fuzzy:
            taken = [(k.start, k.end) for k in kept]
            for m in re.finditer(r"\b[A-Z][a-z]{4,}\b", text):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                hit = self.catalogue.fuzzy(m.group(0))
                if hit and hit[1] < 100:
                    kept.append(rules.Mention(m.start(), m.end(), hit[0], m.group(0), f"fuzzy:{hit[1]:.0f}"))
            kept.sort(key=lambda x: x.start)
        return kept

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in self.mentions(doc.text):
            sp = _span(doc, m.start, m.end, "SUBJECT")
            if sp is not None:
                sp._.subject_id = m.subject
                sp._.link = m.how
                sp._.cc = {"start": m.start, "end": m.end, "text": m.text}
                spans.append(sp)
        doc.spans["subjects"] = spans
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
        self._compile()

    def _compile(self) -> None:
        self.patterns = {k: re.compile(v, re.IGNORECASE) for k, v in self.patterns_src.items()}

    def to_disk(self, path, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns.json").write_text(json.dumps(self.patterns_src, indent=1, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()):
        self.patterns_src = json.loads((ensure_path(path) / "patterns.json").read_text(encoding="utf-8"))
        self._compile()
        return self


@Language.factory("claimcheck_targets")
class TargetMatcher(_PatternComponent):
    """Finds what claims are about: money amounts, percents, streaks and ranks."""

    keys = ("percent", "streak", "rank")

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for s0, text in _sentences(doc):
            for t in rules.find_targets(text, self.patterns):
                sp = _span(doc, s0 + t.start, s0 + t.end, t.label)
                if sp is not None:
                    sp._.cc = {"sent_start": s0, "target": t}
                    spans.append(sp)
        doc.spans["targets"] = spans
        return doc


@Language.factory("claimcheck_modifiers")
class ModifierMatcher(_PatternComponent):
    """Finds the cues around targets: direction, metric, week, share, not-a-claim (ConText-style)."""

    keys = ("outflow", "inflow", "ytd", "mtd", "run", "aum", "volume", "daily", "share", "pct_change", "not_claim")

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        report: date | None = doc._.report_date
        for s0, text in _sentences(doc):
            for c in rules.find_cues(text, self.patterns, report):
                sp = _span(doc, s0 + c.start, s0 + c.end, c.label.upper())
                if sp is not None:
                    sp._.cc = {"sent_start": s0, "cue": c}
                    spans.append(sp)
        doc.spans["modifiers"] = spans
        return doc


@Language.factory("claimcheck_claims")
class ClaimBuilder:
    """Joins targets, modifiers and subjects of each sentence into normalised claims."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        by_sent: dict[int, tuple[str, list, list, list]] = {}
        for s0, text in _sentences(doc):
            by_sent[s0] = (text, [], [], [])
        for sp in doc.spans.get("targets", []):
            by_sent[sp._.cc["sent_start"]][1].append(sp._.cc["target"])
        for sp in doc.spans.get("modifiers", []):
            by_sent[sp._.cc["sent_start"]][2].append(sp._.cc["cue"])
        for sp in doc.spans.get("subjects", []):
            cc = sp._.cc
            s0 = sp.sent.start_char
            if s0 in by_sent and cc["end"] <= s0 + len(by_sent[s0][0]):
                by_sent[s0][3].append(rules.Mention(cc["start"] - s0, cc["end"] - s0, sp._.subject_id, cc["text"], sp._.link))
        out = []
        previous: list[rules.Mention] = []
        previous_context = False
        prev_end = 0
        for s0, (text, targets, cues, mentions) in by_sent.items():
            if "\n" in doc.text[prev_end:s0]:
                previous, previous_context = [], False  # a new paragraph or line
            prev_end = s0 + len(text.rstrip())
            if targets:
                found = rules.assemble(text, s0, targets, cues, mentions, doc._.report_date, doc._.period_source,
                                       previous, previous_context)
            else:
                found = []
            if mentions:
                previous = mentions
            previous_context = previous_context or bool(rules.FUND_CONTEXT_RE.search(text))
            for c in found:
                sp = _span(doc, c.start, c.end, c.kind.upper())
                if sp is not None:
                    sp._.claim = c
                    out.append(sp)
        doc.spans["claims"] = out
        return doc
