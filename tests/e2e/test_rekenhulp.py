"""The rekenhulp pages in headless Chromium against the served site.

Numbers are checked against the figures the sources give (003 Bijlage 11, 002), not against
what the page happened to show before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from calculator.nl import datum
from tests.conftest import PEILDATUM
from tests.e2e.helpers import READY_MS, Watch, pinned_context, wait_count, wait_ready

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def result(page: Page, form: str):
    return page.locator(f'[data-rekenhulp-resultaat="{form}"]')


def change(page: Page, form: str, action: Callable[[], None]) -> None:
    """Do `action` and wait for the answer that follows it."""
    before = int(result(page, form).get_attribute("data-berekeningen") or 0)
    action()
    wait_count(page, form, before + 1)


def open_page(page: Page, base_url: str, path: str, form: str) -> None:
    page.goto(f"{base_url}/{path}")
    wait_ready(page, form)


# --- residents: "Wat is mijn PGB-budget?" -------------------------------------------------


def test_resident_weekly_structural_need_gets_stabilisatie_langdurend(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/pgb-budget/#gemeente=halderberge", "advies")
    # Weekly help, structural (not temporary), cannot learn, no behaviour problems.
    page.get_by_role("group", name="Heeft u elke week hulp nodig in het huishouden?").get_by_label(
        "Ja"
    ).check()
    page.get_by_role("group", name="Heeft u de hulp maar een tijdje nodig?").get_by_label("Nee").check()
    page.get_by_role("group", name="Kunt u de taken in het huishouden (weer) leren?").get_by_label(
        "Nee"
    ).check()
    page.get_by_role(
        "group", name="Zijn er problemen met gedrag, waardoor de hulp meer tijd kost?"
    ).get_by_label("Nee").check()
    wait_ready(page, "advies")
    uitkomst = result(page, "advies")
    expect(uitkomst.locator(".rh-producten")).to_contain_text("Stabilisatie Langdurend")
    expect(uitkomst.locator(".rh-producten")).to_contain_text("108 uur per jaar")
    # 003 Bijlage 11: 108 hours x EUR 15.89 / 12 = 143.01 a month (sociaal netwerk, minimumloon).
    row = uitkomst.locator("tr", has_text="minimumloon")
    expect(row).to_contain_text("€ 143,01")
    expect(row).to_contain_text("€ 1.716,12")
    # The product name links to its product card.
    link = uitkomst.locator(".rh-producten a")
    expect(link).to_have_attribute("href", re.compile(r"producten/halderberge/ho-stabilisatie-langdurend/$"))
    # The municipality decides, and the page says so.
    expect(page.locator("body")).to_contain_text("De gemeente beslist")
    watch.assert_clean()


def test_resident_answers_update_the_result(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/pgb-budget/#gemeente=halderberge", "advies")
    leren = page.get_by_role("group", name="Kunt u de taken in het huishouden (weer) leren?")
    change(page, "advies", lambda: leren.get_by_label("Ja").check())
    uitkomst = result(page, "advies")
    # Can still learn -> ontwikkeling, 134 hours (003 Bijlage 11); 134 x 15.89 / 12 = 177.44.
    expect(uitkomst.locator(".rh-producten")).to_contain_text("Ontwikkeling")
    expect(uitkomst.locator(".rh-producten")).to_contain_text("134 uur per jaar")
    expect(uitkomst.locator("tr", has_text="minimumloon")).to_contain_text("€ 177,44")
    # Not weekly -> light, 54 hours; the now irrelevant questions are hidden.
    wekelijks = page.get_by_role("group", name="Heeft u elke week hulp nodig in het huishouden?")
    change(page, "advies", lambda: wekelijks.get_by_label("Nee").check())
    expect(uitkomst.locator(".rh-producten")).to_contain_text("54 uur per jaar")
    expect(page.get_by_role("group", name="Kunt u de taken in het huishouden (weer) leren?")).to_be_hidden()
    watch.assert_clean()


def test_waarom_trace_links_sources(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/pgb-budget/#gemeente=halderberge", "advies")
    waarom = result(page, "advies").locator("details.rh-waarom").first
    waarom.locator("summary").click()
    bron = waarom.locator("a.rh-bron").first
    expect(bron).to_be_visible()
    href = bron.get_attribute("href") or ""
    assert re.search(r"bronnen/#bron-\d{3}-[a-z0-9-]+$", href), href  # lands on the section
    # The anchor exists on the sources page.
    anchor = href.rsplit("#", 1)[1]
    page.goto(f"{base_url}/bronnen/")
    expect(page.locator(f"[id='{anchor}']")).to_have_count(1)
    watch.assert_clean()


# --- consultants: the normenkader -----------------------------------------------------------


def test_consultant_normenkader_every_part(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/normenkader/", "ho")
    uitkomst = result(page, "ho")
    # Basismodule alone: 125 minutes a week -> 108 hours a year (125 x 52 / 60 = 108.33).
    expect(uitkomst.locator(".rh-kern")).to_contain_text("125 minuten per week")
    expect(uitkomst.locator(".rh-kern")).to_contain_text("108 uur per jaar")
    change(page, "ho", lambda: page.get_by_label("Incidenteel gebruikte extra ruimten").fill("2"))
    change(page, "ho", lambda: page.get_by_label(re.compile("Extra of zwaardere schoonmaak")).fill("30"))
    change(page, "ho", lambda: page.get_by_label(re.compile("^Structureel")).check())
    # 125 + 2 x 5 + 30 + 30 = 195 minutes a week; 195 x 52 / 60 = 169 hours a year.
    expect(uitkomst.locator(".rh-kern")).to_contain_text("195 minuten per week")
    expect(uitkomst.locator(".rh-kern")).to_contain_text("169 uur per jaar")
    change(page, "ho", lambda: page.get_by_label("Wasverzorging").select_option("1_persoon"))
    # Wasverzorging for 1 person counts with the HHM hours (36 a year) and links its product card.
    row = uitkomst.locator("tr", has_text="Wasverzorging")
    expect(row).to_contain_text("36")
    expect(row.locator("a", has_text="Wasverzorging")).to_have_attribute(
        "href", re.compile(r"producten/halderberge/wasverzorging/$")
    )
    expect(row.locator("a.rh-bron")).to_have_attribute(
        "href",
        re.compile(r"bronnen/#bron-003-bijlage-11-tarieven-pgb-regels-\d+(-\d+)?$"),  # its quotation
    )
    # Kindzorg: a child of 2, 7 times to bed (10 min) and 14 nappies (10 min) = 210 min.
    change(page, "ho", lambda: page.get_by_role("button", name="Kind toevoegen").click())
    change(page, "ho", lambda: page.get_by_label("Naar bed brengen (keer per week)").fill("7"))
    change(page, "ho", lambda: page.get_by_label("Luier verschonen (keer per week)").fill("14"))
    expect(uitkomst.locator("table:not(.rh-perioden) tr", has_text="Kindzorg")).to_contain_text("210")
    # The trace names each rule with its source.
    uitkomst.locator("details.rh-waarom summary").click()
    stappen = uitkomst.locator("details.rh-waarom li")
    assert stappen.count() >= 6
    expect(uitkomst.locator("details.rh-waarom")).to_contain_text("Basismodule")
    watch.assert_clean()


def test_not_granted_below_three_months(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/normenkader/", "ho")
    change(page, "ho", lambda: page.get_by_label("Verwachte duur van de ondersteuning (maanden)").fill("2"))
    expect(result(page, "ho").locator(".rh-kern")).to_contain_text("Geen huishoudelijke ondersteuning")
    watch.assert_clean()


def test_invalid_input_shows_the_cores_dutch_message_at_the_field(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/normenkader/", "ho")
    veld = page.get_by_label(re.compile("Extra of zwaardere schoonmaak"))
    change(page, "ho", lambda: veld.fill("45"))
    expect(result(page, "ho")).to_have_attribute("data-status", "fout")
    expect(veld).to_have_attribute("aria-invalid", "true")
    melding = page.locator("#ho-extra_schoonmaak_minuten-fout")
    expect(melding).to_be_visible()
    expect(melding).to_contain_text("hoogstens 30")
    assert "ho-extra_schoonmaak_minuten-fout" in (veld.get_attribute("aria-describedby") or "")
    # Text is passed on as typed, so the core explains it; markup is shown, never run.
    change(page, "ho", lambda: veld.fill("<b>veel</b>"))
    expect(melding).to_contain_text("moet een heel getal zijn")
    expect(melding).to_contain_text("<b>veel</b>")
    # Fixing the field clears the message.
    change(page, "ho", lambda: veld.fill("30"))
    expect(result(page, "ho")).to_have_attribute("data-status", "klaar")
    expect(melding).to_be_hidden()
    expect(veld).not_to_have_attribute("aria-invalid", "true")
    watch.assert_clean()


# --- budgets --------------------------------------------------------------------------------


def test_logeerzorg_15_etmalen(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/budget/#product=logeerzorg", "pgb")
    expect(page.get_by_label("Product", exact=True)).to_have_value("logeerzorg")
    etmalen = page.get_by_label("Aantal etmalen logeerzorg per jaar")
    uitkomst = result(page, "pgb")
    # Prefilled with the maximum. 003 Bijlage 11: EUR 243.94 per etmaal, at most 15 a year:
    # 15 x 243.94 = 3659.10.
    expect(etmalen).to_have_value("15")
    expect(uitkomst.locator(".rh-kern")).to_contain_text("€ 3.659,10 per jaar")
    expect(uitkomst).to_contain_text("15 etmalen × € 243,94")
    change(page, "pgb", lambda: etmalen.fill("10"))
    expect(uitkomst.locator(".rh-kern")).to_contain_text("€ 2.439,40 per jaar")
    # 20 etmalen is more than the source allows: the core's message at the field.
    change(page, "pgb", lambda: etmalen.fill("20"))
    expect(page.locator("#pgb-etmalen_per_jaar-fout")).to_contain_text("15")
    expect(etmalen).to_have_attribute("aria-invalid", "true")
    watch.assert_clean()


def test_other_budgets(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/budget/", "hht")
    for form in ("pgb", "hulpmiddel", "beschermd-thuis"):
        wait_ready(page, form)
    # Westfriesland's HHT: 36 hours a year (source 001).
    expect(result(page, "hht").locator(".rh-kern")).to_contain_text("36 uur per jaar")
    # Beschermd Thuis zwaar: 14 hours a week (003); the source names no tariff.
    change(page, "beschermd-thuis", lambda: page.get_by_label("Zwaar").check())
    expect(result(page, "beschermd-thuis")).to_contain_text("14 uur begeleiding per week")
    expect(result(page, "beschermd-thuis")).to_contain_text("niet in de bron")
    # Aids: rent, maximum and write-off months come from the core.
    change(page, "hulpmiddel", lambda: page.get_by_label("Categorie hulpmiddel").select_option("02"))
    expect(result(page, "hulpmiddel")).to_contain_text("Huur per maand")
    expect(result(page, "hulpmiddel")).to_contain_text("Maximaal PGB")
    # Begeleiding for the sociaal netwerk: an amount per month with its source.
    product = page.get_by_label("Product", exact=True)
    change(page, "pgb", lambda: product.select_option("begeleiding-stabilisatie-laag"))
    change(
        page,
        "pgb",
        lambda: page.get_by_label("Iemand uit het sociaal netwerk, zonder arbeidsovereenkomst").check(),
    )
    expect(result(page, "pgb").locator(".rh-kern")).to_contain_text(
        re.compile(r"€\u00a0[\d.]+,\d\d per maand")
    )
    watch.assert_clean()


@pytest.mark.parametrize(
    ("product", "form", "check"),
    [
        ("begeleiding-stabilisatie-midden", "pgb", ("#pgb-product", "begeleiding-stabilisatie-midden")),
        ("beschermd-thuis-licht", "beschermd-thuis", ("#beschermd-thuis-niveau-3", None)),
        ("wf-hht", "hht", (None, None)),
    ],
)
def test_product_fragment_preselects(
    watched: tuple[Page, Watch], base_url: str, product: str, form: str, check
) -> None:
    page, watch = watched
    open_page(page, base_url, f"rekenhulp/budget/#product={product}", form)
    selector, value = check
    if selector and value:
        expect(page.locator(selector)).to_have_value(value)
    elif selector:
        expect(page.locator(selector)).to_be_checked()
    watch.assert_clean()


def test_product_cards_link_to_the_calculator(watched: tuple[Page, Watch], base_url: str) -> None:
    """Where a product card links to the calculator, the link opens it with that product."""
    page, watch = watched
    page.goto(f"{base_url}/producten/halderberge/logeerzorg/")
    link = page.locator("a[href*='rekenhulp/budget/#product=']").first
    if link.count() == 0:
        pytest.skip("de productkaart linkt (nog) niet naar de rekenhulp")
    link.click()
    wait_ready(page, "pgb")
    expect(page.get_by_label("Product", exact=True)).to_have_value("logeerzorg")
    watch.assert_clean()


# --- share, print, keyboard, failure ------------------------------------------------------------


def test_shared_link_reproduces_the_result(
    browser: Browser, watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/normenkader/", "ho")
    change(page, "ho", lambda: page.get_by_label("Incidenteel gebruikte extra ruimten").fill("3"))
    change(page, "ho", lambda: page.get_by_label("Boodschappen").check())
    change(page, "ho", lambda: page.get_by_role("button", name="Kind toevoegen").click())
    change(page, "ho", lambda: page.get_by_label("Wassen en kleden (keer per week)").fill("5"))
    expected = result(page, "ho").locator(".rh-inhoud").inner_text()
    result(page, "ho").get_by_role("button", name="Deel deze berekening").click()
    expect(result(page, "ho").locator(".rh-deelmelding")).to_contain_text("link")
    # The link as the page gives it in its field.
    shared = result(page, "ho").locator(".rh-deellink input").input_value()
    assert "#" in shared and "extra_ruimten=3" in shared
    # The inputs live only in the fragment: the part a browser never sends to a server.
    assert "?" not in shared.split("#")[0]

    other = pinned_context(browser, locale="nl-NL")
    try:
        second = other.new_page()
        second.goto(shared)
        wait_ready(second, "ho")
        expect(second.get_by_label("Incidenteel gebruikte extra ruimten")).to_have_value("3")
        expect(second.get_by_label("Wassen en kleden (keer per week)")).to_have_value("5")
        assert result(second, "ho").locator(".rh-inhoud").inner_text() == expected
    finally:
        other.close()
    watch.assert_clean()


def test_print_layout_has_result_date_and_sources(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/pgb-budget/#gemeente=halderberge", "advies")
    page.emulate_media(media="print")
    expect(page.locator("form#advies")).to_be_hidden()
    voet = result(page, "advies").locator(".rh-print-voet")
    expect(voet).to_be_visible()
    # The page's clock starts on the suite's day (tests/e2e/helpers.py), not the machine's.
    expect(voet).to_contain_text(f"Berekend op {datum(PEILDATUM)}")
    expect(voet).to_contain_text("bron 003")
    # The resident's page prints her answers as "Uw antwoorden" (the recap, without its Wijzig links).
    expect(result(page, "advies").locator(".rh-terugblik")).to_contain_text("Heeft u elke week hulp nodig")
    watch.assert_clean()


def test_keyboard_only(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/pgb-budget/#gemeente=halderberge", "advies")
    # Tab to the first question's selected radio, then arrow to "Nee": not weekly -> light.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement?.name") == "wekelijks_nodig":
            break
    else:
        pytest.fail("de eerste vraag is niet met Tab te bereiken")
    focus_visible = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert focus_visible != "none"
    change(page, "advies", lambda: page.keyboard.press("ArrowRight"))
    expect(result(page, "advies").locator(".rh-producten")).to_contain_text("54 uur per jaar")
    watch.assert_clean()


def test_python_failure_is_reported_with_a_retry(browser: Browser, base_url: str) -> None:
    context = pinned_context(browser, locale="nl-NL")
    try:
        context.route("**/pyodide.asm.wasm", lambda route: route.abort())
        page = context.new_page()
        page.goto(f"{base_url}/rekenhulp/normenkader/")
        uitkomst = result(page, "ho")
        expect(uitkomst).to_have_attribute("data-status", "storing", timeout=READY_MS)
        expect(uitkomst.locator(".rh-status")).to_contain_text("kon niet starten")
        # The form stays usable, and the retry works once the download does.
        context.unroute("**/pyodide.asm.wasm")
        uitkomst.get_by_role("button", name="Opnieuw proberen").click()
        wait_ready(page, "ho")
        expect(uitkomst.locator(".rh-kern")).to_contain_text("uur per jaar")
    finally:
        context.close()


def test_a_dead_worker_is_restarted_and_the_page_says_so(watched: tuple[Page, Watch], base_url: str) -> None:
    """Finding 4 (issue 20): the worker is ended under the page; the next edit must not leave the
    old answer standing as current. The page replaces the worker, says so in Dutch, and answers."""
    page, watch = watched
    open_page(page, base_url, "rekenhulp/normenkader/", "ho")
    uitkomst = result(page, "ho")
    expect(uitkomst.locator(".rh-kern")).to_contain_text("125 minuten per week")
    page.evaluate("() => window.__rekenhulp.worker.terminate()")
    page.get_by_label("Incidenteel gebruikte extra ruimten").fill("2")
    expect(uitkomst).to_have_attribute("data-status", "herstart", timeout=READY_MS)
    expect(uitkomst.locator(".rh-status")).to_contain_text("reageerde niet meer en wordt opnieuw gestart")
    expect(uitkomst.locator(".rh-kern")).to_have_count(0)  # the old answer is gone
    # 125 + 2 x 5 = 135 minutes a week (source 002), from the fresh worker.
    expect(uitkomst.locator(".rh-kern")).to_contain_text("135 minuten per week", timeout=READY_MS)
    expect(uitkomst).to_have_attribute("data-status", "klaar")
    expect(uitkomst.locator(".rh-status")).to_contain_text("De rekenhulp is opnieuw gestart")
    # Later edits go to the new worker.
    change(page, "ho", lambda: page.get_by_label("Incidenteel gebruikte extra ruimten").fill("3"))
    expect(uitkomst.locator(".rh-kern")).to_contain_text("140 minuten per week")
    watch.assert_clean()


def test_amounts_never_wrap_apart_from_the_euro_sign(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_page(page, base_url, "rekenhulp/pgb-budget/#gemeente=oudenbosch", "advies")
    shown = result(page, "advies").inner_text()
    assert "€\u00a0143,01" in shown  # 003 Bijlage 11: 108 x 15,89 / 12
    assert not re.search(r"€[ \t\n]", shown), "een bedrag met een gewone spatie na het euroteken"
    page.goto(f"{base_url}/tarieven/halderberge/")
    assert not re.search(r"€[ \t\n]", page.locator("article").inner_text())
    watch.assert_clean()


def test_site_search_still_works_on_calculator_pages(watched: tuple[Page, Watch], base_url: str) -> None:
    """The theme's search index is loaded after the first answer (main.html), not dropped."""
    page, watch = watched
    open_page(page, base_url, "rekenhulp/pgb-budget/#gemeente=halderberge", "advies")
    page.locator("input.md-search__input").click()
    page.keyboard.type("logeerzorg")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=READY_MS)
    watch.assert_clean()


