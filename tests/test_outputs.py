"""Output files (JSON Lines, CSV, Markdown, HTML, JSON) and the numbered text of ``check --show text``,
on the team's example article and the seed article."""
import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import claimcheck
from claimcheck import render
from claimcheck.cli import app
from claimcheck.outputs import OutputStream, format_for, fragment, render_reports, summary_row, write_reports

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "articles" / "example-2026-01-26.txt"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article-2026-01-26.txt"

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not present")


@pytest.fixture(scope="module")
def example():
    return claimcheck.check(EXAMPLE.read_text(encoding="utf-8"), path="corpus/articles/example-2026-01-26.txt")


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("../shared/seed is not present")
    return claimcheck.check(SEED.read_text(encoding="utf-8"), path="seed/article-2026-01-26.txt")


XSS = ("LONDON, January 26, 2026 - <script>alert('pwned')</script> Digital asset investment products saw net outflows "
       "of $1.73 billion last week, and Bitcoin products shed $1.09bn. <img src=x onerror=alert(1)> | pipes | "
       "=HYPERLINK(\"http://evil\")\n")


@pytest.fixture(scope="module")
def xss():
    return claimcheck.check(XSS, path="<b>evil</b>.txt")


# --- the articles themselves ----------------------------------------------------------------------

def test_example_counts(example):
    assert example.counts() == {"verified": 13, "conflicting": 0, "unverified": 0}
    assert summary_row(example, 1)["worst"] == ""


@needs_seed
def test_seed_counts(seed):
    assert len(seed.verdicts) == 25
    assert seed.counts() == {"verified": 20, "conflicting": 4, "unverified": 1}
    worst = summary_row(seed, 1)["worst"]
    assert worst.startswith("#3 conflicting: \u201c$1 billion\u201d total")


# --- JSON Lines -----------------------------------------------------------------------------------

@needs_seed
def test_jsonl_one_claim_per_line_with_path(example, seed):
    text = render_reports([example, seed], "jsonl")
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) == 13 + 25
    assert {d["path"] for d in lines[:13]} == {"corpus/articles/example-2026-01-26.txt"}
    assert {d["path"] for d in lines[13:]} == {"seed/article-2026-01-26.txt"}
    seed_lines = lines[13:]
    assert [d["verdict"] for d in seed_lines].count("conflicting") == 4
    assert [d["verdict"] for d in seed_lines].count("unverified") == 1
    sweden = [d for d in seed_lines if d["text"] == "-$11.1 million"][0]
    assert sweden["subject"] == "region:sweden" and sweden["verdict"] == "verified" and sweden["reference"]["value"] == -11.1


def test_jsonl_unreadable_article_is_one_error_line():
    r = claimcheck.api.Report([], None, "", "bad.txt", error="not valid UTF-8")
    assert json.loads(render.jsonl_lines(r)) == {"path": "bad.txt", "error": "not valid UTF-8"}


# --- CSV --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell,expected", [
    ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-$11.1 million", "'-$11.1 million"), ("@cmd", "'@cmd"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("  =1+1", "'  =1+1"), ("\uff1d1+1", "'\uff1d1+1"),
    ("region:sweden", "region:sweden"), ("$1.7 billion", "$1.7 billion"), ("", ""),
    (-1730.0, "-1730.0"), (17.1, "17.1"), (-11, "-11"), (None, ""), (float("inf"), ""), ("-11.1", "-11.1"), ("1e-3", "1e-3"),
])
def test_csv_safe(cell, expected):
    assert render.csv_safe(cell) == expected


def _read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


@needs_seed
def test_csv_neutralises_formulas_and_keeps_numbers(seed, xss):
    rows = _read_csv(render_reports([seed, xss], "csv"))
    seed_rows = [r for r in rows if r["path"] == "seed/article-2026-01-26.txt"]
    assert len(seed_rows) == 25
    assert [r["verdict"] for r in seed_rows].count("verified") == 20
    sweden = [r for r in seed_rows if r["subject"] == "region:sweden"][0]
    assert sweden["text"] == "'-$11.1 million"  # text: neutralised
    assert float(sweden["claimed_value"]) == -11.1  # numbers: plain numerals
    assert float(sweden["reference_value"]) == -11.1
    for r in rows:
        for k, v in r.items():
            assert not v.lstrip(" ").startswith(render.CSV_DANGEROUS) or re.fullmatch(r"-?[\d.]+(e-?\d+)?", v), (k, v)
    # every numeric column parses as a number
    for r in seed_rows:
        for k in ("start", "end", "claimed_value", "reference_value", "diff_usd_m"):
            if r[k] != "":
                float(r[k])


