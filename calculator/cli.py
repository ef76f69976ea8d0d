"""Command line: ``python -m calculator <opdracht>``. JSON in on stdin, JSON out on stdout.

Exit codes: 0 success; 2 bad input, whatever its shape, or a problem on the person's side (an
output that is a folder or cannot be written, a full disk, too little memory): Dutch messages on
stderr, one per line; 1 a fault in the project (for example a missing or broken data bundle): one
Dutch line, and a traceback only with ``--debug``. Stopped: 130 (Ctrl-C), 143 (SIGTERM), 129
(SIGHUP); 141 when the reader of stdout stops reading (``| head``), without a message.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Iterator
from datetime import date
from types import FrameType
from typing import IO, Any, NoReturn

from . import api, atomic, batch, clock, data, herindicatie
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
GEHEUGEN = (
    "rekenhulp: er is te weinig geheugen vrij op deze computer (of de geheugengrens, ulimit -v, is te "
    "laag); sluit andere programma's en probeer het opnieuw"
)
# Why an output cannot be written, in the person's words, for the errors they can do something about.
EDQUOT = getattr(errno, "EDQUOT", errno.ENOSPC)
VOL = {errno.ENOSPC, EDQUOT}
REDEN = {
    errno.ENOSPC: "de schijf is vol",
    EDQUOT: "uw ruimte op de schijf (quotum) is op",
    errno.EACCES: "u mag daar niet schrijven",
    errno.EPERM: "u mag daar niet schrijven",
    errno.ENOENT: "die map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EROFS: "die schijf kan alleen gelezen worden",
}


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


class _Getypt(argparse.Action):
    """Stores the value and the option as it was typed (``-o`` or ``--uitvoer``): messages name it so."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        setattr(namespace, f"{self.dest}_getypt", option_string)


def _optie(args: argparse.Namespace, dest: str) -> str:
    return getattr(args, f"{dest}_getypt", None) or f"--{dest}"


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
    p.add_argument("-o", "--uitvoer", action=_Getypt, help="CSV-uitvoer (standaard: stdout)")
    p.add_argument("--soort", choices=sorted(batch.SOORTEN), default="ho")
    p.add_argument(
        "--encoding",
        action=_Getypt,
        help="tekenset van het bestand, bijvoorbeeld utf-8 of cp1252 (standaard: herkend)",
    )
    p.add_argument(
        "--scheidingsteken",
        choices=sorted({"komma", "puntkomma", "tab", ",", ";"}),
        help="scheidingsteken tussen de cellen (standaard: herkend uit de kopregel)",
    )
    p.add_argument("--peildatum", help="JJJJ-MM-DD voor rijen zonder peildatum (standaard: vandaag)")
    p.add_argument(
        "--xlsx",
        action=_Getypt,
        help="ook een Excel-bestand (.xlsx) met de uitkomsten en een samenvatting; vraagt -o",
    )
    return parser


HUISHOUDEN_VLAGGEN = {
    "met-partner": "woont u samen met een partner (getrouwd of samenwonend)?",
    "beiden-aow-leeftijd": "hebben u en uw partner allebei de AOW-leeftijd?",
    "client-onder-18": "is de hulp voor een kind jonger dan 18 jaar?",
}


