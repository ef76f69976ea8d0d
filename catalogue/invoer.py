"""content/invoer.yaml: the calculator's input fields (label a person sees, bounds) and input size limits.

Loaded and checked here, exported into the bundle under ``invoer`` for the core and the forms.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

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


Type = Literal["heel", "ja_nee", "keuze", "datum", "lijst", "tekst"]
Waarde = bool | int | str | None


class Gebruik(s.Strict):
    """How one soort uses a field, where it differs from the field's own declaration."""

    standaard: Waarde = None
    verplicht: bool | None = None
    keuzes: list[str] | None = None  # the subset of the field's choices this soort accepts, in order
    readme: s.Text | None = None  # the README's note on the key for this soort (English, for programmers)


class Veld(s.Strict):
    label: s.Text
    type: Type
    standaard: Waarde = 0  # the value when the field is not given (null: none)
    verplicht: bool = False
    keuzes_uit: Literal["regios"] | None = None  # keuze: the choices are the bundle's regions
    # Which soorten read the field (a nested field ``a.b`` belongs to its list ``a``), each with
    # what it uses differently; a list where no soort differs.
    soorten: list[str] | dict[str, Gebruik] | None = None
    readme: s.Text | None = None  # the README's note on the key (English, for programmers)
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
        if self.type == "keuze" and not self.keuzes and not self.keuzes_uit:
            raise ValueError("een keuze heeft keuzes of keuzes_uit nodig")
        for soort, gebruik in self.gebruik().items():
            vreemd = sorted(set(gebruik.get("keuzes") or ()) - set(self.keuzes or ()))
            if vreemd:
                raise ValueError(
                    f"soorten.{soort}.keuzes noemt waarden die geen keuze zijn: {', '.join(vreemd)}"
                )
        return self

    def gebruik(self) -> dict[str, dict[str, Any]]:
        """Per soort: what it uses differently (only the keys it sets)."""
        if isinstance(self.soorten, dict):
            return {k: g.model_dump(exclude_unset=True) for k, g in self.soorten.items()}
        return {k: {} for k in self.soorten or ()}


class Omvang(s.Strict):
    json_tekens: Annotated[int, Field(gt=0)]
    diepte: Annotated[int, Field(gt=1)]
    tekst_tekens: Annotated[int, Field(gt=0)]
    lijst_items: Annotated[int, Field(gt=0)]
    meldingen: Annotated[int, Field(gt=0)]
    citaat_tekens: Annotated[int, Field(gt=0)]
    regel_tekens: Annotated[int, Field(gt=0)]


class Invoer(s.Strict):
    beschrijving: s.Text
    omvang: Omvang
    velden: dict[VeldNaam, Veld]


def check(invoer: Invoer | None, parameters: dict[str, Any], errors: list[ContentError]) -> None:
    """Every maximum's parameter exists and is a whole number; every field names the soorten that
    read it (a nested field its list instead)."""
    if invoer is None:
        return
    from calculator.api import SOORTEN  # the soorten the core answers

    for naam, veld in invoer.velden.items():
        lijst = naam.partition(".")[0]
        if "." in naam and (lijst not in invoer.velden or invoer.velden[lijst].type != "lijst"):
            errors.append(ContentError(PAD, f"velden.{naam}", f"'{lijst}' is geen veld van type lijst"))
        elif "." in naam and veld.soorten is not None:
            errors.append(
                ContentError(PAD, f"velden.{naam}.soorten", "een veld in een lijst hoort bij die lijst")
            )
        elif "." not in naam and not veld.soorten:
            errors.append(ContentError(PAD, f"velden.{naam}.soorten", "noem de soorten die dit veld lezen"))
        for soort in sorted(set(veld.gebruik()) - set(SOORTEN)):
            errors.append(ContentError(PAD, f"velden.{naam}.soorten", f"onbekende soort '{soort}'"))
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
        uit: dict[str, Any] = {
            "label": veld.label,
            "type": veld.type,
            "standaard": veld.standaard,
            "verplicht": veld.verplicht,
            "minimum": veld.minimum,
        }
        if veld.keuzes_uit:
            uit["keuzes_uit"] = veld.keuzes_uit
        if "." not in naam:
            # the README's notes stay out of the bundle
            gebruik = veld.gebruik().items()
            uit["soorten"] = {k: {a: w for a, w in g.items() if a != "readme"} for k, g in gebruik}
        m = veld.maximum
        if m is not None:
            uit["maximum"] = (
                {"parameter": m.parameter, "kleiner_dan": m.kleiner_dan}
                if m.parameter
                else {"waarde": str(Decimal(m.waarde)), "aanname": m.aanname}
            )
        if veld.keuzes:
            uit["keuzes"] = dict(veld.keuzes)
            uit["opties"] = list(veld.keuzes)  # the bundle's keys are sorted; this keeps the declared order
        if veld.in_zin:
            uit["in_zin"] = dict(veld.in_zin)
        velden[naam] = uit
    # The declared order: the order a list's nested fields are read, and the README's key table.
    return {"omvang": invoer.omvang.model_dump(), "velden": velden, "volgorde": list(invoer.velden)}
