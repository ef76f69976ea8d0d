"""PGB budgets per regime (uitvoering): professioneel, and sociaal netwerk in three variants.

Bron: the region's PGB tariff tables (Halderberge: 003, Bijlage 11: Tarieven PGB). Every amount comes from a
tariff table in the bundle; where the source gives none, the line goes to ``ontbreekt`` instead of a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .. import nl
from ..data import Peil, Rij
from ..invoer import gebruik, keuze_in_zin
from ..money import MAANDEN_PER_JAAR, NUL, op_cent
from ..trace import Toelichting
from .ho_producten import Pakket, past, product_van

NIET_IN_BRON = "niet in de bron"


def uitvoeringen(p: Peil) -> tuple[str, ...]:
    """The regimes a pgb budget is priced in: the choices of ``uitvoering`` for soort pgb
    (content/invoer.yaml)."""
    return gebruik(p.bundle, "uitvoering", "pgb")["opties"]


def uitvoering_in_zin(p: Peil, uitvoering: str) -> str:
    """How a regime is named where a person reads it (messages, steps): content/invoer.yaml."""
    return keuze_in_zin(p.bundle, "uitvoering", uitvoering)


def geen_tarief(p: Peil, uitvoering: str) -> str:
    """The message for a product whose region has tariff tables, but none for this regime."""
    return f"geen tarief voor {uitvoering_in_zin(p, uitvoering)} ({NIET_IN_BRON})"


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

    posten: list[Regel] = field(default_factory=list)
    ontbreekt: list[dict] = field(default_factory=list)

    def voeg_toe(self, ander: Budget) -> None:
        """Merge another budget into this one."""
        self.posten.extend(ander.posten)
        self.ontbreekt.extend(ander.ontbreekt)


def regio_bron(p: Peil, regio: str | None) -> dict:
    """The region's main source (its first bron in content/regios.yaml), for lines without a table."""
    bron = (p.bundle["regios"].get(regio) or {}).get("bron") if regio else None
    return dict(bron or {})


def ontbreekt(product: str | None, onderdeel: str, melding: str, bron: dict | None = None) -> dict:
    """A line without an amount: the source gives none, so we give none."""
    return {"product": product, "onderdeel": onderdeel, "melding": melding, "bron": dict(bron or {})}


def maandbedrag_uit_uren(uren_per_jaar: Decimal, uurtarief: Decimal) -> Decimal:
    """Sociaal netwerk: maximaal maandtarief = uren per jaar x uurtarief / 12, half-up to the cent.

    Bron: 003, Bijlage 11, 1. PGB tarieven HO sociaal netwerk. The build checks every table row by it.
    """
    return op_cent(uren_per_jaar * uurtarief / MAANDEN_PER_JAAR)


def jaarbedrag(per_maand: Decimal) -> Decimal:
    """A monthly maximum times 12 months is the yearly maximum. Bron: 003, Bijlage 11 (maandtarieven)."""
    return per_maand * MAANDEN_PER_JAAR


def maandregel(rij: Rij, t: Toelichting, uitleg: str = "") -> Regel:
    """A line priced by a monthly table amount. Bron: the row's bron in 003 Bijlage 11."""
    t.stap(f"{rij.label}{uitleg}", "maandregel", rij.waarde, "euro per maand", rij.bron)
    return Regel(rij, rij.waarde, jaarbedrag(rij.waarde))


def prijzen(m: dict | None, uitvoering: str) -> dict | None:
    """How ``uitvoering`` prices the region's HO package (its table, and rows per part), if the
    sources say."""
    return None if m is None else m.get("prijzen", {}).get(uitvoering)


def _benoem(p: Peil, deel: str, delen: dict[str, str]) -> str:
    """A part in words for a message: "wasverzorging bij Huishoudelijke Ondersteuning light",
    "boodschappen zonder HO-product" (products by their name, as a person reads them)."""

    def naam(product: str) -> str:
        return p.bundle["producten"].get(product, {}).get("naam", product)

    if deel == "basis":
        return naam(delen["basis"])
    basis = delen.get("basis")
    return f"{deel} bij {naam(basis)}" if basis else f"{deel} zonder HO-product"


