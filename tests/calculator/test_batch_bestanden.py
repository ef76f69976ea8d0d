"""Batch on real files (issue 11): encodings, separators, decimal commas, broken rows, formula cells,
an atomic output file. Every reproduction of the adversarial run, as a file a user could have."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import api, batch, cli
from calculator.invoer import invoer_deel

KOP = "id,duur_maanden,extra_ruimten,_naam"


def draai_bytes(inhoud: bytes, *args: str) -> tuple[list[list[str]], str]:
    """Run the batch from bytes as the CLI reads a file; returns the output rows and the separator."""
    tekst, gekozen = batch.open_tekst(io.BytesIO(inhoud), None)
    uit = io.StringIO()
    batch.process(tekst, uit, *args)
    waarde = uit.getvalue()
    teken = batch.scheidingsteken(waarde.splitlines()[0])
    return list(csv.reader(io.StringIO(waarde), delimiter=teken)), gekozen


def kolom(rijen: list[list[str]], naam: str) -> list[str]:
    i = rijen[0].index(naam)
    return [r[i] for r in rijen[1:]]


def test_cp1252_bestand_wordt_gelezen() -> None:
    """Reproduction: a Latin-1 / cp1252 file (1,José Müller,12) aborted with UnicodeDecodeError."""
    inhoud = "id,_naam,duur_maanden\n1,José Müller,12\n2,Zoë € Čapek,2\n".encode("cp1252", errors="replace")
    rijen, gekozen = draai_bytes(inhoud)
    assert gekozen == "cp1252"
    assert kolom(rijen, "_naam")[0] == "José Müller"
    assert kolom(rijen, "toegekend") == ["true", "false"]


def test_utf8_met_en_zonder_bom_en_gemengd() -> None:
    for inhoud in (
        "id,_naam,duur_maanden\n1,José,12\n".encode(),
        "\ufeffid,_naam,duur_maanden\n1,José,12\n".encode(),
    ):
        rijen, _ = draai_bytes(inhoud)
        assert rijen[0][0] == "id" and kolom(rijen, "_naam") == ["José"]
    # a UTF-8 file with one cp1252 line pasted in: that line is read as cp1252, nothing is lost
    gemengd = "id,_naam,duur_maanden\n1,José,12\n".encode() + "2,Müller,12\n".encode("cp1252")
    rijen, gekozen = draai_bytes(gemengd)
    assert gekozen == "utf-8" and kolom(rijen, "_naam") == ["José", "Müller"]


def test_het_bestand_van_nederlandse_excel() -> None:
    """Reproduction: BOM, ';' and CRLF were refused whole ("onbekende kolom 'id;duur_maanden;…'")."""
    inhoud = "\ufeffid;duur_maanden;extra_ruimten;_opmerking\r\n1;12;2;met, komma\r\n2;12,0;;\r\n".encode()
    rijen, _ = draai_bytes(inhoud)
    assert rijen[0][:3] == ["id", "duur_maanden", "extra_ruimten"]
    assert kolom(rijen, "fouten") == ["", ""]
    verwacht = api.run("ho", {"duur_maanden": 12, "extra_ruimten": 2})["minuten_per_week"]
    assert kolom(rijen, "minuten_per_week")[0] == verwacht
    assert kolom(rijen, "_opmerking")[0] == "met, komma"


@pytest.mark.parametrize(("teken", "naam"), [(",", "komma"), (";", "puntkomma"), ("\t", "tab")])
def test_scheidingsteken_herkend_of_opgegeven(teken: str, naam: str) -> None:
    inhoud = f"id{teken}duur_maanden\n1{teken}12\n".encode()
    rijen, _ = draai_bytes(inhoud)
    assert kolom(rijen, "toegekend") == ["true"]
    tekst, _ = batch.open_tekst(io.BytesIO(inhoud), None)
    uit = io.StringIO()
    batch.process(tekst, uit, "ho", None, cli.SCHEIDINGSTEKENS[naam])
    assert uit.getvalue().splitlines()[0].split(teken)[0] == "id"


def test_decimale_komma_waar_een_getal_mag() -> None:
    rijen, _ = draai_bytes(b"id;duur_maanden;extra_ruimten\n1;12,0;1,00\n2;12,5;\n")
    assert kolom(rijen, "fouten")[0] == ""
    assert "heel getal" in kolom(rijen, "fouten")[1] and '"12,5"' in kolom(rijen, "fouten")[1]


def test_geneste_haken_in_een_cel_stoppen_het_bestand_niet() -> None:
    """Reproduction: a cell of nested brackets aborted the file with RecursionError."""
    diep = "[" * 50_000 + "]" * 50_000
    inhoud = f'id,duur_maanden,kinderen\n1,12,\n2,12,"{diep}"\n3,12,\n'.encode()
    rijen, _ = draai_bytes(inhoud)
    assert kolom(rijen, "id") == ["1", "2", "3"]
    fouten = kolom(rijen, "fouten")
    assert fouten[0] == fouten[2] == "" and "te diep genest" in fouten[1]
    assert len(fouten[1]) < 300


def test_een_te_lange_cel_blijft_in_zijn_rij() -> None:
    """Reproduction: a cell over 131,072 characters aborted with _csv.Error; later rows were lost."""
    inhoud = f"id,duur_maanden,_notitie\n1,12,\n2,12,{'x' * 200_000}\n3,12,\n".encode()
    rijen, _ = draai_bytes(inhoud)
    assert len(rijen) == 4
    assert kolom(rijen, "id")[0] == "1" and kolom(rijen, "id")[2] == "3"
    fouten = kolom(rijen, "fouten")
    assert fouten[0] == fouten[2] == "" and "langer dan" in fouten[1] and "niet gelezen" in fouten[1]


@pytest.mark.parametrize("eind", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_een_te_lange_regel_blijft_in_zijn_rij(bundle: dict, eind: str) -> None:
    """Reproduction (issue 20, 11): a line was read whole, however long; now a line over
    omvang.regel_tekens is reported in its row and skipped, also after a quote left open."""
    grens = invoer_deel(bundle)["omvang"]["regel_tekens"]
    regels = [
        "id,duur_maanden,_notitie",
        "1,12,",
        "," * grens,  # just within the limit: read (and refused for its number of cells)
        "," * (grens + 1),
        '4,12,"open',  # a quote left open, then a line over the limit
        "x" * (grens * 3),
        "6,12,",
    ]
    rijen, _ = draai_bytes(eind.join(regels).encode() + eind.encode())
    fouten = kolom(rijen, "fouten")
    assert kolom(rijen, "id")[0] == "1" and kolom(rijen, "id")[-1] == "6"
    assert fouten[0] == fouten[-1] == ""
    assert f"{grens + 1} cellen" in fouten[1]
    assert fouten[2] == f"Rij 3: de regel is langer dan {grens} tekens; deze rij is niet gelezen."
    assert fouten[3].startswith("Rij 4: een aanhalingsteken wordt op deze regel niet gesloten")
    assert fouten[4] == f"Rij 5: de regel is langer dan {grens} tekens; deze rij is niet gelezen."
    assert len(rijen) == 7


def test_korte_rijen_worden_gemeld_niet_aangevuld() -> None:
    """Reproduction: short rows were silently padded."""
    rijen, _ = draai_bytes(b"id,duur_maanden,extra_ruimten\n1,12\n2,12,1\n")
    fouten = kolom(rijen, "fouten")
    assert "2 cellen" in fouten[0] and "3 kolommen" in fouten[0] and kolom(rijen, "toegekend")[0] == ""
    assert fouten[1] == ""


def test_nul_bytes_worden_niet_teruggeschreven() -> None:
    """Reproduction: a NUL byte was echoed into the output."""
    rijen, _ = draai_bytes(b"id,duur_maanden,regie\na\x00b,12,geen\x00\n")
    assert all("\x00" not in c for r in rijen for c in r)
    assert kolom(rijen, "id") == ["a\ufffdb"]
    assert "onbekende keuze" in kolom(rijen, "fouten")[0]


@pytest.mark.parametrize("cel", ['=HYPERLINK("http://x","klik")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "=1"])
def test_formules_worden_onschadelijk(cel: str) -> None:
    """Reproduction: a pass-through cell =HYPERLINK(…) was written unescaped (CSV injection, OWASP)."""
    uit = io.StringIO()
    inhoud = io.StringIO()
    csv.writer(inhoud).writerows([["id", "_notitie", "duur_maanden"], [cel, cel, "12"]])
    inhoud.seek(0)
    batch.process(inhoud, uit)
    rij = list(csv.reader(io.StringIO(uit.getvalue())))[1]
    assert rij[0] == rij[1] == "'" + cel
    assert rij[2] == "12"


def test_negatieve_getallen_blijven_getallen() -> None:
    rijen, _ = draai_bytes(b"id,duur_maanden\n-1,-3\n")
    assert kolom(rijen, "id") == ["-1"] and kolom(rijen, "duur_maanden") == ["-3"]


def test_kop_met_formule_wordt_onschadelijk() -> None:
    rijen, _ = draai_bytes(b"id,_=cmd,duur_maanden\n1,x,12\n")
    assert rijen[0][1] == "_=cmd"  # starts with _, harmless
    rijen, _ = draai_bytes(b"id,duur_maanden\n=1+1,12\n")
    assert kolom(rijen, "id") == ["'=1+1"]


def test_uitvoer_wordt_pas_bij_voltooiing_hernoemd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupted run never leaves a half file under the final name; an old file stays intact."""
    invoer = tmp_path / "in.csv"
    invoer.write_text("id,duur_maanden\n" + "".join(f"{i},{i % 20}\n" for i in range(500)), encoding="utf-8")
    doel = tmp_path / "uit.csv"
    doel.write_text("oud\n", encoding="utf-8")
    echte = batch._rij
    teller = {"n": 0}

    def breekt(*args: object) -> list[str]:
        teller["n"] += 1
        if teller["n"] == 10:
            raise KeyboardInterrupt
        return echte(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_rij", breekt)
    assert cli.main(["batch", str(invoer), "-o", str(doel)]) == 130
    assert doel.read_text(encoding="utf-8") == "oud\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "uit.csv"]
    monkeypatch.setattr(batch, "_rij", echte)
    assert cli.main(["batch", str(invoer), "-o", str(doel)]) == 0
    assert len(doel.read_text(encoding="utf-8").splitlines()) == 501


def test_cli_leest_cp1252_en_schrijft_bom_terug(repo: Path, tmp_path: Path) -> None:
    invoer = tmp_path / "excel.csv"
    invoer.write_bytes("\ufeffid;duur_maanden;_naam\r\n1;12;Müller\r\n".encode())
    uit = tmp_path / "uit.csv"
    r = subprocess.run(
        [sys.executable, "-m", "calculator", "batch", str(invoer), "-o", str(uit)],
        cwd=repo,
        capture_output=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    inhoud = uit.read_bytes()
    assert inhoud.startswith(b"\xef\xbb\xbfid;duur_maanden;_naam;toegekend")
    assert "Müller" in inhoud.decode("utf-8-sig")
    r = subprocess.run(
        [sys.executable, "-m", "calculator", "batch", str(invoer), "--encoding", "klingon"],
        cwd=repo,
        capture_output=True,
        timeout=120,
    )
    assert r.returncode == 2 and b"Traceback" not in r.stderr


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=200), st.sampled_from(["id", "duur_maanden", "kinderen", "regie", "_x", "peildatum"])
)
def test_willekeurige_bytes_als_cel(cel: bytes, naam: str) -> None:
    """Arbitrary bytes in any cell: every row is answered, the output is readable, no formula survives."""
    kop = ["id", "duur_maanden", "kinderen", "regie", "_x", "peildatum"]
    waarden = {k: b"" for k in kop} | {"duur_maanden": b"12"}
    waarden[naam] = cel
    buf = io.StringIO()
    csv.writer(buf).writerow(kop)
    inhoud = (
        buf.getvalue().encode()
        + b"0,12,,,,\n"
        + b",".join(_csv_cel(waarden[k]) for k in kop)
        + b"\n1,12,,,,\n"
    )
    tekst, _ = batch.open_tekst(io.BytesIO(inhoud), "utf-8")
    uit = io.StringIO()
    rijen, _ = batch.process(tekst, uit)
    waarde = uit.getvalue()
    waarde.encode("utf-8")
    uitrijen = list(csv.reader(io.StringIO(waarde)))
    assert uitrijen[1][0] == "0" and uitrijen[-1][0] == "1", "rows around the odd one are computed"
    for r in uitrijen[1:]:
        for c in r:
            # A plain number ("+0", "-5") is no formula; everything else starting like one is quoted.
            assert not c.startswith(("=", "+", "@", "\t", "\r")) or c[:1] == "'" or batch.GETAL.fullmatch(c)
            assert "\x00" not in c


def _csv_cel(waarde: bytes) -> bytes:
    return b'"' + waarde.replace(b'"', b'""') + b'"'
