"""Time in one place: which dated value is in force on a date.

A value applies from its ``vanaf`` date (inclusive) until the next one starts. The build
(catalogue/) and the core both ask `in_werking`, so a page and the calculator can never disagree
about the value of a date. A rule whose logic changes on a date takes that date from content too
(a dated parameter), never from code: the eigen bijdrage applies from the abonnementstarief's
first date (005, 3.2; regels/eigen_bijdrage.py), and a date before it is answered as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

D = TypeVar("D", str, date)


def in_werking(vanaf: Sequence[D], dag: D) -> tuple[int | None, bool]:
    """The index of the value in force on ``dag`` among dates sorted ascending, and a flag.

    The value in force is the last one starting on or before ``dag``. When every value starts later,
    the earliest is given and the flag (``voor_eerste``) says the date lies before the first value, so
    a caller can say so instead of silently showing a later figure. ``(None, False)`` when empty.
    """
    gekozen = None
    for i, d in enumerate(vanaf):
        if d <= dag:
            gekozen = i
        else:
            break
    if gekozen is None:
        return (0, True) if vanaf else (None, False)
    return gekozen, False
