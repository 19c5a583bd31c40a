"""Checks across rows and files: duplicate keys, overlapping periods and references.

References are checked against the store as it will be *after* the import: what the
dataset brings, plus what is stored outside the part the dataset speaks for. So a region
may send only its contracts, and a dataset that drops a profile still used by stored
contracts is refused instead of breaking them.
"""

import itertools
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, SQLModel, select

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
    WaitTime,
)
from indexer.sources.parsing import ParsedFile
from indexer.sources.report import Problem

Dataset = dict[str, ParsedFile]
Key = tuple[str, ...]


@dataclass(frozen=True)
class Target:
    """Something rows refer to: where the dataset defines it and where the store keeps it."""

    label: str
    file: str
    columns: tuple[str, ...]
    model: type[SQLModel]
    fields: tuple[str, ...]
    scope_field: str | None = "region_id"  # None: an import never removes these


TARGETS = {
    "region": Target("region", "regions", ("region_id",), Region, ("id",), scope_field=None),
    "municipality": Target(
        "municipality", "regions", ("municipality_code",), Municipality, ("code",)
    ),
    "provider": Target("provider", "providers", ("provider_id",), Provider, ("id",), None),
    "profile": Target(
        "profile", "profiles", ("region_id", "profile_code"), Profile, ("region_id", "code")
    ),
    "intensity": Target(
        "intensity",
        "intensities",
        ("region_id", "intensity_code"),
        Intensity,
        ("region_id", "code"),
    ),
}

REFERENCES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("postcodes", ("municipality_code",), "municipality"),
    ("teams", ("municipality_code",), "municipality"),
    ("profiles", ("region_id",), "region"),
    ("intensities", ("region_id",), "region"),
    ("locations", ("provider_id",), "provider"),
    *(
        (file, columns, target)
        for file in ("contracts", "tariffs", "outcomes", "waittimes")
        for columns, target in (
            (("region_id",), "region"),
            (("provider_id",), "provider"),
            (("region_id", "profile_code"), "profile"),
        )
    ),
    *(
        (file, ("region_id", "intensity_code"), "intensity")
        for file in ("contracts", "tariffs", "outcomes", "norms")
    ),
    ("norms", ("region_id",), "region"),
    ("contracts", ("main_contractor_id",), "provider"),
)

SOURCE_MODELS: dict[str, type[SQLModel]] = {
    "postcodes": Postcode,
    "teams": Team,
    "profiles": Profile,
    "intensities": Intensity,
    "locations": Location,
    "contracts": Contract,
    "tariffs": Tariff,
    "outcomes": Outcome,
    "norms": OutcomeNorm,
    "waittimes": WaitTime,
}

# Columns of regions.csv that describe the region, so every row of a region repeats them.
REGION_WIDE = ("region_name", "min_outcome_count", "crisis_name", "crisis_phone", "crisis_hours")

# Files whose rows for the same thing must not be valid in overlapping periods.
PERIOD_FILES = ("contracts", "tariffs")


def duplicate_problems(parsed: ParsedFile) -> list[Problem]:
    first_row: dict[Key, int] = {}
    problems = []
    for number, row in parsed.rows:
        key = tuple(str(row[column]) for column in parsed.spec.key)
        if key in first_row:
            shown = ", ".join(f"{c}={v}" for c, v in zip(parsed.spec.key, key, strict=True))
            problems.append(
                Problem(
                    parsed.filename, number, "", "", f"duplicates row {first_row[key]} ({shown})"
                )
            )
        else:
            first_row[key] = number
    return problems


def overlap_problems(parsed: ParsedFile) -> list[Problem]:
    """Two rows for the same contract or tariff whose validity periods overlap."""
    if parsed.spec.name not in PERIOD_FILES:
        return []
    groups: dict[Key, list[tuple[int, dict]]] = defaultdict(list)
    for number, row in parsed.rows:
        same = tuple(str(row[c]) for c in parsed.spec.key if c != "valid_from")
        groups[same].append((number, row))
    problems = []
    for rows in groups.values():
        rows.sort(key=lambda item: item[1]["valid_from"])
        for (number_a, a), (number_b, b) in itertools.pairwise(rows):
            if a["valid_from"] == b["valid_from"]:
                continue  # the same key: reported once, as a duplicate
            if a["valid_to"] is None or a["valid_to"] >= b["valid_from"]:
                problems.append(
                    Problem(
                        parsed.filename,
                        number_b,
                        "valid_from",
                        b["valid_from"].isoformat(),
                        f"overlaps the period of row {number_a} for the same offer",
                    )
                )
    return problems


def scope_values(dataset: Dataset, name: str) -> set[str]:
    """The values of a file's scope column it speaks for: its own, and its regions'."""
    parsed = dataset[name]
    column = parsed.spec.scope
    values = {str(row[column]) for _, row in parsed.rows} if column else set()
    if "regions" in dataset and column in {"region_id", "municipality_code"}:
        values |= {str(row[column]) for _, row in dataset["regions"].rows}
    return values


