"""Every "Bron" points to its section: each cited section has an anchor, every link resolves."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from catalogue.bronverwijzing import cited_sections, datum_in_bron, section_anchor
from catalogue.formatting import datum
from catalogue.steps import validate
from tests.catalogue.bronteksten import text


@pytest.fixture(scope="module")
def cat(root: Path):
    return validate(root / "content")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        if d.get("id"):
            self.ids.add(d["id"])
        if tag == "a" and d.get("href"):
            self.hrefs.append(d["href"])


def _parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _flat(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def test_elke_sectienaam_staat_letterlijk_in_de_bron(cat, bronnen_dir):
    """The sections we anchor are the document's own headings, not names we made up."""
    for key, doc in cat.bronnen.items():  # every source of content/bronnen.yaml, a new one too
        source = _flat(text(bronnen_dir, key))
        for sec in doc.secties:
            assert _flat(sec).rstrip(".") in source, f"bron {key}: sectie {sec!r} staat niet in de bron"


def test_elke_geciteerde_sectie_heeft_een_anker_met_wat_erop_steunt(built_site, cat):
    page = built_site / "bronnen" / "index.html"
    ids = _parse(page).ids
    # Glossary tooltips wrap words in <abbr>; the citation is the text around them.
    html = re.sub(r"</?abbr[^>]*>", "", page.read_text(encoding="utf-8"))
    cited = cited_sections(cat)
    assert len(cited) >= 20
    for (document, section), parts in cited.items():
        anchor = section_anchor(document, section)
        assert anchor in ids, anchor
        chunk = html[html.index(f'id="{anchor}"') :]
        chunk = chunk[: chunk.find("<h3", 10) if "<h3" in chunk[10:] else len(chunk)]
        for items in parts.values():
            for c in items:
                assert c.naam.replace("&", "&amp;")[:40] in chunk, (anchor, c.naam)


def test_elke_bronlink_op_de_site_komt_uit_bij_een_sectie(built_site):
    pages = sorted(built_site.rglob("*.html"))
    bronnen_ids = _parse(built_site / "bronnen" / "index.html").ids
    checked = 0
    for page in pages:
        rel = page.relative_to(built_site).as_posix()
        for href in _parse(page).hrefs:
            if "bronnen/#" not in href:
                continue  # the sources page's own table of contents links to #bron-000 etc.
            target = urlparse(urljoin(f"https://site.test/{rel}", href))
            assert target.path == "/bronnen/", (rel, href)
            fragment = unquote(target.fragment)
            assert fragment in bronnen_ids, (rel, href)
            # A Bron link names a section, not only a document (bron-002 alone is too coarse).
            assert re.fullmatch(r"bron-\d{3}-[a-z0-9-]+", fragment), (rel, href)
            checked += 1
    assert checked > 300


def test_bundel_en_downloads_wijzen_naar_secties(built_site, root):
    ids = _parse(built_site / "bronnen" / "index.html").ids
    bundle = json.loads((root / "calculator" / "data" / "bundle.json").read_text(encoding="utf-8"))
    for doc in bundle["bronnen"].values():
        assert doc["secties"]
        for url in doc["secties"].values():
            assert url.split("#")[1] in ids, url
    urls = [w["bron_url"] for p in bundle["parameters"].values() for w in p["waarden"]]
    urls += [t["bron_url"] for t in bundle["tarieven"].values()]
    urls += [w["bron_url"] for t in bundle["tarieven"].values() for r in t["rijen"] for w in r["waarden"]]
    assert urls and all(u.split("#")[1] in ids for u in urls)
    for name in ("tarieven.csv", "kengetallen.csv", "producten.csv"):
        csv = (built_site / "downloads" / name).read_text(encoding="utf-8-sig")
        found = re.findall(r"bronnen/#([a-z0-9-]+)", csv)
        assert found and set(found) <= ids, name


def test_datum_alleen_als_de_bron_hem_noemt(cat, bronnen_dir):
    """A start date is shown plainly only where the source's own words give that day."""
    values = [(dv.bron, day) for prm in cat.parameters.values() for day, dv in prm.leaf.waarden.items()]
    for t in cat.tarieven.values():
        values += [(dv.bron, day) for day, dv in (t.uurtarief or {}).items()]
        values += [(dv.bron, day) for r in t.rijen for day, dv in r.waarden.items()]
    plain = 0
    for bron, day in values:
        source = _flat(text(bronnen_dir, bron.document))
        if datum_in_bron(cat.bronnen, bron, day):
            assert _flat(datum(day)) in source, (bron, day)
            plain += 1
    # 003 Bijlage 11 gives "per 1 januari 2026"; 001, 002 ("juni 2019") and Bijlagen 4/6/8/10 give no day.
    assert plain > 80
    t001 = _flat(text(bronnen_dir, "001"))
    assert "2026" not in t001 and "1 juni 2019" not in _flat(text(bronnen_dir, "002"))
    assert "juni 2019" in _flat(text(bronnen_dir, "002"))
    for bron, day in values:
        undated = ("Bijlage 4", "Bijlage 6", "Bijlage 8", "Bijlage 10")
        if bron.document in ("001", "002") or bron.sectie.startswith(undated):
            assert not datum_in_bron(cat.bronnen, bron, day), (bron, day)


def test_pagina_zegt_datum_niet_in_de_bron(built_site):
    kengetallen = (built_site / "kengetallen" / "index.html").read_text(encoding="utf-8")
    assert "datum niet in de bron; wij rekenen vanaf 1 juni 2019" in kengetallen
    assert "datum niet in de bron; wij rekenen vanaf 1 januari 2023" in kengetallen
    assert "datum niet in de bron; wij rekenen vanaf 1 januari 2026" in kengetallen  # 001, HHT
    hulpmiddelen = (built_site / "tarieven" / "halderberge" / "index.html").read_text(encoding="utf-8")
    assert "datum niet in de bron" in hulpmiddelen
    card = (built_site / "producten" / "halderberge" / "ho-light" / "index.html").read_text(encoding="utf-8")
    # The Bijlage 11 amounts on a card carry the plain date the source gives.
    assert re.search(r"€\u00a071,51</td>\s*<td>euro per maand</td>\s*<td>1 januari 2026</td>", card)


def test_elke_waarde_in_bundel_en_downloads_wijst_naar_haar_citaat(built_site, root):
    """A figure's bron_url (bundle, csv downloads) is the quotation of its cited lines on the page."""
    html = (built_site / "bronnen" / "index.html").read_text(encoding="utf-8")
    quotes = set(re.findall(r'<blockquote class="bron-citaat[^"]*" id="([^"]+)"', html))
    bundle = json.loads((root / "calculator" / "data" / "bundle.json").read_text(encoding="utf-8"))
    waarden = [w for p in bundle["parameters"].values() for w in p["waarden"]]
    waarden += [w for t in bundle["tarieven"].values() for r in t["rijen"] for w in r["waarden"]]
    assert len(waarden) > 150
    for w in waarden:
        assert w["bron"]["tekstregels"], w
        assert w["bron_url"].endswith(f"-regels-{w['bron']['tekstregels']}"), w
        assert w["bron_url"].split("#")[1] in quotes, w["bron_url"]
    for name in ("tarieven.csv", "kengetallen.csv"):
        csv = (built_site / "downloads" / name).read_text(encoding="utf-8-sig")
        found = set(re.findall(r"bronnen/#([a-z0-9-]+-regels-[0-9-]+)", csv))
        assert found and found <= quotes, name
