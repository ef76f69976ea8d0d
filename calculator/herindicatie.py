"""Herindicatie: a caseload's current indication beside the normenkader's (source 004's "herindiceren").

The batch reads two optional columns with the client's current indication,
``huidige_minuten_per_week`` and ``huidige_uren_per_jaar``; they are no input of the normenkader and
only compared with its answer. Per row the batch writes ``verschil_uren_per_jaar`` (and, where
minutes were given, ``verschil_minuten_per_week``): the normenkader's structural figure minus the
current one. `Samenvatting` adds up the written rows for the summary (the page and the xlsx).

Aanname (our reading, shown on the page): a current indication is a lasting volume, so it is
compared with the normenkader's structural figure (``structureel_*``), not with the first year's
hours; current minutes become hours a year by the normenkader's own rule (002, 3. Uitgangspunten:
weeks a year over minutes an hour, half-up to whole hours), so equal minutes give no difference.
"""

from __future__ import annotations

import csv

# The codecs a caseload file comes in, imported here so the browser's trimmed standard library
# (browser/compile_in_pyodide.py keeps what the core imports) has them.
import encodings.cp1252  # noqa: F401
import encodings.utf_8_sig  # noqa: F401
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import BinaryIO, TextIO
from urllib.parse import urlencode

from . import data, nl, xlsx
from .errors import InvoerFout
from .invoer import citaat, invoer_deel, label
from .money import NUL, getal, op_cent, op_heel
from .regels.ho_normenkader import minuten_naar_uren_per_jaar

MINUTEN = "huidige_minuten_per_week"
UREN = "huidige_uren_per_jaar"
HUIDIGE = (MINUTEN, UREN)
VERSCHIL_UREN = "verschil_uren_per_jaar"
VERSCHIL_MINUTEN = "verschil_minuten_per_week"
GETAL_NL = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
# The bands of the summary: a presentation choice (a change of more than a tenth either way), not a norm.
BANDEN = (
    "meer dan 10% minder",
    "tot 10% minder",
    "gelijk",
    "tot 10% meer",
    "meer dan 10% meer",
)
VEEL_MINDER, MINDER, GELIJK, MEER, VEEL_MEER = BANDEN
TIENDE = Decimal("0.1")


def uitvoer_kolommen(kop: list[str]) -> list[str]:
    """The difference columns the batch adds for a header with current indications (none without)."""
    if not any(k in HUIDIGE for k in kop):
        return []
    return [VERSCHIL_UREN, *([VERSCHIL_MINUTEN] if MINUTEN in kop else [])]


def _lees_getal(cel: str, veld: str, deel: dict) -> tuple[Decimal | None, str]:
    """A current indication's cell: a number of at most the field's maximum, decimal comma allowed."""
    tekst = cel.strip()
    if not tekst:
        return None, ""
    velden, grenzen = deel["velden"], deel["omvang"]
    if not GETAL_NL.fullmatch(tekst):
        kort = citaat(tekst, grenzen["citaat_tekens"])
        return None, f"{label(velden, veld)} is geen getal van 0 of meer (ontvangen: {kort})"
    waarde = Decimal(tekst.replace(",", "."))
    maximum = Decimal(velden[veld]["maximum"]["waarde"])
    if waarde > maximum:
        return None, f"{label(velden, veld)} mag hoogstens {getal(maximum)} zijn (ontvangen: {getal(waarde)})"
    return waarde, ""


def verschil(
    kop: list[str],
    cellen: list[str],
    uitkomst: dict[str, str],
    peildatum: date,
    bundle: dict | None,
    deel: dict,
) -> tuple[list[str], str]:
    """The difference cells of one computed row (``uitkomst``: the normenkader's result cells by
    column), or ([], message) when a current indication cannot be read."""
    huidig: dict[str, Decimal] = {}
    for veld in HUIDIGE:
        if veld in kop:
            waarde, fout = _lees_getal(cellen[kop.index(veld)], veld, deel)
            if fout:
                return [], fout
            if waarde is not None:
                huidig[veld] = waarde
    kolommen = uitvoer_kolommen(kop)
    uit = dict.fromkeys(kolommen, "")
    nieuw_uren = Decimal(uitkomst["structureel_uren_per_jaar"])
    if UREN in huidig:
        uit[VERSCHIL_UREN] = getal(nieuw_uren - huidig[UREN])
    elif MINUTEN in huidig:
        p = data.peil(peildatum, bundle)
        uit[VERSCHIL_UREN] = getal(nieuw_uren - op_heel(minuten_naar_uren_per_jaar(p, huidig[MINUTEN])))
    if MINUTEN in huidig:
        nieuw = Decimal(uitkomst["structureel_minuten_per_week"])
        uit[VERSCHIL_MINUTEN] = getal(nieuw - huidig[MINUTEN])
    return [uit[k] for k in kolommen], ""


