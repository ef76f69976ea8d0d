"""Delivery (issue 8): static answers, offline after the first visit, and a real host (nginx).

The privacy and offline tests run against both servers: browser/serve.py (make serve) and
Debian's nginx with deploy/nginx.conf (tests/e2e/nginx.py); so do the rules for errors, types and
Accept-Encoding the two must share (issue 20).
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import brotli
import pytest
from playwright.sync_api import Browser, Page, expect

from browser import serve
from browser.serve import headers_for, make_server
from tests.e2e import nginx
from tests.e2e.helpers import READY_MS, get, pinned_context, serving, wait_count, watched_context

# The resident's page answers once a place is chosen: opened as a link with one (issue 16).
RESIDENT = "rekenhulp/pgb-budget/#gemeente=halderberge"
CALCULATORS = (
    (RESIDENT, "advies"),
    ("rekenhulp/normenkader/", "ho"),
    ("rekenhulp/budget/", "pgb"),
)
RUNTIME = re.compile(r"pyodide|/runtime/|worker\.mjs|\.wasm")


@pytest.fixture(scope="session")
def nginx_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not nginx.available():
        pytest.fail(nginx.MISSING)
    with nginx.running(site_dir, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture(params=["serve.py", "nginx"])
def host(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue("base_url" if request.param == "serve.py" else "nginx_url")


def answers(page: Page) -> list[str]:
    """The text of every result on the page, once every form shows a computed answer."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-rekenhulp-resultaat]')]"
        ".every((e) => e.dataset.status === 'klaar')",
        timeout=READY_MS,
    )
    return [el.inner_text() for el in page.query_selector_all("[data-rekenhulp-resultaat] .rh-inhoud")]


# --- a real host ---------------------------------------------------------------------------------


def test_nginx_sends_the_headers_of_serve_py(nginx_url: str, site_dir: Path) -> None:
    runtime = site_dir / "assets" / "rekenhulp" / "runtime"
    wasm = next(runtime.glob("pyodide-*/pyodide.asm.wasm")).relative_to(site_dir).as_posix()
    core = next(runtime.glob("core-*.zip")).relative_to(site_dir).as_posix()
    bundle = (
        next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).relative_to(site_dir).as_posix()
    )
    for path in (
        "/",
        "/rekenhulp/pgb-budget/",
        "/inbedden/pgb-budget/",  # framing allowed here only (issue 18)
        "/assets/rekenhulp/worker.mjs",
        f"/{wasm}",
        f"/{core}",
        f"/{bundle}",
    ):
        status, headers, _ = get(nginx_url + path)
        assert status == 200, path
        for name, value in headers_for(path).items():
            assert headers.get(name.lower()) == value, (path, name)
    assert get(f"{nginx_url}/{wasm}")[1]["content-type"] == "application/wasm"
    assert get(f"{nginx_url}/assets/rekenhulp/worker.mjs")[1]["content-type"].startswith("text/javascript")
    assert get(f"{nginx_url}/{core}")[1]["cache-control"] == "public, max-age=31536000, immutable"


