"""JSON Schema for editors: current with the models, referenced from every content file, and every
content file valid against it (so an editor's red squiggle and the build agree)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from catalogue.schemas import alle_schemas, kopregel, schema_tekst, schema_voor
from catalogue.yamlio import load_yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SCHEMAS = ROOT / "schemas"
FIXTURE = ROOT / "tests" / "fixtures" / "proefdorp" / "content"
BESTANDEN = [(CONTENT, p) for p in sorted(CONTENT.rglob("*.yaml"))] + [
    (FIXTURE, p) for p in sorted(FIXTURE.rglob("*.yaml"))
]


def als_json(data: Any) -> Any:
    """YAML as an editor's language server sees it: dates as text, decimals as numbers."""

    def standaard(x: Any) -> Any:
        if isinstance(x, dt.date):
            return x.isoformat()
        if isinstance(x, Decimal):
            return float(x)
        raise TypeError(type(x))

    def sleutels(x: Any) -> Any:
        if isinstance(x, dict):
            return {(k.isoformat() if isinstance(k, dt.date) else k): sleutels(v) for k, v in x.items()}
        if isinstance(x, list):
            return [sleutels(v) for v in x]
        return x

    return json.loads(json.dumps(sleutels(data), default=standaard))


def validator(naam: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / naam).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("naam", sorted(alle_schemas()))
def test_de_vastgelegde_schemas_volgen_de_modellen(naam: str) -> None:
    vastgelegd = (SCHEMAS / naam).read_text(encoding="utf-8")
    assert vastgelegd == schema_tekst(alle_schemas()[naam]), (
        f"schemas/{naam} is verouderd: draai python build.py"
    )


@pytest.mark.parametrize(("map_", "pad"), BESTANDEN, ids=[str(p.relative_to(ROOT)) for _, p in BESTANDEN])
def test_elk_contentbestand_noemt_zijn_schema_en_voldoet(map_: Path, pad: Path) -> None:
    naam = schema_voor(pad.relative_to(map_).as_posix())
    assert naam is not None, f"geen schema voor {pad.relative_to(ROOT)}"
    eerste = pad.read_text(encoding="utf-8").split("\n", 1)[0]
    assert eerste == kopregel(pad, map_, SCHEMAS)
    fouten = [
        f"{'/'.join(map(str, f.absolute_path))}: {f.message}"
        for f in validator(naam).iter_errors(als_json(load_yaml(pad, ROOT)))
    ]
    assert not fouten, "\n".join(fouten)


def test_het_schema_vangt_wat_de_bouw_weigert() -> None:
    """An unknown field, a missing one and a malformed bron are flagged by the editor's schema too."""
    product = als_json(load_yaml(CONTENT / "producten" / "halderberge" / "ho-light.yaml", ROOT))
    v = validator("product.json")
    assert v.is_valid(product)
    assert not v.is_valid({**product, "prijs": 12})
    assert not v.is_valid({k: w for k, w in product.items() if k != "naam"})
    assert not v.is_valid({**product, "bron": [{"document": "3", "sectie": "x"}]})
    regels = als_json(load_yaml(CONTENT / "regels" / "hhm_uren.yaml", ROOT))
    assert validator("regels.json").is_valid(regels)
    kapot = {**regels, "light": {**regels["light"], "eenheden": "uren"}}
    assert not validator("regels.json").is_valid(kapot)
