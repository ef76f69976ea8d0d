"""PGB budgets per regime (uitvoering): professioneel, and sociaal netwerk in three variants.

Bron: 003, Bijlage 11: Tarieven PGB (sections 1 to 4). Every amount comes from a tariff table in the bundle;
where the source gives none, the line goes to ``ontbreekt`` instead of a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..data import Peil, Rij
from ..money import MAANDEN_PER_JAAR, NUL, op_cent
from ..trace import Toelichting
from .ho_producten import BASIS_UREN, PLUS, STABILISATIE, Pakket

UITVOERINGEN = ("pgb-professioneel", "sociaal-netwerk", "sociaal-netwerk-laag", "sociaal-netwerk-hoog")
BIJLAGE_11 = {"document": "003", "sectie": "Bijlage 11: Tarieven PGB"}
NIET_IN_BRON = "niet in de bron"

# Sociaal netwerk HO tables: package part -> row id (bundle contract).
SN_BASIS = {
    "ho-light": "light",
    "ho-stabilisatie-kortdurend": "stabilisatie",
    "ho-stabilisatie-langdurend": "stabilisatie",
    "ho-ontwikkeling": "ontwikkeling",
    "ho-plus-stabilisatie": "plus-stabilisatie",
    "ho-plus-ontwikkeling": "plus-ontwikkeling",
}
SN_WAS = {"1_persoon": "wasverzorging-1-persoon", "2_personen": "wasverzorging-2-personen"}
SN_MAALTIJD = {
    "1_broodmaaltijd": "maaltijd-1-broodmaaltijd",
    "2_broodmaaltijden": "maaltijd-2-broodmaaltijden-of-warm",
    "warme_maaltijd": "maaltijd-2-broodmaaltijden-of-warm",
}
# Professional HO table: basis product -> row id; meals -> row suffix.
PRO_BASIS = {
    "ho-light": "ho-light",
    "ho-stabilisatie-kortdurend": "ho-stabilisatie",
    "ho-stabilisatie-langdurend": "ho-stabilisatie",
    "ho-ontwikkeling": "ho-ontwikkeling",
    "ho-plus-stabilisatie": "ho-plus-stabilisatie",
    "ho-plus-ontwikkeling": "ho-plus-ontwikkeling",
}
PRO_WAS = {"1_persoon": "-was-1-persoon", "2_personen": "-was-2-personen"}
PRO_MAALTIJD = {
    "1_broodmaaltijd": "broodmaaltijd-5x",
    "2_broodmaaltijden": "broodmaaltijd-10x",
    "warme_maaltijd": "warme-maaltijd-5x",
}


@dataclass(frozen=True)
class Regel:
    """One priced line of a budget."""

    rij: Rij
    per_maand: Decimal
    per_jaar: Decimal
    extra: dict = field(default_factory=dict)


@dataclass
class Budget:
    """Priced lines and the lines the source gives no amount for."""

    regels: list[Regel] = field(default_factory=list)
    ontbreekt: list[dict] = field(default_factory=list)

    def voeg_toe(self, ander: Budget) -> None:
        """Merge another budget into this one."""
        self.regels.extend(ander.regels)
        self.ontbreekt.extend(ander.ontbreekt)


def ontbreekt(product: str | None, onderdeel: str, melding: str, bron: dict | None = None) -> dict:
    """A line without an amount: the source gives none, so we give none."""
    return {"product": product, "onderdeel": onderdeel, "melding": melding, "bron": dict(bron or BIJLAGE_11)}


def jaarbedrag(per_maand: Decimal) -> Decimal:
    """A monthly maximum times 12 months is the yearly maximum. Bron: 003, Bijlage 11 (maandtarieven)."""
    return per_maand * MAANDEN_PER_JAAR


def maandregel(rij: Rij, t: Toelichting, uitleg: str = "") -> Regel:
    """A line priced by a monthly table amount. Bron: the row's bron in 003 Bijlage 11."""
    t.stap(f"{rij.label}{uitleg}", "maandregel", rij.waarde, "euro per maand", rij.bron)
    return Regel(rij, rij.waarde, jaarbedrag(rij.waarde))


def ho_tabel(p: Peil, regio: str, uitvoering: str) -> str | None:
    """The HO table of ``regio`` for ``uitvoering``: the one that prices the HO basis products."""
    for tabel_id in p.tabellen(regio, uitvoering):
        if any(r.get("product") in BASIS_UREN for r in p.tabel(tabel_id)["rijen"]):
            return tabel_id
    return None


def sociaal_netwerk_maandbedrag(p: Peil, tabel_id: str, pakket: Pakket, t: Toelichting) -> Budget:
    """Sociaal netwerk: per part the table's monthly maximum (= HHM hours x hourly rate / 12, half-up to
    the cent, as printed in the source). Bron: 003, Bijlage 11, 1. PGB tarieven HO sociaal netwerk.
    """
    ids = []
    if pakket.basis:
        ids.append(SN_BASIS[pakket.basis])
    if pakket.wasverzorging != "geen":
        ids.append(SN_WAS[pakket.wasverzorging])
        if pakket.strijken:
            ids.append("strijk")
    if pakket.maaltijden != "geen":
        ids.append(SN_MAALTIJD[pakket.maaltijden])
    if pakket.boodschappen:
        ids.append("boodschappen")
    uurtarief = p.uurtarief(tabel_id)
    budget = Budget()
    for rij_id in ids:
        rij = p.rij(tabel_id, rij_id)
        if rij is None or rij.waarde is None:
            budget.ontbreekt.append(
                ontbreekt(pakket.basis, rij_id, f"{rij_id}: {NIET_IN_BRON}", p.tabel(tabel_id).get("bron"))
            )
            continue
        extra = {}
        uitleg = ""
        if uurtarief is not None and rij.uren_per_jaar:
            uren = p.w[rij.uren_per_jaar]
            extra = {"uren_per_jaar": uren, "uurtarief": uurtarief.waarde}
            uitleg = (
                f": {uren} uur x {uurtarief.waarde} / {MAANDEN_PER_JAAR}, afgerond op centen "
                "(bedrag uit de tabel)"
            )
        regel = maandregel(rij, t, uitleg)
        budget.regels.append(Regel(regel.rij, regel.per_maand, regel.per_jaar, extra))
    return budget


