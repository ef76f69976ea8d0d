"""HO indication details beyond the case files: what the explanation says and the maatwerk points."""

from __future__ import annotations

import copy
import json

from calculator import api
from calculator.regels.ho_normenkader import MAALTIJD_PRODUCT_MAX


def test_toelichting_noemt_afronding_en_kamerhuurder() -> None:
    uit = api.run("ho", {"duur_maanden": 12, "boodschappen": True})
    stappen = [s["stap"] for s in uit["toelichting"]]
    assert any("commerciële kamerhuurder" in s for s in stappen)
    assert any("afgerond op hele uren (half naar boven)" in s for s in stappen)
    assert any("afgeleid" in s for s in stappen)
    regels = [s["regel"] for s in uit["toelichting"]]
    assert regels.index("minimale_duur") < regels.index("basismodule") < regels.index("totaal_minuten")
    # 125 min x 52 / 60 = 108.33 plus boodschappen 44.2 HHM hours = 152.53, rounded once: 153.
    assert uit["structureel_uren_per_jaar"] == "153" and uit["uren_eerste_jaar"] == "153"
    assert uit["uren_eerste_jaar_onafgerond"] == "152.53"
    assert "uren_per_jaar" not in uit


def test_maaltijden_maatwerk_zonder_en_met_productmaximum(bundle: dict) -> None:
    situatie = {"duur_maanden": 12, "broodmaaltijden_dagen_per_week": 7, "vaatwasser": True}
    punten = [m["melding"] for m in api.run("ho", situatie)["maatwerk"]]
    assert any("Maaltijdvoorziening" in p for p in punten)
    assert any("vaatwasser" in p for p in punten)

    if MAALTIJD_PRODUCT_MAX in bundle["parameters"]:
        met = bundle
    else:  # the parameter this rule can use once content/regels has it
        met = copy.deepcopy(bundle)
        met["parameters"][MAALTIJD_PRODUCT_MAX] = {
            "beschrijving": "test",
            "eenheid": "keer per week",
            "waarden": [
                {"vanaf": "2026-01-01", "waarde": "5", "bron": {"document": "003", "sectie": "Bijlage 6"}}
            ],
        }
    zeven = [m["melding"] for m in api.run("ho", situatie, bundle=met)["maatwerk"]]
    vijf = [
        m["melding"]
        for m in api.run("ho", {**situatie, "broodmaaltijden_dagen_per_week": 5}, bundle=met)["maatwerk"]
    ]
    assert any("hoogstens 5 keer per week" in p for p in zeven)
    assert not any("keer per week" in p for p in vijf)


def test_ouder_kind_en_schoolgang_zonder_jong_kind_zijn_maatwerk() -> None:
    uit = api.run(
        "ho", {"duur_maanden": 3, "kinderen": [{"leeftijd": 8}], "kinderen_naar_school_per_week": 5}
    )
    assert uit["minuten_per_week"] == "125"
    punten = " ".join(m["melding"] for m in uit["maatwerk"])
    assert "8 jaar" in punten and "Naar school" in punten


def test_kindzorg_bij_te_korte_duur_is_een_aanname() -> None:
    uit = api.run("ho", {"duur_maanden": 2, "kinderen": [{"leeftijd": 1, "luiers_per_week": 35}]})
    assert uit["toegekend"] is True
    assert [d["onderdeel"] for d in uit["onderdelen"]] == ["kindzorg"]
    assert "Aanname" in uit["maatwerk"][0]["melding"]
    assert uit["redenen_niet_toegekend"] == []


def test_velden_die_bij_elkaar_horen() -> None:
    for invoer, veld in [
        ({"duur_maanden": 12, "regie_aanleren_weken": 2}, "regie_aanleren_weken"),
        ({"duur_maanden": 12, "strijken": True}, "strijken"),
        ({"duur_maanden": 12, "kinderen_naar_school_per_week": 2}, "kinderen_naar_school_per_week"),
        ({"duur_maanden": 12, "kindzorg_duur_maanden": 2}, "kindzorg_duur_maanden"),
    ]:
        antwoord = api.run_json("ho", json.dumps(invoer))
        assert f'"veld": "{veld}"' in antwoord, antwoord
