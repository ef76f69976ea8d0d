"""Hardening of the core (issue 11): each reproduction of the adversarial run, answered in Dutch.

Bounds and labels come from content/invoer.yaml through the bundle; the tests read them there.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import InvoerFout, api, clock, data
from calculator.invoer import velden_van

SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")
# Every soort the API offers, with the fields content/invoer.yaml declares for it (a new soort too).
VELDEN_PER_SOORT = {soort: velden_van(data.actief(), soort) for soort in api.SOORTEN}
KIND_VELDEN = [n.partition(".")[2] for n in data.actief()["invoer"]["volgorde"] if n.startswith("kinderen.")]


def invoer() -> dict:
    return data.actief()["invoer"]


def antwoord(soort: str, tekst: str) -> dict:
    uit = api.run_json(soort, tekst)
    uit.encode("utf-8")  # always valid UTF-8
    return json.loads(uit)


def fouten(soort: str, tekst: str) -> list[dict]:
    uit = antwoord(soort, tekst)
    assert "fouten" in uit, uit
    for f in uit["fouten"]:
        assert not f.get("intern"), f"bad input reported as an internal error: {f}"
    return uit["fouten"]


def test_elk_veld_van_elke_soort_heeft_een_label() -> None:
    velden = invoer()["velden"]
    for soort, namen in VELDEN_PER_SOORT.items():
        for naam in namen:
            assert velden.get(naam, {}).get("label"), f"{soort}: {naam} has no label in content/invoer.yaml"
    for naam in KIND_VELDEN:
        assert velden[f"kinderen.{naam}"]["label"]


def test_elk_getal_heeft_een_maximum_met_bron_of_aanname() -> None:
    """Every whole-number input of ho, pgb and the children has a maximum in content."""
    getallen = [
        "duur_maanden",
        "huisgenoten_die_kunnen_helpen",
        "extra_ruimten",
        "extra_schoonmaak_minuten",
        "extra_bezoek_minuten",
        "regie_aanleren_weken",
        "broodmaaltijden_dagen_per_week",
        "warme_maaltijd_dagen_per_week",
        "kinderen_naar_school_per_week",
        "kindzorg_duur_maanden",
        "etmalen_per_jaar",
        "kinderen",
        "producten",
    ] + [f"kinderen.{v}" for v in KIND_VELDEN]
    parameters = data.actief()["parameters"]
    for naam in getallen:
        m = invoer()["velden"][naam].get("maximum")
        assert m, f"{naam} has no maximum"
        assert m.get("parameter") in parameters or (m.get("waarde") and m.get("aanname")), naam


def test_duizend_extra_ruimten_worden_niet_toegekend() -> None:
    """Reproduction: 1,000,000 extra rooms were granted with 5,000,125 minutes a week."""
    (f,) = fouten("ho", '{"duur_maanden": 12, "extra_ruimten": 1000000}')
    maximum = int(Decimal(invoer()["velden"]["extra_ruimten"]["maximum"]["waarde"]))
    assert f["veld"] == "extra_ruimten"
    assert f["melding"].startswith(invoer()["velden"]["extra_ruimten"]["label"])
    assert f"hoogstens {maximum}" in f["melding"]
    toegestaan = api.run("ho", {"duur_maanden": 12, "extra_ruimten": maximum})
    assert Decimal(toegestaan["minuten_per_week"]) < 7 * 24 * 60  # a week has 10,080 minutes


def test_maximum_uit_de_bron_noemt_de_bron() -> None:
    (f,) = fouten("ho", '{"duur_maanden": 12, "extra_bezoek_minuten": 61}')
    assert "hoogstens 60" in f["melding"] and "bron 002" in f["melding"]


def test_leeftijd_van_een_kind_volgt_de_parameter() -> None:
    grens = int(data.peil(clock.today()).waarde("ho_normenkader.toegang.gebruikelijke_hulp_vanaf_leeftijd"))
    tekst = json.dumps({"duur_maanden": 12, "kinderen": [{"leeftijd": grens}]})
    (f,) = fouten("ho", tekst)
    assert f["veld"] == "kinderen[0].leeftijd"
    assert f["melding"].startswith("Kind 1: Leeftijd") and f"hoogstens {grens - 1}" in f["melding"]


def test_honderdduizend_kinderen_geven_een_korte_melding() -> None:
    """Reproduction: 100,000 children took 4.9 s and 145 MB of output."""
    tekst = json.dumps({"duur_maanden": 12, "kinderen": [{"leeftijd": 1}] * 100_000})
    uit = api.run_json("ho", tekst)
    assert len(uit) < 1000 and "te groot" in uit
    with pytest.raises(InvoerFout) as e:  # the same list from Python: the list's own bound
        api.run("ho", {"duur_maanden": 12, "kinderen": [{"leeftijd": 1}] * 100_000})
    (f,) = e.value.fouten
    assert f["veld"] == "kinderen" and "hoogstens 15" in f["melding"]


def test_veel_onbekende_velden_geven_begrensde_uitvoer() -> None:
    """Reproduction: 100,000 unknown keys gave 43 MB of messages, each repeating the allowed keys."""
    with pytest.raises(InvoerFout) as e:
        api.run("ho", {f"veld{i}": 1 for i in range(100_000)} | {"duur_maanden": 12})
    meldingen = e.value.fouten
    assert len(meldingen) <= invoer()["omvang"]["meldingen"]
    assert len(api.dumps(meldingen)) < 10_000
    assert "nog" in meldingen[-1]["melding"]
    klein = fouten("ho", json.dumps({f"veld{i}": 1 for i in range(5_000)}))
    assert len(json.dumps(klein)) < 10_000


def test_een_lang_onbekend_product_wordt_niet_geheel_herhaald() -> None:
    """Reproduction: an unknown product id was echoed in full (messages up to 100 kB)."""
    (f,) = fouten("pgb", json.dumps({"producten": ["x" * 90_000], "uitvoering": "pgb-professioneel"}))
    assert f["veld"] == "producten[0]" and len(f["melding"]) < 200 and "…" in f["melding"]


@pytest.mark.parametrize("haak", ["[", '{"a":'])
def test_diep_genest_is_foute_invoer(haak: str) -> None:
    """Reproduction: 5,000 nested brackets gave "Er ging iets mis in de rekenhulp: RecursionError"."""
    sluit = "]" if haak == "[" else "}"
    (f,) = fouten("ho", haak * 5000 + "1" + sluit * 5000)
    assert f["veld"] is None and "te diep genest" in f["melding"]
    assert "Recursion" not in f["melding"]


def test_genest_binnen_de_grootte_grens_noemt_het_veld() -> None:
    diep = invoer()["omvang"]["diepte"]
    (f,) = fouten("ho", '{"kinderen": ' + "[" * diep + "]" * diep + "}")
    assert f["veld"] == "kinderen" and f["melding"].startswith("Kinderen is te diep genest")
    with pytest.raises(InvoerFout) as e:
        api.run("ho", {"\ud800" * 100: [[[[[[[[[[1]]]]]]]]]]})
    (f,) = e.value.fouten
    api.dumps(e.value.fouten).encode("utf-8")
    assert len(f["veld"]) < 60 and "te diep genest" in f["melding"]


@pytest.mark.parametrize(
    "tekst",
    ["", "{kapot", '{"a": 1,}', '{"a" 1}', "[1, 2", '"open', "{} x", "NaN", '{"duur_maanden": Infinity}'],
)
def test_json_fouten_in_het_nederlands(tekst: str) -> None:
    """Reproduction: parse errors carried Python's English text ("Expecting value: line 1 ...")."""
    (f,) = fouten("ho", tekst)
    assert f["melding"].startswith("De invoer is geen geldige JSON")
    assert not re.search(r"Expecting|line \d|column|char \d|delimiter", f["melding"])


