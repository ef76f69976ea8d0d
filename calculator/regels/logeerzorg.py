"""Logeerzorg (respite stays): a tariff per etmaal, up to a maximum of etmalen a year.

Bron: 003, Bijlage 8, Logeerzorg (maximum) and Bijlage 11 (tariff per etmaal).
"""

from __future__ import annotations

from ..data import Peil, Rij, Waarde
from ..money import MAANDEN_PER_JAAR
from ..trace import Toelichting
from .pgb import Regel, per_maand_uit_jaar


def max_etmalen_sleutel() -> str:
    """The parameter holding the maximum of etmalen a year.

    Bron: 003, Bijlage 8, Logeerzorg, Beschikbaarheid en planning.
    """
    return "logeerzorg.max_etmalen_per_jaar"


def max_etmalen(p: Peil) -> Waarde:
    """The maximum number of etmalen a year in force (parameter `max_etmalen_sleutel`)."""
    return p.param(max_etmalen_sleutel())


def logeerzorg_budget(p: Peil, rij: Rij, etmalen: int, t: Toelichting) -> Regel:
    """Yearly budget = tariff per etmaal x etmalen; monthly = yearly / 12, half-up to the cent.

    Bron: 003, Bijlage 11, Het tarief logeerzorg betreft per etmaal.
    """
    per_jaar = rij.waarde * etmalen
    per_maand = per_maand_uit_jaar(per_jaar)
    if t.aan:
        maximum = max_etmalen(p)
        t.stap(
            f"Logeerzorg: {etmalen} etmalen (hoogstens {maximum.waarde} per jaar)",
            "max_etmalen",
            etmalen,
            "etmalen per jaar",
            maximum.bron,
        )
        t.stap(
            f"Logeerzorg per jaar: {etmalen} x {rij.waarde} per etmaal",
            "logeerzorg_budget",
            per_jaar,
            "euro per jaar",
            rij.bron,
        )
        t.stap(
            f"Logeerzorg per maand: jaarbedrag / {MAANDEN_PER_JAAR}, afgerond op centen (half naar boven)",
            "logeerzorg_budget",
            per_maand,
            "euro per maand",
            rij.bron,
        )
    return Regel(rij, per_maand, per_jaar, {"etmalen": etmalen, "per_etmaal": rij.waarde})
