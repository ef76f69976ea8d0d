"""The reference as a consultant or provider uses it: search, 404, printed cards, phone layout."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import Watch, pinned_context


@pytest.mark.parametrize(
    ("query", "card"),
    [
        ("logeerzorg tarief", "producten/halderberge/logeerzorg/"),
        ("wasverzorging tarief", "producten/halderberge/wasverzorging/"),
        ("boodschappen tarief", "producten/halderberge/boodschappen/"),
    ],
)
def test_zoeken_noemt_tarief_niet_ontbrekend_op_een_kaart_met_tarief(
    watched: tuple[Page, Watch], base_url: str, query: str, card: str
):
    page, _ = watched
    page.goto(f"{base_url}/{card}")
    assert page.locator("#tarieven").count() == 1
    assert "€" in page.locator("table").last.inner_text()  # the card really has a tariff
    page.goto(f"{base_url}/")  # from another page, so the card's result links to it by path
    page.locator(".md-search__input").click()
    # The theme builds its index in a worker; until then the meta line says it is starting.
    expect(page.locator(".md-search-result__meta")).to_have_text(
        "Typ om te beginnen met zoeken", timeout=60_000
    )
    page.locator(".md-search__input").press_sequentially(query, delay=20)  # as a person types
    item = page.locator(".md-search-result__item").filter(has=page.locator(f'a[href*="{card}"]')).first
    item.wait_for(timeout=30_000)
    assert "Ontbreekt" not in item.inner_text(), item.inner_text()


def test_404_pagina_is_nederlands_met_weg_terug(watched: tuple[Page, Watch], base_url: str):
    # Served for unknown addresses by browser/serve.py and nginx (issue 11, issue 8); here the page itself.
    page, watch = watched
    page.goto(f"{base_url}/404.html")
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet"
    assert page.title().startswith("Pagina niet gevonden")
    assert page.locator("html").get_attribute("lang") == "nl"
    for name in ("Alle producten", "Alle tarieven", "De rekenhulp"):
        assert page.get_by_role("link", name=name).get_attribute("href").startswith("/")
    page.get_by_role("link", name="Naar de startpagina").click()
    page.wait_for_url(f"{base_url}/")
    assert page.locator("h1").first.inner_text() != "Deze pagina bestaat niet"
    assert not watch.errors


def test_afgedrukte_kaart_draagt_datum_en_adres(watched: tuple[Page, Watch], base_url: str):
    page, _ = watched
    url = f"{base_url}/producten/halderberge/logeerzorg/"
    page.goto(url)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    voet = page.locator(".wmo-afdruk")
    assert voet.is_visible()
    text = voet.inner_text()
    assert url in text
    assert re.search(
        r"Afgedrukt op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|"
        r"september|oktober|november|december) \d{4}",
        text,
    )


@pytest.mark.parametrize(
    "path", ["producten/halderberge/ho-light/", "tarieven/halderberge/", "vergelijking/", "wijzigingen/"]
)
def test_tabellen_passen_op_een_telefoon(browser, base_url: str, path: str):
    context = pinned_context(browser, locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base_url}/{path}")
    cells = page.locator(".wmo-tarieven td, .wmo-vergelijking td, .wmo-vergelijking th")
    assert cells.count() > 5
    # No cell reaches past the screen's right edge: nothing is cut off or needs sideways scrolling.
    widest = page.evaluate(
        """(sel) => Math.max(...[...document.querySelectorAll(sel)]
              .filter((c) => c.offsetParent !== null)
              .map((c) => c.getBoundingClientRect().right))""",
        ".wmo-tarieven td, .wmo-vergelijking td, .wmo-vergelijking th",
    )
    assert widest <= 390, widest
    context.close()
