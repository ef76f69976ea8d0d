"""Reading and checking input: every problem is collected, then raised as one `InvoerFout`.

Every message names a field by the label a person sees (``invoer.velden.<veld>.label`` in the
bundle, from content/invoer.yaml); ``veld`` keeps the key for programs. Maxima come from the same
table: a source's parameter in force on the peildatum, or the project's own plausibility bound.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from . import clock
from .errors import BundleFout, InvoerFout

ISO_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
INDEX = re.compile(r"\[[0-9]+\]")
WOORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*[A-Za-z0-9]")
GEEN_BRON = "een grens van de rekenhulp, geen norm uit de bron"


OMVANG = (
    "json_tekens",
    "diepte",
    "tekst_tekens",
    "lijst_items",
    "meldingen",
    "citaat_tekens",
    "regel_tekens",
)


def invoer_deel(bundle: dict, controleer: bool = False) -> dict:
    """The bundle's ``invoer`` part: labels, bounds and size limits (content/invoer.yaml).

    ``controleer``: check its shape in full (done once, when a bundle is loaded).
    """
    deel = bundle.get("invoer")
    if not isinstance(deel, dict) or (
        controleer
        and (
            not isinstance(deel.get("velden"), dict)
            or not isinstance(deel.get("omvang"), dict)
            or any(not isinstance(deel["omvang"].get(k), int) for k in OMVANG)
        )
    ):
        raise BundleFout("de bundel mist 'invoer' (velden en omvang uit content/invoer.yaml)")
    return deel


def velden_van(bundle: dict, soort: str) -> tuple[str, ...]:
    """The fields ``soort`` reads, in declared order (``soorten`` in content/invoer.yaml)."""
    deel = invoer_deel(bundle)
    velden = deel["velden"]
    return tuple(n for n in deel.get("volgorde", sorted(velden)) if soort in (velden[n].get("soorten") or {}))


def gebruik(bundle: dict, veld: str, soort: str | None) -> dict:
    """The declaration of ``veld`` as ``soort`` uses it: its own keys, with the soort's differences
    over them; ``opties`` are the accepted choices in order."""
    info = invoer_deel(bundle)["velden"].get(veld) or {}
    anders = (info.get("soorten") or {}).get(soort) or {}
    uit = {**info, **{k: w for k, w in anders.items() if k != "keuzes"}}
    uit["opties"] = tuple(anders.get("keuzes") or info.get("opties") or ())
    return uit


def keuze_in_zin(bundle: dict, veld: str, waarde: str) -> str:
    """How choice ``waarde`` of ``veld`` reads inside a sentence (``in_zin`` in content/invoer.yaml),
    else its label in the form, else the value itself."""
    info = invoer_deel(bundle)["velden"].get(veld) or {}
    for teksten in (info.get("in_zin"), info.get("keuzes")):
        if teksten and waarde in teksten:
            return str(teksten[waarde])
    return waarde


def omvang(bundle: dict) -> dict:
    """The input size limits: characters, nesting depth, list items, messages, excerpt length."""
    return invoer_deel(bundle)["omvang"]


# Unicode 3.2's table is in every Python (unicodedata.ucd_3_2_0, for IDNA), while str.isprintable
# follows the Python's own Unicode version: CPython 3.11 has Unicode 14, Pyodide's 3.14 Unicode 16,
# so a character assigned in between was quoted on one and replaced on the other. Hidden: what 3.2
# calls a control, format, surrogate, private-use or separator character (a space other than " "),
# the direction marks added since (061C, 2066-2069) and the noncharacters.
_VERBORGEN = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp", "Zs"})
_LATERE_RICHTINGTEKENS = frozenset("\u061c\u2066\u2067\u2068\u2069")


def _zichtbaar(c: str) -> bool:
    """Whether a quotation shows ``c`` as it is; the same answer on every Python version."""
    if c == " ":
        return True
    code = ord(c)
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE or c in _LATERE_RICHTINGTEKENS:
        return False
    return unicodedata.ucd_3_2_0.category(c) not in _VERBORGEN


def citaat(waarde: str, tekens: int) -> str:
    """A short, printable excerpt of text someone sent: never more than ``tekens`` characters,
    no control or invisible characters and no lone surrogates (those cannot be written as UTF8),
    decided alike on CPython and Pyodide (see _zichtbaar)."""
    kort = waarde[:tekens]
    schoon = "".join(c if _zichtbaar(c) else "\ufffd" for c in kort)
    return f'"{schoon}…"' if len(waarde) > tekens else f'"{schoon}"'


def toon(waarde: object, tekens: int) -> str:
    """How a message shows a value that was sent: short, in words a person understands."""
    if isinstance(waarde, str):
        return citaat(waarde, tekens)
    if waarde is None:
        return "leeg (null)"
    if isinstance(waarde, bool):
        return "ja (true)" if waarde else "nee (false)"
    if isinstance(waarde, int):
        try:
            tekst = str(waarde)
        except ValueError:  # more digits than Python writes out
            return "een heel groot getal"
        return tekst if len(tekst) <= tekens else "een heel groot getal"
    if isinstance(waarde, float) and abs(waarde) == float("inf"):  # more than a float holds (1e400)
        return "een heel groot getal" if waarde > 0 else "een heel groot negatief getal"
    if isinstance(waarde, (float, Decimal)):
        # In Dutch notation (1,5), as a person writes it.
        tekst = repr(waarde) if isinstance(waarde, float) else str(waarde)
        return citaat(tekst, tekens).strip('"').replace(".", ",")
    if isinstance(waarde, (list, tuple)):
        return "een lijst"
    if isinstance(waarde, dict):
        return "een object"
    return "een onbekend soort waarde"


def label(velden: dict, veld: str) -> str:
    """The label a person sees for ``veld`` (``kinderen[1].leeftijd`` -> ``Kind 2: Leeftijd (jaren)``)."""
    if "." in veld and veld.startswith("kinderen["):
        lijst, _, rest = veld.partition(".")
        nummer = int(INDEX.search(lijst).group(0)[1:-1]) + 1
        return f"Kind {nummer}: {label(velden, 'kinderen.' + rest)}"
    m = INDEX.search(veld)
    if m and veld.startswith("kinderen[") and veld.endswith("]"):
        return f"Kind {int(m.group(0)[1:-1]) + 1}"
    if m:
        basis = veld[: m.start()]
        return f"{label(velden, basis)}, nummer {int(m.group(0)[1:-1]) + 1}"
    info = velden.get(veld)
    if isinstance(info, dict) and info.get("label"):
        return str(info["label"])
    # A field without a label (an old bundle): its name in words, never the raw key.
    naam = veld.rsplit(".", 1)[-1].replace("_", " ")
    return naam[:1].upper() + naam[1:]


def beperk(fouten: list[dict], meldingen: int) -> list[dict]:
    """At most ``meldingen`` messages; the rest summed up in one, so a flood of bad input stays small."""
    if len(fouten) <= meldingen:
        return fouten
    rest = len(fouten) - (meldingen - 1)
    return fouten[: meldingen - 1] + [
        {"veld": None, "melding": f"En nog {rest} andere problemen met de invoer (niet allemaal getoond)."}
    ]


class Gelezen(dict):
    """A question's fields as read, under their declared names (``s["duur_maanden"]``), and its `Peil`."""

    def __init__(self, peil: object, waarden: dict | None = None) -> None:
        super().__init__(waarden or {})
        self.peil = peil


