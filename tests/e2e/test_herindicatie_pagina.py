"""The herindicatie page (issue 19): a caseload re-indicated in the browser, identical to the CLI.

Every run names its peildatum (the page's field, set from the URL fragment), never today's date.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.calculator.test_herindicatie import caseload
from tests.e2e.helpers import Watch, watched_context

ROOT = Path(__file__).resolve().parents[2]
PEILDATUM = "2026-06-01"
KLAAR_MS = 120_000
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def open_page(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/rekenhulp/herindicatie/#peildatum={PEILDATUM}")
    page.wait_for_selector("[data-herindicatie][data-status='leeg']", state="attached")


def run(page: Page, pad: Path) -> None:
    page.set_input_files("#her-bestand", str(pad))
    page.get_by_role("button", name="Bereken").click()
    page.wait_for_selector("[data-herindicatie][data-status='klaar']", state="attached", timeout=KLAAR_MS)


def cli(pad: Path, tmp_path: Path) -> tuple[bytes, bytes]:
    uit, xl = tmp_path / "cli.csv", tmp_path / "cli.xlsx"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "calculator",
            "batch",
            str(pad),
            "-o",
            str(uit),
            "--xlsx",
            str(xl),
            "--peildatum",
            PEILDATUM,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return uit.read_bytes(), xl.read_bytes()


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
    csv_cli, xlsx_cli = cli(pad, tmp_path)
    regels = csv_cli.decode("utf-8-sig").splitlines()
    assert page.locator("[data-herindicatie]").get_attribute("data-rijen") == str(len(regels) - 1)
    # summary figures as the rows give them (the core's own summary is checked against the rows
    # in tests/calculator/test_herindicatie.py); here: what the page shows is that summary
    gelezen = page.locator(".rh-kerngetallen dt:text-is('Rijen gelezen') + dd").inner_text()
    assert gelezen.replace(".", "") == str(len(regels) - 1)
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
    page.wait_for_function("Number(document.querySelector('[data-herindicatie]').dataset.rijen || 0) > 0")
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
