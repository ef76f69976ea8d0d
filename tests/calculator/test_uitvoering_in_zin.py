"""How a way of organising the help reads in an answer is content (content/invoer.yaml, ``in_zin``),
not text typed into the core: the advice, the budget's steps and its messages all read it there."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml

from calculator import data
from calculator.soorten import advies, pgb

ROOT = Path(__file__).resolve().parents[2]


def _in_zin() -> dict[str, str]:
    tekst = (ROOT / "content" / "invoer.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(tekst)["velden"]["uitvoering"]["in_zin"]


def test_de_keuze_in_het_advies_leest_zoals_de_content_het_zegt() -> None:
    woorden = _in_zin()
    for keuze in yaml.safe_load((ROOT / "content" / "invoer.yaml").read_text(encoding="utf-8"))["velden"][
        "uitvoering"
    ]["soorten"]["advies"]["keuzes"]:
        vraag = {"regio": "halderberge", "uitvoering": keuze, "peildatum": "2026-06-01"}
        uit = advies.run(vraag)
        assert uit["keuze"]["omschrijving"] == woorden[keuze]
        assert any(s["stap"].startswith(f"Uw keuze: {woorden[keuze]};") for s in uit["toelichting"])


def test_andere_woorden_in_de_content_zijn_andere_woorden_in_het_antwoord() -> None:
    bundle = copy.deepcopy(data.load_bundle())
    bundle["invoer"]["velden"]["uitvoering"]["in_zin"]["pgb-professioneel"] = "hulp van een professional"
    vraag = {"regio": "halderberge", "uitvoering": "pgb-professioneel", "peildatum": "2026-06-01"}
    assert advies.run(vraag, bundle)["keuze"]["omschrijving"] == "hulp van een professional"
    budget = pgb.run({**vraag, "producten": ["ho-light"]}, bundle)
    assert any("hulp van een professional" in s["stap"] for s in budget["toelichting"]), json.dumps(
        budget["toelichting"], ensure_ascii=False
    )[:800]
