"""Hypothesis strategies: valid situations for each soort, and ways to spoil them."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from calculator import clock, data
from calculator.invoer import gebruik, velden_van

# Fields and choices as content/invoer.yaml declares them (through the bundle).
_BUNDEL = data.actief()
HO_VELDEN = velden_van(_BUNDEL, "ho")
WAS_KEUZES = gebruik(_BUNDEL, "wasverzorging", "ho")["opties"]
MAALTIJD_KEUZES = gebruik(_BUNDEL, "maaltijden", "advies")["opties"]
UITVOERINGEN = gebruik(_BUNDEL, "uitvoering", "pgb")["opties"]
KIND_TELLINGEN = [
    n.partition(".")[2]
    for n in _BUNDEL["invoer"]["volgorde"]
    if n.startswith("kinderen.") and n != "kinderen.leeftijd"
]
PEILDATA = st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)


def peil() -> data.Peil:
    return data.peil(clock.today())


def maximum(sleutel: str) -> int:
    return int(peil().waarde(sleutel))


def grens(veld: str) -> int:
    """The maximum of an input field as content/invoer.yaml gives it (via the bundle), on today's date."""
    m = peil().bundle["invoer"]["velden"][veld]["maximum"]
    if "parameter" in m:
        return maximum(m["parameter"]) - (1 if m["kleiner_dan"] else 0)
    return int(m["waarde"])


@st.composite
def kind(draw: st.DrawFn) -> dict:
    k = {"leeftijd": draw(st.integers(0, grens("kinderen.leeftijd")))}
    for veld in draw(st.lists(st.sampled_from(KIND_TELLINGEN), unique=True)):
        k[veld] = draw(st.integers(0, grens(f"kinderen.{veld}")))
    return k


@st.composite
def ho_situatie(draw: st.DrawFn) -> dict:
    """A valid input for soort ``ho``."""
    s: dict = {"duur_maanden": draw(st.integers(0, 120))}
    kies = draw(st.sets(st.sampled_from(HO_VELDEN)))
    if "huisgenoten_die_kunnen_helpen" in kies:
        s["huisgenoten_die_kunnen_helpen"] = draw(st.integers(0, 3))
    for veld in ("basismodule", "lichte_taken_zelf", "vaatwasser", "boodschappen"):
        if veld in kies:
            s[veld] = draw(st.booleans())
    if "extra_ruimten" in kies:
        s["extra_ruimten"] = draw(st.integers(0, grens("extra_ruimten")))
    if "extra_schoonmaak_minuten" in kies:
        s["extra_schoonmaak_minuten"] = draw(
            st.integers(0, maximum("ho_normenkader.extra_schoonmaak.max_minuten_per_week"))
        )
    if "extra_bezoek_minuten" in kies:
        s["extra_bezoek_minuten"] = draw(
            st.integers(0, maximum("ho_normenkader.extra_bezoek.max_minuten_per_week"))
        )
    if "regie" in kies:
        s["regie"] = draw(st.sampled_from(gebruik(_BUNDEL, "regie", "ho")["opties"]))
        if s["regie"] == "aanleren" and draw(st.booleans()):
            s["regie_aanleren_weken"] = draw(
                st.integers(1, maximum("ho_normenkader.regie.aanleren_max_weken"))
            )
    for veld in ("broodmaaltijden_dagen_per_week", "warme_maaltijd_dagen_per_week"):
        if veld in kies:
            s[veld] = draw(st.integers(0, 7))
    if "wasverzorging" in kies:
        s["wasverzorging"] = draw(st.sampled_from(WAS_KEUZES))
        if s["wasverzorging"] != "geen" and draw(st.booleans()):
            s["strijken"] = draw(st.booleans())
    if "kinderen" in kies:
        s["kinderen"] = draw(st.lists(kind(), min_size=1, max_size=4))
        if draw(st.booleans()):
            s["kinderen_naar_school_per_week"] = draw(st.integers(0, grens("kinderen_naar_school_per_week")))
        if draw(st.booleans()):
            s["kindzorg_duur_maanden"] = draw(st.integers(1, maximum("kindzorg.max_maanden")))
    if "peildatum" in kies:
        s["peildatum"] = draw(PEILDATA)
    return s


@st.composite
def advies_antwoorden(draw: st.DrawFn) -> dict:
    """A valid input for soort ``advies``."""
    a = {
        v: draw(st.booleans())
        for v in ("wekelijks_nodig", "tijdelijk_fysiek", "kan_taken_leren", "gedragsproblematiek")
    }
    a["wasverzorging"] = draw(st.sampled_from(WAS_KEUZES))
    a["strijken"] = a["wasverzorging"] != "geen" and draw(st.booleans())
    a["boodschappen"] = draw(st.booleans())
    a["maaltijden"] = draw(st.sampled_from(MAALTIJD_KEUZES))
    a["regio"] = "halderberge"
    return a


@st.composite
def pgb_vraag(draw: st.DrawFn) -> dict:
    """A valid input for soort ``pgb`` (Halderberge products, at most one HO basis product)."""
    b = peil().bundle
    halderberge = sorted(k for k, v in b["producten"].items() if v["regio"] == "halderberge")
    basis = sorted(k for k in halderberge if k.startswith("ho-"))
    overig = [k for k in halderberge if k not in basis]
    producten = draw(st.lists(st.sampled_from(overig), unique=True, max_size=4))
    if draw(st.booleans()) or not producten:
        producten.append(draw(st.sampled_from(basis)))
    vraag: dict = {"uitvoering": draw(st.sampled_from(UITVOERINGEN)), "producten": producten}
    if "wasverzorging" in producten or draw(st.booleans()):
        vraag["wasverzorging"] = draw(st.sampled_from(WAS_KEUZES[1:]))
        vraag["strijken"] = draw(st.booleans())
    if "maaltijdvoorziening" in producten or draw(st.booleans()):
        vraag["maaltijden"] = draw(st.sampled_from(MAALTIJD_KEUZES[1:]))
    if "logeerzorg" in producten:
        vraag["etmalen_per_jaar"] = draw(st.integers(1, maximum("logeerzorg.max_etmalen_per_jaar")))
    if draw(st.booleans()):
        vraag["regio"] = "halderberge"
    return vraag


JSON_WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda binnen: st.lists(binnen, max_size=3) | st.dictionaries(st.text(max_size=8), binnen, max_size=3),
    max_leaves=8,
)
