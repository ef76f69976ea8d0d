"""Soort ``advies``: from a few plain questions to a region's fitting HO product(s), their hours a year and
the maximum PGB per regime, as the region's package file (content/pakketten/) routes them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .. import nl
from ..data import Peil
from ..money import NUL, getal
from ..regels import ho_producten as hp
from ..regels import pgb as r
from ..trace import Toelichting
from . import eigen_bijdrage as eb
from .begin import begin_invoer
from .pgb import BESLIST, GEEN_BEDRAGEN, budget_uit, ho_budget

# How the resident wants the help organised (005, 2.1): from a contracted provider, or a pgb for a
# professional or for someone they know. The amounts "met arbeidsovereenkomst" (lage/hoge
# werkgeverslasten) apply only under a condition (003, Bijlage 11), so they are never the headline.
# How each reads in a sentence is content (``in_zin`` of uitvoering in content/invoer.yaml).
ZORG_IN_NATURA = "zorg-in-natura"
GEEN_HO_BEDRAGEN = "De bronnen noemen voor deze gemeente geen pgb-bedragen voor huishoudelijke ondersteuning"
# Not "no products": a region may have HO products in its catalogue without rules for hours or amounts.
GEEN_PRODUCTEN = (
    "De bronnen geven voor deze gemeente geen regels om uren of een budget voor huishoudelijke "
    "ondersteuning uit te rekenen."
)


def run(invoer: object, bundle: dict | None = None) -> dict:
    """Check the answers and give the product advice with budgets."""
    v, p = begin_invoer(invoer, "advies", bundle)
    regio = v.lees("regio")
    wekelijks = v.lees("wekelijks_nodig")
    tijdelijk = v.lees("tijdelijk_fysiek")
    leerbaar = v.lees("kan_taken_leren")
    gedrag = v.lees("gedragsproblematiek")
    pakket_was = v.lees("wasverzorging")
    strijken = v.lees("strijken")
    boodschappen = v.lees("boodschappen")
    maaltijden = v.lees("maaltijden")
    gekozen = v.lees("uitvoering")
    h = eb.huishouden(v)
    if strijken and pakket_was == "geen":
        v.fout(
            "strijken",
            f"hoort bij wasverzorging; kies ook bij {v.label('wasverzorging')} voor hoeveel personen.",
        )
    v.klaar()
    t = Toelichting()
    m = hp.model(p, regio)
    if m is None:
        return _met_keuze(p, _zonder_producten(p, regio, t), gekozen, t, h)
    basis, notities = hp.basisproduct(p, m, bool(wekelijks), bool(tijdelijk), bool(leerbaar), bool(gedrag), t)
    pakket = hp.Pakket(basis, pakket_was or "geen", bool(strijken), bool(boodschappen), maaltijden or "geen")
    delen = hp.pakket_uren(p, m, pakket, t)
    uren = hp.totaal_uren(delen)
    t.stap("Uren per jaar samen", "totaal_uren", uren, "uren per jaar", r.regio_bron(p, regio))
    per_week = _minuten_per_week(p, uren, t)
    budgetten = {}
    for uitvoering in r.uitvoeringen(p):
        tb = Toelichting()
        budgetten[uitvoering] = budget_uit(p, ho_budget(p, regio, uitvoering, pakket, tb))
        budgetten[uitvoering]["toelichting"] = tb.stappen
    return _met_keuze(
        p,
        {
            "soort": "advies",
            "peildatum": p.peildatum.isoformat(),
            "regio": regio,
            "producten": _producten(p, delen),
            "uren_per_jaar": getal(uren),
            "minuten_per_week": getal(per_week),
            "budgetten": budgetten,
            "opmerkingen": notities + [BESLIST],
            "beslissing": BESLIST,
            "toelichting": t.stappen,
        },
        gekozen,
        t,
        h,
    )


def _minuten_per_week(p: Peil, uren: Decimal, t: Toelichting) -> Decimal:
    """About how many minutes a week the hours a year are (a resident thinks in weeks): hours x minutes
    an hour / weeks a year (the site's own reckoning, content/regels/ho_normenkader.yaml),
    rounded to whole minutes. Only to read the answer; the hours a year stay the figure that counts."""
    per_uur = p.waarde_van["ho_normenkader.omrekening.minuten_per_uur"]
    weken = p.waarde_van["ho_normenkader.omrekening.weken_per_jaar"]
    minuten = (uren * per_uur / weken).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    t.stap(
        f"Ongeveer per week: {nl.getal_nl(uren)} uur x {per_uur} / {weken} weken, afgerond op hele minuten",
        "minuten_per_week",
        minuten,
        "minuten per week",
        p.bron_van["ho_normenkader.omrekening.weken_per_jaar"],
    )
    return minuten


def _met_keuze(p: Peil, uit: dict, uitvoering: str | None, t: Toelichting, h: eb.Huishouden) -> dict:
    """The answer for the resident's own choice (``keuze``: hours, the budget if there is one) and the
    eigen bijdrage, each with a step, added to the advice."""
    keuze = None
    if uitvoering is not None:
        budget = uit["budgetten"].get(uitvoering)
        heeft_budget = bool(budget and budget["regels"])
        in_zin = r.uitvoering_in_zin(p, uitvoering)
        keuze = {
            "uitvoering": uitvoering,
            "omschrijving": in_zin,
            "uren_per_jaar": uit["uren_per_jaar"],
            "budget": heeft_budget,
            "per_maand": budget["per_maand"] if heeft_budget else None,
            "per_jaar": budget["per_jaar"] if heeft_budget else None,
            "ontbreekt": budget["ontbreekt"] if budget else [],
        }
        bron = r.regio_bron(p, uit["regio"])
        if uitvoering == ZORG_IN_NATURA:
            t.stap(f"Uw keuze: {in_zin}; u krijgt uren hulp, geen budget", "keuze", None, None, bron)
        elif heeft_budget:
            t.stap(
                f"Uw keuze: {in_zin}; hoogste budget",
                "keuze",
                budget["per_maand"],
                "euro per maand",
                bron,
            )
        else:
            t.stap(f"Uw keuze: {in_zin}; de bronnen noemen geen bedrag", "keuze", None, None, bron)
    uit["keuze"] = keuze
    uit["eigen_bijdrage"] = eb.bijdrage(p, t, None, h)
    uit["toelichting"] = t.stappen
    return uit


def _zonder_producten(p: Peil, regio: str, t: Toelichting) -> dict:
    """The honest answer for a region whose sources name no HO products: none, and no amounts."""
    bron = r.regio_bron(p, regio)
    budgetten = {}
    for uitvoering in r.uitvoeringen(p):
        # A region with tariff files but no HO package has pgb amounts, only none for HO.
        melding = GEEN_BEDRAGEN if not p.tabellen_van(regio) else GEEN_HO_BEDRAGEN
        leeg = r.Budget(ontbreekt=[r.ontbreekt(None, "huishoudelijke ondersteuning", melding, bron)])
        budgetten[uitvoering] = {**budget_uit(p, leeg), "toelichting": []}
    return {
        "soort": "advies",
        "peildatum": p.peildatum.isoformat(),
        "regio": regio,
        "producten": [],
        "uren_per_jaar": None,
        "minuten_per_week": None,
        "budgetten": budgetten,
        "opmerkingen": [GEEN_PRODUCTEN, BESLIST],
        "beslissing": BESLIST,
        "toelichting": t.stappen,
    }


def _producten(p: Peil, delen: list[hp.Onderdeel]) -> list[dict]:
    """One entry per product (in order of first appearance), its parts and their hours summed."""
    uit: dict[str, dict] = {}
    for d in delen:
        if d.product not in uit:
            product = p.bundle["producten"].get(d.product, {})
            uit[d.product] = {
                "id": d.product,
                "naam": product.get("naam", d.product),
                "url": product.get("url"),
                "uren": NUL,
                "onderdelen": [],
            }
        uit[d.product]["uren"] += d.uren_per_jaar
        uit[d.product]["onderdelen"].append(
            {"onderdeel": d.label, "uren_per_jaar": getal(d.uren_per_jaar), "bron": dict(d.bron)}
        )
    return [
        {**{k: v for k, v in x.items() if k != "uren"}, "uren_per_jaar": getal(x["uren"])}
        for x in uit.values()
    ]
