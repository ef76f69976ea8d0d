"""HO indication by the HHM normenkader (June 2019) as applied in source 002.

One function per rule. Each returns what it adds (an `Onderdeel`) or decides, and records a step.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .. import nl
from ..data import Peil, optioneel
from ..money import NUL, op_cent, op_heel
from ..trace import Toelichting

UITGANGSPUNTEN = {"document": "002", "sectie": "3. Uitgangspunten"}
WASVERZORGING = {
    "1_persoon": "hhm_uren.wasverzorging_1_persoon",
    "2_personen": "hhm_uren.wasverzorging_2_personen",
}
MAALTIJD_PRODUCT_MAX = "ho_producten.maaltijdvoorziening.max_keer_per_week"
BIJLAGE_6 = {
    "document": "003",
    "sectie": "Bijlage 6 Omschrijvingen van de vormen van de maatwerkvoorziening "
    "huishoudelijke ondersteuning",
}


class Onderdeel(NamedTuple):
    """One part of the indication: minutes a week, and hours a year when the part is given in HHM hours.

    ``weken``: a temporary part runs weeks 1 to ``weken`` only (kindzorg, regie aanleren); None: structural.
    """

    onderdeel: str
    label: str
    minuten_per_week: Decimal
    bron: dict
    hhm_uren_per_jaar: Decimal | None = None
    weken: int | None = None


def maatwerk(onderdeel: str, melding: str, bron: dict) -> dict:
    """A point for the consulent to weigh (the source leaves it to their judgement)."""
    return {"onderdeel": onderdeel, "melding": melding, "bron": dict(bron)}


def minimale_duur(p: Peil, duur_maanden: int, t: Toelichting) -> str | None:
    """No HO when it is needed for less than the minimum duration in months. Bron: 002, 1. Inleiding."""
    sleutel = "ho_normenkader.toegang.minimale_duur_maanden"
    minimum = p.waarde_van[sleutel]
    voldaan = Decimal(duur_maanden) >= minimum
    if t.aan:
        uitkomst = "voldaan" if voldaan else "niet voldaan"
        t.stap(
            f"Minimale duur: {duur_maanden} maanden opgegeven, {uitkomst}",
            "minimale_duur",
            minimum,
            "maanden",
            p.bron_van[sleutel],
        )
    if voldaan:
        return None
    return (
        f"Huishoudelijke ondersteuning is nodig voor {duur_maanden} maanden. Korter dan {minimum} maanden "
        "kent de gemeente geen HO toe; dit kunt u zelf of met uw netwerk overbruggen "
        "(bron 002, 1. Inleiding)."
    )


def gebruikelijke_hulp(p: Peil, huisgenoten: int, t: Toelichting) -> str | None:
    """No HO when housemates from the source's age on are available and able to do the housework
    (gebruikelijke hulp).

    Bron: 002, 2. Algemene, algemeen gebruikelijke en voorliggende voorzieningen.
    """
    sleutel = "ho_normenkader.toegang.gebruikelijke_hulp_vanaf_leeftijd"
    leeftijd = p.waarde_van[sleutel]
    if t.aan:
        t.stap(
            f"Gebruikelijke hulp: huisgenoten van {leeftijd} jaar of ouder die het huishouden kunnen "
            f"overnemen: {huisgenoten} (een commerciële kamerhuurder hoort niet bij de leefeenheid "
            "en telt niet mee)",
            "gebruikelijke_hulp",
            leeftijd,
            "jaar",
            p.bron_van[sleutel],
        )
    if huisgenoten <= 0:
        return None
    return (
        f"Er zijn huisgenoten van {leeftijd} jaar of ouder die het huishouden kunnen overnemen "
        "(gebruikelijke hulp); dan kent de gemeente geen HO toe (bron 002, 2. Algemene, algemeen "
        "gebruikelijke en voorliggende voorzieningen)."
    )


def _minuten_deel(
    p: Peil, t: Toelichting, sleutel: str, naam: str, label: str, minuten: Decimal, stap: str
) -> Onderdeel:
    """A part in minutes a week: one step of the explanation, citing the parameter's source."""
    t.stap(stap, naam, minuten, "minuten per week", p.bron_van[sleutel])
    return Onderdeel(naam, label, minuten, p.bron_van[sleutel])


