"""Plain language in every text a person reads in an answer: no internal names, Dutch notation.

Scans the texts the pages show (steps of "Waarom?", notes, messages about missing amounts, the choice,
the eigen bijdrage) of many answers: the fixed samples, generated questions and every region x choice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from browser.samples import sample_cases
from calculator import api, data
from calculator.errors import InvoerFout
from tests.browser.cases import generate

# Keys whose string values are shown to a person as text.
TEKSTSLEUTELS = {
    "stap",
    "melding",
    "opmerkingen",
    "opmerking",
    "waarschuwingen",
    "beslissing",
    "redenen_niet_toegekend",
    "tekst",
}
SNAKE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")
PUNTSLEUTEL = re.compile(r"\b[a-z_]{2,}\.[a-z_]{2,}\b")
CITAAT = re.compile(r'"[^"]*"|\(ontvangen: [^)]*\)')
DECIMAALPUNT = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?!\d)")


def teksten(uitkomst: object, sleutel: str = "") -> Iterator[str]:
    if isinstance(uitkomst, dict):
        for k, v in uitkomst.items():
            yield from teksten(v, k)
    elif isinstance(uitkomst, list):
        for v in uitkomst:
            yield from teksten(v, sleutel)
    elif isinstance(uitkomst, str) and sleutel in TEKSTSLEUTELS:
        yield uitkomst


def interne_namen(bundle: dict) -> re.Pattern[str]:
    """Product, table and regime ids, as whole words (a name like 'Logeerzorg' is not an id)."""
    ids = set(bundle["producten"]) | set(bundle["tarieven"])
    ids |= {t["regime"] for t in bundle["tarieven"].values()}
    ids = {i for i in ids if "-" in i}  # one-word ids are ordinary words too
    return re.compile(
        r"(?<![\w-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")(?![\w-])"
    )


def vragen(bundle: dict) -> list[tuple[str, dict]]:
    uit = [(s, i) for s, i in sample_cases(bundle)]
    for soort, tekst in generate(bundle, 400, rnd_seed=9):
        try:
            invoer = json.loads(tekst)
        except ValueError:
            continue
        if isinstance(invoer, dict):
            uit.append((soort, invoer))
    for regio in bundle["regios"]:
        for keuze in ("zorg-in-natura", "pgb-professioneel", "sociaal-netwerk"):
            uit.append(("advies", {"regio": regio, "uitvoering": keuze, "maaltijden": "1_broodmaaltijd"}))
    uit.append(("pgb", {"producten": ["beschermd-wonen"], "uitvoering": "pgb-professioneel"}))
    uit.append(("eigen_bijdrage", {"peildatum": "2019-01-01"}))
    return uit


def test_geen_interne_namen_en_nederlandse_getallen_in_antwoorden() -> None:
    bundle = data.actief()
    ids = interne_namen(bundle)
    gevonden: dict[str, str] = {}
    antwoorden = 0
    for soort, invoer in vragen(bundle):
        try:
            uitkomst = api.run(soort, invoer)
        except InvoerFout as e:
            uitkomst = {"fouten": e.fouten}  # messages name fields by the label a person sees
        antwoorden += 1
        for tekst in teksten(uitkomst):
            tekst = CITAAT.sub("", tekst)  # what the person typed, quoted back, may look like anything
            for patroon in (SNAKE, PUNTSLEUTEL, DECIMAALPUNT, ids):
                for m in patroon.finditer(tekst):
                    gevonden.setdefault(m.group(0), f"{soort}: {tekst}")
    assert antwoorden > 150
    assert not gevonden, "\n".join(f"{k!r} in {v}" for k, v in sorted(gevonden.items()))


@pytest.mark.parametrize("tekst", ["basis_uren", "maandregel_x", "ho_normenkader.basismodule", "15.89"])
def test_de_scan_vindt_wat_hij_zoekt(tekst: str) -> None:
    assert any(p.search(tekst) for p in (SNAKE, PUNTSLEUTEL, DECIMAALPUNT))


def test_de_scan_vindt_product_ids() -> None:
    assert interne_namen(data.actief()).search("Passend product: ho-stabilisatie-langdurend")
