"""Extraction: text -> spaCy Doc -> claim spans -> normalised Claims. Never reads reference data."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .model import Claim


def make_doc(nlp: Language, text: str, report_date: date | None, period_source: str = "article") -> Doc:
    doc = nlp.make_doc(text)
    doc._.report_date = report_date
    doc._.period_source = period_source
    return doc


def claims_of(doc: Doc) -> list[Claim]:
    return [sp._.claim for sp in doc.spans.get("claims", [])]


def extract(nlp: Language, text: str, report_date: date | None, period_source: str = "article") -> list[Claim]:
    """The claims of one text, with weeks resolved against the article's ``report_date``."""
    return claims_of(nlp(make_doc(nlp, text, report_date, period_source)))


def extract_many(nlp: Language, items: Iterable[tuple[str, date | None, str]], batch_size: int = 16) -> Iterator[list[Claim]]:
    """Stream claims for many texts through ``nlp.pipe`` (items: text, report date, period source)."""
    docs = (make_doc(nlp, t, d, s) for t, d, s in items)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield claims_of(doc)
