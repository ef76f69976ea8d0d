"""Each content defect found in the careful reading (issue 10), checked against the source's words."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from catalogue.steps import validate
from tests.catalogue.bronteksten import section, text


@pytest.fixture(scope="module")
def cat(root: Path):
    return validate(root / "content")


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_52_en_60_zijn_eigen_rekenafspraken_geen_getallen_uit_002(cat, bronnen_dir):
    uitgangspunten = flat(section(text(bronnen_dir, "002"), "3. Uitgangspunten", "4. Resultaten"))
    assert "De indicatie is in minuten per week/jaar." in uitgangspunten
    for key, number in (("weken_per_jaar", "52"), ("minuten_per_uur", "60")):
        leaf = cat.parameters[f"ho_normenkader.omrekening.{key}"].leaf
        assert number not in re.findall(r"\d+", uitgangspunten), number
        assert leaf.conventie and "eigen rekenafspraak" in leaf.conventie.lower(), key
        assert str(next(iter(leaf.waarden.values())).waarde) == number


def test_maanden_naar_weken_is_een_eigen_rekenafspraak(cat, bronnen_dir):
    kindzorg = flat(section(text(bronnen_dir, "002"), "Normtijden Kindzorg", "Persoonsgebonden budget"))
    assert "voor een maximum van 3 maanden" in kindzorg and "week" not in kindzorg.split("maanden")[-1]
    leaf = cat.parameters["ho_normenkader.omrekening.maanden_per_jaar"].leaf
    assert leaf.conventie and "52 / 12 weken" in leaf.conventie
    assert any("3 maanden 13 weken" in a for a in leaf.aannames)


def test_rekenafspraak_staat_zo_op_de_pagina(built_site):
    page = flat((built_site / "normenkader" / "index.html").read_text(encoding="utf-8"))
    assert page.count("eigen rekenafspraak, geen getal uit de bron") == 3


def test_dagdeel_naam_van_de_code_los_van_wat_de_regio_zegt(built_site, bronnen_dir):
    t001, t003 = flat(text(bronnen_dir, "001")), flat(text(bronnen_dir, "003"))
    assert "Dagbesteding wordt geleverd in dagdelen van maximaal 4 uur." in t001
    bijlage10 = flat(section(text(bronnen_dir, "003"), "Bijlage 10", "Bijlage 11"))
    assert "dagdeel" in bijlage10 and not re.search(r"dagdeel[^.]{0,40}\b4 uur|4 uur[^.]{0,40}dagdeel", t003)
    hb = flat(
        (built_site / "producten/halderberge/bouwsteen-beschermd-wonen-dagbesteding/index.html").read_text(
            encoding="utf-8"
        )
    )
    assert "De bron van deze regio noemt geen duur." in hb
    assert 'de landelijke naam van die code is "dagdeel (4 uur)"' in html.unescape(hb)
    wf = flat(
        (built_site / "producten/westfriesland/wf-dagbesteding-a/index.html").read_text(encoding="utf-8")
    )
    assert re.search(r"Duur van een dagdeel in Regio Westfriesland</td>\s*<td>hoogstens 4 uur", wf)


def test_indexering_ho_sociaal_netwerk_bij_wijziging_minimumloon(cat, bronnen_dir):
    b11 = flat(section(text(bronnen_dir, "003"), "Bijlage 11: Tarieven PGB", None))
    assert (
        "De PGB huishoudelijke ondersteuning tarieven voor niet professionals/ sociaal netwerk worden "
        "geïndexeerd op het moment van wijziging minimumloon." in b11
    )
    ho_sn = [t for t in cat.tarieven.values() if t.id.startswith("pgb-ho-sociaal-netwerk")]
    assert len(ho_sn) == 3
    for t in ho_sn:
        assert "geïndexeerd" in t.toelichting.lower() and "minimumloon wijzigt" in t.toelichting, t.id
    # The other indexation rules of Bijlage 11 are there too: one per professional/network topic.
    for tid in ("pgb-ho-professioneel", "pgb-begeleiding-professioneel", "pgb-begeleiding-sociaal-netwerk"):
        assert "geïndexeerd" in cat.tarieven[tid].toelichting.lower(), tid
    assert "geïndexeerd" in cat.tarieven["pgb-logeerzorg"].toelichting.lower()


@pytest.mark.parametrize(
    ("where", "source_words"),
    [
        ("ho_normenkader.maaltijden.indicatie_max_jaren", "Indicaties worden voor maximaal 5 jaar ingezet."),
        ("ho_normenkader.extra_ruimte.minuten_per_week", "wordt 5 minuten toegekend"),
        ("kindzorg.normtijd.wassen_kleden", "Wassen en kleden: 30 minuten per kind"),
        ("hhm_uren.strijk", None),
        ("ho_producten.maaltijdvoorziening.max_keer_per_week", None),
    ],
)
def test_elke_lezing_staat_als_aanname_bij_het_getal(cat, bronnen_dir, built_site, where, source_words):
    if source_words:
        assert source_words in flat(text(bronnen_dir, "002"))
    leaf = cat.parameters[where].leaf
    assert leaf.aannames, where
    raw = (built_site / "kengetallen" / "index.html").read_text(encoding="utf-8")
    page = flat(html.unescape(re.sub(r"</?abbr[^>]*>", "", raw)))  # glossary tooltips wrap words
    assert flat(leaf.aannames[0]) in page, where


def test_wassen_en_kleden_zegt_in_de_bron_niet_per_keer(bronnen_dir):
    t002 = flat(text(bronnen_dir, "002"))
    assert "Naar bed brengen: 10 minuten per keer per kind" in t002
    assert "Wassen en kleden: 30 minuten per kind Eten" in t002  # no "per keer": a reading


def test_hulpmiddel_huur_per_maand_en_broodmaaltijd_10x_als_aanname(cat, bronnen_dir):
    t003 = flat(text(bronnen_dir, "003"))
    assert "Huur incl. btw" in t003 and "Dagelijkse broodmaaltijd (10x)" in t003
    assert "maximaal 5x per week" in t003
    huur = " ".join(cat.tarieven["pgb-hulpmiddelen-huur"].aannames)
    assert "per maand" in huur and "60, 72 of 84" in huur
    prof = " ".join(cat.tarieven["pgb-ho-professioneel"].aannames)
    assert "Dagelijkse broodmaaltijd (10x)" in prof and "5x per week" in prof


def test_strijk_staat_los_in_de_urentabel(bronnen_dir):
    b11 = flat(section(text(bronnen_dir, "003"), "Bijlage 11: Tarieven PGB", None))
    assert "1 persoon zonder strijk 36" in b11 and "strijk 19" in b11


def test_looptijd_kindzorg_uit_de_tekst_van_halderberge(cat, bronnen_dir):
    for doc, start, end in (("000", "Kindzorg", None), ("003", "Bijlage 6", "Bijlage 7")):
        chunk = flat(section(text(bronnen_dir, doc), start, end))
        kindzorg = chunk[chunk.index("Kindzorg") :]
        assert "Looptijd indicatie: Maximaal 3 maanden." in kindzorg, doc
    p = cat.producten["kindzorg"]
    looptijd = [k for k in p.kengetallen if "looptijd" in k]
    assert looptijd == ["ho_producten.kindzorg.looptijd_max_maanden"]
    dv = next(iter(cat.parameters[looptijd[0]].leaf.waarden.values()))
    assert dv.waarde == 3 and dv.bron.document == "003" and dv.bron.sectie.startswith("Bijlage 6")
    assert "Kindzorg" in dv.bron.sectie


@pytest.mark.parametrize(
    ("pid", "wrong", "source_start", "source_words"),
    [
        (
            "dagbesteding-ontwikkelingsgericht",
            "groepsactiviteiten",
            "Dagbesteding ontwikkelingsgericht  (Perceel 4)",
            "gedurende het dagbestedingstraject individuele gesprekken en activiteiten",
        ),
        (
            "arbeidsmatige-dagbesteding",
            "in een groep",
            "Arbeidsmatige dagbesteding   (Perceel 5)",
            "zinvolle invulling van de dag te bieden met kenmerken van arbeid",
        ),
        (
            "maaltijdvoorziening",
            "een paar keer per week",
            "Maaltijdvoorziening",
            "dagelijks (maximaal 5x per week)",
        ),
    ],
)
def test_producttekst_zegt_niet_meer_dan_de_bron(cat, bronnen_dir, pid, wrong, source_start, source_words):
    t003 = text(bronnen_dir, "003")
    chunk = flat(t003[t003.index(source_start) :][:3000])
    assert source_words in chunk
    assert wrong not in chunk
    p = cat.producten[pid]
    record = " ".join([p.samenvatting, p.omschrijving, *p.activiteiten, *p.doelgroep, *p.eisen_aanbieder])
    assert wrong not in record
    if pid == "maaltijdvoorziening":
        assert "elke dag" in p.samenvatting