_GEGEVEN = object()  # no value passed: the declaration decides


class Velden:
    """Reads the fields of one input object, collecting every problem found.

    ``bundle`` gives the labels, bounds and size limits; call `gebruik_peil` once the peildatum is
    known, so maxima that come from a source's parameter are the ones in force on that date.
    `voor` makes one for a soort, accepting the fields content/invoer.yaml declares for it; `lees`
    reads a field as declared (type, default, required, choices, bounds).
    """

    soort: str | None = None

    @classmethod
    def voor(cls, invoer: object, soort: str, bundle: dict | None = None) -> Velden:
        """The fields of a question of ``soort``: the ones declared for it, no others."""
        if bundle is None:
            from .data import actief

            bundle = actief()
        v = cls(invoer, velden_van(bundle, soort), bundle)
        v.soort = soort
        return v

    def __init__(
        self, invoer: object, toegestaan: Iterable[str], bundle: dict | None = None, voorvoegsel: str = ""
    ) -> None:
        if bundle is None:
            from .data import actief  # data imports this module; the active bundle is needed only here

            bundle = actief()
        self.fouten: list[dict] = []
        self._peildatum: date | None = None
        self.voorvoegsel = voorvoegsel
        self.toegestaan = tuple(toegestaan)
        deel = invoer_deel(bundle)
        self.velden: dict = deel["velden"]
        self.omvang: dict = deel["omvang"]
        self.bundle = bundle
        self.peil = None
        self._grenzen: dict | None = None  # the peil's cache of bounds (see grens)
        self._schema_voor = INDEX.sub("", voorvoegsel)  # kinderen[3]. -> kinderen.
        toegestane = frozenset(self.toegestaan)
        if not isinstance(invoer, dict):
            naam = voorvoegsel.rstrip(".") or None
            wat = f"{self.label(naam)} moet" if naam else "De invoer moet"
            self.fout_los(naam, f"{wat} een object zijn met velden, niet {self.toon(invoer)}.")
            invoer = {}
        self.invoer: dict = invoer
        onbekend = [k for k in invoer if k not in toegestane]
        getoond = self.omvang["meldingen"]
        waar = f"{self.label(voorvoegsel.rstrip('.'))}: o" if voorvoegsel else "O"
        for sleutel in onbekend[:getoond]:
            tekst = sleutel if isinstance(sleutel, str) else str(sleutel)
            self.fout_los(
                self.naam(citaat(tekst, self.omvang["citaat_tekens"]).strip('"')),
                f"{waar}nbekend veld {self.toon(tekst)}: deze berekening gebruikt dit veld niet.",
            )
        if len(onbekend) > getoond:
            self.fout_los(
                None, f"En nog {len(onbekend) - getoond} onbekende velden; deze berekening gebruikt ze niet."
            )

    def gebruik_peil(self, peil: object) -> None:
        """The `Peil` (values in force on the peildatum) for maxima from a source's parameter.

        Optional: without it the first maximum that needs one takes the peildatum read by `datum`.
        """
        self.peil = peil
        self._grenzen = None

    def _peil(self) -> object:
        if self.peil is None:
            from .data import peil

            self.peil = peil(self._peildatum or clock.today(), self.bundle)
        return self.peil

    def mens(self, tekst: str) -> str:
        """A message in the words a person reads: field keys, option values and product ids that a
        message names (``1_persoon``, ``extra_schoonmaak_minuten``, ``ho-light``) become their labels."""
        return WOORD.sub(self._vertaal, tekst)

    def _vertaal(self, m: re.Match) -> str:
        woord = m.group(0)
        regio = (self.bundle.get("regios") or {}).get(woord)
        if isinstance(regio, dict) and regio.get("naam"):
            return str(regio["naam"])
        if "_" not in woord and "-" not in woord:
            return woord
        info = self.velden.get(woord)
        if isinstance(info, dict) and info.get("label"):
            return str(info["label"])
        for veld in self.velden.values():
            keuzes = veld.get("keuzes") if isinstance(veld, dict) else None
            if keuzes and woord in keuzes:
                return str(keuzes[woord])
        product = (self.bundle.get("producten") or {}).get(woord)
        if isinstance(product, dict) and product.get("naam"):
            return str(product["naam"])
        return woord

    def naam(self, veld: str) -> str:
        """The full field name (with the prefix of a nested object), the key for programs."""
        return f"{self.voorvoegsel}{veld}"

    def label(self, veld: str | None) -> str:
        """The label a person sees for ``veld`` (a full name)."""
        return label(self.velden, veld or "")

    def toon(self, waarde: object) -> str:
        return toon(waarde, self.omvang["citaat_tekens"])

    def keuze_tekst(self, veld: str, waarde: str, teksten: dict | None = None) -> str:
        """What a person reads for option ``waarde`` of ``veld`` (``teksten`` overrides the table)."""
        info = self.velden.get(veld) or {}
        if not teksten and veld == "regio":  # regions by the names the site shows
            teksten = {k: r.get("naam", k) for k, r in (self.bundle.get("regios") or {}).items()}
        teksten = teksten or info.get("keuzes") or {}
        return str(teksten.get(waarde, waarde.replace("_", " ")))

    def fout(self, veld: str, melding: str) -> None:
        """Record a problem with ``veld``; ``melding`` is a predicate, the field's label is put before it."""
        naam = self.naam(veld)
        self.fouten.append({"veld": naam, "melding": f"{self.label(naam)} {self.mens(melding)}"})

    def fout_los(self, veld: str | None, melding: str) -> None:
        """Record a problem whose message already names what it is about."""
        self.fouten.append({"veld": veld, "melding": melding})

    def aanwezig(self, veld: str) -> bool:
        """Whether ``veld`` was given (``null`` counts as not given)."""
        return self.invoer.get(veld) is not None

    def grens(self, veld: str) -> tuple[int, int | None, str]:
        """Minimum and maximum of ``veld`` in force, and how a message explains the maximum.

        Cached on the `Peil`, as the bounds on one date are the same for every row of a batch.
        """
        naam = self._schema_voor + veld
        cache = self._grenzen
        if cache is None:
            cache = self._grenzen = self._peil().afgeleid("invoer_grenzen", dict)
        gevonden = cache.get(naam)
        if gevonden is None:
            gevonden = cache[naam] = self._bereken_grens(naam)
        return gevonden

    def _bereken_grens(self, naam: str) -> tuple[int, int | None, str]:
        schema = self.velden.get(naam) or {}
        minimum = int(schema.get("minimum", 0))
        m = schema.get("maximum")
        if not m:
            return minimum, None, ""
        if m.get("parameter"):
            p = self._peil()
            sleutel = m["parameter"]
            waarde = p.geheel_van[sleutel] - (1 if m.get("kleiner_dan") else 0)
            return minimum, waarde, p.uitleg_van[sleutel]
        return minimum, int(Decimal(m["waarde"])), GEEN_BRON

    def lees(self, veld: str, standaard: object = _GEGEVEN, *, verplicht: bool | None = None) -> object:
        """``veld`` read as content/invoer.yaml declares it for this soort.

        ``standaard``/``verplicht`` given by the caller take precedence where the rule decides them
        (a default region from the bundle, a field required only with a certain product).
        """
        g = gebruik(self.bundle, self._schema_voor + veld, self.soort)
        if standaard is _GEGEVEN:
            standaard = g.get("standaard")
        if verplicht is None:
            verplicht = bool(g.get("verplicht"))
        soort = g.get("type")
        if soort == "heel":
            return self.heel(veld, standaard, verplicht=verplicht)
        if soort == "ja_nee":
            return self.jn(veld, standaard)
        if soort == "keuze":
            if g.get("keuzes_uit") == "regios":
                namen = {k: r.get("naam", k) for k, r in sorted(self.bundle["regios"].items())}
                return self.keuze(veld, namen, standaard, verplicht=verplicht, teksten=namen)
            return self.keuze(veld, g["opties"], standaard, verplicht=verplicht)
        if soort == "datum":
            return self.datum(veld, standaard)
        if soort == "lijst":
            return self._lees_lijst(veld)
        if soort == "tekst":
            waarde = self.invoer.get(veld)
            return standaard if waarde is None else waarde
        raise BundleFout(f"het veld '{veld}' heeft geen bekend type in content/invoer.yaml")

    def _lees_lijst(self, veld: str) -> list:
        """A list; a list of objects (nested fields ``veld.x`` declared) is read item by item."""
        items = self.lijst(veld)
        basis = self._schema_voor + veld + "."
        deel = invoer_deel(self.bundle)
        namen = [n[len(basis) :] for n in deel.get("volgorde", sorted(self.velden)) if n.startswith(basis)]
        if not namen:
            return items
        uit = []
        for i, item in enumerate(items):
            k = Velden(item, namen, self.bundle, voorvoegsel=f"{self.voorvoegsel}{veld}[{i}].")
            k.peil, k._peildatum = self.peil, self._peildatum
            gelezen = {n: k.lees(n) for n in namen}
            self.fouten.extend(k.fouten)
            uit.append(gelezen)
        return uit

    def heel(
        self,
        veld: str,
        standaard: int | None = 0,
        *,
        verplicht: bool = False,
        minimum: int | None = None,
        maximum: int | None = None,
        max_uitleg: str | Callable[[], str] = "",
    ) -> int | None:
        """A whole number between the field's minimum and maximum (both from the labels table).

        ``minimum``/``maximum``/``max_uitleg`` given by the caller take precedence (older callers).
        """
        waarde = self.invoer.get(veld)
        standaard_min, standaard_max, uitleg = self.grens(veld)
        if minimum is None:
            minimum = standaard_min
        if maximum is None:
            maximum = standaard_max
        elif max_uitleg:
            uitleg = max_uitleg() if callable(max_uitleg) else max_uitleg
        if waarde is None:
            if verplicht:
                self.fout(veld, f"is verplicht (een heel getal van {minimum} of meer).")
            return standaard
        if isinstance(waarde, bool):  # a number of people is no yes or no (JSON's true is an int in Python)
            self.fout(veld, f"moet een heel getal zijn, geen ja of nee (ontvangen: {self.toon(waarde)}).")
            return standaard
        if not isinstance(waarde, int):
            self.fout(veld, f"moet een heel getal zijn (ontvangen: {self.toon(waarde)}).")
            return standaard
        if waarde < minimum:
            soort = "negatief zijn" if minimum == 0 else f"kleiner zijn dan {minimum}"
            self.fout(veld, f"mag niet {soort} (ontvangen: {self.toon(waarde)}).")
            return standaard
        if maximum is not None and waarde > maximum:
            extra = f" ({uitleg})" if uitleg else ""
            self.fout(veld, f"mag hoogstens {maximum} zijn{extra}; ontvangen: {self.toon(waarde)}.")
            return standaard
        return waarde

    def jn(self, veld: str, standaard: bool | None = False) -> bool | None:
        """A yes/no value (JSON true/false)."""
        waarde = self.invoer.get(veld)
        if waarde is None:
            return standaard
        if not isinstance(waarde, bool):
            self.fout(veld, f"moet ja (true) of nee (false) zijn (ontvangen: {self.toon(waarde)}).")
            return standaard
        return waarde

    def kies_uit(self, veld: str, opties: Iterable[str], teksten: dict | None = None) -> str:
        """``; kies uit: a, b, c.`` in the words a person reads."""
        namen = [f'"{self.keuze_tekst(veld, o, teksten)}"' for o in opties]
        lijst = ", ".join(namen[:-1]) + " of " + namen[-1] if len(namen) > 1 else "".join(namen)
        return f"; kies uit: {lijst}."

    def keuze(
        self,
        veld: str,
        opties: Iterable[str],
        standaard: str | None,
        *,
        verplicht: bool = False,
        teksten: dict | None = None,
    ) -> str | None:
        """One of ``opties`` (a string); ``teksten`` names the options where the table does not."""
        opties = tuple(opties)
        waarde = self.invoer.get(veld)
        if waarde is None:
            if verplicht:
                self.fout(veld, "is verplicht" + self.kies_uit(veld, opties, teksten))
            return standaard
        if self._te_lang(veld, waarde):
            return standaard
        if not isinstance(waarde, str) or waarde not in opties:
            self.fout(
                veld, f"heeft een onbekende keuze {self.toon(waarde)}" + self.kies_uit(veld, opties, teksten)
            )
            return standaard
        return waarde

    def _te_lang(self, veld: str, waarde: object) -> bool:
        """Text longer than the size limit: reported as such (with a short excerpt), not compared."""
        grens = self.omvang["tekst_tekens"]
        if isinstance(waarde, str) and len(waarde) > grens:
            self.fout(veld, f"is te lang: hoogstens {grens} tekens (ontvangen: {self.toon(waarde)}).")
            return True
        return False

    def datum(self, veld: str = "peildatum", standaard: date | None = None) -> date:
        """An ISO date (``2026-01-01``); default ``standaard`` or today."""
        waarde = self.invoer.get(veld)
        if self._te_lang(veld, waarde):
            return standaard or clock.today()
        if waarde is None:
            self._peildatum = standaard or clock.today()
            return self._peildatum
        if isinstance(waarde, date):
            self._peildatum = waarde
            return waarde
        if isinstance(waarde, str) and ISO_DATUM.fullmatch(waarde):
            try:
                self._peildatum = date.fromisoformat(waarde)
                return self._peildatum
            except ValueError:  # written right, but no such day (2026-02-29, 2026-13-01)
                self.fout(veld, f"{self.toon(waarde)} bestaat niet als datum; kies een bestaande dag.")
                return clock.today()
        self.fout(
            veld,
            f"moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld 2026-01-01 (ontvangen: {self.toon(waarde)}).",
        )
        return clock.today()

    def lijst(self, veld: str) -> list:
        """A list (default empty), at most as long as the field's maximum allows."""
        waarde = self.invoer.get(veld)
        if waarde is None:
            return []
        if not isinstance(waarde, list):
            self.fout(veld, f"moet een lijst zijn (ontvangen: {self.toon(waarde)}).")
            return []
        _, maximum, uitleg = self.grens(veld)
        if maximum is None:
            maximum, uitleg = self.omvang["lijst_items"], GEEN_BRON
        if len(waarde) > maximum:
            self.fout(veld, f"mag hoogstens {maximum} items hebben ({uitleg}); ontvangen: {len(waarde)}.")
            return []
        return waarde

    def klaar(self) -> None:
        """Raise `InvoerFout` with every problem collected (at most the size limit's number), if any."""
        if self.fouten:
            raise InvoerFout(beperk(self.fouten, self.omvang["meldingen"]))
