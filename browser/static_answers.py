"""Answers computed at build time for the rekenhulp pages whose input space is finite.

A page whose every form is enumerable (browser/form_space.py) gets a table of every answer,
computed with the same ``calculator`` package the browser runs (``api.run_json``, the same
bytes as on Pyodide; tests/browser proves it for every entry). The page shows the answer
from the table at once and never needs Python; anything not in the table (a date outside
the table's periods, a crafted share link) goes to the live core as before (python.js).

Dates: an answer depends on the peildatum (default today), and it echoes it. Between two
dates on which any value of the bundle changes, the answers differ only in that echo; so the
table holds, per period, one template per answer with the peildatum left open, and the page
fills in today. The build checks that claim for every answer (the answer on two days of the
period, with and without an explicit peildatum, must match the template) and leaves a
period out where it does not hold. Two periods are computed: the one around the build date
and the next one, so a build made in December still answers statically in January.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from browser import form_space

MARKER = "null /*@VOORAF@*/"
PLACEHOLDER = "@PEILDATUM@"
FOLDER = Path("assets") / "rekenhulp" / "antwoorden"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def change_dates(bundle: Any) -> list[str]:
    """Every ISO day in the bundle: the only days on which an answer can change."""
    found: set[str] = set()
    stack = [bundle]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and ISO_DAY.match(item):
            found.add(item)
    return sorted(found)


def periods(bundle: Any, today: dt.date, count: int = 2) -> list[tuple[str | None, str | None]]:
    """``count`` periods [van, tot) from the one holding ``today`` (None: open-ended)."""
    points = change_dates(bundle)
    day = today.isoformat()
    van = max((p for p in points if p <= day), default=None)
    later = [p for p in points if p > day]
    out: list[tuple[str | None, str | None]] = []
    for i in range(count):
        tot = later[i] if i < len(later) else None
        out.append((van, tot))
        if tot is None:
            break
        van = tot
    return out


def _days_in(van: str | None, tot: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """Two different days of the period (one if it has only one), the first one used first."""
    first = max(today, dt.date.fromisoformat(van)) if van else today
    last = dt.date.fromisoformat(tot) - dt.timedelta(days=1) if tot else first + dt.timedelta(days=400)
    return first, last


def table_for(
    soort: str, invoeren: list[dict[str, Any]], bundle: Any, today: dt.date, run_json: Any
) -> dict[str, Any]:
    """The answer table of one form: {soort, datum, perioden: [{van, tot, antwoorden}], uitkomsten}."""
    templates: dict[str, int] = {}
    uitkomsten: list[str] = []
    perioden: list[dict[str, Any]] = []
    for van, tot in periods(bundle, today):
        first, other = _days_in(van, tot, today)
        antwoorden: dict[str, int] = {}
        for invoer in invoeren:
            template = _template(soort, invoer, first, other, today, run_json)
            if template is None:
                antwoorden = {}
                break  # the period does not behave as assumed: leave it to the live core
            antwoorden[form_space.key(invoer)] = templates.setdefault(template, len(templates))
            if templates[template] == len(uitkomsten):
                uitkomsten.append(template)
        if antwoorden:
            perioden.append({"van": van, "tot": tot, "antwoorden": antwoorden})
    return {"soort": soort, "datum": PLACEHOLDER, "perioden": perioden, "uitkomsten": uitkomsten}


def _template(
    soort: str, invoer: dict[str, Any], first: dt.date, other: dt.date, today: dt.date, run_json: Any
) -> str | None:
    def answer(day: dt.date | None) -> str:
        asked = invoer if day is None else {**invoer, "peildatum": day.isoformat()}
        return run_json(soort, json.dumps(asked))

    def open_date(text: str, day: dt.date) -> str:
        return text.replace(f'"peildatum": "{day.isoformat()}"', f'"peildatum": "{PLACEHOLDER}"')

    at_first = answer(first)
    template = open_date(at_first, first)
    if other != first and open_date(answer(other), other) != template:
        return None
    # The live page sends no peildatum: the default (today) must give the same bytes.
    if first == today and answer(None) != at_first:
        return None
    return template


def _cache_key(bundle_bytes: bytes, page_html: str, today: dt.date, bundle: Any) -> str:
    """Everything a page's table depends on: the bundle, the page (its forms), the core's and
    this module's code, and the day (the periods around it)."""
    h = hashlib.sha256(bundle_bytes)
    h.update(page_html.encode())
    h.update(today.isoformat().encode())
    here = Path(__file__).resolve().parent
    for path in sorted([*(here.parent / "calculator").rglob("*.py"), here / "form_space.py", Path(__file__)]):
        h.update(path.read_bytes())
    return h.hexdigest()[:24]


def build(
    site: Path, bundle_path: Path, today: dt.date | None = None, cache: Path | None = None
) -> list[Path]:
    """Write the tables and point each page at its table; returns the pages given one.
    With ``cache`` (a folder), a table computed before for the same inputs is reused."""
    from calculator import data

    bundle_bytes = bundle_path.read_bytes()
    bundle = json.loads(bundle_bytes)
    data.gebruik(bundle)
    today = today or dt.date.today()
    done: list[Path] = []
    for page in sorted((site / "rekenhulp").rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if MARKER not in html:
            continue
        cached = None
        if cache is not None:
            cached = cache / "antwoorden" / f"{_cache_key(bundle_bytes, html, today, bundle)}.json"
        if cached is not None and cached.exists():
            body: str | None = cached.read_text(encoding="utf-8")
        else:
            body = page_table(html, bundle, today)
            if body is not None and cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(body, encoding="utf-8")
        if not body:
            continue  # a form with open-ended fields (or no period to fill): the live core answers
        name = f"{page.parent.name}-{hashlib.sha256(body.encode()).hexdigest()[:12]}.json"
        target = site / FOLDER / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
        url = os.path.relpath(target, page.parent).replace(os.sep, "/")
        page.write_text(html.replace(MARKER, json.dumps(url), 1), encoding="utf-8")
        done.append(page)
    return done


def page_table(html: str, bundle: Any, today: dt.date) -> str:
    """The answer table of a page as JSON text, or "" when not every form is enumerable."""
    from calculator import api

    found = form_space.forms(html)
    if not found:
        return ""
    tables: dict[str, Any] = {}
    for form, _form_id, soort in found:
        invoeren = form_space.inputs(form) if form is not None else None
        if invoeren is None:
            return ""
        tables[soort] = table_for(soort, invoeren, bundle, today, api.run_json)
    if not any(t["perioden"] for t in tables.values()):
        return ""
    return json.dumps({"soorten": tables}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
