"""The site's service worker (``site/sw.js``), generated with Workbox at build time.

Once a calculator page has been used, the page registers it (site_overrides/assets/rekenhulp/
offline.js) and it stores every calculator page, the runtime they load, the product cards and
the tariff pages, the sources page (the quotations every Bron link lands on) and the
kengetallen page, so all of them work with the network off. Catalogue pages never register it,
so a visitor who only reads the catalogue never downloads the Python runtime.

The precache list is made from the built site by patterns (below), with a revision per file:
a new build (new tariffs) changes the list, the browser finds a new ``sw.js`` on the next visit,
installs it and the page says so.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "browser" / "service_worker.mjs"
NAME = "sw.js"
PATTERNS = [
    "index.html",
    "404.html",
    "rekenhulp/**/*.html",
    "producten/**/*.html",
    "tarieven/**/*.html",
    # Every Bron link of a calculator page lands on a quotation there; the figures' page beside it.
    "bronnen/index.html",
    "kengetallen/index.html",
    "assets/rekenhulp/*.{js,mjs,css}",
    "assets/rekenhulp/antwoorden/*.json",
    "assets/rekenhulp/runtime/**/*.{mjs,wasm,zip}",
    "assets/javascripts/*.js",
    "assets/javascripts/workers/*.js",
    # The search's Dutch language support (mkdocs.yml: search lang nl).
    "assets/javascripts/lunr/min/lunr.{nl,stemmer.support}.min.js",
    "assets/stylesheets/*.css",
    "assets/images/*",
    "search/search_index.json",  # search keeps working offline
]
IGNORE = ["**/*.br", "**/*.gz", "**/*.map"]
# Hashed or versioned names (the runtime folder, mkdocs-material's bundles, the answer tables).
HASHED = r"/runtime/|[.-][0-9a-f]{8,}\.(min\.)?(js|css|json|zip)$"
MAX_BYTES = 32 * 1024 * 1024
CACHE_KEPT = 5


def generate(site: Path, cache: Path) -> Path:
    """Write ``site/sw.js`` (Node and npm's workbox-build, see browser/service_worker.mjs)."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is nodig om de service worker te bouwen (browser/service_worker.mjs)")
    config = {
        "site": str(site),
        "patterns": PATTERNS,
        "ignore": IGNORE,
        "dest": str(site / NAME),
        "hashed": HASHED,
        "max_bytes": MAX_BYTES,
    }
    # Node and Workbox take seconds; the same files give the same service worker.
    entry = cache / "sw" / f"{_cache_key(site, config)}.js"
    if entry.exists():
        shutil.copyfile(entry, site / NAME)
        return site / NAME
    with tempfile.TemporaryDirectory(prefix="sw-", dir=cache) as tmp:
        path = Path(tmp) / "config.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        subprocess.run([node, str(SCRIPT), str(path)], check=True, cwd=ROOT)
    entry.parent.mkdir(parents=True, exist_ok=True)
    for old in sorted(entry.parent.glob("*.js"), key=lambda p: p.stat().st_mtime)[:-CACHE_KEPT]:
        old.unlink(missing_ok=True)
    shutil.copyfile(site / NAME, entry)
    return site / NAME


def _cache_key(site: Path, config: dict[str, object]) -> str:
    """The configuration (site folder left out), the generator, Workbox's version and every
    file the precache patterns could name (compressed copies and source maps excepted)."""
    h = hashlib.sha256(json.dumps({**config, "site": "", "dest": ""}, sort_keys=True).encode())
    h.update(SCRIPT.read_bytes())
    h.update((ROOT / "node_modules" / "workbox-build" / "package.json").read_bytes())
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix not in {".br", ".gz", ".map"} and path.name != NAME:
            if path.name.startswith("sitemap"):
                continue  # dated on every build, never precached
            h.update(path.relative_to(site).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:24]
