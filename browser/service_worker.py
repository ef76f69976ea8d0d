"""The site's service worker (``site/sw.js``), generated with Workbox at build time.

Once a calculator page has been used, the page registers it (site_overrides/assets/rekenhulp/
offline.js) and it stores every calculator page, the runtime they load, the product cards and
the tariff pages, so all of them work with the network off. Catalogue pages never register it,
so a visitor who only reads the catalogue never downloads the Python runtime.

The precache list is made from the built site by patterns (below), with a revision per file:
a new build (new tariffs) changes the list, the browser finds a new ``sw.js`` on the next visit,
installs it and the page says so.
"""

from __future__ import annotations

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
    "assets/rekenhulp/*.{js,mjs,css}",
    "assets/rekenhulp/antwoorden/*.json",
    "assets/rekenhulp/runtime/**/*.{mjs,wasm,zip,bin}",
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
HASHED = r"/runtime/|[.-][0-9a-f]{8,}\.(min\.)?(js|css|json|zip|bin)$"
MAX_BYTES = 32 * 1024 * 1024


def patterns_for(site: Path) -> tuple[list[str], list[str]]:
    """The precache patterns; of the two stdlib archives only the one the worker loads."""
    ignore = list(IGNORE)
    runtime = json.loads((site / "assets" / "rekenhulp" / "runtime.json").read_text(encoding="utf-8"))
    config = runtime["config"]
    unused = ["stdlib_volledig"] if config.get("snapshot") else ["stdlib", "snapshot_file"]
    for key in unused:
        if config.get(key):
            ignore.append(f"assets/rekenhulp/{config[key]}")
    return PATTERNS, ignore


def generate(site: Path, cache: Path) -> Path:
    """Write ``site/sw.js`` (Node and npm's workbox-build, see browser/service_worker.mjs)."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is nodig om de service worker te bouwen (browser/service_worker.mjs)")
    patterns, ignore = patterns_for(site)
    config = {
        "site": str(site),
        "patterns": patterns,
        "ignore": ignore,
        "dest": str(site / NAME),
        "hashed": HASHED,
        "max_bytes": MAX_BYTES,
    }
    with tempfile.TemporaryDirectory(prefix="sw-", dir=cache) as tmp:
        path = Path(tmp) / "config.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        subprocess.run([node, str(SCRIPT), str(path)], check=True, cwd=ROOT)
    return site / NAME
