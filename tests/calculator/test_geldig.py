"""`in_werking`: which dated value is in force on a date (the build and the core both ask it)."""

from __future__ import annotations

import pytest

from calculator.geldig import in_werking


@pytest.mark.parametrize(
    ("dag", "index", "voor_eerste"),
    [("2025-12-31", 0, True), ("2026-01-01", 0, False), ("2026-06-30", 0, False), ("2027-01-01", 1, False)],
)
def test_in_werking(dag: str, index: int, voor_eerste: bool) -> None:
    assert in_werking(["2026-01-01", "2027-01-01"], dag) == (index, voor_eerste)
    assert in_werking([], dag) == (None, False)
