"""Render the catalogue into Markdown pages for mkdocs, with Jinja2 templates."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2

from calculator.invoer import gebruik
from calculator.waarschuwingen import na_laatste
from catalogue import catalogusafspraken
from catalogue import schema as s
from catalogue.bronverwijzing import bron_anchor, cited_sections, datum_in_bron, quotations, section_anchor
from catalogue.export import product_dict, product_md_path
from catalogue.formatting import aantal, datum, euro_pagina, getal_nl
from catalogue.load import Catalogue
from catalogue.sc import slug as sc_slug
from catalogue.tabellen import EISEN
from catalogue.tekstregels import citaat_html
from catalogue.vergelijking import eisen_per_thema, first_tariff
from catalogue.vergelijking import groups as comparison_groups
from catalogue.wijzigingen import Reeks, met_geschiedenis, wijzigingen_per_datum

TEMPLATES = Path(__file__).parent / "templates"
PYPROJECT = Path(__file__).parent.parent / "pyproject.toml"


def bonnetje(bundle: dict[str, Any]) -> dict[str, str]:
    """The receipt a consultant's printout carries (the RegelRecht execution-receipt idea): the site's
    version and the SHA-256 of the data bundle, hashed as the core hashes the bundle it runs on
    (calculator.herindicatie.bundel_sha256: the JSON with sorted keys), so the two can be compared."""
    versie = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    tekst = json.dumps(json.loads(json.dumps(bundle)), sort_keys=True, ensure_ascii=False)
    return {
        "site_versie": versie,
        "bundel_versie": str(bundle.get("versie")),
        "bundel_sha256": hashlib.sha256(tekst.encode()).hexdigest(),
    }


EURO_SPATIE = re.compile(r"€ (?=[\d.,-])")


@dataclass
class Tariefregel:
    """One tariff row as it appears on a product card."""

    table: s.TariefTabel
    row: s.TariefRij
    day: dt.date | None
    value: Decimal | None
    bron: s.Bron


def rekenhulp_pages() -> list[str]:
    """The rekenhulp pages that exist as templates, index first (for rendering, links and nav)."""
    names = sorted(p.name.removesuffix(".j2") for p in (TEMPLATES / "rekenhulp").glob("*.md.j2"))
    return sorted(names, key=lambda n: n != "index.md")


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


# Tables in the order of what they price: the product categories as listed, aids before beschermd wonen.
TOPICS = (*(c for c in s.CATEGORIES if c != "beschermd-wonen"), "hulpmiddel", "beschermd-wonen")


def table_order(cat: Catalogue) -> Callable[[s.TariefTabel], tuple[int, int, str]]:
    """The sort key of a table: its topic (the category of the products its rows price; aids by their
    regime), then its regime, then its id. No region's ids are read: a new municipality sorts the same."""

    def key(t: s.TariefTabel) -> tuple[int, int, str]:
        categorieen = [cat.producten[r.product].categorie for r in t.rijen if r.product in cat.producten]
        onderwerp = next(iter(categorieen), "hulpmiddel")  # a table without product rows: aids
        plek = TOPICS.index(onderwerp) if onderwerp in TOPICS else len(TOPICS)
        return plek, list(s.REGIMES).index(t.regime), t.id

    return key


