"""Hedges ("about", "over", "nearly", ranges) and the interval a claimed figure stands for.

Every tolerance lives here, in one place:

* an exact figure stands for its written precision: "$1.7 billion" is 1,650 to 1,750 million;
* ``APPROX_MARGIN``: "about", "approximately", "around", "roughly", "some", "an estimated"
  widen the interval to at least +/- 5 % of the figure;
* ``NEARLY_MARGIN``: "nearly", "almost", "close to", "just under" mean from 90 % of the figure up
  to the figure (plus its precision);
* "over", "more than", "above", "in excess of" mean more than the figure, and "at least" the figure
  or more: both accept a reference equal to the figure, since the reference is rounded too ("more
  than $205 million" of a week reported as $205m); "under", "less than", "below", "up to" mean less;
* a range "X to Y" / "between X and Y" means between its ends, each with its precision.

Shares (percent) use absolute margins: ``SHARE_APPROX_POINTS`` around an approximate percent.
"""
from __future__ import annotations

import math
import re

from .caseless import Caseless

APPROX_MARGIN = 0.05
NEARLY_MARGIN = 0.10
SHARE_APPROX_POINTS = 2.5

HEDGES: dict[str, str] = {
    "approximately": "approx", "approx.": "approx", "about": "approx", "around": "approx",
    "roughly": "approx", "some": "approx", "an estimated": "approx", "estimated": "approx",
    "circa": "approx", "ca.": "approx", "~": "approx", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "just under": "nearly", "just shy of": "nearly", "over": "over",
    "more than": "over", "above": "over", "in excess of": "over", "upwards of": "over",
    "north of": "over", "just over": "over", "exceeding": "over", "at least": "at_least",
    "no less than": "at_least", "under": "under", "less than": "under", "below": "under",
    "up to": "under", "fewer than": "under",
}
_HEDGE_ALT = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
# the hedge must end right before the amount (allowing "of", "a", "net", "the" in between; "~" may touch it)
HEDGE_BEFORE_RE = Caseless(rf"(?<![\w-])(?P<hedge>{_HEDGE_ALT})(?:(?<=~)|\s)\s*(?:(?:a|an|the|net|of|total|some|just)\s+){{0,2}}$")


def hedge_before(prefix: str) -> tuple[str, str] | None:
    """The hedge that ends ``prefix`` (text right before an amount): (kind, words) or None."""
    m = HEDGE_BEFORE_RE.search(prefix[-40:])
    if not m:
        return None
    words = m.group("hedge")
    return HEDGES[words.lower()], words


def interval(value: float, precision: float, hedge: str) -> tuple[float, float]:
    """The interval of magnitudes a written figure allows, given its hedge."""
    v = abs(value)
    if hedge == "approx":
        d = max(precision, APPROX_MARGIN * v)
        return (max(v - d, 0.0), v + d)
    if hedge == "nearly":
        return (v * (1 - NEARLY_MARGIN), v + precision)
    if hedge in ("over", "at_least"):
        return (v, math.inf)
    if hedge == "under":
        return (0.0, v)
    return (max(v - precision, 0.0), v + precision)


def share_interval(value: float, precision: float, hedge: str) -> tuple[float, float]:
    """Interval of a percentage ("63%", "about 97%", "over 95%", "nearly all").

    Bounded by 0 and 100, except that a share written above 100 % (a part larger than a net total
    that other parts offset) keeps its own value: the interval is never inverted.
    """
    cap = 100.0 if value <= 100.0 else math.inf
    if hedge == "approx":
        d = max(precision, SHARE_APPROX_POINTS)
        lo, hi = value - d, value + d
    elif hedge == "nearly":
        lo, hi = value - 2 * SHARE_APPROX_POINTS, value + precision
    elif hedge in ("over", "at_least"):
        lo, hi = value, cap
    elif hedge == "under":
        lo, hi = 0.0, value
    else:
        lo, hi = value - precision, value + precision
    lo, hi = max(lo, 0.0), min(hi, cap)
    return (lo, max(lo, hi))
