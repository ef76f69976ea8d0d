"""The accessibility statement (issue 18, item 7) and axe-core on the pages this issue changed,
in light and dark. Catalogue pages: no date or clock involved."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.helpers import Watch
from tests.e2e.test_inwoner import AXE


def axe(page: Page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations. Loaded by evaluate, not as an inline <script>: the
    site's CSP (script hashes) rightly refuses a script tag it did not build."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => {
            const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
        }"""
    )


PAGES = (
    "toegankelijkheid/",
    "vergelijking/",
    "downloads/",
    "producten/halderberge/begeleiding-stabilisatie-midden/",
    "regios/westfriesland/",
    "gemeenten/",  # a section per town, each leading to the rekenhulp for it (issue 16)
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
