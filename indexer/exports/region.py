"""A region's open data in the import format, so another region can load it as it is.

`region_export` reads what a region publishes today and writes every file of the import
contract (docs/import.md) with the same columns, as the cells `indexer load` reads back:
a folder of the CSV files (or the zip of them the API serves) loads into an empty store
with `indexer load FOLDER`, and exporting that store again gives the same bytes.

Only what the region publishes is in it:
- contracts valid today or later; an expired contract, and a tariff that has ended, stay
  out, and so do providers (with their locations, outcomes and waits) contracted only
  through expired contracts;
- outcome figures below the region's minimum count are withheld (DESIGN.md §5): the count
  stays, the figure is an empty cell, as on every page;
- no accounts, audit log, pending edits, conflicts or confirmations: none of them is part
  of the import format, and none is read here.

A main contractor the export does not include as a hoofdaannemer is left out of its
subcontractors' rows, since the import would refuse a main contractor without one.
"""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, SQLModel, col, select

from indexer.listing import COUNT_OF
from indexer.models import (
    Contract,
    Intensity,
    Location,
    Municipality,
    Outcome,
    OutcomeNorm,
    Postcode,
    Profile,
    Provider,
    Region,
    Tariff,
    Team,
    TeamPostcode,
    WaitTime,
)
from indexer.sources.specs import LOCALES, SPECS, FileSpec

FORMAT = "jeugdhulpgids-import"
VERSION = 1
Cells = dict[str, str]


@dataclass(frozen=True)
class ExportFile:
    """One file of the import contract: its name, header and rows of cells."""

    name: str  # "contracts"
    columns: tuple[str, ...]
    rows: list[Cells]

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    def csv_bytes(self) -> bytes:
        """RFC 4180 CSV in UTF-8: commas, CRLF, quotes only where a cell needs them."""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=self.columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(self.rows)
        return buffer.getvalue().encode()


@dataclass(frozen=True)
class RegionExport:
    region_id: str
    region_name: str
    as_of: date  # the day contracts were judged valid on
    files: list[ExportFile]

    def as_json(self) -> bytes:
        """Every file with its columns and rows, each row the cells of its CSV line."""
        document = {
            "format": FORMAT,
            "version": VERSION,
            "region": {"id": self.region_id, "name": self.region_name},
            "as_of": self.as_of.isoformat(),
            "files": [
                {"name": file.filename, "columns": list(file.columns), "rows": file.rows}
                for file in self.files
            ],
        }
        return json.dumps(document, ensure_ascii=False).encode()

    def as_zip(self) -> bytes:
        """The CSV files in one zip, dated `as_of` so the same data gives the same bytes."""
        buffer = io.BytesIO()
        stamp = (self.as_of.year, self.as_of.month, self.as_of.day, 0, 0, 0)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in self.files:
                info = zipfile.ZipInfo(file.filename, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, file.csv_bytes())
        return buffer.getvalue()


def region_export(region_id: str, *, session: Session, today: date) -> RegionExport | None:
    """The region's files as published on `today`; None for an unknown region."""
    region = session.get(Region, region_id)
    if region is None:
        return None
    scope = _Scope.read(session, region, today)
    files = [_file(spec.name, columns(spec), _BUILDERS[spec.name](scope)) for spec in SPECS]
    return RegionExport(region.id, region.name, today, files)


def columns(spec: FileSpec) -> tuple[str, ...]:
    """The file's columns in contract order, each `<prefix>_nl` followed by the other
    languages, so every translation the store holds has a column."""
    names: list[str] = []
    for column in spec.columns:
        prefix = column.name.removesuffix("_nl")
        if column.name.endswith("_nl") and prefix in spec.localized:
            names += [f"{prefix}_{lang}" for lang in LOCALES]
        else:
            names.append(column.name)
    return tuple(names)


def _file(name: str, header: tuple[str, ...], rows: Iterable[Cells]) -> ExportFile:
    """The rows with their cells in header order. A cell left out would be written empty
    and load as "nothing", so a builder that disagrees with the contract is refused."""
    ordered = []
    for row in rows:
        if row.keys() != set(header):
            raise ValueError(f"{name}: {sorted(row)} are not the columns {header}")
        ordered.append({column: row[column] for column in header})
    return ExportFile(name, header, ordered)


@dataclass
class _Scope:
    """What belongs to the region's export, read once: its municipalities, the contracts
    still valid, and the providers those name."""

    session: Session
    region: Region
    today: date
    municipalities: list[Municipality]
    contracts: list[Contract]
    provider_ids: list[str]

    @classmethod
    def read(cls, session: Session, region: Region, today: date) -> "_Scope":
        contracts = _all(
            session,
            select(Contract).where(Contract.region_id == region.id, _not_ended(Contract, today)),
            Contract,
        )
        municipalities = region_municipalities(region.id, session=session)
        providers = sorted({contract.provider_id for contract in contracts})
        return cls(session, region, today, municipalities, contracts, providers)

    @property
    def municipality_codes(self) -> list[str]:
        return [m.code for m in self.municipalities]

    def rows(self, model: type[SQLModel], *conditions) -> list:
        """The model's rows under `conditions`, in primary-key order."""
        return _all(self.session, select(model).where(*conditions), model)


def region_municipalities(region_id: str, *, session: Session) -> list[Municipality]:
    """The municipalities that buy care together as the region, by CBS code."""
    query = select(Municipality).where(Municipality.region_id == region_id)
    return _all(session, query, Municipality)


def _not_ended(model: type[Contract] | type[Tariff], today: date):
    """Valid today or from a later day: what a region publishes (an expired one is history)."""
    return col(model.valid_to).is_(None) | (col(model.valid_to) >= today)


