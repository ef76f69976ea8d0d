"""Batch: one situation per CSV row, streamed; a bad row gets its Dutch message in ``fouten``.

Input columns are the input keys of the soort (lists such as ``kinderen`` as a JSON cell); an ``id``
column and columns starting with ``_`` are passed through. Empty cells count as not given.
Real files are read as they come: UTF8 with or without BOM or cp1252 (Windows), separated by ``,``,
``;`` or a tab, with decimal commas. A failing row never stops the file: its problem goes into that
row's ``fouten`` and the next row is computed. Cells a spreadsheet would run as a formula are written
with a leading ``'`` (OWASP, CSV injection).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from operator import itemgetter
from typing import BinaryIO, TextIO

from . import clock, data, herindicatie
from .api import read_json
from .errors import InvoerFout
from .invoer import beperk, citaat, gebruik, invoer_deel, label, velden_van
from .money import bedrag
from .regels.eigen_bijdrage import Huishouden, eigen_bijdrage
from .soorten import advies, ho
from .trace import GeenToelichting
from .waarschuwingen import waarschuwingen

WAAR = {
    "true": True,
    "ja": True,
    "waar": True,
    "1": True,
    "false": False,
    "nee": False,
    "onwaar": False,
    "0": False,
}
SCHEIDINGSTEKENS = {",": "komma", ";": "puntkomma", "\t": "tab"}
# OWASP CSV injection: a cell starting with one of these is run as a formula by spreadsheets.
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
RIJ_FORMULE = tuple("," + t for t in FORMULE_BEGIN)
GETAL = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
HEEL_MET_DECIMALEN = re.compile(r"([+-]?[0-9]+)[.,]0+")
ZIP_BEGIN = "PK\x03\x04"  # how an .xlsx (a zip archive) begins
GEEN_CSV = (
    "Dit is geen CSV-bestand (het lijkt een Excel-werkmap of een ander binair bestand). "
    "Sla de caseload in Excel op met Opslaan als, CSV (gescheiden door lijstscheidingsteken), "
    "en kies dat bestand."
)
ONZICHTBAAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _cp1252_terug(fout: UnicodeError) -> tuple[str, int]:
    """A byte that is not UTF8 in a UTF8 file: read it as cp1252 (a file pasted together from two)."""
    if not isinstance(fout, UnicodeDecodeError):
        raise fout
    stuk = fout.object[fout.start : fout.end]
    return stuk.decode("cp1252", errors="replace"), fout.end


codecs.register_error("wmo-cp1252-terug", _cp1252_terug)


def codering(begin: bytes) -> str:
    """The encoding of a file that starts with ``begin``: UTF8 (with or without BOM) or cp1252.

    UTF8 when its multi-byte characters outnumber the bytes that are not UTF8 (a UTF8 file with a
    pasted cp1252 line stays UTF8; those bytes are read as cp1252 one by one), else cp1252.
    """
    if begin.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    tekst = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape").decode(begin, final=False)
    fout = sum(1 for c in tekst if "\udc80" <= c <= "\udcff")
    goed = sum(1 for c in tekst if c > "\x7f" and not "\udc80" <= c <= "\udcff")
    return "utf-8" if goed >= fout else "cp1252"


def open_tekst(ruw: BinaryIO, encoding: str | None = None) -> tuple[TextIO, str]:
    """A text stream over a binary file, with its encoding detected (or ``encoding`` as given)."""
    buf = ruw if isinstance(ruw, io.BufferedReader) else io.BufferedReader(ruw)  # type: ignore[arg-type]
    gekozen = encoding or codering(buf.peek(65536)[:65536])
    fouten = "wmo-cp1252-terug" if gekozen.replace("-", "").lower().startswith("utf8") else "replace"
    return io.TextIOWrapper(buf, encoding=gekozen, errors=fouten, newline=""), gekozen


def scheidingsteken(kopregel: str) -> str:
    """The separator of a header line: the one of ``,`` ``;`` tab that occurs most outside quotes."""
    buiten = re.sub(r'"[^"]*"', "", kopregel)
    tellingen = {t: buiten.count(t) for t in (",", ";", "\t")}
    beste = max(tellingen, key=lambda t: tellingen[t])
    return beste if tellingen[beste] else ","


def _geheel(cel: str) -> object:
    # ASCII digits only: int() reads every script's digits, and which those are depends on the
    # Python's Unicode version (CPython and Pyodide differ), so "١٢" would be 12 on one side only.
    if not cel.isascii():
        return cel
    try:
        return int(cel)
    except ValueError:
        m = HEEL_MET_DECIMALEN.fullmatch(cel)  # "12,0" or "12.00": a whole number with decimals
        return int(m.group(1)) if m else cel


def _jn(cel: str) -> object:
    return WAAR.get(cel.lower(), cel)


class _Onleesbaar(str):
    """A JSON cell that does not parse; ``melding`` says why."""

    melding = ""


def _json(cel: str, grenzen: dict) -> object:
    try:
        return read_json(cel, grenzen)
    except InvoerFout as e:
        fout = _Onleesbaar(cel)
        fout.melding = e.fouten[0]["melding"].replace("De invoer is", "is")
        return fout


def _tekst(cel: str) -> object:
    return cel


# How a cell becomes a value, by the field's declared type (content/invoer.yaml).
CEL_VOOR_TYPE: dict[str, Callable[..., object]] = {"heel": _geheel, "ja_nee": _jn, "lijst": _json}


def kolommen(bundle: dict, soort: str) -> dict[str, Callable[..., object]]:
    """The columns of a ``soort`` batch file: its declared fields, each with how its cell is read."""
    uit = {}
    for veld in velden_van(bundle, soort):
        info = gebruik(bundle, veld, soort)
        uit[veld] = CEL_VOOR_TYPE.get(info["type"], _tekst)
    return uit


def _ho(invoer: dict, bundle: dict | None, vandaag: date) -> list[str]:
    situatie = ho.lees(invoer, bundle, vandaag)
    uit = ho.samenvatting(situatie)
    return [
        "true" if uit["toegekend"] else "false",
        *(uit[k] for k in ho.SAMENVATTING[1:]),
        _eigen_bijdrage_cel(situatie.peil, situatie["huishouden"]) if uit["toegekend"] else "",
        uit["einddatum"],
        uit["toewijzing"],
    ]


def _eigen_bijdrage_cel(p: data.Peil, h: Huishouden) -> str:
    """The eigen bijdrage per month as a cell: it depends on the peildatum and the household alone."""

    def cel() -> str:
        per_maand = eigen_bijdrage(p, GeenToelichting(), h).per_maand
        return "" if per_maand is None else bedrag(per_maand)

    return p.afgeleid(("batch_eigen_bijdrage", h), cel)


def _advies(invoer: dict, bundle: dict | None, vandaag: date) -> list[str]:
    uit = advies.run(invoer, bundle)
    b = uit["budgetten"]
    keuze = uit["keuze"] or {}
    return (
        [" + ".join(p["id"] for p in uit["producten"]), uit["uren_per_jaar"] or ""]
        + [b[k]["per_maand"] for k in sorted(b)]
        + [keuze.get("per_maand") or "", uit["eigen_bijdrage"]["per_maand"] or ""]
    )


def _advies_uit(bundle: dict) -> list[str]:
    """The advice's result columns: one budget per regime a pgb is priced in (sorted, as the cells are)."""
    regimes = sorted(gebruik(bundle, "uitvoering", "pgb")["opties"])
    return ["producten", "uren_per_jaar", *(f"per_maand_{k}" for k in regimes), "per_maand_keuze"] + [
        "eigen_bijdrage_per_maand"
    ]


