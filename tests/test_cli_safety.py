"""CLI safety: one-line usage errors, --out never overwriting an input, output file modes, no
control characters from an article reaching the terminal, CSV cells no spreadsheet runs."""
from __future__ import annotations

import csv
import io
import os
import re
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import claimcheck
from claimcheck import render
from claimcheck.cli import app
from claimcheck.io import write_atomic
from claimcheck.outputs import render_reports

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "articles" / "example-2026-01-26.txt"
DAY = date(2026, 1, 26)


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


# --- 1. usage errors: one line on stderr, exit code 2 ---------------------------------------------

def _run(args):
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    p = subprocess.run([sys.executable, "-m", "claimcheck.cli", *map(str, args)], capture_output=True, text=True,
                       env=env, cwd=ROOT, timeout=120)
    return p.returncode, p.stdout, p.stderr


USAGE_CASES = {
    "date-month-13": (["check", EXAMPLE, "--date", "2026-13-45"], "invalid value for '--date': '2026-13-45' is not a date; use YYYY-MM-DD"),
    "date-word": (["check", EXAMPLE, "--date", "yesterday"], "'yesterday' is not a date; use YYYY-MM-DD, e.g. 2026-01-26"),
    "batch-date": (["batch", EXAMPLE, "--date", "yesterday"], "'yesterday' is not a date; use YYYY-MM-DD"),
    "format": (["check", EXAMPLE, "--format", "xml"], "invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json'"),
    "fail-on": (["check", EXAMPLE, "--fail-on", "bogus"], "'bogus' is not one of 'conflicting', 'unverified', 'never'"),
    "show": (["check", EXAMPLE, "--show", "x"], "'x' is not one of 'table', 'text', 'both'"),
    "batch-jobs": (["batch", EXAMPLE, "--jobs", "0"], "invalid value for '--jobs' / '-j'"),
    "unknown-option": (["check", EXAMPLE, "--bogus"], "no such option: --bogus"),
    "missing-argument": (["check"], "missing argument 'file'; see 'python -m claimcheck.cli check --help'"),
    "unknown-command": (["bogus"], "no such command 'bogus'"),
    "missing-file": (["check", "no/such/article.txt"], "no/such/article.txt: no such file; check the path"),
}


@pytest.fixture(scope="module")
def usage_runs():
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {k: pool.submit(_run, args) for k, (args, _) in USAGE_CASES.items()}
        return {k: f.result() for k, f in futures.items()}


@pytest.mark.parametrize("case", list(USAGE_CASES))
def test_usage_errors_are_one_line_with_exit_code_2(usage_runs, case):
    rc, out, err = usage_runs[case]
    assert rc == 2, (rc, out, err)
    assert out == ""
    assert err.startswith("claimcheck: error: ") and err.count("\n") == 1, err
    assert USAGE_CASES[case][1] in err, err
    assert "Usage:" not in err and "Try '" not in err and "Traceback" not in err


def test_usage_errors_in_process_too():
    res = invoke("check", EXAMPLE, "--date", "2026-13-45")
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == "claimcheck: error: invalid value for '--date': '2026-13-45' is not a date; use YYYY-MM-DD, e.g. 2026-01-26\n"


def test_help_still_works():
    res = invoke("check", "--help")
    assert res.exit_code == 0 and "Usage:" in res.stdout and "--date" in res.stdout
    res = invoke()  # no arguments: the help, not an error line
    assert "Usage:" in res.output and "check" in res.output and "claimcheck: error" not in res.output


# --- 2. check --out never overwrites its input ----------------------------------------------------

