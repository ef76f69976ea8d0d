"""Each validation rule rejects a broken copy of the content with a message naming file and field."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

import build
from catalogue.errors import ContentErrors
from catalogue.steps import validate

HO_SN = "tarieven/halderberge/pgb_ho_sociaal_netwerk_minimumloon.yaml"
HM_MAX = "tarieven/halderberge/pgb_hulpmiddelen_maximum.yaml"
PRODUCT = "producten/halderberge/ho-light.yaml"
PARAM = "regels/ho_normenkader.yaml"


@pytest.fixture
def content(tmp_path: Path, root: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(root / "content", target)
    return target


def edit(content: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} niet gevonden in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        validate(content)
    return [str(e) for e in info.value.errors]


def assert_error(content: Path, file: str, field: str | None, pattern: str) -> None:
    messages = errors_of(content)
    expected = f"content/{file}: veld '{field}'" if field else f"content/{file}"
    hits = [m for m in messages if m.startswith(expected) and re.search(pattern, m)]
    assert hits, f"verwacht {expected} ~ {pattern!r}, kreeg:\n" + "\n".join(messages)


def test_de_echte_content_is_geldig(root):
    cat = validate(root / "content")
    assert len(cat.producten) == 38


def test_fout_bedrag_sociaal_netwerk(content):
    edit(content, HO_SN, "waarde: 143.01", "waarde: 143.02")
    assert_error(
        content,
        HO_SN,
        "rijen.1.waarden.2026-01-01.waarde",
        r"143\.02 klopt niet: 108 uur x 15\.89 / 12 = 143\.01",
    )


def test_fout_uurtarief_laat_elke_rij_falen(content):
    edit(content, HO_SN, "waarde: 15.89", "waarde: 15.90")
    assert len([m for m in errors_of(content) if "klopt niet" in m]) == 11


def test_hulpmiddel_maximum_geen_veelvoud_van_huur(content):
    edit(content, HM_MAX, "waarde: 776.16", "waarde: 776.17")
    assert_error(content, HM_MAX, "rijen.0.waarden.2026-01-01.waarde", r"geen veelvoud van de huur 10\.78")


def test_onbekend_veld(content):
    edit(content, PRODUCT, "samenvatting:", "prijs: 12\nsamenvatting:")
    assert_error(content, PRODUCT, "prijs", "onbekend veld")


def test_ontbrekend_veld(content):
    path = content / PRODUCT
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("looptijd:")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_error(content, PRODUCT, "looptijd", "verplicht veld ontbreekt")


def test_dubbele_sleutel(content):
    edit(content, PRODUCT, "samenvatting:", "naam: Nog een naam\nsamenvatting:")
    assert_error(content, PRODUCT, None, r"dubbele sleutel 'naam'")


def test_ongeldige_yaml(content):
    edit(content, PRODUCT, "samenvatting:", "samenvatting: [open\nx:")
    assert_error(content, PRODUCT, None, "ongeldige YAML")


def test_ongeldige_datum(content):
    edit(content, HO_SN, "2026-01-01: {waarde: 71.51", "2026-13-01: {waarde: 71.51")
    assert_error(content, HO_SN, None, r"regel \d+.*ongeldige datum '2026-13-01'")


def test_onbekende_eenheid(content):
    edit(content, HO_SN, "eenheid: euro per maand", "eenheid: gulden per maand")
    assert_error(content, HO_SN, "eenheid", "euro per maand")


def test_bedrag_zonder_twee_decimalen(content):
    edit(content, "tarieven/halderberge/pgb_logeerzorg.yaml", "waarde: 243.94", "waarde: 243.9")
    assert_error(
        content,
        "tarieven/halderberge/pgb_logeerzorg.yaml",
        "rijen.0.waarden.2026-01-01.waarde",
        "twee decimalen",
    )


def test_negatieve_waarde(content):
    edit(content, PARAM, "{waarde: 125", "{waarde: -125")
    assert_error(
        content, PARAM, "ho_normenkader.basismodule.minuten_per_week.waarden.2019-06-01.waarde", "negatief"
    )


def test_onbekend_product_in_tarief(content):
    edit(content, HO_SN, "product: ho-light", "product: ho-extra-light")
    assert_error(content, HO_SN, "rijen.0.product", "onbekend product 'ho-extra-light'")


def test_onbekende_parameter_in_product(content):
    edit(content, "producten/westfriesland/wf-hht.yaml", "hht.uren_per_jaar", "hht.minuten_per_jaar")
    assert_error(content, "producten/westfriesland/wf-hht.yaml", "kengetallen.0", "onbekende parameter")


def test_onbekende_bronsectie(content):
    edit(
        content,
        "tarieven/halderberge/pgb_logeerzorg.yaml",
        'sectie: "Bijlage 11',
        'sectie: "Bijlage 12',
        count=3,
    )
    assert_error(content, "tarieven/halderberge/pgb_logeerzorg.yaml", "bron", "bekende sectie van bron 003")


def test_onbekend_brondocument(content):
    edit(content, PRODUCT, 'document: "003"', 'document: "009"')
    assert_error(content, PRODUCT, "bron.0", "onbekend brondocument '009'")


def test_dubbel_product_id(content):
    shutil.copy(content / PRODUCT, content / "producten/westfriesland/ho-light.yaml")
    messages = errors_of(content)
    assert any("producten/westfriesland/ho-light.yaml: veld 'id'" in m and "dubbel" in m for m in messages)


def test_id_moet_bestandsnaam_zijn(content):
    (content / PRODUCT).rename(content / "producten/halderberge/ho-lite.yaml")
    assert_error(content, "producten/halderberge/ho-lite.yaml", "id", "bestandsnaam")


def test_rij_zonder_bedrag_moet_niet_in_bron_zeggen(content):
    edit(
        content, "tarieven/halderberge/pgb_beschermd_wonen.yaml", "niet_in_bron: true", "niet_in_bron: false"
    )
    assert_error(content, "tarieven/halderberge/pgb_beschermd_wonen.yaml", "rijen.0.waarden", "niet_in_bron")


def test_kapotte_content_publiceert_niets(content, root, capsys):
    site = root / "site"
    before = sorted(p.name for p in site.iterdir()) if site.exists() else None
    edit(content, HO_SN, "waarde: 143.01", "waarde: 143.02")
    assert build.main(["--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert "niets gepubliceerd" in err and "pgb_ho_sociaal_netwerk_minimumloon.yaml" in err
    after = sorted(p.name for p in site.iterdir()) if site.exists() else None
    assert before == after
    assert not (root / f".site-new-{os.getpid()}").exists()


def test_bron_wordt_geerfd_van_tabel_en_kengetal(root):
    """A value without its own bron carries its table's or parameter file's bron (003 Bijlage 11)."""
    cat = validate(root / "content")
    tabel = cat.tarieven["pgb-ho-sociaal-netwerk-minimumloon"]
    # Document and sectie come from the table; each value names its own lines (tekstregels).
    assert all(
        (dv.bron.document, dv.bron.sectie) == (tabel.bron.document, tabel.bron.sectie)
        for r in tabel.rijen
        for dv in r.waarden.values()
    )
    uren = cat.parameters["hhm_uren.light"].leaf.waarden
    assert all(dv.bron.sectie.startswith("Bijlage 11: Tarieven PGB, 1.") for dv in uren.values())


def test_eigen_bron_van_een_waarde_gaat_voor(content):
    edit(
        content,
        HO_SN,
        '{waarde: 143.01, bron: {tekstregels: "2584"}}',
        '{waarde: 143.01, bron: {document: "003", sectie: "Bijlage 11: Tarieven PGB, eigen regel", '
        'tekstregels: "2584"}}',
    )
    cat = validate(content)
    rij = next(r for r in cat.tarieven["pgb-ho-sociaal-netwerk-minimumloon"].rijen if r.id == "stabilisatie")
    assert [dv.bron.sectie for dv in rij.waarden.values()] == ["Bijlage 11: Tarieven PGB, eigen regel"]


def test_waarde_zonder_bron_nergens(content):
    path = content / "regels" / "hht.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\{waarde: 36, bron: \{[^}]*\}\}", "{waarde: 36}", text), encoding="utf-8")
    assert_error(content, "regels/hht.yaml", "hht.uren_per_jaar.waarden.2026-01-01.bron", "bron ontbreekt")


def test_pakket_wijst_naar_een_onbekende_rij(content):
    edit(content, "pakketten/halderberge.yaml", "rij: ho-broodmaaltijd-10x", "rij: ho-broodmaaltijd-11x")
    assert_error(content, "pakketten/halderberge.yaml", "prijzen.pgb-professioneel.rijen.11.rij", "geen rij")


def test_urentabel_van_een_andere_regio(content):
    edit(content, "regels/hhm_uren.yaml", "regio: halderberge", "regio: westfriesland")
    assert_error(content, "pakketten/halderberge.yaml", "uren.0.parameter", "geen urentabel van deze regio")
