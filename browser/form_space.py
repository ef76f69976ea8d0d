"""The input space of a rendered rekenhulp form, read from its HTML the way formulier.js reads it.

A form whose every field is a choice (radio group, select, checkbox) has a finite input space:
every combination of choices, with the parts that ``data-toon-als`` hides left out, gives one
input object for the core. This module enumerates those objects from the built page, so the
enumeration follows the form as it is rendered (fields added or changed in the templates are
picked up) instead of a list typed here.

It mirrors site_overrides/assets/rekenhulp/formulier.js (``velden``, ``ruweWaarde``,
``waardeVoorKern``, ``pasZichtbaarheidToe``, ``leesInvoer``); a form with a free field (number,
text, date) or a repeatable list is not enumerable and gets ``None``.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# More combinations than this are left to the live core (the build would take too long).
MAX_COMBINATIONS = 50_000


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def ancestors_or_self(self) -> list[Node]:
        out: list[Node] = []
        node: Node | None = self
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def iter(self) -> list[Node]:
        out = [self]
        for child in self.children:
            out.extend(child.iter())
        return out


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current)
        self.current.children.append(node)

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.text += data


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


@dataclass
class Field:
    """One named field (a radio group is one field), as formulier.js's ``velden`` groups them."""

    name: str
    key: str  # data-sleutel or name: the core's input key
    kind: str  # data-type
    element: Node  # the first element: visibility is read from it
    raw_values: list[str]  # every raw value a person can give it (ruweWaarde)
    core: dict[str, str] = field(default_factory=dict)  # raw value -> an option's data-kern


@dataclass
class Form:
    """A rekenhulp form: its id, the core's ``soort`` and its fields."""

    id: str
    soort: str
    fields: list[Field]
    conditions: list[tuple[Node, str, list[str] | None]]  # (element, field name, values)
    node: Node


def _in_template(node: Node) -> bool:
    return any(a.tag == "template" for a in node.ancestors_or_self()[1:])


def forms(html: str) -> list[tuple[Form | None, str, str]]:
    """Every ``form[data-soort]`` of a page: (Form or None if not enumerable, id, soort); after each
    form, each of its ``[data-apart="soort"]`` parts as a form of that soort (formulier.js
    ``leesApart``: those fields are asked of their own soort, not of the form's)."""
    root = parse(html)
    out: list[tuple[Form | None, str, str]] = []
    for node in root.iter():
        if node.tag == "form" and "data-soort" in node.attrs:
            form_id = node.attrs.get("id", "")
            out.append((_form(node, node.attrs["data-soort"]), form_id, node.attrs["data-soort"]))
            for part in node.iter()[1:]:
                if "data-apart" in part.attrs:
                    soort = part.attrs["data-apart"]
                    out.append((_form(part, soort), f"{form_id}:{soort}", soort))
    return out


def _apart(node: Node, top: Node) -> bool:
    """Inside a [data-apart] part below ``top`` (its fields belong to another soort)."""
    for a in node.ancestors_or_self():
        if a is top:
            return False
        if "data-apart" in a.attrs:
            return True
    return False


def _form(form: Node, soort: str) -> Form | None:
    elements = [n for n in form.iter()[1:] if not _in_template(n) and not _apart(n, form)]
    if any("data-lijst" in n.attrs for n in elements):
        return None  # a repeatable list has no finite input space
    groups: dict[str, list[Node]] = {}
    for el in elements:
        if "name" in el.attrs and not any("data-item" in a.attrs for a in el.ancestors_or_self()):
            groups.setdefault(el.attrs["name"], []).append(el)
    fields: list[Field] = []
    for name, els in groups.items():
        values = _raw_values(els)
        if values is None:
            return None
        first = els[0]
        key_ = first.attrs.get("data-sleutel") or name
        core = {}
        if first.tag == "select":
            core = {
                o.attrs.get("value", o.text.strip()): o.attrs["data-kern"]
                for o in first.iter()
                if o.tag == "option" and "data-kern" in o.attrs
            }
        fields.append(Field(name, key_, first.attrs.get("data-type", ""), first, values, core))
    conditions: list[tuple[Node, str, list[str] | None]] = []
    for el in elements:
        if "data-toon-als" in el.attrs:
            naam, _, waarden = el.attrs["data-toon-als"].partition("=")
            conditions.append((el, naam, waarden.split("|") if "=" in el.attrs["data-toon-als"] else None))
    return Form(form.attrs.get("id", ""), soort, fields, conditions, form)


