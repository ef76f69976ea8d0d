"""The editors' walkthroughs in CONTRIBUTING.md, followed on a copy of the repository: every output
the text promises is what the build prints (issue 21 item 6).

"Een gemeente toevoegen" is done with the files of the made-up municipality Proefdorp
(tests/fixtures/proefdorp/content/); "tarieven bijwerken" with its second tariff year.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "proefdorp" / "content"
TEKST = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
NEGEER = shutil.ignore_patterns(".venv", "node_modules", ".git", ".build", "site", "generated", "__pycache__")


def hoofdstuk(kop: str) -> str:
    """One ``## `` section of CONTRIBUTING.md."""
    return TEKST.split(f"## {kop}", 1)[1].split("\n## ", 1)[0]


def tekstblokken(deel: str) -> list[str]:
    """The ```text blocks of a section (what the build prints), without the indentation of a list."""
    blokken = re.findall(r"```text\n(.*?)\n\s*```", deel, flags=re.S)
    return ["\n".join(r.strip() for r in b.splitlines()) for b in blokken]


def check(repo: Path) -> tuple[int, str]:
    """``build.py --check`` as the walkthrough runs it: exit code and what it prints, lines stripped."""
    r = subprocess.run(
        [sys.executable, "build.py", "--check"], cwd=repo, capture_output=True, text=True, timeout=300
    )
    return r.returncode, "\n".join(x.strip() for x in (r.stdout + r.stderr).strip().splitlines())


def _voeg_toe(doel: Path, bron: Path) -> None:
    """Step 1 and 2: the source and the region are entries added to the existing files."""
    tekst = doel.read_text(encoding="utf-8").rstrip("\n") + "\n"
    extra = bron.read_text(encoding="utf-8").split("\n", 1)[1]  # without its own schema line
    doel.write_text(tekst + extra, encoding="utf-8")


def _kopieer_bestanden(repo: Path) -> list[Path]:
    """Steps 3-5: the product, tariff, hours and package files, copied as they are."""
    nieuw = []
    for pad in sorted(FIXTURE.rglob("*.yaml")):
        rel = pad.relative_to(FIXTURE)
        if rel.name in ("bronnen.yaml", "regios.yaml"):
            continue
        doel = repo / "content" / rel
        doel.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(pad, doel)
        nieuw.append(doel)
    return nieuw


