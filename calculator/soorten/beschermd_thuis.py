"""Soort ``beschermd_thuis``: support hours a week per level; the tariff is not in the source."""

from __future__ import annotations

from ..money import bedrag, getal
from ..regels.beschermd_thuis import begeleiding_uren_per_week, beschermd_thuis_tarief
from ..regels.pgb import ergens_niet_in_bron, product_rij
from ..trace import Toelichting
from .begin import begin_invoer

REGIME = "beschermd-wonen"


def run(invoer: object, bundle: dict | None = None) -> dict:
    """Hours a week and (absent) tariff for Beschermd Thuis zwaar, midden or licht."""
    v, p = begin_invoer(invoer, "beschermd_thuis", bundle)
    niveau = v.lees("niveau")
    v.klaar()
    t = Toelichting()
    product = f"beschermd-thuis-{niveau}"
    uren = begeleiding_uren_per_week(p, niveau, t)
    info = p.bundle["producten"].get(product, {})
    regio = info.get("regio")  # the region is the product's: the tariff is looked up in its tables
    rij = product_rij(p, regio, REGIME, product) or ergens_niet_in_bron(p, regio, product)
    tarief = beschermd_thuis_tarief(rij, t)
    return {
        "soort": "beschermd_thuis",
        "peildatum": p.peildatum.isoformat(),
        "niveau": niveau,
        "product": {"id": product, "naam": info.get("naam", product), "url": info.get("url")},
        "uren_per_week": getal(uren),
        "tarief": None if tarief is None else bedrag(tarief),
        "tarief_eenheid": rij.eenheid if rij else None,
        "tarief_melding": "niet in de bron" if tarief is None else None,
        "toelichting": t.stappen,
    }
