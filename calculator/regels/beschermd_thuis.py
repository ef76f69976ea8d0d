"""Beschermd Thuis in Halderberge: average support hours a week per level; the source gives no tariff.

Bron: 003, Bijlage 10: Beschermd Wonen en Beschermd Thuis 2023.
"""

from __future__ import annotations

from decimal import Decimal

from ..data import Peil, Rij
from ..trace import Toelichting


def begeleiding_uren_per_week(p: Peil, niveau: str, t: Toelichting, sleutel: str) -> Decimal:
    """Average support (planned and unplanned) in hours a week, per level (zwaar, midden, licht);
    ``sleutel`` is the product's kengetal with those hours.

    Bron: 003, Bijlage 10, Beschermd Thuis Zwaar / Midden / Licht.
    """
    uren = p.waarde_van[sleutel]
    t.stap(
        f"Beschermd Thuis {niveau}: gemiddelde begeleiding (gepland en ongepland)",
        "begeleiding_uren_per_week",
        uren,
        "uren per week",
        p.bron_van[sleutel],
    )
    return uren


def beschermd_thuis_tarief(rij: Rij | None, t: Toelichting) -> Decimal | None:
    """The tariff per etmaal, or None where the source names the unit but no amount. Bron: 003, Bijlage 10."""
    if rij is None or rij.niet_in_bron:
        bron = (
            rij.bron
            if rij
            else {"document": "003", "sectie": "Bijlage 10: Beschermd Wonen en Beschermd Thuis 2023"}
        )
        t.stap(
            "Tarief: de bron noemt geen bedrag (niet in de bron)",
            "beschermd_thuis_tarief",
            "niet in de bron",
            rij.eenheid if rij else "",
            bron,
        )
        return None
    t.stap(f"Tarief {rij.label}", "beschermd_thuis_tarief", rij.waarde, rij.eenheid, rij.bron)
    return rij.waarde
