"""The herindicatie page (issue 19): a caseload re-indicated in the browser, identical to the CLI.

Every run names its peildatum (the page's field, set from the URL fragment), never today's date.
"""

from __future__ import annotations

import csv
import os
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.calculator.test_herindicatie import caseload, draai_cli
from tests.e2e.helpers import Watch, pinned_context, watched_context

ROOT = Path(__file__).resolve().parents[2]
PEILDATUM = "2026-06-01"
KLAAR_MS = 120_000
RIJEN_BINNEN = "(n) => Number(document.querySelector('[data-herindicatie]').dataset.rijen || 0) > n"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# HERINDICATIE_SCREENSHOTS=folder: the tests also save what they saw (to look at, not compared).
SCREENSHOTS = (
    Path(os.environ["HERINDICATIE_SCREENSHOTS"]) if os.environ.get("HERINDICATIE_SCREENSHOTS") else None
)


def open_page(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/rekenhulp/herindicatie/#peildatum={PEILDATUM}")
    page.wait_for_selector("[data-herindicatie][data-status='leeg']", state="attached")


def run(page: Page, pad: Path) -> None:
    page.set_input_files("#her-bestand", str(pad))
    page.get_by_role("button", name="Bereken").click()
    page.wait_for_selector("[data-herindicatie][data-status='klaar']", state="attached", timeout=KLAAR_MS)


def kerngetal(page: Page, naam: str) -> Decimal:
    """A figure of the summary as the page shows it (``1.234``, ``-12,5 uur per jaar``), as a number."""
    tekst = page.locator(f".rh-kerngetallen dt:text-is('{naam}') + dd").inner_text()
    tekst = tekst.removesuffix(" uur per jaar").replace(".", "").replace(",", ".").replace("\u2212", "-")
    return Decimal(tekst.removeprefix("+"))


def download(page: Page, naam: str) -> bytes:
    with page.expect_download() as d:
        page.get_by_role("button", name=naam).click()
    return Path(d.value.path()).read_bytes()


@pytest.fixture
def watched_page(browser: Browser, base_url: str):
    context, page, watch = watched_context(browser, base_url)
    yield page, watch
    context.close()


def test_caseload_zelfde_bestanden_als_de_cli_en_niets_verstuurd(
    watched_page: tuple[Page, Watch], base_url: str, tmp_path: Path
) -> None:
    page, watch = watched_page
    pad = tmp_path / "caseload.csv"
    pad.write_bytes(caseload(300))
    open_page(page, base_url)
    run(page, pad)
    csv_cli, xlsx_cli = draai_cli(tmp_path, pad.read_bytes(), "cli")
    regels = csv_cli.decode("utf-8-sig").splitlines()
    assert page.locator("[data-herindicatie]").get_attribute("data-rijen") == str(len(regels) - 1)
    # summary figures as the rows give them (the core's own summary is checked against the rows
    # in tests/calculator/test_herindicatie.py); here: what the page shows is that summary
    rijen = list(csv.DictReader(regels, delimiter=";"))
    fout = [r for r in rijen if r["fouten"]]
    vergeleken = [r for r in rijen if r["verschil_uren_per_jaar"]]
    verschil = sum(Decimal(r["verschil_uren_per_jaar"]) for r in vergeleken)
    assert fout and vergeleken  # the generated caseload has both
    # the summary's figures, read back from the page's Dutch notation, against the CLI's rows
    assert kerngetal(page, "Rijen gelezen") == len(rijen)
    assert kerngetal(page, "Met een fout") == len(fout)
    assert kerngetal(page, "Berekend") == len(rijen) - len(fout)
    assert kerngetal(page, "Met een huidige indicatie") == len(vergeleken)
    assert kerngetal(page, "Verschil") == verschil
    nu = sum(
        Decimal(r["structureel_uren_per_jaar"]) - Decimal(r["verschil_uren_per_jaar"]) for r in vergeleken
    )
    assert kerngetal(page, "Uren per jaar nu") == nu
    assert PEILDATUM in page.locator("[data-bonnetje]").inner_text()
    assert download(page, "Download CSV") == csv_cli
    assert download(page, "Download Excel (.xlsx)") == xlsx_cli
    # a row opens in the normenkader rekenhulp with its inputs in the fragment, never the id
    link = page.locator("[data-rijen-inhoud] a").first.get_attribute("href") or ""
    fragment = link.partition("#")[2]
    assert fragment.startswith("f=ho&") and "id=" not in fragment and "_notitie" not in fragment
    assert all(r.startswith(base_url + "/") or r.startswith("blob:") for r in watch.requests), watch.requests
    watch.assert_clean()


def test_stoppen_halverwege_en_opnieuw(
    watched_page: tuple[Page, Watch], base_url: str, tmp_path: Path
) -> None:
    page, watch = watched_page
    groot = tmp_path / "groot.csv"
    groot.write_bytes(caseload(40_000))
    open_page(page, base_url)
    page.set_input_files("#her-bestand", str(groot))
    page.get_by_role("button", name="Bereken").click()
    page.wait_for_function(RIJEN_BINNEN, arg=0)
    # streamed: however many rows have come in, the table holds one page of them
    page.wait_for_function(RIJEN_BINNEN, arg=300)
    assert page.locator("[data-rijen-inhoud] tbody tr").count() <= 100
    page.get_by_role("button", name="Stop").click()
    assert page.locator("[data-herindicatie]").get_attribute("data-status") == "gestopt"
    assert page.locator("[data-samenvatting]").is_hidden()
    klein = tmp_path / "klein.csv"
    klein.write_bytes(caseload(20))
    run(page, klein)
    assert page.locator("[data-herindicatie]").get_attribute("data-rijen") == "18"
    watch.assert_clean()


@pytest.mark.parametrize("schema", ["light", "dark"])
def test_axe(browser: Browser, base_url: str, tmp_path: Path, schema: str) -> None:
    context, page, watch = watched_context(browser, base_url)
    page.emulate_media(color_scheme=schema)
    pad = tmp_path / "caseload.csv"
    pad.write_bytes(caseload(150))
    open_page(page, base_url)
    run(page, pad)
    if SCREENSHOTS:
        page.screenshot(path=str(SCREENSHOTS / f"herindicatie-desktop-{schema}.png"), full_page=True)
    page.evaluate(AXE.read_text(encoding="utf-8"))  # not a script tag: the CSP refuses unhashed scripts
    violations = page.evaluate(
        """async () => {
            const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
        }"""
    )
    context.close()
    assert violations == [], violations


KINDZORG = '"[{""leeftijd"": 2, ""naar_bed_per_week"": 7, ""luiers_per_week"": 28}]"'


def test_windows_bestand_op_een_telefoon_met_perioden(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    """A cp1252 export (the codec the trimmed browser stdlib lacked, issue 19) on a 390 px phone:
    computed as the command line does, the periods of a client with kindzorg in its row (README:
    a child of 2, 3 months of kindzorg: weeks 1-13 475 minutes, from week 14 125), and the page
    never wider than the screen (the table scrolls in its own region)."""
    context = pinned_context(
        browser, locale="nl-NL", viewport={"width": 390, "height": 844}, device_scale_factor=2
    )
    watch = Watch(base_url)
    context.on("request", lambda r: watch.requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    pad = tmp_path / "windows.csv"
    pad.write_bytes(
        (
            "id;duur_maanden;kinderen;kindzorg_duur_maanden;huidige_uren_per_jaar;_notitie\r\n"
            f"José;12;{KINDZORG};3;100;café\r\n"
            "b;12;;;120,5;\r\n"
        ).encode("cp1252")
    )
    open_page(page, base_url)
    run(page, pad)
    eerste = page.locator("[data-rijen-inhoud] tbody tr").first
    assert "José" in eerste.inner_text()
    assert "week 1 tot en met 13: 475 minuten per week (Kindzorg); vanaf week 14: 125 minuten per week" in (
        eerste.inner_text()
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    csv_cli, _ = draai_cli(tmp_path, pad.read_bytes(), "cli")
    assert download(page, "Download CSV") == csv_cli
    if SCREENSHOTS:
        page.screenshot(path=str(SCREENSHOTS / "herindicatie-390.png"), full_page=True)
    context.close()
    watch.assert_clean()


def test_een_werkmap_of_geen_bestand_krijgt_een_nederlandse_melding(
    watched_page: tuple[Page, Watch], base_url: str, tmp_path: Path
) -> None:
    page, watch = watched_page
    open_page(page, base_url)
    page.get_by_role("button", name="Bereken").click()
    melding = page.locator("[data-bestand-melding]")
    assert melding.is_visible() and "CSV-bestand met de caseload" in melding.inner_text()
    werkmap = tmp_path / "caseload.xlsx"
    werkmap.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    page.set_input_files("#her-bestand", str(werkmap))
    page.get_by_role("button", name="Bereken").click()
    page.wait_for_selector("[data-herindicatie][data-status='fout']", state="attached", timeout=KLAAR_MS)
    assert melding.is_hidden()
    tekst = page.locator("[data-voortgang-tekst]").inner_text()
    assert "Dit is geen CSV-bestand" in tekst and "Excel" in tekst
    assert page.locator("[data-samenvatting]").is_hidden()
    watch.assert_clean()
