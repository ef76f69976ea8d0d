"""Samenwerkende Catalogi 4.0 feeds: one XML file per municipality with products (006, 4).

A member municipality of a region publishes the region's products with itself as spatial and
authority, so Overheid.nl (or the municipality's own catalogue) can harvest ``/sc/<gemeente>.xml``.
The feed is checked against this project's schema for it (``sc_schema/sc.xsd``, written from 006
section 4) before it is written; a feed that does not fit stops the build.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from lxml import etree

from catalogue import schema as s
from catalogue.export import product_url, upl
from catalogue.load import Catalogue

OVERHEIDPRODUCT = "http://standaarden.overheid.nl/product/terms/"
OVERHEID = "http://standaarden.overheid.nl/owms/terms/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS = {"overheidproduct": OVERHEIDPRODUCT, "overheid": OVERHEID, "dcterms": DCTERMS}
# Where the official schema lives (named in the feed, as the OpenWebconcept plugin does; 006, 4).
SCHEMA_LOCATION = f"{OVERHEIDPRODUCT} http://standaarden.overheid.nl/sc/4.0/xsd/sc.xsd"
SCHEMA_FILE = Path(__file__).parent / "sc_schema" / "sc.xsd"


class FeedOngeldig(Exception):
    """A feed this build wrote does not fit the SC schema."""


def slug(naam: str) -> str:
    """The municipality's name as a file name: 'Stede Broec' -> 'stede-broec'."""
    plain = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _product_dates(cat: Catalogue, p: s.Product) -> list[dt.date]:
    days = [d for k in p.kengetallen for d in cat.parameters[k].leaf.waarden]
    for table in cat.tarieven.values():
        for row in table.rijen:
            if p.id == row.product or p.id in row.ook_voor:
                days += list(row.waarden)
    return days


def modified(cat: Catalogue, p: s.Product) -> dt.date | None:
    """dcterms:modified (006, 4): the latest date of the product's own values (tariffs, kengetallen).

    A product without dated values takes the latest date of its region's products: the sources date
    no product description, so this is our reading (README, "SC-feeds")."""
    own = _product_dates(cat, p)
    if own:
        return max(own)
    region = [d for q in cat.producten.values() if q.regio == p.regio for d in _product_dates(cat, q)]
    return max(region) if region else None


def _body(p: s.Product) -> str:
    """The product description as text (006, 4: body), in the card's order."""
    parts = [p.omschrijving]
    for titel, items in (("Voor wie", p.doelgroep), ("Voorwaarden en grenzen", p.voorwaarden)):
        if items:
            parts.append(f"{titel}:\n" + "\n".join(f"- {i}" for i in items))
    return "\n\n".join(parts)


def _el(parent: etree._Element, ns: str, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{NS[ns]}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def feed(cat: Catalogue, regio: str, gemeente: s.Gemeente, site_url: str) -> bytes:
    """The SC 4.0 feed of one municipality: every product of its region (006, 4)."""
    root = etree.Element(f"{{{OVERHEIDPRODUCT}}}scproducten", nsmap={**NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    gem = {"scheme": "overheid:Gemeente", "resourceIdentifier": gemeente.owms or ""}
    for p in sorted((q for q in cat.producten.values() if q.regio == regio), key=lambda q: q.id):
        day = modified(cat, p)
        if day is None:
            continue  # no date at all: an SC product must carry dcterms:modified
        product = _el(root, "overheidproduct", "scproduct", **{"owms-version": "4.0"})
        meta = _el(product, "overheidproduct", "meta")
        kern = _el(meta, "overheidproduct", "owmskern")
        _el(kern, "dcterms", "identifier", site_url + product_url(p))
        _el(kern, "dcterms", "title", p.naam)
        _el(kern, "dcterms", "language", "nl")
        _el(kern, "dcterms", "type", "productbeschrijving", scheme="overheid:Informatietype")
        _el(kern, "dcterms", "modified", day.isoformat())
        _el(kern, "dcterms", "spatial", gemeente.naam, **gem)
        _el(kern, "overheid", "authority", gemeente.naam, **gem)
        mantel = _el(meta, "overheidproduct", "owmsmantel")
        _el(mantel, "dcterms", "audience", "particulier", scheme="overheid:Doelgroep")
        _el(mantel, "dcterms", "abstract", p.samenvatting)
        scmeta = _el(meta, "overheidproduct", "scmeta")
        _el(scmeta, "overheidproduct", "productID", p.id)
        # Nothing can be applied for on this site: a resident asks the municipality (005, 1).
        _el(scmeta, "overheidproduct", "onlineAanvragen", "nee")
        naam = upl(cat, p)
        _el(
            scmeta,
            "overheidproduct",
            "uniformeProductnaam",
            naam["naam"],
            scheme="overheid:UniformeProductnaam",
            resourceIdentifier=naam["uri"],
        )
        _el(product, "overheidproduct", "body", _body(p))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


def feeds(cat: Catalogue, site_url: str) -> dict[str, bytes]:
    """Per municipality slug its feed, for every municipality (with an OWMS name) whose region has
    products; each is checked against the schema. Raises FeedOngeldig."""
    check = schema()
    out: dict[str, bytes] = {}
    for key, regio in cat.regios.items():
        if not any(p.regio == key for p in cat.producten.values()):
            continue
        for gemeente in regio.gemeenten:
            if gemeente.owms is None:
                continue  # a made-up test municipality has no official name to publish under
            xml = feed(cat, key, gemeente, site_url)
            doc = etree.fromstring(xml)
            if not check.validate(doc):
                raise FeedOngeldig(f"sc/{slug(gemeente.naam)}.xml: {check.error_log.last_error}")
            out[slug(gemeente.naam)] = xml
    return out
