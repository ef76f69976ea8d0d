"""Soort ``ho``: the HO indication by the normenkader (source 002), with every step shown."""

from __future__ import annotations

import json
from datetime import date

from ..data import Peil
from ..invoer import Gelezen
from ..money import getal
from ..regels import ho_normenkader as r
from ..regels import toewijzing as tw
from ..regels.kindzorg import HANDELINGEN, Kind, kindzorg
from ..regels.perioden import over_tijd, periode_dict
from ..trace import GeenToelichting, Toelichting
from . import eigen_bijdrage as eb
from .begin import begin_invoer

# A checked HO situation: the fields as content/invoer.yaml declares them, read in the order of the
# rules below, with the peildatum's `Peil`.
Situatie = Gelezen


def lees(invoer: object, bundle: dict | None = None, vandaag: date | None = None) -> Situatie:
    """Check an HO situation; raises `InvoerFout` with every problem. ``vandaag``: default peildatum.

    Every field's type, default and bounds come from the bundle (content/invoer.yaml).
    """
    v, p = begin_invoer(invoer, "ho", bundle, vandaag)
    s = Situatie(p)
    for veld in (
        "duur_maanden",
        "huisgenoten_die_kunnen_helpen",
        "basismodule",
        "lichte_taken_zelf",
        "extra_ruimten",
        "extra_schoonmaak_minuten",
        "extra_bezoek_minuten",
        "regie",
        "broodmaaltijden_dagen_per_week",
        "warme_maaltijd_dagen_per_week",
        "vaatwasser",
        "wasverzorging",
        "strijken",
        "boodschappen",
    ):
        s[veld] = v.lees(veld)
    # The weeks and the consulent's minutes belong to regie "aanleren" only.
    for veld in ("regie_aanleren_weken", "regie_aanleren_minuten"):
        s[veld] = None
        if v.aanwezig(veld):
            if s["regie"] != "aanleren":
                v.fout(veld, f"hoort alleen bij {v.label('regie')}: {v.keuze_tekst('regie', 'aanleren')}.")
            else:
                s[veld] = v.lees(veld)
    # Only a given start date dates the periods (a date field left out would read as today).
    s["ingangsdatum"] = v.lees("ingangsdatum") if v.aanwezig("ingangsdatum") else None
    s["toewijzing_eenheid"] = v.lees("toewijzing_eenheid")
    if s["strijken"] and s["wasverzorging"] == "geen":
        v.fout(
            "strijken",
            f"hoort bij wasverzorging; kies ook bij {v.label('wasverzorging')} voor hoeveel personen.",
        )
    s["kinderen"] = [_kind(k) for k in v.lees("kinderen")]
    s["kinderen_naar_school_per_week"] = v.lees("kinderen_naar_school_per_week")
    if s["kinderen_naar_school_per_week"] and not s["kinderen"]:
        v.fout("kinderen_naar_school_per_week", "hoort bij kindzorg; geef ook de kinderen op.")
    s["kindzorg_duur_maanden"] = None
    if v.aanwezig("kindzorg_duur_maanden"):
        if not s["kinderen"]:
            v.fout("kindzorg_duur_maanden", "hoort bij kindzorg; geef ook de kinderen op.")
        else:
            s["kindzorg_duur_maanden"] = v.lees("kindzorg_duur_maanden")
    s["huishouden"] = eb.huishouden(v)
    v.klaar()
    return s


def _kind(k: dict) -> Kind:
    """A child as the kindzorg rule takes it: the age and the handelingen that occur."""
    return Kind(k["leeftijd"] or 0, {h[0]: k[h[0]] for h in HANDELINGEN if k.get(h[0])})


