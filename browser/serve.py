"""Serve the built site on 127.0.0.1 with the headers a good static host would send.

    python -m browser.serve site --port 8000

- Hashed and versioned files (the Pyodide runtime, the stdlib archives, the core archive,
  mkdocs-material's bundles) may be cached for a year ("immutable") when they are there (200,
  304); an error is never stored ("no-store"); everything else is revalidated on every use
  (Last-Modified / If-Modified-Since, answered with 304).
- The build's precompressed copies (``.br``, ``.gz``, browser/compress.py) are sent as they
  are when the browser accepts them (a coding with ``q=0`` it refuses, as nginx reads it);
  other text is gzip-compressed (the big files once, in the background at start-up, then
  from memory).
- A Content-Security-Policy that only allows the site's own origin: even a bug cannot
  send what a visitor types elsewhere. Pyodide needs 'wasm-unsafe-eval'; inline scripts run
  only by the hash the build computed (browser/csp.py), so no 'unsafe-inline' for scripts.

- Hardened like a real host: every malformed request (garbage, a bad HTTP version, HTTP/0.9,
  binary bytes, a bare CRLF, an overlong URL, a NUL in the path) gets a short answer (400, 414,
  505) with a status line and headers; no directory listings; unknown paths get the site's own
  404.html; a listen backlog for bursts of connections; one time limit for the whole request
  head (request line and headers, from its first byte) and one for an idle keep-alive
  connection; TCP_NODELAY, so a kept-alive connection does not wait for a delayed ACK between
  the header and body writes; no Python version in `Server`.

deploy/nginx.conf states the same rules for nginx; tests/e2e/test_delivery.py compares the two.
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
    ".map": "application/json",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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
HEAD_TIMEOUT = 10.0  # seconds to send a whole request head (request line and headers) once begun
# Connections the kernel holds until the server takes them. The standard library's 5 drops a
# burst: the rest wait for the client's SYN retries, seconds each (nginx's default is 511).
BACKLOG = 1024
# A quality value as RFC 9110 writes it; nginx's gzip_static reads anything else as q=0.
QVALUE = re.compile(r"0(\.[0-9]{0,3})?|1(\.0{0,3})?")
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


def cache_control(path: str, status: int = 200) -> str:
    """Cache-Control for an answer: a year for a hashed/versioned file that is there, never
    storing an error (a 404 under runtime/ must not hide a file a later deploy adds), else
    revalidate."""
    if status >= 400:
        return "no-store"
    if status in (200, 304) and IMMUTABLE.search(path.split("?", 1)[0].split("#", 1)[0]):
        return "public, max-age=31536000, immutable"
    return "no-cache"


def _frames(path: str, policy: str) -> str:
    """The policy for ``path``: framing allowed under EMBED_PREFIX only."""
    return (
        policy.replace("frame-ancestors 'none'", "frame-ancestors *")
        if path.startswith(EMBED_PREFIX)
        else policy
    )


def headers_for(path: str, site: Path = SITE, status: int = 200) -> dict[str, str]:
    """Every header this server adds to a ``status`` response for ``path`` of ``site`` (also used
    by bench/)."""
    return {
        "Cache-Control": cache_control(path, status),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": _frames(path, csp.policy(csp.read_hashes(site))),
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def accepted(accept_encoding: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts, as nginx reads it: one with q=0
    (or a q that is no quality value) is refused, and "*" names none (nginx sends br or gzip only
    when it is named)."""
    codings = set()
    for part in accept_encoding.split(","):
        name, *params = part.split(";")
        quality = "1"
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                quality = value.strip()
        if QVALUE.fullmatch(quality) and float(quality) > 0:
            codings.add(name.strip().lower())
    return codings


def precompressed(path: str, accept_encoding: str) -> tuple[str, str] | None:
    """The build's precompressed copy of ``path`` the browser accepts (browser/compress.py):
    ("br", path + ".br") before ("gzip", path + ".gz"), or None."""
    codings = accepted(accept_encoding)
    for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
        if encoding in codings and os.path.isfile(path + suffix):
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
    """``rfile`` while the request head is read: every read, also within a line, may only use what
    is left of the deadline, so a client that trickles the request line or its headers, even
    byte by byte, cannot hold a connection open."""

    def __init__(self, rfile: io.BufferedReader, connection: socket.socket, seconds: float) -> None:
        self._rfile = rfile
        self._connection = connection
        self._until = time.monotonic() + seconds

    def readline(self, limit: int = -1) -> bytes:
        line = bytearray()
        while limit < 0 or len(line) < limit:
            rest = self._until - time.monotonic()
            if rest <= 0:
                raise TimeoutError("request head too slow")
            self._connection.settimeout(rest)
            come = self._rfile.peek(1)  # what has arrived; waits (at most rest) only if nothing has
            if not come:
                break  # the client closed the connection
            room = len(come) if limit < 0 else min(len(come), limit - len(line))
            end = come.find(b"\n", 0, room)
            line += self._rfile.read(room if end < 0 else end + 1)
            if end >= 0:
                break
        return bytes(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self._rfile, name)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with caching, compression and security headers."""

    gzip_cache: GzipCache
    idle_timeout = IDLE_TIMEOUT  # make_server may set others (the tests' short ones)
    head_timeout = HEAD_TIMEOUT
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
        self._stream = self.rfile  # the connection's reader; wrapped in a deadline while a head is read
        self._status = 0

    def version_string(self) -> str:
        return SERVER_NAME  # no Python version for the world to read

    def handle_one_request(self) -> None:
        self.path = "/"  # so an error before the request line is parsed can still be answered
        try:
            self.connection.settimeout(self.idle_timeout)
            if not self._stream.peek(1):  # the client closed the kept-alive connection
                self.close_connection = True
                return
            # The head's deadline runs from its first byte, over the request line and the headers.
            self.rfile = _HeadDeadline(self._stream, self.connection, self.head_timeout)  # type: ignore[assignment]
            super().handle_one_request()
        except (TimeoutError, ConnectionError):
            self.close_connection = True
        finally:
            self.rfile = self._stream

    def parse_request(self) -> bool:
        words = self.raw_requestline.split()
        # A bare CRLF, or HTTP/0.9 ("GET /" without a version), whose answer would have neither a
        # status line nor headers: a 400 that has both, at once, without reading headers.
        if len(words) < 3 or words[2].startswith(b"HTTP/0."):
            self.request_version = "HTTP/1.1"
            self.requestline = ""
            self.close_connection = True
            self.send_error(http.HTTPStatus.BAD_REQUEST)
            return False
        try:
            ok = super().parse_request()  # reads the headers, within the head's deadline
        finally:
            self.rfile = self._stream
            self.connection.settimeout(self.idle_timeout)
        if ok and ("\x00" in self.path or "%00" in self.path):
            self.send_error(http.HTTPStatus.BAD_REQUEST)
            return False
        return ok

    def send_response_only(self, code: int, message: str | None = None) -> None:
        self._status = int(code)  # end_headers picks the Cache-Control by it
        super().send_response_only(code, message)

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
        path = getattr(self, "path", "/")
        for name, value in headers_for(path, Path(self.directory), self._status).items():
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
        accepts_gzip = "gzip" in accepted(accept)
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


class Server(http.server.ThreadingHTTPServer):
    """A thread per connection, with a real listen backlog."""

    request_queue_size = BACKLOG
    daemon_threads = True


def make_server(
    root: Path,
    port: int = 0,
    host: str = "127.0.0.1",
    warm: bool = True,
    idle_timeout: float = IDLE_TIMEOUT,
    head_timeout: float = HEAD_TIMEOUT,
) -> Server:
    """A server for ``root`` (port 0: a free port); call ``serve_forever`` to run it. The tests
    pass short time limits."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise SystemExit(f"{root} bestaat niet; bouw eerst de site (make build)")
    cache = GzipCache()
    limits = {"idle_timeout": idle_timeout, "head_timeout": head_timeout}
    handler = functools.partial(
        type("SiteHandler", (Handler,), {"gzip_cache": cache, **limits}), directory=str(root)
    )
    server = Server((host, port), handler)
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