def test_nginx_sends_the_precompressed_copies(nginx_url: str, site_dir: Path) -> None:
    wasm = next((site_dir / "assets" / "rekenhulp" / "runtime").glob("pyodide-*/pyodide.asm.wasm"))
    url = f"{nginx_url}/{wasm.relative_to(site_dir).as_posix()}"
    _, headers, body = get(url, **{"Accept-Encoding": "gzip, deflate, br"})
    assert headers["content-encoding"] == "br" and "Accept-Encoding" in headers.get("vary", "")
    assert brotli.decompress(body) == wasm.read_bytes()
    assert len(body) < 0.85 * len(gzip.compress(wasm.read_bytes(), 9))  # brotli beats gzip on wasm
    _, headers, body = get(url, **{"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == wasm.read_bytes()
    _, headers, body = get(url)
    assert "content-encoding" not in headers and body == wasm.read_bytes()


def test_nginx_answers_unknown_paths_with_the_404_page(nginx_url: str, site_dir: Path) -> None:
    status, headers, body = get(f"{nginx_url}/bestaat/niet/")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert body == (site_dir / "404.html").read_bytes()


def raw(url: str, request: bytes) -> bytes:
    """Send ``request`` as it is to the host of ``url``; everything it sends back until it closes."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(request)
        answer = b""
        try:
            while chunk := s.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass
    return answer


def test_nginx_conf_passes_nginx_t_without_warnings(tmp_path: Path) -> None:
    if not nginx.available():
        pytest.fail(nginx.MISSING)
    conf, _ = nginx.write_config(tmp_path / "site", tmp_path)
    result = nginx.check(conf)
    assert result.returncode == 0 and "[warn]" not in result.stderr, result.stderr


def test_nginx_names_no_version(nginx_url: str) -> None:
    assert get(nginx_url + "/")[1]["server"] == "nginx"
    assert get(nginx_url + "/bestaat/niet/")[1]["server"] == "nginx"


@pytest.mark.parametrize("path", ["/assets/", "/assets/rekenhulp/runtime/"])
def test_a_folder_without_index_is_not_found_on_either_host(host: str, site_dir: Path, path: str) -> None:
    """Not 403 (nginx's answer for a folder it may not list): the site's own 404 page."""
    status, _, body = get(host + path)
    assert status == 404 and body == (site_dir / "404.html").read_bytes()


def test_an_error_is_never_stored_on_either_host(host: str) -> None:
    """A 404 under runtime/ is not kept for a year: a later deploy may add the file."""
    path = "/assets/rekenhulp/runtime/bestaat-niet.js"
    status, headers, _ = get(host + path)
    assert status == 404
    for name, value in headers_for(path, status=404).items():
        assert headers.get(name.lower()) == value, name
    assert headers["cache-control"] == "no-store"


def _nginx_fouten() -> dict[int, str]:
    """The Dutch texts of deploy/nginx.conf's `map $status $wmo_fout`."""
    block = re.search(r"map \$status \$wmo_fout \{(.*?)\}", nginx.CONF.read_text(encoding="utf-8"), re.S)
    assert block, "map $status $wmo_fout ontbreekt in deploy/nginx.conf"
    return {int(code): text for code, text in re.findall(r'^\s*(\d{3})\s+"([^"]*)";', block.group(1), re.M)}


def test_nginx_says_the_dutch_texts_of_serve_py() -> None:
    fouten = _nginx_fouten()
    gedeeld = {code for code in fouten if code in serve.FOUTEN}
    assert gedeeld >= {400, 405, 414, 431, 501, 505}
    for code in gedeeld:
        assert fouten[code] == serve.FOUTEN[code], code


@pytest.mark.parametrize(
    ("request_bytes", "code"),
    [
        (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405),
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET / HTTP/9.9\r\n\r\n", 505),
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Lang: " + b"a" * 70_000 + b"\r\n\r\n", 431),
    ],
    ids=["post", "garbage", "http-9.9", "lange-url", "lange-kopregel"],
)
def test_nginx_answers_its_errors_in_dutch(nginx_url: str, request_bytes: bytes, code: int) -> None:
    """nginx's own errors get serve.py's page and text, not nginx's English page."""
    answer = raw(nginx_url, request_bytes)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(f"HTTP/1.1 {code}".encode()), head[:100]
    assert b"content-type: text/html; charset=utf-8" in head.lower()
    assert b"cache-control: no-store" in head.lower()
    message = _nginx_fouten()[code]
    assert body.decode() == serve.Handler.error_message_format % {"code": code, "message": message}


def test_http_09_gets_no_page_without_headers_on_either_host(host: str) -> None:
    """HTTP/0.9 ("GET /" without a version) would get the page without a status line or headers:
    serve.py answers 400 with both, nginx closes the connection."""
    answer = raw(host, b"GET /\r\n")
    assert answer == b"" or answer.startswith(b"HTTP/1.1 400 "), answer[:100]


@pytest.mark.parametrize(
    "accept_encoding",
    ["gzip, deflate, br", "br;q=0, gzip", "br, gzip;q=0", "gzip;q=0, br;q=0", "BR;Q=0.5", "*", "identity"],
)
def test_both_hosts_read_accept_encoding_alike(base_url: str, nginx_url: str, accept_encoding: str) -> None:
    path = "/assets/rekenhulp/worker.mjs"  # the build wrote worker.mjs.br and worker.mjs.gz
    ours = get(base_url + path, **{"Accept-Encoding": accept_encoding})[1].get("content-encoding")
    theirs = get(nginx_url + path, **{"Accept-Encoding": accept_encoding})[1].get("content-encoding")
    assert ours == theirs


def test_nginx_has_the_types_of_serve_py(site_dir: Path, base_url: str, nginx_url: str) -> None:
    """deploy/nginx.conf's types block is serve.py's TYPES, and covers every kind of file the build
    writes; both send the same Content-Type for one file of each kind."""
    block = re.search(r"^\s*types \{(.*?)\}", nginx.CONF.read_text(encoding="utf-8"), re.S | re.M)
    assert block, "types { } ontbreekt in deploy/nginx.conf"
    types = {}
    for line in block.group(1).strip().splitlines():
        kind, *suffixes = line.strip().rstrip(";").split()
        types.update({f".{suffix}": kind for suffix in suffixes})
    assert types == {suffix: kind.split(";")[0] for suffix, kind in serve.TYPES.items()}
    one_of_each: dict[str, Path] = {}
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            one_of_each.setdefault(path.suffix.lower(), path)
    assert set(one_of_each) <= set(serve.TYPES), set(one_of_each) - set(serve.TYPES)
    for path in one_of_each.values():
        url = "/" + path.relative_to(site_dir).as_posix()
        assert get(nginx_url + url)[1]["content-type"] == get(base_url + url)[1]["content-type"], url


# --- privacy -------------------------------------------------------------------------------------


def test_no_request_leaves_the_site_on_either_host(browser: Browser, host: str) -> None:
    context, page, watch = watched_context(browser, host)
    try:
        for path, _form in CALCULATORS:
            response = page.goto(f"{host}/{path}")
            assert (
                response is not None and "connect-src 'self'" in response.headers["content-security-policy"]
            )
            answers(page)
            page.wait_for_load_state("networkidle")
        watch.assert_clean()
    finally:
        context.close()


# --- the live pages' start ------------------------------------------------------------------------


@pytest.fixture
def counted(site_dir: Path) -> Iterator[tuple[str, list[str]]]:
    """The built site on its own server that notes the path of every request it answers."""
    server = make_server(site_dir, port=0, warm=False)
    seen: list[str] = []
    base = server.RequestHandlerClass  # functools.partial(handler class, directory=...)

    class Counting(base.func):  # type: ignore[name-defined,misc]
        def send_head(self):  # type: ignore[no-untyped-def]
            seen.append(self.path)
            return super().send_head()

    server.RequestHandlerClass = functools.partial(Counting, *base.args, **base.keywords)
    with serving(server) as url:
        yield url, seen


def test_a_live_page_preloads_the_runtime_and_downloads_it_once(
    browser: Browser, counted: tuple[str, list[str]]
) -> None:
    """The consultant's page asks for the wasm and the start archive before its worker runs
    (the page's own preload), and the worker's requests for them join those downloads."""
    base, seen = counted
    context = pinned_context(browser, locale="nl-NL", service_workers="block")
    try:
        page = context.new_page()
        page.goto(f"{base}/rekenhulp/normenkader/")
        answers(page)
        early = page.evaluate(
            "() => [...document.querySelectorAll('link[rel=preload][as=fetch]')].map((l) => l.href)"
        )
        assert any(u.endswith("pyodide.asm.wasm") for u in early), early
        assert any("/stdlib-start-" in u for u in early), early
        for url in early:
            path = url.removeprefix(base)
            assert seen.count(path) == 1, f"{path} {seen.count(path)} keer gevraagd"
    finally:
        context.close()


# --- static answers ------------------------------------------------------------------------------


def test_the_resident_page_answers_from_its_table_without_python(browser: Browser, base_url: str) -> None:
    context, page, watch = watched_context(browser, base_url)
    # The page's own requests: after the first answer the service worker may already be storing the
    # runtime for offline use, which is not the page starting Python.
    eigen: list[str] = []
    context.on("request", lambda r: None if r.service_worker else eigen.append(r.url))
    try:
        page.goto(f"{base_url}/{RESIDENT}")
        shown = answers(page)
        # Source 003, bijlage 11: HO stabilisatie 108 uur per jaar, sociaal netwerk € 143,01 per maand.
        assert "108 uur per jaar" in shown[0] and "143,01" in shown[0]
        before = [u for u in eigen if RUNTIME.search(u)]
        assert not before, f"Python was loaded for a precomputed answer: {before}"
        assert page.evaluate("() => Boolean(window.__rekenhulp && window.__rekenhulp.worker)") is False
        watch.assert_clean()
    finally:
        context.close()


def test_without_its_table_the_live_core_gives_the_same_answers(browser: Browser, base_url: str) -> None:
    context, page, _ = watched_context(browser, base_url)
    try:
        page.goto(f"{base_url}/{RESIDENT}")
        statisch = answers(page)
        page.locator("#advies-wasverzorging").select_option("2_personen")
        page.wait_for_function(
            "() => document.querySelector('[data-rekenhulp-resultaat=advies]').dataset.berekeningen === '2'"
        )
        statisch_was = answers(page)
    finally:
        context.close()
    context, page, watch = watched_context(browser, base_url)
    try:
        context.route("**/antwoorden/*.json", lambda route: route.abort())
        page.goto(f"{base_url}/{RESIDENT}")
        assert answers(page) == statisch
        page.locator("#advies-wasverzorging").select_option("2_personen")
        page.wait_for_function(
            "() => document.querySelector('[data-rekenhulp-resultaat=advies]').dataset.berekeningen === '2'"
        )
        assert answers(page) == statisch_was
        assert any("pyodide.asm.wasm" in u for u in watch.requests), "the live core did not answer"
    finally:
        context.close()


# Every state of the form, set the way a person sets it, read by formulier.js itself: each
# must be in the table (so the build's enumeration is complete), and the table must hold
# nothing else (so it is not larger than the form).
EVERY_STATE = """async () => {
  const form = document.getElementById("advies");
  // The page's own modules (the same instances its scripts use).
  const formulier = await import(new URL("../../assets/rekenhulp/formulier.js", document.baseURI).href);
  const python = await import(new URL("../../assets/rekenhulp/python.js", document.baseURI).href);
  const vooraf = window.__rekenhulp.vooraf;
  const delen = await Promise.all([...Array(vooraf.delen).keys()].map((i) => vooraf.haal(i)));
  // The form's own fields, and apart the household's (asked of the eigen bijdrage on their own).
  const groepen = (apart) => {
    const uit = new Map();
    for (const el of form.querySelectorAll("[name]")) {
      if (Boolean(el.closest("[data-apart]")) !== apart) continue;
      if (!uit.has(el.name)) uit.set(el.name, []);
      uit.get(el.name).push(el);
    }
    return [...uit.values()].map((els) => {
      const el = els[0];
      // A group with no answer chosen stays reachable only while none is checked by default.
      const geen = () => { for (const r of els) r.checked = false; };
      const elk = els.map((r) => () => { r.checked = true; });
      if (el.type === "radio") return els.some((r) => r.defaultChecked) ? elk : [geen, ...elk];
      if (el.type === "checkbox") return [true, false].map((v) => () => { el.checked = v; });
      return [...el.options].map((o) => () => { el.value = o.value; });
    });
  };
  const telling = async (keuzes, soort, lees) => {
    let states = 0, missing = 0;
    const keys = new Set();
    const walk = async (i) => {
      if (i === keuzes.length) {
        formulier.pasZichtbaarheidToe(form);
        const invoer = lees();
        states += 1;
        // Through the page's own lookup: its part of the table by python.js's hash.
        if ((await python.uitTabel(soort, invoer)) === null) missing += 1;
        keys.add(JSON.stringify(Object.entries(invoer).sort()));
        return;
      }
      for (const zet of keuzes[i]) { zet(); await walk(i + 1); }
    };
    await walk(0);
    const table = delen.reduce((n, d) => n + Object.keys(d.soorten[soort].perioden[0].antwoorden).length, 0);
    return { states, missing, distinct: keys.size, table };
  };
  const advies = await telling(groepen(false), "advies", () => formulier.leesInvoer(form));
  form.querySelector("select[name=gemeente]").value = "hoorn";
  const apart = () => formulier.leesApart(form).eigen_bijdrage;
  const huishouden = await telling(groepen(true), "eigen_bijdrage", apart);
  return { advies, huishouden };
}"""


def test_every_state_of_the_resident_form_is_in_the_table(browser: Browser, base_url: str) -> None:
    context, page, _ = watched_context(browser, base_url)
    try:
        page.goto(f"{base_url}/{RESIDENT}")
        answers(page)
        result = page.evaluate(EVERY_STATE)
        advies, huishouden = result["advies"], result["huishouden"]
        # 768: the form as it was (8 fields), now for each of the 19 places and none chosen.
        assert advies["states"] >= 768 * 20
        assert advies["missing"] == 0
        assert advies["distinct"] == advies["table"]
        # Child under 18 not said, yes, or no and then partner not said, no, or yes with both at AOW age
        # not said, yes, no: 1 + 1 + (1 + 1 + 3) = 7 inputs.
        assert huishouden["missing"] == 0
        assert huishouden["distinct"] == huishouden["table"] == 7
    finally:
        context.close()


# --- offline -------------------------------------------------------------------------------------


def test_offline_after_the_first_visit(browser: Browser, host: str) -> None:
    """Visit, go offline (the network cut), reload each calculator page: the same answers."""
    context = pinned_context(browser, locale="nl-NL", service_workers="allow")
    try:
        page = context.new_page()
        page.goto(f"{host}/{RESIDENT}")
        online = {RESIDENT: answers(page)}
        status = page.locator("[data-rekenhulp-offline]")
        expect(status).to_have_attribute("data-offline", "klaar", timeout=READY_MS)
        expect(status).to_contain_text("werkt ook zonder internet")
        for path, _form in CALCULATORS[1:]:
            page.goto(f"{host}/{path}")
            online[path] = answers(page)
        context.set_offline(True)
        for path, _form in CALCULATORS:
            page.goto(f"{host}/{path}")
            assert answers(page) == online[path], path
            expect(status).to_contain_text("U heeft nu geen internet")
        for path in ("producten/halderberge/ho-light/", "tarieven/halderberge/"):
            response = page.goto(f"{host}/{path}")
            assert response is not None and response.ok, path
            expect(page.locator("article h1")).to_be_visible()
    finally:
        context.close()


def test_catalogue_visitors_get_no_service_worker_and_no_runtime(browser: Browser, base_url: str) -> None:
    context, page, watch = watched_context(browser, base_url)
    try:
        for path in ("", "producten/halderberge/ho-light/", "tarieven/halderberge/"):
            page.goto(f"{base_url}/{path}")
            page.wait_for_load_state("networkidle")
        assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
        assert not [u for u in watch.requests if RUNTIME.search(u) or u.endswith("/sw.js")]
    finally:
        context.close()


@pytest.fixture
def own_site(site_dir: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A copy of the built site on its own server, to publish a "new build" into."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    with serving(make_server(copy, port=0, warm=False)) as url:
        yield url, copy


def test_a_new_build_is_picked_up_and_the_page_says_so(browser: Browser, own_site: tuple[str, Path]) -> None:
    base, site = own_site
    context = pinned_context(browser, locale="nl-NL", service_workers="allow")
    try:
        page = context.new_page()
        page.goto(f"{base}/{RESIDENT}")
        answers(page)
        status = page.locator("[data-rekenhulp-offline]")
        expect(status).to_have_attribute("data-offline", "klaar", timeout=READY_MS)
        # A new build: one page changed, so the service worker's precache list changes too.
        sw = site / "sw.js"
        text = sw.read_text(encoding="utf-8")
        changed = re.sub(r'(url:"tarieven/index\.html",revision:")[0-9a-f]+', r"\g<1>0123456789abcdef", text)
        assert changed != text
        sw.write_text(changed, encoding="utf-8")
        for suffix in (".br", ".gz"):
            Path(f"{sw}{suffix}").unlink(missing_ok=True)
        page.reload()
        answers(page)
        expect(status).to_have_attribute("data-offline", "nieuw", timeout=READY_MS)
        expect(status).to_contain_text("nieuwe versie")
        expect(status.get_by_role("button", name="Pagina opnieuw laden")).to_be_visible()
    finally:
        context.close()


# A deploy while a page is open (issue 20, finding 3): the page of the old build and a worker of the
# new one must never answer side by side. A "new build" here is the copy's runtime version changed
# in the files a deploy replaces; the calculator files themselves stay, so the page still answers.
NEW_VERSION = "0123456789ab"
BUDGET = "rekenhulp/budget/"


def _deploy(site: Path, *, pages: bool) -> None:
    """Publish a new runtime version into the copy: the worker and versie.json, and the pages too
    unless ``pages`` is False (a cache in between still hands out the old pages)."""
    assets = site / "assets" / "rekenhulp"
    old = json.loads((assets / "versie.json").read_text(encoding="utf-8"))["versie"]
    files = [assets / "worker.mjs", assets / "versie.json"]
    if pages:
        files += [p for p in site.rglob("*.html") if f'"versie": "{old}"' in p.read_text(encoding="utf-8")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        changed = text.replace(f'"versie": "{old}"', f'"versie": "{NEW_VERSION}"')
        assert changed != text, path
        path.write_text(changed, encoding="utf-8")
        for suffix in (".br", ".gz"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _restart_worker(page: Page) -> None:
    """Start a fresh worker, as the page does after a hang or on "Opnieuw proberen"."""
    page.evaluate(
        "async () => (await import(document.querySelector('script[src*=\"rekenhulp.js\"]').src"
        ".replace('rekenhulp.js', 'python.js'))).opnieuw()"
    )


@contextmanager
def _answered_page(browser: Browser, url: str) -> Iterator[Page]:
    """A fresh page on ``url`` without a service worker (a first visit), once it shows its answers."""
    context = pinned_context(browser, locale="nl-NL", service_workers="block")
    try:
        page = context.new_page()
        page.goto(url)
        answers(page)
        yield page
    finally:
        context.close()


def _restart_and_reload(page: Page) -> None:
    """Restart the worker and wait for the reload it leads to (a load, not the address update before it)."""
    with page.expect_event("load", timeout=READY_MS):
        _restart_worker(page)


def _count(page: Page, form: str) -> int:
    return int(page.locator(f"[data-rekenhulp-resultaat='{form}']").get_attribute("data-berekeningen") or 0)


def _page_version(page: Page) -> str:
    """The build the page belongs to (its start data; markers a build leaves unfilled read as empty)."""
    return page.evaluate(
        "() => JSON.parse(document.getElementById('rh-start').textContent"
        ".replace(/\\/\\*@[A-Z]+@\\*\\//g, '')).versie"
    )


def test_an_open_page_reloads_into_a_new_build_and_says_so(
    browser: Browser, own_site: tuple[str, Path]
) -> None:
    base, site = own_site
    with _answered_page(browser, f"{base}/{BUDGET}") as page:
        field = page.locator("#pgb-product")
        choice = field.locator("option").nth(1).get_attribute("value")
        assert choice and choice != field.input_value()
        shown = _count(page, "pgb")
        field.select_option(choice)
        wait_count(page, "pgb", shown + 1)
        before = answers(page)
        assert _page_version(page) != NEW_VERSION
        _deploy(site, pages=True)
        _restart_and_reload(page)
        # The reloaded page has the edited answer (carried in the address) and the new build.
        assert answers(page) == before
        assert field.input_value() == choice and _page_version(page) == NEW_VERSION
        status = page.locator("[data-rekenhulp-offline]")
        expect(status).to_have_attribute("data-bijgewerkt", "")
        expect(status).to_contain_text("De rekenhulp is bijgewerkt naar een nieuwe versie")


def test_a_new_worker_beside_an_old_page_is_not_used(browser: Browser, own_site: tuple[str, Path]) -> None:
    """The new build's worker beside a page of the old one (a cache between them): one reload, and
    when that brings the old page again, no answer from the new worker; the page says why."""
    base, site = own_site
    with _answered_page(browser, f"{base}/{BUDGET}") as page:
        _deploy(site, pages=False)
        _restart_and_reload(page)
        result = page.locator("[data-rekenhulp-resultaat]").first
        expect(result).to_have_attribute("data-status", "nieuw", timeout=READY_MS)
        expect(result).to_contain_text("Er is een nieuwe versie van de rekenhulp")
        expect(result.get_by_role("button", name="Pagina opnieuw laden")).to_be_visible()
        expect(result).to_contain_text("oude en nieuwe bedragen niet door elkaar")
        assert page.locator("[data-rekenhulp-resultaat][data-status='klaar']").count() == 0


def test_a_tab_left_open_is_told_of_a_new_build(browser: Browser, own_site: tuple[str, Path]) -> None:
    base, site = own_site
    with _answered_page(browser, f"{base}/{BUDGET}") as page:
        before = answers(page)
        status = page.locator("[data-rekenhulp-offline]")
        _deploy(site, pages=True)
        # Coming back to the tab (the page asks when it becomes visible).
        page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")
        expect(status).to_have_attribute("data-offline", "nieuw", timeout=READY_MS)
        expect(status.get_by_role("button", name="Pagina opnieuw laden")).to_be_visible()
        assert answers(page) == before  # the open page keeps its own, consistent version


def test_a_consultants_notes_are_not_thrown_away_by_a_new_build(
    browser: Browser, own_site: tuple[str, Path]
) -> None:
    """Notes live only in the page: with one typed, a new build is announced, not loaded by itself."""
    base, site = own_site
    with _answered_page(browser, f"{base}/rekenhulp/normenkader/") as page:
        note = page.locator("#ho-motivatie")
        note.fill("Mantelzorger valt weg per 1 januari.")
        _deploy(site, pages=True)
        _restart_worker(page)
        result = page.locator("[data-rekenhulp-resultaat='ho']")
        expect(result).to_have_attribute("data-status", "nieuw", timeout=READY_MS)
        expect(result.get_by_role("button", name="Pagina opnieuw laden")).to_be_visible()
        expect(note).to_have_value("Mantelzorger valt weg per 1 januari.")
