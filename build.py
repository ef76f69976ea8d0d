"""Build the Wmo-productwijzer.

1. validate content/ (schema per record, references, units, the sources' arithmetic), after
   writing the JSON Schema files in schemas/ that editors use while typing;
2. export the data bundle the calculator reads (calculator/data/bundle.json);
3. render product cards, tariff tables and the other pages into generated/docs/;
4. run the strict mkdocs-material build into a fresh folder, package the calculator and the
   Pyodide runtime for the browser, and only then swap it in as site/.

A broken content file stops the build at step 1 with the file and field named; site/ is left
as it was, so nothing broken is published.

    python build.py            # everything
    python build.py --bundle   # steps 1-2 only (for the calculator and its tests)
    python build.py --check    # step 1 only
    python build.py --pages    # steps 1-3 (bundle and Markdown pages, no site)

    # a test municipality beside the real content, into its own output folder (never site/):
    python build.py --extra-content tests/fixtures/proefdorp/content --uit .build/proefdorp
"""

from __future__ import annotations

import argparse
import fcntl
import os
import sys
import time
from pathlib import Path

from browser import csp, delivery
from catalogue import steps
from catalogue.errors import ContentErrors
from catalogue.schemas import schrijf_schemas

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
BUNDLE = ROOT / "calculator" / "data" / "bundle.json"
GENERATED = ROOT / "generated"
SITE = ROOT / "site"
SCHEMAS = ROOT / "schemas"
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
    parser.add_argument("--pages", action="store_true", help="ook de Markdown-pagina's, zonder site")
    parser.add_argument("--content", type=Path, default=CONTENT, help=argparse.SUPPRESS)
    parser.add_argument(
        "--extra-content",
        type=Path,
        action="append",
        default=[],
        metavar="MAP",
        help="nog een contentmap (zelfde indeling als content/), bijvoorbeeld een testgemeente",
    )
    parser.add_argument(
        "--uit",
        type=Path,
        metavar="MAP",
        help="schrijf bundel, pagina's en site hier (verplicht met --extra-content)",
    )
    args = parser.parse_args(argv)
    if args.extra_content and args.uit is None:
        parser.error("--extra-content schrijft nooit naar site/: geef ook --uit MAP")
    bundle_file, generated, site = BUNDLE, GENERATED, SITE
    if args.uit is not None:
        uit = args.uit.resolve()
        bundle_file, generated, site = uit / "bundle.json", uit / "generated", uit / "site"

    started = time.perf_counter()
    for pad in schrijf_schemas(SCHEMAS):  # the editor's schemas follow the models (committed copy)
        print(f"schema bijgewerkt: {pad.relative_to(ROOT)}")
    try:
        cat = steps.validate(args.content, args.extra_content)
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

    bundle = steps.export_bundle(cat, bundle_file)
    if args.bundle:
        print(f"bundel: {_toon(bundle_file)}")
        return 0

    pages = steps.render_pages(cat, bundle, generated, cache=CACHE / "jinja")
    steps.write_downloads(cat, bundle_file, generated / "docs" / "downloads")
    steps.write_feeds(cat, generated / "docs" / "sc", steps.site_url(ROOT / "mkdocs.yml"))
    if args.pages:
        print(f"pagina's: {len(pages)} in {_toon(generated / 'docs')}/")
        return 0
    try:
        staging = steps.mkdocs_build(
            ROOT / "mkdocs.yml", cat, site.with_name(f".site-new-{os.getpid()}"), generated / "docs"
        )
    except steps.BuildAborted as exc:
        print(f"De sitebouw is afgebroken ({exc}); er is niets gepubliceerd.", file=sys.stderr)
        return 1
    steps.package_browser(staging, bundle_file, CACHE)
    delivery.finish(staging, CACHE, bundle_file)  # static answers, service worker, precompressed copies
    hashes = csp.write_hashes(staging)  # inline scripts allowed by hash, not by 'unsafe-inline'
    if site == SITE and csp.update_nginx(hashes):
        print(f"Content-Security-Policy bijgewerkt: {_toon(csp.NGINX_CONF)}")
    steps.publish(staging, site)
    print(f"site: {len(pages)} pagina's in {_toon(site)}/ ({time.perf_counter() - started:.1f} s)")
    return 0


def _toon(pad: Path) -> str:
    return str(pad.relative_to(ROOT)) if pad.is_relative_to(ROOT) else str(pad)


if __name__ == "__main__":
    sys.exit(main())
