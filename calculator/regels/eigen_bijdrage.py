"""The resident's own contribution for Wmo help: the CAK's abonnementstarief, for this household.

Bron: 005, 3. De eigen bijdrage voor de Wmo: het abonnementstarief (CAK). A fixed maximum per
household per month since the date its first value applies from (3.2, 3.8), and the households
and provisions that pay nothing (3.10-3.12). The amount, the conditions and the texts of who pays
nothing (each with its own source) are content, read from the bundle.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..data import Peil
from ..nl import datum, euro
from ..trace import Toelichting

SLEUTEL = "eigen_bijdrage.abonnementstarief"
NUL = Decimal("0.00")


@dataclass(frozen=True)
class Huishouden:
    """What the answer must know of the household (005, 3.13); None: not given."""

    met_partner: bool | None = None
    beiden_aow_leeftijd: bool | None = None
    client_onder_18: bool | None = None
    rolstoel: bool = False  # the provision is a wheelchair (from the tariff row, not asked)


ONBEKEND = Huishouden()


@dataclass(frozen=True)
class EigenBijdrage:
    """The eigen bijdrage on a peildatum.

    ``per_maand`` is None before the abonnementstarief existed, ``"0.00"`` for a household or
    provision that pays nothing; ``hoogstens`` where the household's answers leave it open.
    """

    per_maand: Decimal | None
    vanaf: str | None
    bron: dict
    voorwaarden: list[dict]
    opmerking: str | None
    van_toepassing: bool = True
    hoogstens: bool = False


def vrijstelling(p: Peil, h: Huishouden) -> dict | None:
    """The rule under which this household pays nothing, if one applies.

    Bron: 005, 3.10 (a couple of whom at least one partner is below the AOW age), 3.11 (a
    wheelchair) and 3.12 (support to a child; the core prices no woningaanpassing, the
    one exception). The provision's own rules come first, then the household's.
    """
    vrij = p.bundle["parameters"][SLEUTEL].get("vrijstellingen", {})
    if h.client_onder_18:
        return vrij.get("kind_onder_18")
    if h.rolstoel:
        return vrij.get("rolstoel")
    if h.met_partner and h.beiden_aow_leeftijd is False:
        return vrij.get("partner_onder_aow")
    return None


def huishouden_open(h: Huishouden) -> bool:
    """Whether the answers leave open if the household pays (005, 3.13: what the answer must know).

    A single resident pays; a couple pays only when both have reached the AOW age (005, 3.10).
    """
    if h.client_onder_18 is None:
        return True
    if h.met_partner is None:
        return True
    return bool(h.met_partner) and h.beiden_aow_leeftijd is None


def eigen_bijdrage(p: Peil, t: Toelichting, h: Huishouden = ONBEKEND) -> EigenBijdrage:
    """The abonnementstarief in force on the peildatum for this household, with its conditions.

    Bron: 005, 3. De eigen bijdrage voor de Wmo, 3.2 (a fixed maximum since its start), 3.8 (the
    amounts) and 3.10-3.12 (who pays nothing).

    Before the first date in the content the abonnementstarief did not exist (005, 3.2 says "sinds"):
    then no amount is given, and the note says why, instead of carrying the first amount back in time.
    """
    w = p.param(SLEUTEL)
    leaf = p.bundle["parameters"][SLEUTEL]
    voorwaarden = [{"tekst": v["tekst"], "bron": dict(v["bron"])} for v in leaf.get("voorwaarden", [])]
    # The value given for a date before the first one is the earliest, which starts after that date.
    if w.vanaf and w.vanaf > p.peildatum.isoformat():
        opmerking = (
            f"Op {datum(p.peildatum)} gold het abonnementstarief nog niet; het geldt vanaf "
            f"{datum(w.vanaf)}. De eigen bijdrage van daarvoor berekent de rekenhulp niet."
        )
        t.stap(opmerking, "eigen_bijdrage", None, None, w.bron)
        return EigenBijdrage(None, None, w.bron, voorwaarden, opmerking, van_toepassing=False)
    vrij = vrijstelling(p, h)
    if vrij is not None:
        t.stap(vrij["tekst"], "eigen_bijdrage", NUL, w.eenheid, vrij["bron"])
        return EigenBijdrage(
            NUL, w.vanaf, dict(vrij["bron"]), voorwaarden, vrij["tekst"], van_toepassing=False
        )
    open_ = huishouden_open(h)
    opmerking = None
    if open_:
        wie = [v["wie"] for v in leaf.get("vrijstellingen", {}).values()]
        opmerking = f"U betaalt hoogstens {euro(w.waarde)} per maand." + (
            f" U betaalt niets als {_of(wie)}." if wie else ""
        )
    if t.aan:  # the step's text is only worth making for a trace someone reads
        t.stap(
            "Eigen bijdrage: hoogstens dit bedrag per huishouden per maand "
            f"(abonnementstarief, vanaf {datum(w.vanaf)})",
            "eigen_bijdrage",
            w.waarde,
            w.eenheid,
            w.bron,
        )
    return EigenBijdrage(w.waarde, w.vanaf, w.bron, voorwaarden, opmerking, hoogstens=open_)


def _of(delen: list[str]) -> str:
    """``a, als b of als c``: the cases joined as a resident reads them."""
    return delen[0] if len(delen) == 1 else ", als ".join(delen[:-1]) + " of als " + delen[-1]
