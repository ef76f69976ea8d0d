"""The core's promises about itself: standard library only, no figure typed into the code."""

from __future__ import annotations

import ast
import contextlib
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

KERN = Path(__file__).resolve().parents[2] / "calculator"
BESTANDEN = sorted(KERN.rglob("*.py"))


def _imports(pad: Path) -> set[str]:
    namen = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen |= {a.name.split(".")[0] for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            namen.add(knoop.module.split(".")[0])
    return namen


@pytest.mark.parametrize("pad", BESTANDEN, ids=lambda p: str(p.relative_to(KERN)))
def test_alleen_de_standaardbibliotheek(pad: Path) -> None:
    vreemd = {n for n in _imports(pad) if n not in sys.stdlib_module_names and n != "__future__"}
    assert not vreemd, f"{pad.name} importeert buiten de standaardbibliotheek: {vreemd}"


KALENDERFEITEN = {"MAANDEN_PER_JAAR", "DAGEN_PER_WEEK"}


def _getallen(pad: Path) -> list[tuple[int, Decimal]]:
    """Numeric literals and number-like string constants outside docstrings."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    docstrings = {
        id(k.body[0].value)
        for k in ast.walk(boom)
        if isinstance(k, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and k.body
        and isinstance(k.body[0], ast.Expr)
        and isinstance(k.body[0].value, ast.Constant)
    }
    # Calendar facts (a year has 12 months, a week 7 days) are no norm, even where content also
    # states one as a convention for its pages.
    kalender = {
        id(c)
        for k in ast.walk(boom)
        if isinstance(k, ast.Assign)
        and any(isinstance(d, ast.Name) and d.id in KALENDERFEITEN for d in k.targets)
        for c in ast.walk(k.value)
    }
    gevonden = []
    for knoop in ast.walk(boom):
        if (
            not isinstance(knoop, ast.Constant)
            or id(knoop) in docstrings | kalender
            or isinstance(knoop.value, bool)
        ):
            continue
        if isinstance(knoop.value, (int, float)):
            gevonden.append((knoop.lineno, Decimal(str(knoop.value))))
        elif isinstance(knoop.value, str) and not knoop.value.startswith("0"):  # ids such as "003"
            with contextlib.suppress(InvalidOperation):
                gevonden.append((knoop.lineno, Decimal(knoop.value)))
    return gevonden


def test_geen_norm_of_tarief_in_de_code(bundle: dict) -> None:
    """No literal in calculator/ equals a parameter or tariff value of the bundle (0, 1 and 2 aside)."""
    waarden = _bundelwaarden(bundle)
    treffers = [
        f"{pad.relative_to(KERN)}:{regel}: {getal}"
        for pad in BESTANDEN
        for regel, getal in _getallen(pad)
        if getal in waarden
    ]
    assert not treffers, "getallen uit de bundel staan in de code:\n" + "\n".join(treffers)


def _bundelwaarden(bundle: dict) -> set[Decimal]:
    waarden = {Decimal(w["waarde"]) for p in bundle["parameters"].values() for w in p["waarden"]}
    for tabel in bundle["tarieven"].values():
        waarden |= {Decimal(w["waarde"]) for w in tabel.get("uurtarief") or []}
        waarden |= {
            Decimal(w["waarde"]) for r in tabel["rijen"] for w in r["waarden"] if w["waarde"] is not None
        }
    return waarden - {Decimal(0), Decimal(1), Decimal(2)}


# A number in prose, not part of a source reference ("003", "Bijlage 11", "4. Resultaten", "2025").
GETAL_IN_TEKST = re.compile(r"(?<![\w.-])(\d+(?:[.,]\d+)?)(?![\w.]|\.\s[A-Z])")
VERWIJZING = re.compile(r"(Bijlage|bron|Bron|sectie|document|Normenkader|normenkader|§)\s*[\d.,]*$")


def _getallen_in_docstrings(pad: Path) -> list[tuple[int, Decimal]]:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    gevonden = []
    for knoop in ast.walk(boom):
        if not isinstance(knoop, (ast.Module, ast.FunctionDef, ast.ClassDef)):
            continue
        doc = ast.get_docstring(knoop) or ""
        for m in GETAL_IN_TEKST.finditer(doc):
            if m.group(1).startswith("0") or VERWIJZING.search(doc[max(0, m.start() - 14) : m.start()]):
                continue
            gevonden.append((getattr(knoop, "lineno", 1), Decimal(m.group(1).replace(",", "."))))
    return gevonden


def test_docstrings_noemen_de_regel_niet_de_getallen(bundle: dict) -> None:
    """A docstring names a rule and its source; its figures live in content only (one source)."""
    # "/ 12" for months a year and "7 days" are calendar facts, not figures of a source.
    waarden = _bundelwaarden(bundle) - {Decimal(12), Decimal(7)}
    treffers = [
        f"{pad.relative_to(KERN)}:{regel}: {getal}"
        for pad in BESTANDEN
        for regel, getal in _getallen_in_docstrings(pad)
        if getal in waarden
    ]
    assert not treffers, "getallen uit de bundel staan in docstrings:\n" + "\n".join(treffers)


def test_regels_bevatten_geen_getallen() -> None:
    """The rule modules hold no numeric literal at all beyond 0 and 1."""
    for pad in sorted((KERN / "regels").glob("*.py")):
        los = [(r, g) for r, g in _getallen(pad) if g not in (Decimal(0), Decimal(1))]
        assert not los, f"{pad.name}: {los}"


def test_elke_regel_heeft_een_docstring_met_bron() -> None:
    """Public functions in calculator/regels have a docstring; the ones that record a step cite a source."""
    for pad in sorted((KERN / "regels").glob("*.py")):
        for knoop in ast.parse(pad.read_text(encoding="utf-8")).body:
            if not isinstance(knoop, ast.FunctionDef) or knoop.name.startswith("_"):
                continue
            doc = ast.get_docstring(knoop) or ""
            assert doc, f"{pad.name}: {knoop.name} heeft geen docstring"
            stapt = any(isinstance(n, ast.Attribute) and n.attr == "stap" for n in ast.walk(knoop))
            assert not stapt or "Bron" in doc, f"{pad.name}: {knoop.name} noemt geen bron"


def test_elke_regelmodule_heeft_cases() -> None:
    tests = KERN.parent / "tests" / "regels"
    for pad in sorted((KERN / "regels").glob("*.py")):
        if pad.stem != "__init__":
            assert list((tests / pad.stem / "cases").glob("*.yaml")), f"geen cases voor {pad.stem}"
