"""The eigen bijdrage and the resident's choice from the command line and in batch output (issue 9).

Amounts from the sources: 005, 3.8 (abonnementstarief per peildatum); 003, Bijlage 11 (budgets).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from test_cli import cli


def test_eigen_bijdrage_per_peildatum(repo: Path) -> None:
    for peildatum, bedrag in (("2023-06-01", "19.00"), ("2024-07-15", "20.60"), ("2026-06-01", "21.80")):
        r = cli(repo, "eigen-bijdrage", "--peildatum", peildatum)
        assert r.returncode == 0, r.stderr
        eb = json.loads(r.stdout)["eigen_bijdrage"]
        assert (eb["per_maand"], eb["peildatum"]) == (bedrag, peildatum)
        assert any("per huishouden" in v["tekst"] for v in eb["voorwaarden"])


def test_advies_met_keuze_en_eigen_bijdrage(repo: Path) -> None:
    vraag = {"regio": "halderberge", "uitvoering": "sociaal-netwerk", "peildatum": "2026-06-01"}
    r = cli(repo, "advies", invoer=json.dumps(vraag))
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert (uit["keuze"]["per_maand"], uit["keuze"]["per_jaar"]) == ("143.01", "1716.12")
    assert uit["eigen_bijdrage"]["per_maand"] == "21.80"


def test_batch_kolommen_eigen_bijdrage_en_keuze(repo: Path, tmp_path: Path) -> None:
    ho = tmp_path / "ho.csv"
    ho.write_text(
        "id,duur_maanden,peildatum\na,12,2025-06-01\nb,2,2025-06-01\nc,12,2023-06-01\nd,12,2026-06-01\n"
        "e,12,2025-06-01\n",
        encoding="utf-8",
    )
    uit = tmp_path / "ho_uit.csv"
    r = cli(repo, "batch", str(ho), "-o", str(uit))
    assert r.returncode == 0, r.stderr
    rijen = list(csv.DictReader(uit.open(encoding="utf-8")))
    # Granted: the abonnementstarief of each row's own peildatum (005, 3.8: 21,00 in 2025, 19,00 in
    # 2023, 21,80 in 2026), also with several dates in one file; not granted (shorter than 3 months):
    # nothing to pay.
    assert [x["eigen_bijdrage_per_maand"] for x in rijen] == ["21.00", "", "19.00", "21.80", "21.00"]

    advies = tmp_path / "advies.csv"
    advies.write_text(
        "id,regio,uitvoering,peildatum\na,halderberge,sociaal-netwerk,2026-06-01\n"
        "b,halderberge,zorg-in-natura,2026-06-01\n",
        encoding="utf-8",
    )
    uit = tmp_path / "advies_uit.csv"
    r = cli(repo, "batch", str(advies), "-o", str(uit), "--soort", "advies")
    assert r.returncode == 0, r.stderr
    rijen = list(csv.DictReader(uit.open(encoding="utf-8")))
    assert [x["per_maand_keuze"] for x in rijen] == ["143.01", ""]
    assert [x["eigen_bijdrage_per_maand"] for x in rijen] == ["21.80", "21.80"]


def test_eigen_bijdrage_voor_het_huishouden(repo: Path) -> None:
    """005, 3.10: a couple with a partner below the AOW age pays nothing; a single resident pays (3.8)."""
    paar = cli(
        repo,
        "eigen-bijdrage",
        "--peildatum",
        "2026-06-01",
        "--met-partner",
        "ja",
        "--beiden-aow-leeftijd",
        "nee",
    )
    assert paar.returncode == 0, paar.stderr
    eb = json.loads(paar.stdout)["eigen_bijdrage"]
    assert (eb["per_maand"], eb["van_toepassing"]) == ("0.00", False)
    assert "AOW-leeftijd" in eb["opmerking"]
    alleen = cli(repo, "eigen-bijdrage", "--peildatum", "2026-06-01", "--met-partner", "nee")
    assert json.loads(alleen.stdout)["eigen_bijdrage"]["per_maand"] == "21.80"


def test_batch_eigen_bijdrage_per_huishouden(repo: Path, tmp_path: Path) -> None:
    """The batch's cell follows each row's household (005, 3.10 and 3.12), not only its peildatum."""
    ho = tmp_path / "ho.csv"
    ho.write_text(
        "id,duur_maanden,peildatum,met_partner,beiden_aow_leeftijd,client_onder_18\n"
        "a,12,2026-06-01,nee,,nee\nb,12,2026-06-01,ja,nee,nee\nc,12,2026-06-01,ja,ja,nee\n"
        "d,12,2026-06-01,,,ja\n",
        encoding="utf-8",
    )
    uit = tmp_path / "ho_uit.csv"
    r = cli(repo, "batch", str(ho), "-o", str(uit))
    assert r.returncode == 0, r.stderr
    with uit.open(encoding="utf-8") as f:
        cellen = {row["id"]: row["eigen_bijdrage_per_maand"] for row in csv.DictReader(f)}
    assert cellen == {"a": "21.80", "b": "0.00", "c": "21.80", "d": "0.00"}
