"""003, Bijlage 11: "Er wordt geen pgb verstrekt als deze wordt ingezet bij een gecontracteerde
zorgaanbieder (begeleiding zin) tenzij dit in een combinatie met het sociaal netwerk is." Every answer
that prices a professional begeleiding pgb carries that condition (issue 17)."""

from __future__ import annotations

from calculator import api

PEILDATUM = "2026-12-01"


def test_pgb_professionele_begeleiding_noemt_de_voorwaarde() -> None:
    uit = api.run(
        "pgb",
        {
            "peildatum": PEILDATUM,
            "regio": "halderberge",
            "producten": ["begeleiding-ontwikkeling"],
            "uitvoering": "pgb-professioneel",
        },
    )
    assert any(
        "gecontracteerde zorgaanbieder" in v and "tenzij in combinatie met het sociaal netwerk" in v
        for v in uit["voorwaarden"]
    )


def test_pgb_professionele_ho_heeft_die_voorwaarde_niet() -> None:
    # The sentence is about begeleiding; the HO tables do not carry it.
    uit = api.run(
        "pgb",
        {
            "peildatum": PEILDATUM,
            "regio": "halderberge",
            "producten": ["ho-light"],
            "uitvoering": "pgb-professioneel",
        },
    )
    assert not any("gecontracteerde zorgaanbieder" in v for v in uit["voorwaarden"])
