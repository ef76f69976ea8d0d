"""Soort ``beschermd_thuis``: support hours a week per level; the tariff is not in the source."""

from __future__ import annotations

from ..data import berekend_met
from ..money import bedrag, getal
from ..regels.beschermd_thuis import begeleiding_uren_per_week, beschermd_thuis_tarief
from ..regels.pgb import ergens_niet_in_bron, product_rij
from ..trace import Toelichting
from .begin import begin_invoer

REGIME = "beschermd-wonen"
BESCHERMD_THUIS = "beschermd-thuis"  # ``berekening`` of the products this soort answers


def run(invoer: object, bundle: dict | None = None) -> dict:
    """Hours a week and (absent) tariff for Beschermd Thuis zwaar, midden or licht."""
    v, p = begin_invoer(invoer, "beschermd_thuis", bundle)
    niveau = v.lees("niveau")
    # The products Beschermd Thuis answers are content (``berekening``); default the first region offering it.
    aangeboden = berekend_met(p.bundle, BESCHERMD_THUIS)
    regio = v.lees("regio", p.bundle["producten"][aangeboden[0]]["regio"] if aangeboden else None)
    kandidaten = berekend_met(p.bundle, BESCHERMD_THUIS, regio)
    product = next((x for x in kandidaten if p.bundle["producten"][x].get("niveau") == niveau), None)
    if product is None and niveau is not None and not v.fouten:
        v.fout(
            "regio",
            f"({v.keuze_tekst('regio', regio or '')}) heeft geen Beschermd Thuis {niveau} in de bronnen.",
        )
    v.klaar()
    t = Toelichting()
    info = p.bundle["producten"][product]
    uren = begeleiding_uren_per_week(p, niveau, t, info["kengetallen"][0])
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
