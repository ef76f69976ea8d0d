"""Halderberge's HO products: which product fits (003 Bijlage 6, doelgroep texts) and its HHM hours a year
(003 Bijlage 11, HHM Normenkader 2025)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..data import Peil
from ..money import NUL
from ..trace import Toelichting

BIJLAGE_6 = "Bijlage 6 Omschrijvingen van de vormen van de maatwerkvoorziening huishoudelijke ondersteuning"
BRON_ONTWIKKELING = {"document": "003", "sectie": f"{BIJLAGE_6}, Clientperspectief ontwikkeling"}
BRON_STABILISATIE = {"document": "003", "sectie": f"{BIJLAGE_6}, Clientperspectief Stabilisatie"}
BRON_OVERIG = {"document": "003", "sectie": f"{BIJLAGE_6}, Overige producten"}

# HO basis product -> its HHM hours a year (parameter key).
BASIS_UREN = {
    "ho-light": "hhm_uren.light",
    "ho-stabilisatie-kortdurend": "hhm_uren.stabilisatie",
    "ho-stabilisatie-langdurend": "hhm_uren.stabilisatie",
    "ho-ontwikkeling": "hhm_uren.ontwikkeling",
    "ho-plus-stabilisatie": "hhm_uren.plus_stabilisatie",
    "ho-plus-ontwikkeling": "hhm_uren.plus_ontwikkeling",
}
PLUS = ("ho-plus-stabilisatie", "ho-plus-ontwikkeling")
STABILISATIE = ("ho-stabilisatie-kortdurend", "ho-stabilisatie-langdurend", "ho-plus-stabilisatie")
WAS_KEUZES = ("geen", "1_persoon", "2_personen")
MAALTIJD_KEUZES = ("geen", "1_broodmaaltijd", "2_broodmaaltijden", "warme_maaltijd")
WAS_UREN = {
    "1_persoon": "hhm_uren.wasverzorging_1_persoon",
    "2_personen": "hhm_uren.wasverzorging_2_personen",
}
MAALTIJD_UREN = {
    "1_broodmaaltijd": "hhm_uren.maaltijd_1_broodmaaltijd",
    "2_broodmaaltijden": "hhm_uren.maaltijd_2_broodmaaltijden_of_warm",
    "warme_maaltijd": "hhm_uren.maaltijd_2_broodmaaltijden_of_warm",
}
ADD_ON_PRODUCT = {
    "wasverzorging": "wasverzorging",
    "strijken": "wasverzorging",
    "boodschappen": "boodschappen",
    "maaltijden": "maaltijdvoorziening",
}


@dataclass(frozen=True)
class Pakket:
    """An HO basis product with its add-ons (the unit the tariff tables price)."""

    basis: str | None
    wasverzorging: str = "geen"
    strijken: bool = False
    boodschappen: bool = False
    maaltijden: str = "geen"


@dataclass(frozen=True)
class Onderdeel:
    """One line of a package with its hours a year."""

    product: str
    onderdeel: str
    label: str
    uren_per_jaar: Decimal
    bron: dict


def basisproduct(
    wekelijks: bool, tijdelijk_fysiek: bool, leerbaar: bool, gedrag: bool, t: Toelichting
) -> tuple[str, list[str]]:
    """The fitting HO product by the doelgroep texts:
    not weekly -> light; can still learn -> ontwikkeling; temporary physical limitation -> stabilisatie
    kortdurend; else stabilisatie langdurend; behavioural problems -> the plus variant.

    Bron: 003, Bijlage 6, Clientperspectief ontwikkeling and Clientperspectief Stabilisatie (Doelgroep).
    """
    notities: list[str] = []
    if not wekelijks:
        product, bron, reden = "ho-light", BRON_STABILISATIE, "niet wekelijks ondersteuning nodig"
        if gedrag:
            notities.append(
                "HO light heeft geen plus-variant; de consulent weegt de gedragsproblematiek mee."
            )
    elif leerbaar:
        product = "ho-plus-ontwikkeling" if gedrag else "ho-ontwikkeling"
        bron, reden = (
            BRON_ONTWIKKELING,
            "kan de huishoudelijke taken nog leren" + (", met gedragsproblematiek" if gedrag else ""),
        )
    elif tijdelijk_fysiek:
        bron = BRON_STABILISATIE
        if gedrag:
            product, reden = "ho-plus-stabilisatie", "tijdelijk fysiek ongemak, met gedragsproblematiek"
            notities.append(
                "HO plus stabilisatie is langdurend bedoeld; voor tijdelijk fysiek ongemak "
                "kiest de consulent."
            )
        else:
            product, reden = "ho-stabilisatie-kortdurend", "tijdelijk fysiek ongemak (operatie, revalidatie)"
    else:
        product = "ho-plus-stabilisatie" if gedrag else "ho-stabilisatie-langdurend"
        bron, reden = (
            BRON_STABILISATIE,
            "structureel ondersteuning nodig" + (", met gedragsproblematiek" if gedrag else ""),
        )
    t.stap(f"Passend product: {reden}", "basisproduct", product, "product", bron)
    return product, notities


def basis_uren(p: Peil, product: str, t: Toelichting) -> Onderdeel:
    """HHM hours a year of an HO basis product. Bron: 003, Bijlage 11 (HHM Normenkader 2025)."""
    sleutel = BASIS_UREN[product]
    uren = p.w[sleutel]
    t.stap(f"Uren per jaar voor {product}", "basis_uren", uren, "uren per jaar", p.b[sleutel])
    return Onderdeel(product, sleutel.split(".")[1], product, uren, p.b[sleutel])


def aanvullende_uren(p: Peil, pakket: Pakket, t: Toelichting) -> list[Onderdeel]:
    """HHM hours a year of the add-ons: wasverzorging (1 or 2+ persons), strijk, maaltijden, boodschappen.

    Bron: 003, Bijlage 11 (HHM Normenkader 2025); the products in 003 Bijlage 6, Overige producten.
    """
    delen = []
    if pakket.wasverzorging != "geen":
        delen.append(
            _deel(
                p,
                "wasverzorging",
                WAS_UREN[pakket.wasverzorging],
                f"wasverzorging {pakket.wasverzorging.replace('_', ' ')}",
                t,
            )
        )
        if pakket.strijken:
            delen.append(_deel(p, "wasverzorging", "hhm_uren.strijk", "strijk", t))
    if pakket.maaltijden != "geen":
        delen.append(
            _deel(
                p,
                "maaltijdvoorziening",
                MAALTIJD_UREN[pakket.maaltijden],
                f"maaltijden: {pakket.maaltijden.replace('_', ' ')}",
                t,
            )
        )
    if pakket.boodschappen:
        delen.append(_deel(p, "boodschappen", "hhm_uren.boodschappen", "boodschappen", t))
    return delen


def _deel(p: Peil, product: str, sleutel: str, label: str, t: Toelichting) -> Onderdeel:
    uren = p.w[sleutel]
    t.stap(f"Uren per jaar voor {label}", "aanvullende_uren", uren, "uren per jaar", p.b[sleutel])
    return Onderdeel(product, sleutel.split(".")[1], label, uren, p.b[sleutel])


def pakket_uren(p: Peil, pakket: Pakket, t: Toelichting) -> list[Onderdeel]:
    """All hours a year of a package: the basis product and its add-ons. Bron: 003, Bijlage 11."""
    delen = [basis_uren(p, pakket.basis, t)] if pakket.basis else []
    return delen + aanvullende_uren(p, pakket, t)


def totaal_uren(delen: list[Onderdeel]) -> Decimal:
    """The hours a year of a package add up. Bron: 003, Bijlage 11 (one row per product)."""
    return sum((d.uren_per_jaar for d in delen), NUL)
