"""Serve the built site on 127.0.0.1 with the headers a good static host would send.

    python -m browser.serve site --port 8000

- Hashed and versioned files (the Pyodide runtime, the stdlib archives, the core archive,
  mkdocs-material's bundles) may be cached for a year ("immutable"); everything else is
  revalidated on every use (Last-Modified / If-Modified-Since, answered with 304).
- The build's precompressed copies (``.br``, ``.gz``, browser/compress.py) are sent as they
  are when the browser accepts them; other text is gzip-compressed (the big files once, in
  the background at start-up, then from memory).
- A Content-Security-Policy that only allows the site's own origin: even a bug cannot
  send what a visitor types elsewhere. Pyodide needs 'wasm-unsafe-eval'; inline scripts run
  only by the hash the build computed (browser/csp.py), so no 'unsafe-inline' for scripts.

- Hardened like a real host: every malformed request (garbage, a bad HTTP version, binary
  bytes, a bare CRLF, an overlong URL, a NUL in the path) gets a short answer (400, 414, 505);
  no directory listings; unknown paths get the site's own 404.html; time limits for a slow
  request head and an idle keep-alive connection; TCP_NODELAY, so a kept-alive connection does
  not wait for a delayed ACK between the header and body writes; no Python version in `Server`.

`make_server` is used by the end-to-end tests, which serve the site in a thread.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import http.server
import io
import os
import re
import socket
import sys
import threading
import time
from pathlib import Path

from browser import csp

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".yaml": "text/yaml; charset=utf-8",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    # A compressed copy asked for by its own name (sitemap.xml.gz) goes out as bytes.
    ".gz": "application/octet-stream",
    ".br": "application/octet-stream",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json",
}
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".yaml", ".wasm"}
IMMUTABLE = re.compile(
    r"^/assets/rekenhulp/runtime/"  # versioned folder or content-hashed names
    r"|^/assets/(javascripts|stylesheets)/.+\.[0-9a-f]{8,}\.min\.(js|css)$"  # mkdocs-material
)
SITE = Path(__file__).resolve().parent.parent / "site"  # what make serve, bench/ and the tests serve
# Only the calculators under /inbedden/ may be shown in another site's <iframe> (issue 18); every
# other page forbids framing. deploy/nginx.conf has the same rule in its `location /inbedden/`.
EMBED_PREFIX = "/inbedden/"
PRECOMPRESS_FROM = 100_000  # bytes; smaller files are compressed on first request
IDLE_TIMEOUT = 15.0  # seconds a kept-alive connection may wait for its next request
HEAD_TIMEOUT = 10.0  # seconds to send a whole request head once it has begun
SERVER_NAME = "Wmo-productwijzer"
# Short Dutch bodies for the errors this server sends itself (the 404 is the site's own page).
FOUTEN = {
    400: "Dit verzoek kan de server niet lezen.",
    404: "Deze pagina bestaat niet.",
    405: "Deze methode is hier niet toegestaan.",
    408: "Het verzoek duurde te lang.",
    414: "Het adres is te lang.",
    431: "De kopregels van het verzoek zijn te groot.",
    501: "Deze methode kent de server niet.",
    505: "Deze HTTP-versie kent de server niet.",
}


def cache_control(path: str) -> str:
    """Cache-Control for a URL path: a year for hashed/versioned files, else revalidate."""
    if IMMUTABLE.search(path.split("?", 1)[0].split("#", 1)[0]):
        return "public, max-age=31536000, immutable"
    return "no-cache"


def _frames(path: str, policy: str) -> str:
    """The policy for ``path``: framing allowed under EMBED_PREFIX only."""
    return (
        policy.replace("frame-ancestors 'none'", "frame-ancestors *")
        if path.startswith(EMBED_PREFIX)
        else policy
    )


def headers_for(path: str, site: Path = SITE) -> dict[str, str]:
    """Every header this server adds to a response for ``path`` of ``site`` (also used by bench/)."""
    return {
        "Cache-Control": cache_control(path),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": _frames(path, csp.policy(csp.read_hashes(site))),
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def precompressed(path: str, accept_encoding: str) -> tuple[str, str] | None:
    """The build's precompressed copy of ``path`` the browser accepts (browser/compress.py):
    ("br", path + ".br") before ("gzip", path + ".gz"), or None."""
    accepted = {part.split(";", 1)[0].strip().lower() for part in accept_encoding.split(",")}
    for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
        if encoding in accepted and os.path.isfile(path + suffix):
            return encoding, path + suffix
    return None


class GzipCache:
    """Gzipped bodies in memory, keyed by path and (mtime, size), so a rebuild is seen."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, tuple[tuple[int, int], bytes]] = {}

    def get(self, path: str) -> bytes:
        st = os.stat(path)
        stamp = (st.st_mtime_ns, st.st_size)
        with self._lock:
            item = self._items.get(path)
        if item and item[0] == stamp:
            return item[1]
        with open(path, "rb") as fh:
            body = gzip.compress(fh.read(), compresslevel=6, mtime=0)
        with self._lock:
            self._items[path] = (stamp, body)
        return body

    def warm(self, root: Path) -> None:
        """Compress the big files now, so no visitor waits for it."""
        for path in root.rglob("*"):
            big = path.suffix in COMPRESSIBLE and path.is_file()
            if big and os.path.isfile(f"{path}.gz"):
                continue  # the build compressed it already (see precompressed)
            if big and path.stat().st_size >= PRECOMPRESS_FROM:
                self.get(str(path))


