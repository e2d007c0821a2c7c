"""The README's example article (the team's own words, figures of the report of 2026-01-26), claim by claim."""
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "corpus" / "articles" / "example-2026-01-26.txt"

EXPECTED = [
    # text, subject, metric, report week, verdict, reference value
    ("$1.73bn", "total", "flow", "2026-01-26", "verified", -1730),
    ("$1.73 billion", "total", "flow", "2026-01-26", "verified", -1730),
    ("$2.17 billion", "total", "flow", "2026-01-19", "verified", 2170),  # "the previous week"
    ("$1.09bn", "asset:bitcoin", "flow", "2026-01-26", "verified", -1090),
    ("US$630m", "asset:ethereum", "flow", "2026-01-26", "verified", -630),
    ("$17.1 million", "asset:solana", "flow", "2026-01-26", "verified", 17.1),
    ("$18.2 million", "asset:xrp", "flow", "2026-01-26", "verified", -18.2),
    ("$1.8 billion", "region:united-states", "flow", "2026-01-26", "verified", -1800),
    ("$33.5m", "region:canada", "flow", "2026-01-26", "verified", 33.5),  # "respectively"
    ("$32.5m", "region:switzerland", "flow", "2026-01-26", "verified", 32.5),
    ("$19.1m", "region:germany", "flow", "2026-01-26", "verified", 19.1),
    ("$11.1 million", "region:sweden", "flow", "2026-01-26", "verified", -11.1),
    ("$178 billion", "total", "aum", "2026-01-26", "verified", 178000),
]


@pytest.fixture(scope="module")
def report():
    import claimcheck

    return claimcheck.check(EXAMPLE.read_text(encoding="utf-8"))


def test_claim_by_claim(report):
    got = [(v.claim.text, v.claim.subject, v.claim.metric, v.claim.report_date.isoformat(), v.label,
            v.reference.value if v.reference else None) for v in report.verdicts]
    assert got == EXPECTED


def test_price_and_time_are_not_claims(report):
    texts = " ".join(v.claim.text for v in report.verdicts)
    assert "88,000" not in texts and "3 hours" not in texts


def test_dateline_sets_the_week(report):
    assert report.report_date == date(2026, 1, 26) and "dateline" in report.date_source


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "claimcheck.cli", *args], input=stdin, capture_output=True, text=True, cwd=ROOT)


def test_cli_json_and_exit_code_zero():
    p = run_cli("check", str(EXAMPLE), "--format", "json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert len(data["claims"]) == len(EXPECTED)
    first = data["claims"][0]
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text[first["start"]:first["end"]] == first["text"] == "$1.73bn"
    assert first["verdict"] == "verified" and first["reference"]["value"] == -1730
    assert first["reference"]["sources"] and first["claimed"]["hedge"] == "exact"


def test_cli_stdin_conflict_exits_one():
    p = run_cli("check", "-", "--date", "2026-01-26", "--format", "json",
                stdin="Crypto funds saw outflows of $2.5 billion last week.")
    assert p.returncode == 1
    claims = json.loads(p.stdout)["claims"]
    assert [c["verdict"] for c in claims] == ["conflicting"]


def test_cli_missing_file_one_line_error():
    p = run_cli("check", "no-such-article.txt")
    assert p.returncode == 2
    assert p.stderr.strip().count("\n") == 0 and "no such file" in p.stderr
    assert "Traceback" not in p.stderr


def test_cli_bad_date_is_a_usage_error():
    p = run_cli("check", str(EXAMPLE), "--date", "26/01/2026")
    assert p.returncode == 2
