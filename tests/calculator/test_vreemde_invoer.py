"""Odd numbers, dates and nesting get the right Dutch message (issue 20, findings 7 and 10)."""

from __future__ import annotations

import json

import pytest

from calculator import api

PEILDATUM = "2026-06-01"


def meldingen(tekst: str) -> list[str]:
    uit = json.loads(api.run_json("ho", tekst))
    assert "fouten" in uit, uit
    return [f["melding"] for f in uit["fouten"]]


def test_1e400_is_een_heel_groot_getal_geen_inf():
    [m] = meldingen(f'{{"duur_maanden": 1e400, "peildatum": "{PEILDATUM}"}}')
    assert "een heel groot getal" in m and "inf" not in m


@pytest.mark.parametrize("constante", ["NaN", "Infinity", "-Infinity"])
def test_nan_en_infinity_zijn_geen_json_getal(constante):
    [m] = meldingen(f'{{"duur_maanden": {constante}, "peildatum": "{PEILDATUM}"}}')
    assert f"{constante} is geen getal in JSON" in m and "te lang" not in m


@pytest.mark.parametrize("dag", ["2026-02-29", "2026-13-01", "2026-04-31"])
def test_goed_geschreven_datum_die_niet_bestaat(dag):
    [m] = meldingen(f'{{"duur_maanden": 12, "peildatum": "{dag}"}}')
    assert m == f'Peildatum "{dag}" bestaat niet als datum; kies een bestaande dag.'


def test_schrikkeldag_bestaat_wel():
    uit = json.loads(api.run_json("ho", '{"duur_maanden": 12, "peildatum": "2028-02-29"}'))
    assert uit.get("peildatum") == "2028-02-29", uit


def test_datum_in_een_andere_vorm_blijft_de_vormmelding():
    [m] = meldingen('{"duur_maanden": 12, "peildatum": "1-2-2026"}')
    assert "moet een datum zijn als JJJJ-MM-DD" in m


@pytest.mark.parametrize("diepte", [101, 20_000])
def test_diepe_json_wordt_voor_het_parsen_geweigerd(diepte):
    """Pyodide's parser overflows its stack on deep JSON; the depth is checked before json.loads."""
    [m] = meldingen("[" * diepte + "]" * diepte)
    assert m.startswith("De invoer is te diep genest")


def test_haken_in_een_tekst_tellen_niet_als_nesting():
    tekst = json.dumps({"duur_maanden": 12, "peildatum": PEILDATUM, "regie": "[" * 500})
    assert not any("genest" in m for m in meldingen(tekst))


def test_exacte_grote_getallen_worden_exact_genoemd():
    for getal in ("9007199254740993", "99999999999999999999999"):
        [m] = meldingen(f'{{"duur_maanden": {getal}, "peildatum": "{PEILDATUM}"}}')
        assert f"ontvangen: {getal}" in m and "e+" not in m


@pytest.mark.parametrize("waarde", ["true", "false"])
def test_ja_of_nee_is_geen_aantal_huisgenoten(waarde):
    """The number of housemates who can take over is a count (002, gebruikelijke hulp); JSON's
    true is an int in Python, and was once read as one housemate."""
    invoer = f'"duur_maanden": 12, "huisgenoten_die_kunnen_helpen": {waarde}, "peildatum": "{PEILDATUM}"'
    [m] = meldingen(f"{{{invoer}}}")
    assert "heel getal" in m and "geen ja of nee" in m


def test_ja_in_de_kolom_huisgenoten_van_een_batchbestand_is_een_fout():
    import io

    from calculator import batch

    uit = io.StringIO()
    bestand = io.StringIO("duur_maanden,huisgenoten_die_kunnen_helpen\n12,ja\n12,1\n")
    batch.process(bestand, uit, "ho", peildatum=None)
    rijen = uit.getvalue().splitlines()
    assert "kunnen overnemen moet een heel getal zijn" in rijen[1] and "heel getal" not in rijen[2]
