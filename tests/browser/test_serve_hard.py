"""browser.serve against malformed and hostile requests (issue 11): every one gets an answer.

A small site folder is enough here (no build): an index, the site's 404 page, a folder of assets.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from unittest import mock

import pytest

from browser import serve


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    site = tmp_path_factory.mktemp("site")
    (site / "index.html").write_text("<p>Welkom</p>", encoding="utf-8")
    (site / "404.html").write_text("<h1>Pagina niet gevonden</h1>", encoding="utf-8")
    (site / "assets" / "rekenhulp" / "runtime").mkdir(parents=True)
    (site / "assets" / "rekenhulp" / "formulier.js").write_text("// js", encoding="utf-8")
    (site / "assets" / "javascripts").mkdir()
    with mock.patch.object(serve, "IDLE_TIMEOUT", 1.0), mock.patch.object(serve, "HEAD_TIMEOUT", 1.0):
        httpd = serve.make_server(site, port=0, warm=False)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        yield "127.0.0.1", httpd.server_address[1]
        httpd.shutdown()
        httpd.server_close()


def rauw(adres: tuple[str, int], verzoek: bytes, wacht: float = 5.0) -> bytes:
    """Send raw bytes, read until the server closes or stops answering."""
    with socket.create_connection(adres, timeout=wacht) as s:
        s.sendall(verzoek)
        s.shutdown(socket.SHUT_WR)
        delen = []
        try:
            while chunk := s.recv(65536):
                delen.append(chunk)
        except (TimeoutError, ConnectionResetError):
            pass
    return b"".join(delen)


def status(antwoord: bytes) -> int:
    assert antwoord.startswith(b"HTTP/1."), antwoord[:200]
    return int(antwoord.split(b" ", 2)[1])


@pytest.mark.parametrize(
    ("verzoek", "code"),
    [
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET / HTTP/9.9\r\n\r\n", 505),
        (b"GET / HTTP/1.1.1\r\n\r\n", 400),
        (bytes(range(256)), 400),
        (b"\r\n", 400),
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
        (b"GET /index.html%00.png HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"DELETE / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
    ],
    ids=["garbage", "http-9.9", "http-1.1.1", "binair", "kale-crlf", "lange-url", "nul", "delete"],
)
def test_elk_kapot_verzoek_krijgt_een_antwoord(server: tuple[str, int], verzoek: bytes, code: int) -> None:
    antwoord = rauw(server, verzoek)
    assert status(antwoord) == code
    kop = antwoord.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
    assert "server: wmo-productwijzer\r\n" in kop + "\r\n"
    assert "python" not in kop


@pytest.mark.parametrize(
    "pad", ["/assets/", "/assets/rekenhulp/", "/assets/rekenhulp/runtime/", "/assets/javascripts/"]
)
def test_geen_mappenlijsten(server: tuple[str, int], pad: str) -> None:
    antwoord = rauw(server, f"GET {pad} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    assert status(antwoord) == 404
    assert b"Directory listing" not in antwoord and b"formulier.js" not in antwoord


def test_onbekend_pad_geeft_de_404_van_de_site(server: tuple[str, int]) -> None:
    antwoord = rauw(server, b"GET /bestaat/niet/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status(antwoord) == 404 and b"Pagina niet gevonden" in antwoord
    assert b"Error response" not in antwoord


def test_trage_kopregels_worden_afgebroken(server: tuple[str, int]) -> None:
    begin = time.monotonic()
    with socket.create_connection(server, timeout=10) as s:
        s.sendall(b"GET / HTTP/1.1\r\n")
        for _ in range(10):  # one header line every 0.3 s: the head never completes in time
            try:
                s.sendall(b"X-Traag: 1\r\n")
            except OSError:
                break
            time.sleep(0.3)
        s.settimeout(5)
        try:
            rest = s.recv(100)
        except (ConnectionResetError, TimeoutError):
            rest = b""
    assert time.monotonic() - begin < 6
    assert not rest.startswith(b"HTTP/1.1 200")


def test_een_stille_verbinding_wordt_gesloten(server: tuple[str, int]) -> None:
    with socket.create_connection(server, timeout=10) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        eerste = s.recv(65536)
        assert status(eerste) == 200
        begin = time.monotonic()
        while s.recv(65536):  # the server closes the idle keep-alive connection
            pass
        assert time.monotonic() - begin < 5


def test_keep_alive_zonder_vertraagde_ack(server: tuple[str, int]) -> None:
    """TCP_NODELAY: a second request on a kept-alive connection is answered as fast as the first
    (without it, each waits ~40 ms for a delayed ACK). Checked as the socket option, not a time."""
    with socket.create_connection(server, timeout=5) as s:
        for _ in range(3):
            s.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n")
            antwoord = b""
            while b"Welkom" not in antwoord:
                antwoord += s.recv(65536)
            assert status(antwoord) == 200
    gezien: list[int] = []
    origineel = serve.Handler.setup

    def kijk(self: serve.Handler) -> None:
        origineel(self)
        gezien.append(self.connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

    with mock.patch.object(serve.Handler, "setup", kijk):
        rauw(server, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert gezien and all(gezien)
