"""Dutch notation for texts a person reads (calculator/nl.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from calculator.nl import datum, euro, getal_nl


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        ("1297.21", "€ 1.297,21"),
        ("15.89", "€ 15,89"),
        ("143.005", "€ 143,01"),
        ("0", "€ 0,00"),
        ("-5", "-€ 5,00"),
    ],
)
def test_euro(waarde: str, tekst: str) -> None:
    assert euro(Decimal(waarde)) == tekst


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [("108.33", "108,33"), ("43.5", "43,5"), ("44.20", "44,2"), ("1200", "1.200"), ("390.00", "390")],
)
def test_getal_nl(waarde: str, tekst: str) -> None:
    assert getal_nl(Decimal(waarde)) == tekst


def test_datum() -> None:
    assert datum("2026-01-01") == "1 januari 2026"
    assert datum(date(2019, 12, 31)) == "31 december 2019"
