"""The national names a catalogue uses, read from source 006 itself at build time: the OWMS name
URI of each municipality (006, 2) and the UPL names with their URIs (006, 3).

Reading the source text, not a copy in content/, means the build refuses a URI that 006 does not
list: a typing error in content/regios.yaml or a UPL name that 006 does not give stops the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# The source that holds the national catalogue agreements (content/bronnen.yaml).
DOCUMENT = "006"
_OWMS = "2. Officiële namen van gemeenten (OWMS)"
_UPL = "3. Uniforme Productnamenlijst (UPL)"
_URI = r"(http://standaarden\.overheid\.nl/owms/terms/\S+)"


@dataclass(frozen=True)
class UplNaam:
    naam: str
    uri: str
    grondslag: str  # as 006 states it ("Wmo 2015 art. 2.3.1", "geen grondslag vermeld")


@dataclass(frozen=True)
class Afspraken:
    owms: dict[str, str]  # municipality name -> OWMS URI
    upl: dict[str, UplNaam]  # UPL name -> its entry


def bronnen_map(content: Path) -> Path | None:
    """The folder with the source texts: ``shared/bronnen`` beside the repository (as in CI), found
    from the content folder or, for content copied elsewhere, from this package's repository."""
    for base in (*content.resolve().parents, *Path(__file__).resolve().parents):
        candidate = base / "shared" / "bronnen"
        if candidate.is_dir():
            return candidate
    return None


def _sectie(text: str, kop: str) -> str:
    """The lines of one numbered section, up to the next section heading."""
    start = text.index(kop)
    nxt = re.search(r"^\d+\. ", text[start + len(kop) :], re.MULTILINE)
    return text[start : start + len(kop) + nxt.start()] if nxt else text[start:]


def lees(text: str) -> Afspraken:
    """The OWMS and UPL lists as 006 prints them: one name and its URI per line (006, 2 and 3)."""
    owms = {
        m.group(1).strip(): m.group(2)
        for m in re.finditer(rf"^\s+(\S.*?)\s{{2,}}{_URI}\s*$", _sectie(text, _OWMS), re.MULTILINE)
    }
    upl = {
        m.group(1).strip(): UplNaam(m.group(1).strip(), m.group(2), m.group(3).strip())
        for m in re.finditer(rf"^\s+(\S.*?)\s{{2,}}{_URI}\s+\((.+)\)\s*$", _sectie(text, _UPL), re.MULTILINE)
    }
    return Afspraken(owms, upl)


def lees_bestand(content: Path, bestand: str) -> Afspraken | None:
    """The lists from the source file next to the repository, or None when the file is not there."""
    folder = bronnen_map(content)
    if folder is None or not (folder / bestand).is_file():
        return None
    return lees((folder / bestand).read_text(encoding="utf-8"))