def basismodule(p: Peil, t: Toelichting) -> Onderdeel:
    """Basismodule Schoon en leefbaar huis, full takeover: the module's minutes a week.

    Bron: 002, 4. Resultaten, Basismodule: Resultaat Schoon en Leefbaar Huis.
    """
    sleutel = "ho_normenkader.basismodule.minuten_per_week"
    return _minuten_deel(
        p,
        t,
        sleutel,
        "basismodule",
        "Basismodule schoon en leefbaar huis",
        p.waarde_van[sleutel],
        "Basismodule schoon en leefbaar huis (volledige overname)",
    )


def aftrek_lichte_taken(p: Peil, t: Toelichting) -> Onderdeel:
    """Minus the light-task minutes a week when client or network do the light tasks.

    Bron: 002, 4. Resultaten, Basismodule.
    """
    sleutel = "ho_normenkader.basismodule.aftrek_lichte_taken_minuten"
    return _minuten_deel(
        p,
        t,
        sleutel,
        "aftrek_lichte_taken",
        "Aftrek lichte taken zelf",
        -p.waarde_van[sleutel],
        "Aftrek: lichte taken doet de cliënt (of het netwerk) zelf",
    )


def extra_ruimten(p: Peil, aantal: int, t: Toelichting) -> Onderdeel:
    """Minutes a week per occasionally used room (laundry room, guest room, attic, office).

    Bron: 002, 4. Resultaten, Basismodule: Resultaat Schoon en Leefbaar Huis.
    """
    sleutel = "ho_normenkader.extra_ruimte.minuten_per_week"
    per_ruimte = p.waarde_van[sleutel]
    return _minuten_deel(
        p,
        t,
        sleutel,
        "extra_ruimten",
        f"{aantal} extra ruimte(n)",
        per_ruimte * aantal,
        f"Extra ruimten: {aantal} x {per_ruimte} minuten",
    )


def extra_schoonmaak(p: Peil, minuten: int, t: Toelichting) -> Onderdeel:
    """Extra or more thorough cleaning during the weekly visit, up to the source's maximum minutes.

    Bron: 002, 4. Resultaten, Basismodule: Resultaat Schoon en Leefbaar Huis.
    """
    sleutel = "ho_normenkader.extra_schoonmaak.max_minuten_per_week"
    return _minuten_deel(
        p,
        t,
        sleutel,
        "extra_schoonmaak",
        "Extra schoonmaak tijdens het bezoek",
        Decimal(minuten),
        f"Extra schoonmaak tijdens het bezoek (hoogstens {p.waarde_van[sleutel]} minuten)",
    )


def extra_bezoek(p: Peil, minuten: int, t: Toelichting) -> Onderdeel:
    """An extra visit a week, up to the source's maximum minutes.

    Bron: 002, 4. Resultaten, Basismodule.
    """
    sleutel = "ho_normenkader.extra_bezoek.max_minuten_per_week"
    return _minuten_deel(
        p,
        t,
        sleutel,
        "extra_bezoek",
        "Extra bezoek per week",
        Decimal(minuten),
        f"Extra bezoek per week (hoogstens {p.waarde_van[sleutel]} minuten)",
    )


