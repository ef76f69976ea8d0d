"""Properties over random situations (hypothesis). No test here is timed."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from situaties import (
    JSON_WAARDEN,
    advies_antwoorden,
    grens,
    ho_situatie,
    maximum,
    peil,
    pgb_vraag,
)

from calculator import api, data
from calculator.errors import InvoerFout
from calculator.invoer import velden_van
from calculator.money import op_heel

settings.register_profile(
    "kern", deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("kern")

TWEE_DECIMALEN = re.compile(r"^-?\d+\.\d{2}$")


def _d(tekst: str) -> Decimal:
    return Decimal(tekst)


@given(ho_situatie())
def test_geldige_ho_situatie_geeft_nooit_een_fout(situatie: dict) -> None:
    uit = api.run("ho", situatie)
    json.dumps(uit, sort_keys=True, ensure_ascii=False)
    assert isinstance(uit["toegekend"], bool)
    assert uit["toelichting"], "elke uitkomst legt zich uit"
    for stap in uit["toelichting"]:
        assert set(stap) == {"stap", "regel", "waarde", "eenheid", "bron"}
        assert isinstance(stap["waarde"], str)
        assert stap["bron"]["document"] in data.actief()["bronnen"]


@given(ho_situatie())
def test_totaal_is_de_som_van_de_onderdelen(situatie: dict) -> None:
    uit = api.run("ho", situatie)
    if not uit["toegekend"]:
        assert uit["onderdelen"] == [] and uit["minuten_per_week"] == "0" and uit["redenen_niet_toegekend"]
        return
    delen = uit["onderdelen"]
    assert _d(uit["minuten_per_week"]) == sum((_d(d["minuten_per_week"]) for d in delen), Decimal(0))
    p = peil()
    weken = p.waarde("ho_normenkader.omrekening.weken_per_jaar")
    per_uur = p.waarde("ho_normenkader.omrekening.minuten_per_uur")
    blijvend = [d for d in delen if not d["tijdelijk"]]
    minuten = sum((_d(d["minuten_per_week"]) for d in blijvend if not d["afgeleid"]), Decimal(0))
    hhm = sum((_d(d["uren_eerste_jaar"]) for d in blijvend if d["afgeleid"]), Decimal(0))
    assert _d(uit["structureel_minuten_per_week"]) == sum(
        (_d(d["minuten_per_week"]) for d in blijvend), Decimal(0)
    )
    assert _d(uit["structureel_uren_per_jaar"]) == op_heel(minuten * weken / per_uur) + hhm
    # Each temporary part counts only for its own weeks in the first year.
    tijdelijk = sum((_d(d["minuten_per_week"]) * d["weken"] for d in delen if d["tijdelijk"]), Decimal(0))
    assert _d(uit["uren_eerste_jaar"]) == _d(uit["structureel_uren_per_jaar"]) + op_heel(tijdelijk / per_uur)
    # The periods: week 1 has every part, the last period only the structural ones.
    assert uit["perioden"][0]["van_week"] == 1
    assert _d(uit["perioden"][0]["minuten_per_week"]) == _d(uit["minuten_per_week"])
    assert uit["perioden"][-1]["tot_en_met_week"] is None and uit["perioden"][-1]["tijdelijk"] == []
    assert _d(uit["perioden"][-1]["minuten_per_week"]) == _d(uit["structureel_minuten_per_week"])


@given(ho_situatie())
def test_kindzorg_nooit_boven_40_uur_per_week(situatie: dict) -> None:
    uit = api.run("ho", situatie)
    grens = maximum("kindzorg.max_uren_per_week") * maximum("ho_normenkader.omrekening.minuten_per_uur")
    for deel in uit["onderdelen"]:
        if deel["onderdeel"] == "kindzorg":
            assert Decimal(0) <= _d(deel["minuten_per_week"]) <= grens


def _meer(situatie: dict, wat: str, draw: st.DrawFn) -> dict:
    """The same situation with one more need."""
    s = json.loads(json.dumps(situatie))
    if wat == "basismodule":
        s["basismodule"] = True
    elif wat == "extra_ruimten":
        s["extra_ruimten"] = min(grens("extra_ruimten"), s.get("extra_ruimten", 0) + 1)
    elif wat in ("extra_schoonmaak_minuten", "extra_bezoek_minuten"):
        sleutel = "extra_schoonmaak" if wat == "extra_schoonmaak_minuten" else "extra_bezoek"
        s[wat] = maximum(f"ho_normenkader.{sleutel}.max_minuten_per_week")
    elif wat == "regie":
        s["regie"] = "structureel"
        s.pop("regie_aanleren_weken", None)
    elif wat in ("broodmaaltijden_dagen_per_week", "warme_maaltijd_dagen_per_week"):
        s[wat] = min(7, s.get(wat, 0) + 1)
    elif wat == "wasverzorging":
        s["wasverzorging"] = "2_personen"
    elif wat == "strijken":
        s["wasverzorging"] = (
            s.get("wasverzorging") if s.get("wasverzorging", "geen") != "geen" else "1_persoon"
        )
        s["strijken"] = True
    elif wat == "boodschappen":
        s["boodschappen"] = True
    elif wat == "kind":
        s.setdefault("kinderen", []).append({"leeftijd": draw(st.integers(0, 17)), "luiers_per_week": 7})
    elif wat == "kindzorg":
        kinderen = s.setdefault("kinderen", [{"leeftijd": 1}])
        kinderen[0]["naar_bed_per_week"] = grens("kinderen.naar_bed_per_week")
    return s


@given(ho_situatie(), st.data())
def test_een_behoefte_erbij_verlaagt_het_totaal_nooit(situatie: dict, gegevens: st.DataObject) -> None:
    wat = gegevens.draw(
        st.sampled_from(
            [
                "basismodule",
                "extra_ruimten",
                "extra_schoonmaak_minuten",
                "extra_bezoek_minuten",
                "regie",
                "broodmaaltijden_dagen_per_week",
                "warme_maaltijd_dagen_per_week",
                "wasverzorging",
                "strijken",
                "boodschappen",
                "kind",
                "kindzorg",
            ]
        )
    )
    assume(not (wat == "wasverzorging" and situatie.get("wasverzorging") == "2_personen"))
    voor = api.run("ho", situatie)
    na = api.run("ho", _meer(situatie, wat, gegevens.draw))
    assert _d(na["minuten_per_week"]) >= _d(voor["minuten_per_week"])
    assert _d(na["uren_eerste_jaar"]) >= _d(voor["uren_eerste_jaar"])
    assert _d(na["structureel_uren_per_jaar"]) >= _d(voor["structureel_uren_per_jaar"])


def _bedragen(uit: object) -> list[str]:
    """Every per_maand / per_jaar / uurtarief / per_etmaal string anywhere in a result."""
    gevonden = []
    if isinstance(uit, dict):
        for k, v in uit.items():
            if k == "eigen_bijdrage" and v["per_maand"] is None:
                continue  # no amount where it does not apply (beschermd wonen, nothing granted)
            if k in ("per_maand", "per_jaar", "uurtarief", "per_etmaal", "huur_per_maand", "maximum_pgb"):
                gevonden.append(v)
            else:
                gevonden += _bedragen(v)
    elif isinstance(uit, list):
        for v in uit:
            gevonden += _bedragen(v)
    return gevonden


@given(advies_antwoorden())
def test_advies_bedragen_hebben_twee_decimalen(antwoorden: dict) -> None:
    uit = api.run("advies", antwoorden)
    bedragen = _bedragen(uit)
    assert len(bedragen) >= 8
    assert all(isinstance(b, str) and TWEE_DECIMALEN.match(b) for b in bedragen), bedragen
    for budget in uit["budgetten"].values():
        assert _d(budget["per_maand"]) == sum((_d(r["per_maand"]) for r in budget["regels"]), Decimal(0))
        assert budget["volledig"] == (not budget["ontbreekt"])


@given(pgb_vraag())
def test_pgb_bedragen_hebben_twee_decimalen_en_tellen_op(vraag: dict) -> None:
    uit = api.run("pgb", vraag)
    assert all(isinstance(b, str) and TWEE_DECIMALEN.match(b) for b in _bedragen(uit))
    assert _d(uit["per_maand"]) == sum((_d(r["per_maand"]) for r in uit["regels"]), Decimal(0))
    assert _d(uit["per_jaar"]) == sum((_d(r["per_jaar"]) for r in uit["regels"]), Decimal(0))
    assert uit["regels"] or uit["ontbreekt"], "elk gekozen product staat als regel of als ontbrekend"


SLECHT = {
    "duur_maanden": ["drie", -1, True, 2.5, None, [], {}],
    "extra_ruimten": [-1, "2", False, 1.5, [1]],
    "extra_schoonmaak_minuten": ["max", 10_000, -5],
    "extra_bezoek_minuten": [61 * 1000, "60"],
    "regie": ["soms", 1, True],
    "wasverzorging": ["3_personen", 2],
    "broodmaaltijden_dagen_per_week": [8, "7"],
    "lichte_taken_zelf": ["ja", 1],
    "kinderen": [
        "twee",
        [{"leeftijd": "1"}],
        [{"leeftijd": 18}],
        [{"leeftijd": 1, "luiers_per_week": -2}],
        [3],
    ],
    "peildatum": ["gisteren", "2026-13-01", 20260101],
    "onbekend_veld": [1, "x"],
}


@given(ho_situatie(), st.data())
def test_foute_invoer_geeft_altijd_invoerfout_met_het_veld(situatie: dict, gegevens: st.DataObject) -> None:
    veld = gegevens.draw(st.sampled_from(sorted(SLECHT)))
    waarde = gegevens.draw(st.sampled_from(SLECHT[veld]))
    if veld == "duur_maanden" and waarde is None:
        situatie.pop("duur_maanden")
    else:
        situatie[veld] = waarde
    with pytest.raises(InvoerFout) as fout:
        api.run("ho", situatie)
    velden = {f["veld"] or "" for f in fout.value.fouten}
    assert any(v == veld or v.startswith(veld + "[") for v in velden), fout.value.fouten
    for f in fout.value.fouten:
        assert set(f) == {"veld", "melding"} and f["melding"]


@given(st.sampled_from(sorted(api.SOORTEN)), JSON_WAARDEN)
def test_willekeurige_invoer_geeft_een_uitkomst_of_invoerfout(soort: str, invoer: object) -> None:
    try:
        api.run(soort, invoer)  # type: ignore[arg-type]
    except InvoerFout as e:
        assert e.fouten


# The fields each soort reads, as content/invoer.yaml declares them.
VELDEN_PER_SOORT = {soort: velden_van(data.actief(), soort) for soort in api.SOORTEN}
VELDEN_PER_SOORT = {soort: namen for soort, namen in VELDEN_PER_SOORT.items() if namen}


@st.composite
def bijna_geldig(draw: st.DrawFn) -> tuple[str, dict]:
    """Known field names with random JSON values: reaches deep into the checks."""
    soort = draw(st.sampled_from(sorted(VELDEN_PER_SOORT)))
    velden = draw(st.sets(st.sampled_from(VELDEN_PER_SOORT[soort])))
    return soort, {v: draw(JSON_WAARDEN) for v in velden}


@given(bijna_geldig())
def test_run_json_geeft_altijd_json_en_nooit_een_interne_fout(soort_invoer: tuple[str, dict]) -> None:
    soort, invoer = soort_invoer
    antwoord = json.loads(api.run_json(soort, json.dumps(invoer)))
    assert isinstance(antwoord, dict)
    if "fouten" in antwoord:
        assert antwoord["fouten"] and all(
            f["veld"] is not None or "ging iets mis" not in f["melding"] for f in antwoord["fouten"]
        )


@given(st.text(max_size=40), st.text(max_size=10))
def test_run_json_met_willekeurige_tekst(tekst: str, soort: str) -> None:
    antwoord = json.loads(api.run_json(soort, tekst))
    assert isinstance(antwoord, dict)
