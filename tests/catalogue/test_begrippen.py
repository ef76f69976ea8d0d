"""The glossary: required terms, one tooltip per spelling, valid sources, and the generated abbreviations."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.begrippen import abbr, abbreviations
from catalogue.errors import ContentErrors
from catalogue.steps import validate

VERPLICHT = (
    "Wmo",
    "maatwerkvoorziening",
    "indicatie",
    "beschikking",
    "pgb",
    "zorg in natura",
    "sociaal netwerk",
    "werkgeverslasten",
    "eigen bijdrage",
    "keukentafelgesprek",
    "peildatum",
)


@pytest.fixture(scope="module")
def cat(root: Path):
    return validate(root / "content")


def test_de_begrippen_uit_het_issue_staan_erin(cat):
    assert set(VERPLICHT) <= set(cat.begrippen)
    for term in VERPLICHT:
        assert term in cat.begrippen[term].woorden


def test_elk_woord_wordt_een_afkorting_met_de_uitleg(cat):
    tekst = abbreviations(cat)
    regels = tekst.splitlines()
    assert len(regels) == sum(len(b.woorden) for b in cat.begrippen.values())
    assert "*[pgb]: Persoonsgebonden budget:" in tekst
    assert all(r.startswith("*[") and "]: " in r for r in regels)


def test_abbr_voor_html_en_onbekend_woord_stopt_de_bouw(cat):
    html = abbr(cat, "pgb", "PGB")
    assert html.startswith('<abbr title="Persoonsgebonden budget') and html.endswith(">PGB</abbr>")
    with pytest.raises(KeyError, match="begrippen.yaml"):
        abbr(cat, "onzinwoord")


def test_een_woord_bij_twee_begrippen_en_een_onbekende_bron_worden_gemeld(tmp_path, root):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(root / "content", content)
    pad = content / "begrippen.yaml"
    pad.write_text(
        pad.read_text(encoding="utf-8")
        + '\ndubbel:\n  woorden: [pgb]\n  uitleg: Iets.\n  bron: {document: "999", sectie: "x"}\n',
        encoding="utf-8",
    )
    with pytest.raises(ContentErrors) as info:
        validate(content)
    meldingen = [str(e) for e in info.value.errors]
    assert any("dubbel.woorden.0" in m and "'pgb' staat ook bij 'pgb'" in m for m in meldingen), meldingen
    assert any("dubbel.bron" in m and "999" in m for m in meldingen), meldingen
