"""Direction-only claims ("Solana recorded inflows"): a subject named with the direction of its flow
and no figure. They are reported on request (``check(..., directions=True)``, ``--directions``) and
judged by the sign of the subject's weekly flow. The team article corpus/articles/c01.txt retells
the report of 2026-01-26 with such claims, some of them planted wrong."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimcheck
from claimcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
C01 = ROOT / "corpus" / "articles" / "c01.txt"
DAY = date(2026, 1, 26)


@pytest.fixture(scope="module")
def report():
    return claimcheck.check(C01.read_text(encoding="utf-8"), date=DAY, directions=True)


def directions(report):
    return {v.claim.subject: v for v in report.verdicts if v.claim.kind == "direction"}


@pytest.mark.parametrize("subject,direction,label,reference", [
    ("asset:solana", "inflow", "verified", 17.1),          # "Solana recorded inflows"
    ("asset:binance", "inflow", "verified", 4.6),          # "Binance products also attracted inflows"
    ("asset:xrp", "inflow", "conflicting", -18.2),         # "XRP products saw inflows as well": an outflow
    ("region:switzerland", "inflow", "verified", 32.5),    # "Switzerland and Canada registered inflows"
    ("region:canada", "inflow", "verified", 33.5),
    ("region:sweden", "inflow", "conflicting", -11.1),     # "Sweden and the Netherlands saw inflows of their own"
    ("region:netherlands", "inflow", "conflicting", -4.4),
    ("region:brazil", "outflow", "unverified", None),      # "Brazil saw outflows": not in the report
])
def test_direction_claims(report, subject, direction, label, reference):
    v = directions(report)[subject]
    assert (v.claim.metric, v.claim.direction, v.claim.value, v.label) == ("flow", direction, None, label), v.reason
    assert (v.reference.value if v.reference else None) == reference
    assert v.claim.report_date == DAY


def test_direction_claims_are_exactly_these(report):
    assert sorted(directions(report)) == sorted(["asset:solana", "asset:binance", "asset:xrp", "region:switzerland", "region:canada",
                                                  "region:sweden", "region:netherlands", "region:brazil"])


def test_a_conflicting_direction_says_what_the_report_has(report):
    v = directions(report)["asset:xrp"]
    assert "the claim says inflow" in v.reason and "-$18.2m" in v.reason and "2026-01-26" in v.reason


def test_not_reported_by_default():
    r = claimcheck.check(C01.read_text(encoding="utf-8"), date=DAY)
    assert not [v for v in r.verdicts if v.claim.kind == "direction"]
    assert [v.claim.text for v in r.verdicts] == ["$1.73 billion", "US$1.73 billion", "$1.09 billion", "$630 million", "$178 billion"]


def test_cli_flag_and_exit_code(tmp_path):
    runner = CliRunner()
    plain = runner.invoke(app, ["check", str(C01), "--date", "2026-01-26", "-f", "json"])
    flagged = runner.invoke(app, ["check", str(C01), "--date", "2026-01-26", "-f", "json", "--directions"])
    kinds = [c["kind"] for c in json.loads(flagged.stdout)["claims"]]
    assert kinds.count("direction") == 8
    assert "direction" not in [c["kind"] for c in json.loads(plain.stdout)["claims"]]
    assert flagged.exit_code == 1  # XRP, Sweden and the Netherlands conflict


def test_batch_flag(tmp_path):
    out = tmp_path / "claims.jsonl"
    r = CliRunner().invoke(app, ["batch", str(C01), "--date", "2026-01-26", "--jobs", "1", "--directions", "-o", str(out)])
    assert r.exit_code == 1, r.output
    rows = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    assert sum(1 for row in rows if row.get("kind") == "direction") == 8


def test_no_direction_claim_for_questions_or_negations():
    text = "Did Solana see inflows? Ethereum products did not record outflows. Analysts expect XRP to see inflows."
    r = claimcheck.check(text, date=DAY, directions=True)
    assert r.verdicts == []
