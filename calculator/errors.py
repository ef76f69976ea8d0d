"""The one documented error type for bad input, and the error for a broken data bundle."""

from __future__ import annotations


class InvoerFout(ValueError):
    """Bad input. ``fouten`` lists every problem found, not just the first.

    Each item is ``{"veld": <field name or None>, "melding": <Dutch message naming the field>}``.
    """

    def __init__(self, fouten: list[dict]) -> None:
        self.fouten = [{"veld": f.get("veld"), "melding": str(f["melding"])} for f in fouten]
        super().__init__("; ".join(f"{f['veld']}: {f['melding']}" for f in self.fouten))


class BundleFout(RuntimeError):
    """The data bundle is missing, unreadable or lacks a parameter or tariff the rules need."""
