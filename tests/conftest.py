from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "article-2026-01-26.txt"
DEV = SHARED / "dev"


@pytest.fixture(scope="session")
def reference():
    from claimcheck.reference import bundled_reference

    return bundled_reference()


@pytest.fixture(scope="session")
def seed_report():
    if not SEED.exists():
        pytest.skip("../shared/seed is not present")
    import claimcheck

    return claimcheck.check(SEED.read_text(encoding="utf-8"))
