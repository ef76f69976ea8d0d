"""Helpers for the end-to-end tests (imported by conftest.py and the tests)."""

from __future__ import annotations

import os
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import HTTPServer
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page

from browser import csp
from tests.conftest import PEILDATUM

# Python boots in well under a second on a desktop; CI machines are slow and shared.
READY_MS = 60_000


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of a GET, also for an error status."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@contextmanager
def serving(server: HTTPServer) -> Iterator[str]:
    """Run ``server`` (e.g. browser.serve.make_server) in a background thread; yields its URL."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What a page did: every request URL, console errors and uncaught exceptions."""

    base_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base_url + "/")]

    def assert_clean(self) -> None:
        assert not self.foreign(), f"verzoeken buiten de site: {self.foreign()}"
        assert not self.errors, f"fouten in de console: {self.errors}"


def wait_ready(page: Page, form: str) -> None:
    """Until the result of form `form` shows a computed answer (or an input error), or, on the
    resident's page before a place is chosen, asks for one (data-status="kies")."""
    page.wait_for_selector(
        f'[data-rekenhulp-resultaat="{form}"]'
        ':is([data-status="klaar"], [data-status="fout"], [data-status="kies"])',
        state="attached",
        timeout=READY_MS,
    )


def wait_count(page: Page, form: str, at_least: int) -> None:
    """Until form `form` has shown at least `at_least` answers."""
    page.wait_for_function(
        "([f, n]) => Number(document.querySelector(`[data-rekenhulp-resultaat='${f}']`)"
        "?.dataset.berekeningen || 0) >= n",
        arg=[form, at_least],
        timeout=READY_MS,
    )


# Shifts the page's Date to the suite's day and lets it run on. Playwright's clock would also
# replace `performance`, whose marks the pages use (rekenhulp:eerste-resultaat), so only Date moves.
PIN_DATE = """(() => {
  const Echt = Date;
  const verschil = %d - Echt.now();
  class Vastgezet extends Echt {
    constructor(...a) { super(...(a.length ? a : [Echt.now() + verschil])); }
    static now() { return Echt.now() + verschil; }
  }
  globalThis.Date = Vastgezet;
})();"""


def pin_script() -> str:
    """The script that starts a page's clock at 10:00 on `PEILDATUM` (see PIN_DATE)."""
    start = datetime(PEILDATUM.year, PEILDATUM.month, PEILDATUM.day, 10, tzinfo=UTC)
    return PIN_DATE % int(start.timestamp() * 1000)


def pinned_site(site: Path, copy: Path) -> Path:
    """A copy of the built site whose pages pin their own clock, for engines without an init-script
    hook (WebKit's classic WebDriver): the script first in every page's <head>, allowed by its hash
    in the copy's CSP hashes (browser/csp.py), so it also runs offline from the service worker's
    copy. Files are hard links; the pages and the hash list are written anew (never through a link)."""
    shutil.copytree(site, copy, copy_function=os.link)
    script = pin_script()
    for page in copy.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.unlink()
        page.write_text(html.replace("<head>", f"<head><script>{script}</script>", 1), encoding="utf-8")
        for suffix in (".br", ".gz"):
            Path(f"{page}{suffix}").unlink(missing_ok=True)
    hashes = copy / csp.HASHES
    known = hashes.read_text(encoding="utf-8")
    hashes.unlink()
    hashes.write_text(known.rstrip("\n") + "\n" + csp.script_hash(script) + "\n", encoding="utf-8")
    return copy


def pinned_context(browser: Browser, **options: object) -> BrowserContext:
    """A new context whose pages start their clock at 10:00 on the suite's `PEILDATUM` and let it
    run from there (timers and elapsed time stay real): no page follows the machine's date.
    Workers keep the real clock, so the pages pass their own date to the core (python.js)."""
    context = browser.new_context(**options)
    context.add_init_script(pin_script())
    return context


def watched_context(browser: Browser, base: str) -> tuple[BrowserContext, Page, Watch]:
    """A fresh context (empty cache) and page, with its requests and errors recorded: the
    context's requests (also the worker's and any popup's), the page's console errors."""
    context = pinned_context(browser, locale="nl-NL", viewport={"width": 1280, "height": 900})
    watch = Watch(base)
    context.on("request", lambda r: watch.requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    return context, page, watch
