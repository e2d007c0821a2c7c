"""Case-insensitive regexes, run fast: a lowercased pattern on lowercased text.

Python's ``re`` checks an ``IGNORECASE`` alternation of words one alternative at a time, with a
case-folding comparison for every letter, at every position of the text; a case-sensitive pattern
lets it skip an alternative on its first letter. :class:`Caseless` compiles the pattern with its
literal letters lowercased and no flag, searches ``text.lower()`` with it, and hands back matches
whose groups are cut from the original text, so callers see the same offsets and the same
(original-case) strings as with ``re.IGNORECASE``. Before searching, it tests that the text holds
one of the literal strings every match needs (:func:`required_literals`, from the parse tree).

The pattern as written, with ``re.IGNORECASE``, is kept for what lowercasing cannot keep equivalent:
a pattern :func:`foldable` rejects (flags, escapes for capitals, letters re folds specially such as
"σ"), a text holding a character that ``re.IGNORECASE`` folds to another letter than its
``lower()`` (the dotless ı, the long ſ) or whose lowercase form is longer (İ), and search windows
too short for lowering to pay.
"""
from __future__ import annotations

import json
import re
import re._constants as _sre
import re._parser as _sre_parse
import sys
from functools import lru_cache
from itertools import product
from pathlib import Path
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


# --- required literals: a cheap test that a text cannot match ------------------------------------------
_MAX_SET = 32  # strings in a literal set, at most (a bigger one costs more to test than it saves)
_SHORT = 80  # a search window this short is run with the IGNORECASE pattern as it is
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def _concat(run: set[str], e: set[str]) -> set[str] | None:
    """Every string of ``run`` followed by every string of ``e``; None when there are too many."""
    grown = {a + b for a, b in product(run, e)}
    return grown if len(grown) <= _MAX_SET else None


def _exact(item) -> set[str] | None:
    """The strings one parsed item can match, when they are few and literal (else None)."""
    op, av = item
    if op is _sre.LITERAL:
        return {chr(av)}
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {""}  # zero width: consumes nothing
    if op is _sre.IN:
        if all(o is _sre.LITERAL for o, _ in av):
            return {chr(c) for _, c in av}
        return None
    if op is _sre.SUBPATTERN:
        return _exact_seq(av[3])
    if op is _sre.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            e = _exact_seq(alt)
            if e is None:
                return None
            out |= e
        return out if len(out) <= _MAX_SET else None
    if op in _REPEATS and av[0] == 0 and av[1] == 1:
        e = _exact_seq(av[2])
        return None if e is None else e | {""}
    return None