# Per soort: its result columns (from the bundle) and how a row is computed.
SOORTEN: dict[str, tuple[Callable[[dict], list[str]], Callable]] = {
    "ho": (lambda bundle: [*ho.SAMENVATTING, "eigen_bijdrage_per_maand", *ho.DATA_KOLOMMEN], _ho),
    "advies": (_advies_uit, _advies),
}


def doorgeven(kolom: str) -> bool:
    """Columns passed through unchanged: ``id`` and anything starting with ``_``."""
    return kolom == "id" or kolom.startswith("_")


def neutraliseer(cel: str) -> str:
    """A cell as it may be written back: no control characters, and never run as a formula.

    OWASP's advice for CSV files: a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage
    return gets a leading ``'``, so a spreadsheet shows it as text. Plain numbers (``-1``) stay as they are.
    """
    if cel.isprintable() and not cel.startswith(FORMULE_BEGIN):  # nearly every cell: nothing to do
        return cel
    if ONZICHTBAAR.search(cel):
        cel = ONZICHTBAAR.sub("\ufffd", cel)
    if cel.startswith(FORMULE_BEGIN) and not GETAL.fullmatch(cel):
        return "'" + cel
    return cel


def _veilige_rij(cellen: list[str]) -> list[str]:
    """`neutraliseer` on every cell; one check over the joined row first, as nearly every row is clean."""
    samen = "," + ",".join(cellen)
    if samen.isprintable() and not any(t in samen for t in RIJ_FORMULE):
        return cellen
    return [neutraliseer(c) for c in cellen]


