"""A local, threaded HTTP server for the benchmark: site/ at /, plus two benchmark-only mounts.

    /                   -> site/                    (the built site, as `make serve` shows it)
    /_bench/baseline/   -> bench/baseline/          (the baseline page and its worker)
    /_bench/pyodide/    -> node_modules/pyodide/    (the unmodified npm Pyodide for the baseline)

Cache headers matter for the warm figures, so every response, the baseline's included, gets the
headers the project's own server (`browser.serve`) would give a file of that name. When that
module does not offer its policy, `FALLBACK` below is used and the report says so.

The server also tallies the bytes it writes per request: a cross-check on the browser's own count
(a request the browser made but did not report, from a worker say, still shows up here).
"""

from __future__ import annotations

import importlib
import inspect
import mimetypes
import re
import threading
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

# Types Python 3.11's table lacks or gets wrong; module workers and streaming Wasm compilation
# refuse anything else.
TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
}

# A content hash in the file name (mkdocs-material's bundle.a5f9d56c.min.js, or a packaged
# archive like core.3f9c0a1b2c.zip): such a URL never changes meaning, so it may be cached for good.
HASHED = re.compile(r"[.-][0-9a-f]{8,}[.-]")


def fallback_cache_control(path: str) -> str:
    """Cache-Control for one URL path when browser.serve offers no policy of its own.

    The usual static-site policy: hashed names are immutable; everything else is revalidated
    (no-cache + Last-Modified gives a 304 on a warm visit instead of a full download).
    """
    if HASHED.search(path.rsplit("/", 1)[-1]):
        return "public, max-age=31536000, immutable"
    return "no-cache"


@dataclass
class HeaderPolicy:
    """Where the cache headers come from, so the report can say which policy was measured."""

    source: str
    headers: Callable[[str], dict[str, str]]


def header_policy() -> HeaderPolicy:
    """The project's header policy if browser.serve exposes one, else the fallback.

    browser.serve is another engineer's module; rather than guess its internals, accept any of
    a few plain shapes: a function `headers_for(path) -> dict`, a function `cache_control(path)
    -> str`, or a mapping/function named CACHE_HEADERS.
    """
    try:
        serve = importlib.import_module("browser.serve")
    except ModuleNotFoundError:
        serve = None
    if serve is not None:
        for name in ("headers_for", "response_headers", "extra_headers"):
            fn = getattr(serve, name, None)
            if callable(fn) and _arity(fn) == 1:
                return HeaderPolicy(f"browser.serve.{name}", lambda p, fn=fn: dict(fn(p)))
        for name in ("cache_control", "cache_control_for"):
            fn = getattr(serve, name, None)
            if callable(fn) and _arity(fn) == 1:
                return HeaderPolicy(f"browser.serve.{name}", lambda p, fn=fn: {"Cache-Control": fn(p)})
    return HeaderPolicy(
        "bench.server.fallback_cache_control",
        lambda p: {"Cache-Control": fallback_cache_control(p)},
    )


def _arity(fn: Callable[..., Any]) -> int:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return -1
    return sum(1 for p in params if p.default is inspect.Parameter.empty and p.kind != p.VAR_KEYWORD)


@dataclass
class Tally:
    """Bytes written per request path, thread-safe (the server answers in parallel)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    entries: list[tuple[str, int, int]] = field(default_factory=list)  # (path, status, bytes)

    def add(self, path: str, status: int, nbytes: int) -> None:
        with self.lock:
            self.entries.append((path, status, nbytes))

    def reset(self) -> None:
        with self.lock:
            self.entries.clear()

    def snapshot(self) -> list[tuple[str, int, int]]:
        with self.lock:
            return list(self.entries)


class _CountingWriter:
    """Wraps the socket writer to count what actually goes on the wire (headers included)."""

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


def make_handler(
    site: Path, baseline: Path, pyodide: Path, policy: HeaderPolicy, tally: Tally
) -> type[SimpleHTTPRequestHandler]:
    mounts = [(BASELINE_PREFIX, baseline), (PYODIDE_PREFIX, pyodide), ("/", site)]

    class Handler(SimpleHTTPRequestHandler):
        # Keep-alive, like any production server; the browser then reuses its connections.
        protocol_version = "HTTP/1.1"
        extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}

        def setup(self) -> None:
            super().setup()
            self.wfile = _CountingWriter(self.wfile)  # type: ignore[assignment]

        def translate_path(self, path: str) -> str:
            url_path = unquote(urlsplit(path).path)
            for prefix, folder in mounts:
                if url_path.startswith(prefix):
                    rest = url_path[len(prefix) :]
                    target = (folder / rest).resolve()
                    # Never serve outside the mount (../ in a URL).
                    if target != folder.resolve() and folder.resolve() not in target.parents:
                        return str(folder / "__outside__")
                    return str(target) + ("/" if url_path.endswith("/") else "")
            return str(site / "__none__")

        def end_headers(self) -> None:
            for key, value in policy.headers(urlsplit(self.path).path).items():
                self.send_header(key, value)
            super().end_headers()

        def handle_one_request(self) -> None:
            before = self.wfile.count  # type: ignore[attr-defined]
            super().handle_one_request()
            written = self.wfile.count - before  # type: ignore[attr-defined]
            if written and getattr(self, "path", None):
                tally.add(urlsplit(self.path).path, getattr(self, "_status", 0), written)

        def send_response(self, code: int, message: str | None = None) -> None:
            self._status = code
            super().send_response(code, message)

        def guess_type(self, path: str | Path) -> str:
            suffix = Path(str(path)).suffix.lower()
            return TYPES.get(suffix) or mimetypes.guess_type(str(path))[0] or "application/octet-stream"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
            pass  # quiet: thousands of requests, and the timing should not wait on a terminal

    return Handler


@dataclass
class Server:
    """A running benchmark server."""

    url: str
    tally: Tally
    policy: HeaderPolicy


@contextmanager
def serve(
    site: Path = ROOT / "site",
    baseline: Path = ROOT / "bench" / "baseline",
    pyodide: Path = ROOT / "node_modules" / "pyodide",
) -> Iterator[Server]:
    """Serve on 127.0.0.1 on a free port in a background thread, for the duration of the block."""
    policy = header_policy()
    tally = Tally()
    handler = make_handler(site, baseline, pyodide, policy, tally)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="bench-server", daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", tally, policy)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
