"""Extraction: text -> spaCy Doc -> claim spans -> normalised Claims. Never reads reference data.

Long texts are cut into pieces (:func:`split_text`: whole lines packed up to :data:`CHUNK_CHARS`
characters, a single line of up to :data:`LINE_CHARS` kept whole, never more than the pipeline's
``nlp.max_length``); each piece is run on its own and the claims' offsets are shifted back onto
the whole text. The pipeline starts a new sentence, and forgets the subject of the sentence
before, at every line break, so cutting there gives the same claims as one run over the whole
text. Only a line longer than :data:`LINE_CHARS` is cut elsewhere (after a sentence end, else at a
space, else anywhere), which can lose a subject carried over from the sentence before the cut,
and a long run of symbols ("$$$$...") is cut into short pieces of its own. This also keeps
spaCy's ``nlp.max_length`` (1,000,000 characters) from refusing big articles.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .model import Claim
from .pipeline import rules
from .pipeline.components import TEXT as TEXT_KEY

#: pieces are whole lines packed up to this many characters (small pieces keep long texts fast)
CHUNK_CHARS = 3_000
#: a single line up to this long is still run whole; a longer one is cut after sentence ends.
#: The pipeline's components are linear in the length of a doc, but the claim rules compare every
#: target of a sentence with every cue and mention of it, so one sentence of 100,000 characters
#: full of amounts would take quadratic time; pieces of this size keep that bounded.
LINE_CHARS = 3_000
#: a run of this many characters without a space, beginning or ending with a symbol, goes into
#: pieces of its own, this long (see :func:`_cut`)
WORD_CHARS = 100
_RUN_RE = re.compile(rf"\S{{{WORD_CHARS},}}")
# a sentence end the pipeline's splitter would also see: [.!?] after a lower-case letter, digit
# or closing mark, then space, then a capital, digit or opening quote
_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9%)\]\"'”’])[.!?…][\"'”’)\]]*\s+(?=[A-Z0-9\"'“‘(])")
_SPACE_RE = re.compile(r"\s+")


def _last(pattern: re.Pattern, text: str, lo: int, hi: int) -> int | None:
    end = None
    for m in pattern.finditer(text, lo, hi):
        end = m.end()
    return end


def _run_end(text: str, nl: int, stop: int) -> int | None:
    """The end of the whitespace that follows the line break at ``nl``; None if it runs past ``stop``.

    Cutting there, the next piece starts with a word, as the pipeline's sentence after a line
    break does, and the whitespace stays with the sentence before, as in one run over the text.
    """
    n = len(text)
    stop = min(stop, n)
    end = nl + 1
    while end < stop and text[end].isspace():
        end += 1
    if end < stop or end == n or not text[end].isspace():
        return end
    return None


def _line_cut(text: str, start: int, stop: int) -> int | None:
    """The last cut in ``(start, stop]`` after a line break (see :func:`_run_end`), or None."""
    hi = stop
    while True:
        nl = text.rfind("\n", start, hi)
        if nl < 0:
            return None
        end = _run_end(text, nl, stop)
        if end is not None:
            return end
        while nl > start and text[nl - 1].isspace():  # whitespace past ``stop``: look before it
            nl -= 1
        hi = nl


def _plain_cut(text: str, start: int, limit: int, line_limit: int) -> int:
    n = len(text)
    if n - start <= limit:
        return n
    stop = start + limit
    end = _line_cut(text, start, stop)
    if end is None:  # the line at ``start`` is longer than ``limit``: whole, if not over ``line_limit``
        hard = min(start + max(line_limit, limit), n)
        nl = text.find("\n", stop, hard)
        if nl >= 0:
            end = _run_end(text, nl, hard)
        elif hard == n:
            end = hard
    if end is not None and end > start:
        return end
    lo = start + limit // 2  # search the second half only: a piece is never tiny
    return _last(_SENTENCE_END_RE, text, lo, stop) or _last(_SPACE_RE, text, lo, stop) or stop


def _cut(text: str, start: int, limit: int, line_limit: int) -> int:
    """Where the piece that starts at ``start`` ends.

    A run of :data:`WORD_CHARS` or more characters without a space that begins or ends with a
    symbol ("$$$$...", "US$US$...", "!!!!..."; no claim lives there, and spaCy's tokenizer takes
    time quadratic in its length, stripping one prefix or suffix at a time) never shares a
    piece: the piece ends where the run starts, and the run goes WORD_CHARS at a time. Runs of
    letters and digits (an inlined base64 image) are tokenized in linear time and stay.
    """
    end = _plain_cut(text, start, limit, line_limit)
    pos = start
    while True:
        run = _RUN_RE.search(text, pos, end)
        if run is None:
            return end
        if not (text[run.start()].isalnum() and text[run.end() - 1].isalnum()):
            break
        pos = run.end()
    if run.start() > start:
        return run.start()
    return start + min(WORD_CHARS, max(limit, line_limit))


def split_text(text: str, limit: int = CHUNK_CHARS, line_limit: int = LINE_CHARS) -> list[tuple[int, str]]:
    """``text`` cut into (offset, piece) pairs; the pieces joined give ``text`` back.

    Pieces end at line breaks and hold at most ``limit`` characters, except a single line of up to
    ``line_limit`` characters, which stays whole; a longer line is cut after a sentence end (else
    at a space, else anywhere) into pieces of at most ``limit``. A run of :data:`WORD_CHARS` or
    more characters without a space that begins or ends with a symbol goes into pieces of its
    own, :data:`WORD_CHARS` long. An empty text is one empty piece.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    out: list[tuple[int, str]] = []
    pos, n = 0, len(text)
    while pos < n:
        end = _cut(text, pos, limit, line_limit)
        out.append((pos, text[pos:end]))
        pos = end
    return out or [(0, text)]


def _limits(nlp: Language) -> tuple[int, int]:
    top = max(1, int(nlp.max_length))
    return min(CHUNK_CHARS, top), min(LINE_CHARS, top)


def make_doc(nlp: Language, text: str, report_date: date | None, period_source: str = "article") -> Doc:
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text  # the components read it here (``doc.text`` joins the tokens anew)
    doc._.report_date = report_date
    doc._.period_source = period_source
    return doc


def claims_of(doc: Doc, offset: int = 0) -> list[Claim]:
    """The claims of a processed doc; ``offset`` is added to their character offsets.

    Read from ``doc.user_data["claimcheck.claims"]`` when the claim builder leaves the list there
    (span extensions are keyed by character offsets, so two claims whose spans expand to the same
    tokens would share one value), else from the ``claims`` span group.
    """
    listed = doc.user_data.get("claimcheck.claims")
    out = list(listed) if listed is not None else [sp._.claim for sp in doc.spans.get("claims", [])]
    if offset:
        for c in out:
            c.start += offset
            c.end += offset
    return out


def extract(nlp: Language, text: str, report_date: date | None, period_source: str = "article") -> list[Claim]:
    """The claims of one text, with weeks resolved against the article's ``report_date``."""
    pieces = split_text(text, *_limits(nlp))
    if len(pieces) == 1:
        claims = claims_of(nlp(make_doc(nlp, text, report_date, period_source)))
    else:
        docs = ((make_doc(nlp, piece, report_date, period_source), off) for off, piece in pieces)
        claims = []
        for doc, off in nlp.pipe(docs, as_tuples=True):
            claims.extend(claims_of(doc, off))
    rules.carry_sections(text, claims, report_date)
    return claims


def extract_many(nlp: Language, items: Iterable[tuple[str, date | None, str]], batch_size: int = 16) -> Iterator[list[Claim]]:
    """Stream claims for many texts through ``nlp.pipe`` (items: text, report date, period source)."""
    limits = _limits(nlp)

    texts: dict[int, tuple[str, date | None]] = {}  # the texts in flight (a batch's worth), for carry_sections

    def docs():
        for i, (t, d, s) in enumerate(items):
            texts[i] = (t, d)
            for off, piece in split_text(t, *limits):
                yield make_doc(nlp, piece, d, s), (i, off)

    current, claims = None, []
    for doc, (i, off) in nlp.pipe(docs(), batch_size=batch_size, as_tuples=True):
        if current is not None and i != current:
            t, d = texts.pop(current)
            rules.carry_sections(t, claims, d)
            yield claims
            claims = []
        current = i
        claims.extend(claims_of(doc, off))
    if current is not None:
        t, d = texts.pop(current)
        rules.carry_sections(t, claims, d)
        yield claims
