"""The consultant's indication ready for the file (issue 17), in Chromium: the answer stays in view
while she types (desktop: the column beside the form; phone: the bar at the bottom), the start
date gives periods as dates and the iWmo toewijzing, the consultant's minutes for regie aanleren,
and a printout with her motivation, dossiernummer and a receipt that reproduces the answer.

Figures: 002 (basismodule 125 minutes a week; kindzorg 10 minutes per time; regie aanleren has no
norm, the consultant's 60 minutes for 6 weeks); 006, section 5 (categorie 01, eenheid 01 minuut,
frequentie 2 per week). The page's clock is pinned (helpers.pinned_context), the peildatum given.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from calculator import api
from catalogue.formatting import datum as datum_nl
from tests.conftest import PEILDATUM
from tests.e2e.helpers import Watch, wait_ready, watched_context
from tests.e2e.test_rekenhulp import change, open_page, result
from tests.e2e.test_toegankelijkheid import axe

KIND = '[{"leeftijd":"2","naar_bed_per_week":"7","luiers_per_week":"28"}]'
SITUATIE = (
    "f=ho&peildatum=2026-12-01&ingangsdatum=2027-01-04&duur_maanden=12&regie=aanleren"
    f"&regie_aanleren_weken=6&regie_aanleren_minuten=60&kinderen={KIND}&kindzorg_duur_maanden=3"
)
PAD = "rekenhulp/normenkader/"
REGIE = {
    "peildatum": "2026-12-01",
    "ingangsdatum": "2027-01-04",
    "duur_maanden": 12,
    "regie": "aanleren",
    "regie_aanleren_weken": 6,
    "regie_aanleren_minuten": 60,
    "kinderen": [{"leeftijd": 2, "naar_bed_per_week": 7, "luiers_per_week": 28}],
    "kindzorg_duur_maanden": 3,
}


def _pagina(browser: Browser, base_url: str, breedte: int, hoogte: int) -> Iterator[tuple[Page, Watch]]:
    context, page, watch = watched_context(browser, base_url)  # the page's Date starts on the suite's day
    page.set_viewport_size({"width": breedte, "height": hoogte})
    yield page, watch
    context.close()


@pytest.fixture
def desktop(browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch]]:
    yield from _pagina(browser, base_url, 1440, 900)


@pytest.fixture
def telefoon(browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch]]:
    yield from _pagina(browser, base_url, 390, 844)


def _in_beeld(page: Page, selector: str) -> bool:
    return page.evaluate(
        """(s) => { const r = document.querySelector(s).getBoundingClientRect();
                    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }""",
        selector,
    )


def test_desktop_answer_stays_beside_the_form_while_typing(
    desktop: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = desktop
    open_page(page, base_url, f"{PAD}#{SITUATIE}", "ho")
    # The last fields of the form, far below the top of the page.
    veld = page.locator("#ho-extra_ruimten")
    veld.scroll_into_view_if_needed()
    page.locator("#ho-dossiernummer").scroll_into_view_if_needed()
    change(page, "ho", lambda: veld.fill("1"))  # 002: 5 minutes per extra room (a week, our recorded reading)
    page.locator("#ho-dossiernummer").scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 1500
    kern = result(page, "ho").locator(".rh-kern")
    expect(kern).to_contain_text("Blijvend: 130 minuten per week")
    assert _in_beeld(page, "#ho-uitkomst .rh-kern")
    assert _in_beeld(page, "#ho-uitkomst .rh-status")
    expect(page.locator("[data-balk-voor='ho']")).to_be_hidden()  # the bar is for phones only
    watch.assert_clean()


def test_phone_bar_shows_the_headline_and_goes_to_the_answer(
    telefoon: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = telefoon
    open_page(page, base_url, f"{PAD}#{SITUATIE}", "ho")
    balk = page.locator("[data-balk-voor='ho']")
    page.locator("#ho-extra_ruimten").scroll_into_view_if_needed()
    change(page, "ho", lambda: page.locator("#ho-extra_ruimten").fill("1"))
    expect(balk).to_be_visible()
    expect(balk).to_contain_text("blijvend 130 minuten per week")
    box = balk.bounding_box()
    assert box and box["y"] + box["height"] <= 844 + 1 and box["width"] >= 389
    balk.get_by_role("button", name="Naar de indicatie").click()
    expect(page.locator("#ho-uitkomst-kop")).to_be_focused()
    assert _in_beeld(page, "#ho-uitkomst-kop")
    expect(balk).to_be_hidden()  # the answer itself is in view
    page.emulate_media(media="print")
    expect(balk).to_be_hidden()
    watch.assert_clean()


def test_dates_toewijzing_and_minutes_on_the_page(desktop: tuple[Page, Watch], base_url: str) -> None:
    page, watch = desktop
    open_page(page, base_url, f"{PAD}#{SITUATIE}", "ho")
    u = result(page, "ho")
    expect(u).to_contain_text("Indicatie van 4 januari 2027 tot en met 3 januari 2028")
    perioden = u.locator("table.rh-perioden")
    # week 1-6: 125 + 60 (aanleren) + 350 (kindzorg) = 535; week 7-13: 475; then 125.
    expect(perioden.locator("tr", has_text="4 januari 2027 tot en met 14 februari 2027")).to_contain_text(
        "535"
    )
    expect(perioden.locator("tr", has_text="15 februari 2027 tot en met 4 april 2027")).to_contain_text("475")
    expect(perioden.locator("tr", has_text="5 april 2027 tot en met 3 januari 2028")).to_contain_text("125")
    toewijzing = u.locator(".rh-toewijzing")
    expect(toewijzing).to_contain_text("productcategorie 01 (Hulp bij het huishouden)")
    expect(toewijzing).to_contain_text("uit de productcodelijst van uw gemeente")
    rij = toewijzing.locator("tbody tr").first
    expect(rij).to_contain_text("535")
    expect(rij).to_contain_text("01 (minuut)")
    expect(rij).to_contain_text("2 (per week)")
    # Hours as the unit: 535 / 60 = 8,92, whole hours half up: 9 (04 uur).
    page.evaluate(
        """() => document.addEventListener("rekenhulp:resultaat", (e) => {
             if (e.detail.formulier === "ho") window.__laatste = e.detail.uitkomst; })"""
    )
    change(page, "ho", lambda: page.get_by_label("Uren per week").check())
    # Parity: Pyodide in the page gives the periods and toewijzing CPython gives for the same input.
    in_browser = page.evaluate("() => window.__laatste")
    cpython = api.run("ho", {**REGIE, "toewijzing_eenheid": "uur"})
    assert in_browser["perioden"] == cpython["perioden"] and in_browser["einddatum"] == cpython["einddatum"]
    expect(toewijzing.locator("tbody tr").first).to_contain_text("04 (uur)")
    expect(toewijzing.locator("tbody tr").first.locator("td").first).to_have_text("9")
    # The minutes of aanleren are the consultant's; bounded by the recorded plausibility limit.
    change(page, "ho", lambda: page.locator("#ho-regie_aanleren_minuten").fill("181"))
    expect(page.locator("#ho-regie_aanleren_minuten-fout")).to_be_visible()
    watch.assert_clean()


def test_printout_has_notes_receipt_and_reproduces(
    desktop: tuple[Page, Watch], base_url: str, site_dir: Path, browser: Browser
) -> None:
    page, watch = desktop
    open_page(page, base_url, f"{PAD}#{SITUATIE}", "ho")
    page.locator("#ho-motivatie_regie").fill("Leert de week plannen.")
    page.locator("#ho-dossiernummer").fill("D-2027-0042")
    # The dossier fields never reach the core or a link.
    page.get_by_role("button", name="Deel deze berekening").first.click()
    gedeeld = page.locator("#ho-link").input_value()
    assert "D-2027" not in gedeeld and "plannen" not in gedeeld
    page.emulate_media(media="print")
    u = result(page, "ho")
    dossier = u.locator("[data-dossier-voor='ho']")
    expect(dossier).to_contain_text("Leert de week plannen.")
    expect(dossier).to_contain_text("D-2027-0042")
    bon = u.locator("[data-bonnetje]")
    expect(bon).to_be_visible()
    expect(bon).to_contain_text("1 december 2026")  # the peildatum
    expect(bon).to_contain_text(f"Berekend op{datum_nl(PEILDATUM)}")  # the pinned clock
    expect(page.locator("#wat-nu")).to_be_visible()
    # The receipt's hash is the bundle's, as the core hashes it (sorted JSON).
    bundel = json.loads(
        (Path(__file__).parents[2] / "calculator" / "data" / "bundle.json").read_text("utf-8")
    )
    sha = hashlib.sha256(json.dumps(bundel, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    expect(bon.locator("[data-sha256]")).to_have_text(sha)
    # The receipt's link gives the same answer, with the peildatum pinned.
    link = bon.locator("[data-link]").inner_text()
    assert parse_qs(urlsplit(link).fragment)["peildatum"] == ["2026-12-01"]
    kop = u.locator(".rh-kern").inner_text()
    tweede, pagina2, _ = watched_context(browser, base_url)
    pagina2.goto(link)
    wait_ready(pagina2, "ho")
    assert result(pagina2, "ho").locator(".rh-kern").inner_text() == kop
    tweede.close()
    watch.assert_clean()


@pytest.mark.parametrize("schema", ["light", "dark"])
def test_axe_on_the_consultant_page_with_dates(
    desktop: tuple[Page, Watch], base_url: str, schema: str
) -> None:
    page, watch = desktop
    page.emulate_media(color_scheme=schema)
    open_page(page, base_url, f"{PAD}#{SITUATIE}", "ho")
    assert axe(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#ho-extra_ruimten").scroll_into_view_if_needed()
    expect(page.locator("[data-balk-voor='ho']")).to_be_visible()
    assert axe(page) == []
    watch.assert_clean()
