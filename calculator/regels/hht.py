"""Westfriesland's HHT (huishoudelijke hulp als mantelzorgondersteuning): a fixed volume a year.

Bron: 001, Huishoudelijke hulp als mantelzorgondersteuning (HHT).
"""

from __future__ import annotations

from decimal import Decimal

from ..data import Peil
from ..trace import Toelichting

REGIO = "westfriesland"


def hht_uren(p: Peil, t: Toelichting) -> Decimal:
    """HHT is 36 hours of household help a year, used in consultation. Bron: 001, HHT."""
    sleutel = "hht.uren_per_jaar"
    uren = p.w[sleutel]
    t.stap(
        "HHT: vast volume huishoudelijke hulp, in overleg in te zetten",
        "hht_uren",
        uren,
        "uren per jaar",
        p.b[sleutel],
    )
    return uren
