"""Every product and every tariff amount in the sources is in the content, the bundle and the site.

The expected sets are read from the source texts themselves, not from our own content.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from bronteksten import (
    amounts,
    beschermd_wonen_producten,
    productnamen,
    section,
    text,
    westfriesland_producten,
)

from catalogue.formatting import euro_pagina as euro
from catalogue.steps import validate


def norm(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower()


@pytest.fixture(scope="module")
def cat(root: Path):
    return validate(root / "content")


@pytest.fixture(scope="module")
def bron_producten(bronnen_dir: Path) -> dict[str, list[str]]:
    t003 = text(bronnen_dir, "003")
    return {
        "ho": productnamen(section(t003, "Bijlage 6 Omschrijvingen", "Bijlage 7")),
        "ho_000": productnamen(text(bronnen_dir, "000")),
        "begeleiding": productnamen(section(t003, "Bijlage 8 Omschrijvingen", "Bijlage 9")),
        "westfriesland": westfriesland_producten(text(bronnen_dir, "001")),
        "beschermd": beschermd_wonen_producten(t003),
    }


def test_bron_telt_38_producten(bron_producten):
    # 10 HO, 13 begeleiding/dagbesteding/vervoer/logeerzorg, 9 Westfriesland, 6 beschermd wonen
    counts = {k: len(v) for k, v in bron_producten.items()}
    assert counts == {"ho": 10, "ho_000": 10, "begeleiding": 13, "westfriesland": 9, "beschermd": 6}
    assert norm(" ".join(bron_producten["ho"])) == norm(" ".join(bron_producten["ho_000"]))


def test_elk_bronproduct_heeft_eigen_record(cat, bron_producten):
    by_region = {
        "halderberge": bron_producten["ho"] + bron_producten["begeleiding"] + bron_producten["beschermd"],
        "westfriesland": bron_producten["westfriesland"],
    }
    for regio, names in by_region.items():
        ours = Counter(norm(p.naam) for p in cat.producten.values() if p.regio == regio)
        assert Counter(norm(n) for n in names) == ours, regio
    # Counted over the regions these sources describe: a municipality added later has its own sources.
    beschreven = [p for p in cat.producten.values() if p.regio in by_region]
    assert len(beschreven) == sum(len(v) for k, v in bron_producten.items() if k != "ho_000")


def test_elk_tariefbedrag_uit_de_bron_staat_in_de_bundel(cat, bronnen_dir, root):
    t003 = text(bronnen_dir, "003")
    source = Counter(amounts(section(t003, "Bijlage 11: Tarieven PGB", None)))
    source += Counter(amounts(section(t003, "Bijlage 4 PGB tarieven hulpmiddelen", "Bijlage 5")))
    assert sum(source.values()) == 113  # 3x(uurtarief + 11) + 17 + 18 + 11 + 1 + 15x2
    ours = Counter()
    for table in cat.tarieven.values():
        for dv in (table.uurtarief or {}).values():
            ours[dv.waarde] += 1
        for row in table.rijen:
            for dv in row.waarden.values():
                ours[dv.waarde] += 1
    assert ours == source


def test_tabellen_zonder_bedrag_zeggen_niet_in_de_bron(cat):
    rows = [r for t in cat.tarieven.values() for r in t.rijen if r.niet_in_bron]
    assert {r.product for r in rows} == {
        "beschermd-wonen",
        "beschermd-thuis-zwaar",
        "beschermd-thuis-midden",
        "beschermd-thuis-licht",
        "bouwsteen-beschermd-wonen-dagbesteding",
        "bouwsteen-wonen",
    }


def test_site_toont_elk_product_en_elk_bedrag_met_bron(built_site, cat, bronnen_dir):
    for p in cat.producten.values():
        page = built_site / "producten" / p.regio / p.id / "index.html"
        html = page.read_text(encoding="utf-8")
        assert p.naam.replace("&", "&amp;") in html, p.id
        assert "Bron:" in html and "bronnen/#bron-" in html, p.id
    tariffs = (built_site / "tarieven" / "halderberge" / "index.html").read_text(encoding="utf-8")
    t003 = text(bronnen_dir, "003")
    for amount in amounts(section(t003, "Bijlage 4 PGB tarieven hulpmiddelen", "Bijlage 5")) + amounts(
        section(t003, "Bijlage 11: Tarieven PGB", None)
    ):
        assert euro(amount) in tariffs, euro(amount)


def test_downloads_en_bundel(built_site, root):
    data = json.loads((built_site / "downloads" / "wmo-gegevens.json").read_text(encoding="utf-8"))
    bundle = json.loads((root / "calculator" / "data" / "bundle.json").read_text(encoding="utf-8"))
    assert data == bundle
    csv = (built_site / "downloads" / "tarieven.csv").read_text(encoding="utf-8-sig")
    assert (
        "pgb-begeleiding-professioneel;pgb-professioneel;Halderberge;begeleiding-stabilisatie-midden" in csv
    )
    assert ";1297,21;" in csv
    for name in ("producten.csv", "kengetallen.csv"):
        assert (built_site / "downloads" / name).stat().st_size > 500
