"""Helpers for the end-to-end tests (imported by conftest.py and the tests)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import HTTPServer

from playwright.sync_api import Page

# Python boots in well under a second on a desktop; CI machines are slow and shared.
READY_MS = 60_000


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
    """Until the result of form `form` shows a computed answer (or an input error)."""
    page.wait_for_selector(
        f'[data-rekenhulp-resultaat="{form}"]:is([data-status="klaar"], [data-status="fout"])',
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
