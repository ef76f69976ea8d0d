"""Exact arithmetic for euros, minutes and hours: decimal.Decimal, never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HEEL = Decimal("1")
NUL = Decimal("0")
# A calendar fact, not a norm: a monthly amount times 12 is a yearly amount.
MAANDEN_PER_JAAR = Decimal("12")
DAGEN_PER_WEEK = 7  # a calendar fact too: week n of a period starts 7 x (n - 1) days in


def op_cent(x: Decimal) -> Decimal:
    """Round half-up to the cent."""
    return x.quantize(CENT, rounding=ROUND_HALF_UP) + NUL


def op_heel(x: Decimal) -> Decimal:
    """Round half-up to a whole number."""
    return x.quantize(HEEL, rounding=ROUND_HALF_UP) + NUL


def bedrag(x: Decimal) -> str:
    """An amount as a string with exactly two decimals: ``"12.30"`` (quantize, then ``str``)."""
    return str(op_cent(x))


def getal(x: Decimal) -> str:
    """A quantity (minutes, hours) with at most two decimals, no trailing zeros: ``"7"``, ``"41.5"``."""
    q = op_cent(x)
    if q == q.to_integral_value():
        return str(q.quantize(HEEL))
    return str(q).rstrip("0")
