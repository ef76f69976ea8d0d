"""The resident's comfort and plain words (issue 9): dark mode, touch targets, text size, no JavaScript,
the glossary's tooltips. Checked in headless Chromium against the served site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from tests.e2e.helpers import Watch, pinned_context, wait_ready

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGINAS = [
    ("rekenhulp/pgb-budget/", "advies"),
    ("rekenhulp/normenkader/", "ho"),
    ("rekenhulp/budget/", "pgb"),
]
# The terms the issue names; each must be in the glossary and explained on the Begrippen page.
VERPLICHTE_BEGRIPPEN = (
    "Wmo",
    "maatwerkvoorziening",
    "indicatie",
    "beschikking",
    "pgb",
    "zorg in natura",
    "sociaal netwerk",
    "werkgeverslasten",
    "eigen bijdrage",
    "keukentafelgesprek",
    "peildatum",
)


def axe(page: Page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # not a <script> tag: the CSP refuses unhashed scripts
    return page.evaluate(
        """async () => {
            const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
        }"""
    )


@pytest.mark.parametrize("schema", ["light", "dark"])
@pytest.mark.parametrize(("path", "form"), PAGINAS)
def test_axe_in_licht_en_donker(
    watched: tuple[Page, Watch], base_url: str, path: str, form: str, schema: str
) -> None:
    page, watch = watched
    page.emulate_media(color_scheme=schema)
    page.goto(f"{base_url}/{path}")
    wait_ready(page, form)
    verwacht = "slate" if schema == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == verwacht
    for summary in page.locator("details.rh-waarom summary").all():
        summary.click()
    assert axe(page) == []
    watch.assert_clean()


@pytest.mark.parametrize("schema", ["light", "dark"])
def test_axe_op_de_begrippenpagina(watched: tuple[Page, Watch], base_url: str, schema: str) -> None:
    page, watch = watched
    page.emulate_media(color_scheme=schema)
    page.goto(f"{base_url}/begrippen/")
    assert axe(page) == []
    watch.assert_clean()


def test_de_schakelaar_kiest_donker_of_licht(watched: tuple[Page, Watch], base_url: str) -> None:
    page, _ = watched
    page.emulate_media(color_scheme="light")
    page.goto(f"{base_url}/")
    page.get_by_title("Donkere weergave").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_antwoordopties_zijn_minstens_44_bij_44_en_het_hele_vak_kiest(
    browser: Browser, base_url: str
) -> None:
    context = pinned_context(browser, locale="nl-NL", viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(f"{base_url}/rekenhulp/pgb-budget/")
    wait_ready(page, "advies")
    opties = page.locator("form#advies .rh-keuze:visible").all()
    assert len(opties) >= 6
    for optie in opties:
        box = optie.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (optie.inner_text(), box)
    # Tapping the far right edge of the "Nee" box (not the input, not the label text) picks "Nee".
    nee = page.locator("form#advies .rh-keuze", has=page.locator("input[name=wekelijks_nodig][value=nee]"))
    nee.scroll_into_view_if_needed()
    box = nee.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] - 3, box["y"] + box["height"] - 3)
    expect(page.locator("input[name=wekelijks_nodig][value=nee]")).to_be_checked()
    context.close()


def test_tekst_in_kaders_en_hints_is_minstens_16px(watched: tuple[Page, Watch], base_url: str) -> None:
    page, _ = watched
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/rekenhulp/pgb-budget/")
    wait_ready(page, "advies")
    maten = page.evaluate(
        """() => [...document.querySelectorAll(
              '.admonition p, .rh-hint, .rh-noot, .rh-uitkomst p, .rh-uitkomst td, .rh-uitkomst li')]
            .filter(e => e.offsetParent !== null && e.textContent.trim())
            .map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])"""
    )
    assert len(maten) >= 5
    klein = [m for m in maten if m[1] < 16]
    assert not klein, klein


@pytest.mark.parametrize("path", [p for p, _ in PAGINAS])
def test_zonder_javascript_zegt_de_pagina_het_en_wijst_de_weg(
    browser: Browser, base_url: str, path: str
) -> None:
    context = pinned_context(browser, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/{path}")
    melding = page.locator(".rh-zonder-js")
    expect(melding).to_be_visible()
    expect(melding).to_contain_text("werkt alleen met JavaScript")
    expect(melding.get_by_role("link", name="tarieven")).to_have_attribute("href", "../../tarieven/")
    expect(melding.get_by_role("link", name="productkaarten")).to_have_attribute("href", "../../producten/")
    for status in page.get_by_text("wordt geladen").all():
        expect(status).to_be_hidden()
    expect(page.locator("form.rh-formulier").first).to_be_hidden()
    page.goto(f"{base_url}/tarieven/")
    expect(page.locator("h1")).to_be_visible()
    context.close()


def test_met_javascript_geen_melding_over_javascript(watched: tuple[Page, Watch], base_url: str) -> None:
    page, _ = watched
    page.goto(f"{base_url}/rekenhulp/pgb-budget/")
    wait_ready(page, "advies")
    expect(page.locator(".rh-zonder-js")).to_have_count(0)  # <noscript> content is not parsed with JS on
    expect(page.locator("form#advies")).to_be_visible()


def test_begrippen_met_uitleg_en_tooltip(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    begrippen = yaml.safe_load((ROOT / "content" / "begrippen.yaml").read_text(encoding="utf-8"))
    page.goto(f"{base_url}/begrippen/")
    termen = [t.strip().lower() for t in page.locator("dl dt").all_inner_texts()]
    for term in VERPLICHTE_BEGRIPPEN:
        assert term.lower() in termen, term
        assert any(w.lower() == term.lower() for w in begrippen[term]["woorden"]), term
    # Elsewhere the theme's tooltip explains the word: an <abbr> with the glossary's text.
    page.goto(f"{base_url}/rekenhulp/pgb-budget/")
    pgb = page.locator("article abbr", has_text="PGB").first
    uitleg = " ".join(begrippen["pgb"]["uitleg"].split())
    expect(pgb).to_have_attribute("title", uitleg)
    watch.assert_clean()


def test_foutsamenvatting_bovenaan_met_link_naar_het_veld(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    page.goto(f"{base_url}/rekenhulp/normenkader/")
    wait_ready(page, "ho")
    veld = page.get_by_label(re.compile("Extra of zwaardere schoonmaak"))
    veld.fill("45")
    samenvatting = page.locator("form#ho > .rh-foutsamenvatting")
    expect(samenvatting).to_be_visible()
    expect(samenvatting).to_contain_text("1 antwoord niet goed ingevuld")
    # 002, 4. Resultaten: extra cleaning is at most 30 minutes a week; the link leads to the field.
    link = samenvatting.get_by_role("link")
    expect(link).to_have_count(1)
    expect(link).to_contain_text("30")
    page.locator("h1").scroll_into_view_if_needed()
    link.click()
    expect(veld).to_be_focused()
    assert "#" not in page.url or "ho-" not in page.url.split("#", 1)[1]
    # The summary is the first thing in the form, and goes once the answer is right.
    assert page.evaluate(
        "document.querySelector('form#ho').firstElementChild.classList.contains('rh-foutsamenvatting')"
    )
    veld.fill("30")
    expect(samenvatting).to_have_count(0)
    watch.assert_clean()
