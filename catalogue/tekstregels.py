"""Cited lines of the source texts: read them from ../shared/bronnen/, check the figure is there.

The repository holds only the references (`tekstregels: "212-215"` in a `bron`); the build reads
the lines from the sources folder beside it, checks that each cited figure is printed in them and
quotes them on the sources page. Without that folder the build stops.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalogue import schema as s
from catalogue.errors import ContentError, ContentErrors

if TYPE_CHECKING:
    from catalogue.load import Catalogue

# A quotation is a passage, never a page of the document.
MAX_REGELS = 12

# A number as the sources print it: "1.297,21", "71,51", "243,94", "43.5", "125".
_GETAL = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d,])|(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])")


class BronnenOntbreken(Exception):
    """The folder with the source texts is missing: the build cannot check or quote any line."""


def bronnen_map(repo: Path) -> Path:
    """The sources folder: ``WMO_BRONNEN`` if set, else ``shared/bronnen`` beside the repository."""
    env = os.environ.get("WMO_BRONNEN")
    folder = Path(env) if env else repo.resolve().parent / "shared" / "bronnen"
    if not folder.is_dir():
        raise BronnenOntbreken(
            f"De map met de brondocumenten ({folder}) ontbreekt. De bouw leest de geciteerde "
            "tekstregels uit ../shared/bronnen/ (naast de repository) of uit de map in de "
            "omgevingsvariabele WMO_BRONNEN; zet de brondocumenten daar en bouw opnieuw. "
            "Er is niets gepubliceerd."
        )
    return folder


def bereik(tekstregels: str) -> tuple[int, int]:
    """'212-215' -> (212, 215); '212' -> (212, 212)."""
    van, _, tot = tekstregels.partition("-")
    return int(van), int(tot or van)


def getallen(tekst: str) -> set[Decimal]:
    """Every number printed in a text, read the Dutch way ("1.297,21") and, for a lone point
    between digits that is not a thousands group, as a decimal point ("43.5")."""
    out: set[Decimal] = set()
    for token in _GETAL.findall(tekst):
        kandidaten = [token.replace(".", "").replace(",", ".")]
        if "," not in token and token.count(".") == 1:
            kandidaten.append(token)
        for k in kandidaten:
            try:
                out.add(Decimal(k))
            except InvalidOperation:
                continue
    return out


def getal_nl(waarde: Decimal) -> str:
    """The figure as a message names it, in the sources' own notation: 71,51."""
    return format(waarde, "f").replace(".", ",")


@dataclass(frozen=True)
class Citaat:
    """The cited lines of one document, as the sources page quotes them."""

    document: str
    van: int
    tot: int
    regels: tuple[str, ...]


class Bronteksten:
    """The source texts, read once per build, by document id."""

    def __init__(self, cat: Catalogue, folder: Path) -> None:
        self.cat, self.folder = cat, folder
        self._lines: dict[str, list[str] | None] = {}

    def regels(self, document: str) -> list[str] | None:
        if document not in self._lines:
            doc = self.cat.bronnen.get(document)
            path = self.folder / doc.bestand if doc else None
            self._lines[document] = (
                path.read_text(encoding="utf-8").splitlines() if path and path.is_file() else None
            )
        return self._lines[document]

    def citaat(self, bron: s.Bron) -> Citaat | None:
        """The lines a bron cites, or None when it names none (or they are not in the text)."""
        if bron.tekstregels is None:
            return None
        lines = self.regels(bron.document)
        van, tot = bereik(bron.tekstregels)
        if lines is None or not (1 <= van <= tot <= len(lines)):
            return None
        return Citaat(bron.document, van, tot, tuple(lines[van - 1 : tot]))


def _figuren(cat: Catalogue):
    """(file, field, value, bron, conventie) for every figure with a number in the content."""
    for key, prm in cat.parameters.items():
        for day, dv in prm.leaf.waarden.items():
            yield prm.file, f"{key}.waarden.{day}", dv, prm.leaf.conventie is not None
    for tid, t in cat.tarieven.items():
        file = cat.tarief_files[tid]
        for day, dv in (t.uurtarief or {}).items():
            yield file, f"uurtarief.{day}", dv, False
        for i, r in enumerate(t.rijen):
            for day, dv in r.waarden.items():
                yield file, f"rijen.{i}.waarden.{day}", dv, False


