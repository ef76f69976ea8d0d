"""Regions are data: no region id from content/regios.yaml is typed into code or templates.

A municipality is added with content files only; code that names one would treat it differently.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
REGIOS = sorted(
    {
        *yaml.safe_load((ROOT / "content" / "regios.yaml").read_text(encoding="utf-8")),
        *yaml.safe_load(
            (ROOT / "tests" / "fixtures" / "proefdorp" / "content" / "regios.yaml").read_text(
                encoding="utf-8"
            )
        ),
    }
)
BESTANDEN = sorted(
    [
        *(ROOT / "calculator").rglob("*.py"),
        *(ROOT / "catalogue").rglob("*.py"),
        *(ROOT / "catalogue").rglob("*.j2"),
    ]
)


@pytest.mark.parametrize("pad", BESTANDEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_geen_regio_id_in_code_of_templates(pad: Path) -> None:
    tekst = pad.read_text(encoding="utf-8")
    gevonden = [
        f"{pad.relative_to(ROOT)}:{tekst.count(chr(10), 0, m.start()) + 1}: {m.group(0)}"
        for regio in REGIOS
        for m in re.finditer(rf"(?<![\w-]){re.escape(regio)}(?![\w-])", tekst)
    ]
    assert not gevonden, "regio-id in code of template (zet het in content/):\n" + "\n".join(gevonden)


def test_de_lijst_van_regios_is_niet_leeg() -> None:
    assert {"halderberge", "westfriesland"} <= set(REGIOS)
