"""The reference loader: the bundled data loads; malformed files give FILE:LINE: problem."""
from datetime import date

import pytest

from claimcheck.errors import ReferenceDataError
from claimcheck.reference import load_reference

HEADER = "report_date,dimension,entity,metric,value_usd_m,confidence,sources,note\n"
GOOD = "2026-01-26,total,All,flow,-1730,agree,https://example.org/a,\n"


def test_bundled_data(reference):
    assert len(reference) >= 200
    ev = reference.get(date(2026, 1, 26), "total", "flow")
    assert ev.value == -1730 and ev.confidence == "agree" and ev.sources
    assert reference.get(date(2026, 2, 2), "total", "flow_ytd").value == -1000
    assert reference.first_report == date(2025, 5, 5)


@pytest.mark.parametrize("body,message", [
    (HEADER.replace(",metric", "") .replace("flow,", "", 1) + "2026-01-26,total,All,-1730,agree,,\n", "missing column(s) metric"),
    (HEADER + "2026-01-26,total,All,flow,lots,agree,,\n", ":2: value_usd_m 'lots' is not a number"),
    (HEADER + "2026-01-26,total,All,inflow,5,agree,,\n", ":2: unknown metric 'inflow'"),
    (HEADER + "2026-01-26,planet,All,flow,5,agree,,\n", ":2: unknown dimension 'planet'"),
    (HEADER + GOOD + "26/01/2026,total,All,flow,5,agree,,\n", ":3: report_date '26/01/2026' is not an ISO date"),
    (HEADER + GOOD + "2026-01-26,total,All,flow,-1700,agree,,\n", ":3: duplicate key"),
    ("", ":1: empty file"),
    (HEADER, ":2: no data rows"),
])
def test_malformed(tmp_path, body, message):
    f = tmp_path / "bad.csv"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ReferenceDataError) as e:
        load_reference([f])
    assert str(f) in str(e.value)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_identical_duplicates_across_files_are_kept_once(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(HEADER + GOOD, encoding="utf-8")
    b.write_text(HEADER + GOOD, encoding="utf-8")
    ref = load_reference([a, b])
    assert len(ref) == 1


def test_user_reference_replaces_bundled(tmp_path):
    import claimcheck

    f = tmp_path / "mine.csv"
    f.write_text(HEADER + "2026-01-26,total,All,flow,-1000,single,https://example.org/b,\n", encoding="utf-8")
    r = claimcheck.check("Crypto funds saw outflows of $1.7 billion last week.", date=date(2026, 1, 26), reference=[f])
    assert [v.label for v in r.verdicts] == ["conflicting"]
    assert r.verdicts[0].reference.value == -1000
