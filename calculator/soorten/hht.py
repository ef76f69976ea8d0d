"""Soort ``hht``: the HHT volume of the region that offers it."""

from __future__ import annotations

from ..data import berekend_met
from ..money import getal
from ..regels.hht import SLEUTEL, hht_regio, hht_uren
from ..trace import Toelichting
from .begin import begin_invoer

HHT = "hht"  # ``berekening`` of the products this soort answers


def run(invoer: object, bundle: dict | None = None) -> dict:
    """HHT hours a year (only in the region that offers HHT)."""
    v, p = begin_invoer(invoer if invoer is not None else {}, "hht", bundle)
    # The HHT products are content (``berekening: hht``), each with its volume as kengetal.
    aangeboden = berekend_met(p.bundle, HHT)
    regios = [p.bundle["producten"][x]["regio"] for x in aangeboden]
    # Default: the region of the HHT parameter file (so a new municipality does not change it).
    hht = hht_regio(p) if hht_regio(p) in regios or not regios else regios[0]
    namen = {k: r.get("naam", k) for k, r in sorted(p.bundle["regios"].items())}
    regio = v.lees("regio", hht)
    if regio not in (None, *regios, hht) and not v.fouten:
        aanbieders = " en ".join(dict.fromkeys(namen.get(x, x) for x in regios or [hht]))
        v.fout("regio", f"is {namen[regio]}, maar HHT is een product van {aanbieders}.")
    v.klaar()
    t = Toelichting()
    product = next((x for x in aangeboden if p.bundle["producten"][x]["regio"] == regio), None)
    sleutel = next(
        iter((p.bundle["producten"][product].get("kengetallen") or []) if product else []), SLEUTEL
    )
    uren = hht_uren(p, t, sleutel)
    return {
        "soort": "hht",
        "peildatum": p.peildatum.isoformat(),
        "regio": regio,
        "uren_per_jaar": getal(uren),
        "bron": dict(p.bron_van[sleutel]),
        "toelichting": t.stappen,
    }
