"""Rules across files: references resolve, units fit, and the arithmetic the sources obey holds."""

from __future__ import annotations

import datetime as dt

from calculator.regels.pgb import maandbedrag_uit_uren
from catalogue import catalogusafspraken
from catalogue import invoer as invoer_schema
from catalogue import schema as s
from catalogue.bronverwijzing import stated_date
from catalogue.errors import ContentError, ContentErrors
from catalogue.iwmo import bronnen as iwmo_bronnen
from catalogue.load import Catalogue


def check_bron(cat: Catalogue, bron: s.Bron, file: str, field: str, errors: list[ContentError]) -> None:
    """A bron names a known document and starts with one of its known sections."""
    doc = cat.bronnen.get(bron.document)
    if doc is None:
        errors.append(ContentError(file, field, f"onbekend brondocument '{bron.document}'"))
        return
    if not any(bron.sectie.lower().startswith(sec.lower()) for sec in doc.secties):
        errors.append(
            ContentError(
                file,
                field,
                f"sectie '{bron.sectie}' begint niet met een bekende sectie van bron {bron.document}",
            )
        )


def _check_products(cat: Catalogue, errors: list[ContentError]) -> None:
    for pid, p in cat.producten.items():
        file = cat.product_files[pid]
        if p.regio not in cat.regios:
            errors.append(ContentError(file, "regio", f"onbekende regio '{p.regio}'"))
        if p.vergelijking is not None and p.vergelijking not in cat.vergelijking:
            errors.append(
                ContentError(file, "vergelijking", f"onbekende vergelijkingsgroep '{p.vergelijking}'")
            )
        for i, key in enumerate(p.kengetallen):
            if key not in cat.parameters:
                errors.append(ContentError(file, f"kengetallen.{i}", f"onbekende parameter '{key}'"))
        for i, bron in enumerate(p.bron):
            check_bron(cat, bron, file, f"bron.{i}", errors)
        _check_berekening(cat, p, file, errors)


def _check_berekening(cat: Catalogue, p: s.Product, file: str, errors: list[ContentError]) -> None:
    """A product its calculator answers has what that calculator reads: beschermd-thuis a niveau
    (a choice of the field niveau) and its hours as kengetal, hht its volume as kengetal."""
    niveaus = (
        (cat.invoer.velden["niveau"].keuzes or {}) if cat.invoer and "niveau" in cat.invoer.velden else {}
    )
    if p.berekening == "beschermd-thuis" and p.niveau not in niveaus:
        kies = ", ".join(niveaus)
        errors.append(
            ContentError(file, "niveau", f"verplicht bij berekening beschermd-thuis: kies uit {kies}")
        )
    if p.berekening != "beschermd-thuis" and p.niveau is not None:
        errors.append(ContentError(file, "niveau", "hoort alleen bij berekening beschermd-thuis"))
    if p.berekening in ("beschermd-thuis", "hht") and not p.kengetallen:
        errors.append(
            ContentError(
                file, "kengetallen", f"berekening {p.berekening} leest de uren uit het eerste kengetal"
            )
        )


def _check_values(
    cat: Catalogue, waarden: s.Waarden, file: str, field: str, money: bool, errors: list[ContentError]
) -> None:
    for day, dv in waarden.items():
        if dv.bron is None:
            errors.append(
                ContentError(
                    file,
                    f"{field}.{day}.bron",
                    "bron ontbreekt: geef de waarde, de parameter of de tabel een bron",
                )
            )
        else:
            check_bron(cat, dv.bron, file, f"{field}.{day}.bron", errors)
            stated = stated_date(cat.bronnen, dv.bron)
            if stated is not None and stated.dagen() and day not in stated.dagen():
                errors.append(
                    ContentError(
                        file,
                        f"{field}.{day}",
                        f"de bron geeft {', '.join(d.isoformat() for d in stated.dagen())} als datum "
                        f"({stated.tekst}), "
                        f"niet {day.isoformat()}",
                    )
                )
        if dv.waarde < 0:
            errors.append(ContentError(file, f"{field}.{day}.waarde", "een waarde mag niet negatief zijn"))
        if money and dv.waarde.as_tuple().exponent != -2:
            errors.append(
                ContentError(
                    file, f"{field}.{day}.waarde", f"bedrag {dv.waarde} moet precies twee decimalen hebben"
                )
            )


