"""Checking many articles: the engine behind ``claimcheck batch``.

- :func:`iter_inputs` streams the article paths (files as given, folders walked recursively, in a
  stable sorted order) without listing the whole tree first;
- :func:`check_paths` is the per-article function, run on a chunk of paths at a time: it reads each
  file, runs the texts through spaCy's ``nlp.pipe`` together, verifies the claims and returns, per
  article, a small summary row and the article's rendered output fragment (the full report is
  dropped there, in the worker). A file that cannot be read (missing, vanished, a folder, binary,
  not UTF-8, too large, a FIFO) becomes a row with an ``error``; it never stops the batch;
- :func:`run_batch` drives :func:`check_paths` over a process pool (``engine="local"``: one process
  per job, each loading the pipeline once in its initializer) or a dask.distributed cluster
  (``engine="dask"``), with a bounded number of chunks in flight, and hands the results on **in
  input order**, so memory stays flat and every engine writes the same output.

Input files are only ever opened for reading.
"""
from __future__ import annotations

import concurrent.futures as cf
import fnmatch
import gc
import multiprocessing as mp
import os
import signal
import stat
import sys
import traceback
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator

DEFAULT_GLOB = "*.txt,*.md,*.html"


# --- inputs -----------------------------------------------------------------------------------------
def parse_globs(spec: str) -> tuple[str, ...]:
    pats = tuple(p.strip() for p in spec.split(",") if p.strip())
    if not pats:
        from .errors import ClaimcheckError

        raise ClaimcheckError(f"--glob {spec!r} has no pattern; use e.g. --glob '*.txt,*.md,*.html'")
    return pats


def _matches(name: str, rel: str, globs: tuple[str, ...]) -> bool:
    """Case-insensitive match of a file name (or, for a pattern with '/', its path below the folder)."""
    for g in globs:
        target = rel if "/" in g else name
        if fnmatch.fnmatch(target.lower(), g.lower()):
            return True
    return False


def iter_inputs(paths: Iterable[str], globs: tuple[str, ...] = tuple(DEFAULT_GLOB.split(",")),
                exclude: Iterable[str] = ()) -> Iterator[str]:
    """The article paths, one at a time, each once.

    A path named on the command line is yielded whatever its name (a missing one too: it becomes an
    error row). A folder is walked recursively in sorted order (its files before its sub-folders),
    skipping hidden entries (names starting with '.') and not following symbolic links to folders;
    files whose name matches one of ``globs`` are yielded. A sub-folder whose *name* matches (say
    ``notes.md/``) is yielded as well, so the summary says it was not a file, and is walked like any
    other. ``exclude``: paths never yielded (the output file's temporary file).
    """
    excluded = {os.path.abspath(p) for p in exclude}
    seen: set[str] = set()

    def fresh(p: str) -> bool:
        a = os.path.abspath(p)
        if a in seen or a in excluded:
            return False
        seen.add(a)
        return True

    for top in paths:
        top = str(top)
        if not os.path.isdir(top):
            if fresh(top):
                yield top
            continue
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as e:
                if fresh(folder):
                    yield folder  # read_article reports it (a folder, or unreadable)
                continue
            subdirs = []
            for e in entries:
                if e.name.startswith("."):
                    continue
                try:
                    is_dir = e.is_dir(follow_symlinks=False)
                except OSError:
                    is_dir = False
                rel = os.path.relpath(e.path, top).replace(os.sep, "/")
                if is_dir:
                    subdirs.append(e.path)
                    if _matches(e.name, rel, globs) and fresh(e.path + os.sep):
                        yield e.path
                elif _matches(e.name, rel, globs) and fresh(e.path):
                    yield e.path
            stack.extend(reversed(subdirs))


# --- the per-article function (runs in workers) ---------------------------------------------------------
@dataclass(frozen=True)
class BatchConfig:
    """What every worker needs; small and picklable (paths, not loaded data)."""

    reference: tuple[str, ...] = ()  # absolute paths of reference CSVs; () = the bundled data
    date: date | None = None  # --date for every article (else each article's own date)
    fmt: str = "table"  # the output format whose fragments workers render ("table": none)
    model: str | None = None
    debug: bool = False
    directions: bool = False  # also report direction-only claims


@dataclass
class ArticleResult:
    number: int  # the article's place in the batch (1-based, input order)
    row: dict  # outputs.summary_row(): path, counts, worst finding, error
    fragment: str = ""  # the article's part of the output file
    traceback: str | None = None  # an internal error's traceback (shown with --debug)


_STATE: dict = {}


def _state(cfg: BatchConfig):
    """The pipeline, reference data and verifier of this process, loaded once per (model, reference)."""
    key = (cfg.model, cfg.reference)
    st = _STATE.get(key)
    if st is None:
        from . import api, pipeline
        from .verify import Verifier

        nlp = pipeline.load(cfg.model)
        ref = api.get_reference(cfg.reference or None)
        st = _STATE[key] = (nlp, ref, Verifier(ref))
    return st


