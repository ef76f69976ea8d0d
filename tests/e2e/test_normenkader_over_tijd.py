"""The consultant's indication over time and "Vergelijk met een andere situatie", in Chromium.

The figures come from 002: basismodule 125 minutes a week; kindzorg norm times 10 minutes per
time per child (to bed, nappy), for at most 3 months (13 weeks by our recorded rekenafspraak).
"""

from __future__ import annotations

from urllib.parse import unquote

from playwright.sync_api import Page, expect

from tests.e2e.helpers import Watch, wait_ready
from tests.e2e.test_rekenhulp import change, open_page, result


def _kind_van_2(page: Page, form: str) -> None:
    scope = page.locator(f"#{form}")
    change(page, form, lambda: scope.get_by_role("button", name="Kind toevoegen").click())
    change(page, form, lambda: scope.get_by_label("Naar bed brengen (keer per week)").fill("7"))
    change(page, form, lambda: scope.get_by_label("Luier verschonen (keer per week)").fill("28"))
    change(page, form, lambda: scope.get_by_label("Duur van de kindzorg (maanden)").fill("3"))


def test_kindzorg_telt_in_het_eerste_jaar_alleen_voor_haar_weken(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/normenkader/", "ho")
    _kind_van_2(page, "ho")
    uitkomst = result(page, "ho")
    # 125 x 52 / 60 = 108 blijvend; 350 x 13 / 60 = 75,83 -> 76 tijdelijk; not 350 x 52 / 60 = 303,33.
    kern = uitkomst.locator(".rh-kern")
    expect(kern).to_contain_text("Blijvend: 125 minuten per week")
    expect(kern).to_contain_text("108 uur per jaar")
    expect(kern).to_contain_text("In het eerste jaar: 184 uur")
    perioden = uitkomst.locator("table.rh-perioden")
    expect(perioden.locator("tr", has_text="week 1 tot en met 13")).to_contain_text("475")
    expect(perioden.locator("tr", has_text="vanaf week 14")).to_contain_text("125")
    expect(uitkomst.locator("table:not(.rh-perioden) tr", has_text="Kindzorg")).to_contain_text("75,83")
    expect(uitkomst).not_to_contain_text("303")
    # The printed answer shows the same figures (the print layout hides nothing of the result).
    page.emulate_media(media="print")
    expect(kern).to_be_visible()
    expect(kern).to_contain_text("184 uur")
    watch.assert_clean()


def _vergelijk_met_kind_van_2(page: Page, base_url: str) -> None:
    """Situation 1 with a child of 2, then "Vergelijk met een andere situatie" (situation 2 a copy)."""
    open_page(page, base_url, "rekenhulp/normenkader/", "ho")
    _kind_van_2(page, "ho")
    page.get_by_role("button", name="Vergelijk met een andere situatie").click()
    wait_ready(page, "ho-b")


def test_vergelijk_twee_situaties_met_verschil_en_deelbare_link(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    _vergelijk_met_kind_van_2(page, base_url)
    vergelijking = page.locator("[data-vergelijking]")
    # Situation 2 starts as a copy of situation 1: no difference yet.
    expect(vergelijking.locator("tr", has_text="Kindzorg")).to_contain_text("350")
    # Situation 2 without the child: kindzorg drops out, the rest stays.
    b = page.locator("#ho-b")
    change(page, "ho-b", lambda: b.get_by_role("button", name="Verwijder kind 1").click())
    expect(vergelijking.locator("tr", has_text="Kindzorg")).to_contain_text("−350")
    expect(vergelijking.locator("tr", has_text="Basismodule")).to_contain_text("0")
    expect(vergelijking.locator("tr", has_text="Uren in het eerste jaar")).to_contain_text("184 uur")
    expect(vergelijking.locator("tr", has_text="Uren in het eerste jaar")).to_contain_text("−76 uur")
    # The link holds both situations; opening it shows the same comparison.
    vergelijking.get_by_role("button", name="Deel deze vergelijking").click()
    link = vergelijking.get_by_label("Link naar deze vergelijking").input_value()
    assert "#f=ho&" in link and "&b=" in link
    assert "kinderen" in link.split("&b=")[0] and "kinderen" not in unquote(link.split("&b=")[1])
    page.goto("about:blank")
    page.goto(link)
    wait_ready(page, "ho-b")
    expect(page.locator("[data-vergelijking] tr", has_text="Uren in het eerste jaar")).to_contain_text(
        "−76 uur"
    )
    assert all(u.startswith(base_url) for u in watch.requests)
    watch.assert_clean()


def test_een_link_van_situatie_2_alleen_opent_de_vergelijking(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    """ "Deel deze berekening" under situation 2 gives a link to that form (f=ho-b); opening it
    shows the comparison with situation 2 as shared, not a page without that form."""
    page, watch = watched
    _vergelijk_met_kind_van_2(page, base_url)
    b = page.locator("#ho-b")
    b_uitkomst = page.locator("#ho-b-uitkomst")
    b_uitkomst.get_by_role("button", name="Deel deze berekening").click()
    link = b_uitkomst.get_by_label("Link naar deze berekening").input_value()
    assert "#f=ho-b&" in link and "kinderen" in link
    page.goto("about:blank")
    page.goto(link)
    wait_ready(page, "ho-b")
    # Situation 2 has the child of 2 from the link; situation 1 is the form as it loads.
    expect(b.get_by_label("Duur van de kindzorg (maanden)")).to_have_value("3")
    expect(page.locator("[data-vergelijking] tr", has_text="Kindzorg")).to_contain_text("350")
    watch.assert_clean()