class _HeadDeadline:
    """``rfile`` while the request head is read: each line may only use what is left of the deadline,
    so a client that trickles header lines cannot hold a connection open."""

    def __init__(self, rfile: io.BufferedIOBase, connection: socket.socket, seconds: float) -> None:
        self._rfile = rfile
        self._connection = connection
        self._until = time.monotonic() + seconds

    def readline(self, limit: int = -1) -> bytes:
        rest = self._until - time.monotonic()
        if rest <= 0:
            raise TimeoutError("request head too slow")
        self._connection.settimeout(rest)
        return self._rfile.readline(limit)

    def __getattr__(self, name: str) -> object:
        return getattr(self._rfile, name)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with caching, compression and security headers."""

    gzip_cache: GzipCache
    protocol_version = "HTTP/1.1"  # keep-alive: the rekenhulp fetches several files at once
    server_version = SERVER_NAME
    default_request_version = "HTTP/1.0"  # so an error on a garbled request line still has a status line
    error_content_type = "text/html; charset=utf-8"
    error_message_format = (
        '<!doctype html><html lang="nl"><meta charset="utf-8"><title>%(code)d</title>'
        "<p>%(message)s (%(code)d)</p></html>\n"
    )

    def setup(self) -> None:
        super().setup()
        # Headers and body go out as separate writes; without NODELAY a kept-alive connection
        # waits for the client's delayed ACK (about 40 ms) before the body leaves.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def version_string(self) -> str:
        return SERVER_NAME  # no Python version for the world to read

    def handle_one_request(self) -> None:
        self.path = "/"  # so an error before the request line is parsed can still be answered
        try:
            self.connection.settimeout(IDLE_TIMEOUT)
            super().handle_one_request()
        except (TimeoutError, ConnectionError):
            self.close_connection = True

    def parse_request(self) -> bool:
        if not self.raw_requestline.strip():  # a bare CRLF: answer instead of hanging up silently
            self.request_version = "HTTP/1.1"
            self.requestline = ""
            self.send_error(http.HTTPStatus.BAD_REQUEST)
            return False
        rfile = self.rfile
        self.rfile = _HeadDeadline(rfile, self.connection, HEAD_TIMEOUT)  # type: ignore[assignment]
        try:
            ok = super().parse_request()
        finally:
            self.rfile = rfile
            self.connection.settimeout(IDLE_TIMEOUT)
        if ok and ("\x00" in self.path or "%00" in self.path):
            self.send_error(http.HTTPStatus.BAD_REQUEST)
            return False
        return ok

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Dutch short errors; a 404 is the site's own 404.html when it has one."""
        if code == http.HTTPStatus.NOT_FOUND and self.command in ("GET", "HEAD") and self._send_404_page():
            return
        # The English detail (it may quote the request) stays out of the answer.
        super().send_error(code, FOUTEN.get(int(code), "Fout"), "")

    def _send_404_page(self) -> bool:
        page = os.path.join(self.directory, "404.html")
        try:
            with open(page, "rb") as fh:
                body = fh.read()
        except OSError:
            return False
        self.send_response(http.HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", TYPES[".html"])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return True

    def list_directory(self, path: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
        """No directory listings: a folder without index.html is not found."""
        self.send_error(http.HTTPStatus.NOT_FOUND)
        return None

    def translate_path(self, path: str) -> str:
        try:
            return super().translate_path(path)
        except ValueError:  # for example a NUL byte after unquoting
            return os.path.join(self.directory, "\uffff-ongeldig")

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return TYPES.get(Path(path).suffix.lower()) or super().guess_type(path)

    def end_headers(self) -> None:
        for name, value in headers_for(getattr(self, "path", "/"), Path(self.directory)).items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        """Like the parent, but gzip when accepted (the parent handles 304 and dirs)."""
        path = self.translate_path(self.path)
        # A directory URL ("/producten/x/") serves its index.html: compress that too.
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            index = os.path.join(path, "index.html")
            if os.path.isfile(index):
                path = index
        suffix = Path(path).suffix.lower()
        accept = self.headers.get("Accept-Encoding", "")
        ready = precompressed(path, accept) if os.path.isfile(path) else None
        accepts_gzip = "gzip" in accept
        if not ready and not (accepts_gzip and suffix in COMPRESSIBLE and os.path.isfile(path)):
            return super().send_head()
        st = os.stat(path)
        if self._not_modified(st.st_mtime):
            self.send_response(http.HTTPStatus.NOT_MODIFIED)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        if ready:
            encoding, copy = ready
            with open(copy, "rb") as fh:
                body = fh.read()
        else:
            encoding, body = "gzip", self.gzip_cache.get(path)
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(st.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def _not_modified(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            when = email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(mtime) <= when.timestamp()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - parent's name
        if os.environ.get("REKENHULP_SERVE_LOG"):
            super().log_message(format, *args)


def make_server(
    root: Path, port: int = 0, host: str = "127.0.0.1", warm: bool = True
) -> http.server.ThreadingHTTPServer:
    """A server for ``root`` (port 0: a free port); call ``serve_forever`` to run it."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise SystemExit(f"{root} bestaat niet; bouw eerst de site (make build)")
    cache = GzipCache()
    handler = functools.partial(type("SiteHandler", (Handler,), {"gzip_cache": cache}), directory=str(root))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    if warm:
        threading.Thread(target=cache.warm, args=(root,), daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serveer de gebouwde site lokaal.")
    parser.add_argument("root", nargs="?", default="site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    server = make_server(args.root, args.port, args.host)
    host, port = server.server_address[:2]
    print(f"Wmo-productwijzer: http://{host}:{port}/  (stoppen: Ctrl+C)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
