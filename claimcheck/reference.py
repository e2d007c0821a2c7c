"""The reference data: weekly CoinShares figures, one fact a row, with provenance.

Schema (see ``corpus/reference/README.md``): report_date, dimension, entity, metric, value_usd_m,
confidence, sources, note. :func:`load_reference` validates on load and raises
:class:`~claimcheck.errors.ReferenceDataError` naming the file, the line and the problem.
"""
from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

from .errors import ReferenceDataError, show
from .model import Evidence

REQUIRED = ("report_date", "dimension", "entity", "metric", "value_usd_m")
OPTIONAL = ("confidence", "sources", "note")
DIMENSIONS = ("total", "asset", "region", "provider")
METRICS = ("flow", "flow_mtd", "flow_ytd", "flow_run", "aum", "volume")
CONFIDENCE = ("agree", "single", "disputed", "")
MAX_BYTES = 50 * 1024 * 1024  # a reference file larger than this is refused
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "corpus" / "reference"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def subject_id(dimension: str, entity: str) -> str:
    return "total" if dimension == "total" else f"{dimension}:{slug(entity)}"


def bundled_files() -> list[Path]:
    return sorted(BUNDLED_DIR.glob("*.csv"))


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
HEADER_HINT = ",".join(REQUIRED + OPTIONAL)


class Row(NamedTuple):
    """One reference row as loaded: the schema's columns (stripped; ``report_date`` a date,
    ``value_usd_m`` a float), where it came from, and its subject id."""

    report_date: date
    dimension: str
    entity: str
    metric: str
    value_usd_m: float
    confidence: str
    sources: str
    note: str
    src_file: str
    src_line: int
    subject: str


