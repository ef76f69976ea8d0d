"""Schema per record type. Unknown keys are rejected; types are checked by pydantic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from calculator.geldig import in_werking

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
ParamKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

CATEGORIES = {
    "huishoudelijke-ondersteuning": "Huishoudelijke ondersteuning",
    "begeleiding": "Begeleiding",
    "dagbesteding": "Dagbesteding en daginvulling",
    "vervoer": "Vervoer",
    "kortdurend-verblijf": "Logeren en kortdurend verblijf",
    "beschermd-wonen": "Beschermd wonen en beschermd thuis",
}
# iWmo productcategorie (WMO020) and eenheid (WJ756), from the iStandaarden as DOMAIN lists them.
IWMO_CATEGORIES = {
    "01": "Hulp bij het huishouden",
    "02": "Begeleiding",
    "03": "Persoonlijke verzorging",
    "04": "Kortdurend verblijf",
    "05": "Woondiensten",
    "06": "Overige ondersteuning individu/huishouden",
    "07": "Dagbesteding",
    "08": "Vervoerdiensten",
    "09": "Overige groepsgerichte ondersteuning",
    "10": "Overige maatwerkarrangementen",
    "11": "Rolstoelen",
    "12": "Vervoervoorzieningen",
    "13": "Woonvoorzieningen",
    "14": "Overige hulpmiddelen",
    "15": "Beschermd wonen",
    "16": "Opvang",
}
IWMO_UNITS = {"01": "minuut", "04": "uur", "14": "etmaal", "16": "dagdeel (4 uur)", "83": "euro's"}
REGIMES = {
    "pgb-professioneel": "PGB, professionele hulp",
    "sociaal-netwerk": "PGB, sociaal netwerk",
    "sociaal-netwerk-laag": "PGB, sociaal netwerk met arbeidsovereenkomst (lage werkgeverslasten)",
    "sociaal-netwerk-hoog": "PGB, sociaal netwerk met arbeidsovereenkomst (hoge werkgeverslasten)",
    "hulpmiddel-huur": "Hulpmiddel, huur per maand",
    "hulpmiddel-maximum": "Hulpmiddel, maximaal PGB",
    "beschermd-wonen": "Beschermd wonen en beschermd thuis",
}
TARIFF_UNITS = ("euro per maand", "euro per etmaal", "euro per dagdeel", "euro")
SOCIAAL_NETWERK = ("sociaal-netwerk", "sociaal-netwerk-laag", "sociaal-netwerk-hoog")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Bron(Strict):
    document: Annotated[str, StringConstraints(pattern=r"^\d{3}$")]
    sectie: Text
    # The lines of the source text (1-based, in its file under ../shared/bronnen/) the figure rests
    # on: "212" or "212-215". The build checks that the figure is printed there and quotes them.
    tekstregels: Annotated[str, StringConstraints(pattern=r"^[1-9]\d*(-[1-9]\d*)?$")] | None = None


class DatedValue(Strict):
    waarde: Decimal
    # Left out, the value takes the bron of its parameter or table (filled in by the loader).
    bron: Bron | None = None


Waarden = dict[dt.date, DatedValue]


def in_force(waarden: Waarden, on: dt.date, strikt: bool = False) -> tuple[dt.date, DatedValue] | None:
    """The value a date sees, decided by the core's `in_werking` (one rule for pages and calculator):
    the last one starting on or before it; before the first, the earliest (None when ``strikt``)."""
    days = sorted(waarden)
    i, voor_eerste = in_werking(days, on)
    if i is None or (strikt and voor_eerste):
        return None
    return days[i], waarden[days[i]]


class Eenheid(Strict):
    code: Literal["01", "04", "14", "16", "83"] | None
    omschrijving: Text


class UplKeuze(Strict):
    """The product's name on the Uniforme Productnamenlijst (006, 3): our choice, with its reading."""

    # A name as 006 section 3 lists it; the build takes its URI from there and refuses any other.
    naam: Text
    # Why this name fits, where the UPL has no exact name for the product (shown as an Aanname).
    aanname: Text | None


