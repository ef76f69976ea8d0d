"""Build the Wmo-productwijzer.

1. validate content/ (schema per record, references, units, the sources' arithmetic);
2. export the data bundle the calculator reads (calculator/data/bundle.json);
3. render product cards, tariff tables and the other pages into generated/docs/;
4. run the strict mkdocs-material build into a fresh folder, package the calculator and the
   Pyodide runtime for the browser, and only then swap it in as site/.

A broken content file stops the build at step 1 with the file and field named; site/ is left
as it was, so nothing broken is published.

    python build.py            # everything
    python build.py --bundle   # steps 1-2 only (for the calculator and its tests)
    python build.py --check    # step 1 only
"""

from __future__ import annotations

import argparse
import fcntl
import os
import sys
import time
from pathlib import Path

from browser import delivery
from catalogue import steps
from catalogue.errors import ContentErrors

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
BUNDLE = ROOT / "calculator" / "data" / "bundle.json"
GENERATED = ROOT / "generated"
SITE = ROOT / "site"
CACHE = ROOT / ".build"


def main(argv: list[str] | None = None) -> int:
    # One build at a time: two builds writing generated/ and site/ together would mix their output.
    CACHE.mkdir(exist_ok=True)
    with open(CACHE / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(argv)


def _build(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="alleen de content controleren")
    parser.add_argument("--bundle", action="store_true", help="controleren en de databundel schrijven")
    parser.add_argument("--content", type=Path, default=CONTENT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        cat = steps.validate(args.content)
    except ContentErrors as exc:
        print(f"Content bevat {len(exc.errors)} fout(en); er is niets gepubliceerd:", file=sys.stderr)
        for err in exc.errors:
            print(f"  {err}", file=sys.stderr)
        return 1
    print(
        f"content: {len(cat.producten)} producten, {len(cat.tarieven)} tarieftabellen, "
        f"{len(cat.parameters)} kengetallen gecontroleerd"
    )
    if args.check:
        return 0

    bundle = steps.export_bundle(cat, BUNDLE)
    if args.bundle:
        print(f"bundel: {BUNDLE.relative_to(ROOT)}")
        return 0

    pages = steps.render_pages(cat, bundle, GENERATED, cache=CACHE / "jinja")
    steps.write_downloads(cat, BUNDLE, GENERATED / "docs" / "downloads")
    try:
        staging = steps.mkdocs_build(ROOT / "mkdocs.yml", cat, ROOT / f".site-new-{os.getpid()}")
    except steps.BuildAborted as exc:
        print(f"De sitebouw is afgebroken ({exc}); er is niets gepubliceerd.", file=sys.stderr)
        return 1
    steps.package_browser(staging, BUNDLE, CACHE)
    delivery.finish(staging, CACHE, BUNDLE)  # static answers, service worker, precompressed copies
    steps.publish(staging, SITE)
    print(f"site: {len(pages)} pagina's in {SITE.relative_to(ROOT)}/ ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