def test_een_losse_surrogaat_geeft_geldige_utf8() -> None:
    """Reproduction: {"regie": "\\ud800"} was echoed into the message; the output was not UTF-8."""
    for tekst in ('{"regie": "\\ud800"}', '{"\\udc00": 1}', '{"peildatum": "\\ud800\\udfff\\ud800"}'):
        uit = api.run_json("ho", tekst)
        uit.encode("utf-8")
    with pytest.raises(InvoerFout) as e:
        api.run("ho", {"regie": "\ud800", "\udfff": 1})
    api.dumps(e.value.fouten).encode("utf-8")


def test_geen_interne_naam_in_een_melding() -> None:
    """Messages name fields by label and options in words: no snake_case key reaches a person."""
    slecht = {
        "ho": {
            "duur_maanden": "x",
            "regie": "x",
            "regie_aanleren_weken": 2,
            "wasverzorging": "x",
            "strijken": True,
            "kinderen_naar_school_per_week": 1,
            "kindzorg_duur_maanden": 1,
            "kinderen": [{"leeftijd": "x", "luiers_per_week": -1}, 3],
            "extra_schoonmaak_minuten": 99,
        },
        "advies": {"wasverzorging": "x", "maaltijden": 1, "strijken": True},
        "pgb": {
            "producten": ["wasverzorging", "maaltijdvoorziening", "ho-light", "ho-plus-ontwikkeling"],
            "uitvoering": "x",
            "strijken": True,
            "etmalen_per_jaar": 3,
        },
        "hulpmiddel": {"regio": "x"},
        "hht": {"regio": "halderberge"},
        "beschermd_thuis": {"niveau": "x"},
        "producten": {"regio": 3},
    }
    for soort, waarden in slecht.items():
        for f in fouten(soort, json.dumps(waarden)):
            assert not SNAKE.findall(f["melding"]), f
            assert "None" not in f["melding"] and "'" not in f["melding"].replace("regio's", ""), f


