"""From validated rows to store records, one function per entity, in foreign-key order."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlmodel import SQLModel

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
from indexer.models.geography import DEFAULT_MIN_OUTCOME_COUNT
from indexer.sources.parsing import ParsedFile

Record = dict[str, object]
Centroids = dict[str, tuple[float, float]]


@dataclass(frozen=True)
class Entity:
    """How one file feeds one table.

    `scope_field` is the table field compared with the file's scope values to find stored
    rows the file replaces (None: rows are only added or updated, never removed);
    `ends` marks contracts, which end instead of disappearing. `parent` is for child rows
    without the scope field themselves: (parent model, its key field, its scope field).
    """

    file: str
    model: type[SQLModel]
    records: Callable[[ParsedFile, Centroids], Iterator[Record]]
    scope_field: str | None = "region_id"
    ends: bool = False
    parent: tuple[type[SQLModel], str, str] | None = None


def _rows(parsed: ParsedFile) -> Iterator[dict]:
    return (row for _, row in parsed.rows)


def _same(*names: str) -> Callable[[ParsedFile, Centroids], Iterator[Record]]:
    """Records whose fields are columns of the same name."""
    return lambda parsed, _: ({name: row[name] for name in names} for row in _rows(parsed))


def _regions(parsed: ParsedFile, _: Centroids) -> Iterator[Record]:
    seen = {}
    for row in _rows(parsed):
        count = row["min_outcome_count"]
        seen[row["region_id"]] = {
            "id": row["region_id"],
            "name": row["region_name"],
            "min_outcome_count": DEFAULT_MIN_OUTCOME_COUNT if count is None else count,
            **{name: row[name] for name in ("crisis_name", "crisis_phone", "crisis_hours")},
        }
    return iter(seen.values())


def _municipalities(parsed: ParsedFile, _: Centroids) -> Iterator[Record]:
    for row in _rows(parsed):
        yield {
            "code": row["municipality_code"],
            "name": row["municipality_name"],
            "region_id": row["region_id"],
        }


def _teams(parsed: ParsedFile, _: Centroids) -> Iterator[Record]:
    fields = ("name", "kind", "municipality_code", "address", "phone", "email", "website")
    for row in _rows(parsed):
        yield {"id": row["team_id"], "opening_hours": row["opening_hours"]} | {
            name: row[name] for name in fields
        }


def _team_postcodes(parsed: ParsedFile, _: Centroids) -> Iterator[Record]:
    for row in _rows(parsed):
        for pc4 in row["pc4"]:
            yield {"team_id": row["team_id"], "pc4": pc4}


def _scheme(parsed: ParsedFile, _: Centroids) -> Iterator[Record]:
    """Profiles and intensities: a region's own scheme with per-locale texts."""
    for row in _rows(parsed):
        record = {"region_id": row["region_id"], "names": row["names"]}
        record["code"] = row.get("profile_code") or row.get("intensity_code")
        record["descriptions"] = row["descriptions"]
        if "sort_order" in row:
            record["sort_order"] = row["sort_order"]
        yield record


def _providers(parsed: ParsedFile, _: Centroids) -> Iterator[Record]:
    fields = ("name", "kvk", "agb", "website", "email", "phone", "descriptions")
    for row in _rows(parsed):
        yield (
            {"id": row["provider_id"]}
            | {name: row[name] for name in fields}
            | {name: row[name] for name in ("languages", "min_age", "max_age", "care_forms")}
        )


def _locations(parsed: ParsedFile, centroids: Centroids) -> Iterator[Record]:
    """Locations without coordinates get their PC4 centroid (checked to exist beforehand)."""
    for row in _rows(parsed):
        record = dict(row)
        if record["latitude"] is None:
            record["latitude"], record["longitude"] = centroids[row["postcode"][:4]]
        yield record


def _tariffs(parsed: ParsedFile, _: Centroids) -> Iterator[Record]:
    for row in _rows(parsed):
        record = dict(row)
        record["tariff_cents"] = record.pop("tariff_eur")
        yield record


ENTITIES: tuple[Entity, ...] = (
    Entity("regions", Region, _regions, scope_field=None),
    Entity("regions", Municipality, _municipalities),
    Entity("postcodes", Postcode, _same("pc4", "municipality_code", "latitude", "longitude"), None),
    Entity("teams", Team, _teams, scope_field="municipality_code"),
    Entity(
        "teams",
        TeamPostcode,
        _team_postcodes,
        scope_field="team_id",
        parent=(Team, "id", "municipality_code"),
    ),
    Entity("profiles", Profile, _scheme),
    Entity("intensities", Intensity, _scheme),
    Entity("providers", Provider, _providers, scope_field=None),
    Entity("locations", Location, _locations, scope_field="provider_id"),
    Entity("contracts", Contract, _same(*Contract.model_fields), ends=True),
    Entity("tariffs", Tariff, _tariffs),
    Entity("outcomes", Outcome, _same(*Outcome.model_fields)),
    Entity("norms", OutcomeNorm, _same(*OutcomeNorm.model_fields)),
    Entity("waittimes", WaitTime, _same(*WaitTime.model_fields)),
)


def entity_for(model: type[SQLModel]) -> Entity:
    """The entity that writes `model`'s table (each table has one)."""
    return next(entity for entity in ENTITIES if entity.model is model)