def _print(uitkomst: object) -> None:
    with _schrijven("de standaarduitvoer", stdout=True):
        sys.stdout.write(json.dumps(uitkomst, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        sys.stdout.flush()


def _stdin_json() -> object:
    """stdin as bytes, so a binary or non-UTF8 input is bad input whatever the locale says."""
    return api.read_json(sys.stdin.buffer.read(), omvang(data.actief()))


def _fouten(fouten: list[dict]) -> int:
    for f in fouten:
        sys.stderr.write(f"{f['melding']}\n")
    return 2


class _Gestopt(BaseException):
    """SIGTERM or SIGHUP, raised wherever the program is, so the cleanup on the way out (the
    temporary output file) runs as it does for Ctrl-C."""


@contextlib.contextmanager
def _signalen() -> Iterator[None]:
    def stop(signum: int, frame: FrameType | None) -> NoReturn:
        raise _Gestopt(signum)

    oud = {}
    for naam in ("SIGTERM", "SIGHUP"):
        nummer = getattr(signal, naam, None)  # Windows has no SIGHUP
        # Ignored (nohup): stays ignored. Outside the main thread no handler can be set.
        if nummer is not None and signal.getsignal(nummer) is not signal.SIG_IGN:
            with contextlib.suppress(ValueError):
                oud[nummer] = signal.signal(nummer, stop)
    try:
        yield
    finally:
        for nummer, handler in oud.items():
            signal.signal(nummer, handler)


def _stdout_weg() -> None:
    """What is left for stdout goes to /dev/null: Python writes it out on exit and would fail again
    (the recipe in Python's documentation on SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError):
        leeg = os.open(os.devnull, os.O_WRONLY)
        os.dup2(leeg, sys.stdout.fileno())
        os.close(leeg)


def _stderr(regel: str) -> None:
    with contextlib.suppress(OSError):  # after SIGHUP the terminal may be gone
        sys.stderr.write(regel + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    with _nederlands():
        args = _parser().parse_args(argv)
    with _signalen():
        try:
            if args.bundle:
                data.gebruik(args.bundle)
            return _voer_uit(args)
        except InvoerFout as e:
            return _fouten(e.fouten)
        except BundleFout as e:
            if args.debug:
                traceback.print_exc()
            _stderr(f"rekenhulp: de gegevens van de rekenhulp zijn onbruikbaar: {e}")
            return 1
        except KeyboardInterrupt:
            _stderr("rekenhulp: afgebroken")
            return 128 + signal.SIGINT  # the shell's convention for a process stopped by Ctrl-C (130)
        except _Gestopt as e:
            _stderr("rekenhulp: gestopt")
            return 128 + e.args[0]  # as the shell reports a process stopped by that signal
        except BrokenPipeError:
            # The reader stopped reading (| head): end quietly, with the shell's code for SIGPIPE.
            _stdout_weg()
            return 128 + signal.SIGPIPE
        except MemoryError:
            _stderr(GEHEUGEN)
            return 2
        except Exception:  # noqa: BLE001 - one Dutch line for a fault in the project, the details on request
            if args.debug:
                traceback.print_exc()
            _stderr(INTERN)
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
                f"onbekende tekenset bij {_optie(args, 'encoding')}; gebruik bijvoorbeeld utf-8 of cp1252",
                "encoding",
            ) from None
    try:
        ruw = open(args.invoer, "rb")  # noqa: SIM115
    except OSError as e:
        raise _invoerfout(f"kan {args.invoer} niet openen: {e.strerror}") from None
    teken = SCHEIDINGSTEKENS[args.scheidingsteken] if args.scheidingsteken else None
    args.peil = _batch_peildatum(args)
    args.teller = herindicatie.Teller(args.soort) if args.xlsx else None
    with ruw, _tekenset(args):
        invoer, gekozen = batch.open_tekst(ruw, args.encoding)
        if args.uitvoer:
            rijen, slecht = _naar_bestand(args, invoer, teken, gekozen)
        else:
            with _schrijven("de standaarduitvoer", stdout=True):
                rijen, slecht = batch.process(
                    invoer, sys.stdout, args.soort, scheidingsteken_=teken, peildatum=args.peil
                )
                sys.stdout.flush()
    duur = time.perf_counter() - begin
    snelheid = f", {rijen / duur:,.0f} rijen per seconde" if duur > 0 else ""
    sys.stderr.write(f"batch: {rijen} rijen verwerkt, {slecht} met fouten ({duur:.2f} s{snelheid})\n")
    return 0


@contextlib.contextmanager
def _tekenset(args: argparse.Namespace) -> Iterator[None]:
    """A file that is not in the encoding given (utf-16 without its BOM): the person's to fix."""
    try:
        yield
    except UnicodeError as e:
        if isinstance(e, UnicodeEncodeError) or not args.encoding:
            raise
        raise _invoerfout(
            f"{_optie(args, 'encoding')} {args.encoding}: het bestand is niet in deze tekenset geschreven; "
            f"laat {_optie(args, 'encoding')} weg, dan wordt de tekenset herkend",
            "encoding",
        ) from None


def _naar_bestand(
    args: argparse.Namespace, invoer: object, teken: str | None, gekozen: str
) -> tuple[int, int]:
    """``-o`` and ``--xlsx``, both opened before the first row (a folder or a place that cannot be
    written is refused at once) and each renamed into place when complete (calculator/atomic.py). A
    file that came with a BOM gets one back (Excel). The xlsx is made from the finished CSV."""
    with _uitvoer(args, "xlsx", ".xlsx.tmp") if args.xlsx else contextlib.nullcontext() as xlsx:
        with _uitvoer(args, "uitvoer", ".csv.tmp", herindicatie.uitvoer_codering(gekozen)) as uit:
            uitkomst = batch.process(
                invoer,  # type: ignore[arg-type]
                uit,
                args.soort,
                scheidingsteken_=teken,
                peildatum=args.peil,
                na_rij=args.teller,
            )
        if xlsx is not None:
            _naar_xlsx(args, xlsx)
    return uitkomst


@contextlib.contextmanager
def _uitvoer(
    args: argparse.Namespace, dest: str, suffix: str, encoding: str | None = None
) -> Iterator[IO[Any]]:
    """The output file of option ``dest``, or the Dutch line why it cannot be written there."""
    pad = getattr(args, dest)
    waar = f"{_optie(args, dest)} {pad}"
    try:
        schrijver = atomic.AtomicWriter(pad, prefix=".batch-", suffix=suffix, encoding=encoding)
    except IsADirectoryError:
        voorbeeld = os.path.join(pad, "uitkomst" + suffix.removesuffix(".tmp"))
        raise _invoerfout(
            f"{waar} is een map; geef de naam van een bestand, bijvoorbeeld {voorbeeld}", dest
        ) from None
    except OSError as e:
        raise _invoerfout(
            f"{waar}: kan daar niet schrijven, {REDEN.get(e.errno, e.strerror)}", dest
        ) from None
    with _schrijven(waar), schrijver as uit:
        yield uit


@contextlib.contextmanager
def _schrijven(waar: str, stdout: bool = False) -> Iterator[None]:
    """A full disk while an output is written is the person's to solve (exit 2), in one line; a
    temporary file is gone by then, and an earlier file under that name is left as it was."""
    try:
        yield
    except OSError as e:
        if e.errno not in VOL:
            raise
        if stdout:
            _stdout_weg()
        gevolg = "de uitvoer is niet compleet" if stdout else "het bestand is niet geschreven"
        raise _invoerfout(f"{waar}: {REDEN[e.errno]}; {gevolg}") from None


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


def _naar_xlsx(args: argparse.Namespace, uit: IO[bytes]) -> None:
    """The xlsx from the finished CSV output."""
    with open(args.uitvoer, "rb") as ruw:
        tekst, _ = batch.open_tekst(ruw, "utf-8-sig")
        kopregel = tekst.readline()
        tekst.seek(0)
        samenvatting = args.teller.uitkomst(invoer_deel(data.bundle_or_active()), args.peil or clock.today())
        herindicatie.werkboek(tekst, uit, samenvatting, batch.scheidingsteken(kopregel))
