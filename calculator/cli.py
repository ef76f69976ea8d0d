"""Command line: ``python -m calculator <opdracht>``. JSON in on stdin, JSON out on stdout.

Exit codes: 0 success; 2 bad input, whatever its shape (Dutch messages on stderr, one per line);
1 a fault in the project (for example a missing or broken data bundle): one Dutch line, and a
traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from datetime import date
from typing import NoReturn

from . import api, batch, clock, data, herindicatie
from .errors import BundleFout, InvoerFout
from .invoer import invoer_deel, omvang

JSON_OPDRACHTEN = {
    "ho": ("ho", "HO-indicatie volgens het normenkader (bron 002); JSON-situatie op stdin"),
    "advies": (
        "advies",
        'Productadvies en PGB-budgetten voor een regio (geef "regio" mee); JSON-antwoorden op stdin',
    ),
    "pgb": ("pgb", "PGB-budget voor producten en een uitvoering; JSON op stdin"),
}
# argparse's own English texts, in Dutch (argparse looks them up through gettext at the moment it needs them).
ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "onbekende keuze: %(value)r (kies uit %(choices)s)"
    ),
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "hier hoort één waarde achter",
    "expected at most one argument": "hier hoort hoogstens één waarde achter",
    "expected at least one argument": "hier hoort ten minste één waarde achter",
    "ambiguous option: %(option)s could match %(matches)s": (
        "onduidelijke optie: %(option)s kan zijn: %(matches)s"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "not allowed with argument %s": "mag niet samen met %s",
    "ignored explicit argument %r": "waarde %r genegeerd",
    "unexpected option string: %s": "onverwachte optie: %s",
}
SCHEIDINGSTEKENS = {",": ",", "komma": ",", ";": ";", "puntkomma": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
INTERN = (
    "rekenhulp: er ging iets mis in de rekenhulp zelf, niet in uw invoer "
    "(draai opnieuw met --debug voor de details)"
)


@contextlib.contextmanager
def _nederlands() -> Iterator[None]:
    """argparse in Dutch for the duration of one command line run."""
    oud = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda tekst: ARGPARSE_NL.get(tekst, tekst)  # type: ignore[attr-defined]
    argparse.ngettext = lambda een, meer, n: (  # type: ignore[attr-defined]
        "hier hoort %s waarde achter" if n == 1 else "hier horen %s waarden achter"
    )
    try:
        yield
    finally:
        argparse._, argparse.ngettext = oud  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m calculator",
        description="Rekenhulp Wmo: indicatie huishoudelijke ondersteuning en PGB-budgetten.",
    )
    parser.add_argument(
        "--bundle", help="pad naar een andere bundle.json (standaard: calculator/data/bundle.json)"
    )
    parser.add_argument(
        "--debug", action="store_true", help="bij een fout in de rekenhulp: toon de traceback"
    )
    sub = parser.add_subparsers(dest="opdracht", required=True, parser_class=_Parser, title="opdrachten")
    for naam, (_, hulp) in JSON_OPDRACHTEN.items():
        sub.add_parser(naam, help=hulp, description=hulp)
    p = sub.add_parser("producten", help="de producten als JSON")
    p.add_argument("--regio", help="alleen de producten van deze regio")
    p = sub.add_parser("hulpmiddel", help="huur, maximum-pgb en maanden voor een categorie hulpmiddelen")
    p.add_argument(
        "categorie", nargs="?", help='bijvoorbeeld 02; zonder categorie: JSON {"categorie": ...} op stdin'
    )
    p = sub.add_parser("hht", help="HHT: uren per jaar (in de regio die HHT kent)")
    p.add_argument("--regio", help="regio (sleutel uit content/regios.yaml)")
    p = sub.add_parser("beschermd-thuis", help="Beschermd Thuis: uren begeleiding per week")
    p.add_argument("niveau", choices=("zwaar", "midden", "licht"))
    p = sub.add_parser(
        "eigen-bijdrage", help="eigen bijdrage Wmo (abonnementstarief, bron 005) met de voorwaarden"
    )
    p.add_argument("--peildatum", help="JJJJ-MM-DD (standaard: vandaag)")
    # The household's answers that decide whether it pays (005, 3.13); left out: "hoogstens".
    for vlag, hulp in HUISHOUDEN_VLAGGEN.items():
        p.add_argument(f"--{vlag}", choices=("ja", "nee"), help=hulp)
    p = sub.add_parser("batch", help="een CSV-bestand met een situatie per rij doorrekenen")
    p.add_argument("invoer", help="CSV-bestand (kolommen: de invoervelden)")
    p.add_argument("-o", "--uitvoer", help="CSV-uitvoer (standaard: stdout)")
    p.add_argument("--soort", choices=sorted(batch.SOORTEN), default="ho")
    p.add_argument(
        "--encoding", help="tekenset van het bestand, bijvoorbeeld utf-8 of cp1252 (standaard: herkend)"
    )
    p.add_argument(
        "--scheidingsteken",
        choices=sorted({"komma", "puntkomma", "tab", ",", ";"}),
        help="scheidingsteken tussen de cellen (standaard: herkend uit de kopregel)",
    )
    p.add_argument("--peildatum", help="JJJJ-MM-DD voor rijen zonder peildatum (standaard: vandaag)")
    p.add_argument(
        "--xlsx", help="ook een Excel-bestand (.xlsx) met de uitkomsten en een samenvatting; vraagt -o"
    )
    return parser


HUISHOUDEN_VLAGGEN = {
    "met-partner": "woont u samen met een partner (getrouwd of samenwonend)?",
    "beiden-aow-leeftijd": "hebben u en uw partner allebei de AOW-leeftijd?",
    "client-onder-18": "is de hulp voor een kind jonger dan 18 jaar?",
}


def _print(uitkomst: object) -> None:
    sys.stdout.write(json.dumps(uitkomst, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def _stdin_json() -> object:
    """stdin as bytes, so a binary or non-UTF8 input is bad input whatever the locale says."""
    return api.read_json(sys.stdin.buffer.read(), omvang(data.actief()))


def _fouten(fouten: list[dict]) -> int:
    for f in fouten:
        sys.stderr.write(f"{f['melding']}\n")
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    with _nederlands():
        args = _parser().parse_args(argv)
    try:
        if args.bundle:
            data.gebruik(args.bundle)
        return _voer_uit(args)
    except InvoerFout as e:
        return _fouten(e.fouten)
    except BundleFout as e:
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"rekenhulp: de gegevens van de rekenhulp zijn onbruikbaar: {e}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("rekenhulp: afgebroken\n")
        return 128 + signal.SIGINT  # the shell's convention for a process stopped by Ctrl-C (130)
    except Exception:  # noqa: BLE001 - one Dutch line for a fault in the project, the details on request
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(INTERN + "\n")
        return 1


def _voer_uit(args: argparse.Namespace) -> int:
    opdracht = args.opdracht
    if opdracht in JSON_OPDRACHTEN:
        _print(api.run(JSON_OPDRACHTEN[opdracht][0], _stdin_json()))
    elif opdracht == "producten":
        _print(api.run("producten", {"regio": args.regio} if args.regio else {})["producten"])
    elif opdracht == "hulpmiddel":
        invoer = {"categorie": args.categorie} if args.categorie else _stdin_json()
        _print(api.run("hulpmiddel", invoer))
    elif opdracht == "hht":
        _print(api.run("hht", {"regio": args.regio} if args.regio else {}))
    elif opdracht == "beschermd-thuis":
        _print(api.run("beschermd_thuis", {"niveau": args.niveau}))
    elif opdracht == "eigen-bijdrage":
        invoer: dict = {"peildatum": args.peildatum} if args.peildatum else {}
        for vlag in HUISHOUDEN_VLAGGEN:
            antwoord = getattr(args, vlag.replace("-", "_"))
            if antwoord is not None:
                invoer[vlag.replace("-", "_")] = antwoord == "ja"
        _print(api.run("eigen_bijdrage", invoer))
    elif opdracht == "batch":
        return _batch(args)
    return 0


def _invoerfout(melding: str, veld: str = "invoer") -> InvoerFout:
    return InvoerFout([{"veld": veld, "melding": melding}])


def _batch(args: argparse.Namespace) -> int:
    begin = time.perf_counter()
    if args.encoding:
        try:
            "".encode(args.encoding)
        except LookupError:
            raise _invoerfout(
                "onbekende tekenset bij --encoding; gebruik bijvoorbeeld utf-8 of cp1252", "encoding"
            ) from None
    try:
        ruw = open(args.invoer, "rb")  # noqa: SIM115
    except OSError as e:
        raise _invoerfout(f"kan {args.invoer} niet openen: {e.strerror}") from None
    teken = SCHEIDINGSTEKENS[args.scheidingsteken] if args.scheidingsteken else None
    args.peil = _batch_peildatum(args)
    args.teller = herindicatie.Teller(args.soort) if args.xlsx else None
    with ruw:
        invoer, gekozen = batch.open_tekst(ruw, args.encoding)
        if args.uitvoer:
            rijen, slecht = _naar_bestand(args, invoer, teken, gekozen)
        else:
            rijen, slecht = batch.process(
                invoer, sys.stdout, args.soort, scheidingsteken_=teken, peildatum=args.peil
            )
            sys.stdout.flush()
    if args.xlsx:
        _naar_xlsx(args)
    duur = time.perf_counter() - begin
    snelheid = f", {rijen / duur:,.0f} rijen per seconde" if duur > 0 else ""
    sys.stderr.write(f"batch: {rijen} rijen verwerkt, {slecht} met fouten ({duur:.2f} s{snelheid})\n")
    return 0


def _naar_bestand(
    args: argparse.Namespace, invoer: object, teken: str | None, gekozen: str
) -> tuple[int, int]:
    """Write to a temporary file beside the target and rename it when complete: an interrupted run
    never leaves a half file under the final name. A file that came with a BOM gets one back (Excel)."""
    doel = os.path.abspath(args.uitvoer)
    map_ = os.path.dirname(doel)
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=".batch-", suffix=".csv.tmp", dir=map_)
    except OSError as e:
        raise _invoerfout(f"kan niet schrijven in {map_}: {e.strerror}", "uitvoer") from None
    try:
        codering = herindicatie.uitvoer_codering(gekozen)
        with os.fdopen(fd, "w", encoding=codering, newline="") as uit:
            uitkomst = batch.process(
                invoer,  # type: ignore[arg-type]
                uit,
                args.soort,
                scheidingsteken_=teken,
                peildatum=args.peil,
                na_rij=args.teller,
            )
        os.replace(tijdelijk, doel)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise
    return uitkomst


def _batch_peildatum(args: argparse.Namespace) -> date | None:
    """The batch's --peildatum (rows without one), checked; --xlsx needs -o (it is made from that file)."""
    if args.xlsx and not args.uitvoer:
        raise _invoerfout("--xlsx maakt het Excel-bestand uit de CSV-uitvoer; geef ook -o", "xlsx")
    if not args.peildatum:
        return None
    try:
        return date.fromisoformat(args.peildatum)
    except ValueError:
        raise _invoerfout("--peildatum moet een datum zijn als 2026-01-01", "peildatum") from None


def _naar_xlsx(args: argparse.Namespace) -> None:
    """The xlsx from the finished CSV output, written beside the target and renamed when complete."""
    doel = os.path.abspath(args.xlsx)
    fd, tijdelijk = tempfile.mkstemp(prefix=".batch-", suffix=".xlsx.tmp", dir=os.path.dirname(doel))
    try:
        with open(args.uitvoer, "rb") as ruw, os.fdopen(fd, "wb") as uit:
            tekst, _ = batch.open_tekst(ruw, "utf-8-sig")
            kopregel = tekst.readline()
            tekst.seek(0)
            samenvatting = args.teller.uitkomst(
                invoer_deel(data.bundle_or_active()), args.peil or clock.today()
            )
            herindicatie.werkboek(tekst, uit, samenvatting, batch.scheidingsteken(kopregel))
        os.replace(tijdelijk, doel)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise
