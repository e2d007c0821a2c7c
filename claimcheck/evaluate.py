"""Evaluation against gold claims: extraction precision/recall/F1 and verdict accuracy.

The gold format (JSON Lines, one claim per line) is described in ``corpus/gold/README.md``. The
steps, each usable on its own:

- :func:`load_gold` / :func:`load_meta` read the gold claims and the articles' report dates;
- :func:`locate` finds each gold claim's character range (its ``quote`` inside its ``sentence``)
  in the article text;
- :func:`match` pairs gold ranges with predicted claim ranges, one to one, greedily by overlap;
- :func:`score` computes every figure from located gold claims and predicted verdicts;
- :func:`evaluate` does it all for a gold file and a folder of articles.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .errors import ClaimcheckError
from .model import VERDICTS, Verdict

REQUIRED_FIELDS = ("article", "sentence", "quote", "subject", "metric", "verdict")
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
META_NAME = "articles.jsonl"


class EvalInputError(ClaimcheckError):
    """A gold or metadata file that cannot be used: names the file and the line."""


# --- gold claims -------------------------------------------------------------------------------

@dataclass
class GoldClaim:
    article: str
    sentence: str
    quote: str
    subject: str
    metric: str
    verdict: tuple[str, ...]  # "verified|conflicting" -> ("verified", "conflicting"): either is right
    line: int = 0  # line number in the gold file (1-based; 0 when built in memory)
    extra: dict[str, Any] = field(default_factory=dict)  # every other field of the line
    start: int | None = None  # the quote's character range in the article, once located
    end: int | None = None
    unlocated: str | None = None  # why it could not be located
    shared: bool = False  # located on a range an earlier gold line of the same sentence and quote has

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], line: int = 0, where: str = "<gold>") -> "GoldClaim":
        for k in REQUIRED_FIELDS:
            if k not in d:
                raise EvalInputError(f"{where}:{line}: gold claim without {k!r}; every line needs {', '.join(REQUIRED_FIELDS)}")
            if not isinstance(d[k], str) or not d[k]:
                raise EvalInputError(f"{where}:{line}: {k!r} must be a non-empty string, not {d[k]!r}")
        labels = tuple(v.strip() for v in d["verdict"].split("|"))
        bad = [v for v in labels if v not in VERDICTS]
        if bad:
            raise EvalInputError(f"{where}:{line}: verdict {d['verdict']!r} is not one of {', '.join(VERDICTS)} (or two joined by '|')")
        if d["quote"] not in d["sentence"] and _norm(d["quote"])[0] not in _norm(d["sentence"])[0]:
            raise EvalInputError(f"{where}:{line}: the quote {d['quote']!r} is not a substring of the sentence")
        extra = {k: v for k, v in d.items() if k not in REQUIRED_FIELDS}
        return cls(d["article"], d["sentence"], d["quote"], d["subject"], d["metric"], labels, line, extra)

    @property
    def located(self) -> bool:
        return self.start is not None

    def verdict_text(self) -> str:
        return "|".join(self.verdict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article, "line": self.line, "quote": self.quote, "sentence": self.sentence,
            "subject": self.subject, "metric": self.metric, "verdict": self.verdict_text(),
            "start": self.start, "end": self.end, **({"unlocated": self.unlocated} if self.unlocated else {}),
            **({"shared_range": True} if self.shared else {}),
            **{k: self.extra[k] for k in ("period", "value_usd_m", "qualifier", "note") if k in self.extra},
        }


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise EvalInputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise EvalInputError(f"{path}: is a directory; pass a JSON Lines file") from None
    except OSError as e:
        raise EvalInputError(f"{path}: cannot read ({e.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise EvalInputError(f"{path}:{line}: not valid UTF-8; save the file as UTF-8") from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalInputError(f"{path}:{n}: not valid JSON ({e.msg} at column {e.colno}); one JSON object per line") from None
        if not isinstance(obj, dict):
            raise EvalInputError(f"{path}:{n}: expected a JSON object, got {type(obj).__name__}")
        yield n, obj


def load_gold(path: str | Path) -> list[GoldClaim]:
    """Read a gold file; a malformed line raises :class:`EvalInputError` naming file and line."""
    p = Path(path)
    gold = [GoldClaim.from_dict(obj, n, str(p)) for n, obj in _read_jsonl(p)]
    if not gold:
        raise EvalInputError(f"{p}: no gold claims in the file")
    return gold


def load_meta(path: str | Path) -> dict[str, date | None]:
    """Article id -> report date (None when null) from an ``articles.jsonl`` file."""
    p = Path(path)
    out: dict[str, date | None] = {}
    for n, obj in _read_jsonl(p):
        aid = obj.get("id")
        if not isinstance(aid, str) or not aid:
            raise EvalInputError(f"{p}:{n}: article line without an 'id' string")
        rd = obj.get("report_date")
        if rd is None:
            out[aid] = None
            continue
        try:
            out[aid] = date.fromisoformat(str(rd))
        except ValueError:
            raise EvalInputError(f"{p}:{n}: report_date {rd!r} is not a date; use YYYY-MM-DD or null") from None
    return out


def find_meta(articles_dir: str | Path) -> Path | None:
    """``ARTICLES_DIR/../articles.jsonl``, else ``ARTICLES_DIR/articles.jsonl``, else None."""
    d = Path(articles_dir)
    for p in (d.parent / META_NAME, d / META_NAME):
        if p.is_file():
            return p
    return None


# --- locating gold claims in the text ----------------------------------------------------------

_CHAR_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                           "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


def _norm(s: str) -> tuple[str, list[int]]:
    """``s`` with whitespace runs collapsed to one space and typographic quotes/dashes made plain;
    with the original offset of every character kept."""
    out: list[str] = []
    pos: list[int] = []
    prev_space = False
    for i, ch in enumerate(s.translate(_CHAR_MAP)):
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch)
        pos.append(i)
    return "".join(out), pos


def _find_all(hay: str, needle: str) -> list[int]:
    out, i = [], hay.find(needle)
    while i >= 0 and needle:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def _occurrences(hay: str, needle: str) -> list[tuple[int, int]]:
    """Ranges of ``needle`` in ``hay``: exact, else whitespace-normalised (offsets mapped back)."""
    hits = [(i, i + len(needle)) for i in _find_all(hay, needle)]
    if hits:
        return hits
    nh, pos = _norm(hay)
    nn = _norm(needle)[0].strip()
    if not nn:
        return []
    return [(pos[i], pos[i + len(nn) - 1] + 1) for i in _find_all(nh, nn)]


def quote_ranges(text: str, sentence: str, quote: str) -> list[tuple[int, int]]:
    """Every range of ``quote`` inside every occurrence of ``sentence`` in ``text``, in order."""
    out: set[tuple[int, int]] = set()
    for s0, s1 in _occurrences(text, sentence):
        for q0, q1 in _occurrences(text[s0:s1], quote):
            out.add((s0 + q0, s0 + q1))
    return sorted(out)


def locate(gold: Sequence[GoldClaim], texts: Mapping[str, str]) -> list[GoldClaim]:
    """Set ``start``/``end`` of each gold claim in its article's text; return those not found.

    When the same sentence and quote occur several times, successive gold lines take successive
    occurrences; lines beyond the number of occurrences share the last one (``shared``), so that
    two claims written as one phrase are two gold claims on one range.
    """
    taken: Counter = Counter()
    cache: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    missing: list[GoldClaim] = []
    for g in gold:
        g.start = g.end = g.unlocated = None
        g.shared = False
        text = texts.get(g.article)
        if text is None:
            g.unlocated = f"no article file for {g.article!r}"
            missing.append(g)
            continue
        key = (g.article, g.sentence, g.quote)
        if key not in cache:
            cache[key] = quote_ranges(text, g.sentence, g.quote)
        ranges = cache[key]
        k = taken[key]
        taken[key] += 1
        if not ranges:
            sent_found = bool(_occurrences(text, g.sentence))
            g.unlocated = "quote not found in the sentence" if sent_found else "sentence not found in the article"
            missing.append(g)
        else:
            # more gold lines than occurrences: several claims on one span ("Switzerland and
            # Germany also recorded their largest inflows ever"); the extra lines share the last
            g.start, g.end = ranges[min(k, len(ranges) - 1)]
            if k >= len(ranges):
                g.shared = True
    return missing


# --- matching --------------------------------------------------------------------------------

def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping ranges, greedy by largest
    overlap (ties: nearest starts, then text order)."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = overlap(g, p)
            if ov > 0:
                cands.append((-ov, abs(g[0] - p[0]) + abs(g[1] - p[1]), gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def verdict_ok(gold: Sequence[str] | str, predicted: str) -> bool:
    """Right if the prediction is the gold verdict or one of its alternatives ("a|b")."""
    labels = gold.split("|") if isinstance(gold, str) else gold
    return predicted in labels


def confusion_row(gold: Sequence[str] | str, predicted: str) -> str:
    """The gold label a pair is tallied under: the predicted one if it is allowed, else the first."""
    labels = gold.split("|") if isinstance(gold, str) else list(gold)
    return predicted if predicted in labels else labels[0]


# --- scoring ---------------------------------------------------------------------------------

@dataclass
class Predicted:
    article: str
    start: int
    end: int
    text: str
    sentence: str
    subject: str
    metric: str
    label: str
    reason: str = ""

    @classmethod
    def of(cls, article: str, v: Verdict) -> "Predicted":
        c = v.claim
        return cls(article, c.start, c.end, c.text, c.sentence, c.subject, c.metric, v.label, v.reason)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text,
                "sentence": self.sentence, "subject": self.subject, "metric": self.metric,
                "verdict": self.label, "reason": self.reason}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _acc(correct: int, total: int) -> dict[str, Any]:
    return {"correct": correct, "total": total, "accuracy": round(_ratio(correct, total), 4)}


def count_numbers(text: str) -> list[tuple[int, int, str]]:
    """Money amounts (``find_amounts``) and percents in a text, as (start, end, kind)."""
    from .parse.numbers import find_amounts
    from .pipeline.lexicon import DEFAULT_PATTERNS

    out = [(a.start, a.end, "amount") for a in find_amounts(text)]
    pct = re.compile(DEFAULT_PATTERNS["percent"], re.IGNORECASE)
    out += [(m.start(), m.end(), "percent") for m in pct.finditer(text)]
    return sorted(out)


@dataclass
class EvalResult:
    data: dict[str, Any]

    def __getitem__(self, k: str) -> Any:
        return self.data[k]

    @property
    def f1(self) -> float:
        return self.data["extraction"]["f1"]

    @property
    def precision(self) -> float:
        return self.data["extraction"]["precision"]

    @property
    def recall(self) -> float:
        return self.data["extraction"]["recall"]

    @property
    def verdict_accuracy(self) -> float:
        return self.data["verdict"]["accuracy"]

    def to_dict(self) -> dict[str, Any]:
        return self.data


def score(gold: Sequence[GoldClaim], predicted: Mapping[str, Sequence[Verdict | Predicted]],
          texts: Mapping[str, str] | None = None, unlocated: Sequence[GoldClaim] | None = None) -> EvalResult:
    """All the figures, from gold claims (located: ``start``/``end`` set) and each article's
    predicted verdicts. Gold claims not located are listed, not counted as misses."""
    texts = texts or {}
    unloc = list(unlocated) if unlocated is not None else [g for g in gold if not g.located]
    located = [g for g in gold if g.located]
    preds: dict[str, list[Predicted]] = {
        a: [p if isinstance(p, Predicted) else Predicted.of(a, p) for p in ps] for a, ps in predicted.items()
    }
    by_article: dict[str, list[GoldClaim]] = defaultdict(list)
    for g in located:
        by_article[g.article].append(g)

    pairs: list[tuple[GoldClaim, Predicted]] = []
    misses: list[GoldClaim] = []
    false_alarms: list[Predicted] = []
    for art in sorted(set(by_article) | set(preds)):
        gs, ps = by_article.get(art, []), preds.get(art, [])
        m = match([(g.start, g.end) for g in gs], [(p.start, p.end) for p in ps])
        mg = {gi for gi, _ in m}
        mp = {pi for _, pi in m}
        pairs += [(gs[gi], ps[pi]) for gi, pi in m]
        misses += [g for i, g in enumerate(gs) if i not in mg]
        false_alarms += [p for i, p in enumerate(ps) if i not in mp]

    n_gold, n_pred, n_match = len(located), sum(len(ps) for ps in preds.values()), len(pairs)
    p, r = _ratio(n_match, n_pred), _ratio(n_match, n_gold)
    f1 = _ratio(2 * n_match, n_gold + n_pred)

    confusion = {gl: {pl: 0 for pl in VERDICTS} for gl in VERDICTS}
    per_metric: dict[str, dict[str, int]] = {}
    subj_ok = metric_ok = verd_ok = 0
    verdict_errors, subject_errors, metric_errors = [], [], []
    for g in located:
        per_metric.setdefault(g.metric, {"gold": 0, "matched": 0, "verdict_correct": 0})["gold"] += 1
    for g, pr in pairs:
        row = per_metric[g.metric]
        row["matched"] += 1
        confusion[confusion_row(g.verdict, pr.label)][pr.label] += 1
        pair = {"gold": g.to_dict(), "predicted": pr.to_dict()}
        if verdict_ok(g.verdict, pr.label):
            verd_ok += 1
            row["verdict_correct"] += 1
        else:
            verdict_errors.append(pair)
        if pr.subject == g.subject:
            subj_ok += 1
        else:
            subject_errors.append(pair)
        if pr.metric == g.metric:
            metric_ok += 1
        else:
            metric_errors.append(pair)
    for row in per_metric.values():
        row["recall"] = round(_ratio(row["matched"], row["gold"]), 4)
        row["verdict_accuracy"] = round(_ratio(row["verdict_correct"], row["matched"]), 4)

    # numbers seen in the texts against the claims found
    seen = Counter()
    in_claim = in_gold = 0
    for art, text in texts.items():
        spans = [(p.start, p.end) for p in preds.get(art, [])]
        gspans = [(g.start, g.end) for g in by_article.get(art, [])]
        for s, e, kind in count_numbers(text):
            seen[kind] += 1
            in_claim += any(overlap((s, e), sp) for sp in spans)
            in_gold += any(overlap((s, e), sp) for sp in gspans)
    numbers = {
        "amounts": seen["amount"], "percents": seen["percent"], "numbers_seen": sum(seen.values()),
        "numbers_in_predicted_claims": in_claim, "numbers_in_gold_claims": in_gold,
        "claims_found": n_pred, "gold_claims": n_gold,
    }

    data = {
        "articles": len(set(preds) | set(by_article)),
        "articles_with_gold": len(by_article),
        "extraction": {"gold": n_gold, "gold_lines": len(gold), "unlocated": len(unloc),
                       "shared_range": sum(g.shared for g in located), "predicted": n_pred,
                       "matched": n_match, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)},
        "subject": _acc(subj_ok, n_match),
        "metric": _acc(metric_ok, n_match),
        "verdict": {**_acc(verd_ok, n_match), "correct_of_gold": round(_ratio(verd_ok, n_gold), 4),
                    "confusion": confusion},
        "per_metric": dict(sorted(per_metric.items(), key=lambda kv: -kv[1]["gold"])),
        "numbers": numbers,
        "unlocated": [g.to_dict() for g in unloc],
        "misses": [g.to_dict() for g in misses],
        "false_alarms": [pr.to_dict() for pr in false_alarms],
        "verdict_errors": verdict_errors,
        "subject_errors": subject_errors,
        "metric_errors": metric_errors,
    }
    return EvalResult(data)


# --- the whole run ---------------------------------------------------------------------------

def article_files(articles_dir: Path, wanted: Iterable[str]) -> dict[str, Path]:
    """Every ``.txt`` file of the folder, plus the gold articles in another supported format."""
    files = {p.stem: p for p in sorted(articles_dir.glob("*.txt")) if p.is_file()}
    for stem in wanted:
        if stem not in files:
            for suf in ARTICLE_SUFFIXES[1:]:
                p = articles_dir / f"{stem}{suf}"
                if p.is_file():
                    files[stem] = p
                    break
    return dict(sorted(files.items()))


def evaluate(gold_path: str | Path, articles_dir: str | Path, meta: str | Path | None = None,
             reference=None, model: str | None = None) -> EvalResult:
    """Check every article of ``articles_dir`` and score the claims against ``gold_path``.

    ``meta``: an ``articles.jsonl`` with each article's ``report_date`` (default: looked for next
    to the folder, then inside it); ``reference``: a ReferenceData or CSV paths (default: bundled).
    """
    from . import api, io
    from .reference import ReferenceData

    gold_path, d = Path(gold_path), Path(articles_dir)
    if not d.is_dir():
        raise EvalInputError(f"{d}: no such folder; pass the folder that holds the articles")
    gold = load_gold(gold_path)
    warnings: list[str] = []
    meta_path = Path(meta) if meta is not None else find_meta(d)
    if meta is not None and not meta_path.is_file():
        raise EvalInputError(f"{meta_path}: no such file; check the --meta path")
    dates = load_meta(meta_path) if meta_path else {}
    if meta_path is None:
        warnings.append(f"no {META_NAME} next to or in {d}: article dates come from the texts")

    files = article_files(d, {g.article for g in gold})
    ref = reference if isinstance(reference, ReferenceData) else api.get_reference(reference)
    texts: dict[str, str] = {}
    predicted: dict[str, list[Verdict]] = {}
    for stem, path in files.items():
        art = io.read_article(path)
        texts[stem] = art.text
        if meta_path and stem not in dates:
            warnings.append(f"{stem}: not in {meta_path.name}; its date comes from the text")
        rep = api.check(art.text, date=dates.get(stem) or art.published, reference=ref, model=model, path=str(path))
        predicted[stem] = rep.verdicts
    unloc = locate(gold, texts)
    res = score(gold, predicted, texts, unloc)
    res.data = {"gold_file": str(gold_path), "articles_dir": str(d), "meta_file": str(meta_path) if meta_path else None,
                "warnings": warnings, **res.data}
    return res
