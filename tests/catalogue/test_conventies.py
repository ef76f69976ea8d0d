"""Conventions every record keeps: a unit, a date and a source for each figure."""

from __future__ import annotations

import pytest

from catalogue import schema as s
from catalogue.steps import validate


@pytest.fixture(scope="module")
def cat(root):
    return validate(root / "content")


def test_elk_tarief_heeft_eenheid_datum_en_bron(cat):
    for table in cat.tarieven.values():
        assert table.eenheid in s.TARIFF_UNITS
        for row in table.rijen:
            assert (row.eenheid or table.eenheid).startswith("euro")
            assert row.niet_in_bron or row.waarden, (table.id, row.id)
            for day, dv in row.waarden.items():
                assert day.year >= 2023 and dv.bron.document in cat.bronnen


def test_elk_kengetal_heeft_eenheid_datum_en_bron(cat):
    for key, prm in cat.parameters.items():
        assert prm.leaf.eenheid, key
        assert prm.leaf.waarden, key
        for dv in prm.leaf.waarden.values():
            assert dv.bron.document in cat.bronnen, key


def test_elk_product_heeft_bron_regio_en_iwmo(cat):
    for p in cat.producten.values():
        assert p.bron and p.regio in cat.regios
        assert p.iwmo_productcategorie in s.IWMO_CATEGORIES


def test_geen_kengetal_overgetypt_in_producttekst(cat):
    """One source: a figure that is a parameter is referenced, not retyped, on a product card."""
    for p in cat.producten.values():
        for key in p.kengetallen:
            value = next(iter(cat.parameters[key].leaf.waarden.values())).waarde
            unit = cat.parameters[key].leaf.eenheid.split()[0]
            text = " ".join([p.omschrijving, *p.doelgroep, *p.voorwaarden, *p.activiteiten])
            assert f"{value} {unit}" not in text, (p.id, key)
