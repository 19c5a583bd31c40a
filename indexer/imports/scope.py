"""Region staff load their own region only: rows that speak for another region are problems.

`indexer load` is the operator's tool and loads any dataset; an upload in a region's
workspace may only change what that region's files own (DESIGN.md §10). How each file
says whose it is:
- region files (regions, profiles, intensities, contracts, tariffs, outcomes, norms, wait
  times) name it in `region_id`; regions.csv may also not claim a municipality that is
  stored under another region;
- postcodes and teams belong to a municipality (`municipality_code`): one stored under
  another region is not this region's, and neither is a postcode or team stored there;
- providers and locations are national: a region may load those of providers it contracts
  (a contract in the store, in any period, or in this upload's contracts.csv).

Each such row is a problem in the report, so nothing is loaded until the file holds only
the region's rows. A file holding only other regions' rows is one problem for the file:
someone picked the wrong export, and a list of every row would hide that.
"""

from collections.abc import Callable
from typing import Any

from sqlmodel import Session, select

from indexer.models import Contract, Municipality, Postcode, Team
from indexer.sources.checks import Dataset
from indexer.sources.report import Problem

Row = dict[str, Any]
Fault = tuple[str, str, str]  # column, value, rule
RowCheck = Callable[[Row], Fault | None]


def region_problems(dataset: Dataset, session: Session, region_id: str) -> list[Problem]:
    """A problem for every row in `dataset` that speaks for another region than `region_id`."""
    checks = _Scope(dataset, session, region_id).checks(session)
    problems = []
    for name, parsed in dataset.items():
        check = checks.get(name)
        if check is None or not parsed.rows:
            continue
        faults = [(number, fault) for number, row in parsed.rows if (fault := check(row))]
        if len(faults) == len(parsed.rows):
            rule = f"holds no rows of region {region_id}: is it the export of another region?"
            problems.append(Problem(parsed.filename, 0, message=rule))
        else:
            problems += [Problem(parsed.filename, number, *fault) for number, fault in faults]
    return problems


class _Scope:
    """The row checks for one region, with what they need from the store read once."""

    def __init__(self, dataset: Dataset, session: Session, region_id: str) -> None:
        self.region_id = region_id
        self.only = f"you load for region {region_id} only"
        uploaded = (
            {
                str(row["municipality_code"]): str(row["region_id"])
                for _, row in dataset["regions"].rows
            }
            if "regions" in dataset
            else {}
        )
        stored = dict(session.exec(select(Municipality.code, Municipality.region_id)).all())
        self.region_of = uploaded | stored  # a municipality stays where it is stored
        self.contracted = set(
            session.exec(select(Contract.provider_id).where(Contract.region_id == region_id))
        )
        if "contracts" in dataset:
            self.contracted |= {
                row["provider_id"]
                for _, row in dataset["contracts"].rows
                if row["region_id"] == region_id
            }

    def checks(self, session: Session) -> dict[str, RowCheck]:
        region_files = ("profiles", "intensities", "contracts", "tariffs", "outcomes", "norms")
        postcodes = dict(session.exec(select(Postcode.pc4, Postcode.municipality_code)).all())
        teams = dict(session.exec(select(Team.id, Team.municipality_code)).all())
        return {
            **dict.fromkeys((*region_files, "waittimes"), self.own_region),
            "regions": self.regions_row,
            "postcodes": self.placed(postcodes, "pc4"),
            "teams": self.placed(teams, "team_id"),
            "providers": self.contracted_provider,
            "locations": self.contracted_provider,
        }

    def own_region(self, row: Row) -> Fault | None:
        if row["region_id"] != self.region_id:
            return "region_id", row["region_id"], f"is another region: {self.only}"
        return None

    def own_municipality(self, code: str, column: str, value: str) -> Fault | None:
        other = self.region_of.get(code, self.region_id)  # unknown: the import's own check
        if other != self.region_id:
            return column, value, f"belongs to municipality {code} of region {other}: {self.only}"
        return None

    def regions_row(self, row: Row) -> Fault | None:
        code = row["municipality_code"]
        return self.own_region(row) or self.own_municipality(code, "municipality_code", code)

    def placed(self, stored: dict[str, str], key: str) -> RowCheck:
        """Rows of a municipality's postcodes or teams: the row's municipality must be the
        region's, and so must the one the postcode or team is stored under now."""

        def check(row: Row) -> Fault | None:
            code, where = row["municipality_code"], stored.get(row[key], row["municipality_code"])
            return self.own_municipality(code, "municipality_code", code) or (
                self.own_municipality(where, key, row[key])
            )

        return check

    def contracted_provider(self, row: Row) -> Fault | None:
        if row["provider_id"] not in self.contracted:
            rule = f"has no contract in region {self.region_id}: {self.only}"
            return "provider_id", row["provider_id"], rule
        return None
