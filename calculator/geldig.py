"""Time in one place: which dated value is in force on a date, and which version of a rule applies.

Values and rules are dated the same way: a version applies from its ``vanaf`` date (inclusive) until
the next version starts (or, for rules, until ``tot``, exclusive). The build (catalogue/) and the core
both ask `in_werking`, so a page and the calculator can never disagree about the value of a date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import wraps
from typing import Any, TypeVar

from .errors import BundleFout

D = TypeVar("D", str, date)
F = TypeVar("F", bound=Callable[..., Any])


def in_werking(vanaf: Sequence[D], dag: D) -> tuple[int | None, bool]:
    """The index of the value in force on ``dag`` among dates sorted ascending, and a flag.

    The value in force is the last one starting on or before ``dag``. When every value starts later,
    the earliest is given and the flag (``voor_eerste``) says the date lies before the first value, so
    a caller can say so instead of silently showing a later figure. ``(None, False)`` when empty.
    """
    gekozen = None
    for i, d in enumerate(vanaf):
        if d <= dag:
            gekozen = i
        else:
            break
    if gekozen is None:
        return (0, True) if vanaf else (None, False)
    return gekozen, False


# A version's boundary: a date, or the key of a parameter whose first value starts the boundary, so the
# day a rule changed lives in content once (the first amount of the new rule) and not in code.
Grens = date | str | None
# rule name -> its versions as (vanaf, tot, function), in the order they were registered.
_VERSIES: dict[str, list[tuple[Grens, Grens, Callable[..., Any]]]] = {}


def geldig(vanaf: Grens = None, tot: Grens = None, naam: str | None = None) -> Callable[[F], F]:
    """Register a version of a rule that applies from ``vanaf`` (inclusive) up to ``tot`` (exclusive).

    A boundary is a date or a parameter key (the first date of that parameter's values in the bundle).
    All versions of one rule share a name (default: the function's qualified name with any ``_vanaf_...``
    suffix removed). Call the rule through `versie` (or the returned wrapper, which takes the peildatum
    and the bundle from its first argument, a `Peil`), so the version follows the peildatum as values do.
    """

    def registreer(functie: F) -> F:
        sleutel = naam or f"{functie.__module__}.{functie.__name__.split('_vanaf_')[0]}"
        versies = _VERSIES.setdefault(sleutel, [])
        for v_vanaf, v_tot, _ in versies:
            if _overlappen(vanaf, tot, v_vanaf, v_tot):
                raise ValueError(f"regel {sleutel}: periodes van versies overlappen")
        versies.append((vanaf, tot, functie))

        @wraps(functie)
        def kies(*args: Any, **kwargs: Any) -> Any:
            peil = args[0]
            return versie(sleutel, peil.peildatum, getattr(peil, "bundle", None))(*args, **kwargs)

        kies.regel = sleutel  # type: ignore[attr-defined]
        return kies  # type: ignore[return-value]

    return registreer


def _overlappen(a_vanaf: Grens, a_tot: Grens, b_vanaf: Grens, b_tot: Grens) -> bool:
    """Whether two periods overlap, as far as can be known before a bundle is read: boundaries of
    different kinds (a date and a parameter key) are checked when the rule is called (`versie`)."""

    def voor(x: Grens, y: Grens) -> bool:  # x < y, or unknown (True) for boundaries of different kinds
        return x is None or y is None or type(x) is not type(y) or x < y  # type: ignore[operator]

    return voor(a_vanaf, b_tot) and voor(b_vanaf, a_tot)


def _dag(grens: Grens, bundle: dict | None) -> date | None:
    if not isinstance(grens, str):
        return grens
    waarden = ((bundle or {}).get("parameters", {}).get(grens) or {}).get("waarden") or []
    if not waarden or not waarden[0].get("vanaf"):
        raise BundleFout(f"regel: parameter '{grens}' heeft geen datum om een versie mee te beginnen")
    return date.fromisoformat(waarden[0]["vanaf"])


def versie(regel: str, peildatum: date, bundle: dict | None = None) -> Callable[..., Any]:
    """The version of ``regel`` that applies on ``peildatum``; ``bundle`` holds the parameter boundaries."""
    passend = []
    for vanaf, tot, functie in _VERSIES.get(regel, []):
        begin, eind = _dag(vanaf, bundle), _dag(tot, bundle)
        if (begin is None or begin <= peildatum) and (eind is None or peildatum < eind):
            passend.append(functie)
    if len(passend) > 1:
        raise BundleFout(f"regel {regel} heeft meer dan één versie die geldt op {peildatum.isoformat()}")
    if not passend:
        raise BundleFout(f"regel {regel} heeft geen versie die geldt op {peildatum.isoformat()}")
    return passend[0]
