"""Rules dated like their values: one rule, two versions, the peildatum picks the version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from calculator.errors import BundleFout
from calculator.geldig import geldig, in_werking, versie


@dataclass
class Vraag:
    peildatum: date


# The HHM normenkader 2025 changed the wasverzorging times; a rule change like that keeps the old logic
# for earlier peildata. Two versions of one (made-up) rule, told apart by what they return.
@geldig(tot=date(2025, 1, 1), naam="voorbeeld.wasregel")
def wasregel_vanaf_oud(vraag: Vraag) -> str:
    return "normenkader 2019"


@geldig(vanaf=date(2025, 1, 1), naam="voorbeeld.wasregel")
def wasregel(vraag: Vraag) -> str:
    return "normenkader 2025"


@pytest.mark.parametrize(
    ("dag", "verwacht"),
    [
        (date(2024, 12, 31), "normenkader 2019"),
        (date(2025, 1, 1), "normenkader 2025"),
        (date(2026, 6, 1), "normenkader 2025"),
    ],
)
def test_de_peildatum_kiest_de_versie(dag: date, verwacht: str) -> None:
    assert wasregel(Vraag(dag)) == verwacht
    assert wasregel_vanaf_oud(Vraag(dag)) == verwacht  # either name reaches the rule, not one version
    assert versie("voorbeeld.wasregel", dag)(Vraag(dag)) == verwacht


def test_overlappende_versies_worden_geweigerd() -> None:
    with pytest.raises(ValueError, match="overlappen"):

        @geldig(vanaf=date(2024, 6, 1), naam="voorbeeld.wasregel")
        def dubbel(vraag: Vraag) -> str:
            return "dubbel"


def test_geen_versie_op_de_datum_is_een_duidelijke_fout() -> None:
    @geldig(vanaf=date(2030, 1, 1), naam="voorbeeld.toekomst")
    def toekomst(vraag: Vraag) -> str:
        return "later"

    with pytest.raises(BundleFout, match="geen versie"):
        toekomst(Vraag(date(2026, 1, 1)))


@pytest.mark.parametrize(
    ("dag", "index", "voor_eerste"),
    [("2025-12-31", 0, True), ("2026-01-01", 0, False), ("2026-06-30", 0, False), ("2027-01-01", 1, False)],
)
def test_in_werking(dag: str, index: int, voor_eerste: bool) -> None:
    assert in_werking(["2026-01-01", "2027-01-01"], dag) == (index, voor_eerste)
    assert in_werking([], dag) == (None, False)
