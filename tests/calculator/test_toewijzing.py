"""Dates and the iWmo toewijzing (issue 17): the kindzorg case and a case with regie aanleren, in the
core, the CLI and the batch. Codes from 006, section 5; durations from 002."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from calculator import api, batch

PEILDATUM = "2026-12-01"
INGANG = "2027-01-04"  # a Monday
KIND = {"leeftijd": 2, "naar_bed_per_week": 7, "luiers_per_week": 28}  # 002: 10 minuten per keer
KINDZORG = {
    "peildatum": PEILDATUM,
    "ingangsdatum": INGANG,
    "duur_maanden": 12,
    "kinderen": [KIND],
    "kindzorg_duur_maanden": 3,
}
REGIE = {**KINDZORG, "regie": "aanleren", "regie_aanleren_weken": 6, "regie_aanleren_minuten": 60}


def test_kindzorg_perioden_als_datums_en_einddatum() -> None:
    uit = api.run("ho", KINDZORG)
    # 12 maanden vanaf 4 januari 2027: tot en met 3 januari 2028; kindzorg 13 weken (3 x 52 / 12).
    assert uit["ingangsdatum"] == INGANG and uit["einddatum"] == "2028-01-03"
    assert [(p["van"], p["tot_en_met"]) for p in uit["perioden"]] == [
        ("2027-01-04", "2027-04-04"),  # week 1-13: 13 x 7 = 91 dagen
        ("2027-04-05", "2028-01-03"),
    ]
    eerste = uit["perioden"][0]["toewijzing"]
    # 006, 5: categorie 01 Hulp bij het huishouden, eenheid 01 minuut, frequentie 2 per week.
    assert (eerste["productcategorie"], eerste["eenheid"], eerste["frequentie"]) == ("01", "01", "2")
    assert eerste["volume"] == 125 + 7 * 10 + 28 * 10
    assert eerste["productcode"] is None
    assert eerste["productcode_tekst"] == "uit de productcodelijst van uw gemeente"
    assert uit["perioden"][1]["toewijzing"]["volume"] == 125
    assert uit["toewijzing_aannames"]


def test_regie_aanleren_minuten_tellen_alleen_hun_weken() -> None:
    uit = api.run("ho", REGIE)
    assert [(p["van"], p["tot_en_met"]) for p in uit["perioden"]] == [
        ("2027-01-04", "2027-02-14"),  # week 1-6
        ("2027-02-15", "2027-04-04"),  # week 7-13
        ("2027-04-05", "2028-01-03"),
    ]
    assert [p["toewijzing"]["volume"] for p in uit["perioden"]] == [535, 475, 125]
    # 125 x 52 + 60 x 6 + 350 x 13 = 11410 minutes: 190.17 hours, rounded once: 190.
    assert uit["uren_eerste_jaar"] == "190" and uit["uren_eerste_jaar_onafgerond"] == "190.17"


def test_eenheid_uur_en_codes_als_tekst() -> None:
    uit = api.run("ho", {**REGIE, "toewijzing_eenheid": "uur"})
    regel = uit["perioden"][0]["toewijzing"]
    assert regel["eenheid"] == "04" and regel["eenheid_naam"] == "uur"
    assert regel["volume"] == 9  # 535 / 60 = 8.92, half-up to whole hours
    assert json.dumps(regel).count('"01"') == 1  # the category, with its leading zero


def test_minuten_aanleren_begrensd_en_alleen_bij_aanleren() -> None:
    for fout in ({**REGIE, "regie_aanleren_minuten": 181}, {**KINDZORG, "regie_aanleren_minuten": 30}):
        try:
            api.run("ho", fout)
        except api.InvoerFout as e:
            assert "Regie en organisatie aanleren: minuten per week" in e.fouten[0]["melding"]
        else:
            raise AssertionError("geen melding")


def test_zonder_ingangsdatum_geen_datums() -> None:
    uit = api.run("ho", {k: v for k, v in KINDZORG.items() if k != "ingangsdatum"})
    assert "einddatum" not in uit and all("toewijzing" not in p for p in uit["perioden"])


def test_einddatum_aan_het_eind_van_de_maand() -> None:
    uit = api.run("ho", {**KINDZORG, "ingangsdatum": "2027-01-31", "duur_maanden": 13})
    assert uit["einddatum"] == "2028-02-28"  # 31 januari + 13 maanden: 29 februari 2028, min een dag


def test_cli_en_batch_geven_dezelfde_toewijzing() -> None:
    root = Path(__file__).resolve().parents[2]
    r = subprocess.run(
        [sys.executable, "-m", "calculator", "ho"],
        input=json.dumps(REGIE),
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    cli = json.loads(r.stdout)
    tekst = (
        "peildatum,ingangsdatum,duur_maanden,kinderen,kindzorg_duur_maanden,regie,regie_aanleren_weken,"
        "regie_aanleren_minuten\n"
        f'{PEILDATUM},{INGANG},12,"{json.dumps([KIND]).replace(chr(34), chr(34) * 2)}",3,aanleren,6,60\n'
    )
    uit = io.StringIO()
    batch.process(io.StringIO(tekst), uit, "ho")
    rij = next(csv.DictReader(io.StringIO(uit.getvalue())))
    assert rij["fouten"] == "", rij["fouten"]
    assert rij["einddatum"] == cli["einddatum"] == "2028-01-03"
    regels = json.loads(rij["toewijzing"])
    assert regels == [
        {k: p["toewijzing"][k] for k in ("productcategorie", "volume", "eenheid", "frequentie")}
        | {"ingangsdatum": p["van"], "einddatum": p["tot_en_met"]}
        for p in cli["perioden"]
    ]
    assert rij["uren_eerste_jaar"] == cli["uren_eerste_jaar"] == "190"