class Product(Strict):
    id: Id
    naam: Text
    regio: Id
    categorie: Literal[tuple(CATEGORIES)]  # type: ignore[valid-type]
    clientperspectief: Literal["ontwikkeling", "stabilisatie", "achteruitgang"] | None
    iwmo_productcategorie: Literal[tuple(IWMO_CATEGORIES)]  # type: ignore[valid-type]
    eenheid: Eenheid
    perceel: Text | None
    samenvatting: Text
    omschrijving: Text
    doelgroep: list[Text]
    looptijd: Text | None
    resultaten: list[Text]
    activiteiten: list[Text]
    eisen_aanbieder: list[Text]
    competenties_medewerker: list[Text]
    beschikbaarheid_planning: list[Text]
    verwachte_beweging: list[Text]
    samenwerking: list[Text]
    voorwaarden: list[Text]
    kengetallen: list[ParamKey]
    aannames: list[Text]
    vergelijking: Id | None
    upl: UplKeuze
    bron: list[Bron] = Field(min_length=1)
    # Which calculator answers this product, where one does besides the pgb budget per row:
    # logeerzorg (etmalen x tarief), beschermd-thuis (hours a week per niveau), hht (hours a year).
    berekening: Literal["logeerzorg", "beschermd-thuis", "hht"] | None = None
    niveau: Id | None = None  # with berekening beschermd-thuis: one of the choices of field niveau


class Voorwaarde(Strict):
    """A condition the source attaches to a parameter, in plain words, with its source."""

    tekst: Text
    bron: Bron


class Vrijstelling(Strict):
    """Who pays nothing (e.g. 005, 3.10-3.12): `wie` fits "U betaalt niets als ...", `tekst` is the note."""

    wie: Text
    tekst: Text
    bron: Bron


class ParameterLeaf(Strict):
    beschrijving: Text
    eenheid: Text
    bron: Bron | None = None
    waarden: Waarden = Field(min_length=1)
    aannames: list[Text] = []
    # Set when the figure is this project's own calculation convention, not a figure of the source;
    # the bron then names the passage that calls for it. Pages show it as "eigen rekenafspraak".
    conventie: Text | None = None
    # Conditions a resident must read with the figure (e.g. the eigen bijdrage, source 005, 3.3-3.9).
    voorwaarden: list[Voorwaarde] = []
    # Households or provisions that pay nothing of this amount (the eigen bijdrage, 005, 3.10-3.12).
    vrijstellingen: dict[Literal["kind_onder_18", "rolstoel", "partner_onder_aow"], Vrijstelling] = {}


class TariefRij(Strict):
    id: Id
    label: Text
    product: Id | None
    ook_voor: list[Id] = []
    uren_per_jaar: ParamKey | None = None
    eenheid: Literal[TARIFF_UNITS] | None = None  # type: ignore[valid-type]
    niet_in_bron: bool = False
    # An aid that is a wheelchair: no eigen bijdrage for it (005, 3.11).
    rolstoel: bool = False
    waarden: Waarden


class TariefTabel(Strict):
    id: Id
    titel: Text
    regio: Id
    regime: Literal[tuple(REGIMES)]  # type: ignore[valid-type]
    eenheid: Literal[TARIFF_UNITS]  # type: ignore[valid-type]
    bron: Bron
    toelichting: Text | None = None
    # A condition the source sets before the amounts apply (e.g. a bill that must pass first).
    voorwaarde: Text | None = None
    aannames: list[Text]
    uurtarief: Waarden | None = None
    rijen: list[TariefRij] = Field(min_length=1)


class SectieDatum(Strict):
    """The date a section itself gives for its figures: a day, several days (a dated series, as in
    005 §3.8), or only words ("juni 2019")."""

    vanaf: dt.date | list[dt.date] | None
    tekst: Text

    def dagen(self) -> list[dt.date]:
        """The days the section gives (empty when it gives only words)."""
        if self.vanaf is None:
            return []
        return list(self.vanaf) if isinstance(self.vanaf, list) else [self.vanaf]


class BronDocument(Strict):
    bestand: Text
    # Made-up data for tests only (the fixture municipality): it has no text under the sources, so
    # its figures cannot cite lines. Never set for a real source.
    testbron: bool = False
    titel: Text
    # As the document states them; null where it states none (the sources page then says so).
    titel_in_bron: Text | None
    uitgever: Text | None
    datum: Text | None
    toelichting: Text
    secties: list[Text] = Field(min_length=1)
    # Per section (a key of `secties`): the date the source gives for the figures in it. A section
    # not listed, or listed without a day, gives no date: pages then say "datum niet in de bron".
    datums: dict[Text, SectieDatum] = {}


class Begrip(Strict):
    """A glossary term: the spellings that get its tooltip, a plain explanation (B1), its source."""

    woorden: list[Annotated[str, StringConstraints(min_length=2, strip_whitespace=True)]] = Field(
        min_length=1
    )
    uitleg: Text
    bron: Bron


class Gemeente(Strict):
    """A member municipality of a region, as residents know it, with its villages (006, 1)."""

    naam: Text
    # The municipality's OWMS name URI (006, 2); null only for a made-up test municipality.
    owms: Text | None
    dorpen: list[Text]