# --- Markdown ----------------------------------------------------------------------------------------

def test_markdown_escapes_html_and_pipes(example, xss):
    md = render_reports([example, xss], "markdown")
    assert "<script" not in md and "<b>" not in md
    assert "&lt;b&gt;evil&lt;/b&gt;.txt" in md
    table_rows = [line for line in md.splitlines() if re.match(r"\| \d+ \| ", line)]
    assert len(table_rows) == 2 + 13 + len(xss.verdicts)  # summary rows + claim rows
    assert all(line.endswith(" |") for line in table_rows)


# --- HTML ---------------------------------------------------------------------------------------------

def test_html_escapes_article_text(xss):
    assert xss.counts()["verified"] >= 2
    page = render_reports([xss], "html")
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in page or "&lt;script&gt;alert('pwned')&lt;/script&gt;" in page
    assert "&lt;b&gt;evil&lt;/b&gt;.txt" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


@needs_seed
def test_html_highlights_every_claim_with_evidence(example, seed):
    import lxml.html

    page = render_reports([example, seed], "html")
    doc = lxml.html.fromstring(page)
    assert not doc.xpath("//script")
    sections = doc.xpath("//section[@class='article']")
    assert len(sections) == 2
    for sec, rep in zip(sections, (example, seed)):
        items = sec.xpath(".//ol[@class='evidence']/li")
        assert len(items) == len(rep.verdicts)
        assert [li.get("class") for li in items] == [v.label for v in rep.verdicts]
        markers = [a.text_content() for a in sec.xpath(".//div[@class='text']//sup/a")]
        assert markers == [f"[{i}]" for i in range(1, len(rep.verdicts) + 1)]  # claims in text order here
        # the text survives intact once the markers are dropped
        text = "".join(t for t in sec.xpath(".//div[@class='text']//text()[not(ancestor::sup)]"))
        assert text == rep.text
    # sources are links, http(s) only
    hrefs = doc.xpath("//ol[@class='evidence']//a[starts-with(@href,'http')]/@href")
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)
    # the summary table of a multi-article report
    assert len(doc.xpath("//table[@class='summary']//tr")) == 1 + 2 + 1


def test_formats_from_extension():
    assert format_for(Path("x.jsonl"), None) == "jsonl"
    assert format_for(Path("x.MD"), None) == "markdown"
    assert format_for(Path("x.txt"), "csv") == "csv"
    with pytest.raises(claimcheck.errors.ClaimcheckError):
        format_for(Path("x.txt"), None)


# --- atomic writing ------------------------------------------------------------------------------------

def test_write_reports_atomic(tmp_path, example):
    out = tmp_path / "r.csv"
    write_reports([example], out, "csv")
    assert len(_read_csv(out.read_text(encoding="utf-8"))) == 13
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


def test_output_stream_abort_keeps_old_file(tmp_path, example):
    out = tmp_path / "r.html"
    out.write_text("old", encoding="utf-8")
    s = OutputStream("html", path=out)
    s.add(fragment(example, "html", 1))
    s.abort()
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]
    s = OutputStream("html", path=out)
    s.add(fragment(example, "html", 1))
    s.close([summary_row(example, 1)])
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


# --- check --show text: the numbers in the text are the rows of the table -----------------------------

def _plain(renderable, width):
    c = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    c.print(renderable)
    return c.export_text()


