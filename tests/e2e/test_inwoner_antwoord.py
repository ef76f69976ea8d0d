"""The resident's answer on /rekenhulp/pgb-budget/ (issue 9): municipality first, the chosen way as the
headline, the eigen bijdrage, "Wat nu?", plain words. Figures are the sources' own (003 Bijlage 11,
005 3.8, 001 HHT), never what the page showed before."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.helpers import Watch, pinned_context, wait_count, wait_ready

ROOT = Path(__file__).resolve().parents[2]
PAGINA = "rekenhulp/pgb-budget/"
BEDRAG = re.compile(r"€\s?[\d.]+,\d\d")
# 005, 3.8: from 1 January 2026 the abonnementstarief is at most € 21,80 a month (peildatum: today).
EIGEN_BIJDRAGE = "€\u00a021,80"  # as the page shows it: a no-break space after the sign


def uitkomst(page: Page):
    return page.locator('[data-rekenhulp-resultaat="advies"]')


def kies(page: Page, vraag: str, antwoord: str) -> None:
    """Pick an answer and wait for the answer that follows (none follows if it was already picked)."""
    keuze = page.get_by_role("group", name=vraag).get_by_label(antwoord, exact=True)
    if keuze.is_checked():
        return
    before = int(uitkomst(page).get_attribute("data-berekeningen") or 0)
    keuze.check()
    wait_count(page, "advies", before + 1)


def open_pagina(page: Page, base_url: str, plaats: str = "halderberge") -> None:
    """The page as a link opens it with a place chosen (#gemeente=...): before that it shows no answer."""
    page.goto(f"{base_url}/{PAGINA}#gemeente={plaats}")
    wait_ready(page, "advies")


GEMEENTE = "In welke gemeente of welk dorp woont u?"
MANIER = "Hoe wilt u de hulp regelen?"


def kies_plaats(page: Page, naam: str) -> None:
    """Type a town into the place field (the suggestions' field) and wait for its answer."""
    veld = page.get_by_label(GEMEENTE)
    if veld.input_value() == naam:
        return
    before = int(uitkomst(page).get_attribute("data-berekeningen") or 0)
    veld.fill(naam)
    wait_count(page, "advies", before + 1)


def test_halderberge_sociaal_netwerk_kop_is_het_budget_en_de_eigen_bijdrage(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    open_pagina(page, base_url)
    kies(page, MANIER, "Met een pgb, voor iemand die u kent")
    kop = uitkomst(page).locator(".rh-kop")
    # 003 Bijlage 11: Stabilisatie 108 uur, sociaal netwerk € 143,01 a month; x 12 = € 1.716,12.
    expect(kop).to_contain_text("In Halderberge")
    expect(kop).to_contain_text("108 uur hulp per jaar")
    # A week: 108 x 60 / 52 (the site's year of 52 weeks, 002, 3) = 124.6, about 125 minutes.
    expect(kop).to_contain_text("ongeveer 2 uur en 5 minuten per week")
    # The rate behind it (003 Bijlage 11, sociaal netwerk op basis van het minimumloon): € 15,89 an hour.
    expect(kop).to_contain_text("€ 15,89 per uur")
    expect(kop).to_contain_text("€ 143,01 per maand")
    expect(kop).to_contain_text("€ 1.716,12 per jaar")
    expect(kop).to_contain_text(EIGEN_BIJDRAGE)
    watch.assert_clean()


def test_de_gekozen_manier_bepaalt_de_kop(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_pagina(page, base_url)
    kop = uitkomst(page).locator(".rh-kop")
    kies(page, MANIER, "Via een zorgaanbieder van de gemeente")
    expect(kop).to_contain_text("108 uur hulp per jaar")
    expect(kop).to_contain_text("geen budget")
    assert BEDRAG.findall(kop.inner_text()) == [EIGEN_BIJDRAGE]  # hours and the eigen bijdrage, no budget
    # 003 Bijlage 11, 2. PGB tarieven HO professioneel: HO stabilisatie € 353,30 a month.
    kies(page, MANIER, "Met een pgb, voor een zorgaanbieder die u zelf kiest")
    expect(kop).to_contain_text("€ 353,30 per maand")
    expect(kop).not_to_contain_text("€ 143,01")
    kies(page, MANIER, "Met een pgb, voor iemand die u kent")
    expect(kop).to_contain_text("€ 143,01 per maand")
    expect(kop).not_to_contain_text("€ 353,30")
    watch.assert_clean()


def test_bedragen_met_werkgeverslasten_alleen_met_hun_voorwaarde(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    open_pagina(page, base_url)
    kies(page, MANIER, "Met een pgb, voor iemand die u kent")
    # 003 Bijlage 11: lage werkgeverslasten € 182,34, hoge € 190,08 for 108 hours, "wanneer het
    # wetsvoorstel aanpassing regeling dienstverlening aan huis is aangenomen".
    expect(uitkomst(page).locator(".rh-kop")).not_to_contain_text("182,34")
    voorwaardelijk = uitkomst(page).locator("details.rh-voorwaardelijk")
    expect(voorwaardelijk.locator("tr", has_text="lage werkgeverslasten")).to_be_hidden()
    voorwaardelijk.locator("summary").click()
    expect(voorwaardelijk).to_contain_text("wetsvoorstel aanpassing regeling dienstverlening aan huis")
    expect(voorwaardelijk.locator("tr", has_text="lage werkgeverslasten")).to_contain_text("€ 182,34")
    expect(voorwaardelijk.locator("tr", has_text="hoge werkgeverslasten")).to_contain_text("€ 190,08")
    hoofdtabel = uitkomst(page).locator("table.rh-tabel").first
    expect(hoofdtabel).not_to_contain_text("werkgeverslasten")
    watch.assert_clean()


def test_westfriesland_krijgt_geen_bedrag_van_halderberge(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_pagina(page, base_url, "hoorn")
    tekst = uitkomst(page).locator(".rh-inhoud").inner_text()
    # 006, 1.1 and 1.4: Hoorn is in Regio Westfriesland, whose rules (001) apply.
    assert "In Hoorn" in tekst and "Hoorn hoort bij Regio Westfriesland" in tekst, tekst
    # Said once, plainly: no hours and no amounts in the sources; no product listed and then denied.
    assert tekst.count("geen uren en geen bedragen") == 1, tekst
    assert "geen producten" not in tekst
    for jargon in ("Zorglandschap", "Volume van het product", "PGB-bedragen"):
        assert jargon not in tekst, jargon
    # 001: HHT, 36 hours a year for mantelzorgers.
    assert re.search(r"HHT.*36 uren per jaar", tekst, re.S), tekst
    # Only the national eigen bijdrage; no Halderberge amount, no Halderberge product.
    assert set(BEDRAG.findall(tekst)) == {EIGEN_BIJDRAGE}, BEDRAG.findall(tekst)
    assert "Halderberge" not in tekst and "Stabilisatie" not in tekst
    # The Halderberge questions, and the way of arranging, change nothing here: not asked.
    expect(page.get_by_role("group", name="Heeft u elke week hulp nodig in het huishouden?")).to_be_hidden()
    expect(page.get_by_role("group", name=MANIER)).to_be_hidden()
    watch.assert_clean()


def test_maastricht_heuvelland_het_project_en_geen_producten(
    watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    open_pagina(page, base_url, "vaals")
    inhoud = uitkomst(page).locator(".rh-inhoud")
    expect(inhoud.locator(".rh-kop")).to_contain_text("In Vaals")
    expect(inhoud).to_contain_text("Vaals hoort bij Maastricht-Heuvelland")
    expect(inhoud).to_contain_text("herijking huishoudelijke hulp")
    expect(inhoud.get_by_role("link", name=re.compile("herijking"))).to_have_attribute(
        "href", re.compile(r"projecten/maastricht-heuvelland/$")
    )
    expect(inhoud.locator(".rh-producten")).to_have_count(0)
    assert set(BEDRAG.findall(inhoud.inner_text())) == {EIGEN_BIJDRAGE}
    watch.assert_clean()


def test_deellink_en_afdruk_dragen_de_gemeente(
    browser: Browser, watched: tuple[Page, Watch], base_url: str
) -> None:
    page, watch = watched
    open_pagina(page, base_url)
    kies_plaats(page, "Hoorn")
    uitkomst(page).get_by_role("button", name="Deel deze berekening").click()
    link = uitkomst(page).locator(".rh-deellink input")
    expect(link).to_be_visible()
    gedeeld = link.input_value()
    assert "gemeente=hoorn" in gedeeld.split("#", 1)[1]
    page.emulate_media(media="print")
    antwoorden = uitkomst(page).locator(".rh-terugblik")
    expect(antwoorden).to_contain_text(GEMEENTE)
    expect(antwoorden).to_contain_text("Hoorn")
    expect(antwoorden.get_by_role("link", name=re.compile("Wijzig"))).to_have_count(0)  # no links on paper
    expect(uitkomst(page).locator(".rh-inhoud")).to_contain_text("geen uren en geen bedragen")
    ander = pinned_context(browser, locale="nl-NL")
    try:
        tweede = ander.new_page()
        tweede.goto(gedeeld)
        wait_ready(tweede, "advies")
        expect(tweede.get_by_label(GEMEENTE)).to_have_value("Hoorn")
        expect(uitkomst(tweede).locator(".rh-kop")).to_contain_text("In Hoorn")
    finally:
        ander.close()
    watch.assert_clean()


def test_wat_nu_staat_onder_het_antwoord(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    open_pagina(page, base_url)
    # Under the answer: the answer section comes first in the document, then "Wat nu?".
    volgorde = page.evaluate(
        """() => { const a = document.querySelector('[data-rekenhulp-resultaat="advies"]');
                   const w = document.getElementById('wat-nu');
                   return Boolean(a.compareDocumentPosition(w) & Node.DOCUMENT_POSITION_FOLLOWING); }"""
    )
    assert volgorde
    deel = page.locator("article")
    # 005: persoonlijk plan within 7 days, onderzoek within 6 weeks, beschikking within 2 weeks, the SVB pays.
    for woorden in (
        "Wmo-loket",
        "7 dagen",
        "6 weken",
        "2 weken",
        "keukentafelgesprek",
        "SVB",
        "trekkingsrecht",
    ):
        expect(deel).to_contain_text(woorden)
    expect(page.locator("#wat-nu ~ ul", has_text="geprint").first).to_be_visible()
    watch.assert_clean()


def interne_namen(root: Path) -> re.Pattern[str]:
    bundle = json.loads((root / "calculator" / "data" / "bundle.json").read_text(encoding="utf-8"))
    ids = (
        set(bundle["producten"])
        | set(bundle["tarieven"])
        | {t["regime"] for t in bundle["tarieven"].values()}
    )
    ids = {i for i in ids if "-" in i}
    alt = "|".join(sorted(map(re.escape, ids), key=len, reverse=True))
    return re.compile(
        r"\b[a-z]+_[a-z0-9_]+\b|\b[a-z_]{2,}\.[a-z_]{2,}\b|(?<![\d.])\d+\.\d{1,2}(?![\d])|(?<![\w-])("
        + alt
        + r")(?![\w-])"
    )


@pytest.mark.parametrize(
    ("path", "form"), [(PAGINA, "advies"), ("rekenhulp/normenkader/", "ho"), ("rekenhulp/budget/", "pgb")]
)
def test_geen_interne_namen_in_uitkomst_en_waarom(
    watched: tuple[Page, Watch], base_url: str, path: str, form: str
) -> None:
    page, watch = watched
    patroon = interne_namen(ROOT)
    page.goto(f"{base_url}/{path}")
    wait_ready(page, form)
    gevonden = set()
    for plaats in ["Oudenbosch", "Hoorn", "Vaals"] if form == "advies" else [None]:
        if plaats:
            kies_plaats(page, plaats)
        for summary in page.locator(f'[data-rekenhulp-resultaat="{form}"] details summary').all():
            summary.click()
        # Source references ("bron 005, 3.8") name sections, not amounts: left out of the scan.
        tekst = page.locator(f'[data-rekenhulp-resultaat="{form}"] .rh-inhoud').evaluate(
            "el => { const c = el.cloneNode(true); c.querySelectorAll('a.rh-bron').forEach(a => a.remove());"
            " document.body.append(c); const t = c.innerText; c.remove(); return t; }"
        )
        gevonden |= {m.group(0) for m in patroon.finditer(tekst)}
    assert not gevonden, gevonden
    watch.assert_clean()