def _bounded_lines(invoer: TextIO, regel_tekens: int) -> Iterator[str | None]:
    """The file's lines, none read with more than ``regel_tekens`` characters: a longer line comes
    back as None, and its rest is skipped piece by piece, so memory does not grow with a line."""
    while regel := invoer.readline(regel_tekens + 1):
        if len(regel) <= regel_tekens or regel.endswith(("\n", "\r")):
            yield regel
            continue
        while (rest := invoer.readline(regel_tekens)) and not rest.endswith(("\n", "\r")):
            pass
        yield None


class _TeLang(Exception):
    """A line over the limit (None from `_bounded_lines`), raised through the csv reader."""


class _Lines:
    """The file's lines for the csv reader, keeping those of the record being read: a record that
    took more than one line had a quote that was not closed on its line."""

    def __init__(self, regels: Iterator[str | None]) -> None:
        self.lines = regels
        self.gelezen: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        regel = next(self.lines)
        if regel is None:
            raise _TeLang
        self.gelezen.append(regel)
        return regel


NIET_GESLOTEN = "een aanhalingsteken wordt op deze regel niet gesloten"


def _lines(
    regels: Iterator[str | None], teken: str, cel_tekens: int, regel_tekens: int
) -> Iterator[tuple[list[str] | None, str]]:
    """The rows of the CSV lines ``regels``; a row the csv module cannot read comes back as (None, why).

    A cell never runs over a line end here (no input value holds one): a quote left open would
    otherwise swallow every following row into one cell. That row is reported and the lines after
    it are read again as rows of their own.
    """
    bron = _Lines(regels)
    lezer = csv.reader(bron, delimiter=teken)
    while True:
        bron.gelezen.clear()
        te_lang = False
        try:
            cellen = next(lezer)
            waarom = ""
        except StopIteration:
            return
        except _TeLang:
            cellen, waarom, te_lang = None, f"de regel is langer dan {regel_tekens} tekens", True
        except csv.Error as e:
            cellen = None
            waarom = (
                f"een cel is langer dan {cel_tekens} tekens"
                if "field limit" in str(e)
                else "de rij is geen geldige CSV (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten)"
            )
        if len(bron.gelezen) > 1 or (te_lang and bron.gelezen):
            # Read the swallowed lines again, with a fresh reader (the old one is inside a quote);
            # a long line that ended the quote is reported after them, in its place.
            bron = _Lines(itertools.chain(bron.gelezen[1:], [None] if te_lang else [], bron.lines))
            lezer = csv.reader(bron, delimiter=teken)
            cellen, waarom = None, NIET_GESLOTEN if te_lang else waarom or NIET_GESLOTEN
        yield cellen, waarom


