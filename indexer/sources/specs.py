"""The import contract of DESIGN.md §4 as data: files, columns, keys and row rules.

A column whose value is required must be in the header; a column whose value may be empty
may also be left out entirely (a region that does not measure satisfaction need not send
empty satisfaction columns). Files with translated content accept `name_<lang>` /
`description_<lang>` for every supported locale.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from indexer.sources import fields as f

LOCALES = ("nl", "en", "tr", "ar", "pl", "uk")
CARE_FORMS = ("ambulant", "dagbehandeling", "verblijf", "pleegzorg", "online", "crisis")
TEAM_KINDS = ("lokaal_team", "ouder_kindteam", "gebiedsteam", "wijkteam", "cjg", "other")
SEGMENTS = ("B", "C")

Row = dict[str, Any]
RowRule = Callable[[Row], list[tuple[str, str]]]


@dataclass(frozen=True)
class Column:
    name: str
    parse: f.Parser
    required: bool = True
    default: Any = None


@dataclass(frozen=True)
class FileSpec:
    """One file of the contract.

    `key` is the natural key (duplicates are refused); `scope` names the column whose
    values decide which stored rows this file speaks for and may therefore replace.
    """

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    scope: str | None = None
    localized: tuple[str, ...] = ()
    rules: tuple[RowRule, ...] = ()

    def column_names(self) -> set[str]:
        names = {column.name for column in self.columns}
        return names | {f"{prefix}_{lang}" for prefix in self.localized for lang in LOCALES}


def _opt(name: str, parse: f.Parser, default: Any = None) -> Column:
    return Column(name, parse, required=False, default=default)


def _period_in_order(row: Row) -> list[tuple[str, str]]:
    start, end = row.get("valid_from"), row.get("valid_to")
    if start and end and start > end:
        return [("valid_from", f"is after valid_to ({end.isoformat()})")]
    return []


def _ages_in_order(row: Row) -> list[tuple[str, str]]:
    low, high = row.get("min_age"), row.get("max_age")
    if low is not None and high is not None and low > high:
        return [("min_age", f"is above max_age ({high})")]
    return []


def _segment_c_tariff_has_provider(row: Row) -> list[tuple[str, str]]:
    if row.get("segment") == "C" and not row.get("provider_id"):
        return [("provider_id", "is empty: a segment C tariff is agreed per provider")]
    return []


def _main_contractor_of_subcontractor(row: Row) -> list[tuple[str, str]]:
    """Only an onderaannemer works under a main contractor, and never under itself; whether
    the main contractor holds a contract in the region is checked across rows (checks)."""
    main = row.get("main_contractor_id")
    if not main:
        return []
    if row.get("role") != "onderaannemer":
        return [
            (
                "main_contractor_id",
                f"is given but role is {row.get('role')}: only an onderaannemer has a main "
                "contractor; empty the cell or set role to onderaannemer",
            )
        ]
    if main == row.get("provider_id"):
        return [("main_contractor_id", "is the provider itself: name the main contractor")]
    return []


def _coordinates_together(row: Row) -> list[tuple[str, str]]:
    """Reported on the empty one of the two: that is the cell to fill in (or to clear)."""
    latitude, longitude = row.get("latitude"), row.get("longitude")
    if (latitude is None) != (longitude is None):
        empty = "latitude" if latitude is None else "longitude"
        return [(empty, "is empty: give both latitude and longitude, or neither")]
    return []


def _crisis_service_whole(row: Row) -> list[tuple[str, str]]:
    """A crisis service is shown to families in danger by its name and phone: half of one
    is no help. Reported on the empty cell, the one to fill in (or to clear)."""
    if row.get("crisis_name") and not row.get("crisis_phone"):
        return [("crisis_phone", "is empty: give the crisis service's phone with its name")]
    if row.get("crisis_phone") and not row.get("crisis_name"):
        return [("crisis_name", "is empty: give the crisis service's name with its phone")]
    if row.get("crisis_hours") and not row.get("crisis_phone"):
        return [("crisis_phone", "is empty: crisis_hours needs a crisis service to belong to")]
    return []


def _segment(value: str) -> str:
    if value.upper() not in SEGMENTS:
        raise f.FieldError(f"is not one of: {', '.join(SEGMENTS)}")
    return value.upper()


REGION = Column("region_id", f.code)
PROVIDER = Column("provider_id", f.code)
PROFILE = Column("profile_code", f.code)
INTENSITY = Column("intensity_code", f.code)
VALIDITY = (Column("valid_from", f.iso_date), _opt("valid_to", f.iso_date))

SPECS: tuple[FileSpec, ...] = (
    FileSpec(
        "regions",
        (
            REGION,
            Column("region_name", f.text),
            Column("municipality_code", f.municipality_code),
            Column("municipality_name", f.text),
            _opt("min_outcome_count", f.count),
            _opt("crisis_name", f.text, ""),
            _opt("crisis_phone", f.phone, ""),
            _opt("crisis_hours", f.text, ""),
        ),
        key=("municipality_code",),
        scope="region_id",
        rules=(_crisis_service_whole,),
    ),
    FileSpec(
        "postcodes",
        (
            Column("pc4", f.pc4),
            Column("municipality_code", f.municipality_code),
            Column("latitude", f.latitude),
            Column("longitude", f.longitude),
        ),
        key=("pc4",),
    ),
    FileSpec(
        "teams",
        (
            Column("team_id", f.code),
            Column("name", f.text),
            Column("kind", f.choice(*TEAM_KINDS)),
            Column("municipality_code", f.municipality_code),
            _opt("pc4", f.pc4_list, []),
            _opt("address", f.text, ""),
            _opt("phone", f.phone, ""),
            _opt("email", f.email, ""),
            _opt("website", f.url, ""),
            _opt("opening_hours", f.text, ""),
        ),
        key=("team_id",),
        scope="municipality_code",
    ),
    FileSpec(
        "profiles",
        (REGION, PROFILE, Column("name_nl", f.text), _opt("description_nl", f.text, "")),
        key=("region_id", "profile_code"),
        scope="region_id",
        localized=("name", "description"),
    ),
    FileSpec(
        "intensities",
        (
            REGION,
            INTENSITY,
            Column("name_nl", f.text),
            _opt("description_nl", f.text, ""),
            _opt("sort_order", f.integer, 0),
        ),
        key=("region_id", "intensity_code"),
        scope="region_id",
        localized=("name", "description"),
    ),
    FileSpec(
        "providers",
        (
            PROVIDER,
            Column("name", f.text),
            _opt("kvk", f.digits(8, "KvK number"), ""),
            _opt("agb", f.digits(8, "AGB code"), ""),
            _opt("website", f.url, ""),
            _opt("email", f.email, ""),
            _opt("phone", f.phone, ""),
            _opt("description_nl", f.text, ""),
            _opt("languages", f.language_codes, []),
            _opt("min_age", f.age),
            _opt("max_age", f.age),
            _opt("care_forms", f.choices(*CARE_FORMS), []),
        ),
        key=("provider_id",),
        localized=("description",),
        rules=(_ages_in_order,),
    ),
    FileSpec(
        "locations",
        (
            PROVIDER,
            Column("location_id", f.code),
            _opt("name", f.text, ""),
            _opt("street", f.text, ""),
            _opt("house_number", f.text, ""),
            Column("postcode", f.postcode),
            _opt("city", f.text, ""),
            _opt("latitude", f.latitude),
            _opt("longitude", f.longitude),
            _opt("wheelchair_accessible", f.boolean),
        ),
        key=("provider_id", "location_id"),
        scope="provider_id",
        rules=(_coordinates_together,),
    ),
    FileSpec(
        "contracts",
        (
            REGION,
            PROVIDER,
            Column("segment", _segment),
            PROFILE,
            INTENSITY,
            *VALIDITY,
            _opt("role", f.choice("hoofdaannemer", "onderaannemer"), "hoofdaannemer"),
            _opt("main_contractor_id", f.code, ""),
        ),
        key=("region_id", "provider_id", "segment", "profile_code", "intensity_code", "valid_from"),
        scope="region_id",
        rules=(_period_in_order, _main_contractor_of_subcontractor),
    ),
    FileSpec(
        "tariffs",
        (
            REGION,
            Column("segment", _segment),
            PROFILE,
            INTENSITY,
            _opt("provider_id", f.code, ""),
            Column("tariff_eur", f.money_cents),
            Column("unit", f.choice("traject", "jaar", "maand")),
            *VALIDITY,
        ),
        key=("region_id", "segment", "profile_code", "intensity_code", "provider_id", "valid_from"),
        scope="region_id",
        rules=(_period_in_order, _segment_c_tariff_has_provider),
    ),
    FileSpec(
        "outcomes",
        (
            REGION,
            PROVIDER,
            Column("period", f.period),
            _opt("profile_code", f.code, ""),
            _opt("intensity_code", f.code, ""),
            _opt("closed_trajectories", f.count),
            _opt("goal_attainment_pct", f.percentage),
            _opt("dropout_pct", f.percentage),
            _opt("satisfaction_youth", f.score),
            _opt("satisfaction_youth_n", f.count),
            _opt("satisfaction_parents", f.score),
            _opt("satisfaction_parents_n", f.count),
        ),
        key=("region_id", "provider_id", "period", "profile_code", "intensity_code"),
        scope="region_id",
    ),
    FileSpec(
        "norms",
        (
            REGION,
            INTENSITY,
            _opt("goal_attainment_min_pct", f.percentage),
            _opt("dropout_max_pct", f.percentage),
            _opt("satisfaction_min", f.score),
        ),
        key=("region_id", "intensity_code"),
        scope="region_id",
    ),
    FileSpec(
        "waittimes",
        (
            REGION,
            PROVIDER,
            _opt("profile_code", f.code, ""),
            Column("weeks", f.count),
            Column("confirmed_on", f.iso_date),
        ),
        key=("region_id", "provider_id", "profile_code"),
        scope="region_id",
    ),
)

SPEC_BY_NAME = {spec.name: spec for spec in SPECS}
