"""Command line: ``python -m calculator <opdracht>``. JSON in on stdin, JSON out on stdout.

Exit codes: 0 success, 2 bad input (Dutch messages on stderr, one per line ``veld: melding``),
1 an internal problem (for example a missing data bundle).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import NoReturn

from . import api, batch, data
from .errors import BundleFout, InvoerFout

JSON_OPDRACHTEN = {
    "ho": ("ho", "HO-indicatie volgens het normenkader (bron 002); JSON-situatie op stdin"),
    "advies": (
        "advies",
        'Productadvies en PGB-budgetten voor een regio (geef "regio" mee); JSON-antwoorden op stdin',
    ),
    "pgb": ("pgb", "PGB-budget voor producten en een uitvoering; JSON op stdin"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"opdracht: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m calculator",
        description="Rekenhulp Wmo: indicatie huishoudelijke ondersteuning en PGB-budgetten.",
    )
    parser.add_argument(
        "--bundle", help="pad naar een andere bundle.json (standaard: calculator/data/bundle.json)"
    )
    sub = parser.add_subparsers(dest="opdracht", required=True, parser_class=_Parser)
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
    p = sub.add_parser("batch", help="een CSV-bestand met een situatie per rij doorrekenen")
    p.add_argument("invoer", help="CSV-bestand (kolommen: de invoervelden)")
    p.add_argument("-o", "--uitvoer", help="CSV-uitvoer (standaard: stdout)")
    p.add_argument("--soort", choices=sorted(batch.SOORTEN), default="ho")
    return parser


def _print(uitkomst: object) -> None:
    sys.stdout.write(json.dumps(uitkomst, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def _stdin_json() -> object:
    tekst = sys.stdin.read()
    try:
        return json.loads(tekst)
    except ValueError as e:
        raise InvoerFout(
            [{"veld": None, "melding": f"De invoer op stdin is geen geldige JSON: {e}"}]
        ) from None


def _fouten(fouten: list[dict]) -> int:
    for f in fouten:
        sys.stderr.write(f"{f['veld'] if f['veld'] is not None else 'invoer'}: {f['melding']}\n")
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.bundle:
            data.gebruik(args.bundle)
        return _voer_uit(args)
    except InvoerFout as e:
        return _fouten(e.fouten)
    except (BundleFout, OSError) as e:
        sys.stderr.write(f"rekenhulp: {e}\n")
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
        _print(api.run("eigen_bijdrage", {"peildatum": args.peildatum} if args.peildatum else {}))
    elif opdracht == "batch":
        return _batch(args)
    return 0


def _batch(args: argparse.Namespace) -> int:
    begin = time.perf_counter()
    try:
        invoer = open(args.invoer, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as e:
        raise InvoerFout(
            [{"veld": "invoer", "melding": f"kan {args.invoer} niet openen: {e.strerror}"}]
        ) from None
    with invoer:
        if args.uitvoer:
            with open(args.uitvoer, "w", encoding="utf-8", newline="") as uit:
                rijen, slecht = batch.verwerk(invoer, uit, args.soort)
        else:
            rijen, slecht = batch.verwerk(invoer, sys.stdout, args.soort)
    duur = time.perf_counter() - begin
    snelheid = f", {rijen / duur:,.0f} rijen per seconde" if duur > 0 else ""
    sys.stderr.write(f"batch: {rijen} rijen verwerkt, {slecht} met fouten ({duur:.2f} s{snelheid})\n")
    return 0
