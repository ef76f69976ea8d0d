"""The public API: run, run_json, InvoerFout, the shape of every soort's answer."""

from __future__ import annotations

import json

import pytest

from calculator import InvoerFout, api, data


def test_run_json_is_stabiel_en_gesorteerd() -> None:
    invoer = json.dumps({"duur_maanden": 12, "wasverzorging": "1_persoon"})
    eerste = api.run_json("ho", invoer)
    assert eerste == api.run_json("ho", invoer)
    assert eerste == json.dumps(json.loads(eerste), sort_keys=True, ensure_ascii=False)
    assert "\\u" not in eerste  # Dutch characters stay readable


def bundle_labels() -> dict[str, str]:
    return {k: v["label"] for k, v in data.actief()["invoer"]["velden"].items()}


def test_invoerfout_verzamelt_alle_problemen() -> None:
    with pytest.raises(InvoerFout) as e:
        api.run("ho", {"duur_maanden": -1, "extra_ruimten": "twee", "regie": "x", "wasverzorging": 3, "z": 1})
    assert [f["veld"] for f in e.value.fouten] == [
        "z",
        "duur_maanden",
        "extra_ruimten",
        "regie",
        "wasverzorging",
    ]
    labels = bundle_labels()
    for f in e.value.fouten[1:]:
        assert f["melding"].startswith(labels[f["veld"]]), "a message names the field as the form labels it"
        assert "_" not in f["melding"], "and never by its internal key"


def test_maximum_noemt_de_bron() -> None:
    with pytest.raises(InvoerFout) as e:
        api.run("ho", {"duur_maanden": 12, "extra_schoonmaak_minuten": 45})
    (fout,) = e.value.fouten
    assert "30" in fout["melding"] and "bron 002" in fout["melding"]


def test_run_json_geeft_fouten_in_plaats_van_een_exception() -> None:
    antwoord = json.loads(api.run_json("ho", '{"duur_maanden": "zes"}'))
    assert antwoord == {"fouten": [{"veld": "duur_maanden", "melding": antwoord["fouten"][0]["melding"]}]}
    assert json.loads(api.run_json("ho", "{kapot"))["fouten"][0]["veld"] is None
    assert json.loads(api.run_json("raket", "{}"))["fouten"][0]["veld"] == "soort"
    assert json.loads(api.run_json("ho", "[1, 2]"))["fouten"]


def test_run_json_vangt_onverwachte_fouten(monkeypatch: pytest.MonkeyPatch) -> None:
    def stuk(invoer: object, bundle: object = None) -> dict:
        raise ZeroDivisionError("test")

    monkeypatch.setitem(api.SOORTEN, "ho", stuk)
    antwoord = json.loads(api.run_json("ho", "{}"))
    assert antwoord["fouten"][0]["veld"] is None
    assert antwoord["fouten"][0]["melding"].startswith("Er ging iets mis in de rekenhulp zelf")
    assert antwoord["fouten"][0]["intern"] is True
    assert (
        "ZeroDivisionError" not in antwoord["fouten"][0]["melding"]
        and "test" not in antwoord["fouten"][0]["melding"]
    )


def test_een_bundel_als_dict_meegeven(bundle: dict) -> None:
    kopie = json.loads(json.dumps(bundle))
    kopie["parameters"]["ho_normenkader.basismodule.minuten_per_week"]["waarden"] = [
        {"vanaf": "2019-06-01", "waarde": "130", "bron": {"document": "002", "sectie": "test"}}
    ]
    assert api.run("ho", {"duur_maanden": 12}, bundle=kopie)["minuten_per_week"] == "130"
    assert api.run("ho", {"duur_maanden": 12})["minuten_per_week"] == "125"
    data.gebruik(kopie)
    try:
        assert api.run("ho", {"duur_maanden": 12})["minuten_per_week"] == "130"
    finally:
        data.gebruik(bundle)


