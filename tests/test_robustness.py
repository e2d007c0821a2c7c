"""Bad input, bad data, hostile text: never crash, never hang, never lose work.

Worst-case articles (empty, whitespace, 20 MB, a 1 MB line, 100,000 dollar signs, deep or broken
HTML, NUL bytes, escape sequences), refused inputs (not UTF-8, binary, a directory, closed
standard input, over the size limit) and bad reference data, through the API and through the CLI
(``python -m claimcheck.cli`` in subprocesses): exit code 2, one line on stderr saying what went
wrong and what to do, nothing on stdout and no output file; ``--debug`` adds the traceback.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimcheck
from claimcheck import extract as ex
from claimcheck import io as cio
from claimcheck import pipeline, reference
from claimcheck.cli import app
from claimcheck.errors import ClaimcheckError, InputError, ReferenceDataError, one_line

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "corpus" / "articles" / "example-2026-01-26.txt"
ARTICLE = EXAMPLE.read_text(encoding="utf-8")
DAY = date(2026, 1, 26)
HEADER = "report_date,dimension,entity,metric,value_usd_m,confidence,sources,note\n"
GOOD = "2026-01-26,total,All,flow,-1730,agree,https://example.org/a,\n"
# filler without digits or money: long "words" (think of an inlined base64 image), 1,000 a line
BLOB_LINE = ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5eg" * 15)[:999] + "\n"


@pytest.fixture(scope="module")
def nlp():
    return pipeline.load()


def texts_of(report) -> list[str]:
    return [v.claim.text for v in report.verdicts]


def assert_slices(text, claims):
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start:c.end] == c.text


# --- worst-case articles through the API ---------------------------------------------------------

@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\r\n\u00a0\u2028\u3000 \n", "\ufeff"])
def test_empty_and_whitespace_articles(text, nlp):
    assert ex.extract(nlp, text, DAY) == []
    report = claimcheck.check(text, date=DAY)
    assert report.verdicts == [] and report.counts() == {"verified": 0, "conflicting": 0, "unverified": 0}


def test_twenty_megabyte_article(tmp_path, nlp):
    """20 MB (over 20 times spaCy's nlp.max_length): read from a file, cut into pieces, checked.

    The filler is mostly long tokens without digits (an inlined blob), which keeps the run to a
    few seconds; the claims of the article at the start and at the end are all found, at the
    right offsets."""
    n = 20 * 1024 * 1024
    filler = BLOB_LINE * ((n - 2 * len(ARTICLE)) // len(BLOB_LINE))
    text = ARTICLE + "\n" + filler + "\n" + ARTICLE
    assert len(text) > 20 * nlp.max_length
    f = tmp_path / "big.txt"
    f.write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    article = cio.read_article(f)
    report = claimcheck.check(article.text, date=DAY)
    seconds = time.perf_counter() - t0
    print(f"\n20 MB article ({len(text):,} characters): {seconds:.1f} s")
    assert article.text == text
    once = texts_of(claimcheck.check(ARTICLE, date=DAY))
    assert texts_of(report) == once + once
    assert_slices(text, [v.claim for v in report.verdicts])
    assert report.verdicts[-1].claim.start > len(text) - len(ARTICLE)
    assert seconds < 180


def test_single_one_megabyte_line(nlp):
    """One line of 1 MB (no line break at all): cut after sentence ends; claims still found."""
    sentence = "Bitcoin products shed $1.09bn last week, CoinShares said. "
    pad = ("Nothing else happened in that market " * 250)[:9_000] + ". "
    unit = sentence + pad
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    assert "\n" not in text and len(text) == 1_000_000
    t0 = time.perf_counter()
    claims = ex.extract(nlp, text, DAY)
    seconds = time.perf_counter() - t0
    print(f"\n1 MB single line: {seconds:.1f} s, {len(claims)} claims")
    assert_slices(text, claims)
    assert len(claims) == text.count("$1.09bn")
    assert all(c.subject == "asset:bitcoin" and c.direction == "outflow" for c in claims)
    assert seconds < 120


REPEATED = {
    "100,000 dollar signs": "$" * 100_000,
    "dollar-space": "$ " * 50_000,
    "dollar-one": "$1" * 50_000,
    "minus-dollar": "-$" * 50_000,
    "US$": "US$" * 33_000,
    "digits": "1" * 100_000,
    "thousands-groups": "1,000" * 20_000,
    "percent-signs": "%" * 100_000,
    "quotes-in-runs": "".join(ch * (80 + i % 19) + " " for i, ch in enumerate("'\"([!$%" * 150))[:100_000],
    "outflows": "outflows " * 11_000,
    "claims": "Bitcoin funds saw outflows of $1.7 billion. " * 2_300,
}


@pytest.mark.parametrize("name", sorted(REPEATED))
def test_pathological_repetitions(name, nlp):
    """spaCy's tokenizer splits a run of prefix characters ("$$$$...") in quadratic time: such runs
    go through in short pieces of their own, so 100,000 dollar signs take about a second."""
    text = REPEATED[name]
    t0 = time.perf_counter()
    claims = ex.extract(nlp, text, DAY)
    seconds = time.perf_counter() - t0
    assert_slices(text, claims)
    if name == "claims":
        assert len(claims) == 2_300
    assert seconds < 30, f"{name}: {seconds:.1f} s"


def test_longer_than_nlp_max_length(nlp):
    """Pieces never exceed nlp.max_length, and cutting at line breaks gives the same claims."""
    text = "\n".join([ARTICLE] * 8)
    whole = [c.to_dict() for c in ex.extract(nlp, text, DAY)]
    saved = nlp.max_length
    nlp.max_length = 1_000
    try:
        small = [c.to_dict() for c in ex.extract(nlp, text, DAY)]
        with pytest.raises(ValueError):
            nlp(text)  # what would happen without the pieces
    finally:
        nlp.max_length = saved
    assert small == whole and len(whole) == 8 * 13


def test_extract_many_matches_extract(nlp):
    long = "\n".join([ARTICLE] * 5) + "\n" + BLOB_LINE * 20
    items = [(ARTICLE, DAY, "article"), ("", DAY, "article"), (long, DAY, "article"), ("$1.7 billion", None, "article")]
    many = [[c.to_dict() for c in cs] for cs in ex.extract_many(nlp, items, batch_size=2)]
    one = [[c.to_dict() for c in ex.extract(nlp, t, d, s)] for t, d, s in items]
    assert many == one and len(many) == 4


@pytest.mark.parametrize("unit", [" ", "\n", "$", "1", "1,000 ", "Aa. ", "outflows ", "Bitcoin ", "the largest since ",
                                  "$1.7 billion ", "week ending January 23 ", "-", "\u00a0"])
def test_pipeline_time_grows_linearly(unit, nlp):
    """The whole extractor on one repeated unit, at n and 4n characters: ratio < 8 (linear is 4)."""
    def run(n):
        s = (unit * (n // len(unit) + 1))[:n]
        best = float("inf")
        for _ in range(3):  # the best of three: another process on the machine only slows a run down
            t0 = time.perf_counter()
            ex.extract(nlp, s, DAY)
            best = min(best, time.perf_counter() - t0)
        return best

    n = 4_000  # over CHUNK_CHARS: every size is run as pieces of the same length
    t1 = run(n)
    while t1 < 0.02 and n < 256_000:
        n *= 2
        t1 = run(n)
    t4 = run(4 * n)
    assert t4 / t1 < 8, f"{unit!r}: {t1:.3f} s at {n}, {t4:.3f} s at {4 * n}"


# spans of different kinds that expand to the same token(s) ("outflows$1.7bn" is one token) once
# shared one span-extension record and crashed the claim builder; the records now live in
# doc.user_data lists, one entry a record
@pytest.mark.parametrize("text", [
    "Funds saw outflows$1.7bn last week.",  # an amount glued to a direction word: one token
    "Fund outflows: $1.7 billion;US$630m$1.7 billion",  # a currency prefix glued inside an amount's token
])
def test_spans_sharing_a_token_do_not_crash(text):
    report = claimcheck.check(text, date=DAY)
    assert_slices(text, [v.claim for v in report.verdicts])
    assert "$1.7" in " ".join(texts_of(report))


# --- reading articles -----------------------------------------------------------------------------

def test_deeply_nested_html(tmp_path):
    """lxml gives up on very deep trees (trafilatura then finds no text): the words still come through."""
    body = "<p>Digital asset investment products saw net outflows of $1.73 billion last week, CoinShares said.</p>"
    page = "<html><body>" + "<div>" * 50_000 + body + "</div>" * 50_000 + "</body></html>"
    f = tmp_path / "deep.html"
    f.write_text(page, encoding="utf-8")
    article = cio.read_article(f)
    assert "outflows of $1.73 billion" in article.text
    assert texts_of(claimcheck.check(article.text, date=DAY)) == ["$1.73 billion"]


@pytest.mark.parametrize("page", [
    "<html><body><p>Digital asset investment products saw net outflows of $1.73 billion last week.<p><<<>>><div </ p>"
    "<script>alert(1)</script><!-- unterminated",
    "<html><body>" + "<div><span><b>" * 20_000 + "Digital asset investment products saw net outflows of $1.73 billion last week.",
    "<html><head><title>t</title><body><table><tr><td>Digital asset investment products saw net outflows of "
    "$1.73 billion last week.</td></tr></table>",
], ids=["broken-tags", "unclosed-20k-deep", "unclosed-head"])
def test_broken_html(tmp_path, page):
    f = tmp_path / "broken.html"
    f.write_text(page, encoding="utf-8")
    article = cio.read_article(f)
    assert "alert(1)" not in article.text
    assert texts_of(claimcheck.check(article.text, date=DAY)) == ["$1.73 billion"]


@pytest.mark.parametrize("page", ["", "<html></html>", "<" * 100_000, "<html><body><script>var x = '$1.7 billion';</script></body></html>"],
                         ids=["empty", "no-body", "100k-angle-brackets", "script-only"])
def test_html_without_text(tmp_path, page):
    f = tmp_path / "empty.html"
    f.write_text(page, encoding="utf-8")
    article = cio.read_article(f)
    assert "$1.7" not in article.text
    claimcheck.check(article.text, date=DAY)


def test_nul_bytes_in_a_text_are_spaces(tmp_path):
    raw = ("A\x00" + ARTICLE.replace("last week", "last\x00week", 1) + "\x00").encode("utf-8")
    f = tmp_path / "nul.txt"
    f.write_bytes(raw)
    article = cio.read_article(f)
    assert "\x00" not in article.text and len(article.text) == len(raw.decode("utf-8"))
    assert len(claimcheck.check(article.text, date=DAY).verdicts) == 13
    report = claimcheck.check("\x00" * 1000 + ARTICLE + "\x00", date=DAY)  # the API takes them as they are
    assert len(report.verdicts) == 13


def test_control_characters_never_reach_the_reader(tmp_path):
    hostile = ("Crypto funds saw outflows of \x1b[2J\x1b]0;PWNED\x07$1.7 billion\x1b[31m last week, CoinShares said. "
               "\x9b31m[bold red]Bitcoin[/] [link=https://example.org]x[/link]\x0cNext page.\n")
    f = tmp_path / "esc.txt"
    f.write_text(hostile, encoding="utf-8")
    article = cio.read_article(f)
    assert len(article.text) == len(hostile)
    assert not any(ord(ch) < 32 and ch not in "\t\n\r" or 0x7F <= ord(ch) < 0xA0 for ch in article.text)
    assert "[bold red]Bitcoin[/]" in article.text  # markup-like text stays text
    assert cio.clean_text("a\x0cb\x0bc\x85d") == "a\nb\nc\nd"


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(4 * 1024**3)  # sparse: 4 GB on paper, nothing on disk
    monkeypatch.setattr(cio, "open", lambda *a, **k: pytest.fail("read before the size check"), raising=False)
    with pytest.raises(InputError, match="larger than 50 MB"):
        cio.read_article(big)


@pytest.mark.parametrize("raw,message", [
    (b"Bitcoin funds saw \xa31.7 billion of outflows.\n", r"bad\.txt:1: not valid UTF-8 \(byte 0xa3\)"),
    (b"line one\nline two\n\xff\xfe\n", r"bad\.txt:3: not valid UTF-8"),
    ("Bitcoin".encode("utf-16"), "UTF-16 text; re-save the article as UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "binary file"),
    (b"\x00" * 4096, "binary file"),
], ids=["latin-1", "bad-byte-line-3", "utf-16", "png", "zeros"])
def test_refused_articles(tmp_path, raw, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(raw)
    with pytest.raises(InputError, match=message) as e:
        cio.read_article(f)
    assert "\n" not in str(e.value)


def test_stdin(monkeypatch):
    import io as stdio

    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="standard input is closed"):
        cio.read_article("-")
    closed = stdio.TextIOWrapper(stdio.BytesIO(b"x"))
    closed.close()
    monkeypatch.setattr(sys, "stdin", closed)
    with pytest.raises(InputError, match="standard input is closed"):
        cio.read_article("-")
    monkeypatch.setattr(sys, "stdin", stdio.TextIOWrapper(stdio.BytesIO(b"")))
    assert cio.read_article("-").text == ""


def test_error_messages_are_one_safe_line():
    e = ClaimcheckError("bad\nfile\x1b[2J.csv:3: problem\r\n")
    assert str(e) == "bad\\nfile\\x1b[2J.csv:3: problem\\r\\n"
    assert len(one_line("x" * 10_000)) <= 2000


# --- reference data ----------------------------------------------------------------------------

BAD_REFERENCE = {
    "missing-column": (HEADER.replace(",metric", "") + "2026-01-26,total,All,-1730,agree,,\n", ":1: missing column(s) metric"),
    "not-a-number": (HEADER + "2026-01-26,total,All,flow,lots,agree,,\n", ":2: value_usd_m 'lots' is not a number"),
    "number-with-underscore": (HEADER + "2026-01-26,total,All,flow,1_730,agree,,\n", ":2: value_usd_m '1_730' is not a number"),
    "not-finite": (HEADER + "2026-01-26,total,All,flow,nan,agree,,\n", ":2: value_usd_m 'nan' is not a number"),
    "unknown-confidence": (HEADER + "2026-01-26,total,All,flow,5,maybe,,\n", ":2: unknown confidence 'maybe'"),
    "unknown-metric": (HEADER + "2026-01-26,total,All,inflow,5,agree,,\n", ":2: unknown metric 'inflow'"),
    "unknown-dimension": (HEADER + "2026-01-26,planet,All,flow,5,agree,,\n", ":2: unknown dimension 'planet'"),
    "duplicate-key": (HEADER + GOOD + "2026-01-26,total,All,flow,-1700,agree,,\n", ":3: duplicate key"),
    "not-a-date": (HEADER + GOOD + "26/01/2026,total,All,flow,5,agree,,\n", ":3: report_date '26/01/2026' is not an ISO date"),
    "compact-date": (HEADER + "20260126,total,All,flow,5,agree,,\n", ":2: report_date '20260126' is not an ISO date"),
    "impossible-date": (HEADER + "2026-02-30,total,All,flow,5,agree,,\n", ":2: report_date '2026-02-30' is not an ISO date"),
    "empty": ("", ":1: empty file"),
    "blank-lines-only": ("\n\n  \n", ":1: empty file"),
    "header-only": (HEADER, ":2: no data rows"),
    "too-many-fields": (HEADER + "2026-01-26,total,All,flow,5,agree,,,extra\n", ":2: 9 fields where the header has 8"),
    "too-few-fields": (HEADER + "2026-01-26,total,All,flow\n", ":2: 4 fields where the header has 8"),
    "open-quote": (HEADER + GOOD + '2026-02-02,total,All,flow,5,agree,,"never closed\n', ":3: malformed CSV"),
    "line-after-blank-lines": (HEADER + GOOD + "\n\n" + "2026-02-02,total,All,flow,x,agree,,\n", ":5: value_usd_m 'x'"),
    "line-after-multiline-note": (HEADER + '2026-01-26,total,All,flow,5,agree,,"two\nlines"\n2026-02-02,total,All,flow,x,agree,,\n',
                                  ":4: value_usd_m 'x'"),
    "header-twice": (HEADER.strip() + "," + HEADER, ":1: column 'report_date' appears twice"),
}
BAD_BYTES = {
    "not-utf8": ((HEADER + GOOD).encode() + b"2026-02-02,total,All,flow,5,agree,,caf\xe9\n", ":3: not UTF-8 text"),
    "nul": ((HEADER + GOOD).encode() + b"\x00", ":3: NUL byte"),
    "utf16": ((HEADER + GOOD).encode("utf-16"), ":1: UTF-16 text"),
}


def _bad_file(folder: Path, case: str) -> tuple[Path, str]:
    f = folder / f"{case}.csv"
    if case == "over-the-size-limit":
        with open(f, "wb") as fh:
            fh.truncate(60 * 1024 * 1024)  # sparse: nothing is written
        return f, ": 60 MB is larger than the 50 MB limit for reference data; split it or trim it"
    if case in BAD_BYTES:
        raw, message = BAD_BYTES[case]
        f.write_bytes(raw)
    else:
        body, message = BAD_REFERENCE[case]
        f.write_text(body, encoding="utf-8")
    return f, message


@pytest.mark.parametrize("case", sorted(BAD_REFERENCE) + sorted(BAD_BYTES) + ["over-the-size-limit"])
def test_bad_reference_through_the_cli(tmp_path, case):
    """``claimcheck check FILE --reference BAD.csv``: exit 2, one line naming file, line and problem,
    nothing on stdout, no output file (no partial result)."""
    bad, message = _bad_file(tmp_path, case)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--reference", str(bad), "--out", str(out)])
    assert result.exit_code == 2, result.output
    err = result.stderr
    assert err.count("\n") == 1 and err.startswith("claimcheck: error: "), err
    assert str(bad) in err and message in err, err
    assert result.stdout == ""
    assert not out.exists()
    with pytest.raises(ReferenceDataError):
        reference.load_reference([bad])


def test_duplicate_key_across_two_files(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(HEADER + GOOD, encoding="utf-8")
    b.write_text(HEADER + "2026-01-20,total,All,flow,1,agree,,\n2026-01-26,total,All,flow,-1000,agree,,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as e:
        reference.load_reference([a, b])
    assert f"{b}:3: duplicate key" in str(e.value) and f"{a}:2 gives -1730" in str(e.value)


def test_huge_reference_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "huge.csv"
    with open(big, "wb") as fh:
        fh.truncate(8 * 1024**3)  # sparse
    monkeypatch.setattr(reference, "open", lambda *a, **k: pytest.fail("read before the size check"), raising=False)
    t0 = time.perf_counter()
    with pytest.raises(ReferenceDataError, match=r"huge\.csv: 8192 MB is larger than the 50 MB limit"):
        reference.load_reference([big])
    assert time.perf_counter() - t0 < 2


# --- the CLI in subprocesses: exit codes and one-line errors ---------------------------------------

def _cli(args, stdin=b"", close_stdin=False, timeout=120):
    kw = {}
    if close_stdin:
        kw["stdin"] = None
        kw["preexec_fn"] = lambda: os.close(0)
    else:
        kw["input"] = stdin
    env = dict(os.environ, COLUMNS="400", NO_COLOR="1")
    p = subprocess.run([sys.executable, "-m", "claimcheck.cli", *args], capture_output=True, timeout=timeout, env=env, **kw)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    """Every subprocess case, run four at a time (each process imports spaCy: about 1.5 s)."""
    d = tmp_path_factory.mktemp("cli")
    (d / "latin1.txt").write_bytes("Bitcoin funds saw outflows of £1.7 billion.\n".encode("latin-1"))
    (d / "binary.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(4096))
    (d / "folder").mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (d / "esc.txt").write_text("Crypto funds saw outflows of \x1b[2J\x1b]0;PWNED\x07$1.7 billion\x1b[31m last week, "
                               "CoinShares said. [bold red]Bitcoin[/bold red]\n", encoding="utf-8")
    (d / "deep.html").write_text("<html><body>" + "<div>" * 30_000 + "<p>Digital asset investment products saw net "
                                 "outflows of $1.73 billion last week.</p></body></html>", encoding="utf-8")
    with open(d / "huge.txt", "wb") as fh:
        fh.truncate(3 * 1024**3)
    bad_ref, _ = _bad_file(d, "duplicate-key")
    ex_ = str(EXAMPLE)
    cases = {
        "missing": (["check", str(d / "missing.txt")], {}),
        "not-utf8": (["check", str(d / "latin1.txt")], {}),
        "binary": (["check", str(d / "binary.bin")], {}),
        "directory": (["check", str(d / "folder")], {}),
        "huge": (["check", str(d / "huge.txt")], {}),
        "stdin-closed": (["check", "-"], {"close_stdin": True}),
        "stdin-not-utf8": (["check", "-"], {"stdin": b"caf\xe9 au lait\n"}),
        "bad-reference": (["check", ex_, "--reference", str(bad_ref)], {}),
        "missing-reference": (["check", ex_, "--reference", str(d / "nope.csv")], {}),
        "bad-reference-debug": (["check", ex_, "--reference", str(bad_ref), "--debug"], {}),
        "not-utf8-debug": (["check", str(d / "latin1.txt"), "--debug"], {}),
        "empty": (["check", str(d / "empty.txt"), "--format", "json", "--date", "2026-01-26"], {}),
        "blank": (["check", str(d / "blank.txt"), "--format", "json", "--date", "2026-01-26"], {}),
        "stdin-empty": (["check", "-", "--format", "json", "--date", "2026-01-26"], {"stdin": b""}),
        "stdin-article": (["check", "-", "--format", "json"], {"stdin": ARTICLE.encode()}),
        "escape-sequences": (["check", str(d / "esc.txt"), "--date", "2026-01-26", "--show", "both"], {}),
        "deep-html": (["check", str(d / "deep.html"), "--format", "json", "--date", "2026-01-26"], {}),
    }
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {k: pool.submit(_cli, args, **kw) for k, (args, kw) in cases.items()}
        return {k: f.result() for k, f in futures.items()}, d


@pytest.mark.parametrize("case,expected", [
    ("missing", "missing.txt: no such file; check the path"),
    ("not-utf8", "latin1.txt:1: not valid UTF-8 (byte 0xa3); re-save the article as UTF-8"),
    ("binary", "binary.bin: looks like a binary file"),
    ("directory", "folder: is a directory; use 'claimcheck batch"),
    ("huge", "huge.txt: larger than 50 MB; split the article"),
    ("stdin-closed", "-: standard input is closed; pipe or paste the article text"),
    ("stdin-not-utf8", "-:1: not valid UTF-8 (byte 0xe9)"),
    ("bad-reference", "duplicate-key.csv:3: duplicate key (2026-01-26, total, All, flow) with value -1700"),
    ("missing-reference", "nope.csv: cannot read (No such file or directory); check the path"),
])
def test_errors_are_one_line_with_exit_code_2(cli_runs, case, expected):
    runs, _ = cli_runs
    rc, out, err = runs[case]
    assert rc == 2, (rc, out, err)
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("claimcheck: error: "), err
    assert expected in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("case,expected", [
    ("bad-reference-debug", "ReferenceDataError"),
    ("not-utf8-debug", "InputError"),
])
def test_debug_shows_the_traceback(cli_runs, case, expected):
    rc, out, err = cli_runs[0][case]
    assert rc == 2 and out == ""
    assert "Traceback (most recent call last)" in err and expected in err
    assert err.rstrip("\n").splitlines()[-1].startswith("claimcheck: error: ")


@pytest.mark.parametrize("case", ["empty", "blank", "stdin-empty"])
def test_empty_articles_through_the_cli(cli_runs, case):
    rc, out, err = cli_runs[0][case]
    assert rc == 0, err
    data = json.loads(out)
    assert data["claims"] == [] and data["summary"] == {"verified": 0, "conflicting": 0, "unverified": 0}


def test_article_on_stdin(cli_runs):
    rc, out, err = cli_runs[0]["stdin-article"]
    assert rc == 0, err
    data = json.loads(out)
    assert data["report_date"] == "2026-01-26" and data["summary"]["verified"] == 13


def test_deep_html_through_the_cli(cli_runs):
    rc, out, err = cli_runs[0]["deep-html"]
    assert rc == 0, err
    assert [c["text"] for c in json.loads(out)["claims"]] == ["$1.73 billion"]


def test_article_text_never_acts_on_the_terminal(cli_runs):
    rc, out, err = cli_runs[0]["escape-sequences"]
    assert rc in (0, 1), err
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "[bold red]Bitcoin[/bold red]" in out  # shown as written, not as markup
    assert "$1.7 billion" in out
