"""JSON Schema files for the content, exported from the pydantic models (one source for the rules).

An editor that knows YAML (VS Code with the YAML extension, JetBrains) reads the first line of a
content file, ``# yaml-language-server: $schema=../../schemas/product.json``, and then completes
field names and flags unknown or missing fields while typing. The build writes ``schemas/``; a test
checks the committed copy is current and validates every content file against its schema.
"""

from __future__ import annotations

import json
import os
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from catalogue import invoer as invoer_schema
from catalogue import iwmo as iwmo_schema
from catalogue import schema as s

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
HEADER = "# yaml-language-server: $schema="

# Content path pattern (relative to content/) -> schema file name. Most specific first.
SCHEMA_PER_PAD: list[tuple[str, str]] = [
    ("bronnen.yaml", "bronnen.json"),
    ("regios.yaml", "regios.json"),
    ("invoer.yaml", "invoer.json"),
    ("begrippen.yaml", "begrippen.json"),
    ("vergelijking.yaml", "vergelijking.json"),
    ("themas.yaml", "themas.json"),
    ("iwmo.yaml", "iwmo.json"),
    ("producten/*/*.yaml", "product.json"),
    ("regels/*.yaml", "regels.json"),
    ("tarieven/*/*.yaml", "tarieftabel.json"),
    ("pakketten/*.yaml", "pakket.json"),
    ("lijsten/*.yaml", "lijst.json"),
    ("teksten/*.yaml", "tekst.json"),
    ("projecten/*.yaml", "project.json"),
]
TITELS = {
    "bronnen.json": "Brondocumenten (content/bronnen.yaml)",
    "regios.json": "Regio's (content/regios.yaml)",
    "begrippen.json": "Begrippenlijst (content/begrippen.yaml)",
    "invoer.json": "Invoervelden van de rekenhulp: labels en grenzen (content/invoer.yaml)",
    "vergelijking.json": "Vergelijkingsgroepen (content/vergelijking.yaml)",
    "themas.json": "Thema's om eisen naast elkaar te zetten (content/themas.yaml)",
    "iwmo.json": "Codes van iWmo 3.2 voor de toewijzing (content/iwmo.yaml)",
    "product.json": "Product (content/producten/<regio>/<id>.yaml)",
    "regels.json": "Kengetallen als gedateerde waarden (content/regels/<naam>.yaml)",
    "tarieftabel.json": "Tarieftabel (content/tarieven/<regio>/<tabel>.yaml)",
    "pakket.json": "Pakket huishoudelijke ondersteuning van een regio (content/pakketten/<regio>.yaml)",
    "lijst.json": "Lijst (content/lijsten/<id>.yaml)",
    "tekst.json": "Tekst (content/teksten/<id>.yaml)",
    "project.json": "Project (content/projecten/<id>.yaml)",
}


def schema_voor(rel: str) -> str | None:
    """The schema file for a content file (path relative to content/), or None."""
    return next((naam for patroon, naam in SCHEMA_PER_PAD if fnmatch(rel, patroon)), None)


def _model(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(mode="validation")


def _mapping_van(model: type[BaseModel]) -> dict[str, Any]:
    return TypeAdapter(dict[str, model]).json_schema(mode="validation")


def _regels() -> dict[str, Any]:
    """A parameter file: metadata keys, then groups and leaves to any depth (a leaf has ``waarden``)."""
    leaf = _model(s.ParameterLeaf)
    defs = leaf.pop("$defs", {})
    defs["ParameterLeaf"] = leaf
    bron = {"$ref": "#/$defs/Bron"}
    tekst = {"type": "string", "minLength": 1}
    kind = {"anyOf": [{"$ref": "#/$defs/ParameterLeaf"}, {"$ref": "#/$defs/Groep"}]}
    meta = {
        "titel": tekst,
        "beschrijving": tekst,
        "aannames": {"type": "array", "items": tekst},
        "bron": bron,
    }
    defs["Groep"] = {
        "type": "object",
        "description": "Een groep kengetallen; een kengetal zelf heeft 'waarden'.",
        "not": {"required": ["waarden"]},
        "properties": meta,
        "additionalProperties": kind,
    }
    return {
        "type": "object",
        "properties": {
            **meta,
            "regio": {
                "type": "string",
                "description": "Alleen bij de tabel van één regio (bijvoorbeeld haar urentabel): "
                "de sleutel uit regios.yaml.",
            },
        },
        "required": ["titel", "beschrijving"],
        "additionalProperties": kind,
        "$defs": defs,
    }


def _bron_met_alleen_regels(schema: dict[str, Any]) -> dict[str, Any]:
    """A dated value may name only its lines (``bron: {tekstregels: "212"}``): the loader takes
    document and sectie from the bron it inherits (catalogue.load.eigen_bron)."""
    defs = schema.get("$defs", {})
    if "DatedValue" in defs and "Bron" in defs:
        regels = defs["Bron"]["properties"]["tekstregels"]
        defs["BronRegels"] = {
            "type": "object",
            "description": "Alleen de tekstregels; document en sectie komen van de parameter of tabel.",
            "properties": {"tekstregels": {k: v for k, v in regels.items() if k != "default"}},
            "required": ["tekstregels"],
            "additionalProperties": False,
        }
        defs["DatedValue"]["properties"]["bron"] = {
            "anyOf": [{"$ref": "#/$defs/Bron"}, {"$ref": "#/$defs/BronRegels"}, {"type": "null"}],
            "default": None,
        }
    return schema


def alle_schemas() -> dict[str, dict[str, Any]]:
    """Schema file name -> JSON Schema, from the pydantic models."""
    uit = {
        "bronnen.json": _mapping_van(s.BronDocument),
        "regios.json": _mapping_van(s.Regio),
        "invoer.json": _model(invoer_schema.Invoer),
        "begrippen.json": _mapping_van(s.Begrip),
        "vergelijking.json": _mapping_van(s.VergelijkingGroep),
        "themas.json": _mapping_van(s.Thema),
        "iwmo.json": _model(iwmo_schema.Iwmo),
        "product.json": _model(s.Product),
        "regels.json": _regels(),
        "tarieftabel.json": _model(s.TariefTabel),
        "pakket.json": _model(s.Pakket),
        "lijst.json": _model(s.Lijst),
        "tekst.json": _model(s.Tekst),
        "project.json": _model(s.Project),
    }
    return {
        naam: {"$schema": SCHEMA_URI, **_bron_met_alleen_regels(sch), "title": TITELS[naam]}
        for naam, sch in uit.items()
    }


def schema_tekst(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schrijf_schemas(doel: Path) -> list[Path]:
    """Write every schema into ``doel`` (only files whose text changed are rewritten)."""
    doel.mkdir(parents=True, exist_ok=True)
    geschreven = []
    for naam, schema in alle_schemas().items():
        pad = doel / naam
        tekst = schema_tekst(schema)
        if not pad.exists() or pad.read_text(encoding="utf-8") != tekst:
            pad.write_text(tekst, encoding="utf-8")
            geschreven.append(pad)
    return geschreven


def kopregel(bestand: Path, content: Path, schemas: Path) -> str | None:
    """The ``# yaml-language-server`` line a content file should start with (a path relative to it)."""
    naam = schema_voor(bestand.relative_to(content).as_posix())
    if naam is None:
        return None
    return HEADER + Path(os.path.relpath(schemas / naam, bestand.parent)).as_posix()