@needs_seed
@pytest.mark.parametrize("which", ["example", "seed"])
def test_highlight_numbers_match_table(which, example, seed):
    rep = {"example": example, "seed": seed}[which]
    text = render.highlighted(rep).plain
    for i, v in enumerate(rep.verdicts, 1):
        # marker i sits right after the text of claim i (row i of the table)
        c = v.claim
        assert f"{rep.text[c.start:c.end]}[{i}]" in text, (i, c.text)
    assert re.sub(r"\[\d+\]", "", text) == rep.text
    for width in (80, 200):  # narrow and wide layouts both show every number with its claim
        table = _plain(render.table(rep), width)
        for i, v in enumerate(rep.verdicts, 1):
            assert re.search(rf"^\S*\s*{i} \S* ?{re.escape(v.claim.text[:8])}", table, re.M), (width, i, v.claim.text)


def test_overlapping_claims_keep_all_numbers(example):
    v1, v2 = example.verdicts[0], example.verdicts[1]
    # a claim overlapping claim 1 (as a range and one of its ends do)
    c = dataclasses.replace(v2.claim, start=v1.claim.start + 1, end=v1.claim.end + 4)
    rep = dataclasses.replace(example, verdicts=[v1, dataclasses.replace(v2, claim=c, label="conflicting")] + example.verdicts[2:])
    text = render.highlighted(rep).plain
    assert "[1][2]" in text
    assert all(f"[{i}]" in text for i in range(1, len(rep.verdicts) + 1))
    assert re.sub(r"\[\d+\]", "", text) == rep.text


@needs_seed
def test_cli_show_text_numbers_match_table():
    res = CliRunner().invoke(app, ["check", str(SEED), "--show", "text"], env={"COLUMNS": "200"})
    assert res.exit_code == 1, res.output
    out = res.stdout
    text_part = out.split("\u250f")[0]  # the table starts with its top-left corner
    nums = [int(n) for n in re.findall(r"\[(\d+)\]", text_part)]
    assert sorted(nums) == list(range(1, 26))
    rows = re.findall(r"^\u2502\s+(\d+) \u2502 (.+?)\s+\u2502", out, re.M)
    assert [int(n) for n, _ in rows] == list(range(1, 26))
    assert rows[19][1] == "-$11.1 million"  # row 20, and [20] follows "-$11.1 million" in the text
    assert "-$11.1 million[20]" in text_part


# --- the fast paths of to_dict, the CSV rows and the JSON Lines match the plain ones ----------------

def _slow_claim_dict(c):
    """``Claim.to_dict`` written the long way (every field by name, in field order)."""
    d = {f.name: getattr(c, f.name) for f in dataclasses.fields(c)}
    for k in ("report_date", "window_start", "window_end"):
        d[k] = d[k].isoformat() if d[k] else None
    for k in ("low", "high"):
        if d[k] is not None and d[k] in (float("inf"), float("-inf")):
            d[k] = None
    return d


def test_to_dict_keeps_field_order_and_copies_lists(example):
    c = dataclasses.replace(example.verdicts[0].claim, notes=["a"])
    assert list(c.to_dict().items()) == list(_slow_claim_dict(c).items())
    assert c.to_dict()["notes"] is not c.notes
    # an instance whose attributes were set in another order, or that carries an extra one
    del c.hedge
    c.hedge = "approx"
    c.extra = 1
    assert list(c.to_dict().items()) == list(_slow_claim_dict(c).items())


def test_csv_rows_and_jsonl_agree_with_to_dict(example):
    rows = list(render.flat_rows(example))
    lines = render.jsonl_lines(example).splitlines()
    assert len(rows) == len(lines) == len(example.verdicts)
    for v, row, line in zip(example.verdicts, rows, lines):
        d = v.to_dict()
        assert line == json.dumps({**d, "path": example.path}, ensure_ascii=False)
        ref = d["reference"] or {}
        assert (row["start"], row["text"], row["report_date"], row["claimed_low"], row["claimed_high"], row["direction"]) == \
               (d["start"], d["text"], d["report_date"], d["claimed"]["low"], d["claimed"]["high"], d["claimed"]["direction"])
        assert (row["reference_value"], row["reference_report_date"], row["reference_confidence"], row["reference_sources"]) == \
               (ref.get("value"), ref.get("report_date"), ref.get("confidence"), " ".join(ref.get("sources") or []))
