"""Soort ``producten``: the product list, optionally for one region."""

from __future__ import annotations

from ..data import actief
from ..invoer import Velden


def lijst(bundle: dict, regio: str | None) -> list[dict]:
    """Products sorted by region and id, with the fields a list page needs."""
    uit = []
    for pid, p in sorted(bundle["producten"].items(), key=lambda kv: (kv[1].get("regio") or "", kv[0])):
        if regio is None or p.get("regio") == regio:
            uit.append(
                {
                    "id": pid,
                    "naam": p.get("naam"),
                    "regio": p.get("regio"),
                    "categorie": p.get("categorie"),
                    "url": p.get("url"),
                }
            )
    return uit


def run(invoer: object, bundle: dict | None = None) -> dict:
    """The products (of ``regio`` if given)."""
    b = actief() if bundle is None else bundle
    v = Velden.voor(invoer if invoer is not None else {}, "producten", b)
    regio = v.lees("regio")
    v.klaar()
    producten = lijst(b, regio)
    return {"soort": "producten", "regio": regio, "aantal": len(producten), "producten": producten}
