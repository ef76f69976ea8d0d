"""The comparison page's rows: one per product, its values per unit where the sources allow."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from catalogue import schema as s
from catalogue.formatting import euro as _euro
from catalogue.formatting import getal_nl

if TYPE_CHECKING:
    from catalogue.load import Catalogue
    from catalogue.render import Renderer, Tariefregel

# Which tariff a row shows first: the professional one, else the sociaal-netwerk minimum wage one.
_PREFERENCE = ("pgb-professioneel", "sociaal-netwerk", "beschermd-wonen")
_PER = {"euro per maand": "per maand", "euro per etmaal": "per etmaal", "euro per dagdeel": "per dagdeel"}
CENT = Decimal("0.01")


def euro(value: Decimal) -> str:
    """An amount that never breaks between the sign and the number in a narrow column."""
    return _euro(value).replace(" ", "\u00a0")


@dataclass
class Row:
    product: s.Product
    regio: str
    clientperspectief: str
    eenheid: str
    omvang: str  # volume per the product's unit (hours a year, etmalen), or "-"
    tarief: str  # the tariff as the source gives it
    per_eenheid: list[str] = field(default_factory=list)  # derived per-unit figures, our own reading


@dataclass
class Group:
    key: str
    groep: s.VergelijkingGroep
    regions: list[str]
    rows: list[Row]


def first_tariff(lines: list[Tariefregel]) -> Tariefregel | None:
    """The tariff a summary shows: professional first, else the sociaal-netwerk minimum wage one."""
    priced = [t for t in lines if t.value is not None]
    for regime in _PREFERENCE:
        hit = next((t for t in priced if t.table.regime == regime), None)
        if hit:
            return hit
    return priced[0] if priced else None


def _row(r: Renderer, p: s.Product) -> Row:
    lines = r.tarieven_voor(p.id)
    hours_line = next((t for t in lines if t.row.uren_per_jaar and t.value is not None), None)
    hours = r.param(hours_line.row.uren_per_jaar) if hours_line else None
    shown = first_tariff(lines)
    if shown is None:
        tarief = "niet in de bron"
    else:
        unit = shown.row.eenheid or shown.table.eenheid
        kind = {"pgb-professioneel": "professioneel", "sociaal-netwerk": "sociaal netwerk"}.get(
            shown.table.regime, s.REGIMES[shown.table.regime]
        )
        tarief = f"{euro(shown.value)} {_PER.get(unit, unit)}, {kind}"
    per: list[str] = []
    if hours and hours_line:
        professional = shown is not None and shown.table.regime == "pgb-professioneel"
        if professional and shown.table.eenheid == "euro per maand":
            per_hour = (shown.value * 12 / hours).quantize(CENT, rounding=ROUND_HALF_UP)
            per.append(f"professioneel ongeveer {euro(per_hour)}")
        rate = r.cat.tarieven[hours_line.table.id].uurtarief
        hit = s.in_force(rate, r.today) if rate else None
        if hit:
            per.append(f"sociaal netwerk {euro(hit[1].waarde)}")
    return Row(
        product=p,
        regio=p.regio,
        clientperspectief=p.clientperspectief or "-",
        eenheid=p.eenheid.omschrijving,
        omvang=f"{getal_nl(hours)} uur per jaar" if hours else "-",
        tarief=tarief,
        per_eenheid=per,
    )


def groups(r: Renderer) -> list[Group]:
    out = []
    for key, groep in r.cat.vergelijking.items():
        members = r.products_in(vergelijking=key)
        if not members:
            continue
        regions = [k for k in r.cat.regios if any(p.regio == k for p in members)]
        rows = [_row(r, p) for k in regions for p in members if p.regio == k]
        out.append(Group(key, groep, regions, rows))
    return out


OVERIG = "Overig"


def thema(cat: Catalogue, tekst: str) -> str:
    """The theme a demand goes under: the first whose words it contains (content/themas.yaml,
    our own reading), else "Overig"."""
    low = tekst.lower()
    for th in cat.themas.values():
        if any(w.lower() in low for w in th.woorden):
            return th.titel
    return OVERIG


def eisen_per_thema(
    r: Renderer, g: Group, soort: str
) -> list[tuple[str, dict[str, list[tuple[s.Product, str]]]]]:
    """One kind of demand of a group's products, per theme and per region: the rows of the
    comparison page's demands table (themes in file order, "Overig" last, empty themes left out)."""
    order = [th.titel for th in r.cat.themas.values()] + [OVERIG]
    rows: dict[str, dict[str, list[tuple[s.Product, str]]]] = {}
    for row in g.rows:
        for tekst in getattr(row.product, soort):
            rows.setdefault(thema(r.cat, tekst), {k: [] for k in g.regions})[row.regio].append(
                (row.product, tekst)
            )
    return [(t, rows[t]) for t in order if t in rows]
