"""Read content YAML strictly: exact decimals, no duplicate keys, file and line in every error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from catalogue.errors import ContentError
from catalogue.meldingen import MAX_BESTAND_BYTES, unicode_melding, yaml_probleem

# libyaml's parser when present (several times faster); the constructors below stay in Python.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader that reads floats as Decimal and refuses duplicate mapping keys."""


class _Melding(yaml.constructor.ConstructorError):
    """A problem found by the constructors below, already in Dutch (PyYAML's own are English)."""


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    """A YAML float as an exact Decimal; .inf and .nan are no amount or count a source gives."""
    # Money and hours must never pass through a binary float.
    tekst = loader.construct_scalar(node).replace("_", "")
    try:
        waarde = Decimal(tekst)
    except ArithmeticError:
        waarde = None
    if waarde is None or not waarde.is_finite():
        raise _Melding(
            None,
            None,
            f"'{node.value}' is geen getal (schrijf een bedrag of aantal als 12.50)",
            node.start_mark,
        )
    return waarde


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):  # a list or mapping cannot name a field
            raise _Melding(
                None,
                None,
                "een sleutel moet een naam of datum zijn, geen lijst of mapping",
                key_node.start_mark,
            )
        key = loader.construct_object(key_node, deep=deep)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise _Melding(
                None,
                None,
                f"dubbele sleutel '{key}' (regel {seen[key]} en regel {line})",
                key_node.start_mark,
            )
        seen[key] = line
    return loader.construct_mapping(node, deep=deep)


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise _Melding(
            None,
            None,
            f"ongeldige datum '{node.value}' (schrijf een bestaande datum als 2026-01-01)",
            node.start_mark,
        ) from exc


_StrictLoader.add_constructor("tag:yaml.org,2002:float", _decimal)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(path: Path, root: Path) -> Any:
    """Parse one content file; any problem becomes a ContentError naming the file."""
    rel = path.relative_to(root).as_posix()
    grootte = path.stat().st_size
    if grootte > MAX_BESTAND_BYTES:
        raise ContentError(
            rel,
            None,
            f"het bestand is {grootte // 1024} kB; een contentbestand mag hoogstens "
            f"{MAX_BESTAND_BYTES // 1024} kB zijn (splits het op)",
        )
    ruw = path.read_bytes()
    try:
        text = ruw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(rel, None, unicode_melding(ruw, exc)) from exc
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - _StrictLoader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        if isinstance(exc, _Melding):  # our own constructors speak Dutch
            raise ContentError(rel, None, f"ongeldige YAML{where}: {problem}") from exc
        raise ContentError(rel, None, f"ongeldige YAML{where}: {yaml_probleem(problem)}") from exc
    if data is None:
        raise ContentError(
            rel, None, "het bestand is leeg of bevat alleen commentaar; verwacht een mapping met velden"
        )
    return data