class Regio(Strict):
    naam: Text
    gemeenten: list[Gemeente] = Field(min_length=1)
    gemeenten_bron: Bron
    toelichting: Text
    bron: list[Bron]


class VergelijkingGroep(Strict):
    titel: Text
    toelichting: Text


class Thema(Strict):
    """A theme that lines up demands across regions (our own reading; content/themas.yaml)."""

    titel: Text
    woorden: list[Annotated[str, StringConstraints(min_length=2, strip_whitespace=True)]] = Field(
        min_length=1
    )


class LijstGroep(Strict):
    titel: Text
    jaren: int | None
    items: list[Text] = Field(min_length=1)


class Lijst(Strict):
    id: Id
    titel: Text
    regio: Id | None
    inleiding: Text
    groepen: list[LijstGroep] = Field(min_length=1)
    bron: list[Bron] = Field(min_length=1)
    aannames: list[Text]


class Termijn(Strict):
    """A step's legal period, counted from the step it follows (``na``: ``melding`` or another
    termijn's id), for "Wat nu?" with the resident's dates. Exactly one of dagen, weken."""

    id: Id
    na: Id
    dagen: int | None = Field(default=None, ge=1)
    weken: int | None = Field(default=None, ge=1)
    tekst: Text  # how the date reads: "<tekst>: uiterlijk 14 juli 2026"

    @model_validator(mode="after")
    def _een_maat(self) -> Termijn:
        if (self.dagen is None) == (self.weken is None):
            raise ValueError("geef dagen of weken, niet allebei en niet geen van beide")
        return self


class TekstSectie(Strict):
    titel: Text
    punten: list[Text] = Field(min_length=1)
    bron: Bron
    termijn: Termijn | None = None


class Tekst(Strict):
    id: Id
    titel: Text
    regio: Id | None
    inleiding: Text
    secties: list[TekstSectie] = Field(min_length=1)
    bron: list[Bron] = Field(min_length=1)
    aannames: list[Text]


class Doelen(Strict):
    doelen: list[Text]
    kpis: list[Text]


class Bouwsteen(Strict):
    nummer: int
    titel: Text
    stappen: list[Text]
    planning: Text | None


class PlanningRij(Strict):
    bouwsteen: int
    titel: Text


class Planning(Strict):
    toelichting: Text
    rijen: list[PlanningRij]


# The parts of a package of huishoudelijke ondersteuning as the resident's questions and the
# HHM tables name them.
ONDERDELEN = ("basis", "wasverzorging", "strijken", "maaltijden", "boodschappen")
AANVULLINGEN = ONDERDELEN[1:]
# The outcomes of the doelgroep questions (003 Bijlage 6 style), each mapped to a product per region.
PROFIELEN = (
    "light",
    "stabilisatie-kortdurend",
    "stabilisatie-langdurend",
    "ontwikkeling",
    "plus-stabilisatie",
    "plus-ontwikkeling",
)
UITVOERINGEN = ("pgb-professioneel", *SOCIAAL_NETWERK)
Onderdeel = Literal[ONDERDELEN]  # type: ignore[valid-type]
Keuze = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]+$")]
# A condition on a package: each named part has this value (or one of these values).
Als = dict[Onderdeel, Keuze | list[Keuze]]


class Profiel(Strict):
    product: Id
    bron: Bron | None = None


class UrenRegel(Strict):
    als: Als = Field(min_length=1)
    parameter: ParamKey


class PrijsRegel(Strict):
    als: Als = Field(min_length=1)
    rij: Id
    dekt: list[Onderdeel] = Field(min_length=1)


class Prijzen(Strict):
    tabel: Id
    # None: an hours-x-rate table, each part priced by the row with the part's hours (uren_per_jaar).
    rijen: list[PrijsRegel] | None = None


class Pakket(Strict):
    """How one region turns the resident's answers into HO products, hours and priced table rows."""

    regio: Id
    bron: Bron
    profielen: dict[Literal[PROFIELEN], Profiel]  # type: ignore[valid-type]
    aanvullingen: dict[Literal[AANVULLINGEN], Id]  # type: ignore[valid-type]
    uren: list[UrenRegel] = Field(min_length=1)
    prijzen: dict[Literal[UITVOERINGEN], Prijzen] = {}  # type: ignore[valid-type]
    aannames: list[Text] = []


class Project(Strict):
    id: Id
    titel: Text
    regio: Id
    inhoud: list[Text]
    impact: Doelen
    outcome: Doelen
    output: list[Text]
    bouwstenen: list[Bouwsteen] = Field(min_length=1)
    planning: Planning
    bron: list[Bron] = Field(min_length=1)
    aannames: list[Text]
