"""Each year a diff: the history of every dated series (a parameter, a tariff row, an hourly rate) and, per
date, what changed from the value before. Generated from content, so a new tariff year needs no text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from catalogue import schema as s
from catalogue.load import Catalogue


@dataclass(frozen=True)
class Stand:
    """One dated value of a series."""

    vanaf: dt.date
    waarde: Decimal
    bron: s.Bron


@dataclass(frozen=True)
class Reeks:
    """A dated series as a page shows it: what it is, where it lives, and its values in order."""

    soort: str  # "kengetal" or "tarief"
    titel: str  # the table's or parameter file's title
    label: str  # the row or parameter as a person reads it
    eenheid: str
    link: str  # the page (and anchor) that shows it
    regio: str | None
    standen: tuple[Stand, ...]


@dataclass(frozen=True)
class Wijziging:
    """A value replaced on a date: old and new, with the new value's source."""

    reeks: Reeks
    vanaf: dt.date
    oud: Decimal
    nieuw: Decimal
    bron: s.Bron


def _standen(waarden: s.Waarden) -> tuple[Stand, ...]:
    return tuple(Stand(d, dv.waarde, dv.bron) for d, dv in sorted(waarden.items()) if dv.bron is not None)


def reeksen(cat: Catalogue) -> list[Reeks]:
    """Every dated series in the content (parameters, tariff rows and hourly rates)."""
    uit = []
    titels = {pf.name: pf.titel or pf.beschrijving for pf in cat.parameter_files}
    for key, prm in sorted(cat.parameters.items()):
        bestand = key.split(".")[0]
        uit.append(
            Reeks(
                "kengetal",
                titels.get(bestand, bestand),
                prm.leaf.beschrijving,
                prm.leaf.eenheid,
                f"kengetallen.md#{bestand}",
                prm.regio,
                _standen(prm.leaf.waarden),
            )
        )
    for tid, t in sorted(cat.tarieven.items()):
        link = f"tarieven/{t.regio}.md#{tid}"
        if t.uurtarief:
            uit.append(
                Reeks("tarief", t.titel, "Uurtarief", "euro per uur", link, t.regio, _standen(t.uurtarief))
            )
        for r in t.rijen:
            uit.append(
                Reeks("tarief", t.titel, r.label, r.eenheid or t.eenheid, link, t.regio, _standen(r.waarden))
            )
    return uit


def met_geschiedenis(cat: Catalogue) -> list[Reeks]:
    """The series with more than one dated value: their pages show the history."""
    return [r for r in reeksen(cat) if len(r.standen) > 1]


def wijzigingen_per_datum(cat: Catalogue) -> list[tuple[dt.date, list[Wijziging]]]:
    """Per date (newest first) every value that replaced an earlier one, old -> new."""
    per_datum: dict[dt.date, list[Wijziging]] = {}
    for reeks in met_geschiedenis(cat):
        for oud, nieuw in zip(reeks.standen, reeks.standen[1:], strict=False):
            per_datum.setdefault(nieuw.vanaf, []).append(
                Wijziging(reeks, nieuw.vanaf, oud.waarde, nieuw.waarde, nieuw.bron)
            )
    return sorted(per_datum.items(), reverse=True)
