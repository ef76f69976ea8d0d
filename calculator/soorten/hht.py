"""Soort ``hht``: Westfriesland's HHT volume."""

from __future__ import annotations

from ..data import peil
from ..invoer import Velden
from ..money import getal
from ..regels.hht import REGIO, hht_uren
from ..trace import Toelichting

VELDEN = ("regio", "peildatum")


def run(invoer: object, bundle: dict | None = None) -> dict:
    """HHT hours a year (only in Westfriesland)."""
    v = Velden(invoer if invoer is not None else {}, VELDEN)
    p = peil(v.datum(), bundle)
    regio = v.keuze("regio", sorted(p.bundle["regios"]), REGIO)
    if regio not in (None, REGIO) and not v.fouten:
        v.fout("regio", f"HHT is een product van regio {REGIO}, niet van {regio}")
    v.klaar()
    t = Toelichting()
    uren = hht_uren(p, t)
    return {
        "soort": "hht",
        "peildatum": p.peildatum.isoformat(),
        "regio": REGIO,
        "uren_per_jaar": getal(uren),
        "bron": dict(p.b["hht.uren_per_jaar"]),
        "toelichting": t.stappen,
    }
