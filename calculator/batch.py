"""Batch: one situation per CSV row, streamed; a bad row gets its Dutch message in ``fouten``.

Input columns are the input keys of the soort (lists such as ``kinderen`` as a JSON cell); an ``id``
column and columns starting with ``_`` are passed through. Empty cells count as not given.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from datetime import date
from typing import TextIO

from .errors import InvoerFout
from .invoer import TOON_TEKENS
from .money import bedrag
from .regels.eigen_bijdrage import eigen_bijdrage
from .soorten import advies, ho
from .trace import GeenToelichting

WAAR = {
    "true": True,
    "ja": True,
    "waar": True,
    "1": True,
    "false": False,
    "nee": False,
    "onwaar": False,
    "0": False,
}


def _geheel(cel: str) -> object:
    try:
        return int(cel)
    except ValueError:
        return cel


def _jn(cel: str) -> object:
    return WAAR.get(cel.lower(), cel)


def _geheel_of_jn(cel: str) -> object:
    waarde = _geheel(cel)
    return WAAR.get(cel.lower(), cel) if isinstance(waarde, str) else waarde


def _json(cel: str) -> object:
    try:
        return json.loads(cel)
    except ValueError:
        return _Onleesbaar(cel)


class _Onleesbaar(str):
    """A JSON cell that does not parse; reported as such."""


def _tekst(cel: str) -> object:
    return cel


GEHEEL = _geheel
HO_KOLOMMEN: dict[str, Callable[[str], object]] = {
    "duur_maanden": GEHEEL,
    "huisgenoten_die_kunnen_helpen": _geheel_of_jn,
    "basismodule": _jn,
    "lichte_taken_zelf": _jn,
    "extra_ruimten": GEHEEL,
    "extra_schoonmaak_minuten": GEHEEL,
    "extra_bezoek_minuten": GEHEEL,
    "regie": _tekst,
    "regie_aanleren_weken": GEHEEL,
    "broodmaaltijden_dagen_per_week": GEHEEL,
    "warme_maaltijd_dagen_per_week": GEHEEL,
    "vaatwasser": _jn,
    "wasverzorging": _tekst,
    "strijken": _jn,
    "boodschappen": _jn,
    "kinderen": _json,
    "kinderen_naar_school_per_week": GEHEEL,
    "kindzorg_duur_maanden": GEHEEL,
    "peildatum": _tekst,
}
ADVIES_KOLOMMEN: dict[str, Callable[[str], object]] = {
    "regio": _tekst,
    "wekelijks_nodig": _jn,
    "tijdelijk_fysiek": _jn,
    "kan_taken_leren": _jn,
    "gedragsproblematiek": _jn,
    "wasverzorging": _tekst,
    "strijken": _jn,
    "boodschappen": _jn,
    "maaltijden": _tekst,
    "uitvoering": _tekst,
    "peildatum": _tekst,
}
assert set(HO_KOLOMMEN) == set(ho.VELDEN) and set(ADVIES_KOLOMMEN) == set(advies.VELDEN)


def _ho(invoer: dict, bundle: dict | None, vandaag: date) -> list[str]:
    situatie = ho.lees(invoer, bundle, vandaag)
    toegekend, minuten, uren = ho.samenvatting(situatie)
    bijdrage = eigen_bijdrage(situatie.peil, GeenToelichting()).per_maand if toegekend else None
    return ["true" if toegekend else "false", minuten, uren, "" if bijdrage is None else bedrag(bijdrage)]


def _advies(invoer: dict, bundle: dict | None, vandaag: date) -> list[str]:
    uit = advies.run(invoer, bundle)
    b = uit["budgetten"]
    keuze = uit["keuze"] or {}
    return (
        [" + ".join(p["id"] for p in uit["producten"]), uit["uren_per_jaar"] or ""]
        + [b[k]["per_maand"] for k in sorted(b)]
        + [keuze.get("per_maand") or "", uit["eigen_bijdrage"]["per_maand"] or ""]
    )


SOORTEN = {
    "ho": (HO_KOLOMMEN, ["toegekend", "minuten_per_week", "uren_per_jaar", "eigen_bijdrage_per_maand"], _ho),
    "advies": (
        ADVIES_KOLOMMEN,
        ["producten", "uren_per_jaar"]
        + [
            f"per_maand_{k}"
            for k in sorted(
                ("pgb-professioneel", "sociaal-netwerk", "sociaal-netwerk-hoog", "sociaal-netwerk-laag")
            )
        ]
        + ["per_maand_keuze", "eigen_bijdrage_per_maand"],
        _advies,
    ),
}


def doorgeven(kolom: str) -> bool:
    """Columns passed through unchanged: ``id`` and anything starting with ``_``."""
    return kolom == "id" or kolom.startswith("_")


def verwerk(
    invoer: TextIO, uitvoer: TextIO, soort: str = "ho", bundle: dict | None = None
) -> tuple[int, int]:
    """Read situations from CSV ``invoer`` and write results to ``uitvoer``; returns (rows, bad rows).

    Raises `InvoerFout` for a header that names unknown columns (nothing is computed then).
    """
    kolommen, extra, reken = SOORTEN[soort]
    lezer = csv.reader(invoer)
    kop = next(lezer, None)
    if kop is None:
        raise InvoerFout(
            [
                {
                    "veld": None,
                    "melding": "Het CSV-bestand is leeg; de eerste regel moet de kolomnamen bevatten.",
                }
            ]
        )
    kop = [k.strip().lstrip("\ufeff") for k in kop]
    _controleer_kop(kop, kolommen, extra)
    lezers = [(i, k, kolommen[k]) for i, k in enumerate(kop) if k in kolommen]
    posities = [i for i, _, _ in lezers]
    schrijver = csv.writer(uitvoer, lineterminator="\n")
    schrijver.writerow(kop + extra + ["fouten"])
    leeg = [""] * len(extra)
    cache: dict[tuple, list[str]] = {}
    vandaag = date.today()  # one default peildatum for the whole file
    rijen = slecht = 0
    breedte = len(kop)
    for cellen in lezer:
        if not cellen:
            continue
        rijen += 1
        sleutel = (len(cellen), *[cellen[i] for i in posities]) if len(cellen) >= breedte else tuple(cellen)
        resultaat = cache.get(sleutel)
        if resultaat is None:
            resultaat = _rij(cellen, breedte, lezers, reken, bundle, leeg, vandaag)
            if len(cache) > 50_000:
                cache.clear()
            cache[sleutel] = resultaat
        if resultaat[-1]:
            slecht += 1
        schrijver.writerow(_vul(cellen, breedte) + resultaat)
    return rijen, slecht


def _vul(cellen: list[str], breedte: int) -> list[str]:
    """The input cells padded or cut to the header's width, so the result columns line up."""
    if len(cellen) == breedte:
        return cellen
    return (cellen + [""] * breedte)[:breedte]