def _zet_eerste_regel(bestand: Path, uitvoer: str) -> None:
    """What the walkthrough asks after a copy: take the first line the build names for the file."""
    for regel in uitvoer.splitlines():
        naam, _, melding = regel.partition(": de eerste regel moet zijn: ")
        if melding and bestand.as_posix().endswith(naam):
            rest = bestand.read_text(encoding="utf-8").split("\n", 1)[1]
            bestand.write_text(melding + "\n" + rest, encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository next to the sources, as an editor has it."""
    basis = tmp_path_factory.mktemp("redacteur")
    doel = basis / "repo"
    shutil.copytree(ROOT, doel, ignore=NEGEER, symlinks=True)
    (basis / "shared").symlink_to(ROOT.parent / "shared")
    return doel


def test_een_gemeente_toevoegen_zoals_contributing_het_zegt(repo: Path) -> None:
    deel = hoofdstuk("Voor redacteuren: een gemeente toevoegen")
    # Step 1 proposes a number for the new source that is not taken yet.
    bestaand = set(yaml.safe_load((repo / "content" / "bronnen.yaml").read_text(encoding="utf-8")))
    voorgesteld = re.findall(r'`"(\d{3})"`', deel.split("2. **", 1)[0])
    assert voorgesteld and not set(voorgesteld) & bestaand, (voorgesteld, sorted(bestaand))
    _voeg_toe(repo / "content" / "bronnen.yaml", FIXTURE / "bronnen.yaml")
    _voeg_toe(repo / "content" / "regios.yaml", FIXTURE / "regios.yaml")
    nieuw = _kopieer_bestanden(repo)

    # A copied file keeps the fixture's schema line: the build names every file and the right line.
    code, uit = check(repo)
    assert code != 0
    blokken = tekstblokken(deel)
    voorbeeld = next(b for b in blokken if "de eerste regel moet zijn" in b)
    assert voorbeeld.splitlines()[1] in uit.splitlines(), uit
    for bestand in nieuw:
        assert f"content/{bestand.relative_to(repo / 'content').as_posix()}: de eerste regel moet zijn" in uit
        _zet_eerste_regel(bestand, uit)

    code, uit = check(repo)
    belofte = re.search(r"Alles goed: `([^`]*)`", deel).group(1)
    assert code == 0 and uit.splitlines()[-1] == belofte, uit

    # The two error examples, made as the text describes them, print exactly what it shows.
    was = repo / "content" / "producten" / "proefdorp" / "pd-was.yaml"
    goed = was.read_text(encoding="utf-8")
    was.write_text(goed.replace("regio: proefdorp", "regio: proefdorpp"), encoding="utf-8")
    code, uit = check(repo)
    assert code != 0 and uit == next(b for b in blokken if "proefdorpp" in b)
    was.write_text(goed, encoding="utf-8")

    begeleiding = repo / "content" / "tarieven" / "proefdorp" / "pd_begeleiding_professioneel.yaml"
    tabel = repo / "content" / "tarieven" / "proefdorp" / "pd_ho_sociaal_netwerk.yaml"
    oud = {p: p.read_text(encoding="utf-8") for p in (begeleiding, tabel)}
    begeleiding.write_text(
        oud[begeleiding].replace("product: pd-begeleiding", "product: pd-begeleidng"), encoding="utf-8"
    )
    tabel.write_text(oud[tabel].replace("{waarde: 175.00}", "{waarde: 175.01}", 1), encoding="utf-8")
    code, uit = check(repo)
    assert code != 0 and uit == next(b for b in blokken if "pd-begeleidng" in b)
    for p, tekst in oud.items():
        p.write_text(tekst, encoding="utf-8")

    # The tariff update's check message is the same rule.
    bijwerken = tekstblokken(hoofdstuk("Voor redacteuren: tarieven per 1 januari bijwerken"))
    tabel.write_text(oud[tabel].replace("{waarde: 175.00}", "{waarde: 175.01}", 1), encoding="utf-8")
    code, uit = check(repo)
    assert code != 0 and bijwerken[0] in uit.splitlines()
    tabel.write_text(oud[tabel], encoding="utf-8")


def test_een_gemeente_met_bedragen_maar_zonder_pakket_hoort_niet_geen_pgb_bedragen(repo: Path) -> None:
    """Without an HO package the resident page says there are no HO amounts, never that the sources
    hold no pgb amounts at all when the municipality's tariff files have them (begeleiding)."""
    if not (repo / "content" / "producten" / "proefdorp").exists():
        pytest.skip("needs the municipality added by the walkthrough test")
    pakket = repo / "content" / "pakketten" / "proefdorp.yaml"
    tekst = pakket.read_text(encoding="utf-8")
    pakket.unlink()
    try:
        r = subprocess.run(
            [sys.executable, "build.py", "--pages"], cwd=repo, capture_output=True, text=True, timeout=300
        )
        assert r.returncode == 0, r.stdout + r.stderr
        pagina = (repo / "generated" / "docs" / "rekenhulp" / "pgb-budget.md").read_text(encoding="utf-8")
        blok = pagina.split('data-regio-info="proefdorp"', 1)[1].split("</div>", 1)[0]
        # The block lists what the municipality offers; the answer's headline (weergave.js) says there
        # are no hours and no amounts for hulp in het huishouden. Neither says "no pgb amounts" at all.
        assert "Wat Proefdorp biedt voor hulp in het huishouden" in blok
        assert "geen PGB-bedragen" not in blok
    finally:
        pakket.write_text(tekst, encoding="utf-8")
