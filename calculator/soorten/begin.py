"""The first step of every soort: the input's fields read against the bundle in force on the peildatum."""

from __future__ import annotations

from datetime import date

from ..data import Peil, bundle_or_active, peil
from ..invoer import Velden


def begin_invoer(
    invoer: object, soort: str, bundle: dict | None, vandaag: date | None = None
) -> tuple[Velden, Peil]:
    """The fields of a ``soort`` question (as content/invoer.yaml declares them) and the bundle seen on
    its ``peildatum`` (default ``vandaag``, else today); labels and bounds are those in force on that date."""
    b = bundle_or_active(bundle)
    v = Velden.voor(invoer, soort, b)
    p = peil(v.lees("peildatum", vandaag), b)
    v.gebruik_peil(p)
    return v, p