def _check_parameters(cat: Catalogue, errors: list[ContentError]) -> None:
    for key, param in cat.parameters.items():
        _check_values(cat, param.leaf.waarden, param.file, f"{key}.waarden", False, errors)
        for i, voorwaarde in enumerate(param.leaf.voorwaarden):
            check_bron(cat, voorwaarde.bron, param.file, f"{key}.voorwaarden.{i}.bron", errors)


def _check_tariffs(cat: Catalogue, errors: list[ContentError]) -> None:
    for tid, table in cat.tarieven.items():
        file = cat.tarief_files[tid]
        if table.regio not in cat.regios:
            errors.append(ContentError(file, "regio", f"onbekende regio '{table.regio}'"))
        check_bron(cat, table.bron, file, "bron", errors)
        if table.uurtarief:
            _check_values(cat, table.uurtarief, file, "uurtarief", True, errors)
        if table.regime in s.SOCIAAL_NETWERK and tid.startswith("pgb-ho-") and not table.uurtarief:
            errors.append(
                ContentError(
                    file, "uurtarief", "een HO-tabel voor het sociaal netwerk heeft een uurtarief nodig"
                )
            )
        seen: set[str] = set()
        for i, row in enumerate(table.rijen):
            field = f"rijen.{i}"
            if row.id in seen:
                errors.append(ContentError(file, f"{field}.id", f"dubbele rij '{row.id}'"))
            seen.add(row.id)
            for j, pid in enumerate([row.product, *row.ook_voor]):
                if pid is not None and pid not in cat.producten:
                    name = f"{field}.product" if j == 0 else f"{field}.ook_voor.{j - 1}"
                    errors.append(ContentError(file, name, f"onbekend product '{pid}'"))
            if row.niet_in_bron and row.waarden:
                errors.append(
                    ContentError(file, f"{field}.waarden", "een rij 'niet in de bron' heeft geen bedragen")
                )
            if not row.niet_in_bron and not row.waarden:
                errors.append(
                    ContentError(
                        file,
                        f"{field}.waarden",
                        "geen bedrag; zet niet_in_bron: true als de bron er geen noemt",
                    )
                )
            _check_values(cat, row.waarden, file, f"{field}.waarden", True, errors)
            _check_uren_maal_uurtarief(cat, table, row, file, field, errors)
        _check_dated_update_whole(cat, table, file, errors)
    _check_aids(cat, errors)


def _table_dates(cat: Catalogue, table: s.TariefTabel) -> set[dt.date]:
    """Every date on which something in the table changes: a row's amount, the hourly rate, or
    (from the table's first date on) the hours parameter of one of its rows."""
    own = {day for row in table.rijen for day in row.waarden} | set(table.uurtarief or {})
    if not own:
        return own
    first = min(own)
    for row in table.rijen:
        param = cat.parameters.get(row.uren_per_jaar) if row.uren_per_jaar else None
        if param is not None:
            own |= {day for day in param.leaf.waarden if day >= first}
    return own


def _check_dated_update_whole(
    cat: Catalogue, table: s.TariefTabel, file: str, errors: list[ContentError]
) -> None:
    """A dated update of a table is whole or refused: on every date the table (or the hours its
    rows are computed from) changes, every row has an amount of its own, together with the hourly
    rate, and each sociaal-netwerk row still equals hours x rate / 12 (the sources' tariff tables
    and urentabel are published per year, all rows at once)."""
    rate_days = set(table.uurtarief or {})
    row_days = {day for row in table.rijen for day in row.waarden}
    for i, row in enumerate(table.rijen):
        if row.niet_in_bron or not row.waarden:
            continue
        field = f"rijen.{i}.waarden"
        for day in sorted(_table_dates(cat, table)):
            if day < min(row.waarden):
                continue
            if day in rate_days and day not in row.waarden:
                errors.append(
                    ContentError(
                        file,
                        f"{field}.{day}",
                        f"het uurtarief verandert op {day}, maar rij '{row.id}' heeft geen bedrag op die "
                        "datum: werk alle rijen samen met het uurtarief bij",
                    )
                )
            elif day in row_days and day not in row.waarden:
                errors.append(
                    ContentError(
                        file,
                        f"{field}.{day}",
                        f"andere rijen van deze tabel hebben een bedrag vanaf {day}, rij '{row.id}' niet: "
                        "werk alle rijen van de tabel samen bij",
                    )
                )
            if table.uurtarief and day in row.waarden and day not in rate_days:
                errors.append(
                    ContentError(
                        file,
                        f"uurtarief.{day}",
                        f"rij '{row.id}' heeft een bedrag vanaf {day}, maar het uurtarief niet: "
                        "geef het uurtarief van die datum",
                    )
                )
            _check_hours_times_rate_on(cat, table, row, day, file, field, errors)


