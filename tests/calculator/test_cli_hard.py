"""Hardening of the command line (issue 11): exit 2 for any bad input, exit 1 one Dutch line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def cli(repo: Path, *args: str, invoer: bytes = b"", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "calculator", *args],
        cwd=repo,
        input=invoer,
        capture_output=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def een_regel(r: subprocess.CompletedProcess) -> str:
    fout = r.stderr.decode("utf-8")
    assert "Traceback" not in fout
    assert len(fout.strip().splitlines()) == 1, fout
    return fout


def test_diep_genest_op_stdin_is_exit_2(repo: Path) -> None:
    r = cli(repo, "ho", invoer=b"[" * 5000 + b"]" * 5000)
    assert r.returncode == 2 and "te diep genest" in een_regel(r)


@pytest.mark.parametrize("env", [{}, {"PYTHONIOENCODING": "utf-8:strict"}, {"LC_ALL": "C", "LANG": "C"}])
def test_binaire_stdin_is_exit_2(repo: Path, env: dict) -> None:
    r = cli(repo, "ho", invoer=bytes(range(256)), env=env)
    assert r.returncode == 2 and "UTF-8" in een_regel(r)


@pytest.mark.parametrize(
    "inhoud",
    [
        bytes(range(256)) * 4,
        b"# Een Markdown-bestand\n\nGeen bundel.\n",
        b"[1, 2, 3]",
        b'{"versie": 1, "parameters": [], "tarieven": {}, "producten": {}, "regios": {}}',
        b"[" * 100_000,
    ],
    ids=["binair", "markdown", "lijst", "verkeerde-vorm", "diep"],
)
def test_bundle_die_geen_bundel_is_geeft_een_regel(repo: Path, tmp_path: Path, inhoud: bytes) -> None:
    pad = tmp_path / "bundle.json"
    pad.write_bytes(inhoud)
    r = cli(repo, "--bundle", str(pad), "hht")
    assert r.returncode == 1
    assert een_regel(r).startswith("rekenhulp: de gegevens van de rekenhulp zijn onbruikbaar")


def test_bundle_met_een_waarde_die_geen_getal_is(repo: Path, tmp_path: Path, bundle: dict) -> None:
    kapot = json.loads(json.dumps(bundle))
    kapot["parameters"]["hht.uren_per_jaar"]["waarden"][0]["waarde"] = "zesendertig"
    pad = tmp_path / "bundle.json"
    pad.write_text(json.dumps(kapot), encoding="utf-8")
    r = cli(repo, "--bundle", str(pad), "hht")
    assert r.returncode == 1 and "hht.uren_per_jaar" in een_regel(r) and "geen getal" in r.stderr.decode()


def test_bundle_zonder_invoerdeel(repo: Path, tmp_path: Path, bundle: dict) -> None:
    oud = {k: v for k, v in bundle.items() if k != "invoer"}
    pad = tmp_path / "bundle.json"
    pad.write_text(json.dumps(oud), encoding="utf-8")
    r = cli(repo, "--bundle", str(pad), "hht")
    assert r.returncode == 1 and "invoer" in een_regel(r)


def test_traceback_alleen_met_debug(repo: Path, tmp_path: Path) -> None:
    pad = tmp_path / "bundle.json"
    pad.write_bytes(b"\x00\xff")
    r = cli(repo, "--debug", "--bundle", str(pad), "hht")
    assert r.returncode == 1 and b"Traceback" in r.stderr


def test_argparse_spreekt_nederlands(repo: Path) -> None:
    for args in (["vliegen"], [], ["beschermd-thuis", "enorm"], ["ho", "--kleur"], ["batch"]):
        r = cli(repo, *args)
        fout = r.stderr.decode("utf-8")
        assert r.returncode == 2, args
        assert fout.startswith("gebruik: "), fout
        for engels in ("usage", "error:", "invalid choice", "required", "unrecognized", "choose from"):
            assert engels not in fout, (args, fout)
    hulp = cli(repo, "--help").stdout.decode("utf-8")
    assert "gebruik:" in hulp and "opties" in hulp and "show this help" not in hulp


@pytest.mark.parametrize(
    "inhoud", [b"\x89PNG\x00\xff", b'{"versie": 1}', b""], ids=["binair", "leeg-object", "leeg"]
)
def test_kapotte_bundel_in_het_pakket(repo: Path, tmp_path: Path, inhoud: bytes) -> None:
    """A corrupt packaged bundle (calculator/data/bundle.json): one Dutch line, exit 1."""
    import shutil

    kopie = tmp_path / "calculator"
    shutil.copytree(repo / "calculator", kopie, ignore=shutil.ignore_patterns("__pycache__"))
    (kopie / "data" / "bundle.json").write_bytes(inhoud)
    r = subprocess.run(
        [sys.executable, "-m", "calculator", "hht"], cwd=tmp_path, capture_output=True, timeout=120
    )
    assert r.returncode == 1
    assert een_regel(r).startswith("rekenhulp: de gegevens van de rekenhulp zijn onbruikbaar")


@pytest.mark.parametrize(
    "inhoud",
    [bytes(range(256)) * 2000, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, b"", b"\n\n"],
    ids=["binair-zonder-regeleinde", "png", "leeg", "lege-regels"],
)
def test_batch_op_een_bestand_dat_geen_csv_is(repo: Path, tmp_path: Path, inhoud: bytes) -> None:
    pad = tmp_path / "raar.csv"
    pad.write_bytes(inhoud)
    r = cli(repo, "batch", str(pad), "-o", str(tmp_path / "uit.csv"))
    fout = r.stderr.decode("utf-8")
    assert r.returncode == 2 and "Traceback" not in fout and fout.strip()
    assert len(fout) < 5000
    assert not (tmp_path / "uit.csv").exists(), "no output file for a file that could not be read"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raar.csv"], "no temporary file left behind"


def test_batch_met_een_map_of_een_onbereikbare_uitvoer(repo: Path, tmp_path: Path) -> None:
    r = cli(repo, "batch", str(tmp_path))
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    invoer = tmp_path / "in.csv"
    invoer.write_text("duur_maanden\n12\n", encoding="utf-8")
    r = cli(repo, "batch", str(invoer), "-o", str(tmp_path / "bestaat-niet" / "uit.csv"))
    assert r.returncode == 2 and b"Traceback" not in r.stderr
