"""Tariff tables fit their column at 1280 px and on A4 paper, the Bron column included; on a
phone they stay cards (issue 18, item 5). Pages are catalogue pages: no date or clock involved."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.helpers import Watch

CARDS = (
    "producten/halderberge/ho-stabilisatie-langdurend/",
    "producten/halderberge/begeleiding-stabilisatie-midden/",
    "tarieven/halderberge/",
)
# Every table's right edge, its column's right edge, and the Bron header's right edge.
MEASURE = """() => [...document.querySelectorAll('.wmo-tarieven table')].map(t => {
  const col = t.closest('.md-content__inner').getBoundingClientRect();
  const bron = [...t.querySelectorAll('th')].find(th => th.textContent.trim() === 'Bron');
  return {table: t.getBoundingClientRect().right, scroll: t.scrollWidth - t.clientWidth,
          column: col.right, bron: bron ? bron.getBoundingClientRect().right : null,
          bronVisible: bron ? getComputedStyle(bron).display !== 'none' : null};
})"""


def _fits(page: Page) -> None:
    tables = page.evaluate(MEASURE)
    assert tables
    for t in tables:
        assert t["table"] <= t["column"] + 1, t
        assert t["scroll"] <= 1, t
        if t["bron"] is not None:
            assert t["bronVisible"] and t["bron"] <= t["column"] + 1, t


@pytest.mark.parametrize("path", CARDS)
def test_tariff_tables_fit_at_1280_and_on_a4(watched: tuple[Page, Watch], base_url: str, path: str):
    page, watch = watched
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/{path}")
    _fits(page)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    _fits(page)
    if "producten/" in path:
        # The printed card shows each tariff's source: one Bron link per row.
        rows = page.locator(".wmo-tarieven-product tbody tr")
        assert rows.count() >= 1
        for i in range(rows.count()):
            assert rows.nth(i).locator("td").nth(5).inner_text().startswith("bron ")
        # "€" and the amount never wrap apart.
        amount = rows.first.locator("td").nth(2)
        assert amount.evaluate("c => getComputedStyle(c).whiteSpace") == "nowrap"
    watch.assert_clean()


def test_phone_keeps_cards(watched: tuple[Page, Watch], base_url: str):
    page, _ = watched
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{base_url}/{CARDS[0]}")
    assert (
        page.locator(".wmo-tarieven-product tr").first.evaluate("r => getComputedStyle(r).display") == "block"
    )