def _check_hours_times_rate_on(
    cat: Catalogue,
    table: s.TariefTabel,
    row: s.TariefRij,
    day: dt.date,
    file: str,
    field: str,
    errors: list[ContentError],
) -> None:
    """On a date the row has no amount of its own, the amount still in force equals the hours
    in force x the rate in force / 12 (a changed urentabel needs new amounts too)."""
    param = cat.parameters.get(row.uren_per_jaar) if row.uren_per_jaar else None
    if param is None or not table.uurtarief or day in row.waarden:
        return  # own amounts: checked by _check_uren_maal_uurtarief
    amount = s.in_force(row.waarden, day, strikt=True)
    rate = s.in_force(table.uurtarief, day, strikt=True)
    hours = s.in_force(param.leaf.waarden, day, strikt=True)
    if amount is None or rate is None or hours is None:
        return
    expected = maandbedrag_uit_uren(hours[1].waarde, rate[1].waarde)
    if amount[1].waarde != expected:
        errors.append(
            ContentError(
                file,
                f"{field}.{day}",
                f"op {day} geldt {hours[1].waarde} uur x {rate[1].waarde} / 12 = {expected}, "
                f"maar rij '{row.id}' heeft dan nog {amount[1].waarde} (van {amount[0]}): "
                "geef de rij een bedrag op die datum",
            )
        )


def _check_uren_maal_uurtarief(
    cat: Catalogue, table: s.TariefTabel, row: s.TariefRij, file: str, field: str, errors: list[ContentError]
) -> None:
    """Every sociaal-netwerk HO row equals hours a year x hourly rate / 12, half-up to the cent."""
    if row.uren_per_jaar is None:
        if table.uurtarief:
            errors.append(
                ContentError(file, f"{field}.uren_per_jaar", "rij zonder uren in een tabel met uurtarief")
            )
        return
    param = cat.parameters.get(row.uren_per_jaar)
    if param is None:
        errors.append(
            ContentError(file, f"{field}.uren_per_jaar", f"onbekende parameter '{row.uren_per_jaar}'")
        )
        return
    if not table.uurtarief:
        errors.append(
            ContentError(file, f"{field}.uren_per_jaar", "uren per rij vragen een uurtarief in de tabel")
        )
        return
    for day, dv in row.waarden.items():
        rate_hit = s.in_force(table.uurtarief, day, strikt=True)
        hours_hit = s.in_force(param.leaf.waarden, day, strikt=True)
        if rate_hit is None or hours_hit is None:
            errors.append(
                ContentError(file, f"{field}.waarden.{day}", "geen uurtarief of uren geldig op deze datum")
            )
            continue
        rate, hours = rate_hit[1].waarde, hours_hit[1].waarde
        expected = maandbedrag_uit_uren(hours, rate)
        if dv.waarde != expected:
            errors.append(
                ContentError(
                    file,
                    f"{field}.waarden.{day}.waarde",
                    f"bedrag {dv.waarde} klopt niet: {hours} uur x {rate} / 12 = {expected} "
                    "(half-up op centen)",
                )
            )


def _check_aids(cat: Catalogue, errors: list[ContentError]) -> None:
    """Every hulpmiddel maximum equals the monthly rent times a whole number of months."""
    rents = [t for t in cat.tarieven.values() if t.regime == "hulpmiddel-huur"]
    maxima = {t.regio: t for t in cat.tarieven.values() if t.regime == "hulpmiddel-maximum"}
    for rent_table in rents:
        max_table = maxima.get(rent_table.regio)
        file = cat.tarief_files[rent_table.id]
        if max_table is None:
            errors.append(ContentError(file, "regime", "huurtabel zonder tabel met maximale PGB-bedragen"))
            continue
        max_file = cat.tarief_files[max_table.id]
        max_rows = {r.id: r for r in max_table.rijen}
        if set(max_rows) != {r.id for r in rent_table.rijen}:
            errors.append(ContentError(max_file, "rijen", f"categorieën wijken af van {file}"))
        for i, row in enumerate(max_table.rijen):
            rent_row = next((r for r in rent_table.rijen if r.id == row.id), None)
            if rent_row is None:
                continue
            for day, dv in row.waarden.items():
                rent = rent_row.waarden.get(day)
                if rent is None or rent.waarde == 0:
                    errors.append(
                        ContentError(max_file, f"rijen.{i}.waarden.{day}", "geen huur op dezelfde datum")
                    )
                    continue
                months = dv.waarde / rent.waarde
                if months != months.to_integral_value():
                    errors.append(
                        ContentError(
                            max_file,
                            f"rijen.{i}.waarden.{day}.waarde",
                            f"maximum {dv.waarde} is geen veelvoud van de huur {rent.waarde} per maand "
                            f"({months.normalize():f} maanden)",
                        )
                    )


