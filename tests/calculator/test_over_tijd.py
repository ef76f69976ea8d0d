"""The indication over time: temporary parts count only for their weeks (issue 10, source 002)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from calculator import api, batch
from calculator.data import peil

# The child of the done-when: 2 years old, to bed 7 times and 28 nappies a week, 3 months of kindzorg.
KIND = {"leeftijd": 2, "naar_bed_per_week": 7, "luiers_per_week": 28}
SITUATIE = {"duur_maanden": 12, "kinderen": [KIND], "kindzorg_duur_maanden": 3}


def _heel(x: Decimal) -> Decimal:
    return x.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def test_kind_van_2_met_3_maanden_kindzorg_telt_13_weken_niet_een_jaar() -> None:
    # 002 Normtijden Kindzorg: naar bed 10 minuten per keer per kind, luier 10 minuten per keer per kind,
    # "tot een maximum van 40 uur per week voor een maximum van 3 maanden"; basismodule 125 minuten.
    kindzorg = 7 * 10 + 28 * 10  # 350 minutes a week
    weken = 13  # 3 months x 52 / 12
    uit = api.run("ho", SITUATIE)
    assert uit["minuten_per_week"] == str(125 + kindzorg)
    assert uit["structureel_minuten_per_week"] == "125"
    assert uit["structureel_uren_per_jaar"] == str(_heel(Decimal(125 * 52) / 60))  # 108
    # 108.33 + 75.83 = 184.17, rounded once: 184 (not 350 x 52 / 60 = 303.33 for kindzorg)
    assert uit["uren_eerste_jaar"] == str(_heel(Decimal(125 * 52 + kindzorg * weken) / 60)) == "184"
    assert uit["perioden"] == [
        {"van_week": 1, "tot_en_met_week": 13, "minuten_per_week": "475", "tijdelijk": ["kindzorg"]},
        {"van_week": 14, "tot_en_met_week": None, "minuten_per_week": "125", "tijdelijk": []},
    ]
    kind = next(d for d in uit["onderdelen"] if d["onderdeel"] == "kindzorg")
    assert (kind["tijdelijk"], kind["weken"], kind["uren_eerste_jaar"]) == (True, 13, "75.83")
    stappen = " ".join(s["stap"] for s in uit["toelichting"])
    assert "3 maanden x 52 / 12 = 13 weken" in stappen and "108,33 + 75,83" in stappen


def test_geen_jaarcijfer_dat_tijdelijke_delen_een_jaar_laat_duren() -> None:
    uit = api.run("ho", SITUATIE)
    tekst = json.dumps(uit)
    assert "303.33" not in tekst and "303" not in uit["uren_eerste_jaar"]
    assert "uren_per_jaar" not in uit and all("uren_per_jaar" not in d for d in uit["onderdelen"])


def test_drie_perioden_met_regie_aanleren_en_kindzorg() -> None:
    uit = api.run("ho", {**SITUATIE, "regie": "aanleren", "regie_aanleren_weken": 6})
    assert [(p["van_week"], p["tot_en_met_week"]) for p in uit["perioden"]] == [(1, 6), (7, 13), (14, None)]
    assert uit["perioden"][0]["tijdelijk"] == ["regie_aanleren", "kindzorg"]
    assert uit["perioden"][1]["tijdelijk"] == ["kindzorg"]


def test_maand_naar_weken_volgt_de_rekenafspraak_uit_de_content() -> None:
    assert peil(date(2026, 1, 1)).waarde("ho_normenkader.omrekening.weken_per_jaar") == 52
    for maanden, weken in ((1, 4), (2, 9), (3, 13)):
        uit = api.run("ho", {**SITUATIE, "kindzorg_duur_maanden": maanden})
        assert next(d for d in uit["onderdelen"] if d["onderdeel"] == "kindzorg")["weken"] == weken


def test_zonder_tijdelijke_delen_een_periode_en_gelijke_jaarcijfers() -> None:
    uit = api.run("ho", {"duur_maanden": 12, "regie": "structureel"})
    assert uit["perioden"] == [
        {"van_week": 1, "tot_en_met_week": None, "minuten_per_week": "155", "tijdelijk": []}
    ]
    assert uit["uren_eerste_jaar"] == uit["structureel_uren_per_jaar"] == "134"


def test_batch_en_cli_tonen_hetzelfde() -> None:
    uit = io.StringIO()
    kinderen = json.dumps([KIND]).replace('"', '""')
    batch.process(io.StringIO(f'duur_maanden,kinderen,kindzorg_duur_maanden\n12,"{kinderen}",3\n'), uit, "ho")
    rij = next(csv.DictReader(io.StringIO(uit.getvalue())))
    assert (
        rij["uren_eerste_jaar"],
        rij["structureel_uren_per_jaar"],
        rij["structureel_minuten_per_week"],
    ) == (
        "184",
        "108",
        "125",
    )
    root = Path(__file__).resolve().parents[2]
    r = subprocess.run(
        [sys.executable, "-m", "calculator", "ho"],
        input=json.dumps(SITUATIE),
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["uren_eerste_jaar"] == "184"