def regie_aanleren(
    p: Peil, weken: int | None, t: Toelichting, minuten: int | None = None
) -> tuple[Onderdeel, dict]:
    """Regie en organisatie, aanleren: temporary (a maximum of weeks); the source gives no minutes, so
    the consulent's ``minuten`` a week count (for its weeks only), or none when not given.

    Bron: 002, 4. Resultaten, Categorie 2: Resultaat Regie en organisatie.
    """
    sleutel = "ho_normenkader.regie.aanleren_max_weken"
    max_weken = p.waarde_van[sleutel]
    duur = f"{weken} weken" if weken is not None else f"hoogstens {max_weken} weken"
    looptijd = weken if weken is not None else int(max_weken)
    per_week = Decimal(minuten or 0)
    wie = (
        f"{minuten} minuten per week, bepaald door de consulent"
        if minuten is not None
        else "geen normtijd in de bron"
    )
    t.stap(
        f"Regie en organisatie aanleren ({duur}; telt voor week 1 tot en met {looptijd}): {wie}",
        "regie_aanleren",
        per_week,
        "minuten per week",
        p.bron_van[sleutel],
    )
    besluit = (
        f"De consulent heeft {minuten} minuten per week bepaald; motiveer dit in de beschikking."
        if minuten is not None
        else "De consulent bepaalt de minuten."
    )
    punt = maatwerk(
        "regie_aanleren",
        f"Regie en organisatie aanleren is tijdelijke ondersteuning ({duur}, hoogstens {max_weken}). "
        f"De bron geeft geen normtijd. {besluit}",
        p.bron_van[sleutel],
    )
    label = "Regie en organisatie: aanleren"
    deel = Onderdeel("regie_aanleren", label, per_week, p.bron_van[sleutel], weken=looptijd)
    return deel, punt


def regie_structureel(p: Peil, t: Toelichting) -> Onderdeel:
    """Regie en organisatie, structureel: the source's minutes a week.

    Bron: 002, 4. Resultaten, Categorie 2: Resultaat Regie en organisatie.
    """
    sleutel = "ho_normenkader.regie.structureel_minuten_per_week"
    return _minuten_deel(
        p,
        t,
        sleutel,
        "regie_structureel",
        "Regie en organisatie: structureel",
        p.waarde_van[sleutel],
        "Regie en organisatie: structureel adviseren en organiseren",
    )


def broodmaaltijden(p: Peil, dagen: int, t: Toelichting) -> Onderdeel:
    """Bread meals: the norm minutes a day per household.

    Bron: 002, 4. Resultaten, Resultaat Maaltijdverzorging.
    """
    sleutel = "ho_normenkader.maaltijden.broodmaaltijd_minuten_per_dag"
    per_dag = p.waarde_van[sleutel]
    return _minuten_deel(
        p,
        t,
        sleutel,
        "broodmaaltijden",
        f"Broodmaaltijden, {dagen} dagen per week",
        per_dag * dagen,
        f"Broodmaaltijden: {dagen} dagen x {per_dag} minuten (per huishouden)",
    )


def warme_maaltijd(p: Peil, dagen: int, t: Toelichting) -> Onderdeel:
    """Hot meal: the norm minutes a day per household.

    Bron: 002, 4. Resultaten, Resultaat Maaltijdverzorging.
    """
    sleutel = "ho_normenkader.maaltijden.warme_maaltijd_minuten_per_dag"
    per_dag = p.waarde_van[sleutel]
    return _minuten_deel(
        p,
        t,
        sleutel,
        "warme_maaltijd",
        f"Warme maaltijd, {dagen} dagen per week",
        per_dag * dagen,
        f"Warme maaltijd: {dagen} dagen x {per_dag} minuten (per huishouden)",
    )


def _maaltijdproduct(p: Peil) -> str:
    """The meal product as a person reads it, "naam (regio)": the meals add-on of the first region's
    HO package (content/pakketten/), the product whose weekly maximum 003 Bijlage 6 gives."""
    for regio, pakket in sorted((p.bundle.get("pakketten") or {}).items()):
        product = p.bundle["producten"].get((pakket.get("aanvullingen") or {}).get("maaltijden"))
        if product:
            return f"{product['naam']} ({p.bundle['regios'][regio]['naam']})"
    return "voor maaltijden"


