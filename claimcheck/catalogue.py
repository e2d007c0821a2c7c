"""The subject catalogue: canonical ids with aliases, linked exactly first and by rapidfuzz second.

Ids: ``total``, ``asset:<slug>``, ``region:<slug>``, ``provider:<slug>``. The catalogue is built
from the reference data's entities plus the alias table ``corpus/aliases.csv`` and saved inside
the spaCy pipeline, so extraction never reads the reference data.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz, process

ALIASES_CSV = Path(__file__).resolve().parent.parent / "corpus" / "aliases.csv"
FUZZY_MIN_SCORE = 88.0  # rapidfuzz ratio (0-100) for a near miss ("Etherium", "Bitcion")
FUZZY_MIN_LEN = 5  # shorter words are never fuzzy-matched (too many false friends)


@dataclass
class Catalogue:
    names: dict[str, str] = field(default_factory=dict)  # id -> display name
    aliases: list[tuple[str, str, bool]] = field(default_factory=list)  # (alias, id, case_sensitive)
    # fuzzy lookups: the candidate aliases, and the answers already given (word -> hit)
    _choices: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)
    _fuzzy_seen: dict[str, tuple[str, float] | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    def add(self, subject: str, alias: str, case_sensitive: bool = False) -> None:
        alias = alias.strip()
        if not alias:
            return
        self.names.setdefault(subject, alias if not subject.startswith("total") else "All (total)")
        key = (alias, subject, case_sensitive)
        if key not in self.aliases:
            self.aliases.append(key)
            self._choices = None
            self._fuzzy_seen.clear()

    @classmethod
    def build(cls, entities: Iterable[tuple[str, str]], alias_csv: Path = ALIASES_CSV) -> "Catalogue":
        """``entities``: (subject id, canonical English name) pairs, e.g. from the reference data."""
        cat = cls()
        cat.names["total"] = "All (total)"
        with open(alias_csv, newline="", encoding="utf-8") as f:
            rows = [(r["subject"], r["alias"], r.get("case_sensitive", "0").strip() == "1") for r in csv.DictReader(f)]
        # a name the alias table keeps case-sensitive stays so when the data name it too ("NEAR", not "back near $8B")
        exact_case = {(sid, alias.strip()) for sid, alias, cs in rows if cs}
        for sid, name in entities:
            if sid != "total":
                cat.add(sid, name, (sid, name.strip()) in exact_case)
                cat.names[sid] = name
        for sid, alias, cs in rows:
            cat.add(sid, alias, cs)
        return cat

    # --- linking -------------------------------------------------------------------------------
    def exact(self, text: str) -> str | None:
        for alias, sid, cs in self.aliases:
            if (text == alias) if cs else (text.lower() == alias.lower()):
                return sid
        return None

    def fuzzy(self, word: str) -> tuple[str, float] | None:
        """Best near-miss alias for a single capitalised word ("Etherium" -> asset:ethereum)."""
        if len(word) < FUZZY_MIN_LEN:
            return None
        key = word.lower()
        if key not in self._fuzzy_seen:
            if self._choices is None:
                self._choices = {a.lower(): sid for a, sid, cs in self.aliases if not cs and len(a) >= FUZZY_MIN_LEN and " " not in a}
            hit = process.extractOne(key, list(self._choices), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
            if len(self._fuzzy_seen) > 100_000:  # bounded: a long archive has many capitalised words
                self._fuzzy_seen.clear()
            self._fuzzy_seen[key] = (self._choices[hit[0]], float(hit[1])) if hit else None
        return self._fuzzy_seen[key]

    def name(self, sid: str) -> str:
        return self.names.get(sid, sid)

    # --- persistence (saved with the pipeline) -------------------------------------------------
    def to_json(self) -> str:
        return json.dumps({"names": self.names, "aliases": self.aliases}, ensure_ascii=False, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Catalogue":
        d = json.loads(text)
        return cls(d["names"], [tuple(a) for a in d["aliases"]])
