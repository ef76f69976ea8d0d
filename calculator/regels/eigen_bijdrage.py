"""The resident's own contribution for Wmo help: the CAK's abonnementstarief, per household.

Bron: 005, 3. De eigen bijdrage voor de Wmo: het abonnementstarief (CAK). A fixed maximum per
household per month since 1 January 2020 (3.2); some households and some help pay nothing (3.10-3.12).
The amount, the conditions and the reasons for paying nothing (plain-Dutch texts, each with its own
source) are content, read from the bundle. The rule itself changed on that date (3.2: the income-
dependent bijdrage before it is not computed), so it has two versions (`geldig`), divided by the day the
first amount of the abonnementstarief applies from in content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..data import Peil
from ..geldig import geldig
from ..nl import datum, euro
from ..trace import Toelichting

SLEUTEL = "eigen_bijdrage.abonnementstarief"
# The household questions (005, 3.13), as the input keys name them.
HUISHOUDEN_VELDEN = ("met_partner", "beiden_aow_leeftijd", "client_onder_18")
PARTNER, ROLSTOEL, KIND = "partner-onder-aow", "rolstoel", "kind-onder-18"


@dataclass(frozen=True)
class Huishouden:
    """What 005 (3.13) says the rekenhulp must know; None where the resident did not say."""

    met_partner: bool | None = None
    beiden_aow_leeftijd: bool | None = None
    client_onder_18: bool | None = None


ONBEKEND = Huishouden()  # nothing said about the household


@dataclass(frozen=True)
class EigenBijdrage:
    """The eigen bijdrage on a peildatum.

    ``per_maand`` is the amount (zero where the household pays nothing, None where no abonnementstarief
    applies); ``van_toepassing`` whether the resident pays it; ``hangt_af_van`` the household questions
    not answered whose answer could still make it zero (the amount is then a maximum).
    """

    van_toepassing: bool
    per_maand: Decimal | None
    vanaf: str | None
    bron: dict
    voorwaarden: list[dict]
    opmerking: str | None
    hangt_af_van: list[str] = field(default_factory=list)


def reden_geen_bijdrage(h: Huishouden, rolstoel: bool = False, woningaanpassing: bool = False) -> str | None:
    """Why this household pays nothing for this help (a key of ``geen_bijdrage``), else None.

    Bron: 005, 3.10 (a couple of whom at least one partner is below the AOW age), 3.11 (a wheelchair),
    3.12 (support for a minor child, except a woningaanpassing). Unanswered questions count as
    "no": `open_vragen` says which of them could still change the answer.
    """
    if rolstoel:
        return ROLSTOEL
    if h.client_onder_18 and not woningaanpassing:
        return KIND
    if h.met_partner and h.beiden_aow_leeftijd is False:
        return PARTNER
    return None


def open_vragen(h: Huishouden, rolstoel: bool = False, woningaanpassing: bool = False) -> list[str]:
    """The household questions whose answer is missing and could still make the bijdrage zero (005, 3.13:
    ask only what changes the answer)."""
    if reden_geen_bijdrage(h, rolstoel, woningaanpassing) is not None:
        return []
    vragen = []
    if h.client_onder_18 is None and not woningaanpassing:
        vragen.append("client_onder_18")
    if h.met_partner is None:
        vragen.append("met_partner")
    if h.met_partner is not False and h.beiden_aow_leeftijd is None:
        vragen.append("beiden_aow_leeftijd")
    return vragen


def _teksten(p: Peil) -> tuple[list[dict], dict]:
    deel = p.bundle["parameters"][SLEUTEL]
    voorwaarden = [{"tekst": v["tekst"], "bron": dict(v["bron"])} for v in deel.get("voorwaarden", [])]
    return voorwaarden, deel.get("geen_bijdrage", {})


@geldig(tot=SLEUTEL, naam="eigen_bijdrage")
def eigen_bijdrage_voor_abonnementstarief(
    p: Peil, t: Toelichting, h: Huishouden = ONBEKEND, rolstoel: bool = False, woningaanpassing: bool = False
) -> EigenBijdrage:
    """The eigen bijdrage before the abonnementstarief existed.

    Bron: 005, 3.2 (the abonnementstarief exists "sinds" its first date). The bijdrage before it depended
    on income and is not computed; the note says so instead of carrying the first amount back in time.
    """
    w = p.param(SLEUTEL)
    voorwaarden, _ = _teksten(p)
    opmerking = (
        f"Op {datum(p.peildatum)} gold het abonnementstarief nog niet; het geldt vanaf "
        f"{datum(w.vanaf)}. De eigen bijdrage van daarvoor berekent de rekenhulp niet."
    )
    t.stap(opmerking, "eigen_bijdrage", None, None, w.bron)
    return EigenBijdrage(False, None, None, w.bron, voorwaarden, opmerking)


@geldig(vanaf=SLEUTEL, naam="eigen_bijdrage")
def eigen_bijdrage(
    p: Peil, t: Toelichting, h: Huishouden = ONBEKEND, rolstoel: bool = False, woningaanpassing: bool = False
) -> EigenBijdrage:
    """The abonnementstarief in force on the peildatum for this household and this help, with its conditions.

    Bron: 005, 3.2-3.8 (a fixed maximum per household per month, the amounts) and 3.10-3.12 (who pays
    nothing). Not all questions answered: the amount is a maximum, and the note names who pays nothing.
    """
    w = p.param(SLEUTEL)
    voorwaarden, geen = _teksten(p)
    reden = reden_geen_bijdrage(h, rolstoel, woningaanpassing)
    if reden is not None:
        tekst = geen[reden]
        t.stap(tekst["tekst"], "eigen_bijdrage", Decimal("0.00"), w.eenheid, tekst["bron"])
        bron = dict(tekst["bron"])
        return EigenBijdrage(False, Decimal("0.00"), w.vanaf, bron, voorwaarden, tekst["tekst"])
    vragen = open_vragen(h, rolstoel, woningaanpassing)
    opmerking = None
    if vragen:
        redenen = [KIND] if "client_onder_18" in vragen else []
        redenen += [PARTNER] if "met_partner" in vragen or "beiden_aow_leeftijd" in vragen else []
        opmerking = f"Hoogstens {euro(w.waarde)} per maand. U betaalt niets in deze gevallen: " + " ".join(
            geen[r]["tekst"] for r in redenen
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
    return EigenBijdrage(True, w.waarde, w.vanaf, w.bron, voorwaarden, opmerking, vragen)
