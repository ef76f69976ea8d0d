"""'Wijzigingen per datum' from content: the CAK eigen bijdrage (source 005, 3.8) is the first real series.

Source 005 lists the abonnementstarief "vanaf 1 januari 2020: € 19,00 / 2024: € 20,60 / 2025: € 21,00 /
2026: € 21,80"; the changes page shows each step as old -> new, and the parameter's page its history.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from catalogue.steps import render_pages, validate
from catalogue.wijzigingen import met_geschiedenis, wijzigingen_per_datum


@pytest.fixture(scope="module")
def cat(root):
    return validate(root / "content")


def test_de_eigen_bijdrage_is_een_reeks_met_geschiedenis(cat) -> None:
    reeks = next(r for r in met_geschiedenis(cat) if r.link == "kengetallen.md#eigen_bijdrage")
    assert [(s.vanaf.year, s.waarde) for s in reeks.standen] == [
        (2020, Decimal("19.00")),
        (2024, Decimal("20.60")),
        (2025, Decimal("21.00")),
        (2026, Decimal("21.80")),
    ]


def test_wijzigingen_per_datum_oud_naar_nieuw(cat) -> None:
    per_datum = dict(wijzigingen_per_datum(cat))
    stappen = {
        dag: [(w.oud, w.nieuw) for w in lijst if w.reeks.link == "kengetallen.md#eigen_bijdrage"]
        for dag, lijst in per_datum.items()
    }
    assert stappen[dt.date(2024, 1, 1)] == [(Decimal("19.00"), Decimal("20.60"))]
    assert stappen[dt.date(2025, 1, 1)] == [(Decimal("20.60"), Decimal("21.00"))]
    assert stappen[dt.date(2026, 1, 1)] == [(Decimal("21.00"), Decimal("21.80"))]
    assert dt.date(2020, 1, 1) not in per_datum  # the first value replaces nothing
    assert list(per_datum) == sorted(per_datum, reverse=True)  # newest first


def test_de_pagina_toont_de_reeks(cat, tmp_path) -> None:
    from catalogue.export import build_bundle

    render_pages(cat, build_bundle(cat), tmp_path, today=dt.date(2026, 6, 1))
    pagina = (tmp_path / "docs" / "wijzigingen.md").read_text(encoding="utf-8")
    assert (
        pagina.index("## 1 januari 2026")
        < pagina.index("## 1 januari 2025")
        < pagina.index("## 1 januari 2024")
    )
    assert "| €\u00a021,00 | €\u00a021,80 |" in pagina.split("## 1 januari 2025")[0]
    kengetallen = (tmp_path / "docs" / "kengetallen.md").read_text(encoding="utf-8")
    geschiedenis = kengetallen.split("{ #eigen_bijdrage }", 1)[1].split("**Geschiedenis**", 1)[1]
    for jaar, bedrag in (("2020", "19,00"), ("2024", "20,60"), ("2025", "21,00"), ("2026", "21,80")):
        assert f"| 1 januari {jaar} | €\u00a0{bedrag} |" in geschiedenis
