"""The data bundle: loaded once, then read through a `Peil` (the values in force on a date).

Rules never read files; they receive a `Peil`. The bundle comes from ``calculator/data/bundle.json``
(written by ``build.py --bundle``) or from a dict passed in (the browser may fetch it itself).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from .errors import BundleFout
from .geldig import in_werking

BUNDLE_VERSIE = 1
_actief: dict | None = None
_peilen: dict[tuple[int, date], Peil] = {}
# The value series the answer being computed has read (see `reading`): (peildatum, kind, key...).
_read: set[tuple] | None = None


@contextmanager
def reading() -> Iterator[set[tuple]]:
    """Within the block, every value series a `Peil` looks up is noted in the set it yields:
    ``(peildatum, "parameter", key)``, ``(peildatum, "rij", table, row)`` or
    ``(peildatum, "uurtarief", table)``. Answers use it to say which dates their amounts are of."""
    global _read
    before = _read
    _read = set()
    try:
        yield _read
    finally:
        if before is not None:
            before |= _read
        _read = before


def load_bundle(source: dict | str | os.PathLike | None = None) -> dict:
    """Read a bundle: a dict as is, a path to a JSON file, or (None) the one shipped in the package."""
    if isinstance(source, dict):
        bundle = source
    else:
        naam = str(source) if source is not None else "calculator/data/bundle.json"
        try:
            tekst = Path(source).read_text(encoding="utf-8") if source is not None else _pakket_tekst()
            bundle = json.loads(tekst)
        except UnicodeDecodeError:
            raise BundleFout(f"{naam} is geen tekstbestand (geen geldige UTF-8)") from None
        except RecursionError:
            raise BundleFout(f"{naam} is geen bundel (te diep genest)") from None
        except ValueError:
            raise BundleFout(f"{naam} is geen bundel (geen geldige JSON)") from None
        except OSError as e:
            raise BundleFout(f"{naam} kan niet worden gelezen ({e.strerror or 'onbekende fout'})") from None
    if not isinstance(bundle, dict) or bundle.get("versie") != BUNDLE_VERSIE:
        raise BundleFout(f"onbekende bundelversie (verwacht {BUNDLE_VERSIE})")
    for deel in ("parameters", "tarieven", "producten", "regios", "invoer"):
        if not isinstance(bundle.get(deel), dict):
            raise BundleFout(f"de bundel mist '{deel}'")
    _controleer_vorm(bundle)
    return bundle


def _controleer_waarden(waarden: object, waar: str) -> None:
    if not isinstance(waarden, list):
        raise BundleFout(f"{waar}: 'waarden' is geen lijst")
    for w in waarden:
        if not isinstance(w, dict) or not isinstance(w.get("vanaf"), str):
            raise BundleFout(f"{waar}: een waarde zonder 'vanaf'-datum")
        if w.get("waarde") is None:
            continue
        try:
            Decimal(str(w["waarde"]))
        except ArithmeticError:
            raise BundleFout(f"{waar}: een waarde is geen getal") from None


def _controleer_vorm(bundle: dict) -> None:
    """Each value the rules read is where they expect it and a decimal, so a bad bundle fails here."""
    for sleutel, p in bundle["parameters"].items():
        if not isinstance(p, dict):
            raise BundleFout(f"parameter '{sleutel}' is geen object")
        _controleer_waarden(p.get("waarden"), f"parameter '{sleutel}'")
    for sleutel, t in bundle["tarieven"].items():
        if not isinstance(t, dict) or not isinstance(t.get("rijen"), list):
            raise BundleFout(f"tarieftabel '{sleutel}' heeft geen rijen")
        if t.get("uurtarief") is not None:
            _controleer_waarden(t["uurtarief"], f"tarieftabel '{sleutel}', uurtarief")
        for r in t["rijen"]:
            if not isinstance(r, dict) or not isinstance(r.get("id"), str):
                raise BundleFout(f"tarieftabel '{sleutel}': een rij zonder id")
            _controleer_waarden(r.get("waarden") or [], f"tarieftabel '{sleutel}', rij '{r['id']}'")
    for sleutel, p in bundle["producten"].items():
        if not isinstance(p, dict):
            raise BundleFout(f"product '{sleutel}' is geen object")
    from .invoer import invoer_deel  # invoer reads the active bundle through this module

    invoer_deel(bundle, controleer=True)


def _pakket_tekst() -> str:
    # A plain path, not importlib.resources: the core is always installed as files (also
    # in the browser), and the browser then need not load importlib.resources at start.
    pad = Path(__file__).resolve().parent / "data" / "bundle.json"
    if not pad.exists():
        raise BundleFout("calculator/data/bundle.json ontbreekt; maak hem met 'python build.py --bundle'")
    return pad.read_text(encoding="utf-8")


def gebruik(bundle: dict | str | os.PathLike | None) -> dict:
    """Make ``bundle`` the active bundle for every later call (None: reload the packaged one)."""
    global _actief
    _actief = load_bundle(bundle)
    _peilen.clear()
    return _actief


def actief() -> dict:
    """The active bundle, loaded from the package on first use."""
    global _actief
    if _actief is None:
        _actief = load_bundle(None)
    return _actief


def kies_waarde(waarden: list[dict], peildatum: date) -> tuple[dict | None, bool]:
    """The bundle entry in force on ``peildatum`` (entries sorted by ``vanaf``), see `in_werking`."""
    i, voor_eerste = in_werking([w["vanaf"] for w in waarden], peildatum.isoformat())
    return (None, False) if i is None else (waarden[i], voor_eerste)


@dataclass(frozen=True)
class Waarde:
    """A parameter or tariff value in force on the peildatum."""

    waarde: Decimal | None
    bron: dict
    vanaf: str | None
    eenheid: str | None


def uitleg(w: Waarde) -> str:
    """``minuten per week; bron 002, 4. Resultaten`` to explain a maximum in a message."""
    bron = f"bron {w.bron.get('document', '?')}, {w.bron.get('sectie', '')}".rstrip(", ") if w.bron else ""
    return "; ".join(d for d in (w.eenheid or "", bron) if d)


@dataclass(frozen=True)
class Rij:
    """One row of a tariff table with the value in force on the peildatum (``waarde`` None if absent)."""

    tabel: str
    id: str
    label: str
    product: str | None
    uren_per_jaar: str | None
    eenheid: str
    niet_in_bron: bool
    waarde: Decimal | None
    bron: dict
    vanaf: str | None
    voor_eerste: bool = False  # the peildatum lies before the first value; this is the earliest
    rolstoel: bool = False  # an aid that is a wheelchair (no eigen bijdrage, 005, 3.11)


class _Lazy(dict):
    """A dict of parameters that fills itself on first access (``__missing__``): fast repeated
    lookups. Every lookup is noted while `reading` is on."""

    def __init__(self, peildatum: date, maak) -> None:  # noqa: ANN001
        super().__init__()
        self._peildatum = peildatum
        self._maak = maak

    def __getitem__(self, sleutel: str) -> object:
        if _read is not None:
            _read.add((self._peildatum, "parameter", sleutel))
        return dict.__getitem__(self, sleutel)

    def __missing__(self, sleutel: str) -> object:
        waarde = self[sleutel] = self._maak(sleutel)
        return waarde


class Peil:
    """The bundle seen on one date. Lookups are cached, so batch work pays for them once.

    ``p.waarde_van[key]`` is the decimal value of a parameter, ``p.geheel_van[key]`` it as an int
    (for maxima), ``p.bron_van[key]`` its source and ``p.uitleg_van[key]`` its unit and source as text
    for messages (cached dicts).
    """

    def __init__(self, bundle: dict, peildatum: date) -> None:
        self.bundle = bundle
        self.peildatum = peildatum
        self._params: dict[str, Waarde] = {}
        self._rijen: dict[tuple[str, str], Rij | None] = {}
        self.waarde_van: dict[str, Decimal] = _Lazy(peildatum, lambda k: self.param(k).waarde)
        self.bron_van: dict[str, dict] = _Lazy(peildatum, lambda k: self.param(k).bron)
        self.geheel_van: dict[str, int] = _Lazy(peildatum, lambda k: int(self.param(k).waarde))
        self.uitleg_van: dict[str, str] = _Lazy(peildatum, lambda k: uitleg(self.param(k)))
        self._afgeleid: dict[Hashable, tuple[object, set[tuple]]] = {}

    def afgeleid(self, naam: Hashable, maak: Callable[[], object]) -> object:
        """A value derived from the bundle on this date (``maak()``), made once per `Peil`: every
        row of a batch on the same date shares it."""
        hit = self._afgeleid.get(naam)
        if hit is None:
            with reading() as gelezen:
                hit = self._afgeleid[naam] = (maak(), gelezen)
        elif _read is not None:
            _read.update(hit[1])  # the series it was made from count as read by this answer too
        return hit[0]

    def param(self, sleutel: str) -> Waarde:
        """The parameter ``sleutel`` (dotted key) in force on the peildatum."""
        if _read is not None:
            _read.add((self.peildatum, "parameter", sleutel))
        w = self._params.get(sleutel)
        if w is None:
            p = self.bundle["parameters"].get(sleutel)
            if p is None:
                raise BundleFout(f"parameter '{sleutel}' ontbreekt in de bundel")
            entry, _ = kies_waarde(p.get("waarden") or [], self.peildatum)
            if entry is None or entry.get("waarde") is None:
                raise BundleFout(f"parameter '{sleutel}' heeft geen waarde")
            w = Waarde(
                Decimal(entry["waarde"]), entry.get("bron") or {}, entry.get("vanaf"), p.get("eenheid")
            )
            self._params[sleutel] = w
        return w

    def waarde(self, sleutel: str) -> Decimal:
        """The decimal value of parameter ``sleutel``."""
        return self.waarde_van[sleutel]

    def tabel(self, tabel_id: str) -> dict:
        """A tariff table by id."""
        t = self.bundle["tarieven"].get(tabel_id)
        if t is None:
            raise BundleFout(f"tarieftabel '{tabel_id}' ontbreekt in de bundel")
        return t

    def rij(self, tabel_id: str, rij_id: str) -> Rij | None:
        """Row ``rij_id`` of table ``tabel_id`` (None if the table has no such row)."""
        sleutel = (tabel_id, rij_id)
        if _read is not None:
            _read.add((self.peildatum, "rij", tabel_id, rij_id))
        if sleutel not in self._rijen:
            t = self.tabel(tabel_id)
            self._rijen[sleutel] = next(
                (self._maak_rij(tabel_id, t, r) for r in t["rijen"] if r["id"] == rij_id), None
            )
        return self._rijen[sleutel]

    def rij_voor_product(self, tabel_id: str, product: str) -> Rij | None:
        """The row of ``tabel_id`` for ``product`` (by the row's product, else by its id)."""
        t = self.tabel(tabel_id)
        for r in t["rijen"]:
            if r.get("product") == product:
                return self.rij(tabel_id, r["id"])
        return self.rij(tabel_id, product)

    def tabellen(self, regio: str, regime: str) -> list[str]:
        """Ids of the tariff tables of ``regio`` with ``regime``, sorted."""
        return sorted(
            k
            for k, t in self.bundle["tarieven"].items()
            if t.get("regio") == regio and t.get("regime") == regime
        )

    def tabellen_van(self, regio: str | None) -> list[str]:
        """Ids of every tariff table of ``regio`` (empty: the sources give this region no amounts)."""
        return sorted(k for k, t in self.bundle["tarieven"].items() if t.get("regio") == regio)

    def uurtarief(self, tabel_id: str) -> Waarde | None:
        """The hourly rate of an hours-x-rate table, if it has one."""
        t = self.tabel(tabel_id)
        if _read is not None and t.get("uurtarief"):
            _read.add((self.peildatum, "uurtarief", tabel_id))
        entry, _ = kies_waarde(t.get("uurtarief") or [], self.peildatum)
        if entry is None:
            return None
        return Waarde(Decimal(entry["waarde"]), entry.get("bron") or {}, entry.get("vanaf"), t.get("eenheid"))

    def _maak_rij(self, tabel_id: str, t: dict, r: dict) -> Rij:
        entry, voor_eerste = kies_waarde(r.get("waarden") or [], self.peildatum)
        waarde = None if entry is None or entry.get("waarde") is None else Decimal(entry["waarde"])
        bron = (entry or {}).get("bron") or t.get("bron") or {}
        return Rij(
            tabel=tabel_id,
            id=r["id"],
            label=r.get("label") or r["id"],
            product=r.get("product"),
            uren_per_jaar=r.get("uren_per_jaar"),
            eenheid=r.get("eenheid") or t.get("eenheid") or "",
            niet_in_bron=bool(r.get("niet_in_bron")) or waarde is None,
            waarde=waarde,
            bron=bron,
            vanaf=(entry or {}).get("vanaf"),
            voor_eerste=voor_eerste,
            rolstoel=bool(r.get("rolstoel")),
        )


def bundle_or_active(bundle: dict | None = None) -> dict:
    """``bundle`` itself, or (None) the active bundle."""
    return actief() if bundle is None else bundle


def peil(peildatum: date, bundle: dict | None = None) -> Peil:
    """The cached `Peil` of ``bundle`` (default: the active one) on ``peildatum``."""
    b = actief() if bundle is None else bundle
    sleutel = (id(b), peildatum)
    p = _peilen.get(sleutel)
    if p is None or p.bundle is not b:
        if len(_peilen) > 4096:
            _peilen.clear()
        p = _peilen[sleutel] = Peil(b, peildatum)
    return p


def optioneel(p: Peil, sleutel: str) -> Waarde | None:
    """Parameter ``sleutel`` if the bundle has it, else None (for rules that degrade to a note)."""
    if sleutel not in p.bundle["parameters"]:
        return None
    return p.param(sleutel)


def berekend_met(bundle: dict, berekening: str, regio: str | None = None) -> list[str]:
    """The products a calculator answers (``berekening`` in their content file), by region and id;
    of one region if ``regio`` is given."""
    return [
        pid
        for pid, x in sorted(bundle["producten"].items(), key=lambda kv: (kv[1].get("regio") or "", kv[0]))
        if x.get("berekening") == berekening and (regio is None or x.get("regio") == regio)
    ]
