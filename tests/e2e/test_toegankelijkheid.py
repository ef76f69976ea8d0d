"""The accessibility statement (issue 18, item 7) and axe-core on the pages this issue changed,
in light and dark. Catalogue pages: no date or clock involved."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.helpers import Watch
from tests.e2e.test_inwoner import axe

PAGES = (
    "toegankelijkheid/",
    "vergelijking/",
    "downloads/",
    "producten/halderberge/begeleiding-stabilisatie-midden/",
    "regios/westfriesland/",
)


@pytest.mark.parametrize("schema", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_on_the_pages_of_this_issue(watched: tuple[Page, Watch], base_url: str, path: str, schema: str):
    page, watch = watched
    page.emulate_media(color_scheme=schema)
    page.goto(f"{base_url}/{path}")
    assert axe(page) == []
    watch.assert_clean()


def test_statement_says_what_was_tested_and_how_to_report_without_a_form(
    watched: tuple[Page, Watch], base_url: str
):
    page, watch = watched
    page.goto(f"{base_url}/toegankelijkheid/")
    text = page.locator("article").inner_text()
    for part in (
        "WCAG 2.1",
        "axe-core",
        "toetsenbord",
        "400 %",
        "schermlezer",
        "Opgesteld op: 1 december 2026",
    ):
        assert part in text, part
    assert page.locator("article form, article input, article textarea").count() == 0
    watch.assert_clean()