class Renderer:
    def __init__(
        self, cat: Catalogue, bundle: dict[str, Any], out: Path, today: dt.date, cache: Path | None = None
    ) -> None:
        self.cat = cat
        self.bundle = bundle
        self.out = out
        self.today = today
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=False,  # Markdown output; texts are our own content, not user input
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # Compiling the templates is most of the render time; keep the bytecode between builds.
            bytecode_cache=_bytecode_cache(cache),
        )
        self.env.filters.update(euro=euro_pagina, getal_nl=getal_nl, datum=datum, slug=sc_slug)
        self.env.globals["catalogusbron"] = catalogusafspraken.DOCUMENT
        self.env.globals["eisen_soorten"] = EISEN
        self.env.globals["aantal"] = aantal
        self.pages: list[str] = []
        # Computed once: every page may use them.
        self.producten = [product_dict(p, cat) for p in sorted(cat.producten.values(), key=lambda p: p.id)]
        self.producten_by_id = {p["id"]: p for p in self.producten}
        self.env.globals["veldgrens"] = self.veldgrens  # for the form macros (imported without context)
        self.env.globals["opties"] = self.opties
        self.env.globals["bonnetje"] = bonnetje(bundle)
        self.regios = {k: r.model_dump(mode="json") for k, r in cat.regios.items()}
        self.met_geschiedenis = met_geschiedenis(cat)
        self.wijzigingen = wijzigingen_per_datum(cat)

    # --- helpers the templates call -------------------------------------------------------
    def historie(self, link: str) -> list[Reeks]:
        """The series with more than one dated value shown at ``link`` (a page and anchor)."""
        return [r for r in self.met_geschiedenis if r.link == link]

    def param(self, key: str) -> Decimal:
        hit = s.in_force(self.cat.parameters[key].leaf.waarden, self.today)
        return hit[1].waarde

    def opties(self, naam: str, soort: str, zonder: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        """A field's choices for ``soort`` as a form lists them: (value, words with a capital), in the
        declared order (content/invoer.yaml); ``zonder`` leaves choices out that the form asks apart."""
        info = self.bundle["invoer"]["velden"][naam]
        waarden = gebruik(self.bundle, naam, soort)["opties"]
        return [
            (w, info["keuzes"][w][:1].upper() + info["keuzes"][w][1:]) for w in waarden if w not in zonder
        ]

    def veldgrens(self, naam: str) -> dict[str, Any]:
        """A calculator field's maximum as the form shows it (content/invoer.yaml): ``waarde`` (today's,
        for a source's parameter) and ``eigen`` (our own plausibility bound, not a source's norm)."""
        veld = self.bundle["invoer"]["velden"].get(naam) or {}
        m = veld.get("maximum")
        if not m:
            return {"waarde": None, "eigen": False}
        if m.get("parameter"):
            waarde = int(self.param(m["parameter"])) - (1 if m.get("kleiner_dan") else 0)
            return {"waarde": waarde, "eigen": False}
        return {"waarde": int(Decimal(m["waarde"])), "eigen": True}

    def oude_bedragen(self, reeksen: list[dict[dt.date, Any]]) -> list[str]:
        """The sentences for amount series (dicts date -> value) whose last date lies in an earlier
        year than the build's date, as an answer for that date says them (calculator/waarschuwingen)."""
        laatste = {max(r).isoformat() for r in reeksen if r}
        return sorted({z for d in laatste if (z := na_laatste(self.today, d))})

    def oude_tabel(self, t: s.TariefTabel) -> list[str]:
        """`oude_bedragen` for a tariff table: its hourly rate and every row."""
        return self.oude_bedragen([t.uurtarief or {}, *(r.waarden for r in t.rijen)])

    def oude_parameters(self, keys: list[str]) -> list[str]:
        """`oude_bedragen` for the parameters in euro among ``keys``."""
        leaves = [self.cat.parameters[k].leaf for k in keys]
        return self.oude_bedragen([lf.waarden for lf in leaves if str(lf.eenheid or "").startswith("euro")])

    def param_row(self, key: str) -> dict[str, Any]:
        prm = self.cat.parameters[key]
        day, dv = s.in_force(prm.leaf.waarden, self.today)
        return {"key": key, "leaf": prm.leaf, "vanaf": day, "waarde": dv.waarde, "bron": dv.bron}

    def vanaf(self, day: dt.date | None, bron: s.Bron) -> str:
        """The start date as a reader should take it: plain only where the source gives that day."""
        if day is None:
            return "-"
        if datum_in_bron(self.cat.bronnen, bron, day):
            return datum(day)
        return f"datum niet in de bron; wij rekenen vanaf {datum(day)}"

    def tarieven_voor(self, pid: str) -> list[Tariefregel]:
        lines = []
        for table in sorted(self.cat.tarieven.values(), key=table_order(self.cat)):
            for row in table.rijen:
                if pid != row.product and pid not in row.ook_voor:
                    continue
                hit = s.in_force(row.waarden, self.today)
                if hit is None:
                    lines.append(Tariefregel(table, row, None, None, table.bron))
                else:
                    lines.append(Tariefregel(table, row, hit[0], hit[1].waarde, hit[1].bron))
        return lines

    def products_in(self, **where: Any) -> list[s.Product]:
        return [
            p
            for p in sorted(self.cat.producten.values(), key=lambda p: (p.regio, p.categorie, p.naam))
            if all(getattr(p, k) == v for k, v in where.items())
        ]

    # --- rendering -----------------------------------------------------------------------
    def render(self, template: str, path: str, **ctx: Any) -> None:
        here = posixpath.dirname(path)

        def link(target: str) -> str:
            """Relative link from this page to another page's .md (mkdocs checks it in strict mode)."""
            anchor = ""
            if "#" in target:
                target, anchor = target.split("#", 1)
                anchor = "#" + anchor
            return posixpath.relpath(target, here or ".") + anchor if target else anchor

        def href(target: str) -> str:
            """Link for raw HTML, which mkdocs leaves alone: from this page's URL to another's."""

            def url_dir(md: str) -> str:
                stem = md.removesuffix(".md")
                return posixpath.dirname(stem) if stem.endswith("index") else stem

            return posixpath.relpath(url_dir(target), url_dir(path)) + "/"

        def bron_link(b: s.Bron) -> str:
            target = link("bronnen.md#" + bron_anchor(self.cat.bronnen, b))
            return f"[bron {b.document}, {b.sectie}]({target})"

        text = self.env.get_template(template).render(
            cat=self.cat,
            bundle=self.bundle,
            today=self.today,
            link=link,
            href=href,
            bron_link=bron_link,
            vanaf=self.vanaf,
            section_anchor=section_anchor,
            param=self.param,
            param_row=self.param_row,
            oude_tabel=self.oude_tabel,
            oude_parameters=self.oude_parameters,
            tarieven_voor=self.tarieven_voor,
            first_tariff=first_tariff,
            products_in=self.products_in,
            product_md=product_md_path,
            s=s,
            producten=self.producten,
            producten_by_id=self.producten_by_id,
            regios=self.regios,
            tarieven=self.bundle["tarieven"],
            parameters=self.bundle["parameters"],
            page_path=path,
            historie=self.historie,
            wijzigingen=self.wijzigingen,
            **ctx,
        )
        if ctx.get("inbedden"):
            # Front matter of the embeddable copy: no navigation (theme override main.html).
            # A page's own ``hide:`` (the normenkader hides its toc) gives way to the embed's.
            kop, rest = text.split("\n---\n", 1)
            kop = "\n".join(r for r in kop.split("\n") if not r.startswith("hide:"))
            text = (
                kop.replace("---\n", "---\ninbedden: true\nhide: [navigation, toc]\n", 1) + "\n---\n" + rest
            )
        # "€" and its amount never wrap apart: also in content text ("vanaf € 500") and quotations.
        text = EURO_SPATIE.sub("€\u00a0", text)
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.pages.append(path)

    def render_all(self) -> list[str]:
        cat = self.cat
        r = self.render
        r("home.md.j2", "index.md")
        for role in ("aanbieders", "inwoners", "consulenten"):
            r(f"rol_{role}.md.j2", f"{role}.md")
        r("gemeenten.md.j2", "gemeenten.md")
        r("producten_index.md.j2", "producten/index.md")
        for p in cat.producten.values():
            r("product.md.j2", product_md_path(p), p=p)
        r("regios_index.md.j2", "regios/index.md")
        for key, regio in cat.regios.items():
            r("regio.md.j2", f"regios/{key}.md", key=key, regio=regio)
        tariff_regions = sorted({t.regio for t in cat.tarieven.values()})
        r("tarieven_index.md.j2", "tarieven/index.md", tariff_regions=tariff_regions)
        for key in tariff_regions:
            tables = sorted((t for t in cat.tarieven.values() if t.regio == key), key=table_order(cat))
            r("tarieven_regio.md.j2", f"tarieven/{key}.md", key=key, regio=cat.regios[key], tables=tables)
        r(
            "vergelijking.md.j2",
            "vergelijking.md",
            groups=comparison_groups(self),
            eisen_per_thema=lambda g, soort: eisen_per_thema(self, g, soort),
        )
        r("normenkader.md.j2", "normenkader.md", tekst=cat.teksten.get("normenkader"))
        r("kengetallen.md.j2", "kengetallen.md")
        r("wijzigingen.md.j2", "wijzigingen.md")
        r("lijsten_index.md.j2", "lijsten/index.md")
        for lijst in cat.lijsten.values():
            r("lijst.md.j2", f"lijsten/{lijst.id}.md", lijst=lijst)
        for tekst in cat.teksten.values():
            if tekst.id != "normenkader":
                r("tekst.md.j2", f"beleid/{tekst.id}.md", tekst=tekst)
        for project in cat.projecten.values():
            r("project.md.j2", f"projecten/{project.regio}.md", project=project)
        r(
            "bronnen.md.j2",
            "bronnen.md",
            cited=cited_sections(cat),
            citaten=quotations(cat),
            citaat_html=citaat_html,
        )
        r("begrippen.md.j2", "begrippen.md")
        r("downloads.md.j2", "downloads.md")
        r("toegankelijkheid.md.j2", "toegankelijkheid.md")
        for name in rekenhulp_pages():
            r(f"rekenhulp/{name}.j2", f"rekenhulp/{name}")
            # the same calculator for a municipality's site, in an iframe (not the caseload page,
            # a tool for the consultant's own device)
            if name not in ("index.md", "herindicatie.md"):
                r(f"rekenhulp/{name}.j2", f"inbedden/{name}", inbedden=True)
        return self.pages
