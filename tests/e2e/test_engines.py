"""Smoke tests in WebKit (Safari's engine) and Firefox, against Chromium's answers (issue 20, 1).

Every calculator page answers in each engine with the figures of the sources and the very text
Chromium shows; the resident's page also answers from the live core when its table cannot be
fetched; a share link round-trips; after one visit the pages work without the server and the
notice says so; no page error and no request to another origin. The engines are Debian's
(scripts/ensure-webkit.sh, scripts/ensure-firefox.sh; see tests/e2e/engines.py).
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from browser.serve import make_server
from tests.e2e import engines
from tests.e2e.engines import Engine
from tests.e2e.helpers import pinned_context, pinned_site, serving

ENGINES = ("webkit", "firefox")

# Every result on the page, once each shows a computed answer (or an input error).
ALL_READY = """() => {
  const all = [...document.querySelectorAll('[data-rekenhulp-resultaat]')];
  return all.length > 0 && all.every((e) => e.dataset.status === 'klaar');
}"""
# The text of every result, whitespace made one space (engines lay out table cells differently).
TEXTS = """() => [...document.querySelectorAll('[data-rekenhulp-resultaat] .rh-inhoud')]
  .map((e) => e.innerText.replace(/\\s+/g, ' ').trim())"""
OFFLINE = "() => document.querySelector('[data-rekenhulp-offline]')?.dataset.offline || ''"
OFFLINE_TEXT = "() => document.querySelector('[data-rekenhulp-offline]')?.innerText || ''"


class Chromium(Engine):
    """Playwright's Chromium behind the same interface, for the answers to compare with."""

    name = "chromium"

    def __init__(self, browser: Browser) -> None:
        self.context = pinned_context(browser, locale="nl-NL", viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self._errors: list[str] = []
        self.page.on("pageerror", lambda e: self._errors.append(str(e)))

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def js(self, source: str, *args: Any) -> Any:
        return self.page.evaluate(f"({source})(...{json.dumps(list(args))})")

    def click(self, css: str) -> None:
        self.page.click(css)

    def fill(self, css: str, text: str) -> None:
        self.page.fill(css, text)

    def select(self, css: str, value: str) -> None:
        self.page.select_option(css, value)

    def errors(self) -> list[str]:
        out, self._errors = self._errors, []
        return out

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    why = engines.missing(request.param)
    if why:
        pytest.fail(why)
    session = engines.start(request.param)
    try:
        yield session
    finally:
        session.close()


@pytest.fixture(scope="module")
def chromium(browser: Browser) -> Iterator[Engine]:
    session = Chromium(browser)
    yield session
    session.close()


@pytest.fixture(scope="module")
def pinned_dir(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site with pages that pin their own clock to the suite's day: WebKit's WebDriver has no
    init script, and every engine must show the answer of the same day (tests/e2e/helpers.py)."""
    return pinned_site(site_dir, tmp_path_factory.mktemp("engines") / "site")


@pytest.fixture(scope="module")
def base_url(pinned_dir: Path) -> Iterator[str]:
    """This module's site: the pinned copy (shadows the session's base_url)."""
    with serving(make_server(pinned_dir, port=0, warm=False)) as url:
        yield url


@pytest.fixture(scope="module")
def no_tables_url(pinned_dir: Path) -> Iterator[str]:
    """The site with the precomputed answer tables missing (404): every answer from Python."""
    server = make_server(pinned_dir, port=0, warm=False)
    handler = server.RequestHandlerClass
    assert isinstance(handler, functools.partial)

    class NoTables(handler.func):  # type: ignore[misc, name-defined]
        def send_head(self):  # type: ignore[no-untyped-def]
            if "/antwoorden/" in self.path:
                self.send_error(404)
                return None
            return super().send_head()

    server.RequestHandlerClass = functools.partial(NoTables, *handler.args, **handler.keywords)
    with serving(server) as url:
        yield url


def answers(engine: Engine, url: str) -> list[str]:
    """Open ``url`` and the text of every result once all are computed."""
    OURS.add(url.split("/rekenhulp/")[0])
    engine.goto(url)
    engine.wait(ALL_READY, what=f"alle uitkomsten op {url}")
    return list(engine.js(TEXTS))


def change(engine: Engine, form: str, action: str, css: str, value: str, shows: str) -> str:
    """A user action on the form, then wait until its answer shows ``shows`` (typing may
    give an answer per keystroke: the last one counts); that answer's text."""
    getattr(engine, action)(css, value)
    return engine.wait(
        """([f, want]) => {
          const r = document.querySelector(`[data-rekenhulp-resultaat='${f}']`);
          const t = r.querySelector('.rh-inhoud')?.innerText.replace(/\\s+/g, ' ').trim() || '';
          return r.dataset.status === 'klaar' && t.includes(want) && t;
        }""",
        [form, shows],
        what=f"{shows!r} in {form} na {action} {css}",
    )


# Every origin this module served the site on: a page's late requests (the search index after the
# first answer) can still be recorded after the test moved on to the next server.
OURS: set[str] = set()


def foreign(engine: Engine, *bases: str) -> list[str]:
    """Requests over the network to anywhere but the site (data: and blob: URLs stay in the page)."""
    OURS.update(bases)
    network = [u for u in engine.requests() if re.match(r"(https?|wss?|ftp):", u)]
    return [u for u in network if not u.startswith(tuple(b + "/" for b in OURS))]


def assert_clean(engine: Engine, base: str) -> None:
    foreign_ = foreign(engine, base)
    assert not foreign_, f"{engine.name}: verzoeken buiten de site: {foreign_}"
    errors = engine.errors()
    assert not errors, f"{engine.name}: fouten: {errors}"
    broken = engine.js("() => document.querySelectorAll('[data-status=fout]').length")
    assert not broken, f"{engine.name}: een uitkomst meldt een fout"


def same(engine: Engine, chromium: Engine, url: str) -> list[str]:
    shown = answers(engine, url)
    assert shown == answers(chromium, url), f"{engine.name} toont iets anders dan Chromium op {url}"
    return shown


# --- each calculator page ------------------------------------------------------------------------


# The resident page answers once she has named her place (issue 16): Oudenbosch, in Halderberge.
RESIDENT = "rekenhulp/pgb-budget/#gemeente=oudenbosch"


def test_resident_page_answers_as_chromium(engine: Engine, chromium: Engine, base_url: str) -> None:
    url = f"{base_url}/{RESIDENT}"
    shown = same(engine, chromium, url)
    # Source 003 bijlage 11: HO stabilisatie 108 uur per jaar; sociaal netwerk 108 x 15,89 / 12.
    assert "108 uur per jaar" in shown[0] and "€ 143,01" in shown[0], shown[0]
    assert_clean(engine, base_url)


def test_resident_page_without_its_table_boots_python(
    engine: Engine, chromium: Engine, base_url: str, no_tables_url: str
) -> None:
    from_table = answers(engine, f"{base_url}/{RESIDENT}")
    live = answers(engine, f"{no_tables_url}/{RESIDENT}")
    assert engine.js("() => Boolean(window.__rekenhulpStart)"), "Python is niet gestart"
    assert live == from_table
    # The page's own check, 404 for the table, is no page error; the rest is clean.
    engine.errors()
    elsewhere = foreign(engine, base_url, no_tables_url)
    assert not elsewhere, elsewhere


def test_consultant_page_and_its_share_link(engine: Engine, chromium: Engine, base_url: str) -> None:
    url = f"{base_url}/rekenhulp/normenkader/"
    shown = same(engine, chromium, url)
    # Source 002: the basismodule alone, 125 minutes a week = 108 hours a year.
    assert "125 minuten per week" in shown[0] and "108 uur per jaar" in shown[0], shown[0]
    boot = engine.js("() => window.__rekenhulpStart && window.__rekenhulpStart.ms")
    print(f"\n{engine.name}: Python klaar na {boot} ms (worker)", file=sys.stderr)
    # 125 + 2 x 5 = 135 minutes a week (two rooms used now and then, 5 minutes each).
    text = change(engine, "ho", "fill", "#ho-extra_ruimten", "2", "135 minuten per week")
    engine.click("[data-rekenhulp-resultaat=ho] [data-actie=deel]")
    link = engine.wait("() => document.querySelector('#ho-link')?.value", what="de deellink")
    assert "#" in link and "extra_ruimten=2" in link, link
    engine.goto("about:blank")
    engine.goto(link)
    engine.wait(ALL_READY, what="de uitkomst van de gedeelde link")
    assert engine.js("() => document.querySelector('#ho-extra_ruimten').value") == "2"
    assert engine.js(TEXTS)[0] == text
    assert_clean(engine, base_url)


def test_budget_page_answers_as_chromium(engine: Engine, chromium: Engine, base_url: str) -> None:
    shown = same(engine, chromium, f"{base_url}/rekenhulp/budget/")
    # Westfriesland's HHT: 36 hours a year (source 001).
    assert any("36 uur per jaar" in t for t in shown), shown
    assert_clean(engine, base_url)


# --- offline after one visit ---------------------------------------------------------------------


def test_offline_after_one_visit(engine: Engine, site_dir: Path) -> None:
    """A fresh origin: the first visit stores the rekenhulp and says so; with the server gone,
    every calculator page still gives the same answers."""
    paths = (RESIDENT, "rekenhulp/normenkader/", "rekenhulp/budget/")
    server = make_server(site_dir, port=0, warm=False)
    online: dict[str, list[str]] = {}
    with serving(server) as base:
        online[paths[0]] = answers(engine, f"{base}/{paths[0]}")
        engine.wait(
            "() => ['klaar', 'fout', 'geen'].includes(document.querySelector('[data-rekenhulp-offline]')"
            "?.dataset.offline)",
            what="de melding over werken zonder internet",
        )
        assert engine.js(OFFLINE) == "klaar", engine.js(OFFLINE_TEXT)
        assert "werkt ook zonder internet" in engine.js(OFFLINE_TEXT)
        for path in paths[1:]:
            online[path] = answers(engine, f"{base}/{path}")
        assert_clean(engine, base)
    # The server is shut down now: nothing answers on its port.
    for path in paths:
        assert answers(engine, f"{base}/{path}") == online[path], path
        assert engine.js(OFFLINE) == "klaar" or re.search("werkt", engine.js(OFFLINE_TEXT))
    engine.errors()  # the refused connections of the page's update check are no page error


def test_the_offline_notice_settles_on_every_fresh_visit(engine: Engine, site_dir: Path) -> None:
    """WebKit can activate the service worker without `statechange` events (issue 20): on each
    fresh origin the notice must still end on "werkt ook zonder internet"."""
    for _ in range(3):
        with serving(make_server(site_dir, port=0, warm=False)) as base:
            answers(engine, f"{base}/{RESIDENT}")
            state = engine.wait(
                "() => ['klaar', 'fout', 'geen'].includes(document.querySelector('[data-rekenhulp-offline]')"
                "?.dataset.offline) && document.querySelector('[data-rekenhulp-offline]').dataset.offline",
                what="de melding over werken zonder internet",
            )
            assert state == "klaar", engine.js(OFFLINE_TEXT)
            assert "werkt ook zonder internet" in engine.js(OFFLINE_TEXT)
            assert_clean(engine, base)
            engine.goto("about:blank")  # leave before the server goes
