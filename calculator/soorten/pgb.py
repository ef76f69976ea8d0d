"""Soort ``pgb``: the PGB budget for chosen products and a regime (uitvoering)."""

from __future__ import annotations

from ..data import Peil
from ..money import bedrag, getal
from ..regels import ho_producten as hp
from ..regels import pgb as r
from ..regels.ho_producten import Pakket
from ..regels.logeerzorg import logeerzorg_budget
from ..trace import Toelichting
from . import eigen_bijdrage as eb
from .begin import begin_invoer

LOGEERZORG = "logeerzorg"  # the products priced as etmalen x tarief (``berekening`` in content)
GEEN_BEDRAGEN = "De bronnen noemen voor deze gemeente geen pgb-bedragen"
GEEN_TARIEF_UITVOERING = (
    "De bronnen van deze gemeente noemen geen bedrag voor deze manier van regelen (niet in de bron)"
)
BESLIST = (
    "De gemeente beslist over de indicatie en het budget na een gesprek; deze bedragen zijn de maxima uit de "
    "beleidsregels, geen toezegging."
)


def _regio_naam(p: Peil, regio: str) -> str:
    return str((p.bundle["regios"].get(regio) or {}).get("naam", regio))


def budget_uit(p: Peil, budget: r.Budget) -> dict:
    """A budget as output: totals as strings with two decimals, the lines, what is missing."""
    per_maand, per_jaar = r.totalen(budget)
    # A peildatum before the first tariff date is said in the answer's waarschuwingen.
    opmerkingen: list[str] = []
    # A table whose amounts only apply once a condition is met (003, Bijlage 11): the answer says so.
    voorwaarden = sorted({v for x in budget.posten if (v := p.tabel(x.rij.tabel).get("voorwaarde"))})
    return {
        "per_maand": bedrag(per_maand),
        "per_jaar": bedrag(per_jaar),
        "volledig": not budget.ontbreekt,
        "regels": [_regel(x) for x in budget.posten],
        "ontbreekt": budget.ontbreekt,
        "opmerkingen": opmerkingen,
        "voorwaarden": voorwaarden,
    }


def _regel(x: r.Regel) -> dict:
    uit = {
        "tabel": x.rij.tabel,
        "id": x.rij.id,
        "label": x.rij.label,
        "product": x.rij.product,
        "per_maand": bedrag(x.per_maand),
        "per_jaar": bedrag(x.per_jaar),
        "vanaf": x.rij.vanaf,
        "bron": dict(x.rij.bron),
    }
    for k, w in x.extra.items():
        uit[k] = (
            bedrag(w) if k in ("uurtarief", "per_etmaal") else getal(w) if not isinstance(w, int) else str(w)
        )
    return uit


def lees(invoer: object, bundle: dict | None) -> tuple[Peil, dict]:
    """Check a pgb question; raises `InvoerFout` with every problem."""
    v, p = begin_invoer(invoer, "pgb", bundle)
    regio = v.lees("regio")
    uitvoering = v.lees("uitvoering")
    ids = v.lees("producten")
    if not ids and not any(f["veld"] == "producten" for f in v.fouten):
        v.fout("producten", "is verplicht: kies ten minste één product.")
    producten: list[str] = []
    for i, pid in enumerate(ids):
        product = p.bundle["producten"].get(pid) if isinstance(pid, str) else None
        if product is None:
            v.fout(f"producten[{i}]", f"is een onbekend product ({v.toon(pid)}).")
        elif regio is not None and product["regio"] != regio:
            v.fout(
                f"producten[{i}]",
                f"({product['naam']}) hoort bij regio {_regio_naam(p, product['regio'])}, "
                f"niet bij {_regio_naam(p, regio)}.",
            )
        elif pid in producten:
            v.fout(f"producten[{i}]", f"({product['naam']}) staat er twee keer in.")
        else:
            producten.append(pid)
    if regio is None and producten:
        regio = p.bundle["producten"][producten[0]]["regio"]
        for pid in producten:
            if p.bundle["producten"][pid]["regio"] != regio:
                v.fout(
                    "producten",
                    "bevat producten uit verschillende regio's "
                    f"({_regio_naam(p, regio)} en {_regio_naam(p, p.bundle['producten'][pid]['regio'])}).",
                )
                break
    m = hp.model(p, regio) if regio else None
    basis = [x for x in producten if x in hp.basisproducten(p, regio)] if regio else []
    aanvulling = m["aanvullingen"] if m else {}
    if len(basis) > 1:
        namen = ", ".join(p.bundle["producten"][x]["naam"] for x in basis)
        v.fout(
            "producten", f"bevat meer dan één product huishoudelijke ondersteuning ({namen}); kies er één."
        )
    was = v.lees("wasverzorging")
    maaltijden = v.lees("maaltijden")
    strijken = v.lees("strijken")
    boodschappen = v.lees("boodschappen")
    if aanvulling.get("wasverzorging") in producten and was in (None, "geen"):
        v.fout("wasverzorging", "is nodig bij het product wasverzorging: kies voor hoeveel personen.")
    if aanvulling.get("maaltijden") in producten and maaltijden in (None, "geen"):
        v.fout(
            "maaltijden",
            "is nodig bij het product maaltijdvoorziening: kies welke maaltijden.",
        )
    if strijken and was in (None, "geen"):
        v.fout(
            "strijken",
            f"hoort bij wasverzorging; kies ook bij {v.label('wasverzorging')} voor hoeveel personen.",
        )
    etmalen = None
    if any(p.bundle["producten"][x].get("berekening") == LOGEERZORG for x in producten):
        etmalen = v.lees("etmalen_per_jaar", verplicht=True)
    elif v.aanwezig("etmalen_per_jaar"):
        v.fout("etmalen_per_jaar", "hoort bij het product logeerzorg.")
    h = eb.huishouden(v)
    v.klaar()
    pakket = Pakket(
        basis=basis[0] if basis else None,
        wasverzorging=was or "geen",
        strijken=bool(strijken),
        boodschappen=bool(boodschappen) or aanvulling.get("boodschappen") in producten,
        maaltijden=maaltijden or "geen",
    )
    overig = [x for x in producten if x not in basis and x not in aanvulling.values()]
    return p, {
        "regio": regio,
        "uitvoering": uitvoering,
        "pakket": pakket,
        "overig": overig,
        "etmalen": etmalen,
        "producten": producten,
        "huishouden": h,
    }


