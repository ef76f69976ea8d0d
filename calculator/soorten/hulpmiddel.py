"""Soort ``hulpmiddel``: monthly rent, maximum PGB and write-off months for a category of aids."""

from __future__ import annotations

from dataclasses import replace

from ..data import Peil
from ..money import bedrag, getal
from ..regels.hulpmiddelen import afschrijvingsmaanden, huur_per_maand, maximum_pgb
from ..trace import Toelichting
from . import eigen_bijdrage as eb
from .begin import begin_invoer


def run(invoer: object, bundle: dict | None = None) -> dict:
    """Rent, maximum and months for ``categorie`` (e.g. ``"02"``; ``"09A"`` and ``"09a"`` both work)."""
    v, p = begin_invoer(invoer, "hulpmiddel", bundle)
    namen = {k: r.get("naam", k) for k, r in sorted(p.bundle["regios"].items())}
    regio = v.lees("regio")
    huur_tabellen = (
        [x for x in p.tabellen(regio, "hulpmiddel-huur")] if regio else _alle(p, "hulpmiddel-huur")
    )
    max_tabellen = (
        [x for x in p.tabellen(regio, "hulpmiddel-maximum")] if regio else _alle(p, "hulpmiddel-maximum")
    )
    if regio and not huur_tabellen and not v.fouten:
        v.fout("regio", f"({namen[regio]}) heeft geen tarieven voor hulpmiddelen in de bronnen.")
    categorieen = [r["id"] for t in huur_tabellen for r in p.tabel(t)["rijen"]]
    # The category code is what a person reads on the tariff list ("02"), so it stays in the message.
    ruw = v.lees("categorie")
    categorie = ruw.strip().lower() if isinstance(ruw, str) else ruw
    if categorie is None:
        v.fout("categorie", "is verplicht" + v.kies_uit("categorie", [c.upper() for c in categorieen]))
    elif categorie not in categorieen:
        v.fout(
            "categorie",
            f"heeft een onbekende waarde {v.toon(ruw)}"
            + v.kies_uit("categorie", [c.upper() for c in categorieen]),
        )
    h = eb.huishouden(v)
    v.klaar()
    t = Toelichting()
    huur_rij = next(r for r in (p.rij(x, categorie) for x in huur_tabellen) if r is not None)
    max_rij = next((r for r in (p.rij(x, categorie) for x in max_tabellen) if r is not None), None)
    huur = huur_per_maand(huur_rij, t)
    uit = {
        "soort": "hulpmiddel",
        "peildatum": p.peildatum.isoformat(),
        "regio": p.tabel(huur_rij.tabel)["regio"],
        "categorie": categorie,
        "omschrijving": huur_rij.label,
        "huur_per_maand": bedrag(huur),
        "maximum_pgb": None,
        "maanden": None,
        "hele_maanden": None,
    }
    if max_rij is not None and max_rij.waarde is not None:
        maximum = maximum_pgb(max_rij, t)
        maanden, heel = afschrijvingsmaanden(maximum, huur, t, max_rij.bron)
        uit.update(maximum_pgb=bedrag(maximum), maanden=getal(maanden), hele_maanden=heel)
    # A wheelchair pays no eigen bijdrage (005, 3.11): the tariff row says whether it is one.
    uit["eigen_bijdrage"] = eb.bijdrage(p, t, None, replace(h, rolstoel=huur_rij.rolstoel))
    uit["toelichting"] = t.stappen
    return uit


def _alle(p: Peil, regime: str) -> list[str]:
    return sorted(k for k, t in p.bundle["tarieven"].items() if t.get("regime") == regime)
