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


# rule name -> its versions as (vanaf, tot, function), in the order they were registered.
_VERSIES: dict[str, list[tuple[date | None, date | None, Callable[..., Any]]]] = {}


def geldig(vanaf: date | None = None, tot: date | None = None, naam: str | None = None) -> Callable[[F], F]:
    """Register a version of a rule that applies from ``vanaf`` (inclusive) up to ``tot`` (exclusive).

    All versions of one rule share a name (default: the function's qualified name with any ``_vanaf_...``
    suffix removed). Call the rule through `versie` (or the returned wrapper, which takes the peildatum
    from its first argument's ``peildatum``), so the version follows the peildatum as values do.
    """

    def registreer(functie: F) -> F:
        sleutel = naam or f"{functie.__module__}.{functie.__name__.split('_vanaf_')[0]}"
        versies = _VERSIES.setdefault(sleutel, [])
        for v_vanaf, v_tot, _ in versies:
            if (vanaf is None or v_tot is None or vanaf < v_tot) and (
                tot is None or v_vanaf is None or v_vanaf < tot
            ):
                raise ValueError(f"regel {sleutel}: periodes van versies overlappen")
        versies.append((vanaf, tot, functie))

        @wraps(functie)
        def kies(*args: Any, **kwargs: Any) -> Any:
            return versie(sleutel, args[0].peildatum)(*args, **kwargs)

        kies.regel = sleutel  # type: ignore[attr-defined]
        return kies  # type: ignore[return-value]

    return registreer


def versie(regel: str, peildatum: date) -> Callable[..., Any]:
    """The version of ``regel`` that applies on ``peildatum``."""
    for vanaf, tot, functie in _VERSIES.get(regel, []):
        if (vanaf is None or vanaf <= peildatum) and (tot is None or peildatum < tot):
            return functie
    raise BundleFout(f"regel {regel} heeft geen versie die geldt op {peildatum.isoformat()}")