def init_worker(cfg: BatchConfig) -> None:
    """Process-pool initializer: Ctrl-C is the main process's business; load the pipeline once."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):
        pass
    _state(cfg)


def _read(display: str, path: str):
    """An :class:`~claimcheck.io.Article`, or an error message (a file that cannot be read never raises)."""
    from .errors import ClaimcheckError
    from .io import read_article

    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "no such file (missing, or removed during the batch)"
    except PermissionError:
        return "permission denied"
    except OSError as e:
        return f"cannot read ({e.strerror})"
    if stat.S_ISDIR(st.st_mode):
        return "is a directory, not an article file"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a FIFO, socket or device); skipped"
    try:
        article = read_article(path)
    except ClaimcheckError as e:
        msg = str(e)
        for prefix in (path, display):
            if msg.startswith(prefix + ": "):
                return msg[len(prefix) + 2:]
            if msg.startswith(prefix + ":"):  # "path:LINE: ..."
                return "line " + msg[len(prefix) + 1:]
        return msg
    except (OSError, MemoryError) as e:
        return f"cannot read ({type(e).__name__}: {e})"
    return article


def _error_result(number: int, display: str, message: str, cfg: BatchConfig, tb: str | None = None) -> ArticleResult:
    from .api import Report
    from .outputs import fragment, summary_row

    report = Report([], None, "", display, error=message)
    return ArticleResult(number, summary_row(report, number), fragment(report, cfg.fmt, number), tb)


def check_paths(cfg: BatchConfig, items: list[tuple[int, str, str]]) -> list[ArticleResult]:
    """Check a chunk of articles: ``items`` are ``(number, path as shown, path to open)``.

    The readable texts go through ``nlp.pipe`` together. Returns one :class:`ArticleResult` per item,
    in order. Unreadable files, and (should one occur) an internal error on one article, give error
    rows; the rest of the chunk is still checked.
    """
    from .api import Report, keep_claims, resolve_article_date
    from .extract import extract, extract_many
    from .outputs import fragment, summary_row

    nlp, ref, verifier = _state(cfg)
    results: dict[int, ArticleResult] = {}
    todo = []  # (number, display, article, report date, how)
    for number, display, path in items:
        art = _read(display, path)
        if isinstance(art, str):
            results[number] = _error_result(number, display, art, cfg)
            continue
        try:
            d = cfg.date or art.published
            report_date, how = resolve_article_date(art.text, d, ref)
            if cfg.date is None and art.published is not None:
                how = f"HTML metadata {art.published.isoformat()}" + (f" (report of {report_date.isoformat()})" if report_date != art.published else "")
        except Exception as e:  # pragma: no cover - a bug
            results[number] = _error_result(number, display, f"internal error: {type(e).__name__}: {e}", cfg, traceback.format_exc())
            continue
        todo.append((number, display, art, report_date, how))

    try:
        claim_lists = list(extract_many(nlp, ((a.text, rd, "article") for _, _, a, rd, _ in todo), batch_size=max(1, len(todo))))
    except Exception:  # one text broke the batch: redo them one at a time to find it
        claim_lists = []
        for number, display, a, rd, _ in todo:
            try:
                claim_lists.append(extract(nlp, a.text, rd, "article"))
            except Exception as e:
                claim_lists.append(e)

    for (number, display, art, report_date, how), claims in zip(todo, claim_lists):
        try:
            if isinstance(claims, Exception):
                raise claims
            report = Report([verifier(c) for c in keep_claims(claims, cfg.directions)], report_date, how, display, ref.files, art.text)
            results[number] = ArticleResult(number, summary_row(report, number), fragment(report, cfg.fmt, number))
        except Exception as e:
            results[number] = _error_result(number, display, f"internal error: {type(e).__name__}: {e}", cfg,
                                            "".join(traceback.format_exception(e)))
    return [results[n] for n, _, _ in items]


# --- driving the engines ------------------------------------------------------------------------------
@dataclass
class BatchStats:
    rows: list[dict] = field(default_factory=list)

    def totals(self) -> dict:
        from .outputs import totals_of

        return totals_of(self.rows)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def chunk_size_for(total: int | None, jobs: int, cap: int = 16) -> int:
    """Articles per task: up to ``cap`` (one ``nlp.pipe`` batch), small enough that every worker gets
    several tasks (so none idles at the end)."""
    if not total:
        return cap
    return max(1, min(cap, -(-total // (jobs * 4))))


def _chunks(items: Iterator[tuple[int, str, str]], size: int) -> Iterator[list[tuple[int, str, str]]]:
    chunk = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _mp_context():
    # fork: workers start at once and share the parent's imports; the pool is started before any
    # other thread (the progress bar) exists. Elsewhere (macOS, Windows): spawn.
    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context("spawn")


class _LocalEngine:
    def __init__(self, cfg: BatchConfig, jobs: int):
        self.cfg, self.jobs = cfg, jobs
        # forked workers share the parent's memory until either side writes to it; a garbage
        # collection in a worker would touch (and so copy) every inherited object. Freezing moves
        # them out of the collector's reach first, so the process tree's memory stays flat.
        gc.collect()
        gc.freeze()
        try:
            self.pool = self._new_pool()
            # start the workers now (with fork all of them start on the first task), before the
            # caller starts threads of its own (the progress bar), and let one finish loading
            self.pool.submit(os.getpid).result()
        finally:
            gc.unfreeze()

    def _new_pool(self):
        return cf.ProcessPoolExecutor(max_workers=self.jobs, mp_context=_mp_context(), initializer=init_worker, initargs=(self.cfg,))

    def submit(self, chunk):
        try:
            return self.pool.submit(check_paths, self.cfg, chunk)
        except cf.process.BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()
            return self.pool.submit(check_paths, self.cfg, chunk)

    def wait_first(self, futures):
        return cf.wait(futures, return_when=cf.FIRST_COMPLETED).done

    def close(self, cancel: bool = False):
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


class _DaskEngine:
    def __init__(self, cfg: BatchConfig, jobs: int, scheduler: str | None):
        import logging

        from distributed import Client, LocalCluster

        self.cfg = cfg
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, set_as_default=False)
        else:
            for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker"):
                logging.getLogger(name).setLevel(logging.ERROR)
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster, set_as_default=False)

    def submit(self, chunk):
        return self.client.submit(check_paths, self.cfg, chunk, pure=False)

    def wait_first(self, futures):
        from distributed import wait

        with self.client.as_current():
            return wait(list(futures), return_when="FIRST_COMPLETED").done

    def close(self, cancel: bool = False):
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


class _InlineEngine:
    """--jobs 1: the chunks run in this process (no pool, no pickling)."""

    def __init__(self, cfg: BatchConfig):
        self.cfg = cfg
        _state(cfg)

    def submit(self, chunk):
        f: cf.Future = cf.Future()
        try:
            f.set_result(check_paths(self.cfg, chunk))
        except Exception as e:  # pragma: no cover - check_paths catches per article
            f.set_exception(e)
        return f

    def wait_first(self, futures):
        return set(futures)

    def close(self, cancel: bool = False):
        pass


def run_batch(paths: Iterable[str], cfg: BatchConfig, *, jobs: int | None = None, engine: str = "local",
              scheduler: str | None = None, total: int | None = None, chunk_size: int | None = None,
              on_result: Callable[[ArticleResult], None] | None = None,
              on_start: Callable[[], None] | None = None) -> BatchStats:
    """Check every path (an iterable, consumed lazily) and call ``on_result`` for each article **in
    input order**. At most ``2 x jobs`` chunks are in flight or waiting to be handed on, so memory does
    not depend on the number of articles. Returns the summary rows.

    ``on_start`` is called once the workers exist (the local pool forks its workers before it, so
    no other thread of the caller is running when it does).
    """
    jobs = jobs or default_jobs()
    size = chunk_size or chunk_size_for(total, jobs)
    if engine == "dask":
        eng = _DaskEngine(cfg, jobs, scheduler)
    elif jobs == 1:
        eng = _InlineEngine(cfg)
    else:
        eng = _LocalEngine(cfg, jobs)
    if on_start:
        on_start()
    numbered = ((k, p, os.path.abspath(p)) for k, p in enumerate(paths, 1))
    chunks = _chunks(numbered, size)
    limit = 2 * jobs
    stats = BatchStats()
    in_flight: dict = {}  # future -> (sequence number, chunk)
    ready: dict[int, list[ArticleResult]] = {}
    next_seq = 0
    submitted = 0
    exhausted = False
    cancelled = True
    try:
        while True:
            while not exhausted and len(in_flight) + len(ready) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                in_flight[eng.submit(chunk)] = (submitted, chunk)
                submitted += 1
            if not in_flight and not ready:
                break
            if next_seq not in ready:
                for fut in eng.wait_first(in_flight.keys()):
                    seq, chunk = in_flight.pop(fut)
                    try:
                        ready[seq] = fut.result()
                    except Exception as e:  # the worker died (killed, out of memory): its articles are errors
                        tb = traceback.format_exc()
                        ready[seq] = [_error_result(n, d, f"worker failed: {type(e).__name__}: {e}", cfg, tb) for n, d, _ in chunk]
            while next_seq in ready:
                for res in ready.pop(next_seq):
                    stats.rows.append(res.row)
                    if on_result:
                        on_result(res)
                next_seq += 1
        cancelled = False
    finally:
        eng.close(cancel=cancelled)
    return stats