def _exact_seq(seq) -> set[str] | None:
    run = {""}
    for item in seq:
        e = _exact(item)
        run = None if e is None else _concat(run, e)
        if run is None:
            return None
    return run


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two requirement sets (longer shortest string, then fewer strings)."""
    ok = [x for x in (a, b) if x and "" not in x and len(x) <= _MAX_SET]
    return max(ok, key=lambda x: (min(map(len, x)), -len(x))) if ok else None


def _required(seq) -> set[str] | None:
    """Strings of which every match of ``seq`` holds at least one (None: no such small set)."""
    best, run = None, {""}
    for item in seq:
        e = _exact(item)
        if e is not None:
            grown = _concat(run, e)
            if grown is None:
                best, grown = _better(best, run), e
            run = grown
            continue
        best, run = _better(best, run), {""}
        op, av = item
        if op is _sre.SUBPATTERN:
            best = _better(best, _required(av[3]))
        elif op is _sre.ATOMIC_GROUP:
            best = _better(best, _required(av))
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _required(av[2]))
        elif op is _sre.BRANCH:
            alts = [_required(alt) or _exact_seq(alt) for alt in av[1]]
            if all(x and "" not in x for x in alts):
                best = _better(best, set().union(*alts))
    return _better(best, run)


def required_literals(src: str, tree=None) -> tuple[str, ...] | None:
    """Lowercase strings of which every match of the case-insensitive pattern ``src`` holds one, as
    found in its lowercased text (None when the pattern has no small such set, or uses inline flags).
    ``tree``: the parse of the lowercased pattern, when already made."""
    if "(?" in src.replace("(?:", "").replace("(?P", "").replace("(?=", "").replace("(?!", "").replace("(?<", "").replace("(?>", ""):
        return None  # inline flags: leave it alone
    if tree is None:
        tree = _parse_lowered(src, 0)
        if tree is None:  # a private parser: if it changes, search without a gate
            return None
    found = _required(list(tree))
    if not found:
        return None
    # a string that holds another one adds nothing to the test
    return tuple(sorted(x for x in found if not any(y != x and y in x for y in found)))


def _parse_lowered(src: str, flags: int):
    try:
        return _sre_parse.parse(lower_pattern(src), flags & ~re.IGNORECASE)
    except Exception:
        return None


# --- which patterns can be lowercased ------------------------------------------------------------------
_SAFE_FLAGS = re.MULTILINE | re.DOTALL | re.IGNORECASE


try:  # letters that re.IGNORECASE matches with more than their other case ("σ" with "ς", "µ" with "μ")
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - a Python without the table: no non-ASCII cased letter is trusted
    _EXTRA_CASES = None


def _literal_ok(c: int) -> bool:
    """A literal of the lowercased pattern: no capital left (one written as an escape, \\x41), and no
    letter that re folds otherwise than ``lower()`` does ("σ", "µ", "ſ")."""
    ch = chr(c)
    if ch != ch.lower():
        return False
    if ch.isascii() or ch.lower() == ch.upper():
        return True
    return _EXTRA_CASES is not None and c not in _EXTRA_CASES and len(ch.upper()) == 1


def _range_ok(lo: int, hi: int) -> bool:
    """A range as written: ASCII capitals only (lowercased to the same small letters), small letters
    only, or no cased character at all ("0-9"); "[A-z]" or "[À-Þ]" are not."""
    a, b = chr(lo), chr(hi)
    if "A" <= a <= b <= "Z" or "a" <= a <= b <= "z":
        return True
    return hi - lo <= 0x3000 and all(chr(c).lower() == chr(c).upper() for c in range(lo, hi + 1))


def _tree_ok(seq, written: bool = False) -> bool:
    """The lowercased pattern's tree (``written``: the pattern's own tree, where only ranges are read)."""
    for op, av in seq:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL):
            if not written and not _literal_ok(av):
                return False
        elif op is _sre.IN:
            for o, a in av:
                if (o is _sre.LITERAL and not written and not _literal_ok(a)) or (o is _sre.RANGE and written and not _range_ok(*a)):
                    return False
        elif op is _sre.SUBPATTERN:
            if av[1] or av[2] or not _tree_ok(av[3], written):  # scoped flags: (?-i:...), (?a:...)
                return False
        elif op is _sre.BRANCH:
            if not all(_tree_ok(alt, written) for alt in av[1]):
                return False
        elif op in _REPEATS:
            if not _tree_ok(av[2], written):
                return False
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if not _tree_ok(av[1], written):
                return False
        elif op is _sre.ATOMIC_GROUP:
            if not _tree_ok(av, written):
                return False
        elif op is _sre.GROUPREF_EXISTS:
            return False
    return True


def foldable(src: str, flags: int = 0, tree=None) -> bool:
    """Whether the lowercased ``src`` on lowercased text finds what ``src`` with IGNORECASE finds.

    Not for: flags other than MULTILINE/DOTALL (VERBOSE, ASCII, LOCALE), inline flags, conditionals,
    capitals written as escapes, non-ASCII cased letters, ranges with a cased end whose other case
    is outside them (``[A-z]``), or a pattern the parser rejects once lowercased. ``tree``: the
    parse of the lowercased pattern, when already made."""
    if flags & ~_SAFE_FLAGS:
        return False
    if tree is None:
        tree = _parse_lowered(src, flags)
        if tree is None:
            return False
    if tree.state.flags & ~(_SAFE_FLAGS | re.UNICODE):  # inline global flags: (?a), (?x), (?i)
        return False
    if not _tree_ok(list(tree)):
        return False
    if "-" not in src:  # no range to read as written
        return True
    try:
        written = _sre_parse.parse(src, flags & ~re.IGNORECASE)
    except Exception:
        return False
    return _tree_ok(list(written), written=True)


# --- the analysis of each pattern, saved with the pipeline -----------------------------------------------
#: (pattern, flags) -> (the lowercased pattern, or None when it is only searched with IGNORECASE;
#: the literal strings a lowercased text must hold to match, or None)
_ANALYSES: dict[tuple[str, int], tuple[str | None, tuple[str, ...] | None]] = {}
_USED: set[tuple[str, int]] = set()  # the patterns this process has made
ANALYSES_VERSION = 1
#: where ``python -m claimcheck.pipeline.build`` saves the analyses of every pattern the package and
#: its pipeline use (read once, at import): parsing the patterns is most of their compile time
ANALYSES_FILE = Path(__file__).resolve().parents[2] / "models" / "claimcheck_en" / "caseless.json"


def analyse(src: str, flags: int = 0) -> tuple[str | None, tuple[str, ...] | None]:
    """(lowercased pattern or None, required literals or None) of ``src``: from the saved analyses
    when they hold this exact pattern, else worked out (and kept for :func:`save_analyses`)."""
    key = (src, flags)
    _USED.add(key)
    hit = _ANALYSES.get(key)
    if hit is None:
        tree = _parse_lowered(src, flags)
        ok = tree is not None and foldable(src, flags, tree)
        hit = (lower_pattern(src) if ok else None, required_literals(src, tree) if ok and not flags else None)
        _ANALYSES[key] = hit
    return hit


def _stamp() -> list:
    return [ANALYSES_VERSION, list(sys.version_info[:2])]


def save_analyses(path: Path = ANALYSES_FILE) -> Path:
    """Write the analyses of every pattern made in this process, sorted (the same patterns give the same file)."""
    rows = sorted([src, flags, folded, list(gate) if gate is not None else None]
                  for (src, flags), (folded, gate) in _ANALYSES.items() if (src, flags) in _USED)
    path.write_text(json.dumps({"stamp": _stamp(), "patterns": rows}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return path


def load_analyses(path: Path = ANALYSES_FILE) -> int:
    """Read saved analyses made by the same version of this module and of Python (whose ``re``
    parser they depend on); anything else is ignored and the patterns are analysed as they come."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("stamp") != _stamp():
            return 0
        for src, flags, folded, gate in data["patterns"]:
            _ANALYSES.setdefault((src, flags), (folded, tuple(gate) if gate is not None else None))
    except (OSError, ValueError, TypeError, KeyError):
        return 0
    return len(data["patterns"])