def onderdelen(
    s: Situatie, t: Toelichting, met_maatwerk: bool = True, alleen_kindzorg: bool = False
) -> tuple[list[r.Onderdeel], list[dict]]:
    """Run the rules in the order of source 002; returns the parts and the maatwerk points."""
    p = s.peil
    delen: list[r.Onderdeel] = []
    punten: list[dict] = []
    if alleen_kindzorg:
        deel, extra = kindzorg(
            p, s["kinderen"], s["kinderen_naar_school_per_week"], s["kindzorg_duur_maanden"], t
        )
        return ([deel] if deel is not None else []), extra
    if s["basismodule"]:
        delen.append(r.basismodule(p, t))
        if s["lichte_taken_zelf"]:
            delen.append(r.aftrek_lichte_taken(p, t))
    elif t.aan:
        t.stap(
            "Basismodule niet nodig (opgegeven)",
            "basismodule",
            0,
            "minuten per week",
            p.bron_van["ho_normenkader.basismodule.minuten_per_week"],
        )
    if s["extra_ruimten"]:
        delen.append(r.extra_ruimten(p, s["extra_ruimten"], t))
    if s["extra_schoonmaak_minuten"]:
        delen.append(r.extra_schoonmaak(p, s["extra_schoonmaak_minuten"], t))
    if s["extra_bezoek_minuten"]:
        delen.append(r.extra_bezoek(p, s["extra_bezoek_minuten"], t))
    if s["regie"] == "aanleren":
        deel, punt = r.regie_aanleren(p, s["regie_aanleren_weken"], t, s["regie_aanleren_minuten"])
        delen.append(deel)
        punten.append(punt)
    elif s["regie"] == "structureel":
        delen.append(r.regie_structureel(p, t))
    if s["broodmaaltijden_dagen_per_week"]:
        delen.append(r.broodmaaltijden(p, s["broodmaaltijden_dagen_per_week"], t))
    if s["warme_maaltijd_dagen_per_week"]:
        delen.append(r.warme_maaltijd(p, s["warme_maaltijd_dagen_per_week"], t))
    if met_maatwerk and (s["broodmaaltijden_dagen_per_week"] or s["warme_maaltijd_dagen_per_week"]):
        punten.extend(
            r.maaltijden_maatwerk(
                p,
                max(s["broodmaaltijden_dagen_per_week"], s["warme_maaltijd_dagen_per_week"]),
                s["vaatwasser"],
            )
        )
    if s["wasverzorging"] != "geen":
        delen.append(r.wasverzorging(p, s["wasverzorging"], t))
        if s["strijken"]:
            delen.append(r.strijken(p, t))
    if s["boodschappen"]:
        delen.append(r.boodschappen(p, t))
    if s["kinderen"]:
        deel, extra = kindzorg(
            p, s["kinderen"], s["kinderen_naar_school_per_week"], s["kindzorg_duur_maanden"], t
        )
        if deel is not None:
            delen.append(deel)
        punten.extend(extra)
    return delen, punten


def bereken(s: Situatie, uitleg: bool = True) -> dict:
    """The HO indication for a checked situation, with parts, maatwerk and (if ``uitleg``) every step."""
    t = Toelichting() if uitleg else GeenToelichting()
    p = s.peil
    redenen, alleen_kindzorg = toegang(s, t)
    uit: dict = {"soort": "ho", "peildatum": p.peildatum.isoformat()}
    if redenen and not alleen_kindzorg:
        t.stap("Niet toegekend", "toegang", "0", "minuten per week", r.UITGANGSPUNTEN)
        uit.update(
            toegekend=False,
            minuten_per_week="0",
            structureel_minuten_per_week="0",
            structureel_uren_per_jaar="0",
            uren_eerste_jaar="0",
            uren_eerste_jaar_onafgerond="0.00",
            perioden=[],
            onderdelen=[],
            maatwerk=[],
        )
    else:
        delen, punten = onderdelen(s, t, alleen_kindzorg=alleen_kindzorg)
        if alleen_kindzorg:
            punten.insert(0, _kindzorg_korter_dan_minimum(p, redenen))
            redenen = []
        totaal = r.totaal_minuten(delen, t)
        tijd = over_tijd(p, delen, t)
        uit.update(
            toegekend=True,
            # Minutes a week while every part runs (week 1); the periods say how it changes.
            minuten_per_week=getal(totaal),
            structureel_minuten_per_week=getal(tijd.structureel_minuten_per_week),
            structureel_uren_per_jaar=getal(tijd.structureel_uren_per_jaar),
            uren_eerste_jaar=getal(tijd.uren_eerste_jaar),
            uren_eerste_jaar_onafgerond=str(tijd.uren_eerste_jaar_onafgerond),
            perioden=[periode_dict(x) for x in tijd.perioden],
            onderdelen=[_onderdeel(p, d) for d in delen],
            maatwerk=punten,
        )
        if s["ingangsdatum"] is not None:
            uit.update(_data(s, uit["perioden"], t))
    uit["redenen_niet_toegekend"] = redenen
    uit["eigen_bijdrage"] = eb.bijdrage(
        p, t, None if uit["toegekend"] else eb.NIET_TOEGEKEND, s["huishouden"]
    )
    uit["toelichting"] = t.stappen
    return uit


def _data(s: Situatie, perioden: list[dict], t: Toelichting) -> dict:
    """Dates and the toewijzing per period, from the start date (only when one is given)."""
    eind = tw.met_data(s.peil, perioden, s["ingangsdatum"], s["duur_maanden"], s["toewijzing_eenheid"], t)
    return {
        "ingangsdatum": s["ingangsdatum"].isoformat(),
        "einddatum": eind,
        "toewijzing_aannames": list(tw.iwmo(s.peil).get("aannames", [])),
    }


