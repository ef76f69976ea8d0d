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
    page.goto(f"{base_url}/rekenhulp/pgb-budget/#gemeente=halderberge")
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
    page.goto(f"{base_url}/rekenhulp/pgb-budget/#gemeente=halderberge")
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


# --- issue 16: every household's own answer, from the town it lives in ---------------------------

PGB = "rekenhulp/pgb-budget/"
PLAATSVRAAG = "In welke gemeente of welk dorp woont u?"
KIND = "Is de hulp voor een kind jonger dan 18 jaar?"
PARTNER = "Bent u getrouwd of woont u samen met een partner?"
AOW = "Hebben u en uw partner allebei de AOW-leeftijd?"
DATUMVRAAG = "Heeft u uw hulpvraag al gemeld? Vul dan de datum in."
HUISHOUDEN = "#gemeente=oudenbosch&uitvoering=sociaal-netwerk&client_onder_18=nee&met_partner=ja"
REGIOS = yaml.safe_load((ROOT / "content" / "regios.yaml").read_text(encoding="utf-8"))
PAKKETTEN = {p.stem for p in (ROOT / "content" / "pakketten").glob("*.yaml")}


def plaatsen() -> list[tuple[str, str | None, str, str]]:
    """(name, its municipality if a village, region key, region name) from content/regios.yaml (006, 1)."""
    uit = []
    for key, regio in REGIOS.items():
        for g in regio["gemeenten"]:
            uit.append((g["naam"], None, key, regio["naam"]))
            uit.extend((dorp, g["naam"], key, regio["naam"]) for dorp in g["dorpen"])
    return uit


def slug(naam: str) -> str:
    return naam.lower().replace(" ", "-")


def resultaat(page: Page):
    return page.locator('[data-rekenhulp-resultaat="advies"]')


def berekeningen(page: Page) -> int:
    return int(resultaat(page).get_attribute("data-berekeningen") or 0)


def na(page: Page, actie) -> None:
    """Do something that changes the answer and wait until the page has shown the new one."""
    voor = berekeningen(page)
    actie()
    page.wait_for_function(
        "(n) => Number(document.querySelector('[data-rekenhulp-resultaat=advies]').dataset.berekeningen) > n",
        arg=voor,
        timeout=60_000,
    )


def antwoord(page: Page, vraag: str, keuze: str) -> None:
    na(page, lambda: page.get_by_role("group", name=vraag).get_by_label(keuze, exact=True).check())


