"""Inline scripts run only by the hash the build computed (issue 20, finding 1): no 'unsafe-inline'.

On both hosts: the pages' own start-up scripts run (the theme and the rekenhulp answer, with no
CSP complaint in the console), and a script that reaches a page any other way does not.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser

from browser import csp
from tests.e2e.helpers import get, wait_ready, watched_context
from tests.e2e.test_delivery import host, nginx_url  # noqa: F401 - fixtures

INJECT = (
    "() => { const s = document.createElement('script'); s.textContent = 'window.__ingevoegd = 1';"
    " document.head.appendChild(s); return window.__ingevoegd === 1; }"
)


def _script_src(header: str) -> str:
    return next(d for d in header.split(";") if d.strip().startswith("script-src"))


def test_no_unsafe_inline_for_scripts_and_nginx_has_the_sites_hashes(site_dir: Path) -> None:
    hashes = csp.site_hashes(site_dir)
    assert hashes, "de site heeft inline scripts (mkdocs-material); hun hashes horen in de policy"
    conf = csp.NGINX_CONF.read_text(encoding="utf-8")
    policies = re.findall(r'add_header Content-Security-Policy "([^"]*)"', conf)
    assert policies
    for found in policies:
        assert "'unsafe-inline'" not in _script_src(found)
        assert _script_src(found).strip() == csp.script_src(hashes), "bouw opnieuw: nginx.conf is verouderd"
    assert "'unsafe-inline'" not in _script_src(csp.policy(csp.read_hashes(site_dir)))


def test_pages_run_their_own_scripts_and_nothing_injected(browser: Browser, host: str) -> None:  # noqa: F811
    context, page, watch = watched_context(browser, host)
    try:
        for path in ("/", "/rekenhulp/normenkader/#f=ho&duur_maanden=12&peildatum=2026-06-01", "/producten/"):
            response = page.goto(host + path)
            assert response is not None
            assert "'unsafe-inline'" not in _script_src(response.headers["content-security-policy"])
            # The theme's inline start-up script ran (it defines __md_scope), the injected one not.
            assert page.evaluate("() => typeof __md_scope !== 'undefined'")
            assert page.evaluate(INJECT) is False
            if "rekenhulp" in path:
                wait_ready(page, "ho")
                status = page.get_attribute('[data-rekenhulp-resultaat="ho"]', "data-status")
                assert status == "klaar"
        # Only the injected script was refused (its hash is in the message); the rest is clean.
        injected = csp.script_hash("window.__ingevoegd = 1").strip("'").removeprefix("sha256-")
        refused = [e for e in watch.errors if "Content Security Policy" in e]
        assert refused and all(injected[-20:] in e for e in refused), refused
        watch.errors = [e for e in watch.errors if e not in refused]
        watch.assert_clean()
    finally:
        context.close()


def test_the_preview_server_sends_the_hashes_of_the_site_it_serves(base_url: str, site_dir: Path) -> None:
    _, headers, _ = get(base_url + "/")
    assert _script_src(headers["content-security-policy"]).strip() == csp.script_src(
        csp.site_hashes(site_dir)
    )