def check_citation(
    teksten: Bronteksten, bron: s.Bron, waarde: Decimal | None, file: str, field: str
) -> ContentError | None:
    """One cited passage: its lines exist, stay short and (for a figure) print the figure."""
    assert bron.tekstregels is not None
    veld = f"{field}.bron.tekstregels"
    doc = teksten.cat.bronnen.get(bron.document)
    lines = teksten.regels(bron.document)
    if doc is None:
        return None  # an unknown document is reported by check_bron
    if lines is None:
        return ContentError(
            file, veld, f"het bestand {doc.bestand} van bron {bron.document} staat niet in de bronnenmap"
        )
    van, tot = bereik(bron.tekstregels)
    if van > tot or tot > len(lines):
        return ContentError(
            file, veld, f"regels {bron.tekstregels} bestaan niet in {doc.bestand} ({len(lines)} regels)"
        )
    if tot - van + 1 > MAX_REGELS:
        return ContentError(file, veld, f"regels {bron.tekstregels}: citeer hoogstens {MAX_REGELS} regels")
    if waarde is not None and waarde not in getallen("\n".join(lines[van - 1 : tot])):
        return ContentError(
            file,
            veld,
            f"het getal {getal_nl(waarde)} staat niet in regels {bron.tekstregels} van {doc.bestand} "
            f"(bron {bron.document}, {bron.sectie})",
        )
    return None


def _check_other_citations(cat: Catalogue, teksten: Bronteksten) -> list[ContentError]:
    """Products, lists and texts may cite lines too (no figure to find): the lines must exist."""
    from catalogue.bronverwijzing import citations

    out = []
    for c in citations(cat):
        if c.bron.tekstregels and c.soort not in ("kengetal", "tarieftabel", "uurtarief"):
            fout = check_citation(teksten, c.bron, None, f"{c.soort} {c.naam}", "bron")
            if fout:
                out.append(fout)
    return out


def check_tekstregels(cat: Catalogue, folder: Path) -> None:
    """Every figure of the main content names its lines, and they print it. Raises ContentErrors."""
    teksten = Bronteksten(cat, folder)
    errors: list[ContentError] = []
    for file, field, dv, conventie in _figuren(cat):
        bron = dv.bron
        if bron is None or bron.document in cat.extra_bronnen:
            continue  # a missing bron is reported elsewhere; an extra folder's text is not a source
        if bron.tekstregels is None:
            errors.append(
                ContentError(
                    file,
                    f"{field}.bron.tekstregels",
                    f"tekstregels ontbreken: noem de regels van bron {bron.document} waar "
                    f"{getal_nl(dv.waarde)} staat",
                )
            )
            continue
        # A calculation convention (52 weeks) is ours: its lines show the passage, not the figure.
        fout = check_citation(teksten, bron, None if conventie else dv.waarde, file, field)
        if fout:
            errors.append(fout)
    errors += _check_other_citations(cat, teksten)
    if errors:
        raise ContentErrors(errors)


def _mark(line: str, figuren: set[Decimal]) -> str:
    """One source line as HTML, every number that is a cited figure wrapped in <mark>."""
    out, last = [], 0
    for m in _GETAL.finditer(line):
        if getallen(m.group()) & figuren:
            out += [html.escape(line[last : m.start()]), f"<mark>{html.escape(m.group())}</mark>"]
            last = m.end()
    out.append(html.escape(line[last:]))
    return "".join(out)


def citaat_html(q: Any, document: str, titel: str, sectie: str) -> str:
    """A quotation for the sources page, on one line so Markdown passes it through as one block:
    the cited lines (blank ones left out), the figures marked, with document, section and lines."""
    regels = "<br>".join(_mark(r.strip(), q.figuren) for r in q.regels if r.strip())
    van, tot = bereik(q.tekstregels)
    waar = f"regel {van}" if van == tot else f"regels {van} tot en met {tot}"
    wat = "; ".join(html.escape(w) for w in q.wat)
    eigen = " Het getal zelf is een eigen rekenafspraak; deze regels vragen erom." if q.conventie else ""
    klasse = "bron-citaat bron-citaat-conventie" if q.conventie else "bron-citaat"
    return (
        f'<blockquote class="{klasse}" id="{q.anchor}" tabindex="-1">'
        f'<p class="bron-citaat-tekst">{regels}</p>'
        f"<footer>Bron {html.escape(document)}, {html.escape(titel)}, {html.escape(sectie)}, {waar}. "
        f"Hierop steunt: {wat}.{eigen}</footer></blockquote>"
    )
