"""Case-insensitive regexes, run fast: a lowercased pattern on lowercased text.

Python's ``re`` checks an ``IGNORECASE`` alternation of words one alternative at a time, with a
case-folding comparison for every letter, at every position of the text; a case-sensitive pattern
lets it skip an alternative on its first letter. :class:`Caseless` compiles the pattern twice: as
written with ``re.IGNORECASE``, and with its literal letters lowercased and no flag. It searches
``text.lower()`` with the second, and hands back matches whose groups are cut from the original
text, so callers see the same offsets and the same (original-case) strings as with the first.

The two readings agree whenever every character of the text folds to its lowercase form. They
differ only for the few characters that ``re.IGNORECASE`` folds to another letter than their
``lower()`` (the dotless ı, the long ſ) and those whose lowercase form is longer (İ): a text holding
any of them is searched with the ``IGNORECASE`` pattern instead.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Iterator

# characters whose IGNORECASE match is not their lower(): "ı" and "ſ" fold to "i" and "s"
_ODD_FOLDS = ("ı", "ſ")


def lower_pattern(src: str) -> str:
    """``src`` with its literal letters lowercased: escapes (``\\S``, ``\\W``, ``\\B``, ``\\D``) and
    group names are kept as written."""
    out: list[str] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            out.append(src[i:i + 2])
            i += 2
        elif src.startswith(("(?P<", "(?P="), i):
            j = src.find(">" if src[i + 3] == "<" else ")", i)
            out.append(src[i:j + 1])
            i = j + 1
        else:
            out.append(c.lower())
            i += 1
    return "".join(out)


def lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset and folds like ``re.IGNORECASE``, else None.

    A sentence is searched by many patterns in turn, so short texts are remembered (a few hundred)."""
    return _lowered_short(text) if len(text) <= 2000 else _lowered(text)


def _lowered(text: str) -> str | None:
    low = text.lower()
    if len(low) != len(text) or any(c in low for c in _ODD_FOLDS):
        return None
    return low


_lowered_short = lru_cache(maxsize=512)(_lowered)


class CaselessMatch:
    """A match on the lowercased text whose groups are read from the original text."""

    __slots__ = ("_m", "_text")

    def __init__(self, m: re.Match, text: str):
        self._m = m
        self._text = text

    def start(self, group: int | str = 0) -> int:
        return self._m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._m.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._m.span(group)

    def group(self, group: int | str = 0) -> str | None:
        a, b = self._m.span(group)
        return None if a < 0 else self._text[a:b]

    __getitem__ = group

    def groupdict(self) -> dict[str, str | None]:
        return {k: self.group(k) for k in self._m.re.groupindex}


class Caseless:
    """A case-insensitive pattern with ``finditer``/``search``/``match``/``fullmatch`` as on ``re``."""

    __slots__ = ("ignorecase", "folded")

    def __init__(self, src: str, flags: int = 0):
        self.ignorecase = re.compile(src, flags | re.IGNORECASE)
        self.folded = re.compile(lower_pattern(src), flags & ~re.IGNORECASE)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator:
        low = lowered(text)
        if low is None:
            yield from self.ignorecase.finditer(text, pos, endpos)
            return
        for m in self.folded.finditer(low, pos, endpos):
            yield CaselessMatch(m, text)

    def _one(self, how: str, text: str, pos: int, endpos: int):
        low = lowered(text)
        if low is None:
            return getattr(self.ignorecase, how)(text, pos, endpos)
        m = getattr(self.folded, how)(low, pos, endpos)
        return None if m is None else CaselessMatch(m, text)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._one("search", text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._one("match", text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._one("fullmatch", text, pos, endpos)