def band(nu: Decimal, nieuw: Decimal) -> str:
    """The summary band of a change from ``nu`` to ``nieuw`` hours a year (see BANDEN)."""
    if nieuw == nu:
        return GELIJK
    if nu == 0:
        return VEEL_MEER
    deel = (nieuw - nu) / nu
    if deel < -TIENDE:
        return VEEL_MINDER
    if deel < 0:
        return MINDER
    return MEER if deel <= TIENDE else VEEL_MEER


def _ja(cel: str) -> bool:
    """A cell that switches a part on: given, and not no/zero/none."""
    return cel.strip().lower() not in ("", "nee", "false", "onwaar", "0", "geen")


@dataclass
class Samenvatting:
    """The caseload's figures, added up row by row from the batch's output (header ``kop``)."""

    kop: list[str]
    invoer_kolommen: list[str]
    gelezen: int = 0
    berekend: int = 0
    mislukt: int = 0
    vergeleken: int = 0
    uren_nu: Decimal = NUL
    uren_normenkader: Decimal = NUL
    banden: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDEN, 0))
    minder: dict[str, int] = field(default_factory=dict)
    meer: dict[str, int] = field(default_factory=dict)

    def voeg_toe(self, cellen: list[str]) -> None:
        """Count one output row."""
        k = self.kop
        self.gelezen += 1
        if cellen[k.index("fouten")]:
            self.mislukt += 1
            return
        self.berekend += 1
        if VERSCHIL_UREN not in k or not cellen[k.index(VERSCHIL_UREN)]:
            return
        nieuw = Decimal(cellen[k.index("structureel_uren_per_jaar")])
        nu = nieuw - Decimal(cellen[k.index(VERSCHIL_UREN)])
        self.vergeleken += 1
        self.uren_nu += nu
        self.uren_normenkader += nieuw
        self.banden[band(nu, nieuw)] += 1
        if nieuw != nu:
            teller = self.minder if nieuw < nu else self.meer
            for kolom in self.invoer_kolommen:
                if _ja(cellen[k.index(kolom)]):
                    teller[kolom] = teller.get(kolom, 0) + 1

    def als_dict(self, deel: dict, peildatum: date) -> dict:
        """The summary as the page and the xlsx show it (numbers as strings, parts by their label)."""

        def vaakst(teller: dict[str, int]) -> list[dict]:
            rij = sorted(teller.items(), key=lambda kv: (-kv[1], kv[0]))
            return [{"onderdeel": label(deel["velden"], k), "rijen": n} for k, n in rij]

        return {
            "peildatum": peildatum.isoformat(),
            "bundel_versie": data.bundle_or_active().get("versie"),
            "bundel_sha256": bundel_sha256(),
            "gelezen": self.gelezen,
            "berekend": self.berekend,
            "mislukt": self.mislukt,
            "vergeleken": self.vergeleken,
            "uren_nu": getal(op_cent(self.uren_nu)),
            "uren_normenkader": getal(op_cent(self.uren_normenkader)),
            "verschil": getal(op_cent(self.uren_normenkader - self.uren_nu)),
            "banden": [{"band": b, "rijen": n} for b, n in self.banden.items()],
            "vaakst_bij_minder": vaakst(self.minder),
            "vaakst_bij_meer": vaakst(self.meer),
        }


def samenvatting_rijen(s: dict) -> list[list[object]]:
    """The summary as rows of a sheet (label, value): numbers as numbers."""
    rijen: list[list[object]] = [
        ["Herindicatie volgens het normenkader huishoudelijke hulp (bron 002)", ""],
        ["Peildatum", s["peildatum"]],
        ["Gegevens (bundel, SHA-256)", s["bundel_sha256"]],
        ["Rijen gelezen", s["gelezen"]],
        ["Rijen berekend", s["berekend"]],
        ["Rijen met een fout", s["mislukt"]],
        ["Rijen met een huidige indicatie", s["vergeleken"]],
        ["Uren per jaar nu", Decimal(s["uren_nu"])],
        ["Uren per jaar volgens het normenkader", Decimal(s["uren_normenkader"])],
        ["Verschil in uren per jaar", Decimal(s["verschil"])],
        ["", ""],
        ["Cliënten per verschil", "aantal"],
    ]
    rijen += [[b["band"], b["rijen"]] for b in s["banden"]]
    for kop, lijst in (("bij minder uren", s["vaakst_bij_minder"]), ("bij meer uren", s["vaakst_bij_meer"])):
        rijen += [["", ""], [f"Wat het vaakst in de situatie staat {kop}", "aantal"]]
        rijen += [[x["onderdeel"], x["rijen"]] for x in lijst]
    return rijen


