"""PGB for aids (hulpmiddelen) in Halderberge: monthly rent and maximum PGB per category.

Bron: 003, Bijlage 4 PGB tarieven hulpmiddelen (cf. Bijlage 3, normale afschrijvingstermijnen).
"""

from __future__ import annotations

from decimal import Decimal

from ..data import Rij
from ..money import MAANDEN_PER_JAAR
from ..trace import Toelichting


def huur_per_maand(rij: Rij, t: Toelichting) -> Decimal:
    """Monthly rent incl. VAT for the category. Bron: 003, Bijlage 4."""
    t.stap(
        f"Huur per maand, categorie {rij.id} ({rij.label})",
        "huur_per_maand",
        rij.waarde,
        "euro per maand",
        rij.bron,
    )
    return rij.waarde


def maximum_pgb(rij: Rij, t: Toelichting) -> Decimal:
    """Maximum PGB incl. VAT for the category. Bron: 003, Bijlage 4."""
    t.stap(f"Maximaal pgb, categorie {rij.id}", "maximum_pgb", rij.waarde, "euro", rij.bron)
    return rij.waarde


def afschrijvingsmaanden(maximum: Decimal, huur: Decimal, t: Toelichting, bron: dict) -> tuple[Decimal, bool]:
    """The maximum equals the monthly rent times a whole number of months (the write-off term).

    Bron: 003, Bijlage 4 with Bijlage 3 Normale afschrijvingstermijnen. Returns the months and whether whole.
    """
    maanden = maximum / huur
    heel = maanden == maanden.to_integral_value()
    jaren = maanden / MAANDEN_PER_JAAR
    t.stap(
        f"Maximum / huur = aantal maanden ({jaren.normalize():f} jaar)"
        if heel
        else "Maximum / huur (geen heel aantal maanden)",
        "afschrijvingsmaanden",
        maanden,
        "maanden",
        bron,
    )
    return maanden, heel