def test_geen_object_of_geen_tekst() -> None:
    for tekst in ("[1, 2]", "3", "null", '"x"'):
        f = fouten("ho", tekst)[0]
        assert f["melding"].startswith("De invoer moet een object zijn")
    uit = antwoord("ho", None)  # type: ignore[arg-type]
    assert uit["fouten"][0]["melding"] == "De invoer moet JSON-tekst zijn."
    (f,) = fouten("raket" * 1000, "{}")
    assert f["veld"] == "soort" and len(f["melding"]) < 150


def test_een_echte_fout_in_het_project_is_intern(monkeypatch: pytest.MonkeyPatch) -> None:
    def stuk(invoer: object, bundle: object = None) -> dict:
        raise KeyError("geheim")

    monkeypatch.setitem(api.SOORTEN, "ho", stuk)
    (f,) = antwoord("ho", "{}")["fouten"]
    assert f["intern"] is True and "geheim" not in f["melding"] and "KeyError" not in f["melding"]


# Property tests: arbitrary JSON values, including deep nesting and lone surrogates.
TEKST = st.text(alphabet=st.characters(blacklist_categories=()), max_size=60)  # surrogates included
SLEUTELS = st.sampled_from(sorted({v for namen in VELDEN_PER_SOORT.values() for v in namen})) | TEKST
WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEKST,
    lambda binnen: st.lists(binnen, max_size=4) | st.dictionaries(SLEUTELS, binnen, max_size=4),
    max_leaves=20,
)


@st.composite
def genest(draw: st.DrawFn) -> str:
    """Nesting from shallow to far past any limit, optionally under a known field."""
    diepte = draw(st.integers(1, 3000))
    haak = draw(st.sampled_from(["[", '{"a":']))
    sluit = "]" if haak == "[" else "}"
    midden = draw(st.sampled_from(["1", '"\\ud800"'] if haak != "[" else ["", "1", '"\\ud800"']))
    binnen = haak * diepte + midden + sluit * diepte
    veld = draw(st.sampled_from([None, "kinderen", "producten", "regie"]))
    return binnen if veld is None else json.dumps({veld: None}).replace("null", binnen)


def _controleer(uit: str, invoer_lengte: int) -> None:
    uit.encode("utf-8")  # valid UTF-8
    antwoord = json.loads(uit)
    assert isinstance(antwoord, dict)
    for f in antwoord.get("fouten", []):
        assert not f.get("intern"), f
        assert set(f) == {"veld", "melding"} and f["melding"]
    if "fouten" in antwoord:  # a refusal stays small whatever came in
        assert len(uit) <= 200 * invoer()["omvang"]["meldingen"] + 4000


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(api.SOORTEN)), WAARDEN)
def test_willekeurige_json_geeft_geldige_json_en_geen_interne_fout(soort: str, waarde: object) -> None:
    tekst = json.dumps(waarde)  # ensure_ascii: lone surrogates travel as \ud800
    _controleer(api.run_json(soort, tekst), len(tekst))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(api.SOORTEN)), st.dictionaries(SLEUTELS, WAARDEN, max_size=8))
def test_willekeurige_objecten_met_bekende_velden(soort: str, waarde: dict) -> None:
    tekst = json.dumps(waarde)
    _controleer(api.run_json(soort, tekst), len(tekst))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(api.SOORTEN)), genest())
def test_willekeurig_diep_genest(soort: str, tekst: str) -> None:
    _controleer(api.run_json(soort, tekst), len(tekst))


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(sorted(api.SOORTEN)),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=200),
)
def test_willekeurige_tekst_met_surrogaten(soort: str, tekst: str) -> None:
    _controleer(api.run_json(soort, tekst), len(tekst))


def test_te_lange_tekst_noemt_het_veld() -> None:
    grens = invoer()["omvang"]["tekst_tekens"]
    for veld in ("regie", "wasverzorging", "peildatum"):
        (f,) = [
            x
            for x in fouten("ho", json.dumps({"duur_maanden": 12, veld: "x" * (grens + 1)}))
            if x["veld"] == veld
        ]
        label = invoer()["velden"][veld]["label"]
        assert (
            f["melding"].startswith(f"{label} is te lang: hoogstens {grens} tekens")
            and len(f["melding"]) < 200
        )