def _check_texts(cat: Catalogue, errors: list[ContentError]) -> None:
    for rid, rec in [*cat.lijsten.items(), *cat.teksten.items(), *cat.projecten.items()]:
        file = cat.files[rid]
        regio = getattr(rec, "regio", None)
        if regio is not None and regio not in cat.regios:
            errors.append(ContentError(file, "regio", f"onbekende regio '{regio}'"))
        for i, bron in enumerate(rec.bron):
            check_bron(cat, bron, file, f"bron.{i}", errors)
        for i, sec in enumerate(getattr(rec, "secties", [])):
            check_bron(cat, sec.bron, file, f"secties.{i}.bron", errors)
    for key, regio in cat.regios.items():
        for i, bron in enumerate(regio.bron):
            check_bron(cat, bron, "content/regios.yaml", f"{key}.bron.{i}", errors)
    _check_begrippen(cat, errors)


def _check_begrippen(cat: Catalogue, errors: list[ContentError]) -> None:
    """Each glossary term cites a known source; a spelling belongs to one term (one tooltip per word)."""
    seen: dict[str, str] = {}
    for term, begrip in cat.begrippen.items():
        check_bron(cat, begrip.bron, "content/begrippen.yaml", f"{term}.bron", errors)
        for i, woord in enumerate(begrip.woorden):
            if woord in seen:
                errors.append(
                    ContentError(
                        "content/begrippen.yaml",
                        f"{term}.woorden.{i}",
                        f"'{woord}' staat ook bij '{seen[woord]}'",
                    )
                )
            seen[woord] = term


def _check_regio_files(cat: Catalogue, errors: list[ContentError]) -> None:
    """A region's own parameter file (``regio:``) names a known region."""
    for pf in cat.parameter_files:
        if pf.regio is not None and pf.regio not in cat.regios:
            file = cat.parameters[pf.keys[0]].file if pf.keys else f"content/regels/{pf.name}.yaml"
            errors.append(ContentError(file, "regio", f"onbekende regio '{pf.regio}'"))


def _gekozen(als: dict) -> list[tuple[str, str]]:
    return [
        (deel, w) for deel, waarde in als.items() for w in (waarde if isinstance(waarde, list) else [waarde])
    ]


