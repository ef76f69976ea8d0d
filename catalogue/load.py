"""Load content/ into one Catalogue, collecting every schema problem with its file and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from catalogue import schema as s
from catalogue.errors import ContentError, ContentErrors
from catalogue.yamlio import load_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass
class Parameter:
    """One leaf of a parameter file, named by its dotted path."""

    key: str
    file: str
    leaf: s.ParameterLeaf
    regio: str | None = None  # set when the file is one region's table (e.g. its hours table)


@dataclass
class ParameterFile:
    name: str
    beschrijving: str
    aannames: list[str]
    keys: list[str]
    regio: str | None = None


@dataclass
class Catalogue:
    root: Path
    bronnen: dict[str, s.BronDocument] = field(default_factory=dict)
    regios: dict[str, s.Regio] = field(default_factory=dict)
    vergelijking: dict[str, s.VergelijkingGroep] = field(default_factory=dict)
    producten: dict[str, s.Product] = field(default_factory=dict)
    product_files: dict[str, str] = field(default_factory=dict)
    parameters: dict[str, Parameter] = field(default_factory=dict)
    parameter_files: list[ParameterFile] = field(default_factory=list)
    tarieven: dict[str, s.TariefTabel] = field(default_factory=dict)
    tarief_files: dict[str, str] = field(default_factory=dict)
    lijsten: dict[str, s.Lijst] = field(default_factory=dict)
    teksten: dict[str, s.Tekst] = field(default_factory=dict)
    projecten: dict[str, s.Project] = field(default_factory=dict)
    begrippen: dict[str, s.Begrip] = field(default_factory=dict)
    pakketten: dict[str, s.Pakket] = field(default_factory=dict)  # regio -> its HO package model
    files: dict[str, str] = field(default_factory=dict)  # record id -> file, for messages


_UNREADABLE = object()  # a file whose YAML error is already reported


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(hele bestand)"


_MESSAGES = {
    "extra_forbidden": "onbekend veld (staat niet in het schema)",
    "missing": "verplicht veld ontbreekt",
}


def validate_model(model: type[M], data: Any, file: str, errors: list[ContentError]) -> M | None:
    """Validate one record; turn pydantic's errors into ContentErrors naming file and field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            msg = _MESSAGES.get(err["type"], err["msg"])
            if err["type"] not in _MESSAGES and "input" in err and not isinstance(err["input"], dict | list):
                msg = f"{msg} (gevonden: {err['input']!r})"
            errors.append(ContentError(file, _field_path(err["loc"]), msg))
        return None


# Keys of a parameter file or group that describe it rather than name a parameter.
PARAMETER_META = ("beschrijving", "aannames", "bron", "regio")


def erf_bron(waarden: Any, bron: Any) -> Any:
    """Dated values without a bron of their own take ``bron`` (the parameter's or table's): a reference
    is written once per table or parameter, and every value still carries its source."""
    if not isinstance(waarden, dict) or bron is None:
        return waarden
    return {
        d: ({**v, "bron": bron} if isinstance(v, dict) and "bron" not in v else v) for d, v in waarden.items()
    }


def _tabel_met_bron(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    bron = data.get("bron")
    uit = {**data, "uurtarief": erf_bron(data.get("uurtarief"), bron)} if "uurtarief" in data else dict(data)
    if isinstance(data.get("rijen"), list):
        uit["rijen"] = [
            {**r, "waarden": erf_bron(r.get("waarden"), r.get("bron", bron))} if isinstance(r, dict) else r
            for r in data["rijen"]
        ]
    return uit


def _flatten_parameters(
    node: Any,
    prefix: str,
    file: str,
    cat: Catalogue,
    errors: list[ContentError],
    bron: Any = None,
    regio: str | None = None,
) -> list[str]:
    keys: list[str] = []
    if not isinstance(node, dict):
        errors.append(ContentError(file, prefix, "verwacht een mapping met parameters"))
        return keys
    bron = node.get("bron", bron)
    if "waarden" in node:
        leaf = validate_model(
            s.ParameterLeaf, {**node, "waarden": erf_bron(node["waarden"], bron)}, file, errors
        )
        if leaf is not None:
            cat.parameters[prefix] = Parameter(prefix, file, leaf, regio)
            keys.append(prefix)
        return keys
    for name, child in node.items():
        if name in PARAMETER_META:
            continue  # metadata of a file or group
        if not isinstance(name, str) or not name.replace("_", "").isalnum() or name != name.lower():
            errors.append(ContentError(file, f"{prefix}.{name}", "ongeldige parameternaam"))
            continue
        keys += _flatten_parameters(child, f"{prefix}.{name}", file, cat, errors, bron, regio)
    return keys


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root.parent).as_posix()


