"""The download tables, typed once and written twice: as CSV (Dutch separators) and as .xlsx.

A column has a kind, so each writer keeps what a cell holds: a code stays text with its leading
zero ("02"), an amount is a number in euro format, a date a date (catalogue/xlsx.py). In the CSV a
code is written as ="02", the form Excel keeps as text when it opens the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from catalogue import schema as s
from catalogue.bronverwijzing import bron_anchor, datum_in_bron
from catalogue.load import Catalogue

Soort = Literal["tekst", "code", "bedrag", "getal", "datum"]

# Where a code comes from, said in every row (issue: a code is a source's or our reading).
HERKOMST_CATEGORIE = (
    "eigen lezing: de bron van het product noemt geen iWmo-code; wij kozen deze code uit de "
    "iWmo-codelijst productcategorie (bron 006, 5.1)"
)
HERKOMST_EENHEID = (
    "eigen lezing: de eenheid staat in de bron; wij kozen de code erbij uit de iWmo-codelijst "
    "eenheid (bron 006, 5.2)"
)
GEEN_EENHEIDCODE = "geen code: de bron noemt geen eenheid die bij een code past"
# The three kinds of demands a provider compares (product fields), with the words people read.
EISEN = {
    "eisen_aanbieder": "Eisen aan de aanbieder",
    "competenties_medewerker": "Competenties van de medewerker",
    "samenwerking": "Samenwerking",
}


@dataclass
class Tabel:
    naam: str  # file name without extension, and the sheet's name
    kolommen: list[tuple[str, Soort]]
    rijen: list[list[Any]] = field(default_factory=list)


def bron_url(cat: Catalogue, bron: s.Bron) -> str:
    """Site-relative address of the section a bron cites: bronnen/#bron-003-bijlage-11-tarieven-pgb."""
    return f"bronnen/#{bron_anchor(cat.bronnen, bron)}"


def _datum_in_bron(cat: Catalogue, bron: s.Bron, day: Any) -> str:
    if datum_in_bron(cat.bronnen, bron, day):
        return "ja"
    return "nee, datum niet in de bron; wij rekenen vanaf deze datum"


def _bronnen(cat: Catalogue, bronnen: list[s.Bron]) -> list[str]:
    return [
        " | ".join(f"{b.document} {b.sectie}" for b in bronnen),
        " | ".join(bron_url(cat, b) for b in bronnen),
    ]


def producten(cat: Catalogue) -> Tabel:
    from catalogue.export import upl

    t = Tabel(
        "producten",
        [
            ("id", "tekst"),
            ("naam", "tekst"),
            ("regio", "tekst"),
            ("categorie", "tekst"),
            ("clientperspectief", "tekst"),
            ("iwmo_productcategorie", "code"),
            ("iwmo_productcategorie_naam", "tekst"),
            ("iwmo_productcategorie_herkomst", "tekst"),
            ("eenheid", "tekst"),
            ("iwmo_eenheid", "code"),
            ("iwmo_eenheid_herkomst", "tekst"),
            ("upl_naam", "tekst"),
            ("upl_uri", "tekst"),
            ("upl_keuze", "tekst"),
            ("samenvatting", "tekst"),
            ("bron", "tekst"),
            ("bron_adres", "tekst"),
        ],
    )
    for p in sorted(cat.producten.values(), key=lambda p: (p.regio, p.id)):
        naam = upl(cat, p)
        t.rijen.append(
            [
                p.id,
                p.naam,
                cat.regios[p.regio].naam,
                s.CATEGORIES[p.categorie],
                p.clientperspectief or "",
                p.iwmo_productcategorie,
                s.IWMO_CATEGORIES[p.iwmo_productcategorie],
                HERKOMST_CATEGORIE,
                p.eenheid.omschrijving,
                p.eenheid.code or "",
                HERKOMST_EENHEID
                if p.eenheid.code
                else "geen code: de bron noemt geen eenheid die bij een code past",
                naam["naam"],
                naam["uri"],
                p.upl.aanname or "de UPL heeft deze naam (bron 006, 3)",
                p.samenvatting,
                *_bronnen(cat, p.bron),
            ]
        )
    return t


