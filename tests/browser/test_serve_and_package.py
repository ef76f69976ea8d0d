"""browser.serve (headers, compression, caching) and what browser.package puts in the site."""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path

import pytest

from browser.package import PYODIDE_FILES, package_site
from browser.serve import cache_control, make_server
from tests.e2e.helpers import get, serving


@pytest.fixture(scope="module")
def served(runtime_site: Path) -> Iterator[tuple[str, Path]]:
    site = runtime_site
    (site / "producten" / "x").mkdir(parents=True, exist_ok=True)
    (site / "producten" / "x" / "index.html").write_text("<p>" + "kaart " * 500 + "</p>", encoding="utf-8")
    with serving(make_server(site, port=0, warm=False)) as url:
        yield url, site


def runtime_config(site: Path) -> dict:
    return json.loads((site / "assets" / "rekenhulp" / "runtime.json").read_text(encoding="utf-8"))["config"]


def test_cache_policy() -> None:
    assert "immutable" in cache_control("/assets/rekenhulp/runtime/core-0123456789ab.zip")
    assert "immutable" in cache_control("/assets/javascripts/bundle.a5f9d56c.min.js")
    assert cache_control("/rekenhulp/pgb-budget/") == "no-cache"
    assert cache_control("/assets/rekenhulp/worker.mjs") == "no-cache"


def test_runtime_files_are_immutable_and_typed(served: tuple[str, Path]) -> None:
    base, site = served
    config = runtime_config(site)
    status, headers, _ = get(f"{base}/assets/rekenhulp/{config['pyodide']}pyodide.asm.wasm")
    assert status == 200
    assert headers["content-type"] == "application/wasm"
    assert "immutable" in headers["cache-control"]
    status, headers, _ = get(f"{base}/assets/rekenhulp/{config['core']}")
    assert status == 200 and "immutable" in headers["cache-control"]
    status, headers, _ = get(f"{base}/assets/rekenhulp/worker.mjs")
    assert headers["content-type"].startswith("text/javascript")
    assert headers["cache-control"] == "no-cache"


def test_security_headers_keep_everything_on_the_site(served: tuple[str, Path]) -> None:
    base, _ = served
    _, headers, _ = get(f"{base}/producten/x/")
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp
    assert "'wasm-unsafe-eval'" in csp and "'unsafe-eval'" not in csp.replace("'wasm-unsafe-eval'", "")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_gzip_for_pages_and_wasm(served: tuple[str, Path]) -> None:
    base, site = served
    status, headers, body = get(f"{base}/producten/x/", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body).startswith(b"<p>kaart")
    config = runtime_config(site)
    wasm = site / "assets" / "rekenhulp" / config["pyodide"] / "pyodide.asm.wasm"
    _, headers, body = get(
        f"{base}/assets/rekenhulp/{config['pyodide']}pyodide.asm.wasm", **{"Accept-Encoding": "gzip"}
    )
    assert headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == wasm.read_bytes()
    # Without Accept-Encoding the file goes out as it is.
    _, headers, body = get(f"{base}/producten/x/")
    assert "content-encoding" not in headers and body.startswith(b"<p>kaart")


def test_revalidation_answers_304(served: tuple[str, Path]) -> None:
    base, _ = served
    later = formatdate(time.time() + 3600, usegmt=True)
    status, _, body = get(f"{base}/producten/x/", **{"If-Modified-Since": later, "Accept-Encoding": "gzip"})
    assert status == 304 and body == b""


def test_only_the_needed_pyodide_files_are_shipped(runtime_site: Path) -> None:
    runtime = runtime_site / "assets" / "rekenhulp" / "runtime"
    config = runtime_config(runtime_site)
    shipped = sorted(p.name for p in (runtime_site / "assets" / "rekenhulp" / config["pyodide"]).iterdir())
    assert shipped == sorted(PYODIDE_FILES)
    names = sorted(p.name for p in runtime.iterdir() if p.is_file())
    assert len(names) == 3
    pattern = r"(stdlib-start|stdlib-rest|core)-[0-9a-f]{12}\.zip"
    assert all(re.fullmatch(pattern, n) for n in names), names
    # No default stdlib, no lock file: nothing that would make Pyodide look elsewhere.
    assert not list(runtime_site.rglob("python_stdlib.zip")) and not list(
        runtime_site.rglob("pyodide-lock.json")
    )


def test_worker_carries_its_runtime(runtime_site: Path) -> None:
    worker = (runtime_site / "assets" / "rekenhulp" / "worker.mjs").read_text(encoding="utf-8")
    assert "/*@RUNTIME@*/" not in worker
    config = runtime_config(runtime_site)
    assert json.dumps(config["core"]) in worker
    assert config["lock"]["packages"] == {}
    assert config["python"].startswith("3.14")


def test_core_archive_holds_bytecode_and_the_bundle(runtime_site: Path, bundle_path: Path) -> None:
    import zipfile

    config = runtime_config(runtime_site)
    with zipfile.ZipFile(runtime_site / "assets" / "rekenhulp" / config["core"]) as zf:
        names = zf.namelist()
        assert zf.read("calculator/data/bundle.json") == bundle_path.read_bytes()
        # Stored, not deflated: the host compresses the whole archive (brotli sees across files).
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}
    assert "calculator/api.pyc" in names
    assert not [n for n in names if n.endswith(".py")]


def test_content_change_reuses_the_cache(tmp_path: Path, bundle_path: Path, monkeypatch) -> None:
    """New tariffs rebuild the core archive, never the Node step (that is cached)."""
    import subprocess

    def no_node(*args, **kwargs):
        raise AssertionError("the Node step ran for a content-only change")

    monkeypatch.setattr(subprocess, "run", no_node)
    changed = tmp_path / "bundle.json"
    bundle = json.loads(bundle_path.read_text(encoding="utf-8"))
    bundle["regios"]["test"] = {"naam": "Test"}
    changed.write_text(json.dumps(bundle), encoding="utf-8")
    package_site(tmp_path / "site", changed, Path(__file__).resolve().parents[2] / ".build")
    assert (tmp_path / "site" / "assets" / "rekenhulp" / "worker.mjs").exists()


def test_precompressed_copies_are_chosen_by_accept_encoding(tmp_path: Path) -> None:
    """The build's .br and .gz copies (browser/compress.py) go out as they are, brotli first."""
    import brotli

    from browser.compress import precompress

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    page = ("<p>" + "kaart " * 2000 + "</p>").encode()
    (site / "a" / "index.html").write_bytes(page)
    (site / "klein.js").write_bytes(b"x=1")  # too small to be worth a copy
    precompress(site, tmp_path / "cache")
    assert brotli.decompress((site / "a" / "index.html.br").read_bytes()) == page
    assert gzip.decompress((site / "a" / "index.html.gz").read_bytes()) == page
    assert not (site / "klein.js.br").exists()
    with serving(make_server(site, port=0, warm=False)) as base:
        _, headers, body = get(f"{base}/a/", **{"Accept-Encoding": "gzip, deflate, br"})
        assert headers["content-encoding"] == "br" and brotli.decompress(body) == page
        assert headers["vary"] == "Accept-Encoding" and headers["content-type"].startswith("text/html")
        _, headers, body = get(f"{base}/a/index.html", **{"Accept-Encoding": "gzip"})
        assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == page
        _, headers, body = get(f"{base}/a/")
        assert "content-encoding" not in headers and body == page