@pytest.mark.parametrize(
    ("soort", "invoer", "sleutels"),
    [
        (
            "ho",
            {"duur_maanden": 12},
            {
                "toegekend",
                "minuten_per_week",
                "structureel_minuten_per_week",
                "structureel_uren_per_jaar",
                "uren_eerste_jaar",
                "uren_eerste_jaar_onafgerond",
                "perioden",
                "onderdelen",
            },
        ),
        ("advies", {"regio": "halderberge"}, {"producten", "uren_per_jaar", "budgetten", "opmerkingen"}),
        (
            "pgb",
            {"producten": ["ho-light"], "uitvoering": "sociaal-netwerk"},
            {"per_maand", "per_jaar", "ontbreekt"},
        ),
        ("producten", {}, {"producten", "aantal"}),
        ("hulpmiddel", {"categorie": "02"}, {"huur_per_maand", "maximum_pgb", "maanden"}),
        ("hht", {}, {"uren_per_jaar", "bron"}),
        ("beschermd_thuis", {"niveau": "zwaar"}, {"uren_per_week", "tarief"}),
    ],
)
def test_elke_soort_antwoordt_met_toelichting(soort: str, invoer: dict, sleutels: set[str]) -> None:
    uit = api.run(soort, invoer)
    assert sleutels <= set(uit)
    if soort != "producten":
        assert uit["toelichting"]


def test_advies_zegt_dat_de_gemeente_beslist() -> None:
    uit = api.run("advies", {"regio": "halderberge"})
    assert any(o.startswith("De gemeente beslist") for o in uit["opmerkingen"])


def test_advies_vraagt_de_regio_en_noemt_de_keuzes(bundle: dict) -> None:
    with pytest.raises(InvoerFout) as e:
        api.run("advies", {"wekelijks_nodig": True})
    [fout] = [f for f in e.value.fouten if f["veld"] == "regio"]
    # Named as a person reads them; the keys are for programs (README, `producten`).
    assert all(r["naam"] in fout["melding"] for r in bundle["regios"].values())


# The regions whose sources give no HO package and no tariff table, read from the bundle.
@pytest.mark.parametrize(
    "regio",
    sorted(
        set(data.load_bundle()["regios"])
        - set(data.load_bundle()["pakketten"])
        - {t["regio"] for t in data.load_bundle()["tarieven"].values()}
    ),
)
def test_advies_zonder_ho_producten_in_de_bronnen_is_eerlijk(regio: str) -> None:
    """004 describes no products or tariffs; 001 names no tariffs: no products, no amounts, a plain note."""
    uit = api.run("advies", {"regio": regio})
    assert uit["producten"] == [] and uit["regio"] == regio
    # Not "no products" (001 lists HO products for Westfriesland): no rules to compute hours or a budget.
    assert any("geen regels om uren of een budget" in o for o in uit["opmerkingen"])
    assert uit["minuten_per_week"] is None
    for budget in uit["budgetten"].values():
        assert budget["regels"] == [] and not budget["volledig"]
        assert budget["ontbreekt"][0]["melding"] == "De bronnen noemen voor deze gemeente geen pgb-bedragen"


def test_pgb_in_een_regio_zonder_tarieven_noemt_geen_bedrag() -> None:
    """Source 001 gives Westfriesland's products but no tariffs: the budget says so, with no figure."""
    uit = api.run("pgb", {"producten": ["wf-begeleiding-basis"], "uitvoering": "pgb-professioneel"})
    assert uit["regels"] == [] and uit["regio"] == "westfriesland"
    assert uit["ontbreekt"][0]["melding"] == "De bronnen noemen voor deze gemeente geen pgb-bedragen"


def test_producten_per_regio() -> None:
    alle = api.run("producten", {})["producten"]
    wf = api.run("producten", {"regio": "westfriesland"})["producten"]
    assert wf and all(p["regio"] == "westfriesland" for p in wf)
    assert len(alle) > len(wf)
    assert set(alle[0]) == {"id", "naam", "regio", "categorie", "url"}
    with pytest.raises(InvoerFout):
        api.run("producten", {"regio": "narnia"})


def test_peildatum_voor_de_eerste_waarde_neemt_de_vroegste() -> None:
    oud = api.run(
        "pgb", {"producten": ["ho-light"], "uitvoering": "sociaal-netwerk", "peildatum": "2020-01-01"}
    )
    nu = api.run(
        "pgb", {"producten": ["ho-light"], "uitvoering": "sociaal-netwerk", "peildatum": "2026-06-01"}
    )
    assert oud["per_maand"] == nu["per_maand"] == "71.51"
    assert oud["peildatum"] == "2020-01-01"
    assert oud["regels"][0]["vanaf"] == "2026-01-01"
    # Halderberge's tariffs start on 1 January 2026 (003, Bijlage 11): the answer says so.
    assert (
        "Voor 1 januari 2020 staan geen bedragen in de bronnen; de rekenhulp gebruikt de bedragen "
        "van 1 januari 2026." in oud["waarschuwingen"]
    )
    assert nu["waarschuwingen"] == []
