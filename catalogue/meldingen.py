"""Dutch messages for the content build: pydantic's error types, YAML problems, file checks.

An editor of content/ reads these; they name the field as the YAML file has it and show a found
value the way YAML writes it (a date as 2026-01-01, never as Python would print it).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

# Largest content file the build accepts; the largest real one is well under a tenth of it.
MAX_BESTAND_BYTES = 512 * 1024
CITAAT = 60  # how much of a found value a message quotes
PYTHON_DATUM = re.compile(r"datetime\.date\((\d+), (\d+), (\d+)\)")

PYDANTIC = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld (staat niet in het schema)",
    "string_type": "moet tekst zijn",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "is te lang (hoogstens {max_length} tekens)",
    "string_pattern_mismatch": "heeft niet de vereiste vorm (patroon {pattern})",
    "int_type": "moet een heel getal zijn",
    "int_parsing": "moet een heel getal zijn",
    "int_from_float": "moet een heel getal zijn",
    "decimal_type": "moet een getal zijn",
    "decimal_parsing": "moet een getal zijn",
    "decimal_max_digits": "heeft te veel cijfers",
    "decimal_max_places": "heeft te veel decimalen",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "finite_number": "moet een eindig getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "date_type": "moet een datum zijn als 2026-01-01",
    "date_parsing": "moet een datum zijn als 2026-01-01",
    "date_from_datetime_parsing": "moet een datum zijn als 2026-01-01",
    "date_from_datetime_inexact": "moet een datum zijn zonder tijd, als 2026-01-01",
    "list_type": "moet een lijst zijn",
    "tuple_type": "moet een lijst zijn",
    "set_type": "moet een lijst zijn",
    "dict_type": "moet een mapping zijn (sleutels met waarden)",
    "model_type": "moet een mapping zijn (sleutels met waarden)",
    "model_attributes_type": "moet een mapping zijn (sleutels met waarden)",
    "literal_error": "moet een van deze waarden zijn: {expected}",
    "enum": "moet een van deze waarden zijn: {expected}",
    "greater_than": "moet groter zijn dan {gt}",
    "greater_than_equal": "moet {ge} of meer zijn",
    "less_than": "moet kleiner zijn dan {lt}",
    "less_than_equal": "moet {le} of minder zijn",
    "too_short": "moet ten minste {min_length} item(s) hebben",
    "too_long": "mag hoogstens {max_length} item(s) hebben",
    "none_required": "moet leeg zijn (null)",
    "frozen_instance": "mag niet worden gewijzigd",
}
# Types whose message says it all: the found value would only repeat the field.
ZONDER_WAARDE = {"missing", "extra_forbidden", "value_error", "assertion_error"}


def yaml_waarde(waarde: Any) -> str:
    """A found value as the YAML file writes it, short."""
    if isinstance(waarde, bool):
        tekst = "true" if waarde else "false"
    elif waarde is None:
        tekst = "null"
    elif isinstance(waarde, (dt.date, dt.datetime)):
        tekst = waarde.isoformat()
    elif isinstance(waarde, (int, Decimal, float)):
        tekst = str(waarde)
    elif isinstance(waarde, str):
        kort = waarde if len(waarde) <= CITAAT else waarde[:CITAAT] + "…"
        tekst = f"'{kort}'"
    elif isinstance(waarde, (list, tuple)):
        tekst = "een lijst"
    elif isinstance(waarde, dict):
        tekst = "een mapping"
    else:
        tekst = "een onbekende waarde"
    return tekst


def veldpad(loc: tuple[Any, ...]) -> str:
    """A pydantic location as the YAML has it: keys and list positions, dates as 2026-01-01.

    pydantic adds markers of its own (``[key]`` for a mapping key, validator names); those go.
    """
    delen = []
    for p in loc:
        if isinstance(p, str) and (p == "[key]" or p.startswith(("function-", "tagged-union[", "union["))):
            continue
        if isinstance(p, (dt.date, dt.datetime)):
            p = p.isoformat()
        # pydantic writes a non-text mapping key with repr(): datetime.date(2026, 1, 1)
        delen.append(PYTHON_DATUM.sub(lambda m: dt.date(*map(int, m.groups())).isoformat(), str(p)))
    return ".".join(delen) or "(hele bestand)"


def pydantic_melding(err: dict[str, Any]) -> str:
    """One pydantic error as a Dutch message (with the found value where it helps)."""
    soort = err.get("type", "")
    ctx = {k: _ctx_tekst(v) for k, v in (err.get("ctx") or {}).items()}
    if soort in ("value_error", "assertion_error"):
        fout = (err.get("ctx") or {}).get("error")
        melding = str(fout) if fout is not None else "ongeldige waarde"
    else:
        sjabloon = PYDANTIC.get(soort, "ongeldige waarde")
        try:
            melding = sjabloon.format(**ctx)
        except (KeyError, IndexError):
            melding = sjabloon.split("{")[0].strip() or "ongeldige waarde"
    if "[key]" in tuple(err.get("loc", ())):
        melding = f"de sleutel {melding}"
    if soort not in ZONDER_WAARDE and "input" in err and not isinstance(err["input"], (dict, list)):
        melding = f"{melding} (gevonden: {yaml_waarde(err['input'])})"
    return melding


def _ctx_tekst(waarde: Any) -> str:
    if isinstance(waarde, str):
        # literal_error lists options as "'a', 'b' or 'c'": keep the options, in Dutch.
        return waarde.replace(" or ", " of ")
    return yaml_waarde(waarde).strip("'")


def unicode_melding(tekst: bytes, fout: UnicodeDecodeError) -> str:
    """Where a file stops being UTF-8: line and column of the first bad byte."""
    voor = tekst[: fout.start]
    regel = voor.count(b"\n") + 1
    kolom = fout.start - (voor.rfind(b"\n") + 1) + 1
    byte = tekst[fout.start : fout.start + 1].hex()
    return (
        f"het bestand is geen geldige UTF-8-tekst: byte 0x{byte} op regel {regel}, kolom {kolom} "
        "(sla het bestand op als UTF-8)"
    )


YAML_PROBLEMEN = {
    "mapping values are not allowed": "hier mag geen ':' staan (een sleutel binnen een waarde?)",
    "could not find expected ':'": "hier ontbreekt een ':' achter een sleutel",
    "found character '\\t' that cannot start any token": "een tab; YAML springt in met spaties",
    "found character that cannot start any token": "een teken waarmee geen waarde kan beginnen",
    "did not find expected key": "hier werd een sleutel verwacht (klopt het inspringen?)",
    "did not find expected '-' indicator": "hier werd een lijstitem ('- ') verwacht (klopt het inspringen?)",
    "found unexpected end of stream": "het bestand houdt onverwacht op (een aanhalingsteken niet gesloten?)",
    "found undefined alias": "een onbekende verwijzing (*alias)",
    "expected <block end>, but found": "het inspringen klopt niet",
    "found unknown escape character": "een onbekende escape (\\) in een tekst",
    "while scanning a quoted scalar": "een tekst tussen aanhalingstekens wordt niet gesloten",
    "found duplicate anchor": "een dubbel anker (&)",
    "expected ',' or ']'": "een lijst tussen [ ] wordt niet goed gesloten (ontbreekt een komma of ']'?)",
    "expected ',' or '}'": "een mapping tussen { } wordt niet goed gesloten (ontbreekt een komma of '}'?)",
    "expected a comment or a line break": "na deze waarde mag op dezelfde regel niets meer staan",
    "expected alphabetic or numeric character": "na '&' of '*' hoort een naam",
    "could not determine a constructor": "een onbekend type (!tag); schrijf de waarde zonder '!'",
    "found unhashable key": "een sleutel moet een naam of datum zijn, geen lijst of mapping",
    "expected chomping or indentation indicators": "na '|' of '>' mag alleen '-' of '+' staan",
}


def yaml_probleem(probleem: str) -> str:
    """PyYAML's English problem text in Dutch (the known ones; otherwise a Dutch general line: no
    English reaches an editor; the position is in the message already)."""
    for engels, nl in YAML_PROBLEMEN.items():
        if engels in probleem:
            return nl
    return "de YAML is hier niet te lezen (controleer aanhalingstekens, dubbele punten en inspringen)"
