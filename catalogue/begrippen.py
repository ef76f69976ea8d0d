"""The glossary (content/begrippen.yaml) as mkdocs-material abbreviations: one tooltip per spelling.

The generated file is appended to every page by pymdownx.snippets (``auto_append`` in mkdocs.yml),
so a term is explained wherever a page uses it, from this one list.
"""

from __future__ import annotations

import html
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


def abbr(cat: Catalogue, woord: str, tekst: str | None = None) -> str:
    """``<abbr title="uitleg">woord</abbr>`` for raw HTML (form labels), where Markdown's abbreviations
    do not reach; the same glossary text, so the theme's tooltip says the same everywhere.

    An unknown word stops the build: a template must not explain a term the glossary lacks.
    """
    for begrip in cat.begrippen.values():
        if woord in begrip.woorden:
            uitleg = html.escape(one_line(begrip.uitleg), quote=True)
            return f'<abbr title="{uitleg}">{html.escape(tekst or woord)}</abbr>'
    raise KeyError(f"'{woord}' staat niet in content/begrippen.yaml (woorden)")