def tarieven(cat: Catalogue) -> Tabel:
    t = Tabel(
        "tarieven",
        [
            ("tabel", "tekst"),
            ("regime", "tekst"),
            ("regio", "tekst"),
            ("rij", "tekst"),
            ("omschrijving", "tekst"),
            ("product", "tekst"),
            ("eenheid", "tekst"),
            ("peildatum", "datum"),
            ("peildatum_in_bron", "tekst"),
            ("bedrag", "bedrag"),
            ("bron", "tekst"),
            ("bron_adres", "tekst"),
        ],
    )
    for table in sorted(cat.tarieven.values(), key=lambda x: x.id):
        for r in table.rijen:
            row = [table.id, table.regime, cat.regios[table.regio].naam, r.id, r.label, r.product or ""]
            row.append(r.eenheid or table.eenheid)
            if r.niet_in_bron:
                t.rijen.append([*row, None, "", "niet in de bron", *_bronnen(cat, [table.bron])])
            for day, dv in sorted(r.waarden.items()):
                t.rijen.append(
                    [*row, day, _datum_in_bron(cat, dv.bron, day), dv.waarde, *_bronnen(cat, [dv.bron])]
                )
    return t


def kengetallen(cat: Catalogue) -> Tabel:
    t = Tabel(
        "kengetallen",
        [
            ("parameter", "tekst"),
            ("omschrijving", "tekst"),
            ("eenheid", "tekst"),
            ("vanaf", "datum"),
            ("vanaf_in_bron", "tekst"),
            ("waarde", "getal"),
            ("bron", "tekst"),
            ("bron_adres", "tekst"),
        ],
    )
    for key, prm in sorted(cat.parameters.items()):
        for day, dv in sorted(prm.leaf.waarden.items()):
            t.rijen.append(
                [
                    key,
                    prm.leaf.beschrijving,
                    prm.leaf.eenheid,
                    day,
                    _datum_in_bron(cat, dv.bron, day),
                    dv.waarde,
                    *_bronnen(cat, [dv.bron]),
                ]
            )
    return t


def eisen(cat: Catalogue, soort: str) -> Tabel:
    """One kind of staff demand (EISEN), one row per demand, per comparison group and region."""
    t = Tabel(
        soort.replace("_", "-"),
        [
            ("vergelijkingsgroep", "tekst"),
            ("regio", "tekst"),
            ("product_id", "tekst"),
            ("product", "tekst"),
            ("nummer", "getal"),
            ("thema_eigen_lezing", "tekst"),
            ("tekst", "tekst"),
            ("bron", "tekst"),
            ("bron_adres", "tekst"),
        ],
    )
    from catalogue.vergelijking import thema

    order = list(cat.vergelijking)
    for p in sorted(
        cat.producten.values(),
        key=lambda p: (order.index(p.vergelijking) if p.vergelijking else len(order), p.regio, p.id),
    ):
        groep = cat.vergelijking[p.vergelijking].titel if p.vergelijking else "geen groep"
        for i, tekst in enumerate(getattr(p, soort), start=1):
            t.rijen.append(
                [
                    groep,
                    cat.regios[p.regio].naam,
                    p.id,
                    p.naam,
                    Decimal(i),
                    thema(cat, tekst),
                    tekst,
                    *_bronnen(cat, p.bron[:1]),
                ]
            )
    return t


def alle(cat: Catalogue) -> list[Tabel]:
    return [producten(cat), tarieven(cat), kengetallen(cat), *(eisen(cat, k) for k in EISEN)]


def bronnen(cat: Catalogue) -> Tabel:
    """The sources sheet: every document and section a row cites, with its address on the site."""
    t = Tabel(
        "bronnen",
        [
            ("document", "code"),
            ("titel", "tekst"),
            ("bestand", "tekst"),
            ("sectie", "tekst"),
            ("adres", "tekst"),
        ],
    )
    for key, doc in sorted(cat.bronnen.items()):
        for sec in doc.secties:
            t.rijen.append(
                [key, doc.titel, doc.bestand, sec, bron_url(cat, s.Bron(document=key, sectie=sec))]
            )
    return t


def csv_cel(value: Any, soort: Soort) -> str:
    """A cell as the CSV writes it: Dutch decimal comma, ISO dates, codes as ="02" (Excel keeps text)."""
    if value is None:
        return ""
    if soort == "code" and value != "":
        return f'="{value}"'
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
