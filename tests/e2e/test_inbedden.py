"""A municipality's page on another origin embeds the resident calculator with the README's
snippet and gets an answer; only /inbedden/ may be framed (issue 18, item 6).

The page's clock is fixed (Playwright's clock) so the answer does not depend on today's date.
"""

from __future__ import annotations

import functools
import re
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser

from tests.e2e.helpers import READY_MS, get, pinned_context, serving

ROOT = Path(__file__).resolve().parents[2]
PEILDATUM = "2026-12-01T12:00:00"


def _snippet() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- inbedden-snippet -->", 1)[1].split("<!-- /inbedden-snippet -->", 1)[0]
    return re.search(r"```html\n(.*?)```", block, re.S).group(1)


def test_only_the_embed_pages_may_be_framed(base_url: str):
    for path, policy in (
        ("/inbedden/pgb-budget/", "frame-ancestors *"),
        ("/rekenhulp/pgb-budget/", "frame-ancestors 'none'"),
        ("/", "frame-ancestors 'none'"),
    ):
        csp = get(base_url + path)[1]["content-security-policy"]
        assert policy in csp, (path, csp)


def test_embedded_calculator_answers_on_another_origin(browser: Browser, base_url: str, tmp_path: Path):
    host_page = tmp_path / "index.html"
    host_page.write_text(
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Gemeente</title></head>"
        "<body><h1>Hulp in het huishouden</h1>"
        + _snippet().replace("ADRES-VAN-DE-SITE", base_url)
        + "</body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), handler)) as host_url:
        assert host_url != base_url
        context = pinned_context(browser, locale="nl-NL", viewport={"width": 1280, "height": 900})
        context.clock.set_fixed_time(PEILDATUM)
        requests: list[str] = []
        errors: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            page.goto(f"{host_url}/index.html")
            frame = page.frame_locator("#wmo-rekenhulp")
            result = frame.locator('[data-rekenhulp-resultaat="advies"]')
            result.and_(frame.locator('[data-status="klaar"]')).wait_for(state="attached", timeout=READY_MS)
            assert "€" in result.inner_text()
            # The frame told the host its height, and the snippet applied it: no scroll bar.
            content = frame.locator(".md-content").evaluate(
                "e => Math.ceil(e.getBoundingClientRect().bottom)"
            )
            assert content > 900  # taller than the snippet's first guess
            page.wait_for_function(
                "c => { const h = parseInt(document.getElementById('wmo-rekenhulp').style.height);"
                " return h >= c && h <= c + 40; }",
                arg=content,
                timeout=READY_MS,
            )
            assert (
                frame.locator(".md-header").is_hidden() and frame.locator(".md-sidebar--primary").is_hidden()
            )
            foreign = [
                u for u in requests if not (u.startswith(base_url + "/") or u.startswith(host_url + "/"))
            ]
            assert not foreign, foreign
            assert not errors, errors
        finally:
            context.close()