def maaltijden_maatwerk(p: Peil, dagen: int, vaatwasser: bool | None) -> list[dict]:
    """Points to weigh for meals: the product's weekly maximum (003 Bijlage 6), the dishwasher,
    the limit in years.

    Bron: 002, 4. Resultaten, Resultaat Maaltijdverzorging; 003, Bijlage 6, Maaltijdvoorziening.
    """
    punten = []
    product_max = optioneel(p, MAALTIJD_PRODUCT_MAX)
    product = _maaltijdproduct(p)
    if product_max is None:
        punten.append(
            maatwerk(
                "maaltijden",
                f"Het product {product} wordt hoogstens een beperkt aantal keer "
                "per week ingezet; de consulent toetst het aantal dagen aan de productomschrijving.",
                BIJLAGE_6,
            )
        )
    elif Decimal(dagen) > product_max.waarde:
        punten.append(
            maatwerk(
                "maaltijden",
                f"Maaltijden op {dagen} dagen per week: het product {product} "
                f"wordt hoogstens {product_max.waarde} keer per week ingezet.",
                product_max.bron,
            )
        )
    sleutel = "ho_normenkader.maaltijden.indicatie_max_jaren"
    vaat = {True: "er is een vaatwasser (in- en uitruimen)", False: "er is geen vaatwasser (afwassen)"}.get(
        vaatwasser, "of er een vaatwasser is, is niet opgegeven"
    )
    punten.append(
        maatwerk(
            "maaltijden",
            f"De enige weegfactor bij maaltijden is de vaatwasser: {vaat}. Minder tijd als netwerk of eigen "
            "mogelijkheden helpen. Een indicatie voor maaltijden geldt hoogstens "
            f"{p.waarde_van[sleutel]} jaar.",
            p.bron_van[sleutel],
        )
    )
    return punten


def uren_naar_minuten_per_week(p: Peil, uren_per_jaar: Decimal) -> Decimal:
    """Hours a year to minutes a week: uren x minutes an hour / weeks a year, half-up to the cent
    (a derived figure).

    Bron: 002, 3. Uitgangspunten.
    """
    return op_cent(
        uren_per_jaar
        * p.waarde_van["ho_normenkader.omrekening.minuten_per_uur"]
        / p.waarde_van["ho_normenkader.omrekening.weken_per_jaar"]
    )


def minuten_naar_uren_per_jaar(p: Peil, minuten_per_week: Decimal) -> Decimal:
    """Minutes a week to hours a year, exact: minuten x weeks a year / minutes an hour.

    Bron: 002, 3. Uitgangspunten.
    """
    return (
        minuten_per_week
        * p.waarde_van["ho_normenkader.omrekening.weken_per_jaar"]
        / p.waarde_van["ho_normenkader.omrekening.minuten_per_uur"]
    )


def hhm_onderdeel(p: Peil, naam: str, label: str, sleutel: str, t: Toelichting) -> Onderdeel:
    """A part given in HHM hours a year, shown as derived minutes a week.

    Bron: 003, Bijlage 11 (HHM Normenkader 2025) for the hours; 002, 3. Uitgangspunten for the conversion.
    """
    uren = p.waarde_van[sleutel]
    minuten = uren_naar_minuten_per_week(p, uren)
    if t.aan:
        t.stap(
            f"{label}: {nl.getal_nl(uren)} uur per jaar (HHM 2025)",
            naam,
            uren,
            "uren per jaar",
            p.bron_van[sleutel],
        )
        per_uur, weken = (
            p.waarde_van["ho_normenkader.omrekening.minuten_per_uur"],
            p.waarde_van["ho_normenkader.omrekening.weken_per_jaar"],
        )
        t.stap(
            f"{label}: omgerekend {nl.getal_nl(uren)} x {per_uur} / {weken} "
            "(afgeleid, afgerond op 2 decimalen)",
            naam,
            minuten,
            "minuten per week",
            p.bron_van["ho_normenkader.omrekening.weken_per_jaar"],
        )
    return Onderdeel(naam, label, minuten, p.bron_van[sleutel], uren)


