"""The glossary (content/begrippen.yaml) as mkdocs-material abbreviations: one tooltip per spelling.

The generated file is appended to every page by pymdownx.snippets (``auto_append`` in mkdocs.yml),
so a term is explained wherever a page uses it, from this one list.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.load import Catalogue

# Outside docs_dir on purpose: inside it, mkdocs would publish the definitions as a page.
ABBREVIATIONS = Path("includes") / "begrippen.md"


def one_line(text: str) -> str:
    return " ".join(text.split())


def abbreviations(cat: Catalogue) -> str:
    """``*[pgb]: Persoonsgebonden budget: ...`` for every spelling of every term."""
    lines = [
        f"*[{woord}]: {one_line(begrip.uitleg)}"
        for begrip in cat.begrippen.values()
        for woord in begrip.woorden
    ]
    return "\n".join(lines) + "\n"


def write_abbreviations(cat: Catalogue, generated: Path) -> Path:
    target = generated / ABBREVIATIONS
    target.parent.mkdir(parents=True, exist_ok=True)
    text = abbreviations(cat)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target