def _read_one(path: Path) -> list[tuple[list[str], int]]:
    """One reference CSV, checked: its rows as strings (the schema's columns, in the schema's order)
    with the physical line of each.

    The size is checked before anything is read; the rows are read with the ``csv`` module, so a
    line number counts blank lines and lines inside quoted fields, as an editor does.
    """
    name = str(path)
    if path.is_dir():
        raise ReferenceDataError(f"{name}: is a directory; pass CSV files (e.g. {name}/*.csv)")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReferenceDataError(f"{name}: cannot read ({e.strerror}); check the path") from None
    if size > MAX_BYTES:
        raise ReferenceDataError(f"{name}: {size // (1024 * 1024)} MB is larger than the {MAX_BYTES // (1024 * 1024)} MB limit for reference data; split it or trim it")
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise ReferenceDataError(f"{name}: cannot read ({e.strerror}); check the path") from None
    if len(raw) > MAX_BYTES:  # a file that grew, or a device
        raise ReferenceDataError(f"{name}: larger than the {MAX_BYTES // (1024 * 1024)} MB limit for reference data; split it or trim it")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReferenceDataError(f"{name}:1: UTF-16 text; save the file as UTF-8 CSV")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise ReferenceDataError(f"{name}:{line}: NUL byte; this is not a CSV text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ReferenceDataError(f"{name}:{line}: not UTF-8 text (byte 0x{raw[e.start]:02x}); save the file as UTF-8 CSV") from None
    if not text.strip():
        raise ReferenceDataError(f"{name}:1: empty file; a reference CSV needs the header {HEADER_HINT}")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[tuple[list[str], int]] = []
    line = 1
    try:
        for rec in reader:
            start, line = line, reader.line_num + 1  # this record began at ``start``
            if not rec or (len(rec) == 1 and not rec[0].strip()):
                continue  # a blank line
            if header is None:
                header = [c.strip() for c in rec]
                hline = start
                dup = [c for i, c in enumerate(header) if c and c in header[:i]]
                if dup:
                    raise ReferenceDataError(f"{name}:{start}: column {show(dup[0])} appears twice in the header; the header needs {HEADER_HINT}")
                missing = [c for c in REQUIRED if c not in header]
                if missing:
                    raise ReferenceDataError(f"{name}:{start}: missing column(s) {', '.join(missing)}; the header needs {','.join(REQUIRED)}")
                # where each schema column is in a record (None: an optional column left out)
                cols = [header.index(c) if c in header else None for c in REQUIRED + OPTIONAL]
                continue
            if len(rec) != len(header):
                raise ReferenceDataError(f"{name}:{start}: {len(rec)} fields where the header has {len(header)}; check the commas and quotes")
            rows.append(([rec[i] if i is not None else "" for i in cols], start))
    except csv.Error as e:
        raise ReferenceDataError(f"{name}:{line}: malformed CSV ({e}); check the quotes") from None
    if header is None:
        raise ReferenceDataError(f"{name}:1: empty file; a reference CSV needs the header {HEADER_HINT}")
    if not rows:
        raise ReferenceDataError(f"{name}:{hline + 1}: no data rows under the header")
    return rows


def _validated(name: str, fields: list[str], line: int) -> Row:
    """One row of strings checked and converted, or the error naming ``name:line`` and the problem."""
    report_date, dimension, entity, metric, value, confidence, sources, note = fields
    where = f"{name}:{line}"
    d = report_date.strip()
    try:
        if not _DATE_RE.fullmatch(d):
            raise ValueError
        day = date.fromisoformat(d)
    except ValueError:
        raise ReferenceDataError(f"{where}: report_date {show(report_date)} is not an ISO date (YYYY-MM-DD)") from None
    if dimension.strip() not in DIMENSIONS:
        raise ReferenceDataError(f"{where}: unknown dimension {show(dimension)}; expected one of {', '.join(DIMENSIONS)}")
    if metric.strip() not in METRICS:
        raise ReferenceDataError(f"{where}: unknown metric {show(metric)}; expected one of {', '.join(METRICS)}")
    if not entity.strip():
        raise ReferenceDataError(f"{where}: empty entity; use All for the total")
    v = value.strip()
    if not _NUMBER_RE.fullmatch(v):
        raise ReferenceDataError(f"{where}: value_usd_m {show(value)} is not a number (signed millions of USD, e.g. -1730 or 33.5)")
    x = float(v)
    if not math.isfinite(x):
        raise ReferenceDataError(f"{where}: value_usd_m {show(value)} is not a finite number")
    if confidence.strip() not in CONFIDENCE:
        raise ReferenceDataError(f"{where}: unknown confidence {show(confidence)}; expected agree, single or disputed")
    dimension, entity = dimension.strip(), entity.strip()
    return Row(day, dimension, entity, metric.strip(), x, confidence.strip(), sources.strip(), note.strip(),
               name, line, subject_id(dimension, entity))


def load_reference(paths: Iterable[str | Path] | None = None) -> "ReferenceData":
    """Load and validate reference CSVs (the bundled corpus when ``paths`` is empty).

    Every file is read and checked before the next; then a key (report_date, subject, metric) given
    twice with different values is an error naming both lines, and one given twice with the same
    value is kept once (the first).
    """
    files = [Path(p) for p in paths] if paths else bundled_files()
    if not files:
        raise ReferenceDataError(f"{BUNDLED_DIR}: no reference CSV files found; reinstall claimcheck or pass --reference FILE")
    rows: list[Row] = []
    for f in files:
        name = str(f)
        rows.extend(_validated(name, fields, line) for fields, line in _read_one(f))
    by_key: dict[tuple[date, str, str], list[Row]] = {}
    for r in rows:
        by_key.setdefault((r.report_date, r.subject, r.metric), []).append(r)
    if len(by_key) < len(rows):
        for grp in by_key.values():  # keys in the order of their first row
            a = grp[0]
            b = next((r for r in grp[1:] if r.value_usd_m != a.value_usd_m), None)
            if b is not None:
                raise ReferenceDataError(
                    f"{b.src_file}:{b.src_line}: duplicate key ({b.report_date}, {b.dimension}, {b.entity}, {b.metric}) "
                    f"with value {b.value_usd_m:g}; {a.src_file}:{a.src_line} gives {a.value_usd_m:g}; keep one"
                )
        rows = [grp[0] for grp in by_key.values()]
    return ReferenceData(rows, tuple(str(f) for f in files))


@lru_cache(maxsize=1)
def bundled_reference() -> "ReferenceData":
    return load_reference(None)


@dataclass
class ReferenceData:
    records: list[Row]  # in file order, each key once
    files: tuple[str, ...]

    def __post_init__(self) -> None:
        self._index: dict[tuple[date, str, str], Evidence] = {}
        self._names: dict[str, str] = {}
        for r in self.records:
            ev = Evidence(r.report_date, r.subject, r.metric, float(r.value_usd_m), r.confidence or None,
                          r.sources.split() if r.sources else [], r.note or None)
            self._index[(r.report_date, r.subject, r.metric)] = ev
            self._names.setdefault(r.subject, r.entity)
        self.report_dates: list[date] = sorted({k[0] for k in self._index})

    @property
    def df(self):
        """The rows as a pandas DataFrame (the columns of :class:`Row`), built on each call; pandas is
        imported only here, so loading and checking never pay for it."""
        import pandas as pd

        return pd.DataFrame(self.records, columns=list(Row._fields))

    def __len__(self) -> int:
        return len(self._index)

    @property
    def first_report(self) -> date:
        return self.report_dates[0]

    @property
    def latest_report(self) -> date:
        return self.report_dates[-1]

    def get(self, report_date: date | None, subject: str, metric: str) -> Evidence | None:
        if report_date is None:
            return None
        return self._index.get((report_date, subject, metric))

    def series(self, subject: str, metric: str) -> dict[date, Evidence]:
        return {k[0]: v for k, v in self._index.items() if k[1] == subject and k[2] == metric}

    def rows(self) -> Iterable[Evidence]:
        return self._index.values()

    def entity_name(self, subject: str) -> str:
        return self._names.get(subject, subject)

    def subjects(self) -> dict[str, tuple[str, str]]:
        """subject id -> (dimension, entity name)."""
        out = {}
        for r in self.records:
            out.setdefault(r.subject, (r.dimension, r.entity))
        return out

    def covers(self, d: date) -> bool:
        """Whether ``d`` lies within the span of the data (gaps included)."""
        return self.first_report <= d <= self.latest_report


def mondays(start: date, end: date) -> list[date]:
    """Every Monday from ``start`` to ``end`` inclusive (both Mondays)."""
    out, d = [], start
    while d <= end:
        out.append(d)
        d += timedelta(days=7)
    return out