def _rij(
    cellen: list[str],
    breedte: int,
    lezers: Iterable,
    reken: Callable,
    bundle: dict | None,
    leeg: list[str],
    vandaag: date,
) -> list[str]:
    if len(cellen) > breedte:
        return leeg + [f"De rij heeft {len(cellen)} cellen, de kop maar {breedte} kolommen."]
    if len(cellen) < breedte:
        cellen = cellen + [""] * (breedte - len(cellen))
    invoer: dict = {}
    fouten: list[str] = []
    for i, kolom, zet in lezers:
        cel = cellen[i]
        if cel and (cel := cel.strip()):
            waarde = zet(cel)
            if waarde.__class__ is _Onleesbaar:
                fouten.append(f"{kolom} is geen geldige JSON-lijst (ontvangen: {cel[:TOON_TEKENS]})")
            else:
                invoer[kolom] = waarde
    try:
        uitkomst = reken(invoer, bundle, vandaag)
    except InvoerFout as e:
        return leeg + [" | ".join(fouten + [f["melding"] for f in e.fouten])]
    if fouten:
        return leeg + [" | ".join(fouten)]
    uitkomst.append("")
    return uitkomst


def _controleer_kop(kop: list[str], kolommen: dict, extra: list[str]) -> None:
    fouten = []
    gezien: set[str] = set()
    for k in kop:
        if k in gezien:
            fouten.append({"veld": k, "melding": f"kolom '{k}' staat twee keer in de kop"})
        gezien.add(k)
        if k not in kolommen and not doorgeven(k):
            fouten.append(
                {
                    "veld": k,
                    "melding": f"onbekende kolom '{k}'; toegestaan zijn: {', '.join(kolommen)} "
                    "(en 'id' of kolommen die met _ beginnen)",
                }
            )
    if fouten:
        raise InvoerFout(fouten)
