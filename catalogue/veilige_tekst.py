"""Content text is Markdown without raw HTML, and links go only where a reader may safely follow.

Every text in content/ reaches a page: through Markdown (product cards, regions, lists) or straight
into a template's HTML (a region's name in a form's choices). A text that carries HTML, an event
attribute (via attr_list), a snippet include or a ``javascript:`` link would run on the published
site, so the build refuses it, naming file and field.

How a text is judged: it is rendered with the site's own Markdown extensions, the result is cleaned
with nh3 (the Rust ``ammonia`` sanitiser) allowing only what plain Markdown produces and only
http(s), mailto and the site's own links; if cleaning changed anything, the text is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from typing import Any

import markdown
import nh3

from catalogue.errors import ContentError
from catalogue.meldingen import veldpad

# The extensions of mkdocs.yml that change what a text can produce; snippets is refused outright.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables"]
TAGS = {
    *("p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"),
    *("dl", "dt", "dd", "abbr", "sup", "div"),
}
ATTRIBUTES = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "th": {"style", "align"},
    "td": {"style", "align"},
    "li": {"role"},
    "sup": {"role"},
}
SCHEMES = {"http", "https", "mailto"}
SNIPPET = re.compile(r"-{1,3}8<-{1,3}|;*8<")
HOSTLESS = re.compile(r"^\s*(?:[\\/]{2})")


class _Tokens(HTMLParser):
    """HTML as a list of (kind, tag or text, sorted attributes): two serialisations compare equal."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("start", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "hr"):
            self.tokens.append(("end", tag, ()))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.tokens.append(("text", " ".join(data.split()), ()))


def _tokens(html: str) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def _url_ok(url: str) -> bool:
    """A link's target: http(s), mailto or the site's own (relative or /path); never //other-host."""
    if HOSTLESS.match(url):
        return False
    scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return scheme is None or scheme.group(1).lower() in SCHEMES


def _excerpt(token: tuple[str, str, tuple[tuple[str, str], ...]]) -> str:
    kind, name, attrs = token
    if kind == "text":
        return name[:40]
    shown = "".join(f" {k}" for k, _ in attrs)
    return f"<{'/' if kind == 'end' else ''}{name}{shown}>"


def probleem(text: str) -> str | None:
    """Why ``text`` may not be published as it is (in Dutch), or None when it is plain Markdown."""
    if "<" not in text and "](" not in text and "]:" not in text and "{" not in text and "8<" not in text:
        return None  # the common case: plain words cannot produce HTML or a link
    if SNIPPET.search(text):
        return "bevat een invoegcode ('--8<--'); schrijf de tekst zelf uit"
    html = markdown.markdown(text, extensions=EXTENSIONS)
    for href in re.findall(r'\b(?:href|src)="([^"]*)"', html):
        if not _url_ok(unescape(href)):
            return (
                f"bevat een link naar '{unescape(href)[:40]}'; alleen links naar http(s)://, mailto: "
                "en pagina's van deze site zijn toegestaan"
            )
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
    )
    voor, na = _tokens(html), _tokens(clean)
    if voor != na:
        langer = voor if len(voor) > len(na) else na
        rest = langer[min(len(voor), len(na)) :]
        verschil = next((a for a, b in zip(voor, na, strict=False) if a != b), rest[0] if rest else None)
        wat = f" ({_excerpt(verschil)})" if verschil else ""
        return (
            f"bevat HTML-code of opmaak die de site niet toont{wat}; schrijf gewone tekst of Markdown "
            "zonder HTML"
        )
    return None


def _strings(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                yield path + (key,), key  # a key can reach a page too (a table's column)
            yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, path + (i,))


def controleer(data: Any, file: str, errors: list[ContentError]) -> None:
    """Add a ContentError for every text in one file's data that is not plain Markdown."""
    for path, text in _strings(data):
        reden = probleem(text)
        if reden is not None:
            errors.append(ContentError(file, veldpad(path) if path else None, reden))
