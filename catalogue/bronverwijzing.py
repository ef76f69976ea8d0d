"""From a `bron` {document, sectie} to its section on the sources page, and the date it gives."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING

from catalogue import schema as s

if TYPE_CHECKING:
    from catalogue.load import Catalogue


def declared_section(doc: s.BronDocument, sectie: str) -> str | None:
    """The section of `secties` a cited sectie starts with; the longest wins ("Dagbesteding A")."""
    hits = [sec for sec in doc.secties if sectie.lower().startswith(sec.lower())]
    return max(hits, key=len) if hits else None


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def section_anchor(document: str, section: str) -> str:
    """The anchor of a declared section on the sources page: bron-003-bijlage-11-tarieven-pgb."""
    return f"bron-{document}-{slug(section)}"


def quotation_anchor(document: str, section: str, tekstregels: str) -> str:
    """The anchor of a quotation on the sources page: bron-003-bijlage-11-tarieven-pgb-regels-2582."""
    return f"{section_anchor(document, section)}-regels-{tekstregels}"


def bron_anchor(bronnen: dict[str, s.BronDocument], bron: s.Bron) -> str:
    """Anchor for a bron: its quotation's when it names lines, else its section's, else the document's."""
    doc = bronnen.get(bron.document)
    section = declared_section(doc, bron.sectie) if doc else None
    if section and bron.tekstregels:
        return quotation_anchor(bron.document, section, bron.tekstregels)
    return section_anchor(bron.document, section) if section else f"bron-{bron.document}"


def stated_date(bronnen: dict[str, s.BronDocument], bron: s.Bron) -> s.SectieDatum | None:
    """What the cited section says about the date of its figures, if anything."""
    doc = bronnen.get(bron.document)
    section = declared_section(doc, bron.sectie) if doc else None
    return doc.datums.get(section) if doc and section else None


def datum_in_bron(bronnen: dict[str, s.BronDocument], bron: s.Bron, day: dt.date) -> bool:
    """True when the source itself gives this day as the start of the figure."""
    stated = stated_date(bronnen, bron)
    return stated is not None and day in stated.dagen()


class Citation:
    """One thing on the site that rests on a section: a product, figure, table, list or text."""

    __slots__ = ("bron", "soort", "naam", "page")

    def __init__(self, bron: s.Bron, soort: str, naam: str, page: str | None) -> None:
        self.bron, self.soort, self.naam, self.page = bron, soort, naam, page


def citations(cat: Catalogue) -> list[Citation]:
    """Everything that cites a source, with the page (.md) that shows it, for the sources page."""
    from catalogue.export import product_md_path  # export imports this module

    out: list[Citation] = []
    for p in sorted(cat.producten.values(), key=lambda p: p.naam):
        out += [Citation(b, "product", p.naam, product_md_path(p)) for b in p.bron]
    for key, prm in sorted(cat.parameters.items()):
        page = f"kengetallen.md#{key.split('.')[0]}"
        out += [
            Citation(dv.bron, "kengetal", prm.leaf.beschrijving, page) for dv in prm.leaf.waarden.values()
        ]
    for t in sorted(cat.tarieven.values(), key=lambda t: t.titel):
        page = f"tarieven/{t.regio}.md#{t.id}"
        out.append(Citation(t.bron, "tarieftabel", t.titel, page))
        for dv in (t.uurtarief or {}).values():
            out.append(Citation(dv.bron, "uurtarief", t.titel, page))
        for r in t.rijen:
            out += [Citation(dv.bron, "tarieftabel", t.titel, page) for dv in r.waarden.values()]
    for lijst in cat.lijsten.values():
        out += [Citation(b, "lijst", lijst.titel, f"lijsten/{lijst.id}.md") for b in lijst.bron]
    for tekst in cat.teksten.values():
        page = "normenkader.md" if tekst.id == "normenkader" else f"beleid/{tekst.id}.md"
        out += [Citation(b, "tekst", tekst.titel, page) for b in tekst.bron]
        out += [Citation(sec.bron, "tekst", f"{tekst.titel}: {sec.titel}", page) for sec in tekst.secties]
    for project in cat.projecten.values():
        out += [Citation(b, "project", project.titel, f"projecten/{project.regio}.md") for b in project.bron]
    for key, regio in cat.regios.items():
        out += [Citation(b, "regio", regio.naam, f"regios/{key}.md") for b in regio.bron]
    return out


def cited_sections(cat: Catalogue) -> dict[tuple[str, str], dict[str, list[Citation]]]:
    """(document, declared section) -> cited sectie text -> what rests on it (each thing once)."""
    grouped: dict[tuple[str, str], dict[str, list[Citation]]] = {}
    for c in citations(cat):
        doc = cat.bronnen.get(c.bron.document)
        section = declared_section(doc, c.bron.sectie) if doc else None
        if section is None:
            continue  # validation reports it
        bucket = grouped.setdefault((c.bron.document, section), {}).setdefault(c.bron.sectie, [])
        if not any(x.soort == c.soort and x.naam == c.naam for x in bucket):
            bucket.append(c)
    return grouped


class Quotation:
    """The cited lines under a section's anchor, with the figures that rest on them marked."""

    __slots__ = ("anchor", "tekstregels", "regels", "figuren", "wat", "conventie")

    def __init__(self, anchor: str, tekstregels: str, regels: tuple[str, ...]) -> None:
        self.anchor, self.tekstregels, self.regels = anchor, tekstregels, regels
        self.figuren: set = set()
        self.wat: list[str] = []
        self.conventie = False  # a passage that calls for our own convention: no figure to mark


def quotations(cat: Catalogue) -> dict[tuple[str, str], list[Quotation]]:
    """(document, declared section) -> the distinct cited passages, in line order."""
    teksten = cat.bronteksten
    out: dict[tuple[str, str], dict[str, Quotation]] = {}

    def add(bron: s.Bron, figuur: object, wat: str, conventie: bool = False) -> None:
        doc = cat.bronnen.get(bron.document)
        section = declared_section(doc, bron.sectie) if doc else None
        citaat = teksten.citaat(bron) if teksten is not None and section else None
        if citaat is None:
            return
        bucket = out.setdefault((bron.document, section), {})
        q = bucket.get(bron.tekstregels) or bucket.setdefault(
            bron.tekstregels,
            Quotation(
                quotation_anchor(bron.document, section, bron.tekstregels), bron.tekstregels, citaat.regels
            ),
        )
        if figuur is not None:
            q.figuren.add(figuur)
        q.conventie = q.conventie or conventie
        if wat not in q.wat:
            q.wat.append(wat)

    for prm in cat.parameters.values():
        for dv in prm.leaf.waarden.values():
            conventie = prm.leaf.conventie is not None
            add(dv.bron, None if conventie else dv.waarde, prm.leaf.beschrijving, conventie)
    for t in cat.tarieven.values():
        for dv in (t.uurtarief or {}).values():
            add(dv.bron, dv.waarde, f"{t.titel}: uurtarief")
        for r in t.rijen:
            for dv in r.waarden.values():
                add(dv.bron, dv.waarde, f"{t.titel}: {r.label}")
    for c in citations(cat):
        if c.bron.tekstregels and c.soort not in ("kengetal", "tarieftabel", "uurtarief"):
            add(c.bron, None, c.naam)
    return {
        key: sorted(qs.values(), key=lambda q: int(q.tekstregels.split("-")[0])) for key, qs in out.items()
    }
