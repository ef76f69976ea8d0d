"""The HO indication over time: structural parts all year, temporary parts only for their weeks.

Kindzorg lasts a limited number of months and regie en organisatie "aanleren" a limited number of
weeks (002). A yearly figure that counted them all year would over-indicate: this module splits the
indication into periods, one per end of a temporary part, and counts the first year part by part.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .. import nl
from ..data import Peil
from ..money import MAANDEN_PER_JAAR, NUL, getal, op_cent, op_heel
from ..trace import Toelichting
from .ho_normenkader import UITGANGSPUNTEN, Onderdeel, uren_per_jaar

WEKEN = "ho_normenkader.omrekening.weken_per_jaar"
PER_UUR = "ho_normenkader.omrekening.minuten_per_uur"


class Periode(NamedTuple):
    """Weeks ``van_week`` up to and including ``tot_en_met_week`` (None: from then on)."""

    van_week: int
    tot_en_met_week: int | None
    minuten_per_week: Decimal
    tijdelijk: tuple[str, ...]  # the temporary parts that still run in this period


class OverTijd(NamedTuple):
    perioden: list[Periode]
    structureel_minuten_per_week: Decimal
    structureel_uren_per_jaar: Decimal
    uren_eerste_jaar: Decimal
    uren_eerste_jaar_onafgerond: Decimal


def weken_uit_maanden(p: Peil, maanden: Decimal, t: Toelichting, wat: str) -> int:
    """Months to whole weeks, half-up: months x weeks a year / months a year. A recorded reading
    (Aanname on ho_normenkader.omrekening.weken_per_jaar); months a year is the calendar fact in money.py.

    Bron: 002, Normtijden Kindzorg (the duration in months); 3. Uitgangspunten (minutes per week).
    """
    weken = op_heel(maanden * p.waarde_van[WEKEN] / MAANDEN_PER_JAAR)
    if t.aan:
        t.stap(
            f"{wat}: {nl.getal_nl(maanden)} maanden x {p.waarde_van[WEKEN]} / {MAANDEN_PER_JAAR} = "
            f"{nl.getal_nl(weken)} weken "
            "(eigen rekenafspraak, afgerond op hele weken)",
            "weken_uit_maanden",
            weken,
            "weken",
            p.bron_van[WEKEN],
        )
    return int(weken)


def perioden(delen: list[Onderdeel]) -> list[Periode]:
    """Periods between the ends of the temporary parts; the last one holds the structural parts only."""
    grenzen = sorted({d.weken for d in delen if d.weken is not None})
    uit: list[Periode] = []
    van = 1
    for grens in [*grenzen, None]:
        if grens is not None and grens < van:
            continue
        lopend = [d for d in delen if d.weken is None or (grens is not None and d.weken >= grens)]
        minuten = sum((d.minuten_per_week for d in lopend), NUL)
        tijdelijk = tuple(d.onderdeel for d in lopend if d.weken is not None)
        uit.append(Periode(van, grens, minuten, tijdelijk))
        if grens is None:
            break
        van = grens + 1
    return uit


def over_tijd(p: Peil, delen: list[Onderdeel], t: Toelichting, met_perioden: bool = True) -> OverTijd:
    """Periods, the structural minutes and hours, and the first-year hours with each temporary part
    counted only for its weeks (minutes x weeks / minutes an hour, half-up to whole hours).
    ``met_perioden=False`` leaves the periods out (an empty list), for a caller that shows none.

    Bron: 002, 3. Uitgangspunten ("De indicatie is in minuten per week/jaar"); Resultaat Kindzorg and
    Regie en organisatie for the durations; the conversions are our recorded rekenafspraken.
    """
    structureel = [d for d in delen if d.weken is None]
    tijdelijk = [d for d in delen if d.weken is not None]
    struct_minuten = sum((d.minuten_per_week for d in structureel), NUL)
    if tijdelijk:
        t.stap(
            "Blijvend (structureel): optelsom van de onderdelen zonder einddatum",
            "structureel_minuten",
            struct_minuten,
            "minuten per week",
            UITGANGSPUNTEN,
        )
    wat = "Blijvend, uren per jaar" if tijdelijk else "Uren per jaar"
    struct_uren, struct_exact = uren_per_jaar(p, structureel, t, wat)
    tijd_minuten = sum((d.minuten_per_week * d.weken for d in tijdelijk), NUL)
    tijd_exact = tijd_minuten / p.waarde_van[PER_UUR]
    # Round once, at the end: the exact structural and temporary hours are added first (002,
    # 3. Uitgangspunten gives minutes; rounding each part separately could lose an hour).
    eerste_jaar_exact = struct_exact + tijd_exact
    eerste_jaar = op_heel(eerste_jaar_exact)
    if t.aan:
        for d in tijdelijk:
            uren = op_cent(d.minuten_per_week * d.weken / p.waarde_van[PER_UUR])
            t.stap(
                f"{d.label}: tijdelijk, {d.weken} weken x {nl.getal_nl(d.minuten_per_week)} minuten / "
                f"{p.waarde_van[PER_UUR]} = {nl.getal_nl(uren)} uur",
                "tijdelijk_uren",
                uren,
                "uren",
                d.bron,
            )
        if tijdelijk:
            t.stap(
                "Eerste jaar: blijvende uren plus de tijdelijke uren, onafgerond opgeteld "
                f"({nl.getal_nl(op_cent(struct_exact))} + {nl.getal_nl(op_cent(tijd_exact))} = "
                f"{nl.getal_nl(op_cent(eerste_jaar_exact))}), "
                "één keer afgerond op hele uren (half naar boven)",
                "uren_eerste_jaar",
                eerste_jaar,
                "uren",
                p.bron_van[PER_UUR],
            )
    return OverTijd(
        perioden=perioden(delen) if met_perioden else [],
        structureel_minuten_per_week=struct_minuten,
        structureel_uren_per_jaar=struct_uren,
        uren_eerste_jaar=eerste_jaar,
        uren_eerste_jaar_onafgerond=op_cent(eerste_jaar_exact),
    )


def periode_dict(pd: Periode) -> dict:
    """A period as the answer gives it (numbers of minutes as decimal strings)."""
    return {
        "van_week": pd.van_week,
        "tot_en_met_week": pd.tot_en_met_week,
        "minuten_per_week": getal(pd.minuten_per_week),
        "tijdelijk": list(pd.tijdelijk),
    }
