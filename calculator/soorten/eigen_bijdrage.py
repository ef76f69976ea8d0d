"""Soort ``eigen_bijdrage``: the CAK's abonnementstarief on a peildatum, with its conditions (source 005).

`uitvoer` shapes the same answer for every other soort that includes the eigen bijdrage.
"""

from __future__ import annotations

from ..data import Peil
from ..invoer import Velden
from ..money import bedrag
from ..regels.eigen_bijdrage import SLEUTEL, EigenBijdrage, Huishouden, eigen_bijdrage
from ..trace import Toelichting
from .begin import begin_invoer

# The product category of Beschermd Wonen and Beschermd Thuis (003, Bijlage 10): not under the
# abonnementstarief (005, 3.4); the reading for Beschermd Thuis is an Aanname in content/regels.
BESCHERMD_WONEN = "beschermd-wonen"
NIET_BESCHERMD_WONEN = (
    "De eigen bijdrage (abonnementstarief) geldt niet voor beschermd wonen; het CAK rekent daarvoor een "
    "andere bijdrage. Welke bijdrage u betaalt, hoort u van de gemeente of het CAK."
)
NIET_TOEGEKEND = "Zonder toegekende hulp betaalt u geen eigen bijdrage."


def huishouden(v: Velden, rolstoel: bool = False) -> Huishouden:
    """The household's answers that decide whether it pays (005, 3.13), as the question gives them."""
    return Huishouden(
        met_partner=v.lees("met_partner"),
        beiden_aow_leeftijd=v.lees("beiden_aow_leeftijd"),
        client_onder_18=v.lees("client_onder_18"),
        rolstoel=rolstoel,
    )


def uitvoer(p: Peil, eb: EigenBijdrage) -> dict:
    """``{van_toepassing, per_maand, hoogstens, peildatum, vanaf, bron, voorwaarden, opmerking}``;
    amounts as ``"12.34"`` or None."""
    return {
        "van_toepassing": eb.van_toepassing,
        "hoogstens": eb.hoogstens,
        "per_maand": None if eb.per_maand is None else bedrag(eb.per_maand),
        "peildatum": p.peildatum.isoformat(),
        "vanaf": eb.vanaf,
        "bron": dict(eb.bron),
        "voorwaarden": [dict(v) for v in eb.voorwaarden],
        "opmerking": eb.opmerking,
    }


def bijdrage(
    p: Peil, t: Toelichting, niet_van_toepassing: str | None = None, h: Huishouden | None = None
) -> dict:
    """The eigen bijdrage for an answer, with its step; or, where it does not apply, why not (and a step
    saying so), so every answer states what the resident pays or why nothing is computed."""
    if niet_van_toepassing is None:
        # before the abonnementstarief existed: no amount, and the note says so
        return uitvoer(p, eigen_bijdrage(p, t, h or Huishouden()))
    w = p.param(SLEUTEL)
    t.stap(niet_van_toepassing, "eigen_bijdrage", None, None, w.bron)
    return {
        "van_toepassing": False,
        "hoogstens": False,
        "per_maand": None,
        "peildatum": p.peildatum.isoformat(),
        "vanaf": None,
        "bron": dict(w.bron),
        "voorwaarden": [],
        "opmerking": niet_van_toepassing,
    }


def alleen_beschermd_wonen(p: Peil, producten: list[str]) -> bool:
    """Whether every product is Beschermd Wonen or Beschermd Thuis (then no abonnementstarief)."""
    categorie = [p.bundle["producten"].get(x, {}).get("categorie") for x in producten]
    return bool(categorie) and all(c == BESCHERMD_WONEN for c in categorie)


def run(invoer: object, bundle: dict | None = None) -> dict:
    """The eigen bijdrage in force on the peildatum (default today) for the household described."""
    v, p = begin_invoer(invoer if invoer is not None else {}, "eigen_bijdrage", bundle)
    h = huishouden(v)
    v.klaar()
    t = Toelichting()
    eb = eigen_bijdrage(p, t, h)
    return {
        "soort": "eigen_bijdrage",
        "peildatum": p.peildatum.isoformat(),
        "eigen_bijdrage": uitvoer(p, eb),
        "toelichting": t.stappen,
    }
