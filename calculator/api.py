"""The public entry points: ``run(soort, invoer)`` for Python, ``run_json`` for the browser worker.

One error path: every bad input, whatever its shape (not JSON, too large, nested too deep, wrong
types, unknown keys, text that is not valid Unicode), becomes `InvoerFout` with Dutch messages.
Only a fault in the project itself is reported as an internal error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date

from . import clock, data
from .errors import BundleFout, InvoerFout
from .invoer import beperk, citaat, invoer_deel, label, omvang
from .soorten import advies, beschermd_thuis, hht, ho, hulpmiddel, pgb, producten
from .soorten import eigen_bijdrage as eigen_bijdrage_soort
from .waarschuwingen import waarschuwingen

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
INTERNE_FOUT = (
    "Er ging iets mis in de rekenhulp zelf, niet in uw invoer. Probeer het later opnieuw of meld het "
    "aan de beheerder van deze website."
)
# json's own messages, in Dutch (the position is added separately).
JSON_MELDINGEN = {
    "Expecting value": "hier hoort een waarde",
    "Expecting property name enclosed": "hier hoort een veldnaam tussen dubbele aanhalingstekens",
    "Expecting ':' delimiter": "hier hoort een dubbele punt",
    "Expecting ',' delimiter": "hier hoort een komma",
    "Unterminated string starting at": "een tekst zonder afsluitend aanhalingsteken",
    "Invalid control character at": "een ongeldig teken in een tekst",
    "Invalid \\escape": "een ongeldige escape (\\) in een tekst",
    "Invalid \\uXXXX escape": "een ongeldige \\u-escape in een tekst",
    "Extra data": "na het einde van de invoer staat nog meer",
}


def _fout(melding: str, veld: str | None = None) -> InvoerFout:
    return InvoerFout([{"veld": veld, "melding": melding}])


def _getal(n: int) -> str:
    """A count as Dutch readers write it: 100.000."""
    return f"{n:,}".replace(",", ".")


def _hoogstens(diepte: int) -> str:
    return f"hoogstens {diepte} niveaus lijsten of objecten in elkaar"


def _te_diep(invoer: object, omvang: dict, velden: dict) -> list[dict]:
    """Walk the input without recursion: nesting deeper than the limit is bad input.

    A list or object wider than the list limit is not walked: the field checks refuse it without
    looking inside, so nothing deep in it is ever reached.
    """
    diepte_max = omvang["diepte"]
    breed = omvang["lijst_items"]
    stapel: list[tuple[object, int, str | None]] = [(invoer, 1, None)]
    while stapel:
        waarde, diepte, veld = stapel.pop()
        if isinstance(waarde, (dict, list, tuple)) and len(waarde) > breed:
            continue
        if isinstance(waarde, dict):
            kinderen = [(w, diepte + 1, veld if veld is not None else k) for k, w in waarde.items()]
        elif isinstance(waarde, (list, tuple)):
            kinderen = [(w, diepte + 1, veld) for w in waarde]
        else:
            continue
        if diepte >= diepte_max and kinderen:
            if not isinstance(veld, str):
                return [{"veld": None, "melding": f"De invoer is te diep genest ({_hoogstens(diepte_max)})."}]
            kort = citaat(veld, omvang["citaat_tekens"])
            wat = label(velden, veld) if veld in velden else f"Het veld {kort}"
            return [
                {"veld": kort.strip('"'), "melding": f"{wat} is te diep genest ({_hoogstens(diepte_max)})."}
            ]
        stapel.extend(kinderen)
    return []


def run(soort: str, invoer: object, bundle: dict | None = None) -> dict:
    """Compute ``soort`` for ``invoer`` (a dict as decoded from JSON).

    Raises `InvoerFout` (with every problem) for bad input. ``bundle`` overrides the active data bundle.
    """
    b = data.bundle_or_active(bundle)
    grenzen = omvang(b)
    functie = SOORTEN.get(soort) if isinstance(soort, str) else None
    if functie is None:
        naam = citaat(soort, grenzen["citaat_tekens"]) if isinstance(soort, str) else "zonder naam"
        raise InvoerFout(
            [{"veld": "soort", "melding": f"De berekening {naam} bestaat niet in deze rekenhulp."}]
        )
    fouten = _te_diep(invoer, grenzen, invoer_deel(b)["velden"])
    if fouten:
        raise InvoerFout(fouten)
    try:
        with data.reading() as gelezen:
            uit = functie(invoer, bundle)
    except InvoerFout as e:
        raise InvoerFout(beperk(e.fouten, grenzen["meldingen"])) from None
    uit["waarschuwingen"] = waarschuwingen(b, gelezen)
    return uit


def dumps(uitkomst: object) -> str:
    """JSON the same way on CPython and Pyodide: sorted keys, no ASCII escaping."""
    return json.dumps(uitkomst, sort_keys=True, ensure_ascii=False)


def read_json(tekst: object, omvang: dict) -> object:
    """Parse JSON input; every way it can fail is an `InvoerFout` with a Dutch message."""
    if isinstance(tekst, (bytes, bytearray)):
        try:
            tekst = bytes(tekst).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _fout("De invoer is geen geldige UTF-8-tekst.") from None
    if not isinstance(tekst, str):
        raise _fout("De invoer moet JSON-tekst zijn.")
    if len(tekst) > omvang["json_tekens"]:
        raise _fout(
            f"De invoer is te groot: {_getal(len(tekst))} tekens, hoogstens {_getal(omvang['json_tekens'])}."
        )
    if _nesting(tekst) > DIEPTE_VOOR_PARSEN:
        raise _fout(f"De invoer is te diep genest ({_hoogstens(omvang['diepte'])}).")
    try:
        return json.loads(tekst, parse_constant=_geen_constante)
    except _Constante as e:
        raise _fout(
            f"De invoer is geen geldige JSON: {e.args[0]} is geen getal in JSON; schrijf een getal als 12."
        ) from None
    except RecursionError:
        raise _fout(f"De invoer is te diep genest ({_hoogstens(omvang['diepte'])}).") from None
    except json.JSONDecodeError as e:
        uitleg = next((nl for en, nl in JSON_MELDINGEN.items() if e.msg.startswith(en)), "een schrijffout")
        raise _fout(
            f"De invoer is geen geldige JSON: {uitleg} (regel {e.lineno}, teken {e.colno})."
        ) from None
    except ValueError:  # a number with more digits than Python converts
        raise _fout("De invoer is geen geldige JSON: een getal is te lang.") from None


class _Constante(ValueError):
    """NaN, Infinity or -Infinity in the input: Python's json reads them, JSON has none."""


