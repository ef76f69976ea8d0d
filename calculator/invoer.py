"""Reading and checking input: every problem is collected, then raised as one `InvoerFout`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from .errors import InvoerFout

# Technical guard against absurd input, not a norm: no count in these rules comes near it.
TECHNISCHE_GRENS = 1_000_000
# How much of a wrong value a message quotes.
TOON_TEKENS = 48
ISO_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
# Calendar fact: a week has seven days.
DAGEN_PER_WEEK = 7


def _toon(waarde: object) -> str:
    if isinstance(waarde, str):
        return f'"{waarde}"' if len(waarde) <= TOON_TEKENS else f'"{waarde[:TOON_TEKENS]}…"'
    if waarde is None:
        return "leeg (null)"
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, (int, Decimal)):
        return str(waarde)
    if isinstance(waarde, float):
        return repr(waarde)
    if isinstance(waarde, (list, tuple)):
        return "een lijst"
    if isinstance(waarde, dict):
        return "een object"
    return type(waarde).__name__


class Velden:
    """Reads the fields of one input object, collecting every problem found."""

    def __init__(self, invoer: object, toegestaan: Iterable[str], voorvoegsel: str = "") -> None:
        self.fouten: list[dict] = []
        self.voorvoegsel = voorvoegsel
        self.toegestaan = tuple(toegestaan)
        toegestane = frozenset(self.toegestaan)
        if not isinstance(invoer, dict):
            naam = voorvoegsel.rstrip(".") or None
            self.fout_los(
                naam, f"de invoer{' ' + naam if naam else ''} moet een object zijn, niet {_toon(invoer)}"
            )
            invoer = {}
        self.invoer: dict = invoer
        for sleutel in invoer:
            if sleutel not in toegestane:
                naam = self.naam(str(sleutel))
                self.fout_los(naam, f"onbekend veld '{naam}'; toegestaan zijn: {', '.join(self.toegestaan)}")

    def naam(self, veld: str) -> str:
        """The full field name (with the prefix of a nested object)."""
        return f"{self.voorvoegsel}{veld}"

    def fout(self, veld: str, melding: str) -> None:
        """Record a problem with ``veld``; ``melding`` is a predicate, the field name is put before it."""
        naam = self.naam(veld)
        self.fouten.append({"veld": naam, "melding": f"{naam} {melding}"})

    def fout_los(self, veld: str | None, melding: str) -> None:
        """Record a problem whose message already names what it is about."""
        self.fouten.append({"veld": veld, "melding": melding})

    def aanwezig(self, veld: str) -> bool:
        """Whether ``veld`` was given (``null`` counts as not given)."""
        return self.invoer.get(veld) is not None

    def heel(
        self,
        veld: str,
        standaard: int | None = 0,
        *,
        minimum: int = 0,
        maximum: int | None = None,
        max_uitleg: str | Callable[[], str] = "",
        bool_als_getal: bool = False,
        verplicht: bool = False,
    ) -> int | None:
        """A whole number in [minimum, maximum]; ``max_uitleg`` names the maximum's source."""
        waarde = self.invoer.get(veld)
        if waarde is None:
            if verplicht:
                self.fout(veld, f"is verplicht (een heel getal van {minimum} of meer)")
            return standaard
        if isinstance(waarde, bool):
            if bool_als_getal:
                return int(waarde)
            self.fout(veld, f"moet een heel getal zijn, geen ja/nee-waarde (ontvangen: {_toon(waarde)})")
            return standaard
        if not isinstance(waarde, int):
            self.fout(veld, f"moet een heel getal zijn (ontvangen: {_toon(waarde)})")
            return standaard
        if waarde < minimum:
            soort = "negatief zijn" if minimum == 0 else f"kleiner zijn dan {minimum}"
            self.fout(veld, f"mag niet {soort} (ontvangen: {waarde})")
            return standaard
        if maximum is not None and waarde > maximum:
            tekst = max_uitleg() if callable(max_uitleg) else max_uitleg
            uitleg = f" ({tekst})" if tekst else ""
            self.fout(veld, f"mag hoogstens {maximum} zijn{uitleg}; ontvangen: {waarde}")
            return standaard
        if waarde > TECHNISCHE_GRENS:
            self.fout(veld, f"is onwaarschijnlijk groot (ontvangen: {waarde})")
            return standaard
        return waarde

    def jn(self, veld: str, standaard: bool | None = False) -> bool | None:
        """A yes/no value (JSON true/false)."""
        waarde = self.invoer.get(veld)
        if waarde is None:
            return standaard
        if not isinstance(waarde, bool):
            self.fout(veld, f"moet true of false zijn (ontvangen: {_toon(waarde)})")
            return standaard
        return waarde

    def keuze(
        self, veld: str, opties: Iterable[str], standaard: str | None, *, verplicht: bool = False
    ) -> str | None:
        """One of ``opties`` (a string)."""
        opties = tuple(opties)
        waarde = self.invoer.get(veld)
        if waarde is None:
            if verplicht:
                self.fout(veld, f"is verplicht; kies uit: {', '.join(opties)}")
            return standaard
        if not isinstance(waarde, str) or waarde not in opties:
            self.fout(veld, f"heeft een onbekende keuze {_toon(waarde)}; kies uit: {', '.join(opties)}")
            return standaard
        return waarde

    def datum(self, veld: str = "peildatum", standaard: date | None = None) -> date:
        """An ISO date (``2026-01-01``); default ``standaard`` or today."""
        waarde = self.invoer.get(veld)
        if waarde is None:
            return standaard or date.today()
        if isinstance(waarde, date):
            return waarde
        if isinstance(waarde, str) and ISO_DATUM.fullmatch(waarde):
            try:
                return date.fromisoformat(waarde)
            except ValueError:
                pass
        self.fout(
            veld, f"moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld 2026-01-01 (ontvangen: {_toon(waarde)})"
        )
        return date.today()

    def lijst(self, veld: str) -> list:
        """A list (default empty)."""
        waarde = self.invoer.get(veld)
        if waarde is None:
            return []
        if not isinstance(waarde, list):
            self.fout(veld, f"moet een lijst zijn (ontvangen: {_toon(waarde)})")
            return []
        return waarde

    def klaar(self) -> None:
        """Raise `InvoerFout` with every problem collected, if any."""
        if self.fouten:
            raise InvoerFout(self.fouten)
