"""Soort ``hht``: the HHT volume of the region that offers it."""

from __future__ import annotations

from ..data import peil
from ..invoer import Velden
from ..money import getal
from ..regels.hht import SLEUTEL, hht_regio, hht_uren
from ..trace import Toelichting

VELDEN = ("regio", "peildatum")


def run(invoer: object, bundle: dict | None = None) -> dict:
    """HHT hours a year (only in the region that offers HHT)."""
    v = Velden(invoer if invoer is not None else {}, VELDEN)
    p = peil(v.datum(), bundle)
    hht = hht_regio(p)
    regio = v.keuze("regio", sorted(p.bundle["regios"]), hht)
    if regio not in (None, hht) and not v.fouten:
        v.fout("regio", f"HHT is een product van regio {hht}, niet van {regio}")
    v.klaar()
    t = Toelichting()
    uren = hht_uren(p, t)
    return {
        "soort": "hht",
        "peildatum": p.peildatum.isoformat(),
        "regio": hht,
        "uren_per_jaar": getal(uren),
        "bron": dict(p.b[SLEUTEL]),
        "toelichting": t.stappen,
    }
