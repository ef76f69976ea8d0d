"""Export the validated catalogue: the JSON data bundle (read by the calculator) and CSV downloads."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from catalogue import invoer as invoer_schema
from catalogue import iwmo as iwmo_schema
from catalogue import schema as s
from catalogue import tabellen
from catalogue.bronverwijzing import bron_anchor, datum_in_bron, section_anchor
from catalogue.load import Catalogue

BUNDLE_VERSION = 1


def product_md_path(p: s.Product) -> str:
    return f"producten/{p.regio}/{p.id}.md"


def product_url(p: s.Product) -> str:
    return f"producten/{p.regio}/{p.id}/"


def _bron(b: s.Bron) -> dict[str, str]:
    # tekstregels: the lines of the source text the figure rests on; a trace links to their quotation.
    uit = {"document": b.document, "sectie": b.sectie}
    if b.tekstregels:
        uit["tekstregels"] = b.tekstregels
    return uit


def _waarden(cat: Catalogue, waarden: s.Waarden) -> list[dict[str, Any]]:
    # datum_in_bron: false where the source gives no such day and `vanaf` is our reading.
    return [
        {
            "vanaf": day.isoformat(),
            "datum_in_bron": datum_in_bron(cat.bronnen, dv.bron, day),
            "waarde": str(dv.waarde),
            "bron": _bron(dv.bron),
            "bron_url": bron_url(cat, dv.bron),
        }
        for day, dv in sorted(waarden.items())
    ]


def upl(cat: Catalogue, p: s.Product) -> dict[str, Any]:
    """The product's UPL name with the URI source 006 (3) gives it, and our reading where there is one."""
    entry = cat.afspraken.upl[p.upl.naam]
    return {"naam": entry.naam, "uri": entry.uri, "aanname": p.upl.aanname}


def product_dict(p: s.Product, cat: Catalogue | None = None) -> dict[str, Any]:
    data = p.model_dump(mode="json")
    data["url"] = product_url(p)
    data["md_path"] = product_md_path(p)
    if cat is not None:
        data["upl"] = upl(cat, p)
    return data


def build_bundle(cat: Catalogue) -> dict[str, Any]:
    """The one data bundle: everything the core and the downloads need, decimals as strings."""
    return {
        "versie": BUNDLE_VERSION,
        "bronnen": {
            k: {
                "bestand": d.bestand,
                "titel": d.titel,
                "url": f"bronnen/#bron-{k}",
                # Per declared section its anchor; a trace links a {document, sectie} to the section
                # whose name its sectie starts with (the longest), as bron_url() does here.
                "secties": {sec: f"bronnen/#{section_anchor(k, sec)}" for sec in d.secties},
            }
            for k, d in sorted(cat.bronnen.items())
        },
        "regios": {
            k: {
                "naam": r.naam,
                "bron": _bron(r.bron[0]) if r.bron else None,
                # The member municipalities and their villages (006, 1), for the resident's own town.
                "gemeenten": [g.model_dump() for g in r.gemeenten],
                "gemeenten_bron": _bron(r.gemeenten_bron),
            }
            for k, r in cat.regios.items()
        },
        "producten": {
            pid: {
                k: v
                for k, v in product_dict(p, cat).items()
                if k
                in (
                    "id",
                    "naam",
                    "regio",
                    "categorie",
                    "clientperspectief",
                    "iwmo_productcategorie",
                    "eenheid",
                    "url",
                    "bron",
                    "berekening",
                    "niveau",
                    "kengetallen",
                    "samenvatting",
                    "upl",
                )
            }
            for pid, p in sorted(cat.producten.items())
        },
        "parameters": {
            key: {
                "beschrijving": prm.leaf.beschrijving,
                "eenheid": prm.leaf.eenheid,
                "conventie": prm.leaf.conventie,
                "waarden": _waarden(cat, prm.leaf.waarden),
                **({"regio": prm.regio} if prm.regio else {}),
                # Only leaves with conditions carry the key, so the others stay as they were.
                **(
                    {"voorwaarden": [{"tekst": v.tekst, "bron": _bron(v.bron)} for v in prm.leaf.voorwaarden]}
                    if prm.leaf.voorwaarden
                    else {}
                ),
                **(
                    {
                        "vrijstellingen": {
                            k: {"wie": v.wie, "tekst": v.tekst, "bron": _bron(v.bron)}
                            for k, v in prm.leaf.vrijstellingen.items()
                        }
                    }
                    if prm.leaf.vrijstellingen
                    else {}
                ),
            }
            for key, prm in sorted(cat.parameters.items())
        },
        "tarieven": {tid: tariff_dict(cat, t) for tid, t in sorted(cat.tarieven.items())},
        "pakketten": {regio: pakket_dict(pk) for regio, pk in sorted(cat.pakketten.items())},
        "invoer": invoer_schema.bundle_deel(cat.invoer),
        "iwmo": iwmo_schema.bundle_deel(cat.iwmo),
    }


