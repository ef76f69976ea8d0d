"""The site's Content-Security-Policy: scripts only from the site itself or by the hash of the text.

No 'unsafe-inline' for scripts: an inline script runs only when its exact text was in the built
site (mkdocs-material's few start-up scripts and the rekenhulp's start script), so a script that
reaches a page any other way does not run. The build computes the hashes from the built pages,
writes them into the site (``HASHES``, read by browser/serve.py) and into every
Content-Security-Policy line of deploy/nginx.conf, so both hosts send the same policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

HASHES = Path("assets") / "csp-script-hashes.txt"  # inside the site, one 'sha256-…' a line
NGINX_CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"
# Types a browser runs as script (an empty type is JavaScript); JSON data blocks are not run.
_RUN = {"", "text/javascript", "application/javascript", "module"}
_SCRIPT_SRC = re.compile(r"script-src [^;\"]*")


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self._open: bool = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            a = {k: (v or "") for k, v in attrs}
            self._open = "src" not in a and a.get("type", "").strip().lower() in _RUN
            self._text: list[str] = []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open:
            self.found.append("".join(self._text))
            self._open = False


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run in ``html``."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.found


def script_hash(text: str) -> str:
    """The CSP source expression for one inline script: 'sha256-<base64 of its UTF-8 bytes>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def site_hashes(site: Path) -> list[str]:
    """Every distinct inline script hash over the site's pages, sorted (stable between builds)."""
    found = {
        script_hash(t) for page in Path(site).rglob("*.html") for t in inline_scripts(page.read_text("utf-8"))
    }
    return sorted(found)


def write_hashes(site: Path) -> list[str]:
    """Compute the hashes of the built ``site`` and store them in it (``HASHES``)."""
    hashes = site_hashes(site)
    target = Path(site) / HASHES
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(h + "\n" for h in hashes), encoding="utf-8")
    return hashes


_read: dict[Path, tuple[int, list[str]]] = {}


def read_hashes(site: Path) -> list[str]:
    """The hashes the build stored in ``site`` (re-read after a rebuild); computed from its pages
    if it has none (a site built before this file existed)."""
    stored = Path(site) / HASHES
    try:
        stamp = stored.stat().st_mtime_ns
    except OSError:
        return site_hashes(site)
    hit = _read.get(stored)
    if hit is None or hit[0] != stamp:
        hit = (stamp, [line for line in stored.read_text("utf-8").split() if line])
        _read[stored] = hit
    return hit[1]


def script_src(hashes: list[str]) -> str:
    """The script-src directive. Pyodide compiles its wasm: 'wasm-unsafe-eval' (not 'unsafe-eval')."""
    return " ".join(["script-src 'self'", *hashes, "'wasm-unsafe-eval'"])


def policy(hashes: list[str]) -> str:
    """The whole policy: only the site's own origin; inline scripts by hash; styles may be inline
    (mkdocs-material sets style attributes; a style cannot send what a visitor types)."""
    return "; ".join(
        [
            "default-src 'self'",
            script_src(hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def update_nginx(hashes: list[str], conf: Path = NGINX_CONF) -> bool:
    """Put the script-src of ``hashes`` into every Content-Security-Policy line of the nginx
    configuration (only that directive: other lines and directives stay as they are).
    Returns whether the file changed."""
    text = conf.read_text(encoding="utf-8")
    directive = script_src(hashes)
    lines = [
        _SCRIPT_SRC.sub(directive, line)
        if "Content-Security-Policy" in line and "add_header" in line
        else line
        for line in text.split("\n")
    ]
    new = "\n".join(lines)
    if new == text:
        return False
    conf.write_text(new, encoding="utf-8")
    return True
