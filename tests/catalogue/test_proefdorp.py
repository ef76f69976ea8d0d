"""A municipality added by data files only (tests/fixtures/proefdorp, never published) appears wherever
a real one does: product cards, tariff pages, the comparison, the rekenhulp pages and the CLI, with the
same validation (the sources' arithmetic) applied to its files.

The figures expected here are the fixture's own "source" (its files, bron 900), never code output.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue.errors import ContentErrors
from catalogue.schemas import kopregel
from catalogue.steps import validate

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "proefdorp" / "content"


@pytest.fixture(scope="module")
def uit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content plus Proefdorp, built into a folder of its own (bundle and Markdown pages)."""
    doel = tmp_path_factory.mktemp("proefdorp")
    r = subprocess.run(
        [sys.executable, "build.py", "--extra-content", str(FIXTURE), "--uit", str(doel), "--pages"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return doel


def pagina(uit: Path, rel: str) -> str:
    return (uit / "generated" / "docs" / rel).read_text(encoding="utf-8")


def cli(uit: Path, *args: str, invoer: dict | None = None) -> dict:
    r = subprocess.run(
        [sys.executable, "-m", "calculator", "--bundle", str(uit / "bundle.json"), *args],
        cwd=ROOT,
        input=json.dumps(invoer) if invoer is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_productkaarten_met_tarieven(uit: Path) -> None:
    kaart = pagina(uit, "producten/proefdorp/pd-hulp-basis.md")
    assert "Hulp basis" in kaart
    assert "€\u00a0300,00" in kaart and "€\u00a0166,67" in kaart  # professioneel; 100 uur x 20,00 / 12
    assert "Begeleiding Proefdorp" in pagina(uit, "producten/proefdorp/pd-begeleiding.md")


def test_tariefpagina_en_vergelijking(uit: Path) -> None:
    tarieven = pagina(uit, "tarieven/proefdorp.md")
    assert "pd-ho-sociaal-netwerk" in tarieven and "€\u00a0900,00" in tarieven
    assert "## [Proefdorp](proefdorp.md)" in pagina(uit, "tarieven/index.md")
    vergelijking = pagina(uit, "vergelijking.md")
    assert "Hulp basis" in vergelijking and "Begeleiding Proefdorp" in vergelijking


def test_rekenhulppaginas_bieden_proefdorp_aan(uit: Path) -> None:
    advies = pagina(uit, "rekenhulp/pgb-budget.md")
    # The town is the first question: each municipality of content/regios.yaml sends its region (issue 16).
    assert '<option value="proefdorp" data-kern="proefdorp"' in advies
    assert "Hulp bij gedragsproblematiek" in advies
    budget = pagina(uit, "rekenhulp/budget.md")
    assert 'value="pd-begeleiding"' in budget and "Proefdorp: Begeleiding" in budget
    bundel = json.loads((uit / "bundle.json").read_text(encoding="utf-8"))
    assert "proefdorp" in bundel["pakketten"] and "proefdorp" in bundel["regios"]


@pytest.mark.parametrize(
    ("peildatum", "sociaal_netwerk", "professioneel"),
    [
        ("2026-06-01", "283.34", "390.00"),  # 166,67 + 50,00 + 66,67; 300,00 + 90,00
        ("2027-03-01", "297.50", "409.50"),  # 175,00 + 52,50 + 70,00; 315,00 + 94,50
    ],
)
def test_cli_advies_per_tariefjaar(
    uit: Path, peildatum: str, sociaal_netwerk: str, professioneel: str
) -> None:
    vraag = {"regio": "proefdorp", "wasverzorging": "1_persoon", "boodschappen": True, "peildatum": peildatum}
    u = cli(uit, "advies", invoer=vraag)
    assert [p["id"] for p in u["producten"]] == ["pd-hulp-basis", "pd-was", "pd-boodschappen"]
    assert u["uren_per_jaar"] == "170"  # 100 + 30 + 40
    assert u["budgetten"]["sociaal-netwerk"]["per_maand"] == sociaal_netwerk
    pro = u["budgetten"]["pgb-professioneel"]
    assert pro["per_maand"] == professioneel and [o["product"] for o in pro["ontbreekt"]] == ["pd-was"]


def test_cli_pgb_en_producten(uit: Path) -> None:
    vraag = {"producten": ["pd-begeleiding"], "uitvoering": "pgb-professioneel", "peildatum": "2027-01-01"}
    assert cli(uit, "pgb", invoer=vraag)["per_maand"] == "945.00"
    ids = {p["id"] for p in cli(uit, "producten", "--regio", "proefdorp")}
    assert ids == {f.stem for f in (FIXTURE / "producten" / "proefdorp").glob("*.yaml")}  # one file a product


def test_proefdorp_wordt_nooit_gepubliceerd(root: Path) -> None:
    bundel = root / "calculator" / "data" / "bundle.json"
    if bundel.exists():
        assert "proefdorp" not in json.loads(bundel.read_text(encoding="utf-8"))["regios"]
    r = subprocess.run(
        [sys.executable, "build.py", "--extra-content", str(FIXTURE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2 and "--uit" in r.stderr


@pytest.fixture
def kopie(tmp_path: Path) -> Path:
    doel = tmp_path / "proefdorp"
    shutil.copytree(FIXTURE, doel)
    return doel


def test_de_rekenregels_van_de_bron_gelden_ook_voor_proefdorp(root: Path, kopie: Path) -> None:
    tabel = kopie / "tarieven" / "proefdorp" / "pd_ho_sociaal_netwerk.yaml"
    tekst = tabel.read_text(encoding="utf-8")
    tabel.write_text(tekst.replace("{waarde: 166.67}", "{waarde: 166.68}", 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        validate(root / "content", [kopie])
    meldingen = [str(e) for e in info.value.errors]
    assert any(
        "pd_ho_sociaal_netwerk.yaml" in m and "166.68 klopt niet: 100 uur x 20.00 / 12 = 166.67" in m
        for m in meldingen
    ), meldingen


def test_een_dubbel_id_met_de_echte_content_is_een_fout(root: Path, kopie: Path) -> None:
    product = kopie / "producten" / "proefdorp" / "pd-was.yaml"
    product.write_text(product.read_text(encoding="utf-8").replace("id: pd-was", "id: wasverzorging"))
    product.rename(product.with_name("wasverzorging.yaml"))
    with pytest.raises(ContentErrors) as info:
        validate(root / "content", [kopie])
    assert any("dubbel product-id" in str(e) for e in info.value.errors)


def test_wijzigingen_per_datum_en_geschiedenis(uit: Path) -> None:
    """The fixture's second tariff year shows as a diff (old -> new, per table) and as table history."""
    wijzigingen = pagina(uit, "wijzigingen.md")
    jaar = wijzigingen.split("## 1 januari 2027", 1)[1]
    assert "| Basis | €\u00a0300,00 | €\u00a0315,00 |" in jaar  # professioneel
    assert "| Uurtarief | €\u00a020,00 | €\u00a021,00 |" in jaar  # sociaal netwerk
    assert "| Basis | €\u00a0166,67 | €\u00a0175,00 |" in jaar  # 100 uur x 21,00 / 12
    # A first value replaces nothing: Proefdorp's 2026 amounts are no change.
    assert "Proefdorp" not in wijzigingen.split("## 1 januari 2026", 1)[1].split("\n## ", 1)[0]
    tarieven = pagina(uit, "tarieven/proefdorp.md")
    geschiedenis = tarieven.split("**Geschiedenis**", 1)[1]
    assert "| Begeleiding | 1 januari 2026 | €\u00a0900,00 |" in geschiedenis
    assert "| Begeleiding | 1 januari 2027 | €\u00a0945,00 |" in geschiedenis


# Which calculator answers a product is content (``berekening``): Proefdorp's own logeerzorg,
# Beschermd Thuis and HHT products are answered from its files (bron 900) without a code change.
def test_logeerzorg_beschermd_thuis_en_hht_van_proefdorp(uit: Path) -> None:
    from calculator import api, data

    b = data.load_bundle(uit / "bundle.json")
    pgb = api.run(
        "pgb",
        {
            "producten": ["pd-logeerzorg"],
            "uitvoering": "pgb-professioneel",
            "etmalen_per_jaar": 10,
            "peildatum": "2026-06-01",
        },
        b,
    )
    assert pgb["per_jaar"] == "1200.00"  # 10 etmalen x 120,00 (pd_logeerzorg.yaml)
    bt = api.run("beschermd_thuis", {"regio": "proefdorp", "niveau": "midden", "peildatum": "2026-06-01"}, b)
    assert bt["product"]["id"] == "pd-beschermd-thuis-midden" and bt["uren_per_week"] == "9"
    hht = api.run("hht", {"regio": "proefdorp", "peildatum": "2026-06-01"}, b)
    assert hht["regio"] == "proefdorp" and hht["uren_per_jaar"] == "52"
    # The real region keeps its own: 36 hours a year (001, HHT).
    assert api.run("hht", {"regio": "westfriesland", "peildatum": "2026-06-01"}, b)["uren_per_jaar"] == "36"


def test_elk_product_met_een_rekenhulp_krijgt_er_een(uit: Path) -> None:
    """Every product whose kind has a calculator (``berekening``) is answered by it, in every region."""
    from calculator import api, data

    b = data.load_bundle(uit / "bundle.json")
    vraag = {
        "logeerzorg": lambda pid, x: (
            "pgb",
            {
                "producten": [pid],
                "uitvoering": "pgb-professioneel",
                "etmalen_per_jaar": 1,
                "peildatum": "2026-06-01",
            },
        ),
        "beschermd-thuis": lambda pid, x: (
            "beschermd_thuis",
            {"regio": x["regio"], "niveau": x["niveau"], "peildatum": "2026-06-01"},
        ),
        "hht": lambda pid, x: ("hht", {"regio": x["regio"], "peildatum": "2026-06-01"}),
    }
    gezien = set()
    for pid, x in b["producten"].items():
        if not x.get("berekening"):
            continue
        soort, invoer = vraag[x["berekening"]](pid, x)
        uit_ = api.run(soort, invoer, b)
        genoemd = {r.get("product") for r in uit_.get("regels", [])} | {(uit_.get("product") or {}).get("id")}
        assert pid in genoemd or uit_.get("regio") == x["regio"], (pid, uit_)
        gezien.add(x["berekening"])
    assert gezien == set(vraag)
    # Products of those kinds without ``berekening`` would silently get no calculator: none exist.
    for pid, x in b["producten"].items():
        if "logeer" in x["naam"].lower():
            assert x.get("berekening") == "logeerzorg", pid
        if "beschermd thuis" in x["naam"].lower():
            assert x.get("berekening") == "beschermd-thuis", pid
        if "(hht)" in x["naam"].lower() or x["naam"].lower().startswith("huishoudelijke hulp toelage"):
            assert x.get("berekening") == "hht", pid


@pytest.mark.parametrize(
    "eerste",
    [
        "# yaml-language-server: $schema=../../../../../../schemas/tarieftabel.json",  # another kind
        "id: pd-was",  # no schema line at all
    ],
)
def test_een_verkeerde_schemaregel_wordt_geweigerd_met_de_juiste(
    root: Path, kopie: Path, eerste: str
) -> None:
    product = kopie / "producten" / "proefdorp" / "pd-was.yaml"
    regels = product.read_text(encoding="utf-8").split("\n")
    goed = kopregel(product, kopie, root / "schemas")  # the copy lies elsewhere: its own relative path
    product.write_text(
        "\n".join([eerste, *regels[1:]] if eerste != "id: pd-was" else regels[1:]), encoding="utf-8"
    )
    with pytest.raises(ContentErrors) as info:
        validate(root / "content", [kopie])
    meldingen = [str(e) for e in info.value.errors]
    assert any("pd-was.yaml" in m and f"de eerste regel moet zijn: {goed}" in m for m in meldingen), meldingen


# A dated update is whole or refused (issue 21): the fixture's 2027 update, made half.
SN_TABEL = "pd_ho_sociaal_netwerk.yaml"


def meldingen_van(root: Path, kopie: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        validate(root / "content", [kopie])
    return [str(e) for e in info.value.errors]


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} niet in {pad.name}"
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def test_een_nieuw_uurtarief_zonder_zijn_rijen_stopt_de_build(root: Path, kopie: Path) -> None:
    vervang(kopie / "tarieven" / "proefdorp" / SN_TABEL, "      2027-01-01: {waarde: 175.00}\n", "")
    meldingen = meldingen_van(root, kopie)
    assert any(
        SN_TABEL in m
        and "rijen.1.waarden.2027-01-01" in m
        and "het uurtarief verandert op 2027-01-01, maar rij 'basis' heeft geen bedrag op die datum" in m
        for m in meldingen
    ), meldingen
    # The old amount would stay in force next to the new rate: said with the sum that holds then.
    assert any("op 2027-01-01 geldt 100 uur x 21.00 / 12 = 175.00, maar rij 'basis' heeft dan nog 166.67" in m
               for m in meldingen), meldingen  # fmt: skip


def test_nieuwe_rijen_zonder_hun_uurtarief_stoppen_de_build(root: Path, kopie: Path) -> None:
    vervang(kopie / "tarieven" / "proefdorp" / SN_TABEL, "  2027-01-01: {waarde: 21.00}\n", "")
    meldingen = meldingen_van(root, kopie)
    assert any(
        SN_TABEL in m
        and "uurtarief.2027-01-01" in m
        and "rij 'licht' heeft een bedrag vanaf 2027-01-01, maar het uurtarief niet" in m
        for m in meldingen
    ), meldingen


def test_een_nieuwe_urentabel_zonder_nieuwe_bedragen_stopt_de_build(root: Path, kopie: Path) -> None:
    """The hours parameter gains a date (2028) the table does not: its rows no longer add up then."""
    vervang(
        kopie / "regels" / "proefdorp_uren.yaml",
        "basis: {beschrijving: Hulp basis, eenheid: uren per jaar, waarden: {2026-01-01: {waarde: 100}}}",
        "basis: {beschrijving: Hulp basis, eenheid: uren per jaar, waarden: "
        "{2026-01-01: {waarde: 100}, 2028-01-01: {waarde: 110}}}",
    )
    meldingen = meldingen_van(root, kopie)
    assert any(
        SN_TABEL in m
        and "op 2028-01-01 geldt 110 uur x 21.00 / 12 = 192.50, maar rij 'basis' heeft dan nog 175.00" in m
        for m in meldingen
    ), meldingen


def test_een_tabel_zonder_uurtarief_wordt_ook_heel_bijgewerkt(root: Path, kopie: Path) -> None:
    vervang(
        kopie / "tarieven" / "proefdorp" / "pd_ho_professioneel.yaml",
        "      2027-01-01: {waarde: 157.50}\n",
        "      2027-01-01: {waarde: 157.50}\n      2028-01-01: {waarde: 160.00}\n",
    )
    meldingen = meldingen_van(root, kopie)
    assert any(
        "pd_ho_professioneel.yaml" in m
        and "rijen.1.waarden.2028-01-01" in m
        and "andere rijen van deze tabel hebben een bedrag vanaf 2028-01-01, rij 'basis' niet" in m
        for m in meldingen
    ), meldingen


def test_een_halve_bijwerking_stopt_build_py_met_bestand_rij_en_datum(kopie: Path, tmp_path: Path) -> None:
    vervang(kopie / "tarieven" / "proefdorp" / SN_TABEL, "      2027-01-01: {waarde: 175.00}\n", "")
    r = subprocess.run(
        [
            sys.executable,
            "build.py",
            "--check",
            "--extra-content",
            str(kopie),
            "--uit",
            str(tmp_path / "uit"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode != 0
    uitvoer = r.stdout + r.stderr
    assert SN_TABEL in uitvoer and "rij 'basis'" in uitvoer and "2027-01-01" in uitvoer
    assert "Traceback" not in uitvoer


def test_de_hele_bijwerking_staat_in_de_downloads_per_datum(uit: Path) -> None:
    """tarieven.csv carries both years of the fixture, the 2026 amounts unchanged."""
    csv = (uit / "generated" / "docs" / "downloads" / "tarieven.csv").read_text(encoding="utf-8")
    basis = [
        regel
        for regel in csv.splitlines()
        if regel.startswith("pd-ho-sociaal-netwerk;") and ";basis;" in regel
    ]
    assert any(";2026-01-01;" in r and ";166,67;" in r for r in basis), basis
    assert any(";2027-01-01;" in r and ";175,00;" in r for r in basis), basis