def _check_pakketten(cat: Catalogue, errors: list[ContentError]) -> None:
    """A region's HO package model points at its own products, hours and tariff rows."""
    for regio, pk in cat.pakketten.items():
        file = cat.files[f"pakket:{regio}"]
        if regio not in cat.regios:
            errors.append(ContentError(file, "regio", f"onbekende regio '{regio}'"))
        check_bron(cat, pk.bron, file, "bron", errors)
        producten = [(f"profielen.{k}.product", v.product) for k, v in pk.profielen.items()]
        producten += [(f"aanvullingen.{k}", v) for k, v in pk.aanvullingen.items()]
        for k, prof in pk.profielen.items():
            if prof.bron is not None:
                check_bron(cat, prof.bron, file, f"profielen.{k}.bron", errors)
        for veld, pid in producten:
            product = cat.producten.get(pid)
            if product is None:
                errors.append(ContentError(file, veld, f"onbekend product '{pid}'"))
            elif product.regio != regio:
                errors.append(ContentError(file, veld, f"product '{pid}' hoort bij regio '{product.regio}'"))
        basis = {v.product for v in pk.profielen.values()}
        regels = [(f"uren.{i}", r.als) for i, r in enumerate(pk.uren)]
        for i, r in enumerate(pk.uren):
            prm = cat.parameters.get(r.parameter)
            if prm is None:
                errors.append(
                    ContentError(file, f"uren.{i}.parameter", f"onbekende parameter '{r.parameter}'")
                )
            elif prm.regio != regio:
                errors.append(
                    ContentError(
                        file,
                        f"uren.{i}.parameter",
                        f"'{r.parameter}' is geen urentabel van deze regio "
                        f"(zet 'regio: {regio}' in het bestand)",
                    )
                )
        for uitvoering, pr in pk.prijzen.items():
            tabel = cat.tarieven.get(pr.tabel)
            veld = f"prijzen.{uitvoering}.tabel"
            if tabel is None:
                errors.append(ContentError(file, veld, f"onbekende tarieftabel '{pr.tabel}'"))
                continue
            if tabel.regio != regio or tabel.regime != uitvoering:
                errors.append(
                    ContentError(file, veld, f"tabel '{pr.tabel}' is van {tabel.regio}, {tabel.regime}")
                )
            rijen = {r.id for r in tabel.rijen}
            if pr.rijen is None and not tabel.uurtarief:
                errors.append(
                    ContentError(
                        file, f"prijzen.{uitvoering}.rijen", "verplicht bij een tabel zonder uurtarief"
                    )
                )
            for i, pr_regel in enumerate(pr.rijen or []):
                regels.append((f"prijzen.{uitvoering}.rijen.{i}", pr_regel.als))
                if pr_regel.rij not in rijen:
                    errors.append(
                        ContentError(
                            file,
                            f"prijzen.{uitvoering}.rijen.{i}.rij",
                            f"tabel '{pr.tabel}' heeft geen rij '{pr_regel.rij}'",
                        )
                    )
        for veld, als in regels:
            for deel, waarde in _gekozen(als):
                if deel == "basis" and waarde not in basis:
                    errors.append(
                        ContentError(file, f"{veld}.als.basis", f"'{waarde}' is geen product uit profielen")
                    )


def _check_sources(cat: Catalogue, errors: list[ContentError]) -> None:
    for key, doc in cat.bronnen.items():
        for section in doc.datums:
            if section not in doc.secties:
                field = f"{key}.datums.{section}"
                errors.append(ContentError("content/bronnen.yaml", field, "geen sectie uit 'secties'"))


def _check_catalogusafspraken(cat: Catalogue, errors: list[ContentError]) -> None:
    """Every OWMS URI (006, 2) and UPL name (006, 3) in the content is one that source 006 lists."""
    doc = cat.bronnen.get(catalogusafspraken.DOCUMENT)
    uses = any(g.owms for r in cat.regios.values() for g in r.gemeenten) or cat.producten
    if not uses:
        return
    afspraken = catalogusafspraken.lees_bestand(cat.root, doc.bestand) if doc else None
    if afspraken is None:
        errors.append(
            ContentError(
                "content/bronnen.yaml",
                catalogusafspraken.DOCUMENT,
                "brontekst niet gevonden in ../shared/bronnen: de OWMS- en UPL-namen worden daaruit gelezen",
            )
        )
        return
    cat.afspraken = afspraken
    for key, regio in cat.regios.items():
        for i, g in enumerate(regio.gemeenten):
            if g.owms is not None and afspraken.owms.get(g.naam) != g.owms:
                errors.append(
                    ContentError(
                        "content/regios.yaml",
                        f"{key}.gemeenten.{i}.owms",
                        f"'{g.owms}' is niet de OWMS-naam die bron {catalogusafspraken.DOCUMENT} (2) "
                        f"voor {g.naam} noemt",
                    )
                )
    for pid, p in cat.producten.items():
        if p.upl.naam not in afspraken.upl:
            errors.append(
                ContentError(
                    cat.product_files[pid],
                    "upl.naam",
                    f"'{p.upl.naam}' staat niet in de UPL-lijst van bron {catalogusafspraken.DOCUMENT} (3); "
                    f"kies uit: {', '.join(afspraken.upl)}",
                )
            )


def validate_catalogue(cat: Catalogue) -> None:
    """Run every cross-file rule; raise ContentErrors with all problems found."""
    errors: list[ContentError] = []
    _check_regio_files(cat, errors)
    _check_pakketten(cat, errors)
    _check_sources(cat, errors)
    _check_catalogusafspraken(cat, errors)
    _check_products(cat, errors)
    _check_parameters(cat, errors)
    _check_tariffs(cat, errors)
    _check_texts(cat, errors)
    invoer_schema.check(cat.invoer, cat.parameters, errors)
    if cat.iwmo is not None:
        for veld, bron in iwmo_bronnen(cat.iwmo):
            check_bron(cat, bron, "content/iwmo.yaml", veld, errors)
    if errors:
        raise ContentErrors(errors)
