"""Pages read as words: headings that are not file names, Dutch plurals, a comparison per product."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from catalogue.formatting import aantal
from catalogue.steps import validate


@pytest.fixture(scope="module")
def cat(root: Path):
    return validate(root / "content")


def _text(built_site: Path, rel: str) -> str:
    return html.unescape((built_site / rel / "index.html").read_text(encoding="utf-8"))


def test_kengetallen_koppen_in_woorden(built_site, cat):
    page = _text(built_site, "kengetallen")
    # The glossary may wrap a word of a heading in <abbr>; the heading is its text.
    headings = [
        (i, re.sub(r"<[^>]+>", "", inner).replace("¶", ""))
        for i, inner in re.findall(r'<h2 id="([a-z_]+)"[^>]*>(.*?)</h2>', page, re.S)
    ]
    assert {i for i, _ in headings} == {pf.name for pf in cat.parameter_files}
    titles = dict(headings)
    assert titles["hhm_uren"].strip() == "HHM-uren per product"
    by_name = {pf.name: pf.titel for pf in cat.parameter_files}
    for name, title in headings:
        assert "_" not in title and title.strip() == by_name[name], (name, title)
    assert "Hhm uren" not in page and "Ho normenkader" not in page


def test_aantal_kiest_enkelvoud_en_meervoud():
    assert aantal(1, "eis", "eisen") == "1 eis"
    assert aantal(0, "eis", "eisen") == "geen eisen"
    assert aantal(3, "competentie", "competenties") == "3 competenties"


def test_aanbieders_overzicht_in_goed_nederlands(built_site, cat):
    page = _text(built_site, "aanbieders")
    assert not re.search(r"\b1 (eisen|competenties)\b", page)
    assert not re.search(r"\b0 (eisen|competenties|eis|competentie)\b", page)
    one = [p for p in cat.producten.values() if len(p.eisen_aanbieder) == 1]
    assert one and "1 eis aan de aanbieder" in page
    assert "geen competenties van de medewerker" in page or all(
        p.competenties_medewerker for p in cat.producten.values()
    )


def test_vergelijking_een_regel_per_product_een_kolom_per_regio(built_site, cat):
    page = (built_site / "vergelijking" / "index.html").read_text(encoding="utf-8")
    grouped = [p for p in cat.producten.values() if p.vergelijking]
    rows = re.findall(r"<tr><(?:th|td)[^>]*>.*?</tr>", page, flags=re.S)
    body_rows = [r for r in rows if 'scope="row"' in r]
    assert len(body_rows) == len(grouped)
    for p in grouped:
        hits = [r for r in body_rows if f"/{p.regio}/{p.id}/" in r]
        assert len(hits) == 1, p.id
        cells = re.findall(r"<t[hd][^>]*>", hits[0])
        table = page[: page.index(hits[0])]
        header = table[table.rindex("<thead>") :]
        regions = re.findall(r'<th scope="col">([^<]+)</th>', header)
        # The product sits in its own region's column; every row has the same number of cells.
        assert len(cells) == len(regions), p.id
        column = [i for i, c in enumerate(cells) if 'scope="row"' in c][0]
        assert regions[column] == cat.regios[p.regio].naam, p.id
    assert "Eigen lezing van dit project" in page
    # 003 gives logeerzorg € 243,94 per etmaal; the comparison shows it per its unit.
    assert "€\u00a0243,94 per etmaal" in html.unescape(page)
