"""The build's delivery steps, after the site and the browser runtime are in place (build.py):

1. static answers for the rekenhulp pages with a finite input space (browser/static_answers.py);
2. the service worker that keeps the rekenhulp working offline (browser/service_worker.py);
3. precompressed ``.br`` and ``.gz`` copies of every compressible file (browser/compress.py).

The order matters: the service worker's precache list names the answer tables, and the
compressed copies include the tables and the service worker.
"""

from __future__ import annotations

from pathlib import Path

from browser import compress, service_worker, static_answers

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "calculator" / "data" / "bundle.json"


def finish(site: Path, cache: Path, bundle: Path = BUNDLE) -> None:
    pages = static_answers.build(site, bundle, cache=cache)
    print(f"vooraf berekend: {', '.join(p.parent.name for p in pages) or 'geen pagina'}")
    service_worker.generate(site, cache)
    saved = compress.precompress(site, cache)
    print(f"gecomprimeerd: brotli bespaart {saved / 1e6:.1f} MB")