def sociaal_netwerk_budget(p: Peil, m: dict, tabel_id: str, pakket: Pakket, t: Toelichting) -> Budget:
    """Sociaal netwerk: per part the table's monthly maximum, the row with the part's hours a year
    (= hours x hourly rate / 12, half-up to the cent, as printed in the source).

    Bron: the table's bron (Halderberge: 003, Bijlage 11, 1. PGB tarieven HO sociaal netwerk).
    """
    delen = pakket.delen()
    tabel = p.tabel(tabel_id)
    per_uren = {r.get("uren_per_jaar"): r["id"] for r in tabel["rijen"] if r.get("uren_per_jaar")}
    uurtarief = p.uurtarief(tabel_id)
    budget = Budget()
    for deel in delen:
        regel = next((r for r in m["uren"] if deel in r["als"] and past(r["als"], delen)), None)
        rij_id = per_uren.get(regel["parameter"]) if regel else None
        rij = p.rij(tabel_id, rij_id) if rij_id else None
        if rij is None or rij.waarde is None:
            wat = _benoem(p, deel, delen)
            budget.ontbreekt.append(
                ontbreekt(product_van(m, deel, delen), wat, f"{wat}: {NIET_IN_BRON}", tabel.get("bron"))
            )
            continue
        extra = {}
        uitleg = ""
        if uurtarief is not None and rij.uren_per_jaar:
            uren = p.waarde_van[rij.uren_per_jaar]
            extra = {"uren_per_jaar": uren, "uurtarief": uurtarief.waarde}
            uitleg = (
                f": {nl.getal_nl(uren)} uur x {nl.euro(uurtarief.waarde)} / {MAANDEN_PER_JAAR}, "
                "afgerond op centen (bedrag uit de tabel)"
            )
        regel_uit = maandregel(rij, t, uitleg)
        budget.posten.append(Regel(regel_uit.rij, regel_uit.per_maand, regel_uit.per_jaar, extra))
    return budget


def professionele_rijen(
    p: Peil, m: dict, regels: list[dict], pakket: Pakket
) -> tuple[list[str], list[tuple[str, str]]]:
    """Map a package onto table rows: per part, in order, the first row of the package file whose condition
    holds; a row may cover several parts (e.g. stabilisatie "incl. was verzorging en strijk"). Parts
    without a row are returned as missing (product, part in words).

    Bron: the region's professional table (Halderberge: 003, Bijlage 11, 2. PGB tarieven HO professioneel).
    """
    delen = pakket.delen()
    rijen: list[str] = []
    mist: list[tuple[str, str]] = []
    gedekt: set[str] = set()
    for deel in delen:
        if deel in gedekt:
            continue
        regel = next((r for r in regels if deel in r["dekt"] and past(r["als"], delen)), None)
        if regel is None:
            mist.append((product_van(m, deel, delen), _benoem(p, deel, delen)))
            continue
        rijen.append(regel["rij"])
        gedekt.update(regel["dekt"])
    return rijen, mist


def professioneel_budget(
    p: Peil, m: dict, tabel_id: str, regels: list[dict], pakket: Pakket, t: Toelichting
) -> Budget:
    """PGB professioneel for an HO package: the monthly product tariffs.

    Bron: the table's bron (Halderberge: 003, Bijlage 11, 2. PGB tarieven HO professioneel).
    """
    rijen, mist = professionele_rijen(p, m, regels, pakket)
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
        budget.posten.append(maandregel(rij, t))
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


def product_budget(p: Peil, regio: str, uitvoering: str, product: str, t: Toelichting) -> Budget:
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
        elif not p.tabellen_van(regio):
            melding, bron = "De bronnen noemen voor deze gemeente geen pgb-bedragen", regio_bron(p, regio)
        else:
            melding = geen_tarief(p, uitvoering)
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
    budget.posten.append(maandregel(rij, t))
    return budget


def totalen(budget: Budget) -> tuple[Decimal, Decimal]:
    """Monthly and yearly totals: the sums of the lines."""
    return sum((r.per_maand for r in budget.posten), NUL), sum((r.per_jaar for r in budget.posten), NUL)


def per_maand_uit_jaar(per_jaar: Decimal) -> Decimal:
    """A yearly amount as a monthly one: / 12, half-up to the cent (as the sources round amounts).

    Bron: 003, Bijlage 11 (maximaal maandtarief, afgerond op centen).
    """
    return op_cent(per_jaar / MAANDEN_PER_JAAR)
