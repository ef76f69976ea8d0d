"""The build steps that build.py calls, each small and in order."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from calculator import clock
from catalogue import export
from catalogue.begrippen import abbr, write_abbreviations
from catalogue.load import Catalogue, load_catalogue
from catalogue.render import Renderer, rekenhulp_pages
from catalogue.tekstregels import Bronteksten, bronnen_map, check_tekstregels
from catalogue.validate import validate_catalogue

# The repository these modules belong to: the sources live beside it (../shared/bronnen/).
REPO = Path(__file__).resolve().parent.parent


class BuildAborted(Exception):
    """mkdocs refused the pages (strict mode); its warnings were printed above."""


def validate(content: Path, extra: list[Path] | tuple[Path, ...] = ()) -> Catalogue:
    """Schema per record, the rules across files, then the cited lines. Raises ContentErrors
    (or BronnenOntbreken when the source texts are not beside the repository)."""
    cat = load_catalogue(content, extra)
    validate_catalogue(cat)
    folder = bronnen_map(REPO)  # raises BronnenOntbreken, with a Dutch message
    check_tekstregels(cat, folder)
    cat.bronteksten = Bronteksten(cat, folder)
    return cat


def _write_if_changed(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def export_bundle(cat: Catalogue, target: Path) -> dict[str, Any]:
    bundle = export.build_bundle(cat)
    _write_if_changed(target, export.bundle_json(bundle))
    return bundle


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` in one rename (readers see the old file or the new one);
    an unchanged file is left alone, so its date still says when its content last changed."""
    if target.exists() and target.read_bytes() == new.read_bytes():
        new.unlink()
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(new, target)


def render_pages(
    cat: Catalogue,
    bundle: dict[str, Any],
    generated: Path,
    today: dt.date | None = None,
    cache: Path | None = None,
) -> list[str]:
    docs = generated / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    renderer = Renderer(cat, bundle, docs, today or clock.today(), cache)
    renderer.env.globals["rekenhulp_pages"] = set(rekenhulp_pages())
    renderer.env.globals["begrip"] = lambda woord, tekst=None: abbr(cat, woord, tekst)
    write_abbreviations(cat, generated)
    return renderer.render_all()


def write_downloads(cat: Catalogue, bundle_file: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    from catalogue import tabellen, xlsx

    shutil.copyfile(bundle_file, folder / "wmo-gegevens.json")
    (folder / "aanbiederseisen.json").write_text(
        json.dumps(export.eisen_json(cat), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    bronnen = tabellen.bronnen(cat)
    for tabel in tabellen.alle(cat):  # each table as CSV and, beside it, as .xlsx
        (folder / f"{tabel.naam}.csv").write_text(export.csv_text(tabel), encoding="utf-8")
        (folder / f"{tabel.naam}.xlsx").write_bytes(xlsx.werkboek(tabel, bronnen))


def site_url(config: Path) -> str:
    """The published address (mkdocs.yml ``site_url``) that absolute links need; "/" when unset, so
    links then start at the site's root."""
    import re

    # One top-level key; a full mkdocs config load would cost the build more than it tells.
    found = re.search(r"^site_url:\s*[\"']?([^\s\"'#]+)", config.read_text(encoding="utf-8"), re.MULTILINE)
    url = found.group(1) if found else "/"
    return url if url.endswith("/") else url + "/"


def write_feeds(cat: Catalogue, folder: Path, base_url: str) -> list[str]:
    """One SC 4.0 feed per municipality with products (catalogue/sc.py), into ``folder``."""
    from catalogue import sc

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, xml in sc.feeds(cat, base_url).items():
        (folder / f"{name}.xml").write_bytes(xml)
        written.append(name)
    return written


def _nav(cat: Catalogue) -> list[Any]:
    """Navigation from the content, so a new product or region needs no config edit."""
    products = []
    for key, regio in cat.regios.items():
        items = [
            {p.naam: export.product_md_path(p)}
            for p in sorted(cat.producten.values(), key=lambda p: (p.categorie, p.naam))
            if p.regio == key
        ]
        if items:
            products.append({regio.naam: items})
    tariff_regions = sorted({t.regio for t in cat.tarieven.values()})
    rekenhulp = rekenhulp_pages()
    nav: list[Any] = [
        {"Home": "index.md"},
        {"Voor wie": ["aanbieders.md", "inwoners.md", "consulenten.md"]},
        {"Producten": ["producten/index.md", *products]},
        {"Regio's": ["regios/index.md", *[f"regios/{k}.md" for k in cat.regios]]},
        {"Tarieven": ["tarieven/index.md", *[f"tarieven/{k}.md" for k in tariff_regions], "wijzigingen.md"]},
        {"Vergelijking": "vergelijking.md"},
        {"Normen": ["normenkader.md", "kengetallen.md"]},
        {
            "Lijsten en beleid": [
                "lijsten/index.md",
                *[f"lijsten/{k}.md" for k in cat.lijsten],
                *[f"beleid/{k}.md" for k in cat.teksten if k != "normenkader"],
                *[f"projecten/{p.regio}.md" for p in cat.projecten.values()],
            ]
        },
    ]
    if rekenhulp:
        nav.append({"Rekenhulp": [f"rekenhulp/{n}" for n in rekenhulp]})
    nav += [{"Begrippen": "begrippen.md"}, {"Bronnen": "bronnen.md"}, {"Downloads": "downloads.md"}]
    nav.append({"Toegankelijkheid": "toegankelijkheid.md"})
    return nav


def mkdocs_build(config: Path, cat: Catalogue, staging: Path, docs: Path | None = None) -> Path:
    """Strict build into a staging folder; a warning fails the build before anything is published.

    The hand-kept mkdocs.yml holds the theme and extensions; the navigation comes from the content.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    _show_mkdocs_warnings()

    if staging.exists():
        shutil.rmtree(staging)
    from mkdocs.exceptions import MkDocsException

    extra = {"docs_dir": str(docs)} if docs is not None else {}
    cfg = load_config(str(config), strict=True, site_dir=str(staging), nav=_nav(cat), **extra)
    try:
        build(cfg)
    except MkDocsException as exc:
        raise BuildAborted(str(exc)) from exc
    return staging


def _show_mkdocs_warnings() -> None:
    log = logging.getLogger("mkdocs")
    if not any(getattr(h, "_wmo", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._wmo = True  # type: ignore[attr-defined]
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def package_browser(site: Path, bundle: Path, cache: Path) -> None:
    """Copy the Pyodide runtime and the packaged core into the site (browser/package.py)."""
    try:
        package = importlib.import_module("browser.package")
    except ModuleNotFoundError:
        return  # the browser packaging is optional until it exists
    package.package_site(site, bundle, cache)


def publish(staging: Path, site: Path) -> None:
    old = site.with_name(f".site-old-{os.getpid()}")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    if old.exists():
        shutil.rmtree(old)
