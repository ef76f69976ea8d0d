"""Precompressed copies of the built site: ``name.br`` (brotli) and ``name.gz`` (gzip) beside
every compressible file, written at build time so a host sends them as they are.

A real host (deploy/nginx.conf: ``brotli_static`` and ``gzip_static``) and browser/serve.py
pick the copy the browser accepts (``Accept-Encoding``) and send it with ``Content-Encoding``;
the browser undoes it, so pages and the worker see the original bytes. Brotli at its highest
setting makes the wasm about a fifth smaller than gzip, but takes half a minute for the big
runtime files: the results are cached in ``.build/compressed/`` under the SHA-256 of the
original (and the settings), so a rebuild with new content only compresses what changed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import time
from pathlib import Path

import brotli

# What is worth compressing: text, wasm and our uncompressed zips. Images and fonts are
# compressed already.
SUFFIXES = {
    ".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".yaml", ".wasm",
    ".zip", ".map", ".webmanifest",
}  # fmt: skip
# Below this a compressed copy saves less than a network packet.
MIN_BYTES = 1024
ENCODINGS = (".br", ".gz")
# Part of a cache entry's name: a change to how a copy is made (see _cached) renames its entries.
# (".br" keeps its old name: big files also tried a 16 MB window then, and for every file still
# shipped the 4 MB one won, so the cached copies are the same.)
SETTINGS = {".br": "q11-w22w24", ".gz": "9"}


def precompress(site: Path, cache: Path) -> int:
    """Write ``.br`` and ``.gz`` beside every compressible file of ``site``; returns bytes saved."""
    store = cache / "compressed"
    store.mkdir(parents=True, exist_ok=True)
    saved = 0
    prune(cache)
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        digest = hashlib.sha256(data).hexdigest()
        for suffix in ENCODINGS:
            entry = store / f"{digest}-{SETTINGS[suffix]}{suffix}"
            size = _cached(entry, data, suffix)
            if size < len(data):  # an incompressible file keeps only its original
                _place(entry, path.parent / (path.name + suffix))
                if suffix == ".br":
                    saved += len(data) - size
    return saved


def _place(entry: Path, target: Path) -> None:
    """The cache entry at ``target``: a hard link where possible (no copy of the bytes)."""
    target.unlink(missing_ok=True)
    try:
        os.link(entry, target)
    except OSError:
        shutil.copyfile(entry, target)


def _cached(entry: Path, data: bytes, suffix: str) -> int:
    """The size of the compressed copy in ``entry``, compressing ``data`` if it is missing."""
    if entry.exists():
        os.utime(entry)  # in use: see prune
        return entry.stat().st_size
    if suffix == ".br":
        body = brotli.compress(data, quality=11, lgwin=22)
    else:
        body = gzip.compress(data, compresslevel=9, mtime=0)
    tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    tmp.write_bytes(body)
    os.replace(tmp, entry)  # a concurrent build never reads half an entry
    return len(body)


def prune(cache: Path, days: int = 14) -> None:
    """Forget compressed copies no build has used for ``days`` (old pages, old runtimes)."""
    limit = time.time() - days * 86400
    for entry in (cache / "compressed").glob("*"):
        if entry.stat().st_mtime < limit:
            entry.unlink(missing_ok=True)