def _article(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    a = tmp_path / "sub" / "article.txt"
    a.write_bytes(EXAMPLE.read_bytes())
    return a


@pytest.mark.parametrize("how", ["same-path", "other-relative-path", "out-is-symlink", "input-is-symlink", "hard-link"])
def test_check_refuses_out_that_is_the_input(tmp_path, monkeypatch, how):
    a = _article(tmp_path)
    before = a.read_bytes()
    monkeypatch.chdir(tmp_path)
    inp, out = "sub/article.txt", "sub/article.txt"
    if how == "other-relative-path":
        out = str(a)  # absolute
        inp = "./sub/../sub/article.txt"
    elif how == "out-is-symlink":
        (tmp_path / "link.json").symlink_to(a)
        out = "link.json"
    elif how == "input-is-symlink":
        (tmp_path / "link.txt").symlink_to(a)
        inp = "link.txt"
    elif how == "hard-link":
        os.link(a, tmp_path / "hard.json")
        out = "hard.json"
    res = invoke("check", inp, "--out", out, "--format", "json")
    assert res.exit_code == 2, res.output
    assert res.stderr.startswith("claimcheck: error: --out ") and res.stderr.count("\n") == 1, res.stderr
    assert "is also an input; write the output elsewhere" in res.stderr
    assert a.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["article.txt"]  # no temporary file left


def test_check_out_beside_the_input_is_fine(tmp_path):
    a = _article(tmp_path)
    res = invoke("check", a, "--out", tmp_path / "sub" / "report.json", "--date", "2026-01-26")
    assert res.exit_code in (0, 1), res.output
    assert (tmp_path / "sub" / "report.json").read_text().lstrip().startswith("{")


# --- 3. output files get normal permissions -------------------------------------------------------

@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_write_atomic_honours_umask_and_keeps_an_existing_mode(tmp_path, umask):
    new = tmp_path / "new.txt"
    write_atomic(new, "x")
    assert _mode(new) == 0o644
    umask(0o077)
    private = tmp_path / "private.txt"
    write_atomic(private, "x")
    assert _mode(private) == 0o600
    umask(0o022)
    existing = tmp_path / "existing.txt"
    existing.write_text("old")
    existing.chmod(0o640)
    write_atomic(existing, "new")
    assert existing.read_text() == "new" and _mode(existing) == 0o640


def test_cli_outputs_get_normal_modes(tmp_path, umask):
    out = tmp_path / "report.json"
    res = invoke("check", EXAMPLE, "--out", out)
    assert res.exit_code in (0, 1), res.output
    assert _mode(out) == 0o644
    out.chmod(0o660)
    res = invoke("check", EXAMPLE, "--out", out)
    assert res.exit_code in (0, 1), res.output
    assert _mode(out) == 0o660
    claims = tmp_path / "claims.jsonl"
    res = invoke("batch", EXAMPLE, "--jobs", "1", "--out", claims)
    assert res.exit_code in (0, 1), res.output
    assert _mode(claims) == 0o644


# --- 4. the Python API path: no control characters from the article on the terminal -----------------

HOSTILE = ("\x1b[31mDigital asset investment products\x07 saw outflows of \x1b]0;PWNED\x07$1.73 billion last week, "
           "CoinShares said.\x1b[2J Bitcoin saw outflows of \x9b31m$1.09 billion. [bold red]Ethereum[/bold red]\x08\x00\n")


@pytest.mark.parametrize("width", [200, 80])
def test_api_report_renders_without_control_characters(width):
    report = claimcheck.check(HOSTILE, date=DAY)
    assert [v.claim.text for v in report.verdicts][:2] == ["$1.73 billion", "$1.09 billion"]
    assert "\x1b" in report.text  # the API keeps the text as given
    buf = io.StringIO()
    render.print_report(report, Console(file=buf, width=width, force_terminal=False, color_system=None), "both")
    out = buf.getvalue()
    assert not set(out) & {"\x1b", "\x07", "\x9b", "\x08", "\x00"}, repr(out)
    assert "[bold red]Ethereum[/bold red]" in out  # shown as written, not read as markup
    assert "$1.73 billion[1]" in out.replace("\n", "")
    # with colours on, the only escape sequences are rich's own SGR codes
    buf = io.StringIO()
    render.print_report(report, Console(file=buf, width=width, force_terminal=True, color_system="truecolor"), "both")
    rest = re.sub(r"\x1b\[[0-9;]*m", "", buf.getvalue())
    assert not set(rest) & {"\x1b", "\x07", "\x9b"}, repr(rest)
    md = render_reports([report], "markdown")
    assert not set(md) & {"\x1b", "\x07", "\x9b"}


# --- 5. CSV cells that a spreadsheet would run are neutralised ------------------------------------

FORMULA_ARTICLE = ('=HYPERLINK("http://x") Digital asset investment products saw outflows of $1.73 billion last week, '
                   "CoinShares said.\n@SUM(1) Bitcoin saw -$1.09 billion of outflows, while Ethereum saw +$500 million of inflows.\n")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _assert_safe(rows: list[dict]) -> None:
    for row in rows:
        for key, cell in row.items():
            head = cell.lstrip(" ")
            if head.startswith(DANGEROUS):
                float(cell)  # only a plain numeral may start with -, and it is a number
                assert head.startswith("-"), (key, cell)


def test_csv_outputs_neutralise_formulas_and_keep_numbers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("=HYPERLINK(1).txt", "@SUM(1).txt"):
        Path(name).write_text(FORMULA_ARTICLE, encoding="utf-8")
    res = invoke("check", "=HYPERLINK(1).txt", "--date", "2026-01-26", "--out", "check.csv")
    assert res.exit_code in (0, 1), res.output
    res = invoke("batch", "@SUM(1).txt", "=HYPERLINK(1).txt", "--date", "2026-01-26", "--jobs", "1", "--out", "batch.csv")
    assert res.exit_code in (0, 1), res.output
    single, many = _rows(tmp_path / "check.csv"), _rows(tmp_path / "batch.csv")
    assert len(single) == 3 and len(many) == 6
    for rows in (single, many):
        _assert_safe(rows)
        by_text = {r["text"]: r for r in rows}
        assert {"'-$1.09 billion", "'+$500 million", "$1.73 billion"} <= set(by_text)
        assert float(by_text["'-$1.09 billion"]["claimed_value"]) == -1090.0
        assert float(by_text["$1.73 billion"]["reference_value"]) == -1730.0
        assert float(by_text["'+$500 million"]["diff_usd_m"]) > 0
    assert {r["path"] for r in single} == {"'=HYPERLINK(1).txt"}
    assert {r["path"] for r in many} == {"'=HYPERLINK(1).txt", "'@SUM(1).txt"}


def test_csv_safe_cells():
    assert render.csv_safe("\tcmd") == "'\tcmd" and render.csv_safe("\rcmd") == "'\rcmd"
    assert render.csv_safe(" =1+1") == "' =1+1" and render.csv_safe("@SUM(1)") == "'@SUM(1)"
    assert render.csv_safe(-1700000000) == "-1700000000" and render.csv_safe(-1730.0) == "-1730.0"
    assert render.csv_safe("-11.1") == "-11.1"  # a plain numeral stays a number
    assert render.csv_safe(float("nan")) == ""
