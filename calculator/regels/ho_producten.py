"""A region's HO products: which product fits the resident's answers (the doelgroep texts) and the hours a
year of a package. Which products and hours tables a region uses is content (``content/pakketten/``).

Bron: the region's package file names its own sources (Halderberge: 003 Bijlage 6 and Bijlage 11).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..data import Peil
from ..money import NUL
from ..trace import Toelichting

JA = "ja"  # how a yes/no part (strijken, boodschappen) is named in a package file's conditions


@dataclass(frozen=True)
class Pakket:
    """An HO basis product with its add-ons (the unit the tariff tables price)."""

    basis: str | None
    wasverzorging: str = "geen"
    strijken: bool = False
    boodschappen: bool = False
    maaltijden: str = "geen"

    def delen(self) -> dict[str, str]:
        """The parts present, in the order they are priced: ``{"basis": "ho-light", "strijken": "ja"}``."""
        delen = {"basis": self.basis} if self.basis else {}
        if self.wasverzorging != "geen":
            delen["wasverzorging"] = self.wasverzorging
            if self.strijken:
                delen["strijken"] = JA
        if self.maaltijden != "geen":
            delen["maaltijden"] = self.maaltijden
        if self.boodschappen:
            delen["boodschappen"] = JA
        return delen


@dataclass(frozen=True)
class Onderdeel:
    """One line of a package with its hours a year."""

    product: str
    onderdeel: str
    label: str
    uren_per_jaar: Decimal
    bron: dict


def model(p: Peil, regio: str) -> dict | None:
    """The HO package model of ``regio`` (None: the sources give this region no HO products)."""
    return (p.bundle.get("pakketten") or {}).get(regio)


def basisproducten(p: Peil, regio: str) -> list[str]:
    """The HO basis products of ``regio`` (those a resident's answers can lead to)."""
    m = model(p, regio)
    return [] if m is None else list(dict.fromkeys(x["product"] for x in m["profielen"].values()))


def past(als: dict, delen: dict[str, str]) -> bool:
    """A package-file condition holds: each named part is present with (one of) the given value(s)."""
    for deel, waarde in als.items():
        if delen.get(deel) not in (waarde if isinstance(waarde, list) else [waarde]):
            return False
    return True


def product_van(m: dict, deel: str, delen: dict[str, str]) -> str:
    """The product a part belongs to: the basis product itself, else the region's add-on product."""
    return delen["basis"] if deel == "basis" else m["aanvullingen"].get(deel, deel)


def profiel(
    wekelijks: bool, tijdelijk_fysiek: bool, leerbaar: bool, gedrag: bool
) -> tuple[str, str, list[str]]:
    """The fitting profile by the doelgroep texts:
    not weekly -> light; can still learn -> ontwikkeling; temporary physical limitation -> stabilisatie
    kortdurend; else stabilisatie langdurend; behavioural problems -> the plus variant.

    Bron: 003, Bijlage 6, Clientperspectief ontwikkeling and Clientperspectief Stabilisatie (Doelgroep).
    Returns the profile, the reason in words and notes for the consulent.
    """
    notities: list[str] = []
    if not wekelijks:
        if gedrag:
            notities.append(
                "HO light heeft geen plus-variant; de consulent weegt de gedragsproblematiek mee."
            )
        return "light", "niet wekelijks ondersteuning nodig", notities
    if leerbaar:
        reden = "kan de huishoudelijke taken nog leren" + (", met gedragsproblematiek" if gedrag else "")
        return ("plus-ontwikkeling" if gedrag else "ontwikkeling"), reden, notities
    if tijdelijk_fysiek:
        if gedrag:
            notities.append(
                "HO plus stabilisatie is langdurend bedoeld; voor tijdelijk fysiek ongemak "
                "kiest de consulent."
            )
            return "plus-stabilisatie", "tijdelijk fysiek ongemak, met gedragsproblematiek", notities
        return "stabilisatie-kortdurend", "tijdelijk fysiek ongemak (operatie, revalidatie)", notities
    reden = "structureel ondersteuning nodig" + (", met gedragsproblematiek" if gedrag else "")
    return ("plus-stabilisatie" if gedrag else "stabilisatie-langdurend"), reden, notities


def basisproduct(
    p: Peil, m: dict, wekelijks: bool, tijdelijk_fysiek: bool, leerbaar: bool, gedrag: bool, t: Toelichting
) -> tuple[str | None, list[str]]:
    """The region's product for the fitting profile (None if the region names no product for it).

    Bron: the profile's bron in the region's package file (Halderberge: 003, Bijlage 6, Doelgroep).
    """
    naam, reden, notities = profiel(wekelijks, tijdelijk_fysiek, leerbaar, gedrag)
    gekozen = m["profielen"].get(naam)
    if gekozen is None:
        notities.append("De bronnen van deze gemeente noemen geen product voor deze situatie.")
        return None, notities
    naam_product = p.bundle["producten"].get(gekozen["product"], {}).get("naam", gekozen["product"])
    t.stap(f"Passend product: {reden}", "basisproduct", naam_product, "product", gekozen["bron"])
    return gekozen["product"], notities


def pakket_uren(p: Peil, m: dict, pakket: Pakket, t: Toelichting) -> list[Onderdeel]:
    """All hours a year of a package: per part the first hours line of the region's package file that fits.

    Bron: the region's hours table (Halderberge: 003 Bijlage 11, HHM Normenkader 2025).
    """
    delen = pakket.delen()
    uit = []
    for deel in delen:
        regel = next((r for r in m["uren"] if deel in r["als"] and past(r["als"], delen)), None)
        if regel is None:
            continue
        sleutel = regel["parameter"]
        prm = p.bundle["parameters"].get(sleutel, {})
        label = prm.get("beschrijving") or sleutel
        uren = p.waarde_van[sleutel]
        stap = "basis_uren" if deel == "basis" else "aanvullende_uren"
        t.stap(f"Uren per jaar voor {label}", stap, uren, "uren per jaar", p.bron_van[sleutel])
        uit.append(Onderdeel(product_van(m, deel, delen), deel, label, uren, p.bron_van[sleutel]))
    return uit


def totaal_uren(delen: list[Onderdeel]) -> Decimal:
    """The hours a year of a package add up. Bron: 003, Bijlage 11 (one row per product)."""
    return sum((d.uren_per_jaar for d in delen), NUL)
