"""Every Bron link lands on a quotation of the cited source lines, online and offline (issue 17, 4).

002 gives "Naar bed brengen: 10 minuten per keer per kind" (line 708) and the basismodule of
125 minutes a week (line 411); the quotation under the section's anchor shows those lines.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

from playwright.sync_api import Browser, Page, expect

from tests.e2e.helpers import READY_MS, pinned_context, wait_ready
from tests.e2e.test_inwoner import axe
from tests.e2e.test_normenkader_over_tijd import _kind_van_2
from tests.e2e.test_rekenhulp import change

PEILDATUM = "2026-12-01"


def _bron_links(page: Page, selector: str) -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "els => els.map(e => e.href)")
    return sorted({h for h in hrefs if "/bronnen/#" in h})


def _lands_on_quotation(page: Page, href: str) -> None:
    """Open a Bron link: its target is a marked quotation, in view and highlighted (:target)."""
    page.goto(href)
    fragment = urlparse(href).fragment
    quote = page.locator(f"blockquote.bron-citaat[id='{fragment}']")
    expect(quote).to_be_visible()
    expect(quote.locator("footer")).to_contain_text("regel")
    # A figure is marked; a convention's passage (52 weeks) has none and says so.
    conventie = "bron-citaat-conventie" in (quote.get_attribute("class") or "")
    assert quote.locator("mark").count() >= 1 or conventie, href
    if conventie:
        expect(quote.locator("footer")).to_contain_text("eigen rekenafspraak")
    assert page.evaluate("() => document.querySelector(':target')?.id") == fragment, href
    outline = quote.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid", href


def _consultant_page(page: Page, base_url: str) -> list[str]:
    page.goto(f"{base_url}/rekenhulp/normenkader/")
    wait_ready(page, "ho")
    change(page, "ho", lambda: page.locator("#ho-peildatum").fill(PEILDATUM))
    _kind_van_2(page, "ho")
    links = _bron_links(page, "[data-rekenhulp-resultaat] a.rh-bron")
    assert len(links) >= 5, links
    return links


def test_elke_bronlink_van_de_rekenhulp_komt_uit_bij_een_citaat(browser: Browser, base_url: str) -> None:
    context = pinned_context(browser, locale="nl-NL", service_workers="block")
    try:
        page = context.new_page()
        links = _consultant_page(page, base_url)
        page.goto(f"{base_url}/tarieven/halderberge/")
        links += _bron_links(page, "article a")
        page.goto(f"{base_url}/producten/halderberge/ho-light/")
        links += _bron_links(page, "article a")
        quoted = [h for h in sorted(set(links)) if "-regels-" in h]
        assert len(quoted) >= 10
        for href in quoted:
            _lands_on_quotation(page, href)
        # The kindzorg norm of 002 line 708 is quoted word for word, its figure marked.
        kind = next(h for h in quoted if h.endswith("-regels-708"))
        page.goto(kind)
        quote = page.locator("blockquote.bron-citaat:target")
        expect(quote).to_contain_text("Naar bed brengen: 10 minuten per keer per kind")
        expect(quote.locator("mark")).to_have_text("10")
    finally:
        context.close()


def test_bronlinks_werken_ook_zonder_internet(browser: Browser, base_url: str) -> None:
    context = pinned_context(browser, locale="nl-NL", service_workers="allow")
    try:
        page = context.new_page()
        links = [h for h in _consultant_page(page, base_url) if "-regels-" in h]
        status = page.locator("[data-rekenhulp-offline]")
        expect(status).to_have_attribute("data-offline", "klaar", timeout=READY_MS)
        context.set_offline(True)
        for href in links:
            _lands_on_quotation(page, href)
    finally:
        context.close()


def test_bronnenpagina_toont_alleen_de_geciteerde_regels_en_is_toegankelijk(
    browser: Browser, base_url: str
) -> None:
    context = pinned_context(browser, locale="nl-NL", service_workers="block")
    try:
        page = context.new_page()
        page.goto(urljoin(base_url + "/", "bronnen/#bron-002-4-resultaten-regels-410-411"))
        quote = page.locator("blockquote.bron-citaat:target")
        expect(quote).to_contain_text("overname: 125 minuten per week")
        # Only cited passages: every quotation names at most a few lines, never a whole document.
        lengths = page.eval_on_selector_all(
            "blockquote.bron-citaat .bron-citaat-tekst",
            "els => els.map(e => e.innerHTML.split('<br>').length)",
        )
        assert lengths and max(lengths) <= 12
        assert axe(page) == []
    finally:
        context.close()
