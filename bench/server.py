"""A local, threaded HTTP server for the benchmark: site/ at /, plus two benchmark-only mounts.

    /                   -> site/                    (the built site, as `make serve` shows it)
    /_bench/baseline/   -> bench/baseline/          (the baseline page and its worker)
    /_bench/pyodide/    -> node_modules/pyodide/    (the unmodified npm Pyodide for the baseline)

It is the project's own server (`browser.serve.Handler`: gzip, cache and security headers) with
the two mounts added, so ours and the baseline are served alike. The baseline's Pyodide files get
the headers the project's server gives the same files where the site keeps them (a versioned
folder under /assets/rekenhulp/runtime/, cached for a year): a baseline deployment would
self-host them the same way, and a different cache policy would make the warm ratio measure the
headers instead of the runtime. Without browser.serve a plain fallback is used and the report
says so.

The server also tallies the bytes it writes per request (status line, headers and the possibly
compressed body): the bytes figure, counted where nothing can hide from it, such as a worker's
requests.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BASELINE_PREFIX = "/_bench/baseline/"
PYODIDE_PREFIX = "/_bench/pyodide/"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# Where the site keeps its Pyodide runtime (browser/package.py); {version} from package.json.
SITE_RUNTIME = "/assets/rekenhulp/runtime/pyodide-{version}/"

# Used only without browser.serve: types Python 3.11 lacks (module workers and streaming wasm
# compilation refuse anything else) and a plain cache policy.
FALLBACK_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
}
FALLBACK_HASHED = re.compile(r"[.-][0-9a-f]{8,}[.-]|/runtime/")


def _fallback_headers(path: str) -> dict[str, str]:
    immutable = FALLBACK_HASHED.search(path) is not None
    return {"Cache-Control": "public, max-age=31536000, immutable" if immutable else "no-cache"}


def pyodide_version() -> str:
    return json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def site_path_for(url_path: str) -> str:
    """The path whose headers a benchmark URL gets: baseline Pyodide files as the site's runtime."""
    if url_path.startswith(PYODIDE_PREFIX):
        return SITE_RUNTIME.format(version=pyodide_version()) + url_path[len(PYODIDE_PREFIX) :]
    return url_path


@dataclass
class Tally:
    """Bytes written per request path, thread-safe (the server answers in parallel)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    entries: list[tuple[str, int, int]] = field(default_factory=list)  # (path, status, bytes)
    # When each request arrived (time.time(), seconds), in the order of ``entries``.
    arrived: list[float] = field(default_factory=list)

    def add(self, path: str, status: int, nbytes: int, arrived: float = 0.0) -> None:
        with self.lock:
            self.entries.append((path, status, nbytes))
            self.arrived.append(arrived)

    def reset(self) -> None:
        with self.lock:
            self.entries.clear()
            self.arrived.clear()

    def snapshot(self) -> list[tuple[str, int, int]]:
        with self.lock:
            return list(self.entries)

    def before(self, epoch_s: float) -> list[tuple[str, int, int]]:
        """The entries of requests that arrived before ``epoch_s`` (asked for before then)."""
        with self.lock:
            return [e for e, t in zip(self.entries, self.arrived, strict=True) if t <= epoch_s]


class _CountingWriter:
    """Wraps the socket writer to count what actually goes on the wire."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data: bytes) -> int:
        n = self.raw.write(data)
        self.count += len(data) if n is None else n
        return n

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


@dataclass
class _Base:
    handler: type[SimpleHTTPRequestHandler]
    headers: Callable[[str], dict[str, str]]
    source: str
    prepare: Callable[[list[Path]], None]  # e.g. compress the big files before timing starts


