"""Soort ``hht``: the HHT volume of the region that offers it."""

from __future__ import annotations

from ..money import getal
from ..regels.hht import SLEUTEL, hht_regio, hht_uren
from ..trace import Toelichting
from .begin import begin_invoer


def run(invoer: object, bundle: dict | None = None) -> dict:
    """HHT hours a year (only in the region that offers HHT)."""
    v, p = begin_invoer(invoer if invoer is not None else {}, "hht", bundle)
    hht = hht_regio(p)
    namen = {k: r.get("naam", k) for k, r in sorted(p.bundle["regios"].items())}
    regio = v.lees("regio", hht)
    if regio not in (None, hht) and not v.fouten:
        v.fout("regio", f"is {namen[regio]}, maar HHT is een product van {namen.get(hht, hht)}.")
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
