"""Region staff load their own region only: rows that speak for another region are problems.

`indexer load` is the operator's tool and loads any dataset; an upload in a region's
workspace may only change what that region's files own (DESIGN.md §10). How each file
says whose it is:
- region files (regions, profiles, intensities, contracts, tariffs, outcomes, norms, wait
  times) name it in `region_id`; regions.csv may also not claim a municipality that is
  stored under another region;
- postcodes and teams belong to a municipality (`municipality_code`): one stored under
  another region is not this region's, and neither is a postcode or team stored there;
  every postcode a team serves (`pc4`, ranges included) must lie in the region too, or the
  team would be the one families of other regions are sent to;
- providers and locations are national: a region may rewrite a stored provider only while
  it holds a contract with it that runs today (in the store: a contract the upload itself
  brings, even an ended one, would let any region take over any provider); a contract row
  in the upload vouches only for a provider that is not stored yet, and only when it runs
  today or later.

A municipality or postcode known neither to the store nor to the upload's own regions or
postcodes file is a problem too: an upload may not name places whose region nobody knows.

Each such row is a problem in the report, so nothing is loaded until the file holds only
the region's rows. A file holding only other regions' rows is one problem for the file:
someone picked the wrong export, and a list of every row would hide that.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlmodel import Session, col, or_, select

from indexer.models import Contract, Municipality, Postcode, Provider, Team
from indexer.sources.checks import Dataset
from indexer.sources.report import Problem

Row = dict[str, Any]
Fault = tuple[str, str, str]  # column, value, rule
RowCheck = Callable[[Row], Fault | None]


def region_problems(
    dataset: Dataset, session: Session, region_id: str, today: date
) -> list[Problem]:
    """A problem for every row in `dataset` that speaks for another region than `region_id`;
    contracts count when they run on `today` or later."""
    checks = _Scope(dataset, session, region_id, today).checks()
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

    def __init__(self, dataset: Dataset, session: Session, region_id: str, today: date) -> None:
        self.region_id = region_id
        self.only = f"you load for region {region_id} only"
        stored_regions = dict(session.exec(select(Municipality.code, Municipality.region_id)).all())
        self.stored_postcodes = dict(
            session.exec(select(Postcode.pc4, Postcode.municipality_code)).all()
        )
        self.stored_teams = dict(session.exec(select(Team.id, Team.municipality_code)).all())
        # A municipality or postcode stays where it is stored; the upload only adds new ones.
        self.region_of = _uploaded(dataset, "regions", "municipality_code", "region_id")
        self.region_of |= stored_regions
        self.municipality_of = _uploaded(dataset, "postcodes", "pc4", "municipality_code")
        self.municipality_of |= self.stored_postcodes
        self.stored_providers = set(session.exec(select(Provider.id)))
        runs = or_(col(Contract.valid_to).is_(None), col(Contract.valid_to) >= today)
        query = select(Contract.provider_id).where(Contract.region_id == region_id, runs)
        self.contracted = set(session.exec(query))
        self.vouched = {
            row["provider_id"]
            for _, row in _rows(dataset, "contracts")
            if row["region_id"] == region_id and (row["valid_to"] or today) >= today
        }

    def checks(self) -> dict[str, RowCheck]:
        region_files = ("profiles", "intensities", "contracts", "tariffs", "outcomes", "norms")
        return {
            **dict.fromkeys((*region_files, "waittimes"), self.own_region),
            "regions": self.regions_row,
            "postcodes": self.postcodes_row,
            "teams": self.teams_row,
            "providers": self.contracted_provider,
            "locations": self.contracted_provider,
        }

    def own_region(self, row: Row) -> Fault | None:
        if row["region_id"] != self.region_id:
            return "region_id", row["region_id"], f"is another region: {self.only}"
        return None

    def own_municipality(self, code: str, column: str, value: str) -> Fault | None:
        other = self.region_of.get(code)
        if other is None:
            where = "neither in the store nor in regions.csv"
            return column, value, f"belongs to municipality {code}, which is {where}: {self.only}"
        if other != self.region_id:
            return column, value, f"belongs to municipality {code} of region {other}: {self.only}"
        return None

    def own_postcode(self, pc4: str) -> Fault | None:
        code = self.municipality_of.get(pc4)
        if code is None:
            rule = f"is a postcode neither in the store nor in postcodes.csv: {self.only}"
            return "pc4", pc4, rule
        return self.own_municipality(code, "pc4", pc4)

    def regions_row(self, row: Row) -> Fault | None:
        code = row["municipality_code"]
        return self.own_region(row) or self.own_municipality(code, "municipality_code", code)

    def postcodes_row(self, row: Row) -> Fault | None:
        return self.placed(row, self.stored_postcodes, "pc4")

    def teams_row(self, row: Row) -> Fault | None:
        return self.placed(row, self.stored_teams, "team_id") or self.served(row["pc4"])

    def placed(self, row: Row, stored: dict[str, str], key: str) -> Fault | None:
        """A municipality's postcode or team: the row's municipality must be the region's,
        and so must the one the postcode or team is stored under now."""
        code = row["municipality_code"]
        where = stored.get(row[key], code)
        return self.own_municipality(code, "municipality_code", code) or (
            self.own_municipality(where, key, row[key])
        )

    def served(self, postcodes: list[str]) -> Fault | None:
        """The first postcode a team serves outside the region, and how many more do: a
        range such as 1000-9999 would otherwise list thousands."""
        faults = [fault for pc4 in postcodes if (fault := self.own_postcode(pc4))]
        if not faults:
            return None
        column, value, rule = faults[0]
        if len(faults) > 1:
            rule += f"; {len(faults) - 1} more postcodes of this team are not the region's"
        return column, value, rule

    def contracted_provider(self, row: Row) -> Fault | None:
        provider = row["provider_id"]
        if provider in self.stored_providers:
            if provider in self.contracted:
                return None
            rule = f"has no contract in region {self.region_id} that runs today in the store"
        elif provider in self.vouched:
            return None
        else:
            rule = f"has no contract in region {self.region_id} that runs today or later"
        return "provider_id", provider, f"{rule}: {self.only}"


def _rows(dataset: Dataset, name: str) -> list[tuple[int, Row]]:
    return dataset[name].rows if name in dataset else []


def _uploaded(dataset: Dataset, name: str, key: str, value: str) -> dict[str, str]:
    """What the upload's `name` file maps `key` to, e.g. each postcode's municipality."""
    return {str(row[key]): str(row[value]) for _, row in _rows(dataset, name)}
