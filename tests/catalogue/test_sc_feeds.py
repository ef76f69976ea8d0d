"""UPL and OWMS names from source 006 (2, 3) and the SC 4.0 feed per municipality (006, 4).

The allowed names are read from the source text here with a pattern of the test's own; the feeds
are parsed from the built site and every product and field is compared with the product files.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import etree

from catalogue import sc
from catalogue.errors import ContentErrors
from catalogue.steps import validate

URI = r"http://standaarden\.overheid\.nl/owms/terms/\S+"
NS = {
    "overheidproduct": "http://standaarden.overheid.nl/product/terms/",
    "overheid": "http://standaarden.overheid.nl/owms/terms/",
    "dcterms": "http://purl.org/dc/terms/",
}


def _006(bronnen_dir: Path) -> str:
    return next(bronnen_dir.glob("006_*.txt")).read_text(encoding="utf-8")


def _lijst(text: str, start: str, end: str) -> dict[str, str]:
    """'  name   URI ...' lines between two headings of 006."""
    chunk = text[text.index(start) : text.index(end)]
    return {m.group(1): m.group(2) for m in re.finditer(rf"^ +(\S[^\n]*?) {{2,}}({URI})", chunk, re.M)}


@pytest.fixture(scope="module")
def owms_006(bronnen_dir):
    return _lijst(_006(bronnen_dir), "2. Officiële namen", "3. Uniforme Productnamenlijst")


@pytest.fixture(scope="module")
def upl_006(bronnen_dir):
    return _lijst(_006(bronnen_dir), "3. Uniforme Productnamenlijst", "4. Samenwerkende Catalogi")


@pytest.fixture(scope="module")
def producten(root) -> dict[str, dict]:
    files = root.glob("content/producten/*/*.yaml")
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in files}


@pytest.fixture(scope="module")
def regios(root) -> dict[str, dict]:
    return yaml.safe_load((root / "content" / "regios.yaml").read_text(encoding="utf-8"))


def test_006_lists_fourteen_municipalities_and_nine_upl_names(owms_006, upl_006):
    assert len(owms_006) == 14 and owms_006["Hoorn"].endswith("Hoorn_(gemeente)")
    assert len(upl_006) == 9 and upl_006["wmo-voorziening"].endswith("/wmo-voorziening")


def test_every_owms_and_upl_in_content_is_the_one_006_gives(regios, producten, owms_006, upl_006, root):
    for regio in regios.values():
        for g in regio["gemeenten"]:
            assert g["owms"] == owms_006[g["naam"]], g["naam"]
    bundle = validate(root / "content")
    for pid, p in producten.items():
        assert p["upl"]["naam"] in upl_006, pid
        assert bundle.afspraken.upl[p["upl"]["naam"]].uri == upl_006[p["upl"]["naam"]]
        # Begeleiding has no own UPL name (006, 3): the general name, and the choice is an Aanname.
        if p["categorie"] == "begeleiding":
            assert p["upl"]["naam"] == "wmo-voorziening" and p["upl"]["aanname"], pid


def test_build_refuses_an_owms_or_upl_that_006_does_not_list(root, tmp_path):
    work = tmp_path / "content"
    shutil.copytree(root / "content", work)
    regios = work / "regios.yaml"
    regios.write_text(
        regios.read_text(encoding="utf-8").replace("terms/Hoorn_(gemeente)", "terms/Hoorn"),
        encoding="utf-8",
    )
    product = work / "producten" / "halderberge" / "ho-light.yaml"
    product.write_text(
        product.read_text(encoding="utf-8").replace(
            "upl: {naam: huishoudelijke hulp", "upl: {naam: schoonmaakhulp"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentErrors) as exc:
        validate(work)
    messages = [str(e) for e in exc.value.errors]
    assert any("gemeenten.2.owms" in m and "Hoorn" in m for m in messages), messages
    assert any("ho-light.yaml" in m and "upl.naam" in m and "schoonmaakhulp" in m for m in messages)


def _dates(root: Path, pid: str, p: dict) -> list[str]:
    days = []
    for f in root.glob("content/tarieven/*/*.yaml"):
        for row in yaml.safe_load(f.read_text(encoding="utf-8"))["rijen"]:
            if pid == row["product"] or pid in row.get("ook_voor", []):
                days += [str(d) for d in row["waarden"]]
    for key in p["kengetallen"]:
        name, *path = key.split(".")
        node = yaml.safe_load((root / "content" / "regels" / f"{name}.yaml").read_text(encoding="utf-8"))
        for part in path:
            node = node[part]
        days += [str(d) for d in node["waarden"]]
    return days


def test_every_feed_is_valid_and_holds_every_product_as_the_files_say(built_site, root, producten, regios):
    schema = etree.XMLSchema(etree.parse(str(sc.SCHEMA_FILE)))
    expected = {
        g["naam"]: (key, g)
        for key, r in regios.items()
        if any(p["regio"] == key for p in producten.values())
        for g in r["gemeenten"]
    }
    slugs = {sc.slug(naam): naam for naam in expected}
    assert {"hoorn", "halderberge", "stede-broec"} <= set(slugs)
    assert {f.stem for f in (built_site / "sc").glob("*.xml")} == set(slugs)
    for slug, naam in slugs.items():
        key, gemeente = expected[naam]
        doc = etree.parse(str(built_site / "sc" / f"{slug}.xml"))
        assert schema.validate(doc), (slug, schema.error_log.last_error)
        items = doc.findall("overheidproduct:scproduct", NS)
        region_products = {pid: p for pid, p in producten.items() if p["regio"] == key}
        ids = [i.findtext(".//overheidproduct:productID", namespaces=NS) for i in items]
        assert sorted(ids) == sorted(region_products), slug
        region_days = [d for pid, p in region_products.items() for d in _dates(root, pid, p)]
        for item, pid in zip(items, ids, strict=True):
            p = region_products[pid]
            kern = item.find(".//overheidproduct:owmskern", NS)
            assert kern.findtext("dcterms:identifier", namespaces=NS).endswith(f"producten/{key}/{pid}/")
            assert kern.findtext("dcterms:title", namespaces=NS) == p["naam"]
            assert kern.findtext("dcterms:language", namespaces=NS) == "nl"
            assert kern.findtext("dcterms:type", namespaces=NS) == "productbeschrijving"
            assert kern.findtext("dcterms:modified", namespaces=NS) == max(
                _dates(root, pid, p) or region_days
            )
            for tag in ("dcterms:spatial", "overheid:authority"):
                el = kern.find(tag, NS)
                assert (el.text, el.get("resourceIdentifier")) == (naam, gemeente["owms"]), (slug, tag)
                assert el.get("scheme") == "overheid:Gemeente"
            mantel = item.find(".//overheidproduct:owmsmantel", NS)
            assert mantel.findtext("dcterms:audience", namespaces=NS) == "particulier"
            assert mantel.findtext("dcterms:abstract", namespaces=NS) == p["samenvatting"]
            scmeta = item.find(".//overheidproduct:scmeta", NS)
            assert scmeta.findtext("overheidproduct:onlineAanvragen", namespaces=NS) == "nee"
            upl = scmeta.find("overheidproduct:uniformeProductnaam", NS)
            assert upl.text == p["upl"]["naam"] and upl.get("resourceIdentifier").endswith(
                {"huishoudelijke hulp": "/huishHulp", "wmo-voorziening": "/wmo-voorziening"}[p["upl"]["naam"]]
            )
            body = item.findtext("overheidproduct:body", namespaces=NS)
            assert body.startswith(" ".join(p["omschrijving"].split())), pid


def test_a_feed_that_breaks_the_schema_is_refused():
    bad = etree.fromstring(
        b'<overheidproduct:scproducten xmlns:overheidproduct="http://standaarden.overheid.nl/product/terms/">'
        b'<overheidproduct:scproduct owms-version="4.0"><overheidproduct:body>x</overheidproduct:body>'
        b"</overheidproduct:scproduct></overheidproduct:scproducten>"
    )
    assert not sc.schema().validate(bad)
