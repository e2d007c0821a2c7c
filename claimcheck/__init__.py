"""claimcheck: check the numeric fund-flow claims of crypto news against reference data.

    >>> import claimcheck
    >>> report = claimcheck.check(text, date=datetime.date(2026, 1, 26))
    >>> [(v.claim.text, v.label) for v in report.verdicts]
"""
from .api import Report, check
from .model import Claim, Evidence, Verdict

__all__ = ["check", "Report", "Claim", "Verdict", "Evidence"]
__version__ = "0.1.0"
