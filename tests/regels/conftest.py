"""Case files as data: every ``tests/regels/<module>/cases/*.yaml`` is collected, each case a pytest item.

A case file is a YAML list of cases::

    - name: basismodule alleen
      bron: {document: "002", sectie: "4. Resultaten, Basismodule: Resultaat Schoon en Leefbaar Huis"}
      soort: ho                     # calculator.api.run(soort, invoer)
      peildatum: "2026-01-01"       # required: the date the case is about (passed to the core)
      invoer: {duur_maanden: 12}
      verwacht:                     # a subset of the output (dicts: these keys; lists: element by element)
        minuten_per_week: "125"
        uren_per_jaar: "108"
      # or, for bad input:
      fout: [extra_schoonmaak_minuten]   # InvoerFout naming (at least) these fields

Every case states its ``peildatum``: expected values belong to a date, so adding a dated value to
content never silently changes what a case means. Expected amounts are copied from the source text
(never from the code's output) and written as quoted strings, exactly as the core prints them ("143.01").
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # also when pytest is run without `python -m` and without an install
    sys.path.insert(0, str(ROOT))

from calculator import api, data  # noqa: E402
from calculator.errors import InvoerFout  # noqa: E402

BUNDLE = ROOT / "calculator" / "data" / "bundle.json"
VELDEN = {"name", "bron", "soort", "peildatum", "invoer", "verwacht", "fout"}
VERPLICHT = {"name", "bron", "soort", "peildatum", "invoer"}


@pytest.fixture(scope="session", autouse=True)
def bundle() -> dict:
    """The data bundle, built with ``build.py --bundle`` if it is missing."""
    if not BUNDLE.exists():
        subprocess.run([sys.executable, "build.py", "--bundle"], cwd=ROOT, check=True, timeout=900)
    return data.gebruik(BUNDLE)


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent.name == "cases":
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self):  # noqa: ANN201
        cases = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        if not isinstance(cases, list):
            raise CaseFout(f"{self.path}: een case-bestand is een YAML-lijst van cases")
        for case in cases:
            onbekend = set(case) - VELDEN
            if onbekend or not set(case) >= VERPLICHT or ("verwacht" in case) == ("fout" in case):
                raise CaseFout(
                    f"{self.path}: case {case.get('name')!r} heeft velden {sorted(case)}; "
                    f"verplicht: {sorted(VERPLICHT)} en 'verwacht' of 'fout'"
                )
            if not isinstance(case["peildatum"], str) or not _is_datum(case["peildatum"]):
                raise CaseFout(
                    f"{self.path}: case {case['name']!r}: "
                    "peildatum als 'JJJJ-MM-DD' (tussen aanhalingstekens)"
                )
            if "peildatum" in (case["invoer"] or {}):
                raise CaseFout(
                    f"{self.path}: case {case['name']!r}: zet de peildatum naast invoer, niet erin"
                )
            _geen_floats(case.get("verwacht"), f"{self.path}: {case['name']}")
            yield CaseItem.from_parent(self, name=case["name"], case=case)


def _is_datum(tekst: str) -> bool:
    try:
        date.fromisoformat(tekst)
    except ValueError:
        return False
    return len(tekst) == 10


class CaseFout(Exception):
    """A malformed case file."""


def _geen_floats(waarde: object, waar: str) -> None:
    if isinstance(waarde, float):
        raise CaseFout(f"{waar}: schrijf getallen als string ('143.01'), niet als YAML-getal {waarde!r}")
    if isinstance(waarde, dict):
        for v in waarde.values():
            _geen_floats(v, waar)
    if isinstance(waarde, list):
        for v in waarde:
            _geen_floats(v, waar)


class CaseItem(pytest.Item):
    def __init__(self, *, case: dict, **kwargs) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        case = self.case
        invoer = {**(case["invoer"] or {}), "peildatum": case["peildatum"]}
        if "fout" in case:
            with pytest.raises(InvoerFout) as info:
                api.run(case["soort"], invoer)
            velden = {f["veld"] for f in info.value.fouten}
            missend = set(case["fout"]) - velden
            assert not missend, f"verwacht fouten voor {sorted(missend)}, kreeg {info.value.fouten}"
            return
        uitkomst = api.run(case["soort"], invoer)
        vergelijk(case["verwacht"], uitkomst, "uitkomst")

    def reportinfo(self):  # noqa: ANN201
        return self.path, 0, f"case: {self.name} (bron {self.case['bron']})"


def vergelijk(verwacht: object, werkelijk: object, pad: str) -> None:
    """``verwacht`` is a subset of ``werkelijk``: dict keys, list elements one by one, scalars equal."""
    if isinstance(verwacht, dict):
        assert isinstance(werkelijk, dict), f"{pad}: verwacht een object, kreeg {werkelijk!r}"
        for sleutel, waarde in verwacht.items():
            assert sleutel in werkelijk, f"{pad}.{sleutel} ontbreekt in {sorted(werkelijk)}"
            vergelijk(waarde, werkelijk[sleutel], f"{pad}.{sleutel}")
    elif isinstance(verwacht, list):
        assert isinstance(werkelijk, list), f"{pad}: verwacht een lijst, kreeg {werkelijk!r}"
        assert len(verwacht) == len(werkelijk), (
            f"{pad}: verwacht {len(verwacht)} elementen, kreeg {werkelijk!r}"
        )
        for i, (v, w) in enumerate(zip(verwacht, werkelijk, strict=True)):
            vergelijk(v, w, f"{pad}[{i}]")
    else:
        assert verwacht == werkelijk, f"{pad}: verwacht {verwacht!r}, kreeg {werkelijk!r}"
