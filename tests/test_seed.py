"""Acceptance on the article the project started from (report of 2026-01-26), claim by claim."""
from datetime import date

import pytest


def by_text(report, text, subject=None):
    out = [v for v in report.verdicts if v.claim.text == text and (subject is None or v.claim.subject == subject)]
    assert out, f"no claim {text!r} ({subject}) in {[(v.claim.text, v.claim.subject) for v in report.verdicts]}"
    return out


def test_week_comes_from_the_text(seed_report):
    assert seed_report.report_date == date(2026, 1, 26)
    assert "January 26, 2026" in seed_report.date_source


def test_every_total_outflow_of_1_7_billion_is_verified(seed_report):
    found = [v for v in seed_report.verdicts if v.claim.text.lower() == "$1.7 billion"]
    assert len(found) >= 10
    for v in found:
        assert v.claim.subject == "total" and v.claim.metric == "flow"
        assert v.label == "verified", v.reason
        assert v.reference.value == -1730


@pytest.mark.parametrize("text,subject,expected_ref", [
    ("$1 billion", "asset:bitcoin", -1090),
    ("$630 million", "asset:ethereum", -630),
    ("$308 million to $630 million", "asset:ethereum", -630),
    ("$1.6 billion", "region:united-states", -1800),
    ("$33.5 million", "region:canada", 33.5),
    ("+$32.5 million", "region:switzerland", 32.5),
    ("+$19.1 million", "region:germany", 19.1),
    ("-$11.1 million", "region:sweden", -11.1),
    ("$17.1 million", "asset:solana", 17.1),
])
def test_verified_claims(seed_report, text, subject, expected_ref):
    for v in by_text(seed_report, text, subject):
        assert v.claim.metric == "flow"
        assert v.label == "verified", v.reason
        assert v.reference.value == expected_ref
        assert v.reference.report_date == date(2026, 1, 26)
        assert v.reference.sources


def test_bitcoin_over_one_billion_is_an_over_hedge(seed_report):
    v = by_text(seed_report, "$1 billion", "asset:bitcoin")[0]
    assert v.claim.hedge == "over"


def test_ethereum_308_million_is_not_verified(seed_report):
    v = by_text(seed_report, "$308 million", "asset:ethereum")[0]
    assert v.label == "conflicting"
    assert v.reference.value == -630


def test_year_to_date_billion_is_not_verified_and_points_at_february_2(seed_report):
    ytd = [v for v in seed_report.verdicts if v.claim.metric == "flow_ytd"]
    assert len(ytd) >= 2
    for v in ytd:
        assert v.claim.text == "$1 billion" and v.claim.hedge == "approx"
        assert v.label in ("conflicting", "unverified")
        assert "2026-02-02" in v.reason
        assert v.alternative is not None and v.alternative.report_date == date(2026, 2, 2)
        # the +$568m is a sum of weekly rows, and the reason says so
        assert "inflow of +$568.0m (computed from weekly rows)" in v.reason


def test_largest_since_mid_november_names_missing_weeks(seed_report):
    v = [v for v in seed_report.verdicts if v.claim.metric == "rank"][0]
    assert v.claim.text == "the largest single-week outflow since mid-November 2025"
    assert v.label == "unverified"
    assert [d.isoformat() for d in v.missing_weeks] == ["2025-12-01", "2025-12-08", "2025-12-15", "2025-12-29"]
    assert "mid-November 2025" in v.reason


@pytest.mark.parametrize("not_a_claim", ["4 hours ago", "January 26, 2026", "East Eight Time Zone", "three dimensions"])
def test_not_claims(seed_report, not_a_claim):
    text = seed_report.text
    start = text.index(not_a_claim)
    end = start + len(not_a_claim)
    assert not [v for v in seed_report.verdicts if v.claim.start < end and start < v.claim.end]


def test_offsets_slice_to_the_claim_text(seed_report):
    for v in seed_report.verdicts:
        assert seed_report.text[v.claim.start:v.claim.end] == v.claim.text
