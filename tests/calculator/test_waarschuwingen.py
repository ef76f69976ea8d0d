"""Dates past or before the sources' data are said (issue 21 item 2).

The dates in these cases are the sources' own: Halderberge's tariffs apply from 1 January 2026
(003, Bijlage 11), the CAK's eigen bijdrage amounts from 1 January 2026 (005, 3.x) with earlier
amounts from 2020, the HO normenkader's norms from 1 June 2019 (002). Each case names its peildatum.
"""

from __future__ import annotations

import csv
import io

import pytest

from calculator import api, batch

LAATSTE_2026 = "Bedragen van 1 januari 2026; voor {jaar} staan nog geen bedragen in de bronnen."

PGB = {"producten": ["ho-light"], "uitvoering": "sociaal-netwerk"}
HO = {"duur_maanden": 12, "wasverzorging": "1_persoon"}


@pytest.mark.parametrize(
    ("soort", "invoer", "peildatum", "verwacht"),
    [
        # In 2026 every amount is that year's: nothing to say.
        ("pgb", PGB, "2026-06-01", []),
        ("ho", HO, "2026-12-31", []),
        # After the last date, in a later year: the last known amounts, said once per date.
        ("pgb", PGB, "2027-06-01", [LAATSTE_2026.format(jaar=2027)]),
        ("pgb", PGB, "2030-06-01", [LAATSTE_2026.format(jaar=2030)]),
        ("ho", HO, "2027-01-02", [LAATSTE_2026.format(jaar=2027)]),
        # Before the first date: the earliest figures, for amounts and for norms alike.
        (
            "ho",
            HO,
            "2019-01-01",
            [
                "Voor 1 januari 2019 staan geen bedragen in de bronnen; "
                "de rekenhulp gebruikt de bedragen van 1 januari 2020.",
                # wasverzorging's hours come from Halderberge's table (003, from 1 January 2026)
                "Voor 1 januari 2019 staan geen normen in de bronnen; "
                "de rekenhulp gebruikt de normen van 1 januari 2026.",
                "Voor 1 januari 2019 staan geen normen in de bronnen; "
                "de rekenhulp gebruikt de normen van 1 juni 2019.",
            ],
        ),
        # Within the CAK's series (2020..2026) a year between two dates is covered: no warning.
        ("eigen_bijdrage", {"met_partner": False}, "2022-06-01", []),
    ],
)
def test_waarschuwingen_per_peildatum(soort: str, invoer: dict, peildatum: str, verwacht: list[str]) -> None:
    uit = api.run(soort, {**invoer, "peildatum": peildatum})
    assert uit["waarschuwingen"] == verwacht


def test_de_bedragen_zelf_blijven_die_van_de_laatste_datum() -> None:
    nu, later = (api.run("pgb", {**PGB, "peildatum": d}) for d in ("2026-06-01", "2027-06-01"))
    assert later["per_maand"] == nu["per_maand"] == "71.51"


def test_de_batch_zegt_het_per_rij() -> None:
    invoer = io.StringIO(
        "duur_maanden;wasverzorging;peildatum\n12;1_persoon;2027-03-01\n12;1_persoon;2026-03-01\n"
    )
    uit = io.StringIO()
    batch.process(invoer, uit, "ho")
    rijen = list(csv.DictReader(io.StringIO(uit.getvalue()), delimiter=";"))
    assert [r["waarschuwingen"] for r in rijen] == [LAATSTE_2026.format(jaar=2027), ""]


def test_de_tarief_en_kengetallenpaginas_zeggen_het_voor_de_bouwdatum(root, tmp_path) -> None:
    """Built on a date in 2027, the pages name the 2026 amounts as the last ones in the sources,
    next to Halderberge's tables (003, from 1 January 2026) and the CAK's amount (005);
    built in 2026 they say nothing."""
    import datetime as dt

    from catalogue.export import build_bundle
    from catalogue.steps import render_pages, validate

    cat = validate(root / "content")
    bundle = build_bundle(cat)
    zin = LAATSTE_2026.format(jaar=2027)
    for dag, verwacht in ((dt.date(2027, 6, 1), True), (dt.date(2026, 6, 1), False)):
        uit = tmp_path / dag.isoformat()
        render_pages(cat, bundle, uit, today=dag)
        tarieven = (uit / "docs" / "tarieven" / "halderberge.md").read_text(encoding="utf-8")
        kengetallen = (uit / "docs" / "kengetallen.md").read_text(encoding="utf-8")
        eigen_bijdrage = kengetallen.split("{ #eigen_bijdrage }", 1)[1].split("\n## ", 1)[0]
        assert (zin in tarieven) is verwacht
        assert (zin in eigen_bijdrage) is verwacht
        # Norms hold until a source changes them: never flagged (calculator/waarschuwingen.py).
        assert kengetallen.count(zin) == (1 if verwacht else 0), kengetallen.count(zin)