def ho_budget(p: Peil, regio: str, uitvoering: str, pakket: Pakket, t: Toelichting) -> r.Budget:
    """The HO part of a budget (basis product with add-ons) for one regime, as the region's package file
    prices it; without a table for the regime, one line says the sources give no amount."""
    if not pakket.delen():
        return r.Budget()
    m = hp.model(p, regio)
    prijzen = r.prijzen(m, uitvoering)
    if m is None or prijzen is None:
        melding = GEEN_BEDRAGEN if not p.tabellen_van(regio) else GEEN_TARIEF_UITVOERING
        return r.Budget(
            ontbreekt=[
                r.ontbreekt(pakket.basis, "huishoudelijke ondersteuning", melding, r.regio_bron(p, regio))
            ]
        )
    if prijzen.get("rijen") is not None:
        return r.professioneel_budget(p, m, prijzen["tabel"], prijzen["rijen"], pakket, t)
    return r.sociaal_netwerk_budget(p, m, prijzen["tabel"], pakket, t)


def bereken(p: Peil, vraag: dict, t: Toelichting) -> r.Budget:
    """All lines of the budget: HO package, then the other products in the order given."""
    regio, uitvoering = vraag["regio"], vraag["uitvoering"]
    budget = ho_budget(p, regio, uitvoering, vraag["pakket"], t)
    for product in vraag["overig"]:
        if p.bundle["producten"][product].get("berekening") == LOGEERZORG:
            rij = r.product_rij(p, regio, uitvoering, product)
            if rij is None or rij.waarde is None:
                melding = r.geen_tarief(p, uitvoering) if p.tabellen_van(regio) else GEEN_BEDRAGEN
                budget.ontbreekt.append(r.ontbreekt(product, product, melding, r.regio_bron(p, regio)))
            else:
                budget.posten.append(logeerzorg_budget(p, rij, vraag["etmalen"], t))
        else:
            budget.voeg_toe(r.product_budget(p, regio, uitvoering, product, t))
    return budget


def run(invoer: object, bundle: dict | None = None) -> dict:
    """Check ``invoer`` and compute the budget."""
    p, vraag = lees(invoer, bundle)
    t = Toelichting()
    bron = r.regio_bron(p, vraag["regio"])
    naam = p.bundle["regios"].get(vraag["regio"], {}).get("naam", vraag["regio"])
    uitvoering = r.uitvoering_in_zin(p, vraag["uitvoering"])
    t.stap(f"Uitvoering: {uitvoering}, regio {naam}", "uitvoering", None, None, bron)
    budget = bereken(p, vraag, t)
    uit = budget_uit(p, budget)
    if budget.posten:
        t.stap(
            "Per jaar: maandbedragen x 12 (logeerzorg: etmalen x tarief)",
            "jaarbedrag",
            uit["per_jaar"],
            "euro per jaar",
            bron,
        )
    niet = eb.NIET_BESCHERMD_WONEN if eb.alleen_beschermd_wonen(p, vraag["producten"]) else None
    uit["eigen_bijdrage"] = eb.bijdrage(p, t, niet, vraag["huishouden"])
    uit.update(
        soort="pgb",
        peildatum=p.peildatum.isoformat(),
        regio=vraag["regio"],
        uitvoering=vraag["uitvoering"],
        producten=vraag["producten"],
        beslissing=BESLIST,
        toelichting=t.stappen,
    )
    return uit
