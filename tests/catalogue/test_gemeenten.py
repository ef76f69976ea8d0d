"""Every municipality and village a resident may name leads to the region whose rules apply (006, 1)."""

from __future__ import annotations

import re
from pathlib import Path

from calculator import data


def _bron_leden(bronnen_dir: Path) -> dict[str, set[str]]:
    """Section 1 of source 006: per region (by its source document) the names it lists after the colon."""
    tekst = (bronnen_dir / "006_gemeenten_en_catalogusafspraken.txt").read_text(encoding="utf-8")
    deel = tekst[tekst.index("1. Welke gemeenten") : tekst.index("2. Officiële namen")]
    leden = {}
    for punt in re.split(r"\n   1\.\d ", deel)[1:4]:
        document = re.search(r"\(bron (\d{3})\)", punt).group(1)
        lijst = " ".join(punt.split(":", 1)[1].split(".")[0].split())
        leden[document] = {n.strip() for n in re.split(r",| en ", lijst) if n.strip()}
    return leden


def _regio_van_document(bundle: dict) -> dict[str, str]:
    return {r["bron"]["document"]: k for k, r in bundle["regios"].items()}


def test_elke_gemeente_en_elk_dorp_uit_de_bron_hoort_bij_zijn_regio(bronnen_dir):
    bundle = data.actief()
    regio_van = _regio_van_document(bundle)
    bron = _bron_leden(bronnen_dir)
    assert set(bron) == {"001", "003", "004"}
    for document, namen in bron.items():
        regio = bundle["regios"][regio_van[document]]
        in_content = {g["naam"] for g in regio["gemeenten"]} | {
            d for g in regio["gemeenten"] for d in g["dorpen"]
        }
        # Halderberge (1.3) lists its villages; the municipality itself is the region's one member.
        assert namen <= in_content, (document, namen - in_content)
        assert in_content - namen <= {regio["naam"]}, (document, in_content - namen)


def test_veertien_gemeenten_en_vijf_dorpen_elk_in_een_regio():
    gemeenten = [g for r in data.actief()["regios"].values() for g in r["gemeenten"]]
    namen = [g["naam"] for g in gemeenten] + [d for g in gemeenten for d in g["dorpen"]]
    assert len({g["naam"] for g in gemeenten}) == 14  # 006, 1.1-1.3: 7 + 6 + 1
    assert sum(len(g["dorpen"]) for g in gemeenten) == 5  # 006, 1.3
    assert len(namen) == len(set(namen)), "een naam hoort bij twee regio's"