load_analyses()


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
        regs, text = self._m.regs, self._text
        return {k: (text[regs[i][0]:regs[i][1]] if regs[i][0] >= 0 else None) for k, i in self._m.re.groupindex.items()}


class Caseless:
    """A case-insensitive pattern with ``finditer``/``search``/``match``/``fullmatch`` as on ``re``."""

    __slots__ = ("src", "flags", "_ignorecase", "folded", "gate")

    def __init__(self, src: str, flags: int = 0):
        self.src, self.flags = src, flags
        self._ignorecase: re.Pattern | None = None
        folded, self.gate = analyse(src, flags)
        # a pattern the lowercasing cannot keep equivalent is only ever searched with IGNORECASE
        self.folded = re.compile(folded, flags & ~re.IGNORECASE) if folded is not None else None

    @property
    def ignorecase(self) -> re.Pattern:
        """The pattern as written, with ``re.IGNORECASE`` (compiled when first needed: most texts never need it)."""
        if self._ignorecase is None:
            self._ignorecase = re.compile(self.src, self.flags | re.IGNORECASE)
        return self._ignorecase

    def _cannot_match(self, low: str) -> bool:
        gate = self.gate
        if gate is None:
            return False
        for x in gate:
            if x in low:
                return False
        return True

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator:
        low = lowered(text) if self.folded is not None else None
        if low is None:
            yield from self.ignorecase.finditer(text, pos, endpos)
            return
        if self._cannot_match(low):
            return
        for m in self.folded.finditer(low, pos, endpos):
            yield CaselessMatch(m, text)

    def _one(self, how: str, text: str, pos: int, endpos: int):
        if self.folded is None or min(endpos, len(text)) - pos <= _SHORT:  # a few words: lowering costs more than it saves
            return getattr(self.ignorecase, how)(text, pos, endpos)
        low = lowered(text)
        if low is None:
            return getattr(self.ignorecase, how)(text, pos, endpos)
        if self._cannot_match(low):
            return None
        m = getattr(self.folded, how)(low, pos, endpos)
        return None if m is None else CaselessMatch(m, text)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._one("search", text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._one("match", text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._one("fullmatch", text, pos, endpos)