def toegang(s: Situatie, t: Toelichting) -> tuple[list[str], bool]:
    """The reasons HO is not granted (empty: granted), and whether kindzorg alone is still granted.

    Kindzorg is the exception to the minimum duration: the source calls it temporary by definition,
    for acute problems, at most a few months "en zoveel korter indien mogelijk" (002, Resultaat Kindzorg).
    Gebruikelijke hulp does apply to it: the other parent takes over where possible.
    """
    duur = r.minimale_duur(s.peil, s["duur_maanden"], t)
    hulp = r.gebruikelijke_hulp(s.peil, s["huisgenoten_die_kunnen_helpen"], t)
    redenen = [x for x in (duur, hulp) if x]
    return redenen, bool(duur and not hulp and s["kinderen"])


SAMENVATTING = (
    "toegekend",
    "minuten_per_week",
    "structureel_minuten_per_week",
    "uren_eerste_jaar",
    "structureel_uren_per_jaar",
)


# With a start date the batch also gets the end date and the toewijzing lines (JSON, codes as text).
DATA_KOLOMMEN = ("einddatum", "toewijzing")
TOEWIJZING_CEL = ("productcategorie", "volume", "eenheid", "frequentie", "ingangsdatum", "einddatum")


def samenvatting(s: Situatie) -> dict:
    """The SAMENVATTING fields (and DATA_KOLOMMEN, empty without a start date), without building the
    explanation (batch)."""
    t = GeenToelichting()
    leeg = dict.fromkeys(DATA_KOLOMMEN, "")
    redenen, alleen_kindzorg = toegang(s, t)
    if redenen and not alleen_kindzorg:
        return dict.fromkeys(SAMENVATTING, "0") | {"toegekend": False} | leeg
    delen, _ = onderdelen(s, t, met_maatwerk=False, alleen_kindzorg=alleen_kindzorg)
    # The summary has no periods, unless a start date asks for their dates and toewijzing.
    tijd = over_tijd(s.peil, delen, t, met_perioden=s["ingangsdatum"] is not None)
    if s["ingangsdatum"] is not None:
        perioden = [periode_dict(x) for x in tijd.perioden]
        data = _data(s, perioden, t)
        regels = [{k: pd["toewijzing"][k] for k in TOEWIJZING_CEL} for pd in perioden if pd["toewijzing"]]
        leeg = {"einddatum": data["einddatum"], "toewijzing": json.dumps(regels, separators=(",", ":"))}
    return {
        "toegekend": True,
        "minuten_per_week": getal(r.totaal_minuten(delen, t)),
        "structureel_minuten_per_week": getal(tijd.structureel_minuten_per_week),
        "uren_eerste_jaar": getal(tijd.uren_eerste_jaar),
        "structureel_uren_per_jaar": getal(tijd.structureel_uren_per_jaar),
    } | leeg


def _kindzorg_korter_dan_minimum(p: Peil, redenen: list[str]) -> dict:
    sleutel = "ho_normenkader.toegang.minimale_duur_maanden"
    return r.maatwerk(
        "kindzorg",
        f"{redenen[0]} Daarom telt alleen kindzorg mee. Aanname: de minimale duur van "
        f"{p.waarde_van[sleutel]} "
        "maanden geldt niet voor kindzorg, want kindzorg is per definitie tijdelijk (hoogstens "
        f"{p.waarde_van['kindzorg.max_maanden']} maanden en zo kort als mogelijk).",
        p.bron_van[sleutel],
    )


def _onderdeel(p: Peil, d: r.Onderdeel) -> dict:
    """One part; ``uren_eerste_jaar`` counts a temporary part for its own weeks only."""
    if d.hhm_uren_per_jaar is not None:
        uren = d.hhm_uren_per_jaar
    elif d.weken is not None:
        uren = d.minuten_per_week * d.weken / p.waarde_van["ho_normenkader.omrekening.minuten_per_uur"]
    else:
        uren = r.minuten_naar_uren_per_jaar(p, d.minuten_per_week)
    return {
        "onderdeel": d.onderdeel,
        "label": d.label,
        "minuten_per_week": getal(d.minuten_per_week),
        "tijdelijk": d.weken is not None,
        "weken": d.weken,
        "uren_eerste_jaar": getal(uren),
        "afgeleid": d.hhm_uren_per_jaar is not None,
        "bron": dict(d.bron),
    }


def run(invoer: object, bundle: dict | None = None, uitleg: bool = True) -> dict:
    """Check ``invoer`` and compute the HO indication."""
    return bereken(lees(invoer, bundle), uitleg)
