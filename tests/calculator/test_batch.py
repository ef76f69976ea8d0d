"""Batch in process: cell parsing, pass-through columns, the advies soort, many rows."""

from __future__ import annotations

import csv
import io

import pytest

from calculator import api, batch
from calculator.errors import InvoerFout


def draai(tekst: str, soort: str = "ho") -> list[dict]:
    uit = io.StringIO()
    batch.process(io.StringIO(tekst), uit, soort)
    return list(csv.DictReader(io.StringIO(uit.getvalue())))


def test_cellen_worden_getypeerd_als_de_json_invoer() -> None:
    rijen = draai(
        "_naam,duur_maanden,huisgenoten_die_kunnen_helpen,lichte_taken_zelf,wasverzorging,strijken,boodschappen\n"
        "Jan,12,0,ja,1_persoon,waar,1\n"
        "Piet,12,0,false,geen,,\n"
        "Kees,12,true,,,,\n"
    )
    verwacht = api.run(
        "ho",
        {
            "duur_maanden": 12,
            "lichte_taken_zelf": True,
            "wasverzorging": "1_persoon",
            "strijken": True,
            "boodschappen": True,
        },
    )
    assert rijen[0]["_naam"] == "Jan"
    for kolom in (
        "minuten_per_week",
        "structureel_minuten_per_week",
        "uren_eerste_jaar",
        "structureel_uren_per_jaar",
    ):
        assert rijen[0][kolom] == verwacht[kolom], kolom
    assert "uren_per_jaar" not in rijen[0]
    assert rijen[1]["minuten_per_week"] == "125"
    # A number of housemates is a count, not a yes or no (true was once read as one).
    assert "kunnen overnemen moet een heel getal zijn" in rijen[2]["fouten"]


def test_fouten_per_rij_en_de_rest_gaat_door() -> None:
    rijen = draai("duur_maanden,kinderen,regie\n12,[kapot,\nx,,soms\n12,,\n1,2,3,4\n")
    assert rijen[0]["fouten"].startswith("Kinderen is geen geldige JSON")
    assert "Verwachte duur van de ondersteuning" in rijen[1]["fouten"]
    assert "Ondersteuning bij regie en organisatie" in rijen[1]["fouten"]
    assert rijen[2]["fouten"] == "" and rijen[2]["structureel_uren_per_jaar"] == "108"
    assert "cellen" in rijen[3]["fouten"]


def test_dubbele_of_onbekende_kolommen() -> None:
    with pytest.raises(InvoerFout) as e:
        draai("duur_maanden,duur_maanden,kleur\n1,2,3\n")
    assert {f["veld"] for f in e.value.fouten} - {None} == {"duur_maanden", "kleur"}
    with pytest.raises(InvoerFout):
        draai("")


def test_advies_in_batch() -> None:
    rijen = draai(
        "regio,wekelijks_nodig,kan_taken_leren,boodschappen\nhalderberge,nee,,\nhalderberge,ja,ja,ja\n",
        soort="advies",
    )
    assert rijen[0]["producten"].startswith("ho-light") and rijen[0]["per_maand_sociaal-netwerk"] == "71.51"
    assert rijen[1]["uren_per_jaar"] == "178.2"  # 134 + 44.2


def test_veel_rijen_met_herhaling_blijven_juist() -> None:
    regels = ["id,duur_maanden,extra_ruimten"] + [f"{i},{3 + i % 5},{i % 3}" for i in range(2000)]
    rijen = draai("\n".join(regels) + "\n")
    assert len(rijen) == 2000
    for i, rij in enumerate(rijen):
        verwacht = api.run("ho", {"duur_maanden": 3 + i % 5, "extra_ruimten": i % 3})
        assert rij["id"] == str(i) and rij["minuten_per_week"] == verwacht["minuten_per_week"]


def test_een_niet_gesloten_aanhalingsteken_kost_alleen_die_rij() -> None:
    """Issue 20, finding 5: `1,"Jansen,12` swallowed the three good rows after it into one cell,
    and the message blamed the separator."""
    rijen = draai(
        "id,duur_maanden,peildatum\n"
        '1,"Jansen,12,2026-06-01\n'
        "2,12,2026-06-01\n3,12,2026-06-01\n4,12,2026-06-01\n"
    )
    assert len(rijen) == 4
    assert "aanhalingsteken" in rijen[0]["fouten"] and "scheidingsteken" not in rijen[0]["fouten"]
    assert [r["id"] for r in rijen[1:]] == ["2", "3", "4"]
    for r in rijen[1:]:
        assert r["fouten"] == "" and r["toegekend"] == "true"
        # 002, 4. Resultaten: the basismodule alone is 125 minutes a week.
        assert r["minuten_per_week"] == "125"