def load_catalogue(root: Path) -> Catalogue:
    """Read and schema-check every content file. Raises ContentErrors listing all problems."""
    cat = Catalogue(root=root)
    errors: list[ContentError] = []

    def read(path: Path) -> Any:
        try:
            data = load_yaml(path, root.parent)
        except ContentError as exc:
            errors.append(exc)
            return _UNREADABLE
        if data is None:
            errors.append(ContentError(_rel(path, root), None, "het bestand is leeg"))
            return _UNREADABLE
        return data

    def read_map(name: str, model: type[M]) -> dict[str, M]:
        path = root / name
        data = read(path)
        out: dict[str, M] = {}
        if data is _UNREADABLE:
            return out
        if not isinstance(data, dict):
            errors.append(ContentError(_rel(path, root), None, "verwacht een mapping"))
            return out
        for key, value in data.items():
            rec = validate_model(model, value, _rel(path, root), errors)
            if rec is not None:
                out[str(key)] = rec
        return out

    cat.bronnen = read_map("bronnen.yaml", s.BronDocument)
    cat.regios = read_map("regios.yaml", s.Regio)
    cat.vergelijking = read_map("vergelijking.yaml", s.VergelijkingGroep)
    cat.begrippen = read_map("begrippen.yaml", s.Begrip)

    for path in sorted((root / "producten").glob("*/*.yaml")):
        file = _rel(path, root)
        data = read(path)
        rec = None if data is _UNREADABLE else validate_model(s.Product, data, file, errors)
        if rec is None:
            continue
        if rec.id != path.stem:
            errors.append(
                ContentError(file, "id", f"'{rec.id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'")
            )
        if rec.regio != path.parent.name:
            errors.append(
                ContentError(file, "regio", f"'{rec.regio}' moet gelijk zijn aan de map '{path.parent.name}'")
            )
        if rec.id in cat.producten:
            errors.append(ContentError(file, "id", f"dubbel product-id, ook in {cat.product_files[rec.id]}"))
            continue
        cat.producten[rec.id] = rec
        cat.product_files[rec.id] = file

    for path in sorted((root / "regels").glob("*.yaml")):
        file = _rel(path, root)
        data = read(path)
        if not isinstance(data, dict):
            if data is not _UNREADABLE:
                errors.append(ContentError(file, None, "verwacht een mapping met parameters"))
            continue
        if "beschrijving" not in data:
            errors.append(ContentError(file, "beschrijving", "verplicht veld ontbreekt"))
        regio = data.get("regio")
        if regio is not None and not isinstance(regio, str):
            errors.append(ContentError(file, "regio", "verwacht de sleutel van een regio"))
            regio = None
        bron = data.get("bron")
        if bron is not None:
            validate_model(s.Bron, bron, file, errors)
        keys = _flatten_parameters(data, path.stem, file, cat, errors, bron, regio)
        cat.parameter_files.append(
            ParameterFile(
                path.stem, str(data.get("beschrijving", "")), list(data.get("aannames", [])), keys, regio
            )
        )

    def read_records(folder: str, model: type[M], into: dict[str, M]) -> None:
        for path in sorted((root / folder).rglob("*.yaml")):
            file = _rel(path, root)
            data = read(path)
            if model is s.TariefTabel:
                data = _tabel_met_bron(data)
            rec = None if data is _UNREADABLE else validate_model(model, data, file, errors)
            if rec is None:
                continue
            if rec.id in into:
                errors.append(ContentError(file, "id", f"dubbel id '{rec.id}', ook in {cat.files[rec.id]}"))
                continue
            into[rec.id] = rec
            cat.files[rec.id] = file

    read_records("tarieven", s.TariefTabel, cat.tarieven)
    cat.tarief_files = {k: cat.files[k] for k in cat.tarieven}
    read_records("lijsten", s.Lijst, cat.lijsten)
    read_records("teksten", s.Tekst, cat.teksten)
    read_records("projecten", s.Project, cat.projecten)

    for path in sorted((root / "pakketten").glob("*.yaml")):
        file = _rel(path, root)
        data = read(path)
        rec = None if data is _UNREADABLE else validate_model(s.Pakket, data, file, errors)
        if rec is None:
            continue
        if rec.regio != path.stem:
            errors.append(
                ContentError(
                    file, "regio", f"'{rec.regio}' moet gelijk zijn aan de bestandsnaam '{path.stem}'"
                )
            )
        cat.pakketten[rec.regio] = rec
        cat.files[f"pakket:{rec.regio}"] = file

    if errors:
        raise ContentErrors(errors)
    return cat
