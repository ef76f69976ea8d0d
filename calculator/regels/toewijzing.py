"""The indication as a beschikking and an iWmo toewijzing: periods as dates, the end date, and per
period the product category, volume, unit and frequency (source 006, the iWmo section).

Source 002 gives durations in months and weeks, not dates. How a start date and a number of weeks or
months become dates is our reading (the Aannames in content/iwmo.yaml, shown beside the answer).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from ..data import Peil
from ..errors import BundleFout
from ..money import DAGEN_PER_WEEK, MAANDEN_PER_JAAR, op_heel
from ..trace import Toelichting

PER_UUR = "ho_normenkader.omrekening.minuten_per_uur"


def iwmo(p: Peil) -> dict:
    """The iWmo code lists in the bundle (content/iwmo.yaml); a bundle without them is a project fault."""
    codes = p.bundle.get("iwmo")
    if not codes:
        raise BundleFout("de bundel heeft geen iWmo-codes (content/iwmo.yaml)")
    return codes


def plus_maanden(d: date, maanden: int) -> date:
    """``d`` plus whole calendar months; a day the target month lacks becomes its last day of that
    month. Our reading: 002 gives the duration in months, not how to count them."""
    jaar, maand = divmod(d.month - 1 + maanden, int(MAANDEN_PER_JAAR))
    jaar += d.year
    return date(jaar, maand + 1, min(d.day, calendar.monthrange(jaar, maand + 1)[1]))


def einddatum(ingangsdatum: date, duur_maanden: int) -> date:
    """The indication's last day: the start date plus ``duur_maanden`` calendar months, minus one day
    (a year from the first of januari ends on the last of december). Bron: 002, Inleiding (duration in
    months); the counting is our reading."""
    return plus_maanden(ingangsdatum, duur_maanden) - timedelta(days=1)


def week_data(
    ingangsdatum: date, van_week: int, tot_en_met_week: int | None, eind: date
) -> tuple[date, date]:
    """The first week starts on the start date, each next week a week later; a week ends the day before
    the next starts. An open period, and any period past the indication's end, ends on ``eind``."""
    van = ingangsdatum + timedelta(days=DAGEN_PER_WEEK * (van_week - 1))
    if tot_en_met_week is None:
        return van, eind
    tot = ingangsdatum + timedelta(days=DAGEN_PER_WEEK * tot_en_met_week - 1)
    return van, min(tot, eind)


def eenheid_code(p: Peil, eenheid: str) -> str:
    """The iWmo code of the unit the consulent chose (minuut or uur). Bron: 006, Eenheid."""
    codes = iwmo(p)["eenheid"]["codes"]
    for code, naam in codes.items():
        if naam == eenheid:
            return code
    raise BundleFout(f"content/iwmo.yaml: de eenheid '{eenheid}' heeft geen code")


def volume(p: Peil, minuten_per_week: Decimal, eenheid: str) -> int:
    """The volume in whole units a week: minutes, or minutes / minutes an hour for "uur", half-up.
    Our reading (an Aanname in content/iwmo.yaml): a toewijzing counts whole units."""
    if eenheid == "uur":
        return int(op_heel(minuten_per_week / p.waarde_van[PER_UUR]))
    return int(op_heel(minuten_per_week))


def toewijzing(p: Peil, minuten_per_week: Decimal, eenheid: str, van: date, tot: date) -> dict:
    """One toewijzing line in the terms of iWmo 3.2: category, volume, unit, frequency and dates; the
    product code the sources do not give is named, never invented. Bron: 006, iWmo section."""
    c = iwmo(p)
    categorie = c["productcategorie"]
    frequentie = c["frequentie"]
    code = eenheid_code(p, eenheid)
    (cat_code, cat_naam), (freq_code, freq_naam) = (
        next(iter(categorie["codes"].items())),
        next(iter(frequentie["codes"].items())),
    )
    return {
        "productcategorie": cat_code,
        "productcategorie_naam": cat_naam,
        "productcode": None,
        "productcode_tekst": c["productcode"],
        "volume": volume(p, minuten_per_week, eenheid),
        "eenheid": code,
        "eenheid_naam": c["eenheid"]["codes"][code],
        "frequentie": freq_code,
        "frequentie_naam": freq_naam,
        "ingangsdatum": van.isoformat(),
        "einddatum": tot.isoformat(),
        "bron": dict(categorie["bron"]),
    }


def met_data(
    p: Peil, perioden: list[dict], ingangsdatum: date, duur_maanden: int, eenheid: str, t: Toelichting
) -> str:
    """Give every period ``van``/``tot_en_met`` dates and a ``toewijzing`` (None where the period has no
    minutes or starts after the indication's end); returns the indication's end date (ISO).

    Bron: 002, 1. Inleiding (duration in months); 006, iWmo section (the toewijzing)."""
    eind = einddatum(ingangsdatum, duur_maanden)
    if t.aan:
        t.stap(
            f"Einddatum: ingangsdatum {ingangsdatum.isoformat()} plus {duur_maanden} maanden, min één dag "
            "(eigen rekenafspraak)",
            "einddatum",
            eind.isoformat(),
            None,
            p.bron_van["ho_normenkader.toegang.minimale_duur_maanden"],
        )
    for pd in perioden:
        van, tot = week_data(ingangsdatum, pd["van_week"], pd["tot_en_met_week"], eind)
        if van > eind:
            pd.update(van=None, tot_en_met=None, toewijzing=None)
            continue
        minuten = Decimal(pd["minuten_per_week"])
        pd.update(
            van=van.isoformat(),
            tot_en_met=tot.isoformat(),
            toewijzing=toewijzing(p, minuten, eenheid, van, tot) if minuten > 0 else None,
        )
    return eind.isoformat()
