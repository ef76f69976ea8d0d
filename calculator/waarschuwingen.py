"""Which dates an answer's figures are of, said when the peildatum lies outside the sources' dates.

An answer lists ``waarschuwingen``: plain Dutch sentences built from the value series it read
(`data.reading`). Aanname (our reading, not a rule of the sources): amounts in euro are set per
calendar year (tariffs, the CAK's bedragen), so for a peildatum in a later year than an amount's
last date the sources give no amount yet, and the answer says it uses the last known one. A norm
(minutes, hours, months) holds until a source changes it, so only a peildatum before its first
date is said.
"""

from __future__ import annotations

from datetime import date

from .nl import datum


def _reeks(bundle: dict, soort: str, naam: str, *rij: str) -> tuple[list[str], bool]:
    """The start dates of a series read (sorted) and whether it holds amounts in euro."""
    if soort == "parameter":
        p = bundle["parameters"].get(naam) or {}
        return [w["vanaf"] for w in p.get("waarden") or []], str(p.get("eenheid") or "").startswith("euro")
    tabel = bundle["tarieven"].get(naam) or {}
    if soort == "uurtarief":
        return [w["vanaf"] for w in tabel.get("uurtarief") or []], True
    gevonden = next((r for r in tabel.get("rijen") or [] if r.get("id") in rij), {})
    eenheid = str(gevonden.get("eenheid") or tabel.get("eenheid") or "euro")
    return [w["vanaf"] for w in gevonden.get("waarden") or []], eenheid.startswith("euro")


def waarschuwingen(bundle: dict, gelezen: set[tuple]) -> list[str]:
    """The sentences for the series ``gelezen`` (see module docstring), sorted, each once."""
    zinnen: set[str] = set()
    for peildatum, *reeks in gelezen:
        vanaf, bedragen = _reeks(bundle, *reeks)
        if not vanaf:
            continue
        dag = peildatum.isoformat()
        if dag < vanaf[0]:
            wat = "bedragen" if bedragen else "normen"
            zinnen.add(
                f"Voor {datum(peildatum)} staan geen {wat} in de bronnen; "
                f"de rekenhulp gebruikt de {wat} van {datum(vanaf[0])}."
            )
        elif bedragen and (zin := na_laatste(peildatum, vanaf[-1])):
            zinnen.add(zin)
    return sorted(zinnen)


def na_laatste(peildatum: date, laatste: str) -> str | None:
    """For amounts whose last date is ``laatste`` (ISO): the sentence for ``peildatum`` in a later
    year, else None. The tariff and kengetallen pages say the same for the build's date."""
    if peildatum.year <= date.fromisoformat(laatste).year:
        return None
    return f"Bedragen van {datum(laatste)}; voor {peildatum.year} staan nog geen bedragen in de bronnen."
