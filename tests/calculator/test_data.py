"""The bundle contract: choosing the value in force, loading, missing parts."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calculator import data
from calculator.errors import BundleFout
from calculator.money import bedrag, getal, op_cent, op_heel

WAARDEN = [
    {"vanaf": "2024-01-01", "waarde": "1", "bron": {}},
    {"vanaf": "2025-01-01", "waarde": "2", "bron": {}},
    {"vanaf": "2026-01-01", "waarde": "3", "bron": {}},
]


@pytest.mark.parametrize(
    ("dag", "waarde", "voor_eerste"),
    [
        (date(2023, 5, 1), "1", True),
        (date(2024, 1, 1), "1", False),
        (date(2025, 12, 31), "2", False),
        (date(2026, 1, 1), "3", False),
        (date(2099, 1, 1), "3", False),
    ],
)
def test_kies_waarde(dag: date, waarde: str, voor_eerste: bool) -> None:
    gekozen, voor = data.kies_waarde(WAARDEN, dag)
    assert gekozen["waarde"] == waarde and voor is voor_eerste


def test_bundel_uit_pad_en_fouten(tmp_path: Path, bundle: dict) -> None:
    pad = tmp_path / "b.json"
    pad.write_text(json.dumps(bundle), encoding="utf-8")
    assert data.load_bundle(pad)["versie"] == 1
    with pytest.raises(BundleFout):
        data.load_bundle({"versie": 99})
    leeg = {"versie": 1, "parameters": {}, "tarieven": {}, "producten": {}, "regios": {}}
    with pytest.raises(BundleFout, match="ontbreekt"):
        data.peil(date(2026, 1, 1), leeg).waarde("ho_normenkader.basismodule.minuten_per_week")


def test_de_bundel_in_het_pakket_wordt_gevonden() -> None:
    assert data.load_bundle(None)["versie"] == data.BUNDLE_VERSIE


def test_peil_wordt_hergebruikt(bundle: dict) -> None:
    assert data.peil(date(2026, 2, 1), bundle) is data.peil(date(2026, 2, 1), bundle)


def test_geld_en_getallen() -> None:
    assert op_cent(Decimal("304.925")) == Decimal("304.93")
    assert op_heel(Decimal("108.5")) == Decimal("109")
    assert op_heel(Decimal("108.333")) == Decimal("108")
    assert bedrag(Decimal("3659.1")) == "3659.10"
    assert bedrag(Decimal("-0.001")) == "0.00"
    assert getal(Decimal("125.00")) == "125"
    assert getal(Decimal("44.20")) == "44.2"
    assert getal(Decimal("41.538")) == "41.54"
