"""The README's table of input keys, generated from the declaration in content/invoer.yaml.

``python -m catalogue.invoertabel`` rewrites the table between its markers in README.md;
tests/catalogue/test_invoertabel.py fails when the README's table is not the generated one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from calculator.api import SOORTEN
from catalogue.invoer import FILE, Invoer, Veld

ROOT = Path(__file__).resolve().parents[1]
BEGIN = "<!-- invoer-tabel: generated from content/invoer.yaml by python -m catalogue.invoertabel -->"
EINDE = "<!-- /invoer-tabel -->"
TYPEN = {"heel": "whole number", "ja_nee": "true/false", "datum": "date", "lijst": "list", "tekst": "text"}


def lees(root: Path = ROOT) -> Invoer:
    """The declaration as the build reads it."""
    return Invoer.model_validate(yaml.safe_load((root / "content" / FILE).read_text(encoding="utf-8")))


def _waarde(w: Any) -> str:
    return "true" if w is True else "false" if w is False else str(w)


def _sleutel(invoer: Invoer, naam: str, veld: Veld, soort: str) -> str:
    """One key as the table shows it: bold when required, then type, choices, default and note."""
    g = {**veld.model_dump(), **veld.gebruik()[soort]}
    delen: list[str] = []
    if veld.type == "keuze":
        if veld.keuzes_uit == "regios":
            delen.append("a key of `content/regios.yaml`")
        else:
            opties = g["keuzes"] if isinstance(g["keuzes"], list) else list(veld.keuzes or ())
            delen.append("/".join(f"`{o}`" for o in opties))
    elif veld.type == "lijst":
        binnen = [n.partition(".")[2] for n in invoer.velden if n.startswith(naam + ".")]
        delen.append("list of `{" + ", ".join(f'"{n}"' for n in binnen) + "}`" if binnen else "list")
    else:
        delen.append(TYPEN[veld.type])
    if g.get("standaard") not in (None, 0, False) and not g.get("verplicht"):
        delen.append(f"default `{_waarde(g['standaard'])}`")
    if g.get("readme"):
        delen.append(str(g["readme"]))
    tekst = f"`{naam}`"
    return (f"**{tekst}**" if g.get("verplicht") else tekst) + f" ({'; '.join(delen)})"


def tabel(invoer: Invoer) -> str:
    """The Markdown table: one row per soort the core answers, its keys in declared order."""
    lines = ["| soort | keys (required ones in bold) |", "|---|---|"]
    for soort in SOORTEN:
        sleutels = [_sleutel(invoer, n, v, soort) for n, v in invoer.velden.items() if soort in v.gebruik()]
        lines.append(f"| `{soort}` | {', '.join(sleutels) or '-'} |")
    return "\n".join(lines)


def met_tabel(readme: str, invoer: Invoer) -> str:
    """``readme`` with the generated table between its markers."""
    voor, _, rest = readme.partition(BEGIN)
    _, _, na = rest.partition(EINDE)
    if not rest:
        raise SystemExit(f"README.md mist de regel {BEGIN}")
    return f"{voor}{BEGIN}\n{tabel(invoer)}\n{EINDE}{na}"


def main() -> int:
    pad = ROOT / "README.md"
    pad.write_text(met_tabel(pad.read_text(encoding="utf-8"), lees()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
