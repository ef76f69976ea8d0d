"""The resident's own contribution for Wmo help: the CAK's abonnementstarief.

Bron: 005, 3. De eigen bijdrage voor de Wmo: het abonnementstarief (CAK). A fixed maximum per
household per month since the date its first value applies from; the amount and the conditions
(plain-Dutch texts, each with its own source) are content, read from the bundle.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..data import Peil
from ..nl import datum
from ..trace import Toelichting

SLEUTEL = "eigen_bijdrage.abonnementstarief"


@dataclass(frozen=True)
class EigenBijdrage:
    """The eigen bijdrage on a peildatum. ``per_maand`` is None before the abonnementstarief existed."""

    per_maand: Decimal | None
    vanaf: str | None
    bron: dict
    voorwaarden: list[dict]
    opmerking: str | None


def eigen_bijdrage(p: Peil, t: Toelichting) -> EigenBijdrage:
    """The abonnementstarief in force on the peildatum, with its conditions.

    Bron: 005, 3. De eigen bijdrage voor de Wmo, 3.2 (a fixed maximum since its start) and 3.8 (the amounts).

    Before the first date in the content the abonnementstarief did not exist (005, 3.2 says "sinds"):
    then no amount is given, and the note says why, instead of carrying the first amount back in time.
    """
    w = p.param(SLEUTEL)
    teksten = p.bundle["parameters"][SLEUTEL].get("voorwaarden", [])
    voorwaarden = [{"tekst": v["tekst"], "bron": dict(v["bron"])} for v in teksten]
    # The value given for a date before the first one is the earliest, which starts after that date.
    if w.vanaf and w.vanaf > p.peildatum.isoformat():
        opmerking = (
            f"Op {datum(p.peildatum)} gold het abonnementstarief nog niet; het geldt vanaf "
            f"{datum(w.vanaf)}. De eigen bijdrage van daarvoor berekent de rekenhulp niet."
        )
        t.stap(opmerking, "eigen_bijdrage", None, None, w.bron)
        return EigenBijdrage(None, None, w.bron, voorwaarden, opmerking)
    if t.aan:  # the step's text is only worth making for a trace someone reads
        t.stap(
            "Eigen bijdrage: hoogstens dit bedrag per huishouden per maand "
            f"(abonnementstarief, vanaf {datum(w.vanaf)})",
            "eigen_bijdrage",
            w.waarde,
            w.eenheid,
            w.bron,
        )
    return EigenBijdrage(w.waarde, w.vanaf, w.bron, voorwaarden, None)