# --- privacy and accessibility ------------------------------------------------------------------


def test_no_request_leaves_the_site(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    for path, form in (
        ("rekenhulp/pgb-budget/", "advies"),
        ("rekenhulp/normenkader/", "ho"),
        ("rekenhulp/budget/", "pgb"),
    ):
        open_page(page, base_url, path, form)
        page.wait_for_load_state("networkidle")
    assert any("pyodide.asm.wasm" in u for u in watch.requests), "the worker's requests were not seen"
    watch.assert_clean()


def test_catalogue_pages_load_no_python(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    for path in ("", "producten/halderberge/ho-light/", "tarieven/halderberge/", "rekenhulp/"):
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("networkidle")
    runtime = [u for u in watch.requests if re.search(r"pyodide|/runtime/|worker\.mjs|\.wasm", u)]
    assert not runtime, runtime
    watch.assert_clean()


@pytest.mark.parametrize(
    ("path", "form"),
    [("rekenhulp/pgb-budget/", "advies"), ("rekenhulp/normenkader/", "ho"), ("rekenhulp/budget/", "pgb")],
)
def test_axe_wcag21_aa(watched: tuple[Page, Watch], base_url: str, path: str, form: str) -> None:
    page, watch = watched
    open_page(page, base_url, path, form)
    # Also with the trace open and an error shown at a field.
    for summary in page.locator("details.rh-waarom summary").all():
        summary.click()
    if form == "ho":
        change(page, "ho", lambda: page.get_by_label(re.compile("Extra of zwaardere schoonmaak")).fill("45"))
        change(page, "ho", lambda: page.get_by_role("button", name="Kind toevoegen").click())
    page.evaluate(AXE.read_text(encoding="utf-8"))  # not a <script> tag: the CSP refuses unhashed scripts
    violations = page.evaluate(
        """async () => {
            const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
        }"""
    )
    assert violations == [], violations
    watch.assert_clean()
