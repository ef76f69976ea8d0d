"""Dutch notation for amounts and numbers on the site."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from calculator.money import CENT


def euro(value: Decimal | str | int) -> str:
    """Decimal("1297.21") -> "€ 1.297,21" (half-up to the cent)."""
    amount = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    text = f"{abs(amount):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{sign}€ {text}"


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


def datum(value) -> str:
    """date -> "1 januari 2026"."""
    months = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    return f"{value.day} {months[value.month - 1]} {value.year}"


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """3 -> "3 eisen", 1 -> "1 eis", 0 -> "geen eisen": Dutch counts with the right noun form."""
    if n == 0:
        return f"geen {meervoud}"
    return f"{n} {enkelvoud if n == 1 else meervoud}"
