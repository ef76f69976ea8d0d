"""Dutch notation for texts a person reads: dates as ``1 januari 2026``, amounts as ``€ 9.999,99``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .money import op_cent

# Calendar names, not norms.
MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def datum(dag: date | str) -> str:
    """``2026-01-01`` (or a date) as ``1 januari 2026``."""
    d = date.fromisoformat(dag) if isinstance(dag, str) else dag
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def euro(x: Decimal) -> str:
    """An amount in Dutch notation with a euro sign: ``€ 9.999,99`` (half-up to the cent)."""
    bedrag = op_cent(x)
    engels = format(abs(bedrag), ",.2f")  # "1,297.21": thousands with commas, cents after a point
    return ("-" if bedrag < 0 else "") + "€ " + engels.translate(_NL)


_NL = str.maketrans({",": ".", ".": ","})


def getal_nl(x: Decimal | int) -> str:
    """A quantity in Dutch notation, at most two decimals, no trailing zeros: ``108,33``, ``1.200``."""
    q = op_cent(Decimal(x))
    heel = q == q.to_integral_value()
    engels = format(abs(q), ",.0f" if heel else ",.2f")
    if not heel:
        engels = engels.rstrip("0")
    return ("-" if q < 0 else "") + engels.translate(_NL)
