"""content/invoer.yaml: the calculator's input fields (label a person sees, bounds) and input size limits.

Loaded and checked here, exported into the bundle under ``invoer`` for the core and the forms.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from catalogue import schema as s
from catalogue.errors import ContentError

FILE = "invoer.yaml"
PAD = f"content/{FILE}"  # as messages name content files
VeldNaam = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")]


class Maximum(s.Strict):
    """A field's maximum: a parameter from a source, or our own plausibility bound with its reading."""

    parameter: s.ParamKey | None = None
    kleiner_dan: bool = False  # the value must stay below the parameter (maximum = parameter - 1)
    waarde: Annotated[int, Field(ge=0)] | None = None
    aanname: s.Text | None = None

    @model_validator(mode="after")
    def _een_van(self) -> Maximum:
        if (self.parameter is None) == (self.waarde is None):
            raise ValueError("geef een parameter of een waarde met aanname, niet allebei of geen van beide")
        if self.waarde is not None and not self.aanname:
            raise ValueError("een grens zonder bron heeft een aanname nodig")
        if self.waarde is not None and self.kleiner_dan:
            raise ValueError("kleiner_dan hoort alleen bij een parameter")
        return self


class Veld(s.Strict):
    label: s.Text
    minimum: Annotated[int, Field(ge=0)] = 0
    maximum: Maximum | None = None
    keuzes: dict[str, s.Text] | None = None  # value -> what a person reads
    # value -> how the choice reads inside a sentence ("Uw keuze: ...", "geen tarief voor ...")
    in_zin: dict[str, s.Text] | None = None

    @model_validator(mode="after")
    def _in_zin_hoort_bij_keuzes(self) -> Veld:
        onbekend = sorted(set(self.in_zin or ()) - set(self.keuzes or ()))
        if onbekend:
            raise ValueError(f"in_zin noemt waarden die geen keuze zijn: {', '.join(onbekend)}")
        return self


class Omvang(s.Strict):
    json_tekens: Annotated[int, Field(gt=0)]
    diepte: Annotated[int, Field(gt=1)]
    tekst_tekens: Annotated[int, Field(gt=0)]
    lijst_items: Annotated[int, Field(gt=0)]
    meldingen: Annotated[int, Field(gt=0)]
    citaat_tekens: Annotated[int, Field(gt=0)]


class Invoer(s.Strict):
    beschrijving: s.Text
    omvang: Omvang
    velden: dict[VeldNaam, Veld]


def check(invoer: Invoer | None, parameters: dict[str, Any], errors: list[ContentError]) -> None:
    """Every maximum's parameter exists and is a whole number."""
    if invoer is None:
        return
    for naam, veld in invoer.velden.items():
        m = veld.maximum
        if m is None or m.parameter is None:
            continue
        prm = parameters.get(m.parameter)
        if prm is None:
            errors.append(
                ContentError(PAD, f"velden.{naam}.maximum.parameter", f"onbekende parameter '{m.parameter}'")
            )
            continue
        for day, dv in prm.leaf.waarden.items():
            if dv.waarde != dv.waarde.to_integral_value():
                errors.append(
                    ContentError(
                        PAD,
                        f"velden.{naam}.maximum.parameter",
                        f"parameter '{m.parameter}' is op {day.isoformat()} geen heel getal ({dv.waarde})",
                    )
                )


def bundle_deel(invoer: Invoer) -> dict[str, Any]:
    """The ``invoer`` part of the data bundle."""
    velden: dict[str, Any] = {}
    for naam, veld in sorted(invoer.velden.items()):
        uit: dict[str, Any] = {"label": veld.label, "minimum": veld.minimum}
        m = veld.maximum
        if m is not None:
            uit["maximum"] = (
                {"parameter": m.parameter, "kleiner_dan": m.kleiner_dan}
                if m.parameter
                else {"waarde": str(Decimal(m.waarde)), "aanname": m.aanname}
            )
        if veld.keuzes:
            uit["keuzes"] = dict(veld.keuzes)
        if veld.in_zin:
            uit["in_zin"] = dict(veld.in_zin)
        velden[naam] = uit
    return {"omvang": invoer.omvang.model_dump(), "velden": velden}