def professionele_rijen(pakket: Pakket) -> tuple[list[str], list[tuple[str, str]]]:
    """Map a package onto the professional HO rows: stabilisatie with wasverzorging uses the rows
    "incl. was verzorging en strijk"; boodschappen and maaltijden take the HO or HO+ row by variant.
    Combinations without a row are returned as missing.

    Bron: 003, Bijlage 11, 2. PGB tarieven Huishoudelijke ondersteuning professioneel.
    """
    rijen: list[str] = []
    mist: list[tuple[str, str]] = []
    basis = pakket.basis
    voor = "ho-plus-" if basis in PLUS else "ho-"
    if basis:
        rij = PRO_BASIS[basis]
        if pakket.wasverzorging != "geen":
            if basis in STABILISATIE:
                rij += PRO_WAS[pakket.wasverzorging]
            else:
                mist.append(("wasverzorging", f"wasverzorging bij {basis}"))
        rijen.append(rij)
    elif pakket.wasverzorging != "geen":
        mist.append(("wasverzorging", "wasverzorging zonder HO-product"))
    if pakket.maaltijden != "geen":
        if basis:
            rijen.append(voor + PRO_MAALTIJD[pakket.maaltijden])
        else:
            mist.append(("maaltijdvoorziening", "maaltijden zonder HO-product"))
    if pakket.boodschappen:
        if basis:
            rijen.append(voor + "boodschappen")
        else:
            mist.append(("boodschappen", "boodschappen zonder HO-product"))
    return rijen, mist


def professioneel_maandbedrag(p: Peil, tabel_id: str, pakket: Pakket, t: Toelichting) -> Budget:
    """PGB professioneel for an HO package: the monthly product tariffs.

    Bron: 003, Bijlage 11, 2. PGB tarieven Huishoudelijke ondersteuning professioneel.
    """
    rijen, mist = professionele_rijen(pakket)
    budget = Budget()
    bron = p.tabel(tabel_id).get("bron")
    for product, wat in mist:
        budget.ontbreekt.append(
            ontbreekt(product, wat, f"geen professioneel tarief voor {wat}: {NIET_IN_BRON}", bron)
        )
    for rij_id in rijen:
        rij = p.rij(tabel_id, rij_id)
        if rij is None or rij.waarde is None:
            budget.ontbreekt.append(ontbreekt(pakket.basis, rij_id, f"{rij_id}: {NIET_IN_BRON}", bron))
            continue
        budget.regels.append(maandregel(rij, t))
    return budget


def product_rij(p: Peil, regio: str, uitvoering: str, product: str) -> Rij | None:
    """The row for ``product`` in the tables of ``regio`` with regime ``uitvoering``."""
    for tabel_id in p.tabellen(regio, uitvoering):
        rij = p.rij_voor_product(tabel_id, product)
        if rij is not None:
            return rij
    return None


def ergens_niet_in_bron(p: Peil, regio: str, product: str) -> Rij | None:
    """A row for ``product`` in any table of ``regio`` marked niet_in_bron (e.g. Beschermd Thuis)."""
    for tabel_id, tabel in sorted(p.bundle["tarieven"].items()):
        if tabel.get("regio") == regio:
            rij = p.rij_voor_product(tabel_id, product)
            if rij is not None and rij.niet_in_bron:
                return rij
    return None


def product_maandbedrag(p: Peil, regio: str, uitvoering: str, product: str, t: Toelichting) -> Budget:
    """Begeleiding, dagbesteding, daginvulling and other monthly products: the table's monthly amount.

    Bron: 003, Bijlage 11, 3. (sociaal netwerk) and 4. (professionals).
    """
    budget = Budget()
    rij = product_rij(p, regio, uitvoering, product)
    if rij is None or rij.waarde is None:
        elders = rij or ergens_niet_in_bron(p, regio, product)
        if elders is not None:
            melding = f"de bron noemt voor dit product geen bedrag ({NIET_IN_BRON})"
            bron = elders.bron
        else:
            melding = f"geen tarief voor uitvoering {uitvoering} ({NIET_IN_BRON})"
            bron = None
        budget.ontbreekt.append(ontbreekt(product, product, melding, bron))
        return budget
    if "maand" not in rij.eenheid:
        budget.ontbreekt.append(
            ontbreekt(
                product, product, f"het tarief is {rij.eenheid}; dit product rekent de hulp niet om", rij.bron
            )
        )
        return budget
    budget.regels.append(maandregel(rij, t))
    return budget


def totalen(budget: Budget) -> tuple[Decimal, Decimal]:
    """Monthly and yearly totals: the sums of the lines."""
    return sum((r.per_maand for r in budget.regels), NUL), sum((r.per_jaar for r in budget.regels), NUL)


def per_maand_uit_jaar(per_jaar: Decimal) -> Decimal:
    """A yearly amount as a monthly one: / 12, half-up to the cent (as the sources round amounts).

    Bron: 003, Bijlage 11 (maximaal maandtarief, afgerond op centen).
    """
    return op_cent(per_jaar / MAANDEN_PER_JAAR)
