"""The ordered explanation ("toelichting") every result carries, so a page can render "Waarom?"."""

from __future__ import annotations

from decimal import Decimal

from .money import bedrag, getal


def _tekst(waarde: object, eenheid: str | None) -> str:
    if isinstance(waarde, Decimal):
        return bedrag(waarde) if (eenheid or "").startswith("euro") else getal(waarde)
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return "" if waarde is None else str(waarde)


class Toelichting:
    """Collects steps ``{stap, regel, waarde, eenheid, bron}`` in the order the rules ran."""

    aan = True

    def __init__(self) -> None:
        self.stappen: list[dict] = []

    def stap(self, stap: str, regel: str, waarde: object, eenheid: str | None, bron: dict | None) -> None:
        """Record one step; ``waarde`` is the figure the rule added or set."""
        self.stappen.append(
            {
                "stap": stap,
                "regel": regel,
                "waarde": _tekst(waarde, eenheid),
                "eenheid": eenheid or "",
                "bron": dict(bron) if bron else None,
            }
        )


class GeenToelichting(Toelichting):
    """A no-op trace for batch work, where nobody reads the steps."""

    aan = False

    def stap(self, stap: str, regel: str, waarde: object, eenheid: str | None, bron: dict | None) -> None:
        return None
