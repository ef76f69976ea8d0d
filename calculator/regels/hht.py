"""HHT (huishoudelijke hulp als mantelzorgondersteuning): a fixed volume a year, in the region whose
parameter file (content/regels/hht.yaml, ``regio:``) states it.

Bron: 001, Huishoudelijke hulp als mantelzorgondersteuning (HHT).
"""

from __future__ import annotations

from decimal import Decimal

from ..data import Peil
from ..trace import Toelichting

SLEUTEL = "hht.uren_per_jaar"


def hht_regio(p: Peil) -> str | None:
    """The region that offers HHT: the region of its parameter file."""
    return (p.bundle["parameters"].get(SLEUTEL) or {}).get("regio")


def hht_uren(p: Peil, t: Toelichting, sleutel: str = SLEUTEL) -> Decimal:
    """HHT is a fixed number of hours of household help a year, used in consultation. Bron: 001, HHT.

    ``sleutel``: the parameter with the region's volume (the HHT product's kengetal).
    """
    uren = p.waarde_van[sleutel]
    t.stap(
        "HHT: vast volume huishoudelijke hulp, in overleg in te zetten",
        "hht_uren",
        uren,
        "uren per jaar",
        p.bron_van[sleutel],
    )
    return uren
