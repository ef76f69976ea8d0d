"""content/iwmo.yaml: the iWmo 3.2 code lists a toewijzing uses (source 006, section 5).

Loaded and checked here, exported into the bundle under ``iwmo``; the core reads the codes from there.
Codes are text with their leading zero ("01", not 1).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import StringConstraints

from catalogue import schema as s

FILE = "iwmo.yaml"
Code = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,2}$")]


class Codelijst(s.Strict):
    """One code list: the codes the calculator uses, each with its name as the source spells it."""

    naam: s.Text
    codes: dict[Code, s.Text]
    bron: s.Bron


class Iwmo(s.Strict):
    beschrijving: s.Text
    productcategorie: Codelijst
    eenheid: Codelijst
    frequentie: Codelijst
    productcode: s.Text  # what the toewijzing says instead of a code the sources do not give
    productcode_bron: s.Bron
    aannames: list[s.Text] = []  # our readings where 002 and 006 are silent (dates, whole units)


def bronnen(iwmo: Iwmo) -> list[tuple[str, s.Bron]]:
    """Every bron in the file, with the field that holds it (for the build's source check)."""
    return [
        ("productcategorie.bron", iwmo.productcategorie.bron),
        ("eenheid.bron", iwmo.eenheid.bron),
        ("frequentie.bron", iwmo.frequentie.bron),
        ("productcode_bron", iwmo.productcode_bron),
    ]


def bundle_deel(iwmo: Iwmo | None) -> dict[str, Any]:
    """The ``iwmo`` part of the data bundle (empty without the file)."""
    return {} if iwmo is None else iwmo.model_dump(mode="json")
