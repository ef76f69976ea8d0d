"""Each figure names the lines of its source text, and the build checks the figure is printed there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from catalogue.errors import ContentErrors
from catalogue.steps import validate
from catalogue.tekstregels import _figuren

HO_SN = "tarieven/halderberge/pgb_ho_sociaal_netwerk_minimumloon.yaml"
KINDZORG = "regels/kindzorg.yaml"


@pytest.fixture
def content(tmp_path: Path, root: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(root / "content", target)
    return target


def _edit(content: Path, rel: str, old: str, new: str) -> None:
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} niet gevonden in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _dutch(value: Decimal) -> str:
    """The figure as the sources print it: 1.297,21, 43,5, 125 (independent of the build's reader)."""
    whole, _, frac = format(value, "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{frac}" if frac else grouped


def test_elk_getal_staat_in_de_geciteerde_regels_van_de_bron(root, bronnen_dir):
    """Read straight from ../shared/bronnen: the cited lines print the figure in Dutch notation."""
    cat = validate(root / "content")
    checked = 0
    for file, field, dv, conventie in _figuren(cat):
        assert dv.bron.tekstregels, (file, field)
        if conventie:
            continue  # our own convention (52 weeks): its lines show the passage that calls for it
        doc = cat.bronnen[dv.bron.document]
        lines = (bronnen_dir / doc.bestand).read_text(encoding="utf-8").splitlines()
        van, _, tot = dv.bron.tekstregels.partition("-")
        passage = re.sub(r"\s+", " ", " ".join(lines[int(van) - 1 : int(tot or van)]))
        assert re.search(rf"(?<![\d.,]){re.escape(_dutch(dv.waarde))}(?![\d]|,\d)", passage), (
            file,
            field,
            _dutch(dv.waarde),
            passage,
        )
        checked += 1
    assert checked > 150  # 003 Bijlage 4 and 11, 002, 001, 005: every tariff and norm


def test_de_regel_light_in_003_draagt_uren_en_bedrag(root, bronnen_dir):
    """003 Bijlage 11: 'Light 54 € 71,51' is the cited line of both the hours and the amount."""
    cat = validate(root / "content")
    rij = next(r for r in cat.tarieven["pgb-ho-sociaal-netwerk-minimumloon"].rijen if r.id == "light")
    (dv,) = rij.waarden.values()
    uren = next(iter(cat.parameters["hhm_uren.light"].leaf.waarden.values()))
    assert dv.bron.tekstregels == uren.bron.tekstregels
    line = (
        (bronnen_dir / cat.bronnen["003"].bestand)
        .read_text(encoding="utf-8")
        .splitlines()[int(dv.bron.tekstregels) - 1]
    )
    assert "54" in line and "71,51" in line


def test_citaat_zonder_het_getal_stopt_de_bouw(content):
    # 71,51 is on the Light line; the Stabilisatie line next to it gives 143,01.
    _edit(
        content,
        HO_SN,
        '{waarde: 71.51, bron: {tekstregels: "2582"}}',
        '{waarde: 71.51, bron: {tekstregels: "2584"}}',
    )
    with pytest.raises(ContentErrors) as exc:
        validate(content)
    (err,) = exc.value.errors
    assert err.file.endswith("pgb_ho_sociaal_netwerk_minimumloon.yaml")
    assert err.field == "rijen.0.waarden.2026-01-01.bron.tekstregels"
    assert "71,51" in err.message and "regels 2584" in err.message and "003_" in err.message


def test_een_minutennorm_buiten_zijn_regels_stopt_de_bouw(content):
    # 002: "Wassen en kleden: 30 minuten per kind" is line 712, not 710 (uit bed: 10 minuten).
    _edit(
        content,
        KINDZORG,
        '{waarde: 30, bron: {tekstregels: "712"}}',
        '{waarde: 30, bron: {tekstregels: "710"}}',
    )
    with pytest.raises(ContentErrors) as exc:
        validate(content)
    assert [e.field for e in exc.value.errors] == [
        "kindzorg.normtijd.wassen_kleden.waarden.2019-06-01.bron.tekstregels"
    ]
    assert "het getal 30 staat niet in regels 710" in exc.value.errors[0].message


def test_getal_zonder_tekstregels_stopt_de_bouw(content):
    _edit(content, HO_SN, '{waarde: 71.51, bron: {tekstregels: "2582"}}', "{waarde: 71.51}")
    with pytest.raises(ContentErrors) as exc:
        validate(content)
    (err,) = exc.value.errors
    assert err.field == "rijen.0.waarden.2026-01-01.bron.tekstregels"
    assert "tekstregels ontbreken" in err.message and "71,51" in err.message


def test_te_lang_citaat_en_onbestaande_regels(content):
    _edit(
        content,
        HO_SN,
        '{waarde: 71.51, bron: {tekstregels: "2582"}}',
        '{waarde: 71.51, bron: {tekstregels: "2500-2582"}}',
    )
    _edit(
        content,
        HO_SN,
        '{waarde: 143.01, bron: {tekstregels: "2584"}}',
        '{waarde: 143.01, bron: {tekstregels: "99999"}}',
    )
    with pytest.raises(ContentErrors) as exc:
        validate(content)
    messages = sorted(e.message for e in exc.value.errors)
    assert any("citeer hoogstens" in m for m in messages)
    assert any("regels 99999 bestaan niet" in m for m in messages)


def test_zonder_bronnenmap_stopt_de_bouw_met_een_nederlandse_melding(root, tmp_path):
    env = {**os.environ, "WMO_BRONNEN": str(tmp_path / "geen-bronnen")}
    run = subprocess.run(
        [sys.executable, "build.py", "--check"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "De map met de brondocumenten" in run.stderr and "ontbreekt" in run.stderr
    assert "niets gepubliceerd" in run.stderr and "Traceback" not in run.stderr
