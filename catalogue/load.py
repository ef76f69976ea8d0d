"""Load content/ into one Catalogue, collecting every schema problem with its file and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from catalogue import invoer as invoer_schema
from catalogue import schema as s
from catalogue import veilige_tekst
from catalogue.errors import ContentError, ContentErrors
from catalogue.meldingen import pydantic_melding, veldpad
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
    titel: str  # the heading people read ("HHM-uren per product"), not the file name
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
    pakketten: dict[str, s.Pakket] = field(default_factory=dict)  # regio -> its HO package model
    invoer: Any = None  # catalogue.invoer.Invoer: input fields, labels and bounds
    begrippen: dict[str, s.Begrip] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # record id -> file, for messages
    # OWMS and UPL lists read from source 006 by the validation (catalogue.catalogusafspraken).
    afspraken: Any = None


_UNREADABLE = object()  # a file whose YAML error is already reported


def validate_model(model: type[M], data: Any, file: str, errors: list[ContentError]) -> M | None:
    """Validate one record; turn pydantic's errors into Dutch ContentErrors naming file and field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            errors.append(ContentError(file, veldpad(err["loc"]), pydantic_melding(err)))
        return None


# Keys of a parameter file or group that describe it rather than name a parameter.
PARAMETER_META = ("titel", "beschrijving", "aannames", "bron", "regio")


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


def load_catalogue(root: Path, extra: tuple[Path, ...] | list[Path] = ()) -> Catalogue:
    """Read and schema-check every content file. Raises ContentErrors listing all problems.

    ``extra`` folders (same layout as content/, e.g. a test municipality) add records to the main
    content; they are validated by the same rules and a duplicate id is an error, never an override.
    """
    cat = Catalogue(root=root)
    errors: list[ContentError] = []
    base = root.resolve().parent
    for i, folder in enumerate([root, *extra]):
        _load_folder(cat, folder.resolve(), base, bool(i), errors)
    if errors:
        raise ContentErrors(errors)
    return cat


def _load_folder(cat: Catalogue, folder: Path, base: Path, extra: bool, errors: list[ContentError]) -> None:
    if not folder.is_relative_to(base):
        base = folder.parent

    def rel(path: Path) -> str:
        return path.relative_to(base).as_posix()

    def read(path: Path) -> Any:
        try:
            data = load_yaml(path, base)
        except ContentError as exc:
            errors.append(exc)
            return _UNREADABLE
        if data is None:
            errors.append(ContentError(rel(path), None, "het bestand is leeg"))
            return _UNREADABLE
        veilige_tekst.controleer(data, rel(path), errors)  # no HTML or unsafe link reaches a page
        return data

    def read_map(name: str, model: type[M]) -> dict[str, M]:
        path = folder / name
        data = read(path)
        out: dict[str, M] = {}
        if data is _UNREADABLE:
            return out
        if not isinstance(data, dict):
            errors.append(ContentError(rel(path), None, "verwacht een mapping"))
            return out
        for key, value in data.items():
            rec = validate_model(model, value, rel(path), errors)
            if rec is not None:
                out[str(key)] = rec
        return out

    for name, model, into in (
        ("bronnen.yaml", s.BronDocument, cat.bronnen),
        ("regios.yaml", s.Regio, cat.regios),
        ("vergelijking.yaml", s.VergelijkingGroep, cat.vergelijking),
        ("begrippen.yaml", s.Begrip, cat.begrippen),
    ):
        if extra and not (folder / name).exists():
            continue  # an extra folder adds to the main content; it need not have every file
        for key, rec in read_map(name, model).items():
            if key in into:
                errors.append(ContentError(rel(folder / name), key, f"'{key}' staat al in een andere map"))
            else:
                into[key] = rec

    for path in sorted((folder / "producten").glob("*/*.yaml")):
        file = rel(path)
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

    for path in sorted((folder / "regels").glob("*.yaml")):
        file = rel(path)
        data = read(path)
        if not isinstance(data, dict):
            if data is not _UNREADABLE:
                errors.append(ContentError(file, None, "verwacht een mapping met parameters"))
            continue
        for required in ("titel", "beschrijving"):
            if required not in data:
                errors.append(ContentError(file, required, "verplicht veld ontbreekt"))
        regio = data.get("regio")
        if regio is not None and not isinstance(regio, str):
            errors.append(ContentError(file, "regio", "verwacht de sleutel van een regio"))
            regio = None
        bron = data.get("bron")
        if bron is not None:
            validate_model(s.Bron, bron, file, errors)
        if any(pf.name == path.stem for pf in cat.parameter_files):
            errors.append(ContentError(file, None, f"een kengetallenbestand '{path.stem}' bestaat al"))
            continue
        keys = _flatten_parameters(data, path.stem, file, cat, errors, bron, regio)
        cat.parameter_files.append(
            ParameterFile(
                path.stem,
                str(data.get("titel", path.stem)),
                str(data.get("beschrijving", "")),
                list(data.get("aannames", [])),
                keys,
                regio,
            )
        )

    def read_records(sub: str, model: type[M], into: dict[str, M]) -> None:
        for path in sorted((folder / sub).rglob("*.yaml")):
            file = rel(path)
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

    for path in sorted((folder / "pakketten").glob("*.yaml")):
        file = rel(path)
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
        if rec.regio in cat.pakketten:
            errors.append(ContentError(file, "regio", f"regio '{rec.regio}' heeft al een pakket"))
            continue
        cat.pakketten[rec.regio] = rec
        cat.files[f"pakket:{rec.regio}"] = file

    if not extra:
        invoer_path = folder / invoer_schema.FILE
        invoer_data = read(invoer_path)
        if invoer_data is not _UNREADABLE:
            cat.invoer = validate_model(invoer_schema.Invoer, invoer_data, rel(invoer_path), errors)