def _all(session: Session, query, model: type[SQLModel]) -> list:
    keys = [col(column) for column in model.__table__.primary_key.columns]
    return list(session.exec(query.order_by(*keys)))


def _regions(scope: _Scope) -> Iterable[Cells]:
    region = scope.region
    for municipality in scope.municipalities:
        yield _cells(
            region_id=region.id,
            region_name=region.name,
            municipality_code=municipality.code,
            municipality_name=municipality.name,
            min_outcome_count=region.min_outcome_count,
            crisis_name=region.crisis_name,
            crisis_phone=region.crisis_phone,
            crisis_hours=region.crisis_hours,
        )


def _postcodes(scope: _Scope) -> Iterable[Cells]:
    for postcode in scope.rows(
        Postcode, col(Postcode.municipality_code).in_(scope.municipality_codes)
    ):
        yield _cells(**postcode.model_dump())


def _teams(scope: _Scope) -> Iterable[Cells]:
    teams = scope.rows(Team, col(Team.municipality_code).in_(scope.municipality_codes))
    areas: dict[str, list[str]] = {}
    for served in scope.rows(TeamPostcode, col(TeamPostcode.team_id).in_([t.id for t in teams])):
        areas.setdefault(served.team_id, []).append(served.pc4)
    for team in teams:
        fields = team.model_dump(exclude={"id"})
        yield _cells(team_id=team.id, pc4=_ranges(areas.get(team.id, [])), **fields)


def _scheme(model: type[Profile] | type[Intensity], code_column: str) -> Callable:
    def build(scope: _Scope) -> Iterable[Cells]:
        for entry in scope.rows(model, model.region_id == scope.region.id):
            extra = {"sort_order": entry.sort_order} if model is Intensity else {}
            yield _cells(
                region_id=entry.region_id,
                **{code_column: entry.code},
                **_localized("name", entry.names),
                **_localized("description", entry.descriptions),
                **extra,
            )

    return build


def _providers(scope: _Scope) -> Iterable[Cells]:
    for provider in scope.rows(Provider, col(Provider.id).in_(scope.provider_ids)):
        fields = provider.model_dump(exclude={"id", "descriptions"})
        yield _cells(
            provider_id=provider.id,
            **fields,
            **_localized("description", provider.descriptions),
        )


def _locations(scope: _Scope) -> Iterable[Cells]:
    for location in scope.rows(Location, col(Location.provider_id).in_(scope.provider_ids)):
        yield _cells(**location.model_dump())


def _contracts(scope: _Scope) -> Iterable[Cells]:
    mains = {c.provider_id for c in scope.contracts if c.role == "hoofdaannemer"}
    for contract in scope.contracts:
        main = contract.main_contractor_id if contract.main_contractor_id in mains else ""
        yield _cells(**contract.model_dump(exclude={"main_contractor_id"}), main_contractor_id=main)


def _tariffs(scope: _Scope) -> Iterable[Cells]:
    for tariff in scope.rows(
        Tariff,
        Tariff.region_id == scope.region.id,
        col(Tariff.provider_id).in_(["", *scope.provider_ids]),
        _not_ended(Tariff, scope.today),
    ):
        fields = tariff.model_dump(exclude={"tariff_cents"})
        yield _cells(**fields, tariff_eur=_euros(tariff.tariff_cents))


def _outcomes(scope: _Scope) -> Iterable[Cells]:
    """Each figure only when its count reaches the region's minimum (DESIGN.md §5)."""
    least = scope.region.min_outcome_count
    for outcome in scope.rows(
        Outcome,
        Outcome.region_id == scope.region.id,
        col(Outcome.provider_id).in_(scope.provider_ids),
    ):
        fields = outcome.model_dump()
        for figure, count in COUNT_OF.items():
            if (fields[count] or 0) < least:
                fields[figure] = None
        yield _cells(**fields)


def _region_rows(model: type[SQLModel], *, per_provider: bool = False) -> Callable:
    """Rows of a table keyed by region (and provider): norms, wait times."""

    def build(scope: _Scope) -> Iterable[Cells]:
        conditions = [model.region_id == scope.region.id]
        if per_provider:
            conditions.append(col(model.provider_id).in_(scope.provider_ids))
        for row in scope.rows(model, *conditions):
            yield _cells(**row.model_dump())

    return build


_BUILDERS: dict[str, Callable[[_Scope], Iterable[Cells]]] = {
    "regions": _regions,
    "postcodes": _postcodes,
    "teams": _teams,
    "profiles": _scheme(Profile, "profile_code"),
    "intensities": _scheme(Intensity, "intensity_code"),
    "providers": _providers,
    "locations": _locations,
    "contracts": _contracts,
    "tariffs": _tariffs,
    "outcomes": _outcomes,
    "norms": _region_rows(OutcomeNorm),
    "waittimes": _region_rows(WaitTime, per_provider=True),
}


def _localized(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{lang}": texts.get(lang, "") for lang in LOCALES}


def _cells(**values: object) -> Cells:
    return {name: _cell(value) for name, value in values.items()}


def _cell(value: object) -> str:
    """A stored value as the import reads it back (docs/import.md, "Values accepted")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        text = repr(value)
        return text.removesuffix(".0")
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def _euros(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _ranges(pc4s: list[str]) -> str:
    """Consecutive PC4s as ranges ("1011-1018;1020"), as regions write them."""
    numbers = sorted(int(pc4) for pc4 in pc4s)
    parts: list[str] = []
    start = previous = None
    for number in [*numbers, None]:
        if number is not None and previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = number
    return ";".join(parts)
