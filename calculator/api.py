"""The public entry points: ``run(soort, invoer)`` for Python, ``run_json`` for the browser worker."""

from __future__ import annotations

import json
from collections.abc import Callable

from .errors import InvoerFout
from .soorten import advies, beschermd_thuis, hht, ho, hulpmiddel, pgb, producten
from .soorten import eigen_bijdrage as eigen_bijdrage_soort

SOORTEN: dict[str, Callable[..., dict]] = {
    "ho": ho.run,
    "advies": advies.run,
    "pgb": pgb.run,
    "producten": producten.run,
    "hulpmiddel": hulpmiddel.run,
    "hht": hht.run,
    "beschermd_thuis": beschermd_thuis.run,
    "eigen_bijdrage": eigen_bijdrage_soort.run,
}


def run(soort: str, invoer: dict, bundle: dict | None = None) -> dict:
    """Compute ``soort`` for ``invoer`` (a dict as decoded from JSON).

    Raises `InvoerFout` (with every problem) for bad input. ``bundle`` overrides the active data bundle.
    """
    functie = SOORTEN.get(soort) if isinstance(soort, str) else None
    if functie is None:
        raise InvoerFout(
            [{"veld": "soort", "melding": f"soort {soort!r} is onbekend; kies uit: {', '.join(SOORTEN)}"}]
        )
    return functie(invoer, bundle)


def dumps(uitkomst: object) -> str:
    """JSON the same way on CPython and Pyodide: sorted keys, no ASCII escaping."""
    return json.dumps(uitkomst, sort_keys=True, ensure_ascii=False)


def run_json(soort: str, invoer_json: str) -> str:
    """Like `run`, JSON in and out; never raises.

    Bad input gives ``{"fouten": [...]}``; an unexpected error gives one fout with ``veld`` null.
    """
    try:
        try:
            invoer = json.loads(invoer_json)
        except (TypeError, ValueError) as e:
            raise InvoerFout([{"veld": None, "melding": f"De invoer is geen geldige JSON: {e}"}]) from None
        return dumps(run(soort, invoer))
    except InvoerFout as e:
        return dumps({"fouten": e.fouten})
    except Exception as e:  # noqa: BLE001 - the browser worker must always get an answer
        return dumps(
            {
                "fouten": [
                    {"veld": None, "melding": f"Er ging iets mis in de rekenhulp: {type(e).__name__}: {e}"}
                ]
            }
        )