def reference_problems(dataset: Dataset, session: Session) -> list[Problem]:
    known = {name: _keys_after_import(dataset, session, target) for name, target in TARGETS.items()}
    problems = []
    for file, columns, target in REFERENCES:
        if file in dataset:
            for number, row in dataset[file].rows:
                key = tuple(str(row[c] or "") for c in columns)
                if all(key) and key not in known[target]:
                    problems.append(_unknown(dataset[file].filename, number, columns, key, target))
        elif TARGETS[target].file in dataset:
            problems += _stored_reference_problems(session, file, columns, target, known[target])
    return problems


def _unknown(
    filename: str, number: int, columns: tuple[str, ...], key: Key, target: str
) -> Problem:
    where = f" in region {key[0]}" if len(key) > 1 else ""
    return Problem(filename, number, columns[-1], key[-1], f"is not a known {target}{where}")


def _keys_after_import(dataset: Dataset, session: Session, target: Target) -> set[Key]:
    scope_field = target.scope_field or target.fields[0]
    columns = (getattr(target.model, f) for f in (*target.fields, scope_field))
    stored = [
        (tuple(str(part) for part in row[:-1]), row[-1]) for row in session.exec(select(*columns))
    ]
    if target.file not in dataset:
        return {key for key, _ in stored}
    replaced = scope_values(dataset, target.file) if target.scope_field else set()
    incoming = {tuple(str(row[c]) for c in target.columns) for _, row in dataset[target.file].rows}
    return incoming | {key for key, scope in stored if scope not in replaced}


def _stored_reference_problems(
    session: Session, file: str, columns: tuple[str, ...], target: str, known: set[Key]
) -> list[Problem]:
    model = SOURCE_MODELS[file]
    stored = session.exec(select(*(getattr(model, c) for c in columns)).distinct()).all()
    return [
        Problem(
            f"{TARGETS[target].file} (stored {file})",
            0,
            columns[-1],
            key[-1],
            f"is still used by stored {file} but this import removes the {target}; "
            f"send {file} too, or keep the {target}",
        )
        for key in ({tuple(str(p) for p in k) for k in stored})
        if all(key) and key not in known
    ]


def main_contractor_problems(dataset: Dataset, session: Session) -> list[Problem]:
    """A subcontractor's main contractor holds a contract as hoofdaannemer in the same region
    (in any period), among the contracts as they will be after the import. An unknown
    provider is reported once, by reference_problems."""
    if "contracts" not in dataset:
        return []
    parsed = dataset["contracts"]
    replaced = scope_values(dataset, "contracts")
    stored = session.exec(
        select(Contract.region_id, Contract.provider_id)
        .where(Contract.role == "hoofdaannemer")
        .distinct()
    )
    mains = {(region, provider) for region, provider in stored if region not in replaced}
    mains |= {
        (row["region_id"], row["provider_id"])
        for _, row in parsed.rows
        if row["role"] == "hoofdaannemer"
    }
    providers = _keys_after_import(dataset, session, TARGETS["provider"])
    return [
        Problem(
            parsed.filename,
            number,
            "main_contractor_id",
            row["main_contractor_id"],
            f"holds no contract as hoofdaannemer in region {row['region_id']}: "
            "a main contractor must be contracted in the same region",
        )
        for number, row in parsed.rows
        if row["main_contractor_id"]
        and (row["main_contractor_id"],) in providers
        and (row["region_id"], row["main_contractor_id"]) not in mains
    ]


def region_name_problems(dataset: Dataset) -> list[Problem]:
    """regions.csv repeats a region per municipality; the repeats must agree (a region has
    one name, one minimum count and one crisis service)."""
    if "regions" not in dataset:
        return []
    first: dict[str, tuple[int, dict]] = {}
    problems = []
    for number, row in dataset["regions"].rows:
        earlier = first.setdefault(row["region_id"], (number, row))
        for column in REGION_WIDE:
            if row[column] != earlier[1][column]:
                problems.append(
                    Problem(
                        dataset["regions"].filename,
                        number,
                        column,
                        str(row[column] or ""),
                        f"differs from row {earlier[0]} for the same region",
                    )
                )
    return problems


def location_coordinate_problems(dataset: Dataset, session: Session) -> list[Problem]:
    """A location without coordinates takes its PC4 centroid, so that PC4 must be known."""
    if "locations" not in dataset:
        return []
    known = set(session.exec(select(Postcode.pc4)).all())
    if "postcodes" in dataset:
        known |= {row["pc4"] for _, row in dataset["postcodes"].rows}
    return [
        Problem(
            dataset["locations"].filename,
            number,
            "postcode",
            row["postcode"],
            "has no latitude/longitude and its PC4 is not in postcodes",
        )
        for number, row in dataset["locations"].rows
        if row["latitude"] is None and row["postcode"][:4] not in known
    ]
