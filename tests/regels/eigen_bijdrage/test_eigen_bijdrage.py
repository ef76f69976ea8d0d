"""The eigen bijdrage against source 005 itself: its dated maxima (3.8) and its conditions (3.2-3.9)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calculator import api, data
from calculator.errors import InvoerFout
from calculator.regels.eigen_bijdrage import eigen_bijdrage
from calculator.trace import Toelichting

MAANDEN = {"januari": 1}


def bron_maxima(bronnen_dir: Path) -> dict[str, Decimal]:
    """The lines 'vanaf 1 januari 2020: € 19,00' of 005, 3.8, read from the source text."""
    tekst = (bronnen_dir / "005_wmo2015_pgb_cak.txt").read_text(encoding="utf-8")
    deel = tekst[tekst.index("3.8") : tekst.index("3.9")]
    return {
        f"{jaar}-{MAANDEN[maand]:02d}-{int(dag):02d}": Decimal(bedrag.replace(",", "."))
        for dag, maand, jaar, bedrag in re.findall(r"vanaf (\d+) (\w+) (\d{4}): € (\d+,\d\d)", deel)
    }


def test_de_vier_bedragen_van_de_bron_en_geen_andere(bronnen_dir):
    bron = bron_maxima(bronnen_dir)
    assert len(bron) == 4
    waarden = data.actief()["parameters"]["eigen_bijdrage.abonnementstarief"]["waarden"]
    assert {w["vanaf"]: Decimal(w["waarde"]) for w in waarden} == bron


@pytest.mark.parametrize("jaar", [2020, 2024, 2025, 2026])
def test_elk_bedrag_geldt_vanaf_zijn_eigen_datum(bronnen_dir, jaar):
    bron = bron_maxima(bronnen_dir)
    vanaf = f"{jaar}-01-01"
    uit = api.run("eigen_bijdrage", {"peildatum": vanaf})["eigen_bijdrage"]
    assert Decimal(uit["per_maand"]) == bron[vanaf]
    assert uit["bron"]["document"] == "005"


def test_de_stap_in_de_toelichting_noemt_bedrag_en_bron():
    t = Toelichting()
    eb = eigen_bijdrage(data.peil(date(2026, 6, 1)), t)
    assert eb.per_maand == Decimal("21.80")
    [stap] = t.stappen
    assert stap["waarde"] == "21.80" and stap["eenheid"] == "euro per maand"
    assert stap["bron"]["document"] == "005" and stap["bron"]["sectie"].startswith("3.")
    assert "per huishouden per maand" in stap["stap"] and "1 januari 2026" in stap["stap"]


def test_de_voorwaarden_uit_de_bron_staan_bij_het_antwoord():
    uit = api.run("eigen_bijdrage", {"peildatum": "2026-06-01"})["eigen_bijdrage"]
    teksten = " ".join(v["tekst"] for v in uit["voorwaarden"])
    # 005, 3.3 per huishouden; 3.4 not beschermd wonen; 3.5 cost price for aids over the whole use;
    # 3.7 municipalities may charge less to low incomes; 3.9 the 2027 change is not law, not computed.
    for woorden in ("per huishouden", "beschermd wonen", "hulpmiddel", "hele tijd", "laag inkomen", "2027"):
        assert woorden in teksten, woorden
    assert "nog geen wet" in teksten and "rekent er daarom niet mee" in teksten
    secties = {v["bron"]["sectie"].rsplit(", ", 1)[-1] for v in uit["voorwaarden"]}
    assert {"3.3", "3.4", "3.5", "3.7", "3.9"} <= secties


def test_voor_2020_geen_bedrag_maar_de_reden():
    uit = api.run("eigen_bijdrage", {"peildatum": "2019-12-31"})
    eb = uit["eigen_bijdrage"]
    assert eb["per_maand"] is None
    assert "1 januari 2020" in eb["opmerking"] and "31 december 2019" in eb["opmerking"]
    assert uit["toelichting"][0]["waarde"] == ""


def test_een_peildatum_die_geen_datum_is_wordt_uitgelegd():
    with pytest.raises(InvoerFout) as info:
        api.run("eigen_bijdrage", {"peildatum": "1 juni 2026"})
    assert [f["veld"] for f in info.value.fouten] == ["peildatum"]
    assert "1 juni 2026" in info.value.fouten[0]["melding"]