def _project_server() -> _Base:
    """browser.serve's handler and headers if that module has them, else the fallback."""
    try:
        serve = importlib.import_module("browser.serve")
        handler = serve.Handler
        headers = serve.headers_for
        cache_cls = serve.GzipCache
    except (ModuleNotFoundError, AttributeError):
        return _Base(SimpleHTTPRequestHandler, _fallback_headers, "fallback (browser.serve ontbreekt)", _noop)

    cache = cache_cls()

    def prepare(folders: list[Path]) -> None:
        # The real server compresses big files in the background at start-up; here it is done
        # before the first visit, so no timed visit waits for (or races) the compression.
        for folder in folders:
            cache.warm(folder)

    sub = type("BenchBase", (handler,), {"gzip_cache": cache})
    return _Base(sub, headers, "browser.serve (gzip, headers_for)", prepare)


def _noop(_: list[Path]) -> None:
    return None


def make_handler(
    site: Path, baseline: Path, pyodide: Path, base: _Base, tally: Tally
) -> type[SimpleHTTPRequestHandler]:
    mounts = [
        (BASELINE_PREFIX, baseline.resolve()),
        (PYODIDE_PREFIX, pyodide.resolve()),
        ("/", site.resolve()),
    ]

    class Handler(base.handler):  # type: ignore[valid-type, misc]
        protocol_version = "HTTP/1.1"  # keep-alive, as browser.serve

        def setup(self) -> None:
            super().setup()
            self.wfile = _CountingWriter(self.wfile)  # type: ignore[assignment]

        def translate_path(self, path: str) -> str:
            url_path = unquote(urlsplit(path).path)
            for prefix, folder in mounts:
                if url_path.startswith(prefix):
                    target = (folder / url_path[len(prefix) :]).resolve()
                    # Never serve outside the mount (../ in a URL).
                    if target != folder and folder not in target.parents:
                        return str(folder / "__outside__")
                    return str(target) + ("/" if url_path.endswith("/") else "")
            return str(site / "__none__")

        def end_headers(self) -> None:
            # SimpleHTTPRequestHandler.end_headers, skipping the parent's own header logic so
            # the mapped path decides (the parent would look at the /_bench/ URL).
            for key, value in base.headers(site_path_for(urlsplit(self.path).path)).items():
                self.send_header(key, value)
            SimpleHTTPRequestHandler.end_headers(self)

        def guess_type(self, path: str | os.PathLike[str]) -> str:
            suffix = Path(path).suffix.lower()
            if base.handler is SimpleHTTPRequestHandler and suffix in FALLBACK_TYPES:
                return FALLBACK_TYPES[suffix]
            return super().guess_type(path)

        def handle_one_request(self) -> None:
            before = self.wfile.count  # type: ignore[attr-defined]
            self._arrived = 0.0
            super().handle_one_request()
            written = self.wfile.count - before  # type: ignore[attr-defined]
            if written and getattr(self, "path", None):
                tally.add(urlsplit(self.path).path, getattr(self, "_status", 0), written, self._arrived)

        def parse_request(self) -> bool:
            # The request line has been read: this is when the browser asked.
            self._arrived = time.time()
            return super().parse_request()

        def send_response(self, code: int, message: str | None = None) -> None:
            self._status = int(code)
            super().send_response(code, message)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
            pass  # thousands of requests; the timing should not wait on a terminal

    return Handler


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser closing a connection mid-response (page closed, profile shut) is normal here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Server:
    """A running benchmark server."""

    url: str
    tally: Tally
    policy: str


@contextmanager
def serve(
    site: Path = ROOT / "site",
    baseline: Path = ROOT / "bench" / "baseline",
    pyodide: Path = PYODIDE_DIR,
) -> Iterator[Server]:
    """Serve on 127.0.0.1 on a free port in a background thread, for the duration of the block."""
    base = _project_server()
    base.prepare([site, baseline, pyodide])
    tally = Tally()
    httpd = _Quiet(("127.0.0.1", 0), make_handler(site, baseline, pyodide, base, tally))
    thread = threading.Thread(target=httpd.serve_forever, name="bench-server", daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", tally, base.source)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
