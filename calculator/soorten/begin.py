"""The first step of every soort: the input's fields read against the bundle in force on the peildatum."""

from __future__ import annotations

from datetime import date

from ..data import Peil, bundel, peil
from ..invoer import Velden


def begin_invoer(
    invoer: object, velden: tuple[str, ...], bundle: dict | None, vandaag: date | None = None
) -> tuple[Velden, Peil]:
    """Fields of ``invoer`` and the bundle seen on its ``peildatum`` (default ``vandaag``, else today);
    the fields' labels and bounds are those in force on that date."""
    b = bundel(bundle)
    v = Velden(invoer, velden, b)
    p = peil(v.datum("peildatum", vandaag), b)
    v.gebruik_peil(p)
    return v, p
