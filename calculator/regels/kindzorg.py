"""Kindzorg: care for young children when parents drop out, by the CIZ norm times 2006 (source 002).

Bron: 002, 4. Resultaten, Resultaat Kindzorg and "Normtijden Kindzorg".
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from ..data import Peil
from ..money import NUL, getal
from ..trace import Toelichting
from .ho_normenkader import Onderdeel, maatwerk
from .perioden import weken_uit_maanden

# Input count per week -> norm time parameter (per time, per child).
HANDELINGEN = (
    ("naar_bed_per_week", "kindzorg.normtijd.naar_bed", "naar bed brengen"),
    ("uit_bed_per_week", "kindzorg.normtijd.uit_bed", "uit bed halen"),
    ("wassen_kleden_per_week", "kindzorg.normtijd.wassen_kleden", "wassen en kleden"),
    ("broodmaaltijden_per_week", "kindzorg.normtijd.eten_broodmaaltijd", "eten geven bij de broodmaaltijd"),
    (
        "warme_maaltijden_per_week",
        "kindzorg.normtijd.eten_warme_maaltijd",
        "eten geven bij de warme maaltijd",
    ),
    ("flesvoeding_per_week", "kindzorg.normtijd.flesvoeding", "fles geven"),
    ("luiers_per_week", "kindzorg.normtijd.luier", "luier verschonen"),
)


class Kind(NamedTuple):
    """One child with how often a week each task is needed."""

    leeftijd: int
    keer: dict[str, int]


def normtijd_van_toepassing(p: Peil, kind: Kind) -> bool:
    """The norm times apply to children younger than the source's age limit ("tot ... jaar").

    Bron: 002, Normtijden Kindzorg.
    """
    return Decimal(kind.leeftijd) < p.waarde_van["kindzorg.leeftijd_tot"]


def kindzorg_kind(p: Peil, nummer: int, kind: Kind, t: Toelichting) -> Decimal:
    """Minutes a week for one child: count x norm time per task. Bron: 002, Normtijden Kindzorg."""
    totaal = NUL
    for veld, sleutel, label in HANDELINGEN:
        keer = kind.keer.get(veld, 0)
        if not keer:
            continue
        minuten = p.waarde_van[sleutel] * keer
        totaal += minuten
        if t.aan:
            t.stap(
                f"Kind {nummer} ({kind.leeftijd} jaar), {label}: {keer} x {p.waarde_van[sleutel]} minuten",
                "kindzorg_kind",
                minuten,
                "minuten per week",
                p.bron_van[sleutel],
            )
    return totaal


def naar_school(p: Peil, keer: int, t: Toelichting) -> Decimal:
    """To school, daycare or playgroup: the norm minutes per time per family.

    Bron: 002, Normtijden Kindzorg.
    """
    sleutel = "kindzorg.normtijd.naar_school"
    minuten = p.waarde_van[sleutel] * keer
    if t.aan:
        t.stap(
            f"Naar school of opvang brengen: {keer} x {p.waarde_van[sleutel]} minuten (per gezin)",
            "naar_school",
            minuten,
            "minuten per week",
            p.bron_van[sleutel],
        )
    return minuten


def kindzorg_maximum(p: Peil, minuten: Decimal, t: Toelichting) -> Decimal:
    """Kindzorg is capped at a maximum of hours a week. Bron: 002, Normtijden Kindzorg."""
    sleutel = "kindzorg.max_uren_per_week"
    grens = p.waarde_van[sleutel] * p.waarde_van["ho_normenkader.omrekening.minuten_per_uur"]
    if minuten <= grens:
        return minuten
    if t.aan:
        t.stap(
            f"Kindzorg begrensd: {minuten} minuten is meer dan {p.waarde_van[sleutel]} uur per week",
            "kindzorg_maximum",
            grens,
            "minuten per week",
            p.bron_van[sleutel],
        )
    return grens


def kindzorg(
    p: Peil, kinderen: list[Kind], naar_school_keer: int, duur_maanden: int | None, t: Toelichting
) -> tuple[Onderdeel | None, list[dict]]:
    """Kindzorg as a whole: young children by norm times, the school run per family, the weekly cap
    and the limit in months. Older children are maatwerk.
    Bron: 002, Resultaat Kindzorg, Normtijden Kindzorg.
    """
    punten: list[dict] = []
    bron = p.bron_van["kindzorg.leeftijd_tot"]
    leeftijd_tot = p.waarde_van["kindzorg.leeftijd_tot"]
    minuten = NUL
    jong = 0
    for nummer, kind in enumerate(kinderen, start=1):
        if normtijd_van_toepassing(p, kind):
            jong += 1
            minuten += kindzorg_kind(p, nummer, kind, t)
        else:
            punten.append(
                maatwerk(
                    "kindzorg",
                    f"Kind {nummer} is {kind.leeftijd} jaar: de normtijden gelden tot {leeftijd_tot} jaar. "
                    "Zorg voor oudere kinderen is maatwerk voor de consulent.",
                    bron,
                )
            )
    if naar_school_keer:
        if jong:
            minuten += naar_school(p, naar_school_keer, t)
        else:
            punten.append(
                maatwerk(
                    "kindzorg",
                    f"Naar school brengen: er is geen kind jonger dan {leeftijd_tot} jaar; "
                    "de normtijd geldt niet, de consulent weegt dit als maatwerk.",
                    bron,
                )
            )
    max_maanden = p.waarde_van["kindzorg.max_maanden"]
    duur = Decimal(duur_maanden) if duur_maanden is not None else max_maanden
    punten.append(
        maatwerk(
            "kindzorg",
            f"Kindzorg is tijdelijk: hoogstens {max_maanden} maanden (hier {duur}), en korter als het kan. "
            "Ouders zoeken intussen een blijvende oplossing; oppassen valt er niet onder.",
            p.bron_van["kindzorg.max_maanden"],
        )
    )
    if not jong:
        return None, punten
    minuten = kindzorg_maximum(p, minuten, t)
    weken = weken_uit_maanden(p, duur, t, f"Kindzorg {getal(duur)} maanden")
    if t.aan:
        t.stap(
            f"Kindzorg samen, tijdelijk: week 1 tot en met {weken} (hoogstens {max_maanden} maanden)",
            "kindzorg",
            minuten,
            "minuten per week",
            bron,
        )
    return Onderdeel("kindzorg", "Kindzorg", minuten, bron, weken=weken), punten
