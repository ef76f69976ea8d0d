"""The content validator speaks Dutch (issue 11): pydantic's types mapped, paths and dates as YAML
writes them, empty and non-UTF-8 files named with their problem, a cap on a file's size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_validatie import HO_SN, PRODUCT, assert_error, content, edit, errors_of  # noqa: F401

from catalogue.meldingen import MAX_BESTAND_BYTES

ENGELS = re.compile(
    r"Input should|Field required|Extra inputs|valid decimal|datetime\.date\(|Value error|codec can't"
)


def geen_engels(content: Path) -> list[str]:  # noqa: F811
    meldingen = errors_of(content)
    for m in meldingen:
        assert not ENGELS.search(m), m
    return meldingen


def test_geen_getal(content: Path) -> None:  # noqa: F811
    """Reproduction: "Input should be a valid decimal"."""
    edit(content, HO_SN, "{waarde: 71.51", "{waarde: zeventig")
    geen_engels(content)
    assert_error(
        content, HO_SN, "rijen.0.waarden.2026-01-01.waarde", r"moet een getal zijn \(gevonden: 'zeventig'\)"
    )


def test_datum_zoals_yaml_hem_schrijft(content: Path) -> None:  # noqa: F811
    """Reproduction: a date rendered as datetime.date(2026, 1, 1) instead of 2026-01-01."""
    edit(content, PRODUCT, "looptijd: Middellang of lang.", "looptijd: 2026-01-01")
    geen_engels(content)
    assert_error(content, PRODUCT, "looptijd", r"moet tekst zijn \(gevonden: 2026-01-01\)")


def test_verplicht_onbekend_en_keuze(content: Path) -> None:  # noqa: F811
    edit(content, PRODUCT, "looptijd: Middellang of lang.\n", "kleur: blauw\n")
    edit(content, PRODUCT, "categorie: huishoudelijke-ondersteuning", "categorie: [1, 2]")
    geen_engels(content)
    assert_error(content, PRODUCT, "looptijd", "verplicht veld ontbreekt")
    assert_error(content, PRODUCT, "kleur", "onbekend veld")


def test_sleutel_die_geen_datum_is(content: Path) -> None:  # noqa: F811
    edit(content, HO_SN, "      2026-01-01: {waarde: 71.51", "      begin 2026: {waarde: 71.51")
    meldingen = geen_engels(content)
    assert not any("[key]" in m for m in meldingen), meldingen
    assert_error(content, HO_SN, "rijen.0.waarden.begin 2026", "de sleutel moet een datum zijn")


@pytest.mark.parametrize("tekst", ["", "# alleen commentaar\n# niets anders\n", "\n\n"])
def test_leeg_of_alleen_commentaar(content: Path, tekst: str) -> None:  # noqa: F811
    (content / PRODUCT).write_text(tekst, encoding="utf-8")
    assert_error(content, PRODUCT, None, "leeg of bevat alleen commentaar")


def test_geen_utf8(content: Path) -> None:  # noqa: F811
    pad = content / PRODUCT
    ruw = pad.read_bytes()
    regel = ruw[: ruw.index("Cliënten".encode())].count(b"\n") + 1
    pad.write_bytes(ruw.replace("Cliënten".encode(), "Cliënten".encode("cp1252")))
    geen_engels(content)
    assert_error(content, PRODUCT, None, rf"geen geldige UTF-8-tekst: byte 0xeb op regel {regel}, kolom \d+")


def test_yaml_fout_in_het_nederlands(content: Path) -> None:  # noqa: F811
    tekst = (content / PRODUCT).read_text(encoding="utf-8")
    regel = tekst[: tekst.index("perceel: null")].count("\n") + 1
    edit(content, PRODUCT, "perceel: null", "perceel: a: b")
    assert_error(
        content, PRODUCT, None, rf"ongeldige YAML \(regel {regel}, kolom \d+\): hier mag geen ':' staan"
    )


def test_te_groot_bestand(content: Path) -> None:  # noqa: F811
    """Reproduction: a valid 5 MB product file was published."""
    pad = content / PRODUCT
    opvulling = "".join(f"  - Punt {i} van een heel lange lijst met activiteiten.\n" for i in range(100_000))
    pad.write_text(
        pad.read_text(encoding="utf-8").replace("activiteiten: []\n", "activiteiten:\n" + opvulling),
        encoding="utf-8",
    )
    assert pad.stat().st_size > MAX_BESTAND_BYTES
    assert_error(content, PRODUCT, None, r"kB; een contentbestand mag hoogstens \d+ kB zijn")


# --- issue 20, finding 9: no traceback and no English for odd YAML ---------------------------------


@pytest.mark.parametrize("waarde", [".inf", "-.Inf", ".nan", ".NaN"])
def test_oneindig_of_nan_is_geen_getal(content: Path, waarde: str) -> None:  # noqa: F811
    edit(content, HO_SN, "{waarde: 71.51", f"{{waarde: {waarde}")
    assert_error(
        content, HO_SN, None, rf"ongeldige YAML \(regel \d+, kolom \d+\): '{re.escape(waarde)}' is geen getal"
    )


def test_lijst_als_sleutel(content: Path) -> None:  # noqa: F811
    edit(content, PRODUCT, "perceel: null", "? [a, b]\n: 1\nperceel: null")
    assert_error(content, PRODUCT, None, r"een sleutel moet een naam of datum zijn, geen lijst of mapping")


@pytest.mark.parametrize(
    "fout", ["perceel: !!python/name:os.system null", "perceel: [a, b", "perceel: {a: 1", "perceel: 'a' b"]
)
def test_yaml_meldingen_zonder_engels(content: Path, fout: str) -> None:  # noqa: F811
    edit(content, PRODUCT, "perceel: null", fout)
    meldingen = errors_of(content)
    assert any(m.startswith(f"content/{PRODUCT}: ongeldige YAML (regel ") for m in meldingen), meldingen
    for m in meldingen:
        assert not re.search(r"\b(expected|found|while|could not|but got)\b", m), m