def wasverzorging(p: Peil, keuze: str, t: Toelichting) -> Onderdeel:
    """Wasverzorging for 1 or 2+ persons, without ironing, in HHM hours a year.

    Bron: 002, 4. Resultaten, Resultaat Wasverzorging; 003, Bijlage 11.
    """
    personen = "1 persoon" if keuze == "1_persoon" else "2 of meer personen"
    return hhm_onderdeel(p, "wasverzorging", f"Wasverzorging {personen}", WASVERZORGING[keuze], t)


def strijken(p: Peil, t: Toelichting) -> Onderdeel:
    """Ironing (outer clothing, only where needed), in HHM hours a year.

    Bron: 002, 4. Resultaten, Resultaat Wasverzorging; 003, Bijlage 11.
    """
    return hhm_onderdeel(p, "strijken", "Strijken", "hhm_uren.strijk", t)


def boodschappen(p: Peil, t: Toelichting) -> Onderdeel:
    """Boodschappen, in HHM hours a year.

    Bron: 002, 4. Resultaten, Resultaat Boodschappen; 003, Bijlage 11.
    """
    return hhm_onderdeel(p, "boodschappen", "Boodschappen", "hhm_uren.boodschappen", t)


def totaal_minuten(onderdelen: list[Onderdeel], t: Toelichting) -> Decimal:
    """The indication is the sum of the result areas, in minutes a week. Bron: 002, 3. Uitgangspunten.

    With temporary parts this is the total of the first weeks, while every part still runs.
    """
    totaal = sum((o.minuten_per_week for o in onderdelen), NUL)
    tijdelijk = any(o.weken is not None for o in onderdelen)
    stap = (
        "Totaal in week 1, zolang alle onderdelen lopen"
        if tijdelijk
        else "Totaal: optelsom van de onderdelen"
    )
    t.stap(stap, "totaal_minuten", totaal, "minuten per week", UITGANGSPUNTEN)
    return totaal


def uren_per_jaar(
    p: Peil, onderdelen: list[Onderdeel], t: Toelichting, wat: str = "Uren per jaar"
) -> tuple[Decimal, Decimal]:
    """Hours a year: minute-based parts x weeks a year / minutes an hour, half-up to whole hours (this
    reproduces the HHM table's hours from its minutes), plus the parts given in HHM hours as given.
    Also the exact, unrounded value, so a caller that adds more hours rounds once, at the end.
    ``wat`` names the step ("Blijvend, uren per jaar" beside temporary parts).

    Bron: 002, 3. Uitgangspunten; 003, Bijlage 11.
    """
    minuten = hhm = NUL
    for o in onderdelen:
        if o.hhm_uren_per_jaar is None:
            minuten += o.minuten_per_week
        else:
            hhm += o.hhm_uren_per_jaar
    exact = minuten_naar_uren_per_jaar(p, minuten)
    afgerond = op_heel(exact + hhm)
    if t.aan:
        weken, per_uur = (
            p.waarde_van["ho_normenkader.omrekening.weken_per_jaar"],
            p.waarde_van["ho_normenkader.omrekening.minuten_per_uur"],
        )
        t.stap(
            f"{wat}: {nl.getal_nl(minuten)} minuten x {weken} / {per_uur} = {nl.getal_nl(op_cent(exact))}, "
            "afgerond op hele uren (half naar boven)",
            "uren_per_jaar",
            op_heel(exact),
            "uren per jaar",
            p.bron_van["ho_normenkader.omrekening.weken_per_jaar"],
        )
        if hhm:
            bron = next(o.bron for o in onderdelen if o.hhm_uren_per_jaar is not None)
            t.stap(
                "Plus de onderdelen in HHM-uren per jaar, zoals gegeven",
                "uren_per_jaar",
                hhm,
                "uren per jaar",
                bron,
            )
    return afgerond, exact + hhm
