"""Round once, at the end (issue 17): the first-year hours of the kindzorg example from 002's norm times."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from calculator import api

PEILDATUM = "2026-12-01"
# A child of 2, with 3 months of kindzorg. Minutes per time from 002, Normtijden Kindzorg:
# naar bed 10, uit bed 10, wassen en kleden 30, broodmaaltijd 20, warme maaltijd 25, luier 10;
# naar school of kinderopvang 15 per keer per gezin.
KIND = {
    "leeftijd": 2,
    "naar_bed_per_week": 7,
    "uit_bed_per_week": 7,
    "wassen_kleden_per_week": 7,
    "broodmaaltijden_per_week": 14,
    "warme_maaltijden_per_week": 7,
    "luiers_per_week": 28,
}
KINDZORG = {
    "peildatum": PEILDATUM,
    "duur_maanden": 12,
    "kinderen": [KIND],
    "kinderen_naar_school_per_week": 5,
    "kindzorg_duur_maanden": 3,
}
KINDZORG_MINUTEN = 7 * 10 + 7 * 10 + 7 * 30 + 14 * 20 + 7 * 25 + 28 * 10 + 5 * 15
BASISMODULE = 125  # 002, Basismodule: 125 minuten per week
WEKEN = 13  # 3 maanden x 52 / 12


def test_kindzorg_eerste_jaar_een_keer_afgerond() -> None:
    assert KINDZORG_MINUTEN == 1160
    uit = api.run("ho", KINDZORG)
    assert uit["minuten_per_week"] == str(BASISMODULE + KINDZORG_MINUTEN)
    exact = Decimal(BASISMODULE * 52 + KINDZORG_MINUTEN * WEKEN) / 60  # 108.333... + 251.333...
    assert uit["uren_eerste_jaar_onafgerond"] == "359.67" == str(exact.quantize(Decimal("0.01")))
    # Half-up once: 359.67 -> 360 (rounding the parts first, 108 + 251, gave 359).
    assert uit["uren_eerste_jaar"] == "360" == str(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    stappen = " ".join(s["stap"] for s in uit["toelichting"])
    assert "één keer afgerond op hele uren" in stappen


def test_onafgerond_is_niet_twee_keer_afgerond() -> None:
    # Regie structureel 002: 30 minuten per week beside the basismodule; 155 x 52 / 60 = 134.33.
    uit = api.run("ho", {"peildatum": PEILDATUM, "duur_maanden": 12, "regie": "structureel"})
    assert uit["uren_eerste_jaar_onafgerond"] == "134.33" and uit["uren_eerste_jaar"] == "134"
