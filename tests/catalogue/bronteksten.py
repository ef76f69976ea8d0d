"""Read the facts the tests count straight from the source texts, never from our own content."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import yaml

# Which file holds which source: content/bronnen.yaml says it (``bestand``); a new source needs no edit.
SOURCE_FILES = {
    k: d["bestand"]
    for k, d in yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "content" / "bronnen.yaml").read_text(encoding="utf-8")
    ).items()
}


def text(bronnen: Path, doc: str) -> str:
    return (bronnen / SOURCE_FILES[doc]).read_text(encoding="utf-8")


def section(full: str, start: str, end: str | None) -> str:
    i = full.index(start)
    j = full.index(end, i) if end else len(full)
    return full[i:j]


def productnamen(chunk: str) -> list[str]:
    """Names after each 'Productnaam:' label (the name may be on the next line)."""
    names = []
    for m in re.finditer(r"Productnaam:\s*\n?\s*(.+?)\s*(?:\n|$)", chunk):
        name = re.sub(r"\[\d+\]|\(perce(?:el|len) [\d, en]+\)", "", m.group(1), flags=re.I).strip()
        names.append(re.sub(r"\s+", " ", name))
    return names


def westfriesland_producten(full: str) -> list[str]:
    """Each product page in 001 starts with its segment in capitals, then the product's name."""
    names = []
    lines = full.splitlines()
    for i, line in enumerate(lines[:-1]):
        if re.fullmatch(r"\s*[A-Z][A-Z ]+", line) and len(line.strip()) > 5:
            nxt = lines[i + 1].strip()
            if nxt and len(nxt) < 60 and not nxt.endswith(".") and not nxt.startswith("Het perceel"):
                names.append(nxt)
    return names


def beschermd_wonen_producten(full: str) -> list[str]:
    chunk = section(full, "Bijlage 10", "Bijlage 11")
    return [
        m.group(1).strip()
        for m in re.finditer(
            r"^(Beschermd Wonen|Beschermd Thuis (?:Zwaar|Midden|Licht)|Aanvullende bouwsteen [^\n]+?)\s*$",
            chunk,
            re.MULTILINE,
        )
    ]


def amounts(chunk: str) -> list[Decimal]:
    """Every euro amount printed in a chunk, as exact decimals ('€ 1.297,21' -> 1297.21)."""
    found = re.findall(r"€\s*([\d.]+,\d{2})", chunk)
    return [Decimal(a.replace(".", "").replace(",", ".")) for a in found]