def test_geen_antwoord_voor_er_een_gemeente_gekozen_is(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    page.goto(f"{base_url}/{PGB}")
    expect(resultaat(page)).to_have_attribute("data-status", "kies")
    expect(resultaat(page).locator(".rh-status")).to_contain_text("Kies eerst uw gemeente")
    # Nothing preselected, nothing that reads as hers: no hours, no amount, no share or print.
    assert page.locator("select[name=gemeente]").input_value() == ""
    expect(page.get_by_label(PLAATSVRAAG)).to_have_value("")
    tekst = resultaat(page).inner_text()
    assert "€" not in tekst and "uur" not in tekst, tekst
    expect(resultaat(page).get_by_role("button", name="Deel deze berekening")).to_be_hidden()
    # The questions that depend on the place wait for it.
    expect(page.get_by_role("group", name="Hoe wilt u de hulp regelen?")).to_be_hidden()
    expect(page.get_by_role("group", name=KIND)).to_be_hidden()
    watch.assert_clean()


def test_elke_gemeente_en_elk_dorp_leidt_naar_de_regels_van_zijn_regio(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    page.goto(f"{base_url}/{PGB}")
    expect(resultaat(page)).to_have_attribute("data-status", "kies")
    veld = page.get_by_label(PLAATSVRAAG)
    alle = plaatsen()
    assert len(alle) == 14 + 5  # 006, 1.1-1.3: 7 + 6 + 1 municipalities, Halderberge's 5 villages
    # The suggestions hold every one, a village with its municipality.
    lijst = page.locator(f"datalist#{veld.get_attribute('list')} option")
    waarden = lijst.evaluate_all("os => os.map(o => o.value)")
    for naam, gemeente, _, _ in alle:
        assert (f"{naam} (gemeente {gemeente})" if gemeente else naam) in waarden, naam
    for naam, _, key, regionaam in alle:
        na(page, lambda naam=naam: veld.fill(naam.lower()))  # typed as she types it
        assert page.locator("select[name=gemeente]").input_value() == slug(naam)
        kop = resultaat(page).locator(".rh-kop")
        expect(kop).to_contain_text(f"In {naam}")
        if key in PAKKETTEN:
            # 003 Bijlage 11: the default answers (weekly, structural) give Stabilisatie, 108 hours.
            expect(kop).to_contain_text("108 uur hulp per jaar")
        else:
            expect(kop).to_contain_text(f"de bronnen van deze site noemen voor {regionaam} geen uren")
        if naam != regionaam:
            expect(resultaat(page)).to_contain_text(f"{naam} hoort bij {regionaam}")
    # A place the site does not cover: said at the field, and no answer.
    page.get_by_label(PLAATSVRAAG).fill("Amsterdam")
    page.get_by_label(PLAATSVRAAG).blur()
    expect(page.locator("#advies-gemeente-fout")).to_contain_text("Kies uw gemeente of dorp uit de lijst")
    expect(resultaat(page)).to_have_attribute("data-status", "kies")
    watch.assert_clean()


@pytest.mark.parametrize(
    ("antwoorden", "verwacht", "niet"),
    [
        # 005, 3.12: no eigen bijdrage for support to a child under 18 (woningaanpassing excepted).
        (
            [(KIND, "Ja")],
            "U betaalt geen eigen bijdrage",
            "€ 21,80",
        ),
        # 005, 3.10: a couple of whom one has not reached the AOW age pays nothing.
        (
            [
                (KIND, "Nee"),
                (PARTNER, "Ja"),
                (AOW, "Nee"),
            ],
            "U betaalt geen eigen bijdrage",
            "€ 21,80",
        ),
        # 005, 3.8 and 3.10: both at AOW age, or single: the abonnementstarief, € 21,80 from 1-1-2026.
        (
            [
                (KIND, "Nee"),
                (PARTNER, "Ja"),
                (AOW, "Ja"),
            ],
            "eigen bijdrage van € 21,80 per maand",
            "hoogstens",
        ),
        (
            [
                (KIND, "Nee"),
                (PARTNER, "Nee"),
            ],
            "eigen bijdrage van € 21,80 per maand",
            "hoogstens",
        ),
    ],
)
def test_de_eigen_bijdrage_van_dit_huishouden(
    watched: tuple[Page, Watch], base_url: str, antwoorden: list, verwacht: str, niet: str
) -> None:
    page, watch = watched
    # The page's clock is the suite's pinned day (helpers.PEILDATUM): € 21,80 holds from 1-1-2026 (005, 3.8).
    page.goto(f"{base_url}/{PGB}#gemeente=oudenbosch")
    wait_ready(page, "advies")
    kop = resultaat(page).locator(".rh-kop")
    # Not yet said: at most € 21,80, and who pays nothing.
    expect(kop).to_contain_text("hoogstens € 21,80 per maand")
    expect(resultaat(page).locator(".rh-eigen-bijdrage")).to_contain_text("kind jonger dan 18 jaar")
    # The partner's AOW age is asked only of a couple.
    expect(page.get_by_role("group", name=AOW)).to_be_hidden()
    for vraag, keuze in antwoorden:
        antwoord(page, vraag, keuze)
    expect(kop).to_contain_text(verwacht)
    expect(kop).not_to_contain_text(niet)
    if antwoorden[0][1] == "Ja":  # a child: the partner questions are not asked
        expect(page.get_by_role("group", name=PARTNER)).to_be_hidden()
    watch.assert_clean()


def test_een_gedeelde_link_overleeft_scrollen_en_herladen_en_opent_bij_het_antwoord(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/{PGB}")
    expect(resultaat(page)).to_have_attribute("data-status", "kies")
    na(page, lambda: page.get_by_label(PLAATSVRAAG).fill("Oudenbosch"))
    antwoord(page, "Hoe wilt u de hulp regelen?", "Met een pgb, voor iemand die u kent")
    antwoord(page, KIND, "Nee")
    # The address holds her answers; scrolling and the page's own heading links leave it alone.
    page.mouse.wheel(0, 4000)
    page.evaluate("() => document.querySelector('a.headerlink[href=\"#wat-nu\"]').click()")
    page.mouse.wheel(0, -1500)
    hash_ = page.evaluate("() => location.hash")
    assert "gemeente=oudenbosch" in hash_ and "uitvoering=sociaal-netwerk" in hash_, hash_
    assert "client_onder_18=nee" in hash_, hash_
    page.reload()
    wait_ready(page, "advies")
    kop = resultaat(page).locator(".rh-kop")
    expect(kop).to_contain_text("In Oudenbosch")
    expect(kop).to_contain_text("€ 143,01 per maand")  # 003 Bijlage 11, sociaal netwerk
    expect(page.get_by_role("group", name=KIND).get_by_label("Nee")).to_be_checked()
    # It opens at the answer: the answer's heading is on the screen.
    page.wait_for_function(
        "() => { const r = document.getElementById('advies-uitkomst-kop').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    watch.assert_clean()


def test_uw_antwoorden_met_wijzig_heen_en_terug(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    page.goto(f"{base_url}/{PGB}#gemeente=hoorn")
    wait_ready(page, "advies")
    terugblik = resultaat(page).locator(".rh-terugblik")
    expect(terugblik.get_by_role("heading", name="Uw antwoorden")).to_be_visible()
    rij = terugblik.locator(".rh-antwoord", has_text=PLAATSVRAAG)
    expect(rij).to_contain_text("Hoorn")
    rij.get_by_role("link", name=re.compile("^Wijzig")).click()
    veld = page.get_by_label(PLAATSVRAAG)
    expect(veld).to_be_focused()
    assert "gemeente=hoorn" in page.evaluate("() => location.hash")  # the link did not replace it
    na(page, lambda: veld.fill("Vaals"))
    terug = page.get_by_role("button", name="Terug naar uw uitkomst")
    terug.click()
    expect(terugblik.get_by_role("heading", name="Uw antwoorden")).to_be_focused()
    expect(terugblik.locator(".rh-antwoord", has_text=PLAATSVRAAG)).to_contain_text("Vaals")
    expect(resultaat(page).locator(".rh-kop")).to_contain_text("In Vaals")
    watch.assert_clean()


def test_op_de_telefoon_blijft_het_antwoord_onderin_in_beeld(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/{PGB}#gemeente=oudenbosch")
    wait_ready(page, "advies")
    balk = page.locator(".rh-balk")
    page.evaluate("() => window.scrollTo(0, 0)")
    expect(balk).to_be_visible()
    expect(balk).to_contain_text("Oudenbosch: 108 uur per jaar")
    balk.get_by_role("button", name="Naar uw uitkomst").click()
    expect(page.locator("#advies-uitkomst-kop")).to_be_focused()
    expect(balk).to_be_hidden()  # the answer itself is in view now
    # On a desktop the answer sits beside enough room: no bar.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate("() => window.scrollTo(0, 0)")
    expect(balk).to_be_hidden()
    watch.assert_clean()


def test_wat_nu_met_de_data_van_haar_melding_ook_op_papier(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    page.goto(f"{base_url}/{PGB}#gemeente=hoorn")
    wait_ready(page, "advies")
    wat_nu = page.locator("article")
    # 005, 1.0 and 1.6: free cliëntondersteuning, bezwaar within 6 weeks.
    expect(wat_nu).to_contain_text("cliëntondersteuner")
    expect(wat_nu).to_contain_text("bezwaar")
    page.get_by_label(DATUMVRAAG).fill("2026-06-01")
    data = page.locator("#wat-nu-data")
    # 005: plan within 7 days of the melding, onderzoek within 6 weeks, besluit within 2 weeks of the
    # aanvraag (made when the onderzoek ends), bezwaar within 6 weeks of the besluit.
    expect(data).to_contain_text("8 juni 2026")
    expect(data).to_contain_text("13 juli 2026")
    expect(data).to_contain_text("27 juli 2026")
    expect(data).to_contain_text("7 september 2026")
    page.emulate_media(media="print")
    expect(page.locator("#wat-nu")).to_be_visible()
    expect(data).to_be_visible()
    expect(resultaat(page).locator(".rh-kop")).to_be_visible()
    watch.assert_clean()


def test_zoeken_op_een_plaats_of_een_ander_woord_leidt_naar_de_rekenhulp(site_dir: Path) -> None:
    index = __import__("json").loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    for naam, _, _, _ in plaatsen():
        treffers = [d for d in docs if d["location"] == f"gemeenten/#{slug(naam)}"]
        assert treffers and naam in treffers[0]["title"], naam
    pagina = (site_dir / "gemeenten" / "index.html").read_text(encoding="utf-8")
    for naam, _, _, _ in plaatsen():
        assert f'href="../rekenhulp/pgb-budget/#gemeente={slug(naam)}"' in pagina, naam
    rekenhulp = " ".join(d["text"] for d in docs if d["location"].startswith("rekenhulp/pgb-budget/"))
    for woord in ("poetshulp", "schoonmaakhulp", "huishoudelijke hulp", "hulp in huis", "eigen bijdrage"):
        assert woord in rekenhulp.lower(), woord


@pytest.mark.parametrize("schema", ["light", "dark"])
@pytest.mark.parametrize(
    "fragment",
    [
        "",
        "#gemeente=hoorn",
        "#gemeente=oudenbosch&uitvoering=sociaal-netwerk&client_onder_18=nee&met_partner=ja",
    ],
)
def test_axe_op_de_nieuwe_toestanden(
    watched: tuple[Page, Watch], base_url: str, schema: str, fragment: str
) -> None:
    page, watch = watched
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(color_scheme=schema)
    page.goto(f"{base_url}/{PGB}{fragment}")
    wait_ready(page, "advies")
    page.get_by_label(DATUMVRAAG).fill("2026-06-01")
    if fragment:
        page.evaluate("() => window.scrollTo(0, 0)")
        expect(page.locator(".rh-balk")).to_be_visible()
        resultaat(page).locator(".rh-wijzig a").first.click()
        expect(page.get_by_role("button", name="Terug naar uw uitkomst")).to_be_visible()
    assert axe(page) == []
    watch.assert_clean()


def test_een_begrip_in_de_uitleg_van_een_keuze_opent_zonder_te_kiezen(
    browser: Browser, base_url: str
) -> None:
    context = pinned_context(
        browser, locale="nl-NL", viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{PGB}#gemeente=halderberge")
        wait_ready(page, "advies")
        term = page.locator("form#advies .rh-keuze .rh-hint abbr", has_text="sociaal netwerk").first
        term.scroll_into_view_if_needed()
        box = term.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tip = page.locator(".md-tooltip2--active")
        expect(tip).to_be_visible()
        expect(tip).to_contain_text("Mensen die u kent")
        # At least the body text's 16 px on a phone, and the choice was not made by the tap.
        grootte = tip.evaluate(
            "t => parseFloat(getComputedStyle(t.querySelector('[class*=inner]') || t).fontSize)"
        )
        assert grootte >= 16, grootte
        expect(page.locator("input[name=uitvoering][value=sociaal-netwerk]")).not_to_be_checked()
    finally:
        context.close()