def _raw_values(els: list[Node]) -> list[str] | None:
    first = els[0]
    if first.tag == "input":
        kind = first.attrs.get("type", "text").lower()
        if kind == "radio":
            values = [el.attrs.get("value", "on") for el in els if el.tag == "input"]
            # With none checked the group starts empty, and that state is reachable.
            if not any("checked" in el.attrs for el in els):
                values.append("")
            return list(dict.fromkeys(values))
        if kind == "checkbox":
            return ["ja", "nee"]
        if kind == "hidden":
            return [first.attrs.get("value", "")]
        return None  # typed text, numbers, dates: open-ended
    if first.tag == "select" and "multiple" not in first.attrs:
        options = [o for o in first.iter() if o.tag == "option" and "disabled" not in o.attrs]
        return list(dict.fromkeys(o.attrs.get("value", o.text.strip()) for o in options))
    return None


def _value_for_core(kind: str, raw: str) -> Any:
    """formulier.js ``waardeVoorKern`` for the choice types (int, datum never get here)."""
    tekst = raw.strip()
    if kind == "jn":
        return True if tekst == "ja" else False if tekst == "nee" else None
    if kind == "vinkje":
        return tekst == "ja"
    if kind == "lijst":
        return None if tekst == "" else [tekst]
    if kind == "int":
        if tekst == "":
            return None
        return int(tekst, 10) if tekst.lstrip("+-").isdigit() else tekst
    return None if tekst == "" else tekst


def _hidden(node: Node, hidden_now: set[int]) -> bool:
    """``el.closest("[hidden]")``, with the data-toon-als parts as pasZichtbaarheidToe set them."""
    for a in node.ancestors_or_self():
        if id(a) in hidden_now:
            return True
        if "hidden" in a.attrs and "data-toon-als" not in a.attrs:
            return True
    return False


def inputs(form: Form) -> list[dict[str, Any]] | None:
    """Every distinct input object the form can send to the core, or None if too many."""
    total = 1
    for f in form.fields:
        total *= len(f.raw_values)
    if total > MAX_COMBINATIONS:
        return None
    seen: dict[str, dict[str, Any]] = {}
    for combo in itertools.product(*(f.raw_values for f in form.fields)):
        invoer = _read(form, {f.name: v for f, v in zip(form.fields, combo, strict=True)})
        seen.setdefault(key(invoer), invoer)
    return list(seen.values())


def _read(form: Form, raw: dict[str, str]) -> dict[str, Any]:
    """formulier.js ``pasZichtbaarheidToe`` then ``leesInvoer``, for raw field values ``raw``."""
    hidden_now = set()
    for el, naam, waarden in form.conditions:
        shown = naam in raw and waarden is not None and raw[naam] in waarden
        if not shown:
            hidden_now.add(id(el))
    invoer: dict[str, Any] = {}
    for f in form.fields:
        if _hidden(f.element, hidden_now):
            continue
        value = _value_for_core(f.kind, f.core.get(raw[f.name], raw[f.name]))
        if value is not None:
            invoer[f.key] = value
    return invoer


def initial_input(form: Form) -> dict[str, Any]:
    """The input object of the form as it loads (checked radios and boxes, selected options)."""
    raw: dict[str, str] = {}
    for f in form.fields:
        group = [n for n in form.node.iter() if n.attrs.get("name") == f.name and not _in_template(n)]
        first = group[0]
        if first.tag == "select":
            options = [o for o in first.iter() if o.tag == "option"]
            chosen = [o for o in options if "selected" in o.attrs] or options[:1]
            raw[f.name] = chosen[0].attrs.get("value", chosen[0].text.strip()) if chosen else ""
        elif first.attrs.get("type", "").lower() == "radio":
            checked = [n for n in group if "checked" in n.attrs]
            raw[f.name] = checked[0].attrs.get("value", "on") if checked else ""
        elif first.attrs.get("type", "").lower() == "checkbox":
            raw[f.name] = "ja" if "checked" in first.attrs else "nee"
        else:
            raw[f.name] = first.attrs.get("value", "")
    return _read(form, raw)


def key(invoer: dict[str, Any]) -> str:
    """The lookup key of an input object; python.js builds the same (sorted keys, no spaces)."""
    return json.dumps(invoer, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