def fragment(
    kop: list[str],
    cellen: list[str],
    invoer_kolommen: list[str],
    jn_kolommen: set[str],
    waar: dict[str, bool],
) -> str:
    """The row's inputs as the normenkader page's URL fragment (``f=ho&...``); never ``id``, ``_``
    columns or the current indication: only what the form has; yes/no columns as the form's ja/nee."""
    paren = [("f", "ho")]
    for kolom in invoer_kolommen:
        cel = cellen[kop.index(kolom)].strip()
        if cel:
            ja = waar.get(cel.lower()) if kolom in jn_kolommen else None
            paren.append((kolom, cel if ja is None else ("ja" if ja else "nee")))
    return urlencode(paren)


def bundel_sha256() -> str:
    """The receipt of the rules and data used: SHA-256 of the active bundle as sorted JSON (the same
    on CPython and Pyodide)."""
    tekst = json.dumps(data.bundle_or_active(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(tekst.encode()).hexdigest()


class Teller:
    """`process`'s ``na_rij``: adds every written row to a `Samenvatting` (made at the header)."""

    def __init__(self, soort: str = "ho") -> None:
        self.soort = soort
        self.samenvatting: Samenvatting | None = None

    def __call__(self, kop: list[str], cellen: list[str]) -> None:
        if self.samenvatting is None:
            self.samenvatting = Samenvatting(kop, situatie_kolommen(kop))
        self.samenvatting.voeg_toe(cellen)

    def uitkomst(self, deel: dict, peildatum: date) -> dict:
        """The summary (an empty one for a file without rows)."""
        s = self.samenvatting or Samenvatting([], [])
        return s.als_dict(deel, peildatum)


NIET_ALS_ONDERDEEL = ("duur_maanden", "peildatum", *HUIDIGE)


def situatie_kolommen(kop: list[str]) -> list[str]:
    """The input columns that describe the situation (the parts counted in the summary): the
    columns before the results, without ``id``, ``_`` columns, duration, peildatum or current indication."""
    eind = kop.index("toegekend") if "toegekend" in kop else len(kop)
    return [k for k in kop[:eind] if k != "id" and not k.startswith("_") and k not in NIET_ALS_ONDERDEEL]


def uitvoer_codering(gekozen: str) -> str:
    """The output file's encoding: UTF8, with a BOM when the input had one (Excel reads it so)."""
    return "utf-8-sig" if gekozen == "utf-8-sig" else "utf-8"


def werkboek(csv_uit: TextIO, doel: BinaryIO, samenvatting: dict, teken: str) -> None:
    """The batch's output CSV (as written, ``teken`` separated) as an xlsx: the rows on the first
    sheet (results that are numbers as numbers, every input cell as text, so codes stay codes), the
    summary on its own sheet."""

    def rijen() -> Iterator[list[object]]:
        lezer = csv.reader(csv_uit, delimiter=teken)
        kop = next(lezer, [])
        yield kop
        eind = kop.index("toegekend") if "toegekend" in kop else len(kop)
        for cellen in lezer:
            yield cellen[:eind] + [_als_getal(c) for c in cellen[eind:]]

    xlsx.schrijf(doel, [("Uitkomsten", rijen()), ("Samenvatting", samenvatting_rijen(samenvatting))])


def _als_getal(cel: str) -> object:
    """A result cell: a number when it is one (``"170"``, ``"-12.5"``), else the text."""
    return Decimal(cel) if GETAL_UIT.fullmatch(cel) else cel


GETAL_UIT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def in_browser(
    invoer_pad: str,
    csv_pad: str,
    peildatum: str,
    melden: Callable[[str], None],
    elke: int,
    eerste: int | None = None,
) -> str:
    """The page's run (site_overrides/assets/rekenhulp/worker.mjs): the same `batch.process` as
        ``python -m calculator batch -o``, written to ``csv_pad`` with the same encoding; every ``elke``
        rows ``melden`` gets the rows for the table as JSON (until row ``elke``, every ``eerste`` rows: the
    table fills at once). Returns the summary as JSON."""
    from . import batch  # batch imports this module

    dag = date.fromisoformat(peildatum)
    teller = Teller()
    deel_rijen: list[list[str]] = []

    def na_rij(kop: list[str], cellen: list[str]) -> None:
        teller(kop, cellen)
        nummer = teller.samenvatting.gelezen  # type: ignore[union-attr]
        deel_rijen.append(_tabelrij(kop, cellen, nummer, dag))
        # The first rows go out in small chunks, so the table fills while the rest is computed.
        if len(deel_rijen) >= (elke if nummer > elke else eerste or elke):
            melden(json.dumps(deel_rijen, ensure_ascii=False))
            deel_rijen.clear()

    try:
        with open(invoer_pad, "rb") as ruw:
            tekst, gekozen = batch.open_tekst(ruw)
            with open(csv_pad, "w", encoding=uitvoer_codering(gekozen), newline="") as uit:
                batch.process(tekst, uit, peildatum=dag, na_rij=na_rij)
    except InvoerFout as e:
        # The file as a whole cannot be read (no header, unknown columns): the messages the
        # command line prints, one per line, for the page to show.
        return json.dumps({"fouten": [f["melding"] for f in e.fouten]}, ensure_ascii=False)
    if deel_rijen:
        melden(json.dumps(deel_rijen, ensure_ascii=False))
    return json.dumps(teller.uitkomst(invoer_deel(data.bundle_or_active()), dag), ensure_ascii=False)


def _tabelrij(kop: list[str], cellen: list[str], nummer: int, dag: date) -> list[str]:
    """One row as the page's table shows it: number, id, new hours (lasting, first year), difference,
    message, and the fragment that opens it in the normenkader rekenhulp."""
    from .batch import WAAR, _jn

    kolommen = _ho_kolommen(id(data.bundle_or_active()))

    def cel(naam: str) -> str:
        return cellen[kop.index(naam)] if naam in kop else ""

    invoer = [k for k in kop[: kop.index("toegekend")] if k in kolommen and k not in HUIDIGE]
    jn = {k for k in invoer if kolommen[k] is _jn}
    frag = "" if cel("fouten") else fragment(kop, cellen, invoer, jn, WAAR)
    # Temporary parts (kindzorg, regie aanleren) make week 1 differ from the lasting minutes:
    # only then has the row periods worth showing.
    tijdelijk = not cel("fouten") and cel("minuten_per_week") != cel("structureel_minuten_per_week")
    return [
        str(nummer),
        cel("id"),
        cel("toegekend"),
        cel("structureel_uren_per_jaar"),
        cel("uren_eerste_jaar"),
        cel(VERSCHIL_UREN),
        cel("fouten"),
        frag,
        perioden_tekst(tuple((k, cellen[kop.index(k)].strip()) for k in invoer), dag) if tijdelijk else "",
    ]


@functools.cache
def _ho_kolommen(_bundel_id: int) -> dict:
    """The ho batch's input columns and their cell readers, once per bundle (id: the active one)."""
    from . import batch

    return batch.kolommen(data.bundle_or_active(), "ho")


@functools.lru_cache(maxsize=4096)
def perioden_tekst(invoer_cellen: tuple[tuple[str, str], ...], dag: date) -> str:
    """A computed row's periods in words, as the normenkader rekenhulp lists them (each period's
    weeks, its minutes a week and the temporary parts running in it); the same core rules as the
    row's own cells (ho.samenvatting), read again from its input cells (column, cell)."""
    from .batch import _json, _Onleesbaar
    from .regels.perioden import perioden
    from .soorten import ho
    from .trace import GeenToelichting

    grenzen = invoer_deel(data.bundle_or_active())["omvang"]
    invoer: dict = {}
    for kolom, cel in invoer_cellen:
        if cel:
            zet = _ho_kolommen(id(data.bundle_or_active()))[kolom]
            waarde = _json(cel, grenzen) if zet is _json else zet(cel)
            if waarde.__class__ is _Onleesbaar:
                return ""
            invoer[kolom] = waarde
    try:
        s = ho.lees(invoer, None, dag)
    except InvoerFout:
        return ""
    t = GeenToelichting()
    redenen, alleen_kindzorg = ho.toegang(s, t)
    if redenen and not alleen_kindzorg:
        return ""
    delen, _ = ho.onderdelen(s, t, met_maatwerk=False, alleen_kindzorg=alleen_kindzorg)
    labels = {d.onderdeel: d.label for d in delen}
    stukken = []
    for pd in perioden(delen):
        wanneer = (
            f"vanaf week {pd.van_week}"
            if pd.tot_en_met_week is None
            else f"week {pd.van_week} tot en met {pd.tot_en_met_week}"
        )
        tekst = f"{wanneer}: {nl.getal_nl(pd.minuten_per_week)} minuten per week"
        if pd.tijdelijk:
            tekst += f" ({', '.join(labels[o] for o in pd.tijdelijk)})"
        stukken.append(tekst)
    return "; ".join(stukken)


def xlsx_in_browser(csv_pad: str, xlsx_pad: str, samenvatting: str) -> None:
    """The page's Excel download: `werkboek` on the run's CSV, as ``--xlsx`` does."""
    from . import batch

    with open(csv_pad, "rb") as ruw, open(xlsx_pad, "wb") as uit:
        tekst, _ = batch.open_tekst(ruw, "utf-8-sig")
        kopregel = tekst.readline()
        tekst.seek(0)
        werkboek(tekst, uit, json.loads(samenvatting), batch.scheidingsteken(kopregel))
