"""Herindicatie in the batch: current indications beside the normenkader's, the summary and the xlsx.

Figures from the sources: basismodule 125 minutes a week (002, 4. Resultaten), regie structureel 30
minutes (002, 4. Resultaten), 52 weeks and 60 minutes (002, 3. Uitgangspunten), so 125 minutes are
108 hours a year and 155 minutes 134 (003, Bijlage 11 gives the same hours).
"""

from __future__ import annotations

import csv
import io
import random
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from calculator import batch, data, herindicatie
from calculator.invoer import invoer_deel

PEILDATUM = "2026-06-01"
ROOT = Path(__file__).resolve().parents[2]


def caseload(n: int = 120, seed: int = 19) -> bytes:
    """A caseload as Dutch Excel saves it (BOM, ';', decimal commas), with rows that fail, empty
    rows and formula-like cells."""
    rnd = random.Random(seed)
    regels = ["id;duur_maanden;regie;lichte_taken_zelf;extra_ruimten;huidige_minuten_per_week;_notitie"]
    for i in range(n):
        kind = i % 10
        huidig = rnd.choice(["125", "155", "140,5", "90", "", "200,25"])
        if kind == 3:
            regels.append(f"{i};12;foo;nee;0;{huidig};")  # a choice the form lacks: fails
        elif kind == 5:
            regels.append("")  # an empty row: skipped
        elif kind == 7:
            regels.append(f"{i};12;geen;ja;1;abc;=HYPERLINK(1)")  # current indication unreadable
        else:
            regie = rnd.choice(["geen", "structureel", ""])
            regels.append(
                f"0{i};{rnd.choice(['12', '12,0', '2'])};{regie};{rnd.choice(['ja', 'nee', ''])};"
                f"{rnd.choice(['0', '1', ''])};{huidig};+31 6"
            )
    return ("\r\n".join(regels) + "\r\n").encode("utf-8-sig")


def bereken(inhoud: bytes) -> tuple[list[dict], dict]:
    tekst, _ = batch.open_tekst(io.BytesIO(inhoud))
    uit = io.StringIO()
    teller = herindicatie.Teller()
    batch.process(tekst, uit, peildatum=date.fromisoformat(PEILDATUM), na_rij=teller)
    s = teller.uitkomst(invoer_deel(data.bundle_or_active()), date.fromisoformat(PEILDATUM))
    return list(csv.DictReader(io.StringIO(uit.getvalue()), delimiter=";")), s


def test_verschil_met_de_uren_van_het_normenkader() -> None:
    inhoud = (
        "id;duur_maanden;regie;huidige_minuten_per_week;peildatum\r\n"
        f"a;12;;125;{PEILDATUM}\r\n"
        f"b;12;structureel;125;{PEILDATUM}\r\n"
        f"c;12;;140,5;{PEILDATUM}\r\n"
    ).encode()
    rijen, _ = bereken(inhoud)
    assert [r["structureel_uren_per_jaar"] for r in rijen] == ["108", "134", "108"]
    assert [r["verschil_minuten_per_week"] for r in rijen] == ["0", "30", "-15.5"]
    # 140.5 minutes x 52 / 60 = 121.77 -> 122 hours (half-up, as the normenkader rounds)
    assert [r["verschil_uren_per_jaar"] for r in rijen] == ["0", "26", "-14"]


def test_uren_per_jaar_als_huidige_indicatie() -> None:
    inhoud = f"duur_maanden;huidige_uren_per_jaar;peildatum\n12;120,5;{PEILDATUM}\n12;;{PEILDATUM}\n".encode()
    rijen, _ = bereken(inhoud)
    assert [r["verschil_uren_per_jaar"] for r in rijen] == ["-12.5", ""]
    assert "verschil_minuten_per_week" not in rijen[0]


def test_zonder_huidige_kolom_blijft_de_uitvoer_gelijk() -> None:
    rijen, _ = bereken(f"duur_maanden;peildatum\n12;{PEILDATUM}\n".encode())
    assert "verschil_uren_per_jaar" not in rijen[0]