def _geen_constante(naam: str) -> object:
    """NaN and Infinity are not JSON; Python accepts them unless told not to."""
    raise _Constante(naam)


# Nesting is counted before parsing: json's parser recurses, and Pyodide's stack overflows (a fatal
# error of the whole runtime) long before CPython's recursion limit. Far above the input's own
# limit (omvang.diepte, checked field by field after parsing) and far below either stack.
DIEPTE_VOOR_PARSEN = 100
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _nesting(tekst: str) -> int:
    """The deepest nesting of lists and objects in JSON text (brackets inside strings not counted)."""
    if tekst.count("[") + tekst.count("{") <= DIEPTE_VOOR_PARSEN:
        return 0  # cannot be deeper than that: the usual case costs two counts
    diepte = diepst = 0
    for m in _JSON_TOKEN.finditer(tekst):
        t = m.group()
        if t in "[{":
            diepte += 1
            diepst = max(diepst, diepte)
        elif t in "]}":
            diepte -= 1
    return diepst


def utf8_safe(tekst: str) -> str:
    """Output that is always valid UTF8, whatever slipped into it."""
    try:
        tekst.encode("utf-8")
        return tekst
    except UnicodeEncodeError:
        return tekst.encode("utf-8", "replace").decode("utf-8")


def _dag(tekst: str | None) -> date | None:
    try:
        return date.fromisoformat(tekst) if tekst else None
    except ValueError:
        return None


def run_json(soort: str, invoer_json: str, vandaag: str | None = None) -> str:
    """Like `run`, JSON in and out; never raises. ``vandaag`` (ISO date): the day an answer
    without a peildatum is for; the browser passes the page's local date.

    Bad input gives ``{"fouten": [...]}``; a fault in the project gives one fout with ``veld`` null
    and ``intern`` true.
    """
    try:
        try:
            invoer = read_json(invoer_json, omvang(data.actief()))
            with clock.pinned(_dag(vandaag)):
                return utf8_safe(dumps(run(soort, invoer)))
        except InvoerFout as e:
            return utf8_safe(dumps({"fouten": e.fouten}))
    except Exception as e:  # noqa: BLE001 - the browser worker must always get an answer
        melding = INTERNE_FOUT
        if isinstance(e, BundleFout):
            melding = f"{INTERNE_FOUT} (De gegevens van de rekenhulp zijn niet compleet.)"
        return dumps({"fouten": [{"veld": None, "melding": melding, "intern": True}]})