def process(
    invoer: TextIO,
    uitvoer: TextIO,
    soort: str = "ho",
    bundle: dict | None = None,
    scheidingsteken_: str | None = None,
    peildatum: date | None = None,
    na_rij: Callable[[list[str], list[str]], None] | None = None,
) -> tuple[int, int]:
    """Read situations from CSV ``invoer`` and write results to ``uitvoer``; returns (rows, bad rows).

    The separator is detected from the header unless ``scheidingsteken_`` is given; the output uses
    the same one. Raises `InvoerFout` for a header that names unknown columns (nothing is computed then).
    ``peildatum``: for rows without one (default today). ``na_rij(kop, cellen)`` sees every row written.
    """
    uitkomst, reken = SOORTEN[soort]
    b = data.bundle_or_active(bundle)
    per_kolom = kolommen(b, soort)
    extra = [*uitkomst(b), "waarschuwingen"]
    deel = invoer_deel(b)
    grenzen = deel["omvang"]
    kopregel = invoer.readline(grenzen["json_tekens"] + 1)  # a file without line ends is not read whole
    if len(kopregel) > grenzen["json_tekens"]:
        raise InvoerFout(
            [
                {
                    "veld": None,
                    "melding": "De eerste regel van het bestand is te lang voor een kopregel; "
                    "is dit wel een CSV-bestand?",
                }
            ]
        )
    if kopregel.startswith(ZIP_BEGIN) or "\x00" in kopregel:
        # An Excel workbook (a zip) or another binary file chosen instead of its CSV export.
        raise InvoerFout([{"veld": None, "melding": GEEN_CSV}])
    teken = scheidingsteken_ or scheidingsteken(kopregel)
    # A cell over the JSON input limit cannot be a valid value; csv reports it and the row says so.
    csv.field_size_limit(grenzen["json_tekens"])
    regels = itertools.chain([kopregel], _bounded_lines(invoer, grenzen["regel_tekens"]))
    rijen_in = _lines(regels, teken, grenzen["json_tekens"], grenzen["regel_tekens"])
    kop, _ = next(rijen_in, (None, ""))
    if not kop or not any(k.strip() for k in kop):
        raise InvoerFout(
            [
                {
                    "veld": None,
                    "melding": "Het CSV-bestand is leeg; de eerste regel moet de kolomnamen bevatten.",
                }
            ]
        )
    kop = [k.strip().lstrip("\ufeff") for k in kop]
    # Herindicatie (ho only): the current indication is read beside the input, never passed to the core.
    huidig = soort == "ho" and any(k in herindicatie.HUIDIGE for k in kop)
    verschil = herindicatie.uitvoer_kolommen(kop) if soort == "ho" else []
    _controleer_kop(
        kop, per_kolom | dict.fromkeys(herindicatie.HUIDIGE) if soort == "ho" else per_kolom, extra, grenzen
    )
    lezers = [(i, k, per_kolom[k]) for i, k in enumerate(kop) if k in per_kolom]
    posities = [i for i, _, _ in lezers]
    # The cells a row's answer depends on: the key of the result cache.
    sleutel_van = itemgetter(*posities) if posities else (lambda cellen: ())
    # CRLF as RFC 4180 writes it; csv then also quotes a cell holding a lone CR, so rows stay rows.
    schrijver = csv.writer(uitvoer, delimiter=teken, lineterminator="\r\n")
    kop_uit = [neutraliseer(k) for k in kop] + extra + verschil + ["fouten"]
    schrijver.writerow(kop_uit)
    leeg = [""] * len(extra)
    cache: dict[tuple, list[str]] = {}
    vandaag = peildatum or clock.today()  # one default peildatum for the whole file
    p_kolom = kop.index("peildatum") if "peildatum" in kop else None
    rijen = slecht = 0
    breedte = len(kop)
    for cellen, waarom in rijen_in:
        if cellen is None:
            rijen += 1
            slecht += 1
            melding = f"Rij {rijen}: {waarom}; deze rij is niet gelezen."
            uit = [""] * (breedte + len(verschil)) + leeg + [melding]
            schrijver.writerow(uit)
            if na_rij:
                na_rij(kop_uit, uit)
            continue
        if not cellen:
            continue
        rijen += 1
        if len(cellen) == breedte:
            sleutel = sleutel_van(cellen)
            resultaat = cache.get(sleutel)
            if resultaat is None:
                resultaat = _rij(cellen, lezers, reken, bundle, leeg, vandaag, deel)
                if len(cache) > 50_000:
                    cache.clear()
                cache[sleutel] = resultaat
        else:
            resultaat = leeg + [
                f"De rij heeft {len(cellen)} cellen, de kop {breedte} kolommen; "
                "controleer het scheidingsteken en lege cellen aan het eind."
            ]
        if huidig:
            resultaat = _met_verschil(kop, cellen, resultaat, p_kolom, vandaag, bundle, deel)
        if resultaat[-1]:
            slecht += 1
        uit = _veilige_rij(_vul(cellen, breedte)) + resultaat
        schrijver.writerow(uit)
        if na_rij:
            na_rij(kop_uit, uit)
    return rijen, slecht