def test_een_foute_huidige_indicatie_in_haar_eigen_rij() -> None:
    inhoud = "duur_maanden;huidige_minuten_per_week;peildatum\n" + "".join(
        f"12;{m};{PEILDATUM}\n" for m in ("-5", "99999", "125")
    )
    rijen, _ = bereken(inhoud.encode())
    assert rijen[0]["fouten"].startswith("Huidige indicatie (minuten per week) is geen getal")
    assert "mag hoogstens 10080" in rijen[1]["fouten"]
    assert rijen[0]["structureel_uren_per_jaar"] == "" and rijen[2]["verschil_uren_per_jaar"] == "0"


def test_samenvatting_klopt_met_de_rijen() -> None:
    rijen, s = bereken(caseload())
    goed = [r for r in rijen if not r["fouten"]]
    vergeleken = [r for r in goed if r["verschil_uren_per_jaar"]]
    assert s["gelezen"] == len(rijen) == 108  # 120 rows, 12 empty
    assert s["mislukt"] == len(rijen) - len(goed) > 0
    assert s["berekend"] == len(goed)
    nieuw = sum(Decimal(r["structureel_uren_per_jaar"]) for r in vergeleken)
    verschil = sum(Decimal(r["verschil_uren_per_jaar"]) for r in vergeleken)
    assert Decimal(s["uren_normenkader"]) == nieuw
    assert Decimal(s["uren_nu"]) == nieuw - verschil
    assert Decimal(s["verschil"]) == verschil
    assert sum(b["rijen"] for b in s["banden"]) == s["vergeleken"] == len(vergeleken)
    gelijk = sum(1 for r in vergeleken if r["verschil_uren_per_jaar"] == "0")
    assert dict((b["band"], b["rijen"]) for b in s["banden"])["gelijk"] == gelijk
    # formula-like cells are written as text, codes keep their leading zero
    assert all(r["_notitie"] in ("'+31 6", "'=HYPERLINK(1)", "") for r in rijen)
    assert any(r["id"].startswith("0") for r in rijen)


@pytest.mark.parametrize(
    ("nu", "nieuw", "band"),
    [
        ("100", "89", "meer dan 10% minder"),
        ("100", "90", "tot 10% minder"),
        ("100", "100", "gelijk"),
        ("100", "110", "tot 10% meer"),
        ("100", "111", "meer dan 10% meer"),
        ("0", "5", "meer dan 10% meer"),
    ],
)
def test_banden(nu: str, nieuw: str, band: str) -> None:
    assert herindicatie.band(Decimal(nu), Decimal(nieuw)) == band


def draai_cli(tmp_path: Path, inhoud: bytes, naam: str) -> tuple[bytes, bytes]:
    invoer = tmp_path / f"{naam}.csv"
    invoer.write_bytes(inhoud)
    uit, xl = tmp_path / f"{naam}_uit.csv", tmp_path / f"{naam}.xlsx"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "calculator",
            "batch",
            str(invoer),
            "-o",
            str(uit),
            "--xlsx",
            str(xl),
            "--peildatum",
            PEILDATUM,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return uit.read_bytes(), xl.read_bytes()


def test_cli_xlsx_codes_als_tekst_uren_als_getal_samenvatting_apart(tmp_path: Path) -> None:
    csv_bytes, xl_bytes = draai_cli(tmp_path, caseload(), "a")
    assert csv_bytes.startswith(b"\xef\xbb\xbf")  # the dialect it came in: BOM and ';'
    rijen = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig")), delimiter=";"))
    wb = openpyxl.load_workbook(io.BytesIO(xl_bytes))
    assert wb.sheetnames == ["Uitkomsten", "Samenvatting"]
    blad = list(wb["Uitkomsten"].iter_rows(values_only=True))
    assert len(blad) == len(rijen)
    kop = rijen[0]
    for rij, xrij in zip(rijen[1:], blad[1:], strict=True):
        assert xrij[kop.index("id")] == (rij[kop.index("id")] or None)  # "012" stays text
        uren = rij[kop.index("structureel_uren_per_jaar")]
        assert xrij[kop.index("structureel_uren_per_jaar")] == (Decimal(uren) if uren else None)
    samen = dict(wb["Samenvatting"].iter_rows(values_only=True, max_row=9))
    assert samen["Peildatum"] == PEILDATUM and samen["Rijen gelezen"] == len(rijen) - 1


def test_cli_is_deterministisch(tmp_path: Path) -> None:
    assert draai_cli(tmp_path, caseload(40), "a") == draai_cli(tmp_path, caseload(40), "b")
