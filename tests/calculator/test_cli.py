"""The command line, run as a user would: ``python -m calculator ...`` in a subprocess."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path


def cli(repo: Path, *args: str, invoer: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "calculator", *args],
        cwd=repo,
        input=invoer,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_ho(repo: Path) -> None:
    r = cli(repo, "ho", invoer='{"duur_maanden": 12, "regie": "structureel"}')
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert (uit["toegekend"], uit["minuten_per_week"], uit["uren_per_jaar"]) == (True, "155", "134")
    assert uit["onderdelen"] and uit["toelichting"]
    assert r.stdout.startswith('{\n  "')  # indent 2


def test_ho_foute_invoer_geeft_exit_2_en_nederlandse_meldingen(repo: Path) -> None:
    r = cli(repo, "ho", invoer='{"duur_maanden": 12, "extra_schoonmaak_minuten": 45, "extra_ruimten": -2}')
    assert r.returncode == 2
    assert r.stdout == ""
    regels = r.stderr.strip().splitlines()
    assert regels[0].startswith("Incidenteel gebruikte extra ruimten ") and "negatief" in regels[0]
    assert regels[1].startswith("Extra of zwaardere schoonmaak ") and "hoogstens 30" in regels[1]


def test_geen_json_geeft_exit_2(repo: Path) -> None:
    r = cli(repo, "pgb", invoer="geen json")
    assert r.returncode == 2 and "geen geldige JSON" in r.stderr


def test_pgb(repo: Path) -> None:
    vraag = {"producten": ["logeerzorg"], "uitvoering": "pgb-professioneel", "etmalen_per_jaar": 15}
    r = cli(repo, "pgb", invoer=json.dumps(vraag))
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert uit["per_jaar"] == "3659.10" and uit["per_maand"] == "304.93"


def test_advies(repo: Path) -> None:
    r = cli(repo, "advies", invoer='{"regio": "halderberge", "wekelijks_nodig": false}')
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["producten"][0]["id"] == "ho-light"


def test_producten_per_regio(repo: Path) -> None:
    r = cli(repo, "producten", "--regio", "halderberge")
    assert r.returncode == 0, r.stderr
    producten = json.loads(r.stdout)
    assert producten and {p["regio"] for p in producten} == {"halderberge"}
    assert {"id", "naam", "regio"} <= set(producten[0])
    assert cli(repo, "producten", "--regio", "gallië").returncode == 2


def test_hulpmiddel_hht_beschermd_thuis(repo: Path) -> None:
    assert json.loads(cli(repo, "hulpmiddel", "02").stdout)["maanden"] == "84"
    assert (
        json.loads(cli(repo, "hulpmiddel", invoer='{"categorie": "15c"}').stdout)["maximum_pgb"] == "1629.00"
    )
    assert cli(repo, "hulpmiddel", "99").returncode == 2
    assert json.loads(cli(repo, "hht").stdout)["uren_per_jaar"] == "36"
    assert json.loads(cli(repo, "beschermd-thuis", "licht").stdout)["uren_per_week"] == "5"


def test_onbekende_opdracht_geeft_exit_2(repo: Path) -> None:
    assert cli(repo, "vliegen").returncode == 2


def test_batch_met_een_foute_rij(repo: Path, tmp_path: Path) -> None:
    invoer = tmp_path / "clienten.csv"
    invoer.write_text(
        "id,duur_maanden,regie,extra_schoonmaak_minuten,kinderen\n"
        "a,12,structureel,,\n"
        "b,12,geen,45,\n"
        'c,3,,,"[{""leeftijd"": 1, ""luiers_per_week"": 7}]"\n'
        "d,2,,,\n",
        encoding="utf-8",
    )
    uit = tmp_path / "uit.csv"
    r = cli(repo, "batch", str(invoer), "-o", str(uit))
    assert r.returncode == 0, r.stderr
    assert "4 rijen" in r.stderr and "1 met fouten" in r.stderr
    rijen = list(csv.DictReader(uit.open(encoding="utf-8")))
    assert [x["id"] for x in rijen] == ["a", "b", "c", "d"]
    assert (rijen[0]["toegekend"], rijen[0]["minuten_per_week"], rijen[0]["uren_per_jaar"]) == (
        "true",
        "155",
        "134",
    )
    assert rijen[1]["toegekend"] == "" and rijen[1]["fouten"].startswith("Extra of zwaardere schoonmaak")
    assert rijen[2]["minuten_per_week"] == "195" and rijen[2]["fouten"] == ""
    assert rijen[3]["toegekend"] == "false"


def test_batch_met_onbekende_kolom_geeft_exit_2(repo: Path, tmp_path: Path) -> None:
    invoer = tmp_path / "fout.csv"
    invoer.write_text("duur_maanden,extra_ruimte\n12,1\n", encoding="utf-8")
    r = cli(repo, "batch", str(invoer))
    assert r.returncode == 2
    assert r.stderr.startswith('Onbekende kolom "extra_ruimte"')


def test_batch_bestand_bestaat_niet(repo: Path, tmp_path: Path) -> None:
    r = cli(repo, "batch", str(tmp_path / "weg.csv"))
    assert r.returncode == 2 and "kan" in r.stderr