def pakket_dict(pk: s.Pakket) -> dict[str, Any]:
    """A region's HO package model for the core; a profile without its own bron takes the package's."""
    data = pk.model_dump(mode="json", exclude={"aannames", "regio"})
    for profiel in data["profielen"].values():
        profiel["bron"] = profiel["bron"] or data["bron"]
    return data


def tariff_dict(cat: Catalogue, t: s.TariefTabel) -> dict[str, Any]:
    return {
        "titel": t.titel,
        "regio": t.regio,
        "regime": t.regime,
        "eenheid": t.eenheid,
        "bron": _bron(t.bron),
        "bron_url": bron_url(cat, t.bron),
        "toelichting": t.toelichting,
        "voorwaarde": t.voorwaarde,
        "uurtarief": _waarden(cat, t.uurtarief) if t.uurtarief else None,
        "rijen": [
            {
                "id": r.id,
                "label": r.label,
                "product": r.product,
                "ook_voor": list(r.ook_voor),
                "uren_per_jaar": r.uren_per_jaar,
                "eenheid": r.eenheid,
                "niet_in_bron": r.niet_in_bron,
                "waarden": _waarden(cat, r.waarden),
                **({"rolstoel": True} if r.rolstoel else {}),
            }
            for r in t.rijen
        ],
    }


def bundle_json(bundle: dict[str, Any]) -> str:
    return json.dumps(bundle, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def csv_text(tabel: tabellen.Tabel) -> str:
    """A download table as CSV: semicolons and a BOM, so Dutch spreadsheet software opens it as intended."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([naam for naam, _ in tabel.kolommen])
    for row in tabel.rijen:
        writer.writerow(
            [tabellen.csv_cel(v, soort) for v, (_, soort) in zip(row, tabel.kolommen, strict=True)]
        )
    return "\ufeff" + buf.getvalue()


def products_csv(cat: Catalogue) -> str:
    return csv_text(tabellen.producten(cat))


def tariffs_csv(cat: Catalogue) -> str:
    return csv_text(tabellen.tarieven(cat))


def parameters_csv(cat: Catalogue) -> str:
    return csv_text(tabellen.kengetallen(cat))


def eisen_json(cat: Catalogue) -> dict[str, Any]:
    """What each product demands of the provider and its staff, per comparison group (the
    comparison page's texts): group -> products with their three lists and sources."""
    groepen: dict[str, Any] = {}
    for p in sorted(cat.producten.values(), key=lambda p: (p.regio, p.id)):
        key = p.vergelijking or "geen-groep"
        titel = cat.vergelijking[p.vergelijking].titel if p.vergelijking else "geen groep"
        groep = groepen.setdefault(key, {"titel": titel, "producten": []})
        groep["producten"].append(
            {
                "id": p.id,
                "naam": p.naam,
                "regio": p.regio,
                "regio_naam": cat.regios[p.regio].naam,
                "url": product_url(p),
                **{soort: list(getattr(p, soort)) for soort in tabellen.EISEN},
                "bron": [_bron(b) for b in p.bron],
            }
        )
    return {
        "toelichting": "Welke producten samen in een groep staan, is de eigen lezing van dit project.",
        "groepen": groepen,
    }


def bron_url(cat: Catalogue, bron: s.Bron) -> str:
    """Site-relative address of the section a bron cites: bronnen/#bron-003-bijlage-11-tarieven-pgb."""
    return f"bronnen/#{bron_anchor(cat.bronnen, bron)}"
