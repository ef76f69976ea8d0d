"""Dutch notation for amounts and numbers on the site."""

from __future__ import annotations

from decimal import Decimal

from calculator import nl

# Dates read the same on the pages as in the calculator's answers: one implementation.
datum = nl.datum


def euro(value: Decimal | str | int) -> str:
    """Decimal("1297.21") -> "€ 1.297,21" (half-up to the cent), as the calculator writes amounts."""
    return nl.euro(Decimal(value))


def euro_pagina(value: Decimal | str | int) -> str:
    """An amount as the pages show it: "€" and the number joined by a no-break space, so a table
    cell or a line never wraps between them (the downloads and the core keep a plain space)."""
    return euro(value).replace("€ ", "€\u00a0")


def getal_nl(value: Decimal | str | int) -> str:
    """Decimal("43.5") -> "43,5"; keeps the digits the source gave, Dutch separators."""
    d = Decimal(value)
    text = f"{d:f}"
    if "." in text:
        whole, frac = text.split(".")
    else:
        whole, frac = text, ""
    whole = f"{int(whole):,}".replace(",", ".") if whole.lstrip("-").isdigit() else whole
    return f"{whole},{frac}" if frac else whole


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """3 -> "3 eisen", 1 -> "1 eis", 0 -> "geen eisen": Dutch counts with the right noun form."""
    if n == 0:
        return f"geen {meervoud}"
    return f"{n} {enkelvoud if n == 1 else meervoud}"