def _met_verschil(
    kop: list[str],
    cellen: list[str],
    resultaat: list[str],
    p_kolom: int | None,
    vandaag: date,
    bundle: dict | None,
    deel: dict,
) -> list[str]:
    """A ho row's result with the herindicatie's difference cells before ``fouten``."""
    breedte = len(herindicatie.uitvoer_kolommen(kop))
    if resultaat[-1] or len(cellen) != len(kop):
        return resultaat[:-1] + [""] * breedte + resultaat[-1:]
    uitkomst = dict(zip(ho.SAMENVATTING, resultaat, strict=False))
    dag = (
        date.fromisoformat(cellen[p_kolom].strip())
        if p_kolom is not None and cellen[p_kolom].strip()
        else vandaag
    )
    cellen_verschil, fout = herindicatie.verschil(kop, cellen, uitkomst, dag, bundle, deel)
    if fout:
        return [""] * (len(resultaat) - 1 + breedte) + [neutraliseer(fout)]
    return resultaat[:-1] + cellen_verschil + [""]


def _vul(cellen: list[str], breedte: int) -> list[str]:
    """The input cells padded or cut to the header's width, so the result columns line up."""
    if len(cellen) == breedte:
        return cellen
    return (cellen + [""] * breedte)[:breedte]


def _rij(
    cellen: list[str],
    lezers: Iterable,
    reken: Callable,
    bundle: dict | None,
    leeg: list[str],
    vandaag: date,
    deel: dict,
) -> list[str]:
    """One row's result cells and its ``fouten``; whatever goes wrong stays in this row.

    ``deel``: the bundle's ``invoer`` part (labels and size limits).
    """
    velden, grenzen = deel["velden"], deel["omvang"]
    invoer: dict = {}
    fouten: list[str] = []
    for i, kolom, zet in lezers:
        cel = cellen[i]
        if cel and (cel := cel.strip()):
            waarde = _json(cel, grenzen) if zet is _json else zet(cel)
            if waarde.__class__ is _Onleesbaar:
                kort = citaat(cel, grenzen["citaat_tekens"])
                fouten.append(f"{label(velden, kolom)} {waarde.melding} (ontvangen: {kort})")
            else:
                invoer[kolom] = waarde
    try:
        with data.reading() as gelezen:
            uitkomst = reken(invoer, bundle, vandaag)
    except InvoerFout as e:
        alle = [{"melding": f} for f in fouten] + e.fouten
        return leeg + [" | ".join(neutraliseer(f["melding"]) for f in beperk(alle, grenzen["meldingen"]))]
    except Exception:  # noqa: BLE001 - one row must never stop the file
        return leeg + ["Deze rij kon niet worden berekend door een fout in de rekenhulp zelf."]
    if fouten:
        return leeg + [" | ".join(neutraliseer(f) for f in fouten)]
    uitkomst.append(neutraliseer(" ".join(waarschuwingen(data.bundle_or_active(bundle), gelezen))))
    uitkomst.append("")
    return uitkomst


def _controleer_kop(kop: list[str], kolommen: dict, extra: list[str], grenzen: dict) -> None:
    """Column names are the batch file's interface, so its messages name them as the header has them."""
    fouten = []
    gezien: set[str] = set()
    for k in kop:
        naam = citaat(k, grenzen["citaat_tekens"])
        if k in gezien:
            fouten.append({"veld": k, "melding": f"Kolom {naam} staat twee keer in de kopregel."})
        gezien.add(k)
        if k not in kolommen and not doorgeven(k):
            fouten.append({"veld": k, "melding": f"Onbekende kolom {naam} in de kopregel."})
    if fouten:
        fouten = beperk(fouten, grenzen["meldingen"])
        fouten.append(
            {
                "veld": None,
                "melding": f"Toegestaan zijn de kolommen {', '.join(kolommen)}, en 'id' of kolommen die "
                "met _ beginnen (die worden doorgegeven).",
            }
        )
        raise InvoerFout(fouten)
