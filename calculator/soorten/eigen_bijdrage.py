"""Soort ``eigen_bijdrage``: the CAK's abonnementstarief on a peildatum, with its conditions (source 005).

`uitvoer` shapes the same answer for every other soort that includes the eigen bijdrage.
"""

from __future__ import annotations

from ..data import Peil, bundel, peil
from ..invoer import Velden
from ..money import bedrag
from ..regels.eigen_bijdrage import EigenBijdrage, eigen_bijdrage
from ..trace import Toelichting

VELDEN = ("peildatum",)


def uitvoer(p: Peil, eb: EigenBijdrage) -> dict:
    """``{per_maand, peildatum, vanaf, bron, voorwaarden, opmerking}``; amounts as ``"12.34"`` or None."""
    return {
        "per_maand": None if eb.per_maand is None else bedrag(eb.per_maand),
        "peildatum": p.peildatum.isoformat(),
        "vanaf": eb.vanaf,
        "bron": dict(eb.bron),
        "voorwaarden": [dict(v) for v in eb.voorwaarden],
        "opmerking": eb.opmerking,
    }


def run(invoer: object, bundle: dict | None = None) -> dict:
    """The eigen bijdrage in force on the peildatum (default today)."""
    b = bundel(bundle)
    v = Velden(invoer if invoer is not None else {}, VELDEN, b)
    p = peil(v.datum(), b)
    v.gebruik_peil(p)
    v.klaar()
    t = Toelichting()
    eb = eigen_bijdrage(p, t)
    return {
        "soort": "eigen_bijdrage",
        "peildatum": p.peildatum.isoformat(),
        "eigen_bijdrage": uitvoer(p, eb),
        "toelichting": t.stappen,
    }
